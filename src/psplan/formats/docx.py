"""Word (.docx): a view as a report laid out like a Chinese official document (GB/T 9704).

Written with python-docx, imported inside `render` so that `import psplan` stays fast.

- Page: A4, margins after GB/T 9704 (top 3.7 cm, bottom 3.5, left 2.8, right 2.6). The whole
  document is landscape (margins turned with the page) when any table it places has more than
  `PORTRAIT_MAX_COLUMNS` columns after the empty ones are left out: one orientation keeps the
  report free of the page breaks a landscape section per table would force.
- Styles: the title in 方正小标宋简体 二号 centred, headings 黑体 (level 1) and 楷体_GB2312
  (level 2) 三号, the body in 仿宋_GB2312 三号, tables in 仿宋_GB2312 小四 (五号 in a landscape
  table); Latin text and figures in Times New Roman. The East Asian font is set through
  ``w:eastAsia``; the fonts a Windows without the GB2312 fonts lacks are given a stand-in
  (`FALLBACKS`) in the document's font table (``w:altName``), which Word uses when the named
  font is not installed.
- Content: the title, the summary, then the view's sections (each its heading, its paragraphs
  — bold runs bold, a placeholder such as 【待填写】 red on yellow — then the tables and charts
  it places), or, without sections, every table under its title; then the view's notes.
- Tables: "Table Grid", the header row repeated on every page, columns empty in every row
  left out, a figure right-aligned, a status as its label, a repeated group value shown once
  per run, a row's notes in a last 备注 column. A chart is a picture (`chart_png`: bars of
  progress coloured by status, the time-share line) above the table of its bars (label,
  progress, time share), so its figures stay readable and searchable; without a font that has
  the Chinese characters it is the table alone.
- Text: nothing is escaped (Word is not markup) but control and invisible characters are
  shown as <U+XXXX> (`psplan.formats.escape.visible`); XML 1.0 could not hold most of them.
- Output is the same bytes for the same view: fixed core properties (created and modified
  2000-01-01) and fixed dates on the zip entries.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from psplan.formats import FIXED_DATE
from psplan.formats.escape import visible
from psplan.formats.table import is_number, kept_columns, more_than
from psplan.views.model import Cell, Chart, Paragraph, Section, Table, Text, View, shown
from psplan.words import say

#: A document lists no table of more rows (every result, or the region matrix, of a
#: country's 2,900 counties: hundreds of pages).
ROWS_LIMIT = 1000
#: Tables with more columns than this make the document landscape.
PORTRAIT_MAX_COLUMNS = 8
#: Margins in cm (top, bottom, left, right) of a portrait page, after GB/T 9704; a landscape
#: page turns them with the paper (the bound edge stays the same edge of the sheet).
MARGINS_CM = (3.7, 3.5, 2.8, 2.6)
#: The Latin font of every style (figures, codes, English words).
LATIN_FONT = "Times New Roman"
#: The East Asian font (a key of `psplan.words`: a CJK name is kept in the catalogue, the
#: same in both languages) and size (pt) of each role: 二号 22, 三号 16, 小四 12, 五号 10.5.
TITLE_FONT, TITLE_SIZE = "docx.font.title", 22.0  # 方正小标宋简体
HEADING_FONTS = {1: "docx.font.heading1", 2: "docx.font.heading2"}  # 黑体, 楷体_GB2312
HEADING_SIZE = 16.0
BODY_FONT, BODY_SIZE = "docx.font.body", 16.0  # 仿宋_GB2312
TABLE_FONT, TABLE_SIZE, WIDE_TABLE_SIZE = "docx.font.body", 12.0, 10.5
NOTE_SIZE = 12.0
#: The font Word shows instead when a font is not installed (written to the document's font
#: table as ``w:altName``), by the font's key: 方正小标宋简体 is a commercial font, the
#: GB2312 ones are missing from recent Windows and from every Mac; SimSun (宋体), SimHei
#: (黑体), KaiTi (楷体) and FangSong (仿宋) come with Windows and WPS.
FALLBACKS = {
    "docx.font.title": "SimSun",
    "docx.font.heading1": "SimHei",
    "docx.font.heading2": "KaiTi",
    "docx.font.body": "FangSong",
}
#: The names of the styles added to the template.
TABLE_STYLE = "Table Text"
#: Its style id, set on each cell's paragraph directly: python-docx's `paragraph.style = name`
#: looks the name up among all styles every time (4 of the 4.5 s of a 64-indicator report).
TABLE_STYLE_ID = "TableText"
NOTE_STYLE = "Note Text"


def render(view: View, *, color: bool = False, width: int | None = None) -> bytes:
    """`view` as the bytes of a .docx file."""
    from docx import Document

    document = Document()
    placed = _placed_tables(view)
    landscape = any(
        len(kept_columns(table)) > PORTRAIT_MAX_COLUMNS
        for table in placed
        if not more_than(table.rows, ROWS_LIMIT)  # not written: it makes no page wide
    )
    _page(document, landscape)
    _styles(document)
    _font_table(document)

    document.add_paragraph(_line(view.title), style="Title")
    for line in view.summary:
        document.add_paragraph(visible(line), style="Normal")

    tables = {table.key: table for table in view.tables}
    charts = {chart.key: chart for chart in view.charts}
    if view.sections:
        for section in view.sections:
            _section(document, view, section, tables, charts, landscape)
    else:
        for table in view.tables:
            _table(document, view, table, landscape)

    for line in view.notes:
        document.add_paragraph(visible(line), style=NOTE_STYLE)

    props = document.core_properties
    props.title = _line(view.title)
    props.author = "psplan"
    props.last_modified_by = "psplan"
    props.comments = ""
    props.revision = 1
    props.created = FIXED_DATE.replace(tzinfo=None)
    props.modified = FIXED_DATE.replace(tzinfo=None)
    props.last_printed = FIXED_DATE.replace(tzinfo=None)

    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_zip(buffer.getvalue())


# ----------------------------------------------------------------------------------- layout


def _placed_tables(view: View) -> list[Table]:
    if not view.sections:
        return list(view.tables)
    keys = [key for section in view.sections for key in section.tables]
    return [table for table in view.tables if table.key in keys]


def _page(document: Any, landscape: bool) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm

    top, bottom, left, right = MARGINS_CM
    section = document.sections[0]
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Cm(29.7), Cm(21.0)
        # turned a quarter clockwise: the portrait left edge is now at the top
        top, right, bottom, left = left, top, right, bottom
    else:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(top), Cm(bottom)
    section.left_margin, section.right_margin = Cm(left), Cm(right)


def _set_font(style_or_run: Any, east_asia: str, size: float, *, bold: bool = False) -> None:
    """The Latin and East Asian font (`east_asia`: its key in `psplan.words`), size and
    weight of a style or a run, black, with the template's theme fonts (which would win over
    a named font) removed."""
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    font = style_or_run.font
    font.name = LATIN_FONT
    font.size = Pt(size)
    font.bold = bold
    font.italic = False
    font.color.rgb = RGBColor(0, 0, 0)
    rfonts = style_or_run.element.get_or_add_rPr().get_or_add_rFonts()
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(theme), None)
    rfonts.set(qn("w:ascii"), LATIN_FONT)
    rfonts.set(qn("w:hAnsi"), LATIN_FONT)
    rfonts.set(qn("w:eastAsia"), say(east_asia, "zh"))


def _styles(document: Any) -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.shared import Pt

    styles = document.styles
    normal = styles["Normal"]
    _set_font(normal, BODY_FONT, BODY_SIZE)
    fmt = normal.paragraph_format
    fmt.first_line_indent = Pt(BODY_SIZE * 2)  # two characters
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(28)  # 22 lines a page, as GB/T 9704 asks
    fmt.space_before = fmt.space_after = Pt(0)

    title = styles["Title"]
    _set_font(title, TITLE_FONT, TITLE_SIZE)
    _no_border(title)
    fmt = title.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fmt.first_line_indent = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    fmt.space_before, fmt.space_after = Pt(0), Pt(BODY_SIZE)

    for level, font in HEADING_FONTS.items():
        heading = styles[f"Heading {level}"]
        _set_font(heading, font, HEADING_SIZE)
        fmt = heading.paragraph_format
        fmt.first_line_indent = Pt(BODY_SIZE * 2)
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(28)
        fmt.space_before, fmt.space_after = Pt(6), Pt(0)
        fmt.keep_with_next = True

    table_text = styles.add_style(TABLE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    assert table_text.style_id == TABLE_STYLE_ID
    table_text.base_style = normal
    _set_font(table_text, TABLE_FONT, TABLE_SIZE)
    fmt = table_text.paragraph_format
    fmt.first_line_indent = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE

    note = styles.add_style(NOTE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    note.base_style = normal
    _set_font(note, BODY_FONT, NOTE_SIZE)
    fmt = note.paragraph_format
    fmt.first_line_indent = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    fmt.space_before = Pt(3)


def _no_border(style: Any) -> None:
    """Drop the rule under the template's Title."""
    from docx.oxml.ns import qn

    ppr = style.element.pPr
    if ppr is not None:
        for border in ppr.findall(qn("w:pBdr")):
            ppr.remove(border)


def _font_table(document: Any) -> None:
    """Each font of `FALLBACKS` named in the font table with its stand-in (``w:altName``)."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml.ns import qn
    from lxml import etree

    try:
        part = document.part.part_related_by(RT.FONT_TABLE)
        root = etree.fromstring(part.blob)
    except (KeyError, ValueError, etree.XMLSyntaxError):
        return  # a template without a font table: Word substitutes on its own
    known = {font.get(qn("w:name")) for font in root.findall(qn("w:font"))}
    for key, fallback in FALLBACKS.items():
        name = say(key, "zh")
        if name in known:
            continue
        font = etree.SubElement(root, qn("w:font"))
        font.set(qn("w:name"), name)
        etree.SubElement(font, qn("w:altName")).set(qn("w:val"), fallback)
        etree.SubElement(font, qn("w:charset")).set(qn("w:val"), "86")  # GB2312
        etree.SubElement(font, qn("w:family")).set(qn("w:val"), "auto")
        etree.SubElement(font, qn("w:pitch")).set(qn("w:val"), "variable")
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _fixed_zip(data: bytes) -> bytes:
    """The same archive with every entry dated `FIXED_DATE` (python-docx dates them now)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_DATE.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


# ---------------------------------------------------------------------------------- content


def _line(text: str) -> str:
    return visible(text).replace("\n", " ").replace("\t", " ")


def _heading(document: Any, text: str, level: int) -> None:
    document.add_paragraph(_line(text), style=f"Heading {min(max(level, 1), 2)}")


def _section(
    document: Any,
    view: View,
    section: Section,
    tables: dict[str, Table],
    charts: dict[str, Chart],
    landscape: bool,
) -> None:
    _heading(document, section.title, section.level)
    for paragraph in section.paragraphs:
        _paragraph(document, paragraph)
    for key in section.tables:
        if key in tables:
            _table(document, view, tables[key], landscape)
    for key in section.charts:
        if key in charts:  # (its bars listed already where the section has its table)
            _chart(document, view, charts[key], landscape, listed=key in section.tables)


def _paragraph(document: Any, paragraph: Paragraph | str) -> None:
    from docx.enum.text import WD_COLOR_INDEX
    from docx.shared import RGBColor

    runs = paragraph.runs if isinstance(paragraph, Paragraph) else (paragraph,)
    target = document.add_paragraph(style="Normal")
    for run in runs:
        text = visible(str(run))
        added = target.add_run(text)
        style = run.style if isinstance(run, Text) else None
        if style == "bold":
            added.bold = True
        elif style == "placeholder":
            added.font.highlight_color = WD_COLOR_INDEX.YELLOW
            added.font.color.rgb = RGBColor(0xC0, 0, 0)


def _said_instead(document: Any, view: View, items: Any) -> bool:
    """For a table (or a chart's bars) with nothing to list, or too many (a country's
    counties: the workbook holds them), the line that says so instead; False otherwise."""
    if not items:
        words = say("format.none", view.lang)
    elif more_than(items, ROWS_LIMIT):
        words = say("docx.omitted", view.lang, rows=f"{ROWS_LIMIT:,}")
    else:
        return False
    document.add_paragraph(words, style="Normal")
    return True


def _table(document: Any, view: View, table: Table, landscape: bool) -> None:
    """A table under its title (a heading: level 1 alone, level 2 in a section)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    if table.title:
        _heading(document, table.title, 2 if view.sections else 1)
    if _said_instead(document, view, table.rows):
        return
    kept = kept_columns(table)
    noted = table.noted or bool(table.notes)
    headers = [table.columns[i].label for i in kept]
    if noted:
        headers.append(say("format.notes", view.lang))
    size = WIDE_TABLE_SIZE if len(headers) > PORTRAIT_MAX_COLUMNS else TABLE_SIZE
    group = table.column(table.group) if table.group else None
    body: list[list[tuple[str, bool, bool]]] = []  # (text, bold, right-aligned)
    previous: str | None = None
    for index, row in enumerate(table.rows):
        cells = []
        for column in kept:
            cell: Cell = row[column] if column < len(row) else None
            text = visible(shown(cell))
            if column == group:
                text, previous = ("" if text == previous else text), text
            bold = isinstance(cell, Text) and cell.style == "bold"
            right = is_number(cell)
            cells.append((text, bold, right))
        if noted:
            cells.append(("\n".join(visible(n) for n in table.notes.get(index, [])), False, False))
        body.append(cells)
    grid = _grid(document, headers, size)
    for cells in body:
        row_cells = _new_row(grid)
        for target, (text, bold, right) in zip(row_cells, cells, strict=True):
            _fill(target, text, size, bold=bold)
            if right:
                for p in target.paragraphs:
                    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    wide = [table.columns[i].wide for i in kept] + ([True] if noted else [])
    _widths(document, grid, headers, body, wide, size)


def _widths(
    document: Any, grid: Any, headers: list[str], body: list[list[tuple[str, bool, bool]]],
    wide: list[bool], size: float,
) -> None:  # fmt: skip
    """Columns as wide as what they hold: a figure, a year or a status gets what its longest
    line needs (up to 12 half-width cells), and the names share the rest of the text width in
    proportion to theirs (up to 24). Word otherwise gives every column the same width, and an
    indicator's name wraps every four characters. Where the columns need more than the
    width, each keeps a least width (two characters, four for a name) and shares the rest
    in proportion to what it needs beyond it: the names took what the figures left, and a
    report's annex of twenty columns had them 0.1–0.3 cm wide, narrower than one character
    (a trial)."""
    from docx.shared import Pt
    from rich.cells import cell_len

    section = document.sections[-1]
    room = section.page_width - section.left_margin - section.right_margin
    margins = Pt(11)  # a cell's own left and right margins
    half = Pt(size * 0.55)  # a half-width cell at this size (a Chinese character is two)
    longest = []
    for index, header in enumerate(headers):
        texts = [header, *(row[index][0] for row in body)]
        longest.append(max(cell_len(line) for text in texts for line in text.split("\n")))
    needs = [margins + half * max(2, min(n, 24 if wide[i] else 12)) for i, n in enumerate(longest)]
    least = [margins + half * max(2, min(n, 8 if wide[i] else 4)) for i, n in enumerate(longest)]
    narrow = sum(need for need, is_wide in zip(needs, wide, strict=True) if not is_wide)
    names = sum(need for need, is_wide in zip(needs, wide, strict=True) if is_wide)
    if narrow + names <= room and names:  # the names share what the figures leave
        widths = [need if not is_wide else (room - narrow) * need / names
                  for need, is_wide in zip(needs, wide, strict=True)]  # fmt: skip
    elif narrow + names <= room:  # nothing to stretch: everything in proportion
        widths = [room * need / (narrow + names) for need in needs]
    elif sum(least) < room:  # too much to fit: each its least, the rest as it needs more
        spare, beyond = room - sum(least), narrow + names - sum(least)
        widths = [low + spare * (need - low) / beyond
                  for need, low in zip(needs, least, strict=True)]  # fmt: skip
    else:  # not even the least fits: in proportion to it
        widths = [room * low / sum(least) for low in least]
    grid.autofit = False
    for index, width in enumerate(widths):
        grid.columns[index].width = int(width)  # the grid LibreOffice reads; the cells Word does
    # each cell's width, row by row on the XML (python-docx's `column.cells` walks the whole
    # table for every column)
    for tr in grid._tbl.tr_lst:
        for tc, width in zip(tr.tc_lst, widths, strict=False):
            tc.width = int(width)


def _chart(document: Any, view: View, chart: Chart, landscape: bool, listed: bool = False) -> None:
    """A chart as a picture (`chart_png`, where a font with the Chinese characters is
    installed) above the table of its bars: label, progress, time share (unless `listed`:
    a table of the same key, with its counts, is in the section); then its note."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    from psplan.formats.chart_png import progress_png

    headers = [
        say("docx.chart.label", view.lang),
        chart.value_label or say("docx.chart.progress", view.lang),
        chart.line_label or say("docx.chart.share", view.lang),
    ]
    picture = progress_png(chart, headers[1], headers[2]) if chart.bars else None
    if listed and picture is None and not chart.note:
        return  # (nothing to add to the table of the same key)
    _heading(document, chart.title, 2)
    if _said_instead(document, view, chart.bars):
        return
    if picture is not None:
        document.add_picture(io.BytesIO(picture), width=Cm(16.0))
        holder = document.paragraphs[-1]
        holder.alignment = WD_ALIGN_PARAGRAPH.CENTER
        # the body's exact line spacing (GB/T 9704's fixed 28 pt) would clip the picture to
        # one line: its paragraph is single-spaced and not indented
        holder.paragraph_format.line_spacing = 1.0
        holder.paragraph_format.first_line_indent = Cm(0)
    if not listed:
        grid = _grid(document, headers, TABLE_SIZE)
        for bar in chart.bars:
            cells = _new_row(grid)
            _fill(cells[0], visible(bar.label), TABLE_SIZE)
            for target, value in zip(cells[1:], (bar.progress, bar.share), strict=True):
                _fill(target, "" if value is None else f"{value:.1%}", TABLE_SIZE)
                target.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if chart.note:
        document.add_paragraph(visible(chart.note), style="Normal")


def _grid(document: Any, headers: list[str], size: float) -> Any:
    """A "Table Grid" table with its header row, repeated on every page."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    grid = document.add_table(rows=1, cols=len(headers))
    grid.style = document.styles["Table Grid"]
    header = grid.rows[0]
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    header._tr.get_or_add_trPr().append(repeat)
    for target, text in zip(header.cells, headers, strict=True):
        _fill(target, _line(text), size, bold=True)
        target.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    return grid


def _new_row(grid: Any) -> list[Any]:
    """A new last row's cells (python-docx's `row.cells` walks the whole table each time,
    which makes a long table quadratic)."""
    from docx.table import _Cell

    row = grid.add_row()
    return [_Cell(tc, grid) for tc in row._tr.tc_lst]


def _fill(cell: Any, text: str, size: float, *, bold: bool = False) -> None:
    """A cell's text, a paragraph per line, in the table style."""
    from docx.shared import Pt

    lines = text.split("\n")
    first = cell.paragraphs[0]
    for index, line in enumerate(lines):
        paragraph = first if index == 0 else cell.add_paragraph()
        paragraph._p.style = TABLE_STYLE_ID
        if line:
            run = paragraph.add_run(line)
            if bold:
                run.bold = True
            if size != TABLE_SIZE:
                run.font.size = Pt(size)
