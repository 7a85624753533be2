"""The command line, run as a user runs it: a real process, real catalogue files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from essdesk import __version__


def test_search_json(cli) -> None:
    out = cli("search", "coeur", "--json")
    assert out.returncode == 0, out.stderr
    hits = json.loads(out.stdout)
    assert hits[0]["key"] == "scheme:crte"
    assert {"key", "kind", "title", "snippet"} <= set(hits[0])
    assert "**cœur**" in hits[0]["snippet"]


def test_search_kind_filter_and_limit(cli) -> None:
    hits = json.loads(cli("search", "relance", "--kind", "session", "--json").stdout)
    assert hits and all(h["kind"] == "session" for h in hits)
    assert len(json.loads(cli("search", "e", "--limit", "1", "--json").stdout)) <= 1


def test_query_starting_with_dash(cli) -> None:
    out = cli("search", "--json", "--", "-crte")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)[0]["key"] == "scheme:crte"


@pytest.mark.parametrize("query", ['"', "NEAR(", "*", "\u00a0", "🙂" * 50, "x" * 10_000])
def test_hostile_query_exit_zero(cli, query: str) -> None:
    out = cli("search", "--json", "--", query)
    assert out.returncode == 0, out.stderr
    assert isinstance(json.loads(out.stdout), list)


def test_show_json(cli) -> None:
    out = cli("show", "scheme:crte", "--json")
    assert out.returncode == 0, out.stderr
    entry = json.loads(out.stdout)
    for field in (
        "key",
        "kind",
        "title",
        "aliases",
        "summary",
        "text",
        "links",
        "related",
        "source",
    ):
        assert field in entry
    assert entry["aliases"] == ["CRTE"]
    assert "833 périmètres" in entry["text"]
    assert entry["links"] == [
        {"url": "https://agence-cohesion-territoires.gouv.fr/crte", "label": "CRTE"}
    ]
    assert {"key": "territory:qpv", "relation": "targets"}.items() <= entry["related"][-1].items()
    assert entry["source"].startswith("Source : compte-rendu du webinaire du 31 mars 2021")


def test_show_human(cli) -> None:
    out = cli("show", "scheme:crte")
    assert out.returncode == 0
    assert "Contrats de relance" in out.stdout and "connexion nécessaire" in out.stdout


def test_unknown_key(cli) -> None:
    out = cli("show", "scheme:nothing")
    assert out.returncode == 1
    assert "entrée inconnue : scheme:nothing" in out.stderr
    assert out.stdout == ""


@pytest.mark.parametrize(
    "args", [("tree",), ("tree", "forest"), ("search",), ("search", "x", "--limit", "many")]
)
def test_bad_usage(cli, args: tuple[str, ...]) -> None:
    out = cli(*args)
    assert out.returncode == 2
    assert "usage" in out.stderr


def test_tree_json(cli) -> None:
    out = cli("tree", "levers", "--json")
    assert out.returncode == 0
    (lever,) = json.loads(out.stdout)
    assert lever["key"] == "lever:2" and lever["count"] == 1
    # Issue 13: a lever's tools come under its « Outils » group.
    (tools,) = lever["children"]
    assert tools["key"] == "outils:lever:2" and tools["title"] == "Outils"
    assert tools["children"][0]["key"] == "tool:2.2"
    assert tools["children"][0]["children"][0]["key"] == "scheme:crte"
    assert tools["count_label"] == "1 outil de ce levier"
    human = cli("tree", "sessions").stdout
    assert "Séquence #1" in human


def test_version(cli) -> None:
    out = cli("--version")
    assert out.returncode == 0 and out.stdout.strip() == f"essdesk {__version__}"


def test_missing_catalogue(cli, tmp_path: Path) -> None:
    env = {**os.environ, "ESSDESK_CATALOGUE": str(tmp_path / "none.sqlite3")}
    out = subprocess.run(
        [sys.executable, "-m", "essdesk", "search", "x"], capture_output=True, text=True, env=env
    )
    assert out.returncode == 1
    assert "Catalogue introuvable" in out.stderr and "Traceback" not in out.stderr
