"""Where the notes panel (notes issue) goes, beside the detail view."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from essdesk.ui.common.plain import PlainLabel


class NotesPlaceholder(QWidget):
    """Reserved space named ``notesPanel``; ``MainWindow.set_notes_panel`` replaces it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notesPanel")
        self.setAccessibleName(self.tr("Notes"))
        title = PlainLabel(self.tr("Notes"), self)
        title.setObjectName("panelTitle")
        text = PlainLabel(
            self.tr("Les notes de votre territoire sur cette entrée s'afficheront ici."), self
        )
        text.setObjectName("panelHint")
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(title)
        layout.addWidget(text)
        layout.addStretch(1)
