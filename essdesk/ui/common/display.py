"""Can Qt open a window here? Asked before ``QApplication`` exists, because Qt cannot say so:
when its platform plugin fails to load or connect it prints an English hint and aborts the
process (SIGABRT, exit 134), which no Python code can catch.

The answer is a French message naming what is missing (no display at all, a display that does
not answer, or the library the X11 plugin needs) and pointing at the command line, which works
without a display. It only refuses when Qt would certainly abort: a platform chosen with
``QT_QPA_PLATFORM`` or a Wayland session with Qt's Wayland plugin is left to Qt, and Windows
and macOS always have their display.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Mapping
from pathlib import Path

CLI_HINT = (
    "La ligne de commande fonctionne sans affichage : essdesk --help (par exemple "
    "essdesk search dla, essdesk notes list)."
)


def plugin_folders(env: Mapping[str, str]) -> list[Path]:
    """The folders Qt looks in for its platform plugins, in its order."""
    from PySide6.QtCore import QLibraryInfo

    def listed(variable: str) -> list[Path]:
        return [Path(p) for p in env.get(variable, "").split(os.pathsep) if p]

    # QLibraryInfo rather than QCoreApplication.libraryPaths(), which Qt advises against
    # calling before the application exists (its answer changes once it does).
    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    return listed("QT_QPA_PLATFORM_PLUGIN_PATH") + [
        p / "platforms" for p in [*listed("QT_PLUGIN_PATH"), plugins]
    ]


def platform_plugins(name: str, folders: list[Path]) -> list[Path]:
    """Every file of Qt's platform plugin ``name`` (``xcb``, ``wayland``) in ``folders``: Qt
    tries the next when one fails to load."""
    names = (f"libq{name}.so", f"libq{name}-generic.so")
    return [folder / n for folder in folders for n in names if (folder / n).is_file()]


def debian_package(library: str) -> str:
    """The usual Debian/Ubuntu package of a shared library: libxcb-cursor.so.0 → libxcb-cursor0,
    libxkbcommon-x11.so.0 → libxkbcommon-x11-0."""
    match = re.fullmatch(r"(lib[\w+.-]+?)\.so\.(\d+).*", library)
    if match is None:
        return library
    stem, major = match.group(1).lower(), match.group(2)
    return f"{stem}-{major}" if stem[-1].isdigit() else f"{stem}{major}"


def load_problem(plugin: Path) -> str | None:
    """Why the plugin's shared library cannot be loaded (its first missing library), or None.

    Loading it here costs nothing extra: Qt loads the same file right after, and the dynamic
    loader hands back the copy already in memory.
    """
    import ctypes

    try:
        ctypes.CDLL(str(plugin))
    except OSError as exc:
        text = str(exc)
        missing = re.search(r"([\w+.-]+\.so[\w.]*): cannot open shared object file", text)
        if missing is None:
            return f"le module d'affichage X11 de Qt ne se charge pas ({text})"
        library = missing.group(1)
        where = (
            "l'installation d'essdesk est incomplète : réinstallez-la"
            if library.startswith("libQt")
            else f"sous Debian ou Ubuntu : paquet {debian_package(library)}"
        )
        return (
            f"il manque la bibliothèque {library}, dont le module d'affichage X11 de Qt a "
            f"besoin ({where})"
        )
    return None


def x_server_problem(display: str) -> str | None:
    """Why the X server of ``display`` does not answer, or None when a connection succeeds."""
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("xcb") or "libxcb.so.1"
    try:
        xcb = ctypes.CDLL(name)
    except OSError:
        return None  # the plugin loaded, so libxcb is there under a name we did not guess
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    connection = xcb.xcb_connect(display.encode(), None)
    try:
        failed = xcb.xcb_connection_has_error(connection)
    finally:
        xcb.xcb_disconnect(connection)
    if failed:
        return (
            f"l'affichage {display} (variable DISPLAY) ne répond pas : session graphique "
            "fermée, ou connexion à distance sans affichage"
        )
    return None


def wayland_server_problem(wayland: str, env: Mapping[str, str]) -> str | None:
    """Why the Wayland compositor named by ``WAYLAND_DISPLAY`` does not answer, or None."""
    import socket

    path = Path(wayland)
    if not path.is_absolute():
        path = Path(env.get("XDG_RUNTIME_DIR", "")) / wayland
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
            probe.connect(str(path))
    except OSError:
        return f"le serveur Wayland {wayland} (variable WAYLAND_DISPLAY) ne répond pas"
    return None


def display_problem(
    env: Mapping[str, str] | None = None,
    platform: str = sys.platform,
    folders: list[Path] | None = None,
) -> str | None:
    """The French reason Qt cannot open a window here, or None when it can (or Qt decides).

    ``folders``: where the platform plugins are (default: where Qt looks for them).
    """
    env = os.environ if env is None else env
    if platform in ("win32", "darwin") or env.get("QT_QPA_PLATFORM"):
        return None
    folders = plugin_folders(env) if folders is None else folders
    display, wayland = env.get("DISPLAY", ""), env.get("WAYLAND_DISPLAY", "")
    wayland_problem = None
    if wayland:
        if not platform_plugins("wayland", folders):
            wayland_problem = "cette installation n'a pas le module Wayland de Qt"
        else:
            wayland_problem = wayland_server_problem(wayland, env)
            if wayland_problem is None:
                return None  # Qt opens its window on Wayland
    if not display:
        if wayland_problem:
            return f"{wayland_problem}, et la variable DISPLAY (X11, XWayland) est vide"
        return "aucun affichage graphique : les variables DISPLAY et WAYLAND_DISPLAY sont vides"
    # No plugin file where we looked: Qt may know better (a bundle's layout), let it try.
    problems = [load_problem(plugin) for plugin in platform_plugins("xcb", folders)]
    if problems and None not in problems:
        return problems[0]
    return x_server_problem(display)


def refusal(problem: str) -> str:
    """The whole message printed on stderr instead of the window."""
    return f"essdesk : impossible d'ouvrir la fenêtre — {problem}.\n{CLI_HINT}"
