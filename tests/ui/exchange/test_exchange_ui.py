"""Exchange files through the dialogs: two laptops (two real notes databases in the test's
folder), export with the real exchange module or the export dialog, import through the
preview dialog, settle conflicts in the conflict view.

Modal loops are never entered: ``exec`` of the dialogs is replaced by a script that shows
the dialog and drives it as a user would (clicks, keys), and ``QMessageBox.exec`` records
the message instead of waiting for a click.

Over 500 lines: the export dialog, the import preview and the conflict view, driven end to
end, share the two-laptop fixtures and the dialog drivers above.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget
from testkit import Clock, flat, sql_dump

from essdesk.catalogue.store import Catalogue
from essdesk.french import typography as french_typography
from essdesk.notes import NotesStore, Territory, open_notes
from essdesk.notes.exchange import (
    ExchangeError,
    default_filename,
    export_notes,
    preview_import,
    read_exchange_file,
)
from essdesk.notes.store import BOTH_SEPARATOR
from essdesk.ui.exchange import import_dialog
from essdesk.ui.exchange.export_dialog import ExportDialog, default_export_name, export_notes_dialog
from essdesk.ui.exchange.import_dialog import ImportPreviewDialog, import_notes_dialog
from essdesk.ui.notes.conflicts_dialog import (
    COMPARE,
    EMPTY,
    MERGE,
    ConflictsDialog,
    open_conflicts_dialog,
)
from essdesk.ui.notes.feature import attach_notes

LEFT = Qt.MouseButton.LeftButton
KEYS = ("scheme:dla", "scheme:crte", "actor:france-active", "lever:3")


@dataclass
class Laptops:
    a: NotesStore
    b: NotesStore
    clock: Clock
    folder: Path


@pytest.fixture
def laptops(ui_home: Path, tmp_path: Path) -> Iterator[Laptops]:
    """Laptop A in the test's ESSDESK_HOME (as the app opens it), laptop B in a second
    user folder."""
    clock = Clock()  # shared by both laptops: "newer" is well defined
    a, report_a = open_notes(clock=clock)
    b, report_b = open_notes(
        tmp_path / "laptop-b" / "notes.sqlite3",
        backups_dir=tmp_path / "laptop-b" / "backups",
        clock=clock,
    )
    assert report_a is None and report_b is None
    assert str(a.path).startswith(str(ui_home))
    try:
        yield Laptops(a, b, clock, tmp_path)
    finally:
        a.close()
        b.close()


def dump(store: NotesStore) -> list[str]:
    return sql_dump(store.path)


def texts(store: NotesStore) -> dict[tuple[str, str, str | None], str]:
    return {(n.entry_key, n.territory_name, n.conflict_of): n.text for n in store.all_notes()}


def populate(a: NotesStore, clock: Clock) -> tuple[Territory, Territory]:
    a.set_author_initials("AB")
    creuse = a.add_territory("Creuse", ["ZRR"], initials="AB")
    correze = a.add_territory("Corrèze", ["rural"], initials="CD")
    a.save_note("scheme:dla", creuse, "Premier contact DLA.", entry_title="DLA")
    a.save_note("scheme:crte", creuse, "CRTE signé ; avenant ESS ?", entry_title="CRTE")
    a.save_note("actor:france-active", creuse, "Prêt de relève.", entry_title="France Active")
    a.save_note("scheme:retire", creuse, "Fiche disparue du catalogue.", entry_title="Vieux")
    a.save_note("scheme:dla", correze, "Rien encore.", entry_title="DLA")
    a.set_status("scheme:dla", creuse, "contacte", "2024-05-01", "Mme Martin")
    clock.advance(minutes=5)
    return creuse, correze


@dataclass
class Shown:
    icon: QMessageBox.Icon
    title: str
    text: str
    plain: bool


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[Shown]:
    """Message boxes, recorded instead of shown (their modal loop would block)."""
    shown: list[Shown] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append(
            Shown(
                box.icon(),
                box.windowTitle(),
                flat(box.text()),
                box.textFormat() == Qt.TextFormat.PlainText,
            )
        )
        return QMessageBox.StandardButton.Ok.value

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return shown


@pytest.fixture
def parent(qtbot) -> QWidget:
    widget = QWidget()
    widget.setWindowTitle("essdesk")
    qtbot.addWidget(widget)
    with qtbot.waitExposed(widget):
        widget.show()
    return widget


@pytest.fixture
def open_file(monkeypatch: pytest.MonkeyPatch):
    """``open_file(path)``: the file chooser of the import answers ``path``."""
    asked: list[tuple[str, str]] = []

    def answer(path: Path | None) -> list[tuple[str, str]]:
        def fake(parent, caption, folder, filters, *args):
            asked.append((caption, filters))
            return (str(path) if path else "", "")

        monkeypatch.setattr(QFileDialog, "getOpenFileName", fake)
        return asked

    return answer


@pytest.fixture
def save_file(monkeypatch: pytest.MonkeyPatch):
    """``save_file(path)``: the file chooser of the export answers ``path`` (None: cancel);
    the names it proposed are recorded."""
    proposed: list[str] = []

    def answer(path: Path | None) -> list[str]:
        def fake(parent, caption, suggested, filters, *args):
            proposed.append(suggested)
            return (str(path) if path else "", "")

        monkeypatch.setattr(QFileDialog, "getSaveFileName", fake)
        return proposed

    return answer


# -- export -----------------------------------------------------------------------------------


def test_default_export_names() -> None:
    day = date(2026, 11, 26)
    creuse = Territory("u", "Haute-Vienne d’Ici", (), "", "", "", datetime.now(UTC))
    assert default_export_name(creuse, "territory", day) == (
        "notes-haute-vienne-d-ici-2026-11-26.essnotes"
    )
    assert default_export_name(creuse, "all", day) == "notes-tous-territoires-2026-11-26.essnotes"
    assert default_export_name(creuse, "selection", day) == (
        "notes-haute-vienne-d-ici-selection-2026-11-26.essnotes"
    )
    assert default_export_name(None, "territory", day).startswith("notes-tous-territoires-")
    assert default_export_name(creuse, "territory", day) == default_filename(creuse.name, day)


def test_export_dialog_writes_a_territory_all_or_a_selection(
    qtbot, laptops: Laptops, parent: QWidget, messages: list[Shown], drive, save_file
) -> None:
    creuse, _ = populate(laptops.a, laptops.clock)
    target = laptops.folder / "usb" / "creuse"  # typed without the suffix
    target.parent.mkdir()
    proposed = save_file(target)

    def territory_scope(dialog: ExportDialog) -> None:
        assert dialog.territory_radio.isChecked()
        assert flat(dialog.territory_radio.text()) == "Le territoire « Creuse » (4 notes)"
        assert flat(dialog.all_radio.text()).endswith("(5 notes)")
        assert flat(dialog.selection_radio.text()).endswith("(2 notes)")
        assert dialog.export_button.isDefault()
        qtbot.mouseClick(dialog.export_button, LEFT)

    drive(ExportDialog, territory_scope)
    written = export_notes_dialog(
        parent, laptops.a, "2024.1", creuse, selected_keys=["scheme:dla", "lever:3", "scheme:crte"]
    )
    assert written == target.with_name("creuse.essnotes")
    assert Path(proposed[0]).name == f"notes-creuse-{date.today().isoformat()}.essnotes"
    file = read_exchange_file(written)
    assert [t.name for t in file.territories] == ["Creuse"]
    assert len(file.notes) == 4 and len(file.statuses) == 1
    assert file.catalogue_version == "2024.1"
    (confirm,) = messages
    assert confirm.icon == QMessageBox.Icon.Information and confirm.plain
    assert "4 notes et 1 suivi exportés (Creuse)" in confirm.text
    assert str(written) in confirm.text

    # Everything, chosen with the keyboard.
    everything = laptops.folder / "usb" / "tout.essnotes"
    save_file(everything)

    def all_scope(dialog: ExportDialog) -> None:
        dialog.all_radio.setFocus()
        qtbot.keyClick(dialog.all_radio, Qt.Key.Key_Space)
        assert dialog.scope() == "all"
        qtbot.keyClick(dialog.all_radio, Qt.Key.Key_Return)  # the default button

    drive(ExportDialog, all_scope)
    assert export_notes_dialog(parent, laptops.a, "2024.1", creuse) == everything
    assert {t.name for t in read_exchange_file(everything).territories} == {"Creuse", "Corrèze"}
    assert len(read_exchange_file(everything).notes) == 5

    # The selected entries of the current territory.
    chosen = laptops.folder / "usb" / "choix.essnotes"
    save_file(chosen)

    def selection_scope(dialog: ExportDialog) -> None:
        qtbot.mouseClick(dialog.selection_radio, LEFT)
        qtbot.mouseClick(dialog.export_button, LEFT)

    drive(ExportDialog, selection_scope)
    assert (
        export_notes_dialog(parent, laptops.a, "", creuse, ["scheme:dla", "scheme:crte"]) == chosen
    )
    assert {n.entry_key for n in read_exchange_file(chosen).notes} == {"scheme:dla", "scheme:crte"}
    assert len(messages) == 3


def test_export_cancelled_or_failing_writes_nothing(
    qtbot, laptops: Laptops, parent: QWidget, messages: list[Shown], drive, save_file
) -> None:
    creuse, _ = populate(laptops.a, laptops.clock)
    save_file(None)  # the file chooser is cancelled: the dialog stays, then Esc

    def cancel(dialog: ExportDialog) -> None:
        qtbot.mouseClick(dialog.export_button, LEFT)
        assert dialog.isVisible() and dialog.summary is None
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        assert dialog.result() == QDialog.DialogCode.Rejected

    drive(ExportDialog, cancel)
    assert export_notes_dialog(parent, laptops.a, "", creuse) is None
    assert messages == []

    save_file(laptops.folder / "no-such-folder" / "x.essnotes")

    def fails(dialog: ExportDialog) -> None:
        qtbot.mouseClick(dialog.export_button, LEFT)
        assert dialog.isVisible()  # the reason is shown, the user may choose elsewhere
        dialog.reject()

    drive(ExportDialog, fails)
    assert export_notes_dialog(parent, laptops.a, "", creuse) is None
    (warning,) = messages
    assert warning.icon == QMessageBox.Icon.Warning and warning.plain
    assert warning.text.startswith("Impossible d'écrire le fichier")
    assert not (laptops.folder / "no-such-folder").exists()


def test_export_without_a_territory_offers_everything(
    qtbot, laptops: Laptops, parent: QWidget
) -> None:
    populate(laptops.a, laptops.clock)
    dialog = ExportDialog(laptops.a, "", None, (), parent)
    qtbot.addWidget(dialog)
    assert not dialog.territory_radio.isEnabled() and not dialog.selection_radio.isVisible()
    assert dialog.all_radio.isChecked() and dialog.scope() == "all"
    assert dialog.all_radio.accessibleName() == "Exporter toutes les notes"


# -- import: preview, import, re-import -------------------------------------------------------


def shown_counts(dialog: ImportPreviewDialog) -> dict[str, int]:
    return {key: int(label.text()) for key, label in dialog.count_labels.items()}


def domain_counts(preview) -> dict[str, int]:
    c = preview.counts
    return {
        "new": c.new,
        "identical": c.identical,
        "updated": c.updated,
        "conflicting": c.conflicting,
        "orphaned": c.orphaned,
    }


def rows(dialog: ImportPreviewDialog) -> list[tuple[str, str, str]]:
    tree = dialog.entries
    return [
        (tree.topLevelItem(i).text(0), tree.topLevelItem(i).text(1), tree.topLevelItem(i).text(2))
        for i in range(tree.topLevelItemCount())
    ]


def test_import_shows_the_domain_preview_then_creates_the_notes(
    qtbot,
    laptops: Laptops,
    catalogue: Catalogue,
    parent: QWidget,
    messages: list[Shown],
    drive,
    open_file,
) -> None:
    a, b = laptops.a, laptops.b
    populate(a, laptops.clock)
    path = export_notes(a, laptops.folder / "a.essnotes", catalogue_version="2024.1").path
    expected = preview_import(b, path, catalogue.keys())
    asked = open_file(path)
    before = dump(b)

    def check_then_import(dialog: ImportPreviewDialog) -> None:
        assert dump(b) == before  # the preview wrote nothing
        assert shown_counts(dialog) == domain_counts(expected)
        assert shown_counts(dialog) == {
            "new": 5,
            "identical": 0,
            "updated": 0,
            "conflicting": 0,
            "orphaned": 1,
        }
        assert flat(dialog.statuses_label.text()) == "1 nouveau, 0 mis à jour, 0 inchangé"
        assert "a.essnotes" in dialog.origin.text() and "catalogue 2024.1" in dialog.origin.text()
        # per territory: unknown here, so « Créer le territoire » is proposed first
        assert set(dialog.territory_combos) == {t.incoming.uuid for t in expected.territories}
        for plan in expected.territories:
            combo = dialog.territory_combos[plan.incoming.uuid]
            assert flat(combo.currentText()) == f"Créer le territoire « {plan.incoming.name} »"
            assert combo.accessibleName().startswith("Destination des notes de")
        counts = {u: flat(label.text()) for u, label in dialog.territory_counts.items()}
        assert sorted(counts.values()) == ["1 nouvelle", "4 nouvelles"]
        # the short per-entry list: one row per note, orphans marked
        assert len(rows(dialog)) == len(expected.notes) == 5
        assert ("Vieux", "Creuse", "nouvelle, orpheline") in rows(dialog)
        assert ("DLA", "Corrèze", "nouvelle") in rows(dialog)
        assert "orpheline" in dialog.explain.text()
        assert dialog.import_button.isEnabled() and dialog.import_button.isDefault()
        with qtbot.waitSignal(dialog.imported):
            qtbot.mouseClick(dialog.import_button, LEFT)

    seen = drive(ImportPreviewDialog, check_then_import)
    assert import_notes_dialog(parent, b, catalogue.keys()) is True
    assert seen == ["ImportPreviewDialog"]
    assert asked and "Notes essdesk (*.essnotes)" in asked[0][1]
    assert texts(b) == texts(a)
    assert [t.name for t in b.territories()] == ["Corrèze", "Creuse"]
    assert [x.reason for x in b.list_backups()] == ["avant-import"]
    (report,) = messages
    assert report.icon == QMessageBox.Icon.Information and report.plain
    assert report.text.startswith("Import terminé.\nNotes : 5 nouvelles.")
    assert "1 note concerne une fiche inconnue" in report.text
    assert b.list_backups()[0].path.name in report.text

    # The same file again: nothing new, « Importer » disabled, Enter cancels.
    before = dump(b)

    def nothing_new(dialog: ImportPreviewDialog) -> None:
        assert flat(dialog.headline.text()) == "Rien de nouveau : ce fichier a déjà été importé."
        assert shown_counts(dialog)["identical"] == 5
        assert shown_counts(dialog)["new"] == shown_counts(dialog)["conflicting"] == 0
        assert not dialog.import_button.isEnabled()
        assert dialog.cancel_button.isDefault()
        dialog.apply()  # a no-op even if reached
        assert dialog.import_result is None
        qtbot.keyClick(dialog.entries, Qt.Key.Key_Return)
        assert dialog.result() == QDialog.DialogCode.Rejected

    drive(ImportPreviewDialog, nothing_new)
    assert import_notes_dialog(parent, b, catalogue.keys(), path) is False
    assert dump(b) == before
    assert len(messages) == 1 and len(b.list_backups()) == 1


def test_cancel_in_the_preview_changes_nothing(
    qtbot, laptops: Laptops, parent: QWidget, messages: list[Shown], drive, open_file
) -> None:
    populate(laptops.a, laptops.clock)
    path = export_notes(laptops.a, laptops.folder / "a.essnotes").path
    before = dump(laptops.b)

    def escape(dialog: ImportPreviewDialog) -> None:
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    drive(ImportPreviewDialog, escape)
    assert import_notes_dialog(parent, laptops.b, KEYS, path) is False
    open_file(None)  # the file chooser cancelled: no preview at all
    assert import_notes_dialog(parent, laptops.b, KEYS) is False
    assert dump(laptops.b) == before and messages == []


def test_a_bad_file_shows_the_domain_message_and_changes_nothing(
    qtbot, laptops: Laptops, parent: QWidget, messages: list[Shown], drive, open_file
) -> None:
    b = laptops.b
    b.add_territory("Creuse")
    b.save_note("scheme:dla", b.territory_by_name("Creuse"), "Ma note.")
    bad = laptops.folder / "pas-un-zip.essnotes"
    bad.write_bytes(b"ceci n'est pas une archive")
    with pytest.raises(ExchangeError) as refused:
        read_exchange_file(bad)
    opened = drive(ImportPreviewDialog, lambda d: pytest.fail("no preview for a bad file"))
    open_file(bad)
    before = dump(b)
    assert import_notes_dialog(parent, b, KEYS) is False
    (warning,) = messages
    assert warning.icon == QMessageBox.Icon.Warning
    assert warning.text == flat(french_typography(refused.value.message))
    assert "n'est pas un fichier de notes essdesk" in warning.text
    assert opened == []
    assert dump(b) == before and b.list_backups() == []

    # A message quoting the file's name is shown as text, never as HTML.
    tricky = laptops.folder / "<b>gras</b>.essnotes"
    assert import_notes_dialog(parent, b, KEYS, tricky) is False
    assert "<b>gras</b>" in messages[-1].text and messages[-1].plain
    assert dump(b) == before


def test_a_failure_while_applying_keeps_the_dialog_and_the_database(
    qtbot,
    laptops: Laptops,
    parent: QWidget,
    messages: list[Shown],
    drive,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    populate(laptops.a, laptops.clock)
    path = export_notes(laptops.a, laptops.folder / "a.essnotes").path
    before = dump(laptops.b)

    def refuse(store, preview):
        raise ExchangeError("L'import n'a pas pu être appliqué ; rien n'a été modifié.", "test")

    monkeypatch.setattr(import_dialog, "apply_import", refuse)

    def try_import(dialog: ImportPreviewDialog) -> None:
        qtbot.mouseClick(dialog.import_button, LEFT)
        assert dialog.isVisible() and dialog.import_result is None
        dialog.reject()

    drive(ImportPreviewDialog, try_import)
    assert import_notes_dialog(parent, laptops.b, KEYS, path) is False
    (warning,) = messages
    assert warning.icon == QMessageBox.Icon.Warning
    assert warning.text == "L'import n'a pas pu être appliqué ; rien n'a été modifié."
    assert dump(laptops.b) == before


# -- territory mapping ------------------------------------------------------------------------


def test_territory_mapped_to_a_local_one(
    qtbot, laptops: Laptops, parent: QWidget, messages: list[Shown], drive
) -> None:
    a, b = laptops.a, laptops.b
    creuse, _ = populate(a, laptops.clock)
    haute_vienne = b.add_territory("Haute-Vienne")
    path = export_notes(a, laptops.folder / "a.essnotes", [creuse]).path

    def map_creuse(dialog: ImportPreviewDialog) -> None:
        combo = dialog.territory_combos[creuse.uuid]
        assert [flat(combo.itemText(i)) for i in range(combo.count())] == [
            "Créer le territoire « Creuse »",
            "Rattacher à « Haute-Vienne »",
        ]
        combo.setFocus()
        qtbot.keyClick(combo, Qt.Key.Key_Down)  # the keyboard way through the choices
        assert combo.currentData() == haute_vienne.uuid
        assert dialog.mapping() == {creuse.uuid: haute_vienne.uuid}
        preview = dialog.preview()
        assert preview.territory_plan(creuse.uuid).action == "map"
        assert shown_counts(dialog) == domain_counts(
            preview_import(b, path, KEYS, {creuse.uuid: haute_vienne.uuid})
        )
        assert {r[1] for r in rows(dialog)} == {"Haute-Vienne"}
        qtbot.mouseClick(dialog.import_button, LEFT)

    drive(ImportPreviewDialog, map_creuse)
    assert import_notes_dialog(parent, b, KEYS, path) is True
    assert [t.name for t in b.territories()] == ["Haute-Vienne"]  # no Creuse created
    assert {n.entry_key for n in b.notes_for_territory(haute_vienne)} == {
        "scheme:dla",
        "scheme:crte",
        "actor:france-active",
        "scheme:retire",
    }
    assert b.status("scheme:dla", haute_vienne) is not None


def test_same_name_is_proposed_and_a_separate_profile_can_be_chosen(
    qtbot, laptops: Laptops, parent: QWidget, messages: list[Shown], drive
) -> None:
    a, b = laptops.a, laptops.b
    creuse, _ = populate(a, laptops.clock)
    local = b.add_territory("creuse")  # same territory, made separately: another uuid
    path = export_notes(a, laptops.folder / "a.essnotes", [creuse]).path

    def keep_apart(dialog: ImportPreviewDialog) -> None:
        combo = dialog.territory_combos[creuse.uuid]
        assert flat(combo.currentText()) == "Rattacher à « creuse » (même nom)"
        assert flat(combo.itemText(1)) == "Créer un autre territoire « Creuse »"
        assert combo.count() == 2  # « creuse » is not offered twice
        combo.setCurrentIndex(1)
        assert dialog.mapping() == {creuse.uuid: None}
        assert dialog.preview().territory_plan(creuse.uuid).action == "create"
        assert {r[1] for r in rows(dialog)} == {"Creuse (importé)"}
        combo.setCurrentIndex(0)  # and back to the proposal
        assert dialog.mapping() == {}
        assert {r[1] for r in rows(dialog)} == {"creuse"}
        combo.setCurrentIndex(1)
        qtbot.mouseClick(dialog.import_button, LEFT)

    drive(ImportPreviewDialog, keep_apart)
    assert import_notes_dialog(parent, b, KEYS, path) is True
    assert [t.name for t in b.territories()] == ["creuse", "Creuse (importé)"]
    assert b.notes_for_territory(local) == []


# -- conflicts --------------------------------------------------------------------------------

MINE = {
    "scheme:dla": "B : dossier déposé le 3.",
    "scheme:crte": "B : avenant <b>signé</b> & envoyé.",
    "actor:france-active": "B : rendez-vous le 9.",
    "lever:3": "B : clause sociale ajoutée.",
}
THEIRS = {
    "scheme:dla": "A : RDV déplacé au 14.",
    "scheme:crte": "A : <img src=x onerror=alert(1)> à relire.",
    "actor:france-active": "A : prêt accordé.",
    "lever:3": "A : marché attribué.",
}


@pytest.fixture
def conflicts(
    qtbot, laptops: Laptops, parent: QWidget, messages: list[Shown], drive, catalogue: Catalogue
) -> Territory:
    """Four notes edited on both laptops after a first exchange, then A's file imported into
    B through the dialog: four conflict pairs on B."""
    a, b, clock = laptops.a, laptops.b, laptops.clock
    a.set_author_initials("AB")  # the person at laptop A signs its notes
    creuse = a.add_territory("Creuse", initials="AB")
    for key in KEYS:
        a.save_note(key, creuse, f"Départ {key}", entry_title=catalogue.title(key))
    b_path = export_notes(a, laptops.folder / "a0.essnotes").path
    drive(ImportPreviewDialog, lambda d: qtbot.mouseClick(d.import_button, LEFT))
    assert import_notes_dialog(parent, b, catalogue.keys(), b_path) is True
    clock.advance(minutes=10)
    for key in KEYS:
        a.save_note(key, creuse, THEIRS[key])
    clock.advance(minutes=10)
    for key in KEYS:
        b.save_note(key, creuse.uuid, MINE[key])
    clock.advance(minutes=10)
    path = export_notes(a, laptops.folder / "a1.essnotes").path

    def four_conflicts(dialog: ImportPreviewDialog) -> None:
        assert shown_counts(dialog)["conflicting"] == 4
        assert {r[2] for r in rows(dialog)} == {"en conflit"}
        assert "les deux versions sont gardées" in dialog.explain.text()
        qtbot.mouseClick(dialog.import_button, LEFT)

    drive(ImportPreviewDialog, four_conflicts)
    assert import_notes_dialog(parent, b, catalogue.keys(), path) is True
    assert "ouvrez les conflits du territoire" in messages[-1].text
    return b.territory(creuse.uuid)


def select(dialog: ConflictsDialog, key: str) -> None:
    for row, copy in enumerate(dialog.copies()):
        if copy.entry_key == key:
            dialog.conflict_list.setCurrentRow(row)
            return
    raise AssertionError(f"{key} not listed")


def test_conflict_view_lists_both_versions_and_each_action_does_what_it_says(
    qtbot, laptops: Laptops, parent: QWidget, conflicts: Territory, catalogue: Catalogue
) -> None:
    b = laptops.b
    # A child of ``parent`` (registered) that deletes itself when closed: not registered.
    dialog = open_conflicts_dialog(parent, b, conflicts, catalogue.title)
    assert dialog.isVisible()
    assert dialog.isModal() or dialog.windowModality() != Qt.WindowModality.NonModal
    assert flat(dialog.windowTitle()) == "Conflits — Creuse"
    assert sorted(c.entry_key for c in dialog.copies()) == sorted(KEYS)
    listed = [dialog.conflict_list.item(i).text() for i in range(dialog.conflict_list.count())]
    assert sorted(listed) == sorted(catalogue.title(k) for k in KEYS)
    assert dialog.conflict_list.accessibleName() == "Notes en conflit"

    # Both texts, side by side, read-only, as plain text (the HTML is shown, not run).
    select(dialog, "scheme:crte")
    assert dialog.entry_title.text() == catalogue.title("scheme:crte")
    assert dialog.mine_edit.toPlainText() == MINE["scheme:crte"]
    assert dialog.theirs_edit.toPlainText() == THEIRS["scheme:crte"]
    assert dialog.mine_edit.isReadOnly() and dialog.theirs_edit.isReadOnly()
    assert dialog.mine_header.text() == "Ma version"
    assert dialog.mine_when.text().startswith("modifiée le ")
    assert dialog.theirs_when.text().startswith("modifiée le ")
    assert dialog.theirs_when.text().endswith(", par AB")  # who wrote the imported text
    # nothing is lost before the user chooses
    for key in KEYS:
        assert b.get_note(key, conflicts).text == MINE[key]  # type: ignore[union-attr]
        assert [c.text for c in b.conflicts(key, conflicts)] == [THEIRS[key]]

    def resolve(button, key: str) -> str:
        select(dialog, key)
        with qtbot.waitSignal(dialog.conflict_resolved) as signal:
            qtbot.mouseClick(button, LEFT)
        assert b.conflicts(key, conflicts) == []
        note = b.get_note(key, conflicts)
        assert note is not None and signal.args == [note.uuid]
        assert key not in {c.entry_key for c in dialog.copies()}
        return note.text

    assert resolve(dialog.keep_mine_button, "scheme:dla") == MINE["scheme:dla"]
    assert THEIRS["scheme:dla"] in [n.text for n in b.trash()]  # restorable
    assert "votre version est gardée" in dialog.message.text()

    assert resolve(dialog.keep_theirs_button, "scheme:crte") == THEIRS["scheme:crte"]
    crte = b.get_note("scheme:crte", conflicts)
    assert crte is not None and MINE["scheme:crte"] in [v.text for v in b.history(crte.uuid)]

    both = resolve(dialog.keep_both_button, "actor:france-active")
    assert both == MINE["actor:france-active"] + BOTH_SEPARATOR + THEIRS["actor:france-active"]

    # Merge: both texts under clear markers; Esc backs out without touching anything.
    select(dialog, "lever:3")
    qtbot.mouseClick(dialog.merge_button, LEFT)
    assert dialog.pages.currentIndex() == MERGE
    prefilled = dialog.merge_edit.toPlainText()
    assert prefilled.startswith("——— Ma version (modifiée le ")
    assert MINE["lever:3"] in prefilled and THEIRS["lever:3"] in prefilled
    assert prefilled.index(MINE["lever:3"]) < prefilled.index("——— Version importée")
    assert not dialog.merge_edit.isReadOnly()
    qtbot.keyClick(dialog.merge_edit, Qt.Key.Key_Escape)
    assert dialog.isVisible() and dialog.pages.currentIndex() == COMPARE
    assert [c.text for c in b.conflicts("lever:3", conflicts)] == [THEIRS["lever:3"]]

    qtbot.mouseClick(dialog.merge_button, LEFT)
    dialog.merge_edit.selectAll()
    # (QTest.keyClicks asserts on non-ASCII characters: accents are typed by the test below)
    qtbot.keyClicks(dialog.merge_edit, "Clause sociale ajoutee ; marche attribue.")
    with qtbot.waitSignal(dialog.conflict_resolved):
        qtbot.mouseClick(dialog.save_merge_button, LEFT)
    merged = b.get_note("lever:3", conflicts)
    assert merged is not None and merged.text == "Clause sociale ajoutee ; marche attribue."
    assert b.conflicts("lever:3", conflicts) == []
    assert MINE["lever:3"] in [v.text for v in b.history(merged.uuid)]
    assert THEIRS["lever:3"] in [n.text for n in b.trash()]

    # Nothing left to settle.
    assert dialog.copies() == [] and dialog.pages.currentIndex() == EMPTY
    assert "Aucun conflit" in dialog.empty_label.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_merge_saved_with_the_keyboard_and_a_local_note_in_the_trash(
    qtbot, laptops: Laptops, parent: QWidget, conflicts: Territory, catalogue: Catalogue
) -> None:
    b = laptops.b
    dialog = ConflictsDialog(b, conflicts, catalogue.title, parent)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):  # shortcuts go to the active window
        dialog.show()
        dialog.activateWindow()
    select(dialog, "scheme:dla")
    qtbot.mouseClick(dialog.merge_button, LEFT)
    dialog.merge_edit.selectAll()
    qtbot.keyClicks(dialog.merge_edit, "fusion au clavier")
    with qtbot.waitSignal(dialog.conflict_resolved):
        qtbot.keyClick(dialog.merge_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert b.get_note("scheme:dla", conflicts).text == "fusion au clavier"  # type: ignore[union-attr]
    assert dialog.pages.currentIndex() == COMPARE

    # The local note sent to the trash meanwhile: « Garder la mienne » is not offered.
    local = b.get_note("scheme:crte", conflicts)
    assert local is not None
    b.delete_note(local.uuid)
    dialog.reload()
    select(dialog, "scheme:crte")
    assert not dialog.keep_mine_button.isEnabled()
    assert "corbeille" in dialog.mine_edit.toPlainText()
    assert dialog.theirs_edit.toPlainText() == THEIRS["scheme:crte"]
    with qtbot.waitSignal(dialog.conflict_resolved):
        qtbot.mouseClick(dialog.keep_theirs_button, LEFT)
    kept = b.get_note("scheme:crte", conflicts)
    assert kept is not None and kept.text == THEIRS["scheme:crte"]


def test_a_conflict_settled_elsewhere_is_reported_not_lost(
    qtbot,
    laptops: Laptops,
    parent: QWidget,
    conflicts: Territory,
    catalogue: Catalogue,
    messages: list[Shown],
) -> None:
    b = laptops.b
    dialog = ConflictsDialog(b, conflicts, catalogue.title, parent)
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    select(dialog, "scheme:dla")
    (copy,) = b.conflicts("scheme:dla", conflicts)
    b.resolve_conflict(copy.uuid, "both")  # e.g. in another window
    count = len(messages)
    qtbot.mouseClick(dialog.keep_theirs_button, LEFT)
    assert len(messages) == count + 1 and "déjà résolu" in messages[-1].text
    note = b.get_note("scheme:dla", conflicts)
    assert (
        note is not None and note.text == MINE["scheme:dla"] + BOTH_SEPARATOR + THEIRS["scheme:dla"]
    )
    assert "scheme:dla" not in {c.entry_key for c in dialog.copies()}


def test_orphan_conflicts_are_titled_from_the_note(
    qtbot, laptops: Laptops, parent: QWidget, conflicts: Territory
) -> None:
    dialog = ConflictsDialog(laptops.b, conflicts, lambda key: None, parent)
    qtbot.addWidget(dialog)
    assert all(
        dialog.conflict_list.item(i).text().endswith("(fiche inconnue du catalogue)")
        for i in range(dialog.conflict_list.count())
    )


def test_the_conflict_view_highlights_what_differs(
    qtbot, laptops: Laptops, parent: QWidget, conflicts: Territory, catalogue: Catalogue
) -> None:
    dialog = open_conflicts_dialog(parent, laptops.b, conflicts, catalogue.title)
    select(dialog, "scheme:dla")  # « B : dossier déposé le 3. » / « A : RDV déplacé au 14. »

    def marked(view) -> list[str]:
        return [s.cursor.selectedText() for s in view.extraSelections()]

    mine, theirs = marked(dialog.mine_edit), marked(dialog.theirs_edit)
    assert "B" in mine and "A" in theirs  # what differs is highlighted…
    assert any("3." in m for m in mine) and any("14." in t for t in theirs)
    assert not any(m.strip() == ":" for m in mine + theirs)  # …what is the same is not
    dialog.close()


def test_the_import_report_opens_the_conflicts(
    qtbot, laptops: Laptops, parent: QWidget, drive, catalogue: Catalogue, monkeypatch
) -> None:
    opened: list[bool] = []

    def click_open(box: QMessageBox) -> int:
        offered = [x for x in box.buttons() if x.text() == "Ouvrir les conflits"]
        if offered:  # the report of an import that kept conflicts
            assert box.defaultButton() is offered[0]
            offered[0].click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click_open)
    a, b, clock = laptops.a, laptops.b, laptops.clock
    creuse = a.add_territory("Creuse", initials="AB")
    a.save_note("scheme:dla", creuse, "Départ", entry_title="DLA")
    first = export_notes(a, laptops.folder / "a0.essnotes").path
    drive(ImportPreviewDialog, lambda d: qtbot.mouseClick(d.import_button, LEFT))
    assert import_notes_dialog(
        parent, b, catalogue.keys(), first, open_conflicts=lambda: opened.append(False)
    )
    assert opened == []  # no conflict, nothing offered
    clock.advance(minutes=10)
    a.save_note("scheme:dla", creuse, "leur version")
    clock.advance(minutes=10)
    b.save_note("scheme:dla", creuse.uuid, "ma version")
    clock.advance(minutes=10)
    second = export_notes(a, laptops.folder / "a1.essnotes").path

    drive(ImportPreviewDialog, lambda d: qtbot.mouseClick(d.import_button, LEFT))
    assert import_notes_dialog(
        parent, b, catalogue.keys(), second, open_conflicts=lambda: opened.append(True)
    )
    assert opened == [True]


def test_a_follow_up_changed_on_both_laptops_is_kept_shown_and_picked(
    qtbot,
    laptops: Laptops,
    parent: QWidget,
    messages: list[Shown],
    drive,
    catalogue: Catalogue,
) -> None:
    """Issue 11 #8: the newer follow-up by the clock replaced the other on import. Both are
    kept now, the preview and the report say so, and the conflicts view lets the user pick."""
    a, b, clock = laptops.a, laptops.b, laptops.clock
    creuse = a.add_territory("Creuse")
    a.set_status("scheme:dla", creuse, "contacte", None, "Mme Martin")
    drive(ImportPreviewDialog, lambda d: qtbot.mouseClick(d.import_button, LEFT))
    assert import_notes_dialog(parent, b, catalogue.keys(), export_notes(a, laptops.folder).path)
    clock.advance(minutes=10)
    b.set_status("scheme:dla", creuse.uuid, "en-cours", None, "M. Durand")
    clock.advance(minutes=10)  # A's change is the later one by the clock
    a.set_status("scheme:dla", creuse, "mobilise", "2024-06-01", "Mme Martin, directrice")
    path = export_notes(a, laptops.folder / "a1.essnotes").path

    def one_conflict(dialog: ImportPreviewDialog) -> None:
        assert "1 en conflit" in dialog.statuses_label.text()
        assert "les deux sont gardés" in dialog.explain.text()
        qtbot.mouseClick(dialog.import_button, LEFT)

    drive(ImportPreviewDialog, one_conflict)
    assert import_notes_dialog(parent, b, catalogue.keys(), path) is True
    assert "Des suivis ont été modifiés ici et sur l" in messages[-1].text
    mine = b.status("scheme:dla", creuse.uuid)
    assert mine is not None and (mine.status, mine.contact) == ("en-cours", "M. Durand")

    dialog = ConflictsDialog(b, b.territory(creuse.uuid), catalogue.title, parent)
    dialog.show()
    assert dialog.conflict_list.count() == 1
    assert dialog.conflict_list.item(0).text().startswith("Suivi — ")
    assert dialog.theirs_when.text().startswith("suivi modifié le")
    assert dialog.pages.currentIndex() == COMPARE
    assert "M. Durand" in dialog.mine_edit.toPlainText()
    theirs = dialog.theirs_edit.toPlainText()
    assert "mobilisé" in theirs and "01/06/2024" in theirs and "Mme Martin, directrice" in theirs
    assert dialog.theirs_edit.extraSelections()  # what differs is highlighted
    assert dialog.keep_both_button.isHidden() and dialog.merge_button.isHidden()
    qtbot.mouseClick(dialog.keep_theirs_button, LEFT)
    kept = b.status("scheme:dla", creuse.uuid)
    assert kept is not None and (kept.status, kept.contact) == (
        "mobilise",
        "Mme Martin, directrice",
    )
    assert dialog.pages.currentIndex() == EMPTY
    assert b.status_conflicts(creuse.uuid) == []
    dialog.close()


def test_the_import_preview_shows_each_notes_text_and_who_wrote_it(
    qtbot, make_window, drive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 12: the preview shows, per note, its text and who wrote it, in the window built
    as essdesk builds it, before anything is imported."""
    colleague, _ = open_notes(tmp_path / "cl" / "notes.sqlite3", backups_dir=tmp_path / "cl" / "b")
    with colleague:
        colleague.set_author_initials("CL")
        creuse = colleague.add_territory("Creuse", initials="MB")
        colleague.save_note(
            "scheme:dla", creuse, "Vu la chargée de mission DLA.", entry_title="DLA"
        )
        colleague.save_note("lever:3", creuse, "Levier 3 : <b>pas du HTML</b>", entry_title="L3")
        path = export_notes(colleague, tmp_path / "cl.essnotes").path
    window = make_window()
    with qtbot.waitSignal(window.notes_attached):
        attach_notes(window)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    seen: dict[str, tuple[str, str, str]] = {}

    def look(dialog: ImportPreviewDialog) -> None:
        tree = dialog.entries
        assert tree.headerItem().text(3) == "Par"
        for i in range(tree.topLevelItemCount()):
            item = tree.topLevelItem(i)
            tree.setCurrentItem(item)
            assert dialog.note_text.isVisible()
            seen[item.text(0)] = (
                item.text(3),
                dialog.note_header.text(),
                dialog.note_text.toPlainText(),
            )
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)

    drive(ImportPreviewDialog, look)
    window.findChild(QAction, "importNotesAction").trigger()
    assert seen, "the preview was not shown"
    dla = next(v for k, v in seen.items() if "DLA" in k or "accompagnement" in k)
    assert dla[0] == "CL" and "écrite par CL" in dla[1]
    assert dla[2] == "Vu la chargée de mission DLA."
    lever = next(v for k, v in seen.items() if v[2].startswith("Levier 3"))
    assert lever[2] == "Levier 3 : <b>pas du HTML</b>"  # plain text, shown as typed
