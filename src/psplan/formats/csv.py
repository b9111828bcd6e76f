"""CSV: the view's primary table (`View.table()`), for Excel and for scripts.

- Header: the columns' labels in Chinese (`--lang zh`), their keys in English (the JSON keys).
- A status column is followed by its code column (状态 → 状态代码; en: status → status_code), so
  a filter or a script keys on the code while the reader sees the label.
- A row's notes go in a last column 备注 / notes, joined with ；/ "; ", when the table's rows
  may carry notes (`Table.noted`) or any row has some.
- A figure (a `Figure`) is written as every other format shows it (`Figure.shown`), without
  thousands separators: 63%, 4.00, 823.0, 95.68%, -0.5%, 0.3个百分点 where the table, markdown
  and HTML show 63%, 4.00, 823.0 and the XLSX shows the same. Excel and LibreOffice read
  "63%" as the number 0.63 and "4.00" as 4; a script strips the % sign. Thousands separators
  are dropped (1,234.5 is text to a script and, in a locale with a decimal comma, to Excel
  too), and so is a leading "+" (a signed change +0.3个百分点 would start a formula in Excel;
  it is the same number without it). Full precision is in the JSON (`--format json`), the
  format for scripts that compute.
  A bare number that is not a `Figure` (an int, a float) is written plainly: digits and a dot,
  no exponent, no float noise, never "-0". So "-0.9", not "'-0.9".
- The formula guard (`psplan.formats.escape.csv_cell`) applies to text only: a header, a
  label, a name like "=HYPERLINK(…)" gets its apostrophe; a number never does.

No byte-order mark in `render`: the command line adds it (`with_bom`) unless --no-bom or the
CSV goes to a terminal; without it Excel on Chinese Windows reads UTF-8 as GBK (mojibake).
"""

from __future__ import annotations

import csv
import io
import math
from typing import Any

from psplan.formats.escape import csv_cell
from psplan.views.model import Status, Table, Text
from psplan.views.numbers import Figure
from psplan.words import say

#: The most decimals a bare number (not a `Figure`) is written with.
PLACES = 10
#: The UTF-8 byte-order mark Excel looks for.
BOM = "\ufeff"


def with_bom(text: str) -> bytes:
    """The CSV as UTF-8 bytes with the byte-order mark: what Excel opens right, whatever the
    encoding of the terminal or locale (bytes, so no stream re-encodes the mark)."""
    body = text if text.endswith("\n") or not text else text + "\n"
    return (BOM + body).encode("utf-8", "backslashreplace")


def render(view: Any, *, color: bool = False, width: int | None = None) -> str:
    """The primary table as CSV text (`color` and `width` do not apply)."""
    table = view.table()
    if table is None:
        return ""
    return to_text(table, view.lang)


def to_text(table: Table, lang: str) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for row in rows(table, lang):
        writer.writerow(row)
    return buffer.getvalue()


def rows(table: Table, lang: str) -> list[list[object]]:
    """The header, then one list of CSV cells per row (numbers as strings, text guarded)."""
    statuses = {
        index
        for index in range(len(table.columns))
        if any(index < len(row) and isinstance(row[index], Status) for row in table.rows)
    }
    header: list[object] = []
    for index, column in enumerate(table.columns):
        header.append(column.label if lang == "zh" else column.key)
        if index in statuses:
            header.append(say("format.csv.code", lang, label=column.label, key=column.key))
    notes = table.noted or any(table.notes.get(index) for index in range(len(table.rows)))
    if notes:
        header.append(say("format.notes", lang))
    written = [[csv_cell(text) for text in header]]
    separator = say("sep.reasons", lang)
    for index, row in enumerate(table.rows):
        line: list[object] = []
        for column in range(len(table.columns)):
            cell = row[column] if column < len(row) else None
            line.append(cell_text(cell))
            if column in statuses:
                line.append(csv_cell(cell.code) if isinstance(cell, Status) else "")
        if notes:
            line.append(csv_cell(separator.join(table.notes.get(index, []))))
        written.append(line)
    return written


def cell_text(cell: object) -> object:
    """One cell as written: a figure as it is shown (without thousands separators), a bare
    number as `plain`, a status as its label, text guarded against formulas."""
    if cell is None:
        return ""
    if isinstance(cell, Figure):
        # A leading "+" (+1.23%, +0.3个百分点) would start a formula in Excel: +0.3 is 0.3.
        return cell.shown.replace(",", "").removeprefix("+")
    if isinstance(cell, bool):
        return csv_cell(str(cell))
    if isinstance(cell, int | float):
        return plain(cell)
    if isinstance(cell, Status):
        return csv_cell(cell.label)
    if isinstance(cell, Text):
        return csv_cell(cell.text)
    return csv_cell(str(cell))


def plain(value: float, places: int = PLACES) -> str:
    """A number as a spreadsheet reads it: digits and a dot, no exponent, no float noise, no
    thousands separator, never "-0"."""
    if isinstance(value, int):
        return str(value)
    if not math.isfinite(value):
        return str(value)
    text = f"{round(value, places) + 0.0:.{places}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
