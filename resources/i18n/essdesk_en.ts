<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="fr">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../essdesk/ui/widgets/about.py" line="24" />
        <source>À propos d'essdesk</source>
        <translation>About essdesk</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/widgets/about.py" line="26" />
        <source>inconnue</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/widgets/about.py" line="32" />
        <source>Outil de bureau hors ligne sur l'économie sociale et solidaire dans les territoires fragiles.</source>
        <translation>Offline desktop tool on the social and solidarity economy in fragile territories.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/widgets/about.py" line="38" />
        <source>Version du catalogue : {0}</source>
        <translation>Catalogue version: {0}</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/widgets/about.py" line="42" />
        <source>Contenu : {0}, {1}, {2}.</source>
        <translation>Content: {0}, {1}, {2}.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/widgets/about.py" line="43" />
        <source>compte-rendu du webinaire</source>
        <translation>webinar report</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/widgets/about.py" line="52" />
        <source>Les dispositifs ont pu évoluer depuis 2021 : chaque fiche indique la partie du rapport dont elle provient.</source>
        <translation>Schemes may have changed since 2021: every entry says which part of the report it comes from.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/widgets/about.py" line="60" />
        <source>Code sous licence MIT. Contenu tiré d'un rapport public de l'ANCT (Agence nationale de la cohésion des territoires).</source>
        <translation>Code under the MIT licence. Content drawn from a public report of the ANCT (French national agency for territorial cohesion).</translation>
    </message>
</context>
<context>
    <name>BriefingDialog</name>
    <message>
        <location filename="../../essdesk/ui/briefing_dialog.py" line="92" />
        <source>Fiche de synthèse</source>
        <translation>Briefing sheet</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/briefing_dialog.py" line="102" />
        <source>Aucun territoire choisi : la fiche reprendra les entrées sans notes ni suivi.</source>
        <translation>No territory chosen: the sheet will list the entries without notes or follow-up.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/briefing_dialog.py" line="109" />
        <source>Une fiche A4 des entrées choisies, avec les notes et le suivi de « {0} » et la source de chaque entrée.</source>
        <translation>An A4 sheet of the chosen entries, with the notes and follow-up of “{0}” and the source of each entry.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/briefing_dialog.py" line="115" />
        <source>Entrées à inclure</source>
        <translation>Entries to include</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/briefing_dialog.py" line="118" />
        <source>Les entrées sélectionnées ({0})</source>
        <translation>The selected entries ({0})</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/briefing_dialog.py" line="121" />
        <source>Toutes les entrées avec une note ou un suivi ({0})</source>
        <translation>Every entry with a note or a follow-up ({0})</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/briefing_dialog.py" line="125" />
        <source>Toutes les entrées au statut « mobilisé » ({0})</source>
        <translation>Every entry with the status “mobilised” ({0})</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/briefing_dialog.py" line="137" />
        <source>Inclure le texte complet du compte-rendu</source>
        <translation>Include the report's full text</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/briefing_dialog.py" line="146" />
        <source>Exporter en &amp;PDF…</source>
        <translation>Export as &amp;PDF…</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/briefing_dialog.py" line="147" />
        <source>&amp;Imprimer…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/briefing_dialog.py" line="148" />
        <source>&amp;Markdown…</source>
        <translation>&amp;Markdown…</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/briefing_dialog.py" line="149" />
        <source>&amp;CSV des notes…</source>
        <translation>&amp;CSV of the notes…</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/briefing_dialog.py" line="150" />
        <source>Enregistrer la fiche en PDF (format A4)</source>
        <translation>Save the sheet as a PDF (A4)</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/briefing_dialog.py" line="151" />
        <source>Aperçu avant impression, puis impression</source>
        <translation>Print preview, then print</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/briefing_dialog.py" line="152" />
        <source>Enregistrer la fiche en texte Markdown</source>
        <translation>Save the sheet as Markdown text</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/briefing_dialog.py" line="155" />
        <source>Liste des notes et du suivi du territoire, pour LibreOffice Calc ou Excel (séparateur « ; », UTF-8)</source>
        <translation>The territory's notes and follow-up, for LibreOffice Calc or Excel (separator “;”, UTF-8)</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/briefing_dialog.py" line="240" />
        <source>Choisissez les entrées à inclure.</source>
        <translation>Choose the entries to include.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/briefing_dialog.py" line="256" />
        <source>Aucune entrée dans cette sélection.</source>
        <translation>No entry in this selection.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/briefing_dialog.py" line="259" />
        <source>{0} entrée(s), {1} page(s) A4.</source>
        <translation>{0} entry(ies), {1} A4 page(s).</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/briefing_dialog.py" line="283" />
        <source>Enregistré : {0}{1}</source>
        <translation>Saved: {0}{1}</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/briefing_dialog.py" line="290" />
        <source>Impossible d'écrire le fichier {0} : {1}.</source>
        <translation>Cannot write the file {0}: {1}.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/briefing_dialog.py" line="302" />
        <source>Enregistrer la fiche en PDF</source>
        <translation>Save the sheet as PDF</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/briefing_dialog.py" line="304" />
        <source>Documents PDF (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/briefing_dialog.py" line="314" />
        <source> ({0} page(s))</source>
        <translation> ({0} page(s))</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/briefing_dialog.py" line="325" />
        <source>Enregistrer la fiche en Markdown</source>
        <translation>Save the sheet as Markdown</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/briefing_dialog.py" line="327" />
        <source>Texte Markdown (*.md)</source>
        <translation>Markdown text (*.md)</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/briefing_dialog.py" line="343" />
        <source>Enregistrer la liste des notes (CSV)</source>
        <translation>Save the list of notes (CSV)</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/briefing_dialog.py" line="345" />
        <source>Tableur CSV, séparateur point-virgule (*.csv)</source>
        <translation>CSV spreadsheet, semicolon separator (*.csv)</translation>
    </message>
</context>
<context>
    <name>CatalogueTreeModel</name>
    <message>
        <location filename="../../essdesk/ui/models/tree_model.py" line="138" />
        <source>Titre</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/models/tree_model.py" line="140" />
        <source>Nombre</source>
        <translation>Count</translation>
    </message>
</context>
<context>
    <name>ChipBar</name>
    <message>
        <location filename="../../essdesk/ui/widgets/chips.py" line="29" />
        <source>Tout effacer</source>
        <translation>Clear all</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/widgets/chips.py" line="32" />
        <source>Effacer tous les filtres</source>
        <translation>Clear all filters</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/widgets/chips.py" line="49" />
        <source>Retirer ce filtre</source>
        <translation>Remove this filter</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/widgets/chips.py" line="50" />
        <source>Retirer le filtre {0}</source>
        <translation>Remove filter {0}</translation>
    </message>
</context>
<context>
    <name>DetailView</name>
    <message>
        <location filename="../../essdesk/ui/widgets/detail.py" line="91" />
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/widgets/detail.py" line="95" />
        <source>Fiche de l'entrée</source>
        <translation>Entry details</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/widgets/detail.py" line="151" />
        <source>Dans</source>
        <translation>In</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/widgets/detail.py" line="152" />
        <source>Aussi appelé</source>
        <translation>Also known as</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/widgets/detail.py" line="153" />
        <source>En bref</source>
        <translation>At a glance</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/widgets/detail.py" line="154" />
        <source>Faits et chiffres</source>
        <translation>Facts and figures</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/widgets/detail.py" line="155" />
        <source>Points clés</source>
        <translation>Key points</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/widgets/detail.py" line="156" />
        <source>Remarque</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/widgets/detail.py" line="157" />
        <source>Liens du rapport</source>
        <translation>Links from the report</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/widgets/detail.py" line="160" />
        <source>Ces liens s’ouvrent dans le navigateur et demandent une connexion Internet.</source>
        <translation>These links open in the browser and need an Internet connection.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/widgets/detail.py" line="163" />
        <source>en ligne</source>
        <translation>online</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/widgets/detail.py" line="225" />
        <source>Liens croisés</source>
        <translation>Cross-links</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/widgets/detail.py" line="259" />
        <source>Lien refusé : seuls les liens web (http, https) et de courriel (mailto) peuvent être ouverts.</source>
        <translation>Link refused: only web (http, https) and e-mail (mailto) links can be opened.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/widgets/detail.py" line="266" />
        <source>Le lien n'a pas pu être ouvert : {0}</source>
        <translation>The link could not be opened: {0}</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/widgets/detail.py" line="268" />
        <source>Ouvert dans le navigateur : {0}</source>
        <translation>Opened in the browser: {0}</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/widgets/detail.py" line="281" />
        <source>Connexion Internet nécessaire</source>
        <translation>Internet connection needed</translation>
    </message>
</context>
<context>
    <name>DirectoryModel</name>
    <message>
        <location filename="../../essdesk/ui/models/directory_model.py" line="110" />
        <source>Nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/models/directory_model.py" line="111" />
        <source>Type</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/models/directory_model.py" line="112" />
        <source>Catégorie</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/models/directory_model.py" line="113" />
        <source>Porteur ou financeur</source>
        <translation>Backer or funder</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/models/directory_model.py" line="114" />
        <source>Territoires</source>
        <translation>Territories</translation>
    </message>
</context>
<context>
    <name>DirectoryPanel</name>
    <message>
        <location filename="../../essdesk/ui/widgets/directory.py" line="60" />
        <source>Filtrer par nom, sigle, mot…</source>
        <translation>Filter by name, acronym, word…</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/widgets/directory.py" line="61" />
        <source>Filtrer l'annuaire</source>
        <translation>Filter the directory</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/widgets/directory.py" line="76" />
        <source>Filtre : {0}</source>
        <translation>Filter: {0}</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/widgets/directory.py" line="90" />
        <source>Nombre de résultats</source>
        <translation>Number of results</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/widgets/directory.py" line="96" />
        <source>Annuaire des acteurs et dispositifs</source>
        <translation>Directory of actors and schemes</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/widgets/directory.py" line="120" />
        <source>Aucun acteur ni dispositif ne correspond à la recherche et aux filtres.</source>
        <translation>No actor or scheme matches the search and the filters.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/widgets/directory.py" line="126" />
        <source>Effacer la recherche et les filtres</source>
        <translation>Clear the search and the filters</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/widgets/directory.py" line="180" />
        <source>Aucun résultat</source>
        <translation>No results</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/widgets/directory.py" line="182" />
        <source>1 résultat</source>
        <translation>1 result</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/widgets/directory.py" line="184" />
        <source>{0} résultats</source>
        <translation>{0} results</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/widgets/directory.py" line="215" />
        <source>Aucune valeur</source>
        <translation>No values</translation>
    </message>
</context>
<context>
    <name>Facets</name>
    <message>
        <location filename="../../essdesk/ui/labels.py" line="26" />
        <source>Type d'entrée</source>
        <translation>Entry kind</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/labels.py" line="27" />
        <source>Type d'acteur</source>
        <translation>Actor type</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/labels.py" line="28" />
        <source>Nature du dispositif</source>
        <translation>Kind of scheme</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/labels.py" line="29" />
        <source>Levier</source>
        <translation>Lever</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/labels.py" line="30" />
        <source>Type de territoire</source>
        <translation>Territory type</translation>
    </message>
</context>
<context>
    <name>Kinds</name>
    <message>
        <location filename="../../essdesk/ui/labels.py" line="11" />
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/labels.py" line="12" />
        <source>Levier</source>
        <translation>Lever</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/labels.py" line="13" />
        <source>Outil</source>
        <translation>Tool</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/labels.py" line="14" />
        <source>Acteur</source>
        <translation>Actor</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/labels.py" line="15" />
        <source>Dispositif</source>
        <translation>Scheme</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/labels.py" line="16" />
        <source>Type de territoire</source>
        <translation>Territory type</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/labels.py" line="17" />
        <source>Sigle et notion</source>
        <translation>Acronym or notion</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/labels.py" line="18" />
        <source>Groupe</source>
        <translation>Group</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="70" />
        <source>essdesk — L'ESS au cœur de la relance des territoires fragiles</source>
        <translation>essdesk — The social economy at the heart of the recovery of fragile territories</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="87" />
        <source>Arbre des sessions</source>
        <translation>Session tree</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="88" />
        <source>Arbre des leviers</source>
        <translation>Lever tree</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="89" />
        <source>Outils et dispositifs par nature</source>
        <translation>Tools and schemes by kind</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="151" />
        <source>Lien refusé : {0}</source>
        <translation>Link refused: {0}</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="155" />
        <source>Chargement du catalogue…</source>
        <translation>Loading the catalogue…</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="188" />
        <source>Précédent</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="194" />
        <source>Entrée précédente (Alt+←)</source>
        <translation>Previous entry (Alt+←)</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="196" />
        <source>Suivant</source>
        <translation>Forward</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="202" />
        <source>Entrée suivante (Alt+→)</source>
        <translation>Next entry (Alt+→)</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="204" />
        <source>Rechercher</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="207" />
        <source>Agrandir le texte</source>
        <translation>Larger text</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="210" />
        <source>Réduire le texte</source>
        <translation>Smaller text</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="213" />
        <source>Taille normale</source>
        <translation>Normal size</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="215" />
        <source>À propos d'essdesk</source>
        <translation>About essdesk</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="217" />
        <source>Quitter</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="221" />
        <source>Sessions</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="222" />
        <source>Leviers</source>
        <translation>Levers</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="223" />
        <source>Outils et dispositifs</source>
        <translation>Tools and schemes</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="224" />
        <source>Annuaire</source>
        <translation>Directory</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="245" />
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="267" />
        <source>&amp;Fichier</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="269" />
        <source>&amp;Affichage</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="277" />
        <source>Langue / Language</source>
        <translation>Language / Langue</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="281" />
        <source>A&amp;ller</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="286" />
        <source>Ai&amp;de</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="344" />
        <source>Catalogue {0} · {1} entrées · hors ligne</source>
        <translation>Catalogue {0} · {1} entries · offline</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="357" />
        <source>Le catalogue n'a pas pu être ouvert</source>
        <translation>The catalogue could not be opened</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="358" />
        <source>Réinstallez essdesk ou signalez ce problème.</source>
        <translation>Reinstall essdesk or report this problem.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="360" />
        <source>Catalogue indisponible</source>
        <translation>Catalogue unavailable</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="366" />
        <source>Contenu : {0} ({1}, {2}).</source>
        <translation>Content: {0} ({1}, {2}).</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="372" />
        <source>Bienvenue</source>
        <translation>Welcome</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="374" />
        <source>Choisissez une session, un levier ou un dispositif à gauche, ou cherchez un mot, un sigle, un nom avec Ctrl+K.</source>
        <translation>Pick a session, a lever or a scheme on the left, or search for a word, an acronym or a name with Ctrl+K.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="387" />
        <source>Entrée introuvable : {0}</source>
        <translation>Entry not found: {0}</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="457" />
        <source>Recherche</source>
        <translation>Search</translation>
    </message>
</context>
<context>
    <name>NotesPlaceholder</name>
    <message>
        <location filename="../../essdesk/ui/widgets/notes_placeholder.py" line="15" />
        <location filename="../../essdesk/ui/widgets/notes_placeholder.py" line="16" />
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/widgets/notes_placeholder.py" line="19" />
        <source>Les notes de votre territoire sur cette entrée s'afficheront ici.</source>
        <translation>Your territory's notes on this entry will show here.</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../essdesk/ui/widgets/search.py" line="163" />
        <source>Rechercher dans tout le catalogue (Ctrl+K)</source>
        <translation>Search the whole catalogue (Ctrl+K)</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/widgets/search.py" line="164" />
        <source>Recherche globale</source>
        <translation>Global search</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/widgets/search.py" line="177" />
        <source>Nombre de résultats</source>
        <translation>Number of results</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/widgets/search.py" line="181" />
        <source>Résultats de la recherche</source>
        <translation>Search results</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/widgets/search.py" line="228" />
        <source>Aucun résultat pour « {0} ».</source>
        <translation>No results for “{0}”.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/widgets/search.py" line="230" />
        <source>1 résultat pour « {0} »</source>
        <translation>1 result for “{0}”</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/widgets/search.py" line="232" />
        <source> (les {0} premiers)</source>
        <translation> (the first {0})</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/widgets/search.py" line="234" />
        <source>{0} résultats pour « {1} »</source>
        <translation>{0} results for “{1}”</translation>
    </message>
</context>
<context>
    <name>SectionList</name>
    <message>
        <location filename="../../essdesk/ui/widgets/navigation.py" line="27" />
        <source>Rubriques</source>
        <translation>Sections</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/widgets/navigation.py" line="33" />
        <source>Sessions</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/widgets/navigation.py" line="33" />
        <source>Le déroulé du webinaire (Ctrl+1)</source>
        <translation>The webinar, part by part (Ctrl+1)</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/widgets/navigation.py" line="34" />
        <source>Leviers</source>
        <translation>Levers</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/widgets/navigation.py" line="34" />
        <source>Les 6 leviers et leurs outils (Ctrl+2)</source>
        <translation>The 6 levers and their tools (Ctrl+2)</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/widgets/navigation.py" line="35" />
        <source>Outils et dispositifs</source>
        <translation>Tools and schemes</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/widgets/navigation.py" line="35" />
        <source>Dispositifs par nature (Ctrl+3)</source>
        <translation>Schemes by kind (Ctrl+3)</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/widgets/navigation.py" line="36" />
        <source>Annuaire</source>
        <translation>Directory</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/widgets/navigation.py" line="36" />
        <source>Acteurs et dispositifs (Ctrl+4)</source>
        <translation>Actors and schemes (Ctrl+4)</translation>
    </message>
</context>
</TS>