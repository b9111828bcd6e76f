"""Data-collection templates: the sheet departments fill in, one row per indicator (and region).

`template_view` is the sheet as a `View` (pure; `template_rows` its rows), which the generic
formats write like any other: CSV its primary table, XLSX a sheet per table. A filled template
reads back with `psplan check` unchanged: the first column is the indicator id, and the year
columns are recognised as a wide file; the descriptive columns are expected and ignored when
reading, while 基期值 and the 原因分析 / 下一步措施 columns after the years are read as sheet
entries (a department may correct the baseline, and explains a lag where it is reported).

The header's words are the catalogue's `template.column.*` (words/template.py), which the
reader (`psplan.actuals.read`) recognises from the same entries: one definition for both. The
sheet is Chinese whatever the language (the header is the format the reader reads); its
instructions are in both languages at once.

A template is a form to fill in, not a report; the view says so with the model's general
features, not with a workbook of its own: the years and the explanations are `input` columns
(a spreadsheet marks their cells, keeps the descriptive columns in view, and gives the
explanations room for a sentence), the years carry a `hint` (an input message on their cells
only), and the instructions are a second table of one column (a sheet of text). The 目标值 and
基期值 are the cells `psplan show` shows (`psplan.views.numbers.printed`): a number where the
plan prints a plain number (95.2% of a % indicator: 0.952 shown 95.2%; 4.6), else the text
(>90%, ——, 应保尽保); the reader parses either back (a percentage-formatted number as its
text).
"""

from __future__ import annotations

from collections.abc import Sequence

from psplan.assess.areas import own_area_names
from psplan.plan.model import MAX_PERIOD_YEARS, MAX_YEAR, MIN_YEAR, Plan
from psplan.plan.yamlsource import shorten
from psplan.views.model import Column, Table, View
from psplan.views.numbers import Figure, printed
from psplan.words import say

#: The sheet's columns before the years (`template.column.<key>`; "region" follows "id" when
#: the template has regions) and after them: why an indicator lags, what will be done.
DESCRIPTIVE_KEYS = ("id", "domain", "name", "unit", "attribute", "target", "baseline", "lead")
EXPLANATION_KEYS = ("reason", "measure")
#: The language of the sheet: the reader reads its header in Chinese.
SHEET_LANG = "zh"
#: How many numbered instructions the catalogue holds (`template.instructions.<n>`).
INSTRUCTION_COUNT = 6
#: The instruction about the 基期值 column, worded by what the plan prints.
BASELINE_INSTRUCTION = 5


def column_word(key: str) -> str:
    """A header word of the sheet, as the reader recognises it."""
    return say(f"template.column.{key}", SHEET_LANG)


def instructions(
    plan_id: str = "{plan}", file: str | None = None, baselines: str = "all", counties: bool = False
) -> list[str]:
    """The instructions sheet: each instruction in Chinese, then in English, and the command
    that checks the filled sheet (`plan_id` as the command names the plan: a file's path
    where the plan is no bundled one; `file` the sheet's own name, else 本文件.xlsx).
    `baselines`: whether the plan prints a baseline for "all" its indicators, "some" or
    "none" (安康's prints none: "filled in from the plan" sent a user looking for them);
    `counties`: whether rows of regions within the plan's area have their own 基期值 to give."""
    lines = [f"{say('template.instructions.title', 'zh')} / "
             f"{say('template.instructions.title', 'en')}"]  # fmt: skip
    for number in range(1, INSTRUCTION_COUNT + 1):
        key = f"template.instructions.{number}"
        if number == BASELINE_INSTRUCTION and baselines != "all":
            key += f".{baselines}"
        lines.append(f"{number}. {say(key, 'zh')}")
        lines.append(f"   {say(key, 'en')}")
        if number == BASELINE_INSTRUCTION and counties and baselines != "none":
            lines.append(f"   {say('template.instructions.counties', 'zh')}")
            lines.append(f"   {say('template.instructions.counties', 'en')}")
    run = f"{say('template.instructions.run', 'zh')} / {say('template.instructions.run', 'en')}"
    sheet = file or f"{say('template.instructions.file', SHEET_LANG)}.xlsx"
    lines.append(f"{INSTRUCTION_COUNT + 1}. {run}:  psplan check {plan_id} {sheet}")
    return lines


#: The instructions, with "{plan}" where the plan's id goes.
INSTRUCTIONS = instructions()


#: Most years a template may have: the longest plan period (model.MAX_PERIOD_YEARS).
MAX_TEMPLATE_YEARS = MAX_PERIOD_YEARS
#: Most rows (indicators × regions) a template may have; Excel shows about a million.
MAX_TEMPLATE_ROWS = 100_000

_DASHES = str.maketrans({"–": "-", "—": "-", "－": "-", "~": "-", "～": "-", "，": ","})


def parse_years(text: str) -> list[int]:
    """`2021-2025` or `2021,2023` → years; each in 1949–2100, at most 20 of them."""
    from psplan.errors import PsplanError, quoted

    shown = quoted(shorten(text, 40))
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
            raise PsplanError("template.bad_years", years=shown) from None
        for year in (start, end):
            if not MIN_YEAR <= year <= MAX_YEAR:
                raise PsplanError(
                    "template.year_out_of_range",
                    years=shown,
                    year=year,
                    first=MIN_YEAR,
                    last=MAX_YEAR,
                )
        if end < start:
            raise PsplanError("template.years_reversed", years=shown, start=start, end=end)
        years.update(range(start, end + 1))
        if len(years) > MAX_TEMPLATE_YEARS:
            raise PsplanError("template.too_many_years", years=shown, most=MAX_TEMPLATE_YEARS)
    if not years:
        raise PsplanError("template.no_years", years=shown)
    return sorted(years)


def template_keys(years: Sequence[int], regions: Sequence[str]) -> list[str]:
    """The sheet's column keys: the descriptive ones, the years, the explanations."""
    region = ["region"] if regions else []
    return [*DESCRIPTIVE_KEYS[:1], *region, *DESCRIPTIVE_KEYS[1:], *(str(y) for y in years),
            *EXPLANATION_KEYS]  # fmt: skip


def template_header(years: Sequence[int], regions: Sequence[str]) -> list[str]:
    return [key if key.isdigit() else column_word(key) for key in template_keys(years, regions)]


#: Excel's longest sheet name.
SHEET_NAME_MAX = 31


def department_sheet(departments: Sequence[str]) -> str:
    """The sheet of indicators led by `departments`: their names, or the first one's and how
    many when they do not fit a sheet name; 未明确牵头部门 for none."""
    if not departments:
        return say("template.sheet.no_lead", SHEET_LANG)
    joined = "、".join(departments)
    if len(joined) <= SHEET_NAME_MAX:
        return joined
    return say(
        "template.sheet.departments", SHEET_LANG, first=departments[0], count=len(departments)
    )


def by_department(plan: Plan) -> dict[tuple[str, ...], list[int]]:
    """The plan's indicators (their positions) grouped by the departments that lead them, in
    the order the plan first names each lead (`Plan.lead_of`)."""
    groups: dict[tuple[str, ...], list[int]] = {}
    for index, indicator in enumerate(plan.indicators):
        groups.setdefault(plan.lead_of(indicator), []).append(index)
    return groups


def template_rows(
    plan: Plan, years: Sequence[int], regions: Sequence[str], *, commitments: bool = False
) -> list[list[Figure | str]]:
    from psplan.errors import PsplanError, quoted

    seen: set[str] = set()
    for region in regions:
        if region in seen:
            raise PsplanError("template.region_twice", region=quoted(shorten(region, 40)))
        seen.add(region)
    count = len(plan.indicators) * max(1, len(regions))
    if count > MAX_TEMPLATE_ROWS:
        raise PsplanError(
            "template.too_many_rows",
            regions=len(regions),
            indicators=len(plan.indicators),
            rows=count,
            most=MAX_TEMPLATE_ROWS,
        )
    rows = []
    own = own_area_names(plan)
    for region in regions or [None]:
        # a county's 基期值 is its own to give: the plan prints its whole area's
        # (`Goal.baseline_for`), which on a county's row read as the county's
        county = region is not None and region not in own
        for indicator in plan.indicators:
            row = [
                indicator.id,
                *([region] if region is not None else []),
                indicator.domain,
                indicator.name,
                indicator.unit or "",
                indicator.attribute_printed or say(f"attribute.{indicator.attribute}", SHEET_LANG),
                printed(indicator, indicator.target.raw),
                "" if county else printed(indicator, indicator.baseline.raw),
                "、".join(plan.lead_of(indicator)),
            ]
            rows.append(row + [""] * (len(years) + len(EXPLANATION_KEYS)))
        for pledge in plan.commitments if commitments else ():  # read back by their ids
            row = [
                pledge.id,
                *([region] if region is not None else []),
                pledge.box or pledge.chapter or "",
                pledge.subject,
                pledge.unit or "",
                "—",
                pledge.target,
                "",
                "",
            ]
            rows.append(row + [""] * (len(years) + len(EXPLANATION_KEYS)))
    return rows


def template_view(
    plan: Plan,
    years: Sequence[int],
    regions: Sequence[str],
    *,
    departments: bool = False,
    commitments: bool = False,
    plan_ref: str | None = None,
    file: str | None = None,
) -> View:
    """The sheet to fill in (the years and the explanations are its input columns) and the
    instructions, a table of one column. With `departments`, one sheet per lead department
    (`by_department`) where the plan names them; they read back together as one dataset.
    `plan_ref` and `file`: how the command that checks it names the plan and the sheet (a
    trial's sheet said `psplan check hanzhong-15`, a plan known only as good.yaml)."""
    rows = template_rows(plan, years, regions, commitments=commitments)
    keys = template_keys(years, regions)
    header = template_header(years, regions)
    hint = f"{say('template.hint.title', SHEET_LANG)}\n{say('template.hint.prompt', SHEET_LANG)}"
    columns = tuple(
        Column(
            key,
            label,
            wide=key in EXPLANATION_KEYS,  # room to write a sentence
            input=key.isdigit() or key in EXPLANATION_KEYS,
            hint=hint if key.isdigit() else "",  # what a figure may look like
        )
        for key, label in zip(keys, header, strict=True)
    )
    sheet = say("template.sheet.data", SHEET_LANG)
    tables = [Table("template", sheet, columns, [tuple(row) for row in rows])]
    groups: dict[tuple[str, ...], list[int]] = by_department(plan)
    if departments and any(groups):
        per_region = len(plan.indicators) + (len(plan.commitments) if commitments else 0)
        if commitments and plan.commitments:  # no lead named: a sheet of their own
            first = len(plan.indicators)
            groups[(say("template.sheet.commitments", SHEET_LANG),)] = list(
                range(first, first + len(plan.commitments))
            )
        tables = [
            Table(
                "template" if number == 1 else f"template-{number}",
                department_sheet(lead),
                columns,
                [
                    tuple(rows[block * per_region + index])
                    for block in range(max(1, len(regions)))
                    for index in indices
                ],
            )
            for number, (lead, indices) in enumerate(groups.items(), 1)
        ]
    plan_line = (
        f"{say('template.instructions.plan', 'zh')} / {say('template.instructions.plan', 'en')}"
        f": {plan.name} ({plan.id}), {plan.period.start}–{plan.period.end}"
    )
    printed = sum(1 for indicator in plan.indicators if indicator.baseline.raw.strip())
    baselines = "none" if not printed else "all" if printed == len(plan.indicators) else "some"
    own = own_area_names(plan)
    counties = any(region not in own for region in regions)
    title, *lines = [*instructions(plan_ref or plan.id, file, baselines, counties), "", plan_line]
    guide = Table(
        "instructions",
        say("template.sheet.instructions", SHEET_LANG),
        (Column("instructions", title, wide=True),),
        [(line,) for line in lines],
    )
    return View("template", plan.name, SHEET_LANG, None, [*tables, guide], primary="template")
