"""The columnar path of `check`: county-scale files read, matched, grouped and judged in duckdb.

It builds the same `Assessment` as the per-row path (`assess.check.collect`), and the property
test (tests/test_columnar.py) holds it to that over random files. How:

- the files are read into one table (`actuals.columnar`); what the table cannot hold exactly
  (a workbook, a wide sheet, a record over two lines, mixed line ends…) is left to the
  per-row path;
- the distinct texts are matched in Python by the very functions the per-row path calls —
  indicator names by `IndicatorMatcher`, years by `_parse_year`, value spellings by
  `parse_value` — and joined back as small integers; only plain decimals (`91.1`) and plain
  percentages (`84.35%`), the bulk of any file, are converted by duckdb, as `parse_value`
  would;
- the rows the per-row reader skips with a warning (a 合计 row as the indicator or the region,
  a note such as 注：… under the table) are skipped here with the same warning at the same line;
- a file with any problem (an unknown indicator, a bad value or year, two different figures
  for one year…), or with rows the per-row path treats specially (a reference region, a
  commitment, the previous period's indicators), is left to the per-row path, which reports
  each problem at its row: this path only decides that there is one;
- every (region, indicator) is judged by one query (`assess.vectorised`: `figure_status`'s
  steps on the same doubles); the groups `judge` must see whole (a text answer, a bound, a
  running total, a relative or qualitative target) and a rounding next to a tie are judged
  in Python; a result, its verdict worded by `judge_figure`, is made only when a view reads
  it, and not kept;
- the warnings (figures outside their natural range, jumps, outliers) are found by duckdb
  with the per-row path's arithmetic and worded by its own functions, in its order.

The observations behind a result are read back, 64 regions at a time, only when a view asks
for them (a trend, the full JSON): `--by-region` never does.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import chain, compress, repeat
from operator import itemgetter
from pathlib import Path
from typing import Any, Generic, NamedTuple, TypeVar

from psplan.actuals.columnar import Table, read_table
from psplan.actuals.read import (
    _TOTAL_CELLS,
    ActualRow,
    _parse_year,
    _skipped_row,
    is_total,
    region_name,
)
from psplan.actuals.values import Value, in_scientific_notation, parse_value
from psplan.assess.areas import apart_from_regions, own_area_names, reference_region_names
from psplan.assess.assessment import Assessment, Result, stage_year
from psplan.assess.check import (
    AmbiguousName,
    IndicatorMatcher,
    _early_warning,
    _range_warning,
    _value_problem,
    assess_collected,
    fraction_warning,
    has_baseline,
    judged,
    magnitude_floor,
    magnitude_warning,
    more_warning,
    name_unit_problem,
    natural_range,
    scientific_warning,
    shares_in_percent,
    unseen_reference_regions,
)
from psplan.assess.columns import ResultColumns
from psplan.assess.evaluate import (
    Baseline,
    Goal,
    Observation,
    Verdict,
    _round,
    judge_figure,
    shown_actual,
    sum_note,
)
from psplan.assess.lint import Thresholds, _finding, jump_room_most, jump_step, shown_score
from psplan.assess.overrides import Override, apply_overrides
from psplan.assess.rating import rate_values
from psplan.assess.vectorised import JUDGED, RATINGS, STATUSES, judge_rows
from psplan.errors import Location, Problem, PsplanError, quoted
from psplan.limits import Limits
from psplan.plan.model import Commitment, Indicator, Plan

#: Regions whose observations are read back together when a view asks for them.
SERIES_BLOCK = 64

Row = TypeVar("Row")

_PLAIN = r"-?[0-9]{1,15}(\.[0-9]{1,15})?"  # parse_value's _PLAIN_DECIMAL, in ASCII digits


def check_columnar(
    plan: Plan,
    paths: Sequence[str | Path],
    *,
    encoding: str | None = None,
    limits: Limits | None = None,
    year: int | None = None,
    region: str | None = None,
    references: Mapping[str, float] | None = None,
    reference_regions: Sequence[str] = (),
    source: str = "",
    sources: Sequence[str] = (),
    overrides: Sequence[Override] = (),
    allow_outside_period: bool = False,
    warnings: list[Problem] | None = None,
    strict: bool = False,
    stage: str = "annual",
    regions_seen: Callable[[Sequence[str]], None] | None = None,
    word_all: bool = False,
    indicators: Collection[str] = (),
) -> Assessment | None:
    """`check.check` of the files, or None when they are for the per-row path (see above).

    `regions_seen` is given the regions the files name before anything is judged (the
    command line refuses more than --max-regions for a report nobody could read).
    `word_all`: every result will be worded (a whole JSON, CSV or markdown), so the steps
    that judge are run once, for the table the words come from as well (the same
    assessment; a few tenths of a second less at 185,600 results, none without it)."""
    staged = stage_year(plan, stage)
    table = read_table(paths, encoding, limits)
    if table is None:
        return None
    plan, applied = apply_overrides(plan, list(overrides))
    collected = ColumnarCollected.of(plan, table, reference_regions)
    if collected is None:
        table.con.close()
        return None
    collected.word_all = word_all
    collected.warnings += unseen_reference_regions(reference_regions, collected, source)
    if regions_seen is not None:
        regions_seen([name for name in collected.names if name is not None])
    return assess_collected(
        plan, applied, collected, staged if year is None else year, region, references,
        source, allow_outside_period, warnings, strict,
        tuple(sources) or ((source,) if source else ()), stage, frozenset(indicators),
    )  # fmt: skip


@dataclass
class ColumnarCollected:
    """What `check.collect` gathers, held in duckdb tables keyed by small integers (a region's
    index `ri` in `names`, an indicator's index `gk` in the plan): `fig` (every row), `obs`
    (one figure per region, indicator and year: the first read, equal ones merge into it) and
    `series` (each (region, indicator) with the row that first named it)."""

    plan: Plan
    table: Table
    values: dict[str, Value]  # value texts parse_value read (not plain decimals or percentages)
    names: list[str | None]  # the regions, by index
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    years: set[int] = field(default_factory=set)
    figures_read: dict[str, int] = field(default_factory=dict)
    pledges: list[tuple[Commitment, Indicator]] = field(default_factory=list)
    references: dict[tuple[str, int, str], tuple[float, str]] = field(default_factory=dict)
    sheet_baselines: dict[tuple[str | None, str], float] = field(default_factory=dict)
    remarks: dict[tuple[str | None, str], dict[str, str]] = field(default_factory=dict)
    explained_at: dict[tuple[str | None, str], Location] = field(default_factory=dict)
    #: the reader's warnings, (row, order, warning) in the order it says them
    reading: list[tuple[int, int, Problem]] = field(default_factory=list)
    #: `check.RepeatedRows`' warnings: rows repeating an earlier row of their own file
    repeated: list[Problem] = field(default_factory=list)
    region_index: dict[str | None, int] = field(default_factory=dict)
    indicator_index: dict[str, int] = field(default_factory=dict)
    #: every result will be worded (a whole JSON, CSV or markdown): judged once, in `worded`
    word_all: bool = False
    _across: Any = None  # the future of `across`
    _blocks: dict[int, int] | None = None  # region number → its block of SERIES_BLOCK
    _block_regions: list[list[int]] = field(default_factory=list)
    _read: dict[int, dict[tuple[int, int], tuple[Observation, ...]]] = field(default_factory=dict)

    @classmethod
    def of(
        cls,
        plan: Plan,
        table: Table,
        reference_regions: Sequence[str] = (),
        thresholds: Thresholds | None = None,
    ) -> ColumnarCollected | None:
        """The files' figures collected, or None where they are for the per-row path; the
        jumps and outliers are looked for by `thresholds` (default: check's) meanwhile."""
        con = table.con
        names = _map_regions(
            con, reference_region_names(plan, reference_regions), own_area_names(plan)
        )
        if names is None or not _map_indicators(con, plan, IndicatorMatcher(plan)):
            return None
        if None in names and len(names) > 1 and _unnamed(con, names.index(None)):
            return None  # figures without a region beside named ones: the per-row path says
        skipped = _skipped(table)
        if skipped is None or not _map_years(con):
            return None
        values = _map_values(con)
        if values is None:
            return None
        con.execute(_FIGURES)
        con.execute("DROP TABLE raw")  # every cell is in `fig` now: its memory back
        if not _values_fit(con, plan) or not _observations(con):
            return None
        # no commitment is judged: a file that names one is left to the per-row path
        collected = cls(plan, table, values, names)
        collected.region_index = {name: ri for ri, name in enumerate(names)}
        collected.indicator_index = {i.id: gk for gk, i in enumerate(plan.indicators)}
        collected.reading = _reading_warnings(table.warnings, skipped)
        collected.repeated, repeats = _repeated_rows(collected)
        collected.warnings = _out_of_range(collected, collected.reading)
        years = con.execute("SELECT DISTINCT year FROM obs").fetchall()
        collected.years = {row[0] for row in years}
        counts = con.execute(
            "SELECT f, count(*) FILTER (WHERE NOT missing) FROM fig GROUP BY f ORDER BY f"
        ).fetchall()
        # a row repeating one of its own file is no figure of its own (the warning says so)
        collected.figures_read = {table.files[f].name: n - repeats.get(f, 0) for f, n in counts}
        collected.start_across(thresholds or Thresholds())
        return collected

    # ------------------------------------------------------------ what the assessment asks

    def regions(self) -> list[str | None]:
        rows = self.table.con.execute(
            "SELECT ri FROM series WHERE figures > 0 GROUP BY ri ORDER BY min(first)"
        ).fetchall()
        return [self.names[row[0]] for row in rows]

    def empty_regions(self) -> list[str | None]:
        rows = self.table.con.execute(
            "SELECT ri FROM series WHERE ri >= 0 AND gk >= 0"  # (not a skipped total or note)
            " GROUP BY ri HAVING sum(figures) = 0 ORDER BY min(first)"
        ).fetchall()
        return [self.names[row[0]] for row in rows]

    def first_figure_of(self, year: int) -> Location | None:
        """Where the first figure of `year` was read (the files in the order read)."""
        (rid,) = self.table.con.execute(
            "SELECT min(rid) FROM obs WHERE year = ?", [year]
        ).fetchone()
        if rid is None:
            return None
        read = self.table.file_of(rid)
        return Location(read.name, read.line(rid))

    def first_figure_in(self, region: str | None) -> Location | None:
        """Where the first figure of `region` was read (the files in the order read)."""
        ri = self.region_index.get(region)
        (rid,) = self.table.con.execute(
            "SELECT min(rid) FROM obs WHERE ri = ?", [-2 if ri is None else ri]
        ).fetchone()
        if rid is None:
            return None
        read = self.table.file_of(rid)
        return Location(read.name, read.line(rid))

    def indicators_by_region(self) -> dict[str | None, int]:
        """How many indicators have a figure in each region, in the order first read."""
        rows = self.table.con.execute(
            "SELECT ri, count(*) FROM series WHERE figures > 0 AND ri >= 0 AND gk >= 0"
            " GROUP BY ri ORDER BY min(first)"
        ).fetchall()
        return {self.names[ri]: count for ri, count in rows}

    def figures_by_year(self) -> dict[int, int]:
        rows = self.table.con.execute("SELECT year, count(*) FROM obs GROUP BY year").fetchall()
        return dict(rows)

    def across(self, plan: Plan) -> list[Problem]:
        """The jumps and outliers, found on a connection of their own while the statuses are
        judged (duckdb lets go of the GIL while it runs a query), waited for here."""
        if self._across is None:
            self.start_across(Thresholds())
        assert self._across is not None
        return self._across.result()

    def close(self) -> None:
        """Let the connection go, once the jumps and outliers are found (their thread holds
        a cursor of it: duckdb refuses to close a connection in use)."""
        if self._across is not None:
            with contextlib.suppress(Exception):  # (said where `across` is read)
                self._across.result()
        self.table.con.close()

    def start_across(self, limits: Thresholds) -> None:
        from concurrent.futures import ThreadPoolExecutor

        def find(cursor: Any) -> list[Problem]:
            try:
                return [*_jumps(self, limits, cursor), *_outliers(self, limits, cursor)]
            finally:
                cursor.close()

        pool = ThreadPoolExecutor(max_workers=1)
        self._across = pool.submit(find, self.table.con.cursor())
        pool.shutdown(wait=False)  # the thread ends with its one task

    def series(self, region: str | None, indicator_id: str) -> tuple[Observation, ...]:
        """The observations of a (region, indicator), read with those of the regions next to
        it in the report's order (a block at a time: results are made region by region)."""
        key = self.key(region, indicator_id)
        if key is None:  # a commitment's id, or a region without rows
            return ()
        block = self.block(key[0])
        if block is None:
            return ()
        found = self._read.get(block)
        if found is None:
            if len(self._read) >= 2:  # the block read before the last one is done with
                self._read.pop(next(iter(self._read)))
            found = self._read[block] = self._read_series(regions=self._block_regions[block])
        return found.get(key, ())

    def block(self, ri: int) -> int | None:
        """The block of `SERIES_BLOCK` regions, in the report's order, region `ri` is in
        (None for a region without rows): what is read back at a time for results."""
        if self._blocks is None:
            order = self.regions()
            self._blocks = {self.region_index[name]: i // SERIES_BLOCK
                            for i, name in enumerate(order)}  # fmt: skip
            self._block_regions = [
                [self.region_index[name] for name in order[i : i + SERIES_BLOCK]]
                for i in range(0, len(order), SERIES_BLOCK)
            ]
        return self._blocks.get(ri)

    def key(self, region: str | None, indicator_id: str) -> tuple[int, int] | None:
        """The table's key of a (region, indicator id), None if it names none of its rows."""
        ri = self.region_index.get(region)
        gk = self.indicator_index.get(indicator_id)
        return None if ri is None or gk is None else (ri, gk)

    def results(
        self,
        goals: Sequence[tuple[Indicator, Goal]],
        regions: Sequence[str | None],
        year: int,
        references: Mapping[str, float],
        finish: Callable[..., Result],
        as_judged: frozenset[str] = frozenset(),
        own_area: frozenset[str] = frozenset(),
    ) -> LazyResults:
        """As `_Collected.results`, in columns: each status and its numbers computed by duckdb
        (`vectorised.judge_rows`); the rows it leaves (a group `judge` must see whole) judged
        in Python. A result, its verdict worded, is made only when a view reads it
        (`judge_figure` on the group's aggregate), or its JSON written by duckdb
        (`LazyResults.encoded`)."""
        con = self.table.con
        region_keys = [self.region_index.get(place, -1) for place in regions]
        shapes: list[Any] = []  # the table `worded`'s, once made

        def word() -> None:
            from psplan.assess.vectorised_json import worded_table

            shapes.append(worded_table(con, goals, year, self.plan, as_judged))

        owns = [place is None or place in own_area for place in regions]
        rows = judge_rows(con, goals, region_keys, owns, year, word if self.word_all else None)
        per_region = len(goals)

        def column(k: int) -> list[Any]:
            # a column read off the rows in C: `zip(*rows)` makes an iterator per row (for
            # the 600,000 results of 3 M figures 0.30-0.34 s against 0.20-0.26 s)
            return list(map(itemgetter(k), rows))

        flags = column(6)
        assert JUDGED == 0  # the rows to judge in Python are those with a flag
        flagged = list(compress(range(len(flags)), flags))
        keys = [(region_keys[i // per_region], i % per_region) for i in flagged]
        needed = self._read_series(sorted(keys))
        actuals, gaps, progresses, shares = (column(k) for k in (1, 2, 4, 5))
        statuses = list(map(STATUSES.__getitem__, map(itemgetter(0), rows)))
        ratings = list(map(RATINGS.__getitem__, map(itemgetter(3), rows)))
        verdicts: dict[int, Verdict] = {}
        for i, key in zip(flagged, keys, strict=True):
            indicator, goal = goals[key[1]]
            verdict = judged(indicator, goal, needed.get(key, ()), year, references,
                             self.references, None, owns[i // per_region])  # fmt: skip
            verdicts[i] = verdict
            status, actual, gap = verdict.status, shown_actual(verdict), verdict.gap
            progress, share = verdict.progress, verdict.share
            statuses[i], actuals[i], gaps[i] = status, actual, gap
            progresses[i], shares[i] = progress, share
            ratings[i] = rate_values(status, progress, share, year, goal.end_year)
        columns = ResultColumns(
            list(chain.from_iterable(repeat(place, per_region) for place in regions)),
            [indicator for indicator, _ in goals] * len(regions),
            statuses, actuals, gaps, ratings, progresses, shares,
        )  # fmt: skip
        aggregated = _ByBlock(self, "aggregated", _AGGREGATES,
                              {"year": year}, _aggregated)  # fmt: skip

        def aggregate(ri: int, gk: int) -> _Aggregate:
            """A block of regions' aggregates read at a time, as their series are: a report
            that shows a few results (the terminal's) reads few, one that shows them all
            holds two blocks, not 185,600 aggregates."""
            block = self.block(ri)
            assert block is not None  # a result judged in duckdb has figures
            return aggregated.get(block)[(ri, gk)]

        trends = _Trends(self, year)

        def make(index: int) -> Result:
            place, ri = regions[index // per_region], region_keys[index // per_region]
            indicator, goal = goals[index % per_region]
            verdict = verdicts.get(index)
            if verdict is None:
                how = _inputs(goal, year, aggregate(ri, index % per_region),
                              owns[index // per_region])  # fmt: skip
                verdict = how if type(how) is Verdict else judge_figure(goal, year, *how)
            made = finish(place, indicator, goal, _Series(self, (place, indicator.id)), verdict)
            made.trends = trends
            return made

        def worded(**query: Any) -> Iterator[list[tuple[Any, ...]]]:
            from psplan.assess.vectorised_json import worded_rows

            if not shapes:
                word()
            return worded_rows(con, goals, regions, year, shapes[0], **query)

        # no collection sheet is read here, so no result has 原因分析 of its own
        return LazyResults(columns, make, notes_per_indicator=not self.remarks,
                           worded=(worded, goals, regions))  # fmt: skip

    # ------------------------------------------------------------------------ the rows

    def observation(self, row: tuple[Any, ...]) -> Observation:
        """(year, raw, kind, rid) → the Observation the per-row path would have made."""
        year, raw, kind, rid = row
        if kind == 1:
            value = Value(raw, float(raw) + 0.0)
        elif kind == 2:
            value = Value(raw, float(raw[:-1]) + 0.0, unit="%")
        else:
            value = self.values[raw]
        read = self.table.file_of(rid)
        return Observation(year, value, read.line(rid), read.name)

    def _read_series(
        self,
        keys: Sequence[tuple[int, int]] | None = None,
        regions: Sequence[int] | None = None,
    ) -> dict[tuple[int, int], tuple[Observation, ...]]:
        """The series of `keys`, or of every indicator of `regions` (each with every year
        read, also after the year judged: `judge` sees them all)."""
        query = (
            "SELECT o.ri, o.gk, o.year, o.raw, o.kind, o.rid FROM obs o JOIN series s"
            " USING (ri, gk) WHERE {} ORDER BY s.first, o.rid"
        )
        if regions is not None:
            rows = self.table.con.execute(
                query.format("list_contains(?, o.ri)"), [list(regions)]
            ).fetchall()
        elif not keys:
            return {}
        else:
            rows = self.table.con.execute(
                query.format("list_contains(?, o.ri * 65536 + o.gk)"),
                [[ri * 65536 + gk for ri, gk in keys]],
            ).fetchall()
        found: dict[tuple[int, int], list[Observation]] = {}
        make = self.observation
        for ri, gk, *rest in rows:
            found.setdefault((ri, gk), []).append(make(tuple(rest)))
        return {key: tuple(items) for key, items in found.items()}


class _ByBlock(Generic[Row]):
    """A query's rows (each naming its region `ri`) for one block of regions at a time, as
    results are made: the first block's alone (a view may show a few results: duckdb reads
    only that block's figures, about 20 ms), then, when a second is asked for (a view that
    shows them all), every block's at once into the table `name` (one query, where one per
    block filtered every figure 46 times at 2,900 counties), each block read back from it;
    the last two blocks' rows kept, not 185,600 results'."""

    def __init__(
        self,
        collected: ColumnarCollected,
        name: str,
        query: str,
        parameters: dict[str, Any],
        rows: Callable[[list[tuple[Any, ...]]], dict[tuple[int, int], Row]],
    ) -> None:
        self._collected, self._name, self._query = collected, name, query
        self._parameters, self._rows = parameters, rows
        self._kept: dict[int, dict[tuple[int, int], Row]] = {}
        self._read: set[int] = set()

    def get(self, block: int) -> dict[tuple[int, int], Row]:
        """(region, goal) → row, of the regions of `block`."""
        found = self._kept.get(block)
        if found is not None:
            return found
        every = self._collected._block_regions
        if not self._read:
            self._make([(block, every[block])])
        elif len(self._read) == 1:
            self._make(list(enumerate(every)))
        if len(self._kept) >= 2:  # the block read before the last one is done with
            self._kept.pop(next(iter(self._kept)))
        rows = self._collected.table.con.execute(
            f"SELECT * EXCLUDE (block) FROM {self._name} WHERE block = ?", [block]
        ).fetchall()
        found = self._kept[block] = self._rows(rows)
        self._read.add(block)
        return found

    def _make(self, blocks: list[tuple[int, list[int]]]) -> None:
        """The table of the rows of `blocks` (each a number and its regions' numbers), each
        row with its block's number."""
        self._collected.table.con.execute(
            f"CREATE OR REPLACE TABLE {self._name} AS SELECT b.block, q.* FROM ({self._query}) q"
            " JOIN (SELECT unnest($regions::INTEGER[]) AS ri,"
            " unnest($blocks::INTEGER[]) AS block) b ON q.ri = b.ri",
            {**self._parameters,
             "regions": [ri for _, regions in blocks for ri in regions],
             "blocks": [number for number, regions in blocks for _ in regions]},
        )  # fmt: skip


class _Trends:
    """The trends of the groups judged in duckdb, worked out by duckdb (`vectorised_trends`)
    when a view first asks a result for its trend, read back a block of regions at a time,
    and finished by `trends.assembled`; `UNKNOWN` for any other result, and for one whose
    verdict was not measured from the baseline the query measured from (it then computes
    its own)."""

    def __init__(self, collected: ColumnarCollected, year: int) -> None:
        from psplan.assess.vectorised_trends import TRENDS

        self._collected, self._year = collected, year
        self._rows = _ByBlock(collected, "trended", TRENDS, {"year": year},
                              lambda rows: {(row[0], row[1]): row[2:] for row in rows})  # fmt: skip

    def trend_of(self, result: Result) -> Any:
        from psplan.assess.assessment import UNKNOWN, untrended
        from psplan.assess.trends import assembled, natural_cap, trend
        from psplan.assess.vectorised_trends import CATEGORIES

        verdict, goal, indicator = result.verdict, result.goal, result.indicator
        if goal is None or result.year != self._year:
            return UNKNOWN
        if untrended(indicator, goal, verdict):  # (`assessment._trend`'s own conditions)
            return None
        key = self._collected.key(result.region, indicator.id)
        block = None if key is None else self._collected.block(key[0])
        if key is None or block is None:
            return UNKNOWN
        row = self._rows.get(block).get(key)
        if row is None:
            return UNKNOWN
        base, base_year, own_start, trended, years, values, observed, needed, ratio, \
            category, likely, projected = row  # fmt: skip
        cap = natural_cap(indicator.unit, indicator.name)
        if goal.kind != "level":  # `_yearly_amounts` of plain figures, for `trend` itself
            yearly = list(zip(years, values, strict=True))
            if goal.kind == "cumulative":
                yearly = [(y, v) for y, v in yearly if goal.start_year <= y <= goal.end_year]
            if not yearly:
                return None
            return trend(goal, yearly, verdict.target_value, cap=cap, year=self._year)
        baseline = verdict.baseline
        if own_start:
            if baseline.value is not None:
                return UNKNOWN
        elif baseline.value != base or baseline.year != base_year:
            return UNKNOWN
        if not trended:
            return None
        return assembled(goal, tuple(zip(years, values, strict=True)), observed, needed, ratio,
                         CATEGORIES[category], likely, projected, cap)  # fmt: skip


class _Series(Sequence[Observation]):
    """A result's observations, read back from the table when first looked at."""

    __slots__ = ("_collected", "_key")

    def __init__(self, collected: ColumnarCollected, key: tuple[str | None, str]) -> None:
        self._collected, self._key = collected, key

    def _items(self) -> tuple[Observation, ...]:
        return self._collected.series(*self._key)

    def __getitem__(self, index: Any) -> Any:
        return self._items()[index]

    def __len__(self) -> int:
        return len(self._items())

    def __iter__(self) -> Iterator[Observation]:
        return iter(self._items())

    def __eq__(self, other: object) -> bool:
        return tuple(self) == (tuple(other) if isinstance(other, Sequence) else other)

    def __hash__(self) -> int:
        return hash(self._items())

    def __repr__(self) -> str:
        return repr(self._items())


class LazyResults(Sequence[Result]):
    """An assessment's results, each made when read (`make(i)`) and not kept: the columns
    come first, a view that reads only them (`--by-region`) makes none, and a format that
    writes every result (JSON, CSV) holds one at a time, not a country's 185,600. The last
    one made is kept: a format reads a row's cells and then its notes off the same result."""

    def __init__(
        self,
        columns: ResultColumns,
        make: Callable[[int], Result],
        *,
        notes_per_indicator: bool = False,
        worded: tuple[
            Callable[..., Iterator[list[tuple[Any, ...]]]],
            Sequence[tuple[Indicator, Goal]],
            Sequence[str | None],
        ]
        | None = None,
    ) -> None:
        self.columns = columns
        self._made = make
        #: the rows in duckdb (`worded_rows`), with the goals and the regions they are of
        self._worded, self.goals, self.places = worded or (None, (), ())
        self._last: tuple[int, Result] | None = None
        #: whether every result's notes are its indicator's (no 原因分析 of its own): a
        #: view then reads them off one result per indicator
        self.notes_per_indicator = notes_per_indicator

    def _make(self, index: int) -> Result:
        last = self._last
        if last is not None and last[0] == index:
            return last[1]
        result = self._made(index)
        self._last = (index, result)
        return result

    def __len__(self) -> int:
        return len(self.columns)

    def rated(self) -> bool:
        """Whether any result carries an evaluation word (提前实现…)."""
        return any(rating is not None for rating in self.columns.ratings)

    def worded(self, **query: Any) -> Iterator[list[tuple[Any, ...]]] | None:
        """The results' rows in duckdb, as SQL expressions `select` over them give them
        (`vectorised_json.worded_rows`), a batch at a time; None where there are none."""
        return None if self._worded is None else self._worded(**query)

    def encoded(self, plan: Plan, lang: str, encode: Callable[[Any], str]) -> Iterator[str]:
        """Each result's JSON contract as `encode` writes it: the text duckdb wrote
        (`vectorised_json`), or the result made and encoded where it wrote none."""
        if self._worded is None:
            yield from (encode(result.to_dict(plan, lang)) for result in self)
            return
        from psplan.assess.vectorised_json import result_texts

        texts = result_texts(self._worded, self.goals, self.places, lang, encode)
        for index, text in enumerate(texts):
            yield text if text is not None else encode(self._make(index).to_dict(plan, lang))

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return [self._make(i) for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        return self._make(index)

    def __iter__(self) -> Iterator[Result]:
        return map(self._make, range(len(self)))

    def __eq__(self, other: object) -> bool:
        return list(self) == (list(other) if isinstance(other, Sequence) else other)

    __hash__ = None  # type: ignore[assignment]


# ------------------------------------------------------------------------- matching texts

#: The key a blank cell joins on (a NUL: no cell of a file this path reads has one).
_NULL = "\x00"


def _map_regions(
    con: Any, references: frozenset[str], own_names: frozenset[str]
) -> list[str | None] | None:
    """Region cells as the per-row path strips them, numbered in the table `regmap`;
    None for a reference region's rows (the per-row path keeps them apart), and for two
    spellings of the plan's own area (it reads them as one)."""
    texts, numbers = [], []
    names: dict[str | None, int] = {}
    own: set[str] = set()
    for (text,) in con.execute("SELECT DISTINCT reg FROM raw WHERE NOT blank").fetchall():
        region = region_name(text) if text is not None else None
        if region in references:
            return None
        if region in own_names:
            own.add(region)
            if len(own) > 1:  # 全市 and 安康市: one area, read so by the per-row path
                return None
        texts.append(_NULL if text is None else text)
        # a 合计 / 小计 row of the counties: skipped, and said so (`_skipped`)
        total = region is not None and is_total(region)
        numbers.append(_SKIPPED if total else names.setdefault(region, len(names)))
    con.execute(
        "CREATE TABLE regmap AS SELECT unnest(?::VARCHAR[]) AS reg, unnest(?::INTEGER[]) AS ri",
        [texts, numbers],
    )
    return list(names)


def _unnamed(con: Any, ri: int) -> bool:
    """Whether a row of an indicator (not a note or a total) has region `ri`, the empty one."""
    found = con.execute(
        "SELECT 1 FROM raw r JOIN indmap m ON m.ind = r.ind"
        " JOIN regmap g ON g.reg = coalesce(r.reg, ?) WHERE NOT r.blank AND m.gk >= 0"
        " AND g.ri = ? LIMIT 1",
        [_NULL, ri],
    ).fetchall()
    return bool(found)


def _map_indicators(con: Any, plan: Plan, matcher: IndicatorMatcher) -> bool:
    """Each distinct indicator text → its indicator's index in the plan (`indmap`); False
    where a text is not plainly one of the plan's main indicators (the per-row path words
    what it is: unknown, ambiguous, of the previous period, a commitment, a total row)."""
    position = {indicator.id: gk for gk, indicator in enumerate(plan.indicators)}
    texts, numbers = [], []
    for (text,) in con.execute("SELECT DISTINCT ind FROM raw WHERE NOT blank").fetchall():
        name = text.strip() if text is not None else ""
        if not name:  # a row without an indicator: skipped if it is a note (`_skipped`)
            texts.append(_NULL if text is None else text)
            numbers.append(_NOTE)
            continue
        if name in _TOTAL_CELLS:  # a total row: always skipped, as the per-row reader does
            texts.append(text)
            numbers.append(_SKIPPED)
            continue
        try:
            indicator = matcher.match(name)
        except AmbiguousName:
            return False
        if indicator is not None and name_unit_problem(indicator, name) is not None:
            return False  # another unit after its name: the per-row path says so at its row
        if indicator is None or indicator.id not in position:
            if _skipped_row([name], 0, "", 0) is None:
                return False
            texts.append(text)  # a note (注：…): skipped where its year or value is no figure
            numbers.append(_NOTE)
            continue
        texts.append(text)
        numbers.append(position[indicator.id])
    con.execute(
        "CREATE TABLE indmap AS SELECT unnest(?::VARCHAR[]) AS ind, unnest(?::INTEGER[]) AS gk",
        [texts, numbers],
    )
    return True


#: `ri` / `gk` of a row skipped as a total (合计), and `gk` of a note row (注：…).
_SKIPPED, _NOTE = -1, -2


def _skipped(table: Table) -> list[tuple[int, Problem]] | None:
    """The rows the per-row reader skips with a warning — a total (合计 as the indicator or
    the region) and a note (注：… as the indicator, where its year or value is no figure) —
    each with its warning, marked blank so that nothing else reads them; None where a note
    row would be read as a figure (the per-row path says it names no indicator)."""
    con = table.con
    marked = con.execute(
        "SELECT (SELECT count(*) FROM indmap WHERE gk < 0) + (SELECT count(*) FROM regmap"
        " WHERE ri < 0)"
    ).fetchone()
    if not marked or not marked[0]:  # no text is a total's or a note's: no row to skip
        return []
    rows = con.execute(
        "SELECT r.rowid, r.ind, r.reg, r.yr, r.val, m.gk, g.ri FROM raw r"
        " JOIN indmap m ON m.ind = coalesce(r.ind, chr(0))"
        " JOIN regmap g ON g.reg = coalesce(r.reg, chr(0))"
        " WHERE NOT r.blank AND (m.gk < 0 OR g.ri < 0) ORDER BY r.rowid"
    ).fetchall()
    found = []
    for rid, ind, reg, year, value, gk, ri in rows:
        empty = ind is None or not ind.strip()
        if gk == _NOTE and ri != _SKIPPED and not empty and _reads_as_figure(year, value):
            return None
        read = table.file_of(rid)
        layout = read.header.layout
        cells: list[object] = [None] * read.header.width
        for at, cell in ((layout.indicator, ind), (layout.region, reg), (layout.year, year),
                         (layout.value, value)):  # fmt: skip
            if at is not None:
                cells[at] = cell
        known = sum(at is not None for at in (layout.indicator, layout.region, layout.year,
                                               layout.value))  # fmt: skip
        if empty and known < read.header.width:
            return None  # a note may sit in a column this path does not read (序号)
        warning = _skipped_row(cells, layout.indicator, read.name, read.line(rid), layout.region)
        if warning is None:
            return None
        found.append((rid, warning))
    if found:
        con.execute("UPDATE raw SET blank = true WHERE list_contains(?, rowid)",
                    [[rid for rid, _ in found]])  # fmt: skip
    return found


def _reads_as_figure(year: str | None, value: str | None) -> bool:
    """Whether the per-row reader would read a row's year and value without an error."""
    try:
        _parse_year(year, Location(""))
        parse_value(value)
    except PsplanError:
        return False
    return True


def _map_years(con: Any) -> bool:
    texts, years = [], []
    for (text,) in con.execute("SELECT DISTINCT yr FROM raw WHERE NOT blank").fetchall():
        try:
            years.append(_parse_year(text, Location("")))
        except PsplanError:
            return False
        texts.append(text)
    con.execute(
        "CREATE TABLE yearmap AS SELECT unnest(?::VARCHAR[]) AS yr, unnest(?::INTEGER[]) AS year",
        [texts, years],
    )
    return True


def _map_values(con: Any) -> dict[str, Value] | None:
    """Each distinct value text → its number, text, unit, running total and bound (`valmap`),
    so that a row's value is a join, not a regular expression per row: a plain decimal or
    percentage converted by duckdb, any other text parsed by `parse_value`; None if one
    fails (the per-row path says why)."""
    con.execute(
        "CREATE TABLE valkind AS SELECT val,"
        f" CASE WHEN NOT regexp_full_match(val, '{_PLAIN}%?') THEN 0"
        " WHEN ends_with(val, '%') THEN 2 ELSE 1 END AS kind"
        " FROM (SELECT DISTINCT val FROM raw WHERE NOT blank AND val IS NOT NULL)"
    )
    values: dict[str, Value] = {}
    for (text,) in con.execute("SELECT val FROM valkind WHERE kind = 0").fetchall():
        try:
            values[text] = parse_value(text)
        except PsplanError:
            return None
    items = list(values.items())
    con.execute(
        "CREATE TABLE parsed AS SELECT unnest(?::VARCHAR[]) AS val, unnest(?::DOUBLE[]) AS number,"
        " unnest(?::VARCHAR[]) AS text, unnest(?::VARCHAR[]) AS unit,"
        " unnest(?::BOOLEAN[]) AS rt, unnest(?::VARCHAR[]) AS bound",
        [[t for t, _ in items], [v.number for _, v in items], [v.text for _, v in items],
         [v.unit for _, v in items], [v.running_total for _, v in items],
         [v.bound for _, v in items]],
    )  # fmt: skip
    con.execute(_VALUES)
    return values


#: Every distinct value: its kind (1: a plain decimal, 2: a plain percentage, 0: a text
#: `parse_value` read) and what it reads as.
_VALUES = """
CREATE TABLE valmap AS
SELECT k.val, k.kind,
       CASE k.kind WHEN 1 THEN CAST(k.val AS DOUBLE) + 0.0
                   WHEN 2 THEN CAST(left(k.val, length(k.val) - 1) AS DOUBLE) + 0.0
                   ELSE p.number END AS number,
       p.text,
       CASE k.kind WHEN 2 THEN '%' WHEN 1 THEN NULL ELSE p.unit END AS unit,
       coalesce(p.rt, false) AS rt,
       p.bound
FROM valkind k LEFT JOIN parsed p USING (val)
"""


#: Every non-blank row with its region and indicator numbers, year and value (a blank
#: value has kind 0 and no figure: missing).
_FIGURES = """
CREATE TABLE fig AS
SELECT *, number IS NULL AND text IS NULL AS missing FROM (
    SELECT r.rid, r.f, g.ri, m.gk, y.year, coalesce(r.val, '') AS raw,
           coalesce(v.kind, 0) AS kind, v.number, v.text, v.unit, coalesce(v.rt, false) AS rt,
           v.bound
    FROM (SELECT rowid AS rid, * FROM raw WHERE NOT blank) r
    JOIN indmap m ON m.ind = r.ind
    JOIN yearmap y ON y.yr = r.yr
    JOIN regmap g ON g.reg = coalesce(r.reg, chr(0))
    LEFT JOIN valmap v ON v.val = r.val)
"""


def _values_fit(con: Any, plan: Plan) -> bool:
    """Whether every unusual value suits its indicator (`_value_problem` says nothing)."""
    shapes = con.execute(
        "SELECT DISTINCT gk, number IS NOT NULL, text, unit, rt FROM fig"
        " WHERE NOT missing AND (number IS NULL OR unit IS NOT NULL OR rt)"
    ).fetchall()
    for gk, has_number, text, unit, running in shapes:
        value = Value("x", 1.0 if has_number else None, text, unit, running)
        row = ActualRow("", 0, value, None, None, "", 0, 0)
        if _value_problem(plan.indicators[gk], row) is not None:
            return False
    return True


def _observations(con: Any) -> bool:
    """The tables `obs` and `series`; False where two different figures were given for one
    region, indicator and year (the per-row path names both)."""
    low, high = con.execute("SELECT min(year), max(year) FROM yearmap").fetchone()
    # the years of a series as bits of one 64-bit word, where they span fewer than 64: fewer
    # bits set than figures is a year given twice (a count of distinct years costs ten times
    # this, a group per region, indicator and year holds 3,000,000 groups at 3 M rows)
    bits = low is not None and high - low < 64
    years = (
        ", bit_count(bit_or(1::UBIGINT << (year - $low)::UBIGINT) FILTER (WHERE NOT missing))"
        " AS years"
    )
    con.execute(
        "CREATE TABLE series AS SELECT ri, gk, min(rid) AS first,"
        f" count(*) FILTER (WHERE NOT missing) AS figures{years if bits else ''}"
        " FROM fig GROUP BY ri, gk",
        {"low": low} if bits else None,
    )
    check = (
        "SELECT 1 FROM series WHERE figures > years LIMIT 1"
        if bits  # else a group per year
        else "SELECT 1 FROM fig WHERE NOT missing GROUP BY ri, gk, year HAVING count(*) > 1 LIMIT 1"
    )
    repeated = con.execute(check).fetchall()
    if repeated:  # equal figures merge into the first; different ones are an error
        con.execute(_GROUPS)
        if con.execute("SELECT 1 FROM groups WHERE differ LIMIT 1").fetchall():
            return False
        con.execute("CREATE TABLE obs AS SELECT f.* FROM fig f SEMI JOIN groups g USING (rid)")
    else:
        con.execute("CREATE VIEW obs AS SELECT * FROM fig WHERE NOT missing")
    return True


#: Each (region, indicator, year): its first row, and whether its figures differ (`_same`).
_GROUPS = """
CREATE TABLE groups AS
SELECT ri, gk, year, min(rid) AS rid,
       min(number) IS DISTINCT FROM max(number) OR count(number) NOT IN (0, count(*))
       OR min(text) IS DISTINCT FROM max(text) OR count(text) NOT IN (0, count(*))
       OR bool_or(rt) <> bool_and(rt)
       OR min(bound) IS DISTINCT FROM max(bound) OR count(bound) NOT IN (0, count(*)) AS differ
FROM fig WHERE NOT missing GROUP BY ri, gk, year
"""


# --------------------------------------------------------------------------------- warnings


def _reading_warnings(
    headers: Sequence[tuple[int, list[Problem]]], skipped: Sequence[tuple[int, Problem]]
) -> list[tuple[int, int, Problem]]:
    """The reader's warnings placed as it says them, (row, order, warning): each file's
    header warnings before its rows', a skipped row's at its row."""
    placed = [(first, 0, warning) for first, warnings in headers for warning in warnings]
    placed += [(rid, 1, warning) for rid, warning in skipped]
    placed.sort(key=lambda item: item[:2])
    return placed


def _out_of_range(
    collected: ColumnarCollected, reading: Sequence[tuple[int, int, Problem]] = ()
) -> list[Problem]:
    """`collect`'s warnings in its order: the reader's (`_reading_warnings`), the first
    figure of each indicator outside its natural range named at its row, and at the end the
    count of the rest (in the file of the last one)."""
    con = collected.table.con
    plan = collected.plan
    bounds = [natural_range(i) for i in plan.indicators]
    con.execute(
        "CREATE TABLE ranges AS SELECT unnest(range(?)) AS gk, unnest(?::DOUBLE[]) AS low,"
        " unnest(?::DOUBLE[]) AS high",
        [len(bounds), [low for low, _ in bounds], [high for _, high in bounds]],
    )
    rows = con.execute(
        "SELECT f.gk, count(*), min(f.rid), max(f.rid) FROM fig f JOIN ranges r USING (gk)"
        " WHERE NOT f.missing AND f.number IS NOT NULL AND (f.number < 0 OR f.number > 100)"
        " AND NOT (f.number >= r.low AND f.number <= r.high) GROUP BY f.gk ORDER BY min(f.rid)"
    ).fetchall()
    unbased = [gk for gk, indicator in enumerate(plan.indicators) if not has_baseline(indicator)]
    early = con.execute(
        "SELECT min(rid) FROM fig WHERE NOT missing AND year < ? AND list_contains(?, gk)"
        " GROUP BY year ORDER BY year",
        [plan.baseline_year, unbased],
    ).fetchall()
    suspect = [gk for gk, indicator in enumerate(plan.indicators) if shares_in_percent(indicator)]
    fractions = (
        con.execute(
            "SELECT gk, count(*), min(rid), max(rid) FROM fig WHERE NOT missing AND number > 0"
            " AND number <= 1 AND unit IS NULL AND list_contains(?, gk) GROUP BY gk"
            " ORDER BY min(rid)",
            [suspect],
        ).fetchall()
        if suspect
        else []
    )
    floors = [(gk, floor) for gk, indicator in enumerate(plan.indicators)
              if (floor := magnitude_floor(indicator)) is not None]  # fmt: skip
    magnitudes = (
        con.execute(
            "SELECT f.gk, count(*), min(f.rid), max(f.rid) FROM fig f JOIN (SELECT"
            " unnest(?::INTEGER[]) AS gk, unnest(?::DOUBLE[]) AS least) s USING (gk)"
            " WHERE NOT f.missing AND f.number >= s.least AND f.unit IS NULL GROUP BY f.gk"
            " ORDER BY min(f.rid)",
            [[gk for gk, _ in floors], [floor for _, floor in floors]],
        ).fetchall()
        if floors
        else []
    )
    # the value texts written like 1.23457E+11 (`parse_value` read each: a plain decimal is
    # never one)
    exponents = [text for text, value in collected.values.items() if in_scientific_notation(value)]
    scientific = (
        con.execute(
            "SELECT gk, count(*), min(rid), max(rid) FROM fig WHERE NOT missing"
            " AND number IS NOT NULL AND list_contains(?, raw) GROUP BY gk ORDER BY min(rid)",
            [exponents],
        ).fetchall()
        if exponents
        else []
    )
    placed = list(reading)
    if not rows and not early and not fractions and not magnitudes and not scientific:
        return [*(warning for _, _, warning in placed), *collected.repeated]
    details = {
        rid: (raw, year, ri, gk, number)
        for rid, raw, year, ri, gk, number in con.execute(
            "SELECT rid, raw, year, ri, gk, number FROM fig WHERE list_contains(?, rid)",
            [
                [row[2] for row in (*scientific, *rows, *fractions, *magnitudes)]
                + [rid for (rid,) in early]
            ],
        ).fetchall()
    }

    def actual_row(rid: int) -> ActualRow:
        """The row as the per-row reader has it (for a warning's place and words)."""
        raw, year, ri, gk, number = details[rid]
        read = collected.table.file_of(rid)
        return ActualRow(plan.indicators[gk].name, year, Value(raw, number),
                         collected.names[ri], None, read.name, read.line(rid),
                         read.value_column)  # fmt: skip

    # before a range warning of the same row, as `collect` says them
    placed += [(rid, 1, _early_warning(plan, actual_row(rid))) for (rid,) in early]
    more: list[Problem] = []  # the counts of the rest: each kind's below
    kinds = (
        (scientific, scientific_warning, "check.more_scientific"),
        (rows, _range_warning, "check.more_out_of_range"),
        (fractions, fraction_warning, "check.more_fractions"),
        (magnitudes, magnitude_warning, "check.more_magnitudes"),
    )
    for found, first_said, rest in kinds:
        for gk, count, first, last in found:
            indicator = plan.indicators[gk]
            placed.append((first, 1, first_said(indicator, actual_row(first))))
            if count > 1:
                more.append(
                    more_warning(rest, count - 1, indicator, collected.table.file_of(last).name)
                )
    placed.sort(key=lambda item: item[:2])
    return [*(warning for _, _, warning in placed), *collected.repeated, *more]


def _repeated_rows(collected: ColumnarCollected) -> tuple[list[Problem], dict[int, int]]:
    """`check.RepeatedRows`' warnings: per file, the rows whose (region, indicator, year)
    first figure is an equal one of the same file (a block pasted twice), the first of them
    named, with their count; none where no figure was given twice (no table `groups`). With
    them, how many such rows each file (by index) has: they are no figures of their own."""
    con, table = collected.table.con, collected.table
    if not con.execute("SELECT 1 FROM duckdb_tables() WHERE table_name = 'groups'").fetchall():
        return [], {}
    rows = con.execute(
        "SELECT r.f, min(r.rid), arg_min(g.rid, r.rid), count(*) FROM fig r"
        " JOIN groups g USING (ri, gk, year) JOIN fig o ON o.rid = g.rid"
        " WHERE NOT r.missing AND r.rid <> g.rid AND r.f = o.f GROUP BY r.f ORDER BY min(r.rid)"
    ).fetchall()
    found = []
    for _, rid, earlier, count in rows:
        read = table.file_of(rid)
        found.append(Problem(Location(read.name, read.line(rid)), "check.repeated_rows",
                             "duplicate", "warning", count=count,
                             earlier=read.line(earlier)))  # fmt: skip
    return found, {f: count for f, _, _, count in rows}


def _jumps(collected: ColumnarCollected, limits: Any, con: Any) -> list[Problem]:
    """lint's `_jumps`, the comparisons made by duckdb on the same doubles: a step from the
    plan's baseline, or (the plan prints none) from each series' first figure."""
    plan = collected.plan
    steps = []  # (gk, the least change that is a jump, or None: from the series' first figure)
    caps = []  # (the most a figure before counts for, or None: `lint.jump_room_most`)
    for gk, indicator in enumerate(plan.indicators):
        if indicator.effective_kind != "level":
            continue
        caps.append(jump_room_most(indicator))
        target, base = indicator.target, indicator.baseline.value
        if base is None and (target.value is not None or target.form == "change"):
            steps.append((gk, None))  # (from the series' first figure, below)
            continue
        step = jump_step(indicator, base, plan.baseline_year, plan.period.end)
        steps.append((gk, limits.jump_steps * step))
    if not steps:
        return []
    # the pairs first, on numbers alone (a join that carries the texts costs a third more),
    # then the texts of the few found
    found = con.execute(
        """
        WITH steps AS (SELECT unnest(?::INTEGER[]) AS gk, unnest(?::DOUBLE[]) AS least,
                              unnest(?::DOUBLE[]) AS cap),
        numbers AS (SELECT ri, gk, year, rid, number FROM obs WHERE number IS NOT NULL)
        -- a year and the one before it, both with a number, are neighbours in lint's
        -- sorted list of the series' numeric figures
        SELECT o.rid, p.rid, o.ri, o.gk, abs(o.number - p.number), t.least
        FROM numbers o JOIN steps t USING (gk)
        JOIN numbers p ON p.ri = o.ri AND p.gk = o.gk AND p.year = o.year - 1
        WHERE abs(o.number - p.number)
                  > ? * (CASE WHEN t.cap IS NULL THEN abs(p.number)
                              ELSE least(abs(p.number), t.cap) END)
          AND (t.least IS NULL OR abs(o.number - p.number) > t.least)
          AND o.year >= ?
        """,
        [[gk for gk, _ in steps], [least for _, least in steps], caps, limits.jump_share,
         plan.baseline_year],
    ).fetchall()  # fmt: skip
    # where the plan prints no baseline, the step is from the series' first figure: read for
    # the few series with a change past the share alone (a group over every series doubled
    # the query), the comparison made on the same doubles as lint's
    starts = {(ri, gk) for _, _, ri, gk, _, least in found if least is None}
    firsts = {}
    if starts:
        keys = sorted(starts)
        firsts = {(ri, gk): (base, year) for ri, gk, base, year in con.execute(
            "WITH k AS (SELECT unnest(?::INTEGER[]) AS ri, unnest(?::INTEGER[]) AS gk)"
            " SELECT n.ri, n.gk, arg_min(n.number, n.year), min(n.year) FROM obs n"
            " SEMI JOIN k USING (ri, gk) WHERE n.number IS NOT NULL GROUP BY n.ri, n.gk",
            [[ri for ri, _ in keys], [gk for _, gk in keys]],
        ).fetchall()}  # fmt: skip
    pairs = []
    for rid, before, ri, gk, change, least in found:
        if least is None:
            base, year = firsts[(ri, gk)]
            least = limits.jump_steps * jump_step(plan.indicators[gk], base, year, plan.period.end)
        if change > least:
            pairs.append((rid, before))
    if not pairs:
        return []
    rows = con.execute(
        """
        WITH pairs AS (SELECT unnest(?::BIGINT[]) AS rid, unnest(?::BIGINT[]) AS before)
        SELECT o.ri, o.gk, o.year, o.raw, o.kind, o.rid, p.year, p.raw
        FROM pairs x JOIN fig o ON o.rid = x.rid JOIN fig p ON p.rid = x.before
        JOIN series s ON s.ri = o.ri AND s.gk = o.gk
        ORDER BY s.first, o.year
        """,
        [list(column) for column in zip(*pairs, strict=True)],
    ).fetchall()
    found = []
    for ri, gk, year, raw, kind, rid, before, before_raw in rows:
        figure = collected.observation((year, raw, kind, rid))
        found.append(_finding(figure, "jump", plan.indicators[gk], collected.names[ri], year,
                              previous=quoted(before_raw), before=before))  # fmt: skip
    return found


def _outliers(collected: ColumnarCollected, limits: Any, con: Any) -> list[Problem]:
    """lint's `_outliers`: the median and MAD as `statistics.median` takes them (the mean of
    the two middle figures of an even count), scores as lint computes them.

    Sorting every group twice is most of the cost, and few groups have an outlier: duckdb's
    own `median` and `mad` (a selection, not a sort; they may differ from the exact ones by
    a unit in the last place) pick the groups that could have one, with a margin a
    millionfold wider than that error, and only those are sorted. A group is an indicator's
    figures of one year and one shape (running totals apart from yearly amounts), as lint's."""
    apart = apart_from_regions(collected.plan)
    rows = con.execute(
        """
        WITH kept AS (SELECT * FROM obs WHERE NOT list_contains($apart::INTEGER[], ri)),
        near AS (
            SELECT gk, year, rt, median(number) AS m, mad(number) AS d,
                   min(number) AS lo, max(number) AS hi
            FROM kept WHERE number IS NOT NULL GROUP BY gk, year, rt HAVING count(*) >= $least),
        floored AS (
            SELECT *, greatest(d, $floor * abs(m)) AS dd, greatest(abs(lo), abs(hi)) AS big
            FROM near),
        candidates AS (
            SELECT gk, year, rt FROM floored
            WHERE dd <= 1e-6 * big
               OR greatest(abs($c * (lo - m) / dd), abs($c * (hi - m) / dd)) > $z * (1 - 1e-6)),
        sorted AS (
            SELECT gk, year, rt, count(*) AS n, list_sort(list(number)) AS l
            FROM kept SEMI JOIN candidates USING (gk, year, rt)
            WHERE number IS NOT NULL GROUP BY gk, year, rt),
        medians AS (
            SELECT *, CASE WHEN n % 2 = 1 THEN l[n // 2 + 1]
                           ELSE (l[n // 2] + l[n // 2 + 1]) / 2 END AS median
            FROM sorted),
        deviations AS (
            SELECT *, list_sort(list_transform(l, lambda x: abs(x - median))) AS d
            FROM medians),
        spread AS (
            SELECT gk, year, rt, n, median, l,
                   greatest(CASE WHEN n % 2 = 1 THEN d[n // 2 + 1]
                                 ELSE (d[n // 2] + d[n // 2 + 1]) / 2 END,
                            $floor * abs(median)) AS mad
            FROM deviations),
        -- the groups with an outlier: the score is largest at the smallest or largest figure
        found AS (
            SELECT gk, year, rt, n, median, mad FROM spread
            WHERE mad <> 0 AND greatest(abs($c * (l[1] - median) / mad),
                                        abs($c * (l[n] - median) / mad)) > $z),
        figures AS (
            SELECT x.*, s.first, p.n, p.median, p.mad,
                   $c * (x.number - p.median) / p.mad AS score
            FROM found p JOIN kept x USING (gk, year, rt)
            JOIN series s ON s.ri = x.ri AND s.gk = x.gk
            WHERE x.number IS NOT NULL),
        -- a group is met first in the series read first, at its figure's row
        placed AS (
            SELECT *, min(first * 4294967296 + rid) OVER (PARTITION BY gk, year, rt) AS place
            FROM figures)
        SELECT ri, gk, year, raw, kind, rid, median, n, score
        FROM placed WHERE abs(score) > $z
        ORDER BY place, first
        """,
        {"least": limits.outlier_regions, "floor": limits.outlier_floor, "c": 0.6745,
         "z": limits.outlier_z,
         "apart": [ri for ri, name in enumerate(collected.names) if name in apart]},
    ).fetchall()  # fmt: skip
    found = []
    plan = collected.plan
    for ri, gk, year, raw, kind, rid, median, count, score in rows:
        figure = collected.observation((year, raw, kind, rid))
        found.append(_finding(figure, "outlier", plan.indicators[gk], collected.names[ri], year,
                              score=shown_score(score, limits.outlier_z), median=round(median, 4),
                              count=count))  # fmt: skip
    return found


# ---------------------------------------------------------------------------------- judging


class _Aggregate(NamedTuple):
    """What `judge` reads off a group of plain figures up to the judged year."""

    latest: float
    latest_year: int
    first: float
    first_year: int
    base: float | None  # the figure of the baseline year, if reported
    in_period: tuple[float, ...]  # the figures in the period, by year (totals, averages)
    last_in_period: int | None
    years_in_period: tuple[int, ...]  # their years


#: Per (region, indicator) of plain figures for a numeric target: what `_inputs` takes (the
#: same `judge_rows` computes), up to $year.
_AGGREGATES = """
    SELECT o.ri, o.gk, arg_max(o.number, o.year), max(o.year),
           arg_min(o.number, o.year), min(o.year),
           max(o.number) FILTER (WHERE o.year = g.base_year),
           list(o.number ORDER BY o.year)
               FILTER (WHERE g.periodic AND o.year BETWEEN g.start_year AND g.end_year),
           max(o.year) FILTER (WHERE o.year BETWEEN g.start_year AND g.end_year),
           list(o.year ORDER BY o.year)
               FILTER (WHERE g.kind = 'cumulative' AND o.year BETWEEN g.start_year AND g.end_year)
    FROM obs o JOIN judged_goals g ON g.k = o.gk
    WHERE o.year <= $year AND g.vectorised
    GROUP BY o.ri, o.gk
    HAVING NOT bool_or(o.number IS NULL OR o.text IS NOT NULL OR o.bound IS NOT NULL OR o.rt)
"""


def _aggregated(rows: list[tuple[Any, ...]]) -> dict[tuple[int, int], _Aggregate]:
    return {
        (ri, gk): _Aggregate(latest, latest_year, first, first_year, base,
                             tuple(in_period or ()), last, tuple(years or ()))
        for ri, gk, latest, latest_year, first, first_year, base, in_period, last, years in rows
    }  # fmt: skip


def _inputs(
    goal: Goal, year: int, found: _Aggregate, own_area: bool = True
) -> Verdict | tuple[Any, ...]:
    """`judge`'s steps on a group of plain figures, from their aggregate, up to the figure
    judged: (target value, baseline, actual, actual year, notes) for `judge_figure`, or the
    verdict where there is none in the period."""
    baseline = goal.baseline_for(own_area)
    if baseline is None:
        if found.base is not None:
            baseline = Baseline(found.base, goal.baseline_year, "reported")
        elif goal.area_baseline is not None:  # a county with no baseline of its own
            baseline = goal.area_baseline
        else:
            baseline = Baseline(found.first, found.first_year, "first_reported")
    if goal.kind != "level" and not found.in_period:
        reason = ("none_in_period", {"start": goal.start_year, "year": year})
        return Verdict("no_data", reasons=(reason,), baseline=baseline)
    target_value = goal.target.value
    if goal.kind == "cumulative":
        actual = _round(0.0 + sum(found.in_period))
        notes: tuple = (sum_note(found.years_in_period, goal.start_year),)
        actual_year = found.last_in_period
    elif goal.kind == "annual_average":
        actual = _round(sum(found.in_period) / len(found.in_period))
        notes = (("mean", {"count": len(found.in_period)}),)
        actual_year = found.last_in_period
    else:
        actual, actual_year, notes = found.latest, found.latest_year, ()
    return target_value, baseline, actual, actual_year, notes
