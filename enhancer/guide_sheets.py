"""The sheets that explain the results: Niveaux, Compétences and Statuts.

They hold the guide's content, so that a colleague who has never heard of Pix
can read the Résultats sheet without the guide at hand.
"""

from enhancer.reference import (
    COMPETENCE_GROUPS,
    COMPETENCES,
    LEVEL_BANDS,
    LEVEL_GROUP,
    NO_VALUE,
    STATUSES,
)
from enhancer.worksheet import set_printing

# Where the Niveaux sheet puts its table (0-based), for the formulas of the
# formula mode, which look the score up there: one row per band from
# LEVELS_FIRST_ROW, in LEVEL_BANDS order.
LEVELS_FIRST_ROW = 3
LEVEL_LOW_COLUMN, LEVEL_HIGH_COLUMN = 0, 1
LEVEL_NAME_COLUMN, LEVEL_DESCRIPTION_COLUMN = 2, 3
# And where the Statuts sheet puts each status's meaning, in STATUSES order.
STATUSES_FIRST_ROW = 3
STATUS_NAME_COLUMN, STATUS_MEANING_COLUMN = 0, 1


def write_levels(workbook, formats: dict, texts) -> None:
    """One row per score band: lowest and highest score, name, description."""
    sheet = workbook.add_worksheet(texts.SHEETS["levels"])
    sheet.write_string(0, 0, texts.LEVELS_TITLE, formats["title"])
    _write_header(sheet, 2, texts.LEVELS_HEADER, formats)
    for row, (key, low, high) in enumerate(LEVEL_BANDS, start=LEVELS_FIRST_ROW):
        sheet.write_number(row, LEVEL_LOW_COLUMN, low, formats["top"])
        sheet.write_number(row, LEVEL_HIGH_COLUMN, high, formats["top"])
        name_format = formats[LEVEL_GROUP[key] + "_cell"]
        sheet.write_string(row, LEVEL_NAME_COLUMN, texts.LEVEL_NAMES[key], name_format)
        description = texts.LEVEL_DESCRIPTIONS[key]
        sheet.write_string(row, LEVEL_DESCRIPTION_COLUMN, description, formats["wrap"])

    notes_start = LEVELS_FIRST_ROW + len(LEVEL_BANDS) + 1
    for row, note in enumerate(texts.LEVELS_NOTES, start=notes_start):
        sheet.write_string(row, 0, note, formats["note"])

    sheet.set_column(0, 1, 15)
    sheet.set_column(2, 2, 22)
    sheet.set_column(3, 3, 110)
    set_printing(sheet, 2)


def write_competences(workbook, formats: dict, texts) -> None:
    """The 16 competences with their domain, and the colour key."""
    sheet = workbook.add_worksheet(texts.SHEETS["competences"])
    sheet.write_string(0, 0, texts.COMPETENCES_TITLE, formats["title"])
    _write_header(sheet, 2, texts.COMPETENCES_HEADER, formats)
    for row, code in enumerate(COMPETENCES, start=3):
        domain = code.split(".")[0]
        sheet.write_string(row, 0, code)
        sheet.write_string(row, 1, texts.COMPETENCE_NAMES[code])
        sheet.write_string(row, 2, f"{domain}. {texts.DOMAIN_NAMES[domain]}")

    row = 3 + len(COMPETENCES) + 1
    sheet.write_string(row, 0, texts.KEY_TITLE, formats["subtitle"])
    _write_header(sheet, row + 1, texts.KEY_HEADER, formats)
    groups = [
        (group, f"{low}" if low == high else f"{low}-{high}")
        for group, low, high in COMPETENCE_GROUPS
    ]
    groups.append(("untested", NO_VALUE))
    for offset, (group, levels) in enumerate(groups, start=row + 2):
        sheet.write_string(offset, 0, levels, formats[group + "_cell"])
        sheet.write_string(offset, 1, texts.GROUP_NAMES[group])

    sheet.set_column(0, 0, 12)
    sheet.set_column(1, 1, 55)
    sheet.set_column(2, 2, 38)
    set_printing(sheet, 2)


def write_statuses(workbook, formats: dict, texts, dropped_columns: list) -> None:
    """What each status means, the guide's rules, and what was left out."""
    sheet = workbook.add_worksheet(texts.SHEETS["statuses"])
    sheet.write_string(0, 0, texts.STATUSES_TITLE, formats["title"])
    _write_header(sheet, 2, texts.STATUSES_HEADER, formats)
    for row, status in enumerate(STATUSES, start=STATUSES_FIRST_ROW):
        name, meaning = texts.STATUS_NAMES[status], texts.STATUS_MEANINGS[status]
        sheet.write_string(row, STATUS_NAME_COLUMN, name, formats["top"])
        sheet.write_string(row, STATUS_MEANING_COLUMN, meaning, formats["wrap"])

    rules_start = STATUSES_FIRST_ROW + len(STATUSES) + 1
    sheet.write_string(rules_start, 0, texts.RULES_TITLE, formats["subtitle"])
    for row, rule in enumerate(texts.RULES, start=rules_start + 1):
        sheet.write_string(row, 0, "•", formats["top"])
        sheet.write_string(row, 1, rule, formats["wrap"])

    if dropped_columns:
        note = texts.PRIVACY_NOTE.format(columns=", ".join(dropped_columns))
        sheet.write_string(row + 2, 0, note, formats["note"])

    sheet.set_column(0, 0, 16)
    sheet.set_column(1, 1, 100)
    set_printing(sheet, 2)


def _write_header(sheet, row: int, names: tuple, formats: dict) -> None:
    for column, name in enumerate(names):
        sheet.write_string(row, column, name, formats["header"])
