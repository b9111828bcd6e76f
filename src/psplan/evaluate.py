"""Judging an indicator in year Y (DOMAIN.md, "Judging an indicator in year Y").

Pure functions: a `Goal` (what the plan asks) and the `Observation`s reported for it go in, a
`Verdict` comes out. Reading files and matching names happen elsewhere.

- met       — the actual already satisfies the target (strictly for > and <).
- not_met   — Y ≥ end year and it does not.
- on_track  — Y < end year, not met, at or beyond the line from baseline to target at Y
              ("时间过半、任务过半").
- behind    — Y < end year, not met, short of that line.
- no_data   — nothing reported up to Y.
- needs_review — a person must decide (qualitative text that is neither yes nor no, a
              relative target without its reference, no baseline and a single point…).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, NamedTuple

from psplan.messages import Reason, explain
from psplan.targets import Expression
from psplan.values import Value, answer_satisfies

Status = Literal["met", "on_track", "behind", "not_met", "no_data", "needs_review"]
STATUSES: tuple[Status, ...] = ("met", "on_track", "behind", "not_met", "no_data", "needs_review")

#: "左右" (approximately): within this share of the target counts as reached.
APPROX_TOLERANCE = 0.05


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


class Observation(NamedTuple):
    year: int
    value: Value
    line: int = 0  # where it was read, for messages about duplicates


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

    def reason(self, lang: str = "zh") -> str:
        return explain(self.reasons, lang)


def judge(
    goal: Goal,
    observations: Sequence[Observation],
    year: int,
    reference: float | None = None,
) -> Verdict:
    """Judge one indicator in `year` from the observations reported for it (any order)."""
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
    if not upto:
        return Verdict("no_data", reasons=(_r("no_data", year=year),))
    if target.form == "qualitative":
        return _judge_qualitative(goal, upto[-1], year)

    target_value = target.value
    if target.form == "relative":
        if reference is None:
            return Verdict(
                "needs_review",
                actual=_shown(upto[-1].value),
                actual_year=upto[-1].year,
                reasons=(
                    _r("needs_reference", target=target.raw, reference=target.reference, year=year),
                ),
            )
        target_value = reference
    assert target_value is not None

    if goal.kind != "level" and not any(goal.start_year <= o.year for o in upto):
        # A total or an average over the period needs figures from the period itself.
        return Verdict(
            "no_data",
            reasons=(_r("none_in_period", start=goal.start_year, year=year),),
        )

    texts = [o for o in upto if o.value.number is None]
    if texts:
        last = texts[-1]
        return Verdict(
            "needs_review",
            actual=last.value.text,
            actual_year=last.year,
            reasons=(_r("not_a_number", text=last.value.text, year=last.year),),
        )

    actual, actual_year, baseline, baseline_year, notes = _aggregate(goal, upto, year)
    if reference is not None:
        notes = (*notes, _r("reference", value=reference))
    op = target.effective_op(goal.direction) or ">="
    sign = -1.0 if goal.direction == "decrease" else 1.0
    gap = _round(sign * (target_value - actual))
    progress = None
    if goal.kind == "annual_average":
        # A yearly average is compared year by year with the target itself, not along a line
        # from the previous plan's average (which may even lie above the new target).
        baseline = None
        progress = _round(actual / target_value) if target_value else None
    elif baseline is not None and target_value != baseline:
        progress = _round((actual - baseline) / (target_value - baseline))

    if _satisfies(actual, op, target_value):
        return Verdict("met", actual, actual_year, gap, progress, None, target_value, notes)
    if year >= goal.end_year:
        why = _r("short_at_end", actual=actual, op=op, target=target_value)
        return Verdict(
            "not_met", actual, actual_year, gap, progress, None, target_value, (*notes, why)
        )
    if goal.kind == "annual_average":
        why = _r("average_short", target=target_value)
        return Verdict(
            "behind", actual, actual_year, gap, progress, target_value, target_value, (*notes, why)
        )
    if baseline is None:
        why = _r("no_baseline")
        return Verdict(
            "needs_review", actual, actual_year, gap, None, None, target_value, (*notes, why)
        )
    share = (year - baseline_year) / (goal.end_year - baseline_year)
    share = min(max(share, 0.0), 1.0)
    expected = _round(baseline + (target_value - baseline) * share)
    status: Status = "on_track" if sign * (actual - expected) >= -1e-9 else "behind"
    why = _r("expected_by", expected=expected, year=year, share=share)
    return Verdict(
        status, actual, actual_year, gap, progress, expected, target_value, (*notes, why)
    )


def _r(code: str, **args: object) -> Reason:
    return (code, args)


def _year(observation: Observation) -> int:
    return observation.year


def _aggregate(
    goal: Goal, upto: list[Observation], year: int
) -> tuple[float, int, float | None, int, tuple[Reason, ...]]:
    """(actual, actual year, baseline value, baseline year, notes) for the goal's kind."""
    in_period = [o for o in upto if goal.start_year <= o.year <= goal.end_year]
    if goal.kind == "cumulative":
        totals = [o for o in in_period if o.value.running_total]
        last_total = totals[-1] if totals else None
        start = last_total.year if last_total else goal.start_year - 1
        yearly = [o for o in in_period if not o.value.running_total and o.year > start]
        actual = (last_total.value.number or 0.0) if last_total else 0.0
        actual += sum(o.value.number or 0.0 for o in yearly)
        used = ([last_total] if last_total else []) + yearly
        note = _r("running_total") if last_total and not yearly else _r("sum", count=len(used))
        return _round(actual), used[-1].year, 0.0, goal.start_year - 1, (note,)
    if goal.kind == "annual_average" and in_period:
        values = [o.value.number or 0.0 for o in in_period]
        baseline = goal.baseline.value
        note = (_r("mean", count=len(values)),)
        return (
            _round(sum(values) / len(values)),
            in_period[-1].year,
            baseline,
            goal.baseline_year,
            note,
        )
    latest = upto[-1]
    baseline, baseline_year = goal.baseline.value, goal.baseline_year
    if baseline is None and len(upto) >= 2:
        # No printed baseline: the first reported figure is the starting point.
        baseline, baseline_year = upto[0].value.number, upto[0].year
    assert latest.value.number is not None
    return latest.value.number, latest.year, baseline, baseline_year, ()


def _judge_qualitative(goal: Goal, latest: Observation, year: int) -> Verdict:
    answer = answer_satisfies(latest.value)
    shown = _shown(latest.value)
    if answer is True:
        return Verdict("met", shown, latest.year, reasons=(_r("reported", text=latest.value.raw),))
    if answer is False:
        status: Status = "not_met" if year >= goal.end_year else "behind"
        return Verdict(status, shown, latest.year, reasons=(_r("reported", text=latest.value.raw),))
    return Verdict(
        "needs_review",
        shown,
        latest.year,
        reasons=(_r("neither_yes_nor_no", text=latest.value.raw, target=goal.target.raw),),
    )


def _satisfies(actual: float, op: str, target: float) -> bool:
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
