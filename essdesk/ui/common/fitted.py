"""Dialogs that never open larger than the screen.

A dialog sized in points for a 1366×768 laptop at 100 % is twice as many pixels at 200 %:
760×460 points become 1520×920 pixels on a 1366×768 screen, their buttons (« Fermer »,
« Garder la mienne ») off screen where the keyboard alone cannot reach them. Every dialog
that chooses its own size derives from :class:`FittedDialog`, which brings that size, and
its minimum, within the screen when it is shown.
"""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog

SHARE = 0.92
"""Of the screen's available width and height, at most, for a dialog (its frame included)."""


class FittedDialog(QDialog):
    """A dialog that fits the screen it opens on (see the module docstring)."""

    def showEvent(self, event: QShowEvent) -> None:
        screen = self.screen().availableGeometry()
        width, height = int(screen.width() * SHARE), int(screen.height() * SHARE)
        minimum = self.minimumSize()
        self.setMinimumSize(min(minimum.width(), width), min(minimum.height(), height))
        self.resize(min(self.width(), width), min(self.height(), height))
        super().showEvent(event)
