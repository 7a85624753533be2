"""Run the real ``essdesk`` command line in-process, as a user's shell would, for the CLI
tests of the notes, exchange and briefing commands."""

from __future__ import annotations

import pytest

from essdesk.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of ``essdesk *argv`` (never a traceback)."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err
