"""The PyInstaller bundle: what it ships, what it leaves out, and that it runs read-only."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from pkgtools import run, snapshot, user_env

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "packaging"))
import trim  # noqa: E402

pytestmark = pytest.mark.packaging

VERSION = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]

MAX_BUNDLE_MIB = 130  # a regression guard; the figure and the floor are in README, Packaging


def tree_files(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()}


def test_bundle_ships_exactly_what_paths_looks_up(bundle: Path) -> None:
    internal = bundle / "_internal"
    assert tree_files(internal / "data") == {"catalogue.sqlite3"}
    expected = {
        str(p.relative_to(REPO / "resources"))
        for pattern in ("*.qss", "*.png", "i18n/*.qm")
        for p in (REPO / "resources").glob(pattern)
    }
    assert tree_files(internal / "resources") == expected
    assert {"essdesk.qss", "essdesk.png", "i18n/essdesk_en.qm"} <= expected
    # the catalogue's sources and the resources' scripts stay in the repository
    shipped = tree_files(internal)
    assert not [f for f in shipped if f.endswith((".toml", ".ts", ".desktop"))]
    assert not [f for f in shipped if f.startswith("resources/") and f.endswith(".py")]
    # the version comes from pyproject, through metadata written by the spec (and only it)
    assert [p.name for p in internal.glob("essdesk*-info")] == [f"essdesk-{VERSION}.dist-info"]


def test_bundle_leaves_out_unused_qt(bundle: Path) -> None:
    qt = bundle / "_internal" / "PySide6" / "Qt"
    translations = {p.name for p in (qt / "translations").glob("*.qm")}
    assert "qtbase_fr.qm" in translations
    assert translations <= {"qtbase_fr.qm", "qtbase_en.qm"}
    plugins = {(p.parent.name, p.name) for p in (qt / "plugins").rglob("*") if p.is_file()}
    for folder, name in plugins:
        stem = name.split(".")[0].removeprefix("lib")
        assert stem in trim.KEEP_PLUGINS.get(folder, set()), f"{folder}/{name}"
    assert ("platforms", "libqxcb.so") in plugins
    assert ("platforms", "libqoffscreen.so") in plugins
    assert ("platforminputcontexts", "libcomposeplatforminputcontextplugin.so") in plugins
    names = {p.name for p in bundle.rglob("*")}
    for unwanted in ("Qml", "Quick", "Network", "Pdf", "Svg", "WaylandClient", "OpenGLWidgets"):
        assert f"libQt6{unwanted}.so.6" not in names
    assert not [n for n in names if n.startswith(("libssl", "libcrypto", "libX11", "libxcb"))]


def test_bundle_has_no_broken_links_or_missing_libraries(bundle: Path) -> None:
    dangling = [p for p in bundle.rglob("*") if p.is_symlink() and not p.exists()]
    assert dangling == []
    internal = bundle / "_internal"
    env = dict(os.environ, LD_LIBRARY_PATH=str(internal))
    missing = []
    for path in bundle.rglob("*"):
        if path.is_symlink() or not path.is_file():
            continue
        with path.open("rb") as f:
            if f.read(4) != b"\x7fELF":
                continue
        out = subprocess.run(["ldd", str(path)], env=env, capture_output=True, text=True)
        missing += [
            f"{path.name}: {line.strip()}"
            for line in out.stdout.splitlines()
            if "not found" in line
        ]
    assert missing == []


def test_bundle_size_stays_lean(bundle: Path) -> None:
    size = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink())
    assert size < MAX_BUNDLE_MIB * 2**20, f"{size / 2**20:.1f} MiB"


def _read_only_command(install: Path, *args: str) -> list[str]:
    """Run the installed executable with its folder read-only: a private read-only bind
    mount when we may mount (root ignores permission bits), else as is (chmod a-w)."""
    if os.geteuid() == 0 and shutil.which("unshare"):
        script = (
            'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" || exit 98\n'
            'if touch "$1/.probe" 2>/dev/null; then rm -f "$1/.probe"; exit 97; fi\n'
            'dir="$1"; shift; exec "$dir/essdesk" "$@"'
        )
        probe = subprocess.run(["unshare", "--mount", "true"], capture_output=True)
        if probe.returncode == 0:
            return ["unshare", "--mount", "sh", "-c", script, "sh", str(install), *args]
    return [str(install / "essdesk"), *args]


def test_bundle_self_check_from_a_read_only_install(bundle: Path, tmp_path: Path) -> None:
    install = tmp_path / "opt" / "essdesk"
    shutil.copytree(bundle, install, symlinks=True)
    home = tmp_path / "home"
    home.mkdir()
    before = snapshot(install)
    subprocess.run(["chmod", "-R", "a-w", str(install)], check=True)
    try:
        out = subprocess.run(
            _read_only_command(install, "--self-check"),
            env=user_env(home),
            capture_output=True,
            text=True,
            timeout=180,
        )
        assert out.returncode not in (97, 98), "the install folder could not be made read-only"
        assert out.returncode == 0, out.stdout + out.stderr
        assert "vérification réussie" in out.stdout
        assert f"ressources ok (bundle : {install}/_internal/resources)" in out.stdout
        notes = home / ".local" / "share" / "essdesk" / "notes.sqlite3"
        assert notes.is_file()
        assert f"notes ok ({notes})" in out.stdout

        search = subprocess.run(
            _read_only_command(install, "search", "DLA", "--json", "--limit", "3"),
            env=user_env(home),
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert search.returncode == 0, search.stderr
        hits = json.loads(search.stdout)
        assert hits and all("key" in hit for hit in hits)
    finally:
        subprocess.run(["chmod", "-R", "u+w", str(install)], check=True)
    assert snapshot(install) == before  # not a file added, changed or touched
    assert not list(install.rglob("__pycache__"))


def test_bundle_version_and_cli(bundle: Path, tmp_path: Path) -> None:
    out = run([str(bundle / "essdesk"), "--version"], env=user_env(tmp_path))
    assert out.stdout.strip() == f"essdesk {VERSION}"
