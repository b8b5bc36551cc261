"""Anomalies: values that break Pix's rules, kept as they are and listed.

They are written to the Anomalies sheet as they are found, so a file full of
them costs no memory; the run's output shows the first few.
"""

from dataclasses import dataclass

from xlsxwriter.utility import xl_col_to_name

from enhancer.text import header_text
from enhancer.worksheet import add_fast_sheet

# How many anomalies the run's output lists before summing up the rest.
SHOWN_IN_OUTPUT = 20
# How many rows a sheet links to; past them, the row number alone. xlsxwriter
# keeps every link in memory until the workbook is closed (about 0.8 KB
# each), so a cap keeps memory flat however many rows a file has. Excel's
# own limit is 65,530 links per sheet.
MAX_LINKS = 1_000


@dataclass
class Anomaly:
    """One cell that breaks the rules, where it is and what is wrong."""

    row: int
    column: str
    value: object
    problem: str
    file: str | None = None
    # For a duplicate, the row where the number was first seen.
    first: int | None = None


class AnomalySheet:
    """The Anomalies sheet, written as anomalies turn up."""

    def __init__(self, workbook, formats: dict, texts, results_sheet_name: str):
        self.sheet = add_fast_sheet(workbook, texts.SHEETS["anomalies"], formats)
        self.texts = texts
        self.formats = formats
        self.results = results_sheet_name
        self.count = 0
        self.first = []
        self._started = False

    def add(self, anomaly: Anomaly) -> None:
        if not self._started:
            self._write_header(anomaly.file is not None)
        self.count += 1
        if len(self.first) < SHOWN_IN_OUTPUT:
            self.first.append(anomaly)

        sheet, row = self.sheet, self.count + 2
        if self.count <= MAX_LINKS:
            target = f"internal:'{self.results}'!A{anomaly.row}"
            sheet.write_url(row, 0, target, self.formats["link"], str(anomaly.row))
        else:
            sheet.write_number(row, 0, anomaly.row)
        sheet.write_string(row, 1, anomaly.column)
        sheet.write_value(row, 2, anomaly.value)
        sheet.write_string(row, 3, self.problem_text(anomaly))
        if anomaly.file is not None:
            sheet.write_string(row, 4, anomaly.file)

    def problem_text(self, anomaly: Anomaly) -> str:
        return self.texts.ANOMALY_PROBLEMS[anomaly.problem].format(first=anomaly.first)

    def finish(self) -> None:
        if not self._started:
            self._write_header(False)
            self.sheet.write_string(3, 0, self.texts.ANOMALIES_NONE)

    def _write_header(self, with_file: bool) -> None:
        self._started = True
        texts, formats = self.texts, self.formats
        self.sheet.write_string(0, 0, texts.ANOMALIES_TITLE, formats["title"])
        names = texts.ANOMALIES_HEADER + (
            (texts.ADDED_COLUMNS["file"],) if with_file else ()
        )
        for column, name in enumerate(names):
            self.sheet.write_string(2, column, name, formats["header"])
        self.sheet.set_column(0, 0, 10)
        self.sheet.set_column(1, 1, 24)
        self.sheet.set_column(2, 2, 20)
        self.sheet.set_column(3, 3, 90)
        self.sheet.set_column(4, 4, 30)
        self.sheet.freeze_panes(3, 0)


def column_label(column: int, header: list) -> str:
    """A column as the user sees it: its letter and its header."""
    letter = xl_col_to_name(column)
    name = header_text(header[column]) if column < len(header) else ""
    return f"{letter} ({name})" if name else letter
