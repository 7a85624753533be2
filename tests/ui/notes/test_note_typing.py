"""A note takes typing: a click in it is enough, no keystroke is ever dropped, the rendered
view looks different from the editor, the state says « Enregistrement… » then « Enregistré »."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor

from essdesk.notes import open_notes
from essdesk.ui.main_window import MainWindow
from essdesk.ui.notes.feature import attach_notes
from essdesk.ui.notes.note_markup import note_html, source_position
from essdesk.ui.notes.notes_panel import NotesPanel

KEY = "scheme:dla"
NOTE = (
    "Appeler **Mme Durand** lundi\n\n- relancer la DLA\n- envoyer le [dossier](https://example.org)"
)


@pytest.fixture
def panel(make_window, qtbot) -> Iterator[NotesPanel]:
    store, _ = open_notes()
    creuse = store.add_territory("Creuse", ["ZRR"], initials="AB")
    store.save_note(KEY, creuse.uuid, NOTE)
    store.close()
    window: MainWindow = make_window()
    attach_notes(window)
    window.open_entry(KEY)
    panel = window.notes_panel
    assert isinstance(panel, NotesPanel)
    qtbot.waitUntil(lambda: panel.note_stack.currentWidget() is panel.viewer)
    yield panel
    window.close()


def test_source_position_finds_the_clicked_character_behind_the_markup() -> None:
    text = NOTE
    assert source_position(text, 0, "") == 0
    assert source_position(text, 0, "Appeler Mme") == text.index(" Durand")
    # list items: the « - » marker is not shown, the caret goes after what was
    assert source_position(text, 1, "") == text.index("relancer")
    assert source_position(text, 2, "envoyer le dos") == text.index("sier](")
    assert source_position(text, 9, "x") == len(text)  # past the end: at the end


def point_after(panel: NotesPanel, shown: str) -> QPoint:
    """Where a person clicks just after ``shown`` in the rendered note."""
    document = panel.viewer.document()
    found = document.find(shown)
    assert not found.isNull(), shown
    cursor = QTextCursor(document)
    cursor.setPosition(found.selectionEnd())
    rect = panel.viewer.cursorRect(cursor)
    return QPoint(rect.left() + 1, rect.center().y())


def test_a_single_click_in_the_rendered_note_types_where_clicked(qtbot, panel) -> None:
    assert "<b>" in note_html(NOTE)
    qtbot.mouseClick(
        panel.viewer.viewport(), Qt.MouseButton.LeftButton, pos=point_after(panel, "Mme Durand")
    )
    assert panel.note_stack.currentWidget() is panel.editor and panel.editor.hasFocus()
    qtbot.keyClicks(panel.editor, " (mairie)")
    assert panel.editor.toPlainText().startswith("Appeler **Mme Durand (mairie)** lundi")
    assert panel.state_label.text() == "Enregistrement…"
    qtbot.waitUntil(lambda: panel.state_label.text().startswith("Enregistré à "), timeout=5000)


def test_keys_typed_into_the_rendered_note_are_never_dropped(qtbot, panel) -> None:
    panel.viewer.setFocus()
    qtbot.waitUntil(panel.viewer.hasFocus)
    qtbot.keyClick(panel.viewer, Qt.Key.Key_Return)
    qtbot.keyClicks(panel.viewer, "mardi aussi")  # keys already on their way to the viewer
    assert panel.editor.toPlainText() == NOTE + "\nmardi aussi"
    # Ctrl+C and the arrows stay the viewer's: they type nothing
    panel.editor.clearFocus()
    panel.note_stack.setCurrentWidget(panel.viewer)
    qtbot.keyClick(panel.viewer, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(panel.viewer, Qt.Key.Key_Down)
    assert panel.editor.toPlainText() == NOTE + "\nmardi aussi"


def test_the_rendered_note_looks_different_from_the_editor(qtbot, panel) -> None:
    shown = panel.viewer.grab().toImage().pixelColor(20, panel.viewer.height() - 10)
    panel.start_editing()
    editing = panel.editor.grab().toImage().pixelColor(20, panel.editor.height() - 10)
    assert shown != editing
    assert "Cliquez" in panel.viewer.toolTip()


def test_a_drag_in_the_rendered_note_selects_and_a_link_opens(qtbot, panel, opened) -> None:
    cursor = panel.viewer.textCursor()
    cursor.setPosition(0)
    cursor.setPosition(7, QTextCursor.MoveMode.KeepAnchor)
    panel.viewer.setTextCursor(cursor)  # what a drag leaves
    qtbot.mouseRelease(panel.viewer.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert panel.note_stack.currentWidget() is panel.viewer
    link = point_after(panel, "doss")
    qtbot.mouseClick(panel.viewer.viewport(), Qt.MouseButton.LeftButton, pos=link)
    assert opened == ["https://example.org"]
    assert panel.note_stack.currentWidget() is panel.viewer


def test_the_contact_field_shows_its_beginning(qtbot, make_window) -> None:
    store, _ = open_notes()
    creuse = store.add_territory("Creuse", ["ZRR"])
    contact = "Mme Durand, chargée de mission ESS, 05 55 00 00 00, durand@example.org"
    store.set_status(KEY, creuse.uuid, "contacte", None, contact)
    store.close()
    window = make_window()
    attach_notes(window)
    window.open_entry(KEY)
    field = window.notes_panel.contact_edit
    assert field.text() == contact and field.cursorPosition() == 0
    window.close()


def test_deleting_a_note_asks_nothing_and_offers_undo(qtbot, panel, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: asked.append(box.text()) or 0)
    store = panel.session.store
    store.set_status(KEY, panel._territory_uuid(), "contacte", None, "Mme Durand")
    panel.reload()
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert asked == []  # no question
    assert store.get_note(KEY, panel._territory_uuid()) is None
    message = panel.state_label.text()
    assert "corbeille" in message and "suivi" in message  # where it went, what stays
    assert panel.undo_button.isVisible() and panel.undo_button.text() == "Annuler"
    assert panel.status_combo.currentData() == "contacte"  # the status is kept and shown
    qtbot.mouseClick(panel.undo_button, Qt.MouseButton.LeftButton)
    assert store.get_note(KEY, panel._territory_uuid()).text == NOTE
    assert panel.editor.toPlainText() == NOTE and not panel.undo_button.isVisible()


def test_my_notes_one_row_per_entry_with_a_conflict_marker_and_the_contact(
    qtbot, make_window, tmp_path
) -> None:
    from essdesk.notes.exchange import apply_import, export_notes, preview_import

    # laptop A writes the note and shares it; this laptop (B) imports it
    a, _ = open_notes(tmp_path / "a" / "notes.sqlite3")
    creuse = a.add_territory("Creuse", ["ZRR"])
    a.save_note(KEY, creuse, "départ", entry_title="DLA")
    a.save_note("lever:3", creuse, "commande publique", entry_title="L3")
    first = export_notes(a, tmp_path / "a0.essnotes").path
    b, _ = open_notes()
    apply_import(b, preview_import(b, first))
    b.set_status(KEY, creuse.uuid, "contacte", "2026-03-15", "Mme Durand")
    # both change the DLA note; A's file comes back: both versions kept (a conflict)
    a.save_note(KEY, creuse, "leur version")
    b.save_note(KEY, creuse.uuid, "ma version")
    second = export_notes(a, tmp_path / "a1.essnotes").path
    a.close()
    apply_import(b, preview_import(b, second))
    assert b.conflicts(KEY, creuse.uuid)
    b.close()
    window = make_window()
    attach_notes(window)
    window.show_view("mynotes")
    view = window.my_notes
    view.refresh()
    rows = [view.model.index(r, 0).data() for r in range(view.model.rowCount())]
    assert len(rows) == 2, rows  # one row per entry: the conflict copy is a marker, not a row
    (dla,) = [r for r in rows if "conflit" in r]
    assert dla.startswith("⚠ ")
    assert view.count_label.text() == "2 notes de Creuse"
    row = rows.index(dla)
    assert view.model.index(row, view.model.COL_CONTACT).data() == "Mme Durand"
    assert view.model.index(row, view.model.COL_FOLLOWUP_DATE).data() == "15/03/2026"
    with qtbot.waitSignal(view.refreshed, timeout=3000):
        qtbot.keyClicks(view.search_field, "durand")
    assert view.model.rowCount() == 1  # the search covers the contact
    window.close()
