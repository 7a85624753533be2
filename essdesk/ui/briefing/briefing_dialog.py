"""The "Fiche de synthèse…" dialog: choose the entries, then PDF, print, Markdown or CSV.

The main window calls :func:`open_briefing_dialog` from a menu action; everything else
(choice of entries, file dialogs, messages) stays here. The dialog never closes the stores
it is given: they belong to the window.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from essdesk.briefing_data import (
    MOBILISED_STATUS,
    BriefingError,
    BriefingSheet,
    CatalogueLike,
    NotesLike,
    Selection,
    build_sheet,
    notes_csv,
    to_markdown,
)
from essdesk.fileio import write_atomically
from essdesk.french import counted
from essdesk.french import typography as french_typography
from essdesk.notes import NotesError, Territory
from essdesk.notes.errors import os_reason
from essdesk.ui.briefing.briefing_render import (
    RenderError,
    page_count,
    print_preview,
    write_pdf,
)
from essdesk.ui.common.folders import ask_save_file
from essdesk.ui.common.plain import PlainLabel, plain_label, plain_title

SELECTED, WITH_NOTES, MOBILISED = "selected", "with-notes", "mobilised"

_UNSAFE_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def safe_file_name(text: str) -> str:
    """A file name any system accepts (no / \\ : * ? " < > |, no control characters)."""
    cleaned = " ".join(_UNSAFE_NAME.sub(" ", text).split()).strip(" .")
    return cleaned[:120] or "fiche"


class BriefingDialog(QDialog):
    """Choose the entries of a briefing sheet and export or print it."""

    exported = Signal(str, str)
    """A file was written: format ("pdf", "md", "csv") and path."""

    def __init__(
        self,
        catalogue: CatalogueLike,
        notes_store: NotesLike | None,
        territory: Territory | None,
        selected_keys: Sequence[str] = (),
        parent: QWidget | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("briefingDialog")
        self._catalogue = catalogue
        self._store = notes_store
        self._territory = territory
        self._today = today
        noted = self._noted_keys()
        self._selected = tuple(
            dict.fromkeys(k for k in selected_keys if catalogue.title(k) is not None or k in noted)
        )
        title = self.tr("Fiche de synthèse")
        if territory is not None:
            title = f"{title} — {territory.name}"
        self.setWindowTitle(plain_title(title))

        intro = plain_label(parent=self)  # quotes the territory's name
        if territory is None:
            intro.setText(
                self.tr(
                    "Aucun territoire choisi : la fiche reprendra les entrées sans notes ni suivi."
                )
            )
        else:
            intro.setText(
                french_typography(
                    self.tr(
                        "Une fiche A4 des entrées choisies, avec les notes et le suivi de « {0} » "
                        "et la source de chaque entrée."
                    ).format(territory.name)
                )
            )

        box = QGroupBox(self.tr("Entrées à inclure"), self)
        counts = self._counts()
        self.selected_radio = QRadioButton(
            self.tr("Les entrées sélectionnées ({0})").format(len(self._selected)), box
        )
        self.notes_radio = QRadioButton(
            self.tr("Toutes les entrées avec une note ou un suivi ({0})").format(counts[0]), box
        )
        self.mobilised_radio = QRadioButton(
            french_typography(
                self.tr("Toutes les entrées au statut « mobilisé » ({0})").format(counts[1])
            ),
            box,
        )
        self.selected_radio.setEnabled(bool(self._selected))
        self.notes_radio.setEnabled(territory is not None)
        self.mobilised_radio.setEnabled(territory is not None)
        self._group = QButtonGroup(self)
        box_layout = QVBoxLayout(box)
        for radio in (self.selected_radio, self.notes_radio, self.mobilised_radio):
            self._group.addButton(radio)
            box_layout.addWidget(radio)
        self.full_text = QCheckBox(self.tr("Inclure le texte complet du compte-rendu"), self)
        self.remarks = QCheckBox(self.tr("Inclure les remarques sur le compte-rendu"), self)
        self.remarks.setObjectName("briefingRemarks")
        self.remarks.setToolTip(
            self.tr(
                "Les remarques du catalogue sur le compte-rendu lui-même (une coquille, une "
                "précision sur la source) : utiles pour vous, pas pour un élu."
            )
        )

        self.summary = PlainLabel(self)
        self.summary.setObjectName("briefingSummary")
        self.message = PlainLabel(self)
        self.message.setObjectName("briefingMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.pdf_button = QPushButton(self.tr("Exporter en &PDF…"), self)
        self.print_button = QPushButton(self.tr("&Imprimer…"), self)
        self.markdown_button = QPushButton(self.tr("Texte &Markdown…"), self)
        self.csv_button = QPushButton(self.tr("&CSV des notes…"), self)
        self.pdf_button.setToolTip(self.tr("Enregistrer la fiche en PDF (format A4)"))
        self.print_button.setToolTip(self.tr("Aperçu avant impression, puis impression"))
        self.markdown_button.setToolTip(
            self.tr("Markdown : texte pour un courriel ou un traitement de texte")
        )
        self.markdown_hint = PlainLabel(
            french_typography(
                self.tr("Markdown : texte pour un courriel ou un traitement de texte.")
            ),
            self,
        )
        self.markdown_hint.setObjectName("panelHint")
        self.markdown_hint.setWordWrap(True)
        self.csv_button.setToolTip(
            self.tr(
                "Liste des notes et du suivi du territoire, pour LibreOffice Calc ou Excel "
                "(séparateur « ; », UTF-8)"
            )
        )
        self.csv_button.setEnabled(notes_store is not None)
        buttons = QHBoxLayout()
        for button in (self.pdf_button, self.print_button, self.markdown_button, self.csv_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        # Enter exports the PDF: what the dialog is for, not « Fermer »
        self.pdf_button.setDefault(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        for standard in close.buttons():
            if isinstance(standard, QPushButton):
                standard.setAutoDefault(False)
        # after a save: open what was written, or the folder it is in
        self.open_file_button = QPushButton(self.tr("&Ouvrir le PDF"), self)
        self.open_file_button.setObjectName("openFileButton")
        self.open_folder_button = QPushButton(self.tr("Ouvrir le &dossier"), self)
        self.open_folder_button.setObjectName("openFolderButton")
        self.open_file_button.clicked.connect(lambda: self._open_saved(folder=False))
        self.open_folder_button.clicked.connect(lambda: self._open_saved(folder=True))
        opened = QHBoxLayout()
        for button in (self.open_file_button, self.open_folder_button):
            button.setAutoDefault(False)
            button.setVisible(False)
            opened.addWidget(button)
        opened.addStretch(1)
        self._saved: Path | None = None
        self.file_opener = _open_with_desktop
        """Opens a saved file or its folder with the desktop's application (tests record)."""

        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(box)
        layout.addWidget(self.full_text)
        layout.addWidget(self.remarks)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        layout.addWidget(self.markdown_hint)
        layout.addWidget(self.message)
        layout.addLayout(opened)
        layout.addWidget(close)

        if self._selected:
            self.selected_radio.setChecked(True)
        elif territory is not None and counts[0]:
            self.notes_radio.setChecked(True)
        elif territory is not None and counts[1]:
            self.mobilised_radio.setChecked(True)
        self._group.buttonToggled.connect(lambda *_: self._refresh())
        self.full_text.toggled.connect(lambda *_: self._refresh())
        self.remarks.toggled.connect(lambda *_: self._refresh())
        self.pdf_button.clicked.connect(self.export_pdf)
        self.print_button.clicked.connect(self.print_sheet)
        self.markdown_button.clicked.connect(self.export_markdown)
        self.csv_button.clicked.connect(self.export_csv)
        self._sheet: BriefingSheet | None = None
        self._refresh()

    # -- state ------------------------------------------------------------------------------

    def _noted_keys(self) -> set[str]:
        if self._store is None or self._territory is None:
            return set()
        try:
            return self._store.keys_with_notes(self._territory)
        except NotesError:
            return set()

    def _counts(self) -> tuple[int, int]:
        if self._store is None or self._territory is None:
            return 0, 0
        try:
            statuses = self._store.statuses_for_territory(self._territory)
            noted = self._store.keys_with_notes(self._territory) | set(statuses)
        except NotesError:
            return 0, 0
        return len(noted), sum(1 for v in statuses.values() if v == MOBILISED_STATUS)

    def choice(self) -> str | None:
        if self.selected_radio.isChecked():
            return SELECTED
        if self.notes_radio.isChecked():
            return WITH_NOTES
        if self.mobilised_radio.isChecked():
            return MOBILISED
        return None

    def selection(self) -> Selection | None:
        choice = self.choice()
        if choice == SELECTED:
            return Selection(keys=self._selected)
        if choice == WITH_NOTES:
            return Selection(with_notes=True)
        if choice == MOBILISED:
            return Selection(mobilised=True)
        return None

    def sheet(self) -> BriefingSheet | None:
        """The sheet of the current choice (None when nothing is chosen)."""
        return self._sheet

    def _refresh(self) -> None:
        self._sheet = None
        selection = self.selection()
        self.message.clear()
        if selection is None:
            self.summary.setText(self.tr("Choisissez les entrées à inclure."))
        else:
            try:
                self._sheet = build_sheet(
                    self._catalogue,
                    self._store,
                    self._territory,
                    selection,
                    today=self._today(),
                    include_text=self.full_text.isChecked(),
                    include_remarks=self.remarks.isChecked(),
                )
            except (BriefingError, NotesError) as exc:
                self.summary.setText(french_typography(exc.message))
            else:
                n = len(self._sheet.entries)
                if n == 0:
                    self.summary.setText(self.tr("Aucune entrée dans cette sélection."))
                else:
                    pages = page_count(self._sheet)
                    self.summary.setText(
                        counted(n, self.tr("{0} entrée"), self.tr("{0} entrées"))
                        + ", "
                        + counted(pages, self.tr("{0} page A4"), self.tr("{0} pages A4"))
                        + "."
                    )
        ready = self._sheet is not None and bool(self._sheet.entries)
        for button in (self.pdf_button, self.print_button, self.markdown_button):
            button.setEnabled(ready)

    # -- actions ----------------------------------------------------------------------------

    def _default_name(self, suffix: str, what: str) -> str:
        day = self._today().isoformat()
        where = self._territory.name if self._territory is not None else ""
        parts = [what, where, day] if where else [what, day]
        return safe_file_name(" - ".join(parts)) + suffix

    def _done(self, kind: str, path: Path, detail: str = "") -> None:
        self.message.setText(french_typography(self.tr("Enregistré : {0}{1}")).format(path, detail))
        self._saved = path
        self.open_file_button.setText(
            self.tr("&Ouvrir le PDF") if kind == "pdf" else self.tr("&Ouvrir le fichier")
        )
        for button in (self.open_file_button, self.open_folder_button):
            button.setVisible(True)
        self.exported.emit(kind, str(path))

    def _open_saved(self, folder: bool) -> None:
        if self._saved is not None:
            target = self._saved.parent if folder else self._saved
            self.file_opener(QUrl.fromLocalFile(str(target)))

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, OSError):
            reason = os_reason(exc)
            where = exc.filename or ""
            text = french_typography(self.tr("Impossible d'écrire le fichier {0} : {1}.")).format(
                where, reason
            )
        else:
            text = french_typography(getattr(exc, "message", str(exc)))
        self.message.setText("⚠ " + text)

    def export_pdf(self) -> None:
        sheet = self._sheet
        if sheet is None:
            return
        path = ask_save_file(
            self,
            self.tr("Enregistrer la fiche en PDF"),
            self._default_name(".pdf", "Fiche de synthèse"),
            self.tr("Documents PDF (*.pdf)"),
            ".pdf",
        )
        if path is None:
            return
        try:
            pages = write_pdf(sheet, path)
        except (OSError, RenderError) as exc:
            self._failed(exc)
            return
        self._done(
            "pdf", path, " (" + counted(pages, self.tr("{0} page"), self.tr("{0} pages")) + ")"
        )

    def print_sheet(self) -> None:
        if self._sheet is not None:
            print_preview(self._sheet, self)

    def export_markdown(self) -> None:
        sheet = self._sheet
        if sheet is None:
            return
        path = ask_save_file(
            self,
            self.tr("Enregistrer la fiche en Markdown"),
            self._default_name(".md", "Fiche de synthèse"),
            self.tr("Texte Markdown (*.md)"),
            ".md",
        )
        if path is None:
            return
        try:
            write_atomically(path, to_markdown(sheet).encode("utf-8"))
        except OSError as exc:
            self._failed(exc)
            return
        self._done("md", path)

    def export_csv(self) -> None:
        if self._store is None:
            return
        path = ask_save_file(
            self,
            self.tr("Enregistrer la liste des notes (CSV)"),
            self._default_name(".csv", "Notes"),
            self.tr("Tableur CSV, séparateur point-virgule (*.csv)"),
            ".csv",
        )
        if path is None:
            return
        try:
            data = notes_csv(self._store, self._territory, self._catalogue)
            write_atomically(path, data)
        except (OSError, NotesError) as exc:
            self._failed(exc)
            return
        self._done("csv", path)


def _open_with_desktop(url: QUrl) -> bool:
    from PySide6.QtGui import QDesktopServices

    return QDesktopServices.openUrl(url)


def open_briefing_dialog(
    parent: QWidget | None,
    catalogue: CatalogueLike,
    notes_store: NotesLike | None,
    territory: Territory | None,
    selected_keys: Sequence[str] = (),
) -> BriefingDialog:
    """Open the briefing-sheet dialog, window-modal and non-blocking; returns it.

    ``selected_keys``: entry keys selected in the window (unknown keys are ignored);
    ``territory`` None makes a sheet without notes. The dialog deletes itself when closed.
    """
    dialog = BriefingDialog(catalogue, notes_store, territory, selected_keys, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


__all__ = ["BriefingDialog", "open_briefing_dialog", "safe_file_name"]
