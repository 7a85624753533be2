"""Getting notes back: a note's history, the trash, backups (to a chosen folder, restored
from the list), and the integrity check. Every one saves what was typed first."""

from __future__ import annotations

from pathlib import Path

from essdesk.notes import Backup, NotesError
from essdesk.ui.common.folders import ask_save_path
from essdesk.ui.common.messages import confirm, inform
from essdesk.ui.notes.host import NotesPiece
from essdesk.ui.notes.note_dialogs import BackupsDialog, HistoryDialog, TrashDialog


class Safekeeping(NotesPiece):
    """The history, trash and backup dialogs."""

    def show_history(self) -> HistoryDialog | None:
        store, note = self.session.store, self.panel.note
        if store is None or note is None:
            return None
        self.panel.save_now()
        try:
            versions = store.history(note.uuid)
        except NotesError as exc:
            inform(self.host.window(), self.tr("Historique"), exc.message)
            return None

        def restore(version_id: int) -> str | None:
            try:
                store.restore_version(version_id)
            except NotesError as exc:
                return exc.message
            self.panel.reload()
            self.session.note_written(self.panel.key, bool(self.panel.editor.toPlainText()))
            return None

        dialog = HistoryDialog(versions, restore, self.host.window())
        self._open(dialog)
        return dialog

    def show_trash(self) -> TrashDialog | None:
        store = self.session.store
        if store is None:
            return None
        self.panel.save_now()
        try:
            notes = store.trash()
        except NotesError as exc:
            inform(self.host.window(), self.tr("Corbeille"), exc.message)
            return None

        def restore(uuid: str) -> str | None:
            try:
                store.restore_from_trash(uuid)
            except NotesError as exc:
                return exc.message
            self.session.territories_changed.emit()
            self.session.everything_changed()
            self.panel.reload()
            return None

        dialog = TrashDialog(notes, restore, self.host.window())
        self._open(dialog)
        return dialog

    def backup_to(self) -> Path | None:
        store = self.session.store
        if store is None:
            return None
        self.panel.save_now()
        window = self.host.window()
        chosen = ask_save_path(
            window,
            self.tr("Sauvegarder les notes vers…"),
            "notes-essdesk.sqlite3",
            self.tr("Sauvegarde de notes essdesk (*.sqlite3)"),
        )
        if not chosen:
            return None
        try:
            written = store.backup_to(chosen)
        except NotesError as exc:
            inform(window, self.tr("Sauvegarde impossible"), exc.message)
            return None
        except OSError as exc:
            inform(window, self.tr("Sauvegarde impossible"), str(exc))
            return None
        inform(
            window,
            self.tr("Notes sauvegardées"),
            self.tr("Une copie vérifiée des notes a été écrite dans :\n{0}").format(written),
        )
        return written

    def restore_backup(self) -> BackupsDialog | None:
        store = self.session.store
        if store is None:
            return None
        self.panel.save_now()
        try:
            backups = store.list_backups()
        except (NotesError, OSError) as exc:
            inform(self.host.window(), self.tr("Sauvegardes"), str(getattr(exc, "message", exc)))
            return None

        def restore(backup: Backup) -> str | None:
            question = self.tr(
                "Remplacer toutes les notes par la sauvegarde du {0} ?\n\nLes notes actuelles "
                "seront d'abord sauvegardées (elles resteront dans la liste)."
            ).format(backup.label)
            if not confirm(dialog, self.tr("Restaurer une sauvegarde"), question):
                return ""
            try:
                safety = store.restore_backup(backup)
            except NotesError as exc:
                return exc.message
            self.session.territories_changed.emit()
            self.session.set_territory(self.host.remembered_territory() or None)
            self.panel.reload()
            self.host.show_status(
                self.tr("Sauvegarde restaurée ; notes précédentes gardées sous {0}").format(
                    safety.path.name
                ),
                10000,
            )
            return None

        dialog = BackupsDialog(backups, restore, self.host.window())
        self._open(dialog)
        return dialog

    def check(self) -> str:
        store = self.session.store
        if store is None:
            return ""
        try:
            message = store.full_check().message
        except NotesError as exc:
            message = exc.message
        inform(self.host.window(), self.tr("Vérification des notes"), message, "checkMessage")
        return message
