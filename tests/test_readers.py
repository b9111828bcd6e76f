"""Reading actuals as statistics-bureau analysts make them in Excel: year headers typed or
date-formatted, a title block above the header, notes and totals under the data, several
sheets, units after numbers, extra columns, and the collection template read back whole.

The reader is tested through `read_actuals` directly; a few runs go through the CLI in-process.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from typer.testing import CliRunner

from psplan.actuals import ActualRow, SheetEntry, header_year, read_actuals
from psplan.cli import app
from psplan.errors import Location, Problem, PsplanError
from psplan.plans import load_plan
from psplan.template import INSTRUCTIONS, template_csv, template_header, template_xlsx
from psplan.units import canonical_unit, same_unit
from psplan.values import parse_value

runner = CliRunner()


# ---------------------------------------------------------------- helpers


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
    result = runner.invoke(app, list(args))
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


def test_no_header_within_the_first_rows_is_still_an_error(tmp_path: Path) -> None:
    path = csv_file(tmp_path, "标题\n" * 25 + "指标,年份,数值\n九年义务教育巩固率,2023,95\n")
    with pytest.raises(PsplanError, match="no indicator column") as caught:
        read(path)
    assert str(caught.value).startswith(f"{path}:1:")


def test_title_block_through_the_cli(tmp_path: Path) -> None:
    path = workbook(tmp_path, {"Sheet": [*TITLE, *DATA]})
    result = cli("check", "national", str(path), "--format", "json")
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
    result = cli("check", "national", str(path), "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert "skipped a total row: '合计'" in result.stderr


# ---------------------------------------------------------------- 4. sheets


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
    assert warnings(items) == [
        f"{path}: skipped sheet '说明': no header row with an indicator column and years",
        f"{path}: skipped sheet 'old': hidden",
        f"{path}: skipped sheet 'calc': hidden",
        f"{path}: reading sheet '2023'",
    ]


def test_several_sheets_with_figures_ask_for_sheet(tmp_path: Path) -> None:
    path = workbook(tmp_path, {"说明": [["notes"]], "2022": DATA, "2023": DATA})
    with pytest.raises(PsplanError) as caught:
        read(path)
    assert caught.value.message == (
        "several sheets hold figures ('2022', '2023'); pass --sheet NAME to choose one"
    )
    result = cli("check", "national", str(path))
    assert result.exit_code == 2 and "--sheet NAME" in result.stderr


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
    result = cli("check", "national", str(path), "--format", "json")
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
    assert warnings(items) == [
        f"{path}: skipped sheet '说明': no header row with an indicator column and years",
        f"{path}: reading sheet '填报'",
    ]
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
    assert {(e.field, e.region) for e in entries(items) if e.indicator == first} == {
        ("baseline", "甲县"),
        ("reason", "甲县"),
        ("measure", "甲县"),
    }


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
    with pytest.raises(PsplanError, match="pass --sheet NAME to read a hidden sheet"):
        read(path)
    assert len(figures(read(path, sheet="data"))) == 2
