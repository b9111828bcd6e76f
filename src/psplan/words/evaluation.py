"""Words of the evaluation report (views/evaluation.py): the report a commission hands in
(年度监测报告, 中期评估报告, 终期评估报告), its sections, the sentences its prose is made of, and
the rules stated in its appendix.

The evaluation words themselves (提前实现, 快于预期 …) and the trend outlook (可望完成 /
完成难度较大) are shared labels (words/labels.py); the plan's own fields (领域, 指标, 单位 …)
are words/plan.py's.
"""

from __future__ import annotations

WORDS: dict[str, dict[str, str] | str] = {
    # the title, by stage
    "evaluation.title.annual": {
        "zh": "{plan}{year}年度监测报告",
        "en": "{plan}: monitoring report {year}",
    },
    "evaluation.title.mid": {
        "zh": "{plan}中期评估报告",
        "en": "{plan}: mid-term evaluation report",
    },
    "evaluation.title.final": {
        "zh": "{plan}终期评估报告",
        "en": "{plan}: final evaluation report",
    },
    "evaluation.title.region": {"zh": "{title}（{region}）", "en": "{title} ({region})"},
    # the sections
    "evaluation.section.overall": {"zh": "一、总体情况", "en": "1. Overview"},
    "evaluation.section.indicators": {
        "zh": "二、主要指标完成情况",
        "en": "2. Progress of the main indicators",
    },
    "evaluation.section.analysis": {
        "zh": "三、约束性指标和滞后指标分析",
        "en": "3. Binding and lagging indicators",
    },
    "evaluation.section.analysis.ended": {
        "zh": "三、约束性指标和未完成指标分析",
        "en": "3. Binding indicators and those not met",
    },
    "evaluation.section.regions": {"zh": "四、区域均等化", "en": "4. Equalisation across regions"},
    "evaluation.section.commitments": {
        "zh": "（附）规划文本中的量化承诺",
        "en": "Commitments in the plan's text",
    },
    "evaluation.commitments.intro": {
        "zh": "规划正文和专栏中另有量化承诺{total}项，本次数据涉及{named}项：{counts}。"
        "这些承诺单独评价，不计入主要指标的统计",
        "en": "The plan's text and boxes make {total} more quantitative commitments; the "
        "figures name {named}: {counts}. They are judged apart and not counted with the main "
        "indicators",
    },
    "evaluation.section.detail": {"zh": "附表：监测明细", "en": "Annex: monitoring details"},
    "evaluation.detail.intro": {
        "zh": "下表列出每项指标的完成进度、按时间进度应达到的值及差距，以及按历年数据推算的趋势，"
        "供核对上文评价",
        "en": "The tables give each indicator's progress, the value expected at the time share "
        "and the gap, and the trend the yearly figures show, so the ratings above can be checked",
    },
    "evaluation.table.detail": {"zh": "监测明细表", "en": "Monitoring details"},
    "evaluation.section.appendix": {
        "zh": "附录：数据来源与判断规则",
        "en": "Appendix: sources and rules",
    },
    # a final report: the indicators shared with the previous plan, both periods side by side
    "evaluation.section.previous": {
        "zh": "（附）与{previous}规划共有指标对照",
        "en": "Indicators shared with the {previous} plan",
    },
    "evaluation.previous.county": {
        "zh": "{previous}各栏为规划所印{area}的数据，本期各栏为{region}的数据",
        "en": "the {previous} columns are the plan's printed figures of its whole area "
        "({area}), this period's are {region}'s",
    },
    "evaluation.previous.intro": {
        "zh": "{previous}规划完成情况表所列{total}项指标中，{shared}项在本规划中延续。"
        "下表对照两期的目标与完成情况（{previous}为规划所列{year}年完成情况）",
        "en": "Of the {total} indicators of the {previous} completion table, {shared} continue "
        "in this plan. The table sets both periods side by side (the {previous} figures are "
        "the {year} results the plan prints)",
    },
    "evaluation.previous.no_target": {"zh": "规划未列目标", "en": "no target printed"},
    "evaluation.previous.target": {"zh": "{period}目标", "en": "{period} target"},
    "evaluation.previous.result": {"zh": "{year}年完成", "en": "{year} result"},
    "evaluation.previous.rating": {"zh": "{period}评价", "en": "{period} rating"},
    "evaluation.period.years": {"zh": "{start}—{end}年", "en": "{start}–{end}"},
    # the five-year plans by number (2016–2020 is the 13th, 十三五)
    "evaluation.period.11": {"zh": "“十一五”", "en": "11th FYP"},
    "evaluation.period.12": {"zh": "“十二五”", "en": "12th FYP"},
    "evaluation.period.13": {"zh": "“十三五”", "en": "13th FYP"},
    "evaluation.period.14": {"zh": "“十四五”", "en": "14th FYP"},
    "evaluation.period.15": {"zh": "“十五五”", "en": "15th FYP"},
    "evaluation.period.16": {"zh": "“十六五”", "en": "16th FYP"},
    "evaluation.period.17": {"zh": "“十七五”", "en": "17th FYP"},
    "evaluation.period.18": {"zh": "“十八五”", "en": "18th FYP"},
    "evaluation.period.19": {"zh": "“十九五”", "en": "19th FYP"},
    # the main indicators table
    "evaluation.table.indicators": {"zh": "主要指标完成情况表", "en": "Main indicators"},
    "evaluation.table.previous": {"zh": "两期共有指标对照表", "en": "Shared indicators"},
    "evaluation.column.number": {"zh": "序号", "en": "No."},
    "evaluation.column.year": {"zh": "{year}年", "en": "{year}"},
    # the overview
    "evaluation.count": {"zh": "{label}{count}项", "en": "{label} {count}"},
    "evaluation.overall.head": {
        "zh": "{plan}共有主要指标{count}项，{year}年对其中{rated}项作出评价：{counts}",
        "en": "{plan} has {count} main indicators; {rated} are rated in {year}: {counts}",
    },
    "evaluation.overall.head_regions": {
        "zh": "{plan}共有主要指标{indicators}项，{regions}个地区共{count}项（指标×地区），"
        "{year}年对其中{rated}项作出评价：{counts}",
        "en": "{plan} has {indicators} main indicators in {regions} regions, {count} indicator × "
        "region pairs; {rated} are rated in {year}: {counts}",
    },
    "evaluation.overall.none_rated_regions": {
        "zh": "{plan}共有主要指标{indicators}项，{regions}个地区共{count}项（指标×地区），"
        "{year}年尚无可作评价的数据",
        "en": "{plan} has {indicators} main indicators in {regions} regions, {count} indicator × "
        "region pairs; none can be rated in {year}",
    },
    "evaluation.overall.name_regions": {
        "zh": "{name}（{count}个地区）",
        "en": "{name} ({count} regions)",
    },
    "evaluation.overall.none_rated": {
        "zh": "{plan}共有主要指标{count}项，{year}年尚无可作评价的数据",
        "en": "{plan} has {count} main indicators; none can be rated in {year}",
    },
    "evaluation.overall.unrated": {
        "zh": "另有{count}项无数据或需人工核实，不作评价",
        "en": "{count} more have no data or need review and are not rated",
    },
    "evaluation.overall.earlier": {
        "zh": "其中{count}项因{year}年无数据，按此前最近一年的数据评价",
        "en": "{count} of them rated on an earlier year's figure, with none for {year}",
    },
    "evaluation.earlier": {
        "zh": "{year}年无数据、按此前最近一年数据评价的指标：{names}",
        "en": "Rated on an earlier year's figure, {year} having none: {names}",
    },
    "evaluation.earlier.item": {"zh": "{name}（{year}年）", "en": "{name} ({year})"},
    "evaluation.earlier.note": {
        "zh": "{year}年无数据，按{actual_year}年数据评价",
        "en": "no figure for {year}: rated on the figure of {actual_year}",
    },
    "evaluation.overall.unrated_named": {
        "zh": "另有{parts}，不作评价",
        "en": "{parts} are not rated",
    },
    "evaluation.overall.unrated.no_data": {
        "zh": "{count}项无数据（{names}）",
        "en": "{count} without data ({names})",
    },
    "evaluation.overall.unrated.no_data_many": {
        "zh": "{count}项无数据",
        "en": "{count} without data",
    },
    "evaluation.overall.unrated.needs_review_many": {
        "zh": "{count}项需人工核实",
        "en": "{count} needing review",
    },
    "evaluation.overall.unrated.needs_review": {
        "zh": "{count}项需人工核实（{names}）",
        "en": "{count} needing review ({names})",
    },
    "evaluation.overall.binding": {
        "zh": "其中约束性指标{count}项：{counts}",
        "en": "Of them {count} are binding: {counts}",
    },
    "evaluation.overall.binding_regions": {
        "zh": "其中约束性指标{count}项（指标×地区）：{counts}",
        "en": "Of them {count} indicator × region pairs are binding: {counts}",
    },
    "evaluation.overall.binding_unrated": {
        "zh": "{count}项未作评价",
        "en": "{count} not rated",
    },
    "evaluation.overall.binding_lagging": {
        "zh": "滞后的约束性指标为{names}",
        "en": "the binding ones behind are {names}",
    },
    "evaluation.overall.binding_not_met": {
        "zh": "未完成的约束性指标为{names}",
        "en": "the binding ones not met are {names}",
    },
    "evaluation.overall.binding_none_not_met": {
        "zh": "约束性指标均已完成或无数据",
        "en": "no binding indicator with a figure is unmet",
    },
    "evaluation.overall.binding_none_lagging": {
        "zh": "约束性指标无滞后",
        "en": "no binding indicator is behind",
    },
    "evaluation.overall.partial": {
        "zh": "但{count}项主要指标中只有{rated}项可作评价，这一判断有待其余指标的数据补齐后确认",
        "en": "but only {rated} of the {count} main indicators can be rated: the judgement "
        "stands to be confirmed when the others' figures are in",
    },
    "evaluation.overall.partial_regions": {
        "zh": "但{count}项（指标×地区）中只有{rated}项可作评价，这一判断有待其余数据补齐后确认",
        "en": "but only {rated} of the {count} indicator × region pairs can be rated: the "
        "judgement stands to be confirmed when the other figures are in",
    },
    "evaluation.overall.mid.holds_regions": {
        "zh": "总体看，各地区指标实现了“时间过半、任务过半”（提前实现、快于预期和基本符合预期的"
        "{good}项，占已评价的指标×地区的{share}；滞后的约束性指标×地区{lagging}项）",
        "en": "Overall, half the work is done at half time across the regions ({good} pairs rated "
        "achieved early, ahead or as expected, {share} of those rated; {lagging} binding behind)",
    },
    "evaluation.overall.mid.fails_regions": {
        "zh": "总体看，各地区指标尚未实现“时间过半、任务过半”（提前实现、快于预期和基本符合预期的"
        "{good}项，占已评价的指标×地区的{share}；滞后的约束性指标×地区{lagging}项）",
        "en": "Overall, half the work is not yet done at half time across the regions ({good} "
        "pairs rated achieved early, ahead or as expected, {share} of those rated; {lagging} "
        "binding behind)",
    },
    # (the counts are the overview's first sentence: the judgement gives the share)
    "evaluation.overall.final_regions": {
        "zh": "总体看，规划期末已评价的指标×地区完成率为{share}",
        "en": "Overall, {share} of the indicator × region pairs rated are completed at the end "
        "of the period",
    },
    "evaluation.overall.mid.holds": {
        "zh": "总体看，规划实施实现了“时间过半、任务过半”（提前实现、快于预期和基本符合预期的"
        "{good}项，占已评价指标的{share}；滞后的约束性指标{lagging}项）",
        "en": "Overall, half the work is done at half time ({good} rated achieved early, ahead "
        "or as expected, {share} of those rated; {lagging} binding behind)",
    },
    "evaluation.overall.mid.fails": {
        "zh": "总体看，规划实施尚未实现“时间过半、任务过半”（提前实现、快于预期和基本符合预期的"
        "{good}项，占已评价指标的{share}；滞后的约束性指标{lagging}项）",
        "en": "Overall, half the work is not yet done at half time ({good} rated achieved "
        "early, ahead or as expected, {share} of those rated; {lagging} binding behind)",
    },
    "evaluation.overall.mid.unknown": {
        "zh": "尚无已评价的指标，不能判断是否实现“时间过半、任务过半”",
        "en": "No indicator is rated: whether half the work is done at half time cannot be said",
    },
    "evaluation.overall.final": {
        "zh": "总体看，规划期末已评价指标的完成率为{share}",
        "en": "Overall, {share} of the indicators rated are completed at the end of the period",
    },
    "evaluation.overall.regions": {
        "zh": "以上为规划全域的指标；各地区的情况见“四、区域均等化”",
        "en": "These are the figures of the plan's whole area; the regions are in section 4",
    },
    "evaluation.overall.regions_regions": {
        "zh": "以上为各地区指标的合计；各地区的情况见“四、区域均等化”",
        "en": "These count every region's indicators; each region is in section 4",
    },
    "evaluation.in_unit": {"zh": "{value}{unit}", "en": "{value} {unit}"},
    "evaluation.sentence": {"zh": "{text}。", "en": "{text}."},
    # one indicator analysed
    "evaluation.overall.area_totals": {
        "zh": "其中{count}项指标（{names}）的目标是{area}的总量，各地区的数据与之逐一对照没有意义，"
        "其结果仅供参考",
        "en": "{count} of the indicators ({names}) have a target that is a total of the whole "
        "area, {area}: each region's figure compared with it says nothing, so their results "
        "are for reference only",
    },
    "evaluation.item": {"zh": "（{number}）{name}", "en": "({number}) {name}"},
    "evaluation.stand.actual": {
        "zh": "{name}{year}年为{actual}，目标值为{target}，基期值为{baseline}",
        "en": "{name} was {actual} in {year}, against a target of {target} from a baseline of "
        "{baseline}",
    },
    "evaluation.stand.actual_no_base": {
        "zh": "{name}{year}年为{actual}，目标值为{target}{baseline}",
        "en": "{name} was {actual} in {year}, against a target of {target}{baseline}",
    },
    "evaluation.stand.answer": {
        "zh": "{name}{year}年上报为“{actual}”，目标值为{target}{baseline}",
        "en": "{name} was reported as '{actual}' in {year}, against a target of {target}{baseline}",
    },
    "evaluation.stand.total": {
        "zh": "{name}截至{year}年累计{actual}，五年累计目标为{target}",
        "en": "{name} totalled {actual} by {year}, against a five-year target of {target}",
    },
    "evaluation.totals": {
        "zh": "五年累计指标在表中逐年列出当年数，按累计数评价：{items}",
        "en": "A five-year total is listed year by year in the table and judged by its sum: "
        "{items}",
    },
    "evaluation.totals.item": {
        "zh": "{name}{start}—{year}年累计{actual}（五年累计目标{target}）",
        "en": "{name}, {actual} in {start}–{year} (five-year target {target})",
    },
    "evaluation.totals.left_out": {
        "zh": "，其中{years}年无数据，累计数偏小",
        "en": ", with no figure for {years}: the total is short",
    },
    "evaluation.total_left_out": {
        "zh": "其中{years}年无数据，累计数偏小",
        "en": "with no figure for {years}, the total is short",
    },
    "evaluation.stand.earlier": {
        "zh": "{year}年无数据，按{actual_year}年数据评价",
        "en": "no figure for {year}, so the figure of {actual_year} is judged",
    },
    "evaluation.target.at_least": {"zh": "不低于{figure}", "en": "at least {figure}"},
    "evaluation.target.at_most": {"zh": "不高于{figure}", "en": "at most {figure}"},
    "evaluation.target.above": {"zh": "高于{figure}", "en": "above {figure}"},
    "evaluation.target.below": {"zh": "低于{figure}", "en": "below {figure}"},
    "evaluation.reference": {"zh": "（参照值{value}）", "en": " (reference value {value})"},
    "evaluation.reference_from": {
        "zh": "（{year}年{region}为{value}）",
        "en": " ({region}: {value} in {year})",
    },
    "evaluation.target_unset": {"zh": "待定", "en": "not yet set"},
    "evaluation.stand.no_data": {
        "zh": "{name}尚无数据（目标值为{target}），不作评价",
        "en": "{name} has no figure yet (target {target}) and is not rated",
    },
    "evaluation.stand.no_data_here": {
        "zh": "{name}尚无全市（本级）数据（目标值为{target}），不作评价；{count} 个地区已上报，"
        "见四、区域均等化",
        "en": "{name} has no figure for the whole area yet (target {target}) and is not rated; "
        "{count} regions reported theirs (see 4. Equalisation across regions)",
    },
    "evaluation.stand.gap": {"zh": "距目标差{gap}", "en": "{gap} short of the target"},
    "evaluation.stand.progress": {
        "zh": "完成进度{progress}，时间进度{share}",
        "en": "progress {progress} against {share} of the time elapsed",
    },
    "evaluation.stand.progress_only": {"zh": "完成进度{progress}", "en": "progress {progress}"},
    "evaluation.stand.rating": {"zh": "评价为{rating}", "en": "rated {rating}"},
    "evaluation.stand.unrated": {
        "zh": "{status}，不作评价",
        "en": "{status}: not rated",
    },
    "evaluation.stand.trend": {"zh": "从趋势看{outlook}", "en": "on its trend, {outlook}"},
    "evaluation.reason": {"zh": "原因分析：", "en": "Reasons: "},
    "evaluation.measure": {"zh": "下一步措施：", "en": "Next steps: "},
    "evaluation.placeholder": {"zh": "【待填写】", "en": "[to be filled in]"},
    "evaluation.analysis.none": {
        "zh": "没有约束性指标，也没有滞后的指标",
        "en": "There is no binding indicator and none behind",
    },
    "evaluation.indicators.regions": {
        "zh": "规划全域没有上报数据，下表的评价均为无数据；各领域的进度按各地区的数据计算，"
        "各地区的完成情况见“四、区域均等化”",
        "en": "The plan's own area has no figures, so the table rates none; the progress by "
        "domain is the regions', and each region is in section 4",
    },
    "evaluation.analysis.regions": {
        "zh": "规划全域没有上报数据，不作逐项分析；各地区的情况见“四、区域均等化”",
        "en": "The plan's own area has no figures to analyse one by one; the regions are in "
        "section 4",
    },
    # the appendix
    "evaluation.sources.none": {"zh": "数据来源：未注明", "en": "Figures from: not stated"},
    "evaluation.sources.file": {
        "zh": "{file}（{count}个数据）",
        "en": "{file} ({count} figure(s))",
    },
    "evaluation.rule.baseline": {
        "zh": "基期值：取规划所列的基期值；规划未列的，取填报的基期值、基期年数据或首个数据。"
        "规划所列为全域（全市）数据，各县区取本地区填报的基期值或基期年数据，没有的才用全域基期值；"
        "来源均在表中注明",
        "en": "Baseline: the plan's; where the plan prints none, the sheet's 基期值, the "
        "baseline year's figure or the first figure. The plan's is its whole area's: a county "
        "takes its own 基期值 or baseline-year figure, the whole area's only where it has "
        "neither; the source is stated in the table",
    },
    "evaluation.rule.share": {
        "zh": "时间进度：规划期已经过去的比例，即（评价年 − 基期年）÷（期末年 − 基期年）",
        "en": "Time elapsed: the share of the period gone, (year − base year) ÷ "
        "(end year − base year)",
    },
    "evaluation.rule.share_year": {
        "zh": "以规划的基期年{base}年计，{year}年为{share}"
        "（基期取自上报数据的指标，从该数据的年份起算）",
        "en": "{share} in {year} from the plan's baseline year {base} (an indicator whose "
        "baseline is a reported figure counts from that figure's year)",
    },
    "evaluation.rule.progress": {
        "zh": "完成进度：（实际值 − 基期值）÷（目标值 − 基期值），达标记为100%",
        "en": "Progress: (actual − baseline) ÷ (target − baseline), 100% when the target is met",
    },
    "evaluation.rule.ratings": {
        "zh": "评价用语：期末年以前，已达标的为提前实现；进度正常且完成进度比时间进度至少多"
        "{margin}个百分点的为快于预期；其他进度正常的为基本符合预期；进度滞后或未达标的为滞后。期末年，"
        "已达标的为完成，其他为未完成。无数据或需人工核实的不作评价",
        "en": "Evaluation words: before the end year, a target met is achieved early; on track "
        "with progress at least {margin} points past the time elapsed is ahead of schedule; "
        "any other on track is broadly as expected; behind or not met is behind schedule. In "
        "the end year, met is completed, anything else not completed. No data or needing "
        "review: not rated",
    },
    "evaluation.rule.mid": {
        "zh": "“时间过半、任务过半”：约束性指标无滞后，且已评价的指标中提前实现、快于预期和"
        "基本符合预期的不少于一半",
        "en": "Half the work at half time: no binding indicator behind, and at least half of "
        "those rated achieved early, ahead of schedule or broadly as expected",
    },
    "evaluation.rule.trend": {
        "zh": "趋势判断：末值已达到目标的为已实现；否则比较观测年均增速与按期完成所需的年均增速，"
        "二者之比不低于0.95为趋势正常，0.60至0.95为需加快，0至0.60为进展有限，小于0为趋势恶化；"
        "期末仍未达到目标的为未实现（趋势恶化除外）。期末以前另写研判：已实现或趋势正常为可望完成，"
        "其余为完成难度较大",
        "en": "Trend: achieved where the last figure meets the target; else the growth observed "
        "against the growth needed to finish on time, their ratio at least 0.95 on track, 0.60 "
        "to 0.95 acceleration needed, 0 to 0.60 limited progress, below 0 deterioration; at the "
        "end of the period, a target still not met is missed (deterioration aside). Before the "
        "end an outlook is added: achieved or on track is likely met, anything else likely "
        "missed",
    },
    "evaluation.rule.docs": {
        "zh": "上述规则的详细说明和算例见 psplan {version} 随附的判断规则文档"
        "（docs/assessment.md）",
        "en": "The rules in full, with worked examples: the rules document that comes with "
        "psplan {version} (docs/assessment.md)",
    },
}
