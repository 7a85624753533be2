"""CLI commands of the notes: ``territories``, ``notes list|add|export|import``, ``author``,
``backup``, ``check``.

Registered on the main parser by :func:`add_parsers`. Every command opens the notes database
through :func:`essdesk.cli.common.with_store`, so a damaged file is set aside and reported on
stderr exactly as the app would. Handlers return the exit code: 0 ok, 1 error with a French
message on stderr (never a traceback); argparse itself exits 2 on bad usage.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from essdesk import french, textfold
from essdesk.cli.common import error, print_json, with_store
from essdesk.cli.parser import vocabulary
from essdesk.notes import STATUSES, NotesInputError, NotesStore, Territory
from essdesk.notes.records import Note
from essdesk.notes.schema import note_text_problem
from essdesk.notes.store import status_key, territory_type_key

# ``notes list --sort``: the words the help shows (French), the store's English keys accepted.
SORT_WORDS = ("modification", "création", "entrée", "statut")
SORTS = {
    **{"modification": "updated", "modifiee": "updated", "updated": "updated"},
    **{"creation": "created", "creee": "created", "created": "created"},
    **{"entree": "entry", "fiche": "entry", "cle": "entry", "entry": "entry"},
    **{"statut": "status", "suivi": "status", "status": "status"},
}


def _type_label(key: str) -> str:
    short = key.removeprefix("territory:")
    return short.upper() if short in ("zrr", "qpv", "drom") else short


def _territory_json(t: Territory, count: int) -> dict[str, Any]:
    return {
        "uuid": t.uuid,
        "name": t.name,
        "types": list(t.types),
        "commune": t.commune,
        "code": t.code,
        "initials": t.initials,
        "created": t.created.isoformat(),
        "notes": count,
    }


def _note_json(n: Note) -> dict[str, Any]:
    return {
        "uuid": n.uuid,
        "key": n.entry_key,
        "title": n.entry_title,
        "territory": n.territory_name,
        "territory_uuid": n.territory_uuid,
        "text": n.text,
        "status": n.status,
        "status_label": STATUSES[n.status] if n.status else None,
        "created": n.created.isoformat(),
        "updated": n.updated.isoformat(),
        "conflict_of": n.conflict_of,
        "author": n.author,
    }


def _territories_list(store: NotesStore, args: argparse.Namespace) -> int:
    """List the territory profiles."""
    rows = [(t, len(store.notes_for_territory(t))) for t in store.territories()]
    if args.json:
        print_json([_territory_json(t, count) for t, count in rows])
        return 0
    if not rows:
        print("Aucun territoire. Créez-en un : essdesk territories add NOM --types ZRR,QPV")
    for t, count in rows:
        types = ", ".join(_type_label(k) for k in t.types) or "aucun type"
        where = f" — {t.commune}" if t.commune else ""
        print(f"{t.name}{where}  [{types}]  {french.count(count, 'note')}")
    return 0


def _territories_add(store: NotesStore, args: argparse.Namespace) -> int:
    """Create a territory profile."""
    types = [territory_type_key(t) for t in (args.types or "").split(",") if t.strip()]
    t = store.add_territory(
        args.name,
        types,
        commune=args.commune or "",
        code=args.code or "",
        initials=args.initials or "",
    )
    if args.json:
        print_json(_territory_json(t, 0))
    else:
        print(f"Territoire créé : {t.name} ({', '.join(t.types) or 'aucun type'})")
    return 0


def _notes_list(store: NotesStore, args: argparse.Namespace) -> int:
    """List live notes, of one territory or of all."""
    if args.territory:
        found = store.notes_for_territory(store.territory_by_name(args.territory), args.sort)
    else:
        found = store.all_notes()
    if args.json:
        print_json([_note_json(n) for n in found])
        return 0
    if not found:
        print("Aucune note.")
    for n in found:
        status = f" ({STATUSES[n.status]})" if n.status else ""
        title = f" — {n.entry_title}" if n.entry_title else ""
        author = f" · par {n.author}" if n.author else ""
        print(
            f"[{n.territory_name}] {n.entry_key}{title}{status}  {n.updated:%d/%m/%Y %H:%M}{author}"
        )
        for line in n.text.splitlines() or [""]:
            print(f"    {line}")
    return 0


def _catalogue_title(key: str, store: NotesStore | None = None) -> str | None:
    """The entry's title from the catalogue (or a local entry), or None when it cannot be
    read (best effort)."""
    try:
        from essdesk.cli.common import local_catalogue

        with local_catalogue(store) as cat:
            entry = cat.entry(key)
    except Exception:
        return None
    return entry.title if entry is not None else ""


def _notes_add(store: NotesStore, args: argparse.Namespace) -> int:
    """Write the note of an entry for a territory (replacing its text), optionally a status."""
    territory = store.territory_by_name(args.territory)
    status = status_key(args.status) if args.status else None  # refused before any write
    title = args.title
    if title is None:
        found = _catalogue_title(args.key, store)
        if found == "":
            error(
                f"attention : la clé {args.key} n'existe pas dans le catalogue ; la note "
                "est gardée (elle apparaîtra dans « Notes orphelines »)."
            )
        title = found or None
    text = sys.stdin.read() if args.text == "-" else args.text
    problem = note_text_problem(text)
    if problem is not None:
        error(problem)
        return 1
    earlier = store.get_note(args.key, territory)
    with store.writing() as w:  # the note and its status together, or nothing
        note = w.save_note(args.key, territory.uuid, text, title)
        if status is not None:
            w.set_status(args.key, territory.uuid, status)
    note = store.note(note.uuid)
    if args.json:
        print_json(_note_json(note))
        return 0
    if earlier is not None and earlier.text != text:
        print("Note remplacée ; l'ancienne version reste dans l'historique.")
    print(f"Note enregistrée : {note.entry_key} pour {territory.name} ({note.uuid})")
    return 0


def _catalogue_info(store: NotesStore | None = None) -> tuple[frozenset[str] | None, str | None]:
    """The catalogue's entry keys (local entries' included) and version, or (None, None)
    when it cannot be read."""
    try:
        from essdesk.cli.common import local_catalogue

        with local_catalogue(store) as cat:
            return cat.keys(), cat.version
    except Exception:
        return None, None


def _notes_export(store: NotesStore, args: argparse.Namespace) -> int:
    """Write an exchange file (.essnotes) with the notes and statuses of one or all territories."""
    from essdesk.notes import exchange

    chosen = [store.territory_by_name(args.territory)] if args.territory else None
    _, version = _catalogue_info(store)
    done = exchange.export_notes(
        store, Path(args.file), chosen, args.keys, catalogue_version=version
    )
    if args.json:
        print_json(
            {
                "file": str(done.path),
                "territories": list(done.territories),
                "notes": done.notes,
                "statuses": done.statuses,
            }
        )
    else:
        print(exchange.messages.export_done(done))
    return 0


def _territory_mapping(
    store: NotesStore, file: Any, pairs: list[str] | None
) -> dict[str, str | None]:
    """``--map "NOM DANS LE FICHIER=NOM ICI"`` (empty right side: create a new profile)."""
    mapping: dict[str, str | None] = {}
    for pair in pairs or []:
        incoming, sep, local = pair.partition("=")
        wanted = textfold.clean_name(incoming).casefold()
        found = [t for t in file.territories if textfold.clean_name(t.name).casefold() == wanted]
        if not sep or not found:
            names = ", ".join(f"« {t.name} »" for t in file.territories) or "aucun"
            raise NotesInputError(
                f"--map « {pair} » : territoire du fichier introuvable (attendu : "
                f"NOM_DANS_LE_FICHIER=NOM_ICI ; territoires du fichier : {names}).",
                f"bad --map {pair!r}",
            )
        mapping[found[0].uuid] = store.territory_by_name(local).uuid if local.strip() else None
    return mapping


def _notes_import(store: NotesStore, args: argparse.Namespace) -> int:
    """Preview (``--dry-run``) or merge an exchange file into the notes, additively."""
    from essdesk.notes import exchange

    keys, _ = _catalogue_info(store)
    if keys is None:
        error(
            "attention : le catalogue est illisible ; les notes orphelines (fiches inconnues) "
            "ne peuvent pas être repérées. Elles sont importées comme les autres."
        )
    file = exchange.read_exchange_file(Path(args.file))
    preview = exchange.preview_import(store, file, keys, _territory_mapping(store, file, args.map))
    if args.dry_run:
        if args.json:
            print_json({**preview.as_json(), "dry_run": True, "applied": False, "backup": None})
        else:
            print("\n".join(preview.summary_lines()))
            print(exchange.messages.DRY_RUN)
        return 0
    result = exchange.apply_import(store, preview)
    backup = str(result.backup.path) if result.backup else None
    if args.json:
        print_json({**result.plan.as_json(), "dry_run": False, "applied": True, "backup": backup})
        return 0
    print("\n".join(exchange.messages.import_done(result)))
    return 0


def _author(store: NotesStore, args: argparse.Namespace) -> int:
    """Show or set the initials that sign the notes written on this computer."""
    stored: str | None
    if args.initials is not None:
        stored = store.set_author_initials(args.initials)
    else:
        stored = store.author_initials()
    if args.json:
        print_json({"initials": stored or "", "asked": stored is not None})
    elif not stored:
        print(
            "Aucune initiale : les notes écrites sur cet ordinateur ne sont pas signées. "
            "Donnez les vôtres : essdesk author AB"
        )
    elif args.initials is not None:
        print(f"Initiales enregistrées : {stored}. Elles signent les notes écrites ici.")
    else:
        print(stored)
    return 0


def _backup(store: NotesStore, args: argparse.Namespace) -> int:
    """Make a verified backup (in the backups folder, or at PATH)."""
    dest = store.backup_to(Path(args.path)) if args.path else store.make_backup("manuelle").path
    print(f"Sauvegarde vérifiée : {dest}")
    return 0


def _check(store: NotesStore, args: argparse.Namespace) -> int:
    """Full integrity check of the notes database."""
    result = store.full_check()
    if args.json:
        print_json({"ok": result.ok, "messages": list(result.messages), "path": str(store.path)})
    elif result.ok:
        print(f"{result.message}\n{store.path}")
    else:
        error(result.message)
    return 0 if result.ok else 1


def add_parsers(subparsers: Any) -> None:
    """Register the notes commands on the main parser's ``add_subparsers()`` object."""
    p = subparsers.add_parser("territories", help="profils de territoire (liste, ajout)")
    p.add_argument("--json", action="store_true", help="sortie JSON")
    p.set_defaults(func=with_store(_territories_list))
    sub = p.add_subparsers(dest="territories_command", metavar="ACTION")
    a = sub.add_parser("add", help="créer un profil de territoire")
    a.add_argument("name", metavar="NOM")
    a.add_argument(
        "--types", metavar="TYPES", help="types séparés par des virgules : ZRR,QPV,montagne,DROM,…"
    )
    a.add_argument("--commune", metavar="COMMUNE", help="commune ou EPCI")
    a.add_argument("--code", metavar="CODE", help="code INSEE ou SIREN")
    a.add_argument(
        "--initials",
        metavar="INITIALES",
        help="initiales du profil (vos notes sont signées par les vôtres : essdesk author)",
    )
    a.add_argument("--json", action="store_true", help="sortie JSON")
    a.set_defaults(func=with_store(_territories_add))

    p = subparsers.add_parser("notes", help="notes par territoire (liste, ajout, échange)")
    sub = p.add_subparsers(dest="notes_command", metavar="ACTION", required=True)
    ls = sub.add_parser("list", help="lister les notes")
    ls.add_argument("--territory", metavar="NOM", help="seulement ce territoire")
    ls.add_argument(
        "--sort",
        type=vocabulary(SORT_WORDS, SORTS),
        default="updated",
        metavar="TRI",
        help="ordre : " + ", ".join(SORT_WORDS) + " (par défaut : modification)",
    )
    ls.add_argument("--json", action="store_true", help="sortie JSON")
    ls.set_defaults(func=with_store(_notes_list))
    add = sub.add_parser("add", help="écrire la note d'une entrée pour un territoire")
    add.add_argument("key", metavar="CLE", help="clé stable, par ex. scheme:dla")
    add.add_argument("--territory", metavar="NOM", required=True)
    add.add_argument(
        "--text", metavar="TEXTE", required=True, help="texte de la note (« - » : lu sur l'entrée)"
    )
    add.add_argument(
        "--status",
        metavar="STATUT",
        help="suivi : " + ", ".join(STATUSES) + " (ou « contacté », …)",
    )
    add.add_argument(
        "--title", metavar="TITRE", help="titre de l'entrée (par défaut : celui du catalogue)"
    )
    add.add_argument("--json", action="store_true", help="sortie JSON")
    add.set_defaults(func=with_store(_notes_add))

    exp = sub.add_parser(
        "export", help="écrire un fichier d'échange .essnotes (clé USB, autre ordinateur)"
    )
    exp.add_argument("file", metavar="FICHIER", help="fichier .essnotes à écrire (ou un dossier)")
    exp.add_argument("--territory", metavar="NOM", help="seulement ce territoire (défaut : tous)")
    exp.add_argument("--keys", nargs="+", metavar="CLE", help="seulement ces fiches")
    exp.add_argument("--json", action="store_true", help="sortie JSON")
    exp.set_defaults(func=with_store(_notes_export))
    imp = sub.add_parser("import", help="fusionner un fichier d'échange .essnotes (aperçu d'abord)")
    imp.add_argument("file", metavar="FICHIER", help="fichier .essnotes à lire")
    imp.add_argument("--dry-run", action="store_true", help="afficher l'aperçu sans rien modifier")
    imp.add_argument(
        "--map",
        action="append",
        metavar="NOM=NOM_ICI",
        help="rattacher un territoire du fichier à un territoire d'ici (NOM= : en créer un)",
    )
    imp.add_argument("--json", action="store_true", help="sortie JSON")
    imp.set_defaults(func=with_store(_notes_import))

    p = subparsers.add_parser(
        "author", help="vos initiales : elles signent les notes écrites sur cet ordinateur"
    )
    p.add_argument("initials", nargs="?", metavar="INITIALES", help='les enregistrer ("" : aucune)')
    p.add_argument("--json", action="store_true", help="sortie JSON")
    p.set_defaults(func=with_store(_author))

    p = subparsers.add_parser("backup", help="sauvegarde vérifiée des notes")
    p.add_argument("path", nargs="?", metavar="CHEMIN", help="fichier ou dossier de destination")
    p.set_defaults(func=with_store(_backup))

    p = subparsers.add_parser("check", help="vérification complète du fichier de notes")
    p.add_argument("--json", action="store_true", help="sortie JSON")
    p.set_defaults(func=with_store(_check))
