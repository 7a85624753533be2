"""Shared fixtures: every test runs with its own user folder, never the real home; ``store`` is
a real notes file there (on a test clock); ``essdesk`` runs the real command line in-process,
as a shell would."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pgcluster import pg, pgpass, team_server  # noqa: F401  (one PostgreSQL per session)
from testkit import Clock, Run

from essdesk import paths
from essdesk.cli import main
from essdesk.notes import NotesStore, open_notes


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    home = tmp_path_factory.mktemp("essdesk-home")
    monkeypatch.setenv("ESSDESK_HOME", str(home))
    monkeypatch.delenv("ESSDESK_CATALOGUE", raising=False)
    return home


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
