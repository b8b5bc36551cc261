"""Spreadsheet files the tests cannot get from xlsxwriter, built in code.

.ods and .xlsb are written here from their specifications (a zip of XML, a
zip of binary records); .xlsm is an .xlsx whose main part says "macro-enabled";
.xls and encrypted workbooks come from LibreOffice at test time.
"""

import datetime
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from tests.libreoffice import SOFFICE, convert, run_soffice

# What xlsx calls the main part of a workbook, with and without macros.
_XLSX_MAIN = (
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
)
_XLSM_MAIN = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"


def write_xlsm(path: Path, table: list, sheet: str = "Feuille1") -> Path:
    """An .xlsm as Excel writes one without macros: an .xlsx, macro-enabled."""
    from tests.pixfiles import write_xlsx

    with tempfile.TemporaryDirectory() as scratch:
        plain = write_xlsx(Path(scratch) / "plain.xlsx", table, sheet)
        with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w") as target:
            for member in source.infolist():
                data = source.read(member)
                if member.filename == "[Content_Types].xml":
                    data = data.replace(_XLSX_MAIN.encode(), _XLSM_MAIN.encode())
                target.writestr(member, data, zipfile.ZIP_DEFLATED)
    return path


# OpenDocument spreadsheet.

_ODS_MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet"
_ODS_MANIFEST = f"""<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
 manifest:version="1.2">
 <manifest:file-entry manifest:full-path="/" manifest:media-type="{_ODS_MIMETYPE}"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
"""
_ODS_CONTENT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content
 xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 office:version="1.2"><office:body><office:spreadsheet>{sheets}
</office:spreadsheet></office:body></office:document-content>
"""


def write_ods(path: Path, table: list, sheet: str = "Feuille1", extra_sheets=None):
    """An OpenDocument spreadsheet: text as text, numbers and dates typed."""
    sheets = [(sheet, table), *(extra_sheets or {}).items()]
    body = "".join(_ods_table(name, cells) for name, cells in sheets)
    with zipfile.ZipFile(path, "w") as archive:
        # The mimetype comes first and uncompressed, as the format requires.
        archive.writestr("mimetype", _ODS_MIMETYPE, zipfile.ZIP_STORED)
        archive.writestr("META-INF/manifest.xml", _ODS_MANIFEST, zipfile.ZIP_DEFLATED)
        content = _ODS_CONTENT.format(sheets=body)
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    return path


def _ods_table(name: str, rows: list) -> str:
    lines = [f"<table:table table:name={quoteattr(name)}>"]
    for row in rows:
        cells = "".join(_ods_cell(value) for value in row)
        lines.append(
            f"<table:table-row>{cells or '<table:table-cell/>'}</table:table-row>"
        )
    lines.append("</table:table>")
    return "\n".join(lines)


def _ods_cell(value) -> str:
    if value is None or value == "":
        return "<table:table-cell/>"
    if isinstance(value, bool):
        flag = "true" if value else "false"
        return (
            f'<table:table-cell office:value-type="boolean" '
            f'office:boolean-value="{flag}"><text:p>{flag}</text:p></table:table-cell>'
        )
    if isinstance(value, (int, float)):
        return (
            f'<table:table-cell office:value-type="float" office:value="{value!r}">'
            f"<text:p>{value}</text:p></table:table-cell>"
        )
    if isinstance(value, datetime.date):
        iso = value.isoformat()
        return (
            f'<table:table-cell office:value-type="date" office:date-value="{iso}">'
            f"<text:p>{value:%d/%m/%Y}</text:p></table:table-cell>"
        )
    paragraphs = "".join(
        f"<text:p>{escape(line)}</text:p>" for line in value.split("\n")
    )
    return (
        f'<table:table-cell office:value-type="string">{paragraphs}</table:table-cell>'
    )


# Excel binary workbook (.xlsb).

# Record types of MS-XLSB used here.
_BEGIN_BOOK, _END_BOOK = 0x83, 0x84
_BEGIN_SHEETS, _END_SHEETS, _SHEET = 0x8F, 0x90, 0x9C
_BEGIN_SHEET, _END_SHEET, _DIMENSION = 0x81, 0x82, 0x94
_BEGIN_DATA, _END_DATA, _ROW = 0x91, 0x92, 0x00
_CELL_BOOL, _CELL_REAL, _CELL_TEXT = 0x04, 0x05, 0x06

_XLSB_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/>
<Override PartName="/xl/workbook.bin"
 ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/>
{sheets}
</Types>
"""
_XLSB_SHEET_TYPE = (
    '<Override PartName="/xl/worksheets/sheet{n}.bin" '
    'ContentType="application/vnd.ms-excel.worksheet"/>'
)
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_XLSB_ROOT_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.bin"/>
</Relationships>
"""
_XLSB_BOOK_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
{sheets}
</Relationships>
"""
_XLSB_SHEET_REL = (
    f'<Relationship Id="rId{{n}}" Type="{_REL}/worksheet" '
    f'Target="worksheets/sheet{{n}}.bin"/>'
)


def write_xlsb(path: Path, table: list, sheet: str = "Feuille1", extra_sheets=None):
    """An Excel binary workbook: text, numbers and booleans, one record each."""
    sheets = [(sheet, table), *(extra_sheets or {}).items()]
    numbers = range(1, len(sheets) + 1)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        types = "\n".join(_XLSB_SHEET_TYPE.format(n=n) for n in numbers)
        archive.writestr("[Content_Types].xml", _XLSB_TYPES.format(sheets=types))
        archive.writestr("_rels/.rels", _XLSB_ROOT_RELS)
        rels = "\n".join(_XLSB_SHEET_REL.format(n=n) for n in numbers)
        archive.writestr(
            "xl/_rels/workbook.bin.rels", _XLSB_BOOK_RELS.format(sheets=rels)
        )
        archive.writestr("xl/workbook.bin", _xlsb_book([name for name, _ in sheets]))
        for n, (_, rows) in zip(numbers, sheets):
            archive.writestr(f"xl/worksheets/sheet{n}.bin", _xlsb_sheet(rows))
    return path


def _record(kind: int, data: bytes = b"") -> bytes:
    return _varint(kind) + _varint(len(data)) + data


def _varint(number: int) -> bytes:
    # Seven bits per byte, the high bit saying another byte follows.
    out = bytearray()
    while True:
        byte = number & 0x7F
        number >>= 7
        out.append(byte | (0x80 if number else 0))
        if not number:
            return bytes(out)


def _wide(text: str) -> bytes:
    encoded = text.encode("utf-16-le")
    return struct.pack("<I", len(encoded) // 2) + encoded


def _xlsb_book(names: list) -> bytes:
    parts = [_record(_BEGIN_BOOK), _record(_BEGIN_SHEETS)]
    for n, name in enumerate(names, start=1):
        data = struct.pack("<II", 0, n) + _wide(f"rId{n}") + _wide(name)
        parts.append(_record(_SHEET, data))
    parts += [_record(_END_SHEETS), _record(_END_BOOK)]
    return b"".join(parts)


def _xlsb_sheet(rows: list) -> bytes:
    width = max((len(row) for row in rows), default=1)
    dimension = struct.pack("<IIII", 0, max(len(rows) - 1, 0), 0, max(width - 1, 0))
    parts = [_record(_BEGIN_SHEET), _record(_DIMENSION, dimension)]
    parts.append(_record(_BEGIN_DATA))
    for r, row in enumerate(rows):
        parts.append(_record(_ROW, struct.pack("<IIHHBI", r, 0, 300, 0, 0, 0)))
        for c, value in enumerate(row):
            cell = _xlsb_cell(c, value)
            if cell:
                parts.append(cell)
    parts += [_record(_END_DATA), _record(_END_SHEET)]
    return b"".join(parts)


def _xlsb_cell(column: int, value) -> bytes:
    # A cell: its column, then its style index (0, the default) and flags.
    head = struct.pack("<II", column, 0)
    if value is None or value == "":
        return b""
    if isinstance(value, bool):
        return _record(_CELL_BOOL, head + struct.pack("<B", value))
    if isinstance(value, (int, float)):
        return _record(_CELL_REAL, head + struct.pack("<d", value))
    if isinstance(value, str):
        return _record(_CELL_TEXT, head + _wide(value))
    # A date would need a style table saying it is one.
    raise TypeError(f"no .xlsb cell for {value!r}")


# LibreOffice at test time.

SOFFICE_MISSING = "LibreOffice (soffice) is not installed"
UNO_MISSING = "no Python with LibreOffice's uno module (Debian: python3-uno)"


def to_xls(source: Path, folder: Path) -> Path:
    """The workbook saved as Excel 97-2003 .xls by LibreOffice."""
    return convert([source], "xls", folder)[0]


# Calc's CSV import options, by position: separator ";" (59), text in
# double quotes (34), UTF-8 (76), from line 1, default column types, French
# (1036), as a French user confirms the import dialog for Pix's export.
PIX_CSV_IMPORT = "CSV:59,34,76,1,,1036"


def save_csv_as(source: Path, target: str, folder: Path) -> Path:
    """A CSV opened in LibreOffice Calc and saved as ``target`` (ods, xlsx...)."""
    return convert([source], target, folder, infilter=PIX_CSV_IMPORT)[0]


def uno_python() -> str | None:
    """A Python that can import LibreOffice's uno module, if there is one."""
    candidates = [sys.executable, "/usr/bin/python3", shutil.which("python3")]
    for python in dict.fromkeys(filter(None, candidates)):
        probe = subprocess.run(
            [python, "-c", "import uno"], capture_output=True, timeout=60, check=False
        )
        if probe.returncode == 0:
            return python
    return None


# Run by a Python with uno: open a workbook in a private, headless soffice
# and save it encrypted with a password, as "Save as, with password" does.
_ENCRYPT = r"""
import os, subprocess, sys, tempfile, time
import uno
from com.sun.star.beans import NamedValue, PropertyValue

def prop(name, value):
    item = PropertyValue()
    item.Name, item.Value = name, value
    return item

def named(name, value):
    item = NamedValue()
    item.Name, item.Value = name, value
    return item

soffice, source, target, filter_name, password = sys.argv[1:6]
profile = tempfile.mkdtemp(prefix="pix-lo-encrypt-")
pipe = "pixencrypt%d" % os.getpid()
process = subprocess.Popen(
    [soffice, "--headless", "--norestore", "--nologo", "--nodefault",
     "--nolockcheck", "-env:UserInstallation=" + uno.systemPathToFileUrl(profile),
     "--accept=pipe,name=%s;urp;" % pipe],
    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(600):
        try:
            context = resolver.resolve(
                "uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
            break
        except Exception:
            time.sleep(0.1)
    desktop = context.ServiceManager.createInstanceWithContext(
        "com.sun.star.frame.Desktop", context)
    document = desktop.loadComponentFromURL(
        uno.systemPathToFileUrl(source), "_blank", 0, (prop("Hidden", True),))
    if filter_name.startswith("Calc MS Excel 2007"):
        # OOXML takes its password as encryption data, and needs the kind.
        secret = uno.Any("[]com.sun.star.beans.NamedValue",
                         (named("OOXPassword", password),
                          named("CryptoType", "Standard")))
        extra = (prop("EncryptionData", secret),)
    else:
        extra = (prop("Password", password),)
    document.storeToURL(uno.systemPathToFileUrl(target),
                        (prop("FilterName", filter_name),) + extra)
    document.close(True)
    try:
        desktop.terminate()
    except Exception:
        pass
finally:
    try:
        process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()
"""

ENCRYPT_FILTERS = {
    ".xlsx": "Calc MS Excel 2007 XML",
    ".xls": "MS Excel 97",
    ".ods": "calc8",
}


def encrypt(source: Path, target: Path, python: str, password: str = "secret"):
    """Save ``source`` as ``target``, encrypted by LibreOffice with a password."""
    command = [
        python,
        "-c",
        _ENCRYPT,
        SOFFICE,
        "",
        str(target),
        ENCRYPT_FILTERS[target.suffix],
        password,
    ]
    with tempfile.TemporaryDirectory() as scratch:
        # LibreOffice leaves lock files beside what it opens: work on a copy.
        command[4] = str(shutil.copy(source, scratch))
        # Its own process group, so a hung soffice is ended with it.
        code, output = run_soffice(command, env={**os.environ, "PYTHONPATH": ""})
    if code != 0 or not target.exists():
        raise RuntimeError(f"LibreOffice did not encrypt {source.name}:\n{output}")
    return target
