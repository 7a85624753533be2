"""Dialogs never open larger than the screen (at 200 % on a 1366×768 laptop, a dialog of
760×460 points is 1520×920 pixels: its buttons were off screen)."""

from __future__ import annotations

import ast
from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout

from essdesk.ui.common.fitted import FittedDialog

UI = Path(__file__).resolve().parents[3] / "essdesk" / "ui"


def test_a_dialog_sized_beyond_the_screen_opens_within_it(qtbot) -> None:
    dialog = FittedDialog()
    qtbot.addWidget(dialog)
    QVBoxLayout(dialog).addWidget(QDialogButtonBox(QDialogButtonBox.StandardButton.Close))
    screen = dialog.screen().availableGeometry()
    dialog.setMinimumSize(screen.width() + 200, screen.height() + 100)
    dialog.resize(screen.width() * 2, screen.height() * 2)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.width() <= screen.width() and dialog.height() <= screen.height()
    assert dialog.minimumWidth() <= screen.width()


def test_a_dialog_that_fits_keeps_its_size(qtbot) -> None:
    dialog = FittedDialog()
    qtbot.addWidget(dialog)
    dialog.resize(300, 200)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert (dialog.width(), dialog.height()) == (300, 200)


def test_every_dialog_that_chooses_its_size_fits_the_screen() -> None:
    """A dialog class that calls ``self.resize`` or ``self.setMinimumSize`` derives from
    FittedDialog (a plain QDialog would keep its points whatever the screen)."""
    offenders = []
    for path in UI.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.ClassDef):
                continue
            bases = {b.id for b in node.bases if isinstance(b, ast.Name)}
            sizes = any(
                isinstance(call, ast.Call)
                and isinstance(call.func, ast.Attribute)
                and call.func.attr in ("resize", "setMinimumSize")
                and isinstance(call.func.value, ast.Name)
                and call.func.value.id == "self"
                for call in ast.walk(node)
            )
            if sizes and "QDialog" in bases and node.name != "FittedDialog":
                offenders.append(f"{path.relative_to(UI)}:{node.name}")
    assert offenders == []
    assert issubclass(FittedDialog, QDialog)
