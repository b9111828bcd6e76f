"""`trends.trend`'s arithmetic as one duckdb query over the results judged in duckdb.

A report of every county result (JSON, CSV, markdown, XLSX) shows a trend for each of
185,600 results; reading each one's figures back and computing its trend in Python cost
about 35 µs a result, a third of such a report's time. This query takes the same steps on
the same doubles as `trends.trend` for the levels `judge_rows` judged (the series from the
verdict's baseline, the compound growth observed and needed, their ratio, the category, the
outlook, the projection at the observed pace, capped), read back a block of regions at a
time as the results are made; `trends.assembled` finishes each in Python (the least-squares
slope and the rounding, by the very functions `trend` uses), so nothing is rounded here:

- `(end / start) ** (1 / years) - 1` and `last * (1 + growth) ** years_left` are C's pow on
  the same doubles in both; every comparison with the target is `evaluate.satisfies`'s
  against the threshold `judge_rows` bound (`vectorised._satisfies`);
- a row comes back for each group whose figures up to the year judged are all plain numbers
  (as `judge_rows` judged it, not whole); a level's gives the baseline it measured from,
  and `Result.trend` uses the row only if that is the verdict's own (else it computes the
  trend itself); a five-year total's or a yearly average's gives its figures, for
  `trends.trend` to work out in Python (a running total is rounded at each step);
- a projection that overflows is left to Python (its OverflowError path).

The property test of the columnar path (tests/test_columnar.py) compares every result's
trend with the per-row path's, which computes them in Python.
"""

from __future__ import annotations

from psplan.assess.trends import Category
from psplan.assess.vectorised import _satisfies, baseline_columns

#: A category comes back as its index here (a small int Python shares).
CATEGORIES: tuple[Category | None, ...] = (
    None, "achieved", "on_track", "acceleration_needed", "limited_progress", "deterioration",
    "missed",
)  # fmt: skip

_CATEGORY = (
    "CASE WHEN met_last THEN 1 WHEN met_first THEN 5"
    " WHEN greatest(last_year, $year) >= end_year AND (ratio IS NULL OR ratio >= 0) THEN 6"
    " WHEN ratio IS NULL THEN 0"
    " WHEN ratio >= 0.95 THEN 2 WHEN ratio >= 0.60 THEN 3 WHEN ratio >= 0 THEN 4 ELSE 5 END"
)


def _cagr(start: str, end: str, years: str) -> str:
    """`trends._cagr`: None for no span or a value not above zero, or a rate not finite."""
    rate = f"(pow({end} / {start}, 1.0::DOUBLE / ({years})) - 1)"
    return (
        f"(CASE WHEN ({years}) <= 0 OR {start} <= 0 OR {end} <= 0 OR NOT isfinite({rate})"
        f" THEN NULL ELSE {rate} END)"
    )


#: (region, goal) → (baseline value, baseline year, from its own first figure, whether it is a
#: level with a trend, years, values, observed, needed, ratio, category index, likely,
#: projected) for each group of plain figures (the tables `obs` and `judged_goals` of
#: `judge_rows`); of a goal other than a level, the years and values (the figures up to the
#: year) alone. Read a block of regions at a time (`columnar._ByBlock`).
#: The steps of `TRENDS`, as common table expressions ending in `outlooks` (`vectorised_json`
#: words the same rows).
TREND_STEPS = f"""
figures AS (
    SELECT o.ri, o.gk,
           list(o.year ORDER BY o.year) AS years,
           list(o.number ORDER BY o.year) AS numbers,
           max(o.number) FILTER (WHERE o.year = g.base_year) AS base
    FROM obs o JOIN judged_goals g ON g.k = o.gk
    WHERE o.year <= $year AND g.vectorised
    GROUP BY o.ri, o.gk
    HAVING NOT bool_or(o.number IS NULL OR o.text IS NOT NULL OR o.bound IS NOT NULL OR o.rt)),
based AS (  -- the baseline `judge_rows` measured from (none: a first figure of the year judged)
    SELECT f.*, g.*, r.own, {baseline_columns("f.numbers[1]", "f.years[1]")}
    FROM figures f JOIN judged_goals g ON g.k = f.gk JOIN judged_regions r ON r.ri = f.ri),
started AS (  -- from its own first figure, and that of the year judged: no baseline at all
    SELECT *, bs0 = 'first_reported' AND years[1] = years[-1] AS own_start FROM based),
series AS (  -- `trends.series_points` of a level: from the baseline, then the years after it
            -- (a county's own figures alone where the baseline is the whole area's)
    SELECT *,
           CASE WHEN kind <> 'level' OR own_start THEN years
                WHEN bs0 = 'plan_area' OR (bs0 = 'plan' AND fb_bound)
                    THEN list_filter(years, lambda y: y >= by0)
                ELSE list_concat([by0], list_filter(years, lambda y: y > by0)) END AS xs,
           CASE WHEN kind <> 'level' OR own_start THEN numbers
                WHEN bs0 = 'plan_area' OR (bs0 = 'plan' AND fb_bound)
                    THEN list_filter(numbers, lambda v, i: years[i] >= by0)
                ELSE list_concat([b0], list_filter(numbers, lambda v, i: years[i] > by0))
           END AS ys
    FROM started),
ends AS (
    SELECT *, xs[1] AS first_year, ys[1] AS first, xs[-1] AS last_year, ys[-1] AS last,
           kind = 'level' AND len(xs) >= 2 AND xs[1] <> xs[-1] AS trended
    FROM series),
growth AS (
    SELECT *,
           {_satisfies("last")} AS met_last,
           {_satisfies("first")} AS met_first,
           CASE WHEN trended THEN {_cagr("first", "last", "last_year - first_year")} END
               AS observed,
           greatest(end_year - last_year, 0) AS years_left
    FROM ends),
needed AS (
    SELECT *,
           CASE WHEN NOT trended OR met_last OR met_first THEN NULL
                ELSE {_cagr("first", "tv", "end_year - first_year")} END AS needed
    FROM growth),
ratios AS (
    SELECT *,
           CASE WHEN NOT trended OR met_last OR met_first THEN NULL
                WHEN observed IS NOT NULL AND needed IS NOT NULL AND needed <> 0
                    THEN observed / needed
                WHEN (CASE WHEN end_year - first_year > 0
                           THEN (tv - first) / (end_year - first_year) ELSE 0.0 END) <> 0
                    THEN ((last - first) / (last_year - first_year))
                         / ((tv - first) / (end_year - first_year))
           END AS ratio,
           CASE WHEN observed IS NOT NULL THEN last * pow(1 + observed, years_left) END
               AS projected
    FROM needed),
outlooks AS (
    SELECT *, {_CATEGORY} AS category FROM ratios)"""

TRENDS = f"""
WITH {TREND_STEPS}
SELECT ri, gk, b0, by0, own_start, trended, xs, ys, observed, needed, ratio, category,
       CASE WHEN greatest(last_year, $year) >= end_year THEN met_last
            ELSE category IN (1, 2) END AS likely,
       projected
FROM outlooks
WHERE projected IS NULL OR isfinite(projected)
"""
