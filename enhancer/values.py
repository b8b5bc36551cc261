"""What a status, a score or a competence level cell says, by Pix's rules."""

from functools import lru_cache

from enhancer.reference import (
    LEVEL_BANDS,
    MAX_DELIVERED_SCORE,
    MAX_LEVEL,
    MAX_SCORE,
    NO_VALUE,
    STATUS_ALIASES,
)
from enhancer.text import normalise

# Upper bounds of the score bands, for a quick walk from the bottom.
_BAND_TOPS = tuple((high, key) for key, _, high in LEVEL_BANDS)


def status_key(value) -> str | None:
    """The status ("validated", "rejected", ...) a cell names, or None."""
    if not isinstance(value, str):
        return None
    if len(value) > _CACHED_STATUS_LENGTH:
        return STATUS_ALIASES.get(normalise(value))
    return _status_of_text(value)


# A file repeats a handful of statuses on every row: normalise each once.
# Only short texts are kept, so odd cells cannot fill memory.
_CACHED_STATUS_LENGTH = 100


@lru_cache(maxsize=256)
def _status_of_text(text: str) -> str | None:
    return STATUS_ALIASES.get(normalise(text))


def is_blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def is_blank_row(row) -> bool:
    """Whether every cell of a row is empty or spaces."""
    return all(is_blank(cell) for cell in row)


def parse_number(value):
    """The whole number a cell holds (452, 452.0, "452", " 452 "), or None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    if isinstance(value, str):
        text = value.strip().replace(",", ".")
        try:
            number = float(text)
        except ValueError:
            return None
        if number.is_integer() and abs(number) < 1e15:
            return int(number)
    return None


def parse_score(value, validated: bool):
    """(score, problem): the score in pix, and what is wrong with the cell.

    A missing score is normal for a candidate who was not validated; Pix
    writes "-" there, and 0 for a rejected one.
    """
    if is_blank(value) or value == NO_VALUE:
        return None, ("missing_score" if validated else None)
    score = parse_number(value)
    if score is None:
        return None, "invalid_score"
    if not 0 <= score <= MAX_SCORE:
        return None, "score_out_of_range"
    if score > MAX_DELIVERED_SCORE:
        return score, "undelivered_score"
    return score, None


def parse_level(value):
    """(level, problem) for a competence cell: 0 to 8, "-" or empty."""
    if value is None or value == NO_VALUE or is_blank(value):
        return None, None
    level = parse_number(value)
    if level is None:
        return None, "invalid_level"
    if not 0 <= level <= MAX_LEVEL:
        return None, "level_out_of_range"
    return level, None


def level_of_score(score: int) -> str:
    """The global level band of a score, from the guide's table."""
    for high, key in _BAND_TOPS:
        if score <= high:
            return key
    return LEVEL_BANDS[-1][0]
