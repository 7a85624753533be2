"""Queries over the built catalogue, opened read-only. Returns records, never ORM objects.

The catalogue's tables are declared with SQLAlchemy (schema.py) and built with it, but read
here through the standard library's sqlite3: importing SQLAlchemy costs ~0.2 s, more than the
whole start-up budget of the window, and these read-only queries are plain SQL anyway. Each
thread gets its own read-only connection, so a search may run on a worker thread while the
GUI thread reads an entry.

Over 500 lines, on purpose: one class, the catalogue's whole read API (entries, search,
directory and facets, trees, glossary), and the only module holding the catalogue's SQL.
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Literal, Self
from urllib.parse import quote

from essdesk import fuzzy, paths, textfold
from essdesk.catalogue.format import FTS_WEIGHTS, SCHEMA_VERSION
from essdesk.catalogue.records import (
    ACTOR_TYPE_LABELS,
    KIND_LABELS,
    NATURE_LABELS,
    RELATION_LABELS,
    DirectoryRow,
    Entry,
    FacetValue,
    Filters,
    GlossaryItem,
    Hit,
    Link,
    Related,
    TreeNode,
)
from essdesk.catalogue.search import Matcher, fts_query, query_words

DIRECTORY_KINDS = ("actor", "scheme")
SORT_COLUMNS = {
    "title": "e.sort_title",
    "kind": "e.kind",
    "type": "e.sort_type",
    "backer": "e.sort_backer",
    "territories": "e.sort_territories",
}
_FACETS = (
    ("kinds", "kind"),
    ("actor_types", "actor_type"),
    ("natures", "nature"),
    ("levers", "lever"),
    ("territories", "territory"),
)
_BM25 = "bm25(entries_fts, {}, {}, {})".format(*FTS_WEIGHTS)


_ACRONYM = re.compile(r"^[A-ZÉ][A-ZÉ0-9&+’'-]{1,9}$")


class CatalogueError(RuntimeError):
    """The catalogue file is missing, damaged or of an unknown version (message in French)."""


class _Connections:
    """One read-only connection per thread, all closed together."""

    def __init__(self, path: Path) -> None:
        self._uri = f"file:{quote(str(path.resolve()))}?mode=ro"
        self._local = threading.local()
        self._all: list[sqlite3.Connection] = []
        self._lock = threading.Lock()

    def get(self) -> sqlite3.Connection:
        con: sqlite3.Connection | None = getattr(self._local, "con", None)
        if con is None:
            # check_same_thread=False only so that close() may run on another thread.
            con = sqlite3.connect(self._uri, uri=True, check_same_thread=False)
            self._local.con = con
            with self._lock:
                self._all.append(con)
        return con

    def close(self) -> None:
        with self._lock:
            for con in self._all:
                con.close()
            self._all.clear()
        self._local = threading.local()


def pick_suggestions(corrected: str, hits: Sequence[Hit], n: int) -> list[str]:
    """The corrected query, then the titles of fuzzy hits: at most ``n``, none twice once
    folded (« france active » and « France Active » are one suggestion)."""
    out: list[str] = []
    seen: set[str] = set()
    for text in [corrected, *(h.title for h in hits if h.match == "fuzzy")]:
        folded = textfold.index_text(text)
        if text and folded not in seen:
            seen.add(folded)
            out.append(text)
    return out[:n]


class Catalogue:
    """The read-only catalogue of the report."""

    def __init__(self, connections: _Connections, meta: dict[str, str]) -> None:
        self._connections = connections
        self.version = meta["catalogue_version"]
        self.sources_digest = meta.get("sources_digest", "")
        self.source_title = meta.get("source_title", "")
        self.source_date = meta.get("source_date", "")
        self.source_author = meta.get("source_author", "")
        self._titles: dict[str, tuple[str, str]] | None = None
        self._labels: dict[str, dict[str, str]] | None = None
        self._vocabulary: fuzzy.Vocabulary | None = None
        self._lock = threading.Lock()

    @classmethod
    def open(cls, path: Path | None = None) -> Catalogue:
        path = path or paths.catalogue_path()
        if not path.is_file():
            raise CatalogueError(f"Catalogue introuvable : {path}")
        connections = _Connections(path)
        damaged = f"Catalogue endommagé : réinstallez essdesk. Fichier illisible : {path}"
        try:
            con = connections.get()
            # quick_check (~2 ms here): damaged pages are found now, not as an empty window
            # or a traceback at the first query that reaches them
            problems = [r[0] for r in con.execute("PRAGMA quick_check")]
            rows = (
                con.execute("SELECT name, value FROM meta").fetchall() if problems == ["ok"] else []
            )
        except sqlite3.Error as exc:
            connections.close()
            raise CatalogueError(f"{damaged} ({exc})") from exc
        if problems != ["ok"]:
            connections.close()
            raise CatalogueError(f"{damaged} ({'; '.join(map(str, problems[:3]))})")
        meta = {str(name): value for name, value in rows}
        try:
            version = int(str(meta["schema_version"]))
        except (KeyError, ValueError):
            connections.close()
            raise CatalogueError(
                f"{damaged} (schema_version : {meta.get('schema_version')!r})"
            ) from None
        if version != SCHEMA_VERSION:
            connections.close()
            raise CatalogueError(
                f"Version de catalogue non prise en charge ({version}, attendue "
                f"{SCHEMA_VERSION}) : {path}"
            )
        return cls(connections, meta)

    def close(self) -> None:
        self._connections.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        return self._connections.get().execute(sql, tuple(params)).fetchall()

    # ----------------------------------------------------------------- titles and keys
    def _title_map(self) -> dict[str, tuple[str, str]]:
        if self._titles is None:
            rows = self._rows("SELECT key, kind, title FROM entries")
            self._titles = {key: (kind, title) for key, kind, title in rows}
        return self._titles

    def title(self, key: str) -> str | None:
        found = self._title_map().get(key)
        return found[1] if found else None

    def keys(self) -> frozenset[str]:
        return frozenset(self._title_map())

    def __len__(self) -> int:
        return len(self._title_map())

    # ----------------------------------------------------------------- filters
    @staticmethod
    def _filter_sql(
        filters: Filters, skip: str = "", id_column: str = "e.id"
    ) -> tuple[str, list[str]]:
        """`` AND <id_column> IN (…)`` per active facet except ``skip``, and its parameters."""
        sql, params = [], []
        for attr, facet in _FACETS:
            values = getattr(filters, attr)
            if values and facet != skip:
                marks = ",".join("?" * len(values))
                # Under a territory filter, what the report says applies everywhere stays.
                scope = " OR (facet = 'scope' AND value = 'everywhere')"
                sql.append(
                    f" AND {id_column} IN (SELECT entry_id FROM facets WHERE (facet = ? "
                    f"AND value IN ({marks})){scope if facet == 'territory' else ''})"
                )
                params += [facet, *values]
        return "".join(sql), params

    def scopes(self, keys: Sequence[str], types: Sequence[str]) -> dict[str, tuple[str, str]]:
        """For each key (actor or scheme), how it concerns a territory of ``types``:
        (``targeted``, « cible : ZRR »), (``everywhere``, « tous territoires ») or
        (``unknown``, « non précisé »); other kinds are left out."""
        if not keys:
            return {}
        short = self._territory_short_labels()
        rows = self._rows(
            "SELECT e.key, f.facet, f.value FROM entries e JOIN facets f ON f.entry_id = e.id"
            f" WHERE e.key IN ({','.join('?' * len(keys))}) AND f.facet IN ('territory', 'scope')",
            list(keys),
        )
        targets: dict[str, set[str]] = {}
        everywhere: set[str] = set()
        known: set[str] = set()
        for key, facet, value in rows:
            if facet == "scope":
                known.add(key)
                if value == "everywhere":
                    everywhere.add(key)
            else:
                targets.setdefault(key, set()).add(value)
        out = {}
        for key in keys:
            if key not in known:
                continue
            hit = sorted(short.get(t, t) for t in targets.get(key, set()) & set(types))
            if hit:
                out[key] = ("targeted", "cible : " + ", ".join(hit))
            elif key in everywhere:
                out[key] = ("everywhere", "tous territoires")
            else:
                out[key] = ("unknown", "non précisé")
        return out

    def _territory_short_labels(self) -> dict[str, str]:
        rows = self._rows("SELECT key, title, aliases FROM entries WHERE kind = 'territory'")
        return {key: (json.loads(aliases) or [title])[0] for key, title, aliases in rows}

    # ----------------------------------------------------------------- search
    def vocabulary(self) -> fuzzy.Vocabulary:
        """The folded words of the full-text index (read once, from FTS5's own vocabulary)."""
        with self._lock:
            if self._vocabulary is None:
                con = self._connections.get()
                con.execute(
                    "CREATE VIRTUAL TABLE IF NOT EXISTS temp.entries_vocab"
                    " USING fts5vocab(main, entries_fts, row)"
                )
                rows = con.execute("SELECT term, doc FROM temp.entries_vocab").fetchall()
                self._vocabulary = fuzzy.Vocabulary(dict(rows))
            return self._vocabulary

    def search(self, text: str, filters: Filters | None = None, limit: int = 50) -> list[Hit]:
        """Ranked hits for ``text``: every word a prefix, in any order; typos forgiven.

        Order: entries whose title or an alias equals the query, then those whose title or
        alias starts with it, then those with every word in a title or alias, then the rest
        by bm25 (title and alias columns weigh most). When a word matches nothing, or fewer
        than ``fuzzy.FEW`` entries are found, the misspelt words are read with their corrections
        (:mod:`essdesk.fuzzy`) and what that finds follows, ranked the same way: exact and
        prefix matches always come before fuzzy ones. A person found by name is followed by
        the sessions they spoke in. Each hit says how it matched (``Hit.match``) and its
        ``score`` goes down along the list.
        """
        return self._search(text, filters, limit)[0]

    def suggestions(self, text: str, filters: Filters | None = None, n: int = 4) -> list[str]:
        """« Vouliez-vous dire … ? »: the query with its misspelt words corrected, then the
        titles of the entries its fuzzy reading finds; empty when nothing is misspelt."""
        hits, corrected = self._search(text, filters, 20)
        return pick_suggestions(corrected, hits, n)

    def _search(
        self, text: str, filters: Filters | None, limit: int
    ) -> tuple[list[Hit], str]:
        words = query_words(text)
        if not words or limit <= 0:
            return [], ""
        filters = filters or Filters()
        on_names, params = self._filter_sql(filters, id_column="n.entry_id")
        on_fts, _ = self._filter_sql(filters, id_column="rowid")
        con = self._connections.get()
        vocabulary = self.vocabulary()
        # A word no indexed word starts with matches nothing: straight to its corrections.
        unknown = not all(vocabulary.has_prefix(w) for w in words)
        match: dict[int, str] = {}
        by_name: set[int] = set()
        if not unknown:
            phrase = " ".join(words)
            named = con.execute(
                "SELECT n.entry_id, MIN(n.name != ?), MIN(length(n.name)) FROM names n"
                f" WHERE n.name >= ? AND n.name < ?{on_names}"
                " GROUP BY n.entry_id ORDER BY 2, 3 LIMIT ?",
                (phrase, phrase, phrase + "{", *params, int(limit)),
            ).fetchall()
            match = {row[0]: "prefix" for row in named}
            by_name = set(match)
            groups = [[w] for w in words]
            self._ranked(con, fts_query(words), groups, on_fts, params, limit, match, by_name)
        if match:
            exact = con.execute(
                "SELECT rowid FROM entries_fts WHERE entries_fts MATCH ?"
                f" AND rowid IN ({','.join('?' * len(match))})",
                (" ".join(f'"{w}"' for w in words), *match),
            ).fetchall()
            match.update((rowid, "exact") for (rowid,) in exact)
        corrected = ""
        if len(match) < limit and (unknown or len(match) < fuzzy.FEW):
            reading = fuzzy.plan(words, vocabulary, everything=not unknown)
            if reading.changed:
                corrected = " ".join(reading.corrected)
            found: dict[int, str] = {}
            expr = fuzzy.fts_expression(reading.groups)
            alternatives = [[w for alt in group for w in alt.words] for group in reading.groups]
            self._ranked(
                con, expr, alternatives, on_fts, params, limit - len(match), found, by_name, match
            )
            match.update((rowid, "fuzzy") for rowid in found if rowid not in match)
            words = reading.words
        if not match:
            return [], corrected
        ids = self._with_sessions(con, match, by_name, filters)[:limit]
        rows = con.execute(
            "SELECT id, key, kind, title, subtype_label, summary, text, facts FROM entries"
            f" WHERE id IN ({','.join('?' * len(ids))})",
            tuple(ids),
        ).fetchall()
        by_id = {row[0]: row for row in rows}
        matcher = Matcher(words)
        hits = []
        for i, rowid in enumerate(ids):
            _, key, kind, title, subtype_label, summary, body, facts = by_id[rowid]
            snip, spans = matcher.best_snippet([summary, body, *json.loads(facts)])
            score = round(1.0 - i / len(ids), 4)
            hits.append(
                Hit(key, kind, title, subtype_label, snip, spans, score, match[rowid])
            )
        return hits, corrected

    @staticmethod
    def _ranked(
        con: sqlite3.Connection,
        expr: str,
        groups: list[list[str]],
        on_fts: str,
        params: list[str],
        limit: int,
        into: dict[int, str],
        by_name: set[int],
        skip: Mapping[int, str] | None = None,
    ) -> None:
        """Add to ``into`` the matches of ``expr``: those with it all in a title or alias
        first (also added to ``by_name``), the closest name first, then the rest by bm25;
        stop at ``limit``. ``groups``: for each query word, the words that may stand for it.
        """
        skip = skip or {}
        for column, named in (("{title aliases} : ", True), ("", False)):
            if len(into) >= limit:
                return
            rows = [
                rowid
                for (rowid,) in con.execute(
                    f"SELECT rowid FROM entries_fts WHERE entries_fts MATCH ?{on_fts}"
                    f" ORDER BY {_BM25} LIMIT ?",
                    (f"{column}({expr})", *params, int(limit) + len(skip) + len(into)),
                )
                if rowid not in into and rowid not in skip
            ]
            if named and rows:
                rows = _closest_names_first(con, rows, groups)
            for rowid in rows[: max(0, limit - len(into))]:
                into[rowid] = "prefix"
                if named:
                    by_name.add(rowid)

    @staticmethod
    def _with_sessions(
        con: sqlite3.Connection, match: dict[int, str], by_name: set[int], filters: Filters
    ) -> list[int]:
        """The ids of ``match`` with, right after each person found by name, the sessions
        they spoke in or moderated (moved up if found elsewhere; matched as the person),
        unless a filter excludes sessions."""
        ids = list(match)
        if filters != Filters() and "session" not in filters.kinds:
            return ids
        people = [i for i in ids if i in by_name]
        if not people:
            return ids
        rows = con.execute(
            "SELECT p.id, s.id FROM entries p JOIN relations r ON r.src = p.key"
            " JOIN entries s ON s.key = r.dst"
            f" WHERE p.id IN ({','.join('?' * len(people))}) AND +p.kind = 'actor'"
            " AND +p.subtype = 'person' AND r.rel IN ('speaks_in', 'moderates')"
            " ORDER BY s.ord, s.id",
            people,
        ).fetchall()
        sessions: dict[int, list[int]] = {}
        for person, session in rows:
            sessions.setdefault(person, []).append(session)
        if not sessions:
            return ids
        moved = {s for group in sessions.values() for s in group}
        out: list[int] = []
        for rowid in ids:
            if rowid in moved and rowid not in out:
                continue
            if rowid not in out:
                out.append(rowid)
            for session in sessions.get(rowid, ()):
                if session not in out:
                    out.append(session)
                    match.setdefault(session, match[rowid])
        return out

    # ----------------------------------------------------------------- one entry
    def entry(self, key: str) -> Entry | None:
        rows = self._rows(
            "SELECT key, kind, title, aliases, summary, text, facts, key_points, links,"
            " sources, provenance, note, subtype, subtype_label, role, details, parent"
            " FROM entries WHERE key = ?",
            [key],
        )
        if not rows:
            return None
        r = rows[0]
        related = [
            Related(dst, kind, title, rel, RELATION_LABELS[rel][0], True)
            for rel, dst, kind, title in self._rows(
                "SELECT r.rel, r.dst, e.kind, e.title FROM relations r"
                " JOIN entries e ON e.key = r.dst WHERE r.src = ? ORDER BY r.rel, e.sort_title",
                [key],
            )
        ]
        related += [
            Related(src, kind, title, rel, RELATION_LABELS[rel][1], False)
            for rel, src, kind, title in self._rows(
                "SELECT r.rel, r.src, e.kind, e.title FROM relations r"
                " JOIN entries e ON e.key = r.src WHERE r.dst = ?"
                " ORDER BY r.rel, e.kind, e.ord, e.sort_title",
                [key],
            )
        ]
        return Entry(
            key=r[0],
            kind=r[1],
            title=r[2],
            aliases=tuple(json.loads(r[3])),
            summary=r[4],
            text=r[5],
            facts=tuple(json.loads(r[6])),
            key_points=tuple(json.loads(r[7])),
            links=tuple(Link(x["url"], x["label"]) for x in json.loads(r[8])),
            sources=tuple(json.loads(r[9])),
            provenance=r[10],
            note=r[11],
            subtype=r[12],
            subtype_label=r[13],
            role=r[14],
            details=tuple((a, b) for a, b in json.loads(r[15])),
            parent=r[16],
            related=tuple(related),
        )

    # ----------------------------------------------------------------- directory
    def directory(
        self,
        text: str = "",
        filters: Filters | None = None,
        sort: str = "title",
        descending: bool = False,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[DirectoryRow]:
        """Actors and schemes (unless ``filters.kinds`` says otherwise), sorted in SQL
        (``sort="relevance"`` with text: best match first, as the search ranks).

        ``limit``/``offset`` page through long results (a 100,000-entry catalogue);
        ``count()`` gives the total.
        """
        filters = filters or Filters()
        source, base, params = self._base_sql(text, filters)
        order = SORT_COLUMNS.get(sort, "e.sort_title")
        direction = "DESC" if descending else "ASC"
        words = query_words(text)
        if sort == "relevance" and words:
            # As the search ranks: a name equal to the text, then starting with it, then
            # bm25 (title and aliases weigh most). « dla » puts the DLA first.
            phrase = " ".join(words)
            order = (
                "COALESCE((SELECT MIN(n.name != ?) FROM names n WHERE n.entry_id = e.id"
                f" AND n.name >= ? AND n.name < ?), 2), {_BM25}"
            )
            params = [*params, phrase, phrase, phrase + "{"]
            direction = "ASC"
        page = ""
        bound: list[str | int] = list(params)
        if limit is not None:
            page = " LIMIT ? OFFSET ?"
            bound += [max(0, int(limit)), max(0, int(offset))]
        rows = self._rows(
            "SELECT e.key, e.kind, e.title, e.subtype_label, e.backer, e.territories,"
            f" e.sort_title FROM {source} WHERE {base}"
            f" ORDER BY {order} {direction}, e.sort_title {direction}, e.id{page}",
            bound,
        )
        return [DirectoryRow(*r) for r in rows]

    def count(self, text: str = "", filters: Filters | None = None) -> int:
        """Number of rows ``directory(text, filters)`` returns without a limit."""
        source, base, params = self._base_sql(text, filters or Filters())
        return int(self._rows(f"SELECT COUNT(*) FROM {source} WHERE {base}", params)[0][0])

    def _base_sql(self, text: str, filters: Filters, skip: str = "") -> tuple[str, str, list[str]]:
        """``FROM`` source (rows as ``e``), ``WHERE`` condition and parameters of the
        directory's rows for ``text`` and ``filters`` (except the facet ``skip``).

        With text, the rows come from its full-text matches (``CROSS JOIN``: that order),
        not every entry checked against them: on 100,000 entries, the facets of 5,700
        matches are counted in 0.05 s instead of 0.35 s.
        """
        source, sql, params = "entries e", "1", []
        words = query_words(text)
        if words:
            source = "entries_fts m CROSS JOIN entries e ON e.id = m.rowid"
            sql = "entries_fts MATCH ?"
            params.append(fts_query(words))
        elif text.strip():
            sql = "0"  # only separators typed: nothing can match
        if not filters.kinds or skip == "kind":
            sql += f" AND e.kind IN ({','.join('?' * len(DIRECTORY_KINDS))})"
            params += list(DIRECTORY_KINDS)
        where, more = self._filter_sql(filters, skip=skip)
        return source, sql + where, params + more

    def facets(self, text: str = "", filters: Filters | None = None) -> dict[str, list[FacetValue]]:
        """Counts per facet value, each facet counted under the other facets' filters."""
        filters = filters or Filters()
        labels = self._facet_labels()
        # Skipping a facet that has no value selected changes nothing: those facets are
        # counted together, in one pass over the (text) matches; each selected one alone.
        free = [facet for attr, facet in _FACETS if not getattr(filters, attr)]
        groups = [(facet, [facet]) for attr, facet in _FACETS if getattr(filters, attr)]
        if free:
            groups.append(("", free))
        counted: dict[str, list[tuple[str, int]]] = {facet: [] for _, facet in _FACETS}
        for skip, members in groups:
            source, base, params = self._base_sql(text, filters, skip=skip)
            if source == "entries e":  # every facet row, in index order
                source = "facets f JOIN entries e ON e.id = f.entry_id"
            else:  # from the text's matches to their facet rows (ix_facets_entry)
                source += " CROSS JOIN facets f ON f.entry_id = e.id"
            rows = self._rows(
                f"SELECT f.facet, f.value, COUNT(*) FROM {source}"
                f" WHERE {base} AND f.facet IN ({','.join('?' * len(members))})"
                " GROUP BY f.facet, f.value",
                [*params, *members],
            )
            for facet, value, n in rows:
                counted[facet].append((value, n))
            if "territory" in members:
                counted["territory"] = self._with_everywhere(
                    counted["territory"], source, base, params
                )
        out: dict[str, list[FacetValue]] = {}
        for attr, facet in _FACETS:
            values = [FacetValue(v, labels[facet].get(v, v), n) for v, n in counted[facet]]
            if facet in ("lever", "territory"):
                values.sort(key=lambda fv: fv.value)
            else:  # French order: « État » with the E's, not after Z
                values.sort(key=lambda fv: textfold.sort_key(fv.label))
            out[attr] = values
        return out

    def _with_everywhere(
        self, targeted: list[tuple[str, int]], source: str, base: str, params: list[str]
    ) -> list[tuple[str, int]]:
        """Territory facet counts as choosing the value shows them: the entries that target
        it plus those valid everywhere (counted once when they do both)."""
        everywhere = (
            "e.id IN (SELECT entry_id FROM facets WHERE facet = 'scope' AND value = 'everywhere')"
        )
        rows = self._rows(
            f"SELECT f.value, COUNT(*) FROM {source} WHERE {base} AND {everywhere}"
            " AND f.facet = 'territory' GROUP BY f.value",
            params,
        )
        both = dict(rows)
        # every facet row of an everywhere entry counts it once: the kind facet has one row
        total = self._rows(
            f"SELECT COUNT(*) FROM {source} WHERE {base} AND {everywhere} AND f.facet = 'kind'",
            params,
        )[0][0]
        return [(value, n + total - both.get(value, 0)) for value, n in targeted]

    def _facet_labels(self) -> dict[str, dict[str, str]]:
        """Built once (the catalogue does not change): facets() runs at each keystroke."""
        if self._labels is not None:
            return self._labels
        titles = self._title_map()
        self._labels = {
            "kind": KIND_LABELS,
            "actor_type": ACTOR_TYPE_LABELS,
            "nature": NATURE_LABELS,
            "lever": {
                k: f"Levier {k.split(':')[1]} : {t}"
                for k, (kind, t) in titles.items()
                if kind == "lever"
            },
            "territory": {k: t for k, (kind, t) in titles.items() if kind == "territory"},
        }
        return self._labels

    # ----------------------------------------------------------------- glossary
    def glossary(self) -> list[GlossaryItem]:
        """The acronyms and notions the report explains (its terms and territory types),
        the actors and schemes known by an acronym, and what essdesk calls a lever and a tool,
        in French alphabetical order."""
        items = [
            GlossaryItem(
                "",
                "Levier",
                (),
                "L’un des 6 leviers d’action des décideurs publics locaux identifiés par "
                "l’étude de l’ANCT pour la pérennisation des entreprises de l’ESS ; chaque "
                "levier se décline en plusieurs outils.",
            ),
            GlossaryItem(
                "",
                "Outil",
                (),
                "L’une des façons de mettre en œuvre un levier (rubrique Leviers). Les "
                "numéros 1.1 … 6.2 sont propres à essdesk : le compte-rendu les énumère "
                "sans numéro.",
            ),
        ]
        for key, kind, title, aliases, summary in self._rows(
            "SELECT key, kind, title, aliases, summary FROM entries"
            " WHERE kind IN ('term', 'territory', 'actor', 'scheme')"
        ):
            names = tuple(json.loads(aliases))
            acronym = next((n for n in names if _ACRONYM.match(n)), "")
            # Actors and schemes come in by their acronym (DLA, CRTE, ANCT…).
            if kind in ("term", "territory") or acronym:
                rest = tuple(n for n in names if n != acronym)
                items.append(GlossaryItem(key, title, rest, summary, acronym or title))
        return sorted(items, key=lambda item: textfold.sort_key(item.word or item.title))

    # ----------------------------------------------------------------- trees
    def tree(self, name: Literal["sessions", "levers", "tools"]) -> list[TreeNode]:
        if name == "sessions":
            return self._session_tree()
        if name == "levers":
            return self._lever_tree()
        if name == "tools":
            return self._tools_tree()
        raise ValueError(f"arbre inconnu : {name}")

    def _session_tree(self) -> list[TreeNode]:
        rows = self._rows(
            "SELECT key, title, parent FROM entries WHERE kind = 'session' ORDER BY ord, id"
        )
        cited: dict[str, set[str]] = {}
        for src, dst in self._rows(
            "SELECT src, dst FROM relations WHERE rel IN ('mentioned_in', 'speaks_in', 'moderates')"
        ):
            cited.setdefault(dst, set()).add(src)

        def build(parent: str) -> list[TreeNode]:
            nodes = []
            for key, title, par in rows:
                if par == parent:
                    children = tuple(build(key))
                    keys = set(cited.get(key, ()))
                    for child in _walk(children):
                        keys |= cited.get(child.key, set())
                    label = _count_label(len(keys), "entrée citée", "entrées citées") + (
                        " dans cette partie (intervenants, acteurs, dispositifs, notions)"
                    )
                    nodes.append(TreeNode(key, "session", title, len(keys), children, label))
            return nodes

        return build("")

    def _linked(self, key: str) -> list[TreeNode]:
        """Leaves for what the report ties to ``key``, each titled with its kind."""
        rows = self._rows(
            "SELECT DISTINCT e.key, e.kind, e.title, e.subtype_label FROM relations r"
            " JOIN entries e ON e.key = CASE WHEN r.src = ? THEN r.dst ELSE r.src END"
            " WHERE (r.src = ? OR r.dst = ?) AND r.rel != 'part_of'"
            " AND e.kind IN ('actor', 'scheme', 'term', 'territory')"
            " ORDER BY e.kind, e.sort_title",
            (key, key, key),
        )
        return [
            TreeNode(k, kd, f"{t} — {(kd == 'actor' and sub) or KIND_LABELS[kd]}", 0)
            for k, kd, t, sub in rows
        ]

    def _lever_tree(self) -> list[TreeNode]:
        """Each lever: its tools first, numbered, under « Outils » (each with what the
        report ties to it), then what the report cites for the lever as a whole."""
        nodes = []
        levers = self._rows("SELECT key, title FROM entries WHERE kind = 'lever' ORDER BY ord")
        for lkey, ltitle in levers:
            tools = self._rows(
                "SELECT key, title, number FROM entries WHERE kind = 'tool' AND parent = ?"
                " ORDER BY ord",
                (lkey,),
            )
            tool_nodes, all_linked = [], set()
            for tkey, ttitle, number in tools:
                leaves = tuple(self._linked(tkey))
                all_linked |= {n.key for n in leaves}
                label = _count_label(len(leaves), "entrée liée", "entrées liées") + " à cet outil"
                tool_nodes.append(
                    TreeNode(tkey, "tool", f"{number} {ttitle}", len(leaves), leaves, label)
                )
            cited = tuple(self._linked(lkey))
            all_linked |= {n.key for n in cited}
            groups = [
                TreeNode(
                    f"outils:{lkey}",
                    "group",
                    "Outils",
                    len(tool_nodes),
                    tuple(tool_nodes),
                    _count_label(len(tool_nodes), "outil", "outils") + " de ce levier",
                )
            ]
            if cited:
                groups.append(
                    TreeNode(
                        f"cites:{lkey}",
                        "group",
                        "Cités pour ce levier",
                        len(cited),
                        cited,
                        _count_label(len(cited), "entrée citée", "entrées citées")
                        + " pour le levier dans son ensemble",
                    )
                )
            title = f"{lkey.split(':')[1]}. {ltitle}"
            label = (
                _count_label(
                    len(all_linked),
                    "acteur, dispositif ou notion",
                    "acteurs, dispositifs ou notions",
                )
                + " cités pour ce levier et ses outils"
            )
            nodes.append(TreeNode(lkey, "lever", title, len(all_linked), tuple(groups), label))
        return nodes

    def _tools_tree(self) -> list[TreeNode]:
        rows = self._rows(
            "SELECT subtype, key, title FROM entries WHERE kind = 'scheme' ORDER BY sort_title"
        )
        groups: dict[str, list[TreeNode]] = {}
        for subtype, key, title in rows:
            groups.setdefault(subtype, []).append(TreeNode(key, "scheme", title, 0))
        return [
            TreeNode(
                f"nature:{nature}",
                "group",
                label,
                len(groups[nature]),
                tuple(groups[nature]),
                _count_label(len(groups[nature]), "dispositif", "dispositifs") + " de cette nature",
            )
            for nature, label in NATURE_LABELS.items()
            if nature in groups
        ]


def _count_label(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _closest_names_first(
    con: sqlite3.Connection, ids: list[int], groups: list[list[str]]
) -> list[int]:
    """``ids`` (entries matched in a title or alias) with the shortest name holding every
    query word first: « Économie sociale et solidaire (ESS) » before a thesis whose long
    title also holds them. Stable: bm25 order among equals."""
    lengths: dict[int, int] = {}
    rows = con.execute(
        f"SELECT entry_id, name FROM names WHERE entry_id IN ({','.join('?' * len(ids))})",
        ids,
    ).fetchall()
    for rowid, name in rows:
        tokens = name.split()
        if all(any(t.startswith(w) for w in group for t in tokens) for group in groups):
            lengths[rowid] = min(lengths.get(rowid, len(name)), len(name))
    return sorted(ids, key=lambda rowid: lengths.get(rowid, 1 << 30))


def _walk(nodes: Sequence[TreeNode]) -> list[TreeNode]:
    out: list[TreeNode] = []
    for n in nodes:
        out.append(n)
        out += _walk(n.children)
    return out
