"""The global level: the guide's score bands, and what each status gets.

The bands are written out here as the guide prints them, so that a mistake
in enhancer/reference.py cannot hide behind the same mistake in a test.
"""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from enhancer.locales import fr
from enhancer.reference import COMPETENCES
from enhancer.values import level_of_score
from tests.pixfiles import candidate

# (lowest score, highest score, level name) from the guide's table.
GUIDE_BANDS = [
    (0, 63, "Aucun niveau atteint"),
    (64, 127, "Novice 1"),
    (128, 255, "Novice 2"),
    (256, 383, "Indépendant 1"),
    (384, 511, "Indépendant 2"),
    (512, 639, "Avancé 1"),
    (640, 767, "Avancé 2"),
    (768, 895, "Expert 1"),
    (896, 1024, "Expert 2"),
]
# Every score on either side of every boundary, with the level it falls in.
BOUNDARIES = [(score, name) for low, high, name in GUIDE_BANDS for score in (low, high)]
STATUSES = ["Validée", "Rejetée", "Annulée", "En erreur", "Démarrée"]
NOT_VALIDATED = STATUSES[1:]

LEVEL_HEADER = "Niveau global"
DESCRIPTION_HEADER = "Description du niveau"


def level_name(score: int) -> str:
    return fr.LEVEL_NAMES[level_of_score(score)]


def results_rows(workbook) -> list:
    """The Résultats sheet as dicts keyed by header, one per candidate."""
    rows = list(workbook["Résultats"].iter_rows(values_only=True))
    header = rows[0]
    return [dict(zip(header, row)) for row in rows[1:]]


def test_boundaries_cover_every_band_edge():
    scores = [score for score, _ in BOUNDARIES]
    assert scores == [
        0, 63, 64, 127, 128, 255, 256, 383, 384,
        511, 512, 639, 640, 767, 768, 895, 896, 1024,
    ]  # fmt: skip


@pytest.mark.parametrize(("score", "name"), BOUNDARIES)
def test_level_of_score_at_each_boundary(score, name):
    assert level_name(score) == name


@given(st.integers(min_value=0, max_value=1024))
def test_every_score_falls_in_the_guide_band_that_holds_it(score):
    expected = [name for low, high, name in GUIDE_BANDS if low <= score <= high]
    assert [level_name(score)] == expected


def test_every_level_has_a_non_empty_description():
    for low, _, name in GUIDE_BANDS:
        key = level_of_score(low)
        assert fr.LEVEL_NAMES[key] == name
        assert fr.LEVEL_DESCRIPTIONS[key].startswith("Vous ")


def test_no_level_reached_is_a_phrase_not_a_dash():
    name = level_name(0)
    assert name.strip() and name != "-"
    assert "aucun niveau" in name.lower()


@pytest.fixture
def boundary_workbook(make_input, enriched, layout):
    """One validated candidate per boundary score, in the given layout."""
    rows = [
        candidate(number, "Validée", score=score)
        for number, (score, _) in enumerate(BOUNDARIES)
    ]
    return enriched(make_input(rows, layout))


def test_global_level_at_each_boundary_in_the_workbook(boundary_workbook, layout):
    score_header = "Nombre de Pix" if layout == "pix" else "Nombre de pix certifiés"
    rows = results_rows(boundary_workbook)

    assert [row[score_header] for row in rows] == [s for s, _ in BOUNDARIES]
    assert [row[LEVEL_HEADER] for row in rows] == [n for _, n in BOUNDARIES]
    for row, (score, _) in zip(rows, BOUNDARIES):
        key = level_of_score(score)
        assert row[DESCRIPTION_HEADER] == fr.LEVEL_DESCRIPTIONS[key]


def test_global_level_cells_are_text_and_score_cells_numbers(boundary_workbook):
    sheet = boundary_workbook["Résultats"]
    header = [cell.value for cell in sheet[1]]
    score_headers = {"Nombre de Pix", "Nombre de pix certifiés"}
    score = next(i for i, name in enumerate(header, 1) if name in score_headers)
    level = header.index(LEVEL_HEADER) + 1
    for row in range(2, len(BOUNDARIES) + 2):
        assert sheet.cell(row, score).data_type == "n"
        assert sheet.cell(row, level).data_type == "s"


@pytest.fixture
def status_workbook(make_input, enriched, layout):
    """One candidate per status, validated one scored 450 pix."""
    rows = [
        candidate(number, status, score=450 if status == "Validée" else None)
        for number, status in enumerate(STATUSES)
    ]
    return results_rows(enriched(make_input(rows, layout)))


def test_validated_candidate_gets_the_level_of_the_score(status_workbook):
    validated = status_workbook[0]
    assert validated["Statut"] == "Validée"
    assert validated[LEVEL_HEADER] == "Indépendant 2"
    assert validated[DESCRIPTION_HEADER] == fr.LEVEL_DESCRIPTIONS["independent2"]


@pytest.mark.parametrize("status", NOT_VALIDATED)
def test_non_validated_status_gets_a_dash_and_its_meaning(status_workbook, status):
    row = status_workbook[STATUSES.index(status)]
    key = {
        "Rejetée": "rejected",
        "Annulée": "cancelled",
        "En erreur": "error",
        "Démarrée": "started",
    }[status]

    assert row["Statut"] == status
    assert row[LEVEL_HEADER] == "-"
    assert row[DESCRIPTION_HEADER] == fr.STATUS_MEANINGS[key]
    assert row[DESCRIPTION_HEADER] not in fr.LEVEL_DESCRIPTIONS.values()


def test_rejected_candidate_zero_pix_is_not_a_level(status_workbook, layout):
    rejected = status_workbook[STATUSES.index("Rejetée")]
    score_header = "Nombre de Pix" if layout == "pix" else "Nombre de pix certifiés"

    assert rejected[score_header] == 0
    assert rejected[LEVEL_HEADER] == "-"
    description = rejected[DESCRIPTION_HEADER].lower()
    assert "trop peu de questions" in description
    assert "fraude" in description


def test_cancelled_candidate_description_offers_a_new_session(status_workbook):
    cancelled = status_workbook[STATUSES.index("Annulée")]
    description = cancelled[DESCRIPTION_HEADER].lower()
    assert "problème technique" in description
    assert "nouvelle session" in description


@pytest.mark.parametrize("status", NOT_VALIDATED)
def test_non_validated_competences_stay_dashes(status_workbook, status):
    row = status_workbook[STATUSES.index(status)]
    assert [row[code] for code in COMPETENCES] == ["-"] * len(COMPETENCES)


@pytest.mark.parametrize(
    "written", ["validée", " VALIDEE ", "Validee", "Validée\u00a0"]
)
def test_status_spelling_variants_still_get_a_level(make_input, enriched, written):
    row = candidate(1, "Validée", score=700)
    row["Statut"] = written
    rows = results_rows(enriched(make_input([row])))
    assert rows[0]["Statut"] == written
    assert rows[0][LEVEL_HEADER] == "Avancé 2"
