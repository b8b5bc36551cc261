"""The formula mode (--formules), read back with openpyxl.

The levels' correctness as computed by a spreadsheet is proven with
LibreOffice in test_libreoffice.py; here: the cells hold formulas pointing at
the right cells, their cached results are the value mode's, and only the
tool's own two columns hold formulas.
"""

import re
from types import SimpleNamespace

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from enhancer import level_formulas
from enhancer.guide_sheets import (
    LEVEL_DESCRIPTION_COLUMN,
    LEVEL_LOW_COLUMN,
    LEVEL_NAME_COLUMN,
    LEVELS_FIRST_ROW,
    STATUS_MEANING_COLUMN,
    STATUSES_FIRST_ROW,
)
from enhancer.locales import LANGUAGES, fr, load
from enhancer.reference import (
    LEVEL_BANDS,
    STATUS_ALIASES,
    STATUS_SPELLINGS,
    STATUSES,
)
from enhancer.text import normalise
from tests.pixfiles import candidate, session

ADDED = [fr.ADDED_COLUMNS["level"], fr.ADDED_COLUMNS["description"]]
FORMULA_LIKE = ['=HYPERLINK("http://x","y")', "=1+1", "+33 6 12", "@SUM(A1:A2)"]
# A reference to another sheet's cell or range: Sheet!$A$1 or Sheet!$A$1:$A$9.
SHEET_RANGE = re.compile(r"'?([^'!(),{}]+)'?!\$([A-Z]+)\$(\d+)(?::\$([A-Z]+)\$(\d+))?")


def enrich(run_cli, path, *options, name="out"):
    output = path.with_name(f"{name}.xlsx")
    result = run_cli("enrich", path, "-o", output, *options)
    assert result.exit_code == 0, result.stderr
    return output


def results(path, data_only=False):
    return openpyxl.load_workbook(path, data_only=data_only).worksheets[0]


def added_columns(sheet, header_row=1) -> list:
    headers = [cell.value for cell in sheet[header_row]]
    return [headers.index(name) + 1 for name in ADDED]


@pytest.mark.parametrize("option", ["--formules", "--formulas"])
def test_level_and_description_are_formulas(option, run_cli, examples, layout):
    sheet = results(enrich(run_cli, examples[layout], option))
    level, description = added_columns(sheet)
    assert sheet.max_row == 41
    for row in range(2, sheet.max_row + 1):
        for column in (level, description):
            cell = sheet.cell(row, column)
            assert cell.data_type == "f", cell.coordinate
        assert "Niveaux!$C$4:$C$12" in sheet.cell(row, level).value
        assert "Niveaux!$D$4:$D$12" in sheet.cell(row, description).value
        assert "Statuts!$B$5" in sheet.cell(row, description).value


def test_value_mode_writes_no_formula(run_cli, examples, layout):
    sheet = results(enrich(run_cli, examples[layout]))
    formulas = [
        cell for row in sheet.iter_rows() for cell in row if cell.data_type == "f"
    ]
    assert formulas == []


def test_cached_results_are_the_value_mode(run_cli, examples, layout):
    # Every cell of every sheet, formulas read as their cached results.
    values = openpyxl.load_workbook(enrich(run_cli, examples[layout], name="v"))
    formulas = openpyxl.load_workbook(
        enrich(run_cli, examples[layout], "--formules", name="f"), data_only=True
    )
    assert formulas.sheetnames == values.sheetnames
    for name in values.sheetnames:
        got = [list(row) for row in formulas[name].iter_rows(values_only=True)]
        want = [list(row) for row in values[name].iter_rows(values_only=True)]
        assert got == want, name


def test_formulas_read_the_status_and_score_of_their_row(run_cli, examples, layout):
    sheet = results(enrich(run_cli, examples[layout], "--formules"))
    headers = [cell.value for cell in sheet[1]]
    # In both layouts, the score comes right after the status.
    status = get_column_letter(headers.index("Statut") + 1)
    score = get_column_letter(headers.index("Statut") + 2)
    level, description = added_columns(sheet)
    templates = set()
    for row in range(2, sheet.max_row + 1):
        for column in (level, description):
            formula = sheet.cell(row, column).value
            assert f"{status}{row}," in formula or f"{status}{row})" in formula
            assert f"ISNUMBER({score}{row})" in formula
            # Apart from its row number, each row's formula is the same: no
            # value from the input is ever part of it.
            own = re.sub(rf"\b([A-Z]{{1,3}}){row}\b", r"\1#", formula)
            templates.add((column, own))
    assert len(templates) == 2


def test_formulas_point_at_the_guide_sheets_cells(run_cli, examples):
    # Each cell or range the formulas read holds what they expect there.
    book = openpyxl.load_workbook(enrich(run_cli, examples["pix"], "--formules"))
    sheet = book.worksheets[0]
    level, description = added_columns(sheet)
    formulas = sheet.cell(2, level).value + sheet.cell(2, description).value
    bands = {
        "A": [low for _, low, _ in LEVEL_BANDS],
        "C": [fr.LEVEL_NAMES[key] for key, _, _ in LEVEL_BANDS],
        "D": [fr.LEVEL_DESCRIPTIONS[key] for key, _, _ in LEVEL_BANDS],
    }
    meanings = [fr.STATUS_MEANINGS[status] for status in STATUSES]
    seen = set()
    for name, column, first, last_column, last in SHEET_RANGE.findall(formulas):
        seen.add((name, column, first, last))
        if name == fr.SHEETS["levels"]:
            assert last_column == column
            cells = book[name][f"{column}{first}:{column}{last}"]
            assert [line[0].value for line in cells] == bands[column]
        else:
            assert name == fr.SHEETS["statuses"] and column == "B"
            assert book[name][f"{column}{first}"].value in meanings[1:]
    statuses = [key for key in seen if key[0] == fr.SHEETS["statuses"]]
    assert len(statuses) == len(STATUSES) - 1
    assert {key[1] for key in seen if key[0] == fr.SHEETS["levels"]} == set(bands)


def test_input_text_never_becomes_a_formula(run_cli, make_input):
    rows = [candidate(n) for n in range(6)]
    for row, text in zip(rows, FORMULA_LIKE):
        row["Prénom"] = text
        row["Commentaire jury pour l\u2019organisation"] = text
    rows[4]["Statut"] = "=1+1"
    rows[5]["Nombre de Pix"] = "=2*300"
    sheet = results(enrich(run_cli, make_input(rows), "--formules"))
    level, description = added_columns(sheet)
    for line in sheet.iter_rows(min_row=2):
        for cell in line:
            if cell.column in (level, description):
                assert cell.data_type == "f"
            elif cell.value is not None:
                assert cell.data_type in ("s", "n"), cell.coordinate
    first_names = [sheet.cell(row, 2).value for row in range(2, 6)]
    assert first_names == FORMULA_LIKE


def test_merged_files_formulas_follow_the_moved_columns(run_cli, tmp_path, make_input):
    first = make_input(session(6, seed=1), name="a")
    second = make_input(session(5, seed=2), name="b")
    output = tmp_path / "groupe.xlsx"
    result = run_cli("enrich", first, second, "-o", output, "--formules")
    assert result.exit_code == 0, result.stderr
    sheet = results(output)
    headers = [cell.value for cell in sheet[1]]
    status = get_column_letter(headers.index("Statut") + 1)
    level, _ = added_columns(sheet)
    assert status == "H"  # after the file column
    assert all(f"{status}{r}" in sheet.cell(r, level).value for r in range(2, 13))

    cached = results(output, data_only=True)
    values = results(enrich(run_cli, first, name="seul"), data_only=True)
    assert cached.cell(2, level).value == values.cell(2, level - 1).value


@pytest.mark.parametrize("lang", LANGUAGES)
def test_formulas_fit_excel_limits(lang):
    texts = load(lang)
    plan = SimpleNamespace(status=6, score=16383)
    formulas = level_formulas.LevelFormulas(texts, plan, 28, 29)
    for pieces in (formulas._level, formulas._description):
        formula = "1048576".join(pieces)
        assert len(formula) < level_formulas.MAX_FORMULA_LENGTH
        for constant in re.findall(r'"((?:[^"]|"")*)"', formula):
            units = len(constant.replace('""', '"').encode("utf-16-le")) // 2
            assert units <= level_formulas.MAX_FORMULA_TEXT


@pytest.mark.parametrize("lang", LANGUAGES)
def test_formulas_name_the_sheets_of_their_language(lang):
    texts = load(lang)
    plan = SimpleNamespace(status=5, score=6)
    formulas = level_formulas.LevelFormulas(texts, plan, 23, 24)
    description = "2".join(formulas._description)
    levels = texts.SHEETS["levels"]
    assert f"{levels}!$D$4:$D$12" in description or f"'{levels}'!" in description
    assert texts.UNKNOWN_STATUS.replace('"', '""')[:100] in description


def test_long_text_constants_are_split():
    long = 'Un "texte" ' * 60
    constant = level_formulas.text(long)
    pieces = re.findall(r'"((?:[^"]|"")*)"', constant)
    assert len(pieces) > 2
    assert constant == "&".join(f'"{piece}"' for piece in pieces)
    assert "".join(piece.replace('""', '"') for piece in pieces) == long
    assert level_formulas.text('dit "oui"') == '"dit ""oui"""'


def test_status_spellings_are_aliases_with_accents():
    # Each accented spelling is an alias the value mode knows, for the same
    # status, and every accented status name Pix writes is there.
    for spelling, status in STATUS_SPELLINGS.items():
        assert spelling != normalise(spelling)
        assert STATUS_ALIASES[normalise(spelling)] == status
    for status, name in fr.STATUS_NAMES.items():
        lowered = " ".join(name.lower().split())
        assert lowered in STATUS_SPELLINGS or lowered in STATUS_ALIASES


def test_guide_sheet_positions_are_where_the_sheets_write(run_cli, examples):
    book = openpyxl.load_workbook(enrich(run_cli, examples["pix"]))
    levels, statuses = book[fr.SHEETS["levels"]], book[fr.SHEETS["statuses"]]
    for offset, (key, low, _) in enumerate(LEVEL_BANDS):
        row = LEVELS_FIRST_ROW + 1 + offset
        assert levels.cell(row, LEVEL_LOW_COLUMN + 1).value == low
        assert levels.cell(row, LEVEL_NAME_COLUMN + 1).value == fr.LEVEL_NAMES[key]
        description = levels.cell(row, LEVEL_DESCRIPTION_COLUMN + 1).value
        assert description == fr.LEVEL_DESCRIPTIONS[key]
    for offset, status in enumerate(STATUSES):
        row = STATUSES_FIRST_ROW + 1 + offset
        cell = statuses.cell(row, STATUS_MEANING_COLUMN + 1)
        assert cell.value == fr.STATUS_MEANINGS[status]
