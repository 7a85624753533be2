"""argparse in French: its help, usage and error messages, and argument types that accept the
French words the help shows (English ones keep working).

argparse passes every message it prints through ``gettext`` (its module-level ``_`` and
``ngettext``). The stdlib offers no way to hand it a translation but a compiled ``.mo`` file in
a process-wide text domain, so :class:`FrenchParser` swaps those two names for the French table
below while it builds, parses and formats, and puts them back after: nothing outside the
parser changes. Messages a user never meets (programming errors) stay in English.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from essdesk.textfold import fold

FRENCH: dict[str, str] = {
    "usage: ": "usage : ",
    "positional arguments": "arguments",
    "options": "options",
    "subcommands": "sous-commandes",
    "%(heading)s:": "%(heading)s :",
    " (default: %(default)s)": " (par défaut : %(default)s)",
    "show this help message and exit": "afficher cette aide et quitter",
    "show program's version number and exit": "afficher la version et quitter",
    "%(prog)s: error: %(message)s\n": "%(prog)s : erreur : %(message)s\n",
    "%(prog)s: warning: %(message)s\n": "%(prog)s : attention : %(message)s\n",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s : %(message)s",
    "unrecognized arguments: %s": "arguments non reconnus : %s",
    "the following arguments are required: %s": "arguments obligatoires manquants : %s",
    "one of the arguments %s is required": "l'un de ces arguments est obligatoire : %s",
    "not allowed with argument %s": "incompatible avec %s",
    "ignored explicit argument %r": "valeur inattendue : %r",
    "expected one argument": "une valeur attendue",
    "expected at most one argument": "une valeur au plus attendue",
    "expected at least one argument": "au moins une valeur attendue",
    "ambiguous option: %(option)s could match %(matches)s": (
        "option ambiguë : %(option)s peut désigner %(matches)s"
    ),
    "unexpected option string: %s": "option inattendue : %s",
    "invalid %(type)s value: %(value)r": "valeur invalide : %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "choix inconnu : %(value)r (possibles : %(choices)s)"
    ),
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "commande inconnue : %(parser_name)r (possibles : %(choices)s)"
    ),
    "can't open '%(filename)s': %(error)s": "impossible d'ouvrir « %(filename)s » : %(error)s",
    "command '%(parser_name)s' is deprecated": "la commande « %(parser_name)s » est dépréciée",
    "option '%(option)s' is deprecated": "l'option « %(option)s » est dépréciée",
    "argument '%(argument_name)s' is deprecated": "l'argument « %(argument_name)s » est déprécié",
}
FRENCH_PLURALS: dict[tuple[str, str], tuple[str, str]] = {
    ("expected %s argument", "expected %s arguments"): (
        "%s valeur attendue",
        "%s valeurs attendues",
    ),
}


def _gettext(message: str) -> str:
    return FRENCH.get(message, message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    one, many = FRENCH_PLURALS.get((singular, plural), (singular, plural))
    return one if n == 1 else many


@contextmanager
def _in_french() -> Iterator[None]:
    """argparse's ``_`` and ``ngettext`` give French while inside (re-entrant)."""
    module: Any = argparse
    saved = module._, module.ngettext
    module._, module.ngettext = _gettext, _ngettext
    try:
        yield
    finally:
        module._, module.ngettext = saved


class FrenchParser(argparse.ArgumentParser):
    """An ``ArgumentParser`` that speaks French (its sub-parsers too: argparse makes them of
    the parser's own class)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        with _in_french():
            super().__init__(*args, **kwargs)

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        with _in_french():
            return super().add_argument(*args, **kwargs)

    def parse_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> argparse.Namespace:
        with _in_french():
            return super().parse_args(args, namespace)

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        with _in_french():
            return super().parse_known_args(args, namespace)

    def format_usage(self) -> str:
        with _in_french():
            return super().format_usage()

    def format_help(self) -> str:
        with _in_french():
            return super().format_help()

    def error(self, message: str) -> Any:
        with _in_french():
            super().error(message)


def vocabulary(shown: Sequence[str], words: dict[str, str]) -> Callable[[str], str]:
    """An argparse ``type`` taking a word of ``words`` (French or English; any case, accents
    optional) to its value; ``shown`` are the words the help and the error list."""
    folded = {fold(word): value for word, value in words.items()}

    def convert(text: str) -> str:
        value = folded.get(fold(text).strip())
        if value is None:
            raise argparse.ArgumentTypeError(f"« {text} » inconnu (possibles : {', '.join(shown)})")
        return value

    convert.__name__ = "mot"
    return convert


def bounded_int(low: int, high: int) -> Callable[[str], int]:
    """An argparse ``type``: a whole number from ``low`` to ``high``, else a usage error."""

    def convert(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = None
        if value is None or not low <= value <= high:
            raise argparse.ArgumentTypeError(
                f"nombre entier de {low} à {f'{high:,}'.replace(',', ' ')} attendu, pas « {text} »"
            )
        return value

    convert.__name__ = "nombre"
    return convert
