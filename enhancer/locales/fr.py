"""French text: the workbook and the command's messages."""

OUTPUT_SUFFIX = "-enrichi"

SHEETS = {
    "results": "Résultats",
    "summary": "Synthèse",
    "levels": "Niveaux",
    "competences": "Compétences",
    "statuses": "Statuts",
    "anomalies": "Anomalies",
}

ADDED_COLUMNS = {
    "level": "Niveau global",
    "description": "Description du niveau",
    "file": "Fichier",
}

LEVEL_NAMES = {
    "none": "Aucun niveau atteint",
    "novice1": "Novice 1",
    "novice2": "Novice 2",
    "independent1": "Indépendant 1",
    "independent2": "Indépendant 2",
    "advanced1": "Avancé 1",
    "advanced2": "Avancé 2",
    "expert1": "Expert 1",
    "expert2": "Expert 2",
}

# Pix's own descriptions, from the guide, as the certificate words them.
LEVEL_DESCRIPTIONS = {
    "none": (
        "Vous avez terminé votre test de certification Pix, mais vos résultats "
        "ne permettent pas l'obtention du premier niveau."
    ),
    "novice1": (
        "Vous avez des pratiques numériques simples en ayant souvent besoin "
        "d'aide. Vous savez vous repérer dans les interfaces des outils "
        "numériques que vous avez déjà utilisés (téléphone, tablette, "
        "ordinateur). Avec un accompagnement ponctuel, vous pouvez visiter un "
        "site Web, lire vos messages (SMS, mails,...) et y répondre, utiliser "
        "des applications simples sur téléphone ou tablette, et accéder à des "
        "services en ligne."
    ),
    "novice2": (
        "Vous avez des pratiques numériques simples, avec de l'aide quand la "
        "situation se complique. Dans votre environnement numérique habituel, "
        "vous savez rechercher des informations sur le Web, télécharger un "
        "fichier et le retrouver, consulter et envoyer des messages "
        "électroniques, connecter vos appareils à internet (ordinateurs, "
        "tablette, téléphone). Vous pouvez saisir un texte avec une mise en "
        "forme simple et le sauvegarder. Vous savez que certaines informations "
        "publiées en ligne sont fausses et qu'il est important de protéger ses "
        "comptes avec des mots de passe sûrs."
    ),
    "independent1": (
        "Vous avez des pratiques numériques simples en autonomie dans la "
        "plupart des situations courantes. Vous savez naviguer sur le Web pour "
        "réaliser une recherche approfondie avec des informations pertinentes. "
        "Vous savez participer à des activités collaboratives (messagerie, "
        "agenda partagé, réunion en visio, documents partagés). Vous savez "
        "utiliser les fonctionnalités les plus courantes des logiciels usuels "
        "(traitement de texte et tableur). Vous êtes sensible aux risques "
        "associés à vos pratiques numériques et à la nécessité de les "
        "sécuriser, ainsi qu'à l'impact environnemental de vos usages "
        "numériques. Vous savez résoudre les problèmes courants (mot de passe, "
        "connexion)."
    ),
    "independent2": (
        "Vous êtes à l'aise dans toutes les situations courantes d'utilisation "
        "du numérique et maîtrisez le vocabulaire usuel associé aux "
        "technologies numériques. Vous savez mettre en place une stratégie de "
        "recherche d'information sur le Web et via les réseaux sociaux et "
        "vérifier la fiabilité des informations trouvées. Vous savez utiliser "
        "les principales fonctionnalités des outils collaboratifs et créer des "
        "documents au moyen de différents logiciels (traitement de texte, "
        "tableur, diaporama, images). Vous pouvez mettre en œuvre des "
        "pratiques sécurisées en matière de données personnelles et de "
        "protection de vos appareils. Vous savez adapter vos pratiques "
        "numériques pour limiter leur impact sur l'environnement et sur votre "
        "santé."
    ),
    "advanced1": (
        "Vous avez des pratiques numériques avancées et disposez de "
        "connaissances solides qui vous permettent de faire face seul(e) à des "
        "situations nouvelles. Vous pouvez venir en aide à d'autres personnes. "
        "Vous êtes capable de recourir à des outils spécialisés pour "
        "rechercher de l'information de façon fiable, gérer des réseaux "
        "sociaux, éditer des images et des vidéos. Vous savez produire des "
        "analyses de données et des représentations graphiques adaptées. Vous "
        "savez mettre en place un environnement numérique (installation et "
        "paramétrage). Vous connaissez les enjeux autour du traçage et de la "
        "collecte de données. Vous comprenez les impacts environnementaux et "
        "sociétaux des usages numériques et savez adapter vos pratiques."
    ),
    "advanced2": (
        "Vous avez des pratiques numériques avancées et disposez de "
        "connaissances approfondies, que vous pouvez mettre à profit, pour "
        "vous-même ou pour d'autres, de manière créative et sécurisée. Vous "
        "pouvez accompagner la montée en compétences d'autres personnes. Vous "
        "maîtrisez pleinement votre environnement numérique pour créer et "
        "diffuser des contenus, communiquer et collaborer. Vous savez gérer "
        "votre présence en ligne et choisir les paramètres pertinents pour vos "
        "diffusions. Vous savez programmer et automatiser certaines tâches "
        "(traitement de données, sauvegarde, mise à jour, etc). Vous pouvez "
        "accompagner les autres pour sécuriser leurs pratiques, et notamment "
        "limiter leur impact environnemental et sur la santé."
    ),
    "expert1": (
        "Vous avez des pratiques numériques optimisées et disposez de "
        "connaissances expertes qui vous permettent d'aborder avec méthode des "
        "situations complexes et nouvelles. Vous êtes capable d'analyser un "
        "besoin, de consulter de la documentation même technique et d'évaluer "
        "des solutions numériques pour mettre en œuvre la plus optimale, voire "
        "même de développer vous-mêmes des outils. Vous comprenez les enjeux "
        "économiques, sociétaux, et éthiques associés aux technologies "
        "numériques et pouvez exercer votre esprit critique sur vos pratiques "
        "numériques. Vous êtes en capacité de vous former à de nouvelles "
        "techniques et appréhendez avec aisance les avancées technologiques "
        "les plus récentes, telles que celles permises par l'intelligence "
        "artificielle."
    ),
    "expert2": (
        "Vous êtes capables de documenter vos solutions à des problèmes "
        "nouveaux et spécifiques pour les partager."
    ),
}

GROUP_NAMES = {
    "zero": "Niveau 0",
    "novice": "Novice (1-2)",
    "independent": "Indépendant (3-4)",
    "advanced": "Avancé (5-6)",
    "expert": "Expert (7-8)",
    "untested": "Non évaluée (-)",
}

DOMAIN_NAMES = {
    "1": "Information et données",
    "2": "Communication et collaboration",
    "3": "Création de contenus",
    "4": "Protection et sécurité",
    "5": "Environnement numérique",
}

COMPETENCE_NAMES = {
    "1.1": "Mener une recherche et une veille d'informations",
    "1.2": "Gérer des données",
    "1.3": "Traiter des données",
    "2.1": "Interagir",
    "2.2": "Partager et publier",
    "2.3": "Collaborer",
    "2.4": "S'insérer dans le monde numérique",
    "3.1": "Développer des documents textuels",
    "3.2": "Développer des documents multimédia",
    "3.3": "Adapter les documents à leur finalité",
    "3.4": "Programmer",
    "4.1": "Sécuriser l'environnement informatique",
    "4.2": "Protéger les données personnelles et la vie privée",
    "4.3": "Protéger la santé, le bien-être et l'environnement",
    "5.1": "Résoudre des problèmes techniques",
    "5.2": "Construire un environnement numérique",
}

STATUS_NAMES = {
    "validated": "Validée",
    "rejected": "Rejetée",
    "cancelled": "Annulée",
    "error": "En erreur",
    "started": "Démarrée",
}

STATUS_MEANINGS = {
    "validated": (
        "La certification est validée : le candidat a répondu à assez de "
        "questions pour que son score soit calculé. Le niveau global se lit "
        "dans la feuille Niveaux."
    ),
    "rejected": (
        "La certification est rejetée : le candidat a répondu à trop peu de "
        "questions pour qu'un score soit calculé, ou une fraude a été "
        "suspectée. Aucun certificat n'est délivré ; ses 0 pix ne sont pas un "
        "niveau."
    ),
    "cancelled": (
        "La certification est annulée : un problème technique a empêché le "
        "test de se dérouler correctement, le score et les niveaux ne peuvent "
        "pas être certifiés. Vous pouvez proposer au candidat une nouvelle "
        "session de certification."
    ),
    "error": (
        "La certification est en erreur : Pix n'a pas pu établir de résultat. "
        "Contactez le support Pix ou proposez une nouvelle session au "
        "candidat."
    ),
    "started": (
        "La certification est démarrée mais pas terminée : aucun résultat "
        "n'est encore disponible. Attendez la fin de la session ou la "
        "validation par le jury Pix."
    ),
}

UNKNOWN_STATUS = (
    "Statut inconnu de Pix : aucun niveau n'est calculé. Vérifiez cette ligne "
    "dans le fichier d'origine."
)
INVALID_SCORE = (
    "Score absent ou hors de l'échelle Pix (0 à 1024 pix) : aucun niveau n'est "
    "calculé. Vérifiez cette ligne dans le fichier d'origine."
)

# The "Niveaux" sheet.
LEVELS_TITLE = "Les niveaux globaux Pix, selon le score en pix"
LEVELS_HEADER = ("Score minimum", "Score maximum", "Niveau", "Description")
LEVELS_NOTES = (
    (
        "Le score maximum délivré aujourd'hui par Pix est de 895 pix : le niveau "
        "Expert 2 (896 à 1024 pix) n'est pas encore délivré."
    ),
    (
        "Chacune des 16 compétences a 8 niveaux ; chaque niveau vaut 8 pix, d'où "
        "un maximum théorique de 16 × 8 × 8 = 1024 pix."
    ),
)

# The "Compétences" sheet.
COMPETENCES_TITLE = "Les 16 compétences évaluées par Pix, en 5 domaines"
COMPETENCES_HEADER = ("Code", "Compétence", "Domaine")
KEY_TITLE = "Couleurs des niveaux de compétence dans la feuille Résultats"
KEY_HEADER = ("Couleur", "Niveaux")

# The "Statuts" sheet.
STATUSES_TITLE = "Ce que signifie le statut de chaque candidat"
STATUSES_HEADER = ("Statut", "Signification")
RULES_TITLE = "Les règles de la certification Pix"
RULES = (
    (
        "Le test comporte 32 questions, adaptées en temps réel aux réponses du "
        "candidat, à traiter en 1 h 45."
    ),
    (
        "32 questions traitées : le certificat indique le score le plus proche de "
        "la capacité réelle du candidat."
    ),
    (
        "Entre 20 et 31 questions traitées : une pénalité est appliquée, selon le "
        "nombre de questions sans réponse."
    ),
    (
        "Moins de 20 questions traitées : aucun score ne peut être calculé et "
        "aucun certificat n'est délivré."
    ),
    (
        "La certification peut être annulée si un problème technique a empêché la "
        "session de se dérouler correctement."
    ),
    (
        "Le tiret « - » signifie qu'il n'y a pas de score ou pas de niveau : "
        "compétence non évaluée, ou certification non validée."
    ),
)
PRIVACY_NOTE = "Données personnelles retirées de ce classeur à la demande : {columns}."

# The "Anomalies" sheet.
ANOMALIES_TITLE = "Valeurs inattendues trouvées dans le fichier"
ANOMALIES_HEADER = ("Ligne", "Colonne", "Valeur", "Problème")
ANOMALIES_NONE = "Aucune anomalie : toutes les valeurs sont conformes."
ANOMALY_PROBLEMS = {
    "unknown_status": "Statut inconnu de Pix : aucun niveau calculé.",
    "missing_score": "Certification validée sans score : aucun niveau calculé.",
    "invalid_score": "Score qui n'est pas un nombre entier : aucun niveau calculé.",
    "score_out_of_range": "Score hors de l'échelle 0 à 1024 pix : aucun niveau "
    "calculé.",
    "undelivered_score": "Score au-delà de 895 pix, que Pix ne délivre pas "
    "aujourd'hui : niveau Expert 2 selon le guide, à vérifier.",
    "invalid_level": "Niveau de compétence qui n'est pas un nombre entier.",
    "level_out_of_range": "Niveau de compétence hors de l'échelle 0 à 8.",
    "duplicate": "Numéro de certification déjà vu ligne {first}.",
}

# The columns the tool needs, as refusals name them.
COLUMN_NAMES = {"status": "Statut", "score": "Nombre de Pix"}
# Header cells written above a table that has none, in the guide's words.
GUIDE_HEADERS = {"status": "Statut", "score": "Nombre de pix certifiés"}
# How a message quotes a name it shows (a sheet, a file).
QUOTED = "« {text} »"

# Help of the command and its options. It shows before --lang is read, so
# the command shows it in both languages (see cli.py).
HELP = {
    "app": "Enrichit le fichier de résultats de certification Pix.",
    "enrich": "Écrit le classeur enrichi : niveaux, couleurs, explications.",
    "inputs": "Fichier(s) de résultats Pix (.csv, .xlsx, .xls, .ods) ou dossier.",
    "output": "Classeur à écrire (par défaut : <fichier>-enrichi.xlsx).",
    "force": "Remplacer le classeur de sortie s'il existe.",
    "sheet": "Feuille à lire dans un classeur à plusieurs feuilles.",
    "lang": "Langue du classeur et des messages : fr ou en.",
    "no_personal_data": "Retirer date et lieu de naissance et identifiant externe.",
    "formulas": "Niveau global et description en formules, qui suivent le score "
    "s'il est corrigé dans le classeur.",
    "check": "Vérifie le(s) fichier(s) sans rien écrire : candidats, statuts, "
    "niveaux, anomalies.",
    "json": "Afficher le résumé en JSON, pour un script.",
}

# Messages of the command.
MESSAGES = {
    "rows_read": "{rows} candidats lus dans {source}.",
    "sheet_used": "Feuille utilisée : « {sheet} ».",
    "sheet_used_in": "Feuille utilisée dans {file} : « {sheet} ».",
    "sheet_ignored": "--sheet ne s'applique pas à {file} : un CSV n'a qu'un "
    "tableau, lu en entier.",
    "other_sheets": "D'autres feuilles contiennent aussi des résultats : {sheets}"
    " (choisissez-en une avec --sheet).",
    "guide_letters": "En-tête non reconnu : colonnes lues aux places décrites "
    "par le guide Pix (statut en F, score en G, compétences de H à W).",
    "written": "Classeur enrichi écrit : {output}",
    "anomalies": "{count} anomalie(s) trouvée(s), listée(s) dans la feuille "
    "Anomalies :",
    "anomaly_line": "  ligne {row}, colonne « {column} » : {value} ({problem})",
    "anomalies_more": "  … et {count} autre(s).",
    "no_anomaly": "Aucune anomalie.",
    "empty_value": "(vide)",
    "privacy": "Colonnes retirées (données personnelles) : {columns}.",
    "interrupted": "Interrompu : aucun fichier n'a été écrit.",
    "progress": "Enrichissement",
}

ERRORS = {
    "not_found": "Le fichier « {path} » n'existe pas : vérifiez son nom et "
    "son dossier.",
    "is_directory": "« {path} » est un dossier, pas un fichier de résultats : "
    "indiquez le fichier lui-même.",
    "unreadable": "Le fichier « {path} » ne peut pas être lu ({reason}) : "
    "vérifiez vos droits sur ce fichier.",
    "empty": "Le fichier « {path} » est vide : téléchargez à nouveau les "
    "résultats depuis Pix.",
    "no_rows": "Le fichier « {path} » ne contient aucun candidat sous son "
    "en-tête : téléchargez à nouveau les résultats depuis Pix.",
    "not_a_table": "Le fichier « {path} » n'est ni un CSV ni un classeur "
    "lisible : donnez l'export CSV de Pix ou un classeur .xlsx/.ods.",
    "bad_encoding": "Le fichier « {path} » annonce l'encodage {encoding} mais "
    "contient des caractères dans un autre : enregistrez-le à nouveau en CSV "
    "UTF-8 depuis Excel ou LibreOffice, puis relancez.",
    "corrupted": "Le classeur « {path} » est endommagé ou incomplet ({reason}) :"
    " ouvrez-le et enregistrez-le à nouveau, ou repartez de l'export CSV de Pix.",
    "password": "Le classeur « {path} » est protégé par un mot de passe : "
    "enregistrez-en une copie sans mot de passe, puis relancez.",
    "too_big": "Le classeur « {path} » se décompresse en {size} Mo, bien trop "
    "pour un fichier de résultats : vérifiez qu'il s'agit du bon fichier.",
    "no_results_sheet": "Aucune feuille de « {path} » ne contient un tableau "
    "de résultats Pix (feuilles vues : {sheets}) : vérifiez le fichier.",
    "sheet_not_found": "La feuille « {sheet} » n'existe pas dans « {path} » "
    "(feuilles vues : {sheets}) : corrigez l'option --sheet.",
    "missing_columns": "Le fichier « {path} » n'a pas les colonnes {missing} "
    "(en-têtes vus : {seen}) : ce n'est pas un fichier de résultats Pix "
    "complet.",
    "no_header": "Aucun en-tête de résultats Pix trouvé dans « {path} » "
    "(cherchés : {wanted} ; vus : {seen}) : donnez le fichier de résultats "
    "exporté par Pix.",
    "too_many_rows": "Le fichier « {path} » a plus de lignes qu'Excel ne peut "
    "en contenir (1 048 576) : découpez-le en plusieurs fichiers.",
    "too_many_columns": "Le fichier « {path} » a plus de colonnes qu'Excel ne "
    "peut en contenir (16 384) : vérifiez qu'il s'agit du bon fichier.",
    "cell_too_long": "La ligne {row} de « {path} » contient une valeur de "
    "{length} caractères, plus qu'une cellule Excel (32 767) : raccourcissez-la.",
    "row_too_wide": "La ligne {row} de « {path} » a des valeurs au-delà de la "
    "dernière colonne de l'en-tête : vérifiez cette ligne dans le fichier.",
    "same_as_input": "Le fichier de sortie « {path} » est le fichier d'entrée "
    ": choisissez un autre nom avec -o, le fichier d'origine n'est jamais "
    "remplacé.",
    "output_exists": "Le fichier « {path} » existe déjà : ajoutez --force "
    "pour le remplacer, ou choisissez un autre nom avec -o.",
    "output_is_folder": "« {path} » est un dossier : donnez à -o le nom du "
    "classeur à écrire, dossier compris (par exemple dossier/groupe.xlsx).",
    "output_folder_missing": "Le dossier « {path} » n'existe pas : créez-le ou"
    " choisissez un autre emplacement avec -o.",
    "output_not_writable": "Impossible d'écrire dans le dossier « {path} » "
    "({reason}) : choisissez un autre emplacement avec -o.",
    "output_in_use": "Le fichier « {path} » ne peut pas être remplacé : "
    "fermez-le dans Excel ou LibreOffice, puis relancez.",
    "output_required": "Avec plusieurs fichiers d'entrée, indiquez le classeur "
    "à écrire avec -o (par exemple -o groupe.xlsx).",
    "no_input_in_folder": "Le dossier « {path} » ne contient aucun fichier de "
    "résultats (.csv, .xlsx, .xls, .ods) : vérifiez le dossier.",
}

# The "Synthèse" sheet: the group at a glance.
SUMMARY = {
    "title": "Synthèse du groupe",
    "overview": "{candidates} candidat(s) lu(s) dans {files}.",
    "one_candidate": "Un seul candidat : les tableaux suffisent, la feuille ne "
    "dessine pas de graphique.",
    "no_validated": "Aucune certification validée avec un score : pas de niveau "
    "global ni de niveau par compétence à représenter.",
    "statuses_title": "Candidats par statut",
    "status": "Statut",
    "candidates": "Candidats",
    "share": "Part",
    "unknown_status": "Statut inconnu",
    "total": "Total",
    "levels_title": "Niveau global des certifications validées",
    "level": "Niveau global",
    "without_score": "Validée, sans score valide",
    "total_validated": "Total des validées",
    "scores_title": "Score des certifications validées",
    "figure": "Indicateur",
    "pix": "Pix",
    "lowest": "Score le plus bas",
    "median": "Score médian",
    "mean": "Score moyen",
    "highest": "Score le plus haut",
    "competences_title": "Niveau par compétence (certifications validées)",
    "domain": "Domaine",
    "competence": "Compétence",
    "assessed": "Candidats avec un niveau",
    "mean_level": "Niveau moyen",
    "follow_up_title": "Candidats à suivre",
    "follow_up_note": "Certifications annulées, rejetées, en erreur ou "
    "démarrées, et lignes avec une anomalie ; le lien mène à la ligne dans la "
    "feuille Résultats.",
    "follow_up_none": "Aucun candidat à suivre : toutes les certifications sont "
    "validées, sans anomalie.",
    "follow_up_more": "… et {count} autre(s) candidat(s) à suivre, au-delà de la "
    "dernière ligne d'une feuille Excel : filtrez la colonne Statut de la "
    "feuille Résultats.",
    "row": "Ligne",
    "row_link": "Ligne {row}",
    "file": "Fichier",
    "certification": "Numéro de certification",
    "last_name": "Nom",
    "first_name": "Prénom",
    "action": "À faire",
    "chart_statuses": "Répartition des statuts",
    "chart_levels": "Candidats par niveau global",
    "chart_competences": "Niveau moyen par compétence (0 à 8)",
}

# What to do about each candidate of the follow-up list.
FOLLOW_UP = {
    "cancelled": "Proposer une nouvelle session de certification.",
    "rejected": "Aucun certificat délivré : lire le commentaire du jury.",
    "error": "Contacter le support Pix ou proposer une nouvelle session.",
    "started": "Attendre la fin de la session ou la validation par le jury Pix.",
    "anomalies": "Vérifier la ligne : {problems}.",
    "separator": " ; ",
}

# The "check" command: a summary in the terminal, nothing written.
CHECK = {
    "title": "Vérification de {files} (aucun fichier écrit)",
    "anomalies": "{count} anomalie(s) trouvée(s) :",
    "scores": "Score des validées : le plus bas {lowest}, médian {median}, "
    "moyen {mean}, le plus haut {highest} pix.",
    "no_scores": "Aucune certification validée avec un score.",
    "usable": "Utilisable : pix-enhancer enrich peut l'enrichir.",
    "percent": "{value} %",
    "decimal_point": ",",
}
