"""The Debian package: built from the bundle, installed with dpkg, run from the PATH and on a
real X display (Xvfb), removed without leaving a file — and without touching user data.

Needs root and dpkg (CI runs as root on Debian); the xcb libraries the package depends on are
installed by .ci/run. Set ESSDESK_SCREENSHOT_DIR to keep the screenshot.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pkgtools import run, snapshot, user_env

REPO = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.packaging,
    pytest.mark.skipif(
        sys.platform != "linux" or os.geteuid() != 0 or not shutil.which("dpkg-deb"),
        reason="needs root and dpkg (Debian)",
    ),
]

INSTALLED = [
    Path("/opt/essdesk"),
    Path("/usr/bin/essdesk"),
    Path("/usr/share/applications/essdesk.desktop"),
    Path("/usr/share/icons/hicolor/256x256/apps/essdesk.png"),
    Path("/usr/share/doc/essdesk"),
]
# What the xcb platform plugin needs on a real display (ldd on platforms/libqxcb.so and
# libQt6XcbQpa.so.6); the package must declare at least these.
XCB_PACKAGES = {
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-image0",
    "libxcb-keysyms1",
    "libxcb-randr0",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-xkb1",
    "libxkbcommon-x11-0",
    "libx11-xcb1",
}
MIN_COLOURS = 50  # an empty X screen has 1; the window has hundreds


@pytest.fixture(scope="module")
def deb(bundle: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out_dir = tmp_path_factory.mktemp("deb")
    run(
        [
            sys.executable,
            str(REPO / "packaging" / "build_deb.py"),
            "--bundle",
            str(bundle),
            "--out",
            str(out_dir),
        ]
    )
    (found,) = out_dir.glob("essdesk_*.deb")
    return found


def depends(deb: Path) -> set[str]:
    field = run(["dpkg-deb", "-f", str(deb), "Depends"]).stdout
    return {part.strip().split(" ")[0] for part in field.split(",") if part.strip()}


def test_deb_declares_what_the_xcb_plugin_needs(deb: Path) -> None:
    declared = depends(deb)
    assert declared >= XCB_PACKAGES, sorted(XCB_PACKAGES - declared)
    assert "libc6" in declared
    assert "libpq5" in declared  # psycopg loads it with ctypes: readelf cannot see it


def test_deb_layout(deb: Path) -> None:
    listing = run(["dpkg-deb", "-c", str(deb)]).stdout.splitlines()
    paths = {line.split()[5].removeprefix(".") for line in listing}
    assert "/opt/essdesk/essdesk" in paths
    assert "/opt/essdesk/_internal/data/catalogue.sqlite3" in paths
    assert "/usr/share/applications/essdesk.desktop" in paths
    assert "/usr/share/icons/hicolor/256x256/apps/essdesk.png" in paths
    link = next(line for line in listing if line.split()[5] == "./usr/bin/essdesk")
    assert link.startswith("l") and link.endswith("-> /opt/essdesk/essdesk")
    assert all(p.startswith(("/opt/essdesk", "/usr/")) or p in ("/", "/opt/") for p in paths)
    # nothing runs as root at install or removal
    control = run(["dpkg-deb", "--ctrl-tarfile", str(deb)], text=False).stdout
    assert b"postinst" not in control and b"postrm" not in control


def _missing_packages(packages: set[str]) -> list[str]:
    missing = []
    for package in sorted(packages):
        out = subprocess.run(
            ["dpkg-query", "-W", "-f=${Status}", package], capture_output=True, text=True
        )
        if "install ok installed" not in out.stdout:
            missing.append(package)
    return missing


@pytest.fixture
def installed(deb: Path) -> Iterator[Path]:
    missing = _missing_packages(depends(deb))
    if missing:
        pytest.fail("install these first (.ci/run does): apt-get install " + " ".join(missing))
    if subprocess.run(["dpkg", "-s", "essdesk"], capture_output=True).returncode == 0:
        run(["dpkg", "-r", "essdesk"])  # an older copy from a previous run
    run(["dpkg", "-i", str(deb)])
    try:
        yield Path("/opt/essdesk")
    finally:
        subprocess.run(["dpkg", "-r", "essdesk"], capture_output=True)


def _start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    assert xvfb.stdout is not None
    number = xvfb.stdout.readline().decode().strip()
    assert number.isdigit(), "Xvfb did not start"
    return xvfb, f":{number}"


def _colours(png: Path) -> int:
    out = run(["identify", "-format", "%k", str(png)])
    return int(out.stdout.strip())


def _screenshot_of_the_app(home: Path, shots: Path) -> tuple[Path, int]:
    """Start the installed essdesk on Xvfb; screenshot the screen once the window is drawn."""
    xvfb, display = _start_xvfb()
    app = None
    try:
        env = user_env(home, DISPLAY=display, PATH="/usr/bin:/bin")
        log = shots / "essdesk-xvfb.log"
        with log.open("wb") as sink:
            app = subprocess.Popen(["essdesk"], env=env, stdout=sink, stderr=subprocess.STDOUT)
        png = shots / "essdesk-xvfb.png"
        colours = 0
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            time.sleep(1.0)
            assert app.poll() is None, log.read_text(errors="replace")[-3000:]
            run(["import", "-display", display, "-window", "root", str(png)])
            colours = _colours(png)
            if colours >= MIN_COLOURS:
                time.sleep(1.5)  # let the catalogue fill the trees, then take the real one
                run(["import", "-display", display, "-window", "root", str(png)])
                colours = _colours(png)
                break
        return png, colours
    finally:
        if app is not None:
            app.send_signal(signal.SIGTERM)
            try:
                app.wait(timeout=10)
            except subprocess.TimeoutExpired:
                app.kill()
                app.wait()
        xvfb.terminate()
        xvfb.wait(timeout=10)
        if xvfb.stdout is not None:
            xvfb.stdout.close()


def test_deb_installs_runs_and_removes_cleanly(installed: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    assert shutil.which("essdesk", path="/usr/bin:/bin") == "/usr/bin/essdesk"
    before = snapshot(installed)

    out = run(["essdesk", "--self-check"], env=user_env(home, PATH="/usr/bin:/bin"))
    assert "vérification réussie" in out.stdout
    assert "ressources ok (bundle : /opt/essdesk/_internal/resources)" in out.stdout
    notes = home / ".local" / "share" / "essdesk" / "notes.sqlite3"
    assert notes.is_file()

    validate = run(["desktop-file-validate", "/usr/share/applications/essdesk.desktop"])
    assert "error" not in validate.stdout.lower()

    shots = Path(os.environ.get("ESSDESK_SCREENSHOT_DIR") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    png, colours = _screenshot_of_the_app(home, shots)
    assert colours >= MIN_COLOURS, f"the X screen looks empty ({colours} colours): {png}"
    size = run(["identify", "-format", "%w %h", str(png)]).stdout.split()
    assert size == ["1280", "800"]

    assert snapshot(installed) == before  # running it wrote nothing in /opt/essdesk

    run(["dpkg", "-r", "essdesk"])
    for path in INSTALLED:
        assert not path.exists() and not path.is_symlink(), path
    assert subprocess.run(["dpkg", "-s", "essdesk"], capture_output=True).returncode != 0
    assert notes.is_file(), "removing the package must never touch the user's notes"
