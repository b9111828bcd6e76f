"""What every command shares at run time: errors to one line and exit 2, warnings, the
format chosen from `--format` and `-o`, and writing a view in it.

Every failure a user can cause ends in one line on stderr and exit code 2 (see `user_errors`).
Output is bounded and never destroys anything: `-o` is checked against every input of the
command before any work (`command_inputs`), and at most `--max-problems` problems are printed.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextvars import ContextVar
from enum import Enum
from pathlib import Path
from typing import Any, NoReturn

import typer

from psplan.cli.options import MAX_PROBLEMS
from psplan.errors import Location, PsplanError, plain
from psplan.formats import format_for_suffix, suffix_of
from psplan.words import catalogue, say


def stderr_line(line: str) -> None:
    """Write a line on stderr as Python's stderr encodes it: on a terminal that cannot show
    Chinese, \\uXXXX escapes (stderr's own backslashreplace), never bytes it cannot read."""
    sys.stderr.write(line + "\n")
    sys.stderr.flush()


def say_line(level: str, message: str) -> None:
    """One line on stderr: control characters, line breaks and bidi controls from a user's
    file shown as <U+XXXX>, so the line stays one line and means what it reads."""
    from psplan.formats.escape import one_line

    stderr_line(f"psplan: {level}: {one_line(message)}")


def fail(message: str) -> NoReturn:
    say_line("error", message)
    raise typer.Exit(2)


def print_problems(problems: list, level: str, limit: int = MAX_PROBLEMS) -> None:
    """Problems or warnings, one line each on stderr: the first `limit` (0: all), then one
    line counting the rest (and a checker's note that it stopped early, if any)."""
    from psplan.views.problems import more_problems, shown_problems

    shown, more, stopped = shown_problems(problems, limit)
    for problem in shown:
        say_line(level, f"{problem.location}: {problem.message}")
    if more:
        say_line(level, more_problems(more, "problems" if level == "error" else "warnings"))
    for problem in stopped:  # "stopped after N problems; there are more": always last
        say_line(level, f"{problem.location}: {problem.message}")


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
        from psplan.words import use_lang

        lang = kwargs.get("lang")
        token = _INPUTS.set(())
        try:
            # Errors, warnings and labels in the command's --lang (Chinese by default).
            with use_lang(str(getattr(lang, "value", lang) or "zh")):
                _run(command, args, kwargs)
        finally:
            _INPUTS.reset(token)

    return wrapper


def _run(command: Callable[..., None], args: tuple[object, ...], kwargs: dict[str, Any]) -> None:
    limit = kwargs.get("max_problems", MAX_PROBLEMS)
    try:
        output = kwargs.get("output")
        if output is not None:
            from psplan.output import resolve_output

            _INPUTS.set(tuple(command_inputs(kwargs)))
            resolve_output(output, _INPUTS.get())
        command(*args, **kwargs)
    except PsplanError as exc:
        problems = getattr(exc, "problems", None)
        if problems:
            print_problems(problems, "error", limit)
            raise typer.Exit(2) from None
        fail(str(exc))


def warn(problems: list, limit: int = MAX_PROBLEMS) -> None:
    """Print what was skipped or assumed while reading, one line each on stderr."""
    print_problems(problems, "warning", limit)


def write(content: str | bytes | Iterable[str] | Iterable[bytes], output: Path | None) -> None:
    """Print or write a command's result; `-o` may be none of the command's inputs."""
    from psplan.output import write_output

    write_output(content, output, inputs=_INPUTS.get())


def wrote(
    output: Path,
    lang: str = "zh",
    detail: str | None = None,
    replaced: bool = False,
    **counts: object,
) -> None:
    """Say on stderr, in the command's language, which file was written (nothing when it went
    to stdout), with what it holds (`detail`, a catalogue key of `counts`); `replaced`: a
    file was there before (never replaced without a word)."""
    from psplan.output import is_stream

    if not is_stream(output):
        from psplan.formats.escape import one_line

        words = "cli.replaced" if replaced else "cli.wrote"
        line = say(words, lang, path=one_line(str(output)))
        stderr_line(line + (say(detail, lang, **counts) if detail else ""))


def limit_regions(
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
                raise too_many_regions(limit, source, what, hint)
        yield row


def too_many_regions(limit: int, source: str, what: str, hint: str) -> PsplanError:
    """The error of a report of more regions than --max-regions (whichever engine read them)."""
    return PsplanError("cli.too_many_regions", Location(source), limit=limit, what=plain(what),
                       hint=plain(hint))  # fmt: skip


def region_limit(max_regions: int, region: str | None, fmt: str) -> int:
    """The limit that applies: none for one region, for json and csv, or for 0 (a workbook
    is written row by row, so it has none of its own: 2,900 counties' 185,600 results took
    486 MB)."""
    if region is not None or fmt in ("json", "csv"):
        return 0
    return max_regions


def report_name(chosen: str) -> str:
    """What a format makes of a report, for messages (an HTML report, an Excel workbook)."""
    key = f"cli.report.{chosen}"
    return say(key if key in catalogue() else "cli.report.other")


def load_for_judging(plan: str):
    """A plan `check`, `trend`, `report` and `compare` may use: valid, as `validate` says."""
    from psplan.plan.validate import load_valid_plan

    return load_valid_plan(plan)


def is_terminal() -> bool:
    return sys.stdout.isatty() and os.environ.get("NO_COLOR") is None


#: What a command showing a view can write (every format renders any view), in the order
#: messages list them.
VIEW_FORMATS = ("table", "markdown", "json", "csv", "html", "xlsx", "docx")


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
    return say("cli.either", first=say("sep.list").join(first), last=last) if first else last


def format_for(
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
        raise PsplanError(
            "cli.cannot_write_format", command=plain(command), wanted=plain(wanted),
            allowed=plain(_either(allowed)),
        )  # fmt: skip
    suffix = _suffix(output)
    if not suffix:
        return wanted or fallback
    implied = format_for_suffix(suffix)
    if implied is None or implied not in allowed:
        names = _either([suffix_of(name) for name in allowed])
        raise PsplanError(
            "cli.cannot_write_suffix", command=plain(command), suffix=plain(suffix),
            names=plain(names),
        )  # fmt: skip
    if wanted is not None and wanted != implied:
        raise PsplanError(
            "cli.format_mismatch", wanted=plain(wanted), output=plain(output),
            suffix=plain(suffix), implied=plain(implied),
            wanted_suffix=plain(suffix_of(wanted)),
        )  # fmt: skip
    return implied


def choose_format(
    output_format: Enum | None,
    output: Path | None,
    command: str = "psplan",
    allowed: tuple[str, ...] = VIEW_FORMATS,
    force: bool = False,
) -> tuple[str, bool]:
    """The format (see `_format_for`), else a colour table on a terminal and markdown
    elsewhere; and whether the result goes to a terminal in colour. An existing Word
    document at `-o` is refused here, before any work, unless `force`."""
    terminal = is_terminal() and output is None
    fallback = "table" if terminal else "markdown"
    chosen = format_for(command, allowed, output_format, output, fallback)
    refuse_binary_on_terminal(chosen, output)
    if chosen == "docx" and output is not None:
        refuse_to_overwrite(output, force, "cli.exists.document")
    return chosen, terminal


def refuse_binary_on_terminal(chosen: str, output: Path | None) -> None:
    """A workbook or a Word file for a terminal: refused before the work, not after it (a
    county-scale workbook took half a minute to be refused)."""
    from psplan.formats import BINARY

    if chosen in BINARY and _to_terminal(output):
        raise PsplanError("output.binary_on_terminal", Location(str(output or "-")))


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


def refuse_to_overwrite(output: Path, force: bool, words: str = "cli.exists") -> None:
    """An existing file at `-o` is kept unless --force: a report completed by hand (its
    【待填写】 filled in), a filled template, a draft plan or any Word document is somebody's
    work. (The other outputs of the commands that show a view are made again each run: they
    are replaced, and the line that names the file says so.)"""
    from psplan.output import is_stream

    if not force and not is_stream(output) and output.exists():
        raise PsplanError(words, output=plain(output))


def emit_content(
    content: str | bytes | Iterable[str],
    chosen: str,
    output: Path | None,
    no_bom: bool = False,
    lang: str = "zh",
) -> None:
    """Write a command's result, then say which file was written. CSV goes out as UTF-8 with
    a byte-order mark (what Excel needs), unless --no-bom or it is printed on a terminal."""
    if (
        chosen == "csv"
        and not isinstance(content, bytes)
        and not no_bom
        and not _to_terminal(output)
    ):
        from psplan.formats.csv import with_bom

        content = with_bom(content)
    replaced = existing_file(output)
    write(content, output)
    if output is None:
        return
    if _suffix(output):
        wrote(output, lang, replaced=replaced)
    else:  # a name without a suffix says nothing of its content: the line does
        wrote(output, lang, "cli.wrote.no_suffix", replaced=replaced,
              format=say(f"cli.format.{chosen}", lang))  # fmt: skip


def existing_file(output: Path | None) -> bool:
    """Whether `-o` names a file that is there already (and will be replaced)."""
    from psplan.output import is_stream

    return output is not None and not is_stream(output) and output.is_file()


def emit(view: Any, chosen: str, output: Path | None, *, no_bom: bool = False,
         color: bool = False) -> None:  # fmt: skip
    """Render `view` in the format chosen and write it (see `emit_content`). A format that
    makes its text in pieces (`chunks`: JSON, CSV, markdown) is written as it is made, so a
    county-scale report is never held whole; the objects already made (the assessment) are
    left out of the garbage collector's passes meanwhile (`_frozen`)."""
    from importlib import import_module

    from psplan.formats import FORMATS, render

    module = import_module(f"psplan.formats.{chosen}") if chosen in FORMATS else None
    chunks = getattr(module, "chunks", None)
    if chosen == "docx":
        from psplan.formats.chart_png import charts_left_out

        left_out = charts_left_out(str(output or "-"))
        if left_out is not None:  # (the charts were left out of the document without a word)
            warn([left_out])
    with _frozen():
        if chunks is None:
            emit_content(render(view, chosen, color=color), chosen, output, no_bom, view.lang)
        else:
            emit_content(chunks(view, color=color), chosen, output, no_bom, view.lang)


@contextlib.contextmanager
def _frozen() -> Iterator[None]:
    """The objects alive now moved out of the collector's reach while a report is written:
    writing makes and drops hundreds of thousands of small dicts and rows, each sweep of the
    oldest generation would walk the whole assessment again. They are handed back after."""
    import gc

    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
