"""CSV output that is safe to open in Excel."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: Text that reads as a number (−10%, +3.5, -1,234) or a lone dash: data, never a formula.
_NOT_A_FORMULA = re.compile(r"[+-]?(?:\d[\d,]*(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?[%‰]?|[-+]+")


def neutralise(cell: object) -> object:
    """Prefix text that Excel would run as a formula (=, +, -, @) with an apostrophe.

    Numbers stay numbers: only text cells are touched, so -3.5 as a number is not altered,
    but the text "-3.5" coming from a user's note would be, which is the safe side.
    """
    if (
        isinstance(cell, str)
        and cell.startswith(_FORMULA_STARTS)
        and not _NOT_A_FORMULA.fullmatch(cell)
    ):
        return "'" + cell
    return cell


def to_csv(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(headers)
    for row in rows:
        writer.writerow(["" if cell is None else neutralise(cell) for cell in row])
    return buffer.getvalue()
