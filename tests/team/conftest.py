"""Fixtures of the team tests: one real PostgreSQL per test session (``pgcluster``), a fresh
database with the essdesk schema per test, login roles with passwords in a pgpass file, and
laptops (real notes files in their own folders, each with its own hand-driven clock).

In CI (``CI=true``) a server that cannot start fails the run; elsewhere the tests are skipped
with the reason.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pgcluster import PgCluster
from testkit import Clock

from essdesk.notes import NotesStore, open_notes
from essdesk.team import server, sync

PASSWORD = "mot-de-passe-équipe"
LOGINS = ("alice", "bruno", "chloe", "denis", "eve", "fabien")
"""alice, bruno, chloe: team A writers; denis: team A read-only (a partner); eve: team B."""

_databases = itertools.count(1)


@pytest.fixture(scope="session")
def pg(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PgCluster]:
    try:
        cluster = PgCluster()
        cluster.start()
        cluster.wait_ready()
        for login in LOGINS:
            cluster.create_login(login, PASSWORD)
    except Exception as exc:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"the PostgreSQL test server did not start: {exc}")
        pytest.skip(f"pas de serveur PostgreSQL de test (paquet « postgresql ») : {exc}")
    try:
        yield cluster
    finally:
        cluster.remove()


@pytest.fixture
def pgpass(tmp_path: Path, pg: PgCluster, monkeypatch: pytest.MonkeyPatch) -> Path:
    """libpq's password file for the members, as IT would hand it out (mode 0600)."""
    path = tmp_path / "pgpass"
    path.write_text(
        "".join(f"127.0.0.1:{pg.port}:*:{login}:{PASSWORD}\n" for login in LOGINS),
        encoding="utf-8",
    )
    path.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(path))
    return path


@dataclass
class TeamServer:
    """One test's database on the session's cluster, schema installed, teams A and B."""

    pg: PgCluster
    database: str

    @property
    def admin_url(self) -> str:
        return self.pg.admin_url(self.database)

    def url(self, login: str) -> str:
        return self.pg.url(login, self.database)

    def admin(self):  # type: ignore[no-untyped-def]
        return server.make_engine(self.admin_url)


@pytest.fixture
def team_server(pg: PgCluster, pgpass: Path) -> Iterator[TeamServer]:
    name = f"essdesk_t{next(_databases)}"
    result = pg.psql("-c", f"CREATE DATABASE {name}")
    assert result.returncode == 0, result.stderr
    ts = TeamServer(pg, name)
    engine = ts.admin()
    try:
        server.init_server(engine)
        server.create_team(engine, "Équipe A")
        server.create_team(engine, "Équipe B")
        for login in ("alice", "bruno", "chloe"):
            server.add_member(engine, "Équipe A", login)
        server.add_member(engine, "Équipe A", "denis", read_only=True)
        server.add_member(engine, "Équipe B", "eve")
    finally:
        engine.dispose()
    yield ts
    pg.psql("-c", f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


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
