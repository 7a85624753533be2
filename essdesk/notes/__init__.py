"""The user's notes: territories, notes with history and trash, follow-up, safety net.

Plain Python over SQLite (no Qt): the UI and the CLI go through :func:`open_notes` and the
:class:`NotesStore` it returns.
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
    "Territory",
    "open_notes",
]
