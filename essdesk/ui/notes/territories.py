"""The territory profiles from the notes' side: the toolbar's switcher, Ctrl+T, and the
profile dialogs (new, edit, delete, manage).

Whatever changes the list of profiles (a profile created here, an import, a restore, a team
sync) emits the session's ``territories_changed``; the switcher is refilled from that signal
alone.
"""

from __future__ import annotations

from essdesk.catalogue.records import Filters
from essdesk.french import counted
from essdesk.notes import NotesError, Territory
from essdesk.ui.common.messages import confirm, inform
from essdesk.ui.notes.host import NotesPiece
from essdesk.ui.territory.dialogs import ManageTerritoriesDialog, TerritoryDialog


class Territories(NotesPiece):
    """Chooses the current territory and edits the profiles."""

    _manage: ManageTerritoriesDialog | None = None
    """The « Gérer les territoires » list while it is open (refreshed after each change)."""

    def follow(self) -> None:
        """Answer the switcher and the panel's « choose a territory »; follow the session."""
        switcher = self.host.territory_switcher
        switcher.territory_selected.connect(self.switch)
        switcher.create_requested.connect(self.new)
        switcher.manage_requested.connect(self.manage)
        self.panel.territory_requested.connect(self.new)
        self.session.territory_changed.connect(self._territory_changed)
        self.session.territories_changed.connect(self.fill_switcher)

    def fill_switcher(self) -> None:
        switcher = self.host.territory_switcher
        current = self.session.territory.uuid if self.session.territory else None
        switcher.set_territories(self.session.territories(), current)
        switcher.setEnabled(self.session.store is not None)

    def _territory_changed(self, territory: Territory | None) -> None:
        # The notes panel follows territory_changed itself, and « Mes notes » the
        # notes_changed that set_territory emits next: neither is reloaded here as well.
        self.host.remember_territory(territory.uuid if territory else "")
        self.fill_switcher()

    def _list_changed(self) -> None:
        self.session.territories_changed.emit()
        if self._manage is not None:
            self._manage.set_territories(self.session.territories())

    def switch(self, uuid: str) -> None:
        """Ctrl+T or the switcher: what was typed is saved under the old territory first."""
        self.panel.save_now()
        self.session.set_territory(uuid)

    def types(self) -> list[tuple[str, str]]:
        """The catalogue's territory types: (key, title) for the profile forms."""
        catalogue = self.host.catalogue
        if catalogue is None:
            return []
        rows = catalogue.directory("", Filters(kinds=("territory",)))
        return [(r.key, r.title) for r in rows]

    def new(self) -> TerritoryDialog | None:
        if self.session.store is None:
            return None
        dialog = TerritoryDialog(self.types(), None, self.host.window())
        dialog.submit = self._create
        self._open(dialog)
        return dialog

    def _create(self, dialog: TerritoryDialog) -> str | None:
        store = self.session.store
        if store is None:
            return self.session.error
        try:
            created = store.add_territory(**dialog.values())
        except NotesError as exc:
            return exc.message
        self.panel.save_now()
        self._list_changed()
        self.session.set_territory(created.uuid)
        return None

    def manage(self) -> ManageTerritoriesDialog | None:
        if self.session.store is None:
            return None
        dialog = ManageTerritoriesDialog(self.host.window())
        dialog.set_territories(self.session.territories())
        dialog.create_requested.connect(self.new)
        dialog.edit_requested.connect(self.edit)
        dialog.delete_requested.connect(self.delete)
        dialog.destroyed.connect(lambda *_: setattr(self, "_manage", None))
        self._manage = dialog
        self._open(dialog)
        return dialog

    def edit(self, uuid: str) -> TerritoryDialog | None:
        store = self.session.store
        if store is None:
            return None
        try:
            territory = store.territory(uuid)
        except NotesError as exc:
            inform(self.host.window(), self.tr("Territoire"), exc.message)
            return None
        dialog = TerritoryDialog(self.types(), territory, self._manage or self.host.window())

        def submit(d: TerritoryDialog) -> str | None:
            try:
                store.update_territory(uuid, **d.values())
            except NotesError as exc:
                return exc.message
            self.session.refresh_territory()
            if self._manage is not None:
                self._manage.set_territories(self.session.territories())
            return None

        dialog.submit = submit
        self._open(dialog)
        return dialog

    def delete(self, uuid: str) -> bool:
        store = self.session.store
        if store is None:
            return False
        window = self.host.window()
        try:
            territory = store.territory(uuid)
            count = len(store.notes_for_territory(uuid))
            entries = len(store.local_entries(uuid))
        except NotesError as exc:
            inform(window, self.tr("Territoire"), exc.message)
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
        if entries:  # they go to the trash with it, and come back with it
            question += "\n\n" + counted(
                entries,
                self.tr(
                    "Son entrée locale ira aussi dans les entrées locales supprimées "
                    "(Entrées locales > Entrées locales supprimées…)."
                ),
                self.tr(
                    "Ses {0} entrées locales iront aussi dans les entrées locales supprimées "
                    "(Entrées locales > Entrées locales supprimées…)."
                ),
            )
        if not confirm(self._manage or window, self.tr("Supprimer le territoire"), question):
            return False
        self.panel.save_now()
        try:
            store.delete_territory(uuid)
        except NotesError as exc:
            inform(window, self.tr("Territoire"), exc.message)
            return False
        self._list_changed()
        current = self.session.territory
        self.session.set_territory(
            current.uuid if current is not None and current.uuid != uuid else None
        )
        return True
