"""French typography and plurals: the one place the interface, the CLI and the briefing sheet
take them from (plain Python, no Qt, no database: anything may import it)."""

from __future__ import annotations

import re

NBSP = "\u00a0"
"""Espace insécable (mot): before « : », after a number before « % » or « € »."""
NNBSP = "\u202f"
"""Espace fine insécable: before « ; ! ? », inside « », between thousands."""

_SPACE_BEFORE_COLON = re.compile(r"[ \u00a0\u202f]+:(?=\s|$)")
_SPACE_BEFORE_FINE = re.compile(r"[ \u00a0\u202f]+([;!?»])")
_SPACE_AFTER_OPEN = re.compile(r"«[ \u00a0\u202f]*")
_THOUSANDS = re.compile(r"(?<![\d.,])(\d{1,3})(?: (\d{3}))+(?![\d])")
_SPACE_BEFORE_UNIT = re.compile(r"(\d) ([%€])")


def typography(text: str) -> str:
    """Make the spaces French typography asks for non-breaking, so a line never starts
    with « : », « ; », « ! », « ? » or « » », never ends with « «, and « 6 000 » or
    « 10 % » never split.

    Only spaces already typed are changed (a thin no-break space before ; ! ? and inside
    guillemets, a no-break space before a colon); "10:30", URLs and "a;b" are left alone.
    """
    text = _SPACE_BEFORE_COLON.sub(NBSP + ":", text)
    text = _SPACE_BEFORE_FINE.sub(lambda m: NNBSP + m.group(1), text)
    text = _SPACE_AFTER_OPEN.sub("«" + NNBSP, text)
    text = _THOUSANDS.sub(lambda m: m.group(0).replace(" ", NNBSP), text)
    return _SPACE_BEFORE_UNIT.sub(lambda m: m.group(1) + NBSP + m.group(2), text)


_APOSTROPHE = re.compile(r"(?<=[A-Za-zÀ-ÿŒœ])'(?=&?[A-Za-zÀ-ÿŒœ])")  # « l'&importée »: a mnemonic


def interface_typography(text: str) -> str:
    """essdesk's own French words as French typography writes them: the curly apostrophe
    (« Type d’acteur ») and the no-break spaces of :func:`typography`. Never for data (a
    note, a title): those are shown as typed."""
    return typography(_APOSTROPHE.sub("’", text))


def number(n: int) -> str:
    """French grouping of thousands: « 100 000 » (narrow no-break spaces)."""
    return f"{n:,}".replace(",", NNBSP)


def plural(count: int, one: str, many: str | None = None) -> str:
    """``one`` or ``many`` (default: ``one`` + "s") for ``count``: in French 0 and 1 take
    the singular (« 0 note », « 1 note », « 2 notes »), never « note(s) »."""
    if -2 < count < 2:
        return one
    return many if many is not None else one + "s"


def count(n: int, one: str, many: str | None = None) -> str:
    """« 1 note », « 2 notes », « 1 000 notes »: the number and the word that agrees."""
    return f"{number(n)} {plural(n, one, many)}"


def counted(n: int, one: str, many: str, *more: object) -> str:
    """``one``/``many`` are templates holding ``{0}`` (translated strings in the window):
    the one that agrees with ``n``, filled with it (then ``more`` as ``{1}``, ``{2}``…)."""
    return plural(n, one, many).format(n, *more)


def size(n: int) -> str:
    """A size in French units: « 3,0 Go », « 50,0 Mo », « 12,0 ko », « 512 octets »."""
    for unit, factor in (("Go", 1024**3), ("Mo", 1024**2), ("ko", 1024)):
        if n >= factor:
            return f"{n / factor:.1f} {unit}".replace(".", ",")
    return f"{n} {plural(n, 'octet')}"


MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
"""The months, as written in a French date (« 15 mars 2026 »)."""
