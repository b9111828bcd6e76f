"""The `psplan` command: options -> the Python API -> a view -> the format chosen.

The commands live in `plans` (validate, show, template, schema, list), `judge` (check,
report, trend) and `compare`; `options` declares the options they share, once; `run` holds
what every command does at run time (errors to one line and exit 2, choosing and writing the
format). Heavy modules are imported inside the commands so that start-up stays fast.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from typing import Annotated, NoReturn

import typer

from psplan import __version__
from psplan.cli import compare as _compare
from psplan.cli import judge as _judge
from psplan.cli import periods as _periods
from psplan.cli import plans as _plans
from psplan.cli import quality as _quality
from psplan.cli import trend as _trend
from psplan.cli.run import command_inputs, print_problems, stderr_line
from psplan.errors import PsplanError

__all__ = ["app", "command_inputs", "main", "print_problems"]

app = typer.Typer(
    name="psplan",
    help="Track the indicators of China's five-year public-service plans (“十四五”公共服务规划) "
    "and check reported figures against their targets.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

# The order `psplan --help` lists them in.
app.command()(_plans.validate)
app.command()(_plans.show)
app.command()(_judge.check)
app.command()(_compare.compare)
app.command()(_trend.trend)
app.command()(_judge.report)
app.command()(_plans.template)
app.command()(_periods.init)
app.command(name="import")(_periods.import_plan)
app.command()(_quality.lint)
app.command()(_plans.schema)
app.command(name="list")(_plans.list_plans)


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
        stderr_line(f"psplan: error: {one_line(str(exc))}")
        sys.exit(2)
    except Interrupted as exc:
        done = "was written" if exc.written else "was not written"
        where = f"; {one_line(exc.output)} {done}" if exc.output else ""
        stderr_line(f"psplan: interrupted by {exc.name}{where}")
        _end_by_signal(exc.signum)
    except KeyboardInterrupt:
        stderr_line("psplan: interrupted")
        sys.exit(130)
    except Exception as exc:
        if os.environ.get("PSPLAN_DEBUG"):
            raise
        stderr_line(
            f"psplan: internal error: {type(exc).__name__}: {one_line(str(exc))} "
            "(set PSPLAN_DEBUG=1 for details)"
        )
        sys.exit(2)
