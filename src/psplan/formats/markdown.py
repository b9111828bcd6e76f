"""Markdown: a view as a GitHub document — `# title`, the summary, a pipe table per table (aligned
for CJK text via wcwidth), its notes as a list, the view's notes.

- Columns empty in every row are left out, as in the terminal.
- The group column (the domain) is repeated on every row: a markdown table has no section
  lines, and a table copied out of the document into a spreadsheet keeps every row's domain.
- Numbers are right-aligned; a `Text` in bold is **bold**.
- A row's notes are footnotes: the row is marked [1], [2]… and the notes listed under the table.
- A matrix shows each status as its glyph, with the legend under the table.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from psplan.formats.escape import markdown_cell, markdown_line
from psplan.words import say

#: A table of more rows is written without padding its columns to one width: the same
#: GitHub table, which tabulate took minutes to align at county scale (185,600 rows).
ALIGNED_ROWS = 2000
_RULES = {"left": ":---", "right": "---:", "center": ":---:"}


def _pipe_table(
    headers: Sequence[str],
    cells: Sequence[Sequence[str]],
    colalign: Sequence[str] | None,
) -> str:
    """A GitHub table of cells already escaped, with the alignment in the rule."""
    if len(cells) > ALIGNED_ROWS:
        rule = [_RULES.get(align, ":---") for align in colalign or ["left"] * len(headers)]
        lines = [f"| {' | '.join(headers)} |", f"|{'|'.join(rule)}|"]
        lines.extend(f"| {' | '.join(row)} |" for row in cells)
        return "\n".join(lines)
    import tabulate

    tabulate.WIDE_CHARS_MODE = True  # CJK characters are two columns wide
    return tabulate.tabulate(
        cells,
        headers=list(headers),
        tablefmt="pipe",
        disable_numparse=True,
        colalign=tuple(colalign) if colalign else None,
    )


def render(view: Any, *, color: bool = False, width: int | None = None) -> str:
    """The view as a markdown document (`color` and `width` do not apply)."""
    blocks = [f"# {markdown_line(view.title)}"] if view.title else []
    blocks.extend(markdown_line(line) for line in view.summary)
    if getattr(view, "sections", None):
        blocks.extend(_sections(view))
    else:
        for table in view.tables:
            if table.title and (table.title != view.title or len(view.tables) > 1):
                blocks.append(f"## {markdown_line(table.title)}")
            blocks.extend(_table(table, view.lang))
    if view.notes:
        blocks.append("\n".join(f"- {markdown_line(line)}" for line in view.notes))
    return "\n\n".join(blocks) + "\n"


def _sections(view: Any) -> list[str]:
    """A report in prose: each section's heading, paragraphs (bold runs in **, a placeholder
    such as 【待填写】 in bold too, so nobody misses it), then the tables it places."""
    from psplan.views.model import Text

    tables = {table.key: table for table in view.tables}
    blocks: list[str] = []
    for section in view.sections:
        blocks.append(f"{'#' * (section.level + 1)} {markdown_line(section.title)}")
        for paragraph in section.paragraphs:
            runs = getattr(paragraph, "runs", (paragraph,))
            blocks.append(
                "".join(
                    f"**{markdown_line(str(run))}**"
                    if isinstance(run, Text) and run.style in ("bold", "placeholder")
                    else markdown_line(str(run))
                    for run in runs
                )
            )
        for key in section.tables:
            if key in tables:
                blocks.extend(_table(tables[key], view.lang))
    return blocks


def _cell(cell: object, lang: str, matrix: bool) -> str:
    from psplan.formats.table import glyph
    from psplan.views.model import Status, Text

    if matrix and isinstance(cell, Status):
        return markdown_cell(glyph(cell, lang) or cell.label)
    text = markdown_cell(cell)
    if isinstance(cell, Text) and cell.style == "bold" and text.strip():
        return "**" + text.replace("*", "\\*").replace("_", "\\_") + "**"
    return text


def _table(table: Any, lang: str) -> list[str]:
    from psplan.formats.table import (
        is_number,
        kept_columns,
        legend,
        marker,
        note_marker_column,
        status_columns,
    )

    if not table.rows:  # a table with no rows says so, not an empty grid
        return [markdown_line(say("format.none", lang))]
    kept = kept_columns(table)
    statuses = set(status_columns(table)) if table.matrix else set()
    marked = note_marker_column(table, kept)
    markers = {row: n for n, row in enumerate(sorted(i for i in table.notes if table.notes[i]), 1)}
    rows = []
    for index, row in enumerate(table.rows):
        cells = []
        for column in kept:
            cell = row[column] if column < len(row) else None
            text = _cell(cell, lang, column in statuses)
            if column == marked and index in markers:
                text = f"{text} {marker(markers[index])}".strip()
            cells.append(text)
        rows.append(cells)
    align = []
    for column in kept:
        cells = [row[column] for row in table.rows if column < len(row)]
        filled = [cell for cell in cells if cell not in (None, "")]
        if column in statuses:
            align.append("center")
        elif filled and all(is_number(cell) for cell in filled):
            align.append("right")
        else:
            align.append("left")
    headers = [markdown_cell(table.columns[column].label) for column in kept]
    blocks = [_pipe_table(headers, rows, align)]
    if markers:  # a row's notes on lines of their own (a hard line break: "\\" at the end)
        blocks.append(
            "\n".join(
                f"- {marker(number)} " + "\\\n  ".join(markdown_line(n) for n in table.notes[row])
                for row, number in sorted(markers.items(), key=lambda item: item[1])
            )
        )
    if table.matrix:
        line = legend([row[i] for row in table.rows for i in statuses if i < len(row)], lang)
        if line:
            blocks.append(markdown_line(line))
    return blocks
