"""The Résultats sheet: the input table as it was, plus the global level.

Rows are written as they stream in (constant_memory mode writes each row
to disk once the next one starts), so everything that depends on the last
row (conditional formats, filter) is added at the end.
"""

from xlsxwriter.utility import xl_col_to_name, xl_rowcol_to_cell

from enhancer import errors
from enhancer.level_formulas import LevelFormulas
from enhancer.limits import SAFE_LENGTH, check_length, check_room
from enhancer.reference import (
    COMPETENCE_GROUPS,
    LEVEL_BANDS,
    LEVEL_GROUP,
    NO_VALUE,
)
from enhancer.text import header_text
from enhancer.worksheet import add_fast_sheet, date_kind, set_printing

MIN_WIDTH, MAX_WIDTH = 6, 40
LEVEL_WIDTH, DESCRIPTION_WIDTH = 20, 70
_SCORE = "score"


class ResultsSheet:
    """Writes the Résultats sheet row by row."""

    def __init__(self, workbook, formats: dict, texts, plan, formulas=False):
        self.sheet = add_fast_sheet(workbook, texts.SHEETS["results"], formats)
        self.formats = formats
        self.texts = texts
        self.plan = plan
        self.level_column = plan.width
        self.description_column = plan.width + 1
        # In formula mode, the level and description are live formulas.
        self.formulas = (
            LevelFormulas(texts, plan, self.level_column, self.description_column)
            if formulas
            else None
        )
        self.row = 0
        self.header_row = None
        # By table layout: which input columns hold the score and levels.
        self._number_roles = {}

    @property
    def last_row(self) -> int:
        return self.row - 1

    def write_top_rows(self, rows: list, source: str) -> None:
        """Title lines above the header, kept as they were."""
        for row in rows:
            check_room(self.row, source)
            for column, value in enumerate(row):
                check_length(value, self.row, source)
                self.sheet.write_value(self.row, column, value)
            self.row += 1

    def write_header(self, sample_rows: list) -> None:
        """The original header, the added columns' headers and their notes."""
        sheet, formats, texts = self.sheet, self.formats, self.texts
        self.header_row = self.row
        if self.plan.with_file_column:
            sheet.write_string(
                self.row, 0, texts.ADDED_COLUMNS["file"], formats["added_header"]
            )
        for column, value in enumerate(self.plan.header, start=self.plan.offset):
            sheet.write_value(self.row, column, value, formats["header"])
        for column, key in (
            (self.level_column, "level"),
            (self.description_column, "description"),
        ):
            sheet.write_string(
                self.row, column, texts.ADDED_COLUMNS[key], formats["added_header"]
            )

        # Comments must be written before the row is left behind.
        for code, column in self.plan.competences.items():
            sheet.write_comment(
                self.row,
                column,
                f"{code} {texts.COMPETENCE_NAMES[code]}",
                {"x_scale": 2, "y_scale": 0.6},
            )
        self._set_widths(sample_rows)
        self.row += 1

    def write_candidate(self, row, table, mapping, assessment, file_label=None):
        """One input row, its numbers as numbers, and its global level."""
        source = table.label
        check_room(self.row, source)
        sheet, r = self.sheet, self.row
        # Text and whole numbers go straight into the row's cells, the
        # hot path on a large file; the length check is done here.
        cells = sheet.open_row(r, self.description_column)
        roles = self._roles(table.layout, len(mapping))
        problems = {c for c, _ in assessment.problems} if assessment.problems else ()
        if file_label is not None:
            cells[0] = file_label

        for column, value in enumerate(row):
            if value is None:
                if column in problems:
                    # A missing score is highlighted too: the empty cell.
                    sheet.write_value(r, mapping[column], None, self.formats["anomaly"])
                continue
            out = mapping[column] if column < len(mapping) else -1
            if out is None:
                continue
            if out < 0:
                raise errors.RowTooWide(path=source, row=r + 1)
            kind = value.__class__
            if kind is str and len(value) > SAFE_LENGTH:
                check_length(value, self.row, source)
            if column in problems:
                sheet.write_value(r, out, value, self._anomaly_format(value))
                continue
            role = roles[column]
            if role is not None:
                # A valid score or level is written as a number, even
                # from a cell that held it as text.
                number = assessment.score if role is _SCORE else assessment.levels[role]
                if number is not None:
                    cells[out] = number
                    continue
            if kind is str or kind is int:
                cells[out] = value
            else:
                sheet.write_value(r, out, value)

        name, description = self._level_texts(assessment)
        if self.formulas is None:
            sheet.write_shared(r, self.level_column, name)
            sheet.write_shared(r, self.description_column, description)
        else:
            self.formulas.write(sheet, r, name, description)
        self.row += 1

    def _anomaly_format(self, value):
        # A date keeps its date format under the anomaly's colour.
        kind = date_kind(value)
        return self.formats["anomaly" if kind is None else "anomaly_" + kind]

    def write_blank(self) -> None:
        """A blank row between candidates, kept as a blank row."""
        self.row += 1

    def finish(self) -> None:
        """Formats, filter, panes and printing, now that the last row is known."""
        sheet, header = self.sheet, self.header_row
        first, last = header + 1, max(self.last_row, header + 1)
        self._competence_formats(first, last)
        self._level_formats(first, last)
        sheet.autofilter(header, 0, last, self.description_column)
        sheet.freeze_panes(header + 1, self._frozen_columns())
        set_printing(sheet, header)

    def _level_texts(self, assessment) -> tuple:
        texts = self.texts
        if assessment.level is not None:
            key = assessment.level
            return texts.LEVEL_NAMES[key], texts.LEVEL_DESCRIPTIONS[key]
        if assessment.status is None:
            return NO_VALUE, texts.UNKNOWN_STATUS
        if assessment.validated:
            return NO_VALUE, texts.INVALID_SCORE
        return NO_VALUE, texts.STATUS_MEANINGS[assessment.status]

    def _competence_formats(self, first: int, last: int) -> None:
        # Formula rules, since Excel's "equal to 0" also matches blank cells.
        for block in _contiguous(sorted(self.plan.competences.values())):
            top_left = xl_rowcol_to_cell(first, block[0])
            cells = f"{top_left}:{xl_rowcol_to_cell(last, block[-1])}"
            for group, low, high in COMPETENCE_GROUPS:
                rule = f"AND(ISNUMBER({top_left}),{top_left}>={low},{top_left}<={high})"
                self._add_rule(cells, rule, group)
            self._add_rule(cells, f'{top_left}="{NO_VALUE}"', "untested")

    def _level_formats(self, first: int, last: int) -> None:
        column = self.level_column
        cells = f"{xl_rowcol_to_cell(first, column)}:{xl_rowcol_to_cell(last, column)}"
        top_left = xl_rowcol_to_cell(first, column)
        for key, _, _ in LEVEL_BANDS:
            name = self.texts.LEVEL_NAMES[key]
            self._add_rule(cells, f'{top_left}="{name}"', LEVEL_GROUP[key])
        self._add_rule(cells, f'{top_left}="{NO_VALUE}"', "untested")

    def _add_rule(self, cells: str, formula: str, group: str) -> None:
        self.sheet.conditional_format(
            cells,
            {
                "type": "formula",
                "criteria": "=" + formula,
                "format": self.formats[group],
            },
        )

    def _frozen_columns(self) -> int:
        # Keep the names in view, when they come before the results.
        names = [c for c in self.plan.name_columns if c < self.plan.status]
        return max(names) + 1 if names else 0

    def _set_widths(self, sample_rows: list) -> None:
        # The sample rows are the first input's: its mapping puts each value
        # under its output column, past dropped columns and the file column.
        plan, mapping = self.plan, self.plan.mappings[0]
        widths = {}
        for column, value in enumerate(plan.header, start=plan.offset):
            widths[column] = len(header_text(value)) + 2
        for row in sample_rows:
            for column, value in enumerate(row[: len(mapping)]):
                out = mapping[column]
                if out is not None:
                    length = len(header_text(value)) + 2
                    widths[out] = max(widths.get(out, 0), length)
        # Levels and scores centred, so a "-" lines up with the numbers.
        centred = {plan.score, *plan.competences.values()}
        for column in range(plan.width):
            width = min(max(widths.get(column, MIN_WIDTH), MIN_WIDTH), MAX_WIDTH)
            look = self.formats["centred"] if column in centred else None
            self.sheet.set_column(column, column, width, look)
        self.sheet.set_column(self.level_column, self.level_column, LEVEL_WIDTH)
        self.sheet.set_column(
            self.description_column, self.description_column, DESCRIPTION_WIDTH
        )

    def _roles(self, layout, width: int) -> list:
        """By input column: _SCORE, a competence code, or None."""
        roles = self._number_roles.get(id(layout))
        if roles is None:
            last = max(width - 1, layout.score, *layout.competences.values())
            roles = [None] * (last + 1)
            roles[layout.score] = _SCORE
            for code, column in layout.competences.items():
                roles[column] = code
            self._number_roles[id(layout)] = roles
        return roles


def _contiguous(columns: list) -> list:
    """Runs of adjacent columns: [3, 4, 5, 9] gives [[3, 4, 5], [9]]."""
    blocks = []
    for column in columns:
        if blocks and column == blocks[-1][-1] + 1:
            blocks[-1].append(column)
        else:
            blocks.append([column])
    return blocks


def column_letter(column: int) -> str:
    return xl_col_to_name(column)
