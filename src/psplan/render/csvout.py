"""CSV output that is safe to open in Excel (the cell rule is `psplan.render.escape.csv_cell`)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from psplan.render.escape import csv_cell

#: Kept for callers of the earlier name.
neutralise = csv_cell


def to_csv(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([csv_cell(header) for header in headers])
    for row in rows:
        writer.writerow(["" if cell is None else csv_cell(cell) for cell in row])
    return buffer.getvalue()
