"""``essdesk team …`` as a user types it, and the two-laptop journey (two ESSDESK_HOME)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pgcluster import PASSWORD, PgCluster, TeamServer, free_port

from essdesk.team.server import SERVER_VERSION


def essdesk(
    home: Path, *argv: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """The real command, in its own process, with its own user folder (a laptop)."""
    import os

    full = {**os.environ, "ESSDESK_HOME": str(home), **(env or {})}
    result = subprocess.run(
        [sys.executable, "-m", "essdesk", *argv], capture_output=True, text=True, env=full,
        timeout=120,
    )  # fmt: skip
    assert "Traceback" not in result.stderr, result.stderr
    return result


def test_admin_commands(tmp_path: Path, pg: PgCluster, pgpass: Path) -> None:
    pg.psql("-c", "CREATE DATABASE essdesk_cli_admin")
    admin = pg.admin_url("essdesk_cli_admin")
    try:
        first = essdesk(tmp_path, "team", "init-server", admin)
        assert first.returncode == 0 and f"version 0 → {SERVER_VERSION}" in first.stdout
        again = essdesk(tmp_path, "team", "init-server", admin)
        assert again.returncode == 0 and "déjà à jour" in again.stdout
        made = essdesk(tmp_path, "team", "create", "CC Creuse Sud", "--server", admin)
        assert made.returncode == 0 and "créée" in made.stdout
        twice = essdesk(tmp_path, "team", "create", "CC Creuse Sud", "--server", admin)
        assert twice.returncode == 1 and "existe déjà" in twice.stderr
        added = essdesk(tmp_path, "team", "add-member", "denis", "--team", "CC Creuse Sud",
                        "--server", admin, "--read-only")  # fmt: skip
        assert added.returncode == 0 and "lecture seule" in added.stdout
        unknown = essdesk(tmp_path, "team", "add-member", "inconnu", "--team", "CC Creuse Sud",
                          "--server", admin)  # fmt: skip
        assert unknown.returncode == 1 and "n'existe pas sur ce serveur" in unknown.stderr
        removed = essdesk(tmp_path, "team", "remove-member", "denis", "--team", "CC Creuse Sud",
                          "--server", admin)  # fmt: skip
        assert removed.returncode == 0
    finally:
        pg.psql("-c", "DROP DATABASE IF EXISTS essdesk_cli_admin WITH (FORCE)")


def test_errors_are_french_exit_1_and_usage_exit_2(
    tmp_path: Path, team_server: TeamServer, pgpass: Path
) -> None:
    url = team_server.url("alice")
    wrong = tmp_path / "wrong-pgpass"
    wrong.write_text(f"127.0.0.1:{team_server.pg.port}:*:alice:faux\n", encoding="utf-8")
    wrong.chmod(0o600)
    refused = essdesk(tmp_path, "team", "connect", url, "--team", "Équipe A",
                      env={"PGPASSFILE": str(wrong)})  # fmt: skip
    assert refused.returncode == 1 and "Mot de passe refusé" in refused.stderr
    nobody = f"postgresql://alice@127.0.0.1:{free_port()}/x"
    offline = essdesk(tmp_path, "team", "connect", nobody, "--team", "Équipe A")
    assert offline.returncode == 1 and "injoignable" in offline.stderr
    with_password = essdesk(tmp_path, "team", "connect",
                            f"postgresql://alice:{PASSWORD}@127.0.0.1/x", "--team", "A")  # fmt: skip
    assert with_password.returncode == 2 and "mot de passe" in with_password.stderr
    not_connected = essdesk(tmp_path, "team", "sync")
    assert not_connected.returncode == 2 and "aucune équipe" in not_connected.stderr
    assert essdesk(tmp_path, "team").returncode == 2  # no action
    assert essdesk(tmp_path, "team", "connect", url).returncode == 2  # --team missing
    status = essdesk(tmp_path, "team", "status", "--json")
    assert json.loads(status.stdout) == {"connected": False}
    rights = essdesk(tmp_path, "team", "create", "Pirate", "--server", url)  # not the admin
    assert rights.returncode == 1 and "Droits insuffisants" in rights.stderr


def test_tls_is_required_beyond_the_loopback(
    tmp_path: Path, team_server: TeamServer, pgpass: Path
) -> None:
    """A host other than this machine is asked for TLS (``sslmode=require``; with a CA file,
    ``verify-full``), and a server without TLS is refused with a French message, exit 1.
    No traffic leaves the machine: libpq's ``hostaddr`` sends the « remote » name to
    127.0.0.1, where the test server (without TLS) answers."""
    from essdesk.team import server

    remote = server.parse_url("postgresql://alice@serveur.example:5432/essdesk")
    assert server.connect_options(remote)["sslmode"] == "require"
    checked = server.connect_options(remote, ca_file="/etc/ssl/ca-equipe.pem")
    assert (checked["sslmode"], checked["sslrootcert"]) == ("verify-full", "/etc/ssl/ca-equipe.pem")
    for local in ("postgresql://alice@127.0.0.1/x", "postgresql://alice@localhost/x",
                  "postgresql://alice@/x?host=/run/postgresql"):  # fmt: skip
        assert "sslmode" not in server.connect_options(server.parse_url(local))
    url = (
        f"postgresql://alice@serveur-equipe.invalid:{team_server.pg.port}/{team_server.database}"
        "?hostaddr=127.0.0.1"
    )
    for extra in ((), ("--ca-file", str(tmp_path / "ca.pem"))):
        refused = essdesk(tmp_path, "team", "connect", url, "--team", "Équipe A", *extra)
        assert refused.returncode == 1 and "TLS" in refused.stderr, refused.stderr


def make_certificates(folder: Path, host: str) -> Path:
    """A throwaway certificate authority and a server certificate it signed for ``host``,
    made with the ``openssl`` command (elliptic-curve keys: quick); returns the CA file."""
    folder.mkdir(parents=True)
    ec = ("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2")

    def openssl(*args: str) -> None:
        done = subprocess.run(["openssl", *args], capture_output=True, cwd=folder, timeout=60)
        assert done.returncode == 0, done.stderr

    openssl("req", "-x509", *ec, "-keyout", "ca.key", "-out", "ca.crt", "-subj", "/CN=CA test")
    openssl("req", "-new", *ec[:-2], "-keyout", "server.key", "-out", "server.csr",
            "-subj", f"/CN={host}")  # fmt: skip
    (folder / "san.ext").write_text(f"subjectAltName=DNS:{host}\n", encoding="utf-8")
    openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key",
            "-CAcreateserial", "-out", "server.crt", "-days", "2", "-extfile", "san.ext")  # fmt: skip
    return folder / "ca.crt"


@pytest.fixture
def tls_ca(team_server: TeamServer, tmp_path: Path) -> Iterator[Path]:
    """The session's server with TLS on, its certificate made for « serveur-equipe.test » by
    a throwaway authority (returned); TLS off again afterwards, as the other tests expect."""
    ca = make_certificates(tmp_path / "tls", "serveur-equipe.test")
    team_server.pg.use_tls(tmp_path / "tls" / "server.crt", tmp_path / "tls" / "server.key")
    try:
        yield ca
    finally:
        team_server.pg.use_tls(None)


def test_verify_full_handshake_with_the_team_authority(
    tmp_path: Path, team_server: TeamServer, pgpass: Path, tls_ca: Path
) -> None:
    """A laptop given the team's CA file checks the server's certificate *and* its name
    (``verify-full``), then connects and syncs. Another authority's CA, or a name the
    certificate does not carry, is refused with a French message, exit 1, nothing recorded.
    No traffic leaves the machine: libpq's ``hostaddr`` sends the names to 127.0.0.1."""
    port, database = team_server.pg.port, team_server.database
    with pgpass.open("a", encoding="utf-8") as f:  # libpq looks the password up by name
        f.write(f"*:{port}:*:alice:{PASSWORD}\n")

    def url(host: str) -> str:
        return f"postgresql://alice@{host}:{port}/{database}?hostaddr=127.0.0.1"

    home = tmp_path / "alice"
    assert essdesk(home, "territories", "add", "Creuse").returncode == 0
    other_ca = make_certificates(tmp_path / "autre", "serveur-equipe.test")
    for address, ca, says in (
        (url("serveur-equipe.test"), other_ca, "pas signé par l'autorité"),
        (url("autre-nom.test"), tls_ca, "pour un autre nom de serveur"),
    ):
        refused = essdesk(home, "team", "connect", address, "--team", "Équipe A",
                          "--ca-file", str(ca))  # fmt: skip
        assert refused.returncode == 1 and says in refused.stderr, refused.stderr
        assert "TLS" in refused.stderr
        status = essdesk(home, "team", "status", "--json")
        assert json.loads(status.stdout) == {"connected": False}  # nothing recorded
    joined = essdesk(home, "team", "connect", url("serveur-equipe.test"), "--team", "Équipe A",
                     "--ca-file", str(tls_ca))  # fmt: skip
    assert joined.returncode == 0, joined.stderr
    assert essdesk(home, "team", "share", "Creuse").returncode == 0
    synced = essdesk(home, "team", "sync", "--json")
    assert synced.returncode == 0, synced.stderr
    assert json.loads(synced.stdout)["pushed"] == 1


@pytest.mark.usefixtures("pgpass")
def test_journey_two_laptops_one_offline_conflict_shown_once(
    tmp_path: Path, team_server: TeamServer
) -> None:
    """Alice and Bruno, each with their own laptop. Bruno works offline (the server is out of
    reach) while Alice edits; then both sync: one conflict, on each side, shown once."""
    alice, bruno = tmp_path / "alice", tmp_path / "bruno"
    assert essdesk(alice, "territories", "add", "Creuse", "--types", "ZRR").returncode == 0
    assert (
        essdesk(alice, "team", "connect", team_server.url("alice"), "--team", "Équipe A").returncode
        == 0
    )
    assert essdesk(alice, "team", "share", "Creuse").returncode == 0
    assert (
        essdesk(
            alice, "notes", "add", "scheme:dla", "--text", "Base commune", "--territory", "Creuse"
        ).returncode
        == 0
    )
    first = essdesk(alice, "team", "sync", "--json")
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout)["pushed"] == 2

    joined = essdesk(bruno, "team", "connect", team_server.url("bruno"), "--team", "équipe a")
    assert joined.returncode == 0, joined.stderr
    got = json.loads(essdesk(bruno, "team", "sync", "--json").stdout)
    assert got["pulled"] == 2 and got["pending"] == 0
    assert got["server"] == f"bruno@127.0.0.1:{team_server.pg.port}/{team_server.database}"

    # Bruno goes offline (his laptop cannot reach the server) and edits.
    away = {"PGHOST": "127.0.0.1", "PGPORT": str(free_port())}
    offline_url = f"postgresql://bruno@127.0.0.1:{away['PGPORT']}/{team_server.database}"
    edit = essdesk(
        bruno,
        "notes",
        "add",
        "scheme:dla",
        "--text",
        "Version de Bruno, hors ligne",
        "--territory",
        "Creuse",
    )
    assert edit.returncode == 0, edit.stderr
    _set_url(bruno, offline_url)
    cut = essdesk(bruno, "team", "sync")
    assert cut.returncode == 1 and "hors ligne" in cut.stderr
    status = json.loads(essdesk(bruno, "team", "status", "--json").stdout)
    assert status["pending"] == 1
    # Alice edits the same note meanwhile, and syncs.
    assert (
        essdesk(
            alice,
            "notes",
            "add",
            "scheme:dla",
            "--text",
            "Version d'Alice",
            "--territory",
            "Creuse",
        ).returncode
        == 0
    )
    assert essdesk(alice, "team", "sync").returncode == 0
    # Bruno is back.
    _set_url(bruno, team_server.url("bruno"))
    back = json.loads(essdesk(bruno, "team", "sync", "--json").stdout)
    assert back == {**back, "pushed": 1, "conflicts": 1, "pending": 0}
    again = json.loads(essdesk(alice, "team", "sync", "--json").stdout)
    assert again["conflicts"] == 1
    for home, mine, theirs in ((alice, "Version d'Alice", "Version de Bruno, hors ligne"),
                               (bruno, "Version de Bruno, hors ligne", "Version d'Alice")):  # fmt: skip
        for _ in range(2):
            assert json.loads(essdesk(home, "team", "sync", "--json").stdout)["conflicts"] == 0
        listed = json.loads(
            essdesk(home, "notes", "list", "--territory", "Creuse", "--json").stdout
        )
        texts = sorted((n["text"], n["conflict_of"] is not None) for n in listed)
        assert texts == sorted([(mine, False), (theirs, True)])  # the conflict, shown once


def _set_url(home: Path, url: str) -> None:
    """The laptop's recorded server address (as if the network changed under it)."""
    import sqlite3

    conn = sqlite3.connect(home / "notes.sqlite3")
    with conn:
        conn.execute("UPDATE team_link SET url = ?", (url,))
    conn.close()
