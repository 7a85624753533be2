"""The user's notes: territories, notes with history and trash, follow-up, safety net.

Plain Python over SQLite (no Qt): the UI and the CLI go through :func:`open_notes` and the
:class:`NotesStore` it returns::

    store, report = open_notes()          # may raise NotesLockedError, NotesReadOnlyError,
    if report is not None:                # NewerSchemaError (each has a French .message)
        tell_user(report.message)         # a damaged file was set aside and recovered
    creuse = store.add_territory("Creuse", ["ZRR", "montagne"])
    try:
        store.save_note("scheme:dla", creuse, text, entry_title="DLA")   # autosave
    except NotesWriteError as exc:        # disk full, locked...: keep the text, retry
        show(exc.message)
    store.close()
"""

from essdesk.notes.errors import (
    NewerSchemaError,
    NotesDamagedError,
    NotesError,
    NotesInputError,
    NotesLockedError,
    NotesReadOnlyError,
    NotesWriteError,
)
from essdesk.notes.records import (
    Backup,
    CheckResult,
    Note,
    NoteVersion,
    SearchHit,
    Status,
    StatusConflict,
    Territory,
)
from essdesk.notes.safety import RecoveryReport, open_notes
from essdesk.notes.schema import STATUSES
from essdesk.notes.store import NotesStore

__all__ = [
    "STATUSES",
    "Backup",
    "CheckResult",
    "NewerSchemaError",
    "Note",
    "NoteVersion",
    "NotesDamagedError",
    "NotesError",
    "NotesInputError",
    "NotesLockedError",
    "NotesReadOnlyError",
    "NotesStore",
    "NotesWriteError",
    "RecoveryReport",
    "SearchHit",
    "Status",
    "StatusConflict",
    "Territory",
    "open_notes",
]
