"""Fixtures of the command-line tests: ``cli`` runs ``python -m essdesk`` in its own process on
the small test catalogue; the in-process ``essdesk`` fixture is in tests/conftest.py (every
area's tests run the command line)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from essdesk.catalogue.build import build

MINI = Path(__file__).resolve().parents[1] / "catalogue" / "mini"
"""The small catalogue sources of the catalogue tests."""


@pytest.fixture
def cli(tmp_path: Path) -> Callable[..., subprocess.CompletedProcess[str]]:
    """``cli(*argv)``: ``python -m essdesk *argv`` in its own process, on a catalogue built
    from the small test sources (tests/catalogue/mini)."""
    catalogue = tmp_path / "mini.sqlite3"
    build(MINI, catalogue)
    env = {**os.environ, "ESSDESK_CATALOGUE": str(catalogue), "QT_QPA_PLATFORM": "offscreen"}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "essdesk", *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )

    return run
