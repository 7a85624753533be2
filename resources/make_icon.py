"""Draw essdesk's icon with QPainter: ``python resources/make_icon.py`` writes essdesk.png.

A rounded square in the ESS green holding three linked nodes (people, schemes, places)
around a lighter centre: the "liens" the app is about. Drawn in code so it stays editable.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPen

HERE = Path(__file__).resolve().parent


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 256
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#1f6f5c"))
    p.drawRoundedRect(QRectF(8 * s, 8 * s, 240 * s, 240 * s), 52 * s, 52 * s)
    centre = QPointF(128 * s, 136 * s)
    nodes = [QPointF(128 * s, 62 * s), QPointF(62 * s, 178 * s), QPointF(194 * s, 178 * s)]
    p.setPen(QPen(QColor("#cfe9df"), 14 * s, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    for node in nodes:
        p.drawLine(centre, node)
    p.drawLine(nodes[1], nodes[2])
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#f2b84b"))
    p.drawEllipse(centre, 30 * s, 30 * s)
    p.setBrush(QColor("#ffffff"))
    for node in nodes:
        p.drawEllipse(node, 24 * s, 24 * s)
    p.end()
    return image


def main() -> int:
    QGuiApplication(sys.argv[:1])
    draw(256).save(str(HERE / "essdesk.png"))
    draw(64).save(str(HERE / "essdesk-64.png"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
