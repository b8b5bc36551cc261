"""Shared fixtures: example files, a CLI runner, and reading workbooks back."""

import shutil
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from enhancer.cli import app

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
PIX_EXAMPLE = EXAMPLES / "20250512_1430_resultats_session_4321.csv"
GUIDE_EXAMPLE = EXAMPLES / "resultats_ancienne_presentation.xlsx"


@pytest.fixture
def run_cli():
    """Run the command in-process; stdout and stderr kept apart."""
    runner = CliRunner()

    def run(*args):
        return runner.invoke(app, [str(arg) for arg in args], catch_exceptions=False)

    return run


@pytest.fixture
def examples(tmp_path) -> dict:
    """Copies of the example files in a temporary folder."""
    return {
        "pix": Path(shutil.copy(PIX_EXAMPLE, tmp_path)),
        "guide": Path(shutil.copy(GUIDE_EXAMPLE, tmp_path)),
    }


def open_workbook(path: Path):
    return openpyxl.load_workbook(path)


def sheet_values(sheet) -> list:
    return [list(row) for row in sheet.iter_rows(values_only=True)]


@pytest.fixture(params=["pix", "guide"])
def layout(request) -> str:
    """Each layout users have: Pix's CSV export, the guide's older .xlsx."""
    return request.param


@pytest.fixture
def make_input(tmp_path):
    """Build a results file of a layout from candidate rows in tmp_path
    (tests/pixfiles.py: write_layout)."""
    from tests.pixfiles import write_layout

    def make(rows: list, layout: str = "pix", header=None, name="resultats"):
        return write_layout(tmp_path, name, rows, layout, header)

    return make


@pytest.fixture
def enriched(run_cli):
    """Enrich a file with the command and open the workbook it wrote."""

    def run(path: Path, *args):
        result = run_cli("enrich", path, *args)
        assert result.exit_code == 0, result.stderr
        return open_workbook(path.with_name(path.stem + "-enrichi.xlsx"))

    return run
