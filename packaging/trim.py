"""What a PySide6 widgets bundle leaves out, shared by build.spec and the size benchmark's
minimal bundle (so the floor is trimmed by the same policy and the ratio stays honest).

PyInstaller's Qt hooks collect, for every Qt module imported, all its plugins and every
language of its translations; the binary analysis then pulls each Qt library those plugins
link to (the PDF image plugin brings QtPdf, the TUIO touch plugin QtNetwork, …) and, on
Linux, copies of the desktop's own libraries (libX11, libxcb-*, fontconfig, glib, dbus, …).
This module removes, in named groups so each saving can be measured
(``ESSDESK_TRIM_SKIP=group,group pyinstaller build.spec``; ``benchmarks/bundle_size.py
--savings`` does it):

* ``python-stdlib``: standard-library packages a desktop app does not run (tkinter, unittest,
  pydoc, the test suite, …) — passed to ``Analysis(excludes=…)``;
* ``qt-modules``: PySide6 modules essdesk never imports, so their hooks never run;
* ``qt-plugins``: plugins outside a per-folder allow-list (platforms: xcb and offscreen on
  Linux, windows, cocoa; input methods: compose and ibus, which French dead keys
  and accents need; print support, for the briefing sheet);
* ``qt-translations``: Qt's own translations but French and English;
* ``unused-libs``: shared libraries no kept extension module or plugin links to any more
  (computed with PyInstaller's own dependency reader, not listed): QtPdf once the PDF image
  plugin is gone, GTK once the GTK theme plugin is gone, …;
* ``system-libs`` (Linux): the desktop libraries Qt's platform plugins link to — they come
  from the system (the .deb declares them, found by ``ldd`` + ``dpkg -S`` in
  packaging/build_deb.py); bundling Debian 12's copies would clash with another distribution's
  graphics stack.
"""

from __future__ import annotations

import os
import posixpath
import re
import shutil
import sys
from collections.abc import Sequence
from pathlib import PurePosixPath

GROUPS = (
    "python-stdlib",
    "qt-modules",
    "qt-plugins",
    "qt-translations",
    "system-libs",
    "unused-libs",
)

PYTHON_EXCLUDES = [
    "tkinter",
    "_tkinter",
    "turtle",
    "turtledemo",
    "idlelib",
    "unittest",
    "doctest",
    "pydoc",
    "pydoc_data",
    "test",
    "lib2to3",
    "distutils",
    "setuptools",
    "pkg_resources",
    "ensurepip",
    "venv",
    "curses",
    "readline",
    "xmlrpc",
    "ftplib",
    "imaplib",
    "poplib",
    "smtplib",
    "telnetlib",
    "nntplib",
    "mailbox",
    "http.server",
    "socketserver",
    "wsgiref",
    "cgi",
    "cgitb",
    "pdb",
    "bdb",
    "profile",
    "cProfile",
    "pstats",
    "multiprocessing",
    # ssl stays in: the one network the app speaks is the team server's (issue 14, only
    # once the user connects), and psycopg imports ssl to share OpenSSL with libpq. Both use
    # the system's libssl/libcrypto (libpq5 depends on them; see SYSTEM_LIBS).
    "concurrent.futures.process",
    # SQLAlchemy's optional bridges: essdesk uses the stdlib sqlite3 driver, synchronously,
    # and PostgreSQL's dialect for the team server (issue 14: psycopg over the system's libpq,
    # which does TLS itself: Python's ssl stays out).
    "greenlet",
    "sqlalchemy.ext.asyncio",
    "sqlalchemy.testing",
    "sqlalchemy.ext.mypy",
    "sqlalchemy.dialects.mysql",
    "sqlalchemy.dialects.oracle",
    "sqlalchemy.dialects.mssql",
    # test-only tools that may sit in the build environment
    "pytest",
    "_pytest",
    "pytestqt",
    "hypothesis",
    "IPython",
    "numpy",
]

# Every PySide6 module but QtCore, QtGui, QtWidgets and QtPrintSupport (the briefing sheet
# prints). An import of one of these by essdesk would fail in the bundle: the self-check
# and the UI tests would say so.
QT_MODULE_EXCLUDES = [
    f"PySide6.{name}"
    for name in [
        "Qt3DAnimation",
        "Qt3DCore",
        "Qt3DExtras",
        "Qt3DInput",
        "Qt3DLogic",
        "Qt3DRender",
        "QtAxContainer",
        "QtBluetooth",
        "QtCanvasPainter",
        "QtCharts",
        "QtConcurrent",
        "QtDataVisualization",
        "QtDBus",
        "QtDesigner",
        "QtGraphs",
        "QtGraphsWidgets",
        "QtHelp",
        "QtHttpServer",
        "QtLocation",
        "QtMultimedia",
        "QtMultimediaWidgets",
        "QtNetwork",
        "QtNetworkAuth",
        "QtNfc",
        "QtOpenGL",
        "QtOpenGLWidgets",
        "QtPdf",
        "QtPdfWidgets",
        "QtPositioning",
        "QtQml",
        "QtQuick",
        "QtQuick3D",
        "QtQuickControls2",
        "QtQuickTest",
        "QtQuickWidgets",
        "QtRemoteObjects",
        "QtScxml",
        "QtSensors",
        "QtSerialBus",
        "QtSerialPort",
        "QtSpatialAudio",
        "QtSql",
        "QtStateMachine",
        "QtSvg",
        "QtSvgWidgets",
        "QtTest",
        "QtTextToSpeech",
        "QtUiTools",
        "QtWebChannel",
        "QtWebEngineCore",
        "QtWebEngineQuick",
        "QtWebEngineWidgets",
        "QtWebSockets",
        "QtWebView",
        "QtXml",
    ]
]

# Plugin folder → allowed plugin base names (without lib prefix and extension). A folder not
# listed is dropped whole (imageformats: PNG is built into QtGui; iconengines: no SVG;
# platformthemes: Fusion everywhere, Qt's own dialogs; generic, egldeviceintegrations,
# xcbglintegrations: no OpenGL, no touch devices; tls, networkinformation: no network).
KEEP_PLUGINS: dict[str, set[str]] = {
    # No Wayland plugin: under a Wayland session Qt falls back to xcb through XWayland, which
    # every mainstream desktop runs; that keeps the same window decorations everywhere and
    # spares libQt6WaylandClient, four plugins and two more system dependencies.
    "platforms": {"qxcb", "qoffscreen", "qwindows", "qcocoa"},
    "platforminputcontexts": {
        "composeplatforminputcontextplugin",
        "ibusplatforminputcontextplugin",
    },
    "printsupport": {"cupsprintersupport", "windowsprintersupport", "cocoaprintersupport"},
    "styles": {"qmodernwindowsstyle"},  # Windows only; harmless elsewhere
}

# Linux: strip debug symbols (pyenv's and some distributions' libpython carry ~20 MB of them).
# Not on macOS, where stripping breaks code signatures; a no-op on Windows.
STRIP = sys.platform.startswith("linux") and shutil.which("strip") is not None

# Bytecode as ``python -OO`` compiles it: no docstrings, no asserts (SQLAlchemy's docstrings
# alone are ~0.9 MB of the compressed archive). essdesk must not read ``__doc__`` at run time;
# the bundle's self-check (packaging tests) runs the catalogue, notes and the whole window.
OPTIMIZE = 2

KEEP_TRANSLATIONS = {"qtbase_fr", "qtbase_en"}

# Linux libraries of the desktop stack that Qt's xcb/wayland plugins link to and every
# desktop has; a lib matching one of these and collected from outside the build's Python
# environment is left to the system.
SYSTEM_LIBS = [
    r"libX11(-xcb)?\.so.*",
    r"libXau\.so.*",
    r"libXdmcp\.so.*",
    r"libXext\.so.*",
    r"libXrender\.so.*",
    r"libxcb.*\.so.*",
    r"libxkbcommon(-x11)?\.so.*",
    r"libwayland-.*\.so.*",
    r"libfontconfig\.so.*",
    r"libfreetype\.so.*",
    r"libpng16\.so.*",
    r"libbrotli(common|dec|enc)\.so.*",
    r"libglib-2\.0\.so.*",
    r"libgthread-2\.0\.so.*",
    r"libgobject-2\.0\.so.*",
    r"libgio-2\.0\.so.*",
    r"libgmodule-2\.0\.so.*",
    r"libpcre2-8\.so.*",
    r"libdbus-1\.so.*",
    r"libsystemd\.so.*",
    r"libcap\.so.*",
    r"libgcrypt\.so.*",
    r"libgpg-error\.so.*",
    r"liblz4\.so.*",
    r"libzstd\.so.*",
    r"libbsd\.so.*",
    r"libmd\.so.*",
    r"libcups\.so.*",
    r"libgssapi_krb5\.so.*",
    r"libkrb5.*\.so.*",
    r"libk5crypto\.so.*",
    r"libcom_err\.so.*",
    r"libkeyutils\.so.*",
    r"libavahi-.*\.so.*",
    r"libgnutls\.so.*",
    r"libnettle\.so.*",
    r"libhogweed\.so.*",
    r"libgmp\.so.*",
    r"libidn2\.so.*",
    r"libunistring\.so.*",
    r"libtasn1\.so.*",
    r"libp11-kit\.so.*",
    r"libstdc\+\+\.so.*",
    r"libgcc_s\.so.*",
    # OpenSSL: the system's, as libpq5 (the team server's client library) uses it
    r"libssl\.so.*",
    r"libcrypto\.so.*",
]


def skipped_groups() -> set[str]:
    """Groups disabled for a measurement run (``ESSDESK_TRIM_SKIP``)."""
    raw = os.environ.get("ESSDESK_TRIM_SKIP", "")
    names = {part.strip() for part in raw.split(",") if part.strip()}
    unknown = names - set(GROUPS) - {"all"}
    if unknown:
        raise SystemExit(f"ESSDESK_TRIM_SKIP: unknown group(s) {sorted(unknown)}; known: {GROUPS}")
    return set(GROUPS) if "all" in names else names


def analysis_excludes() -> list[str]:
    skip = skipped_groups()
    out: list[str] = []
    if "python-stdlib" not in skip:
        out += PYTHON_EXCLUDES
    if "qt-modules" not in skip:
        out += QT_MODULE_EXCLUDES
    return out


def _parts(dest: str) -> tuple[str, ...]:
    return PurePosixPath(dest.replace("\\", "/")).parts


def _base(filename: str) -> str:
    """``libqxcb.so`` / ``qwindows.dll`` / ``libqcocoa.dylib`` → ``qxcb`` / ``qwindows`` / …"""
    stem = filename.split(".")[0]
    return stem[3:] if stem.startswith("lib") else stem


def _plugin_kept(parts: tuple[str, ...]) -> bool:
    """``parts`` of a path under …/plugins/: the folder and the file."""
    if "plugins" not in parts:
        return True
    i = len(parts) - 1 - parts[::-1].index("plugins")
    rest = parts[i + 1 :]
    if len(rest) < 2:
        return True
    folder, filename = rest[0], rest[-1]
    allowed = KEEP_PLUGINS.get(folder)
    return allowed is not None and _base(filename) in allowed


def _translation_kept(parts: tuple[str, ...]) -> bool:
    if len(parts) < 2 or parts[-2] != "translations" or not parts[-1].endswith(".qm"):
        return True
    if "PySide6" not in parts:
        return True
    return parts[-1][: -len(".qm")] in KEEP_TRANSLATIONS


def _is_extension(dest: str) -> bool:
    name = _parts(dest)[-1]
    return (
        name.endswith((".pyd", ".abi3.so"))
        or re.search(r"\.cpython-\d+[^/]*\.so$", name) is not None
        or "lib-dynload" in _parts(dest)
    )


def _is_library(dest: str) -> bool:
    """A shared library that is kept only if something kept links to it (not an extension
    module, not a Qt plugin, not the Python library the bootloader loads)."""
    parts = _parts(dest)
    name = parts[-1]
    if "plugins" in parts or _is_extension(dest):
        return False
    if re.match(r"(lib)?python\d", name, re.IGNORECASE) or name == "Python":
        return False
    return re.search(r"\.(so(\.\d+)*|dll|dylib)$", name, re.IGNORECASE) is not None


def _from_system(src: str) -> bool:
    """Collected from the machine rather than from the build's Python environment."""
    if not src:
        return False
    prefix = os.path.realpath(sys.prefix)
    base = os.path.realpath(sys.base_prefix)
    real = os.path.realpath(src)
    return not (real.startswith(prefix + os.sep) or real.startswith(base + os.sep))


def _system_lib_dropped(dest: str, src: str) -> bool:
    if not sys.platform.startswith("linux"):
        return False
    name = _parts(dest)[-1]
    return _from_system(src) and any(re.fullmatch(p, name) for p in SYSTEM_LIBS)


def _needed(path: str) -> set[str]:
    """Names of the libraries a binary links to (transitively on Linux, where PyInstaller
    asks ldd)."""
    from PyInstaller.depend import bindepend

    return {os.path.basename(name) for name, _resolved in bindepend.get_imports(path)}


def _link_target(dest: str, target: str) -> str:
    return posixpath.normpath(posixpath.join(posixpath.dirname(dest.replace("\\", "/")), target))


def _prune_unused(binaries: list[tuple], removed: list[str]) -> list[tuple]:
    """Drop the shared libraries no kept extension module or plugin links to, directly or
    through another kept library. Returns the kept entries."""
    files = [b for b in binaries if b[2] != "SYMLINK"]
    libs_by_name: dict[str, list[tuple]] = {}
    for entry in files:
        if _is_library(entry[0]):
            libs_by_name.setdefault(_parts(entry[0])[-1].lower(), []).append(entry)
    frontier = [b for b in files if not _is_library(b[0])]
    reached: set[str] = set()
    seen: set[str] = set()
    while frontier:
        entry = frontier.pop()
        if entry[1] in seen:
            continue
        seen.add(entry[1])
        try:
            names = _needed(entry[1])
        except Exception as exc:  # unreadable binary: do not guess, keep every library
            print(f"trim unused-libs: skipped, cannot read {entry[1]}: {exc}")
            return binaries
        for name in names:
            lowered = name.lower()
            if lowered in libs_by_name and lowered not in reached:
                reached.add(lowered)
                frontier.extend(libs_by_name[lowered])
    kept = []
    for entry in binaries:
        name = _parts(entry[0])[-1].lower()
        if entry[2] != "SYMLINK" and _is_library(entry[0]) and name not in reached:
            removed.append(entry[0])
            continue
        kept.append(entry)
    return kept


def _drop_dangling_links(toc: list[tuple], removed: set[str]) -> list[tuple]:
    """PyInstaller collects a library once and links other names to it (e.g. the top-level
    ``libQt6Core.so.6`` → ``PySide6/Qt/lib/libQt6Core.so.6``): drop links to removed files."""
    return [
        entry
        for entry in toc
        if entry[2] != "SYMLINK" or _link_target(entry[0], entry[1]) not in removed
    ]


def trim(binaries: Sequence[tuple], datas: Sequence[tuple], log=print) -> tuple[list, list]:
    """Filter an Analysis' TOCs; returns (binaries, datas). Logs every removal by group."""
    skip = skipped_groups()
    removed: dict[str, list[str]] = {g: [] for g in GROUPS}

    def keep(entry: tuple) -> bool:
        dest, src = entry[0], entry[1]
        parts = _parts(dest)
        if "qt-plugins" not in skip and not _plugin_kept(parts):
            removed["qt-plugins"].append(dest)
            return False
        if "qt-translations" not in skip and not _translation_kept(parts):
            removed["qt-translations"].append(dest)
            return False
        if "system-libs" not in skip and _system_lib_dropped(dest, src):
            removed["system-libs"].append(dest)
            return False
        return True

    binaries = [b for b in binaries if keep(b)]
    datas = [d for d in datas if keep(d)]

    if "unused-libs" not in skip:
        binaries = _prune_unused(binaries, removed["unused-libs"])

    gone = {dest.replace("\\", "/") for group in removed.values() for dest in group}
    binaries = _drop_dangling_links(binaries, gone)
    datas = _drop_dangling_links(datas, gone)

    for group in GROUPS:
        if removed[group]:
            log(f"trim {group}: removed {len(removed[group])} file(s)")
    return binaries, datas
