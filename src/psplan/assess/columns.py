"""Every result of an assessment in columns: what county-scale views read.

The region matrix, the spread across regions, the counts by status and by rating, the
progress by domain need a few numbers of each of a country's 185,600 results, not a `Result`
object for each: the columnar
path (`assess.columnar`) hands these columns over as it computes them, and makes a result
only when a view asks for it; for results already made, the columns are read off them.
"""

from __future__ import annotations

import operator
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from psplan.assess.evaluate import Status, shown_actual
from psplan.assess.rating import Rating

if TYPE_CHECKING:
    from psplan.assess.assessment import Result
    from psplan.plan.model import Indicator


@dataclass(frozen=True, repr=False)
class ResultColumns:
    """Result i is (regions[i], indicators[i]), judged statuses[i] and rated ratings[i];
    actuals[i] is its figure, or its text, or a bound as written (`evaluate.shown_actual`)."""

    regions: Sequence[str | None]
    indicators: Sequence[Indicator]
    statuses: Sequence[Status]
    actuals: Sequence[float | str | None]
    gaps: Sequence[float | None]
    ratings: Sequence[Rating | None]
    progress: Sequence[float | None]
    shares: Sequence[float | None]  # the time share each was judged at

    @classmethod
    def of(cls, results: Sequence[Result]) -> ResultColumns:
        return cls(
            [r.region for r in results],
            [r.indicator for r in results],
            [r.verdict.status for r in results],
            [shown_actual(r.verdict) for r in results],
            [r.verdict.gap for r in results],
            [r.rating for r in results],
            [r.verdict.progress for r in results],
            [r.verdict.share for r in results],
        )

    def __len__(self) -> int:
        return len(self.statuses)

    def take(self, rows: Sequence[int]) -> ResultColumns:
        """The results at `rows` (positions), in columns."""
        return ResultColumns(*(
            [column[i] for i in rows]
            for column in (self.regions, self.indicators, self.statuses, self.actuals,
                           self.gaps, self.ratings, self.progress, self.shares)
        ))  # fmt: skip

    def to_dict(self) -> dict[str, list]:
        """The columns by name, the JSON's keys (`pandas.DataFrame(columns.to_dict())`): a
        country's 185,600 results in a fraction of a second, where `to_rows()` words each
        one (half a minute). The region, the indicator's id, name and whether it is binding,
        the status, the figure judged, the gap, the rating, the progress and the time share."""
        indicators = self.indicators
        return {
            "region": list(self.regions),
            "id": [indicator.id for indicator in indicators],
            "name": [indicator.name for indicator in indicators],
            "binding": [indicator.is_binding for indicator in indicators],
            "status": list(self.statuses),
            "actual": list(self.actuals),
            "gap": list(self.gaps),
            "rating": list(self.ratings),
            "progress": list(self.progress),
            "share": list(self.shares),
        }

    def __repr__(self) -> str:
        """Short: a notebook shows 185,600 results' columns as one line, not 156 M characters."""
        return f"<ResultColumns: {len(self):,} results, {len(set(self.regions)):,} regions>"

    @cached_property
    def width(self) -> int | None:
        """How many results each region has when they are laid out region by region, each
        with the same indicators in the same order (as `check` lays them out): then the
        results of the j-th indicator are every width-th from j, and a view can take them
        by slicing, without a Python step per result. None for any other layout."""
        indicators, regions = self.indicators, self.regions
        count = len(indicators)
        width = 0
        seen: set[str] = set()
        for indicator in indicators:
            if indicator.id in seen:
                break
            seen.add(indicator.id)
            width += 1
        if not width or count % width:
            return None
        head = indicators[:width]
        for start in range(width, count, width):
            if not all(map(operator.is_, indicators[start : start + width], head)):
                return None
        for start in range(0, count, width):
            if regions[start : start + width].count(regions[start]) != width:
                return None
        return width

    def status_counts(self, binding_only: bool = False) -> Counter[str]:
        """How many results have each status (of binding indicators only, if asked)."""
        if not binding_only:
            return Counter(self.statuses)
        width = self.width
        if width is None:
            return Counter(s for s, i in zip(self.statuses, self.indicators, strict=True)
                           if i.is_binding)  # fmt: skip
        counted: Counter[str] = Counter()
        for j in range(width):
            if self.indicators[j].is_binding:
                counted.update(self.statuses[j::width])
        return counted

    def lagging_rows(self, binding_only: bool = True) -> list[int]:
        """The rows behind or not met (of binding indicators only, if asked), in order."""
        lagging = ("behind", "not_met")
        width = self.width
        if width is None:
            rows = zip(self.statuses, self.indicators, strict=True)
            return [
                i
                for i, (status, indicator) in enumerate(rows)
                if status in lagging and (not binding_only or indicator.is_binding)
            ]
        found = []
        for j in range(width):
            if not binding_only or self.indicators[j].is_binding:
                statuses = self.statuses[j::width]
                found += [k * width + j for k, s in enumerate(statuses) if s in lagging]
        return sorted(found)
