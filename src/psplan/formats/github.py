"""GitHub Actions workflow annotations: a problems view as `::error file=…,line=…::message`
lines, which a workflow shows on the lines of the files they name.

A row of a table that locates what it lists (see `psplan.formats.text`: columns `file`,
`level`, `message`; `line`, `column`, `code` where given) becomes an annotation of its level
(error, warning, notice), titled with its code; a row's notes (the count of the problems not
printed) become `::notice::` lines. Rows of any other table become `::notice::` lines of their
cells. The view's summary and notes are for people reading a terminal and are left out.

A figure of a workbook's sheet is located as `book.xlsx[sheet]`: the annotation names the
workbook, the file GitHub has, and puts `[sheet]` before the message.

Escaping is GitHub's workflow-command escaping (%, CR, LF; also `:` and `,` in properties),
and other control characters are shown (`psplan.formats.escape.one_line`).
"""

from __future__ import annotations

import re
from typing import Any

from psplan.formats.escape import one_line
from psplan.formats.text import LOCATED, code
from psplan.views.model import Cell, Table, shown

#: The levels an annotation can have; any other is written as a notice.
LEVELS = frozenset({"error", "warning", "notice"})


def render(view: Any, *, color: bool = False, width: int | None = None) -> str:
    """One annotation per row (`color` and `width` do not apply)."""
    lines: list[str] = []
    for table in view.tables:
        lines.extend(table_annotations(table))
    return "\n".join(lines)


def table_annotations(table: Table) -> list[str]:
    keys = [column.key for column in table.columns]
    located = set(keys) >= LOCATED
    lines = []
    for index, row in enumerate(table.rows):
        if located:
            lines.append(annotation(dict(zip(keys, row, strict=False))))
        else:
            lines.append(f"::notice::{escape(' · '.join(shown(c) for c in row if shown(c)))}")
        lines.extend(f"::notice::{escape(note)}" for note in table.notes.get(index, []))
    return lines


#: A sheet of a workbook as a finding names it (`read.sheet_file`: `book.xlsx[数据]`).
_SHEET_OF = re.compile(r"(?P<file>.+\.xls[xm]?)\[(?P<sheet>.+)\]", re.IGNORECASE)


def annotation(cells: dict[str, Cell]) -> str:
    level = code(cells.get("level"))
    file, message = shown(cells.get("file")), shown(cells.get("message"))
    sheet = _SHEET_OF.fullmatch(file)
    if sheet is not None:  # the workbook is the file GitHub knows; the sheet goes with the words
        file, message = sheet["file"], f"[{sheet['sheet']}] {message}"
    where = [f"file={escape(file, property_value=True)}"]
    if cells.get("line"):
        where.append(f"line={cells['line']}")
    if cells.get("column"):
        where.append(f"col={cells['column']}")
    if cells.get("code"):
        where.append(f"title={escape(shown(cells['code']), property_value=True)}")
    level = level if level in LEVELS else "notice"
    return f"::{level} {','.join(where)}::{escape(message)}"


def escape(text: str, *, property_value: bool = False) -> str:
    """GitHub's workflow-command escaping, and other control characters shown."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return one_line(text)
