"""Global search over the whole catalogue: the field (Ctrl+K / Ctrl+F) and its result list.

Ranked results with the matched words in bold and the kind of each entry; Enter in the field
opens the first result, Down moves into the list, Esc clears.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QKeyEvent,
    QMouseEvent,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from essdesk.catalogue.records import Filters, Hit
from essdesk.ui.catalogue.search_model import SearchResultsModel
from essdesk.ui.common.colours import muted
from essdesk.ui.common.labels import catalogue_label, kind_label, local_mark
from essdesk.ui.common.plain import PlainLabel, html_label
from essdesk.ui.common.roles import KEY_ROLE, RECORD_ROLE, SNIPPET_ROLE
from essdesk.ui.common.worker import QueryRunner

if TYPE_CHECKING:
    from essdesk.catalogue.store import Catalogue

DEBOUNCE_MS = 120
LIMIT = 50

NoteSearch = Callable[[str], list[Hit]]
"""Text → the current territory's notes as hits (kind "note", labelled « Ma note »)."""


MARGIN = 6


def hit_label(hit: Hit) -> str:
    """The muted words after a result's title: kind, type, and a local entry's mark."""
    label = kind_label(hit.kind)
    if hit.subtype_label and hit.subtype_label != label:
        label = f"{label} · {catalogue_label(hit.subtype_label)}"
    if local_mark(hit):
        label = f"{label} · {local_mark(hit)}"
    return label



class _ToggleLabel(PlainLabel):
    """The wrapping text of a check box: a click on it toggles the box."""

    def __init__(self, text: str, box: QCheckBox) -> None:
        super().__init__(text, box.parentWidget())
        self._box = box
        self.setWordWrap(True)
        self.setBuddy(box)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._box.isEnabled():
            self._box.toggle()
            self._box.setFocus(Qt.FocusReason.MouseFocusReason)
        super().mousePressEvent(event)

class HitDelegate(QStyledItemDelegate):
    """Two lines per result: title and kind, then the snippet with matches in bold."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sizes: dict[tuple[str, int, str, str], QSize] = {}

    def _document(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QTextDocument:
        hit: Hit | None = index.data(RECORD_ROLE)
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(MARGIN)
        if hit is None:
            return doc
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        group = (
            QPalette.ColorGroup.Active
            if option.state & QStyle.StateFlag.State_Active
            else QPalette.ColorGroup.Inactive
        )
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        color = option.palette.color(group, text_role).name()
        faded = color if selected else muted(option.palette, group)
        label = hit_label(hit)
        doc.setHtml(
            f'<div style="color:{color}"><b>{html.escape(hit.title)}</b>'
            f'&nbsp;&nbsp;<span style="color:{faded}">{html.escape(label)}</span>'
            f'<br/><span style="color:{color}">{index.data(SNIPPET_ROLE)}</span></div>'
        )
        doc.setTextWidth(max(option.rect.width(), 200))
        return doc

    def paint(self, painter, option, index) -> None:  # type: ignore[override]
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        doc = self._document(option, index)
        painter.save()
        painter.translate(option.rect.topLeft())
        context = QAbstractTextDocumentLayout.PaintContext()
        context.clip = QRectF(0, 0, option.rect.width(), option.rect.height())
        painter.setClipRect(context.clip)
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option, index) -> QSize:  # type: ignore[override]
        """The height of the very document painted (title, kind, snippet with its bold
        words), so rows are never clipped nor padded: an estimate from font metrics cut
        the third snippet line of some rows and left gaps under others. Cached per hit,
        width and font: a result set lays out each row once."""
        hit: Hit | None = index.data(RECORD_ROLE)
        width = option.widget.viewport().width() if option.widget else 300
        if hit is None:
            return QSize(width, 0)
        key = (hit.key, width, option.font.key(), hit.snippet)
        cached = self._sizes.get(key)
        if cached is not None:
            return cached
        opt = QStyleOptionViewItem(option)
        opt.rect = QRect(0, 0, width, 0)
        doc = self._document(opt, index)
        size = QSize(width, int(doc.size().height()) + 2)
        if len(self._sizes) > 5000:
            self._sizes.clear()
        self._sizes[key] = size
        return size


class SearchPanel(QWidget):
    """The result list shown in place of the navigation page while a search is active."""

    entry_activated = Signal(str)
    results_shown = Signal(int)
    cleared = Signal()

    def __init__(
        self, runner: QueryRunner, field: QLineEdit, parent: QWidget | None = None
    ) -> None:
        """``field`` is the window's search box (in the toolbar, so it exists before this
        panel, which is built after the first paint); text already typed is searched."""
        super().__init__(parent)
        self.setObjectName("searchPanel")
        self._catalogue: Catalogue | None = None
        self._runner = runner
        self._runner.delivered.connect(self._show_hits)
        self._note_search: NoteSearch | None = None

        self.field = field
        self.field.textChanged.connect(self._text_changed)
        self.field.installEventFilter(self)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.run_query)

        self.header = PlainLabel(self)
        self.header.setObjectName("resultCount")
        self.header.setWordWrap(True)
        self.header.setAccessibleName(self.tr("Nombre de résultats"))
        self.header.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        # « Vouliez-vous dire … ? »: the query corrected and the closest titles, as links.
        self.suggestion = html_label(self)  # built from escaped titles (_show_suggestions)
        self.suggestion.setObjectName("searchSuggestion")
        self.suggestion.setWordWrap(True)
        self.suggestion.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.suggestion.setAccessibleName(self.tr("Suggestions de recherche"))
        self.suggestion.linkActivated.connect(self._take_suggestion)
        self.suggestion.setVisible(False)
        # wrapped lines are never cut (200 % in a narrow pane): the result list gives way
        self.suggestion.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.suggestions: list[str] = []
        self.territory_types: tuple[str, ...] = ()
        """« Pour mon territoire » (from the directory): the search keeps what targets these
        types and what applies everywhere."""
        # A check box's own text never wraps and is cut in a narrow pane (200 %): the box
        # and a wrapping label that toggles it.
        self._notes_only_row = QWidget(self)
        self.notes_only = QCheckBox(self._notes_only_row)
        notes_only_label = _ToggleLabel(self.tr("Dans mes notes uniquement"), self.notes_only)
        row = QHBoxLayout(self._notes_only_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.notes_only, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(notes_only_label, 1)
        self.notes_only.setObjectName("searchNotesOnly")
        self.notes_only.setAccessibleName(self.tr("Chercher dans mes notes uniquement"))
        self.notes_only.setToolTip(
            self.tr("La recherche couvre aussi les notes du territoire courant (« Ma note »)")
        )
        self._notes_only_row.setVisible(False)
        self.notes_only.toggled.connect(lambda _on: self.run_query())
        self.model = SearchResultsModel(self)
        self.list = QListView(self)
        self.list.setObjectName("searchResults")
        self.list.setAccessibleName(self.tr("Résultats de la recherche"))
        self.list.setModel(self.model)
        self.list.setItemDelegate(HitDelegate(self.list))
        self.list.setWordWrap(True)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.clicked.connect(self._open)
        self.list.activated.connect(self._open)
        self.list.selectionModel().currentChanged.connect(self._preview)
        self.list.installEventFilter(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.header)
        layout.addWidget(self.suggestion)
        layout.addWidget(self._notes_only_row)
        layout.addWidget(self.list, 1)
        if self.field.text().strip():
            self._debounce.start()

    def set_catalogue(self, catalogue: Catalogue | None) -> None:
        self._catalogue = catalogue
        if self.field.text().strip():
            self.run_query()

    def set_territory_types(self, types: tuple[str, ...]) -> None:
        self.territory_types = tuple(types)
        if self.field.text().strip():
            self.run_query()

    def set_note_search(self, search: NoteSearch | None) -> None:
        """Cover the current territory's notes too (None: catalogue only)."""
        self._note_search = search
        self._notes_only_row.setVisible(search is not None)
        if self.field.text().strip():
            self.run_query()

    def _job(self, text: str) -> Callable[[], tuple[str, list[Hit], list[str]]]:
        catalogue, notes, only = self._catalogue, self._note_search, self.notes_only.isChecked()
        filters = Filters(territories=self.territory_types)

        def job() -> tuple[str, list[Hit], list[str]]:
            from essdesk import fuzzy  # not at first paint (start-up budget)

            hits: list[Hit] = []
            if notes is not None:
                hits += notes(text)
            if catalogue is not None and not (only and notes is not None):
                hits += catalogue.search(text, filters, limit=LIMIT)
            # Nothing or little found, or found only through corrected words: propose.
            few = len(hits) < fuzzy.FEW or all(h.match == "fuzzy" for h in hits)
            suggestions = (
                catalogue.suggestions(text, filters) if catalogue is not None and few else []
            )
            return text, hits, suggestions

        return job

    # ---------------------------------------------------------------- querying
    def _text_changed(self, text: str) -> None:
        if text.strip():
            self._debounce.start()
        else:
            self._debounce.stop()
            self._runner.cancel()
            self.model.set_hits("", [])
            self._show_suggestions("", [])
            self.cleared.emit()

    def run_query(self) -> None:
        self._debounce.stop()
        catalogue, text = self._catalogue, self.field.text()
        if catalogue is None or not text.strip():
            return
        self._runner.submit(self._job(text))

    def _show_hits(self, result: Any) -> None:
        text, hits, suggestions = result
        if text != self.field.text():
            return  # typed on since: the next result is on its way
        self.model.set_hits(text, hits)
        self._show_suggestions(text, suggestions)
        count = len(hits)
        if count == 0:
            self.header.setText(self.tr("Aucun résultat pour « {0} ».").format(text.strip()))
        elif count == 1:
            self.header.setText(self.tr("1 résultat pour « {0} »").format(text.strip()))
        else:
            more = self.tr(" (les {0} premiers)").format(LIMIT) if count >= LIMIT else ""
            self.header.setText(
                self.tr("{0} résultats pour « {1} »").format(count, text.strip()) + more
            )
        self.results_shown.emit(count)

    def _show_suggestions(self, text: str, suggestions: list[str]) -> None:
        from essdesk import textfold  # not at first paint (start-up budget)

        typed = textfold.index_text(text)
        # three at most: at 200 % in a narrow pane more wrap over the result list itself
        self.suggestions = [s for s in suggestions if textfold.index_text(s) != typed][:3]
        if not self.suggestions:
            self.suggestion.setVisible(False)
            self.suggestion.clear()
            return
        links = ", ".join(
            f'<a href="{i}">{html.escape(s)}</a>' for i, s in enumerate(self.suggestions)
        )
        question = html.escape(self.tr("Vouliez-vous dire : {0} ?")).replace("{0}", links)
        self.suggestion.setText(question)
        self.suggestion.setVisible(True)

    def _take_suggestion(self, link: str) -> None:
        """Search the suggestion clicked (its index in ``self.suggestions``)."""
        if link.isdigit() and int(link) < len(self.suggestions):
            self.field.setText(self.suggestions[int(link)])
            self.run_query()

    def open_first(self) -> None:
        """Enter in the field: open the best result, querying now if typing was too fast."""
        if self._debounce.isActive() or self.model.query != self.field.text():
            catalogue, text = self._catalogue, self.field.text()
            if catalogue is None or not text.strip():
                return
            self._debounce.stop()
            self._runner.cancel()
            self._show_hits(self._job(text)())
        hit = self.model.hit(0)
        if hit is not None:
            self.entry_activated.emit(hit.key)

    def clear(self) -> None:
        self.field.clear()

    # ---------------------------------------------------------------- keyboard
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched is self.field:
                if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    self.open_first()
                    return True
                if key == Qt.Key.Key_Escape and self.field.text():
                    self.clear()
                    return True
                if key == Qt.Key.Key_Down and self.model.rowCount():
                    self.list.setFocus(Qt.FocusReason.TabFocusReason)
                    self.list.setCurrentIndex(self.model.index(0, 0))
                    return True
            elif watched is self.list and (
                key == Qt.Key.Key_Escape
                or (key == Qt.Key.Key_Up and self.list.currentIndex().row() == 0)
            ):
                self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
                return True
        return super().eventFilter(watched, event)

    def _preview(self, index: QModelIndex, _previous: QModelIndex) -> None:
        """↓/↑ in the list show the entry, as in the trees and the directory."""
        if self.list.hasFocus():
            self._open(index)

    def _open(self, index: QModelIndex) -> None:
        key = index.data(KEY_ROLE) if index.isValid() else None
        if key:
            self.entry_activated.emit(key)
