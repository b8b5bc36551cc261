"""What keeps a large file fast and small, checked without timing anything.

The workbook streams its rows to disk (constant_memory), the CSV reader
yields rows one at a time, the command imports only what a run needs, a
long run shows a progress bar only in a terminal, and Ctrl-C leaves no
trace.
"""

import ast
import hashlib
import os
import signal
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter

from enhancer import enrich as enrich_module
from enhancer.csv_input import read_rows
from enhancer.enrich import Options, enrich
from enhancer.locales import fr
from enhancer.results_sheet import ResultsSheet
from enhancer.row_count import estimated_rows
from enhancer.source import open_table
from tests.pixfiles import PIX_HEADER, as_table, group, write_pix_csv, write_xlsx

PACKAGE = Path(enrich_module.__file__).resolve().parent
ROOT = PACKAGE.parent
# Modules a run on a CSV file has no use for.
NOT_FOR_A_CSV_RUN = {"python_calamine", "openpyxl", "pandas", "pydantic", "rich"}


def big_export(path: Path, rows: int) -> Path:
    """A Pix export of many rows, written in chunks, never whole in memory:
    a few synthetic candidates repeated under new certification numbers."""
    template = write_pix_csv(path, group(50))
    lines = template.read_text(encoding="utf-8-sig").splitlines()
    header, bodies = lines[0], [line.split(";", 1)[1] for line in lines[1:]]
    with open(path, "w", encoding="utf-8-sig", newline="") as stream:
        stream.write(header + "\n")
        for start in range(0, rows, 1000):
            chunk = range(start, min(start + 1000, rows))
            stream.write(
                "".join(f"{200000 + n};{bodies[n % len(bodies)]}\n" for n in chunk)
            )
    return path


def run_python(code: str, cwd: Path, **kwargs) -> subprocess.CompletedProcess:
    """Run Python code in a fresh interpreter, as a user's run would start."""
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        **kwargs,
    )


# The writer: constant_memory, one row in memory at a time.


def test_the_workbook_streams_its_rows_to_disk(tmp_path, monkeypatch):
    options_seen, rows_held = [], []
    real_workbook = xlsxwriter.Workbook

    def spy_workbook(filename, options=None):
        options_seen.append(dict(options or {}))
        return real_workbook(filename, options)

    real_write = ResultsSheet.write_candidate

    def spy_write(self, *args, **kwargs):
        real_write(self, *args, **kwargs)
        rows_held.append(len(self.sheet.table))

    monkeypatch.setattr(xlsxwriter, "Workbook", spy_workbook)
    monkeypatch.setattr(ResultsSheet, "write_candidate", spy_write)
    source = big_export(tmp_path / "resultats.csv", 3000)

    report = enrich([source], Options(output=tmp_path / "sortie.xlsx"))

    assert report.candidates == 3000
    assert [options["constant_memory"] for options in options_seen] == [True]
    # The row being written, never the rows before it.
    assert len(rows_held) == 3000 and max(rows_held) == 1
    results = openpyxl.load_workbook(tmp_path / "sortie.xlsx", read_only=True)
    last = list(results.worksheets[0].iter_rows(min_row=3001, values_only=True))
    assert last[0][0] == 200000 + 2999


def test_every_sheet_of_the_workbook_is_in_constant_memory_mode(tmp_path, monkeypatch):
    sheets = []
    real_close = xlsxwriter.Workbook.close

    def spy_close(workbook):
        sheets.extend(workbook.worksheets())
        return real_close(workbook)

    monkeypatch.setattr(xlsxwriter.Workbook, "close", spy_close)
    source = write_pix_csv(tmp_path / "resultats.csv", group(40))

    enrich([source], Options(output=tmp_path / "sortie.xlsx"))

    assert len(sheets) >= 5
    assert all(sheet.constant_memory for sheet in sheets)


# The reader: rows one at a time.

# What reading may hold at once: a 1 MB chunk while the encoding is checked,
# the csv module's buffers, a row. Far less than the file.
READER_MEMORY = 10 * 1024**2


@pytest.fixture(scope="module")
def big_csv(tmp_path_factory) -> Path:
    path = big_export(tmp_path_factory.mktemp("grand") / "grand.csv", 300_000)
    assert path.stat().st_size > 5 * READER_MEMORY
    return path


@pytest.mark.parametrize("bom", [True, False])
def test_the_csv_reader_yields_rows_without_reading_the_file(big_csv, tmp_path, bom):
    path = big_csv
    if not bom:
        path = tmp_path / "sans-bom.csv"
        path.write_bytes(big_csv.read_bytes().removeprefix(b"\xef\xbb\xbf"))

    tracemalloc.start()
    try:
        rows = read_rows(path)
        header = next(rows)
        for _ in range(998):
            next(rows)
        thousandth = next(rows)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    rows.close()

    assert header == PIX_HEADER
    assert thousandth[0] == 200000 + 998
    assert peak < READER_MEMORY


def test_opening_a_table_reads_only_its_first_rows(big_csv):
    tracemalloc.start()
    try:
        table = open_table(big_csv)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert peak < READER_MEMORY
    assert next(table.rows)[0] == 200000
    assert next(table.rows)[0] == 200001


# Imports: the CLI framework stays in cli.py, a CSV run imports no more.


def _imported_modules(path: Path) -> set:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module.split(".")[0])
    return names


def test_no_module_but_the_cli_imports_typer_or_rich():
    modules = sorted(PACKAGE.rglob("*.py"))
    assert PACKAGE / "cli.py" in modules and len(modules) > 10

    offenders = {
        str(path.relative_to(ROOT)): sorted(_imported_modules(path) & {"typer", "rich"})
        for path in modules
        if path.name != "cli.py"
    }

    assert {path: found for path, found in offenders.items() if found} == {}


def test_the_library_loads_without_typer_or_rich(tmp_path):
    names = sorted(
        f"enhancer.{path.relative_to(PACKAGE).with_suffix('').as_posix()}".replace(
            "/", "."
        )
        for path in PACKAGE.rglob("*.py")
        if path.name not in {"cli.py", "__main__.py", "__init__.py"}
    )
    code = (
        "import importlib, sys\n"
        f"for name in {names!r}:\n"
        "    importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "{'typer', 'rich', 'click'}))\n"
    )

    result = run_python(code, ROOT)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def modules_loaded_by_a_run(source: Path) -> set:
    """The top-level modules a fresh interpreter holds after enriching source."""
    code = (
        "import sys\n"
        "from enhancer.cli import app\n"
        "try:\n"
        f"    app(['enrich', {str(source)!r}], prog_name='pix-enhancer')\n"
        "except SystemExit as stop:\n"
        "    assert not stop.code, stop.code\n"
        "print(sorted({m.split('.')[0] for m in sys.modules}))\n"
    )

    result = run_python(code, source.parent)

    assert result.returncode == 0, result.stderr
    return set(ast.literal_eval(result.stdout.strip().splitlines()[-1]))


def test_a_csv_run_imports_no_spreadsheet_reader_pandas_or_pydantic(tmp_path):
    source = write_pix_csv(tmp_path / "resultats.csv", group(30))

    loaded = modules_loaded_by_a_run(source)

    assert {"xlsxwriter", "typer"} <= loaded
    assert loaded & NOT_FOR_A_CSV_RUN == set()


def test_a_spreadsheet_run_imports_calamine(tmp_path):
    # The counterpart of the test above: the check does see imports.
    source = write_xlsx(tmp_path / "resultats.xlsx", as_table(group(5)))

    assert "python_calamine" in modules_loaded_by_a_run(source)


# The progress bar: in a terminal, for a long run only.


def test_estimated_rows_of_a_csv_and_an_xlsx(tmp_path):
    csv_file = big_export(tmp_path / "grand.csv", 20_000)
    small = write_pix_csv(tmp_path / "petit.csv", group(12))
    workbook = write_xlsx(tmp_path / "classeur.xlsx", as_table(group(9)))

    assert 18_000 < estimated_rows([csv_file]) < 22_000
    assert estimated_rows([small]) == 13
    assert estimated_rows([workbook]) == 10
    assert estimated_rows([small, workbook]) == 23
    assert estimated_rows([tmp_path / "absent.csv"]) is None


def test_no_progress_bar_when_stderr_is_not_a_terminal(tmp_path):
    source = big_export(tmp_path / "resultats.csv", 6000)

    result = subprocess.run(
        [sys.executable, "-m", "enhancer", "enrich", str(source)],
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert "6000 candidats" in result.stdout


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
@pytest.mark.parametrize(("rows", "bar"), [(6000, True), (40, False)])
def test_a_progress_bar_in_a_terminal_for_a_long_run_only(tmp_path, rows, bar):
    import pty

    source = big_export(tmp_path / "resultats.csv", rows)
    controller, terminal = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "enhancer", "enrich", str(source)],
        stdout=subprocess.PIPE,
        stderr=terminal,
    )
    os.close(terminal)
    shown = _read_all(controller)
    stdout = process.communicate()[0].decode()

    assert process.returncode == 0
    assert (b"Enrichissement" in shown) is bar
    assert f"{rows} candidats" in stdout
    assert (tmp_path / "resultats-enrichi.xlsx").exists()


def _read_all(descriptor: int) -> bytes:
    received = b""
    while True:
        try:
            chunk = os.read(descriptor, 65536)
        except OSError:
            break
        if not chunk:
            break
        received += chunk
    os.close(descriptor)
    return received


# Ctrl-C: exit 130, nothing left behind, the input untouched.


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT is POSIX")
def test_ctrl_c_stops_cleanly(tmp_path):
    folder = tmp_path / "resultats"
    scratch = tmp_path / "scratch"
    folder.mkdir()
    scratch.mkdir()
    source = big_export(folder / "resultats.csv", 60_000)
    before = hashlib.sha256(source.read_bytes()).hexdigest(), source.stat().st_mtime
    process = subprocess.Popen(
        [sys.executable, "-m", "enhancer", "enrich", str(source)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "TMPDIR": str(scratch)},
    )

    # Interrupt once the run is writing: the temporary workbook is there,
    # and the sheets' row files in their scratch folder.
    _wait_for(
        lambda: (
            (any(folder.glob(".~*")) and any(scratch.glob("*/*")))
            or process.poll() is not None
        )
    )
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate()

    assert process.returncode == 130, stderr.decode()
    assert stderr.decode().strip() == fr.MESSAGES["interrupted"]
    assert "Traceback" not in stderr.decode()
    assert stdout == b""
    assert sorted(path.name for path in folder.iterdir()) == ["resultats.csv"]
    assert list(scratch.iterdir()) == []
    after = hashlib.sha256(source.read_bytes()).hexdigest(), source.stat().st_mtime
    assert after == before


def _wait_for(condition) -> None:
    # Polls until something happens; a bound only so a bug cannot hang the
    # suite, nothing is measured.
    for _ in range(30_000):
        if condition():
            return
        time.sleep(0.001)
    raise AssertionError("the run never started writing")
