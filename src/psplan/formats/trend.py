"""`psplan trend` output: each indicator's series, its expected path and the trend view.

Every figure comes from the assessment (`Result.trend`, `Result.expected_path`): the same
baseline and base year the verdict used, so `trend` and `check` cannot disagree.
"""

from __future__ import annotations

from typing import Any

from psplan.assess.assessment import Assessment, Result, explain_disagreement, trend_dict
from psplan.assess.trends import sparkline
from psplan.formats.cells import STATUS_LABELS, baseline_text, number, trend_text
from psplan.formats.escape import markdown_line, to_json

HEADERS = {
    "zh": (
        "指标", "地区", "状态", "基期值", "数据序列", "走势", "时序进度应达", "年均变化",
        "观测增速", "所需增速", "比值R", "趋势判断", "期末预测", "说明",
    ),
    "en": (
        "indicator", "region", "status", "baseline", "series", "chart", "expected path",
        "change/yr", "observed growth", "needed growth", "R", "trend", "projected", "note",
    ),
}  # fmt: skip
NO_TREND = {
    "zh": "仅有{count}个数据且无基期值，无法判断趋势",
    "en": "{count} figure(s) and no baseline: no trend can be computed",
}


def trend_rows_dict(report: Assessment, lang: str = "zh") -> dict[str, Any]:
    return {
        "plan": report.plan.id,
        "year": report.year,
        "outside_period": report.outside_period,
        "indicators": [
            {
                "id": r.indicator.id,
                "name": r.indicator.name,
                "region": r.region,
                "status": r.status,
                "target": r.indicator.target.raw,
                "baseline": r.to_dict(report.plan, lang)["baseline"],
                "share": r.verdict.share,
                "expected": r.verdict.expected,
                "progress": r.verdict.progress,
                "expected_path": [list(p) for p in r.expected_path],
                "series": [[o.year, o.value.number] for o in sorted(r.observations)
                           if o.value.number is not None],
                "trend": trend_dict(r.trend, r.views_agree) if r.trend else None,
                "note": _note(r, lang),
            }
            for r in report.results
        ],
    }  # fmt: skip


def _pct(number_: float | None) -> str:
    return "" if number_ is None else f"{number_:+.2%}"


def _note(result: Result, lang: str) -> str:
    if result.trend is None:
        count = sum(1 for o in result.observations if o.value.number is not None)
        if result.indicator.target.form not in ("number", "relative"):
            return result.verdict.reason(lang)
        return NO_TREND[lang].format(count=count) if count else result.verdict.reason(lang)
    return explain_disagreement(result, lang)


def trend_rows(report: Assessment, lang: str) -> list[tuple[str, ...]]:
    rows = []
    for r in report.results:
        t = r.trend
        labels = (r.indicator.name, r.region or "", STATUS_LABELS[lang][r.status],
                  baseline_text(r, lang))  # fmt: skip
        if t is None:
            series = " ".join(
                f"{o.year}:{number(o.value.number)}"
                for o in sorted(r.observations)
                if o.value.number is not None and o.year <= report.year
            )
            rows.append(
                (*labels, series, "", number(r.verdict.expected), *[""] * 6, _note(r, lang))
            )
            continue
        path = dict(r.expected_path)
        last_year = t.points[-1][0]
        rows.append(
            (
                *labels,
                " ".join(f"{y}:{number(v)}" for y, v in t.points),
                sparkline([v for _, v in t.points]),
                number(path.get(last_year)),
                f"{t.linear_change:+g}",
                _pct(t.observed_growth),
                _pct(t.needed_growth),
                "" if t.ratio is None else f"{t.ratio:.2f}",
                trend_text(r, lang),
                number(t.projected),
                _note(r, lang),
            )
        )
    return rows


def csv_header(lang: str) -> tuple[str, ...]:
    """The table's columns, with the indicator id first and the status code after the status
    words: keys a pipeline can filter on (`status` is the code with --lang en, as in check)."""
    if lang == "zh":
        return ("编号", *HEADERS["zh"][:3], "状态代码", *HEADERS["zh"][3:])
    return ("id", *HEADERS["en"][:2], "status_label", "status", *HEADERS["en"][3:])


def csv_rows(report: Assessment, rows: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    return [
        (result.indicator.id, *row[:3], result.status, *row[3:])
        for result, row in zip(report.results, rows, strict=True)
    ]


def render_trend(
    report: Assessment, output_format: str, lang: str = "zh", *, color: bool = False
) -> str:
    if output_format == "json":
        return to_json(trend_rows_dict(report, lang))
    rows = trend_rows(report, lang)
    headers = HEADERS[lang]
    if output_format == "csv":
        from psplan.formats.csvout import to_csv

        return to_csv(csv_header(lang), csv_rows(report, rows))
    title = f"{report.plan.name} · {report.year}"
    if report.outside_period:
        title += "（规划期外）" if lang == "zh" else " (outside the plan period)"
    if output_format == "markdown":
        from psplan.formats.markdown import markdown_table

        return f"# {markdown_line(title)}\n\n{markdown_table(headers, rows)}"
    from psplan.formats.table import grouped_table, render_to_text

    return render_to_text(grouped_table(title, headers, rows, group_column=0), color=color)
