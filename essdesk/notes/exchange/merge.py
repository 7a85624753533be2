"""Importing an exchange file: the planner (what would happen, computed without writing) and
the applier (the same plan made again inside one write transaction of the store's unit of
work, :meth:`essdesk.notes.store.NotesStore.writing`, after a verified backup).

**Merge rules** (:func:`apply_import`: a backup ``avant-import`` first, then one transaction).
For an incoming note, in the local territory it goes to (see territories below):

1. *identical* — its text is already known here for that entry and territory (the current
   text of a note, a conflict copy, a note in the trash, any earlier version in a history,
   or a text purged from the trash, remembered by its digest): nothing to do. This is what
   makes a second import a no-op, and why a conflict resolved here (the losing copy goes to
   the trash) or a deleted note does not come back, even once the trash is emptied.
2. *update* (fast-forward) — the note with the same uuid is live here, its current text is
   one of the incoming note's earlier texts (``history``) and the incoming one is newer: the
   text is replaced, the local text stays in the note's history. An imported text enters
   the history as a version of its own (see :func:`_latest_version_time`), so typing right after
   an import does not erase the base the next exchange compares to. Known limit: typing
   within a minute *after an export* coalesces into the exported version, so the other side
   then sees a conflict (both texts are kept; nothing is lost).
3. otherwise the note is added: *new* when the entry has no note here for that territory,
   else *conflict*: kept beside the local note as a conflict copy (``conflict_of`` = the
   local note's uuid) for the user to resolve (:meth:`NotesStore.resolve_conflict`). A copy
   whose uuid is already taken here gets a uuid derived from (uuid, territory, text), so an
   import never overwrites a note.

Statuses (follow-ups) merge like texts, never by the laptops' clocks
(:func:`essdesk.notes.status_merge.merge_status`): changed over there only → taken; changed
here only, or already known → kept; changed on both sides → the incoming one is kept beside
the local one (``status_conflicts``) for the user to pick in the conflicts view. The preview
counts how many are new, updated, kept and in conflict.

Territories: the incoming uuid exists here → the same profile (a deleted one is brought back,
without the notes of its trash); else a live profile of the same name (case-insensitive) →
mapped to it; else created with the file's uuid, name and types. The preview's ``mapping``
({incoming uuid: local uuid, or None to create a new profile}) overrides this choice. A
profile created or brought back whose name is taken gets " (importé)" after it.

Notes for entries the catalogue does not know are imported like the others and flagged
``orphan`` in the preview ("Notes orphelines" shows them later). Any file that is not a sound
format-1 archive raises :class:`ExchangeError` (a French ``message``) before anything is
written.

Over 500 lines: the planner and the applier follow the same rules and are kept side by
side, so that a rule changed in one is seen in the other.
"""

from __future__ import annotations

import json
import uuid as uuidlib
from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import sqlalchemy.exc
from sqlalchemy import ColumnElement, func, or_, select

from essdesk import textfold
from essdesk.notes.exchange import messages
from essdesk.notes.exchange.format import (
    MAX_LINE,
    ExchangeFile,
    IncomingNote,
    IncomingStatus,
    IncomingTerritory,
)
from essdesk.notes.exchange.messages import ExchangeError
from essdesk.notes.exchange.reader import read_exchange_file
from essdesk.notes.local_entries import LOCAL_PREFIX
from essdesk.notes.local_exchange import LocalPlan
from essdesk.notes.records import Backup, Status
from essdesk.notes.rows import status_record
from essdesk.notes.schema import (
    forgotten_texts,
    note_versions,
    notes,
    statuses,
    territories,
    text_digest,
)
from essdesk.notes.status_merge import StatusAction, merge_status, settled
from essdesk.notes.store import NotesStore
from essdesk.notes.writing import COALESCE_SECONDS, NewNote, NotesReader, NotesWriter, TextChange

_NAMESPACE = uuidlib.UUID("6f1d3c0e-4b7a-4d0e-9a51-2f0b8f3f6c11")
"""Namespace of the uuids derived for copies (uuid5): stable, so re-imports find them."""


@dataclass(frozen=True)
class Counts:
    """How many incoming notes (and statuses) fall in each case."""

    new: int = 0
    identical: int = 0
    updated: int = 0
    conflicting: int = 0
    orphaned: int = 0  # of any action: entries this catalogue does not know
    statuses_new: int = 0
    statuses_updated: int = 0
    statuses_kept: int = 0  # identical, or newer here
    statuses_conflicting: int = 0  # changed on both sides: kept beside the local one

    @property
    def changes(self) -> int:
        return (
            self.new
            + self.updated
            + self.conflicting
            + self.statuses_new
            + self.statuses_updated
            + self.statuses_conflicting
        )

    def as_dict(self) -> dict[str, int]:
        return {
            "new": self.new,
            "identical": self.identical,
            "updated": self.updated,
            "conflicting": self.conflicting,
            "orphaned": self.orphaned,
            "statuses_new": self.statuses_new,
            "statuses_updated": self.statuses_updated,
            "statuses_kept": self.statuses_kept,
            "statuses_conflicting": self.statuses_conflicting,
        }

    @staticmethod
    def of(note_plans: Iterable[NotePlan], status_plans: Iterable[StatusPlan]) -> Counts:
        n: Counter[str] = Counter()
        orphans = 0
        for plan in note_plans:
            n[plan.action] += 1
            orphans += plan.orphan
        s = Counter(plan.action for plan in status_plans)
        return Counts(
            new=n["new"],
            identical=n["identical"],
            updated=n["update"],
            conflicting=n["conflict"],
            orphaned=orphans,
            statuses_new=s["new"],
            statuses_updated=s["update"],
            statuses_kept=s["identical"] + s["keep"],
            statuses_conflicting=s["conflict"],
        )


@dataclass(frozen=True)
class TerritoryPlan:
    """Where an incoming territory's notes go here."""

    incoming: IncomingTerritory
    action: str  # "existing" | "map" | "restore" | "create"
    local_uuid: str  # the local profile (for "create": the uuid it will get)
    local_name: str  # its name here (for "create": the name it will get)
    by_name: bool = False  # "map" chosen because the names match (not by the caller)
    counts: Counts = field(default_factory=Counts)

    @property
    def label(self) -> str:
        """French line for the preview ("Creuse — existe déjà ici")."""
        what = {
            "existing": "existe déjà ici",
            "map": f"rattaché au territoire « {self.local_name} »"
            + (" (même nom)" if self.by_name else ""),
            "restore": "profil supprimé ici : il sera rétabli"
            + (
                f" sous le nom « {self.local_name} »"
                if self.local_name != self.incoming.name
                else ""
            ),
            "create": "sera créé"
            + (
                f" sous le nom « {self.local_name} »"
                if self.local_name != self.incoming.name
                else ""
            ),
        }[self.action]
        return f"{self.incoming.name} — {what}"


@dataclass(frozen=True)
class NotePlan:
    """What the import does with one incoming note."""

    incoming: IncomingNote
    action: str  # "new" | "identical" | "update" | "conflict"
    territory_uuid: str  # local territory
    orphan: bool  # its entry is unknown to this catalogue
    note_uuid: str  # the local note written (new/conflict/update) or matched (identical)
    conflict_of: str | None = None  # for "conflict": the local note kept beside
    local_text: str | None = None  # for "update"/"conflict": the local text, for the dialog

    @property
    def label(self) -> str:
        return {
            "new": "nouvelle",
            "identical": "identique (déjà présente)",
            "update": "mise à jour (modifiée seulement de l'autre côté)",
            "conflict": "en conflit : gardée à côté de la note locale",
        }[self.action]


@dataclass(frozen=True)
class StatusPlan:
    incoming: IncomingStatus
    action: StatusAction  # "new" | "identical" | "update" | "keep" | "conflict"
    territory_uuid: str
    local: Status | None
    settles: frozenset[str] = frozenset()
    """Values kept here in conflict that the file's side saw and moved past: settled."""


@dataclass(frozen=True)
class ImportPreview:
    """What importing a file would do, computed without writing anything.

    Pass it back to :func:`apply_import`, which plans again inside its write transaction
    (the notes may have changed since) with the same file, mapping and known keys.
    """

    file: ExchangeFile
    mapping: tuple[tuple[str, str | None], ...]
    known_keys: frozenset[str] | None  # None: the catalogue could not be read, no orphans
    territories: tuple[TerritoryPlan, ...]
    notes: tuple[NotePlan, ...]
    statuses: tuple[StatusPlan, ...]
    counts: Counts
    local_entries: tuple[LocalPlan, ...] = ()

    @property
    def has_changes(self) -> bool:
        return (
            self.counts.changes > 0
            or any(t.action in ("create", "restore") for t in self.territories)
            or any(p.action in ("new", "update", "conflict") for p in self.local_entries)
            or any(p.settles for p in self.statuses)  # a conflict settled over there
        )

    @property
    def catalogue_checked(self) -> bool:
        return self.known_keys is not None

    def territory_plan(self, incoming_uuid: str) -> TerritoryPlan:
        return next(t for t in self.territories if t.incoming.uuid == incoming_uuid)

    def entries(self) -> list[tuple[str, str, list[NotePlan]]]:
        """(entry key, title, plans) grouped by entry in French title order, for the dialog."""
        groups: dict[str, list[NotePlan]] = {}
        for plan in self.notes:
            groups.setdefault(plan.incoming.entry_key, []).append(plan)
        rows = [
            (
                key,
                next((p.incoming.entry_title for p in plans if p.incoming.entry_title), ""),
                plans,
            )
            for key, plans in groups.items()
        ]
        rows.sort(key=lambda r: (textfold.sort_key(r[1] or r[0]), r[0]))
        return rows

    def summary_lines(self) -> list[str]:
        """The preview in French, one line per item (CLI ``--dry-run``, logs)."""
        return messages.summary_lines(self)

    def as_json(self) -> dict[str, Any]:
        f = self.file
        names = {t.incoming.uuid: t.local_name for t in self.territories}
        return {
            "file": str(f.path) if f.path else None,
            "format_version": f.format_version,
            "essdesk_version": f.essdesk_version,
            "catalogue_version": f.catalogue_version,
            "created": f.created.isoformat(),
            "catalogue_checked": self.catalogue_checked,
            "counts": self.counts.as_dict(),
            "territories": [
                {
                    "uuid": t.incoming.uuid,
                    "name": t.incoming.name,
                    "action": t.action,
                    "local_uuid": t.local_uuid,
                    "local_name": t.local_name,
                    "counts": t.counts.as_dict(),
                }
                for t in self.territories
            ],
            "notes": [
                {
                    "uuid": p.incoming.uuid,
                    "key": p.incoming.entry_key,
                    "title": p.incoming.entry_title,
                    "territory": names[p.incoming.territory_uuid],
                    "action": p.action,
                    "orphan": p.orphan,
                    "note_uuid": p.note_uuid,
                    "conflict_of": p.conflict_of,
                }
                for p in self.notes
            ],
            "local_entries": [
                {
                    "uuid": p.incoming.uuid,
                    "key": LOCAL_PREFIX + p.incoming.uuid,
                    "title": p.incoming.content.title,
                    "action": p.action,
                }
                for p in self.local_entries
            ],
        }


@dataclass(frozen=True)
class ImportResult:
    """What :func:`apply_import` did: the plan it carried out and the backup made first."""

    plan: ImportPreview
    backup: Backup | None  # None when there was nothing to change (no backup, no write)

    @property
    def counts(self) -> Counts:
        return self.plan.counts


@dataclass
class _LocalNote:
    uuid: str
    entry_key: str
    territory_uuid: str
    text: str
    updated: datetime
    deleted: bool
    conflict_of: str | None


@dataclass
class _Snapshot:
    """The local state an import is planned against (loaded in the plan's transaction)."""

    territories: dict[str, Any]  # uuid → row (uuid, name, deleted_at)
    notes: dict[str, _LocalNote]  # every note, any state
    primary: dict[tuple[str, str], str]  # (entry, territory) → uuid of the live note
    known: dict[tuple[str, str], set[str]]  # (entry, territory) → SHA-256 of every text seen
    statuses: dict[tuple[str, str], Status]
    status_known: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    """(entry, territory) → digests of every value its follow-up had here or kept in conflict."""
    status_held: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    """(entry, territory) → digests of the values kept in conflict."""

    @staticmethod
    def load(conn: NotesReader, file: ExchangeFile) -> _Snapshot:
        """Only the notes the file can meet: those of its entries, and those with its notes'
        uuids (a pull of 10 notes must not read and hash a laptop's 100,000)."""
        keys = {n.entry_key for n in file.notes}
        met = or_(
            _among(notes.c.entry_key, keys), _among(notes.c.uuid, (n.uuid for n in file.notes))
        )
        terrs = {
            r.uuid: r
            for r in conn.rows(
                select(territories.c.uuid, territories.c.name, territories.c.deleted_at)
            )
        }
        snap = _Snapshot(terrs, {}, {}, {}, {})
        for r in conn.rows(
            select(
                notes.c.uuid,
                notes.c.entry_key,
                notes.c.territory_uuid,
                notes.c.text,
                notes.c.updated,
                notes.c.deleted_at,
                notes.c.conflict_of,
            ).where(met)
        ):
            note = _LocalNote(
                r.uuid,
                r.entry_key,
                r.territory_uuid,
                r.text,
                datetime.fromisoformat(r.updated),
                r.deleted_at is not None,
                r.conflict_of,
            )
            snap.notes[note.uuid] = note
            key = (note.entry_key, note.territory_uuid)
            snap.known.setdefault(key, set()).add(text_digest(note.text))
            if not note.deleted and note.conflict_of is None:
                snap.primary[key] = note.uuid
        versions = (
            select(notes.c.entry_key, notes.c.territory_uuid, note_versions.c.text)
            .join(notes, notes.c.uuid == note_versions.c.note_uuid)
            .where(met)
        )
        for entry_key, tu, text in conn.rows(versions):
            snap.known.setdefault((entry_key, tu), set()).add(text_digest(text))
        forgotten = select(forgotten_texts).where(_among(forgotten_texts.c.entry_key, keys))
        for r in conn.rows(forgotten):  # purged from the trash
            snap.known.setdefault((r.entry_key, r.territory_uuid), set()).add(r.sha256)
        if file.statuses:  # a team pull carries none: nothing to read for them
            for r in conn.rows(select(statuses)):
                snap.statuses[(r.entry_key, r.territory_uuid)] = status_record(r)
            for key, digests in conn.status_histories(with_conflicts=True).items():
                snap.status_known[key] = set(digests)
            for key, digests in conn.held_statuses().items():
                snap.status_held[key] = set(digests)
        return snap


def _among(column: ColumnElement[str], values: Iterable[str]) -> ColumnElement[bool]:
    """``column IN (values)`` for any number of values: one JSON parameter (SQLite's
    ``json_each``), not one parameter per value."""
    listed = func.json_each(json.dumps(sorted(set(values)))).table_valued("value")
    return column.in_(select(listed.c.value))


def _folded(name: str) -> str:
    """How two profile names are found to be the same: cleaned, case-insensitive."""
    return textfold.clean_name(name).casefold()


def _plan_territories(
    file: ExchangeFile, snap: _Snapshot, mapping: Mapping[str, str | None]
) -> list[TerritoryPlan]:
    incoming_uuids = {t.uuid for t in file.territories}
    strays = sorted(set(mapping) - incoming_uuids)
    if strays:
        raise ExchangeError(
            "Correspondance de territoires invalide : un territoire choisi ne figure pas dans "
            "le fichier.",
            f"mapping keys not in file: {strays}",
        )
    live = {u: r for u, r in snap.territories.items() if r.deleted_at is None}
    by_name = {_folded(r.name): u for u, r in live.items()}
    plans: list[TerritoryPlan] = []
    pending: list[int] = []  # "create" and "restore" plans: their name is chosen below
    for it in file.territories:
        if it.uuid in mapping and mapping[it.uuid] is not None:
            target = mapping[it.uuid]
            if target not in live:
                raise ExchangeError(
                    "Correspondance de territoires invalide : le territoire de destination "
                    "n'existe pas (ou plus) ici.",
                    f"mapping target {target!r} is not a live territory",
                )
            action = "existing" if target == it.uuid else "map"
            plans.append(TerritoryPlan(it, action, target, live[target].name))
            continue
        uuid_ = it.uuid
        if it.uuid in mapping and it.uuid in snap.territories:
            # None: the caller wants a new profile although this one exists here; a derived
            # uuid keeps a second import with the same choice going to the same new profile.
            uuid_ = str(uuidlib.uuid5(_NAMESPACE, f"territory/{it.uuid}"))
        row = snap.territories.get(uuid_)
        if row is not None and row.deleted_at is None:
            plans.append(TerritoryPlan(it, "existing", uuid_, row.name))
        elif row is not None and _folded(row.name) in by_name:
            other = by_name[_folded(row.name)]
            plans.append(TerritoryPlan(it, "map", other, live[other].name, by_name=True))
        elif row is not None:
            pending.append(len(plans))
            plans.append(TerritoryPlan(it, "restore", uuid_, row.name))
        elif it.uuid not in mapping and _folded(it.name) in by_name:
            other = by_name[_folded(it.name)]
            plans.append(TerritoryPlan(it, "map", other, live[other].name, by_name=True))
        else:
            pending.append(len(plans))
            plans.append(TerritoryPlan(it, "create", uuid_, it.name))
    # Names are unique among live profiles: a profile created or brought back by this import
    # whose name is taken (by another one of this import) gets "(importé)", "(importé 2)"...
    taken = set(by_name)
    for index in pending:
        plan = plans[index]
        name, n = plan.local_name, 1
        while _folded(name) in taken:
            suffix = " (importé)" if n == 1 else f" (importé {n})"
            name = plan.local_name[: MAX_LINE - len(suffix)] + suffix
            n += 1
        taken.add(_folded(name))
        plans[index] = TerritoryPlan(plan.incoming, plan.action, plan.local_uuid, name)
    return plans


def _plan_notes(
    file: ExchangeFile,
    snap: _Snapshot,
    where: dict[str, str],
    known_keys: frozenset[str] | None,
    arrival_order: bool = False,
) -> list[NotePlan]:
    plans = []
    # Notes before conflict copies, oldest first: the first to arrive for an entry becomes
    # its note here, the others are kept beside it. The team sync gives its notes in the
    # server's order (arrival_order) and trusts their histories, never the laptops' clocks.
    ordered = (
        list(file.notes)
        if arrival_order
        else sorted(file.notes, key=lambda n: (n.conflict_of is not None, n.updated, n.uuid))
    )
    copies: dict[tuple[str, str], list[_LocalNote]] = {}
    if arrival_order:
        for note in snap.notes.values():
            if note.conflict_of is not None and not note.deleted:
                copies.setdefault((note.entry_key, note.territory_uuid), []).append(note)
    for inc in ordered:
        tu = where[inc.territory_uuid]
        key = (inc.entry_key, tu)
        digest = inc.digest
        known = snap.known.setdefault(key, set())
        orphan = known_keys is not None and inc.entry_key not in known_keys
        local = snap.notes.get(inc.uuid)
        same = (
            local is not None
            and local.entry_key == inc.entry_key
            and local.territory_uuid == tu
            and not local.deleted
        )
        if digest in known:
            matched = local.uuid if same and local is not None else snap.primary.get(key, "")
            plans.append(NotePlan(inc, "identical", tu, orphan, matched))
            continue
        if (
            same
            and local is not None
            and text_digest(local.text) in inc.history
            and (arrival_order or inc.updated > local.updated)
        ):
            plans.append(NotePlan(inc, "update", tu, orphan, local.uuid, local_text=local.text))
            local.text, local.updated = inc.text, inc.updated
            known.add(digest)
            continue
        # In the team sync, a conflict copy follows its author's later edits: a new version
        # of a text kept here as a copy updates that copy instead of adding a second one
        # (else each laptop would keep a different set of stale copies).
        follower = (
            next(
                (c for c in copies[key] if not c.deleted and text_digest(c.text) in inc.history),
                None,
            )
            if key in copies
            else None
        )
        if follower is not None:
            plans.append(
                NotePlan(inc, "update", tu, orphan, follower.uuid, local_text=follower.text)
            )
            follower.text, follower.updated = inc.text, inc.updated
            known.add(digest)
            continue
        new_uuid = inc.uuid
        if new_uuid in snap.notes:
            new_uuid = str(uuidlib.uuid5(_NAMESPACE, f"note/{inc.uuid}/{tu}/{digest}"))
            if new_uuid in snap.notes:  # the same copy, edited since: nothing new to add
                plans.append(NotePlan(inc, "identical", tu, orphan, new_uuid))
                continue
        primary = snap.primary.get(key)
        if primary is None:
            snap.primary[key] = new_uuid
            plans.append(NotePlan(inc, "new", tu, orphan, new_uuid))
        else:
            plans.append(
                NotePlan(
                    inc,
                    "conflict",
                    tu,
                    orphan,
                    new_uuid,
                    conflict_of=primary,
                    local_text=snap.notes[primary].text,
                )
            )
        snap.notes[new_uuid] = _LocalNote(
            new_uuid,
            inc.entry_key,
            tu,
            inc.text,
            inc.updated,
            False,
            primary,
        )
        if primary is not None:
            copies.setdefault(key, []).append(snap.notes[new_uuid])
        known.add(digest)
    return plans



def _plan_statuses(file: ExchangeFile, snap: _Snapshot, where: dict[str, str]) -> list[StatusPlan]:
    plans = []
    for inc in sorted(file.statuses, key=lambda s: (s.entry_key, s.territory_uuid)):
        tu = where[inc.territory_uuid]
        key = (inc.entry_key, tu)
        local = snap.statuses.get(key)
        known = snap.status_known.setdefault(key, set())
        held = snap.status_held.setdefault(key, set())
        action = merge_status(
            local.identity if local is not None else None, known, inc.identity, inc.history,
            same_value=local is not None and local.digest == inc.digest,
        )  # fmt: skip
        # the values held here that the other side saw and moved past go, even when what it
        # moved to meets ours in conflict (as in the team sync); not for an older value (keep)
        settles = settled(held, inc.identity, inc.history) if action != "keep" else set()
        plans.append(StatusPlan(inc, action, tu, local, frozenset(settles)))
        known.add(inc.identity)
        held -= settles
        if action == "conflict":
            held.add(inc.identity)
        if action in ("new", "update"):
            snap.statuses[key] = Status(
                inc.entry_key, tu, inc.status, inc.date, inc.contact, inc.updated, inc.author,
                inc.ident,
            )  # fmt: skip
    return plans


def _plan(
    conn: NotesReader,
    file: ExchangeFile,
    mapping: Mapping[str, str | None],
    known_keys: frozenset[str] | None,
    arrival_order: bool = False,
) -> ImportPreview:
    snap = _Snapshot.load(conn, file)
    terr_plans = _plan_territories(file, snap, mapping)
    where = {t.incoming.uuid: t.local_uuid for t in terr_plans}
    if known_keys is not None and file.local_entries:  # their notes are not orphans
        known_keys = known_keys | {LOCAL_PREFIX + e.uuid for e in file.local_entries}
    note_plans = _plan_notes(file, snap, where, known_keys, arrival_order)
    status_plans = _plan_statuses(file, snap, where)
    notes_by: dict[str, list[NotePlan]] = {}
    for np in note_plans:
        notes_by.setdefault(np.incoming.territory_uuid, []).append(np)
    statuses_by: dict[str, list[StatusPlan]] = {}
    for sp in status_plans:
        statuses_by.setdefault(sp.incoming.territory_uuid, []).append(sp)
    with_counts = tuple(
        TerritoryPlan(
            t.incoming,
            t.action,
            t.local_uuid,
            t.local_name,
            t.by_name,
            Counts.of(notes_by.get(t.incoming.uuid, []), statuses_by.get(t.incoming.uuid, [])),
        )
        for t in terr_plans
    )
    return ImportPreview(
        file=file,
        mapping=tuple(mapping.items()),
        known_keys=known_keys,
        territories=with_counts,
        notes=tuple(note_plans),
        statuses=tuple(status_plans),
        counts=Counts.of(note_plans, status_plans),
        local_entries=tuple(conn.local_plans(file.local_entries, where)),
    )


def preview_import(
    store: NotesStore,
    source: Path | str | ExchangeFile,
    known_keys: Collection[str] | None = None,
    mapping: Mapping[str, str | None] | None = None,
) -> ImportPreview:
    """What importing ``source`` would do; reads the file (validated) and the notes only.

    ``known_keys``: the catalogue's entry keys (``Catalogue.keys()``), to flag orphans; None
    when the catalogue cannot be read. ``mapping``: {incoming territory uuid: local territory
    uuid, or None for "create a new profile"}; territories not in it are placed by the rules
    of the module docstring. Raises :class:`ExchangeError` for a bad file or mapping.
    """
    file = source if isinstance(source, ExchangeFile) else read_exchange_file(source)
    keys = frozenset(known_keys) if known_keys is not None else None
    with store.reading() as reader:
        return _plan(reader, file, dict(mapping or {}), keys)


def apply_import(store: NotesStore, preview: ImportPreview) -> ImportResult:
    """Merge the previewed file additively, in one transaction, after a verified backup.

    The plan is made again inside the write transaction, so notes saved since the preview
    are taken into account. Nothing to change: no backup and no write at all. Any failure
    rolls the whole import back and raises (ExchangeError or NotesWriteError).
    """
    mapping = dict(preview.mapping)
    with store.reading() as reader:
        fresh = _plan(reader, preview.file, mapping, preview.known_keys)
    if not fresh.has_changes:
        return ImportResult(fresh, None)
    backup = store.make_backup("avant-import")
    try:
        with store.writing() as writer:
            plan = _plan(writer, preview.file, mapping, preview.known_keys)
            _execute(writer, plan)
    except sqlalchemy.exc.IntegrityError as exc:
        raise ExchangeError(
            "L'import n'a pas pu être appliqué (données incohérentes) ; rien n'a été modifié.",
            str(exc.orig),
        ) from exc
    return ImportResult(plan, backup)


def merge_in(
    writer: NotesWriter, file: ExchangeFile, *, arrival_order: bool = False
) -> ImportPreview:
    """Plan ``file`` and carry the plan out inside the caller's write transaction (the team
    sync's pull: ``arrival_order``, the server's order, trusted over the laptops' clocks)."""
    plan = _plan(writer, file, {}, None, arrival_order)
    _execute(writer, plan)
    return plan


def _latest_version_time(writer: NotesWriter) -> datetime:
    """When an imported text enters the history: its own date, but never later than this
    (outside the coalescing window), so that typing right after an import adds a version of
    its own and the imported text stays in the history (the base the next exchange compares
    to)."""
    return writer.now() - timedelta(seconds=COALESCE_SECONDS + 1)


def _execute(writer: NotesWriter, plan: ImportPreview) -> None:
    """Carry out a plan through the unit of work (in bulk: a workshop's file may carry
    thousands of notes)."""
    latest = _latest_version_time(writer)
    for tp in plan.territories:
        it = tp.incoming
        if tp.action == "create":
            writer.add_territory(
                tp.local_name,
                it.types,
                it.commune,
                it.code,
                it.initials,
                uuid=tp.local_uuid,
                created=it.created,
            )
        elif tp.action == "restore":
            writer.restore_territory(tp.local_uuid, name=tp.local_name, with_notes=False)
    writer.add_notes(
        [
            NewNote(
                uuid=np.note_uuid,
                entry_key=np.incoming.entry_key,
                territory_uuid=np.territory_uuid,
                text=np.incoming.text,
                created=np.incoming.created,
                updated=np.incoming.updated,
                entry_title=np.incoming.entry_title,
                conflict_of=np.conflict_of,
                author=np.incoming.author,
                version_at=min(np.incoming.updated, latest),
            )
            for np in plan.notes
            if np.action in ("new", "conflict")
        ]
    )
    writer.replace_texts(
        [
            TextChange(
                np.note_uuid,
                np.incoming.text,
                np.incoming.updated,
                author=np.incoming.author,
                entry_title=np.incoming.entry_title or None,
                version_at=min(np.incoming.updated, latest),
            )
            for np in plan.notes
            if np.action == "update"
        ]
    )

    def status(sp: StatusPlan) -> Status:
        i = sp.incoming
        return Status(
            i.entry_key, sp.territory_uuid, i.status, i.date, i.contact, i.updated, i.author,
            i.ident,
        )  # fmt: skip

    writer.put_statuses([status(sp) for sp in plan.statuses if sp.action in ("new", "update")])
    writer.add_status_conflicts([status(sp) for sp in plan.statuses if sp.action == "conflict"])
    for sp in plan.statuses:
        if sp.settles:
            writer.settle_status_conflicts((sp.incoming.entry_key, sp.territory_uuid), sp.settles)
    writer.apply_local_entries(plan.local_entries)
