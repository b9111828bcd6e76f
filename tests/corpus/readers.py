"""Inputs whose trouble is in reading the actuals file: shifted CSV rows, encodings, pipes and
devices, workbooks written by scripts (formulas without saved values), merged cells, cells
Excel cannot hold, and workbooks built to hang the reader or exhaust memory.

The workbooks are written part by part (`workbook`, `sheet`, `row`, `cell`), so that a case
holds exactly the XML it is about; tests/test_readers.py uses the same helpers. The zip
bombs are deflate streams repeated by hand (`bomb`), made in milliseconds.
"""

from __future__ import annotations

import codecs
import io
import json
import struct
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from corpus import Case, fifo, symlink_to

HEADER = "indicator,year,value\n"

# ---------------------------------------------------------------------------- workbooks

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE = "http://schemas.openxmlformats.org/package/2006/relationships"
TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
#: Number formats by style index: 0 General, 1 a date, 2 a percentage, 3 yyyy"年".
STYLES = (
    f'<styleSheet xmlns="{MAIN}"><numFmts count="1">'
    '<numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;"/></numFmts>'
    '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="10"/>'
    '<xf numFmtId="164"/></cellXfs></styleSheet>'
)


def cell(
    ref: str,
    value: object = None,
    *,
    t: str | None = None,
    s: int | None = None,
    f: str | None = None,
) -> str:
    """One <c>: a number, an inline string (a str value without `t`), or `t`/`s`/`f` as given
    (a str value with `t` is written into <v> as it is)."""
    attrs, inner = f' r="{ref}"', ""
    if f is not None:
        inner += f"<f>{escape(f)}</f>"
    if isinstance(value, str) and t is None:
        attrs += ' t="inlineStr"'
        inner += f"<is><t>{escape(value)}</t></is>"
    elif value is not None:
        inner += f"<v>{escape(str(value))}</v>"
    if t is not None:
        attrs += f' t="{t}"'
    if s is not None:
        attrs += f' s="{s}"'
    return f"<c{attrs}>{inner}</c>"


def row(number: int | None, *cells: str) -> str:
    if number is None:
        return f"<row>{''.join(cells)}</row>"
    return f'<row r="{number}">{"".join(cells)}</row>'


def sheet(rows: str, *, before: str = "", after: str = "") -> str:
    """A worksheet part: `before` goes ahead of <sheetData> (<dimension>, <cols>), `after`
    behind it (<mergeCells>)."""
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{MAIN}" '
        f'xmlns:r="{RELS}">{before}<sheetData>{rows}</sheetData>{after}</worksheet>'
    )


def merges(*refs: str) -> str:
    inner = "".join(f'<mergeCell ref="{ref}"/>' for ref in refs)
    return f'<mergeCells count="{len(refs)}">{inner}</mergeCells>'


def shared(*strings: str) -> str:
    items = "".join(f"<si><t>{escape(s)}</t></si>" for s in strings)
    return f'<sst xmlns="{MAIN}" count="{len(strings)}" uniqueCount="{len(strings)}">{items}</sst>'


def long_sheet(*figures: tuple[str, object], year: object = 2023) -> str:
    """A long table: 指标, 年份, 数值 in row 1, one row per (indicator, value) below; a value
    that is a ready <c> is used as it is (its ref must be C<row>)."""
    rows = [row(1, cell("A1", "指标"), cell("B1", "年份"), cell("C1", "数值"))]
    for number, (name, value) in enumerate(figures, start=2):
        shown = (
            value
            if isinstance(value, str) and value.startswith("<c")
            else cell(f"C{number}", value)
        )
        rows.append(row(number, cell(f"A{number}", name), cell(f"B{number}", year), shown))
    return sheet("".join(rows))


Part = str | bytes | tuple[bytes, int, int]  # text, bytes, or (deflated, crc, size) as is


def workbook(
    sheets: dict[str, Part],
    *,
    strings: Part | None = None,
    states: dict[str, str] | None = None,
    styles: str = STYLES,
) -> bytes:
    """The bytes of an .xlsx with these worksheet parts (title → XML), in order."""
    states = states or {}
    entries, relations, types = [], [], []
    for number, title in enumerate(sheets, start=1):
        state = f' state="{states[title]}"' if title in states else ""
        entries.append(
            f'<sheet name="{escape(title)}" sheetId="{number}"{state} r:id="rId{number}"/>'
        )
        relations.append(
            f'<Relationship Id="rId{number}" Type="{RELS}/worksheet" '
            f'Target="worksheets/sheet{number}.xml"/>'
        )
        types.append(
            f'<Override PartName="/xl/worksheets/sheet{number}.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        )
    relations.append(f'<Relationship Id="rIdS" Type="{RELS}/styles" Target="styles.xml"/>')
    types.append(
        '<Override PartName="/xl/styles.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    )
    if strings is not None:
        relations.append(
            f'<Relationship Id="rIdT" Type="{RELS}/sharedStrings" Target="sharedStrings.xml"/>'
        )
        types.append(
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        )
    parts: dict[str, Part] = {
        "[Content_Types].xml": (
            f'<Types xmlns="{TYPES}"><Default Extension="rels" ContentType="application/'
            'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
            'ContentType="application/xml"/><Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.'
            'main+xml"/>' + "".join(types) + "</Types>"
        ),
        "_rels/.rels": (
            f'<Relationships xmlns="{PACKAGE}"><Relationship Id="rId1" '
            f'Type="{RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/workbook.xml": (
            f'<workbook xmlns="{MAIN}" xmlns:r="{RELS}"><sheets>{"".join(entries)}</sheets>'
            "</workbook>"
        ),
        "xl/_rels/workbook.xml.rels": (
            f'<Relationships xmlns="{PACKAGE}">{"".join(relations)}</Relationships>'
        ),
        "xl/styles.xml": styles,
    }
    if strings is not None:
        parts["xl/sharedStrings.xml"] = strings
    for number, part in enumerate(sheets.values(), start=1):
        parts[f"xl/worksheets/sheet{number}.xml"] = part
    return zip_parts(parts)


def zip_parts(parts: dict[str, Part]) -> bytes:
    """A zip written by hand (deflated), so that a part may be a ready deflate stream."""
    body, directory = io.BytesIO(), io.BytesIO()
    for name, part in parts.items():
        if isinstance(part, tuple):
            data, crc, size = part
        else:
            raw = part.encode("utf-8") if isinstance(part, str) else part
            packer = zlib.compressobj(6, zlib.DEFLATED, -15)
            data, crc, size = packer.compress(raw) + packer.flush(), zlib.crc32(raw), len(raw)
        encoded = name.encode("utf-8")
        offset = body.tell()
        body.write(
            struct.pack(
                "<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(data), size, len(encoded), 0
            )
        )
        body.write(encoded + data)
        directory.write(
            struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50,
                20,
                20,
                0,
                8,
                0,
                0x21,
                crc,
                len(data),
                size,
                len(encoded),
                0,
                0,
                0,
                0,
                0,
                offset,
            )
            + encoded
        )
    count, start = len(parts), body.tell()
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, directory.tell(), start, 0)
    return body.getvalue() + directory.getvalue() + end


def bomb(head: str, unit: str, repeat: int, tail: str) -> tuple[bytes, int, int]:
    """A deflate stream of `head`, `unit` × `repeat` and `tail` — gigabytes unzipped from a
    few hundred kilobytes — made by repeating one fully flushed block (no gigabyte in memory)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    start = packer.compress(head.encode()) + packer.flush(zlib.Z_FULL_FLUSH)
    chunk = unit.encode() * max(1, (1 << 20) // len(unit.encode()))
    block = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    assert packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH) == block
    blocks = max(1, repeat * len(unit.encode()) // len(chunk))
    end = packer.compress(tail.encode()) + packer.flush()
    crc = zlib.crc32(head.encode())
    for _ in range(blocks):
        crc = zlib.crc32(chunk, crc)
    crc = zlib.crc32(tail.encode(), crc)
    size = len(head.encode()) + blocks * len(chunk) + len(tail.encode())
    return start + block * blocks + end, crc, size


def openpyxl_book(rows: list[list[object]], merged: tuple[str, ...] = ()) -> Callable[[Path], None]:
    """An .xlsx written by openpyxl (formulas are written without saved values, as any
    script writes them)."""

    def write(path: Path) -> None:
        from openpyxl import Workbook

        book = Workbook()
        for values in rows:
            book.active.append(values)
        for ref in merged:
            book.active.merge_cells(ref)
        book.save(path)

    return write


# ---------------------------------------------------------------------------- checks


def actual_of(
    indicator: str, expected: float | None, region: str | None = None
) -> Callable[[Path, Any], None]:
    """The JSON report gives `indicator` (an id) this actual figure."""

    def check(_folder: Path, outcome: Any) -> None:
        data = json.loads(outcome.stdout)
        found = [
            r for r in data["results"] if r["id"] == indicator and r.get("region") in (region, None)
        ]
        assert found and found[0]["actual"] == expected, (indicator, found[:1])

    return check


def one_error_line(_folder: Path, outcome: Any) -> None:
    lines = [line for line in outcome.stderr.splitlines() if line.startswith("psplan: error:")]
    assert len(lines) == 1, outcome.stderr[:2000]


# ---------------------------------------------------------------------------- inputs

#: 3,000 rows of UTF-8 (more than detection samples), then a GBK row: line 3,002.
MIXED = (HEADER + "九年义务教育巩固率,2023,95\n" * 3000).encode("utf-8") + (
    "学前教育毛入园率,2023,91\n".encode("gbk")
)
FIGURES = HEADER + "人均预期寿命,2023,78.5\n"
CHECK = ("check", "national", "--format", "json")


def sst_bomb(path: Path) -> None:
    """400 MB of shared strings in 1 MB: openpyxl took gigabytes of memory to load them."""
    strings = bomb(f'<sst xmlns="{MAIN}">', "<si><t>a</t></si>", 24_000_000, "</sst>")
    data = long_sheet(("人均预期寿命", cell("C2", 0, t="s")))
    path.write_bytes(workbook({"data": data}, strings=strings))


def rows_bomb(path: Path) -> None:
    """16 million rows (400 MB of XML) in 1 MB."""
    head = f'<worksheet xmlns="{MAIN}"><sheetData>' + row(
        1, cell("A1", "指标"), cell("B1", "年份"), cell("C1", "数值")
    )
    data = bomb(head, "<row><c><v>1</v></c></row>", 16_000_000, "</sheetData></worksheet>")
    path.write_bytes(workbook({"data": data}))


#: 1.7 KB that openpyxl pads to 16,384 columns × 1,048,576 rows.
CLAIMED_DIMENSION = workbook(
    {
        "data": sheet(
            row(1, cell("A1", "指标"), cell("B1", "年份"), cell("C1", "数值"))
            + row(2, cell("A2", "人均预期寿命"), cell("B2", 2023), cell("C2", 78.5))
            + row(1048576, cell("C1048576", 1)),
            before='<dimension ref="A1:XFD1048576"/>',
        )
    }
)
#: A plausible dimension (26 columns) and figures scattered down to Excel's last row.
HUGE_ROW_NUMBERS = workbook(
    {
        "data": sheet(
            row(1, cell("A1", "指标"), cell("B1", "年份"), cell("C1", "数值"))
            + "".join(
                row(n, cell(f"A{n}", "人均预期寿命"), cell(f"B{n}", 2023), cell(f"C{n}", 78.5))
                for n in range(2, 1048576, 100_000)
            ),
            before='<dimension ref="A1:Z1048576"/>',
        )
    }
)
MERGED_REGION = workbook(
    {
        "data": sheet(
            row(1, cell("A1", "地区"), cell("B1", "指标"), cell("C1", "年份"), cell("D1", "数值"))
            + row(
                2,
                cell("A2", "甲县"),
                cell("B2", "人均预期寿命"),
                cell("C2", 2023),
                cell("D2", 78.5),
            )
            + row(3, cell("B3", "九年义务教育巩固率"), cell("C3", 2023), cell("D3", 95.5)),
            after=merges("A2:A3"),
        )
    }
)

CASES = [
    # ---- a CSV row shifted by an unquoted thousands separator
    Case(
        "csv-unquoted-thousands-separator",
        (*CHECK, "{dir}/a.csv", "--lang", "en"),
        {"a.csv": HEADER + "人均预期寿命,2023,78.5\n城镇新增就业人数,2023,1,234\n"},
        stderr='a.csv:3: the row has 4 cells but the header 3: quote a number written with a thousands separator ("1,234")',
    ),
    Case(
        "csv-trailing-empty-cells-are-fine",
        (*CHECK, "{dir}/a.csv"),
        {"a.csv": HEADER + "人均预期寿命,2023,78.5,,\n"},
        exit=(0, 1),
        check=actual_of("life_expectancy", 78.5),
    ),
    # ---- encodings
    Case(
        "encoding-named-in-capitals",
        (*CHECK, "{dir}/a.csv", "--encoding", "UTF-16LE"),
        {"a.csv": FIGURES.encode("utf-16-le")},
        exit=(0, 1),
        check=actual_of("life_expectancy", 78.5),
    ),
    Case(
        "utf-32-with-bom",
        (*CHECK, "{dir}/a.csv"),
        {"a.csv": FIGURES.encode("utf-32")},
        exit=(0, 1),
        check=actual_of("life_expectancy", 78.5),
    ),
    Case(
        "utf-8-bom-with-encoding-given",
        (*CHECK, "{dir}/a.csv", "--encoding", "utf-8"),
        {"a.csv": codecs.BOM_UTF8 + FIGURES.encode("utf-8")},
        exit=(0, 1),
        check=actual_of("life_expectancy", 78.5),
    ),
    Case(
        "mixed-utf8-and-gbk-names-the-line",
        ("check", "national", "{dir}/a.csv", "--lang", "en"),
        {"a.csv": MIXED},
        stderr="a.csv:3002: cannot decode as utf-8",
    ),
    Case(
        "encoding-that-is-not-a-text-encoding",
        ("check", "national", "{dir}/a.csv", "--encoding", "rot13", "--lang", "en"),
        {"a.csv": FIGURES},
        stderr="'rot13' is not a text encoding",
    ),
    Case(
        "utf-16-without-bom-given-as-utf-16",
        ("check", "national", "{dir}/a.csv", "--encoding", "utf-16", "--lang", "en"),
        {"a.csv": FIGURES.encode("utf-16-le")},
        stderr="cannot decode as utf-16",
    ),
    # ---- pipes and devices
    Case(
        "device-given-as-csv",
        ("check", "national", "/dev/zero", "--encoding", "utf-16-le", "--lang", "en"),
        stderr="/dev/zero: is a device or terminal, not a file",
        process=True,
    ),
    Case(
        "fifo-without-a-writer",
        ("check", "national", "{dir}/pipe.csv", "--lang", "en"),
        {"pipe.csv": fifo},
        stderr="pipe.csv:1: the file is empty",
        process=True,
    ),
    Case(
        "csv-from-a-pipe",
        (*CHECK, "/dev/stdin"),
        exit=(0, 1),
        stdin=FIGURES,
        process=True,
        check=actual_of("life_expectancy", 78.5),
    ),
    Case(
        "xlsx-from-a-device",
        ("check", "national", "{dir}/zero.xlsx", "--lang", "en"),
        {"zero.xlsx": symlink_to("/dev/zero")},
        stderr="is not a regular file",
        process=True,
    ),
    # ---- workbooks written by scripts, and cells Excel cannot hold
    Case(
        "xlsx-formula-without-saved-value",
        ("check", "national", "{dir}/a.xlsx", "--lang", "en"),
        {"a.xlsx": openpyxl_book([["指标", "年份", "数值"], ["人均预期寿命", 2023, "=77+1.5"]])},
        stderr="a.xlsx:2:3: formula =77+1.5 has no saved value; open and save the file in Excel",
    ),
    Case(
        "xlsx-formula-year-header-without-saved-value",
        ("check", "national", "{dir}/a.xlsx", "--lang", "en"),
        {"a.xlsx": openpyxl_book([["指标", 2022, "=B1+1"], ["人均预期寿命", 78, 78.5]])},
        stderr="a.xlsx:1:3: formula =B1+1 has no saved value",
    ),
    Case(
        "xlsx-region-merged-over-rows",
        (*CHECK, "{dir}/a.xlsx", "--region", "甲县", "--lang", "en"),
        {"a.xlsx": MERGED_REGION},
        exit=(0, 1),
        stderr="merged cells A2:A3: the value of A2 ('甲县') is read into each of rows 2–3",
        check=actual_of("compulsory_education_retention", 95.5, "甲县"),
    ),
    Case(
        "xlsx-merged-by-openpyxl",
        (*CHECK, "{dir}/a.xlsx", "--region", "甲县", "--lang", "en"),
        {
            "a.xlsx": openpyxl_book(
                [
                    ["地区", "指标", "年份", "数值"],
                    ["甲县", "人均预期寿命", 2023, 78.5],
                    [None, "九年义务教育巩固率", 2023, 95.5],
                ],
                merged=("A2:A3",),
            )
        },
        exit=(0, 1),
        stderr="merged cells A2:A3",
        check=actual_of("compulsory_education_retention", 95.5, "甲县"),
    ),
    Case(
        "xlsx-infinite-number",
        ("check", "national", "{dir}/a.xlsx", "--lang", "en"),
        {"a.xlsx": workbook({"d": long_sheet(("人均预期寿命", cell("C2", "inf", t="n")))})},
        stderr="a.xlsx:2:3: 'inf' is not a finite number",
    ),
    Case(
        "xlsx-not-a-number",
        ("check", "national", "{dir}/a.xlsx", "--lang", "en"),
        {"a.xlsx": workbook({"d": long_sheet(("人均预期寿命", cell("C2", "NaN", t="n")))})},
        stderr="a.xlsx:2:3: 'NaN' is not a finite number",
    ),
    Case(
        "xlsx-5000-digit-integer",
        ("check", "national", "{dir}/a.xlsx", "--lang", "en"),
        {"a.xlsx": workbook({"d": long_sheet(("人均预期寿命", cell("C2", "9" * 5000, t="n")))})},
        stderr="a.xlsx:2:3: number 99999999999999999999… (5,000 characters) is too large",
        check=one_error_line,
    ),
    Case(
        "xlsx-bad-shared-string-index",
        ("check", "national", "{dir}/a.xlsx", "--lang", "en"),
        {
            "a.xlsx": workbook(
                {"d": long_sheet(("人均预期寿命", cell("C2", 7, t="s")))}, strings=shared("78.5")
            )
        },
        stderr="a.xlsx:2:3: shared string '7' does not exist (the workbook has 1)",
    ),
    Case(
        "xlsx-impossible-date-serial",
        ("check", "national", "{dir}/a.xlsx", "--lang", "en"),
        {"a.xlsx": workbook({"d": long_sheet(("人均预期寿命", cell("C2", 1e10, s=1)))})},
        stderr="a.xlsx:2:3: 10000000000 is not a possible date",
    ),
    Case(
        "xlsx-impossible-iso-date",
        ("check", "national", "{dir}/a.xlsx", "--lang", "en"),
        {"a.xlsx": workbook({"d": long_sheet(("人均预期寿命", cell("C2", "2023-02-30", t="d")))})},
        stderr="a.xlsx:2:3: date '2023-02-30' is not a possible date",
    ),
    # ---- workbooks built to hang the reader or exhaust memory
    Case(
        "xlsx-claims-every-cell",
        (*CHECK, "{dir}/a.xlsx", "--lang", "en"),
        {"a.xlsx": CLAIMED_DIMENSION},
        exit=2,
        stderr="a.xlsx:1048576:1: the indicator cell is empty",
        process=True,
    ),
    Case(
        "xlsx-huge-row-numbers",
        (*CHECK, "{dir}/a.xlsx"),
        {"a.xlsx": HUGE_ROW_NUMBERS},
        exit=(0, 1),
        process=True,
        check=actual_of("life_expectancy", 78.5),
    ),
    Case(
        "xlsx-shared-strings-bomb",
        ("check", "national", "{dir}/a.xlsx", "--lang", "en"),
        {"a.xlsx": sst_bomb},
        stderr="part xl/sharedStrings.xml unzips to",
        process=True,
    ),
    Case(
        "xlsx-rows-bomb",
        ("check", "national", "{dir}/a.xlsx", "--lang", "en"),
        {"a.xlsx": rows_bomb},
        stderr="times its zipped size, like a zip bomb (limit PSPLAN_MAX_ZIP_RATIO=100); set PSPLAN_MAX_ZIP_RATIO to raise it",
        process=True,
    ),
]
