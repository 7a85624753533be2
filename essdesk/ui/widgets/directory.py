"""The directory (Annuaire): actors and schemes in one sortable, filterable table.

Typing filters as you type (debounced); the query and the facet counts run on the worker
thread and come back as plain records; only the latest query's result is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from essdesk.catalogue.records import FacetValue, Filters, Row
from essdesk.ui.labels import FACETS, facet_title
from essdesk.ui.models import KEY_ROLE
from essdesk.ui.models.directory_model import DirectoryModel
from essdesk.ui.widgets.chips import ChipBar
from essdesk.ui.widgets.flow_layout import flow_container
from essdesk.ui.worker import QueryRunner

if TYPE_CHECKING:
    from essdesk.catalogue.store import Catalogue

DEBOUNCE_MS = 150
PAGE_SIZE = 500  # rows per query; more are fetched as the table scrolls


class DirectoryPanel(QWidget):
    entry_activated = Signal(str)
    results_shown = Signal(int)
    """Emitted with the row count each time a query's rows reach the table."""

    def __init__(self, runner: QueryRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("directoryPanel")
        self._catalogue: Catalogue | None = None
        self._runner = runner
        self._runner.delivered.connect(self._show_result)
        self._selected: dict[str, list[str]] = {facet: [] for facet in FACETS}
        self._labels: dict[tuple[str, str], str] = {}
        self._sort = ("title", False)
        self._pending_focus_key = ""

        self.search_field = QLineEdit(self)
        self.search_field.setObjectName("directorySearch")
        self.search_field.setPlaceholderText(self.tr("Filtrer par nom, sigle, mot…"))
        self.search_field.setAccessibleName(self.tr("Filtrer l'annuaire"))
        self.search_field.setClearButtonEnabled(True)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.refresh)
        self.search_field.textChanged.connect(lambda _text: self._debounce.start())
        self.search_field.returnPressed.connect(self._focus_table)

        facets_box, facets_flow = flow_container(self, spacing=6)
        self.facet_buttons: dict[str, QToolButton] = {}
        for facet in FACETS:
            button = QToolButton(facets_box)
            button.setObjectName(f"facet_{facet}")
            button.setText(facet_title(facet))
            button.setAccessibleName(self.tr("Filtre : {0}").format(facet_title(facet)))
            button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setMenu(QMenu(button))
            button.setEnabled(False)
            facets_flow.addWidget(button)
            self.facet_buttons[facet] = button

        self.followed_button = QToolButton(facets_box)
        self.followed_button.setObjectName("followedFilter")
        self.followed_button.setText(self.tr("Mes entrées suivies"))
        self.followed_button.setToolTip(
            self.tr("Seulement les entrées avec une note ou un suivi pour votre territoire")
        )
        self.followed_button.setAccessibleName(self.tr("Filtre : mes entrées suivies"))
        self.followed_button.setCheckable(True)
        self.followed_button.setVisible(False)
        self.followed_button.toggled.connect(self._followed_toggled)
        facets_flow.addWidget(self.followed_button)
        self._followed_source: Callable[[], set[str]] | None = None

        self.chip_bar = ChipBar(self)
        self.chip_bar.chip_removed.connect(self.remove_filter)
        self.chip_bar.cleared.connect(self.clear_filters)

        self.count_label = QLabel(self)
        self.count_label.setObjectName("resultCount")
        self.count_label.setAccessibleName(self.tr("Nombre de résultats"))

        self.model = DirectoryModel(self)
        self.model.sort_requested.connect(self._sort_requested)
        self.table = QTableView(self)
        self.table.setObjectName("directoryTable")
        self.table.setAccessibleName(self.tr("Annuaire des acteurs et dispositifs"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.table.clicked.connect(self._open)
        self.table.activated.connect(self._open)

        empty = QWidget(self)
        empty.setObjectName("directoryEmpty")
        empty_layout = QVBoxLayout(empty)
        self.empty_label = QLabel(
            self.tr("Aucun acteur ni dispositif ne correspond à la recherche et aux filtres."),
            empty,
        )
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setObjectName("emptyState")
        reset = QPushButton(self.tr("Effacer la recherche et les filtres"), empty)
        reset.setObjectName("resetButton")
        reset.clicked.connect(self.reset)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.empty_label)
        empty_layout.addWidget(reset, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_layout.addStretch(2)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.table)
        self.stack.addWidget(empty)

        status_row = QHBoxLayout()
        status_row.addWidget(self.count_label, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.search_field)
        layout.addWidget(facets_box)
        layout.addWidget(self.chip_bar)
        layout.addLayout(status_row)
        layout.addWidget(self.stack, 1)

    # ---------------------------------------------------------------- catalogue and queries
    def set_catalogue(self, catalogue: Catalogue | None) -> None:
        self._catalogue = catalogue
        for button in self.facet_buttons.values():
            button.setEnabled(catalogue is not None)
        self.refresh()

    def filters(self) -> Filters:
        return Filters(**{facet: tuple(values) for facet, values in self._selected.items()})

    def refresh(self) -> None:
        """Run the query now (on the worker thread)."""
        self._debounce.stop()
        catalogue = self._catalogue
        if catalogue is None:
            return
        text, filters = self.search_field.text(), self.filters()
        sort, descending = self._sort
        followed = self.followed_keys()

        def page(offset: int) -> list[Row]:
            if followed is not None:  # a small set: filtered here, all in one page
                return []
            return catalogue.directory(
                text, filters, sort=sort, descending=descending, limit=PAGE_SIZE, offset=offset
            )

        def job() -> tuple[list[Row], int, Callable[[int], list[Row]], dict[str, list[FacetValue]]]:
            if followed is not None:
                everything = catalogue.directory(text, filters, sort=sort, descending=descending)
                rows = [r for r in everything if r.key in followed]
                return rows, len(rows), page, catalogue.facets(text, filters)
            rows = page(0)
            total = len(rows) if len(rows) < PAGE_SIZE else catalogue.count(text, filters)
            return rows, total, page, catalogue.facets(text, filters)

        self._runner.submit(job)

    def _show_result(self, result: Any) -> None:
        rows, total, page, facets = result
        self.model.set_rows(rows, total, page)
        self._update_facets(facets)
        count = total
        if count == 0:
            text = self.tr("Aucun résultat")
        elif count == 1:
            text = self.tr("1 résultat")
        else:
            text = self.tr("{0} résultats").format(count)
        self.count_label.setText(text)
        self.stack.setCurrentIndex(0 if count else 1)
        if count <= 2000:  # measuring every row of a huge list would stall the GUI thread
            self.table.resizeColumnToContents(DirectoryModel.COL_KIND)
        if self.table.columnWidth(DirectoryModel.COL_TITLE) < 220:
            self.table.setColumnWidth(DirectoryModel.COL_TITLE, 260)
        header = self.table.horizontalHeader()
        for column in (DirectoryModel.COL_TYPE, DirectoryModel.COL_BACKER):
            wanted = max(140, header.sectionSizeFromContents(column).width() + 8)
            if self.table.columnWidth(column) < wanted:
                self.table.setColumnWidth(column, wanted)
        self.results_shown.emit(count)

    def _update_facets(self, facets: dict[str, list[FacetValue]]) -> None:
        for facet in FACETS:
            button = self.facet_buttons[facet]
            menu = button.menu()
            menu.clear()
            selected = self._selected[facet]
            values = facets.get(facet, [])
            for fv in values:
                self._labels[(facet, fv.value)] = fv.label
                if fv.count == 0 and fv.value not in selected:
                    continue
                action = QAction(f"{fv.label} ({fv.count})", menu)
                action.setCheckable(True)
                action.setChecked(fv.value in selected)
                action.setData(fv.value)
                action.toggled.connect(lambda on, f=facet, v=fv.value: self._toggle(f, v, on))
                menu.addAction(action)
            if menu.isEmpty():
                none = menu.addAction(self.tr("Aucune valeur"))
                none.setEnabled(False)
            active = len(selected)
            title = facet_title(facet)
            button.setText(f"{title} ({active})" if active else title)
            button.setProperty("active", bool(active))
            button.style().unpolish(button)
            button.style().polish(button)

    # ---------------------------------------------------------------- « Mes entrées suivies »
    def set_followed_source(self, source: Callable[[], set[str]] | None) -> None:
        """``source()``: keys with a note or a status for the current territory."""
        self._followed_source = source
        self.followed_button.setVisible(source is not None)
        if source is None and self.followed_button.isChecked():
            self.followed_button.setChecked(False)

    def followed_keys(self) -> set[str] | None:
        """The keys the « Mes entrées suivies » filter keeps, or None when it is off."""
        if self._followed_source is None or not self.followed_button.isChecked():
            return None
        return set(self._followed_source())

    def _followed_toggled(self, _on: bool) -> None:
        self._filters_changed()

    # ---------------------------------------------------------------- filters
    def apply_filter(self, facet: str, value: str) -> None:
        if value not in self._selected[facet]:
            self._selected[facet].append(value)
            self._filters_changed()

    def remove_filter(self, facet: str, value: str) -> None:
        if facet == "followed":
            self.followed_button.setChecked(False)
            return
        if value in self._selected.get(facet, []):
            self._selected[facet].remove(value)
            self._filters_changed()

    def clear_filters(self) -> None:
        if self.followed_button.isChecked():
            self.followed_button.blockSignals(True)
            self.followed_button.setChecked(False)
            self.followed_button.blockSignals(False)
            self._selected = {facet: [] for facet in FACETS}
            self._filters_changed()
        elif any(self._selected.values()):
            self._selected = {facet: [] for facet in FACETS}
            self._filters_changed()

    def reset(self) -> None:
        self._selected = {facet: [] for facet in FACETS}
        self.followed_button.blockSignals(True)
        self.followed_button.setChecked(False)
        self.followed_button.blockSignals(False)
        self.search_field.clear()
        self._filters_changed()

    def facet_action(self, facet: str, value: str) -> QAction | None:
        """The menu action of a facet value (for keyboard users and tests)."""
        for action in self.facet_buttons[facet].menu().actions():
            if action.data() == value:
                return action
        return None

    def _toggle(self, facet: str, value: str, on: bool) -> None:
        if on:
            self.apply_filter(facet, value)
        else:
            self.remove_filter(facet, value)

    def _filters_changed(self) -> None:
        chips = []
        if self.followed_button.isChecked():
            chips.append(("followed", "1", self.tr("Mes entrées suivies")))
        for facet in FACETS:
            for value in self._selected[facet]:
                label = self._labels.get((facet, value), value)
                chips.append((facet, value, f"{facet_title(facet)} : {label}"))
        self.chip_bar.set_chips(chips)
        self.refresh()

    # ---------------------------------------------------------------- table
    def _sort_requested(self, sort: str, descending: bool) -> None:
        self._sort = (sort, descending)
        self.refresh()

    def _open(self, index: QModelIndex) -> None:
        key = index.data(KEY_ROLE) if index.isValid() else None
        if key:
            self.entry_activated.emit(key)

    def _focus_table(self) -> None:
        if self.model.rowCount():
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
            self.table.setCurrentIndex(self.model.index(0, 0))

    def focus_search(self) -> None:
        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()
