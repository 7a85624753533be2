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
    }
    return labels.get(kind, kind)


def facet_title(facet: str) -> str:
    """Title of a directory facet (keys of ``Catalogue.facets``)."""
    titles = {
        "kinds": QCoreApplication.translate("Facets", "Type d'entrée"),
        "actor_types": QCoreApplication.translate("Facets", "Type d'acteur"),
        "natures": QCoreApplication.translate("Facets", "Nature du dispositif"),
        "levers": QCoreApplication.translate("Facets", "Levier"),
        "territories": QCoreApplication.translate("Facets", "Type de territoire"),
    }
    return titles.get(facet, facet)


FACETS = ("kinds", "actor_types", "natures", "levers", "territories")
