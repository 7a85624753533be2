"""Translatable UI labels for catalogue vocabularies (the content itself stays in French)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


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
