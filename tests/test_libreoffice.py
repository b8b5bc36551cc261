"""The workbooks as LibreOffice Calc opens them: the real-client tests.

Every workbook the examples give (value mode and formula mode) is opened by
LibreOffice, run headless, and converted: to .ods and back to .xlsx, the
Résultats sheet to CSV (what Calc displays), and every sheet to PDF. In
formula mode, LibreOffice recalculates every formula on loading, and the
levels it computes must be the value mode's, row for row, and follow a score
corrected in the file.

Each conversion converts a batch of workbooks in one LibreOffice launch, once
per module; the tests share the results. Select them with -m libreoffice.
"""

import csv
import datetime
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from enhancer.enrich import Options, enrich
from enhancer.locales import fr, load
from enhancer.reference import NO_VALUE
from enhancer.values import level_of_score
from tests import libreoffice
from tests.conftest import GUIDE_EXAMPLE, PIX_EXAMPLE
from tests.pixfiles import candidate, write_layout

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(libreoffice.SOFFICE is None, reason=libreoffice.MISSING),
]

RESULTS = fr.SHEETS["results"]
LEVEL, DESCRIPTION = fr.ADDED_COLUMNS["level"], fr.ADDED_COLUMNS["description"]
MODES = {"valeurs": False, "formules": True}
EXAMPLES = ("pix", "guide", "pix-en")
ODD = ("odd-csv", "odd-xlsx")
# The inputs enriched in English; the others in French.
ENGLISH = {"pix-en"}
# The statuses and scores the formulas must read exactly as the value mode.
ODD_STATUSES = [
    " VALIDÉE ",
    "validee",
    "Validated",
    "VALIDÉE\u00a0",
    "Validée\u202f",
    "canceled",
    "REJETÉE",
    "en  erreur",
    "Démarrée",
    "Started",
    "valid*",
    "?alidee",
    "~validee",
    "Inconnu",
    "=1+1",
    "",
]
ODD_SCORES = ["-", "", "abc", "452", "452,0", 452.5, 2000, -3, True]
BAND_EDGES = [0, 63, 64, 127, 128, 511, 512, 895, 896, 1024, 1025]


def odd_rows() -> list:
    """Candidates whose status or score the formulas must read as the value
    mode does: spellings, spaces, wildcards, unknown statuses, bad scores."""
    rows = []
    for status in ODD_STATUSES:
        rows.append({**candidate(len(rows)), "Statut": status, "Nombre de Pix": 300})
    for score in ODD_SCORES + BAND_EDGES:
        rows.append({**candidate(len(rows)), "Nombre de Pix": score})
    return rows


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("libreoffice")


@pytest.fixture(scope="module")
def inputs(folder) -> dict:
    """The two examples, and the odd rows in both layouts."""
    rows = odd_rows()
    return {
        "pix": PIX_EXAMPLE,
        "guide": GUIDE_EXAMPLE,
        "pix-en": PIX_EXAMPLE,
        "odd-csv": write_layout(folder, "odd", rows, "pix"),
        "odd-xlsx": write_layout(folder, "odd", rows, "guide"),
    }


@pytest.fixture(scope="module")
def workbooks(folder, inputs) -> dict:
    """Each input enriched in each mode: {(input, mode): path}."""
    made = {}
    for name, path in inputs.items():
        for mode, formulas in MODES.items():
            output = folder / f"{name}-{mode}.xlsx"
            lang = "en" if name in ENGLISH else "fr"
            enrich([path], Options(output=output, lang=lang, formulas=formulas))
            made[name, mode] = output
    return made


@pytest.fixture(scope="module")
def stale(folder, workbooks) -> Path:
    """The pix example in formula mode, every cached result made wrong: only
    a real recalculation can show the right levels."""
    source = workbooks["pix", "formules"]
    target = folder / "stale.xlsx"
    _rewrite_sheet_xml(source, target, lambda xml: _CACHED.sub(r"\1STALE\2", xml))
    return target


@pytest.fixture(scope="module")
def edited(folder, workbooks) -> tuple:
    """The pix example in formula mode with scores and statuses corrected by
    openpyxl, formulas kept; and what each changed row must then show."""
    book = openpyxl.load_workbook(workbooks["pix", "formules"])
    sheet = book[RESULTS]
    columns = _columns(sheet)
    status, score = columns["Statut"], columns["Nombre de Pix"]
    validated = [
        row
        for row in range(2, sheet.max_row + 1)
        if sheet.cell(row, status).value == "Validée"
    ]
    rejected = next(
        row
        for row in range(2, sheet.max_row + 1)
        if sheet.cell(row, status).value == "Rejetée"
    )
    first, second, third = validated[:3]

    # A higher score in another band, a status changed, a score mistyped,
    # and a rejected candidate validated after all.
    new_score = 700 if sheet.cell(first, score).value < 640 else 100
    sheet.cell(first, score).value = new_score
    sheet.cell(second, status).value = "annulée "
    sheet.cell(third, score).value = "abc"
    sheet.cell(rejected, status).value = "VALIDEE"
    sheet.cell(rejected, score).value = 900
    target = folder / "edited.xlsx"
    book.save(target)

    expected = {
        first: _level(new_score),
        second: (NO_VALUE, fr.STATUS_MEANINGS["cancelled"]),
        third: (NO_VALUE, fr.INVALID_SCORE),
        rejected: _level(900),
    }
    return target, expected


@pytest.fixture(scope="module")
def recalculated(folder, workbooks, stale, edited) -> dict:
    """Résultats as CSV, every formula recalculated by LibreOffice on
    loading: {(input, mode) or "stale" or "edited": rows}."""
    names = [*workbooks, "stale", "edited"]
    files = [*workbooks.values(), stale, edited[0]]
    outputs = libreoffice.convert(
        files, libreoffice.csv_filter(1), folder / "csv-recalculated", True
    )
    return {name: _read_csv(path) for name, path in zip(names, outputs)}


@pytest.fixture(scope="module")
def cached(folder, workbooks, stale) -> dict:
    """Résultats as CSV, as LibreOffice shows it by default: with the results
    cached in the file, not recalculated."""
    names = [name for name in workbooks if name[1] == "formules"] + ["stale"]
    files = [workbooks[name] for name in names[:-1]] + [stale]
    outputs = libreoffice.convert(files, libreoffice.csv_filter(1), folder / "cached")
    return {name: _read_csv(path) for name, path in zip(names, outputs)}


@pytest.fixture(scope="module")
def round_trips(folder, workbooks) -> dict:
    """Each example's workbook saved as .ods, then that .ods as .xlsx."""
    chosen = {name: path for name, path in workbooks.items() if name[0] in EXAMPLES}
    ods = libreoffice.convert(chosen.values(), "ods", folder / "ods")
    back = libreoffice.convert(ods, libreoffice.XLSX_FILTER, folder / "xlsx-again")
    return {name: (o, x) for name, o, x in zip(chosen, ods, back)}


@pytest.fixture(scope="module")
def pdfs(folder, workbooks) -> dict:
    chosen = {name: path for name, path in workbooks.items() if name[0] in EXAMPLES}
    outputs = libreoffice.convert(chosen.values(), "pdf", folder / "pdf")
    return dict(zip(chosen, outputs))


EXAMPLE_BOOKS = [(name, mode) for name in EXAMPLES for mode in MODES]
ALL_BOOKS = [(name, mode) for name in (*EXAMPLES, *ODD) for mode in MODES]


@pytest.mark.parametrize("book", EXAMPLE_BOOKS, ids="-".join)
def test_ods_round_trip_keeps_every_value(book, workbooks, round_trips):
    ods, back = round_trips[book]
    with zipfile.ZipFile(ods) as archive:
        assert "content.xml" in archive.namelist()

    original = _values(workbooks[book])
    again = _values(back)
    assert again == original
    assert (
        openpyxl.load_workbook(back).sheetnames
        == openpyxl.load_workbook(workbooks[book]).sheetnames
    )


@pytest.mark.parametrize("name", EXAMPLES)
def test_formulas_survive_the_round_trip(name, round_trips):
    # LibreOffice understood the formulas: it writes them back as formulas.
    _, back = round_trips[name, "formules"]
    texts = _texts(name)
    sheet = openpyxl.load_workbook(back).worksheets[0]
    columns = _columns(sheet)
    for row in range(2, sheet.max_row + 1):
        for key in ("level", "description"):
            cell = sheet.cell(row, columns[texts.ADDED_COLUMNS[key]])
            assert cell.data_type == "f"
            assert f"{texts.SHEETS['levels']}!$" in cell.value


@pytest.mark.parametrize("book", ALL_BOOKS, ids="-".join)
def test_csv_shows_what_the_tool_wrote(book, workbooks, recalculated):
    shown = recalculated[book]
    written = [[_shown(value) for value in row] for row in _values(workbooks[book])]
    assert _trimmed(shown) == _trimmed(written)


@pytest.mark.parametrize("name", [*EXAMPLES, *ODD])
def test_recalculated_formulas_give_the_value_mode_levels(name, recalculated):
    values = recalculated[name, "valeurs"]
    formulas = recalculated[name, "formules"]
    assert len(formulas) == len(values) > 1
    header, texts = values[0], _texts(name)
    level = header.index(texts.ADDED_COLUMNS["level"])
    description = header.index(texts.ADDED_COLUMNS["description"])
    for row_of_values, row_of_formulas in zip(values, formulas):
        assert row_of_formulas[level] == row_of_values[level]
        assert row_of_formulas[description] == row_of_values[description]
    assert formulas == values


def test_odd_rows_cover_every_outcome(recalculated):
    # The odd rows reach each kind of result, so the comparison above means
    # something for each: levels, status meanings, unknown status, bad score.
    rows = recalculated["odd-xlsx", "formules"]
    header = rows[0]
    levels = {row[header.index(LEVEL)] for row in rows[1:]}
    descriptions = {row[header.index(DESCRIPTION)] for row in rows[1:]}
    assert {"Aucun niveau atteint", "Novice 1", "Indépendant 1", "Expert 2"} <= levels
    assert fr.UNKNOWN_STATUS in descriptions
    assert fr.INVALID_SCORE in descriptions
    for status in ("rejected", "cancelled", "error", "started"):
        assert fr.STATUS_MEANINGS[status] in descriptions


def test_libreoffice_recalculates_when_asked(recalculated, cached):
    # Every cached result of the stale copy is wrong: LibreOffice shows them
    # by default, and replaces them all when recalculation is forced.
    assert any("STALE" in row for row in cached["stale"])
    assert not any("STALE" in row for row in recalculated["stale"])
    assert recalculated["stale"] == recalculated["pix", "valeurs"]


@pytest.mark.parametrize("name", EXAMPLES)
def test_cached_results_are_the_value_mode(name, cached, recalculated):
    # A viewer that does not recalculate shows what the value mode writes.
    assert cached[name, "formules"] == recalculated[name, "valeurs"]


def test_levels_follow_a_corrected_score(edited, recalculated):
    _, expected = edited
    rows = recalculated["edited"]
    header = rows[0]
    level, description = header.index(LEVEL), header.index(DESCRIPTION)
    before = recalculated["pix", "valeurs"]
    for row, (name, text) in expected.items():
        assert (rows[row - 1][level], rows[row - 1][description]) == (name, text)
        assert (before[row - 1][level], before[row - 1][description]) != (name, text)

    # The other rows kept their levels.
    untouched = [i for i in range(len(rows)) if i + 1 not in expected]
    assert [rows[i][level] for i in untouched] == [before[i][level] for i in untouched]


@pytest.mark.parametrize("book", EXAMPLE_BOOKS, ids="-".join)
def test_pdf_prints_every_sheet(book, workbooks, pdfs):
    pdf = pdfs[book]
    assert pdf.read_bytes().startswith(b"%PDF")
    book_sheets = openpyxl.load_workbook(workbooks[book])
    pages = libreoffice.pdf_pages(pdf)
    if pages is not None:
        assert pages >= len(book_sheets.sheetnames)

    # Each sheet's first cell (its title, or the header) is in the PDF.
    text = libreoffice.pdf_text(pdf)
    if text is not None:
        printed = " ".join(text.split())
        for sheet in book_sheets:
            first = " ".join(str(sheet["A1"].value).split())
            assert first in printed, sheet.title


def test_conversion_failure_says_why(tmp_path):
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not a workbook")
    with pytest.raises(libreoffice.ConversionError) as failure:
        libreoffice.convert([broken], "ods", tmp_path / "out")
    message = str(failure.value)
    assert "broken.xlsx" in message and "--convert-to" in message


# Cached results in the sheet's XML: <f>formula</f><v>result</v>.
_CACHED = re.compile(r"(<f>[^<]*</f><v>)[^<]*(</v>)")


def _rewrite_sheet_xml(source: Path, target: Path, change) -> None:
    """Copy a workbook, changing the first sheet's XML (Résultats)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for member in old.infolist():
            data = old.read(member)
            if member.filename == "xl/worksheets/sheet1.xml":
                data = change(data.decode("utf-8")).encode("utf-8")
            new.writestr(member, data, zipfile.ZIP_DEFLATED)


def _texts(name: str):
    return load("en" if name in ENGLISH else "fr")


def _level(score: int) -> tuple:
    key = level_of_score(score)
    return fr.LEVEL_NAMES[key], fr.LEVEL_DESCRIPTIONS[key]


def _columns(sheet) -> dict:
    """1-based column of each header of the sheet's first row."""
    return {cell.value: cell.column for cell in sheet[1] if cell.value is not None}


def _values(path: Path) -> list:
    """Résultats as openpyxl reads it, formulas as their cached results."""
    sheet = openpyxl.load_workbook(path, data_only=True).worksheets[0]
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def _read_csv(path: Path) -> list:
    with open(path, encoding="utf-8", newline="") as stream:
        return list(csv.reader(stream))


def _shown(value) -> str:
    """A cell's value as Calc displays it, with the workbook's formats."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        pattern = "%d/%m/%Y" if value.time() == datetime.time() else "%d/%m/%Y %H:%M"
        return value.strftime(pattern)
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, datetime.time):
        return value.strftime("%H:%M:%S")
    return str(value)


def _trimmed(rows: list) -> list:
    """Rows without their empty trailing cells, and no empty trailing rows."""
    trimmed = []
    for row in rows:
        row = list(row)
        while row and row[-1] == "":
            row.pop()
        trimmed.append(row)
    while trimmed and not trimmed[-1]:
        trimmed.pop()
    return trimmed
