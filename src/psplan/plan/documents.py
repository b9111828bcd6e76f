"""The tables of a plan document, as rows of cell texts with where each row is.

`psplan import` reads a plan's main indicator table from what a commission has: a Word file
(python-docx), an Excel workbook (openpyxl), an HTML page saved from a government site (the
standard library's HTML parser), or the plain text a PDF converts to — like the five source
documents, whose tables come out in three shapes:

- a Markdown pipe table (`| 领域 | 指标名称 | 2020年 | …`), one row per line;
- a block per row, each cell on its own tab-indented line, blocks parted by a blank line (a
  cell left empty under a merged domain is a line with only the tab);
- a row per line, the cells parted by spaces: its last cells are the figures and the
  attribute, the rest is the name (a line with one word is a domain row).

A `DocTable` keeps each row's cells as printed and its place (the text's line, the sheet's
row, the n-th row of the n-th table), so every imported row points at its source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from psplan.errors import Location, PsplanError, plain


@dataclass
class DocTable:
    """One table: rows of cell texts, each row with where it is (`places[i]`: a line number,
    or a sheet row, or the row's number in a Word or HTML table)."""

    where: str  # "line", "row": what `places` count
    rows: list[list[str]] = field(default_factory=list)
    places: list[int] = field(default_factory=list)
    name: str = ""  # the sheet, or "表2" for the second table of a document
    #: in a text whose cells are lines of their own, each cell's line
    cell_lines: dict[int, list[int]] = field(default_factory=dict)

    def add(self, cells: list[str], place: int, lines: list[int] | None = None) -> None:
        if lines is not None:
            self.cell_lines[len(self.rows)] = lines
        self.rows.append([cell.strip() for cell in cells])
        self.places.append(place)


#: Suffixes `read_tables` reads.
SUFFIXES = (".docx", ".xlsx", ".html", ".htm", ".txt", ".md")


def read_tables(path: Path) -> list[DocTable]:
    """Every table of a document, by its suffix; PsplanError for one psplan cannot read."""
    name = str(path)
    if not path.is_file():
        raise PsplanError("file.not_found", Location(name))
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return _docx_tables(path)
    if suffix == ".xlsx":
        return _xlsx_tables(path)
    if suffix in (".html", ".htm"):
        return _html_tables(_page_text(path.read_bytes()))
    if suffix in (".txt", ".md"):
        return text_tables(path.read_text(encoding="utf-8", errors="replace").splitlines())
    raise PsplanError("import.unknown_suffix", Location(name), suffixes=plain(" ".join(SUFFIXES)))


_TITLE = re.compile(r"^[^。，；：:|\t]{2,40}规划(?:（[^）]*）)?$")


def document_title(path: Path) -> str | None:
    """The plan's title as the document prints it near its top — a short line ending in 规划
    (“十四五”公共服务规划, 滁州市“十四五”公共服务规划) — or None."""
    suffix = path.suffix.lower()
    lines: list[str] = []
    try:
        if suffix == ".docx":
            import docx

            lines = [p.text for p in docx.Document(str(path)).paragraphs[:40]]
        elif suffix in (".html", ".htm"):
            page = _page_text(path.read_bytes())
            found = re.search(r"<title>(.*?)</title>", page, re.IGNORECASE | re.DOTALL)
            lines = [found.group(1)] if found else []
        elif suffix in (".txt", ".md"):
            lines = path.read_text(encoding="utf-8", errors="replace").splitlines()[:40]
    except Exception:  # the tables are read (and refused) elsewhere; a title is a nicety
        return None
    for line in lines:
        text = "".join(_BOOKMARKS.sub("", line).split())
        if _TITLE.match(text):
            return text
    return None


def _docx_tables(path: Path) -> list[DocTable]:
    import docx

    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises many kinds for a file that is no .docx
        raise PsplanError(
            "import.unreadable", Location(str(path)), detail=plain(str(exc)[:200])
        ) from None
    from docx.text.paragraph import Paragraph

    tables = []
    grids = iter(document.tables)
    notes = _Footnotes()
    for element in document.element.body.iterchildren():
        if element.tag.endswith("}tbl"):
            grid = next(grids)
            table = DocTable("row", name=f"表{len(tables) + 1}")
            for index, row in enumerate(grid.rows, start=1):
                seen: list[object] = []
                cells = []
                for cell in row.cells:  # a merged cell comes back once per column it spans
                    if any(cell._tc is other for other in seen):
                        continue
                    seen.append(cell._tc)
                    cells.append(cell.text)
                table.add(cells, index)
            tables.append(table)
            notes.start(table)
        elif element.tag.endswith("}p"):
            notes.paragraph(Paragraph(element, document).text)
    return tables


class _Footnotes:
    """The paragraphs under a Word or HTML table that are its footnotes (注：1. 带*的为 2024
    年数据。 2. ［ ］内为五年累计数。), added to it as rows of one cell, which `draft_rows`
    reads as the table's footnotes; they were lost (a trial's finding)."""

    def __init__(self) -> None:
        self.table: DocTable | None = None
        self.taken = False

    def start(self, table: DocTable) -> None:
        self.table, self.taken = table, False

    def paragraph(self, text: str) -> None:
        text = " ".join(text.split())
        if self.table is None or not text:
            return
        if text.startswith("注") or (self.taken and re.match(r"^\d+[.．、]", text)):
            self.table.add([text], len(self.table.rows) + 1)
            self.taken = True
        else:
            self.table = None  # the text goes on: the table's notes have ended


def _xlsx_tables(path: Path) -> list[DocTable]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl, zipfile: any file that is no workbook
        raise PsplanError(
            "import.unreadable", Location(str(path)), detail=plain(str(exc)[:200])
        ) from None
    tables = []
    for sheet in book.worksheets:
        table = DocTable("row", name=sheet.title)
        for index, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            table.add([_cell_text(value) for value in row], index)
        tables.append(table)
    book.close()
    return tables


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class _Tables(HTMLParser):
    """The <table>s of a page: <tr> rows of <td>/<th> texts (a cell's rowspan is noted, so
    the rows under a merged domain cell get an empty cell in its place)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[DocTable] = []
        self.cell: list[str] | None = None
        self.row: list[str] | None = None
        self.spans: dict[int, int] = {}  # column → rows still covered by a rowspan above
        self.row_spans: list[tuple[int, int]] = []
        self.depth = 0  # tables open
        self.notes = _Footnotes()
        self.text: list[str] | None = None  # a paragraph's text outside the tables

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.tables.append(DocTable("row", name=f"表{len(self.tables) + 1}"))
            self.spans = {}
            self.depth += 1
        elif tag in ("p", "div") and not self.depth:
            self.text = []
        elif tag == "tr" and self.tables:
            self.row = []
        elif tag in ("td", "th") and self.row is not None:
            while self.spans.get(len(self.row), 0) > 0:  # under a merged cell
                self.spans[len(self.row)] -= 1
                self.row.append("")
            span = dict(attrs).get("rowspan") or "1"
            if span.isdigit() and int(span) > 1:
                self.spans[len(self.row)] = int(span) - 1
            self.cell = []
        elif tag == "br" and self.cell is not None:
            self.cell.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "table" and self.depth:
            self.depth -= 1
            if not self.depth:
                self.notes.start(self.tables[-1])
        elif tag in ("p", "div") and self.text is not None:
            self.notes.paragraph("".join(self.text))
            self.text = None
        if tag in ("td", "th") and self.cell is not None and self.row is not None:
            self.row.append(" ".join("".join(self.cell).split()))
            self.cell = None
        elif tag == "tr" and self.row is not None and self.tables:
            while self.spans.get(len(self.row), 0) > 0:
                self.spans[len(self.row)] -= 1
                self.row.append("")
            table = self.tables[-1]
            table.add(self.row, len(table.rows) + 1)
            self.row = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)
        elif self.text is not None:
            self.text.append(data)


_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_-]+)""", re.IGNORECASE)


def _page_text(data: bytes) -> str:
    """A saved page's text: in the charset its <meta> names (government sites often use
    GBK or GB2312, read as GB18030, their superset), else UTF-8, else GB18030."""
    named = _CHARSET.search(data[:4096])
    charset = named.group(1).decode("ascii").lower() if named else "utf-8"
    if charset in ("gbk", "gb2312", "gb18030", "x-gbk"):
        charset = "gb18030"
    try:
        return data.decode(charset)
    except (LookupError, UnicodeDecodeError):
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            return data.decode("gb18030", errors="replace")


def _html_tables(text: str) -> list[DocTable]:
    parser = _Tables()
    parser.feed(text)
    parser.close()
    return parser.tables


# ------------------------------------------------------------------------- plain text

_PIPE_RULE = re.compile(r"^\|?\s*:?-{2,}")
_BOOKMARKS = re.compile(r"\[bookmark:[^\]]*\]")


def text_tables(lines: list[str]) -> list[DocTable]:
    """The tables of a text a PDF or Word file was converted to, in the shapes the module
    names. Lines are numbered from 1, as `sed -n Np` shows them."""
    tables: list[DocTable] = []
    pipe = DocTable("line", name="pipe")
    blocks = DocTable("line", name="blocks")
    spaced = DocTable("line", name="spaced")
    block: list[str] = []
    block_lines: list[int] = []
    start = 0
    for number, raw in enumerate(lines, start=1):
        line = _BOOKMARKS.sub("", raw).replace("\u00a0", " ")
        # a cell's line: a space before its tab is noise, and a tab-only line is an empty
        # cell (kept); any other line loses its trailing spaces
        cell = line.lstrip(" ").startswith("\t")
        line = line.lstrip(" ") if cell else line.rstrip()
        if line.lstrip().startswith("|"):
            if not _PIPE_RULE.match(line.strip()):
                pipe.add(line.strip().strip("|").split("|"), number)
            continue
        if line.startswith("\t"):
            if not block:
                start = number
            block.append(line[1:])
            block_lines.append(number)
            continue
        if block and line.strip() and len(line.strip()) <= 8 and not re.search(r"\d", line):
            # a short line right under a cell, with no tab: the cell's end, which the
            # conversion put on a line of its own (安康: 约束性 / （预期性）)
            block[-1] += line.strip()
            continue
        if block:
            blocks.add(block, start, block_lines)
            block, block_lines = [], []
        if line.strip():
            spaced.add(line.split(), number)
            # a line of prose ends a table of pipes or blocks (a blank line does not: a
            # table broken by a page goes on)
            for table in (pipe, blocks):
                if table.rows:
                    tables.append(table)
            pipe = DocTable("line", name="pipe")
            blocks = DocTable("line", name="blocks")
    if block:
        blocks.add(block, start, block_lines)
    tables += [table for table in (pipe, blocks, spaced) if table.rows]
    return tables
