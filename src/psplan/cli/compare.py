"""`psplan compare`: does a child plan adopt its parent's indicators and catalogue?"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from psplan.cli.options import (
    MAX_PROBLEMS,
    DocumentForceOpt,
    FormatOpt,
    Lang,
    LangOpt,
    MaxProblemsOpt,
    NoBomOpt,
    OutputOpt,
)
from psplan.cli.run import choose_format, emit, fail, load_for_judging, user_errors, warn
from psplan.errors import Location, Message, Problem, PsplanError, quoted
from psplan.words import say


def _read_waivers(path: Path | None, allowed: list[str]) -> dict[str, str]:
    """Waivers: item id → reason, from --allow-missing and a YAML file (the API reads it)."""
    waivers = {item: "--allow-missing" for item in allowed}
    if path is not None:
        from psplan.api import read_waivers

        waivers.update(read_waivers(path))
    return waivers


@user_errors
def compare(
    parent: Annotated[str, typer.Argument(help="Parent plan (file or bundled name).")],
    child: Annotated[str | None, typer.Argument(help="Child plan (file or bundled name).")] = None,
    all_children: Annotated[
        bool, typer.Option("--all", help="Compare every bundled plan whose parent is PARENT.")
    ] = False,
    allow_missing: Annotated[
        list[str] | None, typer.Option(help="Catalogue item id the child may lack (repeatable).")
    ] = None,
    waivers: Annotated[
        Path | None, typer.Option(help="YAML file of waived catalogue items: ITEM_ID: reason.")
    ] = None,
    output_format: FormatOpt = None,
    lang: LangOpt = Lang.zh,
    output: OutputOpt = None,
    force: DocumentForceOpt = False,
    no_bom: NoBomOpt = False,
    max_problems: MaxProblemsOpt = MAX_PROBLEMS,
) -> None:
    """Check that a child plan adopts its parent's indicators and catalogue, no lower; for a
    plan of the next period (its indicators link to PARENT by `previous`), say which of the
    old plan's indicators it continues, renames, replaces or drops, and which are new."""
    from psplan.comparison.compare import compare_plans
    from psplan.plan.plans import bundled_plans, load_plan
    from psplan.views.comparison import comparison_view, summary_view

    chosen, terminal = choose_format(output_format, output, "compare", force=force)
    parent_plan = load_for_judging(parent)
    allowed = _read_waivers(waivers, allow_missing or [])
    if all_children:
        children = [load_plan(path) for path in bundled_plans().values()]
        children = [c for c in children if c.plan.parent == parent_plan.plan.id]
        if not children:
            raise PsplanError("cli.no_children", parent=quoted(parent_plan.plan.id))
        comparisons = [compare_plans(parent_plan.plan, c.plan, allowed) for c in children]
        view = summary_view(comparisons, lang.value)
    elif child is None:
        fail(say("cli.need_child"))
    else:
        child_plan = load_for_judging(child)
        old, new = parent_plan.plan, child_plan.plan
        if any(i.previous and i.previous.plan == old.id for i in new.indicators):
            # the next period of the same plan: what it continues, replaces, drops, adds
            from psplan.comparison.periods import lineage
            from psplan.views.comparison import lineage_view

            emit(lineage_view(old, new, lineage(old, new), lang.value), chosen, output,
                 no_bom=no_bom, color=terminal)  # fmt: skip
            return
        if old.period.end < new.period.start or new.period.end < old.period.start:
            # 十四五's national plan against a 十五五 draft: its targets are no floor for these
            # (a trial read 人均预期寿命 78.3 vs 77.5 低于上级 as a verdict)
            said = Message("compare.other_period", parent=quoted(old.id), child=quoted(new.id),
                           parent_period=f"{old.period.start}–{old.period.end}",
                           child_period=f"{new.period.start}–{new.period.end}")  # fmt: skip
            warn([Problem(Location(child_plan.file), said, "other-period", "warning")])
        comparisons = [compare_plans(parent_plan.plan, child_plan.plan, allowed)]
        view = comparison_view(comparisons[0], lang.value)
    emit(view, chosen, output, no_bom=no_bom, color=terminal)
    if any(comparison.failing for comparison in comparisons):
        raise typer.Exit(1)
