"""Local entries of a shared territory over the team server (issue 15), against a real
PostgreSQL and laptops with their own notes files: the exchange file's rules (additive,
fast-forward, a conflict kept both ways, deletions as trash, a version pushed twice stored
once) and row-level security per team, as for notes."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlalchemy.exc
from pgcluster import TeamServer
from sqlalchemy import text
from teamkit import Laptop
from testkit import Run

from essdesk.notes import NotesStore
from essdesk.notes.local_entries import LocalContent, LocalEntry
from essdesk.team import sync

NewLaptop = Callable[..., Laptop]


def _no_keys(_key: str) -> str | None:
    return None


def _content(summary: str = "Réemploi", title: str = "Ressourcerie du Haut-Bugey") -> LocalContent:
    return LocalContent("actor", title, subtype="association", summary=summary)


def _entries(store: NotesStore) -> list[tuple[str, str]]:
    """What a user sees: the live local entries' titles and summaries (copies included)."""
    return sorted((e.title, e.content.summary) for e in store.local_entries())


def _local_rows(ts: TeamServer) -> list[str]:
    engine = ts.admin()
    try:
        with engine.connect() as conn:
            return list(
                conn.execute(
                    text("SELECT kind FROM essdesk.changes WHERE kind LIKE 'local%' ORDER BY seq")
                ).scalars()
            )
    finally:
        engine.dispose()


def _shared(laptop: Laptop, name: str = "CC du Haut-Bugey"):  # type: ignore[no-untyped-def]
    territory = laptop.store.add_territory(name, ["ZRR"], initials="AB")
    sync.share(laptop.store, territory)
    return territory


def _add(laptop: Laptop, territory, content: LocalContent) -> LocalEntry:  # type: ignore[no-untyped-def]
    return laptop.store.add_local_entry(territory, content, _no_keys)


def test_local_entries_of_a_shared_territory_go_up_and_come_down(
    new_laptop: NewLaptop, team_server: TeamServer
) -> None:
    a, b = new_laptop("alice"), new_laptop("bruno")
    bugey = _shared(a)
    entry = _add(a, bugey, _content())
    private = a.store.add_territory("Privé")
    _add(a, private, _content(title="Reste ici"))  # not shared: stays on this laptop
    assert sync.pending_count(a.store) == 2  # the territory and the entry
    assert a.sync().pushed == 2
    assert _local_rows(team_server) == ["local"]
    assert b.sync().pulled >= 2
    got = b.store.local_entry(entry.key)  # the same key: notes and links hang on it
    assert got is not None and got.content == entry.content
    assert got.author == "AB" and got.territory_uuid == bugey.uuid
    assert _entries(b.store) == [("Ressourcerie du Haut-Bugey", "Réemploi")]
    assert a.sync().pulled == 0 and b.sync().pending == 0  # nothing comes back, nothing waits

    b.clock.advance(minutes=5)
    b.store.update_local_entry(entry.key, _content("Réemploi et atelier vélo"), _no_keys)
    b.sync()
    assert a.sync().conflicts == 0
    edited = a.store.local_entry(entry.key)
    assert edited is not None and edited.content.summary == "Réemploi et atelier vélo"
    assert [v.content.summary for v in a.store.local_history(entry.key)][-1] == "Réemploi"
    assert _entries(a.store) == sorted([*_entries(b.store), ("Reste ici", "Réemploi")])


def test_an_entry_edited_on_both_sides_is_kept_both_ways(new_laptop: NewLaptop) -> None:
    a, b = new_laptop("alice"), new_laptop("bruno")
    bugey = _shared(a)
    entry = _add(a, bugey, _content("base"))
    a.sync()
    b.sync()
    a.store.update_local_entry(entry.key, _content("selon Alice"), _no_keys)
    b.store.update_local_entry(entry.key, _content("selon Bruno"), _no_keys)
    assert a.sync().conflicts == 0
    assert b.sync().conflicts == 1
    assert a.sync().conflicts == 1
    for laptop in (a, b, a, b):  # more syncs add nothing
        assert laptop.sync().conflicts == 0
    both = [
        ("Ressourcerie du Haut-Bugey", "selon Alice"),
        ("Ressourcerie du Haut-Bugey", "selon Bruno"),
    ]
    for laptop, mine in ((a, "selon Alice"), (b, "selon Bruno")):
        assert _entries(laptop.store) == both  # shown once each, not once per sync
        kept = laptop.store.local_entry(entry.key)
        assert kept is not None and kept.content.summary == mine  # ours stays in place


def test_deletions_travel_as_trash_and_never_beat_an_edit(new_laptop: NewLaptop) -> None:
    a, b = new_laptop("alice"), new_laptop("bruno")
    bugey = _shared(a)
    doomed = _add(a, bugey, _content(title="À supprimer"))
    edited = _add(a, bugey, _content(title="Modifiée ailleurs"))
    a.sync()
    b.sync()
    a.store.delete_local_entry(doomed.key)
    a.store.delete_local_entry(edited.key)
    b.store.update_local_entry(
        edited.key, _content("modifiée par Bruno", "Modifiée ailleurs"), _no_keys
    )
    a.sync()
    b.sync()
    a.sync()
    assert [e.key for e in b.store.local_trash()] == [doomed.key]  # in the trash, restorable
    assert b.store.restore_local_entry(doomed.key).title == "À supprimer"
    for laptop in (a, b):  # Bruno's edit is never lost to Alice's delete
        kept = laptop.store.local_entry(edited.key)
        assert kept is not None and kept.deleted_at is None
        assert kept.content.summary == "modifiée par Bruno"


def test_a_version_pushed_twice_is_stored_once(
    new_laptop: NewLaptop, team_server: TeamServer
) -> None:
    """The server commits, then the laptop cannot record it (its file is locked): the next
    sync sends the same changes again and the server keeps one copy."""
    a = new_laptop("alice")
    bugey = _shared(a)
    _add(a, bugey, _content())
    a.sync_unrecorded()
    assert _local_rows(team_server) == ["local"]
    assert sync.pending_count(a.store) == 2
    again = a.sync()
    assert again.pushed == 0 and again.pending == 0
    assert _local_rows(team_server) == ["local"]


def test_a_purged_entry_neither_comes_back_nor_hides_its_deletion(new_laptop: NewLaptop) -> None:
    a, b = new_laptop("alice"), new_laptop("bruno")
    bugey = _shared(a)
    entry = _add(a, bugey, _content())
    a.sync()
    b.sync()
    assert b.store.local_entry(entry.key) is not None
    a.store.delete_local_entry(entry.key)
    a.clock.advance(days=31)
    a.store.save_note("scheme:dla", bugey, "essdesk utilisé ce jour-là")
    a.store.purge_trash()  # gone before its deletion went up
    assert a.store.local_entry(entry.key) is None
    a.sync()
    b.sync()
    assert b.store.local_entries() == []  # the deletion reached Bruno
    c = new_laptop("chloe")
    c.sync()  # a newcomer reads the whole log: added, then trashed
    assert c.store.local_entries() == []


def test_row_level_security_keeps_local_entries_in_their_team(
    new_laptop: NewLaptop, team_server: TeamServer
) -> None:
    a = new_laptop("alice")
    bugey = _shared(a)
    _add(a, bugey, _content("confidentiel équipe A"))
    a.sync()
    e = new_laptop("eve", team="Équipe B")
    assert e.sync().pulled == 0 and e.store.local_entries() == []
    assert _local_rows(team_server) == ["local"]  # the row is there (as the owner sees it)
    from essdesk.team import server

    eve = server.make_engine(team_server.url("eve"))
    try:
        with eve.connect() as conn:  # but team B's member reads none of it
            seen = conn.execute(
                text("SELECT count(*) FROM essdesk.changes WHERE kind LIKE 'local%'")
            ).scalar_one()
            assert seen == 0
        refused = pytest.raises(sqlalchemy.exc.ProgrammingError, match=r"row-level security")
        with refused, eve.begin() as conn:  # nor writes a local entry into team A's territory
            conn.execute(
                text(
                    "INSERT INTO essdesk.changes (team_id, seq, change_id, kind, "
                    "territory_uuid, payload) SELECT id, 999, 'x', 'local', :t, '{}' "
                    "FROM essdesk.teams"
                ),
                {"t": bugey.uuid},
            )
    finally:
        eve.dispose()


def test_a_server_of_the_previous_version_upgrades_in_place(
    new_laptop: NewLaptop, team_server: TeamServer
) -> None:
    """A team server set up before local entries travelled (schema v1): a laptop is told to
    run ``init-server`` again, which keeps the team's log and then carries local entries."""
    from essdesk.team import server
    from essdesk.team.errors import TeamError

    a = new_laptop("alice")
    bugey = _shared(a)
    a.store.save_note("scheme:dla", bugey, "avant la mise à jour")
    a.sync()  # the team's log before the upgrade
    engine = team_server.admin()
    with engine.begin() as conn:  # the server as the previous essdesk left it
        conn.exec_driver_sql("ALTER TABLE essdesk.changes DROP CONSTRAINT changes_kind_check")
        conn.exec_driver_sql(
            "ALTER TABLE essdesk.changes ADD CONSTRAINT changes_kind_check "
            "CHECK (kind IN ('territory', 'note', 'trash', 'status'))"
        )
        conn.exec_driver_sql("UPDATE essdesk.schema_version SET version = 1")
    _add(a, bugey, _content())
    with pytest.raises(TeamError, match="init-server"):
        a.sync()
    assert server.init_server(engine) == (1, server.SERVER_VERSION)
    engine.dispose()
    a.sync()
    b = new_laptop("bruno")
    b.sync()
    assert _entries(b.store) == [("Ressourcerie du Haut-Bugey", "Réemploi")]
    note = b.store.get_note("scheme:dla", bugey.uuid)
    assert note is not None and note.text == "avant la mise à jour"


def test_a_restore_from_the_trash_travels_and_so_does_a_second_delete(
    new_laptop: NewLaptop,
) -> None:
    a, b = new_laptop("alice"), new_laptop("bruno")
    bugey = _shared(a)
    entry = _add(a, bugey, _content())
    a.sync()
    b.sync()
    for step in ("delete", "restore", "delete", "restore"):
        a.clock.advance(minutes=1)
        if step == "delete":
            a.store.delete_local_entry(entry.key)
        else:
            a.store.restore_local_entry(entry.key)
        a.sync()
        b.sync()
        seen = b.store.local_entry(entry.key)
        assert seen is not None and (seen.deleted_at is None) == (step == "restore"), step
    assert a.sync().pending == 0 and b.sync().pending == 0


def test_two_user_folders_carry_a_local_entry_through_the_command_line(
    tmp_path: Path, team_server: TeamServer, essdesk: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two laptops as two ``ESSDESK_HOME`` folders, driven through the command line: an
    entry added with ``entries add`` on one is listed, shown and linked on the other."""

    def laptop(name: str) -> None:
        monkeypatch.setenv("ESSDESK_HOME", str(tmp_path / name))

    laptop("alice")
    assert essdesk("territories", "add", "Creuse", "--types", "ZRR", "--initials", "AB")[0] == 0
    assert essdesk("team", "connect", team_server.url("alice"), "--team", "Équipe A")[0] == 0
    assert essdesk("team", "share", "Creuse")[0] == 0
    code, out, err = essdesk(
        "entries", "add", "--kind", "actor", "--title", "Ressourcerie de Guéret",
        "--territory", "Creuse", "--relates", "scheme:dla", "--json",
    )  # fmt: skip
    assert code == 0, err
    key = json.loads(out)["key"]
    code, out, err = essdesk("team", "sync", "--json")
    assert code == 0 and json.loads(out)["pushed"] == 2, err

    laptop("bruno")
    assert essdesk("team", "connect", team_server.url("bruno"), "--team", "Équipe A")[0] == 0
    code, out, err = essdesk("team", "sync", "--json")
    assert code == 0 and json.loads(out)["pulled"] == 2, err
    code, out, _ = essdesk("entries", "list", "--territory", "Creuse", "--json")
    listed = json.loads(out)
    assert [(e["key"], e["title"]) for e in listed] == [(key, "Ressourcerie de Guéret")]
    assert listed[0]["relations"][0]["key"] == "scheme:dla"
    code, out, _ = essdesk("show", key)
    assert code == 0 and "Ressourcerie de Guéret" in out and "ajouté pour Creuse par AB" in out
