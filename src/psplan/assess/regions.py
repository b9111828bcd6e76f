"""Equalisation between regions (均等化): a region × indicator matrix and the spread of each
indicator across regions. Pure functions over an `Assessment`.

The plan's own area (全市, the plan's region name) is a row of the matrix like any region, but
not part of the spread: a total is not one of the counties whose gaps it measures.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from psplan.assess.assessment import Assessment as Report
from psplan.assess.columns import ResultColumns
from psplan.assess.evaluate import Status


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
    own = report.own_area
    by_indicator = _rows_by_indicator(columns, own)
    statuses, actuals, gaps, regions = (
        columns.statuses, columns.actuals, columns.gaps, columns.regions,
    )  # fmt: skip
    out = []
    for indicator_id, rows in by_indicator.items():
        numbers: list[float] = [n for n in map(actuals.__getitem__, rows) if type(n) is float]
        # a dict in the order the statuses are first met (the JSON keeps it)
        counted = dict(Counter(map(statuses.__getitem__, rows)))
        lagging = sorted(
            (i for i in rows if statuses[i] in ("behind", "not_met")),
            key=lambda i: -(gaps[i] or 0.0),
        )
        mean = sum(numbers) / len(numbers) if numbers else None
        cv = None
        if numbers and mean:
            variance = sum((n - mean) ** 2 for n in numbers) / len(numbers)
            cv = round(math.sqrt(variance) / abs(mean), 6)
        out.append(
            Spread(
                indicator_id,
                columns.indicators[rows[0]].name,
                len(rows),
                len(numbers),
                min(numbers) if numbers else None,
                max(numbers) if numbers else None,
                round(mean, 6) if mean is not None else None,
                cv,
                counted,
                tuple(regions[i] or "" for i in lagging),
            )
        )
    return out


def _rows_by_indicator(columns: ResultColumns, own: frozenset[str]) -> dict[str, list[int]]:
    """Each indicator's rows outside the plan's own area, in the order of the results (by
    slicing when the layout is regular: `ResultColumns.width`)."""
    indicators, regions = columns.indicators, columns.regions
    width = columns.width
    if width is None:
        by_indicator: dict[str, list[int]] = {}
        for i, (region, indicator) in enumerate(zip(regions, indicators, strict=True)):
            if region not in own:
                by_indicator.setdefault(indicator.id, []).append(i)
        return by_indicator
    starts = [start for start in range(0, len(regions), width) if regions[start] not in own]
    return {indicators[j].id: [start + j for start in starts] for j in range(width)}
