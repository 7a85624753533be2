"""Read and validate the human-edited TOML sources in data/.

Every refusal names the file, the entry and the field, so that whoever edits the content can
fix it without reading code.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from essdesk.catalogue.records import ACTOR_TYPE_LABELS, KIND_LABELS, NATURE_LABELS, RELATIONS

SOURCE_FILES = (
    "sessions.toml",
    "levers.toml",
    "actors.toml",
    "schemes.toml",
    "territories.toml",
    "terms.toml",
)
KEY_RE = re.compile(r"^(session|lever|tool|actor|scheme|territory|term):[a-z0-9][a-z0-9.-]*$")
URL_RE = re.compile(r"^(https?://[^\s/$.?#][^\s]*|mailto:[^\s@]+@[^\s@]+\.[^\s@]+)$")

_COMMON = {
    "key",
    "title",
    "aliases",
    "summary",
    "text",
    "facts",
    "key_points",
    "links",
    "sources",
    "note",
    "relations",
}
_SPECIFIC = {
    "session": {"parent", "order", "number", "moderators", "speakers"},
    "lever": {"number"},
    "tool": {"lever", "number"},
    "actor": {"actor_type", "actor_type_basis", "role", "everywhere"},
    "scheme": {
        "nature",
        "backer",
        "amounts",
        "beneficiaries",
        "period",
        "territory_note",
        "everywhere",
    },
    "territory": set(),
    "term": set(),
}


class SourceError(ValueError):
    """A source file is malformed; the message says where."""


@dataclass
class RawEntry:
    """One validated entry as read from its file (plain data, ready for the builder)."""

    file: str
    key: str
    kind: str
    fields: dict[str, Any]
    relations: list[tuple[str, str]] = field(default_factory=list)


def _where(file: str, key: str, fld: str) -> str:
    return f"{file} : entrée « {key} », champ « {fld} »"


def _check_str(file: str, key: str, name: str, value: Any, required: bool = False) -> str:
    if value is None:
        if required:
            raise SourceError(f"{_where(file, key, name)} : champ obligatoire manquant")
        return ""
    if not isinstance(value, str):
        raise SourceError(f"{_where(file, key, name)} : texte attendu")
    if required and not value.strip():
        raise SourceError(f"{_where(file, key, name)} : champ obligatoire vide")
    return value.strip()


def _check_list(file: str, key: str, name: str, value: Any) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise SourceError(f"{_where(file, key, name)} : liste de textes attendue")
    return [v.strip() for v in value if v.strip()]


def _check_entry(file: str, raw: Any, position: int) -> RawEntry:
    if not isinstance(raw, dict):
        raise SourceError(f"{file} : entrée n°{position} : table attendue")
    key = raw.get("key")
    if not isinstance(key, str) or not key:
        raise SourceError(
            f"{file} : entrée n°{position}, champ « key » : champ obligatoire manquant"
        )
    if not KEY_RE.match(key):
        kind = key.split(":", 1)[0]
        if kind not in KIND_LABELS:
            raise SourceError(f"{_where(file, key, 'key')} : type d'entrée inconnu « {kind} »")
        raise SourceError(f"{_where(file, key, 'key')} : clé mal formée (type:slug, [a-z0-9.-])")
    kind = key.split(":", 1)[0]
    allowed = _COMMON | _SPECIFIC[kind]
    unknown = sorted(set(raw) - allowed)
    if unknown:
        raise SourceError(f"{_where(file, key, unknown[0])} : champ inconnu pour « {kind} »")

    f: dict[str, Any] = {
        "title": _check_str(file, key, "title", raw.get("title"), required=True),
        "summary": _check_str(file, key, "summary", raw.get("summary"), required=True),
        "text": _check_str(file, key, "text", raw.get("text")),
        "note": _check_str(file, key, "note", raw.get("note")),
        "aliases": _check_list(file, key, "aliases", raw.get("aliases")),
        "facts": _check_list(file, key, "facts", raw.get("facts")),
        "key_points": _check_list(file, key, "key_points", raw.get("key_points")),
        "sources": _check_list(file, key, "sources", raw.get("sources")),
    }
    if not f["sources"]:
        raise SourceError(f"{_where(file, key, 'sources')} : champ obligatoire manquant")

    links = []
    for link in raw.get("links") or []:
        if not isinstance(link, dict) or not isinstance(link.get("url"), str):
            raise SourceError(f"{_where(file, key, 'links')} : {{url, label}} attendu")
        url = link["url"].strip()
        if not URL_RE.match(url):
            raise SourceError(f"{_where(file, key, 'links')} : adresse mal formée « {url} »")
        label = link.get("label")
        links.append({"url": url, "label": label.strip() if isinstance(label, str) else url})
    f["links"] = links

    relations: list[tuple[str, str]] = []
    for rel in raw.get("relations") or []:
        if not isinstance(rel, dict) or not isinstance(rel.get("key"), str):
            raise SourceError(f"{_where(file, key, 'relations')} : {{rel, key}} attendu")
        if rel.get("rel") not in RELATIONS:
            raise SourceError(
                f"{_where(file, key, 'relations')} : relation inconnue « {rel.get('rel')} »"
            )
        relations.append((rel["rel"], rel["key"].strip()))

    if kind == "session":
        f["parent"] = _check_str(file, key, "parent", raw.get("parent"))
        order = raw.get("order", 0)
        if not isinstance(order, int):
            raise SourceError(f"{_where(file, key, 'order')} : nombre entier attendu")
        f["order"] = order
        f["number"] = _check_str(file, key, "number", raw.get("number"))
        for role, rel in (("moderators", "moderates"), ("speakers", "speaks_in")):
            for actor in _check_list(file, key, role, raw.get(role)):
                relations.append((f"~{rel}", actor))  # actor -> this session
    elif kind == "lever":
        number = raw.get("number")
        if not isinstance(number, int):
            raise SourceError(f"{_where(file, key, 'number')} : nombre entier attendu")
        f["number"] = str(number)
        f["order"] = number
    elif kind == "tool":
        f["parent"] = _check_str(file, key, "lever", raw.get("lever"), required=True)
        f["number"] = _check_str(file, key, "number", raw.get("number"), required=True)
        f["order"] = int(f["number"].split(".")[-1]) if f["number"].split(".")[-1].isdigit() else 0
    elif kind == "actor":
        atype = _check_str(file, key, "actor_type", raw.get("actor_type"), required=True)
        if atype not in ACTOR_TYPE_LABELS:
            raise SourceError(
                f"{_where(file, key, 'actor_type')} : type d'acteur inconnu « {atype} »"
            )
        f["subtype"] = atype
        # The type must come from the report's own words (issue 13's audit): every
        # organisation with a type quotes them; « unspecified » is for when the report says
        # nothing, and then no quote may pretend otherwise.
        basis = _check_str(file, key, "actor_type_basis", raw.get("actor_type_basis"))
        if atype not in ("person", "unspecified") and not basis:
            raise SourceError(
                f"{_where(file, key, 'actor_type_basis')} : citez les mots du compte-rendu"
                f" qui font de cet acteur « {ACTOR_TYPE_LABELS[atype]} », ou mettez"
                " actor_type = \"unspecified\""
            )
        if atype == "unspecified" and basis:
            raise SourceError(
                f"{_where(file, key, 'actor_type_basis')} : un type non précisé n'a pas de citation"
            )
        f["actor_type_basis"] = basis
        f["role"] = _check_str(file, key, "role", raw.get("role"))
        f["everywhere"] = _check_str(file, key, "everywhere", raw.get("everywhere"))
    elif kind == "scheme":
        nature = _check_str(file, key, "nature", raw.get("nature"), required=True)
        if nature not in NATURE_LABELS:
            raise SourceError(f"{_where(file, key, 'nature')} : nature inconnue « {nature} »")
        f["subtype"] = nature
        for name in (
            "backer",
            "amounts",
            "beneficiaries",
            "period",
            "territory_note",
            "everywhere",
        ):
            f[name] = _check_str(file, key, name, raw.get(name))
    return RawEntry(file=file, key=key, kind=kind, fields=f, relations=relations)


def load_sources(folder: Path) -> list[RawEntry]:
    """Read every source file and check the whole: keys unique, every reference resolves."""
    entries: list[RawEntry] = []
    seen: dict[str, str] = {}
    for name in SOURCE_FILES:
        path = folder / name
        if not path.exists():
            raise SourceError(f"{name} : fichier source manquant dans {folder}")
        try:
            doc = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise SourceError(f"{name} : TOML illisible : {exc}") from exc
        for i, raw in enumerate(doc.get("entry", []), start=1):
            entry = _check_entry(name, raw, i)
            if entry.key in seen:
                raise SourceError(
                    f"{_where(name, entry.key, 'key')} : clé en double (déjà dans {seen[entry.key]})"
                )
            seen[entry.key] = name
            entries.append(entry)

    kinds = {e.key: e.kind for e in entries}
    for e in entries:
        for src in e.fields["sources"]:
            if kinds.get(src) != "session":
                raise SourceError(
                    f"{_where(e.file, e.key, 'sources')} : session inconnue « {src} »"
                )
        parent = e.fields.get("parent")
        if parent and parent not in kinds:
            fld = "lever" if e.kind == "tool" else "parent"
            raise SourceError(f"{_where(e.file, e.key, fld)} : clé inconnue « {parent} »")
        for rel, target in e.relations:
            if target not in kinds:
                fld = {"~moderates": "moderators", "~speaks_in": "speakers"}.get(rel, "relations")
                raise SourceError(f"{_where(e.file, e.key, fld)} : clé inconnue « {target} »")
    return entries


def sources_digest(folder: Path) -> str:
    """SHA-256 over the source files: recorded in the built catalogue to detect staleness."""
    h = hashlib.sha256()
    for name in SOURCE_FILES:
        h.update(name.encode())
        h.update((folder / name).read_bytes())
    return h.hexdigest()
