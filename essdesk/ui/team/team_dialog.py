"""Fichier › « Équipe… »: connect this laptop to its team's server, sync, share, disconnect.

Layout only: the dialog asks :class:`~essdesk.ui.team.team_ui.TeamFeature` to do things (signals in
the past tense of the user's request) and shows what it reports; nothing here touches the
network or the notes. Every text that comes from the server or the user is plain text.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from essdesk.ui.common.folders import ask_open_path
from essdesk.ui.common.plain import plain_label


class TeamDialog(QDialog):
    """The team connection form and its status; non-modal, like the other Fichier dialogs."""

    connect_requested = Signal()
    sync_requested = Signal()
    share_requested = Signal()
    disconnect_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teamDialog")
        self.setWindowTitle(self.tr("Équipe"))
        intro = plain_label(
            self.tr(
                "Partagez les notes de vos territoires avec votre équipe sur le serveur "
                "PostgreSQL de votre intercommunalité. Hors ligne, tout fonctionne comme "
                "d'habitude : les modifications attendent la prochaine synchronisation."
            ),
            self,
        )
        self.host = QLineEdit(self)
        self.host.setObjectName("teamHost")
        self.host.setPlaceholderText("notes.interco.fr")
        self.port = QSpinBox(self)
        self.port.setObjectName("teamPort")
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.database = QLineEdit("essdesk", self)
        self.database.setObjectName("teamDatabase")
        self.user = QLineEdit(self)
        self.user.setObjectName("teamUser")
        self.password = QLineEdit(self)
        self.password.setObjectName("teamPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("Mémoriser le mot de passe"), self)
        self.remember.setObjectName("teamRemember")
        self.remember.setToolTip(
            self.tr(
                "Dans le fichier de mots de passe de PostgreSQL (pgpass), lisible par vous seul."
            )
        )
        self.ca_file = QLineEdit(self)
        self.ca_file.setObjectName("teamCaFile")
        self.ca_file.setPlaceholderText(self.tr("facultatif : vérifie l'identité du serveur"))
        browse = QPushButton(self.tr("Parcourir…"), self)
        browse.clicked.connect(self._browse)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_file, 1)
        ca_row.addWidget(browse)
        self.team = QLineEdit(self)
        self.team.setObjectName("teamName")
        form = QFormLayout()
        form.addRow(self.tr("Serveur :"), self.host)
        form.addRow(self.tr("Port :"), self.port)
        form.addRow(self.tr("Base :"), self.database)
        form.addRow(self.tr("Utilisateur :"), self.user)
        form.addRow(self.tr("Mot de passe :"), self.password)
        form.addRow("", self.remember)
        form.addRow(self.tr("Autorité (CA) :"), ca_row)
        form.addRow(self.tr("Équipe :"), self.team)
        self.status = plain_label("", self)
        self.status.setObjectName("teamDialogStatus")
        self.connect_button = QPushButton(self.tr("Se connecter"), self)
        self.connect_button.setObjectName("teamConnect")
        self.connect_button.setDefault(True)
        self.sync_button = QPushButton(self.tr("Synchroniser maintenant"), self)
        self.sync_button.setObjectName("teamSync")
        self.share_button = QPushButton(self.tr("Partager le territoire actuel"), self)
        self.share_button.setObjectName("teamShare")
        self.disconnect_button = QPushButton(self.tr("Se déconnecter"), self)
        self.disconnect_button.setObjectName("teamDisconnect")
        actions = QHBoxLayout()
        for button in (self.connect_button, self.sync_button, self.share_button,
                       self.disconnect_button):  # fmt: skip
            actions.addWidget(button)
        actions.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addLayout(actions)
        layout.addWidget(close)
        self.connect_button.clicked.connect(self.connect_requested)
        self.sync_button.clicked.connect(self.sync_requested)
        self.share_button.clicked.connect(self.share_requested)
        self.disconnect_button.clicked.connect(self.disconnect_requested)
        self.set_connected(False)

    def _browse(self) -> None:
        path = ask_open_path(  # never in the program's working folder
            self,
            self.tr("Autorité de certification"),
            self.tr("Certificats (*.pem *.crt);;Tous (*)"),
        )
        if path:
            self.ca_file.setText(path)

    def set_connected(self, connected: bool, busy: bool = False) -> None:
        """Fields editable only when not connected; one request at a time."""
        for field in (self.host, self.port, self.database, self.user, self.team, self.ca_file):
            field.setEnabled(not connected and not busy)
        self.password.setEnabled(not busy)
        self.connect_button.setEnabled(not connected and not busy)
        self.sync_button.setEnabled(connected and not busy)
        self.share_button.setEnabled(connected and not busy)
        self.disconnect_button.setEnabled(connected and not busy)

    def show_status(self, text: str) -> None:
        self.status.setText(text)
