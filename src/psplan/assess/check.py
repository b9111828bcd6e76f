"""`psplan check`: match reported figures to a plan's indicators and judge each one.

The Python API behind the command: `check(plan, rows, …)` takes a plan and the rows of
`read_actuals` (or any iterable of `ActualRow`) and returns a `Report`. Input problems are
collected and raised together as `ActualsError`, so a user fixes a file in one pass.
"""

from __future__ import annotations

import difflib
import gc
import math
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Protocol

from psplan.actuals.read import (
    COUNTY_ENDS,
    ActualRow,
    SheetEntry,
    region_name,
    summarise_skipped,
)
from psplan.actuals.units import (
    TRAILING_BRACKETS,
    canonical_unit,
    known_unit,
    same_unit,
    trailing_unit,
)
from psplan.actuals.values import Value, in_scientific_notation, parse_value, written_out
from psplan.assess.areas import (
    OWN_AREA_WORDS,
    TARGET_LEVELS,
    apart_from_regions,
    counts_the_whole_area,
    own_area_names,
    reference_level,
    reference_region_names,
)
from psplan.assess.assessment import Assessment, Report, Result, stage_year
from psplan.assess.commitments import commitment_goal, commitment_indicators
from psplan.assess.evaluate import Goal, Observation, Verdict, judge
from psplan.assess.overrides import Override, apply_overrides
from psplan.assess.trends import RATE_WORDS, natural_cap
from psplan.errors import (
    Location,
    Message,
    Problem,
    ProblemsError,
    PsplanError,
    Shown,
    plain,
    quoted,
)
from psplan.plan.model import SIGNED_WORDS, Commitment, Indicator, Plan, PreviousIndicator
from psplan.plan.targets import normalise_text

__all__ = ["Assessment", "Report", "Result", "check", "check_previous", "collect", "goal_of"]

MAX_PROBLEMS = 50
NO_REMARKS: dict[str, str] = {}  # shared by the results without remarks; never mutated


class ActualsError(ProblemsError):
    """The actuals cannot be judged; carries every problem found (each one line)."""

    MORE = "check.and_more"


def goal_of(
    plan: Plan, indicator: Indicator | PreviousIndicator, *, previous: bool = False
) -> Goal:
    period = plan.previous_plan.period if previous and plan.previous_plan else plan.period
    baseline_year = (
        indicator.baseline_year
        or indicator.target.base_year  # 比2025年提高…
        or (period.start - 1 if previous else plan.baseline_year)
    )
    return Goal(
        target=indicator.target,
        kind=indicator.effective_kind,
        direction=indicator.effective_direction,
        baseline=indicator.baseline,
        baseline_year=baseline_year,
        start_year=period.start,
        end_year=period.end,
        floor=magnitude_floor(indicator) if isinstance(indicator, Indicator) else None,
        fractions=isinstance(indicator, Indicator) and shares_in_percent(indicator),
        **_range_of(indicator),
        area_total=isinstance(indicator, Indicator) and counts_the_whole_area(indicator),
    )


def _range_of(indicator: Indicator | PreviousIndicator) -> dict[str, float | None]:
    """`Goal.least` and `Goal.most`: the indicator's `natural_range`, each end where finite."""
    if not isinstance(indicator, Indicator):
        return {}
    least, most = natural_range(indicator)
    return {"least": least if math.isfinite(least) else None,
            "most": most if math.isfinite(most) else None}  # fmt: skip


def normalise_name(name: str) -> str:
    """Fold width, spaces and case, so （%） and (%) and full-width digits compare equal."""
    return normalise_text(name).lower()


def strip_unit(name: str) -> str:
    """Drop trailing parenthesised units: 九年义务教育巩固率(%) → 九年义务教育巩固率."""
    previous = None
    while previous != name:
        previous, name = name, TRAILING_BRACKETS.sub("", name)
    return name


def name_unit_problem(indicator: Indicator, text: str) -> Message | None:
    """A unit written after the indicator's name (中等职业教育招生数（人）) that is not the
    plan's (万人): the figures are in another unit, as 9500人 in a cell would be, not to be
    read in the plan's (11,000 人 was judged as 11,000 万人, met). Only a unit psplan knows
    counts (a bracket holding anything else is left to the name's matching)."""
    written = trailing_unit(text)
    unit = (indicator.unit or "").strip()
    if written is None or not unit or same_unit(written, unit, indicator.name):
        return None
    return Message("check.name_unit_mismatch", text=quoted(text), unit=written,
                   name=indicator.name, indicator_unit=unit)  # fmt: skip


def unit_cell_problem(indicator: Indicator, row: ActualRow) -> Problem | None:
    """A 单位 column's unit that is not the plan's (人 for a count in 万人): its figure is in
    another unit, as 9500人 in the cell would be. Only units psplan knows are compared (a
    form's own wording of a unit the plan prints otherwise is left alone). Said at the 单位
    cell, not at the figure's."""
    written = known_unit(row.unit) if row.unit else None
    unit = known_unit((indicator.unit or "").strip())
    where = Location(row.file, row.line, row.unit_column)
    if written is not None and unit is not None:
        if same_unit(written, unit, indicator.name):
            return None
        return Problem(where, "check.unit_cell_mismatch", "bad-value", unit=written,
                       name=indicator.name, indicator_unit=indicator.unit)  # fmt: skip
    # a unit psplan cannot convert on either side (元/人·月 for 元/人年): compared as written,
    # but for the joins of a compound unit (元/（人·年）); another is a warning, never silence
    # (a 低保 standard per month was read as per year without a word: a trial's finding)
    if not (row.unit or "").strip() or not (indicator.unit or "").strip():
        return None
    if same_unit(row.unit, indicator.unit, indicator.name) or _joined(row.unit) == _joined(
        indicator.unit
    ):
        return None
    return Problem(where, "check.unit_cell_unknown", "unit", "warning", unit=row.unit.strip(),
                   name=indicator.name, indicator_unit=indicator.unit)  # fmt: skip


#: What joins the parts of a compound unit, left out where two spellings are compared.
_JOINS = re.compile(r"[/／·・•()（）\s每]")


def _joined(unit: str | None) -> str:
    return _JOINS.sub("", canonical_unit(unit) or "")


class AmbiguousName(PsplanError):
    """A name that fits more than one indicator: the user must say which (by id)."""


class IndicatorMatcher:
    """Find a plan's indicator from what a user wrote: its id (exactly), or its name or an
    alias, ignoring width, spaces, case and a trailing unit.

    A name that fits two indicators is an error naming both, never settled by file order;
    ids match exactly (`beds` is not `BEDS`).
    """

    def __init__(self, plan: Plan) -> None:
        self.ids = {indicator.id: indicator for indicator in plan.indicators}
        # the previous period's id and name of an indicator (`previous`): figures reported
        # under them before the new plan still join its series
        for indicator in plan.indicators:
            link = indicator.previous
            if link is not None and link.relation != "replaces" and link.id not in self.ids:
                self.ids[link.id] = indicator  # not one it replaces: another measure
        self.exact: dict[str, list[Indicator]] = {}
        self.loose: dict[str, list[Indicator]] = {}
        # the commitments beyond the main table: by id, and by subject where no main
        # indicator has that name (the main table's own names win)
        self.commitments = commitment_indicators(plan)
        main_names = {normalise_name(i.name) for i in plan.indicators}
        for commitment, judged_as in self.commitments:
            self.ids.setdefault(commitment.id, judged_as)
            key = normalise_name(commitment.subject)
            if key not in main_names:
                self.exact.setdefault(key, []).append(judged_as)
        for indicator in plan.indicators:
            link = indicator.previous
            before = link.name if link and link.relation != "replaces" else None
            for name in (indicator.name, *indicator.aliases, *([before] if before else [])):
                key = normalise_name(name)
                for table, entry in ((self.exact, key), (self.loose, strip_unit(key))):
                    found = table.setdefault(entry, [])
                    if indicator not in found:
                        found.append(indicator)
        self._cache: dict[str, Indicator | None] = {}
        self._names: dict[str, str] | None = None
        #: the previous period's indicators this plan replaces (their id and name) → by what
        self.replaced: dict[str, Indicator] = {}
        for indicator in plan.indicators:
            link = indicator.previous
            if link is not None and link.relation == "replaces":
                for text in (link.id, link.name):
                    if text:
                        self.replaced[normalise_name(text)] = indicator
        #: whether the plan continues an earlier one (its figures may be in the files)
        self.continues = any(indicator.previous for indicator in plan.indicators)

    def match(self, text: str) -> Indicator | None:
        """The indicator `text` names, None if none; AmbiguousName if it fits several."""
        if text in self._cache:
            return self._cache[text]
        found = self.ids.get(text.strip())
        if found is None:
            key = normalise_name(text)
            candidates = self.exact.get(key) or self.loose.get(strip_unit(key)) or []
            if len(candidates) > 1:
                ids = Shown(
                    " / ".join(f"{i.id} ({i.name})" for i in candidates),
                    " / ".join(f"{i.id}（{i.name}）" for i in candidates),
                )
                raise AmbiguousName(
                    "check.ambiguous_name", text=quoted(text), count=len(candidates), ids=ids
                )
            found = candidates[0] if candidates else None
        self._cache[text] = found
        return found

    def suggest(self, text: str) -> list[str]:
        """The printed names closest to `text`; for an id typed wrong (life_expectency), the
        closest ids (a trial's `trend --indicator` got no suggestion)."""
        if self._names is None:
            self._names = {k: i[0].name for k, i in self.loose.items()}
        key = strip_unit(normalise_name(text))
        # a part of a name first (床位数 for 每千人口医疗卫生机构床位数: too short to be close)
        within = [name for loose, name in self._names.items() if len(key) >= 2 and key in loose]
        if within:
            return within[:3]
        close = difflib.get_close_matches(key, list(self._names), n=3, cutoff=0.5)
        if close or not text.isascii():
            return [self._names[c] for c in close]
        ids = list(self.ids)
        return difflib.get_close_matches(text.strip().lower(), ids, n=3, cutoff=0.6)


def chosen_indicators(plan: Plan, texts: Iterable[str]) -> frozenset[str]:
    """The ids of the indicators `texts` name (ids or printed names, as `IndicatorMatcher`
    reads them); a text that names none is an error with the closest names."""
    from psplan.words import say

    matcher = IndicatorMatcher(plan)
    chosen = set()
    for text in texts:
        found = matcher.match(text)
        if found is None:
            hints = matcher.suggest(text)
            hint = say("cli.did_you_mean", names=" / ".join(hints)) if hints else ""
            raise PsplanError(
                "cli.no_indicator", text=quoted(text), plan=plain(plan.id), hint=plain(hint)
            )
        chosen.add(found.id)
    return frozenset(chosen)


@dataclass
class _Collected:
    observations: dict[tuple[str | None, str], dict[int, Observation]] = field(default_factory=dict)
    #: every series in the order first read, a reference region's (全省) too: where jumps and
    #: outliers are looked for, as `psplan lint` looks (the regions' are `observations`' own)
    across_series: dict[tuple[str | None, str], dict[int, Observation]] = field(
        default_factory=dict
    )
    #: (indicator id, year, level) → (value, region it was read from)
    references: dict[tuple[str, int, str], tuple[float, str]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    years: set[int] = field(default_factory=set)
    #: (region, indicator id) → the 基期值 a collection sheet gives
    sheet_baselines: dict[tuple[str | None, str], float] = field(default_factory=dict)
    #: the files whose 基期值 column is of an earlier period (said once each)
    earlier_sheets: set[str] = field(default_factory=set)
    #: (region, indicator id) → {"reason": …, "measure": …} from the sheet, and "note": the
    #: figures' 备注 cells, each with its years (`_figure_note`)
    remarks: dict[tuple[str | None, str], dict[str, str]] = field(default_factory=dict)
    #: (region, indicator id) → each 备注 text of its figures → their years
    figure_notes: dict[tuple[str | None, str], dict[str, list[int]]] = field(default_factory=dict)
    #: where each (region, indicator id) of `remarks` and `sheet_baselines` was first given:
    #: what a warning that one is not used points at
    explained_at: dict[tuple[str | None, str], Location] = field(default_factory=dict)
    #: (region, indicator id, "reason" or "measure") → where its first text was given
    remark_at: dict[tuple[str | None, str, str], Location] = field(default_factory=dict)
    #: file (or `book.xlsx[sheet]`) → how many figures it gave, in the order read
    figures_read: dict[str, int] = field(default_factory=dict)
    #: the plan's commitments with the indicators they are judged as (made once, by the matcher)
    pledges: list[tuple[Commitment, Indicator]] = field(default_factory=list)
    #: the regions of rows whose cell is empty or a dash, in the order read
    dashed: dict[str | None, None] = field(default_factory=dict)

    def regions(self) -> list[str | None]:
        """The regions with figures, in the order first read (a 原因分析 or 基期值 alone makes
        no region of its own)."""
        return list(dict.fromkeys(r for (r, _), s in self.observations.items() if s))

    def empty_regions(self) -> list[str | None]:
        """The regions with rows but not one figure (every cell —), in the order first read."""
        with_figures = set(self.regions())
        return [r for r in self.dashed if r not in with_figures]

    def figures_by_year(self) -> dict[int, int]:
        """How many (region, indicator) series have a figure in each year."""
        return dict(Counter(year for series in self.observations.values() for year in series))

    def indicators_by_region(self) -> dict[str | None, int]:
        """How many indicators have a figure in each region, in the order first read."""
        return dict(Counter(region for (region, _), series in self.observations.items() if series))

    def first_figure_of(self, year: int) -> Location | None:
        """Where the first figure of `year` was read: its file's (in the order read) first."""
        found = [series[year] for series in self.observations.values() if year in series]
        return first_read(found, list(self.figures_read))

    def first_figure_in(self, region: str | None) -> Location | None:
        """Where the first figure of `region` was read: its file's (in the order read) first."""
        return first_figure_in(self.observations, region, list(self.figures_read))

    def across(self, plan: Plan) -> list[Problem]:
        """What `psplan lint` finds across years and regions (jumps, outliers), as warnings."""
        from psplan.assess.lint import Thresholds, across_years_and_regions

        indicators = {indicator.id: indicator for indicator in plan.indicators}
        return across_years_and_regions(
            plan, self.across_series, indicators, Thresholds(), self.sheet_baselines
        )

    def results(
        self,
        goals: Sequence[tuple[Indicator, Goal]],
        regions: Sequence[str | None],
        year: int,
        references: Mapping[str, float],
        finish: Callable[..., Result],
        as_judged: frozenset[str] = frozenset(),
        own_area: frozenset[str] = frozenset(),
    ) -> list[Result]:
        """Every (region, indicator) judged in `year`, region by region in the plan's order;
        `finish` makes each result of its verdict. A region `own_area` does not name (a
        county) is measured from a baseline of its own (`Goal.baseline_for`)."""
        results = []
        for place in regions:
            own = place is None or place in own_area
            for indicator, goal in goals:
                key = (place, indicator.id)
                series = self.observations.get(key)
                observations = tuple(series.values()) if series else ()
                verdict = judged(indicator, goal, observations, year, references,
                                 self.references, self.sheet_baselines.get(key), own)  # fmt: skip
                results.append(finish(place, indicator, goal, observations, verdict))
        return results

    def series(self, region: str | None, indicator_id: str) -> tuple[Observation, ...]:
        found = self.observations.get((region, indicator_id))
        return tuple(found.values()) if found else ()


class OneOwnArea:
    """The plan's own area read under one name, the first of its spellings met (全市, or
    安康市, 安康): two departments writing 全市 and 安康市 made two areas with two verdicts and
    a report that depended on the files' order. A row naming it otherwise is read as the
    first, and each other spelling said once, at its first row."""

    def __init__(self, plan: Plan) -> None:
        self.names = own_area_names(plan)
        self.first: str | None = None
        self._said: set[str] = set()

    def read(self, row: Any, warnings: list[Problem]) -> Any:
        """`row` (an `ActualRow` or a `SheetEntry` naming the area) under the area's name."""
        region = row.region
        if self.first is None:
            self.first = region
            return row
        if region not in self._said:
            self._said.add(region)
            warnings.append(Problem(Location(row.file, row.line, row.column),
                                    "check.own_area_spelling",
                                    "region", "warning", name=quoted(region),
                                    first=quoted(self.first)))  # fmt: skip
        return row._replace(region=self.first)


class RepeatedRows:
    """Rows that repeat an earlier row of their own file (the same region, indicator, year
    and figure: a block pasted twice): merged into it, as a figure two departments both give
    is, but said, per file, with how many (10,600 rows were read as 10,600 figures)."""

    def __init__(self) -> None:
        # file → [the first repeating row's place, the line it repeats, how many repeat]
        self._seen: dict[str, list[Any]] = {}

    def see(self, row: ActualRow, earlier: Observation) -> None:
        if earlier.file == row.file:
            first = [Location(row.file, row.line), earlier.line, 0]
            self._seen.setdefault(row.file, first)[2] += 1

    def warnings(self) -> list[Problem]:
        return [
            Problem(where, "check.repeated_rows", "duplicate", "warning", count=count, earlier=line)
            for where, line, count in self._seen.values()
        ]


class UnnamedRows:
    """Per file, whether a row names its region and the first rows that do not: a county's
    name left out of one row of a county file is that row's error (a file of the city's own
    figures, without a region column, names none)."""

    def __init__(self) -> None:
        self.named: set[str] = set()
        #: per file, its runs of rows without a region: [first line, last line]
        self.unnamed: dict[str, list[list[int]]] = {}

    def see(self, row: ActualRow) -> None:
        if row.region is not None:
            self.named.add(row.file)
            return
        runs = self.unnamed.setdefault(row.file, [])
        # a row's years side by side (2024, 2025 columns) are one row: said once (twice, and
        # counted twice, for a trial's 22 rows); the next row lengthens the run, one error
        # for a county's 80 rows (50 lines of the same error, then "stopped", before)
        if runs and row.line - 1 <= runs[-1][1] <= row.line:
            runs[-1][1] = row.line
        elif len(runs) < MAX_PROBLEMS:
            runs.append([row.line, row.line])

    def lost_name(self, row: ActualRow) -> bool:
        """Whether a row without a region is in a file that names them (a CSV of merged
        地区 cells has a county's name on its first row only): two figures of one year in
        such rows are two counties', not a figure reported twice."""
        return row.region is None and row.file in self.named

    def files_without_regions(self) -> list[Problem]:
        """A warning for each file that names no region beside files that do (a department
        sending its counties' figures without the 地区 column): its figures are read as the
        plan's own area's, and its counties have none."""
        if not self.named:
            return []
        return [
            Problem(Location(file), "check.file_without_regions", "empty-region", "warning")
            for file in self.unnamed
            if file not in self.named
        ]

    def merged_into(self, own: OneOwnArea) -> str | None:
        """The area the files without regions are read as one with: the name rows give the
        plan's own area (全市), where such files and such rows are both read and no row has
        lost its county's name; else None (`_own_area_merged`, and lint's the same way)."""
        if own.first is None or not self.unnamed or self.problems():
            return None
        return own.first

    def problems(self) -> list[Problem]:
        """An error for each run of rows without a region in a file whose other rows name
        theirs, at its first row."""
        found = []
        for file, runs in self.unnamed.items():
            if file not in self.named:
                continue
            for first, last in runs:
                where = Location(file, first)
                if first == last:
                    found.append(Problem(where, "check.empty_region", "empty-region"))
                    continue
                count = last - first + 1
                found.append(Problem(where, "check.empty_region_rows", "empty-region",
                                     first=first, last=last, count=count))  # fmt: skip
        return found


def _own_area_merged(collected: _Collected, name: str, plan: Plan) -> None:
    """The figures of files without a region column (read as the plan's own area's) and the
    rows naming the area (全市, in the counties' file) as one area, under `name`: they were
    two, the report's indicators counted twice, and two departments' different figures for
    the city passed as two areas' (a final evaluation's trial). A year given different
    figures on both sides is the error two files that disagree are, naming both rows."""
    order = list(collected.figures_read)
    indicators = {indicator.id: indicator for indicator in plan.indicators}
    collected.problems.extend(series_merged(collected.observations, name, indicators, order))
    series_merged(collected.across_series, name, indicators, order)
    for keyed in (collected.sheet_baselines, collected.remarks, collected.figure_notes,
                  collected.explained_at, collected.remark_at):  # fmt: skip
        renamed(keyed, name)
    if None in collected.dashed:
        del collected.dashed[None]
        collected.dashed.setdefault(name, None)


def renamed(keyed: dict[Any, Any], name: str) -> None:
    """Each key (region, …) without a region moved to the area `name`, its value kept
    where the area has one of its own (`_own_area_merged`; lint's places of cells)."""
    for key in [key for key in keyed if key[0] is None]:
        keyed.setdefault((name, *key[1:]), keyed.pop(key))


def series_merged(
    series: dict[tuple[str | None, str], dict[int, Observation]],
    name: str,
    indicators: Mapping[str, Indicator],
    order: Sequence[str],
) -> list[Problem]:
    """Each series without a region moved into the area `name`'s (`_own_area_merged`, and
    lint's the same way), its years in order; a year the two give different figures is
    `reported_twice`, at the row of the file read later (`order`: the files as read)."""
    place = {file: at for at, file in enumerate(order)}
    problems = []
    for key in [key for key in series if key[0] is None]:
        unnamed = series.pop(key)
        named = series.setdefault((name, key[1]), {})
        for year, figure in unnamed.items():
            other = named.get(year)
            if other is None:
                named[year] = figure
            elif not _same(other.value, figure.value) and key[1] in indicators:
                first, second = sorted((other, figure), key=lambda o: place.get(o.file, 0))
                indicator = indicators[key[1]]
                row = ActualRow(indicator.name, year, second.value, name, None, second.file,
                                second.line, 0)  # fmt: skip
                problems.append(reported_twice(indicator, row, first))
        series[(name, key[1])] = dict(sorted(named.items()))
    return problems


def collect(
    plan: Plan,
    rows: Iterable[ActualRow | SheetEntry | Problem],
    reference_regions: Iterable[str] = (),
) -> _Collected:
    """Group the rows by (region, indicator) and year, checking each against the plan.

    This loop runs once per reported figure (a million at county scale), so what repeats is
    looked up once: the (region, indicator text) pair maps straight to its series.
    """
    matcher = IndicatorMatcher(plan)
    refs = reference_region_names(plan, reference_regions)
    collected = _Collected(pledges=matcher.commitments)
    problems = collected.problems
    observations = collected.observations
    # (region, indicator text) → (indicator, its series), or None when the text matches nothing.
    known: dict[tuple[str | None, str], tuple[Indicator, dict[int, Observation]] | None] = {}
    unknown: set[str] = set()  # texts already reported as unknown or ambiguous
    out_of_range: dict[str, tuple[int, str]] = {}  # indicator id → (figures out of range, file)
    fractions: dict[str, tuple[int, str]] = {}  # the same, of figures that look like fractions
    fraction_ids = {i.id for i in plan.indicators if shares_in_percent(i)}
    magnitudes: dict[str, tuple[int, str]] = {}  # the same, of figures out of scale
    floors = {i.id: floor for i in plan.indicators if (floor := magnitude_floor(i)) is not None}
    scientific: dict[str, tuple[int, str]] = {}  # the same, of figures like 1.23457E+11
    early: set[int] = set()  # the years before the plan's baseline year, said at their first
    figures_read = collected.figures_read
    current, stretch = None, 0  # the file being read, and how many of its rows in a row
    unnamed = UnnamedRows()
    repeated = RepeatedRows()
    own = OneOwnArea(plan)
    own_names = own.names
    units_said: set[tuple[str, str]] = set()  # (indicator id, 单位 cell) said mismatched
    for row in rows:
        kind = type(row)
        if kind is Problem:
            if row.level == "warning":
                collected.warnings.append(row)
                continue
            problems.append(row)
            if len(problems) >= MAX_PROBLEMS:
                break
            continue
        if row.region in own_names and row.region != own.first:
            row = own.read(row, collected.warnings)
        if kind is ActualRow:  # (a sheet's 原因分析 without a region is the plan's own area's)
            unnamed.see(row)
        key = (row.region, row.indicator)
        entry = known.get(key, False)
        if entry is False:
            entry = _series_for(
                matcher, plan, row, refs, collected, known, unknown,
            )  # fmt: skip
        if entry is None:
            continue
        if entry is _PREVIOUS_PERIOD:
            if kind is not SheetEntry and row.year > plan.baseline_year:
                # in this plan's own years: an unknown name
                problems.append(unknown_indicator(plan, row.indicator, row.location))
            continue
        indicator, series = entry
        if kind is SheetEntry:
            # A sheet entry: the row's 基期值, 原因分析 or 下一步措施.
            problem = _sheet_entry(collected, indicator, row, series is _REFERENCE,
                                   plan.baseline_year, own_names)  # fmt: skip
            if problem:
                problems.append(problem)
            continue
        value = row.value
        if row.unit is not None:  # a 单位 column naming another unit: once per unit
            mismatch = unit_cell_problem(indicator, row)
            if mismatch is not None:
                said = (indicator.id, row.unit)
                warned = mismatch.level == "warning"  # (read in the plan's unit, and said)
                if said not in units_said:
                    units_said.add(said)
                    (collected.warnings if warned else problems).append(mismatch)
                if not warned:
                    continue
        if value.number is None or value.unit is not None or value.running_total:
            # Only unusual values need the full check (plain numbers are the common case).
            problem = _value_problem(indicator, row)
            if problem:
                problems.append(Problem(row.location, problem, "bad-value"))
                if len(problems) >= MAX_PROBLEMS:
                    break
                continue
            if value.missing:
                # a sheet of empty cells is listed too (a department that sent nothing)
                figures_read.setdefault(row.file, 0)
                collected.dashed[row.region] = None
                continue
        if row.file is not current:  # figures given, counted per file (or sheet)
            if current is not None:
                figures_read[current] = figures_read.get(current, 0) + stretch
            current, stretch = row.file, 0
        stretch += 1
        if series is _REFERENCE:
            if value.number is not None:
                problem = add_reference(collected.references, indicator, row, value.number)
                if problem:
                    problems.append(problem)
                # its jumps are looked for too (an equal figure given again merges)
                figures = collected.across_series[(row.region, indicator.id)]
                if row.year not in figures:
                    figures[row.year] = Observation(row.year, value, row.line, row.file)
            continue
        if row.year < plan.baseline_year and row.year not in early and not has_baseline(indicator):
            early.add(row.year)  # a figure before the baseline year: a typed year, often
            collected.warnings.append(_early_warning(plan, row))
        number = value.number
        # each kind's first figure of an indicator named at its row, the rest counted
        if number is not None and in_scientific_notation(value):
            # 1.23457E+11: digits Excel may have dropped
            _first_or_counted(scientific, indicator, row, scientific_warning, collected)
        if number is not None and (number < 0 or number > 100) and not _in_range(indicator, number):
            _first_or_counted(out_of_range, indicator, row, _range_warning, collected)
        elif indicator.id in fraction_ids and looks_like_a_fraction(value):
            # 0.8977 for 89.77 %
            _first_or_counted(fractions, indicator, row, fraction_warning, collected)
        elif indicator.id in floors and looks_out_of_scale(value, floors[indicator.id]):
            # 40000 for 3.96 万张
            _first_or_counted(magnitudes, indicator, row, magnitude_warning, collected)
        earlier = series.get(row.year)
        if earlier is not None and not _same(earlier.value, value):
            if unnamed.lost_name(row):
                continue  # not a second figure: a county's name lost (said below, per row)
            problems.append(reported_twice(indicator, row, earlier))
            if len(problems) >= MAX_PROBLEMS:
                break
            continue
        if earlier is None:  # an equal figure from another file or row merges into the first
            series[row.year] = Observation(row.year, value, row.line, row.file)
            if row.note:
                _figure_note(collected, (row.region, indicator.id), row.year, row.note)
        else:  # equal: merged, and said if it repeats a row of its own file
            if not unnamed.lost_name(row):  # (two counties' rows, their names lost)
                repeated.see(row, earlier)
            if earlier.file == row.file:
                stretch -= 1  # no figure of its own: the report's count of figures says so
    collected.warnings.extend(repeated.warnings())
    if current is not None:
        figures_read[current] = figures_read.get(current, 0) + stretch
    problems.extend(unnamed.problems())
    collected.warnings.extend(unnamed.files_without_regions())
    area = unnamed.merged_into(own)
    if area is not None:
        _own_area_merged(collected, area, plan)
    del problems[MAX_PROBLEMS:]
    if len(problems) >= MAX_PROBLEMS:
        problems.append(
            Problem(problems[-1].location, "check.stopped", "too-many-problems", count=MAX_PROBLEMS)
        )
    collected.years.update(year for series in observations.values() for year in series)
    # the counts of the rest, in the file of the last: scientific notation, out of range,
    # fractions, out of scale
    for counted, rest in ((scientific, "check.more_scientific"),
                          (out_of_range, "check.more_out_of_range"),
                          (fractions, "check.more_fractions"),
                          (magnitudes, "check.more_magnitudes")):  # fmt: skip
        for indicator_id, (count, file) in counted.items():
            if count > 1:
                indicator = plan.indicator(indicator_id)
                collected.warnings.append(more_warning(rest, count - 1, indicator, file))
    return collected


def _first_or_counted(
    counted: dict[str, tuple[int, str]],
    indicator: Indicator,
    row: ActualRow,
    said: Callable[[Indicator, ActualRow], Problem],
    collected: _Collected,
) -> None:
    """A figure of a kind `collect` says once per indicator: the first said at its row, the
    rest counted (with the file of the last) for `more_warning`."""
    seen = counted.get(indicator.id, (0, row.file))[0]
    counted[indicator.id] = (seen + 1, row.file)
    if not seen:
        collected.warnings.append(said(indicator, row))


def more_warning(key: str, count: int, indicator: Indicator, file: str) -> Problem:
    """How many more of an indicator's figures a warning said of its first (in the file of
    the last): its code the first's ("scientific", else "range")."""
    code = "scientific" if key == "check.more_scientific" else "range"
    return Problem(Location(file), key, code, "warning", count=count, name=indicator.name)


def natural_range(indicator: Indicator) -> tuple[float, float]:
    """The range a figure of this indicator can take: a share in % lies in 0–100 (in ‰,
    0–1000), a count, rate or level is not negative; a growth rate may be anything."""
    if any(word in indicator.name for word in SIGNED_WORDS):
        return (-math.inf, math.inf)
    cap = natural_cap(indicator.unit, indicator.name)
    if cap is not None:
        return (0.0, cap)
    if indicator.unit == "‰" and any(word in indicator.name for word in RATE_WORDS):
        return (0.0, 1000.0)
    return (0.0, math.inf)


def _in_range(indicator: Indicator, number: float) -> bool:
    low, high = natural_range(indicator)
    return low <= number <= high


#: A percentage target from which a figure below 1 is far off: such a figure is likely the
#: fraction a spreadsheet stores (0.8977 for 89.77 %), not the percentage the plan means.
FRACTION_TARGET = 10.0


def shares_in_percent(indicator: Indicator) -> bool:
    """Whether a figure in (0, 1] of this indicator looks like a fraction: measured in %, its
    target at least `FRACTION_TARGET` (a 5.5 % cap on unemployment may well see 0.8). A rate
    the plan prints without a unit (基本医疗保险参保率 >96, 养老机构护理型床位占比 55) is in % when
    its target is a percentage's (0.972 was judged against 96 and not met, without a word: a
    new user's trial)."""
    target = indicator.target.value
    if indicator.target.form == "change":
        # 提高2个百分点 of 95.62: the level is the baseline's (0.9530 was measured from and
        # met: a 十五五 trial)
        target = indicator.baseline.value
    if target is None or target < FRACTION_TARGET:
        return False
    if same_unit(indicator.unit, "%"):
        return True
    named_a_rate = any(word in indicator.name for word in RATE_WORDS)
    return not indicator.unit and named_a_rate and target <= 100


#: A figure this many times its indicator's target is in another unit, most likely (40000 for
#: 养老服务床位总量's 3.96 万张 was judged 完成 without a word: a new user's trial).
MAGNITUDE = 1000.0


def magnitude_floor(indicator: Indicator) -> float | None:
    """The least figure `MAGNITUDE` times the indicator's target: where the target is a
    positive number of a count or an amount (not a share, whose range is checked, nor a
    change that may be anything), else None."""
    target = indicator.target.value
    if indicator.target.form != "number" or target is None or target <= 0:
        return None
    if same_unit(indicator.unit, "%") or indicator.unit == "‰" or shares_in_percent(indicator):
        return None
    if any(word in indicator.name for word in SIGNED_WORDS):
        return None
    return MAGNITUDE * target


def looks_out_of_scale(value: Value, floor: float) -> bool:
    """A figure without a unit of its own at least `floor` (`magnitude_floor`)."""
    number = value.number
    return number is not None and number >= floor and value.unit is None


def magnitude_warning(indicator: Indicator, row: ActualRow) -> Problem:
    """A figure over a thousand times its target (40000 张 for 3.96 万张): the first named."""
    return Problem(row.location, "check.magnitude", "range", "warning", value=quoted(row.value.raw),
                   name=indicator.name, target=indicator.target.raw,
                   unit=indicator.unit or "")  # fmt: skip


def scientific_warning(indicator: Indicator, row: ActualRow) -> Problem:
    """A figure like 1.23457E+11 (`in_scientific_notation`): judged as it reads, and said, as
    its last digits may be lost."""
    number = row.value.number or 0.0
    return Problem(row.location, "check.scientific", "scientific", "warning",
                   value=quoted(row.value.raw), name=indicator.name,
                   number=plain(written_out(number)))  # fmt: skip


def _unusable_baseline(indicator: Indicator, value: Value) -> str | None:
    """Why a sheet's 基期值 is no baseline to measure from, as the warning's key: a bound
    (98.5%以上 was measured from as 98.5), or a fraction of a % indicator (0.9870 for
    98.70 %: progress (98.97 − 0.987)/(99 − 0.987) read as 100 % beside 未达标, a trial)."""
    if value.bound is not None:
        return "check.baseline_bound"
    if shares_in_percent(indicator) and looks_like_a_fraction(value):
        return "check.baseline_fraction"
    return None


def looks_like_a_fraction(value: Value) -> bool:
    """A figure in (0, 1] written without a unit (of an indicator `shares_in_percent`): 1.0000
    is 100 % as a fraction (a county whose every rate was one: its 100 % judged 未达标)."""
    number = value.number
    return number is not None and 0 < number <= 1 and value.unit is None


def fraction_warning(indicator: Indicator, row: ActualRow) -> Problem:
    """A figure like 0.8977 of a % indicator (target 90): probably 89.77 % exported as the
    fraction Excel stores, which would be judged as 0.9 %, far behind (a trial's export)."""
    return Problem(row.location, "check.fraction", "range", "warning", value=quoted(row.value.raw),
                   name=indicator.name, target=indicator.target.raw,
                   percent=as_percent(row.value))  # fmt: skip


def as_percent(value: Value) -> str:
    """A fraction's figure as the percentage it likely is (0.911 → 91.1), for the words that
    say how to write it."""
    return f"{(value.number or 0.0) * 100:.10g}"


def _range_warning(indicator: Indicator, row: ActualRow) -> Problem:
    low, high = natural_range(indicator)
    what = (
        plain(f"{low:g}–{high:g}{indicator.unit or ''}")
        if math.isfinite(high)
        else Message("check.not_negative")
    )
    return Problem(
        row.location,
        "check.out_of_range",
        "range",
        "warning",
        value=quoted(row.value.raw),
        name=indicator.name,
        range=what,
        region=region_words(row.region),
        year=row.year,
    )


def region_words(region: str | None) -> Shown | str:
    """A region leading a message, with the comma of the message's language (check's and
    lint's words of one figure read alike)."""
    return Shown(f"{region}, ", f"{region}，") if region else ""


def add_reference(
    references: dict[tuple[str, int, str], tuple[float, str]],
    indicator: Indicator,
    row: ActualRow,
    number: float,
) -> Problem | None:
    """A reference value kept in `references` with the level its region stands for (全省 or
    陕西省: province); two different values for the same level and year are an error (returned,
    the first value kept), not settled by file order. check's and lint's."""
    key = (indicator.id, row.year, reference_level(row.region or ""))
    earlier = references.get(key)
    if earlier is not None and earlier[0] != number:
        return Problem(row.location, "check.two_references", "duplicate", name=indicator.name,
                       year=row.year, first=earlier[0], first_region=earlier[1], second=number,
                       second_region=str(row.region))  # fmt: skip
    references[key] = (number, row.region or "")
    return None


def _sheet_entry(
    collected: _Collected,
    indicator: Indicator,
    entry: SheetEntry,
    reference: bool,
    baseline_year: int | None = None,
    own_area: Collection[str] = (),
) -> Problem | None:
    """Keep a sheet's 基期值 / 原因分析 / 下一步措施 for its (region, indicator). A 基期值
    differing from the plan's printed one is said and not used, but that of a region
    `own_area` does not name (a county) is its own, and kept."""
    if reference:
        return None
    key = (entry.region, indicator.id)
    field_name = entry.field
    if field_name == "baseline":
        value = entry.value
        if value is None or value.missing:
            return None
        years = entry.years
        if baseline_year is not None and years and min(years) < baseline_year:
            # a sheet of the period before (2021–2025 read by a plan from 2025, as `trend`
            # across two periods reads it), or one that holds its years (the 十四五 sheet given
            # a 2026 column): its 基期值 is that period's, compared with this plan's baselines
            # a row at a time (35 warnings), or taken as a county's own 2025 baseline (its
            # 2020 0.21 against 十五五's 3.46: trials' findings). Said once, not used.
            if entry.file not in collected.earlier_sheets:
                collected.earlier_sheets.add(entry.file)
                key = (
                    "check.baseline_earlier_period"
                    if max(years) <= baseline_year
                    else "check.baseline_across_periods"
                )
                collected.warnings.append(Problem(entry.location, key, "baseline", "warning",
                                                  first=min(years), last=max(years),
                                                  year=baseline_year))  # fmt: skip
            return None
        if value.number is None:
            if indicator.target.form not in ("qualitative", "none"):
                collected.warnings.append(
                    Problem(
                        entry.location,
                        "check.baseline_not_number",
                        "baseline",
                        "warning",
                        value=quoted(value.raw),
                        name=indicator.name,
                    )
                )
            return None
        unusable = _unusable_baseline(indicator, value)
        if unusable is not None:  # a bound, a fraction of a %: no figure to start from
            collected.warnings.append(Problem(entry.location, unusable, "baseline", "warning",
                                              value=quoted(value.raw), name=indicator.name,
                                              percent=as_percent(value)))  # fmt: skip
            return None
        printed = indicator.baseline.value
        differs = printed is not None and abs(printed - value.number) > 1e-9 * max(
            1.0, abs(printed)
        )
        county = entry.region is not None and entry.region not in own_area
        if printed is None or (county and differs):
            # a county's 基期值 is its own: the plan prints its area's (`Goal.baseline_for`);
            # the plan's own figure on a county's row is what a template of before filled in
            collected.sheet_baselines[key] = value.number
            collected.explained_at.setdefault(key, entry.location)
        elif differs:
            collected.warnings.append(
                Problem(
                    entry.location,
                    "check.baseline_differs",
                    "baseline",
                    "warning",
                    value=quoted(value.raw),
                    printed=quoted(indicator.baseline.raw),
                    name=indicator.name,
                )
            )
        return None
    text = (entry.text or "").strip()
    if text:
        # several rows or files may explain one indicator: each text once, in reading order
        remarks = collected.remarks.setdefault(key, {})
        collected.explained_at.setdefault(key, entry.location)
        earlier = remarks.get(field_name)
        if earlier is None:
            remarks[field_name] = text
            collected.remark_at[(*key, field_name)] = entry.location
        elif text not in earlier.split("；"):
            remarks[field_name] = f"{earlier}；{text}"
            # two departments (two sheets, two files) explaining one indicator: both kept,
            # and said, so nobody hands in a joined text unread
            first = collected.remark_at[(*key, field_name)]
            collected.warnings.append(Problem(
                entry.location, "check.explanations_joined", "remarks", "warning",
                region=region_words(entry.region), name=indicator.name,
                field=Message(f"actuals.role.{field_name}"), first=plain(str(first)),
            ))  # fmt: skip
    return None


_REFERENCE: dict[int, Observation] = {}  # marks a reference region's rows
#: marks an indicator text of the previous period (dropped or replaced by this plan)
_PREVIOUS_PERIOD: Any = ("previous period",)


def _figure_note(collected: _Collected, key: tuple[str | None, str], year: int, note: str) -> None:
    """A figure's 备注 cell (its source, 含棚户区改造项目, 五年累计…): kept with the result as
    its remark "note", each text once with the years it was given for (2021, 2022: …)."""
    notes = collected.figure_notes.setdefault(key, {})
    notes.setdefault(note.strip(), []).append(year)
    collected.remarks.setdefault(key, {})["note"] = "；".join(
        f"{', '.join(map(str, years))}: {text}" for text, years in notes.items()
    )


def _series_for(
    matcher: IndicatorMatcher,
    plan: Plan,
    row: ActualRow | SheetEntry,
    refs: frozenset[str] | set[str],
    collected: _Collected,
    known: dict,
    unknown: set[str],
) -> tuple[Indicator, dict[int, Observation]] | None:
    """First sight of a (region, indicator text) pair: match it, or report it once."""
    problems, warnings = collected.problems, collected.warnings
    key = (row.region, row.indicator)
    try:
        indicator = matcher.match(row.indicator)
    except AmbiguousName as exc:
        if row.indicator not in unknown:
            unknown.add(row.indicator)
            problems.append(Problem(Location(row.file, row.line, 0), exc.words, "ambiguous"))
        known[key] = None
        return None
    warning = previous_period_warning(plan, matcher, row) if indicator is None else None
    if warning is not None:
        if row.indicator not in unknown:  # said once, however many regions repeat it
            unknown.add(row.indicator)
            warnings.append(warning)
        known[key] = _PREVIOUS_PERIOD
        return _PREVIOUS_PERIOD
    if indicator is None:
        if row.indicator not in unknown:
            unknown.add(row.indicator)  # reported once, however many regions repeat it
            problems.append(unknown_figure(plan, matcher, row))
        known[key] = None
        return None
    mismatch = name_unit_problem(indicator, row.indicator)
    if mismatch is not None:
        if row.indicator not in unknown:
            unknown.add(row.indicator)  # (once, as an unknown name is)
            problems.append(Problem(Location(row.file, row.line, 0), mismatch, "bad-value"))
        known[key] = None
        return None
    found = (row.region, indicator.id)
    series = collected.across_series.setdefault(found, {})
    if row.region in refs:
        known[key] = (indicator, _REFERENCE)  # (its figures are `across_series`' alone)
    else:
        known[key] = (indicator, collected.observations.setdefault(found, series))
    return known[key]


def unknown_indicator(plan: Plan, text: str, where: Location, hint: Message | str = "") -> Problem:
    """The problem of a figure naming no indicator of the plan (with a `hint`: 是否是指 …)."""
    return Problem(where, "check.unknown_indicator", "unknown-indicator", text=quoted(text),
                   plan=plan.id, hint=hint)  # fmt: skip


#: The most regions a message lists (a country has 2,900 counties: one line of 35 KB).
REGIONS_LISTED = 20


def _listed(names: list[str]) -> Shown:
    """Region names for a message: the first `REGIONS_LISTED`, and how many in all."""
    shown = names[:REGIONS_LISTED]
    more = {
        lang: Message("common.in_all", count=len(names)).render(lang)
        if len(names) > len(shown)
        else ""
        for lang in ("en", "zh")
    }
    none = Message("common.none")
    return Shown(
        ", ".join(shown) + more["en"] if shown else none.render("en"),
        "、".join(shown) + more["zh"] if shown else none.render("zh"),
    )


def _no_region(region: str, names: list[str], source: str) -> PsplanError:
    """`--region` naming none of the regions read: the regions (the first `REGIONS_LISTED`,
    and how many in all) and the closest names, as an unknown indicator's are suggested."""
    known = _listed(names)
    # numbers compared as numbers (京1县 is 京001县), then the closest spellings
    keys: dict[str, list[str]] = {}
    for name in names:
        keys.setdefault(_numbers_as_numbers(name), []).append(name)
    typed = _numbers_as_numbers(region)
    close = (
        keys.get(typed)
        or [
            name
            for key in difflib.get_close_matches(typed, list(keys), n=3, cutoff=0.5)
            for name in keys[key]
        ][:3]
    )
    hint = Message("check.did_you_mean", names=" / ".join(close)) if close else ""
    return PsplanError(
        "check.no_region", Location(source), region=quoted(region), regions=known, hint=hint
    )


def _numbers_as_numbers(name: str) -> str:
    return re.sub(r"\d+", lambda digits: str(int(digits.group())), name)


def previous_period_warning(
    plan: Plan, matcher: IndicatorMatcher, row: ActualRow | SheetEntry
) -> Problem | None:
    """A row naming no indicator of a plan that continues another, in the previous period's
    years (or a 基期值 or 原因分析, which have none): an indicator this plan dropped or
    replaced, skipped with this warning; None where the row is in the plan's own years (an
    unknown name, an error) or the plan continues none."""
    if not matcher.continues:
        return None
    if type(row) is not SheetEntry and row.year > plan.baseline_year:
        return None
    by = matcher.replaced.get(normalise_name(row.indicator))
    return Problem(
        Location(row.file, row.line, 0),
        "check.replaced_indicator" if by else "check.previous_period_indicator",
        "previous-period",
        "warning",
        text=quoted(row.indicator),
        by=quoted(by.name if by else ""),
        plan=plan.id,
        year=plan.baseline_year,
    )


def unknown_figure(plan: Plan, matcher: IndicatorMatcher, row: ActualRow) -> Problem:
    """A figure naming no indicator of the plan, at its row, with the closest names."""
    hints = matcher.suggest(row.indicator)
    hint = Message("check.did_you_mean", names=" / ".join(hints)) if hints else ""
    # (a reasons.yaml text names its indicator on the key's line above it)
    line = getattr(row, "name_line", 0) or row.line
    return unknown_indicator(plan, row.indicator, Location(row.file, line, 0), hint)


def reported_twice(indicator: Indicator, row: ActualRow, earlier: Observation) -> Problem:
    """The same (region, indicator, year) given another figure: two departments' files that
    disagree name both places; one file, both lines."""
    elsewhere = earlier.file != row.file
    key = "check.reported_twice_in_files" if elsewhere else "check.reported_twice"
    if elsewhere and _workbook(earlier.file) == _workbook(row.file) is not None:
        key = "check.reported_twice_in_sheets"  # two sheets of one workbook, not two files
    return Problem(
        row.location,
        key + ("_in_region" if row.region else ""),
        "duplicate",
        name=indicator.name,
        region=row.region or "",
        year=row.year,
        first=quoted(earlier.value.raw),
        line=earlier.line,
        file=plain(earlier.file),
        second=quoted(row.value.raw),
    )


def _workbook(name: str) -> str | None:
    """The workbook a sheet's rows come from (`book.xlsx[教育局]` → `book.xlsx`), else None."""
    book, bracket, _ = name.partition("[")
    return book if bracket and name.endswith("]") else None


def _same(a: Value, b: Value) -> bool:
    """Two figures that say the same: `89` and `>89` do not (a trial merged them as one)."""
    return (a.number, a.text, a.running_total, a.bound) == (
        b.number,
        b.text,
        b.running_total,
        b.bound,
    )


def has_baseline(indicator: Indicator) -> bool:
    """Whether the plan prints the indicator's baseline: where it does not, its first figure
    is the baseline, and a figure before the plan's baseline year is said (a 2025 typed 2019
    would become it); where it does, an earlier figure is the previous period's (a 十五五
    draft's series from 2021 was warned of year by year: a trial's finding)."""
    return indicator.baseline.value is not None


def _early_warning(plan: Plan, row: ActualRow) -> Problem:
    """A year before the plan's baseline year, at its first figure: the plan's years are the
    baseline year and the period, and an indicator the plan gives no baseline takes its first
    figure as one, so a 2025 typed 2019 would become that baseline."""
    return Problem(row.location, "check.before_baseline", "early-year", "warning",
                   year=row.year, baseline=plan.baseline_year)  # fmt: skip


def _value_problem(indicator: Indicator, row: ActualRow) -> Message | None:
    value = row.value
    form = indicator.target.form
    if value.missing or form in ("qualitative", "none"):
        return None
    name, shown = indicator.name, quoted(value.raw)
    if value.number is None:
        target = quoted(indicator.target.raw)
        return Message("check.not_a_number", value=shown, name=name, target=target)
    unit = (indicator.unit or "").strip()
    if value.unit and unit and value.unit != unit and not same_unit(value.unit, unit, name):
        return Message(
            "check.unit_mismatch", value=shown, unit=value.unit, name=name, indicator_unit=unit
        )
    if value.running_total and indicator.effective_kind != "cumulative":
        return Message("check.running_total", value=shown, name=name)
    return None


def check(
    plan: Plan,
    rows: Iterable[ActualRow | SheetEntry | Problem],
    *,
    year: int | None = None,
    region: str | None = None,
    references: Mapping[str, float] | None = None,
    reference_regions: Iterable[str] = (),
    source: str = "",
    overrides: Sequence[Override] = (),
    allow_outside_period: bool = False,
    warnings: list[Problem] | None = None,
    strict: bool = False,
    sources: Sequence[str] = (),
    stage: str = "annual",
    indicators: Collection[str] = (),
) -> Assessment:
    """Judge every indicator of `plan` in `year` (default: the year `stage` judges — the
    latest reported for annual monitoring, the period's middle or end year for a mid-term or
    final evaluation, which the assessment also names).

    Warnings (skipped rows, columns, sheets; a sheet baseline the plan overrides; a figure
    outside its natural range) are appended to `warnings` when a list is given: nothing is
    dropped without a word. `strict` makes a figure outside its natural range an error.
    `indicators` (ids): only their results, and only the warnings about them among those
    that name an indicator (`psplan trend --indicator`).
    """
    staged = stage_year(plan, stage)  # refuses an unknown stage before any reading
    with _bulk():
        return _check(
            plan, rows, staged if year is None else year, region, references, reference_regions,
            source, overrides, allow_outside_period, warnings, strict,
            tuple(sources) or ((source,) if source else ()), stage, frozenset(indicators),
        )  # fmt: skip


@contextmanager
def _bulk() -> Iterator[None]:
    """Pause the cyclic garbage collector while millions of small acyclic tuples are made.

    Reading a county-scale file otherwise triggers hundreds of full collections that find
    nothing (it cut `collect` from 0.9 s to 0.3 s on 319,000 rows); reference counting still
    frees everything as usual.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def judged_year_range(plan: Plan) -> tuple[int, int]:
    """The years a plan can be judged in: from its baseline year to its end year."""
    return min(plan.baseline_year, plan.period.start - 1), plan.period.end


def _check(
    plan: Plan,
    rows: Iterable[ActualRow | SheetEntry | Problem],
    year: int | None,
    region: str | None,
    references: Mapping[str, float] | None,
    reference_regions: Iterable[str],
    source: str,
    overrides: Sequence[Override],
    allow_outside_period: bool,
    warnings: list[Problem] | None,
    strict: bool,
    sources: tuple[str, ...],
    stage: str,
    indicators: frozenset[str],
) -> Assessment:
    plan, applied = apply_overrides(plan, list(overrides))
    collected = collect(plan, rows, reference_regions)
    collected.warnings += unseen_reference_regions(reference_regions, collected, source)
    return assess_collected(
        plan, applied, collected, year, region, references, source, allow_outside_period,
        warnings, strict, sources, stage, indicators,
    )  # fmt: skip


class Collected(Protocol):
    """What the assessment asks of the figures, however they were gathered: row by row
    (`_Collected`) or in duckdb (`assess.columnar.ColumnarCollected`)."""

    problems: list[Problem]
    warnings: list[Problem]
    years: set[int]
    figures_read: dict[str, int]
    pledges: list[tuple[Commitment, Indicator]]
    references: dict[tuple[str, int, str], tuple[float, str]]
    sheet_baselines: dict[tuple[str | None, str], float]
    remarks: dict[tuple[str | None, str], dict[str, str]]

    def regions(self) -> list[str | None]: ...

    def empty_regions(self) -> list[str | None]: ...

    def figures_by_year(self) -> dict[int, int]: ...

    def indicators_by_region(self) -> dict[str | None, int]: ...

    def first_figure_of(self, year: int) -> Location | None: ...

    def first_figure_in(self, region: str | None) -> Location | None: ...

    def across(self, plan: Plan) -> list[Problem]: ...

    def series(self, region: str | None, indicator_id: str) -> Sequence[Observation]: ...

    def results(
        self,
        goals: Sequence[tuple[Indicator, Goal]],
        regions: Sequence[str | None],
        year: int,
        references: Mapping[str, float],
        finish: Callable[..., Result],
        as_judged: frozenset[str] = ...,
        own_area: frozenset[str] = ...,
    ) -> Sequence[Result]: ...


def assess_collected(
    plan: Plan,
    applied: Mapping[str, Override],
    collected: Collected,
    year: int | None,
    region: str | None,
    references: Mapping[str, float] | None,
    source: str,
    allow_outside_period: bool,
    warnings: list[Problem] | None,
    strict: bool,
    sources: tuple[str, ...],
    stage: str,
    indicators: frozenset[str] = frozenset(),
) -> Assessment:
    """The assessment of figures collected row by row (`collect`) or by the columnar path
    (`assess.columnar`): both answer the same questions (`_Collected`'s methods), so the
    year judged, the regions, the warnings and every result are decided here once
    (`indicators`: only these, as `check` says)."""
    if strict:
        # Figures outside their natural range are errors, not warnings, under --strict.
        out_of_range = [w for w in collected.warnings if w.code == "range"]
        collected.problems += [
            Problem(w.location, _as_strict(w.words), w.code) for w in out_of_range
        ]
        collected.warnings = [w for w in collected.warnings if w.code != "range"]
    start = len(warnings) if warnings is not None else 0
    if warnings is not None:
        warnings.extend(summarise_skipped(collected.warnings))
    if collected.problems:
        raise ActualsError(collected.problems)
    # what `psplan lint` finds across years and regions, as warnings, in their place after
    # the reading's: asked for last, as the columnar path finds them beside the judging
    asked: list[str] = []  # the region asked for: only its jumps and outliers are said
    with _across_in_place(collected, plan, warnings, asked, region is not None, indicators):
        given_year = year is not None
        if year is None:
            if not collected.years:
                raise PsplanError("check.no_figures", Location(source))
            year = max(collected.years)
        first, last = judged_year_range(plan)
        outside = not first <= year <= last
        if warnings is not None:
            by_year = collected.figures_by_year()  # (a pass over the figures: once)
            if not given_year and (allow_outside_period or not outside):
                # (a stray 2062 is refused below: "judged in 2062" first contradicted it)
                warnings.extend(_sparse_latest_year(by_year, year, source, collected))
            warnings.extend(_after_period(by_year, plan, year, source, collected))
        if outside and not allow_outside_period:
            raise PsplanError(
                "check.year_outside_period" if given_year else "check.latest_year_outside_period",
                # the option's fault, or the file's: at the year's first figure (a stray 2026
                # row among 2021–2025 named no line)
                Location("--year")
                if given_year
                else collected.first_figure_of(year) or Location(source),
                year=year,
                start=plan.period.start,
                end=last,
                baseline=plan.baseline_year,
            )
        if warnings is not None and given_year and by_year and min(by_year) > year:
            # --year 2020 on figures of 2021–2025: every indicator no data
            warnings.append(Problem(Location("--year"), "check.nothing_up_to_year", "year",
                                    "warning", year=year, first=min(by_year),
                                    last=max(by_year)))  # fmt: skip
        regions = collected.regions() or [None]
        # (a reference region's row with a — cell is a reference value not given, not a
        # region without figures: "安徽省 has no figures" beside its 10.8 used, a trial)
        referring = reference_region_names(plan) | {r for _, r in collected.references.values()}
        empty = [str(r) for r in collected.empty_regions() if r and r not in referring]
        if empty and warnings is not None:  # a county of dashes is not dropped without a word
            warnings.append(Problem(Location(source), "check.empty_regions", "no-figures",
                                    "warning", count=len(empty),
                                    names=_listed(empty)))  # fmt: skip
        _place_explanations(plan, collected, regions, warnings)
        if warnings is not None and isinstance(collected, _Collected):  # (sheets: by rows)
            warnings.extend(baselines_against_figures(plan, collected.sheet_baselines,
                                                      collected.observations,
                                                      collected.explained_at))  # fmt: skip
        if warnings is not None:
            in_line_order(warnings, start)
            warnings.extend(one_region_twice(regions, source))
            apart = apart_from_regions(plan)
            warnings.extend(thinly_reported(collected.indicators_by_region(), apart, source,
                                            collected.first_figure_in))  # fmt: skip
        if collected.years and max(collected.years) < year and warnings is not None:
            # judged in a year the figures do not reach (an evaluation's, or --year): each
            # is measured against that year's share of the time, from an earlier figure
            key = "check.stage_beyond_figures" if stage != "annual" else "check.year_beyond_figures"
            warnings.append(Problem(Location(source), key, "stage", "warning", year=year,
                                    latest=max(collected.years)))  # fmt: skip
        if region is not None:
            region = region_name(region) or ""  # as region cells are read ("京００１县 ")
            own = own_area_names(plan)
            if region not in regions and region in own:
                # the plan's area by another of its names (全市 for a file's 安康市): the rows
                # are read as one area, so is the region asked for (a trial's finding)
                region = next((r for r in regions if r in own), region)
            if region not in regions:
                if region in empty:  # there, but only dashes
                    raise PsplanError("check.region_without_figures", Location(source),
                                      region=quoted(region))  # fmt: skip
                if region in referring:
                    # 安徽省's rows are there, as reference values: "no figures" misled
                    raise PsplanError("check.region_is_reference", Location(source),
                                      region=quoted(region),
                                      regions=_listed([str(r) for r in regions if r]))  # fmt: skip
                raise _no_region(region, [str(r) for r in regions if r], source)
            regions = [region]
            asked.append(region)
        references = dict(references or {})
        goals = [(indicator, goal_of(plan, indicator)) for indicator in plan.indicators]
        remarks = collected.remarks
        period = {"year": year, "start": plan.period.start, "end": plan.period.end}
        not_counties = apart_from_regions(plan)

        def finish(
            place: str | None,
            indicator: Indicator,
            goal: Goal,
            observations: Sequence[Observation],
            verdict: Verdict,
        ) -> Result:
            """The result of a verdict, with what this check adds to its reasons."""
            override = applied.get(indicator.id)
            if override is not None:
                worded = {f"change_{lang}": override.worded(lang) for lang in ("zh", "en")}
                reason = ("override", {**worded, "why": override.reason})
                verdict = verdict._replace(reasons=(*verdict.reasons, reason))
            if outside:
                verdict = verdict._replace(reasons=(*verdict.reasons, ("outside_period", period)))
            if (
                goal.area_total
                and place
                and place not in not_counties
                and verdict.status not in ("no_data", "needs_review")
            ):
                # a county's figure against the whole area's total: said with the result, in
                # every format and report, not on stderr alone (trial 18)
                verdict = verdict._replace(reasons=(*verdict.reasons, ("area_total_here", {})))
            return Result(indicator, verdict, place, goal, observations, year,
                          remarks.get((place, indicator.id), NO_REMARKS),
                          override.reason if override else None)  # fmt: skip

        # the results `finish` leaves as judged (their JSON may be written by duckdb)
        as_judged = (
            frozenset()
            if outside
            else frozenset(indicator.id for indicator, _ in goals if indicator.id not in applied)
        )
        results = collected.results(goals, regions, year, references, finish, as_judged,
                                    own_area_names(plan))  # fmt: skip
        # the commitments the figures name, judged apart from the main table
        pledged = []
        for place in regions:
            for commitment, judged_as in collected.pledges:
                observations = collected.series(place, commitment.id)
                if not observations:
                    continue
                goal = commitment_goal(plan, commitment, judged_as, year)
                verdict = judge(goal, observations, year)
                pledged.append(Result(judged_as, verdict, place, goal, observations, year))
        report = Assessment(
            plan,
            year,
            results,
            source,
            outside,
            own_area_names(plan),
            _sheets_of(sources, collected.figures_read),
            stage,  # type: ignore[arg-type]  # checked by stage_year
            dict(collected.figures_read),
            # a final evaluation sets the period beside the previous one (its completion table)
            check_previous(plan) if stage == "final" and plan.previous_plan else None,
            pledged,
            max(collected.years) if collected.years else None,
        )
        if indicators:
            report = report.with_results(r for r in report.results if r.indicator.id in indicators)
        if warnings is not None:
            warnings.extend(totals_judged_by_region(report, source))
        return report


@contextmanager
def _across_in_place(
    collected: Collected,
    plan: Plan,
    warnings: list[Problem] | None,
    asked: list[str],
    one_region: bool = False,
    indicators: frozenset[str] = frozenset(),
) -> Iterator[None]:
    """Put `collected.across(plan)` where the warnings stand now, once the block is done
    (also when it raises: the per-row path had them before any error of judging). With a
    region `asked` for by then, only the findings at its own figures: the other counties'
    jumps and outliers are not what `--region` asks about (they are computed among all).
    A region asked for (`one_region`) and not found by then has none: `--region 汉滨`
    printed the other counties' outliers before saying it names no region (汉滨区?). With
    `indicators`, only the findings about them."""
    at = len(warnings) if warnings is not None else 0
    try:
        yield
    finally:
        if warnings is not None:
            found = collected.across(plan) if asked or not one_region else []
            if asked:
                rows = {
                    (figure.file, figure.line)
                    for indicator in plan.indicators
                    for figure in collected.series(asked[0], indicator.id)
                }
                found = [p for p in found if (p.location.file, p.location.line) in rows]
            if indicators:  # (each finding names its indicator)
                names = {i.name for i in plan.indicators if i.id in indicators}
                found = [p for p in found if p.words.args.get("name") in names]
            warnings[at:at] = found


def judged(
    indicator: Indicator,
    goal: Goal,
    observations: Sequence[Observation],
    year: int,
    given: Mapping[str, float],
    from_rows: Mapping[tuple[str, int, str], tuple[float, str]],
    sheet_baseline: float | None = None,
    own_area: bool = True,
) -> Verdict:
    """One (region, indicator) judged from its observations: a relative target with the
    reference value given (--reference) or read from a reference region's rows; a region
    within the plan's area (`own_area` False) from a baseline of its own."""
    found = (
        _reference(indicator, given, from_rows, observations, year)
        if indicator.target.form == "relative"
        else None
    )
    verdict = judge(goal, observations, year, found[0] if found else None, sheet_baseline, own_area)
    return _with_reference_source(verdict, found[1]) if found else verdict


def _as_strict(words: Message) -> Message:
    """A warning's words as the error --strict makes of it (without "--strict makes this an
    error", which it has just done)."""
    if words.key == "check.out_of_range":
        return Message("check.out_of_range_strict", **words.args)
    return words


def unseen_reference_regions(
    given: Iterable[str], collected: Collected, source: str
) -> list[Problem]:
    """A --reference-region no row of the files gives a figure for (misspelt, or the
    province's row left out): said, as its relative targets then have no reference."""
    seen = {region for _, region in collected.references.values()}
    names = dict.fromkeys(region_name(name) or name for name in given)
    return [
        Problem(Location(source), "check.reference_region_unseen", "reference", "warning",
                region=quoted(name))
        for name in names
        if name not in seen
    ]  # fmt: skip


def known_references(plan: Plan, ids: Iterable[str], warnings: list[Problem] | None) -> None:
    """The indicator ids reference values are given for (--reference): one the plan does not
    have is an error (a misspelt id was passed over without a word, and its indicator then
    asked for the very reference it had been given); one whose target is not relative is
    said, as its value is not used."""
    by_id = {indicator.id: indicator for indicator in plan.indicators}
    for key in ids:
        indicator = by_id.get(key)
        if indicator is None:
            relative = [i.id for i in plan.indicators if i.target.form == "relative"]
            raise PsplanError("check.unknown_reference", key=quoted(key), plan=plan.id,
                              ids=" / ".join(relative) or "—")  # fmt: skip
        if indicator.target.form != "relative" and warnings is not None:
            warnings.append(Problem(Location("--reference"), "check.reference_not_relative",
                                    "reference", "warning", key=quoted(key),
                                    target=quoted(indicator.target.raw)))  # fmt: skip


def _place_explanations(
    plan: Plan, collected: _Collected, regions: list[str | None], warnings: list[Problem] | None
) -> None:
    """Explanations (原因分析, 下一步措施, 基期值) given without a region belong to the plan's
    own area when the figures name it (全市) — or to the one region there is; those of a
    region without figures, or without a region where the figures are only the counties',
    are used nowhere, and said so, each at the row or line that gave it."""
    places = collected.explained_at
    if None not in regions:
        names = own_area_names(plan)
        own = [r for r in regions if r in names] or (regions if len(regions) == 1 else [])
        for table, code in (
            (collected.remarks, "check.explanations_without_area"),
            (collected.sheet_baselines, "check.baseline_without_area"),
        ):
            for key in [k for k in table if k[0] is None]:
                if own:
                    table.setdefault((own[0], key[1]), table[key])  # type: ignore[index]
                elif warnings is not None:
                    name = plan.indicator(key[1]).name
                    warnings.append(Problem(places.get(key, Location("")), code, "remarks",
                                            "warning", name=quoted(name)))  # fmt: skip
                del table[key]  # type: ignore[arg-type]
    if warnings is None:
        return
    present = set(regions)
    unused = [key for key in collected.remarks if key[0] not in present]
    at = {key: places.get(key, Location("")) for key in unused}
    for key in sorted(unused, key=lambda k: (at[k].file, at[k].line, at[k].column, str(k))):
        warnings.append(Problem(at[key], "check.explanations_without_figures", "remarks",
                                "warning", region=quoted(str(key[0])),
                                name=plan.indicator(key[1]).name))  # fmt: skip


def baselines_against_figures(
    plan: Plan,
    sheet_baselines: Mapping[tuple[str | None, str], float],
    series: Mapping[tuple[str | None, str], Mapping[int, Observation]],
    given_at: Mapping[tuple[str | None, str], Location],
) -> list[Problem]:
    """A sheet's 基期值 and a figure for the baseline year that differ (灵璧县 98.2 and its
    2020 figure 98.1): the 基期值 is used, and said, at its cell (it won without a word:
    a trial). check's and lint's."""
    found = []
    for key, value in sheet_baselines.items():
        indicator = plan.indicator(key[1])
        year = indicator.baseline_year or plan.baseline_year
        figure = series.get(key, {}).get(year)
        if figure is None or not figure.value.exact or figure.value.running_total:
            continue
        number = figure.value.number
        assert number is not None
        if abs(number - value) > 1e-9 * max(1.0, abs(value)):
            found.append(Problem(given_at.get(key, Location("")),
                                 "check.baseline_against_figure", "baseline", "warning",
                                 name=indicator.name, region=region_words(key[0]),
                                 value=f"{value:g}", year=year, figure=quoted(figure.value.raw),
                                 at=str(Location(figure.file, figure.line))))  # fmt: skip
    return found


def _sheets_of(sources: tuple[str, ...], figures_read: Mapping[str, int]) -> tuple[str, ...]:
    """Every file given, each replaced by its sheets where several of a workbook's sheets
    were read (`book.xlsx[sheet]`): a file that gave no figure is listed all the same."""
    if not sources:  # rows given without their files: the files the rows name
        return tuple(figures_read)
    listed: list[str] = []
    for source in sources:
        sheets = [read for read in figures_read if read.startswith(source + "[")]
        listed.extend(sheets or [source])
    return tuple(dict.fromkeys(listed))


def _reference(
    indicator: Indicator,
    given: Mapping[str, float],
    from_rows: Mapping[tuple[str, int, str], tuple[float, str]],
    observations: Iterable[Observation],
    year: int,
) -> tuple[float, tuple[int, str] | None] | None:
    """The reference value of a relative target and where it came from: the (year, region)
    of a reference row, or None when --reference gave it.

    From --reference, else from rows of the level the target names (达到全省平均水平: 全省 or
    the province's name) or of a region named with --reference-region, for the year of the
    figure judged (else the latest year before it).
    """
    if indicator.target.form != "relative":
        return None
    if indicator.id in given:
        return given[indicator.id], None
    level = TARGET_LEVELS.get(indicator.target.reference or "", "")
    years: dict[int, tuple[float, str]] = {}
    # A region the user named (--reference-region) comes before the level's own names.
    for wanted_level in ("given", level):
        for (i, y, lvl), found in from_rows.items():
            if i == indicator.id and y <= year and lvl == wanted_level and y not in years:
                years[y] = found
    if not years:
        return None
    reported = [o.year for o in observations if o.year <= year and not o.value.missing]
    wanted = max(reported) if reported else year
    earlier = [y for y in years if y <= wanted]
    chosen = wanted if wanted in years else (max(earlier) if earlier else min(years))
    value, region = years[chosen]
    return value, (chosen, region)


def _with_reference_source(verdict: Verdict, source: tuple[int, str] | None) -> Verdict:
    """Name where the reference value came from in its reason: a row (参照值 10.2（2022年全省）)
    or --reference."""
    if source is None:
        replaced = ("reference_given", {})
    else:
        replaced = ("reference_from", {"year": source[0], "region": source[1]})
    reasons = tuple(
        (replaced[0], {**args, **replaced[1]}) if code == "reference" else (code, args)
        for code, args in verdict.reasons
    )
    return verdict._replace(reasons=reasons)


def _after_period(
    counts: Mapping[int, int], plan: Plan, year: int, source: str, collected: Collected
) -> list[Problem]:
    """A warning for figures of years after the period's end, when the year judged is not
    one of them (a final evaluation of 2025 beside a 2026 row): they count in no result.
    `counts`: the figures by year (`Collected.figures_by_year`). Said at the first of them
    (it named every file read, the one with the 2026 row among them)."""
    end = max(plan.period.end, year)
    late = sorted(y for y in counts if y > end)
    if not late:
        return []
    where = collected.first_figure_of(late[0]) or Location(source)
    return [Problem(where, "check.after_period", "late-year", "warning",
                   years=f"{late[0]}–{late[-1]}" if len(late) > 1 else late[0], end=plan.period.end,
                   count=sum(counts[y] for y in late), year=year)]  # fmt: skip


def in_line_order(warnings: list[Problem], start: int = 0) -> None:
    """The warnings of reasons files (YAML) from `start` on, put in their files' line order
    in the places they hold: one said while reading (安康市 for 全市 at line 17) came before
    those said once every file was read (lines 2, 6, 10: trial 10, D14)."""
    slots = [i for i in range(start, len(warnings))
             if warnings[i].location.line and _is_yaml(warnings[i].location.file)]  # fmt: skip
    if len(slots) < 2:
        return
    files = {warnings[i].location.file: None for i in slots}
    order = {file: at for at, file in enumerate(files)}

    def place(warning: Problem) -> tuple[int, int, int]:
        where = warning.location
        return order[where.file], where.line, where.column

    ordered = sorted((warnings[i] for i in slots), key=place)
    for i, warning in zip(slots, ordered, strict=True):
        warnings[i] = warning


def _is_yaml(file: str) -> bool:
    return file.lower().endswith((".yaml", ".yml"))


def one_region_twice(regions: Sequence[str | None], source: str) -> list[Problem]:
    """One warning naming the regions that look like one county spelled two ways: with and
    without its 县/区/市/旗 (京001 and 京001县), a county made a city (旬阳县 and 旬阳市), the
    city before its name (安康市汉滨区 and 汉滨区). Two departments spelling a county
    differently made it two regions, each missing what the other gave, without a word. Said,
    not merged: 城区 and 城 may be two places. 朝阳区 and 朝阳县 are two (in two provinces)."""
    given = list(dict.fromkeys(region for region in regions if region))
    present = set(given)
    by_stem: dict[str, list[str]] = {}
    for region in given:
        stem = _county_stem(region)
        if stem.endswith(("区", "旗")) and stem[:-1] in present:  # 汉台 and 汉台区
            stem = stem[:-1]
        by_stem.setdefault(stem, []).append(region)
    # each pair the shorter spelling first (京001/京001县, 汉滨区/安康市汉滨区)
    pairs = ["/".join(sorted(names, key=len)) for names in by_stem.values() if len(names) > 1]
    if not pairs:
        return []
    return [Problem(Location(source), "check.region_twice", "region", "warning",
                    count=len(pairs), pairs=_listed(pairs))]  # fmt: skip


#: Where a city's name ends before a county's (安康市汉滨区, 恩施土家族苗族自治州来凤县).
_CITY_BEFORE = re.compile(r"^.{2,}?(?:市|自治州|州|地区|盟)(?=.{2,}$)")


#: A region is thinly reported with figures for this share or less of the indicators most
#: regions have figures for (1 of 64, up to 16), where most have at least `THIN_USUAL_LEAST`.
THIN_SHARE = 0.25
THIN_USUAL_LEAST = 4


def first_read(seen: Iterable[Observation], files: Sequence[str]) -> Location | None:
    """Where the first of `seen` was read, the files in the order `files` gives them."""
    order = {file: k for k, file in enumerate(files)}
    first = min(seen, key=lambda o: (order.get(o.file, len(order)), o.line), default=None)
    return None if first is None else Location(first.file, first.line)


def first_figure_in(
    series: Mapping[tuple[str | None, str], Mapping[int, Observation]],
    region: str | None,
    files: Sequence[str],
) -> Location | None:
    """Where the first figure of `region` in `series` was read (`first_read`)."""
    seen = [o for (place, _), known in series.items() if place == region
            for o in known.values()]  # fmt: skip
    return first_read(seen, files)


def thinly_reported(
    counts: Mapping[str | None, int],
    apart: frozenset[str],
    source: str,
    first_in: Callable[[str], Location | None] | None = None,
) -> list[Problem]:
    """One warning naming the regions with figures for far fewer indicators than the others
    (`counts`: each region's indicators with a figure; `apart`: the plan's own area and the
    levels above it, which are no such region), each with its count and the name it may have
    meant. A county mistyped in one row (汉滨县 for 汉滨区, 镇平县 for 镇坪县) became a region
    of its own with one figure, and took it from the county, without a word: the spellings
    `one_region_twice` knows did not cover it (a new user's trial)."""
    named = {region: n for region, n in counts.items() if region and region not in apart}
    if len(named) < 3:
        return []
    usual = sorted(named.values())[(len(named) - 1) // 2]  # the median (the lower of two)
    if usual < THIN_USUAL_LEAST:
        return []
    thin = [region for region, n in named.items() if n <= usual * THIN_SHARE]
    if not thin:
        return []
    full = [region for region in named if region not in thin]
    entries = []
    for region in thin[:REGIONS_LISTED]:
        close = _meant(region, full)
        args = {"region": quoted(region), "count": named[region]}
        entries.append(
            Message("check.thin_region.meant", **args, meant=quoted(close))
            if close
            else Message("check.thin_region", **args)
        )
    more = len(thin) - len(entries)
    shown = Shown(
        *(
            ("; " if lang == "en" else "；").join(entry.render(lang) for entry in entries)
            + (Message("common.in_all", count=len(thin)).render(lang) if more else "")
            for lang in ("en", "zh")
        )
    )
    # at the first thin region's first figure (`first_in`): the files' list and no row
    # left a province's analyst to search for it (a trial's finding)
    where = (first_in(thin[0]) if first_in else None) or Location(source)
    return [Problem(where, "check.thin_regions", "region", "warning",
                    count=len(thin), regions=shown, usual=usual)]  # fmt: skip


def totals_judged_by_region(report: Assessment, source: str) -> list[Problem]:
    """One warning naming the indicators whose targets are totals of the plan's whole area
    (`counts_the_whole_area`: 高等级客运站数量 12个) judged against the figures of its
    regions: every county measured against the city's 12 stations was not met, without a
    word (a new user's trial), and one county's file too (勉县's 9.66 of 10万人 rated on
    track). Said, not changed: the results are there to read."""
    judged = area_totals_judged(report)
    if not judged:
        return []
    shown = [f"{i.name} {i.target.raw}{'' if i.target.form == 'change' else i.unit or ''}"
             for i in judged]  # (年均增长5%, not 年均增长5%万张)  # fmt: skip
    area = OWN_AREA_WORDS[report.plan.level][0]
    return [Problem(Location(source), "check.area_totals", "area-total", "warning",
                    count=len(shown), area=plain(area), names=_listed(shown))]  # fmt: skip


def area_totals_judged(report: Assessment) -> list[Indicator]:
    """The indicators, in the plan's order, whose targets are totals of the plan's whole
    area and were judged for one or more of its regions (`totals_judged_by_region`)."""
    plan = report.plan
    totals = {indicator.id for indicator in plan.indicators if counts_the_whole_area(indicator)}
    if not totals:
        return []
    from psplan.assess.regions import rows_by_indicator

    apart = apart_from_regions(plan)
    columns = report.columns
    if not any(region and region not in apart for region in report.regions):
        return []  # (one county is judged against the city's 12 stations as much as two)
    statuses = columns.statuses
    judged: set[str] = set()
    # each indicator's results outside the plan's own area (a slice of a regular layout)
    for rows, indicator in rows_by_indicator(columns, apart):
        if indicator.id in totals:
            seen = statuses[rows] if isinstance(rows, slice) else [statuses[i] for i in rows]
            if any(status != "no_data" for status in seen):
                judged.add(indicator.id)
    return [indicator for indicator in plan.indicators if indicator.id in judged]


def _meant(region: str, names: Sequence[str]) -> str | None:
    """The region `region` most likely misspells: one of the same stem (汉滨县 and 汉滨区),
    else the closest spelling, if close (镇平县 and 镇坪县), else None."""
    stem = _county_stem(region).rstrip("".join(COUNTY_ENDS))
    same = [name for name in names if _county_stem(name).rstrip("".join(COUNTY_ENDS)) == stem]
    if same:
        return same[0]
    close = difflib.get_close_matches(region, list(names), n=1, cutoff=0.6)
    return close[0] if close else None


def _county_stem(region: str) -> str:
    """What two spellings of one county share: the name without the city before it (安康市汉滨区
    → 汉滨区), and without its 县/区/市/旗 where the bare name is a spelling of it (京001县 →
    京001, as 京001 is written) or the end is 县 or 市, which a county made a city changes
    (旬阳县, 旬阳市 → 旬阳). A 区 or 旗 stays where the name has its own end already (朝阳区
    is not 朝阳县); a name of two characters keeps its end (城区)."""
    local = region
    found = _CITY_BEFORE.match(region)
    if found and region[found.end() :].endswith(COUNTY_ENDS):
        local = region[found.end() :]
    if len(local) > 2 and local.endswith(("县", "市")):
        return local[:-1]
    return local


#: The latest year is judged by default; with figures for fewer than this share of the
#: series the year before has, it is said (one county's early figure judged every county).
SPARSE_LATEST_YEAR = 0.5


def _sparse_latest_year(
    counts: Mapping[int, int], year: int, source: str, collected: Collected
) -> list[Problem]:
    """A warning when the latest year, judged by default, has few figures against the year
    before: the others are judged in it on their earlier figures (at the end of the period:
    behind becomes not met), which `--year` would not. `counts` as for `_after_period`. Said
    at the year's first figure (one stray row is most often the cause)."""
    before = max((y for y in counts if y < year), default=None)
    if before is None or counts.get(year, 0) >= SPARSE_LATEST_YEAR * counts[before]:
        return []
    where = collected.first_figure_of(year) or Location(source)
    return [Problem(where, "check.sparse_latest_year", "year", "warning",
                    year=year, count=counts.get(year, 0), before=before,
                    before_count=counts[before])]  # fmt: skip


def check_previous(plan: Plan) -> Report:
    """Judge the previous plan's completion table: its printed results against its targets."""
    previous = plan.previous_plan
    if previous is None:
        raise PsplanError("check.no_previous_plan", plan=plan.id)
    results = []
    for row in previous.indicators:
        goal = goal_of(plan, row, previous=True)
        value = _previous_value(row)
        year = row.actual_year or previous.period.end
        observed = (Observation(year, value),) if value else ()
        verdict = _printed(judge(goal, observed, previous.period.end))
        results.append(
            Result(
                _as_indicator(row), verdict, None, goal, observed, previous.period.end, printed=True
            )
        )
    return Report(plan, previous.period.end, results, "previous_plan")


def _printed(verdict: Verdict) -> Verdict:
    """A completion table's bound (>99.9) is what the plan prints, not what was reported."""
    reasons = verdict.reasons
    if reasons and reasons[0][0] == "bound_reported":
        return verdict._replace(reasons=(("bound_printed", reasons[0][1]), *reasons[1:]))
    return verdict


def _previous_value(row: PreviousIndicator) -> Value | None:
    actual = row.actual
    if actual.form == "none":
        return None
    if actual.form == "number":
        # A printed comparator on a result (">99.9") is a bound, as a reported one is: judged
        # where it decides, shown as printed
        printed = actual.raw.lstrip().startswith(("<", ">", "≤", "≥"))
        bound = parse_value(actual.raw).bound if printed else None
        return Value(raw=actual.raw, number=actual.value, unit=actual.unit,
                     running_total=actual.cumulative, bound=bound)  # fmt: skip
    return Value(raw=actual.raw, text=actual.text)


def _as_indicator(row: PreviousIndicator) -> Indicator:
    return Indicator(
        id=row.id,
        domain=row.domain or "",
        name=row.name,
        unit=row.unit,
        baseline=row.baseline,
        baseline_year=row.baseline_year,
        target=row.target,
        # No attribute printed (十三五 tables mostly print none): judged as not binding, shown as —.
        attribute=row.attribute or "expected",
        attribute_printed=None if row.attribute else "—",
        kind=row.effective_kind,
        direction=row.direction,
        notes=row.notes,
        notes_zh=row.notes_zh,  # (a Chinese report printed the English ones: a trial's finding)
    )
