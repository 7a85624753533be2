"""Help inside the application: « Premiers pas » (F1) and the glossary, in plain French.

The glossary is built from the catalogue's own terms and territory types (what the report
explains), plus what essdesk calls a lever and a tool; a click on a word opens its entry.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from essdesk.catalogue.records import GlossaryItem
from essdesk.ui.links import entry_key, entry_url

SHORTCUTS = (
    ("Ctrl+K", "chercher dans tout le catalogue (et dans vos notes)"),
    ("Ctrl+1 … Ctrl+5", "Sessions, Leviers, Dispositifs, Annuaire, Mes notes"),
    ("Ctrl+T", "changer de territoire"),
    ("Ctrl+E", "écrire la note de l’entrée affichée"),
    ("Ctrl+P", "fiche de synthèse"),
    ("Alt+← / Alt+→", "entrée précédente / suivante"),
    ("Ctrl++ / Ctrl+- / Ctrl+0", "agrandir, réduire, taille normale du texte"),
    ("F1", "cette aide"),
)


def first_steps_html() -> str:
    """The « Premiers pas » page (essdesk's own words, escaped where data could enter)."""
    rows = "".join(
        f"<tr><td><b>{html.escape(k)}</b>&nbsp;&nbsp;</td><td>{html.escape(v)}</td></tr>"
        for k, v in SHORTCUTS
    )
    return f"""
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


class HelpDialog(QDialog):
    """Aide › Premiers pas (F1) and Aide › Glossaire, one dialog with two tabs."""

    entry_link_clicked = Signal(str)

    def __init__(self, glossary: Sequence[GlossaryItem], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpDialog")
        self.setWindowTitle(self.tr("Aide d'essdesk"))
        self.tabs = QTabWidget(self)
        self.first_steps = self._browser("firstSteps", first_steps_html())
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
