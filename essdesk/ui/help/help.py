"""Help inside the application: « Premiers pas » (F1), in the interface's language, and the
glossary (the report's own definitions, in French).

The glossary is built from the catalogue's own terms and territory types (what the report
explains), plus what essdesk calls a lever and a tool; a click on a word opens its entry.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QLocale, QUrl, Signal
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from essdesk.catalogue.records import GlossaryItem
from essdesk.ui.common.fitted import FittedDialog
from essdesk.ui.common.links import entry_key, entry_url

SHORTCUTS = (
    ("Ctrl+K", "chercher dans tout le catalogue (et dans vos notes)",
     "search the whole catalogue (and your notes)"),
    ("Ctrl+1 … Ctrl+5", "Sessions, Leviers, Dispositifs, Annuaire, Mes notes",
     "Sessions, Levers, Schemes, Directory, My notes"),
    ("Ctrl+T", "changer de territoire", "change territory"),
    ("Ctrl+E", "écrire la note de l’entrée affichée", "write the note of the entry shown"),
    ("Ctrl+P", "fiche de synthèse", "briefing sheet"),
    ("Alt+← / Alt+→", "entrée précédente / suivante", "previous / next entry"),
    ("Ctrl++ / Ctrl+- / Ctrl+0", "agrandir, réduire, taille normale du texte",
     "larger, smaller, normal text size"),
    ("F1", "cette aide", "this help"),
)


def first_steps_html(english: bool = False) -> str:
    """The « Premiers pas » page in the interface's language (essdesk's own words; the
    report's content it names stays French, as in the window)."""
    rows = "".join(
        f"<tr><td><b>{html.escape(k)}</b>&nbsp;&nbsp;</td>"
        f"<td>{html.escape(en if english else fr)}</td></tr>"
        for k, fr, en in SHORTCUTS
    )
    return (FIRST_STEPS_EN if english else FIRST_STEPS_FR).replace("{rows}", rows)


FIRST_STEPS_FR = """
<h2>Premiers pas</h2>
<h3>Ce que contient essdesk</h3>
<p>Le compte-rendu du webinaire de l’ANCT du 31 mars 2021 « L’économie sociale et solidaire
(ESS) au cœur de la relance des territoires fragiles », mis en fiches : les sessions du
webinaire, les 6 leviers des décideurs publics locaux et leurs outils, les acteurs et les
dispositifs cités, les types de territoires et les sigles. Tout fonctionne sans Internet ;
chaque fiche dit de quelle partie du compte-rendu elle vient.</p>
<h3>Trois façons de trouver</h3>
<ul>
<li><b>Les arbres</b> (à gauche) : <i>Sessions</i> suit le déroulé du webinaire ;
<i>Leviers</i> montre chaque levier avec ses <i>Outils</i> puis ce qui est cité pour lui ;
<i>Dispositifs</i> les range par nature (fonds, contrats, appels à projets…). Le nombre à
droite d’une ligne dit ce qu’il compte (survolez-le).</li>
<li><b>L’annuaire</b> : tous les acteurs et dispositifs en tableau, à filtrer par type,
levier ou territoire, et à trier en cliquant sur un en-tête de colonne.</li>
<li><b>La recherche</b> (Ctrl+K) : tapez quelques mots, même sans accents ou avec une
faute de frappe ; si rien ne correspond, essdesk propose « Vouliez-vous dire … ? ».</li>
</ul>
<h3>Votre territoire</h3>
<p>Le profil de territoire (en haut à droite, Ctrl+T) dit qui vous êtes : une commune ou
une intercommunalité, et ses types (ZRR, QPV, montagne…). Les entrées qui concernent ces
types sont surlignées (Affichage › Mettre en évidence…). Le bouton « Pour mon
territoire » de l’annuaire ne garde, là et dans la recherche, que celles qui ciblent ces types
(« cible : ZRR ») et celles que le compte-rendu dit valables partout (« tous territoires »).</p>
<h3>Notes et suivi</h3>
<p>À droite de chaque fiche, écrivez votre note et son suivi (à explorer, contacté, en cours,
mobilisé, écarté). Elles sont enregistrées au fil de la frappe, par territoire, sauvegardées
chaque jour, et jamais perdues : une note supprimée va dans la corbeille. <i>Mes notes</i>
(Ctrl+5) les rassemble.</p>
<h3>Le fichier d’échange</h3>
<p>Fichier › Exporter les notes… écrit un fichier <i>.essnotes</i> à envoyer à un collègue ;
Fichier › Importer des notes… l’ajoute aux vôtres sans rien écraser (si une note a changé des
deux côtés, les deux versions sont gardées).</p>
<h3>La fiche de synthèse</h3>
<p>Fichier › Fiche de synthèse… (Ctrl+P) prépare une page à imprimer ou à enregistrer en PDF
avec les entrées choisies et vos notes, pour une réunion.</p>
<h3>Raccourcis</h3>
<table cellspacing="0" cellpadding="2">{rows}</table>
"""

FIRST_STEPS_EN = """
<h2>Getting started</h2>
<h3>What essdesk holds</h3>
<p>The written account of the ANCT webinar of 31 March 2021, “L’économie sociale et solidaire
(ESS) au cœur de la relance des territoires fragiles” (the social and solidarity economy at
the heart of the recovery of fragile territories), as entries: the webinar’s sessions, the 6
levers of local public decision-makers and their tools, the actors and schemes it names, the
territory types and the acronyms. The report’s content stays in French. Everything works
without the Internet; each entry says which part of the report it comes from.</p>
<h3>Three ways to find something</h3>
<ul>
<li><b>The trees</b> (on the left): <i>Sessions</i> follows the webinar’s programme;
<i>Levers</i> shows each lever with its <i>Tools</i>, then what the report cites for it;
<i>Schemes</i> sorts them by nature (funds, contracts, calls for projects…). The number at the
right of a row says what it counts (hover over it).</li>
<li><b>The directory</b>: every actor and scheme in a table, to filter by type, lever or
territory, and to sort by clicking a column header.</li>
<li><b>The search</b> (Ctrl+K): type a few words, even without accents or with a typo; when
nothing matches, essdesk offers “Did you mean: …?”.</li>
</ul>
<h3>Your territory</h3>
<p>The territory profile (top right, Ctrl+T) says who you are: a municipality or an
intercommunality, and its types (ZRR, QPV, mountain…). Entries concerning those types are
highlighted (View › Highlight what concerns my territory). The directory’s “For my
territory” button keeps, there and in the search, only the entries that target those types
(labelled “cible : ZRR”) and those the report says apply everywhere (“tous territoires”).</p>
<h3>Notes and follow-up</h3>
<p>Beside each entry, write your note and its follow-up (to explore, contacted, in progress,
mobilised, set aside). They are saved as you type, per territory, backed up every day, and
never lost: a deleted note goes to the trash. <i>My notes</i> (Ctrl+5) gathers them.</p>
<h3>The exchange file</h3>
<p>File › Export notes… writes an <i>.essnotes</i> file to send to a colleague; File › Import
notes… adds it to yours without overwriting anything (when a note changed on both sides, both
versions are kept).</p>
<h3>The briefing sheet</h3>
<p>File › Briefing sheet… (Ctrl+P) prepares a page to print or save as PDF with the entries you
choose and your notes, for a meeting.</p>
<h3>Shortcuts</h3>
<table cellspacing="0" cellpadding="2">{rows}</table>
"""


def glossary_html(items: Sequence[GlossaryItem]) -> str:
    """One line per acronym or notion, linked to its entry; text escaped (it is data)."""
    out = ["<h2>Glossaire</h2>"]
    for item in items:
        aka = f" ({html.escape(', '.join(item.aliases))})" if item.aliases else ""
        title = html.escape(item.heading)
        if item.key:
            title = f'<a href="{html.escape(entry_url(item.key))}">{title}</a>'
        out.append(f"<p><b>{title}</b>{aka} — {html.escape(item.summary)}</p>")
    return "".join(out)


class HelpDialog(FittedDialog):
    """Aide › Premiers pas (F1) and Aide › Glossaire, one dialog with two tabs."""

    entry_link_clicked = Signal(str)

    def __init__(self, glossary: Sequence[GlossaryItem], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpDialog")
        self.setWindowTitle(self.tr("Aide d'essdesk"))
        self.tabs = QTabWidget(self)
        english = QLocale().language() == QLocale.Language.English
        self.first_steps = self._browser("firstSteps", first_steps_html(english))
        self.glossary = self._browser("glossary", glossary_html(glossary))
        self.tabs.addTab(self.first_steps, self.tr("Premiers pas"))
        self.tabs.addTab(self.glossary, self.tr("Glossaire"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.resize(760, 620)

    def _browser(self, name: str, text: str) -> QTextBrowser:
        browser = QTextBrowser(self)
        browser.setObjectName(name)
        browser.setOpenLinks(False)
        browser.setHtml(text)
        browser.anchorClicked.connect(self._clicked)
        return browser

    def _clicked(self, url: QUrl) -> None:
        key = entry_key(url)
        if key is not None:
            self.entry_link_clicked.emit(key)

    def show_tab(self, name: str) -> None:
        self.tabs.setCurrentWidget(self.glossary if name == "glossary" else self.first_steps)
        self.open()
