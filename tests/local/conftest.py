"""Fixtures of the local-entries tests: a real notes file, the real catalogue, a territory."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from testkit import Clock

from essdesk import paths
from essdesk.local.catalogue import TerritoryCatalogue
from essdesk.notes import NotesStore, Territory, open_notes


@pytest.fixture
def store(clock: Clock) -> Iterator[NotesStore]:
    opened, report = open_notes(clock=clock)
    assert report is None
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def bugey(store: NotesStore) -> Territory:
    return store.add_territory("CC du Haut-Bugey", ["ZRR"], initials="AB")


@pytest.fixture
def catalogue() -> Iterator[TerritoryCatalogue]:
    with TerritoryCatalogue.open_local(paths.catalogue_path()) as opened:
        assert isinstance(opened, TerritoryCatalogue)
        yield opened


@pytest.fixture
def home() -> Path:
    return paths.user_dir()
