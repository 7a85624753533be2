"""Forgiving search (issue 13) on the shipped catalogue: typos, glued and split words,
dotted acronyms, ranking of names over bodies, a person's sessions after their card.

``real`` opens the shipped catalogue: a missing catalogue is an error, not a skip.
"""

from __future__ import annotations

import pytest

from essdesk import fuzzy, textfold
from essdesk.catalogue.records import Filters
from essdesk.catalogue.store import Catalogue


def keys(hits) -> list[str]:
    return [h.key for h in hits]


def test_distance_counts_each_kind_of_edit_once() -> None:
    assert fuzzy.distance("france", "frnace", 1) == 1  # transposition
    assert fuzzy.distance("railcoop", "railcop", 1) == 1  # deletion
    assert fuzzy.distance("economie", "econmie", 1) == 1
    assert fuzzy.distance("zrr", "qpv", 2) == 3  # above the limit: limit + 1
    assert fuzzy.distance("accompagnement", "acompagnment", 2) == 2


def test_edits_allowed_by_word_length() -> None:
    assert [fuzzy.max_edits(w) for w in ("ess", "fond", "railcop", "acompagnement")] == [0, 1, 1, 2]
    vocab = fuzzy.Vocabulary({"fonds": 3, "france": 5, "accompagnement": 9, "ess": 4})
    assert vocab.corrections("fons") == ["fonds"]
    assert vocab.corrections("frnace") == ["france"]
    assert vocab.corrections("acompagnment") == ["accompagnement"]
    assert vocab.corrections("acmpagnment") == []  # three edits on a long word: too far
    assert vocab.corrections("esz") == []  # under 4 letters: never corrected
    assert vocab.corrections("frnacz") == []  # two edits on a 6-letter word: too far


def test_glued_and_split_words() -> None:
    vocab = fuzzy.Vocabulary({"tiers": 4, "lieu": 6, "co": 9, "construction": 7})
    assert vocab.splits("tierslieu") == [("tiers", "lieu")]
    reading = fuzzy.plan(["tierslieu"], vocab)
    assert reading.corrected == ("tiers lieu",) and reading.changed
    assert '"tiers lieu"' in fuzzy.fts_expression(reading.groups)


@pytest.mark.parametrize(
    ("query", "expected", "corrected"),
    [
        ("frnace active", "actor:france-active", "france active"),
        ("railcop", "actor:railcoop", "railcoop"),
        ("econmie sociale et solidaire", "term:ess", "economie sociale et solidaire"),
        ("tierslieu", "term:tiers-lieu", "tiers lieu"),
        ("acompagnement", "scheme:dla", "accompagnement"),
        ("coconstruction", "term:co-construction", "co construction"),
    ],
)
def test_misspelt_queries_find_their_entry(
    real: Catalogue, query: str, expected: str, corrected: str
) -> None:
    hits = real.search(query, limit=10)
    assert expected in keys(hits)[:3], keys(hits)
    assert {h.match for h in hits} == {"fuzzy"}
    assert real.suggestions(query)[0] == corrected


def test_split_word_joins(real: Catalogue) -> None:
    assert keys(real.search("co construction"))[0] == "term:co-construction"


def test_exact_and_prefix_rank_above_fuzzy(real: Catalogue) -> None:
    # Two exact hits only: the fuzzy reading of every word adds more, after them.
    hits = real.search("cooperatives rurales", limit=50)
    order = [h.match for h in hits]
    assert order[:2] == ["exact", "exact"] and set(order[2:]) == {"fuzzy"}, order
    # Many prefix hits: no fuzzy at all.
    hits = real.search("relanc", limit=50)
    assert hits and {h.match for h in hits} == {"prefix"}


def test_no_fuzzy_when_every_word_matched_and_results_are_many(real: Catalogue) -> None:
    assert real.suggestions("territoires") == []
    assert all(h.match != "fuzzy" for h in real.search("territoires", limit=100))


def test_score_goes_down_along_the_list(real: Catalogue) -> None:
    hits = real.search("frnace active", limit=20)
    scores = [h.score for h in hits]
    assert scores[0] == 1.0 and scores == sorted(scores, reverse=True)
    assert len(set(scores)) == len(scores)


@pytest.mark.parametrize("query", ["d.l.a", "D.L.A.", "dla"])
def test_dotted_acronym(real: Catalogue, query: str) -> None:
    assert textfold.words(query) == ["dla"]
    assert keys(real.search(query))[0] == "scheme:dla"


def test_tool_numbers_are_not_acronyms() -> None:
    assert textfold.words("outil 3.2") == ["outil", "3", "2"]


def test_title_outranks_body(real: Catalogue) -> None:
    assert keys(real.search("economie solidaire"))[0] == "term:ess"


def test_person_brings_up_their_sessions(real: Catalogue) -> None:
    person = real.entry("actor:timothee-duverger")
    assert person is not None
    spoke = [r.key for r in person.related if r.rel in ("speaks_in", "moderates") and r.outgoing]
    assert spoke
    got = keys(real.search("Timothée Duverger", limit=20))
    assert got[0] == "actor:timothee-duverger"
    assert set(got[1 : 1 + len(spoke)]) == set(spoke)
    # Under a filter that excludes sessions, none is added.
    only_actors = real.search("Timothée Duverger", Filters(kinds=("actor",)))
    assert all(h.kind == "actor" for h in only_actors)


def test_fuzzy_respects_filters(real: Catalogue) -> None:
    assert keys(real.search("railcop", Filters(kinds=("actor",))))[0] == "actor:railcoop"
    assert all(h.kind == "actor" for h in real.search("railcop", Filters(kinds=("actor",))))
    assert real.search("railcop", Filters(kinds=("territory",))) == []


def test_highlights_the_corrected_words(real: Catalogue) -> None:
    hit = real.search("railcop")[0]
    assert any(hit.snippet[a:b].lower() == "railcoop" for a, b in hit.highlights)


def test_nonsense_finds_nothing_and_suggests_nothing(real: Catalogue) -> None:
    assert real.search("xqzwv") == []
    assert real.suggestions("xqzwv") == []


def test_suggestions_never_say_the_same_thing_twice(real: Catalogue) -> None:
    """« france active » (the corrected query) and « France Active » (a title) are one
    suggestion: seen under Xvfb, the pane offered both side by side."""
    shown = real.suggestions("frnace active")
    assert shown and textfold.index_text(shown[0]) == "france active"
    folded = [textfold.index_text(s) for s in shown]
    assert len(folded) == len(set(folded)), shown
