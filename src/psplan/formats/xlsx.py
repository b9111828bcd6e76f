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
- Written by XlsxWriter (a styled cell costs a quarter of what openpyxl's write-only mode
  took). A workbook of up to `XLSXWRITER_CELLS` cells is written by it alone, each text
  stored once (the shared strings) and its cells referring to it. A larger one (a matrix of
  a country's counties, every result of them) has its data sheets' rows written as XML
  (`xlsx_rows`: each text in full, in a fifth of the time a cell) to a spool on disk, and
  spliced into the sheets XlsxWriter wrote around them, so no more than a row is held in
  memory. Either way a table's column widths are measured on its first `MEASURED_ROWS`
  rows; the cells, their styles and the sheets' settings are the same (a test reads both
  back). The data sheets are written a row at a time, from the sheet whose next row comes
  from the earliest result (`_written`): every result, the lagging ones and the trends of a
  country's counties read each result once, not once a sheet. openpyxl reads workbooks
  (`psplan.actuals`), and the tests read these back with it.
"""

from __future__ import annotations

import functools
import io
import itertools
import math
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from psplan import progress
from psplan.errors import PsplanError, quoted
from psplan.formats import FIXED_DATE, xlsx_rows
from psplan.formats.colours import STATUS_FILLS
from psplan.formats.escape import is_formula_text, xlsx_text
from psplan.formats.spool import once
from psplan.views.model import Cell, Chart, Status, Table, Text, View
from psplan.views.numbers import Figure
from psplan.words import say

if TYPE_CHECKING:  # xlsxwriter is imported only when a workbook is written
    from xlsxwriter.format import Format
    from xlsxwriter.workbook import Workbook
    from xlsxwriter.worksheet import Worksheet

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
#: The most rows a sheet holds (Excel's limit; XlsxWriter drops a cell past it unsaid).
MAX_ROWS = 1_048_576
#: Characters a sheet name may not hold, and the most it may have.
_SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")
SHEET_NAME_MAX = 31


def render(view: View, *, color: bool = False, width: int | None = None) -> bytes:
    """The view as a workbook (`color` and `width` do not apply)."""
    import shutil
    import tempfile

    from psplan import signals

    # XlsxWriter writes the workbook's parts to temporary files, and a large sheet's rows go
    # to one: in a folder of psplan's, removed whatever happens (Ctrl-C left 25 MB behind),
    # a signal held while it is made and removed (one then left it half removed)
    folder = None
    try:
        with signals.held():  # (made and named at once)
            folder = tempfile.mkdtemp(prefix="psplan-xlsx-")
        return _render(view, folder)
    finally:
        if folder is not None:
            with signals.held():
                shutil.rmtree(folder, ignore_errors=True)


def chunks(view: View, *, color: bool = False, width: int | None = None) -> Iterator[bytes]:
    """The workbook as one piece, made once its output is being written (`psplan.output`):
    a signal then (SIGTERM, SIGHUP as well as Ctrl-C) ends the writing cleanly, XlsxWriter's
    temporary files removed with the output's."""
    yield render(view, color=color, width=width)


#: The most cells a workbook's sheets are written by XlsxWriter alone; a larger workbook's
#: data sheets have their rows written as XML (`xlsx_rows`: a fifth of the time a cell), and
#: XlsxWriter the rest. Below it the workbook is the smaller, each text stored once (the
#: shared strings).
XLSXWRITER_CELLS = 100_000


def _cells(view: View) -> int | None:
    """How many cells the view's tables fill at most (a row's notes one more), None where
    that is not known without making their rows."""
    total = 0
    for table in view.tables:
        rows = _known_length(table.rows)
        if rows is None:
            rows = getattr(table.rows, "most", None)  # (a lazy table of results with a trend)
            if rows is None:
                return None
        total += (rows + 1) * (len(table.columns) + 1)
    return total


def _render(view: View, folder: str) -> bytes:
    import xlsxwriter

    from psplan import signals

    cells = _cells(view)
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {
        "tmpdir": folder,
        # text is text: never read as a number, a formula or a link (cells are typed)
        "strings_to_numbers": False, "strings_to_formulas": False, "strings_to_urls": False,
    })  # fmt: skip
    book.set_properties({"title": xlsx_text(view.title)[:200], "author": "psplan",
                         "created": FIXED_DATE.replace(tzinfo=None)})  # fmt: skip
    styles = _Styles(book)
    drawn = {chart.key for chart in view.charts}
    on_summary = [t for t in view.tables if t.key == COUNTS or (t.key in drawn and not t.matrix)]
    names: set[str] = set()
    if on_summary or view.summary or view.notes:
        name = _sheet_name(say("sheet.summary", view.lang), names)
        _summary_sheet(book, styles, name, view, on_summary)
    summary_ids = {id(table) for table in on_summary}
    as_xml = folder if cells is None or cells > XLSXWRITER_CELLS else None
    sheets: list[_DataSheet] = []
    try:
        laid = [_Sheet(table, view.lang) for table in view.tables if id(table) not in summary_ids]
        _made_in_turn(laid)
        for each in laid:
            name = _sheet_name(_sheet_title(each.table, view), names, each.table.key)
            sheets.append(_data_sheet(book, styles, name, view, each, as_xml))
        counts = _written(sheets, view.lang)
        spliced = [s for s in (sh.finish(n) for sh, n in zip(sheets, counts, strict=True)) if s]
        book.close()
        return xlsx_rows.splice(buffer.getvalue(), spliced) if spliced else buffer.getvalue()
    finally:  # (before the folder goes: an error, a signal — held until they are closed)
        with signals.held():
            for sheet in sheets:
                sheet.rows.close()
                if sheet.xml is not None:
                    sheet.xml.close()


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


def _write(sheet: Worksheet, row: int, column: int, value: Cell, styles: _Styles,
           style: _Style = None) -> None:  # fmt: skip
    """One cell (`row` and `column` 1-based, as a sheet names them), typed (`_typed`)."""
    kind, stored, style = _typed(value, style)
    form = styles.get(style)
    if kind == "string":
        _string(sheet, row - 1, column - 1, stored, form)  # type: ignore[arg-type]
    elif kind == "number":
        sheet.write_number(row - 1, column - 1, stored, form)  # type: ignore[arg-type]
    elif kind == "boolean":
        sheet.write_boolean(row - 1, column - 1, stored, form)  # type: ignore[arg-type]
    else:
        sheet.write_blank(row - 1, column - 1, None, form)


def _string(sheet: Worksheet, row: int, column: int, text: str, form: Format | None) -> None:
    """`write_string` (0-based), but for a text XlsxWriter takes for rich-string XML of its
    own (<r>…</r>, written unescaped: read back empty, or a broken file), which is written
    as a rich string of three plain runs: the same text."""
    if text.startswith("<r>") and text.endswith("</r>"):
        runs = (text[:1], text[1:2], text[2:])
        sheet.write_rich_string(row, column, *runs, *([form] if form is not None else []))
    else:
        sheet.write_string(row, column, text, form)


def _cell_xml(reference: str, value: Cell, styles: _Styles, style: _Style = None) -> str | None:
    """`_write`'s cell as the sheet's XML (`xlsx_rows`): None where XlsxWriter writes none
    (a blank without a style)."""
    kind, stored, style = _typed(value, style)
    attribute = styles.attribute(style)
    if kind == "blank":
        return f'<c r="{reference}"{attribute}/>' if attribute else None
    return f'<c r="{reference}"{attribute}{_XML_OF[kind](stored)}'


#: A typed cell's XML after its reference and style, by kind (`_typed`).
_XML_OF: dict[str, Any] = {
    "string": xlsx_rows.string_xml,
    "number": xlsx_rows.number_xml,
    "boolean": xlsx_rows.boolean_xml,
}


def _typed(value: Cell, style: _Style) -> tuple[str, object, _Style]:
    """What a cell stores, typed: a number stays a number ("number"), any text a string
    ("string": one that looks like a formula, =1+1, quote-prefixed, so it stays text when
    someone edits it), else "boolean" or "blank"; with its style."""
    kind = type(value)  # (the common cells first: a county sheet has millions)
    if kind is Figure:
        stored: object = value.value  # type: ignore[union-attr]
    elif kind is str:
        stored = value
    elif isinstance(value, Status):
        stored = value.label
    elif isinstance(value, Text):
        stored = value.text
    elif isinstance(value, Figure):
        stored = value.value
    else:
        stored = value
    if isinstance(stored, str):
        text, formula = _text(stored)
        if formula:
            style = (*(style or _PLAIN)[:5], True)  # type: ignore[assignment]
        return "string", text, style
    if stored is None:
        return "blank", None, style
    if isinstance(stored, bool):
        return "boolean", stored, style
    if isinstance(stored, int | float) and math.isfinite(stored):
        return "number", stored, style
    # Excel holds no infinity: shown as the text a reader knows
    return "string", xlsx_text(_shown(value)), style


@functools.lru_cache(maxsize=4096)
def _text(text: str) -> tuple[str, bool]:
    """A text as a cell stores it (`xlsx_text`), and whether it looks like a formula;
    remembered, as a county-scale sheet repeats its labels, units and names."""
    stored = xlsx_text(text)
    return stored, is_formula_text(stored)


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
    a CJK character a little over two, a digit or capital one, other Latin characters less.
    Counted in whole tenths (a running float sum could tip a ceil up: 56.00000000000001), each
    character's looked up once (a spread's list of lagging counties is 20,000 of them)."""
    return sum(map(_tenths, line)) / 10


@functools.lru_cache(maxsize=8192)
def _tenths(character: str) -> int:
    from wcwidth import wcwidth

    if character.isascii():
        return 10 if character.isdigit() or character.isupper() else 8
    return 22 if wcwidth(character) == 2 else 10


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
        #: the first rows' cells, made ahead (`_made_in_turn`) to size the columns, and then
        #: written from here
        self.ahead: list[list[Cell]] | None = None

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
        of a lazy table made as written and not kept (see `spool.once`). The rows made
        ahead come first, as they were made."""
        width = len(self.table.columns)
        ahead = self.ahead or []
        yield from enumerate(ahead)
        rows = itertools.islice(self.rows if kept else once(self.rows), len(ahead), None)
        for index, row in enumerate(rows, start=len(ahead)):
            cells = list(row[:width]) + [None] * (width - len(row))
            if self.notes:
                cells.append("\n".join(self.table.notes.get(index, [])))
            yield index, cells

    def first_rows(self) -> Sequence[Sequence[Cell]]:
        """The rows that size the columns: those made ahead, else the first `MEASURED_ROWS`."""
        if self.ahead is not None:
            return self.ahead
        return [row for _, row in itertools.islice(self.cells(), MEASURED_ROWS)]


#: A cell's style: (number format, alignment, fill, border, bold, quote prefix), each part
#: None or False where the cell has none (`_Styles.get`).
_Style = tuple[str | None, str | None, str | None, bool, bool, bool] | None
_PLAIN = (None, None, None, False, False, False)
#: The alignments a cell may have, by name.
_ALIGNMENTS: dict[str, dict[str, Any]] = {
    "wrap": {"text_wrap": True, "valign": "top"},
    "top": {"valign": "top"},
    "right": {"align": "right"},
    "right-top": {"align": "right", "valign": "top"},
    "center": {"align": "center"},
}
BORDER_COLOUR = "#BFBFBF"


class _Styles:
    """The workbook's cell formats by what they combine, each made once (a workbook lists
    each format once; a county-scale sheet looks its few up 185,600 times)."""

    def __init__(self, book: Workbook) -> None:
        self.book = book
        self._made: dict[tuple, Format | None] = {_PLAIN: None}
        self._attributes: dict[_Style, str] = {}
        self.fills = {status: f"#{colour}" for status, colour in FILLS.items()}
        self.fills["input"] = f"#{INPUT_FILL}"

    def get(self, style: _Style) -> Format | None:
        if style is None:
            return None
        made = self._made.get(style, False)
        if made is not False:
            return made
        number_format, alignment, fill, border, bold, quoted = style
        options: dict[str, Any] = {}
        if number_format:
            options["num_format"] = number_format
        if alignment:
            options.update(_ALIGNMENTS[alignment])
        if fill:
            options.update(pattern=1, bg_color=self.fills[fill])
        if border:
            options.update(border=1, border_color=BORDER_COLOUR)
        if bold:
            options["bold"] = True
        if quoted:
            options["quote_prefix"] = True
        made = self._made[style] = self.book.add_format(options)
        return made

    def attribute(self, style: _Style) -> str:
        """The style attribute of a cell of `style` in the sheet's XML (`xlsx_rows`)."""
        found = self._attributes.get(style)
        if found is None:
            found = self._attributes[style] = xlsx_rows.style(self.get(style))
        return found

    def header(self, text: str, border: bool) -> Format:
        """A table's header cell: white bold on dark blue, wrapped, centred vertically."""
        options: dict[str, Any] = {"bold": True, "font_color": "#FFFFFF", "pattern": 1,
                                   "bg_color": f"#{HEADER_FILL}", "valign": "vcenter",
                                   "text_wrap": True}  # fmt: skip
        if border:
            options.update(border=1, border_color=BORDER_COLOUR)
        return self.of(text, options, ("header", border))

    def of(self, text: str, options: dict[str, Any], key: object = None) -> Format:
        """The format of `options` (a title's, a note's) for `text`, quote-prefixed where
        the text looks like a formula (it stays text when edited); made once by `key`."""
        quoted = is_formula_text(text)
        key = (key if key is not None else tuple(sorted(options.items())), quoted)
        made = self._made.get(key)
        if made is None:
            made = self._made[key] = self.book.add_format(
                {**options, "quote_prefix": True} if quoted else options
            )
        return made


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
    rows = laid.first_rows()
    for column, values in enumerate(zip(*rows, strict=True), start=1):  # (rows padded)
        # each cell object once: a matrix repeats its few statuses in every row
        for value in {id(value): value for value in values}.values():
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


def _set_widths(
    sheet: Worksheet, laid: _Sheet, measured: dict[int, float], set_before: dict[int, float]
) -> dict[int, float]:
    """The sheet's column widths for a table, the wider where a table above set one
    (`set_before`, kept up to date); returns them (what its rows wrap at)."""
    widths = {}
    for column in range(1, len(laid.headers) + 1):
        width = min(max(measured[column] + 2, 6), max(60, laid.wrap.get(column, 0) + 2))
        width = max(width, set_before.get(column, 0))  # a table above: the wider of the two
        sheet.set_column(column - 1, column - 1, width)
        set_before[column] = widths[column] = width
    return widths


def _rows_written(
    sheet: Worksheet,
    styles: _Styles,
    laid: _Sheet,
    widths: dict[int, float],
    numbers: set[int],
    first_row: int = 1,
    *,
    borders: bool = False,
    as_xml: xlsx_rows.SheetRows | None = None,
    shown: bool = False,
) -> Iterator[None]:
    """The header at `first_row`, the rows below it, each row as tall as its wrapped texts
    (the columns `widths` wide, already set): the rows by XlsxWriter, or `as_xml` (a large
    data sheet's, spliced in once the workbook is written). It yields once each row is
    written (`_written` writes several sheets' in turn, `_all` one sheet's) and returns how
    many it wrote; `shown`: its rows counted on a terminal."""
    from xlsxwriter.utility import xl_col_to_name

    headers = laid.headers
    right = {column for column in numbers if column not in laid.wrap}
    header_lines = max(_lines(h, widths[c]) for c, h in enumerate(headers, start=1))
    if header_lines > 1:
        sheet.set_row(first_row - 1, LINE_HEIGHT * min(header_lines, 12))
    for column, header in enumerate(headers, start=1):
        text = xlsx_text(header)
        _string(sheet, first_row - 1, column - 1, text, styles.header(text, borders))
    written = 0
    # a matrix's status cells, each the same text and format wherever its status is
    statuses = laid.statuses - laid.inputs
    status_cells: dict[Status, tuple[str, Format | None, str]] = {}
    letters = [xl_col_to_name(column) for column in range(len(headers))]
    known = _known_length(laid.rows)
    if known is not None and first_row + known > MAX_ROWS:
        raise _too_long(sheet, first_row + known)
    made = laid.cells(kept=False)
    for index, row in progress.writing(made, sheet.name, known) if shown else made:
        number_ = first_row + 1 + index
        if number_ > MAX_ROWS:  # (a lazy table's rows are counted as they come)
            raise _too_long(sheet, number_)
        lines = max(
            (
                _lines(_shown(value), widths[column])
                for column, value in enumerate(row, start=1)
                if column in laid.wrap and column not in laid.statuses and value
            ),
            default=1,
        )
        tall = lines > 1 or any(isinstance(v, str) and "\n" in v for v in row)
        height = LINE_HEIGHT * min(lines, 27) if lines > 1 else None
        if height is not None and as_xml is None:
            sheet.set_row(number_ - 1, height)
        cells: list[str] = []
        for column, value in enumerate(row, start=1):
            if column in statuses and type(value) is Status:  # a matrix's: 185,600 of them
                found = status_cells.get(value)
                if found is None:
                    fill = value.code if value.code in FILLS else None
                    text, formula = _text(value.label)
                    style = (None, "center", fill, borders, False, formula)
                    xml = styles.attribute(style) + xlsx_rows.string_xml(text)
                    found = status_cells[value] = (text, styles.get(style), xml)
                if as_xml is None:
                    sheet.write_string(number_ - 1, column - 1, found[0], found[1])
                else:
                    cells.append(f'<c r="{letters[column - 1]}{number_}"{found[2]}')
                continue
            empty = value is None or value == ""
            filled_in = column in laid.inputs  # styled even empty: a cell to fill
            if empty and not borders and not filled_in:
                continue
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
            style = (number_format, alignment, fill, borders, bold, False)
            if as_xml is None:
                _write(sheet, number_, column, None if empty else value, styles, style)
            else:
                reference = f"{letters[column - 1]}{number_}"
                xml = _cell_xml(reference, None if empty else value, styles, style)
                if xml is not None:
                    cells.append(xml)
        if as_xml is not None:
            as_xml.row(number_, height, cells)
        written = index + 1
        yield
    return written


def _all(rows: Iterator[None]) -> int:
    """Every row of `_rows_written` written; how many."""
    while True:
        try:
            next(rows)
        except StopIteration as done:
            return done.value  # type: ignore[no-any-return]


def _too_long(sheet: Worksheet, rows: int) -> PsplanError:
    """The sheet would be longer than a sheet can be: said, not cut short."""
    return PsplanError("xlsx.sheet_too_long", sheet=quoted(sheet.name), rows=f"{rows:,}",
                       most=f"{MAX_ROWS:,}")  # fmt: skip


def _print_setup(
    sheet: Worksheet, title: str, lang: str, header_rows: bool, *, grid: bool = True
) -> None:
    """A4 landscape, fitted to the page width (as many pages tall as needed), the header row
    repeated on each page (`header_rows`), grid lines printed, the title and page numbers in
    the margins."""
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.fit_to_pages(1, 0)
    if header_rows:
        sheet.repeat_rows(0)
    sheet.hide_gridlines(0 if grid else 1)  # 0: printed too; 1: on the screen only
    sheet.center_horizontally()
    sheet.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
    # & starts a header/footer code; Excel holds at most 255 characters there
    sheet.set_header(f"&C{_margin_text(title)}", {"margin": 0.3})
    sheet.set_footer(f"&C{say('sheet.footer', lang)}", {"margin": 0.3})


def _margin_text(text: str) -> str:
    text = " ".join(xlsx_text(text).split())
    if len(text) > 120:
        text = text[:119] + "…"
    return text.replace("&", "&&")


def _made_in_turn(laid: list[_Sheet]) -> None:
    """The rows that size the columns (`MEASURED_ROWS` of each sheet) made and kept a row at a
    time from the sheet whose next row comes from the earliest result, as `_written` writes
    them: the results, the lagging ones and the trends are then made once for the three
    sheets, not once a sheet (for 290 counties' 18,560 results a third of the making)."""
    going: list[tuple[_Sheet, Iterator[tuple[int, Sequence[Cell]]], list[list[Cell]]]] = []
    for each in laid:
        each.ahead = []
        going.append((each, iter(each.cells()), each.ahead))
    while going:
        entry = min(going, key=lambda entry: _result_of(entry[0].rows, "taking"))
        _, reader, ahead = entry
        row = next(reader, None) if len(ahead) < MEASURED_ROWS else None
        if row is None:
            going.remove(entry)
        else:
            ahead.append(list(row[1]))


def _result_of(rows: Sequence[Sequence[Cell]], which: str) -> int:
    """Which result a table's next row comes from, as its `which` ("taking" or "next_item")
    says; -1 for a table not of results, or one not started or done (its turn comes first)."""
    found = getattr(rows, which, None)
    item = found() if found is not None else None
    return -1 if item is None else item


def _data_sheet(
    book: Workbook, styles: _Styles, name: str, view: View, laid: _Sheet, as_xml: str | None
) -> _DataSheet:
    """A sheet holding one table: frozen below its header, filtered, printable; its rows
    written by XlsxWriter, or as XML to a file in the folder `as_xml` (what
    `xlsx_rows.splice` then puts in), as `_DataSheet.rows` is read."""
    sheet = book.add_worksheet(name)
    table = laid.table
    title = view.title if table.title in ("", view.title) else f"{view.title} · {table.title}"
    _print_setup(sheet, title, view.lang, True)
    measured, numbers = _measure(laid)
    widths = _set_widths(sheet, laid, measured, {})
    sheet.freeze_panes(1, laid.frozen)
    xml = xlsx_rows.SheetRows(as_xml) if as_xml else None
    rows = _rows_written(sheet, styles, laid, widths, numbers, as_xml=xml)
    return _DataSheet(sheet, table, laid, rows, xml, len(book.worksheets()))


@dataclass
class _DataSheet:
    """A data sheet laid out, its rows written as `rows` is read (`_written`)."""

    sheet: Worksheet
    table: Table
    laid: _Sheet
    rows: Iterator[None]
    xml: xlsx_rows.SheetRows | None
    number: int  # its part's number (sheet1.xml …)

    def finish(self, count: int) -> xlsx_rows.Spliced | None:
        """The filter over its `count` rows and the hints; what `splice` puts in."""
        if len(self.laid.headers) > 1:
            self.sheet.autofilter(0, 0, count, len(self.laid.headers) - 1)
        _hints(self.sheet, self.table, count)
        if self.xml is None:
            return None
        return xlsx_rows.Spliced(self.number, self.xml, len(self.laid.headers))


def _written(sheets: list[_DataSheet], lang: str) -> list[int]:
    """Each sheet's rows written, a row at a time from the sheet whose next row comes from
    the earliest result (`next_item` of a table of results): a country's results, the
    lagging ones and the trends then read each result one after another, and it (with its
    trend) is made once, not once a sheet (`LazyResults` keeps the last made, `trends.Recent`
    the last trends). Returns how many rows each wrote."""
    counts = [0] * len(sheets)
    going = list(range(len(sheets)))
    known = [_known_length(sheet.laid.rows) for sheet in sheets]
    total = None if None in known else sum(known)  # type: ignore[arg-type]
    big = [s.sheet.name for s, n in zip(sheets, known, strict=True)
           if n is None or n >= progress.MIN_ROWS]  # fmt: skip
    names = say("sep.list", lang).join(big or [sheet.sheet.name for sheet in sheets])

    def turns() -> Iterator[None]:
        while going:
            position = min(going, key=lambda at: _result_of(sheets[at].laid.rows, "next_item"))
            try:
                next(sheets[position].rows)
            except StopIteration as done:
                counts[position] = done.value
                going.remove(position)
                continue
            yield

    for _ in progress.writing(turns(), names, total):
        pass
    return counts


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
    from xlsxwriter.utility import xl_range

    if not rows:
        return
    by_hint: dict[str, list[int]] = {}
    for index, column in enumerate(table.columns, start=1):
        if column.input and column.hint:
            by_hint.setdefault(column.hint, []).append(index)
    for hint, indexes in by_hint.items():
        title, _, text = hint.partition("\n") if "\n" in hint else ("", "", hint)
        runs: list[list[int]] = []
        for index in indexes:
            if runs and runs[-1][-1] == index - 1:
                runs[-1].append(index)
            else:
                runs.append([index])
        ranges = [xl_range(1, run[0] - 1, rows, run[-1] - 1) for run in runs]
        options: dict[str, Any] = {"validate": "any", "ignore_blank": True,
                                   "input_message": _cut(text, HINT_MAX),
                                   "multi_range": " ".join(ranges)}  # fmt: skip
        heading = _cut(" ".join(title.split()), HINT_TITLE_MAX)
        if heading:
            options["input_title"] = heading
        sheet.data_validation(1, runs[0][0] - 1, rows, runs[0][-1] - 1, options)


def _cut(text: str, most: int) -> str:
    """Text cut with "…" at `most` characters."""
    text = xlsx_text(text)
    return text if len(text) <= most else text[: most - 1] + "…"


# -------------------------------------------------------------------------- summary sheet


def _summary_sheet(
    book: Workbook, styles: _Styles, name: str, view: View, tables: list[Table]
) -> Worksheet:
    """Title, summary lines, the summary tables one under another (the counts filled by
    status), the view's notes under them, and a native chart of each table a chart draws."""
    sheet = book.add_worksheet(name)
    _print_setup(sheet, view.title, view.lang, False, grid=False)
    # each table's widths the wider where a table above is wider, and a margin column
    # before the charts
    laid_out = [_Sheet(table, view.lang) for table in tables]
    measures = [_measure(laid) for laid in laid_out]
    set_before: dict[int, float] = {}
    widths = [_set_widths(sheet, laid, measured, set_before)
              for laid, (measured, _) in zip(laid_out, measures, strict=True)]  # fmt: skip
    columns = max((len(t.columns) for t in tables), default=1)
    keys = {table.key for table in tables}
    charts = [c for c in view.charts
              if c.key in keys and any(bar.progress is not None for bar in c.bars)]  # fmt: skip
    if charts:
        sheet.set_column(columns, columns, 3)  # a margin
    # the notes wrap within the tables' width (a column no table sets has Excel's default)
    room = sum(set_before.get(c, DEFAULT_WIDTH) for c in range(1, columns + 1))
    title = xlsx_text(view.title)
    _string(sheet, 0, 0, title, styles.of(title, {"bold": True, "font_size": 14}))
    row = 2
    for line in view.summary:
        _write(sheet, row, 1, line, styles)
        row += 1
    row += 1  # a blank row before the tables
    first_table = row
    placed: dict[str, tuple[Table, int]] = {}
    for table, laid, (_, numbers), width in zip(tables, laid_out, measures, widths, strict=True):
        _all(_rows_written(sheet, styles, laid, width, numbers, row, borders=True, shown=True))
        placed[table.key] = (table, row)
        row += len(laid.rows) + 2  # a blank row between the tables
    for line in view.notes:  # under the tables, wrapped within their width (charts are beside)
        at, text = row - 2, xlsx_text(line)  # 0-based: the row below the last table's blank one
        note = styles.of(text, {"italic": True, "font_size": 9, "font_color": "#555555",
                                "text_wrap": True, "valign": "top"})  # fmt: skip
        sheet.set_row(at, LINE_HEIGHT * _lines(line, room * 1.15))
        if columns > 1:
            sheet.merge_range(at, 0, at, columns - 1, "", note)
        _string(sheet, at, 0, text, note)
        row += 1
    anchor = first_table
    for chart in charts:
        table, header_row = placed[chart.key]
        height = _native_chart(book, sheet, name, chart, table, header_row, columns + 2, anchor)
        anchor += math.ceil(height / 0.5) + 1  # rows of about half a centimetre
    return sheet


#: The width (in characters) of a column no table sets: Excel's default.
DEFAULT_WIDTH = 8.43
#: Pixels per centimetre at Excel's 96 dots per inch (a chart's size is set in pixels).
PIXELS_PER_CM = 96 / 2.54


def _native_chart(
    book: Workbook,
    sheet: Worksheet,
    name: str,
    chart: Chart,
    table: Table,
    header_row: int,
    column: int,
    row: int,
) -> float:
    """A native clustered bar chart of the table's `progress` beside its `share` column, by
    its first column (the domains, top to bottom in the table's order). Returns its height
    in centimetres."""
    keys = [c.key for c in table.columns]
    if "progress" not in keys or "share" not in keys:
        return 0.0
    first, last = header_row, header_row + len(table.rows) - 1  # 0-based: the data rows
    drawn = book.add_chart({"type": "bar", "subtype": "clustered"})
    assert drawn is not None
    for key, colour in (("progress", "#1F77B4"), ("share", "#F4A261")):
        index = keys.index(key)
        series: dict[str, Any] = {
            "name": [name, header_row - 1, index],
            "categories": [name, first, 0, last, 0],
            "values": [name, first, index, last, index],
            "fill": {"color": colour},
            "border": {"color": colour},
            "gap": 60,
        }
        if key == "progress":
            series["data_labels"] = {"value": True, "num_format": "0%"}
        drawn.add_series(series)
    drawn.set_title({"name": xlsx_text(chart.title)})
    drawn.set_style(10)
    # in a bar chart XlsxWriter's x axis is the value axis (below the bars) and its y axis
    # the categories, top to bottom in the table's order
    drawn.set_x_axis({"num_format": "0%", "min": 0, "max": 1, "major_unit": 0.2})
    drawn.set_y_axis({"reverse": True, "crossing": "max"})
    drawn.set_legend({"position": "bottom"})
    height = max(8.0, 1.1 * len(table.rows) + 3)
    drawn.set_size({"width": round(17 * PIXELS_PER_CM), "height": round(height * PIXELS_PER_CM)})
    sheet.insert_chart(row - 1, column - 1, drawn)
    return height
