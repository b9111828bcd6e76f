"""`psplan show`: a plan's indicators as a table, grouped by domain, binding ones in bold."""

from __future__ import annotations

from psplan.plan.model import Commitment, Plan
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


COMMITMENT_COLUMNS = ("id", "chapter", "box", "subject", "target", "unit", "due", "clause",
                      "line")  # fmt: skip


def commitments_view(plan: Plan, lang: str = "zh") -> View:
    """`psplan show --commitments`: the promises of the text and 专栏 boxes, grouped by
    chapter in document order, with how many each chapter makes."""
    rows: list[tuple[Cell, ...]] = []
    for c in plan.commitments:
        due = say("assessment.due.annual", lang) if c.year == "annual" else str(c.year)
        rows.append((c.id, c.chapter or c.box or "", c.box or "", c.subject, c.target,
                     c.unit or "", due, c.clause, str(c.source.line)))  # fmt: skip
    columns = tuple(
        Column(
            key,
            say(f"plan.{key}", lang),
            key in ("chapter", "box", "subject", "clause"),
            key in ("id", "clause"),
        )
        for key in COMMITMENT_COLUMNS
    )
    chapters: dict[str, int] = {}
    for c in plan.commitments:
        chapter = c.chapter or c.box or ""
        chapters[chapter] = chapters.get(chapter, 0) + 1
    summary = [say("plan.commitments.by_chapter", lang, chapter=chapter, count=count)
               for chapter, count in chapters.items()]  # fmt: skip
    title = say("plan.commitments.title", lang, name=plan.name, count=len(rows))
    table = Table("commitments", say("plan.commitments.table", lang), columns, rows,
                  group="chapter")  # fmt: skip
    from psplan.plan.commitments import commitment_target
    from psplan.plan.model import infer_direction
    from psplan.plan.serialize import expression_dict

    def parsed(c: Commitment) -> dict:
        target = commitment_target(c.target, c.unit)
        return expression_dict(target, "level", infer_direction(c.subject, target))

    data = {
        "plan": plan.id,
        "commitments": [{**c.model_dump(mode="json"), "parsed": parsed(c)}
                        for c in plan.commitments],
    }  # fmt: skip
    return View("commitments", title, lang, data, [table], summary=summary, primary="commitments")
