"""An xlsxwriter worksheet that writes input values safely and quickly.

Additions to xlsxwriter's worksheet, for constant_memory mode:
- ``write_shared`` stores a repeated string (a level name, a description) once
  in the shared string table instead of inline on every row, which keeps a
  100,000-row workbook as small and fast to write as the plain copy;
- ``write_value`` writes any value read from the input as its own type, and
  text always as text, so nothing from a file becomes a formula or a link;
- ``write_own_formula`` writes the formula mode's formulas, and only those.
"""

import datetime
from collections import namedtuple

from xlsxwriter.utility import xl_rowcol_to_cell_fast
from xlsxwriter.worksheet import CellFormulaTuple, Worksheet

SharedString = namedtuple("SharedString", "index format")

# Strings that xlsxwriter, in constant_memory mode, would take for its own
# rich-text markup and write into the file unescaped.
_MARKUP_START, _MARKUP_END = "<r>", "</r>"


class FastWorksheet(Worksheet):
    """A worksheet with shared strings and typed, formula-safe writes."""

    date_format = None
    datetime_format = None
    time_format = None

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

    def _write_cell(self, row: int, col: int, cell) -> None:
        if cell.__class__ is not SharedString:
            Worksheet._write_cell(self, row, col, cell)
            return
        attributes = [("r", xl_rowcol_to_cell_fast(row, col))]
        if cell.format:
            attributes.append(("s", cell.format._get_xf_index()))
        self._xml_string_element(cell.index, attributes)

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
        if isinstance(value, (datetime.date, datetime.time, datetime.timedelta)):
            return self._write_datetime(
                row, col, value, cell_format or self._date_format_for(value)
            )
        return self.write_text(row, col, str(value), cell_format)

    def write_text(self, row: int, col: int, text: str, cell_format=None):
        """Write text as text, whatever it looks like (=, +, @, <r>...)."""
        if text.startswith(_MARKUP_START) and text.endswith(_MARKUP_END):
            # As a rich string of plain pieces, it is escaped like any text.
            pieces = (text[:1], text[1:-1], text[-1:])
            extra = (cell_format,) if cell_format is not None else ()
            return self._write_rich_string(row, col, *pieces, *extra)
        return self._write_string(row, col, text, cell_format)

    def _date_format_for(self, value):
        if isinstance(value, datetime.datetime):
            has_time = value.time() != datetime.time()
            return self.datetime_format if has_time else self.date_format
        if isinstance(value, datetime.date):
            return self.date_format
        return self.time_format
