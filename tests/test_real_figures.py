"""The engine on real figures: the plans' own 十三五 completion tables (target and result as
printed), and each 十四五 table's baseline column read as the actuals of its base year."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from psplan.assess.check import check_previous
from psplan.plan.plans import load_plan

from conftest import PLANS

# Every row of the two tables that print both target and result, by printed name, with the
# verdict the document implies. Both cities met every 十三五 indicator.
CHUZHOU_PREVIOUS = {
    "九年义务教育巩固率": "met",  # 98.05 vs 97
    "义务教育基本均衡县（市、区）的比例": "met",  # 100 vs 100
    "城镇新增就业人数": "met",  # [39.6] vs [20]
    "基本养老保险参保率": "met",  # 95.21 vs ＞95
    "基本医疗保险参保率": "met",  # 100 vs 99
    "孕产妇死亡率": "met",  # 6.52 vs ＜18
    "婴儿死亡率": "met",  # 2.19 vs ＜7
    "5岁以下儿童死亡率": "met",  # 3.20 vs ＜9
    "每千名老人拥有养老床位数": "met",  # 48.69 vs ＞45
    "其中：养老床位中护理型床位比例": "met",  # 48.4 vs 30
    "生活不能自理特困人员集中供养率": "met",  # 54.1 vs 50
    "城镇棚户区住房改造": "met",  # [9.12] vs 5.9 (a total against an unbracketed target)
    "完成农村危房改造建设": "met",  # [4.1] vs [4.1]
    "公共图书馆年流通人次": "met",  # 195 vs 100
    "文化馆（站）年服务人次": "met",  # 169 vs 150
    "广播电视综合人口覆盖率": "met",  # 100 vs 100
    "国民综合阅读率": "met",  # 83.3 vs 81.6
    "经常参加体育锻炼人数": "met",  # 160 vs 160
    "困难残疾人生活补贴和重度残疾人护理补贴覆盖率": "met",  # 100 vs 100
    "残疾人托养机构服务人次": "met",  # 0.253 vs 0.252
}
SUZHOU_PREVIOUS = {
    "九年义务教育巩固率": "met",  # 98.76 vs 95
    "义务教育基本均衡县比例": "met",  # 100 vs 100
    "城镇新增就业人数": "met",  # [24.54] vs [15]
    "基本养老保险参保率": "met",  # 95.67 vs >95
    "基本医疗保险参保率": "met",  # >99.9 vs 99
    "孕产妇死亡率": "met",  # 5.96 vs <9
    "婴儿死亡率": "met",  # 2.92 vs <3.5
    "5岁以下儿童死亡率": "met",  # 4.41 vs <4.5
    "每千名老年人拥有养老床位数": "met",  # 45.2 vs 45
    "其中：养老床位中护理型床位比例": "met",  # 42 vs 30
    "生活不能自理特困人员集中供养率": "met",  # 56 vs 50
    "城镇棚户区住房改造": "met",  # [15.68] vs [15]
    "农村危房改造": "met",  # [9.64] vs [5.5]
    "公共图书馆年流通人次": "met",  # 209.9 vs 95
    "文化馆（站）年服务人次": "met",  # 235.6 vs 100
    "广播、电视人口综合覆盖率": "met",  # 99.9 vs >99
    "国民综合阅读率": "met",  # 82 vs 82
    "经常参加体育锻炼人数": "met",  # 242.4 vs 240
    "困难残疾人生活补贴和重度残疾人护理补贴覆盖率": "met",  # 100 vs 100
    "残疾人基本康复服务覆盖率": "met",  # 95.3 vs 80
}


@pytest.mark.parametrize(
    ("plan", "expected"), [("chuzhou", CHUZHOU_PREVIOUS), ("suzhou", SUZHOU_PREVIOUS)]
)
def test_previous_plan_verdicts_every_row(plan: str, expected: dict[str, str]) -> None:
    report = check_previous(load_plan(plan).plan)
    got = {result.indicator.name: result.status for result in report.results}
    assert got == expected


def test_previous_plan_through_the_command(psplan) -> None:
    result = psplan("check", "suzhou", "--previous", "--format", "json")
    assert result.returncode == 0
    data = json.loads(result.stdout)
    assert data["year"] == 2020
    jobs = next(r for r in data["results"] if r["name"] == "城镇新增就业人数")
    assert (jobs["actual"], jobs["target"]["raw"], jobs["target"]["kind"]) == (
        24.54,
        "[15]",
        "cumulative",
    )
    assert data["summary"]["met"] == 20


def test_hanzhong_previous_table_prints_no_targets() -> None:
    # Hanzhong prints 2015 and 2020 values only: nothing can be judged, and psplan says so.
    report = check_previous(load_plan("hanzhong").plan)
    assert len(report.results) == 26
    assert {r.status for r in report.results} == {"needs_review"}
    assert all("未列目标值" in r.verdict.reason("zh") for r in report.results)
    first = report.results[0]  # 九年义务教育巩固率 96.39 (2015) → 99.93 (2020), line 239
    assert (first.verdict.actual, first.verdict.actual_year) == (99.93, 2020)
    assert first.indicator.attribute_printed == "—"  # the table prints no 属性


def start_of_period_status(indicator, baseline_year: int) -> str:
    """What DOMAIN.md implies when the base-year value is the only figure, judged in 2020."""
    if indicator.baseline.form != "number" or indicator.effective_kind != "level":
        return "no_data"  # no figure printed, or a total/average that counts only 2021–2025
    if indicator.target.form == "qualitative":
        return "met" if indicator.baseline.value >= 100 else "behind"
    if indicator.target.form == "relative":
        return "needs_review"
    value, target = indicator.baseline.value, indicator.target.value
    op = indicator.target.effective_op(indicator.effective_direction)
    met = {
        ">=": value >= target,
        ">": value > target,
        "<=": value <= target,
        "<": value < target,
    }.get(op, False)
    if met:
        return "met"
    # At the base year the line sits at the baseline; a baseline from an earlier year is behind it.
    return "on_track" if (indicator.baseline_year or baseline_year) == 2020 else "behind"


@pytest.mark.parametrize("plan", PLANS)
def test_start_of_period_report(psplan, tmp_path: Path, plan: str) -> None:
    p = load_plan(plan).plan
    lines = ["indicator,year,value"] + [
        f"{i.id},2020,{i.baseline.raw}" for i in p.indicators if i.baseline.raw
    ]
    path = tmp_path / "baseline.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = psplan("check", plan, str(path), "--year", "2020", "--format", "json")
    assert result.returncode in (0, 1), result.stderr
    got = {r["id"]: r["status"] for r in json.loads(result.stdout)["results"]}
    assert got == {i.id: start_of_period_status(i, p.baseline_year) for i in p.indicators}


def test_national_start_of_period_spot_checks(psplan, tmp_path: Path) -> None:
    p = load_plan("national").plan
    path = tmp_path / "baseline.csv"
    path.write_text(
        "indicator,year,value\n" + "".join(f"{i.id},2020,{i.baseline.raw}\n" for i in p.indicators),
        encoding="utf-8",
    )
    got = {
        r["id"]: r
        for r in json.loads(
            psplan("check", "national", str(path), "--year", "2020", "--format", "json").stdout
        )["results"]
    }
    assert got["medical_insurance_coverage"]["status"] == "on_track"  # 95% is not >95%
    assert got["disability_subsidy_coverage"]["status"] == "met"  # 100% already
    assert got["life_expectancy"]["status"] == "behind"  # a 2019 figure, behind the 2020 line
    assert got["life_expectancy"]["expected"] == pytest.approx(77.3 + 1.0 / 6)
    assert got["orphan_support_coverage"]["status"] == "no_data"  # —— is printed
    assert got["old_community_renovation"]["status"] == "no_data"  # 5.9 is 十三五's total
    assert got["subsidized_skills_training"]["status"] == "no_data"  # 1800 is 十三五's average
