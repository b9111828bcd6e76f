"""`psplan validate`: the problems found, as a `View` (one row per problem printed).

`validate` writes it as text (`psplan.formats.text`: one `file:line:col: level: message
[code]` line per problem, what editors and CI scripts parse), JSON (`problems_dict`, every
problem whatever the limit: a program reading it wants them all) or GitHub workflow
annotations (`psplan.formats.github`).

At most `limit` problems are printed (0: all); the line that counts the others is a note under
the last one printed, and a checker's note that it stopped early (`STOPPED`) comes after it,
whatever the limit, since it tells that there are more than the count says. The same rule
prints the warnings and errors of the other commands on stderr (`psplan.cli.run`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from psplan.errors import Problem
from psplan.views.model import Cell, Column, Status, Table, View
from psplan.words import say

#: The code of a problem that says a checker stopped early (`psplan.plan.validate`).
STOPPED = "too-many-problems"
#: The problems table's columns (`problems.column.<key>`), the JSON's keys.
COLUMNS = ("file", "line", "column", "level", "code", "message")


def shown_problems(
    problems: Sequence[Problem], limit: int
) -> tuple[list[Problem], int, list[Problem]]:
    """At most `limit` problems (all for 0), how many are left out, and the notes that a
    checker stopped early (printed after the count). Errors come before warnings when some
    must be left out: a CI job's failing error is never hidden behind a draft's 60 warnings
    (a trial's finding); those shown keep their order."""
    stopped = [problem for problem in problems if problem.code == STOPPED]
    found = [problem for problem in problems if problem.code != STOPPED] if stopped else problems
    if limit and len(found) > limit:
        errors = [at for at, problem in enumerate(found) if problem.level == "error"]
        others = [at for at, problem in enumerate(found) if problem.level != "error"]
        kept = sorted((errors + others)[:limit])
        return [found[at] for at in kept], len(found) - limit, stopped
    return list(found), 0, stopped


def more_problems(count: int, noun: str = "problems", lang: str | None = None) -> str:
    """The line that stands for the problems (or "warnings") not printed."""
    return say(f"problems.more.{noun}", lang, count=count)


def problems_dict(problems: Sequence[Problem], files: int) -> dict[str, Any]:
    """`psplan validate --format json`: {"files", "valid", "errors", "warnings", "problems":
    [{"file", "line", "column", "level", "code", "message"}]}: a CI job reads the counts
    without counting the problems."""
    errors = sum(1 for problem in problems if problem.level == "error")
    return {
        "files": files,
        "valid": not errors,
        "errors": errors,
        "warnings": len(problems) - errors,
        "problems": [
            {
                "file": problem.location.file,
                "line": problem.location.line,
                "column": problem.location.column,
                "level": problem.level,
                "code": problem.code,
                "message": problem.message,
            }
            for problem in problems
        ],
    }


def problems_view(
    problems: Sequence[Problem], files: int, limit: int = 0, lang: str = "zh"
) -> View:
    shown, more, stopped = shown_problems(problems, limit)
    rows = [_row(problem, lang) for problem in (*shown, *stopped)]
    notes = {len(shown) - 1: [more_problems(more, "problems", lang)]} if more and shown else {}
    columns = tuple(Column(key, say(f"problems.column.{key}", lang), key in ("file", "message"))
                    for key in COLUMNS)  # fmt: skip
    title = say("problems.title", lang)
    table = Table("problems", title, columns, rows, notes=notes)
    errors = sum(problem.level == "error" for problem in problems)
    warnings = len(problems) - errors
    if warnings:  # lint's findings are warnings: "0 个错误" alone read as a clean file
        summary = say("problems.checked_warnings", lang, files=files, errors=errors,
                      warnings=warnings)  # fmt: skip
    elif problems:
        summary = say("problems.checked", lang, files=files, errors=errors)
    else:
        summary = say("problems.valid" if files != 1 else "problems.valid_one", lang, files=files)
    return View(
        "problems",
        title,
        lang,
        problems_dict(problems, files),
        [table],
        notes=[summary],
        primary="problems",
    )


def _row(problem: Problem, lang: str) -> tuple[Cell, ...]:
    where = problem.location
    return (
        where.file,
        where.line or None,
        where.column or None,
        Status(problem.level, say(f"problem.level.{problem.level}", lang)),
        problem.code,
        problem.words.render(lang),
    )
