"""County results worded by duckdb: each one's JSON contract (`Result.to_dict`) as compact text.

A full JSON report of a country's counties writes 185,600 results (about 220 MB). Making each
result, its dict and its JSON in Python cost about 100 µs a result (20 s at 2,900 counties).
`worded_rows` is one table of the rows `judge_rows` judged itself — the levels and five-year
totals of plain figures, the bulk of any county file — with every number their words need,
from the same steps (`vectorised.STEPS`, `vectorised_trends.TREND_STEPS`); a view selects SQL
expressions over it (the JSON text here, the CSV's cells in `views.vectorised_cells`):

- numbers are written as Python writes them: duckdb's DOUBLE → VARCHAR is the shortest text
  that reads back as the same double, as Python's `repr`; a rounding is Python's `round`
  (correctly rounded: duckdb's `round` multiplies first, so next to a tie the number is
  formatted to its places and read back, as Python does);
- `trends.assembled`'s least-squares slope takes the same sums in the same order;
- the reasons are the catalogue's own templates, filled in SQL: `{x:g}` is fmt's `{:g}` and
  `{s:.0%}` is `{:.0f}%` of s × 100 (fmt and Python give the same text: tested);
- what is the same for every region (an indicator's keys, a region's name) is encoded by the
  caller's JSON encoder, in Python, once.

Every other row (another kind of goal, a group judged in Python, an override, a trend
`_Trends` leaves to Python…) comes back as None, and its result is made and encoded in Python.
The property test (tests/test_columnar.py) holds the text to the per-row path's, byte for
byte, over random files.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from string import Formatter
from typing import Any

from psplan.assess.assessment import GOOD_STATUSES, closing_keys, indicator_keys
from psplan.assess.evaluate import OP_SYMBOLS, Goal, area_baseline_text
from psplan.assess.trends import natural_cap
from psplan.assess.vectorised import JUDGED, STEPS, _satisfies, py_round, round6, vectorisable
from psplan.assess.vectorised import parameters as parameters_of
from psplan.assess.vectorised_trends import CATEGORIES, TREND_STEPS
from psplan.plan.model import Indicator, Plan
from psplan.words import words

#: Rows fetched from the streamed query at a time (about 5 MB of JSON text: larger batches
#: cost more memory and no less time).
BATCH = 4_096

Encode = Callable[[Any], str]


@dataclass(frozen=True)
class Shape:
    """What the rows of `worded` hold at most: the points of a trend's series, and the years
    of an expected path after its baseline's (text written term by term is bounded by them)."""

    longest: int
    span: int


def worded_table(
    con: Any,
    goals: Sequence[tuple[Indicator, Goal]],
    year: int,
    plan: Plan,
    as_judged: frozenset[str],
) -> Shape:
    """Make the table `worded`: each region × goal's row, with every number its words need
    (`as_judged`: the indicators whose results carry nothing but their verdict, no override
    and no note of the period). It stays until made again: a format that writes several
    tables of the results (markdown: the lagging ones, all, their trends) reads it for each."""
    columns = [_goal_row(k, plan, indicator, goal, as_judged)
               for k, (indicator, goal) in enumerate(goals)]  # fmt: skip
    con.execute(
        "CREATE OR REPLACE TABLE worded_goals AS SELECT "
        + ", ".join(f"unnest(?::{kind}[]) AS {name}" for name, kind in _GOAL_COLUMNS),
        [list(column) for column in zip(*columns, strict=True)]
        if columns
        else [[]] * len(_GOAL_COLUMNS),
    )
    (years,) = con.execute("SELECT count(DISTINCT year) FROM obs").fetchone()
    con.execute(_numbers(years + 1), parameters_of(year))  # a series: its years, a base first
    longest, span = con.execute(
        "SELECT max(len(xs)), max(end_year - byr) FROM worded WHERE worded"
    ).fetchone()
    return Shape(longest or 1, span or 0)


def worded_rows(
    con: Any,
    goals: Sequence[tuple[Indicator, Goal]],
    regions: Sequence[str | None],
    year: int,
    shape: Shape,
    select: Callable[[Shape], Sequence[str]],
    parameters: dict[str, Any] | None = None,
    source: Callable[[Shape], str] | None = None,
    rows: Sequence[int] | None = None,
) -> Iterator[list[tuple[Any, ...]]]:
    """Each region × goal's row (rk, gk, then the values of the SQL expressions `select`
    gives over the table `worded`, made by `worded_table`, of this `shape`), in the order of
    `judge_rows` (whose tables it reads), a batch at a time; the values are None in a row
    duckdb does not word (its result is made in Python). `source` may give a query over
    `worded` to select from instead, one that keeps its rows and their order (projections:
    figures worked out step by step). `rows`: only these rows (their positions among all,
    rising), in order."""
    per_region = len(goals)
    query = "SELECT rk, gk, " + ", ".join(
        f"CASE WHEN worded AND trended IS NOT NULL THEN {expression} END"
        for expression in select(shape)
    ) + (f" FROM ({source(shape)})" if source else " FROM worded")  # fmt: skip
    if rows is not None:  # a filter keeps the order of the rows it keeps (a join may not)
        # The rows are picked before any text is made: duckdb does not push a filter down
        # through the layers of a `source`. They are a text of 0s and 1s: binding a list of
        # 185,600 booleans cost duckdb about 0.9 s, reading a character of a text nothing.
        picked = bytearray(b"0" * (per_region * len(regions)))
        for row in rows:
            picked[row] = ord("1")
        query = (
            "WITH worded AS (SELECT * FROM main.worded"
            f" WHERE substr($picked, rk * {per_region} + gk + 1, 1) = '1') {query}"
        )
        parameters = {**(parameters or {}), "picked": picked.decode("ascii")}
    # streamed on a cursor of its own: a result made in Python between two batches runs
    # queries on `con`, which would end a stream of its own
    threads = None if _streams_in_order(con) else _one_thread(con)
    cursor = con.cursor()
    given = {"year": year, **(parameters or {})}
    found = cursor.execute(query, {k: v for k, v in given.items() if f"${k}" in query})
    expected = range(per_region * len(regions)) if rows is None else rows
    done = 0
    while batch := found.fetchmany(BATCH):
        # a projection of a table keeps its order: the rows come as `judge_rows` gave them
        head, tail = batch[0], batch[-1]
        assert head[0] * per_region + head[1] == expected[done], "the worded rows came out of order"
        done += len(batch)
        assert tail[0] * per_region + tail[1] == expected[done - 1], (
            "the worded rows came out of order"
        )
        yield batch
    cursor.close()
    if threads is not None:
        con.execute(f"SET threads = {threads}")
    assert done == len(expected), "the worded rows ended early"


def _streams_in_order(con: Any) -> bool:
    """Whether duckdb streams a query's rows in its table's order on several threads: 2.0
    and later do; 1.4 and 1.5 gave the text of a country's county results out of order."""
    (version,) = con.execute("SELECT version()").fetchone()
    return int(version.lstrip("v").split(".")[0]) >= 2


def _one_thread(con: Any) -> int:
    """Set duckdb to one thread (in order, if slower); returns how many it had."""
    (threads,) = con.execute("SELECT current_setting('threads')").fetchone()
    con.execute("SET threads = 1")
    return int(threads)


def result_texts(
    worded: Callable[..., Iterator[list[tuple[Any, ...]]]],
    goals: Sequence[tuple[Indicator, Goal]],
    regions: Sequence[str | None],
    lang: str,
    encode: Encode,
) -> Iterator[str | None]:
    """The compact JSON of each region × goal's result, or None for one to make in Python
    (`worded`: `worded_rows` of the assessment, given `select`)."""
    openings = [
        encode(indicator_keys(indicator))[:-1]
        + ', "baseline": {"raw": '
        + encode(indicator.baseline.raw)
        + ', "value": '
        for indicator, _ in goals
    ]
    targets = [
        ', "target_value": ' + encode(indicator.target.value) + ', "trend": '
        for indicator, _ in goals
    ]
    closings = [", " + encode(closing_keys(list(indicator.notes_in(lang)), None, {}))[1:]
                for indicator, _ in goals]  # fmt: skip
    places = [', "region": ' + encode(place) for place in regions]
    for batch in worded(select=lambda shape: _texts(lang, encode, shape)):
        for rk, gk, first, second in batch:
            if first is None:
                yield None
            else:
                yield f"{openings[gk]}{first}{places[rk]}{targets[gk]}{second}{closings[gk]}"


_GOAL_COLUMNS = (
    ("k", "INTEGER"), ("worded", "BOOLEAN"), ("plan_year", "INTEGER"), ("sym", "VARCHAR"),
    ("tol", "DOUBLE"), ("cap", "DOUBLE"), ("base_raw", "VARCHAR"),
)  # fmt: skip


def _goal_row(
    k: int, plan: Plan, indicator: Indicator, goal: Goal, as_judged: frozenset[str]
) -> tuple[Any, ...]:
    """What a goal's words need: whether this query words it, the baseline year the JSON
    gives where the verdict has none, the comparator's symbol, `judge_figure`'s allowance at
    a strict target, the projection's cap, and the plan's baseline as a county's reason
    quotes it."""
    target = indicator.target.value
    worded = (
        goal.kind in ("level", "cumulative")
        and vectorisable(indicator)
        and indicator.id in as_judged
    )
    return (
        k, worded, plan.baseline_year_of(indicator), OP_SYMBOLS[goal.op],
        1e-9 * max(1.0, abs(target)) if target is not None else None,
        natural_cap(indicator.unit, indicator.name), area_baseline_text(goal),
    )  # fmt: skip


# ------------------------------------------------------------------------------- SQL text


def _number(x: str) -> str:
    """A JSON number (Python's repr of the same double), or null."""
    return f"coalesce(CAST({x} AS VARCHAR), 'null')"


def sql_text(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def by_goal(values: Sequence[Any]) -> str:
    """SQL of each goal's value (by `gk`): a text, a number, a truth or None."""

    def literal(value: Any) -> str:
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, int):
            return str(value)
        return "NULL" if value is None else sql_text(str(value))

    cases = " ".join(f"WHEN {k} THEN {literal(value)}" for k, value in enumerate(values))
    return f"(CASE gk {cases} END)" if values else "NULL"


def words_sql(code: str, lang: str, escape: Callable[[str], str], **args: str) -> str:
    """SQL giving the catalogue's words for `code`, filled with the SQL expressions `args`,
    its text escaped by `escape` (for a JSON string, or not at all)."""
    pieces = []
    for literal, field, spec, conversion in Formatter().parse(words(code, lang)):
        if literal:
            pieces.append(sql_text(escape(literal)))
        if field is None:
            continue
        value = args[field]
        if conversion or spec not in ("", "g", ".0%"):
            raise ValueError(f"no SQL for {{{field}!{conversion}:{spec}}} in {code}")
        if spec == "g":
            pieces.append(f"format('{{:g}}', {value})")
        elif spec == ".0%":
            pieces.append(f"format('{{:.0f}}%', ({value}) * 100)")
        else:
            pieces.append(f"CAST({value} AS VARCHAR)")
    return "concat(" + ", ".join(pieces) + ")" if pieces else "''"


def _shown_expected() -> str:
    """`evaluate._expected_shown(expected, actual)`: two decimals, or up to four where two
    would read as the actual."""
    e = {n: py_round("expected", n) for n in (2, 3, 4)}
    a = {n: py_round("actual", n) for n in (2, 3, 4)}
    return (
        f"(CASE WHEN {e[4]} = {a[4]} OR {e[2]} <> {a[2]} THEN {e[2]}"
        f" WHEN {e[3]} <> {a[3]} THEN {e[3]} ELSE {e[4]} END + 0.0)"
    )


def reason(lang: str, escape: Callable[[str], str]) -> str:
    """`judge_figure`'s reasons of a level, joined as `explain` joins them."""

    def w(code: str, **args: str) -> str:
        return words_sql(code, lang, escape, **args)

    separator = "；" if lang == "zh" else "; "
    left_out = w("sum_short", count="counted", listed="array_to_string(gap_years, '、')",
                 listed_en="array_to_string(gap_years, ', ')")  # fmt: skip
    summed = (
        "CASE WHEN kind = 'cumulative' THEN CASE WHEN gap_years IS NOT NULL"
        f" THEN {left_out} ELSE {w('sum', count='counted')} END END"
    )
    at = {"value": "bv", "year": "byr"}
    baseline = (  # `evaluate.baseline_note`: a county's own figure where the plan prints one
        "CASE source WHEN 'reported' THEN CASE WHEN printed IS NULL"
        f" THEN {w('baseline_reported', **at)}"
        f" ELSE {w('baseline_region_reported', **at, printed='printed')} END"
        f" WHEN 'plan_area' THEN {w('baseline_plan_area', value='base_raw', year='byr')}"
        " WHEN 'first_reported' THEN CASE WHEN printed IS NULL"
        f" THEN {w('baseline_first_reported', **at)}"
        f" ELSE {w('baseline_region_first_reported', **at, printed='printed')} END"
        " END"
    )
    unmeasured = (
        "CASE WHEN progress IS NULL AND NOT met AND bv IS NOT NULL THEN"
        " CASE WHEN bmet THEN CASE WHEN source <> 'plan_area'"
        f" THEN {w('slipped', baseline='bv')} END"
        " WHEN op IN ('>', '<') AND abs(actual - tv) <= tol"
        f" THEN {w('at_strict_bound', target='tv', op='sym')}"
        f" WHEN op = 'approx' THEN {w('beyond_band', target='tv')} END END"
    )
    short = {"actual": "actual", "op": "sym", "target": "tv"}
    late = {"actual": "actual", "year": "actual_year", "end": "end_year"}
    met_from = (  # `evaluate._met_at_end`
        "CASE WHEN $year < end_year OR actual_year >= end_year THEN NULL"
        f" WHEN kind = 'cumulative' THEN {w('met_at_end_total_from', **late)}"
        f" WHEN kind = 'level' THEN {w('met_at_end_from', **late)}"
        f" ELSE {w('met_at_end_average_from', **late)} END"
    )
    why = (
        f"CASE WHEN met THEN {met_from}"
        " WHEN $year >= end_year THEN CASE WHEN actual_year < end_year AND kind = 'cumulative'"
        f" THEN {w('short_at_end_total_from', **short, year='actual_year')}"
        " WHEN actual_year < end_year"
        f" THEN {w('short_at_end_from', **short, year='actual_year')}"
        f" ELSE {w('short_at_end', **short)} END"
        f" WHEN expected IS NULL AND bv IS NOT NULL"
        f" THEN {w('baseline_at_end', year='byr', end='end_year')}"
        f" WHEN expected IS NULL THEN {w('no_baseline', year='actual_year')}"
        f" ELSE {w('expected_by', expected=_shown_expected(), year='$year', share='share')} END"
    )
    # (`check.assess_collected`'s `finish`: a county's figure against a whole area's total)
    reference = f"CASE WHEN for_reference THEN {w('area_total_here')} END"
    return (
        f"concat_ws({sql_text(separator)}, {summed}, {baseline}, {unmeasured}, {why}, {reference})"
    )


def _rounded(x: str) -> str:
    """`trends._round`: None where not finite, else rounded to 6 places."""
    return _number(f"CASE WHEN isfinite({x}) THEN {py_round(x, 6)} END")


def _category() -> str:
    cases = " ".join(f"WHEN {i} THEN '\"{name}\"'" for i, name in enumerate(CATEGORIES) if name)
    return f"(CASE category {cases} ELSE 'null' END)"


#: The numbers of every region × goal, in `judge_rows`' order, with what its trend and its
#: words need; `trended` is 1 for a trend to write, 0 for none, NULL where `_Trends` would
#: leave the trend to Python (the result is then made in Python). A level's series, growth,
#: ratio and category are `TREND_STEPS`'; a five-year total's are worked out here as
#: `trends.trend` works them out (running totals from zero, the pace needed).
_NUMBERS = f"""
CREATE OR REPLACE TABLE worded AS
WITH {STEPS}, {TREND_STEPS},
joined AS (
    SELECT r.rk, r.gk,
           r.flag = {JUDGED} AND NOT r.none_in_period AND w.worded AS worded,
           r.actual, r.actual_year, r.status, r.rating, r.met, r.bmet, r.bv, r.byr,
           r.none_in_period, r.flag,
           CASE WHEN r.kind = 'level' AND r.bs0 = 'first_reported' AND r.by0 = r.actual_year
                THEN 'none' ELSE r.bs0 END AS source,
           coalesce(r.byr, w.plan_year) AS shown_year, len(r.period) AS counted,
           r.area_total AND NOT r.own AND r.status NOT IN ('no_data', 'needs_review')
               AS for_reference,
           -- a total's years of the period before its last figure that have none
           -- (`evaluate._aggregate`: the sum leaves them out), NULL where none has
           CASE WHEN r.kind = 'cumulative' THEN nullif(list_filter(
               range(r.start_year, r.actual_year),
               lambda y: NOT list_contains(r.period_years, y)), []) END AS gap_years,
           CASE WHEN r.fb_source = 'plan' AND r.kind = 'level' THEN r.fb_value END AS printed,
           r.gap_raw, r.progress, r.expected, r.share, r.op, r.thr, r.tv, r.start_year,
           r.end_year, r.kind, w.sym, w.tol, w.cap, w.base_raw,
           CASE WHEN r.kind <> 'level' THEN CASE WHEN t.gk IS NULL THEN NULL ELSE 1 END
                WHEN r.status IN ('no_data', 'needs_review') AND r.bv IS NULL THEN 0
                WHEN t.gk IS NULL THEN NULL
                WHEN t.own_start AND r.bv IS NOT NULL THEN NULL
                WHEN NOT t.own_start AND (r.bv IS DISTINCT FROM t.b0
                                          OR r.byr IS DISTINCT FROM t.by0) THEN NULL
                WHEN NOT t.trended THEN 0
                ELSE 1 END AS trended,
           t.xs AS level_x, t.ys AS level_y, t.observed, t.needed, t.ratio AS level_ratio,
           t.category AS level_category, t.met_last AS level_met, t.projected AS compound
    FROM rated r JOIN worded_goals w ON w.k = r.gk
    LEFT JOIN outlooks t ON t.ri = r.ri AND t.gk = r.gk),
in_period AS (  -- a total's figures of the period (`assessment._yearly_amounts`)
    SELECT *,
           CASE WHEN kind = 'cumulative'
                THEN list_filter(level_x, lambda x: x BETWEEN start_year AND end_year) END AS cx,
           CASE WHEN kind = 'cumulative'
                THEN list_filter(level_y, lambda v, i: level_x[i] BETWEEN start_year AND end_year)
           END AS cy
    FROM joined),
pointed AS (  -- `trends.series_points`: a total's running totals from zero, rounded
    SELECT *,
           CASE WHEN kind = 'level' THEN level_x ELSE list_concat([start_year - 1], cx) END
               AS xs,
           CASE WHEN kind = 'level' THEN level_y
                ELSE list_concat([0.0], list_transform(range(1, len(cy) + 1), lambda n:
                     {py_round("(0.0 + list_reduce(cy[1:n], lambda a, b: a + b))", 6)}))
           END AS ys
    FROM in_period),
ended AS (
    SELECT *, xs[-1] AS last_year, ys[-1] AS last,
           {_satisfies("ys[-1]")} AS total_met, {_satisfies("0.0")} AS total_met_first,
           CASE WHEN end_year - (start_year - 1) > 0
                THEN (tv - 0.0) / (end_year - (start_year - 1)) ELSE 0.0 END AS pace_needed
    FROM pointed),
outlook AS (  -- `trends.trend` of a total: no compound rate from zero, the pace instead
    SELECT *,
           CASE WHEN kind = 'level' THEN level_met ELSE total_met END AS met_last,
           CASE WHEN kind = 'level' THEN level_ratio
                WHEN total_met OR total_met_first OR pace_needed = 0 THEN NULL
                ELSE ((last - 0.0) / (last_year - (start_year - 1))) / pace_needed END AS ratio
    FROM ended),
categorised AS (
    SELECT *,
           CASE WHEN kind = 'level' THEN level_category
                WHEN total_met THEN 1 WHEN total_met_first THEN 5
                WHEN greatest(last_year, $year) >= end_year AND (ratio IS NULL OR ratio >= 0)
                    THEN 6
                WHEN ratio IS NULL THEN 0
                WHEN ratio >= 0.95 THEN 2 WHEN ratio >= 0.60 THEN 3 WHEN ratio >= 0 THEN 4
                ELSE 5 END AS category
    FROM outlook),
means AS (  -- `trends.linear_slope`: Python's sums, left to right
    SELECT *,
           list_sum(xs)::DOUBLE / len(xs) AS mean_x,
           @MEAN_Y@ / len(ys) AS mean_y
    FROM categorised),
sloped AS (
    SELECT *, @PRODUCTS@ / @SQUARES@ AS slope
    FROM means),
projected AS (  -- `trends._project`, then the cap
    SELECT *,
           CASE WHEN kind = 'cumulative'
                THEN last + (last / (last_year - (start_year - 1)))
                            * greatest(end_year - last_year, 0)
                WHEN compound IS NOT NULL THEN compound
                ELSE last + slope * greatest(end_year - last_year, 0) END AS projected_raw
    FROM sloped)
SELECT rk, gk, worded, actual, actual_year, status, rating, met, bmet, bv, byr, source,
       printed, none_in_period, flag, shown_year, counted, gap_years, for_reference, gap_raw,
       progress, expected, share, op,
       tv, end_year, kind, sym, tol, base_raw, xs, ys, observed, needed, ratio, category, slope,
       CASE WHEN trended = 1 AND NOT isfinite(projected_raw) THEN NULL ELSE trended END
           AS trended,
       CASE WHEN cap IS NULL THEN projected_raw WHEN projected_raw < 0.0 THEN 0.0
            WHEN cap < projected_raw THEN cap ELSE projected_raw END AS projected,
       CASE WHEN greatest(last_year, $year) >= end_year THEN met_last
            ELSE category IN (1, 2) END AS likely
FROM projected
ORDER BY rk, gk
"""


def _numbers(longest: int) -> str:
    """`_NUMBERS` for series of at most `longest` points: its sums written out term by term
    (a lambda over every list costs several times more)."""

    def left_to_right(term: str) -> str:  # Python's sum(): 0 + the first + the second…
        total = "0.0"
        for k in range(1, longest + 1):
            total = f"({total} + coalesce({term.format(k=k)}, 0.0))"
        return total

    return (
        _NUMBERS.replace("@MEAN_Y@", left_to_right("ys[{k}]"))
        .replace("@PRODUCTS@", left_to_right("(xs[{k}] - mean_x) * (ys[{k}] - mean_y)"))
        .replace("@SQUARES@", left_to_right("pow(xs[{k}] - mean_x, 2)"))
    )


def _texts(lang: str, encode: Encode, shape: Shape) -> list[str]:
    """Each row's two worded parts: from
    the baseline's value to the reason, and the trend and the expected path."""
    first = ", ".join([
        _number("bv"), "', \"year\": '", "CAST(shown_year AS VARCHAR)",
        "', \"source\": \"'", "source", "'\"}, \"actual\": '", _number("actual"),
        "', \"actual_year\": '", "CAST(actual_year AS VARCHAR)",
        "', \"status\": \"'", "status", "'\", \"rating\": '",
        "CASE WHEN rating IS NULL THEN 'null' ELSE concat('\"', rating, '\"') END",
        "', \"gap\": '", _number(round6("gap_raw")),
        "', \"progress\": '", _number("progress"), "', \"expected\": '", _number("expected"),
        "', \"share\": '", _number(py_round("share", 6)),
        "', \"reason\": \"'", reason(lang, lambda text: encode(text)[1:-1]), "'\"'",
    ])  # fmt: skip
    second = (
        f"CASE trended WHEN 0 THEN 'null' ELSE {_trend(shape.longest)} END,"
        f" ', \"expected_path\": ', {_path(shape.span)}"
    )
    return [f"concat({first})", f"concat({second})"]


def _trend(longest: int) -> str:
    """`assessment.trend_dict` of the trend (of at most `longest` points)."""
    points = ", ".join(
        f"CASE WHEN len(xs) >= {k} THEN"
        f" concat('[', CAST(xs[{k}] AS VARCHAR), ', ', CAST(ys[{k}] AS VARCHAR), ']') END"
        for k in range(1, longest + 1)
    )
    agrees = f"CASE {views_agree()} WHEN true THEN 'true' WHEN false THEN 'false' ELSE 'null' END"
    return "concat(" + ", ".join([
        "'{\"points\": ['",
        f"concat_ws(', ', {points})",
        "'], \"linear_change\": '",
        _number(f"CASE WHEN isfinite(slope) THEN {py_round('slope', 6)} ELSE 0.0 END"),
        "', \"observed_growth\": '", _rounded("observed"),
        "', \"needed_growth\": '", _rounded("needed"), "', \"ratio\": '", _rounded("ratio"),
        "', \"category\": '", _category(), "', \"projected\": '",
        _number(py_round("projected", 6)),
        "', \"likely_met\": '", "CASE WHEN likely THEN 'true' ELSE 'false' END",
        "', \"agrees_with_status\": '", agrees, "'}'",
    ]) + ")"  # fmt: skip


def views_agree() -> str:
    """SQL of `Result.views_agree` of a trended row: whether the status and the outlook say
    the same (NULL where either says nothing to compare)."""
    good = ", ".join(f"'{status}'" for status in GOOD_STATUSES)
    return (
        "(CASE WHEN category = 0 OR status NOT IN ('met', 'on_track', 'behind', 'not_met')"
        f" THEN NULL ELSE (status IN ({good})) = likely END)"
    )


def _path(span: int) -> str:
    """`evaluate.expected_path` (of at most `span` years after the baseline's): the target
    every year where the baseline met it, else the line from the baseline to the target."""

    def years(value: Callable[[int], str]) -> str:
        return (
            "concat('[', concat_ws(', ', "
            + ", ".join(
                f"CASE WHEN byr + {k} <= end_year THEN concat('[', CAST(byr + {k} AS VARCHAR),"
                f" ', ', CAST({value(k)} AS VARCHAR), ']') END"
                for k in range(span + 1)
            )
            + "), ']')"
        )

    def on_line(k: int) -> str:  # (year − baseline year) / span, as `time_share`
        share = f"least(greatest({k}.0 / (end_year - byr), 0.0), 1.0)"
        return f"({py_round(f'bv + (tv - bv) * {share}', 6)} + 0.0)"

    return (
        "CASE WHEN bv IS NULL OR byr IS NULL OR end_year <= byr THEN '[]'"
        f" WHEN bmet THEN {years(lambda k: 'tv')} ELSE {years(on_line)} END"
    )
