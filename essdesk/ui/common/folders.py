"""Where file dialogs open: the folder last used (remembered between sessions), else the
user's Documents folder, never the program's working folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QSettings,
    QStandardPaths,
    QTimer,
)
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QFileSystemModel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

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


def ask_save_file(
    parent: QWidget | None, title: str, proposed: Path | str, filters: str, suffix: str = ""
) -> Path | None:
    """A save dialog proposing ``proposed``, a bare name in :func:`last_folder` (never the
    program's working folder); a name typed without ``suffix`` gets it; the folder chosen
    is remembered. None when the user cancels."""
    proposed = Path(proposed)
    if not proposed.is_absolute():
        proposed = last_folder() / proposed
    _localise_when_shown()
    chosen, _ = QFileDialog.getSaveFileName(parent, title, str(proposed), filters)
    if not chosen:
        return None
    path = Path(chosen)
    if suffix and path.suffix.lower() != suffix:
        path = path.with_name(path.name + suffix)
    remember_folder(path)
    return path


def ask_save_path(parent: QWidget, title: str, suggested: str, filters: str) -> str:
    """:func:`ask_save_file` for callers that hold paths as text ("" when cancelled)."""
    path = ask_save_file(parent, title, suggested, filters)
    return str(path) if path else ""


def ask_open_path(parent: QWidget | None, title: str, filters: str) -> str:
    """An open dialog that starts in :func:`last_folder` and remembers the folder chosen."""
    _localise_when_shown()
    path, _ = QFileDialog.getOpenFileName(parent, title, str(last_folder()), filters)
    if path:
        remember_folder(path)
    return path


SIZE_COLUMN, DATE_COLUMN = 1, 3  # QFileSystemModel's columns


class _LocaleDates(QStyledItemDelegate):
    """The size and « Dernière modification » columns in the interface's language: Qt's
    file model writes them in the system's locale (« 0 bytes », « 3 12 2026 21:07 » on a
    machine set to C), not in the one essdesk chose."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        model = index.model()
        if isinstance(model, QFileSystemModel):
            info = model.fileInfo(model.index(index.row(), index.column(), index.parent()))
            if index.column() == DATE_COLUMN:
                text = QLocale().toString(info.lastModified(), QLocale.FormatType.ShortFormat)
            elif info.isFile():
                text = QLocale().formattedDataSize(info.size())
            else:
                return
            option.text = text  # type: ignore[attr-defined]

    def fit_columns(self, _folder: str) -> None:
        """Once a folder is read: the size and date columns as wide as what they show."""
        view = self.parent()
        if isinstance(view, QTreeView):
            for column in (SIZE_COLUMN, DATE_COLUMN):
                view.resizeColumnToContents(column)


def _localise_open_dialogs() -> None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QFileDialog):
            view = widget.findChild(QTreeView, "treeView")
            if view is not None:
                _localise(view)


def _localise_when_shown() -> None:
    """Qt's static getOpenFileName/getSaveFileName build their dialog out of reach: once
    its event loop runs, give the file dialogs on screen :class:`_LocaleDates`. Only
    essdesk's own dialogs pay for it: no application-wide event filter (every event of the
    session through Python, from the first paint)."""
    QTimer.singleShot(0, _localise_open_dialogs)


def _localise(view: QTreeView) -> None:
    model = view.model()
    if not isinstance(model, QFileSystemModel) or isinstance(
        view.itemDelegateForColumn(DATE_COLUMN), _LocaleDates
    ):
        return
    delegate = _LocaleDates(view)
    for column in (SIZE_COLUMN, DATE_COLUMN):
        view.setItemDelegateForColumn(column, delegate)
    # a slot of the delegate (the view's child): the connection goes with the dialog
    model.directoryLoaded.connect(delegate.fit_columns)

