"""Schema versions: fresh files, upgrades from every released fixture, atomic steps, too new."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection
from testkit import sha256_of as _digest

from essdesk import paths
from essdesk.notes import NewerSchemaError, NotesStore, migrations, open_notes
from essdesk.notes.backups import list_backups, verify
from essdesk.notes.migrations import SCHEMA_VERSION, STEPS, migrate
from essdesk.notes.schema import APPLICATION_ID, make_engine

FIXTURES = Path(__file__).resolve().parent / "fixtures"
RELEASED = sorted(FIXTURES.glob("notes-v*.sqlite3"))


def _pragma(path: Path, name: str) -> object:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"PRAGMA {name}").fetchone()[0]
    finally:
        conn.close()


def test_a_fixture_exists_for_every_released_schema() -> None:
    names = {p.name for p in RELEASED}
    assert names == {f"notes-v{v}.sqlite3" for v in range(1, SCHEMA_VERSION + 1)}


def test_fresh_database_is_at_the_current_version(home: Path) -> None:
    store, report = open_notes()
    store.close()
    assert report is None
    db = paths.notes_path()
    assert _pragma(db, "user_version") == SCHEMA_VERSION
    assert _pragma(db, "application_id") == APPLICATION_ID
    assert _pragma(db, "journal_mode") == "wal"
    assert list_backups(paths.backups_dir()) == []  # nothing to back up yet


@pytest.mark.parametrize("fixture", RELEASED, ids=lambda p: p.stem)
def test_upgrade_from_each_released_schema(home: Path, fixture: Path) -> None:
    home.mkdir(parents=True, exist_ok=True)
    shutil.copy(fixture, paths.notes_path())
    found = int(fixture.stem.rsplit("v", 1)[1])
    store, report = open_notes()
    with store:
        assert report is None
        creuse = store.territory_by_name("Creuse")
        assert creuse.types == ("territory:zrr", "territory:montagne")
        note = store.get_note("scheme:dla", creuse)
        assert note is not None and note.text.startswith("Rendez-vous avec le Cœur")
        assert note.status == "contacte"
        assert note.author == ("CD" if found >= 2 else "")  # v2: who wrote the text
        assert [v.text for v in store.history(note.uuid)][-1] == "Premier jet"
        assert [h.note.uuid for h in store.search_notes("coeur gueret")] == [note.uuid]
        assert [n.entry_title for n in store.orphans({"scheme:dla"})] == ["Fiche disparue"]
        assert [n.text for n in store.trash()] == ["CRTE : note d'un profil supprimé"]
        local = store.local_entries(creuse)
        if found >= 3:  # v3: the territory's own entries, links to vanished keys kept
            assert [e.title for e in local] == ["Ressourcerie de Guéret"]
            assert [r.key for r in local[0].content.relations] == ["scheme:dla", "scheme:disparu"]
            assert [v.content for v in store.local_history(local[0].key)] == [local[0].content]
        else:
            assert local == []
        assert store.full_check().ok
        # The upgraded file keeps working for writes.
        store.save_note("scheme:dla", creuse, "modifiée après mise à jour")
    assert _pragma(paths.notes_path(), "user_version") == SCHEMA_VERSION
    kinds = [b.reason for b in list_backups(paths.backups_dir())]
    if found < SCHEMA_VERSION:
        assert f"avant-migration-v{found}" in kinds


def test_upgrade_backs_up_first_and_the_backup_is_the_old_file(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Simulate the next release (a v2 step) on the v1 fixture, through open_notes."""

    def _v2(conn: Connection) -> None:
        conn.exec_driver_sql("ALTER TABLE territories ADD COLUMN epci TEXT NOT NULL DEFAULT ''")

    monkeypatch.setattr(migrations, "STEPS", (*STEPS, _v2))
    home.mkdir(parents=True, exist_ok=True)
    shutil.copy(FIXTURES / "notes-v1.sqlite3", paths.notes_path())
    store, report = open_notes()
    store.close()
    assert report is None
    assert _pragma(paths.notes_path(), "user_version") == len(STEPS) + 1
    (backup,) = [b for b in list_backups(paths.backups_dir()) if b.reason.startswith("avant")]
    assert backup.reason == "avant-migration-v1"
    assert verify(backup.path) is None
    assert _pragma(backup.path, "user_version") == 1


def test_a_failing_step_leaves_nothing_behind(home: Path) -> None:
    store, _ = open_notes()
    territory = store.add_territory("Creuse")
    store.save_note("scheme:dla", territory, "intact")
    store.close()

    def _broken(conn: Connection) -> None:
        conn.exec_driver_sql("CREATE TABLE exchange_log (id INTEGER PRIMARY KEY)")
        conn.exec_driver_sql("ALTER TABLE notes ADD COLUMN colour TEXT")
        conn.exec_driver_sql("UPDATE notes SET text = 'écrasé'")
        conn.exec_driver_sql("DROP TABLE statuses")
        conn.exec_driver_sql("INSERT INTO no_such_table VALUES (1)")  # fails: all must go

    engine = make_engine(paths.notes_path())
    try:
        with pytest.raises(Exception, match="no_such_table"):
            migrate(engine, steps=(*STEPS, _broken))
    finally:
        engine.dispose()
    conn = sqlite3.connect(paths.notes_path())
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        columns = {r[1] for r in conn.execute("PRAGMA table_info(notes)")}
        texts = [r[0] for r in conn.execute("SELECT text FROM notes")]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()
    assert "exchange_log" not in tables and "statuses" in tables
    assert "colour" not in columns
    assert texts == ["intact"]
    assert version == SCHEMA_VERSION


def test_a_failing_backup_stops_the_upgrade(home: Path) -> None:
    home.mkdir(parents=True, exist_ok=True)
    shutil.copy(FIXTURES / "notes-v1.sqlite3", paths.notes_path())
    applied = []

    def _v2(conn: Connection) -> None:
        applied.append(2)

    def _no_backup(version: int) -> None:
        raise OSError("disque plein")

    engine = make_engine(paths.notes_path())
    try:
        with pytest.raises(OSError):
            migrate(engine, steps=(*STEPS, _v2), before_upgrade=_no_backup)
    finally:
        engine.dispose()
    assert applied == []
    assert _pragma(paths.notes_path(), "user_version") == 1


def test_a_newer_schema_is_refused_and_left_untouched(home: Path) -> None:
    home.mkdir(parents=True, exist_ok=True)
    db = paths.notes_path()
    shutil.copy(FIXTURES / "notes-v1.sqlite3", db)
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    before = _digest(db)
    listing = sorted(p.name for p in home.iterdir())
    with pytest.raises(NewerSchemaError) as caught:
        open_notes()
    err = caught.value
    assert "version plus récente d'essdesk" in err.message
    assert f"schéma {SCHEMA_VERSION + 5}" in err.message and str(db) in err.message
    assert "newer than supported" in str(err)
    assert _digest(db) == before
    assert sorted(p.name for p in home.iterdir()) == listing  # nothing moved, nothing added


def _upgraded(fixture: str, home: Path, clock: Any) -> NotesStore:
    """The released ``fixture`` opened (so upgraded) as this laptop's notes file."""
    home.mkdir(parents=True, exist_ok=True)
    shutil.copy(FIXTURES / fixture, paths.notes_path())
    store, report = open_notes(clock=clock)
    assert report is None
    return store


def test_v4_to_v5_keeps_each_follow_up_as_its_first_version_and_who_wrote_the_text(
    home: Path, clock: Any
) -> None:
    """Schema v5 (issues 11 #8, 12): a follow-up's values are versioned by triggers (so an
    import merges them like texts), versions say who wrote them, and the laptop has a
    settings table for the person's initials."""
    with _upgraded("notes-v4.sqlite3", home, clock) as store:
        creuse = store.territory_by_name("Creuse")
        note = store.get_note("scheme:dla", creuse)
        assert note is not None
        # the current text keeps its author; earlier versions are unknown
        assert [v.author for v in store.history(note.uuid)] == ["CD", ""]
        with store.reading() as reader:
            seeded = reader.status_histories()
        dla = store.status("scheme:dla", creuse)
        assert dla is not None and dla.author == ""
        assert seeded == {("scheme:dla", creuse.uuid): [dla.digest]}
        assert store.author_initials() is None  # never asked yet
        assert store.status_conflicts(creuse) == []
        # after the upgrade, every write of a follow-up is versioned, whoever writes it
        store.set_status("scheme:dla", creuse, "mobilise", None, "Mme Martin")
        conn = sqlite3.connect(store.path)
        try:
            conn.execute(
                "UPDATE statuses SET status = 'ecarte' WHERE entry_key = 'scheme:dla'"
            )  # as another writer (the team sync) does, without the unit of work
            conn.commit()
        finally:
            conn.close()
        with store.reading() as reader:
            values = reader.status_histories()[("scheme:dla", creuse.uuid)]
        assert len(values) == 3 and values[-1] == dla.digest
        assert store.set_author_initials("  EF ") == "EF"
        assert store.author_initials() == "EF"


def test_v6_to_v7_a_follow_up_set_back_to_an_earlier_value_gets_its_own_identity(
    home: Path, clock: Any
) -> None:
    """Schema v7 (issue 14): settings of a follow-up carry an identity; existing ones keep
    their value's digest, and from now on a return to an earlier value is versioned apart."""
    with _upgraded("notes-v6.sqlite3", home, clock) as store:
        creuse = store.territory_by_name("Creuse")
        dla = store.status("scheme:dla", creuse)
        assert dla is not None and dla.ident is None and dla.identity == dla.digest
        with store.reading() as reader:
            before = reader.status_histories()[("scheme:dla", creuse.uuid)]
        store.set_status("scheme:dla", creuse, "ecarte")
        back = store.set_status("scheme:dla", creuse, dla.status, dla.date, dla.contact)
        assert back is not None and back.ident is not None and back.identity != dla.digest
        again = store.set_status("scheme:dla", creuse, dla.status, dla.date, dla.contact)
        assert again is not None and again.ident == back.ident  # saved again: the same one
        with store.reading() as reader:
            after = reader.status_histories()[("scheme:dla", creuse.uuid)]
        assert after[0] == back.identity and set(before) < set(after)
