"""`psplan trend` output: each indicator's series, its expected path and the trend view."""

from __future__ import annotations

import json
from typing import Any

from psplan.check import Report, Result
from psplan.render.report import trend_dict
from psplan.trends import CATEGORY_LABELS, sparkline

HEADERS = {
    "zh": (
        "指标",
        "地区",
        "数据序列",
        "走势",
        "时序进度应达",
        "年均变化",
        "观测增速",
        "所需增速",
        "比值R",
        "趋势判断",
        "期末预测",
        "预计",
    ),
    "en": (
        "indicator",
        "region",
        "series",
        "chart",
        "expected path",
        "change/yr",
        "observed growth",
        "needed growth",
        "R",
        "trend",
        "projected",
        "outlook",
    ),
}
OUTLOOK = {
    "zh": {True: "可望达标", False: "难以达标"},
    "en": {True: "likely met", False: "likely missed"},
}


def expected_path(report: Report, result: Result) -> list[tuple[int, float]]:
    """时间过半、任务过半: the straight line from the baseline to the target, year by year."""
    from psplan.check import goal_of

    goal = goal_of(report.plan, result.indicator)
    target = result.verdict.target_value
    if target is None:
        return []
    if goal.kind == "cumulative":
        start, base = goal.start_year - 1, 0.0
    elif goal.baseline.value is not None:
        start, base = goal.baseline_year, goal.baseline.value
    else:
        return []
    span = goal.end_year - start
    return [
        (y, round(base + (target - base) * (y - start) / span, 6))
        for y in range(start, goal.end_year + 1)
    ]


def trend_rows_dict(report: Report) -> dict[str, Any]:
    return {
        "plan": report.plan.id,
        "year": report.year,
        "indicators": [
            {
                "id": r.indicator.id,
                "name": r.indicator.name,
                "region": r.region,
                "status": r.status,
                "target": r.indicator.target.raw,
                "expected_path": [list(p) for p in expected_path(report, r)],
                "trend": trend_dict(r.trend) if r.trend else None,
            }
            for r in report.results
        ],
    }


def _pct(number: float | None) -> str:
    return "" if number is None else f"{number:+.2%}"


def render_trend(
    report: Report, output_format: str, lang: str = "zh", *, color: bool = False
) -> str:
    if output_format == "json":
        return json.dumps(trend_rows_dict(report), ensure_ascii=False, indent=2)
    rows = []
    for r in report.results:
        t = r.trend
        if t is None:
            continue
        path = dict(expected_path(report, r))
        last_year = t.points[-1][0]
        rows.append(
            (
                r.indicator.name,
                r.region or "",
                " ".join(f"{y}:{v:g}" for y, v in t.points),
                sparkline([v for _, v in t.points]),
                f"{path[last_year]:g}" if last_year in path else "",
                f"{t.linear_change:+g}",
                _pct(t.observed_growth),
                _pct(t.needed_growth),
                "" if t.ratio is None else f"{t.ratio:.2f}",
                CATEGORY_LABELS[lang][t.category] if t.category else "",
                f"{t.projected:g}",
                OUTLOOK[lang][t.likely_met],
            )
        )
    headers = HEADERS[lang]
    if output_format == "csv":
        from psplan.render.csvout import to_csv

        return to_csv(headers, rows)
    title = f"{report.plan.name} · {report.year}"
    if output_format == "markdown":
        from psplan.render.markdown import markdown_table

        return f"# {title}\n\n{markdown_table(headers, rows)}"
    from psplan.render.table import grouped_table, render_to_text

    return render_to_text(grouped_table(title, headers, rows, group_column=0), color=color)
