"""libpq's password file: where a remembered team password goes (never settings.ini).

libpq reads it by itself at every connection: ``PGPASSFILE`` when set (the IT team may
provide one), else ``~/.pgpass`` (``%APPDATA%\\postgresql\\pgpass.conf`` on Windows). Lines
are ``host:port:database:user:password`` with ``:`` and ``\\`` escaped by a backslash; libpq
ignores the file on Unix unless only its owner can read it, so it is written with mode 0600.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path


def pgpass_path() -> Path:
    override = os.environ.get("PGPASSFILE")
    if override:
        return Path(override)
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA", Path.home())) / "postgresql" / "pgpass.conf"
    return Path.home() / ".pgpass"


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace(":", "\\:")


def remember(host: str, port: int | str, database: str, user: str, password: str) -> Path:
    """Write (or replace) the line of this server, database and user; returns the file.

    Written to a temporary file of mode 0600 then renamed over the old one: the password is
    never readable by others, not even for a moment, and a crash leaves the old file whole.
    """
    if "\n" in password or "\r" in password:
        raise ValueError("a password with a line break cannot go in a pgpass file")
    path = pgpass_path()
    key = ":".join(_escape(str(v)) for v in (host, port, database, user)) + ":"
    lines = []
    if path.exists():
        lines = [
            line
            for line in path.read_text(encoding="utf-8").splitlines()
            if not line.startswith(key)
        ]
    lines.append(key + _escape(password))
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".pgpass-", dir=path.parent)
    try:
        os.chmod(tmp, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
