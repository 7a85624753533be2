"""The territory's own entries in the window: the « Entrées locales » menu (new, edit,
delete, restore, import and export a list) and the scope of the catalogue's local entries.

When the territory changes or a local entry is written, the catalogue
(:class:`~essdesk.local.catalogue.TerritoryCatalogue`) gets the profile's entries and every
view that shows catalogue entries asks it again: trees, directory, search, the open entry.
Writes go through the notes store (its checks, its transaction, its history); the dialogs
only show what the store said.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from essdesk.catalogue.records import Filters, TreeNode
from essdesk.french import counted
from essdesk.local.catalogue import TerritoryCatalogue
from essdesk.local.spreadsheet import (
    ImportPlan,
    apply_import,
    export_csv,
    guess_mapping,
    plan_import,
    read_table,
)
from essdesk.notes import NotesError
from essdesk.notes.errors import os_reason
from essdesk.notes.local_entries import KINDS, LocalContent, is_local_key
from essdesk.ui.common.folders import ask_open_path, ask_save_path
from essdesk.ui.common.messages import confirm, inform
from essdesk.ui.local.local_entry_dialog import LocalEntryDialog
from essdesk.ui.local.local_import_dialog import LocalImportDialog
from essdesk.ui.notes.note_dialogs import HistoryDialog, TrashDialog

if TYPE_CHECKING:
    from essdesk.ui.main_window import MainWindow
    from essdesk.ui.notes.notes_session import NotesSession

log = logging.getLogger(__name__)

_Dialog = TypeVar("_Dialog", HistoryDialog, TrashDialog)


class LocalEntriesFeature(QObject):
    """Local entries in one window; needs the window's views and the notes session."""

    def __init__(self, window: MainWindow, session: NotesSession) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self.dialog: LocalEntryDialog | LocalImportDialog | HistoryDialog | TrashDialog | None
        self.dialog = None
        self.menu = self._build_menu()
        self._signature: tuple[object, ...] | None = None
        session.territory_changed.connect(lambda _t: self.reload())
        # « everything changed » (an exchange import, a restored backup): reload if the
        # local entries did
        session.markers_changed.connect(self._markers_changed)
        session.availability_changed.connect(self._update_actions)
        window.entry_opened.connect(lambda _key: self._update_actions())
        self.reload()

    # ---------------------------------------------------------------- menu
    def _build_menu(self) -> QMenu:
        window = self.window
        menu = QMenu(self.tr("&Entrées locales"), window)
        menu.setObjectName("localMenu")
        specs = [
            (
                "newLocalEntryAction",
                self.tr("Nouvelle entrée locale…"),
                self.new_entry,
                "Ctrl+Shift+N",
            ),
            ("editLocalEntryAction", self.tr("Modifier l'entrée locale…"), self.edit_entry, ""),
            ("deleteLocalEntryAction", self.tr("Supprimer l'entrée locale"), self.delete_entry, ""),
            (
                "historyLocalEntryAction",
                self.tr("Historique de l'entrée locale…"),
                self.show_history,
                "",
            ),
            ("restoreLocalEntryAction", self.tr("Entrées locales supprimées…"), self.restore, ""),
            ("", "", None, ""),
            ("importListAction", self.tr("Importer une liste…"), self.import_list, ""),
            ("exportListAction", self.tr("Exporter la liste…"), self.export_list, ""),
        ]
        self.actions: dict[str, QAction] = {}
        for name, text, slot, shortcut in specs:
            if slot is None:
                menu.addSeparator()
                continue
            action = QAction(text, window)
            action.setObjectName(name)
            if shortcut:
                action.setShortcut(shortcut)
            action.triggered.connect(lambda _=False, s=slot: s())
            menu.addAction(action)
            window.addAction(action)
            self.actions[name] = action
        bar = window.menuBar()
        last = bar.actions()[-1] if bar.actions() else None  # « Aide » stays last
        bar.insertMenu(last, menu) if last is not None else bar.addMenu(menu)
        from essdesk.ui.main_window import assign_access_letters

        menu.aboutToShow.connect(lambda m=menu: assign_access_letters(m))
        return menu

    def _markers_changed(self, keys: set[str] | None) -> None:
        if keys is None:
            self.reload(changed=True)

    def _update_actions(self) -> None:
        ready = self._catalogue() is not None and self.session.store is not None
        ready = ready and self.session.territory is not None
        current = self.window.history.current or ""
        for name, action in self.actions.items():
            on_entry = name in (
                "editLocalEntryAction",
                "deleteLocalEntryAction",
                "historyLocalEntryAction",
            )
            action.setEnabled(ready and (is_local_key(current) or not on_entry))

    def _catalogue(self) -> TerritoryCatalogue | None:
        catalogue = self.window.catalogue
        return catalogue if isinstance(catalogue, TerritoryCatalogue) else None

    # ---------------------------------------------------------------- scope
    def reload(self, changed: bool = False) -> None:
        """Give the catalogue the current profile's entries; every view asks again.
        ``changed``: only if they changed since the last reload."""
        catalogue = self._catalogue()
        if catalogue is None:
            self._update_actions()
            return
        store, territory = self.session.store, self.session.territory
        try:
            signature = store.local_signature(territory) if store and territory else None
            if changed and signature == self._signature:
                return
            self._signature = signature
            entries = store.local_entries(territory) if store and territory else []
        except NotesError as exc:
            log.warning("local entries unavailable: %s", exc)
            entries = []
        catalogue.set_local(entries)
        window = self.window
        for name, tree in window.trees.items():
            tree.model_.set_roots(catalogue.tree(name))  # type: ignore[arg-type]
            if name in ("sessions", "levers"):
                tree.expandToDepth(0)
        window.directory.refresh()
        if window.search.field.text().strip():
            window.search.run_query()
        current = window.history.current
        if current and catalogue.title(current) is not None:
            window.open_entry(current, record=False)
        self._update_actions()

    # ---------------------------------------------------------------- add, edit, delete
    def _choices(self) -> tuple[list[tuple[str, str]], ...]:
        catalogue = self._catalogue()
        assert catalogue is not None
        levers: list[tuple[str, str]] = []
        tools: list[tuple[str, str]] = []
        for lever in catalogue.tree("levers"):
            levers.append((lever.key, f"Levier {lever.title}"))
            tools += [(t.key, f"Outil {t.title}") for t in _tools(lever)]
        notes = getattr(self.window, "notes", None)
        types = notes.territories.types() if notes is not None else []
        rows = catalogue.directory("", Filters(kinds=("actor", "scheme")))
        entries = [(r.key, r.title) for r in rows]
        return levers, tools, types, entries

    def _dialog(self, content: LocalContent | None) -> LocalEntryDialog:
        territory = self.session.territory
        assert territory is not None
        levers, tools, types, entries = self._choices()
        dialog = LocalEntryDialog(
            territory.name, levers, tools, types, entries, content, self.window
        )
        catalogue = self._catalogue()
        assert catalogue is not None
        dialog.resolve = catalogue.resolve
        dialog.title_of = catalogue.title
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        return dialog

    def new_entry(self) -> LocalEntryDialog | None:
        catalogue, store, territory = self._catalogue(), self.session.store, self.session.territory
        if catalogue is None or store is None or territory is None:
            return None
        dialog = self._dialog(None)

        def submit(d: LocalEntryDialog) -> str | None:
            try:
                entry = store.add_local_entry(territory, d.content(), catalogue.title)
            except NotesError as exc:
                return exc.message
            self.reload()
            self.window.open_entry(entry.key)
            return None

        dialog.submit = submit
        dialog.open()
        return dialog

    def edit_entry(self, key: str | None = None) -> LocalEntryDialog | None:
        catalogue, store = self._catalogue(), self.session.store
        key = key or self.window.history.current
        if catalogue is None or store is None or not key or not is_local_key(key):
            return None
        entry = store.local_entry(key)
        if entry is None or self.session.territory is None:
            return None
        dialog = self._dialog(entry.content)

        def submit(d: LocalEntryDialog) -> str | None:
            try:
                store.update_local_entry(key, d.content(), catalogue.title)
            except NotesError as exc:
                return exc.message
            self.reload()
            return None

        dialog.submit = submit
        dialog.open()
        return dialog

    def delete_entry(self, key: str | None = None) -> bool:
        store = self.session.store
        key = key or self.window.history.current
        if store is None or not key or not is_local_key(key):
            return False
        entry = store.local_entry(key)
        if entry is None:
            return False
        question = self.tr(
            "Supprimer « {0} » ? Elle ira dans les entrées locales supprimées, d'où vous "
            "pourrez la restaurer ; ses notes restent."
        ).format(entry.title)
        if not confirm(self.window, self.tr("Supprimer l'entrée locale"), question):
            return False
        try:
            store.delete_local_entry(key)
        except NotesError as exc:
            inform(self.window, self.tr("Entrées locales"), exc.message, "localMessage")
            return False
        self.reload()
        return True

    def show_history(self, key: str | None = None) -> HistoryDialog | None:
        """The saved states of the open local entry, newest first; restoring one makes it
        current again as a new version (nothing is lost), as a note's history does."""
        store = self.session.store
        key = key or self.window.history.current
        if store is None or not key or not is_local_key(key):
            return None
        try:
            versions = store.local_history(key)
        except NotesError as exc:
            inform(self.window, self.tr("Entrées locales"), exc.message, "localMessage")
            return None

        def restore(version_id: int) -> str | None:
            try:
                store.restore_local_version(version_id)
            except NotesError as exc:
                return exc.message
            self.reload()
            return None

        dialog = HistoryDialog(
            versions,
            restore,
            self.window,
            text_of=lambda v: self.readable(v.content, v.author),
            title=self.tr("Historique de l'entrée locale"),
            explanation=self.tr(
                "Chaque enregistrement de la fiche forme une version. Restaurer ne perd rien : "
                "le contenu actuel reste dans l'historique."
            ),
        )
        return self._show(dialog)

    def restore(self) -> TrashDialog | None:
        """« Entrées locales supprimées… »: the trash of local entries, as the notes' one
        (every territory; restoring an entry of a deleted territory brings it back too)."""
        store = self.session.store
        if store is None:
            return None
        try:
            trashed = store.local_trash()
        except NotesError as exc:
            inform(self.window, self.tr("Entrées locales"), exc.message, "localMessage")
            return None

        def restore(uuid: str) -> str | None:
            try:
                entry = store.restore_local_entry(uuid)
            except NotesError as exc:
                return exc.message
            if entry.territory_uuid != self._territory_uuid():
                self.session.territories_changed.emit()  # its territory may be back
            self.reload()
            return None

        dialog = TrashDialog(
            trashed,
            restore,
            self.window,
            name_of=lambda e: e.title,
            key_of=lambda e: e.added_for,
            text_of=lambda e: self.readable(e.content, e.author),
            title=self.tr("Entrées locales supprimées"),
            explanation=self.tr(
                "Les entrées locales supprimées restent ici au moins 30 jours ; au-delà, elles "
                "sont effacées au démarrage. Leurs notes restent."
            ),
            restored=self.tr("Entrée locale restaurée : {0}"),
        )
        return self._show(dialog)

    def _show(self, dialog: _Dialog) -> _Dialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def readable(self, content: LocalContent, author: str = "") -> str:
        """A local entry's content as plain text, for the history and the trash."""
        catalogue = self._catalogue()

        def title(key: str) -> str:
            return (catalogue.title(key) if catalogue is not None else None) or key

        kind = KINDS.get(content.kind, content.kind)
        lines = [content.title, f"{kind} — {content.subtype_label}" if content.subtype else kind]
        fields = (
            (self.tr("Aussi appelé"), ", ".join(content.aliases)),
            (self.tr("Résumé"), content.summary),
            (self.tr("Texte"), content.text),
            (self.tr("Adresse"), content.address),
            (self.tr("Téléphone"), content.phone),
            (self.tr("Courriel"), content.email),
            (self.tr("Personne à contacter"), content.person),
            (self.tr("Liens"), " ".join(content.links)),
            (self.tr("Illustre"), ", ".join(title(k) for k in (*content.levers, *content.tools))),
            (self.tr("Liée à"), ", ".join(r.title or title(r.key) for r in content.relations)),
            (self.tr("Écrit par"), author),
        )
        lines += [f"{label} : {value}" for label, value in fields if value]
        return "\n".join(lines)

    def _territory_uuid(self) -> str:
        return self.session.territory.uuid if self.session.territory else ""

    # ---------------------------------------------------------------- spreadsheets
    def import_list(self, path: str | None = None) -> LocalImportDialog | None:
        catalogue, store, territory = self._catalogue(), self.session.store, self.session.territory
        if catalogue is None or store is None or territory is None:
            return None
        chosen = path or ask_open_path(
            self.window, self.tr("Importer une liste"), self.tr("Listes CSV (*.csv *.txt)")
        )
        if not chosen:
            return None
        try:
            table = read_table(Path(chosen))
        except NotesError as exc:
            inform(self.window, self.tr("Importer une liste"), exc.message, "localMessage")
            return None
        existing = [e.content for e in store.local_entries(territory)]
        names = catalogue.names()

        def replan(mapping: Sequence[str], include: bool) -> ImportPlan:
            return plan_import(
                table,
                mapping,
                title_of=catalogue.title,
                resolve=catalogue.resolve,
                existing=existing,
                existing_names=names,
                include_duplicates=include,
            )

        dialog = LocalImportDialog(
            Path(chosen).name,
            territory.name,
            replan(guess_mapping(table.header), False),
            replan,
            self.window,
        )

        def apply(plan: ImportPlan) -> str | None:
            try:
                added = apply_import(store, territory, plan, catalogue.title)
            except NotesError as exc:
                return exc.message
            self.reload()
            self.window.statusBar().showMessage(
                counted(
                    len(added),
                    self.tr("{0} entrée locale importée."),
                    self.tr("{0} entrées locales importées."),
                ),
                8000,
            )
            return None

        dialog.apply = apply
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def export_list(self, path: str | None = None) -> Path | None:
        store, territory = self.session.store, self.session.territory
        if store is None or territory is None:
            return None
        chosen = path or ask_save_path(
            self.window,
            self.tr("Exporter la liste"),
            f"entrees-locales-{territory.name}.csv",
            self.tr("Listes CSV (*.csv)"),
        )
        if not chosen:
            return None
        from essdesk.fileio import write_atomically

        target = Path(chosen)
        try:
            write_atomically(target, export_csv(store.local_entries(territory)))
        except OSError as exc:
            inform(
                self.window,
                self.tr("Exporter la liste"),
                self.tr("Impossible d'écrire {0} : {1}").format(target, os_reason(exc)),
                "localMessage",
            )
            return None
        return target


def _tools(lever: TreeNode) -> list[TreeNode]:
    out = []
    for child in lever.children:
        if child.kind == "tool":
            out.append(child)
        elif child.kind == "group":
            out += [c for c in child.children if c.kind == "tool"]
    return out


def attach_local_entries(window: MainWindow, session: NotesSession) -> LocalEntriesFeature:
    feature = LocalEntriesFeature(window, session)
    window.local_entries = feature  # type: ignore[attr-defined]
    return feature
