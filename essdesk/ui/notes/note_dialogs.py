"""Small dialogs around notes: history with restore, the trash, the list of backups.

Each takes plain records and a callback that does the work, so it holds no store logic.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from essdesk.ui.common.fitted import FittedDialog
from essdesk.ui.common.plain import PlainLabel, plain_tip

if TYPE_CHECKING:
    from essdesk.notes import Backup, Note, NoteVersion


def local(moment: datetime) -> str:
    value = moment.astimezone() if moment.tzinfo else moment
    return f"{value:%d/%m/%Y %H:%M}"


class _ListDialog(FittedDialog):
    """A list on the left, a read-only preview on the right, one action button."""

    def __init__(
        self, title: str, action: str, explanation: str, name: str, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.list = QListWidget(self)
        self.list.setObjectName(f"{name}List")
        self.list.setAccessibleName(title)
        # Long labels (an entry's title, its territory, a date) wrap instead of hiding
        # behind a horizontal scroll bar.
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.preview = QPlainTextEdit(self)
        self.preview.setObjectName(f"{name}Preview")
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName(self.tr("Aperçu"))
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.list)
        splitter.addWidget(self.preview)
        splitter.setSizes([240, 360])
        self.explanation = PlainLabel(explanation, self)
        self.explanation.setObjectName("panelHint")
        self.explanation.setWordWrap(True)
        self.result_label = PlainLabel(self)
        self.result_label.setWordWrap(True)
        self.action_button = QPushButton(action, self)
        self.action_button.setObjectName(f"{name}Action")
        self.action_button.setEnabled(False)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        box.addButton(self.action_button, QDialogButtonBox.ButtonRole.ActionRole)
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.result_label)
        layout.addWidget(box)
        self.resize(680, 420)
        self.list.currentRowChanged.connect(self._row_changed)

    def _row_changed(self, row: int) -> None:
        self.action_button.setEnabled(row >= 0)


class HistoryDialog(_ListDialog):
    """« Historique… »: the versions of a note, newest first, and « Restaurer cette version ».

    Also a local entry's versions: ``text_of`` shows a version (default: a note's text),
    ``title`` and ``explanation`` replace the note's wording."""

    def __init__(
        self,
        versions: Sequence[Any],
        restore: Callable[[int], str | None],
        parent: QWidget | None = None,
        *,
        text_of: Callable[[Any], str] | None = None,
        title: str = "",
        explanation: str = "",
    ) -> None:
        super().__init__(
            title or self.tr("Historique de la note"),
            self.tr("Restaurer cette version"),
            explanation
            or self.tr(
                "Chaque version garde le texte tel qu'il était (la frappe d'une même minute "
                "forme une version). Restaurer ne perd rien : le texte actuel reste dans "
                "l'historique."
            ),
            "history",
            parent,
        )
        self._versions: list[NoteVersion] = list(versions)
        self._text_of: Callable[[Any], str] = text_of or (lambda version: version.text)
        self._restore = restore
        for number, version in enumerate(self._versions):
            label = local(version.saved_at)
            if number == 0:
                label = self.tr("{0} (version actuelle)").format(label)
            QListWidgetItem(label, self.list)
        self.action_button.clicked.connect(self._do_restore)
        if self._versions:
            self.list.setCurrentRow(0)

    def _row_changed(self, row: int) -> None:
        self.action_button.setEnabled(row > 0)
        self.preview.setPlainText(self._text_of(self._versions[row]) if row >= 0 else "")

    def _do_restore(self) -> None:
        row = self.list.currentRow()
        if row <= 0:
            return
        problem = self._restore(self._versions[row].id)
        if problem:
            self.result_label.setText(problem)
        else:
            self.accept()


class TrashDialog(_ListDialog):
    """« Corbeille… »: deleted notes of every territory, restorable.

    Also the deleted local entries: ``name_of``, ``key_of`` and ``text_of`` read an item
    (default: a note's), ``title``, ``explanation`` and ``restored`` (« … : {0} ») replace
    the note's wording. ``restore`` gets the item's uuid."""

    def __init__(
        self,
        notes: Sequence[Any],
        restore: Callable[[str], str | None],
        parent: QWidget | None = None,
        *,
        name_of: Callable[[Any], str] | None = None,
        key_of: Callable[[Any], str] | None = None,
        text_of: Callable[[Any], str] | None = None,
        title: str = "",
        explanation: str = "",
        restored: str = "",
    ) -> None:
        super().__init__(
            title or self.tr("Corbeille"),
            self.tr("Restaurer"),
            explanation
            or self.tr(
                "Les notes supprimées restent ici au moins 30 jours ; au-delà, elles sont "
                "effacées au démarrage."
            ),
            "trash",
            parent,
        )
        self._notes: list[Note] = list(notes)
        self._name_of: Callable[[Any], str] = name_of or (lambda n: n.entry_title or n.entry_key)
        self._key_of: Callable[[Any], str] = key_of or (lambda n: n.entry_key)
        self._text_of: Callable[[Any], str] = text_of or (lambda n: n.text)
        self._restored = restored or self.tr("Note restaurée : {0}")
        self._restore = restore
        self._fill()
        self.action_button.clicked.connect(self._do_restore)

    def _fill(self) -> None:
        self.list.clear()
        for note in self._notes:
            deleted = local(note.deleted_at) if note.deleted_at else ""
            item = QListWidgetItem(
                self.tr("{0} — {1} (supprimée le {2})").format(
                    self._name_of(note), note.territory_name, deleted
                ),
                self.list,
            )
            item.setToolTip(plain_tip(self._key_of(note)))
        if not self._notes:
            self.preview.setPlainText(self.tr("La corbeille est vide."))
        else:
            self.list.setCurrentRow(0)

    def _row_changed(self, row: int) -> None:
        super()._row_changed(row)
        if row >= 0:
            self.preview.setPlainText(self._text_of(self._notes[row]))

    def _do_restore(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        note = self._notes[row]
        problem = self._restore(note.uuid)
        if problem:
            self.result_label.setText(problem)
            return
        del self._notes[row]
        self._fill()
        self.result_label.setText(self._restored.format(self._name_of(note)))


class BackupsDialog(_ListDialog):
    """« Restaurer une sauvegarde… »: the automatic backups with dates."""

    def __init__(
        self,
        backups: Sequence[Backup],
        restore: Callable[[Backup], str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Restaurer une sauvegarde"),
            self.tr("Restaurer cette sauvegarde…"),
            self.tr(
                "Restaurer remplace toutes les notes par celles de la sauvegarde choisie. "
                "Les notes actuelles sont d'abord sauvegardées : rien n'est perdu."
            ),
            "backups",
            parent,
        )
        self._backups = list(backups)
        self._restore = restore
        for backup in self._backups:
            item = QListWidgetItem(backup.label, self.list)
            item.setToolTip(plain_tip(str(backup.path)))
        if self._backups:
            self.list.setCurrentRow(0)
        else:
            self.preview.setPlainText(self.tr("Aucune sauvegarde pour l'instant."))
        self.action_button.clicked.connect(self._do_restore)

    def _row_changed(self, row: int) -> None:
        super()._row_changed(row)
        if row >= 0:
            b = self._backups[row]
            self.preview.setPlainText(
                self.tr("Fichier : {0}\nTaille : {1} Ko").format(b.path, max(1, b.size // 1024))
            )

    def _do_restore(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        problem = self._restore(self._backups[row])
        if problem is None:
            self.accept()
        elif problem:
            self.result_label.setText(problem)
