"""A progress display for long reads and writes, on a terminal only (nothing when stderr is
piped): a county-scale workbook takes minutes, and a silent terminal looks stuck."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

#: Files smaller than this read in well under a second: no display.
MIN_BYTES = 4 * 1024 * 1024
EVERY = 20_000
#: Tables of fewer rows are written in a few seconds: no display.
MIN_ROWS = 20_000


def with_progress(rows: Iterable[T], path: Path) -> Iterable[T]:
    if not sys.stderr.isatty():
        return rows
    try:
        if path.stat().st_size < MIN_BYTES:
            return rows
    except OSError:
        return rows
    from psplan.words import say

    return _progress(rows, say("progress.reading", name=path.name))


def writing(rows: Iterable[T], name: str, total: int | None) -> Iterable[T]:
    """A table's rows as a format writes them (`total` of them, if known), counted on the
    terminal when there are `MIN_ROWS` or more (or an unknown number)."""
    if not sys.stderr.isatty() or (total is not None and total < MIN_ROWS):
        return rows
    from psplan.words import say

    return _progress(rows, say("progress.writing", name=name), total, every=1000)


def _progress(
    rows: Iterable[T], description: str, total: int | None = None, every: int = EVERY
) -> Iterator[T]:
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from psplan.words import words

    # the catalogue's template, as a template of rich's: rich fills in {task.completed}
    rows_done = words("progress.rows").replace("{count:,}", "{task.completed:,}")
    columns = (
        SpinnerColumn(),
        TextColumn("{task.description}", markup=False),
        BarColumn(),
        TextColumn(rows_done),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task(description, total=total)
        for count, row in enumerate(rows, start=1):
            if count % every == 0:
                progress.update(task, completed=count)
            yield row
