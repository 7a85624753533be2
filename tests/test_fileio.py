"""essdesk/fileio.py: the atomic write's temporary file, as a user finds it after ``kill -9``
(issue 11 #10): named for a person to recognise, swept by the next write in that folder and,
in essdesk's own folders, at the next start."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from essdesk import fileio, paths
from essdesk.cli import main
from essdesk.notes import open_notes

REPO = Path(__file__).resolve().parents[1]


def _killed_during_a_write(target: Path) -> Path:
    """Start a real process writing ``target`` through :func:`fileio.replacing`, kill -9 it
    in the middle, and return the temporary file it left."""
    script = textwrap.dedent(
        f"""
        import sys, time
        from pathlib import Path
        from essdesk.fileio import replacing
        with replacing(Path({str(target)!r})) as tmp:
            tmp.write_bytes(b"PK" + b"x" * 1_000_000)
            print(tmp, flush=True)
            time.sleep(60)
        """
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, cwd=REPO
    )
    assert proc.stdout is not None
    left = Path(proc.stdout.readline().strip())
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    proc.stdout.close()
    assert left.is_file() and left.stat().st_size > 1_000_000
    assert not target.exists()
    return left


def test_a_killed_export_leaves_a_visible_file_swept_by_the_next_export(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stick = tmp_path / "CLE USB"
    stick.mkdir()
    target = stick / "notes-creuse-2026-12-03.essnotes"
    left = _killed_during_a_write(target)
    # what a user sees on the stick says what it is: no hidden dotfile
    assert left.parent == stick
    assert not left.name.startswith(".")
    assert left.name.startswith("essdesk-export-en-cours-") and left.name.endswith(".tmp")
    assert target.name in left.name
    # an earlier version's hidden copy, an hour old, and a file of the user's own
    hidden = stick / ".notes-creuse-2026-11-30.essnotes.k2l1p0aa.tmp"
    hidden.write_bytes(b"old")
    old = time.time() - 2 * fileio.HIDDEN_AGE
    os.utime(hidden, (old, old))
    mine = stick / "essdesk-export-en-cours-notes.txt"
    mine.write_text("à moi")
    assert main(["territories", "add", "Creuse"]) == 0
    assert main(["notes", "export", str(target)]) == 0, capsys.readouterr().err
    assert target.is_file()
    assert sorted(p.name for p in stick.iterdir()) == [mine.name, target.name]


def test_a_write_in_progress_elsewhere_is_never_swept(tmp_path: Path) -> None:
    running = tmp_path / f"essdesk-export-en-cours-{os.getpid()}-abc-fiche.pdf.tmp"
    running.write_bytes(b"en cours")
    fileio.write_atomically(tmp_path / "fiche.md", b"# Fiche")
    assert running.exists()
    assert (tmp_path / "fiche.md").read_bytes() == b"# Fiche"


def test_temporary_files_left_in_the_data_folder_are_swept_at_the_next_start() -> None:
    home = paths.user_dir()
    home.mkdir(parents=True, exist_ok=True)
    left = _killed_during_a_write(home / "fiche.pdf")
    store, _ = open_notes()
    store.close()
    assert not left.exists()
