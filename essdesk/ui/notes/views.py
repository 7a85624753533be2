"""What the notes add to the catalogue's views: the markers on every row (a note, a
follow-up status, « concerne votre territoire »), the directory's « Suivi » facet, the notes
among the global search's results, and the « Mes notes » page."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from essdesk import textfold
from essdesk.catalogue.records import KIND_LABELS, Filters, Hit
from essdesk.notes import Note, NotesError, Territory

if TYPE_CHECKING:
    from essdesk.ui.notes.host import NotesHost
    from essdesk.ui.notes.my_notes import FollowUps
    from essdesk.ui.notes.notes_session import NotesSession

log = logging.getLogger(__name__)


class CatalogueViews(QObject):
    """Feeds the window's catalogue views from the notes session."""

    def __init__(self, host: NotesHost, session: NotesSession) -> None:
        super().__init__(host.window())
        self.host, self.session = host, session
        host.set_markers(session.markers)
        session.markers_changed.connect(host.refresh_markers)
        session.notes_changed.connect(host.refresh_my_notes)
        session.territory_changed.connect(self._territory_changed)
        host.highlight_action.toggled.connect(self._highlight)

    def connect_store(self) -> None:
        """The notes file is open: the search and « Mes notes » can ask it now."""
        self.host.set_note_search(self.note_hits)
        self.host.set_my_notes_loader(self.load_my_notes)
        if self.host.highlight_action.isChecked():
            self._highlight(True)

    def _territory_changed(self, territory: Territory | None) -> None:
        self.host.set_territory_scope(
            territory.types if territory is not None else (),
            self._followup if territory is not None else None,
        )

    def _followup(self) -> tuple[set[str], dict[str, str]]:
        """The directory's « Suivi » facet: keys with a note, key → status (current territory)."""
        markers = self.session.markers
        return set(markers.notes), dict(markers.statuses)

    def _highlight(self, on: bool) -> None:
        self.session.set_highlight(on, self._type_keys)

    def _type_keys(self, types: tuple[str, ...]) -> set[str]:
        catalogue = self.host.catalogue
        if catalogue is None or not types:
            return set()
        rows = catalogue.directory("", Filters(kinds=tuple(KIND_LABELS), territories=types))
        return {r.key for r in rows} | set(types)

    def note_hits(self, text: str) -> list[Hit]:
        """Runs on the search worker thread: the store is safe to share, the records frozen."""
        store, territory = self.session.store, self.session.territory
        catalogue = self.host.catalogue
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

    def load_my_notes(
        self, query: str, sort: str
    ) -> tuple[Sequence[Note], Sequence[Note], dict[str, str], str, FollowUps]:
        """« Mes notes »: the territory's notes (or those ``query`` finds, in the text or
        the follow-up's contact), the orphans apart, the entries' current titles."""
        store, territory, catalogue = (
            self.session.store,
            self.session.territory,
            self.host.catalogue,
        )
        if store is None or territory is None:
            return [], [], {}, "", {}
        try:
            everything = store.notes_for_territory(territory, sort)
            followups: FollowUps = {}
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
