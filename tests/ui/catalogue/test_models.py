"""Every Qt model passes qtmodeltester, filled from the real catalogue."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from essdesk.catalogue.records import Hit
from essdesk.notes import open_notes
from essdesk.textfold import sort_key
from essdesk.ui.catalogue.directory_model import DirectoryModel
from essdesk.ui.catalogue.search_model import SearchResultsModel, snippet_html
from essdesk.ui.catalogue.tree_model import CatalogueTreeModel
from essdesk.ui.common.roles import KEY_ROLE, RECORD_ROLE, SNIPPET_ROLE
from essdesk.ui.notes.notes_model import NotesListModel


@pytest.mark.parametrize("name", ["sessions", "levers", "tools"])
def test_tree_models(qtmodeltester, catalogue, name: str) -> None:
    model = CatalogueTreeModel()
    model.set_roots(catalogue.tree(name))
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() > 0
    model.set_roots([])
    qtmodeltester.check(model, force_py=True)


def test_tree_model_counts_and_keys(catalogue) -> None:
    model = CatalogueTreeModel()
    model.set_roots(catalogue.tree("sessions"))
    index = model.find("session:tr1")
    assert index.isValid()
    assert index.data(KEY_ROLE) == "session:tr1"
    count = index.siblingAtColumn(CatalogueTreeModel.COL_COUNT).data()
    assert int(count) == model.node(index).count > 0
    child = model.find("session:tr1-s2")
    assert child.parent() == index


def test_directory_model(qtmodeltester, catalogue) -> None:
    model = DirectoryModel()
    model.set_rows(catalogue.directory())
    qtmodeltester.check(model, force_py=True)
    assert model.columnCount() == DirectoryModel.COLUMN_COUNT
    assert len(DirectoryModel.SORT_KEYS) == DirectoryModel.COLUMN_COUNT
    row = model.key_row("scheme:dla")
    assert row >= 0
    assert model.index(row, DirectoryModel.COL_TITLE).data() == model.row_record(row).title
    assert model.index(row, DirectoryModel.COL_KIND).data() == "Dispositif"


def test_directory_model_sort_is_delegated(catalogue) -> None:
    model = DirectoryModel()
    model.set_rows(catalogue.directory())
    asked: list[tuple[str, bool]] = []
    model.sort_requested.connect(lambda key, desc: asked.append((key, desc)))
    model.sort(DirectoryModel.COL_BACKER, Qt.SortOrder.DescendingOrder)
    assert asked == [("backer", True)]


def test_directory_rows_follow_french_order(catalogue) -> None:
    titles = [row.title for row in catalogue.directory(sort="title")]
    assert [sort_key(t) for t in titles] == sorted(sort_key(t) for t in titles)


def test_search_model(qtmodeltester, catalogue) -> None:
    model = SearchResultsModel()
    model.set_hits("dla", catalogue.search("dla"))
    qtmodeltester.check(model, force_py=True)
    assert model.index(0).data(KEY_ROLE) == "scheme:dla"
    assert "<b>" in model.index(0).data(SNIPPET_ROLE)
    assert isinstance(model.index(0).data(RECORD_ROLE), Hit)


def test_snippet_html_escapes_and_bolds() -> None:
    hit = Hit("k", "scheme", "t", "", "a <b> & DLA", ((8, 11),), 1.0)
    assert snippet_html(hit) == "a &lt;b&gt; &amp; <b>DLA</b>"
    bad = Hit("k", "scheme", "t", "", "abc", ((2, 1), (0, 99)), 1.0)
    assert snippet_html(bad) == "abc"


def test_directory_model_fetches_pages(qtmodeltester, catalogue) -> None:
    rows = catalogue.directory()
    calls: list[int] = []

    def page(offset: int):
        calls.append(offset)
        return catalogue.directory(limit=40, offset=offset)

    model = DirectoryModel()
    model.set_rows(page(0), catalogue.count(), page)
    assert model.rowCount() == 40 and model.total() == len(rows)
    qtmodeltester.check(model)
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == len(rows)
    assert [model.row_record(i).key for i in range(model.rowCount())] == [r.key for r in rows]
    assert calls[:3] == [0, 40, 80]


def test_notes_list_model(qtmodeltester, catalogue) -> None:
    """« Mes notes »: a real notes file (in the test's ESSDESK_HOME) with statuses."""
    store, _report = open_notes()
    try:
        creuse = store.add_territory("Creuse", types=["territory:zrr"])
        store.save_note("scheme:dla", creuse, "RDV avec la **chargée de mission**\n- piste")
        store.save_note("actor:france-active", creuse, "À rappeler")
        store.set_status("scheme:dla", creuse, "contacte", "2024-03-12", "Mme Martin")
        store.set_status("scheme:crte", creuse, "a-explorer")  # a status without a note
        notes = store.notes_for_territory(creuse)
    finally:
        store.close()
    model = NotesListModel()
    model.set_notes(notes, {"scheme:dla": catalogue.title("scheme:dla") or ""})
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == len(notes) >= 2
    model.set_notes([])
    qtmodeltester.check(model, force_py=True)
