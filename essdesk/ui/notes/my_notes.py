"""« Mes notes »: every note of the current territory, sortable and searchable, and the
orphan notes (entries a newer catalogue no longer has) with their old titles.

Built with the window, empty; the notes wiring hands it a ``loader`` once notes are open.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from essdesk.french import counted
from essdesk.ui.common.plain import PlainLabel
from essdesk.ui.common.roles import KEY_ROLE
from essdesk.ui.notes.notes_model import NotesListModel

if TYPE_CHECKING:
    from essdesk.notes import Note

FollowUps = dict[str, tuple[str | None, str]]
"""entry key → (follow-up date as ISO text or None, contact)."""
Loader = Callable[
    [str, str], tuple[Sequence["Note"], Sequence["Note"], dict[str, str], str, FollowUps]
]
"""(query, sort) → (notes, orphans, catalogue titles, territory name, follow-ups)."""


def _table(model: NotesListModel, name: str, accessible: str, parent: QWidget) -> QTableView:
    table = QTableView(parent)
    table.setObjectName(name)
    table.setAccessibleName(accessible)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.setShowGrid(False)
    table.setAlternatingRowColors(True)
    table.setTabKeyNavigation(False)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    # two text columns share the width; status and date take what they need: no side scroll
    header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(NotesListModel.COL_STATUS, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(NotesListModel.COL_UPDATED, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(
        NotesListModel.COL_FOLLOWUP_DATE, QHeaderView.ResizeMode.ResizeToContents
    )
    header.setStretchLastSection(False)
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return table


NEWEST_FIRST = ("updated", "created")
"""Sorts the store gives newest first; the others (entry, status) come in ascending order."""


class MyNotesView(QWidget):
    entry_activated = Signal(str)
    refreshed = Signal(int)
    """Emitted with the number of notes listed after each refresh."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("myNotesView")
        self.setAccessibleName(self.tr("Mes notes"))
        self._loader: Loader | None = None
        self._sort = "updated"
        self._descending = True

        self.search_field = QLineEdit(self)
        self.search_field.setObjectName("myNotesSearch")
        self.search_field.setPlaceholderText(self.tr("Chercher dans mes notes…"))
        self.search_field.setAccessibleName(self.tr("Chercher dans mes notes"))
        self.search_field.setClearButtonEnabled(True)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(150)
        self._debounce.timeout.connect(self.refresh)
        self.search_field.textChanged.connect(lambda _t: self._debounce.start())

        self.count_label = PlainLabel(self)
        self.count_label.setObjectName("resultCount")
        self.count_label.setWordWrap(True)

        self.model = NotesListModel(self)
        self.model.sort_requested.connect(self._sort_requested)
        self.table = _table(self.model, "myNotesTable", self.tr("Mes notes"), self)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(
            NotesListModel.COL_UPDATED, Qt.SortOrder.DescendingOrder
        )
        # a single click opens the entry, as in the trees, the directory and the search
        self.table.activated.connect(self._open)
        self.table.clicked.connect(self._open)

        self.orphans_title = PlainLabel(self.tr("Notes orphelines"), self)
        self.orphans_title.setObjectName("panelTitle")
        self.orphans_hint = PlainLabel(
            self.tr(
                "Ces notes portent sur des entrées que ce catalogue ne contient plus (il a été "
                "mis à jour depuis). Elles sont gardées telles quelles, avec le titre de "
                "l'entrée au moment où elles ont été écrites ; survolez une ligne pour lire "
                "la note."
            ),
            self,
        )
        self.orphans_hint.setObjectName("panelHint")
        self.orphans_hint.setWordWrap(True)
        self.orphans_model = NotesListModel(self)
        self.orphans_table = _table(
            self.orphans_model, "orphanNotesTable", self.tr("Notes orphelines"), self
        )
        self.orphans_table.setMaximumHeight(150)
        for widget in (self.orphans_title, self.orphans_hint, self.orphans_table):
            widget.setVisible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.search_field)
        layout.addWidget(self.count_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.orphans_title)
        layout.addWidget(self.orphans_hint)
        layout.addWidget(self.orphans_table)
        self.count_label.setText(self.tr("Les notes s'afficheront ici une fois ouvertes."))

    def set_loader(self, loader: Loader | None) -> None:
        self._loader = loader
        self.refresh()

    def refresh(self) -> None:
        self._debounce.stop()
        if self._loader is None:
            self.model.set_notes([])
            return
        query = self.search_field.text()
        notes, orphans, titles, territory, followups = self._loader(query, self._sort)
        if self._descending != (self._sort in NEWEST_FIRST):  # the other way round
            notes = notes[::-1]
        self.model.set_notes(notes, titles, followups)
        self.orphans_model.set_notes(orphans)
        for widget in (self.orphans_title, self.orphans_hint, self.orphans_table):
            widget.setVisible(bool(orphans))
        count = self.model.rowCount()  # notes per entry: a conflict copy is not one more
        if not territory:
            text = self.tr("Choisissez ou créez un territoire pour voir ses notes.")
        elif query.strip():
            text = (
                self.tr("Aucune note de {0} ne contient « {1} ».").format(territory, query.strip())
                if not count
                else counted(
                    count,
                    self.tr("{0} note de {1} contient « {2} »"),
                    self.tr("{0} notes de {1} contiennent « {2} »"),
                    territory,
                    query.strip(),
                )
            )
        elif count == 0:
            text = self.tr(
                "Aucune note pour {0} pour l'instant : ouvrez une entrée et écrivez dans le "
                "panneau Notes, à droite."
            ).format(territory)
        else:
            text = counted(count, self.tr("{0} note de {1}"), self.tr("{0} notes de {1}"), territory)
        self.count_label.setText(text)
        self.refreshed.emit(count)

    def _sort_requested(self, sort: str, descending: bool) -> None:
        if (sort, descending) != (self._sort, self._descending):
            self._sort, self._descending = sort, descending
            self.refresh()

    def _open(self, index: QModelIndex) -> None:
        key = index.data(KEY_ROLE) if index.isValid() else None
        if key:
            self.entry_activated.emit(key)
