"""Fixtures of the local-entries tests: the real catalogue, a territory (the notes file is
tests/conftest.py's ``store``)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from essdesk import paths
from essdesk.local.catalogue import TerritoryCatalogue
from essdesk.notes import NotesStore, Territory


@pytest.fixture
def bugey(store: NotesStore) -> Territory:
    return store.add_territory("CC du Haut-Bugey", ["ZRR"], initials="AB")


@pytest.fixture
def catalogue() -> Iterator[TerritoryCatalogue]:
    with TerritoryCatalogue.open_local(paths.catalogue_path()) as opened:
        assert isinstance(opened, TerritoryCatalogue)
        yield opened
