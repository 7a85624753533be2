"""Team sync against a real PostgreSQL: sharing, the exchange file's merge rules over the
server, and the engine's guarantees (idempotent pushes, clocks, backups, convergence)."""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Callable

import pytest
from pgcluster import TeamServer
from sqlalchemy import text
from teamkit import Laptop, content_hash, shared_creuse

from essdesk.team import sync

NewLaptop = Callable[..., Laptop]


def _server_rows(ts: TeamServer) -> int:
    engine = ts.admin()
    try:
        with engine.connect() as conn:
            return int(conn.execute(text("SELECT count(*) FROM essdesk.changes")).scalar_one())
    finally:
        engine.dispose()


def test_a_shared_territory_reaches_a_new_member_with_notes_statuses_and_authors(
    new_laptop: NewLaptop,
) -> None:
    a = new_laptop("alice")
    creuse = shared_creuse(a)
    a.store.save_note("scheme:dla", creuse, "Appeler le DLA", entry_title="DLA")
    a.store.set_status("scheme:dla", creuse, "contacte", "2024-06-01", "Mme Martin")
    a.store.add_territory("Privé")  # not shared: stays on this laptop
    first = a.sync()
    assert first.pushed == 3 and first.pending == 0

    b = new_laptop("bruno")
    got = b.sync()
    assert got.pulled >= 3 and got.conflicts == 0 and got.pending == 0
    assert [t.name for t in b.store.territories()] == ["Creuse"]
    assert b.store.territories()[0].uuid == creuse.uuid  # the same profile, not a copy
    note = b.store.get_note("scheme:dla", creuse.uuid)
    assert note is not None and note.text == "Appeler le DLA" and note.entry_title == "DLA"
    assert note.author == "alice"  # who wrote it travels with it
    status = b.store.status("scheme:dla", creuse.uuid)
    assert status is not None and (status.status, status.date, status.contact) == (
        "contacte",
        "2024-06-01",
        "Mme Martin",
    )
    assert a.sync().pulled == 0  # its own changes coming back change nothing


def test_an_edit_fast_forwards_and_deletions_travel_as_trash(new_laptop: NewLaptop) -> None:
    a, b = new_laptop("alice"), new_laptop("bruno")
    creuse = shared_creuse(a)
    a.store.save_note("scheme:dla", creuse, "v1")
    a.store.save_note("scheme:crte", creuse, "à supprimer")
    a.sync()
    b.sync()
    b.clock.advance(minutes=5)
    b.store.save_note("scheme:dla", creuse.uuid, "v2 par Bruno")
    doomed = b.store.get_note("scheme:crte", creuse.uuid)
    assert doomed is not None
    b.store.delete_note(doomed.uuid)
    b.sync()
    result = a.sync()
    assert result.conflicts == 0
    note = a.store.get_note("scheme:dla", creuse)
    assert note is not None and note.text == "v2 par Bruno"
    assert [v.text for v in a.store.history(note.uuid)][-1] == "v1"  # the old text is kept
    assert a.store.get_note("scheme:crte", creuse) is None
    trashed = [n for n in a.store.trash() if n.entry_key == "scheme:crte"]
    assert len(trashed) == 1  # in the trash, restorable
    assert a.store.restore_from_trash(trashed[0].uuid).text == "à supprimer"


def test_a_note_edited_on_both_sides_becomes_one_conflict_on_each(new_laptop: NewLaptop) -> None:
    a, b = new_laptop("alice"), new_laptop("bruno")
    creuse = shared_creuse(a)
    a.store.save_note("scheme:dla", creuse, "base")
    a.sync()
    b.sync()
    a.clock.advance(minutes=5)
    b.clock.advance(minutes=5)
    a.store.save_note("scheme:dla", creuse, "version d'Alice")
    b.store.save_note("scheme:dla", creuse.uuid, "version de Bruno")
    assert a.sync().conflicts == 0
    assert b.sync().conflicts == 1
    assert a.sync().conflicts == 1
    for laptop in (a, b, a, b):  # more syncs add nothing
        assert laptop.sync().conflicts == 0
    for laptop, mine, theirs in ((a, "version d'Alice", "version de Bruno"),
                                 (b, "version de Bruno", "version d'Alice")):  # fmt: skip
        note = laptop.store.get_note("scheme:dla", creuse.uuid)
        assert note is not None and note.text == mine
        copies = laptop.store.conflicts("scheme:dla", creuse.uuid)
        assert [c.text for c in copies] == [theirs]  # shown once, not once per sync
    assert content_hash(a.store) == content_hash(b.store)


def test_a_pull_marks_each_note_it_wrote_as_received_with_its_final_text(
    new_laptop: NewLaptop,
) -> None:
    """A pull records what it wrote as received (not pending) with the note's token and the
    digest of the text it ends with: notes new here are marked without being read back (a
    first sync's 10,000), even one that arrives, then arrives again edited, in one pull."""
    a, b = new_laptop("alice"), new_laptop("bruno")
    creuse = shared_creuse(a)
    edits = [
        {"scheme:dla": "v1", "scheme:crte": "base"},
        {"scheme:crte": "base complétée", "scheme:pia": "première idée"},  # crte known on b
        {"scheme:pia": "première idée, précisée"},  # new on b, then edited: in one pull
    ]
    for step, texts in enumerate(edits):
        for key, body in texts.items():
            a.store.save_note(key, creuse, body)
        a.sync()
        a.clock.advance(minutes=5)
        if step == 0:
            b.sync()
    pulled = b.sync()
    assert pulled.pulled == 3 and pulled.pending == 0
    with b.store.reading() as reader:
        marks = reader.bookkeeping(
            f"SELECT n.text, {sync._NOTE_TOKEN_SQL} AS token, s.token AS sent_token, "
            "s.digests FROM notes n JOIN team_sent s ON s.note_uuid = n.uuid"
        ).all()
    assert sorted(m.text for m in marks) == ["base complétée", "première idée, précisée", "v1"]
    for mark in marks:
        assert mark.sent_token == mark.token
        assert mark.digests.split()[-1] == hashlib.sha256(mark.text.encode()).hexdigest()
    assert len(next(m for m in marks if m.text == "base complétée").digests.split()) == 2


def test_a_version_pushed_twice_is_stored_once(
    new_laptop: NewLaptop, team_server: TeamServer
) -> None:
    """The server commits, then the laptop cannot record it (its file is locked): the next
    sync sends the same changes again and the server keeps one copy."""
    a = new_laptop("alice")
    creuse = shared_creuse(a)
    a.store.save_note("scheme:dla", creuse, "une fois")
    a.sync_unrecorded()
    stored = _server_rows(team_server)
    assert stored == 2  # the territory and the note
    assert sync.pending_count(a.store) == 2
    again = a.sync()
    assert again.pushed == 0 and again.pending == 0
    assert _server_rows(team_server) == stored


def test_clock_skew_neither_reorders_nor_loses_edits(new_laptop: NewLaptop) -> None:
    """Bruno's clock is three hours late: his later edit and status still come after."""
    a, b = new_laptop("alice"), new_laptop("bruno")
    b.clock.advance(hours=-3)
    creuse = shared_creuse(a)
    a.store.save_note("scheme:dla", creuse, "écrit par Alice à 9 h")
    a.store.set_status("scheme:dla", creuse, "contacte")
    a.sync()
    b.sync()
    b.store.save_note("scheme:dla", creuse.uuid, "corrigé ensuite par Bruno (horloge à 6 h)")
    b.store.set_status("scheme:dla", creuse.uuid, "mobilise")
    b.sync()
    result = a.sync()
    assert result.conflicts == 0
    note = a.store.get_note("scheme:dla", creuse)
    assert note is not None and note.text.startswith("corrigé ensuite par Bruno")
    status = a.store.status("scheme:dla", creuse)
    assert status is not None and status.status == "mobilise"  # later, though "older"
    a.clock.advance(minutes=1)
    a.store.set_status("scheme:dla", creuse, "en-cours")  # and Alice's next change wins again
    a.sync()
    b.sync()
    status = b.store.status("scheme:dla", creuse.uuid)
    assert status is not None and status.status == "en-cours"
    assert content_hash(a.store) == content_hash(b.store)


def test_a_laptop_restored_from_a_backup_neither_duplicates_nor_resurrects(
    new_laptop: NewLaptop,
) -> None:
    a, b = new_laptop("alice"), new_laptop("bruno")
    creuse = shared_creuse(a)
    a.store.save_note("scheme:dla", creuse, "texte 1")
    a.store.save_note("scheme:crte", creuse, "sera supprimé")
    a.sync()
    backup = a.store.make_backup("test")
    a.clock.advance(minutes=5)
    a.store.save_note("scheme:dla", creuse, "texte 2")
    crte = a.store.get_note("scheme:crte", creuse)
    assert crte is not None
    a.store.delete_note(crte.uuid)
    a.sync()
    a.store.restore_backup(backup)  # the laptop goes back in time (cursor included)
    assert a.store.get_note("scheme:crte", creuse) is not None
    result = a.sync()
    assert result.conflicts == 0
    assert a.store.get_note("scheme:crte", creuse) is None  # not resurrected
    live = a.store.all_notes()
    assert [n.text for n in live] == ["texte 2"]  # not duplicated
    b.sync()
    assert content_hash(a.store) == content_hash(b.store)
    assert b.store.get_note("scheme:crte", creuse.uuid) is None


def test_a_laptop_back_after_months_with_a_purged_trash(new_laptop: NewLaptop) -> None:
    a, b = new_laptop("alice"), new_laptop("bruno")
    creuse = shared_creuse(a)
    a.store.save_note("scheme:dla", creuse, "ancien texte")
    a.sync()
    b.sync()
    b.clock.advance(days=1)
    old = b.store.get_note("scheme:dla", creuse.uuid)
    assert old is not None
    b.store.delete_note(old.uuid)
    b.clock.advance(days=120)
    # written first: the trash counts its days up to the latest date essdesk has seen
    b.store.save_note("scheme:crte", creuse.uuid, "nouveau")
    assert b.store.purge_trash() == 1  # gone for good on Bruno's laptop
    b.sync()  # four months later: the old text comes back from the server's log
    assert [n.text for n in b.store.all_notes()] == ["nouveau"]  # ...as known: not resurrected
    assert b.store.trash() == []
    a.sync()
    assert [n.text for n in a.store.all_notes()] == ["nouveau"]  # the delete reached Alice
    assert content_hash(a.store) == content_hash(b.store)


@pytest.mark.parametrize("order", list(itertools.permutations("abc")), ids="".join)
def test_three_laptops_converge_in_any_sync_order(new_laptop: NewLaptop, order: tuple) -> None:
    laptops = {"a": new_laptop("alice"), "b": new_laptop("bruno"), "c": new_laptop("chloe")}
    a, b, c = laptops["a"], laptops["b"], laptops["c"]
    creuse = shared_creuse(a)
    for key in ("scheme:dla", "scheme:crte", "actor:france-active", "lever:3"):
        a.store.save_note(key, creuse, f"base {key}")
    a.sync()
    b.sync()
    c.sync()
    for laptop in laptops.values():
        laptop.clock.advance(minutes=10)
    c.clock.advance(hours=-5)  # and one clock is wrong
    tu = creuse.uuid
    a.store.save_note("scheme:dla", tu, "DLA selon Alice")
    b.store.save_note("scheme:dla", tu, "DLA selon Bruno")  # a conflict a/b
    c.store.save_note("scheme:crte", tu, "CRTE selon Chloé")  # a plain edit
    lever = b.store.get_note("lever:3", tu)
    assert lever is not None
    b.store.delete_note(lever.uuid)  # a delete
    fa = c.store.get_note("actor:france-active", tu)
    assert fa is not None
    c.store.delete_note(fa.uuid)  # deleted by Chloé while Alice edits it: the edit stays
    a.store.save_note("actor:france-active", tu, "France Active selon Alice")
    a.store.set_status("scheme:dla", tu, "contacte")
    b.store.set_status("scheme:dla", tu, "mobilise")
    c.store.set_status("scheme:crte", tu, "ecarte")
    c.store.save_note("scheme:pia", tu, "nouvelle note de Chloé")
    for name in order:
        laptops[name].sync()
    for name in order:  # a second round brings everyone what the others pushed after them
        laptops[name].sync()
    hashes = {name: content_hash(laptop.store) for name, laptop in laptops.items()}
    assert len(set(hashes.values())) == 1, hashes
    texts = sorted(n.text for n in a.store.all_notes())
    assert texts == sorted(
        [
            "DLA selon Alice",
            "DLA selon Bruno",
            "CRTE selon Chloé",
            "France Active selon Alice",
            "nouvelle note de Chloé",
        ]
    )
    for laptop in laptops.values():
        assert len(laptop.store.conflicts("scheme:dla", tu)) == 1
        # Alice's and Bruno's follow-ups: one is the follow-up, the other kept beside it
        followed = laptop.store.status("scheme:dla", tu)
        held = laptop.store.status_conflicts(tu, "scheme:dla")
        assert followed is not None and len(held) == 1
        assert {followed.status, held[0].status} == {"contacte", "mobilise"}
        assert laptop.sync().pending == 0


def test_a_read_only_member_pulls_and_keeps_its_changes_local(new_laptop: NewLaptop) -> None:
    a, d = new_laptop("alice"), new_laptop("denis")
    creuse = shared_creuse(a)
    a.store.save_note("scheme:dla", creuse, "de l'équipe")
    a.sync()
    d.sync()
    assert sync.link(d.store).read_only  # type: ignore[union-attr]
    d.store.save_note("scheme:dla", creuse.uuid, "note du partenaire")
    result = d.sync()
    assert result.pushed == 0
    a.sync()
    note = a.store.get_note("scheme:dla", creuse)
    assert note is not None and note.text == "de l'équipe"


def test_a_server_restored_to_an_earlier_state_gets_everything_again(
    new_laptop: NewLaptop, team_server: TeamServer
) -> None:
    """A failover to a replica that lagged, or a pg_dump restored: the team's counter is
    behind this laptop's cursor. The laptop sends everything again (stored once) and reads
    the log from the start."""
    a = new_laptop("alice")
    creuse = shared_creuse(a)
    a.store.save_note("scheme:dla", creuse, "avant la panne")
    a.sync()
    engine = team_server.admin()
    with engine.begin() as conn:  # the server loses everything of this team
        conn.execute(text("DELETE FROM essdesk.changes"))
        conn.execute(text("UPDATE essdesk.teams SET last_seq = 0"))
    engine.dispose()
    a.clock.advance(minutes=2)
    a.sync()  # notices, and queues everything again
    assert a.sync().pushed == 2
    b = new_laptop("bruno")
    b.sync()
    note = b.store.get_note("scheme:dla", creuse.uuid)
    assert note is not None and note.text == "avant la panne"


def test_membership_is_checked_at_connect(tmp_path, team_server: TeamServer) -> None:  # type: ignore[no-untyped-def]
    from essdesk.team.errors import TeamError

    laptop = Laptop(tmp_path / "eve")
    with pytest.raises(TeamError) as caught:
        sync.connect(laptop.store, team_server.url("eve"), "Équipe A")
    assert "pas membre" in caught.value.message
    assert sync.link(laptop.store) is None
    laptop.store.close()


def test_a_conflict_copy_follows_its_authors_later_edits(new_laptop: NewLaptop) -> None:
    """Alice and Bruno conflict; Alice edits her version again. Bruno's copy of Alice's text
    becomes her new text (not a second, stale copy), so every laptop shows the same two."""
    a, b, c = new_laptop("alice"), new_laptop("bruno"), new_laptop("chloe")
    creuse = shared_creuse(a)
    a.store.save_note("scheme:dla", creuse, "base")
    for laptop in (a, b, c):
        laptop.sync()
        laptop.clock.advance(minutes=5)
    a.store.save_note("scheme:dla", creuse, "Alice 1")
    b.store.save_note("scheme:dla", creuse.uuid, "Bruno 1")
    for laptop in (a, b, c, a):
        laptop.sync()
    a.clock.advance(minutes=5)
    a.store.save_note("scheme:dla", creuse, "Alice 2")
    for laptop in (a, b, c, a, b, c):
        laptop.sync()
    for laptop in (a, b, c):
        texts = sorted(n.text for n in laptop.store.all_notes())
        assert texts == ["Alice 2", "Bruno 1"], texts
    assert len({content_hash(x.store) for x in (a, b, c)}) == 1


def _conflict_on_both(new_laptop: NewLaptop) -> tuple[Laptop, Laptop, str]:
    """Alice and Bruno each edited the shared note offline: one conflict on each laptop."""
    a, b = new_laptop("alice"), new_laptop("bruno")
    creuse = shared_creuse(a)
    a.store.save_note("scheme:dla", creuse, "base")
    a.sync()
    b.sync()
    for laptop, text_ in ((a, "version d'Alice"), (b, "version de Bruno")):
        laptop.clock.advance(minutes=5)
        laptop.store.save_note("scheme:dla", creuse.uuid, text_)
    a.sync()
    b.sync()
    a.sync()
    assert len(a.store.conflicts("scheme:dla", creuse.uuid)) == 1
    assert len(b.store.conflicts("scheme:dla", creuse.uuid)) == 1
    return a, b, creuse.uuid


@pytest.mark.parametrize(
    "keep, expected",
    [
        ("local", "version d'Alice"),
        ("incoming", "version de Bruno"),
        ("both", "version d'Alice\n\n— autre version —\n\nversion de Bruno"),
    ],
)
def test_a_conflict_resolved_on_one_laptop_is_resolved_on_the_other(
    new_laptop: NewLaptop, keep: str, expected: str
) -> None:
    """Alice settles the conflict (keeps hers, Bruno's, or both): after the syncs, Bruno's
    laptop shows the same single note, without the conflict copy (in his trash)."""
    a, b, creuse = _conflict_on_both(new_laptop)
    a.clock.advance(minutes=5)
    (copy,) = a.store.conflicts("scheme:dla", creuse)
    a.store.resolve_conflict(copy.uuid, keep)
    a.sync()
    b.sync()
    for laptop in (a, b):
        note = laptop.store.get_note("scheme:dla", creuse)
        assert note is not None and note.text == expected
        assert laptop.store.conflicts("scheme:dla", creuse) == []
    assert any(n.entry_key == "scheme:dla" for n in b.store.trash())  # restorable there too
    for laptop in (a, b, a, b):  # settled for good: nothing comes back
        result = laptop.sync()
        assert (result.pulled, result.conflicts) == (0, 0)
    assert content_hash(a.store) == content_hash(b.store)


def test_a_note_restored_from_the_trash_comes_back_on_the_other_laptop(
    new_laptop: NewLaptop,
) -> None:
    """Deleted on one laptop, restored there: the other laptop gets it back too; deleted and
    restored again the other way round (the same text each time), it still travels."""
    a, b = new_laptop("alice"), new_laptop("bruno")
    creuse = shared_creuse(a)
    kept = a.store.save_note("scheme:dla", creuse, "à garder")
    a.sync()
    b.sync()
    for first, other in ((a, b), (b, a)):
        first.clock.advance(minutes=5)
        first.store.delete_note(kept.uuid)
        first.sync()
        other.sync()
        assert other.store.get_note("scheme:dla", creuse.uuid) is None  # in its trash
        first.clock.advance(minutes=5)
        first.store.restore_from_trash(kept.uuid)
        first.sync()
        other.sync()
        for laptop in (a, b):
            note = laptop.store.get_note("scheme:dla", creuse.uuid)
            assert note is not None and (note.uuid, note.text) == (kept.uuid, "à garder")
    assert content_hash(a.store) == content_hash(b.store)
