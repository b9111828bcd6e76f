"""Text: a view as plain lines, for programs that read lines (grep, editors, CI scripts).

A table that locates what it lists (columns `file`, `level`, `message`, and `line`, `column`,
`code` where it has them: the problems view) is written one compiler-style line per row,

    file:line:col: level: message [code]

with the level's code (error, warning), never its label, whatever the language: that is what
scripts parse. A row's notes follow it on lines of their own (the count of the problems not
printed), then the view's notes (the count of the files checked). Any other table is written
as its header and rows, the cells separated by tabs.

Every line stays one line: control characters, tabs and line breaks inside a cell are shown as
<U+XXXX> (`psplan.formats.escape.one_line`).
"""

from __future__ import annotations

from typing import Any

from psplan.formats.escape import one_line
from psplan.views.model import Cell, Status, Table, shown

#: The columns a table must have to be written as compiler-style lines.
LOCATED = frozenset({"file", "level", "message"})


def render(view: Any, *, color: bool = False, width: int | None = None) -> str:
    """The view as lines (`color` and `width` do not apply)."""
    lines = [one_line(line) for line in view.summary]
    for table in view.tables:
        lines.extend(table_lines(table))
    lines.extend(one_line(line) for line in view.notes)
    return "\n".join(lines)


def table_lines(table: Table) -> list[str]:
    keys = [column.key for column in table.columns]
    located = set(keys) >= LOCATED
    lines = [] if located else [_tabbed(column.label for column in table.columns)]
    for index, row in enumerate(table.rows):
        if located:
            lines.append(one_line(located_line(dict(zip(keys, row, strict=False)))))
        else:
            lines.append(_tabbed(shown(cell) for cell in row))
        lines.extend(one_line(note) for note in table.notes.get(index, []))
    return lines


def located_line(cells: dict[str, Cell]) -> str:
    """file:line:col: level: message [code] (the parts a row has)."""
    where = shown(cells.get("file")) or "<input>"
    if cells.get("line"):
        where += f":{cells['line']}"
        if cells.get("column"):
            where += f":{cells['column']}"
    line = f"{where}: {code(cells.get('level'))}: {shown(cells.get('message'))}"
    return f"{line} [{shown(cells['code'])}]" if cells.get("code") else line


def code(cell: Cell) -> str:
    """A status's code (the level as scripts read it), else the cell's text."""
    return cell.code if isinstance(cell, Status) else shown(cell)


def _tabbed(cells: Any) -> str:
    return "\t".join(one_line(str(cell)) for cell in cells)
