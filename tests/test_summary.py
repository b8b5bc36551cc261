"""The Synthèse sheet: every figure checked against the input rows.

The expected figures come from tests/synthesis.py, which counts the rows the
test wrote with its own copy of the guide's tables; the charts are checked
by following their references back to the cells they draw.
"""

import csv
import random
import statistics

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from enhancer import summary_sheet
from enhancer.anomalies import Anomaly
from enhancer.assess import Assessment
from enhancer.reference import GROUP_COLOURS, LEVEL_GROUP
from enhancer.summary import Summary
from tests import synthesis
from tests.pixfiles import candidate, group

SHEET = "Synthèse"
STATUS_TITLE = "Candidats par statut"
LEVEL_TITLE = "Niveau global des certifications validées"
SCORE_TITLE = "Score des certifications validées"
COMPETENCE_TITLE = "Niveau par compétence (certifications validées)"
FOLLOW_UP_TITLE = "Candidats à suivre"


def read_pix_csv(path) -> list:
    """The example CSV as dicts, bare digits as numbers, as Pix means them."""
    with open(path, encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream, delimiter=";"))
    return [
        {key: int(value) if value.isdigit() else value for key, value in row.items()}
        for row in rows
    ]


def read_xlsx(path) -> list:
    book = openpyxl.load_workbook(path, read_only=True)
    table = [list(row) for row in book.active.iter_rows(values_only=True)]
    book.close()
    header = table[0]
    return [dict(zip(header, row)) for row in table[1:]]


def synthesis_of(path):
    workbook = openpyxl.load_workbook(path)
    return workbook, workbook[SHEET]


def assert_figures(workbook, expected, merged: bool = False) -> None:
    """Every number of the Synthèse sheet against the expected figures."""
    sheet = workbook[SHEET]
    assert_statuses(sheet, expected)
    assert_levels(sheet, expected)
    assert_scores(sheet, expected)
    assert_competences(sheet, expected)
    assert_follow_up(workbook, expected, merged)


def assert_statuses(sheet, expected) -> None:
    header, rows = synthesis.table(sheet, STATUS_TITLE)
    assert header == ["Statut", None, "Candidats", "Part"]
    figures = synthesis.by_label(rows, 2)
    unknown = expected.statuses[synthesis.UNKNOWN]
    labels = synthesis.STATUSES + ([synthesis.UNKNOWN] if unknown else []) + ["Total"]
    assert list(figures) == labels
    total = expected.candidates
    for label in labels[:-1]:
        count = expected.statuses[label]
        assert figures[label] == [count, pytest.approx(count / total)], label
    assert figures["Total"] == [total, 1]


def assert_levels(sheet, expected) -> None:
    header, rows = synthesis.table(sheet, LEVEL_TITLE)
    assert header == ["Niveau global", None, "Candidats", "Part"]
    figures = synthesis.by_label(rows, 2)
    validated = expected.validated
    names = [name for _, name in synthesis.BANDS]
    extra = [synthesis.WITHOUT_SCORE] if expected.without_score else []
    assert list(figures) == names + extra + ["Total des validées"]
    counts = dict(expected.levels, **{synthesis.WITHOUT_SCORE: expected.without_score})
    for name in names + extra:
        share = pytest.approx(counts[name] / validated)
        assert figures[name] == [counts[name], share], name
    assert figures["Total des validées"] == [validated, 1]
    assert sum(counts[name] for name in names + extra) == validated


def assert_scores(sheet, expected) -> None:
    header, rows = synthesis.table(sheet, SCORE_TITLE)
    assert header == ["Indicateur", None, "Pix"]
    figures = {
        label: values[0] for label, values in synthesis.by_label(rows, 1).items()
    }
    scores = expected.scores
    assert figures == {
        "Score le plus bas": min(scores),
        "Score médian": pytest.approx(statistics.median(scores)),
        "Score moyen": pytest.approx(statistics.mean(scores)),
        "Score le plus haut": max(scores),
    }


def assert_competences(sheet, expected) -> None:
    header, rows = synthesis.table(sheet, COMPETENCE_TITLE)
    assert header == [
        "Domaine",
        "Compétence",
        "Candidats avec un niveau",
        "Niveau moyen",
        *[name for name, _, _ in synthesis.GROUPS],
    ]
    assert [row[1].split(" ")[0] for row in rows] == synthesis.CODES
    for row, code in zip(rows, synthesis.CODES):
        wanted = synthesis.competence_row(expected.competences[code])
        if wanted[1] != "-":
            wanted[1] = pytest.approx(wanted[1])
        assert row[2:] == wanted, code
    domains = [row[0] for row in rows]
    assert [d for d in domains if d] == [
        "1. Information et données",
        "2. Communication et collaboration",
        "3. Création de contenus",
        "4. Protection et sécurité",
        "5. Environnement numérique",
    ]


def assert_follow_up(workbook, expected, merged: bool) -> None:
    sheet = workbook[SHEET]
    if not expected.follow_up:
        row = synthesis.find_row(sheet, FOLLOW_UP_TITLE)
        assert sheet.cell(row + 1, 1).value.startswith("Aucun candidat à suivre")
        return
    header, rows = synthesis.table(sheet, FOLLOW_UP_TITLE, skip=1)
    names = ["Nom", "Prénom", "Numéro de certification", "Statut", "À faire"]
    assert header == ["Ligne", *(["Fichier"] if merged else []), *names]
    start = 2 if merged else 1
    shown = [(row[0], *row[start : start + 4]) for row in rows]
    assert shown == [
        (f"Ligne {r}", last, first, number, status)
        for r, last, first, number, status in expected.follow_up
    ]
    assert_links(workbook, sheet, synthesis.find_row(sheet, "Ligne") + 1, len(rows))


def assert_links(workbook, sheet, first_row: int, count: int) -> None:
    """Each link leads to the candidate's own row in Résultats."""
    results = workbook["Résultats"]
    header = [cell.value for cell in results[1]]
    number_column = header.index("Numéro de certification") + 1
    columns = [cell.value for cell in sheet[first_row - 1]]
    number_at = columns.index("Numéro de certification") + 1
    for row in range(first_row, first_row + count):
        link = sheet.cell(row, 1).hyperlink
        target = int(sheet.cell(row, 1).value.split()[-1])
        assert link.location == f"'Résultats'!A{target}"
        number = sheet.cell(row, number_at).value
        assert results.cell(target, number_column).value == number


def assert_charts(workbook, expected) -> None:
    """Three charts, each drawing the cells of its table."""
    sheet = workbook[SHEET]
    charts = {
        type(chart).__name__ + getattr(chart, "type", ""): chart
        for chart in sheet._charts
    }
    assert sorted(charts) == ["BarChartbar", "BarChartcol", "PieChart"]

    pie = charts["PieChart"].series[0]
    unknown = expected.statuses[synthesis.UNKNOWN]
    labels = synthesis.STATUSES + ([synthesis.UNKNOWN] if unknown else [])
    assert synthesis.column(workbook, synthesis.category_reference(pie)) == labels
    assert synthesis.column(workbook, pie.val.numRef.f) == [
        expected.statuses[label] for label in labels
    ]

    levels = charts["BarChartcol"].series[0]
    names = [name for _, name in synthesis.BANDS]
    assert synthesis.column(workbook, synthesis.category_reference(levels)) == names
    counts = synthesis.column(workbook, levels.val.numRef.f)
    assert counts == [expected.levels[name] for name in names]
    colours = synthesis.point_colours(levels)
    assert colours == {
        index: GROUP_COLOURS[LEVEL_GROUP[key]].lstrip("#").upper()
        for index, key in enumerate(synthesis.LEVEL_KEYS)
    }

    bars = charts["BarChartbar"].series[0]
    categories = synthesis.cells(workbook, synthesis.category_reference(bars))
    assert [label.split(" ")[0] for _, label in categories] == synthesis.CODES
    assert categories[0][0] == "1. Information et données"
    means = synthesis.column(workbook, bars.val.numRef.f)
    for mean, code in zip(means, synthesis.CODES):
        levels_of = expected.competences[code]
        assert mean == (pytest.approx(statistics.mean(levels_of)) if levels_of else "-")
    assert len(set(synthesis.point_colours(bars).values())) == 5

    for chart in charts.values():
        for series in chart.series:
            assert series.val.numRef.f.startswith(f"{SHEET}!")


# The example files.


def test_synthesis_is_the_second_sheet(examples, enriched):
    workbook = enriched(examples["pix"])

    assert workbook.sheetnames[:2] == ["Résultats", SHEET]


@pytest.mark.parametrize("example", ["pix", "guide"])
def test_example_files_figures_and_charts(examples, enriched, example):
    path = examples[example]
    if example == "pix":
        rows, score_header = read_pix_csv(path), synthesis.SCORE_HEADER
    else:
        rows, score_header = read_xlsx(path), "Nombre de pix certifiés"

    workbook = enriched(path)

    expected = synthesis.expected(rows, score_header=score_header)
    assert expected.candidates == 40 and expected.validated == 36
    assert_figures(workbook, expected)
    assert_charts(workbook, expected)


def test_overview_names_the_file_and_the_count(examples, enriched):
    sheet = enriched(examples["pix"])[SHEET]

    assert sheet["A1"].value == "Synthèse du groupe"
    assert sheet["A2"].value == (
        "40 candidat(s) lu(s) dans 20250512_1430_resultats_session_4321.csv."
    )


# A generated group of several hundred candidates, with the odd faults.


def faulty_group(count: int = 360) -> list:
    """A large group with blank lines and values that break the rules."""
    rows = group(count, seed=23)
    rng = random.Random(5)
    faults = [
        ("Statut", "Validé ?"),
        ("Nombre de Pix", 950),
        ("Nombre de Pix", "beaucoup"),
        ("Nombre de Pix", ""),
        ("2.3", 9),
        ("4.1", "x"),
    ]
    for index, (column, value) in zip(rng.sample(range(count), 30), faults * 5):
        rows[index] = dict(rows[index], **{column: value})
    for index in sorted(rng.sample(range(count), 4), reverse=True):
        rows.insert(index, None)
    return rows


def test_several_hundred_candidates(make_input, layout, enriched):
    rows = faulty_group()
    path = make_input(rows, layout, name="groupe")

    workbook = enriched(path)

    # The score is the same value under either layout's header.
    expected = synthesis.expected(rows)
    assert expected.candidates == 360
    assert expected.statuses[synthesis.UNKNOWN] == 5
    assert expected.without_score >= 5
    assert len(expected.follow_up) > 60
    assert_figures(workbook, expected)
    assert_charts(workbook, expected)


def test_follow_up_says_what_to_do(make_input, enriched):
    rows = [
        candidate(1, "Annulée"),
        candidate(2, "Rejetée"),
        candidate(3, "En erreur"),
        candidate(4, "Démarrée"),
        dict(candidate(5, "Validée", score=300), **{"1.1": 12}),
        candidate(6, "Validée", score=300),
    ]
    sheet = enriched(make_input(rows))[SHEET]

    _, follow_up = synthesis.table(sheet, FOLLOW_UP_TITLE, skip=1)
    actions = {row[4]: row[5] for row in follow_up}
    assert actions == {
        "Annulée": "Proposer une nouvelle session de certification.",
        "Rejetée": "Aucun certificat délivré : lire le commentaire du jury.",
        "En erreur": "Contacter le support Pix ou proposer une nouvelle session.",
        "Démarrée": "Attendre la fin de la session ou la validation par le jury Pix.",
        "Validée": "Vérifier la ligne : Niveau de compétence hors de l'échelle 0 à 8.",
    }


# Medians, small groups, and what the sheet says instead of a chart.


def scored(*scores) -> list:
    return [candidate(n, "Validée", score=s) for n, s in enumerate(scores)]


@pytest.mark.parametrize(
    ("scores", "median"),
    [((100, 200, 300, 700), 250), ((100, 200, 700), 200), ((5, 6), 5.5)],
)
def test_median_of_an_even_count_is_the_mean_of_the_two_middle_scores(
    make_input, enriched, scores, median
):
    sheet = enriched(make_input(scored(*scores)))[SHEET]

    _, rows = synthesis.table(sheet, SCORE_TITLE)
    assert synthesis.by_label(rows, 1)["Score médian"] == [median]


def test_one_candidate_has_figures_and_a_sentence_but_no_chart(make_input, enriched):
    rows = scored(420)
    workbook = enriched(make_input(rows))
    sheet = workbook[SHEET]

    assert sheet["A3"].value == (
        "Un seul candidat : les tableaux suffisent, la feuille ne dessine pas de "
        "graphique."
    )
    assert sheet._charts == []
    expected = synthesis.expected(rows)
    assert_statuses(sheet, expected)
    assert_levels(sheet, expected)
    assert_scores(sheet, expected)


def test_no_validated_candidate_has_a_sentence_and_only_the_status_chart(
    make_input, enriched
):
    rows = [candidate(1, "Annulée"), candidate(2, "Rejetée"), candidate(3, "Annulée")]
    workbook = enriched(make_input(rows))
    sheet = workbook[SHEET]

    assert sheet["A3"].value.startswith("Aucune certification validée avec un score")
    assert [type(chart).__name__ for chart in sheet._charts] == ["PieChart"]
    labels = [row[0].value for row in sheet.iter_rows(max_col=1)]
    assert LEVEL_TITLE not in labels and COMPETENCE_TITLE not in labels
    expected = synthesis.expected(rows)
    assert_statuses(sheet, expected)
    assert_follow_up(workbook, expected, merged=False)


def test_no_follow_up_says_so(make_input, enriched):
    sheet = enriched(make_input(scored(100, 500)))[SHEET]

    row = synthesis.find_row(sheet, FOLLOW_UP_TITLE)
    assert sheet.cell(row + 1, 1).value == (
        "Aucun candidat à suivre : toutes les certifications sont validées, sans "
        "anomalie."
    )


# Excel's limits on links and rows.


def test_links_stop_at_excel_limit_then_rows_are_plain_numbers(
    make_input, enriched, monkeypatch
):
    monkeypatch.setattr(summary_sheet, "MAX_LINKS", 3)
    rows = [candidate(n, "Annulée") for n in range(6)]
    sheet = enriched(make_input(rows))[SHEET]

    first = synthesis.find_row(sheet, "Ligne") + 1
    cells = [sheet.cell(first + i, 1) for i in range(6)]
    assert [cell.value for cell in cells] == ["Ligne 2", "Ligne 3", "Ligne 4", 5, 6, 7]
    assert [cell.hyperlink is not None for cell in cells] == [True] * 3 + [False] * 3


def test_follow_up_stops_at_the_last_excel_row_and_counts_the_rest(
    make_input, enriched, monkeypatch
):
    rows = [candidate(n, "Annulée") for n in range(10)]
    plain = enriched(make_input(rows, name="complet"))[SHEET]
    header = synthesis.find_row(plain, "Ligne")
    # A sheet whose last row falls four rows under the list's header.
    monkeypatch.setattr(summary_sheet, "EXCEL_MAX_ROWS", header + 4)

    sheet = enriched(make_input(rows, name="coupe"))[SHEET]

    listed = [sheet.cell(header + i, 1).value for i in range(1, 5)]
    assert listed[:3] == ["Ligne 2", "Ligne 3", "Ligne 4"]
    assert listed[3].startswith("… et 7 autre(s) candidat(s) à suivre")
    assert sheet.max_row == header + 4


def test_names_that_look_like_formulas_stay_text(make_input, enriched):
    rows = [
        dict(candidate(1, "Annulée"), Nom='=HYPERLINK("http://x","y")'),
        candidate(2, "Validée", score=10),
    ]
    workbook = enriched(make_input(rows))
    sheet = workbook[SHEET]

    first = synthesis.find_row(sheet, "Ligne") + 1
    assert sheet.cell(first, 2).value == '=HYPERLINK("http://x","y")'
    assert sheet.cell(first, 2).data_type == "s"
    linked = [
        cell.coordinate
        for row in sheet.iter_rows()
        for cell in row
        if cell.hyperlink is not None
    ]
    assert linked == [f"A{first}"]


# The accumulator itself: fixed memory, exact median.


def assessment(status="validated", score=None, level=None, levels=None):
    return Assessment(status, score, level, levels or {})


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=1024), min_size=1, max_size=80))
def test_median_from_the_histogram_is_the_true_median(scores):
    summary = Summary(keep_follow_up=False)
    for score in scores:
        summary.add(assessment(score=score, level="none"), [])

    figures = summary.score_figures()

    assert figures.median == statistics.median(scores)
    assert figures.mean == pytest.approx(statistics.mean(scores))
    assert (figures.lowest, figures.highest) == (min(scores), max(scores))


def test_follow_up_list_is_kept_on_disk_in_row_order_with_its_types():
    import datetime

    summary = Summary()
    born = datetime.date(2001, 2, 3)
    duplicate = Anomaly(9, "A", 100, "duplicate", "b.csv", first=2)
    for row in range(2, 5002):
        cancelled = assessment("cancelled")
        assert summary.add(cancelled, [])
        summary.record_follow_up(cancelled, [], (row, "Nom", born), row, "a.csv")
    checked = assessment("validated", 10, "none")
    assert summary.add(checked, [duplicate])
    summary.record_follow_up(checked, [duplicate], (100, "X", "Y"), 9)

    items = list(summary.follow_up())
    summary.close()

    assert [item.row for item in items] == [*range(2, 5002), 9]
    assert items[0].certification == 2 and items[0].first_name == born
    assert items[-1].problems == (("duplicate", 2),)
    assert summary.follow_up_count == 5001
    # Nothing in memory grows with the rows: no list longer than the scale.
    sizes = [len(v) for v in vars(summary).values() if isinstance(v, (list, dict))]
    assert max(sizes) <= 1025
