"""The sheets that explain the results: Niveaux, Compétences, Statuts.

The expected words come from Pix's guide, written out here, so that a typo in
the locale module shows up as a failing test.
"""

import pytest

from enhancer.locales import fr
from enhancer.reference import GROUP_COLOURS
from tests.pixfiles import session

SHEETS = ["Résultats", "Niveaux", "Compétences", "Statuts"]

# (lowest, highest, name, first words of the description) from the guide.
GUIDE_LEVELS = [
    (0, 63, "Aucun niveau atteint", "Vous avez terminé votre test de certification"),
    (64, 127, "Novice 1", "Vous avez des pratiques numériques simples en ayant"),
    (128, 255, "Novice 2", "Vous avez des pratiques numériques simples, avec de"),
    (256, 383, "Indépendant 1", "Vous avez des pratiques numériques simples en auto"),
    (384, 511, "Indépendant 2", "Vous êtes à l'aise dans toutes les situations"),
    (512, 639, "Avancé 1", "Vous avez des pratiques numériques avancées et dispos"),
    (640, 767, "Avancé 2", "Vous avez des pratiques numériques avancées et dispos"),
    (768, 895, "Expert 1", "Vous avez des pratiques numériques optimisées"),
    (896, 1024, "Expert 2", "Vous êtes capables de documenter vos solutions"),
]
# The last words of each description, which tell apart those that start alike.
GUIDE_LEVEL_ENDINGS = [
    "l'obtention du premier niveau.",
    "et accéder à des services en ligne.",
    "protéger ses comptes avec des mots de passe sûrs.",
    "résoudre les problèmes courants (mot de passe, connexion).",
    "pour limiter leur impact sur l'environnement et sur votre santé.",
    "et savez adapter vos pratiques.",
    "limiter leur impact environnemental et sur la santé.",
    "telles que celles permises par l'intelligence artificielle.",
    "nouveaux et spécifiques pour les partager.",
]
# The 16 competences as the guide names them ("à leurs finalité" corrected).
GUIDE_COMPETENCES = {
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
GUIDE_DOMAINS = {
    "1": "Information et données",
    "2": "Communication et collaboration",
    "3": "Création de contenus",
    "4": "Protection et sécurité",
    "5": "Environnement numérique",
}
# The colour key: the levels a colour stands for, and its group.
COLOUR_KEY = [
    ("0", "zero"),
    ("1-2", "novice"),
    ("3-4", "independent"),
    ("5-6", "advanced"),
    ("7-8", "expert"),
    ("-", "untested"),
]
STATUS_NAMES = ["Validée", "Rejetée", "Annulée", "En erreur", "Démarrée"]


@pytest.fixture
def workbook(make_input, enriched):
    return enriched(make_input(session(10)))


def rows_of(sheet) -> list:
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def table_under(sheet, header: tuple) -> list:
    """The rows under a header row, up to the first blank row."""
    rows = rows_of(sheet)
    start = next(i for i, row in enumerate(rows) if tuple(row[: len(header)]) == header)
    table = []
    for row in rows[start + 1 :]:
        if all(value is None for value in row):
            break
        table.append(row[: len(header)])
    return table


def all_text(sheet) -> str:
    return " ".join(str(v) for row in rows_of(sheet) for v in row if v is not None)


def test_workbook_has_the_four_sheets_in_order(workbook):
    # Other sheets (a summary, the anomalies) may sit between them.
    assert workbook.sheetnames[0] == "Résultats"
    assert [name for name in workbook.sheetnames if name in SHEETS] == SHEETS


# Niveaux.


def test_levels_sheet_lists_the_nine_bands(workbook):
    table = table_under(workbook["Niveaux"], fr.LEVELS_HEADER)

    assert [(low, high, name) for low, high, name, _ in table] == [
        (low, high, name) for low, high, name, _ in GUIDE_LEVELS
    ]
    assert all(
        isinstance(low, int) and isinstance(high, int) for low, high, *_ in table
    )


@pytest.mark.parametrize("index", range(len(GUIDE_LEVELS)))
def test_levels_sheet_gives_the_guide_description(workbook, index):
    description = table_under(workbook["Niveaux"], fr.LEVELS_HEADER)[index][3]
    _, _, _, start = GUIDE_LEVELS[index]

    assert description.startswith(start)
    assert description.endswith(GUIDE_LEVEL_ENDINGS[index])


def test_levels_sheet_says_895_is_the_highest_score_delivered(workbook):
    text = all_text(workbook["Niveaux"])
    assert "895 pix" in text
    assert "Expert 2" in text and "pas encore délivré" in text


def test_levels_sheet_names_are_coloured_by_band(workbook):
    sheet = workbook["Niveaux"]
    groups = ["zero", "novice", "novice", "independent", "independent"]
    groups += ["advanced", "advanced", "expert", "expert"]
    names = [row[2] for row in sheet.iter_rows(min_row=4, max_row=12)]

    assert [cell.value for cell in names] == [name for *_, name, _ in GUIDE_LEVELS]
    for cell, group in zip(names, groups):
        assert cell.fill.fgColor.rgb == "FF" + GROUP_COLOURS[group][1:].upper()


# Compétences.


def test_competences_sheet_lists_the_sixteen_competences(workbook):
    table = table_under(workbook["Compétences"], fr.COMPETENCES_HEADER)

    assert [row[0] for row in table] == list(GUIDE_COMPETENCES)
    assert {row[0]: row[1] for row in table} == GUIDE_COMPETENCES


def test_competences_sheet_gives_each_its_domain(workbook):
    table = table_under(workbook["Compétences"], fr.COMPETENCES_HEADER)

    domains = {row[2] for row in table}
    assert domains == {f"{code}. {name}" for code, name in GUIDE_DOMAINS.items()}
    for code, _, domain in table:
        assert domain.startswith(code.split(".")[0] + ". ")


def test_competences_sheet_has_the_colour_key(workbook):
    sheet = workbook["Compétences"]
    key = table_under(sheet, fr.KEY_HEADER)

    assert [row[0] for row in key] == [levels for levels, _ in COLOUR_KEY]
    assert [row[1] for row in key] == [fr.GROUP_NAMES[group] for _, group in COLOUR_KEY]
    cells = {row[0].value: row[0] for row in sheet.iter_rows() if row[0].value}
    for levels, group in COLOUR_KEY:
        fill = cells[levels].fill.fgColor.rgb
        assert fill == "FF" + GROUP_COLOURS[group][1:].upper(), levels


# Statuts.


def test_statuses_sheet_explains_each_status(workbook):
    table = table_under(workbook["Statuts"], fr.STATUSES_HEADER)
    meanings = dict(table)

    assert [name for name, _ in table] == STATUS_NAMES
    assert all(meaning and len(meaning) > 40 for meaning in meanings.values())
    assert "trop peu de questions" in meanings["Rejetée"]
    assert "fraude" in meanings["Rejetée"]
    assert "problème technique" in meanings["Annulée"]
    assert "nouvelle session" in meanings["Annulée"]


@pytest.mark.parametrize(
    "words",
    [
        ("32 questions", "1 h 45"),
        ("32 questions traitées", "le plus proche de la capacité réelle"),
        ("Entre 20 et 31 questions", "pénalité"),
        ("Moins de 20 questions", "aucun score", "aucun certificat"),
        ("annulée", "problème technique"),
    ],
    ids=["duration", "all-32", "20-to-31", "under-20", "cancellation"],
)
def test_statuses_sheet_states_the_guide_rule(workbook, words):
    rules = [row[1] for row in rows_of(workbook["Statuts"]) if row[0] == "•"]
    assert any(all(word in rule for word in words) for rule in rules), words


@pytest.mark.parametrize("name", ["Niveaux", "Compétences", "Statuts"])
def test_guide_sheets_print_landscape_one_page_wide(workbook, name):
    sheet = workbook[name]

    assert sheet.page_setup.orientation == "landscape"
    assert sheet.sheet_properties.pageSetUpPr.fitToPage is True
    assert sheet.page_setup.fitToHeight == 0
    assert sheet.print_title_rows == "$3:$3"
