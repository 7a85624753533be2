"""Atomic file writes: the one way essdesk replaces a file (exports, briefing sheets, backups,
the built catalogue).

The new content is written to a temporary file in the target's folder, flushed to disk, then
renamed over the target: an interrupted write (kill, full disk, pulled USB stick) never leaves
a half file under the real name, and the temporary file is removed on failure. Files meant to
be shared (exports, sheets) get the user's usual permissions (umask), not the 0600 of a
temporary file; private files (backups of the notes) keep 0600.
"""

from __future__ import annotations

import os
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

TEMP_SUFFIX = ".tmp"

_UMASK_LOCK = threading.Lock()


def shared_mode() -> int:
    """The permissions a file the user creates gets here (0666 minus the umask)."""
    with _UMASK_LOCK:  # os.umask can only be read by setting it
        mask = os.umask(0o077)
        os.umask(mask)
    return 0o666 & ~mask


@contextmanager
def replacing(target: Path, *, shared: bool = True) -> Iterator[Path]:
    """Yield a temporary path beside ``target`` to write; when the block ends without an
    error, the file is synced and renamed over ``target``; otherwise it is removed.

    ``shared``: the file gets :func:`shared_mode` permissions, else 0600 (private)."""
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=TEMP_SUFFIX, dir=target.parent)
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
