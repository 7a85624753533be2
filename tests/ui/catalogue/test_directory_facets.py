"""Directory facets (issue 13): several values ticked in one opening of the menu, buttons
that do not move when one becomes active, and an empty facet that says why."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt


@pytest.mark.qt_log_ignore("This plugin does not support")  # the offscreen menu popup
def test_tick_several_values_without_reopening(qtbot, window) -> None:
    panel = window.directory
    window.show_view("directory")
    button = panel.facet_buttons["natures"]
    menu = button.menu()
    menu.popup(button.mapToGlobal(QPoint(0, button.height())))
    qtbot.waitUntil(menu.isVisible)
    for _ in range(2):
        menu = button.menu()
        action = next(a for a in menu.actions() if a.isCheckable() and not a.isChecked())
        menu.setActiveAction(action)
        center = menu.actionGeometry(action).center()
        with qtbot.waitSignal(panel.results_shown, timeout=10000):
            qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=center)
        assert menu.isVisible()  # still open for the next value
    assert len(panel.filters().natures) == 2
    menu.close()


def test_facet_buttons_do_not_move_when_one_becomes_active(qtbot, window) -> None:
    panel = window.directory
    window.show_view("directory")
    qtbot.waitUntil(lambda: panel.facet_buttons["levers"].isVisible())
    qtbot.wait(100)  # the flow laid out
    before = {f: b.geometry() for f, b in panel.facet_buttons.items()}
    value = panel.facet_buttons["kinds"].menu().actions()[0].data()
    with qtbot.waitSignal(panel.results_shown, timeout=10000):
        panel.apply_filter("kinds", value)
    qtbot.wait(50)
    after = {f: b.geometry() for f, b in panel.facet_buttons.items()}
    assert panel.facet_buttons["kinds"].text().endswith("(1)")
    assert after == before, (before, after, panel.mine_button.geometry())


def test_an_empty_facet_says_why(qtbot, window) -> None:
    """In words, per facet: what the facet sorts, then what narrowed the results; typeset
    as French is (no-break spaces, curly apostrophe), the query shown as typed."""
    panel = window.directory
    window.show_view("directory")
    with qtbot.waitSignal(panel.results_shown, timeout=10000):
        panel.apply_filter("kinds", "scheme")
    texts = [a.text() for a in panel.facet_buttons["actor_types"].menu().actions()]
    assert texts == [
        "Aucun acteur parmi les résultats\u00a0: le type ne concerne que les acteurs.",
        "Résultats limités par\u00a0: Type d’entrée\u00a0: Dispositif",
    ]
    panel.remove_filter("kinds", "scheme")
    with qtbot.waitSignal(panel.results_shown, timeout=10000):
        panel.search_field.setText("France Active & co")
    with qtbot.waitSignal(panel.results_shown, timeout=10000):
        panel.apply_filter("kinds", "actor")
    texts = [a.text() for a in panel.facet_buttons["natures"].menu().actions()]
    assert texts == [
        "Aucun dispositif parmi les résultats\u00a0: la nature ne concerne que les dispositifs.",
        "Résultats limités par\u00a0: la recherche «\u202fFrance Active && co\u202f»\u202f; "
        "Type d’entrée\u00a0: Acteur",
    ]


def test_columns_fit_the_pane_at_1366(qtbot, window) -> None:
    window.resize(1366, 768)
    panel = window.directory
    window.show_view("directory")
    with qtbot.waitSignal(panel.results_shown, timeout=10000):
        panel.refresh()
    qtbot.wait(50)
    assert panel.table.horizontalScrollBar().maximum() == 0
    title = panel.table.columnWidth(0)
    assert title >= 0.4 * panel.table.viewport().width() - 2
