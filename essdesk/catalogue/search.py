"""Turning user text into a safe FTS5 query, and highlighting matches in plain text.

User text never reaches FTS5 as syntax: it is folded into words of ``[0-9a-z]`` only, each
quoted and made a prefix, so quotes, stars, ``NEAR``, ``-``, parentheses, NUL or emoji are just
separators. Those words are also what the highlighter looks for.
"""

from __future__ import annotations

import re

from essdesk import textfold

MAX_WORDS = 12
MAX_WORD_LENGTH = 40
SNIPPET_CHARS = 180

_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def query_words(text: str) -> list[str]:
    """Distinct folded words of the query, bounded in number and length."""
    out: list[str] = []
    for word in textfold.words(text[:2000]):
        word = word[:MAX_WORD_LENGTH]
        if word not in out:
            out.append(word)
        if len(out) == MAX_WORDS:
            break
    return out


def fts_query(words: list[str]) -> str:
    """FTS5 MATCH expression: every word must appear, as a prefix, in any column."""
    return " ".join(f'"{w}"*' for w in words)


def highlight_spans(text: str, words: list[str]) -> list[tuple[int, int]]:
    """(start, end) offsets of the words of ``text`` that start with one of ``words``."""
    if not words:
        return []
    spans = []
    for m in _WORD.finditer(text):
        folded = textfold.words(m.group())
        if folded and any(folded[0].startswith(w) for w in words):
            spans.append((m.start(), m.end()))
    return spans


def _first_match(text: str, words: list[str]) -> int:
    """Approximate offset in ``text`` of the first word starting with one of ``words``, or -1.

    Searches the folded text in one regex pass; folding keeps offsets except for ligatures
    (œ→oe), which are counted back. The caller highlights a window around it exactly.
    """
    folded = textfold.fold(text)
    pattern = "(?<![0-9a-z])(?:" + "|".join(re.escape(w) for w in words) + ")"
    m = re.search(pattern, folded)
    if m is None:
        return -1
    pos = m.start()
    return max(0, pos - sum(text[:pos].count(c) for c in "œŒæÆß"))


def snippet(text: str, words: list[str]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A window of ``text`` around its first match, cut at word boundaries, with highlights."""
    text = " ".join(text.split())
    if len(text) <= SNIPPET_CHARS:
        return text, tuple(highlight_spans(text, words))
    first = _first_match(text, words) if words else -1
    start = 0
    if first > 0:
        start = max(0, first - SNIPPET_CHARS // 3)
        if start:
            space = text.find(" ", start)
            start = space + 1 if 0 <= space < first else start
    end = min(len(text), start + SNIPPET_CHARS)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    prefix = "… " if start else ""
    suffix = " …" if end < len(text) else ""
    window = text[start:end]
    spans = tuple((a + len(prefix), b + len(prefix)) for a, b in highlight_spans(window, words))
    return prefix + window + suffix, spans
