"""Fixtures of the command-line tests: the real ``essdesk`` parser and handlers, run in-process
as a shell would run them (the catalogue shipped in data/, notes in the test's own folder)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from essdesk.cli import main

Run = Callable[..., tuple[int, str, str]]


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
