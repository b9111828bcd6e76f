"""The `psplan` command: a thin layer that parses options and calls the Python API.

Every failure a user can cause ends in one line on stderr and exit code 2 (see `user_errors`).
Heavy modules are imported inside the commands so that start-up stays fast.

Output is bounded and never destroys anything: `-o` is checked against every input of the
command before any work (`command_inputs`), at most `--max-problems` problems are printed,
and human-readable reports refuse more than `--max-regions` regions.
"""

from __future__ import annotations

import contextlib
import functools
import os
import signal
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextvars import ContextVar
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from psplan import __version__
from psplan.errors import Location, PsplanError

if TYPE_CHECKING:  # imported lazily at run time, to keep start-up fast
    from psplan.assess.check import Report
    from psplan.plan.model import Plan

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


class CheckFormat(str, Enum):
    table = "table"
    markdown = "markdown"
    json = "json"
    csv = "csv"
    html = "html"
    xlsx = "xlsx"


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
OutputOpt = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Write to this file (- for stdout; never an input)."),
]
#: How many problems or warnings a command prints by default, and regions a human report holds.
MAX_PROBLEMS = 50
MAX_REGIONS = 5000
MaxProblemsOpt = Annotated[
    int,
    typer.Option(
        "--max-problems",
        min=0,
        metavar="N",
        help="Print at most N problems or warnings (0: all; validate -f json lists all).",
    ),
]
MaxRegionsOpt = Annotated[
    int,
    typer.Option(
        "--max-regions",
        min=0,
        metavar="N",
        help="Refuse more than N regions in a table, markdown, HTML or Excel report "
        "(0: no limit; json and csv have none).",
    ),
]
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
    typer.Option(
        "--format",
        "-f",
        help="table, markdown, json, csv (default: from -o's suffix .txt .md .json .csv; "
        "else a table on a terminal, markdown elsewhere).",
    ),
]
CheckFormatOpt = Annotated[
    CheckFormat | None,
    typer.Option(
        "--format",
        "-f",
        help="table, markdown, json, csv, html or xlsx (default: from -o's suffix .txt .md "
        ".json .csv .html .xlsx; else a table on a terminal, markdown elsewhere).",
    ),
]
NoBomOpt = Annotated[
    bool,
    typer.Option(
        "--no-bom",
        help="CSV without the UTF-8 byte-order mark Excel needs to read Chinese (for pipelines).",
    ),
]


def _stderr(line: str) -> None:
    """Write a line on stderr as Python's stderr encodes it: on a terminal that cannot show
    Chinese, \\uXXXX escapes (stderr's own backslashreplace), never bytes it cannot read."""
    sys.stderr.write(line + "\n")
    sys.stderr.flush()


def _say(level: str, message: str) -> None:
    """One line on stderr: control characters, line breaks and bidi controls from a user's
    file shown as <U+XXXX>, so the line stays one line and means what it reads."""
    from psplan.formats.escape import one_line

    _stderr(f"psplan: {level}: {one_line(message)}")


def fail(message: str) -> NoReturn:
    _say("error", message)
    raise typer.Exit(2)


def print_problems(problems: list, level: str, limit: int = MAX_PROBLEMS) -> None:
    """Problems or warnings, one line each on stderr: the first `limit` (0: all), then one
    line counting the rest (and a checker's note that it stopped early, if any)."""
    from psplan.formats.problems import more_problems, shown_problems

    shown, more, stopped = shown_problems(problems, limit)
    for problem in shown:
        _say(level, f"{problem.location}: {problem.message}")
    if more:
        _say(level, more_problems(more, "problems" if level == "error" else "warnings"))
    for problem in stopped:  # "stopped after N problems; there are more": always last
        _say(level, f"{problem.location}: {problem.message}")


#: The inputs of the command running (`command_inputs`), gathered once by `user_errors`.
_INPUTS: ContextVar[tuple[Path, ...]] = ContextVar("psplan_inputs", default=())
#: Parameters naming a plan: a file, or the name of a bundled plan.
PLAN_PARAMETERS = frozenset({"plan", "plans", "parent", "child"})


def command_inputs(params: Mapping[str, object]) -> list[Path]:
    """Every file a command reads, from its parsed parameters: each Path argument or option
    (actuals, --overrides, --waivers, and any added later), each plan (a bundled plan's file
    too) and, for `compare --all`, every bundled plan. The one list `-o` is checked against."""
    from psplan.plan.plans import bundled_plans, resolve_plan

    found: list[Path] = []
    for name, value in params.items():
        if name == "output" or value is None:
            continue
        for item in value if isinstance(value, list | tuple) else (value,):
            if isinstance(item, Path):
                found.append(item)
            elif name in PLAN_PARAMETERS and isinstance(item, str):
                with contextlib.suppress(PsplanError):
                    found.append(resolve_plan(item))
    if params.get("all_children"):
        found += bundled_plans().values()
    return found


def user_errors(command: Callable[..., None]) -> Callable[..., None]:
    """Turn a PsplanError raised by a command into its one-line message and exit code 2;
    an invalid plan or bad actuals print their problems, one line each (--max-problems).

    Before the command runs, its `-o` is checked: never an input, a device or a FIFO."""

    @functools.wraps(command)
    def wrapper(*args: object, **kwargs: object) -> None:
        limit = kwargs.get("max_problems", MAX_PROBLEMS)
        token = _INPUTS.set(())
        try:
            output = kwargs.get("output")
            if output is not None:
                from psplan.output import resolve_output

                _INPUTS.set(tuple(command_inputs(kwargs)))
                resolve_output(output, _INPUTS.get())  # type: ignore[arg-type]
            command(*args, **kwargs)
        except PsplanError as exc:
            problems = getattr(exc, "problems", None)
            if problems:
                print_problems(problems, "error", limit)  # type: ignore[arg-type]
                raise typer.Exit(2) from None
            fail(str(exc))
        finally:
            _INPUTS.reset(token)

    return wrapper


def warn(problems: list, limit: int = MAX_PROBLEMS) -> None:
    """Print what was skipped or assumed while reading, one line each on stderr."""
    print_problems(problems, "warning", limit)


def _write(content: str | bytes, output: Path | None) -> None:
    """Print or write a command's result; `-o` may be none of the command's inputs."""
    from psplan.output import write_output

    write_output(content, output, inputs=_INPUTS.get())


def _wrote(output: Path, what: str = "") -> None:
    """Say on stderr which file was written (nothing when it went to stdout)."""
    from psplan.output import is_stream

    if not is_stream(output):
        from psplan.formats.escape import one_line

        _stderr(f"wrote {one_line(str(output))}{what}")


def _limit_regions(
    rows: Iterable[object], limit: int, source: str, what: str, hint: str
) -> Iterator[object]:
    """The rows as read, stopping with a one-line error at the first region past `limit`:
    before any judging or rendering of a report nobody could read."""
    seen: set[str] = set()
    for row in rows:
        region = getattr(row, "region", None)
        if region is not None and region not in seen:
            seen.add(region)
            if len(seen) > limit:
                raise PsplanError(
                    f"more than {limit} regions, too many for {what}; {hint}", Location(source)
                )
        yield row


def _region_limit(max_regions: int, region: str | None, fmt: str) -> int:
    """The limit that applies: none for one region, for json and csv, or for 0."""
    if region is not None or fmt in ("json", "csv"):
        return 0
    return max_regions


REPORT_NAMES = {
    "table": "a table",
    "markdown": "a markdown report",
    "html": "an HTML report",
    "xlsx": "an Excel workbook",
}


def _load_for_judging(plan: str):
    """A plan `check`, `trend`, `report` and `compare` may use: valid, as `validate` says."""
    from psplan.plan.validate import load_valid_plan

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


#: The format a file name's suffix holds (matched without regard to case).
SUFFIX_FORMATS = {
    ".txt": "table",
    ".md": "markdown",
    ".markdown": "markdown",
    ".json": "json",
    ".csv": "csv",
    ".html": "html",
    ".htm": "html",
    ".xlsx": "xlsx",
}
#: The suffix named for each format in messages.
FORMAT_SUFFIXES = {"table": ".txt", "markdown": ".md", "json": ".json", "csv": ".csv",
                   "html": ".html", "xlsx": ".xlsx"}  # fmt: skip
#: What each command can write, in the order its messages list them.
SHOW_FORMATS = ("table", "markdown", "json", "csv")
CHECK_FORMATS = (*SHOW_FORMATS, "html", "xlsx")


def _suffix(output: Path | None) -> str:
    """The suffix of `-o`, lower case; none for stdout (`-`) and the other stream names."""
    if output is None:
        return ""
    from psplan.output import STDERR_NAMES, STDOUT_NAMES

    if str(output) in STDOUT_NAMES or str(output) in STDERR_NAMES:
        return ""
    return output.suffix.lower()


def _either(names: Iterable[str]) -> str:
    *first, last = names
    return f"{', '.join(first)} or {last}" if first else last


def _format_for(
    command: str,
    allowed: tuple[str, ...],
    asked: Enum | None,
    output: Path | None,
    fallback: str,
) -> str:
    """The format to write: the one `-o`'s suffix names, else the one asked, else `fallback`.

    A suffix the command cannot write (`.docx`, `.pdf`, `.txt` for a report), or one that
    contradicts `--format`, is a one-line error before any work: a file's content always
    matches its name."""
    wanted = None if asked is None else str(asked.value)
    if wanted is not None and wanted not in allowed:
        raise PsplanError(f"{command} cannot write {wanted}; it writes {_either(allowed)}")
    suffix = _suffix(output)
    if not suffix:
        return wanted or fallback
    implied = SUFFIX_FORMATS.get(suffix)
    if implied is None or implied not in allowed:
        names = _either([FORMAT_SUFFIXES[name] for name in allowed])
        raise PsplanError(
            f"{command} cannot write a {suffix} file; give -o a name ending in {names}"
        )
    if wanted is not None and wanted != implied:
        raise PsplanError(
            f"--format {wanted} does not match -o {output}, a {suffix} file "
            f"({implied}); drop --format or give -o a name ending in {FORMAT_SUFFIXES[wanted]}"
        )
    return implied


def _choose_format(
    output_format: Enum | None,
    output: Path | None,
    command: str = "psplan",
    allowed: tuple[str, ...] = SHOW_FORMATS,
) -> tuple[str, bool]:
    """The format (see `_format_for`), else a colour table on a terminal and markdown
    elsewhere; and whether the result goes to a terminal in colour."""
    terminal = _is_terminal() and output is None
    fallback = "table" if terminal else "markdown"
    return _format_for(command, allowed, output_format, output, fallback), terminal


def _to_terminal(output: Path | None) -> bool:
    """Whether the result is printed on a terminal (where a byte-order mark is noise)."""
    from psplan.output import resolve_output

    try:
        stream = "stdout" if output is None else resolve_output(output).stream
    except PsplanError:
        return False
    handle = {"stdout": sys.stdout, "stderr": sys.stderr}.get(stream or "")
    try:
        return handle is not None and handle.isatty()
    except (AttributeError, ValueError):
        return False


def _emit(content: str | bytes, chosen: str, output: Path | None, no_bom: bool = False) -> None:
    """Write a command's result, then say which file was written. CSV goes out as UTF-8 with
    a byte-order mark (what Excel needs), unless --no-bom or it is printed on a terminal."""
    if chosen == "csv" and isinstance(content, str) and not no_bom and not _to_terminal(output):
        from psplan.formats.csvout import with_bom

        content = with_bom(content)
    _write(content, output)
    if output is not None:
        _wrote(output)


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
    max_problems: MaxProblemsOpt = MAX_PROBLEMS,
) -> None:
    """Check plan files: schema, ids, domains, targets, units, maps_to. Exit 2 if any is invalid."""
    from psplan.formats import problems as fmt
    from psplan.output import write_output
    from psplan.plan.plans import load_plan
    from psplan.plan.validate import validate_file

    parent_plan = load_plan(parent) if parent else None
    problems = [problem for plan in plans for problem in validate_file(plan, parent_plan)]
    render = {"text": fmt.problems_text, "json": fmt.problems_json, "github": fmt.problems_github}
    text = render[output_format.value](problems, len(plans), max_problems)
    if text:
        write_output(text, None)
    if any(problem.level == "error" for problem in problems):
        raise typer.Exit(2)


@app.command()
@user_errors
def show(
    plan: PlanArg,
    output_format: FormatOpt = None,
    lang: LangOpt = Lang.zh,
    output: OutputOpt = None,
    no_bom: NoBomOpt = False,
    max_problems: MaxProblemsOpt = MAX_PROBLEMS,
) -> None:
    """Show a plan's indicators grouped by domain."""
    from psplan.formats.show import render_plan
    from psplan.plan.plans import load_plan

    chosen, terminal = _choose_format(output_format, output, "show")
    loaded = load_plan(plan)
    text = render_plan(loaded.plan, chosen, lang.value, color=terminal)
    _emit(text, chosen, output, no_bom)


def _parse_references(items: list[str]) -> dict[str, float]:
    from psplan.actuals.values import parse_value

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
    max_problems: int = MAX_PROBLEMS,
    max_regions: int = 0,
    report_name: str = "a report",
    region_hint: str = "",
) -> Report:
    """Read the actuals and judge them; warnings printed, every input problem printed, exit 2.

    With `max_regions`, reading stops at the first region past it (see `_limit_regions`)."""
    from psplan.actuals.read import read_actuals
    from psplan.assess.check import check
    from psplan.assess.overrides import read_overrides
    from psplan.progress import with_progress

    override_list = read_overrides(overrides) if overrides else []
    rows: Iterable = with_progress(read_actuals(actuals, encoding=encoding, sheet=sheet), actuals)
    if max_regions:
        hint = "raise the limit with --max-regions N (0: no limit)" + region_hint
        rows = _limit_regions(rows, max_regions, str(actuals), report_name, hint)
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
        warn(warnings, max_problems)


def _render_report(report: Report, chosen: str, lang: str, *, color: bool = False) -> str | bytes:
    """A judged report in any format `check` or `report` writes."""
    if chosen == "html":
        from psplan.formats.html import render_html

        return render_html(report, lang)
    if chosen == "xlsx":
        from psplan.formats.xlsx import render_xlsx

        return render_xlsx(report, lang)
    from psplan.formats.report import render_report

    return render_report(report, chosen, lang, color=color)


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
    output_format: CheckFormatOpt = None,
    lang: LangOpt = Lang.zh,
    strict: Annotated[
        bool, typer.Option("--strict", help="Exit 1 when any indicator is behind or not met.")
    ] = False,
    encoding: EncodingOpt = None,
    sheet: SheetOpt = None,
    output: OutputOpt = None,
    no_bom: NoBomOpt = False,
    max_problems: MaxProblemsOpt = MAX_PROBLEMS,
    max_regions: MaxRegionsOpt = MAX_REGIONS,
) -> None:
    """Judge every indicator against its target; exit 1 if a binding one is behind or not met.

    With -o the format follows the file's suffix: .xlsx and .html write the report workbook
    and page `psplan report` writes."""
    from psplan.assess.check import check_previous

    if by_region:
        chosen, terminal = _choose_format(output_format, output, "check --by-region")
    else:
        chosen, terminal = _choose_format(output_format, output, "check", CHECK_FORMATS)
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
            max_problems=max_problems,
            # --by-region prints one row per indicator, however many regions
            max_regions=0 if by_region else _region_limit(max_regions, region, chosen),
            report_name=REPORT_NAMES.get(chosen, "a report"),
            region_hint=", pick one with --region, or use --format csv or json",
        )
    content: str | bytes
    if by_region:
        from psplan.formats.regions import render_by_region

        content = render_by_region(report, chosen, lang.value, color=terminal)
    else:
        content = _render_report(report, chosen, lang.value, color=terminal)
    _emit(content, chosen, output, no_bom)
    if report.failing(strict):
        raise typer.Exit(1)


def _read_waivers(path: Path | None, allowed: list[str]) -> dict[str, str]:
    """Waivers: item id → reason, from --allow-missing and a YAML file (the API reads it)."""
    waivers = {item: "--allow-missing" for item in allowed}
    if path is not None:
        from psplan.api import read_waivers

        waivers.update(read_waivers(path))
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
    no_bom: NoBomOpt = False,
    max_problems: MaxProblemsOpt = MAX_PROBLEMS,
) -> None:
    """Check that a child plan adopts its parent's indicators and catalogue, no lower."""
    from psplan.comparison.compare import compare_plans
    from psplan.formats.comparison import render_comparison, render_summary
    from psplan.plan.plans import bundled_plans, load_plan

    chosen, terminal = _choose_format(output_format, output, "compare")
    parent_plan = _load_for_judging(parent)
    allowed = _read_waivers(waivers, allow_missing or [])
    if all_children:
        children = [load_plan(path) for path in bundled_plans().values()]
        children = [c for c in children if c.plan.parent == parent_plan.plan.id]
        if not children:
            raise PsplanError(f"no bundled plan has {parent_plan.plan.id!r} as its parent")
        comparisons = [compare_plans(parent_plan.plan, c.plan, allowed) for c in children]
        text = render_summary(comparisons, "markdown" if chosen == "table" else chosen, lang.value)
    elif child is None:
        fail("give a CHILD plan, or --all")
    else:
        child_plan = _load_for_judging(child)
        comparisons = [compare_plans(parent_plan.plan, child_plan.plan, allowed)]
        text = render_comparison(comparisons[0], chosen, lang.value, color=terminal)
    _emit(text, chosen, output, no_bom)
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
    no_bom: NoBomOpt = False,
    max_problems: MaxProblemsOpt = MAX_PROBLEMS,
    max_regions: MaxRegionsOpt = MAX_REGIONS,
) -> None:
    """Series per indicator with the expected path, observed vs needed growth and a projection."""
    from psplan.assess.check import IndicatorMatcher
    from psplan.formats.trend import render_trend

    chosen, terminal = _choose_format(output_format, output, "trend")
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
        max_problems=max_problems,
        max_regions=_region_limit(max_regions, region, chosen),
        report_name=REPORT_NAMES.get(chosen, "a report"),
        region_hint=", pick one with --region, or use --format csv or json",
    )
    if wanted:
        report = report.with_results(r for r in report.results if r.indicator.id in wanted)
    text = render_trend(report, chosen, lang.value, color=terminal)
    _emit(text, chosen, output, no_bom)


class ReportFormat(str, Enum):
    html = "html"
    xlsx = "xlsx"
    markdown = "markdown"


REPORT_FORMATS = ("html", "xlsx", "markdown")


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
    max_problems: MaxProblemsOpt = MAX_PROBLEMS,
    max_regions: MaxRegionsOpt = MAX_REGIONS,
) -> None:
    """Write the annual monitoring report: self-contained HTML, an Excel workbook, or markdown
    (the format from -o's suffix: .html, .xlsx, .md)."""
    chosen = ReportFormat(_format_for("report", REPORT_FORMATS, output_format, output, "markdown"))
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
        max_problems=max_problems,
        max_regions=_region_limit(max_regions, region, chosen.value),
        report_name=REPORT_NAMES[chosen.value],
        region_hint=" or pick one with --region",
    )
    _emit(_render_report(result, chosen.value, lang.value), chosen.value, output)


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
    max_problems: MaxProblemsOpt = MAX_PROBLEMS,
) -> None:
    """Write the data-collection sheet departments fill in (reads back with `psplan check`)."""
    from psplan.output import is_stream
    from psplan.plan.plans import load_plan
    from psplan.views.template import parse_years, template_csv, template_xlsx

    chosen = TemplateFormat(_format_for("template", ("csv", "xlsx"), output_format, output, "csv"))
    loaded = load_plan(plan)
    p = loaded.plan
    if not force and not is_stream(output) and output.exists():
        raise PsplanError(f"{output} exists; pass --force to overwrite it")
    year_list = parse_years(years) if years else list(range(p.period.start, p.period.end + 1))
    region_list = [r.strip() for r in (regions or "").replace("，", ",").split(",") if r.strip()]
    render = template_xlsx if chosen is TemplateFormat.xlsx else template_csv
    _write(render(p, year_list, region_list), output)
    _wrote(output, f" ({len(p.indicators) * max(1, len(region_list))} rows)")


@app.command()
@user_errors
def schema() -> None:
    """Print the JSON Schema of a plan file (for editors that check YAML)."""
    import json

    from psplan.output import write_output
    from psplan.plan.model import Plan

    write_output(json.dumps(Plan.model_json_schema(), ensure_ascii=False, indent=2), None)


@app.command(name="list")
@user_errors
def list_plans() -> None:
    """List the plans bundled with psplan."""
    from psplan.formats.escape import one_line
    from psplan.output import write_output
    from psplan.plan.plans import bundled_plans, load_plan

    lines = []
    for name, path in bundled_plans().items():
        plan = load_plan(path).plan
        lines.append(f"{one_line(name)}\t{one_line(plan.name)}\t{len(plan.indicators)} indicators")
    write_output("\n".join(lines), None)


def _tolerant_streams() -> None:
    """A terminal whose encoding cannot show Chinese (PYTHONIOENCODING=ascii, LANG=C without
    UTF-8) gets \\uXXXX escapes instead of a crash: stdout and stderr replace, never raise
    (`psplan.output` also says so once, on stderr, when a result needed it)."""
    for stream in (sys.stdout, sys.stderr):
        if getattr(stream, "errors", None) in ("strict", "surrogateescape"):
            with contextlib.suppress(AttributeError, ValueError, OSError):
                stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]


def _end_by_signal(signum: int) -> NoReturn:
    """End the process by the signal that interrupted it, as if no handler had been there
    (so a shell or a supervisor sees the real cause); exit 128 + signal where that fails."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        sys.stdout.flush()
        sys.stderr.flush()
        signal.signal(signum, signal.SIG_DFL)
        os.kill(os.getpid(), signum)
    sys.exit(128 + signum)


def main() -> None:
    """Console entry point. Typer already maps Ctrl-C to exit 130 and usage errors to 2;
    this adds the last line of defence: no traceback, even for a bug in psplan."""
    from psplan.formats.escape import one_line
    from psplan.output import Interrupted

    _tolerant_streams()
    try:
        app()
    except PsplanError as exc:
        _stderr(f"psplan: error: {one_line(str(exc))}")
        sys.exit(2)
    except Interrupted as exc:
        done = "was written" if exc.written else "was not written"
        where = f"; {one_line(exc.output)} {done}" if exc.output else ""
        _stderr(f"psplan: interrupted by {exc.name}{where}")
        _end_by_signal(exc.signum)
    except KeyboardInterrupt:
        _stderr("psplan: interrupted")
        sys.exit(130)
    except Exception as exc:
        if os.environ.get("PSPLAN_DEBUG"):
            raise
        _stderr(
            f"psplan: internal error: {type(exc).__name__}: {one_line(str(exc))} "
            "(set PSPLAN_DEBUG=1 for details)"
        )
        sys.exit(2)
