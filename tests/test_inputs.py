"""Every results file a prescripteur really has gives the same workbook.

The pristine Pix export is enriched once; each other form of the same
session (re-saved by Excel, converted by LibreOffice, another encoding or
separator, a spreadsheet format) must give the same Résultats and Anomalies
sheets. Then the reading rules one by one: cell types, dates, title lines,
several sheets, statuses and the values Pix's rules allow.
"""

import csv
import datetime
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from enhancer.anomalies import SHOWN_IN_OUTPUT
from enhancer.cli import app
from enhancer.locales import fr
from enhancer.reference import ANOMALY_COLOUR, COMPETENCES
from enhancer.text import header_text
from tests import pixfiles, spreadsheets
from tests.libreoffice import MISSING as SOFFICE_MISSING
from tests.libreoffice import SOFFICE
from tests.pixfiles import PIX_HEADER, as_table, session, write_pix_csv, write_xlsx

ROWS = session(40)
RESULTS, ANOMALIES = fr.SHEETS["results"], fr.SHEETS["anomalies"]
LEVEL_COLUMN = len(PIX_HEADER)
DESCRIPTION_COLUMN = LEVEL_COLUMN + 1
STATUS = PIX_HEADER.index("Statut")
SCORE = PIX_HEADER.index("Nombre de Pix")
FIRST_LEVEL = PIX_HEADER.index("1.1")
COMMENT = PIX_HEADER.index("Commentaire jury pour l\u2019organisation")
BIRTH_DATE = PIX_HEADER.index("Date de naissance")
NUMBER = PIX_HEADER.index("Numéro de certification")


def run(*args):
    result = CliRunner().invoke(app, [str(arg) for arg in args], catch_exceptions=False)
    return result


def enrich(path: Path, *options):
    """Enrich a file; the command's output and the workbook it wrote."""
    output = path.with_name(path.stem + "-enrichi.xlsx")
    result = run("enrich", path, "-o", output, *options)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    return result, openpyxl.load_workbook(output)


def values(sheet) -> list:
    return [list(row) for row in sheet.iter_rows(values_only=True)]


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """The workbook of the pristine export, as Pix writes it."""
    folder = tmp_path_factory.mktemp("pristine")
    path = write_pix_csv(folder / "20250512_1430_resultats_session_4321.csv", ROWS)
    result, workbook = enrich(path)
    return {
        "output": result.stdout,
        "results": values(workbook[RESULTS]),
        "anomalies": values(workbook[ANOMALIES]),
    }


def assert_same_as_reference(workbook, reference, header_cells=None):
    results = values(workbook[RESULTS])
    expected = [list(row) for row in reference["results"]]
    for column, text in (header_cells or {}).items():
        expected[0][column] = text
    assert results == expected
    assert values(workbook[ANOMALIES]) == reference["anomalies"]


def test_reference_is_the_pristine_export(reference):
    # The reference itself: every candidate, levels for validated ones only.
    results = reference["results"]
    assert results[0][:LEVEL_COLUMN] == PIX_HEADER
    assert len(results) == 1 + len(ROWS)
    assert results[1][NUMBER] == 100000
    assert results[1][STATUS] == "Rejetée"
    assert results[1][LEVEL_COLUMN] == "-"
    validated = [row for row in results[1:] if row[STATUS] == "Validée"]
    assert all(row[LEVEL_COLUMN] in fr.LEVEL_NAMES.values() for row in validated)
    assert "40 candidats lus" in reference["output"]


# CSV: encodings, separators, quoting, line ends.


def write_excel_csv(path, rows, encoding, separator, line_end):
    """A CSV as Excel saves it: quotes only where a value needs them."""
    table = as_table(rows)
    with open(path, "w", encoding=encoding, newline="") as stream:
        writer = csv.writer(stream, delimiter=separator, lineterminator=line_end)
        writer.writerows(table)
    return path


@pytest.mark.parametrize("line_end", ["\n", "\r\n"], ids=["lf", "crlf"])
@pytest.mark.parametrize("quoted", [True, False], ids=["quoted", "bare"])
@pytest.mark.parametrize(
    "separator", [";", ",", "\t"], ids=["semicolon", "comma", "tab"]
)
@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "cp1252"])
def test_csv_forms_give_the_same_workbook(
    tmp_path, reference, encoding, separator, quoted, line_end
):
    path = tmp_path / "resultats.csv"
    if quoted:
        write_pix_csv(path, ROWS, PIX_HEADER, encoding, separator, True, line_end)
    else:
        write_excel_csv(path, ROWS, encoding, separator, line_end)

    _, workbook = enrich(path)

    assert_same_as_reference(workbook, reference)


def test_excel_semicolon_csv_in_windows_1252(tmp_path, reference):
    # Excel's "CSV (séparateur : point-virgule)" on Windows: cp1252, no BOM,
    # no quotes, \r\n; the typographic apostrophe of the header is byte 0x92.
    path = write_excel_csv(tmp_path / "resaved.csv", ROWS, "cp1252", ";", "\r\n")
    raw = path.read_bytes()
    assert b"\x92" in raw and b"\xe9" in raw and not raw.startswith(b"\xef\xbb\xbf")
    assert b'"' not in raw.split(b"\r\n")[0]

    _, workbook = enrich(path)

    assert_same_as_reference(workbook, reference)


def test_latin_1_csv(tmp_path, reference):
    # Latin-1 has no typographic apostrophe: tools writing it put a plain one.
    header = [name.replace("\u2019", "'") for name in PIX_HEADER]
    path = tmp_path / "latin1.csv"
    plain = header[COMMENT]
    rows = [dict(row, **{plain: row[PIX_HEADER[COMMENT]]}) for row in ROWS]
    # A byte Windows-1252 leaves undefined: only Latin-1 reads this file.
    rows[5]["Lieu de naissance"] = "Saint-\x81tienne"
    write_pix_csv(path, rows, header, encoding="latin-1")

    _, workbook = enrich(path)

    expected = values(workbook[RESULTS])
    assert expected[6][PIX_HEADER.index("Lieu de naissance")] == "Saint-\x81tienne"
    expected[6][PIX_HEADER.index("Lieu de naissance")] = ROWS[5]["Lieu de naissance"]
    reference_rows = [list(row) for row in reference["results"]]
    reference_rows[0][COMMENT] = header[COMMENT]
    assert expected == reference_rows
    assert values(workbook[ANOMALIES]) == reference["anomalies"]


def test_excel_unicode_text(tmp_path, reference):
    # Excel's "Texte Unicode (*.txt)": UTF-16 with its byte order mark, tabs.
    path = write_excel_csv(tmp_path / "unicode.txt", ROWS, "utf-16", "\t", "\r\n")
    assert path.read_bytes()[:2] == b"\xff\xfe"

    _, workbook = enrich(path)

    assert_same_as_reference(workbook, reference)


def test_csv_with_accents_that_is_not_utf_8_is_read_as_windows_1252(tmp_path):
    path = tmp_path / "accents.csv"
    write_pix_csv(path, ROWS[:6], encoding="cp1252")
    assert b"\xe9" in path.read_bytes()

    _, workbook = enrich(path)

    results = values(workbook[RESULTS])
    assert results[1][2] == ROWS[0]["Nom"] == "Étienne"
    assert results[0][COMMENT] == "Commentaire jury pour l\u2019organisation"


# Spreadsheets.


def _xls(path: Path, table: list) -> Path:
    if SOFFICE is None:
        pytest.skip(SOFFICE_MISSING)
    source = write_xlsx(path.parent / "source" / "resultats.xlsx", table)
    return spreadsheets.to_xls(source, path.parent)


SPREADSHEET_WRITERS = {
    ".xlsx": write_xlsx,
    ".xlsm": spreadsheets.write_xlsm,
    ".xlsb": spreadsheets.write_xlsb,
    ".ods": spreadsheets.write_ods,
    ".xls": _xls,
}


def write_spreadsheet(path: Path, table: list) -> Path:
    (path.parent / "source").mkdir(exist_ok=True)
    return SPREADSHEET_WRITERS[path.suffix](path, table)


@pytest.mark.parametrize("suffix", list(SPREADSHEET_WRITERS))
def test_spreadsheet_formats_give_the_same_workbook(tmp_path, reference, suffix):
    path = write_spreadsheet(tmp_path / f"resultats{suffix}", as_table(ROWS))

    result, workbook = enrich(path)

    assert_same_as_reference(workbook, reference)
    assert "Feuille utilisée : « Feuille1 »." in result.stdout
    assert "40 candidats lus" in result.stdout


@pytest.mark.parametrize("target", ["ods", "xls", "xlsx"])
def test_workbooks_saved_by_libreoffice_give_the_same_workbook(
    tmp_path, reference, target
):
    # As a user's "Save as" writes them, with LibreOffice's own styles,
    # repeated empty rows and columns, and settings.
    if SOFFICE is None:
        pytest.skip(SOFFICE_MISSING)
    from tests.libreoffice import convert

    (tmp_path / "source").mkdir()
    source = write_xlsx(tmp_path / "source" / "session.xlsx", as_table(ROWS))
    path = convert([source], target, tmp_path / "saved")[0]

    _, workbook = enrich(path)

    assert_same_as_reference(workbook, reference)


@pytest.mark.parametrize("target", ["ods", "xlsx"])
def test_the_export_opened_in_calc_and_saved_gives_the_same_workbook(
    tmp_path, reference, target
):
    # The export opened in a French Calc and saved: "12/05/2025" is now a
    # date, kept as a date, and the same candidates get the same levels.
    if SOFFICE is None:
        pytest.skip(SOFFICE_MISSING)
    (tmp_path / "source").mkdir()
    source = write_pix_csv(tmp_path / "source" / "export.csv", ROWS)
    path = spreadsheets.save_csv_as(source, target, tmp_path / "saved")

    _, workbook = enrich(path)

    sheet = workbook[RESULTS]
    results = values(sheet)
    codes = [PIX_HEADER.index(code) for code in COMPETENCES]
    # Calc may take the header's "1.1" for a number: it stays what Calc made.
    assert [header_text(results[0][c]) for c in codes] == list(COMPETENCES)
    passed = PIX_HEADER.index("Date de passage de la certification")
    assert sheet.cell(2, passed + 1).number_format == "dd/mm/yyyy"
    as_text = [
        [f"{v:%d/%m/%Y}" if isinstance(v, datetime.datetime) else v for v in row]
        for row in results
    ]
    expected = [list(row) for row in reference["results"]]
    for column in codes:
        expected[0][column] = results[0][column]
    assert as_text == expected


@pytest.mark.parametrize("suffix", [".xlsx", ".ods", ".xlsb", ".xls"])
def test_integral_floats_come_back_as_integers(tmp_path, suffix):
    # Spreadsheets hold every number as a float; 123456 must not become
    # 123456.0, neither in the workbook nor in the messages.
    rows = [
        pixfiles.candidate(1, score=452),
        pixfiles.candidate(2, score=1200),
    ]
    table = as_table(rows)
    table[1][NUMBER] = 123456.0
    table[1][SCORE] = 452.0
    table[2][NUMBER] = 2.5
    path = write_spreadsheet(tmp_path / f"nombres{suffix}", table)

    result, workbook = enrich(path)

    results = workbook[RESULTS]
    number = results.cell(2, NUMBER + 1)
    assert number.value == 123456 and isinstance(number.value, int)
    assert results.cell(2, SCORE + 1).value == 452
    assert results.cell(2, LEVEL_COLUMN + 1).value == "Indépendant 2"
    assert results.cell(3, NUMBER + 1).value == 2.5
    assert ": 1200 (" in result.stdout and "1200.0" not in result.stdout
    anomalies = values(workbook[ANOMALIES])
    # The row number is a link to the row, shown as its text.
    assert anomalies[3][:3] == ["3", "H (Nombre de Pix)", 1200]


@pytest.mark.parametrize("suffix", [".xlsx", ".ods", ".xls"])
def test_dates_stay_dates(tmp_path, suffix):
    rows = [pixfiles.candidate(1), pixfiles.candidate(2), pixfiles.candidate(3)]
    table = as_table(rows)
    table[1][BIRTH_DATE] = datetime.date(1990, 5, 17)
    table[2][BIRTH_DATE] = datetime.datetime(1991, 6, 18, 0, 0)
    table[3][BIRTH_DATE] = "19/07/1992"
    path = write_spreadsheet(tmp_path / f"dates{suffix}", table)

    _, workbook = enrich(path)

    results = workbook[RESULTS]
    first, second, text = (results.cell(row, BIRTH_DATE + 1) for row in (2, 3, 4))
    assert first.value == datetime.datetime(1990, 5, 17)
    assert first.number_format == "dd/mm/yyyy"
    assert first.is_date
    assert second.value == datetime.datetime(1991, 6, 18)
    assert second.number_format == "dd/mm/yyyy"
    # A date typed as text stays the text it was.
    assert text.value == "19/07/1992" and text.data_type == "s"


def test_durations_keep_their_hours_past_a_day(tmp_path):
    table = as_table([pixfiles.candidate(1), pixfiles.candidate(2)])
    table[1][BIRTH_DATE] = datetime.timedelta(hours=36)
    table[2][BIRTH_DATE] = datetime.timedelta(minutes=95)
    path = write_xlsx(tmp_path / "durees.xlsx", table)

    _, workbook = enrich(path)

    results = workbook[RESULTS]
    for row, hours in ((2, 36), (3, 95 / 60)):
        cell = results.cell(row, BIRTH_DATE + 1)
        # Excel's elapsed-hours format: 36 h shows as 36:00:00, not 12:00:00.
        assert cell.number_format == "[h]:mm:ss"
        assert cell.value == datetime.timedelta(hours=hours)


def test_a_date_where_a_level_belongs_is_an_anomaly_still_shown_as_a_date(tmp_path):
    table = as_table([pixfiles.candidate(1, score=452)])
    table[1][FIRST_LEVEL] = datetime.date(2025, 5, 12)
    path = write_xlsx(tmp_path / "date_niveau.xlsx", table)

    result, workbook = enrich(path)

    cell = workbook[RESULTS].cell(2, FIRST_LEVEL + 1)
    assert cell.value == datetime.datetime(2025, 5, 12)
    assert cell.number_format == "dd/mm/yyyy"
    assert _is_highlighted(cell)
    assert "12/05/2025" in result.stdout or "2025-05-12" in result.stdout


def test_a_table_away_from_the_first_column_keeps_its_letters(tmp_path):
    # Spreadsheet readers drop empty leading columns; the letters the guide
    # speaks of must still point at the same columns.
    table = [[None, *row] for row in as_table(ROWS[:5])]
    path = write_xlsx(tmp_path / "decale.xlsx", table)

    _, workbook = enrich(path)

    results = values(workbook[RESULTS])
    assert results[0][0] is None
    assert results[0][1 : 1 + len(PIX_HEADER)] == PIX_HEADER
    assert results[1][1 + STATUS] == "Rejetée"


# CSV cell types.


def test_csv_cell_types(tmp_path):
    # Only an unquoted integer without leading zeros becomes a number.
    header = ";".join(f'"{name}"' for name in PIX_HEADER)
    cells = {
        "Numéro de certification": "123456",
        "Prénom": '"00123"',
        "Nom": "00123",
        "Date de naissance": "12/05/2005",
        "Lieu de naissance": "-5",
        "Identifiant Externe": '"123"',
        "Statut": "Validée",
        "Nombre de Pix": '"452"',
        "Commentaire jury pour l\u2019organisation": "3.5",
        "Session": "1234567890123456",
        "Centre de certification": "+33",
        "Date de passage de la certification": "1 234",
    }
    levels = ["3", '"3"', "3.0", '"3.0"', " 3", "0"] + ["-"] * 10
    cells.update(zip(COMPETENCES, levels))
    line = ";".join(cells[name] for name in PIX_HEADER)
    path = tmp_path / "types.csv"
    path.write_text(header + "\n" + line + "\n", encoding="utf-8")

    result, workbook = enrich(path)

    row = [cell for cell in workbook[RESULTS][2]]
    by_name = dict(zip(PIX_HEADER, row))
    assert by_name["Numéro de certification"].value == 123456
    assert by_name["Prénom"].value == "00123"
    assert by_name["Nom"].value == "00123"
    assert by_name["Date de naissance"].value == "12/05/2005"
    assert by_name["Lieu de naissance"].value == -5
    assert by_name["Identifiant Externe"].value == "123"
    assert by_name["Commentaire jury pour l\u2019organisation"].value == "3.5"
    # Beyond Excel's 15 digits a number would lose its last digits.
    assert by_name["Session"].value == "1234567890123456"
    assert by_name["Centre de certification"].value == "+33"
    assert by_name["Date de passage de la certification"].value == "1 234"
    # The score and levels, which Pix's rules define, are numbers when valid.
    assert by_name["Nombre de Pix"].value == 452
    assert [by_name[code].value for code in COMPETENCES[:6]] == [3, 3, 3, 3, 3, 0]
    assert row[LEVEL_COLUMN].value == "Indépendant 2"
    assert fr.MESSAGES["no_anomaly"] in result.stdout


def test_quoted_fields_holding_separators_and_line_breaks(tmp_path):
    rows = [dict(row) for row in ROWS[:4]]
    rows[0]["Commentaire jury pour l\u2019organisation"] = 'Dit "non";\nà revoir, vite'
    rows[1]["Lieu de naissance"] = "Saint-Denis; La Réunion"
    path = write_pix_csv(tmp_path / "quotes.csv", rows)

    _, workbook = enrich(path)

    results = values(workbook[RESULTS])
    assert results[1][COMMENT] == 'Dit "non";\nà revoir, vite'
    assert (
        results[2][PIX_HEADER.index("Lieu de naissance")] == "Saint-Denis; La Réunion"
    )
    assert len(results) == 5


# Title lines above the header.


def test_csv_title_lines_are_kept_above_the_header(tmp_path):
    path = write_pix_csv(tmp_path / "titre.csv", ROWS[:6])
    body = path.read_text(encoding="utf-8-sig")
    titles = "Résultats de certification;;\nSession 4321;12/05/2025\n\n"
    path.write_text(titles + body, encoding="utf-8-sig")

    result, workbook = enrich(path)

    results = values(workbook[RESULTS])
    assert results[0][:3] == ["Résultats de certification", None, None]
    assert results[1][:2] == ["Session 4321", "12/05/2025"]
    assert all(cell is None for cell in results[2])
    assert results[3][: len(PIX_HEADER)] == PIX_HEADER
    assert results[3][LEVEL_COLUMN] == fr.ADDED_COLUMNS["level"]
    assert results[4][STATUS] == "Rejetée"
    assert len(results) == 3 + 1 + 6
    assert "6 candidats lus" in result.stdout
    assert workbook[RESULTS].freeze_panes is not None


def test_spreadsheet_title_lines_are_kept_above_the_header(tmp_path, reference):
    titles = [["Lycée Synthétique", None, "Session 4321"], [], [None, "Classe 2nde B"]]
    path = write_xlsx(tmp_path / "titre.xlsx", titles + as_table(ROWS))

    _, workbook = enrich(path)

    results = values(workbook[RESULTS])
    assert results[0][:3] == ["Lycée Synthétique", None, "Session 4321"]
    assert all(cell is None for cell in results[1])
    assert results[2][:2] == [None, "Classe 2nde B"]
    assert results[3:] == reference["results"]


def test_blank_rows_above_a_spreadsheet_table_keep_row_numbers(tmp_path):
    # Spreadsheet readers also drop empty rows on top: the header stays on
    # its row, so the rows the Anomalies sheet names are the file's rows.
    rows = [dict(ROWS[4], Statut="Absent")]
    path = write_xlsx(tmp_path / "bas.xlsx", [[], [], *as_table(rows)])

    result, workbook = enrich(path)

    results = values(workbook[RESULTS])
    assert results[2][: len(PIX_HEADER)] == PIX_HEADER
    assert results[3][STATUS] == "Absent"
    assert "ligne 4, colonne « G (Statut) » : Absent" in result.stdout


def test_a_table_far_below_blank_rows_is_still_found(tmp_path):
    path = write_xlsx(tmp_path / "loin.xlsx", [[]] * 60 + as_table(ROWS[:3]))

    result, workbook = enrich(path)

    assert values(workbook[RESULTS])[60][: len(PIX_HEADER)] == PIX_HEADER
    assert "3 candidats lus" in result.stdout


# Several sheets.


NOTES = [["Notes de la référente"], ["Relancer les absents"]]


@pytest.mark.parametrize("suffix", [".xlsx", ".ods"])
def test_the_first_sheet_with_results_is_used_and_named(tmp_path, suffix):
    writer = {".xlsx": write_xlsx, ".ods": spreadsheets.write_ods}[suffix]
    first, second = as_table(ROWS[:5]), as_table(ROWS[10:13])
    path = writer(
        tmp_path / f"sessions{suffix}",
        NOTES,
        "Notes",
        {"Session A": first, "Vide": [], "Session B": second},
    )

    result, workbook = enrich(path)

    assert "Feuille utilisée : « Session A »." in result.stdout
    assert "« Session B »" in result.stdout and "--sheet" in result.stdout
    assert "« Notes »" not in result.stdout and "« Vide »" not in result.stdout
    results = values(workbook[RESULTS])
    assert [row[NUMBER] for row in results[1:]] == [r[NUMBER] for r in first[1:]]


def test_sheet_option_picks_another_sheet(tmp_path):
    first, second = as_table(ROWS[:5]), as_table(ROWS[10:13])
    path = write_xlsx(
        tmp_path / "sessions.xlsx",
        NOTES,
        "Notes",
        {"Session A": first, "Session B": second},
    )

    result, workbook = enrich(path, "--sheet", "Session B")

    assert "Feuille utilisée : « Session B »." in result.stdout
    assert "d'autres feuilles" not in result.stdout.lower()
    results = values(workbook[RESULTS])
    assert [row[NUMBER] for row in results[1:]] == [r[NUMBER] for r in second[1:]]


def test_a_single_results_sheet_names_no_other(tmp_path):
    path = write_xlsx(
        tmp_path / "une.xlsx", as_table(ROWS[:3]), "Session", {"Notes": NOTES}
    )

    result, _ = enrich(path)

    assert "Feuille utilisée : « Session »." in result.stdout
    assert "--sheet" not in result.stdout


def test_sheet_option_on_a_csv_is_said_to_have_no_effect(tmp_path):
    path = write_pix_csv(tmp_path / "session.csv", ROWS[:4])

    result, workbook = enrich(path, "--sheet", "Session B")

    assert (
        "--sheet ne s'applique pas à session.csv : un CSV n'a qu'un tableau, "
        "lu en entier." in result.stdout
    )
    assert len(values(workbook[RESULTS])) == 5


# Statuses.


def test_statuses_are_compared_without_case_accents_or_spaces(tmp_path):
    spellings = ["Validée", "validee", " VALIDÉE ", "VALIDEE", "Validée\u00a0"]
    rows = [pixfiles.candidate(n, score=300) for n in range(len(spellings))]
    for row, spelling in zip(rows, spellings):
        row["Statut"] = spelling
    rows.append(dict(pixfiles.candidate(9, "Rejetée"), Statut=" rejetee"))
    path = write_pix_csv(tmp_path / "statuts.csv", rows)

    result, workbook = enrich(path)

    results = values(workbook[RESULTS])
    assert [row[STATUS] for row in results[1:]] == [*spellings, " rejetee"]
    assert {row[LEVEL_COLUMN] for row in results[1:6]} == {"Indépendant 1"}
    assert results[6][LEVEL_COLUMN] == "-"
    assert results[6][DESCRIPTION_COLUMN] == fr.STATUS_MEANINGS["rejected"]
    assert fr.MESSAGES["no_anomaly"] in result.stdout


def test_unknown_statuses_are_kept_reported_and_get_no_level(tmp_path):
    rows = [pixfiles.candidate(1, score=500), pixfiles.candidate(2, score=500)]
    rows[1]["Statut"] = "Absent"
    path = write_pix_csv(tmp_path / "inconnu.csv", rows)

    result, workbook = enrich(path)

    results = workbook[RESULTS]
    assert results.cell(3, STATUS + 1).value == "Absent"
    assert results.cell(3, LEVEL_COLUMN + 1).value == "-"
    assert results.cell(3, DESCRIPTION_COLUMN + 1).value == fr.UNKNOWN_STATUS
    assert results.cell(2, LEVEL_COLUMN + 1).value == "Indépendant 2"
    assert _is_highlighted(results.cell(3, STATUS + 1))
    problem = fr.ANOMALY_PROBLEMS["unknown_status"]
    assert values(workbook[ANOMALIES])[3][:4] == ["3", "G (Statut)", "Absent", problem]
    assert "ligne 3, colonne « G (Statut) » : Absent" in result.stdout


# Values by Pix's rules.


def _is_highlighted(cell) -> bool:
    return cell.fill.fgColor.rgb == "FF" + ANOMALY_COLOUR.lstrip("#").upper()


# (what the row holds, its level, the anomalies: column and problem)
VALUE_CASES = [
    ("Validée", 452, [3] * 16, "Indépendant 2", []),
    ("Validée", "452", [3.0] * 16, "Indépendant 2", []),
    ("Rejetée", 0, ["-"] * 16, "-", []),
    ("Annulée", "-", ["-"] * 16, "-", []),
    ("En erreur", None, [None] * 16, "-", []),
    ("Validée", 1200, [3] * 16, "-", [(SCORE, 1200, "score_out_of_range")]),
    ("Validée", "abc", [3] * 16, "-", [(SCORE, "abc", "invalid_score")]),
    ("Validée", -5, [3] * 16, "-", [(SCORE, -5, "score_out_of_range")]),
    ("Validée", None, [3] * 16, "-", [(SCORE, None, "missing_score")]),
    ("Validée", "-", [3] * 16, "-", [(SCORE, "-", "missing_score")]),
    ("Validée", 452.5, [3] * 16, "-", [(SCORE, 452.5, "invalid_score")]),
    ("Validée", 900, [8] * 16, "Expert 2", [(SCORE, 900, "undelivered_score")]),
    ("Validée", 1024, [8] * 16, "Expert 2", [(SCORE, 1024, "undelivered_score")]),
    (
        "Validée",
        452,
        [9, -1, "abc", 3.5, *[3] * 12],
        "Indépendant 2",
        [
            (FIRST_LEVEL, 9, "level_out_of_range"),
            (FIRST_LEVEL + 1, -1, "level_out_of_range"),
            (FIRST_LEVEL + 2, "abc", "invalid_level"),
            (FIRST_LEVEL + 3, 3.5, "invalid_level"),
        ],
    ),
]


def _value_rows():
    rows = []
    for number, (status, score, levels, _, _) in enumerate(VALUE_CASES):
        row = pixfiles.candidate(number, status, score=0)
        row["Nombre de Pix"] = score
        row.update(zip(COMPETENCES, levels))
        rows.append(row)
    return rows


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_values_outside_pix_rules_are_kept_highlighted_and_listed(tmp_path, suffix):
    rows = _value_rows()
    table = as_table(rows)
    if suffix == ".csv":
        # Text as Pix quotes it, numbers bare, as in the export.
        path = tmp_path / "valeurs.csv"
        lines = [";".join(_csv_field(value) for value in row) for row in table]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    else:
        path = write_xlsx(tmp_path / "valeurs.xlsx", table)

    result, workbook = enrich(path)

    results = workbook[RESULTS]
    expected_anomalies = []
    for index, (status, score, levels, level, problems) in enumerate(VALUE_CASES):
        excel_row = index + 2
        assert results.cell(excel_row, LEVEL_COLUMN + 1).value == level, index
        flagged = {column for column, _, _ in problems}
        for column, value, problem in problems:
            if suffix == ".csv" and not isinstance(value, (int, type(None))):
                value = str(value)
            cell = results.cell(excel_row, column + 1)
            # Kept as it was: a bad value is never "corrected".
            assert cell.value == value, (index, column)
            assert _is_highlighted(cell), (index, column)
            name = PIX_HEADER[column]
            letter = openpyxl.utils.get_column_letter(column + 1)
            expected_anomalies.append(
                [
                    str(excel_row),
                    f"{letter} ({name})",
                    value,
                    fr.ANOMALY_PROBLEMS[problem],
                ]
            )
        for column in [SCORE, *range(FIRST_LEVEL, FIRST_LEVEL + 16)]:
            if column not in flagged:
                assert not _is_highlighted(results.cell(excel_row, column + 1))

    anomalies = values(workbook[ANOMALIES])
    assert anomalies[2][:4] == list(fr.ANOMALIES_HEADER)
    assert [row[:4] for row in anomalies[3:]] == expected_anomalies
    count = len(expected_anomalies)
    assert fr.MESSAGES["anomalies"].format(count=count) in result.stdout
    for row, column, value, _ in expected_anomalies[:SHOWN_IN_OUTPUT]:
        assert f"ligne {row}, colonne « {column} » : {_shown(value)}" in result.stdout


def _csv_field(value) -> str:
    if value is None:
        return ""
    if isinstance(value, int):
        return str(value)
    return '"' + str(value) + '"'


def _shown(value) -> str:
    return fr.MESSAGES["empty_value"] if value is None else str(value)


def test_valid_levels_and_scores_are_written_as_numbers(tmp_path):
    rows = _value_rows()[:2]
    path = write_xlsx(tmp_path / "nombres.xlsx", as_table(rows))

    _, workbook = enrich(path)

    results = workbook[RESULTS]
    # "452" as text and 3.0 as a float are the numbers Pix means.
    assert results.cell(3, SCORE + 1).value == 452
    assert results.cell(3, SCORE + 1).data_type == "n"
    assert results.cell(3, FIRST_LEVEL + 1).value == 3


def test_blank_rows_between_candidates_are_kept_and_not_counted(tmp_path):
    path = write_pix_csv(tmp_path / "trous.csv", ROWS[:4])
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    blank = ";" * (len(PIX_HEADER) - 1)
    lines = [lines[0], lines[1], "", lines[2], blank, "  ;  ", lines[3], lines[4], ""]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")

    result, workbook = enrich(path)

    results = values(workbook[RESULTS])
    assert [row[STATUS] for row in results] == [
        "Statut",
        "Rejetée",
        None,
        "Annulée",
        None,
        None,
        "En erreur",
        "Démarrée",
    ]
    assert results[2][LEVEL_COLUMN] is None
    assert "4 candidats lus" in result.stdout
