"""Labels every view shares: statuses, attributes, trend categories, the baseline's
provenance. Labels of one view live in that view's section (`words/<view>.py`)."""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    # the status of a result (evaluate.judge)
    "status.met": {"zh": "已达标", "en": "met"},
    "status.on_track": {"zh": "进度正常", "en": "on track"},
    "status.behind": {"zh": "进度滞后", "en": "behind"},
    "status.not_met": {"zh": "未达标", "en": "not met"},
    "status.no_data": {"zh": "无数据", "en": "no data"},
    "status.needs_review": {"zh": "需人工核实", "en": "needs review"},
    # the evaluation report's words for a result (assess/rating.py)
    "rating.achieved_early": {"zh": "提前实现", "en": "achieved early"},
    "rating.ahead": {"zh": "快于预期", "en": "ahead of schedule"},
    "rating.as_expected": {"zh": "基本符合预期", "en": "broadly as expected"},
    "rating.behind": {"zh": "滞后", "en": "behind schedule"},
    "rating.completed": {"zh": "完成", "en": "completed"},
    "rating.not_completed": {"zh": "未完成", "en": "not completed"},
    # an indicator's attribute as the plans print it
    "attribute.binding": {"zh": "约束性", "en": "binding"},
    "attribute.expected": {"zh": "预期性", "en": "expected"},
    # the trend view (assess.trends)
    "category.achieved": {"zh": "已实现", "en": "achieved"},
    "category.on_track": {"zh": "趋势正常", "en": "on track"},
    "category.acceleration_needed": {"zh": "需加快", "en": "acceleration needed"},
    "category.limited_progress": {"zh": "进展有限", "en": "limited progress"},
    "category.deterioration": {"zh": "趋势恶化", "en": "deterioration"},
    "category.missed": {"zh": "未实现", "en": "missed"},
    "outlook.likely": {"zh": "可望完成", "en": "likely met"},
    "outlook.unlikely": {"zh": "完成难度较大", "en": "likely missed"},
    # where a baseline not printed by the plan came from
    "baseline.sheet": {"zh": "{value}（填报基期值）", "en": "{value} (collection sheet)"},
    "baseline.reported": {"zh": "{value}（{year}年上报）", "en": "{value} (reported for {year})"},
    # the plan's printed baseline, its whole area's, for a county giving none of its own
    "baseline.plan_area": {"zh": "{value}（全域基期值）", "en": "{value} (the whole area's)"},
    "baseline.first_reported": {
        "zh": "{value}（{year}年上报，首个数据）",
        "en": "{value} (first reported, {year})",
    },
    "baseline.zero": {"zh": "0（累计起点）", "en": "0 (totals start at 0)"},
    "baseline.zero_printed": {
        "zh": "{printed}（本期累计从0起算）",
        "en": "{printed} (this period's total starts at 0)",
    },
    # the unit of a difference of a % indicator (a gap, a change per year): 0.3个百分点
    "unit.points": {"zh": "个百分点", "en": " pp"},
    # punctuation that differs between the languages
    "sep.list": {"zh": "、", "en": ", "},
    "sep.clause": {"zh": "，", "en": ", "},
    "sep.reasons": {"zh": "；", "en": "; "},
    "sep.colon": {"zh": "：", "en": ": "},
    # the formats' own words (formats/table.py, markdown.py, csv.py)
    # A status in a region × indicator matrix: one character each, of narrow width in every
    # terminal (East Asian Width N/Na: ○ ▲ · are "ambiguous" and two cells wide in a Chinese
    # console, which would shift every border after them).
    "format.glyph.met": {"zh": "✓", "en": "✓"},
    "format.glyph.on_track": {"zh": "◦", "en": "◦"},
    "format.glyph.behind": {"zh": "▴", "en": "▴"},
    "format.glyph.not_met": {"zh": "✗", "en": "✗"},
    "format.glyph.no_data": {"zh": "-", "en": "-"},
    "format.glyph.needs_review": {"zh": "?", "en": "?"},
    "format.legend": {"zh": "图例：{items}", "en": "Legend: {items}"},
    # the CSV's column of a status's code (next to its label); a row's notes (CSV, records)
    "format.csv.code": {"zh": "{label}代码", "en": "{key}_code"},
    "format.notes": {"zh": "备注", "en": "notes"},
    "format.none": {"zh": "（无）", "en": "(none)"},
    # a chart written to Word as a table of its bars (formats/docx.py)
    "docx.chart.label": {"zh": "项目", "en": "item"},
    "docx.chart.progress": "assessment.column.progress",
    "docx.chart.share": "assessment.column.share",
    # the fonts of a Word report (formats/docx.py), as Chinese official documents name them
    # (GB/T 9704): font names, the same in both languages, kept here with every other CJK text
    "docx.font.title": {"zh": "方正小标宋简体", "en": "方正小标宋简体"},
    "docx.font.heading1": {"zh": "黑体", "en": "黑体"},
    "docx.font.heading2": {"zh": "楷体_GB2312", "en": "楷体_GB2312"},
    "docx.font.body": {"zh": "仿宋_GB2312", "en": "仿宋_GB2312"},
    # (a text file is laid out as a terminal is, so the line names the width, not a terminal;
    # a no-break space keeps -o with its file name)
    "format.left_out": {
        "zh": "按 {width} 列宽排版，未显示：{columns}（可加宽，如 COLUMNS={wider}；全部列见 CSV、"
        "XLSX，如 -o\u00a0报告.xlsx）",
        "en": "laid out {width} columns wide, left out: {columns} (wider: e.g. COLUMNS={wider}; "
        "every column: CSV, XLSX, e.g. -o\u00a0r.xlsx)",
    },
}
