"""The follow-up date: typed as a clerk writes it, picked in a calendar that opens on today,
« Aujourd’hui » and « Effacer », a plain message for a date that cannot exist."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QPushButton

from essdesk.notes import open_notes
from essdesk.ui.common.date_field import DateError, DateField, parse_date
from essdesk.ui.notes.feature import attach_notes

KEY = "scheme:dla"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("15/03/2026", date(2026, 3, 15)),
        ("15/3/26", date(2026, 3, 15)),
        (" 5.3.2026 ", date(2026, 3, 5)),
        ("15-03-2026", date(2026, 3, 15)),
        ("2026-03-15", date(2026, 3, 15)),
        ("15 mars 2026", date(2026, 3, 15)),
        ("1er février 2027", date(2027, 2, 1)),
        ("3 aout 26", date(2026, 8, 3)),
        ("3 Août 2026", date(2026, 8, 3)),
        ("12 déc. 2026", date(2026, 12, 12)),
        ("", None),
        ("   ", None),
    ],
)
def test_dates_as_a_clerk_types_them(typed: str, expected: date | None) -> None:
    assert parse_date(typed) == expected


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("31/02/2026", "n’existe pas"),
        ("15/13/2026", "n’existe pas"),
        ("15 mors 2026", "Mois inconnu"),
        ("15 ju 2026", "Mois inconnu"),  # juin or juillet: ambiguous
        ("Sans date15032026", "n’est pas une date"),
        ("demain", "jj/mm/aaaa"),
    ],
)
def test_impossible_dates_get_a_clear_message(typed: str, message: str) -> None:
    with pytest.raises(DateError, match=message):
        parse_date(typed)


@pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen popups
def test_the_calendar_opens_on_today_with_today_and_clear(qtbot) -> None:
    field = DateField()
    qtbot.addWidget(field)
    field.show()
    popup = field.open_calendar()
    qtbot.waitExposed(popup)
    calendar = field.calendar
    today = QDate.currentDate()
    assert (calendar.yearShown(), calendar.monthShown()) == (today.year(), today.month())
    # the whole month shows: weekday names and the sixth week are not cut
    assert calendar.width() >= calendar.sizeHint().width()
    assert calendar.height() >= calendar.sizeHint().height()
    with qtbot.waitSignal(field.date_edited):
        popup.findChild(QPushButton, "dateToday").click()
    assert field.value() == date.today() and not popup.isVisible()
    assert field.edit.text() == f"{date.today():%d/%m/%Y}"
    field.open_calendar()
    with qtbot.waitSignal(field.date_edited):
        popup.findChild(QPushButton, "dateClear").click()
    assert field.value() is None and field.edit.text() == ""
    # a date already set: the calendar opens on its month
    field.set_value(date(2025, 11, 3))
    field.open_calendar()
    assert (calendar.yearShown(), calendar.monthShown()) == (2025, 11)
    popup.hide()


def test_typing_a_date_in_the_notes_panel_saves_it(qtbot, make_window) -> None:
    store, _ = open_notes()
    creuse = store.add_territory("Creuse", ["ZRR"])
    store.close()
    window = make_window()
    attach_notes(window)
    window.open_entry(KEY)
    panel = window.notes_panel
    panel.status_combo.setCurrentIndex(panel.status_combo.findData("contacte"))
    field = panel.date_edit.edit
    assert field.text() == "" and "Sans date" in field.placeholderText()
    field.setFocus()
    qtbot.keyClicks(field, "15/3/26")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert field.text() == "15/03/2026"
    store = panel.session.store
    assert store.status(KEY, creuse.uuid).date == "2026-03-15"
    # an impossible date: said plainly, the text stays, the stored date is untouched
    field.selectAll()
    qtbot.keyClicks(field, "31/02/2026")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert field.text() == "31/02/2026"
    assert panel.date_edit.error.isVisible() and "n’existe pas" in panel.date_edit.error.text()
    assert store.status(KEY, creuse.uuid).date == "2026-03-15"
    field.selectAll()
    qtbot.keyClicks(field, "15 mars 2026")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert not panel.date_edit.error.isVisible()
    assert store.status(KEY, creuse.uuid).date == "2026-03-15"
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert store.status(KEY, creuse.uuid).date is None
    window.close()
