"""Fixtures of the notes tests (the notes file, its folder and the clock are tests/conftest.py's)."""

from __future__ import annotations

import pytest

from essdesk.notes import NotesStore, Territory


@pytest.fixture
def creuse(store: NotesStore) -> Territory:
    return store.add_territory("Creuse", ["ZRR", "montagne"], commune="Guéret", initials="AB")
