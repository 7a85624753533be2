"""Corrections from a hand audit of the catalogue against the report (issue 13), each
checked against the report's own words on the shipped catalogue."""

from __future__ import annotations

import re

import pytest

from essdesk import textfold
from essdesk.catalogue.records import ACTOR_TYPE_LABELS
from essdesk.catalogue.sources import SourceError, load_sources
from essdesk.catalogue.store import Catalogue
from essdesk.paths import data_dir

ARTICLE_NAME = re.compile(r"^(?:(?:le|la|les) |l[’'])[A-ZÉ]")


def flat(text: str) -> str:
    return " ".join(text.split())


def test_decideurs_publics_locaux_says_whose_expertise_and_the_prerequisite(
    real: Catalogue,
) -> None:
    e = real.entry("term:decideurs-publics-locaux")
    assert e is not None
    assert "expertise sociale et environnementale des entreprises de l’ESS" in e.summary
    assert "leur expertise" not in e.summary
    assert (
        "présupposent la volonté de co-construire une relation partenariale de long terme "
        "entre acteurs publics et entreprises de l’ESS. Sans ce prérequis, ils perdent en "
        "pertinence." in flat(e.text)
    )


def test_qpv_quotes_the_hedge_whole(real: Catalogue) -> None:
    e = real.entry("territory:qpv")
    assert e is not None
    quote = "« que l’on peut peut-être qualifier de consubstantiel à la politique de la ville »"
    assert quote in e.summary
    assert "« consubstantielle" not in e.summary + e.text


def test_politique_de_la_ville_does_not_place_the_salaries_in_the_neighbourhoods(
    real: Catalogue,
) -> None:
    e = real.entry("term:politique-de-la-ville")
    assert e is not None
    body = e.plain_text()
    assert "100 000 salariés de l’ESS en quartiers prioritaires" not in body
    assert "on compte 100 000 salariés « dont une majorité de femmes et de jeunes" in body


def test_floriane_boulay_and_the_accord_link_both_ways(real: Catalogue) -> None:
    person, accord = real.entry("actor:floriane-boulay"), real.entry("scheme:accord-adcf-etat")
    assert person is not None and accord is not None
    assert ("scheme:accord-adcf-etat", "A présenté", True) in {
        (r.key, r.label, r.outgoing) for r in person.related
    }
    assert ("actor:floriane-boulay", "Présenté par", False) in {
        (r.key, r.label, r.outgoing) for r in accord.related
    }


def test_la_fabrique_cooperative_type_is_not_guessed(real: Catalogue) -> None:
    e = real.entry("actor:la-fabrique-cooperative")
    assert e is not None and e.subtype == "unspecified"
    assert ("Type d'acteur", "Non précisé par le compte-rendu") in e.details


# Organisations the report names without saying what they are: no type is guessed.
UNSAID = ("actor:ademe", "actor:pole-emploi", "actor:ess-france", "actor:la-fabrique-cooperative")


def test_every_actor_type_is_the_reports_or_not_precise(real: Catalogue) -> None:
    """Each organisation's type quotes the report's words that make it so (shown on its
    card), or is « non précisé » when the report says nothing."""
    for key in UNSAID:
        e = real.entry(key)
        assert e is not None and e.subtype == "unspecified", key
        assert not any(label == "D'après le compte-rendu" for label, _ in e.details), key
    typed = 0
    for key in real.keys():
        e = real.entry(key)
        assert e is not None
        if e.kind != "actor" or e.subtype in ("person", "unspecified"):
            continue
        quotes = [value for label, value in e.details if label == "D'après le compte-rendu"]
        assert len(quotes) == 1 and quotes[0].startswith("« "), key
        typed += 1
    assert typed >= 35
    msa = real.entry("actor:msa")  # « les acteurs de l'accompagnement spécialisés comme la MSA »
    assert msa is not None and msa.subtype == "support-network"


def test_the_build_refuses_a_type_without_the_reports_words(tmp_path) -> None:
    src = data_dir()
    for f in src.glob("*.toml"):
        (tmp_path / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    actors = tmp_path / "actors.toml"
    text = actors.read_text(encoding="utf-8")
    quote = 'actor_type_basis = "SCIC Képos"\n'
    assert quote in text
    actors.write_text(text.replace(quote, ""), encoding="utf-8")
    with pytest.raises(SourceError, match="citez les mots du compte-rendu"):
        load_sources(tmp_path)
    actors.write_text(
        text.replace('actor_type = "unspecified"\n', 'actor_type = "unspecified"\n' + quote, 1),
        encoding="utf-8",
    )
    with pytest.raises(SourceError, match="non précisé n'a pas de citation"):
        load_sources(tmp_path)


def test_research_label_covers_publishers_and_think_tanks(real: Catalogue) -> None:
    assert ACTOR_TYPE_LABELS["research"] == "Recherche, études, publications"
    e = real.entry("actor:les-petits-matins")
    assert e is not None and ("Type d'acteur", "Recherche, études, publications") in e.details


def test_aliases_are_neither_duplicates_nor_articles() -> None:
    for e in load_sources(data_dir()):
        seen = {textfold.index_text(e.fields["title"])}
        for alias in e.fields["aliases"]:
            folded = textfold.index_text(alias)
            assert folded not in seen, (e.key, alias)
            seen.add(folded)
            assert not ARTICLE_NAME.match(alias), (e.key, alias)  # « le RTES »


def test_tiers_lieu_alias_once(real: Catalogue) -> None:
    e = real.entry("term:tiers-lieu")
    assert e is not None and e.aliases == ("tiers-lieux",)
    rtes = real.entry("actor:rtes")
    assert rtes is not None and "le RTES" not in rtes.aliases


def test_source_line_names_the_written_account(real: Catalogue) -> None:
    e = real.entry("scheme:dla")
    assert e is not None
    assert e.provenance.startswith("Source : compte-rendu du webinaire du 31 mars 2021 — ")
