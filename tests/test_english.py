"""--lang en: the whole workbook and every message in English.

The same content checks run on the French and the English workbook of each
example; the English one is then compared cell by cell with the French one
(every difference must be a translation from the locale modules) and scanned
for French words, the input's own data aside.
"""

import csv
import re
import string
import zipfile
from collections import defaultdict
from pathlib import Path
from xml.etree import ElementTree

import openpyxl
import pytest
import typer

from enhancer.cli import app
from enhancer.locales import en, fr, load
from enhancer.reference import COMPETENCE_GROUPS, COMPETENCES, LEVEL_BANDS, STATUSES
from tests.conftest import GUIDE_EXAMPLE, PIX_EXAMPLE, open_workbook, sheet_values
from tests.pixfiles import (
    CANCELLED_COMMENT,
    PIX_HEADER,
    REJECTED_COMMENT,
    as_table,
    guide_table,
    session,
    write_pix_csv,
    write_plain_csv,
    write_xlsx,
)

# Words and letters that give French away. Words match whole and in any case;
# no accented letter belongs in the English texts.
_FRENCH_WORDS = re.compile(
    r"\b(?:niveaux?|valid[ée]es?|rejet[ée]es?|annul[ée]es?|d[ée]marr[ée]es?|"
    r"erreur|candidats?|compétences?|r[ée]sultats|statuts?|synth[èe]se|"
    r"aucune?|lignes?|feuilles?|fichiers?|colonnes?|classeur|domaine|"
    r"vous|votre|le|la|les|des|du|de|et|est|pour|dans|une|avec|sans|ou)\b",
    re.IGNORECASE,
)
_FRENCH_LETTERS = re.compile(r"[àâäçéèêëîïôöùûüÿœæ«»]", re.IGNORECASE)

# The statuses of the input files these tests build, in either language.
INPUT_STATUSES = {
    "Validée": "validated",
    "Rejetée": "rejected",
    "Annulée": "cancelled",
    "En erreur": "error",
    "Démarrée": "started",
    "Validated": "validated",
    "Rejected": "rejected",
    "Cancelled": "cancelled",
    "Error": "error",
    "Started": "started",
}
EXPECTED_SHEETS = ("results", "levels", "competences", "statuses", "anomalies")
ENGLISH_HEADER = {
    "Numéro de certification": "Certification number",
    "Prénom": "First name",
    "Nom": "Last name",
    "Date de naissance": "Date of birth",
    "Lieu de naissance": "Birthplace",
    "Identifiant Externe": "External ID",
    "Statut": "Status",
    "Nombre de Pix": "Pix score",
    "Commentaire jury pour l\u2019organisation": "Comment",
    "Session": "Session",
    "Centre de certification": "Certification centre",
    "Date de passage de la certification": "Certification date",
}
ENGLISH_STATUSES = {
    "Validée": "Validated",
    "Rejetée": "Rejected",
    "Annulée": "Cancelled",
    "En erreur": "Error",
    "Démarrée": "Started",
}


def french_words(text: str) -> list:
    """The French words and accented letters found in a text."""
    found = _FRENCH_WORDS.findall(text) + _FRENCH_LETTERS.findall(text)
    return sorted(set(found))


def as_text(value) -> str:
    """A cell as the user reads it, whether it came from a CSV or a sheet."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_input(path: Path) -> list:
    """The input table as a list of rows, header first."""
    if path.suffix == ".csv":
        with open(path, encoding="utf-8-sig", newline="") as stream:
            return [row for row in csv.reader(stream, delimiter=";") if row]
    sheet = openpyxl.load_workbook(path).worksheets[0]
    return sheet_values(sheet)


def band_of(score: int) -> str:
    return next(key for key, low, high in LEVEL_BANDS if low <= score <= high)


def enrich(run_cli, path: Path, lang: str, *args):
    """Run the command in a language; the workbook it wrote, by default name."""
    result = run_cli("enrich", path, "--lang", lang, *args)
    assert result.exit_code == 0, result.stderr
    suffix = load(lang).OUTPUT_SUFFIX
    return result, path.with_name(path.stem + suffix + ".xlsx")


# The content checks, the same for both languages.


def check_workbook(workbook, table: list, texts) -> None:
    names = [texts.SHEETS[key] for key in EXPECTED_SHEETS]
    assert set(workbook.sheetnames) <= set(texts.SHEETS.values())
    assert [name for name in workbook.sheetnames if name in names] == names
    assert workbook.sheetnames[0] == texts.SHEETS["results"]

    check_results(workbook[texts.SHEETS["results"]], table, texts)
    check_levels(workbook[texts.SHEETS["levels"]], texts)
    check_competences(workbook[texts.SHEETS["competences"]], texts)
    check_statuses(workbook[texts.SHEETS["statuses"]], texts)
    anomalies = sheet_values(workbook[texts.SHEETS["anomalies"]])
    assert anomalies[0][0] == texts.ANOMALIES_TITLE
    assert tuple(anomalies[2]) == texts.ANOMALIES_HEADER
    assert anomalies[3][0] == texts.ANOMALIES_NONE


def check_results(sheet, table: list, texts) -> None:
    """The input as it was, then the level and its description per row."""
    header, *rows = sheet_values(sheet)
    width = len(table[0])
    added = [texts.ADDED_COLUMNS["level"], texts.ADDED_COLUMNS["description"]]
    assert [as_text(v) for v in header[:width]] == [as_text(v) for v in table[0]]
    assert header[width:] == added

    names = [as_text(name) for name in table[0]]
    status_column = next(i for i, n in enumerate(names) if n in ("Statut", "Status"))
    seen_levels = set()
    assert len(rows) == len(table) - 1
    for out, row in zip(rows, table[1:]):
        assert [as_text(v) for v in out[:width]] == [as_text(v) for v in row]
        status = INPUT_STATUSES[row[status_column]]
        if status == "validated":
            key = band_of(int(row[status_column + 1]))
            seen_levels.add(key)
            expected = [texts.LEVEL_NAMES[key], texts.LEVEL_DESCRIPTIONS[key]]
        else:
            expected = ["-", texts.STATUS_MEANINGS[status]]
        assert out[width:] == expected

    # The sessions these tests use reach every band Pix delivers.
    assert seen_levels == {key for key, _, high in LEVEL_BANDS if high <= 895}
    for column, name in enumerate(names, start=1):
        if name in COMPETENCES:
            comment = sheet.cell(1, column).comment
            assert comment.text == f"{name} {texts.COMPETENCE_NAMES[name]}"


def check_levels(sheet, texts) -> None:
    rows = sheet_values(sheet)
    assert rows[0][0] == texts.LEVELS_TITLE
    assert tuple(rows[2]) == texts.LEVELS_HEADER
    for row, (key, low, high) in zip(rows[3:], LEVEL_BANDS):
        name, description = texts.LEVEL_NAMES[key], texts.LEVEL_DESCRIPTIONS[key]
        assert row == [low, high, name, description]
    notes = [row[0] for row in rows[3 + len(LEVEL_BANDS) :] if row[0]]
    assert tuple(notes) == texts.LEVELS_NOTES


def check_competences(sheet, texts) -> None:
    rows = sheet_values(sheet)
    assert rows[0][0] == texts.COMPETENCES_TITLE
    assert tuple(rows[2]) == texts.COMPETENCES_HEADER
    for row, code in zip(rows[3:], COMPETENCES):
        domain = code.split(".")[0]
        name, domain_name = texts.COMPETENCE_NAMES[code], texts.DOMAIN_NAMES[domain]
        assert row == [code, name, f"{domain}. {domain_name}"]
    key = rows[3 + len(COMPETENCES) + 1 :]
    assert key[0][0] == texts.KEY_TITLE
    assert tuple(key[1][:2]) == texts.KEY_HEADER
    groups = [group for group, _, _ in COMPETENCE_GROUPS] + ["untested"]
    assert [row[1] for row in key[2:]] == [texts.GROUP_NAMES[g] for g in groups]


def check_statuses(sheet, texts) -> None:
    rows = sheet_values(sheet)
    assert rows[0][0] == texts.STATUSES_TITLE
    assert tuple(rows[2]) == texts.STATUSES_HEADER
    meanings = [(texts.STATUS_NAMES[k], texts.STATUS_MEANINGS[k]) for k in STATUSES]
    assert [tuple(row) for row in rows[3 : 3 + len(meanings)]] == meanings
    rules = rows[3 + len(meanings) + 1 :]
    assert rules[0][0] == texts.RULES_TITLE
    assert tuple(row[1] for row in rules[1:]) == texts.RULES


# Every difference between the French and the English workbook must be a
# translation the locale modules hold.


def paired_texts(french, english) -> list:
    """(French, English) for every string of two texts of the same shape."""
    if isinstance(french, str):
        return [(french, english)]
    if isinstance(french, dict):
        # A key one language lacks is test_locales.py's to report.
        keys = [key for key in french if key in english]
        return [p for key in keys for p in paired_texts(french[key], english[key])]
    if isinstance(french, (tuple, list)):
        return [
            p for one, other in zip(french, english) for p in paired_texts(one, other)
        ]
    return []


class Translations:
    """What the English workbook may say where the French one says a text."""

    def __init__(self):
        self.plain = defaultdict(set)
        self.templates = []
        for name in (n for n in vars(fr) if n.isupper()):
            for french, english in paired_texts(getattr(fr, name), getattr(en, name)):
                if "{" in french:
                    pair = (_template_pattern(french), _template_pattern(english))
                    self.templates.append(pair)
                else:
                    self.plain[french].add(english)
        keys = sorted(self.plain, key=len, reverse=True)
        self.embedded = re.compile("|".join(re.escape(key) for key in keys))

    def explains(self, french, english) -> bool:
        if french in self.plain:
            return english in self.plain[french]
        if french == english:
            return True
        if not isinstance(french, str) or not isinstance(english, str):
            return False
        # A sentence with blanks filled in: each blank's own translation.
        for pattern, twin in self.templates:
            one, other = pattern.fullmatch(french), twin.fullmatch(english)
            if (
                one
                and other
                and all(
                    self._explains_part(one[name], other[name])
                    for name in one.groupdict()
                )
            ):
                return True
        # Texts composed in code, like a comment "1.1 <competence name>".
        words = self.embedded.sub(lambda m: min(self.plain[m.group()]), french)
        return words == english

    def _explains_part(self, french: str, english: str) -> bool:
        # A sentence put in a blank loses its final full stop.
        return self.explains(french, english) or self.explains(
            french + ".", english + "."
        )


def _template_pattern(text: str):
    parts = []
    for literal, field, _, _ in string.Formatter().parse(text):
        parts.append(re.escape(literal))
        if field is not None:
            parts.append(f"(?P<{field}>.*?)")
    return re.compile("".join(parts), re.DOTALL)


def untranslated(french_book, english_book, skip_columns: int) -> list:
    """The cells (and comments) where the two workbooks differ other than by
    a translation; the Results sheet's original columns are left to
    check_results, since the input's own data is never translated."""
    translations = Translations()
    found = []
    assert len(french_book.worksheets) == len(english_book.worksheets)
    for index, (one, other) in enumerate(
        zip(french_book.worksheets, english_book.worksheets)
    ):
        assert translations.explains(one.title, other.title)
        assert (one.max_row, one.max_column) == (other.max_row, other.max_column)
        for row_one, row_other in zip(one.iter_rows(), other.iter_rows()):
            for cell, twin in zip(row_one, row_other):
                if index == 0 and cell.column <= skip_columns:
                    continue
                if not translations.explains(cell.value, twin.value):
                    found.append((other.title, twin.coordinate, twin.value))
                notes = [c.comment.text if c.comment else None for c in (cell, twin)]
                if not translations.explains(*notes):
                    found.append((other.title, twin.coordinate, notes[1]))
    return found


def french_left(workbook, table: list, data_columns=None, extra_data=()) -> list:
    """Every French word in the workbook outside the input's own data: the
    Results sheet's first ``data_columns`` columns (the input's, by default)
    and the input's values and file names wherever they are shown."""
    data = {as_text(value) for row in table for value in row} | set(extra_data)
    headers = sorted((as_text(v) for v in table[0] if as_text(v)), key=len)[::-1]
    data_columns = len(table[0]) if data_columns is None else data_columns
    results = workbook.worksheets[0]
    found = []
    for sheet in workbook.worksheets:
        found += [(sheet.title, "title", w) for w in french_words(sheet.title)]
        for row in sheet.iter_rows():
            for cell in row:
                # The original columns of Results hold the input, as it was.
                if sheet is results and cell.column <= data_columns:
                    continue
                texts = [cell.comment.text] if cell.comment else []
                if isinstance(cell.value, str) and cell.value not in data:
                    texts.append(cell.value)
                for text in texts:
                    # A column label such as "G (Statut)" names the input's header.
                    for header in headers:
                        text = text.replace(header, "")
                    for word in french_words(text):
                        found.append((sheet.title, cell.coordinate, word))
    return found


# The examples in English.


@pytest.fixture(params=["pix", "guide"])
def example(request, tmp_path) -> Path:
    source = {"pix": PIX_EXAMPLE, "guide": GUIDE_EXAMPLE}[request.param]
    path = tmp_path / source.name
    path.write_bytes(source.read_bytes())
    return path


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_each_example_passes_the_content_checks(run_cli, example, lang):
    _, output = enrich(run_cli, example, lang)
    check_workbook(open_workbook(output), read_input(example), load(lang))


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_formula_mode_shows_the_same_texts(run_cli, example, lang):
    # What a viewer that does not recalculate shows: the cached values.
    _, output = enrich(run_cli, example, lang, "--formulas")
    workbook = openpyxl.load_workbook(output, data_only=True)
    check_workbook(workbook, read_input(example), load(lang))
    if lang == "en":
        assert french_left(workbook, read_input(example)) == []


def test_english_workbook_is_the_french_one_translated(run_cli, example):
    _, french = enrich(run_cli, example, "fr")
    _, english = enrich(run_cli, example, "en")
    width = len(read_input(example)[0])
    found = untranslated(open_workbook(french), open_workbook(english), width)
    assert found == []


def test_english_workbook_holds_no_french_word(run_cli, example):
    _, output = enrich(run_cli, example, "en")
    assert french_left(open_workbook(output), read_input(example)) == []


def test_french_workbook_does_hold_french_words(run_cli, example):
    # The scan itself: the same workbook in French must trip it.
    _, output = enrich(run_cli, example, "fr")
    found = {word.lower() for *_, word in french_left(open_workbook(output), [[]])}
    assert {"niveau", "validée", "rejetée", "candidat", "é"} <= found


def test_english_default_output_and_messages(run_cli, example):
    result, output = enrich(run_cli, example, "en")
    assert output.name == example.stem + "-enriched.xlsx"
    assert output.exists()
    assert not example.with_name(example.stem + "-enrichi.xlsx").exists()

    messages = en.MESSAGES
    lines = result.stdout.splitlines()
    read = messages["rows_read"].format(rows=40, source=example.name)
    assert read in lines
    assert messages["no_anomaly"] in lines
    assert lines[-1] == messages["written"].format(output=output)
    if example.suffix == ".xlsx":
        assert messages["sheet_used"].format(sheet="Feuille1") in lines
    names = (str(output), example.name, "Feuille1")
    for line in lines:
        for name in names:
            line = line.replace(name, "")
        assert french_words(line) == []
    assert result.stderr == ""


def chart_texts(path: Path) -> list:
    """The titles, series names, labels and references of the charts."""
    texts = []
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/charts/") and name.endswith(".xml"):
                root = ElementTree.fromstring(archive.read(name))
                texts += [
                    element.text
                    for element in root.iter()
                    if element.tag.rsplit("}", 1)[-1] in ("t", "v", "f")
                    and element.text
                ]
    return texts


def test_english_charts_hold_no_french_word(run_cli, example):
    _, english = enrich(run_cli, example, "en")
    _, french = enrich(run_cli, example, "fr")
    data = {as_text(value) for row in read_input(example) for value in row}
    found = [
        (text, french_words(text))
        for text in chart_texts(english)
        if text not in data and french_words(text)
    ]
    assert found == []
    # The scan sees the charts: the French ones do speak French.
    assert any(french_words(text) for text in chart_texts(french))


# Refusals, in the language asked for.


def _absent(tmp_path, texts):
    path = tmp_path / "absent.csv"
    return [path], "not_found", {"path": str(path)}


def _empty_folder(tmp_path, texts):
    folder = tmp_path / "empty"
    folder.mkdir()
    return [folder], "no_input_in_folder", {"path": str(folder)}


def _two_inputs(tmp_path, texts):
    rows = session(count=3)
    first = write_pix_csv(tmp_path / "a.csv", rows)
    second = write_pix_csv(tmp_path / "b.csv", rows)
    return [first, second], "output_required", {}


def _existing_output(tmp_path, texts):
    path = write_pix_csv(tmp_path / "group.csv", session(count=3))
    output = tmp_path / f"group{texts.OUTPUT_SUFFIX}.xlsx"
    output.write_bytes(b"kept")
    return [path], "output_exists", {"path": str(output)}


def _no_status_nor_score(tmp_path, texts):
    header = ["Nom", *COMPETENCES]
    path = write_plain_csv(tmp_path / "levels.csv", [header, ["Abadie"] + [1] * 16])
    missing = {"fr": "Statut, Nombre de Pix", "en": "Status, Pix score"}
    params = {
        "path": path.name,
        "missing": missing["en" if texts is en else "fr"],
        "seen": ", ".join(header),
    }
    return [path], "missing_columns", params


def _no_header(tmp_path, texts):
    path = write_plain_csv(tmp_path / "other.csv", [["a", "b"], ["1", "2"]])
    wanted = {"fr": "Statut, Nombre de Pix", "en": "Status, Pix score"}
    lang = "en" if texts is en else "fr"
    params = {
        "path": path.name,
        "wanted": wanted[lang] + ", " + ", ".join(COMPETENCES),
        "seen": "a, b",
    }
    return [path], "no_header", params


def _not_a_workbook(tmp_path, texts):
    path = tmp_path / "results.xlsx"
    path.write_text("not a workbook")
    return [path], "not_a_table", {"path": path.name}


@pytest.mark.parametrize(
    "case",
    [
        _absent,
        _empty_folder,
        _two_inputs,
        _existing_output,
        _no_status_nor_score,
        _no_header,
        _not_a_workbook,
    ],
)
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_refusals_follow_lang(run_cli, tmp_path, lang, case):
    texts = load(lang)
    inputs, key, params = case(tmp_path, texts)
    before = sorted(tmp_path.rglob("*"))

    result = run_cli("enrich", *inputs, "--lang", lang)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == texts.ERRORS[key].format(**params) + "\n"
    assert sorted(tmp_path.rglob("*")) == before
    if lang == "en":
        sentence = result.stderr
        for value in params.values():
            sentence = sentence.replace(value, "")
        assert french_words(sentence) == []


def test_unknown_language_is_a_usage_error(run_cli, examples):
    result = run_cli("enrich", examples["pix"], "--lang", "de")
    assert result.exit_code == 2
    assert "fr or en" in result.stderr


def test_every_option_has_help_in_both_languages():
    command = typer.main.get_command(app)
    helps = {f"{fr.HELP[key]} / {en.HELP[key]}" for key in fr.HELP}
    assert command.help in helps
    for sub in command.commands.values():
        assert sub.help in helps, sub.name
        for param in sub.params:
            if param.name != "help":
                assert param.help in helps, f"{sub.name} {param.name}"


# Inputs with English headers and statuses, whatever the output language.


def english_rows(rows: list, score_header: str, birth_header: str) -> tuple:
    """Pix rows as an English export would say them: (header, rows)."""
    names = {
        **ENGLISH_HEADER,
        "Nombre de Pix": score_header,
        "Date de naissance": birth_header,
    }
    comments = {REJECTED_COMMENT: "Too few answers.", CANCELLED_COMMENT: "Outage."}
    converted = []
    for row in rows:
        row = {names.get(key, key): value for key, value in row.items()}
        row["Status"] = ENGLISH_STATUSES[row["Status"]]
        row["Comment"] = comments.get(row["Comment"], row["Comment"])
        converted.append(row)
    return [names.get(name, name) for name in PIX_HEADER], converted


def english_input(tmp_path, kind, score_header, birth_header="Date of birth"):
    header, rows = english_rows(session(count=40), score_header, birth_header)
    if kind == "csv":
        return write_pix_csv(tmp_path / "results.csv", rows, header)
    return write_xlsx(tmp_path / "results.xlsx", as_table(rows, header))


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
@pytest.mark.parametrize(
    "score_header", ["Pix score", "Number of pix", "Number of certified pix"]
)
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_english_headers_and_statuses_are_recognised(
    run_cli, tmp_path, lang, score_header, kind
):
    path = english_input(tmp_path, kind, score_header)
    result, output = enrich(run_cli, path, lang)

    workbook = open_workbook(output)
    check_workbook(workbook, read_input(path), load(lang))
    assert load(lang).MESSAGES["no_anomaly"] in result.stdout.splitlines()
    if lang == "en":
        assert french_left(workbook, read_input(path)) == []


@pytest.mark.parametrize("birth_header", ["Date of birth", "Birth date"])
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_english_personal_columns_are_left_out(run_cli, tmp_path, lang, birth_header):
    path = english_input(tmp_path, "csv", "Pix score", birth_header)
    result, output = enrich(run_cli, path, lang, "--no-personal-data")

    dropped = [birth_header, "Birthplace", "External ID"]
    header = sheet_values(open_workbook(output)[load(lang).SHEETS["results"]])[0]
    assert not set(dropped) & set(header)
    assert "Status" in header and "Certification number" in header
    line = load(lang).MESSAGES["privacy"].format(columns=", ".join(dropped))
    assert line in result.stdout.splitlines()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_headerless_table_gets_header_cells_in_the_language(run_cli, tmp_path, lang):
    path = write_xlsx(tmp_path / "bare.xlsx", guide_table(session(count=12))[1:])
    texts = load(lang)
    result, output = enrich(run_cli, path, lang)

    header = sheet_values(open_workbook(output)[texts.SHEETS["results"]])[0]
    status, score = texts.GUIDE_HEADERS["status"], texts.GUIDE_HEADERS["score"]
    assert header[5:23] == [status, score, *COMPETENCES]
    assert texts.MESSAGES["guide_letters"] in result.stdout.splitlines()


def test_anomalies_are_explained_in_english(run_cli, tmp_path):
    rows = session(count=12)
    rows[4]["Statut"] = "Inconnu"
    rows[5]["Nombre de Pix"] = "beaucoup"
    rows[6]["1.1"] = 9
    rows[7]["Nombre de Pix"] = 900
    path = write_pix_csv(tmp_path / "odd.csv", rows)
    _, french = enrich(run_cli, path, "fr")
    result, output = enrich(run_cli, path, "en")

    workbook = open_workbook(output)
    found = sheet_values(workbook[en.SHEETS["anomalies"]])[3:]
    keys = [
        "unknown_status",
        "invalid_score",
        "level_out_of_range",
        "undelivered_score",
    ]
    assert [row[3] for row in found] == [en.ANOMALY_PROBLEMS[key] for key in keys]
    assert [row[0] for row in found] == ["6", "7", "8", "9"]
    assert en.MESSAGES["anomalies"].format(count=4) in result.stdout.splitlines()

    table = read_input(path)
    assert french_left(workbook, table) == []
    assert untranslated(open_workbook(french), workbook, len(table[0])) == []


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_other_english_spellings_are_recognised(run_cli, tmp_path, lang):
    header = ["Certification number", "Given name", "Family name", "Status"]
    header += ["Pix score", *COMPETENCES]
    rows = [
        [100001, "Alix", "Abadie", "In error", "-", *["-"] * 16],
        [100002, "Hugo", "Bonnet", "Validated", 300, *[2] * 16],
    ]
    path = write_plain_csv(tmp_path / "spellings.csv", [header, *rows])
    texts = load(lang)
    result, output = enrich(run_cli, path, lang)

    sheet = open_workbook(output)[texts.SHEETS["results"]]
    values = sheet_values(sheet)
    assert values[1][-2:] == ["-", texts.STATUS_MEANINGS["error"]]
    level = texts.LEVEL_NAMES["independent1"]
    assert values[2][-2:] == [level, texts.LEVEL_DESCRIPTIONS["independent1"]]
    assert texts.MESSAGES["no_anomaly"] in result.stdout.splitlines()
    # The names stay in view: both name columns are known as names.
    assert sheet.freeze_panes == "D2"


def test_merged_files_without_personal_data_in_english(run_cli, tmp_path):
    # Two sessions of the same centre: a File column, duplicates, a privacy note.
    first = tmp_path / "morning.csv"
    first.write_bytes(PIX_EXAMPLE.read_bytes())
    second = tmp_path / "afternoon.csv"
    second.write_bytes(PIX_EXAMPLE.read_bytes())
    output = tmp_path / "group.xlsx"
    result = run_cli(
        "enrich", first, second, "-o", output, "--lang", "en", "--no-personal-data"
    )
    assert result.exit_code == 0, result.stderr

    workbook = open_workbook(output)
    table = read_input(first)
    header = sheet_values(workbook[en.SHEETS["results"]])[0]
    assert header[0] == en.ADDED_COLUMNS["file"]
    names = [first.name, second.name]
    kept = len(header) - 2
    assert french_left(workbook, table, kept, names) == []
    anomalies = sheet_values(workbook[en.SHEETS["anomalies"]])
    assert anomalies[2][-1] == en.ADDED_COLUMNS["file"]
    assert anomalies[3][3] == en.ANOMALY_PROBLEMS["duplicate"].format(first=2)

    dropped = "Date de naissance, Lieu de naissance, Identifiant Externe"
    lines = result.stdout.splitlines()
    assert en.MESSAGES["privacy"].format(columns=dropped) in lines
    assert en.MESSAGES["anomalies"].format(count=40) in lines
    for line in lines:
        for name in [*names, str(output), *table[0]]:
            line = line.replace(name, "")
        assert french_words(line) == [], line
