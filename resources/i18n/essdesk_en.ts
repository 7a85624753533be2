<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="fr">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../essdesk/ui/help/about.py" line="25" />
        <source>À propos d'essdesk</source>
        <translation>About essdesk</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/help/about.py" line="27" />
        <source>inconnue</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/help/about.py" line="33" />
        <source>Outil de bureau hors ligne sur l'économie sociale et solidaire dans les territoires fragiles.</source>
        <translation>Offline desktop tool on the social and solidarity economy in fragile territories.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/help/about.py" line="39" />
        <source>Version du catalogue : {0}</source>
        <translation>Catalogue version: {0}</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/help/about.py" line="43" />
        <source>Contenu : {0}, {1}, {2}.</source>
        <translation>Content: {0}, {1}, {2}.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/help/about.py" line="44" />
        <source>compte-rendu du webinaire</source>
        <translation>webinar report</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/help/about.py" line="53" />
        <source>Les dispositifs ont pu évoluer depuis 2021 : chaque fiche indique la partie du rapport dont elle provient.</source>
        <translation>Schemes may have changed since 2021: every entry says which part of the report it comes from.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/help/about.py" line="61" />
        <source>Code sous licence MIT. Contenu tiré d'un rapport public de l'ANCT (Agence nationale de la cohésion des territoires).</source>
        <translation>Code under the MIT licence. Content drawn from a public report of the ANCT (French national agency for territorial cohesion).</translation>
    </message>
</context>
<context>
    <name>AuthorBar</name>
    <message>
        <location filename="../../essdesk/ui/notes/author.py" line="44" />
        <source>Vos initiales signeront les notes que vous écrivez sur cet ordinateur (pas celles du territoire) :</source>
        <translation>Your initials will sign the notes you write on this computer (not the territory's):</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/author.py" line="54" />
        <location filename="../../essdesk/ui/notes/author.py" line="95" />
        <source>Vos initiales</source>
        <translation>Your initials</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/author.py" line="55" />
        <source>AB</source>
        <translation>AB</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/author.py" line="56" />
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/author.py" line="58" />
        <source>Plus tard</source>
        <translation>Later</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/author.py" line="61" />
        <source>Ne plus demander ; Fichier › « Mes initiales… » plus tard.</source>
        <translation>Do not ask again; File › “My initials…” later.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/author.py" line="104" />
        <source>Mes initiales</source>
        <translation>My initials</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/author.py" line="110" />
        <source>Vos initiales signent les notes et les suivis que vous écrivez sur cet ordinateur, quel que soit le territoire :</source>
        <translation>Your initials sign the notes and follow-ups you write on this computer, whatever the territory:</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <location filename="../../essdesk/ui/notes/note_dialogs.py" line="223" />
        <source>Restaurer une sauvegarde</source>
        <translation>Restore a backup</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/note_dialogs.py" line="224" />
        <source>Restaurer cette sauvegarde…</source>
        <translation>Restore this backup…</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/note_dialogs.py" line="226" />
        <source>Restaurer remplace toutes les notes par celles de la sauvegarde choisie. Les notes actuelles sont d'abord sauvegardées : rien n'est perdu.</source>
        <translation>Restoring replaces all notes with those of the chosen backup. The current notes are backed up first: nothing is lost.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/note_dialogs.py" line="240" />
        <source>Aucune sauvegarde pour l'instant.</source>
        <translation>No backup yet.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/note_dialogs.py" line="248" />
        <source>Fichier : {0}
Taille : {1} Ko</source>
        <translation>File: {0}
Size: {1} KB</translation>
    </message>
</context>
<context>
    <name>BriefingDialog</name>
    <message>
        <location filename="../../essdesk/ui/briefing/briefing_dialog.py" line="91" />
        <source>Fiche de synthèse</source>
        <translation>Briefing sheet</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/briefing/briefing_dialog.py" line="100" />
        <source>Aucun territoire choisi : la fiche reprendra les entrées sans notes ni suivi.</source>
        <translation>No territory chosen: the sheet will list the entries without notes or follow-up.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/briefing/briefing_dialog.py" line="107" />
        <source>Une fiche A4 des entrées choisies, avec les notes et le suivi de « {0} » et la source de chaque entrée.</source>
        <translation>An A4 sheet of the chosen entries, with the notes and follow-up of “{0}” and the source of each entry.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/briefing/briefing_dialog.py" line="113" />
        <source>Entrées à inclure</source>
        <translation>Entries to include</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/briefing/briefing_dialog.py" line="116" />
        <source>Les entrées sélectionnées ({0})</source>
        <translation>The selected entries ({0})</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/briefing/briefing_dialog.py" line="119" />
        <source>Toutes les entrées avec une note ou un suivi ({0})</source>
        <translation>Every entry with a note or a follow-up ({0})</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/briefing/briefing_dialog.py" line="123" />
        <source>Toutes les entrées au statut « mobilisé » ({0})</source>
        <translation>Every entry with the status “mobilised” ({0})</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/briefing/briefing_dialog.py" line="135" />
        <source>Inclure le texte complet du compte-rendu</source>
        <translation>Include the report's full text</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/briefing/briefing_dialog.py" line="136" />
        <source>Inclure les remarques sur le compte-rendu</source>
        <translation>Include remarks about the report</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/briefing/briefing_dialog.py" line="140" />
        <source>Les remarques du catalogue sur le compte-rendu lui-même (une coquille, une précision sur la source) : utiles pour vous, pas pour un élu.</source>
        <translation>The catalogue's remarks about the report itself (a typo, a note on the source): useful to you, not to an elected official.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/briefing/briefing_dialog.py" line="152" />
        <source>Exporter en &amp;PDF…</source>
        <translation>Export as &amp;PDF…</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/briefing/briefing_dialog.py" line="153" />
        <source>&amp;Imprimer…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/briefing/briefing_dialog.py" line="155" />
        <source>&amp;CSV des notes…</source>
        <translation>&amp;CSV of the notes…</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/briefing/briefing_dialog.py" line="156" />
        <source>Enregistrer la fiche en PDF (format A4)</source>
        <translation>Save the sheet as a PDF (A4)</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/briefing/briefing_dialog.py" line="157" />
        <source>Aperçu avant impression, puis impression</source>
        <translation>Print preview, then print</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/briefing/briefing_dialog.py" line="302" />
        <source>{0} entrée</source>
        <translation>{0} entry</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/briefing/briefing_dialog.py" line="302" />
        <source>{0} entrées</source>
        <translation>{0} entries</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/briefing/briefing_dialog.py" line="304" />
        <source>{0} page A4</source>
        <translation>{0} A4 page</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/briefing/briefing_dialog.py" line="304" />
        <source>{0} pages A4</source>
        <translation>{0} A4 pages</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/briefing/briefing_dialog.py" line="369" />
        <source>{0} page</source>
        <translation>{0} page</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/briefing/briefing_dialog.py" line="369" />
        <source>{0} pages</source>
        <translation>{0} pages</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/briefing/briefing_dialog.py" line="154" />
        <source>Texte &amp;Markdown…</source>
        <translation>&amp;Markdown text…</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/briefing/briefing_dialog.py" line="159" />
        <source>Markdown : texte pour un courriel ou un traitement de texte</source>
        <translation>Markdown: text for an email or a word processor</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/briefing/briefing_dialog.py" line="163" />
        <source>Markdown : texte pour un courriel ou un traitement de texte.</source>
        <translation>Markdown: text for an email or a word processor.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/briefing/briefing_dialog.py" line="171" />
        <source>Liste des notes et du suivi du territoire, pour LibreOffice Calc ou Excel (séparateur « ; », UTF-8)</source>
        <translation>The territory's notes and follow-up, for LibreOffice Calc or Excel (separator “;”, UTF-8)</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/briefing/briefing_dialog.py" line="188" />
        <location filename="../../essdesk/ui/briefing/briefing_dialog.py" line="329" />
        <source>&amp;Ouvrir le PDF</source>
        <translation>&amp;Open the PDF</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/briefing/briefing_dialog.py" line="190" />
        <source>Ouvrir le &amp;dossier</source>
        <translation>Open the &amp;folder</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/briefing/briefing_dialog.py" line="281" />
        <source>Choisissez les entrées à inclure.</source>
        <translation>Choose the entries to include.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/briefing/briefing_dialog.py" line="298" />
        <source>Aucune entrée dans cette sélection.</source>
        <translation>No entry in this selection.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/briefing/briefing_dialog.py" line="326" />
        <source>Enregistré : {0}{1}</source>
        <translation>Saved: {0}{1}</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/briefing/briefing_dialog.py" line="329" />
        <source>&amp;Ouvrir le fichier</source>
        <translation>&amp;Open the file</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/briefing/briefing_dialog.py" line="344" />
        <source>Impossible d'écrire le fichier {0} : {1}.</source>
        <translation>Cannot write the file {0}: {1}.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/briefing/briefing_dialog.py" line="356" />
        <source>Enregistrer la fiche en PDF</source>
        <translation>Save the sheet as PDF</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/briefing/briefing_dialog.py" line="358" />
        <source>Documents PDF (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/briefing/briefing_dialog.py" line="381" />
        <source>Enregistrer la fiche en Markdown</source>
        <translation>Save the sheet as Markdown</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/briefing/briefing_dialog.py" line="383" />
        <source>Texte Markdown (*.md)</source>
        <translation>Markdown text (*.md)</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/briefing/briefing_dialog.py" line="399" />
        <source>Enregistrer la liste des notes (CSV)</source>
        <translation>Save the list of notes (CSV)</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/briefing/briefing_dialog.py" line="401" />
        <source>Tableur CSV, séparateur point-virgule (*.csv)</source>
        <translation>CSV spreadsheet, semicolon separator (*.csv)</translation>
    </message>
</context>
<context>
    <name>CatalogueLabels</name>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="99" />
        <source>Bénéficiaires</source>
        <translation>Beneficiaries</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="100" />
        <source>Fonction</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="101" />
        <source>Levier</source>
        <translation>Lever</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="102" />
        <source>Montants</source>
        <translation>Amounts</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="103" />
        <source>Nature</source>
        <translation>Nature</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="104" />
        <source>Porteur ou financeur</source>
        <translation>Backer or funder</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="105" />
        <source>Période</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="106" />
        <source>Territoires</source>
        <translation>Territories</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="107" />
        <source>Type d'acteur</source>
        <translation>Actor type</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="108" />
        <source>D'après le compte-rendu</source>
        <translation>In the report’s words</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="109" />
        <source>Territoires visés</source>
        <translation>Territories targeted</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="110" />
        <source>Fonds</source>
        <translation>Fund</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="111" />
        <source>Contrat</source>
        <translation>Contract</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="112" />
        <source>Programme</source>
        <translation>Programme</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="113" />
        <source>Appel à projets</source>
        <translation>Call for projects</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="114" />
        <source>Prêt</source>
        <translation>Loan</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="115" />
        <source>Garantie</source>
        <translation>Guarantee</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="116" />
        <source>Agrément</source>
        <translation>Accreditation</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="117" />
        <source>Accord</source>
        <translation>Agreement</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="118" />
        <source>Réseau, communauté</source>
        <translation>Network, community</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="119" />
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="120" />
        <source>Loi</source>
        <translation>Law</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="121" />
        <source>Étude, rapport</source>
        <translation>Study, report</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="122" />
        <source>Publication, ressource</source>
        <translation>Publication, resource</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="123" />
        <source>Accompagnement</source>
        <translation>Support</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="124" />
        <source>Plateforme, site</source>
        <translation>Platform, website</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="125" />
        <source>Schéma, stratégie</source>
        <translation>Scheme, strategy</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="126" />
        <source>Événement, instance</source>
        <translation>Event, body</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="127" />
        <source>Aide, subvention</source>
        <translation>Aid, grant</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="128" />
        <source>Mesure</source>
        <translation>Measure</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="129" />
        <source>Personne</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="130" />
        <source>État et opérateurs publics</source>
        <translation>State and public operators</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="131" />
        <source>Collectivités et leurs réseaux</source>
        <translation>Local authorities and their networks</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="132" />
        <source>Banque ou financeur</source>
        <translation>Bank or funder</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="133" />
        <source>Réseau d'accompagnement</source>
        <translation>Support network</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="134" />
        <source>Association</source>
        <translation>Association</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="135" />
        <source>Coopérative, SCIC</source>
        <translation>Cooperative, SCIC</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="136" />
        <source>Entreprise</source>
        <translation>Company</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="137" />
        <source>Recherche et enseignement</source>
        <translation>Research and education</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="138" />
        <source>Bureau d'études, conseil</source>
        <translation>Consultancy</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="139" />
        <source>Protection sociale</source>
        <translation>Social protection</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="140" />
        <source>Institution européenne</source>
        <translation>European institution</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="141" />
        <source>Intervient dans</source>
        <translation>Speaks in</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="142" />
        <source>Intervenant·e</source>
        <translation>Speaker</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="143" />
        <source>Anime</source>
        <translation>Moderates</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="144" />
        <source>Animé par</source>
        <translation>Moderated by</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="145" />
        <source>Travaille pour</source>
        <translation>Works for</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="146" />
        <source>Personne de la structure</source>
        <translation>Person from the organisation</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="147" />
        <source>Membre de</source>
        <translation>Member of</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="148" />
        <source>Membre</source>
        <translation>Member</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="149" />
        <source>Fait partie de</source>
        <translation>Part of</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="150" />
        <source>Comprend</source>
        <translation>Includes</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="151" />
        <source>Soutient ou finance</source>
        <translation>Supports or funds</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="152" />
        <source>Soutenu ou financé par</source>
        <translation>Supported or funded by</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="153" />
        <source>Porte ou anime</source>
        <translation>Runs</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="154" />
        <source>Porté ou animé par</source>
        <translation>Run by</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="155" />
        <source>Auteur de</source>
        <translation>Author of</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="156" />
        <source>Rédigé par</source>
        <translation>Written by</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="157" />
        <source>Accompagne</source>
        <translation>Supports</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="158" />
        <source>Accompagné par</source>
        <translation>Supported by</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="159" />
        <source>Illustre le levier ou l'outil</source>
        <translation>Illustrates the lever or tool</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="160" />
        <source>Illustré par</source>
        <translation>Illustrated by</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="161" />
        <source>Cible le territoire</source>
        <translation>Targets the territory</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="162" />
        <source>Dispositif qui le cible</source>
        <translation>Scheme targeting it</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="163" />
        <source>Partenaire de</source>
        <translation>Partner of</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="164" />
        <source>Mentionne</source>
        <translation>Mentions</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="165" />
        <source>Mentionné par</source>
        <translation>Mentioned by</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="166" />
        <source>Lié à</source>
        <translation>Related to</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="167" />
        <source>Cité dans</source>
        <translation>Cited in</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="168" />
        <source>Cité dans cette partie</source>
        <translation>Cited in this part</translation>
    </message>
</context>
<context>
    <name>CatalogueTreeModel</name>
    <message>
        <location filename="../../essdesk/ui/catalogue/tree_model.py" line="186" />
        <source>Titre</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/tree_model.py" line="188" />
        <source>Nombre</source>
        <translation>Count</translation>
    </message>
</context>
<context>
    <name>CatalogueViews</name>
    <message>
        <location filename="../../essdesk/ui/notes/views.py" line="75" />
        <source>Ma note</source>
        <translation>My note</translation>
    </message>
</context>
<context>
    <name>ChipBar</name>
    <message>
        <location filename="../../essdesk/ui/catalogue/chips.py" line="29" />
        <source>Tout effacer</source>
        <translation>Clear all</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/chips.py" line="32" />
        <source>Effacer tous les filtres</source>
        <translation>Clear all filters</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/chips.py" line="49" />
        <source>Retirer ce filtre</source>
        <translation>Remove this filter</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/chips.py" line="50" />
        <source>Retirer le filtre {0}</source>
        <translation>Remove filter {0}</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <location filename="../../essdesk/ui/notes/conflicts_dialog.py" line="78" />
        <source>Conflits — {0}</source>
        <translation>Conflicts — {0}</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/conflicts_dialog.py" line="84" />
        <source>Ces notes ont été modifiées sur deux ordinateurs. Les deux versions sont gardées tant que vous n'avez pas choisi ; ensuite, la version écartée reste récupérable (corbeille ou historique de la note).</source>
        <translation>These notes were changed on two computers. Both versions are kept until you choose; after that, the version set aside can still be recovered (trash or the note's history).</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/conflicts_dialog.py" line="94" />
        <source>Notes en conflit</source>
        <translation>Notes in conflict</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/conflicts_dialog.py" line="109" />
        <location filename="../../essdesk/ui/notes/conflicts_dialog.py" line="117" />
        <source>Ma version</source>
        <translation>My version</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/conflicts_dialog.py" line="110" />
        <location filename="../../essdesk/ui/notes/conflicts_dialog.py" line="118" />
        <source>Version importée</source>
        <translation>Imported version</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/conflicts_dialog.py" line="128" />
        <source>Garder la &amp;mienne</source>
        <translation>Keep &amp;mine</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/conflicts_dialog.py" line="129" />
        <source>Garder l'&amp;importée</source>
        <translation>Keep the &amp;imported one</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/conflicts_dialog.py" line="130" />
        <source>Garder les &amp;deux</source>
        <translation>Keep &amp;both</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/conflicts_dialog.py" line="131" />
        <source>&amp;Fusionner…</source>
        <translation>M&amp;erge…</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/conflicts_dialog.py" line="133" />
        <source>La note garde votre texte ; la version importée va à la corbeille.</source>
        <translation>The note keeps your text; the imported version goes to the trash.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/conflicts_dialog.py" line="136" />
        <source>La note prend le texte importé ; le vôtre reste dans son historique.</source>
        <translation>The note takes the imported text; yours stays in its history.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/conflicts_dialog.py" line="139" />
        <source>La note contient les deux textes, l'un après l'autre.</source>
        <translation>The note holds both texts, one after the other.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/conflicts_dialog.py" line="141" />
        <source>Écrire vous-même le texte à garder.</source>
        <translation>Write the text to keep yourself.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/conflicts_dialog.py" line="163" />
        <source>Écrivez le texte à garder à partir des deux versions, retirez les lignes « ——— », puis enregistrez (Ctrl+Entrée).</source>
        <translation>Write the text to keep from the two versions, remove the “———” lines, then save (Ctrl+Enter).</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/conflicts_dialog.py" line="171" />
        <source>Texte fusionné</source>
        <translation>Merged text</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/conflicts_dialog.py" line="173" />
        <source>&amp;Enregistrer</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/conflicts_dialog.py" line="175" />
        <source>Annuler la fusion</source>
        <translation>Cancel the merge</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/conflicts_dialog.py" line="176" />
        <source>Revenir aux deux versions (Échap)</source>
        <translation>Back to the two versions (Esc)</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/conflicts_dialog.py" line="190" />
        <source>Aucun conflit à résoudre pour « {0} ».</source>
        <translation>No conflicts to resolve for “{0}”.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/conflicts_dialog.py" line="208" />
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/conflicts_dialog.py" line="248" />
        <location filename="../../essdesk/ui/notes/conflicts_dialog.py" line="256" />
        <source>{0} (fiche inconnue du catalogue)</source>
        <translation>{0} (entry unknown to the catalogue)</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/conflicts_dialog.py" line="340" />
        <source>(aucun suivi)</source>
        <translation>(no follow-up)</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/conflicts_dialog.py" line="341" />
        <source>Statut : {0}</source>
        <translation>Status: {0}</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/conflicts_dialog.py" line="344" />
        <source>Date : {0}</source>
        <translation>Date: {0}</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/conflicts_dialog.py" line="346" />
        <source>Contact : {0}</source>
        <translation>Contact: {0}</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/conflicts_dialog.py" line="355" />
        <source>{0} — suivi</source>
        <translation>{0} — follow-up</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/conflicts_dialog.py" line="388" />
        <source>dans la corbeille</source>
        <translation>in the trash</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/conflicts_dialog.py" line="392" />
        <source>(La note locale est dans la corbeille : restaurez-la pour la comparer, ou gardez la version importée.)</source>
        <translation>(The local note is in the trash: restore it to compare it, or keep the imported version.)</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/conflicts_dialog.py" line="479" />
        <source>« {0} » : votre suivi est gardé.</source>
        <translation>“{0}”: your follow-up is kept.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/conflicts_dialog.py" line="481" />
        <source>« {0} » : le suivi importé est gardé.</source>
        <translation>“{0}”: the imported follow-up is kept.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/conflicts_dialog.py" line="398" />
        <location filename="../../essdesk/ui/notes/conflicts_dialog.py" line="400" />
        <source>modifiée le {0}</source>
        <translation>modified on {0}</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/conflicts_dialog.py" line="297" />
        <source>Suivi — {0}</source>
        <translation>Follow-up — {0}</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/conflicts_dialog.py" line="350" />
        <source>suivi modifié le {0}</source>
        <translation>follow-up modified on {0}</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/conflicts_dialog.py" line="351" />
        <location filename="../../essdesk/ui/notes/conflicts_dialog.py" line="402" />
        <source>{0}, par {1}</source>
        <translation>{0}, by {1}</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/conflicts_dialog.py" line="417" />
        <source>« {0} » : votre version est gardée.</source>
        <translation>“{0}”: your version is kept.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/conflicts_dialog.py" line="422" />
        <source>« {0} » : la version importée est gardée (la vôtre reste dans l'historique).</source>
        <translation>“{0}”: the imported version is kept (yours stays in the history).</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/conflicts_dialog.py" line="426" />
        <source>« {0} » : les deux versions sont gardées dans la note.</source>
        <translation>“{0}”: both versions are kept in the note.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/conflicts_dialog.py" line="434" />
        <source>——— Version importée (modifiée le {0}) ———</source>
        <translation>——— Imported version (modified on {0}) ———</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/conflicts_dialog.py" line="439" />
        <source>——— Ma version (modifiée le {0}) ———</source>
        <translation>——— My version (modified on {0}) ———</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/conflicts_dialog.py" line="463" />
        <source>« {0} » : le texte fusionné est enregistré.</source>
        <translation>“{0}”: the merged text is saved.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/conflicts_dialog.py" line="475" />
        <location filename="../../essdesk/ui/notes/conflicts_dialog.py" line="499" />
        <source>Conflit</source>
        <translation>Conflict</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../essdesk/ui/common/date_field.py" line="96" />
        <source>Sans date (jj/mm/aaaa)</source>
        <translation>No date (dd/mm/yyyy)</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/date_field.py" line="97" />
        <source>Par exemple 15/03/2026, 15/3/26 ou 15 mars 2026</source>
        <translation>For example 15/03/2026, 15/3/26 or 15 mars 2026</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/date_field.py" line="102" />
        <source>Choisir dans le calendrier</source>
        <translation>Pick in the calendar</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/date_field.py" line="103" />
        <source>Ouvrir le calendrier</source>
        <translation>Open the calendar</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/date_field.py" line="174" />
        <source>Aujourd’hui</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/date_field.py" line="177" />
        <source>Effacer</source>
        <translation>Clear</translation>
    </message>
</context>
<context>
    <name>DetailView</name>
    <message>
        <location filename="../../essdesk/ui/catalogue/detail.py" line="148" />
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/detail.py" line="152" />
        <source>Fiche de l'entrée</source>
        <translation>Entry details</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/detail.py" line="222" />
        <source>Dans</source>
        <translation>In</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/detail.py" line="223" />
        <source>Aussi appelé</source>
        <translation>Also known as</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/detail.py" line="225" />
        <source> :</source>
        <translation>:</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/detail.py" line="226" />
        <source>En bref</source>
        <translation>At a glance</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/detail.py" line="227" />
        <source>Faits et chiffres</source>
        <translation>Facts and figures</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/detail.py" line="228" />
        <source>Points clés</source>
        <translation>Key points</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/detail.py" line="229" />
        <source>Remarque</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/detail.py" line="231" />
        <source>Liens du rapport</source>
        <translation>Links from the report</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/detail.py" line="231" />
        <source>Liens</source>
        <translation>Links</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/detail.py" line="235" />
        <source>Ces liens s’ouvrent dans le navigateur et demandent une connexion Internet.</source>
        <translation>These links open in the browser and need an Internet connection.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/detail.py" line="238" />
        <source>en ligne</source>
        <translation>online</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/detail.py" line="304" />
        <source>Liens croisés</source>
        <translation>Cross-links</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/detail.py" line="318" />
        <source>Outil {0} : numérotation propre à essdesk (le compte-rendu énumère les outils sans numéro).</source>
        <translation>Tool {0}: essdesk's own numbering (the report lists the tools without numbers).</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/detail.py" line="329" />
        <source>Le compte-rendu ne rattache aucun acteur, dispositif ou exemple à cet outil en particulier : ceux qu’il cite pour le levier sont sur sa page :</source>
        <translation>The report ties no actor, scheme or example to this tool in particular: those it cites for the lever are on its page:</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/detail.py" line="368" />
        <source>Lien refusé : seuls les liens web (http, https) et de courriel (mailto) peuvent être ouverts.</source>
        <translation>Link refused: only web (http, https) and e-mail (mailto) links can be opened.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/detail.py" line="375" />
        <source>Le lien n'a pas pu être ouvert : {0}</source>
        <translation>The link could not be opened: {0}</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/detail.py" line="377" />
        <source>Ouvert dans le navigateur : {0}</source>
        <translation>Opened in the browser: {0}</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/detail.py" line="390" />
        <source>Connexion Internet nécessaire</source>
        <translation>Internet connection needed</translation>
    </message>
</context>
<context>
    <name>DirectoryModel</name>
    <message>
        <location filename="../../essdesk/ui/catalogue/directory_model.py" line="177" />
        <source>Nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/directory_model.py" line="178" />
        <source>Type</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/directory_model.py" line="179" />
        <source>Catégorie</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/directory_model.py" line="180" />
        <source>Porteur ou financeur</source>
        <translation>Backer or funder</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/directory_model.py" line="181" />
        <source>Territoires</source>
        <translation>Territories</translation>
    </message>
</context>
<context>
    <name>DirectoryPanel</name>
    <message>
        <location filename="../../essdesk/ui/catalogue/directory.py" line="109" />
        <source>Filtrer par nom, sigle, mot…</source>
        <translation>Filter by name, acronym, word…</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/directory.py" line="110" />
        <source>Filtrer l'annuaire</source>
        <translation>Filter the directory</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/directory.py" line="124" />
        <location filename="../../essdesk/ui/catalogue/directory.py" line="286" />
        <source>Pour mon territoire</source>
        <translation>For my territory</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/directory.py" line="128" />
        <location filename="../../essdesk/ui/catalogue/directory.py" line="262" />
        <source>Choisissez un profil de territoire avec ses types (ZRR, QPV…)</source>
        <translation>Choose a territory profile with its types (ZRR, QPV…)</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/directory.py" line="138" />
        <location filename="../../essdesk/ui/catalogue/directory.py" line="153" />
        <source>Filtre : {0}</source>
        <translation>Filter: {0}</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/directory.py" line="150" />
        <source>Vos notes et le suivi des entrées pour votre territoire</source>
        <translation>Your notes and the follow-up of entries for your territory</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/directory.py" line="172" />
        <source>Nombre de résultats</source>
        <translation>Number of results</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/directory.py" line="178" />
        <source>Annuaire des acteurs et dispositifs</source>
        <translation>Directory of actors and schemes</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/directory.py" line="202" />
        <source>Aucun acteur ni dispositif ne correspond à la recherche et aux filtres.</source>
        <translation>No actor or scheme matches the search and the filters.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/directory.py" line="208" />
        <source>Effacer la recherche et les filtres</source>
        <translation>Clear the search and the filters</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/directory.py" line="227" />
        <source>concerne votre territoire</source>
        <translation>concerns your territory</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/directory.py" line="229" />
        <source>Légende : fond coloré, concerne votre territoire</source>
        <translation>Legend: coloured background, concerns your territory</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/directory.py" line="259" />
        <source>Les entrées qui ciblent les types de votre territoire et celles valables partout</source>
        <translation>The entries that target your territory's types and those valid everywhere</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/directory.py" line="286" />
        <source>Pour mon territoire ✓</source>
        <translation>For my territory ✓</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/directory.py" line="360" />
        <source>Aucun résultat</source>
        <translation>No results</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/directory.py" line="362" />
        <source>1 résultat</source>
        <translation>1 result</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/directory.py" line="364" />
        <source>{0} résultats</source>
        <translation>{0} results</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/directory.py" line="433" />
        <source>la recherche « {0} »</source>
        <translation>the search “{0}”</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/directory.py" line="438" />
        <location filename="../../essdesk/ui/catalogue/directory.py" line="594" />
        <location filename="../../essdesk/ui/catalogue/directory.py" line="600" />
        <source>{0} : {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/directory.py" line="440" />
        <source>Aucune valeur dans le catalogue</source>
        <translation>No value in the catalogue</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/directory.py" line="442" />
        <source>Aucune entrée ne correspond.</source>
        <translation>No entry matches.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/directory.py" line="444" />
        <source>Aucun acteur parmi les résultats : le type ne concerne que les acteurs.</source>
        <translation>No actor among the results: the type applies to actors only.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/directory.py" line="447" />
        <source>Aucun dispositif parmi les résultats : la nature ne concerne que les dispositifs.</source>
        <translation>No scheme among the results: the nature applies to schemes only.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/directory.py" line="449" />
        <source>Aucun des résultats n'est cité pour un levier.</source>
        <translation>None of the results is cited for a lever.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/directory.py" line="450" />
        <source>Aucun des résultats ne vise un type de territoire.</source>
        <translation>None of the results targets a territory type.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/directory.py" line="452" />
        <source>Résultats limités par : {0}</source>
        <translation>Results narrowed by: {0}</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/directory.py" line="452" />
        <source> ; </source>
        <translation>; </translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/directory.py" line="533" />
        <source>Comptes dans votre territoire</source>
        <translation>Counts over your territory</translation>
    </message>
</context>
<context>
    <name>ExchangeDialogs</name>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="176" />
        <source>{0} à {1}</source>
        <translation>{0} at {1}</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/export_dialog.py" line="202" />
        <source>{0} note</source>
        <translation>{0} note</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/export_dialog.py" line="203" />
        <source>{0} notes</source>
        <translation>{0} notes</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/export_dialog.py" line="207" />
        <source>{0} suivi</source>
        <translation>{0} follow-up</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/export_dialog.py" line="208" />
        <source>{0} suivis</source>
        <translation>{0} follow-ups</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/export_dialog.py" line="210" />
        <source>aucun territoire</source>
        <translation>no territory</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/export_dialog.py" line="213" />
        <source>{0} et {1} exportés ({2}) dans le fichier :
{3}</source>
        <translation>{0} and {1} exported ({2}) to the file:
{3}</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/export_dialog.py" line="242" />
        <source>Notes exportées</source>
        <translation>Notes exported</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="75" />
        <source>{0} nouvelle</source>
        <translation>{0} new</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="76" />
        <source>{0} nouvelles</source>
        <translation>{0} new</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="83" />
        <source>{0} mise à jour</source>
        <translation>{0} updated</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="84" />
        <source>{0} mises à jour</source>
        <translation>{0} updated</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="89" />
        <source>{0} en conflit</source>
        <translation>{0} in conflict</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="95" />
        <source>{0} identique</source>
        <translation>{0} identical</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="96" />
        <source>{0} identiques</source>
        <translation>{0} identical</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="99" />
        <source>aucune note</source>
        <translation>no notes</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="104" />
        <source>nouvelle</source>
        <translation>new</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="105" />
        <source>identique</source>
        <translation>identical</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="106" />
        <source>mise à jour</source>
        <translation>update</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="107" />
        <source>en conflit</source>
        <translation>in conflict</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="110" />
        <source>, orpheline</source>
        <translation>, orphaned</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="116" />
        <source>Pas encore de note pour cette entrée ici : elle est ajoutée.</source>
        <translation>No note for this entry here yet: it is added.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="119" />
        <source>Ce texte est déjà ici : rien à faire.</source>
        <translation>This text is already here: nothing to do.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="122" />
        <source>Modifiée seulement sur l'autre ordinateur : elle remplace la vôtre (gardée dans l'historique).</source>
        <translation>Changed only on the other computer: it replaces yours (kept in the history).</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="127" />
        <source>Modifiée des deux côtés : gardée à côté de la vôtre, vous choisirez ensuite.</source>
        <translation>Changed on both sides: kept alongside yours; you will choose later.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="133" />
        <source>Cette entrée est inconnue de ce catalogue.</source>
        <translation>This entry is unknown to this catalogue.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="552" />
        <source>Rien n'a changé : toutes ces notes étaient déjà ici.</source>
        <translation>Nothing changed: all these notes were already here.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="555" />
        <source>Import terminé.</source>
        <translation>Import complete.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="557" />
        <source>Notes : {0}.</source>
        <translation>Notes: {0}.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="561" />
        <source>Les notes en conflit sont gardées à côté des vôtres : ouvrez les conflits du territoire pour choisir quelle version garder.</source>
        <translation>Notes in conflict are kept alongside yours: open the territory's conflicts to choose which version to keep.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="569" />
        <source>Des suivis ont été modifiés ici et sur l'autre ordinateur : les deux sont gardés, ouvrez les conflits pour choisir lequel garder.</source>
        <translation>Some follow-ups were changed here and on the other computer: both are kept; open the conflicts to choose which to keep.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="579" />
        <source>{0} note concerne une fiche inconnue de ce catalogue.</source>
        <translation>{0} note is about an entry unknown to this catalogue.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="582" />
        <source>{0} notes concernent une fiche inconnue de ce catalogue.</source>
        <translation>{0} notes are about entries unknown to this catalogue.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="589" />
        <source>Suivis : {0}, {1}.</source>
        <translation>Follow-ups: {0}, {1}.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="592" />
        <source>{0} nouveau</source>
        <translation>{0} new</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="593" />
        <source>{0} nouveaux</source>
        <translation>{0} new</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="597" />
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="598" />
        <source>{0} mis à jour</source>
        <translation>{0} updated</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="603" />
        <source>Une sauvegarde a été faite juste avant : {0}.</source>
        <translation>A backup was made just before: {0}.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="630" />
        <source>Importer des notes</source>
        <translation>Import notes</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="632" />
        <source>Notes essdesk (*.essnotes)</source>
        <translation>essdesk notes (*.essnotes)</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="634" />
        <source>Tous les fichiers (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="647" />
        <source>Import impossible</source>
        <translation>Import failed</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="663" />
        <source>Ouvrir les conflits</source>
        <translation>Open the conflicts</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="668" />
        <source>Notes importées</source>
        <translation>Notes imported</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../essdesk/ui/exchange/export_dialog.py" line="66" />
        <source>Exporter les notes</source>
        <translation>Export notes</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/export_dialog.py" line="78" />
        <source>Un fichier .essnotes à copier (clé USB…) et à importer sur un autre ordinateur. Il contient les notes et le suivi des entrées.</source>
        <translation>An .essnotes file to copy (USB stick…) and import on another computer. It holds the entries' notes and follow-up.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/export_dialog.py" line="84" />
        <source>Notes à exporter</source>
        <translation>Notes to export</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/export_dialog.py" line="87" />
        <source>Le territoire « {0} » ({1})</source>
        <translation>The territory “{0}” ({1})</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/export_dialog.py" line="91" />
        <source>Le territoire courant (aucun territoire choisi)</source>
        <translation>The current territory (no territory chosen)</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/export_dialog.py" line="94" />
        <source>Toutes les notes, tous territoires ({0})</source>
        <translation>All notes, all territories ({0})</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/export_dialog.py" line="98" />
        <source>Les entrées sélectionnées ({0})</source>
        <translation>The selected entries ({0})</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/export_dialog.py" line="104" />
        <source>Exporter le territoire courant</source>
        <translation>Export the current territory</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/export_dialog.py" line="105" />
        <source>Exporter toutes les notes</source>
        <translation>Export all notes</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/export_dialog.py" line="106" />
        <source>Exporter les entrées sélectionnées</source>
        <translation>Export the selected entries</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/export_dialog.py" line="119" />
        <source>&amp;Exporter…</source>
        <translation>&amp;Export…</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/export_dialog.py" line="122" />
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/export_dialog.py" line="125" />
        <source>Choisir le fichier et exporter</source>
        <translation>Choose the file and export</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/export_dialog.py" line="136" />
        <source>{0} note</source>
        <translation>{0} note</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/export_dialog.py" line="136" />
        <source>{0} notes</source>
        <translation>{0} notes</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/export_dialog.py" line="164" />
        <source>Enregistrer le fichier de notes</source>
        <translation>Save the notes file</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/export_dialog.py" line="166" />
        <source>Notes essdesk (*.essnotes)</source>
        <translation>essdesk notes (*.essnotes)</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/export_dialog.py" line="191" />
        <source>Export impossible</source>
        <translation>Export failed</translation>
    </message>
</context>
<context>
    <name>Facets</name>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="35" />
        <source>Type d'entrée</source>
        <translation>Entry kind</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="36" />
        <source>Type d'acteur</source>
        <translation>Actor type</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="37" />
        <source>Nature du dispositif</source>
        <translation>Kind of scheme</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="38" />
        <source>Levier</source>
        <translation>Lever</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="39" />
        <source>Type de territoire</source>
        <translation>Territory type</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="40" />
        <source>Suivi</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="87" />
        <source>Avec une note</source>
        <translation>With a note</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../../essdesk/ui/help/help.py" line="155" />
        <source>Aide d'essdesk</source>
        <translation>essdesk help</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/help/help.py" line="160" />
        <source>Premiers pas</source>
        <translation>Getting started</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/help/help.py" line="161" />
        <source>Glossaire</source>
        <translation>Glossary</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../essdesk/ui/notes/note_dialogs.py" line="100" />
        <source>Historique de la note</source>
        <translation>Note history</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/note_dialogs.py" line="101" />
        <source>Restaurer cette version</source>
        <translation>Restore this version</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/note_dialogs.py" line="104" />
        <source>Chaque version garde le texte tel qu'il était (la frappe d'une même minute forme une version). Restaurer ne perd rien : le texte actuel reste dans l'historique.</source>
        <translation>Each version keeps the text as it was (typing within one minute makes one version). Restoring loses nothing: the current text stays in the history.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/note_dialogs.py" line="117" />
        <source>{0} (version actuelle)</source>
        <translation>{0} (current version)</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="157" />
        <source>Importer des notes — aperçu</source>
        <translation>Import notes — preview</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="165" />
        <source>Fichier « {0} », exporté le {1} (essdesk {2}</source>
        <translation>File “{0}”, exported on {1} (essdesk {2}</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="169" />
        <source>, catalogue {0}</source>
        <translation>, catalogue {0}</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="181" />
        <source>Notes du fichier</source>
        <translation>Notes in the file</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="182" />
        <source>Nombre de notes par cas</source>
        <translation>Number of notes per case</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="186" />
        <source>Nouvelles :</source>
        <translation>New:</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="187" />
        <source>Identiques (déjà ici) :</source>
        <translation>Identical (already here):</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="188" />
        <source>Mises à jour :</source>
        <translation>Updated:</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="189" />
        <source>En conflit :</source>
        <translation>In conflict:</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="190" />
        <source>Orphelines (fiche inconnue) :</source>
        <translation>Orphaned (unknown entry):</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="201" />
        <source>Suivis :</source>
        <translation>Follow-ups:</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="204" />
        <source>Territoires</source>
        <translation>Territories</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="228" />
        <source>existe déjà ici</source>
        <translation>already exists here</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="232" />
        <source>Destination des notes de « {0} »</source>
        <translation>Destination of the notes of “{0}”</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="252" />
        <source>Notes du fichier, par entrée</source>
        <translation>Notes in the file, by entry</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="254" />
        <source>Entrée</source>
        <translation>Entry</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="254" />
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="362" />
        <source>Territoire</source>
        <translation>Territory</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="254" />
        <source>Effet</source>
        <translation>Effect</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="254" />
        <source>Par</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="273" />
        <source>Texte de la note choisie</source>
        <translation>Text of the chosen note</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="284" />
        <source>&amp;Importer</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="287" />
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="289" />
        <source>Importer les notes du fichier</source>
        <translation>Import the notes from the file</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="329" />
        <source>Créer le territoire « {0} »</source>
        <translation>Create the territory “{0}”</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="332" />
        <source>Rétablir le territoire « {0} » (supprimé ici)</source>
        <translation>Reinstate the territory “{0}” (deleted here)</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="337" />
        <source>Rattacher à « {0} » (même nom)</source>
        <translation>Attach to “{0}” (same name)</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="338" />
        <source>Créer un autre territoire « {0} »</source>
        <translation>Create another territory “{0}”</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="341" />
        <source>Rattacher à « {0} »</source>
        <translation>Attach to “{0}”</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="388" />
        <source>{0} nouveau</source>
        <translation>{0} new</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="388" />
        <source>{0} nouveaux</source>
        <translation>{0} new</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="390" />
        <source>{0} mis à jour</source>
        <translation>{0} updated</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="392" />
        <source>{0} inchangé</source>
        <translation>{0} unchanged</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="392" />
        <source>{0} inchangés</source>
        <translation>{0} unchanged</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="395" />
        <source>{0} en conflit</source>
        <translation>{0} in conflict</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="408" />
        <source>Vérifiez ce que l'import va faire, puis cliquez sur « Importer ». Une sauvegarde de vos notes est faite avant.</source>
        <translation>Check what the import will do, then click “Import”. Your notes are backed up first.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="415" />
        <source>Rien de nouveau : ce fichier a déjà été importé.</source>
        <translation>Nothing new: this file has already been imported.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="424" />
        <source>Entrées locales : {0}.</source>
        <translation>Local entries: {0}.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="429" />
        <source>Une note en conflit a été modifiée ici et sur l'autre ordinateur : les deux versions sont gardées côte à côte, vous choisirez ensuite laquelle garder.</source>
        <translation>A note in conflict was changed both here and on the other computer: both versions are kept side by side, and you will choose which one to keep afterwards.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="436" />
        <source>Un suivi en conflit a été modifié ici et sur l'autre ordinateur : les deux sont gardés, quelle que soit l'heure des ordinateurs, vous choisirez ensuite.</source>
        <translation>A follow-up in conflict was changed here and on the other computer: both are kept, whatever the computers' clocks say; you will choose later.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="443" />
        <source>Une note orpheline concerne une fiche inconnue de ce catalogue : elle est importée et gardée quand même.</source>
        <translation>An orphaned note is about an entry this catalogue does not know: it is imported and kept all the same.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="450" />
        <source>Le catalogue n'a pas pu être lu : les notes orphelines n'ont pas été repérées.</source>
        <translation>The catalogue could not be read: orphaned notes were not detected.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="494" />
        <source>… et {0} autres notes (non listées ici).</source>
        <translation>… and {0} more notes (not listed here).</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="503" />
        <source>écrite par {0}</source>
        <translation>written by {0}</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="505" />
        <source>auteur inconnu</source>
        <translation>author unknown</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="508" />
        <source> (versions précédentes : {0})</source>
        <translation> (earlier versions: {0})</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="523" />
        <source>Note {0}, modifiée le {1} :</source>
        <translation>Note {0}, modified on {1}:</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/exchange/import_dialog.py" line="541" />
        <source>Import impossible</source>
        <translation>Import failed</translation>
    </message>
</context>
<context>
    <name>Kinds</name>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="14" />
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="15" />
        <source>Levier</source>
        <translation>Lever</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="16" />
        <source>Outil</source>
        <translation>Tool</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="17" />
        <source>Acteur</source>
        <translation>Actor</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="18" />
        <source>Dispositif</source>
        <translation>Scheme</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="19" />
        <source>Type de territoire</source>
        <translation>Territory type</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="20" />
        <source>Sigle et notion</source>
        <translation>Acronym or notion</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="21" />
        <source>Groupe</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="22" />
        <source>Ma note</source>
        <translation>My note</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/directory_model.py" line="134" />
        <source>local</source>
        <translation>local</translation>
    </message>
</context>
<context>
    <name>LocalEntriesFeature</name>
    <message>
        <location filename="../../essdesk/ui/local/local_entries.py" line="73" />
        <source>&amp;Entrées locales</source>
        <translation>&amp;Local entries</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_entries.py" line="78" />
        <source>Nouvelle entrée locale…</source>
        <translation>New local entry…</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_entries.py" line="82" />
        <source>Modifier l'entrée locale…</source>
        <translation>Edit local entry…</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_entries.py" line="83" />
        <location filename="../../essdesk/ui/local/local_entries.py" line="251" />
        <source>Supprimer l'entrée locale</source>
        <translation>Delete local entry</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_entries.py" line="86" />
        <source>Historique de l'entrée locale…</source>
        <translation>Local entry history…</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_entries.py" line="90" />
        <source>Entrées locales supprimées…</source>
        <translation>Deleted local entries…</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_entries.py" line="92" />
        <source>Importer une liste…</source>
        <translation>Import a list…</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_entries.py" line="93" />
        <source>Exporter la liste…</source>
        <translation>Export the list…</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_entries.py" line="248" />
        <source>Supprimer « {0} » ? Elle ira dans les entrées locales supprimées, d'où vous pourrez la restaurer ; ses notes restent.</source>
        <translation>Delete “{0}”? It will go to the deleted local entries, from where you can restore it; its notes stay.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_entries.py" line="256" />
        <location filename="../../essdesk/ui/local/local_entries.py" line="271" />
        <location filename="../../essdesk/ui/local/local_entries.py" line="304" />
        <source>Entrées locales</source>
        <translation>Local entries</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_entries.py" line="287" />
        <source>Historique de l'entrée locale</source>
        <translation>Local entry history</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_entries.py" line="289" />
        <source>Chaque enregistrement de la fiche forme une version. Restaurer ne perd rien : le contenu actuel reste dans l'historique.</source>
        <translation>Every save of the entry makes a version. Restoring loses nothing: the current content stays in the history.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_entries.py" line="324" />
        <source>Entrées locales supprimées</source>
        <translation>Deleted local entries</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_entries.py" line="326" />
        <source>Les entrées locales supprimées restent ici au moins 30 jours ; au-delà, elles sont effacées au démarrage. Leurs notes restent.</source>
        <translation>Deleted local entries stay here for at least 30 days; after that, they are erased at start-up. Their notes stay.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_entries.py" line="329" />
        <source>Entrée locale restaurée : {0}</source>
        <translation>Local entry restored: {0}</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_entries.py" line="349" />
        <source>Aussi appelé</source>
        <translation>Also known as</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_entries.py" line="350" />
        <source>Résumé</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_entries.py" line="351" />
        <source>Texte</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_entries.py" line="352" />
        <source>Adresse</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_entries.py" line="353" />
        <source>Téléphone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_entries.py" line="354" />
        <source>Courriel</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_entries.py" line="355" />
        <source>Personne à contacter</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_entries.py" line="356" />
        <source>Liens</source>
        <translation>Links</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_entries.py" line="357" />
        <source>Illustre</source>
        <translation>Illustrates</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_entries.py" line="358" />
        <source>Liée à</source>
        <translation>Linked to</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_entries.py" line="359" />
        <source>Écrit par</source>
        <translation>Written by</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_entries.py" line="373" />
        <location filename="../../essdesk/ui/local/local_entries.py" line="380" />
        <source>Importer une liste</source>
        <translation>Import a list</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_entries.py" line="373" />
        <source>Listes CSV (*.csv *.txt)</source>
        <translation>CSV lists (*.csv *.txt)</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_entries.py" line="413" />
        <source>{0} entrée locale importée.</source>
        <translation>{0} local entry imported.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_entries.py" line="414" />
        <source>{0} entrées locales importées.</source>
        <translation>{0} local entries imported.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_entries.py" line="432" />
        <location filename="../../essdesk/ui/local/local_entries.py" line="446" />
        <source>Exporter la liste</source>
        <translation>Export the list</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_entries.py" line="434" />
        <source>Listes CSV (*.csv)</source>
        <translation>CSV lists (*.csv)</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_entries.py" line="447" />
        <source>Impossible d'écrire {0} : {1}</source>
        <translation>Cannot write {0}: {1}</translation>
    </message>
</context>
<context>
    <name>LocalEntryDialog</name>
    <message>
        <location filename="../../essdesk/ui/local/local_entry_dialog.py" line="75" />
        <source>Modifier l'entrée locale</source>
        <translation>Edit the local entry</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_entry_dialog.py" line="75" />
        <source>Nouvelle entrée locale</source>
        <translation>New local entry</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_entry_dialog.py" line="91" />
        <source>séparés par des virgules</source>
        <translation>separated by commas</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_entry_dialog.py" line="105" />
        <source>Genre</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_entry_dialog.py" line="106" />
        <source>Nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_entry_dialog.py" line="107" />
        <source>Sigles, autres noms</source>
        <translation>Acronyms, other names</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_entry_dialog.py" line="108" />
        <source>Type</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_entry_dialog.py" line="109" />
        <source>Résumé</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_entry_dialog.py" line="110" />
        <source>Texte</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_entry_dialog.py" line="111" />
        <source>Adresse</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_entry_dialog.py" line="112" />
        <source>Téléphone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_entry_dialog.py" line="113" />
        <source>Courriel</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_entry_dialog.py" line="114" />
        <source>Personne à contacter</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_entry_dialog.py" line="116" />
        <source>Site web</source>
        <translation>Website</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_entry_dialog.py" line="118" />
        <source>Tous territoires</source>
        <translation>All territories</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_entry_dialog.py" line="129" />
        <source>Territoires</source>
        <translation>Territories</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_entry_dialog.py" line="139" />
        <source>Leviers et outils illustrés</source>
        <translation>Levers and tools illustrated</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_entry_dialog.py" line="147" />
        <source>nom d'une fiche (DLA, France Active…)</source>
        <translation>name of an entry (DLA, France Active…)</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_entry_dialog.py" line="152" />
        <source>Lier</source>
        <translation>Link</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_entry_dialog.py" line="155" />
        <source>Retirer le lien</source>
        <translation>Remove the link</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_entry_dialog.py" line="167" />
        <source>Liens avec des fiches</source>
        <translation>Links to entries</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_entry_dialog.py" line="174" />
        <source>Entrée de « {0} » : elle ne figure pas dans le rapport.</source>
        <translation>Entry of “{0}”: it is not in the report.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_entry_dialog.py" line="188" />
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_entry_dialog.py" line="189" />
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_entry_dialog.py" line="209" />
        <source>(non précisé)</source>
        <translation>(not specified)</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_entry_dialog.py" line="222" />
        <source>Fiche introuvable : « {0} ».</source>
        <translation>Entry not found: “{0}”.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_entry_dialog.py" line="226" />
        <source>{0} : {1}</source>
        <translation>{0}: {1}</translation>
    </message>
</context>
<context>
    <name>LocalImportDialog</name>
    <message>
        <location filename="../../essdesk/ui/local/local_import_dialog.py" line="48" />
        <source>Importer une liste</source>
        <translation>Import a list</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_import_dialog.py" line="54" />
        <source>« {0} » ({1}, séparateur « {2} ») : entrées locales de « {3} ».</source>
        <translation>“{0}” ({1}, separator “{2}”): local entries of “{3}”.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_import_dialog.py" line="63" />
        <source>Colonne « {0} »</source>
        <translation>Column “{0}”</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_import_dialog.py" line="75" />
        <source>Ligne</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_import_dialog.py" line="75" />
        <source>À l'import</source>
        <translation>On import</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_import_dialog.py" line="77" />
        <source>Colonne importée comme :</source>
        <translation>Column imported as:</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_import_dialog.py" line="83" />
        <source>Importer aussi les doublons</source>
        <translation>Import the duplicates too</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_import_dialog.py" line="92" />
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_import_dialog.py" line="93" />
        <source>Importer</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_import_dialog.py" line="101" />
        <source>Première ligne du tableau : ce que contient chaque colonne.</source>
        <translation>First row of the table: what each column holds.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_import_dialog.py" line="130" />
        <source>à corriger : {0}</source>
        <translation>to correct: {0}</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_import_dialog.py" line="132" />
        <source>importé</source>
        <translation>imported</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_import_dialog.py" line="132" />
        <source>ignoré</source>
        <translation>ignored</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_import_dialog.py" line="133" />
        <source>doublon de « {0} » ({1})</source>
        <translation>duplicate of “{0}” ({1})</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_import_dialog.py" line="135" />
        <source>nouveau</source>
        <translation>new</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_import_dialog.py" line="145" />
        <source>{0} : {1}, {2}, {3}.</source>
        <translation>{0}: {1}, {2}, {3}.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_import_dialog.py" line="146" />
        <source>{0} ligne</source>
        <translation>{0} row</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_import_dialog.py" line="146" />
        <source>{0} lignes</source>
        <translation>{0} rows</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_import_dialog.py" line="147" />
        <source>{0} à importer</source>
        <translation>{0} to import</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_import_dialog.py" line="148" />
        <source>{0} doublon</source>
        <translation>{0} duplicate</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_import_dialog.py" line="148" />
        <source>{0} doublons</source>
        <translation>{0} duplicates</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_import_dialog.py" line="149" />
        <source>{0} à corriger</source>
        <translation>{0} to correct</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/local/local_import_dialog.py" line="155" />
        <source>Corrigez les lignes signalées dans le tableur (ou choisissez « (ignorer) » pour leur colonne) : l'import est tout ou rien.</source>
        <translation>Correct the rows flagged in the spreadsheet (or choose “(ignore)” for their column): the import is all or nothing.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="162" />
        <source>essdesk — L'ESS au cœur de la relance des territoires fragiles</source>
        <translation>essdesk — The social economy at the heart of the recovery of fragile territories</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="209" />
        <source>Arbre des sessions</source>
        <translation>Session tree</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="210" />
        <source>Arbre des leviers</source>
        <translation>Lever tree</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="257" />
        <source>Lien refusé : {0}</source>
        <translation>Link refused: {0}</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="260" />
        <source>Chargement du catalogue…</source>
        <translation>Loading the catalogue…</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="292" />
        <source>Précédent</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="297" />
        <source>Entrée précédente (Alt+←)</source>
        <translation>Previous entry (Alt+←)</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="299" />
        <source>Suivant</source>
        <translation>Forward</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="304" />
        <source>Entrée suivante (Alt+→)</source>
        <translation>Next entry (Alt+→)</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="307" />
        <source>Rechercher</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="310" />
        <source>Agrandir le texte</source>
        <translation>Larger text</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="313" />
        <source>Réduire le texte</source>
        <translation>Smaller text</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="316" />
        <source>Taille normale</source>
        <translation>Normal size</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="318" />
        <source>À propos d'essdesk</source>
        <translation>About essdesk</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="326" />
        <source>Quitter</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="330" />
        <source>Sessions</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="331" />
        <source>Leviers</source>
        <translation>Levers</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="211" />
        <source>Dispositifs par nature</source>
        <translation>Schemes by kind</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="320" />
        <source>Premiers pas</source>
        <translation>Getting started</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="323" />
        <source>Glossaire</source>
        <translation>Glossary</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="332" />
        <source>Dispositifs</source>
        <translation>Schemes</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="333" />
        <source>Annuaire</source>
        <translation>Directory</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="334" />
        <source>Mes notes</source>
        <translation>My notes</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="348" />
        <source>Changer de territoire</source>
        <translation>Switch territory</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="351" />
        <source>Modifier la note</source>
        <translation>Edit the note</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="354" />
        <source>Mettre en évidence ce qui concerne mon territoire</source>
        <translation>Highlight what concerns my territory</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="361" />
        <source>Fond ambré sur les entrées qui ciblent les types de votre territoire : « concerne votre territoire »</source>
        <translation>Amber background on entries that target your territory's types: “concerns your territory”</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="389" />
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="401" />
        <source>Rechercher dans tout le catalogue (Ctrl+K)</source>
        <translation>Search the whole catalogue (Ctrl+K)</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="402" />
        <source>Recherche globale</source>
        <translation>Global search</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="412" />
        <source>Territoire :</source>
        <translation>Territory:</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="421" />
        <source>&amp;Fichier</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="427" />
        <source>&amp;Affichage</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="437" />
        <source>Langue / Language</source>
        <translation>Language / Langue</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="441" />
        <source>A&amp;ller</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="448" />
        <source>Ai&amp;de</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="647" />
        <source>Catalogue {0} · {1} entrées · sur cet ordinateur</source>
        <translation>Catalogue {0} · {1} entries · on this computer</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="660" />
        <source>Le catalogue n'a pas pu être ouvert</source>
        <translation>The catalogue could not be opened</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="661" />
        <source>Réinstallez essdesk ou signalez ce problème.</source>
        <translation>Reinstall essdesk or report this problem.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="663" />
        <source>Catalogue indisponible</source>
        <translation>Catalogue unavailable</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="669" />
        <source>Contenu : {0} ({1}, {2}).</source>
        <translation>Content: {0} ({1}, {2}).</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="675" />
        <source>Bienvenue</source>
        <translation>Welcome</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="677" />
        <source>Choisissez une session, un levier ou un dispositif à gauche, ou cherchez un mot, un sigle, un nom avec Ctrl+K.</source>
        <translation>Pick a session, a lever or a scheme on the left, or search for a word, an acronym or a name with Ctrl+K.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="690" />
        <source>Entrée introuvable : {0}</source>
        <translation>Entry not found: {0}</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/main_window.py" line="784" />
        <source>Recherche</source>
        <translation>Search</translation>
    </message>
</context>
<context>
    <name>ManageTerritoriesDialog</name>
    <message>
        <location filename="../../essdesk/ui/territory/dialogs.py" line="153" />
        <source>Territoires</source>
        <translation>Territories</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/territory/dialogs.py" line="156" />
        <source>Profils de territoire</source>
        <translation>Territory profiles</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/territory/dialogs.py" line="158" />
        <source>Nouveau…</source>
        <translation>New…</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/territory/dialogs.py" line="161" />
        <source>Modifier…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/territory/dialogs.py" line="164" />
        <source>Supprimer…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/territory/dialogs.py" line="177" />
        <source>Supprimer un territoire envoie ses notes à la corbeille : elles y restent restaurables au moins 30 jours.</source>
        <translation>Deleting a territory sends its notes to the trash: they stay restorable there for at least 30 days.</translation>
    </message>
</context>
<context>
    <name>Markers</name>
    <message>
        <location filename="../../essdesk/ui/notes/markers.py" line="76" />
        <source>a une note</source>
        <translation>has a note</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/markers.py" line="80" />
        <source>suivi : {0}</source>
        <translation>follow-up: {0}</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/markers.py" line="83" />
        <source>concerne votre territoire</source>
        <translation>concerns your territory</translation>
    </message>
</context>
<context>
    <name>MyNotesView</name>
    <message>
        <location filename="../../essdesk/ui/notes/my_notes.py" line="77" />
        <location filename="../../essdesk/ui/notes/my_notes.py" line="99" />
        <source>Mes notes</source>
        <translation>My notes</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/my_notes.py" line="84" />
        <source>Chercher dans mes notes…</source>
        <translation>Search my notes…</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/my_notes.py" line="85" />
        <source>Chercher dans mes notes</source>
        <translation>Search my notes</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/my_notes.py" line="108" />
        <location filename="../../essdesk/ui/notes/my_notes.py" line="123" />
        <source>Notes orphelines</source>
        <translation>Orphan notes</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/my_notes.py" line="112" />
        <source>Ces notes portent sur des entrées que ce catalogue ne contient plus (il a été mis à jour depuis). Elles sont gardées telles quelles, avec le titre de l'entrée au moment où elles ont été écrites ; survolez une ligne pour lire la note.</source>
        <translation>These notes are about entries this catalogue no longer has (it was updated since). They are kept as they are, with the entry's title when they were written; hover a row to read the note.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/my_notes.py" line="138" />
        <source>Les notes s'afficheront ici une fois ouvertes.</source>
        <translation>Notes will show here once opened.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/my_notes.py" line="159" />
        <source>Choisissez ou créez un territoire pour voir ses notes.</source>
        <translation>Choose or create a territory to see its notes.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/my_notes.py" line="162" />
        <source>Aucune note de {0} ne contient « {1} ».</source>
        <translation>No note of {0} contains “{1}”.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/my_notes.py" line="166" />
        <source>{0} note de {1} contient « {2} »</source>
        <translation>{0} note of {1} contains “{2}”</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/my_notes.py" line="167" />
        <source>{0} notes de {1} contiennent « {2} »</source>
        <translation>{0} notes of {1} contain “{2}”</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/my_notes.py" line="178" />
        <source>{0} note de {1}</source>
        <translation>{0} note of {1}</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/my_notes.py" line="178" />
        <source>{0} notes de {1}</source>
        <translation>{0} notes of {1}</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/my_notes.py" line="174" />
        <source>Aucune note pour {0} pour l'instant : ouvrez une entrée et écrivez dans le panneau Notes, à droite.</source>
        <translation>No note for {0} yet: open an entry and write in the Notes pane, on the right.</translation>
    </message>
</context>
<context>
    <name>NotesFeature</name>
    <message>
        <location filename="../../essdesk/ui/notes/feature.py" line="84" />
        <source>Notes récupérées</source>
        <translation>Notes recovered</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/feature.py" line="147" />
        <source>Exporter les notes…</source>
        <translation>Export notes…</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/feature.py" line="148" />
        <source>Importer des notes…</source>
        <translation>Import notes…</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/feature.py" line="149" />
        <source>Fiche de synthèse…</source>
        <translation>Briefing sheet…</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/feature.py" line="150" />
        <source>Résoudre les conflits…</source>
        <translation>Resolve conflicts…</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/feature.py" line="152" />
        <source>Sauvegarder vers…</source>
        <translation>Back up to…</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/feature.py" line="153" />
        <source>Restaurer une sauvegarde…</source>
        <translation>Restore a backup…</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/feature.py" line="154" />
        <source>Vérifier l'intégrité</source>
        <translation>Check integrity</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/feature.py" line="155" />
        <source>Corbeille…</source>
        <translation>Trash…</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/feature.py" line="156" />
        <source>Mes initiales…</source>
        <translation>My initials…</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/feature.py" line="91" />
        <source>Sauvegardes</source>
        <translation>Backups</translation>
    </message>
</context>
<context>
    <name>NotesListModel</name>
    <message>
        <location filename="../../essdesk/ui/notes/notes_model.py" line="100" />
        <source>⚠ {0} — conflit à résoudre</source>
        <translation>⚠ {0} — conflict to settle</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/notes_model.py" line="125" />
        <source>Cette note a une version importée en conflit : ouvrez l’entrée et cliquez sur « Résoudre… ».</source>
        <translation>This note has a conflicting imported version: open the entry and click “Settle…”.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/notes_model.py" line="145" />
        <source>Entrée</source>
        <translation>Entry</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/notes_model.py" line="146" />
        <source>Suivi</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/notes_model.py" line="147" />
        <source>Modifiée le</source>
        <translation>Modified</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/notes_model.py" line="148" />
        <source>Extrait</source>
        <translation>Excerpt</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/notes_model.py" line="149" />
        <source>Date du suivi</source>
        <translation>Follow-up date</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/notes_model.py" line="150" />
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <location filename="../../essdesk/ui/notes/notes_panel.py" line="129" />
        <location filename="../../essdesk/ui/notes/notes_panel.py" line="151" />
        <location filename="../../essdesk/ui/notes/notes_panel.py" line="337" />
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/notes_panel.py" line="163" />
        <source>Message des notes</source>
        <translation>Notes message</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/notes_panel.py" line="179" />
        <source>Avertissement des notes</source>
        <translation>Notes warning</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/notes_panel.py" line="189" />
        <source>Résoudre…</source>
        <translation>Resolve…</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/notes_panel.py" line="191" />
        <source>Résoudre les conflits de cette note</source>
        <translation>Resolve this note's conflicts</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/notes_panel.py" line="203" />
        <source>Note (lecture)</source>
        <translation>Note (reading)</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/notes_panel.py" line="213" />
        <source>Texte de la note</source>
        <translation>Note text</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/notes_panel.py" line="215" />
        <source>Enregistrée automatiquement. **gras**, listes avec -, liens http(s).</source>
        <translation>Saved automatically. **bold**, lists with -, http(s) links.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/notes_panel.py" line="224" />
        <source>Modifier</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/notes_panel.py" line="226" />
        <source>Modifier la note (Ctrl+E)</source>
        <translation>Edit the note (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/notes_panel.py" line="230" />
        <source>État de l'enregistrement</source>
        <translation>Save state</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/notes_panel.py" line="247" />
        <source>Statut de suivi</source>
        <translation>Follow-up status</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/notes_panel.py" line="254" />
        <source>Date du suivi</source>
        <translation>Follow-up date</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/notes_panel.py" line="210" />
        <source>Cliquez pour modifier (Ctrl+E)</source>
        <translation>Click to edit (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/notes_panel.py" line="186" />
        <source>Cette note ou son suivi a une version importée en conflit.</source>
        <translation>This note or its follow-up has an imported version in conflict.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/notes_panel.py" line="232" />
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/notes_panel.py" line="234" />
        <source>Remettre la note supprimée</source>
        <translation>Bring the deleted note back</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/notes_panel.py" line="258" />
        <source>Contact du suivi</source>
        <translation>Follow-up contact</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/notes_panel.py" line="259" />
        <source>Nom, téléphone, courriel…</source>
        <translation>Name, phone, email…</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/notes_panel.py" line="264" />
        <source>Suivi</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/notes_panel.py" line="265" />
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/notes_panel.py" line="266" />
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/notes_panel.py" line="268" />
        <source>Historique…</source>
        <translation>History…</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/notes_panel.py" line="271" />
        <source>Supprimer la note</source>
        <translation>Delete the note</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/notes_panel.py" line="274" />
        <source>Corbeille…</source>
        <translation>Trash…</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/notes_panel.py" line="337" />
        <source>Notes — {0}</source>
        <translation>Notes — {0}</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/notes_panel.py" line="345" />
        <location filename="../../essdesk/ui/notes/notes_panel.py" line="390" />
        <source>Réessayer</source>
        <translation>Try again</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/notes_panel.py" line="349" />
        <source>Ouverture des notes…</source>
        <translation>Opening the notes…</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/notes_panel.py" line="354" />
        <source>Pour prendre des notes, créez d'abord le profil de votre territoire (nom, types de territoire, commune ou EPCI). Plusieurs territoires peuvent cohabiter sur ce poste.</source>
        <translation>To take notes, first create your territory's profile (name, territory types, municipality or EPCI). Several territories can live side by side on this computer.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/notes_panel.py" line="358" />
        <source>Créer un territoire…</source>
        <translation>Create a territory…</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/notes_panel.py" line="364" />
        <source>Choisissez une entrée à gauche pour lire ou écrire sa note.</source>
        <translation>Choose an entry on the left to read or write its note.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/notes_panel.py" line="401" />
        <source>Vos notes sur cette entrée pour {0}…</source>
        <translation>Your notes on this entry for {0}…</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/notes_panel.py" line="419" />
        <location filename="../../essdesk/ui/notes/notes_panel.py" line="536" />
        <source>Enregistrement…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/notes_panel.py" line="423" />
        <source>{0} · par {1}</source>
        <translation>{0} · by {1}</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/notes_panel.py" line="452" />
        <source>Enregistré à {0}</source>
        <translation>Saved at {0}</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/notes_panel.py" line="453" />
        <source>Enregistré le {0}</source>
        <translation>Saved on {0}</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/notes_panel.py" line="529" />
        <source>Lien refusé : {0}</source>
        <translation>Link refused: {0}</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/notes_panel.py" line="569" />
        <source>Le fichier de notes n'est pas ouvert.</source>
        <translation>The notes file is not open.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/notes_panel.py" line="602" />
        <source>Cette note avait été modifiée dans une autre fenêtre d'essdesk : les deux versions ont été gardées, l'une après l'autre.</source>
        <translation>This note had been changed in another essdesk window: both versions were kept, one after the other.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/notes_panel.py" line="614" />
        <source>Échec de l'enregistrement — nouvel essai dans 5 s</source>
        <translation>Save failed — trying again in 5 s</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/notes_panel.py" line="645" />
        <source>Suivi enregistré à {0}</source>
        <translation>Follow-up saved at {0}</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/notes_panel.py" line="684" />
        <source>Note placée dans la corbeille (restaurable 30 jours). Son suivi (statut, date, contact) est gardé.</source>
        <translation>Note moved to the trash (restorable for 30 days). Its follow-up (status, date, contact) is kept.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/notes_panel.py" line="704" />
        <source>Note remise.</source>
        <translation>Note brought back.</translation>
    </message>
</context>
<context>
    <name>NotesPlaceholder</name>
    <message>
        <location filename="../../essdesk/ui/notes/notes_placeholder.py" line="17" />
        <location filename="../../essdesk/ui/notes/notes_placeholder.py" line="18" />
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/notes_placeholder.py" line="21" />
        <source>Les notes de votre territoire sur cette entrée s'afficheront ici.</source>
        <translation>Your territory's notes on this entry will show here.</translation>
    </message>
</context>
<context>
    <name>Safekeeping</name>
    <message>
        <location filename="../../essdesk/ui/notes/safekeeping.py" line="33" />
        <source>Historique</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/safekeeping.py" line="57" />
        <source>Corbeille</source>
        <translation>Trash</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/safekeeping.py" line="82" />
        <source>Sauvegarder les notes vers…</source>
        <translation>Back up the notes to…</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/safekeeping.py" line="84" />
        <source>Sauvegarde de notes essdesk (*.sqlite3)</source>
        <translation>essdesk notes backup (*.sqlite3)</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/safekeeping.py" line="91" />
        <location filename="../../essdesk/ui/notes/safekeeping.py" line="94" />
        <source>Sauvegarde impossible</source>
        <translation>Backup failed</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/safekeeping.py" line="98" />
        <source>Notes sauvegardées</source>
        <translation>Notes backed up</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/safekeeping.py" line="99" />
        <source>Une copie vérifiée des notes a été écrite dans :
{0}</source>
        <translation>A verified copy of the notes was written to:
{0}</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/safekeeping.py" line="111" />
        <source>Sauvegardes</source>
        <translation>Backups</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/safekeeping.py" line="116" />
        <source>Remplacer toutes les notes par la sauvegarde du {0} ?

Les notes actuelles seront d'abord sauvegardées (elles resteront dans la liste).</source>
        <translation>Replace all notes with the backup of {0}?

The current notes will be backed up first (they will stay in the list).</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/safekeeping.py" line="119" />
        <source>Restaurer une sauvegarde</source>
        <translation>Restore a backup</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/safekeeping.py" line="129" />
        <source>Sauvegarde restaurée ; notes précédentes gardées sous {0}</source>
        <translation>Backup restored; previous notes kept as {0}</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/safekeeping.py" line="148" />
        <source>Vérification des notes</source>
        <translation>Notes check</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../essdesk/ui/catalogue/search.py" line="196" />
        <source>Nombre de résultats</source>
        <translation>Number of results</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/search.py" line="205" />
        <source>Suggestions de recherche</source>
        <translation>Search suggestions</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/search.py" line="216" />
        <source>Dans mes notes uniquement</source>
        <translation>In my notes only</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/search.py" line="222" />
        <source>Chercher dans mes notes uniquement</source>
        <translation>Search my notes only</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/search.py" line="224" />
        <source>La recherche couvre aussi les notes du territoire courant (« Ma note »)</source>
        <translation>The search also covers the current territory's notes (“My note”)</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/search.py" line="231" />
        <source>Résultats de la recherche</source>
        <translation>Search results</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/search.py" line="318" />
        <source>Aucun résultat pour « {0} ».</source>
        <translation>No results for “{0}”.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/search.py" line="320" />
        <source>1 résultat pour « {0} »</source>
        <translation>1 result for “{0}”</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/search.py" line="322" />
        <source> (les {0} premiers)</source>
        <translation> (the first {0})</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/search.py" line="324" />
        <source>{0} résultats pour « {1} »</source>
        <translation>{0} results for “{1}”</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/search.py" line="340" />
        <source>Vouliez-vous dire : {0} ?</source>
        <translation>Did you mean: {0}?</translation>
    </message>
</context>
<context>
    <name>SectionList</name>
    <message>
        <location filename="../../essdesk/ui/catalogue/navigation.py" line="30" />
        <source>Rubriques</source>
        <translation>Sections</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/navigation.py" line="36" />
        <source>Sessions</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/navigation.py" line="36" />
        <source>Le déroulé du webinaire (Ctrl+1)</source>
        <translation>The webinar, part by part (Ctrl+1)</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/navigation.py" line="37" />
        <source>Leviers</source>
        <translation>Levers</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/navigation.py" line="37" />
        <source>Les 6 leviers et leurs outils (Ctrl+2)</source>
        <translation>The 6 levers and their tools (Ctrl+2)</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/navigation.py" line="38" />
        <source>Dispositifs par nature (Ctrl+3)</source>
        <translation>Schemes by kind (Ctrl+3)</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/navigation.py" line="38" />
        <source>Dispositifs</source>
        <translation>Schemes</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/navigation.py" line="39" />
        <source>Annuaire</source>
        <translation>Directory</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/navigation.py" line="39" />
        <source>Acteurs et dispositifs (Ctrl+4)</source>
        <translation>Actors and schemes (Ctrl+4)</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/navigation.py" line="40" />
        <source>Mes notes</source>
        <translation>My notes</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/catalogue/navigation.py" line="40" />
        <source>Les notes de votre territoire (Ctrl+5)</source>
        <translation>Your territory's notes (Ctrl+5)</translation>
    </message>
</context>
<context>
    <name>Statuses</name>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="65" />
        <source>à explorer</source>
        <translation>to explore</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="66" />
        <source>contacté</source>
        <translation>contacted</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="67" />
        <source>en cours</source>
        <translation>in progress</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="68" />
        <source>mobilisé</source>
        <translation>mobilised</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/common/labels.py" line="69" />
        <source>écarté</source>
        <translation>set aside</translation>
    </message>
</context>
<context>
    <name>TeamDialog</name>
    <message>
        <location filename="../../essdesk/ui/team/team_dialog.py" line="39" />
        <source>Équipe</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/team/team_dialog.py" line="42" />
        <source>Partagez les notes de vos territoires avec votre équipe sur le serveur PostgreSQL de votre intercommunalité. Hors ligne, tout fonctionne comme d'habitude : les modifications attendent la prochaine synchronisation.</source>
        <translation>Share your territories' notes with your team on your intercommunality's PostgreSQL server. Offline, everything works as usual: changes wait for the next synchronisation.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/team/team_dialog.py" line="62" />
        <source>Mémoriser le mot de passe</source>
        <translation>Remember the password</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/team/team_dialog.py" line="66" />
        <source>Dans le fichier de mots de passe de PostgreSQL (pgpass), lisible par vous seul.</source>
        <translation>In PostgreSQL's password file (pgpass), readable by you alone.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/team/team_dialog.py" line="71" />
        <source>facultatif : vérifie l'identité du serveur</source>
        <translation>optional: checks the server's identity</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/team/team_dialog.py" line="72" />
        <source>Parcourir…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/team/team_dialog.py" line="80" />
        <source>Serveur :</source>
        <translation>Server:</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/team/team_dialog.py" line="81" />
        <source>Port :</source>
        <translation>Port:</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/team/team_dialog.py" line="82" />
        <source>Base :</source>
        <translation>Database:</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/team/team_dialog.py" line="83" />
        <source>Utilisateur :</source>
        <translation>User:</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/team/team_dialog.py" line="84" />
        <source>Mot de passe :</source>
        <translation>Password:</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/team/team_dialog.py" line="86" />
        <source>Autorité (CA) :</source>
        <translation>Authority (CA):</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/team/team_dialog.py" line="87" />
        <source>Équipe :</source>
        <translation>Team:</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/team/team_dialog.py" line="90" />
        <source>Se connecter</source>
        <translation>Connect</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/team/team_dialog.py" line="93" />
        <source>Synchroniser maintenant</source>
        <translation>Synchronise now</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/team/team_dialog.py" line="95" />
        <source>Partager le territoire actuel</source>
        <translation>Share the current territory</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/team/team_dialog.py" line="97" />
        <source>Se déconnecter</source>
        <translation>Disconnect</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/team/team_dialog.py" line="121" />
        <source>Autorité de certification</source>
        <translation>Certificate authority</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/team/team_dialog.py" line="123" />
        <source>Certificats (*.pem *.crt);;Tous (*)</source>
        <translation>Certificates (*.pem *.crt);;All (*)</translation>
    </message>
</context>
<context>
    <name>TeamFeature</name>
    <message>
        <location filename="../../essdesk/ui/team/team_ui.py" line="85" />
        <source>Équipe…</source>
        <translation>Team…</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/team/team_ui.py" line="111" />
        <location filename="../../essdesk/ui/team/team_ui.py" line="115" />
        <source>Synchronisation…</source>
        <translation>Synchronising…</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/team/team_ui.py" line="154" />
        <source>Hors ligne</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/team/team_ui.py" line="154" />
        <source>Synchronisation impossible</source>
        <translation>Synchronisation failed</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/team/team_ui.py" line="158" />
        <source>Synchronisé à {0}</source>
        <translation>Synchronised at {0}</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/team/team_ui.py" line="164" />
        <source> — 1 modification en attente</source>
        <translation> — 1 change waiting</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/team/team_ui.py" line="165" />
        <source> — {0} modifications en attente</source>
        <translation> — {0} changes waiting</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/team/team_ui.py" line="190" />
        <source>Relié à l'équipe « {0} » ({1}).</source>
        <translation>Connected to the team “{0}” ({1}).</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/team/team_ui.py" line="193" />
        <source>Cet ordinateur n'est relié à aucune équipe.</source>
        <translation>This computer is connected to no team.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/team/team_ui.py" line="210" />
        <source>Renseignez le serveur, la base, l'utilisateur et l'équipe.</source>
        <translation>Fill in the server, the database, the user and the team.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/team/team_ui.py" line="244" />
        <source>« {0} » appartient maintenant à l'équipe.</source>
        <translation>“{0}” now belongs to the team.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/team/team_ui.py" line="268" />
        <source>Cet ordinateur n'est plus relié à l'équipe ; les notes locales restent.</source>
        <translation>This computer is no longer connected to the team; the local notes stay.</translation>
    </message>
</context>
<context>
    <name>Territories</name>
    <message>
        <location filename="../../essdesk/ui/notes/territories.py" line="113" />
        <location filename="../../essdesk/ui/notes/territories.py" line="141" />
        <location filename="../../essdesk/ui/notes/territories.py" line="179" />
        <source>Territoire</source>
        <translation>Territory</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/territories.py" line="144" />
        <source>Supprimer le territoire « {0} » ? Il n’a aucune note.</source>
        <translation>Delete the territory “{0}”? It has no notes.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/territories.py" line="151" />
        <source>Supprimer le territoire « {1} » ?

{0} note ira à la corbeille, d’où vous pourrez la restaurer pendant au moins 30 jours (Fichier &gt; Corbeille…).</source>
        <translation>Delete the territory “{1}”?

{0} note will go to the trash, where you can restore it for at least 30 days (File &gt; Trash…).</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/territories.py" line="155" />
        <source>Supprimer le territoire « {1} » ?

Ses {0} notes iront à la corbeille, d’où vous pourrez les restaurer pendant au moins 30 jours (Fichier &gt; Corbeille…).</source>
        <translation>Delete the territory “{1}”?

Its {0} notes will go to the trash, where you can restore them for at least 30 days (File &gt; Trash…).</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/territories.py" line="165" />
        <source>Son entrée locale ira aussi dans les entrées locales supprimées (Entrées locales &gt; Entrées locales supprimées…).</source>
        <translation>Its local entry will go to the deleted local entries too (Local entries &gt; Deleted local entries…).</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/territories.py" line="169" />
        <source>Ses {0} entrées locales iront aussi dans les entrées locales supprimées (Entrées locales &gt; Entrées locales supprimées…).</source>
        <translation>Its {0} local entries will go to the deleted local entries too (Local entries &gt; Deleted local entries…).</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/territories.py" line="173" />
        <source>Supprimer le territoire</source>
        <translation>Delete the territory</translation>
    </message>
</context>
<context>
    <name>TerritoryDialog</name>
    <message>
        <location filename="../../essdesk/ui/territory/dialogs.py" line="55" />
        <source>Nouveau territoire</source>
        <translation>New territory</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/territory/dialogs.py" line="57" />
        <source>Modifier le territoire</source>
        <translation>Edit the territory</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/territory/dialogs.py" line="61" />
        <source>Nom du territoire</source>
        <translation>Territory name</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/territory/dialogs.py" line="62" />
        <source>ex. Communauté de communes du Haut-Jura</source>
        <translation>e.g. Communauté de communes du Haut-Jura</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/territory/dialogs.py" line="65" />
        <source>Types de territoire</source>
        <translation>Territory types</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/territory/dialogs.py" line="76" />
        <source>Commune ou EPCI</source>
        <translation>Municipality or EPCI</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/territory/dialogs.py" line="78" />
        <source>Code INSEE ou SIREN</source>
        <translation>INSEE or SIREN code</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/territory/dialogs.py" line="80" />
        <source>code INSEE de la commune (5 chiffres) ou SIREN de l’EPCI (9 chiffres)</source>
        <translation>the municipality's INSEE code (5 digits) or the EPCI's SIREN number (9 digits)</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/territory/dialogs.py" line="84" />
        <source>Le code officiel de votre territoire : code INSEE d’une commune (ex. 23096) ou numéro SIREN d’un EPCI (ex. 200067130). Il distingue deux territoires de même nom ; essdesk ne l’envoie nulle part.</source>
        <translation>Your territory's official code: a municipality's INSEE code (e.g. 23096) or an EPCI's SIREN number (e.g. 200067130). It tells apart two territories with the same name; essdesk sends it nowhere.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/territory/dialogs.py" line="90" />
        <source>Initiales du profil</source>
        <translation>Profile's initials</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/territory/dialogs.py" line="94" />
        <source>Initiales du profil, reprises sur ses entrées locales tant que vous n'avez pas donné les vôtres. Vos notes et vos entrées sont signées par vos propres initiales : Fichier › « Mes initiales… ».</source>
        <translation>The profile's initials, shown on its local entries until you have given yours. Your notes and entries are signed with your own initials: File › “My initials…”.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/territory/dialogs.py" line="100" />
        <source>&amp;Nom</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/territory/dialogs.py" line="101" />
        <source>&amp;Commune ou EPCI (facultatif)</source>
        <translation>&amp;Municipality or EPCI (optional)</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/territory/dialogs.py" line="102" />
        <source>C&amp;ode INSEE ou SIREN (facultatif)</source>
        <translation>INSEE or SIREN c&amp;ode (optional)</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/territory/dialogs.py" line="103" />
        <source>&amp;Initiales (facultatif)</source>
        <translation>&amp;Initials (optional)</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/territory/dialogs.py" line="112" />
        <source>Créer</source>
        <translation>Create</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/territory/dialogs.py" line="112" />
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>TerritorySwitcher</name>
    <message>
        <location filename="../../essdesk/ui/territory/switcher.py" line="35" />
        <source>Territoire courant</source>
        <translation>Current territory</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/territory/switcher.py" line="37" />
        <source>Territoire courant : il délimite notes, suivis et exports (Ctrl+T)</source>
        <translation>Current territory: it scopes notes, follow-ups and exports (Ctrl+T)</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/territory/switcher.py" line="53" />
        <source>Aucun territoire</source>
        <translation>No territory</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/territory/switcher.py" line="62" />
        <source>Nouveau territoire…</source>
        <translation>New territory…</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/territory/switcher.py" line="63" />
        <source>Gérer les territoires…</source>
        <translation>Manage territories…</translation>
    </message>
</context>
<context>
    <name>TrashDialog</name>
    <message>
        <location filename="../../essdesk/ui/notes/note_dialogs.py" line="159" />
        <source>Corbeille</source>
        <translation>Trash</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/note_dialogs.py" line="160" />
        <source>Restaurer</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/note_dialogs.py" line="163" />
        <source>Les notes supprimées restent ici au moins 30 jours ; au-delà, elles sont effacées au démarrage.</source>
        <translation>Deleted notes stay here for at least 30 days; after that, they are erased at start-up.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/note_dialogs.py" line="183" />
        <source>{0} — {1} (supprimée le {2})</source>
        <translation>{0} — {1} (deleted on {2})</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/note_dialogs.py" line="190" />
        <source>La corbeille est vide.</source>
        <translation>The trash is empty.</translation>
    </message>
    <message>
        <location filename="../../essdesk/ui/notes/note_dialogs.py" line="173" />
        <source>Note restaurée : {0}</source>
        <translation>Note restored: {0}</translation>
    </message>
</context>
<context>
    <name>_ListDialog</name>
    <message>
        <location filename="../../essdesk/ui/notes/note_dialogs.py" line="55" />
        <source>Aperçu</source>
        <translation>Preview</translation>
    </message>
</context>
</TS>