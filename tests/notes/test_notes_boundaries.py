"""Layer boundaries: the notes package never imports Qt; one store serves two threads."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

from essdesk.notes import NotesStore, Territory

REPO = Path(__file__).resolve().parents[2]


def test_notes_layer_imports_no_qt() -> None:
    code = (
        "import sys, essdesk.notes, essdesk.notes.safety, essdesk.cli.notes; "
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in {'PySide6', 'shiboken6'}); "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    sources = (REPO / "essdesk" / "notes").rglob("*.py")
    assert not [p for p in sources if "PySide6" in p.read_text(encoding="utf-8")]


def test_one_store_serves_a_gui_thread_and_a_worker(store: NotesStore, creuse: Territory) -> None:
    errors: list[BaseException] = []

    def work(prefix: str) -> None:
        try:
            for i in range(60):
                store.save_note(f"scheme:{prefix}-{i}", creuse, f"{prefix} {i}")
                store.search_notes(prefix)
                store.keys_with_notes(creuse)
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(p,)) for p in ("gui", "worker")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(store.keys_with_notes(creuse)) == 120
