"""The Synthèse sheet: the group at a glance, written once the rows are read.

The sheet is created right after Résultats, so it is the second tab, and
filled at the very end: in constant_memory mode each sheet streams to its
own file, so nothing has to be written before the last candidate is known.
Tables read as a person expects (a label on the left, its figures to the
right); native Excel charts stand to the right of their tables; the
candidates to follow up come last, each with a link to their row.
"""

from enhancer.anomalies import MAX_LINKS
from enhancer.reference import (
    COMPETENCE_GROUPS,
    COMPETENCES,
    EXCEL_MAX_ROWS,
    GROUP_COLOURS,
    LEVEL_GROUP,
    NO_VALUE,
    STATUSES,
)
from enhancer.worksheet import add_fast_sheet, set_printing

# Columns: label (A, merged with B where a table has a single label), then
# the figures. The competence table uses A for the domain and B for the name.
LABEL, FIGURES = 0, 2
WIDTHS = ((0, 0, 30), (1, 1, 52), (2, 8, 14))

# Default Excel rows are 20 pixels high; a chart fills the rows its section
# reserves, so charts never overlap each other or the follow-up list.
ROW_PIXELS = 20
HEADER_HEIGHT = 30
CHART_ROWS = {"statuses": 15, "levels": 16, "competences": 24}
CHART_COLUMN = {"statuses": 5, "levels": 5, "competences": 10}
CHART_WIDTH = {"statuses": 480, "levels": 620, "competences": 760}

# Chart colours: the statuses as their meaning suggests, the domains apart.
STATUS_COLOURS = {
    "validated": "#6AA84F",
    "rejected": "#CC0000",
    "cancelled": "#E69138",
    "error": "#999999",
    "started": "#3D85C6",
    None: "#D9D9D9",
}
DOMAIN_COLOURS = {
    "1": "#3D85C6",
    "2": "#6AA84F",
    "3": "#E69138",
    "4": "#CC4125",
    "5": "#8E7CC3",
}
BAR_BORDER = "#7F7F7F"

_EXTRA_FORMATS = {
    "total": {"bold": True, "top": 1},
    "total_percent": {"bold": True, "top": 1, "num_format": "0.0%"},
    "wrap_header": {
        "bold": True,
        "bg_color": "#D9E1F2",
        "border": 1,
        "valign": "top",
        "text_wrap": True,
    },
}


class SummarySheet:
    """The Synthèse sheet; ``write`` fills it from a finished Summary."""

    def __init__(self, workbook, formats: dict, texts, merged: bool):
        self.workbook = workbook
        self.sheet = add_fast_sheet(workbook, texts.SHEETS["summary"], formats)
        self.formats = dict(formats)
        for name, props in _EXTRA_FORMATS.items():
            self.formats[name] = workbook.add_format(props)
        for group, colour in GROUP_COLOURS.items():
            props = {**_EXTRA_FORMATS["wrap_header"], "bg_color": colour}
            self.formats[group + "_header"] = workbook.add_format(props)
        self.texts = texts
        self.words = texts.SUMMARY
        self.merged = merged
        self.name = texts.SHEETS["summary"]
        self.results = texts.SHEETS["results"]

    def write(self, summary, files: list) -> None:
        """Every table, chart and the follow-up list, top to bottom."""
        words, sheet = self.words, self.sheet
        sheet.write_string(0, 0, words["title"], self.formats["title"])
        overview = words["overview"].format(
            candidates=summary.candidates, files=", ".join(files)
        )
        sheet.write_string(1, 0, overview)
        charts = summary.candidates > 1
        note = _note(summary)
        if note:
            sheet.write_string(2, 0, words[note], self.formats["note"])

        row = self._statuses(4, summary, charts)
        if summary.validated:
            row = self._levels(row, summary, charts and summary.scored > 0)
            assessed = any(
                summary.competence_figures(code).assessed for code in COMPETENCES
            )
            row = self._competences(row, summary, charts and assessed)
        self._follow_up(row, summary)

        for first, last, width in WIDTHS:
            sheet.set_column(first, last, width)
        set_printing(sheet)

    # Statuses.

    def _statuses(self, row: int, summary, chart: bool) -> int:
        words, total = self.words, summary.candidates
        start = row
        self._subtitle(row, words["statuses_title"])
        self._header(row + 1, words["status"], (words["candidates"], words["share"]))
        keys = list(STATUSES) + ([None] if summary.statuses[None] else [])
        first = row + 2
        for offset, key in enumerate(keys):
            count = summary.statuses[key]
            self._label(first + offset, self._status_label(key))
            self._count_and_share(first + offset, count, total)
        last = first + len(keys) - 1
        self._total(last + 1, words["total"], total, 1.0)

        if chart:
            counts = [summary.statuses[key] for key in keys]
            pie = self._status_chart(first, last, keys, counts)
            self._insert("statuses", start, pie)
        return self._next_section(start, last + 1, chart, "statuses")

    def _status_chart(self, first: int, last: int, keys: list, counts: list):
        chart = self.workbook.add_chart({"type": "pie"})
        # A zero share would print "0 %" over its neighbours' labels.
        labels = [{"delete": True} if not count else None for count in counts]
        chart.add_series(
            {
                "name": self.words["chart_statuses"],
                "categories": [self.name, first, LABEL, last, LABEL],
                "values": [self.name, first, FIGURES, last, FIGURES],
                "categories_data": [self._status_label(key) for key in keys],
                "values_data": counts,
                "points": [{"fill": {"color": STATUS_COLOURS[key]}} for key in keys],
                "data_labels": {"percentage": True, "custom": labels},
            }
        )
        chart.set_title({"name": self.words["chart_statuses"]})
        chart.set_legend({"position": "right"})
        return chart

    def _status_label(self, key) -> str:
        if key is None:
            return self.words["unknown_status"]
        return self.texts.STATUS_NAMES[key]

    # Global levels and scores.

    def _levels(self, row: int, summary, chart: bool) -> int:
        words, validated = self.words, summary.validated
        start = row
        self._subtitle(row, words["levels_title"])
        self._header(row + 1, words["level"], (words["candidates"], words["share"]))
        levels = summary.level_counts()
        first = row + 2
        for offset, (key, count) in enumerate(levels):
            name = self.texts.LEVEL_NAMES[key]
            self._label(first + offset, name, self.formats[LEVEL_GROUP[key] + "_cell"])
            self._count_and_share(first + offset, count, validated)
        last = first + len(levels) - 1
        row = last + 1
        if summary.validated_without_score:
            self._label(row, words["without_score"])
            self._count_and_share(row, summary.validated_without_score, validated)
            row += 1
        self._total(row, words["total_validated"], validated, 1.0)

        row = self._scores(row + 2, summary)
        if chart:
            self._insert("levels", start, self._level_chart(first, last, levels))
        return self._next_section(start, row - 1, chart, "levels")

    def _level_chart(self, first: int, last: int, levels: list):
        chart = self.workbook.add_chart({"type": "column"})
        chart.add_series(
            {
                "name": self.words["candidates"],
                "categories": [self.name, first, LABEL, last, LABEL],
                "values": [self.name, first, FIGURES, last, FIGURES],
                "categories_data": [self.texts.LEVEL_NAMES[k] for k, _ in levels],
                "values_data": [count for _, count in levels],
                "points": [_bar(GROUP_COLOURS[LEVEL_GROUP[k]]) for k, _ in levels],
                "data_labels": {"value": True},
                "gap": 50,
            }
        )
        chart.set_title({"name": self.words["chart_levels"]})
        chart.set_legend({"none": True})
        chart.set_y_axis({"name": self.words["candidates"], "min": 0})
        return chart

    def _scores(self, row: int, summary) -> int:
        words = self.words
        self._subtitle(row, words["scores_title"])
        self._header(row + 1, words["figure"], (words["pix"],))
        figures = summary.score_figures()
        rows = (
            ("lowest", "lowest", None),
            ("median", "median", "decimal"),
            ("mean", "mean", "decimal"),
            ("highest", "highest", None),
        )
        for offset, (key, attribute, number_format) in enumerate(rows, start=2):
            self._label(row + offset, words[key])
            if figures is None:
                self.sheet.write_string(row + offset, FIGURES, NO_VALUE)
                continue
            value = getattr(figures, attribute)
            cell_format = self.formats[number_format] if number_format else None
            self.sheet.write_number(row + offset, FIGURES, value, cell_format)
        return row + 2 + len(rows)

    # Competences.

    def _competences(self, row: int, summary, chart: bool) -> int:
        words, texts, formats = self.words, self.texts, self.formats
        start = row
        self._subtitle(row, words["competences_title"])
        names = (words["domain"], words["competence"], words["assessed"])
        names += (words["mean_level"],)
        # Two lines of header, so the wrapped names show whole.
        self.sheet.set_row(row + 1, HEADER_HEIGHT)
        for column, name in enumerate(names):
            self.sheet.write_string(row + 1, column, name, formats["wrap_header"])
        for column, (group, _, _) in enumerate(COMPETENCE_GROUPS, start=len(names)):
            name = texts.GROUP_NAMES[group]
            self.sheet.write_string(row + 1, column, name, formats[group + "_header"])

        first = row + 2
        domains = [code.split(".")[0] for code in COMPETENCES]
        # The domain on its first competence only: Excel reads a blank cell
        # below it as "same group" when it groups the chart's bars.
        domain_cells = [
            self._domain_label(d) if i == 0 or domains[i - 1] != d else None
            for i, d in enumerate(domains)
        ]
        labels = [f"{code} {texts.COMPETENCE_NAMES[code]}" for code in COMPETENCES]
        means = []
        for offset, code in enumerate(COMPETENCES):
            r = first + offset
            if domain_cells[offset]:
                self.sheet.write_string(r, 0, domain_cells[offset])
            self.sheet.write_string(r, 1, labels[offset])
            figures = summary.competence_figures(code)
            means.append(figures.mean)
            self._competence_figures(r, figures)
        last = first + len(COMPETENCES) - 1

        if chart:
            categories = [domain_cells, labels]
            bars = self._competence_chart(first, last, categories, means, domains)
            self._insert("competences", start, bars)
        return self._next_section(start, last, chart, "competences")

    def _domain_label(self, domain: str) -> str:
        return f"{domain}. {self.texts.DOMAIN_NAMES[domain]}"

    def _competence_figures(self, row: int, figures) -> None:
        sheet = self.sheet
        sheet.write_number(row, 2, figures.assessed)
        if figures.mean is None:
            sheet.write_string(row, 3, NO_VALUE)
        else:
            sheet.write_number(row, 3, figures.mean, self.formats["decimal"])
        for column, count in enumerate(figures.groups.values(), start=4):
            sheet.write_number(row, column, count)

    def _competence_chart(self, first, last, categories, means, domains):
        chart = self.workbook.add_chart({"type": "bar"})
        chart.add_series(
            {
                "name": self.words["mean_level"],
                # Two columns of categories: Excel groups the bars by domain.
                "categories": [self.name, first, 0, last, 1],
                "values": [self.name, first, 3, last, 3],
                "categories_data": categories,
                "values_data": means,
                "points": [_bar(DOMAIN_COLOURS[d]) for d in domains],
                "gap": 40,
            }
        )
        chart.set_title({"name": self.words["chart_competences"]})
        chart.set_legend({"none": True})
        chart.set_x_axis({"min": 0, "max": 8, "major_unit": 1})
        # Bars run bottom-up in Excel; reversed, 1.1 comes first, as in the table.
        chart.set_y_axis({"reverse": True})
        return chart

    # The candidates to follow up.

    def _follow_up(self, row: int, summary) -> None:
        words, sheet = self.words, self.sheet
        self._subtitle(row, words["follow_up_title"])
        if not summary.follow_up_count:
            sheet.write_string(
                row + 1, 0, words["follow_up_none"], self.formats["note"]
            )
            return
        sheet.write_string(row + 1, 0, words["follow_up_note"], self.formats["note"])
        keys = ["row"] + (["file"] if self.merged else [])
        keys += ["last_name", "first_name", "certification", "status", "action"]
        header = row + 2
        for column, key in enumerate(keys):
            sheet.write_string(header, column, words[key], self.formats["header"])

        # Excel's last row caps the list; the rest is counted in one sentence.
        room = EXCEL_MAX_ROWS - header - 1
        shown = summary.follow_up_count
        if shown > room:
            shown = room - 1
        r = header
        for index, item in enumerate(summary.follow_up()):
            if index == shown:
                break
            r += 1
            self._follow_up_row(r, index, item)
        if shown < summary.follow_up_count:
            more = summary.follow_up_count - shown
            sheet.write_string(r + 1, 0, words["follow_up_more"].format(count=more))
        sheet.autofilter(header, 0, r, len(keys) - 1)

    def _follow_up_row(self, row: int, index: int, item) -> None:
        sheet, words = self.sheet, self.words
        # Excel refuses more links than this on a sheet: then the bare number.
        if index < MAX_LINKS:
            target = f"internal:'{self.results}'!A{item.row}"
            text = words["row_link"].format(row=item.row)
            sheet.write_url(row, 0, target, self.formats["link"], text)
        else:
            sheet.write_number(row, 0, item.row)
        column = 1
        if self.merged:
            sheet.write_text(row, column, item.file)
            column += 1
        for value in (item.last_name, item.first_name, item.certification):
            sheet.write_value(row, column, value)
            column += 1
        sheet.write_string(row, column, self._status_label(item.status))
        sheet.write_string(row, column + 1, self._action(item))

    def _action(self, item) -> str:
        actions = self.texts.FOLLOW_UP
        parts = []
        if item.status in actions:
            parts.append(actions[item.status])
        if item.problems:
            texts = [
                self.texts.ANOMALY_PROBLEMS[key].format(first=first).rstrip(".")
                for key, first in item.problems
            ]
            joined = actions["separator"].join(texts)
            parts.append(actions["anomalies"].format(problems=joined))
        return " ".join(parts)

    # Cells shared by the tables.

    def _subtitle(self, row: int, text: str) -> None:
        self.sheet.write_string(row, 0, text, self.formats["subtitle"])

    def _header(self, row: int, label: str, figures: tuple) -> None:
        self._label(row, label, self.formats["header"])
        for column, name in enumerate(figures, start=FIGURES):
            self.sheet.write_string(row, column, name, self.formats["header"])

    def _label(self, row: int, text: str, cell_format=None) -> None:
        self.sheet.merge_range(row, LABEL, row, LABEL + 1, text, cell_format)

    def _count_and_share(self, row: int, count: int, total: int) -> None:
        self.sheet.write_number(row, FIGURES, count)
        share = count / total if total else 0
        self.sheet.write_number(row, FIGURES + 1, share, self.formats["percent"])

    def _total(self, row: int, label: str, count: int, share: float) -> None:
        formats = self.formats
        self._label(row, label, formats["total"])
        self.sheet.write_number(row, FIGURES, count, formats["total"])
        self.sheet.write_number(row, FIGURES + 1, share, formats["total_percent"])

    def _insert(self, section: str, row: int, chart) -> None:
        height = (CHART_ROWS[section] - 1) * ROW_PIXELS
        chart.set_size({"width": CHART_WIDTH[section], "height": height})
        self.sheet.insert_chart(row, CHART_COLUMN[section], chart)

    def _next_section(self, start: int, last: int, chart: bool, section: str) -> int:
        """The row after a blank line, below the table and its chart."""
        end = last + 2
        if chart:
            end = max(end, start + CHART_ROWS[section])
        return end


def _note(summary) -> str | None:
    """Why the sheet draws no chart, or no level chart, if it does not."""
    if summary.candidates <= 1:
        return "one_candidate"
    if not summary.scored:
        return "no_validated"
    return None


def _bar(colour: str) -> dict:
    # The band colours are light: a grey edge keeps a bar visible on white.
    return {"fill": {"color": colour}, "border": {"color": BAR_BORDER}}
