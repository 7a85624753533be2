"""Qt item models over catalogue records. They hold records only: no I/O in ``data()``."""

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

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


def column_title(
    titles: tuple[str, ...], section: int, orientation: Qt.Orientation, role: int
) -> str | None:
    """``headerData()`` of a table with one title per column (horizontal, display role)."""
    if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
        return None
    return titles[section] if 0 <= section < len(titles) else None
