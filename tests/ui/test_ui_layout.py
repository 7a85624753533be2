"""Layout on small screens (the detail pane survives a narrow first show) and palettes."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from essdesk.ui.common.settings import load_state, save_state, settings_path
from essdesk.ui.main_window import DETAIL_MIN_COMFORT, NOTES_MIN_COMFORT, MainWindow


def _shown(qtbot, opened, width: int, height: int) -> MainWindow:
    """A window (no catalogue) first shown at ``width`` x ``height`` logical pixels."""
    window = MainWindow(
        state=load_state(settings_path()), settings_path=settings_path(), opener=opened
    )
    qtbot.addWidget(window)
    window.resize(width, height)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_detail_gets_room_back_when_a_narrow_window_grows(qtbot, opened) -> None:
    # e.g. 200 % scaling on a small screen: first shown at 640x360 logical pixels
    window = _shown(qtbot, opened, 640, 360)
    detail_width = window.content_splitter.sizes()[0]
    assert detail_width > 0  # never collapsed
    window.resize(1280, 720)
    qtbot.waitUntil(lambda: window.content_splitter.sizes()[0] >= DETAIL_MIN_COMFORT)
    assert window.detail.isVisible()


def test_detail_keeps_its_room_when_the_window_is_made_narrower(qtbot, opened) -> None:
    # e.g. a 1920x1080 screen at 200 %: 960x540 logical pixels once the window is shrunk
    window = _shown(qtbot, opened, 1280, 720)
    window.resize(960, 540)
    qtbot.wait(50)
    detail, notes = window.content_splitter.sizes()
    assert notes >= NOTES_MIN_COMFORT  # the notes' buttons stay usable
    assert detail >= NOTES_MIN_COMFORT  # and the detail keeps at least as much
    window.resize(1280, 720)
    qtbot.waitUntil(lambda: window.content_splitter.sizes()[0] >= DETAIL_MIN_COMFORT)


DARK_SWITCH = r"""
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QPalette
from PySide6.QtTest import QTest
from essdesk import app as essdesk_app

app, window = essdesk_app.build([], save_settings=False)
window.resize(1000, 600)
QTest.qWait(200)

def light(image):
    return sum(
        image.pixelColor(x, y).lightness() > 200
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
    )

def arrow():
    return light(window.back_action.icon().pixmap(QSize(32, 32)).toImage())

before, arrow_before = light(window.sections.grab().toImage()), arrow()
dark = QPalette()
for role, color in (("Window", "#2a2e32"), ("WindowText", "#fcfcfc"), ("Base", "#1b1e20"),
                    ("Text", "#fcfcfc"), ("Button", "#31363b"), ("ButtonText", "#fcfcfc")):
    dark.setColor(getattr(QPalette.ColorRole, role), QColor(color))
app.setPalette(dark)
QTest.qWait(100)
print(before, light(window.sections.grab().toImage()), arrow_before, arrow())
"""


def test_switching_to_a_dark_palette_while_running_restyles_the_window(tmp_path) -> None:
    """The desktop goes dark while essdesk runs: the style sheet's palette colours and the
    drawn arrows follow (Qt resolves a sheet's colours only when it is applied)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ESSDESK_HOME=str(tmp_path))
    out = subprocess.run(
        [sys.executable, "-c", DARK_SWITCH], capture_output=True, text=True, env=env, check=True
    )
    section_before, section_after, arrow_before, arrow_after = map(int, out.stdout.split())
    assert section_after < section_before / 20  # light background gone, light text only
    assert arrow_before == 0 and arrow_after > 20  # black arrow, then a light one


def test_at_200_percent_the_reading_pane_keeps_priority(qtbot, make_window) -> None:
    """Text at 200 %: the reading pane keeps room for ~38 characters a line (its title no
    longer one letter a line); the section list and the notes fold first; the window still
    fits a 1024x600 screen."""
    window = make_window()
    window.resize(1024 if window.screen().size().width() >= 1024 else 790, 560)
    for _ in range(10):
        window.zoom_in()
    qtbot.waitUntil(lambda: not window._squeezed(), timeout=5000)
    char = window.fontMetrics().averageCharWidth()
    assert window.content_splitter.sizes()[0] >= 38 * char
    assert window.minimumSizeHint().width() <= 1024
    assert window.width() <= 1024
    # Ctrl+E opens the notes again when they were folded away
    window.focus_note()
    assert window.content_splitter.sizes()[1] > 0
    window.zoom_reset()
    qtbot.waitUntil(lambda: not window._squeezed(), timeout=5000)


def test_no_word_is_broken_in_the_reading_pane_at_200_percent(qtbot, make_window) -> None:
    """« Agréme-nt » never again: at 200 % in a small window, the reading pane dragged as
    narrow as it goes, an entry opened gets the room its widest word needs, and every line
    breaks between words (web and e-mail addresses aside, which may break anywhere). The
    window keeps the size the user gave it."""
    window = make_window()
    window.resize(790, 560)
    for _ in range(10):
        window.zoom_in()
    qtbot.waitUntil(lambda: not window._squeezed(), timeout=5000)
    checked = 0
    for key in ("scheme:dla", "actor:caisse-des-depots-departement-cohesion-sociale-et-territoriale"):
        # the user dragged the reading pane as narrow as the splitter lets it go
        window.content_splitter.setSizes([10, 10000])
        window.open_entry(key)
        detail = window.detail
        qtbot.waitUntil(
            lambda d=detail: d.browser.width() >= d.widest_word > 0,
            timeout=5000,
        )
        assert window.width() == 790
        document = window.detail.browser.document()
        block = document.begin()
        while block.isValid():
            text, lines = block.text(), block.layout()
            if not re.search(r"[/@]|\.\w{2,}", text):
                for i in range(lines.lineCount() - 1):
                    end = lines.lineAt(i).textStart() + lines.lineAt(i).textLength()
                    assert text[end - 1] in " \u00a0\u202f-–—/’" or text[end] == " ", (
                        key,
                        text[max(0, end - 20) : end] + "|" + text[end : end + 10],
                    )
                    checked += 1
            block = block.next()
    assert checked > 20


def test_a_layout_saved_at_100_percent_is_redone_at_200(qtbot, make_window) -> None:
    """Splitters saved at 100 %, next start at 200 % (the desktop's scaling changed): the
    list and the reading pane get the room they need at that size instead of the old
    pixels (the list showed « … » on every row)."""
    first = make_window()
    first.resize(790, 560)
    qtbot.wait(50)
    first.close()
    state = load_state(settings_path())
    assert state.main_splitter is not None
    state.font_zoom = 10  # 200 %, as ten Ctrl++ leave it
    save_state(settings_path(), state)
    second = make_window()
    qtbot.wait(50)
    _sections, need_browser, _detail, _notes = second._pane_needs()
    assert not second._squeezed()
    assert second.main_splitter.sizes()[1] >= need_browser


def test_search_suggestions_are_never_cut_at_200_percent(qtbot, make_window) -> None:
    """« Vouliez-vous dire … ? » wraps over several lines in a narrow pane at 200 %: every
    line is shown (the result list gives way), none cut at the bottom."""
    window = make_window()
    window.resize(790, 560)
    for _ in range(10):
        window.zoom_in()
    qtbot.waitUntil(lambda: not window._squeezed(), timeout=5000)
    window.search_field.setText("acompagnement")
    panel = window.search
    qtbot.waitUntil(lambda: panel.suggestion.isVisible(), timeout=10000)
    qtbot.wait(100)
    label = panel.suggestion
    assert label.height() >= label.heightForWidth(label.width())
    assert panel.header.height() >= panel.header.heightForWidth(panel.header.width())
    assert panel.list.height() >= 3 * panel.list.fontMetrics().height()  # results still seen
