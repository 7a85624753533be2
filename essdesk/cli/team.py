"""``essdesk team …``: the team server from the command line (the window offers the same in
Fichier › « Équipe… »).

Administration (``init-server``, ``create``, ``add-member``, ``remove-member``) takes the
admin's libpq URL; the laptop's commands (``connect``, ``share``, ``sync``, ``status``,
``disconnect``) work on the local notes. Passwords come from libpq's pgpass file or
``PGPASSFILE``, never from the command line. Exit 0 ok, 1 with a French message (server
unreachable, password refused, TLS, rights), 2 for bad usage; never a traceback.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from essdesk.cli.common import error, print_json, with_store
from essdesk.notes import NotesError, NotesStore

Handler = Callable[[argparse.Namespace], int]


def _guarded(body: Handler) -> Handler:
    """French message and exit 1 (2 for a usage error) instead of any traceback."""

    def handler(args: argparse.Namespace) -> int:
        from essdesk.team.errors import TeamUsageError

        try:
            return body(args)
        except TeamUsageError as exc:
            error(exc.message)
            return 2
        except NotesError as exc:
            error(exc.message)
            return 1
        except Exception as exc:  # never a traceback for the user
            error(f"erreur inattendue : {type(exc).__name__}: {exc}")
            return 1

    return handler


def _admin(args: argparse.Namespace, action: Callable[[Any], Any]) -> Any:
    from essdesk.team import server

    engine = server.make_engine(args.server)
    try:
        return action(engine)
    finally:
        engine.dispose()


def cmd_init_server(args: argparse.Namespace) -> int:
    from essdesk.team import server

    before, after = _admin(argparse.Namespace(server=args.admin_url), server.init_server)
    if before == after:
        print(f"Schéma du serveur d'équipe déjà à jour (version {after}).")
    else:
        print(f"Schéma du serveur d'équipe : version {before} → {after}.")
    return 0


def cmd_create(args: argparse.Namespace) -> int:
    from essdesk.team import server

    _admin(args, lambda e: server.create_team(e, args.name))
    print(f"Équipe « {' '.join(args.name.split())} » créée.")
    return 0


def cmd_add_member(args: argparse.Namespace) -> int:
    from essdesk.team import server

    _admin(args, lambda e: server.add_member(e, args.team, args.role, args.read_only))
    rights = "lecture seule" if args.read_only else "lecture et écriture"
    print(f"« {args.role} » est membre de l'équipe « {args.team} » ({rights}).")
    return 0


def cmd_remove_member(args: argparse.Namespace) -> int:
    from essdesk.team import server

    _admin(args, lambda e: server.remove_member(e, args.team, args.role))
    print(f"« {args.role} » ne fait plus partie de l'équipe « {args.team} ».")
    return 0


def _laptop(body: Callable[[NotesStore, argparse.Namespace], int]) -> Handler:
    """Open the notes (with_store: recovery, messages), and a usage error exits 2."""

    def inner(store: NotesStore, args: argparse.Namespace) -> int:
        from essdesk.team.errors import TeamUsageError

        try:
            return body(store, args)
        except TeamUsageError as exc:
            error(exc.message)
            args.usage_error = True
            return 2

    inner.__name__ = body.__name__
    return with_store(inner)


@_laptop
def cmd_connect(store: NotesStore, args: argparse.Namespace) -> int:
    from essdesk.team import sync

    found = sync.connect(store, args.url, args.team, args.ca_file or "")
    rights = " (lecture seule)" if found.read_only else ""
    print(
        f"Cet ordinateur est relié à l'équipe « {found.team} » sur {found.server}{rights}. "
        "Les territoires partagés arriveront à la prochaine synchronisation (essdesk team sync)."
    )
    return 0


@_laptop
def cmd_share(store: NotesStore, args: argparse.Namespace) -> int:
    from essdesk.team import sync

    found = sync.share(store, store.territory_by_name(args.territory))
    print(
        f"Le territoire « {found.name} » appartient à l'équipe : il partira à la prochaine synchronisation."
    )
    return 0


@_laptop
def cmd_sync(store: NotesStore, args: argparse.Namespace) -> int:
    from essdesk.team import sync

    result = sync.sync(store)
    if args.json:
        print_json(result.as_json())
        return 0
    print(
        f"Synchronisé avec {result.server} : {result.pushed} envoyée(s), {result.pulled} "
        f"reçue(s), {result.conflicts} conflit(s), {result.pending} en attente."
    )
    return 0


@_laptop
def cmd_status(store: NotesStore, args: argparse.Namespace) -> int:
    from essdesk.team import sync

    found = sync.link(store)
    if found is None:
        if args.json:
            print_json({"connected": False})
        else:
            print("Cet ordinateur n'est relié à aucune équipe.")
        return 0
    pending = sync.pending_count(store)
    names = sorted(store.territory(u).name for u in sync.shared_territories(store))
    if args.json:
        print_json(
            {
                "connected": True,
                "team": found.team,
                "server": found.server,
                "role": found.role,
                "read_only": found.read_only,
                "last_sync": found.last_sync.isoformat() if found.last_sync else None,
                "pending": pending,
                "territories": names,
            }
        )
        return 0
    when = found.last_sync.astimezone().strftime("%d/%m/%Y %H:%M") if found.last_sync else "jamais"
    print(f"Équipe : {found.team} ({found.server}, compte {found.role}"
          f"{', lecture seule' if found.read_only else ''})")  # fmt: skip
    print(f"Dernière synchronisation : {when}")
    print(f"Modifications en attente : {pending}")
    print("Territoires partagés : " + (", ".join(names) if names else "aucun"))
    return 0


@_laptop
def cmd_disconnect(store: NotesStore, args: argparse.Namespace) -> int:
    from essdesk.team import sync

    sync.disconnect(store)
    print("Cet ordinateur n'est plus relié à l'équipe ; les notes locales restent.")
    return 0


def _exit_code(handler: Handler) -> Handler:
    def run(args: argparse.Namespace) -> int:
        code = handler(args)
        return 2 if getattr(args, "usage_error", False) else code

    return run


def add_parsers(sub: Any) -> None:
    team = sub.add_parser("team", help="serveur d'équipe PostgreSQL : partager les notes")
    cmds = team.add_subparsers(dest="team_command", metavar="ACTION", required=True)

    p = cmds.add_parser("init-server", help="créer ou mettre à jour le schéma du serveur")
    p.add_argument("admin_url", metavar="ADMIN_URL", help="postgresql://admin@serveur/base")
    p.set_defaults(func=_guarded(cmd_init_server))

    p = cmds.add_parser("create", help="créer une équipe")
    p.add_argument("name", metavar="NOM")
    p.add_argument("--server", required=True, metavar="ADMIN_URL")
    p.set_defaults(func=_guarded(cmd_create))

    p = cmds.add_parser("add-member", help="ajouter un compte (rôle PostgreSQL) à une équipe")
    p.add_argument("role", metavar="ROLE")
    p.add_argument("--team", required=True, metavar="NOM")
    p.add_argument("--server", required=True, metavar="ADMIN_URL")
    p.add_argument("--read-only", action="store_true", help="lecture seule (un partenaire)")
    p.set_defaults(func=_guarded(cmd_add_member))

    p = cmds.add_parser("remove-member", help="retirer un compte d'une équipe")
    p.add_argument("role", metavar="ROLE")
    p.add_argument("--team", required=True, metavar="NOM")
    p.add_argument("--server", required=True, metavar="ADMIN_URL")
    p.set_defaults(func=_guarded(cmd_remove_member))

    p = cmds.add_parser("connect", help="relier cet ordinateur à une équipe")
    p.add_argument("url", metavar="URL", help="postgresql://utilisateur@serveur:port/base")
    p.add_argument("--team", required=True, metavar="NOM")
    p.add_argument("--ca-file", metavar="FICHIER", help="autorité de certification (verify-full)")
    p.set_defaults(func=_exit_code(cmd_connect))

    p = cmds.add_parser("share", help="ce territoire appartient désormais à l'équipe")
    p.add_argument("territory", metavar="TERRITOIRE")
    p.set_defaults(func=_exit_code(cmd_share))

    for name, handler, help_ in (
        ("sync", cmd_sync, "synchroniser maintenant"),
        ("status", cmd_status, "état de la connexion à l'équipe"),
    ):
        p = cmds.add_parser(name, help=help_)
        p.add_argument("--json", action="store_true", help="sortie JSON")
        p.set_defaults(func=_exit_code(handler))

    p = cmds.add_parser("disconnect", help="détacher cet ordinateur (les notes restent)")
    p.set_defaults(func=_exit_code(cmd_disconnect))
