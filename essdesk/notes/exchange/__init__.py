"""Exchange files (``.essnotes``): notes and follow-up carried between laptops on a USB stick.

A package by stage: :mod:`.format` (what a valid file is), :mod:`.reader` (the hardened
archive reader), :mod:`.writer` (export), :mod:`.merge` (import planner and applier, through
the store's unit of work) and :mod:`.messages` (the French text the window and the CLI show).
Callers import from here.
"""

from essdesk.notes.exchange.format import (
    EXPORT_HISTORY,
    FORMAT,
    FORMAT_VERSION,
    MANIFEST,
    MAX_ARCHIVE_BYTES,
    MAX_HISTORY,
    MAX_LINE,
    MAX_MANIFEST_BYTES,
    MAX_MEMBERS,
    MAX_NOTES,
    MAX_PAYLOAD_BYTES,
    MAX_STATUSES,
    MAX_TERRITORIES,
    PAYLOAD,
    SUFFIX,
    ExchangeFile,
    IncomingNote,
    IncomingStatus,
    IncomingTerritory,
)
from essdesk.notes.exchange.merge import (
    Counts,
    ImportPreview,
    ImportResult,
    NotePlan,
    StatusPlan,
    TerritoryPlan,
    apply_import,
    merge_in,
    preview_import,
)
from essdesk.notes.exchange.messages import ExchangeError
from essdesk.notes.exchange.reader import read_exchange_file
from essdesk.notes.exchange.writer import (
    REPLACEMENT,
    ExportSummary,
    default_filename,
    export_notes,
)

__all__ = [
    "EXPORT_HISTORY",
    "FORMAT",
    "FORMAT_VERSION",
    "MANIFEST",
    "MAX_ARCHIVE_BYTES",
    "MAX_HISTORY",
    "MAX_LINE",
    "MAX_MANIFEST_BYTES",
    "MAX_MEMBERS",
    "MAX_NOTES",
    "MAX_PAYLOAD_BYTES",
    "MAX_STATUSES",
    "MAX_TERRITORIES",
    "PAYLOAD",
    "REPLACEMENT",
    "SUFFIX",
    "Counts",
    "ExchangeError",
    "ExchangeFile",
    "ExportSummary",
    "ImportPreview",
    "ImportResult",
    "IncomingNote",
    "IncomingStatus",
    "IncomingTerritory",
    "NotePlan",
    "StatusPlan",
    "TerritoryPlan",
    "apply_import",
    "default_filename",
    "export_notes",
    "merge_in",
    "preview_import",
    "read_exchange_file",
]
