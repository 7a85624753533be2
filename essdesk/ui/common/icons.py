"""Toolbar arrows drawn in the palette's text colour, so they read on light and dark palettes.

Drawn rather than taken from the style: Fusion's standard arrows are black whatever the
palette, and touching ``QStyle`` from Python costs ~10 ms at start-up (its enums are built on
first use).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

SIZES = (16, 24, 32, 48, 64)
"""Pixel sizes drawn: toolbar icons at 100 % to 200 % scaling."""


def arrow_icon(forward: bool, color: QColor) -> QIcon:
    """A left (back) or right (forward) arrow: a shaft and a chevron, round ends."""
    icon = QIcon()
    for size in SIZES:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(
            QPen(
                color,
                max(1.5, size / 9),
                Qt.PenStyle.SolidLine,
                Qt.PenCapStyle.RoundCap,
                Qt.PenJoinStyle.RoundJoin,
            )
        )

        def at(x: float, y: float, size: int = size) -> QPointF:
            return QPointF((1 - x if forward else x) * size, y * size)

        painter.drawLine(at(0.22, 0.5), at(0.8, 0.5))
        painter.drawPolyline([at(0.46, 0.24), at(0.2, 0.5), at(0.46, 0.76)])
        painter.end()
        icon.addPixmap(pixmap)
    return icon
