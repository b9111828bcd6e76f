"""Trends and projections: is the observed pace enough to reach the target on time?

Pure functions. Beside the linear "时间过半、任务过半" view of `evaluate`, this gives the
trend view used by Statistics Canada and Open SDG: the compound annual growth observed since
the baseline against the growth needed to reach the target by the end year; their ratio R
puts an indicator in one of four categories (DOMAIN.md):

    R ≥ 0.95        on_track              (on track)
    0.60 ≤ R < 0.95 acceleration_needed
    0 ≤ R < 0.60    limited_progress
    R < 0           deterioration

and, judged at or after the end year with the target not met (R < 0 aside), missed — the
period is over: 趋势正常 beside 未完成 read as a contradiction in a 终期评估; and a projection
of the end-year value at the observed pace (compound, or yearly amounts for
five-year totals). Rates (% shares such as 参保率, 巩固率) cannot pass 100 %, so projections are
capped there.

At county scale one indicator is trended for thousands of regions, so what depends only on the
indicator is worked out once: its cap (`natural_cap`), the plan's baseline (`Goal.fixed_baseline`),
the spread of a run of years (`linear_slope`), an expected path for the same baseline and target
(`expected`); and `Recent` keeps the last few trends, for the report row that asks for one
several times, without keeping every result's.

The series starts from the same baseline (value and year) the linear verdict used, so one
reported year is enough when the baseline is known. A target met at the baseline and missed
now (a rate slipping from 100 to 99.5, a cap of ≤ 18 breached) is deterioration. The outlook
(可望完成 / 完成难度较大) follows the category — achieved or on track is 可望完成 — so a row
never says "on track" and "likely missed" at once; the projected value is shown beside it.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Generic, Literal, TypeVar

from psplan.assess.evaluate import Baseline, Goal, expected_path, satisfies

Category = Literal[
    "achieved", "on_track", "acceleration_needed", "limited_progress", "deterioration", "missed"
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


@functools.lru_cache(maxsize=4096)
def natural_cap(unit: str | None, name: str) -> float | None:
    """100 for a percentage rate or share (it cannot pass 100 %), else no cap; a gross
    enrolment ratio may pass 100 %, up to `GROSS_CAP`. Remembered by (unit, name): every
    region's trend of an indicator asks."""
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
    """The least-squares change per year (the years' part is shared by every region that
    reported the same years: `_deviations`)."""
    deviations, spread = _deviations(tuple([x for x, _ in points]))
    if spread == 0:
        return 0.0
    mean_y = sum([y for _, y in points]) / len(points)
    return sum([d * (y - mean_y) for d, (_, y) in zip(deviations, points, strict=True)]) / spread


@functools.lru_cache(maxsize=1024)
def _deviations(years: tuple[float, ...]) -> tuple[tuple[float, ...], float]:
    """Each year's distance from their mean, and the sum of their squares."""
    mean_x = sum(years) / len(years)
    deviations = tuple([x - mean_x for x in years])
    return deviations, sum([d**2 for d in deviations])


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
        # A yearly average is not measured from the previous plan's average. The plan's
        # baseline, made once per indicator: Baseline(value, baseline_year, "plan").
        baseline = goal.fixed_baseline
    if baseline is None or baseline.value is None or baseline.year is None:
        return list(yearly)
    points = [(y, v) for y, v in yearly if y > baseline.year]
    points.insert(0, (baseline.year, baseline.value))
    return points


#: The target forms a trend is worked out for: a figure to reach (a number, a reference's
#: share, or a change from the baseline: 年均增长5%, 提高2个百分点, whose target the verdict
#: computes from the baseline it measures from).
TRENDED_FORMS = ("number", "relative", "change")


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
    op = goal.op
    observed = _cagr(first, last, last_year - first_year)

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
    # result (a 2024 figure judged in 2025 is the final one), and a target not met is missed,
    # whatever the pace was (a falling series stays deterioration)
    if max(last_year, year or last_year) >= goal.end_year:
        likely = satisfies(last, op, target_value)
        if not likely and category != "deterioration":
            category = "missed"
    else:
        likely = category in ("achieved", "on_track")
    return assembled(goal, points, observed, needed, ratio, category, likely, None, cap)


def as_judged(trend: Trend, status: str, actual_year: int | None, year: int, end: int) -> Trend:
    """The trend beside a verdict on a later figure than its series' last point: a bound
    (95%以上) the series leaves out, as it is no point of a line. Judged at or after the
    end year the outlook is the result, and the result is the verdict's: 已实现 where it is
    met, 未实现 where not (a falling series stays deterioration), none where a person must
    look. The series' last exact figure (94.5 in 2023) said 未实现 beside 已达标 (a trial's
    finding). Before the end, the pace of the exact figures stands."""
    last_point = trend.points[-1][0]
    if actual_year is None or actual_year <= last_point or max(year, actual_year) < end:
        return trend
    if status == "met":
        return replace(trend, category="achieved", likely_met=True)
    if status == "not_met":
        category = "deterioration" if trend.category == "deterioration" else "missed"
        return replace(trend, category=category, likely_met=False)
    return replace(trend, category=None, likely_met=False)


def assembled(
    goal: Goal,
    points: Sequence[tuple[int, float]],
    observed: float | None,
    needed: float | None,
    ratio: float | None,
    category: Category | None,
    likely: bool,
    projected: float | None,
    cap: float | None,
) -> Trend:
    """A trend from its parts, worked out by `trend` or, for a county's levels, by duckdb
    (`vectorised_trends`, which leaves out what is finished here): the least-squares slope,
    the projection at the observed pace where none is given, the cap, and the rounding."""
    slope = linear_slope(points)
    if projected is None:
        years_left = max(goal.end_year - points[-1][0], 0)  # a year past the end projects nothing
        projected = _project(goal, points, observed, slope, years_left)
    if cap is not None:
        projected = min(max(projected, 0.0), cap)
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


#: The most expected paths remembered per indicator (a plan's own baseline gives one path for
#: every region; a baseline each region reported first gives one each, so the memory is bounded).
PATHS_KEPT = 256
_paths: dict[int, tuple[Goal, dict[tuple[Any, ...], tuple[tuple[int, float], ...]]]] = {}


def expected(goal: Goal, baseline: Baseline, target_value: float) -> list[tuple[int, float]]:
    """`evaluate.expected_path`, remembered per indicator by the baseline's value and year and
    the target: the same numbers, computed once for every region measured from the same
    baseline (a new list each time: the caller may change it)."""
    if not baseline.value or baseline.year is None or not target_value:
        # none (no path), or zero: 0.0 and -0.0 are one key but may print differently
        return expected_path(goal, baseline, target_value)
    found = _paths.get(id(goal))
    if found is None or found[0] is not goal:  # the goal is kept, so its id is not reused
        if len(_paths) >= PATHS_KEPT:
            _paths.clear()
        found = _paths[id(goal)] = (goal, {})
    paths = found[1]
    # the types too: 90 and 90.0 are one key, but not the same JSON
    key = (baseline.value, type(baseline.value), baseline.year, target_value, type(target_value))
    path = paths.get(key)
    if path is None:
        if len(paths) >= PATHS_KEPT:
            paths.clear()
        path = paths[key] = tuple(expected_path(goal, baseline, target_value))
    return list(path)


Owner = TypeVar("Owner")
Computed = TypeVar("Computed")


class Recent(Generic[Owner, Computed]):
    """The values computed for the last `size` owners, by identity.

    A report's row asks for its result's trend several times (the category, the outlook,
    whether it agrees with the status); keeping every result's trend on the result would hold
    185,600 of them at county scale (about 70 MB), so only the last few are kept."""

    def __init__(self, size: int = 64) -> None:
        self.size = size
        self._values: dict[int, tuple[Owner, Computed]] = {}

    def get(self, owner: Owner, compute: Callable[[], Computed]) -> Computed:
        found = self._values.get(id(owner))
        if found is not None and found[0] is owner:
            return found[1]
        value = compute()
        if len(self._values) >= self.size:
            try:
                del self._values[next(iter(self._values))]  # the oldest
            except (RuntimeError, StopIteration, KeyError):  # another thread changed it
                self._values.clear()
        self._values[id(owner)] = (owner, value)  # the owner is kept: its id is not reused
        return value


def sparkline(values: Sequence[float]) -> str:
    """A compact terminal chart: ▁▂▃▄▅▆▇█ scaled to the series."""
    if not values:
        return ""
    blocks = "▁▂▃▄▅▆▇█"
    low, high = min(values), max(values)
    if high == low:
        return blocks[3] * len(values)
    return "".join(blocks[round((v - low) / (high - low) * (len(blocks) - 1))] for v in values)


#: The trends last read (`Result.trend`), by result.
TRENDS_READ: Recent[object, Trend | None] = Recent()
