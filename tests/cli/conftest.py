"""Fixtures of the command-line tests: the real ``essdesk`` parser and handlers, run in-process
as a shell would run them (the catalogue shipped in data/, notes in the test's own folder)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from testkit import Run

from essdesk.catalogue.build import build
from essdesk.cli import main

MINI = Path(__file__).resolve().parents[1] / "catalogue" / "mini"
"""The small catalogue sources of the catalogue tests."""


@pytest.fixture
def essdesk(capsys: pytest.CaptureFixture[str]) -> Run:
    """``essdesk(*argv)`` → exit code, stdout, stderr; argparse's own exits (help, usage
    errors) included, and never a traceback."""

    def run(*argv: str) -> tuple[int, str, str]:
        try:
            code = main(list(argv))
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        out, err = capsys.readouterr()
        assert "Traceback" not in err
        return code, out, err

    return run


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
