"""About essdesk: versions, where the content comes from, licence."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from essdesk import __version__
from essdesk.ui.common.plain import html_label


class AboutDialog(QDialog):
    def __init__(
        self,
        catalogue_version: str = "",
        source_title: str = "",
        source_date: str = "",
        source_author: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("À propos d'essdesk"))
        esc = html.escape
        unknown = self.tr("inconnue")
        lines = [
            f"<h2>essdesk {esc(__version__)}</h2>",
            "<p>"
            + esc(
                self.tr(
                    "Outil de bureau hors ligne sur l'économie sociale et "
                    "solidaire dans les territoires fragiles."
                )
            )
            + "</p>",
            "<p>"
            + esc(self.tr("Version du catalogue : {0}").format(catalogue_version or unknown))
            + "</p>",
            "<p>"
            + esc(
                self.tr("Contenu : {0}, {1}, {2}.").format(
                    source_title or self.tr("compte-rendu du webinaire"),
                    source_date or "31 mars 2021",
                    source_author or "ANCT",
                )
            )
            + "</p>",
            "<p>"
            + esc(
                self.tr(
                    "Les dispositifs ont pu évoluer depuis 2021 : chaque fiche "
                    "indique la partie du rapport dont elle provient."
                )
            )
            + "</p>",
            "<p>"
            + esc(
                self.tr(
                    "Code sous licence MIT. Contenu tiré d'un rapport public de "
                    "l'ANCT (Agence nationale de la cohésion des territoires)."
                )
            )
            + "</p>",
        ]
        self.text = html_label(self)  # every value escaped above (esc)
        self.text.setText("".join(lines))
        self.text.setObjectName("aboutText")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
