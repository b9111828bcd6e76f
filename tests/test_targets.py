"""The target grammar: every form the five plans print, parsed field by field."""

from __future__ import annotations

import re

import pytest

from psplan.errors import PsplanError
from psplan.plan.targets import format_expression, parse_expression
from psplan.words import use_lang

# (raw as printed, form, op, value, unit, cumulative, marker) — each taken from a plan.
PRINTED_FORMS = [
    # national 专栏1
    ("4.5", "number", None, 4.5, None, False, None),
    ("1.8", "number", None, 1.8, None, False, None),
    ("85.2%", "number", None, 85.2, "%", False, None),
    (">90%", "number", ">", 90.0, "%", False, None),
    (">92%", "number", ">", 92.0, "%", False, None),
    ("77.3**", "number", None, 77.3, None, False, "**"),
    (">30", "number", ">", 30.0, None, False, None),
    ("1000", "number", None, 1000.0, None, False, None),
    ("应保尽保", "qualitative", None, None, None, False, None),
    ("——", "none", None, None, None, False, None),
    # Hanzhong
    (">98.6", "number", ">", 98.6, None, False, None),
    (">96", "number", ">", 96.0, None, False, None),
    ("【23.6】", "number", None, 23.6, None, True, None),
    ("【5.85】", "number", None, 5.85, None, True, None),
    ("—", "none", None, None, None, False, None),
    # Ankang
    ("＞90", "number", ">", 90.0, None, False, None),
    ("＞25", "number", ">", 25.0, None, False, None),
    ("≥95", "number", ">=", 95.0, None, False, None),
    # Chuzhou / Suzhou
    ("[20]", "number", None, 20.0, None, True, None),
    ("[39.6]", "number", None, 39.6, None, True, None),
    ("＞95", "number", ">", 95.0, None, False, None),
    ("＜18", "number", "<", 18.0, None, False, None),
    ("＜7", "number", "<", 7.0, None, False, None),
    ("<9", "number", "<", 9.0, None, False, None),
    (">99.9", "number", ">", 99.9, None, False, None),
    ("[24.54]", "number", None, 24.54, None, True, None),
    # word forms DOMAIN.md lists
    ("95以上", "number", ">=", 95.0, None, False, None),
    ("5以下", "number", "<=", 5.0, None, False, None),
    ("控制在5%以下", "number", "<=", 5.0, "%", False, None),
    ("不低于95%", "number", ">=", 95.0, "%", False, None),
    ("不高于10", "number", "<=", 10.0, None, False, None),
    ("80左右", "number", "approx", 80.0, None, False, None),
    ("〔15〕", "number", None, 15.0, None, True, None),
    (">=95", "number", ">=", 95.0, None, False, None),
    ("<=10", "number", "<=", 10.0, None, False, None),
    ("≤10‰", "number", "<=", 10.0, "‰", False, None),
    ("＞＝95", "number", ">=", 95.0, None, False, None),
    ("９５％", "number", None, 95.0, "%", False, None),
    ("1,246", "number", None, 1246.0, None, False, None),
    ("达到全省平均水平", "relative", None, None, None, False, None),
    ("全覆盖", "qualitative", None, None, None, False, None),
    ("", "none", None, None, None, False, None),
    ("-", "none", None, None, None, False, None),
]


@pytest.mark.parametrize(
    ("raw", "form", "op", "value", "unit", "cumulative", "marker"), PRINTED_FORMS
)
def test_printed_forms(raw, form, op, value, unit, cumulative, marker) -> None:
    expr = parse_expression(raw)
    assert expr.raw == raw  # round-trips: the parsed form keeps the printed text
    assert (expr.form, expr.op, expr.value, expr.unit, expr.cumulative, expr.marker) == (
        form,
        op,
        value,
        unit,
        cumulative,
        marker,
    )


def test_relative_target_names_its_reference() -> None:
    assert parse_expression("达到全省平均水平").reference == "全省"
    assert parse_expression("高于全国平均水平").reference == "全国"


def test_plain_number_takes_its_comparator_from_the_direction() -> None:
    expr = parse_expression("96%")
    assert expr.effective_op("increase") == ">="
    assert expr.effective_op("decrease") == "<="
    assert parse_expression(">90%").effective_op("decrease") == ">"
    assert parse_expression("应保尽保").effective_op("increase") is None


def test_yaml_numbers_are_read_as_their_text() -> None:
    assert parse_expression(90).raw == "90"
    assert parse_expression(4.5).value == 4.5


@pytest.mark.parametrize(
    "raw", ["大幅提高", "90%%", "[90", "≥≥95", "＞90以下", "abc", "9 0.5.1", "true"]
)
def test_unknown_text_is_an_error_that_quotes_it(raw: str) -> None:
    with pytest.raises(PsplanError) as caught:
        parse_expression(raw)
    assert f"“{raw}”" in str(caught.value)  # in Chinese, the default
    with use_lang("en"):
        assert repr(raw) in str(caught.value)


@pytest.mark.parametrize("raw", [row[0] for row in PRINTED_FORMS])
def test_parse_format_parse_is_stable(raw: str) -> None:
    first = parse_expression(raw)
    again = parse_expression(format_expression(first))
    assert (again.form, again.op, again.value, again.unit, again.cumulative, again.marker) == (
        first.form,
        first.op,
        first.value,
        first.unit,
        first.cumulative,
        first.marker,
    )


def shape(raw: str) -> str:
    return re.sub(r"\d+(?:\.\d+)?", "N", raw)


def test_the_table_covers_every_form_the_bundled_plans_print() -> None:
    """A new form in a plan file must join PRINTED_FORMS above, with its parse asserted."""
    from psplan.plan.plans import bundled_plans, load_plan

    covered = {shape(row[0]) for row in PRINTED_FORMS}
    printed = set()
    for path in bundled_plans().values():
        plan = load_plan(path).plan
        cells = [e.raw for i in plan.indicators for e in (i.target, i.baseline)]
        if plan.previous_plan:
            cells += [
                e.raw
                for r in plan.previous_plan.indicators
                for e in (r.target, r.actual, r.baseline)
            ]
        printed |= {shape(cell) for cell in cells}
    assert len(printed) >= 15
    assert printed <= covered, printed - covered
