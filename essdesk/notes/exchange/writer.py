"""Writing an exchange file (export): the notes and statuses of some territories, read in one
transaction, written beside the final name, read back exactly as an import would read it, and
only then renamed into place — what essdesk writes, essdesk reads (too many notes for one file
is refused before writing, with the advice to export one territory at a time).
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select

from essdesk import __version__, french, textfold
from essdesk.fileio import replacing
from essdesk.notes.errors import os_reason
from essdesk.notes.exchange.format import (
    _CONTROL,
    _TEXT_CONTROL,
    _TYPE_KEY,
    EXPORT_HISTORY,
    FORMAT,
    FORMAT_VERSION,
    MANIFEST,
    MAX_LINE,
    MAX_NOTES,
    MAX_PAYLOAD_BYTES,
    MAX_TERRITORIES,
    PAYLOAD,
    SUFFIX,
)
from essdesk.notes.exchange.messages import ExchangeError
from essdesk.notes.exchange.reader import read_exchange_file
from essdesk.notes.local_entries import LOCAL_PREFIX
from essdesk.notes.rows import TerritoryRef, territory_uuid
from essdesk.notes.schema import note_versions, notes, statuses, text_digest, timestamp
from essdesk.notes.schema import territories as _territories_table
from essdesk.notes.store import NotesStore


@dataclass(frozen=True)
class ExportSummary:
    path: Path
    territories: tuple[str, ...]  # names
    notes: int
    statuses: int


REPLACEMENT = "\N{REPLACEMENT CHARACTER}"


def _line(value: str) -> str:
    """A one-line field as the format accepts it. essdesk never writes control characters or
    1,000-character names itself; should the database hold some (typed through the CLI),
    they are replaced or cut here so that every export can be imported."""
    return _CONTROL.sub(REPLACEMENT, value)[:MAX_LINE]


def _types(stored: str) -> list[str]:
    return [t for t in stored.split(",") if _TYPE_KEY.fullmatch(t)][:20]


def default_filename(territory_name: str | None, day: date, *, selection: bool = False) -> str:
    """The name an export gets, in the window and on the command line alike:
    ``notes-creuse-2026-11-26.essnotes``, ``notes-tous-territoires-…`` (``territory_name``
    None: every territory), ``notes-creuse-selection-…`` (some entries only)."""
    if territory_name is None:
        slug = "tous-territoires"
    else:
        slug = "-".join(textfold.words(territory_name))[:40].strip("-") or "territoire"
    if selection:
        slug += "-selection"
    return f"notes-{slug}-{day.isoformat()}{SUFFIX}"


def export_notes(
    store: NotesStore,
    dest: Path | str,
    territories: Iterable[TerritoryRef] | None = None,
    keys: Iterable[str] | None = None,
    *,
    catalogue_version: str | None = None,
) -> ExportSummary:
    """Write the live notes (conflict copies included) and statuses of some territories
    (default: all live ones), optionally only for some entry keys, to ``dest``.

    ``dest`` may be a folder: the file then gets :func:`default_filename`. The file is written
    beside its final name and renamed into place, so an interrupted export leaves no
    half-file behind.
    """
    wanted = None if territories is None else {territory_uuid(t) for t in territories}
    key_set = None if keys is None else set(keys)
    now = store.now()
    with store.reading() as conn:
        live = [
            r
            for r in conn.rows(
                select(_territories_table).where(_territories_table.c.deleted_at.is_(None))
            )
            if wanted is None or r.uuid in wanted
        ]
        missing = (wanted or set()) - {r.uuid for r in live}
        if missing:
            raise ExchangeError(
                "Territoire introuvable pour l'export.", f"no live territory {sorted(missing)}"
            )
        chosen = {r.uuid: r for r in live}

        def keep(entry_key: str, tu: str) -> bool:
            return tu in chosen and (key_set is None or entry_key in key_set)

        note_rows = [
            r
            for r in conn.rows(
                select(notes).where(notes.c.deleted_at.is_(None)).order_by(notes.c.created)
            )
            if keep(r.entry_key, r.territory_uuid)
        ]
        exported = {r.uuid for r in note_rows}
        me = conn.author_initials() or ""
        # each text once, newest first, with who wrote it (format 2)
        history: dict[str, dict[str, str]] = {u: {} for u in exported}
        for note_uuid, text, author in conn.rows(
            select(
                note_versions.c.note_uuid, note_versions.c.text, note_versions.c.author
            ).order_by(note_versions.c.id.desc())
        ):
            versions = history.get(note_uuid)
            if versions is not None and len(versions) < EXPORT_HISTORY:
                versions.setdefault(text_digest(text), author)
        status_rows = [
            r
            for r in conn.rows(select(statuses).order_by(statuses.c.updated))
            if keep(r.entry_key, r.territory_uuid)
        ]
        status_history = conn.status_histories()
        local_records = [
            r
            for r in conn.local_export_records(chosen)
            if key_set is None or LOCAL_PREFIX + r["uuid"] in key_set
        ]
    names = sorted((r.name for r in live), key=textfold.sort_key)
    payload = {
        "territories": [
            {
                "uuid": r.uuid,
                "name": _line(r.name),
                "types": _types(r.types),
                "commune": _line(r.commune),
                "code": _line(r.code),
                "initials": _line(r.initials),
                "created": r.created,
            }
            for r in live
        ],
        "notes": [
            {
                "uuid": r.uuid,
                "entry_key": _line(r.entry_key),
                "entry_title": _line(r.entry_title),
                "territory_uuid": r.territory_uuid,
                "text": _TEXT_CONTROL.sub(REPLACEMENT, r.text),
                "created": r.created,
                "updated": r.updated,
                # who wrote it: the initials it came with or was written with, else the
                # person at this laptop (never the territory's: issue 12)
                "author": _line(r.author or me),
                "conflict_of": r.conflict_of,
                "history": [
                    {"sha256": digest, "author": _line(author)}
                    for digest, author in history[r.uuid].items()
                ],
            }
            for r in note_rows
        ],
        "statuses": [
            {
                "entry_key": _line(r.entry_key),
                "territory_uuid": r.territory_uuid,
                "status": r.status,
                "date": r.date,
                "contact": _TEXT_CONTROL.sub(REPLACEMENT, r.contact),
                "updated": r.updated,
                "author": _line(r.author or me),
                "history": status_history.get((r.entry_key, r.territory_uuid), [])[:EXPORT_HISTORY],
                **({"ident": r.ident} if r.ident else {}),  # a return to an earlier value
            }
            for r in status_rows
        ],
    }
    if local_records:  # only then: a file without them stays readable by older versions
        payload["local_entries"] = local_records
    if len(live) > MAX_TERRITORIES:
        raise ExchangeError(
            f"Trop de territoires pour un seul fichier d'échange ({french.number(len(live))} ; "
            f"maximum {french.number(MAX_TERRITORIES)}) : exportez-les en plusieurs fois, un "
            "territoire à la fois. Rien n'a été écrit.",
            f"{len(live)} territories > {MAX_TERRITORIES}",
        )
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    if len(body) > MAX_PAYLOAD_BYTES or len(note_rows) > MAX_NOTES:
        raise ExchangeError(
            f"Trop de notes pour un seul fichier d'échange ({french.number(len(note_rows))} notes, "
            f"{french.size(len(body))} ; maximum {french.number(MAX_NOTES)} notes et {french.size(MAX_PAYLOAD_BYTES)})"
            " : exportez un territoire à la fois. Rien n'a été écrit.",
            f"payload {len(body)} bytes, {len(note_rows)} notes",
        )
    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "essdesk_version": __version__,
        "catalogue_version": catalogue_version,
        "created": timestamp(now),
        "scope": "selection" if key_set is not None else "all" if wanted is None else "territory",
        "territories": [
            {"uuid": r.uuid, "name": _line(r.name), "types": _types(r.types)} for r in live
        ],
        "counts": {
            "territories": len(live),
            "notes": len(note_rows),
            "statuses": len(status_rows),
        },
        "payload": {
            "name": PAYLOAD,
            "size": len(body),
            "sha256": hashlib.sha256(body).hexdigest(),
        },
    }
    target = Path(dest)
    if _is_folder(target):
        only = names[0] if wanted is not None and len(names) == 1 else None
        day = now.astimezone().date()
        target = target / default_filename(only, day, selection=key_set is not None)
    head = json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8")
    _write_verified(target, head, body, now)
    return ExportSummary(target, tuple(names), len(note_rows), len(status_rows))


def _is_folder(path: Path) -> bool:
    """Whether ``path`` is a folder; a path the system refuses even to look at (a name too
    long) is not one, and the write then says why in French."""
    try:
        return path.is_dir()
    except OSError:
        return False


def _write_verified(target: Path, manifest: bytes, payload: bytes, when: datetime) -> None:
    """Write the archive beside ``target``, read it back as an import would, then rename it
    into place: an export that would be refused on the other laptop is never left behind."""
    stamp = when.astimezone().timetuple()[:6]
    if stamp[0] < 1980:  # ZIP dates start in 1980
        stamp = (1980, 1, 1, 0, 0, 0)
    try:
        with replacing(target) as tmp:
            with zipfile.ZipFile(tmp, "w") as archive:
                for member, data in ((MANIFEST, manifest), (PAYLOAD, payload)):
                    info = zipfile.ZipInfo(member, date_time=stamp)
                    info.compress_type = zipfile.ZIP_DEFLATED
                    info.external_attr = 0o644 << 16
                    archive.writestr(info, data)
            try:
                read_exchange_file(tmp)
            except ExchangeError as exc:
                raise ExchangeError(
                    "Le fichier d'export n'a pas passé la vérification : "
                    + exc.message.removesuffix(" Rien n'a été importé.")
                    + " Rien n'a été écrit.",
                    exc.detail,
                ) from exc
    except OSError as exc:
        raise ExchangeError(
            f"Impossible d'écrire le fichier {target} : {os_reason(exc)}. Vérifiez la "
            "place libre et que la clé USB n'est pas protégée en écriture.",
            str(exc),
        ) from exc
