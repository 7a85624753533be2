"""CLI of the territory's own entries: ``essdesk entries add|list|import|export``.

Registered by :func:`add_parsers`; the other commands (``search``, ``show``, ``notes add``,
``brief``) see local entries through :func:`essdesk.cli.common.local_catalogue`. Every check runs before any
write: bad input exits 1 with a French message and writes nothing.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from essdesk import french
from essdesk.cli.common import error, local_catalogue, print_json, with_store
from essdesk.cli.parser import vocabulary
from essdesk.fileio import write_atomically
from essdesk.local.index import LocalIndex
from essdesk.local.spreadsheet import (
    apply_import,
    export_csv,
    guess_mapping,
    plan_import,
    read_table,
)
from essdesk.notes import NotesStore
from essdesk.notes.local_entries import LocalContent, LocalEntry, LocalRelation


def entry_json(entry: LocalEntry) -> dict[str, Any]:
    c = entry.content
    return {
        "key": entry.key,
        "kind": c.kind,
        "title": c.title,
        "aliases": list(c.aliases),
        "type": c.subtype_label,
        "summary": c.summary,
        "text": c.text,
        "address": c.address,
        "phone": c.phone,
        "email": c.email,
        "contact": c.person,
        "links": list(c.links),
        "territory_types": list(c.territory_types),
        "everywhere": c.everywhere,
        "levers": list(c.levers),
        "tools": list(c.tools),
        "relations": [{"relation": r.rel, "key": r.key, "title": r.title} for r in c.relations],
        "local": True,
        "territory": entry.territory_name,
        "author": entry.author,
        "created": entry.created.isoformat(),
        "updated": entry.updated.isoformat(),
    }


def _add(store: NotesStore, args: argparse.Namespace) -> int:
    """Add one local actor or scheme for a territory."""
    territory = store.territory_by_name(args.territory)
    with local_catalogue(store) as catalogue:
        content = LocalContent(
            kind=args.kind,
            title=args.title,
            aliases=tuple(args.alias or ()),
            subtype=args.type or "",
            summary=args.summary or "",
            text=args.text or "",
            person=args.contact or "",
            links=tuple(args.link or ()),
            territory_types=tuple(args.territory_type or ()),
            everywhere=args.everywhere,
            levers=tuple(args.lever or ()),
            tools=tuple(args.tool or ()),
            relations=tuple(LocalRelation("related_to", k) for k in args.relates or ()),
        )
        entry = store.add_local_entry(territory, content, catalogue.title)
    if args.json:
        print_json(entry_json(entry))
    else:
        print(f"Entrée locale ajoutée pour {territory.name} : {entry.title} ({entry.key})")
    return 0


def _list(store: NotesStore, args: argparse.Namespace) -> int:
    """List the local entries (of one territory, or of all)."""
    territory = store.territory_by_name(args.territory) if args.territory else None
    entries = store.local_entries(territory)
    if args.json:
        print_json([entry_json(e) for e in entries])
        return 0
    if not entries:
        print("Aucune entrée locale.")
    index = LocalIndex(entries)
    for e in entries:
        row = index.row(e)
        kind = "Acteur" if e.kind == "actor" else "Dispositif"
        detail = " · ".join(x for x in (kind, row.subtype_label, row.territories) if x)
        print(f"{e.title}  [{detail}]  {e.key}  — {e.added_for}")
    return 0


def _import(store: NotesStore, args: argparse.Namespace) -> int:
    """Import a CSV list (all or nothing; duplicates skipped; --dry-run: preview only)."""
    territory = store.territory_by_name(args.territory)
    table = read_table(Path(args.file))
    with local_catalogue(store) as catalogue:
        catalogue.set_local(store.local_entries(territory))
        plan = plan_import(
            table,
            guess_mapping(table.header),
            title_of=catalogue.title,
            resolve=catalogue.resolve,
            existing=[e.content for e in catalogue.local.entries],
            existing_names=catalogue.names(),
        )
        added: list[LocalEntry] = []
        if not args.dry_run and not plan.bad:
            added = apply_import(store, territory, plan, catalogue.title)
    summary = {
        "file": str(args.file),
        "territory": territory.name,
        "encoding": table.encoding,
        "delimiter": table.delimiter,
        "columns": [
            {"header": h, "field": f} for h, f in zip(table.header, plan.mapping, strict=False)
        ],
        "rows": len(plan.rows),
        "new": len(plan.to_add),
        "duplicates": [
            {
                "line": r.line,
                "title": r.content.title if r.content else "",
                "duplicate_of": r.duplicate_of,
            }
            for r in plan.duplicates
        ],
        "bad": [{"line": r.line, "reason": r.error} for r in plan.bad],
        "warnings": list(table.warnings),
        "dry_run": bool(args.dry_run),
        "added": [e.key for e in added],
    }
    if args.json:
        print_json(summary)
    else:
        print(
            f"{args.file} : {len(plan.rows)} ligne(s), {table.encoding}, séparateur "
            f"« {table.delimiter} »"
        )
        for warning in table.warnings:
            print(f"  attention : {warning}")
        for r in plan.duplicates:
            title = r.content.title if r.content else ""
            print(f"  ligne {r.line} : doublon de « {r.duplicate_of} » ({title}), ignorée")
        for r in plan.bad:
            print(f"  ligne {r.line} : {r.error}")
        if args.dry_run:
            print(
                f"Aperçu : {len(plan.to_add)} entrée(s) seraient ajoutées ; rien n'a été modifié."
            )
        elif not plan.bad:
            print(f"{len(added)} entrée(s) locale(s) ajoutée(s) pour {territory.name}.")
    if plan.bad:
        if not args.json:
            error(
                f"{len(plan.bad)} ligne(s) à corriger : rien n'a été importé "
                "(corrigez le fichier puis recommencez)."
            )
        return 1
    return 0


def _export(store: NotesStore, args: argparse.Namespace) -> int:
    """Write the local entries as CSV (UTF-8 BOM, « ; »: opens in French Calc and Excel)."""
    territory = store.territory_by_name(args.territory) if args.territory else None
    entries = store.local_entries(territory)
    target = Path(args.file)
    if not target.parent.is_dir():
        error(f"le dossier {target.parent} n'existe pas.")
        return 1
    write_atomically(target, export_csv(entries))
    print(f"Liste enregistrée : {target} ({french.count(len(entries), 'entrée')})")
    return 0


KIND_WORDS = {"acteur": "actor", "dispositif": "scheme", "actor": "actor", "scheme": "scheme"}


def add_parsers(subparsers: Any) -> None:
    """Register ``entries`` on the main parser's ``add_subparsers()`` object."""
    p = subparsers.add_parser(
        "entries", help="entrées locales du territoire (acteurs, dispositifs)"
    )
    sub = p.add_subparsers(dest="entries_command", metavar="ACTION", required=True)
    a = sub.add_parser("add", help="ajouter un acteur ou un dispositif local")
    a.add_argument(
        "--kind",
        required=True,
        metavar="GENRE",
        type=vocabulary(("actor", "scheme", "acteur", "dispositif"), KIND_WORDS),
        help="actor (acteur) ou scheme (dispositif)",
    )
    a.add_argument("--title", required=True, metavar="TITRE", help="nom de l'entrée")
    a.add_argument("--territory", metavar="NOM", required=True, help="profil de territoire")
    a.add_argument("--type", metavar="TYPE", help="type d'acteur ou nature (Association, Prêt…)")
    a.add_argument("--alias", action="append", metavar="SIGLE", help="sigle ou autre nom")
    a.add_argument("--summary", metavar="RÉSUMÉ", help="résumé")
    a.add_argument("--text", metavar="TEXTE", help="texte")
    a.add_argument(
        "--territory-type", action="append", metavar="TYPE", help="zrr, qpv, montagne… (répétable)"
    )
    a.add_argument("--everywhere", action="store_true", help="tous territoires")
    a.add_argument("--lever", action="append", metavar="N", help="levier illustré, par ex. 3")
    a.add_argument("--tool", action="append", metavar="N.N", help="outil illustré, par ex. 3.2")
    a.add_argument("--relates", action="append", metavar="CLE", help="fiche liée (répétable)")
    a.add_argument("--link", action="append", metavar="URL", help="site web (http, https, mailto)")
    a.add_argument(
        "--contact", metavar="CONTACT", help="personne à contacter (données personnelles)"
    )
    a.add_argument("--json", action="store_true", help="sortie JSON")
    a.set_defaults(func=with_store(_add))
    ls = sub.add_parser("list", help="lister les entrées locales")
    ls.add_argument("--territory", metavar="NOM", help="seulement ce territoire")
    ls.add_argument("--json", action="store_true", help="sortie JSON")
    ls.set_defaults(func=with_store(_list))
    imp = sub.add_parser("import", help="importer une liste CSV (tout ou rien)")
    imp.add_argument("file", metavar="FICHIER", help="fichier .csv (« ; » ou « , »)")
    imp.add_argument("--territory", metavar="NOM", required=True)
    imp.add_argument("--dry-run", action="store_true", help="aperçu seulement, rien n'est écrit")
    imp.add_argument("--json", action="store_true", help="sortie JSON")
    imp.set_defaults(func=with_store(_import))
    exp = sub.add_parser("export", help="écrire les entrées locales en CSV")
    exp.add_argument("file", metavar="FICHIER", help="fichier .csv à écrire")
    exp.add_argument("--territory", metavar="NOM", help="seulement ce territoire")
    exp.set_defaults(func=with_store(_export))
