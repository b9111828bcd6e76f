"""`psplan show` output in each format."""

from __future__ import annotations

from psplan.formats.escape import markdown_line, to_json
from psplan.plan.model import Plan
from psplan.plan.serialize import PLAN_HEADERS_EN, PLAN_HEADERS_ZH, plan_dict, plan_rows


def render_plan(plan: Plan, output_format: str, lang: str = "zh", *, color: bool = False) -> str:
    if output_format == "json":
        return to_json(plan_dict(plan))
    headers = PLAN_HEADERS_EN if lang == "en" else PLAN_HEADERS_ZH
    rows = plan_rows(plan)
    if output_format == "csv":
        from psplan.formats.csvout import to_csv

        return to_csv(headers, rows)
    title = f"{plan.name} ({plan.period.start}–{plan.period.end}) · {len(rows)} indicators"
    if output_format == "markdown":
        from psplan.formats.markdown import markdown_table

        return f"# {markdown_line(title)}\n\n{markdown_table(headers, rows)}"
    from psplan.formats.table import grouped_table, render_to_text

    styles = ["bold" if indicator.is_binding else None for indicator in plan.indicators]
    table = grouped_table(title, headers, rows, group_column=1, styles=styles)
    return render_to_text(table, color=color)
