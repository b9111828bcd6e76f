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

Nothing is misread quietly: a CSV row with more cells than its header (an unquoted 1,234) is
refused, an Excel formula without a saved value is an error at its cell, a value merged over
several rows is read into each of them with a warning. Reading is bounded (`psplan.limits`):
a device, a pipe that never ends, a zip bomb or a sheet claiming a million rows ends quickly
in one line. Workbooks are read by `psplan.actuals.xlsx`.
"""

from __future__ import annotations

import codecs
import csv
import functools
import io
import itertools
import os
import re
import stat
import sys
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple, NoReturn

from psplan.actuals.units import TRAILING_BRACKETS, trailing_unit
from psplan.actuals.values import MISSING_TEXTS, CellError, Value, is_missing_text, parse_value
from psplan.errors import (
    Location,
    Message,
    Problem,
    PsplanError,
    Shown,
    os_reason,
    plain,
    quoted,
)
from psplan.limits import Limits, exceeded
from psplan.plan.targets import normalise_text
from psplan.words import entry as _entry

MIN_YEAR, MAX_YEAR = 1949, 2100
#: How many non-blank rows may sit above the header (a title, 填报单位, a blank line).
HEADER_SCAN = 20
#: A CSV line longer than this (in bytes) is not a row of figures: refused before it is
#: decoded, so a file without line breaks never becomes one huge string.
MAX_LINE_BYTES = 16 * 1024 * 1024
#: Codecs whose text has NUL bytes in it (every ASCII character is a byte and a NUL).
_WIDE_CODECS = frozenset({"utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"})
_BOMS = {
    # (an editor saving GB18030 "with a BOM" writes U+FEFF as these four bytes: read as part
    # of the first header cell, it hid the 地区 column, a trial's finding)
    "gb18030": "\ufeff".encode("gb18030"),
    "utf-8": codecs.BOM_UTF8,
    "utf-16-le": codecs.BOM_UTF16_LE,
    "utf-16-be": codecs.BOM_UTF16_BE,
    "utf-32-le": codecs.BOM_UTF32_LE,
    "utf-32-be": codecs.BOM_UTF32_BE,
}


def _is_instructions(title: str, why: Message | None = None) -> bool:
    """Whether a sheet is the 说明 sheet of psplan's own collection template, which holds no
    figures: skipping it is no news (any other sheet skipped is a warning that names it)."""
    return title == _entry("template.sheet.instructions")["zh"] and (
        why is None
        or why.key
        in (
            "actuals.sheet.no_header",
            "actuals.sheet.empty",
            "actuals.no_layout",
        )
    )


def _sheet(column: str) -> str:
    """A header word of the collection sheet `psplan template` writes (words/template.py):
    the reader recognises the very words the template is written with."""
    return _entry(f"template.column.{column}")["zh"]


#: Columns that name the indicator by id; when one is present it wins over a name column.
ID_ALIASES = frozenset({_sheet("id"), "编号", "指标编号", "指标代码", "代码", "indicator_id"})
HEADER_ALIASES = {
    "indicator": {
        "indicator",
        _sheet("id"),
        _sheet("name"),
        "指标名称",
        "指标名",
        "名称",
        "指标名称（单位）",  # names written with their units: 招生数（万人）
        "指标（单位）",
        "编号",
        "指标编号",
        "项目",
    },
    "year": {"year", "年份", "年度", "年", "统计年度", "统计年份"},
    "value": {
        "value",
        "数值",
        "值",
        "实际值",
        "完成值",
        "数据",
        "实绩",
        "完成情况",
        "指标值",
        "统计值",
        "actual",
    },
    "region": {
        "region",
        _sheet("region"),
        "区域",
        "地区名称",
        "县区",
        "区县",
        "县区名称",
        "区县名称",
        "行政区划",
        "县(市、区)",
        "县（市、区）",
        # as Anhui's and Shaanxi's tables head it (`县市区` was skipped as an unknown column,
        # and the counties' rows read as one region's figures given twice: trial 18)
        "县市区",
        "市县区",
        "县区市",
        "市县",
        "县市",
        "县（市）区",
        "市、县（区）",
        "市县（区）",
        "行政区",
        "地市",
    },
    "note": {"note", "notes", "备注", "说明"},
    "baseline": {_sheet("baseline"), "基期", "基期数", "基数", "基准值", "baseline"},
    "reason": {"原因", _sheet("reason"), "滞后原因", "未达标原因", "滞后原因分析", "reason"},
    "measure": {
        "措施",
        _sheet("measure"),
        "工作措施",
        "改进措施",
        "整改措施",
        "下步措施",
        "measures",
    },
}
#: A unit column's headers (the template writes the plan's unit there): each row's unit is
#: compared with the plan's, as a unit after a figure is (人 for a count in 万人 is an error).
UNIT_HEADERS = frozenset({_sheet("unit"), "计量单位", "unit"})
#: Descriptive columns (those `psplan template` writes, and 序号): expected, read by nobody.
SILENT_HEADERS = frozenset(
    {
        *(_sheet(column) for column in ("domain", "unit", "attribute", "target", "lead")),
        "序号",
        "no",
        "no.",
        "#",
        "类别",
        "计量单位",
        "指标属性",
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
#: A year header typed as a date in Excel and saved as CSV, as Excel shows it (2024/1/1,
#: 2024-01-01, 2024/1/1 0:00, 2024年1月1日): its year, as a workbook's date cell gives it. The
#: header key has no spaces, so a time runs into the day (2024/1/10:00).
_DATE_HEADER = re.compile(
    r"^(\d{4})(?:[/-](\d{1,2})[/-](\d{1,2})(?:\d{1,2}:\d{2}(?::\d{2})?)?|年(\d{1,2})月(\d{1,2})日)$"
)
#: A year column of estimates or early figures (2025年预计, 2025年（预计）, 2025年快报): not
#: the year's actual figures, which a final evaluation judges.
_ESTIMATE_HEADER = re.compile(r"^\d{4}.*(?:预计|预估|估计|预测|快报|初步|初值|测算)")
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

#: The first characters of a total (合计, 总计, 小计, 全部合计), checked before the rest.
_TOTAL_ENDS = ("合计", "总计", "小计")  # what every one of TOTAL_ROWS ends with
#: How a region's label ends when the row is the regions' average (全市平均, 各县区平均值):
#: no more one of the regions than a total is.
_AVERAGE_ENDS = ("平均", "平均值", "均值")

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
    unit: str | None = None  # the row's 单位 cell, where the file has that column
    unit_column: int = 0  # that cell's column (1-based), where a mismatch is said

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
    #: the line naming the indicator where it is not the text's (reasons.yaml's key)
    name_line: int = 0
    #: the years of the row's figures (a 基期值 of a sheet of 2021–2025 is the base of those)
    years: tuple[int, ...] = ()

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
    skipped: tuple[tuple[int, Message], ...] = ()  # (column index, why): one warning each
    unit: int | None = None  # a 单位 column: its text is compared with the plan's unit
    #: (column, unit) of a figures' column whose header names a unit: 数值（%）, 2021年(人)
    column_units: tuple[tuple[int, str], ...] = ()
    #: the columns whose header cell is empty (`unheaded`: a cell under one is said)
    unheaded: tuple[int, ...] = ()

    @property
    def wide(self) -> bool:
        return bool(self.year_columns)


def _workbook_kind(head: bytes) -> str | None:
    """The kind of workbook a file begins as: "xlsx" (a zip), "xls" (OLE2); None for text."""
    if head.startswith(b"PK\x03\x04"):
        return "xlsx"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "xls"
    return None


def detect_encoding(head: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 or UTF-32 with a BOM (or UTF-16 without one, told
    by its NUL bytes), else GB18030 — what Excel writes on Chinese Windows.

    GB18030 is a superset of GBK and GB2312, and decodes any byte string, so it is tried last.
    """
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"  # before UTF-16: the UTF-32 LE BOM starts with the UTF-16 LE one
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    wide = _utf16_without_bom(head)
    if wide:
        return wide
    try:
        head.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        # A multi-byte character cut by the sample's end is still UTF-8.
        if exc.start >= len(head) - 3 and exc.reason == "unexpected end of data":
            return "utf-8"
        # Chinese text read as UTF-8 before a bad byte is UTF-8 with a line pasted from
        # elsewhere (GBK text fails within a character or two): said at that line, not
        # taken for GB18030 and refused at the first.
        if _non_ascii(head[: exc.start].decode("utf-8")) >= UTF8_BEFORE_A_BAD_BYTE:
            return "utf-8"
        return "gb18030"


#: Non-ASCII characters read as UTF-8 before a byte that is not: enough to call it UTF-8.
UTF8_BEFORE_A_BAD_BYTE = 20


def _non_ascii(text: str) -> int:
    return len(text) - len(text.encode("ascii", "ignore"))


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 without a byte-order mark ("utf-16-le" or "utf-16-be"), told by its NUL bytes:
    the high byte of every ASCII character (digits, commas, line breaks), so many on one side
    of each byte pair and hardly any on the other; else None."""
    sample = head[: len(head) - len(head) % 2]
    if len(sample) < 8:
        return None
    odd, even = sample[1::2].count(0), sample[0::2].count(0)
    pairs = len(sample) // 2
    if odd >= pairs / 4 and even * 8 <= odd:
        return "utf-16-le"
    if even >= pairs / 4 and odd * 8 <= even:
        return "utf-16-be"
    return None


def read_actuals(
    path: str | Path,
    *,
    encoding: str | None = None,
    sheet: str | None = None,
    limits: Limits | None = None,
) -> Iterator[ActualRow | Problem | SheetEntry]:
    """All reported figures of a CSV or .xlsx file, row by row, with the problems of bad rows,
    a warning for every row, column or sheet skipped, and the sheet's 基期值/原因/措施 cells;
    of a .yaml file, the 原因分析 / 下一步措施 it gives by indicator (`actuals.reasons`).

    A problem with the whole file (not found, unreadable, no header, beyond `limits`; by
    default `Limits.from_env()`) raises PsplanError.
    """
    path = Path(path)
    name = str(path)
    limits = limits or Limits.from_env()
    if path.is_dir():
        raise PsplanError("file.is_directory", Location(name))
    if not path.exists():
        raise PsplanError("file.not_found", Location(name))
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return _xlsx_records(path, sheet, limits)
    if path.suffix.lower() in (".yaml", ".yml"):  # the departments' explanations
        from psplan.actuals.reasons import read_reasons

        return read_reasons(path, limits)
    if path.suffix.lower() == ".xls":
        raise PsplanError("actuals.xls", Location(name))
    records = _records(_csv_rows(path, encoding, limits), name, csv_file=True)
    if sheet is not None:  # said, not dropped in silence: the user may have meant a workbook
        ignored = Problem(Location(name), "actuals.sheet_not_for_csv", "sheet-ignored", "warning")
        return itertools.chain([ignored], records)
    return records


def _open_input(path: Path, limits: Limits) -> tuple[io.BufferedReader, bool]:
    """The file opened for reading, and whether it is a regular file (else a pipe).

    A device (/dev/zero, a terminal) is refused; a FIFO is opened without waiting for a
    writer; a regular file larger than the limit is refused before it is read.
    """
    name = str(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise PsplanError("file.cannot_read", Location(name), reason=os_reason(exc)) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode):
            raise PsplanError("actuals.device", Location(name))
        regular = stat.S_ISREG(info.st_mode)
        if regular and info.st_size > limits.file_bytes:
            found = Message("actuals.file_mb", size=info.st_size / 2**20)
            raise PsplanError(exceeded(found, "file_mb", limits.file_mb), Location(name))
        if not regular:
            _blocking(fd)
        return os.fdopen(fd, "rb"), regular
    except BaseException:
        os.close(fd)
        raise


def _blocking(fd: int) -> None:
    """Clear O_NONBLOCK (set only so that opening a FIFO does not wait for a writer)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows has no FIFOs to wait on
        return
    fcntl.fcntl(fd, fcntl.F_SETFL, fcntl.fcntl(fd, fcntl.F_GETFL) & ~os.O_NONBLOCK)


def _text_codec(chosen: str, name: str) -> str:
    """The codec's canonical name (UTF-16LE → utf-16-le); PsplanError for an unknown codec
    or one that does not decode bytes to text (rot13, base64, zlib)."""
    try:
        info = codecs.lookup(chosen)
    except (LookupError, ValueError):  # ValueError: a name with a NUL in it
        raise PsplanError(
            "actuals.unknown_encoding", Location(name), encoding=_shown(chosen)
        ) from None
    # Codecs such as rot13, base64 or zlib turn bytes into bytes or text into text; the
    # flag is how str.decode tells them apart too.
    if not getattr(info, "_is_text_encoding", True) or info.incrementaldecoder is None:
        raise PsplanError("actuals.not_text_encoding", Location(name), encoding=_shown(chosen))
    return info.name


def too_many_rows(name: str, row_number: int, max_rows: int) -> PsplanError:
    """The refusal of a file whose row at `row_number` is past `max_rows` (PSPLAN_MAX_ROWS)."""
    found = Message("actuals.too_many_rows", most=max_rows)
    return PsplanError(exceeded(found, "rows", max_rows), Location(name, row_number))


def _csv_rows(
    path: Path, encoding: str | None, limits: Limits
) -> Iterator[tuple[int, list[object]]]:
    name = str(path)
    handle, regular = _open_input(path, limits)
    with handle:
        try:
            head = handle.read(65536)
        except OSError as exc:
            raise PsplanError("file.cannot_read", Location(name), reason=os_reason(exc)) from None
        kind = _workbook_kind(head)
        if kind is not None:  # a workbook renamed .csv: said as that, not as a NUL byte
            raise PsplanError(f"actuals.{kind}_as_text", Location(name), suffix=path.suffix)
        chosen = encoding or detect_encoding(head)
        codec = _text_codec(chosen, name)
        skip = 0
        bom = _BOMS.get(codec)
        if bom and head.startswith(bom):
            skip = len(bom)  # the BOM of the encoding given: not part of the first cell
        nul = codec not in _WIDE_CODECS
        source = _Source(handle, head, skip, name, limits, nul=nul, regular=regular)
        text = io.TextIOWrapper(source, encoding=chosen, errors="strict", newline="")
        try:
            sample = head[skip:].decode(chosen, errors="replace")
        except (UnicodeError, LookupError):
            sample = ""
        # a space before a quote (`全市, "学前教育毛入园率"`) is no part of the cell: duckdb
        # reads it so too, and the columnar path must read the file as this reader does
        reader = csv.reader(text, delimiter=_sniff_delimiter(sample), skipinitialspace=True)
        row_number = 0  # the line a row starts on, as an editor numbers it
        read = 0  # the lines read so far (a quoted cell may hold line breaks)
        max_rows = limits.rows
        try:
            for row in reader:
                row_number, read = read + 1, reader.line_num
                if row:  # a blank line is []; rows of empty cells are skipped later
                    if row_number > max_rows:
                        raise too_many_rows(name, row_number, max_rows)
                    yield row_number, row
        except UnicodeDecodeError as exc:
            line = source.line_of(exc, chosen)
            raise PsplanError(
                "actuals.cannot_decode", Location(name, line), encoding=_cut(chosen)
            ) from None
        except UnicodeError as exc:  # a codec's own complaint (UTF-16 without a BOM)
            raise PsplanError(
                "actuals.cannot_decode_because",
                Location(name, read + 1),
                encoding=_cut(chosen),
                detail=_cut(str(exc), 100),
            ) from None
        except csv.Error as exc:
            where = Location(name, read + 1)
            if "field larger than field limit" in str(exc) and reader.line_num > read + 1:
                # a cell run on over lines: a quote opened, never closed (one long line is not)
                raise PsplanError("actuals.open_quote", where, last=reader.line_num) from None
            raise PsplanError("actuals.malformed_csv", where, detail=_cut(str(exc), 200)) from None
        except OSError as exc:
            raise PsplanError("file.cannot_read", Location(name), reason=os_reason(exc)) from None


class _Source(io.RawIOBase):
    """The bytes of a CSV file for the decoder, checked a chunk at a time at C speed: a NUL
    byte (a binary file given as CSV) is refused, as are more bytes than the file-size limit
    (a pipe or device that never ends) and a line longer than MAX_LINE_BYTES. Counts lines,
    so that a byte the decoder refuses is reported on its own line."""

    def __init__(
        self,
        handle: io.BufferedReader,
        head: bytes,
        skip: int,
        name: str,
        limits: Limits,
        *,
        nul: bool,
        regular: bool,
    ) -> None:
        self.handle = handle
        self.pending = head[skip:]
        self.skip = skip
        self.name = name
        self.limits = limits
        self.nul = nul
        self.regular = regular
        self.position = 0  # bytes handed on so far
        self.lines = 0  # line breaks before the last chunk
        self.last = b""
        self.run = 0  # bytes since the last line break

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self.pending:
            chunk, self.pending = self.pending[: len(buffer)], self.pending[len(buffer) :]
        else:
            chunk = self.handle.read(len(buffer))
        if self.nul:
            position = chunk.find(b"\x00")
            if position >= 0:
                line = self.lines + self.last.count(b"\n") + chunk.count(b"\n", 0, position) + 1
                raise PsplanError("actuals.nul_byte", Location(self.name, line))
        self.lines += self.last.count(b"\n")
        self.last = chunk
        self.position += len(chunk)
        if self.position > self.limits.file_bytes:
            key = "actuals.read_too_much" if self.regular else "actuals.read_too_much_from_pipe"
            found = Message(key, most=self.limits.file_mb)
            raise PsplanError(exceeded(found, "file_mb", self.limits.file_mb), Location(self.name))
        end = chunk.rfind(b"\n")
        if end < 0:
            self.run += len(chunk)
        elif self.run + chunk.find(b"\n") <= MAX_LINE_BYTES:
            self.run = len(chunk) - end - 1
        else:
            self.run += chunk.find(b"\n")
        if self.run > MAX_LINE_BYTES:
            raise PsplanError(
                "actuals.line_too_long",
                Location(self.name, self.lines + 1),
                mb=MAX_LINE_BYTES // 2**20,
            )
        buffer[: len(chunk)] = chunk
        return len(chunk)

    def line_of(self, exc: UnicodeDecodeError, encoding: str) -> int:
        """The line of the first byte the decoder refused (it was decoding the last chunk)."""
        offset = self.position - len(exc.object) + exc.start
        start = self.position - len(self.last)
        if self.regular and codecs.lookup(encoding).name in _WIDE_CODECS:
            try:
                return self._decoded_line(offset, encoding)
            except (UnicodeError, OSError):
                pass  # the bytes' count of line breaks below is near enough
        return self.lines + self.last.count(b"\n", 0, max(offset - start, 0)) + 1

    def _decoded_line(self, offset: int, encoding: str) -> int:
        """For UTF-16/32, where a 0x0A byte need not be a line break: decode up to `offset`."""
        decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
        self.handle.seek(0)
        offset += self.skip
        lines = 1
        while offset > 0:
            chunk = self.handle.read(min(offset, 1 << 20))
            if not chunk:
                break
            offset -= len(chunk)
            lines += decoder.decode(chunk).count("\n")
        return lines


def _sniff_delimiter(sample: str) -> str:
    """The one of `,` tab `;` met most often outside quotes in the first lines: each row of
    a tab-separated file has several tabs, a title above its header a comma at most (the
    first line with any was taken, and such a file refused: a trial's finding)."""
    lines = [_QUOTED.sub("", line) for line in sample.splitlines()[: HEADER_SCAN + 1]]
    counts = {d: sum(line.count(d) for line in lines) for d in (",", "\t", ";")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


_QUOTED = re.compile(r'"[^"]*"')


def _xlsx_records(
    path: Path, sheet: str | None, limits: Limits
) -> Iterator[ActualRow | Problem | SheetEntry]:
    """The records of the sheet asked for, or else of the one sheet that holds figures."""
    from psplan.actuals.xlsx import Workbook

    name = str(path)
    try:
        info = path.stat()
    except OSError as exc:
        raise PsplanError("file.cannot_read", Location(name), reason=os_reason(exc)) from None
    if not stat.S_ISREG(info.st_mode):
        raise PsplanError("actuals.workbook_not_regular", Location(name))
    if info.st_size > limits.file_bytes:
        found = Message("actuals.file_mb", size=info.st_size / 2**20)
        raise PsplanError(exceeded(found, "file_mb", limits.file_mb), Location(name))
    with Workbook(path, name, limits) as workbook:
        if sheet is None:
            yield from _only_data_sheet(workbook, name)
            return
        chosen = workbook.sheet(sheet)
        if chosen is None:
            sheets = _listed(workbook.sheetnames, quote=False)
            raise PsplanError(
                "actuals.no_sheet", Location(name), sheet=_shown(sheet), sheets=sheets
            )
        rows = workbook.rows(chosen)
        # located in its sheet, as a sheet of several is (book.xlsx[汉台区]:3): the workbook
        # alone did not say which sheet a warning was about (trial 12, D11)
        where = rows.label = sheet_file(name, chosen.title)
        try:
            records = _records(_relabelled(_sheet_rows(rows), where), where)
            yield from _in_sheets_region(records, chosen.title, where)
        finally:
            rows.close()
        yield from rows.notes


def _only_data_sheet(workbook: Any, file: str) -> Iterator[ActualRow | Problem | SheetEntry]:
    """Without --sheet: skip hidden sheets, charts and sheets without a header (说明, empty
    ones), each with a warning, and read the one sheet left; several left is an error."""
    skipped: list[Problem] = []
    found: list[tuple[str, _Header, Any, Iterator[tuple[int, list[object]]]]] = []
    errors: list[PsplanError] = []
    hidden = False
    try:
        for worksheet in workbook.sheets:
            why: Message | None = None
            if worksheet.state != "visible":
                why, hidden = Message("actuals.sheet.hidden"), True
            elif worksheet.kind != "worksheet":
                why = (
                    Message(f"actuals.sheet.{worksheet.kind}")
                    if worksheet.kind in _SHEET_KINDS
                    else Message("actuals.sheet.other", kind=worksheet.kind)
                )
            else:
                sheet_rows = workbook.rows(worksheet)
                rows = _sheet_rows(sheet_rows)
                try:
                    header = _find_header(rows, file)
                except _UnreadableCell as exc:  # an unsaved formula above the data
                    sheet_rows.close()
                    errors.append(exc)
                    where = exc.location or Location(file)
                    cell = (
                        plain(f"{_letter(where.column - 1)}{where.line}")
                        if where.column
                        else Message("actuals.sheet.a_cell")
                    )
                    why = Message("actuals.sheet.at_cell", cell=cell, message=exc.words)
                except PsplanError as exc:
                    sheet_rows.close()
                    errors.append(exc)
                    # a header with its indicator column but no figures' layout says what
                    # it could not read (当年值), not that it found no header
                    laid_out = exc.words.key == "actuals.no_layout"
                    why = exc.words if laid_out else Message("actuals.sheet.no_header")
                else:
                    if header is None:
                        sheet_rows.close()
                        why = Message("actuals.sheet.empty")
                    else:
                        found.append((worksheet.title, header, sheet_rows, rows))
            if why and not _is_instructions(worksheet.title, why):
                message = Message("actuals.skipped_sheet", sheet=_shown(worksheet.title), why=why)
                skipped.append(_warning(Location(file), message, "skipped-sheet"))
        if not found:
            _no_data_sheet(workbook.sheets, errors, hidden, file)
        yield from skipped
        if len(found) == 1:
            title = found[0][0]
            # say which sheet was read when another could have been meant
            if any(s.title != title and not _is_instructions(s.title) for s in workbook.sheets):
                yield _warning(
                    Location(file), Message("actuals.reading_sheet", sheet=_shown(title)), "sheet"
                )
        for title, header, sheet_rows, rows in found:
            # several sheets (one per department) are one dataset, like several files: each
            # figure is located in its sheet, `file[sheet]:row`
            if len(found) == 1:
                yield from _in_sheets_region(_records(rows, file, header), title, file)
            else:
                where = sheet_rows.label = sheet_file(file, title)
                records = _records(_relabelled(rows, where), where, header)
                yield from _in_sheets_region(records, title, where)
            sheet_rows.close()
            yield from sheet_rows.notes
    finally:
        for _, _, sheet_rows, _ in found:
            sheet_rows.close()


def _in_sheets_region(records: Iterator[Any], title: str, file: str) -> Iterator[Any]:
    """A sheet's records; where the sheet has no region column and is named as a county is
    (汉台区, 洋县: a workbook of a sheet per county), each figure of that region, said once.
    Read as one region's, the sheets of such a workbook were one dataset whose every figure
    differed between two sheets (trial 12)."""
    region = region_name(title)
    if region is None or len(region) < 2 or not region.endswith(COUNTY_ENDS):
        yield from records
        return
    said = False
    for record in records:
        kind = type(record)
        if kind is ActualRow or kind is SheetEntry:
            if record.region is not None:  # (a region column after all: nothing to do)
                yield record
                yield from records
                return
            if not said:
                said = True
                words = Message("actuals.sheet_as_region", sheet=_shown(title),
                                region=_shown(region))  # fmt: skip
                yield _warning(Location(file), words, "sheet-region")
            record = record._replace(region=region)
        yield record


def _relabelled(
    rows: Iterator[tuple[int, list[object]]], where: str
) -> Iterator[tuple[int, list[object]]]:
    """The rows with each unreadable cell located in its sheet (rows parsed while the sheets
    were looked at were located in the workbook)."""
    for number, cells in rows:
        for cell in cells:
            if type(cell) is CellError and cell.location and cell.location.file != where:
                cell.location = replace(cell.location, file=where)
        yield number, cells


def sheet_file(file: str, sheet: str) -> str:
    """How a figure read from one of several sheets names where it is: `book.xlsx[sheet]`."""
    return f"{file}[{sheet}]"


#: Sheets that are no table of cells (`actuals.sheet.<kind>` says what they are).
_SHEET_KINDS = frozenset({"chartsheet", "dialogsheet", "macrosheet", "missing"})


def _no_data_sheet(
    worksheets: Sequence[Any], errors: list[PsplanError], hidden: bool, file: str
) -> NoReturn:
    """The error for a workbook where no visible sheet holds figures."""
    unreadable = [error for error in errors if isinstance(error, _UnreadableCell)]
    if unreadable:
        raise unreadable[0]  # what keeps a sheet from being read, and how to fix it
    if len(errors) == 1 and not hidden:
        raise errors[0]  # the one sheet with content: its header problem, as for a CSV
    if not errors and not hidden:
        raise PsplanError("file.empty", Location(file, 1))
    names = _listed([w.title for w in worksheets])
    hint = Message("actuals.hidden_sheet_hint") if hidden else ""
    raise PsplanError("actuals.no_data_sheet", Location(file), sheets=names, hint=hint)


def _sheet_rows(rows: Iterator[tuple[int, list[object]]]) -> Iterator[tuple[int, list[object]]]:
    for row_number, values in rows:
        if not _blank(values):
            yield row_number, values


def _warning(location: Location, message: Message, code: str) -> Problem:
    return Problem(location, message, code, level="warning")


def _header_key(text: object) -> str:
    return normalise_text(str(text or "")).lower()


def _header_text(cell: object) -> str:
    """A header cell as a person sees it (a date header shows as its date, not a timestamp)."""
    if isinstance(cell, date):
        return cell.strftime("%Y-%m-%d")
    return str(cell if cell is not None else "").strip()


def _shown(text: str, limit: int = 40) -> Shown:
    """A user's text quoted for a one-line message."""
    return quoted(_cut(text, limit))


def _cut(text: str, limit: int = 40) -> str:
    """A user's text for a one-line message: line breaks shown as spaces, cut short."""
    if "\n" in text or "\r" in text:
        text = " ".join(text.splitlines())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _listed(texts: Sequence[str], *, quote: bool = True, most: int = 10) -> Shown:
    """Names for a one-line message: each cut short, at most `most` of them."""
    shown = [_shown(t) if quote else plain(_cut(t)) for t in texts[:most]]
    listed = {
        lang: ("、" if lang == "zh" else ", ").join(name.render(lang) for name in shown)
        for lang in ("en", "zh")
    }
    if len(texts) > most:
        more = Message("common.in_all", count=len(texts))
        listed = {lang: f"{text}{more.render(lang)}" for lang, text in listed.items()}
    return Shown(listed["en"], listed["zh"])


def _letter(index: int) -> str:
    """The spreadsheet letter of a 0-based column: 0 → A, 26 → AA (messages only)."""
    from psplan.actuals.xlsx import column_letters

    return column_letters(index)


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
        key = _header_key(cell)
        match = _YEAR_HEADER.match(key) or _date_header(key)
        year = int(match[1]) if match else None
    return year if year is not None and MIN_YEAR <= year <= MAX_YEAR else None


def _date_header(key: str) -> re.Match[str] | None:
    """A header key that is a date (`_DATE_HEADER`) of a real day, else None."""
    match = _DATE_HEADER.match(key)
    if match is None:
        return None
    month, day = (match[2], match[3]) if match[2] else (match[4], match[5])
    try:
        date(int(match[1]), int(month), int(day))
    except ValueError:
        return None
    return match


def _header_unit(cell: object) -> str | None:
    """The unit a header names in brackets at its end (数值（%）, 2021年(人)): its figures are
    in that unit, as if each were written with it."""
    return trailing_unit(cell) if isinstance(cell, str) else None


def _column_role(cell: object) -> tuple[str, int | None]:
    """What a header cell names: ("year-column", 2021), an alias role ("id", "name", "year",
    "value", "region", "note", "baseline", "reason", "measure"), or "target", "estimate",
    "silent", "empty", "unknown"."""
    key = _header_key(cell)
    if not key:
        return "empty", None
    if _ESTIMATE_HEADER.match(key):
        return "estimate", None  # (before its year: 2025年(预计) read as 2025's figures)
    year = header_year(cell)
    if year is not None:
        return "year-column", year
    if key in _ALIAS_ROLES:
        return _ALIAS_ROLES[key], None
    bare = TRAILING_BRACKETS.sub("", key)
    if bare != key and _ALIAS_ROLES.get(bare) == "value" and _header_unit(cell):
        return "value", None  # 数值（%）: the figures, in the unit it names
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
        names = [t for t in map(_header_text, header) if t]
        shown = _listed(names, quote=False) if names else Message("actuals.empty_header")
        raise PsplanError("actuals.no_indicator_column", Location(file, line), columns=shown)
    year_columns = tuple((i, year) for i, (role, year) in enumerate(roles) if year is not None)
    long = "year" in first and "value" in first
    if not long and not year_columns:
        unknown = [
            _header_text(header[i]) for i, (role, _) in enumerate(roles) if role == "unknown"
        ]
        named = (
            Message("actuals.no_layout.unknown", columns=_listed(unknown, quote=True))
            if unknown
            else ""
        )
        raise _NoLayout("actuals.no_layout", Location(file, line), unknown=named)
    used = {
        role: first[role]
        for role in ("region", "note", "baseline", "reason", "measure")
        if role in first
    }
    used["indicator"] = indicator
    if long:
        used.update(year=first["year"], value=first["value"])
        year_columns = ()
    _one_column_a_year(year_columns, header, file, line)
    entries = tuple((used[f], f) for f in ("baseline", "reason", "measure") if f in used)
    unit = next((i for i, cell in enumerate(header) if _header_key(cell) in UNIT_HEADERS), None)
    figures = [used["value"]] if long else [i for i, _ in year_columns]
    column_units = tuple(
        (i, found) for i in figures if (found := _header_unit(header[i])) is not None
    )
    return Layout(
        indicator,
        used.get("region"),
        used.get("note"),
        used.get("year"),
        used.get("value"),
        year_columns,
        entries,
        _skipped_columns(header, roles, set(used.values()) | {i for i, _ in year_columns}, first),
        unit,
        column_units,
        tuple(i for i, (role, _) in enumerate(roles) if role == "empty"),
    )


def _one_column_a_year(
    year_columns: Sequence[tuple[int, int]], header: Sequence[object], file: str, line: int
) -> None:
    """Two columns headed with one year (2024年 pasted twice) are an error at the second:
    which one is the year's figures nobody can tell, and their rows were said to repeat
    each other, or to differ, at the row, with no word of a column (a trial's finding)."""
    seen: dict[int, int] = {}
    for index, year in year_columns:
        if year in seen:
            raise PsplanError(
                "actuals.year_column_twice", Location(file, line, index + 1),
                column=_letter(index), first=_letter(seen[year]), year=year,
                header=_shown(_header_text(header[index])),
            )  # fmt: skip
        seen[year] = index


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
        if role == "target":
            why = Message("actuals.column.target")
        elif role == "unknown":
            why = Message("actuals.column.unknown")
        elif role == "estimate":
            why = Message("actuals.column.estimate", year=_header_key(header[index])[:4])
        elif role == "year-column":
            why = Message("actuals.column.year_column", column=_letter(first["year"]))
        elif role in ("year", "value") and first[role] == index:
            why = Message("actuals.column.unused")
        else:
            role_name = Message(f"actuals.role.{role}")
            why = Message("actuals.column.second", role=role_name, column=_letter(first[role]))
        header_text = _shown(_header_text(header[index]))
        message = Message(
            "actuals.skipped_column", column=_letter(index), header=header_text, why=why
        )
        skipped.append((index, message))
    return tuple(skipped)


@dataclass(frozen=True)
class _Header:
    """The header row found, its layout, the title rows above it, and its width in cells."""

    line: int
    layout: Layout
    above: tuple[tuple[int, list[object]], ...]
    width: int = 0


class _UnreadableCell(PsplanError):
    """A cell above or in the header that holds no usable value (an unsaved formula)."""


def _find_header(rows: Iterator[tuple[int, list[object]]], file: str) -> _Header | None:
    """The header among the first HEADER_SCAN non-blank rows (a title block may sit above it),
    consuming the rows up to it; None for an empty file, PsplanError when there is none."""
    above: list[tuple[int, list[object]]] = []
    error: PsplanError | None = None
    for row_number, row in rows:
        if _blank(row):
            continue
        for cell in row:
            if type(cell) is CellError:
                raise _UnreadableCell(cell.words, cell.location or Location(file, row_number))
        try:
            layout = detect_layout(row, file, row_number)
            return _Header(row_number, layout, tuple(above), len(row))
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
    rows: Iterator[tuple[int, list[object]]],
    file: str,
    header: _Header | None = None,
    *,
    csv_file: bool = False,
) -> Iterator[ActualRow | Problem | SheetEntry]:
    """The records of the rows under the header (found first when not given). In a CSV file
    a row with more cells than the header is refused: an unquoted 1,234 has shifted it."""
    if header is None:
        header = _find_header(rows, file)
        if header is None:
            raise PsplanError("file.empty", Location(file, 1))
    yield from header_warnings(header, file)
    reader = _RowReader(header.layout, file, header.width if csv_file else None)
    unheaded: list[Problem] = []
    if header.layout.unheaded or not csv_file:  # (a sheet's row may run past its header)
        rows = _unheaded(rows, header, file, None if csv_file else header.width, unheaded)
    yield from _read_rows(reader, rows)
    yield from unheaded


def _read_rows(
    reader: _RowReader, rows: Iterator[tuple[int, list[object]]]
) -> Iterator[ActualRow | Problem | SheetEntry]:
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


def _unheaded(
    rows: Iterator[tuple[int, list[object]]],
    header: _Header,
    file: str,
    width: int | None,
    said: list[Problem],
) -> Iterator[tuple[int, list[object]]]:
    """The rows, and in `said` a warning for each column without a header that holds a cell
    (a 2025 figure under an empty header, in a CSV's header width or past a sheet's last
    header cell: dropped without a word, a trial's finding), at its first such cell. A note
    or total row under the table is no figure's (it is said as skipped)."""
    layout = header.layout
    columns = set(layout.unheaded)
    seen: set[int] = set()
    past = sys.maxsize if width is None else width  # (a sheet's rows may run past it)
    for row_number, row in rows:
        size = len(row)
        if not columns and size <= past:  # the common row: nothing to look at
            yield row_number, row
            continue
        found = [k for k in columns if k < size and _has_text(row[k])]
        found += [k for k in range(past, size) if k not in seen and _has_text(row[k])]
        if found and not _skipped_row(row, layout.indicator, file, row_number, layout.region):
            for k in sorted(found):
                seen.add(k)
                columns.discard(k)
                message = Message("actuals.unheaded_column", column=_letter(k), line=row_number)
                said.append(_warning(Location(file, row_number, k + 1), message, "skipped-column"))
        yield row_number, row


def _has_text(cell: object) -> bool:
    return cell is not None and not (type(cell) is str and not cell.strip())


def header_warnings(header: _Header, file: str) -> Iterator[Problem]:
    """A warning for each row above the header (a title) and each column skipped."""
    for line, row in header.above:
        text = " ".join(t for t in map(_header_text, row) if t)
        message = Message("actuals.skipped_above_header", text=_shown(text))
        yield _warning(Location(file, line), message, "skipped-row")
    for column, message in header.layout.skipped:
        yield _warning(Location(file, header.line, column + 1), message, "skipped-column")


def _skipped_row(
    row: Sequence[object],
    indicator_at: int,
    file: str,
    line: int,
    region_at: int | None = None,
) -> Problem | None:
    """A warning for a note or total row under the table (注：…, 数据来源：…, 合计), else None.

    The indicator cell is looked at, or the row's first non-empty cell when that is empty (a
    note typed into the 序号 column); then the region cell, where a sheet of counties puts its
    合计 or 小计 row (a total is not a county).
    """
    text = _plain_text(_cell(row, indicator_at))
    if text is None:
        text = next((t for t in map(_plain_text, row) if t), None)
        if text is None:
            return None
    key = normalise_text(text)
    if key in TOTAL_ROWS:
        why = "actuals.skipped_total_row"
    elif _NOTE_ROW.match(key):
        why = "actuals.skipped_note_row"
    else:
        region = _plain_text(_cell(row, region_at))
        if region is None or not is_total(region):
            return None
        why = "actuals.skipped_average_row" if is_average(region) else "actuals.skipped_total_row"
        text = region
    return _warning(Location(file, line), Message(why, text=_shown(text)), "skipped-row")


#: How a county-level place's name ends (洋县, 吴中区, 韩城市, 科尔沁左翼中旗).
COUNTY_ENDS = ("县", "区", "市", "旗")


#: The warnings of rows skipped as a total, an average or a note (`_skipped_row`).
SKIPPED_ROW_KEYS = (
    "actuals.skipped_total_row", "actuals.skipped_average_row", "actuals.skipped_note_row",
)  # fmt: skip


#: How many rows of one file skipped for one reason are named each before the rest are
#: counted.
SKIPPED_NAMED = 3


def summarise_skipped(problems: Sequence[Problem]) -> list[Problem]:
    """The problems, with the rows of one file skipped for one reason named up to
    `SKIPPED_NAMED`, the last of those saying how many more (a county file's 合计 row under
    each county made a line each, and pushed every other warning past the count printed).
    The rest keep their order."""
    named: dict[tuple[str, str], list[int]] = {}
    more: dict[int, int] = {}
    kept: list[Problem] = []
    for problem in problems:
        key = problem.words.key
        if problem.code == "skipped-row" and key in SKIPPED_ROW_KEYS:
            said = named.setdefault((problem.location.file, key), [])
            if len(said) == SKIPPED_NAMED:
                more[said[-1]] = more.get(said[-1], 0) + 1
                continue
            said.append(len(kept))
        kept.append(problem)
    for at, count in more.items():
        last = kept[at]
        kept[at] = Problem(last.location, Message("actuals.skipped_and_more", first=last.words,
                                                   count=count), last.code, last.level)  # fmt: skip
    return kept


def is_total(text: str) -> bool:
    """Whether a region's label is a total (合计, 合 计, 小计：, 全市合计, 安康市小计) or an
    average (全市平均, 平均值), not a region: a total or an average of the counties is none of
    them (it entered their spread, their lagging lists and their outliers)."""
    return _label_key(text).endswith((*_TOTAL_ENDS, *_AVERAGE_ENDS))


def is_average(text: str) -> bool:
    """Whether a region's label is the regions' average (全市平均): see `is_total`."""
    return _label_key(text).endswith(_AVERAGE_ENDS)


def _label_key(text: str) -> str:
    """A region's label as its ending is read: width folded, no spaces, no colon after it."""
    return re.sub(r"\s+", "", normalise_text(text)).rstrip(":")


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
    """A label cell's text; PsplanError for a cell that holds no usable value."""
    if cell is None:
        return None
    if type(cell) is CellError:
        raise cell.error()
    text = str(cell).strip()
    return text or None


def distinct_files(paths: Sequence[Path], warnings: list[Problem] | None) -> list[Path]:
    """The files, each once: a file given twice (the same path, or another path to it) is read
    once, with a warning naming it — read twice, every figure of it would be a repeat."""
    kept: list[Path] = []
    for path in paths:
        first = next((other for other in kept if _same_file(path, other)), None)
        if first is None:
            kept.append(path)
        elif warnings is not None:
            words = (
                Message("actuals.same_file_twice")
                if str(first) == str(path)
                else Message("actuals.same_file_as", first=quoted(str(first)))
            )
            warnings.append(Problem(Location(str(path)), words, "same-file", "warning"))
    return kept


def _same_file(path: Path, other: Path) -> bool:
    try:
        return os.path.samefile(path, other)
    except (OSError, ValueError):  # one is missing (reading it says so), or is not a path
        return str(path) == str(other)


def _empty_indicator(file: str, line: int, column: int, row: list[object]) -> PsplanError:
    """A row without its indicator, and why where it can be told: one cell holding the whole
    row in full-width commas (a sheet typed with a Chinese keyboard), or a cell swallowing the
    lines under it (a quote opened and never closed)."""
    where = Location(file, line, column + 1)
    cells = [cell for cell in row if isinstance(cell, str) and cell.strip()]
    swallowed = next((cell for cell in cells if cell.count("\n") >= 2), None)
    if swallowed is not None:
        return PsplanError("actuals.open_quote", Location(file, line),
                           last=line + swallowed.rstrip("\r\n").count("\n"))  # fmt: skip
    if len(cells) == 1 and cells[0].count("，") >= 2:
        return PsplanError("actuals.fullwidth_commas", where)
    return PsplanError("actuals.empty_indicator", where)


#: Characters that print as nothing and come into a cell by accident: a BOM where two files
#: were joined (`cat a.csv b.csv`), a zero-width space, non-joiner, joiner or word joiner
#: pasted from a web page. Other controls (an escape, a bidi override) are kept, and shown
#: escaped by every format: they are not accidents a reader should not see.
_INVISIBLE = dict.fromkeys(map(ord, "\ufeff\u200b\u200c\u200d\u2060"))


@functools.cache
def _aligning_spaces() -> re.Pattern[str]:
    """Spaces between two Chinese characters: an official table aligns 洋县 with 城固县 as
    洋　县. Compiled when a name first has a space (2 ms of every start otherwise)."""
    return re.compile(r"(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])")


@functools.lru_cache(maxsize=65536)
def region_name(text: str) -> str | None:
    """A region cell's name: stripped, and its width folded (NFKC), so that 津００６县, as an
    Excel user may type it, is the county 津006县 of the other rows, not a second one; an
    invisible character (`_INVISIBLE`) is dropped, or the county would be two, and so are
    spaces between Chinese characters (洋　县 is 洋县: no Chinese place name has one). A dash
    or "NA", as an empty figure is typed, names no region (it was a county called "—")."""
    name = unicodedata.normalize("NFKC", text)
    if not name.isprintable():  # (a C check: the common name needs no more)
        name = name.translate(_INVISIBLE)
    name = name.strip()
    if " " in name or not name.isprintable():
        name = _aligning_spaces().sub("", name)
    return None if name.lower() in MISSING_TEXTS else name


def _region(cell: object) -> str | None:
    text = _text(cell)
    return None if text is None else region_name(text)


def _plain_text(cell: object) -> str | None:
    """A cell's text, or None (also for a cell that holds no usable value)."""
    if cell is None or type(cell) is CellError:
        return None
    return str(cell).strip() or None


def _extra_cells(size: int, width: int, file: str, line: int) -> PsplanError:
    return PsplanError("actuals.extra_cells", Location(file, line), size=size, width=width)


class _RowReader:
    """Turns data rows into ActualRows; caches what repeats (years, values) across rows."""

    CACHE_LIMIT = 100_000

    def __init__(self, layout: Layout, file: str, width: int | None = None) -> None:
        self.layout = layout
        self.file = file
        #: Cells a row may have (a CSV row beyond its header's width has been shifted).
        self.width = sys.maxsize if width is None else width
        self.years: dict[object, int] = {}
        self.values: dict[object, Value] = {}
        self.units = dict(layout.column_units)  # a figures column's unit, from its header

    def _labels(self, row_number: int, row: list[object]) -> tuple[str, str | None, str | None]:
        layout = self.layout
        indicator = _text(_cell(row, layout.indicator))
        if indicator is None:
            raise _empty_indicator(self.file, row_number, layout.indicator, row)
        return indicator, _region(_cell(row, layout.region)), _text(_cell(row, layout.note))

    def read_wide(
        self, row_number: int, row: list[object]
    ) -> list[ActualRow | Problem | SheetEntry]:
        skipped = _skipped_row(
            row, self.layout.indicator, self.file, row_number, self.layout.region
        )
        if skipped:
            return [skipped]
        if len(row) > self.width and not _blank(row[self.width :]):
            raise _extra_cells(len(row), self.width, self.file, row_number)
        indicator, region, note = self._labels(row_number, row)
        unit = None if self.layout.unit is None else _text(_cell(row, self.layout.unit))
        unit_column = 0 if self.layout.unit is None else self.layout.unit + 1
        # Parse every cell before returning any, so a bad cell does not leave half a row.
        records: list[ActualRow | Problem | SheetEntry] = [
            ActualRow(
                indicator,
                year,
                _in_unit(
                    self.value(_cell(row, column), row_number, column), self.units.get(column)
                ),
                region,
                note,
                self.file,
                row_number,
                column + 1,
                unit,
                unit_column,
            )
            for column, year in self.layout.year_columns
        ]
        if self.layout.entries:
            years = tuple(year for _, year in self.layout.year_columns)
            records.extend(self.entries(row_number, row, indicator, region, years))
        return records

    def entries(
        self,
        row_number: int,
        row: list[object],
        indicator: str,
        region: str | None,
        years: tuple[int, ...] = (),
    ) -> list[SheetEntry | Problem]:
        """The row's 基期值 / 原因分析 / 下一步措施 cells that are filled in."""
        found: list[SheetEntry | Problem] = []
        for column, field in self.layout.entries:
            cell = _cell(row, column)
            if type(cell) is CellError:
                where = cell.location or Location(self.file, row_number, column + 1)
                found.append(Problem(where, cell.words, "actuals"))
                continue
            text = _text(cell)
            if text is None:
                continue
            if field != "baseline" and is_missing_text(text):
                # 暂无, —: no explanation given, so the report still asks for one (【待填写】);
                # "原因分析：暂无" read as the department's explanation (a new user's trial)
                continue
            value = None
            if field == "baseline":
                try:
                    value = parse_value(cell)
                except PsplanError as exc:
                    where = Location(self.file, row_number, column + 1)
                    message = Message(
                        "actuals.skipped_baseline_cell", text=_shown(text), reason=exc.words
                    )
                    found.append(_warning(where, message, "skipped-cell"))
                    continue
                if value.missing:
                    continue
                text = None
            found.append(SheetEntry(indicator, region, field, value, text, self.file,
                                    row_number, column + 1, years=years))  # fmt: skip
        return found

    def problem(self, exc: PsplanError, row_number: int, row: list[object]) -> Problem | None:
        """A bad row's problem; None for a row of empty cells (",,,"), which carries nothing."""
        if _blank(row):
            return None
        words = exc.words
        layout = self.layout
        keys = (layout.indicator, layout.region, layout.year)
        if words.key != "actuals.fullwidth_commas" and any(
            at is not None and "，" in str(_cell(row, at) or "") for at in keys
        ):  # a row typed partly with a Chinese keyboard: the reason its cells are off
            words = Message("actuals.with_fullwidth_commas", problem=words)
        return Problem(exc.location or Location(self.file, row_number), words, "actuals")

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
        year_at, value_at, unit_at = layout.year, layout.value, layout.unit
        value_unit = self.units.get(value_at) if value_at is not None else None
        width = self.width
        assert year_at is not None and value_at is not None
        for row_number, row in rows:
            try:
                size = len(row)
                if size > width and not _blank(row[width:]):
                    raise _extra_cells(size, width, file, row_number)
                cell = row[indicator_at] if indicator_at < size else None
                indicator = cell.strip() if type(cell) is str else _text(cell)
                if not indicator:
                    raise _empty_indicator(file, row_number, indicator_at, row)
                if indicator in totals:
                    raise PsplanError("actuals.total_row")  # reported as skipped, below
                region = None
                if region_at is not None and region_at < size:
                    cell = row[region_at]
                    region = region_name(cell) if type(cell) is str else _region(cell)
                    if region and ("计" in region or "均" in region) and is_total(region):
                        raise PsplanError("actuals.total_row")  # reported as skipped, below
                note = None if note_at is None else _text(_cell(row, note_at))
                # a CSV row without its year cell (not 年份“”不是有效年份: there is none); a
                # workbook's row ends at its last cell with a value, and has no width
                if year_at >= size and width != sys.maxsize:
                    raise PsplanError("actuals.short_row", Location(file, row_number),
                                      size=size, column=year_at + 1, width=width)  # fmt: skip
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
                if value_unit is not None:  # 数值（%）: in the header's unit
                    value = _in_unit(value, value_unit)
            except PsplanError as exc:
                problem = _skipped_row(
                    row, indicator_at, file, row_number, region_at
                ) or self.problem(exc, row_number, row)
                if problem:
                    yield problem
                continue
            unit = None if unit_at is None else _text(_cell(row, unit_at))
            yield ActualRow(indicator, year, value, region, note, file, row_number, value_at + 1,
                            unit, 0 if unit_at is None else unit_at + 1)  # fmt: skip
            if entries:
                yield from self.entries(row_number, row, indicator, region, (year,))

    def value(self, cell: object, row_number: int, column: int) -> Value:
        if type(cell) is str and (cell[:1] == " " or cell[-1:] == " "):
            # the spaces around a figure are no part of it (` 4.0 `, and `, "4.0"`: the csv
            # module keeps the space of `"4.0" ,`); the columnar path trims them too
            cell = cell.strip(" ")
        cached = self.values.get(cell) if isinstance(cell, str) else None
        if cached is not None:
            return cached
        try:
            value = parse_value(cell)
        except PsplanError as exc:
            where = exc.location or Location(self.file, row_number, column + 1)
            raise PsplanError(exc.words, where) from None
        if isinstance(cell, str):
            if len(self.values) >= self.CACHE_LIMIT:
                self.values.clear()
            self.values[cell] = value
        return value


def _in_unit(value: Value, unit: str | None) -> Value:
    """A figure without a unit of its own in its column header's (`unit`, if any)."""
    if unit is None or value.number is None or value.unit is not None:
        return value
    return value._replace(unit=unit)


def _parse_year(cell: object, location: Location) -> int:
    if type(cell) is CellError:
        raise cell.error()
    if isinstance(cell, date):  # a year typed into a date-formatted Excel cell
        cell = cell.year
    text = normalise_text(str(cell if cell is not None else ""))
    # a year column of dates, as Excel saves a date cell in a CSV (2021/12/31, 2021-12-31,
    # 2021年12月31日): the date's year, as a workbook's date cell and a date header give it
    match = re.fullmatch(r"(\d{4})(?:\.0)?(?:年|年度)?", text) or _date_header(text)
    if not match:
        raise PsplanError("actuals.bad_year", location, text=_shown(text))
    year = int(match[1])
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise PsplanError(
            "actuals.year_out_of_range", location, year=year, first=MIN_YEAR, last=MAX_YEAR
        )
    return year
