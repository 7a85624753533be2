"""Territory profiles: the profile form and the management list (opened from the notes).

Not imported at start-up: the window only needs the switcher (``switcher``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypedDict

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from essdesk.ui.common.fitted import FittedDialog
from essdesk.ui.common.plain import PlainLabel

if TYPE_CHECKING:
    from essdesk.notes import Territory


class ProfileValues(TypedDict):
    """What the profile form holds, named as the store's ``add_territory`` takes it."""

    name: str
    types: list[str]
    commune: str
    code: str
    initials: str


class TerritoryDialog(QDialog):
    """Create or edit a profile: name, territory types, commune or EPCI, initials."""

    def __init__(
        self,
        type_choices: Sequence[tuple[str, str]],
        territory: Territory | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("territoryDialog")
        self.setWindowTitle(
            self.tr("Nouveau territoire")
            if territory is None
            else self.tr("Modifier le territoire")
        )
        self.name_edit = QLineEdit(territory.name if territory else "", self)
        self.name_edit.setObjectName("territoryName")
        self.name_edit.setAccessibleName(self.tr("Nom du territoire"))
        self.name_edit.setPlaceholderText(self.tr("ex. Communauté de communes du Haut-Jura"))
        # an EPCI's name is long: « Communauté de communes Creuse Grand Sud » fits whole
        self.name_edit.setMinimumWidth(self.fontMetrics().averageCharWidth() * 48)
        types_box = QGroupBox(self.tr("Types de territoire"), self)
        types_layout = QVBoxLayout(types_box)
        self.type_boxes: dict[str, QCheckBox] = {}
        chosen = set(territory.types) if territory else set()
        for key, title in type_choices:
            box = QCheckBox(title, types_box)
            box.setObjectName(f"type_{key.split(':', 1)[-1]}")
            box.setChecked(key in chosen)
            types_layout.addWidget(box)
            self.type_boxes[key] = box
        self.commune_edit = QLineEdit(territory.commune if territory else "", self)
        self.commune_edit.setAccessibleName(self.tr("Commune ou EPCI"))
        self.code_edit = QLineEdit(territory.code if territory else "", self)
        self.code_edit.setAccessibleName(self.tr("Code INSEE ou SIREN"))
        self.code_edit.setPlaceholderText(
            self.tr("code INSEE de la commune (5 chiffres) ou SIREN de l’EPCI (9 chiffres)")
        )
        self.code_edit.setToolTip(
            self.tr(
                "Le code officiel de votre territoire : code INSEE d’une commune (ex. 23096) "
                "ou numéro SIREN d’un EPCI (ex. 200067130). Il distingue deux territoires de "
                "même nom ; essdesk ne l’envoie nulle part."
            )
        )
        self.initials_edit = QLineEdit(territory.initials if territory else "", self)
        self.initials_edit.setAccessibleName(self.tr("Initiales du profil"))
        self.initials_edit.setMaxLength(12)
        self.initials_edit.setToolTip(  # issue 12: the notes are signed by the person
            self.tr(
                "Initiales du profil, reprises sur ses entrées locales tant que vous n'avez pas "
                "donné les vôtres. Vos notes et vos entrées sont signées par vos propres "
                "initiales : Fichier › « Mes initiales… »."
            )
        )
        form = QFormLayout()
        form.addRow(self.tr("&Nom"), self.name_edit)
        form.addRow(self.tr("&Commune ou EPCI (facultatif)"), self.commune_edit)
        form.addRow(self.tr("C&ode INSEE ou SIREN (facultatif)"), self.code_edit)
        form.addRow(self.tr("&Initiales (facultatif)"), self.initials_edit)
        self.error_label = PlainLabel(self)
        self.error_label.setObjectName("notesWarning")
        self.error_label.setWordWrap(True)
        self.error_label.setVisible(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Créer") if territory is None else self.tr("Enregistrer")
        )
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(types_box)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.submit: Callable[[TerritoryDialog], str | None] | None = None
        """Called on OK; returns an error message to show (the dialog stays open) or None."""

    def values(self) -> ProfileValues:
        return {
            "name": self.name_edit.text(),
            "types": [k for k, box in self.type_boxes.items() if box.isChecked()],
            "commune": self.commune_edit.text(),
            "code": self.code_edit.text(),
            "initials": self.initials_edit.text(),
        }

    def _accept(self) -> None:
        if self.submit is not None:
            problem = self.submit(self)
            if problem:
                self.error_label.setText(problem)
                self.error_label.setVisible(True)
                return
        self.accept()


class ManageTerritoriesDialog(FittedDialog):
    """The list of profiles with « Nouveau… », « Modifier… », « Supprimer… »."""

    create_requested = Signal()
    edit_requested = Signal(str)
    delete_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("manageTerritoriesDialog")
        self.setWindowTitle(self.tr("Territoires"))
        self.list = QListWidget(self)
        self.list.setObjectName("territoryList")
        self.list.setAccessibleName(self.tr("Profils de territoire"))
        self.list.itemDoubleClicked.connect(lambda _i: self._edit())
        new = QPushButton(self.tr("Nouveau…"), self)
        new.setObjectName("newTerritoryButton")
        new.clicked.connect(self.create_requested)
        self.edit_button = QPushButton(self.tr("Modifier…"), self)
        self.edit_button.setObjectName("editTerritoryButton")
        self.edit_button.clicked.connect(self._edit)
        self.delete_button = QPushButton(self.tr("Supprimer…"), self)
        self.delete_button.setObjectName("deleteTerritoryButton")
        self.delete_button.clicked.connect(self._delete)
        side = QVBoxLayout()
        side.addWidget(new)
        side.addWidget(self.edit_button)
        side.addWidget(self.delete_button)
        side.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(side)
        hint = PlainLabel(
            self.tr(
                "Supprimer un territoire envoie ses notes à la corbeille : elles y restent "
                "restaurables au moins 30 jours."
            ),
            self,
        )
        hint.setObjectName("panelHint")
        hint.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(hint)
        layout.addWidget(close)
        self.resize(460, 320)

    def set_territories(self, territories: Sequence[Territory]) -> None:
        current = self.selected()
        self.list.clear()
        for t in territories:
            item = QListWidgetItem(t.name, self.list)
            item.setData(Qt.ItemDataRole.UserRole, t.uuid)
            if t.uuid == current:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self.edit_button.setEnabled(self.list.count() > 0)
        self.delete_button.setEnabled(self.list.count() > 0)

    def selected(self) -> str:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else ""

    def _edit(self) -> None:
        if self.selected():
            self.edit_requested.emit(self.selected())

    def _delete(self) -> None:
        if self.selected():
            self.delete_requested.emit(self.selected())
