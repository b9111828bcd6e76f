"""The Python API: what the `psplan` commands do, as functions for notebooks and scripts.

    import psplan
    result = psplan.check("national", "examples/national-2023.csv")
    result.summary()          # {'met': 6, 'on_track': 3, 'behind': 1, …}
    result.to_dataframe()     # one row per indicator (with pandas installed)

Every name here is also an attribute of the package (`psplan.assess.check`, `psplan.load_plan`, …),
imported on first use, so `import psplan` itself stays fast. A walk-through is in
docs/api.md.

Results are the library's own objects with what a notebook needs added, never copies:

- `check` returns a `Checked`, which *is* an `Assessment` (every renderer and helper that
  takes an assessment takes it) plus the `warnings` the command line would have printed;
- `compare` returns a `Compared`, which is a `Comparison`;
- `validate` returns `Problems`, and `read_actuals` returns `Actuals`: lists.

Each has `to_dict()` (the JSON the command prints with `--format json`), `to_rows()` (flat
dicts, one a row) and `to_dataframe()` (the same rows in a pandas DataFrame, if pandas is
installed; psplan does not need it). Mistakes in the input raise `PsplanError`; an invalid
plan or bad rows carry `problems`, the lines the command would print.
"""

from __future__ import annotations

import dataclasses
import json
import math
import numbers
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from psplan.actuals.read import ActualRow, SheetEntry
from psplan.actuals.read import read_actuals as _read_actuals
from psplan.assess.assessment import Assessment
from psplan.comparison.compare import Comparison, compare_plans
from psplan.errors import Location, Message, Problem, PsplanError, plain, quoted
from psplan.plan.model import Plan
from psplan.plan.plans import LoadedPlan
from psplan.words import resolve_lang

if TYPE_CHECKING:
    from typing import TypeAlias

    import pandas

    from psplan.assess.assessment import Result
    from psplan.assess.overrides import Override

    #: A plan as the functions take it: a bundled plan's name, a file, or a plan loaded.
    PlanLike: TypeAlias = str | os.PathLike[str] | Plan | LoadedPlan
    #: One item of what `read_actuals` reads.
    Row: TypeAlias = ActualRow | SheetEntry | Problem

__all__ = [
    "Actuals",
    "Checked",
    "Compared",
    "Problems",
    "PsplanError",
    "check",
    "compare",
    "draft_next_period",
    "lint",
    "load_plan",
    "read_actuals",
    "validate",
]


# --- plans ---------------------------------------------------------------------------------


def load_plan(name_or_path: str | os.PathLike[str]) -> Plan:
    """The plan of a bundled name (`"national"`) or a file, checked as `psplan check` checks
    it: a plan with errors raises `PsplanError` whose `problems` are what `validate` lists."""
    from psplan.plan.validate import load_valid_plan

    return load_valid_plan(_plan_path(name_or_path)).plan


def _plan_path(name_or_path: str | os.PathLike[str]) -> str | Path:
    if isinstance(name_or_path, (str, Path)):
        return name_or_path
    if isinstance(name_or_path, os.PathLike):
        return Path(name_or_path)
    raise TypeError(
        f"expected a plan name or a path, not {type(name_or_path).__name__}"
        + ("; pass a Plan to check() or compare() directly" if _is_plan(name_or_path) else "")
    )


def _is_plan(value: object) -> bool:
    return isinstance(value, (Plan, LoadedPlan))


def _plan(plan: PlanLike) -> Plan:
    """A plan given as a name or path (loaded and checked), or as a Plan (used as it is)."""
    if isinstance(plan, LoadedPlan):
        return plan.plan
    if isinstance(plan, Plan):
        return plan
    return load_plan(plan)


# --- validate ------------------------------------------------------------------------------


class Problems(list[Problem]):
    """What `validate` found in a plan file, in file order: empty when there is nothing.

    A list of `Problem` (each with `location`, `message`, `code`, `level`); `valid` is true
    when none is an error (warnings do not make a plan invalid)."""

    def __init__(self, problems: Iterable[Problem] = (), files: int = 1) -> None:
        super().__init__(problems)
        self.files = files  # the files they were found in (`to_dict`'s "files")

    @property
    def valid(self) -> bool:
        return not self.errors

    @property
    def errors(self) -> list[Problem]:
        return [problem for problem in self if problem.level == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [problem for problem in self if problem.level == "warning"]

    def to_dict(self) -> dict[str, Any]:
        """`psplan validate FILE --format json`: {"files", "valid", "errors", "warnings",
        "problems": [{"file", "line", "column", "level", "code", "message"}]}."""
        from psplan.formats.json import render
        from psplan.views.problems import problems_view

        # Parsed back from the command's own text, so the two cannot differ.
        return json.loads(render(problems_view(self, self.files)))

    def to_rows(self) -> list[dict[str, Any]]:
        return self.to_dict()["problems"]

    def to_dataframe(self) -> pandas.DataFrame:
        return _dataframe(self.to_rows(), PROBLEM_COLUMNS)


PROBLEM_COLUMNS = ("file", "line", "column", "level", "code", "message")


def validate(name_or_path: str | os.PathLike[str], *, parent: PlanLike | None = None) -> Problems:
    """Every problem of one plan file (`psplan validate`); an unreadable file is a problem
    too, not an exception. `parent` resolves the plan's `maps_to` against another plan
    (default: the bundled plan its `parent` names)."""
    from psplan.plan.validate import validate_file

    given = None
    if parent is not None:
        given = parent if isinstance(parent, LoadedPlan) else _loaded_parent(parent)
    return Problems(validate_file(_plan_path(name_or_path), given))


def _loaded_parent(parent: PlanLike) -> LoadedPlan:
    from psplan.plan.plans import load_plan as load_document

    if isinstance(parent, Plan):
        raise TypeError("give the parent plan by name or path (its file locates the problems)")
    return load_document(_plan_path(parent))  # as `validate --parent` loads it


# --- actuals -------------------------------------------------------------------------------


class Actuals(list[ActualRow | SheetEntry | Problem]):
    """The rows of an actuals file, in file order, as `check` reads them: the figures
    (`ActualRow`), the collection sheet's 基期值 / 原因分析 / 下一步措施 cells (`SheetEntry`)
    and a `Problem` for every row that could not be read or was skipped.

    Read once, judge as often as needed: `check(plan, actuals, year=…)`. Bad rows are
    reported by `check`, all together, as the command does; `problems` lists them now."""

    def __init__(self, rows: Iterable[Row] = (), source: str = "") -> None:
        super().__init__(rows)
        self.source = source  # the file read, named in messages

    @property
    def figures(self) -> list[ActualRow]:
        return [row for row in self if type(row) is ActualRow]

    @property
    def problems(self) -> list[Problem]:
        """Rows that cannot be judged; `check` raises with all of them."""
        return [row for row in self if type(row) is Problem and row.level == "error"]

    @property
    def warnings(self) -> list[Problem]:
        """Rows, columns or sheets skipped, each named: what the command prints as warnings."""
        return [row for row in self if type(row) is Problem and row.level == "warning"]

    def __repr__(self) -> str:
        figures = self.figures
        missing = sum(row.value.missing for row in figures)  # (a — or an empty cell)
        counts = [
            f"{len(figures)} figures" + (f" ({missing} missing)" if missing else ""),
            f"{sum(type(row) is SheetEntry for row in self)} sheet entries",
            f"{len(self.problems)} problems",
            f"{len(self.warnings)} warnings",
        ]
        return f"<Actuals {self.source or '(no file)'}: {', '.join(counts)}>"

    def to_rows(self) -> list[dict[str, Any]]:
        """One dict per figure (sheet entries and problems are left out)."""
        return [
            {
                "indicator": row.indicator,
                "region": row.region,
                "year": row.year,
                "value": row.value.number,
                "text": row.value.text,
                # the unit written with the figure (95%), else the row's 单位 cell's: it was
                # None where the file has that column (trial 18)
                "unit": row.value.unit or row.unit,
                "bound": row.value.bound,
                "running_total": row.value.running_total,
                "raw": row.value.raw,
                "note": row.note,
                "file": row.file,
                "line": row.line,
                "column": row.column,
            }
            for row in self.figures
        ]

    def to_dataframe(self) -> pandas.DataFrame:
        return _dataframe(self.to_rows(), ACTUALS_COLUMNS)


ACTUALS_COLUMNS = (
    "indicator", "region", "year", "value", "text", "unit", "bound", "running_total", "raw",
    "note", "file", "line", "column",
)  # fmt: skip


def read_actuals(
    path: str | os.PathLike[str] | Any,
    *,
    encoding: str | None = None,
    sheet: str | int | None = None,
) -> Actuals:
    """Every row of a CSV or .xlsx file of reported figures, read as `psplan check` reads it
    (`encoding` forces a CSV encoding; `sheet` picks a workbook sheet by name or 1-based
    number). A file that cannot be read at all raises `PsplanError`.

    `path` may also be a table in memory — a pandas or polars DataFrame, or a list of dicts —
    read as the same table written to a CSV file: its columns are the header (line 1 in
    messages, which name it `DataFrame` or `records`), its rows lines 2, 3…"""
    from psplan.actuals.tables import is_table, table_name, table_records

    if is_table(path):  # a DataFrame or a list of dicts, read as the same table in a CSV file
        return Actuals(table_records(path), table_name(path))
    path = Path(path)
    rows = _read_actuals(path, encoding=encoding, sheet=None if sheet is None else str(sheet))
    return Actuals(rows, str(path))


# --- check ---------------------------------------------------------------------------------


@dataclasses.dataclass(repr=False)
class Checked(Assessment):
    """The result of `check`: the `Assessment` (`plan`, `year`, `results`, `summary()`,
    `failing()`, `regions`…) and the `warnings` met while reading and judging — the lines
    `psplan check` prints on stderr, here kept rather than printed."""

    warnings: list[Problem] = dataclasses.field(default_factory=list)

    @classmethod
    def of(cls, assessment: Assessment, warnings: Iterable[Problem] = ()) -> Checked:
        values = {f.name: getattr(assessment, f.name) for f in dataclasses.fields(assessment)}
        return cls(**{**values, "warnings": list(warnings)})

    def with_results(self, results: Iterable[Result]) -> Checked:  # type: ignore[override]
        """The same check narrowed to some results, warnings kept."""
        return dataclasses.replace(self, results=list(results))

    def __repr__(self) -> str:
        counts = ", ".join(f"{n} {status}" for status, n in self.summary().items() if n)
        where = f" {self.regions[0]}" if len(self.regions) == 1 and self.regions[0] else ""
        regions = f" ({len(self.regions)} regions)" if len(self.regions) > 1 else where
        failing = len(self.failing_rows())
        return (
            f"<Checked {self.plan.id} {self.year}{regions}: {counts or 'no results'}; "
            f"{failing} binding behind or not met; {len(self.warnings)} warnings>"
        )

    # to_dict(lang) is the Assessment's: the JSON contract of `psplan check --format json`.

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        """The JSON contract of `psplan check --format json`, in `lang` (zh or en; default the
        current language: `use_lang`, else PSPLAN_LANG, else zh)."""
        return super().to_dict(resolve_lang(lang))

    def to_rows(self, lang: str | None = None) -> list[dict[str, Any]]:
        """One dict per result: the keys of `to_dict()["results"]`, nested objects flattened
        with a dot (`target.value`, `baseline.source`, `trend.ratio`, `remarks.reason`), and
        beside the status and the rating their words in `lang` (`status_label`: 已达标…), as
        the command's CSV shows them."""
        lang = resolve_lang(lang)
        # each result's dict flattened as it is made (`to_dict()["results"]` would hold them
        # all beside their flat copies: three copies of 185,600 results at county scale)
        return _flatten_all(
            _labelled(result.to_dict(self.plan, lang), lang) for result in self.results
        )

    def to_dataframe(self, lang: str | None = None) -> pandas.DataFrame:
        return _dataframe(self.to_rows(lang))

    def write_report(
        self, path: str | os.PathLike[str], *, lang: str | None = None, overwrite: bool = False
    ) -> Path:
        """Write the report `psplan report` writes for this check — the annual monitoring
        report, or the 中期评估 / 终期评估 of `check(…, stage=…)` — in the format `path`'s
        suffix names: .docx (Word), .html, .xlsx or .md. An existing file is kept (a report
        completed by hand is somebody's work) unless `overwrite`; PsplanError says why."""
        from psplan.formats import REPORT_FORMATS, format_for_suffix, render, suffix_of
        from psplan.output import write_output
        from psplan.views.evaluation import evaluation_view

        lang = resolve_lang(lang)
        target = Path(path)
        chosen = format_for_suffix(target.suffix)
        if chosen not in REPORT_FORMATS:
            names = " ".join(suffix_of(name) for name in REPORT_FORMATS)
            raise PsplanError("api.report_suffix", output=plain(target), names=plain(names))
        if target.exists() and not overwrite:
            raise PsplanError("api.report_exists", output=plain(target))
        write_output(render(evaluation_view(self, lang), chosen), target)
        if chosen == "docx":
            from psplan.formats.chart_png import charts_left_out

            left_out = charts_left_out(str(target))
            if left_out is not None:  # (as the command says on stderr)
                import warnings

                if left_out not in self.warnings:
                    self.warnings.append(left_out)
                warnings.warn(left_out.words.render(lang), UserWarning, stacklevel=2)
        return target


def check(
    plan_or_name: PlanLike,
    actuals: str | os.PathLike[str] | Iterable[Row],
    *,
    year: int | None = None,
    region: str | None = None,
    references: Mapping[str, float | str] | None = None,
    reference_regions: Iterable[str] = (),
    overrides: str | os.PathLike[str] | Iterable[Override | Mapping[str, Any]] | None = None,
    allow_outside_period: bool = False,
    strict: bool = False,
    stage: str = "annual",
    engine: str | None = None,
    indicators: Iterable[str] = (),
) -> Checked:
    """Judge every indicator of a plan against reported figures (`psplan check`).

    - `plan_or_name`: a bundled plan's name or a plan file (loaded and checked like
      `load_plan`), or a `Plan` (used as it is);
    - `actuals`: a CSV or .xlsx file (str or Path; read as it streams), a list of them (one
      per department: one dataset, conflicting figures an error naming both files), or the
      rows of `read_actuals` (any iterable of its rows);
    - `year`: the year judged (default: the latest in the file); `region`: only this region;
    - `references`: indicator id → reference value for relative targets (`--reference`);
      `reference_regions`: regions whose rows are reference values (`--reference-region`);
    - `overrides`: a YAML file (`--overrides`), or a list of overrides, each a mapping as in
      the file (`{"indicator": …, "kind": …, "reason": …}`);
    - `allow_outside_period`, `strict`: as the options of the same name;
    - `stage`: "annual" (年度监测, the default), "mid" (中期评估: the period's middle year unless
      `year` is given) or "final" (终期评估: the end year); it names the report, too;
    - `engine`: how files are read — "rows" (row by row), "columnar" (by duckdb, at county
      scale: the same assessment), or "auto" (columnar for files of 1 MB and more); default
      the environment's PSPLAN_ENGINE, else "auto";
    - `indicators`: only these (ids or printed names, as `trend --indicator` takes them): their
      results, and the warnings about them among those that name an indicator.

    Returns a `Checked`; a problem with the input raises `PsplanError` (bad rows: with all
    of them in `problems`; and with the `warnings` met before it). Warnings are collected on
    the result, never printed.
    """
    chosen = _plan(plan_or_name)
    actuals = _tables_read(actuals)
    files: list[Path] = []
    if isinstance(actuals, (str, os.PathLike)):
        files = [Path(actuals)]
    elif (
        isinstance(actuals, (list, tuple))
        and actuals
        and all(isinstance(item, (str, os.PathLike)) for item in actuals)
    ):  # several files, one per department: one dataset
        files = [Path(item) for item in actuals]
    warnings: list[Problem] = []
    if files:
        from psplan.actuals.read import distinct_files

        files = distinct_files(files, warnings)
        rows: Iterable[Row] = (row for path in files for row in _read_actuals(path))
        source = ", ".join(str(path) for path in files)
    elif isinstance(actuals, (bytes, Mapping)) or not isinstance(actuals, Iterable):
        raise TypeError(f"{_GIVE}, not {type(actuals).__name__}")
    else:
        rows, several = _joined(actuals)
        source = ", ".join(several) if several else getattr(actuals, "source", "")
    from psplan.assess.check import check as judge
    from psplan.assess.check import chosen_indicators
    from psplan.assess.engine import engine_from_env, use_columnar

    options: dict[str, Any] = {
        "year": _year_option(year),
        "region": region,
        "references": _references(references, chosen, warnings),
        "reference_regions": _names(reference_regions),
        "source": source,
        "sources": tuple(str(path) for path in files) if files else tuple(several),
        "overrides": _overrides(overrides),
        "allow_outside_period": allow_outside_period,
        "warnings": warnings,
        "strict": strict,
        "stage": stage,
        "indicators": chosen_indicators(chosen, _names(indicators)),
    }
    try:
        assessment = None
        if files and use_columnar(files, engine or engine_from_env()):
            from psplan.assess.columnar import check_columnar

            assessment = check_columnar(chosen, files, **options)
        if assessment is None:
            assessment = judge(chosen, rows, **options)
    except PsplanError as exc:
        exc.warnings = warnings  # type: ignore[attr-defined]  # what the command prints too
        raise
    return Checked.of(assessment, warnings)


def lint(
    plan_or_name: PlanLike,
    actuals: str | os.PathLike[str] | Sequence[str | os.PathLike[str]] | Iterable[Row],
    *,
    jump_steps: float = 3.0,
    jump_share: float = 0.2,
    outlier_z: float = 3.5,
    outlier_regions: int = 5,
    encoding: str | None = None,
    sheet: str | int | None = None,
    engine: str | None = None,
    overrides: str | os.PathLike[str] | Iterable[Override | Mapping[str, Any]] | None = None,
    all_indicators: bool = False,
) -> Problems:
    """The data-quality findings on reported figures (`psplan lint`): jumps, figures outside
    their natural range, outlier regions, conflicting duplicates and the completeness matrix's
    missing cells, each naming its file and row; empty when there is nothing. With
    `all_indicators`, the figures are the whole collection: the plan's main indicators no
    row gives are named too (one warning, the binding ones first).

    `actuals` is a file or a list of them (one dataset), or the rows of `read_actuals`; the
    thresholds are the command's options; `encoding` and `sheet` as for `read_actuals`;
    `engine` as for `check` (a county file is read by duckdb: the same findings); `overrides`
    as for `check` (汉中's [1250] for a row read as a five-year total is then no error). A file
    given twice is read once, the warning first in the list. Returns `Problems` (errors are
    what `check` would stop at).
    """
    from psplan.actuals.read import distinct_files
    from psplan.assess.engine import engine_from_env, use_columnar
    from psplan.assess.lint import Thresholds
    from psplan.assess.lint import lint as find

    jump_steps = _number_option("jump_steps", jump_steps, 0)
    jump_share = _number_option("jump_share", jump_share, 0)
    outlier_z = _number_option("outlier_z", outlier_z, 0.1)
    regions: float = _number_option("outlier_regions", outlier_regions, 3)
    if isinstance(outlier_regions, numbers.Integral):  # (an int stays one)
        regions = int(outlier_regions)
    chosen = _plan(plan_or_name)
    if overrides is not None:  # the rows as check reads them with the same overrides
        from psplan.assess.overrides import apply_overrides

        chosen = apply_overrides(chosen, _overrides(overrides))[0]
    limits = Thresholds(jump_steps, jump_share, outlier_z, regions, all_indicators=all_indicators)
    # a share written as a percentage (--jump-share 20): taken, and said — it turned the jump
    # rule off without a word (trial 18)
    said: list[Problem] = []
    if jump_share > 1:
        said.append(
            Problem(
                Location("--jump-share"),
                "lint.jump_share_percent",
                "option",
                "warning",
                value=f"{jump_share:g}",
                percent=f"{jump_share * 100:g}",
            )
        )
    actuals = _tables_read(actuals)
    given = [actuals] if isinstance(actuals, (str, os.PathLike)) else list(actuals)
    read = isinstance(actuals, Actuals)  # (a file's rows, though it gave none)
    if read or not all(isinstance(item, (str, os.PathLike)) for item in given):
        joined, several = _joined(given)
        given = list(joined)
        source = getattr(actuals, "source", "")
        sources = several or ([source] if source else [])
        files = {file for row in given if (file := getattr(row, "file", ""))} or set(sources)
        return Problems([*said, *find(chosen, given, limits, sources)], len(files))
    findings: list[Problem] = said
    files = distinct_files([Path(path) for path in given], findings)
    found = None
    if sheet is None and use_columnar(files, engine or engine_from_env()):
        from psplan.assess.lint_columnar import lint_columnar

        found = lint_columnar(chosen, files, limits, encoding=encoding)
    if found is None:
        picked = None if sheet is None else str(sheet)
        rows = (
            row for path in files for row in _read_actuals(path, encoding=encoding, sheet=picked)
        )
        found = find(chosen, rows, limits, [str(path) for path in files])
    return Problems([*findings, *found], len(files))


def draft_next_period(
    plan_or_name: PlanLike,
    actuals: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    new_id: str,
    *,
    period: tuple[int, int] | None = None,
    overrides: str | os.PathLike[str] | Iterable[Override | Mapping[str, Any]] | None = None,
) -> str:
    """The plan file of the next period as YAML text (`psplan init`): the plan's indicators,
    each baseline its final figure in `actuals` (the end year's, else the latest before it;
    a five-year total's its total, in brackets), a `previous` link on each, no targets
    (`draft: true`). `period` defaults to the five years after the plan's; `overrides` as
    `check` takes them (the final evaluation's)."""
    from psplan.comparison.periods import next_period_draft
    from psplan.plan.serialize import draft_yaml

    chosen = _plan(plan_or_name)
    start, end = period or (chosen.period.end + 1, chosen.period.end + 5)
    report = check(chosen, actuals, year=chosen.period.end, overrides=overrides)  # type: ignore[arg-type]
    files = [str(actuals)] if isinstance(actuals, (str, os.PathLike)) else [str(a) for a in actuals]
    data = next_period_draft(report, new_id, start, end, files)
    return draft_yaml(data, f"psplan.draft_next_period({chosen.id!r})")


def _tables_read(actuals: Any) -> Any:
    """`actuals` with every table in memory read (`read_actuals`): a DataFrame or a list of
    dicts as its rows; a list mixing files, tables and rows already read as a list of
    `Actuals`, one per item (one dataset, as a list of files is). Anything else as given; a
    list of what is none of these is a TypeError saying what may be given."""
    from psplan.actuals.tables import is_table

    if isinstance(actuals, Actuals):
        return actuals
    if is_table(actuals):
        return read_actuals(actuals)
    if not isinstance(actuals, (list, tuple)) or not actuals:
        return actuals
    if all(isinstance(item, (str, os.PathLike)) for item in actuals):
        return actuals  # files: read as they stream (or by duckdb)
    given = [isinstance(item, (str, os.PathLike, Actuals)) or is_table(item) for item in actuals]
    if all(given):
        return [item if isinstance(item, Actuals) else read_actuals(item) for item in actuals]
    if any(given):
        raise TypeError(_GIVE + f", not a list holding {_kinds_in(actuals)}")
    if not all(type(item) in (ActualRow, SheetEntry, Problem) for item in actuals):
        raise TypeError(_GIVE + f", not a list of {_kinds_in(actuals)}")
    return actuals


_GIVE = (
    "actuals: give a file (str or Path), a list of files, a DataFrame, a list of dicts, or "
    "the rows of psplan.read_actuals()"
)


def _kinds_in(items: Iterable[Any]) -> str:
    return ", ".join(sorted({type(item).__name__ for item in items}))


def _joined(actuals: Iterable[Any]) -> tuple[Iterable[Row], list[str]]:
    """The rows given, and the files of a list of several files' rows (one per department:
    one dataset, as a list of their paths is; none for the rows of one)."""
    if (
        isinstance(actuals, (list, tuple))
        and actuals
        and all(isinstance(item, Actuals) for item in actuals)
    ):
        return [row for item in actuals for row in item], [i.source for i in actuals if i.source]
    return actuals, []


def _names(names: Iterable[str]) -> list[str]:
    """A name or several (regions, indicators): a lone string is one name, not its characters."""
    return [names] if isinstance(names, str) else list(names)


def _references(
    given: Mapping[str, float | str] | None, plan: Plan, warnings: list[Problem]
) -> dict[str, float]:
    """Reference values as numbers; a text is read as a reported figure is (`10.2%`); each
    id one of the plan's (`check.known_references`)."""
    from psplan.actuals.values import parse_value
    from psplan.assess.check import known_references

    known_references(plan, [str(key) for key in given or {}], warnings)
    references = {}
    for key, value in (given or {}).items():
        number = None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            number = float(value)
        elif isinstance(value, str):
            number = parse_value(value).number
        if number is None:
            raise PsplanError("api.bad_reference", key=quoted(key), value=quoted(value))
        references[str(key)] = number
    return references


def _overrides(
    given: str | os.PathLike[str] | Iterable[Override | Mapping[str, Any]] | None,
) -> list[Override]:
    """Overrides from a file, or from a list of mappings written like the file's entries."""
    from psplan.assess.overrides import CHANGES, Override, entry_problem, read_overrides

    if given is None:
        return []
    if isinstance(given, (str, os.PathLike)):
        return read_overrides(Path(given))
    if isinstance(given, Mapping):
        given = given.get("overrides", [given])  # the file's shape, or one override
    overrides = []
    for index, entry in enumerate(given):
        where = f"overrides[{index}]"
        if isinstance(entry, Override):
            overrides.append(entry)
            continue
        problem = (
            entry_problem(entry)
            if isinstance(entry, Mapping)
            else Message("overrides.not_a_mapping")
        )
        if problem is not None:
            raise PsplanError("overrides.at", where=plain(where), message=problem)
        changes = tuple((key, entry[key]) for key in CHANGES if key in entry)
        overrides.append(
            Override(str(entry["indicator"]), changes, str(entry["reason"]).strip(), where)
        )
    return overrides


# --- compare -------------------------------------------------------------------------------


@dataclasses.dataclass(repr=False)
class Compared(Comparison):
    """The result of `compare`: the `Comparison` (`indicators`, `catalogue`, `summary()`,
    `failing`) with `to_dict()`, `to_rows()` and `to_dataframe()`."""

    @classmethod
    def of(cls, comparison: Comparison) -> Compared:
        return cls(**{f.name: getattr(comparison, f.name) for f in dataclasses.fields(comparison)})

    def __repr__(self) -> str:
        counts = ", ".join(f"{n} {verdict}" for verdict, n in self.summary().items() if n)
        verdict = "failing" if self.failing else "passing"
        return f"<Compared {self.parent.id} → {self.child.id}: {counts}; {verdict}>"

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        """The JSON contract of `psplan compare PARENT CHILD --format json`."""
        from psplan.views.comparison import comparison_dict

        return comparison_dict(self, resolve_lang(lang))

    def to_rows(
        self, part: Literal["indicators", "catalogue"] = "indicators", lang: str | None = None
    ) -> list[dict[str, Any]]:
        """One dict per parent or local indicator (the dict's `indicators`), or with
        `part="catalogue"` one per catalogue item, its `status` covered, missing, waived or
        extra."""
        data = self.to_dict(lang)
        if part == "indicators":
            return data["indicators"]
        if part != "catalogue":
            raise ValueError(f"part: 'indicators' or 'catalogue', not {part!r}")
        catalogue = data["catalogue"]
        return [
            {"status": status, **item}
            for status in ("covered", "missing", "waived", "extra")
            for item in catalogue[status]
        ]

    def to_dataframe(
        self, part: Literal["indicators", "catalogue"] = "indicators", lang: str | None = None
    ) -> pandas.DataFrame:
        return _dataframe(self.to_rows(part, lang))


def compare(
    parent: PlanLike,
    child: PlanLike,
    *,
    waivers: Mapping[str, str] | str | os.PathLike[str] | None = None,
) -> Compared:
    """Does `child` adopt `parent`'s indicators and catalogue, no lower (`psplan compare`)?

    Plans by name, file (both checked, as `load_plan` does) or `Plan`. `waivers` are the
    catalogue items the child may lack: a mapping item id → reason, or a YAML file of them
    (`--waivers`)."""
    if waivers is None:
        allowed: dict[str, str] = {}
    elif isinstance(waivers, (str, os.PathLike)):
        allowed = read_waivers(waivers)
    elif isinstance(waivers, Mapping):
        allowed = {str(item): str(reason) for item, reason in waivers.items()}
    else:
        raise TypeError(f"waivers: a mapping ITEM_ID → reason or a file, not {type(waivers)}")
    return Compared.of(compare_plans(_plan(parent), _plan(child), allowed))


def read_waivers(path: str | os.PathLike[str]) -> dict[str, str]:
    """Waived catalogue items from a YAML file: a mapping `ITEM_ID: reason`, or a list of
    `{id, reason}` (either may sit under a `waivers` key) — the file `--waivers` reads."""
    from psplan.plan.yamlsource import load_yaml, read_text

    path = Path(path)
    document = load_yaml(read_text(path), str(path))
    data, prefix = document.data, ()
    if isinstance(data, dict) and "waivers" in data:
        data, prefix = data["waivers"], ("waivers",)
    if isinstance(data, dict):
        entries = [{"id": key, "reason": value} for key, value in data.items()]
    elif isinstance(data, list):
        entries = data
    else:
        raise PsplanError("waivers.not_a_mapping", document.locate(()))
    waivers = {}
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict) or not entry.get("id") or not entry.get("reason"):
            raise PsplanError("waivers.incomplete", document.locate((*prefix, index)))
        waivers[str(entry["id"])] = str(entry["reason"])
    return waivers


# --- tables --------------------------------------------------------------------------------


def _flatten(data: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            flat.update(_flatten(value, f"{name}."))
        else:
            flat[name] = value
    return flat


def _labelled(record: dict[str, Any], lang: str) -> dict[str, Any]:
    """A result's dict with `status_label` after its status and `rating_label` after its
    rating (None where it has none)."""
    from psplan.words import say

    labelled: dict[str, Any] = {}
    for key, value in record.items():
        labelled[key] = value
        if key in ("status", "rating"):
            labelled[f"{key}_label"] = say(f"{key}.{value}", lang) if value else None
    return labelled


def _flatten_all(records: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Flat dicts with the same keys, in the records' key order. An object that is null in one
    record (a result without a trend) gives None in the columns the others have for it."""
    named: dict[str, None] = {}  # the records' own keys, in the order first met
    flat: list[dict[str, Any]] = []
    for record in records:  # one record held at a time, flat
        named.update(dict.fromkeys(record))
        flat.append(_flatten(record))
    top = {key: at for at, key in enumerate(named)}
    seen = dict.fromkeys(key for record in flat for key in record)
    parents = {key[:at] for key in seen for at, char in enumerate(key) if char == "."}
    order = {key: at for at, key in enumerate(seen)}
    keys = sorted(
        (key for key in seen if key not in parents),
        key=lambda key: (top[key.split(".", 1)[0]], order[key]),
    )
    for at, record in enumerate(flat):  # in place: the flat copy goes as its row is made
        flat[at] = {key: record.get(key) for key in keys}
    return flat


def _number_option(name: str, value: object, least: float) -> float:
    """A threshold given to the API as the command line's option is held: a finite number,
    `least` or more — numpy's too (a DataFrame's `.max()` is one: `np.int64(5)` was refused
    as “5”无效：应为数值, trial 18) —, as a float; else PsplanError in the command's words
    (a raw TypeError or an English ValueError before: trial 12, D5)."""
    detail = None
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        detail = Message("cli.usage.detail.number")
    elif not math.isfinite(float(value)):
        detail = Message("cli.usage.detail.finite")
    elif float(value) < least:
        detail = Message("cli.usage.detail.at_least", bound=f"{least:g}")
    if detail is not None:
        raise PsplanError("api.bad_option", name=plain(name), value=quoted(str(value)),
                          detail=detail)  # fmt: skip
    return float(value)  # type: ignore[arg-type]


def _year_option(year: object) -> int | None:
    """`year` as a whole number: an int — numpy's too (`df["年份"].max()`, refused as
    “2024”无效：应为整数 before: trial 18) —, or its digits as text (what a notebook's
    widget gives); PsplanError for anything else (a TypeError deep in the judging before)."""
    if year is None:
        return None
    if isinstance(year, numbers.Integral) and not isinstance(year, bool):
        return int(year)
    if isinstance(year, str) and year.strip().isdigit():
        return int(year.strip())
    raise PsplanError("api.bad_option", name=plain("year"), value=quoted(str(year)),
                      detail=Message("cli.usage.detail.integer"))  # fmt: skip


def _dataframe(rows: list[dict[str, Any]], columns: Iterable[str] = ()) -> pandas.DataFrame:
    """The rows as a pandas DataFrame; pandas is optional, so its absence is said plainly."""
    try:
        import pandas
    except ImportError:
        from psplan.words import say

        raise ImportError(say("api.needs_pandas")) from None  # (in the current language)
    return pandas.DataFrame(rows, columns=list(columns) or (list(rows[0]) if rows else None))
