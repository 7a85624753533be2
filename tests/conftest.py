"""Shared fixtures: every test runs with its own user folder, never the real home."""

from __future__ import annotations

import pytest
from pgcluster import pg, pgpass, team_server  # noqa: F401  (one PostgreSQL per session)


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    home = tmp_path_factory.mktemp("essdesk-home")
    monkeypatch.setenv("ESSDESK_HOME", str(home))
    monkeypatch.delenv("ESSDESK_CATALOGUE", raising=False)
    return home
