"""The notes' search forgives typos with the catalogue's engine (issue 13)."""

from __future__ import annotations

from essdesk.notes.records import Territory
from essdesk.notes.store import NotesStore


def test_misspelt_words_find_notes(store: NotesStore, creuse: Territory) -> None:
    note = store.save_note("scheme:dla", creuse, "Rendez-vous avec l'accompagnement DLA à Guéret")
    other = store.save_note("actor:france-active", creuse, "Garantie France Active demandée")
    assert [h.note.uuid for h in store.search_notes("acompagnement")] == [note.uuid]
    assert [h.note.uuid for h in store.search_notes("frnace activ")] == [other.uuid]
    hit = store.search_notes("gueret acompagnement")[0]
    assert "accompagnement" in [hit.snippet[a:b] for a, b in hit.highlights]
    assert store.search_notes("xqzwv") == []


def test_vocabulary_follows_edits(store: NotesStore, creuse: Territory) -> None:
    assert store.search_notes("ressourcerie") == []
    store.save_note("scheme:dla", creuse, "Visite de la ressourcerie")
    assert len(store.search_notes("resourcerie")) == 1  # the new word is known at once
    store.save_note("scheme:dla", creuse, "Autre chose")
    assert store.search_notes("resourcerie") == []


def test_exact_before_fuzzy(store: NotesStore, creuse: Territory) -> None:
    near = store.save_note("actor:france-active", creuse, "un décor mural")
    exact = store.save_note("scheme:dla", creuse, "un secteur rural")
    # One exact hit is few: the fuzzy reading adds "mural" (one letter away), after it.
    assert [h.note.uuid for h in store.search_notes("rural")] == [exact.uuid, near.uuid]
