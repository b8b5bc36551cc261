"""The command's contract: where it writes, what it refuses, what it says."""

import os
import stat
import subprocess
import sys
import zipfile

import openpyxl
import pytest
import typer

from enhancer.cli import app
from enhancer.locales import fr
from tests.pixfiles import session, write_plain_csv, write_xlsx


def mode_of(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def pix_csv(make_input):
    return make_input(session(8))


@pytest.fixture
def umask():
    """Run with a umask other than the usual 022, then put it back."""
    previous = os.umask(0o027)
    yield 0o027
    os.umask(previous)


def assert_one_sentence_error(result, template_key: str, *names):
    """Exit 1, nothing on stdout, one French sentence on stderr, no traceback."""
    assert result.exit_code == 1
    assert result.stdout == ""
    message = result.stderr.strip()
    assert "\n" not in message
    assert "Traceback" not in result.stderr
    assert message.endswith(".")
    assert message.startswith(fr.ERRORS[template_key].split("{")[0])
    for name in names:
        assert name in message


# Where the workbook goes.


def test_default_output_is_next_to_the_input(pix_csv, run_cli, tmp_path, monkeypatch):
    elsewhere = tmp_path / "ailleurs"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)

    result = run_cli("enrich", pix_csv)

    output = tmp_path / "resultats-enrichi.xlsx"
    assert result.exit_code == 0, result.stderr
    assert output.is_file()
    assert list(elsewhere.iterdir()) == []
    assert str(output) in result.stdout
    assert "8 candidats lus" in result.stdout
    assert openpyxl.load_workbook(output).sheetnames[0] == "Résultats"


def test_default_output_of_an_xlsx_input(make_input, run_cli, tmp_path):
    path = make_input(session(5), "guide")
    result = run_cli("enrich", path)

    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "resultats-enrichi.xlsx").is_file()


@pytest.mark.parametrize("option", ["-o", "--output"])
def test_output_option_names_the_workbook(pix_csv, run_cli, tmp_path, option):
    output = tmp_path / "sortie" / "classe 3B.xlsx"
    output.parent.mkdir()

    result = run_cli("enrich", pix_csv, option, output)

    assert result.exit_code == 0, result.stderr
    assert output.is_file()
    assert not (tmp_path / "resultats-enrichi.xlsx").exists()
    assert openpyxl.load_workbook(output)["Résultats"].max_row == 9


def test_nothing_but_the_workbook_is_left_in_the_folder(pix_csv, run_cli, tmp_path):
    before = pix_csv.read_bytes()
    result = run_cli("enrich", pix_csv)

    assert result.exit_code == 0, result.stderr
    names = sorted(path.name for path in tmp_path.iterdir())
    assert names == ["resultats-enrichi.xlsx", "resultats.csv"]
    assert pix_csv.read_bytes() == before


# Never over the input; over an existing output only with --force.


@pytest.mark.parametrize("force", [[], ["--force"]])
@pytest.mark.parametrize("spelling", ["same", "dotted", "symlink"])
def test_refuses_to_overwrite_the_input(pix_csv, run_cli, tmp_path, force, spelling):
    before = pix_csv.read_bytes()
    target = {
        "same": pix_csv,
        "dotted": tmp_path / "." / "sub" / ".." / pix_csv.name,
        "symlink": tmp_path / "lien.csv",
    }[spelling]
    (tmp_path / "sub").mkdir()
    if spelling == "symlink":
        target.symlink_to(pix_csv)

    result = run_cli("enrich", pix_csv, "-o", target, *force)

    assert_one_sentence_error(result, "same_as_input")
    assert pix_csv.read_bytes() == before


def test_refuses_an_existing_output_without_force(pix_csv, run_cli, tmp_path):
    output = tmp_path / "resultats-enrichi.xlsx"
    output.write_bytes(b"a colleague's workbook")

    result = run_cli("enrich", pix_csv)

    assert_one_sentence_error(result, "output_exists", str(output), "--force")
    assert output.read_bytes() == b"a colleague's workbook"


def test_force_replaces_an_existing_output(pix_csv, run_cli, tmp_path):
    output = tmp_path / "resultats-enrichi.xlsx"
    output.write_bytes(b"an old workbook")

    result = run_cli("enrich", pix_csv, "--force")

    assert result.exit_code == 0, result.stderr
    assert zipfile.is_zipfile(output)
    assert openpyxl.load_workbook(output)["Résultats"]["A1"].value == (
        "Numéro de certification"
    )


def test_output_has_the_permissions_of_a_new_file(pix_csv, run_cli, tmp_path, umask):
    result = run_cli("enrich", pix_csv)

    new_file = tmp_path / "nouveau.txt"
    new_file.touch()
    output = tmp_path / "resultats-enrichi.xlsx"
    assert result.exit_code == 0, result.stderr
    assert mode_of(output) == 0o666 & ~umask == 0o640
    assert mode_of(output) == mode_of(new_file)


def test_replaced_output_has_the_permissions_of_a_new_file(
    pix_csv, run_cli, tmp_path, umask
):
    output = tmp_path / "resultats-enrichi.xlsx"
    output.write_bytes(b"old")
    output.chmod(0o600)

    result = run_cli("enrich", pix_csv, "--force")

    assert result.exit_code == 0, result.stderr
    assert mode_of(output) == 0o666 & ~umask


def test_missing_output_folder_is_one_sentence_and_exit_1(pix_csv, run_cli, tmp_path):
    output = tmp_path / "absent" / "sortie.xlsx"
    result = run_cli("enrich", pix_csv, "-o", output)

    assert_one_sentence_error(result, "output_folder_missing", str(output.parent))
    assert not output.parent.exists()


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_output_naming_a_folder_is_refused_even_with_force(
    pix_csv, run_cli, tmp_path, force
):
    folder = tmp_path / "classeurs"
    folder.mkdir()
    result = run_cli("enrich", pix_csv, "-o", folder, *force)

    assert_one_sentence_error(result, "output_is_folder", str(folder))
    assert list(folder.iterdir()) == []


def test_failure_midway_leaves_no_workbook(make_input, run_cli, tmp_path):
    # A value beyond the header's last column, far below the rows the
    # header was measured on: found only while writing.
    path = make_input(session(45))
    lines = path.read_bytes().split(b"\n")
    lines[40] += b';"en trop"'
    path.write_bytes(b"\n".join(lines))
    output = tmp_path / "resultats-enrichi.xlsx"
    output.write_bytes(b"previous workbook")

    result = run_cli("enrich", path, "--force")

    assert_one_sentence_error(result, "row_too_wide", path.name)
    assert output.read_bytes() == b"previous workbook"
    assert sorted(p.name for p in tmp_path.iterdir()) == [output.name, path.name]


# Files that are not results files.


def not_results_files(folder) -> dict:
    """Files a user might give by mistake, and the error each one gets."""
    plain = write_plain_csv(
        folder / "inscrits.csv", [["Nom", "Ville"], ["Dupont", "Paris"]]
    )
    partial = write_plain_csv(
        folder / "partiel.csv",
        [["Statut", "Nombre de Pix", "1.1", "1.2"], ["Validée", "300", "3", "4"]],
    )
    text = folder / "notes.txt"
    text.write_text("Réunion lundi\nApporter les convocations\n", encoding="utf-8")
    binary = folder / "photo.csv"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    fake = folder / "faux.xlsx"
    fake.write_bytes(b"not a workbook at all")
    other = write_xlsx(folder / "budget.xlsx", [["Poste", "Montant"], ["Car", 120]])
    empty = folder / "vide.csv"
    empty.write_bytes(b"")
    return {
        "no_header": plain,
        "missing_columns": partial,
        "no_header ": text,
        "not_a_table": binary,
        "not_a_table ": fake,
        "no_results_sheet": other,
        "empty": empty,
    }


@pytest.mark.parametrize(
    "key",
    [
        "no_header",
        "missing_columns",
        "no_header ",
        "not_a_table",
        "not_a_table ",
        "no_results_sheet",
        "empty",
    ],
    ids=[
        "other-csv",
        "partial-header",
        "text",
        "binary",
        "fake-xlsx",
        "other-xlsx",
        "empty",
    ],
)
def test_not_a_results_file_is_one_sentence_and_exit_1(run_cli, tmp_path, key):
    path = not_results_files(tmp_path)[key]

    result = run_cli("enrich", path)

    assert_one_sentence_error(result, key.strip(), path.name)
    assert not path.with_name(path.stem + "-enrichi.xlsx").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".~")]


def test_missing_input_is_one_sentence_and_exit_1(run_cli, tmp_path):
    result = run_cli("enrich", tmp_path / "absent.csv")
    assert_one_sentence_error(result, "not_found", "absent.csv")


# As a real program.


def run_module(*args, cwd):
    return subprocess.run(
        [sys.executable, "-m", "enhancer", *map(str, args)],
        check=False,
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )


def test_python_dash_m_enhancer_enriches_a_file(pix_csv, tmp_path):
    result = run_module("enrich", pix_csv.name, cwd=tmp_path)

    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert "resultats-enrichi.xlsx" in result.stdout
    workbook = openpyxl.load_workbook(tmp_path / "resultats-enrichi.xlsx")
    assert workbook.sheetnames[0] == "Résultats"
    assert {"Niveaux", "Compétences", "Statuts"} <= set(workbook.sheetnames)


def test_python_dash_m_enhancer_error_has_no_traceback(tmp_path):
    path = write_plain_csv(tmp_path / "inscrits.csv", [["Nom"], ["Dupont"]])

    result = run_module("enrich", path.name, cwd=tmp_path)

    assert result.returncode == 1
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "inscrits.csv" in result.stderr


def test_python_dash_m_enhancer_help(tmp_path):
    result = run_module("--help", cwd=tmp_path)

    assert result.returncode == 0
    assert "enrich" in result.stdout


# Help.


def all_commands(group):
    # Typer bundles its own click: a group is told by its subcommands.
    yield group
    for command in group.commands.values():
        if hasattr(command, "commands"):
            yield from all_commands(command)
        else:
            yield command


def test_every_command_and_option_has_help_text():
    root = typer.main.get_command(app)
    commands = list(all_commands(root))

    assert any(command.name == "enrich" for command in commands)
    for command in commands:
        assert (command.help or "").strip(), command.name
        for param in command.params:
            assert (getattr(param, "help", None) or "").strip(), (
                command.name,
                param.name,
            )


def test_enrich_help_lists_output_and_force(run_cli):
    result = run_cli("enrich", "--help")

    assert result.exit_code == 0
    for option in ("--output", "-o", "--force"):
        assert option in result.stdout
