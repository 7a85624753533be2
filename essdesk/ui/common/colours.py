"""Colours derived from the palette for HTML (rich text needs opaque #rrggbb colours)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette


def mix(a: QColor, b: QColor, ratio: float) -> str:
    """``a`` blended into ``b`` (ratio of ``a``), as #rrggbb: badges that suit any palette."""
    return QColor(
        round(a.red() * ratio + b.red() * (1 - ratio)),
        round(a.green() * ratio + b.green() * (1 - ratio)),
        round(a.blue() * ratio + b.blue() * (1 - ratio)),
    ).name()


def muted(palette: QPalette, group: QPalette.ColorGroup = QPalette.ColorGroup.Active) -> str:
    """Secondary text: the text colour faded towards the background. (PlaceholderText has
    alpha in Qt 6, which ``QColor.name()`` drops: it would come out as the text colour.)"""
    return mix(
        palette.color(group, QPalette.ColorRole.Text),
        palette.color(group, QPalette.ColorRole.Base),
        0.62,
    )
