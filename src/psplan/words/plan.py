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
    "plan.title": {
        "zh": "{name}（{start}—{end}年）· {count}项指标",
        "en": "{name} ({start}–{end}) · {count} indicators",
    },
}
