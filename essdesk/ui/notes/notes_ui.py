"""Wires the notes into the window: panel, territory switcher, markers, « Mes notes », search,
and the Fichier menu (exchange, briefing sheet, backups, integrity, conflicts).

Called by the composition root once the catalogue is in the window (the notes layer imports
SQLAlchemy, which must not delay the first usable window).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from essdesk import textfold
from essdesk.catalogue.records import KIND_LABELS, Filters, Hit
from essdesk.french import counted
from essdesk.notes import Backup, Note, NotesError, Territory
from essdesk.ui.common.folders import ask_save_path
from essdesk.ui.common.messages import confirm, inform
from essdesk.ui.notes.note_dialogs import BackupsDialog, HistoryDialog, TrashDialog
from essdesk.ui.notes.notes_panel import NotesPanel
from essdesk.ui.notes.notes_session import NotesSession, Opener, default_opener
from essdesk.ui.territory.dialogs import ManageTerritoriesDialog, TerritoryDialog

if TYPE_CHECKING:
    from essdesk.ui.main_window import MainWindow
    from essdesk.ui.team.team_ui import TeamFeature

log = logging.getLogger(__name__)

REOPEN_MS = 5000
"""While the notes file cannot be opened (locked, read-only), try again this often."""


class NotesFeature(QObject):
    """Everything notes in one window; ``session`` is shared by all of it."""

    def __init__(self, window: MainWindow, session: NotesSession) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self.dialog: QWidget | None = None
        """The last dialog opened (non-blocking): tests and screenshots reach it here."""
        self.team: TeamFeature | None = None
        """The team server's feature (essdesk.ui.team.team_ui), attached by attach_notes."""
        self.panel = NotesPanel(session, window.opener, window)
        window.set_notes_panel(self.panel)
        self._reopen = QTimer(self)
        self._reopen.setSingleShot(True)
        self._reopen.setInterval(REOPEN_MS)
        self._reopen.timeout.connect(self.retry_open)

        # -- markers in every tree and in the directory
        for tree in window.trees.values():
            tree.model_.set_markers(session.markers)
        window.directory.model.set_markers(session.markers)
        session.markers_changed.connect(self._markers_changed)
        session.notes_changed.connect(window.my_notes.refresh)
        session.territory_changed.connect(self._territory_changed)
        session.availability_changed.connect(self._availability_changed)

        # -- panel, switcher, window
        window.entry_opened.connect(self._entry_opened)
        window.closing.connect(self.shutdown)
        window.highlight_action.toggled.connect(self._highlight)
        self.panel.territory_requested.connect(self.new_territory)
        self.panel.retry_requested.connect(self.retry_open)
        self.panel.history_requested.connect(self.show_history)
        self.panel.trash_requested.connect(self.show_trash)
        self.panel.conflicts_requested.connect(self.resolve_conflicts)
        switcher = window.territory_switcher
        switcher.territory_selected.connect(self.switch_territory)
        switcher.create_requested.connect(self.new_territory)
        switcher.manage_requested.connect(self.manage_territories)

        self._build_actions()
        self._start()

    # ================================================================ start
    def _start(self) -> None:
        window, session = self.window, self.session
        session.open()
        if session.store is None:
            if session.retriable:
                self._reopen.start()
            return
        self._connect_store()
        if session.recovery is not None:
            self.recovery_box = inform(
                window,
                self.tr("Notes récupérées"),
                session.recovery.message,
                "recoveryMessage",
            )
        elif session.store is not None and session.store.backup_problem:
            self.recovery_box = inform(
                window,
                self.tr("Sauvegardes"),
                session.store.backup_problem,
                "recoveryMessage",
            )

    def _connect_store(self) -> None:
        window, session = self.window, self.session
        window.search.set_note_search(self._note_hits)
        window.my_notes.set_loader(self._load_my_notes)
        self._fill_switcher()
        session.set_territory(window.state.territory or None)
        if window.highlight_action.isChecked():
            self._highlight(True)
        current = window.history.current
        if current:
            self._entry_opened(current)

    def retry_open(self) -> None:
        """« Réessayer »: open the notes file again (another essdesk may have let go)."""
        if self.session.store is not None:
            return
        if self.session.open():
            self._connect_store()
        elif self.session.retriable:
            self._reopen.start()

    def shutdown(self) -> None:
        """The window closes: write what was typed, then let the file go."""
        self._reopen.stop()
        if self.session.store is not None:
            self.panel.save_now()
        if self.team is not None:
            self.team.shutdown()  # the last sync takes what was just written
        self.panel._retry.stop()
        self.session.close()

    # ================================================================ territories
    def _fill_switcher(self) -> None:
        switcher = self.window.territory_switcher
        current = self.session.territory.uuid if self.session.territory else None
        switcher.set_territories(self.session.territories(), current)
        switcher.setEnabled(self.session.store is not None)

    def _territory_changed(self, territory: Territory | None) -> None:
        # The notes panel follows territory_changed itself, and « Mes notes » the
        # notes_changed that set_territory emits next: neither is reloaded here as well.
        self.window.state.territory = territory.uuid if territory else ""
        self._fill_switcher()
        if self.window.search.field.text().strip():
            self.window.search.run_query()
        directory = self.window.directory
        directory.set_territory_types(territory.types if territory is not None else ())
        directory.set_followup_source(self._followup if territory is not None else None)
        if directory.followup_keys() is not None:
            directory.refresh()

    def _followup(self) -> tuple[set[str], dict[str, str]]:
        """The directory's « Suivi » facet: keys with a note, key → status (current territory)."""
        markers = self.session.markers
        return set(markers.notes), dict(markers.statuses)

    def switch_territory(self, uuid: str) -> None:
        """Ctrl+T or the switcher: what was typed is saved under the old territory first."""
        self.panel.save_now()
        self.session.set_territory(uuid)

    def territory_types(self) -> list[tuple[str, str]]:
        """The catalogue's territory types: (key, title) for the profile form."""
        catalogue = self.window.catalogue
        if catalogue is None:
            return []
        rows = catalogue.directory("", Filters(kinds=("territory",)))
        return [(r.key, r.title) for r in rows]

    def new_territory(self) -> TerritoryDialog | None:
        if self.session.store is None:
            return None
        dialog = TerritoryDialog(self.territory_types(), None, self.window)
        dialog.submit = self._create_territory
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _create_territory(self, dialog: TerritoryDialog) -> str | None:
        store = self.session.store
        if store is None:
            return self.session.error
        values = dialog.values()
        try:
            created = store.add_territory(
                str(values["name"]),
                list(values["types"]),  # type: ignore[call-overload]
                commune=str(values["commune"]),
                code=str(values["code"]),
                initials=str(values["initials"]),
            )
        except NotesError as exc:
            return exc.message
        self.panel.save_now()
        self.session.territories_changed.emit()
        self.session.set_territory(created.uuid)
        if isinstance(self._manage, ManageTerritoriesDialog):
            self._manage.set_territories(self.session.territories())
        return None

    _manage: ManageTerritoriesDialog | None = None

    def manage_territories(self) -> ManageTerritoriesDialog | None:
        if self.session.store is None:
            return None
        dialog = ManageTerritoriesDialog(self.window)
        dialog.set_territories(self.session.territories())
        dialog.create_requested.connect(self.new_territory)
        dialog.edit_requested.connect(self.edit_territory)
        dialog.delete_requested.connect(self.delete_territory)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda *_: setattr(self, "_manage", None))
        self._manage = dialog
        self.dialog = dialog
        dialog.open()
        return dialog

    def edit_territory(self, uuid: str) -> TerritoryDialog | None:
        store = self.session.store
        if store is None:
            return None
        try:
            territory = store.territory(uuid)
        except NotesError as exc:
            inform(self.window, self.tr("Territoire"), exc.message)
            return None
        dialog = TerritoryDialog(self.territory_types(), territory, self._manage or self.window)

        def submit(d: TerritoryDialog) -> str | None:
            values = d.values()
            try:
                store.update_territory(
                    uuid,
                    name=str(values["name"]),
                    types=list(values["types"]),  # type: ignore[call-overload]
                    commune=str(values["commune"]),
                    code=str(values["code"]),
                    initials=str(values["initials"]),
                )
            except NotesError as exc:
                return exc.message
            self.session.refresh_territory()
            if self._manage is not None:
                self._manage.set_territories(self.session.territories())
            return None

        dialog.submit = submit
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def delete_territory(self, uuid: str) -> bool:
        store = self.session.store
        if store is None:
            return False
        try:
            territory = store.territory(uuid)
            count = len(store.notes_for_territory(uuid))
        except NotesError as exc:
            inform(self.window, self.tr("Territoire"), exc.message)
            return False
        if count == 0:
            question = self.tr("Supprimer le territoire « {0} » ? Il n’a aucune note.").format(
                territory.name
            )
        else:
            question = counted(
                count,
                self.tr(
                    "Supprimer le territoire « {1} » ?\n\n{0} note ira à la corbeille, d’où "
                    "vous pourrez la restaurer pendant au moins 30 jours (Fichier > Corbeille…)."
                ),
                self.tr(
                    "Supprimer le territoire « {1} » ?\n\nSes {0} notes iront à la corbeille, "
                    "d’où vous pourrez les restaurer pendant au moins 30 jours "
                    "(Fichier > Corbeille…)."
                ),
                territory.name,
            )
        if not confirm(self._manage or self.window, self.tr("Supprimer le territoire"), question):
            return False
        self.panel.save_now()
        try:
            store.delete_territory(uuid)
        except NotesError as exc:
            inform(self.window, self.tr("Territoire"), exc.message)
            return False
        self.session.territories_changed.emit()
        current = self.session.territory
        self.session.set_territory(
            current.uuid if current is not None and current.uuid != uuid else None
        )
        if self._manage is not None:
            self._manage.set_territories(self.session.territories())
        return True

    # ================================================================ markers
    def _markers_changed(self, keys: set[str] | None) -> None:
        for tree in self.window.trees.values():
            tree.model_.markers_changed(keys)
        self.window.directory.model.markers_changed(keys)

    def _highlight(self, on: bool) -> None:
        self.session.set_highlight(on, self._type_keys)

    def _type_keys(self, types: tuple[str, ...]) -> set[str]:
        catalogue = self.window.catalogue
        if catalogue is None or not types:
            return set()
        rows = catalogue.directory("", Filters(kinds=tuple(KIND_LABELS), territories=types))
        return {r.key for r in rows} | set(types)

    # ================================================================ panel
    def _entry_opened(self, key: str) -> None:
        catalogue = self.window.catalogue
        title = (catalogue.title(key) if catalogue else None) or key
        self.panel.show_entry(key, title)

    def _availability_changed(self) -> None:
        enabled = self.session.store is not None
        for action in self.store_actions:
            action.setEnabled(enabled)
        self.window.territory_switcher.setEnabled(enabled)

    def show_history(self) -> HistoryDialog | None:
        store, note = self.session.store, self.panel.note
        if store is None or note is None:
            return None
        self.panel.save_now()
        try:
            versions = store.history(note.uuid)
        except NotesError as exc:
            inform(self.window, self.tr("Historique"), exc.message)
            return None

        def restore(version_id: int) -> str | None:
            try:
                store.restore_version(version_id)
            except NotesError as exc:
                return exc.message
            self.panel.reload()
            self.session.note_written(self.panel.key, bool(self.panel.editor.toPlainText()))
            return None

        dialog = HistoryDialog(versions, restore, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def show_trash(self) -> TrashDialog | None:
        store = self.session.store
        if store is None:
            return None
        self.panel.save_now()
        try:
            notes = store.trash()
        except NotesError as exc:
            inform(self.window, self.tr("Corbeille"), exc.message)
            return None

        def restore(uuid: str) -> str | None:
            try:
                store.restore_from_trash(uuid)
            except NotesError as exc:
                return exc.message
            self.session.territories_changed.emit()
            self._fill_switcher()
            self.session.everything_changed()
            self.panel.reload()
            return None

        dialog = TrashDialog(notes, restore, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    # ================================================================ search and « Mes notes »
    def _note_hits(self, text: str) -> list[Hit]:
        """Runs on the search worker thread: the store is safe to share, the records frozen."""
        store, territory, catalogue = self.session.store, self.session.territory, None
        catalogue = self.window.catalogue
        if store is None or territory is None:
            return []
        try:
            found = store.search_notes(text, territory, limit=20)
        except NotesError:
            return []
        label = self.tr("Ma note")
        hits = []
        for hit in found:
            note = hit.note
            title = (catalogue.title(note.entry_key) if catalogue else None) or note.entry_title
            hits.append(
                Hit(
                    key=note.entry_key,
                    kind="note",
                    title=title or note.entry_key,
                    subtype_label=label,
                    snippet=hit.snippet,
                    highlights=hit.highlights,
                    score=0.0,
                )
            )
        return hits

    def _load_my_notes(
        self, query: str, sort: str
    ) -> tuple[
        Sequence[Note], Sequence[Note], dict[str, str], str, dict[str, tuple[str | None, str]]
    ]:
        store, territory, catalogue = (
            self.session.store,
            self.session.territory,
            self.window.catalogue,
        )
        if store is None or territory is None:
            return [], [], {}, "", {}
        try:
            everything = store.notes_for_territory(territory, sort)
            followups: dict[str, tuple[str | None, str]] = {}
            for key in {n.entry_key for n in everything if n.status}:
                status = store.status(key, territory)
                if status is not None:
                    followups[key] = (status.date, status.contact)
            if query.strip():
                notes = [hit.note for hit in store.search_notes(query, territory)]
                # the search covers the follow-up's contact too (« Durand » finds her)
                words = textfold.words(query)
                found = {n.uuid for n in notes}
                notes += [
                    n
                    for n in everything
                    if n.uuid not in found
                    and words
                    and all(
                        w in textfold.fold(followups.get(n.entry_key, (None, ""))[1]) for w in words
                    )
                ]
            else:
                notes = everything
            known = set(catalogue.keys()) if catalogue is not None else set()
            orphans = store.orphans(known, territory) if catalogue is not None else []
        except NotesError as exc:
            log.warning("my notes unavailable: %s", exc)
            return [], [], {}, territory.name, {}
        orphan_ids = {n.uuid for n in orphans}
        notes = [n for n in notes if n.uuid not in orphan_ids]
        titles = {}
        if catalogue is not None:
            for note in notes:
                title = catalogue.title(note.entry_key)
                if title:
                    titles[note.entry_key] = title
        return notes, orphans, titles, territory.name, followups

    # ================================================================ Fichier menu
    def _build_actions(self) -> None:
        window = self.window
        menu = window.file_menu
        specs: list[tuple[str, str, Callable[[], object], str]] = [
            ("exportNotesAction", self.tr("Exporter les notes…"), self.export_notes, ""),
            ("importNotesAction", self.tr("Importer des notes…"), self.import_notes, ""),
            ("briefingAction", self.tr("Fiche de synthèse…"), self.briefing, "Ctrl+P"),
            ("conflictsAction", self.tr("Résoudre les conflits…"), self.resolve_conflicts, ""),
            ("", "", lambda: None, ""),
            ("backupToAction", self.tr("Sauvegarder vers…"), self.backup_to, ""),
            ("restoreBackupAction", self.tr("Restaurer une sauvegarde…"), self.restore_backup, ""),
            ("checkAction", self.tr("Vérifier l'intégrité"), self.check, ""),
            ("trashAction", self.tr("Corbeille…"), self.show_trash, ""),
        ]
        self.store_actions: list[QAction] = []
        self.actions: dict[str, QAction] = {}
        for name, text, slot, shortcut in specs:
            if not name:
                menu.insertSeparator(window.file_menu_end)
                continue
            action = QAction(text, window)
            action.setObjectName(name)
            if shortcut:
                action.setShortcut(shortcut)
            action.triggered.connect(lambda _=False, s=slot: s())
            menu.insertAction(window.file_menu_end, action)
            window.addAction(action)
            self.actions[name] = action
            if name != "briefingAction":
                self.store_actions.append(action)
        self._availability_changed()

    def _selected_keys(self) -> list[str]:
        current = self.window.history.current
        return [current] if current else []

    def export_notes(self) -> Path | None:
        from essdesk.ui.exchange.exchange_dialog import export_notes_dialog

        store, catalogue = self.session.store, self.window.catalogue
        if store is None:
            return None
        self.panel.save_now()
        return export_notes_dialog(
            self.window,
            store,
            catalogue.version if catalogue else "",
            self.session.territory,
            self._selected_keys(),
        )

    def import_notes(self, path: Path | None = None) -> bool:
        from essdesk.ui.exchange.exchange_dialog import import_notes_dialog

        store, catalogue = self.session.store, self.window.catalogue
        if store is None:
            return False
        self.panel.save_now()
        known = set(catalogue.keys()) if catalogue is not None else None
        changed = import_notes_dialog(
            self.window, store, known, path, open_conflicts=self._open_conflicts_later
        )
        if changed:
            if self.session.territory is None:
                self.session.set_territory(None)  # the first profile the import created
            self.session.territories_changed.emit()
            self._fill_switcher()
            self.session.everything_changed()
            self.panel.reload()
        return changed

    def _open_conflicts_later(self) -> None:
        """« Ouvrir les conflits » of the import report: once the window has the new notes."""
        QTimer.singleShot(0, self.resolve_conflicts)

    def briefing(self) -> QWidget | None:
        from essdesk.ui.briefing.briefing_render import open_briefing_dialog

        catalogue = self.window.catalogue
        if catalogue is None:
            return None
        self.panel.save_now()
        dialog = open_briefing_dialog(
            self.window,
            catalogue,
            self.session.store,
            self.session.territory,
            self._selected_keys(),
        )
        self.dialog = dialog
        return dialog

    def resolve_conflicts(self) -> QWidget | None:
        from essdesk.ui.notes.conflicts_dialog import open_conflicts_dialog

        store, territory, catalogue = (
            self.session.store,
            self.session.territory,
            self.window.catalogue,
        )
        if store is None or territory is None:
            return None
        self.panel.save_now()
        dialog = open_conflicts_dialog(
            self.window,
            store,
            territory,
            catalogue.title if catalogue is not None else (lambda _key: None),
        )
        dialog.conflict_resolved.connect(lambda _uuid: self._after_conflict())
        self.dialog = dialog
        return dialog

    def _after_conflict(self) -> None:
        self.session.everything_changed()
        self.panel.reload()

    def backup_to(self) -> Path | None:
        store = self.session.store
        if store is None:
            return None
        self.panel.save_now()
        chosen = ask_save_path(
            self.window,
            self.tr("Sauvegarder les notes vers…"),
            "notes-essdesk.sqlite3",
            self.tr("Sauvegarde de notes essdesk (*.sqlite3)"),
        )
        if not chosen:
            return None
        try:
            written = store.backup_to(chosen)
        except NotesError as exc:
            inform(self.window, self.tr("Sauvegarde impossible"), exc.message)
            return None
        except OSError as exc:
            inform(self.window, self.tr("Sauvegarde impossible"), str(exc))
            return None
        inform(
            self.window,
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
            inform(self.window, self.tr("Sauvegardes"), str(getattr(exc, "message", exc)))
            return None

        def restore(backup: Backup) -> str | None:
            question = self.tr(
                "Remplacer toutes les notes par la sauvegarde du {0} ?\n\nLes notes actuelles "
                "seront d'abord sauvegardées (elles resteront dans la liste)."
            ).format(backup.label)
            if not confirm(self.dialog, self.tr("Restaurer une sauvegarde"), question):
                return ""
            try:
                safety = store.restore_backup(backup)
            except NotesError as exc:
                return exc.message
            self.session.territories_changed.emit()
            self.session.set_territory(self.window.state.territory or None)
            self.panel.reload()
            self.window.statusBar().showMessage(
                self.tr("Sauvegarde restaurée ; notes précédentes gardées sous {0}").format(
                    safety.path.name
                ),
                10000,
            )
            return None

        dialog = BackupsDialog(backups, restore, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def check(self) -> str:
        store = self.session.store
        if store is None:
            return ""
        try:
            message = store.full_check().message
        except NotesError as exc:
            message = exc.message
        inform(self.window, self.tr("Vérification des notes"), message, "checkMessage")
        return message


def attach_notes(window: MainWindow, opener: Opener = default_opener) -> NotesFeature:
    """Open the notes and wire them into ``window`` (after the catalogue is set)."""
    session = NotesSession(opener, window)
    feature = NotesFeature(window, session)
    from essdesk.ui.team.team_ui import attach_team

    feature.team = attach_team(window, feature)
    window.notes = feature  # type: ignore[attr-defined]
    from essdesk.ui.local.local_entries import attach_local_entries

    attach_local_entries(window, session)
    window.notes_attached.emit("" if session.store is not None else session.error)
    return feature
