"""French typography in the French interface (issue 12): curly apostrophes (« Type d’acteur »)
and no-break spaces before « : ; ! ? » and inside « », for every string essdesk writes itself.

Every interface string is in the catalogue lupdate extracts (resources/i18n/essdesk_en.ts,
French source); the French interface shows each one through essdesk's French translator.
Data (titles, notes, queries) is never retouched."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction

from essdesk import paths
from essdesk.french import interface_typography
from essdesk.ui.common.settings import UiState, save_state, settings_path

STRAIGHT_APOSTROPHE = re.compile(r"[A-Za-zÀ-ÿ]'[A-Za-zÀ-ÿ]")
BREAKING_SPACE_BEFORE = re.compile(r" [:;!?»]|« ")


def _sources() -> list[tuple[str, str]]:
    tree = ET.parse(paths.resources_dir() / "i18n" / "essdesk_en.ts")
    out = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            out.append((name, message.findtext("source") or ""))
    return out


def typeset_ok(text: str) -> bool:
    return not STRAIGHT_APOSTROPHE.search(text) and not BREAKING_SPACE_BEFORE.search(text)


def test_every_interface_string_is_typeset_in_french(qtbot, make_window) -> None:
    make_window()  # the French interface, as essdesk starts it
    sources = _sources()
    assert len(sources) > 500
    straight = [s for _, s in sources if not typeset_ok(s)]
    assert len(straight) > 50  # the rule has work to do: sources are typed plainly
    bad = [
        (context, source, shown)
        for context, source in sources
        # a mnemonic's « & » may follow the apostrophe: « Garder l'&importée »
        if not typeset_ok((shown := QCoreApplication.translate(context, source)).replace("&", ""))
    ]
    assert bad == []


def test_the_windows_menus_are_typeset(qtbot, make_window) -> None:
    window = make_window()
    texts = [a.text() for a in window.findChildren(QAction) if a.text()]
    texts += [a.toolTip() for a in window.findChildren(QAction) if a.toolTip()]
    assert any("’" in t for t in texts)  # « Fiche de synthèse », « À propos d’essdesk »…
    bad = [t for t in texts if not typeset_ok(t.replace("&", ""))]
    assert bad == [], "\n".join(bad)


def test_data_is_never_retouched() -> None:
    """The rule is for essdesk's words: a date format, a URL or code keeps its characters."""
    assert interface_typography("Type d'acteur : {0} !") == "Type d’acteur\u00a0: {0}\u202f!"
    assert interface_typography("« {0} »") == "«\u202f{0}\u202f»"
    assert interface_typography("10:30 http://a.fr/x?y=1 'quoted'") == (
        "10:30 http://a.fr/x?y=1 'quoted'"
    )


def test_facet_values_speak_the_interface_language(qtbot, make_window) -> None:
    """The catalogue's vocabulary in the facet menus: typeset in French, English in English."""
    window = make_window()
    menu = window.directory.facet_buttons["actor_types"].menu()
    french = [a.text() for a in menu.actions()]
    assert any(t.startswith("Réseau d’accompagnement (") for t in french), french
    save_state(settings_path(), UiState(language="en"))
    window = make_window()
    menu = window.directory.facet_buttons["actor_types"].menu()
    english = [a.text() for a in menu.actions()]
    assert any(t.startswith("Support network (") for t in english), english
    assert not any("accompagnement" in t for t in english), english


def test_types_in_rows_and_results_speak_the_interface_language(qtbot, make_window) -> None:
    """Wherever the catalogue's vocabulary is shown (the directory's « Type » column, a
    search result's line), not only in the facet menus: typeset in French, English in
    English."""
    from essdesk.catalogue.records import Hit
    from essdesk.ui.catalogue.search import hit_label

    msa = Hit(key="actor:msa", kind="actor", title="MSA", subtype_label="Réseau d'accompagnement",
              snippet="", highlights=(), score=1.0)  # fmt: skip
    window = make_window()
    assert hit_label(msa) == "Acteur · Réseau d’accompagnement"
    model = window.directory.model
    column = model.COL_TYPE
    types = {model.index(r, column).data() for r in range(model.rowCount())}
    assert "Réseau d’accompagnement" in types and "Réseau d'accompagnement" not in types
    save_state(settings_path(), UiState(language="en"))
    window = make_window()
    assert hit_label(msa) == "Actor · Support network"
    model = window.directory.model
    types = {model.index(r, column).data() for r in range(model.rowCount())}
    assert "Support network" in types and not any("accompagnement" in t for t in types if t)
