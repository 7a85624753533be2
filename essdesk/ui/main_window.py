"""The main window: navigation on the left, the entry in the middle, notes on the right.

It is built without a catalogue (so it can be shown at once) and receives one through
``set_catalogue``; it never opens files or databases itself.

Over 500 lines: the window's own layout, menus, shortcuts, navigation and settings, in one
class; the features (notes, exchange, briefing, pages) live in their own modules and attach
to it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QFont,
    QGuiApplication,
    QKeySequence,
    QMouseEvent,
    QPalette,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from essdesk.ui.catalogue.detail import DetailView
from essdesk.ui.catalogue.navigation import NavigationTree, SectionList
from essdesk.ui.catalogue.navigation_history import NavigationHistory
from essdesk.ui.common.icons import arrow_icon
from essdesk.ui.common.links import UrlOpener, system_opener
from essdesk.ui.common.plain import PlainLabel
from essdesk.ui.common.settings import VIEWS, ZOOM_MAX, ZOOM_MIN, UiState, save_state
from essdesk.ui.common.worker import QueryRunner
from essdesk.ui.notes.notes_placeholder import NotesPlaceholder
from essdesk.ui.territory.switcher import TerritorySwitcher

if TYPE_CHECKING:
    # not on screen at first paint: imported when built (``build_pages``, ``show_about``)
    from essdesk.catalogue.store import Catalogue
    from essdesk.ui.catalogue.directory import DirectoryPanel, FollowupSource
    from essdesk.ui.catalogue.search import NoteSearch, SearchPanel
    from essdesk.ui.help.about import AboutDialog
    from essdesk.ui.help.help import HelpDialog
    from essdesk.ui.notes.feature import NotesFeature
    from essdesk.ui.notes.markers import Markers
    from essdesk.ui.notes.my_notes import Loader, MyNotesView

ZOOM_STEP = 0.1  # each step is 10 % of the base font size


DETAIL_MIN_COMFORT = 280
"""Below this width (px, at 100 %) the panes are rebalanced when the window is resized."""
NOTES_MIN_COMFORT = 200
"""The notes panel's share when the panes are rebalanced (its buttons need about this)."""
DETAIL_MIN_CHARS = 38
"""The reading pane's floor in average characters: it keeps priority at 150 and 200 %."""
NOTES_MIN_CHARS = 27
BROWSER_MIN_CHARS = 16


def _access_letter(text: str) -> str:
    """The letter after a single « & » in ``text`` (lower case), or ""."""
    plain = text.replace("&&", "")
    at = plain.find("&")
    return plain[at + 1].lower() if 0 <= at < len(plain) - 1 else ""


def assign_access_letters(menu: QMenu) -> None:
    """Give every item of ``menu`` without one an access letter (Alt+F, then the letter):
    a word's first letter if free, else any free letter. Run each time the menu opens, so
    items other features add later (notes, team) get one too."""
    actions = [a for a in menu.actions() if not a.isSeparator() and a.text()]
    used = {_access_letter(a.text()) for a in actions} - {""}
    for action in actions:
        text = action.text()
        if _access_letter(text):
            continue
        starts = [i for i, c in enumerate(text) if c.isalnum() and (i == 0 or text[i - 1] == " ")]
        others = [i for i, c in enumerate(text) if c.isalnum() and i not in starts]
        for i in starts + others:
            if text[i].lower() not in used:
                used.add(text[i].lower())
                action.setText(text[:i] + "&" + text[i:])
                break


def relaunch() -> bool:
    """Start a new essdesk process like this one (a bundle, or Python with ``-m essdesk``)."""
    import sys

    from PySide6.QtCore import QProcess

    if getattr(sys, "frozen", False):
        return QProcess.startDetached(sys.executable, sys.argv[1:])[0]
    return QProcess.startDetached(sys.executable, ["-m", "essdesk", *sys.argv[1:]])[0]


def zoomed_font(steps: int) -> QFont:
    """The application font ``steps`` zoom steps from the one the desktop gave at start.

    The zoom is the application's font, not the window's: under the application style sheet
    a font set on the window does not reach its children (Qt resolves each styled widget's
    font from the application's), so a window font changed nothing but the window itself.
    The desktop's font is kept as an application property the first time, so every later
    window (and a zoom back to 0) starts from it rather than from an already zoomed font.
    """
    app = cast(QApplication, QApplication.instance())
    base = app.property("essdesk_base_font")
    if not isinstance(base, QFont):
        base = QFont(QApplication.font())
        app.setProperty("essdesk_base_font", base)
    font = QFont(base)
    factor = 1 + ZOOM_STEP * steps
    if base.pointSizeF() > 0:
        font.setPointSizeF(base.pointSizeF() * factor)
    else:
        font.setPixelSize(max(6, round(base.pixelSize() * factor)))
    return font


class MainWindow(QMainWindow):
    catalogue_loaded = Signal()
    """Trees filled and search ready."""
    entry_opened = Signal(str)
    """The detail view now shows this key (the notes panel follows it)."""
    closing = Signal()
    """The window is closing: unsaved notes are written now (the notes layer listens)."""
    notes_attached = Signal(str)
    """The notes layer is wired in: "" when the notes file is open, else why it is not (the
    catalogue stays usable; the notes panel explains and retries)."""
    palette_changed = Signal()
    """The window's palette changed (the desktop went dark or light while essdesk runs)."""

    def __init__(
        self,
        state: UiState | None = None,
        settings_path: Path | None = None,
        opener: UrlOpener = system_opener,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(
            self.tr("essdesk — L'ESS au cœur de la relance des territoires fragiles")
        )
        self.state = state or UiState()
        self.restarter: Callable[[], object] = relaunch
        """Starts essdesk again after « Redémarrer maintenant » (tests record instead)."""
        self._settings_path = settings_path
        self.opener = opener
        self.notes: NotesFeature | None = None
        """The notes feature once attached (it sees this window as a ``NotesHost``)."""
        self.catalogue: Catalogue | None = None
        self.history = NavigationHistory()
        self._about: AboutDialog | None = None
        self._help: HelpDialog | None = None
        self._scroll: dict[str, int] = {}
        """Entry key → where the detail view was scrolled when the reader left it."""
        self._splitters_restored = False
        self._filtering = False

        self._directory_runner = QueryRunner(self)
        self._search_runner = QueryRunner(self)
        self._directory: DirectoryPanel | None = None
        self._my_notes: MyNotesView | None = None
        self._search: SearchPanel | None = None

        # Every widget is created in its final parent, outermost first: re-parenting under
        # the application style sheet re-polishes the whole subtree (~30 ms at start-up).
        self.main_splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.main_splitter.setObjectName("mainSplitter")
        self.setCentralWidget(self.main_splitter)

        # -- left: sections and their pages
        self.sections = SectionList(self.main_splitter)
        browser = QWidget(self.main_splitter)
        browser.setObjectName("browserPane")
        browser_layout = QVBoxLayout(browser)
        browser_layout.setContentsMargins(8, 8, 4, 8)
        self.page_title = PlainLabel(browser)
        self.page_title.setObjectName("pageTitle")
        browser_layout.addWidget(self.page_title)
        self.pages = QStackedWidget(browser)
        self.pages.setObjectName("browserPages")
        # Not the widest page's minimum (the directory's filter buttons at 200 %): the
        # browser is a pane that shrinks before the reading pane, and the window must fit
        # a 1024 px wide screen at any text size.
        self.pages.setMinimumWidth(1)
        browser_layout.addWidget(self.pages, 1)
        self.trees = {
            "sessions": NavigationTree("sessions", self.tr("Arbre des sessions"), self.pages),
            "levers": NavigationTree("levers", self.tr("Arbre des leviers"), self.pages),
            "tools": NavigationTree("tools", self.tr("Dispositifs par nature"), self.pages),
        }
        for tree in self.trees.values():
            self.pages.addWidget(tree)
        # The directory, « Mes notes » and the search results are not on screen at first
        # paint: they are built just after it (build_pages) or when first used.

        # -- centre and right: the entry and, beside it, the notes
        self.content_splitter = QSplitter(Qt.Orientation.Horizontal, self.main_splitter)
        self.content_splitter.setObjectName("contentSplitter")
        self.detail = DetailView(opener=opener, parent=self.content_splitter)
        self.notes_panel: QWidget = NotesPlaceholder(self.content_splitter)
        self.content_splitter.addWidget(self.detail)
        self.content_splitter.addWidget(self.notes_panel)
        self.content_splitter.setStretchFactor(0, 3)
        self.content_splitter.setStretchFactor(1, 1)
        self.content_splitter.setChildrenCollapsible(True)
        # The detail never collapses: a collapsed pane stays at 0 when the window grows, which
        # hid it for good when the first show was narrow (200 % scaling on a small screen).
        self.content_splitter.setCollapsible(0, False)

        self.main_splitter.addWidget(self.sections)
        self.main_splitter.addWidget(browser)
        self.main_splitter.addWidget(self.content_splitter)
        self.main_splitter.setStretchFactor(0, 0)
        self.main_splitter.setStretchFactor(1, 2)
        self.main_splitter.setStretchFactor(2, 3)
        self.main_splitter.setCollapsible(1, False)
        self.main_splitter.setCollapsible(2, False)

        self._build_actions()
        self._build_toolbar()
        self._build_menus()
        self.catalogue_status = PlainLabel(self)
        self.catalogue_status.setObjectName("catalogueStatus")
        # cut rather than widen the window (its minimum width) at 200 %
        self.catalogue_status.setMinimumWidth(1)
        self.statusBar().addPermanentWidget(self.catalogue_status)

        # -- wiring
        self.sections.section_selected.connect(self.show_view)
        for tree in self.trees.values():
            tree.entry_activated.connect(self.open_entry)
        self.search_field.textChanged.connect(self._search_text_changed)
        self.detail.entry_link_clicked.connect(self.open_entry)
        self.detail.link_refused.connect(
            lambda url: self.statusBar().showMessage(self.tr("Lien refusé : {0}").format(url), 8000)
        )

        self.detail.show_placeholder(self.tr("Chargement du catalogue…"), "")
        self._restore_layout()
        self.set_zoom(self.state.font_zoom)
        self.sections.select(self.state.last_view)
        self._update_history_actions()

    # ================================================================ building
    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcuts: Sequence[QKeySequence.StandardKey | str] = (),
        name: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if shortcuts:
            # A sequence given twice (e.g. StandardKey.Back is Alt+Left on Linux) would be
            # "ambiguous" to Qt's shortcut map and never trigger: keep each one once.
            unique: dict[str, QKeySequence] = {}
            for shortcut in shortcuts:
                sequence = QKeySequence(shortcut)
                if not sequence.isEmpty():
                    unique.setdefault(sequence.toString(), sequence)
            action.setShortcuts(list(unique.values()))
        action.triggered.connect(slot)
        if name:
            action.setObjectName(name)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.back_action = self._action(
            self.tr("Précédent"),
            self.go_back,
            (QKeySequence.StandardKey.Back, "Alt+Left"),
            "backAction",
        )
        self.back_action.setToolTip(self.tr("Entrée précédente (Alt+←)"))
        self.forward_action = self._action(
            self.tr("Suivant"),
            self.go_forward,
            (QKeySequence.StandardKey.Forward, "Alt+Right"),
            "forwardAction",
        )
        self.forward_action.setToolTip(self.tr("Entrée suivante (Alt+→)"))
        self._paint_arrows()
        self.search_action = self._action(
            self.tr("Rechercher"), self.focus_search, ("Ctrl+K", "Ctrl+F"), "searchAction"
        )
        self.zoom_in_action = self._action(
            self.tr("Agrandir le texte"), self.zoom_in, ("Ctrl++", "Ctrl+="), "zoomInAction"
        )
        self.zoom_out_action = self._action(
            self.tr("Réduire le texte"), self.zoom_out, ("Ctrl+-",), "zoomOutAction"
        )
        self.zoom_reset_action = self._action(
            self.tr("Taille normale"), self.zoom_reset, ("Ctrl+0",), "zoomResetAction"
        )
        self.about_action = self._action(self.tr("À propos d'essdesk"), self.show_about)
        self.help_action = self._action(
            self.tr("Premiers pas"), self.show_help, ("F1",), "firstStepsAction"
        )
        self.glossary_action = self._action(
            self.tr("Glossaire"), lambda: self.show_help("glossary"), (), "glossaryAction"
        )
        self.quit_action = self._action(
            self.tr("Quitter"), self.close, (QKeySequence.StandardKey.Quit, "Ctrl+Q")
        )
        self.view_actions: dict[str, QAction] = {}
        labels = {
            "sessions": self.tr("Sessions"),
            "levers": self.tr("Leviers"),
            "tools": self.tr("Dispositifs"),
            "directory": self.tr("Annuaire"),
            "mynotes": self.tr("Mes notes"),
        }
        for number, name in enumerate(VIEWS, start=1):

            def show(_: bool = False, n: str = name) -> None:
                self.show_view(n, focus=True)

            self.view_actions[name] = self._action(
                labels[name],
                show,
                (f"Ctrl+{number}",),
                f"view_{name}",
            )
        self.territory_action = self._action(
            self.tr("Changer de territoire"), self.focus_territory, ("Ctrl+T",), "territoryAction"
        )
        self.edit_note_action = self._action(
            self.tr("Modifier la note"), self.focus_note, ("Ctrl+E",), "editNoteAction"
        )
        self.highlight_action = QAction(
            self.tr("Mettre en évidence ce qui concerne mon territoire"), self
        )
        self.highlight_action.setObjectName("highlightAction")
        self.highlight_action.setCheckable(True)
        self.highlight_action.setChecked(self.state.highlight_territory)
        self.highlight_action.setToolTip(
            self.tr(
                "Fond ambré sur les entrées qui ciblent les types de votre territoire : "
                "« concerne votre territoire »"
            )
        )
        self.highlight_action.toggled.connect(self._highlight_toggled)
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, label in (("fr", "Français"), ("en", "English")):
            action = QAction(label, self)
            action.setCheckable(True)
            action.setChecked(code == self.state.language)
            action.setObjectName(f"language_{code}")
            action.triggered.connect(lambda _=False, c=code: self.set_language(c))
            self.language_group.addAction(action)
            self.language_actions[code] = action

    def _paint_arrows(self) -> None:
        color = self.palette().color(QPalette.ColorRole.ButtonText)
        self.back_action.setIcon(arrow_icon(False, color))
        self.forward_action.setIcon(arrow_icon(True, color))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._paint_arrows()  # a light/dark switch while running
            self.palette_changed.emit()

    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Navigation"), self)
        bar.setObjectName("mainToolBar")
        bar.setMovable(False)
        bar.setFloatable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        bar.addAction(self.back_action)
        bar.addAction(self.forward_action)
        spacer = QWidget(bar)
        spacer.setFixedWidth(12)
        bar.addWidget(spacer)
        self.search_field = QLineEdit(bar)
        self.search_field.setObjectName("globalSearch")
        self.search_field.setPlaceholderText(self.tr("Rechercher dans tout le catalogue (Ctrl+K)"))
        self.search_field.setAccessibleName(self.tr("Recherche globale"))
        self.search_field.setClearButtonEnabled(True)
        self.search_field.setMinimumWidth(200)  # room for the territory at 200 %
        self.search_field.setMaximumWidth(640)
        self.search_field.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        bar.addWidget(self.search_field)
        tail = QWidget(bar)
        tail.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(tail)
        self.territory_switcher = TerritorySwitcher(bar)
        territory_label = PlainLabel(self.tr("Territoire :"), bar)
        territory_label.setObjectName("territoryLabel")
        territory_label.setBuddy(self.territory_switcher)
        bar.addWidget(territory_label)
        bar.addWidget(self.territory_switcher)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)

    def _build_menus(self) -> None:
        menubar = self.menuBar()
        file_menu = menubar.addMenu(self.tr("&Fichier"))
        file_menu.setObjectName("fileMenu")
        self.file_menu = file_menu
        self.file_menu_end = file_menu.addSeparator()
        """Notes actions go before this separator (added once the notes are open)."""
        file_menu.addAction(self.quit_action)
        view_menu = menubar.addMenu(self.tr("&Affichage"))
        for action in self.view_actions.values():
            view_menu.addAction(action)
        view_menu.addSeparator()
        view_menu.addAction(self.zoom_in_action)
        view_menu.addAction(self.zoom_out_action)
        view_menu.addAction(self.zoom_reset_action)
        view_menu.addSeparator()
        view_menu.addAction(self.highlight_action)
        view_menu.addSeparator()
        language_menu = view_menu.addMenu(self.tr("Langue / Language"))
        language_menu.setObjectName("languageMenu")
        for action in self.language_actions.values():
            language_menu.addAction(action)
        go_menu = menubar.addMenu(self.tr("A&ller"))
        go_menu.addAction(self.back_action)
        go_menu.addAction(self.forward_action)
        go_menu.addSeparator()
        go_menu.addAction(self.search_action)
        go_menu.addAction(self.territory_action)
        go_menu.addAction(self.edit_note_action)
        help_menu = menubar.addMenu(self.tr("Ai&de"))
        help_menu.addAction(self.help_action)
        help_menu.addAction(self.glossary_action)
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)
        for menu in (file_menu, view_menu, language_menu, go_menu, help_menu):
            menu.aboutToShow.connect(lambda m=menu: assign_access_letters(m))

    def _restore_layout(self) -> None:
        restored = self.state.geometry is not None and self.restoreGeometry(self.state.geometry)
        if not restored:
            screen = QGuiApplication.primaryScreen()
            available = screen.availableGeometry() if screen else None
            width, height = 1280, 760
            if available is not None and available.width() > 0:
                width = min(width, int(available.width() * 0.95))
                height = min(height, int(available.height() * 0.92))
            self.resize(width, height)
        if self.state.window_state is not None:
            self.restoreState(self.state.window_state)

    def _restore_splitters(self) -> None:
        """Splitter sizes need the real window width: done once, when first shown."""
        state = self.state
        if state.main_splitter is None or not self.main_splitter.restoreState(state.main_splitter):
            self._default_main_sizes()
        if state.content_splitter is None or not self.content_splitter.restoreState(
            state.content_splitter
        ):
            self._default_content_sizes()
        # A saved layout that hides a pane, or one saved at another text size or scaling
        # that does not fit this one (100 % then 200 %: the list showed « … » a row, the
        # reading pane 12 letters a line): start over from the shares that fit this size.
        # At the same size the user's own layout is kept, however narrow they made a pane.
        resized = state.layout_char != self.fontMetrics().averageCharWidth()
        browser = self.main_splitter.sizes()[1]
        cramped = self._squeezed() or browser < self._pane_needs()[1]
        if browser < 120 or self.content_splitter.sizes()[0] < 120 or (resized and cramped):
            self._default_main_sizes()
            self._default_content_sizes()

    def _pane_needs(self) -> tuple[int, int, int, int]:
        """Widths (sections, browser, detail, notes) below which a pane is not usable, in
        characters of the current text size: at 200 % everything needs twice the room."""
        char = max(1, self.fontMetrics().averageCharWidth())
        scale = char / 7  # DejaVu Sans 9 pt, the 100 % the pixel floors were measured at
        sections = max(150, self.sections.sizeHintForColumn(0) + 28, self.sections.minimumWidth())
        detail = max(
            int(DETAIL_MIN_COMFORT * scale), DETAIL_MIN_CHARS * char, self.detail.widest_word
        )
        notes = max(int(NOTES_MIN_COMFORT * scale), NOTES_MIN_CHARS * char)
        return sections, BROWSER_MIN_CHARS * char, detail, notes

    def _default_main_sizes(self) -> None:
        """Share the width: the reading pane first; when the window is too narrow for all
        four panes the section list folds first, then the notes, then the browser shrinks
        (Ctrl+1…5 still switch sections, Ctrl+E reopens the notes)."""
        handles = 2 * self.main_splitter.handleWidth() + self.content_splitter.handleWidth()
        avail = max(0, self.main_splitter.width() - handles)
        need_sections, need_browser, need_detail, need_notes = self._pane_needs()
        sections = need_sections
        if avail < need_sections + need_browser + need_detail + need_notes:
            sections = 0
        notes = max(need_notes, min(int(360 * need_notes / NOTES_MIN_COMFORT), avail // 4))
        if avail - sections < need_browser + need_detail + notes:
            notes = need_notes if avail - sections >= need_browser + need_detail + need_notes else 0
        rest = avail - sections - notes
        browser = max(need_browser, int(rest * 0.42))
        if rest - browser < need_detail:
            browser = max(min(need_browser, rest // 3), rest - need_detail)
        detail = rest - browser
        self.main_splitter.setSizes(
            [sections, browser, detail + notes + self.content_splitter.handleWidth()]
        )
        self.content_splitter.setSizes([detail, notes])

    def _default_content_sizes(self) -> None:
        rest = self.main_splitter.sizes()[2] - self.content_splitter.handleWidth()
        need_detail, need_notes = self._pane_needs()[2:]
        notes = max(need_notes, min(int(360 * need_notes / NOTES_MIN_COMFORT), rest * 2 // 5))
        if rest - notes < need_detail:
            notes = need_notes if rest - need_notes >= need_detail else 0
        self.content_splitter.setSizes([rest - notes, notes])

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._splitters_restored:
            self._splitters_restored = True
            self._restore_splitters()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # Shown narrow first (a small screen at 200 %, a projector) then enlarged, or made
        # narrower: splitters keep squeezed sizes, or take the most from the detail (its
        # stretch is the largest), so give the detail its share again when it is too narrow.
        old, new = event.oldSize().width(), event.size().width()
        if self._splitters_restored and self.isVisible() and 0 < old != new:
            # the splitters get their new widths after this event: look once they have
            QTimer.singleShot(0, self, self._rebalance_if_squeezed)

    def _squeezed(self) -> bool:
        """The detail, or the notes (unless the user closed them), is narrower than usable."""
        detail, notes = self.content_splitter.sizes()
        need_detail, need_notes = self._pane_needs()[2:]
        return detail < need_detail or 0 < notes < need_notes

    def _rebalance_if_squeezed(self) -> None:
        if self._squeezed():
            self._default_main_sizes()
            self._default_content_sizes()

    # ================================================================ pages built late
    def build_pages(self) -> None:
        """Build the pages not on screen at first paint; the app calls it right after
        ``show()``, and each is also built on first use if that comes earlier.

        The application-wide event filter (mouse back/forward buttons) is installed here too:
        every event of the application then passes through Python, ~1,500 of them while the
        window is first shown.
        """
        self._build_directory()
        self._build_my_notes()
        self._build_search()
        if not self._filtering:
            self._filtering = True
            self._application().installEventFilter(self)

    @property
    def directory(self) -> DirectoryPanel:
        """The « Annuaire » page."""
        return self._build_directory()  # built once

    @property
    def my_notes(self) -> MyNotesView:
        """The « Mes notes » page."""
        return self._build_my_notes()  # built once

    @property
    def search(self) -> SearchPanel:
        """The global search results, shown in place of the page while a search is active."""
        return self._build_search()  # built once

    def _build_directory(self) -> DirectoryPanel:
        if self._directory is None:
            from essdesk.ui.catalogue.directory import DirectoryPanel

            self._directory = DirectoryPanel(self._directory_runner, self.pages)
            self.pages.addWidget(self._directory)
            self._directory.entry_activated.connect(self.open_entry)
            self._directory.legend.setVisible(self.state.highlight_territory)
            self._directory.territory_scope_changed.connect(
                lambda types: self.search.set_territory_types(types)
            )
            if self.catalogue is not None:
                self._directory.set_catalogue(self.catalogue)
        return self._directory

    def _build_my_notes(self) -> MyNotesView:
        if self._my_notes is None:
            from essdesk.ui.notes.my_notes import MyNotesView

            self._my_notes = MyNotesView(self.pages)
            self.pages.addWidget(self._my_notes)
            self._my_notes.entry_activated.connect(self.open_entry)
        return self._my_notes

    def _build_search(self) -> SearchPanel:
        if self._search is None:
            from essdesk.ui.catalogue.search import SearchPanel

            self._search = SearchPanel(self._search_runner, self.search_field, self.pages)
            self.pages.addWidget(self._search)
            self._search.entry_activated.connect(self.open_entry)
            self._search.cleared.connect(self._search_cleared)
            if self.catalogue is not None:
                self._search.set_catalogue(self.catalogue)
        return self._search

    def _page(self, name: str) -> QWidget:
        if name == "directory":
            return self.directory
        if name == "mynotes":
            return self.my_notes
        return self.trees[name]

    # ================================================================ the catalogue
    def set_catalogue(self, catalogue: Catalogue) -> None:
        """Fill the trees, start the directory query, reopen the last entry."""
        self.build_pages()  # before self.catalogue is set: each page gets it once, below
        self.catalogue = catalogue
        if self._about is not None:  # opened before the catalogue: its version was unknown
            self._about.deleteLater()
            self._about = None
        self.detail.set_title_lookup(catalogue.title)
        for name, tree in self.trees.items():
            tree.model_.set_roots(catalogue.tree(name))  # type: ignore[arg-type]
            if name in ("sessions", "levers"):
                tree.expandToDepth(0)
        self.directory.set_catalogue(catalogue)
        self.search.set_catalogue(catalogue)
        self.catalogue_status.setText(
            self.tr("Catalogue {0} · {1} entrées · sur cet ordinateur").format(
                catalogue.version, len(catalogue.keys())
            )
        )
        last = self.state.last_entry
        if last and catalogue.title(last) is not None:
            self.open_entry(last, make_room=False)  # the layout she left, as she left it
        else:
            self._show_welcome()
        self.catalogue_loaded.emit()

    def set_catalogue_error(self, message: str) -> None:
        self.detail.show_placeholder(
            self.tr("Le catalogue n'a pas pu être ouvert"),
            message + "\n\n" + self.tr("Réinstallez essdesk ou signalez ce problème."),
        )
        self.catalogue_status.setText(self.tr("Catalogue indisponible"))

    def _show_welcome(self) -> None:
        cat = self.catalogue
        source = ""
        if cat is not None:
            source = self.tr("Contenu : {0} ({1}, {2}).").format(
                cat.source_title or "",
                cat.source_date or "31 mars 2021",
                cat.source_author or "ANCT",
            )
        self.detail.show_placeholder(
            self.tr("Bienvenue"),
            self.tr(
                "Choisissez une session, un levier ou un dispositif à gauche, ou cherchez "
                "un mot, un sigle, un nom avec Ctrl+K."
            )
            + "\n\n"
            + source,
        )

    # ================================================================ navigation
    def open_entry(self, key: str, record: bool = True, make_room: bool = True) -> bool:
        """Show an entry. ``make_room``: when its widest word does not fit the reading pane,
        the list and the notes give it room (never « Agréme-nt »)."""
        if self.catalogue is None:
            return False
        entry = self.catalogue.entry(key)
        if entry is None:
            self.statusBar().showMessage(self.tr("Entrée introuvable : {0}").format(key), 6000)
            return False
        shown = self.detail.entry
        scrollbar = self.detail.browser.verticalScrollBar()
        if shown is not None:  # Back and Forward come back to where the reader was
            self._scroll[shown.key] = scrollbar.value()
        self.detail.show_entry(entry)
        too_narrow = self.detail.width() < self.detail.widest_word
        if make_room and too_narrow and self._splitters_restored and self.isVisible():
            QTimer.singleShot(0, self, self._rebalance_if_squeezed)  # once laid out
        if record:
            self.history.visit(key)
            self._scroll.pop(key, None)
        else:
            position = self._scroll.get(key, 0)
            QTimer.singleShot(0, lambda: scrollbar.setValue(position))
        self.state.last_entry = key
        self._update_history_actions()
        self._reveal(key, shown.key if shown is not None else "")
        self.entry_opened.emit(key)
        return True

    def _reveal(self, key: str, came_from: str = "") -> None:
        page = self.pages.currentWidget()
        if isinstance(page, NavigationTree):
            current = page.currentIndex()
            node = page.model_.node(current.siblingAtColumn(0)) if current.isValid() else None
            if node is None or node.key != key:
                # From a lever's page, the entry under that lever, not its first mention.
                page.reveal(key, came_from if came_from.startswith("lever:") else "")

    def go_back(self) -> None:
        key = self.history.back()
        if key is not None:
            self.open_entry(key, record=False)
        self._update_history_actions()

    def go_forward(self) -> None:
        key = self.history.forward()
        if key is not None:
            self.open_entry(key, record=False)
        self._update_history_actions()

    def _update_history_actions(self) -> None:
        self.back_action.setEnabled(self.history.can_go_back())
        self.forward_action.setEnabled(self.history.can_go_forward())

    def show_view(self, name: str, focus: bool = False) -> None:
        if name not in VIEWS:
            return
        self.state.last_view = name
        if self.sections.current_section() != name:
            self.sections.blockSignals(True)
            self.sections.select(name)
            self.sections.blockSignals(False)
        page = self._page(name)
        self.pages.setCurrentWidget(page)
        item = self.sections.currentItem()
        self.page_title.setText(item.text() if item else "")
        if focus:
            if page is self._directory:
                self.directory.focus_search()
            else:
                page.setFocus(Qt.FocusReason.ShortcutFocusReason)
                if isinstance(page, NavigationTree) and not page.currentIndex().isValid():
                    page.setCurrentIndex(page.model_.index(0, 0))

    # ================================================================ territory and notes
    def focus_territory(self) -> None:
        """Ctrl+T: open the territory switcher."""
        if self.territory_switcher.isEnabled():
            self.territory_switcher.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.territory_switcher.showPopup()

    def focus_note(self) -> None:
        """Ctrl+E: put the cursor in the note editor."""
        detail, notes = self.content_splitter.sizes()
        if notes == 0:  # folded on a narrow window: open it again, at the detail's expense
            need = self._pane_needs()[3]
            self.content_splitter.setSizes([max(0, detail - need), need])
        start = getattr(self.notes_panel, "start_editing", None)
        if callable(start):
            start()

    def _highlight_toggled(self, on: bool) -> None:
        self.state.highlight_territory = on
        if self._directory is not None:
            self._directory.legend.setVisible(on)

    # ================================================================ global search
    def focus_search(self) -> None:
        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()

    def _search_text_changed(self, text: str) -> None:
        if text.strip() and self.pages.currentWidget() is not self.search:
            self.pages.setCurrentWidget(self.search)
            self.page_title.setText(self.tr("Recherche"))
            # No section stays highlighted while the results are shown (one click on it
            # goes back to it).
            self.sections.blockSignals(True)
            self.sections.setCurrentRow(-1)
            self.sections.blockSignals(False)

    def _search_cleared(self) -> None:
        if self.pages.currentWidget() is self._search:
            self.show_view(self.state.last_view)

    # ================================================================ zoom, language, about
    def set_zoom(self, steps: int) -> None:
        steps = min(max(steps, ZOOM_MIN), ZOOM_MAX)
        self.state.font_zoom = steps
        font = zoomed_font(steps)
        app = cast(QApplication, QApplication.instance())
        if font != QApplication.font():
            QApplication.setFont(font)
            if app.styleSheet():  # styled widgets keep their font until polished again
                app.setStyleSheet(app.styleSheet())
        self.zoom_out_action.setEnabled(steps > ZOOM_MIN)
        self.zoom_in_action.setEnabled(steps < ZOOM_MAX)
        if self._splitters_restored and self.isVisible():
            QTimer.singleShot(0, self, self._rebalance_if_squeezed)  # the text grew

    def zoom_in(self) -> None:
        self.set_zoom(self.state.font_zoom + 1)

    def zoom_out(self) -> None:
        self.set_zoom(self.state.font_zoom - 1)

    def zoom_reset(self) -> None:
        self.set_zoom(0)

    def set_language(self, code: str) -> None:
        if code not in self.language_actions:
            return
        self.language_actions[code].setChecked(True)
        if code == self.state.language:
            return
        self.state.language = code
        self.save_settings()
        from essdesk.ui.common.messages import inform  # not needed before the window shows

        # In both languages: whoever chose a language they read better may not read the
        # current one, and the one they chose only applies at the next start.
        box = inform(
            self,
            "Langue / Language",
            "La langue choisie s’appliquera au prochain démarrage d’essdesk.\n"
            "The language you chose applies the next time essdesk starts.",
            name="languageMessage",
        )
        box.setStandardButtons(QMessageBox.StandardButton.NoButton)
        restart = box.addButton(
            "Redémarrer maintenant / Restart now", QMessageBox.ButtonRole.AcceptRole
        )
        restart.setObjectName("restartNowButton")
        box.addButton("Plus tard / Later", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(restart)
        restart.clicked.connect(self.restart)
        self.statusBar().showMessage(
            "La langue sera appliquée au prochain démarrage."
            if code == "fr"
            else "The language will be applied at the next start.",
            10000,
        )

    def restart(self) -> None:
        """Close as Ctrl+Q does (state and notes saved), then start essdesk again."""
        if self.close():
            self.restarter()

    def show_help(self, tab: str = "first_steps") -> HelpDialog:
        """Aide › Premiers pas (F1) or Glossaire: built once, from the catalogue."""
        if self._help is None:
            from essdesk.ui.help.help import HelpDialog

            glossary = self.catalogue.glossary() if self.catalogue is not None else []
            self._help = HelpDialog(glossary, self)
            self._help.entry_link_clicked.connect(self.open_entry)
        self._help.show_tab(tab)
        return self._help

    def show_about(self) -> AboutDialog:
        cat = self.catalogue
        if self._about is None:
            from essdesk.ui.help.about import AboutDialog

            self._about = AboutDialog(
                catalogue_version=cat.version if cat else "",
                source_title=cat.source_title if cat else "",
                source_date=cat.source_date if cat else "",
                source_author=cat.source_author if cat else "",
                parent=self,
            )
        self._about.open()
        return self._about

    # ================================================================ what the notes ask of it
    # (essdesk.ui.notes.host.NotesHost: the notes feature sees the window through these)
    def set_notes_panel(self, panel: QWidget) -> None:
        """Put the notes panel in place of the placeholder, same size."""
        sizes = self.content_splitter.sizes()
        old = self.notes_panel
        panel.setObjectName("notesPanel")
        self.content_splitter.replaceWidget(1, panel)
        old.deleteLater()
        self.notes_panel = panel
        self.content_splitter.setSizes(sizes)

    def current_entry(self) -> str | None:
        return self.history.current

    def remembered_territory(self) -> str:
        return self.state.territory

    def remember_territory(self, uuid: str) -> None:
        self.state.territory = uuid

    def set_markers(self, markers: Markers) -> None:
        for tree in self.trees.values():
            tree.model_.set_markers(markers)
        self.directory.model.set_markers(markers)

    def refresh_markers(self, keys: set[str] | None) -> None:
        for tree in self.trees.values():
            tree.model_.markers_changed(keys)
        self.directory.model.markers_changed(keys)

    def set_territory_scope(self, types: Sequence[str], followup: FollowupSource | None) -> None:
        if self.search.field.text().strip():
            self.search.run_query()
        self.directory.set_territory_types(tuple(types))
        self.directory.set_followup_source(followup)
        if self.directory.followup_keys() is not None:
            self.directory.refresh()

    def set_note_search(self, search: NoteSearch) -> None:
        self.search.set_note_search(search)

    def set_my_notes_loader(self, loader: Loader) -> None:
        self.my_notes.set_loader(loader)

    def refresh_my_notes(self) -> None:
        self.my_notes.refresh()

    def add_file_action(self, action: QAction | None) -> None:
        if action is None:
            self.file_menu.insertSeparator(self.file_menu_end)
            return
        self.file_menu.insertAction(self.file_menu_end, action)
        self.addAction(action)  # its shortcut works while the menu is closed

    def show_status(self, text: str, msecs: int) -> None:
        self.statusBar().showMessage(text, msecs)

    # ================================================================ state and events
    def collect_state(self) -> UiState:
        self.state.geometry = self.saveGeometry()
        self.state.window_state = self.saveState()
        self.state.main_splitter = self.main_splitter.saveState()
        self.state.content_splitter = self.content_splitter.saveState()
        self.state.layout_char = self.fontMetrics().averageCharWidth()
        self.state.last_entry = self.history.current or self.state.last_entry
        return self.state

    def save_settings(self) -> bool:
        if self._settings_path is None:
            return False
        return save_state(self._settings_path, self.collect_state())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.MouseButtonPress
            and isinstance(event, QMouseEvent)
            and isinstance(watched, QWidget)
            and watched.window() is self
        ):
            if event.button() == Qt.MouseButton.BackButton:
                self.go_back()
                return True
            if event.button() == Qt.MouseButton.ForwardButton:
                self.go_forward()
                return True
        return super().eventFilter(watched, event)

    @staticmethod
    def _application() -> QApplication:
        """The running application (the window only exists inside one)."""
        app = QApplication.instance()
        if not isinstance(app, QApplication):
            raise RuntimeError("la fenêtre principale demande une QApplication")
        return app

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closing.emit()
        self.save_settings()
        self._application().removeEventFilter(self)
        self._directory_runner.shutdown()
        self._search_runner.shutdown()
        if self._about is not None:
            self._about.close()
        super().closeEvent(event)
