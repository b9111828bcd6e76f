"""Read reported figures from CSV or Excel, in long or wide shape, in any encoding Excel writes.

Long:  indicator,year,value[,region][,note]     (or 指标,年份,数值,地区,备注)
Wide:  indicator,2021,2022,…   (headers may read 2021年; a region column is allowed)

Rows come out one at a time (`ActualRow`, with the file, row and column they came from), so a
million-row file is never held in memory. Problems carry file:row:column.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from psplan.errors import Location, Problem, PsplanError
from psplan.targets import normalise_text
from psplan.values import Value, parse_value

MIN_YEAR, MAX_YEAR = 1949, 2100

HEADER_ALIASES = {
    "indicator": {
        "indicator",
        "id",
        "指标",
        "指标名称",
        "指标名",
        "名称",
        "编号",
        "指标编号",
        "项目",
    },
    "year": {"year", "年份", "年度", "年"},
    "value": {"value", "数值", "值", "实际值", "完成值", "数据", "实绩", "完成情况", "actual"},
    "region": {"region", "地区", "区域", "县区", "县(市、区)", "县（市、区）", "行政区", "地市"},
    "note": {"note", "notes", "备注", "说明"},
}
_YEAR_HEADER = re.compile(r"^(\d{4})(?:年|年度)?(?:\(.*\)|（.*）)?$")


class ActualRow(NamedTuple):
    """One reported figure and where it was read (a tuple: millions are made)."""

    indicator: str
    year: int
    value: Value
    region: str | None
    note: str | None
    file: str
    line: int
    column: int

    @property
    def location(self) -> Location:
        return Location(self.file, self.line, self.column)


@dataclass(frozen=True)
class Layout:
    """Which column holds what: long (year column) or wide (one column per year)."""

    indicator: int
    region: int | None
    note: int | None
    year: int | None = None
    value: int | None = None
    year_columns: tuple[tuple[int, int], ...] = ()  # (column index, year) for wide files

    @property
    def wide(self) -> bool:
        return bool(self.year_columns)


def detect_encoding(head: bytes) -> str:
    """UTF-8 (with or without BOM), else GB18030 — what Excel writes on Chinese Windows.

    GB18030 is a superset of GBK and GB2312, and decodes any byte string, so it is tried last.
    """
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        head.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        # A multi-byte character cut by the sample's end is still UTF-8.
        if exc.start >= len(head) - 3 and exc.reason == "unexpected end of data":
            return "utf-8"
        return "gb18030"


def read_actuals(
    path: Path, *, encoding: str | None = None, sheet: str | None = None
) -> Iterator[ActualRow | Problem]:
    """All reported figures of a CSV or .xlsx file, row by row, and the problems of bad rows.

    A problem with the whole file (not found, unreadable, no header) raises PsplanError.
    """
    name = str(path)
    if path.is_dir():
        raise PsplanError("is a directory, not a file", Location(name))
    if not path.exists():
        raise PsplanError("no such file", Location(name))
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        rows = _xlsx_rows(path, sheet)
    elif path.suffix.lower() == ".xls":
        raise PsplanError(
            "old .xls workbooks are not supported; save as .xlsx or CSV", Location(name)
        )
    else:
        rows = _csv_rows(path, encoding)
    return _records(rows, name)


def _csv_rows(path: Path, encoding: str | None) -> Iterator[tuple[int, list[object]]]:
    name = str(path)
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise PsplanError(f"cannot read: {exc.strerror}", Location(name)) from None
    with handle:
        head = handle.read(65536)
        chosen = encoding or detect_encoding(head)
        try:
            codecs.lookup(chosen)
        except LookupError:
            raise PsplanError(f"unknown encoding {chosen!r}", Location(name)) from None
        handle.seek(0)
        raw = handle if chosen.startswith("utf-16") else _NulGuard(handle, name)
        text = io.TextIOWrapper(raw, encoding=chosen, errors="strict", newline="")
        delimiter = _sniff_delimiter(head.decode(chosen, errors="replace"))
        reader = csv.reader(text, delimiter=delimiter)
        row_number = 0
        try:
            for row_number, row in enumerate(reader, start=1):
                if row:  # a blank line is []; rows of empty cells are skipped later
                    yield row_number, row
        except UnicodeDecodeError:
            raise PsplanError(
                f"cannot decode as {chosen}; pass --encoding (e.g. gb18030 or utf-8)",
                Location(name, row_number + 1),
            ) from None
        except csv.Error as exc:
            raise PsplanError(f"malformed CSV: {exc}", Location(name, row_number + 1)) from None


class _NulGuard(io.RawIOBase):
    """Refuses a file with NUL bytes (a binary file given as CSV), checking whole chunks at
    C speed instead of every row."""

    def __init__(self, handle: io.BufferedReader, name: str) -> None:
        self.handle = handle
        self.name = name
        self.lines = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        chunk = self.handle.read(len(buffer))
        position = chunk.find(b"\x00")
        if position >= 0:
            line = self.lines + chunk.count(b"\n", 0, position) + 1
            raise PsplanError("contains a NUL byte; not a text file", Location(self.name, line))
        self.lines += chunk.count(b"\n")
        buffer[: len(chunk)] = chunk
        return len(chunk)


def _sniff_delimiter(sample: str) -> str:
    first = sample.splitlines()[0] if sample else ""
    counts = {d: first.count(d) for d in (",", "\t", ";")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _xlsx_rows(path: Path, sheet: str | None) -> Iterator[tuple[int, list[object]]]:
    import zipfile

    from openpyxl import load_workbook

    name = str(path)
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise PsplanError(f"not a readable .xlsx workbook ({exc})", Location(name)) from None
    try:
        if sheet is None:
            worksheet = workbook.worksheets[0]
        elif sheet in workbook.sheetnames:
            worksheet = workbook[sheet]
        elif sheet.isdigit() and 0 < int(sheet) <= len(workbook.sheetnames):
            worksheet = workbook.worksheets[int(sheet) - 1]
        else:
            sheets = ", ".join(workbook.sheetnames)
            raise PsplanError(f"no sheet {sheet!r} (sheets: {sheets})", Location(name))
        for row_number, row in enumerate(worksheet.iter_rows(), start=1):
            values = [_cell_value(cell) for cell in row]
            if not _blank(values):
                yield row_number, values
    finally:
        workbook.close()


def _cell_value(cell: object) -> object:
    """A cell's value; a percentage-formatted number (0.911 shown as 91.1%) becomes 91.1%."""
    value = getattr(cell, "value", None)
    number_format = getattr(cell, "number_format", "") or ""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and "%" in number_format:
        return f"{value * 100:.10g}%"
    return value


def _header_key(text: object) -> str:
    return normalise_text(str(text or "")).lower()


def detect_layout(header: Sequence[object], file: str) -> Layout:
    """Recognise a long or wide file from its header row."""
    keys = [_header_key(cell) for cell in header]
    found: dict[str, int] = {}
    for index, key in enumerate(keys):
        for role, names in HEADER_ALIASES.items():
            if key in {_header_key(n) for n in names} and role not in found:
                found[role] = index
    year_columns = []
    for index, key in enumerate(keys):
        match = _YEAR_HEADER.match(key)
        if match and index not in found.values():
            year_columns.append((index, int(match[1])))
    if "indicator" not in found:
        shown = ", ".join(str(cell) for cell in header if str(cell or "").strip()) or "(empty)"
        raise PsplanError(
            f"no indicator column in the header ({shown}); expected indicator/指标",
            Location(file, 1),
        )
    if "year" in found and "value" in found:
        return Layout(
            found["indicator"],
            found.get("region"),
            found.get("note"),
            found["year"],
            found["value"],
        )
    if year_columns:
        return Layout(
            found["indicator"],
            found.get("region"),
            found.get("note"),
            year_columns=tuple(year_columns),
        )
    raise PsplanError(
        "cannot tell the layout: expected year and value columns (long) or year columns such "
        "as 2021 / 2021年 (wide)",
        Location(file, 1),
    )


def _records(rows: Iterator[tuple[int, list[object]]], file: str) -> Iterator[ActualRow | Problem]:
    for _, row in rows:
        if not _blank(row):
            reader = _RowReader(detect_layout(row, file), file)
            break
    else:
        raise PsplanError("the file is empty", Location(file, 1))
    if reader.layout.wide:
        for row_number, row in rows:
            try:
                yield from reader.read_wide(row_number, row)
            except PsplanError as exc:
                problem = reader.problem(exc, row_number, row)
                if problem:
                    yield problem
    else:
        yield from reader.read_long(rows)


def _blank(row: Sequence[object]) -> bool:
    for cell in row:
        if cell is not None and (cell.strip() if isinstance(cell, str) else True):
            return False
    return True


def _cell(row: Sequence[object], index: int | None) -> object:
    if index is None or index >= len(row):
        return None
    return row[index]


def _text(cell: object) -> str | None:
    if cell is None:
        return None
    text = str(cell).strip()
    return text or None


class _RowReader:
    """Turns data rows into ActualRows; caches what repeats (years, values) across rows."""

    CACHE_LIMIT = 100_000

    def __init__(self, layout: Layout, file: str) -> None:
        self.layout = layout
        self.file = file
        self.years: dict[object, int] = {}
        self.values: dict[object, Value] = {}

    def _labels(self, row_number: int, row: list[object]) -> tuple[str, str | None, str | None]:
        layout = self.layout
        indicator = _text(_cell(row, layout.indicator))
        if indicator is None:
            where = Location(self.file, row_number, layout.indicator + 1)
            raise PsplanError("the indicator cell is empty", where)
        return indicator, _text(_cell(row, layout.region)), _text(_cell(row, layout.note))

    def read_wide(self, row_number: int, row: list[object]) -> list[ActualRow]:
        indicator, region, note = self._labels(row_number, row)
        # Parse every cell before returning any, so a bad cell does not leave half a row.
        return [
            ActualRow(
                indicator,
                year,
                self.value(_cell(row, column), row_number, column),
                region,
                note,
                self.file,
                row_number,
                column + 1,
            )
            for column, year in self.layout.year_columns
        ]

    def problem(self, exc: PsplanError, row_number: int, row: list[object]) -> Problem | None:
        """A bad row's problem; None for a row of empty cells (",,,"), which carries nothing."""
        if _blank(row):
            return None
        return Problem(exc.location or Location(self.file, row_number), exc.message, "actuals")

    def read_long(self, rows: Iterator[tuple[int, list[object]]]) -> Iterator[ActualRow | Problem]:
        # The hot path at county scale (a million rows): one loop with everything it needs in
        # locals, and caches for what repeats (years, values) so most rows call nothing.
        file, years, values = self.file, self.years, self.values
        layout = self.layout
        indicator_at, region_at, note_at = layout.indicator, layout.region, layout.note
        year_at, value_at = layout.year, layout.value
        assert year_at is not None and value_at is not None
        for row_number, row in rows:
            try:
                size = len(row)
                cell = row[indicator_at] if indicator_at < size else None
                indicator = cell.strip() if type(cell) is str else _text(cell)
                if not indicator:
                    where = Location(file, row_number, indicator_at + 1)
                    raise PsplanError("the indicator cell is empty", where)
                region = None
                if region_at is not None and region_at < size:
                    cell = row[region_at]
                    region = (cell.strip() or None) if type(cell) is str else _text(cell)
                note = None if note_at is None else _text(_cell(row, note_at))
                year_cell = row[year_at] if year_at < size else None
                year = years.get(year_cell) if type(year_cell) is str else None
                if year is None:
                    year = _parse_year(year_cell, Location(file, row_number, year_at + 1))
                    if type(year_cell) is str and len(years) < self.CACHE_LIMIT:
                        years[year_cell] = year
                value_cell = row[value_at] if value_at < size else None
                value = values.get(value_cell) if type(value_cell) is str else None
                if value is None:
                    value = self.value(value_cell, row_number, value_at)
            except PsplanError as exc:
                problem = self.problem(exc, row_number, row)
                if problem:
                    yield problem
                continue
            yield ActualRow(indicator, year, value, region, note, file, row_number, value_at + 1)

    def value(self, cell: object, row_number: int, column: int) -> Value:
        cached = self.values.get(cell) if isinstance(cell, str) else None
        if cached is not None:
            return cached
        try:
            value = parse_value(cell)
        except PsplanError as exc:
            where = Location(self.file, row_number, column + 1)
            raise PsplanError(exc.message, where) from None
        if isinstance(cell, str):
            if len(self.values) >= self.CACHE_LIMIT:
                self.values.clear()
            self.values[cell] = value
        return value


def _parse_year(cell: object, location: Location) -> int:
    text = normalise_text(str(cell if cell is not None else ""))
    match = re.fullmatch(r"(\d{4})(?:\.0)?(?:年|年度)?", text)
    if not match:
        raise PsplanError(f"year {text!r} is not a year such as 2023", location)
    year = int(match[1])
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise PsplanError(f"year {year} is outside {MIN_YEAR}–{MAX_YEAR}", location)
    return year
