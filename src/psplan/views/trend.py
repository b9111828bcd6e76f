"""`psplan trend`: each indicator's series, its expected path and the trend view, as a `View`.

Every figure comes from the assessment (`Result.trend`, `Result.expected_path`): the same
baseline and base year the verdict used, so `trend` and `check` cannot disagree; the series and
the projection read as in the trends table of `check` (`series_text` and `estimate`, shared in
`psplan.views.assessment`), and the expected value is check's 应达值, the same cell
(`psplan.views.numbers.computed`). Figures read as the plan prints them
(`psplan.views.numbers`): a reported figure with the plan's decimals (and its own), a computed
one (the change per year, the projection) with the plan's decimals, or the decimals of the reported
figures it is computed from when more (at most 2: hanzhong's 接受创业服务人数, target "3",
reported 2.76 · 2.8 · 2.95, is projected as 3.15 and changes by +0.10 a year, not 3 and 0), or
two where the plan prints no number; never float noise. A % indicator changes by percentage
points: +2.0个百分点.

`trend_rows_dict` is the JSON contract (keys may be added, none renamed).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any

from psplan.assess.assessment import (
    Assessment,
    Result,
    explain_disagreement,
    left_as_out_of_scale,
    trend_dict,
)
from psplan.assess.evaluate import Observation
from psplan.assess.trends import TRENDED_FORMS, sparkline
from psplan.plan.model import Indicator, Plan
from psplan.views.assessment import (
    Each,
    baseline_cell,
    estimate_places,
    expected_cell,
    lazy_rows,
    projected_cell,
    rounded,
    series_text,
    statuses,
    trend_text,
)
from psplan.views.model import Cell, Column, Table, View
from psplan.views.numbers import Figure, growth, in_points, is_percent, ratio
from psplan.words import say

#: The columns, by key (`trend.column.<key>` in the catalogue); names and notes may wrap.
COLUMNS = (
    "id", "indicator", "region", "status", "baseline", "series", "chart", "expected", "change",
    "observed_growth", "needed_growth", "ratio", "trend", "projected", "note",
)  # fmt: skip
WIDE = frozenset({"id", "indicator", "baseline", "series", "trend", "note"})
#: Left out first by a terminal too narrow for every column (the codes; the names say it).
OPTIONAL = frozenset({"id"})
#: Decimals of a growth rate (a fraction: +1.23% is 0.0123) and of the ratio R, as shown.
GROWTH_PLACES = 4
RATIO_PLACES = 2


def trend_rows_dict(report: Assessment, lang: str = "zh") -> dict[str, Any]:
    """`psplan trend --format json`."""
    data = _trend_data(report, lang)
    data["indicators"] = list(data["indicators"])
    return data


def _trend_data(report: Assessment, lang: str) -> dict[str, Any]:
    """`trend_rows_dict`, each indicator's dict made as the JSON is written and dropped
    (`Each`): a country's 185,600 of them held at once took 1.6 GB."""
    return {
        "plan": report.plan.id,
        "year": report.year,
        "outside_period": report.outside_period,
        "indicators": Each(report.results, functools.partial(_indicator, report.plan, lang)),
    }


def _indicator(plan: Plan, lang: str, r: Result) -> dict[str, Any]:
    return {
        "id": r.indicator.id,
        "name": r.indicator.name,
        "region": r.region,
        "status": r.status,
        "target": r.indicator.target.raw,
        "baseline": r.baseline_dict(plan),
        "share": r.verdict.share,
        "expected": r.verdict.expected,
        "progress": r.verdict.progress,
        "expected_path": [list(p) for p in r.expected_path],
        "series": [[o.year, o.value.number] for o in sorted(r.observations)
                   if o.value.exact],
        "trend": trend_dict(r.trend, r.views_agree) if r.trend else None,
        "note": _note(r, lang),
    }  # fmt: skip


def trend_view(report: Assessment, lang: str = "zh") -> View:
    """Every result's trend, a row each, made as a format reads it (`lazy_rows`): a
    country's counties are 185,600 rows."""
    rows = lazy_rows(report.results, functools.partial(_row, year=report.year, lang=lang),
                     one_each=True)  # fmt: skip
    columns = tuple(
        Column(key, say(f"trend.column.{key}", lang), key in WIDE, key in OPTIONAL)
        for key in COLUMNS
    )
    key = "trend.title_outside" if report.outside_period else "trend.title"
    title = say(key, lang, plan=report.plan.name, year=report.year)
    regions = any(report.columns.regions)
    table = Table(
        "trends", say("trend.table", lang), columns, rows, group="region" if regions else None
    )
    data = functools.partial(_trend_data, report, lang)
    return View("trend", title, lang, data, [table], primary="trends")


def _row(result: Result, year: int, lang: str) -> tuple[Cell, ...]:
    indicator, trend = result.indicator, result.trend
    status = statuses(lang)[result.status]
    # The baseline and the trend read as in every report of `check` (views/assessment.py).
    first = (indicator.id, indicator.name, result.region, status, baseline_cell(result, lang))
    if trend is None:
        values = [(o.year, o.value.number) for o in _since_baseline(result, year)]
        expected = expected_cell(result)
        blank = (None,) * 6
        return (*first, series_text(indicator, values, lang), None, expected, *blank,
                _note(result, lang))  # fmt: skip
    points = [value for _, value in trend.points]
    return (
        *first,
        series_text(indicator, trend.points, lang),
        sparkline(points),
        expected_cell(result),
        _change(indicator, trend.linear_change, points, lang),
        growth(rounded(trend.observed_growth, GROWTH_PLACES)),
        growth(rounded(trend.needed_growth, GROWTH_PLACES)),
        ratio(rounded(trend.ratio, RATIO_PLACES)),
        trend_text(result, lang) or None,
        projected_cell(result, points),
        _note(result, lang),
    )


def _since_baseline(result: Result, year: int | None = None) -> list[Observation]:
    """The exact figures a trend could be of, in year order: up to `year`, and none before
    the baseline year (the period before's: 2021–2025 read by a 十五五 plan were listed as
    its series, "无基期值" beside the baseline shown: a trial)."""
    start = result.goal.baseline_year if result.goal is not None else None
    return [
        o for o in sorted(result.observations)
        if o.value.exact and (year is None or o.year <= year)
        and (start is None or o.year >= start)
    ]  # fmt: skip


def _note(result: Result, lang: str) -> str:
    if result.trend is None:
        count = len(_since_baseline(result, result.year))
        if (
            result.indicator.target.form not in TRENDED_FORMS
            or not count
            or left_as_out_of_scale(result.goal, result.verdict)  # (its reason says why)
        ):
            return result.verdict.reason(lang)
        key = "trend.no_trend" if result.verdict.baseline.value is None else "trend.too_few"
        return say(key, lang, count=count)
    return explain_disagreement(result, lang)


#: The most decimals a change per year is shown with, to show it is not 0.
MOST_CHANGE_PLACES = 4


def _change(
    indicator: Indicator, value: float | None, points: Iterable[float], lang: str
) -> Figure | None:
    """The change per year, signed, in the indicator's unit (a % indicator's in percentage
    points: +1.9个百分点, not +1.9%, which would read as a growth rate), with the decimals of
    an estimate from the series `points` (`estimate_places`), or more where those would
    round a change to 0: 所 counted 2, 3, 3, 4, 4 change by +0.5 a year, not 0 (a trial)."""
    if value is None:
        return None
    places = estimate_places(indicator, points)
    while round(value, places) == 0 and value and places < MOST_CHANGE_PLACES:
        places += 1
    value = round(value, places) + 0.0
    if is_percent(indicator):
        return in_points(value, places, say("unit.points", lang), signed=True)
    number = "#,##0" + ("." + "0" * places if places else "")
    shown = f"{value:+,.{places}f}"
    if not shown.strip("+-0.,"):
        shown = shown[1:]  # never "+0.0" or "-0.0"
    return Figure(value, f"+{number};-{number};{number}", shown)
