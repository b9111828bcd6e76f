"""Why a verdict (or a comparison) is what it is: the reasons `evaluate` and `compare`
record as (code, arguments), worded in Chinese and English."""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "no_target": {"zh": "规划未列目标值", "en": "the plan prints no target for this indicator"},
    "change_needs_base": {
        "zh": "目标“{target}”是相对基期的变化，但没有基期值（规划、填报的基期值或基期年份的数据）",
        "en": "the target '{target}' is a change from the baseline, and there is no baseline "
        "(in the plan, the sheet's 基期值 or a figure for the baseline year)",
    },
    "no_data": {"zh": "{year}年及以前无数据", "en": "no figure reported for {year} or earlier"},
    "none_in_period": {
        "zh": "{start}—{year}年无数据（累计或年均指标只计规划期内数据）",
        "en": "no figure for {start}–{year}: a total or average counts only the plan period",
    },
    "before_baseline": {
        "zh": "最新数据为{latest}年，不晚于基期年{base}年：本期无数据",
        "en": "the latest figure is of {latest}, not after the baseline year {base}: none of "
        "this period",
    },
    "needs_reference": {
        "zh": "相对目标“{target}”需要{reference}{year}年的参照值（--reference 或参照地区行）",
        "en": "relative target {target!r} needs the {reference} reference value for {year} "
        "(--reference or a reference-region row)",
    },
    "not_a_number": {
        "zh": "“{text}”（{year}年）不是数值，无法与数值目标比较",
        "en": "{text!r} ({year}) is not a number for a numeric target",
    },
    "reported": {"zh": "上报为“{text}”", "en": "reported {text!r}"},
    "neither_yes_nor_no": {
        "zh": "“{text}”无法判断是否满足“{target}”",
        "en": "{text!r} is neither a yes nor a no for {target!r}",
    },
    "running_total": {"zh": "按累计数", "en": "running total"},
    "running_total_and_sum": {
        "zh": "{year}年累计数加其后{count}个年度值",
        "en": "the running total to {year} and {count} yearly figure(s) after it",
    },
    "sum": {"zh": "{count}个年度值累计", "en": "sum of {count} figure(s)"},
    # a county's figure judged against a target that is the whole area's total
    "area_total_here": {
        "zh": "目标为全域总量，本地区数据与之对照仅供参考",
        "en": "the target is a total of the whole area: this region's figure against it is "
        "for reference only",
    },
    # a year of the period before the last figure has none: the sum leaves it out
    "sum_short": {
        "zh": "{count}个年度值累计（缺{listed}年数据，累计数偏小）",
        "en": "sum of {count} figure(s) (none for {listed_en}: the total is short)",
    },
    "mean": {"zh": "{count}年平均", "en": "mean of {count} year(s)"},
    "reference": {"zh": "参照值 {value:g}", "en": "reference value {value:g}"},
    "reference_given": {
        "zh": "参照值 {value:g}（--reference）",
        "en": "reference value {value:g} (--reference)",
    },
    "reference_from": {
        "zh": "参照值 {value:g}（{year}年{region}）",
        "en": "reference value {value:g} ({region}, {year})",
    },
    "short_at_end": {
        "zh": "期末 {actual:g} 未满足 {op}{target:g}",
        "en": "{actual:g} does not satisfy {op} {target:g} at the end of the period",
    },
    "short_at_end_total_from": {
        "zh": "期末以截至{year}年的累计 {actual:g} 计，未满足 {op}{target:g}",
        "en": "{actual:g}, the total to {year}, does not satisfy {op} {target:g} at the end of "
        "the period",
    },
    "short_at_end_average_from": {
        "zh": "期末以截至{year}年的年均值 {actual:g} 计，未满足 {op}{target:g}",
        "en": "{actual:g}, the yearly average to {year}, does not satisfy {op} {target:g} at "
        "the end of the period",
    },
    "short_at_end_from": {
        "zh": "期末以{year}年数据 {actual:g} 计，未满足 {op}{target:g}",
        "en": "{actual:g}, the figure of {year}, does not satisfy {op} {target:g} at the end "
        "of the period",
    },
    "met_at_end_from": {
        "zh": "{end}年无数据，期末以{year}年数据 {actual:g} 计",
        "en": "no figure for {end}: {actual:g}, the figure of {year}, counts at the end",
    },
    "met_at_end_total_from": {
        "zh": "{end}年无数据，期末以截至{year}年的累计 {actual:g} 计",
        "en": "no figure for {end}: {actual:g}, the total to {year}, counts at the end",
    },
    "met_at_end_average_from": {
        "zh": "{end}年无数据，期末以截至{year}年的年均值 {actual:g} 计",
        "en": "no figure for {end}: {actual:g}, the yearly average to {year}, counts at the end",
    },
    "average_short": {
        "zh": "年均值低于目标 {target:g}",
        "en": "the yearly average so far is short of {target:g}",
    },
    "no_baseline": {
        "zh": "无基期值，仅有{year}年一个数据，无法计算时序进度"
        "（请在填报表“基期值”列填写，或上报基期年数据）",
        "en": "no baseline and only the {year} figure: the progress line cannot be drawn "
        "(fill in the sheet's 基期值 column, or report the baseline year)",
    },
    "out_of_scale": {
        "zh": "{actual:g}比目标值 {target:g} 大一千倍以上，像是用了另一个单位：核实单位后再评价",
        "en": "{actual:g} is over a thousand times the target {target:g}, as though in "
        "another unit: check the unit before it is judged",
    },
    "above_range": {
        "zh": "{actual:g}超出该指标可能的范围（不超过 {most:g}）：核实数据后再评价",
        "en": "{actual:g} is beyond what this indicator can be (at most {most:g}): check the "
        "figure before it is judged",
    },
    "below_range": {
        "zh": "{actual:g}低于该指标可能的范围（不低于 {least:g}）：核实数据后再评价",
        "en": "{actual:g} is below what this indicator can be (at least {least:g}): check the "
        "figure before it is judged",
    },
    "fraction": {
        "zh": "{actual:g}像是写成小数的百分比（即 {percent:g}%）：核实单位后再评价",
        "en": "{actual:g} looks like a percentage written as a fraction ({percent:g} %): check "
        "the unit before it is judged",
    },
    "bound_reported": {"zh": "上报为界值“{text}”", "en": "reported as a bound, {text!r}"},
    # the previous plan's completion table printing its result as a bound (>99.9)
    "bound_printed": {"zh": "规划印为界值“{text}”", "en": "printed as a bound, {text!r}"},
    "bound_undecided": {
        "zh": "界值“{text}”无法判断是否满足 {op}{target:g}，请上报确数",
        "en": "the bound {text!r} does not tell whether {op} {target:g} is met; report the figure",
    },
    "bound_in_total": {
        "zh": "{year}年上报为界值“{text}”，无法计入累计或平均，请上报确数",
        "en": "{year} is reported as a bound, {text!r}: it cannot be summed or averaged; "
        "report the figure",
    },
    "baseline_at_end": {
        "zh": "基期年 {year} 不早于期末年 {end}，无法计算时序进度",
        "en": "the baseline year {year} is not before the end year {end}: no progress line",
    },
    "baseline_sheet": {
        "zh": "规划未列基期值，按填报表基期值 {value:g}",
        "en": "the plan prints no baseline: the collection sheet's {value:g} is used",
    },
    "baseline_reported": {
        "zh": "规划未列基期值，按{year}年上报值 {value:g}",
        "en": "the plan prints no baseline: the figure reported for {year}, {value:g}, is used",
    },
    # a region within the plan's area (a county), whose baseline the plan does not print
    "baseline_region_sheet": {
        "zh": "按本地区填报基期值 {value:g}（规划基期值 {printed:g} 为全域数据）",
        "en": "this region's 基期值 {value:g} is used (the plan's {printed:g} is its whole area's)",
    },
    "baseline_region_reported": {
        "zh": "按本地区{year}年上报值 {value:g}为基期（规划基期值 {printed:g} 为全域数据）",
        "en": "this region's figure for {year}, {value:g}, is its baseline (the plan's "
        "{printed:g} is its whole area's)",
    },
    "baseline_region_first_reported": {
        "zh": "以本地区首个上报数据（{year}年 {value:g}）为基期"
        "（规划基期值 {printed:g} 为全域总量）",
        "en": "this region's first figure ({year}: {value:g}) is its baseline (the plan's "
        "{printed:g} is its whole area's total)",
    },
    "baseline_plan_area": {
        "zh": "无本地区{year}年的基期值，按规划基期值 {value}（全域数据）",
        "en": "no baseline of this region's own for {year}: the plan's {value}, its whole "
        "area's, is used",
    },
    "baseline_first_reported": {
        "zh": "规划未列基期值，以首个上报数据（{year}年 {value:g}）为基期",
        "en": "the plan prints no baseline: the first figure reported ({year}: {value:g}) is used",
    },
    "at_strict_bound": {
        "zh": "恰好等于 {target:g}，未超过（目标为 {op}{target:g}）",
        "en": "exactly {target:g}, not beyond it (the target is {op} {target:g})",
    },
    "beyond_band": {
        "zh": "超出目标 {target:g} 左右的范围（±5%）",
        "en": "beyond the ±5 % band around the approximate target {target:g}",
    },
    "slipped": {
        "zh": "基期值 {baseline:g} 已达到目标，现已回落",
        "en": "the baseline {baseline:g} already met the target and has slipped back",
    },
    # the changes worded in each language (Override.worded) are arguments of the reason
    "override": {
        "zh": "已按人工设定判断：{change_zh}（{why}）",
        "en": "judged with an override: {change_en} ({why})",
    },
    "override.change": {"zh": "{field}：{value}", "en": "{field}: {value}"},
    "override.field.kind": {"zh": "类型", "en": "kind"},
    "override.field.direction": {"zh": "方向", "en": "direction"},
    "override.field.baseline": "plan.baseline",
    "override.field.baseline_year": {"zh": "基期年", "en": "baseline year"},
    "override.direction.increase": {"zh": "越大越好", "en": "more is better"},
    "override.direction.decrease": {"zh": "越小越好", "en": "less is better"},
    "outside_period": {
        "zh": "{year}年不在规划期{start}—{end}年内（--allow-outside-period）",
        "en": "{year} is outside the plan period {start}–{end} (--allow-outside-period)",
    },
    "expected_by": {
        "zh": "{year}年应达 {expected:g}（时间进度 {share:.0%}）",
        "en": "expected {expected:g} by {year} (time elapsed {share:.0%})",
    },
    "views_disagree": {
        "zh": "时序进度（线性）与增速趋势（复合增长）判断不同："
        "按线性口径看时间进度，按复合增速看期末能否完成",
        "en": "the linear time-share view and the compound-growth view differ: the first asks "
        "whether the share of time elapsed is matched, the second whether the end target will "
        "be reached at the observed pace",
    },
    # compare
    "no_counterpart": {"zh": "本级规划无对应指标", "en": "no counterpart in the child plan"},
    "local": {"zh": "本级特色指标", "en": "local indicator"},
    "downgraded": {
        "zh": "上级为约束性，本级为预期性",
        "en": "binding in the parent, expected in the child",
    },
    "same_relative": {"zh": "相对目标相同", "en": "same relative target"},
    "changes": {
        "zh": "变化目标按幅度比较：{shown}",
        "en": "changes compared by their size: {shown}",
    },
    "change_versus": {
        "zh": "变化目标与其他形式的目标不可直接比较：{shown}",
        "en": "a change and a target of another form cannot be compared: {shown}",
    },
    "relative": {
        "zh": "相对目标“{target}”按类型比较，不按数值",
        "en": "relative target {target!r}: compared by kind, not by number",
    },
    # the kinds worded in each language (comparison.kind.<code>) are arguments of the reason
    "kinds": {
        "zh": "目标类型不同（{parent_zh} / {child_zh}）",
        "en": "different kinds of target: {parent_en} vs {child_en}",
    },
    "unit_assumed": {"zh": "未标单位，按%理解", "en": "unit not printed, read as %"},
    "totals": {
        "zh": "总量指标覆盖人口不同，不可比：{shown}",
        "en": "totals of different populations: {shown}",
    },
    "cumulative_totals": {
        "zh": "五年累计总量覆盖人口不同，不可比：{shown}",
        "en": "five-year totals of different populations: {shown}",
    },
    "units": {"zh": "单位不可换算：{parent} / {child}", "en": "units differ: {parent} vs {child}"},
    "directions": {
        "zh": "两级规划对指标方向理解不同",
        "en": "the plans disagree on whether more is better",
    },
    "same_qualitative": {"zh": "定性目标相同", "en": "same qualitative target"},
    "versus": {"zh": "{shown}", "en": "{shown}"},
    "full_coverage": {
        "zh": "{child} 即全覆盖，与“{parent}”相当",
        "en": "{child} is full coverage, as {parent}",
    },
    "short_of_full": {
        "zh": "{child} 未达全覆盖（{parent}）",
        "en": "{child} is short of {parent} (full coverage)",
    },
    "beyond": {
        "zh": "{child}（全覆盖）高于 {parent}",
        "en": "{child} (full coverage) goes beyond {parent}",
    },
    "stricter": {"zh": "比较符更严格", "en": "strict comparator"},
    "looser": {"zh": "比较符更宽松", "en": "less strict comparator"},
}
