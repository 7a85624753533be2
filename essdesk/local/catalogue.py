"""The catalogue as a territory sees it: the report's entries plus its own local entries.

:class:`TerritoryCatalogue` answers every query of :class:`Catalogue` (search, directory,
facets, trees, one entry, titles, keys) with the local entries of the scope merged in, so the
window, the CLI and the briefing sheet show them wherever a catalogue entry shows, without a
line of their own. The catalogue file stays read-only: the merge happens here, at query time,
over an immutable :class:`LocalIndex` swapped in whole when the local entries change.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Literal

from essdesk import fuzzy, textfold
from essdesk.catalogue.records import (
    KIND_LABELS,
    NATURE_LABELS,
    DirectoryRow,
    Entry,
    FacetValue,
    Filters,
    Hit,
    TreeNode,
)
from essdesk.catalogue.search import query_words
from essdesk.catalogue.store import Catalogue, _walk, pick_suggestions
from essdesk.local.index import LocalIndex
from essdesk.notes.local_entries import LocalEntry, is_local_key

_SORT_FIELDS = {
    "title": lambda r: r.sort_title,
    "kind": lambda r: r.kind,
    "type": lambda r: textfold.sort_key(r.subtype_label or KIND_LABELS.get(r.kind, r.kind)),
    "backer": lambda r: textfold.sort_key(r.backer),
    "territories": lambda r: textfold.sort_key(r.territories),
}
CITED_GROUP = "Cités pour ce levier"


class TerritoryCatalogue(Catalogue):
    """A :class:`Catalogue` with the local entries of a scope merged into its answers."""

    _local: LocalIndex = LocalIndex()
    _merged: tuple[LocalIndex, fuzzy.Vocabulary] | None = None

    @classmethod
    def open_local(cls, path: Path | None = None) -> TerritoryCatalogue:
        """:meth:`Catalogue.open`, typed as this class (no local entry in scope yet)."""
        opened = cls.open(path)
        assert isinstance(opened, cls)
        return opened

    def set_local(self, entries: Sequence[LocalEntry]) -> LocalIndex:
        """Replace the local entries in scope (one territory's, or all) at once."""
        self._local = LocalIndex(entries, self._short_label)
        return self._local

    @property
    def local(self) -> LocalIndex:
        return self._local

    def _short_label(self, key: str) -> str | None:
        """A territory type's short name (ZRR, QPV…) as the catalogue's directory shows it."""
        entry = super().entry(key)
        if entry is None:
            return None
        return entry.aliases[0] if entry.aliases else entry.title

    # ---------------------------------------------------------------- titles and keys
    def title(self, key: str) -> str | None:
        if is_local_key(key):
            found = self._local.get(key)
            return found.title if found is not None else None
        return super().title(key)

    def kind_of(self, key: str) -> str | None:
        if is_local_key(key):
            found = self._local.get(key)
            return found.kind if found is not None else None
        known = self._title_map().get(key)
        return known[0] if known else None

    def keys(self) -> frozenset[str]:
        base = super().keys()
        return base | self._local.keys() if self._local else base

    def names(self) -> dict[str, str]:
        """Folded title or alias → title, of the catalogue's actors and schemes (what an
        imported row duplicates)."""
        rows = self._rows(
            "SELECT n.name, e.title FROM names n JOIN entries e ON e.id = n.entry_id"
            " WHERE e.kind IN ('actor', 'scheme')"
        )
        return {name: title for name, title in rows}

    def resolve(self, text: str) -> str | None:
        """The key ``text`` names: a key as is, else the entry whose title or alias it is
        (folded; catalogue first, then local entries)."""
        value = text.strip()
        if self.title(value) is not None:
            return value
        folded = textfold.index_text(value)
        if not folded:
            return None
        rows = self._rows(
            "SELECT e.key FROM names n JOIN entries e ON e.id = n.entry_id WHERE n.name = ?"
            " ORDER BY e.kind = 'session', e.id LIMIT 1",
            [folded],
        )
        if rows:
            return str(rows[0][0])
        for entry in self._local.entries:
            if folded in (textfold.index_text(n) for n in entry.content.names):
                return entry.key
        return None

    def scopes(self, keys: Sequence[str], types: Sequence[str]) -> dict[str, tuple[str, str]]:
        out = super().scopes([k for k in keys if not is_local_key(k)], types)
        for key in keys:
            entry = self._local.get(key) if is_local_key(key) else None
            if entry is not None:
                out[key] = self._local.scope(entry, types)
        return out

    # ---------------------------------------------------------------- one entry
    def entry(self, key: str) -> Entry | None:
        local = self._local
        if is_local_key(key):
            found = local.get(key)
            if found is None:
                return None
            return local.entry_record(found, self.title, self.kind_of)
        entry = super().entry(key)
        if entry is None or not local:
            return entry
        incoming = local.incoming(key)
        return replace(entry, related=entry.related + tuple(incoming)) if incoming else entry

    # ---------------------------------------------------------------- search
    def vocabulary(self) -> fuzzy.Vocabulary:
        """The catalogue's words and the local entries': a typo in a local name is
        corrected like one in the report's (and « Vouliez-vous dire » proposes it)."""
        base = super().vocabulary()
        local = self._local
        if not local:
            return base
        cached = self._merged
        if cached is not None and cached[0] is local:
            return cached[1]
        counts = dict(base.counts)
        for word, n in local.word_counts().items():
            counts[word] = counts.get(word, 0) + n
        merged = fuzzy.Vocabulary(counts)
        self._merged = (local, merged)
        return merged

    def search(self, text: str, filters: Filters | None = None, limit: int = 50) -> list[Hit]:
        """The catalogue's hits with the local ones merged, by the catalogue's rule: exact
        and prefix matches before fuzzy ones, name matches before body matches (a local
        entry named exactly like the query first). Scores are recounted down the list."""
        hits = super().search(text, filters, limit)
        local = self._local
        words = query_words(text)
        if not local or limit <= 0 or not words:
            return hits
        filters = filters or Filters()
        found = local.search(words, filters, limit)
        if len(found) < fuzzy.FEW:
            vocabulary = self.vocabulary()
            unknown = not all(vocabulary.has_prefix(w) for w in words)
            reading = fuzzy.plan(words, vocabulary, everything=not unknown)
            seen = frozenset(h.key for _, h in found)
            found += local.search(words, filters, limit, reading.groups, seen)
        if not found:
            return hits
        named = 0  # the catalogue's name matches lead its list
        while named < len(hits) and hits[named].match != "fuzzy" and _names(hits[named], words):
            named += 1
        plain = named
        while plain < len(hits) and hits[plain].match != "fuzzy":
            plain += 1
        tiers: dict[int, list[Hit]] = {}
        for tier, hit in found:
            tiers.setdefault(tier, []).append(hit)
        merged = (
            tiers.get(0, [])
            + hits[:named]
            + tiers.get(1, [])
            + tiers.get(2, [])
            + hits[named:plain]
            + tiers.get(3, [])
            + tiers.get(4, [])
            + hits[plain:]
            + tiers.get(5, [])
        )[:limit]
        return [replace(h, score=round(1.0 - i / len(merged), 4)) for i, h in enumerate(merged)]

    def suggestions(self, text: str, filters: Filters | None = None, n: int = 4) -> list[str]:
        """« Vouliez-vous dire … ? » over the catalogue and the local entries alike: the
        corrected query, then the titles the fuzzy reading finds, in the merged order."""
        if not self._local:
            return super().suggestions(text, filters, n)
        corrected = self._search(text, filters, 20)[1]
        return pick_suggestions(corrected, self.search(text, filters, 20), n)

    # ---------------------------------------------------------------- directory
    def directory(
        self,
        text: str = "",
        filters: Filters | None = None,
        sort: str = "title",
        descending: bool = False,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[DirectoryRow]:
        filters = filters or Filters()
        words = query_words(text)
        local_rows = self._local.rows(text, words, filters) if self._local else []
        if not local_rows:
            return super().directory(text, filters, sort, descending, limit, offset)
        end = None if limit is None else max(0, offset) + max(0, limit)
        if sort == "relevance" and words:  # the catalogue ranks; a local name equal to
            # the text goes first, the other local rows after the catalogue's (by name match)
            phrase = " ".join(words)
            tiers = {r.key: self._local.name_tier(r.key, phrase) for r in local_rows}
            local_rows.sort(key=lambda r: (tiers[r.key], r.sort_title))
            first = [r for r in local_rows if tiers[r.key] == 0]
            rest = [r for r in local_rows if tiers[r.key] != 0]
            base = super().directory(text, filters, sort, descending, end, 0)
            return [*first, *base, *rest][max(0, offset) : end]
        key = _SORT_FIELDS.get(sort, _SORT_FIELDS["title"])
        local_rows.sort(key=lambda r: (key(r), r.sort_title), reverse=descending)
        base = super().directory(text, filters, sort, descending, end, 0)
        merged = list(
            heapq.merge(base, local_rows, key=lambda r: (key(r), r.sort_title), reverse=descending)
        )
        return merged[max(0, offset) : end]

    def count(self, text: str = "", filters: Filters | None = None) -> int:
        filters = filters or Filters()
        extra = len(self._local.rows(text, query_words(text), filters)) if self._local else 0
        return super().count(text, filters) + extra

    def facets(self, text: str = "", filters: Filters | None = None) -> dict[str, list[FacetValue]]:
        filters = filters or Filters()
        out = super().facets(text, filters)
        if not self._local:
            return out
        words = query_words(text)
        labels = self._facet_labels()
        names = {
            "kinds": "kind",
            "actor_types": "actor_type",
            "natures": "nature",
            "levers": "lever",
            "territories": "territory",
        }
        for attr, facet in names.items():
            own = self._local.facet_counts(
                words, text, filters, attr if getattr(filters, attr) else ""
            )
            counts = {fv.value: fv.count for fv in out[attr]}
            found = own.get(attr, {})
            everywhere = found.pop("*", 0)
            for value, n in found.items():
                counts[value] = counts.get(value, 0) + n
            for value in counts:  # what applies everywhere shows under each territory type
                counts[value] += everywhere
            values = [FacetValue(v, labels[facet].get(v, v), n) for v, n in counts.items()]
            if facet in ("lever", "territory"):
                values.sort(key=lambda fv: fv.value)
            else:
                values.sort(key=lambda fv: fv.label)
            out[attr] = values
        return out

    # ---------------------------------------------------------------- trees
    def tree(self, name: Literal["sessions", "levers", "tools"]) -> list[TreeNode]:
        nodes = super().tree(name)
        if not self._local:
            return nodes
        if name == "levers":
            return [self._with_cited(n) for n in nodes]
        if name == "tools":
            return self._with_schemes(nodes)
        return nodes

    def _leaves(self, key: str) -> list[TreeNode]:
        return [TreeNode(e.key, e.kind, e.title, 0) for e in self._local.citing(key)]

    def _with_cited(self, lever: TreeNode) -> TreeNode:
        """A lever's local entries join the entries the report cites for it (in the
        « Cités pour ce levier » group when the tree has one); a tool's, under the tool."""

        def with_leaves(node: TreeNode) -> TreeNode:
            if node.kind == "group" and node.key.startswith("outils:"):  # « Outils »
                return replace(node, children=tuple(with_leaves(c) for c in node.children))
            extra = tuple(self._leaves(node.key)) if node.kind == "tool" else ()
            if not extra:
                return node
            return replace(node, children=node.children + extra, count=node.count + len(extra))

        children = [with_leaves(child) for child in lever.children]
        extra = tuple(self._leaves(lever.key))
        if extra:
            group = next(
                (i for i, c in enumerate(children) if c.kind == "group" and c.title == CITED_GROUP),
                None,
            )
            if group is None:
                children.append(
                    TreeNode(f"cites:{lever.key}", "group", CITED_GROUP, len(extra), extra)
                )
            else:
                g = children[group]
                children[group] = replace(
                    g, children=g.children + extra, count=g.count + len(extra)
                )
        added = len({n.key for n in _walk(children)} & self._local.keys())
        return replace(lever, children=tuple(children), count=lever.count + added)

    def _with_schemes(self, groups: list[TreeNode]) -> list[TreeNode]:
        """Local schemes under their nature, like the report's."""
        by_nature: dict[str, list[TreeNode]] = {}
        for entry in self._local.entries:
            if entry.kind == "scheme" and entry.content.subtype:
                node = TreeNode(entry.key, "scheme", entry.title, 0)
                by_nature.setdefault(entry.content.subtype, []).append(node)
        if not by_nature:
            return groups
        out = []
        seen = set()
        for group in groups:
            nature = group.key.removeprefix("nature:")
            seen.add(nature)
            extra = by_nature.get(nature, [])
            if extra:
                kids = sorted([*group.children, *extra], key=lambda n: textfold.sort_key(n.title))
                group = replace(group, children=tuple(kids), count=len(kids))
            out.append(group)
        for nature, label in NATURE_LABELS.items():
            if nature in by_nature and nature not in seen:
                kids = sorted(by_nature[nature], key=lambda n: textfold.sort_key(n.title))
                out.append(TreeNode(f"nature:{nature}", "group", label, len(kids), tuple(kids)))
        return out


def _names(hit: Hit, words: list[str]) -> bool:
    """Whether every query word starts a word of the hit's title (a name match)."""
    title = textfold.words(hit.title)
    return all(any(t.startswith(w) for t in title) for w in words)
