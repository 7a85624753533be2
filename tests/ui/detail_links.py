"""Helpers for reading links in the detail view (a module of its own: two conftest.py files
cannot both be imported as "conftest")."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QTextBrowser


def anchor_point(browser: QTextBrowser, href: str):
    """Viewport position of the first link to ``href`` (scrolled into view), or None."""
    doc = browser.document()
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            if fmt.isAnchor() and fmt.anchorHref() == href:
                cursor = QTextCursor(doc)
                cursor.setPosition(fragment.position() + min(1, fragment.length() - 1))
                browser.setTextCursor(cursor)
                browser.ensureCursorVisible()
                return browser.cursorRect(cursor).center()
            it += 1
        block = block.next()
    return None


def anchors(browser: QTextBrowser) -> list[str]:
    """Every link target in the document, in order."""
    doc = browser.document()
    out = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isAnchor() and fmt.anchorHref() and fmt.anchorHref() not in out:
                out.append(fmt.anchorHref())
            it += 1
        block = block.next()
    return out
