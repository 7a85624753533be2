"""Follow-ups (status, date, contact) over the team server: the exchange file's merge rule
(:mod:`essdesk.notes.status_merge`) in the log's order — both values kept when both laptops
changed one, a choice made on one laptop settling the others, a removal never beating a
change made meanwhile."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pgcluster import TeamServer
from teamkit import Laptop, content_hash, shared_creuse

from essdesk.team import sync

NewLaptop = Callable[..., Laptop]


def _both_follow_the_dla(new_laptop: NewLaptop) -> tuple[Laptop, Laptop, str]:
    """Alice and Bruno share Creuse, whose DLA both see « contacté »; (alice, bruno, uuid)."""
    a, b = new_laptop("alice"), new_laptop("bruno")
    creuse = shared_creuse(a)
    a.store.set_status("scheme:dla", creuse, "contacte")
    a.sync()
    b.sync()
    return a, b, creuse.uuid


def _both_kept(*sides: tuple[Laptop, str, str]) -> None:
    """On each (laptop, own, other): its own value is the DLA's follow-up, the other's kept
    beside it in conflict."""
    for laptop, own, other in sides:
        tu = laptop.store.territories()[0].uuid
        followed = laptop.store.status("scheme:dla", tu)
        assert followed is not None and followed.status == own, laptop.folder.name
        assert [h.status for h in laptop.store.status_conflicts(tu, "scheme:dla")] == [other]


@pytest.mark.parametrize("keep", ["local", "incoming"])
def test_a_follow_up_changed_on_two_laptops_is_kept_both_ways_then_settled_everywhere(
    new_laptop: NewLaptop, keep: str
) -> None:
    """The exchange file's rule over the server: changed on both sides → both kept (never the
    later clock winning), shown once on each laptop; the choice made on one laptop travels."""
    a, b, c = new_laptop("alice"), new_laptop("bruno"), new_laptop("chloe")
    creuse = shared_creuse(a)
    tu = creuse.uuid
    a.store.set_status("scheme:dla", creuse, "contacte", "2024-06-01", "Mme Martin")
    a.sync()
    b.sync()
    c.sync()
    a.clock.advance(hours=2)  # Alice's clock is ahead: it must not decide
    a.store.set_status("scheme:dla", tu, "en-cours", "2024-06-10", "Mme Martin")
    b.store.set_status("scheme:dla", tu, "mobilise", "2024-06-05", "M. Durand")
    assert a.sync().conflicts == 0
    assert b.sync().conflicts == 1  # Alice's value meets Bruno's: both kept
    assert a.sync().conflicts == 1
    assert c.sync().conflicts == 1
    # each laptop keeps its own value as the follow-up, the other beside it (Chloé: the
    # first to arrive); nobody's is lost, whatever the clocks
    _both_kept((a, "en-cours", "mobilise"), (b, "mobilise", "en-cours"),
               (c, "en-cours", "mobilise"))  # fmt: skip
    (bruno_s,) = a.store.status_conflicts(tu, "scheme:dla")
    assert (bruno_s.date, bruno_s.contact, bruno_s.author) == ("2024-06-05", "M. Durand", "bruno")
    assert content_hash(a.store) == content_hash(b.store) == content_hash(c.store)

    conflict = c.store.status_conflicts(tu, "scheme:dla")[0]
    c.clock.advance(minutes=5)
    c.store.resolve_status_conflict(conflict.id, keep)  # Chloé picks, on her laptop
    assert c.sync().pushed == 1
    a.sync()
    b.sync()
    chosen = "en-cours" if keep == "local" else "mobilise"
    for laptop in (a, b, c):
        followed = laptop.store.status("scheme:dla", tu)
        assert followed is not None and followed.status == chosen, laptop.folder.name
        assert laptop.store.status_conflicts(tu, "scheme:dla") == [], laptop.folder.name
        assert laptop.sync().pending == 0
    assert content_hash(a.store) == content_hash(b.store) == content_hash(c.store)


def test_a_follow_up_changed_here_and_not_sent_stays_and_the_other_is_kept_beside(
    new_laptop: NewLaptop,
) -> None:
    a, b, tu = _both_follow_the_dla(new_laptop)
    a.store.set_status("scheme:dla", tu, "mobilise")
    a.sync()
    b.store.set_status("scheme:dla", tu, "ecarte")  # offline: not sent yet
    b.sync()  # pushes ecarte, then pulls mobilise: both kept, ecarte the follow-up
    _both_kept((b, "ecarte", "mobilise"))
    a.sync()
    _both_kept((a, "mobilise", "ecarte"))
    assert content_hash(a.store) == content_hash(b.store)


def test_a_removed_follow_up_never_beats_a_change_made_meanwhile(new_laptop: NewLaptop) -> None:
    a, b = new_laptop("alice"), new_laptop("bruno")
    creuse = shared_creuse(a)
    tu = creuse.uuid
    a.store.set_status("scheme:dla", creuse, "contacte")
    a.store.set_status("scheme:crte", creuse, "contacte")
    a.sync()
    b.sync()
    a.store.set_status("scheme:dla", tu, None)  # Alice removes both follow-ups
    a.store.set_status("scheme:crte", tu, None)
    b.store.set_status("scheme:dla", tu, "mobilise")  # while Bruno moves one on
    b.sync()
    a.sync()  # Alice's removals come after Bruno's change in the log: it still stays
    b.sync()
    for laptop in (a, b):
        followed = laptop.store.status("scheme:dla", tu)
        assert followed is not None and followed.status == "mobilise", laptop.folder.name
        assert laptop.store.status("scheme:crte", tu) is None, laptop.folder.name
    assert content_hash(a.store) == content_hash(b.store)


def test_a_follow_up_pushed_by_an_essdesk_of_before_the_rule_follows_the_log(
    new_laptop: NewLaptop, team_server: TeamServer
) -> None:
    """A change without ``history`` (an essdesk of before the merge rule, still in the log):
    it is taken in the log's order, as then, never turned into a conflict."""
    from essdesk.team import server

    a = new_laptop("alice")
    creuse = shared_creuse(a)
    a.store.set_status("scheme:dla", creuse, "contacte")
    a.sync()
    old = {"entry_key": "scheme:dla", "territory_uuid": creuse.uuid, "status": "mobilise",
           "date": None, "contact": "", "updated": "2024-01-01T00:00:00+00:00"}  # fmt: skip
    engine = server.make_engine(team_server.url("bruno"))
    try:
        with engine.begin() as conn:
            member = server.membership(conn, "Équipe A")
            change = server.Change(sync.change_id("status", "ancien"), "status", creuse.uuid, old)
            server.push_changes(conn, member.team_id, [change])
    finally:
        engine.dispose()
    assert a.sync().conflicts == 0
    followed = a.store.status("scheme:dla", creuse)
    assert followed is not None and followed.status == "mobilise"
    assert a.store.status_conflicts(creuse) == []


def test_a_follow_up_set_back_to_an_earlier_value_is_not_taken_for_the_earlier_one(
    new_laptop: NewLaptop,
) -> None:
    """Bruno puts back « contacté » while Alice, who saw the first « contacté », moves on to
    « en cours »: his return is a setting of its own, not one Alice has seen. Both are kept
    on both laptops instead of his being silently replaced."""
    a, b, tu = _both_follow_the_dla(new_laptop)
    b.store.set_status("scheme:dla", tu, "mobilise")
    b.sync()
    a.sync()
    a.store.set_status("scheme:dla", tu, "en-cours")  # Alice moves on from « mobilisé »…
    b.store.set_status("scheme:dla", tu, "contacte")  # …while Bruno goes back to « contacté »
    a.sync()
    assert b.sync().conflicts == 1
    assert a.sync().conflicts == 1
    _both_kept((a, "en-cours", "contacte"), (b, "contacte", "en-cours"))
    assert content_hash(a.store) == content_hash(b.store)
    # Bruno keeps his: Alice's laptop takes it, the return included
    (held,) = b.store.status_conflicts(tu)
    b.store.resolve_status_conflict(held.id, "local")
    b.sync()
    a.sync()
    for laptop in (a, b):
        followed = laptop.store.status("scheme:dla", tu)
        assert followed is not None and followed.status == "contacte", laptop.folder.name
        assert laptop.store.status_conflicts(tu) == []
    assert content_hash(a.store) == content_hash(b.store)


def test_the_same_follow_up_set_on_two_laptops_is_no_conflict(new_laptop: NewLaptop) -> None:
    a, b, tu = _both_follow_the_dla(new_laptop)
    a.store.set_status("scheme:dla", tu, "mobilise", "2024-06-05", "M. Durand")
    b.store.set_status("scheme:dla", tu, "mobilise", "2024-06-05", "M. Durand")
    assert a.sync().conflicts == 0
    assert b.sync().conflicts == 0
    assert a.sync().conflicts == 0
    assert a.store.status_conflicts(tu) == b.store.status_conflicts(tu) == []
    assert content_hash(a.store) == content_hash(b.store)
