"""Left-hand navigation: the section list and the catalogue trees."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from essdesk.ui.catalogue.tree_model import CatalogueTreeModel
from essdesk.ui.common.roles import KEY_ROLE, KIND_ROLE


class SectionList(QListWidget):
    """Sessions / Leviers / Dispositifs / Annuaire: one click apart (a lever's tools are
    under « Leviers »: « Outil » means one thing)."""

    section_selected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sectionList")
        self.setAccessibleName(self.tr("Rubriques"))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizeAdjustPolicy(QListWidget.SizeAdjustPolicy.AdjustToContents)
        for name, label, hint in (
            ("sessions", self.tr("Sessions"), self.tr("Le déroulé du webinaire (Ctrl+1)")),
            ("levers", self.tr("Leviers"), self.tr("Les 6 leviers et leurs outils (Ctrl+2)")),
            ("tools", self.tr("Dispositifs"), self.tr("Dispositifs par nature (Ctrl+3)")),
            ("directory", self.tr("Annuaire"), self.tr("Acteurs et dispositifs (Ctrl+4)")),
            ("mynotes", self.tr("Mes notes"), self.tr("Les notes de votre territoire (Ctrl+5)")),
        ):
            item = QListWidgetItem(label, self)
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setToolTip(hint)
        self.currentItemChanged.connect(self._changed)
        self._size_items()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._size_items()

    def _size_items(self) -> None:
        """Roomy rows that follow the font zoom (style-sheet padding does not size items)."""
        metrics = self.fontMetrics()
        width = max(metrics.horizontalAdvance(self.item(r).text()) for r in range(self.count()))
        for row in range(self.count()):
            self.item(row).setSizeHint(QSize(width + 36, metrics.height() + 20))
        self.setMinimumWidth(width + 40)

    def _changed(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if current is not None:
            self.section_selected.emit(current.data(Qt.ItemDataRole.UserRole))

    def current_section(self) -> str | None:
        item = self.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def select(self, name: str) -> None:
        for row in range(self.count()):
            if self.item(row).data(Qt.ItemDataRole.UserRole) == name:
                self.setCurrentRow(row)
                return

    def names(self) -> list[str]:
        return [self.item(r).data(Qt.ItemDataRole.UserRole) for r in range(self.count())]


class _WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their title wrapped to the column's width (QTreeView sizes rows for
    one line): a lever's or a tool's long title is read in full, not elided."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        base = super().sizeHint(option, index)
        view = self.parent()
        if index.column() != 0 or not isinstance(view, QTreeView):
            return base
        depth, parent = 1, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        width = view.columnWidth(0) - depth * view.indentation() - 12
        text = str(index.data() or "")
        if width <= 40 or not text:
            return base
        bound = option.fontMetrics.boundingRect(
            QRect(0, 0, width, 100_000), int(Qt.TextFlag.TextWordWrap), text
        )
        return QSize(base.width(), max(base.height(), bound.height() + 8))


class NavigationTree(QTreeView):
    """A catalogue tree: click or Enter opens the entry; type-ahead finds a title."""

    entry_activated = Signal(str)

    def __init__(self, name: str, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{name}Tree")
        self.setAccessibleName(accessible_name)
        self.model_ = CatalogueTreeModel(self)
        self.setModel(self.model_)
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.setAllColumnsShowFocus(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        if name == "levers":  # « 1. Activer des partenariats financiers directs… » in full
            self.setWordWrap(True)
            self.setUniformRowHeights(False)
            self.setTextElideMode(Qt.TextElideMode.ElideNone)
            self.setItemDelegateForColumn(0, _WrappingDelegate(self))
            self.header().sectionResized.connect(lambda *_: self.scheduleDelayedItemsLayout())
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(CatalogueTreeModel.COL_TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(
            CatalogueTreeModel.COL_COUNT, QHeaderView.ResizeMode.ResizeToContents
        )
        self.clicked.connect(self._open)
        self.activated.connect(self._open)

    def _open(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        index = index.siblingAtColumn(0)
        if index.data(KIND_ROLE) == "group":
            self.setExpanded(index, not self.isExpanded(index))
            return
        key = index.data(KEY_ROLE)
        if key:
            self.entry_activated.emit(key)

    def reveal(self, key: str, under: str = "") -> bool:
        """Select the node of ``key`` without opening it: its first occurrence, below the
        node of ``under`` when it is there (a link followed from a lever's page)."""
        index = self.model_.find(key, under)
        if not index.isValid():
            return False
        parent = index.parent()
        while parent.isValid():
            self.expand(parent)
            parent = parent.parent()
        self.setCurrentIndex(index)
        self.scrollTo(index)
        return True
