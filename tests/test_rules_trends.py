"""The trend view (`psplan.assess.trends`), every field by hand.

    g_obs = (last/first)^(1/(last year − first year)) − 1
    g_need = (T/first)^(1/(E − first year)) − 1,   R = g_obs/g_need
    without a compound rate (a total from 0, a value ≤ 0, T = first):
        R = [(last − first)/(last year − first year)] / [(T − first)/(E − first year)]
    R ≥ 0.95 on_track, 0.60–0.95 acceleration_needed, 0–0.60 limited_progress, < 0 deterioration
    projected = last·(1 + g_obs)^(E − last year); a total: last + last/(years)·(E − last year);
    no compound rate: last + least-squares slope·(E − last year); % rates capped at 0…100

(docs/assessment.md §5). The numbers were worked out with these formulas on a calculator and
rounded to 6 decimals as psplan rounds them. Plans are the bundled ones; figures are real where
a source is named, else GENERATED.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import psplan
from psplan.assess.check import goal_of
from psplan.assess.evaluate import Baseline, Goal
from psplan.assess.trends import (
    Trend,
    categorise,
    linear_slope,
    natural_cap,
    series_points,
    sparkline,
    trend,
)
from psplan.plan.targets import parse_expression

PLANS = {name: psplan.load_plan(name) for name in ("national", "hanzhong", "chuzhou")}


def real_goal(plan: str, indicator: str) -> Goal:
    return goal_of(PLANS[plan], PLANS[plan].indicator(indicator))


def made_goal(target: str, baseline: str | None = None, *, kind: str = "level") -> Goal:
    """A GENERATED goal (2021–2025, base year 2020)."""
    return Goal(
        parse_expression(target),
        kind,  # type: ignore[arg-type]
        "increase",
        parse_expression(baseline),
        2020,
        2021,
        2025,
    )


def as_tuple(result: Trend | None) -> tuple | None:
    if result is None:
        return None
    return (
        result.points,
        result.linear_change,
        result.observed_growth,
        result.needed_growth,
        result.ratio,
        result.category,
        result.projected,
        result.likely_met,
    )


def test_real_figures_two_points_from_the_printed_baseline() -> None:
    # real: national 托位数 1.8 (2020) → 4.5; 2.57 at end-2022 (docs/assessment.md §5).
    # g_obs = (2.57/1.8)^(1/2) − 1 = 0.194897; g_need = (4.5/1.8)^(1/5) − 1 = 0.201124;
    # R = 0.969035 → on_track; projected 2.57·1.194897³ = 4.38454; slope (2.57 − 1.8)/2
    result = trend(real_goal("national", "infant_care_places_per_1000"), [(2022, 2.57)], 4.5)
    assert as_tuple(result) == (
        ((2020, 1.8), (2022, 2.57)), 0.385, 0.194897, 0.201124, 0.969035, "on_track", 4.38454,
        True,
    )  # fmt: skip


def test_three_points_use_the_first_and_last_for_r_and_all_for_the_slope() -> None:
    # real: 4.08 at end-2024 too. g_obs = (4.08/1.8)^(1/4) − 1 = 0.227007; R = 1.128688;
    # least squares over (2020, 1.8), (2022, 2.57), (2024, 4.08): Σdx·dy/Σdx² = 4.56/8 = 0.57
    result = trend(
        real_goal("national", "infant_care_places_per_1000"), [(2024, 4.08), (2022, 2.57)], 4.5
    )
    assert as_tuple(result) == (
        ((2020, 1.8), (2022, 2.57), (2024, 4.08)), 0.57, 0.227007, 0.201124, 1.128688,
        "on_track", 5.006187, True,
    )  # fmt: skip


def test_exactly_two_reported_points_without_a_baseline() -> None:
    # GENERATED Hanzhong 托位数 (no printed baseline): 2.0 (2021), 2.9 (2023), target 4.6.
    # g_obs = (2.9/2)^(1/2) − 1 = 0.204159; g_need = (4.6/2)^(1/4) − 1 = 0.231493;
    # R = 0.881925 → acceleration_needed; projected 2.9·1.204159² = 4.205; slope 0.9/2
    goal = real_goal("hanzhong", "infant_care_places_per_1000")
    result = trend(goal, [(2021, 2.0), (2023, 2.9)], 4.6)
    assert as_tuple(result) == (
        ((2021, 2.0), (2023, 2.9)), 0.45, 0.204159, 0.231493, 0.881925, "acceleration_needed",
        4.205, False,
    )  # fmt: skip
    # one point, or two in the same year, is no trend
    assert trend(goal, [(2023, 2.9)], 4.6) is None
    assert trend(goal, [(2023, 2.9), (2023, 3.0)], 4.6) is None
    assert trend(goal, [], 4.6) is None
    # a baseline in the year of the only figure leaves one point
    assert trend(goal, [(2023, 2.9)], 4.6, baseline=Baseline(2.0, 2023, "sheet")) is None


def test_a_five_year_total_grows_by_its_yearly_amounts() -> None:
    # GENERATED Chuzhou 城镇老旧小区改造 [269]: 100 in 2020 (before the period, left out),
    # 50, 60 and a reported 0 → running totals 0, 50, 110, 110 (the 0 adds nothing).
    # No compound rate from 0: pace 110/3 = 36.666667 against 269/5 = 53.8 → R = 0.681537;
    # projected 110 + 36.666667·2 = 183.333333; slope Σdx·dy/Σdx² = 195/5 = 39
    goal = real_goal("chuzhou", "old_community_renovation")
    result = trend(goal, [(2020, 100.0), (2021, 50.0), (2022, 60.0), (2023, 0.0)], 269.0)
    assert as_tuple(result) == (
        ((2020, 0.0), (2021, 50.0), (2022, 110.0), (2023, 110.0)), 39.0, None, None, 0.681537,
        "acceleration_needed", 183.333333, False,
    )  # fmt: skip
    # the sums are rounded (10.81, not 10.809999999999999), and later years are left out
    assert series_points(goal, [(2021, 5.4), (2022, 5.41), (2026, 1.0)]) == [
        (2020, 0.0),
        (2021, 5.4),
        (2022, 10.81),
    ]
    # met before the end: 150 + 120 ≥ 269 → achieved
    done = trend(goal, [(2021, 150.0), (2022, 120.0)], 269.0)
    assert done is not None and (done.category, done.likely_met, done.ratio) == (
        "achieved",
        True,
        None,
    )
    # a total that fell short at its start is not "deterioration": it was never met
    assert trend(goal, [(2021, 0.0), (2022, 0.0)], 269.0).category == "limited_progress"  # type: ignore[union-attr]


def test_a_five_year_cap_run_past_is_deterioration() -> None:
    # GENERATED goal (no bundled plan prints one): a five-year total where less is better,
    # at most [100] over 2021–2025. 60 + 70 = 130 by 2022: past the cap for good (a running
    # sum only grows) → deterioration and likely missed, as the verdict (behind) says; the
    # yearly paces (65 against 20) must not read "on track".
    cap = Goal(
        parse_expression("[100]"),
        "cumulative",
        "decrease",
        parse_expression(None),
        2020,
        2021,
        2025,
    )
    result = trend(cap, [(2021, 60.0), (2022, 70.0)], 100.0)
    assert result is not None
    assert (result.ratio, result.category, result.likely_met) == (None, "deterioration", False)
    within = trend(cap, [(2021, 30.0), (2022, 20.0)], 100.0)
    assert within is not None and (within.category, within.likely_met) == ("achieved", True)


def test_a_yearly_average_starts_from_its_first_year_not_the_printed_average() -> None:
    # GENERATED national 补贴性职业技能培训 (target 1500 a year, 十三五 average 1800):
    # 1600 (2021) met the yearly target, 1400 (2022) does not → deterioration;
    # g_obs = 1400/1600 − 1 = −0.125; projected 1400·0.875³ = 937.890625; slope −200
    goal = real_goal("national", "subsidized_skills_training")
    result = trend(goal, [(2021, 1600.0), (2022, 1400.0)], 1500.0)
    assert as_tuple(result) == (
        ((2021, 1600.0), (2022, 1400.0)), -200.0, -0.125, None, None, "deterioration",
        937.890625, False,
    )  # fmt: skip
    assert series_points(goal, [(2021, 1600.0)]) == [(2021, 1600.0)]


def test_met_at_the_baseline_and_missed_now_is_deterioration() -> None:
    # GENERATED 99.5 % in 2023 on national 困难残疾人…覆盖率 (100% → 100%):
    # g_obs = (99.5/100)^(1/3) − 1 = −0.001669; projected 99.5·0.998331² = 99.168056
    goal = real_goal("national", "disability_subsidy_coverage")
    result = trend(goal, [(2023, 99.5)], 100.0, cap=100.0)
    assert as_tuple(result) == (
        ((2020, 100.0), (2023, 99.5)), -0.166667, -0.001669, None, None, "deterioration",
        99.168056, False,
    )  # fmt: skip


def test_flat_at_a_strict_target_has_no_ratio() -> None:
    # real: national 基本医疗保险参保率 95% → >95%, 95% in 2024: g_need = 0 and the pace
    # needed is 0 → no R, no category; projected 95·(1 + 0)^1 = 95
    goal = real_goal("national", "medical_insurance_coverage")
    result = trend(goal, [(2024, 95.0)], 95.0)
    assert as_tuple(result) == (
        ((2020, 95.0), (2024, 95.0)), 0.0, 0.0, 0.0, None, None, 95.0, False,
    )  # fmt: skip


def test_judged_at_the_end_the_outlook_is_the_result() -> None:
    # real: national 九年义务教育巩固率 95.90% in 2024, judged in 2025: R = 1.094407 (the pace
    # of on track) but 95.9 < 96 → likely missed, and the period is over: missed (趋势正常
    # beside 未完成 read as a contradiction); projected 95.9·(1 + 0.001833) = 96.075803
    goal = real_goal("national", "compulsory_education_retention")
    result = trend(goal, [(2024, 95.9)], 96.0, year=2025)
    assert as_tuple(result) == (
        ((2020, 95.2), (2024, 95.9)), 0.175, 0.001833, 0.001675, 1.094407, "missed",
        96.075803, False,
    )  # fmt: skip
    # judged in 2024 the same series is on track, likely met
    early = trend(goal, [(2024, 95.9)], 96.0, year=2024)
    assert early is not None and (early.category, early.likely_met) == ("on_track", True)
    assert trend(goal, [(2024, 95.9)], 96.0).likely_met is True  # type: ignore[union-attr]
    # a series past the end year projects nothing: the projection is the last value
    late = trend(goal, [(2026, 96.1)], 96.0)
    assert late is not None and (late.projected, late.category, late.likely_met) == (
        96.1,
        "achieved",
        True,
    )
    # GENERATED 95.99 reported for 2025, judged "in 2024": the series reaches the end year, so
    # the outlook is the result. g_obs = (95.99/95.2)^(1/5) − 1 = 0.001654, R = 0.987541
    # (the pace of on track), yet 95.99 < 96 → likely missed: missed
    missed = trend(goal, [(2025, 95.99)], 96.0, year=2024)
    assert missed is not None
    assert (missed.ratio, missed.category, missed.likely_met) == (0.987541, "missed", False)
    # falling at the end is still deterioration (R < 0 says more than missed)
    falling = trend(goal, [(2025, 95.0)], 96.0)
    assert falling is not None and falling.category == "deterioration"


def test_natural_caps() -> None:
    assert natural_cap("%", "基本养老保险参保率") == 100.0
    assert natural_cap("%", "养老机构护理型床位占比") == 100.0
    assert natural_cap("%", "养老床位中护理型床位比例") == 100.0
    assert natural_cap("%", "广播电视人口综合覆盖") == 100.0
    assert natural_cap("%", "城镇调查失业") is None  # a % without a rate word
    assert natural_cap("‰", "婴儿死亡率") is None  # not %
    assert natural_cap("万张", "养老服务床位总量") is None  # a count
    assert natural_cap(None, "基本医疗保险参保率") is None


def test_a_rate_projection_is_capped_at_100_and_a_count_is_not() -> None:
    # GENERATED Hanzhong 基本养老保险参保率 (target 99): 90 (2021) → 97 (2023):
    # g_obs = (97/90)^(1/2) − 1 = 0.038161; 97·1.038161² = 104.544444 → capped to 100
    goal = real_goal("hanzhong", "pension_insurance_coverage")
    baseline = Baseline(90.0, 2021, "first_reported")
    capped = trend(goal, [(2021, 90.0), (2023, 97.0)], 99.0, cap=100.0, baseline=baseline)
    assert capped is not None and capped.projected == 100.0
    assert (capped.observed_growth, capped.needed_growth, capped.ratio) == (
        0.038161,
        0.024114,
        1.582535,
    )
    free = trend(goal, [(2021, 90.0), (2023, 97.0)], 99.0, baseline=baseline)
    assert free is not None and free.projected == 104.544444
    # a negative projection is floored at 0 when capped: 60, 30, −5 (no compound rate to a
    # value ≤ 0): slope (−31.667 − 33.333)/2 = −32.5 → −5 − 32.5·3 = −102.5 → 0
    falling = made_goal("50", "60")
    free_fall = trend(falling, [(2021, 30.0), (2022, -5.0)], 50.0)
    assert free_fall is not None and free_fall.projected == -102.5
    assert trend(falling, [(2021, 30.0), (2022, -5.0)], 50.0, cap=100.0).projected == 0.0  # type: ignore[union-attr]


def test_through_check_the_cap_follows_the_unit(tmp_path: Path) -> None:
    # GENERATED figures on real plans, judged in process as `psplan check` judges them.
    rates = tmp_path / "hanzhong.csv"
    rates.write_text(
        "indicator,year,value\n基本养老保险参保率,2021,90\n基本养老保险参保率,2023,97\n",
        encoding="utf-8",
    )
    pension = psplan.check("hanzhong", str(rates)).results
    (result,) = [r for r in pension if r.indicator.id == "pension_insurance_coverage"]
    assert result.trend is not None and result.trend.projected == 100.0
    beds = tmp_path / "national.csv"
    # 养老服务床位总量 823.8 → 1000 万张; 990 in 2023: g_obs = (990/823.8)^(1/3) − 1 = 0.063174,
    # projected 990·1.063174² = 1119.036192, far above 100 and not capped (万张 is a count)
    beds.write_text("indicator,year,value\n养老服务床位总量,2023,990\n", encoding="utf-8")
    national = [r for r in psplan.check("national", str(beds)).results if r.trend is not None]
    assert [r.indicator.id for r in national] == ["elderly_care_beds_total"]
    assert national[0].trend.projected == 1119.036192  # type: ignore[union-attr]
    assert national[0].trend.ratio == 1.59827  # type: ignore[union-attr]


def test_a_zero_or_negative_start_compares_yearly_paces() -> None:
    # GENERATED: baseline 0 (2020) → target 10; 3 in 2023: no compound rate from 0;
    # pace 3/3 = 1 against 10/5 = 2 → R = 0.5 → limited_progress; projected 3 + 1·2 = 5
    goal = made_goal("10", "0")
    result = trend(goal, [(2023, 3.0)], 10.0)
    assert as_tuple(result) == (
        ((2020, 0.0), (2023, 3.0)), 1.0, None, None, 0.5, "limited_progress", 5.0, False,
    )  # fmt: skip
    # falling from 0 to −3: pace −1 against +2 → R = −0.5 → deterioration; projected −5
    down = trend(goal, [(2023, -3.0)], 10.0)
    assert as_tuple(down) == (
        ((2020, 0.0), (2023, -3.0)), -1.0, None, None, -0.5, "deterioration", -5.0, False,
    )  # fmt: skip
    # a last value ≤ 0 from a positive start: no observed compound rate (g_need = (10/4)^(1/5)
    # − 1 = 0.201124 exists, but R needs both);
    # pace (0 − 4)/3 against (10 − 4)/5 = 1.2 → R = −1.111111; slope −4/3 → projected −2.666667
    to_zero = trend(made_goal("10", "4"), [(2023, 0.0)], 10.0)
    assert as_tuple(to_zero) == (
        ((2020, 4.0), (2023, 0.0)), -1.333333, None, 0.201124, -1.111111, "deterioration",
        -2.666667, False,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("ratio", "category"),
    [
        (2.0, "on_track"),
        (0.95, "on_track"),
        (0.9499, "acceleration_needed"),
        (0.6, "acceleration_needed"),
        (0.5999, "limited_progress"),
        (0.0, "limited_progress"),
        (-0.0001, "deterioration"),
        (-3.0, "deterioration"),
    ],
)
def test_categorise_thresholds(ratio: float, category: str) -> None:
    assert categorise(ratio) == category


def test_categories_in_a_trend_at_their_thresholds() -> None:
    # GENERATED: from 0 (2020) to 10 by 2025 the pace needed is 2 a year; reported in 2021:
    goal = made_goal("10", "0")
    for value, category in [
        (1.9, "on_track"),
        (1.8, "acceleration_needed"),
        (1.2, "acceleration_needed"),
        (1.1, "limited_progress"),
        (0.0, "limited_progress"),
        (-0.1, "deterioration"),
    ]:
        result = trend(goal, [(2021, value)], 10.0)
        assert result is not None and result.category == category, (value, result)
        assert result.likely_met is (category == "on_track")


def test_linear_slope() -> None:
    assert linear_slope([(2020, 1.0), (2021, 3.0), (2022, 5.0)]) == 2.0
    assert linear_slope([(2020, 1.0), (2022, 2.0), (2023, 4.0)]) == pytest.approx(
        # dx = −5/3, 1/3, 4/3; dy = −4/3, −1/3, 5/3: Σdx·dy = 39/9, Σdx² = 42/9
        39 / 42
    )
    assert linear_slope([(2020, 1.0), (2020, 3.0)]) == 0.0  # no spread in years
    assert linear_slope([(2020, 5.0)]) == 0.0


def test_series_points_start_from_the_baseline_the_verdict_used() -> None:
    printed = real_goal("national", "compulsory_education_retention")  # 95.2 (2020)
    assert series_points(printed, [(2023, 95.7), (2021, 95.4)]) == [
        (2020, 95.2),
        (2021, 95.4),
        (2023, 95.7),
    ]
    # a figure for the baseline year or before is replaced by the baseline
    assert series_points(printed, [(2020, 95.0), (2019, 94.0), (2022, 95.5)]) == [
        (2020, 95.2),
        (2022, 95.5),
    ]
    given = Baseline(2.0, 2021, "first_reported")
    unprinted = real_goal("hanzhong", "infant_care_places_per_1000")
    assert series_points(unprinted, [(2021, 2.0), (2023, 2.9)], given) == [
        (2021, 2.0),
        (2023, 2.9),
    ]
    assert series_points(unprinted, [(2023, 2.9), (2021, 2.0)]) == [(2021, 2.0), (2023, 2.9)]
    assert series_points(unprinted, [(2023, 2.9)], Baseline(None, None, "none")) == [(2023, 2.9)]
    assert series_points(unprinted, [(2023, 2.9)], Baseline(1.0, None, "sheet")) == [(2023, 2.9)]
    life = real_goal("national", "life_expectancy")  # 77.3** is a 2019 value
    assert series_points(life, [(2023, 78.6)])[0] == (2019, 77.3)


def test_more_series_edges() -> None:
    # GENERATED, each on made-up figures
    # a total counts its end-year amount: 50 + 60 + 70 (2025) = 180
    total = real_goal("chuzhou", "old_community_renovation")
    assert series_points(total, [(2021, 50.0), (2024, 60.0), (2025, 70.0)])[-1] == (2025, 180.0)
    # running sums are rounded to 6 decimals: 0.1234567 → 0.123457
    assert series_points(total, [(2021, 0.1234567)]) == [(2020, 0.0), (2021, 0.123457)]
    # the baseline the verdict used, even when the plan prints none (a sheet's 1.5, 2020)
    toddlers = real_goal("hanzhong", "infant_care_places_per_1000")
    sheet = trend(toddlers, [(2023, 2.9)], 4.6, baseline=Baseline(1.5, 2020, "sheet"))
    assert sheet is not None and sheet.points == ((2020, 1.5), (2023, 2.9))
    assert (sheet.observed_growth, sheet.needed_growth, sheet.ratio) == (
        0.245763,
        0.251219,
        0.978284,
    )
    # two figures for the first year and a later one: a trend from the first to the last
    twice = trend(toddlers, [(2021, 2.0), (2021, 2.1), (2023, 2.9)], 4.6)
    assert twice is not None and twice.points[0] == (2021, 2.0) and twice.ratio == 0.881925
    # values below 1 have compound rates too: (0.8/0.5)^(1/3) − 1 = 0.169607,
    # (0.9/0.5)^(1/5) − 1 = 0.124746, R = 1.359618
    small = trend(made_goal("0.9", "0.5"), [(2023, 0.8)], 0.9)
    assert small is not None
    assert (small.observed_growth, small.needed_growth, small.ratio) == (
        0.169607,
        0.124746,
        1.359618,
    )
    # a negative start has no compound rate: pace (3 − (−2))/3 against (10 − (−2))/5
    signed = trend(made_goal("10", "-2"), [(2023, 3.0)], 10.0)
    assert signed is not None and (signed.observed_growth, signed.ratio) == (None, 0.694444)
    # a baseline in the year before the end: pace needed over one year, 10 − 0 = 10;
    # pace 3 → R = 0.3
    late = Goal(
        parse_expression("10"), "level", "increase", parse_expression("0"), 2024, 2021, 2025
    )
    one_year = trend(late, [(2025, 3.0)], 10.0)
    assert one_year is not None and (one_year.ratio, one_year.category) == (0.3, "missed")
    judged_before = trend(late, [(2025, 3.0)], 10.0, year=2024)  # (the series reaches 2025)
    assert judged_before is not None and judged_before.category == "missed"
    # a baseline in the end year leaves no time: no pace needed, no R; past the end and not
    # met, missed
    ended = Goal(
        parse_expression("10"), "level", "increase", parse_expression("0"), 2025, 2021, 2025
    )
    none_left = trend(ended, [(2026, 3.0)], 10.0)
    assert none_left is not None and (none_left.ratio, none_left.category) == (None, "missed")
    assert none_left.projected == 3.0 and none_left.likely_met is False
    after = Goal(
        parse_expression("10"), "level", "increase", parse_expression("0"), 2026, 2021, 2025
    )
    past = trend(after, [(2027, 3.0)], 10.0)
    assert past is not None and (past.ratio, past.category) == (None, "missed")


def test_a_rate_out_of_float_range_is_no_rate() -> None:
    # GENERATED: from 1e-300 to 1e300 in a year the ratio overflows to infinity: no compound
    # rate, so the paces are compared: (1e300 − 1e-300)/1 against (1e301 − 1e-300)/4 → R = 0.4
    goal = made_goal("1" + "0" * 301)
    result = trend(goal, [(2021, 1e-300), (2022, 1e300)], 1e301)
    assert result is not None
    assert (result.observed_growth, result.ratio, result.category) == (
        None,
        0.4,
        "limited_progress",
    )


def test_an_absurd_slope_is_no_slope() -> None:
    # GENERATED: the mean of two values near the float limit overflows: no slope (0), and the
    # projection stays finite
    result = trend(made_goal("10"), [(2021, 1.5e308), (2022, 1.6e308)], 10.0)
    assert result is not None and result.linear_change == 0.0
    assert result.projected == 1e308


def test_an_absurd_pace_stays_finite() -> None:
    goal = made_goal("10")
    result = trend(goal, [(2021, 1e-100), (2022, 1e100)], 10.0)
    assert result is not None
    assert result.projected == 1e308  # (1 + 1e200)³ overflows: the projection is clamped
    assert result.category == "achieved"


def test_sparkline() -> None:
    assert sparkline([]) == ""
    assert sparkline([3.0, 3.0, 3.0]) == "▄▄▄"
    assert sparkline([0.0, 7.0]) == "▁█"
    assert sparkline([float(v) for v in range(8)]) == "▁▂▃▄▅▆▇█"
    assert sparkline([0.0, 0.5, 1.0]) == "▁▅█"  # 3.5 rounds to 4
    assert sparkline([10.0, 0.0]) == "█▁"


@pytest.mark.parametrize("engine", ["rows", "columnar"])
def test_a_trend_judged_at_the_end_on_a_bound_says_what_the_verdict_says(
    engine: str, tmp_path: Path
) -> None:
    """城镇职工基本养老保险参保率 (target 95 %) reported 93.5, 94 %, 94.5 %, then 95%以上 in
    2024 and 2025 (GENERATED figures, a trial's workbook): 已达标 on the bound, but its trend
    was 未实现 — the series' points are its exact figures, the last 94.5 in 2023 — with the
    note that the linear and compound views differ, which was not why. At the end year the
    trend's result is the verdict's: 已实现 where met, none where a person must look (90%以上
    against ＞90); before the end year the pace of the exact figures stands."""
    name = "城镇职工基本养老保险参保率"
    text = f"指标,2021,2022,2023,2024,2025\n{name},93.5,94%,94.5%,95%以上,95%以上\n"
    path = tmp_path / "民政局.csv"
    path.write_text(text, "utf-8")
    (result,) = [r for r in psplan.check("ankang", path, engine=engine).results
                 if r.indicator.name == name]  # fmt: skip
    assert result.status == "met" and result.verdict.actual_year == 2025
    trend = result.trend
    assert trend is not None and trend.points[-1] == (2023, 94.5)
    assert (trend.category, trend.likely_met, result.views_agree) == ("achieved", True, True)
    mid = psplan.check("ankang", path, engine=engine, year=2023)
    (result,) = [r for r in mid.results if r.indicator.name == name]
    assert result.trend is not None and result.trend.category == "on_track"  # R = 1.34
    kindergartens = "普惠性幼儿园覆盖率"  # 90%以上 against ＞90: a person must look
    path.write_text(f"指标,2021,2022,2025\n{kindergartens},85,87,90%以上\n", "utf-8")
    (result,) = [r for r in psplan.check("ankang", path, engine=engine).results
                 if r.indicator.name == kindergartens]  # fmt: skip
    assert result.status == "needs_review"
    assert result.trend is not None and result.trend.points[-1] == (2022, 87.0)
    assert (result.trend.category, result.trend.likely_met) == (None, False)
