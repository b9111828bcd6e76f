"""`psplan check --by-region` output: the region × indicator matrix and per-indicator spread."""

from __future__ import annotations

from typing import Any

from psplan.assess.check import Report
from psplan.assess.regions import spreads, status_matrix
from psplan.formats.cells import STATUS_LABELS
from psplan.formats.escape import markdown_line, to_json
from psplan.formats.report import CSV_HEADERS_ZH, summary_line

HEADERS = {
    "zh": (
        "指标",
        "地区数",
        "有数值",
        "最小",
        "最大",
        "均值",
        "变异系数",
        "已达标",
        "进度正常",
        "进度滞后",
        "未达标",
        "滞后地区",
    ),
    "en": (
        "indicator",
        "regions",
        "reported",
        "min",
        "max",
        "mean",
        "CV",
        "met",
        "on track",
        "behind",
        "not met",
        "lagging regions",
    ),
}
SHOWN_LAGGING = 5
#: The CSV columns: one row per (region, indicator); Chinese names with --lang zh (report.py).
CSV_COLUMNS = ("region", "id", "name", "status_label", "status", "actual", "gap")


def by_region_dict(report: Report) -> dict[str, Any]:
    return {
        "plan": report.plan.id,
        "year": report.year,
        "summary": report.summary(),
        "regions": [region or "" for region in report.regions],
        "matrix": status_matrix(report),
        "spread": [
            {
                "id": s.indicator_id,
                "name": s.name,
                "regions": s.regions,
                "reported": s.reported,
                "min": s.minimum,
                "max": s.maximum,
                "mean": s.mean,
                "cv": s.cv,
                "statuses": s.statuses,
                "lagging": list(s.lagging),
            }
            for s in spreads(report)
        ],
    }


def _fmt(number: float | None, digits: str = "g") -> str:
    return "" if number is None else format(number, digits)


def render_by_region(
    report: Report, output_format: str, lang: str = "zh", *, color: bool = False
) -> str:
    if output_format == "json":
        indent = 2 if len(report.results) <= 2000 else None
        return to_json(by_region_dict(report), indent=indent)
    if output_format == "csv":
        from psplan.formats.csvout import csv_headers, to_csv

        labels = STATUS_LABELS[lang]
        rows = (
            (r.region, r.indicator.id, r.indicator.name, labels[r.status], r.status,
             r.verdict.actual, r.verdict.gap)
            for r in report.results
        )  # fmt: skip
        return to_csv(csv_headers(CSV_COLUMNS, lang, CSV_HEADERS_ZH), rows)
    more = "…" if lang == "en" else "等"
    rows = []
    for s in spreads(report):
        lagging = "、".join(s.lagging[:SHOWN_LAGGING]) + (
            more if len(s.lagging) > SHOWN_LAGGING else ""
        )
        rows.append(
            (
                s.name,
                str(s.regions),
                str(s.reported),
                _fmt(s.minimum),
                _fmt(s.maximum),
                _fmt(s.mean, ".4g"),
                _fmt(s.cv, ".1%"),
                *(str(s.statuses.get(k, 0)) for k in ("met", "on_track", "behind", "not_met")),
                lagging,
            )
        )
    title = summary_line(report, lang)
    if output_format == "markdown":
        from psplan.formats.markdown import markdown_table

        return f"# {markdown_line(title)}\n\n{markdown_table(HEADERS[lang], rows)}"
    from psplan.formats.table import grouped_table, render_to_text

    return render_to_text(grouped_table(title, HEADERS[lang], rows, group_column=0), color=color)
