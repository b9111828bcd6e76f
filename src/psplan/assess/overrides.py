"""Overrides: a user settles an ambiguous plan row for one check, and every report says so.

Hanzhong prints 城镇老旧小区改造 1246 个 without brackets, yet it is very likely a five-year
total. The plan file records what is printed; an overrides file records a reader's decision:

    overrides:
      - indicator: old_community_renovation     # id or printed name
        kind: cumulative                        # level | cumulative | annual_average
        reason: 市住建局确认1246个为五年累计数

Allowed changes: `kind`, `direction`, `baseline`, `baseline_year`. A reason is required; it is
printed beside every result the override touched.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from psplan.errors import Message, PsplanError, plain, quoted
from psplan.plan.model import Indicator, Plan
from psplan.words import say

CHANGES = ("kind", "direction", "baseline", "baseline_year")


@dataclass(frozen=True)
class Override:
    indicator: str  # id or name, as written
    changes: tuple[tuple[str, Any], ...]
    reason: str
    where: str = ""  # file:line, for messages

    def worded(self, lang: str) -> str:
        """The changes as a report words them: 类型：五年累计；基期值：0 (kind: five-year total;
        baseline: 0), never the file's keys."""
        parts = []
        for key, value in self.changes:
            if key == "kind":
                shown = say(f"comparison.kind.{value}", lang)
            elif key == "direction":
                shown = say(f"override.direction.{value}", lang)
            else:
                shown = str(value)
            field = say(f"override.field.{key}", lang)
            parts.append(say("override.change", lang, field=field, value=shown))
        return say("sep.reasons", lang).join(parts)


def read_overrides(path: str | Path) -> list[Override]:
    """Overrides from a YAML file (a list, or a mapping with an `overrides` list)."""
    from psplan.plan.yamlsource import load_yaml, read_text

    path = Path(path)
    document = load_yaml(read_text(path), str(path))
    data = document.data
    if isinstance(data, dict) and "overrides" in data:
        data, prefix = data["overrides"], ("overrides",)
    else:
        prefix = ()
    if not isinstance(data, list):
        raise PsplanError("overrides.not_a_list", document.locate(()))
    overrides = []
    for index, entry in enumerate(data):
        where = document.locate((*prefix, index))
        if not isinstance(entry, dict):
            raise PsplanError("overrides.not_a_mapping", where)
        problem = entry_problem(entry)
        if problem is not None:
            raise PsplanError(problem, where)
        changes = tuple((key, entry[key]) for key in CHANGES if key in entry)
        overrides.append(
            Override(str(entry["indicator"]), changes, str(entry["reason"]).strip(), str(where))
        )
    return overrides


def entry_problem(entry: Any) -> Message | None:
    """What is wrong with one override written as a mapping (a file's entry, or a mapping
    given in Python), if anything: an unknown key, no indicator or reason, no change."""
    unknown = set(map(str, entry)) - {"indicator", "reason", *CHANGES}
    if unknown:
        allowed = ", ".join(("indicator", "reason", *CHANGES))
        return Message("overrides.unknown_key", key=quoted(sorted(unknown)[0]), allowed=allowed)
    if not entry.get("indicator") or not str(entry.get("reason") or "").strip():
        return Message("overrides.incomplete")
    if not any(key in entry for key in CHANGES):
        return Message("overrides.no_change", changes=", ".join(CHANGES))
    return None


def apply_overrides(plan: Plan, overrides: list[Override]) -> tuple[Plan, dict[str, Override]]:
    """The plan with the overridden rows changed, and indicator id → the override applied.

    Each changed row is validated like a plan row, so `kind: totl` is an error, not a guess.
    """
    if not overrides:
        return plan, {}
    from pydantic import ValidationError

    from psplan.assess.check import IndicatorMatcher

    matcher = IndicatorMatcher(plan)
    applied: dict[str, Override] = {}
    indicators = {indicator.id: indicator for indicator in plan.indicators}
    for override in overrides:
        indicator = matcher.match(override.indicator)
        if indicator is None:
            hints = matcher.suggest(override.indicator)
            hint = Message("check.did_you_mean", names=" / ".join(hints)) if hints else ""
            message = Message(
                "overrides.unknown_indicator",
                indicator=quoted(override.indicator),
                plan=plan.id,
                hint=hint,
            )
            raise PsplanError("overrides.at", where=plain(override.where), message=message)
        data = indicators[indicator.id].model_dump()
        data.update(dict(override.changes))
        try:
            indicators[indicator.id] = Indicator.model_validate(data)
        except ValidationError as exc:
            from psplan.plan.plans import schema_message

            first = exc.errors(include_url=False, include_input=False, include_context=True)[0]
            field = ".".join(str(part) for part in first["loc"])
            message = Message("overrides.invalid", field=field, message=schema_message(first))
            raise PsplanError(
                "overrides.at", where=plain(override.where), message=message
            ) from None
        applied[indicator.id] = override
    changed = plan.model_copy(update={"indicators": [indicators[i.id] for i in plan.indicators]})
    return changed, applied
