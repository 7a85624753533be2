"""Plain frozen records returned by catalogue queries (never ORM objects).

They cross thread boundaries and live in Qt models, so they are immutable and hold no
database handle.
"""

from __future__ import annotations

from dataclasses import dataclass, field

KIND_LABELS: dict[str, str] = {
    "session": "Session",
    "lever": "Levier",
    "tool": "Outil",
    "actor": "Acteur",
    "scheme": "Dispositif",
    "territory": "Type de territoire",
    "term": "Sigle et notion",
}

ACTOR_TYPE_LABELS: dict[str, str] = {
    "person": "Personne",
    "state": "État et opérateurs publics",
    "local-authority": "Collectivités et leurs réseaux",
    "financier": "Banque ou financeur",
    "support-network": "Réseau d'accompagnement",
    "association": "Association",
    "cooperative": "Coopérative, SCIC",
    "company": "Entreprise",
    "research": "Recherche, études, publications",
    "consultancy": "Bureau d'études, conseil",
    "social-protection": "Protection sociale",
    "europe": "Institution européenne",
    "unspecified": "Non précisé",
}

NATURE_LABELS: dict[str, str] = {
    "fund": "Fonds",
    "contract": "Contrat",
    "programme": "Programme",
    "call": "Appel à projets",
    "loan": "Prêt",
    "guarantee": "Garantie",
    "agrement": "Agrément",
    "accord": "Accord",
    "network": "Réseau, communauté",
    "plan": "Plan",
    "law": "Loi",
    "study": "Étude, rapport",
    "publication": "Publication, ressource",
    "support": "Accompagnement",
    "platform": "Plateforme, site",
    "strategy": "Schéma, stratégie",
    "event": "Événement, instance",
    "aid": "Aide, subvention",
    "measure": "Mesure",
}

# rel -> (label on the entry that holds it, label on the entry it points at)
RELATION_LABELS: dict[str, tuple[str, str]] = {
    "speaks_in": ("Intervient dans", "Intervenant·e"),
    "moderates": ("Anime", "Animé par"),
    "works_for": ("Travaille pour", "Personne de la structure"),
    "member_of": ("Membre de", "Membre"),
    "part_of": ("Fait partie de", "Comprend"),
    "backs": ("Soutient ou finance", "Soutenu ou financé par"),
    "backed_by": ("Soutenu ou financé par", "Soutient ou finance"),
    "operates": ("Porte ou anime", "Porté ou animé par"),
    "operated_by": ("Porté ou animé par", "Porte ou anime"),
    "authored": ("Auteur de", "Rédigé par"),
    "authored_by": ("Rédigé par", "Auteur de"),
    "supports": ("Accompagne", "Accompagné par"),
    "supported_by": ("Accompagné par", "Accompagne"),
    "illustrates": ("Illustre le levier ou l'outil", "Illustré par"),
    "targets": ("Cible le territoire", "Dispositif qui le cible"),
    "partner_of": ("Partenaire de", "Partenaire de"),
    "mentions": ("Mentionne", "Mentionné par"),
    "presents": ("A présenté", "Présenté par"),
    "related_to": ("Lié à", "Lié à"),
    "mentioned_in": ("Cité dans", "Cité dans cette partie"),
}
RELATIONS = frozenset(RELATION_LABELS) - {"mentioned_in"}


@dataclass(frozen=True, slots=True)
class Link:
    url: str
    label: str


@dataclass(frozen=True, slots=True)
class Related:
    """One cross-link seen from an entry; ``outgoing`` is False for "Cité dans" links."""

    key: str
    kind: str
    title: str
    rel: str
    label: str
    outgoing: bool


@dataclass(frozen=True, slots=True)
class Entry:
    """Everything a reader sees about one entry."""

    key: str
    kind: str
    title: str
    aliases: tuple[str, ...]
    summary: str
    text: str
    facts: tuple[str, ...]
    key_points: tuple[str, ...]
    links: tuple[Link, ...]
    sources: tuple[str, ...]
    provenance: str
    note: str
    subtype: str
    subtype_label: str
    role: str
    details: tuple[tuple[str, str], ...]
    parent: str
    related: tuple[Related, ...] = field(default=())

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)

    def plain_text(self) -> str:
        """All a reader would see about the entry, as plain text (CLI ``show --json``)."""
        parts = [self.summary, self.text]
        parts += [f"{label} : {value}" for label, value in self.details]
        parts += self.facts
        parts += self.key_points
        if self.note:
            parts.append(f"Remarque : {self.note}")
        return "\n\n".join(p for p in parts if p)


@dataclass(frozen=True, slots=True)
class Hit:
    """One search result, best first; ``highlights`` are (start, end) offsets in ``snippet``.

    ``score`` goes down along a result list (1.0 for the first); ``match`` says how it was
    found: ``exact`` (every word whole), ``prefix`` (a word as the start of a longer one) or
    ``fuzzy`` (through a corrected, split or joined word).
    """

    key: str
    kind: str
    title: str
    subtype_label: str
    snippet: str
    highlights: tuple[tuple[int, int], ...]
    score: float
    match: str = "prefix"

    def marked_snippet(self, start: str = "**", end: str = "**") -> str:
        out, pos = [], 0
        for a, b in self.highlights:
            out += [self.snippet[pos:a], start, self.snippet[a:b], end]
            pos = b
        out.append(self.snippet[pos:])
        return "".join(out)


@dataclass(frozen=True, slots=True)
class DirectoryRow:
    """One line of the directory (actors and schemes)."""

    key: str
    kind: str
    title: str
    subtype_label: str
    backer: str
    territories: str
    sort_title: str


@dataclass(frozen=True, slots=True)
class TreeNode:
    """One row of a navigation tree; ``count_label`` says in words what ``count`` counts."""

    key: str
    kind: str
    title: str
    count: int
    children: tuple[TreeNode, ...] = ()
    count_label: str = ""


@dataclass(frozen=True, slots=True)
class GlossaryItem:
    """One acronym or notion of the glossary; ``key`` is its entry ("" for essdesk's own
    words, « levier » and « outil »)."""

    key: str
    title: str
    aliases: tuple[str, ...]
    summary: str
    word: str = ""  # what the glossary is sorted by: the acronym when there is one

    @property
    def heading(self) -> str:
        return (
            f"{self.word} — {self.title}" if self.word and self.word != self.title else self.title
        )


@dataclass(frozen=True, slots=True)
class FacetValue:
    value: str
    label: str
    count: int


@dataclass(frozen=True, slots=True)
class Filters:
    """Facet filters; an empty tuple means "no filter". Values are OR-ed within a facet and
    AND-ed across facets."""

    kinds: tuple[str, ...] = ()
    actor_types: tuple[str, ...] = ()
    natures: tuple[str, ...] = ()
    levers: tuple[str, ...] = ()
    territories: tuple[str, ...] = ()
