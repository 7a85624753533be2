"""``essdesk`` where Qt cannot open a window: a French message naming what is missing and
pointing at the command line, exit 1 — not Qt's English hint and an abort (exit 134).

The real program runs in a subprocess with the display variables it would meet over SSH or in
a console; the missing-library case loads a real copy of Qt's X11 plugin whose dependency was
renamed to a library that does not exist.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLibraryInfo

from essdesk.ui.common.display import debian_package, display_problem

QT_PLUGINS = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))


def run_essdesk(tmp_path: Path, **display: str) -> subprocess.CompletedProcess[str]:
    """``python -m essdesk`` (no argument: the window) with only the given display variables."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "XDG_RUNTIME_DIR")
    }
    env.update(ESSDESK_HOME=str(tmp_path / "home"), XDG_RUNTIME_DIR=str(tmp_path), **display)
    return subprocess.run(
        [sys.executable, "-m", "essdesk"], capture_output=True, text=True, env=env, timeout=60
    )


def assert_refused_in_french(out: subprocess.CompletedProcess[str], *named: str) -> None:
    assert out.returncode == 1, (out.returncode, out.stderr)
    assert "impossible d'ouvrir la fenêtre" in out.stderr
    assert "essdesk --help" in out.stderr  # the way on without a display
    for word in named:
        assert word in out.stderr
    assert "qt.qpa" not in out.stderr and "platform plugin" not in out.stderr
    assert out.stdout == ""


def test_no_display_at_all(tmp_path: Path) -> None:
    out = run_essdesk(tmp_path)
    assert_refused_in_french(out, "aucun affichage graphique", "DISPLAY", "WAYLAND_DISPLAY")


def free_display() -> str:
    """A display number no X server listens on."""
    for number in range(640, 700):
        if not Path(f"/tmp/.X11-unix/X{number}").exists():
            return f":{number}"
    raise AssertionError("no free display number")


def test_a_display_that_does_not_answer(tmp_path: Path) -> None:
    display = free_display()
    out = run_essdesk(tmp_path, DISPLAY=display)
    assert_refused_in_french(out, f"l'affichage {display}", "ne répond pas")


def test_a_wayland_socket_that_does_not_answer(tmp_path: Path) -> None:
    out = run_essdesk(tmp_path, WAYLAND_DISPLAY="wayland-7")
    assert_refused_in_french(out, "wayland-7", "DISPLAY")


@pytest.fixture
def plugin_missing_a_library(tmp_path: Path) -> Path:
    """A copy of Qt's X11 plugin that needs ``libxcb-cursxx.so.0`` instead of
    ``libxcb-cursor.so.0``, beside a link to Qt's libraries (its RUNPATH is ``$ORIGIN/../../lib``)."""
    real = (QT_PLUGINS / "platforms" / "libqxcb.so").read_bytes()
    needed = b"\0libxcb-cursor.so.0\0"
    assert real.count(needed) == 1
    folder = tmp_path / "plugins" / "platforms"
    folder.mkdir(parents=True)
    (folder / "libqxcb.so").write_bytes(real.replace(needed, b"\0libxcb-cursxx.so.0\0"))
    (tmp_path / "lib").symlink_to(QT_PLUGINS.parent / "lib")
    return folder


def test_a_library_of_the_x11_plugin_missing(plugin_missing_a_library: Path) -> None:
    problem = display_problem(
        {"DISPLAY": ":0"}, platform="linux", folders=[plugin_missing_a_library]
    )
    assert problem is not None
    assert "libxcb-cursxx.so.0" in problem and "paquet libxcb-cursxx0" in problem


def test_a_working_copy_of_the_plugin_is_enough(plugin_missing_a_library: Path, xvfb: str) -> None:
    """Qt tries the next copy of a plugin when one fails to load: so does the check."""
    folders = [plugin_missing_a_library, QT_PLUGINS / "platforms"]
    assert display_problem({"DISPLAY": xvfb}, platform="linux", folders=folders) is None


@pytest.fixture
def xvfb() -> Iterator[str]:
    if shutil.which("Xvfb") is None:
        pytest.fail("Xvfb is not installed (.ci/run installs it)")
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", "1", "-screen", "0", "800x600x24", "-nolisten", "tcp"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    assert server.stdout is not None
    number = server.stdout.readline().decode().strip()
    assert number.isdigit(), "Xvfb did not start"
    try:
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)
        server.stdout.close()


def test_a_real_display_is_accepted(xvfb: str) -> None:
    assert display_problem({"DISPLAY": xvfb}, platform="linux") is None


def test_a_chosen_platform_is_left_to_qt() -> None:
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, platform="linux") is None
    assert display_problem({}, platform="win32") is None


@pytest.mark.parametrize(
    ("library", "package"),
    [
        ("libxcb-cursor.so.0", "libxcb-cursor0"),
        ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
        ("libX11-xcb.so.1", "libx11-xcb1"),
        ("libxcb-render-util.so.0", "libxcb-render-util0"),
    ],
)
def test_debian_package_names(library: str, package: str) -> None:
    assert debian_package(library) == package
