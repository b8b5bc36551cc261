"""Checking results files without writing anything: what enrich would find.

The files go through the same reading, merging and row loop as enrich
(source, plan, rows.stream_rows); only the writer differs, a counter that
applies the limits the Résultats sheet would, so that a file check calls
usable is a file enrich writes.
"""

from collections import Counter
from dataclasses import dataclass, field

from enhancer import errors, locales
from enhancer.anomalies import SHOWN_IN_OUTPUT
from enhancer.limits import check_length, check_room
from enhancer.messages import anomaly_list, table_lines
from enhancer.plan import make_plan
from enhancer.reference import COMPETENCES, STATUSES
from enhancer.rows import stream_rows
from enhancer.source import open_table
from enhancer.summary import Summary


@dataclass
class AnomalyTally:
    """The anomalies found: how many, of which kind, and the first few."""

    count: int = 0
    problems: Counter = field(default_factory=Counter)
    first: list = field(default_factory=list)

    def add(self, anomaly) -> None:
        self.count += 1
        self.problems[anomaly.problem] += 1
        if len(self.first) < SHOWN_IN_OUTPUT:
            self.first.append(anomaly)


class RowCounter:
    """Stands where the Résultats sheet would: numbers the rows as it would
    and refuses what it would refuse, writing nothing."""

    def __init__(self, first_row: int):
        self.row = first_row

    def write_blank(self) -> None:
        self.row += 1

    def write_candidate(self, row, table, mapping, assessment, file_label=None):
        check_room(self.row, table.label)
        for column, value in enumerate(row):
            if value is None:
                continue
            if column >= len(mapping):
                raise errors.RowTooWide(path=table.label, row=self.row + 1)
            check_length(value, self.row, table.label)
        self.row += 1


@dataclass
class CheckResult:
    """What check found, in the shape the run's output lines expect."""

    tables: list
    candidates: int
    summary: Summary
    tally: AnomalyTally

    @property
    def anomalies(self) -> int:
        return self.tally.count

    @property
    def first_anomalies(self) -> list:
        return self.tally.first


def check(inputs: list, sheet: str | None = None, lang: str = "fr") -> CheckResult:
    """Read and assess the files as enrich would; raise a PixError if it
    would refuse them."""
    texts = locales.load(lang)
    tables = [open_table(path, sheet) for path in inputs]
    plan = make_plan(tables, False, texts)
    counter = RowCounter(_first_data_row(tables))
    tally = AnomalyTally()
    summary = Summary(keep_follow_up=False)
    candidates = stream_rows(tables, plan, counter, tally, summary)
    return CheckResult(tables, candidates, summary, tally)


def _first_data_row(tables: list) -> int:
    """Where the first candidate lands in Résultats: below the title lines
    of a single file, and below the header."""
    layout = tables[0].layout
    title_lines = (layout.header_row or 0) if len(tables) == 1 else 0
    return title_lines + 1


def as_json(result: CheckResult) -> dict:
    """The summary as plain data, with stable English keys for scripts."""
    summary = result.summary
    figures = summary.score_figures()
    statuses = {key: summary.statuses[key] for key in STATUSES}
    statuses["unknown"] = summary.statuses[None]
    return {
        "usable": True,
        "files": [_file_json(table) for table in result.tables],
        "candidates": result.candidates,
        "statuses": statuses,
        "levels": dict(summary.level_counts()),
        "validated_without_score": summary.validated_without_score,
        "scores": None
        if figures is None
        else {
            "lowest": figures.lowest,
            "median": figures.median,
            "mean": round(figures.mean, 2),
            "highest": figures.highest,
        },
        "competences": {
            code: _competence_json(summary.competence_figures(code))
            for code in COMPETENCES
        },
        "follow_up": summary.follow_up_count,
        "anomalies": {
            "count": result.tally.count,
            "problems": dict(result.tally.problems),
            "first": [_anomaly_json(anomaly) for anomaly in result.tally.first],
        },
    }


def _file_json(table) -> dict:
    return {
        "name": table.label,
        "sheet": table.sheet,
        "by_guide_letters": table.layout.by_guide_letters,
    }


def _competence_json(figures) -> dict:
    mean = None if figures.mean is None else round(figures.mean, 2)
    return {"assessed": figures.assessed, "mean": mean, "groups": figures.groups}


def _anomaly_json(anomaly) -> dict:
    value = anomaly.value
    if value is not None and not isinstance(value, (int, float, str)):
        value = str(value)
    return {
        "row": anomaly.row,
        "column": anomaly.column,
        "value": value,
        "problem": anomaly.problem,
        "file": anomaly.file,
        "first": anomaly.first,
    }


def text_lines(result: CheckResult, texts) -> list:
    """The summary as a few readable tables for the terminal."""
    check_words = texts.CHECK
    summary = result.summary
    files = ", ".join(table.label for table in result.tables)
    lines = [check_words["title"].format(files=files)]
    merged = len(result.tables) > 1
    for table in result.tables:
        lines.extend(table_lines(table, texts, merged))
    lines.append(
        texts.MESSAGES["rows_read"].format(rows=result.candidates, source=files)
    )

    lines.append("")
    lines.extend(_status_table(summary, texts))
    if summary.validated:
        lines.append("")
        lines.extend(_level_table(summary, texts))
        lines.append("")
        lines.append(_score_line(summary, texts))
    lines.append("")
    lines.extend(anomaly_list(result, texts, texts.CHECK["anomalies"]))
    lines.append(check_words["usable"])
    return lines


def _status_table(summary, texts) -> list:
    words, total = texts.SUMMARY, summary.candidates
    rows = [(words["status"], words["candidates"], words["share"])]
    keys = list(STATUSES) + ([None] if summary.statuses[None] else [])
    for key in keys:
        name = texts.STATUS_NAMES[key] if key else words["unknown_status"]
        count = summary.statuses[key]
        rows.append((name, str(count), _percent(count, total, texts)))
    rows.append((words["total"], str(total), _percent(total, total, texts)))
    return _table(rows)


def _level_table(summary, texts) -> list:
    words = texts.SUMMARY
    rows = [(words["level"], words["candidates"])]
    for key, count in summary.level_counts():
        rows.append((texts.LEVEL_NAMES[key], str(count)))
    if summary.validated_without_score:
        rows.append((words["without_score"], str(summary.validated_without_score)))
    rows.append((words["total_validated"], str(summary.validated)))
    return _table(rows)


def _score_line(summary, texts) -> str:
    figures = summary.score_figures()
    if figures is None:
        return texts.CHECK["no_scores"]
    return texts.CHECK["scores"].format(
        lowest=figures.lowest,
        median=_decimal(figures.median, texts),
        mean=_decimal(figures.mean, texts),
        highest=figures.highest,
    )


def _table(rows: list) -> list:
    """Rows of cells as aligned lines: labels on the left, figures right."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for row in rows:
        cells = [row[0].ljust(widths[0])]
        cells += [cell.rjust(width) for cell, width in zip(row[1:], widths[1:])]
        lines.append("  ".join(cells).rstrip())
    return lines


def _percent(count: int, total: int, texts) -> str:
    share = 100 * count / total if total else 0
    value = f"{share:.1f}".replace(".", texts.CHECK["decimal_point"])
    return texts.CHECK["percent"].format(value=value)


def _decimal(value: float, texts) -> str:
    text = f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"
    return text.replace(".", texts.CHECK["decimal_point"])
