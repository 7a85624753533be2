"""Trashed local entries are purged like notes: after 30 days counted by the clock that
never goes backwards (issue 11 #7), with their history, and never brought back by an old
exchange file (real SQLite files, a hand-driven clock)."""

from __future__ import annotations

from pathlib import Path

from testkit import Clock

from essdesk.local.catalogue import TerritoryCatalogue
from essdesk.notes import NotesStore, Territory, open_notes
from essdesk.notes.exchange import apply_import, export_notes, preview_import
from essdesk.notes.local_entries import LocalContent


def _actor(title: str = "Ressourcerie du Haut-Bugey") -> LocalContent:
    return LocalContent(kind="actor", title=title, subtype="association")


def _used_today(store: NotesStore, territory: Territory) -> None:
    """essdesk writes at the clock's date (the trash counts its days only up to it)."""
    store.save_note("scheme:temoin", territory, f"utilisé le {store.now():%Y-%m-%d}")


def test_a_trashed_local_entry_is_purged_after_30_days_with_its_history(
    store: NotesStore, bugey: Territory, catalogue: TerritoryCatalogue, clock: Clock
) -> None:
    old = store.add_local_entry(bugey, _actor("Ancienne"), catalogue.title)
    store.update_local_entry(old.key, _actor("Ancienne, modifiée"), catalogue.title)
    store.delete_local_entry(old.key)
    clock.advance(days=20)
    recent = store.add_local_entry(bugey, _actor("Récente"), catalogue.title)
    store.delete_local_entry(recent.key)
    clock.advance(days=9)
    _used_today(store, bugey)
    store.purge_trash()
    assert [e.key for e in store.local_trash()] == [recent.key, old.key]  # 29 days: kept
    clock.advance(days=2)
    _used_today(store, bugey)
    store.purge_trash()
    assert [e.key for e in store.local_trash()] == [recent.key]
    assert store.local_entry(old.key) is None and store.local_history(old.key) == []
    clock.advance(days=30)
    _used_today(store, bugey)
    store.purge_trash()
    assert store.local_trash() == [] and store.full_check().ok


def test_a_clock_jumping_ahead_purges_no_local_entry(
    store: NotesStore, bugey: Territory, catalogue: TerritoryCatalogue, clock: Clock
) -> None:
    """The notes' rule: the 30 days count up to the latest date the file holds."""
    entry = store.add_local_entry(bugey, _actor(), catalogue.title)
    store.delete_local_entry(entry.key)
    clock.advance(days=365)  # a dead battery, a wrong year: nothing written at that date
    store.purge_trash()
    clock.advance(days=-365)
    assert [e.key for e in store.local_trash()] == [entry.key]
    assert store.restore_local_entry(entry.key).deleted_at is None


def test_a_deleted_territory_takes_its_local_entries_to_the_trash_and_is_purged(
    store: NotesStore, bugey: Territory, catalogue: TerritoryCatalogue, clock: Clock
) -> None:
    """Its local entries used to hold the territory's row (foreign key): the purge at start
    failed with an IntegrityError every day after the 30th."""
    entry = store.add_local_entry(bugey, _actor(), catalogue.title)
    kept = store.add_local_entry(bugey, _actor("Supprimée avant"), catalogue.title)
    store.delete_local_entry(kept.key)
    store.delete_territory(bugey)
    assert {e.key for e in store.local_trash()} == {entry.key, kept.key}
    store.restore_territory(bugey)  # comes back with what its deletion trashed, only
    assert [e.key for e in store.local_entries(bugey)] == [entry.key]
    store.delete_territory(bugey)
    clock.advance(days=31)
    witness = store.add_territory("Témoin")
    store.purge_trash()
    assert store.local_trash() == []
    assert store.territories(include_deleted=True) == [witness]
    assert store.full_check().ok


def test_restoring_a_local_entry_of_a_deleted_territory_brings_the_territory_back(
    store: NotesStore, bugey: Territory, catalogue: TerritoryCatalogue
) -> None:
    entry = store.add_local_entry(bugey, _actor(), catalogue.title)
    store.delete_territory(bugey)
    back = store.restore_local_entry(entry.key)
    assert back.deleted_at is None
    assert [t.uuid for t in store.territories()] == [bugey.uuid]


def test_a_purged_local_entry_is_not_brought_back_by_an_old_exchange_file(
    tmp_path: Path, clock: Clock
) -> None:
    store, report = open_notes(tmp_path / "notes.sqlite3", backups_dir=tmp_path / "b", clock=clock)
    assert report is None
    with store:
        bugey = store.add_territory("CC du Haut-Bugey")
        entry = store.add_local_entry(bugey, _actor(), lambda _key: None)
        old_file = export_notes(store, tmp_path / "avant.essnotes").path
        store.delete_local_entry(entry.key)
        clock.advance(days=31)
        _used_today(store, bugey)
        store.purge_trash()
        assert store.local_entry(entry.key) is None
        preview = preview_import(store, old_file, frozenset())
        assert [p.action for p in preview.local_entries] == ["same"]
        apply_import(store, preview)
        assert store.local_entry(entry.key) is None
