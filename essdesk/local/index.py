"""An in-memory index of local entries, answering in the catalogue's own records.

Built once per change of the local entries (a snapshot: immutable, so a search on a worker
thread and an edit on the GUI thread never share mutable state), it finds entries by the
same folded words as the catalogue (:mod:`essdesk.textfold`: case, accents, œ/æ, apostrophes,
hyphens; every word a prefix) through a sorted vocabulary, and turns them into the
catalogue's :class:`Entry`, :class:`DirectoryRow`, :class:`Hit` and facet counts.
"""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from essdesk import fuzzy, textfold
from essdesk.catalogue.records import (
    RELATION_LABELS,
    DirectoryRow,
    Entry,
    Filters,
    Hit,
    Link,
    Related,
)
from essdesk.catalogue.search import Matcher
from essdesk.notes.local_entries import PERSONAL_DATA, LocalEntry

EVERYWHERE = "Tous territoires"
MISSING = "n'existe plus dans le catalogue"


@dataclass(frozen=True, slots=True)
class LocalHit(Hit):
    """A search hit on a local entry: ``territory`` is the profile it was added for."""

    territory: str = ""
    added_for: str = ""


@dataclass(frozen=True, slots=True)
class LocalRow(DirectoryRow):
    """A directory line of a local entry (shown with its « ajouté pour … » mark)."""

    territory: str = ""
    added_for: str = ""


def lever_of_tool(tool_key: str) -> str:
    """ "tool:3.2" → "lever:3" (the catalogue numbers tools by their lever)."""
    return "lever:" + tool_key.removeprefix("tool:").split(".")[0]


def provenance(entry: LocalEntry) -> str:
    """The line a local entry shows where a catalogue entry shows its source in the report."""
    day = entry.created.astimezone().strftime("%d/%m/%Y")
    return f"Entrée locale, hors rapport — {entry.added_for}, le {day}"


@dataclass(frozen=True)
class _Indexed:
    entry: LocalEntry
    names: tuple[str, ...]  # folded title and aliases
    levers: frozenset[str]
    body: tuple[str, ...]  # the texts a snippet is taken from


TitleOf = Callable[[str], "str | None"]


class LocalIndex:
    """The local entries in scope (one territory in the window; all in the CLI)."""

    def __init__(self, entries: Sequence[LocalEntry] = (), label_of: TitleOf | None = None):
        self._label_of = label_of or (lambda key: None)
        self._items = [self._prepare(e) for e in entries]
        self._by_key = {item.entry.key: item for item in self._items}
        postings: dict[str, set[int]] = {}
        for i, item in enumerate(self._items):
            for text in (*item.entry.content.names, *item.body):
                for word in textfold.words(text):
                    postings.setdefault(word, set()).add(i)
        self._vocabulary = sorted(postings)
        self._postings = postings
        name_postings: dict[str, set[int]] = {}
        for i, item in enumerate(self._items):
            for name in item.names:
                for word in name.split():
                    name_postings.setdefault(word, set()).add(i)
        self._name_vocabulary = sorted(name_postings)
        self._name_postings = name_postings
        self._names = sorted((name, i) for i, item in enumerate(self._items) for name in item.names)
        ranked = sorted(
            range(len(self._items)),
            key=lambda i: (len(self._items[i].entry.title), self._items[i].names[0]),
        )
        self._order = [0] * len(ranked)
        for position, i in enumerate(ranked):
            self._order[i] = position
        incoming: dict[str, list[tuple[str, LocalEntry]]] = {}
        for item in self._items:
            content = item.entry.content
            for rel in content.relations:
                incoming.setdefault(rel.key, []).append((rel.rel, item.entry))
            for key in (*content.levers, *content.tools):
                incoming.setdefault(key, []).append(("illustrates", item.entry))
        self._incoming = incoming

    @staticmethod
    def _prepare(entry: LocalEntry) -> _Indexed:
        c = entry.content
        levers = {*c.levers, *(lever_of_tool(t) for t in c.tools)}
        body = (c.summary, c.text, c.subtype_label, c.address, c.person, entry.territory_name)
        return _Indexed(
            entry,
            tuple(textfold.index_text(n) for n in c.names),
            frozenset(levers),
            tuple(b for b in body if b),
        )

    def __len__(self) -> int:
        return len(self._items)

    def __bool__(self) -> bool:
        return bool(self._items)

    @property
    def entries(self) -> list[LocalEntry]:
        return [item.entry for item in self._items]

    def get(self, key: str) -> LocalEntry | None:
        item = self._by_key.get(key)
        return item.entry if item is not None else None

    def name_tier(self, key: str, phrase: str) -> int:
        """0: a title or alias of ``key`` is ``phrase`` (folded), 1: starts with it, 2: not."""
        item = self._by_key.get(key)
        names = item.names if item is not None else ()
        if phrase in names:
            return 0
        return 1 if any(n.startswith(phrase) for n in names) else 2

    def keys(self) -> frozenset[str]:
        return frozenset(self._by_key)

    def word_counts(self) -> dict[str, int]:
        """Folded word → number of local entries holding it (for :mod:`essdesk.fuzzy`)."""
        return {word: len(found) for word, found in self._postings.items()}

    # ---------------------------------------------------------------- matching
    def _matching(self, words: Sequence[str], names_only: bool = False) -> set[int]:
        """Indexes of the entries where every word starts some word (of any field, or of
        a title or alias with ``names_only``)."""
        vocabulary = self._name_vocabulary if names_only else self._vocabulary
        postings = self._name_postings if names_only else self._postings
        found: set[int] | None = None
        for word in words:
            start = bisect.bisect_left(vocabulary, word)
            hits: set[int] = set()
            for token in vocabulary[start:]:
                if not token.startswith(word):
                    break
                hits |= postings[token]
            found = hits if found is None else found & hits
            if not found:
                return set()
        return found or set()

    def _matching_groups(self, groups: Sequence[fuzzy.Group]) -> set[int]:
        """Entries matching every group of a fuzzy reading through one of its alternatives
        (the last word of an alternative a prefix when it says so)."""
        found: set[int] | None = None
        for group in groups:
            matched: set[int] = set()
            for alt in group:
                hits: set[int] | None = None
                for i, word in enumerate(alt.words):
                    last = alt.prefix and i == len(alt.words) - 1
                    posting = self._matching([word]) if last else self._postings.get(word, set())
                    hits = set(posting) if hits is None else hits & posting
                matched |= hits or set()
            found = matched if found is None else found & matched
            if not found:
                return set()
        return found or set()

    @staticmethod
    def _passes(item: _Indexed, filters: Filters) -> bool:
        c = item.entry.content
        if filters.kinds and c.kind not in filters.kinds:
            return False
        if filters.actor_types and not (c.kind == "actor" and c.subtype in filters.actor_types):
            return False
        if filters.natures and not (c.kind == "scheme" and c.subtype in filters.natures):
            return False
        if filters.levers and not item.levers & set(filters.levers):
            return False
        # Under a territory filter, what applies everywhere stays (as in the catalogue).
        return (
            not filters.territories
            or c.everywhere
            or bool(set(c.territory_types) & set(filters.territories))
        )

    def select(self, words: Sequence[str], filters: Filters, text_given: bool) -> list[_Indexed]:
        if text_given and not words:
            return []  # only separators typed: nothing can match (as in the catalogue)
        pool = [self._items[i] for i in sorted(self._matching(words))] if words else self._items
        return [item for item in pool if self._passes(item, filters)]

    # ---------------------------------------------------------------- search
    def search(
        self,
        words: list[str],
        filters: Filters,
        limit: int,
        groups: Sequence[fuzzy.Group] | None = None,
        exclude: frozenset[str] = frozenset(),
    ) -> list[tuple[int, LocalHit]]:
        """(tier, hit) pairs, best first: tier 0 a name equals the query, 1 a name starts
        with it, 2 every word in a name, 3 elsewhere. With ``groups`` (a fuzzy reading,
        :func:`essdesk.fuzzy.plan`), the entries it finds instead: tier 4 by a name, 5
        elsewhere. Within a tier, shorter titles first."""
        if not words:
            return []
        if groups is None:
            pool = self._matching(words)
            highlight = list(words)
            phrase = " ".join(words)
            start = bisect.bisect_left(self._names, (phrase, -1))
            exact: set[int] = set()
            prefix: set[int] = set()
            for name, i in self._names[start:]:
                if not name.startswith(phrase):
                    break
                (exact if name == phrase else prefix).add(i)
            named = self._matching(words, names_only=True)
            tiers = [exact, prefix - exact, named - exact - prefix]
            tiers.append(pool - tiers[0] - tiers[1] - tiers[2])
            first = 0
        else:
            highlight = [w for g in groups for alt in g for w in alt.words]
            pool = {
                i for i in self._matching_groups(groups) if self._items[i].entry.key not in exclude
            }
            in_names = set().union(*(self._name_postings.get(w, set()) for w in highlight))
            tiers = [pool & in_names, pool - in_names]
            first = 4
        matcher = Matcher(highlight)
        chosen: list[tuple[int, _Indexed]] = []
        unfiltered = filters == Filters()
        for number, members_of_tier in enumerate(tiers, start=first):
            members = members_of_tier & pool
            wanted = limit - len(chosen)
            ordered = (
                heapq.nsmallest(wanted, members, key=self._order.__getitem__)
                if unfiltered
                else sorted(members, key=self._order.__getitem__)
            )
            for i in ordered:
                if len(chosen) == limit:
                    break
                if self._passes(self._items[i], filters):
                    chosen.append((number, self._items[i]))
        out = []
        for tier, item in chosen:
            entry = item.entry
            snip, spans = matcher.best_snippet([*item.body, ", ".join(entry.content.aliases)])
            hit = LocalHit(
                entry.key,
                entry.kind,
                entry.title,
                entry.content.subtype_label,
                snip,
                spans,
                0.0,
                "exact" if tier == 0 else "fuzzy" if tier >= 4 else "prefix",
                territory=entry.territory_name,
                added_for=entry.added_for,
            )
            out.append((tier, hit))
        return out

    # ---------------------------------------------------------------- directory
    def row(self, entry: LocalEntry) -> LocalRow:
        c = entry.content
        backers = [
            r.title or (self._label_of(r.key) or r.key)
            for r in c.relations
            if r.rel in ("backed_by", "operated_by")
        ]
        return LocalRow(
            entry.key,
            entry.kind,
            entry.title,
            c.subtype_label,
            ", ".join(backers),
            self.territories_label(entry),
            textfold.sort_key(entry.title),
            entry.territory_name,
            entry.added_for,
        )

    def scope(self, entry: LocalEntry, types: Sequence[str]) -> tuple[str, str]:
        """How a local entry concerns a territory of ``types``, like ``Catalogue.scopes``."""
        hit = sorted(self._short(t) for t in set(entry.content.territory_types) & set(types))
        if hit:
            return "targeted", "cible : " + ", ".join(hit)
        if entry.content.everywhere:
            return "everywhere", "tous territoires"
        return "unknown", "non précisé"

    def territories_label(self, entry: LocalEntry) -> str:
        if entry.content.everywhere:
            return EVERYWHERE
        return ", ".join(sorted(self._short(t) for t in entry.content.territory_types))

    def _short(self, key: str) -> str:
        return self._label_of(key) or key.removeprefix("territory:")

    def rows(self, text: str, words: list[str], filters: Filters) -> list[LocalRow]:
        if filters.kinds and not set(filters.kinds) & {"actor", "scheme"}:
            return []
        return [self.row(item.entry) for item in self.select(words, filters, bool(text.strip()))]

    def facet_counts(
        self, words: list[str], text: str, filters: Filters, skip: str
    ) -> dict[str, dict[str, int]]:
        """Per facet (``kinds``, ``actor_types``…), value → count, under the other facets."""
        skipped = Filters(**{**_as_dict(filters), skip: ()}) if skip else filters
        counts: dict[str, dict[str, int]] = {}
        for item in self.select(words, skipped, bool(text.strip())):
            c = item.entry.content
            values = {
                "kinds": [c.kind],
                "actor_types": [c.subtype] if c.kind == "actor" and c.subtype else [],
                "natures": [c.subtype] if c.kind == "scheme" and c.subtype else [],
                "levers": sorted(item.levers),
                # everywhere: counted under every territory value (see the catalogue's facets)
                "territories": ["*"] if c.everywhere else list(c.territory_types),
            }
            for facet, found in values.items():
                for value in found:
                    bucket = counts.setdefault(facet, {})
                    bucket[value] = bucket.get(value, 0) + 1
        return counts

    # ---------------------------------------------------------------- entries
    def entry_record(self, entry: LocalEntry, title_of: TitleOf, kind_of: TitleOf) -> Entry:
        """A local entry as the catalogue's :class:`Entry` (what the detail view, ``show``
        and the briefing sheet read)."""
        c = entry.content
        details: list[tuple[str, str]] = []
        if c.subtype_label:
            details.append(("Type d'acteur" if c.kind == "actor" else "Nature", c.subtype_label))
        details.append(("Territoires", self.territories_label(entry) or "non précisé"))
        for label, value in (
            ("Adresse", c.address),
            ("Téléphone", c.phone),
            ("Courriel", c.email),
        ):
            if value:
                details.append((label, value))
        if c.person:
            details.append(("Personne à contacter", f"{c.person} ({PERSONAL_DATA})"))
        related = []
        for rel in c.relations:
            related.append(self._outgoing(rel.rel, rel.key, rel.title, title_of, kind_of))
        for key in (*c.levers, *c.tools):
            related.append(self._outgoing("illustrates", key, "", title_of, kind_of))
        related += self.incoming(entry.key)
        links = tuple(Link(url, _link_label(url)) for url in c.links)
        if c.email and not any(u.startswith("mailto:") for u in c.links):
            links += (Link(f"mailto:{c.email}", c.email),)
        return Entry(
            key=entry.key,
            kind=c.kind,
            title=c.title,
            aliases=c.aliases,
            summary=c.summary,
            text=c.text,
            facts=(),
            key_points=(),
            links=links,
            sources=(),
            provenance=provenance(entry),
            note="",
            subtype=c.subtype,
            subtype_label=c.subtype_label,
            role="",
            details=tuple(details),
            parent="",
            related=tuple(related),
        )

    @staticmethod
    def _outgoing(
        rel: str, key: str, old_title: str, title_of: TitleOf, kind_of: TitleOf
    ) -> Related:
        title = title_of(key)
        label = RELATION_LABELS.get(rel, RELATION_LABELS["related_to"])[0]
        if title is None:  # kept, and said: the catalogue no longer has it
            shown = f"« {old_title or key} » — {MISSING}"
            return Related(key, "", shown, rel, label, True)
        return Related(key, kind_of(key) or "", title, rel, label, True)

    def incoming(self, key: str) -> list[Related]:
        """« Cité dans »-side links of ``key``: the local entries that point at it."""
        out = []
        for rel, entry in self._incoming.get(key, []):
            label = RELATION_LABELS.get(rel, RELATION_LABELS["related_to"])[1]
            out.append(Related(entry.key, entry.kind, entry.title, rel, label, False))
        return out

    def citing(self, key: str) -> list[LocalEntry]:
        """Local entries that illustrate a lever or a tool (the levers tree)."""
        return [e for rel, e in self._incoming.get(key, []) if rel == "illustrates"]


def _as_dict(filters: Filters) -> dict[str, tuple[str, ...]]:
    return {
        "kinds": filters.kinds,
        "actor_types": filters.actor_types,
        "natures": filters.natures,
        "levers": filters.levers,
        "territories": filters.territories,
    }


def _link_label(url: str) -> str:
    return url.removeprefix("mailto:") if url.startswith("mailto:") else "Site web"
