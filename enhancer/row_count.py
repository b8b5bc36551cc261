"""How many rows the inputs hold, roughly, before reading them: enough to
decide on a progress bar and to size it.

A CSV is measured by its first lines; an .xlsx says its used range at the
top of each sheet. Other spreadsheets give no cheap answer.
"""

import re
import zipfile
from pathlib import Path

from enhancer.sheet_input import is_spreadsheet

# Enough lines for an average line length, at the start of the file.
_SAMPLE_BYTES = 1 << 16
# Where Excel and xlsxwriter write a sheet's used range, e.g. "A1:AB1001".
_DIMENSION_BYTES = 4096
_DIMENSION = re.compile(rb'<dimension ref="[A-Z]+[0-9]+:[A-Z]+([0-9]+)"')


def estimated_rows(paths: list) -> int | None:
    """The inputs' rows, roughly; None when a file cannot tell cheaply (or
    cannot be read: the run itself will say why)."""
    total = 0
    for path in paths:
        try:
            rows = _file_rows(path)
        except OSError:
            return None
        if rows is None:
            return None
        total += rows
    return total


def _file_rows(path: Path) -> int | None:
    with open(path, "rb") as stream:
        sample = stream.read(_SAMPLE_BYTES)
        size = stream.seek(0, 2)
    if is_spreadsheet(sample[:8]):
        return _xlsx_rows(path)

    # A CSV: its lines, from the length of the first ones.
    lines = sample.count(b"\n") or 1
    if size <= len(sample):
        return lines
    return round(size * lines / len(sample))


def _xlsx_rows(path: Path) -> int | None:
    """The tallest sheet's used range, if the workbook is an .xlsx."""
    try:
        with zipfile.ZipFile(path) as archive:
            heights = [
                _height(archive, name)
                for name in archive.namelist()
                if name.startswith("xl/worksheets/") and name.endswith(".xml")
            ]
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    known = [height for height in heights if height is not None]
    return max(known) if known else None


def _height(archive: zipfile.ZipFile, name: str) -> int | None:
    with archive.open(name) as stream:
        found = _DIMENSION.search(stream.read(_DIMENSION_BYTES))
    return int(found.group(1)) if found else None
