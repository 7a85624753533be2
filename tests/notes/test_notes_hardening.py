"""Issue 11's hostile cases for the notes layer and the CLI: clocks that jump, folders that are
not what they should be, special files. Real SQLite files, the real ``essdesk`` command line.

Each test failed on the main branch of the day it was written (the figure in its docstring).
"""

from __future__ import annotations

import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from testkit import Clock, Run, essdesk_process

from essdesk import paths
from essdesk.briefing_data import _md_note, csv_cell
from essdesk.notes import NotesError, open_notes
from essdesk.notes.backups import KEEP, list_backups, make_backup
from essdesk.notes.schema import MAX_NOTE_CHARS

KEY = "scheme:dla"


@pytest.fixture
def with_a_note(home: Path, clock: Clock) -> None:
    store, _ = open_notes(clock=clock)
    with store:
        store.save_note(KEY, store.add_territory("Creuse"), "RDV DLA")


def _cli(home: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    return essdesk_process(*argv, ESSDESK_HOME=str(home))


def _daily(when: datetime) -> str:
    return f"notes-{when:%Y%m%d-%H%M%S}-{when:%f}-quotidienne.sqlite3"


def test_backups_dated_in_the_future_never_lock_the_user_out(
    home: Path, clock: Clock, essdesk: Run
) -> None:
    """A clock that ran a year ahead left daily backups dated 2025; back in 2024, today's
    backup was rotated away as « the oldest » and ``open_notes`` raised FileNotFoundError."""
    store, _ = open_notes(clock=clock)
    with store:
        store.save_note(KEY, store.add_territory("Creuse"), "à garder")
    ahead = clock.now.replace(tzinfo=None) + timedelta(days=365)
    for day in range(KEEP):  # made by a version without the counter: names only
        make_backup(paths.notes_path(), paths.backups_dir(), "quotidienne", now=ahead)
        newest = list_backups(paths.backups_dir())[0].path
        newest.rename(newest.with_name(_daily(ahead + timedelta(days=day))))
    assert len(list_backups(paths.backups_dir())) == KEEP

    store, report = open_notes(clock=clock)  # today, a year "before" the backups
    store.close()
    assert report is None
    found = list_backups(paths.backups_dir())
    assert found[0].created.date() == clock.now.date() and found[0].path.is_file()
    assert len(found) == KEEP  # the oldest-made one went, not today's
    code, out, err = essdesk("notes", "list")
    assert (code, err) == (0, "") and "à garder" in out


def test_backups_are_ordered_by_when_they_were_made_not_by_their_date(
    home: Path, clock: Clock
) -> None:
    """Future-dated backups rotate like the others."""
    store, _ = open_notes(clock=clock)
    store.close()
    start = datetime(2030, 1, 1)
    for day in range(3):
        make_backup(
            paths.notes_path(), paths.backups_dir(), "quotidienne", now=start + timedelta(days=day)
        )
    made = [
        make_backup(paths.notes_path(), paths.backups_dir(), "manuelle", now=datetime(2000, 1, n))
        for n in range(1, KEEP + 1)
    ]
    found = list_backups(paths.backups_dir())
    assert [b.path for b in found] == [b.path for b in reversed(made)]
    assert all(b.created.year == 2000 for b in found)  # the 2030 ones rotated away


def test_recovery_restores_the_newest_backup_made_and_names_the_others(
    home: Path, clock: Clock
) -> None:
    """With one backup dated 2030 (1 note) and a newer one dated today (14 notes), recovery
    restored the 2030 one and said the rest existed only in the damaged file."""
    store, _ = open_notes(clock=clock)
    creuse = store.add_territory("Creuse")
    store.save_note("scheme:n0", creuse, "note 0")
    store.close()
    make_backup(paths.notes_path(), paths.backups_dir(), "quotidienne", now=datetime(2030, 1, 1))
    store, _ = open_notes(clock=clock)
    for n in range(1, 14):
        store.save_note(f"scheme:n{n}", creuse, f"note {n}")
    store.close()
    newest = make_backup(paths.notes_path(), paths.backups_dir(), "manuelle", now=datetime.now())
    paths.notes_path().write_bytes(b"SQLite format 3\x00" + os.urandom(5000))

    store, report = open_notes(clock=clock)
    with store:
        assert len(store.notes_for_territory(creuse)) == 14
    assert report is not None and report.restored_from is not None
    assert report.restored_from.path == newest.path
    assert "D'autres sauvegardes existent" in report.message
    assert "01/01/2030" in report.message


def test_a_backups_folder_that_is_a_file_disables_backups_not_the_notes(
    home: Path, clock: Clock, essdesk: Run
) -> None:
    """Every command failed with « [Errno 17] File exists »."""
    store, _ = open_notes(clock=clock)
    store.add_territory("Creuse")
    store.close()
    shutil.rmtree(paths.backups_dir(), ignore_errors=True)
    paths.backups_dir().write_text("pas un dossier")
    clock.advance(days=1)
    store, report = open_notes(clock=clock)
    store.close()
    assert report is None and store.backup_problem is not None
    assert "Sauvegarde automatique impossible" in store.backup_problem
    assert "Errno" not in store.backup_problem and "exists" not in store.backup_problem
    code, out, err = essdesk("territories")
    assert code == 0 and "Creuse" in out
    assert err.count("Sauvegarde automatique impossible") == 1


@pytest.mark.parametrize("kind", ["folder", "fifo"])
def test_a_notes_file_that_is_not_a_file_is_explained(home: Path, kind: str) -> None:
    """A folder gave « [Errno 21] Is a directory » (the window: « Ouverture des notes… »
    forever); a FIFO hung the start."""
    home.mkdir(parents=True, exist_ok=True)
    if kind == "folder":
        paths.notes_path().mkdir()
    else:
        os.mkfifo(paths.notes_path())
    done = _cli(home, "notes", "list")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and "Errno" not in done.stderr
    assert "pas un fichier de notes" in done.stderr
    with pytest.raises(NotesError, match="Renommez-le"):
        open_notes()
    assert paths.notes_path().exists()  # untouched


def test_the_recovery_report_is_printed_once(home: Path, clock: Clock) -> None:
    """It was printed twice: once by the CLI, once in English by logging's last resort."""
    store, _ = open_notes(clock=clock)
    store.add_territory("Creuse")
    store.close()
    paths.notes_path().write_bytes(b"pas une base")
    done = _cli(home, "territories")  # pytest's log capture would hide the second copy
    code, err = done.returncode, done.stderr
    assert code == 0
    assert err.count("mis de côté") == 1
    assert "recovered" not in err and "daily backup" not in err


def test_a_clock_set_back_keeps_every_version(home: Path, clock: Clock) -> None:
    """Back a day, every later save was folded into the last version (4 of 5 lost)."""
    store, _ = open_notes(clock=clock)
    with store:
        creuse = store.add_territory("Creuse")
        note = store.save_note(KEY, creuse, "version 1")
        clock.advance(days=-1)
        for n in range(2, 6):
            clock.advance(minutes=2)
            store.save_note(KEY, creuse, f"version {n}")
        texts = [v.text for v in store.history(note.uuid)]
        assert texts == [f"version {n}" for n in range(5, 0, -1)]
        store.save_note(KEY, creuse, "version 5 bis")  # typing on: within the minute
        assert len(store.history(note.uuid)) == 5


def test_a_clock_jump_ahead_then_back_purges_nothing_early(home: Path, clock: Clock) -> None:
    """A note deleted 10 minutes earlier was purged when the clock jumped a year ahead."""
    store, _ = open_notes(clock=clock)
    with store:
        creuse = store.add_territory("Creuse")
        note = store.save_note(KEY, creuse, "supprimée par erreur")
        store.delete_note(note.uuid)
        clock.advance(minutes=10)
    clock.advance(days=365)
    store, _ = open_notes(clock=clock)
    with store:
        assert store.purge_trash() == 0
        assert [n.uuid for n in store.trash()] == [note.uuid]
    clock.advance(days=-365)
    store, _ = open_notes(clock=clock)
    with store:
        assert store.purge_trash() == 0
        assert [n.uuid for n in store.trash()] == [note.uuid]
        # 31 days later, with essdesk used meanwhile, the trash empties as promised
        clock.advance(days=31)
        store.save_note("scheme:autre", creuse, "écrite le 31e jour")
        assert store.purge_trash() == 1
        assert store.trash() == []


@pytest.mark.parametrize(
    "name",
    ["Qui fait quoi ?", "100%20sûr", "a%3Fb", "n°1 #2 ; x & y = z + w", "Équipe ", "é è ç"],
)
def test_notes_go_where_the_folder_says_whatever_its_name(
    tmp_path: Path, name: str, essdesk: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """« …/Qui fait quoi ?/notes.sqlite3 » opened « …/Qui fait quoi  » (the path went into a
    URL unescaped): another file, written and migrated, and backups silently stopped."""
    folder = tmp_path / "dossiers" / name
    monkeypatch.setenv("ESSDESK_HOME", str(folder))
    store, _ = open_notes()
    with store:
        store.save_note(KEY, store.add_territory("Creuse"), "ici")
    assert sorted(p.name for p in (tmp_path / "dossiers").iterdir()) == [name]
    assert (folder / "notes.sqlite3").is_file()
    store, _ = open_notes()  # an existing file: the daily backup goes beside it
    store.close()
    assert [b.path.parent for b in list_backups(folder / "backups")] == [folder / "backups"]
    code, out, _err = essdesk("notes", "list")
    assert code == 0 and "ici" in out
    assert sorted(p.name for p in (tmp_path / "dossiers").iterdir()) == [name]


def test_a_note_longer_than_the_limit_is_refused_and_nothing_is_written(
    home: Path, with_a_note: None, essdesk: Run
) -> None:
    """A 50 MB note was accepted (and froze the window for 76 s when shown). The exchange
    file's side is the corpus case note-too-long."""
    code, _out, err = essdesk(
        "notes", "add", KEY, "--territory", "Creuse", "--text", "y" * (MAX_NOTE_CHARS + 1)
    )
    assert code == 1 and "trop longue" in err
    code, _out, err = essdesk(
        "notes",
        "add",
        "scheme:autre",
        "--territory",
        "Creuse",
        "--text",
        "x" * MAX_NOTE_CHARS,
    )
    assert code == 0, err
    store, _ = open_notes()
    with store:
        assert store.get_note(KEY, store.territory_by_name("Creuse")).text == "RDV DLA"


def test_copies_left_by_a_killed_backup_are_swept_at_the_next_start(
    home: Path, clock: Clock
) -> None:
    """kill -9 during a backup left hidden full-size copies forever (688 MB after 8 kills)."""
    store, _ = open_notes(clock=clock)
    store.add_territory("Creuse")
    store.close()
    backups_dir = paths.backups_dir()
    backups_dir.mkdir(exist_ok=True)
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    pid = int(dead.stdout)
    left = [
        backups_dir
        / f"notes-20240506-090000-000000-quotidienne.n1.sqlite3.copie-en-cours-{pid}.tmp",
        backups_dir
        / f"notes-20240506-090000-000000-quotidienne.n1.sqlite3.copie-en-cours-{pid}.tmp-journal",
        backups_dir
        / f".notes-20240506-090000-000000-quotidienne.sqlite3.tmp-{pid}",  # earlier name
        home / f"notes.sqlite3.copie-en-cours-{pid}.tmp",  # a restore's copy
    ]
    alive = backups_dir / f"notes-x.sqlite3.copie-en-cours-{os.getpid()}.tmp"
    mine = [backups_dir / "mon-fichier.tmp", home / "notes-à-moi.sqlite3"]
    for path in [*left, alive, *mine]:
        path.write_bytes(b"copie")
    store, _ = open_notes(clock=clock)
    store.close()
    assert [p for p in left if p.exists()] == []
    assert alive.exists() and all(p.exists() for p in mine)
    made = make_backup(paths.notes_path(), backups_dir, "manuelle")
    assert ".tmp" not in made.path.name and not made.path.name.startswith(".")


@pytest.mark.parametrize("kind", ["fifo", "symlink", "read-only", "folder"])
def test_brief_never_replaces_a_special_or_protected_target(
    tmp_path: Path, kind: str, with_a_note: None, essdesk: Run
) -> None:
    """brief replaced a FIFO, a symlink or a read-only file with a new file; a folder gave an
    English message naming a temporary file."""
    target = tmp_path / "fiche.md"
    kept = tmp_path / "original.md"
    kept.write_text("à garder")
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "symlink":
        target.symlink_to(kept)
    elif kind == "read-only":
        target.write_text("protégé")
        target.chmod(0o444)
    else:
        target.mkdir()
    code, _out, err = essdesk("brief", str(target), "--territory", "Creuse")
    assert code == 1
    expected = {
        "fifo": "fichier spécial",
        "symlink": "lien symbolique",
        "read-only": "lecture seule",
        "folder": "est un dossier",
    }[kind]
    assert expected in err and ".tmp" not in err
    assert kept.read_text() == "à garder"
    if kind == "read-only":
        assert target.read_text() == "protégé"
    if kind == "symlink":
        assert target.is_symlink()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_brief_output_follows_the_umask(tmp_path: Path, with_a_note: None, essdesk: Run) -> None:
    """Every sheet was written 0600 (mkstemp's mode), whatever the user's umask."""
    old = os.umask(0o022)
    try:
        for name in ("fiche.md", "notes.csv"):
            code, _out, err = essdesk("brief", str(tmp_path / name), "--territory", "Creuse")
            assert code == 0, err
            assert (tmp_path / name).stat().st_mode & 0o777 == 0o644
    finally:
        os.umask(old)


def test_markdown_brief_writes_dangerous_links_and_images_as_text() -> None:
    """Decided: a note's [label](https://…) and mailto stay links; javascript:, data:, file:,
    loopback, mailto with attach= and every image are written as text."""
    lines = "\n".join(
        _md_note(
            "[ok](https://www.avise.org) [js](javascript:alert(1)) [d]( data:text/html,x)\n"
            "![pixel](https://tracker.example/p.png) [m](mailto:a@b.fr) "
            "[f](file:///etc/passwd) [l](http://127.0.0.1:8080/admin) "
            "[a](mailto:a@b.fr?attach=/home/x/.ssh/id_rsa)\n[ref]: javascript:alert(1)"
        )
    )
    assert "[ok](https://www.avise.org)" in lines and "[m](mailto:a@b.fr)" in lines
    for neutral in (
        "[js]\\(javascript:",
        "[d]\\( data:",
        "!\\[pixel]",
        "[f]\\(file:",
        "[l]\\(http://127.0.0.1",
        "[a]\\(mailto:a@b.fr?attach=",
        "> \\[ref]: javascript:",
    ):
        assert neutral in lines


@pytest.mark.parametrize(
    "cell",
    [" =1+1", "\u00a0=SOMME(A1)", "\n=LIEN()", "\ufeff=1", "\u200b=1", "\uff1d1+1", "\t =1"],
)
def test_csv_cells_hiding_a_formula_behind_invisible_characters_are_prefixed(cell: str) -> None:
    """Decided: the formula sign counts after any white space or invisible character, and in
    its full-width form (these cells were written as they were)."""
    assert csv_cell(cell) == "'" + cell
    assert csv_cell("bonjour = salut") == "bonjour = salut"


def test_a_nul_typed_through_the_cli_is_refused(
    home: Path, with_a_note: None, monkeypatch: pytest.MonkeyPatch, essdesk: Run
) -> None:
    """Decided: a note keeps tab, LF, CR; NUL, ESC and C1 controls are refused at the door
    (NUL was stored; the exchange file refuses them too)."""
    monkeypatch.setattr(sys, "stdin", io.StringIO("avant\x00après"))
    code, _out, err = essdesk(
        "notes", "add", "scheme:autre", "--territory", "Creuse", "--text", "-"
    )
    assert code == 1 and "caractère de contrôle" in err and "U+0000" in err
    for bad in ("\x1b[2J", "x\x85y"):
        code, _out, err = essdesk(
            "notes", "add", "scheme:autre", "--territory", "Creuse", "--text", bad
        )
        assert code == 1 and "contrôle" in err
    code, _out, err = essdesk(
        "notes", "add", "scheme:autre", "--territory", "Creuse", "--text", "a\tb\r\nc"
    )
    assert code == 0, err
    store, _ = open_notes()
    with store:
        assert store.get_note("scheme:autre", store.territory_by_name("Creuse")).text == "a\tb\r\nc"


def test_cli_write_errors_do_not_speak_of_a_window(home: Path, with_a_note: None) -> None:
    """« il reste affiché » made sense only in the window."""
    from essdesk.notes.errors import SQLITE_FULL, as_notes_error

    class Full(sqlite3.OperationalError):
        sqlite_errorcode = SQLITE_FULL

    error = as_notes_error(Full("database or disk is full"))
    assert "reste affiché" in error.message
    assert "reste affiché" not in error.terminal and "disque est plein" in error.terminal


def test_a_file_full_of_html_goes_through_the_cli_as_text(home: Path, essdesk: Run) -> None:
    """The corpus' html-everywhere file: accepted, and every text comes back literally."""
    corpus = Path(__file__).resolve().parent / "exchange" / "corpus" / "html-everywhere.essnotes"
    code, out, err = essdesk("notes", "import", str(corpus))
    assert code == 0, err
    code, out, err = essdesk("notes", "list", "--json")
    assert code == 0, err
    texts = {n["text"] for n in json.loads(out)}
    assert any(t.startswith("<b>GRAS</b> <img src=") for t in texts)
