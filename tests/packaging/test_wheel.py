"""The wheel: built from a clean checkout, installed with its dependencies into a fresh venv
(pip's cache makes the second run quick), run from outside the repository."""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

import pytest
from pkgtools import run, user_env

pytestmark = pytest.mark.packaging


@pytest.fixture(scope="module")
def wheel(clean_checkout: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(out), "."],
        cwd=clean_checkout,
    )
    (found,) = out.glob("essdesk-*.whl")
    return found


def test_wheel_ships_the_catalogue_and_resources(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for shipped in (
        "essdesk/data/catalogue.sqlite3",
        "essdesk/resources/essdesk.qss",
        "essdesk/resources/essdesk.png",
        "essdesk/resources/i18n/essdesk_en.qm",
        "essdesk/selfcheck.py",
    ):
        assert shipped in names
    assert not [n for n in names if n.endswith((".toml", ".ts")) and n.startswith("essdesk/")]


def test_wheel_self_check_in_a_fresh_venv(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", str(venv)])
    python = venv / "bin" / "python"
    run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(wheel)])
    home = tmp_path / "home"
    home.mkdir()
    elsewhere = tmp_path / "elsewhere"  # not the repository: nothing can come from a checkout
    elsewhere.mkdir()
    out = run([str(venv / "bin" / "essdesk"), "--self-check"], cwd=elsewhere, env=user_env(home))
    assert "vérification réussie" in out.stdout
    site = venv / "lib" / f"python{sys.version_info.major}.{sys.version_info.minor}"
    assert f"ressources ok (wheel : {site}/site-packages/essdesk/resources)" in out.stdout
    assert (home / ".local" / "share" / "essdesk" / "notes.sqlite3").is_file()
