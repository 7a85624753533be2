"""Fixtures of the notes tests: real SQLite files in the per-test ESSDESK_HOME, a clock."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from testkit import Clock

from essdesk import paths
from essdesk.notes import NotesStore, Territory, open_notes


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
