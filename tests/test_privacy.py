"""--sans-donnees-personnelles / --no-personal-data: share without personal data.

No birth date, birthplace or external identifier from the input may appear
anywhere in the workbook: every cell of every sheet is searched, and every
XML part of the file besides. Names stay; the input is untouched.
"""

import hashlib
import zipfile
from xml.sax.saxutils import escape

import openpyxl
import pytest

from tests.pixfiles import (
    PIX_HEADER,
    as_table,
    candidate,
    session,
    shifted,
    write_layout,
    write_pix_csv,
    write_plain_csv,
)

PERSONAL = ["Date de naissance", "Lieu de naissance", "Identifiant Externe"]
OPTIONS = ["--sans-donnees-personnelles", "--no-personal-data"]


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def every_cell(workbook) -> list:
    """Every value of every sheet, as text."""
    return [
        str(value)
        for sheet in workbook.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value is not None
    ]


def every_part(path) -> str:
    """The whole workbook file as text: sheets, shared strings, charts,
    comments, properties."""
    with zipfile.ZipFile(path) as archive:
        return "\n".join(
            archive.read(name).decode("utf-8", "replace") for name in archive.namelist()
        )


def personal_values(rows: list, headers=PERSONAL) -> set:
    return {str(row[name]) for row in rows for name in headers if row.get(name)}


def assert_absent(path, values: set) -> None:
    workbook = openpyxl.load_workbook(path)
    cells = every_cell(workbook)
    raw = every_part(path)
    for value in values:
        assert not any(value in cell for cell in cells), value
        assert escape(value) not in raw, value


def assert_present(path, values: set) -> None:
    cells = every_cell(openpyxl.load_workbook(path))
    for value in values:
        assert any(value in cell for cell in cells), value


@pytest.mark.parametrize("option", OPTIONS)
def test_no_personal_value_anywhere_in_the_workbook(tmp_path, run_cli, layout, option):
    rows = session(40, seed=13)
    path = write_layout(tmp_path, "resultats", rows, layout)
    before = digest(path)
    output = tmp_path / "partage.xlsx"

    result = run_cli("enrich", path, option, "-o", output)

    assert result.exit_code == 0, result.stderr
    assert digest(path) == before
    dropped = PERSONAL if layout == "pix" else PERSONAL[:2]
    assert_absent(output, personal_values(rows, dropped))
    names = {row["Nom"] for row in rows} | {row["Prénom"] for row in rows}
    assert_present(output, names)

    workbook = openpyxl.load_workbook(output)
    header = [cell.value for cell in workbook["Résultats"][1]]
    assert not set(PERSONAL) & set(header)
    assert {"Nom", "Prénom", "Numéro de certification"} <= set(header)
    note = f"Données personnelles retirées de ce classeur à la demande : {', '.join(dropped)}."
    statuts = workbook["Statuts"].iter_rows(values_only=True)
    assert note in [value for row in statuts for value in row]
    assert (
        f"Colonnes retirées (données personnelles) : {', '.join(dropped)}."
        in result.stdout.splitlines()
    )


def test_without_the_option_the_values_are_there(tmp_path, run_cli, layout):
    # The search above finds these values when they are in the workbook.
    rows = session(10, seed=13)
    path = write_layout(tmp_path, "resultats", rows, layout)

    result = run_cli("enrich", path)

    assert result.exit_code == 0, result.stderr
    output = path.with_name(path.stem + "-enrichi.xlsx")
    # The guide's older layout has no external identifier.
    kept = PERSONAL if layout == "pix" else PERSONAL[:2]
    assert_present(output, personal_values(rows, kept))
    assert "Colonnes retirées" not in result.stdout


def test_follow_up_list_keeps_names_but_no_personal_data(tmp_path, run_cli):
    rows = [candidate(n, "Annulée") for n in range(5)] + session(6)[4:]
    path = write_pix_csv(tmp_path / "r.csv", rows)
    output = tmp_path / "partage.xlsx"

    result = run_cli("enrich", path, "--sans-donnees-personnelles", "-o", output)

    assert result.exit_code == 0, result.stderr
    sheet = openpyxl.load_workbook(output)["Synthèse"]
    follow_up = [v for row in sheet.iter_rows(values_only=True) for v in row if v]
    for row in rows[:5]:
        assert row["Nom"] in follow_up and row["Prénom"] in follow_up
    assert_absent(output, personal_values(rows))


def test_personal_headers_found_whatever_their_case_accents_or_language(
    tmp_path, run_cli
):
    spelled = {
        "Date de naissance": "DATE DE NAISSANCE",
        "Lieu de naissance": "lieu de naissance",
        "Identifiant Externe": "identifiant   externe",
    }
    rows = session(8, seed=21)
    header = [spelled.get(name, name) for name in PIX_HEADER]
    table = [header] + as_table(rows)[1:]
    french = write_plain_csv(tmp_path / "francais.csv", table)
    english = {
        "Date de naissance": "Date of birth",
        "Lieu de naissance": "Birthplace",
        "Identifiant Externe": "External ID",
    }
    header = [english.get(name, name) for name in PIX_HEADER]
    other = shifted(session(8, seed=22), 100)
    english_file = write_plain_csv(
        tmp_path / "english.csv", [header] + as_table(other)[1:]
    )
    output = tmp_path / "groupe.xlsx"

    result = run_cli("enrich", french, english_file, "--no-personal-data", "-o", output)

    assert result.exit_code == 0, result.stderr
    assert_absent(output, personal_values(rows) | personal_values(other))
    header = [cell.value for cell in openpyxl.load_workbook(output)["Résultats"][1]]
    lowered = {str(name).lower() for name in header}
    assert not lowered & {
        "date de naissance",
        "lieu de naissance",
        "date of birth",
        "birthplace",
        "external id",
        "identifiant   externe",
    }
    assert "Colonnes retirées (données personnelles) : " in result.stdout


def test_merged_files_lose_their_personal_columns_wherever_they_sit(tmp_path, run_cli):
    first_rows = session(10, seed=1)
    second_rows = shifted(session(10, seed=2), 100)
    first = write_layout(tmp_path, "a", first_rows, "pix")
    second = write_layout(tmp_path, "b", second_rows, "guide")
    before = (digest(first), digest(second))
    output = tmp_path / "groupe.xlsx"

    result = run_cli(
        "enrich", first, second, "--sans-donnees-personnelles", "-o", output
    )

    assert result.exit_code == 0, result.stderr
    assert (digest(first), digest(second)) == before
    assert_absent(output, personal_values(first_rows + second_rows))
    table = list(
        openpyxl.load_workbook(output)["Résultats"].iter_rows(values_only=True)
    )
    assert len(table) == 21
