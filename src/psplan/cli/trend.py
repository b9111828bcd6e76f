"""`psplan trend`: each indicator's series, expected path, growth and projection."""

from __future__ import annotations

from typing import Annotated

import typer

from psplan.cli.judge import run_check
from psplan.cli.options import (
    MAX_PROBLEMS,
    MAX_REGIONS,
    ActualsArg,
    DocumentForceOpt,
    EncodingOpt,
    FormatOpt,
    Lang,
    LangOpt,
    MaxProblemsOpt,
    MaxRegionsOpt,
    NoBomOpt,
    OutputOpt,
    OutsideOpt,
    OverridesOpt,
    PlanArg,
    ReferenceOpt,
    ReferenceRegionOpt,
    RegionOpt,
    SheetOpt,
    Stage,
    StageOpt,
    YearOpt,
)
from psplan.cli.run import (
    choose_format,
    emit,
    load_for_judging,
    region_limit,
    user_errors,
)


@user_errors
def trend(
    plan: PlanArg,
    actuals: ActualsArg,
    indicator: Annotated[
        list[str] | None,
        typer.Option(help="Only this indicator: id or printed name (repeatable)."),
    ] = None,
    year: YearOpt = None,
    stage: StageOpt = Stage.annual,
    region: RegionOpt = None,
    reference: ReferenceOpt = None,
    reference_region: ReferenceRegionOpt = None,
    overrides: OverridesOpt = None,
    allow_outside_period: OutsideOpt = False,
    output_format: FormatOpt = None,
    lang: LangOpt = Lang.zh,
    encoding: EncodingOpt = None,
    sheet: SheetOpt = None,
    output: OutputOpt = None,
    force: DocumentForceOpt = False,
    no_bom: NoBomOpt = False,
    max_problems: MaxProblemsOpt = MAX_PROBLEMS,
    max_regions: MaxRegionsOpt = MAX_REGIONS,
) -> None:
    """Series per indicator with the expected path, observed vs needed growth and a projection."""
    from psplan.assess.check import chosen_indicators
    from psplan.views.trend import trend_view

    chosen, terminal = choose_format(output_format, output, "trend", force=force)
    loaded = load_for_judging(plan)
    # only their results, and only the warnings about them (not the city's 17 whole-area
    # totals when one indicator's trend is asked for)
    wanted = chosen_indicators(loaded.plan, indicator or [])
    report = run_check(
        loaded.plan,
        actuals,
        locals(),
        max_regions=region_limit(max_regions, region, chosen),
        report_format=chosen,
    )
    emit(trend_view(report, lang.value), chosen, output, no_bom=no_bom, color=terminal)
