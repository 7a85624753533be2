"""French text rules shared by the interface and the command line."""

from __future__ import annotations

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


def plural(count: int, singular: str, plural_form: str, *more: object) -> str:
    """``singular`` or ``plural_form`` formatted with ``count`` as ``{0}`` (then ``more`` as
    ``{1}``, ``{2}``…), by the French rule: 0 and 1 take the singular (« 0 note »,
    « 1 note », « 2 notes »), never « note(s) »."""
    return (singular if abs(count) < 2 else plural_form).format(count, *more)
