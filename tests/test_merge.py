"""Several results files, or a folder of them, merged into one workbook.

Columns are matched by header; a first column names each row's file; the
header appears once; a certification number seen twice is an anomaly.
"""

import pytest

from enhancer.locales import fr
from tests import synthesis
from tests.conftest import open_workbook, sheet_values
from tests.pixfiles import (
    GUIDE_HEADER,
    PIX_HEADER,
    as_table,
    candidate,
    guide_table,
    session,
    shifted,
    write_layout,
    write_pix_csv,
    write_plain_csv,
    write_xlsx,
)
from tests.test_summary import assert_charts, assert_figures


def results(workbook) -> list:
    return sheet_values(workbook["Résultats"])


def anomalies(workbook) -> list:
    return sheet_values(workbook["Anomalies"])[3:]


@pytest.fixture
def merge(tmp_path, run_cli):
    """Merge files into groupe.xlsx: the run's result and the workbook."""

    def run(*files):
        output = tmp_path / "groupe.xlsx"
        result = run_cli("enrich", *files, "-o", output)
        assert result.exit_code == 0, result.stderr
        return result, open_workbook(output)

    return run


def repeating_sessions(sizes: tuple, seeds: tuple, repeat: tuple) -> tuple:
    """Two sessions' rows, the second under other numbers but for its row
    repeat[1], which takes the number of the first's row repeat[0]."""
    first = session(sizes[0], seed=seeds[0])
    second = shifted(session(sizes[1], seed=seeds[1]), 1000)
    number = first[repeat[0]]["Numéro de certification"]
    second[repeat[1]]["Numéro de certification"] = number
    return first, second


def write_each(folder, names: tuple, rows: tuple, layouts: tuple) -> list:
    """One file a name, with its rows, in its layout."""
    return [write_layout(folder, *file) for file in zip(names, rows, layouts)]


@pytest.fixture(
    params=[("pix", "pix"), ("guide", "guide"), ("pix", "guide"), ("guide", "pix")],
    ids="-".join,
)
def layouts(request) -> tuple:
    return request.param


# Two files of each layout.


def test_two_files_make_one_table_with_a_file_column(tmp_path, merge, layouts):
    rows = repeating_sessions((12, 9), seeds=(3, 4), repeat=(7, 5))
    first, second = write_each(tmp_path, ("classe-a", "classe-b"), rows, layouts)
    first_rows, second_rows = rows

    result, workbook = merge(first, second)

    # A workbook's sheet is named with its file, since there are several.
    for path in (first, second):
        said = f"Feuille utilisée dans {path.name} : « Feuille1 »."
        assert (said in result.stdout) == (path.suffix == ".xlsx")
    table = results(workbook)
    header, rows = table[0], table[1:]
    assert len(rows) == 21
    assert header[0] == "Fichier"
    assert header.count("Statut") == 1
    assert [row[0] for row in rows] == [first.name] * 12 + [second.name] * 9

    # Every candidate's values under the merged header, whatever its layout.
    number, status = header.index("Numéro de certification"), header.index("Statut")
    levels = [header.index(code) for code in synthesis.CODES]
    for row, source in zip(rows, first_rows + second_rows):
        assert row[number] == source["Numéro de certification"]
        assert row[status] == source["Statut"]
        assert [row[c] for c in levels] == [source[code] for code in synthesis.CODES]

    # The repeated number: in the run's output and in the Anomalies sheet.
    duplicate_row, first_seen = 2 + 12 + 5, 2 + 7
    assert (
        f"ligne {duplicate_row}, colonne « B (Numéro de certification) » : 100007 "
        f"(Numéro de certification déjà vu ligne {first_seen})"
    ) in result.stdout
    assert anomalies(workbook) == [
        [
            str(duplicate_row),
            "B (Numéro de certification)",
            100007,
            f"Numéro de certification déjà vu ligne {first_seen}.",
            second.name,
        ]
    ]


def test_merged_columns_are_the_first_files_then_the_new_ones(tmp_path, merge):
    guide = write_layout(tmp_path, "ancien", session(5, seed=1), "guide")
    pix = write_layout(tmp_path, "export", shifted(session(5, seed=2), 500), "pix")

    _, workbook = merge(guide, pix)

    header = results(workbook)[0]
    only_in_pix = [name for name in PIX_HEADER if name not in GUIDE_HEADER]
    only_in_pix.remove("Nombre de Pix")  # the score, matched by its role
    assert header == [
        "Fichier",
        *GUIDE_HEADER,
        *only_in_pix,
        "Niveau global",
        "Description du niveau",
    ]


def test_columns_are_matched_by_header_whatever_their_case_and_order(tmp_path, merge):
    rows = session(6, seed=5)
    first = write_pix_csv(tmp_path / "a.csv", rows)
    # The same columns, reordered, in capitals and without accents.
    names = list(reversed(PIX_HEADER))
    spelled = {name: name.upper().replace("É", "E") for name in names}
    table = [[spelled[name] for name in names]]
    table += [[row[name] for name in names] for row in shifted(rows, 100)]
    second = write_plain_csv(tmp_path / "b.csv", table)

    _, workbook = merge(first, second)

    table = results(workbook)
    assert table[0][1 : 1 + len(PIX_HEADER)] == PIX_HEADER
    for merged, source in zip(table[7:], shifted(rows, 100)):
        assert merged[1 : 1 + len(PIX_HEADER)] == [
            source[name] if source[name] != "" else None for name in PIX_HEADER
        ]


def test_synthesis_covers_every_file(tmp_path, merge, layouts):
    rows = repeating_sessions((20, 15), seeds=(8, 9), repeat=(12, 0))
    first, second = write_each(tmp_path, ("a", "b"), rows, layouts)
    first_rows, second_rows = rows

    _, workbook = merge(first, second)

    duplicate_row = 2 + 20
    expected = synthesis.expected(
        first_rows + second_rows, extra_follow_up={duplicate_row}
    )
    assert duplicate_row in [item[0] for item in expected.follow_up]
    assert_figures(workbook, expected, merged=True)
    assert_charts(workbook, expected)
    sheet = workbook["Synthèse"]
    _, follow_up = synthesis.table(sheet, "Candidats à suivre", skip=1)
    files = {row[0]: row[1] for row in follow_up}
    assert files[f"Ligne {duplicate_row}"] == second.name
    assert files["Ligne 2"] == first.name
    assert (
        sheet["A2"].value == f"35 candidat(s) lu(s) dans {first.name}, {second.name}."
    )


# Folders, and what a merge refuses.


def test_a_folder_stands_for_the_results_files_in_it(tmp_path, run_cli):
    folder = tmp_path / "classes"
    folder.mkdir()
    write_layout(folder, "3e-a", session(6, seed=1), "pix")
    write_layout(folder, "3e-b", shifted(session(4, seed=2), 100), "guide")
    (folder / "lisez-moi.pdf").write_bytes(b"%PDF-1.4")
    output = folder / "groupe.xlsx"

    first = run_cli("enrich", folder, "-o", output)
    # An earlier run's workbooks in the folder are not read again.
    run_cli("enrich", folder / "3e-a.csv")
    again = run_cli("enrich", folder, "-o", output, "--force")

    for result in (first, again):
        assert result.exit_code == 0, result.stderr
        assert "10 candidats lus dans 3e-a.csv, 3e-b.xlsx." in result.stdout
    assert (folder / "3e-a-enrichi.xlsx").exists()
    files = [row[0] for row in results(open_workbook(output))[1:]]
    assert files == ["3e-a.csv"] * 6 + ["3e-b.xlsx"] * 4


def test_several_inputs_need_an_output(tmp_path, run_cli):
    first = write_layout(tmp_path, "a", session(3), "pix")
    second = write_layout(tmp_path, "b", shifted(session(3), 10), "pix")

    result = run_cli("enrich", first, second)

    assert result.exit_code == 1
    assert result.stderr.strip() == fr.ERRORS["output_required"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv", "b.csv"]


@pytest.mark.parametrize("layout", ["pix", "guide"])
def test_a_file_lacking_a_column_is_refused_by_name(tmp_path, run_cli, layout):
    first = write_layout(tmp_path, "complet", session(4), "pix")
    header = [
        name
        for name in (PIX_HEADER if layout == "pix" else GUIDE_HEADER)
        if name != "2.3"
    ]
    second = write_xlsx(tmp_path / "incomplet.xlsx", guide_table(session(4), header))
    output = tmp_path / "groupe.xlsx"

    result = run_cli("enrich", first, second, "-o", output)

    assert result.exit_code == 1
    assert "incomplet.xlsx" in result.stderr and "2.3" in result.stderr
    assert "Traceback" not in result.stderr
    assert not output.exists()


def test_title_lines_above_a_header_stay_out_of_a_merged_table(tmp_path, merge):
    rows = session(5)
    table = [["Session 4321 : résultats"], ["Extrait le 12/05/2025"], []]
    table += as_table(rows)
    titled = write_plain_csv(tmp_path / "titre.csv", table)
    other = write_layout(tmp_path, "autre", shifted(session(3), 50), "pix")

    _, workbook = merge(titled, other)

    table = results(workbook)
    assert table[0][:3] == ["Fichier", "Numéro de certification", "Prénom"]
    assert len(table) == 1 + 5 + 3
    assert not any("Session 4321" in str(cell) for row in table for cell in row)


def test_one_file_does_not_look_for_duplicates(tmp_path, run_cli):
    # Kept on purpose: the numbers of a single file would fill memory for a
    # check Pix has already made; only a merge can repeat them by accident.
    rows = [candidate(1, score=300), candidate(1, score=300)]
    path = write_pix_csv(tmp_path / "double.csv", rows)

    result = run_cli("enrich", path)

    assert result.exit_code == 0, result.stderr
    assert "Aucune anomalie." in result.stdout
