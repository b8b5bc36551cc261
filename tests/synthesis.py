"""Reading the Synthèse sheet back, and its figures computed independently.

``expected`` works from the rows the test wrote (dicts keyed by Pix's
headers) with its own copy of the guide's tables, not with the tool's code,
so a wrong figure on the sheet cannot be matched by the same wrong figure
here.
"""

import re
import statistics
from dataclasses import dataclass, field

from openpyxl.utils.cell import range_boundaries

CODES = [
    "1.1",
    "1.2",
    "1.3",
    "2.1",
    "2.2",
    "2.3",
    "2.4",
    "3.1",
    "3.2",
    "3.3",
    "3.4",
    "4.1",
    "4.2",
    "4.3",
    "5.1",
    "5.2",
]
# The guide's statuses, as Pix writes them, in the order the sheet lists them.
STATUSES = ["Validée", "Rejetée", "Annulée", "En erreur", "Démarrée"]
# The tool's keys for them (check --json), in the same order.
STATUS_KEYS = ["validated", "rejected", "cancelled", "error", "started"]
UNKNOWN = "Statut inconnu"
# The guide's score bands: highest score of each, and its name.
BANDS = [
    (63, "Aucun niveau atteint"),
    (127, "Novice 1"),
    (255, "Novice 2"),
    (383, "Indépendant 1"),
    (511, "Indépendant 2"),
    (639, "Avancé 1"),
    (767, "Avancé 2"),
    (895, "Expert 1"),
    (1024, "Expert 2"),
]
# The tool's keys for the bands (check --json, reference.LEVEL_GROUP), in order.
LEVEL_KEYS = [
    "none",
    "novice1",
    "novice2",
    "independent1",
    "independent2",
    "advanced1",
    "advanced2",
    "expert1",
    "expert2",
]
# Competence level groups, as the sheet heads them.
GROUPS = [
    ("Niveau 0", 0, 0),
    ("Novice (1-2)", 1, 2),
    ("Indépendant (3-4)", 3, 4),
    ("Avancé (5-6)", 5, 6),
    ("Expert (7-8)", 7, 8),
]
WITHOUT_SCORE = "Validée, sans score valide"
SCORE_HEADER = "Nombre de Pix"


@dataclass
class Expected:
    """The figures the Synthèse sheet must show for some rows."""

    candidates: int = 0
    statuses: dict = field(default_factory=dict)
    validated: int = 0
    levels: dict = field(default_factory=dict)
    without_score: int = 0
    scores: list = field(default_factory=list)
    competences: dict = field(default_factory=dict)
    # (row in Résultats, last name, first name, number, status shown).
    follow_up: list = field(default_factory=list)


def is_level(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 8


def is_score(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 1024


def band_name(score: int) -> str:
    return next(name for high, name in BANDS if score <= high)


def has_anomaly(row: dict, score_header: str = SCORE_HEADER) -> bool:
    """Whether a row breaks one of the guide's rules (duplicates aside)."""
    status = row.get("Statut")
    if status not in STATUSES:
        return True
    # A score is "-" or blank where there is none (an anomaly for a validated
    # certification), else a whole number Pix delivers: 0 to 895.
    score = row.get(score_header)
    if score in ("-", None, ""):
        if status == "Validée":
            return True
    elif not is_score(score) or score > 895:
        return True
    return any(
        row.get(code) not in ("-", None, "") and not is_level(row.get(code))
        for code in CODES
    )


def expected(
    rows: list, first_row: int = 2, score_header=SCORE_HEADER, extra_follow_up=()
) -> Expected:
    """The figures for rows written under a header; None stands for a blank
    line, which takes a row in Résultats but is no candidate."""
    result = Expected(statuses={name: 0 for name in STATUSES + [UNKNOWN]})
    result.levels = {name: 0 for _, name in BANDS}
    per_competence = {code: [] for code in CODES}
    for offset, row in enumerate(rows):
        if row is None:
            continue
        result.candidates += 1
        status = row["Statut"] if row["Statut"] in STATUSES else UNKNOWN
        result.statuses[status] += 1
        excel_row = first_row + offset
        if status == "Validée":
            result.validated += 1
            score = row.get(score_header)
            if is_score(score):
                result.scores.append(score)
                result.levels[band_name(score)] += 1
            else:
                result.without_score += 1
            for code in CODES:
                if is_level(row.get(code)):
                    per_competence[code].append(row[code])
        if (
            status != "Validée"
            or has_anomaly(row, score_header)
            or excel_row in extra_follow_up
        ):
            number = row.get("Numéro de certification")
            shown = status
            result.follow_up.append(
                (excel_row, row.get("Nom"), row.get("Prénom"), number, shown)
            )
    result.competences = per_competence
    return result


def competence_row(levels: list) -> list:
    """Candidates with a level, mean level, and candidates per group."""
    mean = statistics.mean(levels) if levels else "-"
    groups = [sum(low <= level <= high for level in levels) for _, low, high in GROUPS]
    return [len(levels), mean, *groups]


# Reading the sheet.


def find_row(sheet, text: str) -> int:
    """The 1-based row whose first cell is ``text``."""
    for row in sheet.iter_rows(min_col=1, max_col=1):
        if row[0].value == text:
            return row[0].row
    raise AssertionError(f"{text!r} not found in column A of {sheet.title}")


def table(sheet, title: str, skip: int = 0) -> tuple:
    """(header, rows) of the table under a title: rows run to a blank row.
    ``skip`` rows (a note) sit between the title and the header."""
    header_row = find_row(sheet, title) + 1 + skip
    width = sheet.max_column
    values = [
        list(row)
        for row in sheet.iter_rows(
            min_row=header_row, max_row=sheet.max_row, max_col=width, values_only=True
        )
    ]
    header, rows = values[0], []
    for row in values[1:]:
        if all(value is None for value in row):
            break
        rows.append(row)
    return _trim(header), [_trim(row, len(_trim(header))) for row in rows]


def _trim(row: list, width: int | None = None) -> list:
    if width is None:
        width = len(row)
        while width and row[width - 1] is None:
            width -= 1
    return list(row[:width])


def by_label(rows: list, figures: int) -> dict:
    """A table's rows keyed by their label (column A, merged over B)."""
    return {row[0]: row[2 : 2 + figures] for row in rows}


# Charts.


_REFERENCE = re.compile(r"^(?:'((?:[^']|'')+)'|([^!]+))!(.+)$")


def cells(workbook, reference: str) -> list:
    """The values a chart reference points at, row by row."""
    match = _REFERENCE.match(reference)
    assert match, reference
    name = (match.group(1) or "").replace("''", "'") or match.group(2)
    low_col, low_row, high_col, high_row = range_boundaries(
        match.group(3).replace("$", "")
    )
    sheet = workbook[name]
    return [
        [sheet.cell(r, c).value for c in range(low_col, high_col + 1)]
        for r in range(low_row, high_row + 1)
    ]


def column(workbook, reference: str) -> list:
    return [row[0] for row in cells(workbook, reference)]


def category_reference(series) -> str:
    cat = series.cat
    for ref in (cat.multiLvlStrRef, cat.strRef, cat.numRef):
        if ref is not None:
            return ref.f
    raise AssertionError("series without categories")


def point_colours(series) -> dict:
    """Fill colour of each data point, by index."""
    colours = {}
    for point in series.dPt:
        if point.spPr is None or point.spPr.solidFill is None:
            continue
        colour = point.spPr.solidFill.srgbClr
        colours[point.idx] = str(getattr(colour, "val", colour)).upper()
    return colours
