"""`psplan lint`: data-quality checks of reported figures across regions and years."""

from __future__ import annotations

from typing import Annotated

import typer

from psplan.cli.options import (
    MAX_PROBLEMS,
    ActualsArg,
    EncodingOpt,
    Lang,
    LangOpt,
    MaxFindingsOpt,
    OverridesOpt,
    PlanArg,
    ProblemFormat,
    SheetOpt,
    finite_at_least,
)
from psplan.cli.run import emit, load_for_judging, user_errors, warn
from psplan.errors import Location, Problem, PsplanError


@user_errors
def lint(
    plan: PlanArg,
    actuals: ActualsArg,
    output_format: Annotated[
        ProblemFormat, typer.Option("--format", "-f", help="text, json, or github annotations.")
    ] = ProblemFormat.text,
    jump_steps: Annotated[
        float,
        typer.Option(
            parser=finite_at_least(0),
            help="A jump: a yearly change beyond this many of the plan's steps…",
        ),
    ] = 3.0,
    jump_share: Annotated[
        float,
        typer.Option(
            parser=finite_at_least(0), help="…and beyond this share of the previous figure."
        ),
    ] = 0.2,
    outlier_z: Annotated[
        float,
        typer.Option(
            parser=finite_at_least(0.1),
            help="An outlier: a modified z-score beyond this, across regions.",
        ),
    ] = 3.5,
    outlier_regions: Annotated[
        int, typer.Option(min=3, help="Fewest regions in a year to look for an outlier among.")
    ] = 5,
    all_indicators: Annotated[
        bool,
        typer.Option(
            "--all-indicators",
            help="The files are the whole collection: also name the plan's main indicators "
            "no row gives.",
        ),
    ] = False,
    encoding: EncodingOpt = None,
    sheet: SheetOpt = None,
    overrides: OverridesOpt = None,
    lang: LangOpt = Lang.zh,
    max_problems: MaxFindingsOpt = MAX_PROBLEMS,
) -> None:
    """Check the figures across regions and years: jumps from one year to the next, values
    outside their natural range, outlier regions, conflicting duplicates and missing
    (indicator, region, year) cells. Exit 1 when a warning is found, 2 when an error is (what
    check stops at), 0 when nothing is."""
    from psplan.actuals.read import distinct_files
    from psplan.api import lint as find
    from psplan.assess.engine import engine_from_env
    from psplan.views.problems import problems_view

    engine = engine_from_env()  # a mistyped PSPLAN_ENGINE is said, as by check
    twice: list[Problem] = []  # a file given twice is read once, and said so on stderr:
    files = distinct_files(list(actuals or []), twice)  # of the call, not of the figures
    warn(twice, max_problems)
    try:
        loaded = load_for_judging(plan)
        findings = find(loaded.plan, files, jump_steps=jump_steps, jump_share=jump_share,
                        outlier_z=outlier_z, outlier_regions=outlier_regions, encoding=encoding,
                        sheet=sheet, engine=engine, overrides=overrides,
                        all_indicators=all_indicators)  # fmt: skip
    except PsplanError as exc:
        if output_format is ProblemFormat.text:
            raise  # one line on stderr, as every command says an input it cannot use
        # JSON and annotations carry it, as validate's do: a CI step parsing them broke on
        # an empty file, a missing one or a broken plan (a trial's finding)
        findings = list(exc.problems) or [
            Problem(exc.location or Location(", ".join(map(str, files))), exc.words, "read")
        ]
    emit(problems_view(findings, len(files), max_problems, lang.value), output_format.value, None)
    # an error (what check stops at) is 2, as validate's are; a warning alone, 1
    if any(finding.level == "error" for finding in findings):
        raise typer.Exit(2)
    if findings:
        raise typer.Exit(1)
