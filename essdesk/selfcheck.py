"""``essdesk --self-check``: prove an installation works, in one line, without a user.

It runs what a real start runs, in the same order, from wherever essdesk is installed (a
checkout, a wheel, a PyInstaller bundle, the .deb): the shipped catalogue opened read-only, a
search, the notes database opened (or created) in the user folder through the same safety net
as the app, the shipped resources, then the real main window built by ``essdesk.app.build``
with the catalogue and the notes in it, on Qt's offscreen platform unless ``QT_QPA_PLATFORM`` says
otherwise. Installers and support staff run it; the packaging tests run it from a read-only
install folder, so it writes nothing but the user's own notes database (and the daily backup
the app takes of it).

Output, in French like the rest of the command line: one line on stdout,
``essdesk X vérification réussie : …``, exit 0; or
``essdesk X vérification ÉCHOUÉE à l'étape « <étape> » : <raison>`` on stderr, exit 1.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from essdesk import __version__, paths

if TYPE_CHECKING:
    from essdesk.catalogue.store import Catalogue

SEARCH_QUERY = "DLA"
"""An acronym the report uses many times: exercises the FTS index and the alias table."""

UI_TIMEOUT_S = 60.0
"""How long the window may take to receive the catalogue (a slow laptop, a cold disk)."""

# Qt's offscreen platform cannot pass size hints to a window system it does not have; this
# says nothing about essdesk (tests/ui/conftest.py ignores it for the same reason).
_IGNORED_QT_MESSAGES = ("This plugin does not support propagateSizeHints",)


class SelfCheckError(Exception):
    """A step failed; ``step`` names it in the report."""

    def __init__(self, step: str, reason: str) -> None:
        super().__init__(f"{step}: {reason}")
        self.step = step
        self.reason = reason


@dataclass
class Report:
    parts: list[str] = field(default_factory=list)

    def add(self, text: str) -> None:
        self.parts.append(text)

    def line(self) -> str:
        return f"essdesk {__version__} vérification réussie : " + ", ".join(self.parts)


def install_kind() -> str:
    """Where the shipped files come from, as paths.py resolves them."""
    if getattr(sys, "_MEIPASS", None):
        return "bundle"
    resources = paths.resources_dir().resolve()
    package = Path(paths.__file__).resolve().parent
    return "wheel" if package in resources.parents else "dépôt"


def check_catalogue(report: Report) -> Catalogue:
    from essdesk.catalogue.store import Catalogue, CatalogueError

    path = paths.catalogue_path()
    try:
        catalogue = Catalogue.open(path)
        count = len(catalogue)
    except CatalogueError as exc:
        raise SelfCheckError("catalogue", str(exc)) from exc
    except Exception as exc:
        raise SelfCheckError("catalogue", f"{type(exc).__name__}: {exc} ({path})") from exc
    if count == 0:
        catalogue.close()
        raise SelfCheckError("catalogue", f"aucune entrée dans {path}")
    report.add(f"catalogue {catalogue.version} ({count} entrées)")
    return catalogue


def check_search(catalogue: Catalogue, report: Report) -> None:
    try:
        hits = catalogue.search(SEARCH_QUERY, limit=100)
    except Exception as exc:
        raise SelfCheckError("recherche", f"{type(exc).__name__}: {exc}") from exc
    if not hits:
        raise SelfCheckError("recherche", f"aucun résultat pour {SEARCH_QUERY!r}")
    report.add(f"recherche ok ({len(hits)} résultats)")


def check_notes(report: Report) -> None:
    from essdesk.notes.errors import NotesError
    from essdesk.notes.safety import open_notes

    try:
        store, recovery = open_notes()
    except NotesError as exc:
        raise SelfCheckError("notes", str(exc)) from exc
    except Exception as exc:
        raise SelfCheckError("notes", f"{type(exc).__name__}: {exc}") from exc
    try:
        store.territories()  # a real read through the store, not just a file that opens
        where = store.path
    finally:
        store.close()
    recovered = f", récupérées : {recovery.problem}" if recovery is not None else ""
    report.add(f"notes ok ({where}{recovered})")


def check_resources(report: Report) -> None:
    folder = paths.resources_dir()
    needed = [folder / "essdesk.qss", folder / "essdesk.png", folder / "i18n" / "essdesk_en.qm"]
    missing = [str(p) for p in needed if not p.is_file()]
    if missing:
        raise SelfCheckError("ressources", "fichiers manquants : " + ", ".join(missing))
    report.add(f"ressources ok ({install_kind()} : {folder})")


def _message_filter(messages: list[str]) -> Callable[..., None]:
    def handler(mode: Any, context: Any, message: str) -> None:
        if not any(ignored in message for ignored in _IGNORED_QT_MESSAGES):
            messages.append(message)

    return handler


def check_ui(report: Report) -> None:
    """Build the real window (essdesk.app.build) and wait until it holds the catalogue."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        from PySide6.QtCore import qInstallMessageHandler
        from PySide6.QtGui import QGuiApplication

        from essdesk import app as essdesk_app
    except ImportError as exc:
        raise SelfCheckError("interface", f"Qt indisponible : {exc}") from exc

    messages: list[str] = []
    previous = qInstallMessageHandler(_message_filter(messages))
    try:
        try:
            # The self-check must not overwrite the user's window layout with an offscreen one.
            qt_app, window = essdesk_app.build([], save_settings=False)
        except Exception as exc:
            raise SelfCheckError("interface", f"{type(exc).__name__}: {exc}") from exc
        # The app opens the notes itself, one event-loop turn after the catalogue: the window
        # is checked whole, and closes its notes store itself.
        notes: list[str] = []
        window.notes_attached.connect(notes.append)
        try:
            deadline = time.monotonic() + UI_TIMEOUT_S
            while window.catalogue is None and time.monotonic() < deadline:
                qt_app.processEvents()
                time.sleep(0.005)
            if window.catalogue is None:
                status = getattr(window, "catalogue_status", None)
                detail = status.text() if status is not None else ""
                raise SelfCheckError(
                    "interface",
                    f"la fenêtre n'a pas reçu le catalogue en {UI_TIMEOUT_S:.0f} s {detail}",
                )
            if not window.isVisible():
                raise SelfCheckError("interface", "la fenêtre principale n'est pas affichée")
            while not notes and time.monotonic() < deadline:
                qt_app.processEvents()
                time.sleep(0.005)
            if not notes:
                raise SelfCheckError(
                    "interface", f"la fenêtre n'a pas ouvert les notes en {UI_TIMEOUT_S:.0f} s"
                )
            if notes[0]:
                raise SelfCheckError("interface", f"notes dans la fenêtre : {notes[0]}")
            platform = QGuiApplication.platformName()
        finally:
            window.close()
            if window.catalogue is not None:
                window.catalogue.close()
            qt_app.processEvents()
    finally:
        qInstallMessageHandler(previous)
    for message in messages:
        print(f"essdesk vérification : Qt : {message}", file=sys.stderr)
    report.add(f"interface ok ({platform}, notes dans la fenêtre)")


def run_self_check(out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run every check; print one line; return the exit code (0 ok, 1 failed)."""
    out = out or sys.stdout
    err = err or sys.stderr
    report = Report()
    try:
        catalogue = check_catalogue(report)
        try:
            check_search(catalogue, report)
        finally:
            catalogue.close()
        check_notes(report)
        check_resources(report)
        check_ui(report)
    except SelfCheckError as exc:
        print(
            f"essdesk {__version__} vérification ÉCHOUÉE à l'étape « {exc.step} » : {exc.reason}",
            file=err,
            flush=True,
        )
        return 1
    print(report.line(), file=out, flush=True)
    return 0
