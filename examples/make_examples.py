"""Rebuild the example files: python examples/make_examples.py

A synthetic Pix session (made-up names, every status, scores across every
band) as Pix exports it, and the same candidates in the guide's older layout.
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from tests.pixfiles import guide_table, session, write_pix_csv, write_xlsx

PIX_EXPORT = HERE / "20250512_1430_resultats_session_4321.csv"
GUIDE_LAYOUT = HERE / "resultats_ancienne_presentation.xlsx"


def main() -> None:
    rows = session(count=40, seed=7)
    write_pix_csv(PIX_EXPORT, rows)
    write_xlsx(GUIDE_LAYOUT, guide_table(rows))
    print(f"{PIX_EXPORT.name}\n{GUIDE_LAYOUT.name}")


if __name__ == "__main__":
    main()
