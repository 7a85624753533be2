"""Screenshots of finding things as a clerk does (issue 13), real window under Xvfb.

    python benchmarks/screenshots_find.py [--out screenshots] [--size 1366x768]

Scenes: the levers tree, a tool page, « Pour mon territoire » on a ZRR profile, a
suggestion after a typo, « Premiers pas ». Re-runs itself under ``xvfb-run`` without a
display, with a throwaway ESSDESK_HOME. Writes ``<out>/find-<scene>.png``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default="screenshots")
    parser.add_argument("--size", default="1366x768")
    parser.add_argument("--child", action="store_true")
    args = parser.parse_args()
    if args.child:
        return _child(args)
    if not os.environ.get("DISPLAY"):
        xvfb = shutil.which("xvfb-run")
        if xvfb is None:
            print("xvfb-run introuvable : apt-get install xvfb", file=sys.stderr)
            return 1
        return subprocess.call(
            [xvfb, "-a", "-s", "-screen 0 1920x1080x24", sys.executable, *sys.argv]
        )
    Path(args.out).mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="essdesk-shots-") as home:
        env = dict(os.environ, ESSDESK_HOME=home, PYTHONPATH=str(REPO), QT_QPA_PLATFORM="xcb")
        code = subprocess.call(
            [
                sys.executable,
                __file__,
                "--child",
                "--out",
                str(Path(args.out).resolve()),
                "--size",
                args.size,
            ],
            env=env,
        )
    for png in sorted(Path(args.out).glob("find-*.png")):
        print(png)
    return code


def _child(args: argparse.Namespace) -> int:
    sys.path.insert(0, str(REPO))
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtTest import QTest

    from essdesk import app as essdesk_app
    from essdesk.notes import open_notes

    store, _ = open_notes()
    store.add_territory("Communauté de communes du Haut-Bocage", types=["territory:zrr"])
    store.close()
    app, window = essdesk_app.build([])
    width, height = (int(v) for v in args.size.split("x"))
    window.resize(width, height)
    window.move(0, 0)
    for _ in range(200):
        if window.catalogue is not None and window.notes is not None:
            break
        QTest.qWait(50)
    QTest.qWait(300)

    def shot(scene: str) -> None:
        QTest.qWait(400)
        screen = window.screen() or QGuiApplication.primaryScreen()
        frame = window.frameGeometry()
        image = screen.grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height())
        image.save(str(Path(args.out) / f"find-{scene}.png"))

    for scene in SCENES:
        scene(window, shot)
    window.close()
    app.processEvents()
    return 0


def levers(window, shot) -> None:
    window.show_view("levers")
    tree = window.trees["levers"]
    tree.collapseAll()
    for key in ("lever:1", "outils:lever:1", "cites:lever:1"):
        tree.expand(tree.model_.find(key))
    tree.setCurrentIndex(tree.model_.find("lever:1"))
    window.open_entry("lever:1")
    shot("levers")


def tool_page(window, shot) -> None:
    window.show_view("levers")
    window.trees["levers"].reveal("tool:2.2")
    window.open_entry("tool:2.2")
    shot("tool")


def typo(window, shot) -> None:
    from PySide6.QtTest import QTest

    field = window.search_field
    field.setFocus()
    field.clear()
    QTest.keyClicks(field, "frnace activ")
    for _ in range(100):
        QTest.qWait(100)
        if window.search.model.rowCount():
            break
    shot("typo")


def first_steps(window, shot) -> None:
    window.search_field.clear()
    dialog = window.show_help()
    dialog.move(window.x() + 300, window.y() + 70)
    shot("first-steps")
    dialog.show_tab("glossary")
    shot("glossary")
    dialog.close()


def for_my_territory(window, shot) -> None:
    from PySide6.QtTest import QTest

    window.search_field.clear()
    window.show_view("directory")
    panel = window.directory
    for _ in range(100):
        if panel.mine_button.isEnabled():
            break
        QTest.qWait(100)
    from PySide6.QtTest import QSignalSpy

    spy = QSignalSpy(panel.results_shown)
    panel.mine_button.click()
    spy.wait(20000)
    QTest.qWait(300)
    shot("for-my-territory")


SCENES = [levers, tool_page, typo, first_steps, for_my_territory]

if __name__ == "__main__":
    raise SystemExit(main())
