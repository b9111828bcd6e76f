"""`compare` (`psplan.comparison.compare`): the bundled cities against the nation, pinned.

Every verdict below was checked by hand against the rules of docs/assessment.md and DOMAIN.md
("no lower than the national standard"): the higher number wins where more is better, a strict
comparator beats a plain one at the same number, units are converted (万次 = 10,000 次, ‰ =
0.1 %), totals of different populations (万张 of beds, 个 of communities) are "not comparable",
and a national binding indicator that the city only expects is "downgraded" — and failing
even where the city's number is higher. The comment after each row gives the two targets
(national vs city) it was judged from, as data/*.yaml records them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import psplan
from psplan.comparison.compare import (
    CatalogueComparison,
    IndicatorComparison,
    compare_catalogues,
    compare_pair,
    compare_plans,
    compare_targets,
)
from psplan.plan.model import CatalogueItem, Indicator

CITIES = ("hanzhong", "ankang", "chuzhou", "suzhou")

# "national id[ > city id]: verdict[ downgraded]", in the order `compare` lists them.
VERDICTS = {
    "hanzhong": [
        "infant_care_places_per_1000: stronger",  # 4.5 个 vs 4.6 个
        "orphan_support_coverage: equal",  # 应保尽保 vs 应保尽保 (national binding)
        "preschool_gross_enrollment: stronger",  # >90% vs >98.6 %
        "compulsory_education_retention: stronger",  # 96% vs 98 % (national binding)
        "high_school_gross_enrollment: stronger",  # >92% vs >98.6 %
        "working_age_schooling_years: stronger",  # 11.3 年 vs 13.5 年 (national binding)
        "subsidized_skills_training: not_comparable",  # 1500 万人次 vs 10 万人
        "life_expectancy: weaker",  # 78.3 岁 vs 76.5 岁
        "doctors_per_1000: weaker",  # 3.2 人 vs 2.5 人
        "nurses_per_1000: equal",  # 3.8 人 vs 3.8 人
        "medical_insurance_coverage: stronger",  # >95% vs >96
        "nursing_beds_share: equal",  # 55% vs 55 (national binding)
        "elderly_facilities_compliance: equal",  # 100% vs 100 % (national binding)
        "pension_insurance_coverage: stronger",  # 95% vs 99 %
        "elderly_care_beds_total: not_comparable",  # 1000 万张 vs 3.96 万张
        "public_rental_housing_guarantee: equal",  # 应保尽保 vs 应保尽保 (national binding)
        "rural_housing_safety: equal",  # 应保尽保 vs 应保尽保
        "old_community_renovation: not_comparable",  # 21.9 万个 vs 1246 个
        "disability_subsidy_coverage: equal",  # 100% vs 100 % (national binding)
        "public_culture_visits_per_10k: equal",  # 3.4 万次 vs 3.4 万次
        "sports_area_per_capita: equal",  # 2.6 平方米 vs 2.6 平方米
        "community_service_area_per_100_households: equal",  # >30 平方米 vs >30 平方米
    ],
    "ankang": [
        "infant_care_places_per_1000: stronger",  # 4.5 个 vs 4.6 个
        "orphan_support_coverage: missing",  # 应保尽保 vs — (national binding)
        "preschool_gross_enrollment: stronger",  # >90% vs 99 %
        "compulsory_education_retention: missing",  # 96% vs — (national binding)
        "high_school_gross_enrollment: stronger",  # >92% vs 98 %
        "working_age_schooling_years: missing",  # 11.3 年 vs — (national binding)
        "subsidized_skills_training: missing",  # 1500 万人次 vs —
        "life_expectancy: weaker",  # 78.3 岁 vs 77 年
        "doctors_per_1000: weaker",  # 3.2 人 vs 2.8 人
        "nurses_per_1000: missing",  # 3.8 人 vs —
        "medical_insurance_coverage: missing",  # >95% vs —
        "nursing_beds_share: weaker downgraded",  # 55% vs 50 % (national binding, city expected)
        "elderly_facilities_compliance: missing",  # 100% vs — (national binding)
        "pension_insurance_coverage > employee_pension_insurance_coverage: equal",  # 95% vs ≥95 %
        "pension_insurance_coverage > resident_pension_insurance_coverage: equal",  # 95% vs ≥95 %
        "elderly_care_beds_total: missing",  # 1000 万张 vs —
        "public_rental_housing_guarantee: missing",  # 应保尽保 vs — (national binding)
        "rural_housing_safety: missing",  # 应保尽保 vs —
        "old_community_renovation: missing",  # 21.9 万个 vs —
        "disability_subsidy_coverage > poor_disabled_living_subsidy_coverage: weaker downgraded",  # 100% vs >98 % (national binding, city expected)
        "disability_subsidy_coverage > severe_disability_care_subsidy_coverage: weaker downgraded",  # 100% vs >98 % (national binding, city expected)
        "public_culture_visits_per_10k: missing",  # 3.4 万次 vs —
        "sports_area_per_capita: weaker",  # 2.6 平方米 vs 2.2 ㎡
        "community_service_area_per_100_households: missing",  # >30 平方米 vs —
    ],
    "chuzhou": [
        "infant_care_places_per_1000: stronger",  # 4.5 个 vs 4.6 个
        "orphan_support_coverage: equal",  # 应保尽保 vs 100 % (national binding)
        "preschool_gross_enrollment: stronger",  # >90% vs 96 %
        "compulsory_education_retention: stronger",  # 96% vs 98.5 % (national binding)
        "high_school_gross_enrollment: stronger",  # >92% vs 99 %
        "working_age_schooling_years: stronger",  # 11.3 年 vs 11.5 年 (national binding)
        "subsidized_skills_training: not_comparable",  # 1500 万人次 vs 10 万人
        "life_expectancy: stronger",  # 78.3 岁 vs 79 岁
        "doctors_per_1000: stronger",  # 3.2 人 vs 3.3 人
        "nurses_per_1000: stronger",  # 3.8 人 vs 3.9 人
        "medical_insurance_coverage: stronger",  # >95% vs 100 %
        "nursing_beds_share: equal",  # 55% vs 55 % (national binding)
        "elderly_facilities_compliance: equal",  # 100% vs 100 % (national binding)
        "pension_insurance_coverage: stronger",  # 95% vs 95.71 %
        "elderly_care_beds_total: not_comparable",  # 1000 万张 vs 2.5 万张
        "public_rental_housing_guarantee: equal",  # 应保尽保 vs 应保尽保 % (national binding)
        "rural_housing_safety: equal",  # 应保尽保 vs 应保尽保 %
        "old_community_renovation: not_comparable",  # 21.9 万个 vs [269] 个
        "disability_subsidy_coverage: equal",  # 100% vs 100 % (national binding)
        "public_culture_visits_per_10k: weaker",  # 3.4 万次 vs 15000 次
        "sports_area_per_capita: equal",  # 2.6 平方米 vs ≥2.6 平方米
        "community_service_area_per_100_households: stronger",  # >30 平方米 vs 35 平方米
    ],
    "suzhou": [
        "infant_care_places_per_1000: weaker",  # 4.5 个 vs 3.4 个
        "orphan_support_coverage: equal",  # 应保尽保 vs 应保尽保 % (national binding)
        "preschool_gross_enrollment: stronger",  # >90% vs >95 %
        "compulsory_education_retention: stronger",  # 96% vs 99 % (national binding)
        "high_school_gross_enrollment: stronger",  # >92% vs >94 %
        "working_age_schooling_years: not_comparable",  # 11.3 年 vs 达到全省平均水平 年 (national binding)
        "subsidized_skills_training: not_comparable",  # 1500 万人次 vs [15] 万人
        "life_expectancy: weaker",  # 78.3 岁 vs >78.2 岁
        "doctors_per_1000: weaker",  # 3.2 人 vs 2.9 人
        "nurses_per_1000: weaker",  # 3.8 人 vs 3.1 人
        "medical_insurance_coverage: equal",  # >95% vs >95 %
        "nursing_beds_share: equal",  # 55% vs ≥55 % (national binding)
        "elderly_facilities_compliance: equal",  # 100% vs 100 % (national binding)
        "pension_insurance_coverage: stronger",  # 95% vs >95 %
        "elderly_care_beds_total: not_comparable",  # 1000 万张 vs 5.0 万张
        "public_rental_housing_guarantee: equal",  # 应保尽保 vs 应保尽保 % (national binding)
        "rural_housing_safety: equal",  # 应保尽保 vs 应保尽保 %
        "old_community_renovation: not_comparable",  # 21.9 万个 vs [195] 个
        "disability_subsidy_coverage: equal",  # 100% vs 100 % (national binding)
        "public_culture_visits_per_10k: weaker",  # 3.4 万次 vs 15000 次
        "sports_area_per_capita: stronger",  # 2.6 平方米 vs >2.6 平方米
        "community_service_area_per_100_households: equal",  # >30 平方米 vs >30 平方米
    ],
}

LOCAL = {
    "hanzhong": [
        "inclusive_kindergarten_coverage", "entrepreneurship_service_recipients",
        "hospital_beds_per_1000", "elderly_care_beds_per_1000", "disability_subsidy_recipients",
        "urban_minimum_living_standard", "rural_minimum_living_standard",
        "veteran_placement_rate", "public_culture_floor_area_per_10k",
    ],
    "ankang": [
        "free_prenatal_checkup_rate", "free_premarital_checkup_rate",
        "town_level_immunization_rate", "child_health_management_0_6",
        "inclusive_kindergarten_coverage", "compulsory_school_age_enrollment",
        "secondary_vocational_enrollment", "urban_per_capita_disposable_income",
        "rural_per_capita_disposable_income", "urban_new_employment", "unemployed_reemployment",
        "hard_to_employ_reemployment", "hospital_beds_per_1000", "general_practitioners_per_10k",
        "public_place_hygiene_grading_coverage", "community_elderly_day_care_coverage",
        "affordable_housing_coverage", "shantytown_renovation_completion",
        "rural_dilapidated_housing_renovation", "standard_rural_mutual_aid_homes",
        "minor_rescue_protection_centres", "disability_rehabilitation_coverage",
        "disabled_children_compulsory_education", "veteran_placement_rate",
        "public_culture_facility_area_per_10k", "regular_exercise_participants",
        "urban_grid_management_coverage", "key_area_video_surveillance_coverage",
        "food_sampling_pass_rate", "drug_device_sampling_completion",
        "market_rapid_testing_room_rate", "consumer_complaint_handling_rate",
        "high_grade_passenger_stations", "high_grade_freight_stations", "highway_service_areas",
        "five_g_base_stations", "public_wifi_coverage", "natural_forest_protection",
        "forest_coverage", "surface_water_good_quality_rate", "urban_air_quality_good_days",
        "drinking_water_source_compliance", "household_waste_harmless_treatment",
        "legacy_mine_restoration_rate", "green_mine_compliance_rate", "provincial_eco_demo_towns",
        "livestock_manure_utilization", "crop_straw_utilization", "green_building_share",
        "rural_revitalization_pilot_counties", "rural_revitalization_pilot_towns",
        "rural_revitalization_pilot_villages", "rural_living_environment_demo_villages",
    ],
    "chuzhou": ["veteran_placement_rate", "veteran_adaptive_training_rate"],
    "suzhou": [],
}  # fmt: skip

# The counts of the rows above (downgraded counts the weaker-and-downgraded rows too) and of
# the catalogue: 80 national items; every city but Ankang lacks 少数民族文化服务.
SUMMARY = {
    "hanzhong": {
        "missing": 0, "weaker": 2, "downgraded": 0, "not_comparable": 3, "equal": 10,
        "stronger": 7, "local": 9, "catalogue_covered": 79, "catalogue_missing": 1,
        "catalogue_waived": 0, "catalogue_extra": 2,
    },
    "ankang": {
        "missing": 13, "weaker": 6, "downgraded": 3, "not_comparable": 0, "equal": 2,
        "stronger": 3, "local": 53, "catalogue_covered": 80, "catalogue_missing": 0,
        "catalogue_waived": 0, "catalogue_extra": 30,
    },
    "chuzhou": {
        "missing": 0, "weaker": 1, "downgraded": 0, "not_comparable": 3, "equal": 7,
        "stronger": 11, "local": 2, "catalogue_covered": 79, "catalogue_missing": 1,
        "catalogue_waived": 0, "catalogue_extra": 0,
    },
    "suzhou": {
        "missing": 0, "weaker": 5, "downgraded": 0, "not_comparable": 4, "equal": 8,
        "stronger": 5, "local": 0, "catalogue_covered": 79, "catalogue_missing": 1,
        "catalogue_waived": 0, "catalogue_extra": 0,
    },
}  # fmt: skip

#: covered per national domain (9 + 9 + 12 + 16 + 4 + 3 + 14 + 4 + 9 = 80 items)
NATIONAL_DOMAINS = {
    "幼有所育": 9, "学有所教": 9, "劳有所得": 12, "病有所医": 16, "老有所养": 4, "住有所居": 3,
    "弱有所扶": 14, "优军服务保障": 4, "文体服务保障": 9,
}  # fmt: skip
#: (missing, extra) by domain where a city differs from "all covered, nothing extra"
CATALOGUE_DIFFERENCES = {
    "hanzhong": {"学有所教": (0, 1), "文体服务保障": (1, 1)},
    "ankang": {
        "学有所教": (0, 1), "劳有所得": (0, 1), "病有所医": (0, 3), "老有所养": (0, 2),
        "住有所居": (0, 1), "弱有所扶": (0, 2), "拥军优抚服务保障": (0, 1),
        "公共文化体育服务保障": (0, 5), "公共安全服务保障": (0, 5), "公共基础设施保障": (0, 4),
        "基础生态环境保障": (0, 5),
    },
    "chuzhou": {"文体服务保障": (1, 0)},
    "suzhou": {"文体服务保障": (1, 0)},
}  # fmt: skip
EXTRA = {
    "hanzhong": ["kindergarten_public_funding_subsidy", "cultural_heritage_visits"],
    "ankang": [
        "kindergarten_public_funding_subsidy", "entrepreneurship_services",
        "national_health_promotion", "health_industry_services", "internet_plus_healthcare",
        "elderly_care_services", "elderly_home_adaptation", "community_renovation_services",
        "basic_funeral_services", "marriage_registration", "veteran_health_services",
        "cultural_heritage_visits", "cultural_activities", "digital_cultural_services",
        "public_welfare_cultural_activities", "mobile_cultural_services", "public_legal_services",
        "work_safety_services", "public_security_fire_safety", "emergency_management_services",
        "natural_disaster_warning", "public_transport_services", "ev_charging_services",
        "tourism_infrastructure_services", "network_access_services",
        "ecological_protection_services", "river_basin_restoration_services",
        "air_pollution_control_services", "soil_pollution_remediation_services",
        "environmental_supervision_services",
    ],
    "chuzhou": [],
    "suzhou": [],
}  # fmt: skip


def row_key(row: IndicatorComparison) -> str:
    assert row.parent is not None
    child = row.child
    key = (
        row.parent.id
        if child is None or child.id == row.parent.id
        else f"{row.parent.id} > {child.id}"
    )
    return f"{key}: {row.verdict}" + (" downgraded" if row.downgraded else "")


def expected_per_domain(city: str) -> dict[str, dict[str, int]]:
    counts = {}
    differences = CATALOGUE_DIFFERENCES[city]
    for domain in {**NATIONAL_DOMAINS, **differences}:
        missing, extra = differences.get(domain, (0, 0))
        covered = NATIONAL_DOMAINS.get(domain, 0) - missing
        counts[domain] = {"covered": covered, "missing": missing, "waived": 0, "extra": extra}
    return counts


@pytest.fixture(scope="module")
def national():
    return psplan.load_plan("national")


@pytest.mark.parametrize("city", CITIES)
def test_compare_national_with_each_bundled_city(national, city: str) -> None:
    result = psplan.compare(national, city)
    rows = [row for row in result.indicators if row.verdict != "local"]
    assert [row_key(row) for row in rows] == VERDICTS[city]
    local = [row for row in result.indicators if row.verdict == "local"]
    assert [row.child.id for row in local] == LOCAL[city]  # type: ignore[union-attr]
    assert all(row.parent is None and not row.downgraded for row in local)
    assert all(row.reasons == (("local", {}),) for row in local)
    # local rows come after every national indicator
    assert result.indicators[len(rows) :] == local
    # a matched city indicator is never also listed as local
    matched = {row.child.id for row in rows if row.child is not None}
    assert matched.isdisjoint(LOCAL[city])
    assert result.summary() == SUMMARY[city]
    assert result.catalogue.per_domain() == expected_per_domain(city)
    assert [item.id for item in result.catalogue.missing] == (
        [] if city == "ankang" else ["ethnic_minority_culture"]
    )
    assert [item.id for item in result.catalogue.extra] == EXTRA[city]
    assert result.failing is True  # a binding indicator or a catalogue item falls short


def test_which_rows_fail(national) -> None:
    ankang = psplan.compare(national, "ankang")
    failing = sorted({row_key(row) for row in ankang.indicators if row.failing})
    # binding nationally and missing, weaker or downgraded in 安康
    assert failing == [
        "compulsory_education_retention: missing",
        "disability_subsidy_coverage > poor_disabled_living_subsidy_coverage: weaker downgraded",
        "disability_subsidy_coverage > severe_disability_care_subsidy_coverage: weaker downgraded",
        "elderly_facilities_compliance: missing",
        "nursing_beds_share: weaker downgraded",
        "orphan_support_coverage: missing",
        "public_rental_housing_guarantee: missing",
        "working_age_schooling_years: missing",
    ]
    # 汉中 fails only on its catalogue: no binding indicator is missing, weaker or downgraded
    hanzhong = psplan.compare(national, "hanzhong")
    assert not any(row.failing for row in hanzhong.indicators)
    assert hanzhong.failing is True
    waived = psplan.compare(national, "hanzhong", waivers={"ethnic_minority_culture": "无聚居区"})
    assert waived.failing is False
    assert [(item.id, why) for item, why in waived.catalogue.waived] == [
        ("ethnic_minority_culture", "无聚居区")
    ]
    assert waived.summary()["catalogue_waived"] == 1
    assert waived.summary()["catalogue_missing"] == 0
    assert waived.catalogue.per_domain()["文体服务保障"] == {
        "covered": 8, "missing": 0, "waived": 1, "extra": 1,
    }  # fmt: skip


def test_compare_all_on_the_command_line() -> None:
    from typer.testing import CliRunner

    from psplan.cli import app

    result = CliRunner().invoke(app, ["compare", "national", "--all", "--format", "json"])
    assert result.exit_code == 1  # every city fails somewhere
    data = json.loads(result.stdout)
    assert sorted(entry["child"] for entry in data) == sorted(CITIES)
    for entry in data:
        city = entry["child"]
        assert entry["parent"] == "national"
        assert entry["summary"] == SUMMARY[city]
        assert entry["failing"] is True
        rows = [row for row in entry["indicators"] if row["verdict"] != "local"]
        keys = [
            (
                row["parent_id"]
                if row["child_id"] in (None, row["parent_id"])
                else f"{row['parent_id']} > {row['child_id']}"
            )
            + f": {row['verdict']}"
            + (" downgraded" if row["downgraded"] else "")
            for row in rows
        ]
        assert keys == VERDICTS[city]
        local = [row["child_id"] for row in entry["indicators"] if row["verdict"] == "local"]
        assert local == LOCAL[city]
        assert entry["catalogue"]["per_domain"] == expected_per_domain(city)


# --------------------------------------------------- a city plan of our own (GENERATED)

CITY_PLAN = """\
# GENERATED for tests/test_rules_compare.py: a made-up city plan in the shape of data/*.yaml.
id: test_city
name: 测试市“十四五”公共服务规划（虚构）
level: city
region: 测试省测试市
parent: national
period: {start: 2021, end: 2025}
baseline_year: 2020
domains: [幼有所育, 学有所教, 病有所医, 老有所养, 文体服务保障]
indicators:
  - id: retention                # by name: 九年义务教育巩固率 (national binding), no maps_to
    domain: 学有所教
    name: 九年义务教育巩固率
    unit: "%"
    target: "98"
    attribute: 预期性              # binding nationally, only expected here: downgraded
  - id: kindergarten             # by alias: the national name is an alias here
    domain: 学有所教
    name: 学前三年毛入园率
    aliases: [学前教育毛入园率]
    unit: "%"
    target: ">90"
    attribute: 预期性
  - id: lifespan                 # by name with its unit in brackets: 人均预期寿命（岁）
    domain: 病有所医
    name: 人均预期寿命（岁）
    unit: 岁
    target: "79"
    attribute: 预期性
  - id: nursing                  # maps_to wins over the name
    domain: 老有所养
    name: 每千人口拥有执业(助理)医师数
    unit: "%"
    target: "55"
    attribute: 约束性
    maps_to: nursing_beds_share
  - id: own_rate                 # a city-only indicator: local
    domain: 学有所教
    name: 普惠性幼儿园覆盖率
    unit: "%"
    target: "90"
    attribute: 预期性
catalogue:
  - id: c_prenatal               # by the national item's name
    domain: 幼有所育
    name: 农村免费孕前优生健康检查
  - id: c_opera                  # by an alias of the national item (送戏曲下乡)
    domain: 文体服务保障
    name: 送戏进万村
    aliases: [送戏曲下乡]
  - id: c_disability_culture     # provides part of a national item (maps_to)
    domain: 文体服务保障
    name: 残疾人文化服务
    maps_to: [disability_culture_sports]
  - id: c_disability_sports      # the other part: used, not extra
    domain: 文体服务保障
    name: 残疾人体育服务
    maps_to: [disability_culture_sports]
  - id: c_own                    # a city-only item: extra
    domain: 学有所教
    name: 幼儿园公用经费补助
"""


@pytest.fixture(scope="module")
def city_plan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("plans") / "test_city.yaml"
    path.write_text(CITY_PLAN, encoding="utf-8")
    return path


def test_matching_by_name_and_alias_without_maps_to(national, city_plan: Path) -> None:
    result = psplan.compare(national, city_plan)
    rows = {row.parent.id: row for row in result.indicators if row.parent is not None}
    matched = {pid: (row.child.id if row.child else None, row.verdict, row.downgraded)
               for pid, row in rows.items() if row.child is not None}  # fmt: skip
    assert matched == {
        # 96% (binding) vs 98 expected: higher, but downgraded — never "stronger"
        "compulsory_education_retention": ("retention", "downgraded", True),
        # >90% vs >90: the same
        "preschool_gross_enrollment": ("kindergarten", "equal", False),
        # 78.3 岁 vs 79 岁: stronger
        "life_expectancy": ("lifespan", "stronger", False),
        # 55% binding vs 55 % binding, matched through maps_to despite its name
        "nursing_beds_share": ("nursing", "equal", False),
    }
    # the name 每千人口拥有执业(助理)医师数 is taken by maps_to: that national row is missing
    assert rows["doctors_per_1000"].verdict == "missing"
    assert rows["doctors_per_1000"].failing is False  # expected nationally
    assert rows["compulsory_education_retention"].failing is True
    # matched indicators are not local; the city-only one is
    local = [row.child.id for row in result.indicators if row.verdict == "local"]  # type: ignore[union-attr]
    assert local == ["own_rate"]
    summary = result.summary()
    assert (summary["downgraded"], summary["stronger"], summary["equal"], summary["local"]) == (
        1, 1, 2, 1,
    )  # fmt: skip
    assert summary["missing"] == len(national.indicators) - 4
    # the catalogue: by name, by alias, by a split item (maps_to); extra only the own item
    covered = {parent.id: child.id for parent, child in result.catalogue.covered}
    assert covered == {
        "prenatal_checkup": "c_prenatal",
        "opera_to_countryside": "c_opera",
        "disability_culture_sports": "c_disability_culture",
    }
    assert [item.id for item in result.catalogue.extra] == ["c_own"]
    assert len(result.catalogue.missing) == 80 - 3


def test_a_national_alias_matches_a_city_name(national) -> None:
    # national indicators print no aliases; give one an alias (as a plan file may) and a
    # city row named by it, without maps_to, is its counterpart
    retention = national.indicator("compulsory_education_retention")
    aliased = national.model_copy(
        update={
            "indicators": [
                i.model_copy(update={"aliases": ["义务教育巩固率"]}) if i is retention else i
                for i in national.indicators
            ]
        }
    )
    city = national.model_copy(
        update={
            "id": "c",
            "indicators": [indicator("97", "%", name="义务教育巩固率", attribute="约束性")],
        }
    )
    rows = compare_plans(aliased, city).indicators
    matched = [(r.parent.id, r.verdict) for r in rows if r.child is not None]  # type: ignore[union-attr]
    assert matched == [("compulsory_education_retention", "stronger")]
    missing = [r for r in rows if r.verdict == "missing"]
    assert len(missing) == len(national.indicators) - 1
    assert all(r.reasons == (("no_counterpart", {}),) for r in missing)
    assert all(r.child is None and r.downgraded is False for r in missing)
    # without the alias the city row is local
    plain = compare_plans(national, city).indicators
    assert [r.verdict for r in plain if r.child is not None] == ["local"]


def test_a_downgraded_binding_indicator_is_counted_once(national) -> None:
    binding = national.indicator("compulsory_education_retention")  # 96% 约束性
    stronger = Indicator(
        id="x", domain="学有所教", name="九年义务教育巩固率", unit="%", target="98",
        attribute="预期性",
    )  # fmt: skip
    row = compare_pair(binding, stronger)
    assert (row.verdict, row.downgraded, row.failing) == ("downgraded", True, True)
    assert [code for code, _ in row.reasons] == ["versus", "downgraded"]
    weaker = compare_pair(binding, indicator("95", "%", name="九年义务教育巩固率"))
    assert (weaker.verdict, weaker.downgraded, weaker.failing) == ("weaker", True, True)
    same = compare_pair(binding, indicator("96", "%", name="九年义务教育巩固率"))
    assert (same.verdict, same.downgraded, same.failing) == ("downgraded", True, True)
    unclear = compare_pair(binding, indicator("达到全省平均水平", "%"))
    assert (unclear.verdict, unclear.downgraded) == ("downgraded", True)
    assert [code for code, _ in unclear.reasons] == ["relative", "downgraded"]
    kept = compare_pair(binding, indicator("98", "%", attribute="约束性"))
    assert (kept.verdict, kept.downgraded, kept.failing) == ("stronger", False, False)
    assert [code for code, _ in kept.reasons] == ["versus"]
    # an expected national indicator made binding in the city is not downgraded
    expected = national.indicator("preschool_gross_enrollment")
    upgraded = compare_pair(expected, indicator(">95", "%", attribute="约束性"))
    assert (upgraded.verdict, upgraded.downgraded, upgraded.failing) == ("stronger", False, False)


def indicator(
    target: str,
    unit: str | None = None,
    *,
    name: str = "指标",
    kind: str | None = None,
    direction: str | None = None,
    attribute: str = "预期性",
) -> Indicator:
    return Indicator(
        id="x", domain="d", name=name, unit=unit, target=target, attribute=attribute, kind=kind,
        direction=direction,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("parent", "child", "verdict", "codes"),
    [
        # no target on either side
        (indicator("——"), indicator("90"), "not_comparable", ["no_target"]),
        (indicator("90"), indicator("—"), "not_comparable", ["no_target"]),
        # relative targets: the same reference is equal, anything else is not comparable
        (indicator("达到全省平均水平"), indicator("全省平均水平"), "equal", ["same_relative"]),
        (
            indicator("达到全省平均水平"),
            indicator("达到全国平均水平"),
            "not_comparable",
            ["relative"],
        ),
        (indicator("95"), indicator("达到全省平均水平"), "not_comparable", ["relative"]),
        (indicator("达到全省平均水平"), indicator("95"), "not_comparable", ["relative"]),
        # qualitative targets
        (indicator("应保尽保"), indicator("应保尽保"), "equal", ["same_qualitative"]),
        (indicator("应保尽保"), indicator("全覆盖"), "not_comparable", ["versus"]),
        (indicator("应保尽保"), indicator("100", "%"), "equal", ["full_coverage"]),
        (indicator("应保尽保"), indicator("99.9", "%"), "weaker", ["short_of_full"]),
        (indicator("100", "%"), indicator("应保尽保"), "equal", ["full_coverage"]),
        (indicator("95", "%"), indicator("应保尽保"), "stronger", ["beyond"]),
        # kinds
        (indicator("1500", kind="annual_average"), indicator("[15]"), "not_comparable", ["kinds"]),
        (
            indicator("21.9", "万个", kind="cumulative"),
            indicator("[269]", "个"),
            "not_comparable",
            ["cumulative_totals"],
        ),
        # totals of different populations
        (indicator("1000", "万张"), indicator("3.96", "万张"), "not_comparable", ["totals"]),
        (indicator("12", "人"), indicator("12", "人"), "not_comparable", ["totals"]),
        (indicator("12", "元"), indicator("13", "元"), "not_comparable", ["totals"]),
        (
            indicator("12", "张", name="每千人口床位数"),
            indicator("12", "张"),
            "not_comparable",
            ["totals"],
        ),
        # counts made rates by their name are compared
        (
            indicator("4.5", "个", name="每千人口托位数"),
            indicator("4.6", "个", name="每千人口托位数"),
            "stronger",
            ["versus"],
        ),
        (
            indicator("4.5", "个", name="人均面积"),
            indicator("4.4", "个", name="人均面积"),
            "weaker",
            ["versus"],
        ),
        (
            indicator("45", "个", name="护理型床位比例"),
            indicator("45", "个", name="护理型床位比例"),
            "equal",
            ["versus"],
        ),
        (
            indicator("45", "张", name="床位占比"),
            indicator("46", "张", name="床位占比"),
            "stronger",
            ["versus"],
        ),
        (
            indicator("45", "人", name="平均人数"),
            indicator("46", "人", name="平均人数"),
            "stronger",
            ["versus"],
        ),
        (
            indicator("45", "人", name="参保率"),
            indicator("44", "人", name="参保率"),
            "weaker",
            ["versus"],
        ),
        # units converted, or not comparable
        (indicator("2.5", "‰"), indicator("0.3", "%"), "stronger", ["versus"]),
        (indicator("0.3", "%"), indicator("2.5", "‰"), "weaker", ["versus"]),
        (
            indicator("3.4", "万次", name="每万人接受公共文化设施服务次数"),
            indicator("15000", "次", name="每万人接受公共文化设施服务次数"),
            "weaker",
            ["versus"],
        ),
        (
            indicator("3.4", "万次", name="每万人接受公共文化设施服务次数"),
            indicator("34000", "次", name="每万人接受公共文化设施服务次数"),
            "equal",
            ["versus"],
        ),
        (indicator("3.4", "万次"), indicator("34000", "次"), "not_comparable", ["totals"]),
        (indicator("78.3", "岁"), indicator("79", "年"), "stronger", ["versus"]),
        (indicator("2.6", "平方米"), indicator("2.6", "㎡"), "equal", ["versus"]),
        (indicator("2", "万平方米"), indicator("20001", "m²"), "stronger", ["versus"]),
        (
            indicator("3.2", "人", name="每千人口医师"),
            indicator("3.2", "张", name="每千人口医师"),
            "not_comparable",
            ["units"],
        ),
        (indicator("3.2", "小时"), indicator("3.2", "天"), "not_comparable", ["units"]),
        (indicator("3.2", "%"), indicator("3.2", "天"), "not_comparable", ["units"]),
        # a rate printed without its unit is read as %
        (
            indicator(">95", "%", name="基本医疗保险参保率"),
            indicator(">96", None, name="基本医疗保险参保率"),
            "stronger",
            ["versus", "unit_assumed"],
        ),
        (
            indicator("55", None, name="护理型床位占比"),
            indicator("55", "%", name="护理型床位占比"),
            "equal",
            ["versus", "unit_assumed"],
        ),
        (
            indicator("55", None, name="床位比例"),
            indicator("56", "%", name="床位比例"),
            "stronger",
            ["versus", "unit_assumed"],
        ),
        (
            indicator("55", None, name="平均水平"),
            indicator("56", "%", name="平均水平"),
            "stronger",
            ["versus", "unit_assumed"],
        ),
        (
            indicator("55", None, name="人均面积"),
            indicator("56", "%", name="人均面积"),
            "not_comparable",
            ["units"],
        ),
        (
            indicator("55", None, name="每千人"),
            indicator("56", "%", name="每千人"),
            "not_comparable",
            ["units"],
        ),
        (indicator("55", None), indicator("56", None), "stronger", ["versus"]),
        # the row without a unit is the one whose name must make it a rate
        (
            indicator("55", None, name="护理型床位占比"),
            indicator("56", "%", name="床位"),
            "stronger",
            ["versus", "unit_assumed"],
        ),
        (
            indicator("55", "%", name="床位"),
            indicator("56", None, name="护理型床位占比"),
            "stronger",
            ["versus", "unit_assumed"],
        ),
        (
            indicator("55", "%", name="护理型床位占比"),
            indicator("56", None, name="床位"),
            "not_comparable",
            ["units"],
        ),
        # five-year totals are never compared, whatever their unit
        (indicator("[20]"), indicator("[25]"), "not_comparable", ["cumulative_totals"]),
        (indicator("[20]", "%"), indicator("[25]", "%"), "not_comparable", ["cumulative_totals"]),
        # directions must agree
        (indicator("7", direction="decrease"), indicator("6"), "not_comparable", ["directions"]),
        # thresholds: less is better
        (
            indicator("<18", direction="decrease"),
            indicator("<9", direction="decrease"),
            "stronger",
            ["versus"],
        ),
        (indicator("<18"), indicator("≤20"), "weaker", ["versus"]),
        (indicator("<18"), indicator("≤18"), "weaker", ["versus", "looser"]),
        (indicator("≤18"), indicator("<18"), "stronger", ["versus", "stricter"]),
        (indicator("≤18"), indicator("≤18"), "equal", ["versus"]),
        # thresholds: more is better; strictness, and 左右 is looser than a plain number
        (indicator(">90"), indicator("90"), "weaker", ["versus", "looser"]),
        (indicator("90"), indicator(">90"), "stronger", ["versus", "stricter"]),
        (indicator("90"), indicator("≥90"), "equal", ["versus"]),
        (indicator("90左右"), indicator("90"), "stronger", ["versus", "stricter"]),
        (indicator("90"), indicator("90左右"), "weaker", ["versus", "looser"]),
        (indicator(">90"), indicator("90左右"), "weaker", ["versus", "looser"]),
        (indicator("90左右"), indicator("90左右"), "equal", ["versus"]),
        (indicator("90"), indicator("90.0000000001"), "equal", ["versus"]),  # float noise
        (indicator("90"), indicator("90.001"), "stronger", ["versus"]),
        # the tolerance is 1e-9 of the parent's value (at least 1e-9), exclusive
        (indicator("90"), indicator("90.0000000675"), "equal", ["versus"]),  # 6.75e-8 < 9e-8
        (indicator("90"), indicator("90.000000091"), "stronger", ["versus"]),
        (indicator("<18"), indicator("<17.9999999865"), "equal", ["versus"]),  # 1.35e-8 < 1.8e-8
        (indicator("<18"), indicator("<17.999999981"), "stronger", ["versus"]),
        (indicator("0"), indicator("0.000000001"), "equal", ["versus"]),  # exactly 1e-9
        (indicator("0"), indicator("0.0000000015"), "stronger", ["versus"]),
        (indicator("1000000"), indicator("1000000.0001"), "equal", ["versus"]),
        (indicator("1000000"), indicator("1000000.01"), "stronger", ["versus"]),
    ],
)
def test_target_comparison_rules(
    parent: Indicator, child: Indicator, verdict: str, codes: list[str]
) -> None:
    got, reasons = compare_targets(parent, child)
    assert (got, [code for code, _ in reasons]) == (verdict, codes)


def test_reasons_show_both_targets() -> None:
    visits = "每万人接受公共文化设施服务次数"
    _, reasons = compare_targets(
        indicator("3.4", "万次", name=visits), indicator("15000", "次", name=visits)
    )
    assert reasons == (("versus", {"shown": "3.4 万次 = 34000 次 vs 15000 次 = 15000 次"}),)
    _, reasons = compare_targets(indicator(">90"), indicator("95"))
    assert reasons == (("versus", {"shown": ">90 vs 95"}),)
    _, reasons = compare_targets(
        indicator("21.9", "万个", name="城镇老旧小区改造", kind="cumulative"),
        indicator("[269]", "个", name="城镇老旧小区改造"),
    )
    assert reasons == (("cumulative_totals", {"shown": "21.9 万个 vs [269] 个"}),)
    _, reasons = compare_targets(indicator("1000", "万张"), indicator("3.96"))
    assert reasons == (("totals", {"shown": "1000 万张 vs 3.96"}),)
    _, reasons = compare_targets(indicator("1000"), indicator("3.96", "张"))
    assert reasons == (("totals", {"shown": "1000 vs 3.96 张"}),)
    _, reasons = compare_targets(indicator("3.2", "小时"), indicator("3.2", "天"))
    assert reasons == (("units", {"parent": "小时", "child": "天"}),)
    _, reasons = compare_targets(indicator("1500", kind="annual_average"), indicator("[15]"))
    assert reasons == (
        (
            "kinds",
            {
                "parent": "annual_average",
                "child": "cumulative",
                "parent_zh": "年均值",
                "child_zh": "五年累计",
                "parent_en": "annual average",
                "child_en": "five-year total",
            },
        ),
    )
    _, reasons = compare_targets(
        indicator("90", kind="level"), indicator("90", kind="annual_average")
    )
    assert reasons[0][1]["parent_zh"] == "水平值"
    _, reasons = compare_targets(indicator("95"), indicator("达到全省平均水平"))
    assert reasons == (("relative", {"target": "达到全省平均水平"}),)
    _, reasons = compare_targets(indicator("达到全省平均水平"), indicator("95"))
    assert reasons == (("relative", {"target": "达到全省平均水平"}),)
    _, reasons = compare_targets(indicator("应保尽保"), indicator("100", "%"))
    assert reasons == (("full_coverage", {"child": "100", "parent": "应保尽保"}),)
    _, reasons = compare_targets(indicator("应保尽保"), indicator("全覆盖"))
    assert reasons == (("versus", {"shown": "应保尽保 vs 全覆盖"}),)
    _, reasons = compare_targets(indicator("应保尽保"), indicator("98"))
    assert reasons == (("short_of_full", {"child": "98", "parent": "应保尽保"}),)
    _, reasons = compare_targets(indicator("98"), indicator("应保尽保"))
    assert reasons == (("beyond", {"child": "应保尽保", "parent": "98"}),)
    # the unit on the target itself counts when the row has none
    assert compare_targets(indicator("95%"), indicator("0.96"))[0] == "not_comparable"
    assert compare_targets(indicator("  "), indicator("95"))[0] == "not_comparable"
    # blank units are no units
    assert compare_targets(indicator("95", " "), indicator("96"))[0] == "stronger"


def test_a_relative_target_without_a_reference_compares_its_wording() -> None:
    assert compare_targets(indicator("全省平均"), indicator("达到全省平均水平"))[0] == "equal"
    assert compare_targets(indicator("全省平均"), indicator("全市平均"))[0] == "not_comparable"


def item(id: str, name: str, domain: str = "幼有所育", aliases=(), maps_to=()) -> CatalogueItem:
    return CatalogueItem(
        id=id, domain=domain, name=name, aliases=list(aliases), maps_to=list(maps_to)
    )


def test_catalogue_matching() -> None:
    parents = [
        item("a", "预防接种"),
        item("b", "送戏曲下乡", "文体服务保障", aliases=["文化惠民演出"]),
        item("c", "残疾人文化体育服务", "文体服务保障"),
        item("d", "少数民族文化服务", "文体服务保障"),
        item("e", "公租房保障", "住有所居"),
        item("f", "健康体检", "病有所医"),
    ]
    children = [
        item("x1", "儿童预防接种", aliases=["预防接种"]),  # by the parent's name as an alias
        item("x2", "文化惠民演出", "文体服务保障"),  # by an alias of the parent
        item("x3", "残疾人文化服务", "文体服务保障", maps_to=["c"]),
        item("x4", "残疾人体育服务", "文体服务保障", maps_to=["c"]),
        item("f", "老年人健康体检", "病有所医"),  # by id
        item("x5", "城市书房", "文体服务保障"),
        item("x6", "公 租 房 保 障", "住有所居"),  # names compare after normalising
    ]
    result = compare_catalogues(parents, children, {"d": "无聚居区", "zz": "not a parent item"})
    assert [(p.id, c.id) for p, c in result.covered] == [
        ("a", "x1"), ("b", "x2"), ("c", "x3"), ("e", "x6"), ("f", "f"),
    ]  # fmt: skip
    assert [(i.id, why) for i, why in result.waived] == [("d", "无聚居区")]
    assert result.missing == []
    assert [i.id for i in result.extra] == ["x5"]  # x4 provides part of c: not extra
    assert result.per_domain() == {
        "幼有所育": {"covered": 1, "missing": 0, "waived": 0, "extra": 0},
        "文体服务保障": {"covered": 2, "missing": 0, "waived": 1, "extra": 1},
        "住有所居": {"covered": 1, "missing": 0, "waived": 0, "extra": 0},
        "病有所医": {"covered": 1, "missing": 0, "waived": 0, "extra": 0},
    }
    unwaived = compare_catalogues(parents, children, {})
    assert [i.id for i in unwaived.missing] == ["d"] and unwaived.waived == []
    # the first child with a name wins; a later namesake is extra
    twins = compare_catalogues(
        [item("a", "预防接种")], [item("y1", "预防接种"), item("y2", "预防接种")], {}
    )
    assert [(p.id, c.id) for p, c in twins.covered] == [("a", "y1")]
    assert [i.id for i in twins.extra] == ["y2"]
    # an id match wins over a maps_to of another item
    both = compare_catalogues(
        [item("a", "预防接种")], [item("z", "其他", maps_to=["a"]), item("a", "预防接种")], {}
    )
    assert [(p.id, c.id) for p, c in both.covered] == [("a", "a")]
    assert [i.id for i in both.extra] == []  # z provides a (covered): used
    assert CatalogueComparison().per_domain() == {}


def test_compare_plans_with_waivers_and_summary(national) -> None:
    suzhou = psplan.load_plan("suzhou")
    result = compare_plans(national, suzhou, {"ethnic_minority_culture": "示例理由"})
    assert result.failing is False  # nothing binding weaker, nothing missing
    assert compare_plans(national, suzhou).failing is True
    assert compare_plans(national, suzhou, None).catalogue.waived == []
    # the nation against itself: every indicator matched by id, nothing weaker or local;
    # its totals (万张, 万个) and its yearly average stay "not comparable"
    result = compare_plans(national, national)
    summary = result.summary()
    assert (summary["equal"], summary["not_comparable"]) == (len(national.indicators) - 3, 3)
    assert summary["local"] == summary["missing"] == summary["weaker"] == 0
    assert result.failing is False


def test_failing_needs_a_binding_parent() -> None:
    binding = indicator("96", "%", attribute="约束性")
    expected = indicator("96", "%")
    assert IndicatorComparison("missing", binding, None).failing is True
    assert IndicatorComparison("weaker", binding, expected).failing is True
    assert IndicatorComparison("downgraded", binding, expected).failing is True
    assert IndicatorComparison("equal", binding, expected, downgraded=True).failing is True
    assert IndicatorComparison("equal", binding, expected).failing is False
    assert IndicatorComparison("not_comparable", binding, expected).failing is False
    assert IndicatorComparison("stronger", binding, expected).failing is False
    assert IndicatorComparison("missing", expected, None).failing is False
    assert IndicatorComparison("local", None, expected).failing is False
    row = IndicatorComparison("local", None, expected, (("local", {}),))
    assert row.reason("zh") and row.reason("en") and row.reason("zh") != row.reason("en")
    assert row.reason() == row.reason("zh")  # Chinese unless asked
