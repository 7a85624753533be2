"""Where file dialogs open: the folder last used (remembered between sessions), else the
user's Documents folder, never the program's working folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from essdesk.ui.common.settings import settings_path

LAST_FOLDER_KEY = "files/last_folder"


def documents() -> Path:
    """The user's Documents folder, or the home folder where there is none."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found and Path(found).is_dir() else Path.home()


def last_folder() -> Path:
    """The folder of the last file opened or saved, if it still exists; else Documents."""
    try:
        value = QSettings(str(settings_path()), QSettings.Format.IniFormat).value(LAST_FOLDER_KEY)
    except Exception:  # a settings file must never stop a dialog from opening
        value = None
    if isinstance(value, str) and value and Path(value).is_dir():
        return Path(value)
    return documents()


def remember_folder(path: Path | str) -> None:
    """Remember the folder of ``path`` (a file just chosen) for the next file dialog."""
    folder = Path(path).parent
    try:
        settings = QSettings(str(settings_path()), QSettings.Format.IniFormat)
        settings.setValue(LAST_FOLDER_KEY, str(folder))
        settings.sync()
    except Exception:  # not worth an error: the next dialog opens in Documents
        pass


def ask_save_path(parent: QWidget, title: str, suggested: str, filters: str) -> str:
    """A save dialog; a bare ``suggested`` name is proposed in :func:`last_folder` (never
    the program's working folder), and the folder chosen is remembered."""
    proposed = Path(suggested) if Path(suggested).is_absolute() else last_folder() / suggested
    path, _ = QFileDialog.getSaveFileName(parent, title, str(proposed), filters)
    if path:
        remember_folder(path)
    return path


def ask_open_path(parent: QWidget, title: str, filters: str) -> str:
    """An open dialog that starts in :func:`last_folder` and remembers the folder chosen."""
    path, _ = QFileDialog.getOpenFileName(parent, title, str(last_folder()), filters)
    if path:
        remember_folder(path)
    return path
