"""Ranked global-search results (``Hit`` records), best first."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from essdesk.catalogue.records import Hit
from essdesk.ui.common.labels import kind_label
from essdesk.ui.common.plain import plain_tip
from essdesk.ui.common.roles import (
    KEY_ROLE,
    KIND_ROLE,
    NO_PARENT,
    RECORD_ROLE,
    SNIPPET_ROLE,
    read_only_flags,
)

Index = QModelIndex | QPersistentModelIndex


def snippet_html(hit: Hit) -> str:
    """The snippet, escaped, with the matched words in bold."""
    out, pos = [], 0
    for start, end in hit.highlights:
        if start < pos or end > len(hit.snippet) or start >= end:
            continue  # defensive: overlapping or out-of-range offsets are ignored
        out.append(html.escape(hit.snippet[pos:start]))
        out.append(f"<b>{html.escape(hit.snippet[start:end])}</b>")
        pos = end
    out.append(html.escape(hit.snippet[pos:]))
    return "".join(out)


class SearchResultsModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hits: list[Hit] = []
        self.query = ""

    # ---------------------------------------------------------------- the one entry point
    def set_hits(self, query: str, hits: Sequence[Hit]) -> None:
        self.beginResetModel()
        self.query = query
        self._hits = list(hits)
        self.endResetModel()

    def hit(self, row: int) -> Hit | None:
        return self._hits[row] if 0 <= row < len(self._hits) else None

    # ---------------------------------------------------------------- Qt interface
    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return hit.title
        if role == Qt.ItemDataRole.AccessibleTextRole:
            label = hit.subtype_label or kind_label(hit.kind)
            return f"{hit.title} — {label} — {hit.snippet}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(hit.snippet) or None
        if role == KEY_ROLE:
            return hit.key
        if role == KIND_ROLE:
            return hit.kind
        if role == RECORD_ROLE:
            return hit
        if role == SNIPPET_ROLE:
            return snippet_html(hit)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return read_only_flags(index)
