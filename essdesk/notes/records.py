"""Plain frozen records returned by :class:`essdesk.notes.store.NotesStore`.

They cross thread boundaries and live in Qt models, so they are immutable and hold no
database handle (never ORM objects).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from essdesk.notes.schema import STATUSES
from essdesk.notes.status_merge import status_digest


@dataclass(frozen=True)
class Territory:
    """A territory profile: notes, statuses and counts are scoped by it."""

    uuid: str
    name: str
    types: tuple[str, ...]  # catalogue keys, e.g. ("territory:zrr", "territory:montagne")
    commune: str
    code: str
    initials: str
    created: datetime
    deleted_at: datetime | None = None


@dataclass(frozen=True)
class Note:
    """The note of one entry for one territory (or a conflict copy kept beside it)."""

    uuid: str
    entry_key: str
    territory_uuid: str
    text: str
    created: datetime
    updated: datetime
    entry_title: str  # the entry's title when last written: shown for orphans
    deleted_at: datetime | None = None
    conflict_of: str | None = None  # uuid of the note this one conflicts with
    status: str | None = None  # follow-up status key of (entry, territory), when joined
    territory_name: str = ""
    author: str = ""  # initials of who wrote the text, from an exchange file ("" written here)


@dataclass(frozen=True)
class NoteBase:
    """What an editor started from: the note's ``updated`` and text when it was loaded
    (``None`` and "" when the entry had no note). A save based on it keeps both texts when
    the note changed meanwhile (:meth:`essdesk.notes.store.NotesStore.save_note`)."""

    updated: datetime | None
    text: str


@dataclass(frozen=True)
class NoteVersion:
    """One step of a note's history; typing within a minute is coalesced into one version."""

    id: int
    note_uuid: str
    text: str
    started_at: datetime
    saved_at: datetime
    author: str = ""  # initials of who wrote it ("" when unknown: before schema v5)


@dataclass(frozen=True)
class Status:
    """Follow-up of one entry for one territory."""

    entry_key: str
    territory_uuid: str
    status: str  # a key of schema.STATUSES
    date: str | None  # ISO date (YYYY-MM-DD) chosen by the user
    contact: str
    updated: datetime
    author: str = ""  # initials of who set it ("" when unknown)
    ident: str | None = None  # schema v7: a return to an earlier value (see identity)

    @property
    def label(self) -> str:
        return STATUSES[self.status]

    @property
    def digest(self) -> str:
        """What recognises this value across laptops (:mod:`essdesk.notes.status_merge`)."""
        return status_digest(self.status, self.date, self.contact)

    @property
    def identity(self) -> str:
        """What recognises this very setting of the value across laptops: its digest, or for
        a return to a value it had before, its own (:mod:`essdesk.notes.status_merge`)."""
        return self.ident or self.digest


@dataclass(frozen=True)
class StatusConflict(Status):
    """A follow-up changed on two laptops: the other laptop's value, kept beside the local
    one until the user picks (:meth:`essdesk.notes.store.NotesStore.resolve_status_conflict`)."""

    id: int = 0


@dataclass(frozen=True)
class SearchHit:
    """A note found by words; ``highlights`` are (start, end) offsets into ``snippet``."""

    note: Note
    snippet: str
    highlights: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Backup:
    """One backup file, made with SQLite's online backup API and verified."""

    path: Path
    created: datetime  # local time, from the file name
    reason: str  # "quotidienne", "avant-migration-v1", "avant-import", "manuelle"...
    size: int
    seq: int = 0
    """Rank among the backups of its folder, from a counter that only grows (0: made before
    the counter existed). Backups are ordered by it, never by the date in their name: a
    clock set ahead then back would otherwise make the newest copy look like the oldest."""

    @property
    def label(self) -> str:
        """French line for the "Restaurer une sauvegarde…" list."""
        return f"{self.created:%d/%m/%Y %H:%M:%S} — {self.reason.replace('-', ' ')}"


@dataclass(frozen=True)
class CheckResult:
    """Outcome of ``PRAGMA integrity_check`` (and the foreign-key check)."""

    ok: bool
    messages: tuple[str, ...]

    @property
    def message(self) -> str:
        if self.ok:
            return "Le fichier de notes est intact (vérification complète réussie)."
        return "Le fichier de notes présente des erreurs : " + "; ".join(self.messages[:5])
