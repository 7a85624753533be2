"""Hostile files replayed through the real window (issue 11).

The window is built the way ``essdesk`` builds it (``essdesk.app.build``: style sheet,
translations, settings), then an exchange file whose every text carries HTML is imported
through the preview dialog. The rule under test (:mod:`essdesk.ui.common.plain`): no label, tooltip or
text view shows data as markup, and the app opens no file a note points at.
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPoint, Qt, QUrl
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QMessageBox,
    QTextEdit,
    QToolTip,
)
from testkit import damaged_catalogue, exchange_corpus

from essdesk import app as essdesk_app
from essdesk import paths
from essdesk.notes import open_notes
from essdesk.notes.backups import KEEP, list_backups, make_backup
from essdesk.notes.exchange import apply_import, preview_import
from essdesk.ui.common.links import is_allowed
from essdesk.ui.common.plain import plain_tip, plain_title
from essdesk.ui.exchange.import_dialog import ImportPreviewDialog
from essdesk.ui.main_window import MainWindow
from essdesk.ui.notes.feature import NotesFeature
from essdesk.ui.notes.note_markup import RICH_NOTE_CHARS, note_html

CORPUS = Path(__file__).resolve().parents[1] / "notes" / "exchange" / "corpus"
TAGS = ("<img", "<b>")
"""Raw markup of the hostile file: found in a widget rendered as rich text, it is data as HTML."""


_WATCH = """
import os, sys, time
fifo, log = sys.argv[1], sys.argv[2]
while True:
    try:
        fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
    except OSError:
        time.sleep(0.002)
        continue
    with open(log, "a") as out:
        out.write("ouvert\\n")
    os.close(fd)
"""


class FifoProbe:
    """A FIFO that counts how often something opened it for reading.

    A reader blocks in ``open()`` until a writer comes; the watcher (another process: the
    reader may hold Python's GIL while it waits in Qt) opens the write end without blocking,
    which only succeeds while a reader is there: a reader is both seen and let go at once, so
    the test never hangs, even on code that does open the file."""

    def __init__(self, path: Path) -> None:
        os.mkfifo(path)
        self.path = path
        self.log = path.with_suffix(".log")
        self.log.touch()
        self._watcher = subprocess.Popen([sys.executable, "-c", _WATCH, str(path), str(self.log)])

    @property
    def opened(self) -> int:
        return len(self.log.read_text().splitlines())

    def stop(self) -> None:
        self._watcher.kill()
        self._watcher.wait()


@pytest.fixture
def probe(tmp_path: Path) -> Iterator[FifoProbe]:
    watcher = FifoProbe(tmp_path / "regarde-moi.png")
    yield watcher
    watcher.stop()


def renders_markup(text: str, fmt: Qt.TextFormat = Qt.TextFormat.AutoText) -> bool:
    """Whether Qt draws ``text`` as HTML and that HTML is the hostile file's."""
    rich = fmt == Qt.TextFormat.RichText or (
        fmt == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text)
    )
    return rich and any(tag in text for tag in TAGS)


def as_shown(tip: str) -> str:
    """The text a tooltip shows."""
    if not GuiQt.mightBeRichText(tip):
        return tip
    doc = QTextDocument()
    doc.setHtml(tip)
    return doc.toPlainText()


def model_tips(model: QAbstractItemModel, parent: QModelIndex | None = None) -> Iterator[str]:
    parent = parent or QModelIndex()
    try:
        columns = model.columnCount(parent)
    except TypeError:  # a list model (QAbstractListModel makes it private)
        columns = 1
    for row in range(model.rowCount(parent)):
        for column in range(columns):
            index = model.index(row, column, parent)
            tip = index.data(Qt.ItemDataRole.ToolTipRole)
            if isinstance(tip, str) and tip:
                yield tip
            if column == 0 and model.rowCount(index) > 0:
                yield from model_tips(model, index)


def document_images(doc: QTextDocument) -> list[str]:
    found = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isImageFormat():
                found.append(fmt.toImageFormat().name())
            it += 1
        block = block.next()
    return found


class Walk:
    """Every label, tooltip, item tooltip and text view of every widget alive."""

    def __init__(self) -> None:
        self.offences: list[str] = []
        self.tips: list[str] = []
        self.labels: list[str] = []
        for widget in QApplication.allWidgets():
            if type(widget).__name__ == "QTipLabel":
                continue  # the tooltip being shown: its text is checked where it came from
            where = f"{type(widget).__name__}#{widget.objectName()}"
            if isinstance(widget, QLabel):
                self.labels.append(widget.text())
                if renders_markup(widget.text(), widget.textFormat()):
                    self.offences.append(f"label {where}: {widget.text()!r}")
                widget.grab()  # lay it out and paint it, images and all
            self._tip(where, widget.toolTip())
            if widget.isWindow() and "[*]" in widget.windowTitle().replace("[*][*]", ""):
                self.offences.append(f"title {where}: {widget.windowTitle()!r}")
            model = None
            if isinstance(widget, QAbstractItemView | QComboBox):
                model = widget.model()
            if model is not None:
                for tip in model_tips(model):
                    self._tip(f"item of {where}", tip)
            if isinstance(widget, QTextEdit):
                images = document_images(widget.document())
                if images:
                    self.offences.append(f"images in {where}: {images}")

    def _tip(self, where: str, tip: str) -> None:
        if not tip:
            return
        self.tips.append(tip)
        if renders_markup(tip):
            self.offences.append(f"tooltip {where}: {tip!r}")
        QToolTip.showText(QPoint(20, 20), tip)  # as a hover would: rich tips load images
        QToolTip.hideText()


def test_plain_tip_shows_any_text_literally() -> None:
    """The escaped tooltip renders back to the very text, markup and line breaks kept."""
    for text in ['<img src="file:///dev/zero">', "a &lt;b&gt; b\nligne 2", "Crème & « x »"]:
        tip = plain_tip(text)
        assert GuiQt.mightBeRichText(tip) and not renders_markup(tip)
        doc = QTextDocument()
        doc.setHtml(tip)
        assert doc.toPlainText() == text
    assert plain_tip("") == "" and plain_tip(None) == ""
    assert plain_title("a [*] b") == "a [*][*] b"


def test_no_widget_builds_a_label_that_guesses_its_format() -> None:
    """Every QLabel of essdesk.ui is a PlainLabel, or an html_label for HTML essdesk built."""
    ui = Path(essdesk_app.__file__).resolve().parent / "ui"
    built_as_html = {"common/plain.py"}  # PlainLabel and html_label themselves
    bare = []
    for path in sorted(ui.rglob("*.py")):
        name = path.relative_to(ui).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "QLabel"
                and name not in built_as_html
            ):
                bare.append(f"{name}:{node.lineno}")
    assert bare == []


@pytest.mark.qt_log_ignore("This plugin does not support (raise|propagateSizeHints)")
# raise(): QToolTip.showText on the offscreen platform
def test_imported_html_is_shown_as_text_and_opens_no_file(
    qtbot, probe: FifoProbe, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, opened
) -> None:
    corpus = exchange_corpus()
    src = probe.path.as_uri()
    payload = corpus.html_payload(src)
    hostile = tmp_path / "hostile.essnotes"
    hostile.write_bytes(corpus.archive(payload))
    territory_name = payload["territories"][0]["name"]
    orphan_key = payload["notes"][1]["entry_key"]
    monkeypatch.setattr(QMessageBox, "exec", lambda box: QMessageBox.StandardButton.Ok.value)

    app, window = essdesk_app.build([], opener=opened)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: isinstance(window.notes, NotesFeature), timeout=15000)
    feature = window.notes
    assert isinstance(feature, NotesFeature)
    walks: list[Walk] = []

    def preview_then_import(dialog: ImportPreviewDialog) -> None:
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        walks.append(Walk())  # hovering the preview, before anything is imported
        with qtbot.waitSignal(dialog.imported, timeout=10000):
            qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    def fake_exec(dialog: ImportPreviewDialog) -> int:
        preview_then_import(dialog)
        return dialog.result()

    monkeypatch.setattr(ImportPreviewDialog, "exec", fake_exec)
    assert feature.sharing.import_notes(hostile) is True
    store = feature.session.store
    assert store is not None
    imported = store.territory_by_name(territory_name)
    feature.session.set_territory(imported.uuid)
    feature.territories.fill_switcher()
    window.open_entry("scheme:dla")
    qtbot.waitUntil(lambda: territory_name in window.notes_panel.heading.text())
    window.show_view("mynotes")
    orphan = next(n for n in store.notes_for_territory(imported) if n.entry_key == orphan_key)
    store.delete_note(orphan.uuid)
    trash = feature.safekeeping.show_trash()
    assert trash is not None
    window.search_field.setText(f'<img src="{src}">')
    qtbot.waitUntil(lambda: "<img" in window.search.header.text(), timeout=5000)
    window.grab()
    walks.append(Walk())

    try:
        qtbot.wait(50)
        assert ([o for w in walks for o in w.offences], probe.opened) == ([], 0)
        # the data is there, literally: the walk looked at the right widgets
        labels = [t for w in walks for t in w.labels]
        assert any(territory_name in t for t in labels)  # « Notes — X », preview's territory
        shown = [as_shown(t) for w in walks for t in w.tips]
        assert any(orphan_key in t for t in shown)  # preview and trash tooltips
        assert any(payload["notes"][0]["text"].split("\n")[0] in t for t in shown)  # Mes notes
        assert any(payload["territories"][0]["commune"] in t for t in shown)  # switcher
    finally:
        trash.close()
        app.setStyleSheet("")
        window.close()


def _start(qtbot, opened) -> tuple[QApplication, MainWindow, str]:
    """The app as ``essdesk`` starts it; returns it with the notes' opening error."""
    app, window = essdesk_app.build([], opener=opened, save_settings=False)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.notes_attached, timeout=15000) as attached:
        pass
    return app, window, attached.args[0]


def test_a_notes_file_that_is_a_folder_is_explained_in_the_window(qtbot, opened) -> None:
    """The window stayed on « Ouverture des notes… » with no message."""
    paths.notes_path().mkdir(parents=True)
    app, window, error = _start(qtbot, opened)
    try:
        assert "est un dossier" in error
        qtbot.waitUntil(lambda: "est un dossier" in window.notes_panel.message.text())
        assert window.catalogue is not None  # the catalogue stays usable
    finally:
        app.setStyleSheet("")
        window.close()


def test_backups_dated_ahead_and_a_backups_file_still_open_the_notes(qtbot, opened) -> None:
    """Backups dated a year ahead, then « backups » a file: the notes open, and the window
    says the automatic backup could not be made."""
    store, _ = open_notes()
    store.save_note("scheme:dla", store.add_territory("Creuse"), "à garder")
    store.close()
    ahead = datetime.now() + timedelta(days=365)
    for day in range(KEEP):
        when = ahead + timedelta(days=day)
        made = make_backup(paths.notes_path(), paths.backups_dir(), "quotidienne", now=when)
        # as an earlier essdesk named them: no counter
        made.path.rename(made.path.with_name(made.path.name.split(".")[0] + ".sqlite3"))
    assert len(list_backups(paths.backups_dir())) == KEEP
    app, window, error = _start(qtbot, opened)
    try:
        assert error == "" and window.notes.session.store is not None
        assert list_backups(paths.backups_dir())[0].created.date() == datetime.now().date()
    finally:
        app.setStyleSheet("")
        window.close()
    shutil.rmtree(paths.backups_dir())
    paths.backups_dir().write_text("pas un dossier")
    store, _ = open_notes()  # a new day for the backups: there is none any more
    store.close()
    app, window, error = _start(qtbot, opened)
    try:
        assert error == ""
        box = window.findChild(QMessageBox, "recoveryMessage")
        assert "Sauvegarde automatique impossible" in box.text()
        box.close()
    finally:
        app.setStyleSheet("")
        window.close()


def test_a_damaged_catalogue_is_explained_and_the_notes_still_open(
    qtbot, opened, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Damaged pages in the catalogue: an empty window, the notes never opened, no word."""
    monkeypatch.setenv("ESSDESK_CATALOGUE", str(damaged_catalogue(tmp_path)))
    store, _ = open_notes()
    store.save_note("scheme:dla", store.add_territory("Creuse"), "à garder")
    store.close()
    app, window, error = _start(qtbot, opened)
    try:
        assert error == "" and window.catalogue is None
        assert "réinstallez essdesk" in window.detail.browser.toPlainText()
        assert window.notes.session.store is not None
    finally:
        app.setStyleSheet("")
        window.close()


def test_a_long_note_is_shown_as_plain_text(qtbot, opened) -> None:
    """Formatting a long note blocked the window (1 M characters: 3 s): beyond
    RICH_NOTE_CHARS the panel shows the text as it is."""
    text = "**pas en gras** " * (RICH_NOTE_CHARS // 16 + 1)
    store, _ = open_notes()
    store.save_note("scheme:dla", store.add_territory("Creuse"), text)
    store.close()
    app, window, _error = _start(qtbot, opened)
    try:
        window.open_entry("scheme:dla")
        viewer = window.notes_panel.viewer
        qtbot.waitUntil(lambda: viewer.toPlainText().startswith("**pas en gras**"))
        assert viewer.toPlainText() == text
    finally:
        app.setStyleSheet("")
        window.close()


@pytest.mark.parametrize(
    ("url", "clickable"),
    [
        ("https://www.avise.org/", True),
        ("http://192.168.1.10/intranet", True),
        ("mailto:contact@avise.org?subject=DLA", True),
        ("http://localhost:8080/admin", False),
        ("http://127.0.0.1/", False),
        ("http://127.1/", False),
        ("http://2130706433/", False),
        ("http://[::1]/", False),
        ("http://0.0.0.0:631/", False),
        ("mailto:a@b.fr?attach=/home/moi/.ssh/id_rsa", False),
        ("mailto:a@b.fr?subject=x&Attachment=%2Fetc%2Fpasswd", False),
    ],
)
def test_note_links_to_this_computer_or_with_attachments_are_text(
    url: str, clickable: bool
) -> None:
    """Decided (issue 11): they were clickable in the notes panel."""
    assert is_allowed(QUrl(url)) is clickable
    assert ("<a href=" in note_html(f"[lien]({url})")) is clickable


@pytest.mark.qt_log_ignore("This plugin does not support (raise|propagateSizeHints)")
def test_the_conflict_view_shows_hostile_titles_and_keys_as_text(
    qtbot, probe: FifoProbe, tmp_path: Path, opened
) -> None:
    """The conflict view's list tooltip (title + key) rendered an imported <img>."""
    corpus = exchange_corpus()
    payload = corpus.html_payload(probe.path.as_uri())
    payload["notes"] = [payload["notes"][1]]  # the orphan: key and title full of HTML
    payload["statuses"] = []
    first = tmp_path / "premier.essnotes"
    first.write_bytes(corpus.archive(payload))
    store, _ = open_notes()
    apply_import(store, preview_import(store, first, None))
    (territory,) = store.territories()
    (note,) = store.notes_for_territory(territory)
    store.save_note(note.entry_key, territory, "modifiée ici")
    payload["notes"][0].update(text="modifiée là-bas", updated="2024-06-01T09:00:00+00:00")
    second = tmp_path / "second.essnotes"
    second.write_bytes(corpus.archive(payload))
    apply_import(store, preview_import(store, second, None))
    assert store.conflicts(note.entry_key, territory)
    store.close()
    app, window, _error = _start(qtbot, opened)
    try:
        window.notes.session.set_territory(territory.uuid)
        dialog = window.notes.sharing.resolve_conflicts()
        assert dialog is not None
        qtbot.waitExposed(dialog)
        walk = Walk()
        qtbot.wait(50)
        assert (walk.offences, probe.opened) == ([], 0)
        assert any(note.entry_key in as_shown(tip) for tip in walk.tips)
        dialog.close()
    finally:
        app.setStyleSheet("")
        window.close()
