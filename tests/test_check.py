"""pix-enhancer check: the summary in the terminal, nothing written.

Through typer's runner and through a real process; its figures against the
rows, and its anomalies against what enrich writes for the same files.
"""

import json
import re
import statistics
import subprocess
import sys

import openpyxl
import pytest

from enhancer.locales import fr
from tests import synthesis
from tests.pixfiles import (
    PIX_HEADER,
    as_table,
    candidate,
    session,
    shifted,
    write_layout,
    write_plain_csv,
    write_xlsx,
)
from tests.test_summary import faulty_group, read_pix_csv


def files_in(folder) -> list:
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*"))


def columns(line: str) -> list:
    """A table line's cells: they are set apart by two spaces or more."""
    return re.split(r"\s{2,}", line.strip())


def table_rows(stdout: str, first_label: str) -> dict:
    """label -> figures of the terminal table whose header starts so."""
    lines = stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(first_label))
    rows = {}
    for line in lines[start + 1 :]:
        if not line.strip():
            break
        cells = columns(line)
        rows[cells[0]] = cells[1:]
    return rows


def french_percent(count: int, total: int) -> str:
    return f"{100 * count / total:.1f}".replace(".", ",") + " %"


def assert_json_matches(summary: dict, expected) -> None:
    statuses = [expected.statuses[name] for name in synthesis.STATUSES]
    assert summary["usable"] is True
    assert summary["candidates"] == expected.candidates
    assert [summary["statuses"][key] for key in synthesis.STATUS_KEYS] == statuses
    assert summary["statuses"]["unknown"] == expected.statuses[synthesis.UNKNOWN]
    names = [name for _, name in synthesis.BANDS]
    assert [summary["levels"][key] for key in synthesis.LEVEL_KEYS] == [
        expected.levels[name] for name in names
    ]
    assert summary["validated_without_score"] == expected.without_score
    scores = expected.scores
    assert summary["scores"] == {
        "lowest": min(scores),
        "median": statistics.median(scores),
        "mean": pytest.approx(statistics.mean(scores), abs=0.005),
        "highest": max(scores),
    }
    for code in synthesis.CODES:
        levels = expected.competences[code]
        figures = summary["competences"][code]
        assert figures["assessed"] == len(levels)
        assert figures["mean"] == pytest.approx(statistics.mean(levels), abs=0.005)
        groups = synthesis.competence_row(levels)[2:]
        assert list(figures["groups"].values()) == groups
    assert summary["follow_up"] == len(expected.follow_up)


# The readable summary.


def test_check_prints_a_readable_summary_and_writes_nothing(examples, run_cli):
    path = examples["pix"]
    folder = path.parent
    before = files_in(folder)

    result = run_cli("check", path)

    assert result.exit_code == 0, result.stderr
    assert files_in(folder) == before
    assert result.stderr == ""
    expected = synthesis.expected(read_pix_csv(path))
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "Vérification de 20250512_1430_resultats_session_4321.csv (aucun fichier écrit)"
    )
    assert "40 candidats lus dans 20250512_1430_resultats_session_4321.csv." in lines

    statuses = table_rows(result.stdout, "Statut")
    for name in synthesis.STATUSES:
        count = expected.statuses[name]
        assert statuses[name] == [str(count), french_percent(count, 40)]
    assert statuses["Total"] == ["40", "100,0 %"]

    levels = table_rows(result.stdout, "Niveau global")
    for _, name in synthesis.BANDS:
        assert levels[name] == [str(expected.levels[name])]
    assert levels["Total des validées"] == ["36"]

    scores = expected.scores
    mean = f"{statistics.mean(scores):.1f}".replace(".", ",")
    median = statistics.median(scores)
    median = f"{median:.0f}" if median == int(median) else f"{median:.1f}"
    assert (
        f"Score des validées : le plus bas {min(scores)}, médian "
        f"{median.replace('.', ',')}, moyen {mean}, le plus haut {max(scores)} pix."
    ) in lines
    assert lines[-2:] == [
        "Aucune anomalie.",
        "Utilisable : pix-enhancer enrich peut l'enrichir.",
    ]


def test_check_lists_anomalies_with_their_rows(tmp_path, run_cli):
    rows = [
        candidate(1, score=300),
        dict(candidate(2, score=300), **{"3.1": 11}),
        dict(candidate(3), Statut="Validé ?"),
    ]
    path = write_layout(tmp_path, "groupe", rows, "pix")

    result = run_cli("check", path)

    assert result.exit_code == 0, result.stderr
    assert "2 anomalie(s) trouvée(s) :" in result.stdout
    assert (
        "  ligne 3, colonne « P (3.1) » : 11 (Niveau de compétence hors de "
        "l'échelle 0 à 8)"
    ) in result.stdout
    assert "  ligne 4, colonne « G (Statut) » : Validé ?" in result.stdout
    assert table_rows(result.stdout, "Statut")["Statut inconnu"] == ["1", "33,3 %"]


# --json, checked against the rows.


@pytest.mark.parametrize("example", ["pix", "guide"])
def test_json_summary_of_the_examples(examples, run_cli, example):
    path = examples[example]

    result = run_cli("check", path, "--json")

    assert result.exit_code == 0, result.stderr
    summary = json.loads(result.stdout)
    rows = read_pix_csv(examples["pix"])
    assert_json_matches(summary, synthesis.expected(rows))
    assert summary["files"][0]["name"] == path.name
    assert summary["anomalies"] == {"count": 0, "problems": {}, "first": []}


def test_json_summary_of_a_large_faulty_group(tmp_path, run_cli, layout):
    rows = faulty_group()
    path = write_layout(tmp_path, "groupe", rows, layout)

    result = run_cli("check", path, "--json")

    assert result.exit_code == 0, result.stderr
    summary = json.loads(result.stdout)
    assert_json_matches(summary, synthesis.expected(rows))
    anomalous = [row for row in rows if row and synthesis.has_anomaly(row)]
    assert summary["anomalies"]["count"] >= len(anomalous)


def test_check_and_enrich_find_the_same_anomalies_on_the_same_rows(
    tmp_path, run_cli, layout
):
    rows = faulty_group(120)
    path = write_layout(tmp_path, "groupe", rows, layout)
    other = write_layout(tmp_path, "autre", shifted(session(8), 40), "pix")
    output = tmp_path / "fusion.xlsx"

    checked = run_cli("check", path, other, "--json")
    enriched = run_cli("enrich", path, other, "-o", output)

    assert checked.exit_code == 0 and enriched.exit_code == 0, enriched.stderr
    found = json.loads(checked.stdout)["anomalies"]
    sheet = openpyxl.load_workbook(output)["Anomalies"]
    listed = [list(row) for row in sheet.iter_rows(min_row=4, values_only=True)]
    assert found["count"] == len(listed)
    assert sum(found["problems"].values()) == len(listed)
    assert found["problems"].get("duplicate", 0) >= 1
    assert [
        [str(item["row"]), item["column"], item["value"], item["file"]]
        for item in found["first"]
    ] == [[row[0], row[1], row[2], row[4]] for row in listed[:20]]


def test_check_several_files_and_a_folder(tmp_path, run_cli):
    folder = tmp_path / "classes"
    folder.mkdir()
    write_layout(folder, "a", session(6, seed=1), "pix")
    write_layout(folder, "b", shifted(session(5, seed=2), 100), "guide")

    by_name = run_cli("check", folder / "a.csv", folder / "b.xlsx", "--json")
    by_folder = run_cli("check", folder, "--json")

    assert by_name.exit_code == 0 and by_folder.exit_code == 0
    assert json.loads(by_name.stdout) == json.loads(by_folder.stdout)
    summary = json.loads(by_folder.stdout)
    assert summary["candidates"] == 11
    assert [item["name"] for item in summary["files"]] == ["a.csv", "b.xlsx"]
    assert files_in(folder) == ["a.csv", "b.xlsx"]


# Refusals: exit 1, one sentence, and JSON for scripts.


def incomplete(tmp_path):
    header = [name for name in PIX_HEADER if name != "4.2"]
    return write_xlsx(tmp_path / "incomplet.xlsx", as_table(session(3), header))


def test_unusable_file_exits_1_with_one_sentence(tmp_path, run_cli):
    result = run_cli("check", incomplete(tmp_path))

    assert result.exit_code == 1
    assert result.stdout == ""
    message = result.stderr.strip()
    assert "\n" not in message and "Traceback" not in message
    assert message.startswith("Le fichier « incomplet.xlsx » n'a pas les colonnes")
    assert "4.2" in message


def test_unusable_file_in_json_says_so_too(tmp_path, run_cli):
    result = run_cli("check", incomplete(tmp_path), "--json")

    assert result.exit_code == 1
    refusal = json.loads(result.stdout)
    assert refusal["usable"] is False
    assert refusal["error"] == result.stderr.strip()


def test_a_row_enrich_would_refuse_makes_check_refuse_too(tmp_path, run_cli):
    # A value beyond the header's last column, below the rows the table's
    # width is measured on: the Résultats sheet refuses it.
    table = as_table(session(40))
    table[35] = table[35] + [None, None, "débordement"]
    path = write_plain_csv(tmp_path / "large.csv", table)

    checked = run_cli("check", path)
    enriched = run_cli("enrich", path)

    assert checked.exit_code == enriched.exit_code == 1
    assert checked.stderr == enriched.stderr
    assert fr.ERRORS["row_too_wide"].split("{")[0] in checked.stderr


def test_missing_input_exits_1(tmp_path, run_cli):
    result = run_cli("check", tmp_path / "absent.csv")

    assert result.exit_code == 1
    assert "absent.csv" in result.stderr


# A real process, as a script would run it.


def run_process(*args):
    return subprocess.run(
        [sys.executable, "-m", "enhancer", "check", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={"PYTHONIOENCODING": "utf-8", "PATH": ""},
        check=False,
    )


def test_check_in_a_real_process(examples, tmp_path):
    good = run_process(examples["pix"], "--json")
    text = run_process(examples["guide"])
    bad = run_process(incomplete(tmp_path), "--json")

    assert good.returncode == 0, good.stderr
    assert_json_matches(
        json.loads(good.stdout), synthesis.expected(read_pix_csv(examples["pix"]))
    )
    assert text.returncode == 0, text.stderr
    assert text.stdout.splitlines()[-1] == (
        "Utilisable : pix-enhancer enrich peut l'enrichir."
    )
    assert bad.returncode == 1
    assert json.loads(bad.stdout)["usable"] is False
    assert bad.stderr.strip().startswith("Le fichier « incomplet.xlsx »")
    assert "Traceback" not in bad.stderr
