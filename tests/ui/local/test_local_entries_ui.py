"""The territory's own entries in the real window (built as ``essdesk`` builds it): import a
30-row spreadsheet through the preview, open a local actor, link it to the DLA, find it by a
misspelt name, print it in the briefing sheet; the add/edit form; delete and restore."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog

from essdesk.app import build
from essdesk.local.catalogue import TerritoryCatalogue
from essdesk.local.index import LocalRow
from essdesk.notes import open_notes
from essdesk.notes.local_entries import LocalContent
from essdesk.ui.common.roles import KEY_ROLE
from essdesk.ui.local import local_entries as local_ui
from essdesk.ui.local.local_entries import LocalEntriesFeature
from essdesk.ui.local.local_entry_dialog import LocalEntryDialog
from essdesk.ui.local.local_import_dialog import LocalImportDialog
from essdesk.ui.main_window import MainWindow
from essdesk.ui.notes import territories as territories_ui
from essdesk.ui.notes.note_dialogs import HistoryDialog, TrashDialog

T = "CC du Haut-Bugey"
KINDS = ("Association", "Coopérative, SCIC", "Entreprise", "Collectivités et leurs réseaux")


def spreadsheet(path: Path) -> Path:
    """30 rows as LibreOffice Calc saves them in French: BOM, « ; », a multi-line cell."""
    lines = ["Nom;Sigle;Type;Description;Commune;Téléphone;Site web;Leviers"]
    for i in range(1, 31):
        name = "Ressourcerie du Haut-Bugey" if i == 7 else f"Structure locale n°{i:02d}"
        acronym = "RHB" if i == 7 else ""
        lines.append(
            f'{name};{acronym};{KINDS[i % 4]};"Activité {i}\nsur deux lignes";Oyonnax;'
            f"04 74 00 00 {i:02d};www.exemple{i}.fr;{(i % 6) + 1}"
        )
    path.write_bytes(("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8"))
    return path


@pytest.fixture
def app_window(qtbot) -> MainWindow:
    store, _ = open_notes()
    store.add_territory(T, ["ZRR"], initials="AB")
    store.close()
    _app, window = build([], opener=lambda _url: True)
    qtbot.addWidget(window)
    qtbot.waitUntil(
        lambda: isinstance(getattr(window, "local_entries", None), LocalEntriesFeature),
        timeout=15000,
    )
    assert isinstance(window.catalogue, TerritoryCatalogue)
    yield window
    window.close()


def closed(dialog: object) -> bool:
    """A dialog closed on success (deleted on close, like every essdesk dialog)."""
    return not shiboken6.isValid(dialog) or not dialog.isVisible()  # type: ignore[attr-defined]


def feature(window: MainWindow) -> LocalEntriesFeature:
    found = window.local_entries  # type: ignore[attr-defined]
    assert isinstance(found, LocalEntriesFeature)
    return found


# Typing in the link field pops its completer up: the offscreen plugin cannot raise a popup
# or grab the keyboard for it (no window system), which says nothing about essdesk.
@pytest.mark.qt_log_ignore(
    "This plugin does not support raise", "does not support grabbing", "propagateSizeHints"
)
def test_journey_import_open_link_find_print(
    qtbot, app_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = app_window
    local = feature(window)
    assert local.actions["importListAction"].isEnabled()
    assert not local.actions["editLocalEntryAction"].isEnabled()  # not on a local entry
    # 1. import a 30-row spreadsheet through its preview
    csv_path = spreadsheet(tmp_path / "acteurs.csv")
    monkeypatch.setattr(local_ui, "ask_open_path", lambda *_a: str(csv_path))
    window.findChild(type(local.actions["importListAction"]), "importListAction").trigger()
    dialog = local.dialog
    assert isinstance(dialog, LocalImportDialog)
    assert "30 à importer" in dialog.summary.text() and dialog.import_button.isEnabled()
    assert dialog.summary.text().startswith("30 lignes\u00a0: 30 à importer, ")  # no « (s) »
    assert dialog.chosen_mapping()[:4] == ["title", "aliases", "subtype", "text"]
    assert dialog.chosen_mapping()[4] == "address"  # « Commune » → the address
    with qtbot.waitSignal(window.directory.results_shown, timeout=5000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert closed(dialog)
    rows = [r for r in window.directory.model._rows if isinstance(r, LocalRow)]
    assert len(rows) == 30
    # 2. open one local actor (from the directory, as a user does)
    model = window.directory.model
    row = next(
        i
        for i in range(model.rowCount())
        if model.index(i, 0).data() == "Ressourcerie du Haut-Bugey"
    )
    key = model.index(row, 0).data(KEY_ROLE)
    assert model.index(row, 1).data() == "Acteur local"
    assert "ajouté pour CC du Haut-Bugey par AB" in model.index(row, 1).data(
        Qt.ItemDataRole.ToolTipRole
    )
    window.open_entry(key)
    html = window.detail.browser.toPlainText()
    assert "Ressourcerie du Haut-Bugey" in html and "ajouté pour CC du Haut-Bugey par AB" in html
    # 3. link it to the DLA through the edit form
    assert local.actions["editLocalEntryAction"].isEnabled()
    local.actions["editLocalEntryAction"].trigger()
    form = local.dialog
    assert isinstance(form, LocalEntryDialog)
    form.relation.setCurrentIndex(form.relation.findData("supported_by"))
    qtbot.keyClicks(form.target, "DLA")  # its acronym is enough
    assert form.add_relation()
    form._save()
    assert closed(form)
    shown = window.detail.browser.toPlainText()
    assert "Accompagné par" in shown and "Dispositif local d’accompagnement (DLA)" in shown
    window.open_entry("scheme:dla")
    assert "Ressourcerie du Haut-Bugey" in window.detail.browser.toPlainText()
    # 4. find it by a misspelt name
    search = window.search
    with qtbot.waitSignal(search.results_shown, timeout=5000):
        search.field.setText("resourcerie bugey")
        search.run_query()
    first = search.model.index(0, 0)
    assert first.data(KEY_ROLE) == key
    # 5. print it in the briefing sheet
    window.open_entry(key)
    notes = window.notes  # type: ignore[attr-defined]
    briefing = notes.sharing.briefing()
    qtbot.addWidget(briefing)
    pdf = tmp_path / "fiche.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(pdf), ""))
    briefing.export_pdf()
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "Ressourcerie du Haut-Bugey" in text and "ajouté pour CC du Haut-Bugey" in text


def test_the_form_refuses_bad_input_and_adds_edits_deletes_restores(
    qtbot, app_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = app_window
    local = feature(window)
    form = local.new_entry()
    assert isinstance(form, LocalEntryDialog)
    form.links.setText("javascript:alert(1)")
    form._save()
    assert form.isVisible() and "titre ne peut pas être vide" in form.error.text()
    form.title_edit.setText("<b>Tiers-lieu</b> de Nantua")
    form._save()
    assert form.isVisible() and "Lien refusé" in form.error.text()
    form.links.setText("https://tiers-lieu.example")
    form.person.setText("M. Martin")
    form.type_boxes["territory:zrr"].setChecked(True)
    for i in range(form.illustrates.count()):
        if form.illustrates.item(i).data(Qt.ItemDataRole.UserRole) == "tool:6.1":
            form.illustrates.item(i).setCheckState(Qt.CheckState.Checked)
    form._save()
    assert closed(form)
    key = window.history.current
    assert key and key.startswith("local:")
    text = window.detail.browser.toPlainText()
    assert "<b>Tiers-lieu</b> de Nantua" in text  # data is text, never markup
    assert "données personnelles" in text
    levers = window.trees["levers"].model_
    assert levers.find(key).isValid()  # under tool 6.1, in the levers tree
    edit = local.edit_entry()
    assert isinstance(edit, LocalEntryDialog)
    assert edit.content().tools == ("tool:6.1",)
    edit.summary.setText("Atelier partagé")
    edit._save()
    store = window.notes.session.store  # type: ignore[attr-defined]
    assert [v.content.summary for v in store.local_history(key)] == ["Atelier partagé", ""]
    monkeypatch.setattr(local_ui, "confirm", lambda *_a: True)
    assert local.delete_entry()
    assert window.catalogue.title(key) is None
    assert not levers.find(key).isValid()
    trash = local.restore()
    assert isinstance(trash, TrashDialog) and trash.list.count() == 1
    assert "<b>Tiers-lieu</b> de Nantua — CC du Haut-Bugey" in trash.list.item(0).text()
    assert "Atelier partagé" in trash.preview.toPlainText()
    trash.action_button.click()
    assert trash.list.count() == 0 and "restaurée" in trash.result_label.text()
    assert window.catalogue.title(key) == "<b>Tiers-lieu</b> de Nantua"
    assert levers.find(key).isValid()


def test_a_local_entry_shows_its_versions_and_restores_one(
    qtbot, app_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Edit and delete like notes (issue 15): « Historique de l'entrée locale… » lists every
    saved state of the open entry, shows one, and restores it as a new version; an entry of
    a deleted territory comes back from the trash with its territory."""
    window = app_window
    local = feature(window)
    session = window.notes.session  # type: ignore[attr-defined]
    store, catalogue = session.store, window.catalogue
    entry = store.add_local_entry(
        session.territory, LocalContent("actor", "Recyclerie", summary="v1"), catalogue.title
    )
    store.update_local_entry(
        entry.key, LocalContent("actor", "Recyclerie du Bugey", summary="v2"), catalogue.title
    )
    local.reload()
    action = window.findChild(QAction, "historyLocalEntryAction")
    assert action is not None and not action.isEnabled()  # no local entry open
    window.open_entry(entry.key)
    assert action.isEnabled()
    action.trigger()
    history = local.dialog
    assert isinstance(history, HistoryDialog) and history.list.count() == 2
    assert "version actuelle" in history.list.item(0).text()
    assert history.preview.toPlainText().startswith("Recyclerie du Bugey\nActeur")
    history.list.setCurrentRow(1)
    assert "Résumé : v1" in history.preview.toPlainText()
    history.action_button.click()
    assert closed(history)
    assert window.catalogue.title(entry.key) == "Recyclerie"  # every view asked again
    assert "Recyclerie" in window.detail.browser.toPlainText()
    assert [v.content.summary for v in store.local_history(entry.key)] == ["v1", "v2", "v1"]

    other = store.add_territory("Creuse")
    kept = store.add_local_entry(other, LocalContent("scheme", "Fonds creusois"), catalogue.title)
    asked: list[str] = []
    monkeypatch.setattr(territories_ui, "confirm", lambda _w, _t, q: asked.append(q) or True)
    assert window.notes.territories.delete(other.uuid)  # type: ignore[attr-defined]
    assert "entrée locale ira aussi dans les entrées locales supprimées" in asked[0]
    trash = local.restore()
    assert isinstance(trash, TrashDialog)
    assert [trash.list.item(i).text().split(" — ")[0] for i in range(trash.list.count())] == [
        "Fonds creusois"
    ]
    trash.action_button.click()
    assert store.local_entry(kept.key).deleted_at is None  # type: ignore[union-attr]
    switcher = window.territory_switcher
    assert "Creuse" in [switcher.itemText(i) for i in range(switcher.count())]


def test_local_entries_follow_the_territory(qtbot, app_window: MainWindow, tmp_path: Path) -> None:
    window = app_window
    local = feature(window)
    form = local.new_entry()
    assert isinstance(form, LocalEntryDialog)
    form.title_edit.setText("Épicerie solidaire")
    form._save()
    key = window.history.current
    session = window.notes.session  # type: ignore[attr-defined]
    session.store.save_note(key, session.territory, "Vue au marché")
    notes, orphans, titles, _, _ = window.notes.views.load_my_notes("", "updated")  # type: ignore[attr-defined]
    assert [n.entry_key for n in notes] == [key] and orphans == []  # « Mes notes »
    assert titles[key] == "Épicerie solidaire"
    exported = local.export_list(str(tmp_path / "liste.csv"))
    assert exported is not None and exported.read_bytes().startswith(b"\xef\xbb\xbfnom;")
    assert "Épicerie solidaire" in exported.read_text(encoding="utf-8-sig")
    other = session.store.add_territory("Creuse")
    session.set_territory(other.uuid)
    assert window.catalogue.title(key) is None
    session.set_territory(session.store.territory_by_name(T).uuid)
    assert window.catalogue.title(key) == "Épicerie solidaire"


def test_entries_written_elsewhere_appear_after_everything_changed(
    qtbot, app_window: MainWindow
) -> None:
    """An exchange import or a restored backup ends with « everything changed »: the local
    entries it brought show at once (and nothing reloads when they did not change)."""
    window = app_window
    session = window.notes.session  # type: ignore[attr-defined]
    catalogue = window.catalogue
    assert isinstance(catalogue, TerritoryCatalogue)
    before = catalogue.local
    session.everything_changed()
    assert catalogue.local is before  # unchanged: not rebuilt
    entry = session.store.add_local_entry(
        session.territory,
        LocalContent(kind="scheme", title="Fonds local de l'ESS", subtype="fund"),
        catalogue.title,
    )
    session.everything_changed()
    assert catalogue.title(entry.key) == "Fonds local de l'ESS"
    assert window.trees["tools"].model_.find(entry.key).isValid()
