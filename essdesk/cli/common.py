"""What every command of the CLI shares: its output (JSON, French error lines) and the notes
database opened with recovery around a handler.

Kept apart from the dispatcher (:mod:`essdesk.cli`) so the command modules import their
helpers from here and the dispatcher imports the command modules, never the other way round.
Never imports Qt.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from essdesk.local.catalogue import TerritoryCatalogue
    from essdesk.notes import NotesStore

Handler = Callable[[argparse.Namespace], int]


def print_json(value: Any) -> None:
    """``--json`` output of every command: UTF-8 as is, indented."""
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def error(message: str) -> None:
    """A French error line on stderr, prefixed like every essdesk message."""
    print(f"essdesk: {message}", file=sys.stderr)


def failure(exc: BaseException) -> str:
    """The French line for a failure no command foresaw: a file-system error in French
    (:func:`essdesk.notes.errors.os_reason`, never the system's English ``strerror``),
    anything else named as unexpected."""
    if isinstance(exc, OSError):
        from essdesk.notes.errors import os_reason

        where = f" ({exc.filename})" if exc.filename else ""
        return f"erreur de fichier{where} : {os_reason(exc)}."
    return f"erreur inattendue : {type(exc).__name__}: {exc}"


def with_store(body: Callable[[NotesStore, argparse.Namespace], int]) -> Handler:
    """Open (with recovery) around ``body``; turn every failure into a message and exit 1."""

    def handler(args: argparse.Namespace) -> int:
        from essdesk.catalogue.store import CatalogueError
        from essdesk.notes import NotesError, open_notes

        try:
            store, report = open_notes()
        except NotesError as exc:
            error(exc.terminal)
            return 1
        except Exception as exc:  # never a traceback for the user
            error(f"impossible d'ouvrir les notes — {failure(exc)}")
            return 1
        if report is not None:
            error("récupération des notes —\n" + report.message)
        if store.backup_problem:
            error(store.backup_problem)
        try:
            with store:
                return body(store, args)
        except (NotesError, CatalogueError) as exc:
            error(exc.terminal if isinstance(exc, NotesError) else str(exc))
            return 1
        except BrokenPipeError:
            return 0
        except Exception as exc:
            error(failure(exc))
            return 1

    handler.__name__ = body.__name__
    handler.__doc__ = body.__doc__
    return handler


def local_catalogue(store: NotesStore | None = None) -> TerritoryCatalogue:
    """The catalogue with the local entries of every live territory (the CLI has no
    current territory). Without a store, the notes file is read if it exists; notes that
    cannot be opened leave the catalogue alone (a search still answers)."""
    from essdesk.local.catalogue import TerritoryCatalogue

    catalogue = TerritoryCatalogue.open_local()
    if store is not None:
        catalogue.set_local(store.local_entries())
        return catalogue
    from essdesk import paths

    if paths.notes_path().is_file():
        from essdesk.notes import open_notes

        try:
            opened, report = open_notes()
        except Exception as exc:  # locked, newer…: the catalogue still answers
            error(f"entrées locales indisponibles : {getattr(exc, 'message', exc)}")
            return catalogue
        if report is not None:
            error("récupération des notes —\n" + report.message)
        with opened:
            catalogue.set_local(opened.local_entries())
    return catalogue
