"""`psplan check` and `psplan report`: an assessment as a view; `check --by-region`: the regions.

`assessment_view` holds, in this order:

- `counts`: the results by status, and how many of them are binding (the HTML draws it as
  cards, the workbook puts it on its summary sheet);
- `domains`: each domain's mean progress against its time share (with the chart `domains`);
- `lagging`: the binding indicators behind or not met (a table even when empty: the workbook
  has the same sheets every year);
- with several regions, `matrix` (region × indicator statuses, the HTML's heat map) and, with
  two named regions or more, `spread` (min, max, mean, CV and the lagging regions of each
  indicator, by name);
- `results` (the primary table, the one a CSV holds): every result, one row each, the plan's
  notes, an override and the departments' remarks under it;
- `trends`: each result with a trend (the compound-growth view), when any has one;

and the chart `progress`: a bar per result with its own time share.

`regions_view` holds the counts, the matrix (primary) and the spread.

The JSON of both is the contract it always was (`Assessment.to_dict`, `by_region_dict`). At
county scale (2,900 regions × the plan) most formats read only some tables: the HTML lists no
table of more than a few thousand rows. So the large tables make their rows when first read
(`_Rows`), and `data` is a function the JSON format calls: nothing is worded, no trend computed,
for a table or a contract that is not written. The formats that write every row (JSON, CSV,
markdown) read them once, as they write (`_Rows.once`, `assessment_dict`), keeping none: a
country's 185,600 rows or result dicts held at once took gigabytes.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Any, cast

from psplan.actuals.values import Value
from psplan.assess.areas import OWN_AREA_WORDS
from psplan.assess.assessment import Assessment, Result, explain_disagreement
from psplan.assess.evaluate import STATUSES, reported_bound
from psplan.assess.rating import RATINGS
from psplan.assess.regions import Spread, spreads, status_matrix
from psplan.assess.trends import sparkline
from psplan.plan.model import Indicator
from psplan.views.model import Bar, Cell, Chart, Column, SqlRows, Status, Table, Text, View
from psplan.views.numbers import (
    Figure,
    computed,
    computed_apart,
    computed_places,
    count,
    decimals,
    growth,
    measure,
    plan_precision,
    printed,
    ratio,
    share,
    share_apart,
)
from psplan.views.plan import attribute_label
from psplan.views.regions import many_regions, summary_tables
from psplan.words import say

#: The columns of a result, in order; "region" only when there are several regions.
RESULT_COLUMNS = (
    "domain", "indicator", "region", "attribute", "unit", "baseline", "target", "actual",
    "year", "gap", "progress", "share", "expected", "status", "rating", "trend", "reason",
)  # fmt: skip
#: The plan's own fields, worded by words/plan.py.
PLAN_FIELDS = frozenset({"domain", "indicator", "attribute", "unit", "baseline", "target"})
WIDE = frozenset({"domain", "indicator", "baseline", "trend", "reason", "disagreement",
                  "series", "lagging_regions"})  # fmt: skip
#: Details a terminal leaves out (and says so) when the results do not fit its width; the
#: files (csv, xlsx, html, json) always have them. The unit is not one: a figure without it
#: misreads (823.0, not 823.0 万张).
OPTIONAL = frozenset({"attribute", "year", "gap", "share", "expected", "rating", "trend"})
#: The statuses that count as lagging (a binding one of them fails the check).
LAGGING = ("behind", "not_met")


def label(key: str, lang: str) -> str:
    """A column's header: the plan's field, else the assessment's or the regions' own."""
    if key in PLAN_FIELDS:
        return say(f"plan.{key}", lang)
    if key.startswith("regions."):
        return say(f"regions.column.{key.removeprefix('regions.')}", lang)
    return say(f"assessment.column.{key}", lang)


def _column(key: str, lang: str, header: str | None = None) -> Column:
    name = key.removeprefix("regions.")
    return Column(name, header or label(key, lang), name in WIDE, name in OPTIONAL)


@functools.lru_cache(maxsize=16)
def statuses(lang: str) -> dict[str, Status]:
    """One `Status` cell per status code (shared by every cell that shows it)."""
    return {code: Status(code, say(f"status.{code}", lang)) for code in STATUSES}


@functools.lru_cache(maxsize=16)
def ratings(lang: str) -> dict[str, Status]:
    """One cell per evaluation word (提前实现, 快于预期…: `psplan.assess.rating`)."""
    return {code: Status(code, say(f"rating.{code}", lang)) for code in RATINGS}


# --------------------------------------------------------------------------- one result


def baseline_text(result: Result, lang: str) -> str:
    """The baseline used: as the plan prints it, or with where it came from, the value in
    the indicator's unit as `measure` shows it: 83.48%（2021年上报，首个数据）."""
    baseline = result.verdict.baseline
    if baseline.source in ("plan", "none"):
        return result.indicator.baseline.raw
    if baseline.source == "zero":
        return zero_baseline(result.indicator, lang)
    if baseline.source == "plan_area":  # as printed, with the unit a plain number shows
        return plan_area_baseline(result.indicator, lang)
    value = measure(result.indicator, baseline.value)
    return say(f"baseline.{baseline.source}", lang, value=_unseparated(value),
               year=baseline.year)  # fmt: skip


def _unseparated(value: Figure | str | None) -> str:
    """A figure inside a label's text, without thousands separators: the label is text in
    every format, and the CSV's numbers have none ("12,000（填报基期值）" beside 15000: a
    trial)."""
    if value is None:
        return ""
    return str(value).replace(",", "") if isinstance(value, Figure) else str(value)


def plan_area_baseline(indicator: Indicator, lang: str) -> str:
    """The plan's printed baseline, its whole area's, where a county gives none of its own:
    as `printed` shows it (98.76%), said so."""
    value = _unseparated(printed(indicator, indicator.baseline.raw)).strip()
    return say("baseline.plan_area", lang, value=value)


def zero_baseline(indicator: Indicator, lang: str) -> str:
    """A five-year total's baseline: 0, with what the plan prints beside it where it prints
    one ([19], the previous period's total, which a reviewer looked for in vain)."""
    printed_baseline = indicator.baseline.raw.strip()
    if printed_baseline:
        return say("baseline.zero_printed", lang, printed=printed_baseline)
    return say("baseline.zero", lang)


def baseline_cell(result: Result, lang: str) -> Figure | str:
    """The baseline shown: the plan's (a number where it prints one), or its provenance."""
    if result.verdict.baseline.source in ("plan", "none"):
        return printed(result.indicator, result.indicator.baseline.raw)
    return baseline_text(result, lang)


def trend_text(result: Result, lang: str) -> str:
    """The trend category and the outlook, named: 趋势正常 · 可望完成. At the end of the
    period the category alone: the outlook (whether the target will be reached) is then the
    verdict itself, 完成 / 未完成 (趋势正常 · 完成难度较大 beside 未完成 read as a
    contradiction in a 终期评估; its prose already left the outlook out)."""
    trend = result.trend
    if trend is None or trend.category is None:
        return ""
    return _trend_words(trend.category, None if judged_at_end(result) else trend.likely_met, lang)


def judged_at_end(result: Result) -> bool:
    """Whether a result is judged in (or after) its goal's end year: its outlook is then
    its verdict, and nothing is left to project."""
    goal, year = result.goal, result.year
    return goal is not None and year is not None and year >= goal.end_year


def projected_cell(result: Result, values: Iterable[float]) -> Figure | str | None:
    """The end-year value at the observed pace, from the series' `values`; none where the
    result is judged at the end: the end figure is then the result (a 终期评估's annex
    showed a 期末预测 beside a bound or a missing 2025 figure: a reviewer's trial)."""
    trend = result.trend
    if trend is None or judged_at_end(result):
        return None
    return estimate(result.indicator, trend.projected, values)


@functools.lru_cache(maxsize=64)
def _trend_words(category: str, likely: bool | None, lang: str) -> str:
    """The category's words, with the outlook's unless `likely` is None (the period ended)."""
    if likely is None:
        return say(f"category.{category}", lang)
    outlook = "likely" if likely else "unlikely"
    return say("assessment.trend", lang, category=say(f"category.{category}", lang),
               outlook=say(f"outlook.{outlook}", lang))  # fmt: skip


def indicator_cell(indicator: Indicator) -> Cell:
    return Text(indicator.name, "bold") if indicator.is_binding else indicator.name


def actual_cell(result: Result) -> Cell:
    """The figure judged: a bound as reported (95%以上), else in the indicator's unit — one
    the plan prints with its printed decimals (`figure_cell`)."""
    verdict = result.verdict
    bound = reported_bound(verdict)
    if bound:
        return bound
    if result.printed:
        for observation in result.observations:
            if observation.year == verdict.actual_year:
                return figure_cell(result, observation.value)
    return measure(result.indicator, verdict.actual)


def figure_cell(result: Result, value: Value) -> Cell:
    """A reported figure in the indicator's unit; one the plan prints (a completion table's)
    with its printed decimals: 5岁以下儿童死亡率 3.20‰, not 3.2 (a reviewer's trial)."""
    if result.printed and value.exact and not value.running_total:
        shown = printed(result.indicator, value.raw)
        if not isinstance(shown, str):
            return shown
    return measure(result.indicator, value.number)


def expected_cell(result: Result, actual: Cell | None = None) -> Cell:
    """The expected value, never reading as the `actual_cell` beside it where they differ."""
    verdict = result.verdict
    beside = actual_cell(result) if actual is None else actual
    return computed_apart(result.indicator, verdict.expected, verdict.actual, beside)


def result_cells(result: Result, lang: str) -> dict[str, Cell]:
    """Every column a result shows, as typed cells (see `RESULT_COLUMNS`)."""
    indicator, verdict = result.indicator, result.verdict
    actual = actual_cell(result)
    return {
        "domain": indicator.domain,
        "indicator": indicator_cell(indicator),
        "region": result.region or "",
        "attribute": attribute_label(indicator, lang),
        "unit": indicator.unit or "",
        "baseline": baseline_cell(result, lang),
        "target": printed(indicator, indicator.target.raw),
        "actual": actual,
        "year": None if verdict.actual_year is None else count(verdict.actual_year),
        "gap": computed(indicator, verdict.gap, points=say("unit.points", lang)),
        # each beside the figure it was compared with: never reading alike where they differ
        "progress": share_apart(verdict.progress, verdict.share),
        "share": share(verdict.share),
        "expected": expected_cell(result, actual),
        "status": statuses(lang)[verdict.status],
        "rating": None if result.rating is None else ratings(lang)[result.rating],
        "trend": trend_text(result, lang),
        "reason": verdict.reason(lang),
    }


def row_notes(result: Result, lang: str) -> list[str]:
    """What is printed under a result: the plan's notes on its row, an override applied, and
    the departments' 原因分析 / 下一步措施 from the collection sheet.

    The plan's notes are the transcription's, written in English for whoever checks the data
    file against the source, and in Chinese (`notes_zh`) for the reports; some matter to the
    reader (汉中 prints 1246 个 without the brackets of a five-year total), so every report
    shows them, in its language where the file has it."""
    lines = plan_note_lines(result.indicator, lang)
    if result.override:
        lines.append(say("assessment.note.override", lang, text=result.override))
    for key in ("note", "reason", "measure"):
        if result.remarks.get(key):
            lines.append(say(f"assessment.note.{key}", lang, text=result.remarks[key]))
    return lines


def plan_note_lines(indicator: Indicator, lang: str) -> list[str]:
    """The plan's notes on an indicator's row, as a report prints them (`row_notes`)."""
    return [
        say("assessment.note.plan", lang, text=note)
        for note in _plan_notes(tuple(indicator.notes_in(lang)))
    ]


@functools.lru_cache(maxsize=1024)
def _plan_notes(notes: tuple[str, ...]) -> tuple[str, ...]:
    """A plan's notes on one line each (the same for every region of an indicator)."""
    return tuple(" ".join(note.split()) for note in notes)


# ------------------------------------------------------------------------------ lazy rows


class _Rows(Sequence):
    """Rows made from `source` when first read, each by `make` (None: no row for that item).

    Iterating makes only the rows read so far, so `islice(rows, n)` costs n rows; `len()` is
    free when `length` is known (one row per item), else it makes them all. `once()` reads
    them all without keeping them (`source` is a sequence: it is read again)."""

    def __init__(
        self,
        source: Sequence[Any],
        make: Callable[[Any], tuple | None],
        length: int | None,
        has_row: Callable[[Any], bool] | None = None,
    ) -> None:
        self._items = source
        self._source: Iterator[Any] | None = iter(source)
        self._taken = 0  # items of the source made into rows (or skipped) so far
        self._make = make
        self._made: list[tuple] = []
        self._length = length
        self._has_row = has_row  # whether an item makes a row, cheaper than making it
        self._reading: int | None = None  # the item `once()` reads next, while it reads

    def once(self) -> Iterator[tuple]:
        """Every row, for a format that writes each as it goes (CSV, markdown): those made so
        far, then the others made as read and not kept, so a county-scale table never sits
        in memory whole."""
        made, taken, done = len(self._made), self._taken, self._source is None
        self._reading = None if done else taken
        yield from islice(self._made, made)
        if done:
            return
        items = self._items
        for index in range(taken, len(items)):  # by index: a lazy source makes no skipped item
            row = self._make(items[index])
            if row is not None:
                self._reading = index + 1
                yield row
        self._reading = None

    def next_item(self) -> int | None:
        """Which of the results `once()` reads next (a picked result's place among all of
        them), while it reads: a workbook writes the sheets of the same results a result at
        a time (`formats.xlsx._written`). None when not reading."""
        return None if self._reading is None else self._place(self._reading)

    def taking(self) -> int | None:
        """Which of the results the next row iterating makes (and keeps) is made from (a
        picked result's place among all of them); None once every row is made: a workbook
        makes the first rows of the sheets of the same results a result at a time
        (`formats.xlsx._made_in_turn`)."""
        return None if self._source is None else self._place(self._taken)

    def _place(self, item: int) -> int:
        """Item `item`'s place among all the results (a picked result's, `_Picked.place`)."""
        place = getattr(self._items, "place", None)
        return place(item) if place is not None else item

    def _next(self) -> bool:
        """Make one more row; False when there is none."""
        while self._source is not None:
            item = next(self._source, _END)
            if item is _END:
                self._source = None
                break
            self._taken += 1
            row = self._make(item)
            if row is not None:
                self._made.append(row)
                return True
        return False

    def _all(self) -> list[tuple]:
        while self._next():
            pass
        return self._made

    def __iter__(self) -> Iterator[tuple]:
        index = 0
        while index < len(self._made) or self._next():
            yield self._made[index]
            index += 1

    def __len__(self) -> int:
        return self._length if self._length is not None else len(self._all())

    def __length_hint__(self) -> int:
        """The length when known without making the rows (else NotImplemented, PEP 424)."""
        return self._length if self._length is not None else NotImplemented

    def more_than(self, limit: int) -> bool:
        """Whether there are more than `limit` rows, making as little as it can: the length
        when known, else the items that make a row counted by `has_row` (a trend's row needs
        the trend, not its eleven cells), else the rows made."""
        if self._length is not None:
            return self._length > limit
        if self._has_row is None or len(self._made) > limit:
            return sum(1 for _ in islice(self, limit + 1)) > limit
        rows = 0
        for item in self._items:
            rows += self._has_row(item)
            if rows > limit:
                return True
        return False

    @property
    def most(self) -> int:
        """The most rows there can be (one per item of the source), known without making
        them."""
        return len(self._items)

    def __getitem__(self, index):  # as a list's: an int or a slice
        return self._all()[index]

    def __bool__(self) -> bool:
        if self._made:
            return True
        if self._has_row is not None:  # (a trend's row needs the trend, not its cells)
            return any(map(self._has_row, self._items))
        return self._next()


_END = object()


def lazy_rows(
    source: Sequence[Any],
    make: Callable[[Any], tuple | None],
    *,
    one_each: bool,
    has_row: Callable[[Any], bool] | None = None,
) -> list:
    """`_Rows`, typed as the list `Table.rows` is."""
    return cast(list, _Rows(source, make, len(source) if one_each else None, has_row))


# ---------------------------------------------------------------------------- the tables


def summary_line(report: Assessment, lang: str) -> str:
    """One line: the plan, the year, the counts by status, the binding ones that fail."""
    counts = report.summary()
    labels = statuses(lang)
    parts = [
        say("assessment.count", lang, label=labels[code].label, count=n)
        for code, n in counts.items()
        if n
    ]
    failing = report.failing_rows()
    text = say("assessment.head", lang, plan=report.plan.name, year=report.year,
               count=len(report.columns))  # fmt: skip
    text += say("sep.clause", lang).join(parts)
    if failing:
        text += say("assessment.failing", lang, count=len(failing))
    else:
        text += say("assessment.none_failing", lang)
    if report.outside_period:
        text += say("assessment.outside_period", lang, year=report.year)
    return text


def rating_line(report: Assessment, lang: str) -> str:
    """The evaluation's line: how many results carry each word (评价：提前实现 6，快于预期 2…),
    and the binding ones among the lagging. Empty when nothing could be rated."""
    counts = {code: n for code, n in report.ratings().items() if n}
    if not counts:
        return ""
    labels = ratings(lang)
    parts = [
        say("assessment.count", lang, label=labels[code].label, count=n)
        for code, n in counts.items()
    ]
    return say("assessment.ratings", lang, counts=say("sep.clause", lang).join(parts))


def counts_table(report: Assessment, lang: str) -> Table:
    """The results by status (every status, in order), and how many are binding."""
    counts = report.summary()
    binding = report.columns.status_counts(binding_only=True)
    labels = statuses(lang)
    headers = _count_header(len(report.regions) > 1, lang)
    columns = tuple(_column(key, lang, headers.get(key)) for key in ("status", "count", "binding"))
    rows: list[tuple[Cell, ...]] = [
        (labels[code], count(n), count(binding.get(code, 0))) for code, n in counts.items()
    ]
    return Table("counts", say("assessment.counts", lang), columns, rows)


def results_table(
    key: str, title: str, results: Sequence[Result], lang: str, with_regions: bool
) -> Table:
    """Results one row each (the region column only `with_regions`), their notes under them."""
    keys = [k for k in RESULT_COLUMNS if with_regions or k != "region"]
    columns = tuple(_column(k, lang) for k in keys)

    def make(result: Result) -> tuple:
        cells = result_cells(result, lang)
        return tuple(cells[k] for k in keys)

    def sql() -> SqlRows | None:
        from psplan.views.vectorised_cells import results_rows

        return results_rows(results, keys, lang, lambda index: make(results[index]))

    rows = lazy_rows(results, make, one_each=True)
    notes = cast(dict, _Notes(results, lang))
    return Table(key, title, columns, rows, group="domain", notes=notes, noted=True, sql=sql)


class _Picked(Sequence[Result]):
    """Some of the results, by position, each read from `results` when it is read (a
    county-scale assessment makes a result only then)."""

    def __init__(self, results: Sequence[Result], rows: Sequence[int]) -> None:
        self._results, self._rows = results, rows

    def __len__(self) -> int:
        return len(self._rows)

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return [self._results[i] for i in self._rows[index]]
        return self._results[self._rows[index]]

    def __iter__(self) -> Iterator[Result]:
        return map(self._results.__getitem__, self._rows)

    def place(self, index: int) -> int:
        """The picked result `index`'s place among all the results (past the last: their
        number)."""
        return self._rows[index] if index < len(self._rows) else len(self._results)

    # as `LazyResults` has them: the picked rows as duckdb words them
    @property
    def goals(self) -> Sequence[Any]:
        return getattr(self._results, "goals", ())

    @property
    def places(self) -> Sequence[str | None]:
        return getattr(self._results, "places", ())

    def rated(self) -> bool:
        ratings = self._results.columns.ratings  # type: ignore[attr-defined]
        return any(ratings[row] is not None for row in self._rows)

    def worded(self, **query: Any) -> Iterator[list[tuple[Any, ...]]] | None:
        worded = getattr(self._results, "worded", None)
        return None if worded is None else worded(rows=self._rows, **query)


class _Notes(Mapping[int, list[str]]):
    """The notes under each result's row (the plan's notes, an override, 原因分析), worked out
    when a format reads them: the JSON never does, so a county-scale JSON makes no result
    for them; a row's own (`get(i)`, as CSV and XLSX read them beside the row's cells) off
    the result the row was made from, all of them (markdown's footnotes) in one pass."""

    def __init__(self, results: Sequence[Result], lang: str) -> None:
        self._results, self._lang = results, lang
        self._notes: dict[int, list[str]] | None = None
        self._shared: dict[str, list[str]] = {}  # an indicator's plan notes: the same everywhere

    def _of(self, result: Result) -> list[str]:
        if result.override or result.remarks:
            return row_notes(result, self._lang)
        if not result.indicator.notes:
            return []
        found = self._shared.get(result.indicator.id)
        if found is None:
            found = self._shared[result.indicator.id] = row_notes(result, self._lang)
        return found

    def _all(self) -> dict[int, list[str]]:
        if self._notes is None:
            notes: dict[int, list[str]] = {}
            columns = getattr(self._results, "columns", None)
            if getattr(self._results, "notes_per_indicator", False) and columns is not None:
                # no result has notes of its own (原因分析, from a sheet): each indicator's
                # first result says them all, where reading every result made each again
                by_indicator: dict[str, list[str]] = {}
                for index, indicator in enumerate(columns.indicators):
                    lines = by_indicator.get(indicator.id)
                    if lines is None:
                        lines = by_indicator[indicator.id] = self._of(self._results[index])
                    if lines:
                        notes[index] = lines
            else:
                for index, result in enumerate(self._results):
                    lines = self._of(result)
                    if lines:
                        notes[index] = lines
            self._notes = notes
        return self._notes

    def __getitem__(self, index: int) -> list[str]:
        if self._notes is not None:
            return self._notes[index]
        if not isinstance(index, int) or not 0 <= index < len(self._results):
            raise KeyError(index)
        lines = self._of(self._results[index])
        if not lines:
            raise KeyError(index)
        return lines

    def __iter__(self) -> Iterator[int]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())


def series_text(indicator: Indicator, points: Iterable[tuple[int, float]], lang: str) -> str:
    """A series as one text, each figure as `measure` shows it: 2021: 5.56 · 2022: 10.81 (the
    trends table of `check` and `psplan trend` read the same). A terminal never breaks a
    line inside one point (2022: / 10.81): see `psplan.formats.table.wrap`."""
    return say("trend.points_sep", lang).join(
        say("trend.point", lang, year=point_year, value=measure(indicator, value))
        for point_year, value in points
    )


#: The most decimals an estimate takes from the reported figures it is projected from.
REPORTED_PLACES = 2
#: Decimals of a computed figure of an indicator whose plan prints no number.
DEFAULT_PLACES = 2
_DIGIT = re.compile(r"\d")


def reported_places(values: Iterable[float]) -> int:
    """The decimals of the reported figures an estimate is projected from (the series: the
    baseline and the figures after it), at most `REPORTED_PLACES`: the `places` of
    `measure(..., estimate=True)`. 2.76, 2.8, 2.95 → 2; 3, 4 → 0."""
    return min(max((decimals(value) for value in values), default=0), REPORTED_PLACES)


def prints_a_number(indicator: Indicator) -> bool:
    return bool(_DIGIT.search(f"{indicator.target.raw or ''} {indicator.baseline.raw or ''}"))


def estimate_places(indicator: Indicator, values: Iterable[float]) -> int:
    """The decimals of a figure computed from `values` (the expected path, a projection, the
    change per year): the plan's, or the reported figures' when more (at most 2); two where
    the plan prints no number."""
    if not prints_a_number(indicator):
        return DEFAULT_PLACES
    return max(plan_precision(indicator), reported_places(values))


def rounded(value: float | None, places: int) -> float | None:
    """A computed figure rounded to what is shown, so every format (a CSV writes the value)
    gives the same number and none gives false precision."""
    return None if value is None else round(value, places) + 0.0


def estimate(
    indicator: Indicator, value: float | None, values: Iterable[float]
) -> Figure | str | None:
    """A figure computed from the reported `values` (the expected path, a projection), with
    the decimals `estimate_places` gives, rounded to them."""
    if value is None:
        return None
    places = estimate_places(indicator, values)
    if not prints_a_number(indicator):
        return measure(indicator, rounded(value, places))
    return measure(indicator, rounded(value, places), estimate=True, places=places)


def trends_table(report: Assessment, lang: str, with_regions: bool) -> Table:
    """Each result with a trend, beside its status and why the two differ when they do."""
    keys = ["indicator", "region", "status", "series", "sparkline", "observed_growth",
            "needed_growth", "ratio", "category", "projected", "disagreement"]  # fmt: skip
    if not with_regions:
        keys.remove("region")
    columns = tuple(_column(k, lang) for k in keys)
    labels = statuses(lang)

    def make(result: Result) -> tuple | None:
        trend = result.trend
        if trend is None:
            return None
        values = [v for _, v in trend.points]
        cells: dict[str, Cell] = {
            "indicator": indicator_cell(result.indicator),
            "region": result.region or "",
            "status": labels[result.status],
            "series": series_text(result.indicator, trend.points, lang),
            "sparkline": sparkline(values),
            "observed_growth": growth(trend.observed_growth),
            "needed_growth": growth(trend.needed_growth),
            "ratio": ratio(trend.ratio),
            "category": trend_text(result, lang),
            "projected": projected_cell(result, values),
            "disagreement": explain_disagreement(result, lang),
        }
        return tuple(cells[k] for k in keys)

    def sql() -> SqlRows | None:
        from psplan.views.vectorised_cells import trends_rows

        results = report.results
        return trends_rows(results, keys, lang, lambda index: make(results[index]))

    rows = lazy_rows(report.results, make, one_each=False, has_row=_has_trend)
    return Table("trends", say("assessment.trends", lang), columns, rows, sql=sql)


def _has_trend(result: Result) -> bool:
    return result.trend is not None


@dataclass(frozen=True)
class DomainProgress:
    domain: str
    results: int
    judged: int  # results with a progress figure
    progress: float | None  # the mean progress, each capped to 0–100 %
    share: float | None  # the mean time share of the same results
    lagging: int  # behind or not met


def domain_progress(report: Assessment) -> list[DomainProgress]:
    """Each domain of the plan with indicators assessed (in its order): how far they have come
    on average, against the share of the period elapsed. A domain without any has no row."""
    # per domain: results, judged, sum of progress, time shares (count, sum), lagging
    sums: dict[str, list[float]] = {
        domain: [0, 0, 0.0, 0, 0.0, 0] for domain in report.plan.domains
    }
    columns = report.columns
    for indicator, progress, time_share, status in zip(
        columns.indicators, columns.progress, columns.shares, columns.statuses, strict=True
    ):
        found = sums.get(indicator.domain)
        if found is None:
            found = sums[indicator.domain] = [0, 0, 0.0, 0, 0.0, 0]
        found[0] += 1
        if progress is not None:
            found[1] += 1
            found[2] += min(max(progress, 0.0), 1.0)
            if time_share is not None:
                found[3] += 1
                found[4] += time_share
        if status in LAGGING:
            found[5] += 1
    return [
        DomainProgress(
            domain,
            int(results),
            int(judged),
            progress / judged if judged else None,
            shares / timed if timed else None,
            int(lagging),
        )
        for domain, (results, judged, progress, timed, shares, lagging) in sums.items()
        if results
    ]


def _count_header(several_regions: bool, lang: str) -> dict[str, str]:
    """A count of results is one of indicators for one region, of indicator × region pairs
    for several (幼有所育 5 indicators × 300 counties read 指标数 1500)."""
    return {"count": label("results", lang)} if several_regions else {}


def domains_table(
    domains: list[DomainProgress], lang: str, several_regions: bool = False, ended: bool = False
) -> Table:
    """Each domain's progress; `ended`: judged at the end of the period, when nothing is
    behind, only not met (a 终期评估's table said 滞后或未达标: a reviewer's trial)."""
    keys = ("domain", "count", "judged", "progress", "share", "lagging")
    headers = {"progress": label("mean_progress", lang), **_count_header(several_regions, lang)}
    if ended:
        headers["lagging"] = say("status.not_met", lang)
    columns = tuple(_column(k, lang, headers.get(k)) for k in keys)
    rows: list[tuple[Cell, ...]] = [
        (d.domain, count(d.results), count(d.judged), share(d.progress), share(d.share),
         count(d.lagging))
        for d in domains
    ]  # fmt: skip
    return Table("domains", say("assessment.domains", lang), columns, rows)


def domains_chart(domains: list[DomainProgress], lang: str) -> Chart:
    bars = [Bar(d.domain, d.progress, d.share, "", d.domain) for d in domains]
    return Chart("domains", say("chart.domains", lang), bars, label("mean_progress", lang),
                 label("share", lang))  # fmt: skip


def progress_chart(report: Assessment, lang: str) -> Chart:
    """A bar per result with a progress figure, marked with its own time share."""

    def make(r: Result) -> Bar | None:
        verdict = r.verdict
        if verdict.progress is None:
            return None
        name = r.indicator.name if r.region is None else f"{r.indicator.name} · {r.region}"
        return Bar(name, verdict.progress, verdict.share, verdict.status, r.indicator.id)

    bars = cast(list, _Rows(report.results, make, None, _has_progress))
    return Chart("progress", say("chart.progress", lang), bars, label("progress", lang),
                 label("share", lang), _without_progress(report, lang))  # fmt: skip


#: The most names a chart's note lists of the results it leaves out.
NOTE_NAMES = 10


def _without_progress(report: Assessment, lang: str) -> str:
    """The judged results a progress chart has no bar for, named (a 未完成 whose figure
    equals a strict target has no progress figure: 100 % would read as done): without the
    line they were absent in silence (trial 11, D4)."""
    columns = report.columns
    left = [
        i
        for i, (progress, status) in enumerate(zip(columns.progress, columns.statuses, strict=True))
        if progress is None and status in ("met", "on_track", *LAGGING)
    ]
    if not left:
        return ""
    names = []
    for i in left[:NOTE_NAMES]:
        indicator, region = columns.indicators[i], columns.regions[i]
        name = indicator.name if region is None else f"{indicator.name} · {region}"
        status = statuses(lang)[columns.statuses[i]].label
        names.append(say("chart.left_out_item", lang, name=name, status=status))
    more = say("chart.left_out_more", lang, count=len(left)) if len(left) > NOTE_NAMES else ""
    return say("chart.left_out", lang, count=len(left),
               names=say("sep.list", lang).join(names) + more)  # fmt: skip


def _has_progress(result: Result) -> bool:
    return result.verdict.progress is not None


def spread_table(report: Assessment, lang: str, found: list[Spread] | None = None) -> Table:
    """Per indicator: how many regions, their min, max, mean and coefficient of variation,
    the count of each status, and the lagging regions by name (the widest gap first). The
    counts of 需人工核实 and 无数据 are columns where any indicator has one: without them the
    counts did not add up to the regions (trial 12, D13)."""
    labels = statuses(lang)
    found = spreads(report) if found is None else found
    codes = ["met", "on_track", *LAGGING]
    codes += [code for code in ("needs_review", "no_data")
              if any(s.statuses.get(code) for s in found)]  # fmt: skip
    columns = (
        _column("indicator", lang),
        *(_column(f"regions.{k}", lang) for k in ("regions", "reported", "min", "max", "mean",
                                                   "cv")),
        *(Column(code, labels[code].label) for code in codes),
        Column("lagging_regions", label("regions.lagging_ended" if report.at_period_end
                                        else "regions.lagging", lang), wide=True),
    )  # fmt: skip
    plan = report.plan
    separator = say("sep.list", lang)
    rows: list[tuple[Cell, ...]] = []
    for s in found:
        indicator = plan.indicator(s.indicator_id)
        places = computed_places(indicator, s.minimum, s.maximum, s.mean)  # one row alike
        rows.append(
            (
                indicator_cell(indicator),
                count(s.regions),
                count(s.reported),
                computed(indicator, s.minimum, places=places),
                computed(indicator, s.maximum, places=places),
                computed(indicator, s.mean, places=places),
                None if s.cv is None else Figure(s.cv, "0.0%", f"{s.cv:.1%}"),
                *(count(s.statuses.get(code, 0)) for code in codes),
                separator.join(s.lagging),
            )
        )
    return Table("spread", say("regions.spread", lang), columns, rows)


def matrix_table(report: Assessment, lang: str, regions: list[str | None] | None = None) -> Table:
    """Regions down, indicators across (in the plan's order), each cell the status."""
    seen = {indicator.id for indicator in report.columns.indicators}
    indicators = [i for i in report.plan.indicators if i.id in seen]
    labels = statuses(lang)
    columns = (
        _column("region", lang),
        *(Column(indicator.id, indicator.name) for indicator in indicators),
    )
    matrix: dict[str, dict[str, str]] = {}
    # a file without a region column is the plan's own area (its row was unnamed)
    own = OWN_AREA_WORDS[report.plan.level][0]

    def make(region: str | None) -> tuple[Cell, ...]:
        if not matrix:
            matrix.update(status_matrix(report))
        found = matrix.get(region or "", {})
        cells = (labels[found[i.id]] if i.id in found else None for i in indicators)
        return (region or own, *cells)

    rows = lazy_rows(report.regions if regions is None else regions, make, one_each=True)
    return Table("matrix", say("regions.matrix", lang), columns, rows, matrix=True)


def commitments_table(report: Assessment, lang: str) -> Table:
    """The commitments beyond the main table that the figures name, judged apart: where
    each is printed, what it promises, when, the figure and the status."""
    with_regions = any(result.region for result in report.commitments)
    by_id = {c.id: c for c in report.plan.commitments}
    keys = ["commitment_id", "where", "commitment", *(["region"] if with_regions else []),
            "target", "due", "actual", "year", "status", "reason"]  # fmt: skip
    columns = tuple(
        Column(key, label(key, lang), wide=key in ("where", "commitment", "reason")) for key in keys
    )
    rows, notes = [], {}
    for result in report.commitments:
        cells = result_cells(result, lang)
        pledge = by_id[result.indicator.id]
        due = say("assessment.due.annual", lang) if pledge.year == "annual" else count(pledge.year)
        cells.update(commitment_id=pledge.id, where=result.indicator.domain,
                     commitment=pledge.subject, target=pledge.target, due=due)  # fmt: skip
        # under it, as under an indicator's row: the transcription's notes (how its year or
        # target was read), an override, the department's 原因分析 / 下一步措施
        lines = row_notes(result, lang)
        if lines:
            notes[len(rows)] = lines
        rows.append(tuple(cells[key] for key in keys))
    return Table("commitments", say("assessment.commitments", lang), columns, rows,
                 notes=notes, noted=True)  # fmt: skip


# ------------------------------------------------------------------------------ the views


#: The title of each stage's report (annual monitoring, mid-term and final evaluation).
_TITLES = {"annual": "assessment.title", "mid": "assessment.title.mid",
           "final": "assessment.title.final"}  # fmt: skip
_REGIONS_TITLES = {"annual": "regions.title", "mid": "regions.title.mid",
                   "final": "regions.title.final"}  # fmt: skip
#: The source of `check_previous`'s assessment (the plan's printed completion table).
PREVIOUS = "previous_plan"


def summary_lines(report: Assessment, lang: str) -> list[str]:
    """The lines under a check's title: the counts, the ratings, and where it is judged after
    its latest figure (2025 on figures to 2023), that too, beside the counts it explains (it
    was said on stderr only: a trial's finding)."""
    lines = (summary_line(report, lang), rating_line(report, lang), beyond_figures(report, lang))
    return [line for line in lines if line]


def beyond_figures(report: Assessment, lang: str) -> str:
    """The sentence that says a report's year is after its latest figure ("" where not)."""
    if not report.judged_beyond_figures:
        return ""
    return say("assessment.beyond_figures", lang, year=report.year, latest=report.figures_end)


def assessment_view(report: Assessment, lang: str = "zh") -> View:
    """The annual monitoring report: what `check` prints and `report` writes."""
    regions = report.regions
    with_regions = any(regions)
    # the binding ones behind or not met, each made when a format reads it
    domains = functools.cache(functools.partial(domain_progress, report))
    every_result = functools.cache(functools.partial(
        results_table, "results", say("assessment.results", lang), report.results, lang,
        with_regions,
    ))  # fmt: skip

    def tables() -> list[Table]:
        """Made when a format reads them (the JSON format never does)."""
        lagging = cast(list, _Picked(report.results, report.failing_rows()))
        made = [counts_table(report, lang),
                domains_table(domains(), lang, len(regions) > 1, report.at_period_end)]  # fmt: skip
        if many_regions(report):  # a province's or a country's counties: the summaries
            made += summary_tables(report, lang)  # first, before every lagging result
        # in the end year nothing is behind, only not met (a 终期评估's sheet said 滞后)
        ended = report.at_period_end
        title = say("assessment.lagging.ended" if ended else "assessment.lagging", lang)
        made.append(results_table("lagging", title, lagging, lang, with_regions))
        if len(regions) > 1:
            made.append(matrix_table(report, lang, regions))
        if len([region for region in regions if region]) > 1:
            made.append(spread_table(report, lang))
        made.append(every_result())
        trends = trends_table(report, lang, with_regions)
        if trends.rows:
            made.append(trends)
        if report.commitments:  # apart from the main table, never in its counts
            made.append(commitments_table(report, lang))
        return made

    notes = [say("assessment.domains_note", lang)]
    previous = report.plan.previous_plan
    if report.source == PREVIOUS and previous is not None:  # not the key `previous_plan`
        line = previous.source.line if previous.source else "—"
        notes.append(say("assessment.source.previous", lang, table=previous.name, line=line))
    elif report.source:
        notes.append(say("assessment.source", lang, source=report.source))
    return View(
        "assessment",
        # `check --previous`: the plan's printed completion table of the period before, not a
        # monitoring report of this one (it read "十四五… · 2020年监测报告": a trial's finding)
        say(
            "assessment.title.previous" if report.source == PREVIOUS else _TITLES[report.stage],
            lang,
            plan=report.plan.name,
            year=report.year,
        ),
        lang,
        functools.partial(assessment_dict, report, lang),
        tables,
        summary=summary_lines(report, lang),
        notes=notes,
        charts=lambda: [progress_chart(report, lang), domains_chart(domains(), lang)],
        primary="results",
        primary_table=every_result,
    )


class Each:
    """A list the JSON format writes one item at a time: `make(item)` for each item of
    `source`, each made when written and dropped after. Not a list, so nothing writes it
    whole by mistake (`json.dumps` refuses it). `encoded`, given the format's encoder, gives
    the items' JSON text where it is cheaper than making them (county results: duckdb's)."""

    def __init__(
        self,
        source: Sequence[Any],
        make: Callable[[Any], Any],
        encoded: Callable[[Callable[[Any], str]], Iterator[str]] | None = None,
    ) -> None:
        self._source = source
        self._make = make
        self.encoded = encoded

    def __len__(self) -> int:
        return len(self._source)

    def __iter__(self) -> Iterator[Any]:
        return map(self._make, self._source)


def assessment_dict(report: Assessment, lang: str = "zh") -> dict[str, Any]:
    """`report.to_dict(lang)`, its results made one at a time as the JSON is written: the
    185,600 result dicts of a country's counties built at once took 2 GB. The other keys are
    the contract's own (`to_dict` of the report without its results, then the summary of all
    of them), so a key added to the contract is written here too."""
    data = report.with_results([]).to_dict(lang)
    data["summary"] = report.summary()
    plan = report.plan
    data["results"] = Each(report.results, lambda result: result.to_dict(plan, lang),
                           functools.partial(report.encoded_results, lang))  # fmt: skip
    return data


def by_region_dict(report: Assessment) -> dict[str, Any]:
    """The JSON contract of `check --by-region`."""
    return _by_region_dict(report, spreads(report))


def _by_region_dict(report: Assessment, found: list[Spread]) -> dict[str, Any]:
    return {
        "plan": report.plan.id,
        "year": report.year,
        "summary": report.summary(),
        "regions": [region or "" for region in report.regions],
        "matrix": status_matrix(report),
        "spread": [
            {
                "id": s.indicator_id,
                "name": s.name,
                "regions": s.regions,
                "reported": s.reported,
                "min": s.minimum,
                "max": s.maximum,
                "mean": s.mean,
                "cv": s.cv,
                "statuses": s.statuses,
                "lagging": list(s.lagging),
            }
            for s in found
        ],
    }


def regions_view(report: Assessment, lang: str = "zh") -> View:
    """`check --by-region`: the region × indicator matrix and the spread of each indicator."""
    found = spreads(report)

    def tables() -> list[Table]:
        made = [counts_table(report, lang)]
        if many_regions(report):
            made += summary_tables(report, lang)
        return [
            *made,
            matrix_table(report, lang, report.regions),
            spread_table(report, lang, found),
        ]

    return View(
        "regions",
        say(_REGIONS_TITLES[report.stage], lang, plan=report.plan.name, year=report.year),
        lang,
        functools.partial(_by_region_dict, report, found),
        tables,  # type: ignore[arg-type]  # made when a format reads them
        summary=summary_lines(report, lang),
        primary="matrix",
    )
