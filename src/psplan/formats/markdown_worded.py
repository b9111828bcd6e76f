"""A markdown table of county results as duckdb words them (`views.model.SqlRows`).

`markdown._table` makes every row's cells in Python; the results of a country's counties
(185,600 rows, and the lagging ones again) took about 35 s so. Here one query gives each row
as markdown text, the cells `vectorised_cells` words, escaped in SQL as `markdown_cell`
escapes them, and what `markdown._Columns` must know of the row's cells as bits
(`_bits`). The table is then written as `markdown._table` writes it: the columns empty in
every row left out, a column of numbers aligned right, a row's notes a footnote [n].

- An indicator's cells (its name in bold where binding, its target…) and a region's name are
  made in Python by `markdown._cell`, once each;
- a row duckdb does not word is made as any other row, and read by `markdown._Columns`;
- a worded row's notes are its indicator's plan notes (`SqlRows.notes`): a result with an
  override or remarks of its own is never worded.

The property test (tests/test_columnar.py) holds the markdown written this way to the
per-row path's, byte for byte.
"""

from __future__ import annotations

from collections.abc import Iterator

from psplan.assess.vectorised_json import by_goal
from psplan.formats.escape import markdown_cell, markdown_line
from psplan.formats.spool import Spool
from psplan.formats.table import marker
from psplan.views.model import SqlRows, Table

#: What a column's cells are, as `markdown._Columns` asks: some cell shows text (the column
#: is kept), some is filled but no number (it is not aligned right), some is a number.
TEXT, OTHER, NUMBER = 1, 2, 4
#: Bits a column takes in a row's mask.
WIDTH = 3
#: Separates a spooled row's mark and cells (no cell holds it: `markdown_cell`).
_CELLS = "\x00"


def cell_bits(cell: object) -> int:
    """`_bits` of a cell made in Python, as `markdown._Columns.add` reads it."""
    from psplan.formats.markdown import _NUMBERS

    bits = TEXT if cell is not None and str(cell).strip() else 0
    if cell not in (None, ""):
        number = isinstance(cell, _NUMBERS) and not isinstance(cell, bool)
        bits |= NUMBER if number else OTHER
    return bits


def _escaped_sql(text: str) -> str:
    """SQL of `markdown_cell` of printable text on one line (what duckdb words: the
    catalogue's words and numbers)."""
    return (
        f"regexp_replace(replace(replace({text}, '\\', '\\\\'), '|', '\\|'),"
        " '<([A-Za-z/!?])', '&lt;\\1', 'g')"
    )


def _text_bits(text: str) -> str:
    """SQL of `cell_bits` of text (a label, a reason) shown as `text`."""
    return (
        f"((CASE WHEN trim({text}) <> '' THEN {TEXT} ELSE 0 END)"
        f" | (CASE WHEN {text} <> '' THEN {OTHER} ELSE 0 END))"
    )


def worded_table(table: Table, sql: SqlRows, lang: str) -> Iterator[str | Iterator[str]]:
    """`markdown._table`'s blocks of a table duckdb words: the table, then its notes."""
    from psplan.formats.markdown import (
        ALIGNED_ROWS,
        _cell,
        _Columns,
        _marked,
        _pipe_lines,
        _pipe_table,
        footnotes,
    )

    count = len(table.columns)
    parts: list[list[str]] = [[]]  # each row's cells in SQL, before and after the region
    bits: list[str] = []  # each cell's bits in SQL, shifted to its column's place
    texts: list[str] = []  # each cell's text, a column of its own (planned once)
    places: list[str] = []
    region = -1
    for column, (kind, given, fallback) in enumerate(sql.cells):
        shift = f"(CAST(({{}}) AS HUGEINT) << {column * WIDTH})"
        if kind == "region":
            places = [_cell(place, lang, False) for place in given]
            region_bits = [cell_bits(place) for place in given]
            region = column
            parts.append([])
            continue
        if kind == "goal":
            parts[-1].append(by_goal([_cell(cell, lang, False) for cell in given]))
            bits.append(shift.format(by_goal([cell_bits(cell) for cell in given])))
            continue
        name = f"cell_{column}"
        texts.append(f"coalesce({given}, '') AS {name}")
        if kind == "figure":
            shown, bit = name, f"CASE WHEN {name} <> '' THEN {TEXT | NUMBER} ELSE 0 END"
        else:
            shown, bit = _escaped_sql(name), _text_bits(name)
        if fallback is not None:  # NULL: the plan's own cell, the same for every region
            texts[-1] = f"{given} AS {name}"
            made = by_goal([_cell(cell, lang, False) for cell in fallback])
            shown = f"coalesce({_escaped_sql(name)}, {made})"
            bit = (
                f"CASE WHEN {name} IS NULL"
                f" THEN {by_goal([cell_bits(cell) for cell in fallback])} ELSE {bit} END"
            )
        parts[-1].append(shown)
        bits.append(shift.format(bit))
    select = [f"concat_ws(chr(0), {', '.join(part)})" if part else "''" for part in parts]
    every = " | ".join(bits) if bits else "0"
    select.append(every if sql.where is None else f"CASE WHEN {sql.where} THEN {every} ELSE -1 END")

    goal_notes: dict[int, str] = {}  # a goal → its mark, once its first row is written
    numbers: dict[tuple[str, ...], int] = {}  # a footnote's notes → its number
    found = _Columns(count, set(), True)  # of the rows made in Python
    mask = 0
    regions: set[int] = set()
    rows = sql.rows(
        select=lambda shape: select,
        source=lambda shape: f"SELECT *, {', '.join(texts)} FROM ({sql.source(shape)})",
        parameters=sql.parameters,
    )
    with Spool() as spool:
        index = position = 0  # the table's rows, the rows duckdb gave
        for batch in rows:
            lines = []
            for rk, gk, first, *rest in batch:
                position += 1
                if first is None:  # made as any row
                    row = sql.row(position - 1)
                    if row is None:  # (not a row of this table)
                        continue
                    found.add(row)
                    size = len(row)
                    cells = [_cell(row[c] if c < size else None, lang, False) for c in range(count)]
                    notes = table.notes.get(index)
                    mark = str(numbers.setdefault(tuple(notes), len(numbers) + 1)) if notes else ""
                    lines.append(f"{mark}{_CELLS}{_CELLS.join(cells)}\n")
                elif rest[-1] < 0:  # not a row of this table
                    continue
                else:
                    mark = goal_notes.get(gk)
                    if mark is None:
                        notes = sql.notes(gk)
                        mark = goal_notes[gk] = (
                            str(numbers.setdefault(tuple(notes), len(numbers) + 1)) if notes else ""
                        )
                    mask |= rest[-1]
                    if region >= 0:
                        regions.add(rk)
                        lines.append(f"{mark}{_CELLS}{first}{_CELLS}{places[rk]}"
                                     f"{_CELLS}{rest[0]}\n")  # fmt: skip
                    else:
                        lines.append(f"{mark}{_CELLS}{first}\n")
                index += 1
            spool.write("".join(lines))
        if not index:  # a table with no rows says so, not an empty grid
            from psplan.words import say

            yield markdown_line(say("format.none", lang))
            return
        for rk in regions:
            mask |= region_bits[rk] << (region * WIDTH)
        for column in range(count):
            bits_of = (mask >> (column * WIDTH)) & 7
            found.text[column] |= bool(bits_of & TEXT)
            found.filled[column] |= bool(bits_of & (OTHER | NUMBER))
            found.numbers[column] &= not bits_of & OTHER
            found.number[column] |= bool(bits_of & NUMBER)
        kept = [column for column in range(count) if found.text[column]]
        marked = _marked(table, kept, found)
        align = [
            "right" if found.filled[column] and found.numbers[column] else "left" for column in kept
        ]
        headers = [markdown_cell(table.columns[column].label) for column in kept]
        every = kept == list(range(count))

        marks = {number: marker(number) for number in numbers.values()}

        def cells(_: int, row: list[str]) -> list[str]:
            mark = row.pop(0)
            if mark and marked is not None:
                row[marked] = f"{row[marked]} {marks[int(mark)]}".strip()
            return row if every else [row[column] for column in kept]

        if index <= ALIGNED_ROWS:
            held = [cells(i, line[:-1].split(_CELLS)) for i, line in enumerate(spool.file())]
            yield _pipe_table(headers, held, align)
        else:
            yield _pipe_lines(headers, align, spool, cells)
        notes_of = {number: notes for notes, number in numbers.items()}
        if notes_of:
            yield footnotes(notes_of)
