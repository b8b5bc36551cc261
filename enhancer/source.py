"""Opening one results file: checks, format, header, and the rows under it."""

from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path

from enhancer import errors
from enhancer.header import Layout, find_layout, first_rows
from enhancer.limits import check_length
from enhancer.reference import EXCEL_MAX_COLUMNS
from enhancer.sheet_input import SPREADSHEET_EXTENSIONS, is_spreadsheet, open_sheet
from enhancer.values import is_blank, is_blank_row

INPUT_EXTENSIONS = (".csv", ".tsv", ".txt") + SPREADSHEET_EXTENSIONS
# Excel's columns, less the three the tool may add.
MAX_INPUT_COLUMNS = EXCEL_MAX_COLUMNS - 3


@dataclass
class Table:
    """A results table: its layout, the rows above its data, and its rows."""

    path: Path
    layout: Layout
    top_rows: list
    rows: object
    preview: list
    sheet: str | None = None
    other_sheets: list = field(default_factory=list)
    # --sheet was given for a CSV, which has one table and no sheets.
    sheet_ignored: bool = False

    @property
    def label(self) -> str:
        return self.path.name


def open_table(path: Path, sheet: str | None = None) -> Table:
    """Open a results file and find its table; the data rows stay unread."""
    head = _check_file(path)
    asked_sheet = sheet
    if is_spreadsheet(head):
        rows, sheet, others = open_sheet(path, sheet)
    elif path.suffix.lower() in SPREADSHEET_EXTENSIONS:
        raise errors.NotATable(path=path.name)
    else:
        from enhancer.csv_input import read_rows

        rows, sheet, others = read_rows(path), None, []

    preview = first_rows(rows)
    layout = find_layout(preview, path.name)
    _check_header_length(layout, path.name)
    _check_width(preview, path.name)
    start = layout.first_data_row
    data = chain(preview[start:], rows)

    # A header with nothing under it is not a results file worth writing.
    before_first = []
    for row in data:
        before_first.append(row)
        if not is_blank_row(row):
            break
    else:
        raise errors.NoRows(path=path.name)

    return Table(
        path=path,
        layout=layout,
        top_rows=preview[:start],
        rows=chain(before_first, data),
        preview=preview[start:],
        sheet=sheet,
        other_sheets=others,
        sheet_ignored=asked_sheet is not None and sheet is None,
    )


def _check_header_length(layout: Layout, source: str) -> None:
    # Data cells are checked as they are written; the header is written
    # through another path, and xlsxwriter would cut a long one silently.
    for cell in layout.header:
        check_length(cell, layout.header_row, source)


def _check_width(rows: list, source: str) -> None:
    # The tool adds its own columns (a file column, the global level and
    # its description); Excel has no column beyond its last. Empty fields
    # at the end of a line (a CSV's trailing separators) take no column.
    for row in rows:
        if len(row) > MAX_INPUT_COLUMNS and not all(
            is_blank(cell) for cell in row[MAX_INPUT_COLUMNS:]
        ):
            raise errors.TooManyColumns(path=source)


def _check_file(path: Path) -> bytes:
    """The file's first bytes, once it is known to be a readable, non-empty file."""
    if not path.exists():
        raise errors.InputNotFound(path=str(path))
    if path.is_dir():
        raise errors.InputIsDirectory(path=str(path))
    try:
        with open(path, "rb") as stream:
            head = stream.read(8)
    except OSError as error:
        raise errors.InputUnreadable(path=path.name, reason=error.strerror)
    if not head:
        raise errors.EmptyInput(path=path.name)
    return head


def results_files(folder: Path, output: Path | None = None) -> list:
    """The results files in a folder, in name order; the workbooks this tool
    wrote there (named by its suffix, or the output itself) left out."""
    enriched = tuple(_output_suffixes())
    return sorted(
        path
        for path in folder.iterdir()
        if path.is_file()
        and path.suffix.lower() in INPUT_EXTENSIONS
        and not path.name.startswith((".", "~$"))
        and not path.stem.endswith(enriched)
        and not (output is not None and _same_file(path, output))
    )


def _output_suffixes():
    from enhancer import locales

    for lang in locales.LANGUAGES:
        yield locales.load(lang).OUTPUT_SUFFIX


def _same_file(path: Path, other: Path) -> bool:
    return other.exists() and path.samefile(other)
