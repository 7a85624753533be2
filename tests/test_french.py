"""French plurals: one helper, the French rule (0 and 1 singular), never « (s) »."""

from __future__ import annotations

from essdesk.french import counted


def test_french_plural_rule() -> None:
    one, many = "{0} note de {1}", "{0} notes de {1}"
    assert counted(0, one, many, "Creuse") == "0 note de Creuse"
    assert counted(1, one, many, "Creuse") == "1 note de Creuse"
    assert counted(2, one, many, "Creuse") == "2 notes de Creuse"
    assert counted(148, "{0} page", "{0} pages") == "148 pages"
