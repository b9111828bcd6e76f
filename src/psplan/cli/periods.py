"""Commands that start a plan file: `init` (the next period, from the last one's figures)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated

import typer

from psplan.cli.options import (
    MAX_PROBLEMS,
    EncodingOpt,
    Lang,
    LangOpt,
    MaxProblemsOpt,
    OverridesOpt,
    SheetOpt,
)
from psplan.cli.run import existing_file, refuse_to_overwrite, user_errors, write, wrote
from psplan.errors import Location, Problem, PsplanError, plain, quoted


@user_errors
def init(
    new_id: Annotated[str, typer.Argument(help="Id of the new plan, e.g. hanzhong-15.")],
    previous: Annotated[
        str, typer.Option("--from", help="The plan of the period that ends (file or name).")
    ],
    actuals: Annotated[
        list[Path],
        typer.Option("--actuals", help="Its final figures (CSV or .xlsx; repeat for several)."),
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="The draft plan file to write.")],
    period: Annotated[
        str | None,
        typer.Option(help="The new period, e.g. 2026-2030 (default: the five years after)."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
    overrides: OverridesOpt = None,
    encoding: EncodingOpt = None,
    sheet: SheetOpt = None,
    lang: LangOpt = Lang.zh,
    max_problems: MaxProblemsOpt = MAX_PROBLEMS,
) -> None:
    """Draft the plan of the next period: the same indicators, each baseline the final figure
    of the period that ends (with its file and row), no targets yet, a `previous` link on
    each indicator. Check it with `psplan validate --strict` once the targets are in."""
    from psplan.cli.judge import load_for_judging, run_check
    from psplan.cli.run import warn
    from psplan.comparison.periods import next_period_draft, without_own_area
    from psplan.plan.model import IDENTIFIER_PATTERN
    from psplan.plan.serialize import draft_yaml
    from psplan.plan.yamlsource import shorten
    from psplan.views.template import parse_years

    _yaml_output(output, force)
    if not re.fullmatch(IDENTIFIER_PATTERN, new_id):  # validate would refuse the draft's id
        raise PsplanError("init.bad_id", id=quoted(new_id))
    old = load_for_judging(previous).plan
    if period is None:
        start, end = old.period.end + 1, old.period.end + 5
    else:
        years = parse_years(period)
        start, end = years[0], years[-1]
        if len(years) < 2 or years != list(range(start, end + 1)) or start <= old.period.end:
            raise PsplanError(
                "init.bad_period", period=plain(shorten(period, 40)), end=old.period.end
            )
    # the overrides the final evaluation was judged with (kind: cumulative of a total the
    # plan prints without brackets): check's error named --overrides, which init lacked
    options = {"year": old.period.end, "encoding": encoding, "sheet": sheet,
               "allow_outside_period": False, "max_problems": max_problems,
               "overrides": overrides}  # fmt: skip
    report = run_check(old, actuals, options)
    files = [str(path) for path in actuals]
    data = next_period_draft(report, new_id, start, end, files)
    elsewhere = without_own_area(report)
    if elsewhere is not None:  # every baseline empty: say why, not only how many
        warn([Problem(Location(", ".join(files)), elsewhere, "no-own-area", "warning")])
    replaced = existing_file(output)  # (with --force)
    write(draft_yaml(data, f"psplan init {new_id} --from {previous}"), output)
    missing = sum(1 for row in data["indicators"] if "baseline" not in row)
    wrote(output, lang.value, "cli.wrote.init", replaced, indicators=len(data["indicators"]),
          missing=missing)  # fmt: skip


@user_errors
def import_plan(
    document: Annotated[
        Path, typer.Argument(help="The plan document: .docx, .xlsx, .html or its text (.txt).")
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="The draft plan file to write.")],
    plan_id: Annotated[
        str | None, typer.Option("--id", help="Id of the draft plan (default: the file's name).")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
    lang: LangOpt = Lang.zh,
) -> None:
    """Read a plan document's main indicator table into a draft plan file: every cell's text
    as printed, domain rows, units split from names, attributes, a source pointer per row,
    and a note on every cell it could not read."""
    import re

    from psplan.plan.documents import document_title, read_tables
    from psplan.plan.importing import draft_plan
    from psplan.plan.serialize import draft_yaml

    _yaml_output(output, force)
    new_id = plan_id or re.sub(r"[^A-Za-z0-9_.-]", "-", document.stem).strip("-.") or "draft"
    if not new_id[0].isalpha():
        new_id = f"plan-{new_id}"
    data = draft_plan(read_tables(document), new_id, document.name, document_title(document))
    replaced = existing_file(output)  # (with --force)
    write(draft_yaml(data, f"psplan import {document.name}"), output)
    noted = sum(1 for row in data["indicators"] if row.get("notes"))
    wrote(output, lang.value, "cli.wrote.import", replaced, indicators=len(data["indicators"]),
          noted=noted)  # fmt: skip


def _yaml_output(output: Path, force: bool) -> None:
    """A draft plan is a YAML file: `-o` names one (or a stream), and an existing file is
    overwritten only with --force."""
    from psplan.output import is_stream

    if is_stream(output):
        return
    if output.suffix.lower() not in (".yaml", ".yml"):
        raise PsplanError("cli.yaml_output", output=plain(output))
    refuse_to_overwrite(output, force)
