"""`psplan compare` output in each format (the JSON shape is a contract: add keys, rename none)."""

from __future__ import annotations

from typing import Any

from psplan.comparison.compare import VERDICTS, Comparison, IndicatorComparison
from psplan.formats.escape import markdown_line, to_json, visible

VERDICT_LABELS = {
    "zh": {
        "missing": "缺失",
        "weaker": "低于上级",
        "downgraded": "属性降级",
        "not_comparable": "不可比",
        "equal": "持平",
        "stronger": "高于上级",
        "local": "本地指标",
    },
    "en": {
        v: v.replace("_", " ")
        for v in ("missing", "weaker", "downgraded", "not_comparable", "equal", "stronger", "local")
    },
}
VERDICT_STYLES = {
    "missing": "bold red",
    "weaker": "red",
    "downgraded": "yellow",
    "not_comparable": "magenta",
    "equal": "green",
    "stronger": "green",
    "local": "dim",
}
HEADERS = {
    "zh": ("领域", "上级指标", "上级目标", "本级指标", "本级目标", "结论", "说明"),
    "en": (
        "domain",
        "parent indicator",
        "parent target",
        "child indicator",
        "child target",
        "verdict",
        "reason",
    ),
}


def _row_dict(row: IndicatorComparison, lang: str = "zh") -> dict[str, Any]:
    return {
        "parent_id": row.parent.id if row.parent else None,
        "child_id": row.child.id if row.child else None,
        "name": (row.parent or row.child).name,  # type: ignore[union-attr]
        "verdict": row.verdict,
        "parent_target": row.parent.target.raw if row.parent else None,
        "child_target": row.child.target.raw if row.child else None,
        "reason": row.reason(lang),
        "binding": bool(row.parent and row.parent.is_binding),
        "downgraded": row.downgraded,
        "child_name": row.child.name if row.child else None,
    }


def comparison_dict(comparison: Comparison, lang: str = "zh") -> dict[str, Any]:
    catalogue = comparison.catalogue

    def item(entry: Any) -> dict[str, Any]:
        return {"id": entry.id, "domain": entry.domain, "name": entry.name}

    return {
        "parent": comparison.parent.id,
        "child": comparison.child.id,
        "indicators": [_row_dict(row, lang) for row in comparison.indicators],
        "catalogue": {
            "covered": [
                {**item(parent), "child_id": child.id, "child_name": child.name}
                for parent, child in catalogue.covered
            ],
            "missing": [item(entry) for entry in catalogue.missing],
            "waived": [{**item(entry), "reason": reason} for entry, reason in catalogue.waived],
            "extra": [item(entry) for entry in catalogue.extra],
            "per_domain": catalogue.per_domain(),
        },
        "summary": comparison.summary(),
        "failing": comparison.failing,
    }


def _rows(comparison: Comparison, lang: str) -> list[tuple[str, ...]]:
    labels = VERDICT_LABELS[lang]
    rows = []
    for row in comparison.indicators:
        parent, child = row.parent, row.child
        domain = (parent or child).domain  # type: ignore[union-attr]
        parent_name = ("★" if parent and parent.is_binding else "") + (
            parent.name if parent else ""
        )
        rows.append(
            (
                domain,
                parent_name,
                parent.target.raw if parent else "",
                child.name if child else "",
                child.target.raw if child else "",
                labels[row.verdict],
                row.reason(lang),
            )
        )
    return rows


def _catalogue_lines(comparison: Comparison, lang: str) -> list[str]:
    catalogue = comparison.catalogue
    zh = lang == "zh"
    lines = [
        (
            f"服务清单：覆盖 {len(catalogue.covered)} 项，缺失 {len(catalogue.missing)} 项，"
            f"豁免 {len(catalogue.waived)} 项，本级新增 {len(catalogue.extra)} 项"
        )
        if zh
        else (
            f"Catalogue: {len(catalogue.covered)} covered, {len(catalogue.missing)} missing, "
            f"{len(catalogue.waived)} waived, {len(catalogue.extra)} extra"
        )
    ]
    for entry in catalogue.missing:
        lines.append(f"- {'缺失' if zh else 'missing'}: {entry.domain} · {entry.name} ({entry.id})")
    for entry, reason in catalogue.waived:
        lines.append(
            f"- {'豁免' if zh else 'waived'}: {entry.domain} · {entry.name} ({entry.id}): {reason}"
        )
    for entry in catalogue.extra:
        lines.append(f"- {'新增' if zh else 'extra'}: {entry.domain} · {entry.name} ({entry.id})")
    return lines


def title(comparison: Comparison, lang: str) -> str:
    summary = comparison.summary()
    labels = VERDICT_LABELS[lang]
    counts = "，".join(f"{labels[v]} {summary[v]}" for v in VERDICT_LABELS[lang] if summary[v])
    return f"{comparison.child.name} vs {comparison.parent.name}: {counts}"


#: The CSV columns: the verdict in words and its code, one row per indicator, then one per
#: catalogue item (verdict catalogue_covered…); Chinese names with --lang zh (see report.py).
CSV_COLUMNS = (
    "parent_id", "child_id", "name", "child_name", "verdict_label", "verdict", "binding",
    "downgraded", "parent_target", "child_target", "reason",
)  # fmt: skip
CSV_HEADERS_ZH = {
    "parent_id": "上级编号", "child_id": "本级编号", "name": "上级指标", "child_name": "本级指标",
    "verdict_label": "结论", "verdict": "结论代码", "binding": "约束性", "downgraded": "属性降级",
    "parent_target": "上级目标", "child_target": "本级目标", "reason": "说明",
}  # fmt: skip
CATALOGUE_LABELS = {
    "zh": {
        "catalogue_covered": "清单已覆盖", "catalogue_missing": "清单缺失",
        "catalogue_waived": "清单豁免", "catalogue_extra": "本级新增清单项",
    },
    "en": {
        "catalogue_covered": "catalogue covered", "catalogue_missing": "catalogue missing",
        "catalogue_waived": "catalogue waived", "catalogue_extra": "catalogue extra",
    },
}  # fmt: skip
SUMMARY_HEADERS_ZH = {
    "child": "本级规划", **{v: VERDICT_LABELS["zh"][v] for v in VERDICTS},
    "catalogue_covered": "清单已覆盖", "catalogue_missing": "清单缺失",
    "catalogue_extra": "本级新增清单项", "failing": "不合要求",
}  # fmt: skip


def _flag(value: bool, lang: str) -> object:
    return ("是" if value else "否") if lang == "zh" else value


def csv_rows(comparison: Comparison, lang: str = "zh") -> list[list[object]]:
    labels = {**VERDICT_LABELS[lang], **CATALOGUE_LABELS[lang]}
    rows = []
    for row in comparison.indicators:
        data = _row_dict(row, lang)
        data["binding"] = _flag(data["binding"], lang)
        data["downgraded"] = _flag(data["downgraded"], lang)
        data["verdict_label"] = labels[row.verdict]
        rows.append([data[key] for key in CSV_COLUMNS])

    def item(parent_id, child_id, name, child_name, verdict, reason="") -> list[object]:
        return [parent_id, child_id, name, child_name, labels[verdict], verdict,
                "", "", "", "", reason]  # fmt: skip

    catalogue = comparison.catalogue
    for parent, child in catalogue.covered:
        rows.append(item(parent.id, child.id, parent.name, child.name, "catalogue_covered"))
    for entry in catalogue.missing:
        rows.append(item(entry.id, "", entry.name, "", "catalogue_missing"))
    for entry, reason in catalogue.waived:
        rows.append(item(entry.id, "", entry.name, "", "catalogue_waived", reason))
    for entry in catalogue.extra:
        rows.append(item("", entry.id, "", entry.name, "catalogue_extra"))
    return rows


def render_comparison(
    comparison: Comparison, output_format: str, lang: str = "zh", *, color: bool = False
) -> str:
    if output_format == "json":
        return to_json(comparison_dict(comparison, lang))
    if output_format == "csv":
        from psplan.formats.csvout import csv_headers, to_csv

        return to_csv(csv_headers(CSV_COLUMNS, lang, CSV_HEADERS_ZH), csv_rows(comparison, lang))
    rows = _rows(comparison, lang)
    lines = _catalogue_lines(comparison, lang)
    if output_format == "markdown":
        from psplan.formats.markdown import markdown_table

        catalogue = "\n".join(markdown_line(line) for line in lines)
        heading = markdown_line(title(comparison, lang))
        return f"# {heading}\n\n{markdown_table(HEADERS[lang], rows)}\n\n{catalogue}"
    from psplan.formats.table import grouped_table, render_to_text

    styles = [VERDICT_STYLES[row.verdict] for row in comparison.indicators]
    table = grouped_table(
        title(comparison, lang), HEADERS[lang], rows, group_column=0, styles=styles
    )
    return render_to_text(table, color=color) + "\n" + "\n".join(visible(line) for line in lines)


def render_summary(comparisons: list[Comparison], output_format: str, lang: str = "zh") -> str:
    """One row per child plan (psplan compare national --all)."""
    keys = (
        "child",
        *VERDICTS,
        "catalogue_covered",
        "catalogue_missing",
        "catalogue_extra",
        "failing",
    )
    rows = []
    for comparison in comparisons:
        summary = comparison.summary()
        rows.append([comparison.child.id, *[summary[k] for k in keys[1:-1]], comparison.failing])
    if output_format == "json":
        return to_json([comparison_dict(c, lang) for c in comparisons])
    if output_format == "csv":
        from psplan.formats.csvout import csv_headers, to_csv

        rows = [[*row[:-1], _flag(row[-1], lang)] for row in rows]
        return to_csv(csv_headers(keys, lang, SUMMARY_HEADERS_ZH), rows)
    from psplan.formats.markdown import markdown_table

    return markdown_table(keys, rows)
