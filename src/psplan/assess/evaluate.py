"""Judging an indicator in year Y (DOMAIN.md, "Judging an indicator in year Y"; docs/assessment.md).

Pure functions: a `Goal` (what the plan asks) and the `Observation`s reported for it go in, a
`Verdict` comes out. Reading files and matching names happen elsewhere. Every number a report
shows about a judgement — the baseline used and where it came from, the time share, the
expected value, the gap, the progress — is decided here, once, so no output can disagree.

- met       — the actual already satisfies the target (strictly for > and <).
- not_met   — Y ≥ end year and it does not.
- on_track  — Y < end year, not met, at or beyond the line from baseline to target at Y
              ("时间过半、任务过半").
- behind    — Y < end year, not met, short of that line.
- no_data   — nothing reported up to Y.
- needs_review — a person must decide (qualitative text that is neither yes nor no, a
              relative target without its reference, no baseline at all…).

The baseline of a level target is, in this order: the value the plan prints; the 基期值 the
collection sheet gives; a figure reported for the plan's baseline year; and as a last resort
the first figure reported before the actual (every report then says so). The value the plan
prints is its own area's (the city's): a region within it (a county) is measured from its own
基期值 or baseline-year figure where it gives one, and from the plan's only where it does not
(`plan_area`, said so).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Literal, NamedTuple

from psplan.actuals.values import Value, answer_satisfies
from psplan.plan.targets import Expression, change_target
from psplan.words import Reason, explain

Status = Literal["met", "on_track", "behind", "not_met", "no_data", "needs_review"]
STATUSES: tuple[Status, ...] = ("met", "on_track", "behind", "not_met", "no_data", "needs_review")

#: Where the baseline a verdict used came from.
BaselineSource = Literal["plan", "sheet", "reported", "plan_area", "first_reported", "zero", "none"]
BASELINE_SOURCES: tuple[BaselineSource, ...] = (
    "plan", "sheet", "reported", "plan_area", "first_reported", "zero", "none",
)  # fmt: skip

#: How a comparator is written in a reason.
OP_SYMBOLS = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "approx": "≈"}

#: "左右" (approximately): within this share of the target counts as reached.
APPROX_TOLERANCE = 0.05


class Observation(NamedTuple):
    year: int
    value: Value
    line: int = 0  # where it was read, for messages about duplicates
    file: str = ""  # which of several files it came from (the same for a single file)


class Baseline(NamedTuple):
    """The starting point a verdict measured from: its value, year and provenance."""

    value: float | None
    year: int | None
    source: BaselineSource


NO_BASELINE = Baseline(None, None, "none")


@dataclass(frozen=True)
class Goal:
    """What a plan asks of one indicator, independent of where it is written."""

    target: Expression
    kind: Literal["level", "cumulative", "annual_average"]
    direction: Literal["increase", "decrease"]
    baseline: Expression
    baseline_year: int
    start_year: int
    end_year: int
    #: a figure this large or larger is in another unit, most likely (a thousand times the
    #: target: `check.magnitude_floor`): a person must look at it before it is judged
    floor: float | None = None
    #: a figure in (0, 1] is a percentage written as a fraction, most likely (0.988 for
    #: 98.8 % of a rate whose target is 98 %: `check.shares_in_percent`)
    fractions: bool = False
    #: the range a figure can take (`check.natural_range`: a share in % within 0–100, a
    #: count not negative); a figure outside it cannot be right — 112 % of beds for nursing
    #: care was judged 已达标 for a binding indicator (a trial) — and a person must look at it
    least: float | None = None
    most: float | None = None
    #: the target is a total of the plan's whole area (高等级客运站数量 12个,
    #: `areas.counts_the_whole_area`): its printed baseline is no county's, even as a last resort
    area_total: bool = False

    def out_of_scale(self, actual: float) -> bool:
        """Whether a figure is at or past `floor`, a fraction of a percentage, or outside
        the range it can take (`least`, `most`): left to a person, not judged (0.988 against
        98 % was 滞后, ranked the most lagging county, and written up as 完成进度0%: a
        county-scale trial)."""
        return (
            (self.floor is not None and actual >= self.floor)
            or (self.fractions and 0 < actual <= 1)
            or self.out_of_range(actual)
        )

    def out_of_range(self, actual: float) -> bool:
        """Whether a figure is outside the range it can take (`least`, `most`)."""
        return (self.most is not None and actual > self.most) or (
            self.least is not None and actual < self.least
        )

    def in_scale(self, figures: list[float]) -> list[float]:
        """The figures that are not `out_of_scale`, a list at a time (a call per figure was a
        third of the time of 2,900 counties' spreads)."""
        if self.floor is not None:
            floor = self.floor
            figures = [n for n in figures if not n >= floor]
        if self.fractions:
            figures = [n for n in figures if not 0 < n <= 1]
        if self.most is not None or self.least is not None:
            most = math.inf if self.most is None else self.most
            least = -math.inf if self.least is None else self.least
            figures = [n for n in figures if least <= n <= most]
        return figures

    def out_of_scale_reason(self, actual: float, target: float) -> Reason:
        """Why a figure `out_of_scale` is left to a person."""
        if self.most is not None and actual > self.most:
            return _r("above_range", actual=actual, most=self.most)
        if self.least is not None and actual < self.least:
            return _r("below_range", actual=actual, least=self.least)
        if self.fractions and 0 < actual <= 1:
            return _r("fraction", actual=actual, percent=float(f"{actual * 100:.10g}"))
        return _r("out_of_scale", actual=actual, target=target)

    @cached_property
    def op(self) -> str:
        """The comparator the target is judged with: as printed, else what the direction
        implies (at least for more-is-better, at most for less-is-better) — also for a
        relative target, which prints none."""
        return self.target.effective_op(self.direction) or (
            "<=" if self.direction == "decrease" else ">="
        )

    @cached_property
    def fixed_baseline(self) -> Baseline | None:
        """The baseline that does not depend on what was reported, if the plan fixes one
        (computed once per indicator, not once per region: a country has 2,900 counties)."""
        if self.kind == "cumulative":
            # A five-year total is built up from zero; a bracketed baseline is the previous plan's.
            return Baseline(0.0, self.start_year - 1, "zero")
        if self.baseline.value is not None:
            return Baseline(self.baseline.value, self.baseline_year, "plan")
        if self.kind == "annual_average":
            return NO_BASELINE  # an average is compared with the target itself, every year
        return None

    @cached_property
    def area_baseline(self) -> Baseline | None:
        """The plan's baseline as a region within its area (a county) falls back to where it
        gives none of its own (`plan_area`); None for a total of the whole area (the city's
        4.7 万张 beds made a county's progress −1280 %, a trial) or where the plan prints none."""
        fixed = self.fixed_baseline
        if fixed is None or self.area_total:
            return None
        return fixed._replace(source="plan_area")

    def baseline_for(self, own_area: bool) -> Baseline | None:
        """`fixed_baseline` where it holds for the region judged: the baseline the plan
        prints for a level is its own area's, so a region within it (a county: `own_area`
        False) resolves its own (`resolve_baseline`). 灵璧县 from 44 in 2020 to 50 against
        ≥ 55 was measured from the city's 2020 figure and rated 进度正常 (a trial)."""
        fixed = self.fixed_baseline
        if fixed is not None and not own_area and fixed.source == "plan" and self.kind == "level":
            return None
        return fixed


class Verdict(NamedTuple):
    """The judgement of one indicator (a tuple: a country's counties make 185,000 of them)."""

    status: Status
    actual: float | str | None = None
    actual_year: int | None = None
    gap: float | None = None
    progress: float | None = None
    expected: float | None = None
    target_value: float | None = None
    reasons: tuple[Reason, ...] = ()
    baseline: Baseline = NO_BASELINE
    share: float | None = None  # time elapsed from the baseline year to the end year, 0–1

    def reason(self, lang: str = "zh") -> str:
        return explain(self.reasons, lang)


def judge(
    goal: Goal,
    observations: Sequence[Observation],
    year: int,
    reference: float | None = None,
    sheet_baseline: float | None = None,
    own_area: bool = True,
) -> Verdict:
    """Judge one indicator in `year` from the observations reported for it (any order).

    `sheet_baseline` is the 基期值 a collection sheet gives where the plan prints none (or,
    for a region within the plan's area, where its baseline is the area's); `own_area` is
    False for such a region (`Goal.baseline_for`).
    """
    target = goal.target
    upto = [
        o for o in observations if o.year <= year and (o.value.number is not None or o.value.text)
    ]
    upto.sort(key=_year)
    if target.form == "none":
        latest = upto[-1] if upto else None
        return Verdict(
            "needs_review",
            _shown(latest.value) if latest else None,
            latest.year if latest else None,
            reasons=(_r("no_target"),),
        )
    baseline = goal.baseline_for(own_area) or resolve_baseline(
        goal, [o for o in upto if o.value.number is not None], sheet_baseline, own_area
    )
    if not upto:
        return Verdict("no_data", reasons=(_r("no_data", year=year),), baseline=baseline)
    base_year, latest = goal.baseline_year, upto[-1].year
    if (
        goal.kind == "level"
        and base_year < goal.end_year
        and (latest < base_year or latest == base_year < year)
    ):
        # figures of the period before only (2021–2024 read by a plan from 2025: 泗县's 2024
        # figure was judged as its 2026 level, 进度滞后 from the new baseline), or of the
        # baseline year alone, the starting point itself (a trial). (A baseline year at the
        # period's end, an override's, is a person's to look at.)
        why = _r("before_baseline", latest=latest, base=base_year)
        return Verdict("no_data", reasons=(why,), baseline=baseline)
    if target.form == "qualitative":
        verdict = _judge_qualitative(goal, upto[-1], year)
        # no baseline to judge from, but a county's shown is said to be the whole area's
        # (灵璧县's 公租房 showed the city's 100% as its own, its no-data rows 全域基期值)
        return verdict._replace(baseline=baseline) if baseline.source == "plan_area" else verdict

    target_value = target.value
    if target.form == "change":
        # a change from the base value: the target is computed from the baseline used, which
        # must be the base year's (a first figure reported later is no base for 提高2个百分点)
        if baseline.value is None or baseline.year is None or baseline.source == "first_reported":
            latest = upto[-1]
            return Verdict(
                "needs_review",
                actual=_shown(latest.value),
                actual_year=latest.year,
                reasons=(_r("change_needs_base", target=target.raw),),
                baseline=baseline,
            )
        target_value = _round(change_target(target, baseline.value, goal.end_year - baseline.year))
    if target.form == "relative":
        if reference is None:
            return Verdict(
                "needs_review",
                actual=_shown(upto[-1].value),
                actual_year=upto[-1].year,
                reasons=(
                    _r("needs_reference", target=target.raw, reference=target.reference, year=year),
                ),
                baseline=baseline,
            )
        target_value = reference
    assert target_value is not None

    if goal.kind != "level" and not any(goal.start_year <= o.year <= goal.end_year for o in upto):
        # A total or an average over the period needs figures from the period itself.
        return Verdict(
            "no_data",
            reasons=(_r("none_in_period", start=goal.start_year, year=year),),
            baseline=baseline,
        )

    texts = [o for o in upto if o.value.number is None]
    if texts:
        last = texts[-1]
        return Verdict(
            "needs_review",
            actual=last.value.text,
            actual_year=last.year,
            reasons=(_r("not_a_number", text=last.value.text, year=last.year),),
            baseline=baseline,
        )

    bounded = [o for o in upto if o.value.bound is not None]
    if bounded and (goal.kind != "level" or upto[-1].value.bound is not None):
        return _judge_bound(goal, upto, year, target_value, baseline)

    actual, actual_year, notes = _aggregate(goal, upto)
    return judge_figure(goal, year, target_value, baseline, actual, actual_year, notes, reference)


class Figured(NamedTuple):
    """The numbers of a verdict on a figure (`judge_figure` without its words)."""

    status: Status
    gap: float | None
    progress: float | None
    expected: float | None
    share: float | None
    baseline: Baseline  # the baseline used (none where a figure would be its own)
    met: bool
    baseline_met: bool


def figure_status(
    goal: Goal,
    year: int,
    target_value: float,
    baseline: Baseline,
    actual: float,
    actual_year: int,
) -> Figured:
    """The status and the numbers of a numeric figure against its target: computed for every
    one of a country's 185,600 results by the columnar path, which words only those a view
    shows (`judge_figure`, which calls this)."""
    first = baseline.source == "first_reported"
    if goal.kind == "level" and first and baseline.year == actual_year:
        baseline = NO_BASELINE  # a figure cannot be its own starting point
    op = goal.op
    sign = -1.0 if goal.direction == "decrease" else 1.0
    gap = _round(sign * (target_value - actual))
    met = satisfies(actual, op, target_value)
    baseline_met = (
        goal.kind == "level"
        and baseline.value is not None
        and satisfies(baseline.value, op, target_value)
    )
    share, expected = _line(goal, baseline, target_value, year, baseline_met)
    progress = _progress(goal, baseline, actual, target_value, op, met, baseline_met)
    status: Status
    if goal.out_of_scale(actual):
        # 37000 张 against 3.96 万张 was judged 已达标 (a trial); a figure in another unit has
        # no gap nor progress either (-37596.04 read as far beyond the target)
        return Figured("needs_review", None, None, expected, share, baseline, met, baseline_met)
    if met:
        status = "met"
    elif year >= goal.end_year:
        status = "not_met"
    elif goal.kind == "annual_average":
        status = "behind"
    elif expected is None:
        status = "needs_review"
    else:
        status = "on_track" if sign * (actual - expected) >= -1e-9 else "behind"
    return Figured(status, gap, progress, expected, share, baseline, met, baseline_met)


def _short_at_end(
    goal: Goal, actual: float, actual_year: int | None, op: str, target: float
) -> Reason:
    """Short of the target at the end: the figure named by its year when it is an earlier
    year's (a 2024 figure judged in 2025 is not the period's end figure; a total or an
    average of the years to 2024 is not the period's)."""
    if actual_year is not None and actual_year < goal.end_year:
        key = {"level": "short_at_end_from", "cumulative": "short_at_end_total_from"}.get(
            goal.kind, "short_at_end_average_from"
        )
        return _r(key, actual=actual, year=actual_year, op=OP_SYMBOLS[op], target=target)
    return _r("short_at_end", actual=actual, op=OP_SYMBOLS[op], target=target)


def _met_at_end(goal: Goal, actual: float, actual_year: int | None) -> Reason | None:
    """Met at the end by an earlier year's figure, the end year having none: said, as a
    shortfall is (`_short_at_end`). A 终期评估 took 2024's figure as the period's end and
    said only 已达标 (a new user's trial, the 2025 cell 暂无)."""
    if actual_year is None or actual_year >= goal.end_year:
        return None
    key = {"level": "met_at_end_from", "cumulative": "met_at_end_total_from"}.get(
        goal.kind, "met_at_end_average_from"
    )
    return _r(key, actual=actual, year=actual_year, end=goal.end_year)


#: The baselines a verdict's reasons say the source of (the plan's, as printed, go unsaid).
NOTED_BASELINES = ("reported", "sheet", "plan_area", "first_reported")


def baseline_note(goal: Goal, baseline: Baseline) -> Reason:
    """Where a baseline not printed for the region came from: the plan printing none, or
    printing its whole area's where the region (a county) gives its own or none."""
    source, printed = baseline.source, goal.fixed_baseline
    if source != "plan_area" and printed is not None and printed.source == "plan":
        # a county's own, the plan printing its area's (a first figure: on a total of the
        # whole area, where 规划未列基期值 was untrue, a trial)
        return _r(f"baseline_region_{source}", value=baseline.value, year=baseline.year,
                  printed=printed.value)  # fmt: skip
    if source == "plan_area":
        return _r(f"baseline_{source}", value=area_baseline_text(goal), year=baseline.year)
    return _r(f"baseline_{source}", value=baseline.value, year=baseline.year)


def area_baseline_text(goal: Goal) -> str:
    """The plan's baseline as a county's reason quotes it: a bound as printed (>99.9 was
    quoted as 99.9, a trial), else the number (`{:g}`, as the other reasons quote one)."""
    printed = goal.baseline
    if printed.op is not None:
        return printed.raw.strip()
    return f"{printed.value:g}" if printed.value is not None else printed.raw.strip()


def judge_figure(
    goal: Goal,
    year: int,
    target_value: float,
    baseline: Baseline,
    actual: float,
    actual_year: int,
    notes: tuple[Reason, ...] = (),
    reference: float | None = None,
) -> Verdict:
    """The verdict on a numeric figure already worked out from the observations (the latest
    level, the five-year total, the yearly average — `_aggregate`): what `judge` ends with,
    and what the columnar path (`assess.columnar`) calls with the figures it aggregated."""
    figured = figure_status(goal, year, target_value, baseline, actual, actual_year)
    status, gap, progress, expected, share, baseline, met, baseline_met = figured
    if reference is not None:
        notes = (*notes, _r("reference", value=reference))
    if baseline.source in NOTED_BASELINES:
        notes = (*notes, baseline_note(goal, baseline))
    op = goal.op
    if progress is None and not met and baseline.value is not None:
        if baseline_met:
            # (not a county's from the whole area's: it never stood there, 砀山县 94.6 → 95
            # against > 95 from the city's 95.67 "slipped back": a trial)
            if baseline.source != "plan_area":
                notes = (*notes, _r("slipped", baseline=baseline.value))
        elif op in (">", "<") and abs(actual - target_value) <= 1e-9 * max(1.0, abs(target_value)):
            notes = (*notes, _r("at_strict_bound", target=target_value, op=OP_SYMBOLS[op]))
        elif op == "approx":
            notes = (*notes, _r("beyond_band", target=target_value))
    why: Reason | None
    if goal.out_of_scale(actual):
        why = goal.out_of_scale_reason(actual, target_value)
    elif met:
        why = _met_at_end(goal, actual, actual_year) if year >= goal.end_year else None
    elif year >= goal.end_year:
        why = _short_at_end(goal, actual, actual_year, op, target_value)
    elif goal.kind == "annual_average":
        why = _r("average_short", target=target_value)
    elif expected is None and baseline.value is not None:
        why = _r("baseline_at_end", year=baseline.year, end=goal.end_year)
    elif expected is None:
        why = _r("no_baseline", year=actual_year)
    else:
        why = _r("expected_by", expected=_expected_shown(expected, actual), year=year,
                 share=share)  # fmt: skip
    reasons = (*notes, why) if why is not None else notes
    return Verdict(
        status, actual, actual_year, gap, progress, expected, target_value, reasons, baseline,
        share,
    )  # fmt: skip


def _judge_bound(
    goal: Goal, upto: list[Observation], year: int, target_value: float, baseline: Baseline
) -> Verdict:
    """A figure reported as a bound (`<96%`, `>99.9`, `95%以上`): judged only where the bound
    decides — `>99.9` meets ≥ 99; `<96` misses ≥ 96; `>95` against ≥ 96 needs a person.
    Totals and averages of bounds cannot be computed."""
    latest = upto[-1] if goal.kind == "level" else next(o for o in upto if o.value.bound)
    value = latest.value
    assert value.number is not None and value.bound is not None
    shown = value.raw.strip()
    if goal.kind != "level":
        why = _r("bound_in_total", text=shown, year=latest.year)
        return Verdict("needs_review", value.number, latest.year, reasons=(why,), baseline=baseline)
    if baseline.source == "first_reported" and baseline.year == latest.year:
        baseline = NO_BASELINE  # a figure cannot be its own starting point (as in `judge`)
    op = goal.op
    note = _r("bound_reported", text=shown)
    met = bound_decides(value.bound, value.number, op, target_value)
    # a baseline that met the target draws no line towards it, as for a figure (>99.9 and
    # 95%以上 against >95 expected 96.96, the line, beside an expected path of 95: a trial)
    baseline_met = baseline.value is not None and satisfies(baseline.value, op, target_value)
    share, expected = _line(goal, baseline, target_value, year, baseline_met)
    if met is None:
        why = _r("bound_undecided", text=shown, op=OP_SYMBOLS[op], target=target_value)
        status: Status = "needs_review"
    elif met:
        status = "met"
        why = _met_at_end(goal, value.number, latest.year) if year >= goal.end_year else None
    elif year >= goal.end_year:
        status = "not_met"
        why = _short_at_end(goal, value.number, latest.year, op, target_value)
    elif expected is None:
        status, why = "needs_review", _r("no_baseline", year=latest.year)
    else:
        line_op = "<=" if goal.direction == "decrease" else ">="
        on_line = bound_decides(value.bound, value.number, line_op, expected)
        if on_line is None:
            status = "needs_review"
            why = _r("bound_undecided", text=shown, op=OP_SYMBOLS[line_op], target=expected)
        else:
            status = "on_track" if on_line else "behind"
            why = _r("expected_by", expected=_expected_shown(expected, value.number), year=year,
                     share=share)  # fmt: skip
    reasons = (note, why) if why is not None else (note,)
    return Verdict(
        status, value.number, latest.year, None, 1.0 if met else None, expected, target_value,
        reasons, baseline, share,
    )  # fmt: skip


#: The reasons that say a figure is a bound, first of a verdict's: reported so, or printed so
#: in the plan's completion table of the period before (`check.check_previous`).
BOUND_NOTES = frozenset({"bound_reported", "bound_printed"})


def reported_bound(verdict: Verdict) -> str | None:
    """The bound a verdict's figure was reported as (`95%以上`, `>99.9`), as written; None
    for an exact figure. Shown as the actual: the number alone reads as the figure."""
    reasons = verdict.reasons
    if reasons and reasons[0][0] in BOUND_NOTES:
        return str(reasons[0][1]["text"])
    return None


def shown_actual(verdict: Verdict) -> float | str | None:
    """The actual as the columns of results hold it (`ResultColumns.actuals`): a figure
    reported as a bound as written (`99%以上`), for the number alone is no figure — the
    spread across regions counted 99%以上 as 99 among the counties' figures (a trial)."""
    return reported_bound(verdict) or verdict.actual


def bound_decides(bound: str, figure: float, op: str, target: float) -> bool | None:
    """Whether every value the bound allows satisfies `op target` (True), none does (False),
    or the bound does not tell (None)."""
    lower = bound in (">", ">=")
    strict = bound in (">", "<")
    if op in (">=", ">"):
        if lower:
            return (
                True if figure > target or (figure == target and (strict or op == ">=")) else None
            )
        return False if figure < target or (figure == target and (strict or op == ">")) else None
    if op in ("<=", "<"):
        if not lower:
            return (
                True if figure < target or (figure == target and (strict or op == "<=")) else None
            )
        return False if figure > target or (figure == target and (strict or op == "<")) else None
    return None  # 左右: a bound never places a figure within the band


def resolve_baseline(
    goal: Goal,
    numeric: Sequence[Observation],
    sheet_baseline: float | None = None,
    own_area: bool = True,
) -> Baseline:
    """The starting point of the progress line (see the module docstring for the order).

    `numeric` are the numeric observations up to the judged year, sorted by year.
    """
    fixed = goal.baseline_for(own_area)
    if fixed is not None:
        return fixed
    if sheet_baseline is not None:
        return Baseline(sheet_baseline, goal.baseline_year, "sheet")
    # (a bound, 95%以上, is no figure to start from: it says where the figure is)
    for o in numeric:
        if o.year == goal.baseline_year and not o.value.running_total and o.value.exact:
            return Baseline(o.value.number, o.year, "reported")
    if goal.area_baseline is not None:  # a region with no baseline of its own
        return goal.area_baseline
    for o in numeric:
        if not o.value.running_total and o.value.exact:
            return Baseline(o.value.number, o.year, "first_reported")
    return NO_BASELINE


def time_share(baseline_year: int, end_year: int, year: int) -> float | None:
    """The share of the period from the baseline year to the end year elapsed by `year`."""
    span = end_year - baseline_year
    if span <= 0:
        return None
    return min(max((year - baseline_year) / span, 0.0), 1.0)


def expected_path(goal: Goal, baseline: Baseline, target_value: float) -> list[tuple[int, float]]:
    """时间过半、任务过半: the straight line from the baseline used to the target, by year."""
    if baseline.value is None or baseline.year is None or goal.kind == "annual_average":
        return []
    if goal.end_year <= baseline.year:
        return []
    op = goal.op
    if goal.kind == "level" and satisfies(baseline.value, op, target_value):
        # Met at the baseline: the target itself is expected every year, as in the verdict.
        return [(y, target_value) for y in range(baseline.year, goal.end_year + 1)]
    return [
        (y, _on_line(goal, baseline, target_value, y, share))
        for y in range(baseline.year, goal.end_year + 1)
        if (share := time_share(baseline.year, goal.end_year, y)) is not None
    ]


def _line(
    goal: Goal, baseline: Baseline, target_value: float, year: int, baseline_met: bool = False
) -> tuple[float | None, float | None]:
    """(time share, expected value at `year`) on the line the status is judged against.

    A baseline that already satisfied the target draws no line towards it (a cap of ≤ 18 from
    16.9 would otherwise "expect" a rise): the target itself is what is expected every year.
    """
    if goal.kind == "annual_average":
        return None, target_value  # every year's average should reach the target itself
    if baseline.value is None or baseline.year is None:
        return None, None
    share = time_share(baseline.year, goal.end_year, year)
    if share is None:
        return None, None
    if baseline_met:
        return share, target_value
    return share, _on_line(goal, baseline, target_value, year, share)


def _on_line(goal: Goal, baseline: Baseline, target_value: float, year: int, share: float) -> float:
    """The value expected in `year`: on the straight line from baseline to target, or for a
    yearly growth rate (年均增长5%) on its compound path, base × (1 + 5%) per year."""
    assert baseline.value is not None and baseline.year is not None
    target = goal.target
    if target.change == "annual":
        years = min(max(year, baseline.year), goal.end_year) - baseline.year
        return _round(change_target(target, baseline.value, years))
    return _round(baseline.value + (target_value - baseline.value) * share)


def _progress(
    goal: Goal,
    baseline: Baseline,
    actual: float,
    target_value: float,
    op: str,
    met: bool,
    baseline_met: bool = False,
) -> float | None:
    """(A − B)/(T − B): the share of the way from baseline to target covered.

    Defined so that it never contradicts the status: a met target is 100 % (the overshoot
    shows in the gap) and nothing else is; where the formula has no meaning — no baseline, a
    baseline that already satisfied the target, a figure exactly at a strict target (>90 and
    90) or past a 左右 band — there is no progress figure. Totals and yearly averages measure
    from zero (B = 0).
    """
    if met:
        return 1.0
    if goal.kind == "annual_average":
        progress = _round(actual / target_value) if target_value else None
    elif baseline.value is None or baseline.value == target_value or baseline_met:
        return None
    else:
        progress = _round((actual - baseline.value) / (target_value - baseline.value))
    return progress if progress is not None and progress < 1.0 else None


def sum_note(years: Sequence[int], start: int) -> Reason:
    """How a five-year total was summed: the count of yearly figures (`years`, in order),
    and the years from `start` before the last figure that have none — the sum leaves them
    out (2021–2025 summed without 2022 read as "2021—2025年累计205个": trial 18)."""
    given = set(years)
    gaps = [year for year in range(start, years[-1]) if year not in given] if years else []
    if not gaps:
        return _r("sum", count=len(years))
    return _r("sum_short", count=len(years), listed="、".join(map(str, gaps)),
              listed_en=", ".join(map(str, gaps)))  # fmt: skip


def _r(code: str, **args: object) -> Reason:
    return (code, args)


def _year(observation: Observation) -> int:
    return observation.year


def _aggregate(goal: Goal, upto: list[Observation]) -> tuple[float, int, tuple[Reason, ...]]:
    """(actual, actual year, notes) for the goal's kind."""
    in_period = [o for o in upto if goal.start_year <= o.year <= goal.end_year]
    if goal.kind == "cumulative":
        totals = [o for o in in_period if o.value.running_total]
        last_total = totals[-1] if totals else None
        start = last_total.year if last_total else goal.start_year - 1
        yearly = [o for o in in_period if not o.value.running_total and o.year > start]
        actual = (last_total.value.number or 0.0) if last_total else 0.0
        actual += sum(o.value.number or 0.0 for o in yearly)
        used = ([last_total] if last_total else []) + yearly
        if last_total is None:
            note = sum_note([o.year for o in yearly], start + 1)
        elif yearly:  # (not "3 yearly figures": one of them is a total of several years)
            note = _r("running_total_and_sum", year=last_total.year, count=len(yearly))
        else:
            note = _r("running_total")
        return _round(actual), used[-1].year, (note,)
    if goal.kind == "annual_average" and in_period:
        values = [o.value.number or 0.0 for o in in_period]
        note = (_r("mean", count=len(values)),)
        return _round(sum(values) / len(values)), in_period[-1].year, note
    latest = upto[-1]
    assert latest.value.number is not None
    return latest.value.number, latest.year, ()


def _judge_qualitative(goal: Goal, latest: Observation, year: int) -> Verdict:
    answer = answer_satisfies(latest.value)
    shown = _shown(latest.value)
    if answer is True:
        return Verdict(
            "met",
            shown,
            latest.year,
            progress=1.0,
            reasons=(_r("reported", text=latest.value.raw),),
        )
    if answer is False:
        status: Status = "not_met" if year >= goal.end_year else "behind"
        return Verdict(status, shown, latest.year, reasons=(_r("reported", text=latest.value.raw),))
    return Verdict(
        "needs_review",
        shown,
        latest.year,
        reasons=(_r("neither_yes_nor_no", text=latest.value.raw, target=goal.target.raw),),
    )


def satisfies(actual: float, op: str, target: float) -> bool:
    """Whether `actual` meets `op target` (strict for > and <; 左右 within 5 %)."""
    eps = 1e-9 * max(1.0, abs(target))
    if op == ">=":
        return actual >= target - eps
    if op == ">":
        return actual > target + eps
    if op == "<=":
        return actual <= target + eps
    if op == "<":
        return actual < target - eps
    return abs(actual - target) <= APPROX_TOLERANCE * abs(target) + eps


def _shown(value: Value) -> float | str | None:
    return value.number if value.number is not None else value.text


def _round(number: float) -> float:
    return round(number, 6) + 0.0


def _expected_shown(expected: float, actual: float) -> float:
    """The expected value a reason quotes, to two decimals as the reports show a computed
    figure (views.numbers.computed): "2023年应达 10.79", beside the 应达值 column's 10.79 —
    with more (up to four, as `computed_apart`) where two would read as the actual figure it
    is compared with (应达 2.5602 beside 2.56, not 2.56: 进度滞后 read wrong)."""
    places = 2
    if round(expected, 4) != round(actual, 4):  # (alike to four decimals: float noise)
        while places < 4 and round(expected, places) == round(actual, places):
            places += 1
    return round(expected, places) + 0.0
