"""XLSX: any view as an Excel workbook an analyst can filter, chart and print.

- A summary sheet first, when the view has one: its title, summary lines, the table keyed
  `counts` (the results by status), every table a chart of the view draws (the progress by
  domain, with a native bar chart of progress beside the time share), and the view's notes.
  Then one sheet per other table, named by its title where it is short enough for a sheet
  name (31 characters), else by the catalogue's `sheet.<table key>` if there is one (else the
  title cut short).
- Figures are numbers, never text: each `Figure` stored as its value with its number format
  (a % indicator's 95.7 % is 0.957 shown 0.0%, a progress 0.44 shown 0%), so a formula or a
  chart reads it right; negative gaps are plain negative numbers.
- Text stays text: a name starting with "=" is stored as a string (and quote-prefixed), never
  as a formula; control characters are shown (`psplan.formats.escape`).
- A status is its label, filled with its colour; a bold `Text` is bold; a row's notes are in
  a last column 备注 / notes; the group column (the domain) is on every row, for filtering.
- Every table: the header row frozen (with the name columns: up to the first wide one after
  the group, and the region beside it) and filtered, long texts wrapped, each row as tall as
  its wrapped text. A matrix (region × indicator) is the same, each cell a filled status.
- A form to fill in (a table with `input` columns, a collection sheet): the cells of its input
  columns filled light yellow, empty or not, and frozen at the first of them (the columns
  before it stay in view); an input column at least wide enough for a figure, a wide one as
  wide as it wraps (room for a sentence); a column's `hint` shown as the input message of its
  cells (a data validation allowing anything: a hint, not a rule).
- A table of one wide column is a sheet of text (instructions): one line a row, wrapped at
  about 100 characters, only its header row frozen, not filtered.
- Every sheet prints on A4 landscape, fitted to the page width, the header row repeated on
  each page, with the title and page number in the margins.
- Written row by row (openpyxl's write-only mode, `_Rows`): a country's 185,600 results take
  under 500 MB, not past 2 GB. So each sheet's column widths, frozen panes and page set-up are
  settled before its first row, the widths measured on a table's first `MEASURED_ROWS` rows.
"""

from __future__ import annotations

import functools
import io
import itertools
import math
import re
from collections.abc import Iterable, Sequence
from copy import copy
from typing import TYPE_CHECKING, Any

from psplan import progress
from psplan.formats.colours import STATUS_FILLS
from psplan.formats.escape import xlsx_is_formula_text, xlsx_text
from psplan.formats.spool import once
from psplan.views.model import Cell, Chart, Status, Table, Text, View
from psplan.views.numbers import Figure
from psplan.words import say

if TYPE_CHECKING:  # openpyxl is imported only when a workbook is written
    from openpyxl import Workbook
    from openpyxl.cell.cell import Cell as SheetCell
    from openpyxl.worksheet.worksheet import Worksheet

FILLS = {status: colour[1:].upper() for status, colour in STATUS_FILLS.items()}
HEADER_FILL = "1F4E79"
#: The cells to fill in: an input column's data cells.
INPUT_FILL = "FFF2CC"
#: The key of the table of a view's results by status (on the summary sheet).
COUNTS = "counts"
#: The widest a wrapping column grows (in characters): names and reasons, the notes column,
#: and the indicator headers of a matrix.
WRAP = 30
NOTES_WRAP = 36
MATRIX_WRAP = 12
#: Where the text of a table of one wide column (a sheet of text) wraps.
PAGE_WRAP = 100
#: The narrowest an input column is (characters): room to write a figure.
INPUT_WIDTH = 8
#: The most characters an input message's title and text may have (Excel's limits).
HINT_TITLE_MAX = 32
HINT_MAX = 255
#: Points a line of 11-point text takes; rows holding wrapped text are made this many lines tall
#: (LibreOffice does not size them itself on opening a workbook).
LINE_HEIGHT = 15
#: Characters a sheet name may not hold, and the most it may have.
_SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")
SHEET_NAME_MAX = 31


def render(view: View, *, color: bool = False, width: int | None = None) -> bytes:
    """The view as a workbook (`color` and `width` do not apply)."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)  # each row written as it is made (see `_Rows`)
    book.properties.title = xlsx_text(view.title)[:200]
    book.properties.creator = "psplan"
    drawn = {chart.key for chart in view.charts}
    on_summary = [t for t in view.tables if t.key == COUNTS or (t.key in drawn and not t.matrix)]
    names: set[str] = set()
    if on_summary or view.summary or view.notes:
        name = _sheet_name(say("sheet.summary", view.lang), names)
        _summary_sheet(book, name, view, on_summary)
    summary_ids = {id(table) for table in on_summary}
    for table in view.tables:
        if id(table) not in summary_ids:
            name = _sheet_name(_sheet_title(table, view), names, table.key)
            _data_sheet(book, name, view, table)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _sheet_title(table: Table, view: View) -> str:
    """What a table's sheet is named after: the catalogue's word for the table where there
    is one (`sheet.<key>`: a title that counts the data, 滞后最多的地区（2900个地区中的前20个）,
    would rename the sheet with every file, and break what refers to it), else its title (or
    the view's), cut short where a sheet name cannot hold it (`SHEET_NAME_MAX`)."""
    from psplan.words import catalogue

    if f"sheet.{table.key}" in catalogue():
        return say(f"sheet.{table.key}", view.lang)
    return table.title or view.title


def _sheet_name(title: str, used: set[str], fallback: str = "1") -> str:
    """A legal sheet name from a title (else `fallback`), unique in the workbook (case
    aside)."""
    name = _SHEET_NAME_BAD.sub("_", " ".join(xlsx_text(title).split())).strip("'") or fallback
    if len(name) > SHEET_NAME_MAX:
        name = name[: SHEET_NAME_MAX - 1] + "…"
    base, number = name, 2
    while name.casefold() in used:
        suffix = f" ({number})"
        name = base[: SHEET_NAME_MAX - len(suffix)] + suffix
        number += 1
    used.add(name.casefold())
    return name


# -------------------------------------------------------------------------------- cells


def _value(value: Cell) -> object:
    """What a cell stores: a figure's number, a status's label, text (shown safe)."""
    if isinstance(value, Figure):
        return value.value
    if isinstance(value, Status):
        return xlsx_text(value.label)
    if isinstance(value, Text):
        return xlsx_text(value.text)
    if isinstance(value, str):
        return xlsx_text(value)
    return value


def _set(cell: SheetCell, value: Cell) -> None:
    if isinstance(value, Figure):
        cell.value = value.value
        cell.number_format = value.format
        return
    cell.value = _value(value)
    if xlsx_is_formula_text(cell.value):
        # a string, shown as typed, and still text when someone edits it (the quote prefix)
        cell.data_type = "s"
        cell.quotePrefix = True


def _shown(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, Figure):
        return value.shown
    return str(value)


def _is_number(cell: Cell) -> bool:
    return isinstance(cell, Figure | int | float) and not isinstance(cell, bool)


@functools.lru_cache(maxsize=4096)
def _width(text: str) -> int:
    """Columns a text takes on one line (its longest; a CJK character a little over two)."""
    if text.isascii() and "\n" not in text:
        return len(text)
    return max(max(math.ceil(_line_width(line)), len(line)) for line in text.split("\n"))


def _line_width(line: str) -> float:
    """How wide a line prints, in character widths of the default font (a column's unit):
    a CJK character a little over two, a digit or capital one, other Latin characters less."""
    from wcwidth import wcwidth

    total = 0.0
    for character in line:
        if character.isascii():
            total += 1.0 if character.isdigit() or character.isupper() else 0.8
        else:
            total += 2.2 if wcwidth(character) == 2 else 1.0
    return total


@functools.lru_cache(maxsize=4096)
def _lines(text: str, width: float) -> int:
    """Lines a text wraps to in a column `width` characters wide (a little short of it: a
    line breaks before a word or a figure that does not fit)."""
    room = max(width - 2.0, 1.0)
    return sum(max(1, math.ceil(_line_width(line) / room)) for line in text.split("\n"))


# ------------------------------------------------------------------------------- tables


class _Sheet:
    """One table as a sheet lays it out: headers, rows of cells, and how each column shows."""

    def __init__(self, table: Table, lang: str) -> None:
        self.table = table
        columns = table.columns
        self.headers: list[str] = [column.label for column in columns]
        self.rows: Sequence[Sequence[Cell]] = table.rows
        if not table.rows and columns:  # a table with no rows says so, not an empty sheet
            self.rows = [(say("format.none", lang), *([None] * (len(columns) - 1)))]
        self.notes = (table.noted or any(table.notes.values())) and not table.matrix
        if self.notes:
            self.headers.append(say("format.notes", lang))
        self.wrap: dict[int, int] = {}  # column (1-based) → widest, wraps
        self.inputs = {index for index, column in enumerate(columns, start=1) if column.input}
        self.right: set[int] = set()  # text columns aligned right, like the figures beside
        statuses: set[int] = set()
        if table.matrix:
            from psplan.formats.table import status_columns

            statuses = {i + 1 for i in status_columns(table)}
        for index, column in enumerate(columns, start=1):
            if index in statuses:
                self.wrap[index] = MATRIX_WRAP  # the header (an indicator's name) wraps
            elif column.wide:
                self.wrap[index] = WRAP if len(columns) > 1 else PAGE_WRAP
        if self.notes:
            self.wrap[len(self.headers)] = NOTES_WRAP
        self.statuses = statuses
        self.frozen = self._frozen()

    def _frozen(self) -> int:
        """The name columns kept in view when scrolling right: up to the first wide column
        after the group (the indicator), and a region column beside it, but never the last
        column; in a form, those before the first input column; none in a table of one
        column."""
        columns = self.table.columns
        if self.inputs:
            return min(self.inputs) - 1
        if self.statuses:
            return min(self.statuses) - 1 or 1
        if len(columns) == 1:
            return 0
        found = next(
            (i for i, c in enumerate(columns) if c.wide and c.key != self.table.group), None
        )
        if found is None:
            return 1
        if found + 1 < len(columns) and columns[found + 1].key == "region":
            found += 1
        return min(found + 1, len(columns) - 1)  # a column left to scroll (a narrow screen)

    def cells(self, *, kept: bool = True) -> Iterable[tuple[int, Sequence[Cell]]]:
        """The rows' cells, padded to the header (and their notes); with `kept` false, those
        of a lazy table made as written and not kept (see `spool.once`)."""
        width = len(self.table.columns)
        for index, row in enumerate(self.rows if kept else once(self.rows)):
            cells = list(row[:width]) + [None] * (width - len(row))
            if self.notes:
                cells.append("\n".join(self.table.notes.get(index, [])))
            yield index, cells


def _style_header(cells: Iterable[SheetCell]) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    font = Font(bold=True, color="FFFFFF")
    fill = PatternFill("solid", fgColor=HEADER_FILL)
    align = Alignment(vertical="center", wrap_text=True)
    for cell in cells:
        cell.font, cell.fill, cell.alignment = font, fill, align


class _Styles:
    """Cell styles by what they combine, each built once: assigning a style in openpyxl hashes
    it every time, so a county-scale workbook copies a finished style array instead."""

    def __init__(self) -> None:
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

        self.fills = {s: PatternFill("solid", fgColor=colour) for s, colour in FILLS.items()}
        self.fills["input"] = PatternFill("solid", fgColor=INPUT_FILL)
        self.alignments = {
            "wrap": Alignment(wrap_text=True, vertical="top"),
            "top": Alignment(vertical="top"),
            "right": Alignment(horizontal="right"),
            "right-top": Alignment(horizontal="right", vertical="top"),
            "center": Alignment(horizontal="center"),
        }
        thin = Side(style="thin", color="BFBFBF")
        self.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        self.bold = Font(bold=True)
        self._made: dict[tuple, Any] = {}

    def apply(
        self,
        cell: SheetCell,
        number_format: str | None,
        alignment: str | None,
        fill: str | None,
        border: bool,
        bold: bool = False,
    ) -> None:
        key = (number_format, alignment, fill, border, bold)
        if key == (None, None, None, False, False):
            return
        made = self._made.get(key)
        if made is not None:
            cell._style = copy(made)  # type: ignore[assignment]
            return
        if number_format:
            cell.number_format = number_format
        if alignment:
            cell.alignment = self.alignments[alignment]
        if fill:
            cell.fill = self.fills[fill]
        if border:
            cell.border = self.border
        if bold:
            cell.font = self.bold
        self._made[key] = copy(cell._style)


class _Rows:
    """The cells of a sheet written row by row: a workbook of a country's 185,600 results is
    written in openpyxl's write-only mode, where a row is written once it is done and never
    held (an in-memory workbook of them took over 2 GB). Cells are asked for in the order of
    their rows (a row's cells in any order); a row is written when a later one is asked for,
    so its height may be set until then. Column widths and frozen panes must be set before
    the first cell."""

    def __init__(self, sheet: Worksheet, last_row: int | None, last_column: int) -> None:
        from openpyxl.utils import get_column_letter

        self.sheet = sheet
        self.row = 0
        self.cells: dict[int, SheetCell] = {}
        if last_row is not None:
            # the sheet's extent, which heads it: a reader in openpyxl's read-only mode
            # (pandas) pads its rows to it; openpyxl writes it where a sheet can say it
            extent = f"A1:{get_column_letter(max(last_column, 1))}{max(last_row, 1)}"
            sheet.calculate_dimension = lambda: extent  # type: ignore[attr-defined]

    def cell(self, row: int, column: int) -> SheetCell:
        if row != self.row:
            if row < self.row:
                raise ValueError(f"row {row} asked for after row {self.row}")
            self._write(row)
        found = self.cells.get(column)
        if found is None:
            from openpyxl.cell import WriteOnlyCell

            found = self.cells[column] = WriteOnlyCell(self.sheet)
        return found

    def close(self) -> None:
        self._write(self.row + 1)

    def _write(self, next_row: int) -> None:
        if self.row:
            last = max(self.cells, default=0)
            self.sheet.append([self.cells.get(column) for column in range(1, last + 1)])
            self.sheet.row_dimensions.pop(self.row, None)  # its height is written with it
        for _ in range(self.row + 1, next_row):  # the empty rows between
            self.sheet.append([])
        self.row, self.cells = next_row, {}


#: A table's column widths (and which columns hold numbers) are measured on this many of its
#: rows: all of them, but for a table of a county-scale assessment's results.
MEASURED_ROWS = 5_000


def _measure(laid: _Sheet) -> tuple[dict[int, float], set[int]]:
    """Each column's width from the texts it shows (up to its wrap width), and the columns
    holding numbers."""
    headers = laid.headers
    widths: dict[int, float] = {
        c: (4 if c in laid.wrap else _width(h)) for c, h in enumerate(headers, start=1)
    }
    numbers: set[int] = set()
    for _, row in itertools.islice(laid.cells(), MEASURED_ROWS):
        for column, value in enumerate(row, start=1):
            if value is None or value == "":
                continue
            if _is_number(value):
                numbers.add(column)
            width = _width(_shown(value))
            if column in laid.wrap:
                width = min(width, laid.wrap[column])
            if width > widths[column]:
                widths[column] = width
    for column in laid.statuses:  # a matrix's status columns: room for the header to wrap
        widths[column] = max(widths[column], min(_width(headers[column - 1]), MATRIX_WRAP))
    for column in laid.inputs:  # room to write: a figure, or a sentence in a wide column
        widths[column] = laid.wrap.get(column, max(widths[column], INPUT_WIDTH))
    return widths, numbers


def _set_widths(sheet: Worksheet, laid: _Sheet, measured: dict[int, float]) -> dict[int, float]:
    """The sheet's column widths for a table, the wider where a table above set one; returns
    them (what its rows wrap at)."""
    from openpyxl.utils import get_column_letter

    widths = {}
    for column in range(1, len(laid.headers) + 1):
        letter = get_column_letter(column)
        width = min(max(measured[column] + 2, 6), max(60, laid.wrap.get(column, 0) + 2))
        if letter in sheet.column_dimensions:  # a table above: the wider of the two
            width = max(width, sheet.column_dimensions[letter].width or 0)
        sheet.column_dimensions[letter].width = widths[column] = width
    return widths


def _write_table(
    rows: _Rows,
    laid: _Sheet,
    widths: dict[int, float],
    numbers: set[int],
    first_row: int = 1,
    *,
    borders: bool = False,
) -> None:
    """The header at `first_row`, the rows below it, each row as tall as its wrapped texts
    (the columns `widths` wide, already set). Returns how many rows it wrote."""
    sheet = rows.sheet
    styles = _Styles()
    headers = laid.headers
    columns = range(1, len(headers) + 1)
    right = {column for column in numbers if column not in laid.wrap}

    for column, header in enumerate(headers, start=1):
        _set(rows.cell(first_row, column), header)
        if borders:
            rows.cell(first_row, column).border = styles.border
    _style_header(rows.cell(first_row, column) for column in columns)
    written = 0
    header_lines = max(_lines(h, widths[c]) for c, h in enumerate(headers, start=1))
    if header_lines > 1:
        sheet.row_dimensions[first_row].height = LINE_HEIGHT * min(header_lines, 12)

    shown = progress.writing(laid.cells(kept=False), sheet.title, _known_length(laid.rows))
    for index, row in shown:
        number_ = first_row + 1 + index
        lines = max(
            (
                _lines(_shown(value), widths[column])
                for column, value in enumerate(row, start=1)
                if column in laid.wrap and column not in laid.statuses and value
            ),
            default=1,
        )
        tall = lines > 1 or any(isinstance(v, str) and "\n" in v for v in row)
        if lines > 1:
            sheet.row_dimensions[number_].height = LINE_HEIGHT * min(lines, 27)
        for column, value in enumerate(row, start=1):
            empty = value is None or value == ""
            filled_in = column in laid.inputs  # styled even empty: a cell to fill
            if empty and not borders and not filled_in:
                continue
            cell = rows.cell(number_, column)
            alignment: str | None
            if column in laid.statuses:
                alignment = "center"
            elif column in laid.wrap:
                alignment = "wrap"
            elif column in right:
                alignment = "right-top" if tall else "right"
            else:
                alignment = "top" if tall else None
            fill = value.code if isinstance(value, Status) and value.code in FILLS else None
            if filled_in:
                fill = "input"
            number_format = value.format if isinstance(value, Figure) else None
            bold = isinstance(value, Text) and value.style == "bold"
            if empty and not filled_in:
                alignment = None
            styles.apply(cell, number_format, alignment, fill, borders, bold)
            if not empty:
                _set(cell, value)
        written = index + 1
    return written


def _print_setup(
    sheet: Worksheet, title: str, lang: str, header_rows: str | None, *, grid: bool = True
) -> None:
    """A4 landscape, fitted to the page width (as many pages tall as needed), header rows
    repeated on each page, grid lines printed, the title and page numbers in the margins."""
    from openpyxl.worksheet.page import PageMargins

    setup = sheet.page_setup
    setup.orientation = "landscape"
    setup.paperSize = 9  # A4 (Worksheet.PAPERSIZE_A4; a write-only sheet lacks the name)
    setup.fitToWidth = 1
    setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    if header_rows:
        sheet.print_title_rows = header_rows
    sheet.print_options.gridLines = grid
    sheet.print_options.horizontalCentered = True
    sheet.page_margins = PageMargins(
        left=0.4, right=0.4, top=0.6, bottom=0.6, header=0.3, footer=0.3
    )
    # & starts a header/footer code; Excel holds at most 255 characters there
    sheet.oddHeader.center.text = _margin_text(title)
    sheet.oddFooter.center.text = say("sheet.footer", lang)


def _margin_text(text: str) -> str:
    text = " ".join(xlsx_text(text).split())
    if len(text) > 120:
        text = text[:119] + "…"
    return text.replace("&", "&&")


def _data_sheet(book: Workbook, name: str, view: View, table: Table) -> Worksheet:
    """A sheet holding one table: frozen below its header, filtered, printable."""
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(name)
    title = view.title if table.title in ("", view.title) else f"{view.title} · {table.title}"
    _print_setup(sheet, title, view.lang, "1:1")  # before the rows: some of it heads the sheet
    laid = _Sheet(table, view.lang)
    measured, numbers = _measure(laid)
    widths = _set_widths(sheet, laid, measured)
    sheet.freeze_panes = f"{get_column_letter(laid.frozen + 1)}2"
    known = _known_length(laid.rows)
    rows = _Rows(sheet, None if known is None else known + 1, len(laid.headers))
    count = _write_table(rows, laid, widths, numbers)
    rows.close()
    last = get_column_letter(len(laid.headers))
    if len(laid.headers) > 1:
        sheet.auto_filter.ref = f"A1:{last}{count + 1}"
    _hints(sheet, table, count)
    return sheet


def _known_length(rows: Sequence[Sequence[Cell]]) -> int | None:
    """How many rows a table has, if that is known without making them (a lazy table of
    the results with a trend is not: `len()` would make and keep them all)."""
    hint = getattr(rows, "__length_hint__", None)
    if hint is None or isinstance(rows, list | tuple):
        return len(rows)
    known = hint()
    return None if known is NotImplemented else known


def _hints(sheet: Worksheet, table: Table, rows: int) -> None:
    """Each input column's hint as the input message of its data cells: one data validation
    per hint (allowing any value), over the runs of adjacent columns that share it."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    if not rows:
        return
    by_hint: dict[str, list[int]] = {}
    for index, column in enumerate(table.columns, start=1):
        if column.input and column.hint:
            by_hint.setdefault(column.hint, []).append(index)
    for hint, indexes in by_hint.items():
        title, _, text = hint.partition("\n") if "\n" in hint else ("", "", hint)
        check = DataValidation(allow_blank=True, showInputMessage=True)
        check.promptTitle = _cut(" ".join(title.split()), HINT_TITLE_MAX) or None
        check.prompt = _cut(text, HINT_MAX)
        runs: list[list[int]] = []
        for index in indexes:
            if runs and runs[-1][-1] == index - 1:
                runs[-1].append(index)
            else:
                runs.append([index])
        for run in runs:
            first, last = get_column_letter(run[0]), get_column_letter(run[-1])
            check.add(f"{first}2:{last}{rows + 1}")
        sheet.data_validations.append(check)


def _cut(text: str, most: int) -> str:
    """Text cut with "…" at `most` characters."""
    text = xlsx_text(text)
    return text if len(text) <= most else text[: most - 1] + "…"


# -------------------------------------------------------------------------- summary sheet


def _summary_sheet(book: Workbook, name: str, view: View, tables: list[Table]) -> Worksheet:
    """Title, summary lines, the summary tables one under another (the counts filled by
    status), the view's notes under them, and a native chart of each table a chart draws."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(name)
    _print_setup(sheet, view.title, view.lang, None, grid=False)  # before the rows, as above
    # the widths first (a write-only sheet writes them before its rows): each table's the
    # wider where a table above is wider, and a margin column before the charts
    laid_out = [_Sheet(table, view.lang) for table in tables]
    measures = [_measure(laid) for laid in laid_out]
    widths = [_set_widths(sheet, laid, measured)
              for laid, (measured, _) in zip(laid_out, measures, strict=True)]  # fmt: skip
    columns = max((len(t.columns) for t in tables), default=1)
    keys = {table.key for table in tables}
    charts = [c for c in view.charts
              if c.key in keys and any(bar.progress is not None for bar in c.bars)]  # fmt: skip
    if charts:
        sheet.column_dimensions[get_column_letter(columns + 1)].width = 3  # a margin
    # the notes wrap within the tables' width (a column no table sets has the default width,
    # and is written with it: asked for here, before the first row)
    room = sum(
        sheet.column_dimensions[get_column_letter(c)].width or 0 for c in range(1, columns + 1)
    )
    last_row = 1 + len(view.summary)
    below = last_row + 2  # where the tables start
    for laid in laid_out:
        last_row = below + len(laid.rows)
        below = last_row + 2
    if view.notes:
        last_row = below - 2 + len(view.notes)
    width = max([columns, *(len(laid.headers) for laid in laid_out)])
    rows = _Rows(sheet, last_row, width)
    _set(rows.cell(1, 1), view.title)
    rows.cell(1, 1).font = Font(bold=True, size=14)
    row = 2
    for line in view.summary:
        _set(rows.cell(row, 1), line)
        row += 1
    row += 1  # a blank row before the tables
    first_table = row
    placed: dict[str, tuple[Table, int]] = {}
    for table, laid, (_, numbers), width in zip(tables, laid_out, measures, widths, strict=True):
        _write_table(rows, laid, width, numbers, first_row=row, borders=True)
        placed[table.key] = (table, row)
        row += len(laid.rows) + 2  # a blank row between the tables
    for line in view.notes:  # under the tables, wrapped within their width (charts are beside)
        sheet.merged_cells.add(f"A{row - 1}:{get_column_letter(columns)}{row - 1}")
        note = rows.cell(row - 1, 1)
        _set(note, line)
        note.font = Font(italic=True, size=9, color="555555")
        note.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.row_dimensions[row - 1].height = LINE_HEIGHT * _lines(line, room * 1.15)
        row += 1
    rows.close()
    anchor = first_table
    for chart in charts:
        table, header_row = placed[chart.key]
        height = _native_chart(sheet, chart, table, header_row, columns + 2, anchor)
        anchor += math.ceil(height / 0.5) + 1  # rows of about half a centimetre
    return sheet


def _native_chart(
    sheet: Worksheet, chart: Chart, table: Table, header_row: int, column: int, row: int
) -> float:
    """A native clustered bar chart of the table's `progress` beside its `share` column, by
    its first column (the domains, top to bottom in the table's order). Returns its height
    in centimetres."""
    from openpyxl.chart import BarChart, Reference
    from openpyxl.chart.label import DataLabelList
    from openpyxl.utils import get_column_letter

    keys = [c.key for c in table.columns]
    if "progress" not in keys or "share" not in keys:
        return 0.0
    last = header_row + len(table.rows)
    drawn = BarChart()
    drawn.type = "bar"
    drawn.grouping = "clustered"
    drawn.title = xlsx_text(chart.title)
    drawn.style = 10
    for key in ("progress", "share"):
        index = keys.index(key) + 1
        drawn.add_data(
            Reference(sheet, min_col=index, max_col=index, min_row=header_row, max_row=last),
            titles_from_data=True,
        )
    drawn.set_categories(Reference(sheet, min_col=1, min_row=header_row + 1, max_row=last))
    progress, elapsed = drawn.series
    progress.graphicalProperties.solidFill = "1F77B4"
    progress.graphicalProperties.line.solidFill = "1F77B4"
    elapsed.graphicalProperties.solidFill = "F4A261"
    elapsed.graphicalProperties.line.solidFill = "F4A261"
    progress.dLbls = DataLabelList()
    progress.dLbls.showVal = True
    progress.dLbls.numFmt = "0%"
    for flag in ("showSerName", "showCatName", "showLegendKey", "showPercent"):
        setattr(progress.dLbls, flag, False)
    drawn.gapWidth = 60
    drawn.x_axis.scaling.orientation = "maxMin"  # top to bottom, in the table's order
    drawn.x_axis.delete = False
    drawn.y_axis.delete = False
    drawn.y_axis.crosses = "max"  # the value axis below the bars
    drawn.y_axis.number_format = "0%"
    drawn.y_axis.scaling.min = 0
    drawn.y_axis.scaling.max = 1
    drawn.y_axis.majorUnit = 0.2
    drawn.legend.position = "b"
    drawn.width = 17
    drawn.height = max(8.0, 1.1 * len(table.rows) + 3)
    sheet.add_chart(drawn, f"{get_column_letter(column)}{row}")
    return drawn.height
