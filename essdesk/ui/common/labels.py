"""Translatable UI labels for catalogue vocabularies (the content itself stays in French), and
a moment as the window writes it."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication


def kind_label(kind: str) -> str:
    """Singular label of an entry kind, for badges and result lines."""
    labels = {
        "session": QCoreApplication.translate("Kinds", "Session"),
        "lever": QCoreApplication.translate("Kinds", "Levier"),
        "tool": QCoreApplication.translate("Kinds", "Outil"),
        "actor": QCoreApplication.translate("Kinds", "Acteur"),
        "scheme": QCoreApplication.translate("Kinds", "Dispositif"),
        "territory": QCoreApplication.translate("Kinds", "Type de territoire"),
        "term": QCoreApplication.translate("Kinds", "Sigle et notion"),
        "group": QCoreApplication.translate("Kinds", "Groupe"),
        "note": QCoreApplication.translate("Kinds", "Ma note"),
    }
    return labels.get(kind, kind)


def local_mark(record: object) -> str:
    """« ajouté pour CC du Haut-Bugey par AB » on a local entry's row or hit, else ""."""
    return str(getattr(record, "added_for", "") or "")


def facet_title(facet: str) -> str:
    """Title of a directory facet (keys of ``Catalogue.facets``)."""
    titles = {
        "kinds": QCoreApplication.translate("Facets", "Type d'entrée"),
        "actor_types": QCoreApplication.translate("Facets", "Type d'acteur"),
        "natures": QCoreApplication.translate("Facets", "Nature du dispositif"),
        "levers": QCoreApplication.translate("Facets", "Levier"),
        "territories": QCoreApplication.translate("Facets", "Type de territoire"),
        "followup": QCoreApplication.translate("Facets", "Suivi"),
    }
    return titles.get(facet, facet)


FACETS = ("kinds", "actor_types", "natures", "levers", "territories")


STATUS_KEYS = ("a-explorer", "contacte", "en-cours", "mobilise", "ecarte")
"""Follow-up status keys, in follow-up order (the same as ``essdesk.notes.STATUSES``, which
the UI does not import at start-up: it pulls SQLAlchemy in)."""

STATUS_COLORS = {
    "a-explorer": "#7a8699",
    "contacte": "#2f6fb0",
    "en-cours": "#c68a00",
    "mobilise": "#2e8b57",
    "ecarte": "#b04a4a",
}
"""Marker colour of each status (readable on light and dark palettes)."""


def status_label(status: str) -> str:
    """French label of a follow-up status key (translated)."""
    labels = {
        "a-explorer": QCoreApplication.translate("Statuses", "à explorer"),
        "contacte": QCoreApplication.translate("Statuses", "contacté"),
        "en-cours": QCoreApplication.translate("Statuses", "en cours"),
        "mobilise": QCoreApplication.translate("Statuses", "mobilisé"),
        "ecarte": QCoreApplication.translate("Statuses", "écarté"),
    }
    return labels.get(status, status)


FOLLOWUP_FACET = "followup"
"""The directory's « Suivi » facet: notes and follow-up statuses of the current territory
(held by the notes session, not by the catalogue)."""

WITH_NOTE = "note"
"""The « Suivi » value of entries with a note (the other values are ``STATUS_KEYS``)."""

FOLLOWUP_VALUES = (WITH_NOTE, *STATUS_KEYS)


def followup_label(value: str) -> str:
    """Label of a « Suivi » facet value: « Avec une note » or a status (translated)."""
    if value == WITH_NOTE:
        return QCoreApplication.translate("Facets", "Avec une note")
    return status_label(value)


def catalogue_label(text: str) -> str:
    """An interface word the catalogue carries in French (a detail's label such as
    « Bénéficiaires », a nature, an actor type, a relation's wording), in the interface's
    language; the report's content itself stays French."""
    return QCoreApplication.translate("CatalogueLabels", text)


CATALOGUE_LABELS = (
    QT_TRANSLATE_NOOP("CatalogueLabels", "Bénéficiaires"),
    QT_TRANSLATE_NOOP("CatalogueLabels", "Fonction"),
    QT_TRANSLATE_NOOP("CatalogueLabels", "Levier"),
    QT_TRANSLATE_NOOP("CatalogueLabels", "Montants"),
    QT_TRANSLATE_NOOP("CatalogueLabels", "Nature"),
    QT_TRANSLATE_NOOP("CatalogueLabels", "Porteur ou financeur"),
    QT_TRANSLATE_NOOP("CatalogueLabels", "Période"),
    QT_TRANSLATE_NOOP("CatalogueLabels", "Territoires"),
    QT_TRANSLATE_NOOP("CatalogueLabels", "Type d'acteur"),
    QT_TRANSLATE_NOOP("CatalogueLabels", "D'après le compte-rendu"),
    QT_TRANSLATE_NOOP("CatalogueLabels", "Territoires visés"),
    QT_TRANSLATE_NOOP("CatalogueLabels", "Fonds"),
    QT_TRANSLATE_NOOP("CatalogueLabels", "Contrat"),
    QT_TRANSLATE_NOOP("CatalogueLabels", "Programme"),
    QT_TRANSLATE_NOOP("CatalogueLabels", "Appel à projets"),
    QT_TRANSLATE_NOOP("CatalogueLabels", "Prêt"),
    QT_TRANSLATE_NOOP("CatalogueLabels", "Garantie"),
    QT_TRANSLATE_NOOP("CatalogueLabels", "Agrément"),
    QT_TRANSLATE_NOOP("CatalogueLabels", "Accord"),
    QT_TRANSLATE_NOOP("CatalogueLabels", "Réseau, communauté"),
    QT_TRANSLATE_NOOP("CatalogueLabels", "Plan"),
    QT_TRANSLATE_NOOP("CatalogueLabels", "Loi"),
    QT_TRANSLATE_NOOP("CatalogueLabels", "Étude, rapport"),
    QT_TRANSLATE_NOOP("CatalogueLabels", "Publication, ressource"),
    QT_TRANSLATE_NOOP("CatalogueLabels", "Accompagnement"),
    QT_TRANSLATE_NOOP("CatalogueLabels", "Plateforme, site"),
    QT_TRANSLATE_NOOP("CatalogueLabels", "Schéma, stratégie"),
    QT_TRANSLATE_NOOP("CatalogueLabels", "Événement, instance"),
    QT_TRANSLATE_NOOP("CatalogueLabels", "Aide, subvention"),
    QT_TRANSLATE_NOOP("CatalogueLabels", "Mesure"),
    QT_TRANSLATE_NOOP("CatalogueLabels", "Personne"),
    QT_TRANSLATE_NOOP("CatalogueLabels", "État et opérateurs publics"),
    QT_TRANSLATE_NOOP("CatalogueLabels", "Collectivités et leurs réseaux"),
    QT_TRANSLATE_NOOP("CatalogueLabels", "Banque ou financeur"),
    QT_TRANSLATE_NOOP("CatalogueLabels", "Réseau d'accompagnement"),
    QT_TRANSLATE_NOOP("CatalogueLabels", "Association"),
    QT_TRANSLATE_NOOP("CatalogueLabels", "Coopérative, SCIC"),
    QT_TRANSLATE_NOOP("CatalogueLabels", "Entreprise"),
    QT_TRANSLATE_NOOP("CatalogueLabels", "Recherche et enseignement"),
    QT_TRANSLATE_NOOP("CatalogueLabels", "Bureau d'études, conseil"),
    QT_TRANSLATE_NOOP("CatalogueLabels", "Protection sociale"),
    QT_TRANSLATE_NOOP("CatalogueLabels", "Institution européenne"),
    QT_TRANSLATE_NOOP("CatalogueLabels", "Intervient dans"),
    QT_TRANSLATE_NOOP("CatalogueLabels", "Intervenant·e"),
    QT_TRANSLATE_NOOP("CatalogueLabels", "Anime"),
    QT_TRANSLATE_NOOP("CatalogueLabels", "Animé par"),
    QT_TRANSLATE_NOOP("CatalogueLabels", "Travaille pour"),
    QT_TRANSLATE_NOOP("CatalogueLabels", "Personne de la structure"),
    QT_TRANSLATE_NOOP("CatalogueLabels", "Membre de"),
    QT_TRANSLATE_NOOP("CatalogueLabels", "Membre"),
    QT_TRANSLATE_NOOP("CatalogueLabels", "Fait partie de"),
    QT_TRANSLATE_NOOP("CatalogueLabels", "Comprend"),
    QT_TRANSLATE_NOOP("CatalogueLabels", "Soutient ou finance"),
    QT_TRANSLATE_NOOP("CatalogueLabels", "Soutenu ou financé par"),
    QT_TRANSLATE_NOOP("CatalogueLabels", "Porte ou anime"),
    QT_TRANSLATE_NOOP("CatalogueLabels", "Porté ou animé par"),
    QT_TRANSLATE_NOOP("CatalogueLabels", "Auteur de"),
    QT_TRANSLATE_NOOP("CatalogueLabels", "Rédigé par"),
    QT_TRANSLATE_NOOP("CatalogueLabels", "Accompagne"),
    QT_TRANSLATE_NOOP("CatalogueLabels", "Accompagné par"),
    QT_TRANSLATE_NOOP("CatalogueLabels", "Illustre le levier ou l'outil"),
    QT_TRANSLATE_NOOP("CatalogueLabels", "Illustré par"),
    QT_TRANSLATE_NOOP("CatalogueLabels", "Cible le territoire"),
    QT_TRANSLATE_NOOP("CatalogueLabels", "Dispositif qui le cible"),
    QT_TRANSLATE_NOOP("CatalogueLabels", "Partenaire de"),
    QT_TRANSLATE_NOOP("CatalogueLabels", "Mentionne"),
    QT_TRANSLATE_NOOP("CatalogueLabels", "Mentionné par"),
    QT_TRANSLATE_NOOP("CatalogueLabels", "Lié à"),
    QT_TRANSLATE_NOOP("CatalogueLabels", "Cité dans"),
    QT_TRANSLATE_NOOP("CatalogueLabels", "Cité dans cette partie"),
)
"""The labels :func:`catalogue_label` knows (listed for ``pyside6-lupdate``)."""


def local_time(moment: datetime) -> str:
    """« 26/11/2026 à 14:05 » in the computer's time zone (exchange files, conflicts)."""
    local = moment.astimezone()
    return QCoreApplication.translate("ExchangeDialogs", "{0} à {1}").format(
        local.strftime("%d/%m/%Y"), local.strftime("%H:%M")
    )
