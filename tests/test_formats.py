"""Outputs an analyst can use: -o's suffix decides the format (and a suffix psplan cannot write
is an error, never a file whose content does not match its name), CSV that Excel opens right
(UTF-8 with BOM, Chinese headers and statuses, the codes kept), and an XLSX report with typed
numbers, number formats, frozen and filtered headers, print settings and a native chart.

Everything runs in-process (typer's CliRunner); the files written are read back."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from psplan.cli import app

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "national-2023.csv"
BOM = b"\xef\xbb\xbf"

runner = CliRunner()


def invoke(*args: str | Path):
    return runner.invoke(app, [str(arg) for arg in args], catch_exceptions=False)


def wrote(result, path: Path, holds: str = "", replaced: bool = False) -> None:
    """Exit 0 or 1, and exactly one line on stderr: `已写入 FILE` (the command's language),
    saying what it `holds` where its name has no suffix; `已覆盖 FILE` where a file was
    there before (`replaced`)."""
    assert result.exit_code in (0, 1), (result.exit_code, result.stderr)
    told = f"（文件名没有后缀，内容为 {holds}）" if holds else ""
    line = f"已覆盖 {path}" if replaced else f"已写入 {path}"
    # (a machine without a font for the Chinese characters says a Word file's charts are not
    # drawn: test_a_word_file_without_a_chinese_font_says_its_charts_are_not_drawn)
    said = [x for x in result.stderr.splitlines() if "Word 文档中的图未画出" not in x]
    assert said == [f"{line}{told}"], result.stderr
    assert result.stdout == ""


def one_line_error(result, *fragments: str) -> str:
    assert result.exit_code == 2, (result.exit_code, result.stdout, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("psplan: error: "), result.stderr
    for fragment in fragments:
        assert fragment in lines[0], (fragment, lines[0])
    return lines[0]


@pytest.fixture
def regions(tmp_path: Path) -> Path:
    """Generated figures (not real): three regions, two years, one indicator behind."""
    path = tmp_path / "regions.csv"
    path.write_text(
        "地区,指标,年份,数值\n"
        "汉台区,九年义务教育巩固率,2022,98\n汉台区,九年义务教育巩固率,2023,99\n"
        "南郑区,九年义务教育巩固率,2022,95.5\n南郑区,九年义务教育巩固率,2023,95.8\n"
        "城固县,九年义务教育巩固率,2022,95.1\n城固县,九年义务教育巩固率,2023,95\n"
        "汉台区,学前教育毛入园率,2023,92%\n南郑区,学前教育毛入园率,2023,90%\n"
        "城固县,学前教育毛入园率,2023,88%\n",
        encoding="utf-8",
    )
    return path


# --------------------------------------------------------------------- -o decides the format

COMMANDS = {
    "check": ("check", "national", EXAMPLE),
    "trend": ("trend", "national", EXAMPLE),
    "show": ("show", "national"),
    "compare": ("compare", "national", "hanzhong"),
    "report": ("report", "national", EXAMPLE),
}
WRITES = {
    "check": (".json", ".csv", ".md", ".html", ".xlsx", ".txt", ".docx"),
    # every format renders any view: trend, show and compare write HTML, Excel and Word too
    "trend": (".json", ".csv", ".md", ".txt", ".html", ".xlsx", ".docx"),
    "show": (".json", ".csv", ".md", ".txt", ".html", ".xlsx", ".docx"),
    "compare": (".json", ".csv", ".md", ".txt", ".html", ".xlsx", ".docx"),
    "report": (".md", ".html", ".xlsx", ".docx"),
}


def assert_holds(path: Path, suffix: str, command: str = "check") -> None:
    """The file holds what its suffix says (a report's workbook opens on its summary)."""
    data = path.read_bytes()
    if suffix == ".json":
        json.loads(data.decode("utf-8"))
    elif suffix == ".csv":
        assert data.startswith(BOM)
        rows = list(csv.reader(io.StringIO(data[3:].decode("utf-8"))))
        assert len(rows) > 1 and len({len(row) for row in rows}) == 1
    elif suffix == ".md":
        text = data.decode("utf-8")
        assert "|---" in text or "| ---" in text or "|:--" in text, text[:200]
    elif suffix == ".html":
        assert data.startswith(b"<!DOCTYPE html>")
    elif suffix == ".xlsx":
        from openpyxl import load_workbook

        assert data[:2] == b"PK"
        book = load_workbook(path)
        if command in ("check", "report"):
            assert book.sheetnames[0] == "汇总"
        assert max(sheet.max_row for sheet in book.worksheets) > 2
    elif suffix == ".docx":
        from docx import Document

        assert data[:2] == b"PK"
        document = Document(str(path))
        assert document.paragraphs[0].text.strip()  # the title
        assert document.tables, "a Word file holds the view's tables"
    elif suffix == ".txt":
        text = data.decode("utf-8")
        # a plain table, no colour codes: a grid, or the record layout (编号：…) where the
        # columns do not fit a file's 100 cells (trend's 15, show's long ids)
        assert ("┃" in text or "\n编号：" in text) and "\x1b[" not in text


@pytest.mark.parametrize(
    ("command", "suffix"),
    [(command, suffix) for command, suffixes in WRITES.items() for suffix in suffixes],
)
def test_the_suffix_decides_the_format(tmp_path: Path, command: str, suffix: str) -> None:
    out = tmp_path / f"out{suffix}"
    result = invoke(*COMMANDS[command], "-o", out)
    wrote(result, out)
    assert_holds(out, suffix, command)


def test_the_suffix_is_read_without_regard_to_case(tmp_path: Path) -> None:
    out = tmp_path / "报告.JSON"
    wrote(invoke("check", "national", EXAMPLE, "-o", out), out)
    assert json.loads(out.read_text(encoding="utf-8"))["plan"] == "national"


CANNOT = [
    ("report", ".odt"), ("report", ".pdf"), ("report", ".txt"), ("report", ".csv"),
    ("report", ".json"), ("check", ".doc"), ("check", ".pdf"), ("trend", ".pdf"),
    ("trend", ".rtf"), ("show", ".xls"), ("compare", ".pdf"), ("check", ".xls"),
]  # fmt: skip


@pytest.mark.parametrize(("command", "suffix"), CANNOT)
def test_a_suffix_the_command_cannot_write_is_an_error(
    tmp_path: Path, command: str, suffix: str
) -> None:
    out = tmp_path / f"r{suffix}"
    args = (*COMMANDS[command], "-o", out)
    line = one_line_error(invoke(*args, "--lang", "en"), f"cannot write a {suffix} file")
    assert "give -o a name ending in" in line
    one_line_error(invoke(*args), f"不能写 {suffix} 文件", "-o 的文件名请以")  # Chinese by default
    assert not out.exists() and list(tmp_path.iterdir()) == []  # nothing written


@pytest.mark.parametrize(
    ("args", "name", "fragment"),
    [
        (("check", "national", EXAMPLE, "--format", "csv"), "r.json", "--format csv"),
        (("trend", "national", EXAMPLE, "-f", "markdown"), "r.csv", "--format markdown"),
        (("show", "national", "-f", "table"), "r.md", "--format table"),
        (("compare", "national", "hanzhong", "-f", "json"), "r.csv", "--format json"),
        (("report", "national", EXAMPLE, "-f", "html"), "r.xlsx", "--format html"),
    ],
)
def test_a_format_contradicting_the_suffix_is_an_error(
    tmp_path: Path, args: tuple, name: str, fragment: str
) -> None:
    out = tmp_path / name
    one_line_error(invoke(*args, "-o", out, "--lang", "en"), f"{fragment} does not match -o")
    one_line_error(invoke(*args, "-o", out), f"{fragment} 与 -o")
    assert not out.exists()


def test_a_format_matching_the_suffix_is_fine(tmp_path: Path) -> None:
    out = tmp_path / "r.csv"
    wrote(invoke("check", "national", EXAMPLE, "--format", "csv", "-o", out), out)
    assert out.read_bytes().startswith(BOM)


def test_a_name_without_suffix_takes_the_format_asked(tmp_path: Path) -> None:
    """The format asked, else markdown; the line saying the file was written says which:
    nothing in the name tells (trial 10, D15)."""
    out = tmp_path / "report"
    result = invoke("check", "national", EXAMPLE, "--format", "json", "-o", out)
    assert result.stderr.splitlines() == [f"已写入 {out}（文件名没有后缀，内容为 JSON）"]
    json.loads(out.read_text(encoding="utf-8"))
    default = tmp_path / "报告"
    result = invoke("check", "national", EXAMPLE, "-o", default)
    assert result.stderr.splitlines() == [f"已写入 {default}（文件名没有后缀，内容为 Markdown）"]
    assert default.read_text(encoding="utf-8").startswith("# ")  # markdown, as before
    result = invoke("check", "national", EXAMPLE, "-o", out, "-f", "xlsx", "--lang", "en")
    assert result.stderr.splitlines() == [  # (the JSON written first is replaced)
        f"replaced {out} (no suffix in the name: it holds an XLSX workbook)"
    ]
    assert out.read_bytes()[:2] == b"PK"


def test_by_region_writes_every_check_format(tmp_path: Path, regions: Path) -> None:
    """--by-region writes what check writes: the workbook and the page hold the region ×
    indicator matrix (a sheet of filled statuses, a heat map) and the spread."""
    from openpyxl import load_workbook

    book = tmp_path / "m.xlsx"
    wrote(invoke("check", "national", regions, "--by-region", "-o", book), book)
    sheets = load_workbook(book)
    assert sheets.sheetnames == ["汇总", "各地区指标状态", "地区均等化"]
    matrix = sheets["各地区指标状态"]
    assert [cell.value for cell in matrix["A"]][:4] == ["地区", "汉台区", "南郑区", "城固县"]
    header = [cell.value for cell in matrix[1]]
    behind = matrix.cell(4, header.index("九年义务教育巩固率") + 1)
    assert behind.value == "进度滞后" and behind.fill.fgColor.rgb.endswith("FFE0B2")
    page = tmp_path / "m.html"
    wrote(invoke("check", "national", regions, "--by-region", "--format", "html", "-o", page), page)
    text = page.read_text(encoding="utf-8")
    assert '<table class="heat" data-table="matrix">' in text
    assert "<th>城固县</th>" in text and 'title="进度滞后"' in text
    one_line_error(
        invoke("check", "national", regions, "--by-region", "-o", tmp_path / "m.pdf"),
        "check --by-region 不能写 .pdf 文件",
    )
    out = tmp_path / "m.csv"
    wrote(invoke("check", "national", regions, "--by-region", "-o", out), out)


def test_template_suffix(tmp_path: Path) -> None:
    one_line_error(invoke("template", "national", "-o", tmp_path / "t.docx"), ".docx")
    one_line_error(
        invoke("template", "national", "-o", tmp_path / "t.csv", "-f", "xlsx", "--lang", "en"),
        "does not match",
    )
    out = tmp_path / "t.xlsx"
    result = invoke("template", "national", "-o", out)
    assert result.exit_code == 0 and result.stderr.startswith(f"已写入 {out}（")
    assert out.read_bytes()[:2] == b"PK"


def test_stdout_gets_no_wrote_line_and_any_format() -> None:
    result = invoke("check", "national", EXAMPLE, "-o", "-", "--format", "json")
    assert result.exit_code in (0, 1) and "已写入" not in result.stderr
    json.loads(result.stdout)


def test_check_writes_the_monitoring_sheets_of_the_report_workbook(tmp_path: Path) -> None:
    """`check -o r.xlsx` and `check --format xlsx` write the same workbook; `report` writes
    the same sheets under its own title, with the plan's own table (主要指标完成情况表)."""
    from openpyxl import load_workbook

    by_check, by_format, by_report = tmp_path / "c.xlsx", tmp_path / "f", tmp_path / "r.xlsx"
    wrote(invoke("check", "national", EXAMPLE, "-o", by_check), by_check)
    wrote(
        invoke("check", "national", EXAMPLE, "--format", "xlsx", "-o", by_format),
        by_format,
        holds="XLSX 工作簿",
    )
    wrote(invoke("report", "national", EXAMPLE, "-o", by_report), by_report)

    def contents(path: Path) -> dict:
        book = load_workbook(io.BytesIO(path.read_bytes()))  # any name, whatever its suffix
        return {
            sheet.title: [[cell.value for cell in row] for row in sheet.iter_rows()]
            for sheet in book.worksheets
        }

    checked, reported = contents(by_check), contents(by_report)
    assert checked == contents(by_format)
    assert list(reported) == ["汇总", "主要指标完成情况表", *list(checked)[1:]]
    assert reported["汇总"][0][0] == "“十四五”公共服务规划2023年度监测报告"
    assert checked["汇总"][0][0] == "“十四五”公共服务规划 · 2023年监测报告"
    # the counts on the summary sheet (the report states the summary lines in its prose)
    counts = [row for row in checked["汇总"] if row[0] in ("状态", "已达标", "进度滞后")]
    assert all(row in reported["汇总"] for row in counts) and len(counts) == 3
    assert all(reported[name] == checked[name] for name in list(checked)[1:])
    html = tmp_path / "c.html"
    wrote(invoke("check", "national", EXAMPLE, "-o", html), html)
    assert "养老服务床位总量" in html.read_text(encoding="utf-8")


def test_check_exit_code_is_kept_when_writing_a_file(tmp_path: Path, regions: Path) -> None:
    out = tmp_path / "r.xlsx"
    result = invoke("check", "national", regions, "-o", out, "--strict")
    assert result.exit_code == 1  # 城固县 is behind
    assert result.stderr.splitlines() == [f"已写入 {out}"]


# ------------------------------------------------------------------------------- CSV


CSV_COMMANDS = [
    ("check", "national", EXAMPLE),
    ("check", "national", "REGIONS", "--by-region"),
    ("trend", "national", EXAMPLE),
    ("show", "national"),
    ("compare", "national", "hanzhong"),
    ("compare", "national", "--all"),
]


@pytest.mark.parametrize("args", CSV_COMMANDS, ids=lambda a: " ".join(map(str, a[:1] + a[3:])))
def test_every_csv_starts_with_the_bom_unless_no_bom(
    tmp_path: Path, regions: Path, args: tuple
) -> None:
    args = tuple(regions if arg == "REGIONS" else arg for arg in args)
    out = tmp_path / "out.csv"
    wrote(invoke(*args, "-o", out), out)
    data = out.read_bytes()
    assert data.startswith(BOM) and not data.startswith(BOM * 2)
    printed = invoke(*args, "--format", "csv")  # to a pipe (not a terminal): the BOM too
    assert printed.stdout_bytes == data
    bare = invoke(*args, "--format", "csv", "--no-bom")
    assert bare.stdout_bytes == data[len(BOM) :]
    plain = tmp_path / "plain.csv"
    wrote(invoke(*args, "-o", plain, "--no-bom"), plain)
    assert plain.read_bytes() == data[len(BOM) :]
    # Excel's reading: utf-8-sig gives the first header clean
    header = next(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert not header[0].startswith("\ufeff")


def read_csv(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_check_csv_is_chinese_by_default_with_the_codes_kept() -> None:
    zh = read_csv(invoke("check", "national", EXAMPLE, "--format", "csv").stdout_bytes)
    en = read_csv(
        invoke("check", "national", EXAMPLE, "--format", "csv", "--lang", "en").stdout_bytes
    )
    assert list(zh[0])[:4] == ["领域", "指标", "属性", "单位"]
    beds = next(row for row in zh if row["指标"] == "养老服务床位总量")
    assert beds["状态"] == "进度滞后" and beds["状态代码"] == "behind"
    assert beds["属性"] == "预期性" and beds["基期值"] == "823.8"
    assert float(beds["实际值"]) == 823 and beds["时间进度"] == "60%"  # plain numbers
    assert float(beds["差距"]) == 177  # never "177.0" as text with a separator
    assert list(en[0])[:4] == ["domain", "indicator", "attribute", "unit"]  # the JSON keys
    beds_en = next(row for row in en if row["indicator"] == "养老服务床位总量")
    assert beds_en["status_code"] == "behind" and beds_en["status"] == "behind"
    assert beds_en["attribute"] == "expected" and beds_en["baseline"] == "823.8"
    assert len(zh[0]) == len(en[0])  # the same columns, named in each language


def test_by_region_trend_compare_csv_keep_codes(regions: Path) -> None:
    matrix = read_csv(
        invoke("check", "national", regions, "--by-region", "--format", "csv").stdout_bytes
    )
    # the region × indicator matrix: a row per region, each indicator's status and its code
    header = list(matrix[0])
    assert header[:3] == [
        "地区",
        "每千人口拥有3岁以下婴幼儿托位数",
        "每千人口拥有3岁以下婴幼儿托位数代码",
    ]
    assert [row["地区"] for row in matrix] == ["汉台区", "南郑区", "城固县"]
    names = header[1::2]
    assert header[2::2] == [f"{name}代码" for name in names]  # every status has its code
    pairs = [(row[name], row[f"{name}代码"]) for row in matrix for name in names]
    assert ("进度滞后", "behind") in pairs and ("已达标", "met") in pairs
    labels = {"met": "已达标", "on_track": "进度正常", "behind": "进度滞后", "no_data": "无数据"}
    assert all(labels[code] == label for label, code in pairs)
    assert matrix[2]["九年义务教育巩固率代码"] == "behind"  # 城固县
    trend = read_csv(invoke("trend", "national", regions, "--format", "csv").stdout_bytes)
    assert list(trend[0])[:5] == ["编号", "指标", "地区", "状态", "状态代码"]
    trend_en = read_csv(
        invoke("trend", "national", regions, "--format", "csv", "--lang", "en").stdout_bytes
    )
    assert list(trend_en[0])[:5] == ["id", "indicator", "region", "status", "status_code"]
    assert {(row["status"], row["status_code"]) for row in trend_en} >= {("behind", "behind")}
    compared = read_csv(invoke("compare", "national", "hanzhong", "-f", "csv").stdout_bytes)
    weaker = [row for row in compared if row["结论代码"] == "weaker"]
    assert weaker and all(row["结论"] == "低于上级" for row in weaker)
    # the catalogue items that need a look follow the indicators (the covered ones are
    # counted per domain in the table after it, and listed in the JSON)
    assert {row["结论代码"] for row in compared} >= {"catalogue_missing", "catalogue_extra"}
    missing = next(row for row in compared if row["结论代码"] == "catalogue_missing")
    assert (missing["上级编号"], missing["结论"]) == ("ethnic_minority_culture", "清单缺失")
    summary = read_csv(invoke("compare", "national", "--all", "-f", "csv").stdout_bytes)
    assert {row["本级规划"] for row in summary} == {"hanzhong", "ankang", "chuzhou", "suzhou"}


# ------------------------------------------------------------------------------- XLSX


@pytest.fixture
def workbook(tmp_path: Path):
    from openpyxl import load_workbook

    out = tmp_path / "report.xlsx"
    wrote(invoke("report", "national", EXAMPLE, "-o", out), out)
    return load_workbook(out)


def row_of(sheet, name: str) -> dict:
    header = [cell.value for cell in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        if row[1].value == name:
            return dict(zip(header, row, strict=True))
    raise AssertionError(name)


def test_xlsx_numbers_are_numbers_with_formats(workbook) -> None:
    sheet = workbook["全部指标"]
    retention = row_of(sheet, "九年义务教育巩固率")  # 95.2% → 96%, 95.7 in 2023
    actual, gap = retention["实际值"], retention["差距"]
    assert actual.data_type == "n" and actual.value == pytest.approx(0.957)
    assert actual.number_format == "0.0%"  # a real percentage, the plan's one decimal
    # a gap of a % indicator is percentage points: 0.3 to go, shown 0.3个百分点, not 0.3%
    assert gap.data_type == "n" and gap.value == pytest.approx(0.3)
    assert gap.number_format == '#,##0.0"个百分点"'
    ahead = row_of(sheet, "学前教育毛入园率")["差距"]  # 91.1% against >90%: beyond the target
    assert ahead.data_type == "n" and ahead.value == pytest.approx(-1.1)  # a negative number
    assert ahead.number_format == '#,##0.0"个百分点"'
    progress, share = retention["进度"], retention["时间进度"]
    assert progress.data_type == share.data_type == "n"
    assert progress.value == pytest.approx(0.625) and progress.number_format == "0%"
    assert share.value == pytest.approx(0.6) and share.number_format == "0%"
    baseline = retention["基期值"]
    assert baseline.value == pytest.approx(0.952) and baseline.number_format == "0.0%"
    assert retention["年份"].value == 2023 and retention["年份"].number_format == "0"
    expected = retention["应达值"]
    assert expected.value == pytest.approx(0.9568) and expected.number_format == "0.00%"
    target = retention["目标值"]  # 96%: a number, as the plan prints it
    assert target.value == pytest.approx(0.96) and target.number_format == "0%"
    assert row_of(sheet, "学前教育毛入园率")["目标值"].value == ">90%"  # a bound: text

    doctors = row_of(sheet, "每千人口拥有注册护士数")  # 3.36 → 3.8: two decimals printed
    assert doctors["实际值"].value == 4 and doctors["实际值"].number_format == "#,##0.00"
    beds = row_of(sheet, "养老服务床位总量")  # 823.8 万张, one decimal
    assert beds["实际值"].value == 823 and beds["实际值"].number_format == "#,##0.0"
    assert beds["差距"].value == pytest.approx(177) and beds["差距"].data_type == "n"
    assert beds["状态"].value == "进度滞后"
    assert beds["状态"].fill.fgColor.rgb.endswith("FFE0B2")
    # no cell of the sheet holds a number written as text
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str):
                text = cell.value.replace(",", "").rstrip("%")
                with pytest.raises(ValueError):
                    float(text)


def test_xlsx_growth_rates_are_percentages(workbook) -> None:
    sheet = workbook["趋势"]
    header = [cell.value for cell in sheet[1]]
    observed = header.index("观测增速") + 1
    growth = [sheet.cell(row, observed) for row in range(2, sheet.max_row + 1)]
    assert growth and all(cell.data_type == "n" for cell in growth if cell.value is not None)
    assert {cell.number_format for cell in growth if cell.value is not None} == {
        "+0.00%;-0.00%;0.00%"
    }
    assert all(abs(cell.value) < 1 for cell in growth if cell.value is not None)
    ratio = sheet.cell(2, header.index("比值R") + 1)
    assert ratio.value is None or ratio.number_format == "0.00"


def _sheets(workbook: bytes) -> dict[str, bytes]:
    """A workbook's parts but its properties (which carry the time it was written)."""
    import zipfile

    with zipfile.ZipFile(io.BytesIO(workbook)) as parts:
        return {name: parts.read(name) for name in parts.namelist() if "docProps" not in name}


def _workbook_facts(workbook: bytes) -> dict[str, Any]:
    """What a reader sees of a workbook, sheet by sheet: every cell's value, type, number
    format, font, fill, alignment and quote prefix; the rows' heights and the columns'
    widths; frozen panes, filter, merged cells, print titles, input messages, page setup."""
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(workbook))
    facts: dict[str, Any] = {}
    for sheet in book.worksheets:
        cells = {
            cell.coordinate: (
                cell.value, cell.data_type, cell.number_format, cell.font.b,
                cell.fill.fgColor.rgb, cell.alignment.horizontal, cell.alignment.wrap_text,
                cell.quotePrefix, cell.border.left.style,
            )
            for row in sheet.iter_rows()
            for cell in row
        }  # fmt: skip
        facts[sheet.title] = {
            "cells": cells,
            "heights": {r: d.height for r, d in sheet.row_dimensions.items() if d.height},
            "widths": {c: d.width for c, d in sheet.column_dimensions.items()},
            "frozen": sheet.freeze_panes,
            "filter": sheet.auto_filter.ref,
            "merged": sorted(str(r) for r in sheet.merged_cells.ranges),
            "titles": sheet.print_title_rows,
            "hints": [(str(v.sqref), v.promptTitle, v.prompt) for v in sheet.data_validations.dataValidation],
            "setup": (sheet.page_setup.orientation, sheet.page_setup.paperSize, sheet.oddFooter.center.text),
            "charts": len(sheet._charts),
        }  # fmt: skip
    return facts


@pytest.mark.parametrize("by_region", [False, True])
def test_xlsx_rows_written_as_xml_read_as_xlsxwriter_writes_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, by_region: bool
) -> None:
    """A workbook of up to XLSXWRITER_CELLS cells is written by XlsxWriter alone (its texts
    shared); a larger one's data sheets have their rows written as XML and spliced in: a
    reader sees the same cells, styles, heights and sheets either way, and the two are
    different files (both ways ran)."""
    import psplan
    from psplan.cli.judge import _view
    from psplan.formats import xlsx

    from conftest import generate_actuals

    counties = generate_actuals("hanzhong", tmp_path / "counties.csv", "--regions", "6")
    view = _view(psplan.check("hanzhong", str(counties)), "zh", by_region=by_region)
    whole = xlsx.render(view)
    monkeypatch.setattr(xlsx, "XLSXWRITER_CELLS", 0)
    spliced = xlsx.render(view)
    assert _sheets(whole) != _sheets(spliced)  # shared strings, inline strings
    facts = _workbook_facts(whole)
    assert facts == _workbook_facts(spliced)
    if not by_region:  # the results' reasons wrap: their rows are tall, either way
        heights = facts["全部指标"]["heights"]
        assert len(heights) > len(facts["全部指标"]["cells"]) / 20 / 2


def test_xlsx_carries_no_timestamp(workbook) -> None:
    """The same view gives the same bytes (as the DOCX does): the core properties carry the
    fixed date, not the time the workbook was written."""
    assert workbook.properties.created.year == workbook.properties.modified.year == 2000
    assert workbook.properties.creator == "psplan"


def test_xlsx_headers_frozen_filtered_and_printable(workbook) -> None:
    assert workbook.sheetnames == [
        "汇总",
        "主要指标完成情况表",
        "滞后约束性指标",
        "全部指标",
        "趋势",
    ]
    for sheet in workbook.worksheets:
        setup = sheet.page_setup
        assert setup.orientation == "landscape" and str(setup.paperSize) == "9"
        # fitToWidth left out is its default, 1 page (ECMA-376 §18.3.1.63); 0: as many tall
        assert setup.fitToWidth in (1, None) and setup.fitToHeight == 0
        assert sheet.sheet_properties.pageSetUpPr.fitToPage is True
        assert "&P" in sheet.oddFooter.center.text
    for name in ("滞后约束性指标", "全部指标", "趋势"):
        sheet = workbook[name]
        assert sheet.print_title_rows == "$1:$1"  # the header row on every printed page
        assert sheet.freeze_panes in ("B2", "C2")  # below the header, names in view
        last = sheet.cell(1, sheet.max_column).column_letter
        assert sheet.auto_filter.ref == f"A1:{last}{sheet.max_row}"
        assert sheet["A1"].font.bold
    assert workbook["全部指标"].freeze_panes == "C2"
    # 22 indicators; 15 columns (the region's is left out: one region) and the notes
    assert workbook["全部指标"].auto_filter.ref == "A1:Q23"
    assert [cell.value for cell in workbook["全部指标"][1]][-3:] == ["趋势", "说明", "备注"]


def test_xlsx_summary_has_a_native_chart_of_progress_by_domain(workbook) -> None:
    from openpyxl.chart import BarChart

    summary = workbook["汇总"]
    assert summary.freeze_panes is None  # nothing to freeze: no title row above a table
    assert len(summary._charts) == 1
    chart = summary._charts[0]
    assert isinstance(chart, BarChart) and len(chart.series) == 2  # progress and time share
    references = [series.val.numRef.f.replace("'", "") for series in chart.series]
    assert references[0].startswith("汇总!$D$") and references[1].startswith("汇总!$E$")
    # the table the chart draws: each domain's mean progress and time share, as percentages
    rows = list(summary.iter_rows(values_only=False))
    header = next(i for i, row in enumerate(rows) if row[0].value == "领域")
    education = next(row for row in rows[header + 1 :] if row[0].value == "学有所教")
    assert education[3].number_format == "0%" and 0 < education[3].value <= 1
    assert education[4].value == pytest.approx(0.6)
    status = next(row for row in rows if row[0].value == "进度滞后")
    assert status[1].value == 1 and status[1].data_type == "n"
    assert status[0].fill.fgColor.rgb.endswith("FFE0B2")


def test_xlsx_text_starting_with_equals_stays_text(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    plan = tmp_path / "evil.yaml"
    plan.write_text(
        "id: evil\nname: '=1+1'\nlevel: county\nperiod: {start: 2021, end: 2025}\n"
        "baseline_year: 2020\ndomains: [病有所医]\nindicators:\n"
        "  - {id: a, domain: 病有所医, name: '=HYPERLINK(\"http://x\",\"y\")', unit: '%',"
        " baseline: '1', target: '2', attribute: 约束性}\n"
        "  - {id: b, domain: 病有所医, name: '+1+1', unit: '%', baseline: '1', target: '2',"
        " attribute: 预期性}\n"
        "  - {id: c, domain: 病有所医, name: '@SUM(A1)', unit: '%', baseline: '1', target: '2',"
        " attribute: 预期性}\n",
        encoding="utf-8",
    )
    actuals = tmp_path / "a.csv"
    actuals.write_text("indicator,year,value\na,2022,1.2\na,2023,1.3\n", encoding="utf-8")
    out = tmp_path / "r.xlsx"
    wrote(invoke("report", plan, actuals, "-o", out), out)
    book = load_workbook(out)
    names = [
        cell
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str) and cell.value.startswith("=")
    ]
    assert names, "the names are in the workbook"
    assert all(cell.data_type == "s" and cell.quotePrefix for cell in names)
    assert '=HYPERLINK("http://x","y")' in {cell.value for cell in names}
    # + and @ start a formula too when the cell is typed again: prefixed, as CSV guards them
    typed = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row
             if cell.value in ("+1+1", "@SUM(A1)")]  # fmt: skip
    assert {cell.value for cell in typed} == {"+1+1", "@SUM(A1)"}
    assert all(cell.data_type == "s" and cell.quotePrefix for cell in typed)
    # and its figures are numbers all the same
    row = row_of(book["全部指标"], '=HYPERLINK("http://x","y")')
    assert row["实际值"].data_type == "n" and row["实际值"].value == pytest.approx(0.013)


def test_xlsx_with_regions_has_a_region_column_and_sheet(tmp_path: Path, regions: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "r.xlsx"
    wrote(invoke("report", "national", regions, "-o", out), out)
    book = load_workbook(out)
    sheet = book["全部指标"]
    header = [cell.value for cell in sheet[1]]
    assert header[:3] == ["领域", "指标", "地区"] and sheet.freeze_panes == "D2"
    assert "地区均等化" in book.sheetnames and "各地区指标状态" in book.sheetnames
    spread = book["地区均等化"]
    header = [cell.value for cell in spread[1]]
    assert header[:4] == ["指标", "地区数", "有数值", "最小"] and header[-1] == "滞后地区"
    retention = next(r for r in spread.iter_rows(min_row=2) if r[0].value == "九年义务教育巩固率")
    cells = dict(zip(header, retention, strict=True))
    assert cells["最小"].value == pytest.approx(0.95) and cells["最小"].number_format.endswith("%")
    assert cells["变异系数"].number_format == "0.0%" and cells["变异系数"].data_type == "n"  # CV
    assert cells["滞后地区"].value == "城固县"


def test_xlsx_in_english(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "r.xlsx"
    result = invoke("report", "national", EXAMPLE, "-o", out, "--lang", "en")
    assert result.exit_code in (0, 1) and result.stderr.splitlines() == [f"wrote {out}"]
    book = load_workbook(out)
    assert book.sheetnames == [
        "Summary", "Main indicators", "Binding behind", "All indicators", "Trends"
    ]  # fmt: skip
    assert book["Summary"].oddFooter.center.text == "Page &P of &N"
    assert len(book["Summary"]._charts) == 1


# ----------------------------------------------------------------- rendered by LibreOffice

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def print_to_pdf(path: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    """LibreOffice, headless and with a profile of its own, printing `path` to PDF."""
    profile = (tmp_path / "lo-profile").as_uri()
    return subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(path)],
        capture_output=True,
        timeout=180,
        env={**os.environ, "HOME": str(tmp_path)},
    )  # fmt: skip


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_libreoffice_prints_the_workbook(tmp_path: Path) -> None:
    """LibreOffice opens the workbook and prints it as PDF: the summary with its chart on one
    A4 landscape page, each table fitted to the page width."""
    out = tmp_path / "report.xlsx"
    wrote(invoke("report", "national", EXAMPLE, "-o", out), out)
    done = print_to_pdf(out, tmp_path)
    pdf = tmp_path / "report.pdf"
    assert done.returncode == 0 and pdf.exists(), done.stderr
    assert pdf.read_bytes().startswith(b"%PDF")
    pdfinfo = shutil.which("pdfinfo")
    if pdfinfo is None:
        return
    info = subprocess.run([pdfinfo, str(pdf)], capture_output=True, text=True).stdout
    pages = int(info.split("Pages:")[1].split()[0])
    assert 4 <= pages <= 6, info  # a page a sheet (the 22 indicators may take two)
    size = info.split("Page size:")[1].split("pts")[0]
    width, height = (float(x) for x in size.split("x"))
    assert width > height and round(width) == 842, size  # A4 landscape


def test_an_empty_table_says_so_in_the_workbook(workbook) -> None:
    """No binding indicator lags in the national example: its sheet says （无） under the
    header instead of printing an empty page."""
    sheet = workbook["滞后约束性指标"]
    assert sheet.max_row == 2 and sheet["A2"].value == "（无）"
    assert [cell.value for cell in sheet[2][1:]] == [None] * (sheet.max_column - 1)


@pytest.mark.slow
@pytest.mark.skipif(
    SOFFICE is None or not Path("/usr/lib/libreoffice/program/swriter").exists(),
    reason="LibreOffice Writer is not installed (apt-get install libreoffice-writer)",
)
def test_libreoffice_prints_the_evaluation_report(tmp_path: Path) -> None:
    """LibreOffice opens the Word evaluation report (report --stage mid -o x.docx) and prints
    it as A4 PDF (docs/report-docx.png is its first page)."""
    out = tmp_path / "mid.docx"
    wrote(invoke("report", "national", EXAMPLE, "--stage", "mid", "-o", out), out)
    done = print_to_pdf(out, tmp_path)
    pdf = tmp_path / "mid.pdf"
    assert done.returncode == 0 and pdf.exists(), done.stderr
    pdfinfo = shutil.which("pdfinfo")
    if pdfinfo is not None:
        info = subprocess.run([pdfinfo, str(pdf)], capture_output=True, text=True).stdout
        size = info.split("Page size:")[1].split("pts")[0]
        assert sorted(round(float(x)) for x in size.split("x")) == [595, 842], size  # A4


def test_report_keeps_an_existing_file_unless_forced(tmp_path: Path) -> None:
    """A report is completed by hand (its 【待填写】 filled in): writing it again replaced the
    edited file without a word (trial 11, D8). As template and init do, report keeps an
    existing file and says how to overwrite it; --force does."""
    out = tmp_path / "终期评估.md"
    out.write_text("原因分析：已由处室填写\n", encoding="utf-8")
    kept = invoke("report", "national", EXAMPLE, "-o", out)
    assert (kept.exit_code, kept.stderr) == (
        2,
        f"psplan: error: {out} 已存在；如需覆盖请加 --force\n",
    )
    assert out.read_text(encoding="utf-8") == "原因分析：已由处室填写\n"
    wrote(invoke("report", "national", EXAMPLE, "-o", out, "--force"), out, replaced=True)
    assert out.read_text(encoding="utf-8").startswith("# ")
    # check's outputs are data, written again each run as before, and the line says so
    data = tmp_path / "r.json"
    for run in range(2):
        wrote(invoke("check", "national", EXAMPLE, "-o", data), data, replaced=run == 1)


@pytest.mark.parametrize("command", ["check", "show", "trend", "compare"])
def test_no_command_replaces_a_word_document_unless_forced(tmp_path: Path, command: str) -> None:
    """A Word document is where a report is finished by hand: `check -o 报告.docx` replaced
    a completed report with a monitoring view and said only 已写入 (a new user's trial).
    Every command that shows a view keeps an existing .docx, says why in one line before any
    work, and replaces it with --force, saying it did."""
    args = {
        "check": ["check", "national", EXAMPLE],
        "show": ["show", "national"],
        "trend": ["trend", "national", EXAMPLE],
        "compare": ["compare", "national", "ankang"],
    }[command]
    out = tmp_path / "报告.docx"
    out.write_bytes(b"completed by hand")
    kept = invoke(*args, "-o", out)
    one_line_error(kept, f"{out} 已存在", "Word 文档常经手工修改", "--force")
    assert out.read_bytes() == b"completed by hand"
    wrote(invoke(*args, "-o", out, "--force"), out, replaced=True)
    assert out.read_bytes().startswith(b"PK")  # a Word document (a zip) in its place
    fresh = tmp_path / "新.docx"
    wrote(invoke(*args, "-o", fresh), fresh)  # a new file needs no --force


def test_a_word_file_without_a_chinese_font_says_its_charts_are_not_drawn(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without a font matplotlib knows that has the Chinese characters (none installed, or
    its font cache older than the font), a Word report's chart was left out and its heading
    with it, without a word (a new user's trial). One warning says so and how to fix it."""
    import psplan.formats.chart_png as chart_png

    out = tmp_path / "报告.docx"
    monkeypatch.setattr(chart_png, "cjk_font", lambda: None)
    done = invoke("report", "national", EXAMPLE, "-o", out)
    assert done.exit_code in (0, 1)
    assert done.stderr.splitlines() == [
        f"psplan: warning: {out}: Word 文档中的图未画出：matplotlib 没有找到含中文字符的字体"
        "（如 Noto Sans CJK SC：apt install fonts-noto-cjk；字体装好后仍未找到，请删去 matplotlib 的"
        "字体缓存 ~/.cache/matplotlib）；图中的数据照常列在其下的表中",
        f"已写入 {out}",
    ]
    markdown = tmp_path / "报告.md"  # (a format without pictures has nothing to say of it)
    assert invoke("report", "national", EXAMPLE, "-o", markdown).stderr == f"已写入 {markdown}\n"
    # the API's write_report says it too (it was silent: trial 18), as a Python warning a
    # notebook shows, and keeps it in the result's warnings as check keeps the command's
    import psplan

    result = psplan.check("national", EXAMPLE)
    before = list(result.warnings)
    api = tmp_path / "api.docx"
    with pytest.warns(UserWarning, match="Word 文档中的图未画出"):
        result.write_report(api)
    assert api.stat().st_size > 0
    assert [str(w) for w in result.warnings[len(before) :]] == [
        f"{api}: warning: Word 文档中的图未画出：matplotlib 没有找到含中文字符的字体（如 Noto Sans "
        "CJK SC：apt install fonts-noto-cjk；字体装好后仍未找到，请删去 matplotlib 的字体缓存 "
        "~/.cache/matplotlib）；图中的数据照常列在其下的表中 [chart]"
    ]
    with pytest.warns(UserWarning):
        result.write_report(api, overwrite=True)
    assert len(result.warnings) == len(before) + 1  # (said once in the warnings)
