"""How one result's fields read in a report: the single place that turns the assessment's
numbers into the text every human-readable format shows (table, markdown, html, xlsx).

Nothing here decides anything: it only words what `evaluate` decided.
"""

from __future__ import annotations

from psplan.assess.assessment import Result
from psplan.assess.trends import CATEGORY_LABELS
from psplan.plan.model import ATTRIBUTE_LABELS

STATUS_LABELS = {
    "zh": {
        "met": "已达标",
        "on_track": "进度正常",
        "behind": "进度滞后",
        "not_met": "未达标",
        "no_data": "无数据",
        "needs_review": "需人工核实",
    },
    "en": {
        "met": "met",
        "on_track": "on track",
        "behind": "behind",
        "not_met": "not met",
        "no_data": "no data",
        "needs_review": "needs review",
    },
}
ATTRIBUTE_EN = {"binding": "binding", "expected": "expected"}
OUTLOOK = {
    "zh": {True: "可望完成", False: "完成难度较大"},
    "en": {True: "likely met", False: "likely missed"},
}
BASELINE_NOTES = {
    "zh": {
        "sheet": "{value}（填报基期值）",
        "reported": "{value}（{year}年上报）",
        "first_reported": "{value}（{year}年上报，首个数据）",
        "zero": "0（累计起点）",
    },
    "en": {
        "sheet": "{value} (collection sheet)",
        "reported": "{value} (reported for {year})",
        "first_reported": "{value} (first reported, {year})",
        "zero": "0 (totals start at 0)",
    },
}


def number(value: float | str | None) -> str:
    """A figure without float noise (0.1 + 0.2 reads 0.3) and never "-0"."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    rounded = round(value, 4) + 0.0
    return f"{rounded:g}" if abs(rounded) < 1e15 else str(value)


def percent(value: float | None) -> str:
    """A share as a whole percentage; under 1 % with one decimal (−0.4 %, so a slight step
    back is not shown as 0 %); never "-0%".

    Halves round away from zero (0.625 → 63%), as Excel and LibreOffice show the same number
    in the XLSX report: every format must read the same.
    """
    if value is None:
        return ""
    hundred = value * 100
    if 0.05 <= abs(hundred) < 0.95:
        return f"{_half_up(hundred, 1) + 0.0:.1f}%"
    return f"{int(_half_up(hundred, 0)) + 0:d}%"


def _half_up(number: float, digits: int) -> float:
    """Round halves away from zero (Python's round() rounds them to even)."""
    from decimal import ROUND_HALF_UP, Decimal

    quantum = Decimal(1).scaleb(-digits)
    # repr() first: 0.625 is exactly 0.625, while 62.50000000000001 stays what it is.
    return float(Decimal(repr(number)).quantize(quantum, rounding=ROUND_HALF_UP))


def baseline_text(result: Result, lang: str = "zh") -> str:
    """The baseline used, as printed by the plan or with where it came from."""
    baseline = result.verdict.baseline
    if baseline.source in ("plan", "none"):
        return result.indicator.baseline.raw
    return BASELINE_NOTES[lang][baseline.source].format(
        value=number(baseline.value), year=baseline.year
    )


def attribute_text(result: Result, lang: str = "zh") -> str:
    indicator = result.indicator
    if indicator.attribute_printed:
        return indicator.attribute_printed
    if lang == "zh":
        return ATTRIBUTE_LABELS[indicator.attribute]
    return ATTRIBUTE_EN[indicator.attribute]


def trend_text(result: Result, lang: str = "zh") -> str:
    """The trend category and the outlook, named, e.g. 趋势正常 · 可望完成."""
    trend = result.trend
    if trend is None or trend.category is None:
        return ""
    return f"{CATEGORY_LABELS[lang][trend.category]} · {OUTLOOK[lang][trend.likely_met]}"


def result_cells(result: Result, lang: str = "zh") -> dict[str, str]:
    """Every column a report can show for one result, worded for people."""
    verdict = result.verdict
    indicator = result.indicator
    return {
        "domain": indicator.domain,
        "indicator": indicator.name,
        "region": result.region or "",
        "attribute": attribute_text(result, lang),
        "unit": indicator.unit or "",
        "baseline": baseline_text(result, lang),
        "target": indicator.target.raw,
        "actual": number(verdict.actual),
        "year": str(verdict.actual_year or ""),
        "gap": number(verdict.gap),
        "progress": percent(verdict.progress),
        "share": percent(verdict.share),
        "expected": number(verdict.expected),
        "status": STATUS_LABELS[lang][verdict.status],
        "trend": trend_text(result, lang),
        "reason": verdict.reason(lang),
    }


def row_notes(result: Result, lang: str = "zh") -> list[str]:
    """What a report prints under a row: the plan's notes on it, an override applied, and
    the departments' 原因分析 / 下一步措施 from the collection sheet."""
    lines = [" ".join(note.split()) for note in result.notes]
    if result.override:
        lines.append(("覆盖设置：" if lang == "zh" else "override: ") + result.override)
    labels = ("原因分析", "下一步措施") if lang == "zh" else ("reason", "measures")
    for key, label in zip(("reason", "measure"), labels, strict=True):
        if result.remarks.get(key):
            lines.append(f"{label}：{result.remarks[key]}")
    return lines
