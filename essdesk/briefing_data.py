"""The briefing sheet ("fiche de synthèse"): chosen entries with a territory's notes, as data.

No Qt here: :func:`build_sheet` gathers plain frozen records from the catalogue and the notes
store; :func:`to_markdown` and :func:`notes_csv` turn them into files. The PDF and the print
preview (``essdesk.ui.briefing.briefing_render``) render the same :class:`BriefingSheet`, so what is printed,
exported to Markdown and written by ``essdesk brief`` is one and the same selection.

Usage::

    sheet = build_sheet(catalogue, store, territory, ["scheme:dla", "actor:france-active"])
    sheet = build_sheet(catalogue, store, territory, WITH_NOTES)   # or MOBILISED
    Path("fiche.md").write_text(to_markdown(sheet), encoding="utf-8")
    Path("notes.csv").write_bytes(notes_csv(store, territory, catalogue))

Over 500 lines: the sheet's selection rules, its records and their two text renderings
(Markdown, CSV) share one set of record types; splitting would only scatter them.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any, Protocol

from essdesk import textfold
from essdesk.catalogue.records import KIND_LABELS, Entry
from essdesk.french import MONTHS
from essdesk.notes.records import Note, Status, Territory
from essdesk.notes.schema import STATUSES
from essdesk.urls import safe_url

WITH_NOTES = "with-notes"
"""Selection: every entry that has a non-empty note or a follow-up status for the territory."""
MOBILISED = "mobilised"
"""Selection: every entry whose follow-up status is « mobilisé » for the territory."""
MOBILISED_STATUS = "mobilise"

CSV_COLUMNS = (
    "territoire",
    "clé",
    "entrée",
    "statut",
    "date",
    "contact",
    "texte",
    "créée",
    "modifiée",
    "conflit",
)
"""Columns of :func:`notes_csv`; "conflit" says "oui" on a conflict copy kept beside a note."""

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
_FORMULA_SIGNS = "=+-@\uff1d\uff0b\uff0d\uff20"  # and their full-width forms
"""Cell starts that spreadsheets read as a formula (OWASP "CSV injection")."""

_KIND_ORDER = {kind: i for i, kind in enumerate(KIND_LABELS)}


class BriefingError(Exception):
    """The sheet cannot be made as asked; ``message`` is French, for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class CatalogueLike(Protocol):
    """What the sheet needs of :class:`essdesk.catalogue.store.Catalogue` (tests may fake it)."""

    version: str
    source_title: str

    def entry(self, key: str) -> Entry | None: ...

    def title(self, key: str) -> str | None: ...


class NotesLike(Protocol):
    """What the sheet needs of :class:`essdesk.notes.store.NotesStore`."""

    def get_note(self, entry_key: str, territory: Territory) -> Note | None: ...

    def conflicts(self, entry_key: str, territory: Territory) -> list[Note]: ...

    def status(self, entry_key: str, territory: Territory) -> Status | None: ...

    def keys_with_notes(self, territory: Territory) -> set[str]: ...

    def statuses_for_territory(self, territory: Territory) -> dict[str, str]: ...

    def notes_for_territory(self, territory: Territory, sort: str = ...) -> list[Note]: ...

    def territories(self) -> list[Territory]: ...


# -- records ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Selection:
    """Which entries go on the sheet: the union of explicit keys and the two "all" choices.

    Explicit keys keep their order (the user's selection); the entries added by
    ``with_notes`` or ``mobilised`` follow in catalogue order (kind, then title).
    """

    keys: tuple[str, ...] = ()
    with_notes: bool = False
    mobilised: bool = False

    @classmethod
    def of(cls, value: Selection | str | Iterable[str]) -> Selection:
        """Accept a Selection, :data:`WITH_NOTES`, :data:`MOBILISED` or a sequence of keys."""
        if isinstance(value, Selection):
            return value
        if value == WITH_NOTES:
            return cls(with_notes=True)
        if value == MOBILISED:
            return cls(mobilised=True)
        if isinstance(value, str):
            return cls(keys=(value,))
        return cls(keys=tuple(dict.fromkeys(value)))

    def describe(self, total: int | None = None) -> str:
        """French description printed under the sheet's title, with the number of entries
        on the sheet when it is not just the keys chosen."""
        parts = []
        if self.keys:
            n = len(self.keys)
            parts.append(f"{n} entrée{'s' if n > 1 else ''} choisie{'s' if n > 1 else ''}")
        if self.with_notes:
            parts.append("toutes les entrées avec une note ou un suivi")
        if self.mobilised:
            parts.append("toutes les entrées au statut « mobilisé »")
        text = " et ".join(parts) if parts else "aucune entrée"
        if total is not None and (self.with_notes or self.mobilised):
            text += f" ({total} entrée{'s' if total > 1 else ''})"
        return text[:1].upper() + text[1:]


@dataclass(frozen=True)
class FollowUp:
    """The follow-up status of one entry for the territory."""

    status: str  # key of STATUSES, e.g. "mobilise"
    label: str  # "mobilisé"
    date: date | None
    contact: str


@dataclass(frozen=True)
class NoteText:
    """A note's text as written by the territory (plain text, maybe light Markdown)."""

    text: str
    created: datetime
    updated: datetime
    conflict: bool = False  # a conflict copy kept beside the note, to be resolved


@dataclass(frozen=True)
class BriefingEntry:
    """One entry of the sheet: what the catalogue says, and what the territory wrote."""

    key: str
    title: str
    kind: str
    kind_label: str  # "Dispositif", or "Entrée absente du catalogue" for an orphan note
    subtype_label: str  # "Accompagnement", "" when none
    summary: str
    details: tuple[tuple[str, str], ...]  # (label, value): nature, backer, amounts…
    facts: tuple[str, ...]  # figures and facts
    key_points: tuple[str, ...]  # sessions' key points
    text: str  # the report's passage in full, only when asked (include_text)
    remark: str  # a quirk of the report noted by the catalogue
    provenance: (
        str  # "Source : compte-rendu du webinaire du 31 mars 2021 — Table ronde n°1, séquence #2"
    )
    links: tuple[tuple[str, str], ...]  # (label, url): printed as text, never followed
    notes: tuple[NoteText, ...]  # the note first, then conflict copies
    status: FollowUp | None
    in_catalogue: bool = True

    @property
    def note(self) -> NoteText | None:
        """The territory's current note (not a conflict copy), if any."""
        for note in self.notes:
            if not note.conflict:
                return note
        return None


@dataclass(frozen=True)
class BriefingSheet:
    """Everything printed on a briefing sheet, in order."""

    territory: str  # the territory's name, "" when none is chosen
    territory_types: tuple[str, ...]  # "Zones de revitalisation rurale (ZRR)", …
    commune: str
    date: date
    selection: str  # French description of the selection
    entries: tuple[BriefingEntry, ...]
    catalogue_version: str = ""
    source: str = ""  # "Compte-rendu du webinaire du 31 mars 2021 — « … » (ANCT)"

    @property
    def title(self) -> str:
        base = "Fiche de synthèse"
        return f"{base} — {self.territory}" if self.territory else base

    @property
    def date_text(self) -> str:
        return french_date(self.date)


# -- French text ------------------------------------------------------------------------------


def french_date(day: date) -> str:
    """« 26 novembre 2026 », « 1er mars 2021 » (French style, no leading zero)."""
    number = "1er" if day.day == 1 else str(day.day)
    return f"{number} {MONTHS[day.month - 1]} {day.year}"


# -- gathering --------------------------------------------------------------------------------


def _status_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _follow_up(status: Status | None) -> FollowUp | None:
    if status is None:
        return None
    return FollowUp(
        status=status.status,
        label=STATUSES.get(status.status, status.status),
        date=_status_date(status.date),
        contact=status.contact,
    )


def _note_texts(note: Note | None, conflicts: Sequence[Note]) -> tuple[NoteText, ...]:
    found = []
    if note is not None and note.text.strip():
        found.append(NoteText(note.text, note.created, note.updated))
    found += [NoteText(c.text, c.created, c.updated, conflict=True) for c in conflicts]
    return tuple(found)


def _entry(
    key: str,
    entry: Entry | None,
    notes: tuple[NoteText, ...],
    status: FollowUp | None,
    stored_title: str,
    include_text: bool,
) -> BriefingEntry:
    if entry is None:  # a note kept for an entry this catalogue does not know (orphan)
        return BriefingEntry(
            key=key,
            title=stored_title or key,
            kind="",
            kind_label="Entrée absente du catalogue",
            subtype_label="",
            summary="",
            details=(),
            facts=(),
            key_points=(),
            text="",
            remark="Cette entrée n'existe pas dans cette version du catalogue ; "
            "la note est gardée telle quelle.",
            provenance="",
            links=(),
            notes=notes,
            status=status,
            in_catalogue=False,
        )
    return BriefingEntry(
        key=entry.key,
        title=entry.title,
        kind=entry.kind,
        kind_label=entry.kind_label,
        subtype_label=entry.subtype_label,
        summary=entry.summary,
        details=tuple(entry.details),
        facts=tuple(entry.facts),
        key_points=tuple(entry.key_points),
        text=entry.text if include_text else "",
        remark=entry.note,
        provenance=entry.provenance,
        links=tuple((link.label, link.url) for link in entry.links),
        notes=notes,
        status=status,
    )


def build_sheet(
    catalogue: CatalogueLike,
    store: NotesLike | None,
    territory: Territory | None,
    selection: Selection | str | Iterable[str],
    *,
    today: date | None = None,
    include_text: bool = False,
    include_remarks: bool = False,
) -> BriefingSheet:
    """Gather the selected entries with the territory's notes and statuses.

    ``selection``: a list of keys (kept in that order), :data:`WITH_NOTES`, :data:`MOBILISED`
    or a :class:`Selection` combining them. Notes on entries unknown to this catalogue
    (orphans) are kept, with the title stored with the note. Raises :class:`BriefingError`
    for an explicit key that neither the catalogue nor the territory's notes know, or for
    "all with a note" without a territory. May raise ``NotesError`` (reading the notes).
    ``include_remarks``: the catalogue's remarks about the report itself (a typo, a doubt
    about a figure) are for the user, not for the mayor the sheet is printed for: left out
    unless asked. An orphan's explanation is not such a remark and always stays.
    """
    sel = Selection.of(selection)
    if (sel.with_notes or sel.mobilised) and territory is None:
        raise BriefingError(
            "Choisissez un territoire : les entrées avec une note ou un statut sont celles "
            "d'un territoire."
        )
    use_notes = store is not None and territory is not None
    stored_titles: dict[str, str] = {}
    if use_notes:
        assert store is not None and territory is not None
        for note in store.notes_for_territory(territory):
            stored_titles.setdefault(note.entry_key, note.entry_title)

    keys = list(sel.keys)
    extra: set[str] = set()
    if use_notes:
        assert store is not None and territory is not None
        statuses = store.statuses_for_territory(territory)
        if sel.with_notes:
            extra |= store.keys_with_notes(territory) | set(statuses)
        if sel.mobilised:
            extra |= {k for k, v in statuses.items() if v == MOBILISED_STATUS}

    entries: dict[str, Entry | None] = {k: catalogue.entry(k) for k in keys}
    unknown = [k for k in keys if entries[k] is None and k not in stored_titles]
    if unknown:
        raise BriefingError(
            "Entrée inconnue du catalogue : " + ", ".join(unknown) + " (vérifiez la clé, par "
            "exemple avec « essdesk search »)."
        )
    added = sorted(extra - set(keys), key=lambda k: _catalogue_order(k, catalogue, stored_titles))
    for key in added:
        entries[key] = catalogue.entry(key)

    built = []
    for key in [*keys, *added]:
        notes: tuple[NoteText, ...] = ()
        status = None
        if use_notes:
            assert store is not None and territory is not None
            notes = _note_texts(store.get_note(key, territory), store.conflicts(key, territory))
            status = _follow_up(store.status(key, territory))
        built.append(
            _entry(key, entries[key], notes, status, stored_titles.get(key, ""), include_text)
        )
        if not include_remarks and built[-1].in_catalogue and built[-1].remark:
            built[-1] = replace(built[-1], remark="")

    meta = _source_line(catalogue)
    return BriefingSheet(
        territory=territory.name if territory else "",
        territory_types=tuple(
            catalogue.title(t) or t.removeprefix("territory:") for t in territory.types
        )
        if territory
        else (),
        commune=territory.commune if territory else "",
        date=today or date.today(),
        selection=sel.describe(len(built)),
        entries=tuple(built),
        catalogue_version=getattr(catalogue, "version", ""),
        source=meta,
    )


def _catalogue_order(
    key: str, catalogue: CatalogueLike, stored_titles: dict[str, str]
) -> tuple[int, str, str]:
    title = catalogue.title(key)
    if title is None:  # orphans last
        return (len(_KIND_ORDER) + 1, textfold.sort_key(stored_titles.get(key) or key), key)
    kind = key.split(":", 1)[0]
    return (_KIND_ORDER.get(kind, len(_KIND_ORDER)), textfold.sort_key(title), key)


def _source_line(catalogue: Any) -> str:
    kind = getattr(catalogue, "source_kind", "") or "Compte-rendu"
    when = getattr(catalogue, "source_date", "")
    title = getattr(catalogue, "source_title", "")
    author = getattr(catalogue, "source_author", "")
    line = kind + (f" du {when}" if when else "")
    if title:
        line += f" « {title} »"
    if author:
        line += f", {author}"
    return line


# -- Markdown ---------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]])")
_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")


def _md(text: str) -> str:
    """Catalogue text as literal Markdown: no accidental emphasis, link, heading or HTML."""
    text = _TAG_START.sub("&lt;", _MD_SPECIAL.sub(r"\\\1", text))
    return "\\" + text if text.startswith("#") else text


def _md_note(text: str) -> list[str]:
    """A note as a Markdown block quote: the user's own light Markdown (bold, lists) is kept,
    but a "<" starting a tag is written ``&lt;`` so that no renderer turns a note (maybe
    imported from another laptop) into active HTML."""
    body = _TAG_START.sub("&lt;", text.replace("\r\n", "\n").replace("\r", "\n"))
    body = _MD_REFERENCE.sub(r"\1\\[", _MD_LINK.sub(_md_link, _MD_IMAGE.sub(r"!\\[", body)))
    return [f"> {line}".rstrip() for line in body.split("\n")]


_MD_IMAGE = re.compile(r"!\[")
_MD_LINK = re.compile(r"\]\(\s*<?([^)\s>]*)")
_MD_REFERENCE = re.compile(r"^(\s{0,3})\[(?=[^\]\n]*\]:)", re.MULTILINE)


def _md_link(match: re.Match[str]) -> str:
    """Decided (issue 11): a note's Markdown link stays a link only to an http(s) or mailto
    address the panel would let one click (:func:`essdesk.urls.safe_url`); javascript:, data:, file: and the rest are written as
    text (``]\\(``), and so is every image (``!\\[``: a remote image would be fetched by the
    reader's viewer, a local one read). Reference definitions (``[x]: url``) too."""
    if re.match(r"(?i)(https?://|mailto:)", match[1]) and safe_url(match[1]):
        return match[0]
    return "]\\(" + match[0][2:]


def _follow_up_text(status: FollowUp) -> str:
    parts = [status.label]
    if status.date:
        parts.append(f"le {french_date(status.date)}")
    if status.contact:
        parts.append(f"contact : {status.contact}")
    return " — ".join(parts)


def to_markdown(sheet: BriefingSheet) -> str:
    """The sheet as Markdown (CommonMark): the same content as the PDF, links as text.

    Catalogue text is escaped so it reads literally; notes are block quotes that keep the
    user's own light Markdown. Spaces are left as typed (no non-breaking spaces, which
    text editors do not show).
    """
    out = [f"# {_md(sheet.title)}", ""]
    out.append(f"**Date :** {sheet.date_text}  ")
    if sheet.territory_types:
        out.append(f"**Type de territoire :** {_md(', '.join(sheet.territory_types))}  ")
    if sheet.commune:
        out.append(f"**Commune ou EPCI :** {_md(sheet.commune)}  ")
    out.append(f"**Sélection :** {_md(sheet.selection)}")
    out.append("")
    if sheet.source:
        out += [
            f"*D'après le {_md(sheet.source[:1].lower() + sheet.source[1:])}"
            f" (catalogue essdesk {_md(sheet.catalogue_version)}). Les dispositifs ont pu "
            "évoluer depuis.*",
            "",
        ]
    if not sheet.entries:
        out += ["Aucune entrée.", ""]
    for number, e in enumerate(sheet.entries, start=1):
        out += [f"## {number}. {_md(e.title)}", ""]
        kind = e.kind_label + (f" · {e.subtype_label}" if e.subtype_label else "")
        out += [f"*{_md(kind)}*", ""]  # no internal key: the sheet is read by people
        if e.status is not None:
            out += [f"**Suivi :** {_md(_follow_up_text(e.status))}", ""]
        if e.summary:
            out += [_md(e.summary), ""]
        if e.details:
            out += [f"- **{_md(label)} :** {_md(value)}" for label, value in e.details] + [""]
        for heading, items in (("Chiffres et faits", e.facts), ("Points clés", e.key_points)):
            if items:
                out += [f"**{heading}**", ""] + [f"- {_md(item)}" for item in items] + [""]
        if e.text:
            out += ["**Texte du compte-rendu**", ""]
            out += [_md(p.strip()) + "\n" for p in e.text.split("\n\n") if p.strip()]
        for note in e.notes:
            head = "Version en conflit" if note.conflict else f"Notes — {sheet.territory}"
            when = f"modifiée le {french_date(note.updated.astimezone().date())}"
            out += [f"**{_md(head)}** ({when})", "", *_md_note(note.text), ""]
        if e.remark:
            out += [f"*Remarque : {_md(e.remark)}*", ""]
        if e.provenance:
            out += [f"*{_md(e.provenance)}*", ""]
        if e.links:
            out += ["**Liens** (à consulter en ligne)", ""]
            out += [f"- {_md(label)} : <{url}>" for label, url in e.links] + [""]
    return "\n".join(out).rstrip("\n") + "\n"


# -- CSV --------------------------------------------------------------------------------------


def csv_cell(value: str) -> str:
    """A cell made safe for spreadsheets: a value starting with = + - @ (or tab, CR, LF) gets
    a leading apostrophe, so Excel and LibreOffice Calc show it as text instead of running it
    as a formula (e.g. ``=HYPERLINK(…)`` in a note imported from another laptop). The cost:
    a note starting with "- " or a phone number "+33…" shows that apostrophe.

    Decided (issue 11): what a spreadsheet may skip before a formula does not hide it. The
    sign is looked for after any leading white space (space, NBSP, line feed…) and invisible
    characters (BOM, zero-width space and the other format characters), and the full-width
    ＝ ＋ － ＠ count like = + - @."""
    if value.startswith(_FORMULA_START):
        return "'" + value
    first = next((c for c in value if not (c.isspace() or unicodedata.category(c) == "Cf")), "")
    return "'" + value if first and first in _FORMULA_SIGNS else value


def _local(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def notes_csv(
    store: NotesLike,
    territory: Territory | None = None,
    catalogue: CatalogueLike | None = None,
) -> bytes:
    """The notes and follow-ups of a territory (of every territory when None), as CSV bytes.

    Format, chosen so a double click opens it right in French Excel and in LibreOffice Calc:
    UTF-8 with a BOM (Excel reads BOM-less CSV in the ANSI code page and garbles accents), a
    ``;`` separator (the list separator of French Windows, hence what French Excel expects,
    and LibreOffice's default guess), CRLF line ends, and quoting of any cell holding ``;``,
    quotes or line breaks (a note keeps its line breaks inside its cell). No ``sep=;`` line:
    it makes Excel ignore the BOM. Dates are ISO (AAAA-MM-JJ HH:MM, local time), which both
    read as dates. One row per note (conflict copies marked "oui" in "conflit") and one per
    status without a note. Cells are protected against formula injection (:func:`csv_cell`).
    """
    chosen = [territory] if territory is not None else store.territories()
    table: list[Sequence[str]] = []
    for terr in chosen:
        found = store.notes_for_territory(terr, sort="entry")
        statuses = {key: store.status(key, terr) for key in store.statuses_for_territory(terr)}
        rows: list[tuple[str, list[str]]] = []
        seen = set()
        for note in found:
            seen.add(note.entry_key)
            title = (catalogue.title(note.entry_key) if catalogue else None) or note.entry_title
            rows.append(
                (title, _csv_row(terr, note.entry_key, title, statuses.get(note.entry_key), note))
            )
        for key, status in statuses.items():
            if key not in seen:
                title = (catalogue.title(key) if catalogue else None) or ""
                rows.append((title, _csv_row(terr, key, title, status, None)))
        rows.sort(key=lambda r: (textfold.sort_key(r[0] or r[1][1]), r[1][1], r[1][9]))
        table += [row for _, row in rows]
    return csv_table(CSV_COLUMNS, table)


def csv_table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> bytes:
    """The CSV format of every list essdesk writes (see :func:`notes_csv`): UTF-8 with a
    BOM, ``;``, CRLF, minimal quoting, every cell through :func:`csv_cell`."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow([csv_cell(c) for c in header])
    writer.writerows([csv_cell(c) for c in row] for row in rows)
    return buffer.getvalue().encode("utf-8-sig")


def _csv_row(
    terr: Territory, key: str, title: str, status: Status | None, note: Note | None
) -> list[str]:
    cells = [
        terr.name,
        key,
        title,
        STATUSES.get(status.status, status.status) if status else "",
        status.date or "" if status else "",
        status.contact if status else "",
        note.text.replace("\r\n", "\n") if note else "",
        _local(note.created) if note else "",
        _local(note.updated) if note else "",
        "oui" if note is not None and note.conflict_of else "",
    ]
    return cells


__all__ = [
    "CSV_COLUMNS",
    "MOBILISED",
    "WITH_NOTES",
    "BriefingEntry",
    "BriefingError",
    "BriefingSheet",
    "FollowUp",
    "NoteText",
    "Selection",
    "build_sheet",
    "csv_cell",
    "csv_table",
    "french_date",
    "notes_csv",
    "to_markdown",
]
