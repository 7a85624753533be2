"""The directory: search as you type, facets as removable chips, count, empty state, sort."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from essdesk.textfold import sort_key
from essdesk.ui.catalogue.directory_model import DirectoryModel
from essdesk.ui.common.roles import KEY_ROLE


def _keys(panel) -> list[str]:
    return [panel.model.index(r, 0).data(KEY_ROLE) for r in range(panel.model.rowCount())]


def test_directory_lists_actors_and_schemes(window, catalogue) -> None:
    window.show_view("directory")
    panel = window.directory
    assert panel.model.rowCount() == len(catalogue.directory())
    assert {k.split(":")[0] for k in _keys(panel)} == {"actor", "scheme"}
    assert panel.count_label.text() == f"{panel.model.rowCount()} résultats"


def test_search_as_you_type(qtbot, window) -> None:
    window.show_view("directory", focus=True)
    panel = window.directory
    assert panel.search_field.hasFocus()
    with qtbot.waitSignal(panel.results_shown, timeout=5000):
        qtbot.keyClicks(panel.search_field, "france act")
    assert "actor:france-active" in _keys(panel)
    assert panel.model.rowCount() < len(window.catalogue.directory())
    qtbot.keyClick(panel.search_field, Qt.Key.Key_Return)  # into the table, first row
    assert panel.table.hasFocus()
    with qtbot.waitSignal(window.entry_opened):
        qtbot.keyClick(panel.table, Qt.Key.Key_Return)


def test_apply_and_remove_facets(qtbot, window, catalogue) -> None:
    window.show_view("directory")
    panel = window.directory
    total = panel.model.rowCount()
    action = panel.facet_action("territories", "territory:qpv")
    assert action is not None and "(" in action.text()
    with qtbot.waitSignal(panel.results_shown, timeout=5000):
        action.trigger()
    qpv = set(_keys(panel))
    assert 0 < len(qpv) < total
    assert "scheme:monographies" in qpv
    chips = panel.chip_bar.chips()
    assert len(chips) == 1 and "QPV" in chips[0].text()
    assert panel.chip_bar.isVisible()
    assert panel.count_label.text().startswith(str(len(qpv)))

    kind = panel.facet_action("kinds", "scheme")
    with qtbot.waitSignal(panel.results_shown, timeout=5000):
        kind.trigger()
    assert all(k.startswith("scheme:") for k in _keys(panel))
    assert len(panel.chip_bar.chips()) == 2

    with qtbot.waitSignal(panel.results_shown, timeout=5000):
        qpv_chip = next(c for c in panel.chip_bar.chips() if "QPV" in c.text())
        qtbot.mouseClick(qpv_chip, Qt.MouseButton.LeftButton)
    assert len(panel.chip_bar.chips()) == 1
    assert not panel.facet_action("territories", "territory:qpv").isChecked()

    with qtbot.waitSignal(panel.results_shown, timeout=5000):
        qtbot.mouseClick(panel.chip_bar.clear_button, Qt.MouseButton.LeftButton)
    assert panel.chip_bar.chips() == []
    assert not panel.chip_bar.isVisible()
    assert panel.model.rowCount() == total


def test_empty_results_say_so_and_reset(qtbot, window) -> None:
    window.show_view("directory")
    panel = window.directory
    with qtbot.waitSignal(panel.results_shown, timeout=5000) as shown:
        qtbot.keyClicks(panel.search_field, "zzxqwv")
    assert shown.args == [0]
    assert panel.stack.currentIndex() == 1 and panel.empty_label.isVisible()
    assert panel.count_label.text() == "Aucun résultat"
    with qtbot.waitSignal(panel.results_shown, timeout=5000):
        panel.findChild(type(panel.chip_bar.clear_button), "resetButton").click()
    assert panel.search_field.text() == ""
    assert panel.stack.currentIndex() == 0


def test_sort_by_column_in_french_order(qtbot, window) -> None:
    window.show_view("directory")
    panel = window.directory
    header = panel.table.horizontalHeader()
    titles = [panel.model.index(r, 0).data() for r in range(panel.model.rowCount())]
    assert [sort_key(t) for t in titles] == sorted(sort_key(t) for t in titles)
    with qtbot.waitSignal(panel.results_shown, timeout=5000):
        x = header.sectionViewportPosition(DirectoryModel.COL_TITLE) + 10
        qtbot.mouseClick(  # same column again: descending
            header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2)
        )
    titles = [panel.model.index(r, 0).data() for r in range(panel.model.rowCount())]
    assert [sort_key(t) for t in titles] == sorted((sort_key(t) for t in titles), reverse=True)
    with qtbot.waitSignal(panel.results_shown, timeout=5000):
        panel.table.sortByColumn(DirectoryModel.COL_KIND, Qt.SortOrder.AscendingOrder)
    kinds = [panel.model.row_record(r).kind for r in range(panel.model.rowCount())]
    assert kinds == sorted(kinds)


def test_clicking_a_row_opens_the_entry(qtbot, window) -> None:
    window.show_view("directory")
    panel = window.directory
    row = panel.model.key_row("scheme:dla")
    index = panel.model.index(row, 0)
    panel.table.scrollTo(index)
    with qtbot.waitSignal(window.entry_opened):
        qtbot.mouseClick(
            panel.table.viewport(),
            Qt.MouseButton.LeftButton,
            pos=panel.table.visualRect(index).center(),
        )
    assert window.detail.entry.key == "scheme:dla"
