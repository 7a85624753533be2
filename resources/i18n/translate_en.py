"""Fill English translations into essdesk_en.ts and compile it (French is the source).

    pyside6-lupdate $(find essdesk/ui -name '*.py') essdesk/app.py -source-language fr \
        -target-language en -no-obsolete -ts resources/i18n/essdesk_en.ts
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
    # who wrote it (issue 12): the import preview, the initials of the person at this laptop
    "Par": "By",
    "Texte de la note choisie": "Text of the chosen note",
    "écrite par {0}": "written by {0}",
    "auteur inconnu": "author unknown",
    " (versions précédentes : {0})": " (earlier versions: {0})",
    "Note {0}, modifiée le {1} :": "Note {0}, modified on {1}:",
    "Mes initiales…": "My initials…",
    "Mes initiales": "My initials",
    "Vos initiales": "Your initials",
    "AB": "AB",
    "Plus tard": "Later",
    "Vos initiales signeront les notes que vous écrivez sur cet ordinateur (pas celles du "
    "territoire) :": "Your initials will sign the notes you write on this computer (not the "
    "territory's):",
    "Ne plus demander ; Fichier › « Mes initiales… » plus tard.": "Do not ask again; File › "
    "“My initials…” later.",
    "Vos initiales signent les notes et les suivis que vous écrivez sur cet ordinateur, quel "
    "que soit le territoire :": "Your initials sign the notes and follow-ups you write on this "
    "computer, whatever the territory:",
    # follow-ups changed on two laptops (conflicts view, import)
    "Suivi — {0}": "Follow-up — {0}",
    "suivi modifié le {0}": "follow-up modified on {0}",
    "(aucun suivi)": "(no follow-up)",
    "Statut : {0}": "Status: {0}",
    "Date : {0}": "Date: {0}",
    "Contact : {0}": "Contact: {0}",
    "{0} — suivi": "{0} — follow-up",
    "« {0} » : votre suivi est gardé.": "“{0}”: your follow-up is kept.",
    "« {0} » : le suivi importé est gardé.": "“{0}”: the imported follow-up is kept.",
    "Cette note ou son suivi a une version importée en conflit.": "This note or its follow-up "
    "has an imported version in conflict.",
    "Des suivis ont été modifiés ici et sur l'autre ordinateur : les deux sont gardés, ouvrez "
    "les conflits pour choisir lequel garder.": "Some follow-ups were changed here and on the "
    "other computer: both are kept; open the conflicts to choose which to keep.",
    "Un suivi en conflit a été modifié ici et sur l'autre ordinateur : les deux sont gardés, "
    "quelle que soit l'heure des ordinateurs, vous choisirez ensuite.": "A follow-up in "
    "conflict was changed here and on the other computer: both are kept, whatever the "
    "computers' clocks say; you will choose later.",
    # notes panel: a note imported from a colleague's exchange file
    "{0} · par {1}": "{0} · by {1}",
    "{0}, par {1}": "{0}, by {1}",
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
    "Catalogue {0} · {1} entrées · sur cet ordinateur": "Catalogue {0} · {1} entries · on this computer",
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
    # notes in the window (issue 4): panel, territories, markers, Mes notes, menus
    "Restaurer une sauvegarde": "Restore a backup",
    "Restaurer cette sauvegarde…": "Restore this backup…",
    "Restaurer remplace toutes les notes par celles de la sauvegarde choisie. Les notes "
    "actuelles sont d'abord sauvegardées : rien n'est perdu.": "Restoring replaces all notes "
    "with those of the chosen backup. The current notes are backed up first: nothing is lost.",
    "Aucune sauvegarde pour l'instant.": "No backup yet.",
    "Fichier : {0}\nTaille : {1} Ko": "File: {0}\nSize: {1} KB",
    # the directory's « Suivi » facet
    "Avec une note": "With a note",
    "Vos notes et le suivi des entrées pour votre territoire": "Your notes and the follow-up "
    "of entries for your territory",
    "Comptes dans votre territoire": "Counts over your territory",
    "Historique de la note": "Note history",
    "Restaurer cette version": "Restore this version",
    "Chaque version garde le texte tel qu'il était (la frappe d'une même minute forme une "
    "version). Restaurer ne perd rien : le texte actuel reste dans l'historique.": "Each "
    "version keeps the text as it was (typing within one minute makes one version). Restoring "
    "loses nothing: the current text stays in the history.",
    "{0} (version actuelle)": "{0} (current version)",
    "Ma note": "My note",
    "Mes notes": "My notes",
    "Changer de territoire": "Switch territory",
    "Modifier la note": "Edit the note",
    "Mettre en évidence ce qui concerne mon territoire": "Highlight what concerns my territory",
    "Fond ambré sur les entrées qui ciblent les types de votre territoire : « concerne votre "
    "territoire »": "Amber background on entries that target your territory's types: "
    "“concerns your territory”",
    "Territoire :": "Territory:",
    "Profils de territoire": "Territory profiles",
    "Nouveau…": "New…",
    "Modifier…": "Edit…",
    "Supprimer…": "Delete…",
    "Supprimer un territoire envoie ses notes à la corbeille : elles y restent restaurables au "
    "moins 30 jours.": "Deleting a territory sends its notes to the trash: they stay "
    "restorable there for at least 30 days.",
    "a une note": "has a note",
    "suivi : {0}": "follow-up: {0}",
    "concerne votre territoire": "concerns your territory",
    "Chercher dans mes notes…": "Search my notes…",
    "Chercher dans mes notes": "Search my notes",
    "Notes orphelines": "Orphan notes",
    "Ces notes portent sur des entrées que ce catalogue ne contient plus (il a été mis à jour "
    "depuis). Elles sont gardées telles quelles, avec le titre de l'entrée au moment où elles "
    "ont été écrites ; survolez une ligne pour lire la note.": "These notes are about entries "
    "this catalogue no longer has (it was updated since). They are kept as they are, with the "
    "entry's title when they were written; hover a row to read the note.",
    "Les notes s'afficheront ici une fois ouvertes.": "Notes will show here once opened.",
    "Choisissez ou créez un territoire pour voir ses notes.": "Choose or create a territory "
    "to see its notes.",
    "Aucune note de {0} ne contient « {1} ».": "No note of {0} contains “{1}”.",
    "{0} note(s) de {1} contiennent « {2} »": "{0} note(s) of {1} contain “{2}”",
    "Aucune note pour {0} pour l'instant : ouvrez une entrée et écrivez dans le panneau Notes, "
    "à droite.": "No note for {0} yet: open an entry and write in the Notes pane, on the right.",
    "{0} note(s) de {1}": "{0} note(s) of {1}",
    "Notes récupérées": "Notes recovered",
    "Territoire": "Territory",
    "Supprimer le territoire « {0} » ?\n\nSes {1} note(s) iront à la corbeille, d'où vous "
    "pourrez les restaurer pendant au moins 30 jours (Fichier > Corbeille…).": "Delete the "
    "territory “{0}”?\n\nIts {1} note(s) will go to the trash, where you can restore them for "
    "at least 30 days (File > Trash…).",
    "Supprimer le territoire": "Delete the territory",
    "Historique": "History",
    "Corbeille": "Trash",
    "Exporter les notes…": "Export notes…",
    "Importer des notes…": "Import notes…",
    "Fiche de synthèse…": "Briefing sheet…",
    "Résoudre les conflits…": "Resolve conflicts…",
    "Sauvegarder vers…": "Back up to…",
    "Restaurer une sauvegarde…": "Restore a backup…",
    "Vérifier l'intégrité": "Check integrity",
    "Corbeille…": "Trash…",
    "Sauvegarder les notes vers…": "Back up the notes to…",
    "Sauvegarde de notes essdesk (*.sqlite3)": "essdesk notes backup (*.sqlite3)",
    "Sauvegarde impossible": "Backup failed",
    "Notes sauvegardées": "Notes backed up",
    "Une copie vérifiée des notes a été écrite dans :\n{0}": "A verified copy of the notes "
    "was written to:\n{0}",
    "Sauvegardes": "Backups",
    "Remplacer toutes les notes par la sauvegarde du {0} ?\n\nLes notes actuelles seront "
    "d'abord sauvegardées (elles resteront dans la liste).": "Replace all notes with the "
    "backup of {0}?\n\nThe current notes will be backed up first (they will stay in the list).",
    "Sauvegarde restaurée ; notes précédentes gardées sous {0}": "Backup restored; previous "
    "notes kept as {0}",
    "Vérification des notes": "Notes check",
    "{0} (version en conflit)": "{0} (conflicting version)",
    "Entrée": "Entry",
    "Suivi": "Follow-up",
    "Modifiée le": "Modified",
    "Début": "Beginning",
    "Message des notes": "Notes message",
    "Avertissement des notes": "Notes warning",
    "Résoudre…": "Resolve…",
    "Résoudre les conflits de cette note": "Resolve this note's conflicts",
    "Note (lecture)": "Note (reading)",
    "Double-cliquez pour modifier (Ctrl+E)": "Double-click to edit (Ctrl+E)",
    "Texte de la note": "Note text",
    "Enregistrée automatiquement. **gras**, listes avec -, liens http(s).": "Saved "
    "automatically. **bold**, lists with -, http(s) links.",
    "Modifier": "Edit",
    "Modifier la note (Ctrl+E)": "Edit the note (Ctrl+E)",
    "État de l'enregistrement": "Save state",
    "Statut de suivi": "Follow-up status",
    "Date du suivi": "Follow-up date",
    "Sans date": "No date",
    "Contact du suivi": "Follow-up contact",
    "Nom, téléphone, courriel…": "Name, phone, email…",
    "Date": "Date",
    "Contact": "Contact",
    "Historique…": "History…",
    "Supprimer la note": "Delete the note",
    "Notes — {0}": "Notes — {0}",
    "Réessayer": "Try again",
    "Ouverture des notes…": "Opening the notes…",
    "Pour prendre des notes, créez d'abord le profil de votre territoire (nom, types de "
    "territoire, commune ou EPCI). Plusieurs territoires peuvent cohabiter sur ce poste.": "To "
    "take notes, first create your territory's profile (name, territory types, municipality "
    "or EPCI). Several territories can live side by side on this computer.",
    "Créer un territoire…": "Create a territory…",
    "Choisissez une entrée à gauche pour lire ou écrire sa note.": "Choose an entry on the "
    "left to read or write its note.",
    "Vos notes sur cette entrée pour {0}…": "Your notes on this entry for {0}…",
    "Modifications non enregistrées…": "Unsaved changes…",
    "Enregistré à {0}": "Saved at {0}",
    "Enregistré le {0}": "Saved on {0}",
    "Le fichier de notes n'est pas ouvert.": "The notes file is not open.",
    "Cette note avait été modifiée dans une autre fenêtre d'essdesk : les deux versions ont été "
    "gardées, l'une après l'autre.": "This note had been changed in another essdesk window: "
    "both versions were kept, one after the other.",
    "Échec de l'enregistrement — nouvel essai dans 5 s": "Save failed — trying again in 5 s",
    "Suivi enregistré à {0}": "Follow-up saved at {0}",
    "Note placée dans la corbeille (restaurable 30 jours).": "Note moved to the trash "
    "(restorable for 30 days).",
    "Dans mes notes uniquement": "In my notes only",
    "Chercher dans mes notes uniquement": "Search my notes only",
    "La recherche couvre aussi les notes du territoire courant (« Ma note »)": "The search "
    "also covers the current territory's notes (“My note”)",
    "Les notes de votre territoire (Ctrl+5)": "Your territory's notes (Ctrl+5)",
    "à explorer": "to explore",
    "contacté": "contacted",
    "en cours": "in progress",
    "mobilisé": "mobilised",
    "écarté": "set aside",
    "Nouveau territoire": "New territory",
    "Modifier le territoire": "Edit the territory",
    "Nom du territoire": "Territory name",
    "ex. Communauté de communes du Haut-Jura": "e.g. Communauté de communes du Haut-Jura",
    "Types de territoire": "Territory types",
    "Commune ou EPCI": "Municipality or EPCI",
    "Code INSEE ou SIREN": "INSEE or SIREN code",
    "Initiales du profil": "Profile's initials",
    "&Nom": "&Name",
    "&Commune ou EPCI (facultatif)": "&Municipality or EPCI (optional)",
    "C&ode (facultatif)": "C&ode (optional)",
    "&Initiales (facultatif)": "&Initials (optional)",
    "Créer": "Create",
    "Enregistrer": "Save",
    "Territoire courant": "Current territory",
    "Territoire courant : il délimite notes, suivis et exports (Ctrl+T)": "Current territory: "
    "it scopes notes, follow-ups and exports (Ctrl+T)",
    "Aucun territoire": "No territory",
    "Nouveau territoire…": "New territory…",
    "Gérer les territoires…": "Manage territories…",
    "Restaurer": "Restore",
    "Les notes supprimées restent ici au moins 30 jours ; au-delà, elles sont effacées au "
    "démarrage.": "Deleted notes stay here for at least 30 days; after that, they are erased "
    "at start-up.",
    "{0} — {1} (supprimée le {2})": "{0} — {1} (deleted on {2})",
    "La corbeille est vide.": "The trash is empty.",
    "Note restaurée : {0}": "Note restored: {0}",
    "Aperçu": "Preview",
    # notes exchange: export, import preview, conflicts
    "{0} à {1}": "{0} at {1}",
    "{0} note": "{0} note",
    "{0} notes": "{0} notes",
    "{0} suivi": "{0} follow-up",
    "{0} suivis": "{0} follow-ups",
    "aucun territoire": "no territory",
    "{0} et {1} exportés ({2}) dans le fichier :\n{3}": "{0} and {1} exported ({2}) to the "
    "file:\n{3}",
    "Notes exportées": "Notes exported",
    "Exporter les notes": "Export notes",
    "Un fichier .essnotes à copier (clé USB…) et à importer sur un autre ordinateur. Il "
    "contient les notes et le suivi des entrées.": "An .essnotes file to copy (USB stick…) and "
    "import on another computer. It holds the entries' notes and follow-up.",
    "Notes à exporter": "Notes to export",
    "Le territoire « {0} » ({1})": "The territory “{0}” ({1})",
    "Le territoire courant (aucun territoire choisi)": "The current territory (no territory "
    "chosen)",
    "Toutes les notes, tous territoires ({0})": "All notes, all territories ({0})",
    "Exporter le territoire courant": "Export the current territory",
    "Exporter toutes les notes": "Export all notes",
    "Exporter les entrées sélectionnées": "Export the selected entries",
    "&Exporter…": "&Export…",
    "Annuler": "Cancel",
    "Choisir le fichier et exporter": "Choose the file and export",
    "Enregistrer le fichier de notes": "Save the notes file",
    "Notes essdesk (*.essnotes)": "essdesk notes (*.essnotes)",
    "Export impossible": "Export failed",
    "Importer des notes — aperçu": "Import notes — preview",
    "Fichier « {0} », exporté le {1} (essdesk {2}": "File “{0}”, exported on {1} (essdesk {2}",
    ", catalogue {0}": ", catalogue {0}",
    "Notes du fichier": "Notes in the file",
    "Nombre de notes par cas": "Number of notes per case",
    "Nouvelles :": "New:",
    "Identiques (déjà ici) :": "Identical (already here):",
    "Mises à jour :": "Updated:",
    "En conflit :": "In conflict:",
    "Orphelines (fiche inconnue) :": "Orphaned (unknown entry):",
    "Suivis :": "Follow-ups:",
    "existe déjà ici": "already exists here",
    "Destination des notes de « {0} »": "Destination of the notes of “{0}”",
    "Notes du fichier, par entrée": "Notes in the file, by entry",
    "Effet": "Effect",
    "&Importer": "&Import",
    "Importer les notes du fichier": "Import the notes from the file",
    "Créer le territoire « {0} »": "Create the territory “{0}”",
    "Rétablir le territoire « {0} » (supprimé ici)": "Reinstate the territory “{0}” (deleted here)",
    "Rattacher à « {0} » (même nom)": "Attach to “{0}” (same name)",
    "Créer un autre territoire « {0} »": "Create another territory “{0}”",
    "Rattacher à « {0} »": "Attach to “{0}”",
    "{0} nouveau": "{0} new",
    "{0} nouveaux": "{0} new",
    "{0} mis à jour": "{0} updated",
    "{0} inchangé": "{0} unchanged",
    "{0} inchangés": "{0} unchanged",
    "Vérifiez ce que l'import va faire, puis cliquez sur « Importer ». Une sauvegarde de vos "
    "notes est faite avant.": "Check what the import will do, then click “Import”. Your notes "
    "are backed up first.",
    "Rien de nouveau : ce fichier a déjà été importé.": "Nothing new: this file has already "
    "been imported.",
    "Une note en conflit a été modifiée ici et sur l'autre ordinateur : les deux versions sont "
    "gardées côte à côte, vous choisirez ensuite laquelle garder.": "A note in conflict was "
    "changed both here and on the other computer: both versions are kept side by side, and "
    "you will choose which one to keep afterwards.",
    "Une note orpheline concerne une fiche inconnue de ce catalogue : elle est importée et "
    "gardée quand même.": "An orphaned note is about an entry this catalogue does not know: "
    "it is imported and kept all the same.",
    "Le catalogue n'a pas pu être lu : les notes orphelines n'ont pas été repérées.": "The "
    "catalogue could not be read: orphaned notes were not detected.",
    "… et {0} autres notes (non listées ici).": "… and {0} more notes (not listed here).",
    "Import impossible": "Import failed",
    "{0} nouvelle": "{0} new",
    "{0} nouvelles": "{0} new",
    "{0} mise à jour": "{0} updated",
    "{0} mises à jour": "{0} updated",
    "{0} en conflit": "{0} in conflict",
    "{0} identique": "{0} identical",
    "{0} identiques": "{0} identical",
    "aucune note": "no notes",
    "nouvelle": "new",
    "identique": "identical",
    "mise à jour": "update",
    "en conflit": "in conflict",
    ", orpheline": ", orphaned",
    "Pas encore de note pour cette entrée ici : elle est ajoutée.": "No note for this entry "
    "here yet: it is added.",
    "Ce texte est déjà ici : rien à faire.": "This text is already here: nothing to do.",
    "Modifiée seulement sur l'autre ordinateur : elle remplace la vôtre (gardée dans "
    "l'historique).": "Changed only on the other computer: it replaces yours (kept in the "
    "history).",
    "Modifiée des deux côtés : gardée à côté de la vôtre, vous choisirez ensuite.": "Changed "
    "on both sides: kept alongside yours; you will choose later.",
    "Cette entrée est inconnue de ce catalogue.": "This entry is unknown to this catalogue.",
    "Rien n'a changé : toutes ces notes étaient déjà ici.": "Nothing changed: all these notes "
    "were already here.",
    "Import terminé.": "Import complete.",
    "Notes : {0}.": "Notes: {0}.",
    "Les notes en conflit sont gardées à côté des vôtres : ouvrez les conflits du territoire "
    "pour choisir quelle version garder.": "Notes in conflict are kept alongside yours: open "
    "the territory's conflicts to choose which version to keep.",
    "{0} note concerne une fiche inconnue de ce catalogue.": "{0} note is about an entry "
    "unknown to this catalogue.",
    "{0} notes concernent une fiche inconnue de ce catalogue.": "{0} notes are about entries "
    "unknown to this catalogue.",
    "Suivis : {0}, {1}.": "Follow-ups: {0}, {1}.",
    "Une sauvegarde a été faite juste avant : {0}.": "A backup was made just before: {0}.",
    "Importer des notes": "Import notes",
    "Tous les fichiers (*)": "All files (*)",
    "Notes importées": "Notes imported",
    "Conflits — {0}": "Conflicts — {0}",
    "Ces notes ont été modifiées sur deux ordinateurs. Les deux versions sont gardées tant "
    "que vous n'avez pas choisi ; ensuite, la version écartée reste récupérable (corbeille ou "
    "historique de la note).": "These notes were changed on two computers. Both versions are "
    "kept until you choose; after that, the version set aside can still be recovered (trash "
    "or the note's history).",
    "Notes en conflit": "Notes in conflict",
    "Ma version": "My version",
    "Version importée": "Imported version",
    "Garder la &mienne": "Keep &mine",
    "Garder l'&importée": "Keep the &imported one",
    "Garder les &deux": "Keep &both",
    "&Fusionner…": "M&erge…",
    "La note garde votre texte ; la version importée va à la corbeille.": "The note keeps "
    "your text; the imported version goes to the trash.",
    "La note prend le texte importé ; le vôtre reste dans son historique.": "The note takes "
    "the imported text; yours stays in its history.",
    "La note contient les deux textes, l'un après l'autre.": "The note holds both texts, one "
    "after the other.",
    "Écrire vous-même le texte à garder.": "Write the text to keep yourself.",
    "Écrivez le texte à garder à partir des deux versions, retirez les lignes « ——— », puis "
    "enregistrez (Ctrl+Entrée).": "Write the text to keep from the two versions, remove the "
    "“———” lines, then save (Ctrl+Enter).",
    "Texte fusionné": "Merged text",
    "&Enregistrer": "&Save",
    "Annuler la fusion": "Cancel the merge",
    "Revenir aux deux versions (Échap)": "Back to the two versions (Esc)",
    "Aucun conflit à résoudre pour « {0} ».": "No conflicts to resolve for “{0}”.",
    "Fermer": "Close",
    "{0} (fiche inconnue du catalogue)": "{0} (entry unknown to the catalogue)",
    "dans la corbeille": "in the trash",
    "(La note locale est dans la corbeille : restaurez-la pour la comparer, ou gardez la "
    "version importée.)": "(The local note is in the trash: restore it to compare it, or keep "
    "the imported version.)",
    "modifiée le {0}": "modified on {0}",
    "« {0} » : votre version est gardée.": "“{0}”: your version is kept.",
    "« {0} » : la version importée est gardée (la vôtre reste dans l'historique).": "“{0}”: "
    "the imported version is kept (yours stays in the history).",
    "« {0} » : les deux versions sont gardées dans la note.": "“{0}”: both versions are kept "
    "in the note.",
    "——— Version importée (modifiée le {0}) ———": "——— Imported version (modified on {0}) ———",
    "——— Ma version (modifiée le {0}) ———": "——— My version (modified on {0}) ———",
    "« {0} » : le texte fusionné est enregistré.": "“{0}”: the merged text is saved.",
    "Conflit": "Conflict",
    # issue 15: the « Entrées locales » menu
    "&Entrées locales": "&Local entries",
    "Nouvelle entrée locale…": "New local entry…",
    "Modifier l'entrée locale…": "Edit local entry…",
    "Supprimer l'entrée locale": "Delete local entry",
    "Entrées locales supprimées…": "Deleted local entries…",
    "Importer une liste…": "Import a list…",
    "Exporter la liste…": "Export the list…",
    # issue 15: a local entry's history and trash
    "Historique de l'entrée locale…": "Local entry history…",
    "Historique de l'entrée locale": "Local entry history",
    "Chaque enregistrement de la fiche forme une version. Restaurer ne perd rien : le contenu "
    "actuel reste dans l'historique.": "Every save of the entry makes a version. Restoring "
    "loses nothing: the current content stays in the history.",
    "Entrées locales supprimées": "Deleted local entries",
    "Les entrées locales supprimées restent ici au moins 30 jours ; au-delà, elles sont "
    "effacées au démarrage. Leurs notes restent.": "Deleted local entries stay here for at "
    "least 30 days; after that, they are erased at start-up. Their notes stay.",
    "Entrée locale restaurée : {0}": "Local entry restored: {0}",
    "Son entrée locale ira aussi dans les entrées locales supprimées (Entrées locales > "
    "Entrées locales supprimées…).": "Its local entry will go to the deleted local entries "
    "too (Local entries > Deleted local entries…).",
    "Ses {0} entrées locales iront aussi dans les entrées locales supprimées (Entrées "
    "locales > Entrées locales supprimées…).": "Its {0} local entries will go to the deleted "
    "local entries too (Local entries > Deleted local entries…).",
    "Résumé": "Summary",
    "Texte": "Text",
    "Adresse": "Address",
    "Téléphone": "Phone",
    "Courriel": "E-mail",
    "Personne à contacter": "Contact person",
    "Liens": "Links",
    "Illustre": "Illustrates",
    "Liée à": "Linked to",
    "Écrit par": "Written by",
    "Entrées locales": "Local entries",
    "Entrées locales : {0}.": "Local entries: {0}.",
    "Nouvelle entrée locale": "New local entry",
    "Modifier l'entrée locale": "Edit local entry",
    "Supprimer « {0} » ? Elle ira dans les entrées locales supprimées, d'où vous pourrez la "
    "restaurer ; ses notes restent.": "Delete “{0}”? It will go to the deleted local entries, "
    "from where you can restore it; its notes stay.",
    "{0} entrée(s) locale(s) importée(s).": "{0} local entry(ies) imported.",
    "« {0} » ({1}, séparateur « {2} ») : entrées locales de « {3} ».": "“{0}” ({1}, separator "
    "“{2}”): local entries of “{3}”.",
    # issue 13: finding it as a clerk does
    "Dispositifs": "Schemes",
    "Dispositifs par nature": "Schemes by kind",
    "Vouliez-vous dire : {0} ?": "Did you mean: {0}?",
    "Suggestions de recherche": "Search suggestions",
    "Premiers pas": "Getting started",
    "Glossaire": "Glossary",
    "Aide d'essdesk": "essdesk help",
    "Outil {0} : numérotation propre à essdesk (le compte-rendu énumère les outils sans "
    "numéro).": "Tool {0}: essdesk's own numbering (the report lists the tools without "
    "numbers).",
    "Le compte-rendu ne rattache aucun acteur, dispositif ou exemple à cet outil en "
    "particulier : ceux qu’il cite pour le levier sont sur sa page :": "The report ties no "
    "actor, scheme or example to this tool in particular: those it cites for the lever are "
    "on its page:",
    "Pour mon territoire": "For my territory",
    "Pour mon territoire ✓": "For my territory ✓",
    "Choisissez un profil de territoire avec ses types (ZRR, QPV…)": "Choose a territory "
    "profile with its types (ZRR, QPV…)",
    "Les entrées qui ciblent les types de votre territoire et celles valables partout": "The "
    "entries that target your territory's types and those valid everywhere",
    "Légende : fond coloré, concerne votre territoire": "Legend: coloured background, "
    "concerns your territory",
    "Aucune valeur parmi les résultats de la recherche et des filtres": "No value among the "
    "results of the search and filters",
    "Aucune valeur dans le catalogue": "No value in the catalogue",
    # briefing dialog: a sheet fit for the mayor
    "Inclure les remarques sur le compte-rendu": "Include remarks about the report",
    "Les remarques du catalogue sur le compte-rendu lui-même (une coquille, une précision sur "
    "la source) : utiles pour vous, pas pour un élu.": "The catalogue's remarks about the "
    "report itself (a typo, a note on the source): useful to you, not to an elected official.",
    "Texte &Markdown…": "&Markdown text…",
    "Markdown : texte pour un courriel ou un traitement de texte": "Markdown: text for an email "
    "or a word processor",
    "Markdown : texte pour un courriel ou un traitement de texte.": "Markdown: text for an "
    "email or a word processor.",
    "&Ouvrir le PDF": "&Open the PDF",
    "Ouvrir le &dossier": "Open the &folder",
    "&Ouvrir le fichier": "&Open the file",
    # follow-up date field
    "Sans date (jj/mm/aaaa)": "No date (dd/mm/yyyy)",
    "Par exemple 15/03/2026, 15/3/26 ou 15 mars 2026": "For example 15/03/2026, 15/3/26 or "
    "15 mars 2026",
    "Choisir dans le calendrier": "Pick in the calendar",
    "Ouvrir le calendrier": "Open the calendar",
    "Aujourd’hui": "Today",
    "Effacer": "Clear",
    # notes
    "Extrait": "Excerpt",
    "Cliquez pour modifier (Ctrl+E)": "Click to edit (Ctrl+E)",
    "Enregistrement…": "Saving…",
    "Ouvrir les conflits": "Open the conflicts",
    "⚠ {0} — conflit à résoudre": "⚠ {0} — conflict to settle",
    "Cette note a une version importée en conflit : ouvrez l’entrée et cliquez sur "
    "« Résoudre… ».": "This note has a conflicting imported version: open the entry and "
    "click “Settle…”.",
    "Remettre la note supprimée": "Bring the deleted note back",
    "Note placée dans la corbeille (restaurable 30 jours). Son suivi (statut, date, contact) "
    "est gardé.": "Note moved to the trash (restorable for 30 days). Its follow-up (status, "
    "date, contact) is kept.",
    "Note remise.": "Note brought back.",
    # territory dialog
    "code INSEE de la commune (5 chiffres) ou SIREN de l’EPCI (9 chiffres)": "the municipality's "
    "INSEE code (5 digits) or the EPCI's SIREN number (9 digits)",
    "Le code officiel de votre territoire : code INSEE d’une commune (ex. 23096) ou numéro "
    "SIREN d’un EPCI (ex. 200067130). Il distingue deux territoires de même nom ; essdesk ne "
    "l’envoie nulle part.": "Your territory's official code: a municipality's INSEE code (e.g. "
    "23096) or an EPCI's SIREN number (e.g. 200067130). It tells apart two territories with "
    "the same name; essdesk sends it nowhere.",
    "Initiales du profil, reprises sur ses entrées locales tant que vous n'avez pas donné les "
    "vôtres. Vos notes et vos entrées sont signées par vos propres initiales : Fichier › "
    "« Mes initiales… ».": "The profile's initials, shown on its local entries until you have "
    "given yours. Your notes and entries are signed with your own initials: File › "
    "“My initials…”.",
    "C&ode INSEE ou SIREN (facultatif)": "INSEE or SIREN c&ode (optional)",
    # local entries
    "Liens": "Links",
    "Entrées locales : {0}.": "Local entries: {0}.",
    "local": "local",
    "Supprimer « {0} » ? Elle ira dans les entrées locales supprimées, d'où vous pourrez la "
    "restaurer ; ses notes restent.": "Delete “{0}”? It will go to the deleted local entries, "
    "from where you can restore it; its notes stay.",
    "Entrées locales": "Local entries",
    "Aucune entrée locale supprimée pour ce territoire.": "No deleted local entry for this "
    "territory.",
    "Restaurer une entrée locale": "Restore a local entry",
    "Entrée :": "Entry:",
    "Importer une liste": "Import a list",
    "Listes CSV (*.csv *.txt)": "CSV lists (*.csv *.txt)",
    "Exporter la liste": "Export the list",
    "Listes CSV (*.csv)": "CSV lists (*.csv)",
    "Impossible d'écrire {0} : {1}": "Cannot write {0}: {1}",
    "Modifier l'entrée locale": "Edit the local entry",
    "Nouvelle entrée locale": "New local entry",
    "séparés par des virgules": "separated by commas",
    "Genre": "Kind",
    "Sigles, autres noms": "Acronyms, other names",
    "Résumé": "Summary",
    "Texte": "Text",
    "Adresse": "Address",
    "Téléphone": "Phone",
    "Courriel": "E-mail",
    "Personne à contacter": "Contact person",
    "Site web": "Website",
    "Tous territoires": "All territories",
    "Leviers et outils illustrés": "Levers and tools illustrated",
    "nom d'une fiche (DLA, France Active…)": "name of an entry (DLA, France Active…)",
    "Lier": "Link",
    "Retirer le lien": "Remove the link",
    "Liens avec des fiches": "Links to entries",
    "Entrée de « {0} » : elle ne figure pas dans le rapport.": "Entry of “{0}”: it is not in "
    "the report.",
    "(non précisé)": "(not specified)",
    "Fiche introuvable : « {0} ».": "Entry not found: “{0}”.",
    "« {0} » ({1}, séparateur « {2} ») : entrées locales de « {3} ».": "“{0}” ({1}, separator "
    "“{2}”): local entries of “{3}”.",
    "Colonne « {0} »": "Column “{0}”",
    "Ligne": "Row",
    "À l'import": "On import",
    "Colonne importée comme :": "Column imported as:",
    "Importer aussi les doublons": "Import the duplicates too",
    "Importer": "Import",
    "Première ligne du tableau : ce que contient chaque colonne.": "First row of the table: "
    "what each column holds.",
    "à corriger : {0}": "to correct: {0}",
    "importé": "imported",
    "ignoré": "ignored",
    "doublon de « {0} » ({1})": "duplicate of “{0}” ({1})",
    "nouveau": "new",
    "Corrigez les lignes signalées dans le tableur (ou choisissez « (ignorer) » pour leur "
    "colonne) : l'import est tout ou rien.": "Correct the rows flagged in the spreadsheet (or "
    "choose “(ignore)” for their column): the import is all or nothing.",
    "{0} : {1}, {2}, {3}.": "{0}: {1}, {2}, {3}.",
    "{0} ligne": "{0} row",
    "{0} lignes": "{0} rows",
    "{0} à importer": "{0} to import",
    "{0} doublon": "{0} duplicate",
    "{0} doublons": "{0} duplicates",
    "{0} à corriger": "{0} to correct",
    "{0} entrée locale importée.": "{0} local entry imported.",
    "{0} entrées locales importées.": "{0} local entries imported.",
    # team
    "Équipe": "Team",
    "Partagez les notes de vos territoires avec votre équipe sur le serveur PostgreSQL de "
    "votre intercommunalité. Hors ligne, tout fonctionne comme d'habitude : les modifications "
    "attendent la prochaine synchronisation.": "Share your territories' notes with your team on "
    "your intercommunality's PostgreSQL server. Offline, everything works as usual: changes "
    "wait for the next synchronisation.",
    "Mémoriser le mot de passe": "Remember the password",
    "Dans le fichier de mots de passe de PostgreSQL (pgpass), lisible par vous seul.": "In "
    "PostgreSQL's password file (pgpass), readable by you alone.",
    "facultatif : vérifie l'identité du serveur": "optional: checks the server's identity",
    "Parcourir…": "Browse…",
    "Serveur :": "Server:",
    "Port :": "Port:",
    "Base :": "Database:",
    "Utilisateur :": "User:",
    "Mot de passe :": "Password:",
    "Autorité (CA) :": "Authority (CA):",
    "Équipe :": "Team:",
    "Se connecter": "Connect",
    "Synchroniser maintenant": "Synchronise now",
    "Partager le territoire actuel": "Share the current territory",
    "Se déconnecter": "Disconnect",
    "Autorité de certification": "Certificate authority",
    "Certificats (*.pem *.crt);;Tous (*)": "Certificates (*.pem *.crt);;All (*)",
    "Équipe…": "Team…",
    "Synchronisation…": "Synchronising…",
    "Hors ligne": "Offline",
    "Synchronisation impossible": "Synchronisation failed",
    "Synchronisé à {0}": "Synchronised at {0}",
    " — 1 modification en attente": " — 1 change waiting",
    " — {0} modifications en attente": " — {0} changes waiting",
    "Relié à l'équipe « {0} » ({1}).": "Connected to the team “{0}” ({1}).",
    "Cet ordinateur n'est relié à aucune équipe.": "This computer is connected to no team.",
    "Renseignez le serveur, la base, l'utilisateur et l'équipe.": "Fill in the server, the "
    "database, the user and the team.",
    "« {0} » appartient maintenant à l'équipe.": "“{0}” now belongs to the team.",
    "Cet ordinateur n'est plus relié à l'équipe ; les notes locales restent.": "This computer "
    "is no longer connected to the team; the local notes stay.",
    # directory: why a facet offers nothing
    "la recherche « {0} »": "the search “{0}”",
    "Aucune entrée ne correspond.": "No entry matches.",
    "Aucun acteur parmi les résultats : le type ne concerne que les acteurs.": "No actor among "
    "the results: the type applies to actors only.",
    "Aucun dispositif parmi les résultats : la nature ne concerne que les dispositifs.": "No "
    "scheme among the results: the nature applies to schemes only.",
    "Aucun des résultats n'est cité pour un levier.": "None of the results is cited for a lever.",
    "Aucun des résultats ne vise un type de territoire.": "None of the results targets a "
    "territory type.",
    "Résultats limités par : {0}": "Results narrowed by: {0}",
    "{0} : {1}": "{0}: {1}",
    " ; ": "; ",
    # catalogue labels shown as interface (essdesk.ui.common.labels.catalogue_label)
    "\u00a0:": ":",
    'Bénéficiaires': 'Beneficiaries',
    'Fonction': 'Role',
    "D'après le compte-rendu": 'In the report’s words',
    'Territoires visés': 'Territories targeted',
    'Montants': 'Amounts',
    'Nature': 'Nature',
    'Période': 'Period',
    'Fonds': 'Fund',
    'Contrat': 'Contract',
    'Programme': 'Programme',
    'Appel à projets': 'Call for projects',
    'Prêt': 'Loan',
    'Garantie': 'Guarantee',
    'Agrément': 'Accreditation',
    'Accord': 'Agreement',
    'Réseau, communauté': 'Network, community',
    'Plan': 'Plan',
    'Loi': 'Law',
    'Étude, rapport': 'Study, report',
    'Publication, ressource': 'Publication, resource',
    'Accompagnement': 'Support',
    'Plateforme, site': 'Platform, website',
    'Schéma, stratégie': 'Scheme, strategy',
    'Événement, instance': 'Event, body',
    'Aide, subvention': 'Aid, grant',
    'Mesure': 'Measure',
    'Personne': 'Person',
    'État et opérateurs publics': 'State and public operators',
    'Collectivités et leurs réseaux': 'Local authorities and their networks',
    'Banque ou financeur': 'Bank or funder',
    "Réseau d'accompagnement": 'Support network',
    'Association': 'Association',
    'Coopérative, SCIC': 'Cooperative, SCIC',
    'Entreprise': 'Company',
    'Recherche et enseignement': 'Research and education',
    "Bureau d'études, conseil": 'Consultancy',
    'Protection sociale': 'Social protection',
    'Institution européenne': 'European institution',
    'Intervient dans': 'Speaks in',
    'Intervenant·e': 'Speaker',
    'Anime': 'Moderates',
    'Animé par': 'Moderated by',
    'Travaille pour': 'Works for',
    'Personne de la structure': 'Person from the organisation',
    'Membre de': 'Member of',
    'Membre': 'Member',
    'Fait partie de': 'Part of',
    'Comprend': 'Includes',
    'Soutient ou finance': 'Supports or funds',
    'Soutenu ou financé par': 'Supported or funded by',
    'Porte ou anime': 'Runs',
    'Porté ou animé par': 'Run by',
    'Auteur de': 'Author of',
    'Rédigé par': 'Written by',
    'Accompagne': 'Supports',
    'Accompagné par': 'Supported by',
    "Illustre le levier ou l'outil": 'Illustrates the lever or tool',
    'Illustré par': 'Illustrated by',
    'Cible le territoire': 'Targets the territory',
    'Dispositif qui le cible': 'Scheme targeting it',
    'Partenaire de': 'Partner of',
    'Mentionne': 'Mentions',
    'Mentionné par': 'Mentioned by',
    'Lié à': 'Related to',
    'Cité dans': 'Cited in',
    'Cité dans cette partie': 'Cited in this part',
    # French plurals (essdesk.french.plural picks the form; English follows the same split)
    "{0} entrée": "{0} entry",
    "{0} entrées": "{0} entries",
    "{0} page A4": "{0} A4 page",
    "{0} pages A4": "{0} A4 pages",
    "{0} page": "{0} page",
    "{0} pages": "{0} pages",
    "{0} note de {1} contient « {2} »": "{0} note of {1} contains “{2}”",
    "{0} notes de {1} contiennent « {2} »": "{0} notes of {1} contain “{2}”",
    "{0} note de {1}": "{0} note of {1}",
    "{0} notes de {1}": "{0} notes of {1}",
    "Supprimer le territoire « {0} » ? Il n’a aucune note.": "Delete the territory “{0}”? It "
    "has no notes.",
    "Supprimer le territoire « {1} » ?\n\n{0} note ira à la corbeille, d’où vous pourrez la "
    "restaurer pendant au moins 30 jours (Fichier > Corbeille…).": "Delete the territory "
    "“{1}”?\n\n{0} note will go to the trash, where you can restore it for at least 30 days "
    "(File > Trash…).",
    "Supprimer le territoire « {1} » ?\n\nSes {0} notes iront à la corbeille, d’où vous "
    "pourrez les restaurer pendant au moins 30 jours (Fichier > Corbeille…).": "Delete the "
    "territory “{1}”?\n\nIts {0} notes will go to the trash, where you can restore them for "
    "at least 30 days (File > Trash…).",
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
