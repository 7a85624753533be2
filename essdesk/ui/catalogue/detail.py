"""The detail view of one entry, with cross-links both ways and the report's links.

In-app links (``essdesk:<key>``) navigate inside the window; external links open in the
system browser only when clicked, and only for http, https and mailto.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QUrl, Signal
from PySide6.QtGui import (
    QFontMetricsF,
    QKeyEvent,
    QPalette,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextTable,
)
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from essdesk.ui.common.colours import mix, muted
from essdesk.ui.common.labels import catalogue_label, kind_label
from essdesk.ui.common.links import UrlOpener, entry_key, entry_url, is_allowed, system_opener
from essdesk.ui.common.plain import PlainLabel, plain_tip

if TYPE_CHECKING:
    from essdesk.catalogue.records import Entry, Related


_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"})


def _esc(text: str) -> str:
    """``html.escape(text, quote=True)``, without importing ``html`` and its entity table
    (2 ms at start-up, for the first entry's view)."""
    return text.translate(_ESCAPES)


def _paragraphs(text: str) -> str:
    parts = [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]
    return "".join(f"<p>{_esc(p).replace(chr(10), '<br/>')}</p>" for p in parts)


_HISTORY_KEYS = (Qt.Key.Key_Left, Qt.Key.Key_Right)


_ADDRESS = re.compile(r"[/@]|\.\w{2,}")


def _widest_in_block(block: QTextBlock) -> float:
    widest = 0.0
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        metrics = QFontMetricsF(fragment.charFormat().font())
        for word in fragment.text().split():
            if not _ADDRESS.search(word):
                widest = max(widest, metrics.horizontalAdvance(word))
        it += 1
    return widest


def widest_word(document: QTextDocument) -> float:
    """The width a document needs so that no word (web and e-mail addresses aside) is
    broken: its widest word in its own font, plus where its line starts (margins, list
    indents; in a table, the columns before it at their narrowest). Read from the formats,
    not from a layout, so that it is the same whatever the pane's width when measured."""
    widest = 0.0
    columns: dict[int, tuple[QTextTable, dict[int, float]]] = {}
    block = document.begin()
    while block.isValid():
        fmt = block.blockFormat()
        levels = fmt.indent() + (block.textList().format().indent() if block.textList() else 0)
        start = fmt.leftMargin() + max(0.0, fmt.textIndent()) + levels * document.indentWidth()
        width = start + _widest_in_block(block)
        cursor = QTextCursor(block)
        table = cursor.currentTable()
        if table is None:
            widest = max(widest, width)
        else:  # a table is as wide as its columns at their narrowest, side by side
            column = table.cellAt(cursor).column()
            _table, widths = columns.setdefault(table.firstPosition(), (table, {}))
            widths[column] = max(widths.get(column, 0.0), width)
        block = block.next()
    for table, widths in columns.values():
        tf = table.format()
        cell = 2 * tf.cellPadding() + tf.cellSpacing()
        widest = max(
            widest,
            sum(widths.values()) + len(widths) * cell + tf.cellSpacing() + 2 * tf.border()
            + tf.leftMargin() + tf.rightMargin(),
        )
    return widest + 2 * document.documentMargin()


class EntryBrowser(QTextBrowser):
    """A QTextBrowser that leaves Alt+Left/Right to the window's history.

    QTextBrowser keeps its own source history and claims those keys (ShortcutOverride and
    keyPressEvent); essdesk's history lives in the window, whose actions must get them.
    """

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.modifiers() & Qt.KeyboardModifier.AltModifier
            and event.key() in _HISTORY_KEYS
        ):
            event.ignore()
            return False
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.AltModifier and event.key() in _HISTORY_KEYS:
            event.ignore()
            return
        super().keyPressEvent(event)


class DetailView(QWidget):
    entry_link_clicked = Signal(str)
    """An in-app cross-link was clicked (key)."""
    link_opened = Signal(str)
    link_refused = Signal(str)

    def __init__(
        self,
        opener: UrlOpener = system_opener,
        title_lookup: Callable[[str], str | None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("detailView")
        self._opener = opener
        self._title_lookup = title_lookup or (lambda _key: None)
        self.entry: Entry | None = None
        self.widest_word = 0
        self._placeholder: tuple[str, str] | None = None

        self.message = PlainLabel(self)
        self.message.setObjectName("linkMessage")
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        self.message.setAccessibleName(self.tr("Message"))

        self.browser = EntryBrowser(self)
        self.browser.setObjectName("entryBody")
        self.browser.setAccessibleName(self.tr("Fiche de l'entrée"))
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.anchorClicked.connect(self._anchor_clicked)
        self.browser.highlighted.connect(self._hovered)
        self.browser.document().setDocumentMargin(18)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.message)
        layout.addWidget(self.browser, 1)

    def set_title_lookup(self, lookup: Callable[[str], str | None]) -> None:
        self._title_lookup = lookup

    # ---------------------------------------------------------------- content
    def show_entry(self, entry: Entry) -> None:
        self.entry = entry
        self._placeholder = None
        self.message.setVisible(False)
        self.browser.setHtml(self._entry_html(entry))
        self._keep_words_whole()
        self.browser.verticalScrollBar().setValue(0)

    def show_placeholder(self, title: str, text: str) -> None:
        self.entry = None
        self._placeholder = (title, text)
        self.message.setVisible(False)
        self.browser.setHtml(
            f'<h2>{_esc(title)}</h2><p style="color:{self._muted()}">{_paragraphs(text)}</p>'
        )

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.LanguageChange):
            self._rerender()
        elif event.type() == QEvent.Type.FontChange and self.entry is not None:
            self._keep_words_whole()  # the text size changed: so did the widest word

    def _keep_words_whole(self) -> None:
        """How wide the pane must be so that no word is broken (« Agréme-nt » at 200 %):
        the window gives it that room before the list and the notes (its pane needs), and
        the user may still drag it narrower. Web and e-mail addresses may break anywhere:
        they are not words. Not a hard minimum: that grew the window past the size the
        user chose (790 → 797 px with the notes open at 144 %)."""
        browser = self.browser
        extra = (
            2 * browser.frameWidth()
            + browser.verticalScrollBar().sizeHint().width()
            + 2  # rounding of the text layout
        )
        self.widest_word = int(widest_word(browser.document())) + extra

    def _rerender(self) -> None:
        if self.entry is not None:
            self.browser.setHtml(self._entry_html(self.entry))
            self._keep_words_whole()
        elif self._placeholder is not None:
            self.show_placeholder(*self._placeholder)

    def _muted(self) -> str:
        return muted(self.palette())

    def _entry_html(self, e: Entry) -> str:
        pal = self.palette()
        muted = self._muted()
        badge_bg = mix(
            pal.color(QPalette.ColorRole.Highlight), pal.color(QPalette.ColorRole.Base), 0.18
        )
        text_color = pal.color(QPalette.ColorRole.Text).name()
        t = {
            "in_": _esc(self.tr("Dans")),
            "aka": _esc(self.tr("Aussi appelé")),
            # « : » takes a non-breaking space before it in French, none in English
            "colon": _esc(self.tr("\u00a0:")),
            "brief": _esc(self.tr("En bref")),
            "facts": _esc(self.tr("Faits et chiffres")),
            "points": _esc(self.tr("Points clés")),
            "remark": _esc(self.tr("Remarque")),
            "links": _esc(
                self.tr("Liens") if e.key.startswith("local:") else self.tr("Liens du rapport")
            ),
            "links_hint": _esc(
                self.tr(
                    "Ces liens s’ouvrent dans le navigateur et demandent une connexion Internet."
                )
            ),
            "online": _esc(self.tr("en ligne")),
        }
        out: list[str] = []
        if e.parent:
            parent_title = self._title_lookup(e.parent) or e.parent
            out.append(
                f'<p style="color:{muted}; margin-bottom:0">{t["in_"]}{t["colon"]} '
                f'<a href="{_esc(entry_url(e.parent))}">{_esc(parent_title)}</a></p>'
            )
        out.append(f'<h2 style="margin-top:4px; margin-bottom:6px">{_esc(e.title)}</h2>')
        badge = (
            f'<span style="background-color:{badge_bg}; color:{text_color}">'
            f"&nbsp;{_esc(kind_label(e.kind))}&nbsp;</span>"
        )
        extra = [
            catalogue_label(x) for x in (e.subtype_label, e.role) if x and x != kind_label(e.kind)
        ]
        line = badge
        if extra:
            line += f'&nbsp;&nbsp;<span style="color:{muted}">{_esc(" · ".join(extra))}</span>'
        out.append(f"<p>{line}</p>")
        if e.kind == "tool":
            out.append(self._tool_html(e, muted))
        if e.aliases:
            aliases = _esc(", ".join(e.aliases))
            out.append(f'<p style="color:{muted}">{t["aka"]}{t["colon"]} {aliases}</p>')
        if e.provenance:
            out.append(f'<p style="color:{muted}"><i>{_esc(e.provenance)}</i></p>')
        if e.summary:
            out.append(f'<p style="margin-top:10px">{_esc(e.summary)}</p>')
        if e.text:
            out.append(_paragraphs(e.text))
        if e.details:
            rows = "".join(
                f'<tr><td style="color:{muted}; padding-right:14px" valign="top">'
                f"{_esc(catalogue_label(label))}</td><td>{_esc(value)}</td></tr>"
                for label, value in e.details
            )
            out.append(
                f'<h3>{t["brief"]}</h3><table cellspacing="0" cellpadding="3">{rows}</table>'
            )
        if e.facts:
            out.append(f"<h3>{t['facts']}</h3>")
            out.append("<ul>" + "".join(f"<li>{_esc(f)}</li>" for f in e.facts) + "</ul>")
        if e.key_points:
            out.append(f"<h3>{t['points']}</h3>")
            out.append("<ul>" + "".join(f"<li>{_esc(k)}</li>" for k in e.key_points) + "</ul>")
        if e.note:
            out.append(f"<h3>{t['remark']}</h3><p><i>{_esc(e.note)}</i></p>")
        if e.links:
            out.append(f"<h3>{t['links']}</h3>")
            out.append(f'<p style="color:{muted}">{t["links_hint"]}</p><ul>')
            for link in e.links:
                host = QUrl(link.url).host() or link.url
                out.append(
                    f'<li><a href="{_esc(link.url)}">{_esc(link.label or link.url)}</a> ↗'
                    f'&nbsp;<span style="color:{muted}">{_esc(host)} — '
                    f"{t['online']}</span></li>"
                )
            out.append("</ul>")
        if e.related:
            out.append('<a name="related"></a>')
            outgoing = [r for r in e.related if r.outgoing]
            incoming = [r for r in e.related if not r.outgoing]
            # One section, grouped by the report's relation wording ("Cité dans", "Lié à",
            # "Soutenu ou financé par"…): links this entry states first, then links to it.
            heading = _esc(self.tr("Liens croisés"))  # outside the f-string: lupdate sees it
            out.append(f"<h3>{heading}</h3>")
            by_label = sorted(outgoing, key=lambda r: r.label)
            by_label += sorted(incoming, key=lambda r: r.label)
            out.append(self._related_html(by_label, muted))
        return "".join(out)

    def _tool_html(self, e: Entry, muted: str) -> str:
        """What a tool page says once: its number is essdesk's, and where to look when the
        report ties nothing to the tool itself (the lever's list)."""
        number = e.key.split(":", 1)[1]
        parts = [
            _esc(
                self.tr(
                    "Outil {0} : numérotation propre à essdesk (le compte-rendu énumère les "
                    "outils sans numéro)."
                ).format(number)
            )
        ]
        cited = {"actor", "scheme", "term", "territory"}
        if e.parent and not any(r.kind in cited for r in e.related):
            lever = self._title_lookup(e.parent) or e.parent
            parts.append(
                _esc(
                    self.tr(
                        "Le compte-rendu ne rattache aucun acteur, dispositif ou exemple à cet "
                        "outil en particulier : ceux qu’il cite pour le levier sont sur sa page :"
                    )
                )
                + f' <a href="{_esc(entry_url(e.parent))}">{_esc(lever)}</a>.'
            )
        return f'<p style="color:{muted}">' + "<br/>".join(parts) + "</p>"

    def _related_html(self, links: list[Related], muted: str) -> str:
        """Links grouped under one heading per wording (« Lié à » once, whether the link is
        stated by this entry or by the other), the entry's own links first."""
        out = []
        labels = list(dict.fromkeys(r.label for r in links))
        for label in labels:
            group = list({r.key: r for r in reversed(links) if r.label == label}.values())[::-1]
            items = "".join(
                f'<li><a href="{_esc(entry_url(r.key))}">{_esc(r.title)}</a>'
                f'&nbsp;<span style="color:{muted}">{_esc(kind_label(r.kind))}</span></li>'
                for r in group
            )
            out.append(
                f'<p style="margin-bottom:0"><b>{_esc(catalogue_label(label))}</b></p>'
                f'<ul style="margin-top:2px">{items}</ul>'
            )
        return "".join(out)

    # ---------------------------------------------------------------- links
    def _anchor_clicked(self, url: QUrl) -> None:
        key = entry_key(url)
        if key is not None:
            self.entry_link_clicked.emit(key)
            return
        self.open_external(url)

    def open_external(self, url: QUrl) -> bool:
        text = url.toString()
        if not is_allowed(url):
            self._say(
                self.tr(
                    "Lien refusé : seuls les liens web (http, https) et de courriel "
                    "(mailto) peuvent être ouverts."
                )
            )
            self.link_refused.emit(text)
            return False
        if not self._opener(url):
            self._say(self.tr("Le lien n'a pas pu être ouvert : {0}").format(text))
            return False
        self._say(self.tr("Ouvert dans le navigateur : {0}").format(text))
        self.link_opened.emit(text)
        return True

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(True)

    def _hovered(self, url: QUrl) -> None:
        if url.isEmpty() or entry_key(url) is not None:
            self.browser.setToolTip("")
        else:
            self.browser.setToolTip(
                plain_tip(url.toString() + "\n" + self.tr("Connexion Internet nécessaire"))
            )
