"""What the models mark on each entry for the current territory: a note, a follow-up status,
"concerne votre territoire". Plain sets and dicts handed to the models (no I/O in ``data()``);
the icons are painted once and cached."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPen, QPixmap

from essdesk.ui.common.labels import STATUS_COLORS, status_label
from essdesk.ui.common.roles import HIGHLIGHT_ROLE, NOTE_ROLE, STATUS_ROLE


class Markers:
    """Markers of the current territory; the models keep a reference and read it in data().

    (A plain class: the window imports this module before its first paint, and importing
    ``dataclasses`` then costs ~4 ms.)
    """

    def __init__(self) -> None:
        self.notes: set[str] = set()
        """Keys of entries with a non-empty note."""
        self.statuses: dict[str, str] = {}
        """Entry key → follow-up status key."""
        self.highlight: set[str] = set()
        """Keys whose territory types match the current profile's (when the option is on)."""


HIGHLIGHT_COLOR = QColor(230, 170, 20, 48)
"""A translucent amber: a subtle background on light and dark palettes."""

_icons: dict[tuple[bool, str], QIcon] = {}


def _paint(has_note: bool, status: str) -> QPixmap:
    size = 16
    pixmap = QPixmap(size * 2, size * 2)  # drawn at 2x: crisp at 200 % scaling
    pixmap.setDevicePixelRatio(2.0)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if has_note:
        # a small sheet of paper with two lines
        painter.setPen(QPen(QColor("#6b5b2e"), 1.0))
        painter.setBrush(QBrush(QColor("#fff3c4")))
        painter.drawRoundedRect(QRectF(1.5, 2.5, 9, 11), 1.5, 1.5)
        painter.drawLine(QPointF(3.5, 6.0), QPointF(8.5, 6.0))
        painter.drawLine(QPointF(3.5, 9.0), QPointF(8.5, 9.0))
    if status:
        painter.setPen(QPen(QColor("#ffffff"), 1.0))
        painter.setBrush(QBrush(QColor(STATUS_COLORS.get(status, "#888888"))))
        painter.drawEllipse(QPointF(11.5, 11.0), 4.0, 4.0)
    painter.end()
    return pixmap


def marker_icon(has_note: bool, status: str | None) -> QIcon | None:
    """The decoration of an entry: a note glyph and/or a coloured status dot (cached)."""
    if not has_note and not status:
        return None
    cache = (has_note, status or "")
    icon = _icons.get(cache)
    if icon is None:
        icon = QIcon(_paint(has_note, status or ""))
        _icons[cache] = icon
    return icon


def marker_words(markers: Markers | None, key: str) -> list[str]:
    """French words for tooltips and screen readers: « a une note », « suivi : contacté »…"""
    if markers is None or not key:
        return []
    words = []
    if key in markers.notes:
        words.append(QCoreApplication.translate("Markers", "a une note"))
    status = markers.statuses.get(key)
    if status:
        words.append(
            QCoreApplication.translate("Markers", "suivi : {0}").format(status_label(status))
        )
    if key in markers.highlight:
        words.append(QCoreApplication.translate("Markers", "concerne votre territoire"))
    return words


NOT_A_MARKER_ROLE = object()
"""Returned by :func:`marker_data` for a role it does not answer."""


def marker_data(markers: Markers | None, key: str, role: int, title_column: bool) -> object:
    """The marker roles of one entry, shared by the tree and directory models: the icon (title
    column), the highlight background and the NOTE/STATUS/HIGHLIGHT roles. Any other role gives
    ``NOT_A_MARKER_ROLE`` so that the model answers it itself."""
    if role == Qt.ItemDataRole.DecorationRole:
        if title_column and markers:
            return marker_icon(key in markers.notes, markers.statuses.get(key))
        return None
    if role == Qt.ItemDataRole.BackgroundRole:
        return HIGHLIGHT_COLOR if markers and key in markers.highlight else None
    if role == NOTE_ROLE:
        return bool(markers and key in markers.notes)
    if role == STATUS_ROLE:
        return markers.statuses.get(key) if markers else None
    if role == HIGHLIGHT_ROLE:
        return bool(markers and key in markers.highlight)
    return NOT_A_MARKER_ROLE
