"""« Mes notes »: the notes of the current territory (``Note`` records), sorted by the store."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from essdesk.ui.common.labels import status_label
from essdesk.ui.common.plain import plain_tip
from essdesk.ui.common.roles import (
    KEY_ROLE,
    NO_PARENT,
    RECORD_ROLE,
    STATUS_ROLE,
    ReadOnlyTable,
)
from essdesk.ui.notes.markers import marker_icon
from essdesk.ui.notes.note_markup import first_line

if TYPE_CHECKING:
    from essdesk.notes import Note

Index = QModelIndex | QPersistentModelIndex


def _local(moment: datetime) -> datetime:
    return moment.astimezone() if moment.tzinfo else moment


class NotesListModel(ReadOnlyTable):
    COL_ENTRY = 0
    COL_STATUS = 1
    COL_UPDATED = 2
    COL_TEXT = 3
    COL_FOLLOWUP_DATE = 4
    COL_CONTACT = 5
    COLUMN_COUNT = 6
    SORT_KEYS = ("entry", "status", "updated", "updated", "status", "status")
    """``NotesStore.notes_for_territory(sort=…)`` of each column."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._notes: list[Note] = []
        self._titles: dict[str, str] = {}
        self._conflicted: set[str] = set()
        self._followups: dict[str, tuple[str | None, str]] = {}

    # ---------------------------------------------------------------- the one entry point
    def set_notes(
        self,
        notes: Sequence[Note],
        titles: dict[str, str] | None = None,
        followups: dict[str, tuple[str | None, str]] | None = None,
    ) -> None:
        """``titles``: current catalogue titles by key (the note's own title otherwise).

        One row per entry: a conflict copy kept beside a note is not a second row (both
        looked the same) but a marker on the note's row; a copy whose note is gone stands
        in for it."""
        rows: dict[str, Note] = {}
        conflicted: set[str] = set()
        for note in notes:
            if note.conflict_of:
                conflicted.add(note.entry_key)
            seen = rows.get(note.entry_key)
            if seen is None or (seen.conflict_of and not note.conflict_of):
                rows[note.entry_key] = note
        self.beginResetModel()
        self._notes = list(rows.values())
        self._conflicted = conflicted
        self._titles = dict(titles or {})
        self._followups = dict(followups or {})
        self.endResetModel()

    def has_conflict(self, note: Note) -> bool:
        return note.entry_key in self._conflicted

    def note(self, row: int) -> Note | None:
        return self._notes[row] if 0 <= row < len(self._notes) else None

    def title(self, note: Note) -> str:
        return self._titles.get(note.entry_key) or note.entry_title or note.entry_key

    # ---------------------------------------------------------------- Qt interface
    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._notes)

    def _cell(self, note: Note, column: int) -> str:
        if column == self.COL_ENTRY:
            title = self.title(note)
            if self.has_conflict(note):
                return self.tr("⚠ {0} — conflit à résoudre").format(title)
            return title
        if column == self.COL_STATUS:
            return status_label(note.status) if note.status else ""
        if column == self.COL_UPDATED:
            return f"{_local(note.updated):%d/%m/%Y}"
        if column in (self.COL_FOLLOWUP_DATE, self.COL_CONTACT):
            when, contact = self._followups.get(note.entry_key, (None, ""))
            if column == self.COL_CONTACT:
                return contact
            return f"{when[8:10]}/{when[5:7]}/{when[:4]}" if when and len(when) == 10 else ""
        return first_line(note.text)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._notes):
            return None
        note = self._notes[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._cell(note, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.COL_UPDATED:
                return f"{_local(note.updated):%d/%m/%Y %H:%M}"
            if column == self.COL_ENTRY and self.has_conflict(note):
                return self.tr(
                    "Cette note a une version importée en conflit : ouvrez l’entrée et "
                    "cliquez sur « Résoudre… »."
                )
            return (
                plain_tip(note.text[:600]) or None
                if column in (self.COL_TEXT, self.COL_ENTRY)
                else None
            )
        if role == Qt.ItemDataRole.DecorationRole and column == self.COL_STATUS and note.status:
            return marker_icon(False, note.status)
        if role == KEY_ROLE:
            return note.entry_key
        if role == RECORD_ROLE:
            return note
        if role == STATUS_ROLE:
            return note.status
        return None

    def column_titles(self) -> tuple[str, ...]:
        return (
            self.tr("Entrée"),
            self.tr("Suivi"),
            self.tr("Modifiée le"),
            self.tr("Extrait"),
            self.tr("Date du suivi"),
            self.tr("Contact"),
        )
