"""Read large long-format CSV files into one columnar table (duckdb), for `assess.columnar`.

The per-row reader (`actuals.read`) is the definition of what a file means; this module only
takes the files whose meaning it can keep exactly, and says None for any other, which the
per-row reader then reads with its own messages:

- a CSV file (not a workbook, not reasons.yaml), in long shape (a year and a value column),
  without the collection sheet's 基期值 / 原因分析 / 下一步措施 columns;
- every record on one line of its own (so a row's line is its position under the header,
  moved down by the empty lines above it, which duckdb skips and this module numbers in; at
  most `MOST_BLANK_LINES`), no NUL byte, no CR outside a CRLF, within the limits;
- decodable as a whole in the encoding the per-row reader would use (GB18030, UTF-8 with or
  without a BOM, UTF-16…): a UTF-8 file is read by duckdb itself (its lines counted here in
  1 MB chunks, never held whole), any other is decoded once, in Python, and handed to duckdb
  as a UTF-8 copy in a temporary file that is removed at once;
- parsed by duckdb with every cell as text, no row wider than its header.

The header is found by the per-row reader's own code (title rows above it, aliases, skipped
columns), and its warnings come from there too (`header_warnings`).
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from psplan.actuals.read import (
    _csv_rows,
    _find_header,
    _Header,
    _sniff_delimiter,
    _text_codec,
    detect_encoding,
    header_warnings,
    too_many_rows,
)
from psplan.errors import Problem, PsplanError
from psplan.limits import Limits

if TYPE_CHECKING:
    from concurrent.futures import Future

    import duckdb

#: Suffixes the per-row reader reads as something other than CSV.
NOT_CSV = frozenset({".xlsx", ".xlsm", ".xls", ".yaml", ".yml"})


@dataclass(frozen=True)
class FileRead:
    """One file in the table: its rows are `first` … `first + rows - 1` (the table's rowid)."""

    name: str
    header: _Header
    first: int
    rows: int
    blank_lines: tuple[int, ...] = ()  # the empty lines under the header (duckdb skips them)

    @property
    def value_column(self) -> int:
        """The value's column, 1-based, as a message names it."""
        assert self.header.layout.value is not None
        return self.header.layout.value + 1

    def line(self, rowid: int) -> int:
        """The row's line in the file (the per-row reader's row number)."""
        line = self.header.line + 1 + rowid - self.first
        for blank in self.blank_lines:  # each empty line above it moves it down one
            if blank <= line:
                line += 1
        return line


@dataclass
class Table:
    """The figures of every file in one duckdb table `raw` (ind, reg, yr, val, f, blank),
    in reading order, with the files it came from and the warnings of their headers (which
    the per-row reader gives before the file's rows)."""

    con: Connection
    files: list[FileRead] = field(default_factory=list)
    #: (the table's first row of the file, the warnings of its header), file by file
    warnings: list[tuple[int, list[Problem]]] = field(default_factory=list)

    def file_of(self, rowid: int) -> FileRead:
        for read in self.files:
            if read.first <= rowid < read.first + read.rows:
                return read
        raise IndexError(rowid)


class Connection:
    """A duckdb connection whose interrupted queries end as KeyboardInterrupt.

    duckdb stops a query at Ctrl-C and raises its own error (an `InterruptException`, or a
    `RuntimeError: Query interrupted`): psplan's command line ends on KeyboardInterrupt with
    exit 130 and one line, and a reader must not take the error for a file it cannot read."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self._con = con

    def execute(self, query: str, parameters: Any = None) -> _Result:
        with _interrupts():
            found = (
                self._con.execute(query, parameters)
                if parameters is not None
                else (self._con.execute(query))
            )
        return _Result(found)

    def cursor(self) -> Connection:
        """A connection of its own to the same database (for another thread)."""
        return Connection(self._con.cursor())

    def close(self) -> None:
        self._con.close()


class _Result:
    """A query's result, fetched with interrupts made KeyboardInterrupt as well."""

    def __init__(self, found: Any) -> None:
        self._found = found

    def fetchall(self) -> list[tuple[Any, ...]]:
        with _interrupts():
            return self._found.fetchall()

    def fetchmany(self, size: int) -> list[tuple[Any, ...]]:
        with _interrupts():
            return self._found.fetchmany(size)

    def fetchone(self) -> tuple[Any, ...] | None:
        with _interrupts():
            return self._found.fetchone()


def engine() -> Any:
    """duckdb's compiled module. `import duckdb` also imports duckdb's Python API (relations,
    `importlib.metadata`), 60 ms of a county check's start that psplan never uses; the compiled
    module has the connection and the exceptions. duckdb before 1.4 keeps it inside the package."""
    try:
        import _duckdb
    except ImportError:
        import duckdb as _duckdb
    return _duckdb


@contextlib.contextmanager
def _interrupts() -> Iterator[None]:
    duckdb = engine()
    try:
        yield
    except duckdb.InterruptException:
        raise KeyboardInterrupt from None
    except RuntimeError as exc:
        if "interrupted" in str(exc).lower():
            raise KeyboardInterrupt from None
        raise


def read_table(
    paths: Sequence[str | Path], encoding: str | None = None, limits: Limits | None = None
) -> Table | None:
    """Every file's figures in one table, or None where any file is not for this path."""
    duckdb = engine()
    limits = limits or Limits.from_env()
    # the rows' order in `raw` is the file's (their line numbers are read off it): duckdb's
    # default, said here because every message depends on it
    con = Connection(duckdb.connect(config={"preserve_insertion_order": True}))
    con.execute(
        "CREATE TABLE raw (ind VARCHAR, reg VARCHAR, yr VARCHAR, val VARCHAR, f INTEGER,"
        " blank BOOLEAN, stray BOOLEAN)"
    )
    table = Table(con)
    for index, path in enumerate(paths):
        if not _add_file(table, Path(path), index, encoding, limits):
            con.close()
            return None
    return table


def _add_file(table: Table, path: Path, index: int, encoding: str | None, limits: Limits) -> bool:
    name = str(path)
    if path.suffix.lower() in NOT_CSV or not path.is_file():
        return False
    header = _header(path, encoding, limits)
    if header is None:
        return False
    layout = header.layout
    if (
        layout.wide
        or layout.entries
        or layout.unit is not None
        or layout.column_units
        or layout.note is not None
    ):
        # (a 单位 column or a unit in the figures' header: the per-row path compares them; a
        # 备注 column: it keeps each figure's note)
        return False
    if layout.year is None or layout.value is None:
        return False
    try:
        if path.stat().st_size > limits.file_bytes:
            return False
        with path.open("rb") as handle:
            head = handle.read(SCAN_CHUNK)
    except OSError:
        return False
    chosen = encoding or detect_encoding(head[:65536])
    try:
        codec = _text_codec(chosen, name)
    except PsplanError:
        return False
    raw: bytes | None = None  # the text in UTF-8, where it had to be decoded
    counting: Future[int | None] | None = None
    with contextlib.ExitStack() as copies:
        if codec in ("utf-8", "utf-8-sig"):
            # no decoding in Python: duckdb refuses a byte that is not UTF-8 (and a line over
            # its 2 MB limit), and a CR, LF or NUL byte is never part of another character.
            # The lines are counted on another thread while duckdb reads (it lets go of the
            # GIL): the file is within `limits.file_bytes`, so reading it first costs no more
            # than refusing it after
            counting = _counted(path)
            lines: int | None = None
            source = name
        else:
            try:
                raw = path.read_bytes().decode(chosen).encode("utf-8")
            except (OSError, UnicodeError, LookupError):
                return False
            lines = _lines(raw)
            if lines is None:
                return False
            source = copies.enter_context(_utf8_copy(raw))
        first = table.con.execute("SELECT count(*) FROM raw").fetchone()[0]  # type: ignore[index]
        sample = head[:65536].decode(chosen, errors="replace")
        inserted = _insert(table.con, source, header, index, _sniff_delimiter(sample))
        if counting is not None:
            lines = counting.result()
        if not inserted or lines is None:
            return False
        if (
            header.layout.unheaded
            and table.con.execute(
                "SELECT 1 FROM raw WHERE stray AND f = ? LIMIT 1", [index]
            ).fetchone()
        ):
            return False  # (the per-row reader says which column, at which row)
        count = table.con.execute("SELECT count(*) FROM raw").fetchone()[0] - first  # type: ignore[index]
    blank: tuple[int, ...] = ()
    if count != lines - header.line:
        # duckdb skips empty lines: where rows are fewer than lines, find them (the file
        # read again: a file with none, the common case, is never held whole in memory)
        blank = _blank_lines(path.read_bytes() if raw is None else raw, header.line)
        if count != lines - header.line - len(blank):
            return False  # a record over several lines: its rows are numbered otherwise
    if lines > limits.rows:
        past = _first_row_past(limits.rows, lines, header.line, blank)
        if past is None:
            return False  # (its title rows past the limit: the per-row reader's to say)
        if past <= lines:
            # refused as the per-row reader refuses it, at the same line, without reading
            # 2,000,000 rows one by one first (15 s for a file of 3,000,000)
            raise too_many_rows(name, past, limits.rows)
    table.files.append(FileRead(name, header, first, count, blank))
    table.warnings.append((first, list(header_warnings(header, name))))
    return True


def _first_row_past(most: int, lines: int, header_line: int, blank: Sequence[int]) -> int | None:
    """The line of the first row past `most` rows of a file of `lines` lines, each after
    the header one row but the `blank` ones (lines + 1 if none is); None where the line
    past the limit is at or above the header (a title row the per-row reader counts)."""
    if header_line > most:
        return None
    empty = set(blank)
    line = most + 1
    while line in empty:
        line += 1
    return line


#: What duckdb reads of a file at a time, a thread a buffer (its default: 16 × its 2 MB line
#: limit); a test makes it small to have a small file read on several threads.
READ_BUFFER = 32 << 20

#: How much of a UTF-8 file is looked at at once (for its lines, NUL bytes and lone CRs).
SCAN_CHUNK = 1 << 20
#: A CR outside a CRLF: one search, where counting CRs and CRLFs costs three times as much
#: (Excel writes CRLFs).
_LONE_RETURN = re.compile(rb"\r(?!\n)")


def _counted(path: Path) -> Future[int | None]:
    """`_file_lines(path)`, counted on a thread of its own."""
    from concurrent.futures import ThreadPoolExecutor

    pool = ThreadPoolExecutor(max_workers=1)
    try:
        return pool.submit(_file_lines, path)
    finally:
        pool.shutdown(wait=False)  # the thread ends with its one task


def _lines(raw: bytes) -> int | None:
    """The lines of a text, or None if it has a NUL byte or a CR outside a CRLF (the
    per-row reader says what is wrong with those)."""
    # (`in` is a memchr; one search for a lone CR costs a third of counting CRs and CRLFs)
    if b"\x00" in raw or (b"\r" in raw and _LONE_RETURN.search(raw)):
        return None
    return raw.count(b"\n") + (0 if raw.endswith(b"\n") or not raw else 1)


def _file_lines(path: Path) -> int | None:
    """`_lines` of the file's bytes, read a chunk at a time into one buffer (a county file
    read whole is 50 MB of fresh memory, and most of its cost)."""
    buffer = bytearray(SCAN_CHUNK)
    newlines = 0
    last = 0  # the last byte of the chunk before
    try:
        with path.open("rb") as handle:
            while size := handle.readinto(buffer):
                chunk = buffer if size == SCAN_CHUNK else buffer[:size]
                if b"\x00" in chunk or (last == 13 and chunk[0] != 10):
                    return None
                newlines += chunk.count(b"\n")
                if b"\r" in chunk:  # (`in` is a memchr, `count` is not)
                    found = _LONE_RETURN.search(chunk)
                    if found and found.start() != size - 1:  # (a CRLF the chunk's end cut)
                        return None
                last = chunk[size - 1]
    except OSError:
        return None
    if last == 13:
        return None
    return newlines + (0 if last in (10, 0) else 1)


#: More empty lines than this and the file is left to the per-row reader (each is a lookup).
MOST_BLANK_LINES = 1000


def _blank_lines(raw: bytes, header: int) -> tuple[int, ...]:
    """The numbers of the empty lines below the header line (a trailing empty line too)."""
    if b"\n\n" not in raw and b"\n\r\n" not in raw:
        return ()
    found: list[int] = []
    for pattern in (b"\n\n", b"\n\r\n"):
        start = raw.find(pattern)
        while start >= 0 and len(found) <= MOST_BLANK_LINES:
            line = raw.count(b"\n", 0, start) + 2  # the line after this line break
            if line > header:
                found.append(line)
            start = raw.find(pattern, start + 1)
    return tuple(sorted(found))


def _header(path: Path, encoding: str | None, limits: Limits) -> _Header | None:
    """The header as the per-row reader finds it; None where it would report a problem."""
    rows = _csv_rows(path, encoding, limits)
    try:
        return _find_header(rows, str(path))
    except PsplanError:
        return None
    finally:
        rows.close()


@contextlib.contextmanager
def _utf8_copy(raw: bytes) -> Iterator[str]:
    """A UTF-8 copy of a file in another encoding, for duckdb, removed once read — or when
    SIGTERM or SIGHUP ends the process meanwhile (their default left a county file's 50 MB
    copy in the temp folder). Ctrl-C is KeyboardInterrupt, as anywhere else, and removes it
    on its way out too."""
    from psplan import signals

    with signals.raising((signal.SIGTERM, *_HANGUP)) as received:
        with signals.held():  # made and named at once
            handle, name = tempfile.mkstemp(suffix=".csv", prefix="psplan-")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(raw)
            yield name
        except BaseException as exc:
            if received and not isinstance(exc, signals.Interrupted):
                # duckdb ends a query a signal interrupts with an error of its own
                raise signals.Interrupted(received[-1]) from None
            raise
        finally:
            with signals.held():
                os.unlink(name)


_HANGUP = (signal.SIGHUP,) if hasattr(signal, "SIGHUP") else ()


def _trimmed(cell: str) -> str:
    """A figure's cell without the spaces around it (the per-row reader's `value`), trimmed
    only where it has one: `trim` on every cell was 0.15–0.2 s of a county file's read."""
    if cell == "NULL":
        return cell
    return (
        f"CASE WHEN starts_with({cell}, ' ') OR ends_with({cell}, ' ')"
        f" THEN trim({cell}, ' ') ELSE {cell} END"
    )


def _insert(con: Any, source: str, header: _Header, index: int, delimiter: str) -> bool:
    """Append the rows under the header; False where duckdb cannot read them as the csv
    module would (a row wider than the header, a stray quote)."""
    duckdb = engine()
    layout = header.layout
    width = header.width
    columns = {f"c{i}": "VARCHAR" for i in range(width)}

    def cell(at: int | None) -> str:
        return "NULL" if at is None or at >= width else f"c{at}"

    blank = " AND ".join(f"c{i} IS NULL" for i in range(width))
    # a cell under an empty header: the per-row reader says it (`read._unheaded`)
    stray = " OR ".join(f"trim(c{i}) <> ''" for i in layout.unheaded if i < width) or "false"
    # `parallel`: these options alone leave the file to one thread (0.26 s against 0.14 s
    # at 928,000 rows); the rows keep the file's order either way
    try:
        con.execute(
            f"INSERT INTO raw SELECT {cell(layout.indicator)}, {cell(layout.region)}, "
            f"{cell(layout.year)}, {_trimmed(cell(layout.value))}, {index}, {blank}, {stray} "
            "FROM read_csv(?, delim = ?, quote = '\"', escape = '\"', header = false, "
            "skip = ?, columns = ?, auto_detect = false, strict_mode = true, "
            "null_padding = true, parallel = true, buffer_size = ?)",
            [source, delimiter, header.line, columns, READ_BUFFER],
        )
    except duckdb.Error:
        return False
    return True
