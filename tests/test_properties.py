"""Property-based tests: whatever the file holds, the command either writes
a workbook holding the input's cells, or refuses in one sentence.

Never a traceback, never a changed input, never a temporary file left.

What "holds the input's cells" means, precisely, for a cell of the input at
row r and column c and the cell at row r, column c of the Résultats sheet:
- an empty cell (None, or "" in a CSV) stays empty;
- a score or competence level cell that holds a whole number Pix allows
  (score 0-895, level 0-8; an integer, an integral float or a text such as
  "3", " 3 " or "3.0") is written as that number;
- a CSV field that is an unquoted integer of at most 15 digits, without
  leading zero, is a number; any other CSV field is its text, unchanged;
- any other spreadsheet value keeps its type and value: text as text,
  numbers to Excel's precision (xlsxwriter writes 16 significant digits),
  booleans, and dates as datetimes at midnight;
- text is compared as Excel reads it: the .xlsx format writes the control
  characters XML cannot hold (and "_x" sequences) as _xHHHH_ escapes, which
  openpyxl leaves undecoded, so they are decoded here as Excel does;
- a row whose cells are all empty or blank text is a blank row: written
  empty, its invisible spaces not kept.
"""

import csv
import datetime
import math
import re
import tempfile
import zipfile
from pathlib import Path

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from enhancer.cli import app
from enhancer.locales import fr
from enhancer.reference import COMPETENCES, MAX_DELIVERED_SCORE, MAX_LEVEL, NO_VALUE
from enhancer.values import is_blank, parse_number
from tests.pixfiles import PIX_HEADER, as_table, session, write_xlsx

SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
SCORE = PIX_HEADER.index("Nombre de Pix")
LEVELS = {PIX_HEADER.index(code) for code in COMPETENCES}
_CSV_INTEGER = re.compile(r"0|-?[1-9][0-9]{0,14}")
_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")

# Texts people and tools put in cells, and texts that try to be more.
SAMPLES = [
    "Validée",
    " validee ",
    "Rejetée",
    "Annulée",
    "Absent",
    NO_VALUE,
    "452",
    "3",
    "3.0",
    " 3 ",
    "9",
    "-1",
    "00123",
    "12/05/2025",
    "=1+1",
    '=HYPERLINK("http://exemple.invalid","x")',
    "+33 6 12 34 56 78",
    "-1+2",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
    "http://exemple.invalid",
    "<r>texte</r>",
    "_x0041_",
    "Commentaire jury pour l\u2019organisation",
    "ligne 1\nligne 2",
    "Élève ñ 日本 \U0001f600",
    " ",
]

# Any character but surrogates (not text) and U+FFFE/U+FFFF, which XML
# cannot hold and Excel cannot store.
CHARACTERS = st.characters(
    exclude_categories=("Cs",), exclude_characters="\ufffe\uffff"
)
TEXTS = st.one_of(st.sampled_from(SAMPLES), st.text(CHARACTERS, max_size=24))
NUMBERS = st.one_of(
    st.integers(-(10**6), 10**6),
    st.integers(0, 1024),
    st.integers(-(10**17), 10**17),
    st.floats(-1e15, 1e15, allow_nan=False, allow_infinity=False),
)
CSV_CELLS = st.one_of(st.none(), TEXTS, st.integers(-(10**17), 10**17), NUMBERS)
SHEET_CELLS = st.one_of(
    st.none(),
    TEXTS,
    NUMBERS,
    st.booleans(),
    st.dates(datetime.date(1950, 1, 1), datetime.date(2050, 12, 31)),
)


def _rows(cells):
    row = st.lists(cells, min_size=len(PIX_HEADER), max_size=len(PIX_HEADER))
    return st.lists(row, min_size=1, max_size=6)


def _titles(cells):
    return st.lists(st.lists(cells, max_size=3), max_size=2)


def run(*args):
    runner = CliRunner()
    return runner.invoke(app, [str(arg) for arg in args], catch_exceptions=False)


def _files(folder: Path) -> dict:
    return {path.name: path.read_bytes() for path in folder.iterdir()}


def enrich_or_refuse(path: Path):
    """Run the command on a file; the workbook it wrote, or None if refused.

    Either way: no traceback, the input as it was, no temporary file.
    """
    folder = path.parent
    before = _files(folder)
    output = folder / "sortie.xlsx"

    result = run("enrich", path, "-o", output)

    after = _files(folder)
    assert after.pop(output.name, None) is not None or result.exit_code != 0
    assert after == before
    assert not any(name.startswith(".~") for name in after)
    if result.exit_code == 1:
        assert result.stdout == ""
        assert len(result.stderr.splitlines()) == 1, result.stderr
        assert "Traceback" not in result.stderr
        assert not output.exists()
        return None
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    return openpyxl.load_workbook(output)


# Expected values.


def _csv_value(value):
    """A cell as the CSV gives it back: text, or a number if it is one."""
    if value is None or value == "":
        return None
    text = value if isinstance(value, str) else str(value)
    # csv.writer quotes only text with separators, quotes or line ends; an
    # integer-looking field has none, so it is written bare.
    return int(text) if _CSV_INTEGER.fullmatch(text) else text


def _expected(value, column: int):
    """A cell as the Résultats sheet must hold it."""
    if column == SCORE or column in LEVELS:
        top = MAX_DELIVERED_SCORE if column == SCORE else MAX_LEVEL
        if value is not None and value != NO_VALUE and not is_blank(value):
            number = parse_number(value)
            if number is not None and 0 <= number <= top:
                return number
    return value


def _same(written, expected) -> bool:
    if isinstance(written, str):
        written = _ESCAPE.sub(lambda m: chr(int(m[1], 16)), written)
    if isinstance(expected, bool) or isinstance(written, bool):
        return written is expected
    if isinstance(expected, datetime.date) and not isinstance(
        expected, datetime.datetime
    ):
        expected = datetime.datetime.combine(expected, datetime.time())
    if isinstance(expected, (int, float)) and isinstance(written, (int, float)):
        return math.isclose(written, expected, rel_tol=1e-15, abs_tol=1e-300)
    return written == expected


def assert_cells_kept(workbook, titles: list, rows: list):
    sheet = workbook[fr.SHEETS["results"]]
    table = [list(row) for row in sheet.iter_rows(values_only=True)]
    offset = len(titles)
    for r, title in enumerate(titles):
        for c, value in enumerate(title):
            assert _same(table[r][c], value), (r, c, table[r][c], value)
    assert table[offset][: len(PIX_HEADER)] == PIX_HEADER
    for r, row in enumerate(rows, start=offset + 1):
        written = table[r] if r < len(table) else [None] * len(PIX_HEADER)
        blank = all(is_blank(value) for value in row)
        for c, value in enumerate(row):
            expected = None if blank else _expected(value, c)
            assert _same(written[c], expected), (r, c, written[c], expected)


# Random tables.


@SETTINGS
@given(
    titles=_titles(TEXTS),
    rows=_rows(CSV_CELLS),
    separator=st.sampled_from([";", ",", "\t"]),
    encoding=st.sampled_from(["utf-8-sig", "utf-8", "cp1252"]),
)
def test_random_csv_tables(titles, rows, separator, encoding):
    # Text as csv.writer (and Excel) writes it: quoted only where needed.
    table = [
        [_csv_text(value) for value in row] for row in [*titles, PIX_HEADER, *rows]
    ]
    table_rows = table[len(titles) + 1 :]
    content = _csv_content(table, separator)
    try:
        data = content.encode(encoding)
    except UnicodeEncodeError:
        data = content.encode("utf-8")

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "resultats.csv"
        path.write_bytes(data)
        workbook = enrich_or_refuse(path)
        if workbook is None:
            return
        expected_rows = [[_csv_value(value) for value in row] for row in table_rows]
        expected_titles = [[_csv_value(v) for v in row] for row in table[: len(titles)]]
        assert_cells_kept(workbook, expected_titles, expected_rows)


def _csv_text(value):
    if value is None:
        return ""
    # A NUL byte is refused as binary data: the random bytes test has them.
    return str(value).replace("\x00", "")


def _csv_content(table: list, separator: str) -> str:
    class Lines:
        def __init__(self):
            self.parts = []

        def write(self, text):
            self.parts.append(text)

    lines = Lines()
    csv.writer(lines, delimiter=separator, lineterminator="\r\n").writerows(table)
    return "".join(lines.parts)


@SETTINGS
@given(titles=_titles(SHEET_CELLS), rows=_rows(SHEET_CELLS))
def test_random_workbook_tables(titles, rows):
    with tempfile.TemporaryDirectory() as folder:
        path = write_xlsx(Path(folder) / "resultats.xlsx", [*titles, PIX_HEADER, *rows])
        workbook = enrich_or_refuse(path)
        if workbook is None:
            return

        # An empty string is no cell at all in a spreadsheet.
        def kept(table):
            return [[None if value == "" else value for value in row] for row in table]

        assert_cells_kept(workbook, kept(titles), kept(rows))


# Random bytes.


def _pristine_xlsx() -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        path = write_xlsx(Path(folder) / "bon.xlsx", as_table(session(4)))
        return path.read_bytes()


PRISTINE_XLSX = _pristine_xlsx()
HEADER_LINE = ";".join(PIX_HEADER).encode("utf-8-sig") + b"\n"
PREFIXES = [b"", b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", HEADER_LINE]


@SETTINGS
@given(
    prefix=st.sampled_from(PREFIXES),
    body=st.binary(max_size=3000),
    suffix=st.sampled_from([".csv", ".txt", ".xlsx", ".xls", ".ods", ".xlsb"]),
)
def test_random_bytes(prefix, body, suffix):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fichier{suffix}"
        path.write_bytes(prefix + body)
        enrich_or_refuse(path)


@SETTINGS
@given(
    flips=st.lists(
        st.tuples(st.integers(0, len(PRISTINE_XLSX) - 1), st.integers(1, 255)),
        max_size=6,
    ),
    cut=st.one_of(st.none(), st.integers(0, len(PRISTINE_XLSX))),
)
def test_damaged_workbooks(flips, cut):
    data = bytearray(PRISTINE_XLSX)
    for position, mask in flips:
        data[position] ^= mask
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "abime.xlsx"
        path.write_bytes(bytes(data[:cut]))
        enrich_or_refuse(path)


def test_the_pristine_workbook_is_enriched():
    # The damaged workbooks above start from a file the command accepts.
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bon.xlsx"
        path.write_bytes(PRISTINE_XLSX)
        assert enrich_or_refuse(path) is not None
        assert zipfile.is_zipfile(path)
