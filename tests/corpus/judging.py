"""Inputs whose trouble is in matching and judging: names, ids, ranges, years, references."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from corpus import Case

HEADER = "indicator,year,value\n"
NATIONAL = (Path(__file__).resolve().parents[2] / "data" / "national.yaml").read_text(
    encoding="utf-8"
)


def _results(outcome: Any) -> dict[str, dict]:
    return {r["id"]: r for r in json.loads(outcome.stdout)["results"]}


def _status(indicator: str, status: str) -> Callable[[Path, Any], None]:
    def check(_folder: Path, outcome: Any) -> None:
        assert _results(outcome)[indicator]["status"] == status

    return check


def _once(text: str, fragment: str) -> None:
    assert text.count(fragment) == 1, text


TWINS = NATIONAL.replace(
    "    name: 每千人口拥有注册护士数\n",
    "    name: 每千人口拥有注册护士数\n    aliases: [医护人数]\n",
).replace(
    "    name: 每千人口拥有执业(助理)医师数\n",
    "    name: 每千人口拥有执业(助理)医师数\n    aliases: [医护人数]\n",
)
UPPER_ID = NATIONAL.replace("id: nursing_beds_share", "id: BEDS", 1)

CASES = [
    Case(
        "a-bound-below-the-target-is-not-met",
        ("check", "national", "{dir}/a.csv", "--year", "2025", "--format", "json"),
        {"a.csv": HEADER + "九年义务教育巩固率,2025,<96%\n"},
        exit=1,
        check=_status("compulsory_education_retention", "not_met"),
    ),
    Case(
        "a-bound-that-does-not-decide-needs-a-person",
        ("check", "national", "{dir}/a.csv", "--format", "json"),
        {"a.csv": HEADER + "九年义务教育巩固率,2023,>95%\n"},
        exit=(0, 1),
        check=_status("compulsory_education_retention", "needs_review"),
    ),
    Case(
        "a-bound-beyond-the-target-is-met",
        ("check", "national", "{dir}/a.csv", "--format", "json"),
        {"a.csv": HEADER + "学前教育毛入园率,2023,>91%\n"},
        exit=(0, 1),
        check=_status("preschool_gross_enrollment", "met"),
    ),
    Case(
        "validate-refuses-dev-zero",
        ("show", "/dev/zero", "--lang", "en"),
        stderr="not a regular file",
    ),
    Case(
        "year-far-outside-the-plan",
        ("check", "national", "{dir}/a.csv", "--year", "99999", "--lang", "en"),
        {"a.csv": HEADER + "人均预期寿命,2023,78\n"},
        stderr="outside the plan period",
    ),
    Case(
        "latest-year-after-the-plan",
        ("check", "national", "{dir}/a.csv", "--lang", "en"),
        {"a.csv": HEADER + "人均预期寿命,2026,79\n"},
        stderr="the latest year in the file, 2026,",
    ),
    Case(
        "year-before-the-baseline",
        ("check", "national", "{dir}/a.csv", "--year", "2015", "--lang", "en"),
        {"a.csv": HEADER + "人均预期寿命,2015,76.3\n"},
        stderr="year 2015 is outside the plan period 2021–2025",
    ),
    Case(
        "lower-case-id-is-not-the-upper-case-one",
        ("check", "{dir}/plan.yaml", "{dir}/a.csv", "--lang", "en"),
        {"plan.yaml": UPPER_ID, "a.csv": HEADER + "beds,2023,50\n"},
        stderr="indicator 'beds' is not in plan national",
    ),
    Case(
        "exact-id-matches",
        ("check", "{dir}/plan.yaml", "{dir}/a.csv", "--format", "json"),
        {"plan.yaml": UPPER_ID, "a.csv": HEADER + "BEDS,2023,50\n"},
        exit=(0, 1),
        check=_status("BEDS", "on_track"),
    ),
    Case(
        "a-name-that-fits-two-indicators",
        ("check", "{dir}/plan.yaml", "{dir}/a.csv", "--lang", "en"),
        {"plan.yaml": TWINS, "a.csv": HEADER + "医护人数,2023,3.5\n"},
        stderr="'医护人数' fits 2 indicators: doctors_per_1000",
    ),
    Case(
        "a-typo-repeated-in-every-region-is-reported-once",
        ("check", "national", "{dir}/a.csv", "--lang", "en"),
        {
            "a.csv": "indicator,year,value,region\n"
            + "".join(f"人均预期寿名,2023,78,县{i}\n" for i in range(3000))
        },
        stderr="indicator '人均预期寿名' is not in plan national; did you mean 人均预期寿命?",
        check=lambda _folder, outcome: _once(outcome.stderr, "人均预期寿名"),
    ),
    Case(
        "a-negative-retention-rate-is-a-warning",
        ("check", "national", "{dir}/a.csv", "--format", "json", "--lang", "en"),
        {"a.csv": HEADER + "九年义务教育巩固率,2023,-50\n"},
        exit=(0, 1),
        stderr="九年义务教育巩固率 2023 is '-50', outside its natural range (0–100%)",
    ),
    Case(
        "a-share-of-150-percent-is-an-error-under-strict",
        ("check", "national", "{dir}/a.csv", "--strict", "--lang", "en"),
        {"a.csv": HEADER + "养老机构护理型床位占比,2023,150%\n"},
        stderr="养老机构护理型床位占比 2023 is '150%', outside its natural range",
    ),
    Case(
        "a-negative-count-is-a-warning",
        ("check", "national", "{dir}/a.csv", "--lang", "en"),
        {"a.csv": HEADER + "养老服务床位总量,2023,-823\n"},
        exit=(0, 1),
        stderr="not negative",
    ),
    Case(
        "a-five-year-total-reported-only-after-the-period",
        ("check", "national", "{dir}/a.csv", "--year", "2025", "--format", "json"),
        {"a.csv": HEADER + "城镇老旧小区改造,2024,5.8\n城镇老旧小区改造,2027,6\n"},
        exit=(0, 1),
        check=_status("old_community_renovation", "not_met"),
    ),
    Case(
        "only-a-figure-after-the-period-for-a-total",
        ("check", "national", "{dir}/a.csv", "--allow-outside-period", "--format", "json"),
        {"a.csv": HEADER + "城镇老旧小区改造,2027,6\n"},
        exit=(0, 1),
        check=_status("old_community_renovation", "no_data"),
    ),
    Case(
        "huge-figures-do-not-overflow-the-trend",
        ("trend", "national", "{dir}/a.csv", "--format", "json"),
        {"a.csv": HEADER + "人均体育场地面积,2021,1e300\n人均体育场地面积,2022,1.7e308\n"},
        exit=(0, 1),
    ),
    Case(
        "zero-and-negative-starts-do-not-break-the-trend",
        ("trend", "national", "{dir}/a.csv", "--format", "json"),
        {
            "a.csv": HEADER
            + "每万人接受公共文化设施服务次数,2021,0\n每万人接受公共文化设施服务次数,2023,2\n"
        },
        exit=(0, 1),
    ),
    Case(
        "a-baseline-year-equal-to-the-end-year-by-override",
        ("check", "national", "{dir}/a.csv", "--overrides", "{dir}/o.yaml", "--format", "json"),
        {
            "a.csv": HEADER + "人均体育场地面积,2023,2.4\n",
            "o.yaml": "- indicator: sports_area_per_capita\n  baseline_year: 2025\n  reason: test\n",
        },
        exit=(0, 1),
        check=_status("sports_area_per_capita", "needs_review"),
    ),
    Case(
        "an-override-for-an-unknown-indicator",
        ("check", "national", "{dir}/a.csv", "--overrides", "{dir}/o.yaml", "--lang", "en"),
        {
            "a.csv": HEADER + "人均体育场地面积,2023,2.4\n",
            "o.yaml": "- indicator: 人均体育场地\n  kind: cumulative\n  reason: test\n",
        },
        stderr="did you mean 人均体育场地面积?",
    ),
    Case(
        "two-conflicting-province-references",
        ("check", "suzhou", "{dir}/a.csv", "--lang", "en"),
        {
            "a.csv": "indicator,year,value,region\n劳动年龄人口平均受教育年限,2023,10.2,全省\n"
            "劳动年龄人口平均受教育年限,2023,10.4,安徽省\n劳动年龄人口平均受教育年限,2023,10,埇桥区\n"
        },
        stderr="two different reference values for 劳动年龄人口平均受教育年限 2023",
    ),
    Case(
        "a-city-total-is-judged-not-taken-as-reference",
        ("check", "hanzhong", "{dir}/a.csv", "--region", "全市", "--format", "json"),
        {
            "a.csv": "indicator,year,value,region\n九年义务教育巩固率,2020,95,全市\n"
            "九年义务教育巩固率,2023,97,全市\n"
        },
        exit=(0, 1),
        check=_status("compulsory_education_retention", "on_track"),
    ),
]
