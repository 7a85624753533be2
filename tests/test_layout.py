"""The architecture rules of style.md, checked: storage never imports Qt, the UI holds no SQL,
and the wheel ships every package."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "essdesk"


def test_every_package_is_shipped() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {".".join(init.parent.relative_to(ROOT).parts) for init in PACKAGE.rglob("__init__.py")}
    assert found <= listed, f"add to pyproject's packages: {sorted(found - listed)}"


def test_domain_and_cli_do_not_import_qt() -> None:
    code = (
        "import sys, essdesk.catalogue.store, essdesk.catalogue.build, essdesk.notes, "
        "essdesk.cli, essdesk.cli.notes; "
        "essdesk.cli.build_parser(); "
        "print(sorted(m for m in sys.modules if m.startswith('PySide6')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_cli_commands_do_not_import_the_dispatcher() -> None:
    """``essdesk.cli`` imports the command modules; they take their helpers from
    ``essdesk.cli.common``, never from the dispatcher (no import cycle)."""
    dispatcher = re.compile(
        r"^\s*(from essdesk\.cli import|from essdesk import cli\b|import essdesk\.cli\s*$)", re.M
    )
    offenders = [
        path.name
        for path in (PACKAGE / "cli").glob("*.py")
        if path.name != "__init__.py" and dispatcher.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
    common = (PACKAGE / "cli" / "common.py").read_text(encoding="utf-8")
    assert not re.search(r"^\s*(from|import) essdesk\.cli\b", common, re.M)
    code = "import essdesk.cli.brief, essdesk.cli.notes, essdesk.cli.catalogue; print('ok')"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "ok"


def test_ui_holds_no_sql() -> None:
    sql = re.compile(
        r"\b(SELECT|INSERT|UPDATE|DELETE)\s+\w|import sqlite3|from sqlalchemy|import sqlalchemy"
    )
    offenders = [
        str(path.relative_to(ROOT))
        for path in (PACKAGE / "ui").rglob("*.py")
        if sql.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_version_matches_pyproject() -> None:
    import essdesk

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert essdesk.__version__ == config["project"]["version"]


def test_catalogue_reader_does_not_import_sqlalchemy() -> None:
    """The window is usable before SQLAlchemy is imported (start-up budget)."""
    code = (
        "import sys, essdesk.catalogue.store, essdesk.app; "
        "print(sorted(m for m in sys.modules if m.startswith('sqlalchemy')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_plain_start_does_not_build_the_cli() -> None:
    """``essdesk`` without arguments goes straight to the window (no SQLAlchemy before it)."""
    code = (
        "import sys, essdesk.app; essdesk.app.run = lambda argv: 0; "
        "import essdesk.__main__ as m; sys.argv = ['essdesk']; m.main(); "
        "print(sorted(n for n in sys.modules if n.startswith(('sqlalchemy', 'essdesk.cli'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_first_paint_imports_only_what_is_on_screen(tmp_path: Path) -> None:
    """Building and showing the window leaves the pages not on screen unimported: they are
    built just after the first paint (start-up budget, ``benchmarks/startup.py``). Run as a
    user would, without ESSDESK_HOME: the settings come from Qt's config folder, and
    platformdirs (the notes' folder) waits for the notes."""
    built_next = (
        "essdesk.catalogue.records",
        "essdesk.ui.catalogue.directory",
        "essdesk.ui.notes.my_notes",
        "essdesk.ui.catalogue.search",
    )
    later = ("essdesk.ui.help.about", "essdesk.textfold", "platformdirs")
    code = (
        "import sys, essdesk.app; app, window = essdesk.app.build([]); "
        "loaded = lambda names: sorted(n for n in sys.modules if n in names); "
        f"print(loaded({built_next + later!r})); "
        "window.build_pages(); "
        f"print(loaded({built_next + later!r})); "
        "print(window._settings_path); "
        "app.setStyleSheet(''); print(app.style().name())"  # Fusion, given as "-style"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ESSDESK_", "XDG_"))}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path))
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    before, after, settings, style = out.stdout.strip().splitlines()
    assert before == "[]"
    assert after == repr(sorted(built_next))
    assert settings == str(tmp_path / ".config" / "essdesk" / "settings.ini")
    assert style == "fusion"


def test_ui_common_imports_no_room() -> None:
    """``essdesk/ui/common`` is what the rooms share: it imports none of them (no cycle)."""
    room = re.compile(r"^\s*(from|import) essdesk\.ui\.(?!common\b)\w+", re.M)
    offenders = [
        path.name
        for path in (PACKAGE / "ui" / "common").glob("*.py")
        if room.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_long_files_say_why() -> None:
    """style.md: no file over ~500 lines without a reason written at its top."""
    import ast

    unexplained = []
    for folder in ("essdesk", "tests", "benchmarks", "packaging"):
        for path in (ROOT / folder).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            if text.count("\n") > 500:
                doc = ast.get_docstring(ast.parse(text)) or ""
                if "Over 500 lines" not in doc:
                    unexplained.append(str(path.relative_to(ROOT)))
    assert unexplained == []


def test_the_team_sync_writes_through_the_one_writer() -> None:
    """Issue 10's one writer: the team sync changes notes, statuses, trash and territories
    through ``NotesStore.writing()``'s methods, and its own tables through
    ``NotesWriter.bookkeep`` (which refuses any other table); no private door of the store."""
    doors = ("._write(", "._read(", "NotesWriter(", "._conn", "exec_driver_sql", "text(")
    for name in ("sync.py", "local_sync.py"):  # the notes, and the local entries
        source = (PACKAGE / "team" / name).read_text(encoding="utf-8")
        assert [door for door in doors if door in source] == [], name
