"""Reported values (`psplan.actuals.values`), pinned spelling by spelling for mutation testing.

Each "no figure", yes and no spelling and each comparator word is written out here (not
imported), so a changed table entry fails. Errors are checked by type, not wording.
"""

from __future__ import annotations

import math

import pytest

from psplan.actuals.values import CellError, Value, answer_satisfies, parse_value
from psplan.errors import Location, PsplanError

MISSING = [
    "",
    "—",
    "——",
    "-",
    "--",
    "―",
    "/",
    "na",
    "NA",
    "n/a",
    "N/A",
    "nan",
    "NaN",
    "null",
    "NULL",
    "none",
    "None",
    "无",
    "暂无",
    "空",
    "…",  # NFKC folds it to "..." before the table is read
    "...",
    "  ",
    " — ",
]
YES = [
    "应保尽保",
    "是",
    "达标",
    "已达标",
    "全覆盖",
    "实现",
    "已实现",
    "完成",
    "已完成",
    "yes",
    "y",
    "true",
]
NO = ["否", "未达标", "未实现", "未完成", "no", "n", "false"]

PREFIX_BOUNDS = [
    (">=", ">="),
    ("<=", "<="),
    ("≥", ">="),
    ("≧", ">="),
    ("⩾", ">="),
    ("≤", "<="),
    ("≦", "<="),
    ("⩽", "<="),
    (">", ">"),
    ("＞", ">"),
    ("<", "<"),
    ("＜", "<"),
    ("不低于", ">="),
    ("不少于", ">="),
    ("不小于", ">="),
    ("不高于", "<="),
    ("不超过", "<="),
    ("不多于", "<="),
    ("不大于", "<="),
    ("高于", ">"),
    ("超过", ">"),
    ("大于", ">"),
    ("多于", ">"),
    ("低于", "<"),
    ("小于", "<"),
    ("少于", "<"),
    ("不足", "<"),
]
SUFFIX_BOUNDS = [("及以上", ">="), ("以上", ">="), ("及以下", "<="), ("以下", "<="), ("以内", "<=")]


def fields(value: Value) -> tuple:
    return (value.number, value.text, value.unit, value.running_total, value.bound)


@pytest.mark.parametrize("raw", MISSING)
def test_every_way_of_writing_no_figure(raw: str) -> None:
    value = parse_value(raw)
    assert value == Value(raw=raw)
    assert value.missing
    assert value.display() == ""


@pytest.mark.parametrize("raw", YES)
def test_every_yes_answer_satisfies_a_qualitative_target(raw: str) -> None:
    value = parse_value(raw)
    assert fields(value) == (None, raw, None, False, None)
    assert not value.missing
    assert answer_satisfies(value) is True
    assert value.display() == raw
    shouted = parse_value(raw.upper())
    assert answer_satisfies(shouted) is True
    assert shouted.text == raw.upper()  # kept as written; matched case-insensitively


@pytest.mark.parametrize("raw", NO)
def test_every_no_answer_fails_a_qualitative_target(raw: str) -> None:
    value = parse_value(raw)
    assert fields(value) == (None, raw, None, False, None)
    assert answer_satisfies(value) is False
    assert answer_satisfies(parse_value(raw.upper())) is False


@pytest.mark.parametrize("raw", ["正在推进", "基本实现", "良好", "95左右", "3.4万"])
def test_other_text_is_an_answer_for_a_person(raw: str) -> None:
    value = parse_value(raw)
    assert fields(value) == (None, raw, None, False, None)
    assert answer_satisfies(value) is None


def test_excel_booleans_are_yes_and_no_not_numbers() -> None:
    # openpyxl gives a FALSE cell as the bool False: it is 否, never 0 or 1 (nor "met"); its
    # text is the cell's as Excel shows it (a result said 上报为“True”)
    false = parse_value(False)
    assert (false.raw, *fields(false)) == ("FALSE", None, "否", None, False, None)
    assert answer_satisfies(false) is False
    true = parse_value(True)
    assert (true.raw, *fields(true)) == ("TRUE", None, "是", None, False, None)
    assert answer_satisfies(true) is True


def test_numbers_from_a_spreadsheet() -> None:
    assert parse_value(0) == Value(raw="0", number=0.0)
    assert parse_value(96) == Value(raw="96", number=96.0)
    assert parse_value(95.5) == Value(raw="95.5", number=95.5)
    negative_zero = parse_value(-0.0)
    assert negative_zero.number == 0.0 and math.copysign(1.0, negative_zero.number) == 1.0
    for bad in (math.inf, -math.inf, math.nan):
        with pytest.raises(PsplanError):
            parse_value(bad)
    with pytest.raises(PsplanError) as caught:
        parse_value(10**400)  # beyond any float
    # the message shows the first 20 digits, not all 401
    assert "1" + "0" * 19 in str(caught.value)
    assert "1" + "0" * 20 not in str(caught.value)
    assert "401" in str(caught.value)
    short = parse_value(10**19)
    assert short.number == 1e19 and short.raw == "1" + "0" * 19


@pytest.mark.parametrize(
    ("raw", "number"),
    [
        ("0", 0.0),
        ("91.1", 91.1),
        ("-3", -3.0),
        ("-0", 0.0),
        ("123456789012345", 123456789012345.0),
        ("1.123456789012345", 1.123456789012345),
        ("1,234.5", 1234.5),
        ("1,234,567", 1234567.0),
        ("+5", 5.0),
        (".5", 0.5),
        ("5.", 5.0),
        ("1e3", 1000.0),
        ("2.5E-1", 0.25),
        ("９１．１", 91.1),
        (" 91.1 ", 91.1),
        ("77.3**", 77.3),
        ("1234567890123456", 1234567890123456.0),
    ],
)
def test_plain_figures(raw: str, number: float) -> None:
    value = parse_value(raw)
    assert (value.raw, *fields(value)) == (raw, number, None, None, False, None)
    assert math.copysign(1.0, value.number) == 1.0 or number < 0


@pytest.mark.parametrize("raw", ["1,23", "12,34.5", "1e", "1.2.3", "--5"])
def test_broken_numbers_are_text(raw: str) -> None:
    assert parse_value(raw).number is None


@pytest.mark.parametrize(
    "raw", ["9 0", "90 .5", "90. 5", "１２ ３４", "12 34.5", "1 2345", "[9 0]", "≥9 0%", "9\u30000"]
)
def test_a_figure_with_spaces_among_its_digits_is_an_error(raw: str) -> None:
    """`9 0` was read as 90 and `90 .5` as 90.5 without a word (a new user's trial): the
    spaces were dropped before the digits were read. Which figure was meant cannot be told."""
    with pytest.raises(PsplanError) as caught:
        parse_value(raw)
    assert caught.value.words.key == "value.spaced_digits"


@pytest.mark.parametrize(
    ("raw", "number", "unit", "bound"),
    [
        ("38 412.76", 38412.76, None, None),  # thousands grouped by spaces (GB/T 15835)
        ("1 234 567", 1234567.0, None, None),
        ("１２　３４５", 12345.0, None, None),  # full-width digits, an ideographic space
        ("≥ 95 %", 95.0, "%", ">="),  # spaces beside the digits, not among them
        (" 89.5 ", 89.5, None, None),
    ],
)
def test_spaces_that_group_thousands_or_stand_beside_a_figure_are_read(
    raw: str, number: float, unit: str | None, bound: str | None
) -> None:
    value = parse_value(raw)
    assert (value.number, value.unit, value.bound) == (number, unit, bound)


@pytest.mark.parametrize(
    ("raw", "number", "unit"),
    [
        ("91.1%", 91.1, "%"),
        ("2.5‰", 2.5, "‰"),
        ("９５％", 95.0, "%"),
        ("2.05㎡", 2.05, "平方米"),
        ("2.05m2", 2.05, "平方米"),
        ("78.6岁", 78.6, "岁"),
        ("3.4万次", 3.4, "万次"),
        ("1,500人", 1500.0, "人"),
    ],
)
def test_figures_with_a_unit(raw: str, number: float, unit: str) -> None:
    value = parse_value(raw)
    assert fields(value) == (number, None, unit, False, None)


@pytest.mark.parametrize(
    ("raw", "number", "unit", "bound"),
    [
        ("[24.54]", 24.54, None, None),
        ("【23.6】", 23.6, None, None),
        ("〔15〕", 15.0, None, None),
        ("［15］", 15.0, None, None),
        ("[5%]", 5.0, "%", None),
        ("[≥24.54]", 24.54, None, ">="),
        ("≥[24.54]", 24.54, None, ">="),
        ("[12万人]", 12.0, "万人", None),
    ],
)
def test_running_totals(raw: str, number: float, unit: str | None, bound: str | None) -> None:
    value = parse_value(raw)
    assert fields(value) == (number, None, unit, True, bound)


@pytest.mark.parametrize("raw", ["[24.54", "【23.6]", "[abc]", "[5%x]", "abc%", "[]"])
def test_broken_totals_and_units_are_errors(raw: str) -> None:
    with pytest.raises(PsplanError) as caught:
        parse_value(raw)
    assert raw in str(caught.value)  # the message quotes the cell


@pytest.mark.parametrize(("word", "bound"), PREFIX_BOUNDS)
def test_every_comparator_before_a_figure_makes_a_bound(word: str, bound: str) -> None:
    value = parse_value(f"{word}95%")
    assert fields(value) == (95.0, None, "%", False, bound)
    assert value.raw == f"{word}95%"


@pytest.mark.parametrize(("word", "bound"), SUFFIX_BOUNDS)
def test_every_comparator_after_a_figure_makes_a_bound(word: str, bound: str) -> None:
    value = parse_value(f"95%{word}")
    assert fields(value) == (95.0, None, "%", False, bound)
    assert fields(parse_value(f"95{word}")) == (95.0, None, None, False, bound)


def test_more_edges_of_the_reader() -> None:
    assert parse_value(None) == Value(raw="")
    assert parse_value("否").raw == "否" and parse_value("是").raw == "是"
    assert parse_value(" NO ").raw == " NO "
    assert fields(parse_value("5X")) == (None, "5X", None, False, None)  # not a footnote
    assert fields(parse_value("**")) == (None, "", None, False, None)  # markers alone
    # a comparator word alone after a comparator is text, not a second comparator
    assert fields(parse_value("<以上")) == (None, "<以上", None, False, None)
    # ‰ after any decimal the reader knows
    assert fields(parse_value("5.‰")) == (5.0, None, "‰", False, None)
    assert fields(parse_value("1e3‰")) == (1000.0, None, "‰", False, None)
    for raw in ("[>>95]", "[>95以下]"):
        with pytest.raises(PsplanError) as caught:
            parse_value(raw)
        assert raw in str(caught.value)
    for bad in (math.inf, math.nan):
        with pytest.raises(PsplanError) as caught:
            parse_value(bad)
        assert repr(bad) in str(caught.value)  # the value is quoted


def test_more_edges() -> None:
    # a figure with a unit it does not know stays text; a broken number with a known unit too
    assert fields(parse_value("1,2岁")) == (None, "1,2岁", None, False, None)
    assert fields(parse_value("X5以上")) == (None, "X5以上", None, False, None)
    # −0 in any spelling is 0
    for raw in ("-0%", "-0.0‰", "-0岁", "[-0]"):
        number = parse_value(raw).number
        assert number == 0.0 and math.copysign(1.0, number) == 1.0, raw
    # 41 characters are cut in a message, 40 are not
    cut = "[" + "1" * 38 + "x]"
    with pytest.raises(PsplanError) as caught:
        parse_value(cut)
    assert cut not in str(caught.value) and cut[:20] in str(caught.value)


def test_bounds_in_detail() -> None:
    assert fields(parse_value(">99.9")) == (99.9, None, None, False, ">")
    assert fields(parse_value("=95")) == (95.0, None, None, False, None)  # a lone = is dropped
    assert fields(parse_value("==95")) == (95.0, None, None, False, None)
    assert fields(parse_value("≥95以上")) == (95.0, None, None, False, ">=")  # they agree
    assert fields(parse_value(">95以上")) == (95.0, None, None, False, ">")  # same side
    assert fields(parse_value("<5以下")) == (5.0, None, None, False, "<")
    # the word alone is not a figure: text for a person (keeping the whole answer)
    assert fields(parse_value("以上")) == (None, "以上", None, False, None)
    assert fields(parse_value("以下")) == (None, "以下", None, False, None)
    assert fields(parse_value("高于平均")) == (None, "高于平均", None, False, None)
    assert fields(parse_value("达标以上")) == (None, "达标以上", None, False, None)
    assert fields(parse_value("95*以上")) == (None, "95*以上", None, False, None)


@pytest.mark.parametrize(
    "raw", [">95以下", "<95以上", "不低于95以下", "≤5及以上", ">>95", "≥<95", "<=>95"]
)
def test_comparators_that_disagree_or_repeat_are_errors(raw: str) -> None:
    with pytest.raises(PsplanError) as caught:
        parse_value(raw)
    assert raw in str(caught.value)


def test_display() -> None:
    assert parse_value("91.1%").display() == "91.1%"
    assert parse_value("[24.54]").display() == "[24.54]"
    assert parse_value(">99.9").display() == ">99.9"
    assert parse_value("≥95%").display() == "≥95%"
    assert parse_value("<7").display() == "<7"
    assert parse_value("不高于5").display() == "≤5"
    assert parse_value("[≥24.54]").display() == "[≥24.54]"
    assert parse_value("1e15").display() == "1e+15"[:0] + str(1e15)
    assert parse_value("1e14").display() == "1e+14"
    assert parse_value("123456").display() == "123456"
    assert parse_value("否").display() == "否"
    assert Value(raw="x", number=0.5).display() == "0.5"


def test_answer_satisfies_numbers_and_bounds() -> None:
    # a number satisfies 应保尽保 at 100 (a rate of 100 %), not below
    assert answer_satisfies(parse_value("100")) is True
    assert answer_satisfies(parse_value("100%")) is True
    assert answer_satisfies(parse_value("100.5")) is True
    assert answer_satisfies(parse_value("99.9")) is False
    assert answer_satisfies(parse_value("0")) is False
    # bounds: every figure allowed ≥ 100 → yes; every figure < 100 → no; else undecided
    assert answer_satisfies(parse_value(">100")) is True
    assert answer_satisfies(parse_value("≥100")) is True
    assert answer_satisfies(parse_value(">99")) is None
    assert answer_satisfies(parse_value("≥99.9")) is None
    assert answer_satisfies(parse_value("<100")) is False
    assert answer_satisfies(parse_value("≤99")) is False
    assert answer_satisfies(parse_value("<99")) is False
    assert answer_satisfies(parse_value("≤100")) is None
    assert answer_satisfies(parse_value("<101")) is None
    assert answer_satisfies(parse_value("")) is None
    assert answer_satisfies(Value(raw="x", text=None)) is None


def test_a_cell_error_raises_at_its_cell() -> None:
    where = Location("figures.xlsx", 3, 4)
    cell = CellError("formula without a saved result", where, "=A1+B1")
    assert str(cell) == "=A1+B1"
    assert "formula without a saved result" in repr(cell) and repr(where) in repr(cell)
    assert cell.error().location == where
    assert "formula without a saved result" in str(cell.error())
    with pytest.raises(PsplanError) as caught:
        parse_value(cell)
    assert caught.value.location == where
    assert "formula without a saved result" in str(caught.value)
    bare = CellError("x")
    assert (bare.location, bare.shown, str(bare)) == (None, "", "")


def test_a_huge_figure_in_text_is_an_error() -> None:
    with pytest.raises(PsplanError):
        parse_value("9" * 400)
    with pytest.raises(PsplanError):
        parse_value("9" * 400 + "%")


def test_long_cells_are_cut_in_messages() -> None:
    long_total = "[" + "1" * 60 + "x]"
    with pytest.raises(PsplanError) as caught:
        parse_value(long_total)
    message = str(caught.value)
    assert long_total[:20] in message and long_total not in message and "63" in message
    forty = "[" + "1" * 37 + "x]"  # 40 characters: quoted whole
    with pytest.raises(PsplanError) as caught:
        parse_value(forty)
    assert forty in str(caught.value)
    huge = "9" * 400
    with pytest.raises(PsplanError) as caught:
        parse_value(huge + "%")
    assert "9" * 20 in str(caught.value) and huge not in str(caught.value)


def test_an_excel_false_cell_is_not_met(tmp_path) -> None:
    # GENERATED workbook: TRUE/FALSE cells are booleans to openpyxl, never 1 and 0.
    from openpyxl import Workbook

    import psplan

    book = Workbook()
    sheet = book.active
    sheet.append(["indicator", "year", "value"])
    sheet.append(["孤儿和事实无人抚养儿童保障覆盖率", 2023, False])
    sheet.append(["城镇户籍低保、低收入家庭申请公租房的保障率", 2023, True])
    path = tmp_path / "figures.xlsx"
    book.save(path)
    results = {r.indicator.id: r.verdict for r in psplan.check("national", path).results}
    orphans = results["orphan_support_coverage"]
    assert (orphans.status, orphans.actual, orphans.actual_year) == ("behind", "否", 2023)
    assert results["public_rental_housing_guarantee"].status == "met"
    # FALSE for a numeric target is refused, never read as 0 (or as 1)
    sheet.append(["九年义务教育巩固率", 2023, False])
    book.save(path)
    with pytest.raises(PsplanError):
        psplan.check("national", path)


@pytest.mark.parametrize(
    ("raw", "scientific"),
    [
        ("1.23457E+11", True),  # Excel's General cell, too narrow for 123456789012
        ("1.5E-05", True),
        ("1e2", True),
        ("１．２３４５７Ｅ＋１１", True),  # full-width, NFKC-folded as parse_value reads it
        ("[1.2E+03]", True),  # a running total written so
        ("≥9.85E+01", True),
        ("123456789012", False),
        ("98.5", False),
        ("98.5%", False),
        ("基本实现", False),  # a text, no figure
        ("E", False),
        ("", False),
    ],
)
def test_a_figure_in_scientific_notation_is_known(raw: str, scientific: bool) -> None:
    from psplan.actuals.values import in_scientific_notation

    assert in_scientific_notation(parse_value(raw)) is scientific


@pytest.mark.parametrize("number", [1e-05, 1.5e16, 123456789012.0])
def test_a_workbooks_number_is_never_in_scientific_notation(number: float) -> None:
    """A number cell of a workbook holds every digit: its text is written out, not Python's
    `1e-05`, which would read as Excel's lossy E+ display."""
    from psplan.actuals.values import in_scientific_notation

    value = parse_value(number)
    assert (value.number, in_scientific_notation(value)) == (number, False)
    assert "e" not in value.raw and float(value.raw) == number


def test_a_figure_is_written_out_without_an_exponent() -> None:
    from psplan.actuals.values import written_out

    assert written_out(parse_value("1.23457E+11").number or 0.0) == "123457000000"
    assert written_out(parse_value("1.5E-05").number or 0.0) == "0.000015"
    assert (written_out(98.5), written_out(100.0)) == ("98.5", "100")
