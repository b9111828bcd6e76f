"""A large data sheet's rows as the sheet's XML, spliced into the workbook XlsxWriter wrote.

XlsxWriter writes a cell through several Python calls (typing it, storing it, escaping each
attribute): some 6 µs a cell, and a country's county results are 3 to 6 million cells. Here a
cell is one f-string, with what XlsxWriter would write for it (its `_write_cell` in
constant-memory mode: an inline string with control characters as `_xHHHH_`, a number as
`%.16G`, a styled blank, a boolean), each row with the height `set_row` would give. The
cells' styles are XlsxWriter's formats (the index it gives each in the workbook's styles), and
everything else (header, widths, panes, filter, print setup, input messages) is XlsxWriter's.

The rows go to a file in the workbook's temporary folder as the sheet is laid out; once
XlsxWriter has written the workbook, `splice` copies them into each such sheet's
`<sheetData>`, after its header row, and sets its `<dimension>`. A test reads a workbook
written so beside one XlsxWriter wrote whole: every cell, style, height and setting the same
(tests/test_xlsx_rows.py).
"""

from __future__ import annotations

import functools
import re
import zipfile
from dataclasses import dataclass
from typing import TYPE_CHECKING

from psplan.formats.spool import Spool

if TYPE_CHECKING:
    from xlsxwriter.format import Format

#: Excel's most characters in a cell (XlsxWriter cuts a longer string so).
STRING_MAX = 32767
_ESCAPED_ESCAPE = re.compile("(_x[0-9a-fA-F]{4}_)")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f]")


#: What a string may hold that its XML must change: Excel's escapes, control characters,
#: XML's markup and two non-characters.
_NOT_AS_IS = re.compile(r"_x[0-9a-fA-F]{4}_|[\x00-\x08\x0b-\x1f&<>\ufffe\uffff]")


@functools.lru_cache(maxsize=8192)
def string_xml(text: str) -> str:
    """A string cell's XML after its reference and style: an inline string, as XlsxWriter
    writes one in constant-memory mode (and remembered: a county sheet repeats its words)."""
    text = text[:STRING_MAX]
    if _NOT_AS_IS.search(text):
        text = _ESCAPED_ESCAPE.sub(r"_x005F\1", text)
        text = _CONTROL.sub(lambda found: f"_x{ord(found.group()):04X}_", text)
        text = text.replace("\ufffe", "_xFFFE_").replace("\uffff", "_xFFFF_")
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    preserve = ' xml:space="preserve"' if text[:1].isspace() or text[-1:].isspace() else ""
    return f' t="inlineStr"><is><t{preserve}>{text}</t></is></c>'


def style(form: Format | None) -> str:
    """A cell's style attribute: the index XlsxWriter gives the format in the workbook's
    styles (`_get_xf_index`, as its own cell writer asks; the format then goes in the
    styles part), or none."""
    return f' s="{form._get_xf_index()}"' if form is not None else ""


def number_xml(number: float) -> str:
    return f"><v>{number:.16G}</v></c>"


def boolean_xml(value: bool) -> str:
    return f' t="b"><v>{int(value)}</v></c>'


class SheetRows:
    """The data rows of one sheet, written in order as XML."""

    def __init__(self, folder: str) -> None:
        self.spool = Spool(0, folder)  # in `folder`, removed with it (a signal)
        self.last_row = 0  # 1-based: the header's row until a data row is written

    def row(self, number: int, height: float | None, cells: list[str]) -> None:
        """Row `number` (1-based) of `cells` (each `<c r=…` through `</c>`), `height` points
        tall where it is not the default (`set_row`'s height); a row of neither is left
        out, as XlsxWriter leaves it out."""
        if height is None:
            if not cells:
                return
            opening = f'<row r="{number}">'
        else:
            opening = f'<row r="{number}" ht="{height:.16g}" customHeight="1">'
            if not cells:
                self.spool.write(opening[:-1] + "/>")
                self.last_row = number
                return
        self.spool.write(opening + "".join(cells) + "</row>")
        self.last_row = number

    def close(self) -> None:
        """Remove the rows' file (once they are spliced in, or on an error)."""
        self.spool.close()


@dataclass
class Spliced:
    """A sheet whose data rows are spliced in: its part's number (sheet1.xml …), its rows,
    and the last column of its table (1-based)."""

    number: int
    rows: SheetRows
    columns: int


def splice(workbook: bytes, sheets: list[Spliced]) -> bytes:
    """The workbook with each sheet's rows after its header row; every other part as it was
    (its name, date and order in the package)."""
    import io

    from xlsxwriter.utility import xl_rowcol_to_cell

    by_part = {f"xl/worksheets/sheet{sheet.number}.xml": sheet for sheet in sheets}
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(workbook)) as parts,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as spliced,
    ):
        for info in parts.infolist():
            data = parts.read(info)
            sheet = by_part.get(info.filename)
            if sheet is None:
                spliced.writestr(info, data, compress_type=info.compress_type)
                continue
            text = data.decode("utf-8")
            last = xl_rowcol_to_cell(max(sheet.rows.last_row, 1) - 1, sheet.columns - 1)
            text, found = re.subn(r'<dimension ref="[^"]*"/>', f'<dimension ref="A1:{last}"/>',
                                  text, count=1)  # fmt: skip
            before, end, after = text.partition("</sheetData>")
            if not found or not end:
                raise ValueError(f"{info.filename}: no dimension or sheet data to splice into")
            info.compress_type = zipfile.ZIP_DEFLATED
            with spliced.open(info, "w", force_zip64=True) as part:
                part.write(before.encode("utf-8"))
                for chunk in sheet.rows.spool.chunks():
                    part.write(chunk.encode("utf-8", "surrogatepass"))
                part.write((end + after).encode("utf-8"))
            sheet.rows.close()
    return out.getvalue()
