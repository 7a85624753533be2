"""What the notes feature needs from the window, and nothing more.

The notes used to reach into the whole main window: its trees, its directory's model, its
search panel, its menu, its settings. They now see :class:`NotesHost` only; the main window
implements it (its « what the notes ask of the window » block), and
``tests/ui/notes/test_notes_host.py`` attaches the feature to a bare host to keep it so.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDialog

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QWidget

    from essdesk.catalogue.store import Catalogue
    from essdesk.ui.catalogue.directory import FollowupSource
    from essdesk.ui.catalogue.search import NoteSearch
    from essdesk.ui.common.links import UrlOpener
    from essdesk.ui.notes.markers import Markers
    from essdesk.ui.notes.my_notes import Loader
    from essdesk.ui.notes.notes_panel import NotesPanel
    from essdesk.ui.notes.notes_session import NotesSession
    from essdesk.ui.territory.switcher import TerritorySwitcher


class NotesHost(Protocol):
    """The window as the notes feature sees it."""

    @property
    def entry_opened(self) -> SignalInstance:
        """Emits the key of the entry the reader opened (the note panel follows it)."""

    @property
    def closing(self) -> SignalInstance:
        """Emitted when the window closes: what was typed is written then."""

    @property
    def catalogue(self) -> Catalogue | None:
        """Titles, territory types, the keys an orphan note no longer finds."""

    @property
    def opener(self) -> UrlOpener:
        """Opens the links of a note (the window's own opener, recorded in tests)."""

    @property
    def highlight_action(self) -> QAction:
        """Affichage › « Concerne mon territoire »."""

    @property
    def territory_switcher(self) -> TerritorySwitcher:
        """The toolbar's territory list."""

    def window(self) -> QWidget:
        """The parent of the notes' dialogs and messages."""

    def current_entry(self) -> str | None:
        """The entry on screen, if any."""

    def remembered_territory(self) -> str:
        """The territory chosen last time (settings.ini), "" for none."""

    def remember_territory(self, uuid: str) -> None: ...

    def set_notes_panel(self, panel: QWidget) -> None:
        """Put the note panel beside the entry."""

    def set_markers(self, markers: Markers) -> None:
        """The catalogue's views read the current territory's markers from now on."""

    def refresh_markers(self, keys: set[str] | None) -> None:
        """These keys' markers changed (None: all of them)."""

    def set_territory_scope(self, types: Sequence[str], followup: FollowupSource | None) -> None:
        """The current territory's types and follow-ups, for the directory and the search."""

    def set_note_search(self, search: NoteSearch) -> None:
        """The global search also asks ``search`` (on its worker thread)."""

    def set_my_notes_loader(self, loader: Loader) -> None:
        """« Mes notes » asks ``loader`` for what to list."""

    def refresh_my_notes(self) -> None: ...

    def add_file_action(self, action: QAction | None) -> None:
        """Add ``action`` to the « Fichier » menu (None: a separator), with its shortcut."""

    def show_status(self, text: str, msecs: int) -> None:
        """A passing message in the status bar."""


class NotesPiece(QObject):
    """A piece of the notes feature that opens dialogs: the host, the session and the note
    panel (to save what was typed first)."""

    def __init__(
        self,
        host: NotesHost,
        session: NotesSession,
        panel: NotesPanel,
    ) -> None:
        super().__init__(host.window())
        self.host, self.session, self.panel = host, session, panel

    def _open(self, dialog: QDialog) -> None:
        """Open ``dialog`` window-modal; it is deleted when closed."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
