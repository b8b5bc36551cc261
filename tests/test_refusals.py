"""Every file the command cannot use is refused cleanly, and nothing is lost.

A refusal is exit code 1 and one French sentence on stderr, no traceback,
no output or temporary file left behind, and the input byte for byte as it
was. Then safety: nothing from the input becomes a formula or a link, and a
zip bomb is refused before it is expanded.
"""

import builtins
import errno
import hashlib
import io
import os
import random
import re
import struct
import subprocess
import sys
import tempfile
import zipfile
import zlib
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from enhancer import output as output_module
from enhancer.cli import app
from enhancer.locales import fr
from enhancer.reference import (
    EXCEL_MAX_CELL_CHARS,
    EXCEL_MAX_COLUMNS,
    EXCEL_MAX_ROWS,
)
from tests import spreadsheets
from tests.libreoffice import SOFFICE
from tests.pixfiles import PIX_HEADER, as_table, session, write_pix_csv, write_xlsx

ROWS = session(6)
STATUS = PIX_HEADER.index("Statut")
COMMENT = PIX_HEADER.index("Commentaire jury pour l\u2019organisation")


def snapshot(folder: Path) -> dict:
    """Every file under a folder, with a hash of its bytes."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def run(*args):
    runner = CliRunner()
    return runner.invoke(app, [str(arg) for arg in args], catch_exceptions=False)


def assert_refused(folder: Path, *args, says: str):
    """Run the command; it must refuse with one sentence and change nothing."""
    before = snapshot(folder)

    result = run("enrich", *args)

    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    sentence = lines[0]
    assert "Traceback" not in result.stderr
    assert says in sentence, sentence
    assert sentence.endswith((".", ".»")), sentence
    assert snapshot(folder) == before
    assert not list(folder.rglob(".~*"))
    return sentence


def pix_csv(folder: Path, rows=ROWS, name="resultats.csv") -> Path:
    return write_pix_csv(folder / name, rows)


# The input path.


def test_missing_file(tmp_path):
    sentence = assert_refused(tmp_path, tmp_path / "absent.csv", says="n'existe pas")
    assert "absent.csv" in sentence


def test_folder_without_results_files(tmp_path):
    # A folder stands for the results files in it; with none, it is refused.
    folder = tmp_path / "dossier"
    folder.mkdir()
    (folder / "notes.docx").write_bytes(b"PK\x03\x04 not a results file")
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    sentence = assert_refused(tmp_path, folder, says="ne contient aucun fichier")
    assert "dossier" in sentence


def test_empty_folder(tmp_path):
    folder = tmp_path / "vide"
    folder.mkdir()
    assert_refused(tmp_path, folder, says="ne contient aucun fichier de résultats")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a file whatever its mode")
def test_unreadable_file_by_its_mode(tmp_path):
    path = pix_csv(tmp_path)
    path.chmod(0)
    try:
        assert_refused(tmp_path, path, says="ne peut pas être lu")
    finally:
        path.chmod(0o644)


def test_unreadable_file(tmp_path, monkeypatch):
    # The tests run as root, who reads any file: the system's refusal is
    # simulated where the command opens the file.
    path = pix_csv(tmp_path)
    real_open = builtins.open

    def guarded_open(file, *args, **kwargs):
        if isinstance(file, (str, Path)) and Path(file) == path:
            raise PermissionError(errno.EACCES, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded_open)
    sentence = assert_refused(tmp_path, path, says="ne peut pas être lu")
    assert "droits" in sentence


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".ods"])
def test_empty_file(tmp_path, suffix):
    path = tmp_path / f"vide{suffix}"
    path.write_bytes(b"")
    assert_refused(tmp_path, path, says="est vide")


@pytest.mark.parametrize("blank_lines", [0, 3])
def test_csv_with_only_a_header(tmp_path, blank_lines):
    path = pix_csv(tmp_path, rows=[])
    path.write_bytes(path.read_bytes() + b";;;\n" * blank_lines)
    assert_refused(tmp_path, path, says="aucun candidat sous son en-tête")


def test_workbook_with_only_a_header(tmp_path):
    path = write_xlsx(tmp_path / "entete.xlsx", as_table([]))
    assert_refused(tmp_path, path, says="aucun candidat sous son en-tête")


# Not a results table.


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nstream\n" + (
    bytes(random.Random(5).randbytes(600))
)


@pytest.mark.parametrize(
    "name, content",
    [
        ("image.xlsx", PNG),
        ("document.xlsx", PDF),
        ("document.ods", PDF),
        ("aleatoire.xlsx", random.Random(1).randbytes(4000)),
        ("aleatoire.xls", random.Random(2).randbytes(4000)),
        ("aleatoire.csv", random.Random(3).randbytes(4000)),
        ("image.csv", PNG),
    ],
)
def test_not_a_spreadsheet_or_csv(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    assert_refused(tmp_path, path, says="n'est ni un CSV ni un classeur lisible")


@pytest.mark.parametrize(
    "encoding, breaking",
    [
        ("utf-8-sig", "Validée;\n".encode("cp1252")),
        # A lone surrogate: half of a character.
        ("utf-16", b"\x00\xd8A\x00"),
    ],
)
def test_csv_whose_bytes_break_the_encoding_it_announces(tmp_path, encoding, breaking):
    # A byte order mark, then bytes of another encoding: no reading is right.
    path = tmp_path / "melange.csv"
    text = ";".join(PIX_HEADER) + "\n"
    path.write_bytes(text.encode(encoding) + breaking)
    sentence = assert_refused(tmp_path, path, says="annonce l'encodage")
    assert "UTF-" in sentence


def test_text_that_is_not_a_results_table(tmp_path):
    path = tmp_path / "lettre.txt"
    path.write_text("Bonjour,\nvoici les résultats.\nCordialement\n", encoding="utf-8")
    sentence = assert_refused(tmp_path, path, says="Aucun en-tête de résultats Pix")
    assert "vus : Bonjour" in sentence


def _good_xlsx(folder: Path) -> bytes:
    with tempfile.TemporaryDirectory() as scratch:
        path = write_xlsx(Path(scratch) / "bon.xlsx", as_table(ROWS))
        return path.read_bytes()


def test_truncated_workbook(tmp_path):
    data = _good_xlsx(tmp_path)
    path = tmp_path / "tronque.xlsx"
    path.write_bytes(data[: len(data) // 2])
    assert_refused(tmp_path, path, says="est endommagé ou incomplet")


def test_corrupted_workbook(tmp_path):
    # The zip's directory is intact, the compressed sheet is not.
    data = bytearray(_good_xlsx(tmp_path))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        sheet = archive.getinfo("xl/worksheets/sheet1.xml")
    start = sheet.header_offset + 30 + len(sheet.filename) + 20
    for offset in range(start, start + 64):
        data[offset] ^= 0x5A
    path = _write(tmp_path / "abime.xlsx", bytes(data))
    assert_refused(tmp_path, path, says="est endommagé ou incomplet")


def test_zip_that_is_not_a_workbook(tmp_path):
    path = tmp_path / "photos.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("photo1.jpg", b"\xff\xd8\xff" + bytes(100))
    assert_refused(tmp_path, path, says="est endommagé ou incomplet")


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


# Password-protected workbooks.


@pytest.fixture(scope="module")
def uno_python():
    if SOFFICE is None:
        pytest.skip(spreadsheets.SOFFICE_MISSING)
    python = spreadsheets.uno_python()
    if python is None:
        pytest.skip(spreadsheets.UNO_MISSING)
    return python


@pytest.mark.parametrize("suffix", [".xlsx", ".xls", ".ods"])
def test_password_protected_workbook(tmp_path, uno_python, suffix):
    # A real encrypted workbook, saved with a password by LibreOffice.
    source = write_xlsx(tmp_path / "source.xlsx", as_table(ROWS))
    folder = tmp_path / "protege"
    folder.mkdir()
    path = spreadsheets.encrypt(source, folder / f"protege{suffix}", uno_python)

    sentence = assert_refused(folder, path, says="est protégé par un mot de passe")
    assert "copie sans mot de passe" in sentence


def test_a_renamed_xls_is_not_taken_for_an_encrypted_workbook(tmp_path):
    # An .xls is an OLE container too, as is an encrypted .xlsx; only the
    # latter holds an "EncryptedPackage". A renamed one is read by content.
    if SOFFICE is None:
        pytest.skip(spreadsheets.SOFFICE_MISSING)
    (tmp_path / "source").mkdir()
    source = write_xlsx(tmp_path / "source" / "ancien.xlsx", as_table(ROWS))
    renamed = spreadsheets.to_xls(source, tmp_path).rename(tmp_path / "ancien.xlsx")

    result = run("enrich", renamed)

    assert result.exit_code == 0, result.output
    assert f"{len(ROWS)} candidats lus" in result.stdout


# Not a complete results table.


def test_no_score_column(tmp_path):
    header = [name for name in PIX_HEADER if name != "Nombre de Pix"]
    path = write_pix_csv(tmp_path / "sans_score.csv", ROWS, header)

    sentence = assert_refused(tmp_path, path, says="n'a pas les colonnes")

    missing, seen = sentence.split("(en-têtes vus : ")
    assert "Nombre de Pix" in missing
    assert "Statut" in seen and "5.2" in seen and "Nombre de Pix" not in seen


def test_fewer_than_16_competence_columns(tmp_path):
    gone = ("4.3", "5.1", "5.2")
    header = [name for name in PIX_HEADER if name not in gone]
    path = write_pix_csv(tmp_path / "incomplet.csv", ROWS, header)

    sentence = assert_refused(tmp_path, path, says="n'a pas les colonnes 4.3, 5.1, 5.2")

    seen = sentence.split("(en-têtes vus : ")[1]
    assert "Statut, Nombre de Pix, 1.1" in seen and "4.2" in seen
    assert "4.3" not in seen


def test_no_sheet_holds_results(tmp_path):
    path = write_xlsx(
        tmp_path / "classeur.xlsx", [["Budget"], [120]], "Budget", {"Notes": [["x"]]}
    )
    sentence = assert_refused(tmp_path, path, says="Aucune feuille")
    assert "Budget, Notes" in sentence


def test_sheet_option_naming_no_sheet(tmp_path):
    path = write_xlsx(tmp_path / "classeur.xlsx", as_table(ROWS), "Session A")
    sentence = assert_refused(
        tmp_path, path, "--sheet", "Session Z", says="La feuille « Session Z »"
    )
    assert "Session A" in sentence


def test_sheet_option_naming_a_sheet_without_results(tmp_path):
    path = write_xlsx(
        tmp_path / "classeur.xlsx", as_table(ROWS), "Session", {"Notes": [["x"]]}
    )
    assert_refused(tmp_path, path, "--sheet", "Notes", says="Aucun en-tête")


def test_error_messages_stay_one_line_whatever_the_header_holds(tmp_path):
    # Headers seen are quoted in the message: their line breaks and control
    # characters must not break it into several lines.
    header = ["Statut", "Nom\r\nde\x0bfamille\x1c", "1.1", "1.2", "x" * 500]
    path = tmp_path / "bizarre.csv"
    with open(path, "w", encoding="utf-8", newline="") as stream:
        stream.write(";".join(f'"{name}"' for name in header) + "\n")
        stream.write("Validée;Nom;3;3;x\n")
    sentence = assert_refused(tmp_path, path, says="n'a pas les colonnes")
    assert "Nom de famille" in sentence and "…" in sentence


# Beyond Excel's limits.


def _rows_csv(folder: Path, blank_rows: int) -> Path:
    """A header, a candidate, blank rows, and a last candidate."""
    path = pix_csv(folder, rows=ROWS[:2], name="lignes.csv")
    header, first, last, _ = path.read_bytes().split(b"\n")
    path.write_bytes(header + b"\n" + first + b"\n" + b"\n" * blank_rows + last + b"\n")
    return path


def test_more_rows_than_excel_holds(tmp_path):
    # The last candidate falls on row 1,048,577: it would be lost.
    path = _rows_csv(tmp_path, EXCEL_MAX_ROWS - 2)
    sentence = assert_refused(tmp_path, path, says="plus de lignes qu'Excel")
    assert "1 048 576" in sentence and "découpez-le" in sentence


def test_a_candidate_on_excels_last_row_is_kept(tmp_path):
    path = _rows_csv(tmp_path, EXCEL_MAX_ROWS - 3)
    output = tmp_path / "sortie.xlsx"

    result = run("enrich", path, "-o", output)

    assert result.exit_code == 0, result.output
    assert "2 candidats lus" in result.stdout
    workbook = openpyxl.load_workbook(output, read_only=True)
    sheet = workbook[fr.SHEETS["results"]]
    last = next(sheet.iter_rows(min_row=EXCEL_MAX_ROWS, values_only=True))
    assert last[STATUS] == ROWS[1]["Statut"]
    workbook.close()


def _widened(path: Path, line: int, extra: str) -> Path:
    lines = path.read_text(encoding="utf-8-sig").split("\n")
    lines[line] += extra
    path.write_text("\n".join(lines), encoding="utf-8-sig")
    return path


def test_more_columns_than_excel_holds(tmp_path):
    path = _widened(pix_csv(tmp_path), 2, ";" * EXCEL_MAX_COLUMNS + "loin")
    sentence = assert_refused(tmp_path, path, says="plus de colonnes qu'Excel")
    assert "16 384" in sentence


def test_empty_fields_beyond_excels_last_column_are_no_columns(tmp_path):
    # Trailing separators hold nothing: the file is accepted.
    path = _widened(pix_csv(tmp_path), 2, ";" * EXCEL_MAX_COLUMNS)
    result = run("enrich", path)
    assert result.exit_code == 0, result.output


def test_a_late_row_wider_than_the_table(tmp_path):
    rows = [ROWS[n % len(ROWS)] for n in range(40)]
    path = _widened(pix_csv(tmp_path, rows), 38, ";" * 40 + "hors tableau")
    sentence = assert_refused(tmp_path, path, says="La ligne 39 de")
    assert "au-delà de la dernière colonne" in sentence


def test_a_cell_longer_than_excel_holds(tmp_path):
    rows = [dict(row) for row in ROWS]
    rows[3][PIX_HEADER[COMMENT]] = "Commentaire très long. " * 1500
    path = pix_csv(tmp_path, rows)
    length = len(rows[3][PIX_HEADER[COMMENT]])
    assert length > EXCEL_MAX_CELL_CHARS

    sentence = assert_refused(tmp_path, path, says="La ligne 5 de « resultats.csv »")
    assert f"{length} caractères" in sentence and "32 767" in sentence


def test_a_cell_longer_than_excel_holds_counted_as_excel_counts(tmp_path):
    # Excel counts UTF-16 units: an emoji counts twice.
    rows = [dict(row) for row in ROWS]
    rows[0]["Nom"] = "\U0001f600" * (EXCEL_MAX_CELL_CHARS // 2 + 1)
    path = pix_csv(tmp_path, rows)
    assert_refused(tmp_path, path, says="La ligne 2 de")


def test_a_header_cell_longer_than_excel_holds(tmp_path):
    header = [*PIX_HEADER[:-1], "En-tête " + "x" * EXCEL_MAX_CELL_CHARS]
    path = write_pix_csv(tmp_path / "entete_long.csv", ROWS, header)
    assert_refused(tmp_path, path, says="La ligne 1 de")


def test_a_title_line_longer_than_excel_holds(tmp_path):
    path = pix_csv(tmp_path)
    title = ("Titre " * 6000).encode("utf-8-sig")
    path.write_bytes(title + b"\n" + path.read_bytes())
    assert_refused(tmp_path, path, says="La ligne 1 de")


# The output.


def test_output_folder_missing(tmp_path):
    path = pix_csv(tmp_path)
    output = tmp_path / "absent" / "sortie.xlsx"
    sentence = assert_refused(tmp_path, path, "-o", output, says="n'existe pas")
    assert "absent" in sentence and "-o" in sentence


def test_output_folder_not_writable(tmp_path, monkeypatch):
    # As root every folder is writable: the system's refusal is simulated
    # where the command creates its temporary file.
    path = pix_csv(tmp_path)

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    sentence = assert_refused(
        tmp_path, path, says="Impossible d'écrire dans le dossier"
    )
    assert str(tmp_path) in sentence


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes in any folder")
def test_output_folder_not_writable_by_its_mode(tmp_path):
    path = pix_csv(tmp_path)
    folder = tmp_path / "lecture_seule"
    folder.mkdir(mode=0o555)
    try:
        assert_refused(
            tmp_path, path, "-o", folder / "x.xlsx", says="Impossible d'écrire"
        )
    finally:
        folder.chmod(0o755)


@pytest.mark.parametrize("existing", [False, True], ids=["new", "replaced"])
def test_output_open_in_excel(tmp_path, monkeypatch, existing):
    # Windows refuses to replace a file Excel holds open: the rename fails.
    path = pix_csv(tmp_path)
    output = tmp_path / "resultats-enrichi.xlsx"
    if existing:
        output.write_bytes(b"the workbook open in Excel")

    def locked(source, target):
        raise PermissionError(errno.EACCES, "Permission denied", str(target))

    monkeypatch.setattr(output_module.os, "replace", locked)
    args = ("--force",) if existing else ()
    sentence = assert_refused(tmp_path, path, *args, says="ne peut pas être remplacé")
    assert "fermez-le" in sentence


def test_refusal_from_a_real_process(tmp_path):
    # Outside the test runner too: exit code 1, one line, no traceback.
    path = tmp_path / "image.xlsx"
    path.write_bytes(PNG)
    before = snapshot(tmp_path)

    process = subprocess.run(
        [sys.executable, "-m", "enhancer", "enrich", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert process.returncode == 1
    assert process.stdout == ""
    assert len(process.stderr.splitlines()) == 1
    assert "n'est ni un CSV ni un classeur" in process.stderr
    assert snapshot(tmp_path) == before


# Safety: no formula, no link.


DANGEROUS = [
    "=1+1",
    '=HYPERLINK("http://exemple.invalid","clic")',
    "+33 6 12 34 56 78",
    "-1+2",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
    "=cmd|' /C calc'!A0",
    "http://exemple.invalid/page",
    "mailto:quelqu.un@exemple.invalid",
    "<r>texte</r>",
    "_x0041_",
    "\x1b[31mrouge\x1b[0m",
]


def _dangerous_rows() -> list:
    rows = []
    for number, text in enumerate(DANGEROUS):
        row = dict(ROWS[number % len(ROWS)])
        row["Numéro de certification"] = 200000 + number
        row["Nom"] = text
        row[PIX_HEADER[COMMENT]] = text
        row["Statut"] = text
        row["Nombre de Pix"] = text
        row["1.1"] = text
        rows.append(row)
    return rows


def _excel_text(text):
    """A string as Excel reads it from the file: _xHHHH_ escapes decoded."""
    import re

    if not isinstance(text, str):
        return text
    return re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m[1], 16)), text)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_no_value_becomes_a_formula_or_a_link(tmp_path, suffix):
    rows = _dangerous_rows()
    if suffix == ".csv":
        path = pix_csv(tmp_path, rows)
    else:
        path = write_xlsx(tmp_path / "resultats.xlsx", as_table(rows))
    output = tmp_path / "sortie.xlsx"

    result = run("enrich", path, "-o", output)

    assert result.exit_code == 0, result.output
    # The run's output lists them without their line breaks or escapes.
    assert "\r" not in result.stdout and "\x1b" not in result.stdout
    assert "ligne 2, colonne « G (Statut) » : =1+1 (" in result.stdout
    workbook = openpyxl.load_workbook(output)
    results = workbook[fr.SHEETS["results"]]
    columns = [PIX_HEADER.index(name) for name in ("Nom", "Statut", "Nombre de Pix")]
    columns += [COMMENT, PIX_HEADER.index("1.1")]
    for row, text in enumerate(DANGEROUS, start=2):
        for column in columns:
            cell = results.cell(row, column + 1)
            assert cell.data_type == "s", (text, cell.coordinate)
            assert _excel_text(cell.value) == text, (text, cell.coordinate)
            assert cell.hyperlink is None

    # Zero formulas in any data cell; the Anomalies sheet lists the values.
    for sheet in (results, workbook[fr.SHEETS["anomalies"]]):
        formulas = [
            cell.coordinate
            for line in sheet.iter_rows()
            for cell in line
            if cell.data_type == "f" and _is_data(sheet, cell)
        ]
        assert formulas == []
    assert not results._hyperlinks
    listed = [
        row[2]
        for row in workbook[fr.SHEETS["anomalies"]].iter_rows(
            min_row=4, values_only=True
        )
    ]
    assert set(map(_excel_text, listed)) >= set(DANGEROUS)


def _is_data(sheet, cell) -> bool:
    # The tool's own columns (global level, description) may hold its own
    # formulas in formula mode; the input's columns never do.
    if sheet.title == fr.SHEETS["results"]:
        return cell.column <= len(PIX_HEADER)
    return True


# Zip bombs.


def _deflated(data: bytes) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    return packer.compress(data) + packer.flush()


def _repeated(head: bytes, block: bytes, count: int, tail: bytes) -> tuple:
    """A deflate stream of head + block * count + tail, made without ever
    holding it expanded: after a full flush the same block packs the same."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = packer.compress(head) + packer.flush(zlib.Z_FULL_FLUSH)
    packed = packer.compress(block) + packer.flush(zlib.Z_FULL_FLUSH)
    last = packer.compress(tail) + packer.flush()
    crc = zlib.crc32(head)
    for _ in range(count):
        crc = zlib.crc32(block, crc)
    crc = zlib.crc32(tail, crc)
    size = len(head) + len(block) * count + len(tail)
    return [first, *[packed] * count, last], crc, size


def _write_zip(path: Path, members: list) -> Path:
    """A zip written by hand from already deflated members."""
    out, directory = bytearray(), bytearray()
    for name, chunks, crc, size in members:
        packed = sum(len(chunk) for chunk in chunks)
        encoded = name.encode()
        offset = len(out)
        out += struct.pack(
            "<IHHHHHIIIHH",
            0x04034B50,
            20,
            0,
            8,
            0,
            0,
            crc,
            packed,
            size,
            len(encoded),
            0,
        )
        out += encoded + b"".join(chunks)
        directory += struct.pack(
            "<IHHHHHHIIIHHHHHII",
            0x02014B50,
            20,
            20,
            0,
            8,
            0,
            0,
            crc,
            packed,
            size,
            len(encoded),
            0,
            0,
            0,
            0,
            0,
            offset,
        )
        directory += encoded
    start = len(out)
    out += directory
    out += struct.pack(
        "<IHHHHIIH",
        0x06054B50,
        0,
        0,
        len(members),
        len(members),
        len(directory),
        start,
        0,
    )
    path.write_bytes(bytes(out))
    return path


def _zip_bomb(path: Path, expanded_mib: int, padding: int = 0) -> Path:
    """A real workbook whose sheet is rows upon rows of cells, and padding
    bytes that do not compress, to lower the workbook's overall ratio."""
    members = []
    if padding:
        noise = random.Random(9).randbytes(padding)
        members.append(
            ("xl/media/image1.png", [_deflated(noise)], zlib.crc32(noise), padding)
        )
    with zipfile.ZipFile(_write(path, _good_xlsx(path.parent))) as archive:
        for member in archive.infolist():
            data = archive.read(member)
            if member.filename != "xl/worksheets/sheet1.xml":
                members.append(
                    (member.filename, [_deflated(data)], zlib.crc32(data), len(data))
                )
                continue
            head = data[: data.index(b"<sheetData>") + len(b"<sheetData>")]
            tail = data[data.index(b"</sheetData>") :]
            row = b"<row>" + b"<c><v>1</v></c>" * 64 + b"</row>"
            block = row * ((1 << 20) // len(row))
            chunks, crc, size = _repeated(head, block, expanded_mib, tail)
            members.append((member.filename, chunks, crc, size))
    return _write_zip(path, members)


@pytest.mark.parametrize(
    "expanded_mib, padding",
    [(200, 0), (3600, 0), (200, 4 * 1024**2)],
    ids=["dense", "huge", "padded"],
)
def test_zip_bomb_is_refused_before_it_is_expanded(
    tmp_path, monkeypatch, expanded_mib, padding
):
    path = _zip_bomb(tmp_path / "bombe.xlsx", expanded_mib, padding)
    assert path.stat().st_size < expanded_mib * 1024**2 / 200 + padding
    with zipfile.ZipFile(path) as archive:
        assert archive.getinfo("xl/worksheets/sheet1.xml").file_size > 150 * 1024**2

    # The spreadsheet reader must never be reached.
    import python_calamine

    class Untouchable:
        def __getattr__(self, name):
            raise AssertionError("the zip bomb reached the spreadsheet reader")

    monkeypatch.setattr(python_calamine, "CalamineWorkbook", Untouchable())
    sentence = assert_refused(tmp_path, path, says="se décompresse en")
    assert "bien trop" in sentence


def test_zip_bomb_members_are_checked_as_they_really_expand(tmp_path):
    # A bomb that lies about its size in the zip's directory is stopped by
    # the reader itself, which refuses to expand beyond the declared size.
    path = _zip_bomb(tmp_path / "menteuse.xlsx", 60)
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        member = archive.getinfo("xl/worksheets/sheet1.xml")
    true_size = struct.pack("<I", member.file_size)
    lie = struct.pack("<I", 4096)
    while (found := data.find(true_size)) >= 0:
        data[found : found + 4] = lie
    path.write_bytes(bytes(data))

    assert_refused(tmp_path, path, says="est endommagé ou incomplet")


# The README's list of common errors.


def test_readme_quotes_the_messages_as_the_command_says_them():
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Fichiers acceptés et erreurs courantes")[1]
    section = section.split("\n## ")[0]
    quoted = [
        snippet
        for line in section.splitlines()
        if line.startswith("| `")
        for snippet in re.findall(r"`([^`]+)`", line.split(" | ")[0])
    ]
    assert len(quoted) >= 15
    sentences = [re.sub(r"\{[^}]*\}", "…", text) for text in fr.ERRORS.values()]
    for snippet in quoted:
        pattern = ".*?".join(re.escape(part) for part in snippet.split("…"))
        assert any(re.search(pattern, text) for text in sentences), snippet
