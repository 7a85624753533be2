"""Local entries in the notes database: validation before any write, history, trash,
all-or-nothing batches, and links to vanished keys kept (real SQLite files)."""

from __future__ import annotations

from pathlib import Path

import pytest
from testkit import sql_dump

from essdesk import paths
from essdesk.local.catalogue import TerritoryCatalogue
from essdesk.notes import NotesInputError, NotesStore, Territory
from essdesk.notes.local_entries import LocalContent, LocalRelation, check_content, is_local_key


def _actor(title: str = "Ressourcerie du Haut-Bugey", **more: object) -> LocalContent:
    values: dict[str, object] = {"kind": "actor", "title": title, "subtype": "Association"}
    values.update(more)
    return LocalContent(**values)  # type: ignore[arg-type]


def test_added_entry_has_a_stable_local_key_and_who_added_it(
    store: NotesStore, bugey: Territory, catalogue: TerritoryCatalogue
) -> None:
    entry = store.add_local_entry(bugey, _actor(aliases=("RHB", "rhb", " ")), catalogue.title)
    assert is_local_key(entry.key) and entry.key == "local:" + entry.uuid
    assert entry.added_for == "ajouté pour CC du Haut-Bugey par AB"
    assert entry.content.subtype == "association"  # the label is read as its key
    assert entry.content.aliases == ("RHB", "rhb")


def test_an_entry_is_signed_by_the_person_at_this_laptop(
    store: NotesStore, bugey: Territory, catalogue: TerritoryCatalogue
) -> None:
    """Issue 12: the person's initials, once she gave them, not the territory's."""
    store.set_author_initials("CL")
    entry = store.add_local_entry(bugey, _actor(), catalogue.title)
    assert entry.added_for == "ajouté pour CC du Haut-Bugey par CL"
    assert store.local_entry(entry.key) == entry
    assert store.local_entries(bugey) == [entry]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"title": "   "}, "titre ne peut pas être vide"),
        ({"subtype": "Ressourcerie"}, "Type d'acteur inconnu"),
        ({"levers": ("9",)}, "Levier introuvable"),
        ({"tools": ("3.9",)}, "Outil introuvable"),
        ({"relations": (LocalRelation("supported_by", "scheme:nope"),)}, "Fiche liée introuvable"),
        ({"links": ("javascript:alert(1)",)}, "Lien refusé"),
        ({"links": ("file:///etc/passwd",)}, "Lien refusé"),
        ({"kind": "person"}, "Genre inconnu"),
        ({"territory_types": ("Lune",)}, "Type de territoire inconnu"),
        ({"text": "x" * 20_001}, "trop long"),
    ],
)
def test_bad_content_is_refused_and_nothing_is_written(
    store: NotesStore,
    bugey: Territory,
    catalogue: TerritoryCatalogue,
    change: dict[str, object],
    message: str,
) -> None:
    before = sql_dump(paths.notes_path())
    with pytest.raises(NotesInputError, match=message):
        store.add_local_entry(bugey, _actor(**change), catalogue.title)
    assert sql_dump(paths.notes_path()) == before


def test_a_batch_is_all_or_nothing(
    store: NotesStore, bugey: Territory, catalogue: TerritoryCatalogue
) -> None:
    with pytest.raises(NotesInputError):
        store.add_local_entries(bugey, [_actor("Bon"), _actor(" ")], catalogue.title)
    assert store.local_entries(bugey) == []
    added = store.add_local_entries(bugey, [_actor("Un"), _actor("Deux")], catalogue.title)
    assert [e.title for e in store.local_entries(bugey)] == ["Deux", "Un"]
    assert len({e.key for e in added}) == 2


def test_edit_keeps_history_and_restoring_a_version_is_a_new_version(
    store: NotesStore, bugey: Territory, catalogue: TerritoryCatalogue
) -> None:
    entry = store.add_local_entry(bugey, _actor(summary="v1"), catalogue.title)
    store.update_local_entry(entry.key, _actor(summary="v2"), catalogue.title)
    same = store.update_local_entry(entry.key, _actor(summary="v2"), catalogue.title)
    history = store.local_history(entry.key)
    assert [v.content.summary for v in history] == ["v2", "v1"]  # an unchanged save adds none
    assert same.content.summary == "v2"
    assert store.local_entry(entry.key).added_for.endswith("par AB")  # type: ignore[union-attr]
    restored = store.restore_local_version(history[1].id)
    assert restored.content.summary == "v1"
    assert [v.content.summary for v in store.local_history(entry.key)] == ["v1", "v2", "v1"]


def test_delete_sends_to_trash_and_restore_brings_it_back_with_its_notes(
    store: NotesStore, bugey: Territory, catalogue: TerritoryCatalogue
) -> None:
    entry = store.add_local_entry(bugey, _actor(), catalogue.title)
    note = store.save_note(entry.key, bugey, "Rencontrés le 12", entry_title=entry.title)
    store.delete_local_entry(entry.key)
    assert store.local_entries(bugey) == []
    assert [e.key for e in store.local_trash()] == [entry.key]
    with pytest.raises(NotesInputError, match="corbeille"):
        store.update_local_entry(entry.key, _actor(summary="x"), catalogue.title)
    assert store.get_note(entry.key, bugey) == note  # notes hang on the key, untouched
    store.restore_local_entry(entry.key)
    assert [e.key for e in store.local_entries(bugey)] == [entry.key]


def test_a_link_to_a_key_that_vanished_is_kept_through_edits(
    store: NotesStore, bugey: Territory, catalogue: TerritoryCatalogue
) -> None:
    """A catalogue upgrade may drop a key: the link stays, with the title it had."""
    linked = store.add_local_entry(bugey, _actor("Cible"), catalogue.title)
    catalogue.set_local(store.local_entries(bugey))
    entry = store.add_local_entry(
        bugey,
        _actor(relations=(LocalRelation("partner_of", linked.key),)),
        catalogue.title,
    )
    store.delete_local_entry(linked.key)  # now nothing answers that key
    catalogue.set_local(store.local_entries(bugey))
    assert catalogue.title(linked.key) is None
    edited = store.update_local_entry(
        entry.key, _actor(summary="modifié", relations=entry.content.relations), catalogue.title
    )
    assert edited.content.relations == (LocalRelation("partner_of", linked.key, "Cible"),)
    shown = catalogue.entry(entry.key)
    assert shown is not None
    assert [r.title for r in shown.related if r.outgoing] == [
        "« Cible » — n'existe plus dans le catalogue"
    ]


def test_entries_are_scoped_by_territory_and_leave_with_a_deleted_profile(
    store: NotesStore, bugey: Territory, catalogue: TerritoryCatalogue
) -> None:
    other = store.add_territory("Creuse")
    store.add_local_entry(bugey, _actor("Ici"), catalogue.title)
    store.add_local_entry(other, _actor("Là-bas"), catalogue.title)
    assert [e.title for e in store.local_entries(bugey)] == ["Ici"]
    assert [e.title for e in store.local_entries()] == ["Ici", "Là-bas"]
    store.delete_territory(other)
    assert [e.title for e in store.local_entries()] == ["Ici"]


def test_the_catalogue_file_is_never_written(
    store: NotesStore, bugey: Territory, catalogue: TerritoryCatalogue
) -> None:
    path = paths.catalogue_path()
    before = Path(path).read_bytes()
    store.add_local_entry(bugey, _actor(levers=("3",)), catalogue.title)
    catalogue.set_local(store.local_entries(bugey))
    assert catalogue.search("ressourcerie")
    assert Path(path).read_bytes() == before


def test_control_characters_never_reach_the_database(
    store: NotesStore, bugey: Territory, catalogue: TerritoryCatalogue
) -> None:
    entry = store.add_local_entry(
        bugey, _actor("\x1b[31mRouge\x07", text="ligne 1\nligne\t2\x9b"), catalogue.title
    )
    assert entry.title == "[31mRouge" and entry.content.text == "ligne 1\nligne\t2"


def test_local_entries_are_written_through_the_one_unit_of_work(
    store: NotesStore, bugey: Territory, catalogue: TerritoryCatalogue
) -> None:
    """A local entry and a note written in one ``store.writing()`` commit together or not at
    all (issue 10: local entries had their own transactions beside the notes writer)."""
    before = sql_dump(store.path)
    content = check_content(_actor(), catalogue.title)
    with pytest.raises(RuntimeError), store.writing() as w:
        entry = w.add_local_entries(bugey.uuid, [content])[0]
        w.save_note(entry.key, bugey.uuid, "Rencontrés le 12", entry.title)
        raise RuntimeError("the caller fails after both writes")
    assert sql_dump(store.path) == before
    with store.writing() as w:
        entry = w.add_local_entries(bugey.uuid, [content])[0]
        w.save_note(entry.key, bugey.uuid, "Rencontrés le 12", entry.title)
    assert [e.key for e in store.local_entries(bugey)] == [entry.key]
    assert store.get_note(entry.key, bugey) is not None
    source = (Path(__file__).parents[2] / "essdesk/notes/local_entries.py").read_text()
    assert "_write(" not in source and "_read(" not in source
