"""Two plan periods: the next one drafted from the last one's final figures, and the lineage
between them.

`next_period_draft` writes what `psplan init` gives a planner setting up 十五五 monitoring: the
same domains and indicators, each baseline the previous period's final figure for the plan's
own area (the end year's, else the latest before it, with its year), with the file and row it
came from, a `previous` link on each indicator, and no target — the plan is a `draft` until
the planner fills them in. Nothing is guessed: a row without a final figure keeps no baseline
and says why.

`lineage` reads a new plan's `previous` links against the old plan: which indicators go on
(the same, renamed), which new ones replace an old one, which old ones are dropped, which are
new.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from psplan.assess.assessment import Assessment, Result
from psplan.errors import Message
from psplan.plan.model import Indicator, Plan
from psplan.plan.targets import number_text
from psplan.words import say

#: The words plans use for a period (the draft's name follows the old one's).
_PERIOD_NAMES = {2016: "十三五", 2021: "十四五", 2026: "十五五", 2031: "十六五"}
_ATTRIBUTES = {"binding": "约束性", "expected": "预期性"}


def next_period_draft(
    report: Assessment, new_id: str, start: int, end: int, files: Sequence[str]
) -> dict[str, Any]:
    """The draft plan (plain data, in the plan file's field order) from the previous plan's
    final assessment `report` (judged in its end year)."""
    old = report.plan
    finals = {r.indicator.id: r for r in _own(report)}
    missing = without_own_area(report)
    elsewhere = missing.render() if missing is not None else None
    indicators = []
    for indicator in old.indicators:
        row: dict[str, Any] = {
            "id": indicator.id,
            "domain": indicator.domain,
            "name": indicator.name,
        }
        if indicator.unit:
            row["unit"] = indicator.unit
        if elsewhere is not None:
            row["notes"] = [elsewhere]
        else:
            row.update(_baseline(indicator, finals.get(indicator.id), start - 1))
        # the word the old plan's reading took (约束性 of a printed 约束性（预期性）, which as
        # `attribute` made a draft psplan's own validate refused: a trial's finding); the new
        # plan's planners decide it again, its old label a `previous` link away
        row["attribute"] = _ATTRIBUTES[indicator.attribute]
        for field in ("kind", "direction"):
            if getattr(indicator, field) is not None:
                row[field] = getattr(indicator, field)
        if indicator.lead_department:
            row["lead_department"] = indicator.lead_department
        row["previous"] = {"plan": old.id, "id": indicator.id, "relation": "same"}
        indicators.append(row)
    data: dict[str, Any] = {
        "id": new_id,
        "name": _next_name(old.name, old.period.start, start, end),
        "level": old.level,
    }
    if old.region:
        data["region"] = old.region
    data.update(
        {
            "period": {"start": start, "end": end},
            "baseline_year": start - 1,
            "draft": True,
            # in the command's language: the draft is the planner's to read and fill in
            "notes": [
                say(
                    "init.note.drafted",
                    plan=old.id,
                    start=old.period.start,
                    end=old.period.end,
                    files=", ".join(files),
                ),
                say("init.note.no_parent"),
            ],
            "domains": list(old.domains),
            "indicators": indicators,
        }
    )
    if old.leads:
        data["leads"] = [lead.model_dump(exclude_none=True, exclude_defaults=True)
                         for lead in old.leads]  # fmt: skip
    return data


def without_own_area(report: Assessment) -> Message | None:
    """Why no row of the draft has a baseline where the files give counties' figures only (a
    baseline is the plan's own area's final figure); else None."""
    regions = [region for region in report.regions if region]
    if _own(report) or len(regions) < 2:
        return None
    return Message("init.note.no_own_area", plan=report.plan.id,
                   own="、".join(sorted(report.own_area)), regions=len(regions))  # fmt: skip


def _own(report: Assessment) -> list[Result]:
    """The results of the plan's own area (rows without a region, or its own name)."""
    own = [r for r in report.results if r.region is None or r.region in report.own_area]
    regions = {r.region for r in report.results}
    return own or (list(report.results) if len(regions) == 1 else [])


def _baseline(indicator: Indicator, result: Result | None, year: int) -> dict[str, Any]:
    """The baseline fields of a drafted row: the final figure (a five-year total in brackets,
    as plans print the previous period's total), its year if not the baseline year, and
    where it was read; or a note saying why there is none."""
    observed = [o for o in (result.observations if result else ()) if o.year <= year]
    numbers = [o for o in observed if o.value.number is not None]
    if indicator.effective_kind == "cumulative":
        verdict = result.verdict if result else None
        if verdict is None or not isinstance(verdict.actual, int | float):
            return {"notes": [say("init.note.no_total", year=year)]}
        last = max(numbers, key=lambda o: o.year) if numbers else None
        fields: dict[str, Any] = {"baseline": f"[{number_text(verdict.actual)}]"}
        if last is not None:
            fields["baseline_source"] = {"file": last.file, "line": last.line}
        return fields
    if not numbers:
        texts = [o for o in observed if o.value.text]
        if texts:  # 应保尽保, 是: a qualitative result, no number to start from
            last = max(texts, key=lambda o: o.year)
            return {"notes": [say("init.note.only_text", year=year, text=last.value.raw,
                                  last=last.year)]}  # fmt: skip
        return {"notes": [say("init.note.no_figure", year=year)]}
    final = max(numbers, key=lambda o: o.year)
    fields = {"baseline": number_text(final.value.number)}
    if final.year != year:
        fields["baseline_year"] = final.year
    fields["baseline_source"] = {"file": final.file, "line": final.line}
    if final.value.bound is not None:  # >98.5 is where the figure is, not what it is
        fields["notes"] = [say("init.note.bound", year=final.year, text=final.value.raw,
                               number=fields["baseline"])]  # fmt: skip
    return fields


def _next_name(name: str, old_start: int, start: int, end: int) -> str:
    old_word, new_word = _PERIOD_NAMES.get(old_start), _PERIOD_NAMES.get(start)
    if old_word and new_word and old_word in name:
        return name.replace(old_word, new_word) + "（草案）"
    return f"{name}（{start}—{end}年，草案）"


# ----------------------------------------------------------------------------- lineage


@dataclass(frozen=True)
class Link:
    """One old indicator's fate in the new plan, or one new indicator's origin."""

    fate: str  # "same", "renamed", "replaced", "dropped", "new"
    old: Indicator | None
    new: Indicator | None


def lineage(old: Plan, new: Plan) -> list[Link]:
    """Each indicator of the old plan with what became of it in the new one (by the new
    plan's `previous` links to the old plan's id), then the new plan's indicators without a
    forebear."""
    successors: dict[str, Indicator] = {}
    for indicator in new.indicators:
        link = indicator.previous
        if link is not None and link.plan == old.id:
            successors.setdefault(link.id, indicator)
    links = []
    for indicator in old.indicators:
        after = successors.get(indicator.id)
        if after is None:
            links.append(Link("dropped", indicator, None))
            continue
        relation = after.previous.relation if after.previous else "same"
        fate = {"same": "same", "renamed": "renamed", "replaces": "replaced"}[relation]
        if fate == "same" and after.name != indicator.name:
            fate = "renamed"
        links.append(Link(fate, indicator, after))
    linked = {id(link.new) for link in links if link.new is not None}
    links += [Link("new", None, i) for i in new.indicators if id(i) not in linked]
    return links
