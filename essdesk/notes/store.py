"""NotesStore: the one API the UI and the CLI use for territories, notes, history and status.

Every method opens a short connection from one shared engine (a GUI thread and a worker may
call it at once), runs one transaction and returns frozen records. Writers use
``BEGIN IMMEDIATE`` so that two essdesk instances on one laptop queue on SQLite's lock (WAL +
``busy_timeout``) instead of failing or overwriting each other. A write that cannot happen
raises :class:`~essdesk.notes.errors.NotesWriteError` with a French message; the caller keeps
the text and retries.
"""

from __future__ import annotations

import re
import sqlite3
import uuid as uuidlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

import sqlalchemy.exc
from sqlalchemy import (
    Connection,
    Engine,
    Row,
    Select,
    and_,
    delete,
    func,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from essdesk import fuzzy, paths, textfold
from essdesk.notes import backups
from essdesk.notes.errors import NotesError, NotesInputError, translate
from essdesk.notes.local_entries import LocalEntriesMixin
from essdesk.notes.migrations import check_not_newer, migrate
from essdesk.notes.records import (
    Backup,
    CheckResult,
    Note,
    NoteVersion,
    SearchHit,
    Status,
    Territory,
)
from essdesk.notes.schema import (
    STATUSES,
    forgotten_texts,
    note_versions,
    notes,
    notes_fts,
    statuses,
    territories,
    text_digest,
    timestamp,
)

COALESCE_SECONDS = 60
"""Saves within this long of a version's first save update it instead of adding a version."""

MIN_TRASH_DAYS = 30
"""Deleted notes stay restorable at least this long."""

SORTS = ("updated", "created", "entry", "status")

RESOLUTIONS = ("local", "incoming", "both")
"""How a conflict is settled (:meth:`NotesStore.resolve_conflict`); or a hand-merged text."""

BOTH_SEPARATOR = "\n\n— autre version —\n\n"
"""Between the two texts when a conflict is settled by keeping both in the note."""

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

TerritoryRef = Territory | str
"""A territory record or its uuid."""

if TYPE_CHECKING:
    AnyRow: TypeAlias = Row[*tuple[Any, ...]]
    """A result row of any width (SQLAlchemy 2.1 types a row by its columns)."""

_TOKEN = re.compile(r"[^\W_]+")
_MAX_TERMS = 32


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


def make_snippet(
    body: str, terms: Iterable[str], width: int = 160
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A one-line excerpt of ``body`` around the first word starting with one of ``terms``.

    Matching is done word by word on folded text, so highlights fall on the original words
    ("Cœur" for "coeur"); offsets are into the returned snippet.
    """
    prefixes = tuple(terms)
    spans = (
        [
            (m.start(), m.end())
            for m in _TOKEN.finditer(body)
            if any(w.startswith(prefixes) for w in textfold.words(m.group()))
        ]
        if prefixes
        else []
    )
    start = 0
    if spans and spans[0][0] > width // 3:
        start = spans[0][0] - width // 3
        space = body.rfind(" ", 0, start + 1)
        start = space + 1 if space > 0 and start - space < 20 else start
    end = min(len(body), start + width)
    flat = re.sub(r"\s", " ", body[start:end])
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(body) else ""
    shift = len(prefix) - start
    marks = tuple((a + shift, min(b, end) + shift) for a, b in spans if a >= start and a < end)
    return prefix + flat + suffix, marks


def _dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _territory(row: AnyRow) -> Territory:
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


def _note(row: AnyRow) -> Note:
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
    )


def _version(row: AnyRow) -> NoteVersion:
    return NoteVersion(
        id=row.id,
        note_uuid=row.note_uuid,
        text=row.text,
        started_at=datetime.fromisoformat(row.started_at),
        saved_at=datetime.fromisoformat(row.saved_at),
    )


def _unknown_territory(ref: str) -> NotesInputError:
    return NotesInputError(f"Territoire introuvable : « {ref} ».", f"no live territory {ref!r}")


class NotesStore(LocalEntriesMixin):
    """Territories, notes (with history and trash), follow-up statuses, backups, and the
    territory's own entries (:class:`~essdesk.notes.local_entries.LocalEntriesMixin`).

    Built by :func:`essdesk.notes.safety.open_notes`, which checks and migrates the file first.
    Call :meth:`close` (or use it as a context manager) to release the engine.
    """

    def __init__(
        self,
        engine: Engine,
        path: Path,
        backups_dir: Path | None = None,
        clock: Callable[[], datetime] | None = None,
        busy_timeout: float = 5.0,
    ) -> None:
        self.engine = engine
        self.path = Path(path)
        self.backups_dir = backups_dir if backups_dir is not None else paths.backups_dir()
        self._clock = clock or (lambda: datetime.now(UTC))
        self._busy_timeout = busy_timeout
        self._vocab_cache: tuple[tuple[Any, ...], fuzzy.Vocabulary] | None = None
        self.backup_problem: str | None = None
        """French warning when today's automatic backup could not be made (set at open)."""

    # -- plumbing ---------------------------------------------------------------------------

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> NotesStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _now(self) -> str:
        return timestamp(self._clock())

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        try:
            with self.engine.connect() as conn, conn.begin():
                yield conn
        except (sqlalchemy.exc.OperationalError, sqlalchemy.exc.DatabaseError) as exc:
            if isinstance(exc, sqlalchemy.exc.IntegrityError):
                raise
            raise translate(exc, "lire les notes") from exc

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        try:
            with self.engine.connect() as conn:
                conn.execution_options(sqlite_begin="IMMEDIATE")
                with conn.begin():
                    yield conn
        except sqlalchemy.exc.IntegrityError:
            raise
        except (sqlalchemy.exc.OperationalError, sqlalchemy.exc.DatabaseError) as exc:
            raise translate(exc) from exc

    @staticmethod
    def _tu(territory: TerritoryRef) -> str:
        return territory.uuid if isinstance(territory, Territory) else territory

    @staticmethod
    def _live_territory(conn: Connection, tu: str) -> AnyRow:
        row = conn.execute(
            select(territories).where(territories.c.uuid == tu, territories.c.deleted_at.is_(None))
        ).first()
        if row is None:
            raise _unknown_territory(tu)
        return row

    def _note_query(self) -> Select[*tuple[Any, ...]]:
        return (
            select(
                notes,
                statuses.c.status,
                territories.c.name.label("territory_name"),
            )
            .join(territories, territories.c.uuid == notes.c.territory_uuid)
            .outerjoin(
                statuses,
                and_(
                    statuses.c.entry_key == notes.c.entry_key,
                    statuses.c.territory_uuid == notes.c.territory_uuid,
                ),
            )
        )

    def _load_note(self, conn: Connection, note_uuid: str) -> Note:
        row = conn.execute(self._note_query().where(notes.c.uuid == note_uuid)).first()
        if row is None:
            raise NotesInputError("Note introuvable.", f"no note {note_uuid!r}")
        return _note(row)

    # -- territories ------------------------------------------------------------------------

    def territories(self, include_deleted: bool = False) -> list[Territory]:
        """Territory profiles, by name in French order (deleted ones only when asked)."""
        query = select(territories)
        if not include_deleted:
            query = query.where(territories.c.deleted_at.is_(None))
        with self._read() as conn:
            rows = [_territory(r) for r in conn.execute(query)]
        return sorted(rows, key=lambda t: (textfold.sort_key(t.name), t.name))

    def territory(self, territory_uuid: str) -> Territory:
        with self._read() as conn:
            row = conn.execute(select(territories).where(territories.c.uuid == territory_uuid))
            found = row.first()
        if found is None:
            raise _unknown_territory(territory_uuid)
        return _territory(found)

    def territory_by_name(self, name: str) -> Territory:
        """The live profile called ``name`` (case-insensitive, then accent-insensitive)."""
        live = self.territories()
        for candidate in live:
            if candidate.name.casefold() == name.strip().casefold():
                return candidate
        folded = [t for t in live if textfold.index_text(t.name) == textfold.index_text(name)]
        if len(folded) == 1:
            return folded[0]
        raise _unknown_territory(name)

    def add_territory(
        self,
        name: str,
        types: Iterable[str] = (),
        commune: str = "",
        code: str = "",
        initials: str = "",
    ) -> Territory:
        """Create a profile; ``types`` are catalogue keys (see :func:`territory_type_key`)."""
        clean = self._check_name(name)
        values = {
            "uuid": str(uuidlib.uuid4()),
            "name": clean,
            "types": self._types(types),
            "commune": commune.strip(),
            "code": code.strip(),
            "initials": initials.strip(),
            "created": self._now(),
        }
        try:
            with self._write() as conn:
                conn.execute(insert(territories).values(**values))
        except sqlalchemy.exc.IntegrityError as exc:
            raise self._name_taken(clean) from exc
        return self.territory(values["uuid"])

    def update_territory(
        self,
        territory: TerritoryRef,
        *,
        name: str | None = None,
        types: Iterable[str] | None = None,
        commune: str | None = None,
        code: str | None = None,
        initials: str | None = None,
    ) -> Territory:
        """Change some fields of a live profile (``None`` keeps a field as is)."""
        tu = self._tu(territory)
        values: dict[str, str] = {}
        if name is not None:
            values["name"] = self._check_name(name)
        if types is not None:
            values["types"] = self._types(types)
        for key, value in (("commune", commune), ("code", code), ("initials", initials)):
            if value is not None:
                values[key] = value.strip()
        try:
            with self._write() as conn:
                self._live_territory(conn, tu)
                if values:
                    conn.execute(update(territories).where(territories.c.uuid == tu).values(values))
        except sqlalchemy.exc.IntegrityError as exc:
            raise self._name_taken(values.get("name", "")) from exc
        return self.territory(tu)

    def rename_territory(self, territory: TerritoryRef, name: str) -> Territory:
        return self.update_territory(territory, name=name)

    def delete_territory(self, territory: TerritoryRef) -> int:
        """Soft-delete a profile; its live notes go to the trash. Returns how many notes."""
        tu = self._tu(territory)
        now = self._now()
        with self._write() as conn:
            self._live_territory(conn, tu)
            conn.execute(update(territories).where(territories.c.uuid == tu).values(deleted_at=now))
            moved = conn.execute(
                update(notes)
                .where(notes.c.territory_uuid == tu, notes.c.deleted_at.is_(None))
                .values(deleted_at=now)
            ).rowcount
        return int(moved)

    def restore_territory(self, territory: TerritoryRef) -> Territory:
        """Bring a deleted profile back with the notes its deletion sent to the trash."""
        tu = self._tu(territory)
        try:
            with self._write() as conn:
                row = conn.execute(select(territories).where(territories.c.uuid == tu)).first()
                if row is None:
                    raise _unknown_territory(tu)
                if row.deleted_at is not None:
                    self._restore_territory_in(conn, row)
        except sqlalchemy.exc.IntegrityError as exc:
            raise self._name_taken(self.territory(tu).name) from exc
        return self.territory(tu)

    @staticmethod
    def _restore_territory_in(conn: Connection, row: AnyRow) -> None:
        conn.execute(
            update(territories).where(territories.c.uuid == row.uuid).values(deleted_at=None)
        )
        conn.execute(
            update(notes)
            .where(notes.c.territory_uuid == row.uuid, notes.c.deleted_at == row.deleted_at)
            .values(deleted_at=None)
        )

    @staticmethod
    def _check_name(name: str) -> str:
        clean = " ".join(name.split())
        if not clean:
            raise NotesInputError("Le nom du territoire ne peut pas être vide.", "empty name")
        if "\x00" in clean:  # SQLite's trim() stops at it: the CHECK would fail as "taken"
            raise NotesInputError(
                "Le nom du territoire contient un caractère invalide.", "NUL in name"
            )
        return clean

    @staticmethod
    def _types(types: Iterable[str]) -> str:
        keys = [territory_type_key(t) for t in types if t.strip()]
        return ",".join(dict.fromkeys(keys))

    @staticmethod
    def _name_taken(name: str) -> NotesInputError:
        return NotesInputError(
            f"Un territoire s'appelle déjà « {name} ». Choisissez un autre nom.",
            f"territory name {name!r} taken",
        )

    # -- notes ------------------------------------------------------------------------------

    def get_note(self, entry_key: str, territory: TerritoryRef) -> Note | None:
        """The note of this entry for this territory, or None when there is none yet."""
        tu = self._tu(territory)
        with self._read() as conn:
            row = conn.execute(self._current_query(entry_key, tu)).first()
        return _note(row) if row is not None else None

    def _current_query(self, entry_key: str, tu: str):  # type: ignore[no-untyped-def]
        return self._note_query().where(
            notes.c.entry_key == entry_key,
            notes.c.territory_uuid == tu,
            notes.c.deleted_at.is_(None),
            notes.c.conflict_of.is_(None),
        )

    def note(self, note_uuid: str) -> Note:
        """A note by uuid, in whatever state (live, trashed, conflict copy)."""
        with self._read() as conn:
            return self._load_note(conn, note_uuid)

    def conflicts(self, entry_key: str, territory: TerritoryRef) -> list[Note]:
        """Live conflict copies kept beside the note of this entry and territory."""
        tu = self._tu(territory)
        query = self._note_query().where(
            notes.c.entry_key == entry_key,
            notes.c.territory_uuid == tu,
            notes.c.deleted_at.is_(None),
            notes.c.conflict_of.is_not(None),
        )
        with self._read() as conn:
            return [_note(r) for r in conn.execute(query.order_by(notes.c.updated.desc()))]

    def resolve_conflict(
        self, conflict_uuid: str, keep: str | None = None, *, merged_text: str | None = None
    ) -> Note:
        """Settle a conflict copy (kept beside a note by an import or a restore from trash).

        ``keep="local"``: the note stays as it is; ``"incoming"``: it takes the copy's text;
        ``"both"``: it gets both texts one after the other (:data:`BOTH_SEPARATOR`);
        ``merged_text=...`` (instead of ``keep``): it gets the text merged by hand. The note's
        previous text stays in its history and the copy goes to the trash, where it can be
        restored, and where a later import of the same file finds its text already known.
        If the note itself is in the trash, the copy takes its place (``"local"`` is then
        refused). Returns the note.
        """
        if (keep is None) == (merged_text is None) or keep not in (None, *RESOLUTIONS):
            raise NotesInputError(
                "Choisissez une version à garder : la locale, l'importée, les deux, ou un "
                "texte fusionné.",
                f"keep must be one of {RESOLUTIONS} or merged_text given, got {keep!r}",
            )
        with self._write() as conn:
            copy = self._load_note(conn, conflict_uuid)
            if copy.conflict_of is None or copy.deleted_at is not None:
                raise NotesInputError(
                    "Ce conflit est déjà résolu.", f"{conflict_uuid} is not a live conflict copy"
                )
            now = self._now()
            row = conn.execute(self._current_query(copy.entry_key, copy.territory_uuid)).first()
            if row is None:
                if keep == "local":
                    raise NotesInputError(
                        "La note locale est dans la corbeille : restaurez-la d'abord, ou gardez "
                        "l'autre version.",
                        "primary note not live",
                    )
                text = merged_text if merged_text is not None else copy.text
                if text == copy.text:  # the copy as it came, its author with it
                    conn.execute(
                        update(notes)
                        .where(notes.c.uuid == copy.uuid)
                        .values(conflict_of=None, updated=now)
                    )
                else:
                    self._replace_text(conn, copy.uuid, text, now, conflict_of=None)
                return self._load_note(conn, copy.uuid)
            if merged_text is not None:
                text = merged_text
            else:
                text = {
                    "local": row.text,
                    "incoming": copy.text,
                    "both": row.text + BOTH_SEPARATOR + copy.text,
                }[keep or "local"]
            conn.execute(update(notes).where(notes.c.uuid == copy.uuid).values(deleted_at=now))
            if text != row.text:
                # the copy's author when its text is taken as is; combined here otherwise
                author = copy.author if text == copy.text else ""
                self._replace_text(conn, row.uuid, text, now, author=author)
            return self._load_note(conn, row.uuid)

    def save_note(
        self,
        entry_key: str,
        territory: TerritoryRef,
        text: str,
        entry_title: str | None = None,
    ) -> Note:
        """Autosave target: create or update the note of (entry, territory).

        Idempotent (saving the same text writes nothing), history-keeping (a new version
        when the last one started more than :data:`COALESCE_SECONDS` ago, else that version
        is updated), and an empty text is kept as an empty note, not a deletion. On failure
        raises NotesWriteError and nothing is changed.
        """
        if not entry_key:
            raise NotesInputError("Aucune fiche choisie pour cette note.", "empty entry key")
        tu = self._tu(territory)
        current = self.get_note(entry_key, tu)
        if (
            current is not None
            and current.text == text
            and (entry_title is None or entry_title == current.entry_title)
        ):
            return current
        with self._write() as conn:
            self._live_territory(conn, tu)
            row = conn.execute(self._current_query(entry_key, tu)).first()
            now = self._now()
            if row is None:
                note_uuid = str(uuidlib.uuid4())
                conn.execute(
                    insert(notes).values(
                        uuid=note_uuid,
                        entry_key=entry_key,
                        territory_uuid=tu,
                        text=text,
                        created=now,
                        updated=now,
                        entry_title=entry_title or "",
                    )
                )
                self._record_version(conn, note_uuid, text, now, coalesce=False)
                self._index(conn, note_uuid, text)
            else:
                note_uuid = row.uuid
                title = {} if entry_title is None else {"entry_title": entry_title}
                if text != row.text:
                    self._replace_text(conn, note_uuid, text, now, coalesce=True, **title)
                else:  # a new title only
                    conn.execute(
                        update(notes).where(notes.c.uuid == note_uuid).values(updated=now, **title)
                    )
            return self._load_note(conn, note_uuid)

    def _replace_text(
        self,
        conn: Connection,
        note_uuid: str,
        text: str,
        now: str,
        *,
        author: str = "",
        coalesce: bool = False,
        **values: str | None,
    ) -> None:
        """Give a note a new text: its row (``author``: who wrote it, "" for here), a version
        of its history (``coalesce``: typing within a minute updates the last one) and its
        search index, always together."""
        conn.execute(
            update(notes)
            .where(notes.c.uuid == note_uuid)
            .values(text=text, updated=now, author=author, **values)
        )
        self._record_version(conn, note_uuid, text, now, coalesce=coalesce)
        self._index(conn, note_uuid, text)

    def _record_version(
        self, conn: Connection, note_uuid: str, body: str, now: str, coalesce: bool
    ) -> None:
        if coalesce:
            last = conn.execute(
                select(note_versions)
                .where(note_versions.c.note_uuid == note_uuid)
                .order_by(note_versions.c.id.desc())
                .limit(1)
            ).first()
            window_start = timestamp(
                datetime.fromisoformat(now) - timedelta(seconds=COALESCE_SECONDS)
            )
            # A version "from the future" (the clock went back since) is never coalesced
            # into: it may be the text another laptop or an exchange compares to.
            # (Without it, after a clock set back every save was folded into the last version.)
            if last is not None and window_start < last.started_at <= now:
                conn.execute(
                    update(note_versions)
                    .where(note_versions.c.id == last.id)
                    .values(text=body, saved_at=now)
                )
                return
        conn.execute(
            insert(note_versions).values(
                note_uuid=note_uuid, text=body, started_at=now, saved_at=now
            )
        )

    @staticmethod
    def _index(conn: Connection, note_uuid: str, body: str) -> None:
        conn.execute(delete(notes_fts).where(notes_fts.c.note_uuid == note_uuid))
        conn.execute(insert(notes_fts).values(note_uuid=note_uuid, body=textfold.index_text(body)))

    def delete_note(self, note_uuid: str) -> None:
        """Send a note to the trash (restorable for at least :data:`MIN_TRASH_DAYS` days)."""
        with self._write() as conn:
            self._load_note(conn, note_uuid)
            conn.execute(
                update(notes)
                .where(notes.c.uuid == note_uuid, notes.c.deleted_at.is_(None))
                .values(deleted_at=self._now())
            )

    def trash(self) -> list[Note]:
        """Deleted notes of every territory, most recently deleted first."""
        query = self._note_query().where(notes.c.deleted_at.is_not(None))
        with self._read() as conn:
            return [_note(r) for r in conn.execute(query.order_by(notes.c.deleted_at.desc()))]

    def restore_from_trash(self, note_uuid: str) -> Note:
        """Bring a note back. Its deleted territory comes back too; if the entry got a new
        note meanwhile, the restored one is kept beside it as a conflict copy (nothing is
        overwritten)."""
        with self._write() as conn:
            note = self._load_note(conn, note_uuid)
            if note.deleted_at is None:
                return note
            trow = conn.execute(
                select(territories).where(territories.c.uuid == note.territory_uuid)
            ).first()
            if trow is not None and trow.deleted_at is not None:
                self._restore_territory_in(conn, trow)
            note = self._load_note(conn, note_uuid)
            if note.deleted_at is None:
                return note
            values: dict[str, str | None] = {"deleted_at": None}
            if note.conflict_of is None:
                other = conn.execute(self._current_query(note.entry_key, note.territory_uuid))
                live = other.first()
                if live is not None:
                    values["conflict_of"] = live.uuid
            conn.execute(update(notes).where(notes.c.uuid == note_uuid).values(values))
            return self._load_note(conn, note_uuid)

    @staticmethod
    def _forget(conn: Connection, note_uuids: list[str]) -> None:
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
            for key, tu, body in [*conn.execute(current), *conn.execute(earlier)]
        }
        if digests:
            conn.execute(
                sqlite_insert(forgotten_texts).on_conflict_do_nothing(),
                [{"entry_key": k, "territory_uuid": t, "sha256": d} for k, t, d in digests],
            )

    def purge_trash(self, older_than_days: int = MIN_TRASH_DAYS) -> int:
        """Delete for good the notes trashed more than ``older_than_days`` days ago (≥ 30),
        and deleted territories left without notes. Returns how many notes went."""
        if older_than_days < MIN_TRASH_DAYS:
            raise NotesInputError(
                f"La corbeille garde les notes au moins {MIN_TRASH_DAYS} jours.",
                f"older_than_days must be >= {MIN_TRASH_DAYS}",
            )
        with self._write() as conn:
            cutoff = timestamp(self._trash_horizon(conn) - timedelta(days=older_than_days))
            doomed = [
                r.uuid
                for r in conn.execute(
                    select(notes.c.uuid).where(
                        notes.c.deleted_at.is_not(None), notes.c.deleted_at < cutoff
                    )
                )
            ]
            # In chunks, one statement per table: notes_fts.note_uuid and notes.conflict_of
            # have no index, so one statement per note read those tables once per note
            # (1,000 notes took 2.4 s, 4,000 took 23 s, at start-up with the write lock held).
            for i in range(0, len(doomed), 500):
                chunk = doomed[i : i + 500]
                self._forget(conn, chunk)
                conn.execute(delete(notes_fts).where(notes_fts.c.note_uuid.in_(chunk)))
                conn.execute(delete(note_versions).where(note_versions.c.note_uuid.in_(chunk)))
                conn.execute(
                    update(notes).where(notes.c.conflict_of.in_(chunk)).values(conflict_of=None)
                )
                conn.execute(delete(notes).where(notes.c.uuid.in_(chunk)))
            gone = select(territories.c.uuid).where(
                territories.c.deleted_at.is_not(None),
                territories.c.deleted_at < cutoff,
                ~select(notes.c.uuid).where(notes.c.territory_uuid == territories.c.uuid).exists(),
            )
            for (tu,) in conn.execute(gone).all():
                conn.execute(delete(statuses).where(statuses.c.territory_uuid == tu))
                conn.execute(delete(territories).where(territories.c.uuid == tu))
        return len(doomed)

    def _trash_horizon(self, conn: Connection) -> datetime:
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
            )
        ]
        seen = conn.execute(select(func.max(*latest))).scalar()  # max() of SQLite: NULL-safe here
        return min(now, datetime.fromisoformat(seen)) if seen else now

    def history(self, note_uuid: str) -> list[NoteVersion]:
        """Versions of a note, newest first (the first one is the current text)."""
        query = (
            select(note_versions)
            .where(note_versions.c.note_uuid == note_uuid)
            .order_by(note_versions.c.id.desc())
        )
        with self._read() as conn:
            return [_version(r) for r in conn.execute(query)]

    def restore_version(self, version_id: int) -> Note:
        """Make an earlier version the current text, as a new version (the text it
        replaces stays in the history)."""
        with self._write() as conn:
            row = conn.execute(
                select(note_versions).where(note_versions.c.id == version_id)
            ).first()
            if row is None:
                raise NotesInputError("Version introuvable.", f"no version {version_id}")
            note = self._load_note(conn, row.note_uuid)
            if note.deleted_at is not None:
                raise NotesInputError(
                    "Cette note est dans la corbeille : restaurez-la d'abord.", "note in trash"
                )
            self._replace_text(conn, note.uuid, row.text, self._now())
            return self._load_note(conn, note.uuid)

    def notes_for_territory(self, territory: TerritoryRef, sort: str = "updated") -> list[Note]:
        """Live notes of a territory (conflict copies included) for "Mes notes".

        ``sort``: "updated" or "created" (newest first), "entry" (title, French order),
        "status" (follow-up order, then newest first).
        """
        if sort not in SORTS:
            raise NotesInputError(f"Tri inconnu : {sort}.", f"sort must be one of {SORTS}")
        tu = self._tu(territory)
        query = self._note_query().where(notes.c.territory_uuid == tu, notes.c.deleted_at.is_(None))
        with self._read() as conn:
            found = [_note(r) for r in conn.execute(query)]
        order = list(STATUSES)
        if sort == "entry":
            found.sort(key=lambda n: (textfold.sort_key(n.entry_title or n.entry_key), n.entry_key))
        elif sort == "status":
            found.sort(key=lambda n: n.updated, reverse=True)
            found.sort(key=lambda n: order.index(n.status) if n.status else len(order))
        else:
            found.sort(key=lambda n: getattr(n, sort), reverse=True)
        return found

    def all_notes(self) -> list[Note]:
        """Every live note of every live territory (exports, CLI)."""
        query = self._note_query().where(
            notes.c.deleted_at.is_(None), territories.c.deleted_at.is_(None)
        )
        with self._read() as conn:
            return [_note(r) for r in conn.execute(query.order_by(notes.c.updated.desc()))]

    def search_notes(
        self, query: str, territory: TerritoryRef | None = None, limit: int = 200
    ) -> list[SearchHit]:
        """Live notes containing every word of ``query`` as a word prefix, best first; then,
        as in the catalogue, what the query's misspelt words find once corrected.

        Folding is :mod:`essdesk.textfold`'s and typo tolerance :mod:`essdesk.fuzzy`'s, as
        for the catalogue. The user's text never reaches FTS5 syntax: it is reduced to
        folded words ([0-9a-z]+), each quoted.
        """
        terms = list(dict.fromkeys(textfold.words(query)))[:_MAX_TERMS]
        if not terms:
            return []
        rows = self._matching_notes(" ".join(f'"{t}"*' for t in terms), territory, limit)
        vocabulary = self._vocabulary()
        unknown = not all(vocabulary.has_prefix(t) for t in terms)
        if len(rows) < min(limit, fuzzy.FEW) or unknown:
            reading = fuzzy.plan(terms, vocabulary, everything=not unknown)
            seen = {row.uuid for row in rows}
            more = self._matching_notes(fuzzy.fts_expression(reading.groups), territory, limit)
            rows += [row for row in more if row.uuid not in seen][: limit - len(rows)]
            terms = reading.words
        hits = []
        for row in rows:
            note = _note(row)
            snippet, marks = make_snippet(note.text, terms)
            hits.append(SearchHit(note, snippet, marks))
        return hits

    def _matching_notes(
        self, match: str, territory: TerritoryRef | None, limit: int
    ) -> list[AnyRow]:
        sql = (
            self._note_query()
            .add_columns(text("bm25(notes_fts) AS rank"))
            .join(notes_fts, notes_fts.c.note_uuid == notes.c.uuid)
            .where(
                text("notes_fts MATCH :match").bindparams(match=match),
                notes.c.deleted_at.is_(None),
                territories.c.deleted_at.is_(None),
            )
            .order_by(text("rank"), notes.c.updated.desc())
            .limit(limit)
        )
        if territory is not None:
            sql = sql.where(notes.c.territory_uuid == self._tu(territory))
        with self._read() as conn:
            return list(conn.execute(sql).all())

    def _vocabulary(self) -> fuzzy.Vocabulary:
        """The folded words of the live notes, rebuilt only when the index changed."""
        with self._read() as conn:
            state = tuple(
                conn.execute(
                    text("SELECT count(*), max(rowid), total(length(body)) FROM notes_fts")
                ).one()
            )
            if self._vocab_cache is not None and self._vocab_cache[0] == state:
                return self._vocab_cache[1]
            bodies = conn.execute(
                select(notes_fts.c.body)
                .join(notes, notes.c.uuid == notes_fts.c.note_uuid)
                .where(notes.c.deleted_at.is_(None))
            ).scalars()
            vocabulary = fuzzy.Vocabulary.from_words(body.split() for body in bodies)
        self._vocab_cache = (state, vocabulary)
        return vocabulary

    def keys_with_notes(self, territory: TerritoryRef) -> set[str]:
        """Entry keys that have a non-empty live note for this territory (tree markers)."""
        query = select(notes.c.entry_key).where(
            notes.c.territory_uuid == self._tu(territory),
            notes.c.deleted_at.is_(None),
            func.trim(notes.c.text) != "",
        )
        with self._read() as conn:
            return set(conn.execute(query).scalars())

    def orphans(self, known_keys: set[str], territory: TerritoryRef | None = None) -> list[Note]:
        """Live notes whose entry is not in the catalogue any more ("Notes orphelines");
        ``entry_title`` keeps the old title to show."""
        query = self._note_query().where(
            notes.c.deleted_at.is_(None), territories.c.deleted_at.is_(None)
        )
        if territory is not None:
            query = query.where(notes.c.territory_uuid == self._tu(territory))
        with self._read() as conn:
            found = [_note(r) for r in conn.execute(query.order_by(notes.c.updated.desc()))]
        return [n for n in found if n.entry_key not in known_keys]

    # -- follow-up status -------------------------------------------------------------------

    def set_status(
        self,
        entry_key: str,
        territory: TerritoryRef,
        status: str | None,
        date_: date | str | None = None,
        contact: str = "",
    ) -> Status | None:
        """Set (or with ``status=None`` clear) the follow-up of an entry for a territory."""
        tu = self._tu(territory)
        when: str | None = None
        if isinstance(date_, date):
            when = date_.isoformat()
        elif date_:
            try:
                when = date.fromisoformat(date_.strip()).isoformat()
            except ValueError as exc:
                raise NotesInputError(
                    f"Date invalide : « {date_} » (format attendu : AAAA-MM-JJ).", str(exc)
                ) from exc
        with self._write() as conn:
            self._live_territory(conn, tu)
            conn.execute(
                delete(statuses).where(
                    statuses.c.entry_key == entry_key, statuses.c.territory_uuid == tu
                )
            )
            if status is None:
                return None
            conn.execute(
                insert(statuses).values(
                    entry_key=entry_key,
                    territory_uuid=tu,
                    status=status_key(status),
                    date=when,
                    contact=contact.strip(),
                    updated=self._now(),
                )
            )
            row = conn.execute(
                select(statuses).where(
                    statuses.c.entry_key == entry_key, statuses.c.territory_uuid == tu
                )
            ).one()
            return status_record(row)

    def status(self, entry_key: str, territory: TerritoryRef) -> Status | None:
        query = select(statuses).where(
            statuses.c.entry_key == entry_key, statuses.c.territory_uuid == self._tu(territory)
        )
        with self._read() as conn:
            row = conn.execute(query).first()
        return status_record(row) if row is not None else None

    def statuses_for_territory(self, territory: TerritoryRef) -> dict[str, str]:
        """entry key → status key, for markers and the status facet."""
        query = select(statuses.c.entry_key, statuses.c.status).where(
            statuses.c.territory_uuid == self._tu(territory)
        )
        with self._read() as conn:
            return {key: value for key, value in conn.execute(query).all()}

    # -- safety net -------------------------------------------------------------------------

    def full_check(self) -> CheckResult:
        """``PRAGMA integrity_check`` plus ``foreign_key_check``: the menu's full check."""
        with self._read() as conn:
            messages = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check")]
            fk = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
        ok = messages == ["ok"] and not fk
        extra = [f"foreign key: {tuple(r)}" for r in fk]
        return CheckResult(ok, tuple((messages if messages != ["ok"] else []) + extra) or ("ok",))

    def make_backup(self, reason: str = "manuelle") -> Backup:
        """A verified automatic backup now (rotating); e.g. ``reason="avant-import"``."""
        return backups.make_backup(
            self.path,
            self.backups_dir,
            reason,
            now=self._local_now(),
            busy_timeout=self._busy_timeout,  # the UI's 1 s, not 5 s on the GUI thread
        )

    def backup_to(self, dest: Path | str) -> Path:
        """ "Sauvegarder vers…": a verified copy at a path of the user's choice."""
        target = Path(dest)
        if target.is_dir():
            target = target / f"notes-essdesk-{self._local_now():%Y%m%d-%H%M%S}.sqlite3"
        backups.copy_database(self.path, target, self._busy_timeout)
        return target

    def list_backups(self) -> list[Backup]:
        return backups.list_backups(self.backups_dir)

    def restore_backup(self, backup: Backup | Path | str) -> Backup:
        """Replace the notes with a backup, after backing up the current notes (returned)."""
        source = backup.path if isinstance(backup, Backup) else Path(backup)
        problem = backups.verify(source)
        if problem is not None:
            raise NotesError(
                "Cette sauvegarde est endommagée ou n'est pas une sauvegarde de notes essdesk ; "
                "rien n'a été restauré.",
                problem,
            )
        with sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True) as probe:
            version = probe.execute("PRAGMA user_version").fetchone()[0]
        probe.close()
        check_not_newer(version, source)
        safety_copy = self.make_backup("avant-restauration")
        self.engine.dispose()
        backups.restore_into(source, self.path, self._busy_timeout)
        migrate(self.engine)
        return safety_copy

    def _local_now(self) -> datetime:
        return self._clock().astimezone().replace(tzinfo=None)
