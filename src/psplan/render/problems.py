"""Formats for `psplan validate` problems: text, json, github (workflow annotations)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from psplan.errors import Problem


def problems_text(problems: Sequence[Problem], files: int) -> str:
    lines = [str(problem) for problem in problems]
    errors = sum(problem.level == "error" for problem in problems)
    lines.append(
        f"{files} file(s) checked, {errors} error(s)" if problems else f"{files} file(s) valid"
    )
    return "\n".join(lines)


def problems_json(problems: Sequence[Problem], files: int) -> str:
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
    return json.dumps(payload, ensure_ascii=False, indent=2)


def _escape(text: str, *, property_value: bool = False) -> str:
    """GitHub's workflow-command escaping (%, CR, LF; also : and , in properties)."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def problems_github(problems: Sequence[Problem], files: int) -> str:
    lines = []
    for problem in problems:
        where = [f"file={_escape(problem.location.file, property_value=True)}"]
        if problem.location.line:
            where.append(f"line={problem.location.line}")
        if problem.location.column:
            where.append(f"col={problem.location.column}")
        where.append(f"title={_escape(problem.code, property_value=True)}")
        lines.append(f"::{problem.level} {','.join(where)}::{_escape(problem.message)}")
    return "\n".join(lines)
