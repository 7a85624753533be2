"""The Fichier menu of the main window, driven as a user would: each action is found in the
window's menu bar by its text and triggered, and opens the real dialog.

« Exporter les notes… » writes an ``.essnotes`` file from one user folder, « Importer des
notes… » brings it into a second user folder's window (a second laptop), where the note then
shows in the notes panel and in « Mes notes »; « Résoudre les conflits… » and « Fiche de
synthèse… » open their (non-blocking) dialogs.

As in ``test_exchange_ui.py``: modal loops are never entered (``exec`` of the export and
import dialogs is replaced by a script that shows and clicks them, ``QMessageBox.exec``
records the message), file choosers are patched, and text is typed in ASCII only.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox
from testkit import flat

from essdesk.notes import open_notes
from essdesk.notes.exchange import read_exchange_file
from essdesk.ui.briefing.briefing_dialog import BriefingDialog
from essdesk.ui.exchange.export_dialog import ExportDialog
from essdesk.ui.exchange.import_dialog import ImportPreviewDialog
from essdesk.ui.main_window import MainWindow
from essdesk.ui.notes.conflicts_dialog import EMPTY, ConflictsDialog
from essdesk.ui.notes.feature import attach_notes

LEFT = Qt.MouseButton.LeftButton
KEY = "scheme:dla"
TEXT = "Rendez-vous DLA mardi 10h"


def file_action(window: MainWindow, text: str) -> QAction:
    """The action of the menu bar's « Fichier » menu whose text is ``text``."""
    (file_menu,) = [
        a.menu() for a in window.menuBar().actions() if a.menu() and a.text() == "&Fichier"
    ]
    found = [a for a in file_menu.actions() if a.text() == text]
    assert len(found) == 1, [a.text() for a in file_menu.actions()]
    assert found[0].isEnabled()
    return found[0]


@pytest.fixture
def creuse(ui_home: Path) -> str:
    """A « Creuse » profile with one note, in the test's user folder (made as the CLI would)."""
    store, _ = open_notes()
    try:
        territory = store.add_territory("Creuse", ["ZRR"], initials="AB")
        store.save_note(KEY, territory, TEXT, entry_title="DLA")
    finally:
        store.close()
    return territory.uuid


@pytest.fixture
def notes_window(make_window, creuse: str) -> MainWindow:
    window = make_window()
    attach_notes(window)
    return window


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Message boxes, recorded instead of shown (their modal loop would block)."""
    shown: list[str] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append(flat(box.text()))
        return QMessageBox.StandardButton.Ok.value

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return shown


def test_export_then_import_into_a_second_user_folder(
    qtbot,
    make_window,
    notes_window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    messages: list[str],
    drive,
) -> None:
    target = tmp_path / "usb" / "creuse.essnotes"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))

    def export(dialog: ExportDialog) -> None:
        assert dialog.territory_radio.isChecked()
        assert flat(dialog.territory_radio.text()) == "Le territoire « Creuse » (1 note)"
        qtbot.mouseClick(dialog.export_button, LEFT)

    exported = drive(ExportDialog, export)
    file_action(notes_window, "Exporter les notes…").trigger()
    assert exported == ["ExportDialog"]
    assert target.is_file()
    file = read_exchange_file(target)
    assert [t.name for t in file.territories] == ["Creuse"]
    assert [(n.entry_key, n.text) for n in file.notes] == [(KEY, TEXT)]
    (confirm,) = messages
    assert "1 note et 0 suivi exportés (Creuse)" in confirm and str(target) in confirm

    # The second laptop: another user folder, with no territory yet.
    monkeypatch.setenv("ESSDESK_HOME", str(tmp_path / "laptop-b"))
    other = make_window()
    attach_notes(other)
    assert other.notes.session.territories() == []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(target), ""))

    def import_(dialog: ImportPreviewDialog) -> None:
        assert {k: int(label.text()) for k, label in dialog.count_labels.items()}["new"] == 1
        (combo,) = dialog.territory_combos.values()
        assert flat(combo.currentText()) == "Créer le territoire « Creuse »"
        assert dialog.import_button.isDefault()
        qtbot.mouseClick(dialog.import_button, LEFT)

    imported = drive(ImportPreviewDialog, import_)
    file_action(other, "Importer des notes…").trigger()
    assert imported == ["ImportPreviewDialog"]
    assert len(messages) == 2 and messages[1]  # the import report
    switcher = other.territory_switcher
    assert switcher.isEnabled() and switcher.findText("Creuse") >= 0
    # With no current territory before, the import makes the profile it created current.
    assert other.notes.session.territory is not None
    assert other.notes.session.territory.name == "Creuse"

    other.open_entry(KEY)
    assert other.notes_panel.editor.toPlainText() == TEXT
    other.show_view("mynotes")
    view = other.my_notes
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=3000)
    assert view.model.index(0, 0).data() == other.catalogue.title(KEY)


def test_resolve_conflicts_opens_the_conflicts_dialog(qtbot, notes_window: MainWindow) -> None:
    file_action(notes_window, "Résoudre les conflits…").trigger()
    dialog = notes_window.findChild(ConflictsDialog)
    assert isinstance(dialog, ConflictsDialog)
    qtbot.addWidget(dialog)
    assert dialog.isVisible() and dialog.parent() is notes_window
    assert dialog.windowModality() == Qt.WindowModality.WindowModal
    assert flat(dialog.windowTitle()) == "Conflits — Creuse"
    assert dialog.pages.currentIndex() == EMPTY  # nothing imported, nothing to settle
    assert dialog.close_button.isDefault()
    # left open: the dialog deletes itself when closed, qtbot closes it after the test


def test_briefing_sheet_opens_the_briefing_dialog(qtbot, notes_window: MainWindow) -> None:
    notes_window.open_entry(KEY)
    file_action(notes_window, "Fiche de synthèse…").trigger()
    dialog = notes_window.findChild(BriefingDialog)
    assert isinstance(dialog, BriefingDialog)
    qtbot.addWidget(dialog)
    assert dialog.isVisible() and dialog.parent() is notes_window
    assert flat(dialog.windowTitle()) == "Fiche de synthèse — Creuse"
    assert dialog.windowModality() == Qt.WindowModality.WindowModal
    # the open entry is offered, and the territory's noted entries
    assert dialog.selected_radio.isEnabled()
    assert dialog.selected_radio.text() == "Les entrées sélectionnées (1)"
    assert dialog.notes_radio.text() == "Toutes les entrées avec une note ou un suivi (1)"
    # left open: the dialog deletes itself when closed, qtbot closes it after the test
