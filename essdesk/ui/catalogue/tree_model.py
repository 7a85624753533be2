"""Navigation trees (sessions, levers, tools) over ``TreeNode`` records, with counts."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from essdesk.ui.common.labels import catalogue_label
from essdesk.ui.common.plain import plain_tip
from essdesk.ui.common.roles import (
    KEY_ROLE,
    KIND_ROLE,
    NO_PARENT,
    RECORD_ROLE,
)
from essdesk.ui.notes.markers import NOT_A_MARKER_ROLE, Markers, marker_data, marker_words

if TYPE_CHECKING:
    from essdesk.catalogue.records import TreeNode  # records: imported after the window shows

Index = QModelIndex | QPersistentModelIndex


class CatalogueTreeModel(QAbstractItemModel):
    """Two columns: the node title and its count (empty for leaves).

    Nodes are flattened into lists at ``set_roots``; an index's internal id is the node's
    position in those lists, so no Python object has to outlive its index.
    """

    COL_TITLE = 0
    COL_COUNT = 1
    COLUMN_COUNT = 2

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._nodes: list[TreeNode] = []
        self._parent: list[int] = []  # -1 for roots
        self._row: list[int] = []
        self._children: list[list[int]] = []
        self._roots: list[int] = []
        self._by_key: dict[str, list[int]] = {}
        self._markers: Markers | None = None

    # ---------------------------------------------------------------- the one entry point
    def set_roots(self, roots: Sequence[TreeNode]) -> None:
        self.beginResetModel()
        self._nodes, self._parent, self._row, self._children = [], [], [], []
        self._roots = [self._add(node, -1, row) for row, node in enumerate(roots)]
        self._by_key = {}
        for ident, node in enumerate(self._nodes):
            self._by_key.setdefault(node.key, []).append(ident)
        self.endResetModel()

    def set_markers(self, markers: Markers | None) -> None:
        """Read note/status/highlight markers from ``markers`` (kept by reference)."""
        self._markers = markers
        self.markers_changed(None)

    def markers_changed(self, keys: Collection[str] | None) -> None:
        """The markers of ``keys`` (None: of every node) changed: fine-grained dataChanged,
        so selection, expansion and scroll survive."""
        idents = (
            range(len(self._nodes))
            if keys is None
            else [i for key in keys for i in self._by_key.get(key, ())]
        )
        for ident in idents:
            top = self.createIndex(self._row[ident], 0, ident)
            self.dataChanged.emit(top, top.siblingAtColumn(self.COL_COUNT))

    def _add(self, node: TreeNode, parent: int, row: int) -> int:
        ident = len(self._nodes)
        self._nodes.append(node)
        self._parent.append(parent)
        self._row.append(row)
        self._children.append([])
        self._children[ident] = [self._add(c, ident, r) for r, c in enumerate(node.children)]
        return ident

    # ---------------------------------------------------------------- helpers
    def node(self, index: Index) -> TreeNode | None:
        if not index.isValid():
            return None
        return self._nodes[index.internalId()]

    def find(self, key: str, under: str = "") -> QModelIndex:
        """The first index (column 0) showing ``key`` (below the first node of ``under``
        when it has one there), or an invalid index."""
        if under:
            top = self.find(under)
            stack = list(self._children[top.internalId()]) if top.isValid() else []
            while stack:
                ident = stack.pop(0)
                if self._nodes[ident].key == key:
                    return self.createIndex(self._row[ident], 0, ident)
                stack += self._children[ident]
        for ident, node in enumerate(self._nodes):
            if node.key == key:
                return self.createIndex(self._row[ident], 0, ident)
        return QModelIndex()

    def _kids(self, parent: Index) -> list[int]:
        if not parent.isValid():
            return self._roots
        if parent.column() != 0:
            return []
        return self._children[parent.internalId()]

    # ---------------------------------------------------------------- Qt interface
    def index(self, row: int, column: int, parent: Index = NO_PARENT) -> QModelIndex:
        kids = self._kids(parent)
        if not (0 <= row < len(kids) and 0 <= column < self.COLUMN_COUNT):
            return QModelIndex()
        return self.createIndex(row, column, kids[row])

    def parent(self, index: Index = NO_PARENT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        up = self._parent[index.internalId()]
        if up < 0:
            return QModelIndex()
        return self.createIndex(self._row[up], 0, up)

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return len(self._kids(parent))

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        return self.COLUMN_COUNT

    def hasChildren(self, parent: Index = NO_PARENT) -> bool:
        return bool(self._kids(parent))

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self._nodes[index.internalId()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.COL_TITLE:
                # a category (« Fonds », « Contrat ») is interface, translated; titles are not
                return catalogue_label(node.title) if node.kind == "group" else node.title
            return str(node.count) if node.count else ""
        markers = self._markers
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_COUNT:
            return node.count_label or None
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_TITLE:
            words = marker_words(markers, node.key)
            return plain_tip(f"{node.title} — {', '.join(words)}" if words else node.title)
        marked = marker_data(markers, node.key, role, column == self.COL_TITLE)
        if marked is not NOT_A_MARKER_ROLE:
            return marked
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.COL_COUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.AccessibleTextRole and column == self.COL_TITLE:
            text = f"{node.title} ({node.count_label or node.count})" if node.count else node.title
            words = marker_words(markers, node.key)
            return f"{text}, {', '.join(words)}" if words else text
        if role == KEY_ROLE:
            return node.key
        if role == KIND_ROLE:
            return node.kind
        if role == RECORD_ROLE:
            return node
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == self.COL_TITLE:
            return self.tr("Titre")
        if section == self.COL_COUNT:
            return self.tr("Nombre")
        return None
