"""Widgets and tooltips whose text is always plain: names, titles, keys and notes
can come from an imported exchange file, and Qt's automatic format would render « <b> » or
« <img src="file:///…"> » in them (the latter opens that local file; ``/dev/zero`` eats memory).

The one rule: every widget that shows data is plain text unless essdesk built the text as
escaped HTML itself. Labels are :class:`PlainLabel` (or :func:`html_label` for HTML built here); tooltips that carry data go through
:func:`plain_tip` (Qt offers no plain-text mode for tooltips, it guesses with
``Qt::mightBeRichText``); window titles that carry data go through :func:`plain_title`.
``tests/ui/test_hostile.py`` walks the real window after importing a file full of HTML.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


class PlainLabel(QLabel):
    """A QLabel that never reads its text as markup (same constructors as QLabel)."""

    def __init__(self, *args: object) -> None:
        super().__init__(*args)  # type: ignore[call-overload]
        self.setTextFormat(Qt.TextFormat.PlainText)


def plain_label(text: str = "", parent: QWidget | None = None, wrap: bool = True) -> QLabel:
    label = PlainLabel(text, parent)
    label.setWordWrap(wrap)
    return label


def html_label(parent: QWidget | None = None) -> QLabel:
    """A label showing HTML that essdesk builds itself, every piece of data in it escaped
    (``html.escape``): the one exception to plain labels (« À propos », the suggestions)."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.RichText)
    return label


def plain_tip(text: str | None) -> str:
    """A tooltip that shows ``text`` literally, line breaks kept.

    Tooltips have no text-format setting: Qt renders them as HTML when the text looks like it.
    So data is escaped and wrapped in a paragraph that keeps its white space; an empty text
    stays empty (no tooltip)."""
    if not text:
        return ""
    return f'<p style="white-space:pre-wrap">{html.escape(text, quote=False)}</p>'


def plain_title(text: str) -> str:
    """A window title showing ``text`` literally: Qt hides « [*] » (its modified marker)."""
    return text.replace("[*]", "[*][*]")
