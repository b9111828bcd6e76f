"""Rows written now and read back once: what lets CSV and markdown stream a large table.

Both formats print something before the rows that depends on all of them (the CSV's code
columns, the markdown table's columns and alignment), so a table's rows are rendered once, in
order, into a `Spool` while that is worked out, and the spool is copied out after the header.
It is in memory while small and in an unnamed temp file past `IN_MEMORY` characters (removed
by the system when closed, also by a signal): a country's 185,600 rows are about 80 MB of text,
which the process should not hold.
"""

from __future__ import annotations

import io
import tempfile
from collections.abc import Iterable, Iterator
from typing import TextIO

from psplan import signals

#: Characters kept in memory before the spool moves to a temp file.
IN_MEMORY = 4_000_000
#: Characters read back at a time.
READ_SIZE = 1 << 16


class Spool:
    """Text written, then read back from the start: as chunks, or as a file (`csv.reader`)."""

    def __init__(self, in_memory: int | None = None, folder: str | None = None) -> None:
        """`folder`: the temp file is named, in it (removed when closed, or with the
        folder), not unnamed."""
        self._in_memory = IN_MEMORY if in_memory is None else in_memory
        self._folder = folder
        self._size = 0
        self._file: TextIO = io.StringIO(newline="\n")
        self._on_disk = False

    def write(self, text: str) -> int:
        self._size += len(text)
        if not self._on_disk and self._size > self._in_memory:
            # newline="\\n": text goes out as it came in, lines end at \\n only (a CR in a
            # CSV cell stays in it); surrogatepass: any str round-trips
            make = tempfile.TemporaryFile if self._folder is None else tempfile.NamedTemporaryFile
            with signals.held():  # made and kept at once: close() removes it, whatever comes
                disk = make(
                    "w+", encoding="utf-8", errors="surrogatepass", newline="\n", dir=self._folder
                )
                memory, self._file, self._on_disk = self._file, disk, True
            disk.write(memory.getvalue())
            memory.close()
        return self._file.write(text)

    def file(self) -> TextIO:
        """The text written, as a file read from its start."""
        self._file.seek(0)
        return self._file

    def chunks(self) -> Iterator[str]:
        """The text written, in chunks of `READ_SIZE` characters."""
        file = self.file()
        while chunk := file.read(READ_SIZE):
            yield chunk

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> Spool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def once(rows: Iterable[tuple]) -> Iterator[tuple]:
    """A table's rows for one reading: a lazy table's (one whose rows have `once()`, as the
    views' tables made when read do) made as read and not kept; any other's as they are."""
    reading = getattr(rows, "once", None)
    return reading() if callable(reading) else iter(rows)
