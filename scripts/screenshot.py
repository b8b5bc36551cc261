"""Render the example's enriched workbook to the PNG pictures in docs/.

    python scripts/screenshot.py

Enriches the example session in the guide's layout (the same candidates as
the Pix export, without the export's trailing columns, so that the level
columns fit in the picture), has LibreOffice print it to PDF with each sheet
on a single page, and turns the pages of Résultats and Synthèse into PNG
with pdftoppm. Needs LibreOffice (Debian: libreoffice-calc-nogui) and
poppler-utils.
"""

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.libreoffice import convert

EXAMPLE = ROOT / "examples" / "resultats_ancienne_presentation.xlsx"
DOCS = ROOT / "docs"
# Every sheet printed whole on one page: page 1 is Résultats, 2 Synthèse.
PDF_FILTER = (
    'pdf:calc_pdf_Export:{"SinglePageSheets":{"type":"boolean","value":"true"}}'
)
# (page, picture, resolution in dpi, width and height kept in pixels; 0: all)
PICTURES = (
    (1, "resultats.png", 80, 2600, 700),
    (2, "synthese.png", 90, 0, 0),
)


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="pix-screenshot-") as folder:
        workbook = Path(folder) / "session-enrichie.xlsx"
        subprocess.run(
            [
                sys.executable,
                "-m",
                "enhancer",
                "enrich",
                str(EXAMPLE),
                "-o",
                str(workbook),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        (pdf,) = convert([workbook], PDF_FILTER, Path(folder) / "pdf")
        DOCS.mkdir(exist_ok=True)
        for page, name, dpi, width, height in PICTURES:
            _render(pdf, page, DOCS / name, dpi, width, height)
            print(DOCS / name)


def _render(pdf: Path, page: int, target: Path, dpi: int, width: int, height: int):
    """One PDF page to PNG, cropped to its top-left corner when asked."""
    crop = ["-x", "0", "-y", "0", "-W", str(width), "-H", str(height)] if width else []
    stem = target.with_suffix("")
    command = ["pdftoppm", "-png", "-singlefile", "-r", str(dpi)]
    command += ["-f", str(page), "-l", str(page), *crop, str(pdf), str(stem)]
    subprocess.run(command, check=True)
    if not target.exists():
        shutil.move(str(stem) + ".png", target)


if __name__ == "__main__":
    main()
