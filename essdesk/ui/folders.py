"""Where file dialogs open: the folder last used (remembered between sessions), else the
user's Documents folder, never the program's working folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

from essdesk.ui.settings import settings_path

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
