"""A note's light Markdown (bold, italic, lists, links) as safe HTML.

The one renderer for note text, shared by the notes panel and the printed briefing sheet
(:mod:`essdesk.ui.briefing.sheet_html`, which asks for no links and French typography).

The text is escaped first: whatever a note holds (typed, imported from another laptop) is
never active HTML. Links become anchors only for http, https and mailto URLs, and clicking one
goes through the window's URL policy (:mod:`essdesk.ui.common.links`), never straight to a browser.
"""

from __future__ import annotations

import html
import re

from essdesk.french import typography as french_typography
from essdesk.urls import safe_url

RICH_NOTE_CHARS = 20_000
"""Notes longer than this (about 10 pages) are shown as plain text: formatting took 0.25 s
for 50,000 characters, 0.86 s for 200,000 and 3 s for 1 M (a busy 2-core machine); plain
text of the longest note allowed (``essdesk.notes.schema.MAX_NOTE_CHARS``) takes 0.09 s."""

_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_ITALIC = re.compile(r"(?<![*\w])[*_](?=\S)([^*_]+?)(?<=\S)[*_](?![*\w])")
_BULLET = re.compile(r"^\s*(?:[-*•–]|(\d{1,3})[.)])\s+(\S.*)$")  # an item has text
# [label](url) on the *escaped* text: brackets and parentheses are not escaped by html.escape
_LINK = re.compile(r"\[([^\]\n]{1,300})\]\(((?:https?://|mailto:)[^\s()<>\"'*]{1,2000})\)")
_BARE = re.compile(r"(?<![\"'=>/\w])((?:https?://)[^\s<>\"'*]{2,2000})")
_SAFE_URL = re.compile(r"^(?:https?://|mailto:)[^\s<>\"']+$", re.IGNORECASE)


def _anchor(url: str, label: str) -> str:
    # ``url`` comes from escaped text: & is already &amp;, < > " ' cannot be in it
    plain = html.unescape(url)
    if not _SAFE_URL.match(plain) or not safe_url(plain):
        return label
    return f'<a href="{url}">{label}</a>'


def _emphasis(escaped: str) -> str:
    """**bold** and *italic*, found in text that is already escaped."""
    return _ITALIC.sub(r"<i>\1</i>", _BOLD.sub(r"<b>\1</b>", escaped))


def _inline(line: str, links: bool, typography: bool) -> str:
    """One line of a note: escaped first, then links (if asked) and emphasis on the result."""
    if typography:
        line = french_typography(line)
    escaped = html.escape(line, quote=True)
    if not links:
        return _emphasis(escaped)
    parts: list[str] = []
    pos = 0
    for match in _LINK.finditer(escaped):
        parts.append(_bare(escaped[pos : match.start()]))
        parts.append(_anchor(match.group(2), match.group(1)))
        pos = match.end()
    parts.append(_bare(escaped[pos:]))
    return _emphasis("".join(parts))


def _bare(escaped: str) -> str:
    def link(match: re.Match[str]) -> str:
        url = match.group(1)
        trail = ""
        while url and url[-1] in ".,;:!?":
            url, trail = url[:-1], url[-1] + trail
        return _anchor(url, url) + trail

    return _BARE.sub(link, escaped)


def note_html(text: str, *, links: bool = True, typography: bool = False, gap_px: int = 6) -> str:
    """Paragraphs, line breaks, bullet and numbered lists, **bold**, *italic*, links.

    ``links``: http(s)/mailto URLs and ``[label](url)`` become anchors (the panel); without,
    they stay plain text (paper has nothing to click). ``typography``: French non-breaking
    spaces (:func:`essdesk.french.typography`), applied line by line before
    escaping. ``gap_px``: space under each paragraph and list. An empty text gives "".
    """
    out: list[str] = []
    para: list[str] = []
    items: list[str] = []
    ordered = False
    style = f'style="margin-top:0px; margin-bottom:{gap_px}px"'

    def flush_para() -> None:
        if para:
            out.append(f"<p {style}>{'<br/>'.join(para)}</p>")
            para.clear()

    def flush_list() -> None:
        if items:
            tag = "ol" if ordered else "ul"
            lis = "".join(f"<li>{item}</li>" for item in items)
            out.append(f"<{tag} {style}>{lis}</{tag}>")
            items.clear()

    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        bullet = _BULLET.match(raw)
        if not raw.strip():
            flush_para()
            flush_list()
        elif bullet:
            flush_para()
            is_number = bullet.group(1) is not None
            if items and is_number != ordered:
                flush_list()
            ordered = is_number
            items.append(_inline(bullet.group(2), links, typography))
        else:
            flush_list()
            para.append(_inline(raw, links, typography))
    flush_para()
    flush_list()
    return "".join(out)


def source_position(text: str, line_index: int, shown_before: str) -> int:
    """Where in ``text`` the caret goes for a click in the rendered note.

    ``line_index`` counts the lines the rendered note shows (the non-blank lines of the
    text, in order: :func:`note_html` drops blank lines and keeps one shown line per
    source line); ``shown_before`` is what that shown line displays left of the click. Its
    characters are found in order in the source line, skipping what the rendering hid
    (``**``, ``- `` list markers, ``[label](url)``), so the caret lands after the same
    character the user clicked after.
    """
    offset = 0
    index = -1
    for raw in text.split("\n"):
        if raw.strip():
            index += 1
            if index == line_index:
                bullet = _BULLET.match(raw)
                column = bullet.start(2) if bullet else len(raw) - len(raw.lstrip())
                for char in shown_before:
                    found = raw.find(char, column)
                    if found < 0:
                        break
                    column = found + 1
                return offset + column
        offset += len(raw) + 1
    return len(text)


def first_line(text: str, width: int = 120) -> str:
    """The first non-empty line of a note, shortened (lists of notes)."""
    for line in text.splitlines():
        clean = line.strip().lstrip("-*•–#> ").strip()
        if clean:
            return clean if len(clean) <= width else clean[: width - 1].rstrip() + "…"
    return ""
