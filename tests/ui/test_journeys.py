"""Journeys through the real application: start ``essdesk`` in its own process, act as a
person would, quit, start it again and check what she sees after the restart.

Settings that round-trip inside one process can still be lost between two (the language was
written under one key and read under another): only a restart proves them. Each run is a
``journey_app.py`` process (offscreen, the real ``essdesk.app.run``); every wait in it is on
a condition with a generous deadline, so a loaded machine makes it slower, not red.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from essdesk.notes import open_notes

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
KEY = "scheme:dla"
RUN_TIMEOUT_S = 240


class Run:
    """One start of the application; ``lines`` are its JSON observations, in order."""

    def __init__(self, home: Path, steps: list[dict[str, object]], name: str) -> None:
        script = home.parent / f"{name}.json"
        script.write_text(json.dumps(steps), encoding="utf-8")
        env = dict(os.environ, ESSDESK_HOME=str(home), QT_QPA_PLATFORM="offscreen")
        env["PYTHONPATH"] = str(REPO)
        self.proc = subprocess.Popen(
            [sys.executable, str(HERE / "journey_app.py"), str(script)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.lines: list[dict[str, object]] = []
        self.stderr = ""
        self._announced = threading.Event()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for raw in self.proc.stdout:
            if raw.startswith("{"):
                line = json.loads(raw)
                self.lines.append(line)
                if "announce" in line:
                    self._announced.set()

    def wait_announce(self) -> None:
        if not self._announced.wait(RUN_TIMEOUT_S):
            self.proc.kill()
            self.finish()
            raise AssertionError(f"never announced: {self.lines} {self.stderr}")

    def finish(self) -> int:
        try:
            code = self.proc.wait(RUN_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            raise
        self._reader.join(10)
        self.stderr = self.proc.stderr.read() if self.proc.stderr else ""
        for stream in (self.proc.stdout, self.proc.stderr):
            if stream is not None:
                stream.close()
        assert not any("error" in line for line in self.lines), (self.lines, self.stderr)
        return code

    def observed(self) -> list[dict[str, object]]:
        return [line for line in self.lines if "title" in line]


def journey(home: Path, steps: list[dict[str, object]], name: str) -> list[dict[str, object]]:
    run = Run(home, steps, name)
    assert run.finish() == 0, run.stderr
    return run.observed()


@pytest.fixture
def territory(ui_home: Path) -> str:
    store, _ = open_notes()
    creuse = store.add_territory("Creuse", ["ZRR"], initials="AB")
    store.close()
    return creuse.uuid


def test_language_zoom_window_and_note_survive_a_restart(ui_home: Path, territory: str) -> None:
    (first,) = journey(
        ui_home,
        [
            {"do": "wait_notes"},
            {"do": "resize", "w": 790, "h": 560},
            {"do": "open", "key": KEY},
            {"do": "click_note"},
            {"do": "type", "text": "Appeler la DLA"},
            {"do": "key", "key": "Ctrl++"},
            {"do": "key", "key": "Ctrl++"},
            {"do": "action", "name": "language_en"},
            {"do": "click", "text": "Plus tard / Later"},  # the message offers a restart
            {"do": "observe"},
            {"do": "quit"},
        ],
        "first",
    )
    assert first["sections"][3] == "Annuaire"  # the language changes at the next start
    base = first["app_font"] / 1.2
    # the zoom reached every text of the window, not only the window object
    assert set(first["fonts"].values()) == {first["app_font"]} and first["app_font"] > base

    (second,) = journey(
        ui_home, [{"do": "wait_notes"}, {"do": "observe"}, {"do": "quit"}], "second"
    )
    assert second["sections"][3] == "Directory"
    assert "essdesk" in second["title"] and second["title"].count("essdesk") == 1
    assert set(second["fonts"].values()) == {first["app_font"]}
    assert second["size"] == [790, 560]
    assert second["entry"] == KEY
    assert second["note"] == "Appeler la DLA"
    settings = (ui_home / "settings.ini").read_text(encoding="utf-8")
    assert "General" not in settings and settings.count("language=") == 1

    (third,) = journey(
        ui_home,
        [{"do": "wait_notes"}, {"do": "key", "key": "Ctrl+0"}, {"do": "observe"}, {"do": "quit"}],
        "third",
    )
    assert third["sections"][3] == "Directory"
    assert set(third["fonts"].values()) == {round(base, 6)} or all(
        abs(size - base) < 0.01 for size in third["fonts"].values()
    )


@pytest.mark.skipif(not hasattr(signal, "SIGTERM"), reason="POSIX only")
def test_sigterm_saves_the_window_and_the_note_being_typed(ui_home: Path, territory: str) -> None:
    run = Run(
        ui_home,
        [
            {"do": "wait_notes"},
            {"do": "resize", "w": 720, "h": 520},
            {"do": "open", "key": KEY},
            {"do": "click_note"},
            {"do": "type", "text": "Avant la déconnexion"},
            {"do": "announce", "text": "typed"},
        ],
        "term",
    )
    run.wait_announce()  # typed; the autosave (0.8 s) may not have run yet
    run.proc.send_signal(signal.SIGTERM)
    assert run.finish() == 0  # a normal quit, not a death by signal
    store, _ = open_notes()
    try:
        assert store.get_note(KEY, territory).text == "Avant la déconnexion"
    finally:
        store.close()
    (after,) = journey(ui_home, [{"do": "wait_notes"}, {"do": "observe"}, {"do": "quit"}], "after")
    assert after["size"] == [720, 520] and after["entry"] == KEY
