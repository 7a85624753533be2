"""Catalogue commands: ``essdesk search``, ``show`` and ``tree`` [--json].

Read the shipped catalogue only; never import Qt or the notes layer.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from collections.abc import Iterable
from typing import Any

from essdesk.catalogue.records import KIND_LABELS, Entry, Filters, TreeNode
from essdesk.cli.common import error, print_json
from essdesk.cli.parser import bounded_int, vocabulary
from essdesk.textfold import fold

MAX_LIMIT = 1000
"""``search --limit`` at most: more is a usage error, not a query SQLite cannot bind."""

# The words the help shows (French) and the English keys the JSON output uses, both accepted.
KIND_WORDS = ("session", "levier", "outil", "acteur", "dispositif", "territoire", "sigle")
KINDS = {
    **{k: k for k in ("session", "lever", "tool", "actor", "scheme", "territory", "term")},
    **{"seance": "session", "sessions": "session", "seances": "session"},
    **{"levier": "lever", "leviers": "lever", "outil": "tool", "outils": "tool"},
    **{"acteur": "actor", "acteurs": "actor", "dispositif": "scheme", "dispositifs": "scheme"},
    **{"territoire": "territory", "territoires": "territory", "type de territoire": "territory"},
    **{"sigle": "term", "sigles": "term", "notion": "term", "notions": "term", "terme": "term"},
}
TREE_WORDS = ("sessions", "leviers", "outils")
TREES = {
    **{"sessions": "sessions", "session": "sessions", "seances": "sessions"},
    **{"seance": "sessions", "leviers": "levers", "levier": "levers", "levers": "levers"},
    **{"outils": "tools", "outil": "tools", "dispositifs": "tools", "tools": "tools"},
}


def _open_catalogue() -> Any:
    from essdesk.cli.common import local_catalogue  # the catalogue and the local entries

    return local_catalogue()


def _territory_types(args: argparse.Namespace) -> tuple[str, ...] | None:
    """The territory types of ``--territory-type`` and ``--for-territory`` (None: no
    territory filter); a clear French error on an unknown type or profile."""
    if not args.territory_type and not args.for_territory:
        return None
    from essdesk.notes.store import territory_type_key

    types = [territory_type_key(t) for t in args.territory_type or ()]
    if args.for_territory:
        from essdesk.notes import open_notes

        store, _ = open_notes()
        with store:
            types += store.territory_by_name(args.for_territory).types
    return tuple(dict.fromkeys(types))


def cmd_search(args: argparse.Namespace) -> int:
    from essdesk.notes.errors import NotesError

    try:
        types = _territory_types(args)
    except NotesError as exc:
        error(getattr(exc, "message", str(exc)))
        return 1
    filters = Filters(kinds=tuple(args.kind or ()), territories=types or ())
    if types == ():
        error("ce territoire n'a pas de type (ZRR, QPV…) : rien à filtrer.")
        return 1
    with _open_catalogue() as cat:
        hits = cat.search(args.query, filters, limit=args.limit)
        scopes = cat.scopes([h.key for h in hits], types) if types else {}
    if args.json:
        print_json(
            [
                {
                    "key": h.key,
                    "kind": h.kind,
                    "title": h.title,
                    "type": h.subtype_label,
                    "snippet": h.marked_snippet(),
                    "score": h.score,
                    "match": h.match,
                    **({"scope": scopes[h.key][0]} if h.key in scopes else {}),
                    **({"local": True, "territory": h.territory} if _is_local(h) else {}),
                }
                for h in hits
            ]
        )
        return 0
    if not hits:
        print("Aucun résultat.")
    bold = ("\x1b[1m", "\x1b[0m") if sys.stdout.isatty() else ("", "")
    for i, h in enumerate(hits, start=1):
        scope = f"  ({scopes[h.key][1]})" if h.key in scopes else ""
        print(f"{i:>3}. {h.title}  [{KIND_LABELS[h.kind]}]  {h.key}{scope}")
        print(f"     {h.marked_snippet(*bold)}")
    return 0


def _is_local(hit: Any) -> bool:
    from essdesk.local.index import LocalHit

    return isinstance(hit, LocalHit)


def entry_json(e: Entry) -> dict[str, Any]:
    return {
        "key": e.key,
        "kind": e.kind,
        "kind_label": e.kind_label,
        "title": e.title,
        "aliases": list(e.aliases),
        "type": e.subtype_label,
        "summary": e.summary,
        "text": e.plain_text(),
        "details": [{"label": a, "value": b} for a, b in e.details],
        "facts": list(e.facts),
        "key_points": list(e.key_points),
        "links": [{"url": link.url, "label": link.label} for link in e.links],
        "related": [
            {
                "key": r.key,
                "kind": r.kind,
                "title": r.title,
                "relation": r.rel,
                "label": r.label,
                "direction": "out" if r.outgoing else "in",
            }
            for r in e.related
        ],
        "source": e.provenance,
        "note": e.note,
    }


def closest_keys(key: str, keys: Iterable[str]) -> list[str]:
    """The keys a mistyped ``key`` probably meant: the same name under another kind
    (``dla`` → ``scheme:dla``), else the nearest spellings."""
    wanted = fold(key).strip()
    name = wanted.partition(":")[2] or wanted
    ordered = sorted(keys)
    same_name = [k for k in ordered if k.partition(":")[2] == name]
    return same_name or difflib.get_close_matches(wanted, ordered, n=3, cutoff=0.75)


def unknown_key_message(key: str, keys: Iterable[str]) -> str:
    """« entrée inconnue » with the closest keys, and the search that finds it by its words."""
    near = closest_keys(key, keys)
    guess = f" Vouliez-vous dire : {', '.join(near)} ?" if near else ""
    words = " ".join(key.replace(":", " ").split()) or key
    return f"entrée inconnue : {key}.{guess} Ou cherchez : essdesk search {words}"


def cmd_show(args: argparse.Namespace) -> int:
    with _open_catalogue() as cat:
        entry = cat.entry(args.key)
        keys = cat.keys() if entry is None else frozenset()
    if entry is None:
        error(unknown_key_message(args.key, keys))
        return 1
    if args.json:
        print_json(entry_json(entry))
        return 0
    print(f"{entry.title}\n[{entry.kind_label}] {entry.key}")
    if entry.aliases:
        print("Aussi : " + ", ".join(entry.aliases))
    print()
    print(entry.plain_text())
    if entry.links:
        print("\nLiens (connexion nécessaire) :")
        for link in entry.links:
            print(f"  - {link.label} : {link.url}")
    if entry.related:
        print("\nLiens dans le catalogue :")
        for r in entry.related:
            print(f"  - {r.label} : {r.title} ({r.key})")
    print(f"\n{entry.provenance}")
    return 0


def _tree_json(node: TreeNode) -> dict[str, Any]:
    return {
        "key": node.key,
        "kind": node.kind,
        "title": node.title,
        "count": node.count,
        "count_label": node.count_label,
        "children": [_tree_json(c) for c in node.children],
    }


def cmd_tree(args: argparse.Namespace) -> int:
    with _open_catalogue() as cat:
        nodes = cat.tree(args.name)
    if args.json:
        print_json([_tree_json(n) for n in nodes])
        return 0

    def show(node: TreeNode, depth: int) -> None:
        count = f" ({node.count})" if node.count else ""
        print(f"{'  ' * depth}{node.title}{count}  {node.key}")
        for child in node.children:
            show(child, depth + 1)

    for node in nodes:
        show(node, 0)
    return 0


def add_parsers(subparsers: Any) -> None:
    """Register ``search``, ``show`` and ``tree`` on the main parser's ``add_subparsers()``."""
    p = subparsers.add_parser("search", help="rechercher dans le catalogue")
    p.add_argument(
        "query", metavar="RECHERCHE", help="texte recherché (préfixes, sans accents possible)"
    )
    p.add_argument(
        "--kind",
        action="append",
        type=vocabulary(KIND_WORDS, KINDS),
        metavar="TYPE",
        help="type d'entrée, répétable : " + ", ".join(KIND_WORDS),
    )
    p.add_argument(
        "--limit",
        type=bounded_int(1, MAX_LIMIT),
        default=20,
        metavar="N",
        help="nombre de résultats, de 1 à 1 000 (20)",
    )
    p.add_argument(
        "--territory-type",
        action="append",
        metavar="TYPE",
        help="type de territoire (ZRR, QPV, montagne…), répétable : les entrées qui le ciblent "
        "et celles valables partout",
    )
    p.add_argument(
        "--for-territory",
        metavar="NOM",
        help="les types du profil de territoire NOM (même règle que --territory-type)",
    )
    p.add_argument("--json", action="store_true", help="sortie JSON")
    p.set_defaults(func=cmd_search)

    p = subparsers.add_parser("show", help="afficher une entrée par sa clé")
    p.add_argument("key", metavar="CLE", help="clé stable, par ex. scheme:dla")
    p.add_argument("--json", action="store_true", help="sortie JSON")
    p.set_defaults(func=cmd_show)

    p = subparsers.add_parser("tree", help="afficher un arbre : " + ", ".join(TREE_WORDS))
    p.add_argument(
        "name", metavar="ARBRE", type=vocabulary(TREE_WORDS, TREES), help=" | ".join(TREE_WORDS)
    )
    p.add_argument("--json", action="store_true", help="sortie JSON")
    p.set_defaults(func=cmd_tree)
