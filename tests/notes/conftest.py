"""Fixtures of the notes tests: real SQLite files in the per-test ESSDESK_HOME, a clock."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from essdesk import paths
from essdesk.notes import NotesStore, Territory, open_notes


class Clock:
    """A hand-driven clock for the rules that depend on time (coalescing, trash)."""

    def __init__(self) -> None:
        self.now = datetime(2024, 5, 6, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(microseconds=1)  # every call is a distinct instant
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def home() -> Path:
    folder = paths.user_dir()
    assert "essdesk-home" in str(folder)  # set by tests/conftest.py: never the real home
    return folder


@pytest.fixture
def store(home: Path, clock: Clock) -> Iterator[NotesStore]:
    opened, report = open_notes(clock=clock)
    assert report is None
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def creuse(store: NotesStore) -> Territory:
    return store.add_territory("Creuse", ["ZRR", "montagne"], commune="Guéret", initials="AB")
