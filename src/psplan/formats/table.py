"""Rich tables for the terminal, grouped by domain (rich measures CJK width itself).

Every title, header and cell is a rich `Text` made by `psplan.formats.escape.terminal`: a name
like `[bold]` or `[/x]` prints as it reads, and control characters (ANSI and OSC 8 sequences)
and bidi controls are shown as <U+XXXX>, never sent to the terminal.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from psplan.formats.escape import terminal


def grouped_table(
    title: str,
    headers: Sequence[str],
    rows: Sequence[Sequence[Any]],
    group_column: int,
    styles: Sequence[str | None] | None = None,
) -> Any:
    """A rich Table with a section line between groups and the group name shown once."""
    from rich.table import Table

    table = Table(title=terminal(title), show_lines=False, header_style="bold")
    for header in headers:
        table.add_column(terminal(header), overflow="fold")
    previous = object()
    for index, row in enumerate(rows):
        group = row[group_column]
        cells = [terminal(cell) for cell in row]
        if group != previous:
            if index:
                table.add_section()
            previous = group
        else:
            cells[group_column] = terminal("")
        table.add_row(*cells, style=styles[index] if styles else None)
    return table


def render_to_text(renderable: Any, *, color: bool, width: int | None = None) -> str:
    """Render to a string: with colour for a terminal, plain when piped or written to a file."""
    from rich.console import Console

    console = Console(
        record=False,
        force_terminal=color,
        no_color=not color,
        width=width or (None if color else 160),
        file=_NullFile(),
        markup=False,
        emoji=False,
        highlight=False,
    )
    with console.capture() as capture:
        console.print(renderable)
    return capture.get()


class _NullFile:
    def write(self, _text: str) -> int:
        return 0

    def flush(self) -> None:
        pass
