"""Reading one candidate's row by the guide's rules: status, score, levels."""

from dataclasses import dataclass, field

from enhancer.reference import MAX_LEVEL
from enhancer.values import (
    level_of_score,
    parse_level,
    parse_score,
    status_key,
)


@dataclass(slots=True)
class Assessment:
    """What a row says: its status, score, global level and problems."""

    status: str | None
    score: int | None
    level: str | None
    levels: dict
    # (input column, problem key) for each cell that breaks the rules.
    problems: list = field(default_factory=list)

    @property
    def validated(self) -> bool:
        return self.status == "validated"


def assess(row: list, layout) -> Assessment:
    """Assess a candidate's row; the row itself is left as it is."""
    width = len(row)
    status_cell = row[layout.status] if layout.status < width else None
    status = status_key(status_cell)
    problems = []
    if status is None:
        problems.append((layout.status, "unknown_status"))

    validated = status == "validated"
    score_cell = row[layout.score] if layout.score < width else None
    score, problem = parse_score(score_cell, validated)
    if problem:
        problems.append((layout.score, problem))

    levels = {}
    for code, column in layout.competences.items():
        value = row[column] if column < width else None
        # Nearly every cell holds its level as a small int already.
        if value.__class__ is int and 0 <= value <= MAX_LEVEL:
            levels[code] = value
            continue
        level, problem = parse_level(value)
        levels[code] = level
        if problem:
            problems.append((column, problem))

    level = level_of_score(score) if validated and score is not None else None
    return Assessment(status, score, level, levels, problems)
