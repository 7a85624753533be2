"""The briefing sheet as Qt rich-text HTML: title, facts, contents, one block per entry
(its follow-up, details, facts, key points, report text, notes, remark, links).

Safety: every text (catalogue and notes alike) is HTML-escaped before it reaches the
document; a note's light Markdown (``**gras**``, ``*italique*``, lists) is rendered from the
escaped text, so a note can never become active HTML, load an image or carry a link. External
links are printed as text: there is no ``<a href>`` in the document, hence no link in the PDF.

The pages (contents with page numbers, running header, PDF, print) are laid out by
:mod:`essdesk.ui.briefing.briefing_render`.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from essdesk.briefing_data import BriefingEntry, BriefingSheet, FollowUp, NoteText, french_date
from essdesk.french import NBSP
from essdesk.french import typography as french_typography
from essdesk.ui.notes import note_markup as markup

INK = "#1b2a3a"
ACCENT = "#1f4e79"
MUTED = "#5b6570"
RULE = "#c9d2dc"
NOTE_BG = "#fff6dc"
NOTE_BORDER = "#e3c56f"
STATUS_COLOURS = {
    "a-explorer": "#eef1f5",
    "contacte": "#e3eefb",
    "en-cours": "#fdf0d5",
    "mobilise": "#dcf1e0",
    "ecarte": "#eeeeee",
}

ENTRY_ANCHOR = "entry-"
"""Prefix of the anchor before each entry's number (the layout finds the headings by it)."""


def _t(text: str) -> str:
    """Catalogue or user text → escaped HTML with French non-breaking spaces."""
    return html.escape(french_typography(text), quote=True)


def _url(url: str) -> str:
    return html.escape(url, quote=True)


def note_html(text: str) -> str:
    """A note's text as safe HTML for paper: paragraphs, line breaks, lists, **bold**,
    *italic*; French typography, URLs left as text (no anchor reaches the PDF)."""
    return markup.note_html(text, links=False, typography=True, gap_px=4) or "<p></p>"


def _status_html(status: FollowUp) -> str:
    parts = [f"<b>Suivi{NBSP}: {_t(status.label)}</b>"]
    if status.date:
        parts.append(f"le {_t(french_date(status.date))}")
    if status.contact:
        parts.append(f"contact{NBSP}: {_t(status.contact)}")
    colour = STATUS_COLOURS.get(status.status, "#eef1f5")
    return (
        f'<table cellpadding="4" cellspacing="0" style="margin-top:4px; margin-bottom:4px">'
        f'<tr><td bgcolor="{colour}">{" — ".join(parts)}</td></tr></table>'
    )


def _notes_html(entry: BriefingEntry, territory: str) -> str:
    out = []
    for note in entry.notes:
        out.append(_note_box(note, territory))
    return "".join(out)


def _note_box(note: NoteText, territory: str) -> str:
    if note.conflict:
        head = "Autre version de la note (conflit à résoudre)"
    else:
        head = f"Notes — {territory}" if territory else "Notes"
    when = f"modifiée le {french_date(note.updated.astimezone().date())}"
    return (
        f'<table width="100%" cellpadding="6" cellspacing="0" border="1" '
        f'style="border-color:{NOTE_BORDER}; border-style:solid; margin-top:6px; '
        f'margin-bottom:6px">'
        f'<tr><td bgcolor="{NOTE_BG}">'
        f'<p style="margin-top:0px; margin-bottom:3px"><b>{_t(head)}</b> '
        f'<span style="color:{MUTED}">· {_t(when)}</span></p>'
        f"{note_html(note.text)}</td></tr></table>"
    )


def _list(title: str, items: Sequence[str]) -> str:
    if not items:
        return ""
    lis = "".join(f"<li>{_t(item)}</li>" for item in items)
    return (
        f'<p style="margin-top:6px; margin-bottom:2px"><b>{_t(title)}</b></p>'
        f'<ul style="margin-top:0px; margin-bottom:2px">{lis}</ul>'
    )


def _entry_html(number: int, entry: BriefingEntry, territory: str) -> str:
    kind = entry.kind_label + (f" · {entry.subtype_label}" if entry.subtype_label else "")
    out = [
        f'<h2 style="margin-top:16px; margin-bottom:2px; color:{ACCENT}; font-size:13pt">'
        f'<a name="{ENTRY_ANCHOR}{number}">{number}.</a> {_t(entry.title)}</h2>',
        f'<p style="margin-top:0px; margin-bottom:4px; color:{MUTED}">{_t(kind)}</p>',
    ]
    if entry.status is not None:
        out.append(_status_html(entry.status))
    if entry.summary:
        out.append(f'<p style="margin-top:2px; margin-bottom:4px">{_t(entry.summary)}</p>')
    if entry.details:
        rows = "".join(
            f'<tr><td width="24%" style="color:{MUTED}">{_t(label)}</td><td>{_t(value)}</td></tr>'
            for label, value in entry.details
        )
        out.append(
            f'<table width="100%" cellpadding="2" cellspacing="0" '
            f'style="margin-top:2px; margin-bottom:2px">{rows}</table>'
        )
    out.append(_list("Chiffres et faits", entry.facts))
    out.append(_list("Points clés", entry.key_points))
    if entry.text:
        paras = "".join(
            f'<p style="margin-top:0px; margin-bottom:4px">{_t(p.strip())}</p>'
            for p in entry.text.split("\n\n")
            if p.strip()
        )
        out.append(
            f'<p style="margin-top:6px; margin-bottom:2px"><b>Texte du compte-rendu</b></p>{paras}'
        )
    out.append(_notes_html(entry, territory))
    if entry.remark:
        out.append(
            f'<p style="margin-top:4px; margin-bottom:2px; color:{MUTED}"><i>Remarque{NBSP}: '
            f"{_t(entry.remark)}</i></p>"
        )
    if entry.provenance:
        out.append(
            f'<p style="margin-top:4px; margin-bottom:2px; color:{MUTED}"><i>'
            f"{_t(entry.provenance)}</i></p>"
        )
    if entry.links:
        lis = "".join(
            f'<li>{_t(label)}{NBSP}: <span style="color:{ACCENT}">{_url(url)}</span></li>'
            for label, url in entry.links
        )
        out.append(
            f'<p style="margin-top:4px; margin-bottom:1px; color:{MUTED}">'
            f"Liens (à consulter en ligne){NBSP}:</p>"
            f'<ul style="margin-top:0px; margin-bottom:2px; color:{MUTED}; font-size:8.5pt">'
            f"{lis}</ul>"
        )
    return "".join(out)


def sheet_html(sheet: BriefingSheet, toc_pages: Sequence[int] | None = None) -> str:
    """The sheet as Qt rich-text HTML; ``toc_pages`` (page of each entry) adds a contents."""
    out = [
        f'<p style="margin-top:0px; margin-bottom:0px; color:{MUTED}; font-size:9pt">'
        f"FICHE DE SYNTHÈSE</p>",
        f'<h1 style="margin-top:0px; margin-bottom:2px; color:{INK}; font-size:20pt">'
        f"{_t(sheet.territory or 'Sans territoire')}</h1>",
    ]
    facts = [sheet.date_text]
    if sheet.commune:
        facts.append(sheet.commune)
    if sheet.territory_types:
        facts.append(", ".join(sheet.territory_types))
    out.append(
        f'<p style="margin-top:0px; margin-bottom:2px; font-size:10.5pt">'
        f"{' · '.join(_t(f) for f in facts)}</p>"
    )
    out.append(f'<p style="margin-top:0px; margin-bottom:2px">{_t(sheet.selection)}</p>')
    if sheet.source:
        version = (
            f", catalogue essdesk {sheet.catalogue_version}" if sheet.catalogue_version else ""
        )
        out.append(
            f'<p style="margin-top:0px; margin-bottom:0px; color:{MUTED}; font-size:8.5pt">'
            f"D'après le {_t(sheet.source[:1].lower() + sheet.source[1:])}{_t(version)}. "
            f"Les dispositifs ont pu évoluer depuis{NBSP}: vérifiez-les avant de vous engager.</p>"
        )
    out.append(f'<hr style="background-color:{RULE}"/>')
    if toc_pages is not None:
        rows = "".join(
            f"<tr><td>{i}. {_t(e.title)}</td>"
            f'<td align="right" style="color:{MUTED}">{page}</td></tr>'
            for i, (e, page) in enumerate(zip(sheet.entries, toc_pages, strict=True), start=1)
        )
        out.append(
            f'<p style="margin-top:4px; margin-bottom:2px; font-size:11pt; color:{ACCENT}">'
            f"<b>Sommaire</b></p>"
            f'<table width="100%" cellpadding="1" cellspacing="0">'
            f'<tr><td></td><td align="right" style="color:{MUTED}; font-size:8pt">page</td></tr>'
            f"{rows}</table>"
            f'<hr style="background-color:{RULE}"/>'
        )
    if not sheet.entries:
        out.append("<p>Aucune entrée dans cette sélection.</p>")
    for number, entry in enumerate(sheet.entries, start=1):
        out.append(_entry_html(number, entry, sheet.territory))
    # pre-wrap: Qt's HTML parser folds U+202F (espace fine insécable) into a plain, breakable
    # space unless white space is kept as is; the markup above has no white space of its own.
    return f'<html><body style="color:{INK}; white-space:pre-wrap">{"".join(out)}</body></html>'
