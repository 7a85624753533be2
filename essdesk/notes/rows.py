"""Rows of the notes tables as records, and the queries the reader and the writer share.

Kept apart from :mod:`essdesk.notes.store` (reads) and :mod:`essdesk.notes.writing` (the one
door for writes) so that both build a :class:`~essdesk.notes.records.Note` the same way.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeAlias

from sqlalchemy import Connection, Row, Select, and_, select

from essdesk.notes.errors import NotesInputError
from essdesk.notes.records import Note, NoteVersion, Status, StatusConflict, Territory
from essdesk.notes.schema import notes, statuses, territories

TerritoryRef = Territory | str
"""A territory record or its uuid."""

if TYPE_CHECKING:
    AnyRow: TypeAlias = Row[*tuple[Any, ...]]
    """A result row of any width (SQLAlchemy 2.1 types a row by its columns)."""


def territory_uuid(territory: TerritoryRef) -> str:
    """The uuid of a territory given as a record or as its uuid."""
    return territory.uuid if isinstance(territory, Territory) else territory


def _dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def territory_record(row: AnyRow) -> Territory:
    return Territory(
        uuid=row.uuid,
        name=row.name,
        types=tuple(t for t in row.types.split(",") if t),
        commune=row.commune,
        code=row.code,
        initials=row.initials,
        created=datetime.fromisoformat(row.created),
        deleted_at=_dt(row.deleted_at),
    )


def note_record(row: AnyRow) -> Note:
    mapping = row._mapping
    return Note(
        uuid=row.uuid,
        entry_key=row.entry_key,
        territory_uuid=row.territory_uuid,
        text=row.text,
        created=datetime.fromisoformat(row.created),
        updated=datetime.fromisoformat(row.updated),
        entry_title=row.entry_title,
        deleted_at=_dt(row.deleted_at),
        conflict_of=row.conflict_of,
        status=mapping.get("status"),
        territory_name=mapping.get("territory_name") or "",
        author=mapping.get("author") or "",
    )


def status_record(row: AnyRow) -> Status:
    """A ``statuses`` row as a :class:`Status` (also read by the exchange planner)."""
    return Status(
        entry_key=row.entry_key,
        territory_uuid=row.territory_uuid,
        status=row.status,
        date=row.date,
        contact=row.contact,
        updated=datetime.fromisoformat(row.updated),
        author=row._mapping.get("author") or "",
        ident=row._mapping.get("ident"),
    )


def status_conflict_record(row: AnyRow) -> StatusConflict:
    """A ``status_conflicts`` row (the other laptop's follow-up kept beside ours)."""
    return StatusConflict(**vars(status_record(row)), id=row.id)


def version_record(row: AnyRow) -> NoteVersion:
    return NoteVersion(
        id=row.id,
        note_uuid=row.note_uuid,
        text=row.text,
        started_at=datetime.fromisoformat(row.started_at),
        saved_at=datetime.fromisoformat(row.saved_at),
        author=row._mapping.get("author") or "",
    )


def unknown_territory(ref: str) -> NotesInputError:
    return NotesInputError(f"Territoire introuvable : « {ref} ».", f"no live territory {ref!r}")


def note_query() -> Select[Any]:
    """Notes with their status and territory name (what a :class:`Note` carries)."""
    return (
        select(notes, statuses.c.status, territories.c.name.label("territory_name"))
        .join(territories, territories.c.uuid == notes.c.territory_uuid)
        .outerjoin(
            statuses,
            and_(
                statuses.c.entry_key == notes.c.entry_key,
                statuses.c.territory_uuid == notes.c.territory_uuid,
            ),
        )
    )


def current_query(entry_key: str, tu: str) -> Select[Any]:
    """The live note of (entry, territory), conflict copies aside."""
    return note_query().where(
        notes.c.entry_key == entry_key,
        notes.c.territory_uuid == tu,
        notes.c.deleted_at.is_(None),
        notes.c.conflict_of.is_(None),
    )


def load_note(conn: Connection, note_uuid: str) -> Note:
    row = conn.execute(note_query().where(notes.c.uuid == note_uuid)).first()
    if row is None:
        raise NotesInputError("Note introuvable.", f"no note {note_uuid!r}")
    return note_record(row)


def live_territory(conn: Connection, tu: str) -> AnyRow:
    row = conn.execute(
        select(territories).where(territories.c.uuid == tu, territories.c.deleted_at.is_(None))
    ).first()
    if row is None:
        raise unknown_territory(tu)
    return row
