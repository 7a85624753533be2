"""Domain rules of NotesStore: territories, notes, history, trash, statuses, search."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from essdesk.notes import NotesInputError, NotesStore, Territory, open_notes
from essdesk.notes.store import COALESCE_SECONDS, make_snippet, status_key, territory_type_key

Clock = Any  # the hand-driven clock fixture of conftest.py

# -- territories ----------------------------------------------------------------------------


def test_territory_profiles(store: NotesStore, creuse: Territory) -> None:
    assert creuse.types == ("territory:zrr", "territory:montagne")
    assert creuse.commune == "Guéret" and creuse.initials == "AB"
    store.add_territory("Écouves", ["territory:qpv"])
    store.add_territory("aubusson")
    assert [t.name for t in store.territories()] == ["aubusson", "Creuse", "Écouves"]
    assert store.territory_by_name("ecouves").name == "Écouves"
    assert store.territory_by_name("CREUSE").uuid == creuse.uuid


def test_territory_names_are_unique_and_not_empty(store: NotesStore, creuse: Territory) -> None:
    with pytest.raises(NotesInputError, match="déjà"):
        store.add_territory("  creuse ")
    with pytest.raises(NotesInputError, match="vide"):
        store.add_territory("   ")
    other = store.add_territory("Haute-Vienne")
    with pytest.raises(NotesInputError, match="déjà"):
        store.update_territory(other, name="Creuse")
    assert store.update_territory(other, name="Haute Vienne").name == "Haute Vienne"


def test_territory_types_accept_short_names_and_keys() -> None:
    assert territory_type_key("ZRR") == "territory:zrr"
    assert territory_type_key("Montagne") == "territory:montagne"
    assert territory_type_key("territoires d'industrie") == "territory:territoires-industrie"
    assert territory_type_key("territory:drom") == "territory:drom"
    with pytest.raises(NotesInputError, match="inconnu"):
        territory_type_key("Atlantide")


def test_deleting_a_territory_sends_its_notes_to_trash(
    store: NotesStore, creuse: Territory
) -> None:
    store.save_note("scheme:dla", creuse, "RDV DLA")
    store.save_note("scheme:crte", creuse, "CRTE signé")
    assert store.delete_territory(creuse) == 2
    assert store.territories() == []
    assert {n.text for n in store.trash()} == {"RDV DLA", "CRTE signé"}
    with pytest.raises(NotesInputError):
        store.save_note("scheme:dla", creuse, "x")
    # A new profile may take the freed name; restoring the old one then needs a rename.
    store.add_territory("Creuse")
    with pytest.raises(NotesInputError, match="déjà"):
        store.restore_territory(creuse)
    store.update_territory(store.territory_by_name("Creuse"), name="Creuse (2)")
    restored = store.restore_territory(creuse)
    assert restored.deleted_at is None
    assert store.get_note("scheme:dla", creuse).text == "RDV DLA"  # type: ignore[union-attr]
    assert store.trash() == []


# -- notes ----------------------------------------------------------------------------------


def test_one_note_per_entry_and_territory(store: NotesStore, creuse: Territory) -> None:
    other = store.add_territory("Corrèze")
    assert store.get_note("scheme:dla", creuse) is None
    first = store.save_note("scheme:dla", creuse, "un", entry_title="DLA")
    second = store.save_note("scheme:dla", creuse, "deux")
    assert second.uuid == first.uuid and second.text == "deux"
    assert second.entry_title == "DLA"  # kept when not given
    elsewhere = store.save_note("scheme:dla", other, "ailleurs")
    assert elsewhere.uuid != first.uuid
    assert store.get_note("scheme:dla", creuse).text == "deux"  # type: ignore[union-attr]
    assert store.get_note("scheme:dla", other.uuid).text == "ailleurs"  # type: ignore[union-attr]


def test_save_is_idempotent(store: NotesStore, creuse: Territory, clock: Clock) -> None:
    note = store.save_note("scheme:dla", creuse, "même texte")
    clock.advance(seconds=300)
    again = store.save_note("scheme:dla", creuse, "même texte")
    assert again == note  # nothing written: same updated time, no new version
    assert len(store.history(note.uuid)) == 1


def test_empty_text_is_kept_not_deleted(store: NotesStore, creuse: Territory) -> None:
    note = store.save_note("scheme:dla", creuse, "quelque chose")
    empty = store.save_note("scheme:dla", creuse, "")
    assert empty.uuid == note.uuid and empty.text == ""
    assert store.trash() == []
    assert store.keys_with_notes(creuse) == set()  # no "a une note" marker for an empty note
    assert [v.text for v in store.history(note.uuid)] == [""]  # coalesced


def test_history_coalesces_typing(store: NotesStore, creuse: Territory, clock: Clock) -> None:
    note = store.save_note("scheme:dla", creuse, "a")
    for text in ("ab", "abc", "abcd"):
        clock.advance(seconds=10)
        store.save_note("scheme:dla", creuse, text)
    assert [v.text for v in store.history(note.uuid)] == ["abcd"]
    # Continuous typing does not extend one version forever: the window starts at its first save.
    clock.advance(seconds=COALESCE_SECONDS - 25)
    store.save_note("scheme:dla", creuse, "abcde")
    assert [v.text for v in store.history(note.uuid)] == ["abcde", "abcd"]
    clock.advance(seconds=COALESCE_SECONDS + 1)
    store.save_note("scheme:dla", creuse, "final")
    assert [v.text for v in store.history(note.uuid)] == ["final", "abcde", "abcd"]


def test_restore_version_keeps_the_replaced_text(
    store: NotesStore, creuse: Territory, clock: Clock
) -> None:
    note = store.save_note("scheme:dla", creuse, "ancien")
    clock.advance(seconds=120)
    store.save_note("scheme:dla", creuse, "récent")
    old = store.history(note.uuid)[-1]
    restored = store.restore_version(old.id)
    assert restored.text == "ancien"
    assert [v.text for v in store.history(note.uuid)] == ["ancien", "récent", "ancien"]
    assert store.search_notes("ancien")[0].note.uuid == note.uuid
    assert store.search_notes("recent") == []


def test_trash_and_restore(store: NotesStore, creuse: Territory) -> None:
    note = store.save_note("scheme:dla", creuse, "à garder")
    store.delete_note(note.uuid)
    assert store.get_note("scheme:dla", creuse) is None
    assert [n.uuid for n in store.trash()] == [note.uuid]
    assert store.search_notes("garder") == []
    back = store.restore_from_trash(note.uuid)
    assert back.deleted_at is None and back.conflict_of is None
    assert store.get_note("scheme:dla", creuse) == back
    assert store.search_notes("garder")[0].note.uuid == note.uuid


def test_restoring_over_a_newer_note_keeps_both(store: NotesStore, creuse: Territory) -> None:
    old = store.save_note("scheme:dla", creuse, "ancienne note")
    store.delete_note(old.uuid)
    new = store.save_note("scheme:dla", creuse, "nouvelle note")
    back = store.restore_from_trash(old.uuid)
    assert back.conflict_of == new.uuid
    assert store.get_note("scheme:dla", creuse).text == "nouvelle note"  # type: ignore[union-attr]
    assert [n.text for n in store.conflicts("scheme:dla", creuse)] == ["ancienne note"]


def test_restoring_a_note_of_a_deleted_territory_restores_it(
    store: NotesStore, creuse: Territory
) -> None:
    note = store.save_note("scheme:dla", creuse, "texte")
    store.delete_territory(creuse)
    store.restore_from_trash(note.uuid)
    assert [t.uuid for t in store.territories()] == [creuse.uuid]


def used_today(store: NotesStore, territory: Territory) -> None:
    """essdesk writes at the clock's date: the trash counts its days only up to the latest
    date the notes file holds (issue 11: a clock jumping ahead must not purge it)."""
    store.save_note("scheme:temoin", territory, f"utilisé le {store._clock():%Y-%m-%d}")


def test_purge_only_removes_items_older_than_30_days(
    store: NotesStore, creuse: Territory, clock: Clock
) -> None:
    old = store.save_note("scheme:dla", creuse, "vieille")
    store.delete_note(old.uuid)
    clock.advance(days=20)
    recent = store.save_note("scheme:crte", creuse, "récente")
    store.delete_note(recent.uuid)
    with pytest.raises(NotesInputError, match="30 jours"):
        store.purge_trash(older_than_days=1)
    clock.advance(days=9)
    used_today(store, creuse)
    assert store.purge_trash() == 0  # 29 days: still restorable
    clock.advance(days=2)
    used_today(store, creuse)
    assert store.purge_trash() == 1
    assert [n.uuid for n in store.trash()] == [recent.uuid]
    assert store.history(old.uuid) == []
    clock.advance(days=30)
    used_today(store, creuse)
    assert store.purge_trash() == 1


def test_purge_removes_deleted_territories_left_empty(
    store: NotesStore, creuse: Territory, clock: Clock
) -> None:
    store.save_note("scheme:dla", creuse, "x")
    store.set_status("scheme:dla", creuse, "contacte")
    store.delete_territory(creuse)
    clock.advance(days=31)
    witness = store.add_territory("Témoin")  # essdesk used at the new date (issue 11)
    assert store.purge_trash() == 1
    assert store.territories(include_deleted=True) == [witness]
    assert store.full_check().ok


def test_notes_for_territory_sorts(store: NotesStore, creuse: Territory, clock: Clock) -> None:
    store.save_note("scheme:dla", creuse, "1", entry_title="Dispositif local d'accompagnement")
    clock.advance(seconds=5)
    store.save_note("actor:avise", creuse, "2", entry_title="Avise")
    clock.advance(seconds=5)
    store.save_note("scheme:crte", creuse, "3", entry_title="Écoles et CRTE")
    store.set_status("scheme:crte", creuse, "ecarte")
    store.set_status("scheme:dla", creuse, "a-explorer")
    assert [n.text for n in store.notes_for_territory(creuse)] == ["3", "2", "1"]
    assert [n.text for n in store.notes_for_territory(creuse, "created")] == ["3", "2", "1"]
    assert [n.text for n in store.notes_for_territory(creuse, "entry")] == ["2", "1", "3"]
    assert [n.text for n in store.notes_for_territory(creuse, "status")] == ["1", "3", "2"]
    with pytest.raises(NotesInputError):
        store.notes_for_territory(creuse, "bogus")


def test_markers_and_orphans(store: NotesStore, creuse: Territory) -> None:
    store.save_note("scheme:dla", creuse, "DLA")
    store.save_note("scheme:disparu", creuse, "vieux", entry_title="Dispositif disparu")
    store.set_status("scheme:dla", creuse, "mobilise")
    assert store.keys_with_notes(creuse) == {"scheme:dla", "scheme:disparu"}
    assert store.statuses_for_territory(creuse) == {"scheme:dla": "mobilise"}
    orphans = store.orphans({"scheme:dla", "scheme:crte"})
    assert [(n.entry_key, n.entry_title) for n in orphans] == [
        ("scheme:disparu", "Dispositif disparu")
    ]


# -- follow-up status -----------------------------------------------------------------------


def test_status_rules(store: NotesStore, creuse: Territory) -> None:
    status = store.set_status("scheme:dla", creuse, "Contacté", "2024-05-02", " Mme Martin ")
    assert status is not None
    assert (status.status, status.label, status.date, status.contact) == (
        "contacte",
        "contacté",
        "2024-05-02",
        "Mme Martin",
    )
    assert store.status("scheme:dla", creuse) == status
    assert status_key("à explorer") == "a-explorer" and status_key("EN COURS") == "en-cours"
    with pytest.raises(NotesInputError, match="Statut inconnu"):
        store.set_status("scheme:dla", creuse, "terminé")
    with pytest.raises(NotesInputError, match="Date invalide"):
        store.set_status("scheme:dla", creuse, "contacte", "2 mai")
    assert store.set_status("scheme:dla", creuse, None) is None
    assert store.status("scheme:dla", creuse) is None


def test_status_is_checked_by_the_database_too(store: NotesStore, creuse: Territory) -> None:
    conn = sqlite3.connect(store.path)
    try:
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute(
                "INSERT INTO statuses (entry_key, territory_uuid, status, date, contact, updated)"
                " VALUES ('scheme:dla', ?, 'fini', NULL, '', 'now')",
                (creuse.uuid,),
            )
    finally:
        conn.close()


# -- search ---------------------------------------------------------------------------------


def test_search_folds_french_and_matches_prefixes(store: NotesStore, creuse: Territory) -> None:
    other = store.add_territory("Corrèze")
    store.save_note("scheme:dla", creuse, "Rencontre au Cœur de l’ESS à Guéret, très utile")
    store.save_note("actor:avise", creuse, "Rien à voir")
    store.save_note("scheme:dla", other, "Guéret aussi, coeur")
    hits = store.search_notes("COEUR gueret", creuse)
    assert [h.note.entry_key for h in hits] == ["scheme:dla"]
    hit = hits[0]
    assert [hit.snippet[a:b] for a, b in hit.highlights] == ["Cœur", "Guéret"]
    assert len(store.search_notes("coe")) == 2  # every word is a prefix, all territories
    assert store.search_notes("l'ess")[0].note.territory_name == "Creuse"
    assert store.search_notes("coeur absent") == []


def test_snippet_is_a_window_around_the_first_hit() -> None:
    body = "début " + "mot " * 100 + "Économie sociale\net solidaire " + "fin " * 100
    snippet, marks = make_snippet(body, ["economie"], width=80)
    assert snippet.startswith("…") and snippet.endswith("…")
    assert "\n" not in snippet
    assert [snippet[a:b] for a, b in marks] == ["Économie"]


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    query=st.text(max_size=300)
    | st.sampled_from(['"', "*", "NEAR(a b)", "-x +y", "a OR", "(", "'" * 10000])
)
def test_any_search_string_is_safe(store: NotesStore, creuse: Territory, query: str) -> None:
    store.save_note("scheme:dla", creuse, "Cœur de l'ESS")
    hits = store.search_notes(query)
    assert all(h.note.entry_key == "scheme:dla" for h in hits)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(body=st.text(max_size=2000))
def test_any_note_text_round_trips(store: NotesStore, creuse: Territory, body: str) -> None:
    saved = store.save_note("scheme:dla", creuse, body)
    assert saved.text == body
    assert store.get_note("scheme:dla", creuse).text == body  # type: ignore[union-attr]


def test_notes_survive_reopening(home: Path, clock: Clock) -> None:
    store, _ = open_notes(clock=clock)
    with store:
        territory = store.add_territory("Creuse")
        store.save_note("lever:3", territory, "persisté")
    store, report = open_notes(clock=clock)
    with store:
        assert report is None
        assert store.get_note("lever:3", territory).text == "persisté"  # type: ignore[union-attr]


def test_store_returns_frozen_records(store: NotesStore, creuse: Territory) -> None:
    note = store.save_note("scheme:dla", creuse, "x")
    with pytest.raises(AttributeError):
        note.text = "y"  # type: ignore[misc]


def test_the_team_bookkeeping_door_opens_on_its_own_tables_only(
    store: NotesStore, creuse: Territory
) -> None:
    """``bookkeep`` writes the team sync's tables (team_*) and nothing else; its reads are
    SELECT statements only: the notes change through the writer's own methods."""
    store.save_note("scheme:dla", creuse, "texte")
    with store.writing() as writer:
        writer.bookkeep("INSERT INTO team_territories (uuid) VALUES (?)", (creuse.uuid,))
        writer.bookkeep("UPDATE team_territories SET sent = ?", [("a",), ("b",)])
        writer.bookkeep("DELETE FROM team_sent")
        for sql in ("UPDATE notes SET text = 'x'", "DELETE FROM statuses",
                    "INSERT INTO territories_team (uuid) VALUES ('x')"):  # fmt: skip
            with pytest.raises(TypeError):
                writer.bookkeep(sql)
        with pytest.raises(TypeError):
            writer.bookkeeping("DELETE FROM notes")
        assert writer.bookkeeping("SELECT sent FROM team_territories").scalar() == "b"
    note = store.get_note("scheme:dla", creuse)
    assert note is not None and note.text == "texte"
