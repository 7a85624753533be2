"""Team server errors: a French ``message`` for the user, an English ``detail`` for logs."""

from __future__ import annotations

from essdesk.notes.errors import NotesError


class TeamError(NotesError):
    """The team server could not be reached or used; nothing was half-applied."""


class TeamUsageError(TeamError):
    """The request itself is wrong (a password in a URL, no team connected…): exit 2."""


def as_team_error(exc: BaseException, server: str = "") -> TeamError:
    """Map a driver error (psycopg through SQLAlchemy) to the message the user can act on.

    libpq gives no error codes for connection failures, only its (English) text: the
    patterns below are the ones libpq 15 prints.
    """
    orig = getattr(exc, "orig", exc)
    detail = str(orig).strip()
    low = detail.lower()
    where = f" ({server})" if server else ""
    sqlstate = getattr(orig, "sqlstate", None) or ""
    if "password authentication failed" in low or sqlstate == "28P01":
        return TeamError(
            f"Mot de passe refusé par le serveur d'équipe{where}. Vérifiez le mot de passe "
            "(fichier pgpass ou PGPASSFILE).",
            detail,
        )
    if "no password supplied" in low or "fe_sendauth" in low:
        return TeamError(
            f"Le serveur d'équipe{where} demande un mot de passe : enregistrez-le dans "
            "Fichier › « Équipe… » (« Mémoriser le mot de passe ») ou dans le fichier pgpass.",
            detail,
        )
    if "certificate verify failed" in low:
        return TeamError(
            f"Le certificat du serveur d'équipe{where} n'est pas signé par l'autorité de "
            "certification indiquée (connexion TLS refusée) : vérifiez le fichier d'autorité "
            "avec votre service informatique.",
            detail,
        )
    if "does not match host name" in low:
        return TeamError(
            f"Le certificat du serveur d'équipe{where} a été établi pour un autre nom de "
            "serveur (connexion TLS refusée) : utilisez le nom exact que donne votre service "
            "informatique.",
            detail,
        )
    if "root certificate file" in low:
        return TeamError(
            f"Fichier d'autorité de certification illisible ou introuvable pour le serveur "
            f"d'équipe{where} (connexion TLS impossible) : vérifiez son chemin.",
            detail,
        )
    if "ssl" in low or "certificate" in low:
        return TeamError(
            f"Connexion chiffrée (TLS) impossible avec le serveur d'équipe{where} : "
            "vérifiez le certificat (fichier d'autorité) et que le serveur accepte TLS.",
            detail,
        )
    if sqlstate == "42501" or "permission denied" in low or "row-level security" in low:
        return TeamError(
            f"Droits insuffisants sur le serveur d'équipe{where} : demandez à votre service "
            "informatique d'ajouter ce compte à l'équipe (essdesk team add-member).",
            detail,
        )
    if sqlstate == "3D000" or ("database" in low and "does not exist" in low):
        return TeamError(f"Base de données introuvable sur le serveur d'équipe{where}.", detail)
    if sqlstate == "28000" or ("role" in low and "does not exist" in low):
        return TeamError(f"Compte inconnu du serveur d'équipe{where}.", detail)
    return TeamError(
        f"Serveur d'équipe injoignable{where} : vous travaillez hors ligne, les modifications "
        "restent en attente et partiront à la prochaine synchronisation.",
        detail,
    )
