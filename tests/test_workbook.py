"""The Résultats sheet, read back with openpyxl: values, colours, layout.

Every test builds its input in tmp_path, runs the command, and inspects the
workbook the way Excel would show it.
"""

import csv
import datetime
import re
import zipfile

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from enhancer.locales import fr
from enhancer.reference import COMPETENCES, GROUP_COLOURS
from tests.pixfiles import (
    GUIDE_HEADER,
    PIX_HEADER,
    as_table,
    candidate,
    guide_table,
    session,
    write_xlsx,
)

COMPLEMENTARY = ["Certification CléA Numérique", "Certification Pix+ Droit Maître"]
ADDED = ["Niveau global", "Description du niveau"]
# The colour group of each competence level, as the issue lists them.
LEVEL_GROUPS = {
    0: "zero",
    1: "novice",
    2: "novice",
    3: "independent",
    4: "independent",
    5: "advanced",
    6: "advanced",
    7: "expert",
    8: "expert",
}
GLOBAL_GROUPS = {
    "Aucun niveau atteint": "zero",
    "Novice 1": "novice",
    "Novice 2": "novice",
    "Indépendant 1": "independent",
    "Indépendant 2": "independent",
    "Avancé 1": "advanced",
    "Avancé 2": "advanced",
    "Expert 1": "expert",
    "Expert 2": "expert",
}
FORMULA_LIKE = [
    '=HYPERLINK("http://x","y")',
    "=1+1",
    "+33 6 12 34 56 78",
    "-x",
    "@SUM(A1:A2)",
    "http://example.com",
]


def with_complementary(count: int) -> list:
    """Pix's header with complementary-certification columns after Statut."""
    at = PIX_HEADER.index("Statut") + 1
    return PIX_HEADER[:at] + COMPLEMENTARY[:count] + PIX_HEADER[at:]


def complementary_rows(count: int = 12) -> list:
    rows = session(count)
    for number, row in enumerate(rows):
        # The main status alone decides the level, whatever these say.
        row[COMPLEMENTARY[0]] = ["Validée", "Rejetée", "Non passée"][number % 3]
        row[COMPLEMENTARY[1]] = "En erreur" if number % 2 else "Annulée"
    return rows


def results(workbook):
    return workbook["Résultats"]


def header_of(sheet, row: int = 1) -> list:
    return [cell.value for cell in sheet[row]]


def letter_of(sheet, name, row: int = 1) -> str:
    return get_column_letter(header_of(sheet, row).index(name) + 1)


def expected_csv_cells(rows: list, header: list) -> list:
    """What each CSV cell holds: numbers bare, text quoted, empty is nothing."""
    table = []
    for row in rows:
        values = [row.get(name, "") for name in header]
        table.append([None if value == "" else value for value in values])
    return table


def column_width(sheet, index: int):
    for dimension in sheet.column_dimensions.values():
        if dimension.min and dimension.min <= index <= dimension.max:
            return dimension.width
    return None


# Every original value reaches the output unchanged.


@pytest.mark.parametrize("shift", [0, 1, 2])
def test_csv_values_preserved_cell_by_cell(make_input, enriched, shift):
    header = with_complementary(shift)
    rows = complementary_rows()
    rows[3]["Identifiant Externe"] = "00123"
    rows[4]["Identifiant Externe"] = "4567"
    path = make_input(rows, header=header)

    sheet = results(enriched(path))

    assert header_of(sheet) == header + ADDED
    assert sheet.max_row == len(rows) + 1
    expected = expected_csv_cells(rows, header)
    for r, expected_row in enumerate(expected, start=2):
        for c, value in enumerate(expected_row, start=1):
            got = sheet.cell(r, c).value
            assert got == value, (r, c)
            assert type(got) is type(value), (r, c, got)


def test_csv_identifiers_and_dates_stay_text(make_input, enriched):
    row = candidate(1)
    row["Identifiant Externe"] = "00123"
    row["Date de naissance"] = "03/04/2001"
    sheet = results(enriched(make_input([row])))

    identifier = sheet[f"{letter_of(sheet, 'Identifiant Externe')}2"]
    born = sheet[f"{letter_of(sheet, 'Date de naissance')}2"]
    taken = sheet[f"{letter_of(sheet, 'Date de passage de la certification')}2"]
    assert (identifier.value, identifier.data_type) == ("00123", "s")
    assert (born.value, born.data_type) == ("03/04/2001", "s")
    assert (taken.value, taken.data_type) == ("12/05/2025", "s")
    assert sheet[f"{letter_of(sheet, 'Numéro de certification')}2"].value == 100001


def test_quoted_scores_and_levels_become_numbers(tmp_path, enriched):
    # A CSV where every field is quoted, as some tools re-save it.
    row = candidate(
        1, score=452, levels=[3, 4, "-", 2, 5, 0, 1, 8, 7, 6, 3, 3, 2, 1, 0, 4]
    )
    table = [[("" if v is None else str(v)) for v in line] for line in as_table([row])]
    path = tmp_path / "resultats.csv"
    with open(path, "w", encoding="utf-8-sig", newline="") as stream:
        csv.writer(stream, delimiter=";", quoting=csv.QUOTE_ALL).writerows(table)

    sheet = results(enriched(path))

    values = dict(zip(header_of(sheet), header_of(sheet, 2)))
    assert values["Nombre de Pix"] == 452
    assert [values[code] for code in COMPETENCES] == row_levels(row)
    # Columns the guide does not define keep the text they had.
    assert values["Numéro de certification"] == "100001"
    assert values["Session"] == "4321"


def row_levels(row: dict) -> list:
    return [row[code] for code in COMPETENCES]


def test_xlsx_values_preserved_cell_by_cell(tmp_path, enriched):
    table = guide_table(session(10))
    table[1][3] = datetime.date(1990, 1, 2)
    table[2][3] = datetime.datetime(1985, 6, 7, 13, 45)
    table[3][1] = 1.5
    table[4][1] = True
    table[5][0] = "00123"
    table[6][4] = "=text, not a formula"
    source = openpyxl.Workbook()
    for line in table:
        source.active.append(line)
    # openpyxl takes any "=..." for a formula unless told it is text.
    source.active["E7"].data_type = "s"
    path = tmp_path / "resultats.xlsx"
    source.save(path)

    sheet = results(enriched(path))

    original = openpyxl.load_workbook(path).active
    assert header_of(sheet) == GUIDE_HEADER + ADDED
    assert sheet.max_row == original.max_row
    for row in original.iter_rows():
        for cell in row:
            got = sheet.cell(cell.row, cell.column)
            assert got.value == cell.value, cell.coordinate
            assert type(got.value) is type(cell.value), cell.coordinate
            assert got.is_date == cell.is_date, cell.coordinate


def test_guide_layout_without_header_is_read_by_its_letters(tmp_path, run_cli):
    # No header row: status in F, score in G, levels in H-W, as the guide says.
    rows = [candidate(1, score=300), candidate(2, "Rejetée")]
    table = guide_table(rows)[1:]
    path = write_xlsx(tmp_path / "sans_entete.xlsx", table)
    result = run_cli("enrich", path)

    assert result.exit_code == 0, result.stderr
    assert fr.MESSAGES["guide_letters"] in result.stdout
    sheet = results(openpyxl.load_workbook(tmp_path / "sans_entete-enrichi.xlsx"))
    level, description = letter_of(sheet, ADDED[0]), letter_of(sheet, ADDED[1])
    assert sheet[f"{level}2"].value == "Indépendant 1"
    assert sheet[f"{level}3"].value == "-"
    assert sheet[f"{description}3"].value == fr.STATUS_MEANINGS["rejected"]
    assert [sheet.cell(2, c).value for c in range(1, 24)] == table[0]


# Columns are found by their header, wherever they are.


@pytest.mark.parametrize("shift", [0, 1, 2])
def test_columns_found_when_shifted_by_complementary_certifications(
    make_input, enriched, shift
):
    header = with_complementary(shift)
    rows = complementary_rows()
    sheet = results(enriched(make_input(rows, header=header)))

    level = letter_of(sheet, ADDED[0])
    for r, row in enumerate(rows, start=2):
        if row["Statut"] == "Validée":
            assert sheet[f"{level}{r}"].value not in (None, "-"), r
        else:
            assert sheet[f"{level}{r}"].value == "-", r
    first = letter_of(sheet, "1.1")
    assert first == get_column_letter(9 + shift)
    assert sheet[f"{first}1"].comment.text.startswith("1.1 ")


@pytest.mark.parametrize(
    ("status", "score"),
    [
        ("STATUT", "NOMBRE DE PIX"),
        (" statut ", "Nombre  de  pix"),
        ("Statut", "Nombre de pix certifiés"),
    ],
)
def test_columns_found_whatever_the_case_spaces_and_accents(
    make_input, enriched, status, score
):
    header = [status if n == "Statut" else n for n in with_complementary(1)]
    header = [score if n == "Nombre de Pix" else n for n in header]
    rows = [candidate(1, score=520), candidate(2, "Annulée")]
    for row in rows:
        row[status], row[score] = row["Statut"], row["Nombre de Pix"]
    sheet = results(enriched(make_input(rows, header=header)))

    level = letter_of(sheet, ADDED[0])
    assert header_of(sheet)[: len(header)] == header
    assert [sheet[f"{level}2"].value, sheet[f"{level}3"].value] == ["Avancé 1", "-"]


# Conditional formats: the sixteen competence columns and the global level.


def rule_matches(rule, value) -> bool:
    """Whether a conditional-format rule would colour a cell holding value."""
    if rule.type == "expression":
        formula = rule.formula[0]
        band = re.fullmatch(r"AND\(ISNUMBER\((\w+)\),\1>=(\d+),\1<=(\d+)\)", formula)
        if band:
            low, high = int(band[2]), int(band[3])
            return isinstance(value, int) and low <= value <= high
        equal = re.fullmatch(r'\w+="(.*)"', formula)
        if equal:
            return value == equal[1]
    if rule.type == "cellIs" and rule.operator == "between":
        low, high = (float(bound) for bound in rule.formula)
        return isinstance(value, int) and low <= value <= high
    if rule.type == "cellIs" and rule.operator == "equal":
        return str(value) == rule.formula[0].strip('"')
    raise AssertionError(f"rule the test cannot read: {rule.type} {rule.formula}")


def fill_of(rule) -> str:
    return rule.dxf.fill.bgColor.rgb


def colour(group: str) -> str:
    return "FF" + GROUP_COLOURS[group].lstrip("#").upper()


def formats_by_range(sheet) -> dict:
    return {
        str(entry.sqref): list(entry.rules) for entry in sheet.conditional_formatting
    }


@pytest.mark.parametrize("shift", [0, 1, 2])
def test_conditional_formats_cover_exactly_the_competence_columns(
    make_input, enriched, shift
):
    rows = complementary_rows(20)
    sheet = results(enriched(make_input(rows, header=with_complementary(shift))))

    last = len(rows) + 1
    competences = f"{letter_of(sheet, '1.1')}2:{letter_of(sheet, '5.2')}{last}"
    level = letter_of(sheet, ADDED[0])
    assert set(formats_by_range(sheet)) == {competences, f"{level}2:{level}{last}"}
    assert letter_of(sheet, "1.1") == get_column_letter(9 + shift)
    assert letter_of(sheet, "5.2") == get_column_letter(24 + shift)


def test_competence_rules_colour_each_level_by_its_band(make_input, enriched, layout):
    sheet = results(enriched(make_input(session(12), layout)))
    first = letter_of(sheet, "1.1")
    rules = formats_by_range(sheet)[f"{first}2:{letter_of(sheet, '5.2')}13"]

    for level, group in LEVEL_GROUPS.items():
        assert [fill_of(r) for r in rules if rule_matches(r, level)] == [colour(group)]
    assert [fill_of(r) for r in rules if rule_matches(r, "-")] == [colour("untested")]
    assert [r for r in rules if rule_matches(r, None)] == []
    # Relative to the top-left cell, so each cell tests its own value.
    assert all(f"{first}2" in rule.formula[0] for rule in rules)


def test_global_level_rules_colour_each_level_name(make_input, enriched, layout):
    sheet = results(enriched(make_input(session(12), layout)))
    level = letter_of(sheet, ADDED[0])
    rules = formats_by_range(sheet)[f"{level}2:{level}13"]

    assert set(GLOBAL_GROUPS) == set(fr.LEVEL_NAMES.values())
    for name, group in GLOBAL_GROUPS.items():
        assert [fill_of(r) for r in rules if rule_matches(r, name)] == [colour(group)]
    assert [fill_of(r) for r in rules if rule_matches(r, "-")] == [colour("untested")]


def test_competence_cells_are_numbers_so_the_rules_apply(make_input, enriched, layout):
    rows = session(12)
    sheet = results(enriched(make_input(rows, layout)))
    first = header_of(sheet).index("1.1") + 1

    for r, row in enumerate(rows, start=2):
        for offset, code in enumerate(COMPETENCES):
            cell = sheet.cell(r, first + offset)
            assert cell.value == row[code]
            assert cell.data_type == ("s" if row[code] == "-" else "n")


def test_scores_and_levels_are_centred_and_other_columns_not(
    make_input, enriched, layout
):
    sheet = results(enriched(make_input(session(8), layout)))
    header = header_of(sheet)
    centred = {header.index(code) + 1 for code in COMPETENCES}
    centred.add(next(i for i, name in enumerate(header, 1) if "pix" in name.lower()))

    for row in sheet.iter_rows(min_row=2, max_col=len(header) - len(ADDED)):
        for cell in row:
            expected = "center" if cell.column in centred else None
            assert cell.alignment.horizontal == expected, cell.coordinate


# Notes, panes, filter, widths, printing.


def test_each_competence_header_has_a_note_with_its_name(make_input, enriched, layout):
    sheet = results(enriched(make_input(session(6), layout)))

    notes = {cell.value: cell.comment for cell in sheet[1] if cell.comment}
    assert sorted(notes) == sorted(COMPETENCES)
    for code, note in notes.items():
        assert note.text == f"{code} {fr.COMPETENCE_NAMES[code]}"


def test_panes_frozen_below_header_and_right_of_names(make_input, enriched, layout):
    sheet = results(enriched(make_input(session(6), layout)))

    # Numéro de certification, Prénom, Nom stay in view: A-C.
    assert header_of(sheet)[:3] == ["Numéro de certification", "Prénom", "Nom"]
    assert sheet.freeze_panes == "D2"


def test_autofilter_covers_the_whole_table(make_input, enriched, layout):
    rows = session(15)
    sheet = results(enriched(make_input(rows, layout)))

    last_column = letter_of(sheet, ADDED[1])
    assert last_column == get_column_letter(sheet.max_column)
    assert sheet.auto_filter.ref == f"A1:{last_column}{len(rows) + 1}"


@pytest.mark.parametrize("options", [[], ["--sans-donnees-personnelles"]])
def test_column_widths_fit_headers_and_values(make_input, enriched, layout, options):
    sheet = results(enriched(make_input(session(15), layout), *options))

    for index in range(1, sheet.max_column + 1):
        texts = [str(c.value) for c in next(sheet.iter_cols(index, index)) if c.value]
        width = column_width(sheet, index)
        assert width is not None, index
        assert 6 <= width <= 71, index
        if index <= sheet.max_column - 2:
            assert width >= min(max(map(len, texts)), 40), index
    level_names = [len(name) for name in fr.LEVEL_NAMES.values()]
    assert column_width(sheet, sheet.max_column - 1) >= max(level_names)
    assert column_width(sheet, sheet.max_column) >= 60


def test_printed_landscape_one_page_wide_header_repeated(make_input, enriched, layout):
    sheet = results(enriched(make_input(session(15), layout)))

    assert sheet.page_setup.orientation == "landscape"
    assert sheet.sheet_properties.pageSetUpPr.fitToPage is True
    # Excel leaves out fitToWidth when it is 1, its default.
    assert sheet.page_setup.fitToWidth in (None, 1)
    assert sheet.page_setup.fitToHeight == 0
    assert sheet.print_title_rows == "$1:$1"


def test_title_lines_above_header_move_panes_filter_and_print(tmp_path, enriched):
    table = guide_table(session(5))
    path = write_xlsx(tmp_path / "titre.xlsx", [["Session 4321"], [], *table])
    sheet = results(enriched(path))

    assert sheet["A1"].value == "Session 4321"
    assert header_of(sheet, 3) == GUIDE_HEADER + ADDED
    assert sheet.freeze_panes == "D4"
    assert sheet.auto_filter.ref == f"A3:{get_column_letter(len(GUIDE_HEADER) + 2)}8"
    assert sheet.print_title_rows == "$3:$3"
    assert set(formats_by_range(sheet)) == {"H4:W8", "X4:X8"}


# Data never becomes a formula or a link.


def sheet_xml(path, workbook) -> tuple:
    """The Résultats sheet's XML and its relationships, straight from the zip."""
    index = workbook.sheetnames.index("Résultats") + 1
    with zipfile.ZipFile(path) as archive:
        xml = archive.read(f"xl/worksheets/sheet{index}.xml").decode()
        rels_name = f"xl/worksheets/_rels/sheet{index}.xml.rels"
        names = archive.namelist()
        rels = archive.read(rels_name).decode() if rels_name in names else ""
    return xml, rels


def test_formula_looking_text_is_written_as_text(make_input, enriched, layout):
    rows = session(len(FORMULA_LIKE) + 2)
    for row, text in zip(rows[2:], FORMULA_LIKE):
        row["Prénom"] = text
        row["Lieu de naissance"] = text
    path = make_input(rows, layout)
    workbook = enriched(path)
    sheet = results(workbook)

    first_names = [sheet.cell(r, 2) for r in range(4, 4 + len(FORMULA_LIKE))]
    assert [cell.value for cell in first_names] == FORMULA_LIKE
    assert {cell.data_type for cell in first_names} == {"s"}
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert sum(cell.data_type == "f" for cell in cells) == 0
    assert sum(cell.hyperlink is not None for cell in cells) == 0

    output = path.with_name(path.stem + "-enrichi.xlsx")
    xml, rels = sheet_xml(output, workbook)
    assert "<f>" not in xml and "<f " not in xml
    assert "<hyperlink" not in xml and "hyperlink" not in rels
