"""Figures handed over as a table in memory — a pandas or polars DataFrame, or a list of dicts
(records) — read exactly as the same table written to a CSV file with its header on line 1:
the same header aliases, layouts (long or wide), value spellings, problems and warnings.

A notebook user holds the departments' figures as a DataFrame; `psplan.check(plan, frame)`
judged its column names as rows. Messages name the table as `DataFrame` (or `records`) and a
row by its line in that CSV: the header is line 1, the table's first row line 2.

Neither pandas nor polars is imported: a table is known by what it has (`columns` and a way to
walk its rows), and its cells are made plain Python values (NaN and NaT as empty cells, numpy
numbers as Python numbers, timestamps as datetimes), as a workbook's cells are.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from psplan.actuals.read import ActualRow, SheetEntry, _records
from psplan.errors import Problem

#: The names messages give a table in memory.
FRAME, RECORDS = "DataFrame", "records"


def is_table(value: Any) -> bool:
    """A DataFrame (pandas or polars), or a non-empty list or tuple of dicts."""
    if _rows_of(value) is not None:
        return True
    return (
        isinstance(value, (list, tuple))
        and bool(value)
        and all(isinstance(item, Mapping) for item in value)
    )


def table_name(value: Any) -> str:
    return FRAME if _rows_of(value) is not None else RECORDS


def table_records(value: Any) -> Iterator[ActualRow | Problem | SheetEntry]:
    """The records of a table (`is_table`), as `actuals.read.read_actuals` gives a file's."""
    header, rows = _header_and_rows(value)
    lines = itertools.chain(
        [(1, [_plain(cell) for cell in header])],
        ((line, [_plain(cell) for cell in row]) for line, row in enumerate(rows, start=2)),
    )
    return _records(lines, table_name(value))


def _header_and_rows(value: Any) -> tuple[Sequence[Any], Iterable[Sequence[Any]]]:
    rows = _rows_of(value)
    if rows is not None:
        return list(value.columns), rows
    header = list(dict.fromkeys(key for record in value for key in record))
    return header, ([record.get(key) for key in header] for record in value)


def _rows_of(value: Any) -> Iterable[Sequence[Any]] | None:
    """A DataFrame's rows, without its index; None for anything else."""
    if isinstance(value, (str, bytes, list, tuple, Mapping)) or not hasattr(value, "columns"):
        return None
    if callable(getattr(value, "itertuples", None)):  # pandas
        return value.itertuples(index=False, name=None)
    if callable(getattr(value, "iter_rows", None)):  # polars
        return value.iter_rows()
    return None


def _plain(cell: Any) -> Any:
    """A cell as the readers take one: None where empty (None, NaN, NaT, pandas.NA), a
    Python number for a numpy one, a datetime for a timestamp, else the value itself."""
    if cell is None or type(cell).__name__ in ("NaTType", "NAType"):
        return None
    if isinstance(cell, float) and math.isnan(cell):
        return None
    if not isinstance(cell, (str, bytes, int, float)) and callable(getattr(cell, "item", None)):
        cell = cell.item()  # a numpy scalar
        if isinstance(cell, float) and math.isnan(cell):
            return None
    if callable(getattr(cell, "to_pydatetime", None)):
        return cell.to_pydatetime()
    return cell
