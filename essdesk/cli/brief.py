"""CLI: ``essdesk brief SORTIE [--territory NOM] [--keys CLE …] [--with-notes] [--mobilised]``.

Writes the briefing sheet of a territory as an A4 PDF (``.pdf``) or Markdown (``.md``), or
the list of its notes and follow-ups as CSV (``.csv``, or ``--format csv``): the same files
as the app's "Fiche de synthèse" dialog. The format comes from SORTIE's extension unless
``--format`` says otherwise; ``-`` writes to the standard output.

Entries: the union of ``--keys`` (in that order), ``--with-notes`` (every entry with a note
or a follow-up status) and ``--mobilised`` (status « mobilisé »); with none of them, the
entries with a note or a follow-up. The CSV always lists every note and follow-up of the
territory (of every territory when ``--territory`` is omitted); the entry options do not
apply to it.

Only the PDF needs Qt: a QGuiApplication is created for it, on Qt's offscreen platform on
Linux and other X11/Wayland systems (rendering a PDF needs no window, and a stale DISPLAY
would make Qt abort), so the command works over SSH and in scripts. Exit codes: 0 written,
1 error (French message on stderr, never a traceback), 2 bad usage.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import stat
import sys
from datetime import date
from pathlib import Path
from typing import Any

from essdesk.briefing_data import (
    BriefingError,
    BriefingSheet,
    Selection,
    build_sheet,
    notes_csv,
    to_markdown,
)
from essdesk.cli.common import error, with_store
from essdesk.fileio import write_atomically
from essdesk.notes import NotesStore, Territory
from essdesk.notes.errors import os_reason

FORMATS = {".pdf": "pdf", ".md": "md", ".markdown": "md", ".csv": "csv"}


class UsageError(Exception):
    """Bad combination of arguments: exit 2 with this French message."""


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n > 1 else ''}"


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"date invalide : « {value} » (format attendu : AAAA-MM-JJ)"
        ) from None


def _format(args: argparse.Namespace) -> str:
    if args.format:
        return str(args.format)
    if args.output == "-":
        raise UsageError("avec la sortie standard (« - »), précisez --format pdf, md ou csv.")
    found = FORMATS.get(Path(args.output).suffix.lower())
    if found is None:
        raise UsageError(
            f"format inconnu pour « {args.output} » : donnez un nom en .pdf, .md ou .csv, "
            "ou précisez --format."
        )
    return found


def _territory(store: NotesStore, name: str | None, fmt: str) -> Territory | None:
    if name:
        return store.territory_by_name(name)
    live = store.territories()
    if len(live) == 1:
        return live[0]
    if len(live) > 1 and fmt != "csv":
        names = ", ".join(f"« {t.name} »" for t in live)
        raise BriefingError(f"plusieurs territoires existent ({names}) : précisez --territory NOM.")
    return None  # no territory at all, or a CSV of every territory


def _selection(args: argparse.Namespace) -> Selection:
    keys = tuple(dict.fromkeys(args.keys or ()))
    if not (keys or args.with_notes or args.mobilised):
        return Selection(with_notes=True)
    return Selection(keys=keys, with_notes=args.with_notes, mobilised=args.mobilised)


def ensure_gui_application() -> Any:
    """The QGuiApplication the PDF rendering needs, created offscreen where that matters."""
    if sys.platform not in ("win32", "darwin") and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is None:
        app = QGuiApplication(["essdesk"])
    return app


def _pdf(sheet: BriefingSheet) -> tuple[bytes, int]:
    ensure_gui_application()
    from essdesk.ui.briefing.briefing_render import pdf_and_pages

    return pdf_and_pages(sheet)


def _write(output: str, data: bytes) -> None:
    if output == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    write_atomically(Path(output), data)


def _run(store: NotesStore, args: argparse.Namespace, fmt: str) -> int:
    territory = _territory(store, args.territory, fmt)
    from essdesk.cli.common import local_catalogue

    with local_catalogue(store) as catalogue:
        if fmt == "csv":
            data = notes_csv(store, territory, catalogue)
            _write(args.output, data)
            rows = len(list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))) - 1
            if args.output != "-":
                print(f"Liste des notes enregistrée : {args.output} ({_plural(rows, 'ligne')})")
            return 0
        selection = _selection(args)
        if territory is None and (selection.with_notes or selection.mobilised):
            raise BriefingError(
                "aucun territoire : créez-en un (essdesk territories add NOM) ou choisissez "
                "les entrées avec --keys."
            )
        sheet = build_sheet(
            catalogue,
            store,
            territory,
            selection,
            today=args.date,
            include_text=args.full_text,
        )
    if not sheet.entries:
        assert territory is not None  # explicit keys always give entries
        wanted = "avec le statut « mobilisé »" if args.mobilised else "avec une note ou un suivi"
        error(f"aucune entrée {wanted} pour « {territory.name} » : la fiche serait vide.")
        return 1
    n = len(sheet.entries)
    if fmt == "md":
        _write(args.output, to_markdown(sheet).encode("utf-8"))
        detail = _plural(n, "entrée")
    else:
        data, pages = _pdf(sheet)
        _write(args.output, data)
        detail = f"{_plural(n, 'entrée')}, {_plural(pages, 'page')} A4"
    if args.output != "-":
        print(f"Fiche de synthèse enregistrée : {args.output} ({detail})")
    return 0


def output_problem(path: Path) -> str | None:
    """Why ``path`` may not be replaced by the sheet or the CSV (None: it may).

    Decided (issue 11): essdesk writes regular files only. It never writes into a FIFO, a
    device or a socket (that blocks, or goes somewhere else), never replaces a folder, never
    follows nor breaks a symbolic link (say the file itself), and never overrides a file made
    read-only (its owner protected it, even from root)."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        return f"impossible d'utiliser {path} : {os_reason(exc)}."
    mode = st.st_mode
    if stat.S_ISLNK(mode):
        return (
            f"{path} est un lien symbolique : essdesk ne le remplace pas. Indiquez le fichier "
            "lui-même ou un autre nom."
        )
    if stat.S_ISDIR(mode):
        return f"{path} est un dossier : indiquez un nom de fichier (par exemple {path / 'fiche.pdf'})."
    if not stat.S_ISREG(mode):
        return (
            f"{path} est un fichier spécial (tube, périphérique) : essdesk n'écrit que dans des "
            "fichiers ordinaires."
        )
    if not mode & 0o222 or not os.access(path, os.W_OK):
        return (
            f"{path} est en lecture seule : essdesk ne le remplace pas. Choisissez un autre nom "
            "ou rendez-le modifiable."
        )
    return None


def cmd_brief(args: argparse.Namespace) -> int:
    """Write the briefing sheet (PDF, Markdown) or the notes list (CSV)."""
    try:
        fmt = _format(args)
        if fmt == "csv" and (args.keys or args.with_notes or args.mobilised or args.full_text):
            raise UsageError(
                "le CSV liste toutes les notes et tous les suivis du territoire : "
                "--keys, --with-notes, --mobilised et --full-text ne s'appliquent qu'à la fiche "
                "(PDF ou Markdown)."
            )
    except UsageError as exc:
        error(str(exc))
        return 2
    folder = Path(args.output).parent
    if args.output != "-" and not folder.is_dir():
        error(f"le dossier {folder} n'existe pas.")
        return 1
    problem = None if args.output == "-" else output_problem(Path(args.output))
    if problem is not None:
        error(problem)
        return 1

    def body(store: NotesStore, args: argparse.Namespace) -> int:
        try:
            return _run(store, args, fmt)
        except BriefingError as exc:
            error(exc.message)
            return 1
        except BrokenPipeError:
            return 0
        except OSError as exc:
            where = f" {exc.filename}" if exc.filename else ""
            error(f"impossible d'écrire le fichier{where} : {os_reason(exc)}.")
            return 1

    return with_store(body)(args)


def add_parsers(subparsers: Any) -> None:
    """Register ``brief`` on the main parser's ``add_subparsers()`` object."""
    p = subparsers.add_parser(
        "brief",
        help="fiche de synthèse d'un territoire (PDF A4, Markdown) ou liste des notes (CSV)",
        description="Fiche de synthèse : les entrées choisies avec les notes, le suivi et la "
        "source de chacune, en PDF A4 (.pdf) ou en Markdown (.md) ; ou la liste des notes et "
        "du suivi en CSV (.csv : UTF-8 avec BOM, séparateur « ; », pour LibreOffice Calc et "
        "Excel en français). Sans --keys, --with-notes ni --mobilised : les entrées avec une "
        "note ou un suivi.",
    )
    p.add_argument(
        "output",
        metavar="SORTIE",
        help="fichier .pdf, .md ou .csv à écrire (« - » : sortie standard, avec --format)",
    )
    p.add_argument(
        "--territory", metavar="NOM", help="territoire (obligatoire s'il y en a plusieurs)"
    )
    p.add_argument(
        "--keys",
        nargs="+",
        action="extend",
        metavar="CLE",
        help="clés des entrées, dans l'ordre voulu (ex. scheme:dla actor:france-active)",
    )
    p.add_argument(
        "--with-notes", action="store_true", help="toutes les entrées avec une note ou un suivi"
    )
    p.add_argument(
        "--mobilised", action="store_true", help="toutes les entrées au statut « mobilisé »"
    )
    p.add_argument(
        "--format",
        choices=["pdf", "md", "csv"],
        metavar="FORMAT",
        help="pdf, md ou csv (par défaut : selon l'extension)",
    )
    p.add_argument(
        "--full-text", action="store_true", help="inclure le texte complet du compte-rendu"
    )
    p.add_argument(
        "--date", type=_day, metavar="AAAA-MM-JJ", help="date imprimée sur la fiche (aujourd'hui)"
    )
    p.set_defaults(func=cmd_brief)
