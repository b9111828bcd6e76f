"""`psplan compare`: a comparison (`comparison_view`) or several (`summary_view`, `--all`) as
`View`s.

One comparison is the parent's indicators next to the child's (a verdict each, a `Status`),
followed by the catalogue items that need a look (missing, waived, extra; the primary table, so
the CSV holds them), then the catalogue's coverage per domain. The summary lines count the
verdicts in the language's own words and punctuation (en "weaker 2, not comparable 3").

`comparison_dict` is the JSON contract (add keys, rename none).
"""

from __future__ import annotations

from typing import Any

from psplan.comparison.compare import VERDICTS, Comparison, IndicatorComparison
from psplan.views.model import Cell, Column, Status, Table, Text, View
from psplan.views.numbers import count
from psplan.views.plan import attribute_label
from psplan.words import explain, say

#: The indicators table's columns (`comparison.column.<key>`); names and reasons may wrap.
COLUMNS = (
    "domain", "parent_id", "name", "parent_attribute", "parent_target", "child_id",
    "child_name", "child_attribute", "child_target", "verdict", "reason",
)  # fmt: skip
WIDE = frozenset({"domain", "parent_id", "name", "child_id", "child_name", "reason"})
#: Left out first by a terminal too narrow for every column (the codes; the names say it).
OPTIONAL = frozenset({"parent_id", "child_id"})
#: The catalogue's parts, in the order every output lists them.
PARTS = ("covered", "missing", "waived", "extra")
#: The columns of `compare --all`, after the child plan's id and name.
SUMMARY_COUNTS = (
    *VERDICTS, "catalogue_covered", "catalogue_missing", "catalogue_waived", "catalogue_extra",
)  # fmt: skip


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
    """`psplan compare PARENT CHILD --format json`."""
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
        "commitments": [
            {"parent": pair.parent.id, "child": pair.child.id, "subject": pair.child.subject,
             "parent_target": pair.parent.target, "child_target": pair.child.target,
             "verdict": pair.verdict, "reason": explain(pair.reasons, lang)}
            for pair in comparison.commitments
        ],
    }  # fmt: skip


def verdict(code: str, lang: str) -> Status:
    return Status(code, say(f"comparison.verdict.{code}", lang))


def counts_line(comparison: Comparison, lang: str) -> str:
    """The verdicts counted: 低于上级 2，不可比 3 / weaker 2, not comparable 3."""
    summary = comparison.summary()
    counts = [
        say("comparison.count", lang, label=verdict(code, lang).label, count=summary[code])
        for code in VERDICTS
        if summary[code]
    ]
    if not counts:
        return say("comparison.no_indicators", lang)
    return say("comparison.counts", lang, counts=say("sep.clause", lang).join(counts))


def comparison_view(comparison: Comparison, lang: str = "zh") -> View:
    title = say(
        "comparison.title", lang, child=comparison.child.name, parent=comparison.parent.name
    )
    catalogue = comparison.catalogue
    summary = [
        counts_line(comparison, lang),
        say("comparison.catalogue", lang, **{p: len(getattr(catalogue, p)) for p in PARTS}),
        say("comparison.failing" if comparison.failing else "comparison.passing", lang),
    ]
    tables = [_indicators(comparison, lang), _domains(comparison, lang)]
    if comparison.commitments:  # the text's promises the two plans share
        weaker = sum(1 for pair in comparison.commitments if pair.verdict == "weaker")
        summary.insert(2, say("comparison.commitments", lang,
                              count=len(comparison.commitments), weaker=weaker))  # fmt: skip
        tables.append(_commitments(comparison, lang))
    return View(
        "comparison",
        title,
        lang,
        comparison_dict(comparison, lang),
        tables,
        summary=summary,
        primary="indicators",
    )


def _commitments(comparison: Comparison, lang: str) -> Table:
    keys = ("child", "subject", "child_target", "parent", "parent_target", "verdict", "reason")
    columns = tuple(
        Column(key, say(f"comparison.commitment.{key}", lang), key in ("subject", "reason"))
        for key in keys
    )
    rows: list[tuple[Cell, ...]] = [
        (pair.child.id, pair.child.subject, pair.child.target, pair.parent.id,
         pair.parent.target, verdict(pair.verdict, lang), explain(pair.reasons, lang))
        for pair in comparison.commitments
    ]  # fmt: skip
    return Table("commitments", say("comparison.commitments.table", lang), columns, rows)


def _indicators(comparison: Comparison, lang: str) -> Table:
    rows: list[tuple[Cell, ...]] = []
    for row in comparison.indicators:
        parent, child = row.parent, row.child
        name: Cell = None
        if parent is not None:
            name = Text(parent.name, "bold") if parent.is_binding else parent.name
        rows.append(
            (
                (parent or child).domain,  # type: ignore[union-attr]
                parent.id if parent else None,
                name,
                attribute_label(parent, lang) if parent else None,
                parent.target.raw if parent else None,
                child.id if child else None,
                child.name if child else None,
                attribute_label(child, lang) if child else None,
                child.target.raw if child else None,
                verdict(row.verdict, lang),
                row.reason(lang),
            )
        )
    catalogue = comparison.catalogue
    items = [
        *((entry, None, "catalogue_missing", "") for entry in catalogue.missing),
        *((entry, None, "catalogue_waived", reason) for entry, reason in catalogue.waived),
        *((None, entry, "catalogue_extra", "") for entry in catalogue.extra),
    ]
    for parent_item, child_item, code, reason in items:
        entry = parent_item or child_item
        rows.append(
            (
                entry.domain,
                parent_item.id if parent_item else None,
                parent_item.name if parent_item else None,
                None,
                None,
                child_item.id if child_item else None,
                child_item.name if child_item else None,
                None,
                None,
                verdict(code, lang),
                reason,
            )
        )
    columns = tuple(
        Column(key, say(f"comparison.column.{key}", lang), key in WIDE, key in OPTIONAL)
        for key in COLUMNS
    )
    return Table("indicators", say("comparison.indicators", lang), columns, rows, group="domain")


def _domains(comparison: Comparison, lang: str) -> Table:
    per_domain = comparison.catalogue.per_domain()
    columns = (
        Column("domain", say("comparison.column.domain", lang), wide=True),
        *(Column(part, say(f"comparison.column.{part}", lang)) for part in PARTS),
    )
    rows: list[tuple[Cell, ...]] = [
        (domain, *(count(counts[part]) for part in PARTS)) for domain, counts in per_domain.items()
    ]
    return Table("domains", say("comparison.domains", lang), columns, rows)


def summary_view(comparisons: list[Comparison], lang: str = "zh") -> View:
    """`compare PARENT --all`: one row per child plan, the verdicts counted."""
    parent = comparisons[0].parent if comparisons else None
    title = say("comparison.all_title", lang, parent=parent.name if parent else "")
    yes, no = say("comparison.yes", lang), say("comparison.no", lang)
    rows: list[tuple[Cell, ...]] = []
    for comparison in comparisons:
        summary = comparison.summary()
        rows.append(
            (
                comparison.child.id,
                comparison.child.name,
                *(count(summary[key]) for key in SUMMARY_COUNTS),
                yes if comparison.failing else no,
            )
        )
    columns = (
        Column("child", say("comparison.column.child", lang)),
        Column("name", say("comparison.column.child_plan", lang), wide=True),
        *(Column(key, verdict(key, lang).label) for key in SUMMARY_COUNTS),
        Column("failing", say("comparison.column.failing", lang)),
    )
    failing = sum(comparison.failing for comparison in comparisons)
    lines = [say("comparison.all_summary", lang, count=len(comparisons), failing=failing)]
    table = Table("plans", say("comparison.plans", lang), columns, rows)
    return View(
        "comparisons",
        title,
        lang,
        [comparison_dict(comparison, lang) for comparison in comparisons],
        [table],
        summary=lines,
        primary="plans",
    )


# ------------------------------------------------------------------- across plan periods

#: The fates of an indicator across two plan periods, in the order they are counted.
FATES = ("same", "renamed", "replaced", "dropped", "new")


def lineage_view(old: Any, new: Any, links: list[Any], lang: str = "zh") -> View:
    """Which of the old plan's indicators the new one continues, renames, replaces or drops,
    and which it adds (`psplan.comparison.periods.lineage`)."""
    counts = {fate: sum(1 for link in links if link.fate == fate) for fate in FATES}
    shown = [
        say("comparison.count", lang, label=say(f"lineage.fate.{fate}", lang), count=n)
        for fate, n in counts.items()
        if n
    ]
    columns = (
        Column("fate", say("lineage.column.fate", lang)),
        Column("old_id", say("lineage.column.old_id", lang), optional=True),
        Column("old", say("lineage.column.old", lang), wide=True),
        Column("new_id", say("lineage.column.new_id", lang), optional=True),
        Column("new", say("lineage.column.new", lang), wide=True),
    )
    rows: list[tuple[Cell, ...]] = [
        (
            Status(link.fate, say(f"lineage.fate.{link.fate}", lang)),
            link.old.id if link.old else "",
            link.old.name if link.old else "",
            link.new.id if link.new else "",
            link.new.name if link.new else "",
        )
        for link in links
    ]
    data = {
        "old": old.id,
        "new": new.id,
        "summary": counts,
        "indicators": [
            {"fate": link.fate, "old": link.old.id if link.old else None,
             "new": link.new.id if link.new else None}
            for link in links
        ],
    }  # fmt: skip
    title = say("lineage.title", lang, old=old.name, new=new.name)
    summary = [say("comparison.counts", lang, counts=say("sep.clause", lang).join(shown))]
    table = Table("lineage", say("lineage.table", lang), columns, rows)
    return View("lineage", title, lang, data, [table], summary=summary, primary="lineage")
