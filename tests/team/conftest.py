"""Fixtures of the team tests: laptops (real notes files in their own folders, each with its
own hand-driven clock) connected to the per-test database of the session's real PostgreSQL
(``pg``, ``pgpass`` and ``team_server`` come from ``tests/pgcluster.py``), and the content
hash the convergence tests compare."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pgcluster import TeamServer
from teamkit import Laptop

from essdesk.team import sync


@pytest.fixture
def new_laptop(tmp_path: Path, team_server: TeamServer) -> Iterator[Callable[..., Laptop]]:
    """``new_laptop("alice")``: a laptop connected to team A as alice (``team=`` for another)."""
    made: list[Laptop] = []

    def make(login: str, team: str = "Équipe A", folder: str = "") -> Laptop:
        laptop = Laptop(tmp_path / (folder or f"laptop-{login}"))
        sync.connect(laptop.store, team_server.url(login), team)
        made.append(laptop)
        return laptop

    yield make
    for laptop in made:
        laptop.store.close()
