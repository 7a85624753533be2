"""Finding it as a clerk does (issue 13): the real application started as a user starts it
(essdesk.app.build: style sheet, settings file, translations, real catalogue), misspelt
queries typed key by key, suggestions read and clicked; results list and help."""

from __future__ import annotations

from PySide6.QtCore import Qt

from essdesk import app as essdesk_app
from essdesk.ui.common.settings import UiState, save_state, settings_path


def _start(qtbot, opened):
    app, window = essdesk_app.build([], opener=opened)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.catalogue is not None, timeout=10000)
    return app, window


def _type(qtbot, window, text: str) -> None:
    field = window.search_field
    field.setFocus()
    field.clear()
    panel = window.search
    with qtbot.waitSignal(panel.results_shown, timeout=10000):
        qtbot.keyClicks(field, text)


def test_misspelt_queries_find_and_suggest(qtbot, opened) -> None:
    app, window = _start(qtbot, opened)
    try:
        panel = window.search
        _type(qtbot, window, "frnace active")
        assert panel.model.hit(0) is not None
        assert "actor:france-active" in [panel.model.hit(i).key for i in range(3)]
        assert panel.suggestion.isVisible()
        assert panel.suggestions[0] == "france active"
        assert "Vouliez-vous dire" in panel.suggestion.text()
        # Clicking the suggestion searches it: an exact match, no suggestion left.
        with qtbot.waitSignal(panel.results_shown, timeout=10000):
            panel.suggestion.linkActivated.emit("0")
        assert window.search_field.text() == "france active"
        assert panel.model.hit(0).key == "actor:france-active"
        assert panel.model.hit(0).match == "exact"
        assert not panel.suggestion.isVisible()

        _type(qtbot, window, "tierslieu")
        assert panel.model.hit(0).key == "term:tiers-lieu"
        assert "tiers lieu" in panel.suggestions

        _type(qtbot, window, "d.l.a")
        assert panel.model.hit(0).key == "scheme:dla"

        # Nonsense: a plain « Aucun résultat », nothing to suggest.
        _type(qtbot, window, "xqzwv")
        assert panel.model.rowCount() == 0 and not panel.suggestion.isVisible()
        assert "Aucun résultat" in panel.header.text()
    finally:
        app.setStyleSheet("")
        window.close()
        window.catalogue.close()


def test_suggestion_text_is_never_markup(qtbot, window) -> None:
    panel = window.search
    panel._show_suggestions("x", ["<b>gras</b>", "a & b"])
    assert "&lt;b&gt;gras&lt;/b&gt;" in panel.suggestion.text()
    assert "a &amp; b" in panel.suggestion.text()


def test_results_preview_with_arrows_and_no_section_stays_lit(qtbot, window) -> None:
    window.show_view("levers")
    panel = window.search
    with qtbot.waitSignal(panel.results_shown, timeout=10000):
        qtbot.keyClicks(window.search_field, "railcoop")
    assert window.sections.currentItem() is None or not window.sections.currentItem().isSelected()
    with qtbot.waitSignal(window.entry_opened, timeout=5000):
        qtbot.keyClick(window.search_field, Qt.Key.Key_Down)
    first = panel.model.hit(0).key
    assert window.detail.entry.key == first
    with qtbot.waitSignal(window.entry_opened, timeout=5000):
        qtbot.keyClick(panel.list, Qt.Key.Key_Down)
    assert window.detail.entry.key == panel.model.hit(1).key
    assert window.search_field.text() == "railcoop"  # the results stay


def test_first_steps_on_f1_and_glossary(qtbot, window) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window._help
    assert dialog is not None and dialog.isVisible()
    text = dialog.first_steps.toPlainText()
    for words in (
        "Premiers pas",
        "Trois façons de trouver",
        "L’annuaire",
        "Ctrl+K",
        "Le fichier d’échange",
        "La fiche de synthèse",
        "Votre territoire",
        "Notes et suivi",
    ):
        assert words in text
    glossary = dialog.glossary.toPlainText()
    for word in ("ZRR", "QPV", "DLA", "EPCI", "SCIC", "Levier", "Outil"):
        assert word in glossary, word
    dialog.close()
    window.glossary_action.trigger()
    assert dialog.tabs.currentWidget() is dialog.glossary
    # A word of the glossary opens its entry.
    keys = [item.key for item in window.catalogue.glossary() if item.key]
    assert "territory:zrr" in keys
    with qtbot.waitSignal(window.entry_opened, timeout=5000):
        dialog.entry_link_clicked.emit("territory:zrr")
    assert window.detail.entry.key == "territory:zrr"


def test_result_rows_fit_their_text_evenly(qtbot, window) -> None:
    from essdesk.ui.catalogue.search import HitDelegate

    panel = window.search
    for zoom in (0, 3):
        for _ in range(zoom):
            window.zoom_in()
        with qtbot.waitSignal(panel.results_shown, timeout=10000):
            window.search_field.setText("france active" if zoom == 0 else "tiers lieu")
        delegate = panel.list.itemDelegate()
        assert isinstance(delegate, HitDelegate)
        rects = [panel.list.visualRect(panel.model.index(r, 0)) for r in range(6)]
        for r, rect in enumerate(rects):
            doc = delegate._document(_option(panel, rect), panel.model.index(r, 0))
            # The row is exactly as tall as what is painted in it (never clipped, no gap).
            assert abs(rect.height() - doc.size().height()) <= 3, (r, rect.height())
        window.search_field.clear()


def _option(panel, rect):
    from PySide6.QtWidgets import QStyleOptionViewItem

    option = QStyleOptionViewItem()
    option.initFrom(panel.list)
    option.rect = rect
    option.font = panel.list.font()
    return option


def test_first_steps_speak_the_interface_language(qtbot, make_window) -> None:
    """In the English interface « Premiers pas » is English too (its words are essdesk's
    own); the glossary stays the report's French."""
    save_state(settings_path(), UiState(language="en"))  # as the language menu leaves it
    window = make_window()
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window._help
    assert dialog is not None and dialog.isVisible()
    assert dialog.tabs.tabText(0) == "Getting started"
    text = dialog.first_steps.toPlainText()
    for words in ("Getting started", "Three ways to find something", "Your territory",
                  "Notes and follow-up", "The exchange file", "The briefing sheet",
                  "search the whole catalogue", "File › Export notes…"):
        assert words in text, words
    assert "«" not in text and "»" not in text  # English quotation marks in English
    for french in ("Premiers pas", "Trois façons", "Votre territoire", "Fichier ›"):
        assert french not in text, french


def test_help_fits_the_screen(qtbot, make_window) -> None:
    """At 200 % the help's 760×620 points would be wider and taller than the screen."""
    window = make_window()
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window._help
    screen = dialog.screen().availableGeometry()
    assert dialog.width() <= screen.width() and dialog.height() <= screen.height()
