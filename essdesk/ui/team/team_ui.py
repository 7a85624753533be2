"""The team server in the window: Fichier › « Équipe… », the status-bar line, and syncs at
start, every few minutes, on demand and before quitting.

A sync never blocks the window: it runs on a worker thread of its own
(:class:`~essdesk.ui.common.worker.QueryRunner`) and returns a plain result; only the GUI thread
touches widgets. A password typed and not remembered lives in memory for the session only;
a remembered one goes to libpq's pgpass file (:mod:`essdesk.team.pgpass`), never to
settings.ini. Nothing here talks to a server until the user has connected to a team.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction

from essdesk.ui.common.plain import plain_label
from essdesk.ui.common.settings import read_int, settings_path
from essdesk.ui.common.worker import QueryRunner
from essdesk.ui.team.team_dialog import TeamDialog

if TYPE_CHECKING:
    from essdesk.notes import NotesStore
    from essdesk.team.sync import SyncResult
    from essdesk.ui.main_window import MainWindow
    from essdesk.ui.notes.feature import NotesFeature

QUIT_WAIT_MS = 8000
"""How long closing the window waits for the last sync (only if the server was reachable)."""


@dataclass(frozen=True)
class SyncFailure:
    """A sync that did not happen: the French reason, what waits, whether simply offline."""

    message: str
    pending: int
    offline: bool


def _attempt(job: Callable[[], SyncResult], store: NotesStore) -> SyncResult | SyncFailure:
    """Run ``job`` on the worker thread; a failure comes back as data, never raised."""
    from essdesk.notes import NotesError
    from essdesk.team import sync
    from essdesk.team.errors import TeamError

    try:
        return job()
    except NotesError as exc:
        try:
            pending = sync.pending_count(store)
        except NotesError:
            pending = 0
        offline = isinstance(exc, TeamError) and "injoignable" in exc.message
        return SyncFailure(exc.message, pending, offline)


class TeamFeature(QObject):
    """Owns the team action, the status line, the periodic timer and the sync worker."""

    def __init__(self, window: MainWindow, notes: NotesFeature) -> None:
        super().__init__(window)
        from essdesk.team.sync import SYNC_MINUTES

        self.window = window
        self.notes = notes
        self.password = ""
        """A password typed in « Équipe… » without « Mémoriser »: memory only."""
        self.dialog: TeamDialog | None = None
        self.last: SyncResult | SyncFailure | None = None
        self.busy = False
        self.runner = QueryRunner(self)
        self.runner.delivered.connect(self._finished)
        self.status = plain_label("", window, wrap=False)
        self.status.setObjectName("teamStatus")
        window.statusBar().addPermanentWidget(self.status)
        self.status.hide()
        self.timer = QTimer(self)
        seconds = read_int(settings_path(), "team/sync_seconds", SYNC_MINUTES * 60, 1, 86400)
        self.timer.setInterval(seconds * 1000)
        self.timer.timeout.connect(self.sync_now)
        self.action = QAction(self.tr("Équipe…"), window)
        self.action.setObjectName("teamAction")
        self.action.triggered.connect(lambda _=False: self.open_dialog())
        window.file_menu.insertAction(window.file_menu_end, self.action)
        window.addAction(self.action)
        if self.link() is not None:
            self.timer.start()
            self.sync_now()

    @property
    def store(self) -> NotesStore | None:
        return self.notes.session.store

    def link(self) -> Any:
        from essdesk.team import sync

        store = self.store
        return sync.link(store) if store is not None else None

    # -- syncing ----------------------------------------------------------------------------

    def _run(self, job: Callable[[], SyncResult]) -> bool:
        store = self.store
        if store is None or self.busy:
            return False
        self.busy = True
        self.status.setText(self.tr("Synchronisation…"))
        self.status.show()
        if self.dialog is not None:
            self.dialog.set_connected(self.link() is not None, busy=True)
            self.dialog.show_status(self.tr("Synchronisation…"))
        self.runner.submit(lambda: _attempt(job, store))
        return True

    def sync_now(self) -> bool:
        """Sync in the background (at start, on the timer, on demand); False if not possible
        now (not connected, notes closed, or a sync already running)."""
        from essdesk.team import sync

        store = self.store
        if store is None or self.link() is None:
            return False
        password = self.password
        return self._run(lambda: sync.sync(store, password=password))

    def _finished(self, outcome: SyncResult | SyncFailure) -> None:
        self.busy = False
        self.last = outcome
        text = self.describe(outcome)
        self.status.setText(text)
        self.status.setToolTip(outcome.message if isinstance(outcome, SyncFailure) else "")
        self.status.setVisible(self.link() is not None)
        if isinstance(outcome, SyncFailure):
            detail = outcome.message
        else:
            detail = text
            if outcome.pulled:
                self.notes.session.everything_changed()
                self.notes.panel.reload()
                self.notes.session.territories_changed.emit()  # shared territories arrive as profiles
        if self.dialog is not None:
            self.dialog.set_connected(self.link() is not None)
            self.dialog.show_status(detail)

    def describe(self, outcome: SyncResult | SyncFailure) -> str:
        """The status-bar line: « Synchronisé à 15:40 », « Hors ligne — 3 modifications en
        attente »."""
        if isinstance(outcome, SyncFailure):
            head = (
                self.tr("Hors ligne") if outcome.offline else self.tr("Synchronisation impossible")
            )
            return head + self._pending(outcome.pending)
        when = outcome.at.astimezone().strftime("%H:%M")
        return self.tr("Synchronisé à {0}").format(when) + self._pending(outcome.pending)

    def _pending(self, count: int) -> str:
        if count == 0:
            return ""
        if count == 1:
            return self.tr(" — 1 modification en attente")
        return self.tr(" — {0} modifications en attente").format(count)

    # -- the dialog -------------------------------------------------------------------------

    def open_dialog(self) -> TeamDialog:
        dialog = self.dialog or TeamDialog(self.window)
        if self.dialog is None:
            self.dialog = dialog
            dialog.connect_requested.connect(self.connect_from_dialog)
            dialog.sync_requested.connect(self.sync_now)
            dialog.share_requested.connect(self.share_current)
            dialog.disconnect_requested.connect(self.leave_team)
        found = self.link()
        if found is not None:
            from essdesk.team.server import parse_url

            url = parse_url(found.url)
            dialog.host.setText(str(url.host or url.query.get("host") or ""))
            dialog.port.setValue(int(url.port or 5432))
            dialog.database.setText(url.database or "")
            dialog.user.setText(url.username or "")
            dialog.team.setText(found.team)
            dialog.ca_file.setText(found.ca_file)
            dialog.show_status(
                self.describe(self.last) if self.last is not None
                else self.tr("Relié à l'équipe « {0} » ({1}).").format(found.team, found.server)
            )  # fmt: skip
        else:
            dialog.show_status(self.tr("Cet ordinateur n'est relié à aucune équipe."))
        dialog.set_connected(found is not None, busy=self.busy)
        dialog.show()
        return dialog

    def connect_from_dialog(self) -> bool:
        """« Se connecter »: remember the password if asked, check the membership, record
        the link, first sync; all on the worker thread."""
        from essdesk.team import pgpass, server, sync

        dialog, store = self.dialog, self.store
        if dialog is None or store is None:
            return False
        host, user = dialog.host.text().strip(), dialog.user.text().strip()
        database, team = dialog.database.text().strip(), dialog.team.text().strip()
        if not (host and user and database and team):
            dialog.show_status(
                self.tr("Renseignez le serveur, la base, l'utilisateur et l'équipe.")
            )
            return False
        port = dialog.port.value()
        address = server.build_url(host, port, database, user)
        password, remember = dialog.password.text(), dialog.remember.isChecked()
        ca_file = dialog.ca_file.text().strip()
        self.password = "" if remember else password
        dialog.password.clear()

        def job() -> SyncResult:
            if remember and password:
                pgpass.remember(host, port, database, user, password)
            sync.connect(store, address, team, ca_file, password=password)
            return sync.sync(store, password=password)

        started = self._run(job)
        if started:
            self.timer.start()
        return started

    def share_current(self) -> None:
        from essdesk.notes import NotesError
        from essdesk.team import sync

        territory, store = self.notes.session.territory, self.store
        if territory is None or store is None or self.dialog is None:
            return
        try:
            sync.share(store, territory)
        except NotesError as exc:
            self.dialog.show_status(exc.message)
            return
        self.dialog.show_status(
            self.tr("« {0} » appartient maintenant à l'équipe.").format(territory.name)
        )
        self.sync_now()

    def leave_team(self) -> None:
        from essdesk.notes import NotesError
        from essdesk.team import sync

        store = self.store
        if store is None or self.busy:
            return
        try:
            sync.disconnect(store)
        except NotesError as exc:
            if self.dialog is not None:
                self.dialog.show_status(exc.message)
            return
        self.timer.stop()
        self.password = ""
        self.last = None
        self.status.hide()
        if self.dialog is not None:
            self.dialog.set_connected(False)
            self.dialog.show_status(
                self.tr("Cet ordinateur n'est plus relié à l'équipe ; les notes locales restent.")
            )

    def shutdown(self) -> None:
        """Before the notes close: one last sync when the server was reachable, so that what
        was just typed goes up; a server out of reach never delays quitting."""
        self.timer.stop()
        self.runner.shutdown(QUIT_WAIT_MS)
        store = self.store
        if store is None or self.link() is None or isinstance(self.last, SyncFailure):
            return
        from essdesk.team import sync

        if sync.pending_count(store):
            _attempt(lambda: sync.sync(store, password=self.password), store)


def attach_team(window: MainWindow, notes: NotesFeature) -> TeamFeature:
    return TeamFeature(window, notes)
