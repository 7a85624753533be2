"""Navigation and directory details of issue 13: Back/Forward restore the scroll, a link
from a lever's page selects the entry under that lever, the directory ranks while typing,
facet values in French order."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from essdesk import textfold
from essdesk.catalogue.store import Catalogue
from essdesk.ui.common.roles import KEY_ROLE


def test_back_and_forward_restore_the_scroll(qtbot, window) -> None:
    window.resize(1000, 500)
    window.open_entry("lever:1")
    bar = window.detail.browser.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 100)
    bar.setValue(bar.maximum() // 2)
    kept = bar.value()
    assert kept > 0
    window.open_entry("scheme:dla")
    qtbot.waitUntil(lambda: bar.value() == 0)
    window.go_back()
    assert window.detail.entry.key == "lever:1"
    qtbot.waitUntil(lambda: bar.value() == kept)
    window.go_forward()
    qtbot.waitUntil(lambda: bar.value() == 0)


def test_link_from_a_lever_selects_the_entry_under_that_lever(window, catalogue) -> None:
    window.show_view("levers")
    tree = window.trees["levers"]
    # An entry cited for two levers: its first occurrence is under the first one.
    cited = {}
    for lever in catalogue.tree("levers"):
        for group in lever.children:
            for node in group.children:
                cited.setdefault(node.key, []).append(lever.key)
    key, levers = next((k, ls) for k, ls in cited.items() if len(ls) > 1 and k.startswith("actor:"))
    second = levers[1]
    window.open_entry(second)
    window.open_entry(key)  # as a click on its link in the lever's page does
    index = tree.currentIndex()
    assert index.data(KEY_ROLE) == key
    parent = index.parent()
    while parent.parent().isValid():
        parent = parent.parent()
    assert parent.data(KEY_ROLE) == second


def test_directory_ranks_while_typing_and_sorts_on_header_click(qtbot, window) -> None:
    panel = window.directory
    window.show_view("directory")
    with qtbot.waitSignal(panel.results_shown, timeout=10000):
        panel.search_field.setText("dla")
    assert panel.model.index(0, 0).data(KEY_ROLE) == "scheme:dla"
    header = panel.table.horizontalHeader()
    column = 2  # « Catégorie » (nature): a header click sorts by it, text or not
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    with qtbot.waitSignal(panel.results_shown, timeout=10000):
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    types = [panel.model.index(r, column).data() for r in range(panel.model.rowCount())]
    assert types == sorted(types, key=textfold.sort_key)
    assert panel.model.index(0, 0).data(KEY_ROLE) != "scheme:dla"


def test_facet_values_in_french_order(catalogue: Catalogue) -> None:
    labels = [fv.label for fv in catalogue.facets()["actor_types"]]
    assert labels == sorted(labels, key=textfold.sort_key)
    assert labels.index("État et opérateurs publics") < labels.index("Institution européenne")
