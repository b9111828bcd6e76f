"""Commands about plans themselves: validate, show, template, schema, list."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from psplan.cli.options import (
    MAX_PROBLEMS,
    DocumentForceOpt,
    FormatOpt,
    Lang,
    LangOpt,
    MaxFindingsOpt,
    MaxProblemsOpt,
    NoBomOpt,
    OutputOpt,
    PlanArg,
    ProblemFormat,
)
from psplan.cli.run import (
    choose_format,
    emit,
    existing_file,
    format_for,
    refuse_to_overwrite,
    user_errors,
    warn,
    write,
    wrote,
)
from psplan.errors import Location, Message, Problem, PsplanError


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
    strict: Annotated[
        bool, typer.Option(help="Warnings count as errors (a draft's rows without a target).")
    ] = False,
    lang: LangOpt = Lang.zh,
    max_problems: MaxFindingsOpt = MAX_PROBLEMS,
) -> None:
    """Check plan files: schema, ids, domains, targets, units, maps_to. Exit 2 if any is invalid
    (with --strict, if any has a warning)."""
    from psplan.plan.plans import load_plan
    from psplan.plan.validate import validate_file
    from psplan.views.problems import problems_view

    parent_plan = load_plan(parent) if parent else None
    problems = [problem for plan in plans for problem in validate_file(plan, parent_plan)]
    if strict:  # every warning is an error: shown and counted as one
        problems = [Problem(p.location, p.words, p.code) if p.level == "warning" else p
                    for p in problems]  # fmt: skip
    view = problems_view(problems, len(plans), max_problems, lang.value)
    emit(view, output_format.value, None)
    if any(problem.level == "error" or strict for problem in problems):
        raise typer.Exit(2)


@user_errors
def show(
    plan: PlanArg,
    output_format: FormatOpt = None,
    lang: LangOpt = Lang.zh,
    output: OutputOpt = None,
    force: DocumentForceOpt = False,
    no_bom: NoBomOpt = False,
    commitments: Annotated[
        bool,
        typer.Option("--commitments", help="The commitments of the text and 专栏 boxes instead."),
    ] = False,
    max_problems: MaxProblemsOpt = MAX_PROBLEMS,
) -> None:
    """Show a plan's indicators grouped by domain (or, with --commitments, the quantitative
    commitments of its text and 专栏 boxes, grouped by chapter)."""
    from psplan.plan.plans import load_plan
    from psplan.views.plan import commitments_view, plan_view

    chosen, terminal = choose_format(output_format, output, "show", force=force)
    loaded = load_plan(plan)
    view = (commitments_view if commitments else plan_view)(loaded.plan, lang.value)
    emit(view, chosen, output, no_bom=no_bom, color=terminal)


def _shell_word(text: str) -> str:
    """A word as a shell reads it back: quoted where it holds a space or a character the
    shell reads otherwise; a Chinese name as it is."""
    import re
    import shlex

    return shlex.quote(text) if re.search(r"""[\s'"$`\\!*?;&|<>(){}\[\]#~]""", text) else text


class TemplateFormat(str, Enum):
    csv = "csv"
    xlsx = "xlsx"


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
    departments: Annotated[
        bool,
        typer.Option(
            "--by-department",
            help="One sheet per lead department (牵头部门) where the plan names them (xlsx).",
        ),
    ] = False,
    commitments: Annotated[
        bool,
        typer.Option("--commitments", help="Also a row per commitment of the text and boxes."),
    ] = False,
    lang: LangOpt = Lang.zh,
    max_problems: MaxProblemsOpt = MAX_PROBLEMS,
) -> None:
    """Write the data-collection sheet departments fill in (reads back with `psplan check`)."""
    from psplan.formats import render
    from psplan.formats.csv import with_bom
    from psplan.plan.plans import load_plan
    from psplan.views.template import parse_years, template_view

    chosen = TemplateFormat(format_for("template", ("csv", "xlsx"), output_format, output, "csv"))
    loaded = load_plan(plan)
    p = loaded.plan
    refuse_to_overwrite(output, force)
    year_list = parse_years(years) if years else list(range(p.period.start, p.period.end + 1))
    region_list = [r.strip() for r in (regions or "").replace("，", ",").split(",") if r.strip()]
    # the command that checks the filled sheet names the plan as this one did (a file by
    # its path) and the sheet by its name
    view = template_view(p, year_list, region_list, departments=departments,
                         commitments=commitments, plan_ref=_shell_word(plan),
                         file=_shell_word(output.name))  # fmt: skip
    sheets = view.tables[:-1]  # the last is the instructions
    if len(sheets) > 1 and chosen is not TemplateFormat.xlsx:
        raise PsplanError("template.by_department_needs_xlsx", sheets=len(sheets))
    if departments and len(sheets) == 1:
        warning = Message("template.no_leads", plan=p.name)
        warn([Problem(Location(loaded.file), warning, "no-lead", "warning")])
    content = render(view, chosen.value)
    # a CSV always with its byte-order mark, wherever it goes: it is a sheet for Excel
    replaced = existing_file(output)  # (with --force)
    write(with_bom(content) if isinstance(content, str) else content, output)
    rows = sum(len(sheet.rows) for sheet in sheets)
    if len(sheets) == 1:
        wrote(output, lang.value, "cli.wrote.rows", replaced, rows=rows)
    else:
        wrote(output, lang.value, "cli.wrote.sheets", replaced, rows=rows, sheets=len(sheets))


@user_errors
def schema() -> None:
    """Print the JSON Schema of a plan file (for editors that check YAML)."""
    import json

    from psplan.output import write_output
    from psplan.plan.model import Plan

    write_output(json.dumps(Plan.model_json_schema(), ensure_ascii=False, indent=2), None)


@user_errors
def list_plans(lang: LangOpt = Lang.zh) -> None:
    """List the plans bundled with psplan."""
    from psplan.formats.escape import one_line
    from psplan.output import write_output
    from psplan.plan.plans import bundled_plans, load_plan
    from psplan.words import say

    lines = []
    for name, path in bundled_plans().items():
        plan = load_plan(path).plan
        count = say("cli.list.indicators", lang.value, count=len(plan.indicators))
        lines.append(f"{one_line(name)}\t{one_line(plan.name)}\t{count}")
    write_output("\n".join(lines), None)
