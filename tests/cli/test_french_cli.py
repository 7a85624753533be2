"""The command line speaks French: help, usage errors and placeholders (argparse's own texts
included), French words accepted where the help shows them, English ones still working."""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys

import pytest
from testkit import Run

from essdesk.catalogue.records import KIND_LABELS
from essdesk.cli import build_parser
from essdesk.cli.catalogue import KINDS, TREES

# What argparse prints when it is left in English.
ENGLISH = (
    "usage:",
    "positional arguments",
    "show this help message and exit",
    "show program's version number and exit",
    "the following arguments are required",
    "invalid choice",
    "choose from",
    "unrecognized arguments",
    "expected one argument",
    "error:",
    "default:",
)
ENGLISH_PLACEHOLDERS = {
    "QUERY", "KEY", "NAME", "FILE", "TEXT", "STATUS", "TITLE", "KIND", "SORT", "OUTPUT",
    "PATH", "COMMAND", "INITIALS", "DATE", "LIMIT", "KEYS", "MAP",
}  # fmt: skip


def commands(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command path of the parser: (), ("search",), ("notes", "add"), …"""
    found = [path]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found += commands(sub, (*path, name))
    return found


COMMANDS = commands(build_parser())


def test_every_command_is_listed() -> None:
    assert ("notes", "add") in COMMANDS and ("brief",) in COMMANDS and ("tree",) in COMMANDS


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: " ".join(p) or "essdesk")
def test_help_is_french(essdesk: Run, path: tuple[str, ...]) -> None:
    code, out, err = essdesk(*path, "--help")
    assert code == 0, err
    assert out.startswith("usage : essdesk")
    assert "afficher cette aide et quitter" in out
    assert not [phrase for phrase in ENGLISH if phrase in out]


def test_every_placeholder_is_french() -> None:
    """Each argument that takes a value names it in French, chosen, not argparse's DEST."""
    chosen: dict[str, str] = {}
    stack = [build_parser()]
    while stack:
        parser = stack.pop()
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                stack += action.choices.values()
            if action.nargs == 0 or isinstance(action, argparse._HelpAction):
                continue
            name = "/".join(action.option_strings) or action.dest
            assert action.metavar, f"{parser.prog} {name}: no placeholder chosen"
            chosen[f"{parser.prog} {name}"] = str(action.metavar)
    english = {k: v for k, v in chosen.items() if set(v.split("=")) & ENGLISH_PLACEHOLDERS}
    assert english == {}
    assert chosen["essdesk search query"] == "RECHERCHE"


def test_version_help_is_french(essdesk: Run) -> None:
    _, out, _ = essdesk("--help")
    assert re.search(r"--version +afficher la version et quitter", out)


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["show"], "arguments obligatoires manquants : CLE"),
        (["serch", "dla"], "choix inconnu : 'serch'"),
        (["search", "dla", "--bogus"], "arguments non reconnus : --bogus"),
        (["search", "dla", "--limit"], "--limit : une valeur attendue"),
        (["notes", "add", "scheme:dla"], "arguments obligatoires manquants : --territory, --text"),
        (["notes"], "arguments obligatoires manquants : ACTION"),
        (["tree", "arbres"], "« arbres » inconnu (possibles : sessions, leviers, outils)"),
        (["brief", "x.pdf", "--format", "docx"], "--format : choix inconnu : 'docx'"),
    ],
)
def test_usage_errors_are_french(essdesk: Run, argv: list[str], expected: str) -> None:
    code, out, err = essdesk(*argv)
    assert code == 2
    assert out == ""
    assert err.startswith("usage : essdesk")
    assert expected in err
    assert " : erreur : " in err
    assert not [phrase for phrase in ENGLISH if phrase in err]


def test_the_real_program_speaks_french() -> None:
    """The installed entry point, in its own process (not only the in-process parser)."""
    out = subprocess.run(
        [sys.executable, "-m", "essdesk", "search"], capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 2
    assert "arguments obligatoires manquants : RECHERCHE" in out.stderr
    assert not [phrase for phrase in ENGLISH if phrase in out.stderr]


@pytest.mark.parametrize(
    ("french", "english"),
    [("leviers", "levers"), ("outils", "tools"), ("Séances", "sessions"), ("seances", "sessions")],
)
def test_tree_takes_french_names(essdesk: Run, french: str, english: str) -> None:
    code, out, err = essdesk("tree", french, "--json")
    assert code == 0, err
    assert json.loads(out) and out == essdesk("tree", english, "--json")[1]


@pytest.mark.parametrize(
    ("french", "english"), [("dispositif", "scheme"), ("acteurs", "actor"), ("sigle", "term")]
)
def test_search_kinds_take_french_words(essdesk: Run, french: str, english: str) -> None:
    code, out, err = essdesk("search", "emploi", "--kind", french, "--json")
    assert code == 0, err
    hits = json.loads(out)
    assert hits and {h["kind"] for h in hits} == {english}
    assert out == essdesk("search", "emploi", "--kind", english, "--json")[1]


def test_every_kind_has_a_word() -> None:
    assert set(KINDS.values()) == set(KIND_LABELS)
    assert set(TREES.values()) == {"sessions", "levers", "tools"}


@pytest.mark.parametrize(("french", "english"), [("statut", "status"), ("création", "created")])
def test_notes_sort_takes_french_words(essdesk: Run, french: str, english: str) -> None:
    assert essdesk("territories", "add", "Creuse")[0] == 0
    for key in ("scheme:dla", "lever:3"):
        essdesk("notes", "add", key, "--territory", "Creuse", "--text", key)
    essdesk(
        "notes", "add", "lever:3", "--territory", "Creuse", "--text", "x", "--status", "contacte"
    )
    code, out, err = essdesk("notes", "list", "--territory", "Creuse", "--sort", french, "--json")
    assert code == 0, err
    assert out == essdesk("notes", "list", "--territory", "Creuse", "--sort", english, "--json")[1]


def test_show_suggests_the_key_it_probably_meant(essdesk: Run) -> None:
    code, out, err = essdesk("show", "dla")
    assert code == 1 and out == ""
    assert "entrée inconnue : dla" in err
    assert "Vouliez-vous dire : scheme:dla ?" in err
    assert "essdesk search dla" in err


def test_show_suggests_near_spellings(essdesk: Run) -> None:
    code, _, err = essdesk("show", "scheme:dlaa")
    assert code == 1
    assert "Vouliez-vous dire : scheme:dla" in err


def test_show_without_a_near_key_points_at_search(essdesk: Run) -> None:
    code, _, err = essdesk("show", "zzzzqqq")
    assert code == 1
    assert "Vouliez-vous" not in err and "Ou cherchez : essdesk search zzzzqqq" in err


@pytest.mark.parametrize("limit", ["0", "-1", "1001", "9223372036854775808", "abc", "2.5"])
def test_limit_outside_1_to_1000_is_a_usage_error(essdesk: Run, limit: str) -> None:
    code, out, err = essdesk("search", "dla", "--limit", limit)
    assert code == 2 and out == ""
    assert f"--limit : nombre entier de 1 à 1 000 attendu, pas « {limit} »" in err


@pytest.mark.parametrize("limit", ["1", "1000"])
def test_limit_bounds_are_accepted(essdesk: Run, limit: str) -> None:
    code, out, err = essdesk("search", "emploi", "--limit", limit, "--json")
    assert code == 0, err
    assert 1 <= len(json.loads(out)) <= int(limit)
