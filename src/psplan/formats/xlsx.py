"""The annual monitoring report as an Excel workbook an analyst can filter, chart and print.

- Figures are numbers, never text: each with a number format. A figure in an indicator's unit
  shows at least the plan's precision (the decimals printed in its target and baseline) and
  never fewer decimals than the figure has (up to 4, as every other format rounds). A figure of
  an indicator whose unit is % is stored as a real percentage (95.7 % is 0.957, format 0.0%),
  so a formula or a chart reads it right; progress and time share are fractions shown as
  percentages (0.44, format 0%), growth rates too (+0.00%). Negative gaps are plain negative
  numbers.
- Text stays text: a name starting with "=" is stored as a string (and quote-prefixed), never
  as a formula; control characters are shown (`psplan.formats.escape`).
- Every table: the header row frozen (with the name columns) and filtered, status cells filled
  with their colour, long texts wrapped. Every sheet prints on A4 landscape, fitted to the page
  width, the header row repeated on each page, with the plan and page number in the margins.
- The summary sheet holds the counts by status, the progress of each domain against its time
  share, and a native bar chart of the two.
"""

from __future__ import annotations

import functools
import io
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from copy import copy
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from psplan.assess.assessment import Assessment, Result, explain_disagreement
from psplan.assess.regions import spreads
from psplan.formats.cells import (
    STATUS_LABELS,
    attribute_text,
    baseline_text,
    number,
    percent,
    row_notes,
    trend_text,
)
from psplan.formats.escape import xlsx_is_formula_text, xlsx_text
from psplan.formats.report import column_headers, summary_line
from psplan.plan.model import Indicator

Report = Assessment
NOTES_HEADER = {"zh": "备注", "en": "notes"}

if TYPE_CHECKING:  # openpyxl is imported only when a workbook is written
    from openpyxl import Workbook
    from openpyxl.cell.cell import Cell
    from openpyxl.worksheet.worksheet import Worksheet

FILLS = {
    "met": "C8E6C9",
    "on_track": "B3E5FC",
    "behind": "FFE0B2",
    "not_met": "FFCDD2",
    "no_data": "EEEEEE",
    "needs_review": "E1BEE7",
}
HEADER_FILL = "1F4E79"
#: The most decimals a figure shows (every other format rounds to 4 too: `cells.number`).
MAX_DECIMALS = 4

# ------------------------------------------------------------------------------ numbers


@dataclass(frozen=True)
class Figure:
    """A number cell: the value stored, its number format, and the text it shows (for widths)."""

    value: float
    format: str
    shown: str


def decimals(value: float) -> int:
    """How many decimals `value` has, as every report prints it (at most 4)."""
    text = number(value)
    if "e" in text or "E" in text:
        return MAX_DECIMALS
    return len(text.partition(".")[2])


_NUMBER_RE = re.compile(r"\d+(?:\.(\d+))?")


def plan_precision(indicator: Indicator) -> int:
    """The decimals the plan prints in the indicator's target and baseline (95.2% → 1)."""
    return _precision(indicator.target.raw or "", indicator.baseline.raw or "")


@functools.lru_cache(maxsize=1024)
def _precision(*printed: str) -> int:
    found = [len(m.group(1) or "") for raw in printed for m in _NUMBER_RE.finditer(raw)]
    return min(max(found, default=0), MAX_DECIMALS)


def _fixed(places: int, percent_: bool = False) -> str:
    """A number format: thousands separated, `places` decimals, a percentage if asked."""
    if percent_:
        return ("0." + "0" * places if places else "0") + "%"
    return "#,##0." + "0" * places if places else "#,##0"


def _show(value: float, places: int, percent_: bool = False) -> str:
    if percent_:
        return f"{value * 100:.{places}f}%"
    return f"{value:,.{places}f}"


def is_percent(indicator: Indicator) -> bool:
    return (indicator.unit or "").strip() == "%"


def measure(
    indicator: Indicator, value: float | str | None, *, estimate: bool = False
) -> Figure | str | None:
    """A figure in the indicator's unit (actual, expected, gap, a spread): a real percentage
    for a % indicator, else the value; the plan's precision at least, and every decimal the
    figure has (up to 4). An `estimate` (a projection) shows the plan's precision."""
    if value is None or isinstance(value, str):
        return value
    if not math.isfinite(value):
        return number(value)
    places = plan_precision(indicator)
    if not estimate:
        places = min(max(places, decimals(value)), MAX_DECIMALS)
    if is_percent(indicator):
        return Figure(hundredth(value), _fixed(places, True), _show(value / 100, places, True))
    return Figure(value, _fixed(places), _show(value, places))


def hundredth(value: float) -> float:
    """A percentage as a fraction, without float noise (91.1 → 0.911, not 0.9109999999999999)."""
    return round(value / 100, 12) + 0.0


def share(value: float | None) -> Figure | None:
    """A fraction shown as a percentage as `cells.percent` shows it (44%; under 1 %: 0.4%)."""
    if value is None or not math.isfinite(value):
        return None
    places = 1 if 0.05 <= abs(value * 100) < 0.95 else 0
    return Figure(value, _fixed(places, True), percent(value))


def growth(value: float | None) -> Figure | None:
    """A growth rate, signed, two decimals: +1.23%."""
    if value is None or not math.isfinite(value):
        return None
    return Figure(value, "+0.00%;-0.00%;0.00%", f"{value:+.2%}")


def ratio(value: float | None) -> Figure | None:
    if value is None or not math.isfinite(value):
        return None
    return Figure(value, "0.00", f"{value:.2f}")


def count(value: int) -> Figure:
    return Figure(value, "0", str(value))


_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?%?")


def printed(indicator: Indicator, raw: str) -> Figure | str:
    """A target or baseline as the plan prints it: a number where it prints a plain number
    (with its decimals; 95.2% or 95.2 of a % indicator is 0.952), else the text (>90%, ——,
    77.3**, [269], 应保尽保)."""
    text = raw.strip()
    if not _PLAIN_NUMBER.fullmatch(text):
        return raw
    value = float(text.rstrip("%"))
    places = decimals(value)
    if text.endswith("%") or is_percent(indicator):
        return Figure(hundredth(value), _fixed(places, True), _show(value / 100, places, True))
    return Figure(value, _fixed(places), _show(value, places))


def baseline_cell(result: Result, lang: str) -> Figure | str:
    """The baseline shown: the plan's (`printed`), or where a baseline not printed came from."""
    text = baseline_text(result, lang)
    if text != result.indicator.baseline.raw:
        return text
    return printed(result.indicator, text)


# -------------------------------------------------------------------------------- cells


def _text(value: object) -> object:
    return xlsx_text(value) if isinstance(value, str) else value


def _as_text(cell: Cell) -> None:
    """Keep a cell whose text starts with "=" a string: shown as typed, and still text when
    someone edits it in Excel (the quote prefix)."""
    if xlsx_is_formula_text(cell.value):
        cell.data_type = "s"
        cell.quotePrefix = True


def _set(cell: Cell, value: object) -> None:
    if isinstance(value, Figure):
        cell.value = value.value
        cell.number_format = value.format
    else:
        cell.value = _text(value)
        _as_text(cell)


def _shown(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, Figure):
        return value.shown
    return str(value)


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


@dataclass
class Table:
    """One sheet's table: headers, rows of values (Figures, text, numbers), and how to show it."""

    headers: Sequence[str]
    rows: Sequence[Sequence[object]]
    statuses: Sequence[str] = ()  # per row, for the fill of the status column
    status_column: int | None = None  # 1-based
    wrap: Mapping[int, int] = field(default_factory=dict)  # column (1-based) → widest, wraps
    right: frozenset[int] = frozenset()  # text columns aligned right, like the figures beside
    frozen_columns: int = 1  # name columns kept in view when scrolling right


#: Points a line of 11-point text takes; rows holding wrapped text are made this many lines tall
#: (LibreOffice does not size them itself on opening a workbook).
LINE_HEIGHT = 15


def _style_header(cells: Iterable[Cell]) -> None:
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
        from openpyxl.styles import Alignment, Border, PatternFill, Side

        self.fills = {s: PatternFill("solid", fgColor=colour) for s, colour in FILLS.items()}
        self.alignments = {
            "wrap": Alignment(wrap_text=True, vertical="top"),
            "top": Alignment(vertical="top"),
            "right": Alignment(horizontal="right"),
            "right-top": Alignment(horizontal="right", vertical="top"),
        }
        thin = Side(style="thin", color="BFBFBF")
        self.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        self._made: dict[tuple, object] = {}

    def apply(
        self,
        cell: Cell,
        number_format: str | None,
        alignment: str | None,
        fill: str | None,
        border: bool,
    ) -> None:
        key = (number_format, alignment, fill, border)
        if key == (None, None, None, False):
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
        self._made[key] = copy(cell._style)


def _write_table(
    sheet: Worksheet, table: Table, first_row: int = 1, *, borders: bool = False
) -> dict[int, float]:
    """The header at `first_row`, the rows below it; each column as wide as its texts (up to
    its wrap width), each row as tall as its wrapped texts. Returns the column widths."""
    from openpyxl.utils import get_column_letter

    styles = _Styles()
    columns = range(1, len(table.headers) + 1)
    # first the widths, from every text shown; then the rows, each as tall as it wraps
    widths: dict[int, float] = {
        c: (4 if c in table.wrap else _width(str(h))) for c, h in enumerate(table.headers, 1)
    }
    for row in table.rows:
        for column, value in enumerate(row, start=1):
            if value is not None and value != "":
                width = _width(_shown(value))
                if column in table.wrap:
                    width = min(width, table.wrap[column])
                if width > widths[column]:
                    widths[column] = width
    for column in columns:
        letter = get_column_letter(column)
        width = min(max(widths[column] + 2, 6), 60)
        if letter in sheet.column_dimensions:  # a table above: the wider of the two
            width = max(width, sheet.column_dimensions[letter].width or 0)
        sheet.column_dimensions[letter].width = widths[column] = width

    for column, header in enumerate(table.headers, start=1):
        _set(sheet.cell(first_row, column), header)
        if borders:
            sheet.cell(first_row, column).border = styles.border
    _style_header(sheet.cell(first_row, column) for column in columns)
    header_lines = max(_lines(str(h), widths[c]) for c, h in enumerate(table.headers, start=1))
    if header_lines > 1:
        sheet.row_dimensions[first_row].height = LINE_HEIGHT * header_lines

    for index, row in enumerate(table.rows):
        number_ = first_row + 1 + index
        lines = max(
            (
                _lines(_shown(value), widths[column])
                for column, value in enumerate(row, start=1)
                if column in table.wrap and value
            ),
            default=1,
        )
        tall = lines > 1 or any(isinstance(v, str) and "\n" in v for v in row)
        if lines > 1:
            sheet.row_dimensions[number_].height = LINE_HEIGHT * min(lines, 27)
        status = table.statuses[index] if index < len(table.statuses) else None
        for column, value in enumerate(row, start=1):
            empty = value is None or value == ""
            if empty and not borders:
                continue
            cell = sheet.cell(number_, column)
            if column in table.wrap:
                alignment: str | None = "wrap"
            elif column in table.right:
                alignment = "right-top" if tall else "right"
            else:
                alignment = "top" if tall else None
            fill = status if column == table.status_column else None
            number_format = value.format if isinstance(value, Figure) else None
            styles.apply(cell, number_format, None if empty else alignment, fill, borders)
            if not empty:
                _set(cell, value)
    return widths


def _print_setup(
    sheet: Worksheet, title: str, lang: str, header_rows: str | None, *, grid: bool = True
) -> None:
    """A4 landscape, fitted to the page width (as many pages tall as needed), header rows
    repeated on each page, grid lines printed, the title and page numbers in the margins."""
    from openpyxl.worksheet.page import PageMargins

    setup = sheet.page_setup
    setup.orientation = "landscape"
    setup.paperSize = sheet.PAPERSIZE_A4
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
    sheet.oddFooter.center.text = "第 &P 页，共 &N 页" if lang == "zh" else "Page &P of &N"


def _margin_text(text: str) -> str:
    text = " ".join(xlsx_text(text).split())
    if len(text) > 120:
        text = text[:119] + "…"
    return text.replace("&", "&&")


def _data_sheet(book: Workbook, title: str, table: Table, report: Report, lang: str) -> Worksheet:
    """A sheet holding one table: frozen below its header, filtered, printable."""
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(title)
    _write_table(sheet, table)
    last = get_column_letter(len(table.headers))
    sheet.freeze_panes = sheet.cell(2, table.frozen_columns + 1).coordinate
    sheet.auto_filter.ref = f"A1:{last}{len(table.rows) + 1}"
    _print_setup(sheet, f"{report.plan.name} · {report.year} · {title}", lang, "1:1")
    return sheet


# ------------------------------------------------------------------------------- tables

RESULT_COLUMNS = (
    "domain", "indicator", "attribute", "unit", "baseline", "target", "actual", "year", "gap",
    "progress", "share", "expected", "status", "reason",
)  # fmt: skip


def _result_row(result: Result, lang: str, with_regions: bool) -> list[object]:
    indicator, verdict = result.indicator, result.verdict
    attribute = attribute_text(result, lang)
    cells: dict[str, object] = {
        "domain": indicator.domain,
        "indicator": indicator.name,
        "attribute": ("★" + attribute) if indicator.is_binding else attribute,
        "unit": indicator.unit or "",
        "baseline": baseline_cell(result, lang),
        "target": printed(indicator, indicator.target.raw),
        "actual": measure(indicator, verdict.actual),
        "year": count(verdict.actual_year) if verdict.actual_year is not None else None,
        "gap": measure(indicator, verdict.gap),
        "progress": share(verdict.progress),
        "share": share(verdict.share),
        "expected": measure(indicator, verdict.expected),
        "status": STATUS_LABELS[lang][verdict.status],
        "reason": verdict.reason(lang),
    }
    row = [cells[column] for column in RESULT_COLUMNS]
    if with_regions:
        row.insert(2, result.region or "")
    return [*row, "\n".join(row_notes(result, lang))]


def results_table(results: Sequence[Result], lang: str) -> Table:
    """The results, one row each; a region column after the indicator when there are regions."""
    with_regions = any(result.region for result in results)
    columns = list(RESULT_COLUMNS)
    if with_regions:
        columns.insert(2, "region")
    headers = [*column_headers(tuple(columns), lang), NOTES_HEADER[lang]]
    return Table(
        headers,
        [_result_row(result, lang, with_regions) for result in results],
        statuses=[result.status for result in results],
        status_column=columns.index("status") + 1,
        wrap={
            columns.index("indicator") + 1: 26,
            columns.index("reason") + 1: 30,
            len(headers): 36,
        },
        right=frozenset({columns.index("target") + 1}),
        frozen_columns=3 if with_regions else 2,
    )


TREND_HEADERS = {
    "zh": ("指标", "地区", "状态", "序列", "观测增速", "所需增速", "比值R", "趋势判断",
           "期末预测", "说明"),
    "en": ("indicator", "region", "status", "series", "observed growth", "needed growth", "R",
           "trend", "projected", "note"),
}  # fmt: skip


def trends_table(report: Report, lang: str) -> Table:
    """Each result with a trend; the region column only when there are regions."""
    results = [r for r in report.results if r.trend is not None]
    with_regions = any(r.region for r in results)
    rows = []
    for r in results:
        t = r.trend
        assert t is not None
        rows.append(
            [
                r.indicator.name,
                r.region or "",
                STATUS_LABELS[lang][r.status],
                " ".join(f"{y}:{number(v)}" for y, v in t.points),
                growth(t.observed_growth),
                growth(t.needed_growth),
                ratio(t.ratio),
                trend_text(r, lang),
                measure(r.indicator, t.projected, estimate=True),
                explain_disagreement(r, lang),
            ]
        )
    headers = list(TREND_HEADERS[lang])
    wrap = {1: 26, 4: 30, 10: 36}
    if not with_regions:
        del headers[1]
        for row in rows:
            del row[1]
        wrap = {1: 26, 3: 30, 9: 36}
    return Table(
        headers,
        rows,
        statuses=[r.status for r in results],
        status_column=headers.index(TREND_HEADERS[lang][2]) + 1,
        wrap=wrap,
        frozen_columns=2 if with_regions else 1,
    )


REGION_HEADERS = {
    "zh": ("指标", "地区数", "最小", "最大", "均值", "变异系数", "滞后地区"),
    "en": ("indicator", "regions", "min", "max", "mean", "CV", "lagging"),
}


def regions_table(report: Report, lang: str) -> Table:
    plan = report.plan
    rows = []
    for s in spreads(report):
        indicator = plan.indicator(s.indicator_id)
        rows.append(
            (
                s.name,
                count(s.regions),
                measure(indicator, s.minimum),
                measure(indicator, s.maximum),
                measure(indicator, s.mean),
                None if s.cv is None else Figure(s.cv, "0.0%", f"{s.cv:.1%}"),
                "、".join(s.lagging),
            )
        )
    return Table(REGION_HEADERS[lang], rows, wrap={1: 26, 7: 40})


@dataclass(frozen=True)
class DomainProgress:
    domain: str
    results: int
    judged: int  # results with a progress figure
    progress: float | None  # the mean progress, each capped to 0–100 %
    share: float | None  # the mean time share of the same results
    lagging: int  # behind or not met


def domain_progress(report: Report) -> list[DomainProgress]:
    """Each domain of the plan (in its order): how far its indicators have come on average,
    against the share of the period elapsed — what the chart of the summary sheet shows."""
    by_domain: dict[str, list[Result]] = {domain: [] for domain in report.plan.domains}
    for result in report.results:
        by_domain.setdefault(result.indicator.domain, []).append(result)
    out = []
    for domain, results in by_domain.items():
        judged = [r for r in results if r.verdict.progress is not None]
        progress = [min(max(r.verdict.progress or 0.0, 0.0), 1.0) for r in judged]
        shares = [r.verdict.share for r in judged if r.verdict.share is not None]
        out.append(
            DomainProgress(
                domain,
                len(results),
                len(judged),
                sum(progress) / len(progress) if progress else None,
                sum(shares) / len(shares) if shares else None,
                sum(1 for r in results if r.status in ("behind", "not_met")),
            )
        )
    return out


SUMMARY_TEXT = {
    "zh": {
        "sheet": "汇总",
        "title": "{plan} · {year}年监测报告",
        "status": ("状态", "指标数", "其中约束性"),
        "domains": ("领域", "指标数", "有进度数据", "平均进度", "时间进度", "滞后或未达标"),
        "note": "平均进度：该领域有进度数据的指标进度的平均值，单项按 0–100% 计；"
        "时间进度：同一批指标时间进度的平均值。",
        "chart": "各领域平均进度与时间进度",
        "progress": "平均进度",
        "share": "时间进度",
    },
    "en": {
        "sheet": "Summary",
        "title": "{plan} · {year} monitoring report",
        "status": ("status", "indicators", "binding"),
        "domains": ("domain", "indicators", "with progress", "mean progress", "time elapsed",
                    "behind or not met"),
        "note": "Mean progress: the mean of the progress of the domain's indicators that have "
        "one, each counted from 0 to 100 %; time elapsed: the mean time share of the same.",
        "chart": "Progress by domain against time elapsed",
        "progress": "mean progress",
        "share": "time elapsed",
    },
}  # fmt: skip


def _summary_sheet(book: Workbook, report: Report, lang: str) -> Worksheet:
    """Title, the counts by status (filled), the domains' progress and its chart."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    text = SUMMARY_TEXT[lang]
    labels = STATUS_LABELS[lang]
    sheet = book.create_sheet(text["sheet"])
    _set(sheet.cell(1, 1), text["title"].format(plan=report.plan.name, year=report.year))
    sheet.cell(1, 1).font = Font(bold=True, size=14)
    _set(sheet.cell(2, 1), summary_line(report, lang))

    counts = report.summary()
    binding = {
        s: sum(1 for r in report.results if r.indicator.is_binding and r.status == s)
        for s in counts
    }
    status_table = Table(
        text["status"], [(labels[s], count(counts[s]), count(binding[s])) for s in counts]
    )
    _write_table(sheet, status_table, first_row=4, borders=True)
    for index, status in enumerate(counts, start=5):
        sheet.cell(index, 1).fill = PatternFill("solid", fgColor=FILLS[status])

    domains = domain_progress(report)
    first = 5 + len(counts) + 1  # a blank row between the tables
    domain_table = Table(
        text["domains"],
        [
            (d.domain, count(d.results), count(d.judged), share(d.progress), share(d.share),
             count(d.lagging))
            for d in domains
        ],
    )  # fmt: skip
    widths = _write_table(sheet, domain_table, first_row=first, borders=True)
    # the note under the table, wrapped within its width (the chart is to the right)
    note_row = first + len(domains) + 1
    columns = len(text["domains"])
    sheet.merge_cells(start_row=note_row, start_column=1, end_row=note_row, end_column=columns)
    note = sheet.cell(note_row, 1)
    _set(note, text["note"])
    note.font = Font(italic=True, size=9, color="555555")
    note.alignment = Alignment(wrap_text=True, vertical="top")
    room = sum(sheet.column_dimensions[get_column_letter(c)].width or 0 for c in widths)
    sheet.row_dimensions[note_row].height = LINE_HEIGHT * _lines(text["note"], room * 1.15)
    if any(d.progress is not None for d in domains):
        sheet.column_dimensions[get_column_letter(columns + 1)].width = 3  # a margin
        _progress_chart(sheet, text, first, len(domains), anchor_column=columns + 2)
    title = text["title"].format(plan=report.plan.name, year=report.year)
    _print_setup(sheet, title, lang, None, grid=False)
    return sheet


def _progress_chart(
    sheet: Worksheet, text: dict, header_row: int, domains: int, anchor_column: int
) -> None:
    """A native clustered bar chart: each domain's mean progress beside its time share."""
    from openpyxl.chart import BarChart, Reference
    from openpyxl.chart.label import DataLabelList
    from openpyxl.utils import get_column_letter

    chart = BarChart()
    chart.type = "bar"
    chart.grouping = "clustered"
    chart.title = text["chart"]
    chart.style = 10
    data = Reference(sheet, min_col=4, max_col=5, min_row=header_row, max_row=header_row + domains)
    categories = Reference(sheet, min_col=1, min_row=header_row + 1, max_row=header_row + domains)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(categories)
    progress, elapsed = chart.series
    progress.graphicalProperties.solidFill = "1F77B4"
    progress.graphicalProperties.line.solidFill = "1F77B4"
    elapsed.graphicalProperties.solidFill = "F4A261"
    elapsed.graphicalProperties.line.solidFill = "F4A261"
    progress.dLbls = DataLabelList()
    progress.dLbls.showVal = True
    progress.dLbls.numFmt = "0%"
    for flag in ("showSerName", "showCatName", "showLegendKey", "showPercent"):
        setattr(progress.dLbls, flag, False)
    chart.gapWidth = 60
    chart.x_axis.scaling.orientation = "maxMin"  # the domains top to bottom, in plan order
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.y_axis.crosses = "max"  # the value axis below the bars
    chart.y_axis.number_format = "0%"
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = 1
    chart.y_axis.majorUnit = 0.2
    chart.legend.position = "b"
    chart.width = 17
    chart.height = max(8.0, 1.1 * domains + 3)
    sheet.add_chart(chart, f"{get_column_letter(anchor_column)}4")


# ----------------------------------------------------------------------------- workbook


SHEET_TITLES = {
    "zh": ("滞后约束性指标", "全部指标", "趋势", "地区"),
    "en": ("Binding behind", "All indicators", "Trends", "Regions"),
}


def render_xlsx(report: Report, lang: str = "zh") -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    book.properties.title = xlsx_text(f"{report.plan.name} {report.year}")[:200]
    book.properties.creator = "psplan"
    lagging_title, all_title, trends_title, regions_title = SHEET_TITLES[lang]

    _summary_sheet(book, report, lang)
    lagging = [
        r for r in report.results if r.indicator.is_binding and r.status in ("behind", "not_met")
    ]
    _data_sheet(book, lagging_title, results_table(lagging, lang), report, lang)
    _data_sheet(book, all_title, results_table(report.results, lang), report, lang)
    trends = trends_table(report, lang)
    if trends.rows:
        _data_sheet(book, trends_title, trends, report, lang)
    if len([r for r in report.regions if r]) >= 2:
        _data_sheet(book, regions_title, regions_table(report, lang), report, lang)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
