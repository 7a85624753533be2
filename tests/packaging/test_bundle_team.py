"""The frozen bundle against a real team server (issue 14): its ``essdesk team …`` commands
connect, sync and report through the bundled psycopg and the system's libpq (the .deb
declares libpq5), against the test session's PostgreSQL."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from pgcluster import TeamServer
from pkgtools import user_env

pytestmark = pytest.mark.packaging


def test_bundle_connects_syncs_and_reports_against_a_real_server(
    bundle: Path, tmp_path: Path, team_server: TeamServer, pgpass: Path
) -> None:
    env = user_env(tmp_path, ESSDESK_HOME=str(tmp_path / "home"), PGPASSFILE=str(pgpass))

    def essdesk(*argv: str) -> subprocess.CompletedProcess[str]:
        done = subprocess.run([str(bundle / "essdesk"), *argv], capture_output=True, text=True,
                              env=env, timeout=120)  # fmt: skip
        assert "Traceback" not in done.stderr and "psycopg" not in done.stderr, done.stderr
        return done

    assert essdesk("territories", "add", "Creuse").returncode == 0
    joined = essdesk("team", "connect", team_server.url("alice"), "--team", "Équipe A")
    assert joined.returncode == 0, joined.stderr
    assert essdesk("team", "share", "Creuse").returncode == 0
    written = essdesk("notes", "add", "scheme:dla", "--text", "Écrit par le paquet",
                      "--territory", "Creuse")  # fmt: skip
    assert written.returncode == 0, written.stderr
    synced = essdesk("team", "sync", "--json")
    assert synced.returncode == 0, synced.stderr
    assert json.loads(synced.stdout)["pushed"] == 2
    status = json.loads(essdesk("team", "status", "--json").stdout)
    assert status == {**status, "connected": True, "team": "Équipe A", "pending": 0}
    logged = team_server.pg.psql("-d", team_server.database, "-c",
                                 "SELECT payload->>'text' FROM essdesk.changes "
                                 "WHERE kind = 'note'")  # fmt: skip
    assert logged.stdout.strip() == "Écrit par le paquet"
