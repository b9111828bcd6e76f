"""`psplan validate`: schema and semantic checks of plan files, every problem reported.

Semantic checks work on each row on its own, so a file with a broken target, a duplicate id
and an unknown domain reports all three, not just the first that stops the schema.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from psplan.errors import Location, Problem, PsplanError
from psplan.model import Indicator, Plan, PreviousIndicator
from psplan.plans import (
    LoadedPlan,
    find_parent,
    read_document,
    resolve_plan,
    schema_problems,
)
from psplan.yamlsource import YamlDocument


def validate_file(name_or_path: str | Path, parent: LoadedPlan | None = None) -> list[Problem]:
    """All problems of one plan file (empty when it is valid)."""
    try:
        path = resolve_plan(name_or_path)
        document = read_document(path)
    except PsplanError as exc:
        return [Problem(exc.location or Location(str(name_or_path)), exc.message, "read")]
    return validate_document(document, parent)


def validate_document(document: YamlDocument, parent: LoadedPlan | None = None) -> list[Problem]:
    return _validate(document, parent)[1]


def _validate(
    document: YamlDocument, parent: LoadedPlan | None = None
) -> tuple[Plan | None, list[Problem]]:
    """The plan (None if the schema rejects it) and every problem of the document."""
    problems: list[Problem] = []
    plan: Plan | None = None
    try:
        plan = Plan.model_validate(document.data)
    except ValidationError as exc:
        problems.extend(schema_problems(exc, document))
    problems.extend(_semantic_problems(document, plan, parent))
    ordered = sorted(set(problems), key=lambda p: (p.location.line, p.location.column, p.message))
    return plan, ordered


def _rows(document: YamlDocument, key: str) -> Iterator[tuple[int, dict[str, Any]]]:
    rows = document.data.get(key)
    if isinstance(rows, list):
        for index, row in enumerate(rows):
            if isinstance(row, dict):
                yield index, row


def _row_at(document: YamlDocument, key: str, index: int) -> dict[str, Any]:
    return document.data[key][index]


def _continues(row: dict[str, Any], first: dict[str, Any]) -> bool:
    """A row under a merged 服务项目 cell repeats the name and maps to the first row's item."""
    maps_to = row.get("maps_to")
    return isinstance(maps_to, list) and first.get("id") in maps_to


def _semantic_problems(
    document: YamlDocument, plan: Plan | None, parent: LoadedPlan | None
) -> list[Problem]:
    data = document.data
    problems: list[Problem] = []

    def problem(path: tuple[Any, ...], message: str, code: str) -> None:
        problems.append(Problem(document.locate(path), message, code))

    domains = data.get("domains") if isinstance(data.get("domains"), list) else None
    known_domains = {d for d in domains or [] if isinstance(d, str)}
    baseline_year = data.get("baseline_year")
    period = data.get("period") if isinstance(data.get("period"), dict) else {}
    period_end = period.get("end")

    # Unique ids and known domains, on the raw rows.
    for key, label in (("indicators", "indicator"), ("catalogue", "catalogue item")):
        seen: dict[str, int] = {}
        names: dict[str, int] = {}
        for index, row in _rows(document, key):
            row_id = row.get("id")
            if isinstance(row_id, str):
                if row_id in seen:
                    problem(
                        (key, index, "id"),
                        f"duplicate {label} id {row_id!r} (first at line "
                        f"{document.locate((key, seen[row_id])).line})",
                        "duplicate-id",
                    )
                else:
                    seen[row_id] = index
            domain = row.get("domain")
            if domains is not None and isinstance(domain, str) and domain not in known_domains:
                problem(
                    (key, index, "domain"),
                    f"{label} {row_id!r}: domain {domain!r} is not one of the plan's domains",
                    "unknown-domain",
                )
            name = row.get("name")
            first = names.get(name) if isinstance(name, str) else None
            continues = first is not None and _continues(row, _row_at(document, key, first))
            if key == "catalogue" and isinstance(name, str) and not continues:
                if name in names:
                    problem(
                        (key, index, "name"),
                        f"duplicate catalogue item {name!r} (first at line "
                        f"{document.locate((key, names[name])).line})",
                        "duplicate-item",
                    )
                else:
                    names[name] = index

    # Row-level checks that need parsed targets: validate each row on its own.
    for index, row in _rows(document, "indicators"):
        try:
            indicator = Indicator.model_validate(row)
        except ValidationError:
            continue  # already reported by the schema pass
        for path, message, code in _indicator_problems(indicator, baseline_year, period_end):
            problem(("indicators", index, *path), message, code)

    previous = data.get("previous_plan")
    if isinstance(previous, dict) and isinstance(previous.get("indicators"), list):
        seen_previous: set[str] = set()
        for index, row in enumerate(previous["indicators"]):
            if not isinstance(row, dict):
                continue
            row_id = row.get("id")
            path = ("previous_plan", "indicators", index)
            if isinstance(row_id, str):
                if row_id in seen_previous:
                    problem((*path, "id"), f"duplicate previous-plan id {row_id!r}", "duplicate-id")
                seen_previous.add(row_id)
            try:
                item = PreviousIndicator.model_validate(row)
            except ValidationError:
                continue
            if all(e.form == "none" for e in (item.baseline, item.target, item.actual)):
                problem(path, f"previous-plan row {item.id!r} has no value at all", "empty")

    if plan is not None:
        problems.extend(_parent_problems(document, plan, parent))
    return problems


def _indicator_problems(
    indicator: Indicator, baseline_year: Any, period_end: Any
) -> Iterator[tuple[tuple[str, ...], str, str]]:
    label = f"indicator {indicator.id!r}"
    unit = (indicator.unit or "").strip()
    for field in ("target", "baseline"):
        expr = getattr(indicator, field)
        if expr.unit and unit and expr.unit != unit:
            yield (
                (field,),
                f"{label}: {field} {expr.raw!r} is in {expr.unit} but the unit is {unit!r}",
                "unit-mismatch",
            )
        if expr.unit and not unit:
            yield (
                ("unit",),
                f'{label}: {field} {expr.raw!r} is in {expr.unit}; set `unit: "{expr.unit}"`',
                "unit-mismatch",
            )
    if indicator.target.cumulative and indicator.kind not in (None, "cumulative"):
        yield (
            ("kind",),
            f"{label}: target {indicator.target.raw!r} is a five-year total in brackets, "
            f"but kind is {indicator.kind!r}",
            "kind-mismatch",
        )
    if indicator.target.form == "none":
        yield (("target",), f"{label}: the target is empty", "no-target")
    year = indicator.baseline_year or baseline_year
    if isinstance(year, int) and isinstance(period_end, int) and year >= period_end:
        yield (
            ("baseline_year",),
            f"{label}: baseline year {year} is not before the period's end {period_end}",
            "baseline-year",
        )


def _parent_problems(
    document: YamlDocument, plan: Plan, given_parent: LoadedPlan | None
) -> list[Problem]:
    parent = find_parent(plan.parent, given_parent)
    if parent is None:
        return []
    parent_ids = {indicator.id for indicator in parent.plan.indicators}
    parent_items = {item.id for item in parent.plan.catalogue}
    problems = []
    for index, item in enumerate(plan.catalogue):
        for position, item_id in enumerate(item.maps_to):
            if item_id not in parent_items:
                problems.append(
                    Problem(
                        document.locate(("catalogue", index, "maps_to", position)),
                        f"catalogue item {item.id!r}: maps_to {item_id!r} is not an item of "
                        f"the parent plan {parent.plan.id!r}",
                        "unknown-parent-item",
                    )
                )
    for index, indicator in enumerate(plan.indicators):
        if indicator.maps_to and indicator.maps_to not in parent_ids:
            problems.append(
                Problem(
                    document.locate(("indicators", index, "maps_to")),
                    f"indicator {indicator.id!r}: maps_to {indicator.maps_to!r} is not an "
                    f"indicator of the parent plan {parent.plan.id!r}",
                    "unknown-parent-indicator",
                )
            )
    return problems


class InvalidPlanError(PsplanError):
    """A plan with errors: the commands that judge refuse it, with `validate`'s problems."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        first = problems[0]
        more = (
            f" (and {len(problems) - 1} more; run `psplan validate`)" if len(problems) > 1 else ""
        )
        super().__init__(first.message + more, first.location)


def load_valid_plan(name_or_path: str | Path, parent: LoadedPlan | None = None) -> LoadedPlan:
    """Load a plan for judging: InvalidPlanError with every problem `validate` would print.

    A plan the schema accepts may still be wrong (a duplicate id, a maps_to to nowhere, a
    baseline year after the end): `check`, `trend`, `report` and `compare` use no such plan.
    """
    document = read_document(resolve_plan(name_or_path))
    plan, problems = _validate(document, parent)
    errors = [p for p in problems if p.level == "error"]
    if errors or plan is None:
        raise InvalidPlanError(errors or [Problem(document.locate(()), "invalid plan", "schema")])
    return LoadedPlan(plan, document)
