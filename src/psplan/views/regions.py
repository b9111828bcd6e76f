"""What a report says first about many regions: the domains region by region, and the regions
that lag most.

A province's or a country's counties (2,900 of them × a plan's 64 indicators) cannot be read
row by row, nor as a matrix of 185,600 cells in a terminal. From `SUMMARY_FROM_REGIONS` named
regions on, `check` and `check --by-region` lead with two tables computed from the
assessment's columns (no result is made for them):

- `domain_regions`: each domain of the plan — how many regions report it, how many meet every
  one of its indicators, how many lag in at least one, the share of its results met, and the
  regions with the most results behind or not met;
- `lagging_regions`: the `MOST` regions with the most results behind or not met (binding ones
  first among equals), and the domains where they lag most.

The full matrix and every result stay in the CSV, XLSX and JSON outputs.
"""

from __future__ import annotations

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


def many_regions(report: Assessment) -> bool:
    """Whether the report has regions enough to lead with the summaries."""
    named = [region for region in report.regions if region and region not in report.own_area]
    return len(named) >= SUMMARY_FROM_REGIONS


def _lagging_by_region(report: Assessment) -> tuple[dict, dict, dict]:
    """Per region: results, results lagging, binding ones lagging, lagging per domain."""
    columns = report.columns
    results: Counter[str] = Counter()
    lagging: Counter[str] = Counter()
    binding: Counter[str] = Counter()
    by_domain: dict[str, Counter[str]] = {}
    own = report.own_area
    for region, indicator, status in zip(
        columns.regions, columns.indicators, columns.statuses, strict=True
    ):
        if not region or region in own:
            continue
        results[region] += 1
        if status in LAGGING:
            lagging[region] += 1
            if indicator.is_binding:
                binding[region] += 1
            by_domain.setdefault(region, Counter())[indicator.domain] += 1
    return results, {"lagging": lagging, "binding": binding}, by_domain


def lagging_regions_table(report: Assessment, lang: str) -> Table:
    """The regions with the most results behind or not met, domain by domain."""
    results, counts, by_domain = _lagging_by_region(report)
    lagging, binding = counts["lagging"], counts["binding"]
    order = {region: i for i, region in enumerate(report.regions)}
    worst = sorted(
        (region for region in results if lagging[region]),
        key=lambda region: (-lagging[region], -binding[region], order[region]),
    )[:MOST]
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
        domains = sorted(by_domain[region].items(), key=lambda d: (-d[1], rank.get(d[0], 0)))
        named = separator.join(f"{domain} {n}" for domain, n in domains[:NAMED_DOMAINS])
        rows.append((region, count(results[region]), count(lagging[region]),
                     count(binding[region]), named))  # fmt: skip
    title = say("regions.lagging_most", lang, most=MOST, regions=len(results))
    return Table("lagging_regions", title, columns, rows)


def domain_regions_table(report: Assessment, lang: str) -> Table:
    """Each domain across the regions: who meets all of it, who lags, the worst named."""
    columns = report.columns
    own = report.own_area
    # domain → region → [results, met, lagging]
    tally: dict[str, dict[str, list[int]]] = {}
    for region, indicator, status in zip(
        columns.regions, columns.indicators, columns.statuses, strict=True
    ):
        if not region or region in own:
            continue
        found = tally.setdefault(indicator.domain, {}).setdefault(region, [0, 0, 0])
        found[0] += 1
        found[1] += status == "met"
        found[2] += status in LAGGING
    order = {region: i for i, region in enumerate(report.regions)}
    rows: list[tuple[Cell, ...]] = []
    separator = say("sep.list", lang)
    for domain in [d for d in report.plan.domains if d in tally]:
        regions = tally[domain]
        results = sum(r[0] for r in regions.values())
        met = sum(r[1] for r in regions.values())
        worst = sorted((r for r in regions if regions[r][2]),
                       key=lambda r: (-regions[r][2], order[r]))[:NAMED]  # fmt: skip
        rows.append((
            domain,
            count(len(regions)),
            count(sum(1 for r in regions.values() if r[1] == r[0])),
            count(sum(1 for r in regions.values() if r[2])),
            share(met / results if results else None),
            separator.join(worst),
        ))  # fmt: skip
    keys = ("domain", "regions", "all_met", "any_lagging", "met_share", "worst")
    table_columns = tuple(
        Column(key, say(f"regions.column.{key}", lang), wide=key == "worst") for key in keys
    )
    return Table("domain_regions", say("regions.by_domain", lang), table_columns, rows)
