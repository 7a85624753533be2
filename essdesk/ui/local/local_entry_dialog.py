"""« Nouvelle entrée locale… » / « Modifier l'entrée locale… »: the form of a local actor or
scheme. Layout only: the controller (:mod:`essdesk.ui.local.local_entries`) validates through the
store and shows its French message here; nothing is written until the store accepts it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from essdesk.catalogue.records import RELATION_LABELS
from essdesk.notes.local_entries import (
    KINDS,
    LOCAL_RELATIONS,
    PERSONAL_DATA,
    SUBTYPES,
    LocalContent,
    LocalRelation,
)
from essdesk.ui.common.fitted import FittedDialog
from essdesk.ui.common.plain import plain_label

Choices = Sequence[tuple[str, str]]
"""(key, title) pairs offered by the form (levers, tools, territory types, entries)."""


W = TypeVar("W", bound=QWidget)


def named(widget: W, name: str) -> W:
    """``widget`` with its object name (how tests and screenshots find it)."""
    widget.setObjectName(name)
    return widget


def _split(text: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in text.replace("\n", ",").split(",") if p.strip())


class LocalEntryDialog(FittedDialog):
    """The form; ``submit(dialog)`` returns a French error to show, or None when saved."""

    def __init__(
        self,
        territory_name: str,
        levers: Choices,
        tools: Choices,
        territory_types: Choices,
        entries: Choices,
        content: LocalContent | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("localEntryDialog")
        editing = content is not None
        title = (
            self.tr("Modifier l'entrée locale") if editing else self.tr("Nouvelle entrée locale")
        )
        self.setWindowTitle(title)
        self.submit: Callable[[LocalEntryDialog], str | None] = lambda _dialog: None
        self.resolve: Callable[[str], str | None] = lambda text: None
        self.title_of: Callable[[str], str | None] = lambda key: None
        """The key a typed name or acronym stands for (the controller's catalogue)."""
        self._titles = {key: name for key, name in entries}
        self._by_title = {name: key for key, name in entries}

        form = QFormLayout()
        self.kind = named(QComboBox(), "localKind")
        for key, label in KINDS.items():
            self.kind.addItem(label, key)
        self.title_edit = named(QLineEdit(), "localTitle")
        self.aliases = named(QLineEdit(), "localAliases")
        self.aliases.setPlaceholderText(self.tr("séparés par des virgules"))
        self.subtype = named(QComboBox(), "localSubtype")
        self.summary = named(QLineEdit(), "localSummary")
        self.text = named(QPlainTextEdit(), "localText")
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(70)
        self.address = named(QLineEdit(), "localAddress")
        self.phone = named(QLineEdit(), "localPhone")
        self.email = named(QLineEdit(), "localEmail")
        self.person = named(QLineEdit(), "localPerson")
        privacy = plain_label(PERSONAL_DATA[0].upper() + PERSONAL_DATA[1:])
        privacy.setObjectName("personalDataHint")
        self.links = named(QLineEdit(), "localLinks")
        self.links.setPlaceholderText("https://…")
        form.addRow(self.tr("Genre"), self.kind)
        form.addRow(self.tr("Nom"), self.title_edit)
        form.addRow(self.tr("Sigles, autres noms"), self.aliases)
        form.addRow(self.tr("Type"), self.subtype)
        form.addRow(self.tr("Résumé"), self.summary)
        form.addRow(self.tr("Texte"), self.text)
        form.addRow(self.tr("Adresse"), self.address)
        form.addRow(self.tr("Téléphone"), self.phone)
        form.addRow(self.tr("Courriel"), self.email)
        form.addRow(self.tr("Personne à contacter"), self.person)
        form.addRow("", privacy)
        form.addRow(self.tr("Site web"), self.links)

        self.everywhere = named(QCheckBox(self.tr("Tous territoires")), "localEverywhere")
        types_box = QWidget()
        types_grid = QGridLayout(types_box)
        types_grid.setContentsMargins(0, 0, 0, 0)
        self.type_boxes: dict[str, QCheckBox] = {}
        for i, (key, name) in enumerate(territory_types):
            box = QCheckBox(name)
            box.setObjectName(f"type:{key}")
            self.type_boxes[key] = box
            types_grid.addWidget(box, i // 2, i % 2)
        types_grid.addWidget(self.everywhere, (len(territory_types) + 1) // 2, 0)
        form.addRow(self.tr("Territoires"), types_box)

        self.illustrates = named(QListWidget(), "localIllustrates")
        self.illustrates.setFixedHeight(110)
        for key, name in [*levers, *tools]:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.illustrates.addItem(item)
        form.addRow(self.tr("Leviers et outils illustrés"), self.illustrates)

        self.relations = named(QListWidget(), "localRelations")
        self.relations.setFixedHeight(80)
        self.relation = named(QComboBox(), "localRelation")
        for rel in LOCAL_RELATIONS:
            self.relation.addItem(RELATION_LABELS[rel][0], rel)
        self.target = named(QLineEdit(), "localTarget")
        self.target.setPlaceholderText(self.tr("nom d'une fiche (DLA, France Active…)"))
        completer = QCompleter([name for _, name in entries], self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.target.setCompleter(completer)
        add = named(QPushButton(self.tr("Lier")), "localLinkButton")
        add.clicked.connect(self.add_relation)
        self.target.returnPressed.connect(self.add_relation)
        remove = named(QPushButton(self.tr("Retirer le lien")), "localUnlinkButton")
        remove.clicked.connect(self._remove_relation)
        link_row = QHBoxLayout()
        link_row.addWidget(self.relation)
        link_row.addWidget(self.target, 1)
        link_row.addWidget(add)
        link_box = QWidget()
        link_layout = QVBoxLayout(link_box)
        link_layout.setContentsMargins(0, 0, 0, 0)
        link_layout.addWidget(self.relations)
        link_layout.addLayout(link_row)
        link_layout.addWidget(remove, 0, Qt.AlignmentFlag.AlignLeft)
        form.addRow(self.tr("Liens avec des fiches"), link_box)

        self.error = plain_label()
        self.error.setObjectName("localError")
        self.error.setStyleSheet("color: #b04a4a")
        self.error.setVisible(False)
        where = plain_label(
            self.tr("Entrée de « {0} » : elle ne figure pas dans le rapport.").format(
                territory_name
            )
        )

        inner = QWidget()
        inner.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Enregistrer"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuler"))
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(where)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(900, 700)

        self.kind.currentIndexChanged.connect(self._fill_subtypes)
        self._fill_subtypes()
        if content is not None:
            self.set_content(content)

    # ---------------------------------------------------------------- fields
    def _fill_subtypes(self) -> None:
        kind = self.kind.currentData()
        current = self.subtype.currentData()
        self.subtype.clear()
        self.subtype.addItem(self.tr("(non précisé)"), "")
        for key, label in SUBTYPES[kind].items():
            self.subtype.addItem(label, key)
        found = self.subtype.findData(current)
        self.subtype.setCurrentIndex(max(0, found))

    def add_relation(self, rel: str | None = None, key: str | None = None) -> bool:
        """Link to the entry typed (by its title or key) with the chosen relation."""
        rel = rel or self.relation.currentData()
        if key is None:
            typed = self.target.text().strip()
            key = self._by_title.get(typed) or self.resolve(typed)
            if key is None:
                self.show_error(self.tr("Fiche introuvable : « {0} ».").format(typed))
                return False
        if key not in self._titles:
            self._titles[key] = self.title_of(key) or key
        label = self.tr("{0} : {1}").format(RELATION_LABELS[rel][0], self._titles[key])
        item = QListWidgetItem(label)
        item.setData(Qt.ItemDataRole.UserRole, (rel, key))
        self.relations.addItem(item)
        self.target.clear()
        self.error.setVisible(False)
        return True

    def _remove_relation(self) -> None:
        for item in self.relations.selectedItems():
            self.relations.takeItem(self.relations.row(item))

    def set_content(self, c: LocalContent) -> None:
        self.kind.setCurrentIndex(max(0, self.kind.findData(c.kind)))
        self._fill_subtypes()
        self.subtype.setCurrentIndex(max(0, self.subtype.findData(c.subtype)))
        self.title_edit.setText(c.title)
        self.aliases.setText(", ".join(c.aliases))
        self.summary.setText(c.summary)
        self.text.setPlainText(c.text)
        self.address.setText(c.address)
        self.phone.setText(c.phone)
        self.email.setText(c.email)
        self.person.setText(c.person)
        self.links.setText(", ".join(c.links))
        self.everywhere.setChecked(c.everywhere)
        for key, box in self.type_boxes.items():
            box.setChecked(key in c.territory_types)
        chosen = {*c.levers, *c.tools}
        for i in range(self.illustrates.count()):
            item = self.illustrates.item(i)
            on = item.data(Qt.ItemDataRole.UserRole) in chosen
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.relations.clear()
        self._kept = {r.key: r.title for r in c.relations}
        for r in c.relations:
            if r.key not in self._titles:
                self._titles[r.key] = f"« {r.title or r.key} » (n'existe plus dans le catalogue)"
            self.add_relation(r.rel, r.key)

    def content(self) -> LocalContent:
        """What the form says (validated by the store, not here)."""
        checked = [
            str(self.illustrates.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.illustrates.count())
            if self.illustrates.item(i).checkState() == Qt.CheckState.Checked
        ]
        relations = []
        for i in range(self.relations.count()):
            rel, key = self.relations.item(i).data(Qt.ItemDataRole.UserRole)
            relations.append(LocalRelation(rel, key, getattr(self, "_kept", {}).get(key, "")))
        return LocalContent(
            kind=self.kind.currentData(),
            title=self.title_edit.text(),
            aliases=_split(self.aliases.text()),
            subtype=self.subtype.currentData() or "",
            summary=self.summary.text(),
            text=self.text.toPlainText(),
            address=self.address.text(),
            phone=self.phone.text(),
            email=self.email.text(),
            person=self.person.text(),
            links=_split(self.links.text()),
            territory_types=tuple(k for k, box in self.type_boxes.items() if box.isChecked()),
            everywhere=self.everywhere.isChecked(),
            levers=tuple(k for k in checked if k.startswith("lever:")),
            tools=tuple(k for k in checked if k.startswith("tool:")),
            relations=tuple(relations),
        )

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(True)

    def _save(self) -> None:
        problem = self.submit(self)
        if problem:
            self.show_error(problem)
        else:
            self.accept()
