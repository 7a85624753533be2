"""The corpus of bad exchange files: each named case is refused with its French message and
leaves the notes database exactly as it was (same bytes on disk, same SQL dump).

The files live in ``corpus/`` and are built by ``corpus/make_corpus.py``;
the cases too big to commit (a 2 GB file, 100,001 notes) are built here at run
time in ``tmp_path``.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from testkit import exchange_corpus

from essdesk import paths
from essdesk.notes import open_notes
from essdesk.notes.exchange import ExchangeError, apply_import, preview_import, read_exchange_file

Clock = Any
CORPUS = Path(__file__).resolve().parent / "corpus"


corpus = exchange_corpus()
EXPECTED: dict[str, str] = {name: expected for name, (_, expected) in corpus.cases().items()}
BAD = sorted(name for name, expected in EXPECTED.items() if expected)


def fingerprint() -> tuple[str, list[str]]:
    """SHA-256 of the notes file and its full SQL dump (store closed: no -wal pending)."""
    path = paths.notes_path()
    assert not Path(f"{path}-wal").exists()
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        lines = list(conn.iterdump())
    finally:
        conn.close()
    return hashlib.sha256(path.read_bytes()).hexdigest(), lines


@pytest.fixture
def populated(home: Path, clock: Clock) -> tuple[str, list[str]]:
    """A notes database with territories, notes, a conflict copy, statuses; closed."""
    store, _ = open_notes(clock=clock)
    with store:
        creuse = store.add_territory("Creuse", ["ZRR"], initials="AB")
        store.save_note("scheme:dla", creuse, "Note locale DLA", entry_title="DLA")
        store.save_note("scheme:crte", creuse, "CRTE")
        store.set_status("scheme:dla", creuse, "en-cours")
        store.make_backup("quotidienne")  # no daily backup on the next open
    return fingerprint()


def assert_refused(path: Path, expected: str, clock: Clock, before: tuple[str, list[str]]) -> str:
    store, report = open_notes(clock=clock)
    with store:
        assert report is None
        with pytest.raises(ExchangeError) as err:
            preview_import(store, path, {"scheme:dla"})
        assert not [b for b in store.list_backups() if b.reason == "avant-import"]
    message = err.value.message
    assert expected in message, message
    assert "Rien n'a été importé" in message
    assert "Traceback" not in message and "\n" not in message
    assert fingerprint() == before  # byte for byte, and the same dump
    return message


def test_the_corpus_matches_its_generator(tmp_path: Path) -> None:
    corpus.main(tmp_path)
    built = {p.name: p.read_bytes() for p in tmp_path.glob("*.essnotes")}
    committed = {p.name: p.read_bytes() for p in CORPUS.glob("*.essnotes")}
    assert sorted(built) == sorted(committed) == sorted(f"{n}.essnotes" for n in EXPECTED)
    assert [n for n in built if built[n] != committed[n]] == []
    assert len(BAD) >= 60


@pytest.mark.parametrize("name", BAD)
def test_bad_file_is_refused_and_changes_nothing(
    name: str, populated: tuple[str, list[str]], clock: Clock, tmp_path: Path
) -> None:
    source = CORPUS / f"{name}.essnotes"
    # The file is read where it is (in memory): copy it to an empty folder to prove nothing
    # gets extracted beside it or anywhere up the tree.
    lonely = tmp_path / "usb" / "stick"
    lonely.mkdir(parents=True)
    target = lonely / source.name
    target.write_bytes(source.read_bytes())
    assert_refused(target, EXPECTED[name], clock, populated)
    assert {p.name for p in (tmp_path / "usb").rglob("*")} == {"stick", source.name}


def test_the_valid_corpus_file_imports(home: Path, clock: Clock) -> None:
    store, _ = open_notes(clock=clock)
    with store:
        preview = preview_import(store, CORPUS / "valid.essnotes", {"scheme:dla"})
        c = preview.counts
        assert (c.new, c.orphaned, c.statuses_new) == (2, 1, 1)
        apply_import(store, preview)
        (note,) = [n for n in store.all_notes() if n.entry_key == "scheme:dla"]
        assert "<script>alert(1)</script>" in note.text  # stored as plain text, as is
        assert store.territory_by_name("Creuse").commune == "Guéret"


def _sparse_2gb(path: Path) -> None:
    corpus.sparse_file(path)


def _bytes(make: Callable[[], bytes]) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(make())


RUNTIME: dict[str, tuple[Callable[[Path], None], str]] = {
    "huge-file-2gb": (_sparse_2gb, "bien trop volumineux"),
    "too-many-notes": (
        _bytes(corpus.too_many_notes),
        "trop de notes (100\N{NARROW NO-BREAK SPACE}001",
    ),
}


@pytest.mark.parametrize("name", sorted(RUNTIME))
def test_huge_cases_built_at_run_time(
    name: str, populated: tuple[str, list[str]], clock: Clock, tmp_path: Path
) -> None:
    make, expected = RUNTIME[name]
    path = tmp_path / f"{name}.essnotes"
    make(path)
    assert_refused(path, expected, clock, populated)


def test_a_folder_or_a_missing_file(
    populated: tuple[str, list[str]], clock: Clock, tmp_path: Path
) -> None:
    assert_refused(tmp_path, "est un dossier", clock, populated)
    assert_refused(tmp_path / "absent.essnotes", "Fichier introuvable", clock, populated)
    fifo = tmp_path / "tube.essnotes"
    os.mkfifo(fifo)  # reading it would wait forever
    assert_refused(fifo, "n'est pas un fichier ordinaire", clock, populated)


def test_an_unreadable_file(populated: tuple[str, list[str]], clock: Clock, tmp_path: Path) -> None:
    path = tmp_path / "locked.essnotes"
    path.write_bytes((CORPUS / "valid.essnotes").read_bytes())
    path.chmod(0)
    try:
        try:
            with path.open("rb"):
                pytest.skip("file permissions are not enforced for this user (root)")
        except PermissionError:
            pass
        assert_refused(path, "Impossible de lire le fichier", clock, populated)
    finally:
        path.chmod(0o644)


def test_every_refusal_happens_before_the_database_is_touched(tmp_path: Path) -> None:
    """read_exchange_file needs no store: every bad case fails there, before any SQL."""
    for name in BAD:
        with pytest.raises(ExchangeError):
            read_exchange_file(CORPUS / f"{name}.essnotes")


def test_a_format_1_file_still_imports_with_its_authors(home: Path, clock: Clock) -> None:
    """Old files (format 1: bare digests, statuses without history) are still read: notes keep
    their author, and a follow-up changed here is kept beside the file's, never replaced."""
    assert read_exchange_file(CORPUS / "valid.essnotes").format_version == 1
    store, _ = open_notes(clock=clock)
    with store:
        creuse = store.add_territory("Creuse")
        store.set_status("scheme:dla", creuse, "en-cours", None, "M. Durand")
        preview = preview_import(store, CORPUS / "valid.essnotes", {"scheme:dla"})
        assert preview.counts.statuses_conflicting == 1
        apply_import(store, preview)
        (note,) = [n for n in store.all_notes() if n.entry_key == "scheme:dla"]
        assert note.author == "AB"
        mine = store.status("scheme:dla", creuse)
        assert mine is not None and mine.contact == "M. Durand"
        (theirs,) = store.status_conflicts(creuse)
        assert (theirs.status, theirs.contact) == ("contacte", "Mme Martin")
        assert not preview_import(store, CORPUS / "valid.essnotes", {"scheme:dla"}).has_changes
