"""Read the sheets of an .xlsx workbook: streaming, bounded, and exact about every cell.

Not openpyxl, whose read-only mode pads every row to the width and height the sheet claims
(a 1.7 KB file saying A1:XFD1048576 runs for hours), holds any number of shared strings, turns
a formula that was never calculated into an empty cell, and raises its own errors on dates and
numbers Excel cannot hold. This reader checks each zip part's declared size and compression
ratio before unzipping it (and of all parts read together), parses the sheet XML with expat
as it streams (928,000 rows: 17 s where openpyxl took 89 s), keeps only the cells that exist,
and stops at the row and cell limits, counted before the parse.

Rows come out as (row number, cells), only rows that hold something. A cell is None, str,
int, float, bool, datetime/time (a date-formatted number), a percentage-formatted number as
its text (0.911 shown as 91.1% comes out "91.1%"), or a `CellError` for a cell that holds no
usable value: a formula without a saved result, a number that is not finite or too large, a
broken shared-string index, an impossible date. Parsing a `CellError` as a value raises its
located message.

A value merged over several rows (a region written once for its block of rows) is read into
each of those rows, and the sheet's `notes` get one warning per merge so filled.
"""

from __future__ import annotations

import contextlib
import math
import posixpath
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import IO, NamedTuple
from xml.parsers import expat

from psplan.actuals.values import CellError
from psplan.errors import Location, Message, Problem, PsplanError, Shown, plain, quoted
from psplan.limits import RATIO_FLOOR, Limits, exceeded

#: Excel's last row and column (XFD).
MAX_ROW = 1_048_576
MAX_COLUMN = 16_384
#: Bytes unzipped and handed to the XML parser at a time, after a few smaller first ones.
CHUNK = 1 << 20
FIRST_CHUNKS = (1 << 14, 1 << 16, 1 << 18)
#: Sheets up to this size (unzipped) are unzipped once and kept for both passes.
IN_MEMORY = 32 * 1024 * 1024
#: No cell's text is longer (Excel's own limit is 32,767 characters).
MAX_TEXT = 1_000_000
#: More sheets than any workbook has (Excel's own are limited by memory, in practice a few
#: hundred): each is looked at for a header, so a list of millions must not be.
MAX_SHEETS = 10_000
#: The <mergeCells> of a sheet are kept whole; more than this is more ranges than rows.
MERGES_PART = 64 * 1024 * 1024

_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    OSError,
    EOFError,
    NotImplementedError,  # a compression method zipfile does not know
    RuntimeError,  # an encrypted part
    ValueError,
)

#: Built-in number formats that show a percentage or a date/time (ids 27–36 and 50–58 are
#: the dates of Chinese, Japanese and Korean Excel).
_PERCENT_FORMATS = frozenset({9, 10})
_DATE_FORMATS = frozenset({*range(14, 23), *range(27, 37), 45, 46, 47, *range(50, 59)})
#: What a custom format shows besides its codes: quoted text, escaped and padding characters,
#: colours and locales in brackets (but not the elapsed-time codes [h] [mm] [ss]).
_FORMAT_NOISE = re.compile(r'"[^"]*"|\\.|[_*].|\[(?![hms]+\])[^\]]*\]', re.IGNORECASE)
_DATE_CODES = re.compile(r"[dmyhs]", re.IGNORECASE)
_EXCEL_EPOCH = datetime(1899, 12, 30)
_MAC_EPOCH = datetime(1904, 1, 1)
_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
_ROOT = re.compile(rb"<(?:([A-Za-z_][\w.-]*):)?worksheet[\s>/]")
_CELL_REF = re.compile(r"([A-Za-z]{1,3})([0-9]*)")
_RANGE = re.compile(r"^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})(?::\$?([A-Za-z]{1,3})\$?([0-9]{1,7}))?$")


#: How much of a file named .xlsx that is no ZIP archive is looked at: an encrypted workbook
#: (an OLE2 file) names its EncryptionInfo stream in its directory, near the start.
ENCRYPTED_HEAD = 1 << 16
_ENCRYPTION_INFO = "EncryptionInfo".encode("utf-16-le")


class SheetInfo(NamedTuple):
    """A sheet of the workbook: its tab name, visibility and kind ("worksheet", "chartsheet",
    "dialogsheet", "macrosheet"; "missing" when its part is not in the file)."""

    title: str
    state: str  # "visible", "hidden" or "veryHidden"
    kind: str
    part: str | None


class _Stop(Exception):
    """Raised by the parser's handlers at the end of the sheet's data."""


def column_index(letters: str) -> int:
    """The 0-based index of a column's letters: A → 0, XFD → 16383."""
    index = 0
    for letter in letters.upper():
        index = index * 26 + ord(letter) - 64
    return index - 1


def column_letters(index: int) -> str:
    """The letters of a 0-based column: 0 → A, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def _format_kind(code: str) -> str | None:
    """ "percent", "date" or None for a custom number format code."""
    section = _FORMAT_NOISE.sub("", code.split(";")[0])
    if section.lower() in ("general", "@", ""):
        return None
    if "%" in section:
        return "percent"
    if _DATE_CODES.search(section):
        return "date"
    return None


def _unescape(text: str) -> str:
    """Excel writes control characters in strings as _xHHHH_ (and a literal _x as _x005F_x)."""
    if "_x" not in text:
        return text
    return _ESCAPE.sub(lambda match: chr(int(match[1], 16)), text)


def _local(name: str) -> str:
    return name.rpartition("}")[2]


def _clipped(text: str, limit: int = 20) -> Shown:
    """A name or value for a message, cut short when long (with how long it was)."""
    if len(text) <= limit:
        return plain(text)
    more = Message("value.characters", count=len(text))
    return Shown(text[:limit] + more.render("en"), text[:limit] + more.render("zh"))


def _quoted(text: str, limit: int = 20) -> Shown:
    """A user's value quoted for a message, cut short when long (with how long it was)."""
    if len(text) <= limit:
        return quoted(text)
    more = Message("value.characters", count=len(text))
    return Shown(
        repr(text[:limit] + more.render("en")), quoted(text[:limit]).zh + more.render("zh")
    )


class Workbook:
    """An open .xlsx file: its sheets, and the rows of any of them.

    Raises PsplanError for a file that is not a workbook, or one whose parts are larger (or
    compress better) than the limits allow.
    """

    def __init__(self, path: Path, file: str, limits: Limits) -> None:
        self.file = file
        self.limits = limits
        self.unzipped = self.zipped = 0  # bytes of the parts opened so far, as declared
        try:
            self.zip = zipfile.ZipFile(path)
        except zipfile.BadZipFile:
            raise self._not_zip(path) from None
        except _ZIP_ERRORS as exc:
            raise self._unreadable(exc) from None
        try:
            self.parts = {
                info.filename.replace("\\", "/").lstrip("/").lower(): info
                for info in self.zip.infolist()
            }
            self._read_workbook()
        except BaseException:
            self.zip.close()
            raise
        self._strings: list[str] | None = None

    # ------------------------------------------------------------------ structure

    def close(self) -> None:
        self.zip.close()

    def __enter__(self) -> Workbook:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def sheetnames(self) -> list[str]:
        return [sheet.title for sheet in self.sheets]

    def _not_zip(self, path: Path) -> PsplanError:
        """A file named .xlsx that is no ZIP archive: an old .xls renamed, or anything else."""
        from psplan.actuals.read import _workbook_kind

        if path.name.startswith("~$"):  # Excel's owner file beside an open workbook (*.xlsx)
            return PsplanError("xlsx.lock_file", Location(self.file), workbook=path.name[2:])
        try:
            with path.open("rb") as handle:
                head = handle.read(ENCRYPTED_HEAD)
        except OSError:
            head = b""
        if _workbook_kind(head[:8]) == "xls":
            if _ENCRYPTION_INFO in head:  # a workbook with an open password is kept so
                return PsplanError("xlsx.encrypted", Location(self.file))
            return PsplanError("actuals.xls_as_text", Location(self.file), suffix=path.suffix)
        return self._unreadable(Message("xlsx.not_zip"))

    def _unreadable(self, exc: BaseException | Message) -> PsplanError:
        shown = exc if isinstance(exc, Message) else _clipped(str(exc).replace("\n", " "), 200)
        return PsplanError("xlsx.unreadable", Location(self.file), detail=shown)

    def _info(self, name: str) -> zipfile.ZipInfo | None:
        return self.parts.get(name.lstrip("/").lower())

    def _check(self, info: zipfile.ZipInfo) -> None:
        """Refuse a part whose declared unzipped size or compression ratio is beyond the
        limits, before unzipping any of it (zipfile stops at the declared size)."""
        limits, size = self.limits, info.file_size
        if size > limits.unzipped_bytes:
            found = Message(
                "xlsx.part_unzips_to", part=_clipped(info.filename, 60), size=size / 2**20
            )
            raise PsplanError(
                exceeded(found, "unzipped_mb", limits.unzipped_mb), Location(self.file)
            )
        if size > RATIO_FLOOR and size > limits.zip_ratio * max(info.compress_size, 1):
            ratio = size / max(info.compress_size, 1)
            found = Message("xlsx.part_ratio", part=_clipped(info.filename, 60), ratio=ratio)
            raise PsplanError(exceeded(found, "zip_ratio", limits.zip_ratio), Location(self.file))

    def _open(self, info: zipfile.ZipInfo, *, count: bool = True) -> IO[bytes]:
        """A part opened for reading, after its checks; `count` adds its size to what the
        whole read unzips, which the same limit bounds (a workbook listing one part under
        many sheets, or thousands of parts, is no way around it)."""
        self._check(info)
        if count:
            self.unzipped += info.file_size
            self.zipped += info.compress_size
            limits = self.limits
            if self.unzipped > limits.unzipped_bytes:
                found = Message("xlsx.parts_unzip_to", most=limits.unzipped_mb)
                raise PsplanError(
                    exceeded(found, "unzipped_mb", limits.unzipped_mb), Location(self.file)
                )
            if self.unzipped > RATIO_FLOOR and self.unzipped > limits.zip_ratio * max(
                self.zipped, 1
            ):
                ratio = self.unzipped / max(self.zipped, 1)
                found = Message("xlsx.parts_ratio", ratio=ratio)
                raise PsplanError(
                    exceeded(found, "zip_ratio", limits.zip_ratio), Location(self.file)
                )
        try:
            return self.zip.open(info)
        except _ZIP_ERRORS as exc:
            raise self._unreadable(exc) from None

    def _chunks(self, info: zipfile.ZipInfo, *, count: bool = True) -> Iterator[bytes]:
        handle = self._open(info, count=count)
        sizes = iter(FIRST_CHUNKS)
        try:
            while True:
                try:
                    chunk = handle.read(next(sizes, CHUNK))
                except _ZIP_ERRORS as exc:
                    raise self._unreadable(exc) from None
                if not chunk:
                    return
                yield chunk
        finally:
            handle.close()

    def _parse_small(self, name: str, start, end=None, text=None) -> bool:
        """Parse a workbook part other than a sheet (workbook, relationships, styles) as it
        streams, with namespace-qualified names ("uri}local"); False when there is none."""
        info = self._info(name)
        if info is None:
            return False
        parser = _parser(namespaces=True)
        parser.StartElementHandler = start
        if end is not None:
            parser.EndElementHandler = end
        if text is not None:
            parser.CharacterDataHandler = text
        try:
            for chunk in self._chunks(info):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
        except _XML_ERRORS as exc:
            raise self._unreadable(
                Message("xlsx.in_part", part=name, error=_xml_error(exc))
            ) from None
        return True

    def _relationships(self, part: str) -> dict[str, tuple[str, str]]:
        """Relationship id → (type's last word, target part) of a part."""
        folder, base = posixpath.split(part)
        found: dict[str, tuple[str, str]] = {}

        def start(name: str, attrs: dict[str, str]) -> None:
            if _local(name) != "Relationship" or attrs.get("TargetMode") == "External":
                return
            target = attrs.get("Target", "")
            if target.startswith("/"):
                target = target[1:]
            else:
                target = posixpath.normpath(posixpath.join(folder, target))
            kind = attrs.get("Type", "").rpartition("/")[2]
            found[attrs.get("Id", "")] = (kind, target)

        self._parse_small(posixpath.join(folder, "_rels", base + ".rels"), start)
        return found

    def _read_workbook(self) -> None:
        main = next(
            (t for k, t in self._relationships("").values() if k == "officeDocument"),
            "xl/workbook.xml",
        )
        relationships = self._relationships(main)
        sheets: list[tuple[str, str, str]] = []
        self.date1904 = False

        def start(name: str, attrs: dict[str, str]) -> None:
            local = _local(name)
            if local == "sheet":
                if len(sheets) >= MAX_SHEETS:
                    raise PsplanError("xlsx.too_many_sheets", Location(self.file), most=MAX_SHEETS)
                rid = next((v for k, v in attrs.items() if _local(k) == "id"), "")
                sheets.append((attrs.get("name", ""), attrs.get("state", "visible"), rid))
            elif local == "workbookPr":
                self.date1904 = attrs.get("date1904", "").lower() in ("1", "true")

        if not self._parse_small(main, start):
            raise self._unreadable(Message("xlsx.no_workbook_part"))
        self.sheets = []
        for title, state, rid in sheets:
            kind, part = relationships.get(rid, ("missing", ""))
            if kind != "missing" and self._info(part) is None:
                kind = "missing"
            state = state if state in ("hidden", "veryHidden") else "visible"
            self.sheets.append(SheetInfo(title, state, kind, part or None))
        by_kind = {kind: target for kind, target in relationships.values()}
        self._strings_part = by_kind.get("sharedStrings", "xl/sharedStrings.xml")
        self._styles_part = by_kind.get("styles", "xl/styles.xml")
        self.styles = self._read_styles()
        strings = self._info(self._strings_part)
        if strings is not None:
            self._check(strings)  # before any sheet is read

    def _read_styles(self) -> dict[str, str]:
        """Style index (as written in a cell's s="…") → "percent" or "date", for the styles
        whose number format shows a percentage or a date."""
        custom: dict[int, str] = {}
        formats: list[int] = []
        depth = {"cellXfs": 0}

        def start(name: str, attrs: dict[str, str]) -> None:
            local = _local(name)
            if local == "numFmt":
                with contextlib.suppress(ValueError):
                    custom[int(attrs.get("numFmtId", ""))] = attrs.get("formatCode", "")
            elif local == "cellXfs":
                depth["cellXfs"] += 1
            elif local == "xf" and depth["cellXfs"]:
                try:
                    formats.append(int(attrs.get("numFmtId", "0")))
                except ValueError:
                    formats.append(0)

        def end(name: str) -> None:
            if _local(name) == "cellXfs":
                depth["cellXfs"] -= 1

        self._parse_small(self._styles_part, start, end)
        kinds: dict[str, str] = {}
        for index, number_format in enumerate(formats):
            if number_format in custom:
                kind = _format_kind(custom[number_format])
            elif number_format in _PERCENT_FORMATS:
                kind = "percent"
            elif number_format in _DATE_FORMATS:
                kind = "date"
            else:
                kind = None
            if kind:
                kinds[str(index)] = kind
        return kinds

    @property
    def strings(self) -> list[str]:
        """The shared strings, read when a sheet first needs them, within the limits."""
        if self._strings is None:
            self._strings = self._read_strings()
        return self._strings

    def _read_strings(self) -> list[str]:
        info = self._info(self._strings_part)
        if info is None:
            return []
        strings: list[str] = []
        parts: list[str] = []
        state = {"depth": 0, "phonetic": 0, "text": False}
        limit = self.limits.strings

        def start(name: str, attrs: dict[str, str]) -> None:
            local = _local(name)
            if local == "si":
                parts.clear()
            elif local == "t":
                state["text"] = not state["phonetic"]
            elif local == "rPh":
                state["phonetic"] += 1

        def end(name: str) -> None:
            local = _local(name)
            if local == "si":
                strings.append(_unescape("".join(parts)))
                if len(strings) > limit:
                    found = Message("xlsx.too_many_strings", most=limit)
                    raise PsplanError(exceeded(found, "strings", limit), Location(self.file))
            elif local == "t":
                state["text"] = False
            elif local == "rPh":
                state["phonetic"] -= 1

        def text(data: str) -> None:
            if state["text"]:
                parts.append(data)

        parser = _parser(namespaces=True)
        parser.StartElementHandler = start
        parser.EndElementHandler = end
        parser.CharacterDataHandler = text
        try:
            for chunk in self._chunks(info):
                parser.Parse(chunk, False)
                if parts:
                    _check_text(parts, Location(self.file))
            parser.Parse(b"", True)
        except _XML_ERRORS as exc:
            part = _clipped(info.filename, 60)
            raise self._unreadable(
                Message("xlsx.in_part", part=part, error=_xml_error(exc))
            ) from None
        return strings

    # ------------------------------------------------------------------ rows

    def sheet(self, title: str) -> SheetInfo | None:
        """The sheet with this tab name, or the n-th sheet for "n" (1-based)."""
        for sheet in self.sheets:
            if sheet.title == title:
                return sheet
        if title.isdigit() and 0 < int(title) <= len(self.sheets):
            return self.sheets[int(title) - 1]
        return None

    def rows(self, sheet: SheetInfo) -> SheetRows:
        """The sheet's rows; PsplanError for a sheet that is not a table of cells."""
        if sheet.kind != "worksheet" or sheet.part is None:
            title = _quoted(sheet.title, 40)
            if sheet.kind == "missing":
                raise PsplanError("xlsx.sheet_missing", Location(self.file), sheet=title)
            what = (
                Message(f"xlsx.kind.{sheet.kind}")
                if sheet.kind in ("chartsheet", "dialogsheet", "macrosheet")
                else Message("xlsx.kind.other", kind=sheet.kind)
            )
            raise PsplanError("xlsx.not_a_table", Location(self.file), sheet=title, what=what)
        info = self._info(sheet.part)
        assert info is not None
        self._check(info)
        return SheetRows(self, sheet, info)


class _Merge(NamedTuple):
    column: int
    first: int
    last: int
    ref: str


class SheetRows:
    """The rows of one sheet, as an iterator of (row number, cells); `notes` holds a warning
    for each merged range whose value was read into the rows below it."""

    def __init__(self, book: Workbook, sheet: SheetInfo, info: zipfile.ZipInfo) -> None:
        self.book = book
        self.sheet = sheet
        self.info = info
        self.notes: list[Problem] = []
        #: How locations name the file: the workbook, or `book.xlsx[sheet]` when it is one of
        #: several sheets read together (set by the reader once it knows).
        self.label = book.file
        data = None
        if info.file_size <= IN_MEMORY:
            data = b"".join(book._chunks(info))
        prefix, merges, self._hidden_columns = self._prescan(data)
        #: the hidden rows that held something, and the hidden columns (0-based) that did:
        #: skipped, as a hidden sheet is (what the analyst sees is what is judged), and said
        self.hidden_rows: list[int] = []
        self.hidden_cells: set[int] = set()
        rows = self._parse(data, prefix)  # a streamed part's second pass is not counted again
        self._iterator = self._fill(rows, merges) if merges else rows

    def __iter__(self) -> SheetRows:
        return self

    def __next__(self) -> tuple[int, list[object]]:
        return next(self._iterator)

    def close(self) -> None:
        self._iterator.close()  # type: ignore[attr-defined]

    def _where(self, row: int = 0, column: int = 0) -> Location:
        return Location(self.label, row, column)

    def _too_many(self, what: str, field: str, limit: int, row: int = 0) -> PsplanError:
        sheet = _quoted(self.sheet.title, 40)
        found = Message(f"xlsx.sheet_too_many_{what}", sheet=sheet, most=limit)
        return PsplanError(exceeded(found, field, limit), self._where(row))

    def _stream(self, data: bytes | None, *, count: bool = True) -> Iterator[bytes]:
        """The part in chunks: small ones first, so that finding the header (in the first
        rows) does not parse a megabyte of rows first."""
        if data is not None:
            offset = 0
            for size in FIRST_CHUNKS:
                yield data[offset : offset + size]
                offset += size
            for start in range(offset, len(data), CHUNK):
                yield data[start : start + CHUNK]
        else:
            yield from self.book._chunks(self.info, count=count)

    def _prescan(self, data: bytes | None) -> tuple[str, list[_Merge], frozenset[int]]:
        """Before parsing: the XML's namespace prefix, the merged ranges (written after the
        data), the hidden columns (written before it), and a count of rows and cells held to
        the limits — at the speed of unzipping."""
        limits = self.book.limits
        prefix: str | None = None
        tags: tuple[bytes, ...] = ()
        rows = cells = 0
        carry = b""
        tail: list[bytes] | None = None
        hidden: frozenset[int] = frozenset()
        for chunk in _regrouped(self._stream(data), 65536):
            if prefix is None:
                match = _ROOT.search(chunk[:65536])
                prefix = match[1].decode("ascii") + ":" if match and match[1] else ""
                hidden = _hidden_columns(chunk, prefix)
                p = prefix.encode("ascii")
                tags = tuple(b"<" + p + tag for tag in (b"row ", b"row>", b"c ", b"c>"))
                tags += (b"<" + p + b"mergeCells", b"</" + p + b"mergeCells>")
            if tail is not None:
                tail.append(chunk)
                if tags[5] in chunk:
                    break
                if sum(map(len, tail)) > MERGES_PART:
                    raise self._too_many("merged ranges", "rows", limits.rows)
                continue
            rows += chunk.count(tags[0]) + chunk.count(tags[1])
            cells += chunk.count(tags[2]) + chunk.count(tags[3])
            if rows > limits.rows:
                raise self._too_many("rows", "rows", limits.rows)
            if cells > limits.cells:
                raise self._too_many("cells", "cells", limits.cells)
            joined = carry + chunk
            position = joined.find(tags[4])
            if position >= 0:
                tail = [joined[position:]]
                if tags[5] in tail[0]:
                    break
            carry = chunk[-64:]
        merges = self._merges(b"".join(tail), prefix or "") if tail else []
        return prefix or "", merges, hidden

    def _merges(self, xml: bytes, prefix: str) -> list[_Merge]:
        """The merged ranges that span more than one row, from the <mergeCells> element."""
        pattern = re.compile(
            rb"<"
            + re.escape(prefix.encode("ascii"))
            + rb"mergeCell\s[^>]*?\bref\s*=\s*[\"']([^\"']*)"
        )
        merges = []
        limit = self.book.limits.rows
        for count, match in enumerate(pattern.finditer(xml), start=1):
            if count > limit:
                raise self._too_many("merged ranges", "rows", limit)
            found = _RANGE.match(match[1].decode("ascii", "replace"))
            if not found or not found[3]:
                continue
            first, last = int(found[2]), int(found[4])
            column = min(column_index(found[1]), column_index(found[3]))
            if last < first:
                first, last = last, first
            if last > first and column < MAX_COLUMN:
                merges.append(_Merge(column, first, last, match[1].decode("ascii").upper()))
        return merges

    def _fill(
        self, rows: Iterator[tuple[int, list[object]]], merges: list[_Merge]
    ) -> Iterator[tuple[int, list[object]]]:
        """Read the value of a range merged over several rows into each of those rows (the
        rows that hold anything; the range's first column), with one warning per range."""
        starts: dict[int, list[_Merge]] = {}
        for merge in merges:
            starts.setdefault(merge.first, []).append(merge)
        active: list[tuple[_Merge, object]] = []
        filled: dict[_Merge, object] = {}
        try:
            for number, cells in rows:
                if active:
                    active = [(m, v) for m, v in active if number <= m.last]
                    for merge, value in active:
                        column = merge.column
                        if column >= len(cells):
                            cells.extend([None] * (column + 1 - len(cells)))
                        if cells[column] is None or cells[column] == "":
                            cells[column] = value
                            filled[merge] = value
                for merge in starts.pop(number, ()):
                    value = cells[merge.column] if merge.column < len(cells) else None
                    if value is not None and value != "":
                        active.append((merge, value))
                yield number, cells
        finally:
            for merge in sorted(filled, key=lambda m: (m.first, m.column)):
                self.notes.append(self._merge_note(merge, filled[merge]))

    def _merge_note(self, merge: _Merge, value: object) -> Problem:
        message = Message(
            "xlsx.merged_cells",
            ref=merge.ref,
            cell=f"{column_letters(merge.column)}{merge.first}",
            value=_quoted(str(value), 40),
            first=merge.first,
            last=merge.last,
        )
        return Problem(
            self._where(merge.first, merge.column + 1), message, "merged-cells", "warning"
        )

    def _parse(self, data: bytes | None, prefix: str) -> Iterator[tuple[int, list[object]]]:
        """The rows of <sheetData>, parsed with expat as the part streams.

        The hot loop of a big workbook: expat calls `start` and `end` for every element, so
        they test the most frequent elements first, and text goes straight into a list.
        """
        book = self.book
        limits = book.limits
        max_rows, max_cells = limits.rows, limits.cells
        kinds = book.styles
        strings: list[str] | None = None
        ROW, C, V, F, IS, T, RPH, DATA = (
            prefix + name for name in ("row", "c", "v", "f", "is", "t", "rPh", "sheetData")
        )
        ready: list[tuple[int, list[object]]] = []
        parts: list[str] = []  # the text since the last <v>, <f> or <t> began
        columns: dict[str, int] = {}
        cells: list[object] = []
        row_number = rows = total = 0
        column = -1
        ref = ctype = style = vtext = formula = None
        inline: list[str] | None = None
        phonetic = 0
        hidden_row = False
        hidden_columns, hidden_cells = self._hidden_columns, self.hidden_cells

        def cell_error(message: Message, shown: str) -> CellError:
            return CellError(message, Location(self.label, row_number, column + 1), shown)

        def start(name: str, attrs: dict[str, str]) -> None:
            nonlocal ref, ctype, style, vtext, formula, inline, phonetic, cells, column, hidden_row
            if name == C:
                ref = attrs.get("r")
                ctype = attrs.get("t")
                style = attrs.get("s")
                vtext = formula = inline = None
            elif name == V or name == T or name == F:  # noqa: SIM109
                parts.clear()
            elif name == IS:
                inline = []
            elif name == ROW:
                new_row(attrs.get("r"))
                cells = []
                column = -1
                parts.clear()
                hidden_row = attrs.get("hidden") in _TRUE
            elif name == RPH:
                phonetic += 1

        def new_row(number_text: str | None) -> None:
            nonlocal row_number, rows
            rows += 1
            if rows > max_rows:
                raise self._too_many("rows", "rows", max_rows, row_number + 1)
            if number_text is None:
                number = row_number + 1
            else:
                try:
                    number = int(number_text)
                except ValueError:
                    raise PsplanError(
                        "xlsx.bad_row_number",
                        Location(self.label, row_number + 1),
                        number=_quoted(number_text),
                    ) from None
            if number > MAX_ROW:
                raise PsplanError(
                    "xlsx.row_beyond_last", Location(self.label), number=number, most=MAX_ROW
                )
            if not row_number < number:
                raise PsplanError(
                    "xlsx.row_out_of_order",
                    Location(self.label),
                    number=number,
                    previous=row_number,
                )
            row_number = number

        def end(name: str) -> None:
            nonlocal vtext, formula, phonetic, column, total, strings
            if name == C:
                if ref is None:
                    column += 1
                else:
                    letters = ref.rstrip("0123456789")
                    index = columns.get(letters)
                    if index is None:
                        index = columns[letters] = _column(letters, ref, self.label, row_number)
                    column = index
                if hidden_columns and column in hidden_columns:
                    if vtext or formula is not None or inline:
                        hidden_cells.add(column)
                    return
                value: object
                if ctype is None or ctype == "n":
                    if not vtext:
                        if formula is None:
                            return  # an empty (formatted) cell
                        value = cell_error(_unsaved(formula), "=" + formula)
                    elif len(vtext) < 16 and "." not in vtext and "E" not in vtext:
                        try:
                            value = int(vtext)
                        except ValueError:
                            value = _float(vtext, cell_error)
                    else:
                        value = _float(vtext, cell_error)
                    if style is not None and style in kinds and type(value) is not CellError:
                        value = _styled(value, kinds[style], book.date1904, cell_error)  # type: ignore[arg-type]
                elif ctype == "s":
                    if strings is None:
                        strings = book.strings
                    try:
                        value = strings[int(vtext or "")]
                        if vtext[0] == "-":  # type: ignore[index]
                            raise IndexError
                    except (ValueError, IndexError):
                        value = cell_error(
                            Message(
                                "xlsx.no_shared_string",
                                index=_quoted(vtext or ""),
                                count=len(strings),
                            ),
                            "",
                        )
                elif ctype == "inlineStr":
                    value = _unescape("".join(inline)) if inline else (vtext or "")
                else:
                    value = _other(ctype, vtext, formula, cell_error)
                count = len(cells)
                if column >= count:
                    if column > count:
                        cells.extend([None] * (column - count))
                    cells.append(value)
                else:
                    cells[column] = value
            elif name == V:
                vtext = "".join(parts)
            elif name == T:
                if not phonetic and inline is not None:
                    inline.append("".join(parts))
            elif name == ROW:
                if cells:
                    total += len(cells)
                    if total > max_cells:
                        raise self._too_many("cells", "cells", max_cells, row_number)
                    if hidden_row:
                        self.hidden_rows.append(row_number)
                    else:
                        ready.append((row_number, cells))
            elif name == F:
                formula = "".join(parts)
            elif name == RPH:
                phonetic -= 1
            elif name == DATA:
                raise _Stop

        parser = _parser(namespaces=False)
        for name in (ROW, C, V, F, IS, T):
            parser.intern[name] = name  # expat hands back these very strings: == is `is`
        parser.StartElementHandler = start
        parser.EndElementHandler = end
        parser.CharacterDataHandler = parts.append
        try:
            for chunk in self._stream(data, count=False):
                parser.Parse(chunk, False)
                if parts:
                    _check_text(parts, Location(self.label, row_number))
                if ready:
                    yield from ready
                    ready.clear()
            parser.Parse(b"", True)
        except _Stop:
            pass
        except _XML_ERRORS as exc:
            raise PsplanError(
                "xlsx.sheet_xml_damaged",
                Location(self.label, row_number),
                sheet=_quoted(self.sheet.title, 40),
                error=_xml_error(exc),
                part=_clipped(self.info.filename, 60),
            ) from None
        yield from ready
        ready.clear()
        self.notes.extend(self._hidden_notes())

    def _hidden_notes(self) -> list[Problem]:
        """A warning for the hidden rows and one for the hidden columns that held something."""
        notes = []
        if self.hidden_rows:
            rows = Location(self.label, self.hidden_rows[0])
            notes.append(Problem(rows, Message("xlsx.hidden_rows", rows=_ranges(self.hidden_rows)),
                                 "hidden", "warning"))  # fmt: skip
        if self.hidden_cells:
            letters = "、".join(column_letters(i) for i in sorted(self.hidden_cells))
            notes.append(Problem(self._where(), Message("xlsx.hidden_columns", columns=letters),
                                 "hidden", "warning"))  # fmt: skip
        return notes


#: The words an XML boolean is true by.
_TRUE = ("1", "true")
_COL = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?col\s([^>]*)>")
_ATTRIBUTE = re.compile(rb'(\w+)\s*=\s*"([^"]*)"')


def _hidden_columns(head: bytes, prefix: str) -> frozenset[int]:
    """The hidden columns (0-based) of a sheet's <cols>, which comes before its data (in the
    part's first chunk: a sheet lists at most a few hundred)."""
    end = head.find(b"<" + prefix.encode("ascii") + b"sheetData")
    hidden: set[int] = set()
    for match in _COL.finditer(head if end < 0 else head[:end]):
        attrs = dict(_ATTRIBUTE.findall(match[1]))
        if attrs.get(b"hidden", b"").decode("ascii", "replace") not in _TRUE:
            continue
        try:
            low, high = int(attrs[b"min"]), int(attrs[b"max"])
        except (KeyError, ValueError):
            continue
        hidden.update(range(low - 1, min(high, MAX_COLUMN)))
    return frozenset(hidden)


def _ranges(numbers: list[int]) -> str:
    """Row numbers as runs: 3、7–9、12 (at most 20 runs, then ……)."""
    runs: list[list[int]] = []
    for number in numbers:
        if runs and number == runs[-1][1] + 1:
            runs[-1][1] = number
        else:
            runs.append([number, number])
    shown = [f"{a}" if a == b else f"{a}–{b}" for a, b in runs[:20]]
    return "、".join(shown) + ("……" if len(runs) > 20 else "")


#: What expat raises for XML it cannot read: its own errors, and an encoding named in the XML
#: declaration that Python does not know (LookupError) or expat cannot use (ValueError).
_XML_ERRORS = (expat.ExpatError, LookupError, ValueError)


def _xml_error(exc: Exception) -> Message | Shown:
    """What is wrong with a part's XML: expat's own words (in English) and the line."""
    if isinstance(exc, expat.ExpatError):
        error = expat.ErrorString(exc.code)  # type: ignore[attr-defined]
        return Message("xlsx.xml_error", error=error, line=exc.lineno)
    return _clipped(str(exc), 100)


def _regrouped(chunks: Iterator[bytes], first: int) -> Iterator[bytes]:
    """The same bytes, the first chunk at least `first` long (the root element is in it)."""
    head: bytes | None = b""
    for chunk in chunks:
        if head is not None:
            head += chunk
            if len(head) < first:
                continue
            chunk, head = head, None
        yield chunk
    if head:
        yield head


def _parser(*, namespaces: bool) -> expat.XMLParserType:
    parser = expat.ParserCreate(namespace_separator="}" if namespaces else None)
    parser.buffer_text = True
    parser.buffer_size = 1 << 16
    # Expat refuses entity expansion beyond its amplification limit (billion laughs) and
    # never fetches external entities; a workbook's XML has no DOCTYPE at all.
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    return parser


def _check_text(parts: list[str], where: Location) -> None:
    """Refuse a text growing beyond any cell's (checked between chunks, so a text node of a
    gigabyte never gets built)."""
    if sum(map(len, parts)) > MAX_TEXT:
        raise PsplanError("xlsx.text_too_long", where, most=MAX_TEXT)


def _column(letters: str, ref: str, file: str, row: int) -> int:
    if not letters or len(letters) > 3 or not letters.isascii() or not letters.isalpha():
        raise PsplanError("xlsx.bad_cell_reference", Location(file, row), ref=_quoted(ref))
    index = column_index(letters)
    if index >= MAX_COLUMN:
        raise PsplanError("xlsx.column_beyond_last", Location(file, row), ref=ref)
    return index


def _unsaved(formula: str) -> Message:
    if not formula:
        return Message("xlsx.unsaved_shared_formula")
    return Message("xlsx.unsaved_formula", formula=_clipped(formula, 60))


def _float(text: str, cell_error: Callable[[Message, str], CellError]) -> float | CellError:
    try:
        number = float(text)
    except ValueError:
        return cell_error(Message("xlsx.cell_not_number", value=_quoted(text)), text)
    if not math.isfinite(number):
        return cell_error(_not_finite(text), text)
    return number


def _other(
    ctype: str,
    vtext: str | None,
    formula: str | None,
    cell_error: Callable[[Message, str], CellError],
) -> object:
    """The value of a cell that is not a number, a shared string or an inline string."""
    if vtext is None and formula is not None and ctype in ("str", "b", "e"):
        return cell_error(_unsaved(formula), "=" + formula)
    if ctype == "str":
        return _unescape(vtext or "")
    if ctype == "b":
        if vtext in ("1", "true"):
            return True
        if vtext in ("0", "false"):
            return False
        return cell_error(Message("xlsx.not_boolean", value=_quoted(vtext or "")), vtext or "")
    if ctype == "e":
        return vtext or ""  # #DIV/0!, #N/A: as Excel shows them
    if ctype == "d":
        return _iso_date(vtext or "", cell_error)
    return cell_error(Message("xlsx.unknown_cell_type", type=_quoted(ctype)), vtext or "")


def _not_finite(text: str) -> Message:
    if text.strip().lstrip("+-")[:1].isdigit():
        return Message("xlsx.number_too_large", number=_clipped(text.strip()))
    return Message("value.not_finite", text=_quoted(text))


def _styled(
    value: float, kind: str, date1904: bool, cell_error: Callable[[Message, str], CellError]
) -> object:
    """A number as its cell's format shows it: a percentage as its text, a date as a date."""
    if kind == "percent":
        return f"{value * 100:.10g}%"
    try:
        day, fraction = divmod(value, 1)
        clock = timedelta(milliseconds=round(fraction * 86_400_000))
        if date1904:
            if value < 0:
                raise OverflowError
            return _MAC_EPOCH + timedelta(days=day) + clock
        if 0 <= value < 1 and clock.days == 0:
            return (datetime.min + clock).time()
        if value < 0:
            raise OverflowError
        if value < 60:
            day += 1  # Excel's calendar has a 29 February 1900
        return _EXCEL_EPOCH + timedelta(days=day) + clock
    except (OverflowError, ValueError):
        return cell_error(Message("xlsx.impossible_date_number", value=value), str(value))


def _iso_date(text: str, cell_error: Callable[[Message, str], CellError]) -> object:
    try:
        return datetime.fromisoformat(text.strip().removesuffix("Z"))
    except ValueError:
        return cell_error(Message("xlsx.impossible_date", date=_quoted(text)), text)
