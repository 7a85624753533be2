"""The conflicts of a territory: both versions side by side, and the user's choice.

An import keeps a note changed on both laptops as a *conflict copy* beside the local note
(:mod:`essdesk.notes.exchange`); nothing is lost until the user chooses here. Each choice is
one call to :meth:`NotesStore.resolve_conflict`, which keeps the replaced text in the note's
history and sends the copy to the trash (restorable). Texts are shown in plain-text editors:
a note is never rendered as HTML.

A follow-up (status, date, contact) changed on both laptops is listed here too (« suivi »):
both values side by side, and the user keeps hers or the imported one
(:meth:`NotesStore.resolve_status_conflict`).

Over 500 lines: the list of conflicts, the side-by-side comparison, the merge editor and the
follow-up choice are one dialog; to be split into its pages when it grows again.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from essdesk.french import typography as french_typography
from essdesk.notes import Note, NotesError, NotesStore, Status, StatusConflict, Territory
from essdesk.ui.common.date_field import format_date, iso_date
from essdesk.ui.common.fitted import FittedDialog
from essdesk.ui.common.labels import local_time, status_label
from essdesk.ui.common.messages import show_message
from essdesk.ui.common.plain import plain_label, plain_tip, plain_title

COMPARE, MERGE, EMPTY = 0, 1, 2
"""Pages of the right-hand side."""

STATUS_ITEM = "status:"
"""Prefix of a list item's data for a follow-up in conflict (then its id); else a note uuid."""


class ConflictsDialog(FittedDialog):
    """List the conflict copies of one territory and settle them one by one."""

    conflict_resolved = Signal(str)
    """A conflict was settled: the uuid of the note kept, or "" for a follow-up (the notes
    panel reloads)."""

    def __init__(
        self,
        store: NotesStore,
        territory: Territory,
        catalogue_titles: Callable[[str], str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("conflictsDialog")
        self._store = store
        self._territory = territory
        self._titles = catalogue_titles
        self._copies: dict[str, Note] = {}
        self._status_conflicts: dict[str, StatusConflict] = {}
        self.setWindowTitle(
            plain_title(french_typography(self.tr("Conflits — {0}").format(territory.name)))
        )

        intro = plain_label(
            french_typography(
                self.tr(
                    "Ces notes ont été modifiées sur deux ordinateurs. Les deux versions sont "
                    "gardées tant que vous n'avez pas choisi ; ensuite, la version écartée reste "
                    "récupérable (corbeille ou historique de la note)."
                )
            ),
            self,
        )

        self.conflict_list = QListWidget(self)
        self.conflict_list.setObjectName("conflictList")
        self.conflict_list.setAccessibleName(self.tr("Notes en conflit"))
        self.conflict_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.conflict_list.setMinimumWidth(180)
        self.conflict_list.setMaximumWidth(280)
        self.conflict_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.conflict_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.conflict_list.currentItemChanged.connect(lambda *_: self._show_current())

        # -- compare page
        compare = QWidget(self)
        self.entry_title = plain_label("", compare)
        self.entry_title.setObjectName("conflictTitle")
        font = self.entry_title.font()
        font.setBold(True)
        self.entry_title.setFont(font)
        self.mine_header = plain_label(self.tr("Ma version"), compare)
        self.theirs_header = plain_label(self.tr("Version importée"), compare)
        self.mine_when = plain_label("", compare)
        self.theirs_when = plain_label("", compare)
        for header in (self.mine_header, self.theirs_header):
            bold_font = header.font()
            bold_font.setBold(True)
            header.setFont(bold_font)
        self.mine_edit = self._text_view(self.tr("Ma version"), compare)
        self.theirs_edit = self._text_view(self.tr("Version importée"), compare)
        sides = QGridLayout()
        sides.addWidget(self.mine_header, 0, 0)
        sides.addWidget(self.theirs_header, 0, 1)
        sides.addWidget(self.mine_when, 1, 0)
        sides.addWidget(self.theirs_when, 1, 1)
        sides.addWidget(self.mine_edit, 2, 0)
        sides.addWidget(self.theirs_edit, 2, 1)
        sides.setColumnStretch(0, 1)
        sides.setColumnStretch(1, 1)
        self.keep_mine_button = QPushButton(self.tr("Garder la &mienne"), compare)
        self.keep_theirs_button = QPushButton(self.tr("Garder l'&importée"), compare)
        self.keep_both_button = QPushButton(self.tr("Garder les &deux"), compare)
        self.merge_button = QPushButton(self.tr("&Fusionner…"), compare)
        self.keep_mine_button.setToolTip(
            self.tr("La note garde votre texte ; la version importée va à la corbeille.")
        )
        self.keep_theirs_button.setToolTip(
            self.tr("La note prend le texte importé ; le vôtre reste dans son historique.")
        )
        self.keep_both_button.setToolTip(
            self.tr("La note contient les deux textes, l'un après l'autre.")
        )
        self.merge_button.setToolTip(self.tr("Écrire vous-même le texte à garder."))
        actions = QHBoxLayout()
        for button in (
            self.keep_mine_button,
            self.keep_theirs_button,
            self.keep_both_button,
            self.merge_button,
        ):
            button.setToolTip(french_typography(button.toolTip()))
            actions.addWidget(button)
        actions.addStretch(1)
        compare_layout = QVBoxLayout(compare)
        compare_layout.setContentsMargins(0, 0, 0, 0)
        compare_layout.addWidget(self.entry_title)
        compare_layout.addLayout(sides, 1)
        compare_layout.addLayout(actions)

        # -- merge page
        merge = QWidget(self)
        self.merge_hint = plain_label(
            french_typography(
                self.tr(
                    "Écrivez le texte à garder à partir des deux versions, retirez les lignes "
                    "« ——— », puis enregistrez (Ctrl+Entrée)."
                )
            ),
            merge,
        )
        self.merge_edit = QPlainTextEdit(merge)
        self.merge_edit.setObjectName("mergeEdit")
        self.merge_edit.setAccessibleName(self.tr("Texte fusionné"))
        self.merge_edit.setTabChangesFocus(True)
        self.save_merge_button = QPushButton(self.tr("&Enregistrer"), merge)
        self.save_merge_button.setShortcut(QKeySequence("Ctrl+Return"))
        self.cancel_merge_button = QPushButton(self.tr("Annuler la fusion"), merge)
        self.cancel_merge_button.setToolTip(self.tr("Revenir aux deux versions (Échap)"))
        merge_buttons = QHBoxLayout()
        merge_buttons.addStretch(1)
        merge_buttons.addWidget(self.save_merge_button)
        merge_buttons.addWidget(self.cancel_merge_button)
        merge_layout = QVBoxLayout(merge)
        merge_layout.setContentsMargins(0, 0, 0, 0)
        merge_layout.addWidget(self.merge_hint)
        merge_layout.addWidget(self.merge_edit, 1)
        merge_layout.addLayout(merge_buttons)

        # -- nothing left
        self.empty_label = plain_label(
            french_typography(
                self.tr("Aucun conflit à résoudre pour « {0} ».").format(territory.name)
            ),
            self,
        )
        self.empty_label.setObjectName("conflictsEmpty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.pages = QStackedWidget(self)
        self.pages.addWidget(compare)
        self.pages.addWidget(merge)
        self.pages.addWidget(self.empty_label)

        self.message = plain_label("", self)
        self.message.setObjectName("conflictsMessage")
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(self.tr("Fermer"))
        self.close_button.setDefault(True)

        body = QHBoxLayout()
        body.addWidget(self.conflict_list)
        body.addWidget(self.pages, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(body, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumSize(760, 460)

        self.keep_mine_button.clicked.connect(self.keep_mine)
        self.keep_theirs_button.clicked.connect(self.keep_theirs)
        self.keep_both_button.clicked.connect(self.keep_both)
        self.merge_button.clicked.connect(self.start_merge)
        self.save_merge_button.clicked.connect(self.save_merge)
        self.cancel_merge_button.clicked.connect(self.cancel_merge)
        self.reload()

    @staticmethod
    def _text_view(name: str, parent: QWidget) -> QPlainTextEdit:
        view = QPlainTextEdit(parent)
        view.setReadOnly(True)
        view.setTabChangesFocus(True)
        view.setAccessibleName(name)
        view.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        return view

    # -- state ------------------------------------------------------------------------------

    def title_of_key(self, entry_key: str, saved_title: str | None = None) -> str:
        """The catalogue's title of an entry; for an entry it does not know, ``saved_title``
        (or its key), marked as unknown."""
        title = self._titles(entry_key)
        if title is not None:
            return title
        return self.tr("{0} (fiche inconnue du catalogue)").format(saved_title or entry_key)

    def title_of(self, note: Note) -> str:
        """The title of a note's entry (the one saved with the note when the catalogue has
        none)."""
        return self.title_of_key(note.entry_key, note.entry_title)

    def copies(self) -> list[Note]:
        """The live conflict copies listed, in list order."""
        return [self._copies[u] for u in self._uuids()]

    def _uuids(self) -> list[str]:
        return [
            self.conflict_list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.conflict_list.count())
        ]

    def reload(self) -> None:
        """Read the territory's conflict copies again, keeping the current row if it is
        still there (or the row at the same place)."""
        current = self.conflict_list.currentRow()
        current_uuid = self._current_uuid()
        try:
            notes = self._store.notes_for_territory(self._territory, sort="entry")
        except NotesError as exc:
            self.message.setText("⚠ " + french_typography(exc.message))
            notes = []
        copies = [n for n in notes if n.conflict_of is not None]
        self._copies = {n.uuid: n for n in copies}
        try:
            follow_ups = self._store.status_conflicts(self._territory)
        except NotesError as exc:
            self.message.setText("⚠ " + french_typography(exc.message))
            follow_ups = []
        self._status_conflicts = {f"{STATUS_ITEM}{c.id}": c for c in follow_ups}
        self.conflict_list.blockSignals(True)
        self.conflict_list.clear()
        for note in copies:
            item = QListWidgetItem(self.title_of(note))
            item.setData(Qt.ItemDataRole.UserRole, note.uuid)
            item.setToolTip(plain_tip(f"{self.title_of(note)}\n{note.entry_key}"))
            self.conflict_list.addItem(item)
        for data, other in self._status_conflicts.items():
            # « Suivi » first: a long title is elided at its end, the kind stays visible
            title = self.tr("Suivi — {0}").format(self.title_of_key(other.entry_key))
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, data)
            item.setToolTip(plain_tip(f"{title}\n{other.entry_key}"))
            self.conflict_list.addItem(item)
        self.conflict_list.blockSignals(False)
        total = len(copies) + len(follow_ups)
        if total:
            uuids = self._uuids()
            row = uuids.index(current_uuid) if current_uuid in uuids else current
            self.conflict_list.setCurrentRow(min(max(row, 0), total - 1))
        self._show_current()

    def _current_uuid(self) -> str | None:
        item = self.conflict_list.currentItem()
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)

    def current(self) -> tuple[Note, Note | None] | None:
        """The selected conflict copy and the note it stands beside (None if in the trash)."""
        uuid = self._current_uuid()
        if uuid is None or uuid not in self._copies:
            return None
        copy = self._copies[uuid]
        try:
            local = self._store.get_note(copy.entry_key, copy.territory_uuid)
        except NotesError:
            local = None
        return copy, local

    def current_status(self) -> tuple[StatusConflict, Status | None] | None:
        """The selected follow-up in conflict (the other laptop's) and the local one."""
        other = self._status_conflicts.get(self._current_uuid() or "")
        if other is None:
            return None
        try:
            local = self._store.status(other.entry_key, other.territory_uuid)
        except NotesError:
            local = None
        return other, local

    def describe(self, status: Status | None) -> str:
        """A follow-up as the two sides show it: status, date and contact, one per line."""
        if status is None:
            return self.tr("(aucun suivi)")
        lines = [self.tr("Statut : {0}").format(status_label(status.status))]
        day = format_date(iso_date(status.date))
        if day:
            lines.append(self.tr("Date : {0}").format(day))
        if status.contact:
            lines.append(self.tr("Contact : {0}").format(status.contact))
        return french_typography("\n".join(lines))

    def _changed_on(self, moment: datetime, author: str) -> str:
        when = self.tr("suivi modifié le {0}").format(local_time(moment))
        return self.tr("{0}, par {1}").format(when, author) if author else when

    def _show_status(self, other: StatusConflict, local: Status | None) -> None:
        self.pages.setCurrentIndex(COMPARE)
        self.entry_title.setText(self.tr("{0} — suivi").format(self.title_of_key(other.entry_key)))
        self.mine_when.setText(
            self._changed_on(local.updated, local.author) if local is not None else ""
        )
        self.theirs_when.setText(self._changed_on(other.updated, other.author))
        mine, theirs = self.describe(local), self.describe(other)
        self.mine_edit.setPlainText(mine)
        self.theirs_edit.setPlainText(theirs)
        self.keep_mine_button.setEnabled(True)
        for button in (self.keep_both_button, self.merge_button):
            button.setVisible(False)
        spans_mine, spans_theirs = differing_spans(mine, theirs)
        _highlight(self.mine_edit, spans_mine)
        _highlight(self.theirs_edit, spans_theirs)

    def _show_current(self) -> None:
        any_left = bool(self._copies or self._status_conflicts)
        self.conflict_list.setEnabled(any_left)
        self.conflict_list.setVisible(any_left)
        follow_up = self.current_status()
        if follow_up is not None:
            self._show_status(*follow_up)
            return
        pair = self.current()
        if pair is None:
            self.pages.setCurrentIndex(EMPTY)
            return
        copy, local = pair
        for button in (self.keep_both_button, self.merge_button):
            button.setVisible(True)
        self.pages.setCurrentIndex(COMPARE)
        self.entry_title.setText(self.title_of(copy))
        if local is None:
            self.mine_when.setText(self.tr("dans la corbeille"))
            self.mine_edit.setPlainText(
                french_typography(
                    self.tr(
                        "(La note locale est dans la corbeille : restaurez-la pour la comparer, "
                        "ou gardez la version importée.)"
                    )
                )
            )
        else:
            self.mine_when.setText(self.tr("modifiée le {0}").format(local_time(local.updated)))
            self.mine_edit.setPlainText(local.text)
        when = self.tr("modifiée le {0}").format(local_time(copy.updated))
        if copy.author:
            when = self.tr("{0}, par {1}").format(when, copy.author)
        self.theirs_when.setText(when)
        self.theirs_edit.setPlainText(copy.text)
        self.keep_mine_button.setEnabled(local is not None)
        if local is not None:
            mine, theirs = differing_spans(local.text, copy.text)
            _highlight(self.mine_edit, mine)
            _highlight(self.theirs_edit, theirs)
        else:
            _highlight(self.mine_edit, [])
            _highlight(self.theirs_edit, [])

    # -- actions ----------------------------------------------------------------------------

    def keep_mine(self) -> None:
        self._resolve("local", self.tr("« {0} » : votre version est gardée."))

    def keep_theirs(self) -> None:
        self._resolve(
            "incoming",
            self.tr("« {0} » : la version importée est gardée (la vôtre reste dans l'historique)."),
        )

    def keep_both(self) -> None:
        self._resolve("both", self.tr("« {0} » : les deux versions sont gardées dans la note."))

    def merge_text(self) -> str:
        """Both texts, each under a marker line saying which it is and when it was written."""
        pair = self.current()
        if pair is None:
            return ""
        copy, local = pair
        theirs = self.tr("——— Version importée (modifiée le {0}) ———").format(
            local_time(copy.updated)
        )
        if local is None:
            return f"{theirs}\n{copy.text}\n"
        mine = self.tr("——— Ma version (modifiée le {0}) ———").format(local_time(local.updated))
        return f"{mine}\n{local.text}\n\n{theirs}\n{copy.text}\n"

    def start_merge(self) -> None:
        if self.current() is None:
            return
        self.merge_edit.setPlainText(self.merge_text())
        self.pages.setCurrentIndex(MERGE)
        self.conflict_list.setEnabled(False)
        self.save_merge_button.setDefault(True)
        self.merge_edit.setFocus()

    def cancel_merge(self) -> None:
        self.merge_edit.clear()
        self.save_merge_button.setDefault(False)
        self.close_button.setDefault(True)
        self.conflict_list.setEnabled(True)
        self._show_current()
        self.conflict_list.setFocus()

    def save_merge(self) -> None:
        if self.pages.currentIndex() != MERGE:
            return
        text = self.merge_edit.toPlainText()
        if self._resolve(None, self.tr("« {0} » : le texte fusionné est enregistré."), text):
            self.cancel_merge()

    def _resolve_status(self, keep: str) -> bool:
        follow_up = self.current_status()
        if follow_up is None:
            return False
        other = follow_up[0]
        title = self.title_of_key(other.entry_key)
        try:
            self._store.resolve_status_conflict(other.id, keep)
        except NotesError as exc:
            show_message(self, QMessageBox.Icon.Warning, self.tr("Conflit"), exc.message)
            self.reload()
            return False
        done = (
            self.tr("« {0} » : votre suivi est gardé.")
            if keep == "local"
            else self.tr("« {0} » : le suivi importé est gardé.")
        )
        self.message.setText(french_typography(done.format(title)))
        self.reload()
        self.conflict_resolved.emit("")
        return True

    def _resolve(self, keep: str | None, done: str, merged: str | None = None) -> bool:
        if keep in ("local", "incoming") and self.current_status() is not None:
            return self._resolve_status(keep)
        pair = self.current()
        if pair is None:
            return False
        copy, _ = pair
        title = self.title_of(copy)
        try:
            note = self._store.resolve_conflict(copy.uuid, keep, merged_text=merged)
        except NotesError as exc:
            show_message(self, QMessageBox.Icon.Warning, self.tr("Conflit"), exc.message)
            self.reload()
            return False
        self.message.setText(french_typography(done.format(title)))
        self.reload()
        self.conflict_resolved.emit(note.uuid)
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc leaves the merge editor first, then closes the dialog."""
        if event.key() == Qt.Key.Key_Escape and self.pages.currentIndex() == MERGE:
            self.cancel_merge()
            event.accept()
            return
        super().keyPressEvent(event)


DIFFERENCE_BACKGROUND = "#ffe08a"
"""Behind the words that differ between « Ma version » and « Version importée » (dark text
stays readable on it in light and dark palettes)."""


def differing_spans(mine: str, theirs: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(start, end) character spans of what differs, word by word, in each text."""

    def words(text: str) -> tuple[list[str], list[int]]:
        parts = re.findall(r"\S+|\s+", text)
        starts, at = [], 0
        for part in parts:
            starts.append(at)
            at += len(part)
        starts.append(at)
        return parts, starts

    a, a_at = words(mine)
    b, b_at = words(theirs)
    spans_a: list[tuple[int, int]] = []
    spans_b: list[tuple[int, int]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if i2 > i1:
            spans_a.append((a_at[i1], a_at[i2]))
        if j2 > j1:
            spans_b.append((b_at[j1], b_at[j2]))
    return spans_a, spans_b


def _highlight(view: QPlainTextEdit, spans: list[tuple[int, int]]) -> None:
    selections = []
    for start, end in spans:
        selection = QTextEdit.ExtraSelection()
        selection.format.setBackground(QColor(DIFFERENCE_BACKGROUND))
        selection.format.setForeground(QColor("#1b1b1b"))
        cursor = view.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        selections.append(selection)
    view.setExtraSelections(selections)


def open_conflicts_dialog(
    parent: QWidget | None,
    store: NotesStore,
    territory: Territory | str,
    catalogue_titles: Callable[[str], str | None],
) -> ConflictsDialog:
    """Open the conflicts of ``territory`` (a record or its uuid), window-modal and
    non-blocking; returns the dialog, which deletes itself when closed.

    ``catalogue_titles``: entry key → title, or None for an entry the catalogue does not
    know (``Catalogue.title``). Connect ``conflict_resolved`` to reload the notes panel.
    """
    if isinstance(territory, str):
        territory = store.territory(territory)
    dialog = ConflictsDialog(store, territory, catalogue_titles, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


__all__ = ["ConflictsDialog", "open_conflicts_dialog"]
