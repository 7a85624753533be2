"""The notes database: tables (latest schema), status vocabulary and the engine factory.

The tables below describe the *current* schema and are what queries use. The DDL that creates
them lives in :mod:`essdesk.notes.migrations`, frozen step by step, so that an old file is
upgraded by the same statements that created newer ones.

Timestamps are stored as ISO 8601 UTC text with microseconds ("2024-05-01T09:30:00.000000+00:00"):
they sort as text, survive export to other tools, and read back into aware datetimes.
"""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import (
    URL,
    Column,
    Engine,
    Integer,
    MetaData,
    Table,
    Text,
    create_engine,
    event,
)
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.pool import ConnectionPoolEntry

APPLICATION_ID = 0x45535344  # "ESSD": marks a SQLite file as an essdesk notes database
DEFAULT_BUSY_TIMEOUT = 5.0  # seconds another instance may hold the write lock before we give up

STATUSES: dict[str, str] = {
    "a-explorer": "à explorer",
    "contacte": "contacté",
    "en-cours": "en cours",
    "mobilise": "mobilisé",
    "ecarte": "écarté",
}
"""Follow-up statuses, stable key → French label, in the order of the follow-up."""

metadata = MetaData()

territories = Table(
    "territories",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("uuid", Text, nullable=False, unique=True),
    Column("name", Text, nullable=False),
    Column("types", Text, nullable=False, default=""),
    Column("commune", Text, nullable=False, default=""),
    Column("code", Text, nullable=False, default=""),
    Column("initials", Text, nullable=False, default=""),
    Column("created", Text, nullable=False),
    Column("deleted_at", Text),
)

notes = Table(
    "notes",
    metadata,
    Column("uuid", Text, primary_key=True),
    Column("entry_key", Text, nullable=False),
    Column("territory_uuid", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("created", Text, nullable=False),
    Column("updated", Text, nullable=False),
    Column("deleted_at", Text),
    Column("entry_title", Text, nullable=False, default=""),
    Column("conflict_of", Text),
    Column("author", Text, nullable=False, default=""),  # schema v2
)

note_versions = Table(
    "note_versions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("note_uuid", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("started_at", Text, nullable=False),
    Column("saved_at", Text, nullable=False),
    Column("author", Text, nullable=False, default=""),  # schema v5
)


def _follow_up(key: bool) -> list[Column[str]]:
    """The columns of a follow-up value: (entry, territory) (the key of ``statuses``), status,
    date and contact."""
    return [
        Column("entry_key", Text, primary_key=key, nullable=False),
        Column("territory_uuid", Text, primary_key=key, nullable=False),
        Column("status", Text, nullable=False),
        Column("date", Text),
        Column("contact", Text, nullable=False, default=""),
    ]


statuses = Table(
    "statuses",
    metadata,
    *_follow_up(key=True),
    Column("updated", Text, nullable=False),
    Column("author", Text, nullable=False, default=""),  # schema v5
    Column("ident", Text),  # schema v7: a return to an earlier value (status_merge)
)

status_versions = Table(
    "status_versions",
    metadata,
    Column("id", Integer, primary_key=True),
    *_follow_up(key=False),
    Column("saved_at", Text, nullable=False),
    Column("ident", Text),  # schema v7
)
"""Schema v5: every value a follow-up has had here, written by triggers on ``statuses``
(see :mod:`essdesk.notes.status_merge`)."""

status_conflicts = Table(
    "status_conflicts",
    metadata,
    Column("id", Integer, primary_key=True),
    *_follow_up(key=False),
    Column("updated", Text, nullable=False),
    Column("author", Text, nullable=False, default=""),
    Column("ident", Text),  # schema v7
)
"""Schema v5: a follow-up changed on two laptops, kept beside the local one until the user
picks one (the conflicts view)."""

settings = Table(
    "settings",
    metadata,
    Column("key", Text, primary_key=True),
    Column("value", Text, nullable=False),
)
"""Schema v5: this laptop's own settings (``author_initials``: who signs the notes here)."""

forgotten_texts = Table(
    "forgotten_texts",
    metadata,
    Column("entry_key", Text, primary_key=True),
    Column("territory_uuid", Text, primary_key=True),
    Column("sha256", Text, primary_key=True),
)
"""Schema v2: SHA-256 of the texts purged from the trash, per (entry, territory). An import
counts them as known, like the texts still in the trash (never exported)."""


local_entries = Table(
    "local_entries",
    metadata,
    Column("uuid", Text, primary_key=True),
    Column("territory_uuid", Text, nullable=False),
    Column("kind", Text, nullable=False),
    Column("title", Text, nullable=False),
    Column("data", Text, nullable=False),
    Column("created", Text, nullable=False),
    Column("updated", Text, nullable=False),
    Column("author", Text, nullable=False, default=""),
    Column("deleted_at", Text),
    Column("conflict_of", Text),
)
"""Schema v3: the territory's own actors and schemes (see essdesk.notes.local_entries)."""

local_entry_versions = Table(
    "local_entry_versions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("entry_uuid", Text, nullable=False),
    Column("data", Text, nullable=False),
    Column("saved_at", Text, nullable=False),
    Column("author", Text, nullable=False, default=""),
)


MAX_NOTE_CHARS = 200_000
"""The longest note a file or a command may bring in: about 100 pages, far beyond a meeting's
notes. Longer texts are refused at import and by ``notes add`` with a French message: a 50 MB
note took 4 GB and 76 s to show. The window formats notes up to
``essdesk.ui.notes.note_markup.RICH_NOTE_CHARS`` and shows longer ones as plain text (0.09 s for
the longest). The store itself keeps whatever it holds."""


def note_size_problem(text: str) -> str | None:
    """The French reason a note text is too long (:data:`MAX_NOTE_CHARS`), or None."""
    if len(text) <= MAX_NOTE_CHARS:
        return None
    return (
        f"Cette note est trop longue ({len(text):,} caractères ; au plus {MAX_NOTE_CHARS:,}). "
        "Découpez-la en plusieurs notes ou gardez le document à part."
    ).replace(",", "\N{NARROW NO-BREAK SPACE}")


_NOTE_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def note_text_problem(text: str) -> str | None:
    """The French reason a note text is refused, or None: its size, or a control character.

    Decided (issue 11): a note is text a person typed. Tab, line feed and carriage return
    are kept; any other control character (NUL typed through ``notes add --text -``, ESC,
    the C1 range) is refused at the doors text comes in by (the CLI, the exchange file): it
    shows as nothing and breaks terminals and files written later."""
    too_long = note_size_problem(text)
    if too_long is not None:
        return too_long
    control = _NOTE_CONTROL.search(text)
    if control is not None:
        return (
            f"Cette note contient un caractère de contrôle invisible (U+{ord(control[0]):04X}) "
            f"à la position {control.start() + 1} : retirez-le puis réessayez."
        )
    return None


def timestamp(moment: datetime) -> str:
    """How a moment is stored (see the module docstring): ISO 8601 UTC with microseconds."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def text_digest(text: str) -> str:
    """How a note's text is recognised across laptops and after a purge: its SHA-256."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


notes_fts = Table(
    "notes_fts",
    metadata,
    Column("note_uuid", Text),
    Column("body", Text),
)
"""FTS5 table (unicode61) over ``textfold.index_text(note.text)``, kept in sync by the store."""


def make_engine(path: Path | str, busy_timeout: float = DEFAULT_BUSY_TIMEOUT) -> Engine:
    """An engine on the notes file with SQLAlchemy's pysqlite "transactional DDL" recipe.

    The stdlib driver opens transactions on its own and commits before DDL, which would make a
    migration step half-applied on failure. Turning its handling off (``isolation_level=None``)
    and emitting ``BEGIN`` ourselves makes every ``engine.begin()`` one real SQLite transaction,
    DDL included. A connection can ask for ``BEGIN IMMEDIATE`` with the execution option
    ``sqlite_begin="IMMEDIATE"``: writers take the lock up front and wait ``busy_timeout``
    instead of failing on a read-to-write upgrade when another instance writes.
    """
    # URL.create takes the path literally: formatted into a URL string, a « ? » or « %xx »
    # in a folder name was read as a query or an escape, and opened another file.
    engine = create_engine(
        URL.create("sqlite+pysqlite", database=str(Path(path))),
        connect_args={"timeout": busy_timeout},
    )
    timeout_ms = int(busy_timeout * 1000)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: DBAPIConnection, _record: ConnectionPoolEntry) -> None:
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {timeout_ms}")
        cur.execute("PRAGMA foreign_keys = ON")
        # FULL: a note acknowledged as saved survives a power cut too, not only a killed process.
        cur.execute("PRAGMA synchronous = FULL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:  # type: ignore[no-untyped-def]
        mode = conn.get_execution_options().get("sqlite_begin", "")
        conn.exec_driver_sql(f"BEGIN {mode}".strip())

    return engine
