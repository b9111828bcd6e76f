"""The assessment: every (region, indicator) judged once, with everything a report shows.

`check()` builds an `Assessment`; every command and every output format (table, markdown,
csv, json, html, xlsx, `trend`, `--by-region`) shows fields of this one object and computes no
rule of its own, so two outputs cannot disagree. `to_dict()` is the JSON contract (keys may be
added, none renamed).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Literal, Protocol

from psplan.assess.columns import ResultColumns
from psplan.assess.evaluate import (
    NO_BASELINE,
    STATUSES,
    Baseline,
    Goal,
    Observation,
    Status,
    Verdict,
)
from psplan.assess.rating import RATINGS, Rating, rate
from psplan.assess.trends import (
    TRENDED_FORMS,
    TRENDS_READ,
    Trend,
    as_judged,
    expected,
    natural_cap,
    trend,
)
from psplan.errors import PsplanError
from psplan.plan.model import Indicator, Plan
from psplan.plan.serialize import target_dict
from psplan.words import explain, say

GOOD_STATUSES = ("met", "on_track")
#: What a report is: annual monitoring (年度监测), or a mid-term (中期评估) or final (终期评估)
#: evaluation.
Stage = Literal["annual", "mid", "final"]
STAGES: tuple[Stage, ...] = ("annual", "mid", "final")


#: What a `TrendSource` says of a result it has no trend for (the result computes its own).
UNKNOWN: Any = object()


class TrendSource(Protocol):
    def trend_of(self, result: Result) -> Any:
        """The result's trend (None: it has none), or `UNKNOWN`."""


@dataclass
class Result:
    """One (region, indicator) judged: the verdict and what it was judged from."""

    indicator: Indicator
    verdict: Verdict
    region: str | None = None
    goal: Goal | None = None
    observations: tuple[Observation, ...] = ()  # every year reported, also after the judged one
    year: int | None = None  # the year judged
    remarks: dict[str, str] = field(default_factory=dict)  # 原因分析 / 下一步措施 from the sheet
    override: str | None = None  # why the plan's row was overridden (--overrides), if it was
    #: where the trend may be read already worked out (the columnar path's duckdb: a county
    #: report's 185,600 trends), else it is computed from the observations
    trends: TrendSource | None = field(default=None, compare=False, repr=False)
    #: its figures are the plan's own, as printed (a completion table's): shown with their
    #: printed decimals (3.20, not 3.2)
    printed: bool = False

    def __repr__(self) -> str:
        """One line: what was judged, where, and how it stands (a notebook printed 2,200
        characters of fields for one result)."""
        where = f" {self.region}" if self.region else ""
        year = f" {self.year}" if self.year is not None else ""
        actual = self.verdict.actual
        if isinstance(actual, float):
            actual = f"{actual:g}"
        shown = "" if actual is None else f", actual {actual}"
        return f"<Result {self.indicator.id}{where}{year}: {self.status}{shown}>"

    @property
    def status(self) -> Status:
        return self.verdict.status

    @property
    def notes(self) -> list[str]:
        """The plan file's notes on this row (caveats of the source a reader must see)."""
        return list(self.indicator.notes)

    @property
    def trend(self) -> Trend | None:
        """The trend view, computed when a report shows it (at county scale most do not) and
        not kept on the result: a country's 185,600 trends would hold ~70 MB while a report
        streams. The last few are remembered (`trends.Recent`), for a row that asks again."""
        goal = self.goal
        if goal is None:
            return None
        return TRENDS_READ.get(self, self._worked_out_trend)

    def _worked_out_trend(self) -> Trend | None:
        goal = self.goal
        assert goal is not None
        year = self.year if self.year is not None else goal.end_year
        found: Any = UNKNOWN
        if self.trends is not None:
            found = self.trends.trend_of(self)
        if found is UNKNOWN:
            found = _trend(self.indicator, goal, self.verdict, self.observations, year)
        if found is None:
            return None
        verdict = self.verdict
        return as_judged(found, verdict.status, verdict.actual_year, year, goal.end_year)

    @property
    def expected_path(self) -> list[tuple[int, float]]:
        """The line from the baseline used to the target, year by year (what `trend` draws);
        the same line for every region measured from the same baseline is computed once
        (`trends.expected`)."""
        if self.goal is None or self.verdict.target_value is None:
            return []
        return expected(self.goal, self.verdict.baseline, self.verdict.target_value)

    @property
    def rating(self) -> Rating | None:
        """The evaluation report's word for this result (提前实现, 快于预期…: `rating.rate`).
        A row of a previous plan's completion table (no goal, no year) is read at its end."""
        if self.goal is None or self.year is None:
            return rate(self.verdict, 1, 0)
        return rate(self.verdict, self.year, self.goal.end_year)

    @property
    def views_agree(self) -> bool | None:
        """Whether the linear verdict and the compound-growth outlook say the same thing."""
        if self.trend is None or self.trend.category is None:
            return None
        if self.status not in ("met", "on_track", "behind", "not_met"):
            return None
        return (self.status in GOOD_STATUSES) == self.trend.likely_met

    def baseline_dict(self, plan: Plan) -> dict[str, Any]:
        """The baseline used, in the JSON contract: as printed, its value, year and source."""
        baseline = self.verdict.baseline
        return {
            "raw": self.indicator.baseline.raw,
            "value": baseline.value,
            "year": baseline.year
            if baseline.year is not None
            else plan.baseline_year_of(self.indicator),
            "source": baseline.source,
        }

    def to_dict(self, plan: Plan, lang: str = "zh") -> dict[str, Any]:
        """The result in the JSON contract (a new dict each time: the caller may change it)."""
        indicator, verdict = self.indicator, self.verdict
        trend = self.trend  # computed once here: `views_agree` reads the one remembered
        return {
            **indicator_keys(indicator),
            "baseline": self.baseline_dict(plan),
            "actual": verdict.actual,
            "actual_year": verdict.actual_year,
            "status": verdict.status,
            "rating": self.rating,
            "gap": verdict.gap,
            "progress": verdict.progress,
            "expected": verdict.expected,
            "share": None if verdict.share is None else round(verdict.share, 6),
            "reason": verdict.reason(lang),
            "region": self.region,
            "target_value": verdict.target_value,
            "trend": trend_dict(trend, self.views_agree) if trend else None,
            "expected_path": [list(point) for point in self.expected_path],
            # the notes in the language of the rest (the Chinese ones a report prints)
            **closing_keys(self.indicator.notes_in(lang), self.override, self.remarks),
        }


def indicator_keys(indicator: Indicator) -> dict[str, Any]:
    """The keys a result's JSON opens with: its indicator's, the same for every region."""
    return {
        "id": indicator.id,
        "name": indicator.name,
        "domain": indicator.domain,
        "attribute": indicator.attribute,
        "attribute_label": indicator.attribute_printed
        or say(f"attribute.{indicator.attribute}", "zh"),
        "unit": indicator.unit,
        "target": target_dict(indicator),
    }


def closing_keys(
    notes: list[str], override: str | None, remarks: Mapping[str, str]
) -> dict[str, Any]:
    """The keys a result's JSON closes with: the plan's notes, the override, the remarks."""
    return {"notes": notes, "override": override, "remarks": dict(remarks)}


@dataclass
class Assessment:
    """All results of one check: a plan judged in one year, region by region."""

    plan: Plan
    year: int
    results: Sequence[Result]  # a list, or made when read at county scale (`columnar`)
    source: str = ""
    outside_period: bool = False  # judged with --allow-outside-period
    own_area: frozenset[str] = frozenset()  # region names that mean the plan's whole area
    sources: tuple[str, ...] = ()  # every actuals file read
    stage: Stage = "annual"  # what the report is: annual monitoring, mid-term or final evaluation
    #: each file (or `book.xlsx[sheet]`) read → how many figures it gave
    figures_read: Mapping[str, int] = field(default_factory=dict)
    #: a final evaluation's previous period judged from the plan's completion table (十三五)
    previous: Assessment | None = None
    #: the plan's commitments beyond the main table that the figures name, judged apart
    #: (never counted with `results`)
    commitments: list[Result] = field(default_factory=list)
    #: the latest year any figure was reported for (None: no figure): before `year`, every
    #: result is judged on earlier figures, which a report must say (`judged_beyond_figures`)
    figures_end: int | None = None

    @property
    def judged_beyond_figures(self) -> bool:
        """Judged in a year after the latest figure (a 终期评估 of 2025 on figures to 2023):
        every status rests on earlier figures, and the report says so."""
        return self.figures_end is not None and self.figures_end < self.year

    @property
    def at_period_end(self) -> bool:
        """Judged in the period's end year (or after): nothing is behind any more, only not
        met (终期评估's words)."""
        return self.year >= self.plan.period.end

    @cached_property
    def columns(self) -> ResultColumns:
        """Every result's region, indicator, status, actual, gap and rating, in columns:
        what the columnar path computed, or read off the results once."""
        given = getattr(self.results, "columns", None)
        return given if given is not None else ResultColumns.of(self.results)

    def summary(self) -> dict[str, int]:
        counted = self.columns.status_counts()
        return {status: counted.get(status, 0) for status in STATUSES}

    def ratings(self) -> dict[str, int]:
        """How many results carry each evaluation word (提前实现 4，快于预期 5…)."""
        counted = Counter(self.columns.ratings)
        return {rating: counted.get(rating, 0) for rating in RATINGS}

    def failing(self, strict: bool = False) -> list[Result]:
        """Results that make the check fail: binding ones behind or not met (any, if strict)."""
        return [self.results[i] for i in self.failing_rows(strict)]

    def failing_rows(self, strict: bool = False) -> list[int]:
        """The positions of `failing` in `results` (their count and the exit code need no
        result made)."""
        found = self._failing.get(strict)
        if found is None:
            found = self._failing[strict] = self._failing_rows(strict)
        return list(found)

    @cached_property
    def _failing(self) -> dict[bool, list[int]]:
        return {}

    def _failing_rows(self, strict: bool) -> list[int]:
        return self.columns.lagging_rows(binding_only=not strict)

    @property
    def regions(self) -> list[str | None]:
        return list(self._regions)

    @cached_property
    def _regions(self) -> tuple[str | None, ...]:
        return tuple(dict.fromkeys(self.columns.regions))

    def with_results(self, results: Iterable[Result]) -> Assessment:
        """The same assessment narrowed to some results (a section of a report)."""
        return Assessment(
            self.plan, self.year, list(results), self.source, self.outside_period,
            self.own_area, self.sources, self.stage, self.figures_read, self.previous,
            self.commitments, self.figures_end,
        )  # fmt: skip

    def encoded_results(self, lang: str, encode: Callable[[Any], str]) -> Iterator[str]:
        """Each result's JSON contract as `encode` writes it, one at a time: at county scale
        most are written by duckdb (`LazyResults.encoded`), the rest made and encoded."""
        encoded = getattr(self.results, "encoded", None)
        if encoded is not None:
            return encoded(self.plan, lang, encode)  # type: ignore[no-any-return]
        return (encode(result.to_dict(self.plan, lang)) for result in self.results)

    def to_dict(self, lang: str = "zh") -> dict[str, Any]:
        return {
            "plan": self.plan.id,
            "plan_name": self.plan.name,
            "year": self.year,
            "outside_period": self.outside_period,
            "stage": self.stage,
            "sources": [
                {"file": source, "figures": self.figures_read.get(source, 0)}
                for source in self.sources
            ],
            "summary": self.summary(),
            "results": [result.to_dict(self.plan, lang) for result in self.results],
            "commitments": [result.to_dict(self.plan, lang) for result in self.commitments],
        }


def stage_year(plan: Plan, stage: str) -> int | None:
    """The year a stage judges by default: the period's middle year for a mid-term evaluation
    (2023 of 2021–2025), its end year for a final one, the latest reported for annual
    monitoring (None: `check` finds it)."""
    if stage not in STAGES:
        raise PsplanError("check.unknown_stage", stage=stage, stages=" / ".join(STAGES))
    start, end = plan.period.start, plan.period.end
    return {"annual": None, "mid": (start + end) // 2, "final": end}[stage]


#: The name most code knows the assessment by.
Report = Assessment


def trend_dict(trend: Trend, views_agree: bool | None = None) -> dict[str, Any]:
    return {
        "points": [list(point) for point in trend.points],
        "linear_change": trend.linear_change,
        "observed_growth": trend.observed_growth,
        "needed_growth": trend.needed_growth,
        "ratio": trend.ratio,
        "category": trend.category,
        "projected": trend.projected,
        "likely_met": trend.likely_met,
        "agrees_with_status": views_agree,
    }


def explain_disagreement(result: Result, lang: str = "zh") -> str:
    """Why the linear status and the compound-growth outlook differ, when they do."""
    if result.views_agree is not False or result.trend is None:
        return ""
    return explain([("views_disagree", {})], lang)


def _trend(
    indicator: Indicator,
    goal: Goal,
    verdict: Verdict,
    observations: Iterable[Observation],
    year: int,
) -> Trend | None:
    """The trend view for numeric goals, from the baseline the verdict used."""
    if untrended(indicator, goal, verdict):
        return None
    yearly = _yearly_amounts(goal, observations, year)
    if not yearly:
        return None
    cap = natural_cap(indicator.unit, indicator.name)
    # Only a level is measured from its baseline; a yearly average is not measured from the
    # previous plan's average, and a five-year total starts from zero on its own.
    baseline = verdict.baseline if goal.kind == "level" else None
    if baseline is not None and (baseline.source == "plan_area" or _printed_bound(goal, baseline)):
        # the whole area's is no point of a county's own series: 灵璧县's beds from the
        # city's 4.7 万张 to its own 0.8 read as −28.8 % a year, 趋势恶化 (a trial); nor is a
        # bound the plan prints (>99.9: the figure is above it, not it); the figures alone,
        # from the baseline year on (not the period before's)
        start = baseline.year or goal.baseline_year
        yearly = [(y, v) for y, v in yearly if y >= start]
        baseline = NO_BASELINE
    return trend(goal, yearly, verdict.target_value, cap=cap, baseline=baseline, year=year)


def untrended(indicator: Indicator, goal: Goal, verdict: Verdict) -> bool:
    """Whether a result has no trend whatever its figures: a target that is no number (or
    not of a form a trend reads), no figure and no baseline to draw from, or a figure left
    to a person as impossible or in another unit (`Goal.out_of_scale`: 112 % of beds
    read 趋势 已实现 beside 需人工核实, a trial)."""
    if verdict.target_value is None or indicator.target.form not in TRENDED_FORMS:
        return True
    if verdict.status in ("no_data", "needs_review") and verdict.baseline.value is None:
        return True
    return left_as_out_of_scale(goal, verdict)


def left_as_out_of_scale(goal: Goal | None, verdict: Verdict) -> bool:
    """Whether the verdict leaves its figure to a person as `Goal.out_of_scale`."""
    actual = verdict.actual
    return (
        goal is not None
        and verdict.status == "needs_review"
        and type(actual) is float
        and goal.out_of_scale(actual)
    )


def _printed_bound(goal: Goal, baseline: Baseline) -> bool:
    """Whether the baseline is the plan's printed as a bound (基本医疗保险参保率 >99.9)."""
    return baseline.source == "plan" and goal.baseline.op is not None


def _yearly_amounts(
    goal: Goal, observations: Iterable[Observation], year: int
) -> list[tuple[int, float]]:
    """The numeric figures up to `year`; for five-year totals, a `[x]` running total becomes
    the amount it adds to the years before it, so the trend counts what the verdict counts.
    A bound (`95%以上`) is no point of the series: it was drawn as exactly 95."""
    numeric = sorted(
        (o for o in observations if o.year <= year and o.value.exact),
        key=lambda o: o.year,
    )
    if goal.kind != "cumulative":
        return [(o.year, o.value.number) for o in numeric if not o.value.running_total]  # type: ignore[misc]
    amounts: list[tuple[int, float]] = []
    total = 0.0
    for o in numeric:
        if not goal.start_year <= o.year <= goal.end_year:
            continue
        value = o.value.number or 0.0
        amount = value - total if o.value.running_total else value
        amounts.append((o.year, amount))
        total += amount
    return amounts
