"""The laptop side of the team server: connect, share, push, pull, status.

The local notes database stays the working copy. What the team has is a log of *changes*
on the server (:mod:`essdesk.team.server`), each identified by the SHA-256 of its content:

* ``territory`` — a shared territory profile (uuid, name, types…);
* ``note`` — a note's current text, with the digests of its earlier texts (its history), its
  author and the note it is a conflict copy of, exactly what an exchange file carries;
* ``trash`` — "this note, with this text, went to the trash";
* ``status`` — the follow-up of an entry for a territory (or its removal).

**Sync** = push, then pull. *Push*: the rows whose token (see ``_NOTE_TOKEN_SQL``) differs from
the one last sent or received are pending; they go up in one server transaction, then are
marked sent in one local transaction (a cut in between: the next push sends them again and
the server stores each change once). *Pull*: the team's changes numbered above this laptop's
cursor, read in one read-only server transaction, are merged in one local transaction that
also moves the cursor, with the exchange file's rules (:mod:`essdesk.notes.exchange`):
additive, a note edited on both sides becomes one conflict copy, a text already known here
(even trashed or purged) is not added again. The server's order decides, never the laptops'
clocks: notes are planned in log order and fast-forward on their history alone, follow-ups
go up with the values they have had and merge with the exchange file's rule in log order
(changed on both sides: both kept, each laptop's own value as its follow-up and the other
beside it; a choice made on one laptop settles the others, see :func:`_apply_status`), a
trash change sends a note to the trash only while it
still has the trashed text (an edit made elsewhere is never lost to a delete). A conflict
settled here (its copy sent to the trash) sends the note again with the copy's text in its
history, and the other laptops settle it the same way; a note restored from the trash here
is restored there too (see :func:`_settle_resolved`, :func:`_apply_restore`).

Over 500 lines: push, pull and the merge of the team's changes are one protocol, read
together.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import sqlalchemy.exc
from sqlalchemy import Engine

from essdesk.notes import status_merge
from essdesk.notes.exchange import (
    EXPORT_HISTORY,
    ExchangeFile,
    IncomingNote,
    IncomingTerritory,
    merge_in,
)
from essdesk.notes.records import Status, Territory
from essdesk.notes.rows import status_record
from essdesk.notes.schema import text_digest, timestamp
from essdesk.notes.status_merge import merge_status, status_digest
from essdesk.notes.store import NotesStore, TerritoryRef
from essdesk.notes.writing import NotesReader, NotesWriter, TextChange
from essdesk.team import collector, local_sync, server
from essdesk.team.errors import TeamUsageError, as_team_error
from essdesk.team.server import Change, change_id

SYNC_MINUTES = 5
"""How often the window syncs while connected."""


@dataclass(frozen=True)
class Link:
    """This laptop's connection to a team (row ``team_link``); never holds a password."""

    url: str
    team: str
    ca_file: str
    role: str
    read_only: bool
    last_seq: int
    last_sync: datetime | None

    @property
    def server(self) -> str:
        return server.describe(self.url)


@dataclass(frozen=True)
class SyncResult:
    pushed: int
    pulled: int
    conflicts: int
    pending: int
    server: str
    at: datetime

    def as_json(self) -> dict[str, Any]:
        return {
            "pushed": self.pushed,
            "pulled": self.pulled,
            "conflicts": self.conflicts,
            "pending": self.pending,
            "server": self.server,
        }


# What identifies the state of a note row for "pending or not" (equality only, never an order:
# clocks are untrusted), computed by SQLite so that finding what is pending is one query.
_NOTE_TOKEN_SQL = (
    "(n.updated || '|' || coalesce(n.deleted_at, '') || '|' || coalesce(n.conflict_of, '') "
    "|| '|' || length(n.text))"
)

_NOTE_ROWS = (
    "SELECT n.uuid, n.entry_key, n.territory_uuid, n.text, n.entry_title, n.created, n.updated, "
    f"n.author, n.conflict_of, n.deleted_at, {_NOTE_TOKEN_SQL} AS token, "
    "coalesce(s.digests, '') AS sent_digests, coalesce(s.token, '') AS sent_token FROM notes n "
    "LEFT JOIN team_sent s ON s.note_uuid = n.uuid "
)
"""A note row with its token and what was last sent or received of it (in this order:
:func:`_pending` and :func:`_mark_notes` unpack it)."""
_NOTES_AMONG = _NOTE_ROWS + "WHERE n.uuid IN (SELECT value FROM json_each(?))"
""":data:`_NOTE_ROWS` of the notes whose uuids a JSON list gives."""


# A follow-up row's token, the same way (SQLite only: one definition).
_STATUS_TOKEN_SQL = (
    "(s.status || '|' || coalesce(s.date, '') || '|' || s.contact || '|' || s.updated)"
)
_BY_KEY = "WHERE entry_key = ? AND territory_uuid = ?"


def _territory_payload(row: Any) -> dict[str, Any]:
    return {
        "uuid": row.uuid,
        "name": row.name,
        "types": row.types,
        "commune": row.commune,
        "code": row.code,
        "initials": row.initials,
        "created": row.created,
    }


def _territory_token(row: Any) -> str:
    return change_id(*(str(v) for v in _territory_payload(row).values()))


# -- the link ---------------------------------------------------------------------------------


def link(store: NotesStore) -> Link | None:
    """This laptop's team connection, or None when it is not connected."""
    with store.reading() as reader:
        return _link(reader)


def _link(reader: NotesReader) -> Link | None:
    row = reader.bookkeeping("SELECT * FROM team_link WHERE id = 1").first()
    if row is None:
        return None
    return Link(
        row.url,
        row.team,
        row.ca_file,
        row.role,
        bool(row.read_only),
        int(row.last_seq),
        datetime.fromisoformat(row.last_sync) if row.last_sync else None,
    )


def require_link(store: NotesStore) -> Link:
    with store.reading() as reader:
        return _require_link(reader)


def _require_link(reader: NotesReader) -> Link:
    found = _link(reader)
    if found is None:
        raise TeamUsageError(
            "Cet ordinateur n'est relié à aucune équipe : « essdesk team connect URL --team "
            "NOM » d'abord (ou Fichier › « Équipe… »).",
            "not connected",
        )
    return found


def connect(store: NotesStore, url: str, team: str, ca_file: str = "", password: str = "") -> Link:
    """Join ``team`` as ``url``'s user: checks the membership on the server, then records the
    link (never the password). The team's shared territories arrive at the first sync."""
    engine = server.make_engine(url, ca_file, password=password)
    try:
        member = server.run(engine, lambda c: server.membership(c, team), server.describe(url))
    finally:
        engine.dispose()
    with store.writing() as writer:
        previous = _link(writer)
        if previous is not None and (previous.url, previous.team.lower()) != (
            url,
            member.team.lower(),
        ):
            _forget_link(writer)
        writer.bookkeep(
            "INSERT INTO team_link (id, url, team, ca_file, role, read_only) "
            "VALUES (1, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET url = excluded.url, "
            "team = excluded.team, ca_file = excluded.ca_file, role = excluded.role, "
            "read_only = excluded.read_only",
            (url, member.team, ca_file, member.role, member.read_only),
        )
    return require_link(store)


def _forget_link(writer: NotesWriter) -> None:
    for table in ("team_link", "team_territories", "team_sent", "team_sent_statuses",
                  local_sync.TABLE):  # fmt: skip
        writer.bookkeep(f"DELETE FROM {table}")


def disconnect(store: NotesStore) -> None:
    """Leave the team: the local notes stay, only the bookkeeping goes."""
    require_link(store)
    with store.writing() as writer:
        _forget_link(writer)


def share(store: NotesStore, territory: TerritoryRef) -> Territory:
    """This local territory profile now belongs to the team (goes up at the next sync)."""
    require_link(store)
    tu = territory.uuid if isinstance(territory, Territory) else territory
    found = store.territory(tu)
    with store.writing() as writer:
        writer.bookkeep(
            "INSERT INTO team_territories (uuid) VALUES (?) ON CONFLICT DO NOTHING", (found.uuid,)
        )
    return found


def shared_territories(store: NotesStore) -> set[str]:
    with store.reading() as reader:
        return set(reader.bookkeeping("SELECT uuid FROM team_territories").scalars())


# -- what is pending --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Sent:
    """A note as last sent or received: its row's token and the digests of its texts."""

    entry_key: str
    territory_uuid: str
    token: str
    digests: list[str]


@dataclass
class _Outgoing:
    changes: list[Change]
    territories: dict[str, str]  # uuid → token
    notes: dict[str, _Sent]  # note uuid → what will have been sent
    statuses: dict[tuple[str, str], str | None]  # key → token (None: removal sent)
    local: dict[str, local_sync.Sent] = field(default_factory=dict)  # local entries


def _pending(reader: NotesReader, author: str) -> _Outgoing:
    out = _Outgoing([], {}, {}, {})
    for row in reader.bookkeeping(
        "SELECT t.*, tt.sent FROM territories t JOIN team_territories tt ON tt.uuid = t.uuid"
    ):
        token = _territory_token(row)
        if row.sent != token:
            payload = _territory_payload(row)
            out.changes.append(Change(token, "territory", row.uuid, payload))
            out.territories[row.uuid] = token
    rows = list(
        reader.bookkeeping(
            _NOTE_ROWS + "JOIN team_territories tt ON tt.uuid = n.territory_uuid "
            f"WHERE s.token IS NULL OR s.token != {_NOTE_TOKEN_SQL}"
        ).all()
    )
    digests: dict[str, str] = {}  # text → digest: a note's text is its newest version's too
    # Conflict copies sent to the trash here (a conflict resolved, or a copy discarded): their
    # note goes up again with their texts in its history, so that the others drop the same
    # copies (see _settle_resolved).
    resolved: dict[str, list[str]] = {}
    for row in rows:
        if row.deleted_at is not None and row.conflict_of is not None:
            resolved.setdefault(row.conflict_of, []).append(text_digest(row.text))
    if resolved:
        listed = {r.uuid for r in rows}
        parents = [u for u in resolved if u not in listed]
        rows += reader.bookkeeping(_NOTES_AMONG, (json.dumps(parents),)).all()
    histories = _histories(reader, [r.uuid for r in rows if r.deleted_at is None], digests)
    # Unpacked, not read by attribute: 10,000 notes at a first sync.
    for (uuid_, entry_key, tu, body, title, created, updated, by, conflict_of, deleted_at,
         token, sent_digests, sent_token) in rows:  # fmt: skip
        digest = digests.get(body) or text_digest(body)
        sent = sent_digests.split()
        if deleted_at is not None:
            # Its date in the identity: trashed again after a restore is a change of its own.
            cid = change_id("trash", uuid_, digest, deleted_at)
            payload = {"uuid": uuid_, "entry_key": entry_key, "territory_uuid": tu,
                       "digest": digest}  # fmt: skip
            out.changes.append(Change(cid, "trash", tu, payload))
        else:
            # The texts sent before count as this note's history even when typing within a
            # minute coalesced over them here: the others compare to them.
            settled = sorted(set(resolved[uuid_])) if uuid_ in resolved else []
            history = list(
                dict.fromkeys([*histories.get(uuid_, [digest]), *reversed(sent), *settled])
            )
            payload = {
                "uuid": uuid_,
                "entry_key": entry_key,
                "territory_uuid": tu,
                "entry_title": title,
                "text": body,
                "created": created,
                "updated": updated,
                "author": by or author,
                "conflict_of": conflict_of,
                "history": history[:EXPORT_HISTORY],
            }
            identity = ["note", uuid_, digest]
            trashed_when_sent = sent_token.split("|")[1] if sent_token else ""
            if trashed_when_sent:  # restored from the trash here: the others restore it too
                payload["restored"] = trashed_when_sent
                identity += ["restored", trashed_when_sent]
            if settled:
                payload["resolved"] = settled
                identity += ["resolved", *settled]
            out.changes.append(Change(change_id(*identity), "note", tu, payload))
        out.notes[uuid_] = _Sent(entry_key, tu, token, [*sent, digest])
    # Notes purged from the trash before their deletion went up: the delete still travels.
    purged = reader.bookkeeping(
        "SELECT s.* FROM team_sent s JOIN team_territories tt ON tt.uuid = s.territory_uuid "
        "WHERE NOT EXISTS (SELECT 1 FROM notes n WHERE n.uuid = s.note_uuid)"
    ).all()
    for row in purged:
        deleted = row.token.split("|")[1]
        sent = row.digests.split()
        if not deleted and sent:
            payload = {"uuid": row.note_uuid, "entry_key": row.entry_key,
                       "territory_uuid": row.territory_uuid, "digest": sent[-1]}  # fmt: skip
            cid = change_id("trash", row.note_uuid, sent[-1])
            out.changes.append(Change(cid, "trash", row.territory_uuid, payload))
            out.notes[row.note_uuid] = _Sent(row.entry_key, row.territory_uuid, "|purged||0", sent)
    pending_statuses = reader.bookkeeping(
        "SELECT s.entry_key, s.territory_uuid, s.status, s.date, s.contact, s.updated, "
        f"s.author, s.ident, {_STATUS_TOKEN_SQL} AS token "
        "FROM statuses s JOIN team_territories tt ON tt.uuid = s.territory_uuid "
        "LEFT JOIN team_sent_statuses ss ON ss.entry_key = s.entry_key "
        "AND ss.territory_uuid = s.territory_uuid "
        f"WHERE ss.token IS NULL OR ss.token != {_STATUS_TOKEN_SQL} "
        "UNION ALL "
        "SELECT ss.entry_key, ss.territory_uuid, NULL, NULL, '', NULL, '', NULL, NULL "
        "FROM team_sent_statuses ss JOIN team_territories tt ON tt.uuid = ss.territory_uuid "
        "WHERE ss.token != '' AND NOT EXISTS (SELECT 1 FROM statuses s "
        "WHERE s.entry_key = ss.entry_key AND s.territory_uuid = ss.territory_uuid)"
    ).all()
    # Each follow-up goes up with the values it has had here (a removal: the values it
    # removed), as an exchange file carries them: the others merge it with the same rule.
    followed = reader.status_histories() if pending_statuses else {}
    for row in pending_statuses:
        key = (row.entry_key, row.territory_uuid)
        payload = {
            "entry_key": row.entry_key,
            "territory_uuid": row.territory_uuid,
            "status": row.status,
            "date": row.date,
            "contact": row.contact,
            "updated": row.updated,
            "author": row.author or (author if row.status is not None else ""),
            "history": followed.get(key, [])[:EXPORT_HISTORY],
            **({"ident": row.ident} if row.ident else {}),  # a return to an earlier value
        }
        cid = change_id("status", json.dumps(payload, sort_keys=True), author)
        out.changes.append(Change(cid, "status", row.territory_uuid, payload))
        out.statuses[key] = row.token  # None: removed
    local_sync.pending(reader, out.changes, out.local)
    return out


def _histories(
    reader: NotesReader, note_uuids: list[str], digests: dict[str, str]
) -> dict[str, list[str]]:
    """Digests of each note's texts, newest first (as many as an exchange file carries);
    ``digests`` (text → digest) is filled on the way."""
    found: dict[str, list[str]] = {}
    rows = reader.bookkeeping(
        "SELECT note_uuid, text FROM note_versions "
        "WHERE note_uuid IN (SELECT value FROM json_each(?)) ORDER BY note_uuid, id DESC",
        (json.dumps(note_uuids),),
    ).all()
    for note_uuid, body in rows:
        known = found.setdefault(note_uuid, [])
        if len(known) < EXPORT_HISTORY:
            digest = digests.get(body)
            if digest is None:
                digest = digests[body] = text_digest(body)
            known.append(digest)
    return found


def pending_count(store: NotesStore) -> int:
    """How many local changes wait for the next push (0 when not connected)."""
    with store.reading() as reader:
        current = _link(reader)
        if current is None or current.read_only:
            return 0
        return len(_pending(reader, current.role).changes)


def _mark_sent(writer: NotesWriter, out: _Outgoing) -> None:
    writer.bookkeep(
        "UPDATE team_territories SET sent = ? WHERE uuid = ?",
        [(sent, uuid_) for uuid_, sent in out.territories.items()],
    )
    _record_sent(writer, out.notes)
    local_sync.mark_sent(writer, out.local)
    _record_sent_statuses(
        writer, [(k, t, "" if token is None else token) for (k, t), token in out.statuses.items()]
    )


def _record_sent_statuses(writer: NotesWriter, rows: list[tuple[str, str, str]]) -> None:
    writer.bookkeep(
        "INSERT INTO team_sent_statuses (entry_key, territory_uuid, token) VALUES (?, ?, ?) "
        "ON CONFLICT (entry_key, territory_uuid) DO UPDATE SET token = excluded.token",
        rows,
    )


# -- pull -------------------------------------------------------------------------------------


def _apply(writer: NotesWriter, changes: list[Change]) -> tuple[int, int]:
    """Merge pulled changes in the caller's unit of work; returns (changes that did
    something, conflict copies added)."""
    touched: set[str] = set()
    written: dict[str, str] = {}  # note uuid → digest of the text the merge gave it
    done = 0
    for ch in changes:
        if ch.kind == "territory":
            done += _apply_territory(writer, ch.payload)
    local_done, conflicts = local_sync.apply(writer, changes)
    done += local_done
    notes_in = [ch for ch in changes if ch.kind == "note"]
    if notes_in:
        terr_uuids = sorted({ch.territory_uuid for ch in notes_in})
        local_terrs = {
            r.uuid: r
            for r in writer.bookkeeping("SELECT * FROM territories").all()
            if r.uuid in terr_uuids
        }
        file = ExchangeFile(
            path=None,
            format_version=1,
            essdesk_version="",
            catalogue_version=None,
            created=writer.now(),
            scope="all",
            territories=tuple(
                IncomingTerritory(
                    r.uuid,
                    r.name,
                    tuple(t for t in r.types.split(",") if t),
                    r.commune,
                    r.code,
                    r.initials,
                    datetime.fromisoformat(r.created),
                )
                for r in local_terrs.values()
            ),
            notes=tuple(
                _incoming_note(ch.payload) for ch in notes_in if ch.territory_uuid in local_terrs
            ),
            statuses=(),
            sha256="",
        )
        plan = merge_in(writer, file, arrival_order=True)
        for np in plan.notes:  # in the order the merge wrote them: the last text stays
            if np.action != "identical":
                done += 1
                touched.add(np.note_uuid)
                written[np.note_uuid] = np.incoming.digest
            conflicts += np.action == "conflict"
        dropped = _settle_resolved(writer, notes_in)
        for uuid_ in dropped:  # their text may have changed again: read back
            written.pop(uuid_, None)
        touched.update(dropped)
        done += len(dropped)
    for ch in changes:  # in the log's order: trashed, restored, trashed again…
        if ch.kind == "trash":
            trashed = _apply_trash(writer, ch.payload)
            touched.update(trashed)
            done += bool(trashed)
        elif ch.kind == "note" and ch.payload.get("restored"):
            restored = _apply_restore(writer, ch.payload)
            touched.update(restored)
            done += bool(restored)
        elif ch.kind == "status":
            changed, added = _apply_status(writer, ch.payload)
            done += changed
            conflicts += added
    if touched:
        _mark_notes(writer, touched, written)
    return done, conflicts


def _settle_resolved(writer: NotesWriter, notes_in: list[Change]) -> list[str]:
    """A note sent with conflict copies settled over there (``resolved``: their texts are in
    its history): here too the note takes its text if it had one of those, and the copies
    whose text it supersedes go to the trash, even a copy this very pull brought (the text
    the other laptop settled). A copy with the settled text itself stays while the note here
    has another (edited here meanwhile: a conflict still open)."""
    touched: list[str] = []
    for ch in notes_in:
        p = ch.payload
        if not p.get("resolved"):
            continue
        superseded = {*p.get("history", ()), *p["resolved"]}
        settled = text_digest(p["text"])
        rows = writer.bookkeeping(
            "SELECT uuid, text, conflict_of FROM notes WHERE entry_key = ? "
            "AND territory_uuid = ? AND deleted_at IS NULL ORDER BY conflict_of IS NOT NULL",
            (p["entry_key"], p["territory_uuid"]),
        ).all()
        primary = next((r for r in rows if r.conflict_of is None), None)
        here = text_digest(primary.text) if primary is not None else ""
        if primary is not None and here != settled and here in superseded:
            change = TextChange(
                primary.uuid, p["text"], datetime.fromisoformat(p["updated"]), p.get("author", "")
            )
            writer.replace_texts([change])
            touched.append(primary.uuid)
            here = settled
        for row in rows:
            digest = text_digest(row.text)
            if row.conflict_of is None:
                continue
            if (digest in superseded and digest != settled) or (digest == settled == here):
                writer.delete_note(row.uuid)
                touched.append(row.uuid)
    return touched


def _apply_restore(writer: NotesWriter, p: dict[str, Any]) -> list[str]:
    """A note restored from the trash over there comes back here, if it is in the trash
    here with the same text (edited meanwhile, it travels as a note of its own)."""
    row = writer.bookkeeping(
        "SELECT text, deleted_at FROM notes WHERE uuid = ?", (p["uuid"],)
    ).first()
    if row is None or row.deleted_at is None or row.text != p["text"]:
        return []
    writer.restore_from_trash(p["uuid"])
    return [p["uuid"]]


def _incoming_note(p: dict[str, Any]) -> IncomingNote:
    return IncomingNote(
        uuid=p["uuid"],
        entry_key=p["entry_key"],
        entry_title=p.get("entry_title", ""),
        territory_uuid=p["territory_uuid"],
        text=p["text"],
        created=datetime.fromisoformat(p["created"]),
        updated=datetime.fromisoformat(p["updated"]),
        author=p.get("author", ""),
        conflict_of=p.get("conflict_of"),
        history=frozenset(p.get("history", ())),
    )


def _territory_row(reader: NotesReader, uuid_: str) -> Any:
    return reader.bookkeeping("SELECT * FROM territories WHERE uuid = ?", (uuid_,)).first()


def _apply_territory(writer: NotesWriter, p: dict[str, Any]) -> int:
    """A shared profile: created here if missing (a name taken here gets « (équipe) »), else
    updated unless it was changed here and not sent yet (then ours goes up and wins), or
    deleted here (it stays so)."""
    row = _territory_row(writer, p["uuid"])
    shared = writer.bookkeeping(
        "SELECT sent FROM team_territories WHERE uuid = ?", (p["uuid"],)
    ).first()
    name = _free_name(writer, p["name"], p["uuid"])
    types = [t for t in p["types"].split(",") if t]
    fields = {"commune": p["commune"], "code": p["code"], "initials": p["initials"]}
    if row is None:
        created = datetime.fromisoformat(p["created"])
        writer.add_territory(name, types, **fields, uuid=p["uuid"], created=created)
    elif shared is not None and shared.sent not in ("", _territory_token(row)):
        return 0  # edited here since it was last sent: ours goes up at the next push
    elif _territory_payload(row) != {**p, "name": name} and row.deleted_at is None:
        writer.update_territory(p["uuid"], name=name, types=types, **fields)
    fresh = _territory_row(writer, p["uuid"])
    changed = row is None or _territory_payload(row) != _territory_payload(fresh)
    writer.bookkeep(
        "INSERT INTO team_territories (uuid, sent) VALUES (?, ?) "
        "ON CONFLICT (uuid) DO UPDATE SET sent = excluded.sent",
        (p["uuid"], _territory_token(fresh)),
    )
    return int(changed)


def _free_name(reader: NotesReader, name: str, uuid_: str) -> str:
    taken = {
        n.casefold()
        for n in reader.bookkeeping(
            "SELECT name FROM territories WHERE deleted_at IS NULL AND uuid != ?", (uuid_,)
        ).scalars()
    }
    candidate, n = name, 1
    while candidate.casefold() in taken:
        candidate = f"{name} (équipe)" if n == 1 else f"{name} (équipe {n})"
        n += 1
    return candidate


def _apply_trash(writer: NotesWriter, p: dict[str, Any]) -> list[str]:
    """The note goes to the trash here if it still has the text trashed over there; a conflict
    copy left without its note then takes the note's place."""
    row = writer.bookkeeping(
        "SELECT uuid, text, conflict_of FROM notes WHERE uuid = ? AND deleted_at IS NULL",
        (p["uuid"],),
    ).first()
    if row is None or text_digest(row.text) != p["digest"]:
        return []
    writer.delete_note(row.uuid)
    heir = writer.hand_over(row.uuid) if row.conflict_of is None else None
    return [row.uuid] if heir is None else [row.uuid, heir]


_STATUS_ROW = f"SELECT s.*, {_STATUS_TOKEN_SQL} AS token FROM statuses s " + _BY_KEY


def _apply_status(writer: NotesWriter, p: dict[str, Any]) -> tuple[int, int]:
    """A follow-up from the log, merged with the exchange file's rule
    (:func:`~essdesk.notes.status_merge.merge_status`), in the log's order: changed over
    there only → taken; changed on both sides (or here since the last sync, even back to an
    older value) → this laptop's stays the follow-up and the other is kept beside it for the
    user to pick; a value kept in conflict that the other side saw and moved past → settled.
    A removal removes only the value it removed (an edit made meanwhile is never lost to it).
    Returns (changed, conflicts added)."""
    key = (p["entry_key"], p["territory_uuid"])
    local = writer.bookkeeping(_STATUS_ROW, key).first()
    sent = writer.bookkeeping(f"SELECT token FROM team_sent_statuses {_BY_KEY}", key).scalar()
    unsent = (local.token if local is not None else "") != (sent or "")
    if "history" not in p:  # pushed by an essdesk of before the rule: the log's order alone
        return (0 if unsent else _take_status(writer, key, p)), 0
    mine = status_record(local).identity if local is not None else None
    history = set(p["history"])
    held = set(writer.held_statuses(key).get(key, []))
    if p["status"] is None:  # removed over there, from one of the values in its history
        if unsent or mine is None or mine not in history:
            return 0, 0
        writer.remove_statuses([key])
        writer.settle_status_conflicts(key, held & history)
        _record_sent_statuses(writer, [(*key, "")])
        return 1, 0
    value = status_digest(p["status"], p["date"], p["contact"])
    incoming = p.get("ident") or value
    known = set(writer.status_histories(key, with_conflicts=True).get(key, []))
    same_value = local is not None and status_record(local).digest == value
    action = merge_status(mine, known, incoming, history, same_value=same_value)
    if action == "keep":
        return 0, 0
    changed = writer.settle_status_conflicts(key, status_merge.settled(held, incoming, history))
    if action == "conflict" or (unsent and action == "update"):
        writer.add_status_conflicts([_status_of(p)])
        return changed + 1, 1
    if action in ("new", "update"):
        changed += _take_status(writer, key, p)
    return changed, 0


def _status_of(p: dict[str, Any]) -> Status:
    updated = datetime.fromisoformat(p["updated"])
    return Status(
        p["entry_key"], p["territory_uuid"], p["status"], p["date"], p["contact"], updated,
        p.get("author", ""), p.get("ident"),
    )  # fmt: skip


def _take_status(writer: NotesWriter, key: tuple[str, str], p: dict[str, Any]) -> int:
    """``p`` becomes the follow-up here, as on the server: not pending."""
    before = writer.bookkeeping(_STATUS_ROW, key).first()
    if p["status"] is None:
        writer.remove_statuses([key])
    else:
        writer.put_statuses([_status_of(p)])
    after = writer.bookkeeping(_STATUS_ROW, key).first()
    token = after.token if after is not None else ""
    _record_sent_statuses(writer, [(*key, token)])
    return int((before.token if before is not None else "") != token)


def _mark_notes(writer: NotesWriter, note_uuids: Iterable[str], written: Mapping[str, str]) -> None:
    """Notes written by a pull are on the server already: not pending.

    ``written``: note uuid → digest of the text the merge just gave it. Such a note of which
    nothing was sent or received before (a first sync's 10,000) is marked in one statement,
    without being read back; the others are read back, their text's digest added to what was
    sent of them."""
    listed = list(note_uuids)
    fresh = json.dumps({u: written[u] for u in listed if u in written})
    marked = writer.bookkeeping(  # before: a note purged here and back, say
        "SELECT s.note_uuid FROM json_each(?) f JOIN team_sent s ON s.note_uuid = f.key",
        (fresh,),
    ).scalars()
    again = [*(u for u in listed if u not in written), *marked]
    rows = writer.bookkeeping(_NOTES_AMONG, (json.dumps(again),)).all()
    _record_sent(
        writer,
        {
            uuid_: _Sent(entry_key, tu, token, [*sent.split(), text_digest(body)])
            for uuid_, entry_key, tu, body, *_, token, sent, _sent_token in rows
        },
    )
    writer.bookkeep(
        "INSERT INTO team_sent (note_uuid, entry_key, territory_uuid, token, digests) "
        f"SELECT n.uuid, n.entry_key, n.territory_uuid, {_NOTE_TOKEN_SQL}, f.value "
        "FROM json_each(?) f JOIN notes n ON n.uuid = f.key "
        "WHERE NOT EXISTS (SELECT 1 FROM team_sent s WHERE s.note_uuid = n.uuid)",
        (fresh,),
    )


def _record_sent(writer: NotesWriter, sent: dict[str, _Sent]) -> None:
    if sent:
        writer.bookkeep(
            "INSERT INTO team_sent (note_uuid, entry_key, territory_uuid, token, digests) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (note_uuid) DO UPDATE SET "
            "token = excluded.token, digests = excluded.digests",
            [
                (
                    u,
                    x.entry_key,
                    x.territory_uuid,
                    x.token,
                    x.digests[0]  # a note sent or received once: 10,000 at a first sync
                    if len(x.digests) == 1
                    else " ".join(list(dict.fromkeys(x.digests))[-EXPORT_HISTORY:]),
                )
                for u, x in sent.items()
            ],
        )


# -- sync -------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=4)
def _engine(url: str, ca_file: str, password: str) -> Engine:
    """One engine per server and credentials for the session: it holds no connection
    (``NullPool``), but it learns the server's dialect details once, not at every sync."""
    return server.make_engine(url, ca_file, password=password)


def sync(store: NotesStore, engine: Engine | None = None, password: str = "") -> SyncResult:
    """Push what is pending, then pull what the team has; see the module docstring.
    ``password``: one typed in the window and kept in memory (else libpq's pgpass).

    Raises :class:`TeamError` (French message) when the server is unreachable, refuses the
    password or TLS, or the role lacks rights: then nothing was half-applied on either side.
    """
    with collector.paused():  # thousands of changes built and merged: see collector
        return _sync(store, engine, password)


def _sync(store: NotesStore, engine: Engine | None, password: str) -> SyncResult:
    with store.reading() as reader:
        current = _require_link(reader)
        out = _Outgoing([], {}, {}, {}) if current.read_only else _pending(reader, current.role)
    where = current.server
    engine = engine or _engine(current.url, current.ca_file, password)
    pushed = 0
    mine: set[str] = set()
    cursor = current.last_seq
    try:
        # One connection: a connection costs a TLS and SCRAM handshake.
        with engine.connect() as remote:
            if out.changes:
                with remote.begin():
                    member = server.membership(remote, current.team)
                    pushed, base = server.push_changes(remote, member.team_id, out.changes)
                with store.writing() as writer:
                    _mark_sent(writer, out)
                mine = {c.change_id for c in out.changes if c.kind != "status"}
                if base == cursor:  # nobody pushed since this laptop's last pull: what
                    cursor += pushed  # follows it is this push, here already
            # The pull is one statement (one snapshot): no transaction around it.
            remote.execution_options(isolation_level="AUTOCOMMIT")
            member, changes = server.read_team(remote, current.team, cursor)
            if member.last_seq < cursor:  # the server went back in time (restored, failover)
                member, changes = server.read_team(remote, current.team, 0)
    except sqlalchemy.exc.SQLAlchemyError as exc:
        raise as_team_error(exc, where) from exc
    with store.writing() as writer:
        if member.last_seq < current.last_seq:
            # The server went back in time (restored, failover): everything here goes up
            # again (the server keeps each change once).
            writer.bookkeep("DELETE FROM team_sent")
            writer.bookkeep("DELETE FROM team_sent_statuses")
            writer.bookkeep(f"DELETE FROM {local_sync.TABLE}")
            writer.bookkeep("UPDATE team_territories SET sent = ''")
        # What this sync just sent is here already (statuses excepted: their order counts).
        pulled, conflicts = _apply(writer, [c for c in changes if c.change_id not in mine])
        last = changes[-1].seq if changes else member.last_seq
        writer.bookkeep(
            "UPDATE team_link SET last_seq = ?, last_sync = ?, read_only = ? WHERE id = 1",
            (max(last, 0), timestamp(datetime.now(UTC)), member.read_only),
        )
        # Everything pending at the start went up; only what was written meanwhile, or a
        # change the pull kept back, can wait now (nothing to count when nothing moved).
        waiting = 0
        if (out.changes or changes) and not member.read_only:
            waiting = len(_pending(writer, current.role).changes)
    return SyncResult(pushed, pulled, conflicts, waiting, where, datetime.now(UTC))
