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


def _letter_classes() -> dict[str, str]:
    """For each folded letter, a regex class of the characters that fold to it (é→e…)."""
    variants: dict[str, set[str]] = {}
    for cp in range(0x00C0, 0x0250):
        ch = chr(cp)
        folded = textfold.fold(ch)
        if len(folded) == 1 and folded.isalnum() and folded != ch:
            variants.setdefault(folded, set()).add(ch)
    return {k: "[" + k + "".join(sorted(v)) + "]" for k, v in variants.items()}


_CLASSES = _letter_classes()


def _letter(ch: str) -> str:
    return _CLASSES.get(ch, re.escape(ch))


# Two letters, each with its accented forms ("aë" in « Raphaël »), or the ligature.
_DIGRAPHS = {
    pair: f"(?:{_letter(pair[0])}{_letter(pair[1])}|{ligature})"
    for pair, ligature in (("oe", "œ"), ("ae", "æ"), ("ss", "ß"))
}


def _word_pattern(word: str) -> str:
    """Regex matching, in unfolded text, the words whose folded form starts with ``word``."""
    out, i = [], 0
    while i < len(word):
        pair = word[i : i + 2]
        if pair in _DIGRAPHS:
            out.append(_DIGRAPHS[pair])
            i += 2
        else:
            out.append(_letter(word[i]))
            i += 1
    return "".join(out)


class Matcher:
    """Finds and highlights the words of one query in plain texts (built once per query).

    The folded query words become one case-insensitive regex over the *original* text
    (each letter a class of its accented forms, "oe" also matching "œ"), so offsets are
    exact and no text is folded at query time.
    """

    def __init__(self, words: list[str]) -> None:
        self.words = tuple(words)
        if words:
            alternatives = "|".join(_word_pattern(w) for w in sorted(words, key=len, reverse=True))
            self._re: re.Pattern[str] | None = re.compile(
                rf"(?<![^\W_])(?:{alternatives})[^\W_]*", re.IGNORECASE
            )
        else:
            self._re = None

    def first(self, text: str) -> int:
        """Offset of the first matching word in ``text``, or -1."""
        m = self._re.search(text) if self._re else None
        return m.start() if m else -1

    def spans(self, text: str) -> list[tuple[int, int]]:
        """(start, end) offsets of the words of ``text`` that start with a query word."""
        return [m.span() for m in self._re.finditer(text)] if self._re else []

    def snippet(
        self, text: str, first: int | None = None
    ) -> tuple[str, tuple[tuple[int, int], ...]]:
        """A window of ``text`` around its first match, cut at word boundaries, highlighted."""
        if first is None:
            first = self.first(text)
        start = 0
        if first > SNIPPET_CHARS // 3:
            start = first - SNIPPET_CHARS // 3
            space = text.find(" ", start, first)
            start = space + 1 if space >= 0 else start
        end = min(len(text), start + SNIPPET_CHARS)
        if end < len(text):
            space = text.rfind(" ", start, end)
            end = space if space > start else end
        window = " ".join(text[start:end].split())
        prefix = "… " if start else ""
        suffix = " …" if end < len(text) else ""
        spans = self.spans(window) if first >= 0 else []
        return prefix + window + suffix, tuple((a + len(prefix), b + len(prefix)) for a, b in spans)

    def best_snippet(self, texts: list[str]) -> tuple[str, tuple[tuple[int, int], ...]]:
        """The snippet of the first text that matches, else the start of the first text."""
        fallback = ""
        for text in texts:
            if not text:
                continue
            fallback = fallback or text
            first = self.first(text)
            if first >= 0:
                return self.snippet(text, first)
        return self.snippet(fallback, -1)


def snippet(text: str, words: list[str]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A window of ``text`` around its first match, with highlights (see Matcher.snippet)."""
    return Matcher(words).snippet(text)
