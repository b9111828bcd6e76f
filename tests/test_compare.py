"""`psplan compare` on the real plans: every verdict, catalogue gaps, waivers, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from psplan.comparison.compare import compare_plans, compare_targets
from psplan.plan.model import Indicator
from psplan.plan.plans import load_plan
from psplan.words import explain

from conftest import assert_one_line_error


def verdicts(child: str) -> dict[tuple[str | None, str | None], tuple[str, bool]]:
    comparison = compare_plans(load_plan("national").plan, load_plan(child).plan)
    return {
        (r.parent.id if r.parent else None, r.child.id if r.child else None): (
            r.verdict,
            r.downgraded,
        )
        for r in comparison.indicators
    }


HANZHONG = [
    # (national id, hanzhong id, verdict) — read against both documents
    ("infant_care_places_per_1000", "infant_care_places_per_1000", "stronger"),  # 4.6 vs 4.5
    ("orphan_support_coverage", "orphan_support_coverage", "equal"),  # 应保尽保 both
    ("preschool_gross_enrollment", "preschool_gross_enrollment", "stronger"),  # >98.6 vs >90%
    ("compulsory_education_retention", "compulsory_education_retention", "stronger"),  # 98 vs 96%
    ("life_expectancy", "life_expectancy", "weaker"),  # 76.5 vs 78.3
    ("doctors_per_1000", "doctors_per_1000", "weaker"),  # 2.5 vs 3.2
    ("nurses_per_1000", "nurses_per_1000", "equal"),  # 3.8 vs 3.8
    (
        "medical_insurance_coverage",
        "medical_insurance_coverage",
        "stronger",
    ),  # >96 (no unit) vs >95%
    ("elderly_care_beds_total", "elderly_care_beds_total", "not_comparable"),  # 3.96 vs 1000 万张
]


@pytest.mark.parametrize(("parent", "child", "verdict"), HANZHONG)
def test_hanzhong_against_the_nation(parent: str, child: str, verdict: str) -> None:
    assert verdicts("hanzhong")[(parent, child)][0] == verdict


def test_local_indicators_are_listed() -> None:
    local = {c for (p, c), (v, _) in verdicts("hanzhong").items() if v == "local"}
    assert (
        "inclusive_kindergarten_coverage" in local
    )  # 普惠性幼儿园覆盖率: not a national indicator


def indicator(
    target: str,
    unit: str | None = None,
    *,
    name: str = "指标",
    attribute: str = "预期性",
    kind: str | None = None,
    direction: str | None = None,
) -> Indicator:
    return Indicator(
        id="x",
        domain="d",
        name=name,
        unit=unit,
        target=target,
        attribute=attribute,
        kind=kind,
        direction=direction,
    )


@pytest.mark.parametrize(
    ("parent", "child", "verdict"),
    [
        (indicator(">90"), indicator("90"), "weaker"),  # strictness counts: ≥90 is less than >90
        (indicator("90"), indicator(">90"), "stronger"),
        (indicator("<18", direction="decrease"), indicator("<9", direction="decrease"), "stronger"),
        (indicator("<18", direction="decrease"), indicator("≤20", direction="decrease"), "weaker"),
        (indicator("应保尽保"), indicator("100", "%"), "equal"),
        (indicator("应保尽保"), indicator("95", "%"), "weaker"),
        (indicator("95", "%"), indicator("达到全省平均水平", "%"), "not_comparable"),
        (indicator("2.5", "‰"), indicator("0.3", "%"), "stronger"),  # 0.3 % = 3 ‰ > 2.5 ‰
        (
            indicator("4.5", "个", name="每千人口拥有3岁以下婴幼儿托位数"),
            indicator("4.2", "个", name="每千人口拥有3岁以下婴幼儿托位数"),
            "weaker",
        ),
        (
            indicator("21.9", "万个", name="城镇老旧小区改造", kind="cumulative"),
            indicator("[269]", "个", name="城镇老旧小区改造"),
            "not_comparable",
        ),
        (
            indicator("1000", "万张", name="养老服务床位总量"),
            indicator("3.96", "万张", name="养老服务床位总量"),
            "not_comparable",
        ),
        (
            indicator("12", "万人"),
            indicator("120000", "人"),
            "not_comparable",
        ),  # totals of populations
        (
            indicator("3.2", "人", name="每千人口执业医师"),
            indicator("3.2", "张", name="每千人口执业医师"),
            "not_comparable",
        ),
    ],
)
def test_target_comparison_rules(parent: Indicator, child: Indicator, verdict: str) -> None:
    assert compare_targets(parent, child)[0] == verdict


def test_renovation_totals_are_not_compared_as_if_units_were_the_same() -> None:
    national = load_plan("national").plan.indicator("old_community_renovation")
    city = indicator("[269]", "个", name="城镇老旧小区改造")
    verdict, reasons = compare_targets(national, city)
    assert verdict == "not_comparable"
    reason = explain(reasons, "en")
    assert "21.9" in reason and "269" in reason and "万个" in reason
    assert "不可比" in explain(reasons, "zh")


def test_downgraded_binding_indicator(tmp_path: Path) -> None:
    from psplan.comparison.compare import compare_pair

    national = load_plan("national").plan.indicator("compulsory_education_retention")  # 约束性
    row = compare_pair(national, indicator("96", "%", name="九年义务教育巩固率"))
    assert (row.verdict, row.downgraded, row.failing) == ("downgraded", True, True)
    weaker = compare_pair(national, indicator("95", "%", name="九年义务教育巩固率"))
    assert (weaker.verdict, weaker.downgraded, weaker.failing) == ("weaker", True, True)


def test_missing_indicator(tmp_path: Path) -> None:
    child = load_plan("hanzhong").plan
    trimmed = child.model_copy(
        update={"indicators": [i for i in child.indicators if i.maps_to != "life_expectancy"]}
    )
    comparison = compare_plans(load_plan("national").plan, trimmed)
    missing = [r.parent.id for r in comparison.indicators if r.verdict == "missing"]
    assert missing == ["life_expectancy"]


def test_hanzhong_catalogue(psplan) -> None:
    result = psplan("compare", "national", "hanzhong", "--format", "json")
    data = json.loads(result.stdout)
    assert [i["id"] for i in data["catalogue"]["missing"]] == ["ethnic_minority_culture"]
    covered = {i["id"] for i in data["catalogue"]["covered"]}
    assert "disability_culture_sports" in covered  # provided by two split items (maps_to)
    assert len(covered) == 79
    assert result.returncode == 1  # a national catalogue item is missing


def test_waivers_print_their_reason_and_clear_the_exit_code(psplan, tmp_path: Path) -> None:
    waivers = tmp_path / "waivers.yaml"
    waivers.write_text(
        "ethnic_minority_culture: 汉中市无少数民族聚居区（示例理由）\n", encoding="utf-8"
    )
    result = psplan(
        "compare", "national", "hanzhong", "--waivers", str(waivers), "--format", "markdown"
    )
    assert "汉中市无少数民族聚居区（示例理由）" in result.stdout
    assert result.returncode == 0  # no binding indicator missing, weaker or downgraded
    result = psplan(
        "compare",
        "national",
        "hanzhong",
        "--allow-missing",
        "ethnic_minority_culture",
        "--format",
        "json",
    )
    assert result.returncode == 0
    assert json.loads(result.stdout)["catalogue"]["waived"][0]["id"] == "ethnic_minority_culture"
    bad = tmp_path / "bad.yaml"
    bad.write_text("- just a list\n", encoding="utf-8")
    assert_one_line_error(
        psplan("compare", "national", "hanzhong", "--waivers", str(bad)), "waiver"
    )


def test_json_contract(psplan) -> None:
    data = json.loads(psplan("compare", "national", "hanzhong", "--format", "json").stdout)
    assert {"parent", "child", "indicators", "catalogue", "summary"} <= set(data)
    assert {"covered", "missing", "extra"} <= set(data["catalogue"])
    for row in data["indicators"]:
        assert {
            "parent_id",
            "child_id",
            "name",
            "verdict",
            "parent_target",
            "child_target",
            "reason",
        } <= set(row)


@pytest.mark.parametrize("fmt", ["table", "markdown", "csv"])
def test_formats(psplan, fmt: str) -> None:
    result = psplan("compare", "national", "hanzhong", "--format", fmt)
    assert "每千人口拥有注册护士数" in result.stdout
    assert result.returncode == 1


def test_suzhou_childcare_places_below_the_nation_is_weaker() -> None:
    # 宿州 专栏2: 每千人口拥有3岁以下婴幼儿托位数 3.4 (line 156) vs the national 4.5.
    assert (
        verdicts("suzhou")[("infant_care_places_per_1000", "infant_care_places_per_1000")][0]
        == "weaker"
    )


def test_chuzhou_renovation_269_is_not_compared_with_21_9() -> None:
    # 滁州 [269] 个 (line 248) vs the national 21.9 万个 (***: five-year totals).
    national = load_plan("national").plan.indicator("old_community_renovation")
    chuzhou = load_plan("chuzhou").plan.indicator("old_community_renovation")
    verdict, reasons = compare_targets(national, chuzhou)
    assert verdict == "not_comparable"
    assert "21.9 万个 vs [269] 个" in explain(reasons, "en")


def test_ankang_downgrades_binding_indicators() -> None:
    # 安康 prints 养老床位中护理型床位比例 50 预期性 against the national 55% 约束性.
    assert verdicts("ankang")[("nursing_beds_share", "nursing_beds_share")] == ("weaker", True)


@pytest.mark.parametrize("city", ["chuzhou", "suzhou"])
def test_city_lists_lack_exactly_one_national_item(psplan, city: str) -> None:
    data = json.loads(psplan("compare", "national", city, "--format", "json").stdout)
    assert [i["id"] for i in data["catalogue"]["missing"]] == ["ethnic_minority_culture"]
    assert len(data["catalogue"]["covered"]) == 79 and data["catalogue"]["extra"] == []
    covered = {i["child_name"] for i in data["catalogue"]["covered"]}
    # the differently worded items count as covered
    if city == "suzhou":
        assert {
            "送戏进万村",
            "农村义务教育学生营养膳食补助",
            "免费孕前优生健康检查",
            "中等职业教育免学费",
        } <= covered
    else:
        assert {"送戏曲下乡", "贫困地区学生营养膳食补助", "农村免费孕前优生健康检查"} <= covered


def test_ankang_covers_every_national_item() -> None:
    comparison = compare_plans(load_plan("national").plan, load_plan("ankang").plan)
    assert comparison.catalogue.missing == []
    assert len(comparison.catalogue.covered) == 80


def test_compare_all_cities(psplan) -> None:
    result = psplan("compare", "national", "--all", "--format", "csv")
    rows = {line.split(",")[0]: line for line in result.stdout.splitlines()[1:]}
    assert set(rows) == {"hanzhong", "ankang", "chuzhou", "suzhou"}
    assert result.returncode == 1
