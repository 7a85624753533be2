"""Exchange files between two user folders: round trip, idempotence, conflicts, orphans,
territories created or mapped, statuses, rollback, and settling conflicts.

Each test has two real notes databases (laptop A and laptop B) in ``tmp_path`` sharing the
hand-driven clock, so "newer" is well defined.

Over 500 lines: one story per merge rule of ``essdesk.notes.exchange.merge`` (round trip,
conflicts, orphans, territories, statuses, rollback), sharing the two-laptop fixtures.
"""

from __future__ import annotations

import json
import sqlite3
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy.exc
from testkit import exchange_corpus, sql_dump

from essdesk.notes import (
    NotesInputError,
    NotesStore,
    NotesWriteError,
    Territory,
    open_notes,
)
from essdesk.notes.exchange import (
    MANIFEST,
    PAYLOAD,
    ExchangeError,
    apply_import,
    export_notes,
    merge,
    preview_import,
    read_exchange_file,
)
from essdesk.notes.exchange import writer as exchange_writer
from essdesk.notes.store import BOTH_SEPARATOR

Clock = Any  # the hand-driven clock fixture of conftest.py
KNOWN = frozenset({"scheme:dla", "scheme:crte", "actor:france-active", "lever:3"})


def _open(folder: Path, clock: Clock) -> NotesStore:
    store, report = open_notes(
        folder / "notes.sqlite3", backups_dir=folder / "backups", clock=clock
    )
    assert report is None
    return store


@pytest.fixture
def pair(tmp_path: Path, clock: Clock) -> Iterator[tuple[NotesStore, NotesStore]]:
    a, b = _open(tmp_path / "laptop-a", clock), _open(tmp_path / "laptop-b", clock)
    try:
        yield a, b
    finally:
        a.close()
        b.close()


def dump(store: NotesStore) -> list[str]:
    return sql_dump(store.path)


def notes_of(store: NotesStore) -> dict[str, tuple[Any, ...]]:
    return {
        n.uuid: (
            n.entry_key,
            n.territory_uuid,
            n.territory_name,
            n.text,
            n.entry_title,
            n.status,
            n.created,
            n.updated,
            n.conflict_of,
        )
        for n in store.all_notes()
    }


def statuses_of(store: NotesStore) -> dict[tuple[str, str], tuple[Any, ...]]:
    found = {}
    for t in store.territories():
        for key in store.statuses_for_territory(t):
            s = store.status(key, t)
            assert s is not None
            found[(key, t.uuid)] = (s.status, s.date, s.contact, s.updated)
    return found


def import_file(
    store: NotesStore, path: Path, known: frozenset[str] | None = KNOWN, **kw: Any
) -> Any:
    return apply_import(store, preview_import(store, path, known, **kw))


def populate(store: NotesStore, clock: Clock) -> tuple[Territory, Territory]:
    store.set_author_initials("AB")  # the person at laptop A
    creuse = store.add_territory("Creuse", ["ZRR", "montagne"], commune="Guéret", initials="AB")
    correze = store.add_territory("Corrèze", ["rural"], code="19", initials="CD")
    store.save_note("scheme:dla", creuse, "Premier contact DLA.", entry_title="DLA")
    clock.advance(minutes=5)
    store.save_note("scheme:dla", creuse, "Premier contact DLA.\nRDV le 12.", entry_title="DLA")
    store.save_note("scheme:crte", creuse, "CRTE signé en 2021 ; avenant ESS ?", entry_title="CRTE")
    store.save_note("scheme:dla", correze, "Rien encore.", entry_title="DLA")
    store.save_note("scheme:retire", correze, "Fiche disparue du catalogue.", entry_title="Vieux")
    store.set_status("scheme:dla", creuse, "contacte", "2024-05-01", "Mme Martin")
    store.set_status("actor:france-active", correze, "a-explorer")
    clock.advance(minutes=5)
    return creuse, correze


# -- round trip ----------------------------------------------------------------------------------


def test_round_trip_a_to_b_and_back(
    pair: tuple[NotesStore, NotesStore], clock: Clock, tmp_path: Path
) -> None:
    a, b = pair
    creuse, _ = populate(a, clock)
    trashed = a.save_note("lever:3", creuse, "supprimée")
    a.delete_note(trashed.uuid)

    done = export_notes(a, tmp_path / "a.essnotes")
    assert (done.notes, done.statuses, done.territories) == (4, 2, ("Corrèze", "Creuse"))

    preview = preview_import(b, done.path, KNOWN)
    assert preview.counts.as_dict() == {
        "new": 4,
        "identical": 0,
        "updated": 0,
        "conflicting": 0,
        "orphaned": 1,
        "statuses_new": 2,
        "statuses_updated": 0,
        "statuses_kept": 0,
        "statuses_conflicting": 0,
    }
    assert {t.action for t in preview.territories} == {"create"}
    result = apply_import(b, preview)
    assert result.backup is not None and result.backup.reason == "avant-import"

    assert notes_of(b) == notes_of(a)  # same uuids, texts, titles, statuses and dates
    assert statuses_of(b) == statuses_of(a)
    assert [(t.uuid, t.name, t.types, t.commune, t.code, t.initials) for t in b.territories()] == [
        (t.uuid, t.name, t.types, t.commune, t.code, t.initials) for t in a.territories()
    ]
    assert b.trash() == []  # a deleted note does not travel
    assert b.search_notes("avenant")[0].note.entry_key == "scheme:crte"  # indexed

    # Back from B to A: everything is already there, nothing is written, not even a backup.
    back = export_notes(b, tmp_path / "b.essnotes")
    before = dump(a)
    again = import_file(a, back.path)
    assert again.backup is None
    assert again.counts.new == again.counts.updated == again.counts.conflicting == 0
    assert again.counts.identical == 4 and again.counts.statuses_kept == 2
    assert dump(a) == before

    # The same file twice into B: a no-op.
    before = dump(b)
    assert import_file(b, done.path).backup is None
    assert dump(b) == before
    assert [x.reason for x in b.list_backups()] == ["avant-import"]


def test_preview_writes_nothing(
    pair: tuple[NotesStore, NotesStore], clock: Clock, tmp_path: Path
) -> None:
    a, b = pair
    populate(a, clock)
    populate(b, clock)  # same names and texts: mapped by name, all identical
    assert not preview_import(b, export_notes(a, tmp_path / "same.essnotes").path).has_changes
    a.save_note("scheme:dla", a.territory_by_name("Creuse"), "autre texte")
    path = export_notes(a, tmp_path / "a.essnotes").path
    before = dump(b)
    preview = preview_import(b, path, KNOWN)
    assert preview.has_changes
    assert dump(b) == before
    assert b.list_backups() == []


# -- concurrent edits ----------------------------------------------------------------------------


def test_same_note_changed_on_both_sides_gives_one_conflict_pair(
    pair: tuple[NotesStore, NotesStore], clock: Clock, tmp_path: Path
) -> None:
    a, b = pair
    creuse, _ = populate(a, clock)
    import_file(b, export_notes(a, tmp_path / "a0.essnotes").path)
    original = a.get_note("scheme:dla", creuse)
    assert original is not None

    clock.advance(minutes=10)
    a.save_note("scheme:dla", creuse, "Version de A : RDV déplacé au 14.")
    clock.advance(minutes=10)
    b.save_note("scheme:dla", creuse.uuid, "Version de B : dossier déposé.")

    from_a = export_notes(a, tmp_path / "a1.essnotes").path
    preview = preview_import(b, from_a, KNOWN)
    assert preview.counts.conflicting == 1 and preview.counts.new == 0
    (plan,) = [p for p in preview.notes if p.action == "conflict"]
    assert plan.conflict_of == original.uuid
    assert plan.local_text == "Version de B : dossier déposé."
    apply_import(b, preview)

    note = b.get_note("scheme:dla", creuse.uuid)
    assert note is not None and note.uuid == original.uuid
    assert note.text == "Version de B : dossier déposé."
    (copy,) = b.conflicts("scheme:dla", creuse.uuid)
    assert copy.text == "Version de A : RDV déplacé au 14." and copy.conflict_of == note.uuid

    before = dump(b)
    assert import_file(b, from_a).backup is None  # the conflict copy is recognised
    assert dump(b) == before

    # And the other way: A ends up with the same pair, seen from its side.
    import_file(a, export_notes(b, tmp_path / "b1.essnotes").path)
    note_a = a.get_note("scheme:dla", creuse)
    assert note_a is not None and note_a.text == "Version de A : RDV déplacé au 14."
    (copy_a,) = a.conflicts("scheme:dla", creuse)
    assert copy_a.text == "Version de B : dossier déposé."
    texts = {n.text for n in a.all_notes()} | {n.text for n in b.all_notes()}
    assert {"Version de A : RDV déplacé au 14.", "Version de B : dossier déposé."} <= texts
    # Exchanging again in both directions changes nothing any more.
    for src, dst, name in ((a, b, "a2"), (b, a, "b2")):
        before = dump(dst)
        assert (
            import_file(dst, export_notes(src, tmp_path / f"{name}.essnotes").path).backup is None
        )
        assert dump(dst) == before


def test_changed_on_one_side_only_is_a_fast_forward(
    pair: tuple[NotesStore, NotesStore], clock: Clock, tmp_path: Path
) -> None:
    a, b = pair
    creuse, _ = populate(a, clock)
    old = export_notes(a, tmp_path / "a0.essnotes").path
    import_file(b, old)
    clock.advance(minutes=10)
    a.save_note("scheme:dla", creuse, "Suite : convention signée.")

    preview = preview_import(b, export_notes(a, tmp_path / "a1.essnotes").path, KNOWN)
    assert (preview.counts.updated, preview.counts.conflicting, preview.counts.new) == (1, 0, 0)
    apply_import(b, preview)
    note = b.get_note("scheme:dla", creuse.uuid)
    assert note is not None and note.text == "Suite : convention signée."
    assert b.conflicts("scheme:dla", creuse.uuid) == []
    history = [v.text for v in b.history(note.uuid)]
    assert history[0] == "Suite : convention signée."
    assert "Premier contact DLA.\nRDV le 12." in history  # the replaced text is kept

    # B types right after the import (inside the one-minute coalescing window), then sends
    # its version back: A sees a change on B's side only, not a conflict.
    b.save_note("scheme:dla", creuse.uuid, "Suite : convention signée. Versement en juin.")
    preview = preview_import(a, export_notes(b, tmp_path / "b1.essnotes").path, KNOWN)
    assert (preview.counts.updated, preview.counts.conflicting) == (1, 0)
    apply_import(a, preview)
    assert a.get_note("scheme:dla", creuse).text.endswith("Versement en juin.")  # type: ignore[union-attr]

    # An old file arriving late changes nothing: its text is in the history.
    before = dump(b)
    assert import_file(b, old).backup is None
    assert dump(b) == before


def test_a_note_written_on_both_laptops_for_the_same_entry_is_kept_beside(
    pair: tuple[NotesStore, NotesStore], clock: Clock, tmp_path: Path
) -> None:
    a, b = pair
    creuse_a = a.add_territory("Creuse")
    creuse_b = b.add_territory("creuse")  # same territory, created separately: other uuid
    a.save_note("scheme:dla", creuse_a, "Note de A")
    mine = b.save_note("scheme:dla", creuse_b, "Note de B")
    preview = preview_import(b, export_notes(a, tmp_path / "a.essnotes").path, KNOWN)
    (tplan,) = preview.territories
    assert (tplan.action, tplan.local_uuid, tplan.by_name) == ("map", creuse_b.uuid, True)
    assert "même nom" in tplan.label
    assert preview.counts.conflicting == 1
    apply_import(b, preview)
    assert b.get_note("scheme:dla", creuse_b).text == "Note de B"  # type: ignore[union-attr]
    (copy,) = b.conflicts("scheme:dla", creuse_b)
    assert (copy.text, copy.conflict_of) == ("Note de A", mine.uuid)
    assert [t.name for t in b.territories()] == ["creuse"]


# -- orphans, territories, statuses -------------------------------------------------------------


def test_orphans_are_imported_and_kept(
    pair: tuple[NotesStore, NotesStore], clock: Clock, tmp_path: Path
) -> None:
    a, b = pair
    populate(a, clock)
    path = export_notes(a, tmp_path / "a.essnotes").path
    preview = preview_import(b, path, KNOWN)
    (orphan,) = [p for p in preview.notes if p.orphan]
    assert orphan.incoming.entry_key == "scheme:retire" and orphan.action == "new"
    assert any("[orpheline]" in line for line in preview.summary_lines())
    apply_import(b, preview)
    (kept,) = b.orphans(set(KNOWN))
    assert (kept.entry_key, kept.entry_title, kept.text) == (
        "scheme:retire",
        "Vieux",
        "Fiche disparue du catalogue.",
    )
    unchecked = preview_import(b, path, None)
    assert not unchecked.catalogue_checked and unchecked.counts.orphaned == 0
    assert any("Catalogue illisible" in line for line in unchecked.summary_lines())


def test_territories_are_created_mapped_or_restored(
    pair: tuple[NotesStore, NotesStore], clock: Clock, tmp_path: Path
) -> None:
    a, b = pair
    creuse, correze = populate(a, clock)
    path = export_notes(a, tmp_path / "a.essnotes").path
    haute_vienne = b.add_territory("Haute-Vienne")

    # Mapped by the user: Creuse's notes go to Haute-Vienne; Corrèze created under its name.
    preview = preview_import(b, path, KNOWN, {creuse.uuid: haute_vienne.uuid})
    plans = {t.incoming.name: t for t in preview.territories}
    assert (plans["Creuse"].action, plans["Creuse"].local_uuid) == ("map", haute_vienne.uuid)
    assert plans["Creuse"].label == "Creuse — rattaché au territoire « Haute-Vienne »"
    assert plans["Corrèze"].action == "create" and plans["Corrèze"].local_uuid == correze.uuid
    assert plans["Creuse"].counts.new == 2 and plans["Corrèze"].counts.new == 2
    apply_import(b, preview)
    assert {n.entry_key for n in b.notes_for_territory(haute_vienne)} == {
        "scheme:dla",
        "scheme:crte",
    }
    assert b.status("scheme:dla", haute_vienne).status == "contacte"  # type: ignore[union-attr]
    assert b.territory(correze.uuid).types == ("territory:rural",)

    # Creating a new profile although the name is taken: a suffixed name; idempotent.
    preview = preview_import(b, path, KNOWN, {correze.uuid: None})
    plan = preview.territory_plan(correze.uuid)
    assert (plan.action, plan.local_name) == ("create", "Corrèze (importé)")
    apply_import(b, preview)
    before = dump(b)
    again = preview_import(b, path, KNOWN, {correze.uuid: None})
    assert again.territory_plan(correze.uuid).action == "existing"
    assert apply_import(b, again).backup is None
    assert dump(b) == before

    # A profile deleted here comes back (its trashed notes stay in the trash).
    assert b.delete_territory(correze.uuid) == 2
    preview = preview_import(b, path, KNOWN)
    assert preview.territory_plan(correze.uuid).action == "restore"
    assert preview.counts.new == 0  # the texts are known (in the trash)
    apply_import(b, preview)
    assert b.territory(correze.uuid).deleted_at is None
    assert len(b.trash()) == 2

    with pytest.raises(ExchangeError, match="destination"):
        preview_import(b, path, KNOWN, {creuse.uuid: "00000000-0000-4000-8000-000000000000"})
    with pytest.raises(ExchangeError, match="ne figure pas"):
        preview_import(b, path, KNOWN, {haute_vienne.uuid: None})


def test_statuses_merge_like_texts_whatever_the_clocks(clock: Clock, tmp_path: Path) -> None:
    """Issue 11 #8: a status from a laptop whose clock runs ahead overwrote a newer local
    status and its contact on import (last writer wins by the wall clock). Now: changed on
    one side only → taken, whatever the clocks; changed on both → both kept, the user picks."""
    ahead = type(clock)()
    ahead.advance(days=365)  # laptop B's clock runs a year ahead
    a, b = _open(tmp_path / "laptop-a", clock), _open(tmp_path / "laptop-b", ahead)
    with a, b:
        creuse, correze = populate(a, clock)
        a.set_status("scheme:crte", creuse, "en-cours", None, "M. Petit")
        import_file(b, export_notes(a, tmp_path / "a0.essnotes").path)

        # Both change the DLA's follow-up: A's change is the newer one in real time.
        b.set_status("scheme:dla", creuse.uuid, "en-cours", None, "M. Durand")
        clock.advance(minutes=1)
        a.set_status("scheme:dla", creuse, "mobilise", "2024-06-01", "Mme Martin, directrice")
        # Only B changes France Active's; B only confirms the CRTE's (same value, its clock).
        b.set_status("actor:france-active", correze.uuid, "ecarte")
        b.set_status("scheme:crte", creuse.uuid, "en-cours", None, "M. Petit")
        # Only A changes the CRTE's (its clock is behind B's).
        a.set_status("scheme:crte", creuse, "mobilise", None, "M. Petit (signé)")
        a.set_status("lever:3", creuse, "a-explorer")  # new, A only

        preview = preview_import(a, export_notes(b, tmp_path / "b1.essnotes").path, KNOWN)
        c = preview.counts
        assert (c.statuses_new, c.statuses_updated, c.statuses_kept) == (0, 1, 1)
        assert c.statuses_conflicting == 1
        apply_import(a, preview)
        dla = a.status("scheme:dla", creuse)
        assert dla is not None
        assert (dla.status, dla.date, dla.contact) == (
            "mobilise",
            "2024-06-01",
            "Mme Martin, directrice",
        )  # kept, with its contact, although B's clock says B's is newer
        (theirs,) = a.status_conflicts(creuse)
        assert (theirs.entry_key, theirs.status, theirs.contact) == (
            "scheme:dla",
            "en-cours",
            "M. Durand",
        )
        assert a.status("actor:france-active", correze).status == "ecarte"  # type: ignore[union-attr]
        assert a.status("scheme:crte", creuse).contact == "M. Petit (signé)"  # type: ignore[union-attr]

        # B, whose clock is ahead, takes A's CRTE change (changed on A only) and keeps both
        # DLA follow-ups too.
        preview = preview_import(b, export_notes(a, tmp_path / "a1.essnotes").path, KNOWN)
        assert preview.counts.statuses_conflicting == 1
        apply_import(b, preview)
        crte = b.status("scheme:crte", creuse.uuid)
        assert crte is not None and crte.status == "mobilise"
        assert b.status("scheme:dla", creuse.uuid).status == "en-cours"  # type: ignore[union-attr]
        assert b.status("lever:3", creuse.uuid).status == "a-explorer"  # type: ignore[union-attr]

        # Importing the same file again changes nothing.
        again = preview_import(b, tmp_path / "a1.essnotes", KNOWN)
        assert not again.has_changes

        # A picks its own; its next file then settles B too (B changed nothing since).
        a.resolve_status_conflict(theirs.id, "local")
        assert a.status_conflicts(creuse) == []
        import_file(b, export_notes(a, tmp_path / "a2.essnotes").path)
        assert b.status("scheme:dla", creuse.uuid).contact == "Mme Martin, directrice"  # type: ignore[union-attr]
        assert b.status_conflicts(creuse.uuid) == []
        assert statuses_of(a).keys() == statuses_of(b).keys()
        assert {k: v[:3] for k, v in statuses_of(a).items()} == {
            k: v[:3] for k, v in statuses_of(b).items()
        }


def _a_status_conflict_on_b(
    pair: tuple[NotesStore, NotesStore], clock: Clock, tmp_path: Path
) -> Territory:
    """A and B change the DLA's follow-up; B imports A's file (``a1.essnotes``): a conflict."""
    a, b = pair
    creuse, _ = populate(a, clock)
    import_file(b, export_notes(a, tmp_path / "a0.essnotes").path)
    a.set_status("scheme:dla", creuse, "mobilise", None, "Mme Martin")
    b.set_status("scheme:dla", creuse.uuid, "ecarte", None, "personne")
    import_file(b, export_notes(a, tmp_path / "a1.essnotes").path)
    return creuse


def test_a_status_conflict_is_settled_by_the_user(
    pair: tuple[NotesStore, NotesStore], clock: Clock, tmp_path: Path
) -> None:
    b = pair[1]
    creuse = _a_status_conflict_on_b(pair, clock, tmp_path)
    (theirs,) = b.status_conflicts(creuse.uuid, "scheme:dla")
    settled = b.resolve_status_conflict(theirs.id, "incoming")
    assert settled is not None and (settled.status, settled.contact) == ("mobilise", "Mme Martin")
    assert b.status_conflicts(creuse.uuid) == []
    with pytest.raises(NotesInputError, match="déjà résolu"):
        b.resolve_status_conflict(theirs.id, "local")
    # B's own value stays known: A's file imported again does not bring the conflict back
    assert not preview_import(b, tmp_path / "a1.essnotes", KNOWN).has_changes


def test_a_value_held_in_conflict_that_the_other_side_moved_past_goes_even_in_a_new_conflict(
    pair: tuple[NotesStore, NotesStore], clock: Clock, tmp_path: Path
) -> None:
    """B holds A's « mobilisé » beside its « écarté »; A moves on to « en cours »: B then
    holds « en cours » only (A's « mobilisé » is settled), as a team pull does."""
    a, b = pair
    creuse = _a_status_conflict_on_b(pair, clock, tmp_path)
    clock.advance(minutes=1)
    a.set_status("scheme:dla", creuse, "en-cours")
    import_file(b, export_notes(a, tmp_path / "a2.essnotes").path)
    assert b.status("scheme:dla", creuse.uuid).status == "ecarte"  # type: ignore[union-attr]
    assert [c.status for c in b.status_conflicts(creuse.uuid)] == ["en-cours"]


@pytest.mark.parametrize("keep", ["local", "incoming"])
def test_a_status_conflict_settled_on_one_laptop_is_settled_on_the_other_by_its_file(
    pair: tuple[NotesStore, NotesStore], clock: Clock, tmp_path: Path, keep: str
) -> None:
    """Both laptops hold the conflict; B picks and sends a file: A ends with B's choice and
    no conflict left, whichever value B kept."""
    a, b = pair
    creuse = _a_status_conflict_on_b(pair, clock, tmp_path)
    import_file(a, export_notes(b, tmp_path / "b1.essnotes").path)
    assert len(a.status_conflicts(creuse)) == len(b.status_conflicts(creuse.uuid)) == 1
    clock.advance(minutes=1)
    (theirs,) = b.status_conflicts(creuse.uuid, "scheme:dla")
    b.resolve_status_conflict(theirs.id, keep)
    preview = preview_import(a, export_notes(b, tmp_path / "b2.essnotes").path, KNOWN)
    assert preview.has_changes
    apply_import(a, preview)
    chosen = "ecarte" if keep == "local" else "mobilise"
    assert a.status("scheme:dla", creuse).status == chosen  # type: ignore[union-attr]
    assert a.status_conflicts(creuse) == []


def test_a_follow_up_set_back_to_an_earlier_value_is_a_setting_of_its_own(
    pair: tuple[NotesStore, NotesStore], clock: Clock, tmp_path: Path
) -> None:
    """B puts « contacté » back while A, who saw B's first « contacté », moves on: A's file
    must not replace B's return as if A had seen it; and B's return, in B's file, is not
    taken on A's laptop for the « contacté » it knows."""
    a, b = pair
    creuse, _ = populate(a, clock)
    tu = creuse.uuid
    import_file(b, export_notes(a, tmp_path / "a0.essnotes").path)
    b.set_status("scheme:dla", tu, "contacte")
    import_file(a, export_notes(b, tmp_path / "b0.essnotes").path)
    b.set_status("scheme:dla", tu, "mobilise")
    import_file(a, export_notes(b, tmp_path / "b1.essnotes").path)
    clock.advance(minutes=1)
    a.set_status("scheme:dla", creuse, "en-cours")
    b.set_status("scheme:dla", tu, "contacte")  # back to a value it had
    import_file(b, export_notes(a, tmp_path / "a1.essnotes").path)
    import_file(a, export_notes(b, tmp_path / "b2.essnotes").path)
    for store, own, other in ((a, "en-cours", "contacte"), (b, "contacte", "en-cours")):
        assert store.status("scheme:dla", tu).status == own  # type: ignore[union-attr]
        assert [c.status for c in store.status_conflicts(tu)] == [other]


# -- apply: re-planning, rollback, safety --------------------------------------------------------


def test_apply_plans_again_against_notes_saved_since_the_preview(
    pair: tuple[NotesStore, NotesStore], clock: Clock, tmp_path: Path
) -> None:
    a, b = pair
    creuse = a.add_territory("Creuse")
    a.save_note("scheme:dla", creuse, "de A")
    b_creuse = b.add_territory("Creuse")
    preview = preview_import(b, export_notes(a, tmp_path / "a.essnotes").path, KNOWN)
    assert preview.counts.new == 1
    b.save_note("scheme:dla", b_creuse, "tapé pendant l'aperçu")  # autosave meanwhile
    result = apply_import(b, preview)
    assert (result.counts.new, result.counts.conflicting) == (0, 1)
    assert b.get_note("scheme:dla", b_creuse).text == "tapé pendant l'aperçu"  # type: ignore[union-attr]
    assert b.conflicts("scheme:dla", b_creuse)[0].text == "de A"


def test_a_failure_during_apply_rolls_everything_back(
    pair: tuple[NotesStore, NotesStore],
    clock: Clock,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    a, b = pair
    populate(a, clock)
    path = export_notes(a, tmp_path / "a.essnotes").path
    b.add_territory("Creuse")
    before = dump(b)
    real_execute = merge._execute

    def write_then_fail(writer: Any, plan: Any) -> None:
        real_execute(writer, plan)  # every row written, then the disk fails
        raise sqlalchemy.exc.OperationalError(
            "COMMIT", {}, sqlite3.OperationalError("disk I/O error")
        )

    monkeypatch.setattr(merge, "_execute", write_then_fail)
    with pytest.raises(NotesWriteError) as err:
        import_file(b, path)
    assert "Impossible d'enregistrer" in err.value.message
    assert dump(b) == before
    assert [x.reason for x in b.list_backups()] == ["avant-import"]  # made before trying
    monkeypatch.undo()

    # A constraint failing half-way (a trigger standing for any database-side refusal).
    conn = sqlite3.connect(b.path)
    conn.execute(
        "CREATE TRIGGER refuse_third AFTER INSERT ON notes "
        "WHEN (SELECT count(*) FROM notes) >= 3 BEGIN SELECT RAISE(ABORT, 'refusé'); END"
    )
    conn.commit()
    conn.close()
    before = dump(b)
    with pytest.raises(ExchangeError, match="rien n'a été modifié"):
        import_file(b, path)
    assert dump(b) == before
    conn = sqlite3.connect(b.path)
    conn.execute("DROP TRIGGER refuse_third")
    conn.commit()
    conn.close()
    assert import_file(b, path).counts.new == 4


def test_the_backup_is_taken_before_the_import(
    pair: tuple[NotesStore, NotesStore], clock: Clock, tmp_path: Path
) -> None:
    a, b = pair
    populate(a, clock)
    b.add_territory("Lot")
    result = import_file(b, export_notes(a, tmp_path / "a.essnotes").path)
    assert result.backup is not None
    restored, _ = open_notes(tmp_path / "restored.sqlite3", backups_dir=tmp_path / "none")
    restored.close()
    result.backup.path.replace(tmp_path / "restored.sqlite3")
    before, _ = open_notes(tmp_path / "restored.sqlite3", backups_dir=tmp_path / "none")
    with before:
        assert [t.name for t in before.territories()] == ["Lot"]
        assert before.all_notes() == []


def test_text_is_stored_as_plain_text(
    pair: tuple[NotesStore, NotesStore], clock: Clock, tmp_path: Path
) -> None:
    a, b = pair
    creuse = a.add_territory("Creuse")
    hostile = (
        '<script>alert("x")</script> <img src=x onerror=alert(1)> '
        '[lien](javascript:alert(1)) =HYPERLINK("http://x") \'; DROP TABLE notes; -- '
        '\u202eevil\u202c \ufeff NEAR * "quote'
    )
    a.save_note("scheme:dla", creuse, hostile, entry_title="<b>DLA</b>")
    import_file(b, export_notes(a, tmp_path / "a.essnotes").path)
    note = b.get_note("scheme:dla", creuse.uuid)
    assert note is not None and note.text == hostile and note.entry_title == "<b>DLA</b>"
    assert b.search_notes("script alert")[0].note.uuid == note.uuid


# -- export --------------------------------------------------------------------------------------


def test_export_scopes_and_file_layout(
    pair: tuple[NotesStore, NotesStore], clock: Clock, tmp_path: Path
) -> None:
    a, _ = pair
    creuse, correze = populate(a, clock)
    a.save_note("scheme:crte", correze, "conflit local")
    one = export_notes(a, tmp_path / "creuse.essnotes", [creuse])
    assert (one.territories, one.notes, one.statuses) == (("Creuse",), 2, 1)
    keys = export_notes(a, tmp_path / "keys.essnotes", None, ["scheme:dla"])
    assert (keys.territories, keys.notes, keys.statuses) == (("Corrèze", "Creuse"), 2, 1)

    with zipfile.ZipFile(one.path) as archive:
        assert archive.namelist() == [MANIFEST, PAYLOAD]
        manifest = json.loads(archive.read(MANIFEST))
        payload = json.loads(archive.read(PAYLOAD))
    assert manifest["format"] == "essdesk-notes" and manifest["format_version"] == 2
    assert manifest["scope"] == "territory"
    assert manifest["territories"] == [
        {"uuid": creuse.uuid, "name": "Creuse", "types": ["territory:zrr", "territory:montagne"]}
    ]
    note = next(n for n in payload["notes"] if n["entry_key"] == "scheme:dla")
    assert note["author"] == "AB" and note["entry_title"] == "DLA"
    # two versions (5 minutes apart), each with who wrote it
    assert [v["author"] for v in note["history"]] == ["AB", "AB"]
    assert read_exchange_file(keys.path).scope == "selection"

    folder = tmp_path / "clé-usb"
    folder.mkdir()
    into_folder = export_notes(a, folder, [correze])
    assert into_folder.path.parent == folder
    assert into_folder.path.name.startswith("notes-correze-")
    assert into_folder.path.suffix == ".essnotes"

    with pytest.raises(ExchangeError, match="Impossible d'écrire"):
        export_notes(a, tmp_path / "absent" / "x.essnotes")
    with pytest.raises(NotesInputError):
        export_notes(a, tmp_path / "x.essnotes", [a.territory_by_name("Nulle part")])
    with pytest.raises(ExchangeError, match="introuvable"):
        export_notes(a, tmp_path / "x.essnotes", ["00000000-0000-4000-8000-000000000000"])
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")) == []


def test_conflict_copies_travel_with_their_note(
    pair: tuple[NotesStore, NotesStore], clock: Clock, tmp_path: Path
) -> None:
    a, b = pair
    c = _open(tmp_path / "laptop-c", clock)
    with c:
        creuse = a.add_territory("Creuse")
        a.save_note("scheme:dla", creuse, "A")
        import_file(b, export_notes(a, tmp_path / "a.essnotes").path)
        clock.advance(minutes=2)
        a.save_note("scheme:dla", creuse, "A2")
        b.save_note("scheme:dla", creuse.uuid, "B2")
        import_file(b, export_notes(a, tmp_path / "a2.essnotes").path)
        assert len(b.conflicts("scheme:dla", creuse.uuid)) == 1
        # C receives B's notes: the note and its conflict copy, still side by side.
        import_file(c, export_notes(b, tmp_path / "b.essnotes").path)
        assert c.get_note("scheme:dla", creuse.uuid).text == "B2"  # type: ignore[union-attr]
        assert [n.text for n in c.conflicts("scheme:dla", creuse.uuid)] == ["A2"]


# -- settling conflicts --------------------------------------------------------------------------


def _conflict(store: NotesStore, clock: Clock, tmp_path: Path) -> tuple[Territory, str, str]:
    """A note "local" with an imported conflict copy "importée"; returns (t, note, copy)."""
    other = _open(tmp_path / "other", clock)
    with other:
        t = other.add_territory("Creuse")
        other.save_note("scheme:dla", t, "importée")
        path = export_notes(other, tmp_path / "other.essnotes").path
    t = store.add_territory("Creuse")
    note = store.save_note("scheme:dla", t, "locale")
    import_file(store, path)
    (copy,) = store.conflicts("scheme:dla", t)
    return t, note.uuid, copy.uuid


@pytest.mark.parametrize(
    ("keep", "merged", "expected"),
    [
        ("local", None, "locale"),
        ("incoming", None, "importée"),
        ("both", None, "locale" + BOTH_SEPARATOR + "importée"),
        (None, "fusion faite à la main", "fusion faite à la main"),
    ],
)
def test_resolve_conflict(
    store: NotesStore,
    clock: Clock,
    tmp_path: Path,
    keep: str | None,
    merged: str | None,
    expected: str,
) -> None:
    t, note_uuid, copy_uuid = _conflict(store, clock, tmp_path)
    clock.advance(minutes=2)
    note = store.resolve_conflict(copy_uuid, keep, merged_text=merged)
    assert (note.uuid, note.text, note.conflict_of) == (note_uuid, expected, None)
    assert store.conflicts("scheme:dla", t) == []
    assert [n.uuid for n in store.trash()] == [copy_uuid]  # restorable, never lost
    assert "locale" in [v.text for v in store.history(note_uuid)]
    with pytest.raises(NotesInputError, match="déjà résolu"):
        store.resolve_conflict(copy_uuid, "local")
    # Importing the same file again does not bring the conflict back.
    before = dump(store)
    assert import_file(store, tmp_path / "other.essnotes").backup is None
    assert dump(store) == before


def test_resolve_conflict_when_the_note_is_in_the_trash(
    store: NotesStore, clock: Clock, tmp_path: Path
) -> None:
    t, note_uuid, copy_uuid = _conflict(store, clock, tmp_path)
    store.delete_note(note_uuid)
    with pytest.raises(NotesInputError, match="corbeille"):
        store.resolve_conflict(copy_uuid, "local")
    promoted = store.resolve_conflict(copy_uuid, "both")
    assert (promoted.uuid, promoted.text, promoted.conflict_of) == (copy_uuid, "importée", None)
    assert store.get_note("scheme:dla", t).uuid == copy_uuid  # type: ignore[union-attr]


def test_resolve_conflict_refuses_bad_requests(
    store: NotesStore, clock: Clock, tmp_path: Path
) -> None:
    _, note_uuid, copy_uuid = _conflict(store, clock, tmp_path)
    for keep, merged in ((None, None), ("les deux", None), ("local", "texte")):
        with pytest.raises(NotesInputError, match="Choisissez"):
            store.resolve_conflict(copy_uuid, keep, merged_text=merged)
    with pytest.raises(NotesInputError, match="déjà résolu"):
        store.resolve_conflict(note_uuid, "local")  # not a conflict copy
    with pytest.raises(NotesInputError, match="introuvable"):
        store.resolve_conflict("00000000-0000-4000-8000-000000000000", "local")


# -- preview for the dialog ----------------------------------------------------------------------


def test_preview_shapes_for_the_dialog_and_the_cli(
    pair: tuple[NotesStore, NotesStore], clock: Clock, tmp_path: Path
) -> None:
    a, b = pair
    populate(a, clock)
    preview = preview_import(b, export_notes(a, tmp_path / "a.essnotes").path, KNOWN)
    entries = preview.entries()
    assert [(key, title, len(plans)) for key, title, plans in entries] == [
        ("scheme:crte", "CRTE", 1),
        ("scheme:dla", "DLA", 2),
        ("scheme:retire", "Vieux", 1),
    ]
    data = json.loads(json.dumps(preview.as_json()))
    assert data["counts"]["new"] == 4 and data["counts"]["orphaned"] == 1
    assert {t["name"]: t["action"] for t in data["territories"]} == {
        "Creuse": "create",
        "Corrèze": "create",
    }
    assert {n["key"] for n in data["notes"]} == {"scheme:dla", "scheme:crte", "scheme:retire"}
    lines = preview.summary_lines()
    assert "Notes : 4 nouvelles, 0 identique, 0 mise à jour, 0 en conflit." in lines
    assert "  Creuse — sera créé" in lines


def test_the_exchange_module_imports_no_qt() -> None:
    import subprocess
    import sys

    code = (
        "import sys, essdesk.notes.exchange, essdesk.cli.notes; "
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in {'PySide6', 'shiboken6'}); "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def test_an_export_the_other_laptop_would_refuse_is_never_written(
    pair: tuple[NotesStore, NotesStore],
    clock: Clock,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    a, _ = pair
    creuse = a.add_territory("Creuse")
    a.save_note("scheme:dla", creuse, "Répété. " * 400_000)  # 3.2 MB that compresses 400:1
    target = tmp_path / "x.essnotes"
    with pytest.raises(ExchangeError) as err:
        export_notes(a, target)
    assert err.value.message.startswith("Le fichier d'export n'a pas passé la vérification")
    assert "bombe" in err.value.message and err.value.message.endswith("Rien n'a été écrit.")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["laptop-a", "laptop-b"]

    monkeypatch.setattr(exchange_writer, "MAX_PAYLOAD_BYTES", 1_000)
    a.save_note("scheme:dla", creuse, "court")
    a.save_note("scheme:crte", creuse, "x" * 2_000)
    with pytest.raises(ExchangeError, match="Trop de notes pour un seul fichier"):
        export_notes(a, target)
    assert not target.exists()
    assert export_notes(a, target, keys=["scheme:dla"]).notes == 1  # a smaller selection fits


def test_names_stay_unique_when_profiles_are_created_or_restored(
    store: NotesStore, tmp_path: Path
) -> None:
    mc = exchange_corpus()
    first = tmp_path / "first.essnotes"
    first.write_bytes(mc.archive())
    import_file(store, first)
    assert store.delete_territory(mc.T1) == 2
    # A file with that profile, and another one called "creuse" made on a third laptop.
    payload = mc.valid_payload()
    other = {**payload["territories"][0], "uuid": "66666666-6666-4666-8666-666666666666"}
    payload["territories"].append({**other, "name": "creuse"})
    payload["notes"].append(
        {**payload["notes"][0], "uuid": "77777777-7777-4777-8777-777777777777"}
        | {"territory_uuid": other["uuid"], "text": "de la troisième"}
    )
    second = tmp_path / "second.essnotes"
    second.write_bytes(mc.archive(payload))
    preview = preview_import(store, second)
    assert [(t.action, t.local_name) for t in preview.territories] == [
        ("restore", "Creuse"),
        ("create", "creuse (importé)"),
    ]
    apply_import(store, preview)
    assert sorted(t.name for t in store.territories()) == ["Creuse", "creuse (importé)"]
    assert store.get_note("scheme:dla", other["uuid"]).text == "de la troisième"  # type: ignore[union-attr]

    # "Create a new profile" for a territory unknown here keeps the file's uuid.
    fresh = {**other, "uuid": "88888888-8888-4888-8888-888888888888", "name": "Lot"}
    payload = mc.valid_payload()
    payload["territories"] = [fresh]
    payload["notes"] = []
    payload["statuses"] = []
    third = tmp_path / "third.essnotes"
    third.write_bytes(mc.archive(payload))
    (plan,) = preview_import(store, third, mapping={fresh["uuid"]: None}).territories
    assert (plan.action, plan.local_uuid, plan.local_name) == ("create", fresh["uuid"], "Lot")


def test_a_territory_name_with_a_nul_is_refused_clearly(store: NotesStore) -> None:
    """Found by test_every_export_imports_back: SQLite's trim() stops at NUL, so the CHECK on
    the name failed and the store said the name was taken."""
    with pytest.raises(NotesInputError, match="caractère invalide"):
        store.add_territory("Creuse\x00")


# -- who wrote it ------------------------------------------------------------------------------


def _exported_authors(path: Path) -> dict[str, str]:
    """Entry key → the ``author`` an exchange file gives its note."""
    return {n.entry_key: n.author for n in read_exchange_file(path).notes}


def test_who_wrote_a_note_travels_with_it(
    pair: tuple[NotesStore, NotesStore], clock: Clock, tmp_path: Path
) -> None:
    """Issue 12: the initials belong to the person at each laptop, not to the territory: a
    colleague's edits imported from her laptop came back « par AB », my own initials,
    because her copy of my territory had my initials."""
    a, b = pair
    a.set_author_initials("AB")
    b.set_author_initials("EF")
    creuse_a = a.add_territory("Creuse", ["ZRR"], initials="AB")
    a.save_note("scheme:dla", creuse_a, "Écrit par AB.")
    a.save_note("scheme:crte", creuse_a, "Aussi par AB.")
    first = export_notes(a, tmp_path / "a.essnotes").path
    assert _exported_authors(first) == {"scheme:dla": "AB", "scheme:crte": "AB"}

    # B imports the territory as it is (its initials say AB): the notes stay AB's.
    apply_import(b, preview_import(b, first, KNOWN))
    dla = b.get_note("scheme:dla", creuse_a.uuid)
    assert dla is not None and dla.author == "AB"
    clock.advance(minutes=2)
    b.save_note("scheme:crte", creuse_a.uuid, "Complété par EF.")
    crte = b.get_note("scheme:crte", creuse_a.uuid)
    assert crte is not None and crte.author == "EF"  # the person at laptop B
    b.save_note("scheme:dla", creuse_a.uuid, "Écrit par AB.", entry_title="DLA")
    dla = b.get_note("scheme:dla", creuse_a.uuid)
    assert dla is not None and dla.author == "AB"  # same text, a new title: still AB's

    # Re-exported by B: each note and each version says who wrote it.
    second = export_notes(b, tmp_path / "b.essnotes").path
    assert _exported_authors(second) == {"scheme:dla": "AB", "scheme:crte": "EF"}
    (crte_in,) = [n for n in read_exchange_file(second).notes if n.entry_key == "scheme:crte"]
    assert [author for _digest, author in crte_in.versions] == ["EF", "AB"]

    # Back in A, the fast-forwarded note says EF wrote it, and so does its history.
    clock.advance(minutes=2)
    import_file(a, second)
    crte_a = a.get_note("scheme:crte", creuse_a)
    assert crte_a is not None and (crte_a.text, crte_a.author) == ("Complété par EF.", "EF")
    assert [(v.text, v.author) for v in a.history(crte_a.uuid)] == [
        ("Complété par EF.", "EF"),
        ("Aussi par AB.", "AB"),
    ]


@pytest.mark.parametrize(
    ("keep", "merged", "author"),
    [
        ("local", None, "MB"),
        ("incoming", None, "XY"),
        ("both", None, "MB"),
        (None, "à la main", "MB"),
    ],
)
def test_a_settled_conflict_says_who_wrote_the_kept_text(
    store: NotesStore,
    clock: Clock,
    tmp_path: Path,
    keep: str | None,
    merged: str | None,
    author: str,
) -> None:
    other = _open(tmp_path / "other", clock)
    with other:
        other.set_author_initials("XY")
        t = other.add_territory("Creuse", initials="MB")
        other.save_note("scheme:dla", t, "importée")
        path = export_notes(other, tmp_path / "other.essnotes").path
    store.set_author_initials("MB")
    t = store.add_territory("Creuse")
    store.save_note("scheme:dla", t, "locale")
    import_file(store, path)
    (copy,) = store.conflicts("scheme:dla", t)
    assert copy.author == "XY"
    clock.advance(minutes=2)
    assert store.resolve_conflict(copy.uuid, keep, merged_text=merged).author == author


# -- the trash emptied ---------------------------------------------------------------------------


def test_a_settled_conflict_stays_settled_once_the_trash_is_emptied(
    store: NotesStore, clock: Clock, tmp_path: Path
) -> None:
    t, _note, copy_uuid = _conflict(store, clock, tmp_path)
    store.resolve_conflict(copy_uuid, "local")
    clock.advance(days=31)
    store.set_status("scheme:temoin", t, "contacte")  # used at the new date (issue 11's trash)
    assert store.purge_trash() == 1
    assert store.trash() == []
    before = dump(store)
    again = preview_import(store, tmp_path / "other.essnotes", KNOWN)
    assert (again.counts.identical, again.counts.conflicting, again.counts.new) == (1, 0, 0)
    assert import_file(store, tmp_path / "other.essnotes").backup is None
    assert dump(store) == before
    assert store.conflicts("scheme:dla", t) == []


def test_a_deleted_note_does_not_come_back_once_the_trash_is_emptied(
    pair: tuple[NotesStore, NotesStore], clock: Clock, tmp_path: Path
) -> None:
    a, b = pair
    creuse = a.add_territory("Creuse")
    a.save_note("scheme:dla", creuse, "Premier jet")
    clock.advance(minutes=5)
    a.save_note("scheme:dla", creuse, "À supprimer")
    old = export_notes(a, tmp_path / "old.essnotes").path
    assert import_file(b, old).counts.new == 1
    (t_b,) = b.territories()
    note = b.get_note("scheme:dla", t_b)
    assert note is not None
    b.delete_note(note.uuid)
    clock.advance(days=31)
    b.set_status("scheme:temoin", t_b, "contacte")  # used at the new date (issue 11's trash)
    assert b.purge_trash() == 1
    assert b.get_note("scheme:dla", t_b) is None
    assert import_file(b, old).backup is None  # known: not resurrected
    assert b.get_note("scheme:dla", t_b) is None
    # A new text from the same colleague is still welcome.
    clock.advance(minutes=5)
    a.save_note("scheme:dla", creuse, "Nouvelle information")
    assert import_file(b, export_notes(a, tmp_path / "new.essnotes").path).counts.new == 1


# -- look-alike territory names (issue 11, #13) ---------------------------------------------


def test_look_alike_territory_names_are_one_name(
    pair: tuple[NotesStore, NotesStore], tmp_path: Path
) -> None:
    """NFD « Corrèze » and a zero-width space in « Creuse » make no second profile, whether
    typed here or imported; ``Correze`` still finds « Corrèze »."""
    a, b = pair
    nfd = "Corre\u0300ze"
    correze = a.add_territory(nfd)
    assert correze.name == "Corrèze" and len(correze.name) == 7  # stored NFC
    creuse = a.add_territory("Cre\u200buse\ufeff")
    assert creuse.name == "Creuse"
    for twin in ("Corrèze", "Cre\u2060use", "CREUSE\u00ad"):
        with pytest.raises(NotesInputError, match="s'appelle déjà"):
            a.add_territory(twin)
    assert a.territory_by_name("Correze").uuid == correze.uuid
    assert a.territory_by_name("corre\u0300ze").uuid == correze.uuid
    assert a.territory_by_name("Cre\u200buse").uuid == creuse.uuid

    # Another laptop whose profiles were made before names were cleaned, or by hand.
    a.save_note("scheme:dla", correze, "note de A")
    path = export_notes(a, tmp_path / "a.essnotes").path
    b.add_territory("Corrèze")
    b.add_territory("Creuse")
    payload_names = [t.name for t in read_exchange_file(path).territories]
    assert sorted(payload_names) == ["Corrèze", "Creuse"]
    raw = json.loads(zipfile.ZipFile(path).read(PAYLOAD))
    raw["territories"][0]["name"] = "Corre\u0300ze\u200b"  # as a hostile or old file may say
    body = json.dumps(raw).encode()
    hand = tmp_path / "hand.essnotes"
    hand.write_bytes(_reseal(path, body))
    plans = {t.incoming.name: t for t in preview_import(b, hand).territories}
    assert plans["Corrèze"].action == "map" and plans["Corrèze"].by_name
    assert plans["Creuse"].action == "map"
    assert len(b.territories()) == 2


def _reseal(path: Path, body: bytes) -> bytes:
    """The archive at ``path`` with ``body`` as its notes.json, the manifest vouching for it."""
    import hashlib
    import io

    manifest = json.loads(zipfile.ZipFile(path).read(MANIFEST))
    manifest["payload"].update(size=len(body), sha256=hashlib.sha256(body).hexdigest())
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST, json.dumps(manifest))
        archive.writestr(PAYLOAD, body)
    return out.getvalue()
