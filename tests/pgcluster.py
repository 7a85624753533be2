"""A throwaway PostgreSQL cluster for the team tests and the team benchmark.

Debian's ``postgresql`` package (``/usr/lib/postgresql/<n>/bin``): ``initdb`` + ``pg_ctl`` in a
temporary folder, listening on a Unix socket in that folder and on 127.0.0.1 with a free
port, nothing else. PostgreSQL refuses to run as root: under root (CI, containers) the
cluster runs as the ``postgres`` system user (``runuser``), in a folder it owns. The admin
connects through the socket without a password (``trust``); members connect over TCP with
a password (``scram-sha-256``), as a laptop would.
"""

from __future__ import annotations

import contextlib
import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ADMIN = "essdesk_admin"


def find_bindir() -> Path | None:
    """The newest Debian PostgreSQL server binaries, or the ones on PATH."""
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(p.split("/")[4])
    )
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("pg_ctl")
    return Path(on_path).parent if on_path else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PgCluster:
    """``start()``, ``stop()`` (``immediate`` = a crash), ``remove()``; URLs for its users."""

    def __init__(self) -> None:
        bindir = find_bindir()
        if bindir is None:
            raise RuntimeError("PostgreSQL introuvable (paquet Debian « postgresql »)")
        self.bindir = bindir
        self.root = Path(tempfile.mkdtemp(prefix="essdesk-pg-"))
        self.data = self.root / "data"
        self.port = free_port()
        self.as_user: list[str] = []
        if os.geteuid() == 0:
            user = pwd.getpwnam("postgres")
            os.chown(self.root, user.pw_uid, user.pw_gid)
            os.chmod(self.root, 0o755)
            self.as_user = ["runuser", "-u", "postgres", "--"]
        self._run(
            "initdb", "-D", str(self.data), "-U", ADMIN, "--auth-local=trust",
            "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync",
        )  # fmt: skip
        conf = self.data / "postgresql.conf"
        with conf.open("a", encoding="utf-8") as f:
            f.write(
                f"\nlisten_addresses = '127.0.0.1'\nport = {self.port}\n"
                f"unix_socket_directories = '{self.root}'\nfsync = off\n"
                "max_connections = 100\nshared_buffers = 64MB\n"
            )

    def _run(self, tool: str, *args: str) -> None:
        subprocess.run(
            [*self.as_user, str(self.bindir / tool), *args],
            check=True,
            capture_output=True,
            cwd=self.root,
            timeout=120,
        )

    def start(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.root / "log"), "-w", "start")

    def stop(self, mode: str = "fast") -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop")

    def remove(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):  # already stopped
            self.stop("immediate")
        shutil.rmtree(self.root, ignore_errors=True)

    def admin_url(self, database: str = "postgres") -> str:
        """The superuser over the Unix socket (libpq's ``host`` query parameter)."""
        return f"postgresql://{ADMIN}@/{database}?host={self.root}&port={self.port}"

    def url(self, user: str, database: str = "postgres") -> str:
        """A member over TCP on the loopback, as a laptop connects."""
        return f"postgresql://{user}@127.0.0.1:{self.port}/{database}"

    def psql(self, *args: str, user: str = ADMIN, password: str = "", database: str = "postgres",
             tcp: bool = False) -> subprocess.CompletedProcess[str]:  # fmt: skip
        """``psql`` itself, as a member would use it by hand."""
        env = {**os.environ, "PGPASSWORD": password} if password else dict(os.environ)
        env.pop("PGPASSFILE", None)
        host = "127.0.0.1" if tcp else str(self.root)
        return subprocess.run(
            [str(self.bindir / "psql"), "-X", "-v", "ON_ERROR_STOP=1", "-h", host,
             "-p", str(self.port), "-U", user, "-d", database, "-At", *args],
            capture_output=True, text=True, env=env, timeout=60,
        )  # fmt: skip

    def create_login(self, name: str, password: str) -> None:
        result = self.psql("-c", f"CREATE ROLE \"{name}\" LOGIN PASSWORD '{password}'")
        if result.returncode != 0:
            raise RuntimeError(result.stderr)

    def use_tls(self, certificate: Path | None, key: Path | None = None) -> None:
        """TLS on, with this certificate and key (copied into the data folder, the key
        readable by the server's user only), or off again (None); new connections see it."""
        if certificate is not None and key is not None:
            for source, name in ((certificate, "server.crt"), (key, "server.key")):
                dest = self.data / name
                shutil.copyfile(source, dest)
                dest.chmod(0o600)
                if self.as_user:
                    user = pwd.getpwnam("postgres")
                    os.chown(dest, user.pw_uid, user.pw_gid)
            change, wanted = "ALTER SYSTEM SET ssl = on", "on"
        else:
            change, wanted = "ALTER SYSTEM RESET ssl", "off"
        for statement in (change, "SELECT pg_reload_conf()"):
            result = self.psql("-c", statement)
            if result.returncode != 0:
                raise RuntimeError(result.stderr)
        deadline = time.monotonic() + 30
        while self.psql("-c", "SHOW ssl").stdout.strip() != wanted:
            if time.monotonic() > deadline:
                raise RuntimeError(f"ssl did not turn {wanted}")
            time.sleep(0.1)

    def wait_ready(self, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.psql("-c", "SELECT 1").returncode == 0:
                return
            time.sleep(0.2)
        raise RuntimeError("PostgreSQL did not accept connections")


# -- pytest fixtures (registered by tests/conftest.py, so one cluster serves every folder) ------

PASSWORD = "mot-de-passe-équipe"
LOGINS = ("alice", "bruno", "chloe", "denis", "eve", "fabien")
"""alice, bruno, chloe: team A writers; denis: team A read-only (a partner); eve: team B."""

_databases = itertools.count(1)


@pytest.fixture(scope="session")
def pg(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PgCluster]:
    cluster: PgCluster | None = None
    try:
        cluster = PgCluster()
        cluster.start()
        cluster.wait_ready()
        for login in LOGINS:
            cluster.create_login(login, PASSWORD)
    except Exception as exc:
        if cluster is not None:
            cluster.remove()
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"the PostgreSQL test server did not start: {exc}")
        pytest.skip(f"pas de serveur PostgreSQL de test (paquet « postgresql ») : {exc}")
    try:
        yield cluster
    finally:
        cluster.remove()


@pytest.fixture
def pgpass(tmp_path: Path, pg: PgCluster, monkeypatch: pytest.MonkeyPatch) -> Path:
    """libpq's password file for the members, as IT would hand it out (mode 0600)."""
    path = tmp_path / "pgpass"
    path.write_text(
        "".join(f"127.0.0.1:{pg.port}:*:{login}:{PASSWORD}\n" for login in LOGINS),
        encoding="utf-8",
    )
    path.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(path))
    return path


@dataclass
class TeamServer:
    """One test's database on the session's cluster, schema installed, teams A and B."""

    pg: PgCluster
    database: str

    @property
    def admin_url(self) -> str:
        return self.pg.admin_url(self.database)

    def url(self, login: str) -> str:
        return self.pg.url(login, self.database)

    def admin(self) -> Any:
        from essdesk.team import server

        return server.make_engine(self.admin_url)


@pytest.fixture
def team_server(pg: PgCluster, pgpass: Path) -> Iterator[TeamServer]:
    name = f"essdesk_t{next(_databases)}"
    result = pg.psql("-c", f"CREATE DATABASE {name}")
    assert result.returncode == 0, result.stderr
    from essdesk.team import server

    ts = TeamServer(pg, name)
    engine = ts.admin()
    try:
        server.init_server(engine)
        server.create_team(engine, "Équipe A")
        server.create_team(engine, "Équipe B")
        for login in ("alice", "bruno", "chloe"):
            server.add_member(engine, "Équipe A", login)
        server.add_member(engine, "Équipe A", "denis", read_only=True)
        server.add_member(engine, "Équipe B", "eve")
    finally:
        engine.dispose()
    yield ts
    pg.psql("-c", f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
