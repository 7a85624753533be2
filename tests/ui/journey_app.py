"""The real application driven as a person would, for ``test_journeys.py``.

Run as a separate process: ``python journey_app.py STEPS.json``. It starts essdesk through
``essdesk.app.run`` (the entry point of the ``essdesk`` command: style sheet, translations,
settings file, SIGTERM handling), then plays the steps one after the other. Every step first
waits for its condition (generous deadline, polled, never a fixed sleep), so a loaded machine
only makes it slower. ``observe`` prints one JSON line of what is on screen; the process ends
the way the steps say (Ctrl+Q, or the test sends SIGTERM after ``announce``).

Steps (dicts): ``{"do": "wait_notes"}``, ``{"do": "open", "key": K}``,
``{"do": "click_note", "where": "end"|"start"}``, ``{"do": "type", "text": T}``,
``{"do": "key", "key": "Ctrl++"}`` (to the focused widget, as a keyboard would),
``{"do": "action", "name": OBJECT_NAME}`` (a menu item), ``{"do": "resize", "w": W, "h": H}``,
``{"do": "click", "text": T}`` (a button of a message, by its text), ``{"do": "observe"}``,
``{"do": "announce", "text": T}``, ``{"do": "quit"}`` (Ctrl+Q).
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

DEADLINE_S = float(os.environ.get("JOURNEY_DEADLINE_S", "90"))
"""How long a step may wait for its condition (a loaded 2-core CI machine is slow)."""

Step = dict[str, object]


def main_window() -> QWidget | None:
    from essdesk.ui.main_window import MainWindow

    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow) and widget.isVisible():
            return widget
    return None


def observe(window) -> dict[str, object]:
    panel = window.notes_panel
    editor = getattr(panel, "editor", None)
    return {
        "title": window.windowTitle(),
        "sections": [window.sections.item(i).text() for i in range(window.sections.count())],
        "app_font": QApplication.font().pointSizeF(),
        "fonts": {
            "tree": window.trees["sessions"].font().pointSizeF(),
            "detail": window.detail.browser.font().pointSizeF(),
            "sections": window.sections.font().pointSizeF(),
            "note": editor.font().pointSizeF() if editor is not None else None,
        },
        "size": [window.width(), window.height()],
        "maximized": window.isMaximized(),
        "entry": window.detail.entry.key if window.detail.entry is not None else "",
        "view": window.state.last_view,
        "note": editor.toPlainText() if editor is not None else None,
        "note_state": panel.state_label.text() if hasattr(panel, "state_label") else "",
        "zoom_enabled": window.zoom_in_action.isEnabled(),
    }


def visible_button(text: str) -> QPushButton | None:
    for top in QApplication.topLevelWidgets():
        for button in top.findChildren(QPushButton):
            if button.isVisible() and button.text().replace("&", "") == text:
                return button
    return None


def type_char(widget: QWidget, char: str) -> None:
    """One key as a keyboard sends it; QTest's ASCII table has no « é »."""
    if char.isascii():
        QTest.keyClicks(widget, char)
        return
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(
            widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
        )


def play(steps: list[Step]) -> Iterator[Callable[[], bool] | None]:
    """Each yield is a condition to wait for before going on (None: go on)."""
    window = None
    yield lambda: main_window() is not None and main_window().catalogue is not None
    window = main_window()
    for step in steps:
        what = step["do"]
        print(f"step {step}", file=sys.stderr, flush=True)  # shown when a journey fails
        if what == "wait_notes":
            yield lambda: hasattr(window.notes_panel, "editor")
        elif what == "open":
            window.open_entry(str(step["key"]))
            yield lambda key=step["key"]: window.notes_panel.key == key
        elif what == "click_note":
            panel = window.notes_panel
            widget = panel.note_stack.currentWidget()
            target = widget.viewport() if hasattr(widget, "viewport") else widget
            if step.get("where") == "start":
                point = QPoint(6, 6)
            else:
                point = QPoint(target.width() - 6, target.height() - 6)
            QTest.mouseClick(
                target, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point
            )
            yield None
        elif what == "type":
            for char in str(step["text"]):
                type_char(QApplication.focusWidget() or window, char)
            yield None
        elif what == "key":
            sequence = QKeySequence(str(step["key"]))
            combo = sequence[0]
            focus = QApplication.focusWidget() or window
            QTest.keyClick(focus, combo.key(), combo.keyboardModifiers())
            yield None
        elif what == "action":
            action = window.findChild(QAction, str(step["name"]))
            action.trigger()
            yield None
        elif what == "resize":
            window.showNormal()
            window.resize(int(step["w"]), int(step["h"]))
            yield lambda w=step["w"], h=step["h"]: window.width() == w and window.height() == h
        elif what == "click":  # a button of any open window, by its text (a message's)
            yield lambda text=step["text"]: visible_button(str(text)) is not None
            visible_button(str(step["text"])).click()
            yield None
        elif what == "observe":
            print(json.dumps(observe(window), ensure_ascii=False), flush=True)
        elif what == "announce":
            print(json.dumps({"announce": step["text"]}), flush=True)
        elif what == "wait_saved":
            yield lambda: window.notes_panel.state_label.text().startswith(("Enregistré", "Saved"))
        elif what == "quit":
            window.activateWindow()  # a message just closed: back to the window, as a click
            yield window.isActiveWindow
            focus = QApplication.focusWidget() or window
            QTest.keyClick(focus, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
            yield lambda: False  # the process ends here; still running at the deadline: error


def drive(steps: list[Step]) -> None:
    player = play(steps)
    state: dict[str, object] = {"until": None, "since": time.monotonic()}

    def tick() -> None:
        until = state["until"]
        if callable(until) and not until():
            if time.monotonic() - float(state["since"]) > DEADLINE_S:
                window = main_window()
                seen = window.detail.browser.toPlainText()[:300] if window is not None else ""
                print(json.dumps({"error": "timeout", "window": seen}), flush=True)
                QApplication.exit(3)
                return
            QTimer.singleShot(25, tick)
            return
        try:
            state["until"] = next(player)
        except StopIteration:
            return
        state["since"] = time.monotonic()
        QTimer.singleShot(0, tick)

    QTimer.singleShot(0, tick)


def main() -> int:
    if os.environ.get("JOURNEY_DUMP_S"):
        import faulthandler

        faulthandler.dump_traceback_later(float(os.environ["JOURNEY_DUMP_S"]), exit=True)
    steps = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    # The application object as the command line creates it; ``run`` then reuses it.
    from essdesk import APP_NAME
    from essdesk.app import run

    app = QApplication([APP_NAME, "-style", "Fusion"])
    drive(steps)
    code = run([])
    del app
    return code


if __name__ == "__main__":
    sys.exit(main())
