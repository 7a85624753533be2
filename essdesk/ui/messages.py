"""Labels and message boxes whose text is always plain: names, titles and notes can come from
an imported exchange file, and Qt's automatic format would render « <b> » or « <img> » in them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from essdesk.briefing_data import french_typography


def plain_label(text: str = "", parent: QWidget | None = None, wrap: bool = True) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setText(text)
    return label


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


def show_message(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> None:
    """A modal message box (the static ``QMessageBox.warning`` guesses the format)."""
    box = _box(icon, title, french_typography(text), QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("exchangeMessage")
    box.exec()
    box.deleteLater()


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
