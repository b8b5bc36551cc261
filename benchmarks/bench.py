"""How fast pix-enhancer is, against the least a writer can do and pandas.

Generates a Pix export of N synthetic candidates, then times, alternating
and several rounds each, every approach as its own process:

  (a) ``pix-enhancer enrich`` end to end;
  (b) the floor: the csv module and xlsxwriter's ``write_row`` in
      constant_memory mode, every cell copied unchanged (floor.py);
  (c) pandas: read_csv, a level column, to_excel with xlsxwriter
      (pandas_way.py), skipped when pandas is not installed.

It prints the medians, the ratios a/b and a/c, and each process's peak
memory (from the rusage os.wait4 returns for the child, see measure.py);
the same for a 50-row file; and, for spreadsheet input, the tool enriching
the same rows from an .xlsx against the CSV, and python-calamine's reading
alone.

    python benchmarks/bench.py [--rows N] [--rounds K] [--growth]
"""

import argparse
import importlib.util
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from tests import pixfiles

# The targets, checked at the end of the run.
MAX_RATIO_TO_FLOOR = 1.05
MAX_PEAK_MB = 80
MAX_SMALL_RATIO_TO_FLOOR = 2.0
MAX_GROWTH = 0.10
SMALL_ROWS = 50
GROWTH_ROWS = (20_000, 200_000)


@dataclass
class Run:
    """One process: wall time, CPU time (user + system), peak memory."""

    seconds: float
    cpu: float
    peak_mb: float


@dataclass
class Result:
    """The runs of one approach, summed up by their medians."""

    name: str
    runs: list

    @property
    def seconds(self) -> float:
        return statistics.median(run.seconds for run in self.runs)

    @property
    def cpu(self) -> float:
        return statistics.median(run.cpu for run in self.runs)

    @property
    def peak_mb(self) -> float:
        return max(run.peak_mb for run in self.runs)


def main() -> None:
    options = _arguments()
    print(_machine())
    _compile_package()
    with tempfile.TemporaryDirectory(prefix="pix-bench-") as folder:
        folder = Path(folder)
        big = _export(folder / "resultats.csv", options.rows)
        small = _export(folder / "session.csv", SMALL_ROWS)
        large = _compare(big, options.rows, options.rounds, folder)
        little = _compare(small, SMALL_ROWS, options.rounds * 5, folder)
        if options.xlsx:
            _spreadsheet_input(big, options.rows, options.rounds, folder)
        growth = _growth(folder) if options.growth else None
    _verdict(large, little, growth)


def _arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000, help="rows to write")
    parser.add_argument("--rounds", type=int, default=3, help="runs of each")
    parser.add_argument(
        "--growth",
        action="store_true",
        help=f"also compare peak memory at {GROWTH_ROWS[0]:,} and "
        f"{GROWTH_ROWS[1]:,} rows",
    )
    parser.add_argument(
        "--no-xlsx", dest="xlsx", action="store_false", help="skip .xlsx input"
    )
    return parser.parse_args()


def _machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor() or cpu
    return (
        f"Machine: {os.cpu_count()} cores, {cpu}, "
        f"Python {platform.python_version()} ({platform.system()})"
    )


def _compile_package() -> None:
    """The package's bytecode, as an installed package has it: with
    PYTHONDONTWRITEBYTECODE set, an editable install would compile its
    sources again on every run (some 15 ms, a tenth of a 50-row run)."""
    import compileall

    compileall.compile_dir(HERE.parent / "enhancer", quiet=1)


def _export(path: Path, rows: int) -> Path:
    """A Pix export of synthetic candidates, statuses mixed as in real ones."""
    rng = random.Random(rows)
    statuses = list(pixfiles.STATUS_WEIGHTS)
    weights = list(pixfiles.STATUS_WEIGHTS.values())
    candidates = (
        pixfiles.candidate(number, rng.choices(statuses, weights)[0], rng=rng)
        for number in range(rows)
    )
    return pixfiles.write_pix_csv(path, candidates)


# Each approach as a command, given the input and the output to write.
def _tool(source: Path, target: Path) -> list:
    script = Path(sys.executable).with_name("pix-enhancer")
    program = [str(script)] if script.exists() else [sys.executable, "-m", "enhancer"]
    return [*program, "enrich", str(source), "-o", str(target), "--force"]


def _floor(source: Path, target: Path) -> list:
    return [sys.executable, str(HERE / "floor.py"), str(source), str(target)]


def _pandas(source: Path, target: Path) -> list:
    return [sys.executable, str(HERE / "pandas_way.py"), str(source), str(target)]


def _compare(source: Path, rows: int, rounds: int, folder: Path) -> dict:
    """Time the three approaches on one file, alternating, and print them."""
    approaches = {"a": _tool, "b": _floor}
    if importlib.util.find_spec("pandas") is not None:
        approaches["c"] = _pandas
    names = {
        "a": "(a) pix-enhancer enrich",
        "b": "(b) floor: csv + write_row",
        "c": "(c) pandas + to_excel",
    }
    results = {key: Result(names[key], []) for key in approaches}
    for _ in range(rounds):
        for key, command in approaches.items():
            target = folder / f"out-{key}.xlsx"
            results[key].runs.append(_measure(command(source, target)))

    print(f"\n{rows:,} rows, {rounds} rounds, medians:")
    _table(results.values())
    _ratio("a/b", results["a"], results["b"])
    if "c" in results:
        _ratio("a/c", results["a"], results["c"])
    else:
        print("(c) skipped: pandas is not installed (pip install pandas to compare)")
    return results


def _spreadsheet_input(source: Path, rows: int, rounds: int, folder: Path) -> None:
    """Reading a large .xlsx against writing one."""
    workbook = _xlsx_copy(source, folder / "resultats.xlsx")
    reader = [sys.executable, str(HERE / "read_xlsx.py"), str(workbook)]
    results = {
        "csv": Result("pix-enhancer, .csv input", []),
        "xlsx": Result("pix-enhancer, .xlsx input", []),
        "read": Result("calamine reading alone", []),
    }
    for _ in range(rounds):
        results["csv"].runs.append(_measure(_tool(source, folder / "out-csv.xlsx")))
        results["xlsx"].runs.append(_measure(_tool(workbook, folder / "out-x.xlsx")))
        results["read"].runs.append(_measure(reader))

    print(f"\nSpreadsheet input, {rows:,} rows, {rounds} rounds, medians:")
    _table(results.values())
    _ratio("reading / whole CSV run", results["read"], results["csv"])
    _ratio(".xlsx run / .csv run", results["xlsx"], results["csv"])


def _xlsx_copy(source: Path, target: Path) -> Path:
    """The export as Excel keeps it (numbers as numbers), written as a stream."""
    import xlsxwriter

    from enhancer.csv_input import read_rows

    workbook = xlsxwriter.Workbook(str(target), {"constant_memory": True})
    sheet = workbook.add_worksheet("Feuille1")
    for row, cells in enumerate(read_rows(source)):
        for column, value in enumerate(cells):
            if isinstance(value, int):
                sheet.write_number(row, column, value)
            elif value is not None:
                sheet.write_string(row, column, value)
    workbook.close()
    return target


def _growth(folder: Path) -> list:
    """Peak memory of the tool on a small and a ten times larger export."""
    peaks = []
    print()
    for rows in GROWTH_ROWS:
        source = _export(folder / f"croissance-{rows}.csv", rows)
        run = _measure(_tool(source, folder / "out-growth.xlsx"))
        source.unlink()
        peaks.append(run.peak_mb)
        print(f"Peak memory at {rows:>9,} rows: {run.peak_mb:6.1f} MB")
    print(f"Growth: {_percent(peaks[1] / peaks[0] - 1)}")
    return peaks


def _measure(command: list) -> Run:
    """Run a command through measure.py: its wall time, and its CPU time and
    peak memory as the kernel accounted them for that child alone."""
    result = subprocess.run(
        [sys.executable, str(HERE / "measure.py"), *command],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stderr}")
    return Run(**json.loads(result.stdout))


def _table(results) -> None:
    print(f"  {'':32} {'time (s)':>9} {'CPU (s)':>9} {'peak memory':>12}")
    for result in results:
        print(
            f"  {result.name:32} {result.seconds:9.3f} {result.cpu:9.3f} "
            f"{result.peak_mb:9.1f} MB"
        )


def _ratio(label: str, first: Result, second: Result) -> None:
    print(
        f"  {label}: {first.seconds / second.seconds:.2f} "
        f"(CPU time: {first.cpu / second.cpu:.2f})"
    )


def _percent(value: float) -> str:
    return f"{value * 100:+.1f} %"


def _verdict(large: dict, little: dict, growth: list | None) -> None:
    """The issue's targets, met or not."""
    ratio = large["a"].seconds / large["b"].seconds
    small_ratio = little["a"].seconds / little["b"].seconds
    peak = large["a"].peak_mb
    checks = {
        f"end to end at most {MAX_RATIO_TO_FLOOR}x the floor": (
            ratio <= MAX_RATIO_TO_FLOOR
        ),
        f"peak memory under {MAX_PEAK_MB} MB": peak < MAX_PEAK_MB,
        f"{SMALL_ROWS} rows: under {MAX_SMALL_RATIO_TO_FLOOR}x the floor": (
            small_ratio < MAX_SMALL_RATIO_TO_FLOOR
        ),
    }
    if growth is not None:
        low, high = GROWTH_ROWS
        label = f"memory flat: within {MAX_GROWTH:.0%} from {low:,} to {high:,} rows"
        checks[label] = growth[1] <= growth[0] * (1 + MAX_GROWTH)
    print("\nTargets:")
    for label, met in checks.items():
        print(f"  [{'met' if met else 'MISSED'}] {label}")


if __name__ == "__main__":
    main()
