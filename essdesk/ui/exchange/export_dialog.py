"""Exporting notes to an ``.essnotes`` exchange file: what to export (the territory, all,
the selected entries), where, then the counts written.

The rules are in :mod:`essdesk.notes.exchange`; this module only asks and shows. The window
calls :func:`export_notes_dialog` from « Fichier › Exporter les notes… »; importing is
:mod:`essdesk.ui.exchange.import_dialog`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from essdesk.french import counted
from essdesk.french import typography as french_typography
from essdesk.notes import NotesError, NotesStore, Territory
from essdesk.notes.exchange import (
    SUFFIX,
    ExportSummary,
    default_filename,
    export_notes,
)
from essdesk.ui.common.folders import ask_save_file
from essdesk.ui.common.messages import busy_cursor, show_message
from essdesk.ui.common.plain import plain_label

TERRITORY, ALL, SELECTION = "territory", "all", "selection"


def default_export_name(territory: Territory | None, scope: str, day: date) -> str:
    """The file name proposed for ``scope`` (:func:`essdesk.notes.exchange.default_filename`)."""
    name = None if scope == ALL or territory is None else territory.name
    return default_filename(name, day, selection=scope == SELECTION)


class ExportDialog(QDialog):
    """Choose what to export, then the file; writes it with :func:`export_notes`."""

    exported = Signal(object)
    """The file was written (an :class:`ExportSummary`)."""

    def __init__(
        self,
        store: NotesStore,
        catalogue_version: str,
        territory: Territory | None,
        selected_keys: Sequence[str] = (),
        parent: QWidget | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportNotesDialog")
        self.setWindowTitle(self.tr("Exporter les notes"))
        self._store = store
        self._catalogue_version = catalogue_version
        self._territory = territory
        self._selected = tuple(dict.fromkeys(selected_keys))
        self._today = today
        self.summary: ExportSummary | None = None

        intro = plain_label(
            french_typography(
                self.tr(
                    "Un fichier .essnotes à copier (clé USB…) et à importer sur un autre "
                    "ordinateur. Il contient les notes et le suivi des entrées."
                )
            ),
            self,
        )
        box = QGroupBox(self.tr("Notes à exporter"), self)
        counts = self._counts()
        if territory is not None:
            here = self.tr("Le territoire « {0} » ({1})").format(
                territory.name, self._notes(counts[TERRITORY])
            )
        else:
            here = self.tr("Le territoire courant (aucun territoire choisi)")
        self.territory_radio = QRadioButton(french_typography(here), box)
        self.all_radio = QRadioButton(
            self.tr("Toutes les notes, tous territoires ({0})").format(self._notes(counts[ALL])),
            box,
        )
        self.selection_radio = QRadioButton(
            self.tr("Les entrées sélectionnées ({0})").format(self._notes(counts[SELECTION])),
            box,
        )
        self.territory_radio.setEnabled(territory is not None)
        self.selection_radio.setEnabled(bool(self._selected))
        self.selection_radio.setVisible(bool(self._selected))
        self.territory_radio.setAccessibleName(self.tr("Exporter le territoire courant"))
        self.all_radio.setAccessibleName(self.tr("Exporter toutes les notes"))
        self.selection_radio.setAccessibleName(self.tr("Exporter les entrées sélectionnées"))
        self._group = QButtonGroup(self)
        box_layout = QVBoxLayout(box)
        for radio in (self.territory_radio, self.all_radio, self.selection_radio):
            self._group.addButton(radio)
            box_layout.addWidget(radio)
        if territory is not None:
            self.territory_radio.setChecked(True)
        else:
            self.all_radio.setChecked(True)

        buttons = QDialogButtonBox(self)
        self.export_button = buttons.addButton(
            self.tr("&Exporter…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = buttons.addButton(
            self.tr("Annuler"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.export_button.setDefault(True)
        self.export_button.setAccessibleName(self.tr("Choisir le fichier et exporter"))
        buttons.accepted.connect(self.export)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(box)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

    def _notes(self, count: int) -> str:
        return counted(count, self.tr("{0} note"), self.tr("{0} notes"))

    def _counts(self) -> dict[str, int]:
        try:
            every = self._store.all_notes()
        except NotesError:
            return {TERRITORY: 0, ALL: 0, SELECTION: 0}
        mine = [
            n for n in every if self._territory is None or n.territory_uuid == self._territory.uuid
        ]
        chosen = set(self._selected)
        return {
            TERRITORY: len(mine) if self._territory is not None else 0,
            ALL: len(every),
            SELECTION: sum(1 for n in mine if n.entry_key in chosen),
        }

    def scope(self) -> str:
        if self.selection_radio.isChecked():
            return SELECTION
        if self.territory_radio.isChecked():
            return TERRITORY
        return ALL

    def _ask_path(self) -> Path | None:
        name = default_export_name(self._territory, self.scope(), self._today())
        return ask_save_file(
            self,
            self.tr("Enregistrer le fichier de notes"),
            name,
            self.tr("Notes essdesk (*.essnotes)"),
            SUFFIX,
        )

    def export(self) -> None:
        """Ask for the file, write it; the dialog closes (accepted) once it is written."""
        path = self._ask_path()
        if path is None:
            return
        scope = self.scope()
        territories = None if scope == ALL or self._territory is None else [self._territory]
        keys = self._selected if scope == SELECTION else None
        try:
            with busy_cursor():
                summary = export_notes(
                    self._store,
                    path,
                    territories,
                    keys,
                    catalogue_version=self._catalogue_version or None,
                )
        except NotesError as exc:
            show_message(self, QMessageBox.Icon.Warning, self.tr("Export impossible"), exc.message)
            return
        self.summary = summary
        self.exported.emit(summary)
        self.accept()


def export_report(summary: ExportSummary) -> str:
    """The confirmation shown once the file is written."""
    notes = counted(
        summary.notes,
        QCoreApplication.translate("ExchangeDialogs", "{0} note"),
        QCoreApplication.translate("ExchangeDialogs", "{0} notes"),
    )
    follow = counted(
        summary.statuses,
        QCoreApplication.translate("ExchangeDialogs", "{0} suivi"),
        QCoreApplication.translate("ExchangeDialogs", "{0} suivis"),
    )
    where = ", ".join(summary.territories) or QCoreApplication.translate(
        "ExchangeDialogs", "aucun territoire"
    )
    return QCoreApplication.translate(
        "ExchangeDialogs", "{0} et {1} exportés ({2}) dans le fichier :\n{3}"
    ).format(notes, follow, where, summary.path)


def export_notes_dialog(
    parent: QWidget | None,
    store: NotesStore,
    catalogue_version: str,
    current_territory: Territory | None,
    selected_keys: Sequence[str] = (),
) -> Path | None:
    """Ask what to export and where, write the ``.essnotes`` file, confirm with the counts.

    Returns the file written, or None when the user cancelled (or the export failed: the
    reason was shown). ``selected_keys``: entry keys selected in the window, offered as a
    scope of their own when given. The store is not closed.
    """
    dialog = ExportDialog(store, catalogue_version, current_territory, selected_keys, parent)
    try:
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        summary = dialog.summary
    finally:
        dialog.deleteLater()
    if not accepted or summary is None:
        return None
    show_message(
        parent,
        QMessageBox.Icon.Information,
        QCoreApplication.translate("ExchangeDialogs", "Notes exportées"),
        export_report(summary),
    )
    return summary.path
