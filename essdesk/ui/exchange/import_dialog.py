"""Importing an ``.essnotes`` exchange file: the file, a preview of what the import would do
(counts, territories, entries; where each territory goes), then « Importer » and the report.

The window calls :func:`import_notes_dialog` from « Fichier › Importer des notes… »; the
rules (what is new, identical, in conflict; backups; refusing bad files) are all in
:mod:`essdesk.notes.exchange`, this module only asks and shows. Nothing is written until
« Importer » is clicked.

Everything that comes from a file (territory names, entry titles, error messages quoting a
member name) is shown as plain text: a label or a message box left to guess would render
``<img src=…>`` as HTML.

Over 500 lines: the preview dialog (counts, territory choices, the per-entry list) and the
report built from its result, one feature.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from essdesk.french import counted
from essdesk.french import typography as french_typography
from essdesk.notes import NotesError, NotesStore, Territory
from essdesk.notes.exchange import (
    Counts,
    ImportPreview,
    ImportResult,
    NotePlan,
    TerritoryPlan,
    apply_import,
    preview_import,
)
from essdesk.notes.local_exchange import local_summary
from essdesk.ui.common.fitted import FittedDialog
from essdesk.ui.common.folders import ask_open_path
from essdesk.ui.common.labels import local_time
from essdesk.ui.common.messages import busy_cursor, show_message
from essdesk.ui.common.plain import plain_label, plain_tip

MAX_LISTED = 300
"""Rows of the preview's per-entry list; a workshop file may carry thousands of notes."""

AUTO, NEW = "auto", "new"
"""Territory choices besides a local uuid: the domain's own placement, or a new profile."""


def _note_counts(c: Counts) -> str:
    """« 2 nouvelles, 1 en conflit » (only what is not zero; « rien » otherwise)."""
    parts = []
    if c.new:
        parts.append(
            counted(
                c.new,
                QCoreApplication.translate("ExchangeDialogs", "{0} nouvelle"),
                QCoreApplication.translate("ExchangeDialogs", "{0} nouvelles"),
            )
        )
    if c.updated:
        parts.append(
            counted(
                c.updated,
                QCoreApplication.translate("ExchangeDialogs", "{0} mise à jour"),
                QCoreApplication.translate("ExchangeDialogs", "{0} mises à jour"),
            )
        )
    if c.conflicting:
        parts.append(
            QCoreApplication.translate("ExchangeDialogs", "{0} en conflit").format(c.conflicting)
        )
    if c.identical:
        parts.append(
            counted(
                c.identical,
                QCoreApplication.translate("ExchangeDialogs", "{0} identique"),
                QCoreApplication.translate("ExchangeDialogs", "{0} identiques"),
            )
        )
    return ", ".join(parts) or QCoreApplication.translate("ExchangeDialogs", "aucune note")


def _action_label(plan: NotePlan) -> str:
    text = {
        "new": QCoreApplication.translate("ExchangeDialogs", "nouvelle"),
        "identical": QCoreApplication.translate("ExchangeDialogs", "identique"),
        "update": QCoreApplication.translate("ExchangeDialogs", "mise à jour"),
        "conflict": QCoreApplication.translate("ExchangeDialogs", "en conflit"),
    }[plan.action]
    if plan.orphan:
        text += QCoreApplication.translate("ExchangeDialogs", ", orpheline")
    return text


def _action_tip(plan: NotePlan) -> str:
    text = {
        "new": QCoreApplication.translate(
            "ExchangeDialogs", "Pas encore de note pour cette entrée ici : elle est ajoutée."
        ),
        "identical": QCoreApplication.translate(
            "ExchangeDialogs", "Ce texte est déjà ici : rien à faire."
        ),
        "update": QCoreApplication.translate(
            "ExchangeDialogs",
            "Modifiée seulement sur l'autre ordinateur : elle remplace la vôtre (gardée dans "
            "l'historique).",
        ),
        "conflict": QCoreApplication.translate(
            "ExchangeDialogs",
            "Modifiée des deux côtés : gardée à côté de la vôtre, vous choisirez ensuite.",
        ),
    }[plan.action]
    if plan.orphan:
        text += " " + QCoreApplication.translate(
            "ExchangeDialogs", "Cette entrée est inconnue de ce catalogue."
        )
    return french_typography(text)


class ImportPreviewDialog(FittedDialog):
    """What an import would do (counts, territories, entries), then « Importer ».

    Built from a first :class:`ImportPreview`; changing where a territory goes plans again
    (nothing is written). « Importer » applies the current preview; the dialog is then
    accepted and :attr:`import_result` holds what was done.
    """

    imported = Signal(object)
    """The import was applied (an :class:`ImportResult`)."""

    COUNT_KEYS = ("new", "identical", "updated", "conflicting", "orphaned")

    def __init__(
        self, store: NotesStore, preview: ImportPreview, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importPreviewDialog")
        self.setWindowTitle(self.tr("Importer des notes — aperçu"))
        self._store = store
        self._preview = preview
        self._mapping: dict[str, str | None] = dict(preview.mapping)
        self.import_result: ImportResult | None = None
        file = preview.file

        name = file.path.name if file.path is not None else ""
        origin = self.tr("Fichier « {0} », exporté le {1} (essdesk {2}").format(
            name, local_time(file.created), file.essdesk_version
        )
        if file.catalogue_version:
            origin += self.tr(", catalogue {0}").format(file.catalogue_version)
        origin += ")."
        self.origin = plain_label(french_typography(origin), self)
        self.origin.setObjectName("previewOrigin")

        self.headline = plain_label("", self)
        self.headline.setObjectName("previewHeadline")
        font = self.headline.font()
        font.setBold(True)
        self.headline.setFont(font)

        # counts
        counts_box = QGroupBox(self.tr("Notes du fichier"), self)
        counts_box.setAccessibleName(self.tr("Nombre de notes par cas"))
        form = QFormLayout(counts_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        titles = {
            "new": self.tr("Nouvelles :"),
            "identical": self.tr("Identiques (déjà ici) :"),
            "updated": self.tr("Mises à jour :"),
            "conflicting": self.tr("En conflit :"),
            "orphaned": self.tr("Orphelines (fiche inconnue) :"),
        }
        self.count_labels: dict[str, QLabel] = {}
        for key in self.COUNT_KEYS:
            value = plain_label("", counts_box, wrap=False)
            value.setObjectName(f"count_{key}")
            value.setAccessibleName(titles[key].rstrip(" :"))
            self.count_labels[key] = value
            form.addRow(french_typography(titles[key]), value)
        self.statuses_label = plain_label("", counts_box)
        self.statuses_label.setObjectName("count_statuses")
        form.addRow(french_typography(self.tr("Suivis :")), self.statuses_label)

        # territories
        terr_box = QGroupBox(self.tr("Territoires"), self)
        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self.territory_combos: dict[str, QComboBox] = {}
        self.territory_counts: dict[str, QLabel] = {}
        live = self._live_territories()
        for row, plan in enumerate(preview.territories):
            it = plan.incoming
            name_label = plain_label(it.name, grid_host)
            bold = name_label.font()
            bold.setBold(True)
            name_label.setFont(bold)
            counts = plain_label("", grid_host)
            counts.setObjectName("territoryCounts")
            self.territory_counts[it.uuid] = counts
            names = QVBoxLayout()
            names.setSpacing(0)
            names.addWidget(name_label)
            names.addWidget(counts)
            grid.addLayout(names, row, 0)
            if plan.action == "existing":
                state = plain_label(self.tr("existe déjà ici"), grid_host)
                grid.addWidget(state, row, 1)
            else:
                combo = self._territory_combo(plan, live, grid_host)
                combo.setAccessibleName(self.tr("Destination des notes de « {0} »").format(it.name))
                name_label.setBuddy(combo)
                self.territory_combos[it.uuid] = combo
                grid.addWidget(combo, row, 1)
        grid.setVerticalSpacing(8)
        terr_layout = QVBoxLayout(terr_box)
        if len(preview.territories) <= 4:
            terr_layout.addWidget(grid_host)
        else:  # a workshop file of many territories: a scroll bar, not a giant dialog
            scroll = QScrollArea(terr_box)
            scroll.setWidget(grid_host)
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QScrollArea.Shape.NoFrame)
            scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            scroll.setMinimumHeight(200)
            terr_layout.addWidget(scroll)

        # entries
        self.entries = QTreeWidget(self)
        self.entries.setObjectName("previewEntries")
        self.entries.setAccessibleName(self.tr("Notes du fichier, par entrée"))
        self.entries.setHeaderLabels(
            [self.tr("Entrée"), self.tr("Territoire"), self.tr("Effet"), self.tr("Par")]
        )
        self.entries.setRootIsDecorated(False)
        self.entries.setUniformRowHeights(True)
        self.entries.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.entries.setMinimumHeight(120)
        header = self.entries.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.setMinimumSectionSize(50)
        self.entries.currentItemChanged.connect(lambda *_: self._show_note())
        # the text of the chosen note and who wrote it (issue 12): read before importing
        self._plans: dict[str, NotePlan] = {}
        self.note_header = plain_label("", self)
        self.note_header.setObjectName("previewNoteHeader")
        self.note_text = QPlainTextEdit(self)
        self.note_text.setObjectName("previewNoteText")
        self.note_text.setAccessibleName(self.tr("Texte de la note choisie"))
        self.note_text.setReadOnly(True)
        self.note_text.setTabChangesFocus(True)
        self.note_text.setMaximumHeight(120)
        self.more = plain_label("", self)
        self.more.setObjectName("previewMore")
        self.explain = plain_label("", self)
        self.explain.setObjectName("previewExplain")

        buttons = QDialogButtonBox(self)
        self.import_button = buttons.addButton(
            self.tr("&Importer"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = buttons.addButton(
            self.tr("Annuler"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.import_button.setAccessibleName(self.tr("Importer les notes du fichier"))
        buttons.accepted.connect(self.apply)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.origin)
        layout.addWidget(self.headline)
        layout.addWidget(counts_box)
        layout.addWidget(terr_box)
        layout.addWidget(self.entries, 1)
        layout.addWidget(self.note_header)
        layout.addWidget(self.note_text)
        layout.addWidget(self.more)
        layout.addWidget(self.explain)
        layout.addWidget(buttons)
        self.setMinimumWidth(620)
        self.resize(720, 660)  # fits a 1280×720 projector with its frame
        self._show_preview(preview)

    # -- territories ------------------------------------------------------------------------

    def _live_territories(self) -> list[Territory]:
        try:
            return self._store.territories()
        except NotesError:
            return []

    def _territory_combo(
        self, plan: TerritoryPlan, live: list[Territory], parent: QWidget
    ) -> QComboBox:
        """The choices for a territory not found here by its uuid: the domain's own
        placement first (create, restore, or the profile of the same name), then a new
        profile (when the name matched one) and every local profile."""
        combo = QComboBox(parent)
        # Long names must not widen the dialog: the closed combo elides, its list shows all.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(24)
        name = plan.incoming.name
        skip = None
        if plan.action == "create":
            combo.addItem(self.tr("Créer le territoire « {0} »").format(plan.local_name), AUTO)
        elif plan.action == "restore":
            combo.addItem(
                self.tr("Rétablir le territoire « {0} » (supprimé ici)").format(plan.local_name),
                AUTO,
            )
        else:  # "map" by name
            skip = plan.local_uuid
            combo.addItem(self.tr("Rattacher à « {0} » (même nom)").format(plan.local_name), AUTO)
            combo.addItem(self.tr("Créer un autre territoire « {0} »").format(name), NEW)
        for territory in live:
            if territory.uuid != skip:
                combo.addItem(self.tr("Rattacher à « {0} »").format(territory.name), territory.uuid)
        for i in range(combo.count()):
            combo.setItemText(i, french_typography(combo.itemText(i)))
        incoming = plan.incoming.uuid
        combo.currentIndexChanged.connect(lambda _i, u=incoming: self._territory_chosen(u))
        return combo

    def _territory_chosen(self, incoming_uuid: str) -> None:
        combo = self.territory_combos[incoming_uuid]
        choice = combo.currentData()
        mapping = dict(self._mapping)
        if choice == AUTO:
            mapping.pop(incoming_uuid, None)
        else:
            mapping[incoming_uuid] = None if choice == NEW else choice
        try:
            with busy_cursor():
                preview = preview_import(
                    self._store, self._preview.file, self._preview.known_keys, mapping
                )
        except NotesError as exc:
            show_message(self, QMessageBox.Icon.Warning, self.tr("Territoire"), exc.message)
            previous = self._mapping.get(incoming_uuid, AUTO)
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(NEW if previous is None else previous)))
            combo.blockSignals(False)
            return
        self._mapping = mapping
        self._show_preview(preview)

    def mapping(self) -> dict[str, str | None]:
        """The territory choices made in the dialog (as :func:`preview_import` takes them)."""
        return dict(self._mapping)

    def preview(self) -> ImportPreview:
        return self._preview

    # -- showing a preview ------------------------------------------------------------------

    def _show_preview(self, preview: ImportPreview) -> None:
        self._preview = preview
        c = preview.counts
        for key in self.COUNT_KEYS:
            self.count_labels[key].setText(str(getattr(c, key)))
        self.statuses_label.setText(
            ", ".join(
                [
                    counted(c.statuses_new, self.tr("{0} nouveau"), self.tr("{0} nouveaux")),
                    counted(
                        c.statuses_updated, self.tr("{0} mis à jour"), self.tr("{0} mis à jour")
                    ),
                    counted(c.statuses_kept, self.tr("{0} inchangé"), self.tr("{0} inchangés")),
                ]
                + (
                    [self.tr("{0} en conflit").format(c.statuses_conflicting)]
                    if c.statuses_conflicting
                    else []
                )
            )
        )
        for plan in preview.territories:
            self.territory_counts[plan.incoming.uuid].setText(_note_counts(plan.counts))

        if preview.has_changes:
            self.headline.setText(
                french_typography(
                    self.tr(
                        "Vérifiez ce que l'import va faire, puis cliquez sur « Importer ». "
                        "Une sauvegarde de vos notes est faite avant."
                    )
                )
            )
        else:
            self.headline.setText(
                french_typography(self.tr("Rien de nouveau : ce fichier a déjà été importé."))
            )
        self.import_button.setEnabled(preview.has_changes)
        self.import_button.setDefault(preview.has_changes)
        self.cancel_button.setDefault(not preview.has_changes)

        explain = []
        if preview.local_entries:
            explain.append(
                self.tr("Entrées locales : {0}.").format(local_summary(preview.local_entries))
            )
        if c.conflicting:
            explain.append(
                self.tr(
                    "Une note en conflit a été modifiée ici et sur l'autre ordinateur : les deux "
                    "versions sont gardées côte à côte, vous choisirez ensuite laquelle garder."
                )
            )
        if c.statuses_conflicting:
            explain.append(
                self.tr(
                    "Un suivi en conflit a été modifié ici et sur l'autre ordinateur : les deux "
                    "sont gardés, quelle que soit l'heure des ordinateurs, vous choisirez ensuite."
                )
            )
        if c.orphaned:
            explain.append(
                self.tr(
                    "Une note orpheline concerne une fiche inconnue de ce catalogue : elle est "
                    "importée et gardée quand même."
                )
            )
        if not preview.catalogue_checked:
            explain.append(
                self.tr(
                    "Le catalogue n'a pas pu être lu : les notes orphelines n'ont pas été repérées."
                )
            )
        self.explain.setText(french_typography("\n".join(explain)))
        self.explain.setVisible(bool(explain))
        self._fill_entries(preview)

    def _fill_entries(self, preview: ImportPreview) -> None:
        names = {t.incoming.uuid: t.local_name for t in preview.territories}
        self.entries.clear()
        self._plans = {p.incoming.uuid: p for p in preview.notes}
        items = []
        shown = 0
        total = len(preview.notes)
        for key, title, plans in preview.entries():
            for plan in plans:
                if shown >= MAX_LISTED:
                    break
                item = QTreeWidgetItem(
                    [
                        title or key,
                        names[plan.incoming.territory_uuid],
                        _action_label(plan),
                        plan.incoming.author or "—",
                    ]
                )
                item.setToolTip(0, plain_tip(key))
                item.setToolTip(2, _action_tip(plan))
                item.setToolTip(3, plain_tip(self._authors(plan)))
                item.setData(0, Qt.ItemDataRole.UserRole, plan.incoming.uuid)
                item.setData(2, Qt.ItemDataRole.UserRole, plan.action)
                items.append(item)
                shown += 1
        self.entries.addTopLevelItems(items)
        # Territory and effect as wide as their text, within reason; the entry takes the rest.
        for column, cap in ((1, 180), (2, 160), (3, 90)):
            self.entries.resizeColumnToContents(column)
            self.entries.setColumnWidth(column, min(self.entries.columnWidth(column), cap))
        if items:
            self.entries.setCurrentItem(items[0])
        else:
            self._show_note()
        if total > shown:
            self.more.setText(
                self.tr("… et {0} autres notes (non listées ici).").format(total - shown)
            )
        self.more.setVisible(total > shown)

    def _authors(self, plan: NotePlan) -> str:
        """« écrite par CL (versions précédentes : MB) »: who wrote the text, and the earlier
        versions' authors the file names."""
        inc = plan.incoming
        if inc.author:
            text = self.tr("écrite par {0}").format(inc.author)
        else:
            text = self.tr("auteur inconnu")
        earlier = list(dict.fromkeys(a for _d, a in inc.versions[1:] if a and a != inc.author))
        if earlier:
            text += self.tr(" (versions précédentes : {0})").format(", ".join(earlier))
        return french_typography(text)

    def _show_note(self) -> None:
        """Show the text of the note chosen in the list, and who wrote it."""
        item = self.entries.currentItem()
        plan = self._plans.get(item.data(0, Qt.ItemDataRole.UserRole)) if item else None
        self.note_header.setVisible(plan is not None)
        self.note_text.setVisible(plan is not None)
        if plan is None:
            self.note_text.clear()
            return
        # the row chosen above names the entry; this line says who wrote it and when
        self.note_header.setText(
            french_typography(
                self.tr("Note {0}, modifiée le {1} :").format(
                    self._authors(plan), local_time(plan.incoming.updated)
                )
            )
        )
        self.note_text.setPlainText(plan.incoming.text)

    # -- applying ---------------------------------------------------------------------------

    def apply(self) -> None:
        """Import (backup first, one transaction); on failure nothing changed and the
        dialog stays open with the reason shown."""
        if not self._preview.has_changes:
            return
        try:
            with busy_cursor():
                result = apply_import(self._store, self._preview)
        except NotesError as exc:
            show_message(self, QMessageBox.Icon.Warning, self.tr("Import impossible"), exc.message)
            return
        self.import_result = result
        self.imported.emit(result)
        self.accept()


def import_report(result: ImportResult) -> str:
    """What was imported, in French, for the message shown after the import."""
    c = result.counts
    if result.backup is None:
        return QCoreApplication.translate(
            "ExchangeDialogs", "Rien n'a changé : toutes ces notes étaient déjà ici."
        )
    lines = [QCoreApplication.translate("ExchangeDialogs", "Import terminé.")]
    lines.append(
        QCoreApplication.translate("ExchangeDialogs", "Notes : {0}.").format(_note_counts(c))
    )
    if c.conflicting:
        lines.append(
            QCoreApplication.translate(
                "ExchangeDialogs",
                "Les notes en conflit sont gardées à côté des vôtres : ouvrez les conflits du "
                "territoire pour choisir quelle version garder.",
            )
        )
    if c.statuses_conflicting:
        lines.append(
            QCoreApplication.translate(
                "ExchangeDialogs",
                "Des suivis ont été modifiés ici et sur l'autre ordinateur : les deux sont "
                "gardés, ouvrez les conflits pour choisir lequel garder.",
            )
        )
    if c.orphaned:
        lines.append(
            counted(
                c.orphaned,
                QCoreApplication.translate(
                    "ExchangeDialogs", "{0} note concerne une fiche inconnue de ce catalogue."
                ),
                QCoreApplication.translate(
                    "ExchangeDialogs", "{0} notes concernent une fiche inconnue de ce catalogue."
                ),
            )
        )
    if c.statuses_new or c.statuses_updated:
        lines.append(
            QCoreApplication.translate("ExchangeDialogs", "Suivis : {0}, {1}.").format(
                counted(
                    c.statuses_new,
                    QCoreApplication.translate("ExchangeDialogs", "{0} nouveau"),
                    QCoreApplication.translate("ExchangeDialogs", "{0} nouveaux"),
                ),
                counted(
                    c.statuses_updated,
                    QCoreApplication.translate("ExchangeDialogs", "{0} mis à jour"),
                    QCoreApplication.translate("ExchangeDialogs", "{0} mis à jour"),
                ),
            )
        )
    lines.append(
        QCoreApplication.translate(
            "ExchangeDialogs", "Une sauvegarde a été faite juste avant : {0}."
        ).format(result.backup.path.name)
    )
    return "\n".join(lines)


def import_notes_dialog(
    parent: QWidget | None,
    store: NotesStore,
    known_keys: Collection[str] | None,
    path: Path | None = None,
    open_conflicts: Callable[[], object] | None = None,
) -> bool:
    """Choose an ``.essnotes`` file (unless ``path`` is given), preview it, import on
    « Importer » and report. Returns True when notes were written.

    ``open_conflicts``: when the import kept conflicting versions, the report offers
    « Ouvrir les conflits », which calls it.

    ``known_keys``: the catalogue's entry keys, to flag orphans (None when the catalogue
    cannot be read). A bad file shows the domain's French message and changes nothing.
    The store is not closed.
    """
    if path is None:
        chosen = ask_open_path(
            parent,
            QCoreApplication.translate("ExchangeDialogs", "Importer des notes"),
            QCoreApplication.translate("ExchangeDialogs", "Notes essdesk (*.essnotes)")
            + ";;"
            + QCoreApplication.translate("ExchangeDialogs", "Tous les fichiers (*)"),
        )
        if not chosen:
            return False
        path = Path(chosen)
    try:
        with busy_cursor():
            preview = preview_import(store, path, known_keys)
    except NotesError as exc:
        show_message(
            parent,
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("ExchangeDialogs", "Import impossible"),
            exc.message,
        )
        return False
    dialog = ImportPreviewDialog(store, preview, parent)
    try:
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        result = dialog.import_result
    finally:
        dialog.deleteLater()
    if not accepted or result is None:
        return False
    actions: list[tuple[str, Callable[[], object]]] = []
    if (
        result.counts.conflicting or result.counts.statuses_conflicting
    ) and open_conflicts is not None:
        label = QCoreApplication.translate("ExchangeDialogs", "Ouvrir les conflits")
        actions.append((label, open_conflicts))
    show_message(
        parent,
        QMessageBox.Icon.Information,
        QCoreApplication.translate("ExchangeDialogs", "Notes importées"),
        import_report(result),
        actions,
    )
    return result.backup is not None
