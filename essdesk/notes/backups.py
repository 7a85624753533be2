"""Verified copies of the notes database, made with SQLite's online backup API.

A file copy of a live SQLite database (plus its -wal) can be torn; the online backup API
gives a consistent snapshot even while another instance writes. Every copy is written to a
temporary name, switched to ``journal_mode=DELETE`` (one self-contained file), reopened and
quick-checked, and only then renamed into place — and only then may rotation drop the oldest.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from datetime import date, datetime
from pathlib import Path

from essdesk import fileio
from essdesk.notes.errors import NotesError, NotesWriteError, as_notes_error, os_reason
from essdesk.notes.records import Backup
from essdesk.notes.schema import APPLICATION_ID, DEFAULT_BUSY_TIMEOUT

KEEP = 10
"""Automatic backups kept in the backups folder; manual copies elsewhere are never rotated."""

_NAME = re.compile(r"^notes-(\d{8}-\d{6})-(\d{6})-([a-z0-9-]+?)(?:\.n(\d{1,12}))?\.sqlite3$")
"""``notes-<date>-<µs>-<reason>.n<seq>.sqlite3``; names without ``.n<seq>`` (seq 0) come from
before the counter. Only the counter orders backups: the date is the clock's word."""


def verify(path: Path) -> str | None:
    """None when ``path`` is a sound essdesk notes database, else the reason (English)."""
    if not path.is_file() or path.stat().st_size == 0:
        return "missing or empty file"
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return str(exc)
    try:
        rows = [r[0] for r in conn.execute("PRAGMA quick_check")]
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    except sqlite3.Error as exc:
        return str(exc)
    finally:
        conn.close()
    if rows != ["ok"]:
        return "quick_check: " + "; ".join(rows[:5])
    if app_id != APPLICATION_ID:
        return "not an essdesk notes database"
    return None


def copy_database(source: Path, dest: Path, busy_timeout: float = DEFAULT_BUSY_TIMEOUT) -> None:
    """Snapshot ``source`` into ``dest`` (a new file), verified before it takes the name."""
    tmp = dest.with_name(f"{dest.name}{_TMP_MARK}{os.getpid()}.tmp")
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        src = sqlite3.connect(source, timeout=busy_timeout)
        try:
            dst = sqlite3.connect(tmp)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode = DELETE")
            finally:
                dst.close()
        finally:
            src.close()
        problem = verify(tmp)
        if problem is not None:
            raise NotesWriteError(
                "La sauvegarde n'a pas pu être vérifiée ; l'ancienne est conservée.",
                f"backup verification failed: {problem}",
            )
        os.replace(tmp, dest)
    except sqlite3.Error as exc:
        raise as_notes_error(exc, "écrire la sauvegarde") from exc
    except OSError as exc:
        raise NotesWriteError(
            f"Impossible d'écrire la sauvegarde dans {dest.parent} : {os_reason(exc)}.", str(exc)
        ) from exc
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        for suffix in ("-journal", "-wal", "-shm"):
            with contextlib.suppress(OSError):
                Path(f"{tmp}{suffix}").unlink(missing_ok=True)


_TMP_MARK = ".copie-en-cours-"
"""Middle of a copy's temporary name: visible (no leading dot) and saying what it is."""
_TMP = re.compile(r"^(?:.+\.copie-en-cours-(\d+)\.tmp|\..+\.tmp-(\d+))(?:-journal|-wal|-shm)?$")
"""Temporary copies, today's names and the hidden ones of earlier versions (``.x.tmp-PID``)."""


def sweep_temporary(*folders: Path) -> list[Path]:
    """Delete the temporary copies a killed essdesk left behind (full-size copies of the
    notes: 8 kills during backups left 688 MB), and the files of an interrupted export or
    sheet written there. Only in essdesk's own folders, only names essdesk gives, and never
    the copy of a process that is still running."""
    removed = []
    for folder in folders:
        removed += fileio.sweep_stale(folder, _TMP)
        removed += fileio.sweep_stale(folder, fileio.TEMP_NAME)
    return removed


def list_backups(folder: Path) -> list[Backup]:
    """Automatic backups in ``folder``, newest first."""
    found: list[Backup] = []
    if not folder.is_dir():
        return found
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if not match:
            continue
        try:
            created = datetime.strptime(f"{match[1]}{match[2]}", "%Y%m%d-%H%M%S%f")
            size = path.stat().st_size
        except (ValueError, OSError):  # an impossible date, or gone meanwhile
            continue
        found.append(Backup(path, created, match[3], size, int(match[4] or 0)))
    found.sort(key=lambda b: (b.seq, b.created, b.path.name), reverse=True)
    return found


def make_backup(
    db_path: Path,
    folder: Path,
    reason: str,
    keep: int = KEEP,
    now: datetime | None = None,
    busy_timeout: float = DEFAULT_BUSY_TIMEOUT,
) -> Backup:
    """A new verified automatic backup, then rotation down to ``keep`` files.

    The new backup takes the next number of the folder's counter, so it is the newest
    whatever the dates of the others (a clock set back no longer rotates it away at once)."""
    now = now or datetime.now()
    existing = list_backups(folder)
    seq = existing[0].seq + 1 if existing else 1
    name = f"notes-{now:%Y%m%d-%H%M%S}-{now:%f}-{reason}.n{seq}.sqlite3"
    dest = folder / name
    copy_database(db_path, dest, busy_timeout)
    made = Backup(dest, now.replace(tzinfo=None), reason, dest.stat().st_size, seq)
    rotate(folder, max(keep, 1))
    return made


def rotate(folder: Path, keep: int = KEEP) -> list[Path]:
    """Drop the oldest automatic backups beyond ``keep``; return what was removed."""
    removed = []
    for backup in list_backups(folder)[keep:]:
        with contextlib.suppress(OSError):
            backup.path.unlink()
            removed.append(backup.path)
    return removed


def has_backup_on(folder: Path, day: date) -> bool:
    return any(b.created.date() == day for b in list_backups(folder))


def newest_good_backup(folder: Path) -> Backup | None:
    """The newest backup that passes :func:`verify` (a damaged backup is skipped)."""
    for backup in list_backups(folder):
        if verify(backup.path) is None:
            return backup
    return None


def restore_into(
    backup_path: Path, db_path: Path, busy_timeout: float = DEFAULT_BUSY_TIMEOUT
) -> None:
    """Copy a verified backup over the live database through the online backup API.

    Going through SQLite (not a file copy) keeps other open connections valid and leaves no
    stale -wal behind that SQLite would replay over the restored file.
    """
    problem = verify(backup_path)
    if problem is not None:
        raise NotesError(
            "Cette sauvegarde est endommagée ou n'est pas une sauvegarde de notes essdesk ; "
            "rien n'a été restauré.",
            problem,
        )
    try:
        src = sqlite3.connect(f"{backup_path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(db_path, timeout=busy_timeout)
            try:
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()
    except sqlite3.Error as exc:
        raise as_notes_error(exc, "restaurer la sauvegarde") from exc
