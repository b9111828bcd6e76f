"""The generic formats (formats/table.py, markdown.py, csv.py) on views: real plans through
`plan_view`, and small views built by hand for what the plans do not have (a matrix, notes,
hostile names). In-process and fast."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from rich.cells import cell_len

from psplan.api import load_plan
from psplan.formats import render
from psplan.formats.table import unbreakable, wrap
from psplan.views.model import Column, Status, Table, Text, View
from psplan.views.numbers import Figure
from psplan.views.plan import plan_view

LABELS = {"met": "已达标", "on_track": "进度正常", "behind": "进度滞后", "not_met": "未达标"}
LEGEND = "图例：✓ 已达标  ◦ 进度正常  ▴ 进度滞后  ✗ 未达标"


@pytest.fixture(scope="module")
def plans() -> dict[str, object]:
    return {name: load_plan(name) for name in ("hanzhong", "ankang")}


def lines_of(text: str) -> list[str]:
    return text.splitlines()


def results_view(name: str = "人均预期寿命") -> View:
    """Three results of two domains: a bold name, a negative gap, a formula-looking name, a
    status of a code without a colour, notes under two rows, and a column with nothing in it."""
    columns = (
        Column("domain", "领域", wide=True),
        Column("name", "指标", wide=True),
        Column("actual", "实际值"),
        Column("gap", "差距"),
        Column("year", "年份"),
        Column("status", "状态"),
        Column("remark", "说明", wide=True),
    )
    rows = [
        ("学有所教", Text("九年义务教育巩固率", "bold"), Figure(0.9568, "0.00%", "95.68%"),
         Figure(-0.9, "#,##0.0", "-0.9"), 2025, Status("behind", "进度滞后"), None),
        ("学有所教", '=HYPERLINK("http://x","y")', Figure(11.05, "#,##0.00", "11.05"),
         Figure(0.1 + 0.2, "#,##0.0", "0.3"), 2024, Status("met", "已达标"), ""),
        ("病有所医", name, Figure(1234.5, "#,##0.0", "1,234.5"), None, 2023,
         Status("other", "其他"), None),
    ]  # fmt: skip
    notes = {0: ["原因分析：统计口径调整。", "下一步措施：加强控辍保学。"], 2: ["数据待核实"]}
    table = Table("results", "监测结果", columns, rows, group="domain", notes=notes)
    return View("results", "监测结果", "zh", {}, [table], summary=["共3项"], primary="results")


def matrix_view(indicators: int = 4, regions: int = 3) -> View:
    names = [
        "九年义务教育巩固率",
        "学前教育毛入园率",
        "每千人口拥有3岁以下婴幼儿托位数",
        "人均预期寿命",
    ]
    places = ["汉台区", "南郑区", "城固县", "洋县", "西乡县", "勉县", "宁强县", "略阳县"]
    codes = list(LABELS)
    columns = (
        Column("region", "地区"),
        *(
            Column(f"i{n}", names[n % len(names)] + ("" if n < len(names) else str(n)))
            for n in range(indicators)
        ),
    )
    rows = [
        (places[r % len(places)] + ("" if r < len(places) else str(r)),
         *(Status(codes[(r + c) % 4], LABELS[codes[(r + c) % 4]]) for c in range(indicators)))
        for r in range(regions)
    ]  # fmt: skip
    table = Table("matrix", "各地区指标状态", columns, rows, matrix=True)
    return View("matrix", "各地区指标状态", "zh", {}, [table], primary="matrix")


# ------------------------------------------------------------------------------ table


@pytest.mark.parametrize("name", ["hanzhong", "ankang"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_table_at_width_100_never_splits_a_number(plans, name: str, lang: str) -> None:
    view = plan_view(plans[name], lang)
    text = render(view, "table", width=100)
    lines = lines_of(text)
    assert all(cell_len(line) <= 100 for line in lines), max(lines, key=cell_len)
    assert "┃" in text  # a grid, not the record layout
    for row in view.tables[0].rows:
        for cell in row:
            if isinstance(cell, Figure | int):
                assert any(f" {cell} " in line for line in lines), str(cell)


def test_table_drops_columns_empty_in_every_row(plans) -> None:
    view = plan_view(plans["hanzhong"])  # no baseline is printed in the plan
    assert all(row[view.tables[0].column("baseline")] == "" for row in view.tables[0].rows)
    assert "基期值" not in render(view, "table", width=160)
    assert "基期值" not in render(view, "markdown")
    assert "基期值" in render(view, "csv").splitlines()[0]  # a CSV keeps its columns
    assert "说明" not in render(results_view(), "table", width=100)


def test_table_wraps_long_names_within_the_width(plans) -> None:
    view = plan_view(plans["ankang"])
    text = render(view, "table", width=80)
    assert all(cell_len(line) <= 80 for line in lines_of(text))
    assert "以镇为单位适龄儿童免疫规划疫苗接种率" not in text  # wrapped…
    assert "以镇为单位" in text and "疫苗接种率" in text  # …at a readable point


def test_record_layout_when_the_table_does_not_fit(plans) -> None:
    view = plan_view(plans["hanzhong"])
    text = render(view, "table", width=40)
    lines = lines_of(text)
    assert "┃" not in text and "│" not in text
    assert all(cell_len(line) <= 40 for line in lines), max(lines, key=cell_len)
    rows = view.tables[0].rows
    assert sum(line.startswith("编号：") for line in lines) == len(rows)
    domains = list(dict.fromkeys(row[1] for row in rows))
    headings = [line.split(" ")[0] for line in lines if line.endswith("───")]
    assert headings == domains  # one rule per group, named once
    # a number is never broken: every target shown whole after its label
    for row in rows:
        if isinstance(row[5], Figure):
            assert any(
                line.startswith("目标值：") and line.endswith(f" {row[5]}") for line in lines
            )


def test_record_layout_shows_notes_under_the_row() -> None:
    text = render(results_view(), "table", width=40)
    lines = lines_of(text)
    at = lines.index(next(line for line in lines if line.startswith("备注：")))
    assert "原因分析" in lines[at] and "下一步措施" in lines[at + 1]
    assert "[1]" not in text


def test_table_row_notes_are_footnotes_and_group_shown_once() -> None:
    text = render(results_view(), "table", width=100)
    lines = lines_of(text)
    assert text.startswith("监测结果\n共3项\n\n┏")  # the title once, the summary, the table
    assert any("九年义务教育巩固率 [1]" in line for line in lines)
    assert any("人均预期寿命 [2]" in line for line in lines)
    assert any(line.startswith("[1] 原因分析：统计口径调整。") for line in lines)
    assert any(line.strip() == "下一步措施：加强控辍保学。" for line in lines)  # under [1]'s
    assert any(line.startswith("[2] 数据待核实") for line in lines)
    assert sum("学有所教" in line for line in lines) == 1  # the group once per run
    assert any(line.startswith("├") for line in lines)  # a line between the runs
    for shown in ("95.68%", "-0.9", "11.05", "1,234.5", "2025"):
        assert any(f" {shown} " in line for line in lines), shown


def test_table_neutralises_control_characters() -> None:
    hostile = "寿命\x1b]8;;http://evil\x07点我\x1b[31m\u202e[bold]x[/bold]\r覆盖"
    view = results_view(hostile)
    view.tables[0].notes[2] = ["\x1b[2J清屏"]
    view.summary.append("摘要\x1b[0m")
    for color in (False, True):
        text = render(view, "table", width=100, color=color)
        assert "\x1b]" not in text and "\x07" not in text and "\u202e" not in text
        assert "\r" not in text and "\x1b[2J" not in text
        assert "<U+001B>" in text and "<U+202E>" in text and "[bold]x[/bold]" in text
    plain = render(view, "table", width=100)
    assert "\x1b" not in plain  # nothing but text when not colouring
    records = render(view, "table", width=40)
    assert "\x1b" not in records and "<U+001B>" in records


def test_table_colours_statuses_and_bold_rows() -> None:
    text = render(results_view(), "table", width=100, color=True)
    assert "33m进度滞后" in text  # behind: yellow (in a bold row: 1;33)
    assert "\x1b[32m已达标" in text  # met: green
    assert "\x1b[1m" in text  # the bold row
    assert "\x1b" not in render(results_view(), "table", width=100)


def test_matrix_shows_glyphs_and_a_legend() -> None:
    view = matrix_view()
    text = render(view, "table", width=100)
    lines = lines_of(text)
    row = next(line for line in lines if "汉台区" in line)
    assert [cell.strip() for cell in row.strip("│").split("│")[1:]] == ["✓", "◦", "▴", "✗"]
    assert LEGEND in text
    markdown = render(view, "markdown")
    row = next(line for line in markdown.splitlines() if "南郑区" in line)
    assert [cell.strip() for cell in row.strip("|").split("|")[1:]] == ["◦", "▴", "✗", "✓"]
    assert LEGEND in markdown
    assert "进度正常" not in markdown.split(LEGEND)[0]  # glyphs in the cells, words in the legend


def test_matrix_too_wide_is_transposed_or_split_never_a_cell() -> None:
    view = matrix_view(indicators=12, regions=10)
    for width in (100, 60):
        text = render(view, "table", width=width)
        lines = lines_of(text)
        assert all(cell_len(line) <= width for line in lines), (width, max(lines, key=cell_len))
        glyphs = sum(line.count(g) for line in lines for g in "✓◦▴✗")
        assert glyphs == 12 * 10 + 4  # every cell once, and the legend's four
        assert LEGEND in text


def test_wrap_breaks_at_readable_points() -> None:
    assert wrap("每千人口拥有3岁以下婴幼儿托位数", 8) == [
        "每千人口",
        "拥有3岁",
        "以下婴幼",
        "儿托位数",
    ]
    lines = wrap("巩固率达到95.68%，比上年提高11.05个百分点", 12)
    assert all(cell_len(line) <= 12 for line in lines)
    assert any("95.68%，" in line for line in lines)  # the number and its comma together
    assert any("11.05个" in line for line in lines)
    assert wrap("compulsory_school_age_enrollment", 12)[0] == "compulsory_"


# --------------------------------------------------------------------------- markdown


def test_markdown_document(plans) -> None:
    text = render(plan_view(plans["hanzhong"]), "markdown")
    assert text.startswith("# 汉中市")
    table = [line for line in text.splitlines() if line.startswith("|")]
    assert table[1].startswith("|:")  # the alignment row
    assert sum("学有所教" in line for line in table) > 1  # the domain on every row
    notes = render(results_view(), "markdown")
    assert "**九年义务教育巩固率** [1]" in notes
    assert "- [1] 原因分析：统计口径调整。\\\n  下一步措施：加强控辍保学。" in notes
    assert "- [2] 数据待核实" in notes
    assert "说明" not in notes


# -------------------------------------------------------------------------------- CSV


def read(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_csv_status_codes_numbers_and_formula_guard() -> None:
    text = render(results_view(), "csv")
    assert not text.startswith("\ufeff")  # the command line adds the BOM
    header, *rows = read(text)
    assert header == ["领域", "指标", "实际值", "差距", "年份", "状态", "状态代码", "说明", "备注"]
    assert rows[0][2:7] == ["95.68%", "-0.9", "2025", "进度滞后", "behind"]
    assert rows[1][1] == '\'=HYPERLINK("http://x","y")'  # text that is a formula: guarded
    assert rows[1][3] == "0.3"  # no float noise
    assert rows[2][2] == "1234.5"  # no thousands separator
    assert rows[2][5:7] == ["其他", "other"]
    assert rows[0][8] == "原因分析：统计口径调整。；下一步措施：加强控辍保学。"
    assert rows[1][8] == ""


def test_csv_in_english_has_the_keys(plans) -> None:
    view = results_view()
    view.lang = "en"
    header = read(render(view, "csv"))[0]
    assert header == [
        "domain",
        "name",
        "actual",
        "gap",
        "year",
        "status",
        "status_code",
        "remark",
        "notes",
    ]
    plan = read(render(plan_view(plans["hanzhong"], "en"), "csv"))
    assert plan[0] == ["id", "domain", "indicator", "unit", "baseline", "target", "attribute"]
    assert all(not cell.startswith("'") for row in plan for cell in row)


def test_csv_guards_text_only() -> None:
    columns = (Column("name", "名称"), Column("value", "数值"))
    rows = [("-1+2", Figure(-3.5, "0.0", "-3.5")), ("@SUM(A1)", -2), ("+86 电话", 0.1 + 0.7)]
    view = View("t", "t", "zh", {}, [Table("t", "t", columns, rows)])
    assert read(render(view, "csv"))[1:] == [
        ["'-1+2", "-3.5"], ["'@SUM(A1)", "-2"], ["'+86 电话", "0.8"],
    ]  # fmt: skip


# ------------------------------------------------------------------------- the old helpers


def test_a_terminal_leaves_out_details_before_giving_up_the_grid() -> None:
    """The national check at 100 cells: a grid (not one block per row) without the optional
    columns, a line naming what was left out, every figure whole; a table with no rows says
    （无）. The files keep every column."""
    import psplan
    from psplan.views.assessment import assessment_view

    view = assessment_view(psplan.check("national", "examples/national-2023.csv"), "zh")
    text = render(view, "table", width=100)
    everything = text[text.index("全部指标") :]
    everything = everything[: everything.index("按 100 列宽排版")]  # up to the line under it
    assert "┃ 指标" in everything and "\n指标：" not in everything  # a grid, not records
    left_out = text[text.index("全部指标") :].split("按 100 列宽排版", 1)[1].split("\n")[0]
    for label in ("时间进度", "应达值", "趋势"):
        assert label in left_out
    assert "COLUMNS=200" in left_out  # wider than 100
    wider = render(view, "table", width=160)  # (COLUMNS=200 was said at 200: a trial's)
    said = [line for line in wider.splitlines() if "按 160 列宽排版" in line]
    assert said and all("如 COLUMNS=240；" in line for line in said)
    assert "滞后约束性指标\n（无）" in text
    results = view.table("results")
    actual = results.column("actual")
    shown = [row[actual].shown for row in results.rows if isinstance(row[actual], Figure)]
    assert shown and all(f" {figure} │" in everything for figure in shown)  # whole, in a cell
    markdown = render(view, "markdown")
    assert "| 时间进度 |" in markdown.replace("   ", " ").replace("  ", " ")
    assert "## 滞后约束性指标\n\n（无）" in markdown


# ------------------------------------------------ numbers, words and ids in a narrow terminal


def cell_texts(text: str) -> list[str]:
    """Every cell's line of a grid, stripped (the text between │ and │)."""
    return [part.strip() for line in lines_of(text) for part in line.split("│")[1:-1]]


def test_wrap_never_breaks_a_number_and_moves_it_whole() -> None:
    """1a: 50.59（2021年… at 8 cells: the number whole, （2021年 on the next line, not
    50.59（2 / 021年上."""
    assert wrap("50.59（2021年上报，首个数据）", 8) == ["50.59", "（2021年", "上报，首", "个数据）"]
    assert wrap("基期92.54（2021年上报）", 9)[:2] == ["基期92.54", "（2021年"]
    for width in range(9, 20):  # at least the longest number, 1,234.56
        lines = wrap("规划未列基期值，以首个上报数据（2021年 1,234.56）为基期；应达-52.795%", width)
        assert all(cell_len(line) <= width for line in lines), (width, lines)
        joined = " ".join(lines)
        for number in ("1,234.56", "-52.795%", "2021"):
            assert number in joined, (width, lines)


def test_a_wide_column_is_as_wide_as_its_longest_number() -> None:
    """1a: a wide column is never narrower than its longest number (1,234,567.89 is 12 cells,
    more than the 8 a wide column may shrink to)."""
    columns = (Column("name", "指标", wide=True), Column("baseline", "基期值", wide=True))
    rows = [("一个很长很长很长很长的指标名称", "1,234,567.89（2021年上报，首个数据）")]
    view = View("t", "t", "zh", {}, [Table("t", "t", columns, rows)])
    for width in (32, 40, 60):
        text = render(view, "table", width=width)
        assert all(cell_len(line) <= width for line in lines_of(text))
        assert any(cell.startswith("1,234,567.89") for cell in cell_texts(text)), width


def test_a_series_point_is_never_broken_inside() -> None:
    """1b: a line breaks between two series points, never between a year and its figure
    (2022: / 10.81); a no-break space holds too. The series text itself has plain spaces."""
    import psplan
    from psplan.views.trend import trend_view

    assert wrap("2021: 5.56 · 2022: 10.81", 14) == ["2021: 5.56 ·", "2022: 10.81"]
    assert unbreakable("2021: 5.56 · 2022: 10.81") == len("2022: 10.81")  # a column's least
    assert wrap("a\u00a0b\u00a0c d", 5) == ["a b c", "d"]
    report = psplan.check("national", "examples/national-2023.csv")
    view = trend_view(report, "zh")
    table = view.table()
    series = [str(row[table.column("series")]) for row in table.rows]
    assert "2020: 0.0 · 2021: 5.56 · 2022: 10.81 · 2023: 16.18" in series
    for width in (100, 120, 160):
        text = render(view, "table", width=width)
        assert all(cell_len(line) <= width for line in lines_of(text))
        cells = cell_texts(text) + [line.split("：", 1)[-1].strip() for line in lines_of(text)]
        assert not any(cell.endswith(":") for cell in cells if cell[:2] == "20"), width
    markdown = render(view, "markdown")
    assert "2022: 10.81" in markdown
    rows = read(render(view, "csv"))
    assert any("2022: 10.81" in cell for row in rows for cell in row)


def test_paragraphs_keep_file_names_and_numbers_whole() -> None:
    """1c: the summary, the notes and the line naming the columns left out wrap by the same
    rules: 报告.xlsx and 52.795 are never broken (rich does not re-wrap them)."""
    line = "按 100 列宽排版，未显示：单位、年份、差距、时间进度、应达值、趋势（写入文件可看全部列，如 -o 报告.xlsx）"
    note = "应达52.795，实际值1,234.5，写入 psplan-report.xlsx 可看全部列"
    view = results_view()
    view.summary.append(line)
    view.notes.append(note)
    for width in range(30, 101, 7):
        text = render(view, "table", width=width)
        lines = lines_of(text)
        assert all(cell_len(item) <= width for item in lines), width
        for whole in ("报告.xlsx）", "52.795", "1,234.5", "psplan-report.xlsx"):
            assert any(whole in item for item in lines), (width, whole)
    # the line naming the columns left out (a plan without its ids at 100)
    text = render(plan_view(load_plan("hanzhong")), "table", width=100)
    said = [item for item in lines_of(text) if "报告.xlsx" in item]
    assert said and said[-1].endswith("如 -o 报告.xlsx）") and "按 100 列宽排版" in text
    assert "终端" not in text  # a text file is laid out so too


def test_ids_are_left_out_first(plans, monkeypatch) -> None:
    """2: an id column is optional, and left out first: before a name is squeezed (show at
    100), before any other optional column; compare leaves out both of its ids."""
    import psplan
    from psplan.views.comparison import comparison_view

    monkeypatch.setenv("COLUMNS", "100")
    text = render(plan_view(plans["hanzhong"]), "table")
    lines = lines_of(text)
    assert "编号" not in lines[2] and "infant_care_places_per_1000" not in text
    assert any("每千人口拥有3岁以下婴幼儿托位数" in line for line in lines)  # not 5 a line
    assert "未显示：编号（" in text
    wide = render(plan_view(plans["hanzhong"]), "table", width=200)
    assert "infant_care_places_per_1000" in wide  # room for everything: the ids stay
    compared = comparison_view(psplan.compare("national", "suzhou"), "zh")
    text = render(compared, "table", width=160)
    header = next(line for line in lines_of(text) if "上级指标" in line)
    assert "上级编号" not in header and "本级编号" not in header
    assert "上级编号、本级编号" in text
    # the id first, then a wide optional column, the unit (narrow, beside a figure) last
    columns = (
        Column("id", "编号", wide=True, optional=True),
        Column("name", "指标", wide=True),
        Column("attribute", "属性", optional=True),
        Column("unit", "单位", optional=True),
        Column("actual", "实际值"),
        Column("trend", "趋势", wide=True, optional=True),
    )
    rows = [("elderly_care_beds_total", "养老服务床位总数", "预期性", "万张",
             Figure(823.0, "0.0", "823.0"), "趋势正常 · 可望完成")]  # fmt: skip
    view = View("t", "t", "zh", {}, [Table("t", "t", columns, rows)])
    assert "elderly_care_beds_total" in render(view, "table", width=120)
    narrow = render(view, "table", width=48)
    assert "┃" in narrow and "万张" in narrow and "823.0" in narrow
    assert (
        "elderly_care" not in narrow and "编号" in narrow.split("┃ 指标")[-1]
    )  # named as left out


def test_a_national_check_keeps_the_unit_beside_its_figures() -> None:
    """2: at 100 cells `check` leaves out the attribute, not the unit: 823.0 reads 万张."""
    import psplan
    from psplan.views.assessment import assessment_view

    view = assessment_view(psplan.check("national", "examples/national-2023.csv"), "zh")
    text = render(view, "table", width=100)
    everything = text[text.index("全部指标") :]
    header = next(line for line in lines_of(everything) if line.startswith("┃"))
    assert "单位" in header
    row = next(line for line in lines_of(everything) if " 823.0 " in line)
    assert "万张" in row


def test_english_words_and_headers_are_not_broken() -> None:
    """3: a wide column is as wide as its header's longest word and its longest word up to
    12 cells: indicator, deteriorating, not indicato / r, deterior / ating."""
    columns = (
        Column("domain", "domain", wide=True),
        Column("indicator", "indicator", wide=True),
        Column("actual", "actual"),
        Column("trend", "trend", wide=True),
        Column("reason", "reason", wide=True),
    )
    rows = [("养老服务", "养老机构护理型床位占比", Figure(51.63, "0.00", "51.63"),
             "deteriorating, unlikely", "the first figure reported (2021: 50.59) is used")]  # fmt: skip
    view = View("t", "t", "en", {}, [Table("t", "t", columns, rows)])
    for width in (70, 80, 100):
        text = render(view, "table", width=width)
        assert "┃" in text, width  # a grid
        words = {word.strip(",();:") for word in re.split(r"[\s│┃]+", text)}
        assert "indicator" in words and "deteriorating" in words, (width, text)
        assert "reported" in words and "unlikely" in words
    assert wrap("compulsory_school_age_enrollment", 12)[0] == "compulsory_"  # a long code


def test_plain_width_from_columns(monkeypatch) -> None:
    """4: not colouring and no width given: COLUMNS where it is a whole number ≥ 20, else
    100."""
    from psplan.formats.table import plain_width

    view = matrix_view(indicators=12, regions=10)
    for value, expected in (("60", 60), ("160", 160), ("abc", 100), ("10", 100), ("", 100)):
        monkeypatch.setenv("COLUMNS", value)
        assert plain_width() == expected
        assert render(view, "table") == render(view, "table", width=expected), value
    monkeypatch.delenv("COLUMNS")
    assert plain_width() == 100


def test_a_plan_sheet_has_a_short_name(plans) -> None:
    """5: a sheet is named by a table's title only when a sheet name holds it."""
    from openpyxl import load_workbook

    data = render(plan_view(plans["hanzhong"]), "xlsx")
    assert load_workbook(io.BytesIO(data)).sheetnames == ["指标"]
    assert plan_view(plans["hanzhong"], "en").tables[0].title == "Indicators"


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_by_region_shows_the_matrix_in_table_and_markdown(fmt: str) -> None:
    """`check --by-region` (the generated Hanzhong counties) shows the region × indicator
    matrix itself in the table and markdown, not only in JSON: every region named, a status
    glyph per cell, the legend under it."""
    from typer.testing import CliRunner

    from psplan.cli import app

    result = CliRunner().invoke(
        app, ["check", "hanzhong", "examples/generated/hanzhong-counties.csv", "--by-region",
              "-f", fmt], env={"COLUMNS": "100"},
    )  # fmt: skip
    assert result.exit_code == 1, result.output  # binding indicators lag in some counties
    text = result.stdout
    for region in ("全市", "汉台区", "南郑区", "城固县", "洋县"):
        assert region in text
    assert "各地区指标状态" in text and "图例：" in text
    legend = next(line for line in text.splitlines() if "图例：" in line)
    assert "▴ 进度滞后" in legend and "✓ 已达标" in legend
    # one glyph per (region, indicator): the counts of the summary (met 12, on track 56,
    # behind 87 of 155), in the matrix above its legend
    matrix = text[text.index("各地区指标状态") : text.index("图例：")]
    assert (matrix.count("✓"), matrix.count("◦"), matrix.count("▴")) == (12, 56, 87)


def prose_view() -> View:
    """The results view with sections, as the evaluation report has them: a summary paragraph
    with a bold run placing the table, and a sub-section with a label and a placeholder."""
    from psplan.views.model import Paragraph, Section

    view = results_view()
    reason = Paragraph((Text("原因分析：", "bold"), Text("【待填写】", "placeholder")))
    summary = Paragraph(("共3项，", Text("滞后 1 项", "bold"), "。"))
    view.sections = [
        Section("一、总体情况", [summary], tables=["results"]),
        Section("九年义务教育巩固率", [reason], level=2),
    ]
    return view


def test_markdown_writes_a_report_in_prose() -> None:
    """A view with sections (the evaluation report): headings by level, paragraphs with bold
    labels and the 【待填写】 placeholder in bold, then the tables each section places."""
    view = prose_view()
    text = render(view, "markdown")
    assert "## 一、总体情况\n\n共3项，**滞后 1 项**。\n\n| 领域" in text
    assert "### 九年义务教育巩固率\n\n**原因分析**：【**待填写**】" in text  # CommonMark: see _bold
    assert text.count("| 领域") == 1  # the table once, where its section places it


def test_html_writes_a_report_in_prose() -> None:
    view = prose_view()
    page = render(view, "html")
    assert (
        "<h2>一、总体情况</h2><p>共3项，<strong>滞后 1 项</strong>。</p>"
        '<div data-part="results"><h3>监测结果</h3><div class="wrap"><table' in page
    )
    assert (
        "<h3>九年义务教育巩固率</h3><p><strong>原因分析：</strong><mark>【待填写】</mark></p>"
        in page
    )
    assert page.count('data-table="results"') == 1


def test_a_terminal_lists_no_county_scale_table_and_says_where_it_is() -> None:
    """A table of more than 2,000 rows (a country's counties make 185,600 results) is not
    drawn in a terminal — it took minutes — but named, with the formats that hold it; the
    other tables of the view are drawn as ever."""
    from psplan.formats.table import ROWS_LIMIT

    columns = (Column("region", "地区"), Column("status", "状态"))
    big = Table("results", "全部指标", columns,
                [(f"县{n}", Status("met", "已达标")) for n in range(ROWS_LIMIT + 1)])  # fmt: skip
    small = Table("counts", "状态统计", columns, [("全市", Status("behind", "进度滞后"))])
    view = View("assessment", "报告", "zh", None, [small, big])
    text = render(view, "table")
    assert (
        "全部指标\n本表超过 2,000 行，文本表格中不逐行列出；完整表格请输出 CSV、JSON 或 XLSX"
        in text
    )
    assert "县1 " not in text and "进度滞后" in text
    english = render(View("assessment", "r", "en", None, [big]), "table")
    assert "more than 2,000 rows, too many to list in a text table" in english


def test_markdown_of_a_county_scale_table_is_the_same_table_unpadded() -> None:
    from psplan.formats.markdown import ALIGNED_ROWS

    columns = (Column("region", "地区"), Column("actual", "实际值"))
    rows = [(f"县{n}", Figure(n, "0", str(n))) for n in range(ALIGNED_ROWS + 1)]
    text = render(View("assessment", "报告", "zh", None, [Table("results", "全部指标",
                                                                columns, rows)]), "markdown")  # fmt: skip
    lines = [line for line in text.splitlines() if line.startswith("|")]
    assert lines[:3] == ["| 地区 | 实际值 |", "|:---|---:|", "| 县0 | 0 |"]
    assert len(lines) == ALIGNED_ROWS + 3  # header, rule, every row
    small = render(View("assessment", "报告", "zh", None,
                        [Table("results", "全部指标", columns, rows[:3])]), "markdown")  # fmt: skip
    assert "| 县0    |        0 |" in small  # aligned as ever


def test_a_text_table_says_a_note_shared_by_many_rows_once(tmp_path: Path) -> None:
    """An indicator's plan note under each of 54 counties was 54 footnotes in a text table
    (a trial's finding: 693 footnotes at 94 counties), where markdown numbered it once: every
    row with the same notes now points at one footnote, in both."""
    import psplan
    from psplan.views.assessment import assessment_view

    name = "每千人口执业（助理）医师数"
    rows = "".join(f"{region},{name},2023,{3 + n / 10}\n"
                   for n, region in enumerate(("甲县", "乙县", "丙县")))  # fmt: skip
    path = tmp_path / "three.csv"
    path.write_text("地区,指标,年份,数值\n" + rows, encoding="utf-8")
    view = assessment_view(psplan.check("ankang", path), "zh")
    note = "国家规划的指标名称为每千人口拥有执业(助理)医师数"
    for form in ("table", "markdown"):
        text = render(view, form, width=200) if form == "table" else render(view, "markdown")
        assert text.count(note) == 1, form
