"""Words of `psplan show` (the plan view) and the plan's own fields."""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "plan.id": {"zh": "编号", "en": "id"},
    "plan.domain": {"zh": "领域", "en": "domain"},
    "plan.indicator": {"zh": "指标", "en": "indicator"},
    "plan.unit": {"zh": "单位", "en": "unit"},
    "plan.baseline": {"zh": "基期值", "en": "baseline"},
    "plan.target": {"zh": "目标值", "en": "target"},
    "plan.attribute": {"zh": "属性", "en": "attribute"},
    "plan.table": {"zh": "指标", "en": "Indicators"},
    # show --commitments: the promises of the text and 专栏 boxes
    "plan.commitments.title": {
        "zh": "{name} · 规划文本中的量化承诺{count}项",
        "en": "{name} · {count} commitments in the text",
    },
    "plan.commitments.table": {"zh": "量化承诺", "en": "Commitments"},
    "plan.commitments.by_chapter": {"zh": "{chapter}：{count}项", "en": "{chapter}: {count}"},
    "plan.chapter": {"zh": "章节", "en": "chapter"},
    "plan.box": {"zh": "专栏", "en": "box"},
    "plan.subject": "assessment.column.commitment",
    "plan.due": "assessment.column.due",
    "plan.line": {"zh": "原文行号", "en": "line"},
    "plan.clause": {"zh": "原文", "en": "clause"},
    "plan.title": {
        "zh": "{name}（{start}—{end}年）· {count}项指标",
        "en": "{name} ({start}–{end}) · {count} indicators",
    },
}
