"""Enriching results files: read the tables, write the workbook, report."""

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from enhancer import errors, locales
from enhancer.anomalies import AnomalySheet
from enhancer.formats import add_formats
from enhancer.guide_sheets import write_competences, write_levels, write_statuses
from enhancer.output import atomic_output, check_output
from enhancer.plan import make_plan
from enhancer.results_sheet import ResultsSheet
from enhancer.rows import stream_rows
from enhancer.source import open_table
from enhancer.summary import Summary
from enhancer.summary_sheet import SummarySheet

# How many rows the column widths are measured on.
WIDTH_SAMPLE_ROWS = 30


@dataclass
class Options:
    """What the user asked for on the command line."""

    output: Path | None = None
    force: bool = False
    sheet: str | None = None
    lang: str = "fr"
    drop_personal: bool = False
    # Global level and description as live formulas (--formules).
    formulas: bool = False


@dataclass
class Report:
    """What happened, for the run's output."""

    output: Path
    tables: list
    candidates: int = 0
    anomalies: int = 0
    first_anomalies: list = field(default_factory=list)
    dropped: list = field(default_factory=list)


def default_output(first_input: Path, texts) -> Path:
    return first_input.with_name(first_input.stem + texts.OUTPUT_SUFFIX + ".xlsx")


def enrich(inputs: list, options: Options, progress=None) -> Report:
    """Write the enriched workbook for the given results files."""
    texts = locales.load(options.lang)
    if len(inputs) > 1 and options.output is None:
        raise errors.OutputRequired()
    output = options.output or default_output(inputs[0], texts)
    check_output(output, inputs, options.force)

    # Each file's header first, so a bad file is refused before any writing.
    tables = [open_table(path, options.sheet) for path in inputs]
    plan = make_plan(tables, options.drop_personal, texts)
    report = Report(output=output, tables=tables, dropped=plan.dropped)

    with atomic_output(output) as temporary, tempfile.TemporaryDirectory() as scratch:
        _write_workbook(
            temporary, scratch, tables, plan, texts, report, progress, options.formulas
        )
    return report


def _write_workbook(
    path, scratch, tables, plan, texts, report, progress, formulas=False
) -> None:
    import xlsxwriter

    workbook = xlsxwriter.Workbook(
        str(path),
        {
            "constant_memory": True,
            "tmpdir": scratch,
            # Text from the input stays text: never a formula, link or number.
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
        },
    )
    formats = add_formats(workbook)
    results = ResultsSheet(workbook, formats, texts, plan, formulas)
    # Second tab, filled at the end: each sheet streams to its own file.
    synthesis = SummarySheet(workbook, formats, texts, plan.with_file_column)
    write_levels(workbook, formats, texts)
    write_competences(workbook, formats, texts)
    write_statuses(workbook, formats, texts, plan.dropped)
    anomalies = AnomalySheet(workbook, formats, texts, texts.SHEETS["results"])

    first = tables[0]
    summary = Summary()
    try:
        # A title line too long for Excel is refused here: inside the try.
        if len(tables) == 1 and first.layout.header_row:
            top = first.top_rows[: first.layout.header_row]
            results.write_top_rows(top, first.label)
        results.write_header(first.preview[:WIDTH_SAMPLE_ROWS])
        report.candidates = stream_rows(
            tables, plan, results, anomalies, summary, progress
        )
        results.finish()
        synthesis.write(summary, [table.label for table in tables])
    except BaseException:
        _discard(workbook)
        raise
    finally:
        summary.close()
    anomalies.finish()
    report.anomalies = anomalies.count
    report.first_anomalies = anomalies.first
    _close(workbook, path)


def _close(workbook, path: Path) -> None:
    from xlsxwriter.exceptions import FileCreateError

    try:
        workbook.close()
    except FileCreateError as error:
        _discard(workbook)
        raise errors.OutputNotWritable(
            path=str(path.parent), reason=str(error)
        ) from None


def _discard(workbook) -> None:
    """Close the row files of a workbook that will not be written.

    constant_memory mode keeps one open per sheet until close(); left open,
    they leak, and Windows refuses to remove the scratch folder holding them.
    """
    for sheet in workbook.worksheets():
        sheet._opt_close()
