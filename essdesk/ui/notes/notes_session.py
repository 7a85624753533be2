"""The notes side of the window: the open store, the current territory and its markers.

One object the notes widgets share (injected, not "the app"). It imports the notes layer, and
so SQLAlchemy: the composition root builds it only after the catalogue is in the window.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from essdesk.notes import (
    NewerSchemaError,
    NotesError,
    NotesStore,
    NotesWriteError,
    RecoveryReport,
    Territory,
    open_notes,
)
from essdesk.ui.notes.markers import Markers

log = logging.getLogger(__name__)

UI_BUSY_TIMEOUT = 1.0
"""Seconds a save waits for another essdesk's write lock before the panel says so and
retries: the GUI thread must not freeze for SQLite's default 5 s."""

Opener = Callable[[], tuple[NotesStore, RecoveryReport | None]]


def default_opener() -> tuple[NotesStore, RecoveryReport | None]:
    return open_notes(busy_timeout=UI_BUSY_TIMEOUT)


class NotesSession(QObject):
    """Store, current territory and markers; every notes widget listens to its signals."""

    availability_changed = Signal()
    """The store opened, failed to open, or closed (see ``store`` and ``error``)."""
    territories_changed = Signal()
    """A profile was created, renamed, edited or deleted."""
    territory_changed = Signal(object)
    """The current territory (a Territory, or None) changed."""
    markers_changed = Signal(object)
    """Markers of these keys changed (a set; None: all of them)."""
    notes_changed = Signal()
    """A note was written, deleted or restored (« Mes notes » refreshes)."""

    def __init__(self, opener: Opener = default_opener, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._opener = opener
        self.store: NotesStore | None = None
        self.error = ""
        self.retriable = False
        self.recovery: RecoveryReport | None = None
        self.territory: Territory | None = None
        self.markers = Markers()
        self._highlight_on = False
        self._type_keys: Callable[[tuple[str, ...]], set[str]] | None = None

    # ---------------------------------------------------------------- opening
    def open(self) -> bool:
        """Open the notes database; on failure ``error`` holds the French reason."""
        if self.store is not None:
            return True
        try:
            store, report = self._opener()
        except NewerSchemaError as exc:
            self.error, self.retriable = exc.message, False
        except NotesWriteError as exc:  # locked by another essdesk, read-only folder
            self.error, self.retriable = exc.message, True
        except NotesError as exc:
            self.error, self.retriable = exc.message, True
        except Exception as exc:  # never « Ouverture des notes… » forever: say what failed
            log.warning("notes could not be opened: %r", exc)
            self.error, self.retriable = (
                f"Les notes n'ont pas pu être ouvertes : {type(exc).__name__}: {exc}",
                True,
            )
        else:
            self.store, self.error, self.retriable = store, "", False
            self.recovery = report
            try:
                store.purge_trash(30)
            except NotesError as exc:  # the trash waits for the next start
                log.warning("trash purge failed: %s", exc)
        self.availability_changed.emit()
        return self.store is not None

    def close(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None
            self.availability_changed.emit()

    # ---------------------------------------------------------------- territories
    def territories(self) -> list[Territory]:
        if self.store is None:
            return []
        try:
            return self.store.territories()
        except NotesError as exc:
            log.warning("territories unavailable: %s", exc)
            return []

    def set_territory(self, uuid: str | None) -> None:
        """Make ``uuid`` current (None or unknown: the first profile, or none)."""
        known = self.territories()
        chosen = next((t for t in known if t.uuid == uuid), None)
        if chosen is None and known and uuid is not None:
            chosen = known[0]
        if chosen is None and uuid is None and known:
            chosen = known[0]
        self.territory = chosen
        self.reload_markers(emit=False)
        self.territory_changed.emit(chosen)
        self.markers_changed.emit(None)
        self.notes_changed.emit()

    def refresh_territory(self) -> None:
        """Re-read the current profile (renamed, types edited) and tell everyone."""
        self.territories_changed.emit()
        uuid = self.territory.uuid if self.territory else None
        self.set_territory(uuid)

    # ---------------------------------------------------------------- markers
    def set_highlight(self, on: bool, type_keys: Callable[[tuple[str, ...]], set[str]]) -> None:
        """ "Mettre en évidence ce qui concerne mon territoire": ``type_keys(types)`` gives the
        catalogue entries whose territory facet matches ``types``."""
        self._highlight_on = on
        self._type_keys = type_keys
        self._reload_highlight()
        self.markers_changed.emit(None)

    def _reload_highlight(self) -> None:
        self.markers.highlight.clear()
        t = self.territory
        if self._highlight_on and t is not None and t.types and self._type_keys is not None:
            self.markers.highlight.update(self._type_keys(t.types))

    def reload_markers(self, emit: bool = True) -> None:
        self.markers.notes.clear()
        self.markers.statuses.clear()
        if self.store is not None and self.territory is not None:
            try:
                self.markers.notes.update(self.store.keys_with_notes(self.territory))
                self.markers.statuses.update(self.store.statuses_for_territory(self.territory))
            except NotesError as exc:
                log.warning("markers unavailable: %s", exc)
        self._reload_highlight()
        if emit:
            self.markers_changed.emit(None)

    def note_written(self, key: str, has_text: bool) -> None:
        """A save or a deletion of ``key``'s note: update its marker only."""
        before = key in self.markers.notes
        if has_text:
            self.markers.notes.add(key)
        else:
            self.markers.notes.discard(key)
        if before != has_text:
            self.markers_changed.emit({key})
        self.notes_changed.emit()

    def status_written(self, key: str, status: str | None) -> None:
        if status:
            self.markers.statuses[key] = status
        else:
            self.markers.statuses.pop(key, None)
        self.markers_changed.emit({key})
        self.notes_changed.emit()

    def everything_changed(self) -> None:
        """After an import, a restore from a backup or from the trash."""
        self.reload_markers()
        self.notes_changed.emit()
