"""NotesStore: the one API the UI and the CLI use for territories, notes, history and status.

Every method opens a short connection from one shared engine (a GUI thread and a worker may
call it at once), runs one transaction and returns frozen records. Writers use
``BEGIN IMMEDIATE`` so that two essdesk instances on one laptop queue on SQLite's lock (WAL +
``busy_timeout``) instead of failing or overwriting each other. A write that cannot happen
raises :class:`~essdesk.notes.errors.NotesWriteError` with a French message; the caller keeps
the text and retries.

Over 500 lines: the one read API of the notes (territories, notes, history, statuses,
trash, backups, conflicts); every write goes through ``writing.py``.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlalchemy.exc
from sqlalchemy import Connection, Engine, func, select, text

from essdesk import fuzzy, paths, textfold
from essdesk.notes import backups
from essdesk.notes.errors import NotesError, NotesInputError, as_notes_error
from essdesk.notes.local_entries import LocalEntriesMixin
from essdesk.notes.migrations import check_not_newer, migrate
from essdesk.notes.records import (
    Backup,
    CheckResult,
    Note,
    NoteBase,
    NoteVersion,
    SearchHit,
    Status,
    StatusConflict,
    Territory,
)
from essdesk.notes.rows import (
    TerritoryRef,
    current_query,
    load_note,
    note_query,
    note_record,
    status_conflict_record,
    status_record,
    territory_record,
    territory_uuid,
    unknown_territory,
    version_record,
)
from essdesk.notes.schema import (
    STATUSES,
    note_versions,
    notes,
    notes_fts,
    status_conflicts,
    statuses,
    territories,
)
from essdesk.notes.writing import (
    BOTH_SEPARATOR,
    COALESCE_SECONDS,
    MIN_TRASH_DAYS,
    RESOLUTIONS,
    TERRITORY_TYPE_ALIASES,
    NotesReader,
    NotesWriter,
    status_key,
    territory_name,
    territory_type_key,
)

__all__ = [  # re-exported: the store is where callers have always found them
    "BOTH_SEPARATOR",
    "COALESCE_SECONDS",
    "MIN_TRASH_DAYS",
    "RESOLUTIONS",
    "TERRITORY_TYPE_ALIASES",
    "NotesStore",
    "TerritoryRef",
    "make_snippet",
    "status_key",
    "status_record",
    "territory_type_key",
]

SORTS = ("updated", "created", "entry", "status")

if TYPE_CHECKING:
    from essdesk.notes.rows import AnyRow

_TOKEN = re.compile(r"[^\W_]+")
_MAX_TERMS = 32


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

    def now(self) -> datetime:
        """The store's clock (aware UTC): what a write stamps."""
        return self._clock()

    @contextmanager
    def reading(self) -> Iterator[NotesReader]:
        """One read transaction (a consistent snapshot), for readers outside the store
        such as the exchange export and planner."""
        with self._read() as conn:
            yield NotesReader(conn)

    @contextmanager
    def writing(self) -> Iterator[NotesWriter]:
        """The one door for writes: a :class:`~essdesk.notes.writing.NotesWriter` on one
        ``BEGIN IMMEDIATE`` transaction, committed when the block ends, rolled back (and
        nothing changed) if it raises. Storage errors become NotesWriteError."""
        with self._write() as conn:
            yield NotesWriter(conn, self.now)

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        try:
            with self.engine.connect() as conn, conn.begin():
                yield conn
        except (sqlalchemy.exc.OperationalError, sqlalchemy.exc.DatabaseError) as exc:
            if isinstance(exc, sqlalchemy.exc.IntegrityError):
                raise
            raise as_notes_error(exc, "lire les notes") from exc

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
            raise as_notes_error(exc) from exc

    # -- territories ------------------------------------------------------------------------

    def territories(self, include_deleted: bool = False) -> list[Territory]:
        """Territory profiles, by name in French order (deleted ones only when asked)."""
        query = select(territories)
        if not include_deleted:
            query = query.where(territories.c.deleted_at.is_(None))
        with self._read() as conn:
            rows = [territory_record(r) for r in conn.execute(query)]
        return sorted(rows, key=lambda t: (textfold.sort_key(t.name), t.name))

    def territory(self, territory_uuid: str) -> Territory:
        with self._read() as conn:
            row = conn.execute(select(territories).where(territories.c.uuid == territory_uuid))
            found = row.first()
        if found is None:
            raise unknown_territory(territory_uuid)
        return territory_record(found)

    def territory_by_name(self, name: str) -> Territory:
        """The live profile called ``name``: the same name once cleaned (NFC, invisible
        characters removed, case-insensitive), else the only one equal accent-insensitively
        (``Correze`` finds « Corrèze »)."""
        live = self.territories()
        wanted = textfold.clean_name(name).casefold()
        for candidate in live:
            if textfold.clean_name(candidate.name).casefold() == wanted:
                return candidate
        folded = [t for t in live if textfold.index_text(t.name) == textfold.index_text(wanted)]
        if len(folded) == 1:
            return folded[0]
        raise unknown_territory(name)

    def add_territory(
        self,
        name: str,
        types: Iterable[str] = (),
        commune: str = "",
        code: str = "",
        initials: str = "",
    ) -> Territory:
        """Create a profile; ``types`` are catalogue keys (see :func:`territory_type_key`)."""
        clean = territory_name(name)
        try:
            with self.writing() as w:
                tu = w.add_territory(clean, types, commune, code, initials)
        except sqlalchemy.exc.IntegrityError as exc:
            raise self._name_taken(clean) from exc
        return self.territory(tu)

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
        tu = territory_uuid(territory)
        try:
            with self.writing() as w:
                w.update_territory(
                    tu, name=name, types=types, commune=commune, code=code, initials=initials
                )
        except sqlalchemy.exc.IntegrityError as exc:
            raise self._name_taken(territory_name(name or "?")) from exc
        return self.territory(tu)

    def delete_territory(self, territory: TerritoryRef) -> int:
        """Soft-delete a profile; its live notes go to the trash. Returns how many notes."""
        with self.writing() as w:
            return w.delete_territory(territory_uuid(territory))

    def restore_territory(self, territory: TerritoryRef) -> Territory:
        """Bring a deleted profile back with the notes its deletion sent to the trash."""
        tu = territory_uuid(territory)
        try:
            with self.writing() as w:
                w.restore_territory(tu)
        except sqlalchemy.exc.IntegrityError as exc:
            raise self._name_taken(self.territory(tu).name) from exc
        return self.territory(tu)

    @staticmethod
    def _name_taken(name: str) -> NotesInputError:
        return NotesInputError(
            f"Un territoire s'appelle déjà « {name} ». Choisissez un autre nom.",
            f"territory name {name!r} taken",
        )

    # -- notes ------------------------------------------------------------------------------

    def get_note(self, entry_key: str, territory: TerritoryRef) -> Note | None:
        """The note of this entry for this territory, or None when there is none yet."""
        tu = territory_uuid(territory)
        with self._read() as conn:
            row = conn.execute(current_query(entry_key, tu)).first()
        return note_record(row) if row is not None else None

    def note(self, note_uuid: str) -> Note:
        """A note by uuid, in whatever state (live, trashed, conflict copy)."""
        with self._read() as conn:
            return load_note(conn, note_uuid)

    def conflicts(self, entry_key: str, territory: TerritoryRef) -> list[Note]:
        """Live conflict copies kept beside the note of this entry and territory."""
        tu = territory_uuid(territory)
        query = note_query().where(
            notes.c.entry_key == entry_key,
            notes.c.territory_uuid == tu,
            notes.c.deleted_at.is_(None),
            notes.c.conflict_of.is_not(None),
        )
        with self._read() as conn:
            return [note_record(r) for r in conn.execute(query.order_by(notes.c.updated.desc()))]

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
        with self.writing() as w:
            return w.resolve_conflict(conflict_uuid, keep, merged_text=merged_text)

    def save_note(
        self,
        entry_key: str,
        territory: TerritoryRef,
        text: str,
        entry_title: str | None = None,
        based_on: NoteBase | None = None,
    ) -> Note:
        """Autosave target: create or update the note of (entry, territory).

        Idempotent (saving the same text writes nothing), history-keeping (a new version
        when the last one started more than :data:`COALESCE_SECONDS` ago, else that version
        is updated), and an empty text is kept as an empty note, not a deletion. On failure
        raises NotesWriteError and nothing is changed.

        ``based_on`` (what the editor loaded): if another window or process saved a
        different text since, both are kept in the note (:data:`BOTH_SEPARATOR`), decided
        inside the write transaction; the returned note's text then differs from ``text``.
        """
        tu = territory_uuid(territory)
        current = self.get_note(entry_key, tu) if entry_key else None
        if (
            current is not None
            and current.text == text
            and (entry_title is None or entry_title == current.entry_title)
        ):
            return current
        with self.writing() as w:
            return w.save_note(entry_key, tu, text, entry_title, based_on)

    def delete_note(self, note_uuid: str) -> None:
        """Send a note to the trash (restorable for at least :data:`MIN_TRASH_DAYS` days)."""
        with self.writing() as w:
            w.delete_note(note_uuid)

    def trash(self) -> list[Note]:
        """Deleted notes of every territory, most recently deleted first."""
        query = note_query().where(notes.c.deleted_at.is_not(None))
        with self._read() as conn:
            return [note_record(r) for r in conn.execute(query.order_by(notes.c.deleted_at.desc()))]

    def restore_from_trash(self, note_uuid: str) -> Note:
        """Bring a note back. Its deleted territory comes back too; if the entry got a new
        note meanwhile, the restored one is kept beside it as a conflict copy (nothing is
        overwritten)."""
        with self.writing() as w:
            return w.restore_from_trash(note_uuid)

    def purge_trash(self, older_than_days: int = MIN_TRASH_DAYS) -> int:
        """Delete for good the notes and local entries trashed more than ``older_than_days``
        days ago (≥ 30), and deleted territories left without either. Returns how many
        notes went."""
        with self.writing() as w:
            return w.purge_trash(older_than_days)

    def history(self, note_uuid: str) -> list[NoteVersion]:
        """Versions of a note, newest first (the first one is the current text)."""
        query = (
            select(note_versions)
            .where(note_versions.c.note_uuid == note_uuid)
            .order_by(note_versions.c.id.desc())
        )
        with self._read() as conn:
            return [version_record(r) for r in conn.execute(query)]

    def restore_version(self, version_id: int) -> Note:
        """Make an earlier version the current text, as a new version (the text it
        replaces stays in the history)."""
        with self.writing() as w:
            return w.restore_version(version_id)

    def notes_for_territory(self, territory: TerritoryRef, sort: str = "updated") -> list[Note]:
        """Live notes of a territory (conflict copies included) for "Mes notes".

        ``sort``: "updated" or "created" (newest first), "entry" (title, French order),
        "status" (follow-up order, then newest first).
        """
        if sort not in SORTS:
            raise NotesInputError(f"Tri inconnu : {sort}.", f"sort must be one of {SORTS}")
        tu = territory_uuid(territory)
        query = note_query().where(notes.c.territory_uuid == tu, notes.c.deleted_at.is_(None))
        with self._read() as conn:
            found = [note_record(r) for r in conn.execute(query)]
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
        query = note_query().where(notes.c.deleted_at.is_(None), territories.c.deleted_at.is_(None))
        with self._read() as conn:
            return [note_record(r) for r in conn.execute(query.order_by(notes.c.updated.desc()))]

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
            note = note_record(row)
            snippet, marks = make_snippet(note.text, terms)
            hits.append(SearchHit(note, snippet, marks))
        return hits

    def _matching_notes(
        self, match: str, territory: TerritoryRef | None, limit: int
    ) -> list[AnyRow]:
        sql = (
            note_query()
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
            sql = sql.where(notes.c.territory_uuid == territory_uuid(territory))
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
            notes.c.territory_uuid == territory_uuid(territory),
            notes.c.deleted_at.is_(None),
            func.trim(notes.c.text) != "",
        )
        with self._read() as conn:
            return set(conn.execute(query).scalars())

    def orphans(self, known_keys: set[str], territory: TerritoryRef | None = None) -> list[Note]:
        """Live notes whose entry is not in the catalogue any more ("Notes orphelines");
        ``entry_title`` keeps the old title to show."""
        query = note_query().where(notes.c.deleted_at.is_(None), territories.c.deleted_at.is_(None))
        if territory is not None:
            query = query.where(notes.c.territory_uuid == territory_uuid(territory))
        with self._read() as conn:
            found = [note_record(r) for r in conn.execute(query.order_by(notes.c.updated.desc()))]
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
        with self.writing() as w:
            return w.set_status(entry_key, territory_uuid(territory), status, date_, contact)

    def status(self, entry_key: str, territory: TerritoryRef) -> Status | None:
        query = select(statuses).where(
            statuses.c.entry_key == entry_key,
            statuses.c.territory_uuid == territory_uuid(territory),
        )
        with self._read() as conn:
            row = conn.execute(query).first()
        return status_record(row) if row is not None else None

    def statuses_for_territory(self, territory: TerritoryRef) -> dict[str, str]:
        """entry key → status key, for markers and the status facet."""
        query = select(statuses.c.entry_key, statuses.c.status).where(
            statuses.c.territory_uuid == territory_uuid(territory)
        )
        with self._read() as conn:
            return {key: value for key, value in conn.execute(query).all()}

    def status_conflicts(
        self, territory: TerritoryRef, entry_key: str | None = None
    ) -> list[StatusConflict]:
        """Follow-ups changed on another laptop too, kept beside the local ones (of one
        entry, or of the whole territory), oldest first."""
        query = select(status_conflicts).where(
            status_conflicts.c.territory_uuid == territory_uuid(territory)
        )
        if entry_key is not None:
            query = query.where(status_conflicts.c.entry_key == entry_key)
        with self._read() as conn:
            return [
                status_conflict_record(r)
                for r in conn.execute(query.order_by(status_conflicts.c.id))
            ]

    def resolve_status_conflict(self, conflict_id: int, keep: str) -> Status | None:
        """Settle a follow-up changed on two laptops: ``keep="local"`` leaves the local one
        as it is, ``"incoming"`` takes the other laptop's. The value set aside stays known,
        so importing the same file again changes nothing. Returns the follow-up now."""
        with self.writing() as w:
            return w.resolve_status_conflict(conflict_id, keep)

    # -- who writes here --------------------------------------------------------------------

    def author_initials(self) -> str | None:
        """The initials of the person using this laptop: they sign what she writes,
        whatever the territory (issue 12). None: never asked; "": she gave none."""
        with self.reading() as r:
            return r.author_initials()

    def set_author_initials(self, value: str) -> str:
        """Record them (trimmed; NotesInputError when invalid); returns them as stored."""
        with self.writing() as w:
            return w.set_author_initials(value)

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
