"""Trends and projections: is the observed pace enough to reach the target on time?

Pure functions. Beside the linear "时间过半、任务过半" view of `evaluate`, this gives the
trend view used by Statistics Canada and Open SDG: the compound annual growth observed since
the baseline against the growth needed to reach the target by the end year; their ratio R
puts an indicator in one of four categories (DOMAIN.md):

    R ≥ 0.95        on_track              (on track)
    0.60 ≤ R < 0.95 acceleration_needed
    0 ≤ R < 0.60    limited_progress
    R < 0           deterioration

and a projection of the end-year value at the observed pace (compound, or yearly amounts for
five-year totals). Rates (% shares such as 参保率, 巩固率) cannot pass 100 %, so projections are
capped there.

The series starts from the same baseline (value and year) the linear verdict used, so one
reported year is enough when the baseline is known. A target met at the baseline and missed
now (a rate slipping from 100 to 99.5, a cap of ≤ 18 breached) is deterioration. The outlook
(可望完成 / 完成难度较大) follows the category — achieved or on track is 可望完成 — so a row
never says "on track" and "likely missed" at once; the projected value is shown beside it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from psplan.assess.evaluate import Baseline, Goal, satisfies

Category = Literal[
    "achieved", "on_track", "acceleration_needed", "limited_progress", "deterioration"
]
RATE_WORDS = ("率", "占比", "比例", "覆盖")


@dataclass(frozen=True)
class Trend:
    points: tuple[tuple[int, float], ...]  # the series used, baseline first where there is one
    linear_change: float  # least-squares change per year
    observed_growth: float | None  # compound annual growth since the first point
    needed_growth: float | None  # compound annual growth needed to reach the target on time
    ratio: float | None  # observed / needed
    category: Category | None
    projected: float  # the end-year value if the observed pace continues
    likely_met: bool  # the outlook: achieved or on track (R ≥ 0.95)


#: Rates that may pass 100 %: a gross ratio counts pupils of any age (毛入学率 101.26 %),
#: though never by half again.
GROSS_WORDS = ("毛入学率", "毛入园率")
GROSS_CAP = 150.0


def natural_cap(unit: str | None, name: str) -> float | None:
    """100 for a percentage rate or share (it cannot pass 100 %), else no cap; a gross
    enrolment ratio may pass 100 %, up to `GROSS_CAP`."""
    if unit == "%" and any(word in name for word in GROSS_WORDS):
        return GROSS_CAP
    return 100.0 if unit == "%" and any(word in name for word in RATE_WORDS) else None


def categorise(ratio: float) -> Category:
    if ratio >= 0.95:
        return "on_track"
    if ratio >= 0.60:
        return "acceleration_needed"
    if ratio >= 0:
        return "limited_progress"
    return "deterioration"


def linear_slope(points: Sequence[tuple[int, float]]) -> float:
    n = len(points)
    mean_x = sum(x for x, _ in points) / n
    mean_y = sum(y for _, y in points) / n
    spread = sum((x - mean_x) ** 2 for x, _ in points)
    if spread == 0:
        return 0.0
    return sum((x - mean_x) * (y - mean_y) for x, y in points) / spread


def series_points(
    goal: Goal, yearly: Sequence[tuple[int, float]], baseline: Baseline | None = None
) -> list[tuple[int, float]]:
    """The series a trend is computed on: running totals for cumulative goals, else the values,
    starting from the baseline (the one the verdict used; by default the printed one)."""
    yearly = sorted(yearly)
    if goal.kind == "cumulative":
        total, points = 0.0, [(goal.start_year - 1, 0.0)]
        for year, value in yearly:
            if goal.start_year <= year <= goal.end_year:
                total += value
                points.append((year, round(total, 6)))
        return points
    if baseline is None and goal.baseline.value is not None and goal.kind == "level":
        # A yearly average is not measured from the previous plan's average.
        baseline = Baseline(goal.baseline.value, goal.baseline_year, "plan")
    if baseline is None or baseline.value is None or baseline.year is None:
        return list(yearly)
    points = [(y, v) for y, v in yearly if y > baseline.year]
    points.insert(0, (baseline.year, baseline.value))
    return points


def trend(
    goal: Goal,
    yearly: Sequence[tuple[int, float]],
    target_value: float,
    *,
    cap: float | None = None,
    baseline: Baseline | None = None,
    year: int | None = None,
) -> Trend | None:
    """The trend of a numeric goal from its yearly figures; None with fewer than two points.

    `year` is the year judged (default: the last figure's): judged at the end, the outlook is
    the result.
    """
    points = series_points(goal, yearly, baseline)
    if len(points) < 2 or points[-1][0] == points[0][0]:
        return None
    (first_year, first), (last_year, last) = points[0], points[-1]
    slope = linear_slope(points)
    op = goal.op
    years_left = max(goal.end_year - last_year, 0)  # a year past the end projects nothing
    observed = _cagr(first, last, last_year - first_year)
    projected = _project(goal, points, observed, slope, years_left)
    if cap is not None:
        projected = min(max(projected, 0.0), cap)

    needed = ratio = None
    category: Category | None
    if satisfies(last, op, target_value):
        category = "achieved"
    elif satisfies(first, op, target_value):
        # Met at the start, missed now: a level slipping away, a breached cap, yearly figures
        # that fell below the yearly target they used to reach, or a five-year total that
        # less-is-better has run past its cap (its running sum only grows from 0).
        category = "deterioration"
    else:
        needed = _cagr(first, target_value, goal.end_year - first_year)
        if goal.kind != "cumulative" and observed is not None and needed:
            ratio = observed / needed
        else:
            # No compound rate (a running total from zero, a zero start, a target equal to the
            # start): compare the yearly pace with the pace needed.
            span = goal.end_year - first_year
            pace_needed = (target_value - first) / span if span > 0 else 0.0
            pace = (last - first) / (last_year - first_year)
            ratio = pace / pace_needed if pace_needed else None
        category = categorise(ratio) if ratio is not None else None
    # Judged at or after the end year there is nothing left to project: the outlook is the
    # result (a 2024 figure judged in 2025 is the final one).
    if max(last_year, year or last_year) >= goal.end_year:
        likely = satisfies(last, op, target_value)
    else:
        likely = category in ("achieved", "on_track")
    return Trend(
        tuple(points),
        round(slope, 6) if math.isfinite(slope) else 0.0,
        _round(observed),
        _round(needed),
        _round(ratio),
        category,
        round(projected, 6),
        likely,
    )


def _project(
    goal: Goal,
    points: Sequence[tuple[int, float]],
    observed: float | None,
    slope: float,
    years_left: int,
) -> float:
    """The end-year value at the observed pace (inf-safe: an absurd pace stays finite)."""
    (first_year, _), (last_year, last) = points[0], points[-1]
    try:
        if goal.kind == "cumulative":
            # The running total grows by the yearly amount seen so far, not by a rate.
            projected = last + (last / (last_year - first_year)) * years_left
        elif observed is not None:
            # The same compound pace the ratio R is judged on.
            projected = last * (1 + observed) ** years_left
        else:
            projected = last + slope * years_left
    except OverflowError:
        projected = float("inf")
    return projected if math.isfinite(projected) else math.copysign(1e308, projected)


def _cagr(start: float, end: float, years: int) -> float | None:
    if years <= 0 or start <= 0 or end <= 0:
        return None
    try:
        rate = (end / start) ** (1 / years) - 1
    except (OverflowError, ZeroDivisionError):
        return None
    return rate if math.isfinite(rate) else None


def _round(number: float | None) -> float | None:
    return None if number is None or not math.isfinite(number) else round(number, 6)


def sparkline(values: Sequence[float]) -> str:
    """A compact terminal chart: ▁▂▃▄▅▆▇█ scaled to the series."""
    if not values:
        return ""
    blocks = "▁▂▃▄▅▆▇█"
    low, high = min(values), max(values)
    if high == low:
        return blocks[3] * len(values)
    return "".join(blocks[round((v - low) / (high - low) * (len(blocks) - 1))] for v in values)
