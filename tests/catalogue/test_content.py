"""The shipped catalogue says what the report says (data/catalogue.sqlite3, opened read-only)."""

from __future__ import annotations

import re
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from essdesk.catalogue.build import build
from essdesk.catalogue.sources import load_sources, sources_digest
from essdesk.catalogue.store import Catalogue
from essdesk.paths import catalogue_path, data_dir

REPORT = Path(__file__).resolve().parents[3] / "shared" / "source" / "000_4c87c963c9f2997d.txt"

LEVERS = {
    "lever:1": (
        "Activer des partenariats financiers directs dans le cadre de ses compétences",
        [
            "Accorder des subventions globales de fonctionnement",
            "Investir financièrement",
            "Apporter du financement sur un projet particulier",
            "Mobiliser les politiques de développement économique ou sectorielles",
            "Abonder les fonds octroyés aux entreprises de l’ESS disposant d’agréments spécifiques",
            "Avancer les fonds octroyés par d’autres financeurs",
        ],
    ),
    "lever:2": (
        "Activer des contributions en nature dans le cadre de ses compétences",
        ["Prêter du matériel", "Faciliter l’accès au foncier", "Mettre à disposition du personnel"],
    ),
    "lever:3": (
        "Développer une commande publique responsable",
        [
            "Assurer des échanges préalables en amont de l’acte d’achat avec les entreprises de l’ESS",
            "Acheter directement des prestations de biens/ et ou de services",
            "Faciliter l’accès à la commande publique",
        ],
    ),
    "lever:4": (
        "Accompagner les entreprises de l’ESS",
        ["Apporter une ingénierie technique", "Apporter une ingénierie financière"],
    ),
    "lever:5": (
        "Promouvoir les activités et l’offre des entreprises de l’ESS auprès du grand public",
        [
            "Intégrer l’ESS dans sa communication institutionnelle",
            "Appuyer les initiatives financement participatif",
            "Faire de l’ESS un marqueur de la politique de marketing territorial",
        ],
    ),
    "lever:6": (
        "Co-animer des dynamiques collectives",
        ["Soutenir les groupements d’acteurs", "Appuyer la structuration de filières"],
    ),
}


def squash(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def test_shipped_catalogue_is_up_to_date(real: Catalogue, tmp_path: Path) -> None:
    assert real.sources_digest == sources_digest(data_dir()), (
        "data/catalogue.sqlite3 is out of date: run `python -m essdesk.catalogue.build`"
    )
    rebuilt = tmp_path / "rebuilt.sqlite3"
    build(data_dir(), rebuilt)

    def dump(path: Path) -> list[str]:
        # closing(): a connection's own "with" commits but does not close it
        with closing(sqlite3.connect(path)) as con:
            return sorted(con.iterdump())  # index creation order may vary

    assert dump(rebuilt) == dump(catalogue_path())


def test_six_levers_nineteen_tools_word_for_word(real: Catalogue) -> None:
    tools = 0
    for lever, (title, tool_titles) in LEVERS.items():
        entry = real.entry(lever)
        assert entry is not None and squash(entry.title) == title
        for i, tool_title in enumerate(tool_titles, start=1):
            tool = real.entry(f"tool:{lever[-1]}.{i}")
            assert tool is not None and squash(tool.title) == tool_title
            assert tool.parent == lever
            tools += 1
    assert tools == 19
    assert real.entry("lever:7") is None and real.entry("tool:1.7") is None


def test_wording_is_in_the_report(real: Catalogue) -> None:
    """Lever and tool titles, and the words each actor's type is taken from, are the
    report's own."""
    if not REPORT.exists():
        pytest.skip("shared/source is not beside this checkout")
    report = squash(REPORT.read_text(encoding="utf-8")).lower()
    for title, tools in LEVERS.values():
        assert title.lower() in report
        for tool in tools:
            assert tool.lower() in report, tool
    quotes = 0
    for key in real.keys():
        entry = real.entry(key)
        assert entry is not None
        for label, value in entry.details:
            if label == "D'après le compte-rendu":
                assert squash(value.strip("« »")).lower() in report, (key, value)
                quotes += 1
    assert quotes >= 35


SESSIONS = {
    "session:ouverture": (None, ["actor:yves-le-breton", "actor:francois-antoine-mariani"]),
    "session:tr1": ("actor:celine-coubard", ["actor:maxime-baduel", "actor:marianne-faucheux"]),
    "session:tr1-s1": (None, ["actor:maxime-baduel"]),
    "session:tr1-s2": (None, ["actor:marianne-faucheux"]),
    "session:tr1-s3": (None, ["actor:floriane-boulay", "actor:jeremy-pierre-nadal"]),
    "session:tr1-s4": (None, ["actor:jeremy-pierre-nadal"]),
    "session:conference": ("actor:sebastien-levrier", []),
    "session:conference-s2": (None, ["actor:mathilde-thonon"]),
    "session:conference-cb-avise": ("actor:kanitha-kernem", []),
    "session:conference-cb-france-active": ("actor:emmanuelle-maudet", []),
    "session:conference-cb-rtes": ("actor:anne-laure-federici", []),
    "session:tr3": ("actor:julien-bottriaux", ["actor:antoine-detourne", "actor:josepha-poret"]),
    "session:tr3-s2": (None, ["actor:caroline-perroud-lacote"]),
    "session:tr3-s3": (None, ["actor:josepha-poret"]),
    "session:cloture": (None, ["actor:olivia-gregoire"]),
}


def test_session_tree(real: Catalogue) -> None:
    tree = real.tree("sessions")
    top = [n.key for n in tree]
    assert top[-5:] == [
        "session:ouverture",
        "session:tr1",
        "session:conference",
        "session:tr3",
        "session:cloture",
    ]
    children = {n.key: [c.key for c in n.children] for n in tree}
    assert children["session:tr1"] == [f"session:tr1-s{i}" for i in range(1, 5)]
    assert children["session:tr3"] == [f"session:tr3-s{i}" for i in range(1, 5)]
    assert children["session:conference"] == [
        "session:conference-s1",
        "session:conference-s2",
        "session:conference-cb-avise",
        "session:conference-cb-france-active",
        "session:conference-cb-rtes",
    ]
    assert not any(k.startswith("session:tr2") for k in real.keys())
    for node in tree:
        assert node.count > 0


@pytest.mark.parametrize("key", sorted(SESSIONS))
def test_moderators_and_speakers(real: Catalogue, key: str) -> None:
    moderator, speakers = SESSIONS[key]
    entry = real.entry(key)
    assert entry is not None
    incoming = {(r.rel, r.key) for r in entry.related if not r.outgoing}
    if moderator:
        assert ("moderates", moderator) in incoming
    for speaker in speakers:
        assert ("speaks_in", speaker) in incoming or ("moderates", speaker) in incoming


def test_cartes_blanches_keep_the_report_numbering(real: Catalogue) -> None:
    for who in ("avise", "france-active", "rtes"):
        entry = real.entry(f"session:conference-cb-{who}")
        assert entry is not None and "Séquence #3" in entry.title


@pytest.mark.parametrize(
    ("key", "figures"),
    [
        ("scheme:crte", ["830", "833"]),
        ("scheme:dla", ["6 000", "3 000"]),
        ("scheme:fonds-urgence-ess", ["30 millions"]),
        ("actor:france-active", ["30 000", "410 millions"]),
        ("actor:rtes", ["150"]),
        ("scheme:cper", ["14 à 20"]),
        ("scheme:fabriques-a-initiatives", ["26"]),
    ],
)
def test_figures(real: Catalogue, key: str, figures: list[str]) -> None:
    entry = real.entry(key)
    assert entry is not None, key
    text = squash(entry.plain_text() + " " + " ".join(v for _, v in entry.details))
    for figure in figures:
        assert figure in text.replace("\u202f", " "), (key, figure)


def test_crte_quirk_is_noted(real: Catalogue) -> None:
    entry = real.entry("scheme:crte")
    assert entry is not None and "830" in entry.note and "833" in entry.note


def test_sizes_and_every_relation_resolves(real: Catalogue) -> None:
    entries = load_sources(data_dir())
    kinds = [e.kind for e in entries]
    assert kinds.count("actor") >= 55
    assert kinds.count("scheme") >= 60
    assert kinds.count("territory") >= 7
    keys = real.keys()
    for key in keys:
        entry = real.entry(key)
        assert entry is not None
        assert entry.provenance.startswith("Source : compte-rendu du webinaire du 31 mars 2021 — ")
        for r in entry.related:
            assert r.key in keys


def test_every_link_is_printed_in_the_report(real: Catalogue) -> None:
    if not REPORT.exists():
        pytest.skip("shared/source is not beside this checkout")
    report = re.sub(r"\s+", "", REPORT.read_text(encoding="utf-8"))
    for key in real.keys():
        entry = real.entry(key)
        assert entry is not None
        for link in entry.links:
            bare = link.url.removeprefix("https://").removeprefix("http://").rstrip("/")
            bare = bare.removeprefix("mailto:")
            assert bare in report, (key, link.url)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("dla", "scheme:dla"),
        ("DLA", "scheme:dla"),
        ("crte", "scheme:crte"),
        ("france active", "actor:france-active"),
        ("avise", "actor:avise"),
        ("qpv", "territory:qpv"),
        ("zrr", "territory:zrr"),
        ("PTCE", "scheme:ptce"),
        ("fse+", "scheme:fse-plus"),
        ("detourne", "actor:antoine-detourne"),
        ("Détourné", "actor:antoine-detourne"),
        ("perroud lacote", "actor:caroline-perroud-lacote"),
        ("perroud-lacote", "actor:caroline-perroud-lacote"),
        ("urgencess", "scheme:fonds-urgence-ess"),
        ("Ronal", "actor:ronalpia"),
        ("evs", "scheme:evs"),
        ("Kit Municipal'ESS", "scheme:kit-municipal-ess"),
        ("kit municipal’ess", "scheme:kit-municipal-ess"),
        ("tressons", "scheme:tressons"),
    ],
)
def test_search_finds_right_entry_first(real: Catalogue, query: str, expected: str) -> None:
    hits = real.search(query)
    assert hits and hits[0].key == expected, [h.key for h in hits[:5]]


def test_tool_found_among_first(real: Catalogue) -> None:
    assert "tool:2.2" in [h.key for h in real.search("accès au foncier")[:3]]


def test_ligature_queries(real: Catalogue) -> None:
    for query in ("action coeur de ville", "Action Cœur", "ACTION COEUR"):
        assert real.search(query)[0].key == "scheme:action-coeur-de-ville"
