"""Kill test through the real app: SIGKILL while typing; the last autosave is on disk."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from essdesk.notes import open_notes

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="POSIX only")
def test_sigkill_while_typing_keeps_the_last_autosave(ui_home: Path) -> None:
    store, _ = open_notes()
    creuse = store.add_territory("Creuse", ["ZRR"])
    store.close()
    env = dict(os.environ, ESSDESK_HOME=str(ui_home), QT_QPA_PLATFORM="offscreen")
    env["PYTHONPATH"] = str(REPO)
    proc = subprocess.Popen(
        [sys.executable, str(HERE / "kill_app.py")],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert proc.stdout is not None
        lines: list[str] = []
        reader = threading.Thread(target=lambda: lines.append(proc.stdout.readline()))
        reader.start()
        reader.join(60)  # the first autosave is announced within a second or two
        line = lines[0] if lines else ""
        assert line.startswith("saved "), line
        saved = line[len("saved ") :].rstrip("\n")
        time.sleep(1.5)  # several more autosaves may happen; kill mid-work
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
        if proc.stdout is not None:
            proc.stdout.close()
    assert proc.returncode == -signal.SIGKILL
    store, report = open_notes()
    try:
        assert report is None
        assert store.full_check().ok
        note = store.get_note("scheme:dla", creuse.uuid)
        assert note is not None
        assert note.text.startswith(saved.strip()) and note.text.startswith("ligne 1 ")
    finally:
        store.close()
