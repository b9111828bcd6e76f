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
from collections.abc import Iterable, Iterator
from typing import Any, overload

from psplan.formats.escape import _NOT_A_FORMULA, csv_cell
from psplan.formats.spool import READ_SIZE, Spool, once
from psplan.views.model import SqlRows, Status, Table, Text
from psplan.views.numbers import Figure
from psplan.words import say

#: The most decimals a bare number (not a `Figure`) is written with.
PLACES = 10
#: The UTF-8 byte-order mark Excel looks for.
BOM = "\ufeff"


@overload
def with_bom(text: str) -> bytes: ...
@overload
def with_bom(text: Iterable[str]) -> Iterator[bytes]: ...
def with_bom(text: str | Iterable[str]) -> bytes | Iterator[bytes]:
    """The CSV as UTF-8 bytes with the byte-order mark: what Excel opens right, whatever the
    encoding of the terminal or locale (bytes, so no stream re-encodes the mark). Given the
    text in chunks, the bytes come in chunks too, ending in a line break as the whole would."""
    if isinstance(text, str):
        body = text if text.endswith("\n") or not text else text + "\n"
        return (BOM + body).encode("utf-8", "backslashreplace")
    return _bom_chunks(text)


def _bom_chunks(chunks: Iterable[str]) -> Iterator[bytes]:
    yield BOM.encode("utf-8")
    last = ""
    for chunk in chunks:
        if chunk:
            yield chunk.encode("utf-8", "backslashreplace")
            last = chunk
    if last and not last.endswith("\n"):
        yield b"\n"


def render(view: Any, *, color: bool = False, width: int | None = None) -> str:
    """The primary table as CSV text (`color` and `width` do not apply)."""
    return "".join(chunks(view))


def chunks(view: Any, *, color: bool = False, width: int | None = None) -> Iterator[str]:
    """The primary table as CSV text, in pieces to write as they come (see `lines`)."""
    table = view.table()
    if table is not None:
        yield from lines(table, view.lang)


def to_text(table: Table, lang: str) -> str:
    return "".join(lines(table, lang))


def lines(table: Table, lang: str) -> Iterator[str]:
    """The header, then the rows, as CSV text.

    The header depends on every row (a column holding a status anywhere gets its code
    column), so the rows are written once, as they are read, into a `Spool` — with the code
    columns known so far — and copied out after the header. A row read before a column
    showed its first status is rewritten with an empty code for it (rare: a rating missing
    in the first rows). Rows are read once (`once`), so a lazy table is never held whole."""
    sql = table.sql() if table.sql is not None else None
    if sql is not None:
        yield from _worded_lines(table, sql, lang)
        return
    columns = range(len(table.columns))
    # the notes column: when rows may carry notes, or some row has some
    notes = table.noted or (
        bool(table.notes) and any(table.notes.get(index) for index in range(len(table.rows)))
    )
    separator = say("sep.reasons", lang)
    statuses: set[int] = set()
    versions: list[tuple[int, frozenset[int]]] = []  # (first row, the status columns then)
    with Spool() as spool:
        writer = csv.writer(spool, lineterminator="\n")
        index = -1
        for index, row in enumerate(once(table.rows)):
            found = {
                column
                for column, cell in enumerate(row[: len(columns)])
                if isinstance(cell, Status) and column not in statuses
            }
            if found or not versions:
                statuses |= found
                versions.append((index, frozenset(statuses)))
            noted = separator.join(table.notes.get(index, [])) if notes else None
            writer.writerow(_row_cells(row, len(columns), statuses, noted))
        yield _header(table, statuses, notes, lang)
        if len(versions) <= 1:  # every row was written with the code columns of the header
            yield from spool.chunks()
            return
        yield from _rewritten(spool, versions, statuses, len(columns), notes)


def _row_cells(
    row: tuple[object, ...], count: int, statuses: set[int], notes: str | None
) -> list[object]:
    """A row's cells as written: each cell, a status column's code after it, then the
    notes (None: no notes column)."""
    line: list[object] = []
    for column in range(count):
        cell = row[column] if column < len(row) else None
        line.append(csv_cell(cell) if type(cell) is str else cell_text(cell))
        if column in statuses:
            line.append(csv_cell(cell.code) if isinstance(cell, Status) else "")
    if notes is not None:
        line.append(csv_cell(notes))
    return line


def _header(table: Table, statuses: set[int], notes: bool, lang: str) -> str:
    """The header line: each column's label (its key in English), a status column's code
    column after it, the notes column last."""
    header: list[object] = []
    for column, spec in enumerate(table.columns):
        header.append(spec.label if lang == "zh" else spec.key)
        if column in statuses:
            header.append(say("format.csv.code", lang, label=spec.label, key=spec.key))
    if notes:
        header.append(say("format.notes", lang))
    head = io.StringIO()
    csv.writer(head, lineterminator="\n").writerow([csv_cell(text) for text in header])
    return head.getvalue()


def _worded_lines(table: Table, sql: SqlRows, lang: str) -> Iterator[str]:
    """`lines` of a table duckdb words (a country's county results): each line made by one
    query as `lines` writes it (the same cells, quoted alike), the rows it does not word
    made and written one at a time."""
    from psplan.assess.vectorised_json import by_goal

    statuses = set(sql.codes)
    separator = say("sep.reasons", lang)
    yield _header(table, statuses, True, lang)
    parts: list[list[str]] = [[]]  # the SQL of each line's cells, before and after the region
    places: list[str] = []
    texts: list[str] = []  # each cell's text, a column of its own (planned once, not nested)
    for column, (kind, given, fallback) in enumerate(sql.cells):
        if kind == "region":
            places = [_quoted(str(cell_text(cell))) for cell in given]
            parts.append([])
            continue
        if kind == "goal":
            parts[-1].append(by_goal([_quoted(str(cell_text(cell))) for cell in given]))
        else:
            texts.append(f"{given} AS cell_{column}")
            shown = _quoted_sql(_shown_sql(kind, f"cell_{column}"))
            if fallback is not None:
                each = by_goal([_quoted(str(cell_text(cell))) for cell in fallback])
                shown = f"coalesce({shown}, {each})"
            parts[-1].append(shown)
        if column in statuses:
            parts[-1].append(_quoted_sql(_guarded_sql(sql.codes[column])))
    # each indicator's notes (long lines of the plan's) put after the cells in Python: a
    # worded result's are its plan's alone
    notes: dict[int, str] = {}
    select = [
        "concat_ws(',', " + ", ".join(f"coalesce({p}, {_EMPTY})" for p in part) + ")"
        for part in parts
    ]
    out = io.StringIO()
    worded = sql.rows(
        select=lambda shape: select,
        source=lambda shape: f"SELECT *, {', '.join(texts)} FROM ({sql.source(shape)})",
        parameters=sql.parameters,
    )
    index = 0
    for batch in worded:
        for rk, gk, first, *rest in batch:
            if first is None:  # made as any row, with the code columns of the header
                out.write(_made_line(table, sql, index, statuses, separator))
            else:
                noted = notes.get(gk)
                if noted is None:
                    lines = sql.notes(gk)
                    noted = notes[gk] = _quoted(str(csv_cell(separator.join(lines))))
                middle = f",{places[rk]},{rest[0]}" if places else ""
                out.write(f"{first}{middle},{noted}\n")
            index += 1
        yield out.getvalue()
        out.seek(0)
        out.truncate()


def _made_line(table: Table, sql: SqlRows, index: int, statuses: set[int], separator: str) -> str:
    """Row `index` made as `lines` makes a row, as a line."""
    text = io.StringIO()
    noted = separator.join(table.notes.get(index, []))
    row = sql.row(index)
    csv.writer(text, lineterminator="\n").writerow(_row_cells(row, len(row), statuses, noted))
    return text.getvalue()


_EMPTY = "''"


def _quoted(text: str) -> str:
    """A cell as `csv.writer` writes it (QUOTE_MINIMAL)."""
    if any(char in text for char in ',"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def _quoted_sql(text: str) -> str:
    """SQL of `_quoted`."""
    return (
        f"(CASE WHEN regexp_matches({text}, '[,\"\\r\\n]')"
        f" THEN concat('\"', replace({text}, '\"', '\"\"'), '\"') ELSE {text} END)"
    )


def _guarded_sql(text: str) -> str:
    """SQL of `csv_cell` of printable text: the apostrophe before a formula."""
    starts = f"left({text}, 1) IN ('=', '+', '-', '@', chr(9), chr(13))"
    apostrophe = "''''"
    return (
        f"(CASE WHEN {starts} AND NOT regexp_full_match({text}, '{_NOT_A_FORMULA.pattern}')"
        f" THEN concat({apostrophe}, {text}) ELSE {text} END)"
    )


def _shown_sql(kind: str, text: str) -> str:
    """SQL of `cell_text` of a cell shown as `text`: a figure without thousands separators
    and a leading "+", a label or text guarded."""
    if kind == "figure":
        plain = f"replace({text}, ',', '')"
        return f"(CASE WHEN starts_with({plain}, '+') THEN substr({plain}, 2) ELSE {plain} END)"
    return _guarded_sql(text)


def _rewritten(
    spool: Spool,
    versions: list[tuple[int, frozenset[int]]],
    statuses: set[int],
    columns: int,
    notes: bool,
) -> Iterator[str]:
    """The spooled rows with the code columns of the header: an empty code where a row was
    written before its column was known to hold statuses."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    starts = [start for start, _ in versions[1:]] + [-1]
    version, had = 0, versions[0][1]
    for index, cells in enumerate(csv.reader(spool.file(), lineterminator="\n")):
        if index == starts[version]:
            version += 1
            had = versions[version][1]
        line: list[str] = []
        position = 0
        for column in range(columns):
            line.append(cells[position])
            position += 1
            code = ""
            if column in had:
                code = cells[position]
                position += 1
            if column in statuses:
                line.append(code)
        if notes:
            line.append(cells[position])
        writer.writerow(line)
        if out.tell() > READ_SIZE:
            yield out.getvalue()
            out.seek(0)
            out.truncate()
    yield out.getvalue()


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
