"""Synthetic Pix results files, built in code: made-up people, real formats.

Shared by the tests, the examples and the benchmark. Rows are dicts keyed by
the Pix export's headers; writers turn them into each format users have.
"""

import csv
import datetime
import random
from pathlib import Path

from enhancer.reference import COMPETENCES, LEVEL_BANDS

PIX_HEADER = [
    "Numéro de certification",
    "Prénom",
    "Nom",
    "Date de naissance",
    "Lieu de naissance",
    "Identifiant Externe",
    "Statut",
    "Nombre de Pix",
    *COMPETENCES,
    "Commentaire jury pour l\u2019organisation",
    "Session",
    "Centre de certification",
    "Date de passage de la certification",
]
# The older layout the guide describes: identity in A-E, status in F,
# score in G, competences in H-W.
GUIDE_HEADER = [
    "Numéro de certification",
    "Prénom",
    "Nom",
    "Date de naissance",
    "Lieu de naissance",
    "Statut",
    "Nombre de pix certifiés",
    *COMPETENCES,
]
# Pix's export writes these columns as bare numbers; the rest is quoted text.
NUMERIC_HEADERS = {"Numéro de certification", "Nombre de Pix", *COMPETENCES}

FIRST_NAMES = [
    "Alix",
    "Bastien",
    "Chloé",
    "Dylan",
    "Élise",
    "Farid",
    "Gaëlle",
    "Hugo",
    "Inès",
    "Jules",
    "Katia",
    "Léo",
    "Maëlys",
    "Noé",
    "Océane",
    "Paul",
    "Quentin",
    "Rose",
    "Sacha",
    "Théo",
    "Ursule",
    "Victor",
    "Wassim",
    "Yasmine",
    "Zoé",
]
LAST_NAMES = [
    "Abadie",
    "Bonnet",
    "Chevalier",
    "Delmas",
    "Étienne",
    "Fournier",
    "Garnier",
    "Hoarau",
    "Imbert",
    "Joly",
    "Klein",
    "Lefèvre",
    "Marchand",
    "Nguyen",
    "Ollivier",
    "Perrin",
    "Roux",
    "Sanchez",
    "Texier",
    "Vidal",
]
PLACES = ["Angers", "Brest", "Caen", "Dijon", "Évry", "Foix", "Gap", "Laval"]

REJECTED_COMMENT = (
    "Le candidat a répondu faux à plus de 50% des questions posées, cela a "
    "invalidé l'ensemble de sa certification, et a donc entraîné un score de "
    "0 pix."
)
CANCELLED_COMMENT = (
    "Des problèmes techniques ont empêché le bon déroulement du test. Nous "
    "vous invitons à proposer une nouvelle session au candidat."
)


def candidate(
    number: int,
    status: str = "Validée",
    score=None,
    levels=None,
    rng: random.Random | None = None,
) -> dict:
    """A made-up candidate's row, with levels that add up to the score."""
    rng = rng or random.Random(number)
    row = {
        "Numéro de certification": 100000 + number,
        "Prénom": rng.choice(FIRST_NAMES),
        "Nom": rng.choice(LAST_NAMES),
        "Date de naissance": f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/"
        f"{rng.randint(1960, 2008)}",
        "Lieu de naissance": rng.choice(PLACES),
        "Identifiant Externe": f"EXT{number:05d}",
        "Statut": status,
        "Commentaire jury pour l\u2019organisation": "",
        "Session": 4321,
        "Centre de certification": "Centre d'examen synthétique",
        "Date de passage de la certification": "12/05/2025",
    }
    if status == "Validée":
        score = rng.randint(0, 895) if score is None else score
        levels = levels if levels is not None else spread(score, rng)
        row["Nombre de Pix"] = score
        row.update(dict(zip(COMPETENCES, levels)))
    else:
        row["Nombre de Pix"] = 0 if status == "Rejetée" else "-"
        row.update(dict.fromkeys(COMPETENCES, "-"))
        if status == "Rejetée":
            row["Commentaire jury pour l\u2019organisation"] = REJECTED_COMMENT
        if status == "Annulée":
            row["Commentaire jury pour l\u2019organisation"] = CANCELLED_COMMENT
    return row


def spread(score: int, rng: random.Random) -> list:
    """Sixteen levels (or "-") consistent with a score: each level is 8 pix."""
    total = min(score // 8, 16 * 8)
    levels = [0] * 16
    for _ in range(total):
        open_slots = [i for i, level in enumerate(levels) if level < 8]
        levels[rng.choice(open_slots)] += 1
    return [level if level or rng.random() < 0.7 else "-" for level in levels]


def session(count: int = 40, seed: int = 7) -> list:
    """A session of candidates: every status, scores across every band."""
    rng = random.Random(seed)
    statuses = ["Rejetée", "Annulée", "En erreur", "Démarrée"]
    rows = []
    for number in range(count):
        if number < len(statuses):
            rows.append(candidate(number, statuses[number], rng=rng))
            continue
        band = LEVEL_BANDS[(number - len(statuses)) % (len(LEVEL_BANDS) - 1)]
        score = rng.randint(band[1], band[2])
        rows.append(candidate(number, "Validée", score=score, rng=rng))
    return rows


def write_pix_csv(
    path: Path,
    rows: list,
    header: list = PIX_HEADER,
    encoding: str = "utf-8-sig",
    separator: str = ";",
    quote_text: bool = True,
    line_end: str = "\n",
) -> Path:
    """Write rows as Pix does: BOM, ';', text quoted, numbers bare."""
    lines = [separator.join(_quoted(name, quote_text) for name in header)]
    for row in rows:
        cells = []
        for name in header:
            value = row.get(name, "")
            bare = isinstance(value, int) or value == "" or not quote_text
            cells.append(str(value) if bare else _quoted(str(value), True))
        lines.append(separator.join(cells))
    path.write_bytes((line_end.join(lines) + line_end).encode(encoding))
    return path


def _quoted(text: str, quote: bool) -> str:
    return '"' + text.replace('"', '""') + '"' if quote else text


def write_plain_csv(path: Path, table: list, encoding="utf-8", separator=";"):
    """Write a table of cells with the csv module (quotes only where needed)."""
    with open(path, "w", encoding=encoding, newline="") as stream:
        csv.writer(stream, delimiter=separator).writerows(table)
    return path


def as_table(rows: list, header: list = PIX_HEADER) -> list:
    """Rows as a list of lists under their header, for spreadsheet writers."""
    return [list(header)] + [[row.get(name) for name in header] for row in rows]


def guide_row(row: dict) -> dict:
    """A Pix export row in the guide's older layout."""
    converted = dict(row)
    converted["Nombre de pix certifiés"] = row["Nombre de Pix"]
    return converted


def guide_table(rows: list, header: list = GUIDE_HEADER) -> list:
    """Pix export rows as a table in the guide's older layout; None, a blank."""
    return as_table([{} if row is None else guide_row(row) for row in rows], header)


def shifted(rows: list, by: int) -> list:
    """The same candidates under other certification numbers."""
    return [
        dict(row, **{"Numéro de certification": row["Numéro de certification"] + by})
        for row in rows
    ]


def write_layout(
    folder: Path, name: str, rows: list, layout: str, header: list | None = None
) -> Path:
    """Rows as a file of a layout users have, in folder; None, a blank line.

    "pix" writes Pix's CSV export (<name>.csv: BOM, ';', text quoted); "guide"
    writes the guide's older layout as <name>.xlsx (status in F, score in G,
    levels in H-W).
    """
    if layout == "pix":
        rows = [{} if row is None else row for row in rows]
        return write_pix_csv(folder / f"{name}.csv", rows, header or PIX_HEADER)
    table = guide_table(rows, header or GUIDE_HEADER)
    return write_xlsx(folder / f"{name}.xlsx", table)


def write_xlsx(
    path: Path, table: list, sheet: str = "Feuille1", extra_sheets: dict | None = None
) -> Path:
    """Write a table to .xlsx the way Excel keeps it: numbers as numbers."""
    import xlsxwriter

    workbook = xlsxwriter.Workbook(
        str(path),
        {
            "strings_to_numbers": False,
            "strings_to_formulas": False,
            "strings_to_urls": False,
        },
    )
    # Dates shown as dates, as Excel keeps a date typed into a cell.
    date_format = workbook.add_format({"num_format": "dd/mm/yyyy"})
    duration_format = workbook.add_format({"num_format": "[h]:mm:ss"})
    for name, cells in [(sheet, table), *(extra_sheets or {}).items()]:
        worksheet = workbook.add_worksheet(name)
        for r, row in enumerate(cells):
            for c, value in enumerate(row):
                if value is None or value == "":
                    continue
                if isinstance(value, str) and _is_markup(value):
                    # xlsxwriter would take "<r>...</r>" for its own markup.
                    pieces = (value[:1], value[1:-1], value[-1:])
                    worksheet.write_rich_string(r, c, *pieces)
                elif isinstance(value, str):
                    worksheet.write_string(r, c, value)
                elif isinstance(value, datetime.date):
                    worksheet.write_datetime(r, c, value, date_format)
                elif isinstance(value, datetime.timedelta):
                    worksheet.write_datetime(r, c, value, duration_format)
                else:
                    worksheet.write(r, c, value)
    workbook.close()
    return path


def _is_markup(text: str) -> bool:
    return len(text) > 7 and text.startswith("<r>") and text.endswith("</r>")


# How often each status turns up in a large group, roughly as in real sessions.
STATUS_WEIGHTS = {
    "Validée": 80,
    "Rejetée": 7,
    "Annulée": 7,
    "En erreur": 3,
    "Démarrée": 3,
}


def group(count: int = 300, seed: int = 11) -> list:
    """A large group: statuses mixed at random, scores across every band."""
    rng = random.Random(seed)
    statuses, weights = list(STATUS_WEIGHTS), list(STATUS_WEIGHTS.values())
    return [
        candidate(number, rng.choices(statuses, weights)[0], rng=rng)
        for number in range(count)
    ]
