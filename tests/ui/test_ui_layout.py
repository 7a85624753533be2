"""Layout on small screens: the detail pane survives a narrow first show."""

from __future__ import annotations

from essdesk.ui.main_window import DETAIL_MIN_COMFORT, MainWindow
from essdesk.ui.settings import load_state, settings_path


def test_detail_gets_room_back_when_a_narrow_window_grows(qtbot, opened) -> None:
    # e.g. 200 % scaling on a small screen: first shown at 640x360 logical pixels
    window = MainWindow(
        state=load_state(settings_path()), settings_path=settings_path(), opener=opened
    )
    qtbot.addWidget(window)
    window.resize(640, 360)
    window.show()
    qtbot.waitExposed(window)
    detail_width = window.content_splitter.sizes()[0]
    assert detail_width > 0  # never collapsed
    window.resize(1280, 720)
    qtbot.waitUntil(lambda: window.content_splitter.sizes()[0] >= DETAIL_MIN_COMFORT)
    assert window.detail.isVisible()
