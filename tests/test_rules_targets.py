"""The target grammar (`psplan.plan.targets`), pinned word by word for mutation testing.

Every comparator word, bracket, unit, "no value" spelling and qualitative text the grammar
knows is listed here literally (not imported from the module), so that a changed entry in one
of its tables fails a test. Errors are checked by type (PsplanError), never by their wording,
which is being translated.
"""

from __future__ import annotations

import pytest

from psplan.errors import PsplanError
from psplan.plan.targets import (
    Expression,
    format_expression,
    normalise_text,
    parse_expression,
    parse_number,
    shorten_text,
)

# Every prefix comparator, as the plans (and people) write it. NFKC folds ＞ to > and ＞＝ to
# >=, so the full-width forms reach the same table entries as the ASCII ones.
PREFIXES = [
    (">=", ">="),
    ("≥", ">="),
    ("＞＝", ">="),
    ("<=", "<="),
    ("≤", "<="),
    ("＜＝", "<="),
    (">", ">"),
    ("＞", ">"),
    ("<", "<"),
    ("＜", "<"),
    ("~", "approx"),
    ("约", "approx"),
    ("不低于", ">="),
    ("不少于", ">="),
    ("不高于", "<="),
    ("不超过", "<="),
    ("高于", ">"),
    ("低于", "<"),
    ("大于", ">"),
    ("小于", "<"),
    ("达到", ">="),
    ("保持", ">="),
    ("控制在", "<="),
]

SUFFIXES = [
    ("以上", ">="),
    ("及以上", ">="),
    ("以下", "<="),
    ("及以下", "<="),
    ("以内", "<="),
    ("左右", "approx"),
]

QUALITATIVE = [
    "应保尽保",
    "应救尽救",
    "应助尽助",
    "应养尽养",
    "应扶尽扶",
    "应享尽享",
    "应参尽参",
    "应种尽种",
    "全覆盖",
    "基本全覆盖",
    "实现全覆盖",
    "达标",
    "全部达标",
    "动态清零",
    "持续清零",
    "基本实现",
]

NONE_TEXTS = [
    "", "—", "——", "-", "--", "－", "―", "/", "无", "N/A", "NA", "———", "-—-", "－－", "――", "—―-",
]  # fmt: skip


@pytest.mark.parametrize(("word", "op"), PREFIXES)
def test_every_prefix_comparator(word: str, op: str) -> None:
    expr = parse_expression(f"{word}95")
    assert (expr.form, expr.op, expr.value, expr.unit) == ("number", op, 95.0, None)
    assert expr.raw == f"{word}95"
    with_unit = parse_expression(f"{word}95.5%")
    assert (with_unit.op, with_unit.value, with_unit.unit) == (op, 95.5, "%")


@pytest.mark.parametrize(("word", "op"), SUFFIXES)
def test_every_suffix_comparator(word: str, op: str) -> None:
    expr = parse_expression(f"95{word}")
    assert (expr.form, expr.op, expr.value, expr.unit) == ("number", op, 95.0, None)
    # the unit sits before the word: 95%及以上 (DOMAIN.md's bounds)
    with_unit = parse_expression(f"95%{word}")
    assert (with_unit.op, with_unit.value, with_unit.unit) == (op, 95.0, "%")


def test_longest_words_win() -> None:
    # ">=" must not be read as ">" followed by "=95"; "及以上" not as "以上" after "95及".
    assert parse_expression(">=95").op == ">="
    assert parse_expression("<=95").op == "<="
    assert parse_expression("95%及以上").value == 95.0
    assert parse_expression("5‰及以下").unit == "‰"


@pytest.mark.parametrize(
    ("raw", "op"),
    [("≥95以上", ">="), ("控制在5以下", "<="), ("不高于5以内", "<="), ("约80左右", "approx")],
)
def test_a_prefix_and_a_suffix_that_agree(raw: str, op: str) -> None:
    assert parse_expression(raw).op == op


@pytest.mark.parametrize("raw", [">95以下", "不低于5以下", "<5以上", "约80以上", "≥95左右"])
def test_contradictory_comparators_are_refused(raw: str) -> None:
    with pytest.raises(PsplanError):
        parse_expression(raw)


@pytest.mark.parametrize("text", QUALITATIVE)
def test_every_qualitative_text(text: str) -> None:
    expr = parse_expression(text)
    assert (expr.form, expr.text, expr.value, expr.op, expr.marker) == (
        "qualitative",
        text,
        None,
        None,
        None,
    )
    starred = parse_expression(f" {text}* ")
    assert (starred.form, starred.text, starred.marker, starred.raw) == (
        "qualitative",
        text,
        "*",
        f" {text}* ",
    )
    assert format_expression(starred) == f"{text}*"


@pytest.mark.parametrize("raw", NONE_TEXTS)
def test_every_way_of_printing_no_target(raw: str) -> None:
    expr = parse_expression(raw)
    assert (expr.form, expr.value, expr.raw) == ("none", None, raw)
    assert format_expression(expr) == "—"


def test_none_and_non_text_inputs() -> None:
    assert parse_expression(None) == Expression(raw="", form="none")
    for flag in (True, False):
        with pytest.raises(PsplanError) as caught:
            parse_expression(flag)
        assert str(flag) in str(caught.value)  # the value is quoted
    # YAML gives numbers where the plan printed text: written back as a person would.
    assert parse_expression(96).raw == "96"
    assert parse_expression(96.0).raw == "96"
    assert parse_expression(96.5).raw == "96.5"
    assert parse_expression(96.0).value == 96.0


@pytest.mark.parametrize(
    ("raw", "reference", "text"),
    [
        ("达到全省平均水平", "全省", "达到全省平均水平"),
        ("高于全国平均", "全国", "高于全国平均"),
        ("不低于全市平均值", "全市", "不低于全市平均值"),
        ("超过省平均水平以上", "省", "超过省平均水平以上"),
        ("保持市水平", "市", "保持市水平"),
        ("接近国家平均水平", "国家", "接近国家平均水平"),
        ("全省平均", "全省", "全省平均"),
        ("达到 全省 平均水平", "全省", "达到全省平均水平"),
    ],
)
def test_relative_targets_name_their_reference(raw: str, reference: str, text: str) -> None:
    expr = parse_expression(raw)
    assert (expr.form, expr.reference, expr.text, expr.value, expr.raw) == (
        "relative",
        reference,
        text,
        None,
        raw,
    )
    assert format_expression(expr) == text
    assert expr.effective_op("increase") is None
    assert expr.effective_op("decrease") is None


def test_a_relative_target_keeps_its_footnote_marker() -> None:
    expr = parse_expression("达到全省平均水平*")
    assert (expr.form, expr.reference, expr.text, expr.marker) == (
        "relative",
        "全省",
        "达到全省平均水平",
        "*",
    )
    assert format_expression(expr) == "达到全省平均水平*"


@pytest.mark.parametrize("raw", ["全省平均水平以下", "达到全县平均水平", "全省"])
def test_unknown_relative_wording_is_refused(raw: str) -> None:
    with pytest.raises(PsplanError):
        parse_expression(raw)


@pytest.mark.parametrize(
    ("raw", "value", "op", "marker"),
    [
        ("[269]", 269.0, None, None),
        ("【23.6】", 23.6, None, None),
        ("〔15〕", 15.0, None, None),
        ("［15］", 15.0, None, None),
        ("[≥20]", 20.0, ">=", None),
        ("[20*]", 20.0, None, "*"),
        ("[20]**", 20.0, None, "**"),
        ("[20*]**", 20.0, None, "**"),  # the outer marker wins
    ],
)
def test_brackets_mark_a_five_year_total(
    raw: str, value: float, op: str | None, marker: str | None
) -> None:
    expr = parse_expression(raw)
    assert (expr.form, expr.value, expr.op, expr.cumulative, expr.marker) == (
        "number",
        value,
        op,
        True,
        marker,
    )


@pytest.mark.parametrize("raw", ["[269", "【23.6]", "〔15】", "［15"])
def test_unbalanced_brackets_are_refused(raw: str) -> None:
    with pytest.raises(PsplanError):
        parse_expression(raw)


@pytest.mark.parametrize(
    "raw", ["abc", "95万", "九十五", "95%%", "1.2.3", "约", "以上", "%", "e5", "1e5", "95X", "X"]
)
def test_text_the_grammar_does_not_know_is_an_error(raw: str) -> None:
    with pytest.raises(PsplanError):
        parse_expression(raw)


def test_markers_and_plain_numbers() -> None:
    life = parse_expression("77.3**")
    assert (life.value, life.marker, life.op, life.cumulative) == (77.3, "**", None, False)
    average = parse_expression("1500*")
    assert (average.value, average.marker) == (1500.0, "*")
    plain = parse_expression("4.5")
    assert (plain.form, plain.value, plain.op, plain.unit, plain.marker, plain.text) == (
        "number",
        4.5,
        None,
        None,
        None,
        None,
    )
    assert (plain.cumulative, plain.reference) == (False, None)
    assert parse_expression("1,246").value == 1246.0
    assert parse_expression(".5").value == 0.5
    assert parse_expression("5.").value == 5.0
    assert parse_expression("-3").value == -3.0
    assert parse_expression("+3").value == 3.0
    assert parse_expression(" 9 5 ").value == 95.0  # whitespace inside a cell is dropped


def test_effective_op_of_a_plain_number_follows_the_direction() -> None:
    plain = parse_expression("7")
    assert plain.effective_op("increase") == ">="
    assert plain.effective_op("decrease") == "<="
    assert parse_expression("<7").effective_op("increase") == "<"
    assert parse_expression("7左右").effective_op("decrease") == "approx"
    assert parse_expression("应保尽保").effective_op("increase") is None
    assert parse_expression("——").effective_op("decrease") is None
    assert str(parse_expression(" >90% ")) == " >90% "


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        (">90%", ">90%"),
        ("≥95", "≥95"),
        ("不低于95%", "≥95%"),
        ("5以下", "≤5"),
        ("<7", "<7"),
        ("80左右", "约80"),
        ("96%", "96%"),
        ("2.5‰", "2.5‰"),
        ("【23.6】", "[23.6]"),
        ("[≥20]", "[≥20]"),
        ("77.3**", "77.3**"),
        ("[20]*", "[20]*"),
        ("1,246", "1246"),
        ("96.50", "96.5"),
        ("达到全省平均水平", "达到全省平均水平"),
        ("应保尽保", "应保尽保"),
        ("——", "—"),
    ],
)
def test_format_expression(raw: str, canonical: str) -> None:
    assert format_expression(parse_expression(raw)) == canonical


def test_format_expression_of_texts_without_a_text() -> None:
    # an Expression built by hand without text still formats (as its marker alone)
    assert format_expression(Expression(raw="x", form="qualitative")) == ""
    assert format_expression(Expression(raw="x", form="relative", marker="*")) == "*"


def test_normalise_text() -> None:
    assert normalise_text("＞９５％") == ">95%"
    assert normalise_text(" 9 5\t%\n") == "95%"
    assert normalise_text("【23.6】") == "【23.6】"  # no half-width form: kept
    assert normalise_text("") == ""


def test_parse_number() -> None:
    assert parse_number("1,234.5") == 1234.5
    assert parse_number("12") == 12.0
    assert parse_number(".5") == 0.5
    assert parse_number("-1") == -1.0
    assert parse_number("+1") == 1.0
    for text in ("", "1.2.3", "a1", "1a", "1e5", "%", "1 2", "--1"):
        assert parse_number(text) is None, text
    with pytest.raises(PsplanError):
        parse_number("9" * 400)  # overflows to infinity: not a figure


def test_shorten_text() -> None:
    assert shorten_text("a" * 40) == "a" * 40
    assert shorten_text("a" * 41) == "a" * 39 + "…"
    assert len(shorten_text("a" * 41)) == 40
    assert shorten_text("abcdef", limit=5) == "abcd…"
    assert shorten_text("abcde", limit=5) == "abcde"


def test_a_huge_number_is_quoted_shortened_in_the_error() -> None:
    with pytest.raises(PsplanError) as caught:
        parse_expression("9" * 400)
    # the message quotes the figure, cut to 40 characters (whatever its language)
    assert "9" * 39 + "…" in str(caught.value)
    assert "9" * 41 not in str(caught.value)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("8.5万张", "目标值“8.5万张”带有单位“万张”：单位写在该行的 unit，目标值只写 8.5"),
        ("≥95万人", "目标值“≥95万人”带有单位“万人”：单位写在该行的 unit，目标值只写 ≥95"),
        ("[50]万人次", "目标值“[50]万人次”带有单位“万人次”：单位写在该行的 unit，目标值只写 [50]"),
        (
            "1.5万户以上",
            "目标值“1.5万户以上”带有单位“万户”：单位写在该行的 unit，目标值只写 1.5以上",
        ),
    ],
)
def test_a_target_that_carries_its_unit_says_where_the_unit_goes(text: str, said: str) -> None:
    """A planner's 8.5万张 read as "not a number, comparator or known text", and [50]万人次 as
    "unbalanced brackets" (a trial's finding); 95% and 大约三点五 read as before."""
    with pytest.raises(PsplanError) as raised:
        parse_expression(text)
    assert str(raised.value) == said
    assert parse_expression("95%").unit == "%"
    with pytest.raises(PsplanError, match="无法将“大约三点五”识别为目标值"):
        parse_expression("大约三点五")
