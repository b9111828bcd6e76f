"""The `psplan` command: a thin layer that parses options and calls the Python API.

Every failure a user can cause ends in one line on stderr and exit code 2 (see `_run`).
Heavy modules are imported inside the commands so that start-up stays fast.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from psplan import __version__
from psplan.errors import PsplanError

if TYPE_CHECKING:  # imported lazily at run time, to keep start-up fast
    from psplan.check import Report
    from psplan.model import Plan

app = typer.Typer(
    name="psplan",
    help="Track the indicators of China's five-year public-service plans (“十四五”公共服务规划) "
    "and check reported figures against their targets.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class ShowFormat(str, Enum):
    table = "table"
    markdown = "markdown"
    json = "json"
    csv = "csv"


class ProblemFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"


class Lang(str, Enum):
    zh = "zh"
    en = "en"


# Options several commands share, declared once.
PlanArg = Annotated[str, typer.Argument(help="Plan file or bundled plan name (e.g. national).")]
ActualsArg = Annotated[
    Path, typer.Argument(help="CSV or .xlsx of reported figures (long or wide).")
]
YearOpt = Annotated[int | None, typer.Option(help="Year to judge (default: latest in the file).")]
RegionOpt = Annotated[str | None, typer.Option(help="Only this region.")]
LangOpt = Annotated[Lang, typer.Option(help="Language of headers and labels.")]
EncodingOpt = Annotated[str | None, typer.Option(help="Force the CSV encoding.")]
SheetOpt = Annotated[str | None, typer.Option(help="Excel sheet name or number.")]
OutputOpt = Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file.")]
ReferenceOpt = Annotated[
    list[str] | None,
    typer.Option(help="Reference value for a relative target: ID=VALUE (repeatable)."),
]
ReferenceRegionOpt = Annotated[
    list[str] | None,
    typer.Option(
        help="Region whose rows are reference values (default: the level above the plan, "
        "e.g. 全省 or 陕西省 for a city)."
    ),
]
OverridesOpt = Annotated[
    Path | None,
    typer.Option(help="YAML file settling ambiguous plan rows (kind, direction, baseline)."),
]
OutsideOpt = Annotated[
    bool,
    typer.Option(
        "--allow-outside-period",
        help="Judge a year outside the plan period (the report says so).",
    ),
]
FormatOpt = Annotated[
    ShowFormat | None,
    typer.Option("--format", "-f", help="table (default on a terminal), markdown, json, csv."),
]


def fail(message: str) -> NoReturn:
    typer.echo(f"psplan: error: {message}", err=True)
    raise typer.Exit(2)


def user_errors(command: Callable[..., None]) -> Callable[..., None]:
    """Turn a PsplanError raised by a command into its one-line message and exit code 2;
    an invalid plan or bad actuals print every problem, one line each."""

    @functools.wraps(command)
    def wrapper(*args: object, **kwargs: object) -> None:
        try:
            command(*args, **kwargs)
        except PsplanError as exc:
            problems = getattr(exc, "problems", None)
            if problems:
                for problem in problems:
                    typer.echo(f"psplan: error: {problem.location}: {problem.message}", err=True)
                raise typer.Exit(2) from None
            fail(str(exc))

    return wrapper


def warn(problems: list) -> None:
    """Print what was skipped or assumed while reading, one line each on stderr."""
    for problem in problems:
        typer.echo(f"psplan: warning: {problem.location}: {problem.message}", err=True)


def _load_for_judging(plan: str):
    """A plan `check`, `trend`, `report` and `compare` may use: valid, as `validate` says."""
    from psplan.validate import load_valid_plan

    return load_valid_plan(plan)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"psplan {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """psplan: plan data, validation and gap reports for public-service plans."""


def _is_terminal() -> bool:
    return sys.stdout.isatty() and os.environ.get("NO_COLOR") is None


def _choose_format(output_format: ShowFormat | None, output: Path | None) -> tuple[str, bool]:
    """The format asked for, else a colour table on a terminal and markdown elsewhere."""
    terminal = _is_terminal() and output is None
    fallback = ShowFormat.table if terminal else ShowFormat.markdown
    return (output_format or fallback).value, terminal


@app.command()
@user_errors
def validate(
    plans: Annotated[list[str], typer.Argument(help="Plan files or bundled plan names.")],
    output_format: Annotated[
        ProblemFormat, typer.Option("--format", "-f", help="text, json, or github annotations.")
    ] = ProblemFormat.text,
    parent: Annotated[
        str | None,
        typer.Option(help="Parent plan (file or bundled name) to resolve maps_to against."),
    ] = None,
) -> None:
    """Check plan files: schema, ids, domains, targets, units, maps_to. Exit 2 if any is invalid."""
    from psplan.plans import load_plan
    from psplan.render import problems as fmt
    from psplan.validate import validate_file

    parent_plan = load_plan(parent) if parent else None
    problems = [problem for plan in plans for problem in validate_file(plan, parent_plan)]
    render = {"text": fmt.problems_text, "json": fmt.problems_json, "github": fmt.problems_github}
    text = render[output_format.value](problems, len(plans))
    if text:
        typer.echo(text)
    if any(problem.level == "error" for problem in problems):
        raise typer.Exit(2)


@app.command()
@user_errors
def show(
    plan: PlanArg,
    output_format: FormatOpt = None,
    lang: LangOpt = Lang.zh,
    output: OutputOpt = None,
) -> None:
    """Show a plan's indicators grouped by domain."""
    from psplan.output import write_output
    from psplan.plans import load_plan
    from psplan.render.show import render_plan

    loaded = load_plan(plan)
    chosen, terminal = _choose_format(output_format, output)
    text = render_plan(loaded.plan, chosen, lang.value, color=terminal)
    write_output(text, output, inputs=[Path(loaded.file)])


def _parse_references(items: list[str]) -> dict[str, float]:
    from psplan.values import parse_value

    references = {}
    for item in items:
        key, sep, text = item.partition("=")
        value = parse_value(text) if sep else None
        if not key or value is None or value.number is None:
            raise PsplanError(f"--reference {item!r}: expected INDICATOR_ID=NUMBER")
        references[key.strip()] = value.number
    return references


def _run_check(
    plan: Plan,
    actuals: Path,
    *,
    year: int | None,
    region: str | None,
    reference: list[str] | None,
    reference_region: list[str] | None,
    encoding: str | None,
    sheet: str | None,
    overrides: Path | None = None,
    allow_outside_period: bool = False,
    strict: bool = False,
) -> Report:
    """Read the actuals and judge them; warnings printed, every input problem printed, exit 2."""
    from psplan.actuals import read_actuals
    from psplan.check import check
    from psplan.overrides import read_overrides
    from psplan.progress import with_progress

    override_list = read_overrides(overrides) if overrides else []
    rows = with_progress(read_actuals(actuals, encoding=encoding, sheet=sheet), actuals)
    warnings: list = []
    try:
        return check(
            plan,
            rows,
            year=year,
            region=region,
            references=_parse_references(reference or []),
            reference_regions=reference_region or [],
            source=str(actuals),
            overrides=override_list,
            allow_outside_period=allow_outside_period,
            strict=strict,
            warnings=warnings,
        )
    finally:
        warn(warnings)


@app.command()
@user_errors
def check(
    plan: PlanArg,
    actuals: Annotated[
        Path | None, typer.Argument(help="CSV or .xlsx of reported figures (long or wide).")
    ] = None,
    year: YearOpt = None,
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
        bool, typer.Option("--strict", help="Exit 1 when any indicator is behind or not met.")
    ] = False,
    encoding: EncodingOpt = None,
    sheet: SheetOpt = None,
    output: OutputOpt = None,
) -> None:
    """Judge every indicator against its target; exit 1 if a binding one is behind or not met."""
    from psplan.check import check_previous
    from psplan.output import write_output
    from psplan.render.report import render_report

    loaded = _load_for_judging(plan)
    if previous:
        report = check_previous(loaded.plan)
    elif actuals is None:
        fail("give an ACTUALS file (CSV or .xlsx), or --previous")
    else:
        report = _run_check(
            loaded.plan,
            actuals,
            year=year,
            region=region,
            reference=reference,
            reference_region=reference_region,
            encoding=encoding,
            sheet=sheet,
            overrides=overrides,
            allow_outside_period=allow_outside_period,
            strict=strict,
        )
    chosen, terminal = _choose_format(output_format, output)
    if by_region:
        from psplan.render.regions import render_by_region

        text = render_by_region(report, chosen, lang.value, color=terminal)
    else:
        text = render_report(report, chosen, lang.value, color=terminal)
    inputs = [
        Path(loaded.file),
        *([actuals] if actuals else []),
        *([overrides] if overrides else []),
    ]
    write_output(text, output, inputs=inputs)
    if report.failing(strict):
        raise typer.Exit(1)


def _read_waivers(path: Path | None, allowed: list[str]) -> dict[str, str]:
    """Waivers: item id → reason, from a YAML file (mapping or list of {id, reason})."""
    waivers = {item: "--allow-missing" for item in allowed}
    if path is None:
        return waivers
    from psplan.yamlsource import load_yaml, read_text

    document = load_yaml(read_text(path), str(path))
    data = document.data
    if isinstance(data, dict) and "waivers" in data:
        data = data["waivers"]
    if isinstance(data, dict):
        entries = [{"id": key, "reason": value} for key, value in data.items()]
    elif isinstance(data, list):
        entries = data
    else:
        raise PsplanError("a waiver file is a mapping ITEM_ID: reason", document.locate(()))
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict) or not entry.get("id") or not entry.get("reason"):
            raise PsplanError(
                "each waiver needs an id and a reason", document.locate(("waivers", index))
            )
        waivers[str(entry["id"])] = str(entry["reason"])
    return waivers


@app.command()
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
) -> None:
    """Check that a child plan adopts its parent's indicators and catalogue, no lower."""
    from psplan.compare import compare_plans
    from psplan.output import write_output
    from psplan.plans import bundled_plans, load_plan
    from psplan.render.comparison import render_comparison, render_summary

    parent_plan = _load_for_judging(parent)
    allowed = _read_waivers(waivers, allow_missing or [])
    chosen, terminal = _choose_format(output_format, output)
    if all_children:
        children = [load_plan(path) for path in bundled_plans().values()]
        children = [c for c in children if c.plan.parent == parent_plan.plan.id]
        if not children:
            raise PsplanError(f"no bundled plan has {parent_plan.plan.id!r} as its parent")
        comparisons = [compare_plans(parent_plan.plan, c.plan, allowed) for c in children]
        text = render_summary(comparisons, "markdown" if chosen == "table" else chosen)
    elif child is None:
        fail("give a CHILD plan, or --all")
    else:
        child_plan = _load_for_judging(child)
        comparisons = [compare_plans(parent_plan.plan, child_plan.plan, allowed)]
        text = render_comparison(comparisons[0], chosen, lang.value, color=terminal)
    write_output(text, output, inputs=[Path(parent_plan.file)])
    if any(comparison.failing for comparison in comparisons):
        raise typer.Exit(1)


@app.command()
@user_errors
def trend(
    plan: PlanArg,
    actuals: ActualsArg,
    indicator: Annotated[
        list[str] | None,
        typer.Option(help="Only this indicator: id or printed name (repeatable)."),
    ] = None,
    year: YearOpt = None,
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
) -> None:
    """Series per indicator with the expected path, observed vs needed growth and a projection."""
    from psplan.check import IndicatorMatcher
    from psplan.output import write_output
    from psplan.render.trend import render_trend

    loaded = _load_for_judging(plan)
    wanted: set[str] = set()
    matcher = IndicatorMatcher(loaded.plan)
    for text in indicator or []:
        found = matcher.match(text)
        if found is None:
            hints = matcher.suggest(text)
            hint = f"; did you mean {' / '.join(hints)}?" if hints else ""
            raise PsplanError(f"no indicator {text!r} in plan {loaded.plan.id}{hint}")
        wanted.add(found.id)
    report = _run_check(
        loaded.plan,
        actuals,
        year=year,
        region=region,
        reference=reference,
        reference_region=reference_region,
        encoding=encoding,
        sheet=sheet,
        overrides=overrides,
        allow_outside_period=allow_outside_period,
    )
    if wanted:
        report = report.with_results(r for r in report.results if r.indicator.id in wanted)
    chosen, terminal = _choose_format(output_format, output)
    text = render_trend(report, chosen, lang.value, color=terminal)
    write_output(text, output, inputs=[Path(loaded.file), actuals])


class ReportFormat(str, Enum):
    html = "html"
    xlsx = "xlsx"
    markdown = "markdown"


@app.command()
@user_errors
def report(
    plan: PlanArg,
    actuals: ActualsArg,
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write.")],
    output_format: Annotated[
        ReportFormat | None,
        typer.Option("--format", "-f", help="html, xlsx or markdown (default: from -o)."),
    ] = None,
    year: YearOpt = None,
    region: RegionOpt = None,
    reference: ReferenceOpt = None,
    reference_region: ReferenceRegionOpt = None,
    overrides: OverridesOpt = None,
    allow_outside_period: OutsideOpt = False,
    lang: LangOpt = Lang.zh,
    encoding: EncodingOpt = None,
    sheet: SheetOpt = None,
) -> None:
    """Write the annual monitoring report: self-contained HTML, an Excel workbook, or markdown."""
    from psplan.output import write_output

    loaded = _load_for_judging(plan)
    result = _run_check(
        loaded.plan,
        actuals,
        year=year,
        region=region,
        reference=reference,
        reference_region=reference_region,
        encoding=encoding,
        sheet=sheet,
        overrides=overrides,
        allow_outside_period=allow_outside_period,
    )
    suffix = output.suffix.lower().lstrip(".")
    chosen = output_format or ReportFormat(
        {"htm": "html", "html": "html", "xlsx": "xlsx"}.get(suffix, "markdown")
    )
    content: str | bytes
    if chosen is ReportFormat.html:
        from psplan.render.html import render_html

        content = render_html(result, lang.value)
    elif chosen is ReportFormat.xlsx:
        from psplan.render.xlsx import render_xlsx

        content = render_xlsx(result, lang.value)
    else:
        from psplan.render.report import render_report

        content = render_report(result, "markdown", lang.value)
    write_output(content, output, inputs=[Path(loaded.file), actuals])
    typer.echo(f"wrote {output}", err=True)


class TemplateFormat(str, Enum):
    csv = "csv"
    xlsx = "xlsx"


@app.command()
@user_errors
def template(
    plan: PlanArg,
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write.")],
    years: Annotated[
        str | None, typer.Option(help="Years, e.g. 2021-2025 (default: the plan period).")
    ] = None,
    regions: Annotated[
        str | None, typer.Option(help="Comma-separated regions, e.g. 汉台区,南郑区.")
    ] = None,
    output_format: Annotated[
        TemplateFormat | None,
        typer.Option("--format", "-f", help="csv or xlsx (default: from -o)."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
) -> None:
    """Write the data-collection sheet departments fill in (reads back with `psplan check`)."""
    from psplan.output import write_output
    from psplan.plans import load_plan
    from psplan.template import parse_years, template_csv, template_xlsx

    loaded = load_plan(plan)
    p = loaded.plan
    chosen = output_format or (
        TemplateFormat.xlsx if output.suffix.lower() == ".xlsx" else TemplateFormat.csv
    )
    if output.exists() and not force:
        raise PsplanError(f"{output} exists; pass --force to overwrite it")
    year_list = parse_years(years) if years else list(range(p.period.start, p.period.end + 1))
    region_list = [r.strip() for r in (regions or "").replace("，", ",").split(",") if r.strip()]
    render = template_xlsx if chosen is TemplateFormat.xlsx else template_csv
    write_output(render(p, year_list, region_list), output, inputs=[Path(loaded.file)])
    typer.echo(f"wrote {output} ({len(p.indicators) * max(1, len(region_list))} rows)", err=True)


@app.command()
@user_errors
def schema() -> None:
    """Print the JSON Schema of a plan file (for editors that check YAML)."""
    import json

    from psplan.model import Plan

    typer.echo(json.dumps(Plan.model_json_schema(), ensure_ascii=False, indent=2))


@app.command(name="list")
@user_errors
def list_plans() -> None:
    """List the plans bundled with psplan."""
    from psplan.plans import bundled_plans, load_plan

    for name, path in bundled_plans().items():
        plan = load_plan(path).plan
        typer.echo(f"{name}\t{plan.name}\t{len(plan.indicators)} indicators")


def main() -> None:
    """Console entry point. Typer already maps Ctrl-C to exit 130 and usage errors to 2;
    this adds the last line of defence: no traceback, even for a bug in psplan."""
    try:
        app()
    except PsplanError as exc:
        typer.echo(f"psplan: error: {exc}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        typer.echo("psplan: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:
        if os.environ.get("PSPLAN_DEBUG"):
            raise
        typer.echo(
            f"psplan: internal error: {type(exc).__name__}: {exc} (set PSPLAN_DEBUG=1 for details)",
            err=True,
        )
        sys.exit(2)
