"""Words of the assessment views (`check`, `report`: views/assessment.py; `check --by-region`:
regions_view) and of the formats that draw them (html.py, xlsx.py): titles, column headers,
the summary line, row notes, chart and sheet words.

Statuses, attributes, trend categories and the baseline's provenance are shared labels
(words/labels.py); the plan's own fields (领域, 指标, 单位, 基期值, 目标值, 属性) are
words/plan.py's.
"""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    # the view's title and summary line
    "assessment.title": {
        "zh": "{plan} · {year}年监测报告",
        "en": "{plan} · {year} monitoring report",
    },
    "assessment.title.mid": {
        "zh": "{plan} · 中期评估（{year}年）",
        "en": "{plan} · mid-term evaluation ({year})",
    },
    "assessment.title.final": {
        "zh": "{plan} · 终期评估（{year}年）",
        "en": "{plan} · final evaluation ({year})",
    },
    "assessment.title.previous": {
        "zh": "{plan} · 上一规划期完成情况（{year}年，规划所列）",
        "en": "{plan} · the previous period's completion ({year}, as the plan prints it)",
    },
    "assessment.head": {
        "zh": "{plan} · {year}年 · 共{count}项：",
        "en": "{plan} · {year} · {count} results: ",
    },
    "assessment.count": {"zh": "{label} {count}", "en": "{label} {count}"},
    "assessment.failing": {
        "zh": "；约束性指标滞后或未达标 {count} 项",
        "en": "; binding indicators behind or not met: {count}",
    },
    "assessment.none_failing": {"zh": "；约束性指标无滞后", "en": "; no binding indicator behind"},
    "assessment.outside_period": {
        "zh": "；{year}年不在规划期内（按 --allow-outside-period 判断）",
        "en": "; {year} is outside the plan period (--allow-outside-period)",
    },
    "assessment.source": {"zh": "数据来源：{source}", "en": "Figures from: {source}"},
    "assessment.source.previous": {
        "zh": "数据来源：规划文本所印{table}（第{line}行起）",
        "en": "Figures from: the plan's printed table {table} (from line {line})",
    },
    # the tables
    "assessment.counts": {"zh": "总体情况", "en": "Summary"},
    "assessment.lagging": {"zh": "滞后约束性指标", "en": "Binding behind"},
    # judged in the end year (终期评估): nothing is behind any more, only not met
    "assessment.lagging.ended": {"zh": "未完成约束性指标", "en": "Binding not met"},
    "assessment.results": {"zh": "全部指标", "en": "All indicators"},
    "assessment.trends": {"zh": "趋势", "en": "Trends"},
    "assessment.domains": {"zh": "各领域进度", "en": "Progress by domain"},
    # the columns of the results (domain, indicator, attribute, unit, baseline, target: plan.*)
    "assessment.column.region": "actuals.role.region",
    "assessment.column.actual": {"zh": "实际值", "en": "actual"},
    "assessment.column.year": "actuals.role.year",
    "assessment.column.gap": {"zh": "差距", "en": "gap"},
    "assessment.column.progress": {"zh": "进度", "en": "progress"},
    "assessment.column.share": {"zh": "时间进度", "en": "time elapsed"},
    "assessment.column.expected": {"zh": "应达值", "en": "expected"},
    "assessment.column.status": {"zh": "状态", "en": "status"},
    "assessment.column.trend": {"zh": "趋势", "en": "trend"},
    "assessment.column.reason": {"zh": "说明", "en": "reason"},
    # the commitments beyond the main table (a table of their own)
    "assessment.commitments": {
        "zh": "规划文本中的量化承诺",
        "en": "Commitments in the plan's text",
    },
    "assessment.column.commitment_id": "plan.id",
    "assessment.column.where": {"zh": "章节/专栏", "en": "chapter / box"},
    "assessment.column.commitment": {"zh": "承诺事项", "en": "commitment"},
    "assessment.column.due": {"zh": "到期", "en": "due"},
    "assessment.due.annual": {"zh": "每年", "en": "every year"},
    # the counts by status
    "assessment.column.count": {"zh": "指标数", "en": "indicators"},
    "assessment.column.results": {"zh": "指标×地区数", "en": "indicator × region results"},
    "assessment.column.binding": {"zh": "其中约束性", "en": "binding"},
    # the trends
    "assessment.column.series": {"zh": "序列", "en": "series"},
    "assessment.column.sparkline": {"zh": "走势", "en": "chart"},
    "assessment.column.observed_growth": {"zh": "观测增速", "en": "observed growth"},
    "assessment.column.needed_growth": {"zh": "所需增速", "en": "needed growth"},
    "assessment.column.ratio": {"zh": "比值R", "en": "R"},
    "assessment.column.category": {"zh": "趋势判断", "en": "trend"},
    "assessment.column.projected": {"zh": "期末预测", "en": "projected"},
    "assessment.column.disagreement": {"zh": "说明", "en": "note"},
    # progress by domain
    "assessment.column.judged": {"zh": "有进度数据", "en": "with progress"},
    "assessment.column.mean_progress": {"zh": "平均进度", "en": "mean progress"},
    "assessment.column.lagging": {"zh": "滞后或未达标", "en": "behind or not met"},
    "assessment.domains_note": {
        "zh": "平均进度：该领域有进度数据的指标进度的平均值，单项按 0–100% 计；"
        "时间进度：同一批指标时间进度的平均值。",
        "en": "Mean progress: the mean of the progress of the domain's indicators that have "
        "one, each counted from 0 to 100 %; time elapsed: the mean time share of the same.",
    },
    # what is printed under a row
    "assessment.ratings": {"zh": "评价：{counts}", "en": "Evaluation: {counts}"},
    "assessment.column.rating": {"zh": "评价", "en": "evaluation"},
    "assessment.beyond_figures": {
        "zh": "本次按{year}年评价，但数据最晚到{latest}年：各指标按{latest}年及以前的数据评价，"
        "时间进度按{year}年计。",
        "en": "This is judged as of {year}, but the figures end in {latest}: each indicator is "
        "judged on the figures of {latest} and before, against {year}'s share of the time.",
    },
    "assessment.note.plan": {"zh": "指标说明：{text}", "en": "transcription note: {text}"},
    "assessment.note.override": {"zh": "人工设定：{text}", "en": "override: {text}"},
    "assessment.note.note": {"zh": "上报备注：{text}", "en": "note reported: {text}"},
    "assessment.note.reason": {"zh": "原因分析：{text}", "en": "reason: {text}"},
    "assessment.note.measure": {"zh": "下一步措施：{text}", "en": "measures: {text}"},
    # the trend of a result, named: 趋势正常 · 可望完成
    "assessment.trend": {"zh": "{category} · {outlook}", "en": "{category} · {outlook}"},
    # check --by-region
    "regions.title": {"zh": "{plan} · {year}年 · 分地区", "en": "{plan} · {year} · by region"},
    # an evaluation's, named as its report is (`check --stage final --by-region`: trial 18)
    "regions.title.mid": {
        "zh": "{plan} · 中期评估（{year}年） · 分地区",
        "en": "{plan} · mid-term evaluation ({year}) · by region",
    },
    "regions.title.final": {
        "zh": "{plan} · 终期评估（{year}年） · 分地区",
        "en": "{plan} · final evaluation ({year}) · by region",
    },
    "regions.matrix": {"zh": "各地区指标状态", "en": "Status by region"},
    "regions.spread": {"zh": "地区均等化", "en": "Spread across regions"},
    "regions.column.regions": {"zh": "地区数", "en": "regions"},
    "regions.column.reported": {"zh": "有数值", "en": "reported"},
    "regions.column.min": {"zh": "最小", "en": "min"},
    "regions.column.max": {"zh": "最大", "en": "max"},
    "regions.column.mean": {"zh": "均值", "en": "mean"},
    "regions.column.cv": {"zh": "变异系数", "en": "CV"},
    "regions.column.lagging": {"zh": "滞后地区", "en": "lagging regions"},
    # at the end of the period nothing is behind, only not met (a 终期评估's: trial 18)
    "regions.column.lagging_ended": {"zh": "未完成地区", "en": "regions not met"},
    # the summaries of many regions (views/regions.py)
    "regions.by_domain": {"zh": "各领域分地区情况", "en": "Domains across regions"},
    "regions.lagging_most": {
        "zh": "滞后最多的地区（{regions}个地区中的前{most}个）",
        "en": "The regions lagging most ({most} of {regions})",
    },
    "regions.column.domain": "plan.domain",
    "regions.column.all_good": {
        "zh": "全部达标或进度正常的地区",
        "en": "regions met or on track in all",
    },
    "regions.column.any_lagging": {"zh": "有滞后地区", "en": "regions lagging in any"},
    "regions.column.good_share": {"zh": "达标或进度正常比例", "en": "share met or on track"},
    "regions.column.worst": {"zh": "滞后最多的地区", "en": "lagging most"},
    "regions.column.worst_domains": {"zh": "滞后最多的领域", "en": "domains lagging most"},
    # charts
    "chart.progress": {
        "zh": "各指标进度与时间进度",
        "en": "Progress of each indicator against time elapsed",
    },
    "chart.left_out": {
        "zh": "另有 {count} 项已作出评价但没有进度数据，未列入本图：{names}",
        "en": "{count} more judged without a progress figure, not drawn: {names}",
    },
    "chart.left_out_item": {"zh": "{name}（{status}）", "en": "{name} ({status})"},
    "chart.left_out_more": {"zh": "等（共 {count} 项）", "en": " and others ({count} in all)"},
    "chart.domains": {
        "zh": "各领域平均进度与时间进度",
        "en": "Progress by domain against time elapsed",
    },
    # the HTML page
    "docx.no_cjk_font": {
        "zh": "Word 文档中的图未画出：matplotlib 没有找到含中文字符的字体（如 Noto Sans CJK SC："
        "apt install fonts-noto-cjk；字体装好后仍未找到，请删去 matplotlib 的字体缓存 "
        "~/.cache/matplotlib）；图中的数据照常列在其下的表中",
        "en": "the Word document's charts are not drawn: matplotlib finds no font with the "
        "Chinese characters (such as Noto Sans CJK SC: apt install fonts-noto-cjk; if one is "
        "installed, remove matplotlib's font cache, ~/.cache/matplotlib); each chart's figures "
        "are in the table under it as always",
    },
    "docx.omitted": {
        "zh": "本表超过 {rows} 行，文档中不逐行列出；完整表格请输出 CSV（-o 结果.csv）或 XLSX。",
        "en": "This table has more than {rows} rows, too many to list in a document; the full "
        "table is in the CSV (-o results.csv) or XLSX.",
    },
    "table.omitted": {
        "zh": "本表超过 {rows} 行，文本表格中不逐行列出；完整表格请输出 CSV、JSON 或 XLSX"
        "（-o 结果.csv）",
        "en": "This table has more than {rows} rows, too many to list in a text table; the full "
        "table is in the CSV, JSON or XLSX (-o results.csv)",
    },
    "table.cut_list": {
        "zh": "{text}……\n（共 {items} 个，文本表格中只显示前 {shown} 个；"
        "完整内容请输出 XLSX 或 JSON）",
        "en": "{text}…\n({items} items, the first {shown} shown in a text table; XLSX and "
        "JSON hold all of them)",
    },
    "table.cut": {
        # (not CSV: one table, the status matrix alone of --by-region)
        "zh": "{text}……（共 {chars} 字，文本表格中只显示开头；完整内容请输出 XLSX 或 JSON）",
        "en": "{text}… ({chars} characters, the start shown in a text table; XLSX and JSON "
        "hold all of it)",
    },
    "table.omitted_matrix": {
        "zh": "本表超过 {rows} 行，文本表格中不逐行列出（见上方的分领域和滞后地区汇总）；"
        "完整的地区矩阵请输出 CSV 或 XLSX（--by-region -o 矩阵.csv）",
        "en": "This table has more than {rows} rows, too many to list in a text table (the "
        "summaries by domain and of the lagging regions are above); the full matrix is in the "
        "CSV or XLSX (--by-region -o matrix.csv)",
    },
    "html.omitted": {
        "zh": "本表超过 {rows} 行，页面中不逐行列出；完整表格请输出 CSV（-o 结果.csv）或 XLSX。",
        "en": "This table has more than {rows} rows, too many to list on a page; the full "
        "table is in the CSV (-o results.csv) or XLSX.",
    },
    "html.bars_omitted": {
        "zh": "超过 {bars} 项，逐项进度条从略；完整数据请输出 XLSX（-o 结果.xlsx）或 CSV。",
        "en": "More than {bars} bars, too many to draw; the full table is in the XLSX "
        "(-o results.xlsx) or CSV.",
    },
    "html.see_matrix": {"zh": "各地区情况见“{title}”热力图。", "en": "See the heat map “{title}”."},
    "html.empty": "common.none",
    # the workbook
    "sheet.summary": {"zh": "汇总", "en": "Summary"},
    "sheet.lagging_regions": {"zh": "滞后最多的地区", "en": "Regions lagging most"},
    "sheet.footer": {"zh": "第 &P 页，共 &N 页", "en": "Page &P of &N"},
}
