"""Nothing crashes: property-based tests of the parsers and readers (hypothesis)."""

from __future__ import annotations

import contextlib
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from psplan.actuals.read import read_actuals
from psplan.actuals.values import parse_value
from psplan.errors import Problem, PsplanError
from psplan.plan.targets import format_expression, parse_expression
from psplan.plan.yamlsource import load_yaml

# Text people might type, weighted towards the characters that matter here.
PLAN_ALPHABET = st.sampled_from(
    list(
        "0123456789.,%‰-+<>=≥≤＞＜＝[]【】〔〕()（）*~ 以上下左右不低高于控制在达到全省平均水平应保尽保是否—／/\t\n０１９．％eEinfa"
    )
)
plan_text = st.one_of(st.text(), st.text(PLAN_ALPHABET, max_size=20))
FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(plan_text)
def test_target_parser_raises_only_its_own_error(text: str) -> None:
    try:
        expr = parse_expression(text)
    except PsplanError:
        return
    assert expr.raw == text


@FAST
@given(plan_text)
def test_value_parser_raises_only_its_own_error(text: str) -> None:
    try:
        value = parse_value(text)
    except PsplanError:
        return
    if value.number is not None:
        assert value.number == value.number and abs(value.number) != float("inf")


numbers = st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False, allow_infinity=False)
valid_targets = st.builds(
    lambda prefix, number, unit, suffix, bracket: ("[{}]" if bracket else "{}").format(
        f"{prefix}{number}{unit}{suffix}"
    ),
    st.sampled_from(["", ">", "≥", "<", "≤", "＞", "＜", ">=", "<=", "不低于", "控制在"]),
    numbers,
    st.sampled_from(["", "%", "‰"]),
    st.sampled_from(["", "以上", "以下", "左右"]),
    st.booleans(),
)


@FAST
@given(valid_targets)
def test_parse_format_parse_is_stable(text: str) -> None:
    try:
        first = parse_expression(text)
    except PsplanError:
        return  # e.g. contradictory comparators (>5以下) are rightly refused
    second = parse_expression(format_expression(first))
    assert (second.form, second.op, second.value, second.unit, second.cumulative) == (
        first.form,
        first.op,
        first.value,
        first.unit,
        first.cumulative,
    )


@FAST
@given(st.text(max_size=300))
def test_yaml_loader_raises_only_its_own_error(text: str) -> None:
    with contextlib.suppress(PsplanError):
        load_yaml(text, "x.yaml")


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.binary(max_size=400), st.sampled_from([".csv", ".xlsx", ".tsv"]))
def test_actuals_reader_raises_only_its_own_error(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"actuals{suffix}"
    path.write_bytes(b"indicator,year,value\n" + data if data[:1] != b"P" else data)
    try:
        for row in read_actuals(path):
            assert isinstance(row, Problem) or row.year >= 1949
    except PsplanError:
        pass
