"""Ordered schema steps for the notes database, keyed on ``PRAGMA user_version``.

Step *n* brings a file from version *n - 1* to *n*. Steps are frozen once released: a change
to the schema is a new step appended to :data:`STEPS`, plus a fixture file of the released
version in ``tests/notes/fixtures`` (see ``make_fixtures.py`` there). Each step runs in one
transaction (``BEGIN IMMEDIATE``, thanks to the engine's transactional DDL recipe) together
with the ``user_version`` bump, so a failing step leaves the file exactly as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from sqlalchemy import Connection, Engine

from essdesk.notes.errors import NewerSchemaError
from essdesk.notes.schema import APPLICATION_ID, STATUSES

Step = Callable[[Connection], None]

_STATUS_CHECK = ", ".join(f"'{key}'" for key in STATUSES)

_V1 = [
    f"PRAGMA application_id = {APPLICATION_ID}",
    """CREATE TABLE territories (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        types TEXT NOT NULL DEFAULT '',
        commune TEXT NOT NULL DEFAULT '',
        code TEXT NOT NULL DEFAULT '',
        initials TEXT NOT NULL DEFAULT '',
        created TEXT NOT NULL,
        deleted_at TEXT
    )""",
    # Names are unique among live profiles only: a deleted "Creuse" may be recreated.
    """CREATE UNIQUE INDEX territories_live_name
        ON territories (name COLLATE NOCASE) WHERE deleted_at IS NULL""",
    """CREATE TABLE notes (
        uuid TEXT PRIMARY KEY,
        entry_key TEXT NOT NULL,
        territory_uuid TEXT NOT NULL REFERENCES territories (uuid),
        text TEXT NOT NULL,
        created TEXT NOT NULL,
        updated TEXT NOT NULL,
        deleted_at TEXT,
        entry_title TEXT NOT NULL DEFAULT '',
        conflict_of TEXT
    )""",
    # "The note of this entry for this territory": at most one live, non-conflict note.
    """CREATE UNIQUE INDEX notes_one_per_entry
        ON notes (entry_key, territory_uuid) WHERE deleted_at IS NULL AND conflict_of IS NULL""",
    "CREATE INDEX notes_by_territory ON notes (territory_uuid, deleted_at)",
    """CREATE TABLE note_versions (
        id INTEGER PRIMARY KEY,
        note_uuid TEXT NOT NULL REFERENCES notes (uuid) ON DELETE CASCADE,
        text TEXT NOT NULL,
        started_at TEXT NOT NULL,
        saved_at TEXT NOT NULL
    )""",
    "CREATE INDEX note_versions_by_note ON note_versions (note_uuid, id)",
    f"""CREATE TABLE statuses (
        entry_key TEXT NOT NULL,
        territory_uuid TEXT NOT NULL REFERENCES territories (uuid),
        status TEXT NOT NULL CHECK (status IN ({_STATUS_CHECK})),
        date TEXT,
        contact TEXT NOT NULL DEFAULT '',
        updated TEXT NOT NULL,
        PRIMARY KEY (entry_key, territory_uuid)
    )""",
    # Folded text (textfold.index_text) so that œ/æ, accents and apostrophes match as in the
    # catalogue; unicode61 only splits on the spaces index_text leaves.
    """CREATE VIRTUAL TABLE notes_fts USING fts5 (
        note_uuid UNINDEXED, body, tokenize = 'unicode61 remove_diacritics 2'
    )""",
]


def _status_triggers(*, with_ident: bool) -> list[str]:
    """The triggers that record each value a follow-up takes in ``status_versions``: one
    version per value (v5), then per (value, ident) (v7). One text for both steps, so that
    they cannot drift; the SQL it gives each step is exactly the one released (SQLite keeps
    it in the schema)."""
    column, new, same = ("", "", "")
    if with_ident:
        column, new, same = (", ident", ", NEW.ident", " AND v.ident IS NEW.ident")
    return [
        f"""CREATE TRIGGER statuses_versioned_{event.split()[0].lower()}
            AFTER {event} ON statuses BEGIN
                INSERT INTO status_versions
                    (entry_key, territory_uuid, status, date, contact, saved_at{column})
                SELECT NEW.entry_key, NEW.territory_uuid, NEW.status, NEW.date, NEW.contact,
                    NEW.updated{new}
                WHERE NOT EXISTS (SELECT 1 FROM status_versions v
                    WHERE v.entry_key = NEW.entry_key AND v.territory_uuid = NEW.territory_uuid
                    AND v.status = NEW.status AND v.date IS NEW.date
                    AND v.contact = NEW.contact{same});
            END"""
        for event in ("INSERT", f"UPDATE OF status, date, contact{column}")
    ]


def _v1(conn: Connection) -> None:
    """Initial schema: territories, notes, versions, statuses and the notes search index."""
    for statement in _V1:
        conn.exec_driver_sql(statement)


def _v2(conn: Connection) -> None:
    """Notes remember who wrote their text: the initials an exchange file gives ("" for a
    text written on this computer). Texts purged from the trash are remembered by their
    digest only, so that importing an old file again does not bring them back."""
    conn.exec_driver_sql("ALTER TABLE notes ADD COLUMN author TEXT NOT NULL DEFAULT ''")
    conn.exec_driver_sql(
        """CREATE TABLE forgotten_texts (
            entry_key TEXT NOT NULL,
            territory_uuid TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            PRIMARY KEY (entry_key, territory_uuid, sha256)
        ) WITHOUT ROWID"""
    )


def _v3(conn: Connection) -> None:
    """The territory's own entries (issue 15): local actors and schemes, keyed ``local:<uuid>``.

    The content is one JSON document (``data``, see :mod:`essdesk.notes.local_entries`) so
    that a version of the history, an exchange file and a team server carry the same record;
    the title is a column too, for its CHECK and for sorting. Deleted entries stay in the
    trash (``deleted_at``), like notes; ``conflict_of`` marks a copy kept beside an entry
    edited on two laptops.
    """
    conn.exec_driver_sql(
        """CREATE TABLE local_entries (
            uuid TEXT PRIMARY KEY,
            territory_uuid TEXT NOT NULL REFERENCES territories (uuid),
            kind TEXT NOT NULL CHECK (kind IN ('actor', 'scheme')),
            title TEXT NOT NULL CHECK (length(trim(title)) > 0),
            data TEXT NOT NULL,
            created TEXT NOT NULL,
            updated TEXT NOT NULL,
            author TEXT NOT NULL DEFAULT '',
            deleted_at TEXT,
            conflict_of TEXT
        )"""
    )
    conn.exec_driver_sql(
        "CREATE INDEX local_entries_by_territory ON local_entries (territory_uuid, deleted_at)"
    )
    conn.exec_driver_sql(
        """CREATE TABLE local_entry_versions (
            id INTEGER PRIMARY KEY,
            entry_uuid TEXT NOT NULL REFERENCES local_entries (uuid) ON DELETE CASCADE,
            data TEXT NOT NULL,
            saved_at TEXT NOT NULL,
            author TEXT NOT NULL DEFAULT ''
        )"""
    )
    conn.exec_driver_sql(
        "CREATE INDEX local_entry_versions_by_entry ON local_entry_versions (entry_uuid, id)"
    )


def _v4(conn: Connection) -> None:
    """The team server's bookkeeping (issue 14), all empty until ``essdesk team connect``:
    the link (server, team, how far this laptop has read the team's log), the territories
    shared with the team, and what was last sent or received of each note and status (a
    token of its row: a row whose token differs is pending; and the digests of a note's
    texts sent, which stay its history even when typing coalesced over them here)."""
    for statement in (
        """CREATE TABLE team_link (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            url TEXT NOT NULL,
            team TEXT NOT NULL,
            ca_file TEXT NOT NULL DEFAULT '',
            role TEXT NOT NULL DEFAULT '',
            read_only INTEGER NOT NULL DEFAULT 0,
            last_seq INTEGER NOT NULL DEFAULT 0,
            last_sync TEXT
        )""",
        "CREATE TABLE team_territories (uuid TEXT PRIMARY KEY, sent TEXT NOT NULL DEFAULT '')",
        """CREATE TABLE team_sent (
            note_uuid TEXT PRIMARY KEY,
            entry_key TEXT NOT NULL,
            territory_uuid TEXT NOT NULL,
            token TEXT NOT NULL,
            digests TEXT NOT NULL DEFAULT ''
        ) WITHOUT ROWID""",
        """CREATE TABLE team_sent_statuses (
            entry_key TEXT NOT NULL,
            territory_uuid TEXT NOT NULL,
            token TEXT NOT NULL,
            PRIMARY KEY (entry_key, territory_uuid)
        ) WITHOUT ROWID""",
    ):
        conn.exec_driver_sql(statement)


def _v5(conn: Connection) -> None:
    """Who wrote it, and follow-ups merged like note texts (issues 11 #8 and 12).

    * ``note_versions.author``: the initials of who wrote each version (the latest version
      of each note takes the note's ``author``; earlier ones stay "" — unknown);
    * ``statuses.author``: who set the follow-up;
    * ``status_versions``: every value a follow-up has had here, recorded by triggers
      whoever writes ``statuses`` (the unit of work, the team sync): an import compares
      digests of these to tell "changed on one side" from "changed on both"
      (:mod:`essdesk.notes.status_merge`), never the clocks. Seeded with today's values;
    * ``status_conflicts``: a follow-up changed on both sides, kept beside the local one
      until the user picks (the conflicts view);
    * ``settings``: this laptop's own settings, first of all the initials of the person
      who uses it (they sign her notes, not the territory's).
    """
    for statement in (
        "ALTER TABLE note_versions ADD COLUMN author TEXT NOT NULL DEFAULT ''",
        """UPDATE note_versions SET author = (
            SELECT n.author FROM notes n WHERE n.uuid = note_versions.note_uuid)
        WHERE id IN (SELECT max(id) FROM note_versions GROUP BY note_uuid)""",
        "ALTER TABLE statuses ADD COLUMN author TEXT NOT NULL DEFAULT ''",
        """CREATE TABLE status_versions (
            id INTEGER PRIMARY KEY,
            entry_key TEXT NOT NULL,
            territory_uuid TEXT NOT NULL,
            status TEXT NOT NULL,
            date TEXT,
            contact TEXT NOT NULL DEFAULT '',
            saved_at TEXT NOT NULL
        )""",
        "CREATE INDEX status_versions_by_key ON status_versions (entry_key, territory_uuid)",
        """INSERT INTO status_versions (entry_key, territory_uuid, status, date, contact, saved_at)
        SELECT entry_key, territory_uuid, status, date, contact, updated FROM statuses""",
        *_status_triggers(with_ident=False),
        f"""CREATE TABLE status_conflicts (
            id INTEGER PRIMARY KEY,
            entry_key TEXT NOT NULL,
            territory_uuid TEXT NOT NULL REFERENCES territories (uuid),
            status TEXT NOT NULL CHECK (status IN ({_STATUS_CHECK})),
            date TEXT,
            contact TEXT NOT NULL DEFAULT '',
            updated TEXT NOT NULL,
            author TEXT NOT NULL DEFAULT ''
        )""",
        "CREATE INDEX status_conflicts_by_key ON status_conflicts (entry_key, territory_uuid)",
        "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
    ):
        conn.exec_driver_sql(statement)


def _v6(conn: Connection) -> None:
    """The team server's bookkeeping of local entries (issue 15): what was last sent or
    received of each local entry of a shared territory (its row's token and the digests of
    its contents sent), as ``team_sent`` does for notes; empty until a sync."""
    conn.exec_driver_sql(
        """CREATE TABLE team_sent_local (
            entry_uuid TEXT PRIMARY KEY,
            territory_uuid TEXT NOT NULL,
            token TEXT NOT NULL,
            digests TEXT NOT NULL DEFAULT ''
        ) WITHOUT ROWID"""
    )


def _v7(conn: Connection) -> None:
    """A follow-up set back to a value it had before is a setting of its own (issue 14): its
    ``ident`` (NULL for a first setting: the value's digest names it) travels with it, into
    ``status_versions`` and ``status_conflicts``, so that the other laptops never mistake it
    for the earlier setting they saw (:mod:`essdesk.notes.status_merge`). The triggers now
    keep one version per (value, ident) instead of one per value."""
    for statement in (
        "ALTER TABLE statuses ADD COLUMN ident TEXT",
        "ALTER TABLE status_versions ADD COLUMN ident TEXT",
        "ALTER TABLE status_conflicts ADD COLUMN ident TEXT",
        "DROP TRIGGER statuses_versioned_insert",
        "DROP TRIGGER statuses_versioned_update",
        *_status_triggers(with_ident=True),
    ):
        conn.exec_driver_sql(statement)


STEPS: tuple[Step, ...] = (_v1, _v2, _v3, _v4, _v5, _v6, _v7)
SCHEMA_VERSION = len(STEPS)


def read_version(conn: Connection) -> int:
    return int(conn.exec_driver_sql("PRAGMA user_version").scalar_one())


def check_not_newer(version: int, path: Path | str, steps: Sequence[Step] | None = None) -> None:
    known = len(STEPS if steps is None else steps)
    if version > known:
        raise NewerSchemaError(path, version, known)


def migrate(
    engine: Engine,
    steps: Sequence[Step] | None = None,
    before_upgrade: Callable[[int], object] | None = None,
) -> int:
    """Apply the missing steps; return the version the file is at afterwards.

    ``before_upgrade(from_version)`` runs once before an existing (non-empty) file is changed:
    the caller makes its verified backup there, and an exception from it stops the upgrade.
    The version is read again inside each step's write transaction, so two instances
    starting together do not apply a step twice.
    """
    steps = STEPS if steps is None else steps
    path = engine.url.database or ""
    with engine.connect() as conn:
        start = read_version(conn)
    check_not_newer(start, path, steps)
    if start == len(steps):
        return start
    if start > 0 and before_upgrade is not None:
        before_upgrade(start)
    for number, step in enumerate(steps, start=1):
        with engine.connect() as conn:
            conn.execution_options(sqlite_begin="IMMEDIATE")
            with conn.begin():
                current = read_version(conn)
                check_not_newer(current, path, steps)
                if current >= number:
                    continue
                step(conn)
                conn.exec_driver_sql(f"PRAGMA user_version = {number}")
    return len(steps)
