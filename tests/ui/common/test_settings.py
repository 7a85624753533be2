"""Window state and preferences survive a restart; a broken settings file never matters."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from essdesk.ui.common.settings import UiState, load_state, save_state, settings_path


def test_state_restored_at_next_start(qtbot, make_window) -> None:
    first = make_window()
    first.resize(780, 560)  # within the offscreen screen (800x600), or restoring clamps it
    first.show_view("directory")
    first.open_entry("scheme:dla")
    first.main_splitter.setSizes([150, 330, 300])
    sizes = first.main_splitter.sizes()
    first.close()
    state = load_state(settings_path())
    assert state.last_view == "directory" and state.last_entry == "scheme:dla"
    assert state.geometry is not None and state.main_splitter is not None

    second = make_window()
    assert second.state.last_view == "directory"
    assert second.pages.currentWidget() is second.directory
    assert second.detail.entry is not None and second.detail.entry.key == "scheme:dla"
    assert second.size() == first.size()
    assert second.main_splitter.sizes() == sizes


def test_missing_settings_give_defaults(make_window) -> None:
    assert not settings_path().exists()
    window = make_window()
    assert window.state.last_view == "sessions"
    assert window.state.font_zoom == 0 and window.state.language == "fr"
    assert window.detail.entry is None  # the welcome page
    assert "Bienvenue" in window.detail.browser.toPlainText()


def test_corrupt_settings_file_gives_defaults(make_window) -> None:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\x00\xff[window\ngeometry=@ByteArray(\x01\x02\nzzz\x00\n" * 50)
    state = load_state(path)
    assert state.last_view == "sessions" and state.font_zoom == 0
    window = make_window()
    assert window.isVisible() and window.detail.width() > 100
    window.close()
    assert load_state(path).last_view == "sessions"  # rewritten cleanly


def test_values_of_the_wrong_kind_give_defaults(make_window) -> None:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "[window]\ngeometry=not-bytes\nmain_splitter=@ByteArray(garbage)\n"
        "[view]\nlast_view=nowhere\nlast_entry=scheme:gone-forever\nfont_zoom=huge\n"
        "[general]\nlanguage=klingon\n",
        encoding="utf-8",
    )
    state = load_state(path)
    assert state == UiState(main_splitter=QByteArray(b"garbage"), last_entry="scheme:gone-forever")
    window = make_window()
    assert window.state.last_view == "sessions"
    assert window.detail.entry is None  # an entry that no longer exists is not an error
    assert window.main_splitter.sizes()[1] > 100


def test_font_zoom_persisted(qtbot, make_window) -> None:
    first = make_window()
    base = first.font().pointSizeF()
    qtbot.keyClick(first.trees["sessions"], Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(first.trees["sessions"], Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    zoomed = first.font().pointSizeF()
    first.close()
    assert load_state(settings_path()).font_zoom == 2
    second = make_window()
    assert second.state.font_zoom == 2
    assert second.font().pointSizeF() == zoomed > base


def test_language_switch_persisted(qtbot, make_window) -> None:
    window = make_window()
    assert window.language_actions["fr"].isChecked()
    window.language_actions["en"].trigger()
    assert load_state(settings_path()).language == "en"
    assert "next start" in window.statusBar().currentMessage()
    box = window.findChild(QMessageBox, "languageMessage")
    assert "prochain démarrage" in box.text() and "next time" in box.text()
    restart = box.findChild(QPushButton, "restartNowButton")
    assert (
        restart.text() == "Redémarrer maintenant / Restart now" and box.defaultButton() is restart
    )
    restarted: list[bool] = []
    window.restarter = lambda: restarted.append(True)
    restart.click()
    assert restarted == [True] and not window.isVisible()  # closed as Ctrl+Q: state saved
    again = make_window()
    assert again.language_actions["en"].isChecked()
    assert again.sections.item(3).text() == "Directory"


def test_english_translation_is_complete_for_the_main_window(qtbot, make_window) -> None:
    save_state(settings_path(), UiState(language="en"))  # as the language menu leaves it
    window = make_window()
    assert QCoreApplication.translate("SectionList", "Annuaire") == "Directory"
    assert window.sections.item(3).text() == "Directory"
    assert window.directory.facet_buttons["territories"].text().startswith("Territory")
    window.open_entry("scheme:dla")
    text = window.detail.browser.toPlainText()
    assert "Cross-links" in text and "At a glance" in text
    # interface words the catalogue carries are translated, its content stays French
    assert "Beneficiaries" in text and "Bénéficiaires" not in text
    assert "Structures de l’ESS" in text
    assert "Also known as: DLA" in text  # English typography: no space before the colon
    assert "Cited in" in text
    tools = window.trees["tools"].model_
    groups = [tools.index(row, 0).data() for row in range(tools.rowCount())]
    assert "Fund" in groups and "Fonds" not in groups


def test_unwritable_settings_folder_is_not_an_error(tmp_path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert save_state(blocker / "sub" / "settings.ini", UiState()) is False


def test_english_menu_bar_has_no_french_title(qtbot, make_window) -> None:
    """Seen under Xvfb: « Entrées locales » stayed French in the English menu bar."""
    from essdesk.ui.notes.feature import attach_notes

    save_state(settings_path(), UiState(language="en"))
    window = make_window()
    attach_notes(window)  # the notes and local entries add their menus
    titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert "Local entries" in titles and "Entrées locales" not in titles, titles
    local = next(a.menu() for a in window.menuBar().actions() if "Local" in a.text())
    items = [a.text().replace("&", "") for a in local.actions() if not a.isSeparator()]
    assert "New local entry…" in items and "Import a list…" in items, items
    # the notes' strings kept their English when their classes moved (contexts are class names)
    notes = window.notes
    assert notes is not None
    assert notes.actions["exportNotesAction"].text() == "Export notes…"
    assert notes.actions["checkAction"].text() == "Check integrity"
    assert notes.views.tr("Ma note") == "My note"
    assert notes.territories.tr("Supprimer le territoire") == "Delete the territory"
