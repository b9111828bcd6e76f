"""CSV output that is safe to open in Excel (the cell rule is `psplan.formats.escape.csv_cell`).

Every CSV psplan writes is UTF-8; with a byte-order mark by default (`with_bom`), without which
Excel on Chinese Windows reads the file as GBK and shows mojibake. `--no-bom` leaves it out for
pipelines (and a terminal never gets one).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence

from psplan.formats.escape import csv_cell

#: Kept for callers of the earlier name.
neutralise = csv_cell
#: The UTF-8 byte-order mark Excel looks for.
BOM = "\ufeff"


def to_csv(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([csv_cell(header) for header in headers])
    for row in rows:
        writer.writerow(["" if cell is None else csv_cell(cell) for cell in row])
    return buffer.getvalue()


def csv_headers(columns: Sequence[str], lang: str, chinese: Mapping[str, str]) -> list[str]:
    """A CSV header: the English keys with --lang en, their Chinese names by default."""
    return [chinese[column] for column in columns] if lang == "zh" else list(columns)


def with_bom(text: str) -> bytes:
    """The CSV as UTF-8 bytes with the byte-order mark: what Excel opens right, whatever the
    encoding of the terminal or locale (bytes, so no stream re-encodes the mark)."""
    body = text if text.endswith("\n") or not text else text + "\n"
    return (BOM + body).encode("utf-8", "backslashreplace")
