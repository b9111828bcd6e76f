"""Reading actuals as statistics-bureau analysts make them in Excel: year headers typed or
date-formatted, a title block above the header, notes and totals under the data, several
sheets, units after numbers, extra columns, and the collection template read back whole.

The reader is tested through `read_actuals` directly; a few runs go through the CLI in-process.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
from pathlib import Path

import pytest
from corpus.readers import cell, long_sheet, merges, shared, sheet
from corpus.readers import row as xml_row
from corpus.readers import workbook as xlsx_bytes
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from typer.testing import CliRunner

import psplan
from psplan.actuals.read import ActualRow, SheetEntry, header_year, read_actuals
from psplan.actuals.units import canonical_unit, same_unit
from psplan.actuals.values import parse_value
from psplan.cli import app
from psplan.errors import Location, Problem, PsplanError
from psplan.formats import render
from psplan.formats.csv import with_bom
from psplan.plan.plans import load_plan
from psplan.views.template import INSTRUCTIONS, template_header, template_view
from psplan.words import use_lang

runner = CliRunner()
#: These tests read the library's messages in English (Chinese is the default); the command
#: line's are in English with --lang en.
pytestmark = pytest.mark.usefixtures("english")


# ---------------------------------------------------------------- helpers


def template_xlsx(plan, years: list[int], regions: list[str]) -> bytes:
    """The template workbook, as `psplan template -o t.xlsx` writes it."""
    return render(template_view(plan, years, regions), "xlsx")


def template_csv(plan, years: list[int], regions: list[str]) -> bytes:
    """The template CSV, as `psplan template -o t.csv` writes it (with the byte-order mark)."""
    return with_bom(render(template_view(plan, years, regions), "csv"))


def read(path: Path | str, **options: str) -> list[ActualRow | Problem | SheetEntry]:
    return list(read_actuals(path, **options))


def figures(items: list) -> dict[tuple[str, int], str]:
    return {(r.indicator, r.year): r.value.raw for r in items if type(r) is ActualRow}


def warnings(items: list) -> list[str]:
    return [
        f"{p.location}: {p.message}" for p in items if type(p) is Problem and p.level == "warning"
    ]


def errors(items: list) -> list[Problem]:
    return [p for p in items if type(p) is Problem and p.level == "error"]


def entries(items: list) -> list[SheetEntry]:
    return [e for e in items if type(e) is SheetEntry]


def written(path: Path, rows: list[list[object]]) -> Path:
    """`rows` as a CSV file (UTF-8) or, for an .xlsx path, a workbook's one sheet."""
    if path.suffix == ".csv":
        path.write_text("\n".join(",".join(map(str, row)) for row in rows) + "\n", "utf-8")
        return path
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def csv_file(tmp_path: Path, text: str, name: str = "a.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def workbook(tmp_path: Path, sheets: dict[str, list[list[object]]], **states: str) -> Path:
    """An .xlsx with the given sheets in order (sheet_state per title in `states`)."""
    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
        sheet.sheet_state = states.get(title, "visible")
    path = tmp_path / "actuals.xlsx"
    book.save(path)
    return path


def cli(*args: str):
    result = runner.invoke(app, list(args), catch_exceptions=False)  # a bug fails the test
    assert "Traceback" not in (result.stderr or ""), result.stderr
    return result


DATA = [
    ["指标", "年份", "数值"],
    ["九年义务教育巩固率", 2023, 95.7],
    ["学前教育毛入园率", 2023, 91.1],
]


# ---------------------------------------------------------------- 1. year headers


@pytest.mark.parametrize(
    ("cell", "year"),
    [
        (2021, 2021),
        (2021.0, 2021),
        ("2021.0", 2021),
        ("２０２１年", 2021),
        (dt.date(2021, 1, 1), 2021),
        (dt.datetime(2021, 12, 31, 0, 0), 2021),
        ("2021年完成值", 2021),
        ("2021年实际值", 2021),
        ("2021年末", 2021),
        ("2021年度", 2021),
        ("2021年数据", 2021),
        ("2021年实际", 2021),
        ("2021年(%)", 2021),
        ("2025年目标值", None),
        ("2025年目标", None),
        ("目标值", None),
        (dt.date(1905, 7, 15), None),  # 2023 typed into a yyyy"年" cell shows as 1905年
        (2021.5, None),
        (True, None),
        ("2021年1-6月", None),
    ],
)
def test_header_year(cell: object, year: int | None) -> None:
    assert header_year(cell) == year


def test_date_and_number_typed_year_headers_in_a_workbook(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(
        ["指标", dt.date(2021, 1, 1), dt.datetime(2022, 1, 1), 2023, "2024.0", "2025年实际值"]
    )
    sheet["B1"].number_format = 'yyyy"年"'
    sheet["C1"].number_format = "yyyy/m/d"
    sheet.append(["九年义务教育巩固率", 95.3, 95.4, 95.5, 95.6, 95.9])
    path = tmp_path / "dates.xlsx"
    book.save(path)
    items = read(path)
    assert figures(items) == {
        ("九年义务教育巩固率", year): raw
        for year, raw in zip(
            range(2021, 2026), ["95.3", "95.4", "95.5", "95.6", "95.9"], strict=True
        )
    }
    assert warnings(items) == [] and errors(items) == []


def test_date_typed_year_headers_saved_as_csv(tmp_path: Path) -> None:
    """The same sheet saved as CSV: Excel writes its date headers as it shows them (2024/1/1);
    they were "未识别的列" while the workbook was read (trial 11, D10). A date that is no day
    (2024/13/1) names no year."""
    path = csv_file(tmp_path, "指标,2021/1/1,2022-01-01,2023/1/1 0:00,2024年1月1日\n"
                              "九年义务教育巩固率,95.3,95.4,95.5,95.6\n")  # fmt: skip
    items = read(path)
    assert figures(items) == {
        ("九年义务教育巩固率", year): raw
        for year, raw in zip(range(2021, 2025), ["95.3", "95.4", "95.5", "95.6"], strict=True)
    }
    assert warnings(items) == [] and errors(items) == []
    assert [header_year(text) for text in ("2024/13/1", "2024/2/30", "1/1/2024")] == [None] * 3


@pytest.mark.parametrize(
    "suffix", ["年完成值", "年实际值", "年末", "年度", "年数据", "年实际", ".0"]
)
def test_year_headers_with_words_after_the_year(tmp_path: Path, suffix: str) -> None:
    path = csv_file(tmp_path, f"指标,2022{suffix},2023{suffix}\n九年义务教育巩固率,95.5,95.7\n")
    assert figures(read(path)) == {
        ("九年义务教育巩固率", 2022): "95.5",
        ("九年义务教育巩固率", 2023): "95.7",
    }


def test_target_columns_are_skipped_with_a_warning_naming_them(tmp_path: Path) -> None:
    path = csv_file(
        tmp_path,
        "指标,2023年完成值,2025年目标值,2025年目标,规划目标\n九年义务教育巩固率,95.7,96,96,96\n",
    )
    items = read(path)
    assert figures(items) == {("九年义务教育巩固率", 2023): "95.7"}
    assert warnings(items) == [
        f"{path}:1:3: skipped column C '2025年目标值': a target, not a reported figure",
        f"{path}:1:4: skipped column D '2025年目标': a target, not a reported figure",
        f"{path}:1:5: skipped column E '规划目标': a target, not a reported figure",
    ]


def test_only_target_columns_is_not_a_layout(tmp_path: Path) -> None:
    path = csv_file(tmp_path, "指标,2025年目标值\n九年义务教育巩固率,96\n")
    with pytest.raises(PsplanError, match="cannot tell the layout"):
        read(path)


# ---------------------------------------------------------------- 2. a title block


TITLE = [
    ["汉中市“十四五”公共服务指标监测表"],
    ["填报单位：汉中市统计局", None, "填报日期：2024年3月"],
    [],
]


def test_title_block_above_the_header_in_a_workbook(tmp_path: Path) -> None:
    path = workbook(tmp_path, {"Sheet": [*TITLE, *DATA]})
    items = read(path)
    assert figures(items) == {
        ("九年义务教育巩固率", 2023): "95.7",
        ("学前教育毛入园率", 2023): "91.1",
    }
    assert warnings(items) == [
        f"{path}:1: skipped a row above the header: '汉中市“十四五”公共服务指标监测表'",
        f"{path}:2: skipped a row above the header: '填报单位：汉中市统计局 填报日期：2024年3月'",
    ]
    assert [r.line for r in items if type(r) is ActualRow] == [5, 6]


def test_title_line_without_delimiters_above_a_tab_separated_header(tmp_path: Path) -> None:
    path = csv_file(
        tmp_path, "公共服务指标监测表\n\n指标\t年份\t数值\n九年义务教育巩固率\t2023\t95.7\n"
    )
    items = read(path)
    assert figures(items) == {("九年义务教育巩固率", 2023): "95.7"}
    assert warnings(items) == [f"{path}:1: skipped a row above the header: '公共服务指标监测表'"]


def test_a_title_with_commas_above_a_tab_separated_header(tmp_path: Path) -> None:
    """A title with a comma (and a quoted cell with commas) does not make the file
    comma-separated: the tabs of every row do."""
    path = csv_file(
        tmp_path,
        "汉中市公共服务指标监测表, 2023年\n指标\t年份\t数值\t备注\n"
        '九年义务教育巩固率\t2023\t95.7\t"初中,小学,合计"\n学前教育毛入园率\t2023\t91.1\t\n',
    )
    items = read(path)
    assert figures(items) == {
        ("九年义务教育巩固率", 2023): "95.7",
        ("学前教育毛入园率", 2023): "91.1",
    }
    assert warnings(items) == [
        f"{path}:1: skipped a row above the header: '汉中市公共服务指标监测表, 2023年'"
    ]


def test_a_year_column_of_dates_reads_each_dates_year(tmp_path: Path) -> None:
    """Excel saves a date cell in a CSV as it shows it (2021/12/31): a year column of dates
    was an error while a header of dates, and a workbook's date cells, read as their year (a
    new user's trial). A year and a month (2021-06) is not a year's figure: still an error."""
    rows = "".join(
        f"九年义务教育巩固率,{text},{95 + k}\n"
        for k, text in enumerate(["2021/12/31", "2022-12-31", "2023年12月31日", "2024/12/31 0:00"])
    )
    path = csv_file(tmp_path, "指标,年份,数值\n" + rows)
    assert figures(read(path)) == {
        ("九年义务教育巩固率", 2021): "95",
        ("九年义务教育巩固率", 2022): "96",
        ("九年义务教育巩固率", 2023): "97",
        ("九年义务教育巩固率", 2024): "98",
    }
    for text in ("2021-06", "2021/2/30"):
        bad = csv_file(tmp_path, f"指标,年份,数值\n九年义务教育巩固率,{text},95\n")
        (problem,) = read(bad)
        assert (problem.level, problem.location.line, problem.words.key) == (
            "error",
            2,
            "actuals.bad_year",
        )


def test_a_csv_row_cut_short_before_its_year_says_so(tmp_path: Path) -> None:
    """A row of two cells under a header of four said 年份“”不是有效年份, as though a year had
    been written blank (a new user's trial). A note under the table is still a skipped row."""
    path = csv_file(
        tmp_path,
        "地区,指标,年份,数值\n汉滨区,九年义务教育巩固率\n汉滨区,九年义务教育巩固率,2023,95\n"
        "注：数据来源于统计局\n",
    )
    items = read(path)
    (error,) = [p for p in items if type(p) is Problem and p.level == "error"]
    assert (error.location.line, error.words.key) == (2, "actuals.short_row")
    assert error.words.render("zh").startswith(
        "该行只有 2 个单元格，到不了表头第 3 列的年份（表头有 4 列）"
    )
    assert figures(items) == {("九年义务教育巩固率", 2023): "95"}
    assert warnings(items) == [f"{path}:4: skipped a note row: '注：数据来源于统计局'"]


def test_no_header_within_the_first_rows_is_still_an_error(tmp_path: Path) -> None:
    path = csv_file(tmp_path, "标题\n" * 25 + "指标,年份,数值\n九年义务教育巩固率,2023,95\n")
    with pytest.raises(PsplanError, match="no indicator column") as caught:
        read(path)
    assert str(caught.value).startswith(f"{path}:1:")


def test_title_block_through_the_cli(tmp_path: Path) -> None:
    path = workbook(tmp_path, {"Sheet": [*TITLE, *DATA]})
    result = cli("check", "national", str(path), "--format", "json", "--lang", "en")
    assert result.exit_code in (0, 1), result.stderr
    assert "skipped a row above the header" in result.stderr


# ---------------------------------------------------------------- 3. notes and totals


NOTES = [
    "注：数据来源于市教育局",
    "注:2023年为快报数",
    "注",
    "备注：无",
    "说明：带*为约束性指标",
    "说明",
    "数据来源：统计年鉴",
    "资料来源：卫健委",
    "填报单位：汉中市统计局",
    "填报人：张三",
    "审核人：李四",
    "联系人：王五 电话 0916-1234567",
    "制表：综合科",
]
TOTALS = ["合计", "总计", "小计", "合  计", "合　计"]


@pytest.mark.parametrize("text", NOTES + TOTALS)
def test_note_and_total_rows_under_a_wide_table_are_skipped(tmp_path: Path, text: str) -> None:
    path = workbook(
        tmp_path,
        {"Sheet": [["指标", 2022, 2023], ["九年义务教育巩固率", 95.5, 95.7], [text, 1, 2]]},
    )
    items = read(path)
    assert errors(items) == []
    assert figures(items) == {
        ("九年义务教育巩固率", 2022): "95.5",
        ("九年义务教育巩固率", 2023): "95.7",
    }
    kind = "a total row" if text in TOTALS else "a note row"
    assert warnings(items) == [f"{path}:3: skipped {kind}: {text!r}"]


def test_note_and_total_rows_under_a_long_table_are_skipped(tmp_path: Path) -> None:
    path = csv_file(
        tmp_path,
        "指标,年份,数值\n九年义务教育巩固率,2023,95.7\n合计,2023,95.7\n"
        "注：2023年为快报数,,\n数据来源：统计年鉴\n",
    )
    items = read(path)
    assert errors(items) == []
    assert figures(items) == {("九年义务教育巩固率", 2023): "95.7"}
    assert warnings(items) == [
        f"{path}:3: skipped a total row: '合计'",
        f"{path}:4: skipped a note row: '注：2023年为快报数'",
        f"{path}:5: skipped a note row: '数据来源：统计年鉴'",
    ]


def test_a_note_typed_into_the_first_column_is_skipped(tmp_path: Path) -> None:
    path = csv_file(tmp_path, "序号,指标,2023\n1,九年义务教育巩固率,95.7\n注：单位为%,,\n")
    items = read(path)
    assert errors(items) == [] and figures(items) == {("九年义务教育巩固率", 2023): "95.7"}
    assert warnings(items) == [f"{path}:3: skipped a note row: '注：单位为%'"]


def test_indicators_that_start_like_a_note_are_read(tmp_path: Path) -> None:
    expected = {("注册护士数", 2023): "3.5", ("说明书发放率", 2023): "1", ("备注栏", 2023): "2"}
    long = csv_file(
        tmp_path, "指标,年份,数值\n注册护士数,2023,3.5\n说明书发放率,2023,1\n备注栏,2023,2\n"
    )
    wide = csv_file(tmp_path, "指标,2023\n注册护士数,3.5\n说明书发放率,1\n备注栏,2\n", "w.csv")
    assert figures(read(long)) == figures(read(wide)) == expected


def test_total_row_no_longer_fails_the_check(tmp_path: Path) -> None:
    path = csv_file(tmp_path, "指标,2023\n九年义务教育巩固率,96\n合计,96\n")
    result = cli("check", "national", str(path), "--format", "json", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert "skipped a total row: '合计'" in result.stderr
    result = cli("check", "national", str(path), "--format", "json")  # Chinese by default
    assert result.exit_code == 0, result.stderr
    assert "已跳过合计行：“合计”" in result.stderr


def test_a_region_named_as_a_total_is_skipped_as_a_total(tmp_path: Path) -> None:
    """全市合计 or 汉中市小计 in the region column is the counties' total, not a county: it
    entered their spread and their outliers. Skipped, and said, as 合计 is."""
    path = csv_file(tmp_path, "指标,地区,年份,数值\n人均预期寿命,汉台区,2023,78\n"
                    "人均预期寿命,南郑区,2023,77.5\n人均预期寿命,全市合计,2023,77.8\n"
                    "人均预期寿命,汉中市 小计,2023,77.8\n")  # fmt: skip
    result = cli("check", "hanzhong", str(path), "--by-region", "--format", "json")
    assert result.exit_code in (0, 1), result.stderr
    assert json.loads(result.stdout)["regions"] == ["汉台区", "南郑区"]
    assert f"{path}:4: 已跳过合计行：“全市合计”" in result.stderr
    assert f"{path}:5: 已跳过合计行：“汉中市 小计”" in result.stderr


@pytest.mark.parametrize("engine", ["rows", "columnar"])
def test_a_files_many_total_rows_are_named_three_then_counted(tmp_path: Path, engine: str) -> None:
    """A 小计 row under each county made a warning each: at county scale they filled the 50
    warnings printed and hid the rest (trial 12, D10). Three are named, the third saying how
    many more of that file were skipped alike; check and lint say the same (GENERATED)."""
    rows = "".join(f"人均预期寿命,{county},2023,78\n人均预期寿命,小计,2023,78\n"
                   for county in ("汉台区", "南郑区", "城固县", "洋县", "西乡县"))  # fmt: skip
    path = csv_file(tmp_path, "指标,地区,年份,数值\n" + rows)
    report = psplan.check("hanzhong", path, engine=engine)
    skipped = [(w.location.line, w.words.render("zh")) for w in report.warnings
               if w.code == "skipped-row"]  # fmt: skip
    assert skipped == [(3, "已跳过合计行：“小计”"), (5, "已跳过合计行：“小计”"),
                       (7, "已跳过合计行：“小计”；本文件另有 2 行同样跳过")]  # fmt: skip
    linted = [(p.location.line, p.words.render("zh")) for p in psplan.lint("hanzhong", path, engine=engine)
              if p.code == "skipped-row"]  # fmt: skip
    assert linted == skipped


@pytest.mark.parametrize("engine", ["rows", "columnar"])
def test_a_region_named_as_an_average_is_skipped_as_a_total_is(tmp_path: Path, engine: str) -> None:
    """全市平均 in the region column was judged as a 12th county: in the spread, the lagging
    lists and the outliers' median (trial 12, D2). The regions' average is none of them."""
    path = csv_file(tmp_path, "指标,地区,年份,数值\n人均预期寿命,汉台区,2023,78\n"
                    "人均预期寿命,南郑区,2023,77.5\n人均预期寿命,全市平均,2023,77.8\n"
                    "人均预期寿命,各县区 平均值,2023,77.8\n")  # fmt: skip
    report = psplan.check("hanzhong", path, engine=engine)
    assert report.regions == ["汉台区", "南郑区"]
    skipped = [w for w in report.warnings if w.code == "skipped-row"]
    assert [(w.location.line, w.words.render("zh")) for w in skipped] == [
        (4, "已跳过平均值行：“全市平均”（各地区的平均不是一个地区）"),
        (5, "已跳过平均值行：“各县区 平均值”（各地区的平均不是一个地区）"),
    ]


# ---------------------------------------------------------------- 4. sheets


def test_a_workbook_of_a_sheet_per_county_reads_each_sheet_as_its_county(tmp_path: Path) -> None:
    """County bureaus send one sheet per county, named after it, without a region column: the
    sheets were one dataset, and every figure "differed between two sheets" — 50 false errors
    (trial 12, D1); with --sheet, one county's figures were the whole city's (D11). A sheet
    named as a county is (汉台区, 洋县) gives that county's figures, said once per sheet; a
    sheet named otherwise (a department's) keeps the region it gives. GENERATED figures."""
    header = ["指标", "2022", "2023"]
    path = workbook(tmp_path, {
        "填报说明": [["请按县区填报"]],
        "汉台区": [header, ["人均预期寿命", 77.9, 78.1]],
        "洋县": [header, ["人均预期寿命", 76.5, 76.8]],
    })  # fmt: skip
    report = psplan.check("hanzhong", path)
    assert report.regions == ["汉台区", "洋县"]
    by_region = {r.region: r.verdict.actual for r in report.results
                 if r.indicator.name == "人均预期寿命"}  # fmt: skip
    assert by_region == {"汉台区": 78.1, "洋县": 76.8}
    said = [w.words.render("zh") for w in report.warnings if w.code == "sheet-region"]
    assert said == [
        "工作表“汉台区”没有地区列，按工作表名读作地区“汉台区”的数据",
        "工作表“洋县”没有地区列，按工作表名读作地区“洋县”的数据",
    ]
    one = cli("check", "hanzhong", str(path), "--sheet", "洋县", "--by-region", "-f", "json")
    assert json.loads(one.stdout)["regions"] == ["洋县"]
    # its warnings name the sheet, as those of a sheet of several do (they named the workbook)
    assert f"psplan: warning: {path}[洋县]: 工作表“洋县”没有地区列" in one.stderr
    (tmp_path / "dept").mkdir()
    departments = workbook(tmp_path / "dept", {"市卫健委": [header, ["人均预期寿命", 77.9, 78.1]]})
    assert psplan.check("hanzhong", departments).regions == [None]


def test_empty_first_sheet_and_data_on_the_second(tmp_path: Path) -> None:
    path = workbook(tmp_path, {"Sheet1": [], "2023": DATA})
    items = read(path)
    assert len(figures(items)) == 2
    assert warnings(items) == [
        f"{path}: skipped sheet 'Sheet1': empty",
        f"{path}: reading sheet '2023'",
    ]


def test_hidden_and_instruction_sheets_are_skipped(tmp_path: Path) -> None:
    instructions = [[line] for line in INSTRUCTIONS]
    hidden = [["指标", "年份", "数值"], ["九年义务教育巩固率", 2023, 1]]
    path = workbook(
        tmp_path,
        {"说明": instructions, "old": hidden, "2023": DATA, "calc": hidden},
        old="hidden",
        calc="veryHidden",
    )
    items = read(path)
    assert figures(items)[("九年义务教育巩固率", 2023)] == "95.7"
    assert warnings(items) == [  # the template's own 说明 sheet holds no figures: no news
        f"{path}: skipped sheet 'old': hidden",
        f"{path}: skipped sheet 'calc': hidden",
        f"{path}: reading sheet '2023'",
    ]


def test_several_sheets_with_figures_are_read_together(tmp_path: Path) -> None:
    """One sheet per department in one workbook is one dataset, like one file each: every
    figure is located in its sheet, equal figures merge, different ones name both sheets."""
    education = [["指标", "年份", "数值"], ["九年义务教育巩固率", 2023, 95.7]]
    health = [["指标", "年份", "数值"], ["学前教育毛入园率", 2023, 91.1],
              ["九年义务教育巩固率", 2023, 95.7]]  # fmt: skip
    path = workbook(tmp_path, {"说明": [["notes"]], "市教育体育局": education, "市卫健委": health})
    items = read(path)
    located = sorted((r.file, r.line, r.indicator) for r in items if type(r) is ActualRow)
    assert located == [
        (f"{path}[市卫健委]", 2, "学前教育毛入园率"),
        (f"{path}[市卫健委]", 3, "九年义务教育巩固率"),
        (f"{path}[市教育体育局]", 2, "九年义务教育巩固率"),
    ]
    result = cli("check", "national", str(path), "--lang", "en")
    assert result.exit_code == 0, result.stderr
    health[2][2] = 96.0
    path = workbook(tmp_path, {"市教育体育局": education, "市卫健委": health})
    result = cli("check", "national", str(path), "--lang", "en")
    assert result.exit_code == 2
    assert f"{path}[市卫健委]:3" in result.stderr
    assert f"{path}[市教育体育局]" in result.stderr and "line 2" in result.stderr, result.stderr


def test_a_bad_cell_in_one_of_several_sheets_names_its_sheet(tmp_path: Path) -> None:
    other = [["指标", "年份", "数值"], ["学前教育毛入园率", 2023, "=1/0"]]
    path = workbook(tmp_path, {"a": DATA, "b": other})
    result = cli("check", "national", str(path), "--lang", "en")
    assert result.exit_code == 2
    assert f"{path}[b]:2:3" in result.stderr, result.stderr


def test_sheet_given_explicitly_is_read_as_before(tmp_path: Path) -> None:
    other = [["指标", "年份", "数值"], ["九年义务教育巩固率", 2022, 95.0]]
    path = workbook(tmp_path, {"2022": other, "2023": DATA, "h": other}, h="hidden")
    items = read(path, sheet="2023")
    assert warnings(items) == [] and len(figures(items)) == 2
    assert figures(read(path, sheet="h")) == {("九年义务教育巩固率", 2022): "95"}
    with pytest.raises(PsplanError, match="no sheet 'nope'"):
        read(path, sheet="nope")


def test_only_empty_sheets_is_an_empty_file(tmp_path: Path) -> None:
    path = workbook(tmp_path, {"a": [], "b": []})
    with pytest.raises(PsplanError, match="the file is empty"):
        read(path)


def test_one_sheet_without_a_header_keeps_its_header_error(tmp_path: Path) -> None:
    path = workbook(tmp_path, {"a": [], "b": [["foo", "bar"], [1, 2]]})
    with pytest.raises(PsplanError, match=r"no indicator column in the header \(foo, bar\)"):
        read(path)


def test_empty_first_sheet_through_the_cli(tmp_path: Path) -> None:
    path = workbook(tmp_path, {"Sheet1": [], "2023": DATA})
    result = cli("check", "national", str(path), "--format", "json", "--lang", "en")
    assert result.exit_code in (0, 1), result.stderr
    assert "reading sheet '2023'" in result.stderr


# ---------------------------------------------------------------- 5. units after a number


@pytest.mark.parametrize(
    ("raw", "number", "unit"),
    [
        ("2.05㎡", 2.05, "平方米"),
        ("2.05平方米", 2.05, "平方米"),
        ("2.05m²", 2.05, "平方米"),
        ("2.05 m2", 2.05, "平方米"),
        ("78.6岁", 78.6, "岁"),
        ("3.4万次", 3.4, "万次"),
        ("1,650万人次", 1650.0, "万人次"),
        ("4.5个", 4.5, "个"),
        ("[24.54万个]", 24.54, "万个"),
        ("95.7%", 95.7, "%"),
        ("95.7％", 95.7, "%"),
        ("2.5‰", 2.5, "‰"),
        ("95.7", 95.7, None),
    ],
)
def test_units_after_a_number(raw: str, number: float, unit: str | None) -> None:
    value = parse_value(raw)
    assert (value.number, value.unit, value.text) == (number, unit, None)


@pytest.mark.parametrize("raw", ["95左右", "3.4万", "约95", "abc㎡", "1.2.3岁"])
def test_unknown_text_after_a_number_stays_a_text_answer(raw: str) -> None:
    value = parse_value(raw)
    assert value.number is None and value.text


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("㎡", "平方米", True),
        ("m²", "m2", True),
        ("（%）", "％", True),
        ("%", "‰", False),
        ("岁", "岁", True),
        ("万人次", "人次", False),
        ("万张", "张", False),
        ("元/人年", "元/人年", True),
        (None, "", True),
        (None, "%", False),
    ],
)
def test_same_unit(a: str | None, b: str | None, same: bool) -> None:
    assert same_unit(a, b) is same
    assert canonical_unit("㎡") == canonical_unit("平方米") == "平方米"


def test_a_figure_with_its_unit_is_judged(tmp_path: Path) -> None:
    path = csv_file(
        tmp_path, "指标,年份,数值\n人均体育场地面积,2023,2.65㎡\n人均预期寿命,2023,78.6岁\n"
    )
    assert figures(read(path)) == {
        ("人均体育场地面积", 2023): "2.65㎡",
        ("人均预期寿命", 2023): "78.6岁",
    }
    result = cli("check", "national", str(path), "--format", "json")
    assert result.exit_code in (0, 1), result.stderr


# ---------------------------------------------------------------- 6. columns


def test_an_unknown_column_is_skipped_with_one_warning(tmp_path: Path) -> None:
    path = csv_file(
        tmp_path, "指标,备用列,2023,\n九年义务教育巩固率,x,95.7,\n学前教育毛入园率,y,91,\n"
    )
    items = read(path)
    assert len(figures(items)) == 2
    assert warnings(items) == [f"{path}:1:2: skipped column B '备用列': not a column psplan reads"]


def test_a_second_region_column_is_skipped_with_a_warning(tmp_path: Path) -> None:
    path = csv_file(tmp_path, "地区,指标,县区,2023\n甲县,九年义务教育巩固率,乙县,95.7\n")
    items = read(path)
    assert [r.region for r in items if type(r) is ActualRow] == ["甲县"]
    assert warnings(items) == [
        f"{path}:1:3: skipped column C '县区': a second region column (the first is A)"
    ]


def test_descriptive_columns_are_expected_and_silent(tmp_path: Path) -> None:
    header = "序号,id,地区,领域,指标,单位,属性,目标值,牵头部门,2023"
    row = (
        "1,compulsory_education_retention,甲县,幼有所育,九年义务教育巩固率,%,约束性,96%,教育部,95.7"
    )
    items = read(csv_file(tmp_path, f"{header}\n{row}\n"))
    assert warnings(items) == []
    assert figures(items) == {("compulsory_education_retention", 2023): "95.7"}


def test_the_id_column_wins_even_after_the_name_column(tmp_path: Path) -> None:
    path = csv_file(
        tmp_path, "指标,id,2023\n九年义务教育巩固率,compulsory_education_retention,95.7\n"
    )
    items = read(path)
    assert figures(items) == {("compulsory_education_retention", 2023): "95.7"}
    assert warnings(items) == []


def test_a_year_column_in_a_long_file_is_skipped_with_a_warning(tmp_path: Path) -> None:
    path = csv_file(tmp_path, "指标,年份,数值,2022\n九年义务教育巩固率,2023,95.7,95\n")
    items = read(path)
    assert figures(items) == {("九年义务教育巩固率", 2023): "95.7"}
    assert warnings(items) == [
        f"{path}:1:4: skipped column D '2022': a year column, but this file gives the year "
        "in column B"
    ]


# ---------------------------------------------------------------- 7. the collection sheet


def test_template_has_explanation_columns_after_the_years() -> None:
    assert template_header([2022, 2023], []) == [
        *["id", "领域", "指标", "单位", "属性", "目标值", "基期值", "牵头部门"],
        *["2022", "2023", "原因分析", "下一步措施"],
    ]
    text = "\n".join(INSTRUCTIONS)
    assert "基期值" in text and "原因分析" in text and "下一步措施" in text


def test_xlsx_template_input_hint_covers_only_the_year_columns(tmp_path: Path) -> None:
    plan = load_plan("national").plan
    path = tmp_path / "t.xlsx"
    path.write_bytes(template_xlsx(plan, [2022, 2023], []))
    sheet = load_workbook(path)["填报"]
    header = [c.value for c in sheet[1]]
    assert header[-4:] == ["2022", "2023", "原因分析", "下一步措施"]
    (hint,) = sheet.data_validations.dataValidation
    assert str(hint.sqref) == f"I2:J{1 + len(plan.indicators)}"
    assert sheet.freeze_panes == "I2"


def fill_template(path: Path) -> None:
    """Fill 2023 for two indicators, explain one of them, and correct one 基期值."""
    book = load_workbook(path)
    sheet = book["填报"]
    header = [c.value for c in sheet[1]]
    col = {name: header.index(name) for name in ("id", "2023", "基期值", "原因分析", "下一步措施")}
    for row in sheet.iter_rows(min_row=2):
        if row[col["id"]].value == "compulsory_education_retention":
            row[col["2023"]].value = 95.3
            row[col["原因分析"]].value = "外出务工人员随迁子女返乡"
            row[col["下一步措施"]].value = "落实控辍保学责任"
        elif row[col["id"]].value == "preschool_gross_enrollment":
            row[col["2023"]].value = "91.1%"
            row[col["基期值"]].value = "85.5%"
    book.save(path)


def test_filled_xlsx_template_reads_back_whole(tmp_path: Path) -> None:
    plan = load_plan("national").plan
    path = tmp_path / "t.xlsx"
    path.write_bytes(template_xlsx(plan, [2022, 2023], []))
    fill_template(path)
    items = read(path)
    assert errors(items) == []
    assert warnings(items) == []  # psplan's own template reads back without a word
    found = {
        (r.indicator, r.year): r.value.raw for r in items if type(r) is ActualRow and r.value.raw
    }
    assert found == {
        ("compulsory_education_retention", 2023): "95.3",
        ("preschool_gross_enrollment", 2023): "91.1%",
    }
    by_field: dict[str, dict[str, SheetEntry]] = {}
    for entry in entries(items):
        by_field.setdefault(entry.field, {})[entry.indicator] = entry
    with_baseline = {i.id for i in plan.indicators if not parse_value(i.baseline.raw).missing}
    assert set(by_field["baseline"]) == with_baseline
    assert by_field["baseline"]["preschool_gross_enrollment"].value.number == 85.5
    assert by_field["baseline"]["preschool_gross_enrollment"].text is None
    reason = by_field["reason"]["compulsory_education_retention"]
    assert (reason.text, reason.value, reason.column) == ("外出务工人员随迁子女返乡", None, 11)
    assert by_field["measure"]["compulsory_education_retention"].text == "落实控辍保学责任"
    assert set(by_field["reason"]) == set(by_field["measure"]) == {"compulsory_education_retention"}
    assert reason.location == Location(str(path), reason.line, 11)


def test_filled_csv_template_reads_back_without_warnings(tmp_path: Path) -> None:
    plan = load_plan("national").plan
    path = tmp_path / "t.csv"
    text = template_csv(plan, [2023], ["甲县"]).decode("utf-8-sig")
    lines = text.splitlines()
    lines[1] = lines[1][: -len(",,,")] + ",95.3,外出务工人员随迁子女返乡,落实控辍保学责任"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    items = read(path)
    assert warnings(items) == [] and errors(items) == []
    first = plan.indicators[0].id
    assert figures(items)[(first, 2023)] == "95.3"
    # (a county's 基期值 is left to it: the template's cell is empty, no entry)
    assert {(e.field, e.region) for e in entries(items) if e.indicator == first} == {
        ("reason", "甲县"),
        ("measure", "甲县"),
    }


def test_an_explanation_written_as_no_explanation_is_none(tmp_path: Path) -> None:
    """A department's 原因分析 / 下一步措施 of 暂无 (or —) was printed in the report as its
    explanation, "原因分析：暂无" (a new user's trial): it is no explanation, so the report
    still asks for one (【待填写】). A 基期值 of 暂无 was already no baseline."""
    plan = load_plan("national").plan
    path = tmp_path / "t.csv"
    lines = template_csv(plan, [2023], []).decode("utf-8-sig").splitlines()
    lines[1] = lines[1][: -len(",,,")] + ",95.3,暂无,—"
    lines[2] = lines[2][: -len(",,,")] + ",91.1,暂　无,落实控辍保学责任"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    items = read(path)
    assert warnings(items) == [] and errors(items) == []
    said = {(e.indicator, e.field): e.text for e in entries(items) if e.field != "baseline"}
    assert said == {(plan.indicators[1].id, "measure"): "落实控辍保学责任"}
    # and in a reasons.yaml, as in the sheet (the report printed 'Reasons: 暂无': a trial's)
    reasons = tmp_path / "reasons.yaml"
    reasons.write_text("人均体育场地面积:\n  原因分析: 暂无\n  下一步措施: \"—\"\n"
                       "人均预期寿命:\n  原因分析: 疫情影响\n", encoding="utf-8")  # fmt: skip
    given = read(reasons)
    assert [(e.indicator, e.field, e.text) for e in entries(given)] == [
        ("人均预期寿命", "reason", "疫情影响")
    ]


def test_filled_template_through_the_cli(tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    assert cli("template", "national", "-o", str(path), "--years", "2022-2023").exit_code == 0
    fill_template(path)
    result = cli("check", "national", str(path), "--format", "json")
    assert result.exit_code in (0, 1), result.stderr


def test_sheet_entries_in_a_long_file(tmp_path: Path) -> None:
    path = csv_file(
        tmp_path,
        "指标,年份,数值,基期值,滞后原因,改进措施\n"
        "九年义务教育巩固率,2022,95.3,95.2%,生源外流,\n"
        "九年义务教育巩固率,2023,95.7,,,加强控辍保学\n"
        "学前教育毛入园率,2023,91.1,—,,\n",
    )
    items = read(path)
    assert warnings(items) == [] and errors(items) == []
    got = [(e.line, e.field, e.value.raw if e.value else e.text) for e in entries(items)]
    assert got == [
        (2, "baseline", "95.2%"),
        (2, "reason", "生源外流"),
        (3, "measure", "加强控辍保学"),
    ]


def test_a_broken_baseline_cell_is_skipped_with_a_warning(tmp_path: Path) -> None:
    path = csv_file(tmp_path, "指标,基期值,2023\n九年义务教育巩固率,[95.2,95.7\n")
    items = read(path)
    assert figures(items) == {("九年义务教育巩固率", 2023): "95.7"} and entries(items) == []
    assert warnings(items) == [
        f"{path}:2:2: skipped the 基期值 cell '[95.2': unbalanced bracket in '[95.2'"
    ]


def test_read_actuals_takes_a_string_path(tmp_path: Path) -> None:
    path = csv_file(tmp_path, "指标,年份,数值\n九年义务教育巩固率,2023,95.7\n")
    assert figures(read(str(path))) == {("九年义务教育巩固率", 2023): "95.7"}


def test_only_a_hidden_sheet_with_figures_says_so(tmp_path: Path) -> None:
    path = workbook(tmp_path, {"Sheet1": [], "data": DATA}, data="hidden")
    with pytest.raises(
        PsplanError, match=r"pass --sheet NAME \(Python: sheet=NAME\) to read a hidden"
    ):
        read(path)
    assert len(figures(read(path, sheet="data"))) == 2


# ---------------------------------------------------------------- 8. bounds, not figures


@pytest.mark.parametrize(
    ("raw", "bound", "number", "unit", "shown"),
    [
        (">99.9", ">", 99.9, None, ">99.9"),
        ("＞99.9", ">", 99.9, None, ">99.9"),
        ("≥95%", ">=", 95.0, "%", "≥95%"),
        (">=95", ">=", 95.0, None, "≥95"),
        ("<96%", "<", 96.0, "%", "<96%"),
        ("≤3.5‰", "<=", 3.5, "‰", "≤3.5‰"),
        ("95%以上", ">=", 95.0, "%", "≥95%"),
        ("95以下", "<=", 95.0, None, "≤95"),
        ("不低于95", ">=", 95.0, None, "≥95"),
        ("不超过5%", "<=", 5.0, "%", "≤5%"),
        ("低于18", "<", 18.0, None, "<18"),
        ("超过60岁", ">", 60.0, "岁", ">60岁"),
        ("[≥24.54]", ">=", 24.54, None, "[≥24.54]"),
        ("≥[24.54]", ">=", 24.54, None, "[≥24.54]"),
        ("<-5", "<", -5.0, None, "<-5"),
        ("95", None, 95.0, None, "95"),
        ("=95", None, 95.0, None, "95"),
    ],
)
def test_a_comparator_makes_a_bound_not_a_figure(
    raw: str, bound: str | None, number: float, unit: str | None, shown: str
) -> None:
    value = parse_value(raw)
    assert (value.bound, value.number, value.unit, value.text) == (bound, number, unit, None)
    assert value.display() == shown and value.raw == raw


def test_value_keeps_its_old_fields_in_order() -> None:
    from psplan.actuals.values import Value

    assert Value._fields == ("raw", "number", "text", "unit", "running_total", "bound")
    assert Value("95", 95.0) == Value(raw="95", number=95.0, bound=None)


@pytest.mark.parametrize(
    "raw", ["不低于全省平均水平", "高于全国平均", "约95", "95左右", "<", "以上"]
)
def test_comparator_words_without_a_number_stay_a_text_answer(raw: str) -> None:
    value = parse_value(raw)
    assert value.number is None and value.bound is None and value.text == raw


@pytest.mark.parametrize(("raw", "message"), [(">95以下", "disagree"), (">>95", "more than one")])
def test_contradictory_comparators_are_refused(raw: str, message: str) -> None:
    with pytest.raises(PsplanError, match=message):
        parse_value(raw)


@pytest.mark.parametrize(
    ("raw", "satisfied"),
    [
        ("100", True),
        ("99", False),
        ("≥100", True),
        (">99", None),
        ("<100", False),
        ("≤100", None),
        ("<101", None),
        ("≤99", False),
        ("应保尽保", True),
    ],
)
def test_a_bound_satisfies_a_qualitative_target_only_when_it_decides(
    raw: str, satisfied: bool | None
) -> None:
    from psplan.actuals.values import answer_satisfies

    assert answer_satisfies(parse_value(raw)) is satisfied


def test_bounds_are_read_from_a_file(tmp_path: Path) -> None:
    path = csv_file(
        tmp_path, "指标,年份,数值\n基本医疗保险参保率,2023,>99.9\n九年义务教育巩固率,2023,<96%\n"
    )
    got = [(r.value.bound, r.value.number) for r in read(path) if type(r) is ActualRow]
    assert got == [(">", 99.9), ("<", 96.0)]


def test_a_huge_number_is_refused_in_one_short_line() -> None:
    for raw in ("9" * 5000, 10**400):
        with pytest.raises(PsplanError, match="too large to be a figure") as caught:
            parse_value(raw)
        assert len(caught.value.message) < 200


# ---------------------------------------------------------------- 9. shifted CSV rows


def test_a_wide_row_with_more_cells_than_the_header_is_refused(tmp_path: Path) -> None:
    path = csv_file(
        tmp_path, "指标,2022,2023\n城镇新增就业人数,1,234,1250\n学前教育毛入园率,90,91,,\n"
    )
    items = read(path)
    assert [str(p.location) for p in errors(items)] == [f"{path}:2"]
    assert "quote a number written with a thousands separator" in errors(items)[0].message
    assert figures(items) == {("学前教育毛入园率", 2022): "90", ("学前教育毛入园率", 2023): "91"}


def test_a_note_row_with_commas_is_still_a_note(tmp_path: Path) -> None:
    path = csv_file(tmp_path, "指标,年份,数值\n九年义务教育巩固率,2023,95.7\n注：甲,乙,丙,丁,戊\n")
    items = read(path)
    assert errors(items) == [] and warnings(items) == [f"{path}:3: skipped a note row: '注：甲'"]


def test_extra_cells_in_a_workbook_row_are_not_refused(tmp_path: Path) -> None:
    path = workbook(
        tmp_path, {"s": [["指标", "年份", "数值"], ["九年义务教育巩固率", 2023, 95.7, "x"]]}
    )
    assert errors(read(path)) == []


# ---------------------------------------------------------------- 10. encodings


@pytest.mark.parametrize(
    ("encoding", "given"),
    [
        ("utf-16-le", "UTF-16LE"),
        ("utf-16-be", "UTF_16_BE"),
        ("utf-32", None),
        ("utf-32-le", "UTF-32LE"),
        ("utf-16-le", None),
        ("utf-16-be", None),
        ("utf-8-sig", "utf-8"),
        ("utf-16", "utf-16-le"),
    ],
)
def test_wide_encodings_are_read(tmp_path: Path, encoding: str, given: str | None) -> None:
    path = tmp_path / "a.csv"
    text = "指标,年份,数值\n九年义务教育巩固率,2023,95.7\n"
    data = text.encode(encoding)
    if encoding == "utf-16" and given:  # a BOM and the encoding named without it
        data = data[:2] + text.encode(given)
    path.write_bytes(data)
    options = {"encoding": given} if given else {}
    assert figures(read(path, **options)) == {("九年义务教育巩固率", 2023): "95.7"}


def test_detect_encoding_sees_utf32_before_utf16() -> None:
    import codecs

    from psplan.actuals.read import detect_encoding

    assert detect_encoding(codecs.BOM_UTF32_LE + "a".encode("utf-32-le")) == "utf-32"
    assert detect_encoding(codecs.BOM_UTF16_LE + "a".encode("utf-16-le")) == "utf-16"
    assert detect_encoding(b"\x00" * 64) == "utf-8"  # all NULs: refused later, not UTF-16


@pytest.mark.parametrize("encoding", ["gb18030", "utf-8", "gbk"])
def test_an_undecodable_byte_is_reported_on_its_own_line(tmp_path: Path, encoding: str) -> None:
    good = "指标,年份,数值\n" + "九年义务教育巩固率,2023,95\n" * 2999
    path = tmp_path / "a.csv"
    path.write_bytes(good.encode(encoding) + b"\xff\xff\xff,2023,1\n")
    with pytest.raises(PsplanError, match=f"cannot decode as {encoding}") as caught:
        read(path, encoding=encoding)
    assert caught.value.location.line == 3001


def test_an_undecodable_utf16_character_is_reported_on_its_line(tmp_path: Path) -> None:
    text = "指标,年份,数值\n" + "上九年义务教育巩固率,2023,95\n" * 500
    path = tmp_path / "a.csv"
    path.write_bytes(text.encode("utf-16-le") + "\n".encode("utf-16-le") + b"\x00\xdc")
    with pytest.raises(PsplanError, match="cannot decode as utf-16-le") as caught:
        read(path, encoding="utf-16-le")
    assert caught.value.location.line == 503


@pytest.mark.parametrize(
    "encoding",
    [
        "rot13",
        "base64",
        "zlib",
        "hex",
        "undefined",
        "idna",
        "punycode",
        "unicode_escape",
        "utf-7",
        "no-such-codec",
        "utf\x00-8",
    ],
)
def test_any_encoding_name_ends_in_figures_or_one_error(tmp_path: Path, encoding: str) -> None:
    path = csv_file(tmp_path, "指标,年份,数值\n九年义务教育巩固率,2023,95.7\n")
    try:
        read(path, encoding=encoding)
    except PsplanError as exc:
        assert "\n" not in str(exc)


# ---------------------------------------------------------------- 11. limits


def test_limits_from_the_environment() -> None:
    from psplan.limits import Limits

    limits = Limits.from_env({"PSPLAN_MAX_ROWS": "5_000_000", "PSPLAN_MAX_ZIP_RATIO": "500"})
    assert (limits.rows, limits.zip_ratio, limits.cells) == (5_000_000, 500, Limits().cells)
    with pytest.raises(PsplanError, match="PSPLAN_MAX_CELLS='lots': expected a whole number"):
        Limits.from_env({"PSPLAN_MAX_CELLS": "lots"})


def test_read_actuals_reads_the_limits_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = csv_file(tmp_path, "指标,年份,数值\n" + "九年义务教育巩固率,2023,95\n" * 5)
    monkeypatch.setenv("PSPLAN_MAX_ROWS", "3")
    with pytest.raises(PsplanError) as caught:
        read(path)
    assert str(caught.value) == (
        f"{path}:4: the file has more than 3 rows (limit PSPLAN_MAX_ROWS=3); "
        "set PSPLAN_MAX_ROWS to raise it"
    )


def test_a_csv_file_larger_than_the_limit_is_refused_before_reading(tmp_path: Path) -> None:
    from psplan.limits import Limits

    path = csv_file(tmp_path, "指标,年份,数值\n" + "九年义务教育巩固率,2023,95\n" * 40_000)
    with pytest.raises(PsplanError, match=r"the file is 1 MB \(limit PSPLAN_MAX_FILE_MB=1\)"):
        read(path, limits=Limits(file_mb=1))


def test_a_pipe_is_read_up_to_the_limit(tmp_path: Path) -> None:
    import threading
    import time

    from psplan.limits import Limits

    path = tmp_path / "pipe.csv"
    os.mkfifo(path)
    data = "指标,年份,数值\n".encode() + "九年义务教育巩固率,2023,95\n".encode() * 100_000
    # The writing end is open before psplan opens the pipe: a FIFO opened with no writer reads
    # as an empty file at once (a late writer thread on a busy machine made this test flaky,
    # and left a thread waiting for ever). A reader passing by lets it open without waiting.
    passing = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    end = os.open(path, os.O_WRONLY)
    os.close(passing)

    def write() -> None:
        sent, deadline = 0, time.monotonic() + 60
        try:
            while sent < len(data) and time.monotonic() < deadline:
                try:
                    sent += os.write(end, data[sent : sent + 65536])
                except BrokenPipeError:
                    if sent:
                        break  # psplan stopped reading: its limit
                    time.sleep(0.001)  # psplan has not opened the pipe yet
        finally:
            os.close(end)

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    try:
        with pytest.raises(PsplanError, match="more than 1 MB read from a pipe"):
            read(path, limits=Limits(file_mb=1))
    finally:
        writer.join(timeout=10)


def test_a_line_without_end_is_refused_before_it_is_decoded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import psplan.actuals.read

    monkeypatch.setattr(psplan.actuals.read, "MAX_LINE_BYTES", 100_000)
    path = tmp_path / "a.csv"
    path.write_bytes(b"indicator,year,value\n" + b"x" * 300_000)
    with pytest.raises(PsplanError, match="a line longer than") as caught:
        read(path)
    assert caught.value.location.line == 2


def test_sheet_rows_and_cells_are_limited_before_parsing(tmp_path: Path) -> None:
    from psplan.limits import Limits

    rows = "".join(
        xml_row(n, cell(f"A{n}", "九年义务教育巩固率"), cell(f"B{n}", 2023), cell(f"C{n}", 95))
        for n in range(2, 12)
    )
    data = sheet(xml_row(1, cell("A1", "指标"), cell("B1", "年份"), cell("C1", "数值")) + rows)
    path = tmp_path / "a.xlsx"
    path.write_bytes(xlsx_bytes({"data": data}))
    with pytest.raises(
        PsplanError, match=r"sheet 'data' has more than 5 rows \(limit PSPLAN_MAX_ROWS=5\)"
    ):
        read(path, limits=Limits(rows=5))
    with pytest.raises(PsplanError, match=r"more than 20 cells \(limit PSPLAN_MAX_CELLS=20\)"):
        read(path, limits=Limits(cells=20))
    assert len(figures(read(path))) == 1


def test_padding_to_a_far_column_counts_as_cells(tmp_path: Path) -> None:
    from psplan.limits import Limits

    far = "".join(xml_row(n, cell(f"A{n}", "x"), cell(f"XFD{n}", 1)) for n in range(2, 40))
    path = tmp_path / "a.xlsx"
    path.write_bytes(
        xlsx_bytes({"data": sheet(xml_row(1, cell("A1", "指标"), cell("B1", 2023)) + far)})
    )
    with pytest.raises(PsplanError, match="more than 100,000 cells"):
        read(path, limits=Limits(cells=100_000))


def test_shared_strings_are_limited(tmp_path: Path) -> None:
    from psplan.limits import Limits

    path = tmp_path / "a.xlsx"
    data = long_sheet(("九年义务教育巩固率", cell("C2", 0, t="s")))
    path.write_bytes(xlsx_bytes({"d": data}, strings=shared(*map(str, range(50)))))
    with pytest.raises(
        PsplanError, match=r"more than 10 shared strings \(limit PSPLAN_MAX_STRINGS=10\)"
    ):
        read(path, limits=Limits(strings=10))


def test_a_part_larger_than_the_unzipped_limit_is_refused(tmp_path: Path) -> None:
    from psplan.limits import Limits

    path = tmp_path / "a.xlsx"
    filler = "".join(xml_row(n, cell(f"A{n}", "说明" * 100)) for n in range(1, 3000))
    path.write_bytes(xlsx_bytes({"d": sheet(filler)}))
    with pytest.raises(PsplanError, match=r"unzips to 2 MB \(limit PSPLAN_MAX_UNZIPPED_MB=1\)"):
        read(path, limits=Limits(unzipped_mb=1))


# ---------------------------------------------------------------- 12. workbooks as Excel and scripts write them


def xlsx_file(tmp_path: Path, data: bytes, name: str = "a.xlsx") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_a_formula_without_a_saved_value_is_an_error_in_any_column(tmp_path: Path) -> None:
    book = Workbook()
    book.active.append(["指标", "基期值", 2023, "原因分析"])
    book.active.append(["九年义务教育巩固率", "=90+5", 95.7, "=A1"])
    book.active.append(["=A2", 1, 2, None])
    path = tmp_path / "f.xlsx"
    book.save(path)
    items = read(path)
    assert [(str(p.location), p.message) for p in errors(items)] == [
        (f"{path}:2:2", "formula =90+5 has no saved value; open and save the file in Excel"),
        (f"{path}:2:4", "formula =A1 has no saved value; open and save the file in Excel"),
        (f"{path}:3:1", "formula =A2 has no saved value; open and save the file in Excel"),
    ]
    assert figures(items) == {("九年义务教育巩固率", 2023): "95.7"}


def test_a_formula_with_a_saved_value_reads_the_value(tmp_path: Path) -> None:
    data = long_sheet(
        ("九年义务教育巩固率", cell("C2", 95.7, f="SUM(D2:E2)")),
        ("学前教育毛入园率", cell("C3", "达标", t="str", f='IF(1,"达标","")')),
        ("高中阶段教育毛入学率", cell("C4", "", t="str", f='IF(1,"","x")')),
    )
    items = read(xlsx_file(tmp_path, xlsx_bytes({"d": data})))
    assert errors(items) == []
    assert figures(items) == {
        ("九年义务教育巩固率", 2023): "95.7",
        ("学前教育毛入园率", 2023): "达标",
        ("高中阶段教育毛入学率", 2023): "",
    }


def test_a_value_merged_over_rows_is_read_into_each_row(tmp_path: Path) -> None:
    data = sheet(
        xml_row(1, cell("A1", "地区"), cell("B1", "指标"), cell("C1", 2022), cell("D1", 2023))
        + xml_row(
            2,
            cell("A2", "甲县"),
            cell("B2", "九年义务教育巩固率"),
            cell("C2", "应保尽保"),
            cell("D2", 95.7),
        )
        + xml_row(3, cell("B3", "学前教育毛入园率"), cell("D3", 91.1))
        + xml_row(
            5, cell("A5", "乙县"), cell("B5", "九年义务教育巩固率"), cell("C5", 94), cell("D5", 95)
        ),
        after=merges("A2:A4", "C2:C3", "A5:B5", "A7:A9"),
    )
    path = xlsx_file(tmp_path, xlsx_bytes({"d": data}))
    items = read(path)
    got = {(r.region, r.indicator, r.year): r.value.raw for r in items if type(r) is ActualRow}
    assert got == {
        ("甲县", "九年义务教育巩固率", 2022): "应保尽保",
        ("甲县", "九年义务教育巩固率", 2023): "95.7",
        ("甲县", "学前教育毛入园率", 2022): "应保尽保",
        ("甲县", "学前教育毛入园率", 2023): "91.1",
        ("乙县", "九年义务教育巩固率", 2022): "94",
        ("乙县", "九年义务教育巩固率", 2023): "95",
    }
    assert warnings(items) == [
        f"{path}:2:1: merged cells A2:A4: the value of A2 ('甲县') is read into each of rows 2–4",
        f"{path}:2:3: merged cells C2:C3: the value of C2 ('应保尽保') is read into each of rows 2–3",
    ]


def test_cells_excel_cannot_hold_are_located_errors(tmp_path: Path) -> None:
    data = long_sheet(
        ("a", cell("C2", "inf", t="n")),
        ("b", cell("C3", "-Infinity", t="n")),
        ("c", cell("C4", "9" * 5000, t="n")),
        ("d", cell("C5", 3, t="s")),
        ("e", cell("C6", 1e10, s=1)),
        ("f", cell("C7", "2023-02-30", t="d")),
        ("g", cell("C8", "maybe", t="b")),
        ("h", cell("C9", "1,5", t="n")),
        ("i", cell("C10", "x", t="weird")),
        ("j", cell("C11", 0, t="s")),
    )
    path = xlsx_file(tmp_path, xlsx_bytes({"d": data}, strings=shared("95%")))
    items = read(path)
    assert [(p.location.line, p.location.column) for p in errors(items)] == [
        (n, 3) for n in range(2, 11)
    ]
    assert all(len(p.message) < 200 for p in errors(items))
    assert figures(items) == {("j", 2023): "95%"}


def test_styles_make_percentages_and_dates(tmp_path: Path) -> None:
    data = sheet(
        xml_row(1, cell("A1", "指标"), cell("B1", 44927, s=3), cell("C1", 2024))
        + xml_row(2, cell("A2", "学前教育毛入园率"), cell("B2", 0.911, s=2), cell("C2", 0.5, s=1))
    )
    items = read(xlsx_file(tmp_path, xlsx_bytes({"d": data})))
    # 44927 in a yyyy"年" cell is 2023-01-01: the year 2023; a time typed as a figure is no
    # number (a text answer that numeric targets refuse).
    assert figures(items) == {
        ("学前教育毛入园率", 2023): "91.1%",
        ("学前教育毛入园率", 2024): "12:00:00",
    }


def test_a_workbook_in_the_1904_date_system(tmp_path: Path) -> None:
    from corpus.readers import MAIN, RELS, zip_parts

    data = xlsx_bytes(
        {
            "d": sheet(
                xml_row(1, cell("A1", "指标"), cell("B1", 43465, s=1))
                + xml_row(2, cell("A2", "x"), cell("B2", 1))
            )
        }
    )
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as book:
        parts = {name: book.read(name) for name in book.namelist()}
    parts["xl/workbook.xml"] = (
        f'<workbook xmlns="{MAIN}" xmlns:r="{RELS}"><workbookPr date1904="1"/><sheets>'
        '<sheet name="d" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ).encode()
    items = read(xlsx_file(tmp_path, zip_parts(parts)))
    assert figures(items) == {("x", 2023): "1"}  # 43465 days after 1904-01-01 is 2023-01-01


def test_namespace_prefixes_rich_text_and_escapes(tmp_path: Path) -> None:
    from corpus.readers import zip_parts

    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    data = xlsx_bytes({"d": sheet("")}, strings=shared("x"))
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as book:
        parts = {name: book.read(name) for name in book.namelist()}
    parts["xl/worksheets/sheet1.xml"] = (
        f'<x:worksheet xmlns:x="{main}"><x:sheetData>'
        '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1"><x:v>2023</x:v></x:c></x:row>'
        '<x:row r="2"><x:c r="A2" t="s"><x:v>1</x:v></x:c><x:c r="B2" t="s"><x:v>2</x:v></x:c></x:row>'
        "</x:sheetData></x:worksheet>"
    ).encode()
    parts["xl/sharedStrings.xml"] = (
        f'<sst xmlns="{main}"><si><t>指标</t></si>'
        "<si><r><t>九年义务</t></r><r><rPr><b/></rPr><t>教育巩固率</t></r>"
        "<rPh sb='0' eb='1'><t>ジ</t></rPh></si><si><t>95_x005F_x0037_</t></si></sst>"
    ).encode()
    items = read(xlsx_file(tmp_path, zip_parts(parts)))
    # _x005F_ is Excel's escape for "_": the cell holds the text 95_x0037_ (no U+0037 in it).
    assert figures(items) == {("九年义务教育巩固率", 2023): "95_x0037_"}


def test_damaged_sheet_xml_is_one_error(tmp_path: Path) -> None:
    bad = long_sheet(("九年义务教育巩固率", 95.7)).replace("</sheetData>", "<row><c>")
    with pytest.raises(PsplanError, match=r"the XML of sheet 'd' is damaged"):
        read(xlsx_file(tmp_path, xlsx_bytes({"d": bad})))


def test_an_entity_bomb_in_a_sheet_is_refused(tmp_path: Path) -> None:
    entities = (
        '<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">'
        + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
        + "]>"
    )
    data = long_sheet(("九年义务教育巩固率", "&j;")).replace("<?xml", "<?xml", 1)
    data = data.replace("\n<worksheet", "\n" + entities + "<worksheet").replace("&amp;j;", "&j;")
    with pytest.raises(PsplanError, match="damaged"):
        read(xlsx_file(tmp_path, xlsx_bytes({"d": data})))


def test_rows_out_of_order_or_beyond_excel_are_refused(tmp_path: Path) -> None:
    header = xml_row(1, cell("A1", "指标"), cell("B1", 2023))
    for rows, message in [
        (xml_row(5, cell("A5", "x")) + xml_row(3, cell("A3", "y")), "row 3 comes after row 5"),
        (xml_row(1048577, cell("A1048577", "x")), "row 1048577 is beyond 1,048,576"),
        (xml_row(2, cell("XFE2", 1)), "cell XFE2 is beyond column XFD"),
        (xml_row(2, cell("2A", 1)), "cell reference '2A' is not a cell reference"),
        ('<row r="zwei"><c r="A2"><v>1</v></c></row>', "row number 'zwei' is not a number"),
    ]:
        path = xlsx_file(tmp_path, xlsx_bytes({"d": sheet(header + rows)}))
        with pytest.raises(PsplanError, match=message):
            read(path)


def test_charts_and_missing_parts_are_skipped_with_a_warning(tmp_path: Path) -> None:
    import io
    import zipfile

    from corpus.readers import zip_parts

    data = xlsx_bytes(
        {"图表": sheet(""), "数据": long_sheet(("九年义务教育巩固率", 95.7)), "旧": sheet("")}
    )
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        parts = {name: book.read(name) for name in book.namelist()}
    rels = parts["xl/_rels/workbook.xml.rels"].decode()
    parts["xl/_rels/workbook.xml.rels"] = rels.replace(
        'relationships/worksheet" Target="worksheets/sheet1.xml"',
        'relationships/chartsheet" Target="chartsheets/sheet1.xml"',
    ).encode()
    parts["xl/chartsheets/sheet1.xml"] = parts.pop("xl/worksheets/sheet1.xml")
    del parts["xl/worksheets/sheet3.xml"]
    path = xlsx_file(tmp_path, zip_parts(parts))
    items = read(path)
    assert figures(items) == {("九年义务教育巩固率", 2023): "95.7"}
    assert warnings(items) == [
        f"{path}: skipped sheet '图表': a chart",
        f"{path}: skipped sheet '旧': its part is missing from the file",
        f"{path}: reading sheet '数据'",
    ]
    with pytest.raises(PsplanError, match="sheet '图表' is a chart, not a table of cells"):
        read(path, sheet="图表")
    assert len(figures(read(path, sheet="2"))) == 1


# ---------------------------------------------------------------- 13. fuzzing: nothing but figures, problems or one error


FUZZ = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", 40)),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
CSV_ALPHABET = st.sampled_from(
    list('指标年份数值九年义务教育巩固率,;\t"\n\r 0123456789.%‰-≥<>＞以上[]【】x\ufeff\x00\u2028é€')
)
ENCODINGS = [
    "utf-8",
    "utf-8-sig",
    "utf-16",
    "utf-16-le",
    "utf-16-be",
    "utf-32",
    "gb18030",
    "gbk",
    "big5",
    "latin-1",
    "cp1252",
    "shift_jis",
]


def assert_readable(path: Path, **options: object) -> None:
    """Reading ends in records and problems, or one PsplanError — one short line each."""
    try:
        items = list(read_actuals(path, **options))  # type: ignore[arg-type]
    except PsplanError as exc:
        assert "\n" not in str(exc) and len(str(exc)) < 1000, str(exc)[:300]
        return
    for item in items:
        assert type(item) in (ActualRow, Problem, SheetEntry)
        if type(item) is Problem:
            assert "\n" not in item.message and len(item.message) < 1000, item.message[:300]


@FUZZ
@given(
    text=st.text(CSV_ALPHABET, max_size=300),
    encoding=st.sampled_from(ENCODINGS),
    given_name=st.sampled_from([None, "same", "utf-8", "UTF-16LE", "utf-32", "gb18030", "idna"]),
    cut=st.integers(0, 7),
)
def test_fuzz_csv_in_odd_encodings(
    tmp_path: Path, text: str, encoding: str, given_name: str | None, cut: int
) -> None:
    data = ("指标,年份,数值\n" + text).encode(encoding, errors="ignore")
    path = tmp_path / "fuzz.csv"
    path.write_bytes(data[: len(data) - cut] if cut < len(data) else data)
    chosen = encoding if given_name == "same" else given_name
    assert_readable(path, **({"encoding": chosen} if chosen else {}))


CELL_VALUES = st.one_of(
    st.none(),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(
        [
            "指标",
            "年份",
            "数值",
            "地区",
            "九年义务教育巩固率",
            "2023",
            "2023年",
            "合计",
            "注：x",
            ">95",
            "95%以上",
            "=SUM(A1:A2)",
            "=1/0",
            "=B1+1",
            "应保尽保",
            "",
        ]
    ),
    st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=12),
    st.dates(),
    st.booleans(),
)


@st.composite
def workbooks(draw: st.DrawFn) -> tuple[list[tuple[list[list[object]], list[str], str]], bool]:
    sheets = []
    for _ in range(draw(st.integers(1, 3))):
        width, height = draw(st.integers(1, 5)), draw(st.integers(0, 8))
        header = draw(st.sampled_from([["指标", "年份", "数值"], ["地区", "指标", 2022, 2023], []]))
        rows = [header] if header else []
        rows += [[draw(CELL_VALUES) for _ in range(width)] for _ in range(height)]
        merged = []
        for _ in range(draw(st.integers(0, 3))):
            top, left = draw(st.integers(1, 9)), draw(st.integers(1, 5))
            merged.append(
                f"{_letter(left)}{top}:{_letter(left + draw(st.integers(0, 2)))}"
                f"{top + draw(st.integers(0, 4))}"
            )
        sheets.append(
            (rows, merged, draw(st.sampled_from(["visible", "visible", "hidden", "veryHidden"])))
        )
    return sheets, draw(st.booleans())


def _letter(column: int) -> str:
    return "ABCDEFGH"[column - 1]


@FUZZ
@given(spec=workbooks())
def test_fuzz_workbooks_with_merges_formulas_and_hidden_sheets(tmp_path: Path, spec) -> None:
    sheets, by_name = spec
    book = Workbook()
    book.remove(book.active)
    for number, (rows, merged, state) in enumerate(sheets):
        sheet_ = book.create_sheet(f"s{number}")
        for values in rows:
            sheet_.append(values)
        for ref in merged:
            with contextlib.suppress(ValueError):  # overlapping ranges
                sheet_.merge_cells(ref)
        sheet_.sheet_state = state
    if all(s.sheet_state != "visible" for s in book.worksheets):
        book.worksheets[0].sheet_state = "visible"
    path = tmp_path / "fuzz.xlsx"
    book.save(path)
    assert_readable(path, **({"sheet": "s0"} if by_name else {}))


SNIPPETS = [
    '<row r="99999999">',
    '<row r="0">',
    "<row>",
    '<c r="ZZZZ1">',
    '<c r="A1" t="s"><v>99</v></c>',
    "<v>abc</v>",
    "<v>inf</v>",
    '<c t="d"><v>2023-13-45</v></c>',
    '<c s="1"><v>-1</v></c>',
    '<c s="2"><v>1e308</v></c>',
    '<mergeCell ref="A1:A99"/>',
    '<mergeCells><mergeCell ref="B2:Z9"/>',
    '<mergeCell ref="XFD1:XFD1048576"/>',
    "<f>SUM(A1)</f>",
    "&amp;",
    "<![CDATA[<row>]]>",
    "</c>",
    "</row>",
    "<is><t>x</t></is>",
    '<c t="inlineStr">',
    '<c t="b"><v>2</v></c>',
    "\x00",
    "é",
]


@FUZZ
@given(
    cuts=st.lists(
        st.tuples(st.integers(0, 2000), st.integers(0, 60), st.sampled_from(SNIPPETS)), max_size=4
    )
)
def test_fuzz_broken_sheet_xml(tmp_path: Path, cuts: list[tuple[int, int, str]]) -> None:
    data = sheet(
        xml_row(1, cell("A1", "地区"), cell("B1", "指标"), cell("C1", 2023))
        + xml_row(2, cell("A2", "甲县"), cell("B2", "九年义务教育巩固率"), cell("C2", 95.7))
        + xml_row(3, cell("B3", "学前教育毛入园率"), cell("C3", 0.911, s=2)),
        after=merges("A2:A3"),
    )
    for position, length, snippet in cuts:
        position %= len(data) + 1
        data = data[:position] + snippet + data[position + length :]
    path = tmp_path / "fuzz.xlsx"
    path.write_bytes(
        xlsx_bytes({"d": data.encode("utf-8", "surrogatepass")}, strings=shared("x", "y"))
    )
    assert_readable(path)


@FUZZ
@given(data=st.binary(min_size=0, max_size=600), keep=st.integers(0, 3000))
def test_fuzz_zip_bytes(tmp_path: Path, data: bytes, keep: int) -> None:
    good = xlsx_bytes({"d": long_sheet(("九年义务教育巩固率", 95.7))}, strings=shared("x"))
    path = tmp_path / "fuzz.xlsx"
    path.write_bytes(good[:keep] + data + good[keep + len(data) :])
    assert_readable(path)


def test_deep_brackets_after_a_number_are_quick() -> None:
    import time

    started = time.perf_counter()
    assert canonical_unit("(" * 200_000 + "%" + ")" * 200_000) == "%"
    assert parse_value("1" + "(" * 200_000 + ")" * 200_000).number is None
    assert time.perf_counter() - started < 2


def test_a_cell_text_beyond_any_excel_cell_is_refused_while_it_streams(tmp_path: Path) -> None:
    long_text = "说明" * 1_500_000
    data = long_sheet(("九年义务教育巩固率", cell("C2", long_text)))
    with pytest.raises(PsplanError, match="a cell's text is longer than 1,000,000 characters"):
        read(xlsx_file(tmp_path, xlsx_bytes({"d": data})))
    ok = long_sheet(("九年义务教育巩固率", cell("C2", "说明" * 20_000)))
    assert len(read(xlsx_file(tmp_path, xlsx_bytes({"d": ok}), "ok.xlsx"))) == 1


def test_an_unsaved_formula_on_another_sheet_skips_only_that_sheet(tmp_path: Path) -> None:
    book = Workbook()
    book.active.title = "说明"
    book.active.append(["填报日期", "=TODAY()"])
    data = book.create_sheet("数据")
    for values in DATA:
        data.append(values)
    path = tmp_path / "f.xlsx"
    book.save(path)
    items = read(path)
    assert len(figures(items)) == 2
    assert warnings(items)[0] == (
        f"{path}: skipped sheet '说明': B1: formula =TODAY() has no saved value; open and save "
        "the file in Excel"
    )
    data.delete_rows(1, 3)
    data.append(["指标", 2022, "=B1+1"])
    book["说明"]["B1"] = "2024-03-01"
    book.save(path)
    with pytest.raises(PsplanError, match=r":1:3: formula =B1\+1 has no saved value"):
        read(path)


def _with_sheets(data: bytes, count: int) -> bytes:
    """The workbook with `count` more sheets, all on the first sheet's part."""
    import io
    import zipfile

    from corpus.readers import zip_parts

    with zipfile.ZipFile(io.BytesIO(data)) as book:
        parts: dict = {name: book.read(name) for name in book.namelist()}
    extra = "".join(f'<sheet name="s{i}" sheetId="{i + 9}" r:id="rId1"/>' for i in range(count))
    parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace(
        b"</sheets>", extra.encode() + b"</sheets>"
    )
    return zip_parts(parts)


def test_thousands_of_sheets_with_figures_are_each_read_and_located(tmp_path: Path) -> None:
    data = _with_sheets(xlsx_bytes({"d": long_sheet(("九年义务教育巩固率", 95.7))}), 5000)
    path = xlsx_file(tmp_path, data)
    rows = [r for r in read(path) if type(r) is ActualRow]
    assert len(rows) == 5001
    assert {r.file for r in rows} == {f"{path}[d]", *(f"{path}[s{i}]" for i in range(5000))}


def test_one_part_read_under_many_sheets_is_held_to_the_ratio(tmp_path: Path) -> None:
    import time

    from corpus.readers import MAIN, bomb

    head = f'<worksheet xmlns="{MAIN}"><sheetData>' + xml_row(1, cell("A1", "说明"))
    part = bomb(head, "<row/>", 2_500_000, "</sheetData></worksheet>")  # 15 MB, no header
    data = _with_sheets(xlsx_bytes({"d": part}), 3000)
    started = time.perf_counter()
    with pytest.raises(PsplanError, match="the parts of the workbook read so far unzip to"):
        read(xlsx_file(tmp_path, data))
    assert time.perf_counter() - started < 5


def test_a_sheet_named_like_the_instructions_but_holding_figures_is_not_silent(
    tmp_path: Path,
) -> None:
    """Only the template's 说明 sheet without a header goes unmentioned: a 说明 sheet that holds
    figures is read, and another sheet skipped is still named."""
    path = workbook(tmp_path, {"说明": [["指标", "年份", "数值"], ["九年义务教育巩固率", 2023, 1]],
                               "图": [["说明文字"]]})  # fmt: skip
    items = read(path)
    assert figures(items)[("九年义务教育巩固率", 2023)] == "1"
    assert warnings(items) == [
        f"{path}: skipped sheet '图': no header row with an indicator column and years",
        f"{path}: reading sheet '说明'",
    ]


def test_a_sheet_asked_of_a_csv_file_is_said_to_be_ignored() -> None:
    """--sheet names a workbook's sheet: given with a CSV file it is a warning, not dropped
    in silence (the user may have meant the workbook), and the figures are read as ever."""
    import psplan

    example = Path(__file__).parent.parent / "examples" / "national-2023.csv"
    rows = psplan.read_actuals(example, sheet="2023年")
    assert [(p.code, p.level, p.words.render("zh")) for p in rows.warnings] == [
        ("sheet-ignored", "warning",
         "--sheet 只用于 Excel 工作簿：这是 CSV 文件，没有工作表，已忽略 --sheet"),
    ]  # fmt: skip
    assert rows.figures == psplan.read_actuals(example).figures


@pytest.mark.parametrize(
    ("header", "engine"),
    [(header, engine)
     for header in ("区县,指标,年份,数值", "地区名称,指标,年份,数值", "地区,指标,年份,指标值",
                    "地区,指标,统计年度,数值", "区县名称,指标,统计年份,统计值",
                    "地区,指标名称（单位）,年份,数值",
                    # (Anhui's: 县市区 was skipped, trial 18)
                    "县市区,指标,年份,数值", "市县,指标,年份,数值", "县（市）区,指标,年份,数值",
                    "市、县（区）,指标,年份,数值")
     for engine in ("rows", "columnar")],
)  # fmt: skip
def test_common_header_spellings_of_region_year_and_value_are_read(
    tmp_path: Path, header: str, engine: str
) -> None:
    """Spellings departments export (a trial's): 区县 beside 县区, 地区名称, 指标值, 统计年度.
    区县 was skipped as an unknown column and every county's rows became one region's,
    "上报了两次且数值不同" on each; the others stopped at 无法识别表格结构."""
    rows = [f"{county},人均预期寿命,{year},{77 + n / 10 + year - 2021:.1f}"
            for n, county in enumerate(("汉台区", "南郑区", "城固县")) for year in (2021, 2023)]  # fmt: skip
    path = csv_file(tmp_path, header + "\n" + "\n".join(rows) + "\n")
    report = psplan.check("hanzhong", path, engine=engine)
    assert report.regions == ["汉台区", "南郑区", "城固县"] and report.warnings == []
    assert [r.verdict.actual for r in report.results if r.indicator.name == "人均预期寿命"] == [
        79.0,
        79.1,
        79.2,
    ]


@pytest.mark.parametrize("command", ["check", "lint"])
def test_a_region_column_of_merged_cells_says_so_not_that_figures_were_given_twice(
    tmp_path: Path, command: str
) -> None:
    """A sheet whose 地区 cells were merged exports a county's name on its first row only:
    the rows under it are the county's own, and at county scale every one was said to be a
    figure "上报了两次且数值不同", hiding the cause. Now each run of such rows says its
    region cells are empty, with the hint to unmerge, and nothing is said to be given twice."""
    lines = ["地区,指标,年份,数值"]
    for n, county in enumerate(("汉台区", "南郑区", "城固县")):
        for k, year in enumerate((2021, 2022, 2023)):
            lines.append(f"{county if k == 0 else ''},人均预期寿命,{year},{77 + n}.{k}")
    path = csv_file(tmp_path, "\n".join(lines) + "\n")
    result = cli(command, "hanzhong", str(path), "--lang", "en")
    said = result.stdout + result.stderr
    assert "reported twice" not in said and "two different" not in said
    # one error for each county's run of rows (each row its own error, before)
    empty = [line for line in said.splitlines() if "name no region" in line]
    assert [line.partition("region cells of ")[2][:18] for line in empty] == [
        "rows 3–4 (2 rows) ", "rows 6–7 (2 rows) ", "rows 9–10 (2 rows)",
    ]  # fmt: skip
    assert all("unmerged and filled" in line for line in empty)


def test_a_stray_quote_in_a_long_file_is_said_as_a_quote_not_closed(tmp_path: Path) -> None:
    """A quote opened early in a county file and never closed runs on until the csv module's
    field limit: its "field larger than field limit (131072)" was shown as it is. Now the
    quote's own message, at its row, with the line it ran to."""
    rows = [f"京{n:05d}县,人均预期寿命,2023,{70 + n % 10}" for n in range(20000)]
    rows[150] = '"' + rows[150]
    path = csv_file(tmp_path, "地区,指标,年份,数值\n" + "\n".join(rows) + "\n")
    result = cli("check", "hanzhong", str(path))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"psplan: error: {path}:152: 引号未闭合：这一行的一个单元格")
    assert "field limit" not in result.stderr


def test_a_workbook_named_csv_is_said_to_be_a_workbook(tmp_path: Path) -> None:
    """An .xlsx (a zip) or an old .xls renamed .csv: it said "含有 NUL 字节；不是文本文件",
    with no word of what it is (a trial's finding)."""
    book = Workbook()
    book.active.append(["指标", "年份", "数值"])
    book.active.append(["人均预期寿命", 2023, 78])
    path = tmp_path / "figures.csv"
    book.save(path)
    result = cli("check", "hanzhong", str(path))
    assert (result.exit_code, result.stderr) == (2, f"psplan: error: {path}: 这是一个 Excel "
                                                    "工作簿（.xlsx），扩展名却是“.csv”：请把扩展名改为 .xlsx 后再读\n")  # fmt: skip
    old = tmp_path / "old.txt"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    result = cli("check", "hanzhong", str(old), "--lang", "en")
    assert result.stderr == (
        f"psplan: error: {old}: this is an old Excel workbook (.xls) named '.txt': save it as "
        ".xlsx in Excel\n"
    )


def test_a_file_named_xlsx_that_is_no_workbook_says_what_it_is(tmp_path: Path) -> None:
    """It said "不是可读取的 .xlsx 工作簿（File is not a zip file）", the zip library's English
    in a Chinese line (trial 10, D12); an old .xls saved under the new suffix is named so."""
    text = tmp_path / "figures.xlsx"
    text.write_text("指标,年份,数值\n人均预期寿命,2023,78\n", encoding="utf-8")
    result = cli("check", "hanzhong", str(text))
    assert (result.exit_code, result.stderr) == (
        2,
        f"psplan: error: {text}: 不是可读取的 .xlsx 工作簿（文件不是 ZIP 压缩包，可能是改了后缀的"
        "其他文件）\n",
    )
    old = tmp_path / "old.xlsx"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    result = cli("check", "hanzhong", str(old))
    assert (result.exit_code, result.stderr) == (
        2,
        f"psplan: error: {old}: 这是旧版 Excel 工作簿（.xls），扩展名却是“.xlsx”：请在 Excel 中"
        "另存为 .xlsx\n",
    )


def test_excels_lock_file_and_an_encrypted_workbook_say_what_they_are(tmp_path: Path) -> None:
    """A notebook trial: `*.xlsx` while the workbook was open took Excel's owner file
    (~$book.xlsx, a few bytes of the user's name) and said "不是 ZIP 压缩包"; a workbook with
    an open password (an OLE2 file naming its EncryptionInfo stream: made here as its header
    and directory name only) was called an old .xls."""
    owner = tmp_path / "~$各部门.xlsx"
    owner.write_bytes(bytes([6]) + "analyst".encode("utf-16-le").ljust(53, b" ") + bytes(110))
    result = cli("check", "hanzhong", str(owner))
    assert (result.exit_code, result.stderr) == (
        2,
        f"psplan: error: {owner}: 这是 Excel 打开“各部门.xlsx”时生成的临时锁定文件，不是数据文件："
        "不要把它列入输入文件（关闭 Excel 后它会消失）\n",
    )
    locked = tmp_path / "locked.xlsx"
    locked.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1016)
                       + "EncryptionInfo".encode("utf-16-le") + bytes(500))  # fmt: skip
    result = cli("check", "hanzhong", str(locked))
    assert (result.exit_code, result.stderr) == (
        2,
        f"psplan: error: {locked}: 工作簿设有打开密码（已加密），无法读取：请在 Excel 中取消密码后"
        "另存\n",
    )


@pytest.mark.parametrize("engine", ["rows", "columnar"])
def test_a_unit_column_naming_another_unit_is_checks_error(tmp_path: Path, engine: str) -> None:
    """A 单位 column saying 人 for a count the plan measures in 万人: 11,000 人 was judged as
    11,000 万人, met (a trial's finding). Now check's and lint's error, once, at its first row,
    in the 单位 column (it named the figure's: trial 11, D9); the plan's own unit there (as the
    template writes it) reads as before, long or wide."""
    name = "中等职业教育招生数"
    long = csv_file(tmp_path, "地区,指标,单位,年份,数值\n" + "".join(
        f"京{n:03d}县,{name},人,{year},{9000 + n}\n" for n in range(3) for year in (2021, 2025)
    ))  # fmt: skip
    said = f"单位列写的是 人，但{name}（不含技工）的计量单位是 万人"
    env = {"PSPLAN_ENGINE": engine}
    checked = runner.invoke(app, ["check", "ankang", str(long), "-o", str(tmp_path / "o.json")],
                            env=env)  # fmt: skip
    assert (checked.exit_code, checked.stderr) == (2, f"psplan: error: {long}:2:3: {said}\n")
    linted = runner.invoke(app, ["lint", "ankang", str(long), "-f", "json"], env=env)
    found = json.loads(linted.stdout)["problems"]
    assert [(p["message"], p["line"], p["column"]) for p in found] == [(said, 2, 3)]
    long.write_text(long.read_text("utf-8").replace(",人,", ",万人,"), "utf-8")
    assert psplan.check("ankang", long, engine=engine).results
    wide = csv_file(tmp_path, f"指标,计量单位,2021,2025\n{name},人,9000,11000\n", "wide.csv")
    result = cli("check", "ankang", str(wide))
    assert (result.exit_code, result.stderr) == (2, f"psplan: error: {wide}:2:2: {said}\n")


@pytest.mark.parametrize("engine", ["rows", "columnar"])
def test_a_unit_column_psplan_cannot_convert_is_said_where_it_differs(
    tmp_path: Path, engine: str
) -> None:
    """城市低保平均保障标准 is printed in 元/人年; a 民政 sheet wrote its standard per month,
    760 元/人·月, and it was judged as 760 元/人年 (not met, 1 % progress) without a word (a
    trial's finding; generated figures). psplan cannot convert such a unit: the figure is read
    in the plan's, with a warning at the 单位 cell, once, by check and lint alike; the plan's
    unit spelled with other joins (元/（人·年）) is the same unit."""
    name = "城市低保平均保障标准"
    path = csv_file(tmp_path, f"地区,指标,单位,年份,数值\n全市,{name},元/人·月,2024,730\n"
                              f"全市,{name},元/人·月,2025,760\n")  # fmt: skip
    said = (f"单位列写的是 元/人·月，与{name}的计量单位 元/人年 不同，psplan 无法换算："
            "数值按 元/人年 读取，请核实")  # fmt: skip
    env = {"PSPLAN_ENGINE": engine}
    checked = runner.invoke(app, ["check", "hanzhong", str(path), "-f", "csv"], env=env)
    assert checked.exit_code in (0, 1), checked.output
    assert checked.stderr.splitlines() == [f"psplan: warning: {path}:2:3: {said}"]
    linted = runner.invoke(app, ["lint", "hanzhong", str(path), "-f", "json"], env=env)
    found = json.loads(linted.stdout)["problems"]
    assert [(p["message"], p["line"], p["column"], p["level"]) for p in found] == [
        (said, 2, 3, "warning")
    ]
    path.write_text(path.read_text("utf-8").replace("元/人·月", "元/（人·年）"), "utf-8")
    checked = runner.invoke(app, ["check", "hanzhong", str(path), "-f", "csv"], env=env)
    assert "单位" not in checked.stderr


@pytest.mark.parametrize("engine", ["rows", "columnar"])
def test_a_unit_in_the_figures_header_is_their_unit(tmp_path: Path, engine: str) -> None:
    """数值（%） and 2021年(人) headers: 数值（%） stopped at 无法识别表格结构, and a year
    header's unit was dropped (11,000 人 judged as 11,000 万人, met: a trial's finding). A
    figure without a unit of its own is in its header's: the plan's unit reads as before,
    another is check's error at its cell, as 9500人 written in it is."""
    percent = csv_file(
        tmp_path, "地区,指标,年份,数值（%）\n京001县,免费孕前优生健康检查率,2023,88\n"
    )
    result = psplan.check("ankang", percent, engine=engine)
    assert [r.verdict.actual for r in result.results if r.verdict.actual is not None] == [88.0]
    people = csv_file(tmp_path, "地区,指标,2021年(人),2025年(人)\n京001县,中等职业教育招生数,9500,11000\n",
                      "wide.csv")  # fmt: skip
    with pytest.raises(PsplanError) as raised:
        psplan.check("ankang", people, engine=engine)
    said = [(str(p.location), p.words.render("zh")) for p in raised.value.problems]
    assert said[0] == (
        f"{people}:2:3",
        "“9500”的单位是 人，但中等职业教育招生数（不含技工）的计量单位是 万人",
    )


def test_a_header_not_understood_names_its_columns_in_a_file_and_a_sheet(tmp_path: Path) -> None:
    """A value column headed 当年值: the file's error and the skipped sheet's warning said "应有
    年份列和数值列" (and the sheet, falsely, that it had no header with an indicator column and
    years), never which column was not understood (a trial's finding)."""
    path = csv_file(tmp_path, "地区,指标,年份,当年值\n京001县,免费孕前优生健康检查率,2023,88\n")
    result = cli("check", "ankang", str(path))
    assert result.exit_code == 2 and result.stderr.rstrip().endswith("；未识别的列：“当年值”")
    book = Workbook()
    book.active.title = "卫健委"
    book.active.append(["地区", "指标", "年份", "数值"])
    book.active.append(["京001县", "免费孕前优生健康检查率", 2023, 88])
    other = book.create_sheet("教体局")
    other.append(["地区", "指标", "年份", "当年值"])
    other.append(["京001县", "学前三年毛入园率", 2023, 90])
    workbook = tmp_path / "two.xlsx"
    book.save(workbook)
    result = cli("check", "ankang", str(workbook), "-o", str(tmp_path / "o.json"))
    assert f"{workbook}: 已跳过工作表“教体局”：无法识别表格结构：" in result.stderr
    assert "未识别的列：“当年值”" in result.stderr


@pytest.mark.parametrize(
    "header", ["2025年（预计）", "2025年(预计)", "2025年预计", "2025年（预计数）", "2025年快报",
               "2025年初步统计", "2025（预估）", "2025年预测值"],
)  # fmt: skip
@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_column_of_estimates_is_not_the_years_actual_figures(
    tmp_path: Path, header: str, suffix: str
) -> None:
    """A department's sheet with 2025年（预计） beside 2024年 (generated figures): the estimates
    were read as 2025's actual figures, without a word, and judged 完成 in a 终期评估 (a
    trial's finding; 2025年预计 was skipped). Each such column is skipped, and says how to
    judge on it; a unit in brackets, 2025年(%), is still the year's figures."""
    path = tmp_path / f"department{suffix}"
    rows = [["指标", "2024年", header], ["消费投诉处理率", 94, 96]]
    written(path, rows)
    report = psplan.check("ankang", path)
    (result,) = [r for r in report.results if r.indicator.name == "消费投诉处理率"]
    assert (result.verdict.actual, result.verdict.actual_year) == (94, 2024)
    with use_lang("zh"):
        (skipped,) = [str(w.words) for w in report.warnings if w.code == "skipped-column"]
    assert f"已跳过 C 列“{header}”：这是预计数或初步数，不是2025年的实际完成值；" in skipped
    assert "要按它评价，请把列名改为“2025年”" in skipped
    rows[0][2] = "2025年(%)"
    path = written(path.with_suffix(".csv"), rows)
    (result,) = [r for r in psplan.check("ankang", path).results
                 if r.indicator.name == "消费投诉处理率"]  # fmt: skip
    assert (result.verdict.actual, result.verdict.actual_year) == (96, 2025)


def test_hidden_rows_and_columns_are_skipped_and_said(tmp_path: Path) -> None:
    """A department's sheet with its 2025年 column and a row hidden (generated figures, a
    trial's workbook): both were read without a word, a hidden column deciding every final
    verdict, a hidden (often stale) row judged, while a hidden sheet was skipped and said.
    Hidden rows and columns are skipped as a hidden sheet is, each kind in one warning; an
    empty hidden column says nothing."""
    book = Workbook()
    sheet = book.active
    sheet.append(["指标", "2024年", "2025年"])
    for name, figures in (("高等级客运站数量", (10, 12)), ("高等级货运站数量", (8, 9)),
                          ("5G基站点数量", (1.0, 1.1)), ("天然林保护", (2000, 2050)),
                          ("省级生态文明建设示范镇数量", (40, 45))):  # fmt: skip
        sheet.append([name, *figures])
    for row in (3, 5, 6):
        sheet.row_dimensions[row].hidden = True
    for column in ("C", "E"):  # (E holds nothing)
        sheet.column_dimensions[column].hidden = True
    path = tmp_path / "交通局.xlsx"
    book.save(path)
    report = psplan.check("ankang", path)
    read = {r.indicator.name: (r.verdict.actual, r.verdict.actual_year) for r in report.results
            if r.verdict.actual is not None}  # fmt: skip
    assert read == {"高等级客运站数量": (10, 2024), "5G基站点数量": (1.0, 2024)}
    with use_lang("zh"):
        said = [(w.location.line, str(w.words)) for w in report.warnings if w.code == "hidden"]
    assert said == [
        (3, "已跳过隐藏的第 3、5–6 行（与隐藏的工作表一样不读取）；这些行若要评价，请在 Excel 中"
            "取消隐藏后重新保存"),
        (0, "已跳过隐藏的 C 列（与隐藏的工作表一样不读取）；这些列若要评价，请在 Excel 中"
            "取消隐藏后重新保存"),
    ]  # fmt: skip


def test_an_unknown_indicator_in_reasons_yaml_is_named_at_its_key(tmp_path: Path) -> None:
    """A reasons file's indicator the plan does not have was said at the line after its key
    (the first text under it): r4.yaml:2 for a key on line 1 (a trial's finding)."""
    figures = csv_file(tmp_path, "指标,2024,2025\n城镇新增就业人数,7.5,8.1\n")
    reasons = tmp_path / "reasons.yaml"
    reasons.write_text(
        "城镇新增就业人数:\n  原因分析: 企业用工需求回落\n每千人口医疗床位数:\n  原因分析: 床位建设滞后\n",
        "utf-8",
    )
    with pytest.raises(PsplanError) as raised:
        psplan.check("ankang", [figures, reasons])
    (problem,) = raised.value.problems
    assert (problem.location.file, problem.location.line) == (str(reasons), 3)
    with use_lang("zh"):
        assert str(problem.words).startswith("规划 ankang 中没有指标“每千人口医疗床位数”")


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_year_heading_two_columns_is_an_error_naming_both(tmp_path: Path, suffix: str) -> None:
    """指标,2023年,2024年,2024年,2025年 (a column pasted twice; generated figures): its rows
    were said to repeat earlier rows — "与第 2 行相同", of the row itself — or, where the two
    differed, to give two figures, with no word of a column (a trial's finding)."""
    rows = [["指标", "2023年", "2024年", "2024年", "2025年"], ["高等级客运站数量", 9, 10, 11, 12]]
    path = tmp_path / f"交通局{suffix}"
    written(path, rows)
    with pytest.raises(PsplanError) as raised:
        psplan.check("ankang", path)
    error = raised.value
    assert (error.location.line, error.location.column) == (1, 4)
    assert error.words.render("zh") == "D 列“2024年”与 C 列都是 2024 年的数据：请删除或改名其中一列"


@pytest.mark.parametrize("engine", ["rows", "columnar"])
def test_a_gb18030_file_with_a_bom_keeps_its_first_column(tmp_path: Path, engine: str) -> None:
    """GB18030 saved "with a BOM" (U+FEFF as 84 31 95 33; generated figures, a trial's file):
    the mark was read into the first header cell, “\\ufeff地区” was skipped as a column psplan
    does not read, and the county's figures became the whole city's (one county) or figures
    given twice (many)."""
    path = tmp_path / "各县.csv"
    text = "地区,指标,年份,数值\n京001县,城镇新增就业人数,2024,1.1\n京002县,城镇新增就业人数,2024,1.3\n"
    path.write_bytes("\ufeff".encode("gb18030") + text.encode("gb18030"))
    report = psplan.check("ankang", path, engine=engine)
    assert {r.region for r in report.results if r.verdict.actual is not None} == {
        "京001县", "京002县",
    }  # fmt: skip
    assert not [w for w in report.warnings if w.code == "skipped-column"]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_figure_under_an_empty_header_is_said(tmp_path: Path, suffix: str) -> None:
    """指标,2021,2022,2023,2024, with 71 in the last column (generated figures, a trial's
    file): 2025's figure, which met the target of 70, was dropped without a word and 2024's
    67 judged. A column without a header that holds something is said at its first cell; an
    empty one (the trailing comma Excel writes) and a note row's cells say nothing."""
    rows: list[list[object]] = [["指标", "2021", "2022", "2023", "2024", ""],
                                ["森林覆盖率", 64, 65, 66, 67, 71],
                                ["注：数据来源于林业局", "", "", "", "", "见附件"]]  # fmt: skip
    if suffix == ".xlsx":
        rows[0] = rows[0][:5]  # a sheet's header ends at its last cell
    path = written(tmp_path / f"林业局{suffix}", rows)
    report = psplan.check("ankang", path)
    (result,) = [r for r in report.results if r.indicator.name == "森林覆盖率"]
    assert (result.verdict.actual, result.verdict.actual_year) == (67, 2024)
    said = [(w.location.line, w.location.column, w.words.render("zh")) for w in report.warnings
            if w.code == "skipped-column"]  # fmt: skip
    assert said == [(2, 6, "已跳过 F 列：表头为空，但第 2 行起有数据；若是某年的数据，请在表头写明"
                           "年份（如 2025年）")]  # fmt: skip
    rows[1][5] = ""
    assert not [w for w in psplan.check("ankang", written(path, rows)).warnings
                if w.code == "skipped-column"]  # fmt: skip
