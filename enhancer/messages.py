"""The sentences the command prints, in the user's language."""

from enhancer.anomalies import SHOWN_IN_OUTPUT


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
    for table in report.tables:
        lines.extend(table_lines(table, texts))
    if report.dropped:
        lines.append(messages["privacy"].format(columns=", ".join(report.dropped)))
    lines.extend(anomaly_lines(report, texts))
    lines.append(messages["written"].format(output=report.output))
    return lines


def table_lines(table, texts) -> list:
    messages = texts.MESSAGES
    lines = []
    if table.sheet is not None:
        lines.append(messages["sheet_used"].format(sheet=table.sheet))
    if table.other_sheets:
        others = ", ".join(
            texts.QUOTED.format(text=name) for name in table.other_sheets
        )
        lines.append(messages["other_sheets"].format(sheets=others))
    if table.layout.by_guide_letters:
        lines.append(messages["guide_letters"])
    return lines


def anomaly_lines(report, texts) -> list:
    messages = texts.MESSAGES
    lines = [
        messages["rows_read"].format(rows=report.candidates, source=_sources(report))
    ]
    if not report.anomalies:
        lines.append(messages["no_anomaly"])
        return lines
    lines.append(messages["anomalies"].format(count=report.anomalies))
    for anomaly in report.first_anomalies:
        problem = texts.ANOMALY_PROBLEMS[anomaly.problem].format(first=anomaly.first)
        lines.append(
            messages["anomaly_line"].format(
                row=anomaly.row,
                column=anomaly.column,
                value=anomaly.value,
                problem=problem.rstrip("."),
            )
        )
    if report.anomalies > SHOWN_IN_OUTPUT:
        more = report.anomalies - SHOWN_IN_OUTPUT
        lines.append(messages["anomalies_more"].format(count=more))
    return lines


def _sources(report) -> str:
    return ", ".join(table.label for table in report.tables)
