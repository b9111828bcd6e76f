"""What a report says first about many regions: the domains region by region, and the regions
that lag most.

A province's or a country's counties (2,900 of them × a plan's 64 indicators) cannot be read
row by row, nor as a matrix of 185,600 cells in a terminal. From `SUMMARY_FROM_REGIONS` named
regions on, `check` and `check --by-region` lead with two tables computed from the
assessment's columns (no result is made for them):

- `domain_regions`: each domain of the plan — how many regions report it, how many have every
  one of its indicators met or on track, how many lag in at least one, the share of its results
  met or on track, and the regions with the most results behind or not met;
- `lagging_regions`: the `MOST` regions with the most results behind or not met (binding ones
  first among equals), and the domains where they lag most.

The full matrix and every result stay in the CSV, XLSX and JSON outputs.
"""

from __future__ import annotations

import heapq
from collections import Counter

from psplan.assess.assessment import Assessment
from psplan.views.model import Cell, Column, Table
from psplan.views.numbers import count, share
from psplan.words import say

#: From this many named regions (outside the plan's own area) the summaries lead the report.
SUMMARY_FROM_REGIONS = 30
#: How many regions the lagging table lists and the domain table names, and how many
#: domains the lagging table names for each region.
MOST, NAMED, NAMED_DOMAINS = 20, 5, 3
LAGGING = ("behind", "not_met")
#: Met, or on the line to it (before the end year nothing else counts as on course).
GOOD = ("met", "on_track")


def many_regions(report: Assessment) -> bool:
    """Whether the report has regions enough to lead with the summaries."""
    named = [region for region in report.regions if region and region not in report.own_area]
    return len(named) >= SUMMARY_FROM_REGIONS


def summary_tables(report: Assessment, lang: str) -> list[Table]:
    """The domains across the regions, then the regions lagging most (one pass over the
    columns for both)."""
    tally = _Tally.of(report)
    return [domain_regions_table(report, lang, tally), lagging_regions_table(report, lang, tally)]


class _Tally:
    """Per region: results, lagging, binding lagging, lagging per domain; per domain and
    region: results, met, lagging (the plan's own area left out)."""

    def __init__(self) -> None:
        self.results: Counter[str] = Counter()
        self.lagging: Counter[str] = Counter()
        self.binding: Counter[str] = Counter()
        self.by_domain: dict[str, Counter[str]] = {}
        self.domains: dict[str, dict[str, list[int]]] = {}

    @classmethod
    def of(cls, report: Assessment) -> _Tally:
        if report.columns.width is not None:
            return cls._by_slices(report)
        tally = cls()
        columns = report.columns
        own = report.own_area
        # an indicator's domain and binding, looked up once per indicator, not per row
        facts = {id(i): (i.domain, i.is_binding) for i in report.plan.indicators}
        for region, indicator, status in zip(
            columns.regions, columns.indicators, columns.statuses, strict=True
        ):
            if not region or region in own:
                continue
            domain, binding = facts.get(id(indicator)) or (indicator.domain, indicator.is_binding)
            tally.results[region] += 1
            found = tally.domains.setdefault(domain, {}).setdefault(region, [0, 0, 0])
            found[0] += 1
            if status in GOOD:
                found[1] += 1
            elif status in LAGGING:
                found[2] += 1
                tally.lagging[region] += 1
                if binding:
                    tally.binding[region] += 1
                counted = tally.by_domain.get(region)
                if counted is None:
                    counted = tally.by_domain[region] = Counter()
                counted[domain] += 1
        return tally

    @classmethod
    def _by_slices(cls, report: Assessment) -> _Tally:
        """The same tally for results laid out region by region (`ResultColumns.width`):
        each indicator's statuses are a slice, summed region by region in list steps."""
        tally = cls()
        columns = report.columns
        width = columns.width
        assert width is not None
        own = report.own_area
        places = columns.regions[::width]
        keep = [bool(region) and region not in own for region in places]
        per_domain: dict[str, list[list[int]]] = {}  # domain → [results, met, lagging]
        lagging = [0] * len(places)
        binding = [0] * len(places)
        for j in range(width):
            indicator = columns.indicators[j]
            statuses = columns.statuses[j::width]
            found = per_domain.get(indicator.domain)
            if found is None:
                found = per_domain[indicator.domain] = [[0] * len(places) for _ in range(3)]
            met = [status in GOOD for status in statuses]
            behind = [status in LAGGING for status in statuses]
            found[0] = [n + 1 for n in found[0]]
            found[1] = [n + m for n, m in zip(found[1], met, strict=True)]
            found[2] = [n + b for n, b in zip(found[2], behind, strict=True)]
            lagging = [n + b for n, b in zip(lagging, behind, strict=True)]
            if indicator.is_binding:
                binding = [n + b for n, b in zip(binding, behind, strict=True)]
        for k, region in enumerate(places):
            if not keep[k]:
                continue
            tally.results[region] = width
            if lagging[k]:
                tally.lagging[region] = lagging[k]
                tally.binding[region] = binding[k]
                tally.by_domain[region] = Counter(
                    {domain: found[2][k] for domain, found in per_domain.items() if found[2][k]}
                )
        for domain, (results, met, behind) in per_domain.items():
            tally.domains[domain] = {
                region: [results[k], met[k], behind[k]]
                for k, region in enumerate(places)
                if keep[k]
            }
        return tally


def lagging_regions_table(report: Assessment, lang: str, tally: _Tally | None = None) -> Table:
    """The regions with the most results behind or not met, and where they lag most."""
    tally = tally or _Tally.of(report)
    results, lagging, binding = tally.results, tally.lagging, tally.binding
    order = {region: i for i, region in enumerate(report.regions)}
    worst = heapq.nsmallest(
        MOST,
        (region for region in results if lagging[region]),
        key=lambda region: (-lagging[region], -binding[region], order[region]),
    )
    columns = (
        Column("region", say("assessment.column.region", lang)),
        Column("count", say("assessment.column.count", lang)),
        Column("lagging", say("assessment.column.lagging", lang)),
        Column("binding", say("assessment.column.binding", lang)),
        Column("domains", say("regions.column.worst_domains", lang), wide=True),
    )
    rank = {domain: i for i, domain in enumerate(report.plan.domains)}
    separator = say("sep.list", lang)
    rows: list[tuple[Cell, ...]] = []
    for region in worst:
        domains = sorted(tally.by_domain[region].items(), key=lambda d: (-d[1], rank.get(d[0], 0)))
        named = separator.join(f"{domain} {n}" for domain, n in domains[:NAMED_DOMAINS])
        rows.append((region, count(results[region]), count(lagging[region]),
                     count(binding[region]), named))  # fmt: skip
    title = say("regions.lagging_most", lang, most=MOST, regions=len(results))
    return Table("lagging_regions", title, columns, rows)


def domain_regions_table(report: Assessment, lang: str, tally: _Tally | None = None) -> Table:
    """Each domain across the regions: who meets all of it, who lags, the worst named."""
    by_domain = (tally or _Tally.of(report)).domains
    order = {region: i for i, region in enumerate(report.regions)}
    rows: list[tuple[Cell, ...]] = []
    separator = say("sep.list", lang)
    for domain in [d for d in report.plan.domains if d in by_domain]:
        regions = by_domain[domain]
        results = sum(r[0] for r in regions.values())
        met = sum(r[1] for r in regions.values())
        worst = heapq.nsmallest(NAMED, (r for r in regions if regions[r][2]),
                                key=lambda r: (-regions[r][2], order[r]))  # fmt: skip
        rows.append((
            domain,
            count(len(regions)),
            count(sum(1 for r in regions.values() if r[1] == r[0])),
            count(sum(1 for r in regions.values() if r[2])),
            share(met / results if results else None),
            separator.join(worst),
        ))  # fmt: skip
    keys = ("domain", "regions", "all_good", "any_lagging", "good_share", "worst")
    table_columns = tuple(
        Column(key, say(f"regions.column.{key}", lang), wide=key == "worst") for key in keys
    )
    return Table("domain_regions", say("regions.by_domain", lang), table_columns, rows)
