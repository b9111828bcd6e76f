"""The `psplan` command: options -> the Python API -> a view -> the format chosen.

The commands live in `plans` (validate, show, template, schema, list), `judge` (check,
report, trend) and `compare`; `options` declares the options they share, once; `run` holds
what every command does at run time (errors to one line and exit 2, choosing and writing the
format). Heavy modules are imported inside the commands so that start-up stays fast.

`main` builds the app with the one command the command line names (`psplan check ...` imports
no module of another command, and typer makes one click command instead of twelve); `--help`,
a mistyped command and `app` (the whole app, for tests and embedding) have every command.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import os
import signal
import sys
from collections.abc import Callable, Iterable
from importlib import import_module
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from psplan import __version__
from psplan.cli.options import Lang
from psplan.cli.run import command_inputs, print_problems, stderr_line
from psplan.cli.usage import Command, Group, command_language
from psplan.errors import PsplanError

if TYPE_CHECKING:
    app: typer.Typer

__all__ = ["COMMANDS", "app", "command_inputs", "main", "print_problems"]

#: Every command: its name → its module in psplan.cli and its function there, in the order
#: `psplan --help` lists them.
COMMANDS: dict[str, tuple[str, str]] = {
    "validate": ("plans", "validate"),
    "show": ("plans", "show"),
    "check": ("judge", "check"),
    "compare": ("compare", "compare"),
    "trend": ("trend", "trend"),
    "report": ("judge", "report"),
    "template": ("plans", "template"),
    "init": ("periods", "init"),
    "import": ("periods", "import_plan"),
    "lint": ("quality", "lint"),
    "schema": ("plans", "schema"),
    "list": ("plans", "list_plans"),
}


def make_app(names: Iterable[str] = COMMANDS) -> typer.Typer:
    """The `psplan` app with the commands named (default: all), each command's module
    imported only here."""
    made = typer.Typer(
        name="psplan",
        cls=Group,  # click's usage errors as psplan's one line
        context_settings={"help_option_names": ["-h", "--help"]},  # `check -h`, a habit
        help="Track the indicators of China's five-year public-service plans "
        "(“十四五”公共服务规划) and check reported figures against their targets.",
        add_completion=False,
        no_args_is_help=True,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
    )
    for name in names:
        module, function = COMMANDS[name]
        command = getattr(import_module(f"psplan.cli.{module}"), function)
        made.command(name=name, cls=Command)(started(command))
    made.callback()(_main)
    return made


#: Allocations between two collections of the youngest generation (Python's default: 700).
#: A county-scale check makes millions of objects that live until it ends (rows fetched,
#: result columns) and almost no cycles: at 700 it ran 600 collections, 3 of them full, 60 ms
#: of a 1.4 s check; at this, 8 and none, 33 ms (100 → 56 ms for a report of every result).
YOUNG_COLLECTION = 50_000


def started(command: Callable[..., None]) -> Callable[..., None]:
    """`command`, starting the garbage collector again where `psplan.entry.main` stopped it
    for start-up, with what start-up made put out of its reach (`gc.freeze`), and collecting
    its youngest objects less often (`YOUNG_COLLECTION`): one command's process."""

    @functools.wraps(command)
    def wrapper(*args: object, **kwargs: object) -> None:
        if not gc.isenabled():
            gc.freeze()
            gc.set_threshold(YOUNG_COLLECTION, *gc.get_threshold()[1:])
            gc.enable()
        command(*args, **kwargs)

    return wrapper


def __getattr__(name: str) -> object:
    """`app`, the whole app, made on first use (and kept: `psplan.cli.app = ...` replaces it)."""
    if name == "app":
        made = globals()["app"] = make_app()
        return made
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _app_for(args: list[str]) -> typer.Typer:
    """The app `main` runs: `app` if it was made or replaced already; else one with the
    command the arguments name only, or with all (`--help`, no command, a mistyped one)."""
    made = globals().get("app")
    if made is not None:
        return made
    return make_app([args[0]] if args and args[0] in COMMANDS else COMMANDS)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"psplan {__version__}")
        raise typer.Exit()


def _main(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
    lang: Annotated[
        Lang | None,
        typer.Option(
            "--lang",
            case_sensitive=False,
            help="zh or en for the command that follows (as its own --lang, which may also "
            "come after it).",
        ),
    ] = None,
) -> None:
    """psplan: plan data, validation and gap reports for public-service plans."""
    if lang is not None:
        # `psplan --lang en check …`: the command's --lang default (its own --lang, given
        # after the command, still decides)
        ctx.default_map = {name: {"lang": lang.value} for name in COMMANDS}


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
    """Console entry point. Typer already maps Ctrl-C to exit 130, and `Group` says a usage
    error as one line, exit 2; this adds the last line of defence: no traceback, even for a
    bug in psplan."""
    from psplan.formats.escape import one_line
    from psplan.signals import Interrupted

    _tolerant_streams()
    try:
        _app_for(sys.argv[1:])()
    except PsplanError as exc:
        stderr_line(f"psplan: error: {one_line(str(exc))}")
        sys.exit(2)
    except Interrupted as exc:
        from psplan.words import say

        lang = command_language(sys.argv[1:])
        done = "written" if exc.written else "not_written"
        # (no output where the signal came while a file was read)
        where = say(f"cli.interrupted.{done}", lang, output=one_line(exc.output or ""))
        said = say("cli.interrupted.by", lang, signal=exc.name)
        stderr_line(f"psplan: {said}{where if exc.output else ''}")
        _end_by_signal(exc.signum)
    except KeyboardInterrupt:
        from psplan.words import say

        stderr_line(f"psplan: {say('cli.interrupted', command_language(sys.argv[1:]))}")
        sys.exit(130)
    except Exception as exc:
        if os.environ.get("PSPLAN_DEBUG"):
            raise
        stderr_line(
            f"psplan: internal error: {type(exc).__name__}: {one_line(str(exc))} "
            "(set PSPLAN_DEBUG=1 for details)"
        )
        sys.exit(2)
