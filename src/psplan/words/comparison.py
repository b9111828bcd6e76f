"""Words of the comparison views (`psplan compare`, `psplan.views.comparison`)."""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "comparison.title": {"zh": "{child} vs {parent}", "en": "{child} vs {parent}"},
    # the verdict of a parent indicator (or a local one) next to the child's
    "comparison.verdict.missing": {"zh": "缺失", "en": "missing"},
    "comparison.verdict.weaker": {"zh": "低于上级", "en": "weaker"},
    "comparison.verdict.downgraded": {"zh": "属性降级", "en": "downgraded"},
    "comparison.verdict.not_comparable": {"zh": "不可比", "en": "not comparable"},
    "comparison.verdict.equal": {"zh": "持平", "en": "equal"},
    "comparison.verdict.stronger": {"zh": "高于上级", "en": "stronger"},
    "comparison.verdict.local": {"zh": "本地指标", "en": "local"},
    # a catalogue item (its row in the indicators table, and the --all columns)
    "comparison.verdict.catalogue_covered": {"zh": "清单已覆盖", "en": "catalogue covered"},
    "comparison.verdict.catalogue_missing": {"zh": "清单缺失", "en": "catalogue missing"},
    "comparison.verdict.catalogue_waived": {"zh": "清单豁免", "en": "catalogue waived"},
    "comparison.verdict.catalogue_extra": {"zh": "本级新增清单项", "en": "catalogue extra"},
    # a target's kind, in the reason "kinds" (目标类型不同（年均值 / 水平值）)
    "comparison.kind.level": {"zh": "水平值", "en": "level"},
    "comparison.kind.cumulative": {"zh": "五年累计", "en": "five-year total"},
    "comparison.kind.annual_average": {"zh": "年均值", "en": "annual average"},
    # the summary lines
    "comparison.count": "assessment.count",
    "comparison.counts": {"zh": "指标：{counts}", "en": "Indicators: {counts}"},
    "comparison.no_indicators": {"zh": "指标：无", "en": "Indicators: none"},
    "comparison.catalogue": {
        "zh": "服务清单：覆盖 {covered} 项，缺失 {missing} 项，豁免 {waived} 项，"
        "本级新增 {extra} 项",
        "en": "Catalogue: {covered} covered, {missing} missing, {waived} waived, {extra} extra",
    },
    "comparison.failing": {
        "zh": "结论：不合要求（约束性指标缺失、低于上级或属性降级，或服务清单有缺项）",
        "en": "Result: failing (a binding indicator is missing, weaker or downgraded, or a "
        "catalogue item is missing)",
    },
    "comparison.passing": {
        "zh": "结论：符合要求（约束性指标不低于上级，服务清单无缺项）",
        "en": "Result: passing (no binding indicator below the parent's, no catalogue item "
        "missing)",
    },
    # the indicators table
    "comparison.indicators": {"zh": "指标对照", "en": "Indicators"},
    "comparison.column.domain": "plan.domain",
    "comparison.column.parent_id": {"zh": "上级编号", "en": "parent id"},
    "comparison.column.name": {"zh": "上级指标", "en": "parent indicator"},
    "comparison.column.parent_attribute": {"zh": "上级属性", "en": "parent attribute"},
    "comparison.column.parent_target": {"zh": "上级目标", "en": "parent target"},
    "comparison.column.child_id": {"zh": "本级编号", "en": "child id"},
    "comparison.column.child_name": {"zh": "本级指标", "en": "child indicator"},
    "comparison.column.child_attribute": {"zh": "本级属性", "en": "child attribute"},
    "comparison.column.child_target": {"zh": "本级目标", "en": "child target"},
    "comparison.column.verdict": {"zh": "结论", "en": "verdict"},
    "comparison.column.reason": "assessment.column.reason",
    # the catalogue table: coverage per domain
    "comparison.domains": {"zh": "服务清单覆盖（按领域）", "en": "Catalogue coverage by domain"},
    "comparison.column.covered": {"zh": "已覆盖", "en": "covered"},
    "comparison.column.missing": "comparison.verdict.missing",
    "comparison.column.waived": {"zh": "豁免", "en": "waived"},
    "comparison.column.extra": {"zh": "本级新增", "en": "extra"},
    # compare PARENT --all: one row per child plan
    "comparison.all_title": {
        "zh": "下级规划对照{parent}",
        "en": "Plans compared with {parent}",
    },
    "comparison.all_summary": {
        "zh": "共 {count} 个下级规划，{failing} 个不合要求",
        "en": "{count} plan(s), {failing} failing",
    },
    "comparison.plans": {"zh": "下级规划", "en": "Plans"},
    "comparison.column.child": {"zh": "本级规划", "en": "child"},
    "comparison.column.child_plan": {"zh": "规划名称", "en": "plan"},
    "comparison.column.failing": {"zh": "不合要求", "en": "failing"},
    "comparison.yes": {"zh": "是", "en": "yes"},
    "comparison.no": {"zh": "否", "en": "no"},
    # across plan periods (psplan compare OLD NEW, the new plan's `previous` links)
    "lineage.title": {
        "zh": "{old} → {new}：指标衔接",
        "en": "{old} → {new}: indicators across periods",
    },
    "lineage.table": {"zh": "指标衔接", "en": "Indicators across periods"},
    "lineage.fate.same": {"zh": "延续", "en": "continued"},
    "lineage.fate.renamed": {"zh": "更名", "en": "renamed"},
    "lineage.fate.replaced": {"zh": "被替代", "en": "replaced"},
    "lineage.fate.dropped": {"zh": "删除", "en": "dropped"},
    "lineage.fate.new": {"zh": "新增", "en": "new"},
    "lineage.column.fate": {"zh": "衔接", "en": "fate"},
    "lineage.column.old_id": {"zh": "原指标代码", "en": "old id"},
    "lineage.column.old": {"zh": "原指标", "en": "old indicator"},
    "lineage.column.new_id": {"zh": "新指标代码", "en": "new id"},
    "lineage.column.new": {"zh": "新指标", "en": "new indicator"},
    # the commitments of the text the two plans share (same subject and unit)
    "comparison.commitments": {
        "zh": "规划文本中的量化承诺：与上级规划对应{count}项，其中低于上级{weaker}项",
        "en": "Commitments in the text: {count} match the parent's, {weaker} of them weaker",
    },
    "comparison.commitments.table": {"zh": "对应的量化承诺", "en": "Matching commitments"},
    "comparison.commitment.child": "comparison.column.child_id",
    "comparison.commitment.subject": "assessment.column.commitment",
    "comparison.commitment.child_target": "comparison.column.child_target",
    "comparison.commitment.parent": "comparison.column.parent_id",
    "comparison.commitment.parent_target": "comparison.column.parent_target",
    "comparison.commitment.verdict": {"zh": "比较", "en": "verdict"},
    "comparison.commitment.reason": "assessment.column.reason",
    # the notes `psplan init` writes into a draft plan, in the command's language
    "init.note.drafted": {
        "zh": "由 `psplan init` 根据规划 {plan}（{start}—{end}年）和 {files} 的数据起草："
        "每个基期值是{plan} 规划全域{end}年的数（或此前最近一年的数，并注明年份）。"
        "目标值由规划编制人员填写；`psplan validate --strict` 列出尚无目标值的指标。",
        "en": "Drafted by `psplan init` from plan {plan} ({start}–{end}) and the figures of "
        "{files}: each baseline is the {end} figure of {plan}'s own area (or the latest before "
        "it, with its year). Targets are the planner's to fill in; `psplan validate --strict` "
        "lists the rows still without one.",
    },
    "init.note.no_parent": {
        "zh": "未填 parent 和 maps_to：新一期的上级规划不在内置规划中。",
        "en": "No parent and no maps_to: the parent plan of the new period is not bundled.",
    },
    "compare.other_period": {
        "zh": "上级规划{parent}为{parent_period}年，{child}为{child_period}年：不是同一规划期，"
        "上级的目标不是这一期的下限，以下对照仅供参考",
        "en": "the parent plan {parent} is for {parent_period} and {child} for {child_period}: "
        "not the same period, so the parent's targets are no floor for these; the comparison "
        "below is for reference only",
    },
    "draft.header": {
        "zh": "规划文件草案，由 `{command}` 生成。\n"
        "请逐行对照正式印发的规划核对，补齐缺少的内容（目标值、编号、说明），\n"
        "然后删除 `draft: true`（`psplan validate --strict` 列出尚缺的内容）。",
        "en": "A DRAFT plan file, written by `{command}`.\n"
        "Check every row against the plan as published, fill in what is missing (targets,\n"
        "ids, notes), then remove `draft: true` (`psplan validate --strict` lists what is\n"
        "still missing).",
    },
    "init.bad_id": {
        "zh": "新规划的编号{id}只能用英文字母、数字和 _ . -，且以字母开头（如 hanzhong-15）",
        "en": "the new plan's id {id} may only hold ASCII letters, digits and _ . -, starting "
        "with a letter (e.g. hanzhong-15)",
    },
    "init.note.no_own_area": {
        "zh": "文件中没有规划 {plan} 全域（{own}）的数据，只有 {regions} 个地区的数据："
        "各指标都没有基期值（基期值取规划全域的期末数）。",
        "en": "No figure of {plan}'s own area ({own}) in the files, which give {regions} "
        "regions' figures: no baseline (a baseline is the own area's final figure).",
    },
    "init.note.no_total": {
        "zh": "上一规划期没有可作起点的累计数（{year}年）。",
        "en": "No total of the previous period to start from ({year}).",
    },
    "init.note.only_text": {
        "zh": "截至{year}年只上报了文字（{last}年为“{text}”），没有数值基期值。",
        "en": "Only text reported up to {year} ('{text}' in {last}): no numeric baseline.",
    },
    "init.note.no_figure": {
        "zh": "截至{year}年没有上报数据，没有基期值。",
        "en": "No figure reported up to {year}: no baseline.",
    },
    "init.note.bound": {
        "zh": "{year}年上报为界值“{text}”，基期值暂取其中的数 {number}：请核实并填写确切数值。",
        "en": "{year}'s figure was reported as the bound '{text}': the baseline takes its number, "
        "{number}, for now; check it and write the exact figure.",
    },
}
