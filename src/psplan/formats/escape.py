"""Every user text escaped for the output it goes to: one module, one rule per format.

Text from users' files — plan, domain, indicator and region names, targets, notes, the
departments' remarks, file names — reaches terminals, markdown, HTML, CSV, Excel and JSON.

One rule is shared by every format: control characters and invisible format characters are
shown, never passed through. ESC starts ANSI colour and OSC 8 hyperlink sequences, CR and
BS overwrite what was printed, U+202E RIGHT-TO-LEFT OVERRIDE and the other bidi controls
reorder what is read (a "Trojan Source" name), zero-width characters make two different names
look the same, lone surrogates cannot even be encoded. Each is shown as `<U+202E>`; tab and
line breaks are kept where the format can hold them. JSON is the exception: it escapes the
same characters as `\\u202e`, which reads back to the very same string (lossless).

On top of that rule, each format's own syntax:

- terminal (rich): cells and titles are rich `Text`, never parsed as markup (`[bold]`, `[/x]`);
- markdown: `\\`, `|` and `<` escaped, line breaks become `<br>` (no fake row or column);
- HTML: `& < > " '` escaped;
- CSV: text Excel would run as a formula (= + - @ TAB CR first) gets a leading apostrophe —
  numbers and lone dashes are data and stay as they are; a lone CR becomes LF (a quoted cell
  holds line breaks);
- XLSX: text starting with `=` is stored as a string (see `psplan.formats.xlsx`), characters
  XML 1.0 cannot hold are shown like the others, text longer than a cell holds is cut.
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

#: Characters no format shows as they are: C0 controls but TAB and LF, DEL, C1 controls, bidi
#: controls (ALM, LRM, RLM, LRE…RLO, LRI…PDI), zero-width space, word joiner and invisible
#: operators, BOM, interlinear annotations, tag characters, and lone surrogates.
_UNSAFE = (
    "\x00-\x08\x0b-\x1f\x7f-\x9f"
    "\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069"
    "\ufeff\ufff9-\ufffb\ud800-\udfff\U000e0000-\U000e007f"
)
_UNSAFE_RE = re.compile(f"[{_UNSAFE}]")
#: The same plus every line break: for text that must stay on one line.
_UNSAFE_LINE_RE = re.compile(f"[{_UNSAFE}\t\n\u2028\u2029]")
_LINE_BREAK_RE = re.compile("\r\n|[\n\r\u0085\u2028\u2029]")


def _mark(match: re.Match[str]) -> str:
    return f"<U+{ord(match.group()):04X}>"


def visible(text: str) -> str:
    """Control and invisible characters shown as <U+XXXX>; TAB and LF stay (a CRLF is read
    as LF); every other character as it is."""
    if text.isprintable():  # the common case, checked in C: nothing to show
        return text
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    return _UNSAFE_RE.sub(_mark, text)


def one_line(text: str) -> str:
    """`visible`, and line breaks and tabs shown too: for an error or warning line."""
    return text if text.isprintable() else _UNSAFE_LINE_RE.sub(_mark, text)


def flat(text: str) -> str:
    """`visible` on one line: line breaks and tabs become spaces (for titles and list items)."""
    return visible(_LINE_BREAK_RE.sub(" ", text).replace("\t", " "))


# ------------------------------------------------------------------------------- terminal


def terminal(text: object) -> Any:
    """A rich `Text`: printed as it reads, with no markup, emoji codes or control sequences."""
    from rich.text import Text

    return Text(visible("" if text is None else str(text)))


# ------------------------------------------------------------------------------- markdown


#: Where raw HTML starts in markdown (CommonMark: a tag name, `</`, `<!`, `<?`): a `<` before
#: anything else reads as itself (`<9`, a target the plan prints, was written `&lt;9`).
_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")


def _markdown_syntax(text: str) -> str:
    return _TAG_START.sub("&lt;", text.replace("\\", "\\\\").replace("|", "\\|"))


def markdown_cell(cell: object) -> str:
    """A GitHub table cell: one cell, one row, whatever the text holds."""
    text = "" if cell is None else str(cell)
    if text.isprintable() and "\\" not in text and "|" not in text and "<" not in text:
        return text  # the common cell, checked in C: no line break, nothing to escape or show
    return "<br>".join(visible(_markdown_syntax(line)) for line in _LINE_BREAK_RE.split(text))


def markdown_line(text: str) -> str:
    """A heading or list item: one line, no raw HTML."""
    return flat(_TAG_START.sub("&lt;", text))


# ------------------------------------------------------------------------------------ HTML


def html_text(text: object) -> str:
    """Text or an attribute value in HTML (quotes escaped too)."""
    return html.escape(visible("" if text is None else str(text)))


# ------------------------------------------------------------------------------------- CSV

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: Text that reads as a number (−10%, +3.5, -1,234) or a lone dash: data, never a formula.
_NOT_A_FORMULA = re.compile(r"[+-]?(?:\d[\d,]*(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?[%‰]?|[-+]+")


def csv_cell(cell: object) -> object:
    """A CSV cell: text Excel would run as a formula (=, +, -, @, TAB, CR first) prefixed with
    an apostrophe, and control characters shown. Numbers stay numbers: only text cells are
    touched, so -3.5 as a number is not altered, and the text "-3.5" or "-" is data too."""
    if not isinstance(cell, str):
        return cell
    if is_formula_text(cell):
        cell = "'" + cell
    if cell.isprintable():
        return cell
    if "\r" in cell:  # CR alone would start a new record in some readers; CRLF is one break
        cell = cell.replace("\r\n", "\n").replace("\r", "\n")
    return _UNSAFE_RE.sub(_mark, cell)


# ------------------------------------------------------------------------------------ XLSX

#: The most characters an Excel cell holds.
XLSX_CELL_LIMIT = 32_767


def xlsx_text(text: str) -> str:
    """A string cell: control characters shown (XML 1.0 cannot hold most of them, and openpyxl
    refuses them), cut at the length a cell holds with how much is left out, `…[+7,245]` (a
    list of thousands of lagging counties lost its tail behind a bare "…"; the CSV and the
    JSON hold it whole)."""
    text = visible(text)
    if len(text) > XLSX_CELL_LIMIT:
        marker = "…"
        for _ in range(3):  # (the count's own digits take room: settled in two steps)
            marker = f"…[+{len(text) - (XLSX_CELL_LIMIT - len(marker)):,}]"
        text = text[: XLSX_CELL_LIMIT - len(marker)] + marker
    return text


def is_formula_text(value: object) -> bool:
    """Text Excel would take for a formula were it typed in (=1+1, +1+1, -A1, @SUM(A1), or a
    TAB or CR first): a CSV cell of it is prefixed with an apostrophe (`csv_cell`), an XLSX
    one quote-prefixed (it stays text when someone edits it). A number written as text,
    -3.5 or +10%, and a lone dash are data."""
    return (
        isinstance(value, str)
        and value.startswith(_FORMULA_STARTS)
        and not _NOT_A_FORMULA.fullmatch(value)
    )


# ------------------------------------------------------------------------------------ JSON

_JSON_UNSAFE_RE = re.compile(f"[{_UNSAFE}\u2028\u2029]")  # json.dumps already escapes C0


def _json_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code > 0xFFFF:
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


#: The compact encoder, made once: a streamed report encodes each of its results apart.
_COMPACT = json.JSONEncoder(ensure_ascii=False)


def to_json(data: Any, *, indent: int | None = 2) -> str:
    """JSON as people read it (UTF-8, CJK as itself), with every control, invisible and
    unencodable character escaped as \\uXXXX: the same data when parsed, safe when printed."""
    if indent is None:
        text = _COMPACT.encode(data)
    else:
        text = json.dumps(data, ensure_ascii=False, indent=indent)
    if text.isprintable():  # compact JSON of plain text: 5× faster to check than to search
        return text
    return _JSON_UNSAFE_RE.sub(_json_escape, text)
