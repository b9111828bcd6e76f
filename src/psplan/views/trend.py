"""`psplan trend`: each indicator's series, its expected path and the trend view, as a `View`.

Every figure comes from the assessment (`Result.trend`, `Result.expected_path`): the same
baseline and base year the verdict used, so `trend` and `check` cannot disagree. Figures read
as the plan prints them (`psplan.views.numbers`): a reported figure with the plan's decimals
(and its own), a computed one (the expected path, the change per year, the projection) with
the plan's decimals only, or two where the plan prints no number; never float noise.

`trend_rows_dict` is the JSON contract (keys may be added, none renamed).
"""

from __future__ import annotations

import re
from typing import Any

from psplan.assess.assessment import Assessment, Result, explain_disagreement, trend_dict
from psplan.assess.trends import sparkline
from psplan.plan.model import Indicator
from psplan.views.assessment import baseline_cell, statuses, trend_text
from psplan.views.model import Cell, Column, Table, View
from psplan.views.numbers import Figure, growth, measure, plan_precision, ratio
from psplan.words import say

#: The columns, by key (`trend.column.<key>` in the catalogue); names and notes may wrap.
COLUMNS = (
    "id", "indicator", "region", "status", "baseline", "series", "chart", "expected", "change",
    "observed_growth", "needed_growth", "ratio", "trend", "projected", "note",
)  # fmt: skip
WIDE = frozenset({"id", "indicator", "baseline", "series", "trend", "note"})
#: Decimals of a computed figure of an indicator whose plan prints no number.
DEFAULT_PLACES = 2
#: Decimals of a growth rate (a fraction: +1.23% is 0.0123) and of the ratio R, as shown.
GROWTH_PLACES = 4
RATIO_PLACES = 2
_DIGIT = re.compile(r"\d")


def trend_rows_dict(report: Assessment, lang: str = "zh") -> dict[str, Any]:
    """`psplan trend --format json`."""
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


def trend_view(report: Assessment, lang: str = "zh") -> View:
    rows = [_row(result, report.year, lang) for result in report.results]
    columns = tuple(Column(key, say(f"trend.column.{key}", lang), key in WIDE) for key in COLUMNS)
    key = "trend.title_outside" if report.outside_period else "trend.title"
    title = say(key, lang, plan=report.plan.name, year=report.year)
    regions = any(result.region for result in report.results)
    table = Table(
        "trends", say("trend.table", lang), columns, rows, group="region" if regions else None
    )
    return View("trend", title, lang, trend_rows_dict(report, lang), [table], primary="trends")


def _row(result: Result, year: int, lang: str) -> tuple[Cell, ...]:
    indicator, trend = result.indicator, result.trend
    status = statuses(lang)[result.status]
    # The baseline and the trend read as in every report of `check` (views/assessment.py).
    first = (indicator.id, indicator.name, result.region, status, baseline_cell(result, lang))
    if trend is None:
        values = [
            (o.year, o.value.number)
            for o in sorted(result.observations)
            if o.value.number is not None and o.year <= year
        ]
        expected = _estimate(indicator, result.verdict.expected)
        blank = (None,) * 6
        return (*first, series_text(indicator, values, lang), None, expected, *blank,
                _note(result, lang))  # fmt: skip
    last_year = trend.points[-1][0]
    return (
        *first,
        series_text(indicator, trend.points, lang),
        sparkline([value for _, value in trend.points]),
        _estimate(indicator, dict(result.expected_path).get(last_year)),
        _change(indicator, trend.linear_change),
        growth(_rounded(trend.observed_growth, GROWTH_PLACES)),
        growth(_rounded(trend.needed_growth, GROWTH_PLACES)),
        ratio(_rounded(trend.ratio, RATIO_PLACES)),
        trend_text(result, lang) or None,
        _estimate(indicator, trend.projected),
        _note(result, lang),
    )


def _note(result: Result, lang: str) -> str:
    if result.trend is None:
        count = sum(1 for o in result.observations if o.value.number is not None)
        if result.indicator.target.form not in ("number", "relative") or not count:
            return result.verdict.reason(lang)
        return say("trend.no_trend", lang, count=count)
    return explain_disagreement(result, lang)


def series_text(indicator: Indicator, points: Any, lang: str) -> str:
    """The series as one text, each figure as `measure` shows it: 2021: 5.56 · 2022: 10.81."""
    return say("trend.points_sep", lang).join(
        say("trend.point", lang, year=point_year, value=measure(indicator, value))
        for point_year, value in points
    )


def _prints_a_number(indicator: Indicator) -> bool:
    return bool(_DIGIT.search(f"{indicator.target.raw or ''} {indicator.baseline.raw or ''}"))


def _places(indicator: Indicator) -> int:
    return plan_precision(indicator) if _prints_a_number(indicator) else DEFAULT_PLACES


def _rounded(value: float | None, places: int) -> float | None:
    """A computed figure rounded to what is shown, so every format (a CSV writes the value)
    gives the same number and none gives false precision."""
    return None if value is None else round(value, places) + 0.0


def _estimate(indicator: Indicator, value: float | None) -> Figure | str | None:
    """A computed figure (the expected path, a projection) with the plan's decimals."""
    if value is None:
        return None
    rounded = _rounded(value, _places(indicator))
    if _prints_a_number(indicator):
        return measure(indicator, rounded, estimate=True)
    return measure(indicator, rounded)


def _change(indicator: Indicator, value: float | None) -> Figure | None:
    """The change per year, signed, in the indicator's unit (a % indicator's in percentage
    points: +1.9, not +1.9%, which would read as a growth rate)."""
    if value is None:
        return None
    places = _places(indicator)
    value = round(value, places) + 0.0
    number = "#,##0" + ("." + "0" * places if places else "")
    shown = f"{value:+,.{places}f}"
    if not shown.strip("+-0.,"):
        shown = shown[1:]  # never "+0.0" or "-0.0"
    return Figure(value, f"+{number};-{number};{number}", shown)
