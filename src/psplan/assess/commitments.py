"""The plan's commitments beyond its main table, judged as secondary indicators.

A commitment (`Plan.commitments`) is judged by the same rules as a main indicator when the
figures name it — by its id (`c031`) or its subject as the plan prints it — but apart: its
results are `Assessment.commitments`, never among `results`, so the main table's counts do
not move. Its goal: the target read by `commitment_target`, no printed baseline (a figure for
the plan's baseline year, else the first reported, as for any indicator without one), due in
the year the text names — a 2022 promise judged in 2023 is met or not met — and a 每年 promise
due every year judged.
"""

from __future__ import annotations

from psplan.assess.evaluate import Goal
from psplan.plan.commitments import commitment_target
from psplan.plan.model import Commitment, Indicator, Plan, infer_direction
from psplan.plan.targets import parse_expression


def commitment_indicators(plan: Plan) -> list[tuple[Commitment, Indicator]]:
    """Each commitment with the indicator it is judged as (built without validation: its
    target is the commitment grammar's, already checked by `validate`)."""
    return [(c, _indicator(c)) for c in plan.commitments]


def _indicator(commitment: Commitment) -> Indicator:
    target = commitment_target(commitment.target, commitment.unit)
    return Indicator.model_construct(
        id=commitment.id,
        domain=commitment.box or commitment.chapter or "",
        name=commitment.subject,
        aliases=[],
        unit=commitment.unit,
        baseline=parse_expression(None),
        target=target,
        attribute="expected",
        attribute_printed="—",
        notes=list(commitment.notes),
        notes_zh=list(commitment.notes_zh),
    )


def commitment_goal(plan: Plan, commitment: Commitment, indicator: Indicator, year: int) -> Goal:
    """What a commitment asks, due in its year (every year judged, for a 每年 promise)."""
    due = year if commitment.year == "annual" else commitment.year
    return Goal(
        target=indicator.target,
        kind="level",
        direction=infer_direction(indicator.name, indicator.target),
        baseline=indicator.baseline,
        baseline_year=plan.baseline_year,
        start_year=plan.period.start,
        end_year=due,
    )
