"""Fixtures of the team tests: laptops (real notes files in their own folders, each with its
own hand-driven clock) connected to the per-test database of the session's real PostgreSQL
(``pg``, ``pgpass`` and ``team_server`` come from ``tests/pgcluster.py``), and the content
hash the convergence tests compare."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pgcluster import LOGINS, PASSWORD, PgCluster, TeamServer  # noqa: F401
from testkit import Clock

from essdesk.notes import NotesStore, open_notes
from essdesk.team import sync


class Laptop:
    """A laptop: its own notes file and clock, connected to the team as one login."""

    def __init__(self, folder: Path, clock: Clock | None = None) -> None:
        self.folder = folder
        self.clock = clock or Clock()
        self.store = self.open()

    def open(self) -> NotesStore:
        store, report = open_notes(
            self.folder / "notes.sqlite3", backups_dir=self.folder / "backups", clock=self.clock
        )
        assert report is None
        return store

    def reopen(self) -> None:
        self.store.close()
        self.store = self.open()

    def sync(self) -> sync.SyncResult:
        return sync.sync(self.store)


@pytest.fixture
def new_laptop(tmp_path: Path, team_server: TeamServer) -> Iterator[Callable[..., Laptop]]:
    """``new_laptop("alice")``: a laptop connected to team A as alice (``team=`` for another)."""
    made: list[Laptop] = []

    def make(login: str, team: str = "Équipe A", folder: str = "") -> Laptop:
        laptop = Laptop(tmp_path / (folder or f"laptop-{login}"))
        sync.connect(laptop.store, team_server.url(login), team)
        made.append(laptop)
        return laptop

    yield make
    for laptop in made:
        laptop.store.close()


def content_hash(store: NotesStore) -> str:
    """What a user sees of the team's notes, independent of uuids and of which text of a
    conflict is "here" and which "received": per (territory, entry), the live texts (a
    conflict is two texts or more), the statuses, and the territory profiles."""
    import hashlib
    import json

    notes = {}
    for note in store.all_notes():
        notes.setdefault(f"{note.territory_uuid}|{note.entry_key}", []).append(note.text)
    statuses = {}
    for territory in store.territories():
        for key in store.statuses_for_territory(territory):
            st = store.status(key, territory)
            assert st is not None
            statuses[f"{territory.uuid}|{key}"] = [st.status, st.date, st.contact]
    profiles = sorted((t.uuid, t.name, t.types) for t in store.territories())
    state = {"notes": {k: sorted(v) for k, v in notes.items()}, "statuses": statuses,
             "territories": profiles}  # fmt: skip
    return hashlib.sha256(json.dumps(state, sort_keys=True).encode()).hexdigest()
