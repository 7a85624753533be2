"""The main window driven as a user would: trees, history, links, zoom, about, layout."""

from __future__ import annotations

from detail_links import anchor_point, anchors
from PySide6.QtCore import QEvent, QPointF, Qt, QUrl
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from essdesk.french import interface_typography
from essdesk.ui.catalogue.tree_model import CatalogueTreeModel
from essdesk.ui.common.links import entry_url


def _click_tree_node(qtbot, tree, key: str) -> None:
    assert tree.reveal(key), key
    index = tree.currentIndex()
    tree.scrollTo(index)
    rect = tree.visualRect(index)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_window_starts_with_trees_and_counts(window, catalogue) -> None:
    assert window.isVisible()
    sessions = window.trees["sessions"].model_
    assert sessions.rowCount() == len(catalogue.tree("sessions"))
    tr1 = sessions.find("session:tr1")
    count = tr1.siblingAtColumn(CatalogueTreeModel.COL_COUNT).data()
    assert count and int(count) > 0
    assert window.trees["levers"].model_.rowCount() == 6
    # what the catalogue is, and that it lives here (not « hors ligne » beside a team's
    # « Synchronisé à 15:40 », which read as a contradiction)
    assert window.catalogue_status.text() == (
        f"Catalogue {catalogue.version} · {len(catalogue.keys())} entrées · sur cet ordinateur"
    )


def test_open_a_sequence_from_the_sessions_tree(qtbot, window) -> None:
    window.show_view("sessions")
    with qtbot.waitSignal(window.entry_opened) as signal:
        _click_tree_node(qtbot, window.trees["sessions"], "session:tr1-s2")
    assert signal.args == ["session:tr1-s2"]
    assert window.detail.entry.key == "session:tr1-s2"
    assert (
        "Source : compte-rendu du webinaire du 31 mars 2021" in window.detail.browser.toPlainText()
    )


def test_open_a_tool_from_the_levers_tree_with_the_keyboard(qtbot, window) -> None:
    window.show_view("levers", focus=True)
    tree = window.trees["levers"]
    assert tree.reveal("tool:3.2")
    tree.setFocus()
    with qtbot.waitSignal(window.entry_opened):
        qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert window.detail.entry.key == "tool:3.2"


def test_open_a_scheme_from_the_tools_tree(qtbot, window) -> None:
    window.show_view("tools")
    tree = window.trees["tools"]
    group = tree.model_.index(0, 0)
    assert group.data(Qt.ItemDataRole.DisplayRole)
    assert not tree.isExpanded(group)
    qtbot.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(group).center()
    )
    assert tree.isExpanded(group)  # a group node opens, it is not an entry
    with qtbot.waitSignal(window.entry_opened):
        _click_tree_node(qtbot, tree, "scheme:dla")
    assert window.detail.entry.key == "scheme:dla"


def test_type_ahead_in_a_tree(qtbot, window) -> None:
    window.show_view("sessions", focus=True)
    tree = window.trees["sessions"]
    qtbot.keyClicks(tree, "Cl")
    assert tree.currentIndex().data().startswith("Cl")


def test_section_list_switches_pages_with_one_click(qtbot, window) -> None:
    sections = window.sections
    for row, name in enumerate(sections.names()):
        rect = sections.visualItemRect(sections.item(row))
        qtbot.mouseClick(sections.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert window.state.last_view == name
        pages = {"directory": window.directory, "mynotes": window.my_notes}
        expected = pages[name] if name in pages else window.trees[name]
        assert window.pages.currentWidget() is expected


def test_follow_a_cross_link_and_come_back(qtbot, window) -> None:
    window.open_entry("scheme:dla")
    browser = window.detail.browser
    targets = [a for a in anchors(browser) if a.startswith("essdesk:")]
    assert entry_url("lever:4") in targets
    point = anchor_point(browser, entry_url("lever:4"))
    assert point is not None
    with qtbot.waitSignal(window.entry_opened):
        qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.detail.entry.key == "lever:4"
    assert window.back_action.isEnabled()

    qtbot.keyClick(browser, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.detail.entry.key == "scheme:dla"
    assert window.forward_action.isEnabled()
    qtbot.keyClick(window.trees["sessions"], Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.detail.entry.key == "lever:4"
    window.back_action.trigger()  # the toolbar arrow
    assert window.detail.entry.key == "scheme:dla"
    window.forward_action.trigger()
    assert window.detail.entry.key == "lever:4"


def test_mouse_back_button(qtbot, window) -> None:
    window.open_entry("scheme:dla")
    window.open_entry("actor:france-active")
    viewport = window.detail.browser.viewport()
    centre = QPointF(viewport.rect().center())
    press = QMouseEvent(
        QEvent.Type.MouseButtonPress,
        centre,
        viewport.mapToGlobal(centre),
        Qt.MouseButton.BackButton,
        Qt.MouseButton.BackButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(viewport, press)
    assert window.detail.entry.key == "scheme:dla"


def test_detail_shows_the_whole_entry(window, catalogue) -> None:
    window.open_entry("scheme:dla")
    entry = catalogue.entry("scheme:dla")
    text = window.detail.browser.toPlainText()
    assert entry.title in text
    assert "Dispositif" in text  # the kind badge
    assert entry.provenance in text
    for label, value in entry.details:
        assert interface_typography(label) in text and value.split()[0] in text
    assert "Liens croisés" in text
    for related in entry.related:
        assert related.title.split()[0] in text
        assert interface_typography(related.label) in text
    assert "connexion Internet" in text  # links are marked as needing a connection


def test_external_link_opens_only_on_click(qtbot, window, opened) -> None:
    window.open_entry("scheme:dla")
    assert opened == []  # showing an entry opens nothing
    url = "https://www.info-dla.fr/"
    point = anchor_point(window.detail.browser, url)
    assert point is not None
    with qtbot.waitSignal(window.detail.link_opened):
        qtbot.mouseClick(window.detail.browser.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert opened == [url]


def test_unsafe_links_are_refused(qtbot, window, opened) -> None:
    window.open_entry("scheme:dla")
    for url in ("javascript:alert(1)", "file:///etc/passwd", "ftp://example.org/x", "http://"):
        with qtbot.waitSignal(window.detail.link_refused):
            window.detail.browser.anchorClicked.emit(QUrl(url))
        assert window.detail.message.isVisible()
        assert "refusé" in window.detail.message.text()
    assert opened == []
    with qtbot.waitSignal(window.detail.link_opened):
        window.detail.browser.anchorClicked.emit(QUrl("mailto:contact@example.org"))
    assert opened == ["mailto:contact@example.org"]


def test_unknown_key_keeps_the_current_entry(window) -> None:
    window.open_entry("scheme:dla")
    assert not window.open_entry("scheme:does-not-exist")
    assert window.detail.entry.key == "scheme:dla"


def test_font_zoom(qtbot, window) -> None:
    base = window.font().pointSizeF()
    qtbot.keyClick(window.trees["sessions"], Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.trees["sessions"], Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert window.state.font_zoom == 2
    assert window.font().pointSizeF() > base
    # every text of the window, under the application's style sheet (a window font alone
    # stopped at the window: its styled children kept the application's size)
    zoomed = window.font().pointSizeF()
    assert window.detail.browser.font().pointSizeF() == zoomed
    assert window.trees["sessions"].font().pointSizeF() == zoomed
    assert window.sections.font().pointSizeF() == zoomed
    assert window.page_title.font().pointSizeF() == zoomed
    assert window.search_field.font().pointSizeF() == zoomed
    assert window.directory.table.font().pointSizeF() == zoomed
    qtbot.keyClick(window.trees["sessions"], Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert window.state.font_zoom == 1
    qtbot.keyClick(window.trees["sessions"], Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.state.font_zoom == 0
    assert window.font().pointSizeF() == base
    for _ in range(30):
        window.zoom_in()
    assert not window.zoom_in_action.isEnabled()


def test_about_dialog(qtbot, window, catalogue) -> None:
    from essdesk import __version__

    dialog = window.show_about()
    qtbot.waitExposed(dialog)
    text = dialog.findChild(QLabel, "aboutText").text()
    assert __version__ in text
    assert catalogue.version in text
    assert "31 mars 2021" in text and "ANCT" in text and "MIT" in text
    dialog.close()


def test_about_opened_before_the_catalogue_shows_it_once_loaded(
    qtbot, make_window, catalogue
) -> None:
    window = make_window(with_catalogue=False)
    early = window.show_about()
    qtbot.waitExposed(early)
    assert catalogue.version not in early.findChild(QLabel, "aboutText").text()
    early.close()
    window.set_catalogue(catalogue)
    dialog = window.show_about()
    qtbot.waitExposed(dialog)
    assert catalogue.version in dialog.findChild(QLabel, "aboutText").text()
    dialog.close()


def test_notes_panel_has_its_place(window) -> None:
    panel = window.findChild(QWidget, "notesPanel")
    assert panel is not None and panel.isVisible()
    assert window.content_splitter.indexOf(panel) == 1
    assert panel.width() > 100 and window.detail.width() > panel.width()
    replacement = QWidget()
    window.set_notes_panel(replacement)
    assert window.content_splitter.widget(1) is replacement
    assert replacement.objectName() == "notesPanel"


def test_main_widgets_have_accessible_names(window) -> None:
    widgets = [
        window.sections,
        *window.trees.values(),
        window.directory.table,
        window.directory.search_field,
        window.search.field,
        window.search.list,
        window.detail.browser,
    ]
    for widget in widgets:
        assert widget.accessibleName(), widget.objectName()


def test_layout_fits_small_projector(qtbot, window) -> None:
    window.resize(1280, 720)
    qtbot.wait(50)
    assert window.detail.width() >= 300
    assert window.sections.width() >= window.sections.sizeHintForColumn(0)
