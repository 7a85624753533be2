"""The notes feature in the window: opens the notes in the background, builds its pieces,
adds its items to « Fichier », and lets the file go when the window closes.

The pieces, one job each: :class:`~essdesk.ui.notes.territories.Territories` (the switcher
and the profiles), :class:`~essdesk.ui.notes.views.CatalogueViews` (markers, follow-ups, the
notes in the search and « Mes notes »), :class:`~essdesk.ui.notes.safekeeping.Safekeeping`
(history, trash, backups, check) and :class:`~essdesk.ui.notes.sharing.Sharing` (exchange
files, briefing sheet, conflicts). They see the window as a
:class:`~essdesk.ui.notes.host.NotesHost` only.

Called by the composition root once the catalogue is in the window (the notes layer imports
SQLAlchemy, which must not delay the first usable window).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction

from essdesk.ui.common.messages import inform
from essdesk.ui.notes.notes_panel import NotesPanel
from essdesk.ui.notes.notes_session import NotesSession, Opener, default_opener
from essdesk.ui.notes.safekeeping import Safekeeping
from essdesk.ui.notes.sharing import Sharing
from essdesk.ui.notes.territories import Territories
from essdesk.ui.notes.views import CatalogueViews

if TYPE_CHECKING:
    from essdesk.ui.main_window import MainWindow
    from essdesk.ui.notes.host import NotesHost
    from essdesk.ui.team.team_ui import TeamFeature

REOPEN_MS = 5000
"""While the notes file cannot be opened (locked, read-only), try again this often."""


class NotesFeature(QObject):
    """Everything notes in one window; ``session`` is shared by all of it."""

    def __init__(self, host: NotesHost, session: NotesSession) -> None:
        super().__init__(host.window())
        self.host = host
        self.session = session
        self.team: TeamFeature | None = None
        """The team server's feature (essdesk.ui.team.team_ui), attached by attach_notes."""
        self.panel = NotesPanel(session, host.opener, host.window())
        host.set_notes_panel(self.panel)
        self.territories = Territories(host, session, self.panel)
        self.territories.follow()
        self.views = CatalogueViews(host, session)
        self.safekeeping = Safekeeping(host, session, self.panel)
        self.sharing = Sharing(host, session, self.panel)
        self._reopen = QTimer(self)
        self._reopen.setSingleShot(True)
        self._reopen.setInterval(REOPEN_MS)
        self._reopen.timeout.connect(self.retry_open)

        session.availability_changed.connect(self._availability_changed)
        host.entry_opened.connect(self._entry_opened)
        host.closing.connect(self.shutdown)
        self.panel.retry_requested.connect(self.retry_open)
        self.panel.history_requested.connect(self.safekeeping.show_history)
        self.panel.trash_requested.connect(self.safekeeping.show_trash)
        self.panel.conflicts_requested.connect(self.sharing.resolve_conflicts)

        self._build_actions()
        self._start()

    # ================================================================ the notes file
    def _start(self) -> None:
        session = self.session
        session.open()
        if session.store is None:
            if session.retriable:
                self._reopen.start()
            return
        self._connect_store()
        if session.recovery is not None:
            inform(
                self.host.window(),
                self.tr("Notes récupérées"),
                session.recovery.message,
                "recoveryMessage",
            )
        elif session.store.backup_problem:
            inform(
                self.host.window(),
                self.tr("Sauvegardes"),
                session.store.backup_problem,
                "recoveryMessage",
            )

    def _connect_store(self) -> None:
        self.views.connect_store()
        self.territories.fill_switcher()
        self.session.set_territory(self.host.remembered_territory() or None)
        current = self.host.current_entry()
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
        self.panel.stop_retrying()
        self.session.close()

    def _entry_opened(self, key: str) -> None:
        catalogue = self.host.catalogue
        title = (catalogue.title(key) if catalogue else None) or key
        self.panel.show_entry(key, title)

    def _availability_changed(self) -> None:
        enabled = self.session.store is not None
        for action in self.store_actions:
            action.setEnabled(enabled)
        self.host.territory_switcher.setEnabled(enabled)

    def ask_author(self) -> None:
        """Fichier › « Mes initiales… »: who signs the notes written on this laptop."""
        from essdesk.ui.notes.author import ask_author_initials

        store = self.session.store
        if store is not None and ask_author_initials(self.host.window(), store) is not None:
            self.panel.author_bar.setVisible(False)
            self.panel.reload()

    # ================================================================ Fichier menu
    def _build_actions(self) -> None:
        sharing, safe = self.sharing, self.safekeeping
        specs: list[tuple[str, str, Callable[[], object], str]] = [
            ("exportNotesAction", self.tr("Exporter les notes…"), sharing.export_notes, ""),
            ("importNotesAction", self.tr("Importer des notes…"), sharing.import_notes, ""),
            ("briefingAction", self.tr("Fiche de synthèse…"), sharing.briefing, "Ctrl+P"),
            ("conflictsAction", self.tr("Résoudre les conflits…"), sharing.resolve_conflicts, ""),
            ("", "", lambda: None, ""),
            ("backupToAction", self.tr("Sauvegarder vers…"), safe.backup_to, ""),
            ("restoreBackupAction", self.tr("Restaurer une sauvegarde…"), safe.restore_backup, ""),
            ("checkAction", self.tr("Vérifier l'intégrité"), safe.check, ""),
            ("trashAction", self.tr("Corbeille…"), safe.show_trash, ""),
            ("authorAction", self.tr("Mes initiales…"), self.ask_author, ""),
        ]
        self.store_actions: list[QAction] = []
        self.actions: dict[str, QAction] = {}
        for name, text, slot, shortcut in specs:
            if not name:
                self.host.add_file_action(None)
                continue
            action = QAction(text, self.host.window())
            action.setObjectName(name)
            if shortcut:
                action.setShortcut(shortcut)
            action.triggered.connect(lambda _=False, s=slot: s())
            self.host.add_file_action(action)
            self.actions[name] = action
            if name != "briefingAction":
                self.store_actions.append(action)
        self._availability_changed()


def attach_notes(window: MainWindow, opener: Opener = default_opener) -> NotesFeature:
    """Open the notes and wire them into ``window`` (after the catalogue is set), with the
    team server's and the local entries' features, which build on the notes."""
    session = NotesSession(opener, window)
    feature = NotesFeature(window, session)
    from essdesk.ui.team.team_ui import attach_team

    feature.team = attach_team(window, feature)
    window.notes = feature
    from essdesk.ui.local.local_entries import attach_local_entries

    attach_local_entries(window, session)
    window.notes_attached.emit("" if session.store is not None else session.error)
    return feature
