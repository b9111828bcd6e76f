"""The annual monitoring report as one self-contained HTML file.

No network requests: CSS is inline, charts are inline SVG, fonts are the system's CJK fonts.
Prints on A4. Every string that came from a user's file is escaped, bidi and other control
characters shown as <U+XXXX> (`psplan.formats.escape.html_text`).
"""

from __future__ import annotations

from collections import Counter

from psplan.assess.assessment import Assessment, Result, explain_disagreement
from psplan.assess.regions import spreads
from psplan.assess.trends import sparkline
from psplan.formats.cells import (
    STATUS_LABELS,
    number,
    percent,
    result_cells,
    row_notes,
    trend_text,
)
from psplan.formats.escape import html_text as escape
from psplan.formats.report import column_headers, summary_line

Report = Assessment

STATUS_COLOURS = {
    "met": "#2e7d32",
    "on_track": "#0277bd",
    "behind": "#ef6c00",
    "not_met": "#c62828",
    "no_data": "#9e9e9e",
    "needs_review": "#6a1b9a",
}

CSS = """
@page { size: A4; margin: 15mm 12mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei",
       "WenQuanYi Micro Hei", "Hiragino Sans GB", sans-serif; color: #222; margin: 0 auto;
       max-width: 190mm; font-size: 10.5pt; line-height: 1.5; }
h1 { font-size: 17pt; margin: 0.4em 0; } h2 { font-size: 13pt; border-bottom: 2px solid #1f4e79;
     padding-bottom: 2px; margin-top: 1.4em; } h3 { font-size: 11pt; margin: 0.8em 0 0.3em; }
.meta { color: #555; }
table { border-collapse: collapse; width: 100%; margin: 0.4em 0 1em; font-size: 9pt; }
th, td { border: 1px solid #ccc; padding: 3px 5px; text-align: left; vertical-align: top; }
th { background: #1f4e79; color: #fff; }
tr { page-break-inside: avoid; }
.status { color: #fff; padding: 1px 5px; border-radius: 3px; white-space: nowrap; }
.binding { font-weight: bold; }
.cards { display: flex; flex-wrap: wrap; gap: 6px; }
.card { flex: 1 1 25mm; border: 1px solid #ddd; border-radius: 4px; padding: 4px 6px; }
.card b { font-size: 15pt; display: block; }
.spark { font-family: monospace; letter-spacing: -1px; }
svg text { font-family: inherit; }
@media print { h2 { page-break-after: avoid; } .chart { page-break-inside: avoid; } }
"""


def _status(status: str, lang: str) -> str:
    colour = STATUS_COLOURS[status]
    label = escape(STATUS_LABELS[lang][status])
    return f'<span class="status" style="background:{colour}">{label}</span>'


def _num(value: float | str | None) -> str:
    return escape(number(value))


def _cards(report: Report, lang: str) -> str:
    counts = report.summary()
    binding = Counter(r.status for r in report.results if r.indicator.is_binding)
    cards = []
    for status, count in counts.items():
        cards.append(
            f'<div class="card" style="border-left:5px solid {STATUS_COLOURS[status]}">'
            f"{escape(STATUS_LABELS[lang][status])}<b>{count}</b>"
            f"<small>{'约束性' if lang == 'zh' else 'binding'} "
            f"{binding.get(status, 0)}</small></div>"
        )
    return f'<div class="cards">{"".join(cards)}</div>'


def _progress_chart(results: list[Result], lang: str) -> str:
    """Horizontal bars of progress toward target, each with its own time-share mark (时间进度):
    the share the verdict was judged against, which differs where baseline years differ."""
    rows = [r for r in results if r.verdict.progress is not None]
    if not rows:
        return ""
    label_width, bar_width, row_height = 260, 360, 18
    height = row_height * len(rows) + 30
    parts = [
        f'<svg class="chart" role="img" width="100%" '
        f'viewBox="0 0 {label_width + bar_width + 60} {height}" xmlns="http://www.w3.org/2000/svg">'
    ]
    shares = set()
    for index, r in enumerate(rows):
        y = 10 + index * row_height
        progress = max(0.0, min(r.verdict.progress or 0.0, 1.2))
        name = r.indicator.name if r.region is None else f"{r.indicator.name} · {r.region}"
        name = name if len(name) <= 22 else name[:21] + "…"
        parts.append(
            f'<g data-id="{escape(r.indicator.id)}" data-share="{_attr(r.verdict.share)}" '
            f'data-progress="{_attr(r.verdict.progress)}">'
            f'<text x="{label_width - 6}" y="{y + 12}" font-size="10" text-anchor="end">{escape(name)}</text>'
            f'<rect x="{label_width}" y="{y + 2}" width="{bar_width}" height="12" fill="#eee"/>'
            f'<rect x="{label_width}" y="{y + 2}" width="{bar_width * progress / 1.2:.1f}" height="12" '
            f'fill="{STATUS_COLOURS[r.status]}"/>'
            f'<text x="{label_width + bar_width + 4}" y="{y + 12}" font-size="9">'
            f"{percent(r.verdict.progress)}</text>"
        )
        if r.verdict.share is not None:
            shares.add(round(r.verdict.share, 6))
            x = label_width + bar_width * r.verdict.share / 1.2
            parts.append(
                f'<line class="share" x1="{x:.1f}" y1="{y}" x2="{x:.1f}" y2="{y + 16}" '
                f'stroke="#c62828" stroke-dasharray="3 2" stroke-width="1.5"/>'
            )
        parts.append("</g>")
    full = label_width + bar_width / 1.2
    parts.append(
        f'<line x1="{full:.1f}" y1="5" x2="{full:.1f}" y2="{height - 18}" stroke="#333" stroke-width="1"/>'
        f'<text x="{full:.1f}" y="{height - 6}" font-size="9" text-anchor="middle">100%</text>'
    )
    if shares:
        label = "时间进度" if lang == "zh" else "time elapsed"
        shown = "/".join(percent(share) for share in sorted(shares))
        parts.append(
            f'<text x="{label_width}" y="{height - 6}" font-size="9" fill="#c62828">'
            f"┆ {label} {shown}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def _attr(value: float | None) -> str:
    return "" if value is None else f"{value:.6g}"


RESULT_COLUMNS = ("domain", "indicator", "region", "attribute", "unit", "baseline", "target",
                  "actual", "year", "progress", "share", "expected", "status", "reason")  # fmt: skip


def _results_table(report: Report, results: list[Result], lang: str) -> str:
    with_regions = any(r.region for r in results)
    columns = [c for c in RESULT_COLUMNS if with_regions or c != "region"]
    heads = column_headers(tuple(columns), lang)
    body = []
    for r in results:
        cells = result_cells(r, lang)
        shown = {key: escape(text) for key, text in cells.items()}
        shown["status"] = _status(r.status, lang)
        row_class = "binding" if r.indicator.is_binding else ""
        attributes = (
            f'data-id="{escape(r.indicator.id)}" data-region="{escape(r.region or "")}" '
            f'data-status="{r.status}"'
        )
        body.append(
            f'<tr class="{row_class}" {attributes}>'
            + "".join(f'<td data-column="{c}">{shown[c]}</td>' for c in columns)
            + "</tr>"
        )
        extra = row_notes(r, lang)
        if extra:
            note = "<br>".join(escape(line) for line in extra)
            body.append(
                f'<tr class="note"><td colspan="{len(columns)}"><small>{note}</small></td></tr>'
            )
    head = "".join(f"<th>{h}</th>" for h in heads)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _trends_table(report: Report, lang: str) -> str:
    """The trend view beside the status it may disagree with, and why when it does."""
    rows = [r for r in report.results if r.trend is not None]
    if not rows:
        return ""
    heads = (
        ("指标", "地区", "状态", "序列", "走势", "趋势判断", "期末预测", "说明")
        if lang == "zh"
        else ("indicator", "region", "status", "series", "chart", "trend", "projected", "note")
    )
    body = "".join(
        "<tr>"
        f"<td>{escape(r.indicator.name)}</td><td>{escape(r.region or '')}</td>"
        f"<td>{_status(r.status, lang)}</td>"
        f"<td>{escape(' '.join(f'{y}:{number(v)}' for y, v in r.trend.points))}</td>"
        f'<td class="spark">{sparkline([v for _, v in r.trend.points])}</td>'
        f"<td>{escape(trend_text(r, lang))}</td>"
        f"<td>{number(r.trend.projected)}</td>"
        f"<td>{escape(explain_disagreement(r, lang))}</td></tr>"
        for r in rows
        if r.trend is not None
    )
    head = "".join(f"<th>{h}</th>" for h in heads)
    title = "趋势与预测" if lang == "zh" else "Trends and projections"
    return f"<h2>{title}</h2><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _regions_table(report: Report, lang: str) -> str:
    if len([r for r in report.regions if r]) < 2:
        return ""
    heads = (
        ("指标", "地区数", "最小", "最大", "均值", "变异系数", "滞后地区")
        if lang == "zh"
        else ("indicator", "regions", "min", "max", "mean", "CV", "lagging")
    )
    body = "".join(
        f"<tr><td>{escape(s.name)}</td><td>{s.regions}</td><td>{_num(s.minimum)}</td><td>{_num(s.maximum)}</td>"
        f"<td>{_num(s.mean)}</td><td>{'' if s.cv is None else f'{s.cv:.1%}'}</td>"
        f"<td>{escape('、'.join(s.lagging[:8]))}</td></tr>"
        for s in spreads(report)
    )
    head = "".join(f"<th>{h}</th>" for h in heads)
    title = "地区均等化" if lang == "zh" else "Regions"
    return f"<h2>{title}</h2><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def render_html(report: Report, lang: str = "zh") -> str:
    plan = report.plan
    zh = lang == "zh"
    lagging = [
        r for r in report.results if r.indicator.is_binding and r.status in ("behind", "not_met")
    ]
    sections = [
        f"<h1>{escape(plan.name)} · {report.year}{'年监测报告' if zh else ' monitoring report'}</h1>",
        f'<p class="meta">{escape(summary_line(report, lang))}</p>',
        f"<h2>{'总体情况' if zh else 'Summary'}</h2>",
        _cards(report, lang),
    ]
    title = "滞后的约束性指标" if zh else "Binding indicators behind or not met"
    if lagging:
        sections += [f"<h2>{title}</h2>", _results_table(report, lagging, lang)]
    sections.append(f"<h2>{'各领域进度' if zh else 'Progress by domain'}</h2>")
    for domain in plan.domains:
        in_domain = [r for r in report.results if r.indicator.domain == domain]
        chart = _progress_chart(in_domain, lang)
        if chart:
            sections += [f"<h3>{escape(domain)}</h3>", chart]
    sections += [
        f"<h2>{'全部指标' if zh else 'All indicators'}</h2>",
        _results_table(report, report.results, lang),
        _trends_table(report, lang),
        _regions_table(report, lang),
        f'<p class="meta">psplan · {escape(report.source)}</p>',
    ]
    html_lang = "zh-CN" if zh else "en"
    return (
        f'<!DOCTYPE html>\n<html lang="{html_lang}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(plan.name)} {report.year}</title><style>{CSS}</style></head>"
        f"<body>{''.join(sections)}</body></html>\n"
    )
