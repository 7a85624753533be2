"""The territory's own entries: local actors and schemes stored beside the notes (issue 15).

A local entry belongs to one territory profile and has a stable key ``local:<uuid>`` on which
notes, statuses and links hang exactly as on a catalogue key. Its content
(:class:`LocalContent`) is one JSON document: the same record is a version of its history, a
row of an exchange file and a row a team server would carry. The catalogue is never written:
:mod:`essdesk.local` merges these entries into what the catalogue's queries return.

The store's :class:`LocalEntriesMixin` reads them and hands every write to the one unit of
work, :meth:`NotesStore.writing() <essdesk.notes.NotesStore.writing>`, whose
:class:`LocalEntriesWriter` half writes an entry's row and a version of its history together,
in the caller's transaction (an import, an exchange file, a team sync).

Over 500 lines: the content record and its checks, the reading mixin and the writing half
of one feature, each written against the others' rules.
"""

from __future__ import annotations

import hashlib
import json
import re
import uuid as uuidlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from sqlalchemy import Connection, Select, delete, func, insert, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from essdesk import textfold
from essdesk.catalogue.records import ACTOR_TYPE_LABELS, NATURE_LABELS, RELATION_LABELS
from essdesk.notes.errors import NotesInputError
from essdesk.notes.rows import live_territory, territory_uuid
from essdesk.notes.schema import forgotten_texts, local_entries, local_entry_versions, territories

if TYPE_CHECKING:
    from contextlib import AbstractContextManager

    from essdesk.notes.records import Territory
    from essdesk.notes.rows import AnyRow
    from essdesk.notes.writing import NotesReader, NotesWriter

LOCAL_PREFIX = "local:"
KINDS: dict[str, str] = {"actor": "Acteur", "scheme": "Dispositif"}
SUBTYPES: dict[str, dict[str, str]] = {"actor": ACTOR_TYPE_LABELS, "scheme": NATURE_LABELS}
LOCAL_RELATIONS = (
    "related_to",
    "partner_of",
    "supported_by",
    "supports",
    "backed_by",
    "backs",
    "member_of",
    "operated_by",
    "operates",
    "part_of",
)
"""Relations a local entry may state towards another entry, the default first."""

PERSONAL_DATA = "données personnelles : à ne partager qu'avec l'accord de la personne"
MAX_FIELD = 20_000
"""Longest text field accepted (a spreadsheet cell pasted by mistake stays readable)."""


def is_local_key(key: str) -> bool:
    return key.startswith(LOCAL_PREFIX)


@dataclass(frozen=True)
class LocalRelation:
    """A link stated by a local entry: ``rel`` (a RELATION_LABELS key) towards ``key``.

    ``title`` is the target's title when the link was made: shown if the key disappears
    from a later catalogue (the link is kept, marked as such)."""

    rel: str
    key: str
    title: str = ""


@dataclass(frozen=True)
class LocalContent:
    """What the user writes about a local actor or scheme (the versioned, exchanged part)."""

    kind: str
    title: str
    aliases: tuple[str, ...] = ()
    subtype: str = ""  # a key of ACTOR_TYPE_LABELS (actor) or NATURE_LABELS (scheme)
    summary: str = ""
    text: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    person: str = ""  # a contact person: personal data
    links: tuple[str, ...] = ()  # http(s) or mailto URLs (the website first)
    territory_types: tuple[str, ...] = ()  # catalogue keys, e.g. "territory:zrr"
    everywhere: bool = False  # « tous territoires »
    levers: tuple[str, ...] = ()  # "lever:3"
    tools: tuple[str, ...] = ()  # "tool:3.2"
    relations: tuple[LocalRelation, ...] = ()

    @property
    def subtype_label(self) -> str:
        return SUBTYPES.get(self.kind, {}).get(self.subtype, "")

    @property
    def names(self) -> tuple[str, ...]:
        """Title and aliases: what a duplicate is recognised by."""
        return (self.title, *self.aliases)

    def to_json(self) -> str:
        data = asdict(self)
        data["relations"] = [asdict(r) for r in self.relations]
        return json.dumps(data, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, raw: str | dict[str, Any]) -> LocalContent:
        """Read a stored or exchanged document; unknown fields (a newer essdesk) are ignored."""
        data = json.loads(raw) if isinstance(raw, str) else dict(raw)
        if not isinstance(data, dict):
            raise ValueError("local entry content is not an object")
        known = {f for f in cls.__dataclass_fields__}
        values: dict[str, Any] = {k: v for k, v in data.items() if k in known}
        for name in ("aliases", "links", "territory_types", "levers", "tools"):
            values[name] = tuple(str(v) for v in values.get(name) or ())
        values["relations"] = tuple(
            LocalRelation(str(r["rel"]), str(r["key"]), str(r.get("title", "")))
            for r in values.get("relations") or ()
        )
        values["everywhere"] = bool(values.get("everywhere", False))
        for name in known - {"aliases", "links", "territory_types", "levers", "tools"}:
            if name not in ("relations", "everywhere"):
                values[name] = str(values.get(name, "") or "")
        return cls(**values)


@dataclass(frozen=True)
class LocalEntry:
    """A stored local entry: its content plus who added it, for which territory, and when."""

    uuid: str
    territory_uuid: str
    content: LocalContent
    created: datetime
    updated: datetime
    author: str = ""  # initials of who wrote it (the profile's, or an exchange file's)
    territory_name: str = ""
    deleted_at: datetime | None = None
    conflict_of: str | None = None

    @property
    def key(self) -> str:
        return LOCAL_PREFIX + self.uuid

    @property
    def kind(self) -> str:
        return self.content.kind

    @property
    def title(self) -> str:
        return self.content.title

    @property
    def added_for(self) -> str:
        """« ajouté pour CC du Haut-Bugey par AB »: the mark a local entry carries."""
        who = f" par {self.author}" if self.author else ""
        return f"ajouté pour {self.territory_name}{who}"


@dataclass(frozen=True)
class LocalVersion:
    """One saved state of a local entry (every edit, the first one included)."""

    id: int
    entry_uuid: str
    content: LocalContent
    saved_at: datetime
    author: str = ""


# ------------------------------------------------------------------------ validation
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
"""Taken out of every field: NUL, terminal escapes (C0 and C1) — never part of a name or a
text, and ``essdesk entries list`` would send them to a terminal. Tabs and line breaks stay."""


def _clean(value: str, label: str) -> str:
    text = _CONTROL.sub("", value).strip()
    if len(text) > MAX_FIELD:
        raise NotesInputError(
            f"{label} : texte trop long ({len(text)} caractères, {MAX_FIELD} au plus).",
            f"{label} too long",
        )
    return text


def _folded_vocabulary(vocabulary: dict[str, str]) -> dict[str, str]:
    """Folded key and folded label → key (built once: imports validate thousands of rows)."""
    out: dict[str, str] = {}
    for key, label in vocabulary.items():
        out[textfold.index_text(key)] = key
        out[textfold.index_text(label)] = key
    return out


_KINDS = _folded_vocabulary(KINDS)
_SUBTYPES = {kind: _folded_vocabulary(vocabulary) for kind, vocabulary in SUBTYPES.items()}


def kind_key(value: str) -> str:
    """ "actor", "Acteur", "scheme", "Dispositif"… → "actor" or "scheme"."""
    found = _KINDS.get(textfold.index_text(value))
    if found is None:
        raise NotesInputError(
            f"Genre inconnu : « {value} ». Genres possibles : acteur (actor), dispositif (scheme).",
            f"unknown kind {value!r}",
        )
    return found


def subtype_key(kind: str, value: str) -> str:
    """An actor type or nature of support, by key ("association") or label ("Association")."""
    if not value.strip():
        return ""
    found = _SUBTYPES[kind].get(textfold.index_text(value))
    if found is None:
        what = "Type d'acteur" if kind == "actor" else "Nature d'accompagnement"
        choices = ", ".join(f"« {label} »" for label in SUBTYPES[kind].values())
        raise NotesInputError(
            f"{what} inconnu : « {value} ». Possibles : {choices}.", f"unknown subtype {value!r}"
        )
    return found


def in_vocabulary(kind: str, value: str) -> bool:
    """Whether ``value`` names an actor type (``kind="actor"``) or a nature (``"scheme"``)."""
    return textfold.index_text(value) in _SUBTYPES[kind]


def check_url(value: str) -> str:
    """A link the user may open: http(s) with a host, or mailto with an address."""
    url = value.strip()
    parts = urlsplit(url)
    ok = (parts.scheme in ("http", "https") and bool(parts.netloc)) or (
        parts.scheme == "mailto" and "@" in parts.path
    )
    if not ok or any(c.isspace() or ord(c) < 32 for c in url):
        raise NotesInputError(
            f"Lien refusé : « {value} ». Seuls les liens http://, https:// et mailto: sont "
            "acceptés.",
            f"bad url {value!r}",
        )
    return url


TitleOf = Callable[[str], "str | None"]
"""The title of a catalogue (or local) key, None when it does not exist."""


def check_content(content: LocalContent, title_of: TitleOf, *, strict: bool = True) -> LocalContent:
    """Validate and normalise content before any write; NotesInputError says what is wrong.

    ``title_of`` resolves the keys of levers, tools and relations. ``strict=False`` (an
    exchange file, an upgrade) keeps links to keys that do not exist here: they are shown as
    « n'existe plus dans le catalogue », never dropped.
    """
    kind = kind_key(content.kind)
    title = " ".join(_clean(content.title, "Titre").split())
    if not title:
        raise NotesInputError("Le titre ne peut pas être vide.", "empty title")
    from essdesk.notes.store import territory_type_key

    def known(key: str, label: str) -> str:
        if strict and title_of(key) is None:
            raise NotesInputError(f"{label} introuvable : « {key} ».", f"unknown key {key!r}")
        return key

    levers = tuple(
        dict.fromkeys(known(_prefixed(v, "lever:"), "Levier") for v in content.levers if v.strip())
    )
    tools = tuple(
        dict.fromkeys(known(_prefixed(v, "tool:"), "Outil") for v in content.tools if v.strip())
    )
    relations: list[LocalRelation] = []
    for rel in content.relations:
        if rel.rel not in RELATION_LABELS:
            raise NotesInputError(f"Relation inconnue : « {rel.rel} ».", f"unknown rel {rel.rel!r}")
        key = rel.key.strip()
        target = title_of(key)
        if target is None and strict:
            raise NotesInputError(
                f"Fiche liée introuvable : « {key} » (ni dans le catalogue, ni parmi les "
                "entrées locales).",
                f"unknown related key {key!r}",
            )
        if all((r.rel, r.key) != (rel.rel, key) for r in relations):
            relations.append(LocalRelation(rel.rel, key, target or rel.title))
    aliases = tuple(
        dict.fromkeys(
            a for a in (" ".join(_clean(v, "Alias").split()) for v in content.aliases) if a
        )
    )
    return replace(
        content,
        kind=kind,
        title=title,
        aliases=aliases,
        subtype=subtype_key(kind, content.subtype) if content.subtype else "",
        summary=_clean(content.summary, "Résumé"),
        text=_clean(content.text, "Texte"),
        address=_clean(content.address, "Adresse"),
        phone=_clean(content.phone, "Téléphone"),
        email=_clean(content.email, "Courriel"),
        person=_clean(content.person, "Personne à contacter"),
        links=tuple(dict.fromkeys(check_url(u) for u in content.links if u.strip())),
        territory_types=tuple(
            dict.fromkeys(territory_type_key(t) for t in content.territory_types if t.strip())
        ),
        levers=levers,
        tools=tools,
        relations=tuple(relations),
    )


def _prefixed(value: str, prefix: str) -> str:
    value = value.strip()
    return value if value.startswith(prefix) else prefix + value


def duplicate_names(contents: Iterable[LocalContent]) -> dict[str, str]:
    """Folded title or alias → the title it belongs to (the rule for « doublon »)."""
    out: dict[str, str] = {}
    for content in contents:
        for name in content.names:
            folded = textfold.index_text(name)
            if folded:
                out.setdefault(folded, content.title)
    return out


# ------------------------------------------------------------------------ storage
def _dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _entry(row: AnyRow) -> LocalEntry:
    return LocalEntry(
        uuid=row.uuid,
        territory_uuid=row.territory_uuid,
        content=LocalContent.from_json(row.data),
        created=datetime.fromisoformat(row.created),
        updated=datetime.fromisoformat(row.updated),
        author=row.author,
        territory_name=row._mapping.get("territory_name") or "",
        deleted_at=_dt(row.deleted_at),
        conflict_of=row.conflict_of,
    )


def _query() -> Select[*tuple[Any, ...]]:
    return select(local_entries, territories.c.name.label("territory_name")).join(
        territories, territories.c.uuid == local_entries.c.territory_uuid
    )


def _row_values(content: LocalContent) -> dict[str, str]:
    return {"kind": content.kind, "title": content.title, "data": content.to_json()}


def _uuid(key_or_uuid: str) -> str:
    return key_or_uuid.removeprefix(LOCAL_PREFIX)


def _not_found(entry_uuid: str) -> NotesInputError:
    return NotesInputError("Entrée locale introuvable.", f"no local entry {entry_uuid!r}")


def _in_trash() -> NotesInputError:
    return NotesInputError(
        "Cette entrée locale est dans la corbeille : restaurez-la d'abord.",
        "local entry not live",
    )


@dataclass(frozen=True)
class NewLocal:
    """A local entry to insert (:meth:`LocalEntriesWriter.insert_local_entries`): one the user
    adds, an exchange file's or a team's new entry, or a conflict copy kept beside one."""

    uuid: str
    territory_uuid: str
    content: LocalContent
    created: str
    author: str
    conflict_of: str | None = None


class LocalEntriesMixin:
    """Local entries' half of :class:`~essdesk.notes.NotesStore`.

    Reads go through :meth:`~essdesk.notes.NotesStore.reading`, writes through the one unit
    of work, :meth:`~essdesk.notes.NotesStore.writing` (:class:`LocalEntriesWriter`).
    """

    if TYPE_CHECKING:

        def reading(self) -> AbstractContextManager[NotesReader]: ...
        def writing(self) -> AbstractContextManager[NotesWriter]: ...

    def local_entries(
        self, territory: Territory | str | None = None, *, include_deleted: bool = False
    ) -> list[LocalEntry]:
        """Local entries of a territory (or of every live territory), by title."""
        query = _query().where(territories.c.deleted_at.is_(None))
        if territory is not None:
            query = query.where(local_entries.c.territory_uuid == territory_uuid(territory))
        if not include_deleted:
            query = query.where(local_entries.c.deleted_at.is_(None))
        with self.reading() as r:
            found = [_entry(row) for row in r.rows(query)]
        return sorted(found, key=lambda e: (textfold.sort_key(e.title), e.uuid))

    def local_signature(self, territory: Territory | str) -> tuple[Any, ...]:
        """Changes whenever a territory's local entries do (cheap: one indexed query), so
        that a view reloads them only when something was written (an import, another window)."""
        tu = territory_uuid(territory)
        query = select(
            func.count(),
            func.max(local_entries.c.updated),
            func.max(local_entries.c.deleted_at),
            func.count(local_entries.c.deleted_at),
        ).where(local_entries.c.territory_uuid == tu)
        with self.reading() as r:
            return (tu, *r.rows(query).one())

    def local_entry(self, key_or_uuid: str) -> LocalEntry | None:
        """A local entry by key or uuid, in whatever state (live, trashed)."""
        with self.reading() as r:
            row = r.rows(_query().where(local_entries.c.uuid == _uuid(key_or_uuid))).first()
        return _entry(row) if row is not None else None

    def local_trash(self) -> list[LocalEntry]:
        """Deleted local entries, most recently deleted first (restorable at least
        :data:`~essdesk.notes.writing.MIN_TRASH_DAYS` days, like notes)."""
        query = _query().where(local_entries.c.deleted_at.is_not(None))
        with self.reading() as r:
            return [
                _entry(row) for row in r.rows(query.order_by(local_entries.c.deleted_at.desc()))
            ]

    def local_history(self, key_or_uuid: str) -> list[LocalVersion]:
        """Saved states of a local entry, newest first (the first is the current one)."""
        query = (
            select(local_entry_versions)
            .where(local_entry_versions.c.entry_uuid == _uuid(key_or_uuid))
            .order_by(local_entry_versions.c.id.desc())
        )
        with self.reading() as r:
            return [
                LocalVersion(
                    row.id,
                    row.entry_uuid,
                    LocalContent.from_json(row.data),
                    datetime.fromisoformat(row.saved_at),
                    row.author,
                )
                for row in r.rows(query)
            ]

    def add_local_entry(
        self,
        territory: Territory | str,
        content: LocalContent,
        title_of: TitleOf,
        *,
        author: str | None = None,
    ) -> LocalEntry:
        """Create a local entry for a live territory; returns it (its ``key`` is new)."""
        return self.add_local_entries(territory, [content], title_of, author=author)[0]

    def add_local_entries(
        self,
        territory: Territory | str,
        contents: Sequence[LocalContent],
        title_of: TitleOf,
        *,
        author: str | None = None,
    ) -> list[LocalEntry]:
        """Create several entries in ONE transaction: all of them, or none (an import).

        Everything is validated before the write starts; the first bad content raises
        NotesInputError and nothing is written.
        """
        checked = [check_content(c, title_of) for c in contents]
        with self.writing() as w:
            return w.add_local_entries(territory_uuid(territory), checked, author=author)

    def update_local_entry(
        self, key_or_uuid: str, content: LocalContent, title_of: TitleOf, *, author: str = ""
    ) -> LocalEntry:
        """Replace an entry's content; the old one stays in its history. Saving the same
        content writes nothing. A link that already pointed at a vanished key may stay."""
        with self.writing() as w:
            return w.update_local_entry(_uuid(key_or_uuid), content, title_of, author=author)

    def delete_local_entry(self, key_or_uuid: str) -> None:
        """Send a local entry to the trash (its notes and links stay, as for a catalogue
        key that disappears)."""
        with self.writing() as w:
            w.delete_local_entry(_uuid(key_or_uuid))

    def restore_local_entry(self, key_or_uuid: str) -> LocalEntry:
        """Bring a trashed local entry back; its deleted territory comes back too, as for
        a note (:meth:`~essdesk.notes.NotesStore.restore_from_trash`)."""
        with self.writing() as w:
            return w.restore_local_entry(_uuid(key_or_uuid))

    def restore_local_version(self, version_id: int) -> LocalEntry:
        """Make an earlier state current again, as a new version."""
        with self.writing() as w:
            return w.restore_local_version(version_id)


class LocalEntriesWriter:
    """Local entries' half of :class:`~essdesk.notes.writing.NotesWriter`, the one door for
    writes: an entry's row and a version of its history always change together, and every
    decision (live or trashed, changed or not) is taken inside the write transaction."""

    if TYPE_CHECKING:
        _conn: Connection

        def _stamp(self) -> str: ...
        def author_initials(self) -> str | None: ...
        def restore_territory(
            self, tu: str, *, name: str | None = None, with_notes: bool = True
        ) -> None: ...

    def local_entry(self, entry_uuid: str) -> LocalEntry | None:
        """A local entry by uuid, in whatever state, as this transaction sees it."""
        row = self._conn.execute(_query().where(local_entries.c.uuid == entry_uuid)).first()
        return _entry(row) if row is not None else None

    def _load_local(self, entry_uuid: str) -> LocalEntry:
        found = self.local_entry(entry_uuid)
        if found is None:
            raise _not_found(entry_uuid)
        return found

    def insert_local_entries(self, new: Sequence[NewLocal], *, saved_at: str = "") -> None:
        """Insert entries, each with its first version, in bulk (``saved_at``: now)."""
        if not new:
            return
        now = saved_at or self._stamp()
        rows = [
            {
                "uuid": n.uuid,
                "territory_uuid": n.territory_uuid,
                "created": n.created,
                "updated": now,
                "author": n.author,
                "conflict_of": n.conflict_of,
                **_row_values(n.content),
            }
            for n in new
        ]
        self._conn.execute(insert(local_entries), rows)
        self._conn.execute(
            insert(local_entry_versions),
            [
                {"entry_uuid": r["uuid"], "data": r["data"], "saved_at": now, "author": r["author"]}
                for r in rows
            ],
        )

    def put_local_content(self, entry_uuid: str, content: LocalContent, author: str) -> None:
        """A new content for an existing entry: the row and a version of its history."""
        now = self._stamp()
        row = _row_values(content)
        self._conn.execute(
            update(local_entries)
            .where(local_entries.c.uuid == entry_uuid)
            .values(updated=now, author=author, **row)
        )
        self._conn.execute(
            insert(local_entry_versions).values(
                entry_uuid=entry_uuid, data=row["data"], saved_at=now, author=author
            )
        )

    def add_local_entries(
        self, tu: str, checked: Sequence[LocalContent], *, author: str | None = None
    ) -> list[LocalEntry]:
        """New entries (contents already checked) for a live territory, signed by the person
        at this laptop (issue 12: her initials, not the territory's; the profile's only while
        she has given none) unless ``author`` says who (an exchange file, the team)."""
        trow = live_territory(self._conn, tu)
        who = (self.author_initials() or trow.initials) if author is None else author
        now = self._stamp()
        new = [NewLocal(str(uuidlib.uuid4()), tu, c, now, who) for c in checked]
        self.insert_local_entries(new, saved_at=now)
        uuids = [n.uuid for n in new]
        found = {
            r.uuid: _entry(r)
            for r in self._conn.execute(_query().where(local_entries.c.uuid.in_(uuids)))
        }
        return [found[u] for u in uuids]

    def update_local_entry(
        self, entry_uuid: str, content: LocalContent, title_of: TitleOf, *, author: str = ""
    ) -> LocalEntry:
        """See :meth:`LocalEntriesMixin.update_local_entry`."""
        current = self._load_local(entry_uuid)
        kept = {r.key: r.title for r in current.content.relations}

        def lenient(key: str) -> str | None:
            found = title_of(key)
            return kept[key] if found is None and key in kept else found

        checked = check_content(content, lenient)
        if checked == current.content:
            return current
        if current.deleted_at is not None:
            raise _in_trash()
        # « ajouté par » stays who added it, unless the caller says who wrote this
        self.put_local_content(entry_uuid, checked, author or current.author)
        return self._load_local(entry_uuid)

    def delete_local_entry(self, entry_uuid: str) -> None:
        """See :meth:`LocalEntriesMixin.delete_local_entry`."""
        self._load_local(entry_uuid)
        self._conn.execute(
            update(local_entries)
            .where(local_entries.c.uuid == entry_uuid, local_entries.c.deleted_at.is_(None))
            .values(deleted_at=self._stamp())
        )

    def restore_local_entry(self, entry_uuid: str) -> LocalEntry:
        """See :meth:`LocalEntriesMixin.restore_local_entry`."""
        current = self._load_local(entry_uuid)
        # As a note: its deleted territory comes back with it (and what went with it).
        self.restore_territory(current.territory_uuid)
        self._conn.execute(
            update(local_entries).where(local_entries.c.uuid == entry_uuid).values(deleted_at=None)
        )
        return self._load_local(entry_uuid)

    def restore_local_version(self, version_id: int) -> LocalEntry:
        """See :meth:`LocalEntriesMixin.restore_local_version`."""
        row = self._conn.execute(
            select(local_entry_versions).where(local_entry_versions.c.id == version_id)
        ).first()
        if row is None:
            raise NotesInputError("Version introuvable.", f"no version {version_id}")
        if self._load_local(row.entry_uuid).deleted_at is not None:
            raise _in_trash()
        self.put_local_content(row.entry_uuid, LocalContent.from_json(row.data), row.author)
        return self._load_local(row.entry_uuid)

    def purge_local_entries(self, cutoff: str) -> int:
        """Delete for good the entries trashed before ``cutoff`` (the notes' purge decides
        it: :meth:`~essdesk.notes.writing.NotesWriter.purge_trash`, same days, same clock).

        Their contents are remembered by digest in ``forgotten_texts`` (under their
        ``local:`` key), as purged notes' texts are, so an old exchange file or a team's
        log does not bring them back. A conflict copy kept beside a purged entry stands
        alone. Returns how many entries went."""
        conn = self._conn
        doomed = [
            (uuid, tu)
            for uuid, tu in conn.execute(
                select(local_entries.c.uuid, local_entries.c.territory_uuid).where(
                    local_entries.c.deleted_at.is_not(None), local_entries.c.deleted_at < cutoff
                )
            )
        ]
        for i in range(0, len(doomed), _CHUNK):
            chunk = dict(doomed[i : i + _CHUNK])
            contents = conn.execute(
                select(local_entry_versions.c.entry_uuid, local_entry_versions.c.data)
                .where(local_entry_versions.c.entry_uuid.in_(chunk))
                .union(
                    select(local_entries.c.uuid, local_entries.c.data).where(
                        local_entries.c.uuid.in_(chunk)
                    )
                )
            )
            remembered = {
                (LOCAL_PREFIX + u, chunk[u], content_digest(data)) for u, data in contents
            }
            if remembered:
                conn.execute(
                    sqlite_insert(forgotten_texts).on_conflict_do_nothing(),
                    [{"entry_key": k, "territory_uuid": t, "sha256": d} for k, t, d in remembered],
                )
            conn.execute(
                delete(local_entry_versions).where(local_entry_versions.c.entry_uuid.in_(chunk))
            )
            conn.execute(
                update(local_entries)
                .where(local_entries.c.conflict_of.in_(chunk))
                .values(conflict_of=None)
            )
            conn.execute(delete(local_entries).where(local_entries.c.uuid.in_(chunk)))
        return len(doomed)


_CHUNK = 500
"""Entries per ``IN (…)`` list when purging."""


def content_digest(data: str) -> str:
    """How a local entry's content is recognised across laptops and after a purge: the
    SHA-256 of its canonical JSON (:meth:`LocalContent.to_json`)."""
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def forgotten_local(conn: Connection, entry_uuid: str) -> set[str]:
    """Digests of the contents of a purged local entry (empty when it never was purged)."""
    return set(
        conn.execute(
            select(forgotten_texts.c.sha256).where(
                forgotten_texts.c.entry_key == LOCAL_PREFIX + entry_uuid
            )
        ).scalars()
    )
