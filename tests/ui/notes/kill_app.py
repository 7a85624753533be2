"""Run the real app offscreen, type a note, wait for the autosave, say so, keep typing.

Used by ``test_notes_kill.py``, which SIGKILLs this process after "saved" and checks that
the last autosaved text is in the notes database and that the file passes integrity_check.
ESSDESK_HOME must point at a throwaway folder holding a territory profile.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest

from essdesk.app import build

KEY = "scheme:dla"


def main() -> int:
    app, window = build([], opener=lambda _url: True)
    state = {"typed": 0, "announced": False}

    def step() -> None:
        panel = window.notes_panel
        if not hasattr(panel, "editor"):  # the notes are not wired in yet
            QTimer.singleShot(20, step)
            return
        if window.history.current != KEY:
            window.open_entry(KEY)
            panel.start_editing()
        if not state["announced"] and panel.state_label.text().startswith("Enregistré"):
            print("saved", panel.note.text if panel.note else "", flush=True)
            state["announced"] = True
        state["typed"] += 1
        QTest.keyClicks(panel.editor, f"ligne {state['typed']} ")
        QTimer.singleShot(30 if state["announced"] else 150, step)

    QTimer.singleShot(0, step)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
