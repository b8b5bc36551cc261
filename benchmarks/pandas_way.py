"""The obvious pandas script: read the CSV, add a level column, to_excel.

python benchmarks/pandas_way.py INPUT.csv OUTPUT.xlsx
"""

import sys

import pandas as pd

# The guide's score bands (upper bounds) and level names.
BAND_TOPS = [-1, 63, 127, 255, 383, 511, 639, 767, 895, 1024]
LEVELS = [
    "Aucun niveau atteint",
    "Novice 1",
    "Novice 2",
    "Indépendant 1",
    "Indépendant 2",
    "Avancé 1",
    "Avancé 2",
    "Expert 1",
    "Expert 2",
]


def main(source: str, target: str) -> None:
    table = pd.read_csv(source, sep=";", encoding="utf-8-sig")
    score = pd.to_numeric(table["Nombre de Pix"], errors="coerce")
    validated = table["Statut"] == "Validée"
    table["Niveau global"] = pd.cut(score, BAND_TOPS, labels=LEVELS).where(validated)
    table.to_excel(target, index=False, engine="xlsxwriter")


if __name__ == "__main__":
    main(*sys.argv[1:3])
