"""The group's figures, gathered while the rows stream past.

Everything kept in memory has a fixed size whatever the number of rows:
counters, a histogram of the integer scores (0 to 1024 pix) from which the
median is read, and a histogram of levels per competence. The candidates to
follow up may be as many as the rows, so they are spilled to a temporary
file and read back when the Synthèse sheet is written.
"""

import pickle
import tempfile
from collections import Counter
from dataclasses import dataclass

from enhancer.reference import (
    COMPETENCE_GROUPS,
    COMPETENCES,
    LEVEL_BANDS,
    MAX_LEVEL,
    MAX_SCORE,
)

# The statuses that call for an action: a new session, a check, a wait.
FOLLOW_UP_STATUSES = frozenset({"cancelled", "rejected", "error", "started"})


@dataclass(frozen=True)
class ScoreFigures:
    """Lowest, median, mean and highest score of the validated candidates."""

    lowest: int
    median: float
    mean: float
    highest: int


@dataclass(frozen=True)
class CompetenceFigures:
    """One competence over the validated candidates with a level in it."""

    assessed: int
    mean: float | None
    # Candidates per level group ("zero", "novice", ...), in the guide's order.
    groups: dict


@dataclass(frozen=True)
class FollowUp:
    """A candidate to follow up: where the row is, who it is, and why."""

    row: int
    file: str | None
    certification: object
    last_name: object
    first_name: object
    status: str | None
    # (anomaly problem key, row first seen for a duplicate) for each anomaly.
    problems: tuple


class Summary:
    """Counts, score histogram and follow-up list of a group of candidates."""

    def __init__(self, keep_follow_up: bool = True):
        self.candidates = 0
        self.statuses = Counter()
        self.levels = Counter()
        self.validated_without_score = 0
        self.scores = [0] * (MAX_SCORE + 1)
        self.competence_levels = {code: [0] * (MAX_LEVEL + 1) for code in COMPETENCES}
        self.follow_up_count = 0
        # An anonymous file, open from the first row to the last, closed by
        # close(): the system deletes it then, even if the run stops half-way.
        spill = tempfile.TemporaryFile() if keep_follow_up else None  # noqa: SIM115
        self._spill = spill

    def add(self, assessment, anomalies: list) -> bool:
        """Count one candidate; True if it is one to follow up, whose row
        ``record_follow_up`` then keeps."""
        self.candidates += 1
        status = assessment.status
        self.statuses[status] += 1
        if status == "validated":
            self._add_validated(assessment)

        to_follow = bool(anomalies) or status is None or status in FOLLOW_UP_STATUSES
        self.follow_up_count += to_follow
        return to_follow

    def record_follow_up(
        self, assessment, anomalies: list, identity: tuple, row: int, file=None
    ) -> None:
        """Keep a candidate to follow up; identity is (certification, last
        name, first name), asked for only for these rows."""
        if self._spill is None:
            return
        problems = tuple((a.problem, a.first) for a in anomalies)
        record = (row, file, *identity, assessment.status, problems)
        self._spill.write(pickle.dumps(record, pickle.HIGHEST_PROTOCOL))

    def _add_validated(self, assessment) -> None:
        if assessment.score is None:
            self.validated_without_score += 1
        else:
            self.scores[assessment.score] += 1
            self.levels[assessment.level] += 1
        for code, level in assessment.levels.items():
            if level is not None:
                self.competence_levels[code][level] += 1

    @property
    def validated(self) -> int:
        return self.statuses["validated"]

    @property
    def scored(self) -> int:
        """Validated candidates with a score, hence a global level."""
        return sum(self.scores)

    def level_counts(self) -> list:
        """(level key, candidates) for every band of the guide, lowest first."""
        return [(key, self.levels[key]) for key, _, _ in LEVEL_BANDS]

    def score_figures(self) -> ScoreFigures | None:
        count = self.scored
        if not count:
            return None
        present = [score for score, n in enumerate(self.scores) if n]
        total = sum(score * n for score, n in enumerate(self.scores))
        # The median of an even count is the mean of the two middle scores.
        middle_low = _nth_score(self.scores, (count - 1) // 2)
        middle_high = _nth_score(self.scores, count // 2)
        return ScoreFigures(
            lowest=present[0],
            median=(middle_low + middle_high) / 2,
            mean=total / count,
            highest=present[-1],
        )

    def competence_figures(self, code: str) -> CompetenceFigures:
        counts = self.competence_levels[code]
        assessed = sum(counts)
        total = sum(level * n for level, n in enumerate(counts))
        groups = {
            group: sum(counts[low : high + 1]) for group, low, high in COMPETENCE_GROUPS
        }
        mean = total / assessed if assessed else None
        return CompetenceFigures(assessed=assessed, mean=mean, groups=groups)

    def follow_up(self):
        """The candidates to follow up, in the order of their rows."""
        spill = self._spill
        if spill is None:
            return
        spill.flush()
        spill.seek(0)
        while True:
            try:
                record = pickle.load(spill)
            except EOFError:
                return
            yield FollowUp(*record)

    def close(self) -> None:
        if self._spill is not None:
            self._spill.close()
            self._spill = None


def _nth_score(histogram: list, index: int) -> int:
    """The score at a 0-based position in the sorted scores."""
    seen = 0
    for score, count in enumerate(histogram):
        seen += count
        if seen > index:
            return score
    raise IndexError(index)
