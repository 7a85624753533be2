"""The exchange's user-facing French text: refusals, counts and the import summary.

The window (:mod:`essdesk.ui.exchange`) and the CLI (``essdesk notes export|import``)
take their wording from here, so a refusal reads the same everywhere. Any value quoted from a
file goes through :func:`shown` first: cut short, its control characters made visible.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from essdesk import french
from essdesk.notes.errors import NotesError
from essdesk.notes.local_exchange import local_summary

if TYPE_CHECKING:
    from essdesk.notes.exchange.merge import ImportPreview, ImportResult
    from essdesk.notes.exchange.writer import ExportSummary

CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
"""C0 and C1 control characters: refused in one-line fields, made visible when quoted."""


class ExchangeError(NotesError):
    """An exchange file was refused or an import could not be applied; nothing was changed."""


def shown(value: str, limit: int = 80) -> str:
    """A value from a file as it may be quoted to the user: short, control characters made
    visible (never sent raw to a terminal or a label)."""
    return CONTROL.sub("\N{REPLACEMENT CHARACTER}", value[:limit])


def bad_file(message: str, detail: str) -> ExchangeError:
    return ExchangeError(message + " Rien n'a été importé.", detail)


def damaged(detail: str) -> ExchangeError:
    return bad_file(
        "Le fichier de notes est endommagé ou incomplet : recopiez-le depuis l'ordinateur "
        "d'origine.",
        detail,
    )


def invalid(where: str, what: str) -> ExchangeError:
    return bad_file(f"Le fichier de notes est invalide ({where}) : {what}.", f"{where}: {what}")


def refused(what: str, detail: str) -> ExchangeError:
    return bad_file(f"Ce fichier {what} : il a été refusé par sécurité.", detail)


def too_many(found: int, cap: int, what: str) -> ExchangeError:
    return bad_file(
        f"Ce fichier contient trop de {what} ({french.number(found)} ; maximum "
        f"{french.number(cap)}) : ce n'est pas un fichier de notes essdesk plausible.",
        f"{found} {what} > {cap}",
    )


def summary_lines(preview: ImportPreview) -> list[str]:
    """The preview in French, one line per item (CLI ``--dry-run``, logs)."""
    f = preview.file
    n = french.count
    origin = f"format {f.format_version}, essdesk {f.essdesk_version}"
    if f.catalogue_version:
        origin += f", catalogue {f.catalogue_version}"
    local = f.created.astimezone()
    lines = [f"Exporté le {local:%d/%m/%Y à %H:%M} ({origin})."]
    lines.append("Territoires :")
    lines += [f"  {t.label}" for t in preview.territories] or ["  (aucun)"]
    c = preview.counts
    lines.append(
        "Notes : "
        + ", ".join(
            [
                n(c.new, "nouvelle"),
                n(c.identical, "identique"),
                n(c.updated, "mise à jour", "mises à jour"),
                n(c.conflicting, "en conflit", "en conflit")
                + (" (gardées côte à côte)" if c.conflicting else ""),
            ]
        )
        + "."
    )
    if preview.known_keys is None:
        lines.append(
            "Catalogue illisible : les notes orphelines (fiches inconnues) n'ont pas pu "
            "être repérées."
        )
    elif c.orphaned:
        lines.append(
            n(c.orphaned, "note concerne", "notes concernent")
            + " une fiche inconnue de ce catalogue : "
            + french.plural(c.orphaned, "gardée", "gardées")
            + " dans « Notes orphelines »."
        )
    lines.append(
        "Suivis : "
        + ", ".join(
            [
                n(c.statuses_new, "nouveau", "nouveaux"),
                n(c.statuses_updated, "mis à jour", "mis à jour"),
                n(c.statuses_kept, "inchangé"),
                n(c.statuses_conflicting, "en conflit", "en conflit")
                + (" (gardés côte à côte)" if c.statuses_conflicting else ""),
            ]
        )
        + "."
    )
    if preview.local_entries:
        lines.append("Entrées locales : " + local_summary(preview.local_entries) + ".")
    names = {t.incoming.uuid: t.local_name for t in preview.territories}
    for plan in preview.notes:
        if plan.action == "identical":
            continue
        inc = plan.incoming
        title = f" — {inc.entry_title}" if inc.entry_title else ""
        orphan = " [orpheline]" if plan.orphan else ""
        lines.append(
            f"  [{names[inc.territory_uuid]}] {inc.entry_key}{title} : {plan.label}{orphan}"
        )
    return lines


def export_done(done: ExportSummary) -> str:
    """What the CLI says after an export."""
    names = ", ".join(done.territories) or "aucun territoire"
    return (
        f"Exporté : {french.count(done.notes, 'note')} et "
        f"{french.count(done.statuses, 'suivi')} ({names})\nFichier : {done.path}"
    )


def import_done(result: ImportResult) -> list[str]:
    """What the CLI says after an import (the summary, then what was done)."""
    lines = summary_lines(result.plan)
    if result.backup is None:
        lines.append("Rien à importer : tout ce que contient ce fichier est déjà là.")
        return lines
    lines.append(f"Import terminé. Sauvegarde faite juste avant : {result.backup.path}")
    if result.counts.conflicting or result.counts.statuses_conflicting:
        lines.append(
            "Les notes et suivis en conflit sont gardés côte à côte : ouvrez-les dans essdesk "
            "(Fichier › Résoudre les conflits…) pour choisir la version à garder."
        )
    return lines


DRY_RUN = "Simulation (--dry-run) : rien n'a été modifié."
