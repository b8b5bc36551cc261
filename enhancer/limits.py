"""Excel's limits on a sheet, checked where rows are written or counted."""

from enhancer import errors
from enhancer.reference import EXCEL_MAX_CELL_CHARS, EXCEL_MAX_ROWS

# Excel counts a cell's length in UTF-16 units; below half the limit a
# string cannot exceed it, which spares the exact count on almost every cell.
SAFE_LENGTH = EXCEL_MAX_CELL_CHARS // 2


def check_room(row: int, source: str) -> None:
    """Refuse a row (0-based) past Excel's last one."""
    if row >= EXCEL_MAX_ROWS:
        raise errors.TooManyRows(path=source)


def check_length(value, row: int, source: str) -> None:
    """Refuse text longer than an Excel cell holds, naming its row (0-based)."""
    if isinstance(value, str) and len(value) > SAFE_LENGTH:
        length = len(value.encode("utf-16-le")) // 2
        if length > EXCEL_MAX_CELL_CHARS:
            raise errors.CellTooLong(path=source, row=row + 1, length=length)
