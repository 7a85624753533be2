"""Search mechanics on the small fixture catalogue: folding, prefixes, filters, safety."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from essdesk import textfold
from essdesk.catalogue.records import Filters
from essdesk.catalogue.search import Matcher, query_words, snippet
from essdesk.catalogue.store import Catalogue, CatalogueError


def keys(hits) -> list[str]:
    return [h.key for h in hits]


def test_fold() -> None:
    assert textfold.fold("Cœur ÉCONOMIE d’Æsop") == "coeur economie d'aesop"
    assert textfold.words("l’ESS au cœur — co-construire") == [
        "l", "ess", "au", "coeur", "co", "construire",
    ]  # fmt: skip


_LATIN1_AND_BEYOND = st.text(
    alphabet=st.characters(max_codepoint=0xFF) | st.sampled_from("œŒ’‘ʼ€…–😀ЖİΣ\u0301ǅﬁ"),
    max_size=40,
)


@settings(max_examples=500)
@given(_LATIN1_AND_BEYOND | st.text(max_size=40))
def test_a_text_folds_and_splits_the_same_whatever_the_way(text: str) -> None:
    """fold() and words() take shortcuts in C for a Latin-1 text (a team pull indexes 10,000
    notes at once): the fold is still the general one (ligatures and apostrophes replaced,
    NFKD, accents dropped, lower case) and the words the runs of [0-9a-z] of it."""
    replaced = text
    for a, b in textfold._REPLACEMENTS:
        replaced = replaced.replace(a, b)
    assert textfold.fold(text) == textfold._decompose(replaced)
    folded = textfold._TRAILING_PLUS.sub(" plus", textfold.fold(text))
    folded = textfold._DOTTED.sub(lambda m: m.group().replace(".", ""), folded)
    assert textfold.words(text) == textfold._WORD.findall(folded)
    assert textfold.index_text(text) == " ".join(textfold._WORD.findall(folded))


@pytest.mark.parametrize("query", ["coeur", "CŒUR", "cœu", "Coe", "cœur des"])
def test_ligature_and_case(mini: Catalogue, query: str) -> None:
    assert keys(mini.search(query))[:1] == ["scheme:crte"]


@pytest.mark.parametrize("query", ["foncier", "acces au foncier", "l'accès", "l’acces"])
def test_apostrophes_and_accents(mini: Catalogue, query: str) -> None:
    assert "tool:2.2" in keys(mini.search(query))


def test_title_and_alias_outrank_body(mini: Catalogue) -> None:
    # "ESS" is in term:ess's title/alias and in session titles; the term comes first.
    assert keys(mini.search("ess"))[0] == "term:ess"


def test_filters(mini: Catalogue) -> None:
    sessions = mini.search("relance", Filters(kinds=("session",)))
    assert set(keys(sessions)) == {"session:tr1", "session:tr1-s1"}
    assert keys(mini.search("coeur", Filters(kinds=("actor",)))) == []
    assert keys(mini.search("crte", Filters(territories=("territory:qpv",)))) == ["scheme:crte"]
    assert keys(mini.search("crte", Filters(levers=("lever:2",)))) == ["scheme:crte"]
    assert keys(mini.search("crte", Filters(levers=("lever:1",)))) == []


def test_snippet_highlights_original_text(mini: Catalogue) -> None:
    hit = mini.search("coeur")[0]
    a, b = hit.highlights[0]
    assert hit.snippet[a:b] == "cœur"
    assert "**cœur**" in hit.marked_snippet()


def test_snippet_window() -> None:
    text = "mot " * 100 + "cible " + "mot " * 100
    snip, spans = snippet(text, ["cible"])
    assert snip.startswith("… ") and snip.endswith(" …") and len(snip) < 200
    assert [snip[a:b] for a, b in spans] == ["cible"]
    assert Matcher(["pole"]).spans("Pôle Emploi, pôles") == [(0, 4), (13, 18)]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Raphaël Dupont", "raphael"),  # "ae" with an accent: not the ligature
        ("Gaëlle", "gaelle"),
        ("Cœur", "coeur"),
        ("Coëtquidan", "coetquidan"),
        ("Æsop", "aesop"),
        ("Straße", "strasse"),
    ],
)
def test_highlight_finds_digraphs_with_accents_or_ligatures(text: str, word: str) -> None:
    """Search folds "ë" to "e" and "æ" to "ae": the highlight must find what search found."""
    assert Matcher([word]).spans(text) == [(0, len(text.split()[0]))]


HOSTILE = [
    '"',
    '""',
    "*",
    "a*b",
    "(",
    ")",
    "NEAR(a b)",
    "a NEAR b",
    "AND",
    "OR",
    "NOT",
    "-",
    "-x",
    "+",
    "^",
    ":",
    "title:crte",
    "{a b}",
    "\x00",
    "🙂",
    "ﷺ",
    "x" * 10_000,
    "a " * 5_000,
    "' OR 1=1 --",
    "; DROP TABLE entries;",
    "\\",
    "%_",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries(mini: Catalogue, query: str) -> None:
    """Operators, quotes, SQL and oversized input are plain text: the answer is the one the
    query's words alone give (nothing else reaches FTS5 or SQL), the directory's count and
    facets agree with its rows, and the catalogue is intact afterwards."""
    size = len(mini)
    words = " ".join(query_words(query))
    hits, rows = mini.search(query), mini.directory(query)
    if words:
        assert [h.key for h in hits] == [h.key for h in mini.search(words)]
        assert [r.key for r in rows] == [r.key for r in mini.directory(words)]
    else:  # only separators typed: nothing matches (not the whole directory)
        assert hits == [] and rows == []
    assert mini.count(query) == len(rows)
    counts = [v.count for values in mini.facets(query).values() for v in values]
    assert all(0 < n <= len(rows) for n in counts)
    assert len(mini) == size and mini.entry("scheme:crte") is not None


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=300))
def test_any_text_is_safe(mini: Catalogue, query: str) -> None:
    hits = mini.search(query)
    assert all(h.key in mini.keys() for h in hits)
    assert len(query_words(query)) <= 12
    mini.directory(query)


def test_directory_and_facets(mini: Catalogue) -> None:
    assert keys(mini.directory()) == ["actor:celine-coubard", "scheme:crte"]
    assert keys(mini.directory(sort="title", descending=True)) == [
        "scheme:crte",
        "actor:celine-coubard",
    ]
    assert keys(mini.directory("crt")) == ["scheme:crte"]
    assert keys(mini.directory("!!!")) == []
    facets = mini.facets(filters=Filters(territories=("territory:qpv",)))
    assert {(f.value, f.count) for f in facets["kinds"]} == {("scheme", 1)}
    # the territory facet ignores its own filter, so the other values stay offered
    assert [f.value for f in facets["territories"]] == ["territory:qpv"]


def test_entry_relations_both_ways(mini: Catalogue) -> None:
    crte = mini.entry("scheme:crte")
    assert crte is not None
    assert ("territory:qpv", "targets", True) in {(r.key, r.rel, r.outgoing) for r in crte.related}
    qpv = mini.entry("territory:qpv")
    assert qpv is not None
    assert ("scheme:crte", "targets", False) in {(r.key, r.rel, r.outgoing) for r in qpv.related}
    session = mini.entry("session:tr1-s1")
    assert session is not None
    assert {r.key for r in session.related if not r.outgoing} >= {
        "scheme:crte",
        "actor:celine-coubard",
    }
    assert (
        crte.provenance
        == "Source : compte-rendu du webinaire du 31 mars 2021 — Table ronde n°1, séquence #1"
    )
    assert mini.entry("scheme:nope") is None


def test_opens_read_only_from_read_only_folder(tmp_path: Path, mini_src: Path) -> None:
    from essdesk.catalogue.build import build

    folder = tmp_path / "ro"
    folder.mkdir()
    out = folder / "c.sqlite3"
    build(mini_src, out)
    folder.chmod(0o555)
    out.chmod(0o444)
    try:
        with Catalogue.open(out) as cat:
            assert cat.search("crte")
        assert sorted(p.name for p in folder.iterdir()) == ["c.sqlite3"]
    finally:
        folder.chmod(0o755)
    with closing(sqlite3.connect(out)) as con:  # a connection's own "with" does not close it
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def test_not_a_catalogue(tmp_path: Path) -> None:
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"not a database" * 100)
    with pytest.raises(CatalogueError, match="illisible"):
        Catalogue.open(bad)
    with pytest.raises(CatalogueError, match="introuvable"):
        Catalogue.open(tmp_path / "missing.sqlite3")
    other = tmp_path / "other.sqlite3"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE meta(name, value)")
    con.execute("INSERT INTO meta VALUES ('schema_version', '99')")
    con.commit()
    con.close()
    with pytest.raises(CatalogueError, match="non prise en charge"):
        Catalogue.open(other)


def test_highlights_every_written_form() -> None:
    text = "Cœur, CŒUR, coeur, Coeurs ; écœurant non ; Détourné DETOURNE"
    spans = Matcher(["coeur", "detourne"]).spans(text)
    assert [text[a:b] for a, b in spans] == [
        "Cœur", "CŒUR", "coeur", "Coeurs", "Détourné", "DETOURNE",
    ]  # fmt: skip


def test_directory_pages(mini: Catalogue) -> None:
    everything = mini.directory()
    assert mini.count() == len(everything) == 2
    pages = mini.directory(limit=1) + mini.directory(limit=1, offset=1)
    assert pages == everything
    assert mini.directory(limit=5, offset=10) == []
    assert mini.count("crt") == 1 and mini.count("!!!") == 0
    assert mini.count(filters=Filters(territories=("territory:qpv",))) == 1


FACET_ATTRS = ("kinds", "actor_types", "natures", "levers", "territories")


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    text=st.sampled_from(["", "d", "france", "ess territoires", "fonds", "zzz", "-"]),
    picks=st.lists(st.tuples(st.sampled_from(FACET_ATTRS), st.integers(0, 50)), max_size=3),
)
def test_each_facet_count_is_what_choosing_that_value_shows(real: Catalogue, text, picks) -> None:
    """A facet value's count is the directory's count once it is chosen (the facet's own
    selection replaced, the others kept): facets with nothing selected are counted in one
    pass, from the text's matches, and must agree with the plain query."""
    offered = real.facets()
    chosen: dict[str, tuple[str, ...]] = {}
    for attr, index in picks:
        values = [fv.value for fv in offered[attr]]
        chosen[attr] = (*chosen.get(attr, ()), values[index % len(values)])
    filters = Filters(**chosen)
    facets = real.facets(text, filters)
    for attr in FACET_ATTRS:
        for fv in facets[attr]:
            alone = Filters(**{**chosen, attr: (fv.value,)})
            assert fv.count == real.count(text, alone), (attr, fv.value)
        # a facet ignores its own selection: the other values stay offered
        unselected = real.facets(text, Filters(**{**chosen, attr: ()}))[attr]
        assert facets[attr] == unselected, attr
    assert real.count(text, filters) == len(real.directory(text, filters))
