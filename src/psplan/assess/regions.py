"""Equalisation between regions (均等化): a region × indicator matrix and the spread of each
indicator across regions. Pure functions over an `Assessment`.

The plan's own area (全市, the plan's region name) is a row of the matrix like any region, but
not part of the spread: a total is not one of the counties whose gaps it measures.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from itertools import repeat

from psplan.assess.assessment import Assessment as Report
from psplan.assess.check import goal_of
from psplan.assess.columns import ResultColumns
from psplan.assess.evaluate import Status
from psplan.plan.model import Indicator


@dataclass(frozen=True)
class Spread:
    indicator_id: str
    name: str
    regions: int
    reported: int
    minimum: float | None
    maximum: float | None
    mean: float | None
    cv: float | None  # coefficient of variation: population standard deviation / mean
    statuses: dict[str, int]
    lagging: tuple[str, ...]  # regions behind or not met, worst gap first


#: The statuses a region lags in (its name in `Spread.lagging`).
_LAGGING = frozenset({"behind", "not_met"})


def status_matrix(report: Report) -> dict[str, dict[str, Status]]:
    columns = report.columns
    matrix: dict[str, dict[str, Status]] = {}
    width = columns.width
    if width is not None:  # region by region: each region's row is a slice
        ids = [indicator.id for indicator in columns.indicators[:width]]
        for start in range(0, len(columns.statuses), width):
            row = matrix.setdefault(columns.regions[start] or "", {})
            row.update(zip(ids, columns.statuses[start : start + width], strict=True))
        return matrix
    for region, indicator, status in zip(
        columns.regions, columns.indicators, columns.statuses, strict=True
    ):
        matrix.setdefault(region or "", {})[indicator.id] = status
    return matrix


def spreads(report: Report) -> list[Spread]:
    columns = report.columns
    statuses, actuals, gaps, regions = (
        columns.statuses, columns.actuals, columns.gaps, columns.regions,
    )  # fmt: skip
    out = []
    for rows, indicator in rows_by_indicator(columns, report.own_area):
        if isinstance(rows, slice):  # every width-th result: C-speed slices, no lookups
            figures = actuals[rows]
            seen, gap_of = statuses[rows], gaps[rows]
            places = regions[rows]
        else:
            figures = list(map(actuals.__getitem__, rows))
            seen, gap_of = [statuses[i] for i in rows], [gaps[i] for i in rows]
            places = [regions[i] for i in rows]
        numbers = [n for n in figures if type(n) is float]
        # a figure in another unit, most likely (37600 张 among 3.7 万张, 0.988 among 98 %):
        # left to a person, and no part of the spread (it made a CV of 316 %)
        numbers = goal_of(report.plan, indicator).in_scale(numbers)
        # a dict in the order the statuses are first met (the JSON keeps it)
        counted = dict(Counter(seen))
        # worst gap first; the sort is stable, so equal gaps keep the results' order
        lagging = [k for k, status in enumerate(seen) if status in _LAGGING]
        if lagging:
            gap_key = [-(gap or 0.0) for gap in gap_of]
            lagging.sort(key=gap_key.__getitem__)
        mean = sum(numbers) / len(numbers) if numbers else None
        cv = None
        if numbers and mean:
            deviations = [n - mean for n in numbers]
            variance = sum(map(pow, deviations, repeat(2))) / len(numbers)
            cv = round(math.sqrt(variance) / abs(mean), 6)
        out.append(
            Spread(
                indicator.id,
                indicator.name,
                len(seen),
                len(numbers),
                min(numbers) if numbers else None,
                max(numbers) if numbers else None,
                round(mean, 6) if mean is not None else None,
                cv,
                counted,
                tuple(places[k] or "" for k in lagging),
            )
        )
    return out


def rows_by_indicator(
    columns: ResultColumns, own: frozenset[str]
) -> list[tuple[list[int] | slice, Indicator]]:
    """Each indicator's rows outside the plan's own area, in the order of the results, with
    the indicator: a slice when the layout is regular (`ResultColumns.width`) and no result
    is the own area's. A file without a region column is the own area's too (its rows were
    a region named "" in the spread, and lagging)."""
    indicators, regions = columns.indicators, columns.regions
    width = columns.width
    if width is None:
        by_indicator: dict[str, list[int]] = {}
        first: dict[str, Indicator] = {}
        for i, (region, indicator) in enumerate(zip(regions, indicators, strict=True)):
            if region and region not in own:
                by_indicator.setdefault(indicator.id, []).append(i)
                first.setdefault(indicator.id, indicator)
        return [(rows, first[key]) for key, rows in by_indicator.items()]
    starts = [start for start in range(0, len(regions), width)
              if regions[start] and regions[start] not in own]  # fmt: skip
    if len(starts) * width == len(regions):
        return [(slice(j, None, width), indicators[j]) for j in range(width) if starts]
    return [([start + j for start in starts], indicators[j]) for j in range(width) if starts]
