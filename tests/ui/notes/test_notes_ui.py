"""The notes in the window, driven as a user would: territory, typing with autosave, markers,
history, trash, « Mes notes », search, restart, and the safety messages.

Over 500 lines: one journey per notes feature of the window, sharing the window fixtures.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox
from pytestqt.modeltest import ModelTester

from essdesk import paths
from essdesk.notes import open_notes
from essdesk.notes.exchange import apply_import, export_notes, preview_import
from essdesk.ui.common.roles import KEY_ROLE, NOTE_ROLE, STATUS_ROLE
from essdesk.ui.main_window import MainWindow
from essdesk.ui.notes import feature as feature_module
from essdesk.ui.notes import safekeeping, territories
from essdesk.ui.notes.feature import NotesFeature, attach_notes
from essdesk.ui.notes.note_dialogs import TrashDialog
from essdesk.ui.notes.notes_panel import NotesPanel
from essdesk.ui.territory import dialogs as territory_dialogs

KEY = "scheme:dla"


def feature_of(window: MainWindow) -> NotesFeature:
    assert isinstance(window.notes, NotesFeature)
    return window.notes


def close_dialogs() -> None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox) or widget.objectName().endswith("Dialog"):
            widget.close()


@pytest.fixture
def with_territory() -> Iterator[str]:
    """A « Creuse » profile (ZRR, montagne) made through the notes layer, as the CLI would."""
    store, _ = open_notes()
    creuse = store.add_territory("Creuse", ["ZRR", "montagne"], initials="AB")
    store.add_territory("Haut-Jura", ["montagne"])
    store.close()
    yield creuse.uuid


@pytest.fixture
def notes_window(make_window, with_territory: str, qtbot) -> Iterator[MainWindow]:
    window = make_window()
    attach_notes(window)
    yield window
    close_dialogs()


def type_note(qtbot, panel: NotesPanel, text: str) -> None:
    panel.start_editing()
    qtbot.keyClicks(panel.editor, text)


def wait_saved(qtbot, panel: NotesPanel, timeout: int = 4000) -> None:
    qtbot.waitUntil(lambda: panel.state_label.text().startswith("Enregistré"), timeout=timeout)


# ------------------------------------------------------------------ first start, territories


def test_first_start_offers_a_territory_without_a_modal(qtbot, make_window) -> None:
    window = make_window()
    with qtbot.waitSignal(window.notes_attached) as attached:
        attach_notes(window)
    assert attached.args == [""]  # the notes file is open
    panel = window.notes_panel
    assert isinstance(panel, NotesPanel)
    assert panel.pages.currentIndex() == 0
    assert "créez d’abord le profil" in panel.message.text()
    assert panel.message_button.isVisible()
    assert QApplication.activeModalWidget() is None
    qtbot.mouseClick(panel.message_button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(territory_dialogs.TerritoryDialog)
    assert isinstance(dialog, territory_dialogs.TerritoryDialog)
    qtbot.keyClicks(dialog.name_edit, "Pays de Bitche")
    dialog.type_boxes["territory:zrr"].setChecked(True)
    dialog.buttons.accepted.emit()
    session = feature_of(window).session
    assert session.territory is not None and session.territory.name == "Pays de Bitche"
    assert session.territory.types == ("territory:zrr",)
    assert window.territory_switcher.currentText() == "Pays de Bitche"
    assert window.territory_switcher.isEnabled()
    window.open_entry(KEY)
    assert panel.pages.currentIndex() == 1
    assert panel.heading.text() == "Notes — Pays de Bitche"


def test_a_taken_name_keeps_the_dialog_open_with_the_reason(qtbot, notes_window) -> None:
    dialog = feature_of(notes_window).territories.new()
    assert dialog is not None
    qtbot.keyClicks(dialog.name_edit, "Creuse")
    dialog.buttons.accepted.emit()
    assert dialog.isVisible()
    assert "déjà" in dialog.error_label.text()


def test_write_a_note_autosaves_and_survives_entry_territory_and_restart(
    qtbot, notes_window, with_territory: str
) -> None:
    window = notes_window
    panel = window.notes_panel
    assert isinstance(panel, NotesPanel)
    window.open_entry(KEY)
    type_note(qtbot, panel, "Contacter la **DLA** lundi")
    assert panel.state_label.text() == "Enregistrement…"
    wait_saved(qtbot, panel)
    # another entry, then back: the note is read again from the database
    window.open_entry("lever:3")
    assert panel.editor.toPlainText() == ""
    window.open_entry(KEY)
    assert panel.editor.toPlainText() == "Contacter la **DLA** lundi"
    assert 'font-weight:700;">DLA</span>' in panel.viewer.toHtml()
    # another territory: its own (empty) note; typing there does not touch Creuse's
    switcher = window.territory_switcher
    switcher.setCurrentIndex(switcher.findText("Haut-Jura"))
    switcher.activated.emit(switcher.currentIndex())
    assert panel.heading.text() == "Notes — Haut-Jura"
    assert panel.editor.toPlainText() == ""
    type_note(qtbot, panel, "Jura")
    # switching territory saves at once (no wait for the timer)
    switcher.setCurrentIndex(switcher.findText("Creuse"))
    switcher.activated.emit(switcher.currentIndex())
    assert panel.editor.toPlainText() == "Contacter la **DLA** lundi"
    type_note(qtbot, panel, " et mardi")
    window.close()  # close saves what was typed
    store, _ = open_notes()
    assert store.get_note(KEY, with_territory).text == "Contacter la **DLA** lundi et mardi"
    jura = store.territory_by_name("Haut-Jura")
    assert store.get_note(KEY, jura).text == "Jura"
    store.close()
    # a new window, built as the app does: the territory and the note are back
    from essdesk.app import build

    _app, again = build([], opener=lambda _url: True)
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: isinstance(again.notes, NotesFeature), timeout=10000)
    assert again.territory_switcher.currentText() == "Creuse"
    again.open_entry(KEY)
    assert again.notes_panel.editor.toPlainText() == "Contacter la **DLA** lundi et mardi"
    again.close()


def test_status_is_saved_at_once_and_marked_in_trees_and_directory(
    qtbot, notes_window, with_territory: str
) -> None:
    window = notes_window
    panel = window.notes_panel
    window.open_entry(KEY)
    tree = window.trees["tools"]
    index = tree.model_.find(KEY)
    assert index.isValid() and index.data(STATUS_ROLE) is None
    panel.status_combo.setCurrentIndex(panel.status_combo.findData("contacte"))
    assert index.data(STATUS_ROLE) == "contacte"
    assert "suivi\u00a0: contacté" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert index.data(Qt.ItemDataRole.DecorationRole) is not None
    panel.contact_edit.setText("Mme Martin")
    panel.contact_edit.editingFinished.emit()
    store, _ = open_notes()
    status = store.status(KEY, with_territory)
    assert status is not None and status.status == "contacte" and status.contact == "Mme Martin"
    store.close()
    # the directory row of the DLA carries the marker; « Suivi : contacté » keeps it alone
    directory = window.directory
    row = directory.model.key_row(KEY)
    assert directory.model.index(row, 0).data(STATUS_ROLE) == "contacte"
    with qtbot.waitSignal(directory.results_shown, timeout=5000):
        choose_followup(directory, "contacte")
    assert directory.model.rowCount() == 1
    assert [c.property("facet") for c in directory.chip_bar.chips()] == ["followup"]
    with qtbot.waitSignal(directory.results_shown, timeout=5000):
        directory.chip_bar.chips()[0].click()
    assert directory.model.rowCount() > 1


def choose_followup(directory, value: str) -> None:
    """Tick a value of the « Suivi » facet menu, as a click in the drop-down does."""
    action = directory.facet_action("followup", value)
    assert action is not None, value
    action.trigger()


def listed_keys(directory) -> list[str]:
    model = directory.model
    return [model.index(r, 0).data(KEY_ROLE) for r in range(model.rowCount())]


def test_suivi_facet_filters_by_status_and_note_with_counts_and_chips(
    qtbot, notes_window, with_territory: str
) -> None:
    """Two entries with a status, one with a note: the « Suivi » drop-down counts them
    among the listed rows, filters (OR within the facet), and its chips remove it."""
    window = notes_window
    panel = window.notes_panel
    directory = window.directory
    button = directory.followup_button
    assert not button.isHidden() and button.text() == "Suivi"
    everything = listed_keys(directory)
    other, noted = next(k for k in everything if k != KEY), everything[-1]
    assert len({KEY, other, noted}) == 3
    window.open_entry(KEY)
    panel.status_combo.setCurrentIndex(panel.status_combo.findData("contacte"))
    window.open_entry(other)
    panel.status_combo.setCurrentIndex(panel.status_combo.findData("en-cours"))
    window.open_entry(noted)
    type_note(qtbot, panel, "À rappeler")
    wait_saved(qtbot, panel)
    button.menu().aboutToShow.emit()  # the menu counts again as it opens
    labels = [a.text() for a in button.menu().actions() if a.data()]
    assert labels == [
        "Avec une note (1)",
        "à explorer (0)",
        "contacté (1)",
        "en cours (1)",
        "mobilisé (0)",
        "écarté (0)",
    ]
    # « contacté »: the DLA alone, a chip, the button says one value is chosen
    with qtbot.waitSignal(directory.results_shown, timeout=5000):
        choose_followup(directory, "contacte")
    assert listed_keys(directory) == [KEY]
    chips = directory.chip_bar.chips()
    assert [(c.property("facet"), c.property("value")) for c in chips] == [("followup", "contacte")]
    assert chips[0].text().startswith("Suivi\u00a0: contacté")
    assert button.text() == "Suivi (1)"
    assert directory.facet_action("followup", "contacte").isChecked()
    # counts stay those of the search and the other facets (the facet's own choice aside)
    assert directory.facet_action("followup", "en-cours").text() == "en cours (1)"
    # removing the chip gives the whole list back
    with qtbot.waitSignal(directory.results_shown, timeout=5000):
        directory.chip_bar.chips()[0].click()
    assert listed_keys(directory) == everything
    assert directory.chip_bar.chips() == [] and button.text() == "Suivi"
    # « Avec une note »: the noted entry alone; with « contacté » too: either (OR)
    with qtbot.waitSignal(directory.results_shown, timeout=5000):
        choose_followup(directory, "note")
    assert listed_keys(directory) == [noted]
    with qtbot.waitSignal(directory.results_shown, timeout=5000):
        choose_followup(directory, "contacte")
    assert set(listed_keys(directory)) == {KEY, noted}
    assert [c.property("value") for c in directory.chip_bar.chips()] == ["note", "contacte"]
    # with a catalogue facet too: the chips share the bar, « Tout effacer » clears them all
    with qtbot.waitSignal(directory.results_shown, timeout=5000):
        directory.apply_filter("kinds", KEY.split(":")[0])
    assert KEY in listed_keys(directory)
    assert len(directory.chip_bar.chips()) == 3
    with qtbot.waitSignal(directory.results_shown, timeout=5000):
        directory.chip_bar.clear_button.click()
    assert listed_keys(directory) == everything
    assert directory.chip_bar.chips() == [] and directory.followup_values() == []


def test_suivi_facet_hidden_without_a_territory(qtbot, make_window) -> None:
    window = make_window()
    attach_notes(window)
    assert feature_of(window).session.territory is None
    assert window.directory.followup_button.isHidden()


def test_note_marker_appears_without_resetting_the_tree(qtbot, notes_window) -> None:
    window = notes_window
    panel = window.notes_panel
    window.show_view("tools")
    tree = window.trees["tools"]
    window.open_entry(KEY)
    index = tree.model_.find(KEY)
    tree.setCurrentIndex(index)
    resets: list[bool] = []
    tree.model_.modelReset.connect(lambda: resets.append(True))
    type_note(qtbot, panel, "Une note")
    wait_saved(qtbot, panel)
    assert index.data(NOTE_ROLE) is True
    assert "a une note" in index.data(Qt.ItemDataRole.AccessibleTextRole)
    assert tree.currentIndex() == index and not resets


def test_history_dialog_restores_an_older_version(qtbot, notes_window, with_territory) -> None:
    """Versions a minute apart (the store's clock moved): the dialog lists and restores."""
    from datetime import UTC, datetime, timedelta

    feature = feature_of(notes_window)
    store = feature.session.store
    now = datetime.now(UTC)
    store._clock = lambda: now - timedelta(minutes=5)
    store.save_note(KEY, with_territory, "première version", entry_title="DLA")
    store._clock = lambda: now
    store.save_note(KEY, with_territory, "seconde version", entry_title="DLA")
    panel = notes_window.notes_panel
    notes_window.open_entry(KEY)
    assert panel.editor.toPlainText() == "seconde version"
    dialog = feature.safekeeping.show_history()
    assert dialog is not None and dialog.list.count() == 2
    assert "version actuelle" in dialog.list.item(0).text()
    dialog.list.setCurrentRow(1)
    assert dialog.preview.toPlainText() == "première version"
    dialog.action_button.click()
    assert panel.editor.toPlainText() == "première version"
    assert [v.text for v in store.history(panel.note.uuid)][:2] == [
        "première version",
        "seconde version",
    ]


def test_delete_to_the_trash_and_restore(qtbot, notes_window, with_territory: str) -> None:
    window = notes_window
    panel = window.notes_panel
    window.open_entry(KEY)
    type_note(qtbot, panel, "a garder")
    wait_saved(qtbot, panel)
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert panel.editor.toPlainText() == ""
    assert "corbeille" in panel.state_label.text()
    assert window.trees["tools"].model_.find(KEY).data(NOTE_ROLE) is False
    qtbot.mouseClick(panel.trash_button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(TrashDialog)
    assert dialog is not None and dialog.list.count() == 1
    assert "Creuse" in dialog.list.item(0).text()
    dialog.action_button.click()
    assert panel.editor.toPlainText() == "a garder"
    assert window.trees["tools"].model_.find(KEY).data(NOTE_ROLE) is True


def test_delete_a_territory_asks_and_sends_its_notes_to_the_trash(
    qtbot, notes_window, with_territory: str, monkeypatch
) -> None:
    feature = feature_of(notes_window)
    feature.session.store.save_note(KEY, with_territory, "note de Creuse", entry_title="DLA")
    questions: list[str] = []

    def answer(_parent, _title, text):
        questions.append(text)
        return True

    monkeypatch.setattr(territories, "confirm", answer)
    dialog = feature.territories.manage()
    assert dialog is not None and dialog.list.count() == 2
    assert feature.territories.delete(with_territory)
    assert "corbeille" in questions[0] and "1 note" in questions[0]
    assert dialog.list.count() == 1
    assert notes_window.territory_switcher.currentText() == "Haut-Jura"
    assert [n.text for n in feature.session.store.trash()] == ["note de Creuse"]


# ------------------------------------------------------------------ « Mes notes » and search


def test_my_notes_lists_sorts_searches_and_opens(qtbot, notes_window, with_territory) -> None:
    feature = feature_of(notes_window)
    store = feature.session.store
    store.save_note(KEY, with_territory, "Rendez-vous DLA\nsuite", entry_title="DLA")
    store.save_note("lever:3", with_territory, "Commande publique responsable", entry_title="L3")
    store.set_status("lever:3", with_territory, "mobilise")
    store.save_note("scheme:disparu", with_territory, "une vieille note", entry_title="Ancien")
    feature.session.everything_changed()
    window = notes_window
    window.show_view("mynotes")
    view = window.my_notes
    assert view.model.rowCount() == 2
    titles = {view.model.index(r, 0).data() for r in range(2)}
    assert window.catalogue.title(KEY) in titles
    assert view.orphans_table.isVisible() and view.orphans_model.rowCount() == 1
    assert view.orphans_model.index(0, 0).data() == "Ancien"
    assert "ne contient plus" in view.orphans_hint.text()
    view.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # by status
    assert view.model.index(0, 1).data() == "mobilisé"
    view.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)  # the same column again
    assert view.model.index(1, 1).data() == "mobilisé"
    view.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    with qtbot.waitSignal(view.refreshed, timeout=3000):
        qtbot.keyClicks(view.search_field, "rendez")
    assert view.model.rowCount() == 1
    assert view.count_label.text() == "1 note de Creuse contient «\u202frendez\u202f»"  # no « (s) »
    assert view.model.headerData(3, Qt.Orientation.Horizontal) == "Extrait"
    index = view.model.index(0, 0)
    # one click opens it, as everywhere else in the window
    qtbot.mouseClick(
        view.table.viewport(), Qt.MouseButton.LeftButton, pos=view.table.visualRect(index).center()
    )
    assert window.history.current == KEY
    assert window.notes_panel.editor.toPlainText().startswith("Rendez-vous DLA")


def test_global_search_finds_my_note_and_filters_to_notes(
    qtbot, notes_window, with_territory
) -> None:
    feature = feature_of(notes_window)
    feature.session.store.save_note(KEY, with_territory, "Penser au tiers-lieu", entry_title="D")
    search = notes_window.search
    assert search.notes_only.isVisibleTo(search)
    with qtbot.waitSignal(search.results_shown, timeout=5000):
        qtbot.keyClicks(search.field, "tiers")
    kinds = [search.model.hit(r).kind for r in range(search.model.rowCount())]
    assert kinds[0] == "note" and len(kinds) > 1
    first = search.model.hit(0)
    assert first.subtype_label == "Ma note" and first.title == notes_window.catalogue.title(KEY)
    with qtbot.waitSignal(search.results_shown, timeout=5000):
        search.notes_only.setChecked(True)
    assert [search.model.hit(r).kind for r in range(search.model.rowCount())] == ["note"]
    search.open_first()
    assert notes_window.history.current == KEY


def test_highlight_what_concerns_my_territory(qtbot, notes_window) -> None:
    window = notes_window
    model = window.directory.model
    window.highlight_action.setChecked(True)
    highlighted = [
        model.index(r, 0).data(Qt.ItemDataRole.ToolTipRole) or ""
        for r in range(model.rowCount())
        if model.index(r, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    ]
    assert highlighted and all("concerne votre territoire" in t for t in highlighted)
    window.highlight_action.setChecked(False)
    assert all(
        model.index(r, 0).data(Qt.ItemDataRole.BackgroundRole) is None
        for r in range(model.rowCount())
    )


def test_links_in_a_rendered_note_go_through_the_url_policy(
    qtbot, notes_window, opened, with_territory
) -> None:
    store = feature_of(notes_window).session.store
    store.save_note(
        KEY, with_territory, "[site](https://www.avise.org) <img src=x onerror=alert(1)>", "D"
    )
    notes_window.open_entry(KEY)
    panel = notes_window.notes_panel
    html = panel.viewer.toHtml()
    assert "<img" not in html and "&lt;img" in html
    from PySide6.QtCore import QUrl

    panel.viewer.anchorClicked.emit(QUrl("https://www.avise.org"))
    panel.viewer.anchorClicked.emit(QUrl("file:///etc/passwd"))
    assert opened == ["https://www.avise.org"]
    assert "refusé" in panel.warning.text()


def test_shortcuts_reach_the_editor_and_the_switcher(qtbot, notes_window) -> None:
    window = notes_window
    window.open_entry(KEY)
    window.edit_note_action.trigger()
    assert window.notes_panel.editor.hasFocus() or QApplication.focusWidget() is (
        window.notes_panel.editor
    )
    assert window.territory_action.shortcut().toString() == "Ctrl+T"
    assert window.edit_note_action.shortcut().toString() == "Ctrl+E"


def test_models_pass_the_model_tester(qtbot, notes_window, with_territory) -> None:
    feature = feature_of(notes_window)
    feature.session.store.save_note(KEY, with_territory, "x", entry_title="D")
    feature.session.store.set_status(KEY, with_territory, "en-cours")
    feature.session.everything_changed()
    notes_window.my_notes.refresh()
    tester = ModelTester(None)
    tester.check(notes_window.my_notes.model)
    tester.check(notes_window.trees["tools"].model_)
    tester.check(notes_window.directory.model)


# ------------------------------------------------------------------ safety net


def hold_write_lock(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=0.1, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    return conn


def test_locked_database_keeps_the_text_and_saves_after_release(
    qtbot, notes_window, with_territory: str, monkeypatch
) -> None:
    from essdesk.ui.notes import notes_panel as panel_module

    monkeypatch.setattr(panel_module, "RETRY_MS", 300)
    window = notes_window
    panel = window.notes_panel
    panel._retry.setInterval(300)
    window.open_entry(KEY)
    lock = hold_write_lock(paths.notes_path())
    try:
        type_note(qtbot, panel, "ecrit pendant le verrou")
        qtbot.waitUntil(
            lambda: panel.state_label.text().startswith("Échec de l’enregistrement"),
            timeout=6000,
        )
        assert "occupé" in panel.warning.text()
        assert panel.editor.toPlainText() == "ecrit pendant le verrou"
        # switching entry keeps the text pending; coming back shows it
        window.open_entry("lever:3")
        window.open_entry(KEY)
        assert panel.editor.toPlainText() == "ecrit pendant le verrou"
    finally:
        lock.rollback()
        lock.close()
    wait_saved(qtbot, panel, timeout=8000)
    store, _ = open_notes()
    assert store.get_note(KEY, with_territory).text == "ecrit pendant le verrou"
    store.close()


def hold_exclusive_lock(path: Path) -> sqlite3.Connection:
    """Another program holding the file exclusively: even reads wait (then time out)."""
    conn = sqlite3.connect(path, timeout=0.1, isolation_level=None)
    conn.execute("PRAGMA locking_mode = EXCLUSIVE")
    conn.execute("BEGIN EXCLUSIVE")
    return conn


def test_locked_at_start_is_explained_and_retried(
    qtbot, make_window, with_territory: str, monkeypatch
) -> None:
    monkeypatch.setattr(feature_module, "REOPEN_MS", 200)
    window = make_window()
    lock = hold_exclusive_lock(paths.notes_path())
    try:
        from essdesk.ui.notes.notes_session import NotesSession

        feature = attach_notes(window, lambda: open_notes(busy_timeout=0.2))
        assert isinstance(feature.session, NotesSession)
        panel = window.notes_panel
        assert feature.session.store is None
        assert "occupé" in panel.message.text()
        assert panel.message_button.text() == "Réessayer"
        assert not window.territory_switcher.isEnabled()
        # the catalogue is still usable
        assert window.open_entry(KEY)
    finally:
        lock.rollback()
        lock.close()
    qtbot.waitUntil(lambda: feature.session.store is not None, timeout=5000)
    assert window.territory_switcher.isEnabled()
    assert panel.pages.currentIndex() == 1


def test_newer_schema_is_explained_and_left_untouched(qtbot, make_window) -> None:
    db = paths.notes_path()
    store, _ = open_notes()
    store.close()
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA user_version = 999")
    conn.close()
    before = db.read_bytes()
    window = make_window()
    with qtbot.waitSignal(window.notes_attached) as attached:
        feature = attach_notes(window)
    assert feature.session.store is None
    assert "plus récente" in attached.args[0]  # what the self-check reports
    text = window.notes_panel.message.text()
    assert "plus récente" in text
    assert not window.notes_panel.message_button.isVisible()
    window.close()
    assert db.read_bytes() == before


def test_damaged_notes_file_at_start_shows_the_recovery_message(qtbot, make_window) -> None:
    db = paths.notes_path()
    db.parent.mkdir(parents=True, exist_ok=True)
    db.write_bytes(b"this is not a database" * 100)
    window = make_window()
    feature = attach_notes(window)
    assert feature.session.store is not None
    box = window.findChild(QMessageBox, "recoveryMessage")
    assert box is not None and box.isVisible()
    assert "mis de côté" in box.text() and ".damaged-" in box.text()
    box.close()


def test_check_and_backup_to_from_the_file_menu(
    qtbot, notes_window, tmp_path: Path, monkeypatch
) -> None:
    feature = feature_of(notes_window)
    names = [a.objectName() for a in notes_window.file_menu.actions() if a.objectName()]
    for wanted in (
        "exportNotesAction",
        "importNotesAction",
        "briefingAction",
        "backupToAction",
        "restoreBackupAction",
        "checkAction",
        "conflictsAction",
    ):
        assert wanted in names
    assert "intact" in feature.safekeeping.check()
    target = tmp_path / "copie.sqlite3"
    monkeypatch.setattr(safekeeping, "ask_save_path", lambda *_a: str(target))
    assert feature.safekeeping.backup_to() == target and target.is_file()


def test_restore_a_backup_from_the_list(
    qtbot, notes_window, with_territory: str, monkeypatch
) -> None:
    feature = feature_of(notes_window)
    store = feature.session.store
    store.save_note(KEY, with_territory, "avant", entry_title="D")
    store.make_backup("manuelle")
    store.save_note(KEY, with_territory, "après", entry_title="D")
    monkeypatch.setattr(safekeeping, "confirm", lambda *_a: True)
    dialog = feature.safekeeping.restore_backup()
    assert dialog is not None and dialog.list.count() >= 1
    dialog.list.setCurrentRow(0)
    dialog.action_button.click()
    notes_window.open_entry(KEY)
    assert notes_window.notes_panel.editor.toPlainText() == "avant"


def test_another_window_wrote_meanwhile_both_texts_are_kept(
    qtbot, notes_window, with_territory: str
) -> None:
    window = notes_window
    panel = window.notes_panel
    feature_of(window).session.store.save_note(KEY, with_territory, "base", entry_title="D")
    window.open_entry(KEY)
    other, _ = open_notes()
    other.save_note(KEY, with_territory, "base + ajout de l'autre fenêtre", entry_title="D")
    other.close()
    type_note(qtbot, panel, " + mon ajout")
    panel.save_now()
    text = panel.editor.toPlainText()
    assert "base + ajout de l'autre fenêtre" in text and "base + mon ajout" in text
    assert "deux versions" in panel.warning.text()
    store, _ = open_notes()
    assert store.get_note(KEY, with_territory).text == text
    store.close()


def test_an_imported_note_says_who_wrote_it_until_edited_here(
    qtbot, make_window, with_territory: str, tmp_path: Path
) -> None:
    colleague, _ = open_notes(tmp_path / "colleague.sqlite3", backups_dir=tmp_path / "b")
    with colleague:
        colleague.set_author_initials("XY")  # the colleague at her laptop
        theirs = colleague.add_territory("Creuse", initials="XY")
        colleague.save_note("scheme:dla", theirs, "Vu la chargée de mission DLA.")
        path = export_notes(colleague, tmp_path / "xy.essnotes").path
    store, _ = open_notes()
    with store:
        apply_import(store, preview_import(store, path, mapping={theirs.uuid: with_territory}))
    window = make_window()
    attach_notes(window)
    window.open_entry("scheme:dla")
    panel = window.notes_panel
    assert isinstance(panel, NotesPanel)
    assert panel.state_label.text().endswith("· par XY")
    type_note(qtbot, panel, " OK")
    panel.save_now()
    qtbot.waitUntil(lambda: panel.state_label.text().startswith("Enregistré"))
    window.open_entry("scheme:crte")
    window.open_entry("scheme:dla")  # read again from the notes file
    assert panel.editor.toPlainText().endswith(" OK")
    assert "par XY" not in panel.state_label.text()  # written here now


def test_the_person_gives_her_initials_once_and_they_sign_her_notes(
    qtbot, notes_window, with_territory: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 12: the initials belong to the person at this laptop, asked once in the window
    on the first note typed (without taking the focus from the note), changed in the menu."""
    window = notes_window
    panel = window.notes_panel
    assert isinstance(panel, NotesPanel)
    window.open_entry(KEY)
    assert not panel.author_bar.isVisible()
    type_note(qtbot, panel, "Premier")
    assert panel.author_bar.isVisible()
    assert panel.editor.hasFocus()  # typing goes on into the note
    qtbot.keyClicks(panel.editor, " jet")
    assert panel.editor.toPlainText() == "Premier jet"
    qtbot.keyClicks(panel.author_bar.edit, "EF")
    qtbot.mouseClick(panel.author_bar.save_button, Qt.MouseButton.LeftButton)
    assert not panel.author_bar.isVisible()
    store = feature_of(window).session.store
    assert store is not None and store.author_initials() == "EF"
    type_note(qtbot, panel, " et suite")
    panel.save_now()
    note = store.get_note(KEY, with_territory)
    assert note is not None and note.author == "EF"
    window.open_entry("lever:3")
    type_note(qtbot, panel, "Autre")
    assert not panel.author_bar.isVisible()  # asked once
    # Fichier › « Mes initiales… » changes them
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("MB", True))
    window.findChild(QAction, "authorAction").trigger()
    assert store.author_initials() == "MB"


def test_the_notes_panel_scrolls_rather_than_squeeze_its_fields(qtbot, notes_window) -> None:
    """At 200 % on a 1366×768 laptop the window has 683×384 points: the follow-up fields kept
    less than their height (« in progress » cut in half) and the conflict banner's text three
    words. The panel scrolls instead; each field keeps its height."""
    window = notes_window
    panel = window.notes_panel
    window.open_entry(KEY)
    panel.conflict_banner.setVisible(True)  # as when a version is in conflict
    window.resize(683, 384)
    qtbot.waitUntil(lambda: window.height() <= 400)
    QApplication.processEvents()
    for field in (panel.status_combo, panel.date_edit, panel.contact_edit, panel.edit_button):
        assert field.height() >= field.minimumSizeHint().height(), field.objectName()
    banner = panel.conflict_banner
    assert banner.height() >= banner.heightForWidth(banner.width()) > 0
