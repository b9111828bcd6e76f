"""Data-collection templates: the sheet departments fill in, one row per indicator (and region).

`template_rows` is pure; `template_csv` and `template_xlsx` render it. A filled template reads
back with `psplan check` unchanged: the first column is the indicator id, and the year columns
are recognised as a wide file; the descriptive columns are expected and ignored when reading,
while 基期值 and the 原因分析 / 下一步措施 columns after the years are read as sheet entries
(a department may correct the baseline, and explains a lag where it is reported).
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from psplan.plan.model import ATTRIBUTE_LABELS, MAX_PERIOD_YEARS, MAX_YEAR, MIN_YEAR, Plan
from psplan.plan.yamlsource import shorten

DESCRIPTIVE = ("id", "领域", "指标", "单位", "属性", "目标值", "基期值", "牵头部门")
#: Columns after the years: why an indicator lags, and what will be done (left empty).
EXPLANATIONS = ("原因分析", "下一步措施")

INSTRUCTIONS = [
    "填报说明 / How to fill in",
    "1. 每行一个指标（和地区），在年份列中填写该年实际值；不要修改 id 列。",
    "   One row per indicator (and region): write each year's actual figure in its year column;"
    " keep the id column.",
    "2. 数值可带 % 或 ‰ 或指标的单位（如 2.05㎡、78.6岁），可用千分位逗号；"
    "五年累计数可写作 [24.54]。",
    "   Numbers may carry % or ‰ or the indicator's unit (2.05㎡, 78.6岁) and thousands"
    " separators; a five-year running total may be written [24.54].",
    "3. 定性指标（如 应保尽保）填写 应保尽保 / 是 / 否。",
    "   Qualitative targets (应保尽保): write 应保尽保 / 是 / 否.",
    "4. 无数据留空，或填 — / NA。",
    "   Leave a cell empty, or write — / NA, when there is no figure.",
    "5. 基期值已按规划填好；如统计口径调整，可改为核实后的基期值。",
    "   The 基期值 (baseline) column is filled in from the plan; correct it if the figure was"
    " revised.",
    "6. 指标进度滞后或未达标的，请在 原因分析 列说明原因，在 下一步措施 列写明措施。",
    "   Where an indicator lags or misses its target, explain why in 原因分析"
    " and what will be done in 下一步措施.",
    "7. 填好后运行 / Then run:  psplan check {plan} 本文件.xlsx",
]


#: Most years a template may have: the longest plan period (model.MAX_PERIOD_YEARS).
MAX_TEMPLATE_YEARS = MAX_PERIOD_YEARS
#: Most rows (indicators × regions) a template may have; Excel shows about a million.
MAX_TEMPLATE_ROWS = 100_000

_DASHES = str.maketrans({"–": "-", "—": "-", "－": "-", "~": "-", "～": "-", "，": ","})


def parse_years(text: str) -> list[int]:
    """`2021-2025` or `2021,2023` → years; each in 1949–2100, at most 20 of them."""
    from psplan.errors import PsplanError

    shown = shorten(text, 40)
    years: set[int] = set()
    for part in text.translate(_DASHES).split(","):
        part = part.strip()
        if not part:
            continue
        first, dash, last = part.partition("-")
        try:
            if len(first) > 8 or len(last) > 8:
                raise ValueError
            start, end = int(first), int(last) if dash else int(first)
        except ValueError:
            raise PsplanError(
                f"--years {shown!r}: expected years like 2021-2025 or 2021,2022"
            ) from None
        for year in (start, end):
            if not MIN_YEAR <= year <= MAX_YEAR:
                raise PsplanError(
                    f"--years {shown!r}: {year} is not a year between {MIN_YEAR} and {MAX_YEAR}"
                )
        if end < start:
            raise PsplanError(f"--years {shown!r}: {start}-{end} ends before it starts")
        years.update(range(start, end + 1))
        if len(years) > MAX_TEMPLATE_YEARS:
            raise PsplanError(
                f"--years {shown!r}: more than {MAX_TEMPLATE_YEARS} years; a template covers "
                "one plan period"
            )
    if not years:
        raise PsplanError(f"--years {shown!r}: no years given")
    return sorted(years)


def template_header(years: Sequence[int], regions: Sequence[str]) -> list[str]:
    region = ["地区"] if regions else []
    return [*DESCRIPTIVE[:1], *region, *DESCRIPTIVE[1:], *(str(y) for y in years), *EXPLANATIONS]


def template_rows(plan: Plan, years: Sequence[int], regions: Sequence[str]) -> list[list[str]]:
    from psplan.errors import PsplanError

    seen: set[str] = set()
    for region in regions:
        if region in seen:
            raise PsplanError(f"--regions: {shorten(region, 40)!r} is listed twice")
        seen.add(region)
    count = len(plan.indicators) * max(1, len(regions))
    if count > MAX_TEMPLATE_ROWS:
        raise PsplanError(
            f"--regions: {len(regions):,} regions × {len(plan.indicators)} indicators is "
            f"{count:,} rows, more than a template's {MAX_TEMPLATE_ROWS:,}"
        )
    rows = []
    for region in regions or [None]:
        for indicator in plan.indicators:
            row = [
                indicator.id,
                *([region] if region is not None else []),
                indicator.domain,
                indicator.name,
                indicator.unit or "",
                indicator.attribute_printed or ATTRIBUTE_LABELS[indicator.attribute],
                indicator.target.raw,
                indicator.baseline.raw,
                indicator.lead_department or "",
            ]
            rows.append(row + [""] * (len(years) + len(EXPLANATIONS)))
    return rows


def template_csv(plan: Plan, years: Sequence[int], regions: Sequence[str]) -> bytes:
    """UTF-8 with BOM, so Excel on Chinese Windows opens it with the right characters."""
    from psplan.formats.csvout import to_csv

    text = to_csv(template_header(years, regions), template_rows(plan, years, regions))
    return text.encode("utf-8-sig")


def template_xlsx(plan: Plan, years: Sequence[int], regions: Sequence[str]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation
    from wcwidth import wcswidth

    from psplan.formats.csvout import neutralise

    header = template_header(years, regions)
    rows = template_rows(plan, years, regions)
    book = Workbook()
    sheet = book.active
    sheet.title = "填报"
    sheet.append(header)
    for row in rows:
        sheet.append([neutralise(cell) for cell in row])

    bold = Font(bold=True, color="FFFFFF")
    fill = PatternFill("solid", fgColor="1F4E79")
    for cell in sheet[1]:
        cell.font, cell.fill = bold, fill
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    first_year_column = len(header) - len(years) - len(EXPLANATIONS) + 1
    last_year_column = first_year_column + len(years) - 1
    sheet.freeze_panes = sheet.cell(row=2, column=first_year_column)

    for index, title in enumerate(header, start=1):
        cells = [title, *(str(row[index - 1]) for row in rows)]
        width = max(wcswidth(text) if wcswidth(text) >= 0 else len(text) for text in cells)
        sheet.column_dimensions[get_column_letter(index)].width = min(max(width + 2, 8), 60)
    for index in range(last_year_column + 1, len(header) + 1):  # room to write a sentence
        sheet.column_dimensions[get_column_letter(index)].width = 30

    if years and rows:
        hint = DataValidation(allow_blank=True, showInputMessage=True)
        hint.promptTitle = "填写实际值"
        hint.prompt = "数值（可带 % 或 ‰）、[累计数]，或 应保尽保/是/否；无数据留空"
        start = get_column_letter(first_year_column)
        end = get_column_letter(last_year_column)
        hint.add(f"{start}2:{end}{len(rows) + 1}")
        sheet.add_data_validation(hint)

    notes = book.create_sheet("说明")
    for line in INSTRUCTIONS:
        notes.append([line.format(plan=plan.id)])
    notes.append([])
    notes.append([f"规划 / plan: {plan.name} ({plan.id}), {plan.period.start}–{plan.period.end}"])
    notes.column_dimensions["A"].width = 110

    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
