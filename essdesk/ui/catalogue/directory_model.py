"""The directory table (actors and schemes). Sorting happens in SQL: ``sort()`` only asks."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from essdesk.catalogue.records import DirectoryRow
from essdesk.ui.common.labels import catalogue_label, kind_label, local_mark
from essdesk.ui.common.plain import plain_tip
from essdesk.ui.common.roles import (
    KEY_ROLE,
    KIND_ROLE,
    NO_PARENT,
    RECORD_ROLE,
    ReadOnlyTable,
)
from essdesk.ui.notes.markers import NOT_A_MARKER_ROLE, Markers, marker_data, marker_words

Index = QModelIndex | QPersistentModelIndex


class DirectoryModel(ReadOnlyTable):
    COL_TITLE = 0
    COL_KIND = 1
    COL_TYPE = 2
    COL_BACKER = 3
    COL_TERRITORIES = 4
    COLUMN_COUNT = 5
    SORT_KEYS = ("title", "kind", "type", "backer", "territories")
    """``Catalogue.directory(sort=…)`` value of each column."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[DirectoryRow] = []
        self._total = 0
        self._fetch: Callable[[int], Sequence[DirectoryRow]] | None = None
        self._fetching = False
        self._markers: Markers | None = None
        self._scopes: dict[str, tuple[str, str]] = {}
        """« Pour mon territoire »: key → (scope, label) shown in the territories column."""

    # ---------------------------------------------------------------- the one entry point
    def set_rows(
        self,
        rows: Sequence[DirectoryRow],
        total: int | None = None,
        fetch: Callable[[int], Sequence[DirectoryRow]] | None = None,
        scopes: dict[str, tuple[str, str]] | None = None,
    ) -> None:
        """Show ``rows``, the first page of ``total``; ``fetch(offset)`` returns the next page
        when the view scrolls near the end (Qt's canFetchMore/fetchMore). ``scopes``: how
        each row concerns the territory (« cible : ZRR », « tous territoires »)."""
        self.beginResetModel()
        self._scopes = dict(scopes or {})
        self._rows = list(rows)
        self._total = len(self._rows) if total is None else max(total, len(self._rows))
        self._fetch = fetch
        self.endResetModel()

    def total(self) -> int:
        """Rows of the whole result, loaded or not."""
        return self._total

    def canFetchMore(self, parent: Index = NO_PARENT) -> bool:
        return (
            not parent.isValid()
            and not self._fetching
            and self._fetch is not None
            and len(self._rows) < self._total
        )

    def fetchMore(self, parent: Index = NO_PARENT) -> None:
        if not self.canFetchMore(parent) or self._fetch is None:
            return
        # Views and testers may ask again from inside beginInsertRows: one fetch at a time.
        self._fetching = True
        try:
            more = list(self._fetch(len(self._rows)))[: self._total - len(self._rows)]
            if not more:
                self._total = len(self._rows)
                return
            first = len(self._rows)
            self.beginInsertRows(NO_PARENT, first, first + len(more) - 1)
            self._rows.extend(more)
            self.endInsertRows()
        finally:
            self._fetching = False

    def set_markers(self, markers: Markers | None) -> None:
        """Read note/status/highlight markers from ``markers`` (kept by reference)."""
        self._markers = markers
        self.markers_changed(None)

    def markers_changed(self, keys: Collection[str] | None) -> None:
        """The markers of ``keys`` (None: all rows) changed: dataChanged for those rows only."""
        if not self._rows:
            return
        if keys is None:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, self.COLUMN_COUNT - 1)
            )
            return
        wanted = set(keys)
        for i, row in enumerate(self._rows):
            if row.key in wanted:
                self.dataChanged.emit(self.index(i, 0), self.index(i, self.COLUMN_COUNT - 1))

    def row_record(self, row: int) -> DirectoryRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def key_row(self, key: str) -> int:
        for i, row in enumerate(self._rows):
            if row.key == key:
                return i
        return -1

    # ---------------------------------------------------------------- Qt interface
    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def _cell(self, row: DirectoryRow, column: int) -> str:
        if column == self.COL_TITLE:
            return row.title
        if column == self.COL_KIND:
            mark = QCoreApplication.translate("Kinds", "local") if local_mark(row) else ""
            return f"{kind_label(row.kind)} {mark}".strip()
        if column == self.COL_TYPE:  # the catalogue's vocabulary, in the interface's words
            return catalogue_label(row.subtype_label) if row.subtype_label else ""
        if column == self.COL_BACKER:
            return row.backer
        if row.key in self._scopes:
            return self._scopes[row.key][1]
        return row.territories

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        markers = self._markers
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(row, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            words = marker_words(markers, row.key) if column == self.COL_TITLE else []
            text = self._cell(row, column)
            return f"{text}, {', '.join(words)}" if words else text
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self._cell(row, column)
            if local_mark(row):
                text = f"{text} — {local_mark(row)}"
            words = marker_words(markers, row.key) if column == self.COL_TITLE else []
            if words:
                return plain_tip(f"{text} — {', '.join(words)}")
            return plain_tip(text) if len(text) > 30 else None
        marked = marker_data(markers, row.key, role, column == self.COL_TITLE)
        if marked is not NOT_A_MARKER_ROLE:
            return marked
        if role == KEY_ROLE:
            return row.key
        if role == KIND_ROLE:
            return row.kind
        if role == RECORD_ROLE:
            return row
        return None

    def column_titles(self) -> tuple[str, ...]:
        return (
            self.tr("Nom"),
            self.tr("Type"),
            self.tr("Catégorie"),
            self.tr("Porteur ou financeur"),
            self.tr("Territoires"),
        )
