"""The judging rules of DOMAIN.md, one behaviour per test, on hand-computed figures."""

from __future__ import annotations

import pytest

from psplan.actuals.values import parse_value
from psplan.assess.evaluate import Goal, Observation, judge
from psplan.plan.targets import parse_expression


def goal(
    target: str,
    baseline: str = "",
    *,
    kind: str = "level",
    direction: str = "increase",
    baseline_year: int = 2020,
    start: int = 2021,
    end: int = 2025,
) -> Goal:
    return Goal(
        parse_expression(target),
        kind,
        direction,
        parse_expression(baseline or None),
        baseline_year,
        start,
        end,
    )


def obs(*pairs: tuple[int, str]) -> list[Observation]:
    return [Observation(year, parse_value(text)) for year, text in pairs]


@pytest.mark.parametrize(
    ("target", "actual", "status"),
    [
        (">90", "90", "not_met"),  # strict comparators are strict
        (">90", "90.1", "met"),
        ("≥95", "95", "met"),
        ("≥95", "94.9", "not_met"),
        ("<18", "18", "not_met"),
        ("<18", "17.9", "met"),
        ("≤9", "9", "met"),
        ("96%", "96", "met"),  # a plain number means "at least" for increase
        ("100左右", "96", "met"),  # approx: within 5 %
        ("100左右", "94", "not_met"),
        ("100左右", "105", "met"),
        ("100左右", "106", "not_met"),
    ],
)
def test_end_year_comparators(target: str, actual: str, status: str) -> None:
    assert judge(goal(target, "80"), obs((2025, actual)), 2025).status == status


def test_plain_number_on_a_decreasing_indicator_means_at_most() -> None:
    mortality = goal("7", "9", direction="decrease")
    assert judge(mortality, obs((2025, "6.9")), 2025).status == "met"
    assert judge(mortality, obs((2025, "7.1")), 2025).status == "not_met"


def test_mid_period_on_track_and_behind_follow_the_time_share_line() -> None:
    # baseline 80 (2020) → target 90 (2025): by 2023 the line is at 86.
    g = goal("90", "80")
    on_line = judge(g, obs((2023, "86")), 2023)
    assert on_line.status == "on_track"
    assert on_line.expected == 86
    assert on_line.progress == 0.6
    assert on_line.gap == 4
    assert judge(g, obs((2023, "85.9")), 2023).status == "behind"
    assert judge(g, obs((2023, "90")), 2023).status == "met"


def test_decreasing_indicator_progress_line_goes_down() -> None:
    g = goal("<7", "10", direction="decrease")  # line at 2022: 10 − 3·2/5 = 8.8
    assert judge(g, obs((2022, "8.8")), 2022).status == "on_track"
    assert judge(g, obs((2022, "9")), 2022).status == "behind"
    verdict = judge(g, obs((2022, "9")), 2022)
    assert verdict.gap == 2  # positive: still short, in the good direction


def test_latest_figure_at_or_before_the_year_is_used() -> None:
    g = goal("90", "80")
    verdict = judge(g, obs((2021, "82"), (2022, "84"), (2024, "99")), 2023)
    assert (verdict.actual, verdict.actual_year) == (84, 2022)


def test_no_data_and_missing_values() -> None:
    g = goal("90", "80")
    assert judge(g, [], 2023).status == "no_data"
    assert judge(g, obs((2023, "—"), (2022, "")), 2023).status == "no_data"
    assert judge(g, obs((2024, "95")), 2023).status == "no_data"  # only later figures


def test_cumulative_sums_yearly_figures_of_the_period() -> None:
    g = goal("[269]", kind="cumulative")
    verdict = judge(g, obs((2020, "100"), (2021, "50"), (2022, "50")), 2022)
    assert verdict.actual == 100  # 2020 is before the period and not counted
    assert verdict.expected == pytest.approx(269 * 2 / 5)
    assert verdict.status == "behind"
    assert judge(g, obs((2021, "60"), (2022, "60")), 2022).status == "on_track"
    assert judge(g, obs((2021, "150"), (2022, "120")), 2022).status == "met"
    assert judge(g, obs((2021, "50"), (2025, "60")), 2025).status == "not_met"


def test_cumulative_running_total_is_taken_as_given_then_added_to() -> None:
    g = goal("[20]", kind="cumulative")
    assert judge(g, obs((2023, "[12.5]")), 2023).actual == 12.5
    assert judge(g, obs((2022, "[8]"), (2023, "4.5")), 2023).actual == 12.5


def test_annual_average_uses_the_mean() -> None:
    # national 参加各类补贴性职业技能培训人数: baseline 1800 (十三五 average), target 1500.
    g = goal("1500", "1800", kind="annual_average")
    met = judge(g, obs((2021, "1600"), (2022, "1500")), 2022)
    assert (met.status, met.actual) == ("met", 1550)
    behind = judge(g, obs((2021, "1400"), (2022, "1500")), 2022)
    assert (behind.status, behind.actual) == ("behind", 1450)
    assert judge(g, obs((2021, "1400"), (2025, "1500")), 2025).status == "not_met"


@pytest.mark.parametrize(
    ("answer", "status"),
    [
        ("应保尽保", "met"),
        ("是", "met"),
        ("100%", "met"),
        ("100", "met"),
        ("全覆盖", "met"),
        ("否", "behind"),
        ("98", "behind"),
        ("未达标", "behind"),
        ("正在推进", "needs_review"),
    ],
)
def test_qualitative_target(answer: str, status: str) -> None:
    assert judge(goal("应保尽保"), obs((2023, answer)), 2023).status == status


def test_qualitative_not_satisfied_at_the_end_is_not_met() -> None:
    assert judge(goal("应保尽保"), obs((2025, "否")), 2025).status == "not_met"


def test_relative_target_needs_a_reference() -> None:
    g = goal("达到全省平均水平", "95")
    verdict = judge(g, obs((2023, "97")), 2023)
    assert verdict.status == "needs_review"
    assert "全省" in verdict.reason("zh")
    assert "reference value" in verdict.reason("en")
    assert judge(g, obs((2023, "97")), 2023, reference=96.5).status == "met"
    assert judge(g, obs((2025, "96")), 2025, reference=96.5).status == "not_met"


def test_no_baseline_and_a_single_point_mid_period_needs_review() -> None:
    g = goal(">98.6")  # Hanzhong prints no baseline column
    assert judge(g, obs((2023, "97")), 2023).status == "needs_review"
    # With two figures the first one is the starting point of the line.
    two = judge(g, obs((2021, "96"), (2023, "97.7")), 2023)
    assert two.status == "on_track"


def test_no_target_printed_needs_review() -> None:
    assert judge(goal("——"), obs((2020, "5")), 2020).status == "needs_review"


def test_text_for_a_numeric_target_needs_review_in_the_api() -> None:
    assert judge(goal("90", "80"), obs((2023, "应保尽保")), 2023).status == "needs_review"


def test_totals_and_averages_count_only_the_plan_period() -> None:
    # 十三五's five-year total (5.9 万个) is not a figure of the 十四五 period.
    assert judge(goal("[21.9]", kind="cumulative"), obs((2020, "5.9")), 2020).status == "no_data"
    assert (
        judge(goal("1500", "1800", kind="annual_average"), obs((2020, "1800")), 2020).status
        == "no_data"
    )


@pytest.mark.parametrize(
    ("target", "reported", "year", "status"),
    [
        ("96", "<96%", 2025, "not_met"),  # a bound below the target decides: not met
        ("96", "<96%", 2023, "needs_review"),  # …but not whether it is on the 2023 line
        ("96", "<90", 2023, "behind"),  # below the line (93.6) for sure
        ("96", ">99.9", 2023, "met"),
        (">95", ">95", 2023, "met"),  # above 95 is more than 95
        (">95", "≥95", 2023, "needs_review"),  # exactly 95 would not do
        ("96", "95%以上", 2023, "needs_review"),
        ("<7", "<7", 2023, "met"),
        ("100左右", ">99", 2023, "needs_review"),
    ],
)
def test_a_bound_is_judged_only_where_it_decides(
    target: str, reported: str, year: int, status: str
) -> None:
    verdict = judge(
        goal(target, "90" if not target.startswith("<") else "10"), obs((year, reported)), year
    )
    assert verdict.status == status, verdict.reason()
    assert verdict.progress in (None, 1.0)
    assert "界值" in verdict.reason()


def test_a_bound_cannot_be_summed() -> None:
    g = goal("[21.9]", kind="cumulative")
    verdict = judge(g, obs((2021, "5.56"), (2022, ">5")), 2022)
    assert verdict.status == "needs_review" and "累计或平均" in verdict.reason()
