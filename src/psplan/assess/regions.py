"""Equalisation between regions (均等化): a region × indicator matrix and the spread of each
indicator across regions. Pure functions over an `Assessment`.

The plan's own area (全市, the plan's region name) is a row of the matrix like any region, but
not part of the spread: a total is not one of the counties whose gaps it measures.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from psplan.assess.assessment import Assessment as Report
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
    matrix: dict[str, dict[str, Status]] = {}
    for result in report.results:
        matrix.setdefault(result.region or "", {})[result.indicator.id] = result.status
    return matrix


def spreads(report: Report) -> list[Spread]:
    by_indicator: dict[str, list] = {}
    for result in report.results:
        if result.region not in report.own_area:
            by_indicator.setdefault(result.indicator.id, []).append(result)
    out = []
    for indicator_id, results in by_indicator.items():
        numbers = [r.verdict.actual for r in results if isinstance(r.verdict.actual, float)]
        statuses: dict[str, int] = {}
        for r in results:
            statuses[r.status] = statuses.get(r.status, 0) + 1
        lagging = sorted(
            (r for r in results if r.status in ("behind", "not_met")),
            key=lambda r: -(r.verdict.gap or 0.0),
        )
        mean = sum(numbers) / len(numbers) if numbers else None
        cv = None
        if numbers and mean:
            variance = sum((n - mean) ** 2 for n in numbers) / len(numbers)
            cv = round(math.sqrt(variance) / abs(mean), 6)
        out.append(
            Spread(
                indicator_id,
                results[0].indicator.name,
                len(results),
                len(numbers),
                min(numbers) if numbers else None,
                max(numbers) if numbers else None,
                round(mean, 6) if mean is not None else None,
                cv,
                statuses,
                tuple(r.region or "" for r in lagging),
            )
        )
    return out
