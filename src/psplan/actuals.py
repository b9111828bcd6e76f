"""Read reported figures from CSV or Excel, in long or wide shape, in any encoding Excel writes.

Long:  indicator,year,value[,region][,note]     (or 指标,年份,数值,地区,备注)
Wide:  indicator,2021,2022,…   (headers may read 2021年; a region column is allowed)

Rows come out one at a time (`ActualRow`, with the file, row and column they came from), so a
million-row file is never held in memory. Problems carry file:row:column.

Files are read as analysts make them in Excel: the header may sit under a title block, year
headers may be dates or numbers or read 2021年完成值, notes (注：…) and totals (合计) may follow
the data, and a workbook may have several sheets. What is skipped — a row, a column, a sheet —
is never dropped silently: each gives one warning (`Problem` with level "warning"). The
collection sheet's 基期值, 原因分析 and 下一步措施 cells come out as `SheetEntry`.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple, NoReturn

from psplan.errors import Location, Problem, PsplanError
from psplan.targets import normalise_text
from psplan.values import Value, parse_value

MIN_YEAR, MAX_YEAR = 1949, 2100
#: How many non-blank rows may sit above the header (a title, 填报单位, a blank line).
HEADER_SCAN = 20

#: Columns that name the indicator by id; when one is present it wins over a name column.
ID_ALIASES = frozenset({"id", "编号", "指标编号", "指标代码", "代码", "indicator_id"})
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
    "baseline": {"基期值", "基期", "基期数", "基数", "基准值", "baseline"},
    "reason": {"原因", "原因分析", "滞后原因", "未达标原因", "滞后原因分析", "reason"},
    "measure": {"措施", "下一步措施", "工作措施", "改进措施", "整改措施", "下步措施", "measures"},
}
#: Descriptive columns (those `psplan template` writes, and 序号): expected, read by nobody.
SILENT_HEADERS = frozenset(
    {
        "序号",
        "no",
        "no.",
        "#",
        "领域",
        "类别",
        "单位",
        "计量单位",
        "属性",
        "指标属性",
        "目标值",
        "牵头部门",
        "牵头单位",
        "责任部门",
        "责任单位",
    }
)
#: A year column's header: 2021, 2021.0, 2021年, 2021年度, 2021年末, 2021年完成值, 2021年(%).
_YEAR_HEADER = re.compile(
    r"^(\d{4})(?:\.0+)?年?(?:度|末|底|完成值|实际值|完成情况|完成|实际|数据|数值|实绩|值)?"
    r"(?:\(.*\))?$"
)
_BASELINE_HEADER = re.compile(r"^(?:\d{4}年?)?(?:基期值|基期|基期数|基数|基准值)(?:\(.*\))?$")
_TARGET_HEADER = re.compile(r"目标|规划值|预期值")
#: A note under the table (注：…, 数据来源：…, 填报人：…), in the indicator cell or the first one.
_NOTE_ROW = re.compile(
    r"^(?:(?:注释?|备注|说明)(?:[:.、(\d]|$)|数据来源|资料来源|来源:|填报单位|填报人|填表人|"
    r"填报日期|填表日期|审核人|联系人|联系电话|制表|负责人|单位负责人)"
)
#: A total row under the table: not an indicator.
TOTAL_ROWS = frozenset({"合计", "总计", "小计", "总合计", "全部合计"})
#: The same as typed, padded for alignment (合  计), for the long-file loop's exact lookup.
_TOTAL_CELLS = TOTAL_ROWS | {
    pad.join(word) for word in ("合计", "总计", "小计") for pad in (" ", "  ", "   ", "\u3000")
}

_ALIAS_ROLES = {
    normalise_text(name).lower(): role
    for role, names in HEADER_ALIASES.items()
    for name in names
    if role != "indicator"
}
_ALIAS_ROLES.update(
    {
        normalise_text(name).lower(): "id" if name in ID_ALIASES else "name"
        for name in HEADER_ALIASES["indicator"] | ID_ALIASES
    }
)
_ROLE_NAMES = {
    "id": "indicator id",
    "name": "indicator name",
    "year": "year",
    "value": "value",
    "region": "region",
    "note": "note",
    "baseline": "基期值",
    "reason": "原因分析",
    "measure": "下一步措施",
}


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

    location = property(lambda row: _location(row))


def _location(row: ActualRow | SheetEntry) -> Location:
    return Location(row.file, row.line, row.column)


class SheetEntry(NamedTuple):
    """A cell of the collection sheet that is not a year's figure but belongs to an indicator:
    its 基期值 (`field` "baseline", `value` parsed), or the department's 原因分析 ("reason")
    or 下一步措施 ("measure"), as `text`."""

    indicator: str
    region: str | None
    field: str
    value: Value | None
    text: str | None
    file: str
    line: int
    column: int

    location = property(_location)


@dataclass(frozen=True)
class Layout:
    """Which column holds what: long (year column) or wide (one column per year)."""

    indicator: int
    region: int | None
    note: int | None
    year: int | None = None
    value: int | None = None
    year_columns: tuple[tuple[int, int], ...] = ()  # (column index, year) for wide files
    entries: tuple[tuple[int, str], ...] = ()  # (column index, SheetEntry field)
    skipped: tuple[tuple[int, str], ...] = ()  # (column index, why): one warning each

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
    path: str | Path, *, encoding: str | None = None, sheet: str | None = None
) -> Iterator[ActualRow | Problem | SheetEntry]:
    """All reported figures of a CSV or .xlsx file, row by row, with the problems of bad rows,
    a warning for every row, column or sheet skipped, and the sheet's 基期值/原因/措施 cells.

    A problem with the whole file (not found, unreadable, no header) raises PsplanError.
    """
    path = Path(path)
    name = str(path)
    if path.is_dir():
        raise PsplanError("is a directory, not a file", Location(name))
    if not path.exists():
        raise PsplanError("no such file", Location(name))
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return _xlsx_records(path, sheet)
    if path.suffix.lower() == ".xls":
        raise PsplanError(
            "old .xls workbooks are not supported; save as .xlsx or CSV", Location(name)
        )
    return _records(_csv_rows(path, encoding), name)


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
    """The delimiter of the first line that has one (a title line above the header may not)."""
    lines = sample.splitlines()[: HEADER_SCAN + 1]
    first = next((line for line in lines if any(d in line for d in ",\t;")), "")
    counts = {d: first.count(d) for d in (",", "\t", ";")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _xlsx_records(path: Path, sheet: str | None) -> Iterator[ActualRow | Problem | SheetEntry]:
    """The records of the sheet asked for, or else of the one sheet that holds figures."""
    import zipfile

    from openpyxl import load_workbook

    name = str(path)
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise PsplanError(f"not a readable .xlsx workbook ({exc})", Location(name)) from None
    try:
        if sheet is None:
            yield from _only_data_sheet(workbook.worksheets, name)
            return
        if sheet in workbook.sheetnames:
            worksheet = workbook[sheet]
        elif sheet.isdigit() and 0 < int(sheet) <= len(workbook.sheetnames):
            worksheet = workbook.worksheets[int(sheet) - 1]
        else:
            sheets = ", ".join(workbook.sheetnames)
            raise PsplanError(f"no sheet {sheet!r} (sheets: {sheets})", Location(name))
        yield from _records(_sheet_rows(worksheet), name)
    finally:
        workbook.close()


def _only_data_sheet(
    worksheets: Sequence[Any], file: str
) -> Iterator[ActualRow | Problem | SheetEntry]:
    """Without --sheet: skip hidden sheets and sheets without a header (说明, empty ones),
    each with a warning, and read the one sheet left; several left is an error."""
    skipped: list[Problem] = []
    found: list[tuple[str, _Header, Iterator[tuple[int, list[object]]]]] = []
    errors: list[PsplanError] = []
    hidden = False
    for worksheet in worksheets:
        why = None
        if worksheet.sheet_state != "visible":
            why, hidden = "hidden", True
        else:
            rows = _sheet_rows(worksheet)
            try:
                header = _find_header(rows, file)
            except PsplanError as exc:
                rows.close()
                errors.append(exc)
                why = "no header row with an indicator column and years"
            else:
                if header is None:
                    why = "empty"
                else:
                    found.append((worksheet.title, header, rows))
        if why:
            message = f"skipped sheet {worksheet.title!r}: {why}"
            skipped.append(_warning(Location(file), message, "skipped-sheet"))
    if len(found) > 1:
        for _, _, rows in found:
            rows.close()
        names = ", ".join(repr(title) for title, _, _ in found)
        raise PsplanError(
            f"several sheets hold figures ({names}); pass --sheet NAME to choose one",
            Location(file),
        )
    if not found:
        _no_data_sheet(worksheets, errors, hidden, file)
    title, header, rows = found[0]
    yield from skipped
    if len(worksheets) > 1:
        yield _warning(Location(file), f"reading sheet {title!r}", "sheet")
    yield from _records(rows, file, header)


def _no_data_sheet(
    worksheets: Sequence[Any], errors: list[PsplanError], hidden: bool, file: str
) -> NoReturn:
    """The error for a workbook where no visible sheet holds figures."""
    if len(errors) == 1 and not hidden:
        raise errors[0]  # the one sheet with content: its header problem, as for a CSV
    if not errors and not hidden:
        raise PsplanError("the file is empty", Location(file, 1))
    names = ", ".join(repr(w.title) for w in worksheets)
    hint = "; pass --sheet NAME to read a hidden sheet" if hidden else ""
    raise PsplanError(
        f"no visible sheet has a header row with an indicator column and years "
        f"(sheets: {names}){hint}",
        Location(file),
    )


def _sheet_rows(worksheet: Any) -> Iterator[tuple[int, list[object]]]:
    for row_number, row in enumerate(worksheet.iter_rows(), start=1):
        values = [_cell_value(cell) for cell in row]
        if not _blank(values):
            yield row_number, values


def _cell_value(cell: object) -> object:
    """A cell's value; a percentage-formatted number (0.911 shown as 91.1%) becomes 91.1%."""
    value = getattr(cell, "value", None)
    number_format = getattr(cell, "number_format", "") or ""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and "%" in number_format:
        return f"{value * 100:.10g}%"
    return value


def _warning(location: Location, message: str, code: str) -> Problem:
    return Problem(location, message, code, level="warning")


def _header_key(text: object) -> str:
    return normalise_text(str(text or "")).lower()


def _header_text(cell: object) -> str:
    """A header cell as a person sees it (a date header shows as its date, not a timestamp)."""
    if isinstance(cell, date):
        return cell.strftime("%Y-%m-%d")
    return str(cell if cell is not None else "").strip()


def _shown(text: str, limit: int = 40) -> str:
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def _letter(index: int) -> str:
    """The spreadsheet letter of a 0-based column: 0 → A, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def header_year(cell: object) -> int | None:
    """The year a header cell names, or None: 2021, 2021.0, "2021.0", 2021年末, 2021年完成值,
    and Excel date cells (shown as 2021年 or as a date)."""
    year: int | None = None
    if isinstance(cell, date):
        year = cell.year
    elif isinstance(cell, float) and cell.is_integer():
        year = int(cell)
    elif isinstance(cell, int) and not isinstance(cell, bool):
        year = cell
    elif isinstance(cell, str):
        match = _YEAR_HEADER.match(_header_key(cell))
        year = int(match[1]) if match else None
    return year if year is not None and MIN_YEAR <= year <= MAX_YEAR else None


def _column_role(cell: object) -> tuple[str, int | None]:
    """What a header cell names: ("year-column", 2021), an alias role ("id", "name", "year",
    "value", "region", "note", "baseline", "reason", "measure"), or "target", "silent",
    "empty", "unknown"."""
    key = _header_key(cell)
    if not key:
        return "empty", None
    year = header_year(cell)
    if year is not None:
        return "year-column", year
    if key in _ALIAS_ROLES:
        return _ALIAS_ROLES[key], None
    if key in SILENT_HEADERS:
        return "silent", None
    if _BASELINE_HEADER.match(key):
        return "baseline", None
    if _TARGET_HEADER.search(key):
        return "target", None
    return "unknown", None


class _NoLayout(PsplanError):
    """A header row with an indicator column but neither year columns nor year and value."""


def detect_layout(header: Sequence[object], file: str, line: int = 1) -> Layout:
    """Recognise a long or wide file from its header row; note every column it will skip."""
    roles = [_column_role(cell) for cell in header]
    first: dict[str, int] = {}
    for index, (role, _) in enumerate(roles):
        first.setdefault(role, index)
    indicator = first.get("id", first.get("name"))
    if indicator is None:
        shown = ", ".join(t for t in map(_header_text, header) if t) or "(empty)"
        raise PsplanError(
            f"no indicator column in the header ({shown}); expected indicator/指标",
            Location(file, line),
        )
    year_columns = tuple((i, year) for i, (role, year) in enumerate(roles) if year is not None)
    long = "year" in first and "value" in first
    if not long and not year_columns:
        raise _NoLayout(
            "cannot tell the layout: expected year and value columns (long) or year columns "
            "such as 2021 / 2021年 (wide)",
            Location(file, line),
        )
    used = {
        role: first[role]
        for role in ("region", "note", "baseline", "reason", "measure")
        if role in first
    }
    used["indicator"] = indicator
    if long:
        used.update(year=first["year"], value=first["value"])
        year_columns = ()
    entries = tuple((used[f], f) for f in ("baseline", "reason", "measure") if f in used)
    return Layout(
        indicator,
        used.get("region"),
        used.get("note"),
        used.get("year"),
        used.get("value"),
        year_columns,
        entries,
        _skipped_columns(header, roles, set(used.values()) | {i for i, _ in year_columns}, first),
    )


def _skipped_columns(
    header: Sequence[object],
    roles: list[tuple[str, int | None]],
    used: set[int],
    first: dict[str, int],
) -> tuple[tuple[int, str], ...]:
    """Why each header column that is not read is skipped (descriptive ones are expected)."""
    skipped = []
    for index, (role, _) in enumerate(roles):
        if index in used or role in ("empty", "silent", "name"):
            continue
        where = f"column {_letter(index)} {_shown(_header_text(header[index]))}"
        if role == "target":
            why = "a target, not a reported figure"
        elif role == "unknown":
            why = "not a column psplan reads"
        elif role == "year-column":
            why = f"a year column, but this file gives the year in column {_letter(first['year'])}"
        elif role in ("year", "value") and first[role] == index:
            why = "not used: the years are column headers in this file"
        else:
            why = f"a second {_ROLE_NAMES[role]} column (the first is {_letter(first[role])})"
        skipped.append((index, f"skipped {where}: {why}"))
    return tuple(skipped)


@dataclass(frozen=True)
class _Header:
    """The header row found, its layout, and the title rows above it."""

    line: int
    layout: Layout
    above: tuple[tuple[int, list[object]], ...]


def _find_header(rows: Iterator[tuple[int, list[object]]], file: str) -> _Header | None:
    """The header among the first HEADER_SCAN non-blank rows (a title block may sit above it),
    consuming the rows up to it; None for an empty file, PsplanError when there is none."""
    above: list[tuple[int, list[object]]] = []
    error: PsplanError | None = None
    for row_number, row in rows:
        if _blank(row):
            continue
        try:
            return _Header(row_number, detect_layout(row, file, row_number), tuple(above))
        except _NoLayout as exc:  # an indicator column: the likelier header to complain about
            error = exc if error is None or type(error) is not _NoLayout else error
        except PsplanError as exc:
            error = error or exc
        above.append((row_number, row))
        if len(above) >= HEADER_SCAN:
            break
    if error is None:
        return None
    raise error


def _records(
    rows: Iterator[tuple[int, list[object]]], file: str, header: _Header | None = None
) -> Iterator[ActualRow | Problem | SheetEntry]:
    if header is None:
        header = _find_header(rows, file)
        if header is None:
            raise PsplanError("the file is empty", Location(file, 1))
    for line, row in header.above:
        text = " ".join(t for t in map(_header_text, row) if t)
        yield _warning(
            Location(file, line), f"skipped a row above the header: {_shown(text)}", "skipped-row"
        )
    for column, message in header.layout.skipped:
        yield _warning(Location(file, header.line, column + 1), message, "skipped-column")
    reader = _RowReader(header.layout, file)
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


def _skipped_row(row: Sequence[object], indicator_at: int, file: str, line: int) -> Problem | None:
    """A warning for a note or total row under the table (注：…, 数据来源：…, 合计), else None.

    The indicator cell is looked at, or the row's first non-empty cell when that is empty (a
    note typed into the 序号 column).
    """
    text = _text(_cell(row, indicator_at))
    if text is None:
        text = next((t for t in map(_text, row) if t), None)
        if text is None:
            return None
    key = normalise_text(text)
    if key in TOTAL_ROWS:
        why = "a total row"
    elif _NOTE_ROW.match(key):
        why = "a note row"
    else:
        return None
    return _warning(Location(file, line), f"skipped {why}: {_shown(text)}", "skipped-row")


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

    def read_wide(
        self, row_number: int, row: list[object]
    ) -> list[ActualRow | Problem | SheetEntry]:
        skipped = _skipped_row(row, self.layout.indicator, self.file, row_number)
        if skipped:
            return [skipped]
        indicator, region, note = self._labels(row_number, row)
        # Parse every cell before returning any, so a bad cell does not leave half a row.
        records: list[ActualRow | Problem | SheetEntry] = [
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
        if self.layout.entries:
            records.extend(self.entries(row_number, row, indicator, region))
        return records

    def entries(
        self, row_number: int, row: list[object], indicator: str, region: str | None
    ) -> list[SheetEntry | Problem]:
        """The row's 基期值 / 原因分析 / 下一步措施 cells that are filled in."""
        found: list[SheetEntry | Problem] = []
        for column, field in self.layout.entries:
            cell = _cell(row, column)
            text = _text(cell)
            if text is None:
                continue
            value = None
            if field == "baseline":
                try:
                    value = parse_value(cell)
                except PsplanError as exc:
                    where = Location(self.file, row_number, column + 1)
                    message = f"skipped the 基期值 cell {_shown(text)}: {exc.message}"
                    found.append(_warning(where, message, "skipped-cell"))
                    continue
                if value.missing:
                    continue
                text = None
            found.append(
                SheetEntry(indicator, region, field, value, text, self.file, row_number, column + 1)
            )
        return found

    def problem(self, exc: PsplanError, row_number: int, row: list[object]) -> Problem | None:
        """A bad row's problem; None for a row of empty cells (",,,"), which carries nothing."""
        if _blank(row):
            return None
        return Problem(exc.location or Location(self.file, row_number), exc.message, "actuals")

    def read_long(
        self, rows: Iterator[tuple[int, list[object]]]
    ) -> Iterator[ActualRow | Problem | SheetEntry]:
        # The hot path at county scale (a million rows): one loop with everything it needs in
        # locals, and caches for what repeats (years, values) so most rows call nothing. A total
        # row (合计) costs one set probe per row (the string's hash, cached on it, is the one the
        # checker's own lookup needs next); a note row fails on its year and is recognised only
        # then, in the except. Sheet entries cost one test per row when there are none.
        file, years, values = self.file, self.years, self.values
        layout = self.layout
        totals, entries = _TOTAL_CELLS, layout.entries
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
                if indicator in totals:
                    raise PsplanError("a total row")  # reported as skipped, below
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
                problem = _skipped_row(row, indicator_at, file, row_number) or self.problem(
                    exc, row_number, row
                )
                if problem:
                    yield problem
                continue
            yield ActualRow(indicator, year, value, region, note, file, row_number, value_at + 1)
            if entries:
                yield from self.entries(row_number, row, indicator, region)

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
    if isinstance(cell, date):  # a year typed into a date-formatted Excel cell
        cell = cell.year
    text = normalise_text(str(cell if cell is not None else ""))
    match = re.fullmatch(r"(\d{4})(?:\.0)?(?:年|年度)?", text)
    if not match:
        raise PsplanError(f"year {text!r} is not a year such as 2023", location)
    year = int(match[1])
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise PsplanError(f"year {year} is outside {MIN_YEAR}–{MAX_YEAR}", location)
    return year
