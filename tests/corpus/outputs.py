"""Inputs whose trouble is in the output: where `-o` points, and user text in every format.

`-o` never replaces an input (plans, actuals, --waivers, --overrides, through symlinks), a
FIFO or a device; `-`, /dev/stdout and /dev/stderr are streams; a symlink loop is one line.
User text — names like `[/x]`, ANSI and OSC 8 sequences, U+202E, `|` and line breaks,
`=HYPERLINK(…)`, \\x01 — reaches each format escaped for it (psplan/formats/escape.py).
Reports too large to read are refused before the work; problems are printed 50 at most.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from corpus import Case, fifo, symlink_to

ROOT = Path(__file__).resolve().parents[2]
NATIONAL = (ROOT / "data" / "national.yaml").read_text(encoding="utf-8")
HEADER = "indicator,year,value\n"
FIGURES = HEADER + "人均预期寿命,2023,78\n"
ESC = "\x1b"
RLO = "\u202e"
#: An ANSI colour, an OSC 8 hyperlink and a right-to-left override in one name.
HOSTILE = f"{ESC}[31m红{ESC}[0m{ESC}]8;;http://evil.example{ESC}\\点我{ESC}]8;;{ESC}\\{RLO}txt.exe"


def plan(name: str = "测试规划", indicator: str = "人均预期寿命") -> str:
    """A one-indicator county plan; names quoted so that any character survives YAML."""
    return (
        f"id: t\nname: {json.dumps(name)}\nlevel: county\n"
        "period: {start: 2021, end: 2025}\nbaseline_year: 2020\ndomains: [病有所医]\n"
        f"indicators:\n  - {{id: a, domain: 病有所医, name: {json.dumps(indicator)}, "
        "baseline: '70', target: '80', attribute: 预期性}\n"
    )


def actuals(*regions: str, value: str = "75") -> str:
    """Long-format figures of indicator `a` for 2023, one row per region."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["indicator", "year", "value", "region"])
    for region in regions:
        writer.writerow(["a", "2023", value, region])
    return buffer.getvalue()


def many_regions(count: int) -> Callable[[Path], None]:
    def write(path: Path) -> None:
        with path.open("w", encoding="utf-8") as handle:
            handle.write("indicator,year,value,region\n")
            handle.writelines(f"人均预期寿命,2023,78,县{i}\n" for i in range(count))

    return write


def many_problems(count: int) -> str:
    """A plan whose every indicator lacks its keys: several problems each."""
    rows = "".join(f"  - {{id: x{i}}}\n" for i in range(count))
    return plan().split("indicators:")[0] + "indicators:\n" + rows


# ---------------------------------------------------------------------------- checks


def no_raw(*characters: str) -> Callable[[Path, Any], None]:
    """None of the characters reaches stdout or stderr as it is."""

    def check(_folder: Path, outcome: Any) -> None:
        for character in characters:
            assert character not in outcome.stdout, (character, outcome.stdout[:2000])
            assert character not in outcome.stderr, (character, outcome.stderr[:2000])

    return check


def all_of(*checks: Callable[[Path, Any], None]) -> Callable[[Path, Any], None]:
    def check(folder: Path, outcome: Any) -> None:
        for one in checks:
            one(folder, outcome)

    return check


def shows(*fragments: str) -> Callable[[Path, Any], None]:
    def check(_folder: Path, outcome: Any) -> None:
        for fragment in fragments:
            assert fragment in outcome.stdout, (fragment, outcome.stdout[:2000])

    return check


def _separators(line: str) -> int:
    """Unescaped `|` in a markdown table line."""
    count, escaped = 0, False
    for character in line:
        if escaped:
            escaped = False
        elif character == "\\":
            escaped = True
        elif character == "|":
            count += 1
    return count


def markdown_table_intact(_folder: Path, outcome: Any) -> None:
    """Every table's lines are consecutive, start with |, and all have the header's columns;
    the results table (全部指标) has one row per result (here: one per region)."""
    lines = outcome.stdout.splitlines()
    tables: list[list[str]] = []
    for index, line in enumerate(lines):
        if line.startswith("|"):
            if not (index and lines[index - 1].startswith("|")):
                tables.append([])
            tables[-1].append(line)
    assert tables, lines
    for table in tables:
        assert all(_separators(line) == _separators(table[0]) for line in table), table
    start = lines.index("## 全部指标")
    results = next(table for table in tables if table[0] == lines[start + 2])
    assert len(results) == 2 + 2, results  # header, rule, two regions


def one_error_line(_folder: Path, outcome: Any) -> None:
    lines = [line for line in outcome.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("psplan: error:"), outcome.stderr


def workbook_has_no_formula(name: str, first_cell: str) -> Callable[[Path, Any], None]:
    def check(folder: Path, _outcome: Any) -> None:
        from openpyxl import load_workbook

        with zipfile.ZipFile(folder / name) as archive:
            for part in archive.namelist():
                if part.startswith("xl/worksheets/"):
                    assert b"<f>" not in archive.read(part), part
        book = load_workbook(folder / name)
        cell = book.worksheets[0]["A1"]
        assert cell.data_type == "s" and str(cell.value).startswith(first_cell), cell.value

    return check


def workbook_text(name: str, *fragments: str) -> Callable[[Path, Any], None]:
    def check(folder: Path, _outcome: Any) -> None:
        from openpyxl import load_workbook

        book = load_workbook(folder / name)
        texts = " ".join(
            str(cell.value) for sheet in book for row in sheet.iter_rows() for cell in row
        )
        for fragment in fragments:
            assert fragment in texts, (fragment, texts[:2000])
        assert "\x01" not in texts

    return check


def file_lacks(name: str, *characters: str) -> Callable[[Path, Any], None]:
    def check(folder: Path, _outcome: Any) -> None:
        text = (folder / name).read_text(encoding="utf-8")
        for character in characters:
            assert character not in text, character

    return check


def json_round_trip(region: str) -> Callable[[Path, Any], None]:
    def check(_folder: Path, outcome: Any) -> None:
        assert RLO not in outcome.stdout and ESC not in outcome.stdout
        assert re.search(r"\\u202e", outcome.stdout)
        data = json.loads(outcome.stdout)
        assert {r["region"] for r in data["results"]} == {region}

    return check


def at_most_errors(count: int) -> Callable[[Path, Any], None]:
    def check(_folder: Path, outcome: Any) -> None:
        lines = outcome.stderr.splitlines()
        assert len(lines) == count + 1, len(lines)
        assert lines[-1].startswith("psplan: error: … and "), lines[-1]

    return check


def all_errors(_folder: Path, outcome: Any) -> None:
    assert "more problems" not in outcome.stderr
    assert len(outcome.stderr.splitlines()) > 100


def not_empty(name: str) -> Callable[[Path, Any], None]:
    def check(folder: Path, _outcome: Any) -> None:
        assert (folder / name).stat().st_size > 1000

    return check


CASES = [
    # ------------------------------------------------------------- -o is never an input
    Case(
        "output-is-the-child-plan",
        ("compare", "national", "{dir}/child.yaml", "-o", "{dir}/child.yaml", "--lang", "en"),
        {"child.yaml": NATIONAL},
        stderr="child.yaml: refusing to overwrite an input file",
    ),
    Case(
        "output-is-the-child-plan-through-a-symlink",
        ("compare", "national", "child.yaml", "-o", "link.md", "--lang", "en"),
        {"child.yaml": NATIONAL, "link.md": symlink_to("child.yaml")},
        stderr="link.md: refusing to overwrite an input file",
    ),
    Case(
        "output-is-the-waivers-file",
        (
            "compare",
            "national",
            "child.yaml",
            "--waivers",
            "w.yaml",
            "-o",
            "w.yaml",
            "--lang",
            "en",
        ),
        {"child.yaml": NATIONAL, "w.yaml": "waivers: {}\n"},
        stderr="w.yaml: refusing to overwrite an input file",
    ),
    Case(
        "output-is-the-overrides-file-of-trend",
        ("trend", "national", "a.csv", "--overrides", "o.yaml", "-o", "o.yaml", "--lang", "en"),
        {"a.csv": FIGURES, "o.yaml": "overrides: []\n"},
        stderr="o.yaml: refusing to overwrite an input file",
    ),
    Case(
        "output-is-the-overrides-file-of-report",
        ("report", "national", "a.csv", "--overrides", "o.yaml", "-o", "o.yaml", "--lang", "en"),
        {"a.csv": FIGURES, "o.yaml": "overrides: []\n"},
        stderr="o.yaml: refusing to overwrite an input file",
    ),
    Case(
        "output-is-the-actuals-by-another-path",
        ("trend", "national", "a.csv", "-o", "{dir}/./sub/../a.csv", "--lang", "en"),
        {"a.csv": FIGURES, "sub/keep": ""},
        stderr="refusing to overwrite an input file",
    ),
    # --------------------------------------------------------- streams, devices, links
    Case(
        "output-dash-is-stdout",
        ("show", "national", "-o", "-"),
        exit=0,
        stdout="“十四五”公共服务规划",
    ),
    Case(
        "output-dev-stdout-is-stdout",
        ("show", "national", "-o", "/dev/stdout"),
        exit=0,
        stdout="“十四五”公共服务规划",
        process=True,
    ),
    Case(
        "output-dev-stderr-is-stderr",
        ("show", "national", "--format", "csv", "-o", "/dev/stderr"),
        exit=0,
        stderr="infant_care_places_per_1000",
        process=True,
    ),
    Case(
        "output-onto-a-fifo",
        ("show", "national", "-o", "pipe", "--lang", "en"),
        {"pipe": fifo},
        stderr="pipe: is a FIFO (named pipe), not a regular file",
    ),
    Case(
        "output-symlink-loop",
        ("show", "national", "-o", "loop.md", "--lang", "en"),
        {"loop.md": symlink_to("loop.md")},
        stderr="loop.md: a loop of symbolic links",
    ),
    Case(
        "output-into-a-missing-folder-named-with-a-line-break",
        ("show", "national", "-o", "{dir}/no\nsuch/r.md"),
        stderr="no<U+000A>such",
        check=one_error_line,
    ),
    Case(
        "output-is-a-directory",
        ("show", "national", "-o", "{dir}", "--lang", "en"),
        stderr="is a directory",
    ),
    # ------------------------------------------------------------------------ terminal
    Case(
        "region-named-like-a-rich-closing-tag",
        ("check", "plan.yaml", "a.csv", "--format", "table"),
        {"plan.yaml": plan(), "a.csv": actuals("[/x]", "[bold]县")},
        exit=(0, 1),
        check=shows("[/x]", "[bold]县"),
    ),
    Case(
        "plan-named-like-rich-markup",
        ("show", "plan.yaml", "--format", "table"),
        {"plan.yaml": plan("[bold]规划[/bold]", "[red]指标")},
        exit=0,
        check=shows("[bold]规划[/bold]", "[red]指标"),
    ),
    Case(
        "ansi-osc8-and-bidi-in-a-region-in-a-table",
        ("check", "plan.yaml", "a.csv", "--format", "table"),
        {"plan.yaml": plan(), "a.csv": actuals(HOSTILE)},
        exit=(0, 1),
        check=no_raw(ESC, RLO),
    ),
    Case(
        "ansi-osc8-and-bidi-in-plan-names-in-a-table",
        ("show", "plan.yaml", "--format", "table"),
        {"plan.yaml": plan(HOSTILE, HOSTILE)},
        exit=0,
        check=all_of(no_raw(ESC, RLO), shows("<U+202E>txt.exe")),
    ),
    Case(
        "ansi-and-bidi-in-a-comparison-table",
        ("compare", "national", "child.yaml", "--format", "table"),
        {
            "child.yaml": NATIONAL.replace(
                "name: “十四五”公共服务规划\n", f"name: {json.dumps(HOSTILE)}\n", 1
            )
        },
        exit=(0, 1),
        check=no_raw(ESC, RLO),
    ),
    Case(
        "line-break-and-bidi-in-an-error-line",
        ("check", "national", "a.csv", "--region", f"甲\n{RLO}乙"),
        {"a.csv": actuals("甲")},
        check=all_of(one_error_line, no_raw(RLO)),
    ),
    # ------------------------------------------------------------------------ markdown
    Case(
        "pipe-and-line-breaks-in-markdown-cells",
        ("check", "plan.yaml", "a.csv", "--format", "markdown"),
        {
            "plan.yaml": plan("规划\n| 伪造 | 行 |"),
            "a.csv": actuals("甲|乙\n| x | y |", "丙\\|丁\r\n戊"),
        },
        exit=(0, 1),
        check=all_of(markdown_table_intact, no_raw("\r")),
    ),
    Case(
        "bidi-and-ansi-in-markdown",
        ("trend", "plan.yaml", "a.csv", "--format", "markdown"),
        {"plan.yaml": plan(HOSTILE, HOSTILE), "a.csv": actuals(HOSTILE)},
        exit=(0, 1),
        check=no_raw(ESC, RLO),
    ),
    # ---------------------------------------------------------------------- HTML, CSV
    Case(
        "bidi-and-ansi-in-an-html-report",
        ("report", "plan.yaml", "a.csv", "-o", "r.html"),
        {"plan.yaml": plan(HOSTILE, "<script>x</script>"), "a.csv": actuals(HOSTILE)},
        exit=(0, 1),
        outputs=("r.html",),
        check=file_lacks("r.html", ESC, RLO, "<script>"),
    ),
    Case(
        "formula-guard-and-control-characters-in-csv",
        ("check", "plan.yaml", "a.csv", "--format", "csv"),
        {
            "plan.yaml": plan('=HYPERLINK("http://x","y")', "@SUM(A1)"),
            # a region named + (a lone sign is data, not a formula; a lone - names no region)
            "a.csv": actuals(f"=1+1{ESC}{RLO}", "+", value="-3"),
        },
        exit=(0, 1),
        check=all_of(
            no_raw(ESC, RLO),
            shows("'@SUM(A1)", "'=1+1<U+001B><U+202E>", ",'@SUM(A1),+,"),
            shows(",-3,"),  # a negative figure: a number, no guard
        ),
    ),
    Case(
        "bidi-in-json-is-escaped-losslessly",
        ("check", "plan.yaml", "a.csv", "--format", "json"),
        {"plan.yaml": plan(), "a.csv": actuals(f"甲{RLO}乙")},
        exit=(0, 1),
        check=json_round_trip(f"甲{RLO}乙"),
    ),
    # ---------------------------------------------------------------------------- XLSX
    Case(
        "plan-named-like-a-formula-in-xlsx",
        ("report", "plan.yaml", "a.csv", "-o", "r.xlsx"),
        {
            "plan.yaml": plan('=HYPERLINK("http://x","y")', "=1+1"),
            "a.csv": actuals("=cmd|'/c calc'!A0"),
        },
        exit=(0, 1),
        outputs=("r.xlsx",),
        check=all_of(
            workbook_has_no_formula("r.xlsx", '=HYPERLINK("http://x","y")'),
            workbook_text("r.xlsx", "=1+1", "=cmd|'/c calc'!A0"),
        ),
    ),
    Case(
        "control-character-in-a-region-in-xlsx",
        ("report", "plan.yaml", "a.csv", "-o", "r.xlsx"),
        {"plan.yaml": plan("规划\x01", "指标\x0b"), "a.csv": actuals("甲\x01县", HOSTILE)},
        exit=(0, 1),
        outputs=("r.xlsx",),
        check=workbook_text("r.xlsx", "甲<U+0001>县", "<U+202E>txt.exe"),
    ),
    # -------------------------------------------------------------------------- bounds
    Case(
        "two-hundred-thousand-regions-for-an-html-report",
        ("report", "national", "big.csv", "-o", "r.html"),
        {"big.csv": many_regions(200_000)},
        stderr="big.csv: 地区超过 5000 个，HTML 报告容纳不下；可用 --max-regions N 提高上限",
        process=True,
    ),
    Case(
        "too-many-regions-for-a-table",
        ("check", "national", "a.csv", "--format", "table", "--max-regions", "2"),
        {"a.csv": many_regions(3)},
        stderr="地区超过 2 个，表格容纳不下",
    ),
    Case(
        "max-regions-zero-lifts-the-limit",
        ("report", "national", "a.csv", "-o", "r.md", "--max-regions", "0"),
        {"a.csv": many_regions(3)},
        exit=(0, 1),
        outputs=("r.md",),
        check=not_empty("r.md"),
    ),
    Case(
        "json-has-no-region-limit",
        ("check", "national", "a.csv", "--format", "json", "--max-regions", "2"),
        {"a.csv": many_regions(3)},
        exit=(0, 1),
        stdout='"region": "县2"',
    ),
    Case(
        "one-region-of-many-is-within-the-limit",
        ("check", "national", "a.csv", "--region", "县1", "--max-regions", "2"),
        {"a.csv": many_regions(3)},
        exit=(0, 1),
        stdout="县1",
    ),
    Case(
        "problems-printed-fifty-at-most",
        ("check", "plan.yaml", "a.csv", "--lang", "en"),
        {"plan.yaml": many_problems(100), "a.csv": FIGURES},
        stderr="more problems (use --max-problems to see more)",
        check=at_most_errors(50),
    ),
    Case(
        "max-problems-chooses-how-many",
        ("check", "plan.yaml", "a.csv", "--max-problems", "3", "--lang", "en"),
        {"plan.yaml": many_problems(100), "a.csv": FIGURES},
        check=at_most_errors(3),
    ),
    Case(
        "max-problems-zero-prints-all",
        ("check", "plan.yaml", "a.csv", "--max-problems", "0"),
        {"plan.yaml": many_problems(100), "a.csv": FIGURES},
        check=all_errors,
    ),
]
