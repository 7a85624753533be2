"""Qt's own file dialog speaks the interface's language and opens where the user works."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QStyleOptionViewItem, QTreeView

from essdesk.ui.common.folders import documents, last_folder, remember_folder
from essdesk.ui.common.settings import UiState, save_state, settings_path


def test_qt_file_dialog_is_french(qtbot, make_window) -> None:
    window = make_window()  # French, as essdesk starts: qtbase_fr and its gaps filled
    dialog = QFileDialog(window, "Enregistrer", str(last_folder()))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    labels = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
    assert labels["lookInLabel"] == "&Regarder dans\u00a0:"
    assert labels["fileTypeLabel"] == "Fichiers de &type\u00a0:"
    assert labels["fileNameLabel"] == "&Nom de fichier\u00a0:"
    dialog.close()


def test_file_dialogs_open_in_the_last_folder_used_or_documents(tmp_path: Path) -> None:
    assert last_folder() == documents() and documents().is_dir()
    assert last_folder() != Path.cwd() or Path.cwd() == documents()
    remember_folder(tmp_path / "fiche.pdf")
    assert last_folder() == tmp_path  # read back from settings.ini: held at the next start
    gone = tmp_path / "gone"
    gone.mkdir()
    remember_folder(gone / "x.pdf")
    gone.rmdir()
    assert last_folder() == documents()  # a folder since removed: Documents again


def test_every_file_dialog_starts_in_the_last_folder_used(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    """« Exporter la liste… » proposed a bare name and « Importer une liste… » an empty
    folder: both opened in the program's working folder. Qt's modal dialog is replaced by
    one that records where it was asked to open."""
    from essdesk.ui.common.folders import ask_open_path, ask_save_path

    asked: list[str] = []

    def record(_parent, _title, where, _filters):
        asked.append(where)
        return str(tmp_path / "autre" / "liste.csv"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", record)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", record)
    remember_folder(tmp_path / "fiche.pdf")
    ask_save_path(None, "Exporter la liste", "entrees-locales-Creuse.csv", "*.csv")
    assert asked[-1] == str(tmp_path / "entrees-locales-Creuse.csv")
    (tmp_path / "autre").mkdir()
    ask_open_path(None, "Importer une liste", "*.csv")
    assert asked[-1] == str(tmp_path / "autre")  # where the export just went


def _date_column_text(qtbot, window, folder: Path) -> tuple[str, object]:
    dialog = QFileDialog(window, "Ouvrir", str(folder))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    qtbot.addWidget(dialog)
    dialog.show()
    view = dialog.findChild(QTreeView, "treeView")
    model = view.model()
    qtbot.waitUntil(lambda: model.rowCount(view.rootIndex()) > 0, timeout=5000)
    index = model.index(0, 3, view.rootIndex())
    option = QStyleOptionViewItem()
    view.itemDelegateForColumn(3).initStyleOption(option, index)
    header = model.headerData(3, Qt.Orientation.Horizontal)
    when = model.fileInfo(index).lastModified()
    dialog.close()
    return option.text, (header, when)


def test_file_dialog_dates_follow_the_interface_language(qtbot, make_window, tmp_path) -> None:
    """Qt's file model writes dates in the system's locale (« 3 12 2026 21:07 » under C):
    essdesk's dialogs show them in the interface's language."""
    (tmp_path / "fiche.pdf").write_bytes(b"%PDF")
    os.utime(tmp_path / "fiche.pdf", (1_700_000_000, 1_700_000_000))  # 14 November 2023
    window = make_window()
    text, (header, when) = _date_column_text(qtbot, window, tmp_path)
    assert header == "Dernière modification"
    assert text == QLocale(QLocale.Language.French).toString(when, QLocale.FormatType.ShortFormat)
    assert text.startswith("14/11/2023")
    save_state(settings_path(), UiState(language="en"))
    window = make_window()
    text, (header, when) = _date_column_text(qtbot, window, tmp_path)
    assert header == "Date Modified"
    assert text == QLocale(QLocale.Language.English).toString(when, QLocale.FormatType.ShortFormat)
