"""A date a clerk can type: « 15/03/2026 », « 15/3/26 », « 15 mars 2026 », or pick.

Qt's QDateEdit edits a date section by section: typed into « Sans date » it gave
« Sans date15032026 » and went back silently, and its calendar opened on janvier 1900. This
field is a line edit that reads what was typed when the user leaves it (or presses Enter), a
calendar that opens on the date shown or else on today's month, « Aujourd'hui » and
« Effacer », and a plain message when the date cannot exist; what was typed stays there.
"""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QDate, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from essdesk.french import MONTHS
from essdesk.textfold import fold
from essdesk.ui.common.plain import PlainLabel

_FOLDED_MONTHS = tuple(fold(name) for name in MONTHS)
"""Month names without accents: « fevrier », « Aout » are found too."""

_NUMERIC = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2}|\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_WORDS = re.compile(r"^(?:1er|(\d{1,2}))\s+([a-z]+)\.?\s+(\d{2}|\d{4})$")


class DateError(ValueError):
    """The text is not a date that exists; ``str()`` is the French message to show."""


def parse_date(text: str) -> date | None:
    """``None`` for an empty text (no date), the date, or :class:`DateError`.

    Day first, as written in France: jj/mm/aaaa, j/m/aa (20aa), with / . or -, ISO
    aaaa-mm-jj, and « 15 mars 2026 » / « 1er avril 26 » (month names without accents too).
    """
    clean = " ".join(text.split())
    if not clean:
        return None
    numeric = _NUMERIC.match(clean)
    iso = _ISO.match(clean)
    words = _WORDS.match(fold(clean).lower())
    if numeric:
        day, month, year = (int(part) for part in numeric.groups())
    elif iso:
        year, month, day = (int(part) for part in iso.groups())
    elif words:
        day = int(words.group(1) or 1)
        name = words.group(2)
        matches = [
            n for n, month_name in enumerate(_FOLDED_MONTHS, 1) if month_name.startswith(name)
        ]
        if len(name) < 3 or len(matches) != 1:
            raise DateError(f"Mois inconnu : « {words.group(2)} ».")
        month, year = matches[0], int(words.group(3))
    else:
        raise DateError(
            f"« {clean} » n’est pas une date. Écrivez-la jj/mm/aaaa, par exemple 15/03/2026."
        )
    if year < 100:
        year += 2000
    try:
        return date(year, month, day)
    except ValueError:
        raise DateError(
            f"Le {day:02d}/{month:02d}/{year} n’existe pas : vérifiez le jour et le mois."
        ) from None


def format_date(value: date | None) -> str:
    return f"{value:%d/%m/%Y}" if value is not None else ""


def iso_date(text: str | None) -> date | None:
    """A follow-up's stored date (YYYY-MM-DD); a damaged value is no date, never an error."""
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


class DateField(QWidget):
    """A follow-up date: typed or picked; ``date_edited`` when the user changed it."""

    date_edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._value: date | None = None
        self.edit = QLineEdit(self)
        self.edit.setObjectName("dateText")
        self.edit.setPlaceholderText(self.tr("Sans date (jj/mm/aaaa)"))
        self.edit.setToolTip(self.tr("Par exemple 15/03/2026, 15/3/26 ou 15 mars 2026"))
        self.edit.editingFinished.connect(self.commit_text)
        self.button = QToolButton(self)
        self.button.setObjectName("dateCalendarButton")
        self.button.setText("▾")
        self.button.setToolTip(self.tr("Choisir dans le calendrier"))
        self.button.setAccessibleName(self.tr("Ouvrir le calendrier"))
        self.button.clicked.connect(self.open_calendar)
        self.error = PlainLabel(self)
        self.error.setObjectName("dateError")
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        row.addWidget(self.edit, 1)
        row.addWidget(self.button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.error)
        self.setFocusProxy(self.edit)
        self.popup: QFrame | None = None
        self.calendar: QCalendarWidget | None = None

    # ------------------------------------------------------------------ value
    def value(self) -> date | None:
        return self._value

    def set_value(self, value: date | None) -> None:
        """Show ``value`` (loading a note): no signal, any message cleared."""
        self._value = value
        self.edit.setText(format_date(value))
        self._show_error("")

    def commit_text(self) -> None:
        """Read what was typed; a date that cannot exist is explained and kept as typed."""
        try:
            value = parse_date(self.edit.text())
        except DateError as exc:
            self._show_error(str(exc))
            return
        self._show_error("")
        self.edit.setText(format_date(value))
        self._set(value)

    def _set(self, value: date | None) -> None:
        changed = value != self._value
        self._value = value
        self.edit.setText(format_date(value))
        if changed:
            self.date_edited.emit()

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))
        self.edit.setProperty("invalid", bool(message))
        self.edit.style().unpolish(self.edit)
        self.edit.style().polish(self.edit)

    # ------------------------------------------------------------------ calendar
    def open_calendar(self) -> QFrame:
        """The calendar under the field, on the date shown or else on today's month."""
        if self.popup is None:
            self.popup = QFrame(self, Qt.WindowType.Popup)
            self.popup.setObjectName("datePopup")
            self.popup.setFrameShape(QFrame.Shape.StyledPanel)
            self.calendar = QCalendarWidget(self.popup)
            self.calendar.setObjectName("dateCalendar")
            self.calendar.setGridVisible(False)
            self.calendar.setVerticalHeaderFormat(
                QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader
            )
            self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
            self.calendar.clicked.connect(self._picked)
            self.calendar.activated.connect(self._picked)
            today = QPushButton(self.tr("Aujourd’hui"), self.popup)
            today.setObjectName("dateToday")
            today.clicked.connect(lambda: self._picked(QDate.currentDate()))
            clear = QPushButton(self.tr("Effacer"), self.popup)
            clear.setObjectName("dateClear")
            clear.clicked.connect(self._cleared)
            buttons = QHBoxLayout()
            buttons.addWidget(today)
            buttons.addStretch(1)
            buttons.addWidget(clear)
            layout = QVBoxLayout(self.popup)
            layout.setContentsMargins(6, 6, 6, 6)
            layout.addWidget(self.calendar)
            layout.addLayout(buttons)
        assert self.calendar is not None
        shown = self._value or date.today()
        self.calendar.setSelectedDate(QDate(shown.year, shown.month, shown.day))
        self.calendar.setCurrentPage(shown.year, shown.month)
        # the whole month: weekday names (« mer. », not « m… ») and the sixth week never
        # cut, at any text size
        metrics = self.calendar.fontMetrics()
        day_width = max(metrics.horizontalAdvance(name) for name in ("mer.", "sam.", "Wed")) + 14
        hint = self.calendar.sizeHint()
        self.calendar.setMinimumSize(
            max(hint.width(), 7 * day_width), hint.height() + metrics.height() // 2
        )
        self.popup.adjustSize()
        # right-aligned under the field, inside the window (a popup past its edge is missed)
        # and the screen; above the field when there is no room below
        bounds = self.window().frameGeometry().intersected(self.screen().availableGeometry())
        if bounds.width() < self.popup.width() or bounds.height() < self.popup.height():
            bounds = self.screen().availableGeometry()
        right = self.mapToGlobal(QPoint(self.width(), 0)).x()
        x = min(right - self.popup.width(), bounds.right() - self.popup.width())
        y = self.mapToGlobal(QPoint(0, self.edit.height())).y()
        if y + self.popup.height() > bounds.bottom():
            y = self.mapToGlobal(QPoint(0, 0)).y() - self.popup.height()
        self.popup.move(max(bounds.left(), x), max(bounds.top(), y))
        self.popup.show()
        self.calendar.setFocus(Qt.FocusReason.PopupFocusReason)
        return self.popup

    def _picked(self, when: QDate) -> None:
        if self.popup is not None:
            self.popup.hide()
        self._show_error("")
        self._set(date(when.year(), when.month(), when.day()))

    def _cleared(self) -> None:
        if self.popup is not None:
            self.popup.hide()
        self._show_error("")
        self._set(None)
