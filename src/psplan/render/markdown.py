"""Markdown (GitHub pipe) tables, aligned for CJK text via wcwidth."""

from __future__ import annotations

from collections.abc import Iterable, Sequence


def markdown_table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    import tabulate

    tabulate.WIDE_CHARS_MODE = True  # CJK characters are two columns wide
    cells = [
        ["" if cell is None else str(cell).replace("|", "\\|") for cell in row] for row in rows
    ]
    return tabulate.tabulate(cells, headers=list(headers), tablefmt="github", disable_numparse=True)
