"""Words of the trend view (`psplan trend`, `psplan.views.trend`)."""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "trend.title": {"zh": "{plan} · {year}", "en": "{plan} · {year}"},
    "trend.title_outside": {
        "zh": "{plan} · {year}（规划期外）",
        "en": "{plan} · {year} (outside the plan period)",
    },
    "trend.table": {"zh": "指标走势", "en": "Trends"},
    # the columns, by their keys (the JSON's where it has one)
    "trend.column.id": {"zh": "编号", "en": "id"},
    "trend.column.indicator": {"zh": "指标", "en": "indicator"},
    "trend.column.region": {"zh": "地区", "en": "region"},
    "trend.column.status": {"zh": "状态", "en": "status"},
    "trend.column.baseline": {"zh": "基期值", "en": "baseline"},
    "trend.column.series": {"zh": "数据序列", "en": "series"},
    "trend.column.chart": {"zh": "走势", "en": "chart"},
    "trend.column.expected": {"zh": "时序进度应达", "en": "expected path"},
    "trend.column.change": {"zh": "年均变化", "en": "change per year"},
    "trend.column.observed_growth": {"zh": "观测增速", "en": "observed growth"},
    "trend.column.needed_growth": {"zh": "所需增速", "en": "needed growth"},
    "trend.column.ratio": {"zh": "比值R", "en": "R"},
    "trend.column.trend": {"zh": "趋势判断", "en": "trend"},
    "trend.column.projected": {"zh": "期末预测", "en": "projected"},
    "trend.column.note": {"zh": "说明", "en": "note"},
    # a series: "2021: 5.56 · 2022: 10.81"
    "trend.point": {"zh": "{year}: {value}", "en": "{year}: {value}"},
    "trend.points_sep": {"zh": " · ", "en": " · "},
    "trend.no_trend": {
        "zh": "仅有{count}个数据且无基期值，无法判断趋势",
        "en": "{count} figure(s) and no baseline: no trend can be computed",
    },
}
