"""The notes feature through its narrow interface (:class:`essdesk.ui.notes.host.NotesHost`):
attached to a bare host that is not the main window, it opens the notes, fills the switcher,
follows the entry, saves what is typed, marks the catalogue's rows, answers the search and
« Mes notes », adds its « Fichier » items and lets the file go at closing. Any reach past
the interface into the main window would fail here."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import pytest
from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from essdesk.catalogue.store import Catalogue
from essdesk.notes import open_notes
from essdesk.ui.catalogue.directory import FollowupSource
from essdesk.ui.catalogue.search import NoteSearch
from essdesk.ui.notes.feature import NotesFeature
from essdesk.ui.notes.host import NotesHost
from essdesk.ui.notes.markers import Markers
from essdesk.ui.notes.my_notes import Loader
from essdesk.ui.notes.notes_session import NotesSession
from essdesk.ui.territory.switcher import TerritorySwitcher

KEY = "scheme:dla"


class BareHost(QMainWindow):
    """Real widgets, none of the main window: records what the notes ask of it."""

    entry_opened = Signal(str)
    closing = Signal()

    def __init__(self, catalogue: Catalogue, opener) -> None:
        super().__init__()
        self.catalogue = catalogue
        self.opener = opener
        self.highlight_action = QAction("Concerne mon territoire", self)
        self.highlight_action.setCheckable(True)
        self.territory_switcher = TerritorySwitcher(self)
        self.file_menu = QMenu(self)
        self.entry: str | None = None
        self.territory = ""
        self.panel: QWidget | None = None
        self.markers: Markers | None = None
        self.refreshed: list[set[str] | None] = []
        self.scope: tuple[tuple[str, ...], FollowupSource | None] = ((), None)
        self.note_search: NoteSearch | None = None
        self.loader: Loader | None = None
        self.my_notes_refreshed = 0
        self.statuses: list[str] = []

    def current_entry(self) -> str | None:
        return self.entry

    def remembered_territory(self) -> str:
        return self.territory

    def remember_territory(self, uuid: str) -> None:
        self.territory = uuid

    def set_notes_panel(self, panel: QWidget) -> None:
        self.panel = panel
        self.setCentralWidget(panel)

    def set_markers(self, markers: Markers) -> None:
        self.markers = markers

    def refresh_markers(self, keys: set[str] | None) -> None:
        self.refreshed.append(None if keys is None else set(keys))

    def set_territory_scope(self, types: Sequence[str], followup: FollowupSource | None) -> None:
        self.scope = (tuple(types), followup)

    def set_note_search(self, search: NoteSearch) -> None:
        self.note_search = search

    def set_my_notes_loader(self, loader: Loader) -> None:
        self.loader = loader

    def refresh_my_notes(self) -> None:
        self.my_notes_refreshed += 1

    def add_file_action(self, action: QAction | None) -> None:
        if action is None:
            self.file_menu.addSeparator()
        else:
            self.file_menu.addAction(action)

    def show_status(self, text: str, msecs: int) -> None:
        self.statuses.append(text)


@pytest.fixture
def creuse() -> str:
    store, _ = open_notes()
    uuid = store.add_territory("Creuse", ["ZRR", "montagne"]).uuid
    store.close()
    return uuid


@pytest.fixture
def host(qtbot, catalogue: Catalogue, opened, creuse: str) -> Iterator[BareHost]:
    bare = BareHost(catalogue, opened)
    bare.territory = creuse
    qtbot.addWidget(bare)
    yield bare
    bare.closing.emit()


def test_the_notes_need_only_their_host(qtbot, host: BareHost, creuse: str) -> None:
    as_protocol: NotesHost = host  # what mypy checks for the main window
    feature = NotesFeature(as_protocol, NotesSession(parent=host))
    session = feature.session
    assert session.store is not None and host.panel is feature.panel
    assert host.markers is session.markers
    # the territory remembered by the host is the current one, its types scope the views
    assert session.territory is not None and session.territory.uuid == creuse
    assert host.territory_switcher.current_uuid() == creuse
    assert host.scope[0] == ("territory:zrr", "territory:montagne") and host.scope[1] is not None
    assert [a.objectName() for a in host.file_menu.actions() if a.objectName()] == [
        "exportNotesAction",
        "importNotesAction",
        "briefingAction",
        "conflictsAction",
        "backupToAction",
        "restoreBackupAction",
        "checkAction",
        "trashAction",
        "authorAction",
    ]

    # the reader opens an entry: the panel follows it under the catalogue's title
    host.entry = KEY
    host.entry_opened.emit(KEY)
    assert feature.panel.key == KEY
    assert feature.panel.title == host.catalogue.title(KEY)
    feature.panel.start_editing()
    qtbot.keyClicks(feature.panel.editor, "Rappeler la DLA mardi")
    assert feature.panel.save_now()

    # the catalogue's rows are marked, the search and « Mes notes » find the note
    assert {KEY} in host.refreshed and KEY in session.markers.notes
    assert host.note_search is not None and host.loader is not None
    assert [hit.key for hit in host.note_search("mardi")] == [KEY]
    notes, orphans, titles, territory_name, _ = host.loader("", "updated")
    assert [n.entry_key for n in notes] == [KEY] and orphans == []
    assert titles[KEY] == host.catalogue.title(KEY) and territory_name == "Creuse"
    assert host.my_notes_refreshed > 0
    keys, statuses = host.scope[1]()  # the directory's « Suivi » facet
    assert keys == {KEY} and statuses == {}

    # switching territory goes through the host's switcher and is remembered there
    store = session.store
    jura = store.add_territory("Haut-Jura", ["montagne"]).uuid
    session.territories_changed.emit()
    host.territory_switcher.territory_selected.emit(jura)
    assert host.territory == jura and host.scope[0] == ("territory:montagne",)
    assert host.note_search("mardi") == []

    # closing writes and lets the file go
    host.closing.emit()
    assert session.store is None
    again, _ = open_notes()
    try:
        assert [n.text for n in again.notes_for_territory(creuse, "updated")] == [
            "Rappeler la DLA mardi"
        ]
    finally:
        again.close()
