"""The sentences the command prints, in the user's language."""

import unicodedata

from enhancer.anomalies import SHOWN_IN_OUTPUT

# How much of a value a line of the run's output shows.
_SHOWN_LENGTH = 60


def error_message(error, texts) -> str:
    """One sentence for a refused input or output."""
    params = {name: _named(value, texts) for name, value in error.params.items()}
    return texts.ERRORS[error.key].format(**params)


def _named(value, texts):
    # A tuple lists the columns the tool looks for, by role ("status") or
    # competence code: named here, in the user's language.
    if isinstance(value, tuple):
        return ", ".join(texts.COLUMN_NAMES.get(item, item) for item in value)
    return value


def report_lines(report, texts) -> list:
    """One short line per fact worth knowing about an enrichment."""
    messages = texts.MESSAGES
    lines = []
    merged = len(report.tables) > 1
    for table in report.tables:
        lines.extend(table_lines(table, texts, merged))
    if report.dropped:
        lines.append(messages["privacy"].format(columns=", ".join(report.dropped)))
    lines.extend(anomaly_lines(report, texts))
    lines.append(messages["written"].format(output=report.output))
    return lines


def table_lines(table, texts, merged: bool = False) -> list:
    messages = texts.MESSAGES
    lines = []
    if table.sheet is not None and merged:
        line = messages["sheet_used_in"].format(sheet=table.sheet, file=table.label)
        lines.append(line)
    elif table.sheet is not None:
        lines.append(messages["sheet_used"].format(sheet=table.sheet))
    if table.other_sheets:
        others = ", ".join(
            texts.QUOTED.format(text=name) for name in table.other_sheets
        )
        lines.append(messages["other_sheets"].format(sheets=others))
    if table.sheet_ignored:
        lines.append(messages["sheet_ignored"].format(file=table.label))
    if table.layout.by_guide_letters:
        lines.append(messages["guide_letters"])
    return lines


def anomaly_lines(report, texts) -> list:
    messages = texts.MESSAGES
    read = messages["rows_read"].format(rows=report.candidates, source=_sources(report))
    return [read, *anomaly_list(report, texts, messages["anomalies"])]


def anomaly_list(found, texts, heading: str) -> list:
    """The anomalies of a run (``anomalies`` counted, ``first_anomalies``
    kept), under a heading that says where they are listed."""
    messages = texts.MESSAGES
    if not found.anomalies:
        return [messages["no_anomaly"]]
    lines = [heading.format(count=found.anomalies)]
    lines.extend(anomaly_line(anomaly, texts) for anomaly in found.first_anomalies)
    if found.anomalies > SHOWN_IN_OUTPUT:
        more = found.anomalies - SHOWN_IN_OUTPUT
        lines.append(messages["anomalies_more"].format(count=more))
    return lines


def anomaly_line(anomaly, texts) -> str:
    """One anomaly on one line: where it is, its value, what is wrong."""
    problem = texts.ANOMALY_PROBLEMS[anomaly.problem].format(first=anomaly.first)
    return texts.MESSAGES["anomaly_line"].format(
        row=anomaly.row,
        column=anomaly.column,
        value=_shown(anomaly.value, texts),
        problem=problem.rstrip("."),
    )


def _shown(value, texts) -> str:
    """A cell's value on one line of the run's output: an empty cell named,
    control characters (a line break, a terminal escape) shown as spaces, a
    long text cut. The Anomalies sheet holds the value as it is."""
    if value is None:
        return texts.MESSAGES["empty_value"]
    text = "".join(
        " " if unicodedata.category(c) in ("Cc", "Zl", "Zp") else c for c in str(value)
    )
    return text if len(text) <= _SHOWN_LENGTH else text[: _SHOWN_LENGTH - 1] + "…"


def _sources(report) -> str:
    return ", ".join(table.label for table in report.tables)
