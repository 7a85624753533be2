"""Real processes: SIGKILL mid-save loses nothing acknowledged; two instances write at once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from essdesk.notes import NotesStore, open_notes
from essdesk.notes.store import BOTH_SEPARATOR

WORKER = Path(__file__).resolve().parent / "notes_worker.py"


def _worker(prefix: str, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(WORKER), "--prefix", prefix, *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def kill_mid_work(after: int) -> tuple[int, NotesStore]:
    """Start a saving loop, SIGKILL it after ``after`` acknowledged saves; reopen the notes.

    Returns the last acknowledged index and the reopened store (caller closes it).
    """
    proc = _worker("K")
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.readline().strip() == "ready"
    last = -1
    for line in proc.stdout:
        last = int(line)
        if last >= after:
            os.kill(proc.pid, signal.SIGKILL)
            break
    proc.wait(timeout=30)
    for line in proc.stdout:  # acknowledged before the kill landed
        last = int(line)
    proc.stdout.close()
    proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    store, report = open_notes()
    assert report is None  # a killed writer never looks like damage
    return last, store


def check_after_kill(last: int, store: NotesStore) -> None:
    creuse = store.territory_by_name("Creuse")
    note = store.get_note("scheme:dla", creuse)
    assert note is not None
    prefix, number, *_ = note.text.split(" ")
    # The last acknowledged save is there (or the one after it, committed before the kill).
    assert prefix == "K" and int(number) in (last, last + 1)
    for i in range(last + 1):
        own = store.get_note(f"scheme:K-{i}", creuse)
        assert own is not None and own.text == f"K {i}"
    assert store.full_check().ok


@pytest.mark.parametrize("after", [0, 3, 40])
def test_kill_during_saves_loses_nothing(home: Path, after: int) -> None:
    store, _ = open_notes()
    with store:
        store.add_territory("Creuse")
    last, store = kill_mid_work(after)
    with store:
        check_after_kill(last, store)
        # The app goes on after the crash.
        store.save_note("scheme:dla", store.territory_by_name("Creuse"), "après le crash")


def test_two_instances_writing_at_once_lose_no_note(home: Path, tmp_path: Path) -> None:
    store, _ = open_notes()
    with store:
        store.add_territory("Creuse")
    go = tmp_path / "go"
    count = 120
    workers = [_worker(p, "--count", str(count), "--start-file", str(go)) for p in ("A", "B")]
    for w in workers:
        assert w.stdout is not None and w.stdout.readline().strip() == "ready"
    go.touch()
    for w in workers:
        out, err = w.communicate(timeout=300)
        assert w.returncode == 0, err
        assert out.split()[-1] == str(count - 1)
    store, report = open_notes()
    with store:
        assert report is None
        creuse = store.territory_by_name("Creuse")
        notes = {n.entry_key: n.text for n in store.notes_for_territory(creuse)}
        for prefix in ("A", "B"):
            for i in range(count):
                assert notes[f"scheme:{prefix}-{i}"] == f"{prefix} {i}"
        assert len(notes) == 2 * count + 1
        last = notes["scheme:dla"].split(" ")
        assert (last[0], last[1]) in {("A", str(count - 1)), ("B", str(count - 1))}
        # History of the shared note holds both writers' texts, never a torn mix.
        history = store.history(store.get_note("scheme:dla", creuse).uuid)  # type: ignore[union-attr]
        assert history and all(v.text.split(" ")[0] in {"A", "B"} for v in history)
        assert len(store.statuses_for_territory(creuse)) == 2 * len(range(0, count, 7))
        assert store.full_check().ok


@pytest.mark.parametrize("base", ["", "texte de départ"])
def test_two_processes_saving_the_same_note_keep_both_texts(
    home: Path, tmp_path: Path, base: str
) -> None:
    """Two windows in two processes loaded the same note and save at the same moment: the
    « keep both » decision is taken inside the write transaction, so the second save always
    sees the first and keeps both texts (a check in a transaction of its own let both pass
    it, and the second text replaced the first)."""
    store, _ = open_notes()
    with store:
        creuse = store.add_territory("Creuse")
        if base:
            store.save_note("scheme:dla", creuse, base)
    for round_ in range(4):
        go = tmp_path / f"go-{round_}"
        texts = [f"{base} + ajout {who}{round_}".strip() for who in ("A", "B")]
        workers = [
            subprocess.Popen(
                [sys.executable, str(WORKER), "--keep-both", text, "--start-file", str(go)],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for text in texts
        ]
        for w in workers:
            assert w.stdout is not None and w.stdout.readline().strip() == "ready"
        go.touch()
        for w in workers:
            _, err = w.communicate(timeout=60)
            assert w.returncode == 0, err
        store, _ = open_notes()
        with store:
            final = store.get_note("scheme:dla", creuse.uuid)
            assert final is not None
            assert all(text in final.text for text in texts), final.text
            assert BOTH_SEPARATOR in final.text
            # the next round starts again from one text both processes load
            store.save_note("scheme:dla", creuse.uuid, base)
