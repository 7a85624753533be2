"""The server itself: the schema's steps, the log's numbering under concurrent pushers,
faults in the middle of a push or a pull, and row-level security with ``psql`` in hand."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import pytest
from pgcluster import PASSWORD, TeamServer
from teamkit import Laptop

from essdesk.team import server, sync
from essdesk.team.errors import TeamError
from essdesk.team.server import Change

NewLaptop = Callable[..., Laptop]


def test_init_server_is_idempotent_and_versioned(team_server: TeamServer) -> None:
    engine = team_server.admin()
    try:
        assert server.init_server(engine) == (server.SERVER_VERSION, server.SERVER_VERSION)
        with engine.connect() as conn:
            assert server.schema_version(conn) == server.SERVER_VERSION
        with pytest.raises(TeamError, match="existe déjà"):
            server.create_team(engine, "équipe a")
        with pytest.raises(TeamError, match="n'existe pas"):
            server.add_member(engine, "Équipe A", "personne")
    finally:
        engine.dispose()


def _claim(ts: TeamServer, login: str, territory: str) -> int:
    engine = server.make_engine(ts.url(login))
    try:

        def body(conn):  # type: ignore[no-untyped-def]
            member = server.membership(conn, "Équipe A")
            server.push_changes(
                conn, member.team_id, [Change(f"t-{territory}", "territory", territory, {})]
            )
            return member.team_id

        return int(server.run(engine, body))
    finally:
        engine.dispose()


def test_a_pull_never_misses_a_version_committed_late(team_server: TeamServer) -> None:
    """Eight pushers commit in whatever order the scheduler picks while a reader keeps
    pulling ``seq > cursor``: the reader ends with every change, numbered 1..n without a gap.
    (With a bigserial, a row numbered 11 committing after 12 was read is skipped for ever.)"""
    team_id = _claim(team_server, "alice", "terr")
    pushers, rounds, size = 8, 25, 3
    errors: list[BaseException] = []
    done = threading.Event()
    seen: dict[str, int] = {}

    def push(worker: int) -> None:
        engine = server.make_engine(team_server.url(("alice", "bruno", "chloe")[worker % 3]))
        try:
            for r in range(rounds):
                batch = [
                    Change(f"{worker}-{r}-{i}", "note", "terr", {"w": worker}) for i in range(size)
                ]

                def body(conn, batch=batch):  # type: ignore[no-untyped-def]
                    n = server.push_changes(conn, team_id, batch)
                    time.sleep(0.002)  # hold the transaction open a little: interleavings
                    return n

                server.run(engine, body)
        except BaseException as exc:
            errors.append(exc)
        finally:
            engine.dispose()

    def pull() -> None:
        engine = server.make_engine(team_server.url("chloe"))
        cursor = 0
        try:
            while True:
                finished = done.is_set()
                after = cursor
                changes = server.run(
                    engine, lambda c, after=after: server.fetch_changes(c, team_id, after)
                )
                for ch in changes:
                    assert ch.seq == cursor + 1, f"gap after {cursor}: got {ch.seq}"
                    seen[ch.change_id] = ch.seq
                    cursor = ch.seq
                if finished:
                    return
        except BaseException as exc:
            errors.append(exc)
        finally:
            engine.dispose()

    reader = threading.Thread(target=pull)
    reader.start()
    threads = [threading.Thread(target=push, args=(w,)) for w in range(pushers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    done.set()
    reader.join()
    assert not errors, errors
    expected = {f"{w}-{r}-{i}" for w in range(pushers) for r in range(rounds) for i in range(3)}
    assert set(seen) - {"t-terr"} == expected
    assert sorted(seen.values()) == list(range(1, len(expected) + 2))


def _wait_blocked(ts: TeamServer, login: str) -> None:
    """Until ``login`` has a statement waiting on a lock."""
    for _ in range(200):
        out = ts.pg.psql(
            "-d", ts.database, "-c",
            f"SELECT count(*) FROM pg_stat_activity WHERE usename = '{login}' "
            "AND wait_event_type = 'Lock'",
        )  # fmt: skip
        if out.stdout.strip() not in ("", "0"):
            return
        time.sleep(0.05)
    raise AssertionError(f"{login} never waited on a lock")


def _stop_server_while(ts: TeamServer, lock_sql: str, login: str, laptop: Laptop) -> BaseException:
    """Run ``laptop.sync()`` while the admin holds ``lock_sql``'s lock; once the sync waits
    on it, stop the server hard (``immediate``: a crash). Returns the sync's error."""
    import subprocess

    admin = subprocess.Popen(
        [str(ts.pg.bindir / "psql"), "-X", "-h", str(ts.pg.root), "-p", str(ts.pg.port),
         "-U", "essdesk_admin", "-d", ts.database],
        stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    assert admin.stdin is not None
    admin.stdin.write(f"BEGIN;\n{lock_sql};\nSELECT pg_sleep(60);\n")
    admin.stdin.flush()
    outcome: list[BaseException] = []

    def run() -> None:
        try:
            laptop.sync()
        except BaseException as exc:
            outcome.append(exc)

    worker = threading.Thread(target=run)
    time.sleep(0.5)
    worker.start()
    _wait_blocked(ts, login)
    ts.pg.stop("immediate")
    worker.join(timeout=30)
    admin.kill()
    admin.wait()
    admin.stdin.close()
    ts.pg.start()
    ts.pg.wait_ready()
    assert len(outcome) == 1
    return outcome[0]


def test_a_server_stopped_in_the_middle_of_a_push_leaves_both_sides_as_before(
    new_laptop: NewLaptop, team_server: TeamServer
) -> None:
    a = new_laptop("alice")
    creuse = a.store.add_territory("Creuse")
    sync.share(a.store, creuse)
    a.store.save_note("scheme:dla", creuse, "premier envoi")
    a.sync()
    a.clock.advance(minutes=5)
    a.store.save_note("scheme:dla", creuse, "envoi coupé")
    a.store.save_note("scheme:crte", creuse, "envoi coupé aussi")
    before = _count(team_server)
    # The push claims its territory, then waits for the team's counter: the server dies.
    error = _stop_server_while(team_server, "SELECT * FROM essdesk.teams FOR UPDATE", "alice", a)
    assert isinstance(error, TeamError)
    assert _count(team_server) == before  # nothing of the push on the server
    assert sync.pending_count(a.store) == 2  # and still pending here
    result = a.sync()
    assert result.pushed == 2 and result.pending == 0
    assert _count(team_server) == before + 2
    b = new_laptop("bruno")
    b.sync()
    assert sorted(n.text for n in b.store.all_notes()) == ["envoi coupé", "envoi coupé aussi"]


def test_a_server_stopped_in_the_middle_of_a_pull_leaves_both_sides_as_before(
    new_laptop: NewLaptop, team_server: TeamServer
) -> None:
    a, b = new_laptop("alice"), new_laptop("bruno")
    creuse = a.store.add_territory("Creuse")
    sync.share(a.store, creuse)
    a.store.save_note("scheme:dla", creuse, "à recevoir")
    a.sync()
    before = _count(team_server)
    error = _stop_server_while(
        team_server, "LOCK TABLE essdesk.changes IN ACCESS EXCLUSIVE MODE", "bruno", b
    )
    assert isinstance(error, TeamError)
    assert b.store.all_notes() == [] and b.store.territories() == []
    assert sync.link(b.store).last_seq == 0  # type: ignore[union-attr]
    assert _count(team_server) == before
    result = b.sync()
    assert result.pulled >= 2
    assert [n.text for n in b.store.all_notes()] == ["à recevoir"]


def _count(ts: TeamServer) -> int:
    out = ts.pg.psql("-d", ts.database, "-c", "SELECT count(*) FROM essdesk.changes")
    assert out.returncode == 0, out.stderr
    return int(out.stdout.strip())


def _psql(ts: TeamServer, login: str, sql: str):  # type: ignore[no-untyped-def]
    return ts.pg.psql("-d", ts.database, "-c", sql, user=login, password=PASSWORD, tcp=True)


def test_row_level_security_with_psql_in_hand(
    new_laptop: NewLaptop, team_server: TeamServer
) -> None:
    a = new_laptop("alice")
    creuse = a.store.add_territory("Creuse")
    sync.share(a.store, creuse)
    a.store.save_note("scheme:dla", creuse, "confidentiel équipe A")
    a.sync()
    e = new_laptop("eve", team="Équipe B")
    correze = e.store.add_territory("Corrèze")
    sync.share(e.store, correze)
    e.store.save_note("scheme:dla", correze, "confidentiel équipe B")
    e.sync()
    assert _count(team_server) == 4

    # A member of team B reads nothing of team A, whatever she asks.
    for sql in (
        "SELECT count(*) FROM essdesk.changes WHERE payload::text LIKE '%équipe A%'",
        f"SELECT count(*) FROM essdesk.territories WHERE uuid = '{creuse.uuid}'",
        "SELECT count(*) FROM essdesk.teams WHERE name = 'Équipe A'",
        "SELECT count(*) FROM essdesk.members WHERE role_name = 'alice'",
    ):
        out = _psql(team_server, "eve", sql)
        assert out.returncode == 0 and out.stdout.strip() == "0", (sql, out.stdout, out.stderr)
    out = _psql(team_server, "eve", "SELECT count(*) FROM essdesk.changes")
    assert out.stdout.strip() == "2"  # her own team's rows only

    # ...nor writes into team A, nor claims its territory.
    team_a = _psql(team_server, "alice", "SELECT id FROM essdesk.teams").stdout.strip()
    writes = (
        f"INSERT INTO essdesk.changes (team_id, seq, change_id, kind, territory_uuid, payload) "
        f"VALUES ({team_a}, 999, 'x', 'note', '{creuse.uuid}', '{{}}')",
        f"INSERT INTO essdesk.territories (uuid, team_id) VALUES ('autre', {team_a})",
        f"UPDATE essdesk.teams SET last_seq = 0 WHERE id = {team_a}",
    )
    for sql in writes:
        out = _psql(team_server, "eve", sql)
        refused = out.returncode != 0 or out.stdout.strip() in ("UPDATE 0",)
        assert refused, (sql, out.stdout)
    # A read-only member of team A reads it, and cannot write anything.
    out = _psql(team_server, "denis", "SELECT count(*) FROM essdesk.changes")
    assert out.returncode == 0 and out.stdout.strip() == "2"
    for sql in (
        *writes,
        "DELETE FROM essdesk.changes",
        "UPDATE essdesk.changes SET payload = '{}'",
    ):
        out = _psql(team_server, "denis", sql)
        assert out.returncode != 0 and "permission denied" in out.stderr, (sql, out.stderr)
    # A writer cannot push in someone else's name, nor rewrite or delete the log.
    for sql in (
        f"INSERT INTO essdesk.changes (team_id, seq, change_id, kind, territory_uuid, payload, "
        f"pushed_by) VALUES ({team_a}, 999, 'y', 'note', '{creuse.uuid}', '{{}}', 'bruno')",
        "DELETE FROM essdesk.changes",
        "UPDATE essdesk.changes SET payload = '{}'",
    ):
        out = _psql(team_server, "alice", sql)
        assert out.returncode != 0, (sql, out.stdout)
    assert _count(team_server) == 4


def test_a_removed_member_reads_nothing_any_more(
    new_laptop: NewLaptop, team_server: TeamServer
) -> None:
    a = new_laptop("alice")
    creuse = a.store.add_territory("Creuse")
    sync.share(a.store, creuse)
    a.sync()
    engine = team_server.admin()
    server.remove_member(engine, "Équipe A", "bruno")
    engine.dispose()
    out = _psql(team_server, "bruno", "SELECT count(*) FROM essdesk.changes")
    assert out.returncode != 0 and "permission denied" in out.stderr
