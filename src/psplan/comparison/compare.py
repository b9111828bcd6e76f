"""`psplan compare`: does a child plan adopt its parent's indicators and service catalogue
"no lower than" the parent (按照不低于国家和省标准的原则, 内容无缺项)?

Pure functions over two `Plan`s. Targets are compared only where the comparison means
something: a nation's total (养老服务床位总量 1000 万张) and a city's (3.96 万张) measure
different populations, so sizes of totals are "not comparable", never "weaker".
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from psplan.assess.check import normalise_name, strip_unit
from psplan.assess.commitments import commitment_indicators
from psplan.plan.model import CatalogueItem, Commitment, Indicator, Plan
from psplan.plan.targets import Expression
from psplan.words import LANGS, Reason, explain, say

Verdict = Literal["missing", "weaker", "downgraded", "not_comparable", "equal", "stronger", "local"]
VERDICTS: tuple[Verdict, ...] = (
    "missing",
    "weaker",
    "downgraded",
    "not_comparable",
    "equal",
    "stronger",
    "local",
)

#: Units as multiples of a base unit, so 万个 and 个 compare correctly.
UNIT_SCALE: dict[str, tuple[str, float]] = {
    "个": ("个", 1),
    "万个": ("个", 1e4),
    "人": ("人", 1),
    "万人": ("人", 1e4),
    "人次": ("人次", 1),
    "万人次": ("人次", 1e4),
    "次": ("次", 1),
    "万次": ("次", 1e4),
    "张": ("张", 1),
    "万张": ("张", 1e4),
    "套": ("套", 1),
    "万套": ("套", 1e4),
    "户": ("户", 1),
    "万户": ("户", 1e4),
    "%": ("%", 1),
    "‰": ("%", 0.1),
    "平方米": ("平方米", 1),
    "㎡": ("平方米", 1),
    "m²": ("平方米", 1),
    "万平方米": ("平方米", 1e4),
    "岁": ("年", 1),
    "年": ("年", 1),
    "元": ("元", 1),
    "万元": ("元", 1e4),
}
#: Units that count things: a total in such a unit depends on the population it covers.
COUNT_UNITS = {"个", "人", "人次", "次", "张", "套", "户", "元"}
#: Name words that make a count a rate (per thousand people, per capita…).
PER_WORDS = ("每", "人均", "率", "比例", "占比", "平均")


@dataclass(frozen=True)
class IndicatorComparison:
    verdict: Verdict
    parent: Indicator | None
    child: Indicator | None
    reasons: tuple[Reason, ...] = ()
    downgraded: bool = False

    def reason(self, lang: str = "zh") -> str:
        return explain(self.reasons, lang)

    @property
    def failing(self) -> bool:
        """A binding parent indicator that is missing, weaker or downgraded."""
        if self.parent is None or not self.parent.is_binding:
            return False
        return self.verdict in ("missing", "weaker", "downgraded") or self.downgraded


@dataclass
class CatalogueComparison:
    covered: list[tuple[CatalogueItem, CatalogueItem]] = field(default_factory=list)
    missing: list[CatalogueItem] = field(default_factory=list)
    waived: list[tuple[CatalogueItem, str]] = field(default_factory=list)
    extra: list[CatalogueItem] = field(default_factory=list)

    def per_domain(self) -> dict[str, dict[str, int]]:
        counts: dict[str, dict[str, int]] = {}

        def bump(domain: str, key: str) -> None:
            counts.setdefault(domain, {"covered": 0, "missing": 0, "waived": 0, "extra": 0})
            counts[domain][key] += 1

        for parent, _ in self.covered:
            bump(parent.domain, "covered")
        for item in self.missing:
            bump(item.domain, "missing")
        for item, _ in self.waived:
            bump(item.domain, "waived")
        for item in self.extra:
            bump(item.domain, "extra")
        return counts


@dataclass(frozen=True)
class CommitmentPair:
    """A child's commitment and the parent's that measures the same thing (the same subject
    as printed, and the same unit), with how the child's target stands against it."""

    parent: Commitment
    child: Commitment
    verdict: Verdict
    reasons: tuple[Reason, ...]


@dataclass
class Comparison:
    parent: Plan
    child: Plan
    indicators: list[IndicatorComparison]
    catalogue: CatalogueComparison
    commitments: list[CommitmentPair] = field(default_factory=list)

    def summary(self) -> dict[str, int]:
        counts = dict.fromkeys(VERDICTS, 0)
        for row in self.indicators:
            counts[row.verdict] += 1
        counts["downgraded"] += sum(
            r.downgraded and r.verdict != "downgraded" for r in self.indicators
        )
        counts["catalogue_covered"] = len(self.catalogue.covered)
        counts["catalogue_missing"] = len(self.catalogue.missing)
        counts["catalogue_waived"] = len(self.catalogue.waived)
        counts["catalogue_extra"] = len(self.catalogue.extra)
        return counts

    @property
    def failing(self) -> bool:
        return any(row.failing for row in self.indicators) or bool(self.catalogue.missing)


def compare_plans(
    parent: Plan, child: Plan, waivers: Mapping[str, str] | None = None
) -> Comparison:
    return Comparison(
        parent,
        child,
        compare_indicators(parent, child),
        compare_catalogues(parent.catalogue, child.catalogue, waivers or {}),
        compare_commitments(parent, child),
    )


#: What a figure is per, printed just before a commitment's target: 人均, 每百户, 每个县.
_PER = re.compile(
    r"(人均|每[百千万]?[^，。；、\d]{0,3}?)(?:不少于|不低于|不超过|至少|达到|控制在)?$"
)


def compare_commitments(parent: Plan, child: Plan) -> list[CommitmentPair]:
    """The child's commitments paired with the parent's that measure the same thing: the
    same subject (spaces aside) and the same unit — a looser match would set 人均0.1平方米
    against 每百户30平方米. Each is judged as a target against the other's."""

    def key(c: Commitment) -> tuple[str, str, str]:
        # the per-what printed before the target (人均, 每百户) is part of the measure
        before = c.clause[: max(c.clause.find(c.target), 0)]
        per = _PER.search("".join(before.split()))
        return ("".join(c.subject.split()), "".join((c.unit or "").split()),
                per.group(1) if per else "")  # fmt: skip

    theirs: dict[tuple[str, str], tuple[Commitment, Indicator]] = {}
    for commitment, judged_as in commitment_indicators(parent):
        theirs.setdefault(key(commitment), (commitment, judged_as))
    pairs = []
    for commitment, judged_as in commitment_indicators(child):
        found = theirs.get(key(commitment))
        if found is not None:
            verdict, reasons = compare_targets(found[1], judged_as)
            pairs.append(CommitmentPair(found[0], commitment, verdict, reasons))
    return pairs


def _names(*names: str) -> set[str]:
    keys = set()
    for name in names:
        key = normalise_name(name)
        keys.update((key, strip_unit(key)))
    return keys


def compare_indicators(parent: Plan, child: Plan) -> list[IndicatorComparison]:
    rows: list[IndicatorComparison] = []
    matched: set[str] = set()
    for parent_indicator in parent.indicators:
        counterparts = [c for c in child.indicators if c.maps_to == parent_indicator.id]
        if not counterparts:
            keys = _names(parent_indicator.name, *parent_indicator.aliases)
            counterparts = [
                c
                for c in child.indicators
                if c.maps_to is None and _names(c.name, *c.aliases) & keys
            ]
        if not counterparts:
            rows.append(
                IndicatorComparison("missing", parent_indicator, None, (_r("no_counterpart"),))
            )
            continue
        for child_indicator in counterparts:
            matched.add(child_indicator.id)
            rows.append(compare_pair(parent_indicator, child_indicator))
    for child_indicator in child.indicators:
        if child_indicator.id not in matched:
            rows.append(IndicatorComparison("local", None, child_indicator, (_r("local"),)))
    return rows


def compare_pair(parent: Indicator, child: Indicator) -> IndicatorComparison:
    downgraded = parent.is_binding and not child.is_binding
    verdict, reasons = compare_targets(parent, child)
    if downgraded:
        reasons = (*reasons, _r("downgraded"))
        if verdict in ("equal", "stronger", "not_comparable"):
            verdict = "downgraded"
    return IndicatorComparison(verdict, parent, child, reasons, downgraded)


def _unit(indicator: Indicator, expr: Expression) -> str | None:
    return (indicator.unit or expr.unit or "").strip() or None


def _is_total(indicator: Indicator, unit: str | None) -> bool:
    if indicator.effective_kind == "cumulative":
        return True
    base = UNIT_SCALE.get(unit or "", (unit, 1))[0]
    return base in COUNT_UNITS and not any(word in indicator.name for word in PER_WORDS)


def compare_targets(parent: Indicator, child: Indicator) -> tuple[Verdict, tuple[Reason, ...]]:
    """How ambitious the child's target is next to the parent's."""
    p, c = parent.target, child.target
    if p.form == "none" or c.form == "none":
        return "not_comparable", (_r("no_target"),)
    if p.form == "relative" or c.form == "relative":
        if p.form == c.form and p.reference == c.reference:
            return "equal", (_r("same_relative"),)
        relative = c.raw if c.form == "relative" else p.raw
        return "not_comparable", (_r("relative", target=relative),)
    if p.form == "change" or c.form == "change":
        return _compare_changes(p, c)
    if p.form == "qualitative" or c.form == "qualitative":
        return _compare_qualitative(p, c)
    if parent.effective_kind != child.effective_kind:
        # the codes, worded by the template ({parent:en}); the Chinese words too, as they were
        kinds = {"parent": parent.effective_kind, "child": child.effective_kind}
        worded = {
            f"{side}_{lang}": say(f"comparison.kind.{kind}", lang)
            for side, kind in kinds.items()
            for lang in LANGS
        }
        return "not_comparable", (_r("kinds", **kinds, **worded),)
    parent_unit, child_unit = _unit(parent, p), _unit(child, c)
    assumed: tuple[Reason, ...] = ()
    if (parent_unit is None) != (child_unit is None) and "%" in (parent_unit, child_unit):
        # A rate printed without its unit (汉中 基本医疗保险参保率 >96): read it as %, and say so.
        unnamed = parent if parent_unit is None else child
        if any(word in unnamed.name for word in PER_WORDS[2:]):
            parent_unit = child_unit = "%"
            assumed = (_r("unit_assumed"),)
    if _is_total(parent, parent_unit) or _is_total(child, child_unit):
        code = "cumulative_totals" if parent.effective_kind == "cumulative" else "totals"
        shown = f"{p.raw} {parent_unit or ''} vs {c.raw} {child_unit or ''}".replace("  ", " ")
        return "not_comparable", (_r(code, shown=shown.strip()),)
    scaled = _scale(p.value, parent_unit, c.value, child_unit)
    if scaled is None:
        return "not_comparable", (_r("units", parent=parent_unit, child=child_unit),)
    parent_value, child_value = scaled
    direction = parent.effective_direction
    if direction != child.effective_direction:
        return "not_comparable", (_r("directions"),)
    shown = f"{p.raw} vs {c.raw}"
    if parent_unit != child_unit:
        base = UNIT_SCALE[parent_unit or ""][0]
        shown = (
            f"{p.raw} {parent_unit} = {parent_value:g} {base} vs "
            f"{c.raw} {child_unit} = {child_value:g} {base}"
        )
    verdict, reasons = _compare_thresholds(
        parent_value,
        p.effective_op(direction),
        child_value,
        c.effective_op(direction),
        direction,
        shown,
    )
    return verdict, (*reasons, *assumed)


def _compare_changes(p: Expression, c: Expression) -> tuple[Verdict, tuple[Reason, ...]]:
    """Two changes of the same kind and way (提高2个百分点 vs 提高1.5个百分点) compare by their
    size: a bigger move is the stronger promise; anything else is not comparable."""
    shown = f"{p.raw} vs {c.raw}"
    same = p.form == c.form and p.change == c.change and p.op == c.op and p.unit == c.unit
    if not same or p.value is None or c.value is None:
        if same and p.value is None and c.value is None:
            return "equal", (_r("changes", shown=shown),)
        code = "changes" if same else "change_versus"
        return "not_comparable", (_r(code, shown=shown),)
    if abs(p.value - c.value) <= 1e-9:
        return "equal", (_r("changes", shown=shown),)
    return ("stronger" if c.value > p.value else "weaker"), (_r("changes", shown=shown),)


def _compare_qualitative(p: Expression, c: Expression) -> tuple[Verdict, tuple[Reason, ...]]:
    if p.form == c.form:
        if p.text == c.text:
            return "equal", (_r("same_qualitative"),)
        return "not_comparable", (_r("versus", shown=f"{p.raw} vs {c.raw}"),)
    numeric = c if c.form == "number" else p
    if numeric.value is not None and numeric.value >= 100:
        return "equal", (_r("full_coverage", child=c.raw, parent=p.raw),)
    if c.form == "number":
        return "weaker", (_r("short_of_full", child=c.raw, parent=p.raw),)
    return "stronger", (_r("beyond", child=c.raw, parent=p.raw),)


def _scale(
    parent_value: float | None,
    parent_unit: str | None,
    child_value: float | None,
    child_unit: str | None,
) -> tuple[float, float] | None:
    if parent_value is None or child_value is None:
        return None
    if parent_unit == child_unit:
        return parent_value, child_value
    p = UNIT_SCALE.get(parent_unit or "")
    c = UNIT_SCALE.get(child_unit or "")
    if p is None or c is None or p[0] != c[0]:
        return None
    return parent_value * p[1], child_value * c[1]


def _compare_thresholds(
    parent_value: float,
    parent_op: str | None,
    child_value: float,
    child_op: str | None,
    direction: str,
    shown: str,
) -> tuple[Verdict, tuple[Reason, ...]]:
    sign = -1 if direction == "decrease" else 1
    difference = sign * (child_value - parent_value)
    versus = _r("versus", shown=shown)
    if abs(difference) > 1e-9 * max(1.0, abs(parent_value)):
        return ("stronger" if difference > 0 else "weaker"), (versus,)
    strict = {">": 1, "<": 1, ">=": 0, "<=": 0, "approx": -1, None: 0}
    ranking = strict[child_op] - strict[parent_op]
    if ranking > 0:
        return "stronger", (versus, _r("stricter"))
    if ranking < 0:
        return "weaker", (versus, _r("looser"))
    return "equal", (versus,)


def _r(code: str, **args: object) -> Reason:
    return (code, args)


def compare_catalogues(
    parent_items: list[CatalogueItem], child_items: list[CatalogueItem], waivers: Mapping[str, str]
) -> CatalogueComparison:
    result = CatalogueComparison()
    by_id = {item.id: item for item in child_items}
    for item in child_items:
        for parent_id in item.maps_to:  # an item that provides (part of) a parent item
            by_id.setdefault(parent_id, item)
    by_name: dict[str, CatalogueItem] = {}
    for item in child_items:
        for name in (item.name, *item.aliases):
            by_name.setdefault(normalise_name(name), item)
    used: set[str] = set()
    covered_ids: set[str] = set()
    for parent_item in parent_items:
        found = by_id.get(parent_item.id)
        if found is None:
            for name in (parent_item.name, *parent_item.aliases):
                found = by_name.get(normalise_name(name))
                if found is not None:
                    break
        if found is not None:
            used.add(found.id)
            covered_ids.add(parent_item.id)
            result.covered.append((parent_item, found))
        elif parent_item.id in waivers:
            result.waived.append((parent_item, waivers[parent_item.id]))
        else:
            result.missing.append(parent_item)
    for item in child_items:
        if any(parent_id in covered_ids for parent_id in item.maps_to):
            used.add(item.id)
    result.extra = [item for item in child_items if item.id not in used]
    return result
