"""The briefing sheet as data (no Qt): selection, records, Markdown, CSV and the CLI's text
formats, with the real catalogue and a real notes store."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from testkit import Run

from essdesk.briefing_data import (
    CSV_COLUMNS,
    MOBILISED,
    WITH_NOTES,
    BriefingError,
    Selection,
    build_sheet,
    csv_cell,
    french_date,
    notes_csv,
    to_markdown,
)
from essdesk.catalogue.store import Catalogue
from essdesk.french import typography as french_typography
from essdesk.notes import NotesStore, Territory

REPO = Path(__file__).resolve().parents[2]
DAY = date(2026, 11, 26)
NBSP, NNBSP = "\u00a0", "\u202f"


@pytest.fixture(scope="module")
def catalogue() -> Iterator[Catalogue]:
    cat = Catalogue.open()
    yield cat
    cat.close()


@pytest.fixture
def noted(store: NotesStore, creuse: Territory) -> Territory:
    """Creuse with a note + status, a status alone, an empty note, an orphan, a conflict."""
    store.save_note(
        "scheme:dla",
        creuse,
        "Rencontré la chargée de mission : **très intéressée**.\n\n- envoyer le dossier ;\n"
        "- rappeler en avril ?",
        entry_title="DLA",
    )
    store.set_status("scheme:dla", creuse, "mobilise", "2026-03-12", "Mme Durand")
    store.set_status("lever:3", creuse, "en-cours")
    store.save_note("tool:3.2", creuse, "   ", entry_title="Acheter")  # blank: not "with a note"
    store.save_note("scheme:disparu", creuse, "Entrée retirée du catalogue.", entry_title="Ancien")
    store.save_note("actor:france-active", creuse, "Première version.", entry_title="FA")
    first = store.get_note("actor:france-active", creuse)
    assert first is not None
    store.delete_note(first.uuid)
    store.save_note("actor:france-active", creuse, "Deuxième version.", entry_title="FA")
    store.restore_from_trash(first.uuid)  # comes back as a conflict copy beside the new note
    store.set_status("actor:france-active", creuse, "mobilise")
    return creuse


# -- selection and records ----------------------------------------------------------------------


def test_explicit_keys_keep_their_order_and_carry_catalogue_and_notes(
    catalogue: Catalogue, store: NotesStore, noted: Territory
) -> None:
    sheet = build_sheet(
        catalogue, store, noted, ["lever:3", "scheme:dla", "lever:3", "session:tr1-s2"], today=DAY
    )
    assert [e.key for e in sheet.entries] == ["lever:3", "scheme:dla", "session:tr1-s2"]
    assert sheet.title == "Fiche de synthèse — Creuse"
    assert sheet.date_text == "26 novembre 2026"
    assert sheet.territory_types == ("Zones de revitalisation rurale (ZRR)", "Zones de montagne")
    assert sheet.commune == "Guéret" and sheet.catalogue_version == catalogue.version
    assert "31 mars 2021" in sheet.source and "ANCT" in sheet.source
    assert sheet.selection == "3 entrées choisies"

    lever, dla, session = sheet.entries
    assert lever.status is not None and lever.status.label == "en cours" and not lever.notes
    assert dla.title == "Dispositif local d’accompagnement (DLA)"
    assert dla.kind_label == "Dispositif" and dla.subtype_label == "Accompagnement"
    assert ("Nature", "Accompagnement") in dla.details
    assert "Le DLA accompagne 6 000 structures par an." in dla.facts
    assert dla.provenance.startswith("Source : compte-rendu du webinaire du 31 mars 2021")
    assert ("Info DLA", "https://www.info-dla.fr/") in dla.links
    assert not dla.remark  # the report's quirk: for the user, not for the mayor
    asked = build_sheet(catalogue, store, noted, ["scheme:dla"], today=DAY, include_remarks=True)
    assert asked.entries[0].remark  # « Inclure les remarques sur le compte-rendu »
    assert dla.status is not None
    assert (dla.status.status, dla.status.label) == ("mobilise", "mobilisé")
    assert dla.status.date == date(2026, 3, 12) and dla.status.contact == "Mme Durand"
    assert dla.note is not None and "**très intéressée**" in dla.note.text
    assert dla.text == ""  # the report's full passage only when asked
    assert session.key_points and session.status is None


def test_full_text_is_included_when_asked(catalogue: Catalogue, store: NotesStore, noted) -> None:
    sheet = build_sheet(catalogue, store, noted, ["scheme:dla"], include_text=True)
    assert "DLA" in sheet.entries[0].text


def test_all_with_a_note_or_a_status(catalogue: Catalogue, store: NotesStore, noted) -> None:
    sheet = build_sheet(catalogue, store, noted, WITH_NOTES, today=DAY)
    keys = [e.key for e in sheet.entries]
    # catalogue order (levers, actors, schemes…), orphans last; the blank note is left out
    assert keys == ["lever:3", "actor:france-active", "scheme:dla", "scheme:disparu"]
    assert sheet.selection == "Toutes les entrées avec une note ou un suivi (4 entrées)"
    orphan = sheet.entries[-1]
    assert not orphan.in_catalogue and orphan.title == "Ancien"
    assert orphan.kind_label == "Entrée absente du catalogue"
    assert orphan.note is not None and orphan.note.text == "Entrée retirée du catalogue."
    france_active = sheet.entries[1]
    assert [(n.text, n.conflict) for n in france_active.notes] == [
        ("Deuxième version.", False),
        ("Première version.", True),
    ]


def test_all_mobilised_and_unions(catalogue: Catalogue, store: NotesStore, noted) -> None:
    sheet = build_sheet(catalogue, store, noted, MOBILISED)
    assert [e.key for e in sheet.entries] == ["actor:france-active", "scheme:dla"]
    both = build_sheet(
        catalogue, store, noted, Selection(keys=("term:ess", "scheme:dla"), mobilised=True)
    )
    assert [e.key for e in both.entries] == ["term:ess", "scheme:dla", "actor:france-active"]
    assert both.selection.startswith("2 entrées choisies et toutes les entrées au statut")


def test_bad_selections_are_explained(catalogue: Catalogue, store: NotesStore, noted) -> None:
    with pytest.raises(BriefingError, match="nope:zz"):
        build_sheet(catalogue, store, noted, ["scheme:dla", "nope:zz"])
    with pytest.raises(BriefingError, match="territoire"):
        build_sheet(catalogue, store, None, WITH_NOTES)
    # an orphan note's key may be chosen explicitly
    sheet = build_sheet(catalogue, store, noted, ["scheme:disparu"])
    assert sheet.entries[0].title == "Ancien"
    # no territory: the catalogue alone
    bare = build_sheet(catalogue, None, None, ["scheme:dla"], today=DAY)
    assert bare.territory == "" and bare.title == "Fiche de synthèse"
    assert bare.entries[0].notes == () and bare.entries[0].status is None


def test_a_fresh_territory_gives_an_empty_sheet(catalogue, store: NotesStore) -> None:
    lot = store.add_territory("Lot")
    assert build_sheet(catalogue, store, lot, WITH_NOTES).entries == ()
    assert Selection().describe() == "Aucune entrée"


# -- French text ----------------------------------------------------------------------------


def test_french_dates() -> None:
    assert french_date(date(2026, 11, 26)) == "26 novembre 2026"
    assert french_date(date(2021, 3, 1)) == "1er mars 2021"
    assert french_date(date(2024, 8, 15)) == "15 août 2024"
    assert french_date(date(2024, 2, 2)) == "2 février 2024"


def test_french_typography() -> None:
    text = "Source : le « DLA » ; vraiment ? oui ! 6 000 structures, 10 % et 410 €"
    assert french_typography(text) == (
        f"Source{NBSP}: le «{NNBSP}DLA{NNBSP}»{NNBSP}; vraiment{NNBSP}? oui{NNBSP}! "
        f"6{NNBSP}000 structures, 10{NBSP}% et 410{NBSP}€"
    )
    # what must not change: times, URLs, keys, numbers that are not thousands
    for kept in ("à 10:30", "https://www.info-dla.fr/?a=1;b=2", "scheme:dla", "en 2021 830 CRTE"):
        assert french_typography(kept) == kept


# -- Markdown --------------------------------------------------------------------------------


def test_markdown_export(catalogue: Catalogue, store: NotesStore, noted: Territory) -> None:
    store.save_note(
        "lever:3", noted, "<script>alert(1)</script> <img src=x> # pas un titre", entry_title="L3"
    )
    sheet = build_sheet(catalogue, store, noted, ["scheme:dla", "lever:3"], today=DAY)
    md = to_markdown(sheet)
    lines = md.splitlines()
    assert lines[0] == "# Fiche de synthèse — Creuse"
    assert "**Date :** 26 novembre 2026  " in lines
    assert "## 1. Dispositif local d’accompagnement (DLA)" in lines
    assert "## 2. Développer une commande publique responsable" in lines
    assert "*Dispositif · Accompagnement*" in lines
    assert "scheme:dla" not in "\n".join(lines)  # no internal key for the people it is for
    assert "**Suivi :** mobilisé — le 12 mars 2026 — contact : Mme Durand" in lines
    # the note is a block quote that keeps its own light Markdown…
    assert "> Rencontré la chargée de mission : **très intéressée**." in lines
    assert "> - envoyer le dossier ;" in lines
    # …but can never be active HTML, nor break out of its quote
    assert "<script" not in md and "<img" not in md
    assert "> &lt;script>alert(1)&lt;/script> &lt;img src=x> # pas un titre" in lines
    assert "- Info DLA : <https://www.info-dla.fr/>" in lines
    assert any(
        line.startswith("*Source : compte-rendu du webinaire du 31 mars 2021") for line in lines
    )
    assert "\\#3" not in md and "#3" in md  # no needless escapes in the provenance
    assert NBSP not in md and NNBSP not in md  # plain spaces for text editors
    assert md.endswith("\n") and not md.endswith("\n\n")


def test_markdown_escapes_catalogue_text() -> None:
    from essdesk.briefing_data import _md

    assert _md("a *b* [c](d) _e_ <b>") == "a \\*b\\* \\[c\\](d) \\_e\\_ &lt;b>"
    assert _md("# titre") == "\\# titre"


# -- CSV -------------------------------------------------------------------------------------


def read_csv(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: Excel reads accents right
    return list(csv.reader(io.StringIO(data[3:].decode("utf-8"), newline=""), delimiter=";"))


def test_notes_csv(catalogue: Catalogue, store: NotesStore, noted: Territory) -> None:
    store.save_note(
        "term:ess", noted, '=HYPERLINK("http://x";"clic")\nligne 2; avec "guillemets"', "ESS"
    )
    store.set_status("term:ess", noted, "contacte", "2026-04-01", "+33 5 55 00 00 00")
    data = notes_csv(store, noted, catalogue)
    assert b"\r\n" in data  # CRLF records, as Excel writes them
    rows = read_csv(data)
    assert tuple(rows[0]) == CSV_COLUMNS
    assert all(len(row) == len(CSV_COLUMNS) for row in rows)
    by_key: dict[str, list[list[str]]] = {}
    for row in rows[1:]:
        by_key.setdefault(row[1], []).append(row)
    assert set(by_key) == {
        "scheme:dla",
        "lever:3",
        "tool:3.2",
        "scheme:disparu",
        "actor:france-active",
        "term:ess",
    }
    (ess,) = by_key["term:ess"]
    assert ess[0] == "Creuse" and ess[2] == "Économie sociale et solidaire (ESS)"
    assert ess[3:6] == ["contacté", "2026-04-01", "'+33 5 55 00 00 00"]
    # newline, ";" and quotes survive in one cell; the formula is defused
    assert ess[6] == '\'=HYPERLINK("http://x";"clic")\nligne 2; avec "guillemets"'
    assert ess[7] == ess[8] and len(ess[7]) == len("2024-05-06 11:00")
    (dla,) = by_key["scheme:dla"]
    assert dla[3:6] == ["mobilisé", "2026-03-12", "Mme Durand"]
    assert dla[6].startswith("Rencontré") and dla[9] == ""
    (lever,) = by_key["lever:3"]  # a status without a note
    assert lever[2] == "Développer une commande publique responsable" and lever[6:9] == ["", "", ""]
    assert by_key["scheme:disparu"][0][2] == "Ancien"  # orphan: the title kept with the note
    conflicts = sorted((r[6], r[9]) for r in by_key["actor:france-active"])
    assert conflicts == [("Deuxième version.", ""), ("Première version.", "oui")]


def test_notes_csv_of_every_territory(store: NotesStore, noted: Territory) -> None:
    lot = store.add_territory("Lot")
    store.save_note("scheme:dla", lot, "Note du Lot", entry_title="DLA")
    rows = read_csv(notes_csv(store))
    assert {r[0] for r in rows[1:]} == {"Creuse", "Lot"}
    assert read_csv(notes_csv(store, lot))[1:] == [
        ["Lot", "scheme:dla", "DLA", "", "", "", "Note du Lot", *rows_dates(store, lot), ""]
    ]


def rows_dates(store: NotesStore, territory: Territory) -> list[str]:
    note = store.get_note("scheme:dla", territory)
    assert note is not None
    return [
        f"{note.created.astimezone():%Y-%m-%d %H:%M}",
        f"{note.updated.astimezone():%Y-%m-%d %H:%M}",
    ]


def test_csv_cell_prefixes_formula_starts() -> None:
    for start in "=+-@\t\r":
        assert csv_cell(start + "1") == "'" + start + "1"
    assert csv_cell("texte") == "texte" and csv_cell("") == ""
    assert csv_cell("a=b") == "a=b"


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")))
def test_any_note_text_survives_the_csv(store: NotesStore, creuse: Territory, text: str) -> None:
    store.save_note("scheme:dla", creuse, text, entry_title="DLA")
    rows = read_csv(notes_csv(store, creuse))
    assert len(rows) == 2
    cell = rows[1][6]
    # the text as written, with the apostrophe csv_cell puts before what a spreadsheet could
    # run (its rule, issue 11, is tested on its own above): nothing else changes
    assert cell == csv_cell(text.replace("\r\n", "\n"))


# -- CLI (text formats; the PDF is tested with Qt in tests/ui) ---------------------------------


def test_cli_markdown_and_csv(
    essdesk: Run, store: NotesStore, noted: Territory, tmp_path: Path
) -> None:
    md = tmp_path / "fiche.md"
    code, out, err = essdesk("brief", str(md), "--keys", "scheme:dla", "--date", "2026-11-26")
    assert (code, err) == (0, "")
    assert out == f"Fiche de synthèse enregistrée : {md} (1 entrée)\n"
    text = md.read_text(encoding="utf-8")
    assert "**Date :** 26 novembre 2026" in text and "## 1. Dispositif local" in text

    code, out, _ = essdesk("brief", str(md), "--territory", "creuse", "--mobilised")
    assert code == 0 and "(2 entrées)" in out
    code, out, _ = essdesk("brief", str(md))  # default: entries with a note or a status
    assert code == 0 and "(4 entrées)" in out

    table = tmp_path / "notes.csv"
    code, out, _ = essdesk("brief", str(table))
    assert code == 0 and "6 lignes" in out
    assert read_csv(table.read_bytes())[0] == list(CSV_COLUMNS)
    code, out, _ = essdesk("brief", "-", "--format", "csv")
    assert code == 0 and out.startswith("\ufeffterritoire;clé;entrée")


def test_cli_errors(essdesk: Run, store: NotesStore, tmp_path: Path) -> None:
    target = str(tmp_path / "fiche.md")
    code, _, err = essdesk("brief", target)
    assert code == 1 and "aucun territoire" in err
    store.add_territory("Creuse")
    code, _, err = essdesk("brief", target)
    assert code == 1 and "aucune entrée avec une note ou un suivi pour « Creuse »" in err
    code, _, err = essdesk("brief", target, "--keys", "nope:zz")
    assert code == 1 and "Entrée inconnue du catalogue : nope:zz" in err
    store.add_territory("Lot")
    code, _, err = essdesk("brief", target, "--keys", "scheme:dla")
    assert code == 1 and "précisez --territory" in err and "« Lot »" in err
    code, _, err = essdesk("brief", target, "--territory", "Nulle part")
    assert code == 1 and "Territoire introuvable" in err
    code, _, err = essdesk("brief", str(tmp_path / "fiche.txt"))
    assert code == 2 and "format inconnu" in err
    code, _, err = essdesk("brief", str(tmp_path / "n.csv"), "--keys", "scheme:dla")
    assert code == 2 and "ne s'appliquent qu'à la fiche" in err
    code, _, err = essdesk("brief", "-", "--keys", "scheme:dla")
    assert code == 2 and "--format" in err
    code, _, err = essdesk("brief", str(tmp_path / "absent" / "f.md"), "--keys", "term:ess")
    assert code == 1 and "n'existe pas" in err
    code, _, err = essdesk("brief", target, "--date", "2026-13-01")
    assert code == 2 and "date invalide" in err
    assert not Path(target).exists()


def test_cli_in_a_real_process(store: NotesStore, noted: Territory, tmp_path: Path) -> None:
    store.close()
    target = tmp_path / "fiche.md"
    done = subprocess.run(
        [sys.executable, "-m", "essdesk", "brief", str(target), "--keys", "lever:3"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "## 1. Développer une commande publique responsable" in target.read_text("utf-8")


def test_briefing_data_imports_no_qt() -> None:
    code = (
        "import sys, essdesk.briefing_data, essdesk.cli.brief, essdesk.cli; "
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in {'PySide6', 'shiboken6'}); "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_cli_reports_a_recovered_notes_file(essdesk: Run, home: Path, tmp_path: Path) -> None:
    home.mkdir(parents=True, exist_ok=True)
    (home / "notes.sqlite3").write_bytes(b"not a database at all" * 100)
    target = tmp_path / "fiche.md"
    code, out, err = essdesk("brief", str(target), "--keys", "scheme:dla")
    assert code == 0 and target.exists() and "Fiche de synthèse enregistrée" in out
    assert "récupération des notes" in err and "mis de côté" in err
