"""The target forms of the next plan period (十五五): a change from the base value.

提高N个百分点 / 降低N个百分点 (base ± N), 累计提高X% / 累计降低X% / 下降X% (base × (1 ± X%)),
年均增长X% (base × (1 + X%) per year, compounded), a bare 提高 / 稳步提高 (any move the right
way), forms that name their base year (比2025年提高…), and 保持在X以上 / X以内 / 不超过X.
Each is parsed from the raw text (kept as printed) and judged met, on track, behind and not met
with numbers worked by hand: a 2026–2030 plan with its baseline in 2025, judged in 2028 (time
share 3/5 = 60 %) or in 2030 (the end year).
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from psplan.actuals.values import parse_value
from psplan.assess.evaluate import Goal, Observation, judge
from psplan.errors import PsplanError
from psplan.plan.model import infer_direction
from psplan.plan.targets import format_expression, parse_expression


@pytest.mark.parametrize(
    ("raw", "change", "value", "op", "unit", "base_year"),
    [
        ("提高2个百分点", "points", 2.0, ">=", "个百分点", None),
        ("降低1.5个百分点", "points", 1.5, "<=", "个百分点", None),
        ("稳步提高2个百分点", "points", 2.0, ">=", "个百分点", None),
        ("累计提高10%", "percent", 10.0, ">=", "%", None),
        ("累计降低10%", "percent", 10.0, "<=", "%", None),
        ("下降10%", "percent", 10.0, "<=", "%", None),
        ("年均增长5%", "annual", 5.0, ">=", "%", None),
        ("年均下降3%", "annual", 3.0, "<=", "%", None),
        ("比2025年提高3个百分点", "points", 3.0, ">=", "个百分点", 2025),
        ("比2025年末下降10%", "percent", 10.0, "<=", "%", 2025),
        ("提高", "direction", None, ">", None, None),
        ("稳步提高", "direction", None, ">", None, None),
        ("持续下降", "direction", None, "<", None, None),
        ("提高0.5年", "amount", 0.5, ">=", "年", None),  # in the indicator's own unit
        ("比2025年提高0.5年", "amount", 0.5, ">=", "年", 2025),
        ("提高2个百分点以上", "points", 2.0, ">=", "个百分点", None),
        ("比 2025 年 提高 ２ 个百分点", "points", 2.0, ">=", "个百分点", 2025),  # as pasted
    ],
)
def test_a_change_form_is_parsed_and_keeps_its_text(
    raw: str, change: str, value: float | None, op: str, unit: str | None, base_year: int | None
) -> None:
    expr = parse_expression(raw)
    assert (expr.form, expr.change, expr.value, expr.op, expr.unit, expr.base_year) == (
        "change", change, value, op, unit, base_year
    )  # fmt: skip
    assert expr.raw == raw and str(expr) == raw


@pytest.mark.parametrize(
    ("raw", "value", "op"),
    [("保持在95%以上", 95.0, ">="), ("保持在18以内", 18.0, "<="), ("95以内", 95.0, "<="),
     ("不超过18", 18.0, "<="), ("稳定在90%以上", 90.0, ">=")],
)  # fmt: skip
def test_a_bound_kept_is_a_number_with_its_comparator(raw: str, value: float, op: str) -> None:
    expr = parse_expression(raw)
    assert (expr.form, expr.value, expr.op) == ("number", value, op)
    assert format_expression(expr).endswith(str(int(value)) + ("%" if "%" in raw else ""))


@pytest.mark.parametrize(
    ("raw", "says"),
    [("年均增长", "须写明幅度"), ("累计降低", "须写明幅度"), ("提高3", "须带单位"),
     ("年均提高2个百分点", "须带单位"), ("年均增长3人", "须带单位"), ("提高约3", "无法将")],
)  # fmt: skip
def test_unknown_or_incomplete_change_text_is_an_error_that_quotes_it(raw: str, says: str) -> None:
    with pytest.raises(PsplanError) as caught:
        parse_expression(raw)
    words = caught.value.words.render("zh")
    assert says in words and f"“{raw}”" in words


def goal(target: str, baseline: str | None, name: str = "指标") -> Goal:
    expr = parse_expression(target)
    return Goal(
        target=expr,
        kind="level",
        direction=infer_direction(name, expr),
        baseline=parse_expression(baseline),
        baseline_year=expr.base_year or 2025,
        start_year=2026,
        end_year=2030,
    )


def verdict(g: Goal, year: int, actual: str, *earlier: tuple[int, str]):
    observations = [Observation(y, parse_value(v)) for y, v in (*earlier, (year, actual))]
    return judge(g, observations, year)


#: (target, baseline, target value, expected in 2028, [(year, actual, status)…]), by hand.
CASES = [
    # base 50 + 2 points = 52; 2028: 50 + 2 × 0.6 = 51.2
    ("提高2个百分点", "50", 52.0, 51.2,
     [(2028, "51.5", "on_track"), (2028, "51", "behind"), (2028, "52", "met"),
      (2030, "51.9", "not_met")]),
    # base 10 − 1.5 points = 8.5 (less is better); 2028: 10 − 1.5 × 0.6 = 9.1
    ("降低1.5个百分点", "10", 8.5, 9.1,
     [(2028, "9.0", "on_track"), (2028, "9.5", "behind"), (2028, "8.5", "met"),
      (2030, "8.6", "not_met")]),
    # 200 × 1.1 = 220; 2028: 200 + 20 × 0.6 = 212
    ("累计提高10%", "200", 220.0, 212.0,
     [(2028, "213", "on_track"), (2028, "210", "behind"), (2028, "220", "met"),
      (2030, "219", "not_met")]),
    # 200 × 0.9 = 180; 2028: 200 − 20 × 0.6 = 188
    ("累计降低10%", "200", 180.0, 188.0,
     [(2028, "187", "on_track"), (2028, "190", "behind"), (2028, "180", "met"),
      (2030, "181", "not_met")]),
    ("下降10%", "200", 180.0, 188.0,
     [(2028, "188", "on_track"), (2028, "188.5", "behind"), (2030, "179.9", "met"),
      (2030, "180.1", "not_met")]),
    # 100 × 1.05^5 = 127.6281563 (rounded to 6 places: 127.628156); the compound path in
    # 2028 is 100 × 1.05^3 = 115.7625, not the straight line's 116.58
    ("年均增长5%", "100", 127.628156, 115.7625,
     [(2028, "116", "on_track"), (2028, "115.7", "behind"), (2028, "128", "met"),
      (2030, "127.6", "not_met")]),
    # 100 × 0.97^5 = 85.873403…; 2028: 100 × 0.97^3 = 91.2673
    ("年均下降3%", "100", 85.873403, 91.2673,
     [(2028, "91", "on_track"), (2028, "92", "behind"), (2029, "85", "met"),
      (2030, "86", "not_met")]),
    # a bound kept: ≥ 95 from 93; 2028: 93 + 2 × 0.6 = 94.2
    ("保持在95%以上", "93", 95.0, 94.2,
     [(2028, "94.5", "on_track"), (2028, "94", "behind"), (2028, "95", "met"),
      (2030, "94.9", "not_met")]),
    # at most 18 from 20 (less is better); 2028: 20 − 2 × 0.6 = 18.8
    ("不超过18", "20", 18.0, 18.8,
     [(2028, "18.5", "on_track"), (2028, "19", "behind"), (2028, "18", "met"),
      (2030, "18.2", "not_met")]),
    ("18以内", "20", 18.0, 18.8,
     [(2028, "18.8", "on_track"), (2028, "18.9", "behind"), (2029, "17.5", "met"),
      (2030, "18.01", "not_met")]),
    # 10.8 + 0.5 years = 11.3; 2028: 10.8 + 0.5 × 0.6 = 11.1
    ("提高0.5年", "10.8", 11.3, 11.1,
     [(2028, "11.15", "on_track"), (2028, "11.0", "behind"), (2028, "11.3", "met"),
      (2030, "11.2", "not_met")]),
    # a bare 提高: beyond the base (40) is met; the base itself is on the line, below it behind
    ("提高", "40", 40.0, 40.0,
     [(2028, "41", "met"), (2028, "40", "on_track"), (2028, "39", "behind"),
      (2030, "40", "not_met")]),
    ("稳步下降", "40", 40.0, 40.0,
     [(2028, "39.5", "met"), (2028, "40", "on_track"), (2028, "41", "behind"),
      (2030, "40.2", "not_met")]),
]  # fmt: skip


@pytest.mark.parametrize(("target", "base", "value", "expected", "cases"), CASES)
def test_a_change_target_is_judged_from_its_base(
    target: str, base: str, value: float, expected: float, cases: list
) -> None:
    g = goal(target, base)
    for year, actual, status in cases:
        v = verdict(g, year, actual)
        assert v.target_value == pytest.approx(value, abs=1e-6), target
        assert v.status == status, (target, year, actual, v.reasons)
        if year == 2028 and status in ("on_track", "behind"):
            assert v.expected == pytest.approx(expected, abs=1e-4), target
            assert v.share == pytest.approx(0.6)


def test_a_named_base_year_takes_the_figure_reported_for_it() -> None:
    """比2025年提高3个百分点 with no baseline printed: the 2025 figure (60) is the base, so the
    target is 63 and 2028 expects 60 + 3 × 0.6 = 61.8."""
    g = goal("比2025年提高3个百分点", None)
    v = verdict(g, 2028, "62", (2025, "60"))
    assert (v.status, v.target_value, v.expected) == ("on_track", 63.0, 61.8)
    assert v.baseline.value == 60.0 and v.baseline.year == 2025
    assert verdict(g, 2028, "61.5", (2025, "60")).status == "behind"


def test_a_change_without_any_base_needs_a_person() -> None:
    v = verdict(goal("提高2个百分点", None), 2028, "51")  # the only figure is the one judged
    assert v.status == "needs_review"
    assert (
        v.reason("zh")
        == "目标“提高2个百分点”是相对基期的变化，但没有基期值（规划、填报的基期值或基期年份的数据）"
    )


@pytest.mark.parametrize(
    ("parent", "child", "verdict"),
    [("提高2个百分点", "提高3个百分点", "stronger"), ("提高2个百分点", "提高1.5个百分点", "weaker"),
     ("累计降低10%", "累计降低10%", "equal"), ("年均增长5%", "累计提高5%", "not_comparable"),
     ("提高", "稳步提高", "equal"), ("提高2个百分点", "95", "not_comparable")],
)  # fmt: skip
def test_compare_weighs_a_change_against_the_same_change(
    parent: str, child: str, verdict: str
) -> None:
    from psplan.comparison.compare import compare_targets
    from psplan.plan.model import Indicator

    def row(target: str) -> Indicator:
        return Indicator(id="x", domain="d", name="入托率", unit="%", target=target,
                         attribute="预期性")  # fmt: skip

    assert compare_targets(row(parent), row(child))[0] == verdict


def test_a_change_in_the_indicators_own_unit_must_be_in_that_unit(tmp_path) -> None:
    from pathlib import Path

    import psplan

    text = (Path(__file__).parents[1] / "data" / "suzhou.yaml").read_text(encoding="utf-8")
    printed = "    target: 达到全省平均水平\n"
    assert printed in text
    good = tmp_path / "good.yaml"
    good.write_text(text.replace(printed, '    target: "提高0.5年"\n', 1), encoding="utf-8")
    assert [p.code for p in psplan.validate(good) if p.level == "error"] == []
    bad = tmp_path / "bad.yaml"
    bad.write_text(text.replace(printed, '    target: "提高0.5人"\n', 1), encoding="utf-8")
    assert [p.code for p in psplan.validate(bad) if p.level == "error"] == ["unit-mismatch"]


def test_a_change_that_turns_an_indicator_around_is_a_warning(tmp_path) -> None:
    """累计降低10% on a count of trainees (more is better by its name) validates, with a
    warning saying to write the direction; written, the warning goes."""
    from pathlib import Path

    import psplan

    text = (Path(__file__).parents[1] / "data" / "suzhou.yaml").read_text(encoding="utf-8")
    printed = '    target: "[15]"\n'
    assert printed in text  # 参加各类补贴性职业技能培训人数
    turned = tmp_path / "turned.yaml"
    turned.write_text(text.replace(printed, '    target: "累计降低10%"\n', 1), encoding="utf-8")
    problems = psplan.validate(turned)
    assert [(p.code, p.level) for p in problems] == [("direction", "warning")]
    assert "要求降低，而指标名称看来越大越好" in problems[0].message
    meant = tmp_path / "meant.yaml"
    meant.write_text(text.replace(printed, '    target: "累计降低10%"\n    direction: decrease\n', 1),
                     encoding="utf-8")  # fmt: skip
    assert psplan.validate(meant) == []


@pytest.mark.parametrize("engine", ["rows", "columnar"])
def test_a_change_target_has_a_trend(tmp_path, engine: str) -> None:
    """年均增长5% is where a growth trend matters most, and it had none (trial 11, D7): the
    observed growth since the baseline the verdict measures from, against the 5 % a year the
    target asks (GENERATED figures: 汉中's 城市低保平均保障标准 given a 十五五-style target)."""
    from pathlib import Path

    import psplan

    text = (Path(__file__).parents[1] / "data" / "hanzhong.yaml").read_text(encoding="utf-8")
    printed = '    unit: 元/人年\n    target: "9600"\n'
    assert printed in text
    plan = tmp_path / "plan.yaml"
    changed = '    unit: 元/人年\n    baseline: "7800"\n    target: "年均增长5%"\n'  # from 2020
    plan.write_text(text.replace(printed, changed, 1), encoding="utf-8")
    figures = tmp_path / "f.csv"
    figures.write_text("指标,年份,数值\n城市低保平均保障标准,2021,8000\n"
                       "城市低保平均保障标准,2022,8300\n城市低保平均保障标准,2023,8800\n",
                       encoding="utf-8")  # fmt: skip
    result = next(r for r in psplan.check(plan, figures, engine=engine).results
                  if r.indicator.name == "城市低保平均保障标准")  # fmt: skip
    trend = result.trend
    assert result.verdict.target_value == pytest.approx(7800 * 1.05**5, abs=0.01)
    assert trend is not None and trend.points[0] == (2020, 7800.0)
    assert trend.needed_growth == pytest.approx(0.05, abs=1e-6)
    assert trend.observed_growth == pytest.approx((8800 / 7800) ** (1 / 3) - 1, abs=1e-6)
    assert trend.category == "acceleration_needed"  # 4.1 % a year against 5 %: ratio 0.82


def test_a_target_in_words_is_written_as_the_plan_words_it(tmp_path) -> None:
    """A 十五五 draft's targets in words, in the report's prose: "目标值为年均增长5%元/人年",
    "提高2个百分点%" — the unit put after words that carry their own (a trial's finding) — and
    "目标值为，" where the draft has none yet. The words as printed; a number with its unit;
    none 待定 (GENERATED figures: 汉中's rows given 十五五-style targets)."""
    from pathlib import Path

    import psplan
    from psplan.views.evaluation import standing

    text = (Path(__file__).parents[1] / "data" / "hanzhong.yaml").read_text(encoding="utf-8")
    printed = '    unit: 元/人年\n    target: "9600"\n'
    assert printed in text
    plan = tmp_path / "plan.yaml"
    changed = '    unit: 元/人年\n    baseline: "7800"\n    target: "年均增长5%"\n'
    plan.write_text(text.replace(printed, changed, 1), encoding="utf-8")
    figures = tmp_path / "f.csv"
    figures.write_text("指标,年份,数值\n城市低保平均保障标准,2023,8800\n", encoding="utf-8")
    report = psplan.check(plan, figures)
    (result,) = [r for r in report.results if r.indicator.name == "城市低保平均保障标准"]
    said = standing(result, "zh")
    assert "目标值为年均增长5%，" in said and "2023年为8,800元/人年" in said
    target = replace(result.indicator.target, raw="")
    unset = replace(result, indicator=result.indicator.model_copy(update={"target": target}))
    assert "目标值为待定，" in standing(unset, "zh")


def _changed_suzhou(tmp_path) -> object:
    """宿州 with 十五五-style change targets (GENERATED): 学前教育毛入园率 提高2个百分点 from
    92.85, 养老服务床位总量 年均增长5% from 4.7 万张."""
    from pathlib import Path

    text = (Path(__file__).parents[1] / "data" / "suzhou.yaml").read_text(encoding="utf-8")
    for printed, changed in (('    baseline: "92.85"\n    target: ">95"\n',
                              '    baseline: "92.85"\n    target: "提高2个百分点"\n'),
                             ('    baseline: "4.7"\n    target: "5.0"\n',
                              '    baseline: "4.7"\n    target: "年均增长5%"\n')):  # fmt: skip
        assert printed in text
        text = text.replace(printed, changed, 1)
    plan = tmp_path / "plan.yaml"
    plan.write_text(text, encoding="utf-8")
    return plan


@pytest.mark.parametrize("engine", ["rows", "columnar"])
def test_a_change_target_is_held_to_its_level_by_the_checks_of_figures(
    tmp_path, engine: str
) -> None:
    """提高2个百分点 of 92.85 asks for 94.85: a change of 35 points in a year is a jump (the
    step was the change 2 itself against the base, 18 a year: none was), and a 基期值 of
    0.9530 a fraction of a % (it needed a numeric target: measured from and met); 养老服务床位总量
    年均增长5% is a total of the city, which lends no county its 4.7 万张 (a 十五五 trial)."""
    import psplan

    plan = _changed_suzhou(tmp_path)
    figures = tmp_path / "f.csv"
    figures.write_text("地区,指标,年份,数值\n全市,学前教育毛入园率,2021,93.0\n"
                       "全市,学前教育毛入园率,2022,58.0\n灵璧县,养老服务床位总量,2021,0.80\n"
                       "灵璧县,养老服务床位总量,2023,0.85\n", encoding="utf-8")  # fmt: skip
    jumps = [p for p in psplan.lint(plan, figures, engine=engine) if p.code == "jump"]
    assert [(p.location.line, p.words.args["year"]) for p in jumps] == [(3, 2022)]
    checked = psplan.check(plan, figures, engine=engine)
    (beds,) = [r for r in checked.results
               if (r.region, r.indicator.id) == ("灵璧县", "elderly_care_beds_total")]  # fmt: skip
    assert beds.verdict.baseline == (0.8, 2021, "first_reported")
    sheet = tmp_path / "s.csv"
    sheet.write_text("id,指标,地区,基期值,2023\n"
                     "preschool_gross_enrollment,学前教育毛入园率,灵璧县,0.9530,93.5\n",
                     encoding="utf-8")  # fmt: skip
    checked = psplan.check(plan, sheet)
    (result,) = [r for r in checked.results if r.indicator.id == "preschool_gross_enrollment"]
    assert [w.words.key for w in checked.warnings if w.words.key.startswith("check.baseline")] == [
        "check.baseline_fraction"
    ]
    assert result.verdict.baseline == (92.85, 2020, "plan_area")
    assert result.verdict.target_value == pytest.approx(94.85)
