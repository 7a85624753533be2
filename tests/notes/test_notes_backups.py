"""Automatic and manual backups: verified, rotating, listed with dates, restorable."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from essdesk import paths
from essdesk.notes import NotesError, NotesStore, NotesWriteError, Territory, backups, open_notes
from essdesk.notes.backups import KEEP, list_backups, make_backup, verify

Clock = Any


def test_backups_rotate_and_are_listed_newest_first(store: NotesStore, creuse: Territory) -> None:
    start = datetime(2024, 5, 1, 8, 0)
    for i in range(KEEP + 2):
        make_backup(store.path, store.backups_dir, "quotidienne", now=start + timedelta(days=i))
    found = list_backups(store.backups_dir)
    assert len(found) == KEEP
    assert found[0].created == start + timedelta(days=KEEP + 1)
    assert found[-1].created == start + timedelta(days=2)  # the two oldest went
    assert all(verify(b.path) is None for b in found)
    assert found[0].label == "12/05/2024 08:00:00 — quotidienne"
    assert not list(store.backups_dir.glob(".*"))  # no temporary file left


def test_nothing_is_rotated_when_the_new_backup_fails_verification(
    store: NotesStore, tmp_path: Path
) -> None:
    start = datetime(2024, 5, 1, 8, 0)
    for i in range(KEEP):
        make_backup(store.path, store.backups_dir, "quotidienne", now=start + timedelta(days=i))
    before = list_backups(store.backups_dir)
    foreign = tmp_path / "autre.sqlite3"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    with pytest.raises(NotesWriteError, match="n'a pas pu être vérifiée"):
        make_backup(foreign, store.backups_dir, "quotidienne", now=start + timedelta(days=30))
    assert list_backups(store.backups_dir) == before
    assert not list(store.backups_dir.glob(".*"))


def test_daily_backup_at_start_once_a_day(home: Path, clock: Clock) -> None:
    store, _ = open_notes(clock=clock)
    with store:
        store.add_territory("Creuse")
    assert list_backups(paths.backups_dir()) == []  # a brand-new file: nothing to save yet
    for _ in range(2):
        store, _ = open_notes(clock=clock)
        store.close()
    assert [b.reason for b in list_backups(paths.backups_dir())] == ["quotidienne"]
    clock.advance(days=1)
    store, _ = open_notes(clock=clock)
    store.close()
    assert [b.reason for b in list_backups(paths.backups_dir())] == ["quotidienne"] * 2


def test_restore_backup_brings_notes_back_and_saves_the_current_ones(
    store: NotesStore, creuse: Territory, clock: Clock
) -> None:
    store.save_note("scheme:dla", creuse, "version sauvegardée")
    saved = store.make_backup("manuelle")
    clock.advance(seconds=120)
    store.save_note("scheme:dla", creuse, "version actuelle")
    store.save_note("scheme:crte", creuse, "note plus récente")
    # A second instance has the file open during the restore.
    other, _ = open_notes(clock=clock)
    with other:
        safety_copy = store.restore_backup(saved)
        assert store.get_note("scheme:dla", creuse).text == "version sauvegardée"  # type: ignore[union-attr]
        assert store.get_note("scheme:crte", creuse) is None
        assert other.get_note("scheme:dla", creuse).text == "version sauvegardée"  # type: ignore[union-attr]
        assert store.full_check().ok
        store.save_note("scheme:dla", creuse, "on repart de là")
    assert safety_copy.reason == "avant-restauration"
    # The notes replaced by the restore are in the safety copy.
    conn = sqlite3.connect(safety_copy.path)
    texts = sorted(r[0] for r in conn.execute("SELECT text FROM notes"))
    conn.close()
    assert texts == ["note plus récente", "version actuelle"]


def test_restore_refuses_a_bad_backup_and_changes_nothing(
    store: NotesStore, creuse: Territory, tmp_path: Path
) -> None:
    store.save_note("scheme:dla", creuse, "à garder")
    bad = tmp_path / "notes-faux.sqlite3"
    bad.write_bytes(b"pas une base" * 100)
    with pytest.raises(NotesError, match="endommagée"):
        store.restore_backup(bad)
    assert store.get_note("scheme:dla", creuse).text == "à garder"  # type: ignore[union-attr]
    assert list_backups(store.backups_dir) == []


def test_backup_to_a_folder_or_a_file(store: NotesStore, creuse: Territory, tmp_path: Path) -> None:
    store.save_note("scheme:dla", creuse, "pour la clé USB")
    usb = tmp_path / "usb"
    usb.mkdir()
    in_folder = store.backup_to(usb)
    assert in_folder.parent == usb and verify(in_folder) is None
    as_file = store.backup_to(usb / "mes-notes.sqlite3")
    assert verify(as_file) is None
    conn = sqlite3.connect(as_file)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one file to carry
    assert conn.execute("SELECT text FROM notes").fetchall() == [("pour la clé USB",)]
    conn.close()


def test_newest_good_backup_skips_damaged_ones(store: NotesStore) -> None:
    older = make_backup(store.path, store.backups_dir, "quotidienne", now=datetime(2024, 1, 1))
    newer = make_backup(store.path, store.backups_dir, "quotidienne", now=datetime(2024, 1, 2))
    newer.path.write_bytes(b"\x00" * 4096)
    assert backups.newest_good_backup(store.backups_dir) == older


def test_full_check_reports_ok(store: NotesStore, creuse: Territory) -> None:
    store.save_note("scheme:dla", creuse, "x")
    result = store.full_check()
    assert result.ok and result.messages == ("ok",)
    assert "intact" in result.message
