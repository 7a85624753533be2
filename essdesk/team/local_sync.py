"""The territory's own entries over the team server (issue 15), by the exchange file's rules.

A local entry of a shared territory travels as the record an exchange file carries
(:func:`essdesk.notes.local_exchange.entry_records`: its content, author, the digests of its
earlier contents, the entry it is a conflict copy of), in two kinds of change:

* ``local`` — an entry's current content; its change id is the SHA-256 of (uuid, content),
  so a version pushed twice is stored once;
* ``local_trash`` — "this entry, with this content, went to the trash" (its date in the
  change id: trashed again after a restore is a change of its own); an entry restored from
  the trash goes up as ``local`` marked ``restored``, and is restored on the others.

Pending = the rows whose token (:data:`_TOKEN_SQL`) differs from the one last sent or
received (``team_sent_local``), as for notes. A pull merges in log order with the exchange
file's plan (:func:`essdesk.notes.local_exchange.plan`) through the notes writer: additive;
an entry edited on one side fast-forwards on its history; edited on both sides, the other's
content is kept beside it as a conflict copy, on each laptop; a content already known here
(even purged) is not added again. A ``local_trash`` sends the entry to the trash only while
it still has the trashed content, and an edit arriving for an entry trashed here brings it
back: an edit made elsewhere is never lost to a delete.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from essdesk.notes.local_entries import content_digest
from essdesk.notes.local_exchange import (
    EXPORT_HISTORY,
    IncomingLocal,
    LocalRecordError,
    parse_records,
)
from essdesk.notes.writing import NotesReader, NotesWriter
from essdesk.team.server import Change, change_id

log = logging.getLogger(__name__)

KINDS = ("local", "local_trash")
TABLE = "team_sent_local"

_TOKEN_SQL = (
    "(l.updated || '|' || coalesce(l.deleted_at, '') || '|' || coalesce(l.conflict_of, '') "
    "|| '|' || length(l.data))"
)
"""What identifies the state of a local entry's row for "pending or not" (equality only)."""


@dataclass(frozen=True)
class Sent:
    """A local entry as last sent or received: its row's token, the digests of its contents."""

    territory_uuid: str
    token: str
    digests: tuple[str, ...]


def pending(reader: NotesReader, changes: list[Change], sent: dict[str, Sent]) -> None:
    """Add the shared territories' local entries changed since last sent to ``changes``, and
    what will then have been sent to ``sent`` (:func:`mark_sent` records it)."""
    rows = reader.bookkeeping(
        f"SELECT l.*, {_TOKEN_SQL} AS token, s.token AS sent_token, "
        "coalesce(s.digests, '') AS sent_digests FROM local_entries l "
        "JOIN team_territories tt ON tt.uuid = l.territory_uuid "
        f"LEFT JOIN {TABLE} s ON s.entry_uuid = l.uuid "
        f"WHERE s.token IS NULL OR s.token != {_TOKEN_SQL}"
    ).all()
    live = [row for row in rows if row.deleted_at is None]
    records = dict(
        zip(
            [row.uuid for row in live],
            reader.local_entry_records(
                live, {row.uuid: row.sent_digests.split() for row in live}
            ),
            strict=True,
        )
    )
    for row in rows:
        digest = content_digest(row.data)
        before = tuple(row.sent_digests.split())
        if row.deleted_at is not None:
            if row.sent_token is None:
                continue  # never went up: its deletion has nothing to tell
            payload = {"uuid": row.uuid, "territory_uuid": row.territory_uuid, "digest": digest}
            # Its date in the identity: trashed again after a restore is a change of its own.
            cid = change_id("local_trash", row.uuid, digest, row.deleted_at)
            changes.append(Change(cid, "local_trash", row.territory_uuid, payload))
        else:
            record = records[row.uuid]
            identity = [digest]
            trashed_when_sent = row.sent_token.split("|")[1] if row.sent_token else ""
            if trashed_when_sent:  # restored from the trash here: the others restore it too
                record["restored"] = trashed_when_sent
                identity += ["restored", trashed_when_sent]
            cid = change_id("local", row.uuid, *identity)
            changes.append(Change(cid, "local", row.territory_uuid, record))
        sent[row.uuid] = Sent(row.territory_uuid, row.token, (*before, digest))
    # Entries purged from the trash before their deletion went up: the delete still travels.
    purged = reader.bookkeeping(
        f"SELECT s.* FROM {TABLE} s JOIN team_territories tt ON tt.uuid = s.territory_uuid "
        "WHERE NOT EXISTS (SELECT 1 FROM local_entries l WHERE l.uuid = s.entry_uuid)"
    ).all()
    for row in purged:
        digests = tuple(row.digests.split())
        if row.token.split("|")[1] or not digests:
            continue  # its deletion went up already
        payload = {"uuid": row.entry_uuid, "territory_uuid": row.territory_uuid,
                   "digest": digests[-1]}  # fmt: skip
        cid = change_id("local_trash", row.entry_uuid, digests[-1])
        changes.append(Change(cid, "local_trash", row.territory_uuid, payload))
        sent[row.entry_uuid] = Sent(row.territory_uuid, "|purged||0", digests)


def mark_sent(writer: NotesWriter, sent: dict[str, Sent]) -> None:
    """Record what went up (or came down): those rows are not pending any more."""
    writer.bookkeep(
        f"INSERT INTO {TABLE} (entry_uuid, territory_uuid, token, digests) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (entry_uuid) DO UPDATE SET token = excluded.token, digests = excluded.digests",
        [
            (
                u,
                x.territory_uuid,
                x.token,
                " ".join(list(dict.fromkeys(x.digests))[-EXPORT_HISTORY:]),
            )
            for u, x in sent.items()
        ],
    )


def _tokens(
    reader: NotesReader, territory_uuids: Iterable[str]
) -> dict[str, tuple[str, str, str, str]]:
    """uuid → (territory, token, content, digests last sent) of the local entries of these
    territories."""
    wanted = sorted(set(territory_uuids))
    if not wanted:
        return {}
    marks = ",".join("?" * len(wanted))
    rows = reader.bookkeeping(
        f"SELECT l.uuid, l.territory_uuid, {_TOKEN_SQL}, l.data, coalesce(s.digests, '') "
        f"FROM local_entries l LEFT JOIN {TABLE} s ON s.entry_uuid = l.uuid "
        f"WHERE l.territory_uuid IN ({marks})",
        tuple(wanted),
    )
    return {u: (t, token, data, sent) for u, t, token, data, sent in rows}


def apply(writer: NotesWriter, changes: Sequence[Change]) -> tuple[int, int]:
    """Merge pulled local-entry changes, in log order, in the sync's local transaction;
    returns (changes that did something, conflict copies added)."""
    mine = [c for c in changes if c.kind in KINDS]
    if not mine:
        return 0, 0
    here = set(writer.bookkeeping("SELECT uuid FROM territories").scalars())
    touched = {c.territory_uuid for c in mine if c.territory_uuid in here}
    before = _tokens(writer, touched)
    done = conflicts = 0
    batch: dict[str, IncomingLocal] = {}

    def flush() -> None:
        nonlocal done, conflicts
        if batch:
            plans = writer.local_plans(list(batch.values()), {tu: tu for tu in here})
            counts = writer.apply_local_entries(plans)
            for plan in plans:  # an edit made elsewhere is never lost to a delete made here
                if plan.action == "update":
                    entry = writer.local_entry(plan.incoming.uuid)
                    if entry is not None and entry.deleted_at is not None:
                        writer.restore_local_entry(entry.uuid)
            done += sum(counts.get(a, 0) for a in ("new", "update", "conflict"))
            conflicts += counts.get("conflict", 0)
            batch.clear()

    for change in mine:
        if change.territory_uuid not in here:
            continue
        if change.kind == "local":
            incoming = _incoming(change.payload, here)
            if incoming is None:
                continue
            if incoming.uuid in batch:  # a later version of an entry in this batch
                flush()
            batch[incoming.uuid] = incoming
            if change.payload.get("restored"):  # in the log's order: trashed, restored…
                flush()
                done += _restore(writer, incoming)
        else:
            flush()
            done += _trash(writer, change.payload)
    flush()
    received = {  # read with what was sent of them: one query, not one per entry
        uuid_: Sent(tu, token, (*sent.split(), content_digest(data)))
        for uuid_, (tu, token, data, sent) in _tokens(writer, touched).items()
        if before.get(uuid_, ("", "", "", ""))[1] != token
    }
    mark_sent(writer, received)  # written by the pull: on the server already
    return done, conflicts


def _incoming(payload: Any, here: set[str]) -> IncomingLocal | None:
    """A pulled record, checked as an exchange file's (a server is input like any file)."""
    try:
        return parse_records([payload], here)[0]
    except LocalRecordError as exc:
        log.warning("team: local entry skipped: %s", exc.detail)
        return None


def _restore(writer: NotesWriter, incoming: IncomingLocal) -> int:
    """An entry restored from the trash over there comes back here, if it is in the trash
    here with the same content (edited meanwhile, the merge has kept both)."""
    entry = writer.local_entry(incoming.uuid)
    if entry is None or entry.deleted_at is None or entry.content != incoming.content:
        return 0
    writer.restore_local_entry(entry.uuid)
    return 1


def _trash(writer: NotesWriter, payload: Any) -> int:
    """The entry goes to the trash here if it still has the content trashed over there."""
    try:
        entry = writer.local_entry(str(payload["uuid"]))
    except (KeyError, TypeError):
        return 0
    if entry is None or entry.deleted_at is not None:
        return 0
    if content_digest(entry.content.to_json()) != payload.get("digest"):
        return 0
    writer.delete_local_entry(entry.uuid)
    return 1
