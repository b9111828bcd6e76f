"""`--help` in the command's language: Chinese by default, as every other word psplan shows.

click lays a help page out in English and measures text by characters, so a Chinese line of
60 characters (120 columns) overruns an 80-column terminal. In Chinese, a page is laid out by
`ChineseHelp`, a click formatter that takes each help text's Chinese from the catalogue
(`psplan.words.help`), says click's and typer's own words (用法, 选项, 默认…) from the `cli`
section, and wraps by display width (a Chinese character is two columns). In English, click's
own formatter is used unchanged. Only a help page imports this module.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Any

from psplan.words import say
from psplan.words.help import HELP

#: click's and typer's headings, and the catalogue's key for each
_HEADINGS = {
    "Arguments": "cli.help.arguments",
    "Options": "cli.help.options",
    "Commands": "cli.help.commands",
}
#: typer's notes after an option's help: "  [env var: PSPLAN_LANG; default: zh]"
_EXTRAS = re.compile(r"\s+\[(?P<notes>[^\[\]]*)\]$")
_NOTES = (
    (re.compile(r"^default: (?P<value>.*)$"), "cli.help.default"),
    (re.compile(r"^env var: (?P<value>.*)$"), "cli.help.env_var"),
    (re.compile(r"^required$"), "cli.help.required"),
)


def chinese(text: str) -> str:
    """A help text's Chinese, or the text itself where the catalogue has none (a test keeps
    the catalogue whole)."""
    return HELP.get(_key(text), text)


def short_help(text: str, limit: int) -> str:
    """A command's line in `psplan --help`: its Chinese help's first sentence, cut to `limit`
    columns with an ellipsis."""
    first = re.split(r"(?<=[。；])", chinese(text).strip(), maxsplit=1)[0].rstrip("。；")
    if cells(first) <= limit:
        return first
    kept = ""
    for char in first:
        if cells(kept + char) > limit - 1:
            break
        kept += char
    # at the end of a clause where one ends far enough in and outside brackets (before a
    # bracket, after a comma or a colon): not 按章节分组显示规… in the middle of a bracket
    ends = [at for at, char in enumerate(kept)
            if (char == "（" or kept[at - 1 : at] in ("，", "：", "、"))
            and kept[:at].count("（") == kept[:at].count("）")]  # fmt: skip
    if ends and cells(kept[: ends[-1]]) >= limit // 3:
        kept = kept[: ends[-1]].rstrip("，：、")
    return kept + "…"


def cells(text: str) -> int:
    """Columns a text takes in a terminal (two for a wide character: rich's count)."""
    from rich.cells import cell_len

    return cell_len(text)


def wrap(text: str, width: int) -> list[str]:
    """One paragraph in lines of at most `width` columns, as a terminal table's cells are
    wrapped (`formats.table.wrap`: a Latin word or a number never broken, no line starting
    with a closing mark or ending with an opening one), its line breaks made spaces."""
    from psplan.formats.table import wrap as wrap_cells

    return [line for line in wrap_cells(" ".join(text.split()), width) if line]


def _key(text: str) -> str:
    """A help text as the catalogue keys it: its words, whitespace made single spaces (click
    hands a command's help over as `inspect.cleandoc` left it)."""
    return " ".join(text.split())


@cache
def chinese_help_class(base: type) -> type:
    """A click help formatter (`base`: click's, or typer's copy of it) laying a page out in
    Chinese."""

    class ChineseHelp(base):  # type: ignore[misc, valid-type]
        def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
            super().write_usage(prog, args, say("cli.help.usage", "zh"))

        def write_heading(self, heading: str) -> None:
            key = _HEADINGS.get(heading)
            said = say(key, "zh") if key else heading
            self.write(f"{'':>{self.current_indent}}{said}：\n")

        def write_text(self, text: str) -> None:
            indent = " " * self.current_indent
            width = max(self.width - self.current_indent, 20)
            paragraphs = _paragraphs(chinese(text))
            self.write("\n\n".join("\n".join(indent + line for line in lines)
                                   for lines in (_laid(p, width) for p in paragraphs)))  # fmt: skip
            self.write("\n")

        def write_dl(
            self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
        ) -> None:
            rows = list(rows)
            first_width = min(max((cells(first) for first, _ in rows), default=0), col_max)
            column = first_width + col_spacing
            for first, second in rows:
                self.write(f"{'':>{self.current_indent}}{first}")
                if not second:
                    self.write("\n")
                    continue
                if cells(first) <= first_width:
                    self.write(" " * (column - cells(first)))
                else:
                    self.write("\n" + " " * (column + self.current_indent))
                width = max(self.width - column - self.current_indent - 2, 10)
                lines = _described(second, width)
                pad = " " * (column + self.current_indent)
                self.write("\n".join([lines[0], *(pad + line for line in lines[1:])]) + "\n")

    return ChineseHelp


def _described(text: str, width: int) -> list[str]:
    """An option's help in Chinese, in lines of `width` columns, with typer's notes after it
    ([默认：zh]) kept whole: after the last line where they fit, else on lines of their own."""
    found = _EXTRAS.search(text)
    shown = chinese(text[: found.start()] if found else text)
    lines = [line for paragraph in _paragraphs(shown) for line in _laid(paragraph, width)]
    if not found:
        return lines
    notes = []
    for note in found.group("notes").split("; "):
        for pattern, key in _NOTES:
            matched = pattern.match(note)
            if matched:
                note = say(key, "zh", **matched.groupdict())
                break
        notes.append(note)
    said = f"[{'；'.join(notes)}]"
    if lines and cells(lines[-1]) + 2 + cells(said) <= width:
        return [*lines[:-1], f"{lines[-1]}  {said}"]
    return [*lines, *wrap(said, width)]


def _paragraphs(text: str) -> list[str]:
    """The paragraphs of a help text, blank lines between them; a paragraph click must not
    rewrap (its first line is \\b) keeps its lines, marked by a leading \\b."""
    return [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]


def _laid(paragraph: str, width: int) -> list[str]:
    if paragraph.lstrip().startswith("\b"):
        return paragraph.lstrip()[1:].strip("\n").splitlines()
    return wrap(paragraph, width)


def get_help(command: Any, ctx: Any) -> str:
    """`command`'s help page in Chinese (click's `Command.get_help`)."""
    plain = ctx.make_formatter()
    formatter = chinese_help_class(type(plain))(width=plain.width)
    command.format_help(ctx, formatter)
    return formatter.getvalue().rstrip("\n")
