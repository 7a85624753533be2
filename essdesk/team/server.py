"""The server side: schema, teams and members, and the push and pull transactions.

The server is PostgreSQL itself, reached with libpq (psycopg 3 through SQLAlchemy's
``postgresql+psycopg`` dialect). Everything lives in the ``essdesk`` schema:

* ``teams`` — one row per team with ``last_seq``, the team's change counter;
* ``members`` — (team, login role, read-only?); the IT team creates the login roles, essdesk
  grants them one of two group roles, ``essdesk_reader`` (SELECT) or ``essdesk_writer``;
* ``territories`` — which team owns a shared territory profile (its uuid, unique across teams);
* ``changes`` — the team's log: ``seq`` (per team, gap-free in commit order), ``change_id``
  (the SHA-256 of the change's content: a change pushed twice is stored once), ``kind``
  (territory, note, trash, status), the territory it belongs to and its JSON payload.

**Why a counter and not a ``bigserial``.** Sequence values are handed out at INSERT time but
become visible at COMMIT: a reader of ``seq > last`` can see 12 before 11 commits and then
skip 11 for ever. Here a push takes the team row's lock (``UPDATE teams SET last_seq =
last_seq + n``) inside its transaction and holds it until it commits, so numbers become
visible in the order they were given: whoever reads ``seq > last`` later sees every one.

**Row-level security** on every table: a login role sees only its teams' rows (``members``
holds only its own memberships), writes only where it is a non read-only member, only into
its team's territories, and only in its own name (``pushed_by = current_user``), even with
``psql`` in hand. The schema's owner (the admin of ``init-server``) bypasses it.

Over 500 lines: the schema, its row-level security and the push and pull transactions
are read together.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy.exc
from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.pool import NullPool

from essdesk.team.errors import TeamError, TeamUsageError, as_team_error

SCHEMA = "essdesk"
LOOPBACK = {"", "localhost", "127.0.0.1", "::1"}
CONNECT_TIMEOUT = 5
"""Seconds libpq waits for the server before the laptop is declared offline."""

_MEMBER_TEAMS = "SELECT m.team_id FROM essdesk.members m WHERE m.role_name = current_user"
_WRITER_TEAMS = _MEMBER_TEAMS + " AND NOT m.read_only"

_V1 = [
    "CREATE SCHEMA IF NOT EXISTS essdesk",
    # Group roles are cluster-wide: another database of the same cluster may have made them.
    """DO $$ BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'essdesk_reader') THEN
            CREATE ROLE essdesk_reader NOLOGIN;
        END IF;
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'essdesk_writer') THEN
            CREATE ROLE essdesk_writer NOLOGIN IN ROLE essdesk_reader;
        END IF;
    END $$""",
    """CREATE TABLE essdesk.teams (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        name text NOT NULL UNIQUE CHECK (length(btrim(name)) > 0),
        last_seq bigint NOT NULL DEFAULT 0,
        created timestamptz NOT NULL DEFAULT now()
    )""",
    """CREATE TABLE essdesk.members (
        team_id bigint NOT NULL REFERENCES essdesk.teams ON DELETE CASCADE,
        role_name name NOT NULL,
        read_only boolean NOT NULL DEFAULT false,
        PRIMARY KEY (team_id, role_name)
    )""",
    "CREATE INDEX members_by_role ON essdesk.members (role_name, team_id)",
    """CREATE TABLE essdesk.territories (
        uuid text PRIMARY KEY,
        team_id bigint NOT NULL REFERENCES essdesk.teams ON DELETE CASCADE,
        shared_by name NOT NULL DEFAULT current_user
    )""",
    """CREATE TABLE essdesk.changes (
        team_id bigint NOT NULL REFERENCES essdesk.teams ON DELETE CASCADE,
        seq bigint NOT NULL,
        change_id text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('territory', 'note', 'trash', 'status')),
        territory_uuid text NOT NULL,
        payload jsonb NOT NULL,
        pushed_by name NOT NULL DEFAULT current_user,
        pushed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (team_id, seq),
        UNIQUE (team_id, change_id)
    )""",
    "ALTER TABLE essdesk.teams ENABLE ROW LEVEL SECURITY",
    "ALTER TABLE essdesk.members ENABLE ROW LEVEL SECURITY",
    "ALTER TABLE essdesk.territories ENABLE ROW LEVEL SECURITY",
    "ALTER TABLE essdesk.changes ENABLE ROW LEVEL SECURITY",
    "CREATE POLICY own_rows ON essdesk.members FOR SELECT USING (role_name = current_user)",
    f"CREATE POLICY read_team ON essdesk.teams FOR SELECT USING (id IN ({_MEMBER_TEAMS}))",
    f"""CREATE POLICY count_team ON essdesk.teams FOR UPDATE
        USING (id IN ({_WRITER_TEAMS})) WITH CHECK (id IN ({_WRITER_TEAMS}))""",
    f"""CREATE POLICY read_team ON essdesk.territories FOR SELECT
        USING (team_id IN ({_MEMBER_TEAMS}))""",
    f"""CREATE POLICY share ON essdesk.territories FOR INSERT
        WITH CHECK (team_id IN ({_WRITER_TEAMS}) AND shared_by = current_user)""",
    f"CREATE POLICY read_team ON essdesk.changes FOR SELECT USING (team_id IN ({_MEMBER_TEAMS}))",
    f"""CREATE POLICY push ON essdesk.changes FOR INSERT WITH CHECK (
        team_id IN ({_WRITER_TEAMS})
        AND pushed_by = current_user
        AND EXISTS (SELECT 1 FROM essdesk.territories t
                    WHERE t.uuid = territory_uuid AND t.team_id = changes.team_id))""",
    "REVOKE ALL ON SCHEMA essdesk FROM PUBLIC",
    "GRANT USAGE ON SCHEMA essdesk TO essdesk_reader",
    """GRANT SELECT ON essdesk.teams, essdesk.members, essdesk.territories, essdesk.changes
        TO essdesk_reader""",
    "GRANT INSERT ON essdesk.territories, essdesk.changes TO essdesk_writer",
    "GRANT UPDATE (last_seq) ON essdesk.teams TO essdesk_writer",
]

_V2_LOCAL_ENTRIES = [
    # The territory's own entries travel too (issue 15, essdesk.team.local_sync): the same
    # log, the same row-level security (by team and territory), two more kinds.
    "ALTER TABLE essdesk.changes DROP CONSTRAINT changes_kind_check",
    """ALTER TABLE essdesk.changes ADD CONSTRAINT changes_kind_check
        CHECK (kind IN ('territory', 'note', 'trash', 'status', 'local', 'local_trash'))""",
]

SERVER_STEPS: tuple[Sequence[str], ...] = (_V1, _V2_LOCAL_ENTRIES)
"""Frozen, append-only, like the laptop's migrations: step *n* brings the schema to *n*."""
SERVER_VERSION = len(SERVER_STEPS)


def change_id(*parts: str) -> str:
    """A change's identity: the SHA-256 of what it says, so a retried push is stored once."""
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Change:
    """One entry of a team's log, as pushed (``seq`` 0) or pulled."""

    change_id: str
    kind: str
    territory_uuid: str
    payload: dict[str, Any]
    seq: int = 0
    pushed_by: str = ""


@dataclass(frozen=True)
class Membership:
    team_id: int
    team: str
    role: str
    read_only: bool
    last_seq: int


# -- connecting -------------------------------------------------------------------------------


def parse_url(url: str) -> URL:
    """A libpq URL (``postgresql://user@host:port/db``) as SQLAlchemy's psycopg URL.

    A password written in the URL is refused: it would stay in the shell's history and in
    the settings; libpq's pgpass file (or ``PGPASSFILE``) is where it belongs.
    """
    try:
        parsed = make_url(url.strip())
    except (sqlalchemy.exc.ArgumentError, ValueError) as exc:
        raise TeamUsageError(
            f"Adresse de serveur invalide : « {url} ». Forme attendue : "
            "postgresql://utilisateur@serveur:port/base",
            str(exc),
        ) from exc
    if parsed.get_backend_name() not in ("postgresql", "postgres"):
        raise TeamUsageError(
            f"Adresse de serveur invalide : « {url} » (elle doit commencer par postgresql://).",
            f"backend {parsed.get_backend_name()!r}",
        )
    if parsed.password:
        raise TeamUsageError(
            "Ne mettez pas le mot de passe dans l'adresse : il resterait dans l'historique. "
            "Utilisez le fichier pgpass (ou PGPASSFILE), ou « Mémoriser le mot de passe » "
            "dans Fichier › « Équipe… ».",
            "password in URL",
        )
    return parsed.set(drivername="postgresql+psycopg")


def build_url(host: str, port: int, database: str, user: str) -> str:
    """The libpq URL of the fields of « Équipe… » (no password: libpq's pgpass holds it)."""
    made = URL.create("postgresql", username=user, host=host, port=port, database=database)
    return made.render_as_string(hide_password=False)


def describe(url: str) -> str:
    """``user@host:port/db`` for messages and status (never a password)."""
    parsed = parse_url(url)
    host = parsed.host or parsed.query.get("host") or "localhost"
    port = f":{parsed.port}" if parsed.port else ""
    return f"{parsed.username or ''}@{host}{port}/{parsed.database or ''}".lstrip("@")


def is_loopback(parsed: URL) -> bool:
    """The local machine: no host, a loopback name or address, or a Unix socket folder."""
    host = parsed.host or parsed.query.get("host") or ""
    if isinstance(host, tuple):
        host = host[0]
    return host in LOOPBACK or host.startswith("/")


def connect_options(parsed: URL, ca_file: str = "") -> dict[str, Any]:
    """libpq options of a connection: TLS required for any host but this machine.

    ``sslmode=require`` encrypts; with a CA file, ``verify-full`` also checks the server's
    certificate and name. A URL that already asks for a stricter mode keeps it.
    """
    args: dict[str, Any] = {"connect_timeout": CONNECT_TIMEOUT}
    if not is_loopback(parsed):
        mode = parsed.query.get("sslmode", "")
        if ca_file:
            args["sslmode"], args["sslrootcert"] = "verify-full", ca_file
        elif mode not in ("require", "verify-ca", "verify-full"):
            args["sslmode"] = "require"
    elif ca_file:
        args["sslrootcert"] = ca_file
    return args


def make_engine(
    url: str, ca_file: str = "", application: str = "essdesk", password: str = ""
) -> Engine:
    """An engine on the team server (see :func:`connect_options`). No pool (``NullPool``):
    a sync opens its connection, does its two transactions and closes it. ``password``: one
    typed in the window and not remembered, kept in memory only (else libpq's pgpass)."""
    parsed = parse_url(url)
    try:
        import psycopg  # noqa: F401  # the optional extra "team"
    except ImportError as exc:
        raise TeamError(
            "Le module psycopg n'est pas installé : installez essdesk avec l'option « team » "
            "(pip install 'essdesk[team]', ou 'essdesk[team-binary]' sans libpq sur la machine).",
            str(exc),
        ) from exc
    # No JIT: a sync's statements are short index lookups, and compiling one (when the
    # planner's estimate crosses jit_above_cost on a big log) took 250 ms of a 1 ms query.
    # Memory enough to number a push of 10,000 changes in memory (4 MB sorted them on disk).
    args = {
        **connect_options(parsed, ca_file),
        "application_name": application,
        "options": "-c jit=off -c work_mem=32MB",
    }
    if password:
        args["password"] = password
    return create_engine(parsed, poolclass=NullPool, connect_args=args)


def run(engine: Engine, body: Callable[[Connection], Any], server: str = "") -> Any:
    """``body(conn)`` in one server transaction; any driver error as a French TeamError."""
    try:
        with engine.begin() as conn:
            return body(conn)
    except TeamError:
        raise
    except sqlalchemy.exc.SQLAlchemyError as exc:
        raise as_team_error(exc, server) from exc


def quote_role(conn: Connection, role: str) -> str:
    return conn.dialect.identifier_preparer.quote_identifier(role)


# -- administration (ADMIN_URL: the schema's owner) --------------------------------------------


def schema_version(conn: Connection) -> int:
    exists = conn.execute(text("SELECT to_regclass('essdesk.schema_version')")).scalar()
    if exists is None:
        return 0
    return int(conn.execute(text("SELECT version FROM essdesk.schema_version")).scalar_one())


def init_server(engine: Engine) -> tuple[int, int]:
    """Create or upgrade the server schema; returns (version before, version after).

    Idempotent and versioned: each missing step runs in its own transaction with the version
    bump, under an advisory lock so two admins running it at once do not both apply a step.
    """
    with engine.connect() as conn:
        before = schema_version(conn)
    if before > SERVER_VERSION:
        raise TeamError(
            f"Le schéma du serveur d'équipe (version {before}) est plus récent que cette "
            f"version d'essdesk (version {SERVER_VERSION}) : mettez essdesk à jour.",
            f"server schema {before} > {SERVER_VERSION}",
        )
    for number, step in enumerate(SERVER_STEPS, start=1):

        def apply(conn: Connection, number: int = number, step: Sequence[str] = step) -> None:
            conn.execute(text("SELECT pg_advisory_xact_lock(hashtext('essdesk schema'))"))
            if schema_version(conn) >= number:
                return
            for statement in step:
                conn.exec_driver_sql(statement)
            if number == 1:
                conn.exec_driver_sql("CREATE TABLE essdesk.schema_version (version int NOT NULL)")
                conn.exec_driver_sql("INSERT INTO essdesk.schema_version VALUES (0)")
                conn.exec_driver_sql("GRANT SELECT ON essdesk.schema_version TO essdesk_reader")
            conn.execute(text("UPDATE essdesk.schema_version SET version = :v"), {"v": number})

        run(engine, apply)
    return before, SERVER_VERSION


def _no_schema() -> TeamError:
    return TeamError(
        "Ce serveur n'a pas (ou pas encore) le schéma d'essdesk : lancez d'abord "
        "« essdesk team init-server ADMIN_URL ».",
        "essdesk schema missing or older",
    )


def _require_schema(conn: Connection) -> None:
    if schema_version(conn) < SERVER_VERSION:
        raise _no_schema()


def create_team(engine: Engine, name: str) -> int:
    """A new team; returns its id. A name already taken is refused."""
    clean = " ".join(name.split())
    if not clean:
        raise TeamUsageError("Le nom de l'équipe ne peut pas être vide.", "empty team name")

    def body(conn: Connection) -> int:
        _require_schema(conn)
        found = conn.execute(
            text("SELECT id FROM essdesk.teams WHERE lower(name) = lower(:n)"), {"n": clean}
        ).scalar()
        if found is not None:
            raise TeamError(f"L'équipe « {clean} » existe déjà.", "team exists")
        return int(
            conn.execute(
                text("INSERT INTO essdesk.teams (name) VALUES (:n) RETURNING id"), {"n": clean}
            ).scalar_one()
        )

    return int(run(engine, body))


def _team_id(conn: Connection, name: str) -> int:
    found = conn.execute(
        text("SELECT id FROM essdesk.teams WHERE lower(name) = lower(:n)"),
        {"n": " ".join(name.split())},
    ).scalar()
    if found is None:
        raise TeamError(
            f"Équipe inconnue sur ce serveur : « {name} » (ou vous n'en êtes pas membre).",
            "no such team visible",
        )
    return int(found)


def _regrant(conn: Connection, role: str) -> None:
    """Give a login role the group its memberships need, and no more."""
    rows = conn.execute(
        text("SELECT read_only FROM essdesk.members WHERE role_name = :r"), {"r": role}
    ).all()
    quoted = quote_role(conn, role)
    writer = any(not r.read_only for r in rows)
    conn.exec_driver_sql(
        f"{'GRANT' if writer else 'REVOKE'} essdesk_writer {'TO' if writer else 'FROM'} {quoted}"
    )
    reader = bool(rows)
    conn.exec_driver_sql(
        f"{'GRANT' if reader else 'REVOKE'} essdesk_reader {'TO' if reader else 'FROM'} {quoted}"
    )


def add_member(engine: Engine, team: str, role: str, read_only: bool = False) -> None:
    """Make an existing login role a member of ``team`` (again: updates read-only)."""

    def body(conn: Connection) -> None:
        _require_schema(conn)
        team_id = _team_id(conn, team)
        if conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}).scalar():
            conn.execute(
                text(
                    "INSERT INTO essdesk.members (team_id, role_name, read_only) "
                    "VALUES (:t, :r, :ro) ON CONFLICT (team_id, role_name) "
                    "DO UPDATE SET read_only = EXCLUDED.read_only"
                ),
                {"t": team_id, "r": role, "ro": read_only},
            )
            _regrant(conn, role)
            return
        raise TeamError(
            f"Le compte « {role} » n'existe pas sur ce serveur : votre service informatique "
            "le crée d'abord (CREATE ROLE … LOGIN), puis essdesk l'ajoute à l'équipe.",
            "no such role",
        )

    run(engine, body)


def remove_member(engine: Engine, team: str, role: str) -> None:
    """Take a login role out of ``team``; its other teams keep their rights."""

    def body(conn: Connection) -> None:
        _require_schema(conn)
        gone = conn.execute(
            text("DELETE FROM essdesk.members WHERE team_id = :t AND role_name = :r"),
            {"t": _team_id(conn, team), "r": role},
        ).rowcount
        if not gone:
            raise TeamError(f"« {role} » n'est pas membre de l'équipe « {team} ».", "not member")
        _regrant(conn, role)

    run(engine, body)


# -- a member's transactions ------------------------------------------------------------------


_TEAM_SQL = """
    SELECT v.version, current_user AS role, t.id, t.name, t.last_seq, m.read_only, {changes}
    FROM essdesk.schema_version v
    LEFT JOIN (essdesk.teams t JOIN essdesk.members m
               ON m.team_id = t.id AND m.role_name = current_user)
        ON lower(t.name) = lower(:n)
"""

_CHANGES_AFTER = """(SELECT coalesce(json_agg(json_build_array(c.seq, c.change_id, c.kind,
        c.territory_uuid, c.payload, c.pushed_by) ORDER BY c.seq), '[]')::text
    FROM essdesk.changes c WHERE c.team_id = {team} AND c.seq > {after})"""


def read_team(
    conn: Connection, team: str, after: int | None = None
) -> tuple[Membership, list[Change]]:
    """The connected role's membership of ``team`` (row-level security shows only its own)
    and, unless ``after`` is None, the team's changes numbered above ``after``, in order.

    One statement, hence one snapshot and one round trip: when nothing is new (the team's
    counter is still ``after``) the log is not read at all; otherwise it is a range of the
    log's primary key (``team_id, seq``), ``:after`` a constant so that the planner knows
    how few rows it is. (A counter *behind* ``after``: the server went back in time; the
    caller reads again from 0.)
    """
    changes = "'[]'::text"
    if after is not None:
        changes = (
            "CASE WHEN t.last_seq = :after THEN '[]' ELSE "
            + _CHANGES_AFTER.format(team="t.id", after=":after")
            + " END"
        )
    try:
        row = conn.execute(
            text(_TEAM_SQL.format(changes=changes)),
            {"n": " ".join(team.split()), "after": after or 0},
        ).one()
    except sqlalchemy.exc.ProgrammingError as exc:
        if getattr(exc.orig, "sqlstate", "") in ("42P01", "3F000"):  # no such table, schema
            raise _no_schema() from exc
        raise
    if row.version < SERVER_VERSION:
        raise _no_schema()
    if row.id is None:
        raise TeamError(
            f"Ce compte n'est pas membre de l'équipe « {team} » sur ce serveur (ou l'équipe "
            "n'existe pas) : demandez à votre service informatique de l'ajouter.",
            "no membership",
        )
    member = Membership(
        int(row.id), row.name, str(row.role), bool(row.read_only), int(row.last_seq)
    )
    return member, _parse_changes(row[-1])


def membership(conn: Connection, team: str) -> Membership:
    """The connected role's membership of ``team``; see :func:`read_team`."""
    return read_team(conn, team)[0]


def push_changes(conn: Connection, team_id: int, changes: Iterable[Change]) -> tuple[int, int]:
    """Append ``changes`` to the team's log in the caller's transaction; returns how many
    were new (a change already there, from a retried push, is stored once) and the team's
    counter before them (the new ones are numbered from the next).

    The team row is locked first (``UPDATE … RETURNING``): the numbers taken here become
    visible only when this transaction commits, and no other push can take the next ones
    before it has. Territories are claimed for the team on the way (one team owns each).
    """
    batch = list({c.change_id: c for c in changes}.values())
    if not batch:
        return 0, 0
    base = conn.execute(
        text("UPDATE essdesk.teams SET last_seq = last_seq WHERE id = :t RETURNING last_seq"),
        {"t": team_id},
    ).scalar()
    if base is None:
        raise TeamError(
            "Ce compte peut lire l'équipe mais pas y écrire (membre en lecture seule) : "
            "vos modifications restent sur cet ordinateur.",
            "no writable membership",
        )
    claimed = sorted({c.territory_uuid for c in batch if c.kind == "territory"})
    if claimed:
        conn.execute(
            text(
                "INSERT INTO essdesk.territories (uuid, team_id) "
                "SELECT u, :t FROM unnest(CAST(:u AS text[])) AS u ON CONFLICT (uuid) DO NOTHING"
            ),
            {"t": team_id, "u": claimed},
        )
    # The rows travel as one JSON text: the server parses them in C, where psycopg's
    # pure-Python adapter would dump 10,000 values one by one. A statement of its own (not
    # the locking one) sees every change committed before the lock was granted.
    rows = [
        {"n": n, "c": c.change_id, "k": c.kind, "u": c.territory_uuid, "p": c.payload}
        for n, c in enumerate(batch, start=1)
    ]
    fresh = conn.execute(
        text(
            """WITH fresh AS (
                SELECT x.*, row_number() OVER (ORDER BY x.n) AS r
                FROM jsonb_to_recordset(CAST(:rows AS jsonb))
                    AS x(n bigint, c text, k text, u text, p jsonb)
                WHERE NOT EXISTS (SELECT 1 FROM essdesk.changes c
                                  WHERE c.team_id = :t AND c.change_id = x.c)
            ), added AS (
                INSERT INTO essdesk.changes (team_id, seq, change_id, kind, territory_uuid, payload)
                SELECT :t, :base + r, c, k, u, p FROM fresh RETURNING 1
            )
            UPDATE essdesk.teams SET last_seq = :base + (SELECT count(*) FROM added)
            WHERE id = :t RETURNING last_seq - :base"""
        ),
        {"t": team_id, "base": int(base), "rows": json.dumps(rows, ensure_ascii=False)},
    ).scalar_one()
    return int(fresh), int(base)


def fetch_changes(conn: Connection, team_id: int, after: int) -> list[Change]:
    """The team's changes numbered above ``after``, in order (a range of the primary key's
    index), as one JSON document parsed here in C rather than row by row."""
    document = conn.execute(
        text("SELECT " + _CHANGES_AFTER.format(team=":t", after=":after")),
        {"t": team_id, "after": after},
    ).scalar_one()
    return _parse_changes(document)


def _parse_changes(document: str) -> list[Change]:
    return [
        Change(change_id, kind, territory, payload, int(seq), pushed_by)
        for seq, change_id, kind, territory, payload, pushed_by in json.loads(document)
    ]
