"""Global search (Ctrl+K / Ctrl+F): ranked, highlighted, keyboard-only to the detail."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyleOptionViewItem

from essdesk.ui.common.roles import KEY_ROLE, SNIPPET_ROLE


def _results(window) -> list[str]:
    model = window.search.model
    return [model.index(row).data(KEY_ROLE) for row in range(model.rowCount())]


def test_typing_shows_the_expected_entry(qtbot, window) -> None:
    with qtbot.waitSignal(window.search.results_shown, timeout=5000):
        qtbot.keyClicks(window.search.field, "accompagnement local")
    assert window.pages.currentWidget() is window.search
    assert "scheme:dla" in _results(window)[:3]
    assert "<b>" in window.search.model.index(0).data(SNIPPET_ROLE)
    assert "résultat" in window.search.header.text()


def test_accents_acronyms_and_hostile_input(qtbot, window) -> None:
    with qtbot.waitSignal(window.search.results_shown, timeout=5000):
        qtbot.keyClicks(window.search.field, "DLA")
    assert _results(window)[0] == "scheme:dla"
    window.search.field.clear()
    # QTest can only type Latin-1 keys: the ligature and the rest are pasted.
    with qtbot.waitSignal(window.search.results_shown, timeout=5000):
        window.search.field.setText('cœur "NEAR( -* ))')
    assert window.isVisible()  # results or none, never an exception
    with qtbot.waitSignal(window.search.results_shown, timeout=5000):
        window.search.field.setText("Économie SOCIALE")
    assert window.search.model.rowCount() > 0


def test_keyboard_only_search_result_detail(qtbot, window) -> None:
    window.trees["sessions"].setFocus()
    qtbot.keyClick(window.trees["sessions"], Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.search.field.hasFocus()
    with qtbot.waitSignal(window.search.results_shown, timeout=5000):
        qtbot.keyClicks(window.search.field, "france active")
    assert _results(window)[0] == "actor:france-active"
    with qtbot.waitSignal(window.entry_opened) as opened:
        qtbot.keyClick(window.search.field, Qt.Key.Key_Return)
    assert opened.args == ["actor:france-active"]
    assert window.detail.entry.key == "actor:france-active"

    # Down into the list, pick the second result with Enter.
    qtbot.keyClick(window.search.field, Qt.Key.Key_Down)
    assert window.search.list.hasFocus()
    qtbot.keyClick(window.search.list, Qt.Key.Key_Down)
    second = window.search.list.currentIndex().data(KEY_ROLE)
    with qtbot.waitSignal(window.entry_opened):
        qtbot.keyClick(window.search.list, Qt.Key.Key_Return)
    assert window.detail.entry.key == second


def test_enter_before_the_debounce_still_opens_the_first(qtbot, window) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    window.search.field.setText("PTCE")
    with qtbot.waitSignal(window.entry_opened):
        qtbot.keyClick(window.search.field, Qt.Key.Key_Enter)
    assert window.detail.entry.key == "scheme:ptce"


def test_escape_clears_and_returns_to_the_section(qtbot, window) -> None:
    window.show_view("levers")
    with qtbot.waitSignal(window.search.results_shown, timeout=5000):
        qtbot.keyClicks(window.search.field, "qpv")
    assert window.pages.currentWidget() is window.search
    qtbot.keyClick(window.search.field, Qt.Key.Key_Escape)
    assert window.search.field.text() == ""
    assert window.search.model.rowCount() == 0
    assert window.pages.currentWidget() is window.trees["levers"]


def test_no_result_says_so(qtbot, window) -> None:
    with qtbot.waitSignal(window.search.results_shown, timeout=5000) as shown:
        qtbot.keyClicks(window.search.field, "zzxqwv")
    assert shown.args == [0]
    assert "Aucun résultat" in window.search.header.text()


def test_stale_results_are_dropped(qtbot, window) -> None:
    """Typing fast: only the last query's results reach the list."""
    shown: list[str] = []
    window.search.results_shown.connect(lambda _n: shown.append(window.search.model.query))
    for text in ("f", "fr", "fra", "fran", "franc", "france"):
        window.search.field.setText(text)
        window.search.run_query()
    qtbot.waitUntil(lambda: window.search.model.query == "france", timeout=5000)
    qtbot.wait(200)
    assert shown[-1] == "france"
    assert all(query == "france" for query in shown)


def test_text_typed_before_the_catalogue_is_searched_once_it_opens(
    qtbot, make_window, catalogue
) -> None:
    """The search box is on screen at first paint; its result page and the catalogue come
    just after. What was typed meanwhile is searched as soon as they are there."""
    window = make_window(with_catalogue=False)
    qtbot.keyClicks(window.search_field, "DLA")
    assert window.pages.currentWidget() is window.search
    with qtbot.waitSignal(window.search.results_shown, timeout=5000):
        window.set_catalogue(catalogue)
    assert _results(window)[0] == "scheme:dla"


def test_the_kind_label_of_a_result_is_muted_not_the_text_colour(qtbot, window) -> None:
    """The kind beside each title is secondary text: the text colour faded towards the
    background (the placeholder colour lost its alpha in HTML and came out as the text's)."""
    with qtbot.waitSignal(window.search.results_shown, timeout=5000):
        qtbot.keyClicks(window.search.field, "DLA")
    option = QStyleOptionViewItem()
    option.initFrom(window.search.list)
    option.rect = window.search.list.visualRect(window.search.model.index(0))
    delegate = window.search.list.itemDelegate()
    html = delegate._document(option, window.search.model.index(0)).toHtml()
    text = option.palette.color(option.palette.ColorRole.Text).name()
    colours = set(re.findall(r"color:(#[0-9a-f]{6})", html))
    assert text in colours and len(colours - {text}) >= 1
