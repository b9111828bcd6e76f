"""The terminal: a view's tables drawn with rich, fitted to the width of the terminal.

Every title, header and cell is a rich `Text` made by `psplan.formats.escape.terminal`: a name
like `[bold]` or `[/x]` prints as it reads, and control characters (ANSI and OSC 8 sequences)
and bidi controls are shown as <U+XXXX>, never sent to the terminal.

The view's title comes once (a lone table with the same title draws none of its own), then
the summary, each table, and the view's notes; without colour no line ends in spaces.

How a table is fitted to `width` (given, else the console's; when not colouring, the `COLUMNS`
environment variable where it is a whole number of at least 20, else 100):

- columns empty in every row are left out;
- a number (`Figure`, `int`), a status, and every cell of a column that is not `wide` is never
  broken across lines: those columns take their full width;
- `wide` columns (names, reasons) share what is left, in proportion to their longest text,
  and wrap at readable points: between two CJK characters, at spaces, after ``_ / -`` in a
  long code; never inside a number such as 11.05, 1,234.5 or -2.5% (one that does not fit the
  rest of the line moves to the next: 50.59 / （2021年上报）), never at a no-break space
  (U+00A0: a series' 2022: 10.81), never inside a file name (报告.xlsx), never before a
  closing or after an opening punctuation mark (，。）《). A wide column is at least `WIDE_MIN`
  cells (less if all its text is shorter), its longest number, its header's longest word and
  its longest ASCII word up to `WORD_MAX` cells (indicator, deteriorating stay whole);
- the title, the summary, the notes and the line naming the columns left out wrap by the
  same rules;
- optional columns (`Column.optional`) are left out, and named in a line under the table,
  before it gives up the grid: in the order of `drop_order` — ids first (`id`, `*_id`), then
  the wide ones, then the narrow ones, the widest first in each — as few as
  needed (each left out that fits again is put back). Optional ids are also left out when
  the grid fits only by squeezing a name below `COMFORT` cells (show at 100 columns);
- when even that does not fit — the non-wide columns at full width, each wide column at its
  minimum, and the borders — each row is printed as a block of ``label：value`` lines instead
  (the record layout), under a rule per group;
- a row's notes are footnotes: the row is marked [1], [2]… and the notes listed under the
  table (in the record layout they are printed under the row's block);
- a matrix (`Table.matrix`) shows each status as one glyph (see `words/labels.py`, format.glyph.*)
  with a legend under it; it is transposed, or split into parts of whole columns, when its
  columns do not fit.

`grouped_table` and `render_to_text` are the earlier helpers, kept for the commands not yet
moved to views.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import islice, zip_longest
from typing import Any

from psplan.formats.escape import terminal, visible
from psplan.views.model import Cell, Column, Status, Table, Text, View, shown
from psplan.views.numbers import Figure
from psplan.words import say

#: The width when none is given and the output is not a terminal (a pipe, a file), unless the
#: `COLUMNS` environment variable says another (at least `MIN_COLUMNS`).
DEFAULT_WIDTH = 100
MIN_COLUMNS = 20
#: The fewest cells a wide column is given before the table falls back to the record layout.
WIDE_MIN = 8
#: A wide column narrower than this (and than its text) is squeezed: optional id columns are
#: left out to give it room.
COMFORT = 16
#: The widest a matrix's status column is made for its header (longer headers wrap).
MATRIX_HEADER_MAX = 10
#: The colour of each status (and each `compare` verdict, `psplan.views.comparison`) on a
#: colour terminal; other codes are plain. Red fails, green passes, magenta needs a look.
STATUS_STYLES = {
    "met": "green",
    "on_track": "cyan",
    "behind": "yellow",
    "not_met": "red",
    "no_data": "dim",
    "needs_review": "magenta",
    # compare: the verdicts that fail a binding indicator, then the others
    "missing": "red",
    "weaker": "red",
    "downgraded": "red",
    "not_comparable": "magenta",
    "equal": "green",
    "stronger": "green",
    "local": "cyan",
    # compare: the catalogue items
    "catalogue_missing": "red",
    "catalogue_waived": "yellow",
    "catalogue_covered": "green",
    "catalogue_extra": "cyan",
}
#: The styles a `Text` may ask for (another is shown plain).
TEXT_STYLES = frozenset({"bold", "dim", "italic", "underline"})
#: The statuses a matrix draws as a glyph, in the order of the legend.
GLYPH_CODES = ("met", "on_track", "behind", "not_met", "no_data", "needs_review")


# ------------------------------------------------------------------- shared with markdown, csv


def is_number(cell: Cell) -> bool:
    return isinstance(cell, Figure | int | float) and not isinstance(cell, bool)


def kept_columns(table: Table) -> list[int]:
    """The indexes of the columns with text in at least one row (all of them if no row)."""
    if not table.rows:
        return list(range(len(table.columns)))
    return [
        index
        for index in range(len(table.columns))
        if any(shown(row[index]).strip() for row in table.rows if index < len(row))
    ]


def glyph(cell: Cell, lang: str) -> str | None:
    """The glyph a matrix shows for a status cell (None: not a status with a glyph)."""
    if isinstance(cell, Status) and cell.code in GLYPH_CODES:
        return say(f"format.glyph.{cell.code}", lang)
    return None


def legend(cells: Sequence[Cell], lang: str) -> str:
    """The legend of the glyphs drawn for `cells` (each status present, in a fixed order),
    worded with the statuses' own labels; "" if no glyph is drawn."""
    labels: dict[str, str] = {}
    for cell in cells:
        if isinstance(cell, Status) and cell.code in GLYPH_CODES:
            labels.setdefault(cell.code, cell.label)
    items = [
        f"{say(f'format.glyph.{code}', lang)} {labels[code]}"
        for code in GLYPH_CODES
        if code in labels
    ]
    return say("format.legend", lang, items="  ".join(items)) if items else ""


def status_columns(table: Table) -> list[int]:
    """The columns of a matrix holding statuses (every filled cell a `Status`). The types
    of a column's cells are gathered in one pass over it (`map`): a matrix of 2,900 counties
    is 190,000 cells."""
    found = []
    for index, cells in enumerate(zip_longest(*table.rows)):
        if index >= len(table.columns):
            break
        kinds = set(map(type, cells)) - {type(None)}
        if kinds and all(issubclass(kind, Status) for kind in kinds):
            found.append(index)
    return found


def note_marker_column(table: Table, kept: Sequence[int]) -> int | None:
    """The column a row's footnote mark [n] goes in: the first wide one but the group's, else
    the first that holds no number."""
    kept = [i for i in kept if table.columns[i].key != table.group] or list(kept)
    for index in kept:
        if table.columns[index].wide:
            return index
    for index in kept:
        if not any(is_number(row[index]) for row in table.rows if index < len(row)):
            return index
    return kept[0] if kept else None


def marker(number: int) -> str:
    return f"[{number}]"


# ----------------------------------------------------------------------------- wrapping

#: A no-break space: a line never breaks at it (a series point: 2022:\u00a010.81).
NBSP = "\u00a0"
#: A series point's year and the space after it (2022: 10.81).
_POINT_RE = re.compile(r"(\b\d{4}[:：]) (?=[-+]?\d)")
#: An ASCII word longer than this may be broken when a wide column is too narrow for it (a
#: wide column is made at least as wide as its longest word up to this, and its header's).
WORD_MAX = 16
#: The atoms of a line: a run of ASCII letters, digits and signs (a word, a number, a code),
#: never broken but where it is wider than the line; whitespace (a no-break space aside); any
#: other character on its own.
_TOKEN_RE = re.compile(r"[!-~]+|[^\S\u00a0]+|.", re.DOTALL)
#: What must never be broken, so a wide column is at least as wide as the widest of it: a
#: number (ASCII digits with . , % and a sign), and ASCII joined by no-break spaces.
_UNBREAKABLE_RE = re.compile(r"[!-~]*\u00a0[!-~\u00a0]*|[+\-±]?\d[\d.,%‰]*")
#: A file's suffix (.xlsx): the name before it is kept with it (报告.xlsx).
_SUFFIX_RE = re.compile(r"\.[A-Za-z]")
#: The most characters of a file's name kept with its suffix.
_STEM_MAX = 8
#: Marks that do not start a line (kept with the character before them).
_CLOSING = set("，。、；：？！）》」』】〕〉”’％‰…—,.;:?!)]}%")
#: Separators between items (a series' points) that end a line, not start one.
_SEPARATORS = {"·", "•", "|"}
#: Marks that do not end a line (kept with the character after them).
_OPENING = set("（《「『【〔〈“‘([{")
#: Where a code too long for the line may be broken (after these).
_CODE_BREAK_RE = re.compile(r"(?<=[_/\-])")


def _cells(text: str) -> int:
    from rich.cells import cell_len

    return cell_len(text)


def _tokens(line: str) -> list[str]:
    """Units a line may break between: the atoms of `_TOKEN_RE`, glued where a break would
    not read — a closing mark (or ASCII starting with one: .xlsx）) to what comes before, an
    opening mark to what comes after, a separator (·) to the item before it, a character
    after a number to it (2021年, 50％; not an opening mark: 50.59 / （2021年), both sides of
    a no-break space, a file's name to its suffix (报告.xlsx)."""
    units: list[str] = []
    glue_next = False
    for token in _TOKEN_RE.findall(line):
        space = token.isspace() and token != NBSP
        previous = units[-1] if units else ""
        after_number = (
            len(token) == 1
            and previous[-1:].isdigit()
            and not token.isascii()
            and token not in _OPENING
        )
        glue = glue_next or token == NBSP or token[0] in _CLOSING or after_number
        if token in _SEPARATORS and len(units) > 1 and previous.isspace():
            units[-2:] = [units[-2] + previous + token]  # 5.56 · / 10.81, not 5.56 / · 10.81
        elif previous and not space and glue and not (previous.isspace() and previous != NBSP):
            units[-1] += token
            if _SUFFIX_RE.match(token):
                _glue_stem(units)
        else:
            units.append(token)
        glue_next = not space and (token[-1:] in _OPENING or token == NBSP)
    return units


def _glue_stem(units: list[str]) -> None:
    """The last unit (ending in a file's suffix) with the letters before it (报告.xlsx)."""
    count = 0
    while (
        count < _STEM_MAX
        and len(units) > 1
        and len(units[-2]) == 1
        and units[-2].isalnum()
        and not units[-2].isascii()
    ):
        units[-2:] = [units[-2] + units[-1]]
        count += 1


def unbreakable(text: str) -> int:
    """The cells of the widest part of `text` a line must never break: a number, ASCII joined
    by no-break spaces (the widest a wide column must be for them to stay whole)."""
    text = _POINT_RE.sub("\\1" + NBSP, text)
    return max((_cells(found) for found in _UNBREAKABLE_RE.findall(text)), default=0)


def longest_word(text: str) -> int:
    """The cells of the longest ASCII word in `text` (an indicator, deteriorating)."""
    return max(
        (_cells(t) for t in _TOKEN_RE.findall(text) if t.isascii() and not t.isspace()),
        default=0,
    )


def _fold(token: str, width: int) -> list[str]:
    """A unit wider than the line: broken between its atoms (never inside a number or an
    ASCII word that fits), an atom wider than the line after _ / - where it can be, else at
    characters."""
    pieces: list[str] = []
    for atom in _TOKEN_RE.findall(token):
        if _cells(atom) <= width:
            pieces.append(atom)
            continue
        for part in _CODE_BREAK_RE.split(atom):
            while _cells(part) > width:
                cut, used = 0, 0
                while cut < len(part) and used + _cells(part[cut]) <= width:
                    used += _cells(part[cut])
                    cut += 1
                cut = max(cut, 1)
                pieces.append(part[:cut])
                part = part[cut:]
            if part:
                pieces.append(part)
    lines: list[str] = []
    for piece in pieces:
        if lines and _cells(lines[-1]) + _cells(piece) <= width:
            lines[-1] += piece
        else:
            lines.append(piece)
    return lines


#: A list's items (地区、地区、…) no wider than this are never broken inside.
LIST_ITEM_CELLS = 40
#: What a list's item (a name) never holds: a space or a mark of prose.
_NOT_A_NAME = re.compile(r"[\s，。；：（）,;:()]")


def _is_list(text: str) -> bool:
    """Whether a text is a list of names to `_list_items` (three or more, 、-separated)."""
    return text.count("、") >= 2


def _list_items(paragraph: str) -> list[str] | None:
    """A paragraph holding a list of names (three or more, 、-separated) as units to wrap:
    each name with its 、 one unit, so that no name breaks across lines (…京006县、青 /
    002县…); what is not a name (the text after the last 、, a note after a cut list) is
    broken as any text is."""
    if not _is_list(paragraph):
        return None
    items = paragraph.split("、")
    units: list[str] = []
    for item in items[:-1]:
        if item and _cells(item) <= LIST_ITEM_CELLS and not _NOT_A_NAME.search(item):
            units.append(item + "、")
        else:
            units.extend(_tokens(item + "、"))
    last = items[-1]
    name = last.rstrip("…")  # (a cut list ends in ……)
    if name and _cells(last) <= LIST_ITEM_CELLS and not _NOT_A_NAME.search(name):
        return [*units, last]
    return units + _tokens(last)


def wrap(text: str, width: int) -> list[str]:
    """`text` in lines of at most `width` cells, broken at readable points (see the module)."""
    width = max(width, 1)
    lines: list[str] = []
    # a year and its figure (2022: 10.81, a series point) stay on one line
    text = _POINT_RE.sub("\\1" + NBSP, text.replace("\t", " "))
    for paragraph in text.split("\n"):
        line = ""
        for token in _list_items(paragraph) or _tokens(paragraph):
            if _cells(line) + _cells(token) <= width:
                line += token
                continue
            if token.isspace() and token != NBSP:
                lines.append(line.rstrip())
                line = ""
                continue
            if line.strip():
                lines.append(line.rstrip())
            line = ""
            if _cells(token) <= width:
                line = token
            else:
                *full, line = _fold(token, width)
                lines.extend(part.rstrip() for part in full)
        lines.append(line.rstrip())
    return [line.replace(NBSP, " ") for line in lines]


# ------------------------------------------------------------------------------ cells


@dataclass
class _Cell:
    """A cell as the terminal shows it: its text (visible), its style, and whether it must
    not break (a number, a status, a cell of a column that is not wide)."""

    text: str
    style: str | None = None
    atomic: bool = False
    bold: bool = False

    @property
    def width(self) -> int:
        return max((_cells(line) for line in self.text.split("\n")), default=0)


#: The most characters a terminal cell shows; the rest is cut, saying so — the file formats
#: hold every one.
CELL_CHARS = 1000
#: The most characters of a list of names a terminal cell shows (about 30 county names, a few
#: lines): a spread's lagging regions at county scale are hundreds of names for each of 64
#: indicators, which made 2,885 lines for 2,100 counties.
LIST_CHARS = 200


def _cut(text: str, lang: str) -> str:
    """A cell too long for a terminal: a list of names cut to `LIST_CHARS`, after its last
    whole item, counted in items (共 2,857 个); any other text cut to `CELL_CHARS`, counted
    in characters."""
    if _is_list(text):
        head = text[:LIST_CHARS]
        head = head[: head.rfind("、")]
        return say("table.cut_list", lang, text=head, items=f"{text.count('、') + 1:,}",
                   shown=f"{head.count('、') + 1:,}")  # fmt: skip
    return say("table.cut", lang, text=text[:CELL_CHARS], chars=f"{len(text):,}")


def _cell(cell: Cell, color: bool, lang: str, matrix: bool = False) -> _Cell:
    text = visible(shown(cell)).replace("\t", " ")
    if len(text) > LIST_CHARS and (len(text) > CELL_CHARS or _is_list(text)):
        text = _cut(text, lang)
    if isinstance(cell, Status):
        drawn = glyph(cell, lang) if matrix else None
        style = STATUS_STYLES.get(cell.code) if color else None
        return _Cell(drawn or text, style, atomic=True)
    if isinstance(cell, Text):
        style = cell.style if color and cell.style in TEXT_STYLES else None
        return _Cell(text, style, bold=cell.style == "bold")
    return _Cell(text, atomic=is_number(cell))


def _paragraph(text: str, width: int, style: str | None = None) -> Any:
    """A line of text (a title, a summary line, a note) wrapped at readable points."""
    return _rich_text("\n".join(wrap(visible(text), width)), style)


def _rich_text(text: str, style: str | None = None) -> Any:
    rendered = terminal(text)
    if style:
        rendered.stylize(style)
    return rendered


@dataclass
class _Col:
    header: str
    wide: bool
    right: bool = False
    center: bool = False
    natural: int = 0
    minimum: int = 0
    #: the width of a non-wide column (None: its full width)
    fixed: int | None = None


def _measure(cols: list[_Col], rows: list[list[_Cell]]) -> None:
    for index, col in enumerate(cols):
        cells = [row[index] for row in rows]
        widths = [cell.width for cell in cells]
        header = max((_cells(line) for line in col.header.split("\n")), default=0)
        atomic = max((cell.width for cell in cells if cell.atomic), default=0)
        if col.fixed is not None:
            col.natural = col.minimum = col.fixed
        elif col.wide:
            col.natural = max([header, *widths], default=0) or 1
            texts = [cell.text for cell in cells if not cell.atomic]
            whole = max((unbreakable(text) for text in texts), default=0)
            words = max((longest_word(text) for text in texts), default=0)
            col.minimum = max(
                min(WIDE_MIN, col.natural), atomic, whole, min(words, WORD_MAX),
                longest_word(col.header),
            )  # fmt: skip
        else:
            col.natural = col.minimum = max([header, *widths], default=0) or 1


def _borders(count: int) -> int:
    """The cells a rich table with `count` columns spends on borders and padding."""
    return 3 * count + 1


def _fit(cols: list[_Col], width: int) -> list[int] | None:
    """Each column's width within `width`, or None if the table cannot fit (see the module)."""
    budget = width - _borders(len(cols))
    if sum(col.minimum for col in cols) > budget:
        return None
    widths = [col.minimum for col in cols]
    extra = budget - sum(widths)
    # the wide column furthest from its full width (as a share of it) gets the next cell:
    # long names get more room than short ones, in proportion
    while extra > 0:
        growing = [i for i, col in enumerate(cols) if col.wide and widths[i] < col.natural]
        if not growing:
            break
        furthest = min(growing, key=lambda i: widths[i] / cols[i].natural)
        widths[furthest] += 1
        extra -= 1
    return widths


# -------------------------------------------------------------------------------- render


def render(view: View, *, color: bool = False, width: int | None = None) -> str:
    """The view for a terminal: heading, summary, each table fitted to `width`, notes."""
    from rich.console import Group

    width = width or (_console_width() if color else plain_width())
    console = _console(color, width)
    lang = view.lang
    parts: list[Any] = []
    if view.title:
        parts.append(_paragraph(view.title, width, "bold" if color else None))
    parts.extend(_paragraph(line, width) for line in view.summary)
    for number, table in enumerate(view.tables):
        if view.summary or number:
            parts.append(_rich_text(""))
        if table.title == view.title and len(view.tables) == 1:
            table = replace(table, title="")  # the view's title is the table's
        parts.extend(_table(table, color=color, width=width, lang=lang))
    if view.notes:
        parts.append(_rich_text(""))
        parts.extend(_paragraph(line, width) for line in view.notes)
    with console.capture() as capture:
        console.print(Group(*parts))
    text = capture.get()
    if color:
        return text
    return "\n".join(line.rstrip() for line in text.split("\n"))


#: A text table lists no table of more rows (a country's counties make 185,600 results): the
#: file formats hold them, and the note says which.
ROWS_LIMIT = 2000
#: A terminal (a coloured table) lists none of more rows than this, but a matrix's: 94
#: counties' lagging binding indicators were 1,265 rows, 7,500 lines, under the summaries
#: that say the same in a screen (a `.txt` file keeps `ROWS_LIMIT`).
TERMINAL_ROWS = 500


def more_than(items: Any, limit: int) -> bool:
    """Whether `items` holds more than `limit`: a lazy sequence tells it by its own
    `more_than`, else by `__length_hint__` where it knows its length without making its
    rows; else at most limit + 1 of it is read."""
    if isinstance(items, list | tuple):
        return len(items) > limit
    counted = getattr(items, "more_than", None)
    if counted is not None:
        return bool(counted(limit))
    hint = getattr(items, "__length_hint__", None)
    known = hint() if hint is not None else NotImplemented
    if isinstance(known, int):
        return known > limit
    return sum(1 for _ in islice(items, limit + 1)) > limit


def _table(table: Table, *, color: bool, width: int, lang: str) -> list[Any]:
    limit = TERMINAL_ROWS if color and not table.matrix else ROWS_LIMIT
    if more_than(table.rows, limit):
        lines = [table.title] if table.title else []
        key = "table.omitted_matrix" if table.matrix else "table.omitted"
        lines.append(say(key, lang, rows=f"{limit:,}"))
        return [_paragraph(line, width) for line in lines]
    if table.matrix:
        return _matrix(table, color=color, width=width, lang=lang)
    if not table.rows:  # a table with no rows says so, not an empty grid
        lines = [table.title] if table.title else []
        return [_paragraph(line, width) for line in (*lines, say("format.none", lang))]
    kept = kept_columns(table)
    group = table.group if table.group in {table.columns[i].key for i in kept} else None
    marked = note_marker_column(table, kept)
    markers = note_markers(table)
    plain = [
        [_cell(row[column] if column < len(row) else None, color, lang) for column in kept]
        for row in table.rows
    ]
    rows = [list(cells) for cells in plain]  # with the footnote marks
    if marked is not None and markers:
        at = kept.index(marked)
        for index, number in markers.items():
            mark = marker(number)
            rows[index][at] = _Cell(
                f"{rows[index][at].text} {mark}".strip(), rows[index][at].style,
                rows[index][at].atomic, rows[index][at].bold,
            )  # fmt: skip
    cols = [
        _Col(
            visible(table.columns[i].label),
            table.columns[i].wide,
            right=bool(table.rows)
            and all(is_number(r[i]) or r[i] in (None, "") for r in table.rows if i < len(r)),
        )
        for i in kept
    ]
    _measure(cols, rows)
    widths = _fit(cols, width)
    left_out: list[str] = []
    if widths is None or _squeezed(table, kept, cols, widths):
        # leave out details (ids first) before giving up the grid or squeezing the names
        fewer = _without_details(table, kept, cols, width, squeezed=widths is not None)
        if fewer is not None:
            positions, cols, widths, left_out = fewer
            kept = [kept[n] for n in positions]
            rows = [[row[n] for n in positions] for row in rows]
            plain = [[row[n] for n in positions] for row in plain]
    group_at = next((n for n, i in enumerate(kept) if table.columns[i].key == group), None)
    if widths is None:
        _measure(cols, plain)
        return _records(table, cols, plain, group_at, color=color, width=width, lang=lang)
    parts = [_grid(table.title, cols, widths, rows, group_at, color=color)]
    if left_out:
        parts.append(
            _paragraph(
                say(
                    "format.left_out",
                    lang,
                    width=width,
                    # a width wider than this one (COLUMNS=200 was suggested at 200: a trial)
                    wider=max(200, (width + 80) // 10 * 10),
                    columns=say("sep.list", lang).join(left_out),
                ),
                width,
            )
        )
    footnotes = [(marker(n), table.notes[i]) for i, n in _first_of_each(markers)]
    if footnotes:
        parts.append(_footnotes(footnotes, width))
    return parts


def note_markers(table: Table) -> dict[int, int]:
    """Each row with notes → its footnote's number: rows whose notes are the same share one
    (an indicator's plan notes under each of 2,900 counties are one footnote, not 2,900)."""
    numbers: dict[tuple[str, ...], int] = {}
    markers = {}
    for row in sorted(i for i in table.notes if table.notes[i]):
        markers[row] = numbers.setdefault(tuple(table.notes[row]), len(numbers) + 1)
    return markers


def _first_of_each(markers: dict[int, int]) -> list[tuple[int, int]]:
    """(row, number) of the first row of each footnote number, in order."""
    firsts: dict[int, int] = {}
    for row, number in sorted(markers.items()):
        firsts.setdefault(number, row)
    return [(row, number) for number, row in sorted(firsts.items())]


def is_id(column: Column) -> bool:
    """An id column (`id`, `parent_id`…): codes a reader of the terminal does not need."""
    return column.key == "id" or column.key.endswith("_id")


def drop_order(table: Table, kept: Sequence[int], cols: Sequence[_Col]) -> list[int]:
    """The positions (among `kept`) of the optional columns, in the order a narrow terminal
    leaves them out: ids first, then the wide ones, then the narrow ones; the widest first in
    each, the last listed first when as wide."""
    optional = [n for n, i in enumerate(kept) if table.columns[i].optional]

    def rank(n: int) -> tuple[bool, bool, int, int]:
        return (not is_id(table.columns[kept[n]]), not cols[n].wide, -cols[n].natural, -n)

    return sorted(optional, key=rank)


def _squeezed(table: Table, kept: Sequence[int], cols: Sequence[_Col], widths: list[int]) -> bool:
    """Whether the grid fits only by squeezing a wide column that is not an id below its full
    width and `COMFORT` cells, while an optional id column takes room."""
    if not any(is_id(table.columns[i]) and table.columns[i].optional for i in kept):
        return False
    return any(
        col.wide and not is_id(table.columns[i]) and size < min(col.natural, COMFORT)
        for i, col, size in zip(kept, cols, widths, strict=True)
    )


def _without_details(
    table: Table, kept: list[int], cols: list[_Col], width: int, *, squeezed: bool = False
) -> tuple[list[int], list[_Col], list[int], list[str]] | None:
    """The grid without the fewest optional columns that lets it fit `width`: the first of
    `drop_order` are left out until it fits, then each of them that fits again is put back
    (the last left out first: a narrow unit is kept beside its figures where it fits). A grid
    that fits but `squeezed` leaves out its optional ids alone (None if it then does not fit).
    Returns (positions kept among `kept`, their measures, their widths, labels left out)."""
    order = drop_order(table, kept, cols)

    def fit(dropped: set[int]) -> tuple[list[int], list[_Col], list[int]] | None:
        positions = [n for n in range(len(kept)) if n not in dropped]
        fewer = [cols[n] for n in positions]
        widths = _fit(fewer, width)
        return None if widths is None else (positions, fewer, widths)

    def labels(dropped: set[int]) -> list[str]:
        return [table.columns[kept[n]].label for n in sorted(dropped)]

    if squeezed:
        ids = {n for n in order if is_id(table.columns[kept[n]])}
        found = fit(ids)
        return None if found is None else (*found, labels(ids))
    for count in range(1, len(order) + 1):
        dropped = set(order[:count])
        if fit(dropped) is None:
            continue
        for n in reversed(order[:count]):
            if fit(dropped - {n}) is not None:
                dropped.discard(n)
        positions, fewer, widths = fit(dropped)  # type: ignore[misc]
        return positions, fewer, widths, labels(dropped)
    return None


def _grid(
    title: str,
    cols: list[_Col],
    widths: list[int],
    rows: list[list[_Cell]],
    group_at: int | None,
    *,
    color: bool,
) -> Any:
    from rich.table import Table as RichTable

    grid = RichTable(
        title=_paragraph(title, sum(widths) + _borders(len(widths)), "bold" if color else None)
        if title
        else None,
        header_style="bold" if color else "",
        title_style="",
        title_justify="left",
    )
    for col, size in zip(cols, widths, strict=True):
        header = "\n".join(wrap(col.header, size)) if col.wide or col.fixed else col.header
        justify = "center" if col.center else "right" if col.right else "left"
        grid.add_column(
            _rich_text(header),
            width=size,
            no_wrap=not col.wide,
            overflow="fold",
            justify=justify,
            header_style="bold" if color else "",
        )
    previous: object = object()
    for index, row in enumerate(rows):
        texts = []
        for col, size, cell in zip(cols, widths, row, strict=True):
            text = cell.text if (cell.atomic or not col.wide) else "\n".join(wrap(cell.text, size))
            texts.append(_rich_text(text, cell.style))
        if group_at is not None:
            value = row[group_at].text
            if value != previous:
                if index:
                    grid.add_section()
                previous = value
            else:
                texts[group_at] = _rich_text("")
        bold = color and any(cell.bold for cell in row)
        grid.add_row(*texts, style="bold" if bold else None)
    return grid


def _footnotes(notes: list[tuple[str, list[str]]], width: int) -> Any:
    """Footnotes under a table: the mark, then the note, wrapped under itself."""
    from rich.table import Table as RichTable

    mark_width = max(_cells(mark) for mark, _ in notes)
    grid = RichTable.grid(padding=(0, 1))
    grid.add_column(width=mark_width, no_wrap=True)
    grid.add_column(width=max(width - mark_width - 1, 1))
    for mark, lines in notes:
        for n, line in enumerate(lines):
            text = "\n".join(wrap(visible(line), max(width - mark_width - 1, 1)))
            grid.add_row(_rich_text(mark if n == 0 else ""), _rich_text(text))
    return grid


def _records(
    table: Table,
    cols: list[_Col],
    rows: list[list[_Cell]],
    group_at: int | None,
    *,
    color: bool,
    width: int,
    lang: str,
) -> list[Any]:
    """One block of ``label：value`` lines per row, a rule with the group's name per group."""
    from rich.rule import Rule
    from rich.table import Table as RichTable

    colon = say("sep.colon", lang)
    labels = [col.header.replace("\n", " ") + colon for col in cols]
    label_width = min(max((_cells(label) for label in labels), default=1), max(width // 2, 1))
    value_width = max(width - label_width - 1, 1)
    parts: list[Any] = []
    if table.title:
        parts.append(_paragraph(table.title, width, "bold" if color else None))
    previous: object = object()
    for index, row in enumerate(rows):
        if index:
            parts.append(_rich_text(""))
        if group_at is not None and row[group_at].text != previous:
            previous = row[group_at].text
            parts.append(Rule(_rich_text(previous, "bold" if color else None), align="left"))
        block = RichTable.grid(padding=(0, 1))
        block.add_column(width=label_width, no_wrap=False, overflow="fold")
        block.add_column(width=value_width, overflow="fold")
        bold = color and any(cell.bold for cell in row)
        for n, (label, cell) in enumerate(zip(labels, row, strict=True)):
            if n == group_at or not cell.text.strip():
                continue
            value = "\n".join(wrap(cell.text, value_width))
            block.add_row(
                _rich_text("\n".join(wrap(label, label_width))),
                _rich_text(value, cell.style),
                style="bold" if bold else None,
            )
        for n, note in enumerate(table.notes.get(index, [])):
            block.add_row(
                _rich_text(say("format.notes", lang) + colon if n == 0 else ""),
                _rich_text("\n".join(wrap(visible(note), value_width)), "dim" if color else None),
            )
        parts.append(block)
    return parts


# ------------------------------------------------------------------------------- matrix


def _matrix(table: Table, *, color: bool, width: int, lang: str) -> list[Any]:
    """A region × indicator matrix of glyphs: as it is, transposed, or in parts of whole
    columns, whichever fits (as it is when it fits; else the way with fewer parts)."""
    kept = kept_columns(table)
    statuses = [i for i in status_columns(table) if i in kept]
    labels = [i for i in kept if i not in statuses]
    if not statuses:
        return _table(replace(table, matrix=False), color=color, width=width, lang=lang)

    def cell(row: int, column: int) -> _Cell:
        found = table.rows[row]
        return _cell(found[column] if column < len(found) else None, color, lang, matrix=True)

    # as it is: the label columns, then one glyph column per status column
    head = [_Col(visible(table.columns[i].label), table.columns[i].wide) for i in labels]
    body = [_status_col(table.columns[i].label) for i in statuses]
    grid = [
        ([cell(r, i) for i in labels], [cell(r, i) for i in statuses])
        for r in range(len(table.rows))
    ]
    layouts = [(head, body, grid)]
    if len(labels) == 1:  # transposed: a row per status column, a column per row
        label = labels[0]
        t_head = [_Col("", True)]
        t_body = [_status_col(shown(row[label])) for row in table.rows]
        t_grid = [
            ([_Cell(visible(table.columns[i].label))], [cell(r, i) for r in range(len(table.rows))])
            for i in statuses
        ]
        layouts.append((t_head, t_body, t_grid))
    planned = [_plan(h, b, g, width) for h, b, g in layouts]
    choice = min(range(len(layouts)), key=lambda n: (len(planned[n]), n))
    head, body, grid = layouts[choice]
    parts_of = planned[choice]
    parts: list[Any] = []
    for number, chunk in enumerate(parts_of, 1):
        cols = head + [body[i] for i in chunk]
        rows = [left + [right[i] for i in chunk] for left, right in grid]
        _measure(cols, rows)
        widths = _fit(cols, width) or [col.minimum for col in cols]
        title = table.title
        if len(parts_of) > 1:
            title = f"{title} ({number}/{len(parts_of)})".strip()
        if number > 1:
            parts.append(_rich_text(""))
        parts.append(_grid(title, cols, widths, rows, None, color=color))
    line = legend([row[i] for row in table.rows for i in statuses if i < len(row)], lang)
    if line:
        parts.append(_paragraph(line, width))
    return parts


def _status_col(header: str) -> _Col:
    header = visible(header)
    natural = max((_cells(line) for line in header.split("\n")), default=0)
    longest = max((_cells(token) for token in _tokens(header) if not token.isspace()), default=1)
    size = max(min(natural, MATRIX_HEADER_MAX), min(longest, MATRIX_HEADER_MAX), 1)
    lines = len(wrap(header, size))
    while size > max(longest, 1) and len(wrap(header, size - 1)) == lines:
        size -= 1  # as narrow as it can be in as many lines: 人均预期/寿命, not 人均预期寿/命
    return _Col(header, wide=False, center=True, fixed=size)


def _plan(
    head: list[_Col], body: list[_Col], grid: list[tuple[list[_Cell], list[_Cell]]], width: int
) -> list[list[int]]:
    """The status columns in parts that each fit beside the label columns (one part if all
    fit): greedy, whole columns, at least one column a part."""
    left = [row[0] for row in grid]
    _measure(head, left)
    for index, col in enumerate(body):
        widest = max((right[index].width for _, right in grid), default=1)
        col.fixed = max(col.fixed or 1, widest)
    budget = width - _borders(len(head)) - sum(col.minimum for col in head)
    parts: list[list[int]] = [[]]
    used = 0
    for index, col in enumerate(body):
        need = (col.fixed or 1) + 3
        if parts[-1] and used + need > budget:
            parts.append([])
            used = 0
        parts[-1].append(index)
        used += need
    return parts


# ------------------------------------------------------------------------------ console


def plain_width() -> int:
    """The width of plain output (a pipe, a file): the `COLUMNS` environment variable where it
    is a whole number of at least `MIN_COLUMNS`, else `DEFAULT_WIDTH`."""
    import os

    found = os.environ.get("COLUMNS", "").strip()
    ok = found.isascii() and found.isdigit() and int(found) >= MIN_COLUMNS
    return int(found) if ok else DEFAULT_WIDTH


def _console_width() -> int:
    from rich.console import Console

    return Console().width


def _console(color: bool, width: int) -> Any:
    from rich.console import Console

    return Console(
        force_terminal=color,
        no_color=not color,
        width=width,
        file=_NullFile(),
        markup=False,
        emoji=False,
        highlight=False,
        legacy_windows=False,
    )


class _NullFile:
    def write(self, _text: str) -> int:
        return 0

    def flush(self) -> None:
        pass
