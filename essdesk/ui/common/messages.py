"""Message boxes whose text is always plain (see :mod:`essdesk.ui.common.plain` for the rule)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from essdesk.french import typography as french_typography


def _box(
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    buttons: QMessageBox.StandardButton,
    parent: QWidget | None,
) -> QMessageBox:
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def show_message(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    actions: Sequence[tuple[str, Callable[[], object]]] = (),
) -> None:
    """A modal message box (the static ``QMessageBox.warning`` guesses the format).

    ``actions``: (button text, what it does) offered beside OK, e.g. « Ouvrir les
    conflits » at the end of an import; the one clicked runs once the box is closed."""
    box = _box(icon, title, french_typography(text), QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("exchangeMessage")
    offered = []
    for label, action in actions:
        button = box.addButton(label, QMessageBox.ButtonRole.AcceptRole)
        button.setObjectName("messageAction")
        offered.append((button, action))
    if offered:
        box.setDefaultButton(offered[0][0])
    box.exec()
    clicked = box.clickedButton()
    box.deleteLater()
    for button, action in offered:
        if clicked is button:
            action()


def inform(parent: QWidget, title: str, text: str, name: str = "notesMessageBox") -> QMessageBox:
    """A non-blocking, window-modal message (tests find it by object name)."""
    box = _box(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, None)
    box.setParent(parent, box.windowFlags())
    box.setObjectName(name)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.open()
    return box


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    """Yes/No question, No by default (patched in tests)."""
    box = _box(
        QMessageBox.Icon.Question,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.setDefaultButton(QMessageBox.StandardButton.No)
    try:
        return box.exec() == QMessageBox.StandardButton.Yes
    finally:
        box.deleteLater()


@contextmanager
def busy_cursor() -> Iterator[None]:
    """The wait cursor while a file is read or written on the GUI thread."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()
