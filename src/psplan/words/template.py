"""Words of the collection template (`psplan template`, `psplan.views.template`).

The sheet's header is its format, not a label: the reader (`psplan.actuals.read`) recognises
these very words when a filled sheet comes back, so they are the same in both languages and
the reader takes them from here. The instructions are written in both languages at once (a
Chinese line, then its English one), as departments and their IT staff both read them.
"""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    # the header, in the order the sheet has it (the years go between lead and reason)
    "template.column.id": {"zh": "id", "en": "id"},
    "template.column.region": {"zh": "地区", "en": "地区"},
    "template.column.domain": {"zh": "领域", "en": "领域"},
    "template.column.name": {"zh": "指标", "en": "指标"},
    "template.column.unit": {"zh": "单位", "en": "单位"},
    "template.column.attribute": {"zh": "属性", "en": "属性"},
    "template.column.target": {"zh": "目标值", "en": "目标值"},
    "template.column.baseline": "actuals.role.baseline",
    "template.column.lead": {"zh": "牵头部门", "en": "牵头部门"},
    "template.column.reason": "actuals.role.reason",
    "template.column.measure": "actuals.role.measure",
    # the workbook
    "template.sheet.data": {"zh": "填报", "en": "填报"},
    "template.sheet.instructions": {"zh": "说明", "en": "说明"},
    # --by-department: a sheet per lead (several departments: the first and how many)
    "template.sheet.departments": {"zh": "{first}等{count}个部门", "en": "{first}等{count}个部门"},
    "template.sheet.no_lead": {"zh": "未明确牵头部门", "en": "未明确牵头部门"},
    "template.sheet.commitments": {"zh": "规划文本中的量化承诺", "en": "规划文本中的量化承诺"},
    "template.hint.title": {"zh": "填写实际值", "en": "Actual figure"},
    "template.hint.prompt": {
        "zh": "数值（可带 % 或 ‰）、[累计数]，或 应保尽保/是/否；无数据留空",
        "en": "A number (with % or ‰ if you like), [a running total], or 应保尽保/是/否; "
        "leave empty when there is none",
    },
    # the instructions sheet: each entry is a Chinese line and its English one (numbered
    # and indented by the sheet); the last lines hold both, "填好后运行 / Then run: …"
    "template.instructions.title": {"zh": "填报说明", "en": "How to fill in"},
    "template.instructions.1": {
        "zh": "每行一个指标（和地区），在年份列中填写该年实际值；不要修改 id 列。",
        "en": "One row per indicator (and region): write each year's actual figure in its year "
        "column; keep the id column.",
    },
    "template.instructions.2": {
        "zh": "数值可带 % 或 ‰ 或指标的单位（如 2.05㎡、78.6岁），可用千分位逗号；"
        "五年累计数可写作 [24.54]。",
        "en": "Numbers may carry % or ‰ or the indicator's unit (2.05㎡, 78.6岁) and thousands "
        "separators; a five-year running total may be written [24.54].",
    },
    "template.instructions.3": {
        "zh": "定性指标（如 应保尽保）填写 应保尽保 / 是 / 否。",
        "en": "Qualitative targets (应保尽保): write 应保尽保 / 是 / 否.",
    },
    "template.instructions.4": {
        "zh": "无数据留空，或填 — / NA。",
        "en": "Leave a cell empty, or write — / NA, when there is no figure.",
    },
    "template.instructions.5": {
        "zh": "基期值已按规划填好；如统计口径调整，可改为核实后的基期值。",
        "en": "The 基期值 (baseline) column is filled in from the plan; correct it if the "
        "figure was revised.",
    },
    "template.instructions.counties": {
        "zh": "县区行的基期值列为空：规划印的基期值是本级全域（全市）的，请填本地区核实后的基期值；"
        "不填则按规划的全域基期值计算，并在报告中注明。",
        "en": "A county's rows leave the 基期值 column empty: the plan prints its whole area's "
        "baseline (the city's); give the county's own, or leave it empty and the plan's is "
        "used, as the report says.",
    },
    "template.instructions.5.some": {
        "zh": "规划印有基期值的已填好（如统计口径调整，可改为核实后的基期值）；规划未印的留空，"
        "可填核实后的基期值，不填则以首个上报数据为基期。",
        "en": "The 基期值 (baseline) column is filled in where the plan prints one (correct it if "
        "the figure was revised); elsewhere it is empty: give the checked baseline, or leave "
        "it empty and the first figure reported is the baseline.",
    },
    "template.instructions.5.none": {
        "zh": "本规划未印基期值，基期值列为空：可填核实后的基期值，不填则以首个上报数据为基期。",
        "en": "This plan prints no baselines, so the 基期值 (baseline) column is empty: give the "
        "checked baseline, or leave it empty and the first figure reported is the baseline.",
    },
    "template.instructions.6": {
        "zh": "指标进度滞后或未达标的，请在 原因分析 列说明原因，在 下一步措施 列写明措施。",
        "en": "Where an indicator lags or misses its target, explain why in 原因分析 and what "
        "will be done in 下一步措施.",
    },
    "template.instructions.run": {"zh": "填好后运行", "en": "Then run"},
    "template.instructions.file": {"zh": "本文件", "en": "本文件"},
    "template.instructions.plan": {"zh": "规划", "en": "plan"},
}
