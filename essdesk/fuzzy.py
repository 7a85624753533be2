"""Typo tolerance, shared by the catalogue's search and the notes' search (no Qt, no SQL).

A :class:`Vocabulary` holds the folded words of one full-text index with their document
counts. For a query word that matched nothing it proposes the vocabulary words within a few
edits (one edit on words of 4–7 letters, two on longer ones; an edit is an insertion, a
deletion, a substitution or a transposition of neighbours), and the splits of a word glued to
the next (``tierslieu`` → ``tiers lieu``); two query words that form one vocabulary word once
joined (``co construction``) are proposed joined. :func:`plan` turns the query into groups of
alternatives and :func:`fts_expression` into an FTS5 MATCH expression, so both stores run the
same rule.

Candidates come from an inverted index of padded letter pairs (a word of n letters has n + 1
of them and k edits destroy at most 3k), then the exact distance is checked on the few left:
on the report's vocabulary (a few thousand words) a correction costs well under a
millisecond, at any catalogue size.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

FEW = 3
"""Fewer exact or prefix results than this: the fuzzy reading of every word is tried too."""
MIN_SPLIT_PART = 2
MAX_ALTERNATIVES = 4


def max_edits(word: str) -> int:
    """Edits tolerated on a query word: none under 4 letters, 1 up to 7, 2 beyond."""
    n = len(word)
    return 0 if n < 4 else 1 if n <= 7 else 2


def distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment distance of ``a`` and ``b``, or ``limit + 1`` if above it."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                v = min(v, prev2[j - 2] + 1)
            cur[j] = v
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1] if prev[-1] <= limit else limit + 1


def _pairs(word: str) -> set[str]:
    padded = f"^{word}$"
    return {padded[i : i + 2] for i in range(len(padded) - 1)}


class Vocabulary:
    """The folded words of one index and in how many documents each appears."""

    def __init__(self, counts: Mapping[str, int]) -> None:
        self.counts = dict(counts)
        self._sorted = sorted(self.counts)
        self._by_pair: dict[str, list[str]] = {}
        for word in self._sorted:
            if len(word) >= 3:
                for pair in _pairs(word):
                    self._by_pair.setdefault(pair, []).append(word)

    @classmethod
    def from_words(cls, words: Iterable[Iterable[str]]) -> Vocabulary:
        """From the word lists of documents (each list counted once per word)."""
        counts: Counter[str] = Counter()
        for doc in words:
            counts.update(set(doc))
        return cls(counts)

    def __len__(self) -> int:
        return len(self._sorted)

    def __contains__(self, word: object) -> bool:
        return word in self.counts

    def has_prefix(self, word: str) -> bool:
        """Whether some word of the vocabulary starts with ``word`` (what a search finds)."""
        i = bisect.bisect_left(self._sorted, word)
        return i < len(self._sorted) and self._sorted[i].startswith(word)

    def corrections(self, word: str, limit: int = MAX_ALTERNATIVES) -> list[str]:
        """Vocabulary words within :func:`max_edits` of ``word``, closest and commonest first."""
        k = max_edits(word)
        if k == 0:
            return []
        pairs = _pairs(word)
        need = max(1, len(pairs) - 3 * k)
        shared: Counter[str] = Counter()
        for pair in pairs:
            shared.update(self._by_pair.get(pair, ()))
        found = []
        for cand, n in shared.items():
            if n >= need and cand != word and abs(len(cand) - len(word)) <= k:
                d = distance(word, cand, k)
                if d <= k:
                    found.append((d, -self.counts[cand], cand))
        return [cand for _, _, cand in sorted(found)[:limit]]

    def splits(self, word: str) -> list[tuple[str, str]]:
        """Ways to read ``word`` as two vocabulary words glued together, commonest first."""
        out = []
        for i in range(MIN_SPLIT_PART, len(word) - MIN_SPLIT_PART + 1):
            a, b = word[:i], word[i:]
            if a in self.counts and b in self.counts:
                out.append((min(self.counts[a], self.counts[b]), a, b))
        return [(a, b) for _, a, b in sorted(out, reverse=True)[:MAX_ALTERNATIVES]]


@dataclass(frozen=True, slots=True)
class Alternative:
    """One reading of a query word (or of two neighbours): words that must all appear, in
    that order when ``phrase``; ``prefix`` when the last may be the start of a longer word."""

    words: tuple[str, ...]
    prefix: bool = False
    phrase: bool = False

    def fts(self) -> str:
        star = "*" if self.prefix else ""
        if self.phrase:
            return '"' + " ".join(self.words) + '"' + star
        return " AND ".join(f'"{w}"{star}' for w in self.words)


Group = tuple[Alternative, ...]


@dataclass(frozen=True, slots=True)
class Plan:
    """A query read with typos: one group of alternatives per query word (or joined pair).

    ``corrected`` is the query with each corrected word replaced by its best reading, for
    « Vouliez-vous dire … ? »; ``words`` every word worth highlighting.
    """

    groups: tuple[Group, ...]
    corrected: tuple[str, ...]
    changed: bool

    @property
    def words(self) -> list[str]:
        out: list[str] = []
        for group in self.groups:
            for alt in group:
                out += [w for w in alt.words if w not in out]
        return out


def plan(words: list[str], vocabulary: Vocabulary, everything: bool = False) -> Plan:
    """Alternatives for the query ``words``: for the words no vocabulary word starts with
    (all words of 4+ letters when ``everything``), their corrections and glued splits; and
    neighbours that are one vocabulary word once joined."""
    groups: list[Group] = []
    corrected: list[str] = []
    changed = False
    i = 0
    while i < len(words):
        word = words[i]
        own = Alternative((word,), prefix=True)
        alts: list[Alternative] = []
        known = vocabulary.has_prefix(word)
        if i + 1 < len(words) and word + words[i + 1] in vocabulary:
            joined = word + words[i + 1]
            if everything or not (known and vocabulary.has_prefix(words[i + 1])):
                pair = Alternative((word, words[i + 1]), prefix=True, phrase=True)
                groups.append((pair, Alternative((joined,))))
                corrected.append(joined)
                changed = True
                i += 2
                continue
        if not known or everything:
            # A split changes no letter: it reads before any correction.
            alts = [Alternative(s, phrase=True) for s in vocabulary.splits(word)]
            alts += [Alternative((c,)) for c in vocabulary.corrections(word)]
        if alts and not known:
            corrected.append(" ".join(alts[0].words))
            changed = True
        else:
            corrected.append(word)
        groups.append((own, *alts) if known else tuple(alts) or (own,))
        i += 1
    return Plan(tuple(groups), tuple(corrected), changed)


def fts_expression(groups: Iterable[Group]) -> str:
    """FTS5 MATCH expression: every group must match, through any of its alternatives."""
    parts = []
    for group in groups:
        alts = [a.fts() for a in group]
        parts.append(alts[0] if len(alts) == 1 else "(" + " OR ".join(f"({a})" for a in alts) + ")")
    return " AND ".join(parts)
