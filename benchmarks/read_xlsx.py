"""Read every row of a workbook's first sheet with python-calamine, as the
tool does, and nothing else: the cost of spreadsheet input alone.

    python benchmarks/read_xlsx.py INPUT.xlsx
"""

import sys

from python_calamine import CalamineWorkbook


def main(source: str) -> None:
    workbook = CalamineWorkbook.from_path(source)
    sheet = workbook.get_sheet_by_name(workbook.sheet_names[0])
    rows = sum(1 for _ in sheet.iter_rows())
    print(rows)


if __name__ == "__main__":
    main(sys.argv[1])
