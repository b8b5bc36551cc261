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


def write_levels(workbook, formats: dict, texts) -> None:
    """One row per score band: lowest and highest score, name, description."""
    sheet = workbook.add_worksheet(texts.SHEETS["levels"])
    sheet.write_string(0, 0, texts.LEVELS_TITLE, formats["title"])
    _write_header(sheet, 2, texts.LEVELS_HEADER, formats)
    for row, (key, low, high) in enumerate(LEVEL_BANDS, start=3):
        sheet.write_number(row, 0, low, formats["top"])
        sheet.write_number(row, 1, high, formats["top"])
        sheet.write_string(
            row, 2, texts.LEVEL_NAMES[key], formats[LEVEL_GROUP[key] + "_cell"]
        )
        sheet.write_string(row, 3, texts.LEVEL_DESCRIPTIONS[key], formats["wrap"])

    notes_start = 3 + len(LEVEL_BANDS) + 1
    for row, note in enumerate(texts.LEVELS_NOTES, start=notes_start):
        sheet.write_string(row, 0, note, formats["note"])

    sheet.set_column(0, 1, 15)
    sheet.set_column(2, 2, 22)
    sheet.set_column(3, 3, 110)
    _set_print(sheet, 2)


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
    _set_print(sheet, 2)


def write_statuses(workbook, formats: dict, texts, dropped_columns: list) -> None:
    """What each status means, the guide's rules, and what was left out."""
    sheet = workbook.add_worksheet(texts.SHEETS["statuses"])
    sheet.write_string(0, 0, texts.STATUSES_TITLE, formats["title"])
    _write_header(sheet, 2, texts.STATUSES_HEADER, formats)
    for row, status in enumerate(STATUSES, start=3):
        sheet.write_string(row, 0, texts.STATUS_NAMES[status], formats["top"])
        sheet.write_string(row, 1, texts.STATUS_MEANINGS[status], formats["wrap"])

    rules_start = 3 + len(STATUSES) + 1
    sheet.write_string(rules_start, 0, texts.RULES_TITLE, formats["subtitle"])
    for row, rule in enumerate(texts.RULES, start=rules_start + 1):
        sheet.write_string(row, 0, "•", formats["top"])
        sheet.write_string(row, 1, rule, formats["wrap"])

    if dropped_columns:
        note = texts.PRIVACY_NOTE.format(columns=", ".join(dropped_columns))
        sheet.write_string(row + 2, 0, note, formats["note"])

    sheet.set_column(0, 0, 16)
    sheet.set_column(1, 1, 100)
    _set_print(sheet, 2)


def _write_header(sheet, row: int, names: tuple, formats: dict) -> None:
    for column, name in enumerate(names):
        sheet.write_string(row, column, name, formats["header"])


def _set_print(sheet, header_row: int) -> None:
    sheet.set_landscape()
    sheet.set_paper(9)
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(header_row)
