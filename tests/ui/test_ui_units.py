"""Small pieces: history, link policy, the query runner, the composition root."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtWidgets import QMessageBox, QWidget

from essdesk import app as essdesk_app
from essdesk.catalogue.store import Catalogue, CatalogueError
from essdesk.paths import catalogue_path
from essdesk.ui.catalogue.navigation_history import NavigationHistory
from essdesk.ui.common.links import entry_key, entry_url, is_allowed
from essdesk.ui.common.messages import confirm, inform
from essdesk.ui.common.plain import plain_label
from essdesk.ui.common.worker import QueryRunner


def test_history_behaves_like_a_browser() -> None:
    h = NavigationHistory()
    assert h.current is None and not h.can_go_back() and h.back() is None
    for key in ("a", "b", "b", "c"):
        h.visit(key)
    assert h.current == "c" and h.back() == "b" and h.back() == "a" and h.back() is None
    assert h.forward() == "b"
    h.visit("d")  # drops the forward branch
    assert not h.can_go_forward() and h.back() == "b"


def test_link_policy() -> None:
    for url in ("https://www.info-dla.fr/", "http://example.org/a?b=c", "mailto:x@example.org"):
        assert is_allowed(QUrl(url)), url
    for url in (
        "javascript:alert(1)",
        "file:///etc/passwd",
        "ftp://example.org",
        "http://",
        "data:text/html,hi",
        "essdesk:scheme:dla",
        "",
        "HTTPS:",
    ):
        assert not is_allowed(QUrl(url)), url
    assert entry_key(QUrl(entry_url("tool:3.2"))) == "tool:3.2"
    assert entry_key(QUrl("https://example.org")) is None


def test_runner_delivers_only_the_latest_result(qtbot) -> None:
    runner = QueryRunner()
    got: list[object] = []
    runner.delivered.connect(got.append)
    gate = threading.Event()

    def slow() -> str:
        gate.wait(2)
        return "old"

    runner.submit(slow)
    runner.submit(lambda: "skipped")
    runner.submit(lambda: "new")
    gate.set()
    qtbot.waitUntil(lambda: got == ["new"], timeout=3000)
    qtbot.wait(100)
    assert got == ["new"]
    runner.shutdown()


def test_runner_reports_failures_on_the_gui_thread(qtbot) -> None:
    runner = QueryRunner()
    seen: list[tuple[object, bool]] = []
    runner.failed.connect(
        lambda exc: seen.append((exc, threading.current_thread() is threading.main_thread()))
    )

    def boom() -> None:
        raise ValueError("bad")

    runner.submit(boom)
    qtbot.waitUntil(lambda: bool(seen), timeout=3000)
    assert isinstance(seen[0][0], ValueError) and seen[0][1]
    runner.shutdown()


def test_app_shows_the_window_before_opening_the_catalogue(qtbot, opened) -> None:
    calls: list[float] = []

    def factory() -> Catalogue:
        calls.append(time.perf_counter())
        return Catalogue.open(catalogue_path())

    _app, window = essdesk_app.build([], opener=opened, factory=factory)
    qtbot.addWidget(window)
    assert window.isVisible() and calls == []  # shown, catalogue not opened yet
    with qtbot.waitSignal(window.catalogue_loaded, timeout=10000):
        pass
    assert calls and window.trees["sessions"].model_.rowCount() > 0
    window.close()
    window.catalogue.close()


def test_notes_do_not_open_into_a_window_already_closed(qtbot, opened) -> None:
    """The notes open one turn of the event loop after the catalogue: a window closed in
    between gets none (their store would never be closed: ResourceWarning on Python 3.13)."""
    app, window = essdesk_app.build([], opener=opened)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.catalogue_loaded, timeout=10000):
        pass
    window.close()
    qtbot.wait(100)  # the turn the notes were scheduled on
    assert getattr(window, "notes", None) is None
    app.setStyleSheet("")
    window.catalogue.close()


def test_a_broken_catalogue_is_explained_in_the_window(qtbot, opened, tmp_path) -> None:
    broken = tmp_path / "catalogue.sqlite3"
    broken.write_bytes(b"not a database" * 100)

    def factory() -> Catalogue:
        return Catalogue.open(broken)

    _app, window = essdesk_app.build([], opener=opened, factory=factory)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: "pas pu être ouvert" in window.detail.browser.toPlainText())
    assert window.catalogue is None
    assert str(broken) in window.detail.browser.toPlainText()
    with pytest.raises(CatalogueError):
        Catalogue.open(broken)


def test_messages_quoting_a_file_show_its_text_as_text(qtbot) -> None:
    """A territory name or a title from an imported file is never rendered as HTML."""
    parent = QWidget()
    qtbot.addWidget(parent)
    hostile = "Supprimer « <b>Creuse</b><img src=x> » ?"
    label = plain_label(hostile, parent)
    assert label.textFormat() == Qt.TextFormat.PlainText and label.text() == hostile
    box = inform(parent, "Titre", hostile)
    assert box.textFormat() == Qt.TextFormat.PlainText and box.text() == hostile
    box.close()

    seen: list[tuple[Qt.TextFormat, str]] = []

    def answer_no() -> None:
        (asked,) = [w for w in parent.findChildren(QMessageBox) if w.isVisible()]
        seen.append((asked.textFormat(), asked.text()))
        asked.button(QMessageBox.StandardButton.No).click()

    QTimer.singleShot(0, answer_no)
    assert confirm(parent, "Titre", hostile) is False
    assert seen == [(Qt.TextFormat.PlainText, hostile)]
