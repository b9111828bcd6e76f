"""Which regions of an actuals file are the plan's own area, and which are references.

The plan's own area (全市 for a city plan, 全县 for a county, the plan's `region` such as
陕西省汉中市 or 汉中市) is judged like any other region: a city must be able to judge its own
totals. A reference for relative targets (达到全省平均水平) comes from the level above: 全省 or a
province's name for a city, 全国 for a province, 全市 for a county — or any region the user
names with `--reference-region`. Rows of a reference region are never judged.
"""

from __future__ import annotations

from collections.abc import Iterable

from psplan.actuals.read import COUNTY_ENDS
from psplan.plan.model import Indicator, Plan

LEVELS = ("national", "province", "city", "county")

#: Names of a plan's whole area, by its level.
OWN_AREA_WORDS = {
    "national": ("全国",),
    "province": ("全省",),
    "city": ("全市", "市域"),
    "county": ("全县", "全区", "县域"),
}

#: Names of the reference at each level (the level's whole area and its average).
LEVEL_REFERENCE_WORDS = {
    "national": ("全国", "全国平均", "国家", "全国平均水平"),
    "province": ("全省", "全省平均", "省平均", "全省平均水平"),
    "city": ("全市", "全市平均", "市平均", "全市平均水平"),
}

PROVINCES = (
    "北京市", "天津市", "河北省", "山西省", "内蒙古自治区", "辽宁省", "吉林省", "黑龙江省",
    "上海市", "江苏省", "浙江省", "安徽省", "福建省", "江西省", "山东省", "河南省", "湖北省",
    "湖南省", "广东省", "广西壮族自治区", "海南省", "重庆市", "四川省", "贵州省", "云南省",
    "西藏自治区", "陕西省", "甘肃省", "青海省", "宁夏回族自治区", "新疆维吾尔自治区",
)  # fmt: skip
_PROVINCE_SHORT = tuple(
    name.removesuffix("省").removesuffix("市") for name in PROVINCES if not name.endswith("区")
)


def own_area_names(plan: Plan) -> frozenset[str]:
    """Region names that mean the plan's whole area (judged like any region)."""
    names = set(OWN_AREA_WORDS[plan.level])
    if plan.region:
        names.add(plan.region)
        city, own = _places(plan.region, plan.level)
        # 陕西省汉中市 → 汉中市, 汉中; 陕西省汉中市洋县 → 汉中市洋县, 洋县
        if own:
            names.update({own, _short(own)} if not city else {city + own, own})
    return frozenset(name for name in names if name)


#: Where a city's name ends inside a county's full name (汉中市洋县, 恩施土家族苗族自治州来凤县).
_CITY_ENDS = ("市", "自治州", "州", "地区", "盟")


def _places(region: str, level: str) -> tuple[str, str]:
    """A plan's region below its province: (the city, the place itself) for a county plan
    (陕西省汉中市洋县 → 汉中市, 洋县), ("", the city) for a city's (陕西省汉中市 → "", 汉中市);
    ("", "") for a province or a name without one."""
    province = next((p for p in PROVINCES if region.startswith(p) and region != p), None)
    if province is None:
        return "", ""
    local = region[len(province) :]
    if level == "county":
        for end in _CITY_ENDS:
            at = local.find(end) + len(end)
            rest = local[at:]
            if at >= len(end) + 1 and len(rest) >= 2 and rest.endswith(COUNTY_ENDS):
                return local[:at], rest
    return "", local


def _short(city: str) -> str:
    """A city's name without 市 (汉中市 → 汉中), as people write it; the name if that is all."""
    return city.removesuffix("市") or city


def reference_region_names(plan: Plan, given: Iterable[str] = ()) -> frozenset[str]:
    """Region names whose rows are reference values: the levels above the plan, and `given`."""
    from psplan.actuals.read import region_name

    chosen = {region_name(name) or name for name in given}  # as the files' region cells
    names = set(chosen)
    position = LEVELS.index(plan.level)
    for level in LEVELS[:position]:
        names.update(LEVEL_REFERENCE_WORDS[level])
        if level == "province":
            names.update(PROVINCES)
            names.update(_PROVINCE_SHORT)
    city, _ = _places(plan.region or "", plan.level)
    if city:  # a county's city by its name (汉中市, 汉中), as 全市 names it
        names.update({city, _short(city)})
    return frozenset(names - (own_area_names(plan) - chosen))


#: The level a relative target names (达到全省平均水平 → province).
TARGET_LEVELS = {"全国": "national", "国家": "national", "全省": "province", "省": "province",
                 "全市": "city", "市": "city"}  # fmt: skip


def apart_from_regions(plan: Plan) -> frozenset[str]:
    """Regions that are no region among the others: the plan's own area (全市) and the levels
    above it (全省, 陕西省) — a total or an average of the regions, not one of them (a city's
    total of a count would be an outlier every year; it is no county thinly reported, nor one
    judged against a whole-area total)."""
    return own_area_names(plan) | reference_region_names(plan)


def reference_level(region: str) -> str:
    """Which level a reference region stands for; "given" for one the user named."""
    for level, words in LEVEL_REFERENCE_WORDS.items():
        if region in words:
            return level
    if region in PROVINCES or region in _PROVINCE_SHORT:
        return "province"
    return "given"


#: Units that count things across an area (not a rate, a per-capita figure, an amount of
#: money, a span of years or an area per person).
_COUNT_UNITS = frozenset({
    "个", "万个", "所", "家", "座", "处", "条", "项", "户", "万户", "套", "万套", "人", "万人",
    "人次", "万人次", "张", "万张", "亩", "万亩",
})  # fmt: skip
#: Words that make a count a ratio or an average (每千人口…, 人均…, 年均…, …率, …占比).
_RATIO_WORDS = ("每", "均", "率", "比")


def counts_the_whole_area(indicator: Indicator) -> bool:
    """Whether an indicator's target reads as a total of the plan's whole area: a count of
    things or people (高等级客运站数量 12个, 未成年救助保护中心 5所, 城镇新增就业人数 [8]万人),
    not a rate, a per-capita figure or an average (每千人口…床位数 张, 人均…, …率). Read from
    the printed unit and name: the plans do not say it. A county's figure compared with such
    a target says nothing (each county judged not met against the city's 5 所)."""
    return (
        indicator.target.form in ("number", "change")  # (养老服务床位总量 年均增长5%: a total)
        and (indicator.unit or "") in _COUNT_UNITS
        and not any(word in indicator.name for word in _RATIO_WORDS)
    )
