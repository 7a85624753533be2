"""Composition root of the desktop app: settings, translators, the window, then the catalogue.

Nothing slow runs before the window is shown: SQLAlchemy is imported and the catalogue opened
from the event loop's first turn (``QTimer.singleShot(0, …)``), after ``show()``.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSocketNotifier, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from essdesk import APP_NAME, __version__, paths
from essdesk.ui.common import settings
from essdesk.ui.common.i18n import install_translators
from essdesk.ui.common.links import UrlOpener, system_opener
from essdesk.ui.main_window import MainWindow, zoomed_font

if TYPE_CHECKING:
    from essdesk.catalogue.store import Catalogue
    from essdesk.notes import NotesStore, RecoveryReport

    NotesOpener = Callable[[], tuple[NotesStore, RecoveryReport | None]]


def open_catalogue() -> Catalogue:
    # the catalogue and the territory's own entries; imports SQLAlchemy: keep it after show()
    from essdesk.local.catalogue import TerritoryCatalogue

    return TerritoryCatalogue.open_local()


def load_catalogue(window: MainWindow, factory: Callable[[], Catalogue] = open_catalogue) -> None:
    """Open the catalogue and hand it to the window; a failure is shown in the window."""
    try:
        catalogue = factory()
    except Exception as exc:  # CatalogueError, or anything a damaged file can raise
        window.set_catalogue_error(str(exc))
        return
    window.set_catalogue(catalogue)


def load_notes(window: MainWindow, opener: NotesOpener | None = None) -> None:
    """Open the notes and wire them in: after the catalogue, since it imports SQLAlchemy.

    A notes file that cannot be opened (locked, read-only, newer) is explained in the notes
    panel; the catalogue stays usable.
    """
    from essdesk.ui.notes.feature import attach_notes
    from essdesk.ui.notes.notes_session import default_opener

    attach_notes(window, opener or default_opener)


def keep_style_sheet(app: QApplication, window: MainWindow) -> None:
    """Re-apply the application style sheet when the palette changes (the desktop switched
    to dark mode while essdesk runs): Qt resolves a sheet's ``palette(...)`` colours when it
    is applied, so without this the old palette's colours stay.

    Driven by the window's palette change rather than an application event filter: such a
    filter sees every event of the application (~1,500 while the window is first shown).
    """
    busy = False

    def reapply() -> None:
        nonlocal busy
        if not busy:  # re-applying the sheet changes palettes in turn
            busy = True
            try:
                app.setStyleSheet(app.styleSheet())
            finally:
                busy = False

    window.palette_changed.connect(reapply)


def style_sheet() -> str:
    path = paths.resources_dir() / "essdesk.qss"
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return ""


def prepare_application(argv: list[str]) -> QApplication:
    """The application as essdesk runs it: Fusion, names, icon, the style sheet.

    The UI tests call it too (through their fixtures), so what they check is what a user gets.
    """
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        # Fusion given as Qt's own "-style" option: app.setStyle() returns a QStyle, and
        # wrapping the first QStyle builds its Python enums (~10 ms before the window shows).
        app = QApplication([sys.argv[0] if sys.argv else APP_NAME, "-style", "Fusion", *argv])
    else:
        app.setStyle("Fusion")
    app.setApplicationName(APP_NAME)
    # No application display name: Qt would append « — essdesk » to every window title,
    # and the main window's already starts with « essdesk — ».
    app.setApplicationVersion(__version__)
    icon = paths.resources_dir() / "essdesk.png"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    app.setStyleSheet(style_sheet())
    return app


def create_window(
    app: QApplication,
    opener: UrlOpener = system_opener,
    save_settings: bool = True,
) -> MainWindow:
    """The window with the user's settings applied: text size and language before the first
    widget exists (no re-polish at start-up), the settings file it writes back to."""
    settings_path = settings.settings_path()
    state = settings.load_state(settings_path)
    QApplication.setFont(zoomed_font(state.font_zoom))
    install_translators(app, state.language)  # parented to app: they live as long as it
    window = MainWindow(
        state=state, settings_path=settings_path if save_settings else None, opener=opener
    )
    keep_style_sheet(app, window)
    return window


def build(
    argv: list[str],
    opener: UrlOpener = system_opener,
    factory: Callable[[], Catalogue] = open_catalogue,
    notes_opener: NotesOpener | None = None,
    save_settings: bool = True,
) -> tuple[QApplication, MainWindow]:
    """Create the application and the window, show it, schedule the catalogue.

    ``save_settings=False`` reads the user's settings but never writes them (self-check).
    """
    app = prepare_application(argv)
    window = create_window(app, opener, save_settings)
    window.show()
    # A window closed before these turns of the event loop come gets nothing opened into it:
    # a notes store opened then would never be closed (the window let its notes go already).
    closed: list[bool] = []
    window.closing.connect(lambda: closed.append(True))

    def start() -> None:
        if closed:
            return
        window.build_pages()
        load_catalogue(window, factory)
        # one more turn of the event loop: the trees paint before the notes open. Without a
        # catalogue (missing, damaged) the notes still open: they are the user's own work.
        QTimer.singleShot(0, lambda: None if closed else load_notes(window, notes_opener))

    QTimer.singleShot(0, start)
    return app, window


_terminate_wiring: list[object] = []


def close_on_terminate(app: QApplication, window: MainWindow) -> None:
    """SIGTERM (session logout, system shutdown, ``kill``) closes the window as Ctrl+Q does:
    the window state and any note not yet saved are written before the process ends.

    Python runs a signal handler only when Python code runs, which a waiting Qt event loop
    does not do: the signal also writes a byte to a socket (``signal.set_wakeup_fd``) that a
    ``QSocketNotifier`` watches, so the loop wakes up and the handler runs at once.
    """
    import signal
    import socket

    if not hasattr(signal, "SIGTERM"):
        return
    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    try:
        signal.set_wakeup_fd(writer.fileno())
    except ValueError:  # not the main thread: leave the default behaviour
        reader.close()
        writer.close()
        return
    signal.signal(signal.SIGTERM, lambda _sig, _frame: QTimer.singleShot(0, window.close))
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, app)

    def drain() -> None:
        with contextlib.suppress(OSError):
            reader.recv(64)

    notifier.activated.connect(drain)
    _terminate_wiring.append((reader, writer, notifier))  # alive as long as the process


def run(argv: list[str]) -> int:
    """Run the desktop app until its window closes; returns the exit code.

    Where Qt could not open a window it would abort the process (exit 134) with an English
    hint: say in French what is missing instead, and exit 1.
    """
    from essdesk.ui.common.display import display_problem, refusal

    problem = display_problem()
    if problem is not None:
        print(refusal(problem), file=sys.stderr)
        return 1
    app, window = build(argv)
    close_on_terminate(app, window)
    code = app.exec()
    if window.catalogue is not None:
        window.catalogue.close()
    return code


if __name__ == "__main__":
    raise SystemExit(run(sys.argv[1:]))
