"""Which input column goes where in the output's Résultats sheet.

One file keeps its columns where they are, so the letters the Pix guide
speaks of still point at the same columns. Several files are merged by
header: the first file's columns in their order, then the columns only later
files have, after a first column naming each row's file. The privacy option
leaves the personal columns out.
"""

from collections import Counter
from dataclasses import dataclass

from enhancer import locales
from enhancer.reference import COMPETENCES
from enhancer.text import header_text, normalise
from enhancer.values import is_blank


@dataclass
class Plan:
    """The output table's columns and, for each input table, its mapping."""

    header: list
    mappings: list
    status: int
    score: int
    competences: dict
    name_columns: list
    certification: int | None
    with_file_column: bool
    dropped: list

    @property
    def offset(self) -> int:
        """Where the input's columns start: after the file column, if any."""
        return 1 if self.with_file_column else 0

    @property
    def width(self) -> int:
        return self.offset + len(self.header)


def make_plan(tables: list, drop_personal: bool = False, texts=None) -> Plan:
    """The output columns for one table or several merged ones.

    A table without a header row gets header cells from ``texts`` (French by
    default): the guide's letters say what those columns hold.
    """
    guide_headers = (texts or locales.load("fr")).GUIDE_HEADERS
    merged = len(tables) > 1
    keys, header = [], []
    mappings, dropped = [], []
    for table in tables:
        layout = table.layout
        names = _header_names(table, guide_headers)
        width = max(len(names), _width(table))
        mapping = []
        for column, key in enumerate(_keys(names, width, _roles(layout))):
            if drop_personal and column in layout.personal:
                if key not in dropped:
                    dropped.append(key)
                mapping.append(None)
                continue
            if key not in keys:
                keys.append(key)
                header.append(names[column] if column < len(names) else None)
            mapping.append(keys.index(key) + merged)
        mappings.append(mapping)

    first = tables[0].layout
    where = mappings[0]
    return Plan(
        header=header,
        mappings=mappings,
        status=where[first.status],
        score=where[first.score],
        competences={code: where[first.competences[code]] for code in COMPETENCES},
        name_columns=[where[c] for c in first.name_columns if where[c] is not None],
        certification=None
        if first.certification is None
        else where[first.certification],
        with_file_column=merged,
        dropped=[_dropped_name(tables, key, guide_headers) for key in dropped],
    )


def _header_names(table, guide_headers: dict) -> list:
    layout = table.layout
    if layout.header_row is not None:
        return list(layout.header)
    names = [None] * (layout.status + 1)
    names[layout.status] = guide_headers["status"]
    names.append(guide_headers["score"])
    names.extend(COMPETENCES)
    return names


def _width(table) -> int:
    """The table's width: a sheet's used range, or a CSV's widest first rows
    without the empty fields Excel leaves at the end of its lines."""
    widest = 0
    for row in table.top_rows[-1:] + table.preview:
        used = len(row)
        while used and table.sheet is None and is_blank(row[used - 1]):
            used -= 1
        widest = max(widest, used)
    return widest


def _roles(layout) -> dict:
    """The columns the tool knows by their role, whatever their header says."""
    roles = {layout.status: "status", layout.score: "score"}
    roles.update({column: code for code, column in layout.competences.items()})
    for role in ("certification", "first_name", "last_name"):
        column = getattr(layout, role)
        if column is not None:
            roles[column] = role
    return roles


def _keys(names: list, width: int, roles: dict | None = None) -> list:
    """A key per column: its role or normalised header, numbered if repeated."""
    roles = roles or {}
    seen, keys = Counter(), []
    for column in range(width):
        name = normalise(names[column]) if column < len(names) else ""
        name = roles.get(column) or name
        name = name or f"#{column}"
        seen[name] += 1
        keys.append((name, seen[name]))
    return keys


def _dropped_name(tables: list, key, guide_headers: dict) -> str:
    for table in tables:
        names = _header_names(table, guide_headers)
        roles = _roles(table.layout)
        for column, candidate in enumerate(_keys(names, len(names), roles)):
            if candidate == key:
                return header_text(names[column])
    return key[0]
