"""An xlsxwriter worksheet that writes input values safely and quickly.

Additions to xlsxwriter's worksheet, for constant_memory mode:
- ``write_shared`` stores a repeated string (a level name, a description) once
  in the shared string table instead of inline on every row, which keeps a
  100,000-row workbook as small and fast to write as the plain copy;
- ``write_value`` writes any value read from the input as its own type, and
  text always as text, so nothing from a file becomes a formula or a link;
- ``write_own_formula`` writes the formula mode's formulas, and only those;
- each finished row goes to disk as one string built from its cells, instead
  of xlsxwriter's attribute lists and escaping calls per cell, which were most
  of the time spent on a large file.
"""

import datetime
import re
from collections import namedtuple

from xlsxwriter.utility import (
    _preserve_whitespace,
    xl_col_to_name,
    xl_rowcol_to_cell_fast,
)
from xlsxwriter.worksheet import (
    CellFormulaTuple,
    CellNumberTuple,
    CellStringTuple,
    Worksheet,
)

SharedString = namedtuple("SharedString", "index format")

# Strings that xlsxwriter, in constant_memory mode, would take for its own
# rich-text markup and write into the file unescaped.
_MARKUP_START, _MARKUP_END = "<r>", "</r>"

# Characters a string needs xlsxwriter's own escaping for: XML's, control
# characters, and "_" since "_x0041_" is itself an escape in Excel. Leading
# or trailing spaces need an attribute. Such strings take xlsxwriter's path.
_NEEDS_ESCAPING = re.compile(r"[&<>_\x00-\x08\x0b-\x1f\ufffe\uffff]")

# Formula results Excel reads as errors, not text.
_FORMULA_ERRORS = frozenset(
    ("#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!")
)

# Column letters by index, filled as columns are first written.
_COLUMN_NAMES = {}


def add_fast_sheet(workbook, name: str, formats: dict) -> "FastWorksheet":
    """A new FastWorksheet, with the formats input dates and times take."""
    sheet = workbook.add_worksheet(name, worksheet_class=FastWorksheet)
    sheet.date_format = formats["date"]
    sheet.datetime_format = formats["datetime"]
    sheet.time_format = formats["time"]
    return sheet


class FastWorksheet(Worksheet):
    """A worksheet with shared strings and typed, formula-safe writes."""

    date_format = None
    datetime_format = None
    time_format = None
    _column_styles = None

    def write_shared(self, row: int, col: int, string: str, cell_format=None):
        """Write a string kept once in the workbook's shared string table."""
        if self._check_dimensions(row, col):
            return -1
        index = self.str_table._get_shared_string_index(string)
        if self.constant_memory and row > self.previous_row:
            self._write_single_row(row)
        self.table[row][col] = SharedString(index, cell_format)
        return 0

    def write_own_formula(self, row: int, col: int, formula: str, value: str):
        """Write one of the tool's own formulas with its result cached.

        Never for input text. The formula is stored as given: it uses none of
        the newer functions xlsxwriter would rename, so its per-call rewriting
        (two dozen regular expressions) is spared on every row.
        """
        if self._check_dimensions(row, col):
            return -1
        if self.constant_memory and row > self.previous_row:
            self._write_single_row(row)
        self.table[row][col] = CellFormulaTuple(formula, None, value)
        return 0

    def open_row(self, row: int, last_col: int) -> dict:
        """The cells of a new row, to put input text and whole numbers in.

        A str or int put in the returned dict is written as text or number
        when the row ends, like write_string and write_number would, without
        their checks on every cell: the caller checks text length. Other
        values and formatted cells still go through write_value.
        """
        if not self.constant_memory:
            raise ValueError("open_row needs a workbook in constant_memory mode")
        if self._check_dimensions(row, 0) or self._check_dimensions(row, last_col):
            raise IndexError(f"row {row} cannot be written any more")
        if row > self.previous_row:
            self._write_single_row(row)
        return self.table[row]

    def set_column_pixels(self, *args, **kwargs):
        # Column formats may change: work out the cells' styles again.
        self._column_styles = None
        return Worksheet.set_column_pixels(self, *args, **kwargs)

    def _write_single_row(self, current_row_num: int = 0) -> None:
        """Write the finished row's XML in one piece, then forget the row."""
        row = self.previous_row
        cells = self.table.get(row)
        if not cells or row in self.row_info or row in self.comments:
            Worksheet._write_single_row(self, current_row_num)
            return

        self.previous_row = current_row_num
        self._write_row(row, None)
        styles = self._styles_by_column()
        number = str(row + 1)
        parts = []
        for col in sorted(cells):
            cell = cells[col]
            kind = cell.__class__
            ref = (_COLUMN_NAMES.get(col) or _column_name(col)) + number

            # Text and numbers put by open_row make nearly every cell.
            if kind is int:
                xml = f'<c r="{ref}"{styles.get(col, "")}><v>{cell:.16G}</v></c>'
            elif kind is str and _is_plain(cell):
                style = styles.get(col, "")
                xml = f'<c r="{ref}"{style} t="inlineStr"><is><t>{cell}</t></is></c>'
            else:
                xml = self._cell_xml(ref, row, col, cell)

            if xml is None:
                # Written by the slower path, after the cells before it.
                self.fh.write("".join(parts))
                parts.clear()
                self._write_cell(row, col, cell)
            else:
                parts.append(xml)
        parts.append("</row>")
        self.fh.write("".join(parts))
        self.table.clear()

    def _cell_xml(self, ref: str, row: int, col: int, cell) -> str | None:
        # The cells xlsxwriter's own write methods store, the common ones.
        kind = cell.__class__
        if kind is CellNumberTuple:
            style = self._style(cell.format, row, col)
            return f'<c r="{ref}"{style}><v>{cell.number:.16G}</v></c>'
        if kind is SharedString:
            style = self._style(cell.format, row, col)
            return f'<c r="{ref}"{style} t="s"><v>{cell.index}</v></c>'
        if kind is CellStringTuple and _is_plain(cell.string):
            style = self._style(cell.format, row, col)
            text = cell.string
            return f'<c r="{ref}"{style} t="inlineStr"><is><t>{text}</t></is></c>'
        if kind is CellFormulaTuple and _is_text_result(cell.value):
            # The formula mode's level formulas, with their text result.
            style = self._style(cell.format, row, col)
            formula, value = (
                self._escape_data(cell.formula),
                self._escape_data(cell.value),
            )
            return f'<c r="{ref}"{style} t="str"><f>{formula}</f><v>{value}</v></c>'
        return None

    def _write_cell(self, row: int, col: int, cell) -> None:
        # The slower path, also taken by xlsxwriter for rows with notes.
        kind = cell.__class__
        if kind is SharedString or kind is str or kind is int:
            attributes = [("r", xl_rowcol_to_cell_fast(row, col))]
            own = cell.format if kind is SharedString else None
            index = self._xf_index(own, row, col)
            if index is not None:
                attributes.append(("s", index))
        if kind is SharedString:
            self._xml_string_element(cell.index, attributes)
        elif kind is str:
            # Text put by open_row: escaped like any text, markup included.
            text = self._escape_control_characters(cell)
            self._xml_inline_string(text, _preserve_whitespace(text), attributes)
        elif kind is int:
            self._xml_number_element(cell, attributes)
        else:
            Worksheet._write_cell(self, row, col, cell)

    def _styles_by_column(self) -> dict:
        """The style attribute of each column that has a format."""
        if self._column_styles is None:
            self._column_styles = {
                col: f' s="{info.column_format._get_xf_index()}"'
                for col, info in self.col_info.items()
                if info.column_format is not None
            }
        return self._column_styles

    def _style(self, cell_format, row: int, col: int) -> str:
        index = self._xf_index(cell_format, row, col)
        return "" if index is None else f' s="{index}"'

    def _xf_index(self, cell_format, row: int, col: int) -> int | None:
        # The cell's own format, else its row's, else its column's.
        if cell_format is None:
            info = self.row_info.get(row)
            cell_format = info.row_format if info is not None else None
        if cell_format is None:
            column = self.col_info.get(col)
            cell_format = column.column_format if column is not None else None
        return None if cell_format is None else cell_format._get_xf_index()

    def write_value(self, row: int, col: int, value, cell_format=None):
        """Write a value read from the input, keeping its type."""
        kind = value.__class__
        if kind is str:
            return self.write_text(row, col, value, cell_format)
        if kind is int or kind is float:
            return self._write_number(row, col, value, cell_format)
        if value is None:
            if cell_format is not None:
                return self._write_blank(row, col, None, cell_format)
            return 0
        if kind is bool:
            return self._write_boolean(row, col, value, cell_format)
        kind = date_kind(value)
        if kind is not None:
            shown = cell_format or getattr(self, kind + "_format")
            return self._write_datetime(row, col, value, shown)
        return self.write_text(row, col, str(value), cell_format)

    def write_text(self, row: int, col: int, text: str, cell_format=None):
        """Write text as text, whatever it looks like (=, +, @, <r>...)."""
        if text.startswith(_MARKUP_START) and text.endswith(_MARKUP_END):
            # As a rich string of plain pieces, it is escaped like any text.
            pieces = (text[:1], text[1:-1], text[-1:])
            extra = (cell_format,) if cell_format is not None else ()
            return self._write_rich_string(row, col, *pieces, *extra)
        return self._write_string(row, col, text, cell_format)


def date_kind(value) -> str | None:
    """ "date", "datetime" or "time" for a value shown with that format (a
    midnight datetime is a date), None for any other value."""
    if isinstance(value, datetime.datetime):
        return "date" if value.time() == datetime.time() else "datetime"
    if isinstance(value, datetime.date):
        return "date"
    if isinstance(value, (datetime.time, datetime.timedelta)):
        return "time"
    return None


def set_printing(sheet, header_row: int | None = None) -> None:
    """Landscape A4, one page wide, the header row repeated on each page."""
    sheet.set_landscape()
    sheet.set_paper(9)
    sheet.fit_to_pages(1, 0)
    if header_row is not None:
        sheet.repeat_rows(header_row)


def _is_plain(string: str) -> bool:
    """Whether a string goes into the XML as it is."""
    return not (
        _NEEDS_ESCAPING.search(string) or string[:1].isspace() or string[-1:].isspace()
    )


def _is_text_result(value) -> bool:
    """Whether a formula's cached result is text, neither empty nor an error."""
    return value.__class__ is str and value != "" and value not in _FORMULA_ERRORS


def _column_name(col: int) -> str:
    _COLUMN_NAMES[col] = name = xl_col_to_name(col)
    return name
