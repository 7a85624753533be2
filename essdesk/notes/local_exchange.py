"""Local entries in the exchange file (``.essnotes``) — and in any other carrier (a team server).

A record is what :mod:`essdesk.notes.local_entries` stores: the entry's uuid, its territory's
uuid, its content as one JSON object, who wrote it, when, and ``history`` — the SHA-256 of the
contents it has had (newest first), which tells "changed on one side only" from "changed on
both sides", exactly like a note's. The merge is additive, by uuid:

* unknown here → added (to the territory the file's territory maps to);
* same content → nothing; ours is in their history → theirs is newer, taken (ours stays in the
  history); theirs is in our history → ours is newer, kept;
* changed on both sides → **conflict**: ours stays, theirs is kept beside it as a copy
  (``conflict_of`` = our uuid), shown and searchable like any local entry. The other laptop,
  importing our file, keeps ours beside theirs: the conflict is kept both ways.

Files without local entries (every file written before them) import as before.
"""

from __future__ import annotations

import json
import re
import uuid as uuidlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select

from essdesk.notes.errors import NotesError
from essdesk.notes.local_entries import (
    LocalContent,
    LocalEntriesWriter,
    NewLocal,
    check_content,
    content_digest,
    forgotten_local,
)
from essdesk.notes.schema import local_entries, local_entry_versions

MAX_LOCAL_ENTRIES = 100_000
EXPORT_HISTORY = 200
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_SHA256 = re.compile(r"[0-9a-f]{64}")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


class LocalRecordError(NotesError):
    """A local entry of an exchange file is not valid (French message, nothing imported)."""


@dataclass(frozen=True)
class IncomingLocal:
    uuid: str
    territory_uuid: str
    content: LocalContent
    created: datetime
    updated: datetime
    author: str
    history: tuple[str, ...]
    conflict_of: str | None = None  # a conflict copy kept beside that entry on the other side

    @property
    def digest(self) -> str:
        return content_digest(self.content.to_json())


@dataclass(frozen=True)
class LocalPlan:
    """What an import does to one incoming local entry."""

    incoming: IncomingLocal
    action: str  # "new", "same", "update", "keep", "conflict", "skip"
    target_territory: str  # the uuid here ("" when its territory is not imported)
    local_title: str = ""


_ACTIONS = (
    ("new", "nouvelle", "nouvelles"),
    ("same", "identique", "identiques"),
    ("update", "mise à jour", "mises à jour"),
    ("keep", "plus récente ici", "plus récentes ici"),
    ("conflict", "en conflit (gardée à côté)", "en conflit (gardées à côté)"),
)


def local_summary(plans: Sequence[LocalPlan]) -> str:
    """« 2 nouvelles, 1 en conflit (gardée à côté) » for a preview."""
    parts = []
    for action, one, many in _ACTIONS:
        n = sum(1 for p in plans if p.action == action)
        if n:
            parts.append(f"{n} {one if n == 1 else many}")
    return ", ".join(parts) or "aucune"


# ------------------------------------------------------------------------ export
def export_records(conn: Connection, territory_uuids: Iterable[str]) -> list[dict[str, Any]]:
    """The live local entries of these territories, as exchange records."""
    wanted = list(territory_uuids)
    if not wanted:
        return []
    rows = conn.execute(
        select(local_entries)
        .where(local_entries.c.territory_uuid.in_(wanted), local_entries.c.deleted_at.is_(None))
        .order_by(local_entries.c.created, local_entries.c.uuid)
    ).all()
    return entry_records(conn, rows)


def entry_records(
    conn: Connection, rows: Sequence[Any], sent: Mapping[str, Sequence[str]] | None = None
) -> list[dict[str, Any]]:
    """Local entries as an exchange file and a team's log carry them. ``sent``: per entry,
    the digests of contents sent before (oldest first), which stay its history for the
    others. Histories are read a chunk of entries at a time (one query per entry took most
    of a first team sync of 5,000 entries)."""
    found: dict[str, list[str]] = {}
    uuids = [row.uuid for row in rows]
    for i in range(0, len(uuids), _CHUNK):
        versions = conn.execute(
            select(local_entry_versions.c.entry_uuid, local_entry_versions.c.data)
            .where(local_entry_versions.c.entry_uuid.in_(uuids[i : i + _CHUNK]))
            .order_by(local_entry_versions.c.entry_uuid, local_entry_versions.c.id.desc())
        )
        for entry_uuid, data in versions:
            digests = found.setdefault(entry_uuid, [])
            if len(digests) < EXPORT_HISTORY:
                digests.append(content_digest(data))
    before = sent or {}
    return [
        {
            "uuid": row.uuid,
            "territory_uuid": row.territory_uuid,
            "content": json.loads(row.data),
            "created": row.created,
            "updated": row.updated,
            "author": row.author,
            "conflict_of": row.conflict_of,
            "history": list(
                dict.fromkeys([*found.get(row.uuid, ()), *reversed(before.get(row.uuid, ()))])
            )[:EXPORT_HISTORY],
        }
        for row in rows
    ]


_CHUNK = 500
"""Entries per ``IN (…)`` list."""


# ------------------------------------------------------------------------ reading
def _strings(value: Any) -> Iterable[str]:
    """Every string inside a decoded JSON value (keys included)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _bad(where: str, what: str) -> LocalRecordError:
    return LocalRecordError(
        f"Fichier d'échange non valide : entrée locale {where} — {what} ; rien n'a été importé.",
        f"local entry {where}: {what}",
    )


def parse_records(raw: Any, territory_uuids: set[str]) -> list[IncomingLocal]:
    """Validate the ``local_entries`` list of a file (absent in older files: ``[]``)."""
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise _bad("(liste)", "ce n'est pas une liste")
    if len(raw) > MAX_LOCAL_ENTRIES:
        raise _bad("(liste)", f"plus de {MAX_LOCAL_ENTRIES} entrées")
    out = []
    seen: set[str] = set()
    for n, item in enumerate(raw, start=1):
        where = f"n°{n}"
        if not isinstance(item, dict):
            raise _bad(where, "ce n'est pas un objet")
        uuid, tu = item.get("uuid"), item.get("territory_uuid")
        if not isinstance(uuid, str) or not _UUID.fullmatch(uuid) or uuid in seen:
            raise _bad(where, "identifiant absent, invalide ou répété")
        seen.add(uuid)
        if not isinstance(tu, str) or tu not in territory_uuids:
            raise _bad(where, "territoire absent du fichier")
        body = item.get("content")
        if not isinstance(body, dict):
            raise _bad(where, "contenu absent")
        if any(_CONTROL.search(text) for text in _strings(body)):
            raise _bad(where, "caractères de contrôle")
        try:
            content = LocalContent.from_json(body)
            content = check_content(content, lambda _key: None, strict=False)
            created = datetime.fromisoformat(str(item.get("created")))
            updated = datetime.fromisoformat(str(item.get("updated")))
        except (NotesError, ValueError, TypeError, KeyError) as exc:
            reason = exc.message if isinstance(exc, NotesError) else "champ invalide"
            raise _bad(where, reason) from exc
        history = item.get("history") or []
        author = item.get("author") or ""
        if (
            not isinstance(history, list)
            or not all(isinstance(h, str) and _SHA256.fullmatch(h) for h in history)
            or not isinstance(author, str)
            or len(author) > 100
        ):
            raise _bad(where, "historique ou auteur invalide")
        conflict_of = item.get("conflict_of")
        if conflict_of is not None and (
            not isinstance(conflict_of, str) or not _UUID.fullmatch(conflict_of)
        ):
            raise _bad(where, "« conflict_of » invalide")
        out.append(
            IncomingLocal(
                uuid, tu, content, created, updated, author, tuple(history[:1000]), conflict_of
            )
        )
    return out


# ------------------------------------------------------------------------ merging
def plan(
    conn: Connection, incoming: Sequence[IncomingLocal], where: dict[str, str]
) -> list[LocalPlan]:
    """Decide, inside the reading transaction, what happens to each incoming entry.

    ``where`` maps the file's territory uuids to the uuids here ("" when not imported).
    """
    plans = []
    for item in incoming:
        target = where.get(item.territory_uuid, "")
        if not target:
            plans.append(LocalPlan(item, "skip", ""))
            continue
        row = conn.execute(select(local_entries).where(local_entries.c.uuid == item.uuid)).first()
        if row is None:
            # Purged here from the trash, or a copy the other side kept beside one of ours:
            # nothing new if this content is known.
            known = item.digest in forgotten_local(conn, item.uuid) or (
                item.conflict_of is not None and item.digest in _digests(conn, item.conflict_of)
            )
            plans.append(LocalPlan(item, "same" if known else "new", target))
            continue
        ours = content_digest(row.data)
        if ours == item.digest:
            action = "same"
        else:
            if item.digest in _digests(conn, row.uuid):
                action = "keep"  # ours is newer, or theirs is already kept beside it
            elif ours in item.history:
                action = "update"
            else:
                action = "conflict"
        plans.append(LocalPlan(item, action, row.territory_uuid, row.title))
    return plans


def _digests(conn: Connection, entry_uuid: str) -> set[str]:
    """Every content an entry has had here, and those of the copies kept beside it."""
    versions = conn.execute(
        select(local_entry_versions.c.data).where(local_entry_versions.c.entry_uuid == entry_uuid)
    ).scalars()
    copies = conn.execute(
        select(local_entries.c.data).where(local_entries.c.conflict_of == entry_uuid)
    ).scalars()
    current = conn.execute(
        select(local_entries.c.data).where(local_entries.c.uuid == entry_uuid)
    ).scalars()
    return {content_digest(d) for d in [*versions, *copies, *current]}


def apply(writer: LocalEntriesWriter, plans: Iterable[LocalPlan]) -> dict[str, int]:
    """Write the plans through the writer's transaction; returns counts per action."""
    counts: dict[str, int] = {}
    new: list[NewLocal] = []
    for p in plans:
        counts[p.action] = counts.get(p.action, 0) + 1
        item = p.incoming
        if p.action in ("new", "conflict"):
            conflict = p.action == "conflict"
            new.append(
                NewLocal(
                    str(uuidlib.uuid4()) if conflict else item.uuid,
                    p.target_territory,
                    item.content,
                    item.created.isoformat(),
                    item.author,
                    item.uuid if conflict else None,
                )
            )
        elif p.action == "update":
            writer.put_local_content(item.uuid, item.content, item.author)
    writer.insert_local_entries(new)
    return counts
