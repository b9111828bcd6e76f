"""The judging rules (`psplan.assess.evaluate`), every field of every verdict, by hand.

The numbers below are computed by hand from the rules in ../shared/DOMAIN.md and
docs/assessment.md (§2–§4), never copied from psplan's output:

    share    = (Y − y0)/(E − y0), clamped to 0…1          (time elapsed since the baseline year)
    expected = B + (T − B)·share                           (the target itself for an average,
                                                            or when B already satisfies T)
    progress = (A − B)/(T − B); 1 when met, none when not met and the formula reaches 1
    gap      = d·(T − A), d = +1 when more is better, −1 when less is better

Goals come from the bundled plans (`data/*.yaml`, via `goal_of`) wherever a plan prints the
kind of target; the few kinds no bundled plan prints (`左右`, a printed `95%及以上`, a baseline
in the end year) use goals made here, marked GENERATED. Figures are real where a source is
named, otherwise GENERATED. Reasons are compared by their codes, not their wording.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

import psplan
from psplan.actuals.values import Value, parse_value
from psplan.assess.check import goal_of
from psplan.assess.evaluate import (
    APPROX_TOLERANCE,
    BASELINE_SOURCES,
    NO_BASELINE,
    OP_SYMBOLS,
    STATUSES,
    Baseline,
    Goal,
    Observation,
    Verdict,
    bound_decides,
    expected_path,
    judge,
    resolve_baseline,
    satisfies,
    time_share,
)
from psplan.plan.targets import parse_expression

PLANS = {name: psplan.load_plan(name) for name in ("national", "hanzhong", "chuzhou", "suzhou")}


def real_goal(plan: str, indicator: str, *, previous: bool = False) -> Goal:
    loaded = PLANS[plan]
    if previous:
        assert loaded.previous_plan is not None
        row = next(i for i in loaded.previous_plan.indicators if i.id == indicator)
        return goal_of(loaded, row, previous=True)
    return goal_of(loaded, loaded.indicator(indicator))


def made_goal(
    target: str,
    baseline: str | None = None,
    *,
    kind: str = "level",
    direction: str = "increase",
    baseline_year: int = 2020,
    start: int = 2021,
    end: int = 2025,
) -> Goal:
    """A GENERATED goal, for target kinds no bundled plan prints."""
    return Goal(
        parse_expression(target),
        kind,  # type: ignore[arg-type]
        direction,  # type: ignore[arg-type]
        parse_expression(baseline),
        baseline_year,
        start,
        end,
    )


def obs(*pairs: tuple[int, object]) -> list[Observation]:
    return [Observation(year, parse_value(raw)) for year, raw in pairs]


def codes(verdict: Verdict) -> list[str]:
    return [code for code, _ in verdict.reasons]


def fields(verdict: Verdict) -> tuple:
    return (
        verdict.status,
        verdict.actual,
        verdict.actual_year,
        verdict.gap,
        verdict.progress,
        verdict.expected,
        verdict.target_value,
        tuple(verdict.baseline),
        verdict.share,
        codes(verdict),
    )


# (case, goal, figures, year, reference, sheet baseline,
#  (status, actual, actual year, gap, progress, expected, target value, baseline, share, reasons))
TABLE = [
    # --- level, more is better, a plain number (≥). National 九年义务教育巩固率 95.2% → 96%.
    (
        # real: 95.7% in 2023 (examples/national-2023.csv). share = 3/5 = 0.6;
        # expected = 95.2 + 0.8·0.6 = 95.68; 95.7 ≥ 95.68 → on_track;
        # progress = 0.5/0.8 = 0.625; gap = 96 − 95.7 = 0.3
        "increase-on-track",
        real_goal("national", "compulsory_education_retention"),
        obs((2023, "95.7%")),
        2023, None, None,
        ("on_track", 95.7, 2023, 0.3, 0.625, 95.68, 96.0, (95.2, 2020, "plan"), 0.6, ["expected_by"]),
    ),
    (
        # GENERATED 95.6: below 95.68 → behind; progress 0.4/0.8 = 0.5; gap 0.4
        "increase-behind",
        real_goal("national", "compulsory_education_retention"),
        obs((2023, "95.6")),
        2023, None, None,
        ("behind", 95.6, 2023, 0.4, 0.5, 95.68, 96.0, (95.2, 2020, "plan"), 0.6, ["expected_by"]),
    ),
    (
        # real: 95.90% in 2024 (examples/SOURCES.md), judged in 2025 = E: the latest figure up
        # to Y is used; share 1, expected 96; 95.9 < 96 → not_met; progress 0.7/0.8 = 0.875
        "increase-not-met-at-end",
        real_goal("national", "compulsory_education_retention"),
        obs((2024, "95.90%")),
        2025, None, None,
        ("not_met", 95.9, 2024, 0.1, 0.875, 96.0, 96.0, (95.2, 2020, "plan"), 1.0,
         ["short_at_end_from"]),
    ),
    (
        # GENERATED 96.0 exactly in 2022: ≥ 96 is met (not strict); gap 0, progress 1
        "increase-met-on-the-target",
        real_goal("national", "compulsory_education_retention"),
        obs((2022, "96")),
        2022, None, None,
        ("met", 96.0, 2022, 0.0, 1.0, 95.52, 96.0, (95.2, 2020, "plan"), 0.4, []),
    ),
    # --- strict >: national 学前教育毛入园率 85.2% → >90%.
    (
        # real: 91.1% in 2023. 91.1 > 90 → met; expected 85.2 + 4.8·0.6 = 88.08; gap −1.1
        "strict-met",
        real_goal("national", "preschool_gross_enrollment"),
        obs((2023, "91.1%")),
        2023, None, None,
        ("met", 91.1, 2023, -1.1, 1.0, 88.08, 90.0, (85.2, 2020, "plan"), 0.6, []),
    ),
    (
        # GENERATED exactly 90 in 2023: not > 90, above the line 88.08 → on_track; the formula
        # would give 4.8/4.8 = 100 % but only a met target is 100 % → no progress
        "strict-exactly-on-target",
        real_goal("national", "preschool_gross_enrollment"),
        obs((2023, "90")),
        2023, None, None,
        ("on_track", 90.0, 2023, 0.0, None, 88.08, 90.0, (85.2, 2020, "plan"), 0.6,
         ["at_strict_bound", "expected_by"]),
    ),
    (
        # real: 95% in 2024 against >95% with baseline 95%: B = T, so the line is flat at 95,
        # 95 ≥ 95 → on_track; share 4/5; progress has a zero denominator → none
        "strict-baseline-equals-target",
        real_goal("national", "medical_insurance_coverage"),
        obs((2024, "95%")),
        2024, None, None,
        ("on_track", 95.0, 2024, 0.0, None, 95.0, 95.0, (95.0, 2020, "plan"), 0.8,
         ["at_strict_bound", "expected_by"]),
    ),
    # --- less is better, strict <: Suzhou 十三五 婴儿死亡率 <3.5 (2016–2020, base year 2015).
    (
        # GENERATED 4.0 (2015) and exactly 3.5 in 2018: not < 3.5; below the line 3.7 →
        # on_track; the formula gives −0.5/−0.5 = 100 % → no progress, "exactly 3.5"
        "decrease-exactly-on-a-strict-target",
        real_goal("suzhou", "infant_mortality", previous=True),
        obs((2015, "4.0"), (2018, "3.5")),
        2018, None, None,
        ("on_track", 3.5, 2018, 0.0, None, 3.7, 3.5, (4.0, 2015, "reported"), 0.6,
         ["baseline_reported", "at_strict_bound", "expected_by"]),
    ),
    (
        # GENERATED 4.0 for 2015 (the base year: source "reported") and 3.7 for 2018:
        # share (2018 − 2015)/5 = 0.6; expected 4.0 + (3.5 − 4.0)·0.6 = 3.7; d = −1:
        # −(3.7 − 3.7) = 0 ≥ 0 → on_track; progress −0.3/−0.5 = 0.6; gap −(3.5 − 3.7) = 0.2
        "decrease-on-the-line",
        real_goal("suzhou", "infant_mortality", previous=True),
        obs((2015, "4.0"), (2018, "3.7")),
        2018, None, None,
        ("on_track", 3.7, 2018, 0.2, 0.6, 3.7, 3.5, (4.0, 2015, "reported"), 0.6,
         ["baseline_reported", "expected_by"]),
    ),
    (
        # GENERATED 3.71: 0.01 above the line → behind; progress −0.29/−0.5 = 0.58; gap 0.21
        "decrease-behind",
        real_goal("suzhou", "infant_mortality", previous=True),
        obs((2018, "3.71"), (2015, "4.0")),  # any order
        2018, None, None,
        ("behind", 3.71, 2018, 0.21, 0.58, 3.7, 3.5, (4.0, 2015, "reported"), 0.6,
         ["baseline_reported", "expected_by"]),
    ),
    (
        # real: 2.92 in 2020 (宿州 十三五 完成情况). 2.92 < 3.5 → met; gap −(3.5 − 2.92) = −0.58.
        # The only figure cannot be its own baseline: no baseline, no line.
        "decrease-met-real",
        real_goal("suzhou", "infant_mortality", previous=True),
        obs((2020, "2.92")),
        2020, None, None,
        ("met", 2.92, 2020, -0.58, 1.0, None, 3.5, (None, None, "none"), None, []),
    ),
    # --- five-year total [x]: Chuzhou 城镇老旧小区改造 [269] 个 (printed baseline 45 is not used).
    (
        # GENERATED 50, 60 and a reported 0: A = 50 + 60 + 0 = 110 (0 counts as 0, not 1);
        # B = 0 (2020); expected 269·0.6 = 161.4 → behind; progress 110/269 = 0.408922;
        # gap 269 − 110 = 159
        "total-with-a-zero",
        real_goal("chuzhou", "old_community_renovation"),
        obs((2021, "50"), (2022, "60"), (2023, "0")),
        2023, None, None,
        ("behind", 110.0, 2023, 159.0, 0.408922, 161.4, 269.0, (0.0, 2020, "zero"), 0.6,
         ["sum", "expected_by"]),
    ),
    (
        # GENERATED: 50 for 2021, then a running total [100] for 2022 that already includes
        # it, then 30: A = 100 + 30 = 130 (the 50 is not counted twice); progress 130/269
        "total-running-total-then-a-year",
        real_goal("chuzhou", "old_community_renovation"),
        obs((2021, "50"), (2022, "[100]"), (2023, "30")),
        2023, None, None,
        ("behind", 130.0, 2023, 139.0, 0.483271, 161.4, 269.0, (0.0, 2020, "zero"), 0.6,
         ["running_total_and_sum", "expected_by"]),
    ),
    (
        # GENERATED: the running total [100] alone, judged in 2022: expected 269·0.4 = 107.6
        "total-running-total-alone",
        real_goal("chuzhou", "old_community_renovation"),
        obs((2021, "50"), (2022, "[100]")),
        2022, None, None,
        ("behind", 100.0, 2022, 169.0, 0.371747, 107.6, 269.0, (0.0, 2020, "zero"), 0.4,
         ["running_total", "expected_by"]),
    ),
    (
        # GENERATED: 2020 is before the period and not counted; 60 + 60 = 120 ≥ 107.6
        "total-on-track",
        real_goal("chuzhou", "old_community_renovation"),
        obs((2020, "100"), (2021, "60"), (2022, "60")),
        2022, None, None,
        ("on_track", 120.0, 2022, 149.0, 0.446097, 107.6, 269.0, (0.0, 2020, "zero"), 0.4,
         ["sum", "expected_by"]),
    ),
    (
        # GENERATED: one figure, for the first year of the period (2021): 50 < 269·0.2 = 53.8
        "total-first-year-only",
        real_goal("chuzhou", "old_community_renovation"),
        obs((2021, "50")),
        2021, None, None,
        ("behind", 50.0, 2021, 219.0, 0.185874, 53.8, 269.0, (0.0, 2020, "zero"), 0.2,
         ["sum", "expected_by"]),
    ),
    (
        # GENERATED: one figure, for the end year only: it is in the period → judged, the
        # years before it without a figure named (the sum leaves them out: trial 18)
        "total-end-year-only",
        real_goal("chuzhou", "old_community_renovation"),
        obs((2025, "270")),
        2025, None, None,
        ("met", 270.0, 2025, -1.0, 1.0, 269.0, 269.0, (0.0, 2020, "zero"), 1.0, ["sum_short"]),
    ),
    (
        # GENERATED: a running total reported as [0] is 0, not 1
        "total-running-total-of-zero",
        real_goal("chuzhou", "old_community_renovation"),
        obs((2021, "[0]")),
        2021, None, None,
        ("behind", 0.0, 2021, 269.0, 0.0, 53.8, 269.0, (0.0, 2020, "zero"), 0.2,
         ["running_total", "expected_by"]),
    ),
    (
        # GENERATED: a total [100] and a plain 7 for the same year: the total already holds
        # that year, so the 7 is not added (A = 100, not 107)
        "total-and-a-figure-of-the-same-year",
        real_goal("chuzhou", "old_community_renovation"),
        obs((2021, "50"), (2022, "[100]"), (2022, "7")),
        2022, None, None,
        ("behind", 100.0, 2022, 169.0, 0.371747, 107.6, 269.0, (0.0, 2020, "zero"), 0.4,
         ["running_total", "expected_by"]),
    ),
    (
        # GENERATED: 150 + 120 = 270 ≥ 269 → met before the end
        "total-met",
        real_goal("chuzhou", "old_community_renovation"),
        obs((2021, "150"), (2022, "120")),
        2022, None, None,
        ("met", 270.0, 2022, -1.0, 1.0, 107.6, 269.0, (0.0, 2020, "zero"), 0.4, ["sum"]),
    ),
    # --- yearly average *: national 参加各类补贴性职业技能培训人数 1500 (十三五 average 1800).
    (
        # GENERATED 1600 and a reported 0: mean (1600 + 0)/2 = 800 (not 800.5); compared with
        # 1500 itself (no line, no share); progress 800/1500 = 0.533333; gap 700
        "average-with-a-zero",
        real_goal("national", "subsidized_skills_training"),
        obs((2021, "1600"), (2022, "0")),
        2022, None, None,
        ("behind", 800.0, 2022, 700.0, 0.533333, 1500.0, 1500.0, (1800.0, 2020, "plan"), None,
         ["mean", "average_short"]),
    ),
    (
        # GENERATED (1600 + 1500)/2 = 1550 ≥ 1500 → met; gap −50
        "average-met",
        real_goal("national", "subsidized_skills_training"),
        obs((2021, "1600"), (2022, "1500")),
        2022, None, None,
        ("met", 1550.0, 2022, -50.0, 1.0, 1500.0, 1500.0, (1800.0, 2020, "plan"), None, ["mean"]),
    ),
    (
        # GENERATED (1400 + 1500)/2 = 1450 at the end → not_met; progress 1450/1500 = 0.966667;
        # the 2020 figure (十三五) is not in the mean
        "average-not-met-at-end",
        real_goal("national", "subsidized_skills_training"),
        obs((2020, "9000"), (2021, "1400"), (2025, "1500")),
        2025, None, None,
        ("not_met", 1450.0, 2025, 50.0, 0.966667, 1500.0, 1500.0, (1800.0, 2020, "plan"), None,
         ["mean", "short_at_end"]),
    ),
    # --- qualitative 应保尽保: national 孤儿和事实无人抚养儿童保障覆盖率.
    (
        "qualitative-yes",
        real_goal("national", "orphan_support_coverage"),
        obs((2023, "是")),
        2023, None, None,
        ("met", "是", 2023, None, 1.0, None, None, (None, None, "none"), None, ["reported"]),
    ),
    (
        "qualitative-100-percent",
        real_goal("national", "orphan_support_coverage"),
        obs((2022, "100%")),
        2023, None, None,
        ("met", 100.0, 2022, None, 1.0, None, None, (None, None, "none"), None, ["reported"]),
    ),
    (
        # an Excel FALSE cell is 否: not met (behind before the end year)
        "qualitative-excel-false",
        real_goal("national", "orphan_support_coverage"),
        obs((2023, False)),
        2023, None, None,
        ("behind", "否", 2023, None, None, None, None, (None, None, "none"), None, ["reported"]),
    ),
    (
        "qualitative-no-at-end",
        real_goal("national", "orphan_support_coverage"),
        obs((2025, "98")),
        2025, None, None,
        ("not_met", 98.0, 2025, None, None, None, None, (None, None, "none"), None, ["reported"]),
    ),
    (
        "qualitative-other-text",
        real_goal("national", "orphan_support_coverage"),
        obs((2021, "是"), (2023, "正在推进")),
        2023, None, None,
        ("needs_review", "正在推进", 2023, None, None, None, None, (None, None, "none"), None,
         ["neither_yes_nor_no"]),
    ),
    # --- relative: Suzhou 劳动年龄人口平均受教育年限 达到全省平均水平, baseline 10.48 年.
    (
        # GENERATED 10.6 with a province figure 10.7: T = 10.7; expected 10.48 + 0.22·0.6 =
        # 10.612 → behind; progress 0.12/0.22 = 0.545455; gap 0.1
        "relative-behind",
        real_goal("suzhou", "working_age_schooling_years"),
        obs((2023, "10.6")),
        2023, 10.7, None,
        ("behind", 10.6, 2023, 0.1, 0.545455, 10.612, 10.7, (10.48, 2020, "plan"), 0.6,
         ["reference", "expected_by"]),
    ),
    (
        "relative-met",
        real_goal("suzhou", "working_age_schooling_years"),
        obs((2023, "10.8")),
        2023, 10.7, None,
        ("met", 10.8, 2023, -0.1, 1.0, 10.612, 10.7, (10.48, 2020, "plan"), 0.6, ["reference"]),
    ),
    (
        "relative-without-its-reference",
        real_goal("suzhou", "working_age_schooling_years"),
        obs((2023, "10.6")),
        2023, None, None,
        ("needs_review", 10.6, 2023, None, None, None, None, (10.48, 2020, "plan"), None,
         ["needs_reference"]),
    ),
    # --- 左右 (GENERATED goal 6.5 → 7.5左右: met within 7.5 ± 0.375).
    (
        # 7.2 is within the band → met, with a positive gap 7.5 − 7.2 = 0.3;
        # expected 6.5 + 1·0.6 = 7.1
        "approx-met",
        made_goal("7.5左右", "6.5"),
        obs((2023, "7.2")),
        2023, None, None,
        ("met", 7.2, 2023, 0.3, 1.0, 7.1, 7.5, (6.5, 2020, "plan"), 0.6, []),
    ),
    (
        # 8.0 at the end is beyond the band → not_met; (8 − 6.5)/1 = 150 % → no progress
        "approx-overshoot",
        made_goal("7.5左右", "6.5"),
        obs((2025, "8.0")),
        2025, None, None,
        ("not_met", 8.0, 2025, -0.5, None, 7.5, 7.5, (6.5, 2020, "plan"), 1.0,
         ["beyond_band", "short_at_end"]),
    ),
    (
        # 6.9 mid-period: below the band, at the line 6.5 + 0.4 = 6.9 → on_track, progress 0.4
        "approx-on-the-line",
        made_goal("7.5左右", "6.5"),
        obs((2022, "6.9")),
        2022, None, None,
        ("on_track", 6.9, 2022, 0.6, 0.4, 6.9, 7.5, (6.5, 2020, "plan"), 0.4, ["expected_by"]),
    ),
    (
        # GENERATED 7.3 → 7.5左右: the baseline is already within the band (7.125–7.875), so
        # the target itself is expected; 7.0 in 2023 slipped below it → behind, no progress
        # (the formula would give (7.0 − 7.3)/0.2 = −1.5)
        "approx-slipped-out-of-the-band",
        made_goal("7.5左右", "7.3"),
        obs((2023, "7.0")),
        2023, None, None,
        ("behind", 7.0, 2023, 0.5, None, 7.5, 7.5, (7.3, 2020, "plan"), 0.6,
         ["slipped", "expected_by"]),
    ),
    # --- a target printed as a bound, 95%及以上 (GENERATED goal, baseline 90%): ≥ 95.
    (
        # 94 in 2023: expected 90 + 5·0.6 = 93 → on_track; progress 4/5 = 0.8; gap 1
        "bound-target-on-track",
        made_goal("95%及以上", "90%"),
        obs((2023, "94%")),
        2023, None, None,
        ("on_track", 94.0, 2023, 1.0, 0.8, 93.0, 95.0, (90.0, 2020, "plan"), 0.6, ["expected_by"]),
    ),
    (
        "bound-target-met",
        made_goal("95%及以上", "90%"),
        obs((2023, "95")),
        2023, None, None,
        ("met", 95.0, 2023, 0.0, 1.0, 93.0, 95.0, (90.0, 2020, "plan"), 0.6, []),
    ),
    # --- a figure reported as a bound: national 基本养老保险参保率 90% → 95%.
    (
        # GENERATED "95%及以上": every value it allows is ≥ 95 → met; a bound has no gap
        "bound-reported-met",
        real_goal("national", "pension_insurance_coverage"),
        obs((2023, "95%及以上")),
        2023, None, None,
        ("met", 95.0, 2023, None, 1.0, 93.0, 95.0, (90.0, 2020, "plan"), 0.6, ["bound_reported"]),
    ),
    (
        # GENERATED "<90%": below the 2023 line (93) for sure → behind
        "bound-reported-behind",
        real_goal("national", "pension_insurance_coverage"),
        obs((2023, "<90%")),
        2023, None, None,
        ("behind", 90.0, 2023, None, None, 93.0, 95.0, (90.0, 2020, "plan"), 0.6,
         ["bound_reported", "expected_by"]),
    ),
    (
        # GENERATED ">93": above the 2023 line, but whether it reaches 95 is unknown: a bound
        # is judged only where it decides the target → a person decides
        "bound-reported-undecided-above-the-line",
        real_goal("national", "pension_insurance_coverage"),
        obs((2023, ">93")),
        2023, None, None,
        ("needs_review", 93.0, 2023, None, None, 93.0, 95.0, (90.0, 2020, "plan"), 0.6,
         ["bound_reported", "bound_undecided"]),
    ),
    (
        # GENERATED "≥95" judged in 2021 from the 2023 plan line: met whatever the line
        "bound-reported-met-at-the-target",
        real_goal("national", "pension_insurance_coverage"),
        obs((2021, "≥95")),
        2021, None, None,
        ("met", 95.0, 2021, None, 1.0, 91.0, 95.0, (90.0, 2020, "plan"), 0.2, ["bound_reported"]),
    ),
    (
        # GENERATED "<96%": may or may not reach 95 → a person decides
        "bound-reported-undecided",
        real_goal("national", "pension_insurance_coverage"),
        obs((2023, "<96%")),
        2023, None, None,
        ("needs_review", 96.0, 2023, None, None, 93.0, 95.0, (90.0, 2020, "plan"), 0.6,
         ["bound_reported", "bound_undecided"]),
    ),
    (
        # GENERATED "≤92" in 2023: surely below 95, so not met; the line is 93 and every value
        # allowed is ≤ 92 → behind
        "bound-reported-below-the-line",
        real_goal("national", "pension_insurance_coverage"),
        obs((2023, "≤92")),
        2023, None, None,
        ("behind", 92.0, 2023, None, None, 93.0, 95.0, (90.0, 2020, "plan"), 0.6,
         ["bound_reported", "expected_by"]),
    ),
    (
        # GENERATED "<94" in 2023: surely below 95; the line is 93 and the bound allows 93.5
        # and 92 alike → whether it is on the line needs a person
        "bound-reported-line-undecided",
        real_goal("national", "pension_insurance_coverage"),
        obs((2023, "<94")),
        2023, None, None,
        ("needs_review", 94.0, 2023, None, None, 93.0, 95.0, (90.0, 2020, "plan"), 0.6,
         ["bound_reported", "bound_undecided"]),
    ),
    (
        # GENERATED "<95%" at the end: surely below 95 → not_met
        "bound-reported-not-met",
        real_goal("national", "pension_insurance_coverage"),
        obs((2025, "<95%")),
        2025, None, None,
        ("not_met", 95.0, 2025, None, None, 95.0, 95.0, (90.0, 2020, "plan"), 1.0,
         ["bound_reported", "short_at_end"]),
    ),
    (
        # GENERATED: a bound with no baseline mid-period: not met, no line → a person decides
        # (the bound is the only figure, so it cannot be its own baseline either)
        "bound-reported-no-baseline",
        real_goal("hanzhong", "infant_care_places_per_1000"),
        obs((2023, "<4")),
        2023, None, None,
        ("needs_review", 4.0, 2023, None, None, None, 4.6, (None, None, "none"), None,
         ["bound_reported", "no_baseline"]),
    ),
    (
        # GENERATED: 2.0 (2021) is the baseline of a later bound "<3" (2023): share 0.5, line
        # 2.0 + 2.6·0.5 = 3.3; every value below 3 is short of it → behind
        "bound-after-a-first-reported-baseline",
        real_goal("hanzhong", "infant_care_places_per_1000"),
        obs((2021, "2.0"), (2023, "<3")),
        2023, None, None,
        ("behind", 3.0, 2023, None, None, 3.3, 4.6, (2.0, 2021, "first_reported"), 0.5,
         ["bound_reported", "expected_by"]),
    ),
    (
        # GENERATED: two bounds: the latest (>96, 2023) is judged, not the first (>90, 2021)
        "latest-of-two-bounds",
        real_goal("national", "compulsory_education_retention"),
        obs((2021, ">90"), (2023, ">96")),
        2023, None, None,
        ("met", 96.0, 2023, None, 1.0, 95.68, 96.0, (95.2, 2020, "plan"), 0.6, ["bound_reported"]),
    ),
    (
        # GENERATED: a bound in a five-year total cannot be summed
        "bound-in-a-total",
        real_goal("chuzhou", "old_community_renovation"),
        obs((2021, "50"), (2022, ">60"), (2023, "70")),
        2023, None, None,
        ("needs_review", 60.0, 2022, None, None, None, None, (0.0, 2020, "zero"), None,
         ["bound_in_total"]),
    ),
    # --- baselines the plan does not print: Hanzhong 每千人口拥有3岁以下婴幼儿托位数 4.6.
    (
        # GENERATED 2.0, 2.4, 2.9 (docs/assessment.md §9.5): the first figure (2021) is the
        # baseline, so the line starts in 2021: share (2023 − 2021)/(2025 − 2021) = 0.5;
        # expected 2.0 + 2.6·0.5 = 3.3 → behind; progress 0.9/2.6 = 0.346154; gap 1.7
        "first-reported-baseline",
        real_goal("hanzhong", "infant_care_places_per_1000"),
        obs((2021, "2.0"), (2022, "2.4"), (2023, "2.9")),
        2023, None, None,
        ("behind", 2.9, 2023, 1.7, 0.346154, 3.3, 4.6, (2.0, 2021, "first_reported"), 0.5,
         ["baseline_first_reported", "expected_by"]),
    ),
    (
        # GENERATED: a 2020 figure is the baseline ("reported"), share 0.6;
        # expected 1.8 + 2.8·0.6 = 3.48 → behind; progress 1.1/2.8 = 0.392857
        "reported-baseline",
        real_goal("hanzhong", "infant_care_places_per_1000"),
        obs((2021, "2.0"), (2020, "1.8"), (2023, "2.9")),
        2023, None, None,
        ("behind", 2.9, 2023, 1.7, 0.392857, 3.48, 4.6, (1.8, 2020, "reported"), 0.6,
         ["baseline_reported", "expected_by"]),
    ),
    (
        # GENERATED: the sheet's 基期值 1.5 wins over reported figures: share 0.6,
        # expected 1.5 + 3.1·0.6 = 3.36 → behind; progress 1.4/3.1 = 0.451613
        "sheet-baseline",
        real_goal("hanzhong", "infant_care_places_per_1000"),
        obs((2020, "1.8"), (2023, "2.9")),
        2023, None, 1.5,
        ("behind", 2.9, 2023, 1.7, 0.451613, 3.36, 4.6, (1.5, 2020, "sheet"), 0.6,
         ["baseline_sheet", "expected_by"]),
    ),
    (
        # GENERATED: one figure and no baseline, mid-period → a person decides
        "single-figure-no-baseline",
        real_goal("hanzhong", "infant_care_places_per_1000"),
        obs((2023, "2.9")),
        2023, None, None,
        ("needs_review", 2.9, 2023, 1.7, None, None, 4.6, (None, None, "none"), None,
         ["no_baseline"]),
    ),
    (
        # GENERATED: a running total is never a baseline; the plain 2022 figure is:
        # share (2023 − 2022)/(2025 − 2022) = 1/3; expected 70 + 20/3 = 76.666667;
        # 80 ≥ 76.67 → on_track; progress 10/20 = 0.5
        "running-total-is-no-baseline",
        made_goal("90"),
        obs((2020, "[50]"), (2021, "[60]"), (2022, "70"), (2023, "80")),
        2023, None, None,
        ("on_track", 80.0, 2023, 10.0, 0.5, 76.666667, 90.0, (70.0, 2022, "first_reported"),
         1 / 3, ["baseline_first_reported", "expected_by"]),
    ),
    (
        # real plan, GENERATED 99.5 in 2023: the baseline 100% already met 100% → no line
        # (expected = T), no progress, "slipped"
        "baseline-already-met",
        real_goal("national", "disability_subsidy_coverage"),
        obs((2023, "99.5%")),
        2023, None, None,
        ("behind", 99.5, 2023, 0.5, None, 100.0, 100.0, (100.0, 2020, "plan"), 0.6,
         ["slipped", "expected_by"]),
    ),
    (
        # GENERATED goal whose baseline year is the end year: no time share, no line
        "baseline-in-the-end-year",
        made_goal("90", "80", baseline_year=2025),
        obs((2024, "85")),
        2024, None, None,
        ("needs_review", 85.0, 2024, 5.0, 0.5, None, 90.0, (80.0, 2025, "plan"), None,
         ["baseline_at_end"]),
    ),
    # --- nothing to judge
    (
        "no-data",
        real_goal("national", "compulsory_education_retention"),
        obs((2024, "96"), (2023, "—"), (2022, "")),
        2023, None, None,
        ("no_data", None, None, None, None, None, None, (95.2, 2020, "plan"), None, ["no_data"]),
    ),
    (
        # the 十三五 total (2020) is not a figure of the 十四五 period
        "total-none-in-period",
        real_goal("chuzhou", "old_community_renovation"),
        obs((2020, "45")),
        2020, None, None,
        ("no_data", None, None, None, None, None, None, (0.0, 2020, "zero"), None,
         ["none_in_period"]),
    ),
    (
        "text-for-a-number",
        real_goal("national", "compulsory_education_retention"),
        obs((2021, "95.5"), (2022, "应保尽保"), (2023, "95.7")),
        2023, None, None,
        ("needs_review", "应保尽保", 2022, None, None, None, None, (95.2, 2020, "plan"), None,
         ["not_a_number"]),
    ),
    (
        # real: Hanzhong prints its 十三五 results without targets
        "no-target",
        real_goal("hanzhong", "maternal_mortality", previous=True),
        obs((2020, "11"), (2019, "12")),
        2020, None, None,
        ("needs_review", 11.0, 2020, None, None, None, None, (None, None, "none"), None,
         ["no_target"]),
    ),
    (
        "no-target-no-figure",
        real_goal("hanzhong", "maternal_mortality", previous=True),
        [],
        2020, None, None,
        ("needs_review", None, None, None, None, None, None, (None, None, "none"), None,
         ["no_target"]),
    ),
]  # fmt: skip


@pytest.mark.parametrize(
    ("goal", "figures", "year", "reference", "sheet", "expected"),
    [case[1:] for case in TABLE],
    ids=[case[0] for case in TABLE],
)
def test_hand_computed_verdicts(
    goal: Goal,
    figures: list[Observation],
    year: int,
    reference: float | None,
    sheet: float | None,
    expected: tuple,
) -> None:
    verdict = judge(goal, figures, year, reference=reference, sheet_baseline=sheet)
    assert fields(verdict) == expected


def test_reason_arguments_carry_the_numbers() -> None:
    total = judge(
        real_goal("chuzhou", "old_community_renovation"),
        obs((2021, "50"), (2022, "60"), (2023, "0")),
        2023,
    )
    assert total.reasons[0] == ("sum", {"count": 3})  # the reported 0 is one of the figures
    assert total.reasons[1] == ("expected_by", {"expected": 161.4, "year": 2023, "share": 0.6})
    average = judge(
        real_goal("national", "subsidized_skills_training"), obs((2021, "1600"), (2022, "0")), 2022
    )
    assert average.reasons == (("mean", {"count": 2}), ("average_short", {"target": 1500.0}))
    end = judge(real_goal("national", "compulsory_education_retention"), obs((2025, "95")), 2025)
    assert end.reasons == (("short_at_end", {"actual": 95.0, "op": "≥", "target": 96.0}),)
    # met at the end by an earlier year's figure (2025 暂无): said, as a shortfall is
    late = judge(real_goal("national", "compulsory_education_retention"), obs((2024, "96.5")), 2025)
    assert (late.status, late.reasons) == (
        "met",
        (("met_at_end_from", {"actual": 96.5, "year": 2024, "end": 2025}),),
    )
    on_time = judge(
        real_goal("national", "compulsory_education_retention"), obs((2025, "96.5")), 2025
    )
    assert (on_time.status, on_time.reasons) == ("met", ())
    total = judge(real_goal("chuzhou", "old_community_renovation"),
                  obs((2021, "100"), (2022, "100"), (2023, "100")), 2025)  # fmt: skip
    assert total.reasons[-1] == (
        "met_at_end_total_from",
        {"actual": 300.0, "year": 2023, "end": 2025},
    )
    strict = judge(real_goal("national", "preschool_gross_enrollment"), obs((2023, "90")), 2023)
    assert strict.reasons[0] == ("at_strict_bound", {"target": 90.0, "op": ">"})
    slipped = judge(real_goal("national", "disability_subsidy_coverage"), obs((2023, "99.5")), 2023)
    assert slipped.reasons[0] == ("slipped", {"baseline": 100.0})
    band = judge(made_goal("7.5左右", "6.5"), obs((2025, "8")), 2025)
    assert band.reasons == (
        ("beyond_band", {"target": 7.5}),
        ("short_at_end", {"actual": 8.0, "op": "≈", "target": 7.5}),
    )
    first = judge(
        real_goal("hanzhong", "infant_care_places_per_1000"), obs((2021, "2"), (2023, "3")), 2023
    )
    assert first.reasons[0] == ("baseline_first_reported", {"value": 2.0, "year": 2021})
    sheet = judge(
        real_goal("hanzhong", "infant_care_places_per_1000"),
        obs((2023, "3")),
        2023,
        sheet_baseline=1.5,
    )
    assert sheet.reasons[0] == ("baseline_sheet", {"value": 1.5, "year": 2020})
    relative = judge(
        real_goal("suzhou", "working_age_schooling_years"), obs((2023, "10.6")), 2023, 10.7
    )
    assert relative.reasons[0] == ("reference", {"value": 10.7})
    review = judge(real_goal("suzhou", "working_age_schooling_years"), obs((2023, "10.6")), 2023)
    assert review.reasons == (
        ("needs_reference", {"target": "达到全省平均水平", "reference": "全省", "year": 2023}),
    )
    single = judge(real_goal("hanzhong", "infant_care_places_per_1000"), obs((2023, "3")), 2023)
    assert single.reasons == (("no_baseline", {"year": 2023}),)
    at_end = judge(made_goal("90", "80", baseline_year=2025), obs((2024, "85")), 2024)
    assert at_end.reasons == (("baseline_at_end", {"year": 2025, "end": 2025}),)
    before = judge(made_goal("90", "80"), obs((2019, "85")), 2023)
    assert (before.status, before.reasons) == (
        "no_data", (("before_baseline", {"latest": 2019, "base": 2020}),),
    )  # fmt: skip
    assert judge(made_goal("90", "80"), [], 2023).reasons == (("no_data", {"year": 2023}),)
    none_in = judge(real_goal("chuzhou", "old_community_renovation"), obs((2020, "4")), 2020)
    assert none_in.reasons == (("none_in_period", {"start": 2021, "year": 2020}),)
    text = judge(made_goal("90", "80"), obs((2022, "推进中")), 2023)
    assert text.reasons == (("not_a_number", {"text": "推进中", "year": 2022}),)
    qualitative = judge(real_goal("national", "orphan_support_coverage"), obs((2023, " 是 ")), 2023)
    assert qualitative.reasons == (("reported", {"text": " 是 "}),)
    refused = judge(real_goal("national", "orphan_support_coverage"), obs((2023, " 否 ")), 2023)
    assert refused.reasons == (("reported", {"text": " 否 "}),)
    unclear = judge(real_goal("national", "orphan_support_coverage"), obs((2023, "推进中")), 2023)
    assert unclear.reasons == (("neither_yes_nor_no", {"text": "推进中", "target": "应保尽保"}),)


def test_bound_reasons_quote_the_figure_as_reported() -> None:
    pension = real_goal("national", "pension_insurance_coverage")
    undecided = judge(pension, obs((2023, " <96% ")), 2023)
    assert undecided.reasons == (
        ("bound_reported", {"text": "<96%"}),
        ("bound_undecided", {"text": "<96%", "op": "≥", "target": 95.0}),
    )
    line = judge(pension, obs((2023, "<94")), 2023)
    assert line.reasons[1] == ("bound_undecided", {"text": "<94", "op": "≥", "target": 93.0})
    ended = judge(pension, obs((2025, "<95%")), 2025)
    assert ended.reasons[1] == ("short_at_end", {"actual": 95.0, "op": "≥", "target": 95.0})
    behind = judge(pension, obs((2023, "<90")), 2023)
    assert behind.reasons[1] == ("expected_by", {"expected": 93.0, "year": 2023, "share": 0.6})
    no_line = judge(made_goal("96"), obs((2023, "<90")), 2023)
    assert no_line.reasons[1] == ("no_baseline", {"year": 2023})
    total = judge(
        real_goal("chuzhou", "old_community_renovation"), obs((2021, "≥50"), (2022, ">60")), 2022
    )
    assert total.reasons == (("bound_in_total", {"text": "≥50", "year": 2021}),)
    assert total.actual == 50.0 and total.actual_year == 2021


def test_a_bound_on_a_less_is_better_target() -> None:
    # GENERATED: Suzhou 十三五 婴儿死亡率 <3.5 from a 2015 figure of 4.0; 2018 line at 3.7.
    goal = real_goal("suzhou", "infant_mortality", previous=True)
    status = {
        raw: judge(goal, obs((2015, "4"), (2018, raw)), 2018).status
        for raw in ("<3.4", "<3.5", "≤3.5", "<3.6", ">3.8", "≥3.7", ">3.6", "≤3.7")
    }
    assert status == {
        "<3.4": "met",  # every value allowed is < 3.5
        "<3.5": "met",
        "≤3.5": "needs_review",  # 3.5 itself is not < 3.5
        "<3.6": "needs_review",  # may or may not be < 3.5
        ">3.8": "behind",  # surely not < 3.5, surely above the line (≤ 3.7 is on track)
        "≥3.7": "needs_review",  # 3.7 is on the line, 3.8 is not
        ">3.6": "needs_review",
        "≤3.7": "needs_review",  # not surely < 3.5 → undecided before the line is asked
    }
    assert judge(goal, obs((2015, "4"), (2020, ">3.5")), 2020).status == "not_met"
    assert judge(goal, obs((2015, "4"), (2020, "≥3.5")), 2020).status == "not_met"


def test_a_bound_before_the_latest_plain_figure_of_a_level_is_ignored() -> None:
    # only the latest figure of a level counts: an earlier bound does not stop the judgement
    goal = real_goal("national", "compulsory_education_retention")
    verdict = judge(goal, obs((2021, ">95"), (2023, "95.7")), 2023)
    assert (verdict.status, verdict.actual, verdict.gap) == ("on_track", 95.7, 0.3)
    latest = judge(goal, obs((2021, "95.5"), (2023, ">96")), 2023)
    assert (latest.status, latest.actual) == ("met", 96.0)


def test_average_of_bounds_cannot_be_computed() -> None:
    goal = real_goal("national", "subsidized_skills_training")
    verdict = judge(goal, obs((2021, "1600"), (2022, "≥1500")), 2022)
    assert (verdict.status, verdict.actual, verdict.actual_year) == ("needs_review", 1500.0, 2022)


# --------------------------------------------------------------------- mortality, from a plan

MORTALITY_PLAN = """\
# GENERATED for tests/test_rules_evaluate.py: a made-up city plan (structure of data/*.yaml).
id: mortality_demo
name: 示例市“十四五”公共服务规划（测试用，虚构）
level: city
region: 示例市
parent: national
period: {start: 2021, end: 2025}
baseline_year: 2020
domains: [幼有所育]
indicators:
  - id: maternal_mortality
    domain: 幼有所育
    name: 孕产妇死亡率
    unit: 1/10万
    baseline: "15"
    target: "12"
    attribute: 约束性
"""


def test_a_mortality_rate_with_a_plain_target_is_judged_and_trended_as_decreasing(
    tmp_path: Path,
) -> None:
    plan_file = tmp_path / "mortality.yaml"
    plan_file.write_text(MORTALITY_PLAN, encoding="utf-8")
    figures = tmp_path / "figures.csv"
    # GENERATED figures: 15 (2020, printed) → 13 in 2023.
    figures.write_text("indicator,year,value\n孕产妇死亡率,2023,13\n", encoding="utf-8")
    result = psplan.check(str(plan_file), str(figures)).results[0]
    assert result.goal is not None and result.goal.direction == "decrease"
    assert result.goal.op == "<="
    # share 0.6; expected 15 + (12 − 15)·0.6 = 13.2; 13 ≤ 13.2 → on_track (13 is not ≤ 12);
    # progress (13 − 15)/(12 − 15) = 0.666667; gap = −(12 − 13) = 1
    assert fields(result.verdict) == (
        "on_track", 13.0, 2023, 1.0, 0.666667, 13.2, 12.0, (15.0, 2020, "plan"), 0.6,
        ["expected_by"],
    )  # fmt: skip
    trend = result.trend
    assert trend is not None
    # g_obs = (13/15)^(1/3) − 1 = −0.046580; g_need = (12/15)^(1/5) − 1 = −0.043648;
    # R = 1.067197 ≥ 0.95 → on track; projected 13·(1 − 0.046580)² = 11.817114
    assert trend.points == ((2020, 15.0), (2023, 13.0))
    assert (trend.observed_growth, trend.needed_growth, trend.ratio) == (
        -0.04658,
        -0.043648,
        1.067197,
    )
    assert (trend.category, trend.projected, trend.likely_met) == ("on_track", 11.817114, True)
    # the same plain 12 on a plan where more is better would read "at least 12": met
    assert judge(made_goal("12", "15"), obs((2023, "13")), 2023).status == "met"
    # 11.9 ≤ 12 is met; 12.1 at the end is not
    goal = result.goal
    assert judge(goal, obs((2023, "11.9")), 2023).status == "met"
    assert judge(goal, obs((2025, "12.1")), 2025).status == "not_met"
    assert judge(goal, obs((2025, "12")), 2025).status == "met"


# --------------------------------------------------------------------------- the pieces


@pytest.mark.parametrize(
    ("actual", "op", "target", "met"),
    [
        (96.0, ">=", 96.0, True),
        (95.99, ">=", 96.0, False),
        (96.0 - 1e-11, ">=", 96.0, True),  # within the float tolerance
        (90.0, ">", 90.0, False),
        (90.0 + 1e-11, ">", 90.0, False),
        (90.01, ">", 90.0, True),
        (7.0, "<=", 7.0, True),
        (7.01, "<=", 7.0, False),
        (7.0 + 1e-11, "<=", 7.0, True),
        (7.0, "<", 7.0, False),
        (7.0 - 1e-11, "<", 7.0, False),
        (6.99, "<", 7.0, True),
        (7.125, "approx", 7.5, True),  # 7.5 ± 5 % = 7.125 … 7.875
        (7.875, "approx", 7.5, True),
        (7.12, "approx", 7.5, False),
        (7.88, "approx", 7.5, False),
        (0.0, "approx", 0.0, True),
        (1e-10, "approx", 0.0, True),
        (1e-8, "approx", 0.0, False),
        (-7.5, "approx", -7.5, True),
        (-7.2, "approx", -7.5, True),
        (-7.0, "approx", -7.5, False),
        (1e12 - 100, ">=", 1e12, True),  # the tolerance scales with the target
        (1e12 - 10000, ">=", 1e12, False),
        (0.5e-9, "<=", 0.0, True),  # … and is 1e-9 for small targets
        (2e-9, "<=", 0.0, False),
        # exactly at the tolerance (1e-9 around 0 is exact)
        (-1e-9, ">=", 0.0, True),
        (1e-9, ">", 0.0, False),
        (1e-9, "<=", 0.0, True),
        (-1e-9, "<", 0.0, False),
        (1e-9, "approx", 0.0, True),
        (-1e-9, "approx", 0.0, True),
    ],
)
def test_satisfies(actual: float, op: str, target: float, met: bool) -> None:
    assert satisfies(actual, op, target) is met


OPS = (">=", ">", "<=", "<")


def _oracle(bound: str, figure: float, op: str, target: float) -> bool | None:
    """Whether every value the bound allows meets `op target`, none does, or some do: sampled
    on a fine grid around the figure (an independent check of `bound_decides`)."""
    steps = [figure + k * 0.001 for k in range(-3000, 3001)]
    allowed = {
        ">": [x for x in steps if x > figure],
        ">=": [x for x in steps if x >= figure],
        "<": [x for x in steps if x < figure],
        "<=": [x for x in steps if x <= figure],
    }[bound]
    results = {satisfies(x, op, target) for x in allowed}
    return True if results == {True} else False if results == {False} else None


@pytest.mark.parametrize("bound", OPS)
@pytest.mark.parametrize("op", OPS)
@pytest.mark.parametrize("figure", [94.0, 95.0, 96.0])
def test_bound_decides_agrees_with_the_values_it_allows(bound: str, op: str, figure: float) -> None:
    assert bound_decides(bound, figure, op, 95.0) == _oracle(bound, figure, op, 95.0)


@pytest.mark.parametrize("bound", OPS)
def test_a_bound_never_decides_an_approximate_target(bound: str) -> None:
    for figure in (50.0, 100.0, 200.0):
        assert bound_decides(bound, figure, "approx", 100.0) is None


@pytest.mark.parametrize(
    ("baseline_year", "end", "year", "share"),
    [
        (2020, 2025, 2023, 0.6),
        (2019, 2025, 2023, 4 / 6),
        (2021, 2025, 2023, 0.5),
        (2020, 2025, 2020, 0.0),
        (2020, 2025, 2019, 0.0),  # clamped at 0
        (2020, 2025, 2026, 1.0),  # clamped at 1
        (2020, 2025, 2025, 1.0),
        (2025, 2025, 2024, None),  # no span
        (2026, 2025, 2024, None),
        (2024, 2025, 2025, 1.0),
    ],
)
def test_time_share(baseline_year: int, end: int, year: int, share: float | None) -> None:
    assert time_share(baseline_year, end, year) == share


def test_expected_path_starts_from_the_baseline_year_used() -> None:
    toddlers = real_goal("hanzhong", "infant_care_places_per_1000")
    # first reported 2.0 in 2021 → 4.6 in 2025: 0.65 a year, from 2021 (not 2020)
    assert expected_path(toddlers, Baseline(2.0, 2021, "first_reported"), 4.6) == [
        (2021, 2.0),
        (2022, 2.65),
        (2023, 3.3),
        (2024, 3.95),
        (2025, 4.6),
    ]
    life = real_goal("national", "life_expectancy")  # 77.3** is a 2019 value
    path = expected_path(life, Baseline(77.3, 2019, "plan"), 78.3)
    assert path[0] == (2019, 77.3) and path[-1] == (2025, 78.3) and len(path) == 7
    assert path[4] == (2023, 77.966667)  # 77.3 + 1·4/6
    # a five-year total from zero
    total = real_goal("chuzhou", "old_community_renovation")
    assert expected_path(total, Baseline(0.0, 2020, "zero"), 269.0) == [
        (2020, 0.0), (2021, 53.8), (2022, 107.6), (2023, 161.4), (2024, 215.2), (2025, 269.0),
    ]  # fmt: skip
    # a baseline that already meets the target: the target every year
    full = real_goal("national", "disability_subsidy_coverage")
    assert expected_path(full, Baseline(100.0, 2020, "plan"), 100.0) == [
        (year, 100.0) for year in range(2020, 2026)
    ]
    # no line: an average, no baseline, a baseline year at or past the end
    average = real_goal("national", "subsidized_skills_training")
    assert expected_path(average, Baseline(1800.0, 2020, "plan"), 1500.0) == []
    assert expected_path(toddlers, NO_BASELINE, 4.6) == []
    assert expected_path(toddlers, Baseline(2.0, None, "sheet"), 4.6) == []
    assert expected_path(toddlers, Baseline(2.0, 2025, "first_reported"), 4.6) == []
    assert expected_path(full, Baseline(100.0, 2025, "plan"), 100.0) == []  # no line at all
    assert expected_path(toddlers, Baseline(2.0, 2024, "first_reported"), 4.6) == [
        (2024, 2.0),
        (2025, 4.6),
    ]


def test_resolve_baseline_order() -> None:
    toddlers = real_goal("hanzhong", "infant_care_places_per_1000")  # prints none
    numeric = obs((2020, "[9]"), (2020, "1.8"), (2021, "2.0"))
    assert resolve_baseline(toddlers, numeric, 1.5) == Baseline(1.5, 2020, "sheet")
    assert resolve_baseline(toddlers, numeric) == Baseline(1.8, 2020, "reported")
    assert resolve_baseline(toddlers, obs((2020, "[9]"), (2021, "2.0"))) == Baseline(
        2.0, 2021, "first_reported"
    )
    assert resolve_baseline(toddlers, obs((2021, "[2]"))) == NO_BASELINE
    assert resolve_baseline(toddlers, []) == NO_BASELINE
    printed = real_goal("national", "compulsory_education_retention")
    assert resolve_baseline(printed, numeric, 1.5) == Baseline(95.2, 2020, "plan")
    total = real_goal("chuzhou", "old_community_renovation")
    assert resolve_baseline(total, numeric, 1.5) == Baseline(0.0, 2020, "zero")
    life = real_goal("national", "life_expectancy")
    assert resolve_baseline(life, []) == Baseline(77.3, 2019, "plan")
    average = real_goal("national", "subsidized_skills_training")
    assert average.fixed_baseline == Baseline(1800.0, 2020, "plan")
    unprinted_average = made_goal("1500", kind="annual_average")
    assert resolve_baseline(unprinted_average, numeric, 1.5) == NO_BASELINE
    assert toddlers.fixed_baseline is None


def test_goal_op() -> None:
    assert real_goal("national", "compulsory_education_retention").op == ">="
    assert real_goal("national", "preschool_gross_enrollment").op == ">"
    assert real_goal("suzhou", "infant_mortality", previous=True).op == "<"
    assert made_goal("12", direction="decrease").op == "<="
    assert made_goal("7.5左右").op == "approx"
    # a relative target prints no comparator: the direction decides
    assert real_goal("suzhou", "working_age_schooling_years").op == ">="
    assert made_goal("达到全省平均水平", direction="decrease").op == "<="


def test_the_vocabularies() -> None:
    assert STATUSES == ("met", "on_track", "behind", "not_met", "no_data", "needs_review")
    assert BASELINE_SOURCES == (
        "plan", "sheet", "reported", "plan_area", "first_reported", "zero", "none",
    )  # fmt: skip
    assert OP_SYMBOLS == {">=": "≥", ">": ">", "<=": "≤", "<": "<", "approx": "≈"}
    assert APPROX_TOLERANCE == 0.05


def test_less_is_better_reasons_name_their_comparator() -> None:
    # real: 宿州 十三五 婴儿死亡率 <3.5; GENERATED 3.6 in 2020 (the end year)
    strict = judge(real_goal("suzhou", "infant_mortality", previous=True), obs((2020, "3.6")), 2020)
    assert strict.reasons == (("short_at_end", {"actual": 3.6, "op": "<", "target": 3.5}),)
    assert (strict.status, strict.gap) == ("not_met", 0.1)
    plain = judge(made_goal("12", "15", direction="decrease"), obs((2025, "12.5")), 2025)
    assert plain.reasons == (("short_at_end", {"actual": 12.5, "op": "≤", "target": 12.0}),)
    # a gap of zero is 0, never −0 (−1 × 0 is −0.0 in floating point)
    exact = judge(made_goal("12", "15", direction="decrease"), obs((2023, "12")), 2023)
    assert exact.gap == 0.0 and math.copysign(1.0, exact.gap) == 1.0


def test_verdict_reason_words_its_codes() -> None:
    verdict = judge(made_goal("90", "80"), [], 2023)
    assert verdict.reason("zh") and verdict.reason("en")
    assert "2023" in verdict.reason("zh") and "2023" in verdict.reason("en")
    assert verdict.reason("zh") != verdict.reason("en")
    assert verdict.reason() == verdict.reason("zh")  # Chinese unless asked
    assert Verdict("met").reason() == ""


def test_negative_and_zero_figures() -> None:
    # GENERATED: a growth rate of −2 % rising to a target of 0 (B = −2, T = 0): the line at
    # 2023 is −2 + 2·0.6 = −0.8; −1 is short of it → behind, progress (−1 + 2)/2 = 0.5
    goal = made_goal("0", "-2")
    verdict = judge(goal, obs((2023, "-1")), 2023)
    assert fields(verdict) == (
        "behind", -1.0, 2023, 1.0, 0.5, -0.8, 0.0, (-2.0, 2020, "plan"), 0.6, ["expected_by"],
    )  # fmt: skip
    # an average target of 0 has no progress ratio (A/0)
    zero_average = made_goal("0", kind="annual_average", direction="decrease")
    verdict = judge(zero_average, obs((2021, "1"), (2022, "3")), 2022)
    assert (verdict.status, verdict.actual, verdict.progress, verdict.gap) == (
        "behind",
        2.0,
        None,
        2.0,
    )
    # a yearly average above a less-is-better target: A/T ≥ 1 is no progress figure
    capped = made_goal("10", kind="annual_average", direction="decrease")
    verdict = judge(capped, obs((2021, "12"), (2022, "14")), 2022)
    assert (verdict.status, verdict.actual, verdict.progress, verdict.gap) == (
        "behind",
        13.0,
        None,
        3.0,
    )


def test_progress_moving_away_is_negative_and_overshoot_is_not_progress() -> None:
    # real: national 养老服务床位总量 823.8 → 1000 万张, 823 in 2023 (examples/national-2023.csv):
    # progress (823 − 823.8)/(1000 − 823.8) = −0.00454; expected 823.8 + 176.2·0.6 = 929.52
    beds = real_goal("national", "elderly_care_beds_total")
    verdict = judge(beds, obs((2023, "823")), 2023)
    assert fields(verdict) == (
        "behind", 823.0, 2023, 177.0, -0.00454, 929.52, 1000.0, (823.8, 2020, "plan"), 0.6,
        ["expected_by"],
    )  # fmt: skip
    # real: 人均预期寿命 78.6 in 2023 against 78.3 from 77.3 (2019): met, share 4/6
    life = judge(real_goal("national", "life_expectancy"), obs((2023, "78.6")), 2023)
    assert fields(life) == (
        "met", 78.6, 2023, -0.3, 1.0, 77.966667, 78.3, (77.3, 2019, "plan"), 4 / 6, [],
    )  # fmt: skip


def test_tolerances_at_their_exact_edges() -> None:
    # GENERATED goals around 0, where 1e-9 is exact in floating point
    # the line: B = −1 (2020), T = 1.5, 2022: share 0.4, expected −1 + 2.5·0.4 = 0;
    # −1e-9 is on the line within its tolerance → on_track
    line = judge(made_goal("1.5", "-1"), obs((2022, "-0.000000001")), 2022)
    assert (line.status, line.expected) == ("on_track", 0.0)
    assert judge(made_goal("1.5", "-1"), obs((2022, "-0.000000002")), 2022).status == "behind"
    # a strict target met by less than its tolerance is "exactly" the target
    strict = made_goal(">0", "0")
    edge = judge(strict, obs((2023, "0.000000001")), 2023)
    assert (edge.status, codes(edge)) == ("on_track", ["at_strict_bound", "expected_by"])
    below = judge(strict, obs((2023, "-0.0000000015")), 2023)
    assert (below.status, codes(below)) == ("behind", ["expected_by"])
    # the tolerance scales with the target: 90 + 5e-8 is "exactly 90" (tolerance 9e-8)
    preschool = judge(
        real_goal("national", "preschool_gross_enrollment"), obs((2023, "90.00000005")), 2023
    )
    assert (preschool.status, codes(preschool)) == ("on_track", ["at_strict_bound", "expected_by"])


def test_figures_of_one_year_keep_their_order() -> None:
    # the reader refuses conflicting figures for one year; given two anyway, the one given
    # last is the latest (the sort is by year only, and stable)
    goal = real_goal("national", "compulsory_education_retention")
    assert judge(goal, obs((2023, "96"), (2023, "95")), 2023).actual == 95.0
    assert judge(goal, obs((2023, "95"), (2023, "96")), 2023).actual == 96.0


def test_values_that_are_neither_numbers_nor_text_are_skipped() -> None:
    goal = real_goal("national", "compulsory_education_retention")
    blank = [Observation(2023, Value(raw="")), Observation(2022, parse_value("95.5"))]
    verdict = judge(goal, blank, 2023)
    # the 2022 figure is the latest; it is judged against the 2023 line (95.68): behind
    assert (verdict.status, verdict.actual, verdict.actual_year) == ("behind", 95.5, 2022)
    assert verdict.expected == 95.68 and verdict.share == 0.6


def test_a_figure_compared_never_reads_as_the_one_beside_it() -> None:
    """A trial's 十五五 check (trial 11, D11): 实际值 2.56, 应达值 2.56, 进度 20%, 时间进度 20%,
    进度滞后 — right (2.56 < 2.5602, 19.92 % < 20 %) and unreadable. The expected value and
    the progress take the decimals it takes to read otherwise; alike to four decimals (float
    noise) they stay alike."""
    from psplan.assess.evaluate import _expected_shown
    from psplan.views.numbers import computed_apart, share_apart

    doctors = next(i for i in psplan.load_plan("hanzhong").indicators if i.target.raw == "2.6")
    assert str(computed_apart(doctors, 2.5602, 2.56, "2.56")) == "2.5602"
    assert (
        str(computed_apart(doctors, 2.405, 2.4, "2.4")) == "2.405"
    )  # 2.40 reads as 2.4 (trial 12)
    assert str(computed_apart(doctors, 2.5602, 2.5, "2.50")) == "2.56"  # reads otherwise already
    assert str(computed_apart(doctors, 2.5600000001, 2.56, "2.56")) == "2.56"  # float noise
    # 59.67 % beside 50 % read 60%: ten points ahead, 快于预期, where the rating is 基本符合预期
    assert str(share_apart(0.5967, 0.5)) == "59.7%" and str(share_apart(0.605, 0.5)) == "61%"
    assert str(share_apart(0.1992, 0.2)) == "19.9%" and str(share_apart(0.19999, 0.2)) == "20%"
    assert str(share_apart(0.2, 0.2)) == "20%" and str(share_apart(0.15, 0.2)) == "15%"
    assert _expected_shown(2.5602, 2.56) == 2.5602 and _expected_shown(10.7866, 10.5) == 10.79
