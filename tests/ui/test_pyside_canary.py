"""Canary for the PySide6 6.12.0 + Python 3.11 bug that loses a reference to None on every
QStandardItemModel.appendRow / QStandardItem.setData call and then aborts the interpreter
(``Fatal Python error: none_dealloc``). Runs in a subprocess so a crash cannot take pytest
down with it."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import PySide6

CALLS = 3000

SCRIPT = textwrap.dedent(
    f"""
    import os, sys
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    model = QStandardItemModel()
    before = sys.getrefcount(None)
    for i in range({CALLS}):
        item = QStandardItem(str(i))
        item.setData(None, Qt.ItemDataRole.UserRole + 1)
        item.setData(i, Qt.ItemDataRole.UserRole + 2)
        model.appendRow(item)
    model.clear()
    print(before - sys.getrefcount(None))
    """
)


def test_pyside_keeps_references_to_none() -> None:
    version = PySide6.__version__
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, (
        f"PySide6 {version} crashed on QStandardItemModel calls (exit {proc.returncode}); "
        f"PySide6 6.12.0 on Python 3.11 has this bug, install another version "
        f"(e.g. 6.11.3).\n{proc.stderr[-2000:]}"
    )
    lost = int(proc.stdout.strip().splitlines()[-1])
    assert lost < CALLS // 2, (
        f"PySide6 {version} lost {lost} references to None in {CALLS} item calls: this is "
        f"the 6.12.0 + Python 3.11 none_dealloc bug; install another version (e.g. 6.11.3)."
    )
