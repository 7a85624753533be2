"""Local entries show wherever a catalogue entry shows: search (same folding), directory
(every facet, sorting, paging), one entry (cross-links both ways), levers and schemes trees,
known keys (no orphan notes), the briefing sheet. Real catalogue, real notes file."""

from __future__ import annotations

from datetime import date

import pytest

from essdesk.briefing_data import build_sheet, to_markdown
from essdesk.catalogue.records import Filters
from essdesk.local.catalogue import TerritoryCatalogue
from essdesk.local.index import LocalHit, LocalRow
from essdesk.notes import NotesStore, Territory
from essdesk.notes.local_entries import LocalContent, LocalEntry, LocalRelation


@pytest.fixture
def cœur(store: NotesStore, bugey: Territory, catalogue: TerritoryCatalogue) -> LocalEntry:
    entry = store.add_local_entry(
        bugey,
        LocalContent(
            kind="actor",
            title="Cœur d’Ain Réemploi",
            aliases=("CAR",),
            subtype="association",
            summary="Ressourcerie et chantier d'insertion à Nantua.",
            territory_types=("zrr",),
            levers=("3",),
            tools=("4.1",),
            relations=(LocalRelation("supported_by", "scheme:dla"),),
        ),
        catalogue.title,
    )
    scheme = LocalContent(
        kind="scheme", title="Prêt d'honneur du Haut-Bugey", subtype="loan", everywhere=True
    )
    store.add_local_entry(bugey, scheme, catalogue.title)
    catalogue.set_local(store.local_entries(bugey))
    return entry


@pytest.mark.parametrize(
    "query", ["coeur d'ain", "CŒUR D’AIN", "Coeur-d-Ain", "reemploi", "car", "nantua", "ressourc"]
)
def test_search_finds_local_entries_with_the_catalogues_folding(
    catalogue: TerritoryCatalogue, cœur: LocalEntry, query: str
) -> None:
    hits = catalogue.search(query)
    local = [h for h in hits if isinstance(h, LocalHit)]
    assert [h.key for h in local] == [cœur.key]
    assert local[0].territory == "CC du Haut-Bugey"


def test_exact_name_comes_first_and_hostile_input_is_safe(
    catalogue: TerritoryCatalogue, cœur: LocalEntry
) -> None:
    assert catalogue.search("CAR")[0].key == cœur.key
    assert catalogue.search("dla")[0].key == "scheme:dla"  # the report's entry stays first
    for hostile in ['"', "*", "NEAR(", "-", "\x00", "a" * 10_000, "😀", ""]:
        catalogue.search(hostile)
        catalogue.directory(hostile)


def test_directory_rows_facets_count_and_paging_include_local_entries(
    catalogue: TerritoryCatalogue, cœur: LocalEntry
) -> None:
    rows = catalogue.directory()
    local = [r for r in rows if isinstance(r, LocalRow)]
    assert {r.title for r in local} == {"Cœur d’Ain Réemploi", "Prêt d'honneur du Haut-Bugey"}
    assert [r.sort_title for r in rows] == sorted(r.sort_title for r in rows)
    assert catalogue.count() == len(rows)
    paged = [
        r
        for offset in range(0, len(rows), 50)
        for r in catalogue.directory(limit=50, offset=offset)
    ]
    assert paged == rows
    scheme = next(r for r in local if r.kind == "scheme")
    assert scheme.territories == "Tous territoires"
    assert next(r for r in local if r.kind == "actor").territories == "ZRR"
    for filters in (
        Filters(kinds=("actor",)),
        Filters(actor_types=("association",)),
        Filters(levers=("lever:3",)),
        Filters(levers=("lever:4",)),  # through its tool 4.1
        Filters(territories=("territory:zrr",)),
    ):
        keys = [r.key for r in catalogue.directory("", filters)]
        assert cœur.key in keys, filters
        assert catalogue.count("", filters) == len(keys)
    assert cœur.key not in [r.key for r in catalogue.directory("", Filters(natures=("loan",)))]
    facets = catalogue.facets()
    assert {f.value: f.count for f in facets["actor_types"]}["association"] >= 1
    natures = {f.value: f.count for f in facets["natures"]}
    base = {f.value: f.count for f in super(TerritoryCatalogue, catalogue).facets()["natures"]}
    assert natures["loan"] == base.get("loan", 0) + 1
    assert [r.key for r in catalogue.directory("nantua")] == [cœur.key]
    for sort in ("title", "kind", "type", "backer", "territories"):
        for descending in (False, True):
            rows = catalogue.directory("", sort=sort, descending=descending)
            assert cœur.key in [r.key for r in rows] and len(rows) == catalogue.count()
            pages = catalogue.directory("", sort=sort, descending=descending, limit=40, offset=40)
            assert pages == rows[40:80]


def test_cross_links_both_ways_and_the_local_mark(
    catalogue: TerritoryCatalogue, cœur: LocalEntry
) -> None:
    entry = catalogue.entry(cœur.key)
    assert entry is not None
    assert "ajouté pour CC du Haut-Bugey par AB" in entry.provenance
    out = {(r.key, r.label) for r in entry.related if r.outgoing}
    assert ("scheme:dla", "Accompagné par") in out
    assert ("lever:3", "Illustre le levier ou l'outil") in out
    dla = catalogue.entry("scheme:dla")
    assert dla is not None
    assert (cœur.key, "Accompagne", False) in {(r.key, r.label, r.outgoing) for r in dla.related}
    lever = catalogue.entry("lever:3")
    assert lever is not None and cœur.key in {r.key for r in lever.related if not r.outgoing}


def test_levers_and_schemes_trees_list_local_entries(
    catalogue: TerritoryCatalogue, cœur: LocalEntry
) -> None:
    base = {n.key: n for n in super(TerritoryCatalogue, catalogue).tree("levers")}
    levers = {n.key: n for n in catalogue.tree("levers")}

    def keys(node):  # type: ignore[no-untyped-def]
        return {node.key} | {k for c in node.children for k in keys(c)}

    assert cœur.key in keys(levers["lever:3"]) and cœur.key in keys(levers["lever:4"])
    assert levers["lever:3"].count == base["lever:3"].count + 1
    # Issue 13: a lever's tools are under its « Outils » group.
    outils = next(c for c in levers["lever:4"].children if c.key == "outils:lever:4")
    tool = next(c for c in outils.children if c.key == "tool:4.1")
    assert cœur.key in {c.key for c in tool.children}
    loans = next(n for n in catalogue.tree("tools") if n.key == "nature:loan")
    assert "Prêt d'honneur du Haut-Bugey" in {c.title for c in loans.children}


def test_local_keys_are_known_so_their_notes_are_not_orphans(
    store: NotesStore, bugey: Territory, catalogue: TerritoryCatalogue, cœur: LocalEntry
) -> None:
    store.save_note(cœur.key, bugey, "Rencontrés au forum", entry_title=cœur.title)
    assert cœur.key in catalogue.keys()
    assert store.orphans(set(catalogue.keys()), bugey) == []
    assert catalogue.title(cœur.key) == cœur.title


def test_the_briefing_sheet_prints_a_local_entry_with_its_note(
    store: NotesStore, bugey: Territory, catalogue: TerritoryCatalogue, cœur: LocalEntry
) -> None:
    store.save_note(cœur.key, bugey, "Rencontrés au forum", entry_title=cœur.title)
    sheet = build_sheet(catalogue, store, bugey, [cœur.key], today=date(2026, 12, 3))
    text = to_markdown(sheet)
    assert "Cœur d’Ain Réemploi" in text
    assert "Rencontrés au forum" in text
    assert "ajouté pour CC du Haut-Bugey" in text


@pytest.mark.parametrize("query", ["reemplio", "Coeur d'Ain Réemplois", "nantau"])
def test_a_misspelt_local_name_is_found_and_suggested(
    catalogue: TerritoryCatalogue, cœur: LocalEntry, query: str
) -> None:
    hits = catalogue.search(query)
    local = [h for h in hits if h.key == cœur.key]
    assert local and local[0].match in ("fuzzy", "prefix")
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    if local[0].match == "fuzzy":
        assert cœur.title in catalogue.suggestions(query)


def test_exact_matches_stay_before_fuzzy_ones(
    catalogue: TerritoryCatalogue, cœur: LocalEntry
) -> None:
    matches = [h.match for h in catalogue.search("accompagnement")]
    assert "fuzzy" not in matches[: matches.count("exact") + matches.count("prefix")]


def test_a_territory_filter_keeps_local_entries_for_every_territory(
    catalogue: TerritoryCatalogue, cœur: LocalEntry
) -> None:
    """« Pour mon territoire » never hides what applies everywhere (the catalogue's rule)."""
    qpv = Filters(territories=("territory:qpv",))
    titles = {r.title for r in catalogue.directory("", qpv) if isinstance(r, LocalRow)}
    assert titles == {"Prêt d'honneur du Haut-Bugey"}  # « tous territoires »; the ZRR one not
    counts = {f.value: f.count for f in catalogue.facets()["territories"]}
    base = {f.value: f.count for f in super(TerritoryCatalogue, catalogue).facets()["territories"]}
    assert counts["territory:qpv"] == base["territory:qpv"] + 1
    assert counts["territory:zrr"] == base["territory:zrr"] + 2
    scheme = next(e for e in catalogue.local.entries if e.kind == "scheme")
    scopes = catalogue.scopes([cœur.key, scheme.key, "scheme:dla"], ["territory:zrr"])
    assert scopes[cœur.key] == ("targeted", "cible : ZRR")
    assert scopes[scheme.key] == ("everywhere", "tous territoires")
    assert "scheme:dla" in scopes


def test_relevance_order_puts_a_local_name_equal_to_the_text_first(
    catalogue: TerritoryCatalogue, cœur: LocalEntry
) -> None:
    rows = catalogue.directory("car", sort="relevance")
    assert rows[0].key == cœur.key  # its acronym
    rows = catalogue.directory("dla", sort="relevance")
    assert rows[0].key == "scheme:dla"
    paged = [
        r
        for offset in (0, 3, 6)
        for r in catalogue.directory("a", sort="relevance", limit=3, offset=offset)
    ]
    assert paged == catalogue.directory("a", sort="relevance")[:9]
