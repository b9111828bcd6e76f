"""The options the commands share, declared once (typer `Annotated` aliases).

A command offers an option by naming its alias here, so `--reference`, `--lang` or `--sheet`
read and mean the same in `check`, `trend` and `report` alike.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer


class Format(str, Enum):
    """Every format a view can be written in (`psplan.formats.FORMATS`)."""

    table = "table"
    markdown = "markdown"
    json = "json"
    csv = "csv"
    html = "html"
    xlsx = "xlsx"


def finite_at_least(least: float) -> Callable[[Any], float]:
    """A threshold's parser: a finite number, `least` or more. typer's `min=` lets inf through
    and refuses nan as "less than the bound"; the refusals are in pydantic's words, which
    `usage` words in the command's language."""

    def parse(given: Any) -> float:
        try:
            value = float(given)
        except (TypeError, ValueError):
            raise ValueError("Input should be a valid number") from None
        if not math.isfinite(value):
            raise ValueError("Input should be a finite number")
        if value < least:
            raise ValueError(f"Input should be greater than or equal to {least:g}")
        return value

    return parse


class ProblemFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"


class Stage(str, Enum):
    annual = "annual"
    mid = "mid"
    final = "final"


class Lang(str, Enum):
    zh = "zh"
    en = "en"


#: How many problems or warnings a command prints by default, and regions a human report holds.
MAX_PROBLEMS = 50
MAX_REGIONS = 5000

PlanArg = Annotated[
    str, typer.Argument(metavar="PLAN", help="Plan file or bundled plan name (e.g. national).")
]
ActualsArg = Annotated[
    list[Path],
    typer.Argument(
        metavar="FILE",
        help="CSV or .xlsx files of reported figures (long or wide), and .yaml files of "
        "原因分析 / 下一步措施 by indicator; several files (one per department) are read as one "
        "dataset.",
    ),
]
YearOpt = Annotated[
    int | None,
    typer.Option(metavar="YEAR", help="Year to judge (default: latest in the file)."),
]
RegionOpt = Annotated[str | None, typer.Option(metavar="REGION", help="Only this region.")]
StageOpt = Annotated[
    Stage,
    typer.Option(
        help="annual (年度监测: the latest year), mid (中期评估: the period's middle year) or "
        "final (终期评估: its end year); --year overrides the year. Names the report."
    ),
]
LangOpt = Annotated[
    Lang,
    typer.Option(
        envvar="PSPLAN_LANG",
        case_sensitive=False,  # EN, Zh: what an environment variable is often set to
        help="Language of headers, labels and messages (zh or en; also PSPLAN_LANG).",
    ),
]
EncodingOpt = Annotated[
    str | None, typer.Option(metavar="ENCODING", help="Force the CSV encoding.")
]
SheetOpt = Annotated[str | None, typer.Option(metavar="SHEET", help="Excel sheet name or number.")]
OutputOpt = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="Write to this file, in the format its suffix names (.md .txt .json .csv "
        ".html .xlsx .docx); - for stdout. Never one of the inputs; an existing file is "
        "replaced, but an existing .docx only with --force.",
    ),
]
DocumentForceOpt = Annotated[
    bool,
    typer.Option(
        "--force",
        help="Overwrite an existing .docx at -o (a Word document edited by hand is lost).",
    ),
]
FileOpt = Annotated[Path, typer.Option("--output", "-o", metavar="FILE", help="File to write.")]
MaxProblemsOpt = Annotated[
    int,
    typer.Option(
        "--max-problems", min=0, metavar="N", help="Print at most N problems or warnings (0: all)."
    ),
]
#: validate's and lint's: their findings are their output, which the JSON holds whole.
MaxFindingsOpt = Annotated[
    int,
    typer.Option(
        "--max-problems",
        min=0,
        metavar="N",
        help="Print at most N problems or warnings (0: all; -f json lists all).",
    ),
]
MaxRegionsOpt = Annotated[
    int,
    typer.Option(
        "--max-regions",
        min=0,
        metavar="N",
        help="Refuse more than N regions in a table, markdown, HTML or Excel report of every "
        "result (0: no limit; json, csv and --by-region have none).",
    ),
]
ReferenceOpt = Annotated[
    list[str] | None,
    typer.Option(
        metavar="ID=VALUE", help="Reference value for a relative target: ID=VALUE (repeatable)."
    ),
]
ReferenceRegionOpt = Annotated[
    list[str] | None,
    typer.Option(
        metavar="REGION",
        help="Region whose rows are reference values (default: the level above the plan, "
        "e.g. 全省 or 陕西省 for a city).",
    ),
]
OverridesOpt = Annotated[
    Path | None,
    typer.Option(
        metavar="FILE", help="YAML file settling ambiguous plan rows (kind, direction, baseline)."
    ),
]
OutsideOpt = Annotated[
    bool,
    typer.Option(
        "--allow-outside-period",
        help="Judge a year outside the plan period (the report says so).",
    ),
]
FormatOpt = Annotated[
    Format | None,
    typer.Option(
        "--format",
        "-f",
        help="table, markdown, json, csv, html or xlsx (default: from -o's suffix; else a "
        "table on a terminal, markdown elsewhere).",
    ),
]
NoBomOpt = Annotated[
    bool,
    typer.Option(
        "--no-bom",
        help="CSV without the UTF-8 byte-order mark Excel needs to read Chinese (for pipelines).",
    ),
]
