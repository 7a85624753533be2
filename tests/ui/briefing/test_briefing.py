"""The briefing sheet on paper: the PDF read back with a real PDF reader (poppler's pdftotext),
the print preview, the dialog's buttons (file dialogs patched) and ``essdesk brief`` in a real
process without a display.

Over 500 lines: the sheet's PDF, print preview, dialog and command line share one sheet
and its notes (fixtures below).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtPrintSupport import QPrintPreviewWidget
from PySide6.QtWidgets import QFileDialog, QWidget

from essdesk.briefing_data import WITH_NOTES, BriefingSheet, build_sheet
from essdesk.catalogue.store import Catalogue
from essdesk.notes import NotesStore, Territory, open_notes
from essdesk.ui.briefing import briefing_dialog
from essdesk.ui.briefing.briefing_dialog import BriefingDialog, open_briefing_dialog, safe_file_name
from essdesk.ui.briefing.briefing_render import (
    LaidOutSheet,
    make_print_preview,
    pdf_bytes,
    write_pdf,
)
from essdesk.ui.briefing.sheet_html import note_html

REPO = Path(__file__).resolve().parents[3]
DAY = date(2026, 11, 26)
HOSTILE = (
    '<img src="file:///etc/passwd"> <a href="https://evil.example/">clic</a> '
    "<script>alert(1)</script> &amp; =SOMME(A1)"
)


def pdftotext_or_skip() -> str:
    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.skip("pdftotext (Debian package poppler-utils, installed by .ci/run) is missing")
    return tool


def pdf_text(path: Path, *options: str) -> str:
    tool = pdftotext_or_skip()
    done = subprocess.run(
        [tool, "-enc", "UTF-8", *options, str(path), "-"],
        capture_output=True,
        check=True,
        text=True,
    )
    return done.stdout


def pdf_pages(path: Path) -> list[str]:
    """The text of each page as a reader extracts it, NFKC-folded (no-break spaces become
    spaces) and with runs of white space made one space."""
    pages = pdf_text(path).split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return [" ".join(unicodedata.normalize("NFKC", page).split()) for page in pages]


def pdf_page_count(path: Path) -> int:
    tool = shutil.which("pdfinfo")
    if tool is None:
        pytest.skip("pdfinfo (Debian package poppler-utils) is missing")
    info = subprocess.run([tool, str(path)], capture_output=True, check=True, text=True).stdout
    assert re.search(r"Page size:\s+595(\.\d+)? x 842(\.\d+)? pts \(A4\)", info), info
    found = re.search(r"Pages:\s+(\d+)", info)
    assert found is not None
    return int(found.group(1))


def flat(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


@pytest.fixture
def store() -> Iterator[NotesStore]:
    opened, _ = open_notes()
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def creuse(store: NotesStore) -> Territory:
    t = store.add_territory("Creuse", ["ZRR", "montagne"], commune="Guéret")
    store.save_note(
        "scheme:dla",
        t,
        "Rencontré la chargée de mission : **très intéressée** par le tiers-lieu.\n\n"
        "À faire :\n- envoyer le dossier ;\n- rappeler en avril ?\n\n" + HOSTILE,
        entry_title="DLA",
    )
    store.set_status("scheme:dla", t, "mobilise", "2026-03-12", "Mme Durand")
    store.save_note("actor:france-active", t, "Prêt de relève solidaire.", entry_title="FA")
    store.set_status("actor:france-active", t, "contacte")
    return t


def many_keys(catalogue: Catalogue, n: int) -> list[str]:
    return sorted(k for k in catalogue.keys() if k.startswith("scheme:"))[:n]


# -- the PDF ---------------------------------------------------------------------------------


def test_one_entry_is_one_a4_page_without_contents(
    qapp, catalogue: Catalogue, store: NotesStore, creuse: Territory, tmp_path: Path
) -> None:
    sheet = build_sheet(catalogue, store, creuse, ["scheme:dla"], today=DAY)
    target = tmp_path / "fiche.pdf"
    assert write_pdf(sheet, target) == 1
    assert target.read_bytes().startswith(b"%PDF-")
    assert pdf_page_count(target) == 1
    (page,) = pdf_pages(target)
    for expected in (
        "FICHE DE SYNTHÈSE",
        "Creuse",
        "26 novembre 2026",
        "Guéret",
        "Zones de revitalisation rurale (ZRR)",
        "1. Dispositif local d’accompagnement (DLA)",
        "Dispositif · Accompagnement",
        "Suivi : mobilisé — le 12 mars 2026 — contact : Mme Durand",
        "Le DLA accompagne 6 000 structures par an.",
        "Notes — Creuse",
        "très intéressée par le tiers-lieu",
        "envoyer le dossier ;",
        "Source : compte-rendu du webinaire du 31 mars 2021 — Conférence, séquence #3",
        "Info DLA : https://www.info-dla.fr/",  # links printed as text
        "Page 1 sur 1",
    ):
        assert expected in page, expected
    assert "Sommaire" not in page
    assert "scheme:" not in page  # no internal key on a sheet printed for people
    assert "Remarque" not in page  # remarks about the report only when asked
    assert "**" not in page  # the note's Markdown is rendered, not printed
    # the hostile note is printed as the text it is, nothing of it active
    assert HOSTILE.replace(" ", "") in page.replace(" ", "")  # (lines may wrap inside it)
    raw = target.read_bytes()
    assert b"/URI" not in raw and b"/Link" not in raw and b"/JavaScript" not in raw
    assert b"/Subtype /Image" not in raw and b"/Subtype/Image" not in raw


def test_several_pages_get_contents_page_numbers_and_a_running_header(
    qapp, catalogue: Catalogue, store: NotesStore, creuse: Territory, tmp_path: Path
) -> None:
    keys = ["scheme:dla", *many_keys(catalogue, 24), "session:tr1-s2"]
    sheet = build_sheet(catalogue, store, creuse, keys, today=DAY)
    laid_out = LaidOutSheet(sheet)
    target = tmp_path / "fiche.pdf"
    pages_written = write_pdf(sheet, target)
    pages = pdf_pages(target)
    assert pages_written == laid_out.page_count == pdf_page_count(target) == len(pages)
    assert len(pages) >= 4, len(pages)
    assert "Sommaire" in pages[0]
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} sur {len(pages)}" in page
        if number > 1:  # running header, the page's first line (read in layout order: a
            # table row continued at the top of a page comes before it in reading order)
            top = pdf_text(target, "-layout", "-f", str(number), "-l", str(number))
            assert (
                flat(top.strip().splitlines()[0]) == "Fiche de synthèse — Creuse 26 novembre 2026"
            )
    # every entry is where the contents says, its heading kept with its first lines
    first = pdf_text(target, "-layout", "-l", "1")
    toc_lines = [flat(line) for line in first[first.index("Sommaire") :].splitlines()]
    for number, (entry, page_no) in enumerate(
        zip(sheet.entries, laid_out.entry_pages, strict=True), start=1
    ):
        title = flat(f"{number}. {entry.title}")
        # the contents' line: the title (maybe wrapped) then its page number
        assert any(
            line.startswith(f"{number}. ")
            and title.startswith(line[: -len(str(page_no)) - 1])
            and line.endswith(f" {page_no}")
            for line in toc_lines
        ), (title, page_no)
        body = pages[page_no - 1]
        if page_no == 1:
            body = body[body.index(title) + len(title) :]  # past the contents line
        assert title in body, (title, page_no)
        assert entry.key not in body and entry.kind_label in body, (entry.key, page_no)
        # the lead (heading, kind, summary) is never left alone at the bottom of a page
        if entry.summary:
            assert flat(entry.summary)[:40] in flat(body), (entry.key, page_no)
    assert laid_out.entry_pages == sorted(laid_out.entry_pages)

    # nothing painted twice (Qt also paints the line above the clip; see
    # split_blocks_at_page_breaks), nothing lost: the PDF holds the document's characters
    header = "Fiche de synthèse — Creuse 26 novembre 2026"
    footer = re.compile(
        r"essdesk \S+ — Fiche de synthèse — Creuse — 26 novembre 2026 Page \d+ sur \d+"
    )
    body = "".join(footer.sub("", p) for p in pages)
    printed = Counter(c for c in body if not c.isspace() and c not in "-•")
    # the running header of each page after the first (its words may come interleaved with
    # a table row continued at the top of the page, in reading order)
    for _ in pages[1:]:
        printed.subtract(c for c in header if not c.isspace())
    document = Counter(
        c for c in flat(laid_out.document.toPlainText()) if not c.isspace() and c != "-"
    )
    assert printed == document


def test_a_note_of_many_pages_is_printed_once_and_whole(
    qapp, catalogue: Catalogue, store: NotesStore, tmp_path: Path
) -> None:
    lot = store.add_territory("Lot")
    lines = [f"ligne {i} **gras**" for i in range(300)]
    store.save_note("scheme:dla", lot, "x" * 5000 + "\n" + "\n".join(lines), entry_title="DLA")
    sheet = build_sheet(catalogue, store, lot, ["scheme:dla"], today=DAY)
    target = tmp_path / "long.pdf"
    pages = write_pdf(sheet, target)
    assert pages == LaidOutSheet(sheet).page_count == pdf_page_count(target) >= 5
    found = re.findall(r"ligne (\d+) gras", " ".join(pdf_pages(target)))
    assert found == [str(i) for i in range(300)]  # each line once, in order
    assert "".join(pdf_pages(target)).count("x") >= 5000


def test_pdf_bytes_and_an_empty_sheet(qapp, catalogue: Catalogue, store: NotesStore) -> None:
    lot = store.add_territory("Lot")
    sheet = build_sheet(catalogue, store, lot, WITH_NOTES, today=DAY)
    assert sheet.entries == ()
    data = pdf_bytes(sheet)
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    assert LaidOutSheet(sheet).page_count == 1


def test_document_typography_and_formats(
    qapp, catalogue: Catalogue, store: NotesStore, creuse: Territory
) -> None:
    sheet = build_sheet(catalogue, store, creuse, ["scheme:dla"], today=DAY)
    doc = LaidOutSheet(sheet).document
    text = doc.toRawText()  # (toPlainText() turns no-break spaces into spaces)
    assert "Suivi\u00a0: mobilisé" in text  # no-break space before the colon
    assert "6\u202f000 structures" in text  # thousands never split
    assert "la chargée de mission\u00a0: " in text
    assert "https://www.info-dla.fr/" in text
    block = doc.begin()
    bold, images, hrefs = [], 0, []
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            if fmt.isImageFormat():
                images += 1
            if fmt.anchorHref():
                hrefs.append(fmt.anchorHref())
            if fmt.fontWeight() >= QFont.Weight.Bold:
                bold.append(fragment.text())
            it += 1
        block = block.next()
    assert images == 0 and hrefs == []  # nothing to load, nothing to follow
    assert "très intéressée" in bold


_ALLOWED_TAG = re.compile(r"</?(?:p|ul|ol|li|b|i)(?: style=\"[^\"<>]*\")?>|<br/>")


def _shown_text(doc: QTextDocument) -> str:
    """The text as shown: each line with its list marker (« 1. » in a note is a numbered
    list item: the number is on screen and on paper, not in ``toPlainText()``)."""
    lines = []
    block = doc.begin()
    while block.isValid():
        marker = block.textList().itemText(block) if block.textList() is not None else ""
        lines.append(f"{marker} {block.text()}" if marker else block.text())
        block = block.next()
    return "\n".join(lines)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from("<>&\"'*_-•1.)# \nabc=é/"), max_size=80) | st.text())
def test_no_note_text_becomes_active_html(qapp, text: str) -> None:
    rendered = note_html(text)
    assert "<" not in _ALLOWED_TAG.sub("", rendered)
    doc = QTextDocument()
    doc.setHtml(rendered)
    plain = _shown_text(doc)
    # every word of the note is there, as text
    for word in re.findall(r"[A-Za-zé0-9=/&<>\"']+", text):
        assert word in plain.replace("\u202f", " ").replace("\u00a0", " ")


def test_note_html_light_markdown(qapp) -> None:
    html = note_html("Un **point** et *un autre*\nsuite\n\n- a\n- b\n1. c\n2) d")
    assert "<b>point</b>" in html and "<i>un autre</i>" in html
    assert "Un <b>point</b> et <i>un autre</i><br/>suite" in html
    assert re.search(r"<ul[^>]*><li>a</li><li>b</li></ul><ol[^>]*><li>c</li><li>d</li></ol>", html)
    assert note_html("") == "<p></p>"


# -- print preview ---------------------------------------------------------------------------


def test_print_preview_shows_the_pages(
    qtbot, catalogue: Catalogue, store: NotesStore, creuse: Territory
) -> None:
    sheet = build_sheet(catalogue, store, creuse, many_keys(catalogue, 12), today=DAY)
    dialog = make_print_preview(sheet)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.paintRequested, timeout=10000):
        dialog.show()
    preview = dialog.findChild(QPrintPreviewWidget)
    assert preview is not None
    qtbot.waitUntil(lambda: preview.pageCount() > 0, timeout=10000)
    assert preview.pageCount() == LaidOutSheet(sheet).page_count > 1
    assert "Fiche de synthèse — Creuse" in dialog.windowTitle()


# -- the dialog ------------------------------------------------------------------------------


class SaveAs:
    """Stands in for QFileDialog.getSaveFileName: answers the next path, records the asks."""

    def __init__(self) -> None:
        self.answers: list[str] = []
        self.asked: list[tuple[str, str, str]] = []

    def __call__(self, parent, caption, directory, filters, *rest):
        self.asked.append((caption, directory, filters))
        return (self.answers.pop(0) if self.answers else "", "")


@pytest.fixture
def save_as(monkeypatch: pytest.MonkeyPatch) -> SaveAs:
    fake = SaveAs()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake)
    return fake


@pytest.fixture
def parent(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_dialog_exports_pdf_markdown_and_csv(
    qtbot,
    parent: QWidget,
    catalogue: Catalogue,
    store: NotesStore,
    creuse: Territory,
    save_as: SaveAs,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dialog = open_briefing_dialog(
        parent, catalogue, store, creuse, ["lever:3", "group:whatever", "scheme:dla"]
    )
    assert isinstance(dialog, BriefingDialog) and dialog.isVisible()
    assert dialog.windowTitle() == "Fiche de synthèse — Creuse"
    # the unknown key is dropped; counts on the choices
    assert dialog.selected_radio.isChecked()
    assert dialog.selected_radio.text() == "Les entrées sélectionnées (2)"
    assert dialog.notes_radio.text().endswith("(2)")
    assert dialog.mobilised_radio.text().endswith("(1)")
    sheet = dialog.sheet()
    assert sheet is not None and [e.key for e in sheet.entries] == ["lever:3", "scheme:dla"]
    pages = LaidOutSheet(sheet).page_count
    assert dialog.summary.text() == f"2 entrées, {pages} page{'s' if pages > 1 else ''} A4."

    dialog.mobilised_radio.click()
    sheet = dialog.sheet()
    assert sheet is not None and [e.key for e in sheet.entries] == ["scheme:dla"]

    # PDF: the name asked for gets its extension; the file is a one-page A4 PDF
    save_as.answers.append(str(tmp_path / "conseil"))
    with qtbot.waitSignal(dialog.exported) as signal:
        qtbot.mouseClick(dialog.pdf_button, _left())
    pdf = tmp_path / "conseil.pdf"
    assert signal.args == ["pdf", str(pdf)]
    caption, suggested, filters = save_as.asked[-1]
    assert caption == "Enregistrer la fiche en PDF" and "*.pdf" in filters
    assert Path(suggested).name.startswith("Fiche de synthèse - Creuse - ")
    assert pdf_page_count(pdf) == 1
    assert "1. Dispositif local d’accompagnement (DLA)" in pdf_pages(pdf)[0]
    assert str(pdf) in dialog.message.text() and "(1 page)" in dialog.message.text()

    # Markdown of the same choice
    save_as.answers.append(str(tmp_path / "fiche.md"))
    qtbot.mouseClick(dialog.markdown_button, _left())
    md = (tmp_path / "fiche.md").read_text(encoding="utf-8")
    assert md.startswith("# Fiche de synthèse — Creuse") and "## 2." not in md

    # CSV of every note of the territory, whatever the choice
    save_as.answers.append(str(tmp_path / "notes.csv"))
    qtbot.mouseClick(dialog.csv_button, _left())
    data = (tmp_path / "notes.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbfterritoire;cl\xc3\xa9;")
    assert data.count(b"Creuse;") == 2

    # cancelling a file dialog writes nothing
    before = sorted(p.name for p in tmp_path.iterdir())
    qtbot.mouseClick(dialog.pdf_button, _left())
    assert sorted(p.name for p in tmp_path.iterdir()) == before

    # a folder that cannot be written: a message, no exception, nothing left behind
    save_as.answers.append(str(tmp_path / "absent" / "fiche.pdf"))
    qtbot.mouseClick(dialog.pdf_button, _left())
    assert dialog.message.text().startswith("⚠ Impossible d’écrire le fichier")
    assert sorted(p.name for p in tmp_path.iterdir()) == before

    # Imprimer… opens the print preview of the current sheet
    shown: list[BriefingSheet] = []
    monkeypatch.setattr(briefing_dialog, "print_preview", lambda s, p: shown.append(s) or 0)
    qtbot.mouseClick(dialog.print_button, _left())
    assert [e.key for e in shown[0].entries] == ["scheme:dla"]

    dialog.close()


def test_dialog_is_fit_for_the_mayor_enter_exports_and_the_pdf_opens(
    qtbot,
    parent: QWidget,
    catalogue: Catalogue,
    store: NotesStore,
    creuse: Territory,
    save_as: SaveAs,
    tmp_path: Path,
) -> None:
    from essdesk.ui.common.folders import documents

    dialog = open_briefing_dialog(parent, catalogue, store, creuse, ["scheme:dla"])
    # Enter exports the PDF (the default button), not « Fermer »
    assert dialog.pdf_button.isDefault()
    assert "courriel ou un traitement de texte" in dialog.markdown_hint.text()
    # remarks about the report only when asked
    assert not dialog.remarks.isChecked()
    assert not dialog.sheet().entries[0].remark
    dialog.remarks.click()
    assert dialog.sheet().entries[0].remark
    dialog.remarks.click()
    # the first file dialog opens in Documents, never in the working folder
    assert not dialog.open_file_button.isVisible()
    save_as.answers.append(str(tmp_path / "conseil.pdf"))
    with qtbot.waitSignal(dialog.exported):
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert Path(save_as.asked[-1][1]).parent == documents()
    opened: list[str] = []
    dialog.file_opener = lambda url: opened.append(url.toLocalFile()) or True
    assert dialog.open_file_button.isVisible() and dialog.open_folder_button.isVisible()
    assert dialog.open_file_button.text().replace("&", "") == "Ouvrir le PDF"
    qtbot.mouseClick(dialog.open_file_button, _left())
    qtbot.mouseClick(dialog.open_folder_button, _left())
    assert opened == [str(tmp_path / "conseil.pdf"), str(tmp_path)]
    dialog.close()
    # the next dialog, even after a restart, opens where the last file went
    again = open_briefing_dialog(parent, catalogue, store, creuse, ["scheme:dla"])
    again.pdf_button.click()
    assert Path(save_as.asked[-1][1]).parent == tmp_path
    again.close()


def test_dialog_choices_without_selection_or_territory(
    qtbot, parent: QWidget, catalogue: Catalogue, store: NotesStore, creuse: Territory
) -> None:
    dialog = BriefingDialog(catalogue, store, creuse, [], parent, today=lambda: DAY)
    qtbot.addWidget(dialog)
    assert not dialog.selected_radio.isEnabled()
    assert dialog.notes_radio.isChecked()  # the default when nothing is selected
    dialog.full_text.click()
    sheet = dialog.sheet()
    assert sheet is not None and sheet.entries[0].text  # the report's passage included

    lonely = BriefingDialog(catalogue, store, None, ["scheme:dla"], parent)
    qtbot.addWidget(lonely)
    assert lonely.windowTitle() == "Fiche de synthèse"
    assert not lonely.notes_radio.isEnabled() and not lonely.mobilised_radio.isEnabled()
    assert lonely.pdf_button.isEnabled() and lonely.csv_button.isEnabled()

    lot = store.add_territory("Lot")
    empty = BriefingDialog(catalogue, store, lot, [], parent)
    qtbot.addWidget(empty)
    assert empty.choice() is None
    assert not empty.pdf_button.isEnabled() and not empty.print_button.isEnabled()
    empty.mobilised_radio.click()
    assert empty.summary.text() == "Aucune entrée dans cette sélection."
    assert not empty.markdown_button.isEnabled()


def test_safe_file_names() -> None:
    assert safe_file_name('Fiche - Val/d\'Oise: "QPV" ?') == "Fiche - Val d'Oise QPV"
    assert safe_file_name("...") == "fiche"


def _left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


# -- the CLI, in a real process, without a display ---------------------------------------------


def test_cli_brief_writes_a_pdf_without_a_display(
    catalogue: Catalogue, store: NotesStore, creuse: Territory, tmp_path: Path
) -> None:
    store.close()
    target = tmp_path / "fiche.pdf"
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    done = subprocess.run(
        [sys.executable, "-m", "essdesk", "brief", str(target), "--date", "2026-11-26"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    pages = pdf_pages(target)
    assert len(pages) == pdf_page_count(target) == 2
    assert done.stdout == f"Fiche de synthèse enregistrée : {target} (2 entrées, 2 pages A4)\n"
    assert done.stderr == ""
    assert "Creuse" in pages[0] and "26 novembre 2026" in pages[0] and "Sommaire" in pages[0]
    text = " ".join(pages)
    assert "1. France Active" in text and "2. Dispositif local d’accompagnement (DLA)" in text
