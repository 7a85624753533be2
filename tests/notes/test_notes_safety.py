"""The safety net on open and on save: damaged files, locks, read-only folders, full disks.

Each case checks the French message the user sees and that nothing was lost: the damaged file
is still there byte for byte, the backup's notes are back, the previous text is intact.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import event
from testkit import sha256_of as _digest

from essdesk import paths
from essdesk.notes import (
    NotesLockedError,
    NotesReadOnlyError,
    NotesStore,
    NotesWriteError,
    open_notes,
)
from essdesk.notes.safety import inspect


def _populate(with_backup: bool = True) -> None:
    """A notes file with one note in a backup and one written after the backup."""
    store, _ = open_notes()
    with store:
        territory = store.add_territory("Creuse")
        store.save_note("scheme:dla", territory, "dans la sauvegarde")
        if with_backup:
            store.make_backup("quotidienne")
        store.save_note("scheme:crte", territory, "écrite après la sauvegarde")
    assert not Path(f"{paths.notes_path()}-wal").exists()  # checkpointed on close


def _damaged_files(home: Path) -> list[Path]:
    return sorted(p for p in home.iterdir() if ".damaged-" in p.name)


def _assert_recovered_from_backup(home: Path, damaged_digest: str, problem: str) -> None:
    store, report = open_notes()
    with store:
        assert report is not None and report.problem == problem
        assert report.restored_from is not None
        (damaged,) = [p for p in _damaged_files(home) if not p.name.endswith(("-wal", "-shm"))]
        assert report.damaged_path == damaged
        assert _digest(damaged) == damaged_digest  # kept aside byte for byte
        assert str(damaged) in report.message
        assert "mis de côté" in report.message and "sauvegarde du" in report.message
        creuse = store.territory_by_name("Creuse")
        assert store.get_note("scheme:dla", creuse).text == "dans la sauvegarde"  # type: ignore[union-attr]
        assert store.full_check().ok
        store.save_note("scheme:dla", creuse, "on continue")  # the restored file is writable
    # The next start is quiet: the recovery happened once.
    store, report = open_notes()
    store.close()
    assert report is None


def test_truncated_file_is_set_aside_and_backup_restored(home: Path) -> None:
    _populate()
    db = paths.notes_path()
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 2])
    _assert_recovered_from_backup(home, _digest(db), "damaged")


def test_random_bytes_are_set_aside_and_backup_restored(home: Path) -> None:
    _populate()
    db = paths.notes_path()
    db.write_bytes(os.urandom(20000))
    _assert_recovered_from_backup(home, _digest(db), "damaged")


def test_a_sqlite_file_that_is_not_ours_is_set_aside(home: Path) -> None:
    _populate()
    db = paths.notes_path()
    db.unlink()
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE recettes (nom TEXT)")
    conn.execute("INSERT INTO recettes VALUES ('clafoutis')")
    conn.commit()
    conn.close()
    _assert_recovered_from_backup(home, _digest(db), "foreign")
    (damaged,) = _damaged_files(home)
    conn = sqlite3.connect(damaged)
    assert conn.execute("SELECT nom FROM recettes").fetchall() == [("clafoutis",)]
    conn.close()


def test_zero_byte_file_with_backups_is_recovered(home: Path) -> None:
    _populate()
    paths.notes_path().write_bytes(b"")
    _assert_recovered_from_backup(home, hashlib.sha256(b"").hexdigest(), "empty")


def test_damage_without_backup_starts_empty_and_says_so(home: Path) -> None:
    _populate(with_backup=False)
    db = paths.notes_path()
    db.write_bytes(b"SQLite format 3\x00" + os.urandom(5000))
    damaged_digest = _digest(db)
    store, report = open_notes()
    with store:
        assert report is not None and report.restored_from is None
        assert "Aucune sauvegarde" in report.message and "carnet de notes vide" in report.message
        assert store.territories() == []
    assert _digest(report.damaged_path) == damaged_digest


def test_a_missing_file_with_backups_is_restored(home: Path) -> None:
    _populate()
    paths.notes_path().unlink()
    store, report = open_notes()
    with store:
        assert report is not None and report.problem == "missing"
        assert report.damaged_path is None and report.restored_from is not None
        assert "introuvable" in report.message and "a été restaurée" in report.message
        assert store.territory_by_name("Creuse")


def test_a_damaged_backup_is_skipped_for_an_older_good_one(home: Path) -> None:
    _populate()
    store, _ = open_notes()
    with store:
        newest = store.make_backup("avant-import")
    newest.path.write_bytes(os.urandom(4096))
    paths.notes_path().write_bytes(os.urandom(4096))
    store, report = open_notes()
    with store:
        assert report is not None and report.restored_from is not None
        assert report.restored_from.reason == "quotidienne"
        assert store.territory_by_name("Creuse")
    assert newest.path.exists()  # a bad backup is skipped, not deleted


def test_wal_files_move_with_the_damaged_file(home: Path) -> None:
    _populate()
    db = paths.notes_path()
    wal = Path(f"{db}-wal")
    wal.write_bytes(b"journal en attente")
    db.write_bytes(os.urandom(8192))
    store, report = open_notes()
    store.close()
    assert report is not None
    assert Path(f"{report.damaged_path}-wal").read_bytes() == b"journal en attente"


# -- locks ----------------------------------------------------------------------------------

_HOLDER = textwrap.dedent(
    """
    import sqlite3, sys
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("BEGIN EXCLUSIVE")
    conn.execute("CREATE TABLE IF NOT EXISTS lock_probe (x)")
    print("locked", flush=True)
    sys.stdin.read()
    conn.execute("ROLLBACK")
    conn.close()
    """
)


@contextlib.contextmanager
def _held_lock(db: Path) -> Iterator[None]:
    """Another process holding SQLite's write lock until the block ends."""
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdin is not None
    try:
        assert holder.stdout.readline().strip() == "locked"
        yield
    finally:
        holder.stdin.close()
        assert holder.wait(timeout=30) == 0
        holder.stdout.close()


def test_save_waits_then_reports_a_locked_database(home: Path) -> None:
    _populate()
    store, _ = open_notes(busy_timeout=0.3)
    with store:
        creuse = store.territory_by_name("Creuse")
        with _held_lock(paths.notes_path()):
            with pytest.raises(NotesLockedError) as caught:
                store.save_note("scheme:dla", creuse, "texte en attente")
            assert isinstance(caught.value, NotesWriteError)  # the UI keeps the text, retries
            assert "occupé par un autre programme" in caught.value.message
            # Reading still works while another instance writes (WAL).
            assert store.get_note("scheme:dla", creuse).text == "dans la sauvegarde"  # type: ignore[union-attr]
        saved = store.save_note("scheme:dla", creuse, "texte en attente")  # the retry succeeds
        assert saved.text == "texte en attente"
    assert _damaged_files(home) == []


def test_open_of_a_locked_rollback_journal_file_moves_nothing(home: Path) -> None:
    _populate()
    db = paths.notes_path()
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode = DELETE")  # e.g. a file copied back from a USB stick
    conn.close()
    before = _digest(db)
    with _held_lock(db), pytest.raises(NotesLockedError, match="Rien n'a été perdu ni déplacé"):
        open_notes(busy_timeout=0.3)
    assert _digest(db) == before
    assert _damaged_files(home) == []
    assert inspect(db)[0] == "ours"


# -- read-only folder -----------------------------------------------------------------------


def _mount_tmpfs(where: Path, size: str) -> bool:
    where.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0 or not shutil.which("mount"):
        return False
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
        capture_output=True,
        check=False,
    )
    return done.returncode == 0


def _umount(where: Path) -> None:
    subprocess.run(["umount", "-l", str(where)], check=False, capture_output=True)


@pytest.fixture
def readonly_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A user folder holding a notes file, then made read-only for real.

    As root, permission bits do not stop writes, so a tmpfs remounted read-only is used.
    """
    folder = tmp_path / "ro-home"
    mounted = _mount_tmpfs(folder, "4m")
    if not mounted and os.geteuid() == 0:
        pytest.skip("root without permission to mount: cannot make a folder read-only")
    monkeypatch.setenv("ESSDESK_HOME", str(folder))
    try:
        _populate()
        if mounted:
            subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        else:
            folder.chmod(0o555)
            paths.notes_path().chmod(0o444)
        yield folder
    finally:
        if mounted:
            _umount(folder)
        else:
            folder.chmod(0o755)


def test_read_only_data_folder_is_a_clear_error(readonly_home: Path) -> None:
    db = paths.notes_path()
    before = _digest(db)
    with pytest.raises(NotesReadOnlyError) as caught:
        open_notes()
    assert "n'est pas accessible en écriture" in caught.value.message
    assert "ESSDESK_HOME" in caught.value.message
    assert _digest(db) == before
    assert sorted(p.name for p in readonly_home.iterdir()) == ["backups", "notes.sqlite3"]


def test_a_user_folder_that_cannot_be_created_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "un-fichier"
    blocker.write_text("pas un dossier")
    monkeypatch.setenv("ESSDESK_HOME", str(blocker / "essdesk"))
    with pytest.raises(NotesReadOnlyError, match="pas accessible en écriture"):
        open_notes()


# -- full disk ------------------------------------------------------------------------------


def _limit_pages(store: NotesStore, pages: int | None) -> None:
    """Cap the file size the SQLite way (max_page_count): writes past it fail SQLITE_FULL,
    exactly the error a full disk gives."""

    def _cap(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages}")

    for fn in list(getattr(store, "_test_caps", [])):
        event.remove(store.engine, "connect", fn)
    store._test_caps = []  # type: ignore[attr-defined]
    if pages is not None:
        event.listen(store.engine, "connect", _cap)
        store._test_caps.append(_cap)  # type: ignore[attr-defined]
    store.engine.dispose()  # new connections get (or lose) the cap


def test_full_disk_raises_write_error_and_loses_nothing(home: Path) -> None:
    store, _ = open_notes()
    with store:
        creuse = store.add_territory("Creuse")
        store.save_note("scheme:dla", creuse, "texte déjà enregistré")
        conn = sqlite3.connect(store.path)
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.close()
        _limit_pages(store, pages)
        big = "Compte rendu de réunion. " * 20000
        with pytest.raises(NotesWriteError) as caught:
            store.save_note("scheme:dla", creuse, big)
        assert "le disque est plein" in caught.value.message
        assert "reste affiché" in caught.value.message
        with pytest.raises(NotesWriteError):
            store.save_note("scheme:crte", creuse, big)
        assert store.get_note("scheme:dla", creuse).text == "texte déjà enregistré"  # type: ignore[union-attr]
        assert store.get_note("scheme:crte", creuse) is None
        assert store.full_check().ok
        _limit_pages(store, None)  # space freed: the caller's retry goes through
        assert store.save_note("scheme:dla", creuse, big).text == big
        note = store.get_note("scheme:dla", creuse)
        assert note is not None and store.history(note.uuid)[0].text == big


def test_full_disk_on_a_real_tiny_filesystem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "tiny"
    if not _mount_tmpfs(folder, "512k"):
        pytest.skip("cannot mount a tiny tmpfs here (needs root)")
    monkeypatch.setenv("ESSDESK_HOME", str(folder))
    try:
        store, _ = open_notes()
        with store:
            creuse = store.add_territory("Creuse")
            store.save_note("scheme:dla", creuse, "premier texte")
            saved = 0
            with pytest.raises(NotesWriteError) as caught:
                for i in range(1000):
                    store.save_note(f"scheme:n{i}", creuse, f"note {i} " + "x" * 20000)
                    saved = i + 1
            assert "disque est plein" in caught.value.message or "écriture" in caught.value.message
            assert store.get_note("scheme:dla", creuse).text == "premier texte"  # type: ignore[union-attr]
            assert len(store.notes_for_territory(creuse)) == saved + 1
        # Reopening on the full disk still works and nothing is damaged.
        store, report = open_notes()
        with store:
            assert report is None
            assert store.full_check().ok
            assert len(store.notes_for_territory(store.territory_by_name("Creuse"))) == saved + 1
    finally:
        _umount(folder)
