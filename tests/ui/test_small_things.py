"""Small things that add up: menu access letters, window title once, the territory
dialog's explanations, a long territory name that does not squeeze the search box."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from essdesk.notes import open_notes
from essdesk.ui.main_window import _access_letter
from essdesk.ui.notes.feature import attach_notes
from essdesk.ui.territory.dialogs import TerritoryDialog


def test_every_menu_item_has_its_own_access_letter(qtbot, make_window) -> None:
    store, _ = open_notes()
    store.add_territory("Creuse", ["ZRR"])
    store.close()
    window = make_window()
    attach_notes(window)  # the notes add their items to « Fichier »
    menus = [a.menu() for a in window.menuBar().actions() if a.menu()]
    menus += [a.menu() for m in list(menus) for a in m.actions() if a.menu()]
    assert len(menus) >= 5
    for menu in menus:
        menu.aboutToShow.emit()  # what opening it does
        letters = [_access_letter(a.text()) for a in menu.actions() if not a.isSeparator()]
        assert all(letters), [a.text() for a in menu.actions()]
        assert len(set(letters)) == len(letters), [a.text() for a in menu.actions()]


def test_window_title_says_essdesk_once(make_window) -> None:
    window = make_window()
    assert window.windowTitle().startswith("essdesk — ")
    assert not QApplication.applicationDisplayName() or (
        QApplication.applicationDisplayName() not in window.windowTitle()[len("essdesk") :]
    )


def test_territory_dialog_explains_the_code_and_fits_an_epci_name(qtbot) -> None:
    dialog = TerritoryDialog([("territory:zrr", "ZRR")], None)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "INSEE" in dialog.code_edit.placeholderText()
    assert "SIREN" in dialog.code_edit.placeholderText()
    assert "initiales" in dialog.initials_edit.toolTip().lower()
    name = "Communauté de communes Creuse Grand Sud"
    assert dialog.name_edit.fontMetrics().horizontalAdvance(name) < dialog.name_edit.width()


def test_a_long_territory_name_does_not_squeeze_the_search_box(qtbot, make_window) -> None:
    store, _ = open_notes()
    store.add_territory("Communauté d’agglomération du Grand Villeneuvois en Lot-et-Garonne", [])
    store.close()
    window = make_window()
    before = window.search_field.width()
    attach_notes(window)
    qtbot.wait(50)
    assert window.search_field.width() >= min(before, 280)
    assert window.territory_switcher.width() < window.width() // 3
