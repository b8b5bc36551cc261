"""The formula mode: the global level and its description as live formulas.

Each row's `Niveau global` and `Description du niveau` look the score up in
the Niveaux sheet and the status's meaning up in the Statuts sheet, so they
follow a score or a status corrected in Excel or LibreOffice. Each formula
carries the value mode's result as its cached value: a viewer that does not
recalculate shows exactly what the value mode writes.

The formulas follow the value mode's rules (values.py, assess.py) as far as
spreadsheet functions allow: the status is compared without regard to case or
surrounding spaces, with and without accents; a score counts only if it is a
whole number from 0 to 1024.
"""

from xlsxwriter.utility import quote_sheetname, xl_col_to_name, xl_rowcol_to_cell

from enhancer.guide_sheets import (
    LEVEL_DESCRIPTION_COLUMN,
    LEVEL_LOW_COLUMN,
    LEVEL_NAME_COLUMN,
    LEVELS_FIRST_ROW,
    STATUS_MEANING_COLUMN,
    STATUSES_FIRST_ROW,
)
from enhancer.reference import (
    LEVEL_BANDS,
    MAX_SCORE,
    NO_VALUE,
    STATUS_ALIASES,
    STATUS_SPELLINGS,
    STATUSES,
)

# Stands for the row number in a formula's template; never in any text.
_ROW = "\0"
# Excel refuses a text constant longer than this inside a formula, counted
# in UTF-16 units; pieces of half as many characters are always short enough.
MAX_FORMULA_TEXT = 255
_TEXT_PIECE = MAX_FORMULA_TEXT // 2
# Excel's limit on a formula's length.
MAX_FORMULA_LENGTH = 8192
# Spaces the value mode's normalisation turns into plain spaces.
_ODD_SPACES = ("\u00a0", "\u202f")
_WILDCARDS = ("~", "*", "?")


class LevelFormulas:
    """Writes a row's level and description as formulas with cached values."""

    def __init__(self, texts, plan, level_column: int, description_column: int):
        status = f"{xl_col_to_name(plan.status)}{_ROW}"
        score = f"{xl_col_to_name(plan.score)}{_ROW}"
        code = status_code(status)
        # Each formula as its pieces around the row number, joined per row.
        self._level = level_formula(texts, code, score).split(_ROW)
        self._description = description_formula(texts, code, score).split(_ROW)
        self.level_column = level_column
        self.description_column = description_column

    def write(self, sheet, row: int, level: str, description: str) -> None:
        """The row's two formulas, with the value mode's texts as results."""
        number = str(row + 1)
        formulas = number.join(self._level), number.join(self._description)
        sheet.write_own_formula(row, self.level_column, formulas[0], level)
        sheet.write_own_formula(row, self.description_column, formulas[1], description)


def level_formula(texts, code: str, score: str) -> str:
    """The band's name for a validated status and a valid score, else "-"."""
    validated = STATUSES.index("validated") + 1
    name = band_lookup(texts, LEVEL_NAME_COLUMN, score, text(NO_VALUE))
    return f"IF({code}={validated},{name},{text(NO_VALUE)})"


def description_formula(texts, code: str, score: str) -> str:
    """The band's description, or what the status means, as the value mode."""
    statuses = quote_sheetname(texts.SHEETS["statuses"])
    branches = [text(texts.UNKNOWN_STATUS)]
    for row, status in enumerate(STATUSES, start=STATUSES_FIRST_ROW):
        if status == "validated":
            invalid = text(texts.INVALID_SCORE)
            branches.append(
                band_lookup(texts, LEVEL_DESCRIPTION_COLUMN, score, invalid)
            )
        else:
            cell = xl_rowcol_to_cell(row, STATUS_MEANING_COLUMN, True, True)
            branches.append(f"{statuses}!{cell}")
    return f"CHOOSE({code}+1,{','.join(branches)})"


def status_code(cell: str) -> str:
    """1 to 5, the status's place in STATUSES, or 0 for an unknown status."""
    spellings = {**STATUS_ALIASES, **STATUS_SPELLINGS}
    names = ",".join(text(name) for name in spellings)
    codes = ",".join(str(STATUSES.index(key) + 1) for key in spellings.values())
    plain = cell
    for space in _ODD_SPACES:
        plain = f'SUBSTITUTE({plain},"{space}"," ")'
    # MATCH takes * and ? as wildcards ("valid*" would pass for "validee"):
    # they are escaped with ~, itself escaped first.
    for wildcard in _WILDCARDS:
        plain = f'SUBSTITUTE({plain},"{wildcard}","~{wildcard}")'
    found = f"MATCH(LOWER(TRIM({plain})),{{{names}}},0)"
    return f"IFERROR(INDEX({{{codes}}},{found}),0)"


def band_lookup(texts, column: int, score: str, otherwise: str) -> str:
    """The Niveaux sheet's cell in ``column`` for the score's band, if the
    score is a whole number on Pix's scale, else ``otherwise``."""
    levels = quote_sheetname(texts.SHEETS["levels"])
    first, last = LEVELS_FIRST_ROW, LEVELS_FIRST_ROW + len(LEVEL_BANDS) - 1
    lows = _column_range(levels, LEVEL_LOW_COLUMN, first, last)
    values = _column_range(levels, column, first, last)
    lowest = LEVEL_BANDS[0][1]
    # ISNUMBER first: comparing a text with a number is no error, INT of it
    # is. LibreOffice counts TRUE as a number, so ISLOGICAL too.
    in_scale = f"AND({score}>={lowest},{score}<={MAX_SCORE},{score}=INT({score}))"
    valid = f"IF(ISNUMBER({score}),IF(ISLOGICAL({score}),FALSE,{in_scale}),FALSE)"
    return f"IF({valid},INDEX({values},MATCH({score},{lows},1)),{otherwise})"


def text(value: str) -> str:
    """A text constant for a formula, in pieces Excel accepts if it is long."""
    pieces = [value]
    if len(value.encode("utf-16-le")) // 2 > MAX_FORMULA_TEXT:
        pieces = [
            value[start : start + _TEXT_PIECE]
            for start in range(0, len(value), _TEXT_PIECE)
        ]
    return "&".join('"' + piece.replace('"', '""') + '"' for piece in pieces)


def _column_range(sheet: str, column: int, first: int, last: int) -> str:
    top = xl_rowcol_to_cell(first, column, True, True)
    bottom = xl_rowcol_to_cell(last, column, True, True)
    return f"{sheet}!{top}:{bottom}"
