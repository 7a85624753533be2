"""Fixtures of the command-line tests: ``cli`` runs ``python -m essdesk`` in its own process on
the small test catalogue; the in-process ``essdesk`` fixture is in tests/conftest.py (every
area's tests run the command line)."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from testkit import essdesk_process

from essdesk.catalogue.build import build

MINI = Path(__file__).resolve().parents[1] / "catalogue" / "mini"
"""The small catalogue sources of the catalogue tests."""


@pytest.fixture
def cli(tmp_path: Path) -> Callable[..., subprocess.CompletedProcess[str]]:
    """``cli(*argv)``: ``python -m essdesk *argv`` in its own process, on a catalogue built
    from the small test sources (tests/catalogue/mini)."""
    catalogue = tmp_path / "mini.sqlite3"
    build(MINI, catalogue)

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return essdesk_process(*args, ESSDESK_CATALOGUE=str(catalogue), QT_QPA_PLATFORM="offscreen")

    return run
