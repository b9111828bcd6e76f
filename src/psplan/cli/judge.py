"""Commands that judge reported figures: check, report, trend."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from enum import Enum
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

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
    fail,
    format_for,
    limit_regions,
    load_for_judging,
    refuse_binary_on_terminal,
    refuse_to_overwrite,
    region_limit,
    report_name,
    too_many_regions,
    user_errors,
    warn,
)
from psplan.errors import Location, Message, Problem, PsplanError, quoted
from psplan.formats import REPORT_FORMATS
from psplan.words import say

if TYPE_CHECKING:
    from psplan.assess.check import Report
    from psplan.plan.model import Plan
    from psplan.views.model import View


def _parse_references(items: list[str]) -> dict[str, float]:
    from psplan.actuals.values import parse_value

    references = {}
    for item in items:
        key, sep, text = item.partition("=")
        value = parse_value(text) if sep else None
        if not key or value is None or value.number is None:
            raise PsplanError("cli.reference_syntax", item=quoted(item))
        references[key.strip()] = value.number
    return references


def run_check(
    plan: Plan,
    actuals: Path | Sequence[Path],
    options: Mapping[str, Any],
    *,
    max_regions: int = 0,
    report_format: str = "",
    region_hint: str = "cli.hint.pick_region_or_data",
    word_all: bool = False,
) -> Report:
    """Read the actuals and judge them; warnings printed, every input problem printed, exit 2.

    `options` are the command's parsed options (its `locals()`): every judging command offers
    the same ones (--year, --region, --reference, --reference-region, --encoding, --sheet,
    --overrides, --allow-outside-period, --strict, --stage, --max-problems), read here once. With
    `max_regions`, reading stops at the first region past it (see `limit_regions`).
    `word_all`: every result will be written out (see `check_columnar`)."""
    get = options.get
    overrides, encoding, sheet = get("overrides"), get("encoding"), get("sheet")
    from psplan.actuals.read import distinct_files, read_actuals
    from psplan.assess.check import check, known_references
    from psplan.assess.engine import engine_from_env, use_columnar
    from psplan.assess.overrides import read_overrides
    from psplan.progress import with_progress

    override_list = read_overrides(overrides) if overrides else []
    # several files (one per department) are one dataset: each figure keeps its file and row,
    # equal figures merge, different ones are an error naming both places (assess.check)
    warnings: list = []
    files = distinct_files([actuals] if isinstance(actuals, Path) else list(actuals), warnings)
    options_of_check = {
        "year": get("year"),
        "stage": getattr(get("stage"), "value", "annual"),
        "region": get("region"),
        "references": _parse_references(get("reference") or []),
        "reference_regions": get("reference_region") or [],
        "source": ", ".join(str(path) for path in files),
        "sources": tuple(str(path) for path in files),
        "overrides": override_list,
        "allow_outside_period": bool(get("allow_outside_period")),
        "strict": bool(get("strict")),
        "indicators": get("wanted") or (),  # (`trend --indicator`, resolved to ids)
    }
    known_references(plan, options_of_check["references"], warnings)
    source = options_of_check["source"]
    hint = say("cli.hint.raise_limit") + say(region_hint)

    def refuse(regions: Sequence[str]) -> None:  # as `limit_regions` refuses them
        if max_regions and len(regions) > max_regions:
            raise too_many_regions(max_regions, source, report_name(report_format), hint)

    if sheet is None and use_columnar(files, engine_from_env()):
        # a county-scale file: read and judged by duckdb, to the same assessment
        from psplan.assess.columnar import check_columnar

        try:
            report = check_columnar(plan, files, encoding=encoding, warnings=warnings,
                                    regions_seen=refuse, word_all=word_all,
                                    **options_of_check)  # fmt: skip
        finally:
            warn(warnings, get("max_problems", MAX_PROBLEMS))
        if report is not None:
            return report
    rows: Iterable = chain.from_iterable(
        with_progress(read_actuals(path, encoding=encoding, sheet=sheet), path) for path in files
    )
    if max_regions:
        rows = limit_regions(rows, max_regions, source, report_name(report_format), hint)
    try:
        return check(plan, rows, warnings=warnings, **options_of_check)
    finally:
        warn(warnings, get("max_problems", MAX_PROBLEMS))


def _one_region(report: Report, actuals: Sequence[Path]) -> list[Problem]:
    """A warning where --by-region has fewer than two regions to compare (a file without a
    region column gave a matrix of one row and a spread of 0 % for every indicator, without a
    word), else none. The plan's own area (全市) is no region of the spread."""
    named = [region for region in report.regions if region and region not in report.own_area]
    if len(named) > 1:
        return []
    which = (
        Message("check.by_region_one_region.one", region=quoted(named[0]))
        if named
        else Message("check.by_region_one_region.none")
    )
    words = Message("check.by_region_one_region", regions=which)
    return [Problem(Location(", ".join(map(str, actuals))), words, "by-region", "warning")]


def _view(report: Report, lang: str, *, by_region: bool = False) -> View:
    """What `check` and `report` show: the assessment, or (`--by-region`) the regions."""
    from psplan.views.assessment import assessment_view, regions_view

    return regions_view(report, lang) if by_region else assessment_view(report, lang)


#: The formats in which `check` writes every result (at county scale, worded by duckdb from
#: its table `worded`): for them the steps that judge run once, for that table.
WORDED_FORMATS = ("json", "csv", "markdown")


@user_errors
def check(
    plan: PlanArg,
    actuals: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="FILE",
            help="CSV or .xlsx files of reported figures (long or wide), and .yaml files of "
            "原因分析 / 下一步措施 by indicator; several files (one per department) are read "
            "as one dataset.",
        ),
    ] = None,
    year: YearOpt = None,
    stage: StageOpt = Stage.annual,
    region: RegionOpt = None,
    by_region: Annotated[
        bool,
        typer.Option("--by-region", help="Region × indicator matrix and spread across regions."),
    ] = False,
    reference: ReferenceOpt = None,
    reference_region: ReferenceRegionOpt = None,
    overrides: OverridesOpt = None,
    allow_outside_period: OutsideOpt = False,
    previous: Annotated[
        bool, typer.Option("--previous", help="Judge the plan's printed 十三五 completion table.")
    ] = False,
    output_format: FormatOpt = None,
    lang: LangOpt = Lang.zh,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict",
            help="Exit 1 when any indicator is behind or not met; a figure outside its "
            "natural range (a share above 100 %) is an error (exit 2), not a warning.",
        ),
    ] = False,
    encoding: EncodingOpt = None,
    sheet: SheetOpt = None,
    output: OutputOpt = None,
    force: DocumentForceOpt = False,
    no_bom: NoBomOpt = False,
    max_problems: MaxProblemsOpt = MAX_PROBLEMS,
    max_regions: MaxRegionsOpt = MAX_REGIONS,
) -> None:
    """Judge every indicator against its target; exit 1 if a binding one is behind or not met.

    With -o the format follows the file's suffix (.xlsx and .html write the monitoring
    workbook and page; `psplan report` adds the report's prose and the plan's own table)."""
    from psplan.assess.check import check_previous

    command = "check --by-region" if by_region else "check"
    chosen, terminal = choose_format(output_format, output, command, force=force)
    loaded = load_for_judging(plan)
    if previous:
        report = check_previous(loaded.plan)
    elif not actuals:
        fail(say("cli.need_actuals"))
    else:
        report = run_check(
            loaded.plan,
            actuals,
            locals(),
            # --by-region prints one row per indicator, however many regions
            max_regions=0 if by_region else region_limit(max_regions, region, chosen),
            report_format=chosen,
            word_all=not by_region and chosen in WORDED_FORMATS,
        )
    if by_region and not previous:
        warn(_one_region(report, actuals))
    emit(_view(report, lang.value, by_region=by_region), chosen, output, no_bom=no_bom,
         color=terminal)  # fmt: skip
    if report.failing_rows(strict):
        raise typer.Exit(1)


class ReportFormat(str, Enum):
    html = "html"
    xlsx = "xlsx"
    markdown = "markdown"
    docx = "docx"


@user_errors
def report(
    plan: PlanArg,
    actuals: ActualsArg,
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write.")],
    output_format: Annotated[
        ReportFormat | None,
        typer.Option("--format", "-f", help="html, xlsx, markdown or docx (default: from -o)."),
    ] = None,
    year: YearOpt = None,
    stage: StageOpt = Stage.annual,
    region: RegionOpt = None,
    reference: ReferenceOpt = None,
    reference_region: ReferenceRegionOpt = None,
    overrides: OverridesOpt = None,
    allow_outside_period: OutsideOpt = False,
    lang: LangOpt = Lang.zh,
    encoding: EncodingOpt = None,
    sheet: SheetOpt = None,
    max_problems: MaxProblemsOpt = MAX_PROBLEMS,
    max_regions: MaxRegionsOpt = MAX_REGIONS,
    force: Annotated[
        bool,
        typer.Option(
            "--force", help="Overwrite an existing file (a report completed by hand is lost)."
        ),
    ] = False,
) -> None:
    """Write the report a commission hands in: the annual monitoring report, or with --stage
    mid or final the evaluation (中期评估 / 终期评估) — prose, the plan's own table, an analysis
    of every binding and lagging indicator, the monitoring details; as Word, HTML, an Excel
    workbook or markdown (the format from -o's suffix: .docx, .html, .xlsx, .md)."""
    chosen = ReportFormat(format_for("report", REPORT_FORMATS, output_format, output, "markdown"))
    refuse_binary_on_terminal(chosen.value, output)
    refuse_to_overwrite(output, force)
    loaded = load_for_judging(plan)
    result = run_check(
        loaded.plan,
        actuals,
        locals(),
        max_regions=region_limit(max_regions, region, chosen.value),
        report_format=chosen.value,
        region_hint="cli.hint.pick_region",
    )
    from psplan.views.evaluation import evaluation_view

    # the report of the stage (年度监测 / 中期评估 / 终期评估), in prose, in every format
    emit(evaluation_view(result, lang.value), chosen.value, output)
