"""`figure_status` and `rate_values` as one duckdb query over every (region, indicator).

At county scale the status of each of 185,600 results is what the region matrix, the spread
and the counts read; computing it in Python costs seconds. This query takes the same steps on
the same doubles as `evaluate.judge` → `judge_figure` → `figure_status` (the baseline, the
latest level or the five-year total or the yearly average, the gap, the line from baseline to
target, the progress, the status) and `rating.rate_values`:

- every constant a comparison uses (the target ± its tolerance, the 1e-9 allowances) is
  computed in Python and bound as a parameter, so both sides compare the very same doubles;
- IEEE arithmetic (+ − × ÷) gives the same double in both; a rounding to 6 decimals is
  Python's (`py_round`: duckdb's own multiplies by 10⁶ first, which differs next to a tie);
- a row this query does not judge (no figure up to the year, a group `judge` must see whole,
  a target that is not a number) comes back flagged, for Python to judge it.

The property test (tests/test_columnar.py) holds every column to the per-row path's.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from psplan.assess.evaluate import APPROX_TOLERANCE, Goal, Status
from psplan.assess.rating import AHEAD_MARGIN, Rating
from psplan.plan.model import Indicator

#: What a row of `judge_rows` is: judged here, or to be judged in Python (as a whole group).
JUDGED, WHOLE = 0, 1

#: A status and a rating come back as their index in these (a small int is one object
#: Python shares; 185,600 strings would each be made).
STATUSES: tuple[Status, ...] = ("met", "on_track", "behind", "not_met", "no_data", "needs_review")
RATINGS: tuple[Rating | None, ...] = (
    None, "achieved_early", "ahead", "as_expected", "behind", "completed", "not_completed",
)  # fmt: skip


def _code(column: str, names: Sequence[str | None]) -> str:
    """SQL giving `column`'s index in `names`."""
    cases = " ".join(f"WHEN '{name}' THEN {i}" for i, name in enumerate(names) if name)
    return f"(CASE {column} {cases} ELSE 0 END)"


def vectorisable(indicator: Indicator) -> bool:
    """A numeric target the query judges (other forms go to `judge` whole)."""
    return indicator.target.form == "number" and indicator.target.value is not None


def judge_rows(
    con: Any,
    goals: Sequence[tuple[Indicator, Goal]],
    regions: Sequence[int],
    owns: Sequence[bool],
    year: int,
    words: Callable[[], object] | None = None,
) -> list[tuple[Any, ...]]:
    """(status, actual, gap, rating, progress, share, flag) for each region × goal, region
    by region (their numbers in the table `obs`) in the plan's order; the status and the
    rating as indexes in `STATUSES` and `RATINGS`; `flag` is JUDGED, or WHOLE for a row
    Python must judge.

    `words`, where every result is to be worded, makes the table `worded` (`vectorised_json`:
    these steps, then the trends'): the rows are read from it, the steps run once, not twice."""
    rows = [_goal_row(k, indicator, goal) for k, (indicator, goal) in enumerate(goals)]
    # a column at a time (executemany would run 64 statements)
    con.execute(
        "CREATE OR REPLACE TABLE judged_goals AS SELECT "
        + ", ".join(f"unnest(?::{kind}[]) AS {name}" for name, kind in _GOAL_COLUMNS),
        [list(column) for column in zip(*rows, strict=True)] if rows else [[]] * len(_GOAL_COLUMNS),
    )
    con.execute(
        "CREATE OR REPLACE TABLE judged_regions AS SELECT unnest(?::INTEGER[]) AS ri,"
        " unnest(range(?)) AS k, unnest(?::BOOLEAN[]) AS own",
        [list(regions), len(regions), list(owns)],
    )
    if words is None:
        return con.execute(_QUERY, parameters(year)).fetchall()
    words()
    return con.execute(f"{_JUDGED} FROM worded ORDER BY rk, gk").fetchall()


def parameters(year: int) -> dict[str, Any]:
    """The parameters of `STEPS`."""
    return {"year": year, "eps": -1e-9, "ahead": AHEAD_MARGIN - 1e-9}


#: The columns of `judged_goals`, in the order `_goal_row` gives them.
_GOAL_COLUMNS = (
    ("k", "INTEGER"), ("id", "VARCHAR"), ("vectorised", "BOOLEAN"), ("kind", "VARCHAR"),
    ("periodic", "BOOLEAN"), ("tv", "DOUBLE"), ("sign", "DOUBLE"), ("op", "VARCHAR"),
    ("thr", "DOUBLE"), ("fb_value", "DOUBLE"), ("fb_year", "INTEGER"), ("fb_source", "VARCHAR"),
    ("base_year", "INTEGER"), ("start_year", "INTEGER"), ("end_year", "INTEGER"),
    ("floor", "DOUBLE"), ("fractions", "BOOLEAN"), ("area_total", "BOOLEAN"),
    ("fb_bound", "BOOLEAN"), ("least", "DOUBLE"), ("most", "DOUBLE"),
)  # fmt: skip


def _goal_row(k: int, indicator: Indicator, goal: Goal) -> tuple[Any, ...]:
    """The goal's constants, each computed as `figure_status` computes it."""
    target = indicator.target.value
    vectorised = vectorisable(indicator)
    op = goal.op
    fixed = goal.fixed_baseline
    threshold = None
    if vectorised:
        assert target is not None
        eps = 1e-9 * max(1.0, abs(target))
        threshold = {
            ">=": target - eps,
            ">": target + eps,
            "<=": target + eps,
            "<": target - eps,
        }.get(op, APPROX_TOLERANCE * abs(target) + eps)
    return (
        k, indicator.id, vectorised, goal.kind, goal.kind != "level", target,
        -1.0 if goal.direction == "decrease" else 1.0, op, threshold,
        fixed.value if fixed else None, fixed.year if fixed else None,
        fixed.source if fixed else None, goal.baseline_year, goal.start_year, goal.end_year,
        goal.floor, goal.fractions, goal.area_total, goal.baseline.op is not None,
        goal.least, goal.most,
    )  # fmt: skip


def _satisfies(x: str) -> str:
    """`evaluate.satisfies(x, op, tv)` against the goal's precomputed threshold."""
    return (
        f"(CASE op WHEN '>=' THEN {x} >= thr WHEN '>' THEN {x} > thr WHEN '<=' THEN {x} <= thr"
        f" WHEN '<' THEN {x} < thr ELSE abs({x} - tv) <= thr END)"
    )


def round6(x: str) -> str:
    """`evaluate._round`: Python's round to 6 places, and no -0.0."""
    return f"({py_round(x, 6)} + 0.0)"


def py_round(x: str, places: int) -> str:
    """SQL of Python's `round(x, places)`, which is correctly rounded: duckdb's `round`
    (it multiplies by 10^places first) where that gives the same double, else — next to a
    tie, or past 10⁹ — the number formatted to its places (fmt rounds correctly, as Python)
    and read back."""
    scaled = f"abs({x}) * {10**places}.0"
    near = f"abs({x}) >= 1e9 OR abs({scaled} - floor({scaled}) - 0.5) < 1e-6 + abs({x}) * 1e-9"
    return (
        f"(CASE WHEN {near} THEN CAST(format('{{:.{places}f}}', {x}) AS DOUBLE)"
        f" ELSE round({x}, {places}) END)"
    )


def baseline_columns(first: str, first_year: str) -> str:
    """`b0`, `by0` and `bs0`, the baseline `figure_status` is given (`columnar._inputs`):
    the plan's (or a total's zero) — for a level, in its own area only —, else the figure of
    the baseline year, else the plan's for a region within its area (`plan_area`), else the
    first figure (its value and year in the columns `first`, `first_year`); from the
    columns of `judged_goals`, `judged_regions`' `own` and `base`, the figure of the
    baseline year (`Goal.baseline_for`, `evaluate.resolve_baseline`)."""
    fixed = "fb_source IS NOT NULL AND (own OR kind <> 'level' OR fb_source <> 'plan')"
    area = "fb_source IS NOT NULL AND NOT area_total"
    return (
        f"CASE WHEN {fixed} THEN fb_value WHEN base IS NOT NULL THEN base"
        f" WHEN {area} THEN fb_value ELSE {first} END AS b0,"
        f" CASE WHEN {fixed} THEN fb_year WHEN base IS NOT NULL THEN base_year"
        f" WHEN {area} THEN fb_year ELSE {first_year} END AS by0,"
        f" CASE WHEN {fixed} THEN fb_source WHEN base IS NOT NULL THEN 'reported'"
        f" WHEN {area} THEN 'plan_area' ELSE 'first_reported' END AS bs0"
    )


#: The steps of the query, as common table expressions ending in `rated` (one row per region ×
#: goal: `rk`, `ri`, `gk`, the goal's columns and every figure worked out): `judge_rows` reads
#: its columns, and `vectorised_json` words the same rows.
STEPS = f"""
agg AS (
    SELECT o.ri, o.gk,
           bool_or(o.number IS NULL OR o.text IS NOT NULL OR o.bound IS NOT NULL OR o.rt)
               AS whole,
           arg_max(o.number, o.year) AS latest, max(o.year) AS latest_year,
           arg_min(o.number, o.year) AS first, min(o.year) AS first_year,
           max(o.number) FILTER (WHERE o.year = g.base_year) AS base,
           max(o.year) FILTER (WHERE o.year BETWEEN g.start_year AND g.end_year)
               AS last_in_period
    FROM obs o JOIN judged_goals g ON g.k = o.gk
    WHERE o.year <= $year AND g.vectorised
    GROUP BY o.ri, o.gk),
-- the figures in the period of a five-year total or a yearly average, apart: a list in
-- every group (if filtered empty) costs a third of the groups' time
periods AS (
    SELECT o.ri, o.gk, list(o.number ORDER BY o.year) AS period,
           list(o.year ORDER BY o.year) AS period_years
    FROM obs o JOIN judged_goals g ON g.k = o.gk
    WHERE o.year <= $year AND g.vectorised AND g.periodic
      AND o.year BETWEEN g.start_year AND g.end_year
    GROUP BY o.ri, o.gk),
cells AS (
    SELECT r.k AS rk, r.ri, r.own, g.k AS gk, g.* EXCLUDE (k, id), a.* EXCLUDE (ri, gk),
           p.period, p.period_years,
           a.gk IS NOT NULL AS found
    FROM judged_regions r CROSS JOIN judged_goals g
    LEFT JOIN agg a ON a.ri = r.ri AND a.gk = g.k
    LEFT JOIN periods p ON p.ri = r.ri AND p.gk = g.k),
figured AS (
    SELECT *, {baseline_columns("first", "first_year")},
           periodic AND coalesce(len(period), 0) = 0 AS none_in_period,
           CASE WHEN NOT periodic THEN latest
                WHEN coalesce(len(period), 0) = 0 THEN NULL
                WHEN kind = 'cumulative' THEN 0.0 + list_reduce(period, lambda a, bv: a + bv)
                ELSE list_reduce(period, lambda a, bv: a + bv) / len(period) END AS actual_raw,
           CASE WHEN periodic THEN last_in_period ELSE latest_year END AS actual_year
    FROM cells),
actuals AS (
    SELECT *,
           CASE WHEN periodic THEN {round6("actual_raw")} ELSE actual_raw END AS actual,
           CASE WHEN kind = 'level' AND bs0 = 'first_reported' AND by0 = actual_year
                THEN NULL ELSE b0 END AS bv,
           CASE WHEN kind = 'level' AND bs0 = 'first_reported' AND by0 = actual_year
                THEN NULL ELSE by0 END AS byr
    FROM figured),
lined AS (
    SELECT *,
           {_satisfies("actual")} AS met,
           kind = 'level' AND bv IS NOT NULL AND {_satisfies("bv")} AS bmet,
           sign * (tv - actual) AS gap_raw,
           CASE WHEN kind = 'annual_average' OR bv IS NULL OR byr IS NULL OR end_year - byr <= 0
                THEN NULL
                ELSE least(greatest(($year - byr)::DOUBLE / (end_year - byr), 0.0), 1.0)
           END AS share
    FROM actuals),
expected AS (
    SELECT *,
           CASE WHEN kind = 'annual_average' OR share IS NULL OR bmet THEN NULL
                ELSE bv + (tv - bv) * share END AS expected_raw,
           CASE WHEN met OR kind = 'annual_average' OR bv IS NULL OR bv = tv OR bmet THEN NULL
                ELSE (actual - bv) / (tv - bv) END AS progress_raw,
           CASE WHEN kind = 'annual_average' AND tv <> 0 AND NOT met THEN actual / tv END
               AS mean_raw
    FROM lined),
statused AS (
    SELECT *,
           CASE WHEN kind = 'annual_average' THEN tv
                WHEN share IS NULL THEN NULL
                WHEN bmet THEN tv ELSE {round6("expected_raw")} END AS expected,
           CASE WHEN met THEN 1.0
                WHEN kind = 'annual_average' THEN
                     CASE WHEN {round6("mean_raw")} < 1.0 THEN {round6("mean_raw")} END
                WHEN {round6("progress_raw")} < 1.0 THEN {round6("progress_raw")} END
               AS progress
    FROM expected),
final AS (
    SELECT *,
           CASE WHEN none_in_period THEN 'no_data'
                WHEN met THEN 'met'
                WHEN $year >= end_year THEN 'not_met'
                WHEN kind = 'annual_average' THEN 'behind'
                WHEN expected IS NULL THEN 'needs_review'
                WHEN sign * (actual - expected) >= $eps THEN 'on_track'
                ELSE 'behind' END AS status
    FROM statused),
rated AS (
    SELECT *,
           CASE WHEN status IN ('no_data', 'needs_review') THEN NULL
                WHEN $year >= end_year THEN CASE WHEN status = 'met' THEN 'completed'
                                                 ELSE 'not_completed' END
                WHEN status = 'met' THEN 'achieved_early'
                WHEN status <> 'on_track' THEN 'behind'
                WHEN progress IS NOT NULL AND share IS NOT NULL AND progress - share >= $ahead
                    THEN 'ahead'
                ELSE 'as_expected' END AS rating,
           -- a figure in another unit, most likely (`Goal.out_of_scale`: past the floor,
           -- or a fraction of a percentage), or outside the range it can take: judged in
           -- Python, rare
           -- (so is a level whose figures all come before its baseline year: no data)
           CASE WHEN NOT vectorised OR NOT found OR whole OR actual >= floor
                     OR (kind = 'level' AND base_year < end_year AND (latest_year < base_year
                         OR (latest_year = base_year AND $year > base_year)))
                     OR (fractions AND actual > 0 AND actual <= 1)
                     OR actual > most OR actual < least THEN {WHOLE}
                ELSE {JUDGED} END AS flag
    FROM final)"""

#: What `judge_rows` reads of each row (of `rated`, or of the table `worded` made of it).
_JUDGED = f"""
SELECT {_code("status", STATUSES)},
       CASE WHEN none_in_period THEN NULL ELSE actual END,
       CASE WHEN none_in_period THEN NULL ELSE {round6("gap_raw")} END,
       {_code("rating", RATINGS)},
       CASE WHEN none_in_period THEN NULL ELSE progress END,
       CASE WHEN none_in_period THEN NULL ELSE share END,
       flag"""

_QUERY = f"""
WITH {STEPS}{_JUDGED}
FROM rated
ORDER BY rk, gk
"""
