"""A clock that jumps back never coalesces a save into a version "from the future"."""

from __future__ import annotations

from testkit import Clock

from essdesk.notes import NotesStore, Territory


def test_a_save_after_the_clock_went_back_keeps_the_previous_version(
    store: NotesStore, creuse: Territory, clock: Clock
) -> None:
    store.save_note("scheme:dla", creuse, "reçu de l'équipe")
    clock.advance(hours=-3)  # the laptop's clock is put back (or was wrong and got fixed)
    note = store.save_note("scheme:dla", creuse, "corrigé ici")
    texts = [v.text for v in store.history(note.uuid)]
    assert texts == ["corrigé ici", "reçu de l'équipe"]  # not overwritten in place
