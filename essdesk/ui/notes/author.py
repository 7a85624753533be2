"""Who writes on this laptop (issue 12): the initials that sign her notes and follow-ups.

They belong to the person at this laptop, not to a territory: a colleague's edits imported
from her laptop keep her initials, mine keep mine. They are asked once, in the notes panel,
the first time a note is typed (:class:`AuthorBar`, which never takes the focus from the
note), and can be changed from Fichier › « Mes initiales… » (:func:`ask_author_initials`)
or with ``essdesk author``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from essdesk.french import typography as french_typography
from essdesk.notes import NotesError, NotesStore
from essdesk.notes.writing import MAX_INITIALS
from essdesk.ui.common.messages import show_message
from essdesk.ui.common.plain import PlainLabel


class AuthorBar(QFrame):
    """« Vos initiales signeront… » [AB] Enregistrer · Plus tard — under the note."""

    answered = Signal(str)
    """The person gave her initials, or "" for « Plus tard » (she is not asked again)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("authorBar")
        self.store: NotesStore | None = None
        self.text = PlainLabel(
            french_typography(
                self.tr(
                    "Vos initiales signeront les notes que vous écrivez sur cet ordinateur "
                    "(pas celles du territoire) :"
                )
            ),
            self,
        )
        self.text.setWordWrap(True)
        self.edit = QLineEdit(self)
        self.edit.setObjectName("authorInitials")
        self.edit.setMaxLength(MAX_INITIALS)
        self.edit.setAccessibleName(self.tr("Vos initiales"))
        self.edit.setPlaceholderText(self.tr("AB"))
        self.save_button = QPushButton(self.tr("Enregistrer"), self)
        self.save_button.setObjectName("authorSave")
        self.later_button = QPushButton(self.tr("Plus tard"), self)
        self.later_button.setObjectName("authorLater")
        self.later_button.setToolTip(
            french_typography(self.tr("Ne plus demander ; Fichier › « Mes initiales… » plus tard."))
        )
        row = QHBoxLayout()
        row.addWidget(self.edit, 1)
        row.addWidget(self.save_button)
        row.addWidget(self.later_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.text)
        layout.addLayout(row)
        self.save_button.clicked.connect(self.save)
        self.edit.returnPressed.connect(self.save)
        self.later_button.clicked.connect(lambda: self._answer(""))
        self.setVisible(False)

    def offer(self, store: NotesStore) -> None:
        """Show the bar if this laptop was never asked (without taking the focus)."""
        self.store = store
        try:
            asked = store.author_initials() is not None
        except NotesError:
            return
        if not asked:
            self.setVisible(True)

    def save(self) -> None:
        self._answer(self.edit.text())

    def _answer(self, value: str) -> None:
        if self.store is None:
            return
        try:
            stored = self.store.set_author_initials(value)
        except NotesError as exc:
            show_message(self, QMessageBox.Icon.Warning, self.tr("Vos initiales"), exc.message)
            return
        self.setVisible(False)
        self.answered.emit(stored)


def ask_author_initials(parent: QWidget, store: NotesStore) -> str | None:
    """Fichier › « Mes initiales… »: change them; returns what is stored (None: cancelled
    or refused, with the reason shown)."""
    title = QCoreApplication.translate("AuthorBar", "Mes initiales")
    try:
        value, ok = QInputDialog.getText(
            parent,
            title,
            french_typography(
                QCoreApplication.translate(
                    "AuthorBar",
                    "Vos initiales signent les notes et les suivis que vous écrivez sur cet "
                    "ordinateur, quel que soit le territoire :",
                )
            ),
            QLineEdit.EchoMode.Normal,
            store.author_initials() or "",
        )
        return store.set_author_initials(value) if ok else None
    except NotesError as exc:
        show_message(parent, QMessageBox.Icon.Warning, title, exc.message)
        return None
