"""The exchange file format (``.essnotes``): notes and follow-up carried between laptops on a USB stick.

**Format 1.** A ZIP archive with exactly two members, read in memory by their exact names
(nothing is ever extracted to disk, nothing in it is ever executed or rendered):

* ``manifest.json`` — ``{"format": "essdesk-notes", "format_version": 1, "essdesk_version",
  "catalogue_version", "created", "scope", "territories": [{uuid, name, types}], "counts":
  {territories, notes, statuses}, "payload": {"name": "notes.json", "size", "sha256"}}``;
* ``notes.json`` — ``{"territories": [...], "notes": [...], "statuses": [...]}``. A territory
  has its uuid, name, types, commune, code, initials and creation date. A note has its stable
  uuid, entry key and title, ``territory_uuid`` (one of the file's territories: its name and
  types are given once there), text, created/updated, ``author`` (the initials of who wrote
  the text: those it was imported with, else the exporting profile's; kept on import),
  ``conflict_of`` and ``history``: the SHA-256 of the texts the note has had (its newest
  :data:`EXPORT_HISTORY` versions), which lets the receiver tell "changed on one side only"
  from "changed on both sides". Statuses are a list of their own, keyed by (entry,
  territory), because an entry may have a status and no note.

What a valid file is lives here (constants, records, validation of the decoded JSON); the
archive is opened by :mod:`.reader`, written by :mod:`.writer`, merged by :mod:`.merge`.
"""

from __future__ import annotations

import contextlib
import json
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from essdesk import textfold
from essdesk.notes.exchange.messages import CONTROL, bad_file, invalid, shown, too_many
from essdesk.notes.local_exchange import IncomingLocal
from essdesk.notes.schema import STATUSES, note_size_problem, text_digest
from essdesk.notes.status_merge import status_digest

FORMAT = "essdesk-notes"
FORMAT_VERSION = 2
"""Format 2 (issues 11 #8 and 12): a note's ``history`` lists ``{"sha256", "author"}`` (who
wrote each version) instead of bare digests, and a status carries its ``history`` (the
digests of the values it has had, :mod:`essdesk.notes.status_merge`) and its ``author``.
Format 1 files are still read: their statuses have no history (a follow-up changed on both
sides is then kept in conflict, never replaced by the clock). Since essdesk's notes schema
v7, a follow-up set back to a value it had before carries its ``ident`` (an optional field:
the history's digests are then identities of settings, see ``status_merge``); files without
it read as before."""
SUFFIX = ".essnotes"
MANIFEST = "manifest.json"
PAYLOAD = "notes.json"

KB, MB = 1024, 1024 * 1024
MAX_ARCHIVE_BYTES = 64 * MB
"""Largest file accepted, checked on its size before a byte is read."""
MAX_TERRITORY_BYTES = 16 * KB
"""Room one territory may take in the manifest: uuid, a name of :data:`MAX_LINE` characters
and 20 type keys, 4 bytes per character at worst."""
MAX_PAYLOAD_BYTES = 50 * MB
"""Largest ``notes.json`` once decompressed (declared size checked first, then read bounded)."""
MAX_RATIO = 200
"""Largest compression ratio accepted for a member over :data:`RATIO_FLOOR` (zip bombs)."""
RATIO_FLOOR = 1 * MB
MAX_MEMBERS = 8
"""Largest member count read from the end record before the central directory is parsed."""
MAX_TERRITORIES = 1_000
MAX_MANIFEST_BYTES = 64 * KB + MAX_TERRITORIES * MAX_TERRITORY_BYTES
"""Largest ``manifest.json``: it lists every territory, so it holds :data:`MAX_TERRITORIES`
of them whatever their names (a cap below that refused exports of a few hundred)."""
MAX_NOTES = 100_000
MAX_STATUSES = 100_000
MAX_HISTORY = 1_000
EXPORT_HISTORY = 200
"""Texts of a note's history sent in an export, newest first: enough to recognise the text
the other laptop last received, small enough for thousands of notes."""
MAX_LINE = 1_000
"""Longest one-line field (key, name, title, commune…); texts and contacts are bounded only by
:data:`MAX_PAYLOAD_BYTES`, so that any note essdesk can hold can travel."""

_SHA256 = re.compile(r"[0-9a-f]{64}")
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_TYPE_KEY = re.compile(r"territory:[^,\x00-\x1f\x7f-\x9f]{1,100}")  # stored comma-separated
_CONTROL = CONTROL
_TEXT_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
"""Refused in texts too: NUL (SQLite's own functions stop at it) and terminal escapes, C0
and C1 (U+0080–U+009F, which terminals obey too), that ``essdesk notes list`` would otherwise
send to the user's terminal. Tabs and line breaks pass."""

# -- records ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class IncomingTerritory:
    uuid: str
    name: str
    types: tuple[str, ...]
    commune: str
    code: str
    initials: str
    created: datetime


@dataclass(frozen=True)
class IncomingNote:
    uuid: str
    entry_key: str
    entry_title: str
    territory_uuid: str  # the incoming territory's uuid (see TerritoryPlan for where it goes)
    text: str
    created: datetime
    updated: datetime
    author: str  # initials of the profile that wrote it
    conflict_of: str | None
    history: frozenset[str]  # SHA-256 (hex) of every text the note has had over there
    versions: tuple[tuple[str, str], ...] = ()  # (SHA-256, author) of each, newest first

    @property
    def digest(self) -> str:
        return text_digest(self.text)


@dataclass(frozen=True)
class IncomingStatus:
    entry_key: str
    territory_uuid: str
    status: str
    date: str | None
    contact: str
    updated: datetime
    author: str = ""  # initials of who set it (format 2)
    history: frozenset[str] = frozenset()  # identities of its earlier settings over there
    ident: str | None = None  # a return to an earlier value (status_merge.return_identity)

    @property
    def digest(self) -> str:
        return status_digest(self.status, self.date, self.contact)

    @property
    def identity(self) -> str:
        return self.ident or self.digest


@dataclass(frozen=True)
class ExchangeFile:
    """A parsed and fully validated exchange file (see :func:`read_exchange_file`)."""

    path: Path | None
    format_version: int
    essdesk_version: str
    catalogue_version: str | None
    created: datetime
    scope: str
    territories: tuple[IncomingTerritory, ...]
    notes: tuple[IncomingNote, ...]
    statuses: tuple[IncomingStatus, ...]
    sha256: str  # of notes.json
    local_entries: tuple[IncomingLocal, ...] = ()  # the territories' own entries (optional)


# -- validation -------------------------------------------------------------------------------


def _object(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise invalid(where, "un objet JSON ({…}) est attendu")
    return value


def _field(obj: dict[str, Any], name: str, where: str) -> Any:
    if name not in obj:
        raise invalid(where, f"le champ « {name} » manque")
    return obj[name]


def _string(
    obj: dict[str, Any],
    name: str,
    where: str,
    max_len: int | None = MAX_LINE,
    *,
    optional: bool = False,
    multiline: bool = False,
    required: bool = False,
) -> str:
    value = obj.get(name) if optional else _field(obj, name, where)
    if value is None and optional:
        return ""
    if not isinstance(value, str):
        raise invalid(where, f"« {name} » doit être une chaîne de caractères")
    if max_len is not None and len(value) > max_len:
        raise invalid(where, f"« {name} » est trop long ({len(value)} caractères ; max {max_len})")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise invalid(where, f"« {name} » contient des caractères invalides") from exc
    if (_TEXT_CONTROL if multiline else _CONTROL).search(value):
        raise invalid(where, f"« {name} » contient des caractères de contrôle")
    if required and not value.strip():
        raise invalid(where, f"« {name} » est vide")
    return value


def _note_text(obj: dict[str, Any], where: str) -> str:
    """A note's text, up to ``schema.MAX_NOTE_CHARS`` (the store's own limit): a 50 MB note
    was accepted, then froze the window for 76 s at 4.2 GB when shown."""
    text = _string(obj, "text", where, None, multiline=True)
    too_long = note_size_problem(text)
    if too_long is not None:
        raise invalid(where, too_long)
    return text


def _uuid(obj: dict[str, Any], name: str, where: str, *, optional: bool = False) -> str | None:
    value = obj.get(name) if optional else _field(obj, name, where)
    if value is None and optional:
        return None
    if not isinstance(value, str) or not _UUID.fullmatch(value):  # str(uuid.UUID(...)) form
        raise invalid(where, f"« {name} » n'est pas un identifiant (UUID) valide")
    return value


def _moment(obj: dict[str, Any], name: str, where: str) -> datetime:
    value = _field(obj, name, where)
    moment = None
    if isinstance(value, str) and len(value) <= 40:
        with contextlib.suppress(ValueError):
            moment = datetime.fromisoformat(value)
    if moment is None or moment.tzinfo is None or moment.utcoffset() is None:
        raise invalid(where, f"« {name} » n'est pas une date ISO 8601 avec fuseau horaire")
    if not 1970 <= moment.year <= 2200:
        raise invalid(where, f"« {name} » est une date invraisemblable ({value})")
    return moment.astimezone(UTC)


def _count(obj: dict[str, Any], name: str, where: str) -> int:
    value = _field(obj, name, where)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise invalid(where, f"« {name} » doit être un entier positif")
    return value


def _list(obj: dict[str, Any], name: str, where: str, cap: int, what: str) -> list[Any]:
    value = _field(obj, name, where)
    if not isinstance(value, list):
        raise invalid(where, f"« {name} » doit être une liste")
    if len(value) > cap:
        raise too_many(len(value), cap, what)
    return value


def _name(t: dict[str, Any], where: str) -> str:
    """A territory's name, cleaned as the store cleans names (NFC, no invisible characters)."""
    clean = textfold.clean_name(_string(t, "name", where, MAX_LINE, required=True))
    if not clean:
        raise invalid(where, "« name » est vide")
    return clean


def check_manifest(value: Any) -> dict[str, Any]:
    where = "manifeste"
    m = _object(value, where)
    if m.get("format") != FORMAT:
        found = m.get("format")
        quoted = shown(found, 40) if isinstance(found, str) else "absent"
        raise bad_file(
            f"Ce fichier n'est pas un fichier de notes essdesk (format « {quoted} »).",
            f"format {m.get('format')!r}",
        )
    version = _field(m, "format_version", where)
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise invalid(where, "« format_version » doit être un entier positif")
    if version > FORMAT_VERSION:
        raise bad_file(
            f"Ce fichier de notes a été créé par une version plus récente d'essdesk (format "
            f"{version} ; cette version lit le format {FORMAT_VERSION}). Mettez essdesk à jour "
            "pour l'importer.",
            f"format_version {version} > {FORMAT_VERSION}",
        )
    counts = _object(_field(m, "counts", where), "manifeste, counts")
    head: dict[str, Any] = {
        "format_version": version,
        "essdesk_version": _string(m, "essdesk_version", where, MAX_LINE),
        "catalogue_version": _string(m, "catalogue_version", where, MAX_LINE, optional=True)
        or None,
        "created": _moment(m, "created", where),
        "scope": _string(m, "scope", where, MAX_LINE),
        "counts": {
            k: _count(counts, k, "manifeste, counts") for k in ("territories", "notes", "statuses")
        },
    }
    for key, cap, what in (
        ("territories", MAX_TERRITORIES, "territoires"),
        ("notes", MAX_NOTES, "notes"),
        ("statuses", MAX_STATUSES, "suivis"),
    ):
        if head["counts"][key] > cap:
            raise too_many(head["counts"][key], cap, what)
    for i, item in enumerate(_list(m, "territories", where, MAX_TERRITORIES, "territoires"), 1):
        t = _object(item, f"manifeste, territoire n° {i}")
        _uuid(t, "uuid", f"manifeste, territoire n° {i}")
        _string(t, "name", f"manifeste, territoire n° {i}", MAX_LINE)
    payload = _object(_field(m, "payload", where), "manifeste, payload")
    if payload.get("name") != PAYLOAD:
        raise invalid("manifeste, payload", f"« name » doit valoir « {PAYLOAD} »")
    head["size"] = _count(payload, "size", "manifeste, payload")
    digest = payload.get("sha256")
    if not isinstance(digest, str) or not _SHA256.fullmatch(digest):
        raise invalid("manifeste, payload", "« sha256 » n'est pas une somme SHA-256")
    head["sha256"] = digest
    return head


def _digests(obj: dict[str, Any], where: str, what: str) -> list[str]:
    found = _list(obj, "history", where, MAX_HISTORY, what)
    if not all(isinstance(h, str) and _SHA256.fullmatch(h) for h in found):
        raise invalid(where, "« history » doit être une liste de sommes SHA-256")
    return found


def _ident(obj: dict[str, Any], where: str) -> str | None:
    """A follow-up's ``ident`` (written since essdesk's schema v7, absent before)."""
    ident = obj.get("ident")
    if ident is not None and not (isinstance(ident, str) and _SHA256.fullmatch(ident)):
        raise invalid(where, "« ident » doit être une somme SHA-256")
    return ident


def _versions(obj: dict[str, Any], where: str) -> list[tuple[str, str]]:
    """Format 2: a note's versions, ``{"sha256", "author"}`` each, newest first."""
    found = []
    for item in _list(obj, "history", where, MAX_HISTORY, "versions d'une note"):
        if not isinstance(item, dict) or not _SHA256.fullmatch(str(item.get("sha256", ""))):
            raise invalid(where, "« history » doit être une liste de versions {sha256, author}")
        found.append((item["sha256"], _string(item, "author", where, MAX_LINE, optional=True)))
    return found


def check_payload(
    value: Any, declared: dict[str, int], version: int = FORMAT_VERSION
) -> tuple[tuple[IncomingTerritory, ...], tuple[IncomingNote, ...], tuple[IncomingStatus, ...]]:
    body = _object(value, "contenu")
    raw_territories = _list(body, "territories", "contenu", MAX_TERRITORIES, "territoires")
    raw_notes = _list(body, "notes", "contenu", MAX_NOTES, "notes")
    raw_statuses = _list(body, "statuses", "contenu", MAX_STATUSES, "suivis")
    for key, found, what in (
        ("territories", raw_territories, "territoires"),
        ("notes", raw_notes, "notes"),
        ("statuses", raw_statuses, "suivis"),
    ):
        if declared[key] != len(found):
            raise bad_file(
                f"Le fichier de notes est incohérent : le manifeste annonce {declared[key]} "
                f"{what}, le contenu en a {len(found)}.",
                f"{key}: declared {declared[key]}, found {len(found)}",
            )

    terrs: dict[str, IncomingTerritory] = {}
    for i, item in enumerate(raw_territories, 1):
        where = f"territoire n° {i}"
        t = _object(item, where)
        tu = _uuid(t, "uuid", where)
        assert tu is not None
        if tu in terrs:
            raise invalid(where, "identifiant en double")
        raw_types = _list(t, "types", where, 20, "types de territoire")
        if not all(isinstance(k, str) and _TYPE_KEY.fullmatch(k) for k in raw_types):
            raise invalid(where, "« types » doit être une liste de clés comme territory:zrr")
        terrs[tu] = IncomingTerritory(
            uuid=tu,
            name=_name(t, where),
            types=tuple(dict.fromkeys(raw_types)),
            commune=_string(t, "commune", where, optional=True),
            code=_string(t, "code", where, optional=True),
            initials=_string(t, "initials", where, optional=True),
            created=_moment(t, "created", where),
        )

    found_notes: dict[str, IncomingNote] = {}
    for i, item in enumerate(raw_notes, 1):
        where = f"note n° {i}"
        n = _object(item, where)
        nu = _uuid(n, "uuid", where)
        assert nu is not None
        if nu in found_notes:
            raise invalid(where, "identifiant en double")
        key = _string(n, "entry_key", where, MAX_LINE, required=True)
        where = f"note n° {i} ({key})"
        tu = _uuid(n, "territory_uuid", where)
        if tu not in terrs:
            raise invalid(where, "son territoire ne figure pas dans le fichier")
        if version >= 2:
            versions = _versions(n, where)
        else:
            versions = [(h, "") for h in _digests(n, where, "versions d'une note")]
        found_notes[nu] = IncomingNote(
            uuid=nu,
            entry_key=key,
            entry_title=_string(n, "entry_title", where, optional=True),
            territory_uuid=tu,
            text=_note_text(n, where),
            created=_moment(n, "created", where),
            updated=_moment(n, "updated", where),
            author=_string(n, "author", where, MAX_LINE, optional=True),
            conflict_of=_uuid(n, "conflict_of", where, optional=True),
            history=frozenset(d for d, _ in versions),
            versions=tuple(versions),
        )

    found_statuses: dict[tuple[str, str], IncomingStatus] = {}
    for i, item in enumerate(raw_statuses, 1):
        where = f"suivi n° {i}"
        s = _object(item, where)
        key = _string(s, "entry_key", where, MAX_LINE, required=True)
        tu = _uuid(s, "territory_uuid", where)
        assert tu is not None
        if tu not in terrs:
            raise invalid(where, "son territoire ne figure pas dans le fichier")
        if (key, tu) in found_statuses:
            raise invalid(where, "suivi en double pour cette fiche et ce territoire")
        status = _field(s, "status", where)
        if not isinstance(status, str) or status not in STATUSES:
            quoted = status if isinstance(status, str) else json.dumps(status)
            raise invalid(where, f"statut inconnu « {shown(quoted, 40)} »")
        when = _string(s, "date", where, 40, optional=True) or None
        if when is not None:
            try:
                when = date.fromisoformat(when).isoformat()
            except ValueError as exc:
                raise invalid(where, "« date » n'est pas une date AAAA-MM-JJ") from exc
        found_statuses[(key, tu)] = IncomingStatus(
            entry_key=key,
            territory_uuid=tu,
            status=status,
            date=when,
            contact=_string(s, "contact", where, None, optional=True, multiline=True),
            updated=_moment(s, "updated", where),
            author=_string(s, "author", where, MAX_LINE, optional=True),
            history=frozenset(_digests(s, where, "valeurs d'un suivi"))
            if version >= 2
            else frozenset(),
            ident=_ident(s, where),
        )
    return tuple(terrs.values()), tuple(found_notes.values()), tuple(found_statuses.values())
