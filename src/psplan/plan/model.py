"""The plan data model: one source of truth for validation, the JSON Schema and the docs.

Targets and baselines are written in YAML as the text the plan prints; the model parses them
into `Expression`s on load (the parsed form is derived, never typed twice) and writes them
back as that same text.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from psplan.errors import InvalidValue, PsplanError, quoted
from psplan.plan.targets import Expression, parse_expression

Attribute = Literal["binding", "expected"]
Direction = Literal["increase", "decrease"]
Kind = Literal["level", "cumulative", "annual_average"]

ATTRIBUTE_WORDS: dict[str, Attribute] = {
    "约束性": "binding",
    "binding": "binding",
    "预期性": "expected",
    "expected": "expected",
}

#: Words in a name that allow a negative figure, or any size (a growth rate, a change).
SIGNED_WORDS = ("增长", "增速", "增幅", "变化", "变动", "差")
#: The most a share in % can be: a gross enrolment ratio passes 100 % (101.26 %), not this.
MOST_PERCENT = 150.0

#: Words in a name that mean less is better (mortality, incidence, unemployment…).
DECREASE_WORDS = (
    "死亡率",
    "发病率",
    "发生率",
    "失业率",
    "患病率",
    "肥胖率",
    "近视率",
    "空置率",
    "事故",
)


def _to_expression(value: Any) -> Expression:
    if isinstance(value, Expression):
        return value
    try:
        return parse_expression(value)
    except PsplanError as exc:
        raise InvalidValue(exc.words) from None


def _to_attribute(value: Any) -> Attribute:
    if isinstance(value, str) and value.strip() in ATTRIBUTE_WORDS:
        return ATTRIBUTE_WORDS[value.strip()]
    raise InvalidValue("plan.bad_attribute", value=quoted(value))


ExpressionText = Annotated[
    Expression,
    PlainValidator(_to_expression),
    PlainSerializer(lambda e: e.raw, return_type=str),
    WithJsonSchema({"type": ["string", "number", "null"], "description": "text as printed"}),
]

AttributeWord = Annotated[
    Attribute,
    BeforeValidator(_to_attribute),
    WithJsonSchema({"enum": ["约束性", "预期性", "binding", "expected"]}),
]

#: An id: ASCII letters first, then letters, digits, _ . - (hanzhong-15, c031).
IDENTIFIER_PATTERN = r"^[A-Za-z][A-Za-z0-9_.-]*$"
Identifier = Annotated[str, Field(pattern=IDENTIFIER_PATTERN, max_length=80)]


class Strict(BaseModel):
    """Unknown keys are errors: in a hand-written file they are almost always typos.

    Each model's schema is built when it first validates (`defer_build`), not when its class
    is made: a plan read back validated (`cache.get_object`) needs none of them."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Source(Strict):
    """Where something is printed: the document file (default: the plan's) and line."""

    file: str | None = None
    line: int = Field(ge=1)
    title: str | None = None
    table: str | None = None


#: Years a plan, its baseline or a figure may be for (the actuals readers use the same range).
MIN_YEAR, MAX_YEAR = 1949, 2100
#: The longest period a plan may have: a 15-year long-range plan (2021–2035) and a margin.
MAX_PERIOD_YEARS = 20

Year = Annotated[int, Field(ge=MIN_YEAR, le=MAX_YEAR)]


class Period(Strict):
    start: Year
    end: Year

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.end < self.start:
            raise InvalidValue("plan.period_reversed", end=self.end, start=self.start)
        span = self.end - self.start + 1
        if span > MAX_PERIOD_YEARS:
            raise InvalidValue(
                "plan.period_too_long",
                start=self.start,
                end=self.end,
                span=span,
                most=MAX_PERIOD_YEARS,
            )
        return self


class PreviousLink(Strict):
    """An indicator's place in the previous plan period: the plan and indicator it continues,
    and how — the `same` indicator, `renamed`, or one that `replaces` it (十五五's 入托率 for
    十四五's 托位数). `name` is the previous name, so figures reported under it still match."""

    plan: Identifier
    id: Identifier
    relation: Literal["same", "renamed", "replaces"] = "same"
    name: str | None = None
    notes: list[str] = Field(default_factory=list)


class Indicator(Strict):
    """One row of a plan's main indicator table."""

    id: Identifier
    number: int | None = None
    domain: str
    name: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    unit: str | None = None
    baseline: ExpressionText = Field(default_factory=lambda: parse_expression(None))
    baseline_year: Year | None = None
    target: ExpressionText = Field(default_factory=lambda: parse_expression(None))
    attribute: AttributeWord
    attribute_printed: str | None = None
    kind: Kind | None = None
    direction: Direction | None = None
    marker: str | None = None
    maps_to: str | None = None
    lead_department: str | None = None
    notes: list[str] = Field(default_factory=list)
    #: the notes in Chinese, one for each of `notes` in its order, for the Chinese reports
    #: (the notes are the transcriber's, in English, for whoever checks the file)
    notes_zh: list[str] = Field(default_factory=list)
    source: Source | None = None
    #: where a baseline taken from reported figures came from (`psplan init`: the previous
    #: period's final figure, its file and row), when it is not printed in the plan
    baseline_source: Source | None = None
    #: the indicator of the previous plan period this one continues (lineage across periods)
    previous: PreviousLink | None = None

    @field_validator("unit")
    @classmethod
    def _percent_sign(cls, unit: str | None) -> str | None:
        """A unit printed with the full-width percent sign (％, as Chinese documents and
        `psplan import` write it) is %: a figure's or target's ％ is read as %, and a unit
        that differed from them only so was refused (a trial: "单位是 %，但指标单位是“％”")."""
        return unit.replace("％", "%") if unit else unit

    def __repr__(self) -> str:
        unit = f" {self.unit}" if self.unit else ""
        return (
            f"<Indicator {self.id} {self.name}: target {self.target.raw or '—'}{unit}, "
            f"{self.attribute}>"
        )

    def notes_in(self, lang: str) -> list[str]:
        """The notes in `lang`: the Chinese ones where the file has them, else as written."""
        return self.notes_zh if lang == "zh" and self.notes_zh else self.notes

    @property
    def effective_kind(self) -> Kind:
        """Declared kind, else cumulative when the target is printed in brackets."""
        if self.kind is not None:
            return self.kind
        return "cumulative" if self.target.cumulative else "level"

    @property
    def effective_direction(self) -> Direction:
        return self.direction or infer_direction(self.name, self.target)

    @property
    def is_binding(self) -> bool:
        return self.attribute == "binding"


class CatalogueItem(Strict):
    """One basic public service item (基本公共服务清单)."""

    id: Identifier
    number: int | None = None
    domain: str
    category: str | None = None
    name: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    maps_to: list[str] = Field(default_factory=list)
    target_group: str | None = None
    standard: str | None = None
    spending_responsibility: str | None = None
    lead_department: str | None = None
    content: str | None = None
    notes: list[str] = Field(default_factory=list)
    source: Source | None = None


class PreviousIndicator(Strict):
    """One row of the previous plan's completion table: a real target/actual pair."""

    id: Identifier
    domain: str | None = None
    name: str = Field(min_length=1)
    unit: str | None = None
    attribute: AttributeWord | None = None
    baseline: ExpressionText = Field(default_factory=lambda: parse_expression(None))
    baseline_year: Year | None = None
    target: ExpressionText = Field(default_factory=lambda: parse_expression(None))
    actual: ExpressionText = Field(default_factory=lambda: parse_expression(None))
    actual_year: Year | None = None
    kind: Kind | None = None
    direction: Direction | None = None
    notes: list[str] = Field(default_factory=list)
    notes_zh: list[str] = Field(default_factory=list)  # as an indicator's
    source: Source | None = None

    @property
    def effective_kind(self) -> Kind:
        if self.kind is not None:
            return self.kind
        return "cumulative" if self.target.cumulative else "level"

    @property
    def effective_direction(self) -> Direction:
        return self.direction or infer_direction(self.name, self.target)


class DomainLead(Strict):
    """Who leads a domain's indicators, where the plan says so (安康's 附件2 重点任务分工方案:
    推动育幼领域发展指标…有效落实 — 市卫生健康委员会牵头): the cells as printed, and the
    departments named as leading."""

    domain: str
    departments: list[str] = Field(min_length=1)
    responsibility: str  # the 责任单位 cell, as printed
    task: str | None = None  # the 重点任务 cell, as printed
    number: int | None = None  # its 序号
    notes: list[str] = Field(default_factory=list)
    source: Source | None = None


class Commitment(Strict):
    """A quantitative promise of the plan's text or a 专栏 box, beyond the main table: the
    clause as printed, what it measures, its target as printed (read by
    `psplan.plan.commitments.commitment_target`), the year it is due, and where it is."""

    id: Identifier
    chapter: str | None = None  # the 第X章 heading it falls under, as printed
    box: str | None = None  # the 专栏 (or 附件) it is printed in, if any
    subject: str = Field(min_length=1)  # what is measured: a phrase of the clause
    target: str = Field(min_length=1)  # as printed: 达到80%以上, 1.5万户以上, 全覆盖
    unit: str | None = None
    year: Year | Literal["annual"] = 2025  # when it is due; "annual" for a 每年 promise
    clause: str = Field(min_length=1)  # the sentence, as printed (line breaks rejoined)
    notes: list[str] = Field(default_factory=list)
    notes_zh: list[str] = Field(default_factory=list)  # as an indicator's
    source: Source


class PreviousPlan(Strict):
    name: str
    period: Period
    source: Source | None = None
    columns: list[str] = Field(default_factory=list)
    footnotes: list[str] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
    indicators: list[PreviousIndicator]


class Plan(Strict):
    """A five-year public-service plan: its indicators, catalogue and previous results."""

    id: Identifier
    name: str
    level: Literal["national", "province", "city", "county"]
    region: str | None = None
    parent: str | None = None
    period: Period
    baseline_year: Year
    source: Source | None = None
    footnotes: list[str] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
    domains: list[str] = Field(min_length=1)
    indicators: list[Indicator]
    catalogue: list[CatalogueItem] = Field(default_factory=list)
    previous_plan: PreviousPlan | None = None
    #: a plan still being written (`psplan init`): rows without a target are warnings, not
    #: errors, until `validate --strict`
    draft: bool = False
    leads: list[DomainLead] = Field(default_factory=list)
    commitments: list[Commitment] = Field(default_factory=list)

    @field_validator("parent")
    @classmethod
    def _not_its_own_parent(cls, parent: str | None, info: ValidationInfo) -> str | None:
        if parent is not None and parent == info.data.get("id"):
            raise InvalidValue("plan.own_parent", parent=quoted(parent))
        return parent

    @field_validator("domains")
    @classmethod
    def _domains_unique(cls, domains: list[str]) -> list[str]:
        seen = set()
        for domain in domains:
            if domain in seen:
                raise InvalidValue("plan.domain_twice", domain=quoted(domain))
            seen.add(domain)
        return domains

    def __repr__(self) -> str:
        """One line (a notebook printed 97,000 characters of fields for `plan`)."""
        parts = [f"{len(self.indicators)} indicators"]
        for noun, items in (("catalogue items", self.catalogue), ("commitments", self.commitments)):
            if items:
                parts.append(f"{len(items)} {noun}")
        period = f"{self.period.start}–{self.period.end}"
        draft = ", draft" if self.draft else ""
        return f"<Plan {self.id} {self.name} {period}{draft}: {', '.join(parts)}>"

    def indicator(self, indicator_id: str) -> Indicator:
        for indicator in self.indicators:
            if indicator.id == indicator_id:
                return indicator
        raise KeyError(indicator_id)

    def lead_of(self, indicator: Indicator) -> tuple[str, ...]:
        """The departments that lead an indicator: its own `lead_department`, else its
        domain's lead (`leads`); none when the plan names none."""
        if indicator.lead_department:
            return (indicator.lead_department,)
        for lead in self.leads:
            if lead.domain == indicator.domain:
                return tuple(lead.departments)
        return ()

    def baseline_year_of(self, indicator: Indicator) -> int:
        return indicator.baseline_year or self.baseline_year


def infer_direction(name: str, target: Expression) -> Direction:
    """Less is better when the comparator says so (<, ≤, 以下) or the name is a bad rate."""
    if target.op in ("<", "<="):
        return "decrease"
    if target.op in (">", ">="):
        return "increase"
    return "decrease" if any(word in name for word in DECREASE_WORDS) else "increase"
