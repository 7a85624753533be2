"""Helpers shared by the test packages (``tests/`` is on ``sys.path`` through its conftest):
the state of a SQLite file as SQL text or a digest, and a hand-driven clock."""

from __future__ import annotations

import hashlib
import importlib.util
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import ModuleType

Run = Callable[..., tuple[int, str, str]]
"""``essdesk(*argv)`` of tests/conftest.py: exit code, stdout, stderr."""


def sql_dump(path: Path) -> list[str]:
    """Every row of every table of a SQLite file (FTS shadow tables included), as SQL text."""
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def sha256_of(path: Path) -> str:
    """The file's bytes, as a digest: "left untouched" means this did not change."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


class Clock:
    """A hand-driven clock for the rules that depend on time (coalescing, trash, "newer"):
    every call is a distinct instant, and ``advance`` jumps ahead."""

    def __init__(self) -> None:
        self.now = datetime(2024, 5, 6, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(microseconds=1)
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def flat(text: str) -> str:
    """Text as typed: the no-break spaces of French typography made plain spaces."""
    return text.replace("\N{NARROW NO-BREAK SPACE}", " ").replace("\N{NO-BREAK SPACE}", " ")


def damaged_catalogue(folder: Path) -> Path:
    """The shipped catalogue with three pages in its middle overwritten (its header and
    ``meta`` table intact: it opens, and used to fail only at the first query there)."""
    import shutil

    from essdesk.paths import catalogue_path

    path = folder / "catalogue.sqlite3"
    shutil.copyfile(catalogue_path(), path)
    size = path.stat().st_size
    with path.open("r+b") as f:
        f.seek((size // 4096 // 2) * 4096)
        f.write(bytes(range(256)) * 48)
    return path


def essdesk_process(*argv: str, **env: str) -> subprocess.CompletedProcess[str]:
    """``python -m essdesk *argv`` in its own process, from the checkout, ``env`` added to the
    environment (a hang fails the test after two minutes instead of freezing it)."""
    return subprocess.run(
        [sys.executable, "-m", "essdesk", *argv],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **env},
        cwd=Path(__file__).resolve().parent.parent,
        check=False,
    )


def exchange_corpus() -> ModuleType:
    """``tests/notes/exchange/corpus/make_corpus.py`` as a module (its builders)."""
    path = Path(__file__).resolve().parent / "notes" / "exchange" / "corpus" / "make_corpus.py"
    spec = importlib.util.spec_from_file_location("make_corpus", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
