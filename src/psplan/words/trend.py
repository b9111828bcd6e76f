"""Words of the trend view (`psplan trend`, `psplan.views.trend`)."""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "trend.title": {"zh": "{plan} · {year}年趋势", "en": "{plan} · trends to {year}"},
    "trend.title_outside": {
        "zh": "{plan} · {year}年趋势（规划期外）",
        "en": "{plan} · trends to {year} (outside the plan period)",
    },
    "trend.table": {"zh": "指标走势", "en": "Trends"},
    # the columns, by their keys (the JSON's where it has one)
    "trend.column.id": "plan.id",
    "trend.column.indicator": "plan.indicator",
    "trend.column.region": "actuals.role.region",
    "trend.column.status": "assessment.column.status",
    "trend.column.baseline": "plan.baseline",
    "trend.column.series": {"zh": "数据序列", "en": "series"},
    "trend.column.chart": "assessment.column.sparkline",
    "trend.column.expected": "assessment.column.expected",
    "trend.column.change": {"zh": "年均变化", "en": "change per year"},
    "trend.column.observed_growth": "assessment.column.observed_growth",
    "trend.column.needed_growth": "assessment.column.needed_growth",
    "trend.column.ratio": "assessment.column.ratio",
    "trend.column.trend": "assessment.column.category",
    "trend.column.projected": "assessment.column.projected",
    "trend.column.note": "assessment.column.disagreement",
    # a series: "2021: 5.56 · 2022: 10.81"
    "trend.point": {"zh": "{year}: {value}", "en": "{year}: {value}"},
    "trend.points_sep": {"zh": " · ", "en": " · "},
    "trend.too_few": {
        "zh": "基期年以来仅有{count}个数据，无法判断趋势",
        "en": "{count} figure(s) since the baseline year: no trend can be computed",
    },
    "trend.no_trend": {
        "zh": "仅有{count}个数据且无基期值，无法判断趋势",
        "en": "{count} figure(s) and no baseline: no trend can be computed",
    },
}
