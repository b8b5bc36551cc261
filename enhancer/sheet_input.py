"""Reading a results table from a spreadsheet (.xlsx, .xlsm, .xlsb, .xls, .ods).

python-calamine holds the sheet; rows are turned into Python values one at a
time. Zip-based files are checked first so that a zip bomb is refused before
it is expanded.
"""

import zipfile
from pathlib import Path

from enhancer import errors
from enhancer.header import first_rows, holds_results

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
SPREADSHEET_EXTENSIONS = (".xlsx", ".xlsm", ".xlsb", ".xls", ".ods")

# A results file of Excel's full 1,048,576 rows expands to well under this.
MAX_EXPANDED_BYTES = 3 * 1024**3
# Real spreadsheets compress about 15 to 1, 50 to 1 for a sheet of styled
# empty rows; a zip bomb by hundreds (cells) to a thousand (blank text).
MAX_RATIO = 200
_RATIO_FLOOR = 50 * 1024**2
# How an encrypted .xlsx names its content, inside the OLE container Excel
# and LibreOffice wrap it in.
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")


def is_spreadsheet(head: bytes) -> bool:
    return head.startswith((ZIP_MAGIC, OLE_MAGIC))


def open_sheet(path: Path, sheet_name: str | None):
    """(rows, sheet name, other sheets with results) for the chosen sheet."""
    from python_calamine import CalamineError

    workbook = _open_workbook(path)
    names = workbook.sheet_names
    try:
        if sheet_name is not None:
            if sheet_name not in names:
                raise errors.SheetNotFound(
                    path=path.name, sheet=sheet_name, sheets=", ".join(names)
                )
            return _rows(workbook, sheet_name), sheet_name, []

        # calamine parses a whole sheet to give its first rows: the chosen
        # one is kept, not parsed a second time.
        with_results, chosen = [], None
        for name in names:
            sheet = workbook.get_sheet_by_name(name)
            if _has_results(sheet):
                with_results.append(name)
                chosen = sheet if chosen is None else chosen
    except (CalamineError, ValueError, OSError) as error:
        raise errors.CorruptedWorkbook(path=path.name, reason=_reason(error))
    if not with_results:
        raise errors.NoResultsSheet(path=path.name, sheets=", ".join(names))
    return _sheet_rows(chosen), with_results[0], with_results[1:]


def _open_workbook(path: Path):
    with open(path, "rb") as stream:
        head = stream.read(8)
    suffix = path.suffix.lower()
    if head.startswith(ZIP_MAGIC):
        _check_expansion(path)
    elif _is_encrypted_package(path):
        raise errors.PasswordProtected(path=path.name)

    from python_calamine import CalamineError, CalamineWorkbook, PasswordError

    # calamine picks its reader by the extension; a .xls renamed .xlsx (or
    # the reverse) is read by what it holds instead.
    zipped = head.startswith(ZIP_MAGIC)
    mismatched = (suffix == ".xls") == zipped
    try:
        if not mismatched:
            return CalamineWorkbook.from_path(str(path))
        with open(path, "rb") as stream:
            return CalamineWorkbook.from_filelike(stream)
    except PasswordError:
        raise errors.PasswordProtected(path=path.name) from None
    except (CalamineError, ValueError, OSError) as error:
        if "password" in str(error).lower() or "encrypt" in str(error).lower():
            raise errors.PasswordProtected(path=path.name) from None
        raise errors.CorruptedWorkbook(path=path.name, reason=_reason(error))


def _is_encrypted_package(path: Path) -> bool:
    """Whether an OLE container holds an encrypted .xlsx (its directory
    names the "EncryptedPackage" stream); an encrypted .xls is calamine's."""
    overlap = len(_ENCRYPTED_PACKAGE)
    previous = b""
    with open(path, "rb") as stream:
        while chunk := stream.read(1 << 20):
            if _ENCRYPTED_PACKAGE in previous[-overlap:] + chunk:
                return True
            previous = chunk
    return False


def _check_expansion(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise errors.CorruptedWorkbook(path=path.name, reason=_reason(error))

    # Member by member: incompressible padding (an image) beside a bomb
    # must not hide it.
    expanded = sum(member.file_size for member in members)
    too_dense = any(
        member.file_size > _RATIO_FLOOR
        and member.file_size > MAX_RATIO * max(member.compress_size, 1)
        for member in members
    )
    if expanded > MAX_EXPANDED_BYTES or too_dense:
        raise errors.WorkbookTooBig(path=path.name, size=expanded // 1024**2)


def _has_results(sheet) -> bool:
    return holds_results(first_rows(_sheet_rows(sheet)))


def _rows(workbook, name: str):
    return _sheet_rows(workbook.get_sheet_by_name(name))


def _sheet_rows(sheet):
    # calamine drops empty columns on the left (not empty rows on top); put
    # them back so the letters the guide speaks of still point at the same
    # columns. Every row is as wide as the sheet's used range.
    _, first_column = sheet.start or (0, 0)
    padding = [None] * first_column
    for row in sheet.iter_rows():
        yield padding + [_value(cell) for cell in row]


def _value(cell):
    if cell == "":
        return None
    if isinstance(cell, float) and cell.is_integer() and abs(cell) < 1e15:
        return int(cell)
    return cell


def _reason(error: Exception) -> str:
    text = str(error).strip().splitlines()
    return text[0][:120] if text else type(error).__name__
