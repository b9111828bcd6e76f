"""What a view is: plain tables of typed cells, which every format can render.

A view knows nothing of formats and a format knows nothing of commands: `views/<thing>.py`
turns a library object (a plan, an assessment, a comparison, problems, a template) into a
`View`; `formats/<name>.py` renders any `View`. Adding a format touches no command; adding a
command touches no format.

Cells are typed so each format can do right by them: a `Figure` is stored as a number with
its number format in XLSX and shown as its text elsewhere; a `Status` is filled with its
colour (XLSX, HTML), coloured or shown as a glyph (terminal, matrix) and written with its code
next to its label (CSV); `Text` may carry a style. Plain `str`/`int`/`None` are text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from psplan.views.numbers import Figure


@dataclass(frozen=True)
class Status:
    """A status (of a result, a comparison, a problem): its code and its label."""

    code: str
    label: str

    def __str__(self) -> str:
        return self.label


@dataclass(frozen=True)
class Text:
    """Text with a style: "bold" (a binding indicator), "dim" (a note)."""

    text: str
    style: str | None = None

    def __str__(self) -> str:
        return self.text


Cell = Figure | Status | Text | str | int | float | None


def shown(cell: Cell) -> str:
    """The text a cell shows in every text format."""
    if cell is None:
        return ""
    return str(cell)


@dataclass(frozen=True)
class Column:
    """A column: `key` is its code (JSON keys, the CSV code column), `label` its header.

    `wide` columns hold long text (names, reasons) that may wrap; the others (figures,
    statuses, years) never break. `optional` columns are details a narrow format (a terminal)
    may leave out, saying so, before it gives up the grid for one block per row.

    `input` columns are the ones the reader fills in (a collection sheet's blank columns: the
    years to report, a reason to give): a spreadsheet marks their cells as the ones to fill,
    keeps the columns before the first of them in view, and leaves room to write (a `wide`
    input column is as wide as its text may wrap). `hint` says what to write in an input
    column: a spreadsheet shows it when one of its cells is selected, its first line as the
    message's title when it has more than one."""

    key: str
    label: str
    wide: bool = False
    optional: bool = False
    input: bool = False
    hint: str = ""


@dataclass
class Table:
    """Rows of cells under columns.

    - `group`: the key of a column whose value is shown once per run of equal values (the
      domain), with a line between runs.
    - `notes`: lines printed under a row (the plan's notes, an override, 原因分析), by row index.
    - `matrix`: a region × indicator matrix; its `Status` cells may be drawn as glyphs or colour.
    """

    key: str
    title: str
    columns: tuple[Column, ...]
    rows: list[tuple[Cell, ...]]
    group: str | None = None
    notes: dict[int, list[str]] = field(default_factory=dict)
    #: Whether rows of this table may carry notes (a CSV then always has the notes column, so
    #: its columns do not depend on the data or the language).
    noted: bool = False
    matrix: bool = False
    #: The rows as duckdb words them (a country's county results), for a format that writes
    #: text: made when read, None where there is no such query.
    sql: Callable[[], SqlRows | None] | None = None

    def column(self, key: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.key == key)


@dataclass
class SqlRows:
    """A table's rows as duckdb words them, for the formats that write text (CSV): each
    column's cells (`vectorised_cells.Cell`: the same cell for every row of an indicator or
    of a region, or SQL of the text shown), the SQL of the code of each status column, and
    the query: `rows(select=…, source=…, parameters=…)` gives batches of (rk, gk, values…),
    the values None in a row duckdb does not word, which `row(i)` makes as the table's other
    rows are made."""

    cells: list[tuple[str, Any, Any]]
    codes: dict[int, str]
    source: Callable[[Any], str]
    rows: Callable[..., Any]
    row: Callable[[int], tuple]
    parameters: dict[str, Any]
    #: the notes under a worded row of goal `gk` (its indicator's: a result with notes of
    #: its own is never worded)
    notes: Callable[[int], list[str]]
    #: SQL of the worded rows that are rows of the table (None: every one; a result
    #: without a trend has no row of the trends table)
    where: str | None = None


@dataclass(frozen=True)
class Bar:
    """One bar of a progress chart: a label, the progress made (a fraction, None if not
    computable), the time share at the year judged, and the status that colours it."""

    label: str
    progress: float | None
    share: float | None
    status: str
    key: str = ""


@dataclass
class Chart:
    """A bar chart of progress against the time share: by result (HTML) or by domain (XLSX)."""

    key: Literal["progress", "domains"]
    title: str
    bars: list[Bar]
    value_label: str = ""
    line_label: str = ""
    note: str = ""  # said under it: what it leaves out (judged, without a progress figure)


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of prose: runs of text, each plain (`str`) or styled (`Text`: "bold" for a
    label such as 原因分析：, "placeholder" for 【待填写】 where nobody wrote anything)."""

    runs: tuple[Text | str, ...]

    def __str__(self) -> str:
        return "".join(str(run) for run in self.runs)


@dataclass
class Section:
    """A titled part of a report (the evaluation report's 总体情况, 主要指标完成情况 …): its
    paragraphs, then the tables and charts of the view it places, named by key. `level` 1 is
    a chapter, 2 a section under it."""

    title: str
    paragraphs: list[Paragraph | str] = field(default_factory=list)
    tables: list[str] = field(default_factory=list)
    charts: list[str] = field(default_factory=list)
    level: int = 1


@dataclass
class View:
    """What a command shows.

    - `data`: the JSON contract (the library object's `to_dict()`), which the JSON format
      writes as is.
    - `summary`: lines before the tables (the counts, the year judged).
    - `tables`: the tables; `primary` names the one a single-table format (CSV) writes. A
      view may give a function that makes them instead, called when a format first reads
      them: the JSON format never does, and at county scale the tables cost as much as
      the JSON.
    - `notes`: lines after the tables (footnotes, warnings about what is not shown).
    - `charts`: charts for the formats that draw (HTML, XLSX); or, as for the tables, a
      function that makes them.
    - `sections`: a report in prose (Word, and markdown and HTML when present): each section's
      paragraphs and the tables and charts it places; formats without prose (CSV, XLSX, JSON)
      ignore it and write the tables.
    """

    kind: str
    title: str
    lang: str
    data: Any
    tables: list[Table] = field(default_factory=list)  # or Callable[[], list[Table]]
    summary: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)  # or Callable[[], list[Chart]]
    primary: str = ""
    sections: list[Section] = field(default_factory=list)
    #: The primary table made alone (a CSV of county results needs no other), or None
    primary_table: Callable[[], Table] | None = None

    def table(self, key: str | None = None) -> Table | None:
        key = key or self.primary
        if key == self.primary and self.primary_table is not None:
            return self.primary_table()
        found = [t for t in self.tables if t.key == key] if key else self.tables[:1]
        return found[0] if found else None


def _made_when_read(name: str) -> property:
    """A field of `View` that may be given as a function, called when first read."""
    key = f"_{name}"

    def get(view: View) -> Any:
        value = view.__dict__[key]
        if callable(value):
            value = view.__dict__[key] = value()
        return value

    def set_(view: View, value: Any) -> None:
        view.__dict__[key] = value

    return property(get, set_)


# after the dataclass is made: its __init__ sets them through the properties
View.tables = _made_when_read("tables")  # type: ignore[assignment]
View.charts = _made_when_read("charts")  # type: ignore[assignment]
