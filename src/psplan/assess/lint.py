"""Data-quality checks of reported figures across regions and years (`psplan lint`).

What plan monitoring needs of the checks DHIS2's validation rules and frictionless offer, on
the figures `check` would judge, each finding naming the file, row and rule:

- `jump`: a figure that moves from one year to the next by more than the plan could mean —
  beyond `jump_steps` times the plan's own yearly step (|target − baseline| / years) and
  beyond `jump_share` of the previous figure, of a rate at most of 33⅓ points (`jump_room`:
  98.25 → 88.35 is a jump) (both must hold: 巩固率 95 → 96 is no jump,
  托位数 0.9 → 4.6 over five years moves a lot each year). Level indicators only: the yearly
  amounts of a five-year total vary by nature;
- `range`: outside the indicator's natural range (a share above 100 %: but a gross enrolment
  ratio, 毛入学率, may pass 100 %, e.g. 101.26 %; a count below zero);
- `scientific`: a figure written as `1.23457E+11`, as Excel shows and saves a number too long
  for a General cell (six significant digits: the rest may be lost);
- `outlier`: a region far from the others in the same year — a modified z-score
  (0.6745 × (x − median) / MAD, Iglewicz and Hoaglin) beyond `outlier_z`, among at least
  `outlier_regions` regions, the MAD taken as at least `outlier_floor` of the median (a few
  regions may happen to lie close); with a MAD of zero (all at 0) none is computed. The plan's
  own area (全市) and the levels above (全省) are not among the regions: a total or an average
  of them is not one of them;
- `duplicate`: the same (indicator, region, year) given twice with different values (an
  error, as `check` has it);
- `missing`: the completeness matrix — every indicator a region gives a row, for every region
  and year from the first to the last the files have within the plan's baseline year and
  period (a year no row gives among them too, and a year given only dashes where any figure
  is given), that has none (an
  indicator only the plan's own area reports, a city department's, is asked of no county; a
  reference region, 全省, is no region of the matrix, and its figure of an indicator no
  region reports asks none for one: check keeps its rows apart); a year outside
  them is one finding (`outside_years`) at its first figure, not a missing cell for every
  region that has none. A cell the verdict does not read is not asked for (`asked_from`): a
  five-year total's or a yearly average's before the period, a total's before its last
  running total `[x]`, a level's baseline year where the sheet gives its 基期值.

A figure `check` cannot judge — not a number where the target is one, in another unit, a
`[ ]` running total of a yearly indicator — is the error `check` gives (`bad-value`).

Pure: rows in, findings out (`Problem`s: warnings, and the errors `check` would stop at).
Qualitative figures (应保尽保, 是) are only checked for duplicates and completeness.
"""

from __future__ import annotations

import math
import statistics
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

from psplan.actuals.read import ActualRow, SheetEntry, summarise_skipped
from psplan.actuals.values import in_scientific_notation, written_out
from psplan.assess.areas import apart_from_regions, reference_region_names
from psplan.assess.check import (
    AmbiguousName,
    IndicatorMatcher,
    OneOwnArea,
    RepeatedRows,
    UnnamedRows,
    _Collected,
    _place_explanations,
    _same,
    _sheet_entry,
    _value_problem,
    add_reference,
    as_percent,
    baselines_against_figures,
    first_figure_in,
    goal_of,
    in_line_order,
    looks_like_a_fraction,
    looks_out_of_scale,
    magnitude_floor,
    name_unit_problem,
    natural_range,
    one_region_twice,
    previous_period_warning,
    region_words,
    renamed,
    reported_twice,
    series_merged,
    shares_in_percent,
    thinly_reported,
    unit_cell_problem,
    unknown_figure,
)
from psplan.assess.evaluate import Observation
from psplan.errors import Location, Problem, Shown, plain, quoted
from psplan.plan.model import Indicator, Plan
from psplan.plan.targets import change_target


@dataclass(frozen=True)
class Thresholds:
    """When a figure is a finding (each one configurable on the command line)."""

    jump_steps: float = 3.0  # times the plan's yearly step
    jump_share: float = 0.2  # of the previous figure
    outlier_z: float = 3.5  # modified z-score
    outlier_regions: int = 5  # fewest regions an outlier is looked for among
    #: the spread (MAD) taken as at least this share of the median: among a few regions
    #: whose figures happen to lie close, a figure 4 % off is not an outlier
    outlier_floor: float = 0.02
    #: every main indicator of the plan expected (the whole collection, not a department's
    #: file): those no row gives are named (`unreported`)
    all_indicators: bool = False


def lint(
    plan: Plan,
    rows: Iterable[ActualRow | SheetEntry | Problem],
    thresholds: Thresholds,
    sources: Sequence[str] = (),
) -> list[Problem]:
    """Every finding of the rules (see the module) on the figures, in the order of the rules,
    then of the file. Problems of reading (bad rows) come first, as they are; files (named
    by `sources`) without one figure are check's error.

    A region or an indicator given rows whose every cell is empty or a dash has each of
    those cells missing (a county typed but not filled in is not left out in silence)."""
    matcher = IndicatorMatcher(plan)
    findings: list[Problem] = []
    series: dict[tuple[str | None, str], dict[int, Observation]] = {}
    indicators: dict[str, Indicator] = {}
    # the matrix's: those a region gives a row (a reference value of 全省 asks no county)
    matrix: dict[str, Indicator] = {}
    regions: dict[str | None, None] = {}
    years: set[int] = set()  # within the plan's baseline year and period
    dashed_years: set[int] = set()  # the years of cells given as a dash, within them too
    first, last = plan_years(plan)
    outside: dict[int, list] = {}  # a year outside them → [its first figure, how many]
    given: set[tuple[str | None, str, int]] = set()  # cells given a value check refuses
    unknown: set[str] = set()
    dropped: set[str] = set()  # of the previous period: indicators this plan dropped
    #: (region, indicator id, year) → the file and line of its first cell written as a dash
    dashes: dict[tuple[str | None, str, int], tuple[str, int]] = {}
    # where a missing cell is said (`_missing`): a series' first row, an indicator's first
    # figure, the first figure of all
    first_rows: dict[tuple[str | None, str], str] = {}
    indicator_files: dict[str, str] = {}
    first_file = ""
    references = reference_region_names(plan)
    reference_values: dict[tuple[str, int, str], tuple[float, str]] = {}
    unnamed = UnnamedRows()
    repeated = RepeatedRows()
    own = OneOwnArea(plan)
    units_said: set[tuple[str, str]] = set()
    # a sheet's 基期值 / 原因分析 / 下一步措施 (or reasons.yaml), kept as check keeps them: what
    # check will not use is said, as check says it
    explained = _Collected()
    for row in rows:
        if type(row) is Problem:
            findings.append(row)
            continue
        if type(row) is not ActualRow and type(row) is not SheetEntry:
            continue
        if row.region in own.names and row.region != own.first:
            row = own.read(row, findings)  # 全市 and 安康市 are one area, as in check
        if type(row) is ActualRow:
            unnamed.see(row)
        try:
            indicator = matcher.match(row.indicator)
        except AmbiguousName as exc:
            indicator = None
            if row.indicator not in unknown:
                findings.append(Problem(row.location, exc.words, "ambiguous"))
        if indicator is None:
            previous = previous_period_warning(plan, matcher, row)
            if previous is not None:  # an indicator the plan dropped: check's warning, once
                if row.indicator not in unknown and row.indicator not in dropped:
                    dropped.add(row.indicator)
                    findings.append(previous)
            elif row.indicator not in unknown:
                unknown.add(row.indicator)  # at its row, with the closest names, as in check
                findings.append(unknown_figure(plan, matcher, row))  # type: ignore[arg-type]
            continue
        if type(row) is SheetEntry:
            found = _sheet_entry(explained, indicator, row, row.region in references,
                                 plan.baseline_year, own.names)  # fmt: skip
            if found is not None:
                findings.append(found)
            continue
        mismatch = name_unit_problem(indicator, row.indicator)
        if mismatch is not None:  # 招生数（人） for a count in 万人: check's error, once
            if row.indicator not in unknown:
                unknown.add(row.indicator)
                findings.append(Problem(Location(row.file, row.line, 0), mismatch, "bad-value"))
            continue
        if row.unit is not None:  # a 单位 column naming another unit: check's error, once
            mismatch = unit_cell_problem(indicator, row)
            if mismatch is not None:
                if (indicator.id, row.unit) not in units_said:
                    units_said.add((indicator.id, row.unit))
                    findings.append(mismatch)
                if mismatch.level != "warning":  # (a unit it cannot compare: read, and said)
                    continue
        # a reference region's figures (全省) are checked, but it has no cells of its own to
        # fill in, and its years are not the regions' (check keeps its rows apart too)
        counted = row.region not in references
        if row.value.missing:  # its indicator and region are given: the cell is missing
            indicators.setdefault(indicator.id, indicator)
            if counted:
                regions[row.region] = None
                matrix.setdefault(indicator.id, indicator)
            # a series starts at its first row, as check's does: both list its jumps and
            # outliers in the same order
            series.setdefault((row.region, indicator.id), {})
            first_rows.setdefault((row.region, indicator.id), row.file)
            dashes.setdefault((row.region, indicator.id, row.year), (row.file, row.line))
            if counted and first <= row.year <= last:  # a year of dashes alone is a year
                dashed_years.add(row.year)  # given: its cells are missing (a trial's 2025 of —)
            continue
        bad = _value_problem(indicator, row)
        if bad is not None:  # what check stops at, at the same row (a cell not missing)
            findings.append(Problem(row.location, bad, "bad-value"))
            given.add((row.region, indicator.id, row.year))
            continue
        indicators[indicator.id] = indicator
        if counted:
            regions[row.region] = None
            matrix.setdefault(indicator.id, indicator)
        elif row.value.number is not None:  # a reference value: two for one level, check's error
            twice = add_reference(reference_values, indicator, row, row.value.number)
            if twice:
                findings.append(twice)
        figure = Observation(row.year, row.value, row.line, row.file)
        first_file = first_file or row.file
        first_rows.setdefault((row.region, indicator.id), row.file)
        indicator_files.setdefault(indicator.id, row.file)
        if not first <= row.year <= last:
            outside.setdefault(row.year, [figure, 0])[1] += 1
        elif counted:
            years.add(row.year)
        known = series.setdefault((row.region, indicator.id), {})
        earlier = known.get(row.year)
        if earlier is None:
            known[row.year] = figure
        elif not _same(earlier.value, figure.value):
            if not unnamed.lost_name(row):
                findings.append(reported_twice(indicator, row, earlier))  # check's, its words
        elif not unnamed.lost_name(row):  # (not two counties' rows, their names lost)
            repeated.see(row, earlier)  # a row of its file pasted twice: check's warning
    findings += repeated.warnings()
    findings += explained.warnings
    with_figures = [r for r in dict.fromkeys(r for (r, _), years in series.items() if years)
                    if r not in references]  # fmt: skip
    _place_explanations(plan, explained, with_figures or [None], findings)
    findings += baselines_against_figures(plan, explained.sheet_baselines, series,
                                          explained.explained_at)  # fmt: skip
    in_line_order(findings)  # a reasons file's, said reading or placing, in its lines' order
    # the files in the order their figures were read
    order = list(dict.fromkeys(o.file for known in series.values() for o in known.values()))
    area = unnamed.merged_into(own)
    if area is not None:
        # a file without regions and the rows naming the area: one area, as check reads them
        # (7.4 and 7.6 for the city in two files passed, where check stops)
        findings += series_merged(series, area, indicators, order)
        renamed(first_rows, area)
        renamed(dashes, area)
        given.update([(area, *key[1:]) for key in given if key[0] is None])
    unnamed_rows = unnamed.problems() + unnamed.files_without_regions()
    if unnamed_rows:  # (each said as an error: not also a region of missing cells)
        regions.pop(None, None)
    findings += unnamed_rows
    findings += one_region_twice(list(regions), ", ".join(sources))  # (as check says it)
    counts = Counter(region for (region, _), known in series.items() if known)
    findings += thinly_reported(counts, apart_from_regions(plan), ", ".join(sources),
                                lambda region: first_figure_in(series, region, order))  # fmt: skip
    findings += across_years_and_regions(
        plan, series, indicators, thresholds, explained.sheet_baselines
    )
    findings += _ranges(series, indicators)
    for _, (figure, count) in sorted(outside.items()):
        findings.append(outside_years_finding(plan, figure, count))
    places = (first_rows, indicator_files, first_file)
    # a region is asked for the indicators the regions give, the plan's own area (全市, or a
    # file without regions) for all: 500 cells of a city department's indicators were said
    # missing in each county, in the city's file (a trial's finding)
    own_names = own.names | {None}
    of_regions = {indicator_id for region, indicator_id in first_rows
                  if region not in own_names and region not in references}  # fmt: skip
    own_only = {indicator_id for indicator_id in matrix if indicator_id not in of_regions}
    # every year from the first to the last the files give: a year missing from every row
    # (2022's rows dropped) left a five-year total short without a word (a trial's finding)
    # (and a year only dashes give; none where no figure was given: check's error alone)
    if years:
        years |= dashed_years
    spanned = list(range(min(years), max(years) + 1)) if years else []
    findings += _missing(series, matrix, [(region, region in own_names) for region in regions],
                         spanned, places, given, dashes, own_only,
                         asked_from(plan, explained.sheet_baselines))  # fmt: skip
    if not first_file and not any(f.level == "error" for f in findings):  # not one figure
        findings.append(Problem(Location(", ".join(sources)), "check.no_figures", "no-figures"))
    elif first_file and thresholds.all_indicators:
        reported = set(indicators) | {indicator_id for _, indicator_id, _ in given}
        findings += unreported(plan, reported, ", ".join(sources))
    return summarise_skipped(findings)  # (a file's 合计 rows: said once)


def unreported(plan: Plan, reported: Collection[str], source: str) -> list[Problem]:
    """One warning naming the plan's main indicators no row gives (not a figure, not a dash),
    the binding ones first: the completeness matrix has only the indicators given a row, so
    the 27 nobody reported (退役军人安置率, binding) went unsaid — for a final evaluation's
    collection, the most useful list of gaps (a trial). Asked for (`--all-indicators`): a
    department's own file gives some indicators by design."""
    missing = [indicator for indicator in plan.indicators if indicator.id not in reported]
    if not missing:
        return []
    binding = [indicator.name for indicator in missing if indicator.is_binding]
    rest = [indicator.name for indicator in missing if not indicator.is_binding]
    names = Shown(", ".join(binding + rest), "、".join(binding + rest))
    return [Problem(Location(source), "lint.unreported", "unreported", "warning",
                    count=len(missing), binding=len(binding), names=names)]  # fmt: skip


def across_years_and_regions(
    plan: Plan,
    series: dict[tuple[str | None, str], dict[int, Observation]],
    indicators: dict[str, Indicator],
    thresholds: Thresholds,
    sheet_baselines: Mapping[tuple[str | None, str], float] | None = None,
) -> list[Problem]:
    """The jumps and the outliers of the figures (region, indicator) → year → figure: what
    `check` also warns of, from the series it has collected (and the 基期值 a collection
    sheet gives where the plan prints none)."""
    return [*_jumps(plan, series, indicators, thresholds, sheet_baselines or {}),
            *_outliers(series, indicators, thresholds, apart_from_regions(plan))]  # fmt: skip


def shown_score(score: float, threshold: float) -> float:
    """A modified z-score as a finding shows it: one decimal, or as many (up to 12) as show
    it past the threshold (3.5000x flagged beside a threshold of 3.5 read "3.5", as though
    it were not past it)."""
    for places in range(1, 13):
        shown = round(score, places)
        if abs(shown) > threshold:
            return shown
    return round(score, 12)


def _finding(figure: Observation, rule: str, indicator: Indicator, region: str | None,
             year: int, code: str | None = None, **args: object) -> Problem:  # fmt: skip
    """A figure's finding at its row, worded by `lint.{rule}` (its code the rule's, unless
    `code` groups it: a figure out of scale is one of the "range" findings)."""
    return Problem(
        Location(figure.file, figure.line), f"lint.{rule}", code or rule, "warning",
        name=indicator.name, region=region_words(region), year=year,
        value=quoted(figure.value.raw), **args,
    )  # fmt: skip


def _jumps(
    plan: Plan,
    series: dict,
    indicators: dict[str, Indicator],
    limits: Thresholds,
    sheet_baselines: Mapping[tuple[str | None, str], float],
):
    """A yearly change beyond `jump_steps` of the plan's yearly steps and `jump_share` of the
    figure before, into the plan's baseline year or later. A step is the way from the
    baseline the verdict starts from to the target, a year's worth: the plan's baseline, else
    the sheet's 基期值, else the series' first figure (the plan's printed none: every step was
    0, and any change over the share was a jump — 托位数 1.8 → 2.5 on its way from 1.5 to
    4.6)."""
    for (region, indicator_id), known in series.items():
        indicator = indicators.get(indicator_id)
        if indicator is None or indicator.effective_kind != "level":
            continue
        ordered = sorted(
            (year, f.value.number, f) for year, f in known.items() if f.value.number is not None
        )
        base = indicator.baseline.value
        base_year = plan.baseline_year
        if base is None:
            base = sheet_baselines.get((region, indicator_id))
        if base is None and ordered:
            base_year, base = ordered[0][0], ordered[0][1]
        step = jump_step(indicator, base, base_year, plan.period.end)
        room = jump_room(indicator)
        for (year, before, _), (later, after, figure) in pairwise(ordered):
            if later != year + 1 or later < plan.baseline_year:
                # (two years of the period before: its own plan's steps, not this one's —
                # a 十五五 check warned of dozens of 2021–2024 changes: a trial)
                continue
            change = abs(after - before)
            if change > limits.jump_steps * step and change > limits.jump_share * room(before):
                previous = quoted(known[year].value.raw)
                yield _finding(figure, "jump", indicator, region, later, previous=previous,
                               before=year)  # fmt: skip


def jump_room(indicator: Indicator) -> Callable[[float], float]:
    """What `jump_share` is a share of, for a figure before a change: the figure, at most
    `jump_room_most` (the columnar path's query takes the same bound)."""
    most = jump_room_most(indicator)
    if most is None:
        return abs
    return lambda before: min(abs(before), most)


def jump_room_most(indicator: Indicator) -> float | None:
    """A third of a rate's cap (100 %, `natural_range`), so a fifth is at most 6.7 points;
    None where there is no cap: 九年义务教育巩固率 98.25 → 88.35 → 98.42 was no jump, 9.9
    points being less than a fifth of 98.25 (trial 18), while a point a year near 100 % is
    none, nor the bundled example's 5.6 points of 基本养老保险参保率."""
    cap = natural_range(indicator)[1]
    return cap / 3 if math.isfinite(cap) else None


def jump_step(indicator: Indicator, base: float | None, base_year: int, end: int) -> float:
    """A year's worth of the way from `base` to the target: of a change (提高2个百分点 of
    95.62), to the level it asks for — the change itself (2) made every step 18.7 and no
    change a jump (a 十五五 trial); 0 without a target or a base."""
    target = indicator.target
    span = max(end - base_year, 1)
    if base is None:
        return 0.0
    if target.form == "change":
        return abs(change_target(target, base, span) - base) / span
    return abs(target.value - base) / span if target.value is not None else 0.0


def _ranges(series: dict, indicators: dict[str, Indicator]):
    """Every figure outside its natural range, every one that looks like a percentage
    written as a fraction (0.8977 for 89.77 %: `check.shares_in_percent`) or in another
    unit, and every one in scientific notation (1.23457E+11)."""
    for (region, indicator_id), known in series.items():
        indicator = indicators[indicator_id]
        low, high = natural_range(indicator)
        fractions = shares_in_percent(indicator)
        floor = magnitude_floor(indicator)
        for _, figure in sorted(known.items()):
            number = figure.value.number
            if in_scientific_notation(figure.value):
                yield scientific_finding(figure, indicator, region)
            if number is not None and not low <= number <= high:
                yield range_finding(figure, indicator, region)
            elif fractions and looks_like_a_fraction(figure.value):
                yield fraction_finding(figure, indicator, region)
            elif floor is not None and looks_out_of_scale(figure.value, floor):
                yield magnitude_finding(figure, indicator, region)


def scientific_finding(figure: Observation, indicator: Indicator, region: str | None) -> Problem:
    """A figure like 1.23457E+11, whose last digits Excel may have dropped
    (`check.scientific_warning`)."""
    number = figure.value.number or 0.0
    return _finding(figure, "scientific", indicator, region, figure.year,
                    number=plain(written_out(number)))  # fmt: skip


def magnitude_finding(figure: Observation, indicator: Indicator, region: str | None) -> Problem:
    """A figure over a thousand times its target (`check.magnitude_warning`)."""
    return _finding(
        figure,
        "magnitude",
        indicator,
        region,
        figure.year,
        "range",
        target=indicator.target.raw,
        unit=indicator.unit or "",
    )


def fraction_finding(figure: Observation, indicator: Indicator, region: str | None) -> Problem:
    """A figure of a % indicator that looks like a fraction (`check.fraction_warning`)."""
    # check's correction too (若是 91.1%，请写 91.1): a CI annotation lost it (a trial's)
    return Problem(Location(figure.file, figure.line), "lint.fraction", "range", "warning",
                   name=indicator.name, region=region_words(region), year=figure.year,
                   value=quoted(figure.value.raw), target=indicator.target.raw,
                   percent=as_percent(figure.value))  # fmt: skip


def range_finding(figure: Observation, indicator: Indicator, region: str | None) -> Problem:
    """A figure outside its indicator's natural range (`natural_range`), at its row."""
    low, high = natural_range(indicator)
    rule = "range" if high != float("inf") else "range_negative"
    return Problem(
        Location(figure.file, figure.line), f"lint.{rule}", "range", "warning",
        name=indicator.name, region=region_words(region), year=figure.year,
        value=quoted(figure.value.raw), low=low,
        **({"high": high, "unit": indicator.unit or ""} if rule == "range" else {}),
    )  # fmt: skip


def outside_years_finding(plan: Plan, figure: Observation, count: int) -> Problem:
    """A year outside the plan's baseline year and period: one finding at its first figure."""
    start, end = plan_years(plan)
    return Problem(Location(figure.file, figure.line), "lint.outside_years", "outside-years",
                   "warning", year=figure.year, count=count, start=start, end=end)  # fmt: skip


def plan_years(plan: Plan) -> tuple[int, int]:
    """The first and last year a figure is expected for: the baseline year and the period."""
    return min(plan.baseline_year, plan.period.start), plan.period.end


def missing_finding(
    file: str, indicator: Indicator, region: str | None, year: int, line: int = 0
) -> Problem:
    """A cell of the completeness matrix without a figure (in the file of its series, at its
    row where it was written as a dash)."""
    return Problem(Location(file, line), "lint.missing", "missing", "warning",
                   name=indicator.name, region=region_words(region), year=year)  # fmt: skip


def _outliers(
    series: dict, indicators: dict[str, Indicator], limits: Thresholds, apart: frozenset[str]
):
    # like with like: a running total ([4.66], the years so far) is compared with the other
    # regions' running totals of that year, not with their yearly amounts
    by_year: dict[tuple[str, int, bool], list[tuple[str | None, Observation]]] = {}
    for (region, indicator_id), known in series.items():
        if indicator_id not in indicators or region in apart:
            continue
        for year, figure in known.items():
            if figure.value.number is not None:
                shape = (indicator_id, year, figure.value.running_total)
                by_year.setdefault(shape, []).append((region, figure))
    for (indicator_id, year, _), figures in by_year.items():
        if len(figures) < limits.outlier_regions:
            continue
        values = [f.value.number for _, f in figures]
        median = statistics.median(values)
        mad = statistics.median(abs(v - median) for v in values)
        mad = max(mad, limits.outlier_floor * abs(median))
        if mad == 0:
            continue
        for region, figure in figures:
            score = 0.6745 * (figure.value.number - median) / mad
            if abs(score) > limits.outlier_z:
                yield _finding(figure, "outlier", indicators[indicator_id], region, year,
                               score=shown_score(score, limits.outlier_z), median=round(median, 4),
                               count=len(figures))  # fmt: skip


def asked_from(
    plan: Plan, sheet_baselines: Collection[tuple[str | None, str]] = ()
) -> Callable[[str | None, Indicator, dict[int, Observation]], int]:
    """The first year a region's figures of an indicator are asked for, by what the
    verdict reads (trial 18: 22 of 52 cells said missing were none): a five-year total or
    a yearly average from the period's start (it starts from zero, not from the baseline
    year's figure), and a total from its last running total `[x]` (the years before are in
    it); a level from its baseline year, or the next where the sheet gives its 基期值."""

    goals = {indicator.id: goal_of(plan, indicator) for indicator in plan.indicators}

    def since(region: str | None, indicator: Indicator, known: dict[int, Observation]) -> int:
        # (made once per indicator, not per region: 2,900 counties)
        goal = goals.get(indicator.id) or goal_of(plan, indicator)
        if goal.kind != "level":
            totals = [year for year, figure in known.items() if figure.value.running_total]
            return max([goal.start_year, *totals])
        if (region, indicator.id) in sheet_baselines:
            return goal.baseline_year + 1
        return -1

    return since


def _missing(
    series: dict,
    indicators: dict[str, Indicator],
    regions: list[tuple[str | None, bool]],
    years: list[int],
    places: tuple[dict[tuple[str | None, str], str], dict[str, str], str],
    given: set[tuple[str | None, str, int]],
    dashes: dict[tuple[str | None, str, int], tuple[str, int]],
    own_only: set[str],
    asked: Callable[[str | None, Indicator, dict[int, Observation]], int],
):
    """Each empty cell of the matrix, said at its row where it was written as a dash (it had
    no line: trial 12, D12), else in the file that should have had it: its series' first
    figure's, else its series' first row's (a dash given there), else the file of its
    indicator's first figure (the department reporting it), else the first figure's.
    `regions`: each region and whether it is the plan's own area, the only one asked for
    the indicators in `own_only` (no other region gives them); `asked`: the first year a
    region's series is asked for (`asked_from`)."""
    first_rows, indicator_files, first = places
    for indicator_id, indicator in indicators.items():
        for region, own in regions:
            if not own and indicator_id in own_only:
                continue
            known = series.get((region, indicator_id), {})
            if known:
                file = next(iter(known.values())).file
            else:
                file = (first_rows.get((region, indicator_id))
                        or indicator_files.get(indicator_id) or first)  # fmt: skip
            since = asked(region, indicator, known)
            for year in years:
                if year < since:
                    continue
                if year not in known and (region, indicator_id, year) not in given:
                    at, line = dashes.get((region, indicator_id, year), (file, 0))
                    yield missing_finding(at, indicator, region, year, line)
