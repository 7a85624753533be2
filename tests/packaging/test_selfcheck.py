"""``essdesk --self-check`` from the checkout, in a real process (fast: part of plain pytest).

The same check runs from the bundle, the .deb and a wheel in test_bundle.py, test_deb.py and
test_wheel.py (marker ``packaging``).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from pkgtools import user_env

REPO = Path(__file__).resolve().parents[2]
OK_LINE = re.compile(
    r"^essdesk \S+ vérification réussie : catalogue \S+ \((\d+) entrées\), "
    r"recherche ok \((\d+) résultats\), notes ok \((?P<notes>[^,)]+)\), "
    r"ressources ok \((?P<kind>\w+) : [^)]+\), interface ok \(\w+, notes dans la fenêtre\)$"
)


def self_check(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "essdesk", "--self-check"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_self_check_from_checkout_creates_notes_in_the_user_folder(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    out = self_check(user_env(home, PYTHONPATH=str(REPO)))
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert len(lines) == 1, out.stdout
    match = OK_LINE.match(lines[0])
    assert match, lines[0]
    assert int(match.group(1)) > 100
    assert int(match.group(2)) > 0
    assert match.group("kind") == "dépôt"
    notes = home / ".local" / "share" / "essdesk" / "notes.sqlite3"
    assert Path(match.group("notes")) == notes
    assert notes.is_file()
    # nothing but the notes database (and the safety net's daily backup of it, taken when the
    # window opens the notes the check just created): no settings from an offscreen window
    written = sorted(str(p.relative_to(home)) for p in home.rglob("*") if p.is_file())
    assert ".local/share/essdesk/notes.sqlite3" in written
    others = [w for w in written if w != ".local/share/essdesk/notes.sqlite3"]
    assert all(w.startswith(".local/share/essdesk/backups/notes-") for w in others), written


def test_self_check_honours_essdesk_home(tmp_path: Path) -> None:
    portable = tmp_path / "portable"
    out = self_check(user_env(tmp_path, PYTHONPATH=str(REPO), ESSDESK_HOME=str(portable)))
    assert out.returncode == 0, out.stderr
    assert (portable / "notes.sqlite3").is_file()


def test_self_check_fails_with_the_reason(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "catalogue.sqlite3"
    out = self_check(user_env(tmp_path, PYTHONPATH=str(REPO), ESSDESK_CATALOGUE=str(missing)))
    assert out.returncode == 1
    assert out.stdout == ""
    assert "vérification ÉCHOUÉE à l'étape « catalogue »" in out.stderr
    assert str(missing) in out.stderr


def test_self_check_reports_a_damaged_catalogue(tmp_path: Path) -> None:
    damaged = tmp_path / "catalogue.sqlite3"
    damaged.write_bytes(b"this is not a database" * 100)
    out = self_check(user_env(tmp_path, PYTHONPATH=str(REPO), ESSDESK_CATALOGUE=str(damaged)))
    assert out.returncode == 1
    assert "vérification ÉCHOUÉE à l'étape « catalogue »" in out.stderr
