"""The briefing sheet on paper: an A4 PDF (QPdfWriter) and a print with preview, offline.

The sheet's HTML (:mod:`essdesk.ui.briefing.sheet_html`) becomes a :class:`QTextDocument` laid
out page by page at the size of the target's printable area; each page is then painted with a
running header (from page 2) and a footer « Page n sur N ». When the sheet runs over several
pages, a table of contents with page numbers is added under the title (laid out again until
its page numbers are stable), and an entry's heading is never left alone at the foot of a page.

Entry points: :func:`write_pdf`, :func:`pdf_and_pages` (the command line),
:func:`print_preview`; the dialog is :mod:`essdesk.ui.briefing.briefing_dialog`.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontDatabase,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextOption,
)
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from essdesk import __version__
from essdesk.briefing_data import (
    BriefingSheet,
)
from essdesk.fileio import write_atomically
from essdesk.french import typography as french_typography
from essdesk.ui.briefing.sheet_html import ENTRY_ANCHOR, INK, MUTED, RULE, sheet_html
from essdesk.ui.common.plain import plain_title

DOC_DPI = 72
"""The document is laid out on a 72-dpi measuring device, so one CSS "px" is one point (Qt's
rich text takes margins in px only) and fonts are given in points; pages are painted scaled
to the target's resolution."""

MARGINS_MM = QMarginsF(18, 14, 18, 12)
"""A4 margins (left, top, right, bottom) in millimetres: inside what office printers reach."""

HEADER_PT = 24.0
FOOTER_PT = 22.0
BODY_FONT_PT = 9.5
KEEP_WITH_HEADING_PT = 40.0
"""Room needed under an entry's lead (heading, kind line, summary) on its page, else the
heading moves to the next page: the lead never ends a page alone."""
LEAD_BLOCKS = 2
"""Blocks after the heading that belong to its lead: the kind line, then the summary."""


def default_page_layout() -> QPageLayout:
    """A4 portrait with essdesk's margins."""
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Portrait,
        MARGINS_MM,
        QPageLayout.Unit.Millimeter,
    )


# -- layout -----------------------------------------------------------------------------------


def _measuring_device() -> QImage:
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    dots = round(DOC_DPI / 0.0254)
    image.setDotsPerMeterX(dots)
    image.setDotsPerMeterY(dots)
    return image


def body_font() -> QFont:
    """The system's general font family at a fixed print size (not the zoomed UI size)."""
    font = QFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont))
    font.setPointSizeF(BODY_FONT_PT)
    # No "fi"/"fl" ligatures: text copied or extracted from the PDF (pdftotext, a reader's
    # search) then reads "fichier", not "ﬁchier".
    font.setFeature(QFont.Tag("liga"), 0)
    return font


class LaidOutSheet:
    """A sheet laid out for one page size: the document, its pages and each entry's page."""

    def __init__(self, sheet: BriefingSheet, page_layout: QPageLayout | None = None) -> None:
        self.sheet = sheet
        self.page_layout = page_layout or default_page_layout()
        paint = self.page_layout.paintRect(QPageLayout.Unit.Point)
        self.width = paint.width()
        self.body_height = paint.height() - HEADER_PT - FOOTER_PT
        self._device = _measuring_device()  # must outlive the document's layout
        self.document = self._layout(None)
        self.entry_pages: list[int] = self._entry_pages()
        if self.document.pageCount() > 1 and sheet.entries:
            pages = self.entry_pages
            for _ in range(5):  # the contents shifts pages; a few passes make it exact
                self.document = self._layout(pages)
                self.entry_pages = self._entry_pages()
                if self.entry_pages == pages:
                    break
                pages = self.entry_pages
        self._split = False

    @property
    def page_count(self) -> int:
        return self.document.pageCount()

    def _layout(self, toc_pages: Sequence[int] | None) -> QTextDocument:
        doc = QTextDocument()
        doc.documentLayout().setPaintDevice(self._device)
        doc.setUseDesignMetrics(True)
        doc.setDocumentMargin(0)
        doc.setDefaultFont(body_font())
        option = QTextOption(doc.defaultTextOption())
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)  # long URLs
        doc.setDefaultTextOption(option)
        doc.setPageSize(QSizeF(self.width, self.body_height))
        doc.setHtml(sheet_html(self.sheet, toc_pages))
        self._keep_headings_with_text(doc)
        return doc

    def _page_of(self, y: float) -> int:
        return int(y // self.body_height) + 1

    def _heading_blocks(self, doc: QTextDocument) -> list[QTextBlock]:
        found: dict[int, QTextBlock] = {}
        block = doc.begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                for name in it.fragment().charFormat().anchorNames():
                    if name.startswith(ENTRY_ANCHOR):
                        found[int(name.removeprefix(ENTRY_ANCHOR))] = block
                it += 1
            block = block.next()
        return [found[i] for i in sorted(found)]

    def _keep_headings_with_text(self, doc: QTextDocument) -> None:
        """Move a heading to the next page when too little room is left under it.

        Headings are taken in order, since each break moves what follows. After a block
        format change Qt only re-lays out part of a paginated document (the blocks after it
        keep no lines at all), so everything from the heading on is marked dirty: laid out
        again from there, not from the top. (Setting the page size anew, a full layout, gave
        the same pages, every block at the same place, 2-3 times slower: 148 entries 5 s.)
        """
        layout = doc.documentLayout()
        for block in self._heading_blocks(doc):
            rect = layout.blockBoundingRect(block)
            page = self._page_of(rect.top())
            page_top = (page - 1) * self.body_height
            # the heading, its kind line and the block after (the summary, or the follow-up
            # status) with a few lines of what follows: never alone at the bottom of a page
            lead = block
            for _ in range(LEAD_BLOCKS):
                if lead.next().isValid():
                    lead = lead.next()
            bottom = max(rect.bottom(), layout.blockBoundingRect(lead).bottom())
            if self._page_of(bottom + KEEP_WITH_HEADING_PT) != page and rect.top() > (page_top + 1):
                fmt = QTextBlockFormat()
                fmt.setPageBreakPolicy(QTextBlockFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                QTextCursor(block).mergeBlockFormat(fmt)
                doc.markContentsDirty(block.position(), doc.characterCount() - block.position())

    def _entry_pages(self) -> list[int]:
        layout = self.document.documentLayout()
        return [
            self._page_of(layout.blockBoundingRect(b).top() + 1)
            for b in self._heading_blocks(self.document)
        ]

    # -- painting ---------------------------------------------------------------------------

    def _line_tops(self, block: QTextBlock) -> list[tuple[float, int]]:
        """(document y, text offset) of each line of ``block``."""
        layout = block.layout()
        top = self.document.documentLayout().blockBoundingRect(block).top()
        origin = top - layout.boundingRect().top()
        return [
            (origin + layout.lineAt(i).y(), layout.lineAt(i).textStart())
            for i in range(layout.lineCount())
        ]

    def split_blocks_at_page_breaks(self) -> None:
        """Cut every paragraph that runs over a page break into two, at that break.

        QTextLayout::draw() also paints the last line *above* the clip (its first-line search
        is one off), so a paragraph running over a page break gets its previous line painted,
        hidden by the clip but present in the PDF: extracted by pdftotext, found by a reader's
        search, read by screen readers. Cutting the paragraph where the page breaks changes
        nothing on paper (same lines, same pages: text is left-aligned and the second part
        starts the page anyway) and leaves Qt nothing to paint twice.
        """
        if self._split:
            return
        self._split = True
        doc = self.document
        for _ in range(self.page_count + 2):  # one pass cuts them all; the rest is a guard
            cuts: list[tuple[int, QTextBlock]] = []
            block = doc.begin()
            while block.isValid():
                lines = self._line_tops(block)
                for (y0, _), (y1, offset) in itertools.pairwise(lines):
                    if self._page_of(y1 + 0.5) != self._page_of(y0 + 0.5):
                        cuts.append((block.position() + offset, block))
                block = block.next()
            if not cuts:
                return
            # One edit block: Qt lays out once at its end, not after each cut (each cut
            # re-laid out all that follows it: 8 s for 150 entries with full texts).
            edit = QTextCursor(doc)
            edit.beginEditBlock()
            for position, block in reversed(cuts):  # from the end: positions stay valid
                self._cut(block, position)
            edit.endEditBlock()
            doc.setPageSize(doc.pageSize())  # a full layout again (see _keep_headings_with_text)

    def _cut(self, block: QTextBlock, position: int) -> None:
        cursor = QTextCursor(self.document)
        cursor.setPosition(position)
        if self.document.characterAt(position - 1) == "\u2028":  # a <br/>: the break replaces it
            cursor.setPosition(position - 1, QTextCursor.MoveMode.KeepAnchor)
        before = QTextBlockFormat(block.blockFormat())
        after = QTextBlockFormat(before)
        after.setTopMargin(0)
        after.setPageBreakPolicy(QTextBlockFormat.PageBreakFlag.PageBreak_Auto)
        cursor.insertBlock(after)
        text_list = cursor.block().textList()
        if text_list is not None:  # the rest of a list item: no second bullet, same indent
            text_list.remove(cursor.block())
            indented = QTextBlockFormat()
            indented.setIndent(text_list.format().indent())
            cursor.mergeBlockFormat(indented)
        first = QTextCursor(self.document)
        first.setPosition(cursor.block().position() - 1)
        ends = QTextBlockFormat()
        ends.setBottomMargin(0)
        first.mergeBlockFormat(ends)

    def paint(self, device: QPagedPaintDevice, painter: QPainter) -> None:
        """Paint every page on ``device`` (already begun by ``painter``)."""
        self.split_blocks_at_page_breaks()
        sx = device.logicalDpiX() / DOC_DPI
        sy = device.logicalDpiY() / DOC_DPI
        count = self.page_count
        for index in range(count):
            if index:
                device.newPage()
            painter.save()
            painter.scale(sx, sy)
            painter.translate(0, HEADER_PT - index * self.body_height)
            clip = QRectF(0, index * self.body_height, self.width, self.body_height)
            painter.setClipRect(clip)
            context = QAbstractTextDocumentLayout.PaintContext()
            # Qt draws every line that touches the clip: a line ending exactly on the page
            # boundary would also be drawn (hidden, yet extractable and searchable in the PDF)
            # on the next page. A clip a hair smaller than the page avoids that.
            context.clip = clip.adjusted(0, 0.5, 0, -0.5)
            context.palette.setColor(context.palette.ColorRole.Text, QColor(INK))
            self.document.documentLayout().draw(painter, context)
            painter.restore()
            self._paint_margins(painter, index + 1, count, sx, sy)

    def _paint_margins(
        self, painter: QPainter, page: int, count: int, sx: float, sy: float
    ) -> None:
        """Running header (from page 2) and footer, in device pixels: a font's point size
        is resolved against the device, so text is drawn on an unscaled painter."""

        def rect(x: float, y: float, w: float, h: float) -> QRectF:
            return QRectF(x * sx, y * sy, w * sx, h * sy)

        def line(y: float) -> None:
            painter.drawLine(QPointF(0, y * sy), QPointF(self.width * sx, y * sy))

        painter.save()
        font = QFont(body_font())
        font.setPointSizeF(7.5)
        painter.setFont(font)
        rule = QPen(QColor(RULE))
        rule.setWidthF(0.6 * sy)
        sheet = self.sheet
        left = Qt.AlignmentFlag.AlignLeft
        right = Qt.AlignmentFlag.AlignRight
        if page > 1:
            painter.setPen(QColor(MUTED))
            top = rect(0, 0, self.width, HEADER_PT - 9)
            bottom = Qt.AlignmentFlag.AlignBottom
            painter.drawText(top, bottom | left, french_typography(sheet.title))
            painter.drawText(top, bottom | right, sheet.date_text)
            painter.setPen(rule)
            line(HEADER_PT - 6)
        foot = HEADER_PT + self.body_height
        painter.setPen(rule)
        line(foot + 6)
        painter.setPen(QColor(MUTED))
        text = rect(0, foot + 9, self.width, FOOTER_PT - 9)
        top_align = Qt.AlignmentFlag.AlignTop
        painter.drawText(
            text, top_align | left, f"essdesk {__version__} — {sheet.title} — {sheet.date_text}"
        )
        painter.drawText(text, top_align | right, f"Page {page} sur {count}")
        painter.restore()


class RenderError(Exception):
    """The PDF or the print could not be made; ``message`` is French."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def render(sheet: BriefingSheet, device: QPagedPaintDevice) -> int:
    """Lay the sheet out for ``device``'s page and paint it; returns the number of pages.

    ``device`` is a QPdfWriter or a QPrinter (the print preview hands one to
    ``paintRequested``); its page size and margins are honoured.
    """
    laid_out = LaidOutSheet(sheet, device.pageLayout())
    painter = QPainter()
    if not painter.begin(device):
        raise RenderError("Impossible de préparer l'impression de la fiche.")
    try:
        laid_out.paint(device, painter)
    finally:
        painter.end()
    return laid_out.page_count


def pdf_bytes(sheet: BriefingSheet, page_layout: QPageLayout | None = None) -> bytes:
    """The sheet as an A4 PDF, in memory (needs a QGuiApplication, no display)."""
    return pdf_and_pages(sheet, page_layout)[0]


def pdf_and_pages(
    sheet: BriefingSheet, page_layout: QPageLayout | None = None
) -> tuple[bytes, int]:
    """The PDF and its number of pages, from one layout."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(600)
    writer.setPageLayout(page_layout or default_page_layout())
    writer.setTitle(sheet.title)
    writer.setCreator(f"essdesk {__version__}")
    pages = render(sheet, writer)
    del writer  # flushes the PDF trailer into the buffer
    buffer.close()
    return bytes(data.data()), pages


def write_pdf(sheet: BriefingSheet, path: Path | str) -> int:
    """Write the sheet as an A4 PDF at ``path``; returns the number of pages.

    The file is replaced atomically (a half-written PDF never replaces a good one).
    Raises OSError when the folder cannot be written."""
    data, pages = pdf_and_pages(sheet)
    write_atomically(path, data)
    return pages


def page_count(sheet: BriefingSheet, page_layout: QPageLayout | None = None) -> int:
    """How many pages the sheet takes (A4 by default), without painting it."""
    return LaidOutSheet(sheet, page_layout).page_count


# -- print ------------------------------------------------------------------------------------


def make_print_preview(sheet: BriefingSheet, parent: QWidget | None = None) -> QPrintPreviewDialog:
    """A print preview of the sheet (A4 by default); its print button prints it."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(default_page_layout())
    printer.setDocName(sheet.title)
    printer.setCreator(f"essdesk {__version__}")
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(plain_title(f"Aperçu avant impression — {sheet.title}"))
    dialog.paintRequested.connect(lambda target: render(sheet, target))
    dialog._essdesk_printer = printer  # type: ignore[attr-defined]  # keep the printer alive
    return dialog


def print_preview(sheet: BriefingSheet, parent: QWidget | None = None) -> int:
    """Show the print preview (modal); returns the dialog's result code."""
    dialog = make_print_preview(sheet, parent)
    try:
        return dialog.exec()
    finally:
        dialog.deleteLater()


__all__ = [
    "LaidOutSheet",
    "RenderError",
    "default_page_layout",
    "make_print_preview",
    "page_count",
    "pdf_and_pages",
    "pdf_bytes",
    "print_preview",
    "render",
    "write_pdf",
]
