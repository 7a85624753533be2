"""Local entries travel in the exchange file with their notes: additive merge, fast-forward
on one-side edits, a conflict kept both ways, old files still importable (real files)."""

from __future__ import annotations

import contextlib
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from testkit import Clock

from essdesk.notes import NotesStore, open_notes
from essdesk.notes.exchange import ExchangeError, apply_import, export_notes, preview_import
from essdesk.notes.local_entries import LocalContent, LocalRelation

FIXTURES = Path(__file__).resolve().parents[1] / "notes" / "exchange_corpus"


def _title(key: str) -> str | None:
    return {"scheme:dla": "DLA", "lever:3": "Levier 3"}.get(key)


def _open(folder: Path, clock: Clock) -> NotesStore:
    store, report = open_notes(folder / "notes.sqlite3", backups_dir=folder / "b", clock=clock)
    assert report is None
    return store


@pytest.fixture
def pair(tmp_path: Path, clock: Clock) -> Iterator[tuple[NotesStore, NotesStore]]:
    a, b = _open(tmp_path / "a", clock), _open(tmp_path / "b", clock)
    yield a, b
    a.close()
    b.close()


def _content(summary: str = "Réemploi") -> LocalContent:
    return LocalContent(
        kind="actor",
        title="Ressourcerie du Haut-Bugey",
        subtype="association",
        summary=summary,
        levers=("lever:3",),
        relations=(LocalRelation("supported_by", "scheme:dla"),),
    )


def _move(src: NotesStore, dst: NotesStore, path: Path) -> dict[str, str]:
    done = export_notes(src, path)
    preview = preview_import(dst, done.path, frozenset({"scheme:dla", "lever:3"}))
    apply_import(dst, preview)
    return {p.incoming.uuid: p.action for p in preview.local_entries}


def test_local_entries_travel_with_their_notes_and_merge_additively(
    pair: tuple[NotesStore, NotesStore], tmp_path: Path
) -> None:
    a, b = pair
    bugey = a.add_territory("CC du Haut-Bugey", ["ZRR"], initials="AB")
    entry = a.add_local_entry(bugey, _content(), _title)
    a.save_note(entry.key, bugey, "Vus au forum", entry_title=entry.title)
    preview = preview_import(b, export_notes(a, tmp_path / "1.essnotes").path, frozenset())
    assert preview.counts.orphaned == 0  # the note's entry comes in the same file
    assert "Entrées locales : 1 nouvelle." in preview.summary_lines()
    apply_import(b, preview)
    there = b.local_entries()
    assert [e.key for e in there] == [entry.key] and there[0].content == entry.content
    assert there[0].author == "AB" and there[0].territory_name == "CC du Haut-Bugey"
    assert b.get_note(entry.key, b.territory_by_name("CC du Haut-Bugey")) is not None
    assert _move(a, b, tmp_path / "2.essnotes") == {entry.uuid: "same"}


def test_one_side_edit_is_taken_and_both_side_edits_are_kept_both_ways(
    pair: tuple[NotesStore, NotesStore], tmp_path: Path
) -> None:
    a, b = pair
    bugey = a.add_territory("CC du Haut-Bugey", initials="AB")
    entry = a.add_local_entry(bugey, _content("v1"), _title)
    _move(a, b, tmp_path / "1.essnotes")
    b.update_local_entry(entry.key, _content("v2 (B)"), _title)
    assert _move(b, a, tmp_path / "2.essnotes") == {entry.uuid: "update"}  # fast-forward
    assert a.local_entry(entry.key).content.summary == "v2 (B)"  # type: ignore[union-attr]
    assert _move(b, a, tmp_path / "3.essnotes") == {entry.uuid: "same"}
    # now both edit: each keeps its own and the other's beside it
    a.update_local_entry(entry.key, _content("v3 (A)"), _title)
    b.update_local_entry(entry.key, _content("v3 (B)"), _title)
    assert _move(b, a, tmp_path / "4.essnotes") == {entry.uuid: "conflict"}
    assert _move(a, b, tmp_path / "5.essnotes")[entry.uuid] == "conflict"
    for store, mine, theirs in ((a, "v3 (A)", "v3 (B)"), (b, "v3 (B)", "v3 (A)")):
        found = {e.content.summary: e for e in store.local_entries()}
        assert set(found) >= {mine, theirs}
        assert found[mine].uuid == entry.uuid and found[theirs].conflict_of == entry.uuid
    assert _move(b, a, tmp_path / "6.essnotes")[entry.uuid] == "keep"  # already kept beside


def test_a_file_without_local_entries_still_imports(
    pair: tuple[NotesStore, NotesStore], tmp_path: Path
) -> None:
    a, b = pair
    t = a.add_territory("Creuse")
    a.save_note("scheme:dla", t, "note")
    done = export_notes(a, tmp_path / "old.essnotes")
    with zipfile.ZipFile(done.path) as archive:
        assert "local_entries" not in json.loads(archive.read("notes.json"))
    preview = preview_import(b, done.path, frozenset({"scheme:dla"}))
    assert preview.local_entries == ()
    apply_import(b, preview)
    assert b.local_entries() == [] and len(b.all_notes()) == 1
    corpus = sorted(FIXTURES.glob("*.essnotes"))
    for old in corpus[:3]:  # files written by earlier versions
        with contextlib.suppress(ExchangeError):  # the corpus holds hostile files too
            preview_import(b, old, None)


def _tampered(tmp_path: Path, src: Path, change) -> Path:  # type: ignore[no-untyped-def]
    import hashlib

    with zipfile.ZipFile(src) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        body = json.loads(archive.read("notes.json"))
    change(body)
    raw = json.dumps(body).encode()
    manifest["payload"]["size"] = len(raw)
    manifest["payload"]["sha256"] = hashlib.sha256(raw).hexdigest()
    out = tmp_path / "tampered.essnotes"
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("manifest.json", json.dumps(manifest))
        archive.writestr("notes.json", raw)
    return out


@pytest.mark.parametrize(
    "change",
    [
        lambda b: b["local_entries"][0].update(uuid="pas-un-uuid"),
        lambda b: b["local_entries"][0].update(
            territory_uuid="00000000-0000-4000-8000-000000000000"
        ),
        lambda b: b["local_entries"][0]["content"].update(title="  "),
        lambda b: b["local_entries"][0]["content"].update(links=["javascript:alert(1)"]),
        lambda b: b["local_entries"][0]["content"].update(title="\x1b[31mrouge"),
        lambda b: b.update(local_entries="nope"),
    ],
    ids=["uuid", "territory", "title", "link", "escape", "not-a-list"],
)
def test_a_bad_local_entry_refuses_the_whole_file(
    pair: tuple[NotesStore, NotesStore],
    tmp_path: Path,
    change,  # type: ignore[no-untyped-def]
) -> None:
    a, b = pair
    a.add_local_entry(a.add_territory("Creuse"), _content(), _title)
    bad = _tampered(tmp_path, export_notes(a, tmp_path / "ok.essnotes").path, change)
    with pytest.raises(ExchangeError, match=r"non valide"):
        preview_import(b, bad, None)
    assert b.local_entries() == []
