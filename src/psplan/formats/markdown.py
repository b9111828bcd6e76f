"""Markdown (GitHub pipe) tables, aligned for CJK text via wcwidth."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from psplan.formats.escape import markdown_cell


def markdown_table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """One table row per row, one column per header, whatever the cells hold (`|`, line
    breaks and control characters are escaped: see `psplan.formats.escape`)."""
    import tabulate

    tabulate.WIDE_CHARS_MODE = True  # CJK characters are two columns wide
    cells = [[markdown_cell(cell) for cell in row] for row in rows]
    return tabulate.tabulate(
        cells,
        headers=[markdown_cell(header) for header in headers],
        tablefmt="github",
        disable_numparse=True,
    )
