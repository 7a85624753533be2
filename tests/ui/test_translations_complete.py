"""Every interface string has its English: the strings are extracted from the code as it is
now (pyside6-lupdate into a temporary file) and each is looked up in the shipped .qm, so a
new string without its translation, or a .qm not rebuilt, fails here rather than showing
French in the English interface."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QTranslator

from essdesk import paths

ROOT = Path(__file__).resolve().parents[2]


def _lupdate() -> str:
    found = shutil.which("pyside6-lupdate") or str(Path(sys.executable).parent / "pyside6-lupdate")
    assert Path(found).exists(), "pyside6-lupdate comes with PySide6"
    return found


def test_every_interface_string_has_its_english(tmp_path: Path, qapp) -> None:
    sources = sorted(str(p) for p in (ROOT / "essdesk" / "ui").rglob("*.py"))
    ts = tmp_path / "now.ts"
    subprocess.run(
        [_lupdate(), *sources, str(ROOT / "essdesk" / "app.py"), "-source-language", "fr",
         "-target-language", "en", "-ts", str(ts)],
        check=True, capture_output=True, cwd=ROOT,
    )  # fmt: skip
    translator = QTranslator()
    assert translator.load("essdesk_en", str(paths.resources_dir() / "i18n"))
    missing = []
    count = 0
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            count += 1
            if not translator.translate(name, source):
                missing.append(f"{name}: {source}")
    assert count > 500
    assert missing == [], "\n".join(missing)
