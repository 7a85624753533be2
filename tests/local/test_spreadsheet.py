"""CSV lists as French Calc and Excel write them, and hostile files: every one refused
quickly with a French message, or read as plain text (real files on disk)."""

from __future__ import annotations

import csv
import io
import time
from pathlib import Path

import pytest

from essdesk.local.catalogue import TerritoryCatalogue
from essdesk.local.spreadsheet import (
    MAX_COLUMNS,
    SpreadsheetError,
    apply_import,
    export_csv,
    guess_mapping,
    plan_import,
    read_table,
)
from essdesk.notes import NotesStore, Territory

HEADER = "Nom;Sigle;Type;Description;Adresse;Téléphone;Courriel;Contact;Site web;Leviers\r\n"
ROWS = (
    "Ressourcerie du Haut-Bugey;RHB;Association;Réemploi;1 rue de l'Œuvre, Oyonnax;"
    "04 74 00 00 00;contact@rhb.example;Mme Dupont;www.rhb.example;3\r\n"
    'Tiers-lieu « La Fabrique »;;Coopérative, SCIC;"Atelier partagé\r\net café";'
    "Nantua;;;;;2, 6\r\n"
)


def _write(tmp_path: Path, data: bytes, name: str = "liste.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _plan(catalogue: TerritoryCatalogue, path: Path, store: NotesStore | None = None):  # type: ignore[no-untyped-def]
    table = read_table(path)
    existing = [e.content for e in store.local_entries()] if store else []
    return plan_import(
        table,
        guess_mapping(table.header),
        title_of=catalogue.title,
        resolve=catalogue.resolve,
        existing=existing,
        existing_names=catalogue.names(),
    )


@pytest.mark.parametrize(
    ("encoding", "bom", "sep", "expected"),
    [
        ("utf-8", True, ";", "UTF-8 (BOM)"),
        ("utf-8", False, ";", "UTF-8"),
        ("cp1252", False, ";", "Windows-1252"),
        ("utf-8", False, ",", "UTF-8"),
    ],
)
def test_lists_as_calc_and_excel_write_them(
    tmp_path: Path,
    catalogue: TerritoryCatalogue,
    encoding: str,
    bom: bool,
    sep: str,
    expected: str,
) -> None:
    text = HEADER + ROWS
    if sep == ",":
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
        out = io.StringIO()
        csv.writer(out, delimiter=",", lineterminator="\r\n").writerows(rows)
        text = out.getvalue()
    data = ("\ufeff" if bom else "").encode() + text.encode(encoding)
    plan = _plan(catalogue, _write(tmp_path, data))
    assert plan.table.encoding == expected and plan.table.delimiter == sep
    assert plan.bad == []
    first, second = (r.content for r in plan.to_add)
    assert first is not None and second is not None
    assert first.title == "Ressourcerie du Haut-Bugey" and first.aliases == ("RHB",)
    assert first.address == "1 rue de l'Œuvre, Oyonnax"
    assert first.links == ("https://www.rhb.example",)
    assert first.levers == ("lever:3",)
    assert second.text == "Atelier partagé\r\net café" or second.text == "Atelier partagé\net café"
    assert second.subtype == "cooperative" and second.levers == ("lever:2", "lever:6")
    assert [r.line for r in plan.rows] == [2, 3]


def test_mixed_encodings_are_read_line_by_line_and_said(
    tmp_path: Path, catalogue: TerritoryCatalogue
) -> None:
    data = "Nom;Adresse\r\nÉcole;Gère\r\n".encode() + "Café;Crêt\r\n".encode("cp1252")
    plan = _plan(catalogue, _write(tmp_path, data))
    assert [r.content.title for r in plan.rows if r.content] == ["École", "Café"]
    assert plan.table.encoding == "UTF-8 et Windows-1252"
    assert "lignes 3 lues en Windows-1252" in plan.table.warnings[0]


def test_bad_rows_are_listed_with_line_and_reason_and_nothing_is_imported(
    tmp_path: Path, store: NotesStore, bugey: Territory, catalogue: TerritoryCatalogue
) -> None:
    data = (
        "Nom;Type;Site web;Leviers;Accompagné par\r\n"
        "Bon;Association;;;DLA\r\n"
        ";Association;;;\r\n"
        "Lien;;javascript:alert(1);;\r\n"
        "Levier;;;12;\r\n"
        "Genre;Inconnu;;;\r\n"
        "Relié;;;;Fiche qui n'existe pas\r\n"
    ).encode()
    plan = _plan(catalogue, _write(tmp_path, data))
    reasons = {r.line: r.error for r in plan.bad}
    assert set(reasons) == {3, 4, 5, 6, 7}
    assert "titre" in reasons[3] and "Lien refusé" in reasons[4]
    assert "Levier introuvable" in reasons[5] and "inconnu" in reasons[6]
    assert "introuvable" in reasons[7]
    good = plan.rows[0].content
    assert good is not None and good.relations[0].key == "scheme:dla"
    backups = len(store.list_backups())
    with pytest.raises(SpreadsheetError, match="5 ligne"):
        apply_import(store, bugey, plan, catalogue.title)
    assert store.local_entries() == [] and len(store.list_backups()) == backups


def test_duplicates_of_local_catalogue_and_earlier_rows_are_flagged(
    tmp_path: Path, store: NotesStore, bugey: Territory, catalogue: TerritoryCatalogue
) -> None:
    plan = _plan(catalogue, _write(tmp_path, (HEADER + ROWS).encode()))
    added = apply_import(store, bugey, plan, catalogue.title)
    assert len(added) == 2
    assert any(b.reason == "avant-import-liste" for b in store.list_backups())
    data = "Nom;Sigle\r\nRESSOURCERIE DU HAUT BUGEY;\r\nAutre;rhb\r\nFrance Active;\r\nNeuf;\r\nneuf;\r\n"
    again = _plan(catalogue, _write(tmp_path, data.encode(), "b.csv"), store)
    flagged = {r.line: r.duplicate_of for r in again.duplicates}
    assert flagged == {
        2: "Ressourcerie du Haut-Bugey",
        3: "Ressourcerie du Haut-Bugey",
        4: "France Active",
        6: "Neuf",
    }
    assert [r.content.title for r in again.to_add if r.content] == ["Neuf"]


def test_export_is_the_notes_csv_format_and_imports_back(
    tmp_path: Path, store: NotesStore, bugey: Territory, catalogue: TerritoryCatalogue
) -> None:
    plan = _plan(catalogue, _write(tmp_path, (HEADER + ROWS).encode()))
    apply_import(store, bugey, plan, catalogue.title)
    data = export_csv(store.local_entries(bugey))
    assert data.startswith(b"\xef\xbb\xbf") and b";" in data.splitlines()[0]
    other = store.add_territory("Autre")
    back = _plan(catalogue, _write(tmp_path, data, "export.csv"))
    assert back.bad == []
    apply_import(store, other, back, catalogue.title)
    assert [e.content for e in store.local_entries(other)] == [
        e.content for e in store.local_entries(bugey)
    ]


def test_formulas_html_and_terminal_escapes_stay_text(
    tmp_path: Path, store: NotesStore, bugey: Territory, catalogue: TerritoryCatalogue
) -> None:
    data = (
        b"Nom;Description\r\n"
        b'=HYPERLINK("http://evil");@SUM(A1)\r\n'
        b"<b>Gras</b><script>alert(1)</script>;\x1b[31mrouge\x1b[0m\x07\r\n"
    )
    plan = _plan(catalogue, _write(tmp_path, data))
    assert plan.bad == []
    titles = [r.content.title for r in plan.rows if r.content]
    assert titles == ['=HYPERLINK("http://evil")', "<b>Gras</b><script>alert(1)</script>"]
    assert plan.rows[1].content is not None and plan.rows[1].content.text == "[31mrouge[0m"
    assert "contrôle" in plan.table.warnings[0]
    apply_import(store, bugey, plan, catalogue.title)
    exported = export_csv(store.local_entries(bugey)).decode("utf-8-sig")
    assert "'=HYPERLINK" in exported and "'@SUM" in exported  # formula-injection safe
    back = _plan(catalogue, _write(tmp_path, exported.encode(), "again.csv"))
    assert back.rows[0].content is not None
    assert {r.content.title for r in back.rows if r.content} == set(titles)  # lossless


def test_a_1_gb_file_is_refused_at_once(tmp_path: Path) -> None:
    path = tmp_path / "enorme.csv"
    with path.open("wb") as handle:  # sparse: no gigabyte written to the test disk
        handle.write(b"Nom;Type\r\n")
        handle.seek(1024**3)
        handle.write(b"x\r\n")
    start = time.perf_counter()
    with pytest.raises(SpreadsheetError, match="trop gros"):
        read_table(path)
    assert time.perf_counter() - start < 1.0


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (bytes(range(256)) * 100, "données binaires"),
        (b"PK\x03\x04" + b"\x00" * 100, "classeur Excel ou Calc"),
        (b"", "vide"),
        (b"\r\n\r\n", "vide"),
        (";".join(["c"] * 100_000).encode() + b"\r\nx\r\n", "trop de colonnes"),
        (b"Nom\r\n" + b'"' + b"a" * 200_000 + b'"\r\n', "illisible ou trop longue"),
    ],
    ids=["binary", "xlsx", "empty", "blank", "100000-columns", "huge-cell"],
)
def test_hostile_files_are_refused_with_a_french_message(
    tmp_path: Path, data: bytes, message: str
) -> None:
    start = time.perf_counter()
    with pytest.raises(SpreadsheetError, match=message):
        read_table(_write(tmp_path, data))
    assert time.perf_counter() - start < 1.0


def test_a_second_row_with_too_many_columns_is_refused(tmp_path: Path) -> None:
    data = b"Nom;Type\r\n" + ";".join(["x"] * (MAX_COLUMNS + 5)).encode() + b"\r\n"
    with pytest.raises(SpreadsheetError, match="ligne 2 : trop de colonnes"):
        read_table(_write(tmp_path, data))


def test_mapping_is_guessed_from_french_headers() -> None:
    header = ["Raison sociale", "Acronyme", "Nature", "Téléphone", "E-mail", "Site internet", "?"]
    assert guess_mapping(header) == (
        "title",
        "aliases",
        "subtype",
        "phone",
        "email",
        "links",
        "",
    )
    assert guess_mapping(["Colonne A", "Colonne B"])[0] == "title"
