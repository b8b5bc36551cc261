"""Reading a results CSV: encoding, separator and cell types, row by row.

Pix writes UTF-8 with a BOM, ``;`` and quoted text; Excel re-saves it as
Windows-1252 without quotes; other tools use ``,`` or tabs. Rows are yielded
one at a time so a large file never sits in memory.
"""

import codecs
import csv
from itertools import islice
from pathlib import Path

from enhancer import errors
from enhancer.header import header_score

SEPARATORS = (";", ",", "\t")
_CHUNK = 1 << 20
_SNIFF_LINES = 30
# How much of the first lines tells text from binary data.
_SAMPLE_CHARS = 1 << 16
_CONTROLS = frozenset(map(chr, [*range(9), 11, 12, *range(14, 32), 127]))
# Excel shows 15 significant digits: a longer integer is an identifier.
_MAX_NUMBER_DIGITS = 15

# A field limit above Excel's cell limit, so an over-long cell is reported
# by the tool with its row instead of by the csv module.
csv.field_size_limit(1 << 24)


def detect_encoding(path: Path) -> str:
    """The file's encoding: UTF-8 (BOM or not), UTF-16, else Windows-1252."""
    with open(path, "rb") as stream:
        head = stream.read(4)
        stream.seek(0)
        if head.startswith(codecs.BOM_UTF8):
            return _announced(stream, "utf-8-sig", path)
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return _announced(stream, "utf-16", path)
        if _decodes(stream, "utf-8"):
            return "utf-8"
        stream.seek(0)
        # Windows-1252 leaves five bytes undefined; Latin-1 takes every byte.
        return "cp1252" if _decodes(stream, "cp1252") else "latin-1"


def _announced(stream, encoding: str, path: Path) -> str:
    # A byte order mark announces the encoding; bytes that break it mean a
    # file pieced together from two encodings, which no choice reads right.
    if not _decodes(stream, encoding):
        name = "UTF-8" if encoding.startswith("utf-8") else "UTF-16"
        raise errors.BadEncoding(path=path.name, encoding=name)
    return encoding


def _decodes(stream, encoding: str) -> bool:
    decoder = codecs.getincrementaldecoder(encoding)()
    try:
        while chunk := stream.read(_CHUNK):
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _looks_binary(sample: str) -> bool:
    """Whether text is really bytes of another kind (an image, a program):
    a text file has almost no control characters besides line ends and tabs."""
    controls = sum(1 for char in sample if char in _CONTROLS)
    return controls > max(2, len(sample) // 100)


def detect_separator(lines: list[str]) -> str:
    """The separator under which the first lines look most like a header."""
    best, best_score = None, 0
    for separator in SEPARATORS:
        rows = csv.reader(lines, delimiter=separator)
        score = max((header_score(row) for row in rows), default=0)
        if score > best_score:
            best, best_score = separator, score
    if best:
        return best

    # No header under any separator: take the one the first line uses most.
    first = next((line for line in lines if line.strip()), "")
    return max(SEPARATORS, key=first.count)


def read_rows(path: Path):
    """Yield the rows of a CSV file as lists of text and integers."""
    encoding = detect_encoding(path)
    with open(path, encoding=encoding, newline="") as stream:
        head = list(islice(stream, _SNIFF_LINES))
        if _looks_binary("".join(head)[:_SAMPLE_CHARS]):
            raise errors.NotATable(path=path.name)
        separator = detect_separator(head)
        stream.seek(0)
        lines = _RecordingLines(stream)
        reader = csv.reader(lines, delimiter=separator)
        try:
            for fields in reader:
                yield _typed(fields, lines.take(), separator)
        except csv.Error as error:
            raise errors.NotATable(path=path.name) from error


class _RecordingLines:
    """Lines for the csv module, kept until taken: the raw text of a record
    tells whether a field was quoted, which the csv module does not say."""

    def __init__(self, stream):
        self._stream = stream
        self._raw = []

    def __iter__(self):
        return self

    def __next__(self):
        line = next(self._stream)
        if "\x00" in line:
            raise csv.Error("NUL byte")
        self._raw.append(line)
        return line

    def take(self) -> str:
        raw = "".join(self._raw)
        self._raw.clear()
        return raw


def _typed(fields: list, raw: str, separator: str) -> list:
    """Turn unquoted integers into numbers; everything else stays text."""
    integers = _integer_fields(_unquoted_parts(fields, raw, separator))
    if "" in fields:
        fields = [field or None for field in fields]
    for index in integers:
        fields[index] = int(fields[index])
    return fields


def _integer_fields(parts: list) -> list:
    """Where the integers are: digits, no leading zero, 15 digits at most."""
    # One comprehension of str methods, cheap on every row of a large
    # file; only a minus sign needs the full check.
    return [
        index
        for index, part in enumerate(parts)
        if (
            part.isdigit()
            and part.isascii()
            and len(part) <= _MAX_NUMBER_DIGITS
            and (part[0] != "0" or part == "0")
        )
        or (part[:1] == "-" and _is_integer(part))
    ]


def _is_integer(field: str) -> bool:
    digits = field[1:] if field[:1] == "-" else field
    # "-0" is not how a number is written: it stays text.
    return (
        digits.isascii()
        and digits.isdigit()
        and len(digits) <= _MAX_NUMBER_DIGITS
        and (digits[0] != "0" or field == "0")
    )


def _unquoted_parts(fields: list, raw: str, separator: str) -> list:
    """The fields as the record wrote them: a quoted one starts with a quote."""
    if '"' not in raw:
        return fields
    parts = raw.rstrip("\r\n").split(separator)
    if len(parts) == len(fields):
        return parts
    quoted = _quoted_fields(raw, separator, len(fields))
    return ['"' if was_quoted else field for field, was_quoted in zip(fields, quoted)]


def _quoted_fields(raw: str, separator: str, count: int) -> list:
    """Whether each field of a record was quoted; all True when unsure."""
    # A quoted field holds the separator: walk the record field by field.
    flags, position, end = [], 0, len(raw.rstrip("\r\n"))
    while position <= end and len(flags) < count:
        if raw.startswith('"', position):
            flags.append(True)
            position = _closing_quote(raw, position + 1) + 1
        else:
            flags.append(False)
        next_separator = raw.find(separator, position)
        position = end + 1 if next_separator < 0 else next_separator + 1
    return flags if len(flags) == count else [True] * count


def _closing_quote(raw: str, position: int) -> int:
    while True:
        found = raw.find('"', position)
        if found < 0:
            return len(raw)
        if raw.startswith('""', found):
            position = found + 2
            continue
        return found
