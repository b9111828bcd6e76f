"""HTML: any view as one self-contained page — the annual monitoring report, a plan, a matrix.

No network requests: CSS is inline, charts are inline SVG, fonts are the system's CJK fonts.
Prints on A4. Every string that came from a user's file is escaped, bidi and other control
characters shown as <U+XXXX> (`psplan.formats.escape.html_text`).

The page: the view's title and summary lines; the table keyed `counts` (a view's results by
status) as cards; each chart not tied to a table; then every table under its title, with the
chart of the same key (the progress by domain) above it; the view's notes last.

- A table: its group column (the domain) shown once per run, a line between runs; a `Status`
  as a coloured label; a bold `Text` bold; figures right-aligned; a row's notes on a line
  under it. Rows and cells carry what a program reads back: `data-table` on the table,
  `data-status` (the status code) on a row with a status column, `data-column` (the column's
  key) on each cell.
- A matrix (`Table.matrix`, region × indicator) is a heat map: the region names as row
  headers, the indicator names as (vertical) column headers, each cell coloured by its status,
  with the status in its `title` and its glyph in it (so it reads in black and white).
- A bar chart: a bar per item (`data-id`, `data-progress`, `data-share`), coloured by status,
  with a dashed mark at its own time share.
- At county scale a table of more than `ROWS_LIMIT` rows (every result of 2,900 counties) is
  not listed, and a chart of more bars is not drawn: a note says so and where the full table
  is (XLSX, CSV), and points to the heat map, which shows every region on the page.
"""

from __future__ import annotations

from psplan.formats.colours import NEUTRAL, SHARE, STATUS_COLOURS, STATUS_FILLS
from psplan.formats.escape import html_text as escape
from psplan.formats.table import more_than
from psplan.views.model import Bar, Cell, Chart, Paragraph, Section, Status, Table, Text, View
from psplan.views.numbers import Figure, percent
from psplan.words import say

#: The most rows a table lists and the most bars a chart draws on the page.
ROWS_LIMIT = 3000
#: The key of the table drawn as cards: a view's results by status.
CARDS = "counts"
#: How long a bar's label may be before it is cut with "…".
LABEL_CHARACTERS = 22

#: The heat map's class of each status: one letter, as a county-scale map has 185,600 cells.
HEAT_CLASSES = {
    "met": "m",
    "on_track": "o",
    "behind": "b",
    "not_met": "n",
    "no_data": "d",
    "needs_review": "r",
}

CSS = """
@page { size: A4 landscape; margin: 12mm 10mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei",
       "WenQuanYi Micro Hei", "Hiragino Sans GB", sans-serif; color: #222; margin: 0 auto;
       max-width: 277mm; font-size: 10.5pt; line-height: 1.5; padding: 0 4mm; }
h1 { font-size: 17pt; margin: 0.4em 0; } h2 { font-size: 13pt; border-bottom: 2px solid #1f4e79;
     padding-bottom: 2px; margin-top: 1.4em; }
.meta { color: #555; margin: 0.2em 0; }
table { border-collapse: collapse; width: 100%; margin: 0.4em 0 1em; font-size: 9pt; }
th, td { border: 1px solid #ccc; padding: 3px 5px; text-align: left; vertical-align: top; }
th { background: #1f4e79; color: #fff; white-space: nowrap; }
td { white-space: nowrap; } td.wide { white-space: normal; min-width: 7em; }
tr.note td { white-space: normal; }
tr { page-break-inside: avoid; }
tr.run td { border-top: 2px solid #777; }
td.num { text-align: right; white-space: nowrap; } td.right { text-align: right; }
tr.note td { border-top: none; color: #444; }
.status { color: #fff; padding: 1px 5px; border-radius: 3px; white-space: nowrap; }
.omitted, .empty { color: #555; font-style: italic; }
.omitted { border-left: 4px solid #ef6c00; padding: 4px 8px; background: #fff8e1; }
.cards { display: flex; flex-wrap: wrap; gap: 6px; }
.card { flex: 1 1 25mm; border: 1px solid #ddd; border-left-width: 5px; border-radius: 4px;
        padding: 4px 6px; }
.card b { font-size: 15pt; display: block; }
.wrap { overflow-x: auto; }
.heat-wrap { overflow: auto; max-height: 90vh; border: 1px solid #ccc; }
table.heat { width: auto; margin: 0; font-size: 8pt; }
.heat th, .heat td { padding: 1px 3px; border-color: #fff; }
.heat thead th { position: sticky; top: 0; z-index: 1; vertical-align: bottom; }
.heat thead th.v span { writing-mode: vertical-rl; white-space: nowrap; display: inline-block;
                        max-height: 14em; overflow: hidden; text-overflow: ellipsis; }
.heat tbody th { position: sticky; left: 0; background: #f5f5f5; color: #222;
                 font-weight: normal; white-space: nowrap; }
.heat td { text-align: center; min-width: 1.6em; color: #333; }
.legend { font-size: 9pt; color: #333; }
.legend i { display: inline-block; width: 1em; height: 1em; vertical-align: middle;
            margin: 0 3px 0 8px; border: 1px solid #ccc; }
svg text { font-family: inherit; }
@media print { h2 { page-break-after: avoid; } .chart { page-break-inside: avoid; }
               .wrap, .heat-wrap { overflow: visible; max-height: none; border: none; } }
"""


def render(view: View, *, color: bool = False, width: int | None = None) -> str:
    """The view as a page (`color` and `width` do not apply)."""
    lang = view.lang
    tables = {table.key for table in view.tables}
    charts = {chart.key: chart for chart in view.charts if chart.key in tables}
    matrix = next((table for table in view.tables if table.matrix), None)
    parts = [f"<h1>{escape(view.title)}</h1>"]
    parts += [f'<p class="meta">{escape(line)}</p>' for line in view.summary]
    if view.sections:  # a report in prose: its sections, each placing its tables
        parts += [_prose(section, view, lang, matrix) for section in view.sections]
        return _page(view, parts)
    cards = next((table for table in view.tables if table.key == CARDS), None)
    if cards is not None:
        parts.append(_section(cards.title, _cards(cards), CARDS))
    for chart in view.charts:
        if chart.key not in tables:
            parts.append(_section(chart.title, _chart(chart, lang, matrix), f"chart-{chart.key}"))
    for table in view.tables:
        if table is cards:
            continue
        body = []
        if table.key in charts:
            body.append(_chart(charts[table.key], lang, matrix))
        body.append(_table(table, lang, matrix))
        title = "" if table.title == view.title else table.title
        parts.append(_section(title, "".join(body), table.key))
    return _page(view, parts)


def _page(view: View, parts: list[str]) -> str:
    """The whole page: the parts, the view's notes as a footer."""
    if view.notes:
        parts.append(
            '<footer class="notes">'
            + "".join(f'<p class="meta">{escape(line)}</p>' for line in view.notes)
            + "</footer>"
        )
    html_lang = "zh-CN" if view.lang == "zh" else "en"
    return (
        f'<!DOCTYPE html>\n<html lang="{html_lang}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(view.title)}</title><style>{CSS}</style></head>"
        f"<body>{''.join(parts)}</body></html>\n"
    )


def _prose(section: Section, view: View, lang: str, matrix: Table | None) -> str:
    """A section of a report in prose: heading, paragraphs (bold labels in <strong>, a
    placeholder such as 【待填写】 in <mark>), the tables and charts it places."""
    tables = {table.key: table for table in view.tables}
    charts = {chart.key: chart for chart in view.charts}
    level = min(section.level + 1, 4)
    body = [f"<h{level}>{escape(section.title)}</h{level}>"]
    for paragraph in section.paragraphs:
        runs = paragraph.runs if isinstance(paragraph, Paragraph) else (paragraph,)
        body.append("<p>" + "".join(_run(run) for run in runs) + "</p>")
    inner = min(level + 1, 5)  # each chart and table under its own title
    for key in section.charts:
        if key in charts:
            heading = f"<h{inner}>{escape(charts[key].title)}</h{inner}>"
            body.append(_part(f"chart-{key}", heading + _chart(charts[key], lang, matrix)))
    for key in section.tables:
        if key in tables:
            heading = f"<h{inner}>{escape(tables[key].title)}</h{inner}>"
            body.append(_part(key, heading + _table(tables[key], lang, matrix)))
    return f'<section data-section="prose">{"".join(body)}</section>'


def _part(key: str, body: str) -> str:
    return f'<div data-part="{escape(key)}">{body}</div>'


def _run(run: object) -> str:
    if isinstance(run, Text) and run.style == "bold":
        return f"<strong>{escape(run.text)}</strong>"
    if isinstance(run, Text) and run.style == "placeholder":
        return f"<mark>{escape(run.text)}</mark>"
    return escape(str(run))


def _section(title: str, body: str, key: str) -> str:
    heading = f"<h2>{escape(title)}</h2>" if title else ""
    return f'<section data-section="{escape(key)}">{heading}{body}</section>'


def _omitted(words: str, matrix: Table | None, lang: str) -> str:
    if matrix is not None:
        words += say("html.see_matrix", lang, title=matrix.title)
    return f'<p class="omitted">{escape(words)}</p>'


# --------------------------------------------------------------------------------- cells


def _status(cell: Status) -> str:
    colour = STATUS_COLOURS.get(cell.code, NEUTRAL)
    return f'<span class="status" style="background:{colour}">{escape(cell.label)}</span>'


def _cell(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, Status):
        return _status(cell)
    if isinstance(cell, Text):
        text = escape(cell.text).replace("\n", "<br>")
        if cell.style == "bold":
            return f"<b>{text}</b>"
        return f'<span class="{escape(cell.style)}">{text}</span>' if cell.style else text
    if isinstance(cell, Figure):
        return escape(cell.shown)
    return escape(str(cell)).replace("\n", "<br>")


def _at(row: tuple[Cell, ...], index: int) -> Cell:
    return row[index] if index < len(row) else None


def _is_number(cell: Cell) -> bool:
    return isinstance(cell, Figure | int | float) and not isinstance(cell, bool)


# -------------------------------------------------------------------------------- tables


def _td_class(cell: Cell, wide: bool, figures: bool) -> str:
    """A figure, and text in a column of figures (>90%, 应保尽保), is right-aligned; a wide
    column's text wraps."""
    if _is_number(cell) or (figures and not wide and cell not in (None, "")):
        return ' class="num"'
    if figures and cell not in (None, ""):
        return ' class="wide right"'
    return ' class="wide"' if wide else ""


def _cards(table: Table) -> str:
    """Each row a card: its first cell (a status, coloured), the second large, the others
    small under their headers."""
    cards = []
    for row in table.rows:
        first = row[0] if row else None
        colour = STATUS_COLOURS.get(first.code, NEUTRAL) if isinstance(first, Status) else NEUTRAL
        code = f' data-status="{escape(first.code)}"' if isinstance(first, Status) else ""
        name = escape(first.label if isinstance(first, Status) else _plain(first))
        big = _cell(row[1]) if len(row) > 1 else ""
        small = " ".join(
            f"{escape(column.label)} {_cell(value)}"
            for column, value in zip(table.columns[2:], row[2:], strict=False)
        )
        cards.append(
            f'<div class="card" style="border-left-color:{colour}"{code}>{name}<b>{big}</b>'
            f"<small>{small}</small></div>"
        )
    return f'<div class="cards">{"".join(cards)}</div>'


def _plain(cell: Cell) -> str:
    return "" if cell is None else str(cell)


def _table(table: Table, lang: str, matrix: Table | None) -> str:
    if more_than(table.rows, ROWS_LIMIT):
        return _omitted(say("html.omitted", lang, rows=f"{ROWS_LIMIT:,}"), matrix, lang)
    if not table.rows:
        return f'<p class="empty">{escape(say("html.empty", lang))}</p>'
    if table.matrix:
        return _heat_map(table, lang)
    columns = table.columns
    group = next((i for i, c in enumerate(columns) if c.key == table.group), None)
    status = next(
        (
            i
            for i, c in enumerate(columns)
            if c.key == "status" and any(isinstance(_at(row, i), Status) for row in table.rows)
        ),
        None,
    )
    head = "".join(f'<th data-column="{escape(c.key)}">{escape(c.label)}</th>' for c in columns)
    keys = [
        (
            f'data-column="{escape(c.key)}"',
            c.wide,
            any(_is_number(_at(row, i)) for row in table.rows),
        )
        for i, c in enumerate(columns)
    ]
    body = []
    previous: object = object()
    for index, row in enumerate(table.rows):
        cells = list(row) + [None] * (len(columns) - len(row))
        classes = ""
        if group is not None:
            value = _plain(cells[group])
            if value == previous:
                cells[group] = None
            elif index:
                classes = ' class="run"'
            previous = value
        code = (
            cells[status].code if status is not None and isinstance(cells[status], Status) else ""
        )
        attributes = f' data-status="{escape(code)}"' if code else ""
        body.append(
            f"<tr{classes}{attributes}>"
            + "".join(
                f"<td {key}{_td_class(cell, wide, figures)}>{_cell(cell)}</td>"
                for (key, wide, figures), cell in zip(keys, cells, strict=False)
            )
            + "</tr>"
        )
        notes = table.notes.get(index)
        if notes:
            note = "<br>".join(escape(line) for line in notes)
            body.append(
                f'<tr class="note"><td colspan="{len(columns)}"><small>{note}</small></td></tr>'
            )
    return (
        f'<div class="wrap"><table data-table="{escape(table.key)}"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table></div>"
    )


def _heat_map(table: Table, lang: str) -> str:
    """Region names down, indicator names across, each cell its status's colour, glyph and
    (in its title) label. Compact: a county-scale map is 2,900 rows."""
    from psplan.formats.table import glyph, status_columns

    statuses = set(status_columns(table))
    names = [i for i in range(len(table.columns)) if i not in statuses]
    head = "".join(
        f'<th data-column="{escape(table.columns[i].key)}">{escape(table.columns[i].label)}</th>'
        for i in names
    ) + "".join(
        f'<th class="v" data-column="{escape(c.key)}" title="{escape(c.label)}">'
        f"<span>{escape(c.label)}</span></th>"
        for i, c in enumerate(table.columns)
        if i in statuses
    )
    shown: dict[tuple[str, str], str] = {}
    seen: dict[str, str] = {}

    def heat(cell: Cell) -> str:
        if not isinstance(cell, Status):
            return "<td>"
        key = (cell.code, cell.label)
        found = shown.get(key)
        if found is None:
            css = HEAT_CLASSES.get(cell.code, "x")
            mark = escape(glyph(cell, lang) or "")
            found = shown[key] = f'<td class={css} title="{escape(cell.label)}">{mark}'
            seen.setdefault(cell.code, cell.label)
        return found

    order = [i for i in range(len(table.columns)) if i in statuses]
    body = []
    for row in table.rows:
        cells = list(row) + [None] * (len(table.columns) - len(row))
        first, *rest = [f"<th>{_cell(cells[i])}</th>" for i in names] or ["<th></th>"]
        body.append("<tr>" + first + "".join(rest) + "".join(heat(cells[i]) for i in order))
    fills = "".join(
        f".heat td.{HEAT_CLASSES[code]}{{background:{colour}}}"
        for code, colour in STATUS_FILLS.items()
    )
    legend = "".join(
        f'<i style="background:{STATUS_FILLS.get(code, "#fff")}"></i>'
        f"{escape(glyph(Status(code, label), lang) or '')} {escape(label)}"
        for code, label in sorted(seen.items(), key=lambda item: _order(item[0]))
    )
    return (
        f"<style>{fills}</style>"
        f'<div class="heat-wrap"><table class="heat" data-table="{escape(table.key)}">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
        f'<p class="legend">{legend}</p>'
    )


def _order(code: str) -> int:
    """A status's place in a legend: the known ones in their order, then the others."""
    return list(STATUS_FILLS).index(code) if code in STATUS_FILLS else len(STATUS_FILLS)


# -------------------------------------------------------------------------------- charts


def _attr(value: float | None) -> str:
    return "" if value is None else f"{value:.6g}"


def _chart(chart: Chart, lang: str, matrix: Table | None) -> str:
    """Horizontal bars of progress toward target (to 120 %), each with its own time-share
    mark: the share it was judged against, which differs where baseline years differ."""
    if more_than(chart.bars, ROWS_LIMIT):
        return _omitted(say("html.bars_omitted", lang, bars=f"{ROWS_LIMIT:,}"), matrix, lang)
    bars = [bar for bar in chart.bars if bar.progress is not None]
    note = f'<p class="note">{escape(chart.note)}</p>' if chart.note else ""
    if not bars:
        return note
    label_width, bar_width, row_height = 260, 360, 18
    height = row_height * len(bars) + 30
    parts = [
        f'<svg class="chart" role="img" aria-label="{escape(chart.title)}" width="100%" '
        f'viewBox="0 0 {label_width + bar_width + 60} {height}" xmlns="http://www.w3.org/2000/svg">'
    ]
    shares: set[float] = set()
    for index, bar in enumerate(bars):
        parts.append(_bar(bar, 10 + index * row_height, label_width, bar_width))
        if bar.share is not None:
            shares.add(round(bar.share, 6))
    full = label_width + bar_width / 1.2
    parts.append(
        f'<line x1="{full:.1f}" y1="5" x2="{full:.1f}" y2="{height - 18}" stroke="#333" stroke-width="1"/>'
        f'<text x="{full:.1f}" y="{height - 6}" font-size="9" text-anchor="middle">100%</text>'
    )
    if shares:
        ordered = sorted(shares)
        if len(ordered) > 4:
            shown = f"{percent(ordered[0])}–{percent(ordered[-1])}"
        else:
            shown = "/".join(percent(value) for value in ordered)
        parts.append(
            f'<text x="{label_width}" y="{height - 6}" font-size="9" fill="{SHARE}">'
            f"┆ {escape(chart.line_label)} {shown}</text>"
        )
    parts.append("</svg>")
    return "".join(parts) + note


def _bar(bar: Bar, y: int, label_width: int, bar_width: int) -> str:
    progress = max(0.0, min(bar.progress or 0.0, 1.2))
    name = (
        bar.label if len(bar.label) <= LABEL_CHARACTERS else bar.label[: LABEL_CHARACTERS - 1] + "…"
    )
    colour = STATUS_COLOURS.get(bar.status, NEUTRAL)
    text = (
        f'<g data-id="{escape(bar.key)}" data-share="{_attr(bar.share)}" '
        f'data-progress="{_attr(bar.progress)}"><title>{escape(bar.label)}</title>'
        f'<text x="{label_width - 6}" y="{y + 12}" font-size="10" text-anchor="end">{escape(name)}</text>'
        f'<rect x="{label_width}" y="{y + 2}" width="{bar_width}" height="12" fill="#eee"/>'
        f'<rect x="{label_width}" y="{y + 2}" width="{bar_width * progress / 1.2:.1f}" height="12" fill="{colour}"/>'
        f'<text x="{label_width + bar_width + 4}" y="{y + 12}" font-size="9">{percent(bar.progress)}</text>'
    )
    if bar.share is not None:
        x = label_width + bar_width * min(max(bar.share, 0.0), 1.2) / 1.2
        text += (
            f'<line class="share" x1="{x:.1f}" y1="{y}" x2="{x:.1f}" y2="{y + 16}" '
            f'stroke="{SHARE}" stroke-dasharray="3 2" stroke-width="1.5"/>'
        )
    return text + "</g>"
