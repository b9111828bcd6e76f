"""`psplan validate`: schema and semantic checks of plan files, every problem reported.

Semantic checks work on each row on its own, so a file with a broken target, a duplicate id
and an unknown domain reports all three, not just the first that stops the schema.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from psplan.errors import Location, Message, Problem, ProblemsError, PsplanError, plain, quoted
from psplan.plan import cache as store
from psplan.plan.model import (
    DECREASE_WORDS,
    MAX_YEAR,
    MIN_YEAR,
    MOST_PERCENT,
    SIGNED_WORDS,
    Indicator,
    Plan,
    PreviousIndicator,
)
from psplan.plan.plans import (
    LoadedPlan,
    find_parent,
    read_document,
    read_keyed_document,
    resolve_plan,
    schema_problems,
    valid_plan_key,
)
from psplan.plan.yamlsource import YamlDocument, quote, shorten


def validate_file(
    name_or_path: str | Path,
    parent: LoadedPlan | None = None,
    max_problems: int | None = None,
) -> list[Problem]:
    """All problems of one plan file (empty when it is valid); see `validate_document` for
    `max_problems`."""
    try:
        path = resolve_plan(name_or_path)
        document = read_document(path)
    except PsplanError as exc:
        where = exc.location or Location(shorten(str(name_or_path), 200))
        return [Problem(where, exc.words, "read")]
    return validate_document(document, parent, max_problems)


def validate_document(
    document: YamlDocument, parent: LoadedPlan | None = None, max_problems: int | None = None
) -> list[Problem]:
    """Every problem of a plan document, in file order.

    With `max_problems`, collecting stops once that many are found: the list then holds at
    most `max_problems` problems and, if there were more, one last problem (code
    `too-many-problems`) saying that collecting stopped.
    """
    return _validate(document, parent, max_problems)[1]


TOO_MANY = "too-many-problems"
#: The problems a judging command collects from an invalid plan before it stops.
JUDGING_MAX_PROBLEMS = 1000


class _Enough(Exception):
    """Raised inside the checks once `max_problems` are collected."""


def _validate(
    document: YamlDocument, parent: LoadedPlan | None = None, max_problems: int | None = None
) -> tuple[Plan | None, list[Problem]]:
    """The plan (None if the schema rejects it) and every problem of the document."""
    if max_problems is not None and max_problems < 1:
        raise ValueError("max_problems must be at least 1")
    problems: list[Problem] = []
    plan: Plan | None = None
    more = False
    try:
        plan = Plan.model_validate(document.data)
    except ValidationError as exc:
        problems.extend(schema_problems(exc, document, max_problems))
        more = max_problems is not None and exc.error_count() > max_problems
    if not more:
        left = None if max_problems is None else max_problems - len(problems)
        found, more = _semantic_problems(document, plan, parent, left)
        problems.extend(found)
    # In file order; problems at the same place in the order the checks found them (not by
    # their words, which depend on the language).
    unique = dict.fromkeys(problems)
    ordered = sorted(unique, key=lambda p: (p.location.line, p.location.column))
    if max_problems is not None and (more or len(ordered) > max_problems):
        ordered = ordered[:max_problems]
        ordered.append(
            Problem(Location(document.file), "validate.stopped", TOO_MANY, count=max_problems)
        )
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


def _year(value: Any) -> int | None:
    """A year as written (2020 or "2020"), if it is one the schema accepts."""
    if isinstance(value, str) and value.strip().isdecimal() and len(value.strip()) == 4:
        value = int(value.strip())
    if isinstance(value, int) and not isinstance(value, bool) and MIN_YEAR <= value <= MAX_YEAR:
        return value
    return None


def _semantic_problems(
    document: YamlDocument, plan: Plan | None, parent: LoadedPlan | None, left: int | None
) -> tuple[list[Problem], bool]:
    """The checks beyond the schema, and whether they stopped with more than `left` to say."""
    problems: list[Problem] = []

    def problem(path: tuple[Any, ...], message: Message, code: str, level: str = "error") -> None:
        problems.append(Problem(document.locate(path), message, code, level))  # type: ignore[arg-type]
        if left is not None and len(problems) > left:
            raise _Enough

    try:
        _row_checks(document, problem)
        _year_checks(document, problem)
        if plan is not None:
            _parent_checks(document, plan, parent, problem)
            _previous_checks(plan, problem)
    except _Enough:
        return problems[:left], True
    return problems, False


#: Codes of the row checks that are warnings, not errors: the plan may mean it.
WARNING_CODES = frozenset({"direction", "percent-range", "rate-unit"})
#: Words that make a name a rate or a share (参保率, 占比), measured in %, ‰ or per 10万…
RATE_NAMES = ("率", "占比", "比例")
#: …and the endings of a unit of a count or an amount, which no rate is measured in.
COUNT_UNITS = ("人", "个", "张", "元", "所", "家", "户", "套", "名", "次", "平方米", "岁", "年")


def _seen_before(
    document: YamlDocument,
    path: tuple[Any, ...],
    value: str,
    seen: dict[str, int],
    key: str,
    argument: str,
    code: str,
    problem: Any,
) -> None:
    """Report `value` given a second time in a list (an id, a domain's lead), naming the
    line of the first; else remember where it is."""
    if value in seen:
        first_line = document.locate((path[0], seen[value])).line
        problem(path, Message(key, **{argument: quote(value)}, line=first_line), code)
    else:
        seen[value] = path[1]


def _row_checks(document: YamlDocument, problem: Any) -> None:
    data = document.data
    domains = data.get("domains") if isinstance(data.get("domains"), list) else None
    known_domains = {d for d in domains or [] if isinstance(d, str)}

    # Unique ids and known domains, on the raw rows.
    for key, label in (("indicators", "indicator"), ("catalogue", "item")):
        seen: dict[str, int] = {}
        names: dict[str, int] = {}
        for index, row in _rows(document, key):
            row_id = row.get("id")
            if isinstance(row_id, str):
                if row_id in seen:
                    first_line = document.locate((key, seen[row_id])).line
                    problem(
                        (key, index, "id"),
                        Message(
                            f"validate.duplicate_{label}_id", id=quote(row_id), line=first_line
                        ),
                        "duplicate-id",
                    )
                else:
                    seen[row_id] = index
            domain = row.get("domain")
            if domains is not None and isinstance(domain, str) and domain not in known_domains:
                problem(
                    (key, index, "domain"),
                    Message(
                        f"validate.unknown_{label}_domain", id=quote(row_id), domain=quote(domain)
                    ),
                    "unknown-domain",
                )
            name = row.get("name")
            first = names.get(name) if isinstance(name, str) else None
            continues = first is not None and _continues(row, _row_at(document, key, first))
            if key == "catalogue" and isinstance(name, str) and not continues:
                if name in names:
                    first_line = document.locate((key, names[name])).line
                    problem(
                        (key, index, "name"),
                        Message("validate.duplicate_item", name=quote(name), line=first_line),
                        "duplicate-item",
                    )
                else:
                    names[name] = index

    # A baseline or target written as a YAML number: its printed text is lost (4.50 reads 4.5,
    # 90.0 reads 90), where the plan's is its words (docs/plan-format.md: quote them)
    for index, row in _rows(document, "indicators"):
        for field in ("baseline", "target"):
            value = row.get(field)
            if isinstance(value, int | float) and not isinstance(value, bool):
                words = Message("validate.unquoted_figure", field=field, value=value)
                problem(("indicators", index, field), words, "unquoted", "warning")

    # A commitment: its own id, and a target the grammar reads.
    from psplan.plan.commitments import commitment_target

    seen_commitments: dict[str, int] = {}
    for index, row in _rows(document, "commitments"):
        row_id = row.get("id")
        if isinstance(row_id, str):
            key = "validate.duplicate_commitment_id"
            where = ("commitments", index, "id")
            _seen_before(document, where, row_id, seen_commitments, key, "id", "duplicate-id",
                         problem)  # fmt: skip
        target, unit = row.get("target"), row.get("unit")
        if isinstance(target, str) and (unit is None or isinstance(unit, str)):
            try:
                commitment_target(target, unit)
            except PsplanError as exc:
                problem(("commitments", index, "target"), exc.words, "bad-target")

    # A row's Chinese notes: one for each note, in its place (the previous plan's rows too).
    previous = document.data.get("previous_plan")
    previous_rows = previous.get("indicators") if isinstance(previous, dict) else None
    noted: list[tuple[tuple[Any, ...], dict[str, Any]]] = [
        ((key, index), row) for key in ("indicators", "commitments")
        for index, row in _rows(document, key)
    ]  # fmt: skip
    if isinstance(previous_rows, list):
        noted += [(("previous_plan", "indicators", index), row)
                  for index, row in enumerate(previous_rows) if isinstance(row, dict)]  # fmt: skip
    for where, row in noted:
        notes, chinese = row.get("notes") or [], row.get("notes_zh") or []
        if (
            isinstance(notes, list)
            and isinstance(chinese, list)
            and chinese
            and (len(chinese) != len(notes))
        ):
            words = Message("validate.notes_zh_count", id=quoted(str(row.get("id"))),
                            notes=len(notes), notes_zh=len(chinese))  # fmt: skip
            problem((*where, "notes_zh"), words, "notes-zh")

    # A domain's lead names a domain of the plan, once.
    led: dict[str, int] = {}
    for index, row in _rows(document, "leads"):
        domain = row.get("domain")
        if not isinstance(domain, str):
            continue
        if domains is not None and domain not in known_domains:
            problem(
                ("leads", index, "domain"),
                Message("validate.unknown_lead_domain", domain=quote(domain)),
                "unknown-domain",
            )
        else:
            _seen_before(document, ("leads", index, "domain"), domain, led,
                         "validate.lead_twice", "domain", "duplicate-lead", problem)  # fmt: skip

    # Row-level checks that need parsed targets: validate each row on its own.
    targets_to_do = False
    for index, row in _rows(document, "indicators"):
        try:
            indicator = Indicator.model_validate(row)
        except ValidationError:
            targets_to_do = True  # (not known: said by the schema pass)
            continue  # already reported by the schema pass
        for path, message, code in _indicator_problems(indicator):
            # a draft's rows still without a target are to do, not wrong (validate --strict)
            draft_gap = code == "no-target" and data.get("draft") is True
            targets_to_do = targets_to_do or code == "no-target"
            level = "warning" if draft_gap or code in WARNING_CODES else "error"
            problem(("indicators", index, *path), message, code, level)
    if data.get("draft") is True and not targets_to_do and list(_rows(document, "indicators")):
        # every target filled in, still marked a draft: `validate --strict` passed it (a
        # trial's finding), though the draft's own header says to remove the mark
        problem(("draft",), Message("validate.draft_done"), "draft", "warning")

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
                    problem(
                        (*path, "id"),
                        Message("validate.duplicate_previous_id", id=quote(row_id)),
                        "duplicate-id",
                    )
                seen_previous.add(row_id)
            try:
                item = PreviousIndicator.model_validate(row)
            except ValidationError:
                continue
            if all(e.form == "none" for e in (item.baseline, item.target, item.actual)):
                problem(path, Message("validate.previous_empty", id=quoted(item.id)), "empty")


def _year_checks(document: YamlDocument, problem: Any) -> None:
    """Baseline years before the end of their period; actual years after their baseline; the
    previous plan's period before this one's."""
    data = document.data
    period = data.get("period") if isinstance(data.get("period"), dict) else {}
    start, end = _year(period.get("start")), _year(period.get("end"))
    baseline_year = _year(data.get("baseline_year"))
    if baseline_year is not None and end is not None and baseline_year >= end:
        problem(
            ("baseline_year",),
            Message("validate.baseline_year", year=baseline_year, end=end),
            "baseline-year",
        )
    for index, row in _rows(document, "indicators"):
        year = _year(row.get("baseline_year"))
        if year is not None and end is not None and year >= end:
            problem(
                ("indicators", index, "baseline_year"),
                Message(
                    "validate.indicator_baseline_year", id=quote(row.get("id")), year=year, end=end
                ),
                "baseline-year",
            )

    previous = data.get("previous_plan")
    if not isinstance(previous, dict):
        return
    before = previous.get("period") if isinstance(previous.get("period"), dict) else {}
    before_start, before_end = _year(before.get("start")), _year(before.get("end"))
    if before_end is not None and start is not None and before_end >= start:
        problem(
            ("previous_plan", "period"),
            Message("validate.previous_period", end=before_end, start=start),
            "previous-period",
            "warning",
        )
    rows = previous.get("indicators")
    for index, row in enumerate(rows if isinstance(rows, list) else []):
        if not isinstance(row, dict):
            continue
        row_id = quote(row.get("id"))
        path = ("previous_plan", "indicators", index)
        year = _year(row.get("baseline_year"))
        if year is not None and before_end is not None and year >= before_end:
            problem(
                (*path, "baseline_year"),
                Message("validate.previous_baseline_year", id=row_id, year=year, end=before_end),
                "baseline-year",
            )
        base = year if year is not None else (before_start - 1 if before_start else None)
        actual_year = _year(row.get("actual_year"))
        if actual_year is not None and base is not None and actual_year <= base:
            problem(
                (*path, "actual_year"),
                Message("validate.previous_actual_year", id=row_id, year=actual_year, base=base),
                "actual-year",
            )


def _indicator_problems(indicator: Indicator) -> Iterator[tuple[tuple[str, ...], Message, str]]:
    label = quoted(indicator.id)
    unit = (indicator.unit or "").strip()
    for field in ("target", "baseline"):
        expr = getattr(indicator, field)
        if expr.form == "change" and expr.change != "amount":
            # its unit is the change's (个百分点 of a rate, % of the base); 提高0.5年 is in the
            # indicator's own, checked as any figure's below
            if expr.change == "points" and unit not in ("%", "‰"):
                yield (
                    (field,),
                    Message("validate.points_of_no_rate", id=label, value=quote(expr.raw),
                            indicator_unit=quote(unit or "—")),
                    "unit-mismatch",
                )  # fmt: skip
            continue
        if expr.unit and unit and expr.unit != unit:
            yield (
                (field,),
                Message(
                    "validate.unit_mismatch",
                    id=label,
                    field=Message(f"plan.{field}"),
                    value=quote(expr.raw),
                    unit=plain(expr.unit),
                    indicator_unit=quote(unit),
                ),
                "unit-mismatch",
            )
        if expr.unit and not unit:
            yield (
                ("unit",),
                Message(
                    "validate.unit_missing",
                    id=label,
                    field=Message(f"plan.{field}"),
                    value=quote(expr.raw),
                    unit=plain(expr.unit),
                ),
                "unit-mismatch",
            )
    if indicator.target.cumulative and indicator.kind not in (None, "cumulative"):
        yield (
            ("kind",),
            Message(
                "validate.kind_mismatch",
                id=label,
                value=quote(indicator.target.raw),
                kind=quoted(indicator.kind),
            ),
            "kind-mismatch",
        )
    if indicator.target.form == "none":
        yield (("target",), Message("validate.no_target", id=label), "no-target")
    target = indicator.target
    if (
        unit == "%"
        and target.form == "number"
        and target.value is not None
        and target.value > MOST_PERCENT
        and not any(word in indicator.name for word in SIGNED_WORDS)
    ):  # 4500 in %: its unit is likely another (每万人…平方米), and every figure would be flagged
        yield (("target",), Message("validate.percent_over", id=label, value=quote(target.raw),
                                    most=f"{MOST_PERCENT:g}"), "percent-range")  # fmt: skip
    for field in ("target", "baseline"):
        expr = getattr(indicator, field)
        if (
            unit == "%"
            and expr.form == "number"
            and expr.value is not None
            and 0 < expr.value < 1
            and expr.unit is None
        ):  # 0.95 for 95 %: a figure that only the sheet's % would make a share (a trial's)
            yield ((field,), Message("validate.percent_fraction", id=label,
                                     field=Message(f"plan.{field}"), value=quote(expr.raw),
                                     raw=plain(expr.raw), percent=f"{expr.value * 100:g}"),
                   "percent-range")  # fmt: skip
    rate = next((word for word in RATE_NAMES if word in indicator.name), None)
    if rate is not None and unit.endswith(COUNT_UNITS):
        # 参保率 in 万人: the unit of the count beside the rate, and every figure misread
        yield (("unit",), Message("validate.rate_in_count", id=label, word=quote(rate),
                                  unit=quote(unit)), "rate-unit")  # fmt: skip
    if target.form == "change" and indicator.direction is None:
        # 累计降低10% on a count of trainees: a change that turns the indicator around
        usual = "decrease" if any(word in indicator.name for word in DECREASE_WORDS) else "increase"
        asked = "increase" if target.op in (">=", ">") else "decrease"
        if asked != usual:
            yield (("target",), Message(f"validate.change_turns_{asked}", id=label,
                                        value=quote(target.raw)), "direction")  # fmt: skip


def _parent_checks(
    document: YamlDocument, plan: Plan, given_parent: LoadedPlan | None, problem: Any
) -> None:
    if given_parent is not None and given_parent.plan.id == plan.id:
        problem(
            ("id",),
            Message("validate.parent_is_self", file=plain(given_parent.file), id=quoted(plan.id)),
            "parent-is-self",
        )
        return
    parent = find_parent(plan.parent, given_parent)
    if parent is None:
        return
    parent_ids = {indicator.id for indicator in parent.plan.indicators}
    parent_items = {item.id for item in parent.plan.catalogue}
    for index, item in enumerate(plan.catalogue):
        for position, item_id in enumerate(item.maps_to):
            if item_id not in parent_items:
                problem(
                    ("catalogue", index, "maps_to", position),
                    Message(
                        "validate.unknown_parent_item",
                        id=quoted(item.id),
                        item=quote(item_id),
                        parent=quoted(parent.plan.id),
                    ),
                    "unknown-parent-item",
                )
    for index, indicator in enumerate(plan.indicators):
        if indicator.maps_to and indicator.maps_to not in parent_ids:
            problem(
                ("indicators", index, "maps_to"),
                Message(
                    "validate.unknown_parent_indicator",
                    id=quoted(indicator.id),
                    indicator=quote(indicator.maps_to),
                    parent=quoted(parent.plan.id),
                ),
                "unknown-parent-indicator",
            )


def _previous_checks(plan: Plan, problem: Any) -> None:
    """Each `previous` link names a bundled plan and one of its indicators: a link to an id
    spelled wrong was accepted, and `compare` then said 删除 1，新增 1 for an indicator that
    goes on (a trial's finding). A plan that is not bundled (the user's own file) is not
    checked, unless its id is close to a bundled one's: then that is said."""
    import difflib

    from psplan.plan.plans import bundled_plans, find_parent

    bundled = set(bundled_plans())
    said: set[str] = set()
    for index, indicator in enumerate(plan.indicators):
        link = indicator.previous
        if link is None or link.plan == plan.id:
            continue
        if link.plan not in bundled:
            close = difflib.get_close_matches(link.plan, sorted(bundled), n=1, cutoff=0.8)
            if close and link.plan not in said:
                said.add(link.plan)
                problem(("indicators", index, "previous", "plan"),
                        Message("validate.previous_plan_close", plan=quoted(link.plan),
                                close=quoted(close[0])), "unknown-previous", "warning")  # fmt: skip
            continue
        previous = find_parent(link.plan)
        if previous is None:
            continue
        ids = [old.id for old in previous.plan.indicators]
        if link.id not in ids:
            close = difflib.get_close_matches(link.id, ids, n=1, cutoff=0.6)
            hint = Message("validate.perhaps", name=quoted(close[0])) if close else ""
            problem(("indicators", index, "previous", "id"),
                    Message("validate.unknown_previous_indicator", id=quoted(indicator.id),
                            previous=quote(link.id), plan=quoted(link.plan), hint=hint),
                    "unknown-previous")  # fmt: skip


class InvalidPlanError(ProblemsError):
    """A plan with errors: the commands that judge refuse it, with `validate`'s problems."""

    MORE = "plan.and_more"


def load_valid_plan(
    name_or_path: str | Path,
    parent: LoadedPlan | None = None,
    max_problems: int | None = JUDGING_MAX_PROBLEMS,
) -> LoadedPlan:
    """Load a plan for judging: InvalidPlanError with the problems `validate` would print
    (collecting stops after `max_problems`, as in `validate_document`).

    A plan the schema accepts may still be wrong (a duplicate id, a maps_to to nowhere, a
    baseline year after the end): `check`, `trend`, `report` and `compare` use no such plan.
    """
    document, key = read_keyed_document(resolve_plan(name_or_path))
    # a plan validated before, from the same text and bundled parent by the same code, is
    # read back (`cache.get_object`): validating is most of a one-region check's plan
    valid_key = valid_plan_key(document, key) if parent is None else None
    cached = None if valid_key is None else store.get_object(valid_key, Plan)
    if cached is not None:
        return LoadedPlan(cached, document)
    plan, problems = _validate(document, parent, max_problems)
    errors = [p for p in problems if p.level == "error"]
    if errors or plan is None:
        raise InvalidPlanError(errors or [Problem(document.locate(()), "plan.invalid", "schema")])
    if valid_key is not None:
        store.put_object(valid_key, plan)
    return LoadedPlan(plan, document)
