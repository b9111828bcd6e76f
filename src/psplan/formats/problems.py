"""Formats for `psplan validate` problems: text, json, github (workflow annotations)."""

from __future__ import annotations

from collections.abc import Sequence

from psplan.errors import Problem
from psplan.formats.escape import one_line, to_json


def more_problems(count: int, noun: str = "problems") -> str:
    """The line that stands for the problems not printed."""
    return f"… and {count} more {noun} (use --max-problems to see more)"


#: The code of a problem that says a checker stopped early (`psplan.plan.validate`): printed
#: last, whatever the limit, since it tells that there are more than the count says.
STOPPED = "too-many-problems"


def shown_problems(
    problems: Sequence[Problem], limit: int
) -> tuple[list[Problem], int, list[Problem]]:
    """The first `limit` problems (all for 0), how many are left out, and the notes that a
    checker stopped early (printed after the count)."""
    stopped = [problem for problem in problems if problem.code == STOPPED]
    found = [problem for problem in problems if problem.code != STOPPED] if stopped else problems
    if limit and len(found) > limit:
        return list(found[:limit]), len(found) - limit, stopped
    return list(found), 0, stopped


def problems_text(problems: Sequence[Problem], files: int, limit: int = 0) -> str:
    """One line per problem, the first `limit` of them (0: all), then the count."""
    shown, more, stopped = shown_problems(problems, limit)
    lines = [one_line(str(problem)) for problem in shown]
    if more:
        lines.append(more_problems(more))
    lines += [one_line(str(problem)) for problem in stopped]
    errors = sum(problem.level == "error" for problem in problems)
    lines.append(
        f"{files} file(s) checked, {errors} error(s)" if problems else f"{files} file(s) valid"
    )
    return "\n".join(lines)


def problems_json(problems: Sequence[Problem], files: int, limit: int = 0) -> str:
    """Every problem, whatever the limit: a program reading it wants them all."""
    payload = {
        "files": files,
        "valid": not any(problem.level == "error" for problem in problems),
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
    return to_json(payload)


def _escape(text: str, *, property_value: bool = False) -> str:
    """GitHub's workflow-command escaping (%, CR, LF; also : and , in properties), and other
    control characters shown."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return one_line(text)


def _annotation(problem: Problem) -> str:
    where = [f"file={_escape(problem.location.file, property_value=True)}"]
    if problem.location.line:
        where.append(f"line={problem.location.line}")
    if problem.location.column:
        where.append(f"col={problem.location.column}")
    where.append(f"title={_escape(problem.code, property_value=True)}")
    return f"::{problem.level} {','.join(where)}::{_escape(problem.message)}"


def problems_github(problems: Sequence[Problem], files: int, limit: int = 0) -> str:
    """One workflow annotation per problem, the first `limit` of them (0: all)."""
    shown, more, stopped = shown_problems(problems, limit)
    lines = [_annotation(problem) for problem in shown]
    if more:
        lines.append(f"::notice::{more_problems(more)}")
    lines += [_annotation(problem) for problem in stopped]
    return "\n".join(lines)
