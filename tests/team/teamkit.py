"""Helpers of the team tests: a laptop (its own notes file and clock) and the content hash
the convergence tests compare."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from testkit import Clock

from essdesk.notes import NotesLockedError, NotesStore, Territory, open_notes
from essdesk.team import sync


class Laptop:
    """A laptop: its own notes file and clock, connected to the team as one login."""

    def __init__(self, folder: Path, clock: Clock | None = None) -> None:
        self.folder = folder
        self.clock = clock or Clock()
        self.store = self.open()

    def open(self, busy_timeout: float = 5.0) -> NotesStore:
        store, report = open_notes(
            self.folder / "notes.sqlite3",
            backups_dir=self.folder / "backups",
            clock=self.clock,
            busy_timeout=busy_timeout,
        )
        assert report is None
        return store

    def reopen(self) -> None:
        self.store.close()
        self.store = self.open()

    def sync(self) -> sync.SyncResult:
        return sync.sync(self.store)

    def sync_unrecorded(self) -> None:
        """A sync whose push the server commits but this laptop cannot record: it reads
        what is pending, the server commits, then recording "sent" waits on another
        program's lock on the notes file and gives up. The next sync sends it again."""
        self.store.close()
        self.store = self.open(busy_timeout=0.3)
        blocker = sqlite3.connect(self.folder / "notes.sqlite3", isolation_level=None)
        blocker.execute("BEGIN IMMEDIATE")
        try:
            with pytest.raises(NotesLockedError):
                self.sync()
        finally:
            blocker.rollback()
            blocker.close()


def shared_creuse(laptop: Laptop) -> Territory:
    """A territory profile on ``laptop``, shared with its team (it goes up at the next sync)."""
    creuse = laptop.store.add_territory("Creuse", ["ZRR"], commune="Guéret", initials="AB")
    sync.share(laptop.store, creuse)
    return creuse


def content_hash(store: NotesStore) -> str:
    """What a user sees of the team's notes, independent of uuids and of which text of a
    conflict is "here" and which "received": per (territory, entry), the live texts (a
    conflict is two texts or more), the follow-ups (in conflict: the values kept both ways),
    and the territory profiles."""
    import hashlib
    import json

    notes = {}
    for note in store.all_notes():
        notes.setdefault(f"{note.territory_uuid}|{note.entry_key}", []).append(note.text)
    statuses: dict[str, list[object]] = {}
    for territory in store.territories():
        for key in store.statuses_for_territory(territory):
            st = store.status(key, territory)
            assert st is not None
            statuses[f"{territory.uuid}|{key}"] = [[st.status, st.date, st.contact]]
        for held in store.status_conflicts(territory):  # a follow-up changed on both sides
            values = statuses.setdefault(f"{territory.uuid}|{held.entry_key}", [])
            values.append([held.status, held.date, held.contact])
            values.sort(key=str)
    profiles = sorted((t.uuid, t.name, t.types) for t in store.territories())
    state = {"notes": {k: sorted(v) for k, v in notes.items()}, "statuses": statuses,
             "territories": profiles}  # fmt: skip
    return hashlib.sha256(json.dumps(state, sort_keys=True).encode()).hexdigest()
