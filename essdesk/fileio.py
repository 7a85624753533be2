"""Atomic file writes: the one way essdesk replaces a file (exports, briefing sheets, backups,
the built catalogue).

The new content is written to a temporary file in the target's folder, flushed to disk, then
renamed over the target: an interrupted write (kill, full disk, pulled USB stick) never leaves
a half file under the real name, and the temporary file is removed on failure. Files meant to
be shared (exports, sheets) get the user's usual permissions (umask), not the 0600 of a
temporary file; private files (backups of the notes) keep 0600.

Only ``kill -9`` or a power cut can leave the temporary file behind (on a USB stick: a full
copy of the notes). So it is named for a person to recognise (« essdesk-export-en-cours-… »,
never a hidden dotfile), and the next write into that folder sweeps the ones whose process is
gone (:func:`sweep_stale`); the notes' own folders are swept at every start.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

TEMP_SUFFIX = ".tmp"
TEMP_PREFIX = "essdesk-export-en-cours-"
"""Start of a temporary file's name, followed by the writing process's id."""

TEMP_NAME = re.compile(r"^essdesk-export-en-cours-(\d+)-.+\.tmp$")
"""Temporary files of :func:`replacing` (the number is the writer's process id)."""
_HIDDEN_NAME = re.compile(r"^\..+\.(?:essnotes|pdf|md|csv|sqlite3)\.[a-z0-9_]{8}\.tmp$")
"""The hidden names earlier versions gave them (``.notes-x.essnotes.k2l1p0aa.tmp``): no
process id in them, so only swept once :data:`HIDDEN_AGE` old."""
HIDDEN_AGE = 3600.0

_UMASK_LOCK = threading.Lock()


def shared_mode() -> int:
    """The permissions a file the user creates gets here (0666 minus the umask)."""
    with _UMASK_LOCK:  # os.umask can only be read by setting it
        mask = os.umask(0o077)
        os.umask(mask)
    return 0o666 & ~mask


def process_alive(pid: int, path: Path) -> bool:
    """Whether the process that named ``path`` (its id in the name) may still be writing it."""
    if pid == os.getpid():
        return True
    if os.name == "nt":  # os.kill would terminate it: trust a day's age instead
        try:
            return time.time() - path.stat().st_mtime < 86_400
        except OSError:
            return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (OSError, OverflowError):  # no right to signal it: it exists
        return True
    return True


def sweep_stale(folder: Path, pattern: re.Pattern[str] = TEMP_NAME) -> list[Path]:
    """Delete the temporary files a killed essdesk left in ``folder``: only names matching
    ``pattern`` (whose first non-empty group is the writer's process id), never one whose
    process still runs. Returns what was removed; a folder that cannot be read is left as is."""
    removed: list[Path] = []
    try:
        found = [(p, m) for p in folder.iterdir() if (m := pattern.match(p.name))]
    except OSError:
        return removed
    for path, match in found:
        pid = next((int(g) for g in match.groups() if g), None)
        if pid is None or process_alive(pid, path):
            continue
        with contextlib.suppress(OSError):
            path.unlink()
            removed.append(path)
    return removed


def _sweep_hidden(folder: Path) -> None:
    now = time.time()
    with contextlib.suppress(OSError):
        for path in folder.iterdir():
            if _HIDDEN_NAME.match(path.name) and now - path.stat().st_mtime > HIDDEN_AGE:
                path.unlink()


@contextmanager
def replacing(target: Path, *, shared: bool = True) -> Iterator[Path]:
    """Yield a temporary path beside ``target`` to write; when the block ends without an
    error, the file is synced and renamed over ``target``; otherwise it is removed.

    ``shared``: the file gets :func:`shared_mode` permissions, else 0600 (private). Stale
    temporary files of earlier, killed writes in that folder are swept first."""
    sweep_stale(target.parent)
    _sweep_hidden(target.parent)
    fd, name = tempfile.mkstemp(
        prefix=f"{TEMP_PREFIX}{os.getpid()}-",
        suffix=f"-{target.name[:80]}{TEMP_SUFFIX}",
        dir=target.parent,
    )
    tmp = Path(name)
    try:
        os.close(fd)
        yield tmp
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.chmod(tmp, shared_mode() if shared else 0o600)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


def write_atomically(target: Path | str, data: bytes, *, shared: bool = True) -> Path:
    """Replace ``target`` with ``data`` atomically (see the module docstring); OSError if the
    folder cannot be written."""
    path = Path(target)
    with replacing(path, shared=shared) as tmp:
        tmp.write_bytes(data)
    return path
