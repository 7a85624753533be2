"""The export writer: one file name for the window and the command line, shared permissions."""

from __future__ import annotations

import os
import stat
from datetime import date
from pathlib import Path

import pytest

from essdesk.notes import NotesStore
from essdesk.notes.exchange import ExchangeError, default_filename, export_notes


def test_an_export_into_a_folder_is_named_as_the_window_proposes(
    store: NotesStore, tmp_path: Path
) -> None:
    """tests/ui/exchange/test_exchange_ui.py checks the window proposes :func:`default_filename`."""
    creuse = store.add_territory("Creuse")
    day = store.now().astimezone().date()
    written = export_notes(store, tmp_path, [creuse]).path
    assert written.name == default_filename("Creuse", day) == f"notes-creuse-{day}.essnotes"
    everything = export_notes(store, tmp_path).path
    assert everything.name == f"notes-tous-territoires-{day}.essnotes"
    some = export_notes(store, tmp_path, [creuse], ["scheme:dla"]).path
    assert some.name == f"notes-creuse-selection-{day}.essnotes"
    assert (
        default_filename(None, date(2026, 11, 26)) == "notes-tous-territoires-2026-11-26.essnotes"
    )


def test_an_export_gets_the_users_usual_permissions(store: NotesStore, tmp_path: Path) -> None:
    store.add_territory("Creuse")
    old = os.umask(0o022)
    try:
        written = export_notes(store, tmp_path / "tout.essnotes").path
    finally:
        os.umask(old)
    assert stat.S_IMODE(written.stat().st_mode) == 0o644  # shared, not a temporary file's 0600
    assert [p.name for p in tmp_path.iterdir()] == ["tout.essnotes"]  # no temporary file left


def test_every_territory_the_format_allows_exports_and_imports(
    store: NotesStore, tmp_path: Path
) -> None:
    """1,000 territories with realistic names (the manifest's old 64 KB cap refused about
    340 with « refusé par sécurité »); one more is refused saying what to do."""
    from essdesk.notes.exchange import MAX_TERRITORIES, preview_import

    name = "Communauté de communes du Pays de Saint-Éloy-les-Mines et des Combrailles n° {}"
    with store.writing() as w:
        for i in range(MAX_TERRITORIES):
            w.add_territory(name.format(i), ["ZRR", "montagne", "industrie"], code="200066785")
    done = export_notes(store, tmp_path / "tout.essnotes")
    assert len(done.territories) == MAX_TERRITORIES
    preview = preview_import(store, done.path)
    assert {t.action for t in preview.territories} == {"existing"}
    store.add_territory("Un de trop")
    with pytest.raises(ExchangeError) as err:
        export_notes(store, tmp_path / "trop.essnotes")
    assert "Trop de territoires pour un seul fichier" in err.value.message
    assert "un territoire à la fois" in err.value.message
    assert not (tmp_path / "trop.essnotes").exists()


@pytest.mark.parametrize("case", ["missing folder", "not a directory", "name too long"])
def test_export_file_system_errors_are_told_in_french(
    store: NotesStore, tmp_path: Path, case: str
) -> None:
    """The writer quoted the system's strerror, in English on most machines."""
    store.add_territory("Creuse")
    plain = tmp_path / "un-fichier.txt"
    plain.write_text("pas un dossier")
    target, reason = {
        "missing folder": (tmp_path / "absent" / "notes.essnotes", "introuvable"),
        "not a directory": (plain / "notes.essnotes", "un élément du chemin est un fichier"),
        "name too long": (tmp_path / ("n" * 300 + ".essnotes"), "nom trop long"),
    }[case]
    with pytest.raises(ExchangeError) as caught:
        export_notes(store, target)
    cause = caught.value.__cause__
    assert isinstance(cause, OSError) and cause.strerror
    assert reason in caught.value.message
    assert cause.strerror not in caught.value.message
    assert sorted(p.name for p in tmp_path.iterdir()) == ["un-fichier.txt"]
