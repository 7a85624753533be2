"""The one text normaliser, used for indexing and for queries alike (catalogue and notes).

Folds case, accents, ligatures (œ→oe, æ→ae, which FTS5's ``remove_diacritics`` does not),
typographic apostrophes and dashes, so that « Cœur », "coeur" and "COEUR" meet, as do
"d’accès"/"d'acces" and "Pierre-Nadal"/"pierre nadal".
"""

from __future__ import annotations

import re
import unicodedata

# (str.translate with a dict is a Python-level lookup per character; a few str.replace calls
# on the rare characters are much faster on long texts.)
_REPLACEMENTS = (
    ("œ", "oe"),
    ("Œ", "oe"),
    ("æ", "ae"),
    ("Æ", "ae"),
    ("ß", "ss"),
    ("’", "'"),
    ("‘", "'"),
    ("ʼ", "'"),
    ("`", "'"),
    ("´", "'"),
)
_COMBINING = re.compile(r"[\u0300-\u036f]")
# A word is a run of letters and digits: anything else separates words ("-" included:
# "co-construire" must match "co construire" and "coconstruire" is not expected).
_WORD = re.compile(r"[0-9a-z]+")
# "FSE+" is a name of its own (the 2021-2027 Fonds social européen), not "FSE".
_TRAILING_PLUS = re.compile(r"(?<=[0-9a-z])\+(?![0-9a-z])")
# "D.L.A." and "d.l.a" are the acronym "dla": single letters joined by dots (not digits:
# "3.2" stays two numbers).
_DOTTED = re.compile(r"(?<![0-9a-z])[a-z](?:\.[a-z])+(?![0-9a-z])")
# A cheap test first: the rewrite above is rare (with the "+" test in words(), a note of 400
# characters is split in 15 µs instead of 26; a pull of 10,000 notes indexes them all). Every
# acronym has a dot before a letter, and a pattern that starts with a character is searched
# for that character first: 0.3 µs a note instead of 2 with "[a-z]\.[a-z]".
_DOTTED_HINT = re.compile(r"\.[a-z]")
# The same split as _WORD for a Latin-1 text, done in C: every byte but [0-9a-z] becomes a
# space (a pull of 10,000 notes indexes them all: 6 µs a note instead of 10).
_SEPARATORS = bytes(
    c if chr(c) in "0123456789abcdefghijklmnopqrstuvwxyz" else 32 for c in range(256)
)


def fold(text: str) -> str:
    """Lower-case, accent-free, ligature-free text with punctuation kept as is."""
    for a, b in _REPLACEMENTS:
        if a in text:  # a search in C, at once false for a character wider than the text's
            text = text.replace(a, b)
    if text.isascii():
        return text.lower()
    # French is Latin-1 but for the replaced characters: one table, in C.
    raw = text.encode("latin-1", "ignore")
    if len(raw) < len(text):  # €, …, –, a narrow no-break space, other scripts
        return _decompose(text)
    folded = raw.translate(_LATIN1_FOLD)
    return _decompose(text) if _ELSEWHERE in folded else folded.decode("latin-1")


def _decompose(text: str) -> str:
    """The fold of any text (once replaced): accents and compatibility forms decomposed and
    the accents dropped, then lower case."""
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text)).lower()


# Each Latin-1 character as _decompose folds it when that is one Latin-1 character (é → e,
# É → e, ç → c, « stays «), else À, which nothing folds to: the text then goes the general
# way (¼ → 1⁄4, µ → μ). A character folds alone, so a text folds character by character:
# 0.7 µs for a note of 400 characters instead of 5 (a team pull indexes 10,000 notes).
_ELSEWHERE = 0xC0
_LATIN1_FOLD = bytes(
    ord(f) if len(f := _decompose(chr(c))) == 1 and ord(f) < 256 else _ELSEWHERE for c in range(256)
)


def words(text: str) -> list[str]:
    """The folded words of ``text``: the units that are indexed and searched.

    Apostrophes split words ("l'ESS" gives "l" and "ess"), as do hyphens and every other
    non-alphanumeric character, including characters outside Latin scripts (emoji, NUL).
    A "+" ending a word reads "plus" ("FSE+" gives "fse" and "plus"); single letters joined by
    dots are one acronym ("D.L.A." gives "dla").
    """
    folded = fold(text)
    if "+" in folded:
        folded = _TRAILING_PLUS.sub(" plus", folded)
    if "." in folded and _DOTTED_HINT.search(folded):
        folded = _DOTTED.sub(lambda m: m.group().replace(".", ""), folded)
    raw = folded.encode("latin-1", "ignore")
    if len(raw) < len(folded):  # other scripts, emoji: they separate words too
        return _WORD.findall(folded)
    return raw.translate(_SEPARATORS).decode("ascii").split()


def index_text(text: str) -> str:
    """The folded form stored in the full-text index: words joined by single spaces."""
    return " ".join(words(text))


sort_key = index_text
"""French collation good enough for lists (é with e, Œ with Oe, case-insensitive): the
indexed form, on purpose, so that lists and search agree on what a name is."""


def clean_name(name: str) -> str:
    """A name as essdesk stores and compares it: NFC (« Corrèze » typed with a combining
    accent is the same name), invisible format characters removed (zero-width spaces and
    joiners, soft hyphen, BOM, bidi marks: a zero-width space in « Creuse » makes no other
    profile), runs of spaces of any kind made one space, ends trimmed."""
    nfc = unicodedata.normalize("NFC", name)
    if not nfc.isascii():
        nfc = "".join(c for c in nfc if unicodedata.category(c) != "Cf")
    return " ".join(nfc.split())
