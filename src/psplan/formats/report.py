"""`psplan check` output in each format: table, markdown, json, csv.

All formats show the same content; `report_dict` is the JSON contract (keys may be added,
none renamed).
"""

from __future__ import annotations

from typing import Any

from psplan.assess.assessment import Assessment, Result, trend_dict
from psplan.formats.cells import STATUS_LABELS, baseline_text, result_cells
from psplan.formats.escape import markdown_line, to_json, visible

__all__ = ["STATUS_LABELS", "render_report", "report_dict", "result_dict", "trend_dict"]

Report = Assessment

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
    "share": ("时间进度", "time elapsed"),
    "expected": ("应达值", "expected"),
    "status": ("状态", "status"),
    "trend": ("趋势", "trend"),
    "reason": ("说明", "reason"),
}
REPORT_COLUMNS = (
    "domain", "indicator", "attribute", "unit", "baseline", "target", "actual", "year", "gap",
    "progress", "share", "expected", "status", "reason",
)  # fmt: skip
#: The CSV columns, named in English (the keys of the JSON contract) with `--lang en` and in
#: Chinese by default. The values are the same in both but for the words: statuses, attributes
#: and baseline sources are words in the language asked (`状态` 进度滞后), and the status code
#: (`status` / `状态代码`: behind) is kept beside them for filtering; figures are plain numbers
#: (progress and time share as fractions: 0.44).
CSV_COLUMNS = (
    "region", "id", "name", "domain", "attribute", "unit", "baseline", "baseline_value",
    "baseline_year", "baseline_source", "target", "actual", "actual_year", "status_label",
    "status", "gap", "progress", "share", "expected", "reason", "notes", "reason_for_lag",
    "measures",
)  # fmt: skip
CSV_HEADERS_ZH = {
    "region": "地区", "id": "编号", "name": "指标", "domain": "领域", "attribute": "属性",
    "unit": "单位", "baseline": "基期值", "baseline_value": "基期数值",
    "baseline_year": "基期年份", "baseline_source": "基期来源", "target": "目标值",
    "actual": "实际值", "actual_year": "实际值年份", "status_label": "状态",
    "status": "状态代码", "gap": "差距", "progress": "进度", "share": "时间进度",
    "expected": "应达值", "reason": "说明", "notes": "备注", "reason_for_lag": "原因分析",
    "measures": "下一步措施",
}  # fmt: skip
#: Where the baseline used came from, in words (`baseline_source` with --lang zh).
BASELINE_SOURCE_ZH = {
    "plan": "规划", "sheet": "填报基期值", "reported": "基期年上报",
    "first_reported": "首个上报数据", "zero": "累计起点", "none": "无",
}  # fmt: skip


def column_headers(columns: tuple[str, ...], lang: str) -> tuple[str, ...]:
    position = 0 if lang == "zh" else 1
    return tuple(COLUMN_LABELS[column][position] for column in columns)


HEADERS = {lang: column_headers(REPORT_COLUMNS, lang) for lang in ("zh", "en")}


def result_dict(report: Assessment, result: Result, lang: str = "zh") -> dict[str, Any]:
    return result.to_dict(report.plan, lang)


def report_dict(report: Assessment, lang: str = "zh") -> dict[str, Any]:
    return report.to_dict(lang)


def report_rows(report: Assessment, lang: str) -> list[tuple[str, ...]]:
    rows = []
    for result in report.results:
        cells = result_cells(result, lang)
        if result.indicator.is_binding:
            cells["attribute"] = "★" + cells["attribute"]
        if result.region is not None:
            cells["indicator"] = f"{cells['indicator']} · {result.region}"
        rows.append(tuple(cells[column] for column in REPORT_COLUMNS))
    return rows


def csv_rows(report: Assessment, lang: str) -> list[list[object]]:
    """One row per result, in `CSV_COLUMNS` order (see there for what each holds)."""
    zh = lang == "zh"
    labels = STATUS_LABELS[lang]
    rows = []
    for result in report.results:
        data = result.to_dict(report.plan, lang)
        baseline = data["baseline"]
        cells = {
            **data,
            "attribute": data["attribute_label"] if zh else data["attribute"],
            "baseline": baseline_text(result, lang),
            "baseline_value": baseline["value"],
            "baseline_year": baseline["year"],
            "baseline_source": BASELINE_SOURCE_ZH[baseline["source"]] if zh
            else baseline["source"],
            "target": data["target"]["raw"],
            "status_label": labels[data["status"]],
            "notes": " / ".join(data["notes"]),
            "reason_for_lag": data["remarks"].get("reason"),
            "measures": data["remarks"].get("measure"),
        }  # fmt: skip
        rows.append([cells[column] for column in CSV_COLUMNS])
    return rows


def notes_lines(report: Assessment, lang: str) -> list[str]:
    """The plan's notes and the departments' remarks, per row, to print under the table."""
    lines: list[str] = []
    seen: set[str] = set()
    reason_label, measure_label = (
        ("原因分析", "下一步措施") if lang == "zh" else ("reason", "measures")
    )
    for result in report.results:
        name = result.indicator.name
        if result.indicator.id not in seen:
            seen.add(result.indicator.id)
            lines += [
                f"{name}：{note}" if lang == "zh" else f"{name}: {note}" for note in result.notes
            ]
        where = f"{name} · {result.region}" if result.region else name
        for key, label in (("reason", reason_label), ("measure", measure_label)):
            if result.remarks.get(key):
                lines.append(f"{where}（{label}）：{result.remarks[key]}")
    return [" ".join(line.split()) for line in lines]


def summary_line(report: Assessment, lang: str) -> str:
    labels = STATUS_LABELS[lang]
    counts = report.summary()
    parts = [f"{labels[status]} {count}" for status, count in counts.items() if count]
    failing = report.failing()
    if lang == "zh":
        head = f"{report.plan.name} · {report.year}年 · 共{len(report.results)}项："
        tail = f"；约束性指标滞后或未达标 {len(failing)} 项" if failing else "；约束性指标无滞后"
        outside = (
            f"；{report.year}年不在规划期内（按 --allow-outside-period 判断）"
            if report.outside_period
            else ""
        )
        return head + "，".join(parts) + tail + outside
    head = f"{report.plan.name} · {report.year} · {len(report.results)} results: "
    tail = (
        f"; binding indicators behind or not met: {len(failing)}"
        if failing
        else "; no binding indicator behind"
    )
    outside = (
        f"; {report.year} is outside the plan period (--allow-outside-period)"
        if report.outside_period
        else ""
    )
    return head + ", ".join(parts) + tail + outside


def render_report(
    report: Assessment, output_format: str, lang: str = "zh", *, color: bool = False
) -> str:
    if output_format == "json":
        # Indented for people; compact (C encoder, several times faster) for county-scale runs.
        indent = 2 if len(report.results) <= 2000 else None
        return to_json(report.to_dict(lang), indent=indent)
    if output_format == "csv":
        from psplan.formats.csvout import csv_headers, to_csv

        return to_csv(csv_headers(CSV_COLUMNS, lang, CSV_HEADERS_ZH), csv_rows(report, lang))
    headers = HEADERS[lang]
    rows = report_rows(report, lang)
    notes = notes_lines(report, lang)
    title = "注" if lang == "zh" else "Notes"
    if output_format == "markdown":
        from psplan.formats.markdown import markdown_table

        text = f"# {markdown_line(summary_line(report, lang))}\n\n{markdown_table(headers, rows)}"
        if notes:
            text += f"\n\n## {title}\n\n" + "\n".join(f"- {markdown_line(n)}" for n in notes)
        return text
    from psplan.formats.table import grouped_table, render_to_text

    styles = [STATUS_STYLES[result.status] for result in report.results]
    table = grouped_table(summary_line(report, lang), headers, rows, group_column=0, styles=styles)
    text = render_to_text(table, color=color)
    if notes:
        text += f"\n{title}:\n" + "\n".join(f"  - {visible(line)}" for line in notes) + "\n"
    return text
