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

import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from psplan.formats.escape import markdown_cell, markdown_line
from psplan.formats.spool import Spool, once
from psplan.formats.table import glyph, legend, marker, note_markers, status_columns
from psplan.views.model import Status, Text
from psplan.views.numbers import Figure
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
    return "".join(chunks(view))


def chunks(view: Any, *, color: bool = False, width: int | None = None) -> Iterator[str]:
    """The document in pieces to write as they come: the blocks with a blank line between
    them, a large table row by row."""
    first = True
    for block in _blocks(view):
        if not first:
            yield "\n\n"
        first = False
        if isinstance(block, str):
            yield block
        else:
            yield from block
    yield "\n"


#: A block of the document: its text, or its text in pieces (a large table).
Block = str | Iterator[str]


def _blocks(view: Any) -> Iterator[Block]:
    if view.title:
        yield f"# {markdown_line(view.title)}"
    yield from (markdown_line(line) for line in view.summary)
    if getattr(view, "sections", None):
        yield from _sections(view)
    else:
        for table in view.tables:
            if table.title and (table.title != view.title or len(view.tables) > 1):
                yield f"## {markdown_line(table.title)}"
            yield from _table(table, view.lang)
    if view.notes:
        yield "\n".join(f"- {markdown_line(line)}" for line in view.notes)


def _sections(view: Any) -> Iterator[Block]:
    """A report in prose: each section's heading, paragraphs (bold runs in **, a placeholder
    such as 【待填写】 in bold too, so nobody misses it), then the tables it places."""
    tables = {table.key: table for table in view.tables}
    for section in view.sections:
        yield f"{'#' * (section.level + 1)} {markdown_line(section.title)}"
        for paragraph in section.paragraphs:
            runs = getattr(paragraph, "runs", (paragraph,))
            yield "".join(
                _bold(markdown_line(str(run)))
                if isinstance(run, Text) and run.style in ("bold", "placeholder")
                else markdown_line(str(run))
                for run in runs
            )
        for key in section.tables:
            if key in tables:
                yield from _table(tables[key], view.lang)


def _bold(text: str) -> str:
    """A run of prose in bold, its punctuation at either end left outside the ** (原因分析：
    → **原因分析**：, 【待填写】 → 【**待填写**】): CommonMark does not close `**原因分析：**`
    before a Chinese character (a ** after punctuation closes only before a space or
    punctuation), so GitHub, VS Code and pandoc showed the asterisks."""
    start, end = 0, len(text)
    while start < end and _edge(text[start]):
        start += 1
    while end > start and _edge(text[end - 1]):
        end -= 1
    if start == end:
        return text
    return f"{text[:start]}**{text[start:end]}**{text[end:]}"


def _edge(char: str) -> bool:
    """Punctuation, a symbol or a space: what CommonMark's flanking rules look at."""
    return char.isspace() or unicodedata.category(char)[0] in "PS"


def _cell(cell: object, lang: str, matrix: bool) -> str:
    if matrix and isinstance(cell, Status):
        return markdown_cell(glyph(cell, lang) or cell.label)
    text = markdown_cell(cell)
    if isinstance(cell, Text) and cell.style == "bold" and text.strip():
        return "**" + text.replace("*", "\\*").replace("_", "\\_") + "**"
    return text


#: What `formats.table.is_number` counts as a number (a bool is not one).
_NUMBERS = (Figure, int, float)


class _Columns:
    """What the table's header needs to know of every row, gathered as the rows are read:
    which columns show text (the others are left out), which hold only numbers (aligned
    right), which hold some number (no row's note mark goes there). Each question stops
    being asked of a column once answered, and the last not at all when a row's mark is sure
    to go in a wide column (one of `wide` shows text) or no row has a note (`marks`)."""

    def __init__(self, count: int, wide: set[int], marks: bool) -> None:
        self.text = [False] * count
        self.filled = [False] * count
        self.numbers = [True] * count
        self.number = [False] * count
        self._wide = wide
        self._untexted = list(range(count))  # the columns whose answers may still change
        self._unmixed = list(range(count))
        self._unnumbered = list(range(count)) if marks else []

    def add(self, row: Sequence[object]) -> None:
        size = len(row)
        found = [
            column
            for column in self._untexted
            if column < size and (cell := row[column]) is not None and str(cell).strip()
        ]
        if found:
            for column in found:
                self.text[column] = True
            self._untexted = [column for column in self._untexted if not self.text[column]]
            if self._wide.intersection(found):
                self._unnumbered = []  # a wide column is kept: the mark goes there
        mixed = False
        for column in self._unmixed:
            if column < size and (cell := row[column]) not in (None, ""):
                self.filled[column] = True
                if not isinstance(cell, _NUMBERS) or isinstance(cell, bool):
                    self.numbers[column] = False
                    mixed = True
        if mixed:
            self._unmixed = [column for column in self._unmixed if self.numbers[column]]
        if self._unnumbered:
            numbered = [
                column
                for column in self._unnumbered
                if column < size
                and isinstance(cell := row[column], _NUMBERS)
                and not isinstance(cell, bool)
            ]
            for column in numbered:
                self.number[column] = True
            if numbered:
                self._unnumbered = [c for c in self._unnumbered if not self.number[c]]


#: Separates a row's cells in the spool (a cell's text never holds it: `markdown_cell` shows
#: control characters as <U+0000>, and holds no line break).
_CELLS = "\x00"


def _table(table: Any, lang: str) -> Iterator[Block]:
    """The table's blocks: the table, its notes, a matrix's legend.

    Rows are read once (`once`: a lazy table is never held whole) and each rendered into all
    its cells; a table of up to `ALIGNED_ROWS` rows is kept and aligned, a longer one spooled
    (`Spool`) and written unpadded, row by row, once the columns kept are known."""
    sql = table.sql() if table.sql is not None and not table.matrix else None
    if sql is not None:  # a country's county results, as duckdb words them
        from psplan.formats.markdown_worded import worded_table

        yield from worded_table(table, sql, lang)
        return
    if not table.rows:  # a table with no rows says so, not an empty grid
        yield markdown_line(say("format.none", lang))
        return
    count = len(table.columns)
    rows: Iterable[Sequence[object]] = once(table.rows)
    statuses: set[int] = set()
    if table.matrix:  # a region's statuses: held, as ever, for the legend
        rows = list(table.rows)
        statuses = set(status_columns(table))
    markers = note_markers(table)
    wide = {
        index
        for index, column in enumerate(table.columns)
        if column.wide and column.key != table.group
    }
    found = _Columns(count, wide, bool(markers))
    held: list[list[str]] = []
    with Spool() as spool:
        length = 0
        for row in rows:
            found.add(row)
            size = len(row)
            texts = [
                _cell(row[column] if column < size else None, lang, column in statuses)
                for column in range(count)
            ]
            length += 1
            if length <= ALIGNED_ROWS:
                held.append(texts)
                continue
            if held:  # too long to align: to the spool, and every row after it
                spool.write("".join(_CELLS.join(cells) + "\n" for cells in held))
                held = []
            spool.write(_CELLS.join(texts) + "\n")
        kept = [column for column in range(count) if found.text[column]]
        marked = _marked(table, kept, found)
        align = []
        for column in kept:
            if column in statuses:
                align.append("center")
            elif found.filled[column] and found.numbers[column]:
                align.append("right")
            else:
                align.append("left")
        headers = [markdown_cell(table.columns[column].label) for column in kept]

        def cells(index: int, texts: list[str]) -> list[str]:
            if index in markers and marked is not None:
                texts[marked] = f"{texts[marked]} {marker(markers[index])}".strip()
            return [texts[column] for column in kept]

        if length <= ALIGNED_ROWS:
            yield _pipe_table(headers, [cells(i, texts) for i, texts in enumerate(held)], align)
        else:
            yield _pipe_lines(headers, align, spool, cells)
    if markers:  # a row's notes on lines of their own (a hard line break: "\\" at the end)
        yield _note_lines(table, markers)
    if table.matrix:
        line = legend([row[i] for row in rows for i in statuses if i < len(row)], lang)
        if line:
            yield markdown_line(line)


def _marked(table: Any, kept: list[int], found: _Columns) -> int | None:
    """The column a row's footnote mark [n] goes in: the first wide one but the group's, else
    the first that holds no number (`formats.table.note_marker_column`, from what was read)."""
    kept = [i for i in kept if table.columns[i].key != table.group] or list(kept)
    for index in kept:
        if table.columns[index].wide:
            return index
    for index in kept:
        if not found.number[index]:
            return index
    return kept[0] if kept else None


def _pipe_lines(
    headers: Sequence[str],
    colalign: Sequence[str],
    spool: Spool,
    cells: Callable[[int, list[str]], list[str]],
) -> Iterator[str]:
    """A table of more than `ALIGNED_ROWS` rows, unpadded, its rows read back from the spool."""
    rule = [_RULES.get(align, ":---") for align in colalign]
    yield f"| {' | '.join(headers)} |\n|{'|'.join(rule)}|"
    lines: list[str] = []
    for index, line in enumerate(spool.file()):
        lines.append(f"\n| {' | '.join(cells(index, line[:-1].split(_CELLS)))} |")
        if len(lines) == _LINES:  # written in pieces of some lines, not a line at a time
            yield "".join(lines)
            lines.clear()
    yield "".join(lines)


#: Lines of a long table joined into one piece to write.
_LINES = 1024


def _note_lines(table: Any, markers: dict[int, int]) -> Iterator[str]:
    """Each footnote once, in the order of their marks: the notes of the first row it marks."""
    first: dict[int, int] = {}  # a mark → the first row it marks (whose notes it lists)
    for row, mark in markers.items():
        first.setdefault(mark, row)
    return footnotes({mark: table.notes[row] for mark, row in first.items()})


def footnotes(notes: dict[int, Sequence[str]]) -> Iterator[str]:
    """Each footnote (its number → its notes), in order, its notes one line each (a hard
    line break: "\\" at the end)."""
    for position, mark in enumerate(sorted(notes)):
        lines = "\\\n  ".join(markdown_line(note) for note in notes[mark])
        yield f"{chr(10) if position else ''}- {marker(mark)} {lines}"
