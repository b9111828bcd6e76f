"""The hostile and everyday-odd input corpus (docs/reliability.md).

Each module here (`outputs.py`, `readers.py`, `plans.py`, `judging.py`) exports `CASES`, a list
of `Case`s; `tests/test_corpus.py` runs every one and checks the promises that hold for all of
them: no traceback, no internal error, every error a one-line located message with exit 2, no
input file changed, no temp file left behind, done within the time limit — and then the case's
own expectations (exit code, a fragment of the message or the output, a check function).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: A file's content: bytes, text (written as UTF-8), or a function that writes the file.
Content = bytes | str | Callable[[Path], None]


@dataclass(frozen=True)
class Case:
    """One input and what psplan must do with it.

    `args` are psplan's arguments; `{dir}` in them is replaced by the case's scratch folder,
    which holds `files`. `exit` is the expected exit code (or codes). `stderr` / `stdout` are
    fragments that must appear (an error's message must name the file and what is wrong).
    `process=True` runs psplan as a subprocess with the resource limits (10 s, 1 GB address
    space) — for inputs that could hang or eat memory, and for signals; otherwise it runs
    in-process through typer's CliRunner. `outputs` are files the case may create (everything
    else in the folder must be unchanged and nothing else may appear). `check` gets the folder
    and the result for anything more.
    """

    id: str
    args: tuple[str, ...]
    files: dict[str, Content] = field(default_factory=dict)
    exit: int | tuple[int, ...] = 2
    stderr: str | None = None
    stdout: str | None = None
    process: bool = False
    outputs: tuple[str, ...] = ()
    check: Callable[[Path, Any], None] | None = None
    stdin: str | None = None


def fifo(path: Path) -> None:
    """A file maker: a named pipe (FIFO) at `path`."""
    os.mkfifo(path)


def symlink_to(target: str) -> Callable[[Path], None]:
    """A file maker: a symbolic link to `target`."""

    def make(path: Path) -> None:
        path.symlink_to(target)

    return make
