"""The directory (Annuaire): actors and schemes in one sortable, filterable table.

Typing filters as you type (debounced); the query and the facet counts run on the worker
thread and come back as plain records; only the latest query's result is shown.

The « Suivi » facet (notes and follow-up statuses of the current territory) is not in the
catalogue: the notes session hands the panel its key sets (``set_followup_source``), and the
rows are filtered here, in Python — the followed set is small, so they come in one page.
Its counts are taken among the keys the search and the other facets give (its own choice
aside, as for every facet) whenever the panel holds them all, that is when the result fits
in one page or when « Suivi » filters; for a longer result they are counted over the whole
territory (the menu then says « dans votre territoire »). They are counted again each time
the menu opens, so a status set a moment ago is counted at once.

Over 500 lines: the table, its facet menus and the « Suivi » counts share the query state
(text, facets, sort, territory scope) that every refresh reads.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QMouseEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMenu,
    QPushButton,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from essdesk.catalogue.records import DirectoryRow, FacetValue, Filters
from essdesk.ui.catalogue.chips import ChipBar
from essdesk.ui.catalogue.directory_model import DirectoryModel
from essdesk.ui.common.flow_layout import flow_container
from essdesk.ui.common.labels import (
    FACETS,
    FOLLOWUP_FACET,
    FOLLOWUP_VALUES,
    WITH_NOTE,
    catalogue_label,
    facet_title,
    followup_label,
)
from essdesk.ui.common.plain import PlainLabel, html_label
from essdesk.ui.common.roles import KEY_ROLE
from essdesk.ui.common.worker import QueryRunner

if TYPE_CHECKING:
    from essdesk.catalogue.store import Catalogue

DEBOUNCE_MS = 150
PAGE_SIZE = 500  # rows per query; more are fetched as the table scrolls

FollowupSource = Callable[[], tuple[set[str], dict[str, str]]]
"""Gives (keys with a note, key → follow-up status) for the current territory."""


class _TickMenu(QMenu):
    """A facet's menu that stays open while values are ticked (mouse or Space), so several
    can be chosen in one go; Enter or a click elsewhere closes it."""

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        action = self.activeAction()
        if action is not None and action.isEnabled() and action.isCheckable():
            action.trigger()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        action = self.activeAction()
        if event.key() == Qt.Key.Key_Space and action is not None and action.isCheckable():
            action.trigger()
            return
        super().keyPressEvent(event)


class DirectoryPanel(QWidget):
    entry_activated = Signal(str)
    results_shown = Signal(int)
    """Emitted with the row count each time a query's rows reach the table."""

    territory_scope_changed = Signal(object)
    """« Pour mon territoire » on (the profile's territory types) or off (an empty tuple):
    the search follows it."""

    def __init__(self, runner: QueryRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("directoryPanel")
        self._catalogue: Catalogue | None = None
        self._runner = runner
        self._runner.delivered.connect(self._show_result)
        self._selected: dict[str, list[str]] = {facet: [] for facet in FACETS}
        self._labels: dict[tuple[str, str], str] = {}
        self._sort = ("title", False)
        self._sorted_by_user = False

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
        # One click: what targets the current profile's territory types, plus what the
        # report says applies everywhere, each labelled in the « Territoires » column.
        self.mine_button = QToolButton(facets_box)
        self.mine_button.setObjectName("forMyTerritory")
        self.mine_button.setText(self.tr("Pour mon territoire"))
        self.mine_button.setCheckable(True)
        self.mine_button.setEnabled(False)
        self.mine_button.setToolTip(
            self.tr("Choisissez un profil de territoire avec ses types (ZRR, QPV…)")
        )
        self.mine_button.toggled.connect(self._mine_toggled)
        facets_flow.addWidget(self.mine_button)
        self._my_types: tuple[str, ...] = ()
        self.facet_buttons: dict[str, QToolButton] = {}
        for facet in FACETS:
            button = QToolButton(facets_box)
            button.setObjectName(f"facet_{facet}")
            button.setText(facet_title(facet))
            button.setAccessibleName(self.tr("Filtre : {0}").format(facet_title(facet)))
            button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setMenu(_TickMenu(button))
            button.setEnabled(False)
            facets_flow.addWidget(button)
            self.facet_buttons[facet] = button

        self.followup_button = QToolButton(facets_box)
        self.followup_button.setObjectName(f"facet_{FOLLOWUP_FACET}")
        self.followup_button.setText(facet_title(FOLLOWUP_FACET))
        self.followup_button.setToolTip(
            self.tr("Vos notes et le suivi des entrées pour votre territoire")
        )
        self.followup_button.setAccessibleName(
            self.tr("Filtre : {0}").format(facet_title(FOLLOWUP_FACET))
        )
        self.followup_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.followup_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.followup_button.setMenu(QMenu(self.followup_button))
        self.followup_button.menu().aboutToShow.connect(self._update_followup)
        self.followup_button.setVisible(False)
        facets_flow.addWidget(self.followup_button)
        self._followup_source: FollowupSource | None = None
        self._followup: list[str] = []
        self._followup_base: frozenset[str] | None = None
        """Keys of the current result before « Suivi » filters; None: not all known."""

        self.chip_bar = ChipBar(self)
        self.chip_bar.chip_removed.connect(self.remove_filter)
        self.chip_bar.cleared.connect(self.clear_filters)

        self.count_label = PlainLabel(self)
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
        header.setStretchLastSection(False)  # _fit_columns shares the width
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.table.clicked.connect(self._open)
        self.table.activated.connect(self._open)

        empty = QWidget(self)
        empty.setObjectName("directoryEmpty")
        empty_layout = QVBoxLayout(empty)
        self.empty_label = PlainLabel(
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
        # The legend of the « concerne votre territoire » background (on by default).
        self.legend = html_label(self)
        self.legend.setObjectName("highlightLegend")
        swatch = "rgba(230, 170, 20, 0.45)"
        self.legend.setText(
            f'<span style="background-color:{swatch}">&nbsp;&nbsp;&nbsp;&nbsp;</span>&nbsp;'
            + html.escape(self.tr("concerne votre territoire"))
        )
        self.legend.setAccessibleName(self.tr("Légende : fond coloré, concerne votre territoire"))
        status_row.addWidget(self.legend)

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

    def set_territory_types(self, types: tuple[str, ...]) -> None:
        """The current profile's territory types (« Pour mon territoire »)."""
        was_on = self.mine_button.isChecked()
        if was_on:
            self._selected["territories"] = [
                v for v in self._selected["territories"] if v not in self._my_types
            ]
        self._my_types = tuple(types)
        self.mine_button.setEnabled(bool(types))
        self.mine_button.setToolTip(
            self.tr(
                "Les entrées qui ciblent les types de votre territoire et celles valables partout"
            )
            if types
            else self.tr("Choisissez un profil de territoire avec ses types (ZRR, QPV…)")
        )
        if was_on and types:
            self._selected["territories"] += [
                t for t in types if t not in self._selected["territories"]
            ]
            self._filters_changed()
        elif was_on:
            self.mine_button.setChecked(False)

    def _mine_toggled(self, on: bool) -> None:
        # The labels (« cible : ZRR », « tous territoires ») right after the name, on
        # screen at 1366 px; the button says it is on.
        header = self.table.horizontalHeader()
        column = DirectoryModel.COL_TERRITORIES
        header.moveSection(header.visualIndex(column), 1 if on else DirectoryModel.COLUMN_COUNT - 1)
        if on:
            self.table.setColumnWidth(
                column, self.fontMetrics().horizontalAdvance("tous territoires") + 24
            )
        font = self.mine_button.font()
        font.setBold(on)
        self.mine_button.setFont(font)
        self.mine_button.setText(
            self.tr("Pour mon territoire ✓") if on else self.tr("Pour mon territoire")
        )
        values = self._selected["territories"]
        if on:
            values += [t for t in self._my_types if t not in values]
        else:
            self._selected["territories"] = [v for v in values if v not in self._my_types]
        self._filters_changed()
        self.territory_scope_changed.emit(self._my_types if on else ())

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
        if not text.strip():
            self._sorted_by_user = False
        elif not self._sorted_by_user:
            sort, descending = "relevance", False  # typing: the best match first
        self.table.horizontalHeader().setSortIndicatorShown(sort != "relevance")
        followed = self.followup_keys()  # read here, on the GUI thread that writes it

        def page(offset: int) -> list[DirectoryRow]:
            if followed is not None:  # a small set: filtered here, all in one page
                return []
            return catalogue.directory(
                text, filters, sort=sort, descending=descending, limit=PAGE_SIZE, offset=offset
            )

        def job() -> tuple[
            list[DirectoryRow],
            int,
            Callable[[int], list[DirectoryRow]],
            dict[str, list[FacetValue]],
            frozenset[str] | None,
        ]:
            base: frozenset[str] | None
            if followed is not None:
                everything = catalogue.directory(text, filters, sort=sort, descending=descending)
                rows = [r for r in everything if r.key in followed]
                base = frozenset(r.key for r in everything)
                return rows, len(rows), page, catalogue.facets(text, filters), base
            rows = page(0)
            if len(rows) < PAGE_SIZE:
                total, base = len(rows), frozenset(r.key for r in rows)
            else:
                total, base = catalogue.count(text, filters), None
            return rows, total, page, catalogue.facets(text, filters), base

        def labelled() -> tuple[Any, ...]:
            rows, total, fetch, facets, base = job()
            keys = [r.key for r in catalogue.directory(text, filters)]
            return rows, total, fetch, facets, base, catalogue.scopes(keys, mine)

        mine = tuple(filters.territories) if self.mine_button.isChecked() else ()
        if mine:
            self._runner.submit(labelled)
            return

        self._runner.submit(job)

    def _show_result(self, result: Any) -> None:
        rows, total, page, facets, self._followup_base, *scopes = result
        self.model.set_rows(rows, total, page, scopes[0] if scopes else None)
        self._update_facets(facets)
        self._update_followup()
        count = total
        if count == 0:
            text = self.tr("Aucun résultat")
        elif count == 1:
            text = self.tr("1 résultat")
        else:
            text = self.tr("{0} résultats").format(count)
        self.count_label.setText(text)
        self.stack.setCurrentIndex(0 if count else 1)
        self._wanted: dict[int, int] = {}
        if count <= 2000:  # measuring every row of a huge list would stall the GUI thread
            for column in range(1, DirectoryModel.COLUMN_COUNT):
                self._wanted[column] = self.table.sizeHintForColumn(column) + 12
        self._fit_columns()
        self.results_shown.emit(count)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Every column on screen, no horizontal scrollbar: the name keeps at least 40 %
        of the width and whatever the others leave; the others share the rest, each no
        wider than its contents (elided beyond, full text in the tooltip)."""
        avail = self.table.viewport().width()
        if avail < 200:
            return
        header = self.table.horizontalHeader()
        wanted = getattr(self, "_wanted", {})
        others = [c for c in range(1, DirectoryModel.COLUMN_COUNT) if not header.isSectionHidden(c)]
        widths: dict[int, int] = {}
        if self.mine_button.isChecked():  # « tous territoires » read in full
            column = DirectoryModel.COL_TERRITORIES
            widths[column] = min(wanted.get(column, 120), avail // 4)
        rest = avail - int(avail * 0.4) - sum(widths.values())
        left = [c for c in others if c not in widths]
        # the narrowest first: what they do not use goes to the wider ones
        for i, column in enumerate(sorted(left, key=lambda c: wanted.get(c, 100))):
            share = max(50, rest // (len(left) - i))
            widths[column] = min(wanted.get(column, share), share)
            rest -= widths[column]
        for column, width in widths.items():
            self.table.setColumnWidth(column, width)
        self.table.setColumnWidth(DirectoryModel.COL_TITLE, max(120, avail - sum(widths.values())))

    def _update_facets(self, facets: dict[str, list[FacetValue]]) -> None:
        for facet in FACETS:
            button = self.facet_buttons[facet]
            menu = button.menu()
            menu.clear()
            selected = self._selected[facet]
            values = facets.get(facet, [])
            for fv in values:
                # the catalogue's vocabulary in the interface's language and typography
                self._labels[(facet, fv.value)] = label = catalogue_label(fv.label)
                if fv.count == 0 and fv.value not in selected:
                    continue
                action = QAction(f"{label} ({fv.count})".replace("&", "&&"), menu)
                action.setCheckable(True)
                action.setChecked(fv.value in selected)
                action.setData(fv.value)
                action.toggled.connect(lambda on, f=facet, v=fv.value: self._toggle(f, v, on))
                menu.addAction(action)
            if menu.isEmpty():
                for line in self._empty_facet_reason(facet):
                    # QAction reads « & » as a mnemonic: the query and labels are data
                    menu.addAction(line.replace("&", "&&")).setEnabled(False)
            self._show_active(button, facet_title(facet), len(selected))

    def _empty_facet_reason(self, facet: str) -> list[str]:
        """Why a facet offers nothing, in words: what the facet sorts, then what narrowed the
        results to none of that (the query, the other filters)."""
        causes = []
        query = self.search_field.text().strip()
        if query:
            causes.append(self.tr("la recherche « {0} »").format(query))
        for other in FACETS:
            if other != facet:
                for value in self._selected[other]:
                    label = self._labels.get((other, value), value)
                    causes.append(self.tr("{0} : {1}").format(facet_title(other), label))
        if not causes:
            return [self.tr("Aucune valeur dans le catalogue")]
        what = {
            "kinds": self.tr("Aucune entrée ne correspond."),
            "actor_types": self.tr(
                "Aucun acteur parmi les résultats : le type ne concerne que les acteurs."
            ),
            "natures": self.tr(
                "Aucun dispositif parmi les résultats : la nature ne concerne que les dispositifs."
            ),
            "levers": self.tr("Aucun des résultats n'est cité pour un levier."),
            "territories": self.tr("Aucun des résultats ne vise un type de territoire."),
        }[facet]
        return [what, self.tr("Résultats limités par : {0}").format(self.tr(" ; ").join(causes))]

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._keep_widths()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._keep_widths()

    def _keep_widths(self) -> None:
        for facet, button in self.facet_buttons.items():
            active = len(self._selected[facet])
            button.setMinimumWidth(0)
            self._keep_width(button, facet_title(facet))
            self._show_active(button, facet_title(facet), active)

    def _keep_width(self, button: QToolButton, title: str) -> None:
        """As wide as when active (bold, « (99) »): a choice does not move the buttons
        under the pointer."""
        self._show_active(button, title, 99)
        button.setMinimumWidth(button.sizeHint().width())
        self._show_active(button, title, 0)

    @staticmethod
    def _show_active(button: QToolButton, title: str, active: int) -> None:
        button.setText(f"{title} ({active})" if active else title)
        button.setProperty("active", bool(active))
        button.style().unpolish(button)
        button.style().polish(button)

    # ---------------------------------------------------------------- « Suivi »
    def set_followup_source(self, source: FollowupSource | None) -> None:
        """``source()``: (keys with a note, key → status) of the current territory; None
        (no notes store or no territory) hides the « Suivi » facet and drops its choice."""
        self._followup_source = source
        self.followup_button.setVisible(source is not None)
        if source is None and self._followup:
            self._followup = []
            self._filters_changed()
        else:
            self._update_followup()

    def followup_values(self) -> list[str]:
        """The « Suivi » values chosen (``WITH_NOTE`` or status keys)."""
        return list(self._followup)

    def followup_keys(self) -> set[str] | None:
        """The keys the « Suivi » facet keeps (any chosen value: OR), or None when it is off."""
        if self._followup_source is None or not self._followup:
            return None
        notes, statuses = self._followup_source()
        keys = {key for key, status in statuses.items() if status in self._followup}
        if WITH_NOTE in self._followup:
            keys |= set(notes)
        return keys

    def followup_counts(self) -> dict[str, int]:
        """Entries per « Suivi » value among the current result's keys (before « Suivi »
        filters), or over the whole territory when the result is too long to be held."""
        if self._followup_source is None:
            return {}
        notes, statuses = self._followup_source()
        base = self._followup_base
        counts = dict.fromkeys(FOLLOWUP_VALUES, 0)
        counts[WITH_NOTE] = len(notes if base is None else set(notes) & base)
        for key, status in statuses.items():
            if status in counts and (base is None or key in base):
                counts[status] += 1
        return counts

    def _update_followup(self) -> None:
        button = self.followup_button
        menu = button.menu()
        menu.clear()
        title = facet_title(FOLLOWUP_FACET)
        self._show_active(button, title, len(self._followup))
        if self._followup_source is None:
            return
        if self._followup_base is None:
            scope = menu.addAction(self.tr("Comptes dans votre territoire"))
            scope.setEnabled(False)
        for value, count in self.followup_counts().items():
            action = QAction(f"{followup_label(value)} ({count})", menu)
            action.setCheckable(True)
            action.setChecked(value in self._followup)
            action.setData(value)
            action.toggled.connect(lambda on, v=value: self._toggle(FOLLOWUP_FACET, v, on))
            menu.addAction(action)

    # ---------------------------------------------------------------- filters
    def _values(self, facet: str) -> list[str]:
        return self._followup if facet == FOLLOWUP_FACET else self._selected[facet]

    def apply_filter(self, facet: str, value: str) -> None:
        values = self._values(facet)
        if value not in values:
            values.append(value)
            self._filters_changed()

    def remove_filter(self, facet: str, value: str) -> None:
        values = self._values(facet) if facet in (*FACETS, FOLLOWUP_FACET) else []
        if value in values:
            values.remove(value)
            self._filters_changed()

    def clear_filters(self) -> None:
        if self._followup or any(self._selected.values()):
            self._selected = {facet: [] for facet in FACETS}
            self._followup = []
            self._filters_changed()

    def reset(self) -> None:
        self._selected = {facet: [] for facet in FACETS}
        self._followup = []
        self.search_field.clear()
        self._filters_changed()

    def facet_action(self, facet: str, value: str) -> QAction | None:
        """The menu action of a facet value (for keyboard users and tests)."""
        if facet == FOLLOWUP_FACET:
            button = self.followup_button
            self._update_followup()  # fresh counts, as when the menu opens
        else:
            button = self.facet_buttons[facet]
        for action in button.menu().actions():
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
        for facet in FACETS:
            for value in self._selected[facet]:
                label = self._labels.get((facet, value), value)
                chips.append((facet, value, self.tr("{0} : {1}").format(facet_title(facet), label)))
        for value in self._followup:
            chips.append(
                (
                    FOLLOWUP_FACET,
                    value,
                    self.tr("{0} : {1}").format(
                        facet_title(FOLLOWUP_FACET), followup_label(value)
                    ),
                )
            )
        self.chip_bar.set_chips(chips)
        self._show_active(self.followup_button, facet_title(FOLLOWUP_FACET), len(self._followup))
        self.refresh()

    # ---------------------------------------------------------------- table
    def _sort_requested(self, sort: str, descending: bool) -> None:
        self._sort = (sort, descending)
        self._sorted_by_user = True  # a header clicked: that order, even while typing
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
