"""Command line: ``essdesk COMMAND … [--json]``, a thin layer over the domain.

This module is only the dispatcher: it builds the parser from the command modules
(:mod:`~essdesk.cli.catalogue`, :mod:`~essdesk.cli.notes`, :mod:`~essdesk.cli.brief`), which
take their shared helpers from :mod:`essdesk.cli.common`, and runs the chosen handler. Works
without a display and never imports Qt. Exit codes: 0 ok, 1 error (message on stderr),
2 bad usage (argparse).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from essdesk import __version__
from essdesk.cli import brief, catalogue, entries, notes, team
from essdesk.cli.common import error, failure
from essdesk.cli.parser import FrenchParser


def build_parser() -> argparse.ArgumentParser:
    parser = FrenchParser(
        prog="essdesk",
        description="L'ESS au cœur de la relance des territoires fragiles — outil hors ligne. "
        "Sans commande : ouvre l'application.",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"essdesk {__version__}",
        help="afficher la version et quitter",
    )
    parser.add_argument(
        "--self-check",
        action="store_true",
        help="vérifier catalogue, recherche, notes et interface, puis quitter",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMANDE")
    catalogue.add_parsers(sub)
    notes.add_parsers(sub)
    brief.add_parsers(sub)
    entries.add_parsers(sub)
    team.add_parsers(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run a sub-command; returns the exit code. No sub-command: the desktop application."""
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.self_check:
        from essdesk.selfcheck import run_self_check

        return run_self_check()
    func: Callable[[argparse.Namespace], int] | None = getattr(args, "func", None)
    if func is None:
        from essdesk.app import run

        return run(argv)
    from essdesk.catalogue.store import CatalogueError

    try:
        return func(args)
    except CatalogueError as exc:
        error(str(exc))
        return 1
    except BrokenPipeError:  # e.g. piped into head
        return 0
    except OSError as exc:  # in French, never the system's English strerror
        error(failure(exc))
        return 1
