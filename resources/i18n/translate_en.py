"""Fill English translations into essdesk_en.ts and compile it (French is the source).

    pyside6-lupdate $(find essdesk/ui -name '*.py') essdesk/app.py -source-language fr \
        -target-language en -ts resources/i18n/essdesk_en.ts
    python resources/i18n/translate_en.py        # fills known strings, runs pyside6-lrelease

Strings missing from EN below are left "unfinished" and listed, so a new UI string is
noticed; edit them here (or in Qt Linguist) and run again.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
TS = HERE / "essdesk_en.ts"

EN = {
    # about
    "À propos d'essdesk": "About essdesk",
    "inconnue": "unknown",
    "Outil de bureau hors ligne sur l'économie sociale et solidaire dans les territoires "
    "fragiles.": "Offline desktop tool on the social and solidarity economy in fragile "
    "territories.",
    "Version du catalogue : {0}": "Catalogue version: {0}",
    "Contenu : {0}, {1}, {2}.": "Content: {0}, {1}, {2}.",
    "compte-rendu du webinaire": "webinar report",
    "Les dispositifs ont pu évoluer depuis 2021 : chaque fiche indique la partie du rapport "
    "dont elle provient.": "Schemes may have changed since 2021: every entry says which part "
    "of the report it comes from.",
    "Code sous licence MIT. Contenu tiré d'un rapport public de l'ANCT (Agence nationale de "
    "la cohésion des territoires).": "Code under the MIT licence. Content drawn from a public "
    "report of the ANCT (French national agency for territorial cohesion).",
    # tree model
    "Titre": "Title",
    "Nombre": "Count",
    # chips
    "Tout effacer": "Clear all",
    "Effacer tous les filtres": "Clear all filters",
    "Retirer ce filtre": "Remove this filter",
    "Retirer le filtre {0}": "Remove filter {0}",
    # detail
    "Message": "Message",
    "Fiche de l'entrée": "Entry details",
    "Dans": "In",
    "Aussi appelé": "Also known as",
    "En bref": "At a glance",
    "Faits et chiffres": "Facts and figures",
    "Points clés": "Key points",
    "Remarque": "Note",
    "Liens du rapport": "Links from the report",
    "Ces liens s’ouvrent dans le navigateur et demandent une connexion Internet.": "These "
    "links open in the browser and need an Internet connection.",
    "en ligne": "online",
    "Liens croisés": "Cross-links",
    "Lien refusé : seuls les liens web (http, https) et de courriel (mailto) peuvent être "
    "ouverts.": "Link refused: only web (http, https) and e-mail (mailto) links can be opened.",
    "Le lien n'a pas pu être ouvert : {0}": "The link could not be opened: {0}",
    "Ouvert dans le navigateur : {0}": "Opened in the browser: {0}",
    "Connexion Internet nécessaire": "Internet connection needed",
    # directory
    "Nom": "Name",
    "Type": "Kind",
    "Catégorie": "Category",
    "Porteur ou financeur": "Backer or funder",
    "Territoires": "Territories",
    "Filtrer par nom, sigle, mot…": "Filter by name, acronym, word…",
    "Filtrer l'annuaire": "Filter the directory",
    "Filtre : {0}": "Filter: {0}",
    "Nombre de résultats": "Number of results",
    "Annuaire des acteurs et dispositifs": "Directory of actors and schemes",
    "Aucun acteur ni dispositif ne correspond à la recherche et aux filtres.": "No actor or "
    "scheme matches the search and the filters.",
    "Effacer la recherche et les filtres": "Clear the search and the filters",
    "Aucun résultat": "No results",
    "1 résultat": "1 result",
    "{0} résultats": "{0} results",
    "Aucune valeur": "No values",
    # facets
    "Type d'entrée": "Entry kind",
    "Type d'acteur": "Actor type",
    "Nature du dispositif": "Kind of scheme",
    "Levier": "Lever",
    "Type de territoire": "Territory type",
    # kinds
    "Session": "Session",
    "Outil": "Tool",
    "Acteur": "Actor",
    "Dispositif": "Scheme",
    "Sigle et notion": "Acronym or notion",
    "Groupe": "Group",
    # main window
    "essdesk — L'ESS au cœur de la relance des territoires fragiles": "essdesk — The social "
    "economy at the heart of the recovery of fragile territories",
    "Arbre des sessions": "Session tree",
    "Arbre des leviers": "Lever tree",
    "Outils et dispositifs par nature": "Tools and schemes by kind",
    "Lien refusé : {0}": "Link refused: {0}",
    "Chargement du catalogue…": "Loading the catalogue…",
    "Précédent": "Back",
    "Entrée précédente (Alt+←)": "Previous entry (Alt+←)",
    "Suivant": "Forward",
    "Entrée suivante (Alt+→)": "Next entry (Alt+→)",
    "Rechercher": "Search",
    "Agrandir le texte": "Larger text",
    "Réduire le texte": "Smaller text",
    "Taille normale": "Normal size",
    "Quitter": "Quit",
    "Sessions": "Sessions",
    "Leviers": "Levers",
    "Outils et dispositifs": "Tools and schemes",
    "Annuaire": "Directory",
    "Navigation": "Navigation",
    "&Fichier": "&File",
    "&Affichage": "&View",
    "Langue / Language": "Language / Langue",
    "A&ller": "&Go",
    "Ai&de": "&Help",
    "Catalogue {0} · {1} entrées · hors ligne": "Catalogue {0} · {1} entries · offline",
    "Le catalogue n'a pas pu être ouvert": "The catalogue could not be opened",
    "Réinstallez essdesk ou signalez ce problème.": "Reinstall essdesk or report this problem.",
    "Catalogue indisponible": "Catalogue unavailable",
    "Contenu : {0} ({1}, {2}).": "Content: {0} ({1}, {2}).",
    "Bienvenue": "Welcome",
    "Choisissez une session, un levier ou un dispositif à gauche, ou cherchez un mot, un "
    "sigle, un nom avec Ctrl+K.": "Pick a session, a lever or a scheme on the left, or search "
    "for a word, an acronym or a name with Ctrl+K.",
    "Entrée introuvable : {0}": "Entry not found: {0}",
    "Recherche": "Search",
    # notes placeholder
    "Notes": "Notes",
    "Les notes de votre territoire sur cette entrée s'afficheront ici.": "Your territory's "
    "notes on this entry will show here.",
    # search
    "Rechercher dans tout le catalogue (Ctrl+K)": "Search the whole catalogue (Ctrl+K)",
    "Recherche globale": "Global search",
    "Résultats de la recherche": "Search results",
    "Aucun résultat pour « {0} ».": "No results for “{0}”.",
    "1 résultat pour « {0} »": "1 result for “{0}”",
    " (les {0} premiers)": " (the first {0})",
    "{0} résultats pour « {1} »": "{0} results for “{1}”",
    # navigation
    "Rubriques": "Sections",
    "Le déroulé du webinaire (Ctrl+1)": "The webinar, part by part (Ctrl+1)",
    "Les 6 leviers et leurs outils (Ctrl+2)": "The 6 levers and their tools (Ctrl+2)",
    "Dispositifs par nature (Ctrl+3)": "Schemes by kind (Ctrl+3)",
    "Acteurs et dispositifs (Ctrl+4)": "Actors and schemes (Ctrl+4)",
    # briefing sheet (notes issue)
    "Fiche de synthèse": "Briefing sheet",
    "Aucun territoire choisi : la fiche reprendra les entrées sans notes ni suivi.": "No "
    "territory chosen: the sheet will list the entries without notes or follow-up.",
    "Une fiche A4 des entrées choisies, avec les notes et le suivi de « {0} » et la source "
    "de chaque entrée.": "An A4 sheet of the chosen entries, with the notes and follow-up of "
    "“{0}” and the source of each entry.",
    "Entrées à inclure": "Entries to include",
    "Les entrées sélectionnées ({0})": "The selected entries ({0})",
    "Toutes les entrées avec une note ou un suivi ({0})": "Every entry with a note or a "
    "follow-up ({0})",
    "Toutes les entrées au statut « mobilisé » ({0})": "Every entry with the status "
    "“mobilised” ({0})",
    "Inclure le texte complet du compte-rendu": "Include the report's full text",
    "Exporter en &PDF…": "Export as &PDF…",
    "&Imprimer…": "&Print…",
    "&Markdown…": "&Markdown…",
    "&CSV des notes…": "&CSV of the notes…",
    "Enregistrer la fiche en PDF (format A4)": "Save the sheet as a PDF (A4)",
    "Aperçu avant impression, puis impression": "Print preview, then print",
    "Enregistrer la fiche en texte Markdown": "Save the sheet as Markdown text",
    "Liste des notes et du suivi du territoire, pour LibreOffice Calc ou Excel (séparateur "
    "« ; », UTF-8)": "The territory's notes and follow-up, for LibreOffice Calc or Excel "
    "(separator “;”, UTF-8)",
    "Choisissez les entrées à inclure.": "Choose the entries to include.",
    "Aucune entrée dans cette sélection.": "No entry in this selection.",
    "{0} entrée(s), {1} page(s) A4.": "{0} entry(ies), {1} A4 page(s).",
    "Enregistré : {0}{1}": "Saved: {0}{1}",
    "Impossible d'écrire le fichier {0} : {1}.": "Cannot write the file {0}: {1}.",
    "Enregistrer la fiche en PDF": "Save the sheet as PDF",
    "Documents PDF (*.pdf)": "PDF documents (*.pdf)",
    " ({0} page(s))": " ({0} page(s))",
    "Enregistrer la fiche en Markdown": "Save the sheet as Markdown",
    "Texte Markdown (*.md)": "Markdown text (*.md)",
    "Enregistrer la liste des notes (CSV)": "Save the list of notes (CSV)",
    "Tableur CSV, séparateur point-virgule (*.csv)": "CSV spreadsheet, semicolon separator (*.csv)",
}


def main() -> int:
    tree = ET.parse(TS)
    missing = []
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        if source in EN:
            translation.text = EN[source]
            translation.attrib.pop("type", None)
        else:
            translation.set("type", "unfinished")
            missing.append(source)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    for source in missing:
        print(f"untranslated: {source!r}", file=sys.stderr)
    lrelease = shutil.which("pyside6-lrelease") or str(
        Path(sys.executable).parent / "pyside6-lrelease"
    )
    subprocess.run([lrelease, str(TS), "-qm", str(TS.with_suffix(".qm"))], check=True)
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
