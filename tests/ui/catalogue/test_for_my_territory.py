"""« Pour mon territoire » in the window (issue 13): one click scopes the directory and the
search to the profile's types, entries labelled; the highlight is on by default, with a
legend."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from essdesk.notes import open_notes
from essdesk.ui.catalogue.directory_model import DirectoryModel
from essdesk.ui.main_window import MainWindow
from essdesk.ui.notes.feature import attach_notes


@pytest.fixture
def zrr_window(make_window, qtbot) -> Iterator[MainWindow]:
    store, _ = open_notes()
    store.add_territory("Haut-Bocage", ["ZRR"])
    store.close()
    window = make_window()
    attach_notes(window)
    qtbot.waitUntil(lambda: window.directory.mine_button.isEnabled(), timeout=5000)
    yield window


def test_one_click_scopes_directory_and_search(qtbot, zrr_window: MainWindow) -> None:
    window = zrr_window
    directory = window.directory
    window.show_view("directory")
    with qtbot.waitSignal(directory.results_shown, timeout=10000):
        directory.mine_button.click()
    rows = {directory.model.index(r, 0).data(): r for r in range(directory.model.rowCount())}
    territories = {
        title: directory.model.index(r, DirectoryModel.COL_TERRITORIES).data()
        for title, r in rows.items()
    }
    assert territories["Dispositif local d’accompagnement (DLA)"] == "tous territoires"
    assert territories["France Active"] == "tous territoires"
    assert "cible : ZRR" in territories.values()
    assert set(territories.values()) <= {"tous territoires", "cible : ZRR"}
    # The search follows: under ZRR, an entry neither targeted nor everywhere is gone.
    assert window.search.territory_types == ("territory:zrr",)
    with qtbot.waitSignal(window.search.results_shown, timeout=10000):
        window.search_field.setText("accompagnement")
    keys = {window.search.model.hit(i).key for i in range(window.search.model.rowCount())}
    assert "scheme:dla" in keys and "scheme:parcours-agri-ruraux" not in keys
    window.search_field.clear()
    with qtbot.waitSignal(directory.results_shown, timeout=10000):
        directory.mine_button.click()
    assert window.search.territory_types == ()
    assert directory.filters().territories == ()


def test_highlight_is_on_by_default_with_a_legend(zrr_window: MainWindow) -> None:
    window = zrr_window
    assert window.highlight_action.isChecked()
    window.show_view("directory")
    assert window.directory.legend.isVisible()
    assert "concerne votre territoire" in window.directory.legend.text()
    window.highlight_action.setChecked(False)
    assert not window.directory.legend.isVisible()
