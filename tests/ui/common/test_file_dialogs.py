"""Qt's own file dialog speaks the interface's language and opens where the user works."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QStyleOptionViewItem,
    QTreeView,
)

from essdesk.ui.common.folders import ask_open_path, documents, last_folder, remember_folder
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


def _columns(qtbot, window, folder: Path) -> dict[str, object]:
    """Opens the dialog as essdesk does (ask_open_path: Qt's static dialog) and reads it
    from inside its event loop, then closes it."""
    remember_folder(folder / "x")  # ask_open_path opens in the folder last used
    out: dict[str, object] = {}

    def read_it() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog))
        try:
            dialog.setViewMode(QFileDialog.ViewMode.Detail)
            dialog.resize(900, 500)
            view = dialog.findChild(QTreeView, "treeView")
            model = view.model()
            qtbot.waitUntil(lambda: model.rowCount(view.rootIndex()) > 0, timeout=5000)
            # the model learns a file's size and date a moment after its name
            qtbot.waitUntil(lambda: bool(model.index(0, 1, view.rootIndex()).data()), timeout=5000)
            shown = {}
            for column in (1, 3):
                index = model.index(0, column, view.rootIndex())
                option = QStyleOptionViewItem()
                view.itemDelegateForColumn(column).initStyleOption(option, index)
                shown[column] = option.text
            # the date is read whole: its column is as wide as what it shows
            date_width = view.fontMetrics().horizontalAdvance(shown[3])
            qtbot.waitUntil(lambda: view.columnWidth(3) >= date_width, timeout=5000)
            out.update(
                size=shown[1],
                date=shown[3],
                header=model.headerData(3, Qt.Orientation.Horizontal),
                when=model.fileInfo(model.index(0, 3, view.rootIndex())).lastModified(),
            )
        finally:
            dialog.reject()

    QTimer.singleShot(200, read_it)
    ask_open_path(window, "Ouvrir", "Tous (*)")
    assert out, "the file dialog was not read"
    return out


def test_file_dialog_dates_and_sizes_follow_the_interface_language(
    qtbot, make_window, tmp_path
) -> None:
    """Qt's file model writes dates and sizes in the system's locale (« 3 12 2026 21:07 »,
    « 4 bytes » under C): essdesk's dialogs show them in the interface's language, whole."""
    docs = tmp_path / "documents"  # alone in its folder (tmp_path holds the settings too)
    docs.mkdir()
    (docs / "fiche.pdf").write_bytes(b"%PDF")
    os.utime(docs / "fiche.pdf", (1_700_000_000, 1_700_000_000))  # 14 November 2023
    window = make_window()
    shown = _columns(qtbot, window, docs)
    assert shown["header"] == "Dernière modification"
    french = QLocale(QLocale.Language.French)
    assert shown["date"] == french.toString(shown["when"], QLocale.FormatType.ShortFormat)
    assert str(shown["date"]).startswith("14/11/2023")
    assert shown["size"] == french.formattedDataSize(4) and "octets" in str(shown["size"])
    save_state(settings_path(), UiState(language="en"))
    window = make_window()
    shown = _columns(qtbot, window, docs)
    assert shown["header"] == "Date Modified"
    english = QLocale(QLocale.Language.English)
    assert shown["date"] == english.toString(shown["when"], QLocale.FormatType.ShortFormat)
    assert shown["size"] == english.formattedDataSize(4)
