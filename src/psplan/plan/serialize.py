"""Plans as plain dicts: the JSON contract of `psplan show`, shared by every output format.

Keys here are a contract other tools read: keys may be added, none renamed.
"""

from __future__ import annotations

from typing import Any

from psplan.plan.model import Indicator, Plan
from psplan.plan.targets import Expression
from psplan.words import say


def target_kind(expr: Expression, kind: str) -> str:
    """The kind of a target: the indicator's kind for numbers, else the expression's form."""
    return kind if expr.form == "number" else expr.form


def expression_dict(expr: Expression, kind: str, direction: str) -> dict[str, Any]:
    return {
        "raw": expr.raw,
        "kind": target_kind(expr, kind),
        "op": expr.effective_op(direction),
        "value": expr.value,
    }


def baseline_dict(plan: Plan, indicator: Indicator) -> dict[str, Any]:
    return {
        "raw": indicator.baseline.raw,
        "value": indicator.baseline.value,
        "year": plan.baseline_year_of(indicator),
    }


def target_dict(indicator: Indicator) -> dict[str, Any]:
    return expression_dict(
        indicator.target, indicator.effective_kind, indicator.effective_direction
    )


def indicator_dict(plan: Plan, indicator: Indicator) -> dict[str, Any]:
    kind = indicator.effective_kind
    direction = indicator.effective_direction
    return {
        "id": indicator.id,
        "name": indicator.name,
        "domain": indicator.domain,
        "unit": indicator.unit,
        "baseline": baseline_dict(plan, indicator),
        "target": target_dict(indicator),
        "attribute": indicator.attribute,
        "attribute_label": say(f"attribute.{indicator.attribute}", "zh"),
        "direction": direction,
        "kind": kind,
        "maps_to": indicator.maps_to,
        "notes": list(indicator.notes),
        "source": indicator.source.model_dump(exclude_none=True) if indicator.source else None,
    }


def plan_dict(plan: Plan) -> dict[str, Any]:
    return {
        "id": plan.id,
        "name": plan.name,
        "level": plan.level,
        "region": plan.region,
        "parent": plan.parent,
        "period": {"start": plan.period.start, "end": plan.period.end},
        "baseline_year": plan.baseline_year,
        "domains": list(plan.domains),
        "indicators": [indicator_dict(plan, indicator) for indicator in plan.indicators],
        "catalogue": [
            {
                "id": item.id,
                "domain": item.domain,
                "category": item.category,
                "name": item.name,
                "aliases": list(item.aliases),
            }
            for item in plan.catalogue
        ],
    }


def draft_yaml(data: dict[str, Any], command: str) -> str:
    """A drafted plan (`psplan init`, `psplan import`) as the text of a plan file: a comment
    saying what made it, then the fields in the plan file's order, Chinese as it is."""
    import yaml

    from psplan.words import say

    # in the command's language: the planner reads it first, and fills the draft in
    header = "".join(f"# {line}\n" for line in say("draft.header", command=command).split("\n"))
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    return header + body
