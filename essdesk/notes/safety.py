"""Open the notes database the safe way: check it, set a damaged file aside, restore, migrate.

This is the single entry point of the app and of the CLI (``open_notes``). What it promises:

* a corrupt, truncated, non-SQLite or foreign file never stops essdesk: it is *renamed*
  (never deleted) to ``notes.sqlite3.damaged-YYYYMMDD-HHMMSS``, the newest backup that
  verifies is restored (or an empty database is created), and a :class:`RecoveryReport`
  tells the user what happened and where the damaged file is;
* a file from a newer essdesk is refused (:class:`NewerSchemaError`) and left untouched;
* a file locked by another program raises :class:`NotesLockedError`; nothing is moved;
* a read-only data folder raises :class:`NotesReadOnlyError`;
* an existing file is backed up (verified) before any migration, and once a day.
"""

from __future__ import annotations

import errno
import logging
import os
import sqlite3
import stat
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy.exc

from essdesk import paths
from essdesk.notes import backups
from essdesk.notes.errors import (
    SQLITE_BUSY,
    SQLITE_CANTOPEN,
    SQLITE_CORRUPT,
    SQLITE_LOCKED,
    SQLITE_NOTADB,
    SQLITE_READONLY,
    NotesError,
    NotesReadOnlyError,
    as_notes_error,
    locked_error,
    os_reason,
    sqlite_code,
)
from essdesk.notes.migrations import check_not_newer, migrate
from essdesk.notes.records import Backup
from essdesk.notes.schema import APPLICATION_ID, DEFAULT_BUSY_TIMEOUT, make_engine
from essdesk.notes.store import NotesStore

log = logging.getLogger(__name__)

_SIDE_FILES = ("-wal", "-shm", "-journal")


@dataclass(frozen=True)
class RecoveryReport:
    """What the recovery did, for a dialog at start or a line on the CLI's stderr."""

    original: Path
    damaged_path: Path | None  # where the unreadable file now is (None: it was missing)
    problem: str  # "damaged", "foreign" (valid SQLite, not ours), "empty" or "missing"
    detail: str  # technical reason, English
    restored_from: Backup | None  # None: an empty notes database was created
    others: tuple[Backup, ...] = ()  # the other backups that verify, newest first

    @property
    def message(self) -> str:
        what = {
            "damaged": "était endommagé ou illisible",
            "foreign": "n'est pas un fichier de notes essdesk",
            "empty": "était vide alors que des sauvegardes existent",
            "missing": "était introuvable alors que des sauvegardes existent",
        }[self.problem]
        lines = [f"Le fichier de notes {self.original} {what}."]
        if self.damaged_path is not None:
            lines.append(
                f"Il a été mis de côté, sans rien effacer, sous le nom : {self.damaged_path}"
            )
        if self.restored_from is not None:
            lines.append(
                f"La sauvegarde du {self.restored_from.created:%d/%m/%Y à %H:%M} a été "
                "restaurée ; les notes écrites depuis ne sont que dans le fichier mis de côté."
            )
        else:
            lines.append(
                "Aucune sauvegarde n'était disponible : un carnet de notes vide a été créé."
            )
        if self.others:
            lines.append(
                "D'autres sauvegardes existent (menu Notes, « Restaurer une sauvegarde… ») : "
                + " ; ".join(b.label for b in self.others)
                + "."
            )
        return "\n".join(lines)


def _readonly(folder: Path, exc: OSError) -> NotesReadOnlyError:
    return NotesReadOnlyError(
        f"Le dossier des notes ({folder}) n'est pas accessible en écriture : essdesk ne peut "
        "pas y enregistrer vos notes. Vérifiez les droits du dossier ou choisissez un autre "
        "dossier (variable ESSDESK_HOME).",
        f"{type(exc).__name__}: {exc}",
    )


def _check_writable(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as exc:
        raise _readonly(folder, exc) from exc


def _read_header(path: Path) -> bytes:
    """The first 100 bytes of the notes file, opened first and checked after.

    Opened without blocking (a FIFO put in its place would hang ``open()``), then the *opened*
    file's type is checked (no window between a check and the open): anything but a regular
    file (folder, FIFO, device) is explained in French, as is any file-system error."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise _unreadable(path, exc) from exc
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            what = "un dossier" if stat.S_ISDIR(mode) else "un fichier spécial (tube, périphérique)"
            raise NotesError(
                f"Le fichier de notes {path} est {what}, pas un fichier de notes : essdesk ne "
                "peut pas l'ouvrir et n'y touche pas. Renommez-le ou déplacez-le ; au "
                "prochain démarrage essdesk restaurera la dernière sauvegarde, ou créera un "
                "carnet vide s'il n'y en a pas.",
                f"not a regular file: mode {mode:o}",
            )
        return os.read(fd, 100)
    except OSError as exc:
        raise _unreadable(path, exc) from exc
    finally:
        os.close(fd)


def _unreadable(path: Path, exc: OSError) -> NotesError:
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return _readonly(path.parent, exc)
    return NotesError(
        f"Impossible de lire le fichier de notes {path} : {os_reason(exc)}. Rien n'a été modifié.",
        f"{type(exc).__name__}: {exc}",
    )


def inspect(path: Path, busy_timeout: float = DEFAULT_BUSY_TIMEOUT) -> tuple[str, str]:
    """Classify the notes file: ("missing"|"empty"|"ours"|"damaged"|"foreign", detail).

    Raises NotesLockedError / NotesReadOnlyError / NewerSchemaError: those are not damage.
    """
    if not path.exists() and not path.is_symlink():
        return "missing", ""
    header = _read_header(path)
    if not header:
        return "empty", "zero-byte file"
    # Not even a SQLite header: say so without letting SQLite open it, since SQLite would
    # treat a -wal/-journal beside it as its own (and may delete it on close).
    if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
        return "damaged", "not a SQLite file (bad header)"
    try:
        conn = sqlite3.connect(path, timeout=busy_timeout)
        try:
            rows = [r[0] for r in conn.execute("PRAGMA quick_check")]
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            objects = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        code = sqlite_code(exc)
        if code in (SQLITE_BUSY, SQLITE_LOCKED):
            raise locked_error(str(exc)) from exc
        if code in (SQLITE_READONLY, SQLITE_CANTOPEN):
            raise _readonly(path.parent, OSError(str(exc))) from exc
        if code in (SQLITE_CORRUPT, SQLITE_NOTADB):
            return "damaged", str(exc)
        raise as_notes_error(exc, "ouvrir le fichier de notes") from exc
    if rows != ["ok"]:
        return "damaged", "quick_check: " + "; ".join(rows[:5])
    if app_id == APPLICATION_ID:
        check_not_newer(version, path)
        return "ours", ""
    if app_id == 0 and version == 0 and objects == 0:
        return "empty", "SQLite file without tables"
    return "foreign", f"application_id={app_id:#x} user_version={version} objects={objects}"


def move_aside(path: Path, now: datetime) -> Path:
    """Rename the file (and its -wal/-shm/-journal) to a dated name; return the new path."""
    base = f"{path.name}.damaged-{now:%Y%m%d-%H%M%S}"
    dest = path.with_name(base)
    n = 2
    while dest.exists():
        dest = path.with_name(f"{base}-{n}")
        n += 1
    os.replace(path, dest)
    for suffix in _SIDE_FILES:
        side = Path(f"{path}{suffix}")
        if side.exists():
            os.replace(side, Path(f"{dest}{suffix}"))
    return dest


def open_notes(
    path: Path | str | None = None,
    *,
    backups_dir: Path | str | None = None,
    busy_timeout: float = DEFAULT_BUSY_TIMEOUT,
    clock: Callable[[], datetime] | None = None,
) -> tuple[NotesStore, RecoveryReport | None]:
    """Open (creating, recovering or migrating as needed) the notes database.

    Defaults come from :mod:`essdesk.paths` (so ``ESSDESK_HOME`` is honoured).
    """
    db = Path(path) if path is not None else paths.notes_path()
    bdir = Path(backups_dir) if backups_dir is not None else db.parent / "backups"
    if path is None and backups_dir is None:
        bdir = paths.backups_dir()
    clock = clock or (lambda: datetime.now(UTC))
    local_now = clock().astimezone().replace(tzinfo=None)
    _check_writable(db.parent)
    backups.sweep_temporary(db.parent, bdir)

    report: RecoveryReport | None = None
    state, detail = inspect(db, busy_timeout)
    if state == "empty" and not backups.list_backups(bdir):
        state = "missing"  # nothing to lose, nothing to restore: just initialise it
    if state in ("damaged", "foreign", "empty"):
        try:
            damaged: Path | None = move_aside(db, local_now)
        except OSError as exc:
            raise _readonly(db.parent, exc) from exc
        restored = backups.newest_good_backup(bdir)
        if restored is not None:
            backups.copy_database(restored.path, db, busy_timeout)
        report = RecoveryReport(db, damaged, state, detail, restored, _others(bdir, restored))
    elif state == "missing":
        # The file is gone (deleted by hand, or a recovery cut short) but backups exist:
        # bring the newest back rather than start empty.
        restored = backups.newest_good_backup(bdir)
        if restored is not None:
            backups.copy_database(restored.path, db, busy_timeout)
            report = RecoveryReport(
                db, None, "missing", "notes file missing", restored, _others(bdir, restored)
            )
    if report is not None:
        log.warning("notes database recovered: %s", report.message)
    existed = state == "ours" or (report is not None and report.restored_from is not None)

    engine = make_engine(db, busy_timeout)
    try:
        raw = engine.raw_connection()  # outside any transaction: WAL cannot be set inside
        try:
            cur = raw.cursor()
            if str(cur.execute("PRAGMA journal_mode").fetchone()[0]).lower() != "wal":
                cur.execute("PRAGMA journal_mode = WAL")
            cur.close()
        finally:
            raw.close()
        migrate(
            engine,
            before_upgrade=lambda version: backups.make_backup(
                db, bdir, f"avant-migration-v{version}", now=local_now
            ),
        )
    except (sqlite3.Error, sqlalchemy.exc.DBAPIError) as exc:
        engine.dispose()
        raise as_notes_error(exc, "ouvrir le fichier de notes") from exc
    except BaseException:  # NotesError (newer schema, failed backup) included
        engine.dispose()
        raise

    store = NotesStore(engine, db, bdir, clock=clock, busy_timeout=busy_timeout)
    if existed:
        store.backup_problem = _daily_backup(db, bdir, local_now, busy_timeout)
    return store, report


def _others(folder: Path, restored: Backup | None) -> tuple[Backup, ...]:
    """The backups the user may prefer to the one restored (listed in the report)."""
    if restored is None:
        return ()
    return tuple(b for b in backups.list_backups(folder) if b.path != restored.path)


def _daily_backup(db: Path, bdir: Path, now: datetime, busy_timeout: float) -> str | None:
    """Make today's backup if there is none; the French warning when it could not be made.

    A missed daily backup never keeps the user from working: whatever goes wrong (the
    backups folder is a file, unwritable, full), the notes open and the user is told."""
    try:
        if backups.has_backup_on(bdir, now.date()):
            return None
        backups.make_backup(db, bdir, "quotidienne", now=now, busy_timeout=busy_timeout)
    except NotesError as exc:
        log.info("daily backup failed: %s", exc)
        return f"Sauvegarde automatique impossible : {exc.message} Vos notes sont ouvertes."
    except OSError as exc:
        log.info("daily backup failed: %s", exc)
        return (
            f"Sauvegarde automatique impossible dans {bdir} : {os_reason(exc)}. Vos notes sont "
            "ouvertes ; vérifiez ce dossier pour retrouver les sauvegardes."
        )
    return None


__all__ = ["RecoveryReport", "inspect", "move_aside", "open_notes"]
