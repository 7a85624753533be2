"""pytest-qt fixtures: the real catalogue, real widgets, offscreen, a throwaway user folder."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale, QUrl
from PySide6.QtWidgets import QApplication, QDialog

from essdesk.app import create_window, prepare_application, style_sheet
from essdesk.catalogue.store import Catalogue
from essdesk.paths import catalogue_path
from essdesk.ui.common.i18n import install_translators
from essdesk.ui.main_window import MainWindow

UI_DIR = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Qt's offscreen platform plugin warns that it cannot pass window size hints to a
    window system (it has none); that says nothing about essdesk, every other warning
    still fails a test."""
    for item in items:
        if UI_DIR in Path(str(item.path)).resolve().parents:
            item.add_marker(
                pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
            )


@pytest.fixture(autouse=True)
def ui_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Settings and notes of UI tests live in the test's own folder."""
    home = tmp_path / "home"
    monkeypatch.setenv("ESSDESK_HOME", str(home))
    monkeypatch.delenv("ESSDESK_CATALOGUE", raising=False)
    return home


@pytest.fixture(scope="session", autouse=True)
def _application_as_essdesk_runs_it(qapp: QApplication) -> QApplication:
    """Style, style sheet, names and icon exactly as ``essdesk`` sets them: a test run
    without the style sheet once passed a text zoom that did nothing in the application."""
    return prepare_application([])


@pytest.fixture(autouse=True)
def _reset_app_font_and_language(
    qapp: QApplication, _application_as_essdesk_runs_it: QApplication
) -> Iterator[None]:
    if qapp.styleSheet() != style_sheet():  # a test before cleared it: essdesk's again
        qapp.setStyleSheet(style_sheet())
    font = qapp.font()
    yield
    if qapp.font() != font:
        qapp.setFont(font)
        qapp.setStyleSheet(qapp.styleSheet())
    if QLocale().language() != QLocale.Language.French:
        install_translators(qapp, "fr")


@pytest.fixture(scope="session")
def catalogue() -> Iterator[Catalogue]:
    """The shipped catalogue, opened read-only as the app does."""
    cat = Catalogue.open(catalogue_path())
    yield cat
    cat.close()


class OpenedUrls(list):
    """Stands in for the system browser: records what would have been opened."""

    def __call__(self, url: QUrl) -> bool:
        self.append(url.toString())
        return True


@pytest.fixture
def opened() -> OpenedUrls:
    return OpenedUrls()


@pytest.fixture
def make_window(qtbot, catalogue: Catalogue, opened: OpenedUrls):
    """Build a window as ``essdesk.app`` does (``create_window``: the settings file, the
    text size and the translators it names), with the catalogue attached and the first
    directory query done."""

    def make(with_catalogue: bool = True) -> MainWindow:
        window = create_window(QApplication.instance(), opener=opened)
        qtbot.addWidget(window)
        if window.state.geometry is None:
            window.resize(1280, 720)  # the offscreen screen is 800x600; test the projector size
        window.show()
        qtbot.waitExposed(window)
        if with_catalogue:
            with qtbot.waitSignal(window.directory.results_shown, timeout=5000):
                window.set_catalogue(catalogue)
        return window

    return make


@pytest.fixture
def window(make_window) -> MainWindow:
    return make_window()


@pytest.fixture
def drive(qtbot, monkeypatch: pytest.MonkeyPatch):
    """``drive(DialogClass, script)``: the next ``exec()`` of that class shows the dialog,
    runs ``script(dialog)`` and returns the dialog's result, without a nested event loop."""

    def install(cls: type[QDialog], script: Callable[[Any], None]) -> list[str]:
        seen: list[str] = []

        def fake_exec(dialog: QDialog) -> int:
            qtbot.addWidget(dialog)
            with qtbot.waitExposed(dialog):
                dialog.show()
            seen.append(type(dialog).__name__)
            script(dialog)
            return dialog.result()

        monkeypatch.setattr(cls, "exec", fake_exec)
        return seen

    return install
