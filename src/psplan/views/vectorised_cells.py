"""The results table's cells as duckdb words them, for a country's county results.

`result_cells` makes each cell of a result with `views.numbers`; a CSV of 185,600 county
results made 185,600 results and 3 million cells in Python (about 30 s). These SQL
expressions take the same steps over the rows duckdb judged and worded
(`assess.vectorised_json.worded_rows`), on the same doubles:

- `fmt` (duckdb's `format`) writes `{:,.2f}` and `{:g}` as Python does (tested), and a
  rounding is Python's (`vectorised.py_round`, or a decimal's half away from zero where
  `numbers._half_up` rounds the shortest repr of a double: duckdb's DOUBLE → VARCHAR is it);
- what is the same for every region of an indicator (its name, target, notes) or every
  indicator of a region is a cell made in Python by the functions the other rows use;
- a row duckdb does not word is made as any other row (`result_cells`).

The property test (tests/test_columnar.py) holds the CSV written this way to the per-row
path's, byte for byte.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from psplan.assess.rating import AHEAD_MARGIN
from psplan.assess.vectorised import RATINGS, STATUSES, py_round, round6
from psplan.assess.vectorised_json import by_goal, reason, sql_text, views_agree, words_sql
from psplan.assess.vectorised_trends import CATEGORIES
from psplan.views.model import SqlRows
from psplan.views.numbers import COMPUTED_PLACES, MAX_DECIMALS, is_percent, plan_precision
from psplan.words import say

if TYPE_CHECKING:
    from psplan.plan.model import Indicator


def results_rows(
    results: Any,
    keys: Sequence[str],
    lang: str,
    row: Callable[[int], tuple],
) -> SqlRows | None:
    """The results table's rows (its columns `keys`; `row(i)` makes row i) as duckdb words
    them, or None where the results are not in duckdb."""
    from psplan.views.assessment import (
        attribute_label,
        indicator_cell,
        plan_note_lines,
        printed,
    )

    goals, places = getattr(results, "goals", ()), getattr(results, "places", ())
    if not goals:  # (only results in duckdb know their goals)
        return None
    indicators = [indicator for indicator, _ in goals]
    precision = by_goal([plan_precision(i) for i in indicators])
    percent = by_goal([is_percent(i) for i in indicators])
    points = say("unit.points", lang)
    cells: dict[str, Cell] = {
        "domain": ("goal", [i.domain for i in indicators], None),
        "indicator": ("goal", [indicator_cell(i) for i in indicators], None),
        "region": ("region", [place or "" for place in places], None),
        "attribute": ("goal", [attribute_label(i, lang) for i in indicators], None),
        "unit": ("goal", [i.unit or "" for i in indicators], None),
        # the plan's own (a number where it prints one) where the source is the plan
        "baseline": ("text", _baseline(lang, indicators),
                     [printed(i, i.baseline.raw) for i in indicators]),
        "target": ("goal", [printed(i, i.target.raw) for i in indicators], None),
        "actual": ("figure", "actual_text", None),
        "year": ("figure", "CAST(actual_year AS VARCHAR)", None),
        "gap": ("figure", "gap_text", None),
        "progress": ("figure", _share_apart(), None),
        "share": ("figure", "share_text", None),
        "expected": ("figure", "expected_text", None),
        "status": ("status", _labels("status", STATUSES, lang), None),
        "rating": ("status", _labels("rating", [code for code in RATINGS if code], lang), None),
        "trend": ("text", _trend(lang), None),
        "reason": ("text", reason(lang, _as_is), None),
    }  # fmt: skip
    codes = {"status": "status", "rating": "coalesce(rating, '')"}
    rated = results.rated()
    return SqlRows(
        [cells[key] for key in keys],
        {keys.index(key): code for key, code in codes.items() if key != "rating" or rated},
        lambda shape: _figures(precision, percent, points),
        results.worded,
        row,
        {"ahead": AHEAD_MARGIN - 1e-9, "ahead_points": AHEAD_MARGIN * 100 - 1e-9},
        lambda gk: plan_note_lines(indicators[gk], lang),
    )


#: A column's cells: ("goal", the cell of each goal, None), ("region", the cell of each
#: region, None), or (kind, SQL of the text shown, the cell of each goal where it is NULL)
#: with kind "figure" (a number as shown), "text" or "status" (a label).
Cell = tuple[str, Any, Any]


def _labels(kind: str, codes: Sequence[str], lang: str) -> str:
    cases = " ".join(f"WHEN '{code}' THEN {sql_text(say(f'{kind}.{code}', lang))}"
                     for code in codes)  # fmt: skip
    return f"(CASE {kind} {cases} ELSE '' END)"


def _trend(lang: str) -> str:
    """`assessment.trend_text`: the category and the outlook, or nothing."""
    from psplan.views.assessment import _trend_words

    cases, ended = [], []
    for index, category in enumerate(CATEGORIES):
        if category is None:
            continue
        ended.append(f"WHEN category = {index} THEN {sql_text(_trend_words(category, None, lang))}")
        for likely in (True, False):
            text = _trend_words(category, likely, lang)
            cases.append(f"WHEN category = {index} AND {'' if likely else 'NOT '}likely"
                         f" THEN {sql_text(text)}")  # fmt: skip
    # at the end of the period the category alone (`trend_text`)
    return (
        f"(CASE WHEN trended <> 1 OR trended IS NULL THEN ''"
        f" WHEN $year >= end_year THEN (CASE {' '.join(ended)} ELSE '' END)"
        f" ELSE (CASE {' '.join(cases)} ELSE '' END) END)"
    )


# --------------------------------------------------------------------------- numbers.py
# Each helper takes columns (not expressions): a figure is worked out a column at a time, in
# layers (`_figures`), as an expression of expressions grows past what duckdb plans quickly.


def _rounded(x: str, places: str) -> str:
    """Python's round(x, places) for places from 0 to 4."""
    cases = " ".join(f"WHEN {p} THEN {py_round(x, p)}" for p in range(MAX_DECIMALS + 1))
    return f"(CASE {places} {cases} END)"


def _digits(x: str, places: str, suffix: str = "") -> str:
    """`numbers._show` before `_signed`: `x` to `places` decimals (0 to 4), thousands
    separated but for a percentage; "-0.00" as it is."""
    comma = "" if suffix == "%" else ","
    return f"concat(format('{{:{comma}.{{}}f}}', {x}, {places}), {sql_text(suffix)})"


def _signed(text: str) -> str:
    """`numbers._show`'s text of `_digits` (`text`: a column), never "-0".

    A column, not the expression: duckdb works out an expression that sits in a CASE each
    time it is read (about half of a figure's cost, read three times here)."""
    return (
        f"(CASE WHEN starts_with({text}, '-') AND trim({text}, '-0.,%') = ''"
        f" THEN substr({text}, 2) ELSE {text} END)"
    )


def _decimals(x: str) -> str:
    """`numbers.decimals`: the decimals of `number(x)` (four for an exponent)."""
    rounded = f"({py_round(x, 4)} + 0.0)"
    text = (
        f"(CASE WHEN abs({rounded}) < 1e15 THEN format('{{:g}}', {rounded})"
        f" ELSE CAST({x} AS VARCHAR) END)"
    )
    return (
        f"(CASE WHEN contains(lower({text}), 'e') THEN {MAX_DECIMALS}"
        f" ELSE length(split_part({text}, '.', 2)) END)"
    )


def _measured(x: str, places: str) -> str:
    """`numbers._measured`'s text of `x` with `places` decimals, before `_signed`: of a %
    indicator, a percentage (x / 100 shown × 100, as `_show` does)."""
    return (
        f"(CASE WHEN {x} IS NULL THEN NULL"
        f" WHEN pct THEN {_digits(f'(({x}) / 100.0) * 100.0', places, '%')}"
        f" ELSE {_digits(x, places)} END)"
    )


def _half_up(x: str, places: int) -> str:
    """`numbers._half_up`: the shortest repr of `x`, rounded half away from zero."""
    return f"CAST(round(CAST(CAST({x} AS VARCHAR) AS DECIMAL(38, 18)), {places}) AS DOUBLE)"


def _percent(x: str) -> str:
    """`numbers.percent`: a whole percentage; one decimal under 1 %."""
    hundred = f"(({x}) * 100)"
    return (
        f"(CASE WHEN {x} IS NULL THEN ''"
        f" WHEN abs({hundred}) >= 0.05 AND abs({hundred}) < 0.95"
        f" THEN format('{{:.1f}}%', {_half_up(hundred, 1)} + 0.0)"
        f" ELSE concat(CAST(CAST({_half_up(hundred, 0)} AS BIGINT) AS VARCHAR), '%') END)"
    )


def _share_at(x: str, places: int) -> str:
    """`numbers.share(x, places)` shown."""
    return f"format('{{:.{places}f}}%', {_half_up(f'(({x}) * 100)', places)} + 0.0)"


def _share_apart() -> str:
    """`numbers.share_apart(progress, share)` shown: with the decimals it takes to read as
    it compares with the time share beside it (the columns of `_figures`)."""

    def reads_right(text: str) -> str:
        near = f"CAST(rtrim({text}, '%') AS DOUBLE)"
        far = "CAST(rtrim(share_text, '%') AS DOUBLE)"
        return (
            f"({text} <> share_text AND ({near} < {far}) = (progress < share)"
            f" AND ({near} - {far} >= $ahead_points) = (progress - share >= $ahead))"
        )

    # more decimals only where the whole percentage does not read right: a CASE works out a
    # branch for the rows that reach it, a column (as progress_0 is) for every row
    one, two = _share_at("progress", 1), _share_at("progress", 2)
    return (
        "(CASE WHEN progress IS NULL THEN ''"
        " WHEN share IS NULL OR progress = share THEN progress_0"
        f" WHEN {reads_right('progress_0')} THEN progress_0"
        f" WHEN {reads_right(one)} THEN {one}"
        f" WHEN {reads_right(two)} THEN {two} ELSE progress_0 END)"
    )


def _baseline(lang: str, indicators: Sequence[Indicator]) -> str:
    """`assessment.baseline_text`: where the baseline came from (NULL: the plan's, as it
    prints it); a five-year total's 0 with the plan's printed baseline, by goal."""
    from psplan.views.assessment import plan_area_baseline, zero_baseline

    cases = " ".join(
        f"WHEN '{source}' THEN"
        f" {words_sql(f'baseline.{source}', lang, _as_is, value=_UNSEPARATED, year='byr')}"
        for source in ("sheet", "reported", "first_reported")
    )
    zero = by_goal([zero_baseline(indicator, lang) for indicator in indicators])
    area = by_goal([plan_area_baseline(indicator, lang) for indicator in indicators])
    return f"(CASE source {cases} WHEN 'zero' THEN {zero} WHEN 'plan_area' THEN {area} END)"


#: `assessment._unseparated`: a baseline's figure in its label without thousands separators.
_UNSEPARATED = "replace(bv_text, ',', '')"


def _as_is(text: str) -> str:
    return text


def _figures(precision: str, percent: str, points: str) -> str:
    """The rows of `worded` with the text of each figure as `result_cells` shows it, worked
    out a layer at a time: the actual (`measure`), the baseline's value, the gap
    (`computed`, in percentage points of a % indicator), the time share and the progress
    (`percent`, `share`), and the expected value as `computed_apart` shows it beside the
    actual (its decimals found a step at a time)."""
    layers = [
        f"SELECT *, {precision} AS prec, {percent} AS pct, {round6('gap_raw')} AS gap FROM worded",
        f"SELECT *, {_decimals('actual')} AS actual_dec, {_decimals('bv')} AS bv_dec,"
        f" {_decimals('gap')} AS gap_dec, {_decimals('expected')} AS expected_dec,"
        f" {_percent('share')} AS share_text, {_percent('progress')} AS progress_0",
        f"SELECT *, least(greatest(prec, actual_dec), {MAX_DECIMALS}) AS actual_places,"
        f" least(greatest(prec, bv_dec), {MAX_DECIMALS}) AS bv_places,"
        f" greatest(prec, least(gap_dec, {COMPUTED_PLACES}), 0) AS gap_places,"
        f" greatest(prec, least(expected_dec, {COMPUTED_PLACES}), 0) AS p0",
        f"SELECT *, {_measured('actual', 'actual_places')} AS actual_digits,"
        f" {_measured('bv', 'bv_places')} AS bv_digits,"
        f" ({_rounded('gap', 'gap_places')} + 0.0) AS gap_shown,"
        f" least(gap_places, {MAX_DECIMALS}) AS gap_shown_places",
        f"SELECT *, {_signed('actual_digits')} AS actual_text,"
        f" {_signed('bv_digits')} AS bv_text,"
        " CASE WHEN gap IS NOT NULL THEN"
        f" {_digits('gap_shown', 'gap_shown_places')} END AS gap_digits",
        "SELECT *, CAST(regexp_extract(replace(actual_text, ',', ''), '-?\\d+(?:\\.\\d+)?')"
        " AS DOUBLE) AS read,"
        " CASE WHEN gap IS NULL THEN ''"
        f" WHEN pct THEN concat({_signed('gap_digits')}, {sql_text(points)})"
        f" ELSE {_signed('gap_digits')} END AS gap_text",
    ]
    # most expected values read apart from the actual at the plan's decimals: `apart`, and
    # only the others go up a decimal at a time (a CASE works out a branch for its rows)
    layers.append(
        f"SELECT *, coalesce(expected IS NULL OR {_rounded('expected', 'p0')}"
        f" <> {_rounded('actual', 'p0')} OR {py_round('expected', 4)} = {py_round('actual', 4)},"
        " false) AS apart"
    )
    for k in range(1, MAX_DECIMALS + 1):
        previous = f"p{k - 1}"
        layers.append(
            f"SELECT *, CASE WHEN apart THEN {previous} WHEN {previous} < {MAX_DECIMALS}"
            f" AND {_rounded('expected', previous)} = read THEN {previous} + 1"
            f" ELSE {previous} END AS p{k}"
        )
    layers.append(
        "SELECT *, CASE WHEN expected IS NULL THEN NULL WHEN apart THEN p0"
        f" ELSE p{MAX_DECIMALS} END AS expected_places"
    )
    layers.append(
        "SELECT *, least(expected_places, 4) AS expected_shown_places,"
        f" ({_rounded('expected', 'expected_places')} + 0.0) AS expected_shown"
    )
    layers.append(
        f"SELECT *, {_measured('expected_shown', 'expected_shown_places')} AS expected_digits"
    )
    layers.append(f"SELECT *, coalesce({_signed('expected_digits')}, '') AS expected_text")
    query = layers[0]
    for layer in layers[1:]:
        query = f"{layer} FROM ({query})"
    return query


# ------------------------------------------------------------------------------- trends


def trends_rows(
    results: Any,
    keys: Sequence[str],
    lang: str,
    row: Callable[[int], tuple | None],
) -> SqlRows | None:
    """The trends table's rows (its columns `keys`; `row(i)` makes the row of result i, or
    None where it has no trend) as duckdb words them, or None where the results are not in
    duckdb: `assessment.trends_table`'s cells of each result with a trend."""
    from psplan.assess.assessment import explain
    from psplan.views.assessment import indicator_cell, prints_a_number

    goals, places = getattr(results, "goals", ()), getattr(results, "places", ())
    if not goals:
        return None
    indicators = [indicator for indicator, _ in goals]
    disagree = sql_text(explain([("views_disagree", {})], lang))
    cells: dict[str, Cell] = {
        "indicator": ("goal", [indicator_cell(i) for i in indicators], None),
        "region": ("region", [place or "" for place in places], None),
        "status": ("status", _labels("status", STATUSES, lang), None),
        "series": ("text", "series", None),
        "sparkline": ("text", "spark", None),
        "observed_growth": ("figure", _growth("observed"), None),
        "needed_growth": ("figure", _growth("needed"), None),
        "ratio": ("figure", _ratio("ratio"), None),
        "category": ("text", _trend(lang), None),
        # none judged at the end (`assessment.projected_cell`)
        "projected": ("figure", "CASE WHEN $year >= end_year THEN '' ELSE projected_text END",
                      None),
        "disagreement": ("text", f"(CASE WHEN NOT {views_agree()} THEN {disagree} ELSE '' END)",
                         None),
    }  # fmt: skip
    point = say("trend.point", lang)
    separator = say("trend.points_sep", lang)
    precision = by_goal([plan_precision(i) for i in indicators])
    percent = by_goal([is_percent(i) for i in indicators])
    prints = by_goal([prints_a_number(i) for i in indicators])
    return SqlRows(
        [cells[key] for key in keys],
        {},
        lambda shape: _trend_figures(shape.longest, precision, percent, prints, point, separator),
        results.worded,
        row,
        {},
        lambda gk: [],
        "trended = 1",
    )


def _growth(x: str) -> str:
    """`numbers.growth` of `trends._round(x)`: signed, two decimals, a percentage."""
    return _two_places(x, "+", " * 100", "%")


def _ratio(x: str) -> str:
    """`numbers.ratio` of `trends._round(x)`: two decimals."""
    return _two_places(x, "", "", "")


def _two_places(x: str, sign: str, scale: str, suffix: str) -> str:
    """`trends._round(x)` (None where not finite) shown with two decimals, never as a
    signed zero (+0.00%, -0.00)."""
    text = f"concat(format('{{:{sign}.2f}}', {round6(x)}{scale}), '{suffix}')"
    return (
        f"(CASE WHEN {x} IS NULL OR NOT isfinite({x}) THEN ''"
        f" WHEN ltrim({text}, '+-') = '0.00{suffix}' THEN '0.00{suffix}' ELSE {text} END)"
    )


def _places(found: str) -> str:
    """`numbers._measured`'s decimals of a figure with `found` decimals of its own."""
    return f"least(greatest(prec, {found}), {MAX_DECIMALS})"


def _block(k: int, top: int) -> str:
    """`trends.sparkline`'s block of point `k` (from 1): Python's round, half to even."""
    return f"CAST(round_even((y{k} - lo) / (hi - lo) * {top}, 0) AS INTEGER) + 1"


def _trend_figures(
    longest: int, precision: str, percent: str, prints: str, point: str, separator: str
) -> str:
    """The rows of `worded` with the text of a trend's series (`series_text`), its
    sparkline (`trends.sparkline`) and its projection (`estimate`), a layer at a time."""
    points = range(1, longest + 1)
    blocks = "▁▂▃▄▅▆▇█"

    def each(text: Callable[[int], str]) -> str:
        return ", ".join(f"CASE WHEN len(ys) >= {k} THEN {text(k)} END" for k in points)

    year = point.removeprefix("{year}").removesuffix("{value}")  # the words between them
    assert point == f"{{year}}{year}{{value}}", point
    spark = (
        f"(CASE WHEN len(ys) = 0 THEN '' WHEN hi = lo THEN repeat('{blocks[3]}', len(ys))"
        " ELSE concat("
        + each(lambda k: f"substr('{blocks}', {_block(k, len(blocks) - 1)}, 1)")
        + ") END)"
    )
    series = (
        f"concat_ws({sql_text(separator)}, "
        + each(
            lambda k: (
                f"concat(CAST(xs[{k}] AS VARCHAR), {sql_text(year)}, {_signed(f'y{k}_digits')})"
            )
        )
        + ")"
    )
    places = ", ".join(f"coalesce(y{k}_dec, 0)" for k in points)
    # `estimate`: the plan's decimals where it prints a number, else the projection's own
    projected_places = f"CASE WHEN prints THEN estimate_places ELSE {_places('proj_dec')} END"
    layers = [
        f"SELECT *, {precision} AS prec, {percent} AS pct, {prints} AS prints,"
        " list_min(ys) AS lo, list_max(ys) AS hi,"
        f" {round6('projected')} AS proj, "
        + ", ".join(f"ys[{k}] AS y{k}" for k in points)
        + " FROM worded",
        "SELECT *, " + ", ".join(f"{_decimals(f'y{k}')} AS y{k}_dec" for k in points),
        "SELECT *, "
        + ", ".join(f"{_measured(f'y{k}', _places(f'y{k}_dec'))} AS y{k}_digits" for k in points)
        + f", CASE WHEN prints THEN greatest(prec, least(greatest({places}), 2)) ELSE 2 END"
        " AS estimate_places",
        f"SELECT *, ({_rounded('proj', 'estimate_places')} + 0.0) AS proj_shown",
        f"SELECT *, {_decimals('proj_shown')} AS proj_dec, {spark} AS spark, {series} AS series",
        "SELECT *, CASE WHEN proj IS NOT NULL THEN"
        f" {_measured('proj_shown', projected_places)} END AS proj_digits",
        f"SELECT *, CASE WHEN proj IS NULL THEN '' ELSE {_signed('proj_digits')} END"
        " AS projected_text",
    ]
    query = layers[0]
    for layer in layers[1:]:
        query = f"{layer} FROM ({query})"
    return query
