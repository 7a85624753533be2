"""What the Qt item models share: their roles, and the read-only table behind the directory and
« Mes notes ». They hold records only: no I/O in ``data()``."""

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

NO_PARENT = QModelIndex()
"""Default ``parent`` argument of the models' methods (the invisible root)."""

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
"""The entry's stable key (str)."""
RECORD_ROLE = Qt.ItemDataRole.UserRole + 2
"""The record behind the row (DirectoryRow, Hit or TreeNode)."""
KIND_ROLE = Qt.ItemDataRole.UserRole + 4
"""The entry kind ("scheme", "actor", …; "group" for grouping nodes)."""
SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 5
"""A search result's snippet as HTML, matches in bold (search model)."""
NOTE_ROLE = Qt.ItemDataRole.UserRole + 6
"""True when the entry has a note for the current territory (markers)."""
STATUS_ROLE = Qt.ItemDataRole.UserRole + 7
"""The entry's follow-up status key for the current territory, or None."""
HIGHLIGHT_ROLE = Qt.ItemDataRole.UserRole + 8
"""True when the entry concerns the current territory's types (option of the View menu)."""


def read_only_flags(index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
    """``flags()`` of the flat, read-only lists and tables: selectable rows, no children."""
    if not index.isValid():
        return Qt.ItemFlag.NoItemFlags
    return (
        Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
    )


class ReadOnlyTable(QAbstractTableModel):
    """A flat, read-only table of records: selectable rows, one title a column, and a sort
    done by whoever fills it (``sort_requested``), not by the model."""

    COLUMN_COUNT = 0
    SORT_KEYS: tuple[str, ...] = ()
    """The sort key of each column, as ``sort_requested`` gives it."""

    sort_requested = Signal(str, bool)
    """(``SORT_KEYS`` item, descending): the view's owner asks its source again."""

    def column_titles(self) -> tuple[str, ...]:
        """The header of each column (translated by the subclass: its ``tr`` context)."""
        raise NotImplementedError

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        return read_only_flags(index)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = self.column_titles()
        return titles[section] if 0 <= section < len(titles) else None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < self.COLUMN_COUNT:
            self.sort_requested.emit(self.SORT_KEYS[column], order == Qt.SortOrder.DescendingOrder)
