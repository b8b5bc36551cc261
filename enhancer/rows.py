"""The candidates' rows of one or several tables, assessed once, in order.

enrich and check both read through here, so that check says exactly what
enrich would make of the same files: the same rows, the same anomalies, the
same figures. Where the rows go is the writer's business: the Résultats
sheet for enrich, a mere row counter for check.
"""

from enhancer.anomalies import Anomaly, column_label
from enhancer.assess import assess
from enhancer.values import is_blank_row

# How often, in candidates, the progress callback hears from the loop.
PROGRESS_EVERY = 1000


def stream_rows(tables, plan, writer, anomalies, summary, progress=None) -> int:
    """Assess every row, report its anomalies, count it and hand it to the
    writer; returns how many candidates were read.

    The writer has a ``row`` (0-based, the next row it writes),
    ``write_blank()`` and ``write_candidate(row, table, mapping, assessment,
    file_label)``; anomalies has ``add(anomaly)``; summary is a Summary.
    """
    merged = plan.with_file_column
    header = [None] * plan.offset + plan.header
    # Only a merge can repeat a certification number by accident; one file
    # is checked by Pix, and a set of its numbers would grow with the file.
    seen = {} if merged else None
    count = 0
    for table, mapping in zip(tables, plan.mappings):
        label = table.label if merged else None
        layout = table.layout
        for row in table.rows:
            if is_blank_row(row):
                writer.write_blank()
                continue
            assessment = assess(row, layout)
            excel_row = writer.row + 1
            found = [
                Anomaly(
                    excel_row,
                    column_label(mapping[column], header),
                    _cell(row, column),
                    problem,
                    label,
                )
                for column, problem in assessment.problems
            ]
            if seen is not None:
                found.extend(
                    _duplicate(row, layout, mapping, header, seen, excel_row, label)
                )
            for anomaly in found:
                anomalies.add(anomaly)
            if summary.add(assessment, found):
                who = identity(row, layout)
                summary.record_follow_up(assessment, found, who, excel_row, label)
            writer.write_candidate(row, table, mapping, assessment, label)

            count += 1
            if progress is not None and count % PROGRESS_EVERY == 0:
                progress(count)
    return count


def identity(row: list, layout) -> tuple:
    """(certification number, last name, first name) as the row holds them."""
    return tuple(
        _cell(row, column)
        for column in (layout.certification, layout.last_name, layout.first_name)
    )


def _duplicate(row, layout, mapping, header, seen, excel_row, label) -> list:
    number = _cell(row, layout.certification)
    if number is None:
        return []
    key = str(number).strip()
    if not key:
        return []
    if key not in seen:
        seen[key] = excel_row
        return []
    where = column_label(mapping[layout.certification], header)
    return [Anomaly(excel_row, where, number, "duplicate", label, first=seen[key])]


def _cell(row: list, column):
    # A short row (a CSV line with fewer fields) lacks its last cells.
    if column is None or column >= len(row):
        return None
    return row[column]
