"""The annual monitoring report as an Excel workbook: the same tables, statuses colour-filled."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING

from psplan.assessment import Assessment, explain_disagreement
from psplan.regions import spreads
from psplan.render.cells import STATUS_LABELS, number, row_notes, trend_text
from psplan.render.escape import xlsx_is_formula_text, xlsx_text
from psplan.render.report import HEADERS, report_rows, summary_line

Report = Assessment
NOTES_HEADER = {"zh": "备注", "en": "notes"}

if TYPE_CHECKING:  # openpyxl is imported only when a workbook is written
    from openpyxl import Workbook
    from openpyxl.cell.cell import Cell
    from openpyxl.worksheet.worksheet import Worksheet


def _cell(value: object) -> object:
    """A value as openpyxl should store it: numbers as numbers, text through `xlsx_text`
    (control characters shown, cut at a cell's length). Text starting with "=" is stored as
    text by `_set` / `_append`, never as a formula; other text is stored as it reads (the CSV
    guard for + - @ does not apply: a stored xlsx string is never evaluated)."""
    return xlsx_text(value) if isinstance(value, str) else value


def _as_text(cell: Cell) -> None:
    """Keep a cell whose text starts with "=" a string: shown as typed, and still text when
    someone edits it in Excel (the quote prefix)."""
    if xlsx_is_formula_text(cell.value):
        cell.data_type = "s"
        cell.quotePrefix = True


def _set(cell: Cell, value: object) -> None:
    cell.value = _cell(value)
    _as_text(cell)


def _append(sheet: Worksheet, number: int, values: Sequence[object]) -> None:
    """Append row `number` (1-based; the row `append` fills, passed in to stay O(1))."""
    row = [_cell(value) for value in values]
    sheet.append(row)
    for column, value in enumerate(row, start=1):
        if xlsx_is_formula_text(value):
            _as_text(sheet.cell(number, column))


FILLS = {
    "met": "C8E6C9",
    "on_track": "B3E5FC",
    "behind": "FFE0B2",
    "not_met": "FFCDD2",
    "no_data": "EEEEEE",
    "needs_review": "E1BEE7",
}


def _sheet(
    book: Workbook, title: str, headers: Sequence[str], rows: Sequence[Sequence[object]]
) -> Worksheet:
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter
    from wcwidth import wcswidth

    sheet = book.create_sheet(title)
    _append(sheet, 1, list(headers))
    for number_, row in enumerate(rows, start=2):
        _append(sheet, number_, row)
    for cell in sheet[1]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="1F4E79")
    sheet.freeze_panes = "A2"
    for index, header in enumerate(headers, start=1):
        texts = [str(header), *(str(row[index - 1]) for row in rows if row[index - 1] is not None)]
        width = max(max(wcswidth(t), len(t)) for t in texts)
        sheet.column_dimensions[get_column_letter(index)].width = min(max(width + 2, 6), 50)
    return sheet


def render_xlsx(report: Report, lang: str = "zh") -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import PatternFill

    book = Workbook()
    book.remove(book.active)
    labels = STATUS_LABELS[lang]
    zh = lang == "zh"

    counts = report.summary()
    binding = {
        s: sum(1 for r in report.results if r.indicator.is_binding and r.status == s)
        for s in counts
    }
    summary = _sheet(
        book,
        "汇总" if zh else "Summary",
        ("状态", "指标数", "其中约束性") if zh else ("status", "indicators", "binding"),
        [(labels[s], counts[s], binding[s]) for s in counts],
    )
    summary.insert_rows(1)
    _set(summary.cell(1, 1), summary_line(report, lang))
    for index, status in enumerate(counts, start=3):
        summary.cell(index, 1).fill = PatternFill("solid", fgColor=FILLS[status])

    def coloured(title: str, results: list) -> None:
        rows = [
            (*row, "\n".join(row_notes(result, lang)))
            for row, result in zip(
                report_rows(report.with_results(results), lang), results, strict=True
            )
        ]
        sheet = _sheet(book, title, (*HEADERS[lang], NOTES_HEADER[lang]), rows)
        status_column = len(HEADERS[lang]) - 1
        for index, result in enumerate(results, start=2):
            sheet.cell(index, status_column).fill = PatternFill(
                "solid", fgColor=FILLS[result.status]
            )

    lagging = [
        r for r in report.results if r.indicator.is_binding and r.status in ("behind", "not_met")
    ]
    coloured("滞后约束性指标" if zh else "Binding behind", lagging)
    coloured("全部指标" if zh else "All indicators", report.results)

    trend_rows = [
        (
            r.indicator.name,
            r.region or "",
            STATUS_LABELS[lang][r.status],
            " ".join(f"{y}:{number(v)}" for y, v in r.trend.points),
            r.trend.observed_growth,
            r.trend.needed_growth,
            r.trend.ratio,
            trend_text(r, lang),
            r.trend.projected,
            explain_disagreement(r, lang),
        )
        for r in report.results
        if r.trend is not None
    ]
    if trend_rows:
        _sheet(
            book,
            "趋势" if zh else "Trends",
            (
                "指标",
                "地区",
                "状态",
                "序列",
                "观测增速",
                "所需增速",
                "比值R",
                "趋势判断",
                "期末预测",
                "说明",
            )
            if zh
            else (
                "indicator",
                "region",
                "status",
                "series",
                "observed growth",
                "needed growth",
                "R",
                "trend",
                "projected",
                "note",
            ),
            trend_rows,
        )
    if len([r for r in report.regions if r]) >= 2:
        _sheet(
            book,
            "地区" if zh else "Regions",
            ("指标", "地区数", "最小", "最大", "均值", "变异系数", "滞后地区")
            if zh
            else ("indicator", "regions", "min", "max", "mean", "CV", "lagging"),
            [
                (s.name, s.regions, s.minimum, s.maximum, s.mean, s.cv, "、".join(s.lagging))
                for s in spreads(report)
            ],
        )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
