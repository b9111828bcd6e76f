"""`psplan report -o 报告.docx`: the evaluation report a commission hands in, in prose.

`evaluation_view` turns an `Assessment` into the report of its stage (年度监测报告, 中期评估报告,
终期评估报告) as `sections`, each a chapter of paragraphs and the tables it places:

1. 总体情况 (overview): how many indicators, how many carry each evaluation word, the binding
   ones first and the binding ones behind by name, then the overall judgement of the stage;
2. 主要指标完成情况: the main table in the plan's own layout (序号, 领域, 指标, 单位, 属性,
   基期值, 目标值, one column per year reported, 评价), one row per indicator of the plan,
   and the chart of progress by domain; in a final report, where the plan prints its previous
   period's completion table (十三五), the indicators both tables share side by side: each
   period's target, result and rating (`previous_table`, from `Assessment.previous`);
3. 约束性指标和滞后指标分析: one sub-section per binding indicator, then per lagging one and
   per one a person must look at: where it stands (a five-year total as the sum to its year,
   a figure of an earlier year said as such, a relative target with its reference value), then
   for a lagging one 原因分析 and 下一步措施 as the departments wrote them on the collection
   sheet (`Result.remarks`), or a placeholder (【待填写】) to fill in — never invented text
   (one not lagging shows them only where written);
4. with two named regions or more, 区域均等化: the spread and the region × indicator matrix;
5. 附表：监测明细: the monitoring tables `check` prints (every result's progress, expected
   value, gap; the trends) and the chart of progress by indicator, to audit each rating;
6. an appendix: every file read (and how many figures each gave), and psplan's rules in brief
   (docs/assessment.md).

The view carries every table of the monitoring view (`assessment_view`): the workbook keeps
them all as sheets (the counts on its summary sheet, the native chart by domain), while the
prose formats show what the sections place.

Every number comes from the assessment: the view judges nothing of its own, but for the
overall judgement of a mid-term report, which is a count of the ratings:

    时间过半、任务过半 holds when no binding indicator is rated 滞后 (`behind`) and at least
    half of the rated indicators are rated 提前实现, 快于预期 or 基本符合预期
    (`achieved_early`, `ahead`, `as_expected`). With nothing rated it is not judged.

A final report states how many indicators are 完成 and 未完成. With several regions, the
overview, the main table and the analysis are the plan's own area (rows without a region, or
a region `Assessment.own_area` names); a file of one other region stands for the area; where
a file of several regions holds no row of the area, the overview counts every result and the
table shows the indicators as without data. The regions are section 4.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from psplan.assess.assessment import Assessment, Result
from psplan.assess.columns import ResultColumns
from psplan.assess.evaluate import (
    BOUND_NOTES,
    STATUSES,
    Verdict,
    reported_bound,
    time_share,
)
from psplan.assess.rating import AHEAD_MARGIN, RATINGS, Rating
from psplan.plan.model import Indicator
from psplan.views.assessment import (
    LAGGING,
    assessment_view,
    baseline_cell,
    beyond_figures,
    domain_progress,
    domains_chart,
    domains_table,
    figure_cell,
    judged_at_end,
    plan_note_lines,
    ratings,
    statuses,
)
from psplan.views.model import Cell, Column, Paragraph, Section, Status, Table, Text, View
from psplan.views.numbers import (
    computed,
    count,
    is_percent,
    measure,
    printed,
    share,
    share_apart,
)
from psplan.views.plan import attribute_label
from psplan.words import explain, say
from psplan.words.numerals import chinese_numeral

#: The ratings that count towards 时间过半、任务过半.
GOOD_RATINGS = ("achieved_early", "ahead", "as_expected")
#: The ratings of an indicator that lags (analysed in section 3 with the binding ones).
LAGGING_RATINGS = ("behind", "not_completed")


def own_rows(report: Assessment) -> list[int]:
    """The positions of the plan's own area's results: without a region, or a region naming
    the area (read off the columns: a county-scale report makes no result for it)."""
    own = report.own_area
    return [i for i, region in enumerate(report.columns.regions) if region is None or region in own]


def own_results(report: Assessment) -> list[Result]:
    """The results of the plan's own area: without a region, or a region naming the area."""
    return [report.results[i] for i in own_rows(report)]


def reported_rows(report: Assessment) -> list[int]:
    """The results a report speaks of as the plan's: its own area's; a file of one region
    not named as the area is that area's; several regions and none the area's, none."""
    rows = own_rows(report)
    if rows or len([region for region in report.regions if region]) > 1:
        return rows
    return list(range(len(report.results)))


def is_lagging(result: Result) -> bool:
    return result.rating in LAGGING_RATINGS or result.verdict.status in LAGGING


def _sentence(clauses: Sequence[str], lang: str) -> str:
    return say("evaluation.sentence", lang, text=say("sep.clause", lang).join(c for c in clauses))


def _counts(rated: Iterable[Rating | None], lang: str) -> str:
    """提前实现6项、快于预期2项 … (the words carried, in the order reports list them)."""
    labels = ratings(lang)
    counted = Counter(rated)
    return say("sep.list", lang).join(
        say("evaluation.count", lang, label=labels[code].label, count=counted[code])
        for code in RATINGS
        if counted.get(code)
    )


# ------------------------------------------------------------------------------ overview


#: At most this many unrated indicators are named in the overview (more are counted).
_NAMED = 5


def _unrated(results: ResultColumns, lang: str, *, named: bool) -> str:
    """The results not rated: those without data and those a person must look at, by name
    (a final report that said only "1项无数据或需人工核实" hid which one); counted alone for
    indicator × region pairs."""
    unrated = [i for i, code in enumerate(results.ratings) if code is None]
    kinds = [
        [results.indicators[i].name for i in unrated if results.statuses[i] == status]
        for status in ("no_data", "needs_review")
    ]
    if not named or sum(map(len, kinds)) != len(unrated):
        return say("evaluation.overall.unrated", lang, count=len(unrated))
    parts = [
        say(f"evaluation.overall.unrated.{status}{'' if len(names) <= _NAMED else '_many'}",
            lang, count=len(names), names=say("sep.list", lang).join(names))
        for status, names in zip(("no_data", "needs_review"), kinds, strict=True)
        if names
    ]  # fmt: skip
    return say("evaluation.overall.unrated_named", lang, parts=say("sep.list", lang).join(parts))


def overall_paragraphs(
    report: Assessment, results: ResultColumns, lang: str, earlier: Sequence[Result] = ()
) -> list[str]:
    """The overview: the counts by word, the binding ones, the judgement of the stage. Of
    the plan's own area; or, with several regions and none the area's (a province's or a
    country's counties), of every indicator × region, said so (`_by_region`)."""
    count = len(results)
    regions = len({region for region in results.regions if region})
    several = "_regions" if regions > 1 else ""  # the words of indicator × region pairs
    rated = [code for code in results.ratings if code is not None]
    plan, year = report.plan.name, report.year
    indicators = len({indicator.id for indicator in results.indicators})
    first: list[str] = []
    key = "head" if rated else "none_rated"
    first.append(say(f"evaluation.overall.{key}{several}", lang, plan=plan, count=count,
                     year=year, rated=len(rated), counts=_counts(rated, lang),
                     indicators=indicators, regions=regions))  # fmt: skip
    if earlier and not several:  # rated on an earlier year's figure: beside the counts
        first.append(say("evaluation.overall.earlier", lang, count=len(earlier), year=year))
    if rated and len(rated) < count:
        first.append(_unrated(results, lang, named=not several))
    paragraphs = [_sentence(first, lang)]

    binding = [i for i, indicator in enumerate(results.indicators) if indicator.is_binding]
    if binding:
        parts = [_counts((results.ratings[i] for i in binding), lang)]
        unrated = sum(1 for i in binding if results.ratings[i] is None)
        if unrated:
            parts.append(say("evaluation.overall.binding_unrated", lang, count=unrated))
        clauses = [
            say(f"evaluation.overall.binding{several}", lang, count=len(binding),
                counts=say("sep.list", lang).join(p for p in parts if p)),
        ]  # fmt: skip
        lagging = [
            results.indicators[i]
            for i in binding
            if results.ratings[i] in LAGGING_RATINGS or results.statuses[i] in LAGGING
        ]
        ended = report.at_period_end  # behind at the end is not met
        if lagging:
            names = _by_region(lagging, report, lang) if several else [i.name for i in lagging]
            key = "binding_not_met" if ended else "binding_lagging"
            clauses.append(say(f"evaluation.overall.{key}", lang,
                               names=say("sep.list", lang).join(names)))  # fmt: skip
        else:
            key = "binding_none_not_met" if ended else "binding_none_lagging"
            clauses.append(say(f"evaluation.overall.{key}", lang))
        paragraphs.append(
            say("evaluation.sentence", lang, text=say("sep.reasons", lang).join(clauses))
        )

    judgement = _judgement(report, results, several, lang)
    if judgement:
        clauses = [judgement]
        if rated and len(rated) * 2 < count:  # most have no data: said with it
            clauses.append(say(f"evaluation.overall.partial{several}", lang, rated=len(rated),
                               count=count))  # fmt: skip
        paragraphs.append(_sentence(clauses, lang))
    if len([region for region in report.regions if region]) > 1:
        paragraphs.append(_sentence([say(f"evaluation.overall.regions{several}", lang)], lang))
    if several:  # the counts above hold results that are for reference only: said with them
        from psplan.assess.areas import OWN_AREA_WORDS
        from psplan.assess.check import area_totals_judged

        totals = area_totals_judged(report)
        if totals:
            names = say("sep.list", lang).join(indicator.name for indicator in totals)
            paragraphs.append(_sentence([say(
                "evaluation.overall.area_totals", lang, count=len(totals), names=names,
                area=OWN_AREA_WORDS[report.plan.level][0],
            )], lang))  # fmt: skip
    return paragraphs


def _by_region(lagging: Sequence[Indicator], report: Assessment, lang: str) -> list[str]:
    """Each indicator with the count of its regions lagging, in the plan's order: a
    country's counties named one by one were 38,550 names, none saying which county."""
    counted = Counter(indicator.id for indicator in lagging)
    return [
        say("evaluation.overall.name_regions", lang, name=indicator.name,
            count=counted[indicator.id])
        for indicator in report.plan.indicators
        if indicator.id in counted
    ]  # fmt: skip


def half_done(results: ResultColumns) -> bool | None:
    """时间过半、任务过半 (the rule of the module's docstring); None with nothing rated."""
    rated = [i for i, code in enumerate(results.ratings) if code is not None]
    if not rated:
        return None
    if any(results.ratings[i] == "behind" and results.indicators[i].is_binding for i in rated):
        return False
    good = sum(1 for i in rated if results.ratings[i] in GOOD_RATINGS)
    return 2 * good >= len(rated)


def _judgement(report: Assessment, results: ResultColumns, several: str, lang: str) -> str:
    """The stage's judgement; `several` is "_regions" where `results` are of several
    regions (worded as indicator × region pairs), else ""."""
    codes = results.ratings
    rated = sum(1 for code in codes if code is not None)
    if report.stage == "mid":
        holds = half_done(results)
        if holds is None:
            return say("evaluation.overall.mid.unknown", lang)
        good = sum(1 for code in codes if code in GOOD_RATINGS)
        lagging = sum(1 for code, indicator in zip(codes, results.indicators, strict=True)
                      if code == "behind" and indicator.is_binding)  # fmt: skip
        key = "holds" if holds else "fails"
        return say(f"evaluation.overall.mid.{key}{several}", lang, good=good,
                   share=share(good / rated), lagging=lagging)  # fmt: skip
    if report.stage == "final" and rated:
        completed = sum(1 for code in codes if code == "completed")
        # the counts are the overview's first sentence (it repeated them): here the share
        return say(f"evaluation.overall.final{several}", lang, share=share(completed / rated))
    return ""


#: A figure a unit may follow: a number, with a comparator or a running total's brackets.
_FIGURE_ALONE = re.compile(r"[\s<>≤≥＜＞=≈\[\]［］()（）+\-−－\d.,，*]*\d[\s\]］)）*]*")


def _in_unit(indicator: Indicator, figure: object, lang: str) -> str:
    """A figure in a sentence, with its unit where the figure does not show it (823.0万张;
    a percentage's target as the plan prints it, >98.6, is >98.6%). A target in words is as
    the plan words it: 提高2个百分点, 保持在95%以上, 下降5% (they read 提高2个百分点%, 保持在
    95%以上%, 下降5%人: a trial's finding); none is 待定."""
    unit = (indicator.unit or "").strip()
    text = str(figure)
    if not text.strip():
        return say("evaluation.target_unset", lang)
    if not unit or not _FIGURE_ALONE.fullmatch(text):
        return text
    if is_percent(indicator):
        return text if text.rstrip().endswith("%") else f"{text}%"
    return say("evaluation.in_unit", lang, value=figure, unit=unit)


# ---------------------------------------------------------------------------- main table


def indicators_table(report: Assessment, results: Sequence[Result], lang: str) -> Table:
    """The plan's own layout: one row per indicator, a column per year reported, 评价."""
    by_id: dict[str, Result] = {}
    for result in results:
        by_id.setdefault(result.indicator.id, result)
    # the years up to the one judged: a mid-term report of 2023 shows no 2025 figure
    years = sorted(
        {o.year for r in by_id.values() for o in r.observations if o.year <= report.year}
    )
    columns = (
        Column("number", say("evaluation.column.number", lang)),
        Column("domain", say("plan.domain", lang), wide=True),
        Column("indicator", say("plan.indicator", lang), wide=True),
        Column("unit", say("plan.unit", lang)),
        Column("attribute", say("plan.attribute", lang)),
        Column("baseline", say("plan.baseline", lang), wide=True),
        Column("target", say("plan.target", lang)),
        *(Column(str(year), say("evaluation.column.year", lang, year=year)) for year in years),
        Column("rating", say("assessment.column.rating", lang)),
    )
    none = statuses(lang)["no_data"]
    rows: list[tuple[Cell, ...]] = []
    notes: dict[int, list[str]] = {}
    for number, indicator in enumerate(report.plan.indicators, start=1):
        result = by_id.get(indicator.id)
        figures = _figures(indicator, result)
        rating: Cell = none
        if result is not None:  # a figure not rated shows why (需人工核实), not 无数据
            rating = (
                statuses(lang)[result.status]
                if result.rating is None
                else ratings(lang)[result.rating]
            )
        if result is not None and rated_earlier(result):  # (its year's cell is empty)
            notes[len(rows)] = [say("evaluation.earlier.note", lang, year=report.year,
                                    actual_year=result.verdict.actual_year)]  # fmt: skip
        rows.append(
            (
                count(number),
                indicator.domain,
                Text(indicator.name, "bold") if indicator.is_binding else indicator.name,
                indicator.unit or "",
                attribute_label(indicator, lang),
                _baseline(indicator, result, lang),
                printed(indicator, indicator.target.raw),
                *(figures.get(year) for year in years),
                rating,
            )
        )
    return Table("indicators", say("evaluation.table.indicators", lang), columns, rows,
                 group="domain", notes=notes, noted=True)  # fmt: skip


def rated_earlier(result: Result) -> bool:
    """Whether a result is rated on a figure of a year before the one judged (2025 judged on
    2024's, the end year's cell empty): a 终期评估 counted such results 完成 and said so only
    in its appendix (a reviewer's trial)."""
    year, actual_year = result.year, result.verdict.actual_year
    return (
        result.rating is not None
        and year is not None
        and actual_year is not None
        and actual_year < year
    )


def judged_earlier(results: Sequence[Result]) -> list[Result]:
    """The results `rated_earlier`, in their order."""
    return [result for result in results if rated_earlier(result)]


def earlier_said(earlier: Sequence[Result], lang: str) -> list[str]:
    """The sentence naming each result rated on an earlier year's figure (`judged_earlier`),
    with that year."""
    if not earlier:
        return []
    names = say("sep.list", lang).join(
        say("evaluation.earlier.item", lang, name=r.indicator.name, year=r.verdict.actual_year)
        for r in earlier
    )
    return [_sentence([say("evaluation.earlier", lang, year=earlier[0].year, names=names)],
                      lang)]  # fmt: skip


def _left_out(verdict: Verdict, lang: str) -> str:
    """The years of the period a five-year total's sum has no figure of (`sum_short`)."""
    for code, args in verdict.reasons:
        if code == "sum_short":
            return str(args["listed" if lang == "zh" else "listed_en"])
    return ""


def totals_said(results: Sequence[Result], lang: str) -> list[str]:
    """The sum each five-year total is judged by, to its year: the main table lists its
    figures year by year, and a reviewer found the total nowhere (a trial's finding)."""
    items = []
    for result in results:
        verdict, goal, indicator = result.verdict, result.goal, result.indicator
        if (
            goal is None
            or goal.kind != "cumulative"
            or not isinstance(verdict.actual, float)
            or verdict.actual_year is None
            or verdict.status in ("needs_review", "no_data")  # (a total of bounds: none)
        ):
            continue
        actual = _in_unit(indicator, measure(indicator, verdict.actual), lang)
        item = say("evaluation.totals.item", lang, name=indicator.name, start=goal.start_year,
                   year=verdict.actual_year, actual=actual,
                   target=_target_in_prose(indicator, lang, total=True))  # fmt: skip
        left_out = _left_out(verdict, lang)
        if left_out:  # (not "2021—2025年累计205个" for a sum without 2022: trial 18)
            item += say("evaluation.totals.left_out", lang, years=left_out)
        items.append(item)
    if not items:
        return []
    return [_sentence([say("evaluation.totals", lang, items=say("sep.list", lang).join(items))],
                      lang)]  # fmt: skip


def period_name(start: int, end: int, lang: str) -> str:
    """A five-year plan's period as people name it: “十三五” (13th FYP) for 2016–2020, else
    its years."""
    number, offset = divmod(start - 1951, 5)  # 2016 → 13
    if offset == 0 and end == start + 4 and 11 <= number <= 19:
        return say(f"evaluation.period.{number}", lang)
    return say("evaluation.period.years", lang, start=start, end=end)


def previous_table(report: Assessment, lang: str) -> tuple[Table, Section] | None:
    """For a final report, the indicators the previous plan's completion table shares with
    this plan (the same id), both periods side by side: target, result and rating of each;
    with the sub-section of the main indicators that places it."""
    previous = report.previous
    plan = report.plan
    if previous is None or plan.previous_plan is None:
        return None
    before = plan.previous_plan.period
    was = period_name(before.start, before.end, lang)
    now = period_name(plan.period.start, plan.period.end, lang)
    # the plan's own area's (a county's result is not the city's): none of several regions'
    current = {r.indicator.id: r for r in (report.results[i] for i in reported_rows(report))}
    shared = [(old, current[old.indicator.id]) for old in previous.results
              if old.indicator.id in current]  # fmt: skip
    total = len(previous.results)
    if not shared:
        return None
    columns = (
        Column("indicator", say("plan.indicator", lang), wide=True),
        Column("unit", say("plan.unit", lang)),
        Column("previous_target", say("evaluation.previous.target", lang, period=was)),
        Column("previous_result", say("evaluation.previous.result", lang, year=previous.year)),
        Column("previous_rating", say("evaluation.previous.rating", lang, period=was)),
        Column("baseline", say("plan.baseline", lang)),
        Column("target", say("evaluation.previous.target", lang, period=now)),
        Column("result", say("evaluation.column.year", lang, year=report.year)),
        Column("rating", say("evaluation.previous.rating", lang, period=now)),
    )
    rows: list[tuple[Cell, ...]] = []
    # the completion table's own notes under its rows: its 2020 result 95.21 beside this
    # plan's baseline 95 read as a slip without the note that says both are printed so
    notes: dict[int, list[str]] = {}
    for old, new in shared:
        indicator = new.indicator
        if old.indicator.notes:
            notes[len(rows)] = plan_note_lines(old.indicator, lang)
        rows.append(
            (
                Text(indicator.name, "bold") if indicator.is_binding else indicator.name,
                indicator.unit or "",
                printed(old.indicator, old.indicator.target.raw),
                _figures(old.indicator, old).get(previous.year, ""),
                _rating(old, lang),
                _baseline(indicator, new, lang),
                printed(indicator, indicator.target.raw),
                _figures(indicator, new).get(report.year, ""),
                _rating(new, lang),
            )
        )
    said = [say("evaluation.previous.intro", lang, previous=was, total=total,
                shared=len(shared), year=previous.year)]  # fmt: skip
    regions = {new.region for _, new in shared}
    if len(regions) == 1 and (region := regions.pop()) and region not in report.own_area:
        # one county's report: the completion table is the city's, not the county's (98.76
        # and 98.20 read as two figures of one region, unlabelled: a trial)
        from psplan.assess.areas import OWN_AREA_WORDS

        said.append(say("evaluation.previous.county", lang, previous=was, region=region,
                        area=OWN_AREA_WORDS[plan.level][0]))  # fmt: skip
    intro = _sentence(said, lang)
    table = Table("previous", say("evaluation.table.previous", lang), columns, rows,
                  notes=notes, noted=True)  # fmt: skip
    title = say("evaluation.section.previous", lang, previous=was)
    return table, Section(title, [intro], tables=[table.key], level=2)


def _rating(result: Result, lang: str) -> Cell:
    """The evaluation word, else why there is none: 无数据, or 规划未列目标 for a 十三五 row
    printed without a target (汉中's), else the status (需人工核实)."""
    if result.rating is None:
        if any(code == "no_target" for code, _ in result.verdict.reasons):
            return Status(result.status, say("evaluation.previous.no_target", lang))
        return statuses(lang)[result.status]
    return ratings(lang)[result.rating]


def _figures(indicator: Indicator, result: Result | None) -> dict[int, Cell]:
    if result is None:
        return {}
    found: dict[int, Cell] = {}
    for observation in result.observations:
        value = observation.value
        # a bound as written: 95%以上 is not 95%; a five-year total too: [8.06] in 2025's
        # column is no 8.06 of that year alone
        exact = value.exact and not value.running_total
        found[observation.year] = figure_cell(result, value) if exact else value.raw.strip()
    return found


def _baseline(indicator: Indicator, result: Result | None, lang: str) -> Cell:
    return (
        printed(indicator, indicator.baseline.raw)
        if result is None
        else baseline_cell(result, lang)
    )


# ------------------------------------------------------------------------------ analysis


def analysed(results: Sequence[Result]) -> list[Result]:
    """The binding results (in the plan's order), then the lagging ones that are not."""
    binding = [r for r in results if r.indicator.is_binding]
    return binding + [
        r
        for r in results
        if not r.indicator.is_binding and (is_lagging(r) or r.verdict.status == "needs_review")
    ]


def standing(result: Result, lang: str, elsewhere: int = 0) -> str:
    """Where an indicator stands: its figure and year, target, gap, progress against the time
    share, its rating and its trend. `elsewhere`: how many other regions reported a figure
    of it (the area's own "no figure" is not the counties' ones)."""
    indicator, verdict, goal = result.indicator, result.verdict, result.goal
    total = goal is not None and goal.kind == "cumulative"
    target = _target_in_prose(indicator, lang, total=total) + _reference_in_prose(result, lang)
    if verdict.actual is None:
        key = "evaluation.stand.no_data_here" if elsewhere else "evaluation.stand.no_data"
        return _sentence([say(key, lang, name=indicator.name, target=target,
                              count=elsewhere)], lang)  # fmt: skip
    # a bound as reported, as the tables show it: 25%以上 is not 25% (which would not meet ＞25)
    actual = reported_bound(verdict) or _in_unit(indicator, measure(indicator, verdict.actual),
                                                 lang)  # fmt: skip
    if isinstance(verdict.actual, str):  # an answer in words (是, 应保尽保): quoted as given
        key, base = "evaluation.stand.answer", ""  # and judged without a baseline
    elif total:  # the sum to the year (a five-year total starts from 0: no baseline to name)
        key, base = "evaluation.stand.total", ""
    else:
        base = _baseline_in_prose(result, lang)
        key = "evaluation.stand.actual" if base else "evaluation.stand.actual_no_base"
    clauses = [say(key, lang, name=indicator.name, year=verdict.actual_year, actual=actual,
                   target=target, baseline=base)]  # fmt: skip
    left_out = _left_out(verdict, lang) if total else ""
    if left_out:  # years of the period the sum has no figure of
        clauses.append(say("evaluation.total_left_out", lang, years=left_out))
    if result.year is not None and verdict.actual_year not in (None, result.year):
        # judged on an earlier year's figure (the end year's is missing): said, not implied
        clauses.append(say("evaluation.stand.earlier", lang, year=result.year,
                           actual_year=verdict.actual_year))  # fmt: skip
    if verdict.gap is not None and verdict.gap > 0 and verdict.status != "met":
        gap = _in_unit(indicator, computed(indicator, verdict.gap), lang)
        if is_percent(indicator):
            gap = str(computed(indicator, verdict.gap, points=say("unit.points", lang)))
        clauses.append(say("evaluation.stand.gap", lang, gap=gap))
    if verdict.progress is not None and verdict.share is not None:
        progress = share_apart(verdict.progress, verdict.share)
        clauses.append(say("evaluation.stand.progress", lang, progress=progress,
                           share=share(verdict.share)))  # fmt: skip
    elif verdict.progress is not None:
        clauses.append(say("evaluation.stand.progress_only", lang,
                           progress=share(verdict.progress)))  # fmt: skip
    if result.rating is not None:
        # a figure exactly at a strict target (98.6 for 高于98.6) says why it misses: the
        # sentence alone read as a slip (a reviewer's trial)
        strict = [r for r in verdict.reasons if r[0] == "at_strict_bound"]
        if strict:
            clauses.append(explain(strict, lang))
        clauses.append(say("evaluation.stand.rating", lang,
                           rating=ratings(lang)[result.rating].label))  # fmt: skip
    else:
        clauses.append(say("evaluation.stand.unrated", lang,
                           status=statuses(lang)[verdict.status].label))  # fmt: skip
        why = [r for r in verdict.reasons if r[0] not in BOUND_NOTES]  # the bound: said above
        if verdict.status == "needs_review" and why:  # why a person must look
            clauses.append(explain(why, lang))
    trend = result.trend
    if trend is not None and trend.category is not None and not judged_at_end(result):
        # an outlook, not a verdict
        outlook = say(f"outlook.{'likely' if trend.likely_met else 'unlikely'}", lang)
        clauses.append(say("evaluation.stand.trend", lang, outlook=outlook))
    area_total = [r for r in verdict.reasons if r[0] == "area_total_here"]
    if area_total:  # a county against the city's total: the verdict is for reference only
        clauses.append(explain(area_total, lang))
    return _sentence(clauses, lang)


#: A target's comparator in a sentence: 目标值为不低于99%, not 目标值为≥99% (a trial's finding).
_COMPARATORS = (
    (("≥", ">=", "＞＝", "≧"), "at_least"),
    (("≤", "<=", "＜＝", "≦"), "at_most"),
    ((">", "＞"), "above"),
    (("<", "＜"), "below"),
)


def _target_in_prose(indicator: Indicator, lang: str, *, total: bool = False) -> str:
    """The target in a sentence: its comparator in words, in the indicator's unit; a
    five-year total without the table's brackets ([15] is 15万人, said as a total)."""
    raw = indicator.target.raw.strip()
    if total:
        raw = raw.strip("[]［］").strip()
    return _worded(indicator, raw, lang)


def _worded(indicator: Indicator, raw: str, lang: str) -> str:
    """A printed figure in a sentence, its comparator in words (>99.9% → 高于99.9%)."""
    for signs, word in _COMPARATORS:
        sign = next((sign for sign in signs if raw.startswith(sign)), None)
        if sign is not None and _FIGURE_ALONE.fullmatch(raw[len(sign) :]):
            figure = _in_unit(indicator, printed(indicator, raw[len(sign) :].strip()), lang)
            return say(f"evaluation.target.{word}", lang, figure=figure)
    return _in_unit(indicator, printed(indicator, raw), lang)


def _reference_in_prose(result: Result, lang: str) -> str:
    """The reference value a relative target was judged against (达到全省平均水平: 2025年全省
    10.85), said beside the target: the verdict rests on it."""
    for code, args in result.verdict.reasons:
        if code == "reference_from":
            value = _in_unit(result.indicator, measure(result.indicator, args["value"]), lang)
            return say("evaluation.reference_from", lang, value=value, year=args["year"],
                       region=args["region"])  # fmt: skip
        if code in ("reference", "reference_given"):
            value = _in_unit(result.indicator, measure(result.indicator, args["value"]), lang)
            return say("evaluation.reference", lang, value=value)
    return ""


def _baseline_in_prose(result: Result, lang: str) -> str:
    """The baseline in a sentence: in the indicator's unit, before any note of where it came
    from (12.41年（2021年上报，首个数据）, 98.05%); "" where there is none."""
    indicator, baseline = result.indicator, result.verdict.baseline
    if baseline.source in ("plan", "none"):
        if not indicator.baseline.raw.strip():
            return ""
        # (a printed >99.9 as its target is: 高于99.9%, not >99.9%: a reviewer's trial)
        return _worded(indicator, indicator.baseline.raw.strip(), lang)
    if baseline.source == "plan_area":  # (as printed, as the plan's own are)
        value = _worded(indicator, indicator.baseline.raw.strip(), lang)
        return say("baseline.plan_area", lang, value=value)
    value = _in_unit(indicator, measure(indicator, baseline.value), lang)
    return say(f"baseline.{baseline.source}", lang, value=value, year=baseline.year)


def remark(result: Result, key: str, lang: str) -> Paragraph:
    """原因分析： / 下一步措施： in bold, then what the department wrote, or 【待填写】."""
    text = (result.remarks.get(key) or "").strip()
    body: Text | str = text if text else Text(say("evaluation.placeholder", lang), "placeholder")
    return Paragraph((Text(say(f"evaluation.{key}", lang), "bold"), body))


def analysis_sections(
    results: Sequence[Result], lang: str, elsewhere: Mapping[str, int] | None = None
) -> list[Section]:
    """A section for each `analysed` result; `elsewhere`: by indicator id, how many regions
    besides the area reported a figure (`regions_reporting`)."""
    elsewhere = elsewhere or {}
    sections = []
    for number, result in enumerate(analysed(results), start=1):
        # under 三、 a 公文's second level is （一）, not （1） (a new user's trial)
        shown = chinese_numeral(number) if lang == "zh" else str(number)
        title = say("evaluation.item", lang, number=shown, name=result.indicator.name)
        # a lagging one asks for 原因分析 and 下一步措施 (【待填写】 until they are written);
        # one on track or met shows what its department wrote, if anything (a final report
        # asked why 13 indicators at 100 % were completed: a reviewer's trial)
        asked = is_lagging(result)
        remarks = [
            remark(result, key, lang)
            for key in ("reason", "measure")
            if asked or (result.remarks.get(key) or "").strip()
        ]
        sections.append(
            Section(title, [standing(result, lang, elsewhere.get(result.indicator.id, 0)),
                            *remarks], level=2)
        )  # fmt: skip
    return sections


# ------------------------------------------------------------------------------ appendix


def appendix(report: Assessment, results: ResultColumns, lang: str) -> list[str]:
    sources = report.sources or ((report.source,) if report.source else ())
    read = [
        say("evaluation.sources.file", lang, file=source,
            count=report.figures_read.get(source, 0))
        for source in sources
    ]  # fmt: skip
    lines = [
        _sentence([say("assessment.source", lang, source=say("sep.list", lang).join(read))], lang)
        if sources
        else _sentence([say("evaluation.sources.none", lang)], lang),
        _sentence([say("evaluation.rule.baseline", lang)], lang),
    ]
    # the plan's own baseline year's share: a result's own share, the first met, was that
    # of a baseline first reported in 2021 (50 %) beside the formula's 2020 (60 %: trial 12)
    plan = report.plan
    elapsed = (
        time_share(plan.baseline_year, plan.period.end, report.year)
        if any(found is not None for found in results.shares)
        else None
    )
    rule = [say("evaluation.rule.share", lang)]
    if elapsed is not None:
        rule.append(say("evaluation.rule.share_year", lang, year=report.year,
                        base=plan.baseline_year, share=share(elapsed)))  # fmt: skip
    lines.append(_sentence(rule, lang))
    lines.append(_sentence([say("evaluation.rule.progress", lang)], lang))
    margin = round(AHEAD_MARGIN * 100)
    lines.append(_sentence([say("evaluation.rule.ratings", lang, margin=margin)], lang))
    if report.stage == "mid":
        lines.append(_sentence([say("evaluation.rule.mid", lang)], lang))
    lines.append(_sentence([say("evaluation.rule.trend", lang)], lang))
    from psplan import __version__  # (the rules of the version that judged: a reader may ask)

    lines.append(_sentence([say("evaluation.rule.docs", lang, version=__version__)], lang))
    return lines


# ---------------------------------------------------------------------------------- view


def _previous_section(report: Assessment, tables: list[Table], lang: str) -> list[Section]:
    """The side-by-side table of a final report, as a sub-section of the main indicators (its
    table added to `tables`), when the plan's previous table shares an indicator."""
    found = previous_table(report, lang)
    if found is None:
        return []
    table, section = found
    tables.append(table)
    return [section]


def regions_reporting(report: Assessment) -> Counter[str]:
    """By indicator id, how many regions besides the plan's own area have a figure of it:
    where the area has none, its section says the counties' are in the regions' chapter (it
    said "尚无数据" of an indicator all ten counties reported: a trial's finding)."""
    columns, own = report.columns, report.own_area
    return Counter(
        indicator.id
        for region, indicator, status in zip(
            columns.regions, columns.indicators, columns.statuses, strict=True
        )
        if region and region not in own and status != "no_data"
    )


def evaluation_view(report: Assessment, lang: str = "zh") -> View:
    """The report of the assessment's stage, as sections (see the module), over the tables
    and charts of the monitoring view (`assessment_view`, what `check` shows), which the
    last chapter, 附表：监测明细, places for the reader who audits a rating."""
    regions = [region for region in report.regions if region]
    # a file of one region that is not named as the plan's area (全市 in a national check)
    # is that area's report; with several regions and none the area's, the overview counts
    # all, off the columns (a country's 185,600 results are not made for it)
    rows = reported_rows(report)
    own = [report.results[i] for i in rows]
    overview = report.columns.take(rows) if rows else report.columns
    monitoring = assessment_view(report, lang)
    earlier = judged_earlier(own)
    main = indicators_table(report, own, lang)
    tables = [main]
    analysis = analysis_sections(own, lang, regions_reporting(report) if rows else None)
    none = "regions" if not rows else "none"  # (several regions and none the area's)
    sections = [
        Section(
            say("evaluation.section.overall", lang),
            list(overall_paragraphs(report, overview, lang, earlier)),
        ),
        Section(
            say("evaluation.section.indicators", lang),
            [*earlier_said(earlier, lang), *totals_said(own, lang)]
            if rows
            else [_sentence([say("evaluation.indicators.regions", lang)], lang)],
            tables=[main.key, "domains"],  # the averages with their counts (有进度数据…)
            charts=["domains"],
        ),
        *_previous_section(report, tables, lang),
        Section(
            say(
                "evaluation.section.analysis.ended"
                if report.at_period_end
                else "evaluation.section.analysis",
                lang,
            ),
            [] if analysis else [_sentence([say(f"evaluation.analysis.{none}", lang)], lang)],
        ),
        *analysis,
    ]
    keys = {table.key for table in monitoring.tables}
    if "commitments" in keys:  # the text's promises the figures name: their own section
        judged = [say("evaluation.count", lang, label=statuses(lang)[code].label, count=n)
                  for code in STATUSES
                  if (n := sum(1 for r in report.commitments if r.status == code))]  # fmt: skip
        counts = say("sep.list", lang).join(judged)
        intro = say("evaluation.commitments.intro", lang, total=len(report.plan.commitments),
                    named=len(report.commitments), counts=counts)  # fmt: skip
        sections.append(Section(say("evaluation.section.commitments", lang),
                                [_sentence([intro], lang)], tables=["commitments"]))  # fmt: skip
    if len(regions) > 1:
        placed = [key for key in ("spread", "matrix") if key in keys]
        sections.append(Section(say("evaluation.section.regions", lang), tables=placed))
    detail = [key for key in ("results", "trends") if key in keys]
    sections.append(
        Section(
            say("evaluation.section.detail", lang),
            [_sentence([say("evaluation.detail.intro", lang)], lang)],
            tables=detail,
            charts=["progress"],
        )
    )
    sections.append(
        Section(say("evaluation.section.appendix", lang), list(appendix(report, overview, lang)))
    )
    charts = monitoring.charts
    if len(overview) != len(report.results):  # progress by domain of the area the report is
        domains = domain_progress(report.with_results(own))
        charts = [c for c in charts if c.key != "domains"] + [domains_chart(domains, lang)]
        area = domains_table(domains, lang, ended=report.at_period_end)
        monitoring.tables = [area if t.key == "domains" else t for t in monitoring.tables]
    title = say(f"evaluation.title.{report.stage}", lang, plan=report.plan.name, year=report.year)
    if len(regions) == 1 and regions[0] not in report.own_area:
        # one county's figures (勉县's file, or --region 勉县) read as the city's report: its
        # title named no region until the appendix (a county-scale trial)
        title = say("evaluation.title.region", lang, title=title, region=regions[0])
    return View(
        "evaluation",
        title,
        lang,
        functools.partial(report.to_dict, lang),
        [*tables, *monitoring.tables],
        # no counts under the title (the overview says them) and no source line (the
        # appendix lists every file with its count of figures); but where the report is
        # judged after its latest figure (2025 on figures to 2023), that, first, in every
        # format, the workbook too (it was said on stderr only: a trial's finding)
        summary=[beyond_figures(report, lang)] if report.judged_beyond_figures else [],
        notes=[say("assessment.domains_note", lang)],
        primary=main.key,
        charts=charts,
        sections=sections,
    )
