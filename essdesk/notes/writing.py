"""The one door for writes to the notes database: :class:`NotesWriter`, a unit of work.

``with store.writing() as w:`` opens one ``BEGIN IMMEDIATE`` transaction and hands out a
:class:`NotesWriter`; everything written through it commits together or not at all. Every
write to the notes (note text, version history, search index, statuses, trash, territories)
is a method here — the store's own methods, the exchange importer and any later writer (a team
server, local entries) go through the same rules: a note's row, its history version and its
search index always change together, a « keep both » decision is taken inside the transaction
that writes it, and a name is cleaned the same way whoever creates the profile.

Reads inside the same transaction go through :meth:`NotesReader.rows`, which runs ``SELECT``
statements only.

Over 500 lines on purpose: it is the one door for writes, every write method in one place.
"""

from __future__ import annotations

import operator
import re
import unicodedata
import uuid as uuidlib
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any, TypeVarTuple

from sqlalchemy import (
    Connection,
    CursorResult,
    Result,
    Select,
    Table,
    bindparam,
    delete,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from essdesk import textfold
from essdesk.notes import local_exchange
from essdesk.notes.errors import NotesInputError
from essdesk.notes.local_entries import LocalEntriesWriter
from essdesk.notes.records import Note, NoteBase, Status
from essdesk.notes.rows import (
    current_query,
    live_territory,
    load_note,
    note_record,
    status_conflict_record,
    status_record,
    unknown_territory,
)
from essdesk.notes.schema import (
    STATUSES,
    forgotten_texts,
    local_entries,
    local_entry_versions,
    note_versions,
    notes,
    notes_fts,
    settings,
    status_conflicts,
    status_versions,
    statuses,
    territories,
    text_digest,
    timestamp,
)
from essdesk.notes.status_merge import return_identity, status_digest

COALESCE_SECONDS = 60
"""Saves within this long of a version's first save update it instead of adding a version."""

MIN_TRASH_DAYS = 30
"""Deleted notes stay restorable at least this long."""

RESOLUTIONS = ("local", "incoming", "both")
"""How a conflict is settled (:meth:`NotesWriter.resolve_conflict`); or a hand-merged text."""

BOTH_SEPARATOR = "\n\n— autre version —\n\n"
"""Between two texts kept one after the other in a note: a conflict settled by keeping both,
or a save that found the note changed meanwhile by another window or process."""

TERRITORY_TYPE_ALIASES: dict[str, str] = {
    "zrr": "territory:zrr",
    "montagne": "territory:montagne",
    "zones-de-montagne": "territory:montagne",
    "qpv": "territory:qpv",
    "territoires-industrie": "territory:territoires-industrie",
    "territoires-d-industrie": "territory:territoires-industrie",
    "industrie": "territory:territoires-industrie",
    "ti": "territory:territoires-industrie",
    "drom": "territory:drom",
    "restructurations": "territory:restructurations",
    "rural": "territory:rural",
}
"""Short names users type (ZRR, QPV, montagne, DROM…) → catalogue territory-type keys."""

AUTHOR_SETTING = "author_initials"
MAX_INITIALS = 12


def author_initials(value: str) -> str:
    """Initials as stored: trimmed, at most :data:`MAX_INITIALS` characters, printable;
    NotesInputError otherwise."""
    clean = " ".join(textfold.clean_name(value).split())
    if len(clean) > MAX_INITIALS or any(unicodedata.category(c)[0] == "C" for c in clean):
        raise NotesInputError(
            f"Initiales invalides : au plus {MAX_INITIALS} lettres, sans caractère spécial.",
            f"bad initials {value!r}",
        )
    return clean


_Ts = TypeVarTuple("_Ts")

_CHUNK = 500
"""Rows per ``IN (…)`` list: notes_fts.note_uuid and notes.conflict_of have no index, so one
statement per note would read those tables once per note."""


def territory_type_key(name: str) -> str:
    """Map "ZRR", "Montagne", "territory:qpv"… to a catalogue key; NotesInputError if unknown."""
    raw = name.strip()
    if raw.lower().startswith("territory:") and len(raw) > len("territory:"):
        return raw.lower()
    slug = "-".join(textfold.words(raw))
    if slug in TERRITORY_TYPE_ALIASES:
        return TERRITORY_TYPE_ALIASES[slug]
    known = ", ".join(sorted({"ZRR", "QPV", "montagne", "DROM", "industrie", "rural"}))
    raise NotesInputError(
        f"Type de territoire inconnu : « {name} ». Types reconnus : {known} "
        "(ou une clé comme territory:zrr).",
        f"unknown territory type {name!r}",
    )


def status_key(value: str) -> str:
    """Accept a status key ("contacte") or its French label ("Contacté")."""
    wanted = textfold.index_text(value)
    for key, label in STATUSES.items():
        if wanted in (textfold.index_text(key), textfold.index_text(label)):
            return key
    labels = ", ".join(f"« {label} »" for label in STATUSES.values())
    raise NotesInputError(
        f"Statut inconnu : « {value} ». Statuts possibles : {labels}.",
        f"unknown status {value!r}; keys: {', '.join(STATUSES)}",
    )


def status_date(value: date | str | None) -> str | None:
    """A follow-up date as stored (ISO ``AAAA-MM-JJ``); NotesInputError if it is not one."""
    if isinstance(value, date):
        return value.isoformat()
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError as exc:
        raise NotesInputError(
            f"Date invalide : « {value} » (format attendu : AAAA-MM-JJ).", str(exc)
        ) from exc


def territory_name(name: str) -> str:
    """A profile name as stored (:func:`essdesk.textfold.clean_name`: NFC, invisible
    characters removed, spaces collapsed); NotesInputError when nothing visible is left."""
    clean = textfold.clean_name(name)
    if not clean:
        raise NotesInputError("Le nom du territoire ne peut pas être vide.", "empty name")
    if any(unicodedata.category(c) == "Cc" for c in clean):  # NUL: SQLite's trim() stops at it
        raise NotesInputError(
            "Le nom du territoire contient un caractère invalide.", "control character in name"
        )
    return clean


def territory_types(types: Iterable[str]) -> str:
    """Territory types as stored: catalogue keys, comma-separated, each once."""
    keys = [territory_type_key(t) for t in types if t.strip()]
    return ",".join(dict.fromkeys(keys))


@dataclass(frozen=True)
class NewNote:
    """A note to add (:meth:`NotesWriter.add_notes`): an import's new note or conflict copy."""

    uuid: str
    entry_key: str
    territory_uuid: str
    text: str
    created: datetime
    updated: datetime
    entry_title: str = ""
    conflict_of: str | None = None
    author: str = ""  # initials of who wrote it ("" for the person at this laptop)
    version_at: datetime | None = None  # when its first version starts (default: updated)


@dataclass(frozen=True)
class TextChange:
    """A new text for an existing note (:meth:`NotesWriter.replace_texts`)."""

    note_uuid: str
    text: str
    updated: datetime
    author: str = ""
    entry_title: str | None = None  # None keeps the title
    version_at: datetime | None = None  # when its version starts (default: updated)


_BOOKKEEPING = re.compile(
    r"\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+(team_[a-z_]+)\b", re.IGNORECASE
)
"""The tables of the team sync's own bookkeeping (:mod:`essdesk.team.sync`)."""

BookkeepingParams = tuple[Any, ...] | list[tuple[Any, ...]]


class NotesReader:
    """Reads inside one transaction: ``SELECT`` statements only."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def bookkeeping(self, sql: str, params: tuple[Any, ...] = ()) -> CursorResult[*tuple[Any, ...]]:
        """A ``SELECT`` of the team sync over the notes and its own tables (``team_*``), with
        ``?`` parameters: what is pending is one query over both."""
        if not sql.lstrip().upper().startswith("SELECT"):
            raise TypeError("NotesReader.bookkeeping runs SELECT statements only")
        return self._conn.exec_driver_sql(sql, params)

    def rows(self, query: Select[*_Ts]) -> Result[*_Ts]:
        if not isinstance(query, Select):
            raise TypeError("NotesReader.rows runs SELECT statements only")
        return self._conn.execute(query)

    def author_initials(self) -> str | None:
        """The initials of the person who uses this laptop: they sign the notes and
        follow-ups written here (issue 12: not the territory's). None: never asked; "": she
        chose not to give them."""
        value: str | None = self._conn.execute(
            select(settings.c.value).where(settings.c.key == AUTHOR_SETTING)
        ).scalar()
        return value

    def _me(self) -> str:
        return self.author_initials() or ""

    def status_histories(
        self, key: tuple[str, str] | None = None, *, with_conflicts: bool = False
    ) -> dict[tuple[str, str], list[str]]:
        """(entry, territory) → digests of every value its follow-up has had here, newest
        first (what an export carries); ``with_conflicts``: and of the values kept in
        conflict (what an import counts as known). Of one follow-up when ``key``."""
        found = self._status_digests(status_versions, key)
        if with_conflicts:
            for k, digests in self._status_digests(status_conflicts, key).items():
                found[k] = list(dict.fromkeys([*found.get(k, []), *digests]))
        return found

    def held_statuses(self, key: tuple[str, str] | None = None) -> dict[tuple[str, str], list[str]]:
        """(entry, territory) → identities of the settings kept in conflict beside its
        follow-up; of one follow-up when ``key``."""
        return self._status_digests(status_conflicts, key)

    def _status_digests(
        self, table: Table, key: tuple[str, str] | None = None, *, values: bool = False
    ) -> dict[tuple[str, str], list[str]]:
        """(entry, territory) → identities (``values``: digests of the values) of the
        follow-ups in ``table``, newest first; of one (entry, territory) when ``key``."""
        found: dict[tuple[str, str], dict[str, None]] = {}
        query = select(
            table.c.entry_key, table.c.territory_uuid, table.c.status, table.c.date,
            table.c.contact, table.c.ident,
        ).order_by(table.c.id.desc())  # fmt: skip
        if key is not None:
            query = query.where(table.c.entry_key == key[0], table.c.territory_uuid == key[1])
        for k, tu, status, date_, contact, ident in self._conn.execute(query):
            digest = status_digest(status, date_, contact)
            found.setdefault((k, tu), {})[digest if values else ident or digest] = None
        return {k: list(digests) for k, digests in found.items()}

    def local_export_records(self, territory_uuids: Iterable[str]) -> list[dict[str, Any]]:
        """The territories' own entries as an exchange file carries them."""
        return local_exchange.export_records(self._conn, territory_uuids)

    def local_entry_records(
        self, rows: Sequence[Any], sent: Mapping[str, Sequence[str]] | None = None
    ) -> list[dict[str, Any]]:
        """Local entries as an exchange file and a team's log carry them, with their
        histories (:func:`~essdesk.notes.local_exchange.entry_records`)."""
        return local_exchange.entry_records(self._conn, rows, sent)

    def local_plans(
        self, incoming: Sequence[local_exchange.IncomingLocal], where: dict[str, str]
    ) -> list[local_exchange.LocalPlan]:
        """What importing these local entries would do (nothing written)."""
        return local_exchange.plan(self._conn, incoming, where)


class NotesWriter(LocalEntriesWriter, NotesReader):
    """One write transaction on the notes (see the module docstring). Hand it out with
    :meth:`essdesk.notes.store.NotesStore.writing`, never build it yourself."""

    def __init__(self, conn: Connection, clock: Callable[[], datetime]) -> None:
        super().__init__(conn)
        self._clock = clock

    def now(self) -> datetime:
        return self._clock()

    def set_author_initials(self, value: str) -> str:
        """Record who uses this laptop (see :meth:`NotesReader.author_initials`)."""
        clean = author_initials(value)
        self._conn.execute(
            sqlite_insert(settings)
            .values(key=AUTHOR_SETTING, value=clean)
            .on_conflict_do_update(index_elements=["key"], set_={"value": clean})
        )
        return clean

    def bookkeep(self, sql: str, params: BookkeepingParams = ()) -> None:
        """Write the team sync's own bookkeeping (tables ``team_*``: what was sent, how far
        the team's log was read) in this unit of work, with ``?`` parameters (a list of
        tuples: one row each). Any other table is refused: notes, statuses, trash and
        territories change only through the methods of this class."""
        if not _BOOKKEEPING.match(sql):
            raise TypeError("NotesWriter.bookkeep writes the team_* tables only")
        if params != []:  # no rows: nothing to write
            self._conn.exec_driver_sql(sql, params)

    def apply_local_entries(self, plans: Iterable[local_exchange.LocalPlan]) -> dict[str, int]:
        """Carry out an exchange file's plan for the territories' own entries."""
        return local_exchange.apply(self, plans)

    def _stamp(self) -> str:
        return timestamp(self._clock())

    # -- territories --------------------------------------------------------------------------

    def add_territory(
        self,
        name: str,
        types: Iterable[str] = (),
        commune: str = "",
        code: str = "",
        initials: str = "",
        *,
        uuid: str | None = None,
        created: datetime | None = None,
    ) -> str:
        """Create a profile; returns its uuid (``uuid`` and ``created`` for an import).
        A name already taken raises SQLAlchemy's IntegrityError (the caller words it)."""
        tu = uuid or str(uuidlib.uuid4())
        self._conn.execute(
            insert(territories).values(
                uuid=tu,
                name=territory_name(name),
                types=territory_types(types),
                commune=commune.strip(),
                code=code.strip(),
                initials=initials.strip(),
                created=timestamp(created) if created is not None else self._stamp(),
            )
        )
        return tu

    def update_territory(self, tu: str, **fields: Any) -> None:
        """Change some fields of a live profile: name, types, commune, code, initials."""
        live_territory(self._conn, tu)
        values: dict[str, str] = {}
        for key, value in fields.items():
            if value is None:
                continue
            if key == "name":
                values[key] = territory_name(value)
            elif key == "types":
                values[key] = territory_types(value)
            elif key in ("commune", "code", "initials"):
                values[key] = value.strip()
            else:
                raise TypeError(f"unknown territory field {key!r}")
        if values:
            self._conn.execute(update(territories).where(territories.c.uuid == tu).values(values))

    def delete_territory(self, tu: str) -> int:
        """Soft-delete a profile; its live notes and local entries go to the trash (and
        come back with it). Returns how many notes."""
        live_territory(self._conn, tu)
        now = self._stamp()
        self._conn.execute(
            update(territories).where(territories.c.uuid == tu).values(deleted_at=now)
        )
        moved = self._conn.execute(
            update(notes)
            .where(notes.c.territory_uuid == tu, notes.c.deleted_at.is_(None))
            .values(deleted_at=now)
        ).rowcount
        self._conn.execute(
            update(local_entries)
            .where(local_entries.c.territory_uuid == tu, local_entries.c.deleted_at.is_(None))
            .values(deleted_at=now)
        )
        return int(moved)

    def restore_territory(
        self, tu: str, *, name: str | None = None, with_notes: bool = True
    ) -> None:
        """Bring a deleted profile back (``name``: under that name), with the notes its
        deletion sent to the trash unless ``with_notes`` is False (an import brings the
        profile back, not the notes the user deleted)."""
        row = self._conn.execute(select(territories).where(territories.c.uuid == tu)).first()
        if row is None:
            raise unknown_territory(tu)
        values: dict[str, str | None] = {"deleted_at": None}
        if name is not None:
            values["name"] = territory_name(name)
        if row.deleted_at is None and name is None:
            return
        self._conn.execute(update(territories).where(territories.c.uuid == tu).values(values))
        if with_notes and row.deleted_at is not None:
            for table in (notes, local_entries):
                self._conn.execute(
                    update(table)
                    .where(table.c.territory_uuid == tu, table.c.deleted_at == row.deleted_at)
                    .values(deleted_at=None)
                )

    # -- notes: the one rule (row + version + search index) -----------------------------------

    def add_notes(self, new: Sequence[NewNote]) -> None:
        """Insert notes, each with its first version and its search index, in bulk."""
        if not new:
            return
        rows, versions = [], []
        for n in new:  # a moment is formatted once (a team pull adds 10,000 notes)
            updated = timestamp(n.updated)
            created = updated if n.created == n.updated else timestamp(n.created)
            first = updated if n.version_at in (None, n.updated) else timestamp(n.version_at)
            rows.append(
                {
                    "uuid": n.uuid,
                    "entry_key": n.entry_key,
                    "territory_uuid": n.territory_uuid,
                    "text": n.text,
                    "created": created,
                    "updated": updated,
                    "entry_title": n.entry_title,
                    "conflict_of": n.conflict_of,
                    "author": n.author,
                }
            )
            versions.append((n.uuid, n.text, first, n.author))
        self._insert(notes, rows)
        self._add_versions(versions)
        self._index({n.uuid: n.text for n in new}, fresh=True)

    def _insert(self, table: Table, rows: Sequence[dict[str, Any]]) -> None:
        """Insert rows in bulk through the driver's ``executemany``: for 10,000 notes,
        SQLAlchemy's per-row parameter processing cost more than SQLite's inserts."""
        if rows:
            columns = list(rows[0])
            values = operator.itemgetter(*columns)  # in C: 10,000 rows at a team pull
            self._conn.exec_driver_sql(
                f"INSERT INTO {table.name} ({', '.join(columns)}) "
                f"VALUES ({', '.join('?' * len(columns))})",
                [values(row) if len(columns) > 1 else (row[columns[0]],) for row in rows],
            )

    def replace_texts(self, changes: Sequence[TextChange], *, coalesce: bool = False) -> None:
        """Give notes new texts: row, a history version (``coalesce``: typing within
        :data:`COALESCE_SECONDS` updates the last version instead) and search index."""
        if not changes:
            return
        for c in changes:
            values: dict[str, str] = {
                "text": c.text,
                "updated": timestamp(c.updated),
                "author": c.author,
            }
            if c.entry_title is not None:
                values["entry_title"] = c.entry_title
            self._conn.execute(update(notes).where(notes.c.uuid == c.note_uuid).values(values))
        fresh = []
        for c in changes:
            if not (coalesce and self._coalesced(c.note_uuid, c.text, c.updated, c.author)):
                fresh.append((c.note_uuid, c.text, timestamp(c.version_at or c.updated), c.author))
        self._add_versions(fresh)
        self._index({c.note_uuid: c.text for c in changes})

    def _coalesced(self, note_uuid: str, body: str, moment: datetime, author: str) -> bool:
        last = self._conn.execute(
            select(note_versions)
            .where(note_versions.c.note_uuid == note_uuid)
            .order_by(note_versions.c.id.desc())
            .limit(1)
        ).first()
        window_start = timestamp(moment - timedelta(seconds=COALESCE_SECONDS))
        # A version "from the future" (the clock went back since) is never coalesced into:
        # it may be the text another laptop or an exchange compares to.
        if last is None or not window_start < last.started_at <= timestamp(moment):
            return False
        if last.author != author:  # someone else's version is never typed over
            return False
        self._conn.execute(
            update(note_versions)
            .where(note_versions.c.id == last.id)
            .values(text=body, saved_at=timestamp(moment))
        )
        return True

    def _add_versions(self, rows: list[tuple[str, str, str, str]]) -> None:
        """(note uuid, text, moment as stored, author): one version each."""
        if rows:
            self._insert(
                note_versions,
                [
                    {
                        "note_uuid": u,
                        "text": body,
                        "started_at": moment,
                        "saved_at": moment,
                        "author": author,
                    }
                    for u, body, moment, author in rows
                ],
            )

    def _index(self, texts: dict[str, str], fresh: bool = False) -> None:
        """(Re)index the notes' texts; ``fresh``: new notes, which have no entry to remove
        (each DELETE reads the whole index: note_uuid is not an indexed column)."""
        stale = [] if fresh else list(texts)
        for i in range(0, len(stale), _CHUNK):
            self._conn.execute(
                delete(notes_fts).where(notes_fts.c.note_uuid.in_(stale[i : i + _CHUNK]))
            )
        self._insert(
            notes_fts,
            [{"note_uuid": u, "body": textfold.index_text(body)} for u, body in texts.items()],
        )

    # -- notes: what the user does -----------------------------------------------------------

    def save_note(
        self,
        entry_key: str,
        tu: str,
        text: str,
        entry_title: str | None = None,
        based_on: NoteBase | None = None,
    ) -> Note:
        """Create or update the note of (entry, territory); see :meth:`NotesStore.save_note`.

        ``based_on``: the note as the editor loaded it. When the note changed since (another
        window or process saved it) to a text that is neither this one nor the base, both
        texts are kept, the other one first, separated by :data:`BOTH_SEPARATOR` — decided
        here, inside the write transaction, so no save can slip in between.
        """
        if not entry_key:
            raise NotesInputError("Aucune fiche choisie pour cette note.", "empty entry key")
        live_territory(self._conn, tu)
        row = self._conn.execute(current_query(entry_key, tu)).first()
        moment = self._clock()
        me = self._me()
        if row is None:
            note_uuid = str(uuidlib.uuid4())
            self.add_notes(
                [
                    NewNote(
                        note_uuid, entry_key, tu, text, moment, moment, entry_title or "", author=me
                    )
                ]
            )
            return load_note(self._conn, note_uuid)
        current = note_record(row)
        if (
            based_on is not None
            and current.updated != based_on.updated
            and current.text not in (text, based_on.text)
        ):
            text = current.text + BOTH_SEPARATOR + text
        if text != current.text:
            self.replace_texts(
                [TextChange(current.uuid, text, moment, author=me, entry_title=entry_title)],
                coalesce=True,
            )
        elif entry_title is not None and entry_title != current.entry_title:
            self._conn.execute(
                update(notes)
                .where(notes.c.uuid == current.uuid)
                .values(updated=timestamp(moment), entry_title=entry_title)
            )
        return load_note(self._conn, current.uuid)

    def delete_note(self, note_uuid: str) -> None:
        """Send a note to the trash (restorable for at least :data:`MIN_TRASH_DAYS` days)."""
        load_note(self._conn, note_uuid)
        self._conn.execute(
            update(notes)
            .where(notes.c.uuid == note_uuid, notes.c.deleted_at.is_(None))
            .values(deleted_at=self._stamp())
        )

    def hand_over(self, note_uuid: str) -> str | None:
        """A note gone to the trash leaves its place to its oldest live conflict copy, of
        which the other copies become copies (the team sync: a note deleted elsewhere is not
        left with orphan copies here). Returns the heir's uuid, or None."""
        heir = self._conn.execute(
            select(notes.c.uuid)
            .where(notes.c.conflict_of == note_uuid, notes.c.deleted_at.is_(None))
            .order_by(notes.c.created, notes.c.uuid)
            .limit(1)
        ).scalar()
        if heir is not None:
            self._conn.execute(update(notes).where(notes.c.uuid == heir).values(conflict_of=None))
            self._conn.execute(
                update(notes)
                .where(notes.c.conflict_of == note_uuid, notes.c.uuid != heir)
                .values(conflict_of=heir)
            )
        return heir

    def restore_from_trash(self, note_uuid: str) -> Note:
        """See :meth:`NotesStore.restore_from_trash`."""
        note = load_note(self._conn, note_uuid)
        if note.deleted_at is None:
            return note
        trow = self._conn.execute(
            select(territories).where(territories.c.uuid == note.territory_uuid)
        ).first()
        if trow is not None and trow.deleted_at is not None:
            self.restore_territory(trow.uuid)
        note = load_note(self._conn, note_uuid)
        if note.deleted_at is None:
            return note
        values: dict[str, str | None] = {"deleted_at": None}
        if note.conflict_of is None:
            live = self._conn.execute(current_query(note.entry_key, note.territory_uuid)).first()
            if live is not None:
                values["conflict_of"] = live.uuid
        self._conn.execute(update(notes).where(notes.c.uuid == note_uuid).values(values))
        return load_note(self._conn, note_uuid)

    def restore_version(self, version_id: int) -> Note:
        """See :meth:`NotesStore.restore_version`."""
        row = self._conn.execute(
            select(note_versions).where(note_versions.c.id == version_id)
        ).first()
        if row is None:
            raise NotesInputError("Version introuvable.", f"no version {version_id}")
        note = load_note(self._conn, row.note_uuid)
        if note.deleted_at is not None:
            raise NotesInputError(
                "Cette note est dans la corbeille : restaurez-la d'abord.", "note in trash"
            )
        # the text is the version's: so is its author
        self.replace_texts([TextChange(note.uuid, row.text, self._clock(), author=row.author)])
        return load_note(self._conn, note.uuid)

    def resolve_conflict(
        self, conflict_uuid: str, keep: str | None = None, *, merged_text: str | None = None
    ) -> Note:
        """See :meth:`NotesStore.resolve_conflict`."""
        if (keep is None) == (merged_text is None) or keep not in (None, *RESOLUTIONS):
            raise NotesInputError(
                "Choisissez une version à garder : la locale, l'importée, les deux, ou un "
                "texte fusionné.",
                f"keep must be one of {RESOLUTIONS} or merged_text given, got {keep!r}",
            )
        copy = load_note(self._conn, conflict_uuid)
        if copy.conflict_of is None or copy.deleted_at is not None:
            raise NotesInputError(
                "Ce conflit est déjà résolu.", f"{conflict_uuid} is not a live conflict copy"
            )
        moment = self._clock()
        row = self._conn.execute(current_query(copy.entry_key, copy.territory_uuid)).first()
        if row is None:
            if keep == "local":
                raise NotesInputError(
                    "La note locale est dans la corbeille : restaurez-la d'abord, ou gardez "
                    "l'autre version.",
                    "primary note not live",
                )
            text = merged_text if merged_text is not None else copy.text
            self._conn.execute(
                update(notes)
                .where(notes.c.uuid == copy.uuid)
                .values(conflict_of=None, updated=timestamp(moment))
            )
            if text != copy.text:  # taken as it came, the copy keeps its author
                self.replace_texts([TextChange(copy.uuid, text, moment, self._me())])
            return load_note(self._conn, copy.uuid)
        if merged_text is not None:
            text = merged_text
        else:
            text = {
                "local": row.text,
                "incoming": copy.text,
                "both": row.text + BOTH_SEPARATOR + copy.text,
            }[keep or "local"]
        self._conn.execute(
            update(notes).where(notes.c.uuid == copy.uuid).values(deleted_at=timestamp(moment))
        )
        if text != row.text:
            # the copy's author when its text is taken as is; combined here otherwise
            author = copy.author if text == copy.text else self._me()
            self.replace_texts([TextChange(row.uuid, text, moment, author=author)])
        return load_note(self._conn, row.uuid)

    def _forget(self, note_uuids: list[str]) -> None:
        """Remember the digests of purged notes' texts (current and history): an import of
        an old file then finds them known, as it did while the notes were in the trash."""
        current = select(notes.c.entry_key, notes.c.territory_uuid, notes.c.text).where(
            notes.c.uuid.in_(note_uuids)
        )
        earlier = (
            select(notes.c.entry_key, notes.c.territory_uuid, note_versions.c.text)
            .join(notes, notes.c.uuid == note_versions.c.note_uuid)
            .where(notes.c.uuid.in_(note_uuids))
        )
        digests = {
            (key, tu, text_digest(body))
            for key, tu, body in [*self._conn.execute(current), *self._conn.execute(earlier)]
        }
        if digests:
            self._conn.execute(
                sqlite_insert(forgotten_texts).on_conflict_do_nothing(),
                [{"entry_key": k, "territory_uuid": t, "sha256": d} for k, t, d in digests],
            )

    def _trash_horizon(self) -> datetime:
        """The moment the trash counts its 30 days up to: the clock, but never later than
        the latest date this notes file already holds (the latest date essdesk has seen).

        A clock that jumps ahead (a year, a dead battery's 2099) therefore purges nothing
        at that start: only once essdesk has written at the new date, and the clock still
        says so at a later start, do the days count. A jump ahead then back never purges a
        note early; a clock set back only keeps notes longer."""
        now = self._clock()
        latest = [
            select(func.coalesce(func.max(column), "")).scalar_subquery()
            for column in (
                notes.c.updated,
                notes.c.deleted_at,
                note_versions.c.saved_at,
                statuses.c.updated,
                territories.c.created,
                local_entries.c.updated,
                local_entries.c.deleted_at,
                local_entry_versions.c.saved_at,
            )
        ]
        seen = self._conn.execute(select(func.max(*latest))).scalar()  # SQLite's max(): NULL-safe
        return min(now, datetime.fromisoformat(seen)) if seen else now

    def purge_trash(self, older_than_days: int = MIN_TRASH_DAYS) -> int:
        """See :meth:`NotesStore.purge_trash`; local entries go by the same rule."""
        if older_than_days < MIN_TRASH_DAYS:
            raise NotesInputError(
                f"La corbeille garde les notes au moins {MIN_TRASH_DAYS} jours.",
                f"older_than_days must be >= {MIN_TRASH_DAYS}",
            )
        conn = self._conn
        cutoff = timestamp(self._trash_horizon() - timedelta(days=older_than_days))
        doomed = [
            r.uuid
            for r in conn.execute(
                select(notes.c.uuid).where(
                    notes.c.deleted_at.is_not(None), notes.c.deleted_at < cutoff
                )
            )
        ]
        # In chunks, one statement per table (1,000 notes one by one took 2.4 s, 4,000 took
        # 23 s, at start-up with the write lock held).
        for i in range(0, len(doomed), _CHUNK):
            chunk = doomed[i : i + _CHUNK]
            self._forget(chunk)
            conn.execute(delete(notes_fts).where(notes_fts.c.note_uuid.in_(chunk)))
            conn.execute(delete(note_versions).where(note_versions.c.note_uuid.in_(chunk)))
            conn.execute(
                update(notes).where(notes.c.conflict_of.in_(chunk)).values(conflict_of=None)
            )
            conn.execute(delete(notes).where(notes.c.uuid.in_(chunk)))
        self.purge_local_entries(cutoff)  # the territory's own entries: the same rule
        gone = select(territories.c.uuid).where(
            territories.c.deleted_at.is_not(None),
            territories.c.deleted_at < cutoff,
            ~select(notes.c.uuid).where(notes.c.territory_uuid == territories.c.uuid).exists(),
            ~select(local_entries.c.uuid)
            .where(local_entries.c.territory_uuid == territories.c.uuid)
            .exists(),
        )
        for (tu,) in conn.execute(gone).all():
            for table in (statuses, status_versions, status_conflicts):
                conn.execute(delete(table).where(table.c.territory_uuid == tu))
            conn.execute(delete(territories).where(territories.c.uuid == tu))
        return len(doomed)

    # -- follow-up status ---------------------------------------------------------------------

    def set_status(
        self,
        entry_key: str,
        tu: str,
        status: str | None,
        date_: date | str | None = None,
        contact: str = "",
    ) -> Status | None:
        """See :meth:`NotesStore.set_status`."""
        when = status_date(date_)
        live_territory(self._conn, tu)
        if status is not None:
            status, contact = status_key(status), contact.strip()
        if status is None:
            self._conn.execute(
                delete(statuses).where(
                    statuses.c.entry_key == entry_key, statuses.c.territory_uuid == tu
                )
            )
            return None
        moment = self._clock()
        ident = None  # a first setting of this value: its digest names it
        value = status_digest(status, when, contact)
        current = self._conn.execute(
            select(statuses).where(
                statuses.c.entry_key == entry_key, statuses.c.territory_uuid == tu
            )
        ).first()
        if current is not None and status_record(current).digest == value:
            ident = current.ident  # the same setting, saved again
        elif value in self._status_digests(status_versions, (entry_key, tu), values=True).get(
            (entry_key, tu), []
        ):  # set back to a value it had before: a setting of its own (status_merge)
            ident = return_identity(status, when, contact, timestamp(moment))
        self.put_statuses([Status(entry_key, tu, status, when, contact, moment, self._me(), ident)])
        row = self._conn.execute(
            select(statuses).where(
                statuses.c.entry_key == entry_key, statuses.c.territory_uuid == tu
            )
        ).one()
        return status_record(row)

    def remove_statuses(self, keys: Iterable[tuple[str, str]]) -> None:
        """Forget the follow-up of these (entry key, territory uuid) pairs, in bulk."""
        pairs = [{"k": k, "t": t} for k, t in keys]
        if pairs:
            self._conn.execute(
                delete(statuses).where(
                    statuses.c.entry_key == bindparam("k"),
                    statuses.c.territory_uuid == bindparam("t"),
                ),
                pairs,
            )

    def put_statuses(self, items: Sequence[Status]) -> None:
        """Set the follow-up of (entry, territory) pairs, replacing theirs, in bulk. A value
        kept in conflict that becomes the follow-up is no longer in conflict."""
        if not items:
            return
        self.remove_statuses((s.entry_key, s.territory_uuid) for s in items)
        self._conn.execute(
            delete(status_conflicts).where(
                status_conflicts.c.entry_key == bindparam("k"),
                status_conflicts.c.territory_uuid == bindparam("t"),
                status_conflicts.c.status == bindparam("s"),
                status_conflicts.c.date.is_(bindparam("d")),
                status_conflicts.c.contact == bindparam("c"),
            ),
            [
                {
                    "k": s.entry_key,
                    "t": s.territory_uuid,
                    "s": s.status,
                    "d": s.date,
                    "c": s.contact,
                }
                for s in items
            ],
        )
        self._conn.execute(insert(statuses), _status_rows(items))

    def add_status_conflicts(self, items: Sequence[Status]) -> None:
        """Keep follow-ups changed on another laptop beside the local ones, for the user to
        pick (:meth:`resolve_status_conflict`): nothing is overwritten."""
        if items:
            self._conn.execute(insert(status_conflicts), _status_rows(items))

    def settle_status_conflicts(self, key: tuple[str, str], digests: Collection[str]) -> int:
        """Drop the settings kept in conflict beside ``key``'s follow-up whose identities are given
        (another laptop saw them and chose): they stay known, like a value set aside by the
        user (:meth:`resolve_status_conflict`). Returns how many were settled."""
        where = (
            status_conflicts.c.entry_key == key[0],
            status_conflicts.c.territory_uuid == key[1],
        )
        rows = self._conn.execute(select(status_conflicts).where(*where)).all()
        doomed = [r for r in rows if status_conflict_record(r).identity in digests]
        for row in doomed:
            self._set_aside(status_conflict_record(row))
            self._conn.execute(delete(status_conflicts).where(status_conflicts.c.id == row.id))
        return len(doomed)

    def _set_aside(self, other: Status) -> None:
        """A value no longer in conflict stays known (a version of the follow-up): the same
        file imported again, or the other laptop's next file, finds it."""
        self._conn.execute(
            insert(status_versions).values(
                entry_key=other.entry_key,
                territory_uuid=other.territory_uuid,
                status=other.status,
                date=other.date,
                contact=other.contact,
                saved_at=self._stamp(),
                ident=other.ident,
            )
        )

    def resolve_status_conflict(self, conflict_id: int, keep: str) -> Status | None:
        """See :meth:`NotesStore.resolve_status_conflict`."""
        if keep not in ("local", "incoming"):
            raise NotesInputError(
                "Choisissez un suivi à garder : le vôtre ou l'importé.",
                f"keep must be 'local' or 'incoming', got {keep!r}",
            )
        row = self._conn.execute(
            select(status_conflicts).where(status_conflicts.c.id == conflict_id)
        ).first()
        if row is None:
            raise NotesInputError(
                "Ce conflit est déjà résolu.", f"no status conflict {conflict_id}"
            )
        other = status_conflict_record(row)
        live_territory(self._conn, other.territory_uuid)
        self._conn.execute(delete(status_conflicts).where(status_conflicts.c.id == conflict_id))
        if keep == "incoming":
            self.put_statuses([replace(other, updated=self._clock())])
        else:
            self._set_aside(other)
            # Decided now: the choice is a change of its own (the team sync sends it, with
            # the value set aside in its history, and the other laptops settle the same way).
            self._conn.execute(
                update(statuses)
                .where(
                    statuses.c.entry_key == other.entry_key,
                    statuses.c.territory_uuid == other.territory_uuid,
                )
                .values(updated=self._stamp())
            )
        row = self._conn.execute(
            select(statuses).where(
                statuses.c.entry_key == other.entry_key,
                statuses.c.territory_uuid == other.territory_uuid,
            )
        ).first()
        return status_record(row) if row is not None else None


def _status_rows(items: Sequence[Status]) -> list[dict[str, str | None]]:
    """Follow-ups as rows of ``statuses`` or ``status_conflicts`` (same columns)."""
    return [
        {
            "entry_key": s.entry_key,
            "territory_uuid": s.territory_uuid,
            "status": s.status,
            "date": s.date,
            "contact": s.contact,
            "updated": timestamp(s.updated),
            "author": s.author,
            "ident": s.ident,
        }
        for s in items
    ]
