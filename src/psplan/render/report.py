"""`psplan check` output in each format: table, markdown, json, csv.

All formats show the same content; `report_dict` is the JSON contract (keys may be added,
none renamed).
"""

from __future__ import annotations

import json
from typing import Any

from psplan.check import Report, Result
from psplan.model import ATTRIBUTE_LABELS
from psplan.serialize import baseline_dict, target_dict
from psplan.trends import Trend

STATUS_LABELS = {
    "zh": {
        "met": "已达标",
        "on_track": "进度正常",
        "behind": "进度滞后",
        "not_met": "未达标",
        "no_data": "无数据",
        "needs_review": "需人工核实",
    },
    "en": {
        "met": "met",
        "on_track": "on track",
        "behind": "behind",
        "not_met": "not met",
        "no_data": "no data",
        "needs_review": "needs review",
    },
}
STATUS_STYLES = {
    "met": "green",
    "on_track": "cyan",
    "behind": "yellow",
    "not_met": "bold red",
    "no_data": "dim",
    "needs_review": "magenta",
}
#: Column labels in each language (zh, en), shared by every tabular report.
COLUMN_LABELS = {
    "domain": ("领域", "domain"),
    "indicator": ("指标", "indicator"),
    "region": ("地区", "region"),
    "attribute": ("属性", "attribute"),
    "unit": ("单位", "unit"),
    "baseline": ("基期值", "baseline"),
    "target": ("目标值", "target"),
    "actual": ("实际值", "actual"),
    "year": ("年份", "year"),
    "gap": ("差距", "gap"),
    "progress": ("进度", "progress"),
    "expected": ("应达值", "expected"),
    "status": ("状态", "status"),
    "reason": ("说明", "reason"),
}
REPORT_COLUMNS = (
    "domain", "indicator", "attribute", "unit", "baseline", "target", "actual", "year", "gap",
    "progress", "expected", "status", "reason",
)  # fmt: skip


def column_headers(columns: tuple[str, ...], lang: str) -> tuple[str, ...]:
    position = 0 if lang == "zh" else 1
    return tuple(COLUMN_LABELS[column][position] for column in columns)


HEADERS = {lang: column_headers(REPORT_COLUMNS, lang) for lang in ("zh", "en")}
ATTRIBUTE_EN = {"binding": "binding", "expected": "expected"}


def result_dict(report: Report, result: Result, lang: str = "zh") -> dict[str, Any]:
    indicator = result.indicator
    verdict = result.verdict
    return {
        "id": indicator.id,
        "name": indicator.name,
        "domain": indicator.domain,
        "attribute": indicator.attribute,
        "unit": indicator.unit,
        "target": target_dict(indicator),
        "baseline": baseline_dict(report.plan, indicator),
        "actual": verdict.actual,
        "actual_year": verdict.actual_year,
        "status": verdict.status,
        "gap": verdict.gap,
        "progress": verdict.progress,
        "expected": verdict.expected,
        "reason": verdict.reason(lang),
        "region": result.region,
        "target_value": verdict.target_value,
        "trend": trend_dict(result.trend) if result.trend else None,
    }


def trend_dict(trend: Trend) -> dict[str, Any]:
    return {
        "points": [list(point) for point in trend.points],
        "linear_change": trend.linear_change,
        "observed_growth": trend.observed_growth,
        "needed_growth": trend.needed_growth,
        "ratio": trend.ratio,
        "category": trend.category,
        "projected": trend.projected,
        "likely_met": trend.likely_met,
    }


def report_dict(report: Report, lang: str = "zh") -> dict[str, Any]:
    return {
        "plan": report.plan.id,
        "plan_name": report.plan.name,
        "year": report.year,
        "summary": report.summary(),
        "results": [result_dict(report, result, lang) for result in report.results],
    }


def _number(value: float | None, percent: bool = False) -> str:
    if value is None:
        return ""
    if percent:
        return f"{value:.0%}"
    return f"{value:g}"


def _actual(value: float | str | None) -> str:
    if value is None:
        return ""
    return f"{value:g}" if isinstance(value, float) else str(value)


def report_rows(report: Report, lang: str) -> list[tuple[str, ...]]:
    labels = STATUS_LABELS[lang]
    rows = []
    for result in report.results:
        indicator, verdict = result.indicator, result.verdict
        attribute = indicator.attribute_printed or (
            ATTRIBUTE_LABELS[indicator.attribute]
            if lang == "zh"
            else ATTRIBUTE_EN[indicator.attribute]
        )
        if indicator.is_binding:
            attribute = "★" + attribute
        name = indicator.name if result.region is None else f"{indicator.name} · {result.region}"
        rows.append(
            (
                indicator.domain,
                name,
                attribute,
                indicator.unit or "",
                indicator.baseline.raw,
                indicator.target.raw,
                _actual(verdict.actual),
                str(verdict.actual_year or ""),
                _number(verdict.gap),
                _number(verdict.progress, percent=True),
                _number(verdict.expected),
                labels[verdict.status],
                verdict.reason(lang),
            )
        )
    return rows


def summary_line(report: Report, lang: str) -> str:
    labels = STATUS_LABELS[lang]
    counts = report.summary()
    parts = [f"{labels[status]} {count}" for status, count in counts.items() if count]
    failing = report.failing()
    if lang == "zh":
        head = f"{report.plan.name} · {report.year}年 · 共{len(report.results)}项："
        tail = f"；约束性指标滞后或未达标 {len(failing)} 项" if failing else "；约束性指标无滞后"
        return head + "，".join(parts) + tail
    head = f"{report.plan.name} · {report.year} · {len(report.results)} results: "
    tail = (
        f"; binding indicators behind or not met: {len(failing)}"
        if failing
        else "; no binding indicator behind"
    )
    return head + ", ".join(parts) + tail


def render_report(
    report: Report, output_format: str, lang: str = "zh", *, color: bool = False
) -> str:
    if output_format == "json":
        # Indented for people; compact (C encoder, several times faster) for county-scale runs.
        indent = 2 if len(report.results) <= 2000 else None
        return json.dumps(report_dict(report, lang), ensure_ascii=False, indent=indent)
    headers = HEADERS[lang]
    if output_format == "csv":
        from psplan.render.csvout import to_csv

        keys = (
            "region",
            "id",
            "name",
            "domain",
            "attribute",
            "unit",
            "status",
            "actual",
            "actual_year",
            "gap",
            "progress",
            "expected",
            "reason",
        )
        rows = []
        for result in report.results:
            data = result_dict(report, result, lang)
            rows.append(
                [data[k] for k in keys[:6]]
                + [data["baseline"]["raw"], data["target"]["raw"]]
                + [data[k] for k in keys[6:]]
            )
        header = [*keys[:6], "baseline", "target", *keys[6:]]
        return to_csv(header, rows)
    rows = report_rows(report, lang)
    if output_format == "markdown":
        from psplan.render.markdown import markdown_table

        return f"# {summary_line(report, lang)}\n\n{markdown_table(headers, rows)}"
    from psplan.render.table import grouped_table, render_to_text

    styles = [STATUS_STYLES[result.status] for result in report.results]
    table = grouped_table(summary_line(report, lang), headers, rows, group_column=0, styles=styles)
    return render_to_text(table, color=color)
