"""LibreOffice, run headless, as the real client the tests open workbooks in.

Each call starts its own soffice with a private, temporary profile, so runs in
parallel never share (or lock) a profile, and converts a batch of files in one
launch, since a launch costs a second or more.
"""

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

# Where soffice lives when it is not on the PATH.
_KNOWN_PLACES = (
    "/usr/bin/soffice",
    "/usr/lib/libreoffice/program/soffice",
    "/opt/libreoffice/program/soffice",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
)
TIMEOUT = 180

# The Calc CSV filter's options, by position (LibreOffice 7.2 and later):
# separator ",", text delimiter '"', UTF-8 (76), from line 1, no column
# formats, default language, quote only where needed, no special numbers,
# cells as shown (so the CSV holds what the sheet displays), values rather
# than formulas, no space trimming, and finally the sheet: N for the Nth
# (1-based, the file is then named <stem>-<sheet name>.csv), -1 for each
# sheet to its own file.
_CSV_OPTIONS = "44,34,76,1,,0,false,false,true,false,false,{sheet}"
CSV_FILTER = "csv:Text - txt - csv (StarCalc):" + _CSV_OPTIONS
XLSX_FILTER = "xlsx:Calc MS Excel 2007 XML"

# The private profile's settings: a fixed locale, so numbers show the same
# whatever the machine's, and whether formulas in .xlsx files are
# recalculated on loading (0: always, 1: never, which is LibreOffice's
# default: it shows the values cached in the file).
_PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale"
 oor:op="fuse"><value>en-US</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop
 oor:name="OOXMLRecalcMode" oor:op="fuse"><value>{recalc}</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop
 oor:name="ODFRecalcMode" oor:op="fuse"><value>{recalc}</value></prop></item>
</oor:items>
"""


class ConversionError(Exception):
    """soffice failed, timed out, or wrote no file for an input."""


def find_soffice() -> str | None:
    """The soffice program, or None if LibreOffice is not installed."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return next((place for place in _KNOWN_PLACES if os.access(place, os.X_OK)), None)


SOFFICE = find_soffice()
MISSING = (
    "LibreOffice (soffice) is not installed: the real-client tests need it "
    "(Debian: apt-get install libreoffice-calc-nogui poppler-utils)"
)


def convert(
    files: list,
    target: str,
    outdir: Path,
    recalculate: bool = False,
    timeout: float = TIMEOUT,
    infilter: str | None = None,
) -> list:
    """Convert files with one soffice launch; the output file of each input.

    ``target`` is what --convert-to takes: an extension, or an extension and
    a filter ("pdf", "ods", XLSX_FILTER, csv_filter(1)). ``recalculate``
    makes LibreOffice recalculate every formula on loading instead of
    showing the cached values. ``infilter`` is what --infilter takes: how
    to read the inputs (a CSV import's options). Inputs must have distinct
    names: each output is found by its input's stem.
    """
    files = [Path(path) for path in files]
    stems = [path.stem for path in files]
    if len(set(stems)) != len(stems):
        raise ValueError(f"inputs with the same name: {stems}")
    if SOFFICE is None:
        raise ConversionError(MISSING)
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    extension = target.split(":")[0]
    for path in files:
        if path.suffix == "." + extension and path.parent.resolve() == outdir.resolve():
            raise ValueError(f"{path.name} would be converted onto itself")
    before = set(outdir.iterdir())

    with tempfile.TemporaryDirectory(prefix="pix-lo-profile-") as profile:
        _write_profile(Path(profile), recalculate)
        command = [
            SOFFICE,
            "--headless",
            "--norestore",
            "--nologo",
            "--nodefault",
            "--nolockcheck",
            f"-env:UserInstallation={Path(profile).as_uri()}",
            *([f"--infilter={infilter}"] if infilter else []),
            "--convert-to",
            target,
            "--outdir",
            str(outdir),
            *map(str, files),
        ]
        code, output = run_soffice(command, timeout)

    made = _outputs_by_stem(outdir, before, extension, stems)
    results = []
    for path, stem in zip(files, stems):
        found = made.get(stem, [])
        if len(found) != 1 or found[0].stat().st_size == 0:
            raise ConversionError(
                f"soffice wrote {found or 'nothing'} for {path.name} "
                f"(exit code {code}).\n$ {' '.join(command)}\n{output}"
            )
        results.append(found[0])
    return results


def _outputs_by_stem(outdir: Path, before: set, extension: str, stems: list):
    """New files of the outdir by input stem: <stem>.<ext>, or
    <stem>-<sheet>.<ext> for one sheet's CSV, given to the longest stem."""
    made = {}
    for path in sorted(set(outdir.iterdir()) - before):
        if path.suffix != "." + extension:
            continue
        owners = [
            stem
            for stem in stems
            if path.stem == stem or path.stem.startswith(stem + "-")
        ]
        if owners:
            made.setdefault(max(owners, key=len), []).append(path)
    return made


def csv_filter(sheet: int) -> str:
    """The CSV target for the ``sheet``-th sheet (1-based), as displayed."""
    return CSV_FILTER.format(sheet=sheet)


def pdf_pages(path: Path) -> int | None:
    """A PDF's page count by pdfinfo, or None if poppler-utils is missing."""
    pdfinfo = shutil.which("pdfinfo")
    if pdfinfo is None:
        return None
    info = subprocess.run(
        [pdfinfo, str(path)], capture_output=True, text=True, timeout=60, check=True
    ).stdout
    for line in info.splitlines():
        if line.startswith("Pages:"):
            return int(line.split(":")[1])
    raise ConversionError(f"pdfinfo gave no page count for {path}:\n{info}")


def pdf_text(path: Path) -> str | None:
    """A PDF's text by pdftotext, or None if poppler-utils is missing."""
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        return None
    return subprocess.run(
        [pdftotext, "-enc", "UTF-8", str(path), "-"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout


def _write_profile(profile: Path, recalculate: bool) -> None:
    user = profile / "user"
    user.mkdir()
    settings = _PROFILE.format(recalc=0 if recalculate else 1)
    (user / "registrymodifications.xcu").write_text(settings, encoding="utf-8")


def run_soffice(command: list, timeout: float = TIMEOUT, env=None) -> tuple:
    """Run a command that starts soffice in its own process group, killed
    whole on a timeout; its exit code and output (stdout and stderr)."""
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
        env=env,
    )
    try:
        output, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        output, _ = process.communicate()
        raise ConversionError(
            f"soffice did not finish within {timeout} s.\n"
            f"$ {' '.join(command)}\n{output}"
        ) from None
    return process.returncode, output
