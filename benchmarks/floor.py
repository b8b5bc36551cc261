"""The floor: copy a Pix CSV export into a workbook, every cell unchanged.

The least any tool writing the same rows with xlsxwriter can do: the csv
module reads, ``write_row`` writes, in constant_memory mode.

    python benchmarks/floor.py INPUT.csv OUTPUT.xlsx
"""

import csv
import sys

import xlsxwriter


def main(source: str, target: str) -> None:
    workbook = xlsxwriter.Workbook(target, {"constant_memory": True})
    sheet = workbook.add_worksheet()
    with open(source, encoding="utf-8-sig", newline="") as stream:
        for row, cells in enumerate(csv.reader(stream, delimiter=";")):
            sheet.write_row(row, 0, cells)
    workbook.close()


if __name__ == "__main__":
    main(*sys.argv[1:3])
