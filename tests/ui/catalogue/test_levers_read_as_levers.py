"""Levers that read as levers (issue 13): tools first under « Outils », cited entries under
« Cités pour ce levier » with their kind, full titles, tool pages that say what the report
ties to them, counts that say what they count, « Dispositifs » in the navigation."""

from __future__ import annotations

from PySide6.QtCore import Qt

from essdesk.catalogue.store import Catalogue
from essdesk.ui.catalogue.tree_model import CatalogueTreeModel
from essdesk.ui.common.links import entry_url


def test_lever_tree_groups_tools_then_cited_entries(catalogue: Catalogue) -> None:
    lever = catalogue.tree("levers")[0]
    assert [g.title for g in lever.children] == ["Outils", "Cités pour ce levier"]
    tools, cited = lever.children
    assert {n.kind for n in tools.children} == {"tool"}
    assert [n.title.split()[0] for n in tools.children] == [f"1.{i}" for i in range(1, 7)]
    assert "tool" not in {n.kind for n in cited.children}
    thonon = next(n for n in cited.children if n.key == "actor:mathilde-thonon")
    assert thonon.title == "Mathilde Thonon — Personne"
    assert tools.count_label == "6 outils de ce levier"
    assert "cités pour ce levier" in lever.count_label


def test_every_tree_count_says_what_it_counts(catalogue: Catalogue) -> None:
    def walk(nodes):
        for n in nodes:
            yield n
            yield from walk(n.children)

    for name in ("sessions", "levers", "tools"):
        for node in walk(catalogue.tree(name)):
            if node.count:
                assert node.count_label.startswith(f"{node.count} "), (name, node)


def test_count_tooltip_and_full_lever_titles(window) -> None:
    window.show_view("levers")
    tree = window.trees["levers"]
    model = tree.model_
    index = model.find("lever:1")
    tip = index.siblingAtColumn(CatalogueTreeModel.COL_COUNT).data(Qt.ItemDataRole.ToolTipRole)
    assert tip and "cités pour ce levier" in tip
    assert tree.textElideMode() == Qt.TextElideMode.ElideNone
    # The long title wraps: its row is taller than a one-line row.
    tree.resize(420, 600)
    tree.expandAll()
    tree.doItemsLayout()
    long_row = tree.visualRect(index).height()
    short_row = tree.visualRect(model.find("lever:6")).height()
    assert long_row > short_row * 1.5


def test_navigation_says_dispositifs(window) -> None:
    labels = [window.sections.item(r).text() for r in range(window.sections.count())]
    assert "Dispositifs" in labels and "Outils et dispositifs" not in labels


def test_tool_page_numbers_and_lever_fallback(window) -> None:
    window.open_entry("tool:2.1")
    text = window.detail.browser.toPlainText()
    assert text.count("numérotation propre à essdesk") == 1
    assert "ne rattache aucun acteur, dispositif ou exemple à cet outil" in text
    assert f'href="{entry_url("lever:2")}"' in window.detail.browser.toHtml()
    window.open_entry("tool:2.2")
    text = window.detail.browser.toPlainText()
    assert "numérotation propre à essdesk" in text
    assert "ne rattache aucun" not in text
    assert "Plans locaux d’urbanisme" in text


def test_one_lie_a_heading_per_page(window, catalogue: Catalogue) -> None:
    for key in catalogue.keys():
        entry = catalogue.entry(key)
        assert entry is not None
        both_ways = {r.outgoing for r in entry.related if r.label == "Lié à"}
        if len(both_ways) < 2:
            continue
        window.open_entry(key)
        lines = window.detail.browser.toPlainText().splitlines()
        assert [line.strip() for line in lines].count("Lié à") == 1, key
        return
    raise AssertionError("no entry with « Lié à » links both ways")
