"""`psplan show`: a plan's indicators as a table, grouped by domain, binding ones in bold."""

from __future__ import annotations

from psplan.plan.model import Plan
from psplan.plan.serialize import plan_dict
from psplan.views.model import Cell, Column, Table, Text, View
from psplan.views.numbers import printed
from psplan.words import say

COLUMNS = ("id", "domain", "indicator", "unit", "baseline", "target", "attribute")
WIDE = frozenset({"domain", "indicator"})
#: Left out first by a terminal too narrow for every column (the codes; the names say it).
OPTIONAL = frozenset({"id"})


def attribute_label(indicator, lang: str) -> str:
    """The attribute as the plan prints it (约束性/预期性, or its own words), else its label."""
    if indicator.attribute_printed and lang == "zh":
        return indicator.attribute_printed
    return say(f"attribute.{indicator.attribute}", lang)


def plan_view(plan: Plan, lang: str = "zh") -> View:
    rows: list[tuple[Cell, ...]] = []
    for indicator in plan.indicators:
        name: Cell = Text(indicator.name, "bold") if indicator.is_binding else indicator.name
        rows.append(
            (
                indicator.id,
                indicator.domain,
                name,
                indicator.unit or "",
                printed(indicator, indicator.baseline.raw),
                printed(indicator, indicator.target.raw),
                attribute_label(indicator, lang),
            )
        )
    columns = tuple(
        Column(key, say(f"plan.{key}", lang), key in WIDE, key in OPTIONAL) for key in COLUMNS
    )
    title = say(
        "plan.title", lang, name=plan.name, start=plan.period.start, end=plan.period.end,
        count=len(rows),
    )  # fmt: skip
    # the table's own title is short: a spreadsheet names its sheet with it
    table = Table("indicators", say("plan.table", lang), columns, rows, group="domain")
    return View("plan", title, lang, plan_dict(plan), [table], primary="indicators")
