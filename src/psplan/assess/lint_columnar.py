"""`lint` on the columnar path: a county file's findings found by duckdb, worded by `lint`.

Row by row, `lint` of 928,000 rows takes as long as a full report; here the file is read and
collected as `check`'s columnar path reads it (`ColumnarCollected`), and each rule is one
query over its tables, in the per-row order of `assess.lint`:

- the reader's warnings (a header's, a skipped 合计 or 注 row's), at their rows;
- the jumps and the outliers, the queries `check` warns of them by, with these thresholds;
- every figure outside its natural range, series by series, year by year;
- each year outside the plan's baseline year and period, at its first figure, with a count;
- the completeness matrix: every indicator given a row × every region given one × every year
  with a figure in the plan's years, that has none.

A file with anything `lint` says as an error (an unknown indicator, a bad value, two different
figures for one cell, a row without its region…) is left to the per-row path, which names each
at its row, as `check` leaves it: this path returns None. tests/test_columnar.py holds both to
the same findings over random files.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path

from psplan.actuals.columnar import read_table
from psplan.actuals.read import summarise_skipped
from psplan.actuals.values import in_scientific_notation
from psplan.assess.areas import apart_from_regions, own_area_names
from psplan.assess.check import (
    goal_of,
    looks_like_a_fraction,
    looks_out_of_scale,
    magnitude_floor,
    natural_range,
    one_region_twice,
    shares_in_percent,
    thinly_reported,
)
from psplan.assess.columnar import ColumnarCollected
from psplan.assess.lint import (
    Thresholds,
    fraction_finding,
    magnitude_finding,
    missing_finding,
    outside_years_finding,
    plan_years,
    range_finding,
    scientific_finding,
    unreported,
)
from psplan.errors import Problem
from psplan.limits import Limits
from psplan.plan.model import Plan


def lint_columnar(
    plan: Plan,
    paths: Sequence[str | Path],
    thresholds: Thresholds,
    *,
    encoding: str | None = None,
    limits: Limits | None = None,
) -> list[Problem] | None:
    """`lint.lint` of the files, or None when they are for the per-row path."""
    table = read_table(paths, encoding, limits)
    if table is None:
        return None
    collected = None
    try:
        collected = ColumnarCollected.of(plan, table, thresholds=thresholds)
        if collected is None or not any(collected.figures_read.values()):
            return None  # (no figure at all: the per-row path says so)
        findings = [warning for _, _, warning in collected.reading]
        findings += collected.repeated
        given = collected.table.con.execute(
            "SELECT ri FROM series WHERE ri >= 0 AND gk >= 0 GROUP BY ri ORDER BY min(first)"
        ).fetchall()  # the regions given a row, a dash included, in lint's order
        sources = ", ".join(read.name for read in collected.table.files)
        findings += one_region_twice([collected.names[ri] for (ri,) in given], sources)
        findings += thinly_reported(
            collected.indicators_by_region(), apart_from_regions(plan), sources,
            collected.first_figure_in,
        )  # fmt: skip
        findings += collected.across(plan)
        findings += _ranges(collected)
        findings += _outside_years(collected)
        findings += _missing(collected)
        if thresholds.all_indicators:
            reported = collected.table.con.execute(
                "SELECT DISTINCT gk FROM series WHERE gk >= 0"
            ).fetchall()  # (a dash counts: the indicator was given a row)
            findings += unreported(plan, {plan.indicators[gk].id for (gk,) in reported}, sources)
        return summarise_skipped(findings)
    finally:
        if collected is not None:
            collected.close()
        else:
            table.con.close()


def _ranges(collected: ColumnarCollected) -> list[Problem]:
    """Every figure outside its natural range (the table `ranges` of `_out_of_range`), every
    one that looks like a percentage written as a fraction or in another unit, and every one
    in scientific notation, in lint's order."""
    indicators, names = collected.plan.indicators, collected.names
    suspect = [gk for gk, indicator in enumerate(indicators) if shares_in_percent(indicator)]
    # a figure's least out of scale, by gk (the largest double where the rule does not hold)
    floors = [magnitude_floor(indicator) for indicator in indicators]
    least = [math.inf if floor is None else floor for floor in floors]
    exponents = [text for text, value in collected.values.items()
                 if in_scientific_notation(value)]  # fmt: skip
    rows = collected.table.con.execute(
        "SELECT o.ri, o.gk, o.year, o.raw, o.kind, o.rid FROM obs o JOIN ranges r USING (gk)"
        " JOIN series s USING (ri, gk) WHERE o.number IS NOT NULL"
        " AND (NOT (o.number >= r.low AND o.number <= r.high) OR (o.number > 0"
        " AND o.number <= 1 AND o.unit IS NULL AND list_contains(?, o.gk))"
        " OR (o.unit IS NULL AND o.number >= (?::DOUBLE[])[o.gk + 1])"
        " OR list_contains(?, o.raw))"
        " ORDER BY s.first, o.year",
        [suspect, least, exponents],
    ).fetchall()
    found = []
    for ri, gk, *figure in rows:
        observed = collected.observation(tuple(figure))
        indicator, region = indicators[gk], names[ri]
        low, high = natural_range(indicator)
        number = observed.value.number
        assert number is not None  # (the query's)
        if in_scientific_notation(observed.value):
            found.append(scientific_finding(observed, indicator, region))
        if not low <= number <= high:
            found.append(range_finding(observed, indicator, region))
        elif gk in suspect and looks_like_a_fraction(observed.value):
            found.append(fraction_finding(observed, indicator, region))
        elif floors[gk] is not None and looks_out_of_scale(observed.value, floors[gk]):
            found.append(magnitude_finding(observed, indicator, region))
    return found


def _outside_years(collected: ColumnarCollected) -> list[Problem]:
    """Each year outside the plan's years: its first figure, and how many figures it has
    (equal figures given twice are counted twice, as the per-row path counts rows)."""
    first, last = plan_years(collected.plan)
    rows = collected.table.con.execute(
        "SELECT f.year, f.raw, f.kind, f.rid, c.n FROM fig f JOIN (SELECT year, min(rid) AS rid,"
        " count(*) AS n FROM fig WHERE NOT missing AND (year < ? OR year > ?) GROUP BY year) c"
        " USING (rid) ORDER BY f.year",
        [first, last],
    ).fetchall()
    return [
        outside_years_finding(collected.plan, collected.observation((year, raw, kind, rid)), n)
        for year, raw, kind, rid, n in rows
    ]


#: The completeness matrix's empty cells, in lint's order: indicators and regions as first
#: given a row (a cell given a dash counts), years in order; each with the row whose file it
#: is said in (lint's `_missing`): its series' first figure, else the series' first row,
#: else its indicator's first figure (NULL: the first figure of all).
_MISSING = """
WITH given AS (SELECT * FROM series WHERE ri >= 0 AND gk >= 0),
inds AS (SELECT gk, min(first) AS io FROM given GROUP BY gk),
regs AS (SELECT ri, min(first) AS ro FROM given GROUP BY ri),
-- every year from the first to the last given (lint's: a year no row gives is missing too)
-- (and a year given only dashes: its cells are missing too)
yrs AS (SELECT unnest(range(min(year), max(year) + 1)) AS year
        FROM (SELECT year FROM obs UNION ALL
              SELECT year FROM fig WHERE missing AND ri >= 0 AND gk >= 0)
        WHERE year BETWEEN $first AND $last
        AND EXISTS (SELECT 1 FROM obs WHERE year BETWEEN $first AND $last)),
-- a region is asked for the indicators the regions give, the plan's own area for all (lint's)
asked AS (SELECT DISTINCT gk FROM given WHERE NOT list_contains($own::INTEGER[], ri)),
cells AS (SELECT * FROM inds CROSS JOIN regs CROSS JOIN yrs
          WHERE list_contains($own::INTEGER[], ri) OR gk IN (SELECT gk FROM asked)),
-- each asked from its first year (lint's `asked_from`): a total or an average from the
-- period's start, and after its last running total [x] (the years before are in it)
empty AS (SELECT * FROM cells c
          WHERE c.year >= list_extract($since::INTEGER[], c.gk + 1)
            AND NOT EXISTS (SELECT 1 FROM obs o
                            WHERE o.gk = c.gk AND o.ri = c.ri AND o.year = c.year)
            AND NOT (list_extract($summed::BOOLEAN[], c.gk + 1)
                     AND EXISTS (SELECT 1 FROM obs o WHERE o.gk = c.gk AND o.ri = c.ri
                                 AND o.rt AND o.year > c.year)))
SELECT e.gk, e.ri, e.year, {first}, d.dash FROM empty e {join}
LEFT JOIN (SELECT ri, gk, year, min(rid) AS dash FROM fig WHERE missing GROUP BY ri, gk, year) d
    USING (ri, gk, year)
ORDER BY e.io, e.ro, e.year
"""


def _missing(collected: ColumnarCollected) -> list[Problem]:
    con, table = collected.table.con, collected.table
    first, last = plan_years(collected.plan)
    several = len(table.files) > 1  # one file: every cell is in it
    query = _MISSING.format(
        first="coalesce(f.fr, s.first, i.ir)" if several else "NULL",
        join="LEFT JOIN (SELECT ri, gk, min(rid) AS fr FROM obs GROUP BY ri, gk) f"
        " USING (ri, gk) LEFT JOIN given s USING (ri, gk)"
        " LEFT JOIN (SELECT gk, min(rid) AS ir FROM obs GROUP BY gk) i USING (gk)"
        if several
        else "",
    )
    own = own_area_names(collected.plan) | {None}
    area = [ri for ri, name in enumerate(collected.names) if name in own]
    goals = [goal_of(collected.plan, indicator) for indicator in collected.plan.indicators]
    summed = [goal.kind != "level" for goal in goals]
    since = [goal.start_year if total else -1 for goal, total in zip(goals, summed, strict=True)]
    parameters = {"first": first, "last": last, "own": area, "since": since, "summed": summed}
    rows = con.execute(query, parameters).fetchall()
    if not rows:
        return []
    start = con.execute("SELECT min(rid) FROM obs").fetchone()
    first_file = table.file_of(start[0]).name if start and start[0] is not None else ""
    indicators, names = collected.plan.indicators, collected.names
    found = []
    for gk, ri, year, rid, dash in rows:
        if dash is not None:  # written as a dash: said at its row
            read = table.file_of(dash)
            file, line = read.name, read.line(dash)
        else:
            file, line = (table.file_of(rid).name if rid is not None else first_file), 0
        found.append(missing_finding(file, indicators[gk], names[ri], year, line))
    return found
