"""« Importer une liste… »: the preview of a CSV list before anything is written.

One combo box per column (the mapping guessed from the header, editable), every row with
what applying would do to it (new, duplicate of an entry, or the reason it is wrong, by line
number), and « Importer » only when no row is wrong. ``replan(mapping, include_duplicates)``
is the controller's: it validates the rows again through the domain (no SQL here).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from essdesk.french import counted
from essdesk.local.spreadsheet import FIELDS, ImportPlan
from essdesk.ui.common.fitted import FittedDialog
from essdesk.ui.common.plain import plain_label
from essdesk.ui.local.local_entry_dialog import named

MAX_SHOWN = 2000
"""Rows shown in the preview table (the counts cover them all)."""


class LocalImportDialog(FittedDialog):
    """Preview and apply; ``apply(plan)`` returns a French error, or None when imported."""

    def __init__(
        self,
        file_name: str,
        territory_name: str,
        plan: ImportPlan,
        replan: Callable[[Sequence[str], bool], ImportPlan],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("localImportDialog")
        self.setWindowTitle(self.tr("Importer une liste"))
        self.plan = plan
        self._replan = replan
        self.apply: Callable[[ImportPlan], str | None] = lambda _plan: None
        table = plan.table
        intro = plain_label(
            self.tr("« {0} » ({1}, séparateur « {2} ») : entrées locales de « {3} ».").format(
                file_name, table.encoding, table.delimiter, territory_name
            )
        )
        warnings = plain_label("\n".join(table.warnings))
        warnings.setVisible(bool(table.warnings))
        self.mapping: list[QComboBox] = []
        for i, header in enumerate(table.header):
            combo = named(QComboBox(), f"mapping{i}")
            combo.setAccessibleName(self.tr("Colonne « {0} »").format(header))
            for key, label in FIELDS.items():
                combo.addItem(label, key)
            combo.setCurrentIndex(max(0, combo.findData(plan.mapping[i])))
            combo.currentIndexChanged.connect(self._changed)
            self.mapping.append(combo)
        self.rows = named(QTableWidget(), "importRows")
        self.rows.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.rows.verticalHeader().setVisible(False)
        self.rows.setColumnCount(len(table.header) + 2)
        self.rows.setRowCount(1)
        self.rows.setHorizontalHeaderLabels(
            [self.tr("Ligne"), self.tr("À l'import"), *table.header]
        )
        self.rows.setItem(0, 1, QTableWidgetItem(self.tr("Colonne importée comme :")))
        for j, combo in enumerate(self.mapping):
            self.rows.setCellWidget(0, j + 2, combo)
            self.rows.setColumnWidth(j + 2, 190)
        self.rows.setColumnWidth(1, 280)
        self.duplicates = named(
            QCheckBox(self.tr("Importer aussi les doublons")), "importDuplicates"
        )
        self.duplicates.toggled.connect(self._changed)
        self.summary = plain_label()
        self.summary.setObjectName("importSummary")
        self.error = plain_label()
        self.error.setObjectName("importError")
        self.error.setStyleSheet("color: #b04a4a")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuler"))
        self.import_button = named(QPushButton(self.tr("Importer")), "importButton")
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self._apply)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(warnings)
        layout.addWidget(
            plain_label(self.tr("Première ligne du tableau : ce que contient chaque colonne."))
        )
        layout.addWidget(self.rows, 1)
        layout.addWidget(self.duplicates)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(980, 600)
        self._show(plan)

    def chosen_mapping(self) -> list[str]:
        return [str(c.currentData()) for c in self.mapping]

    def _changed(self) -> None:
        try:
            plan = self._replan(self.chosen_mapping(), self.duplicates.isChecked())
        except Exception as exc:  # a French message from the domain (no title column…)
            self.error.setText(getattr(exc, "message", str(exc)))
            self.import_button.setEnabled(False)
            return
        self._show(plan)

    def _show(self, plan: ImportPlan) -> None:
        self.plan = plan
        shown = plan.rows[:MAX_SHOWN]
        self.rows.setRowCount(len(shown) + 1)  # row 0: the mapping's combo boxes
        to_add = {id(r) for r in plan.to_add}
        for i, row in enumerate(shown, start=1):
            if row.error:
                what = self.tr("à corriger : {0}").format(row.error)
            elif row.duplicate_of:
                doing = self.tr("importé") if id(row) in to_add else self.tr("ignoré")
                what = self.tr("doublon de « {0} » ({1})").format(row.duplicate_of, doing)
            else:
                what = self.tr("nouveau")
            cells = [str(row.line), what, *row.cells]
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text.replace("\n", " ⏎ ")[:300])
                if j == 1 and row.error:
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.rows.setItem(i, j, item)
        self.rows.resizeColumnToContents(0)
        bad, dup = len(plan.bad), len(plan.duplicates)
        self.summary.setText(
            self.tr("{0} : {1}, {2}, {3}.").format(
                counted(len(plan.rows), self.tr("{0} ligne"), self.tr("{0} lignes")),
                self.tr("{0} à importer").format(len(plan.to_add)),
                counted(dup, self.tr("{0} doublon"), self.tr("{0} doublons")),
                self.tr("{0} à corriger").format(bad),
            )
        )
        if bad:
            self.error.setText(
                self.tr(
                    "Corrigez les lignes signalées dans le tableur (ou choisissez « (ignorer) » "
                    "pour leur colonne) : l'import est tout ou rien."
                )
            )
        else:
            self.error.setText("")
        self.import_button.setEnabled(not bad and bool(plan.to_add))

    def _apply(self) -> None:
        problem = self.apply(self.plan)
        if problem:
            self.error.setText(problem)
        else:
            self.accept()
