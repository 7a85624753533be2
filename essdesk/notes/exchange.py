"""Exchange files (``.essnotes``): notes and follow-up carried between laptops on a USB stick.

**Format 1.** A ZIP archive with exactly two members, read in memory by their exact names
(nothing is ever extracted to disk, nothing in it is ever executed or rendered):

* ``manifest.json`` — ``{"format": "essdesk-notes", "format_version": 1, "essdesk_version",
  "catalogue_version", "created", "scope", "territories": [{uuid, name, types}], "counts":
  {territories, notes, statuses}, "payload": {"name": "notes.json", "size", "sha256"}}``;
* ``notes.json`` — ``{"territories": [...], "notes": [...], "statuses": [...]}``. A territory
  has its uuid, name, types, commune, code, initials and creation date. A note has its stable
  uuid, entry key and title, ``territory_uuid`` (one of the file's territories: its name and
  types are given once there), text, created/updated, ``author`` (the initials of who wrote
  the text: those it was imported with, else the exporting profile's; kept on import),
  ``conflict_of`` and ``history``: the SHA-256 of the texts the note has had (its newest
  :data:`EXPORT_HISTORY` versions), which lets the receiver tell "changed on one side only"
  from "changed on both sides". Statuses are a list of their own, keyed by (entry,
  territory), because an entry may have a status and no note.

An export is written under a temporary name, read back exactly as an import would read it,
and only then renamed into place: what essdesk writes, essdesk reads (too many notes for one
file is refused before writing, with the advice to export one territory at a time).

**Merge rules** (:func:`apply_import`: a backup ``avant-import`` first, then one transaction).
For an incoming note, in the local territory it goes to (see territories below):

1. *identical* — its text is already known here for that entry and territory (the current
   text of a note, a conflict copy, a note in the trash, any earlier version in a history,
   or a text purged from the trash, remembered by its digest): nothing to do. This is what
   makes a second import a no-op, and why a conflict resolved here (the losing copy goes to
   the trash) or a deleted note does not come back, even once the trash is emptied.
2. *update* (fast-forward) — the note with the same uuid is live here, its current text is
   one of the incoming note's earlier texts (``history``) and the incoming one is newer: the
   text is replaced, the local text stays in the note's history. An imported text enters
   the history as a version of its own (see :func:`_version_time`), so typing right after
   an import does not erase the base the next exchange compares to. Known limit: typing
   within a minute *after an export* coalesces into the exported version, so the other side
   then sees a conflict (both texts are kept; nothing is lost).
3. otherwise the note is added: *new* when the entry has no note here for that territory,
   else *conflict*: kept beside the local note as a conflict copy (``conflict_of`` = the
   local note's uuid) for the user to resolve (:meth:`NotesStore.resolve_conflict`). A copy
   whose uuid is already taken here gets a uuid derived from (uuid, territory, text), so an
   import never overwrites a note.

Statuses: the most recently updated wins (a local status newer than the incoming one is
kept); the preview counts how many are new, updated, kept.

Territories: the incoming uuid exists here → the same profile (a deleted one is brought back,
without the notes of its trash); else a live profile of the same name (case-insensitive) →
mapped to it; else created with the file's uuid, name and types. The preview's ``mapping``
({incoming uuid: local uuid, or None to create a new profile}) overrides this choice. A
profile created or brought back whose name is taken gets " (importé)" after it.

Notes for entries the catalogue does not know are imported like the others and flagged
``orphan`` in the preview ("Notes orphelines" shows them later). Any file that is not a sound
format-1 archive raises :class:`ExchangeError` (a French ``message``) before anything is
written.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import re
import struct
import tempfile
import uuid as uuidlib
import zipfile
from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import sqlalchemy.exc
from sqlalchemy import Connection, bindparam, delete, insert, select, update

from essdesk import __version__, textfold
from essdesk.notes.errors import NotesError
from essdesk.notes.local_entries import LOCAL_PREFIX
from essdesk.notes.local_exchange import (
    IncomingLocal,
    LocalPlan,
    LocalRecordError,
    export_records,
    local_summary,
    parse_records,
)
from essdesk.notes.local_exchange import apply as apply_local
from essdesk.notes.local_exchange import plan as plan_local
from essdesk.notes.records import Backup, Status
from essdesk.notes.schema import (
    STATUSES,
    forgotten_texts,
    note_size_problem,
    note_versions,
    notes,
    notes_fts,
    statuses,
    territories,
    text_digest,
    timestamp,
)
from essdesk.notes.store import COALESCE_SECONDS, NotesStore, TerritoryRef, status_record

_territories_table = territories  # export_notes() takes an argument called ``territories``

FORMAT = "essdesk-notes"
FORMAT_VERSION = 1
SUFFIX = ".essnotes"
MANIFEST = "manifest.json"
PAYLOAD = "notes.json"

KB, MB = 1024, 1024 * 1024
MAX_ARCHIVE_BYTES = 64 * MB
"""Largest file accepted, checked on its size before a byte is read."""
MAX_MANIFEST_BYTES = 64 * KB
MAX_PAYLOAD_BYTES = 50 * MB
"""Largest ``notes.json`` once decompressed (declared size checked first, then read bounded)."""
MAX_RATIO = 200
"""Largest compression ratio accepted for a member over :data:`RATIO_FLOOR` (zip bombs)."""
RATIO_FLOOR = 1 * MB
MAX_MEMBERS = 8
"""Largest member count read from the end record before the central directory is parsed."""
MAX_TERRITORIES = 1_000
MAX_NOTES = 100_000
MAX_STATUSES = 100_000
MAX_HISTORY = 1_000
EXPORT_HISTORY = 200
"""Texts of a note's history sent in an export, newest first: enough to recognise the text
the other laptop last received, small enough for thousands of notes."""
MAX_LINE = 1_000
"""Longest one-line field (key, name, title, commune…); texts and contacts are bounded only by
:data:`MAX_PAYLOAD_BYTES`, so that any note essdesk can hold can travel."""

# The vocabularies of ``ExchangeFile.scope`` and of the plans' ``action`` fields (for the UI).
SCOPES = ("all", "territory", "selection")
NOTE_ACTIONS = ("new", "identical", "update", "conflict")
TERRITORY_ACTIONS = ("existing", "map", "restore", "create")
STATUS_ACTIONS = ("new", "identical", "update", "keep")

_NAMESPACE = uuidlib.UUID("6f1d3c0e-4b7a-4d0e-9a51-2f0b8f3f6c11")
"""Namespace of the uuids derived for copies (uuid5): stable, so re-imports find them."""

_SHA256 = re.compile(r"[0-9a-f]{64}")
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_TYPE_KEY = re.compile(r"territory:[^,\x00-\x1f\x7f]{1,100}")  # stored comma-separated
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_TEXT_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
"""Refused in texts too: NUL (SQLite's own functions stop at it) and terminal escapes, which
``essdesk notes list`` would otherwise send to the user's terminal. Tabs and line breaks pass."""
_EOCD = b"PK\x05\x06"
_S_IFLNK, _S_IFMT = 0o120000, 0o170000


class ExchangeError(NotesError):
    """An exchange file was refused or an import could not be applied; nothing was changed."""


# -- records ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class IncomingTerritory:
    uuid: str
    name: str
    types: tuple[str, ...]
    commune: str
    code: str
    initials: str
    created: datetime


@dataclass(frozen=True)
class IncomingNote:
    uuid: str
    entry_key: str
    entry_title: str
    territory_uuid: str  # the incoming territory's uuid (see TerritoryPlan for where it goes)
    text: str
    created: datetime
    updated: datetime
    author: str  # initials of the profile that wrote it
    conflict_of: str | None
    history: frozenset[str]  # SHA-256 (hex) of every text the note has had over there

    @property
    def digest(self) -> str:
        return text_digest(self.text)


@dataclass(frozen=True)
class IncomingStatus:
    entry_key: str
    territory_uuid: str
    status: str
    date: str | None
    contact: str
    updated: datetime


@dataclass(frozen=True)
class ExchangeFile:
    """A parsed and fully validated exchange file (see :func:`read_exchange_file`)."""

    path: Path | None
    format_version: int
    essdesk_version: str
    catalogue_version: str | None
    created: datetime
    scope: str
    territories: tuple[IncomingTerritory, ...]
    notes: tuple[IncomingNote, ...]
    statuses: tuple[IncomingStatus, ...]
    sha256: str  # of notes.json
    local_entries: tuple[IncomingLocal, ...] = ()  # the territories' own entries (optional)


@dataclass(frozen=True)
class Counts:
    """How many incoming notes (and statuses) fall in each case."""

    new: int = 0
    identical: int = 0
    updated: int = 0
    conflicting: int = 0
    orphaned: int = 0  # of any action: entries this catalogue does not know
    statuses_new: int = 0
    statuses_updated: int = 0
    statuses_kept: int = 0  # identical, or newer here

    @property
    def changes(self) -> int:
        return (
            self.new + self.updated + self.conflicting + self.statuses_new + self.statuses_updated
        )

    def as_dict(self) -> dict[str, int]:
        return {
            "new": self.new,
            "identical": self.identical,
            "updated": self.updated,
            "conflicting": self.conflicting,
            "orphaned": self.orphaned,
            "statuses_new": self.statuses_new,
            "statuses_updated": self.statuses_updated,
            "statuses_kept": self.statuses_kept,
        }

    @staticmethod
    def of(note_plans: Iterable[NotePlan], status_plans: Iterable[StatusPlan]) -> Counts:
        n: Counter[str] = Counter()
        orphans = 0
        for plan in note_plans:
            n[plan.action] += 1
            orphans += plan.orphan
        s = Counter(plan.action for plan in status_plans)
        return Counts(
            new=n["new"],
            identical=n["identical"],
            updated=n["update"],
            conflicting=n["conflict"],
            orphaned=orphans,
            statuses_new=s["new"],
            statuses_updated=s["update"],
            statuses_kept=s["identical"] + s["keep"],
        )


@dataclass(frozen=True)
class TerritoryPlan:
    """Where an incoming territory's notes go here."""

    incoming: IncomingTerritory
    action: str  # "existing" | "map" | "restore" | "create"
    local_uuid: str  # the local profile (for "create": the uuid it will get)
    local_name: str  # its name here (for "create": the name it will get)
    by_name: bool = False  # "map" chosen because the names match (not by the caller)
    counts: Counts = field(default_factory=Counts)

    @property
    def label(self) -> str:
        """French line for the preview ("Creuse — existe déjà ici")."""
        what = {
            "existing": "existe déjà ici",
            "map": f"rattaché au territoire « {self.local_name} »"
            + (" (même nom)" if self.by_name else ""),
            "restore": "profil supprimé ici : il sera rétabli"
            + (
                f" sous le nom « {self.local_name} »"
                if self.local_name != self.incoming.name
                else ""
            ),
            "create": "sera créé"
            + (
                f" sous le nom « {self.local_name} »"
                if self.local_name != self.incoming.name
                else ""
            ),
        }[self.action]
        return f"{self.incoming.name} — {what}"


@dataclass(frozen=True)
class NotePlan:
    """What the import does with one incoming note."""

    incoming: IncomingNote
    action: str  # "new" | "identical" | "update" | "conflict"
    territory_uuid: str  # local territory
    orphan: bool  # its entry is unknown to this catalogue
    note_uuid: str  # the local note written (new/conflict/update) or matched (identical)
    conflict_of: str | None = None  # for "conflict": the local note kept beside
    local_text: str | None = None  # for "update"/"conflict": the local text, for the dialog

    @property
    def label(self) -> str:
        return {
            "new": "nouvelle",
            "identical": "identique (déjà présente)",
            "update": "mise à jour (modifiée seulement de l'autre côté)",
            "conflict": "en conflit : gardée à côté de la note locale",
        }[self.action]


@dataclass(frozen=True)
class StatusPlan:
    incoming: IncomingStatus
    action: str  # "new" | "identical" | "update" | "keep" (newer here)
    territory_uuid: str
    local: Status | None


@dataclass(frozen=True)
class ImportPreview:
    """What importing a file would do, computed without writing anything.

    Pass it back to :func:`apply_import`, which plans again inside its write transaction
    (the notes may have changed since) with the same file, mapping and known keys.
    """

    file: ExchangeFile
    mapping: tuple[tuple[str, str | None], ...]
    known_keys: frozenset[str] | None  # None: the catalogue could not be read, no orphans
    territories: tuple[TerritoryPlan, ...]
    notes: tuple[NotePlan, ...]
    statuses: tuple[StatusPlan, ...]
    counts: Counts
    local_entries: tuple[LocalPlan, ...] = ()

    @property
    def has_changes(self) -> bool:
        return (
            self.counts.changes > 0
            or any(t.action in ("create", "restore") for t in self.territories)
            or any(p.action in ("new", "update", "conflict") for p in self.local_entries)
        )

    @property
    def catalogue_checked(self) -> bool:
        return self.known_keys is not None

    def territory_plan(self, incoming_uuid: str) -> TerritoryPlan:
        return next(t for t in self.territories if t.incoming.uuid == incoming_uuid)

    def entries(self) -> list[tuple[str, str, list[NotePlan]]]:
        """(entry key, title, plans) grouped by entry in French title order, for the dialog."""
        groups: dict[str, list[NotePlan]] = {}
        for plan in self.notes:
            groups.setdefault(plan.incoming.entry_key, []).append(plan)
        rows = [
            (
                key,
                next((p.incoming.entry_title for p in plans if p.incoming.entry_title), ""),
                plans,
            )
            for key, plans in groups.items()
        ]
        rows.sort(key=lambda r: (textfold.sort_key(r[1] or r[0]), r[0]))
        return rows

    def summary_lines(self) -> list[str]:
        """The preview in French, one line per item (CLI ``--dry-run``, logs)."""
        f = self.file
        origin = f"format {f.format_version}, essdesk {f.essdesk_version}"
        if f.catalogue_version:
            origin += f", catalogue {f.catalogue_version}"
        local = f.created.astimezone()
        lines = [f"Exporté le {local:%d/%m/%Y à %H:%M} ({origin})."]
        lines.append("Territoires :")
        lines += [f"  {t.label}" for t in self.territories] or ["  (aucun)"]
        c = self.counts
        lines.append(
            "Notes : "
            + ", ".join(
                [
                    _n(c.new, "nouvelle", "nouvelles"),
                    _n(c.identical, "identique", "identiques"),
                    _n(c.updated, "mise à jour", "mises à jour"),
                    _n(c.conflicting, "en conflit", "en conflit")
                    + (" (gardées côte à côte)" if c.conflicting else ""),
                ]
            )
            + "."
        )
        if self.known_keys is None:
            lines.append(
                "Catalogue illisible : les notes orphelines (fiches inconnues) n'ont pas pu "
                "être repérées."
            )
        elif c.orphaned:
            lines.append(
                _n(c.orphaned, "note concerne", "notes concernent")
                + " une fiche inconnue de ce catalogue : gardée(s) dans « Notes orphelines »."
            )
        lines.append(
            "Suivis : "
            + ", ".join(
                [
                    _n(c.statuses_new, "nouveau", "nouveaux"),
                    _n(c.statuses_updated, "mis à jour", "mis à jour"),
                    _n(c.statuses_kept, "inchangé", "inchangés"),
                ]
            )
            + "."
        )
        if self.local_entries:
            lines.append("Entrées locales : " + local_summary(self.local_entries) + ".")
        names = {t.incoming.uuid: t.local_name for t in self.territories}
        for plan in self.notes:
            if plan.action == "identical":
                continue
            n = plan.incoming
            title = f" — {n.entry_title}" if n.entry_title else ""
            orphan = " [orpheline]" if plan.orphan else ""
            lines.append(
                f"  [{names[n.territory_uuid]}] {n.entry_key}{title} : {plan.label}{orphan}"
            )
        return lines

    def as_json(self) -> dict[str, Any]:
        f = self.file
        names = {t.incoming.uuid: t.local_name for t in self.territories}
        return {
            "file": str(f.path) if f.path else None,
            "format_version": f.format_version,
            "essdesk_version": f.essdesk_version,
            "catalogue_version": f.catalogue_version,
            "created": f.created.isoformat(),
            "catalogue_checked": self.catalogue_checked,
            "counts": self.counts.as_dict(),
            "territories": [
                {
                    "uuid": t.incoming.uuid,
                    "name": t.incoming.name,
                    "action": t.action,
                    "local_uuid": t.local_uuid,
                    "local_name": t.local_name,
                    "counts": t.counts.as_dict(),
                }
                for t in self.territories
            ],
            "notes": [
                {
                    "uuid": p.incoming.uuid,
                    "key": p.incoming.entry_key,
                    "title": p.incoming.entry_title,
                    "territory": names[p.incoming.territory_uuid],
                    "action": p.action,
                    "orphan": p.orphan,
                    "note_uuid": p.note_uuid,
                    "conflict_of": p.conflict_of,
                }
                for p in self.notes
            ],
            "local_entries": [
                {
                    "uuid": p.incoming.uuid,
                    "key": LOCAL_PREFIX + p.incoming.uuid,
                    "title": p.incoming.content.title,
                    "action": p.action,
                }
                for p in self.local_entries
            ],
        }


@dataclass(frozen=True)
class ImportResult:
    """What :func:`apply_import` did: the plan it carried out and the backup made first."""

    plan: ImportPreview
    backup: Backup | None  # None when there was nothing to change (no backup, no write)

    @property
    def counts(self) -> Counts:
        return self.plan.counts


@dataclass(frozen=True)
class ExportSummary:
    path: Path
    territories: tuple[str, ...]  # names
    notes: int
    statuses: int


# -- small helpers ----------------------------------------------------------------------------


def _n(count: int, one: str, many: str) -> str:
    return f"{count} {one if count <= 1 else many}"  # French: 0 and 1 take the singular


def _int(n: int) -> str:
    """French grouping: 100 000 (narrow no-break spaces)."""
    return f"{n:,}".replace(",", "\N{NARROW NO-BREAK SPACE}")


def _size(n: int) -> str:
    """French size: 3,0 Go, 50 Mo, 12 ko."""
    for unit, factor in (("Go", 1024**3), ("Mo", MB), ("ko", KB)):
        if n >= factor:
            return f"{n / factor:.1f} {unit}".replace(".", ",")
    return f"{n} octets"


def _bad_file(message: str, detail: str) -> ExchangeError:
    return ExchangeError(message + " Rien n'a été importé.", detail)


def _damaged(detail: str) -> ExchangeError:
    return _bad_file(
        "Le fichier de notes est endommagé ou incomplet : recopiez-le depuis l'ordinateur "
        "d'origine.",
        detail,
    )


def _invalid(where: str, what: str) -> ExchangeError:
    return _bad_file(f"Le fichier de notes est invalide ({where}) : {what}.", f"{where}: {what}")


def _refused(what: str, detail: str) -> ExchangeError:
    return _bad_file(f"Ce fichier {what} : il a été refusé par sécurité.", detail)


# -- reading an exchange file -----------------------------------------------------------------


def read_exchange_file(path: Path | str) -> ExchangeFile:
    """Read and validate ``path`` entirely in memory; :class:`ExchangeError` if it is not a
    sound exchange file. Every size is checked before the bytes it announces are read."""
    source = Path(path)
    raw = _read_archive(source)
    archive = _open_zip(raw)
    infos = _check_members(archive)
    if MANIFEST not in infos:
        raise _bad_file(
            "Ce fichier n'est pas un fichier de notes essdesk (manifest.json absent).",
            "no manifest.json member",
        )
    manifest = _parse_json(_read_member(archive, infos[MANIFEST], MAX_MANIFEST_BYTES), MANIFEST)
    head = _check_manifest(manifest)
    unexpected = sorted(set(infos) - {MANIFEST, PAYLOAD})
    if unexpected:
        raise _bad_file(
            f"Ce fichier contient un élément inattendu (« {_shown(unexpected[0])} ») : ce n'est pas "
            "un fichier de notes essdesk valide.",
            f"unexpected members {unexpected[:5]}",
        )
    if PAYLOAD not in infos:
        raise _damaged("no notes.json member")
    body = _read_member(archive, infos[PAYLOAD], MAX_PAYLOAD_BYTES)
    digest = hashlib.sha256(body).hexdigest()
    if len(body) != head["size"] or digest != head["sha256"]:
        raise _bad_file(
            "Le fichier de notes est endommagé ou a été modifié : sa somme de contrôle ne "
            "correspond pas. Recopiez-le depuis l'ordinateur d'origine.",
            f"payload sha256 {digest} size {len(body)}, manifest says {head['sha256']} "
            f"size {head['size']}",
        )
    parsed = _parse_json(body, PAYLOAD)
    content = _check_payload(parsed, head["counts"])
    try:
        local = parse_records(parsed.get("local_entries"), {t.uuid for t in content[0]})
    except LocalRecordError as exc:
        raise ExchangeError(exc.message, exc.detail) from exc
    return ExchangeFile(
        path=source,
        format_version=head["format_version"],
        essdesk_version=head["essdesk_version"],
        catalogue_version=head["catalogue_version"],
        created=head["created"],
        scope=head["scope"],
        territories=content[0],
        notes=content[1],
        statuses=content[2],
        sha256=digest,
        local_entries=tuple(local),
    )


def _read_archive(source: Path) -> bytes:
    try:
        if source.is_dir():
            raise _bad_file(
                f"« {source} » est un dossier, pas un fichier de notes essdesk.", "is a directory"
            )
        if not source.is_file() and source.exists():  # a FIFO or a device would never end
            raise _bad_file(
                f"« {source} » n'est pas un fichier ordinaire : ce n'est pas un fichier de notes "
                "essdesk.",
                "not a regular file",
            )
        size = source.stat().st_size
        if size > MAX_ARCHIVE_BYTES:
            raise _bad_file(
                f"Ce fichier est bien trop volumineux pour être un fichier de notes essdesk "
                f"({_size(size)} ; maximum {_size(MAX_ARCHIVE_BYTES)}).",
                f"file size {size}",
            )
        with source.open("rb") as fh:
            raw = fh.read(MAX_ARCHIVE_BYTES + 1)
    except FileNotFoundError as exc:
        raise _bad_file(f"Fichier introuvable : {source}.", str(exc)) from exc
    except OSError as exc:
        raise _bad_file(
            f"Impossible de lire le fichier {source} : {exc.strerror or exc}.", str(exc)
        ) from exc
    if len(raw) > MAX_ARCHIVE_BYTES:  # grew while we looked
        raise _bad_file("Ce fichier est bien trop volumineux.", f"read {len(raw)} bytes")
    return raw


def _not_a_zip(raw: bytes, detail: str) -> ExchangeError:
    if raw.startswith(b"PK\x03\x04"):  # starts like a ZIP archive: cut short or damaged
        return _damaged(f"truncated or damaged zip: {detail}")
    return _bad_file(
        "Ce fichier n'est pas un fichier de notes essdesk (archive ZIP illisible).", detail
    )


def _open_zip(raw: bytes) -> zipfile.ZipFile:
    # Count the members from the end record before zipfile parses the central directory:
    # a small file may declare millions of entries, each costing a ZipInfo in memory.
    end = raw.rfind(_EOCD, max(0, len(raw) - 22 - 65535))
    if end >= 0 and end + 22 <= len(raw):
        (entries,) = struct.unpack_from("<H", raw, end + 10)
        if entries > MAX_MEMBERS:
            raise _refused(
                f"contient trop d'éléments ({_int(entries)}) pour un fichier de notes essdesk",
                f"{entries} members",
            )
    try:
        return zipfile.ZipFile(io.BytesIO(raw))
    except Exception as exc:  # hostile bytes: zipfile raises BadZipFile, struct, EOF, value...
        raise _not_a_zip(raw, f"{type(exc).__name__}: {exc}") from exc


def _suspicious(name: str) -> bool:
    parts = name.replace("\\", "/").split("/")
    return (
        name.startswith(("/", "\\"))
        or "\\" in name
        or ".." in parts
        or bool(re.match(r"^[A-Za-z]:", name))
        or bool(_CONTROL.search(name))
    )


def _shown(name: str) -> str:
    """A member name as it may be shown to the user: short, control characters made visible."""
    return _CONTROL.sub("\N{REPLACEMENT CHARACTER}", name[:80])


def _check_members(archive: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    """Refuse path tricks, links, duplicates and encryption; return members by name."""
    found: dict[str, zipfile.ZipInfo] = {}
    for info in archive.infolist():
        name = info.orig_filename
        if _suspicious(name) or name != info.filename:
            raise _refused(
                f"contient un chemin suspect (« {_shown(name)} »)", f"suspicious member {name!r}"
            )
        if (info.external_attr >> 16) & _S_IFMT == _S_IFLNK:
            raise _refused(f"contient un lien symbolique (« {_shown(name)} »)", f"symlink {name!r}")
        if name in found:
            raise _refused(
                f"contient deux fois l'élément « {_shown(name)} »", f"duplicate {name!r}"
            )
        if info.flag_bits & 0x1:
            raise _bad_file(
                "Ce fichier est protégé par un mot de passe : essdesk ne lit que ses propres "
                "fichiers de notes, non chiffrés.",
                f"encrypted member {name!r}",
            )
        found[name] = info
    return found


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int) -> bytes:
    """The member's bytes, its declared sizes checked first and the read itself bounded."""
    name = info.filename
    if info.file_size > cap:
        raise _refused(
            f"annonce un contenu démesuré (« {name} » : {_size(info.file_size)} une fois "
            f"décompressé ; maximum {_size(cap)})",
            f"{name} declares {info.file_size} bytes",
        )
    if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        ratio = info.file_size // max(info.compress_size, 1)
        raise _refused(
            f"est anormalement compressé (« {name} » : {ratio} pour 1, signe d'une « bombe ZIP »)",
            f"{name} ratio {ratio}",
        )
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise _bad_file(
            "Ce fichier utilise une compression que essdesk ne lit pas : ce n'est pas un "
            "fichier de notes essdesk.",
            f"{name} compress_type {info.compress_type}",
        )
    try:
        with archive.open(info) as stream:
            data = stream.read(cap + 1)
    except Exception as exc:  # CRC mismatch, bad local header, zlib error on hostile bytes
        raise _damaged(f"{name}: {type(exc).__name__}: {exc}") from exc
    if len(data) != info.file_size:
        raise _damaged(f"{name}: read {len(data)} bytes, declared {info.file_size}")
    return data


class _DuplicateKey(ValueError):
    pass


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKey(key)
        result[key] = value
    return result


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")


def _parse_json(data: bytes, name: str) -> Any:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _invalid(name, "ce n'est pas un texte UTF-8 valide") from exc
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise _invalid(
            name, f"ce n'est pas du JSON valide (ligne {exc.lineno}, colonne {exc.colno})"
        ) from exc
    except _DuplicateKey as exc:
        raise _invalid(name, f"la clé « {str(exc)[:80]} » y figure deux fois") from exc
    except (ValueError, RecursionError) as exc:  # NaN, 10,000-digit numbers, deep nesting
        raise _invalid(name, f"ce n'est pas du JSON valide ({type(exc).__name__})") from exc


# -- validation -------------------------------------------------------------------------------


def _object(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _invalid(where, "un objet JSON ({…}) est attendu")
    return value


def _field(obj: dict[str, Any], name: str, where: str) -> Any:
    if name not in obj:
        raise _invalid(where, f"le champ « {name} » manque")
    return obj[name]


def _string(
    obj: dict[str, Any],
    name: str,
    where: str,
    max_len: int | None = MAX_LINE,
    *,
    optional: bool = False,
    multiline: bool = False,
    required: bool = False,
) -> str:
    value = obj.get(name) if optional else _field(obj, name, where)
    if value is None and optional:
        return ""
    if not isinstance(value, str):
        raise _invalid(where, f"« {name} » doit être une chaîne de caractères")
    if max_len is not None and len(value) > max_len:
        raise _invalid(where, f"« {name} » est trop long ({len(value)} caractères ; max {max_len})")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise _invalid(where, f"« {name} » contient des caractères invalides") from exc
    if (_TEXT_CONTROL if multiline else _CONTROL).search(value):
        raise _invalid(where, f"« {name} » contient des caractères de contrôle")
    if required and not value.strip():
        raise _invalid(where, f"« {name} » est vide")
    return value


def _note_text(obj: dict[str, Any], where: str) -> str:
    """A note's text, up to ``schema.MAX_NOTE_CHARS`` (the store's own limit): a 50 MB note
    was accepted, then froze the window for 76 s at 4.2 GB when shown."""
    text = _string(obj, "text", where, None, multiline=True)
    too_long = note_size_problem(text)
    if too_long is not None:
        raise _invalid(where, too_long)
    return text


def _uuid(obj: dict[str, Any], name: str, where: str, *, optional: bool = False) -> str | None:
    value = obj.get(name) if optional else _field(obj, name, where)
    if value is None and optional:
        return None
    if not isinstance(value, str) or not _UUID.fullmatch(value):  # str(uuid.UUID(...)) form
        raise _invalid(where, f"« {name} » n'est pas un identifiant (UUID) valide")
    return value


def _moment(obj: dict[str, Any], name: str, where: str) -> datetime:
    value = _field(obj, name, where)
    moment = None
    if isinstance(value, str) and len(value) <= 40:
        with contextlib.suppress(ValueError):
            moment = datetime.fromisoformat(value)
    if moment is None or moment.tzinfo is None or moment.utcoffset() is None:
        raise _invalid(where, f"« {name} » n'est pas une date ISO 8601 avec fuseau horaire")
    if not 1970 <= moment.year <= 2200:
        raise _invalid(where, f"« {name} » est une date invraisemblable ({value})")
    return moment.astimezone(UTC)


def _count(obj: dict[str, Any], name: str, where: str) -> int:
    value = _field(obj, name, where)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise _invalid(where, f"« {name} » doit être un entier positif")
    return value


def _list(obj: dict[str, Any], name: str, where: str, cap: int, what: str) -> list[Any]:
    value = _field(obj, name, where)
    if not isinstance(value, list):
        raise _invalid(where, f"« {name} » doit être une liste")
    if len(value) > cap:
        raise _too_many(len(value), cap, what)
    return value


def _too_many(found: int, cap: int, what: str) -> ExchangeError:
    return _bad_file(
        f"Ce fichier contient trop de {what} ({_int(found)} ; maximum {_int(cap)}) : ce n'est pas un "
        "fichier de notes essdesk plausible.",
        f"{found} {what} > {cap}",
    )


def _check_manifest(value: Any) -> dict[str, Any]:
    where = "manifeste"
    m = _object(value, where)
    if m.get("format") != FORMAT:
        shown = m.get("format")
        shown = shown[:40] if isinstance(shown, str) else "absent"
        raise _bad_file(
            f"Ce fichier n'est pas un fichier de notes essdesk (format « {shown} »).",
            f"format {m.get('format')!r}",
        )
    version = _field(m, "format_version", where)
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise _invalid(where, "« format_version » doit être un entier positif")
    if version > FORMAT_VERSION:
        raise _bad_file(
            f"Ce fichier de notes a été créé par une version plus récente d'essdesk (format "
            f"{version} ; cette version lit le format {FORMAT_VERSION}). Mettez essdesk à jour "
            "pour l'importer.",
            f"format_version {version} > {FORMAT_VERSION}",
        )
    counts = _object(_field(m, "counts", where), "manifeste, counts")
    head: dict[str, Any] = {
        "format_version": version,
        "essdesk_version": _string(m, "essdesk_version", where, MAX_LINE),
        "catalogue_version": _string(m, "catalogue_version", where, MAX_LINE, optional=True)
        or None,
        "created": _moment(m, "created", where),
        "scope": _string(m, "scope", where, MAX_LINE),
        "counts": {
            k: _count(counts, k, "manifeste, counts") for k in ("territories", "notes", "statuses")
        },
    }
    for key, cap, what in (
        ("territories", MAX_TERRITORIES, "territoires"),
        ("notes", MAX_NOTES, "notes"),
        ("statuses", MAX_STATUSES, "suivis"),
    ):
        if head["counts"][key] > cap:
            raise _too_many(head["counts"][key], cap, what)
    for i, item in enumerate(_list(m, "territories", where, MAX_TERRITORIES, "territoires"), 1):
        t = _object(item, f"manifeste, territoire n° {i}")
        _uuid(t, "uuid", f"manifeste, territoire n° {i}")
        _string(t, "name", f"manifeste, territoire n° {i}", MAX_LINE)
    payload = _object(_field(m, "payload", where), "manifeste, payload")
    if payload.get("name") != PAYLOAD:
        raise _invalid("manifeste, payload", f"« name » doit valoir « {PAYLOAD} »")
    head["size"] = _count(payload, "size", "manifeste, payload")
    digest = payload.get("sha256")
    if not isinstance(digest, str) or not _SHA256.fullmatch(digest):
        raise _invalid("manifeste, payload", "« sha256 » n'est pas une somme SHA-256")
    head["sha256"] = digest
    return head


def _check_payload(
    value: Any, declared: dict[str, int]
) -> tuple[tuple[IncomingTerritory, ...], tuple[IncomingNote, ...], tuple[IncomingStatus, ...]]:
    body = _object(value, "contenu")
    raw_territories = _list(body, "territories", "contenu", MAX_TERRITORIES, "territoires")
    raw_notes = _list(body, "notes", "contenu", MAX_NOTES, "notes")
    raw_statuses = _list(body, "statuses", "contenu", MAX_STATUSES, "suivis")
    for key, found, what in (
        ("territories", raw_territories, "territoires"),
        ("notes", raw_notes, "notes"),
        ("statuses", raw_statuses, "suivis"),
    ):
        if declared[key] != len(found):
            raise _bad_file(
                f"Le fichier de notes est incohérent : le manifeste annonce {declared[key]} "
                f"{what}, le contenu en a {len(found)}.",
                f"{key}: declared {declared[key]}, found {len(found)}",
            )

    terrs: dict[str, IncomingTerritory] = {}
    for i, item in enumerate(raw_territories, 1):
        where = f"territoire n° {i}"
        t = _object(item, where)
        tu = _uuid(t, "uuid", where)
        assert tu is not None
        if tu in terrs:
            raise _invalid(where, "identifiant en double")
        raw_types = _list(t, "types", where, 20, "types de territoire")
        if not all(isinstance(k, str) and _TYPE_KEY.fullmatch(k) for k in raw_types):
            raise _invalid(where, "« types » doit être une liste de clés comme territory:zrr")
        terrs[tu] = IncomingTerritory(
            uuid=tu,
            name=" ".join(_string(t, "name", where, MAX_LINE, required=True).split()),
            types=tuple(dict.fromkeys(raw_types)),
            commune=_string(t, "commune", where, optional=True),
            code=_string(t, "code", where, optional=True),
            initials=_string(t, "initials", where, optional=True),
            created=_moment(t, "created", where),
        )

    found_notes: dict[str, IncomingNote] = {}
    for i, item in enumerate(raw_notes, 1):
        where = f"note n° {i}"
        n = _object(item, where)
        nu = _uuid(n, "uuid", where)
        assert nu is not None
        if nu in found_notes:
            raise _invalid(where, "identifiant en double")
        key = _string(n, "entry_key", where, MAX_LINE, required=True)
        where = f"note n° {i} ({key})"
        tu = _uuid(n, "territory_uuid", where)
        if tu not in terrs:
            raise _invalid(where, "son territoire ne figure pas dans le fichier")
        history = _list(n, "history", where, MAX_HISTORY, "versions d'une note")
        if not all(isinstance(h, str) and _SHA256.fullmatch(h) for h in history):
            raise _invalid(where, "« history » doit être une liste de sommes SHA-256")
        found_notes[nu] = IncomingNote(
            uuid=nu,
            entry_key=key,
            entry_title=_string(n, "entry_title", where, optional=True),
            territory_uuid=tu,
            text=_note_text(n, where),
            created=_moment(n, "created", where),
            updated=_moment(n, "updated", where),
            author=_string(n, "author", where, MAX_LINE, optional=True),
            conflict_of=_uuid(n, "conflict_of", where, optional=True),
            history=frozenset(history),
        )

    found_statuses: dict[tuple[str, str], IncomingStatus] = {}
    for i, item in enumerate(raw_statuses, 1):
        where = f"suivi n° {i}"
        s = _object(item, where)
        key = _string(s, "entry_key", where, MAX_LINE, required=True)
        tu = _uuid(s, "territory_uuid", where)
        assert tu is not None
        if tu not in terrs:
            raise _invalid(where, "son territoire ne figure pas dans le fichier")
        if (key, tu) in found_statuses:
            raise _invalid(where, "suivi en double pour cette fiche et ce territoire")
        status = _field(s, "status", where)
        if not isinstance(status, str) or status not in STATUSES:
            shown = status if isinstance(status, str) else json.dumps(status)
            raise _invalid(where, f"statut inconnu « {_shown(shown[:40])} »")
        when = _string(s, "date", where, 40, optional=True) or None
        if when is not None:
            try:
                when = date.fromisoformat(when).isoformat()
            except ValueError as exc:
                raise _invalid(where, "« date » n'est pas une date AAAA-MM-JJ") from exc
        found_statuses[(key, tu)] = IncomingStatus(
            entry_key=key,
            territory_uuid=tu,
            status=status,
            date=when,
            contact=_string(s, "contact", where, None, optional=True, multiline=True),
            updated=_moment(s, "updated", where),
        )
    return tuple(terrs.values()), tuple(found_notes.values()), tuple(found_statuses.values())


# -- export -----------------------------------------------------------------------------------


REPLACEMENT = "\N{REPLACEMENT CHARACTER}"


def _line(value: str) -> str:
    """A one-line field as the format accepts it. essdesk never writes control characters or
    1,000-character names itself; should the database hold some (typed through the CLI),
    they are replaced or cut here so that every export can be imported."""
    return _CONTROL.sub(REPLACEMENT, value)[:MAX_LINE]


def _types(stored: str) -> list[str]:
    return [t for t in stored.split(",") if _TYPE_KEY.fullmatch(t)][:20]


def default_filename(names: Iterable[str], now: datetime) -> str:
    """``notes-essdesk-creuse-20240506-0930.essnotes`` (or ``…-tous-…`` for everything)."""
    listed = list(names)
    slug = "-".join(textfold.words(listed[0]))[:40] if len(listed) == 1 else "tous"
    return f"notes-essdesk-{slug or 'territoire'}-{now.astimezone():%Y%m%d-%H%M}{SUFFIX}"


def export_notes(
    store: NotesStore,
    dest: Path | str,
    territories: Iterable[TerritoryRef] | None = None,
    keys: Iterable[str] | None = None,
    *,
    catalogue_version: str | None = None,
) -> ExportSummary:
    """Write the live notes (conflict copies included) and statuses of some territories
    (default: all live ones), optionally only for some entry keys, to ``dest``.

    ``dest`` may be a folder: the file then gets :func:`default_filename`. The file is written
    beside its final name and renamed into place, so an interrupted export leaves no
    half-file behind.
    """
    wanted = None if territories is None else {store._tu(t) for t in territories}
    key_set = None if keys is None else set(keys)
    now = store._clock()
    with store._read() as conn:
        live = [
            r
            for r in conn.execute(
                select(_territories_table).where(_territories_table.c.deleted_at.is_(None))
            )
            if wanted is None or r.uuid in wanted
        ]
        missing = (wanted or set()) - {r.uuid for r in live}
        if missing:
            raise ExchangeError(
                "Territoire introuvable pour l'export.", f"no live territory {sorted(missing)}"
            )
        chosen = {r.uuid: r for r in live}

        def keep(entry_key: str, tu: str) -> bool:
            return tu in chosen and (key_set is None or entry_key in key_set)

        note_rows = [
            r
            for r in conn.execute(
                select(notes).where(notes.c.deleted_at.is_(None)).order_by(notes.c.created)
            )
            if keep(r.entry_key, r.territory_uuid)
        ]
        exported = {r.uuid for r in note_rows}
        history: dict[str, dict[str, None]] = {u: {} for u in exported}
        for note_uuid, text in conn.execute(
            select(note_versions.c.note_uuid, note_versions.c.text).order_by(
                note_versions.c.id.desc()
            )
        ):
            if note_uuid in exported and len(history[note_uuid]) < EXPORT_HISTORY:
                history[note_uuid][text_digest(text)] = None
        status_rows = [
            r
            for r in conn.execute(select(statuses).order_by(statuses.c.updated))
            if keep(r.entry_key, r.territory_uuid)
        ]
        local_records = [
            r
            for r in export_records(conn, chosen)
            if key_set is None or LOCAL_PREFIX + r["uuid"] in key_set
        ]
    names = sorted((r.name for r in live), key=textfold.sort_key)
    payload = {
        "territories": [
            {
                "uuid": r.uuid,
                "name": _line(r.name),
                "types": _types(r.types),
                "commune": _line(r.commune),
                "code": _line(r.code),
                "initials": _line(r.initials),
                "created": r.created,
            }
            for r in live
        ],
        "notes": [
            {
                "uuid": r.uuid,
                "entry_key": _line(r.entry_key),
                "entry_title": _line(r.entry_title),
                "territory_uuid": r.territory_uuid,
                "text": _TEXT_CONTROL.sub(REPLACEMENT, r.text),
                "created": r.created,
                "updated": r.updated,
                # who wrote it: the initials it came with, else this computer's profile
                "author": _line(r.author or chosen[r.territory_uuid].initials),
                "conflict_of": r.conflict_of,
                "history": sorted(history[r.uuid]),
            }
            for r in note_rows
        ],
        "statuses": [
            {
                "entry_key": _line(r.entry_key),
                "territory_uuid": r.territory_uuid,
                "status": r.status,
                "date": r.date,
                "contact": _TEXT_CONTROL.sub(REPLACEMENT, r.contact),
                "updated": r.updated,
            }
            for r in status_rows
        ],
    }
    if local_records:  # only then: a file without them stays readable by older versions
        payload["local_entries"] = local_records
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    if len(body) > MAX_PAYLOAD_BYTES or len(note_rows) > MAX_NOTES:
        raise ExchangeError(
            f"Trop de notes pour un seul fichier d'échange ({_int(len(note_rows))} notes, "
            f"{_size(len(body))} ; maximum {_int(MAX_NOTES)} notes et {_size(MAX_PAYLOAD_BYTES)})"
            " : exportez un territoire à la fois. Rien n'a été écrit.",
            f"payload {len(body)} bytes, {len(note_rows)} notes",
        )
    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "essdesk_version": __version__,
        "catalogue_version": catalogue_version,
        "created": timestamp(now),
        "scope": "selection" if key_set is not None else "all" if wanted is None else "territory",
        "territories": [
            {"uuid": r.uuid, "name": _line(r.name), "types": _types(r.types)} for r in live
        ],
        "counts": {
            "territories": len(live),
            "notes": len(note_rows),
            "statuses": len(status_rows),
        },
        "payload": {
            "name": PAYLOAD,
            "size": len(body),
            "sha256": hashlib.sha256(body).hexdigest(),
        },
    }
    target = Path(dest)
    if target.is_dir():
        target = target / default_filename(names, now)
    head = json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8")
    _write_verified(target, head, body, now)
    return ExportSummary(target, tuple(names), len(note_rows), len(status_rows))


def _write_verified(target: Path, manifest: bytes, payload: bytes, when: datetime) -> None:
    """Write the archive beside ``target``, read it back as an import would, then rename it
    into place: an export that would be refused on the other laptop is never left behind."""
    stamp = when.astimezone().timetuple()[:6]
    if stamp[0] < 1980:  # ZIP dates start in 1980
        stamp = (1980, 1, 1, 0, 0, 0)
    tmp: Path | None = None
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        tmp = Path(name)
        with os.fdopen(fd, "wb") as fh:
            with zipfile.ZipFile(fh, "w") as archive:
                for member, data in ((MANIFEST, manifest), (PAYLOAD, payload)):
                    info = zipfile.ZipInfo(member, date_time=stamp)
                    info.compress_type = zipfile.ZIP_DEFLATED
                    info.external_attr = 0o644 << 16
                    archive.writestr(info, data)
            fh.flush()
            os.fsync(fh.fileno())
        try:
            read_exchange_file(tmp)
        except ExchangeError as exc:
            raise ExchangeError(
                "Le fichier d'export n'a pas passé la vérification : "
                + exc.message.removesuffix(" Rien n'a été importé.")
                + " Rien n'a été écrit.",
                exc.detail,
            ) from exc
        os.replace(tmp, target)
        tmp = None
    except OSError as exc:
        raise ExchangeError(
            f"Impossible d'écrire le fichier {target} : {exc.strerror or exc}. Vérifiez la "
            "place libre et que la clé USB n'est pas protégée en écriture.",
            str(exc),
        ) from exc
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                tmp.unlink()


# -- planning an import -----------------------------------------------------------------------


@dataclass
class _LocalNote:
    uuid: str
    entry_key: str
    territory_uuid: str
    text: str
    updated: datetime
    deleted: bool
    conflict_of: str | None


@dataclass
class _Snapshot:
    """The local state an import is planned against (loaded in the plan's transaction)."""

    territories: dict[str, Any]  # uuid → row (uuid, name, deleted_at)
    notes: dict[str, _LocalNote]  # every note, any state
    primary: dict[tuple[str, str], str]  # (entry, territory) → uuid of the live note
    known: dict[tuple[str, str], set[str]]  # (entry, territory) → SHA-256 of every text seen
    statuses: dict[tuple[str, str], Status]

    @staticmethod
    def load(conn: Connection) -> _Snapshot:
        terrs = {
            r.uuid: r
            for r in conn.execute(
                select(territories.c.uuid, territories.c.name, territories.c.deleted_at)
            )
        }
        snap = _Snapshot(terrs, {}, {}, {}, {})
        for r in conn.execute(
            select(
                notes.c.uuid,
                notes.c.entry_key,
                notes.c.territory_uuid,
                notes.c.text,
                notes.c.updated,
                notes.c.deleted_at,
                notes.c.conflict_of,
            )
        ):
            note = _LocalNote(
                r.uuid,
                r.entry_key,
                r.territory_uuid,
                r.text,
                datetime.fromisoformat(r.updated),
                r.deleted_at is not None,
                r.conflict_of,
            )
            snap.notes[note.uuid] = note
            key = (note.entry_key, note.territory_uuid)
            snap.known.setdefault(key, set()).add(text_digest(note.text))
            if not note.deleted and note.conflict_of is None:
                snap.primary[key] = note.uuid
        versions = select(notes.c.entry_key, notes.c.territory_uuid, note_versions.c.text).join(
            notes, notes.c.uuid == note_versions.c.note_uuid
        )
        for entry_key, tu, text in conn.execute(versions):
            snap.known.setdefault((entry_key, tu), set()).add(text_digest(text))
        for r in conn.execute(select(forgotten_texts)):  # purged from the trash
            snap.known.setdefault((r.entry_key, r.territory_uuid), set()).add(r.sha256)
        for r in conn.execute(select(statuses)):
            snap.statuses[(r.entry_key, r.territory_uuid)] = status_record(r)
        return snap


def _plan_territories(
    file: ExchangeFile, snap: _Snapshot, mapping: Mapping[str, str | None]
) -> list[TerritoryPlan]:
    incoming_uuids = {t.uuid for t in file.territories}
    strays = sorted(set(mapping) - incoming_uuids)
    if strays:
        raise ExchangeError(
            "Correspondance de territoires invalide : un territoire choisi ne figure pas dans "
            "le fichier.",
            f"mapping keys not in file: {strays}",
        )
    live = {u: r for u, r in snap.territories.items() if r.deleted_at is None}
    by_name = {r.name.casefold(): u for u, r in live.items()}
    plans: list[TerritoryPlan] = []
    pending: list[int] = []  # "create" and "restore" plans: their name is chosen below
    for it in file.territories:
        if it.uuid in mapping and mapping[it.uuid] is not None:
            target = mapping[it.uuid]
            if target not in live:
                raise ExchangeError(
                    "Correspondance de territoires invalide : le territoire de destination "
                    "n'existe pas (ou plus) ici.",
                    f"mapping target {target!r} is not a live territory",
                )
            action = "existing" if target == it.uuid else "map"
            plans.append(TerritoryPlan(it, action, target, live[target].name))
            continue
        uuid_ = it.uuid
        if it.uuid in mapping and it.uuid in snap.territories:
            # None: the caller wants a new profile although this one exists here; a derived
            # uuid keeps a second import with the same choice going to the same new profile.
            uuid_ = str(uuidlib.uuid5(_NAMESPACE, f"territory/{it.uuid}"))
        row = snap.territories.get(uuid_)
        if row is not None and row.deleted_at is None:
            plans.append(TerritoryPlan(it, "existing", uuid_, row.name))
        elif row is not None and row.name.casefold() in by_name:
            other = by_name[row.name.casefold()]
            plans.append(TerritoryPlan(it, "map", other, live[other].name, by_name=True))
        elif row is not None:
            pending.append(len(plans))
            plans.append(TerritoryPlan(it, "restore", uuid_, row.name))
        elif it.uuid not in mapping and it.name.casefold() in by_name:
            other = by_name[it.name.casefold()]
            plans.append(TerritoryPlan(it, "map", other, live[other].name, by_name=True))
        else:
            pending.append(len(plans))
            plans.append(TerritoryPlan(it, "create", uuid_, it.name))
    # Names are unique among live profiles: a profile created or brought back by this import
    # whose name is taken (by another one of this import) gets "(importé)", "(importé 2)"...
    taken = set(by_name)
    for index in pending:
        plan = plans[index]
        name, n = plan.local_name, 1
        while name.casefold() in taken:
            suffix = " (importé)" if n == 1 else f" (importé {n})"
            name = plan.local_name[: MAX_LINE - len(suffix)] + suffix
            n += 1
        taken.add(name.casefold())
        plans[index] = TerritoryPlan(plan.incoming, plan.action, plan.local_uuid, name)
    return plans


def _plan_notes(
    file: ExchangeFile,
    snap: _Snapshot,
    where: dict[str, str],
    known_keys: frozenset[str] | None,
    arrival_order: bool = False,
) -> list[NotePlan]:
    plans = []
    # Notes before conflict copies, oldest first: the first to arrive for an entry becomes
    # its note here, the others are kept beside it. The team sync gives its notes in the
    # server's order (arrival_order) and trusts their histories, never the laptops' clocks.
    ordered = (
        list(file.notes)
        if arrival_order
        else sorted(file.notes, key=lambda n: (n.conflict_of is not None, n.updated, n.uuid))
    )
    copies: dict[tuple[str, str], list[_LocalNote]] = {}
    if arrival_order:
        for note in snap.notes.values():
            if note.conflict_of is not None and not note.deleted:
                copies.setdefault((note.entry_key, note.territory_uuid), []).append(note)
    for inc in ordered:
        tu = where[inc.territory_uuid]
        key = (inc.entry_key, tu)
        digest = inc.digest
        known = snap.known.setdefault(key, set())
        orphan = known_keys is not None and inc.entry_key not in known_keys
        local = snap.notes.get(inc.uuid)
        same = (
            local is not None
            and local.entry_key == inc.entry_key
            and local.territory_uuid == tu
            and not local.deleted
        )
        if digest in known:
            matched = local.uuid if same and local is not None else snap.primary.get(key, "")
            plans.append(NotePlan(inc, "identical", tu, orphan, matched))
            continue
        if (
            same
            and local is not None
            and text_digest(local.text) in inc.history
            and (arrival_order or inc.updated > local.updated)
        ):
            plans.append(NotePlan(inc, "update", tu, orphan, local.uuid, local_text=local.text))
            local.text, local.updated = inc.text, inc.updated
            known.add(digest)
            continue
        # In the team sync, a conflict copy follows its author's later edits: a new version
        # of a text kept here as a copy updates that copy instead of adding a second one
        # (else each laptop would keep a different set of stale copies).
        follower = next(
            (
                c
                for c in copies.get(key, ())
                if not c.deleted and text_digest(c.text) in inc.history
            ),
            None,
        )
        if follower is not None:
            plans.append(
                NotePlan(inc, "update", tu, orphan, follower.uuid, local_text=follower.text)
            )
            follower.text, follower.updated = inc.text, inc.updated
            known.add(digest)
            continue
        new_uuid = inc.uuid
        if new_uuid in snap.notes:
            new_uuid = str(uuidlib.uuid5(_NAMESPACE, f"note/{inc.uuid}/{tu}/{digest}"))
            if new_uuid in snap.notes:  # the same copy, edited since: nothing new to add
                plans.append(NotePlan(inc, "identical", tu, orphan, new_uuid))
                continue
        primary = snap.primary.get(key)
        if primary is None:
            snap.primary[key] = new_uuid
            plans.append(NotePlan(inc, "new", tu, orphan, new_uuid))
        else:
            plans.append(
                NotePlan(
                    inc,
                    "conflict",
                    tu,
                    orphan,
                    new_uuid,
                    conflict_of=primary,
                    local_text=snap.notes[primary].text,
                )
            )
        snap.notes[new_uuid] = _LocalNote(
            new_uuid,
            inc.entry_key,
            tu,
            inc.text,
            inc.updated,
            False,
            primary,
        )
        if primary is not None:
            copies.setdefault(key, []).append(snap.notes[new_uuid])
        known.add(digest)
    return plans


def _plan_statuses(file: ExchangeFile, snap: _Snapshot, where: dict[str, str]) -> list[StatusPlan]:
    plans = []
    for inc in sorted(file.statuses, key=lambda s: (s.updated, s.entry_key, s.territory_uuid)):
        tu = where[inc.territory_uuid]
        key = (inc.entry_key, tu)
        local = snap.statuses.get(key)
        if local is None:
            action = "new"
        elif (local.status, local.date, local.contact) == (inc.status, inc.date, inc.contact):
            action = "identical"
        elif local.updated >= inc.updated:
            action = "keep"
        else:
            action = "update"
        plans.append(StatusPlan(inc, action, tu, local))
        if action in ("new", "update"):
            snap.statuses[key] = Status(
                inc.entry_key, tu, inc.status, inc.date, inc.contact, inc.updated
            )
    return plans


def _plan(
    conn: Connection,
    file: ExchangeFile,
    mapping: Mapping[str, str | None],
    known_keys: frozenset[str] | None,
    arrival_order: bool = False,
) -> ImportPreview:
    snap = _Snapshot.load(conn)
    terr_plans = _plan_territories(file, snap, mapping)
    where = {t.incoming.uuid: t.local_uuid for t in terr_plans}
    if known_keys is not None and file.local_entries:  # their notes are not orphans
        known_keys = known_keys | {LOCAL_PREFIX + e.uuid for e in file.local_entries}
    note_plans = _plan_notes(file, snap, where, known_keys, arrival_order)
    status_plans = _plan_statuses(file, snap, where)
    notes_by: dict[str, list[NotePlan]] = {}
    for np in note_plans:
        notes_by.setdefault(np.incoming.territory_uuid, []).append(np)
    statuses_by: dict[str, list[StatusPlan]] = {}
    for sp in status_plans:
        statuses_by.setdefault(sp.incoming.territory_uuid, []).append(sp)
    with_counts = tuple(
        TerritoryPlan(
            t.incoming,
            t.action,
            t.local_uuid,
            t.local_name,
            t.by_name,
            Counts.of(notes_by.get(t.incoming.uuid, []), statuses_by.get(t.incoming.uuid, [])),
        )
        for t in terr_plans
    )
    return ImportPreview(
        file=file,
        mapping=tuple(mapping.items()),
        known_keys=known_keys,
        territories=with_counts,
        notes=tuple(note_plans),
        statuses=tuple(status_plans),
        counts=Counts.of(note_plans, status_plans),
        local_entries=tuple(plan_local(conn, file.local_entries, where)),
    )


def preview_import(
    store: NotesStore,
    source: Path | str | ExchangeFile,
    known_keys: Collection[str] | None = None,
    mapping: Mapping[str, str | None] | None = None,
) -> ImportPreview:
    """What importing ``source`` would do; reads the file (validated) and the notes only.

    ``known_keys``: the catalogue's entry keys (``Catalogue.keys()``), to flag orphans; None
    when the catalogue cannot be read. ``mapping``: {incoming territory uuid: local territory
    uuid, or None for "create a new profile"}; territories not in it are placed by the rules
    of the module docstring. Raises :class:`ExchangeError` for a bad file or mapping.
    """
    file = source if isinstance(source, ExchangeFile) else read_exchange_file(source)
    keys = frozenset(known_keys) if known_keys is not None else None
    with store._read() as conn:
        return _plan(conn, file, dict(mapping or {}), keys)


def apply_import(store: NotesStore, preview: ImportPreview) -> ImportResult:
    """Merge the previewed file additively, in one transaction, after a verified backup.

    The plan is made again inside the write transaction, so notes saved since the preview
    are taken into account. Nothing to change: no backup and no write at all. Any failure
    rolls the whole import back and raises (ExchangeError or NotesWriteError).
    """
    mapping = dict(preview.mapping)
    with store._read() as conn:
        fresh = _plan(conn, preview.file, mapping, preview.known_keys)
    if not fresh.has_changes:
        return ImportResult(fresh, None)
    backup = store.make_backup("avant-import")
    try:
        with store._write() as conn:
            plan = _plan(conn, preview.file, mapping, preview.known_keys)
            _execute(store, conn, plan)
    except sqlalchemy.exc.IntegrityError as exc:
        raise ExchangeError(
            "L'import n'a pas pu être appliqué (données incohérentes) ; rien n'a été modifié.",
            str(exc.orig),
        ) from exc
    return ImportResult(plan, backup)


def _version_time(store: NotesStore, moment: datetime) -> str:
    """When an imported text enters the history: its own date, but never within the
    coalescing window, so that typing right after an import adds a version of its own and the
    imported text stays in the history (it is the base the next exchange compares to)."""
    latest = store._clock() - timedelta(seconds=COALESCE_SECONDS + 1)
    return timestamp(min(moment, latest))


def _execute(store: NotesStore, conn: Connection, plan: ImportPreview) -> None:
    for tp in plan.territories:
        it = tp.incoming
        if tp.action == "create":
            conn.execute(
                insert(territories).values(
                    uuid=tp.local_uuid,
                    name=tp.local_name,
                    types=",".join(it.types),
                    commune=it.commune,
                    code=it.code,
                    initials=it.initials,
                    created=timestamp(it.created),
                )
            )
        elif tp.action == "restore":
            conn.execute(
                update(territories)
                .where(territories.c.uuid == tp.local_uuid)
                .values(deleted_at=None, name=tp.local_name)
            )
    # In bulk (executemany): a workshop's file may carry thousands of notes.
    added = [np for np in plan.notes if np.action in ("new", "conflict")]
    updated = [np for np in plan.notes if np.action == "update"]
    if added:
        conn.execute(
            insert(notes),
            [
                {
                    "uuid": np.note_uuid,
                    "entry_key": np.incoming.entry_key,
                    "territory_uuid": np.territory_uuid,
                    "text": np.incoming.text,
                    "created": timestamp(np.incoming.created),
                    "updated": timestamp(np.incoming.updated),
                    "entry_title": np.incoming.entry_title,
                    "conflict_of": np.conflict_of,
                    "author": np.incoming.author,
                }
                for np in added
            ],
        )
    for np in updated:
        values = {
            "text": np.incoming.text,
            "updated": timestamp(np.incoming.updated),
            "author": np.incoming.author,
        }
        if np.incoming.entry_title:
            values["entry_title"] = np.incoming.entry_title
        conn.execute(update(notes).where(notes.c.uuid == np.note_uuid).values(values))
    # note_uuid is UNINDEXED in the FTS table: delete the stale rows in a few statements, not
    # one scan per note.
    stale = [np.note_uuid for np in updated]
    for i in range(0, len(stale), 500):
        conn.execute(delete(notes_fts).where(notes_fts.c.note_uuid.in_(stale[i : i + 500])))
    written = added + updated
    if written:
        conn.execute(
            insert(note_versions),
            [
                {
                    "note_uuid": np.note_uuid,
                    "text": np.incoming.text,
                    "started_at": _version_time(store, np.incoming.updated),
                    "saved_at": _version_time(store, np.incoming.updated),
                }
                for np in written
            ],
        )
        latest = {np.note_uuid: np.incoming.text for np in written}  # one row per note
        conn.execute(
            insert(notes_fts),
            [{"note_uuid": u, "body": textfold.index_text(text)} for u, text in latest.items()],
        )
    changed = [sp for sp in plan.statuses if sp.action in ("new", "update")]
    if changed:
        conn.execute(
            delete(statuses).where(
                statuses.c.entry_key == bindparam("k"), statuses.c.territory_uuid == bindparam("t")
            ),
            [{"k": sp.incoming.entry_key, "t": sp.territory_uuid} for sp in changed],
        )
        conn.execute(
            insert(statuses),
            [
                {
                    "entry_key": sp.incoming.entry_key,
                    "territory_uuid": sp.territory_uuid,
                    "status": sp.incoming.status,
                    "date": sp.incoming.date,
                    "contact": sp.incoming.contact,
                    "updated": timestamp(sp.incoming.updated),
                }
                for sp in changed
            ],
        )
    apply_local(conn, plan.local_entries, store._now())
