"""Finding the results table: its header row and the columns the tool needs.

Columns are found by their header, wherever they are, since complementary
certifications shift Pix's columns. Only a table without a recognisable
header falls back to the letters of the guide's older layout.
"""

import unicodedata
from dataclasses import dataclass, field
from itertools import islice

from enhancer import errors
from enhancer.reference import (
    CERTIFICATION_NUMBER_HEADERS,
    COMPETENCES,
    FIRST_NAME_HEADERS,
    GUIDE_FIRST_COMPETENCE_COLUMN,
    GUIDE_SCORE_COLUMN,
    GUIDE_STATUS_COLUMN,
    LAST_NAME_HEADERS,
    NO_VALUE,
    PERSONAL_DATA_HEADERS,
    SCORE_HEADERS,
    STATUS_HEADERS,
)
from enhancer.text import header_text, normalise
from enhancer.values import (
    is_blank,
    is_blank_row,
    parse_level,
    parse_number,
    status_key,
)

# How far down a header may sit below title lines and blank lines.
HEADER_SEARCH_ROWS = 30
# How much of a header an error message shows: per cell, in all.
_SHOWN_CELL, _SHOWN_ROW = 60, 600

_COMPETENCE_SET = frozenset(COMPETENCES)


@dataclass
class Layout:
    """Where the table's parts are, as 0-based row and column indexes."""

    header_row: int | None
    header: list
    status: int
    score: int
    competences: dict
    certification: int | None = None
    first_name: int | None = None
    last_name: int | None = None
    personal: list = field(default_factory=list)
    by_guide_letters: bool = False

    @property
    def first_data_row(self) -> int:
        return 0 if self.header_row is None else self.header_row + 1

    @property
    def name_columns(self) -> list:
        found = (self.certification, self.first_name, self.last_name)
        return [column for column in found if column is not None]


def header_score(row) -> int:
    """How many cells of a row are headers the tool looks for."""
    names = [normalise(cell) for cell in row if not is_blank(cell)]
    return sum(
        name in _COMPETENCE_SET or name in STATUS_HEADERS or name in SCORE_HEADERS
        for name in names
    )


def find_layout(rows: list, source: str) -> Layout:
    """The layout of the table whose first rows are given, or an error."""
    index = _header_row(rows)
    if index is not None:
        return _layout_from_header(index, rows[index], source)

    layout = _guide_layout(rows)
    if layout is not None:
        return layout
    raise errors.NoHeader(path=source, wanted=_wanted(), seen=_seen(rows))


def first_rows(rows) -> list:
    """The rows a header is looked for in: blank rows on top, then as many
    rows as a header may sit below title lines. The others stay unread."""
    rows = iter(rows)
    preview = []
    for row in rows:
        preview.append(row)
        if not is_blank_row(row):
            break
    preview.extend(islice(rows, HEADER_SEARCH_ROWS - 1))
    return preview


def holds_results(rows: list) -> bool:
    """Whether the first rows of a sheet hold a results table."""
    return _header_row(rows) is not None or _guide_layout(rows) is not None


def _header_row(rows: list) -> int | None:
    # A header names the status or the score, and some competences.
    best, best_score = None, 2
    # Blank rows on top do not count: the search starts at the first line.
    start = next((i for i, row in enumerate(rows) if not is_blank_row(row)), 0)
    window = rows[start : start + HEADER_SEARCH_ROWS]
    for index, row in enumerate(window, start):
        score = header_score(row)
        if score > best_score:
            best, best_score = index, score
    return best


def _layout_from_header(index: int, header: list, source: str) -> Layout:
    names = [normalise(cell) for cell in header]
    status = _find(names, STATUS_HEADERS)
    score = _find(names, SCORE_HEADERS)
    competences = {}
    for column, name in enumerate(names):
        if name in _COMPETENCE_SET and name not in competences:
            competences[name] = column

    missing = [code for code in COMPETENCES if code not in competences]
    if status is None:
        missing.insert(0, "status")
    if score is None:
        missing.insert(1 if status is None else 0, "score")
    if missing:
        # Roles and codes: the message names them in the user's language.
        seen = _shown(header)
        raise errors.MissingColumns(path=source, missing=tuple(missing), seen=seen)

    return Layout(
        header_row=index,
        header=list(header),
        status=status,
        score=score,
        competences={code: competences[code] for code in COMPETENCES},
        certification=_find(names, CERTIFICATION_NUMBER_HEADERS),
        first_name=_find(names, FIRST_NAME_HEADERS),
        last_name=_find(names, LAST_NAME_HEADERS),
        personal=[c for c, name in enumerate(names) if name in PERSONAL_DATA_HEADERS],
    )


def _find(names: list, wanted: tuple) -> int | None:
    for candidate in wanted:
        if candidate in names:
            return names.index(candidate)
    return None


def _guide_layout(rows: list) -> Layout | None:
    """The guide's letters (F, G, H-W), if the rows hold what it says there."""
    data = [row for row in rows if not is_blank_row(row)]
    if not data:
        return None
    has_header = status_key(_cell(data[0], GUIDE_STATUS_COLUMN)) is None
    candidates = data[1:] if has_header else data
    if not candidates or not all(_fits_guide(row) for row in candidates):
        return None

    header_row = rows.index(data[0]) if has_header else None
    first = GUIDE_FIRST_COMPETENCE_COLUMN
    return Layout(
        header_row=header_row,
        header=list(data[0]) if has_header else [],
        status=GUIDE_STATUS_COLUMN,
        score=GUIDE_SCORE_COLUMN,
        competences={code: first + i for i, code in enumerate(COMPETENCES)},
        by_guide_letters=True,
    )


def _fits_guide(row: list) -> bool:
    if status_key(_cell(row, GUIDE_STATUS_COLUMN)) is None:
        return False
    score = _cell(row, GUIDE_SCORE_COLUMN)
    if not (score == NO_VALUE or is_blank(score) or parse_number(score) is not None):
        return False
    first = GUIDE_FIRST_COMPETENCE_COLUMN
    levels = [_cell(row, first + i) for i in range(len(COMPETENCES))]
    return all(parse_level(level)[1] is None for level in levels)


def _cell(row: list, column: int):
    return row[column] if column < len(row) else None


def _wanted() -> tuple:
    return ("status", "score", *COMPETENCES)


def _seen(rows: list) -> str:
    first = next((row for row in rows if not is_blank_row(row)), [])
    return _shown(first)


def _shown(row: list) -> str:
    """A row's cells for an error message, which must stay one short line:
    control characters become spaces, long cells and long rows are cut."""
    cells = [" ".join(_printable(header_text(cell)).split()) for cell in row]
    cells = [_cut(cell, _SHOWN_CELL) for cell in cells if cell]
    return _cut(", ".join(cells), _SHOWN_ROW)


def _printable(text: str) -> str:
    return "".join(" " if unicodedata.category(c)[0] in "CZ" else c for c in text)


def _cut(text: str, length: int) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"
