"""The plans' commitments beyond the main tables: their targets as prose prints them."""

from __future__ import annotations

import pytest

from psplan.errors import PsplanError
from psplan.plan.commitments import commitment_target


@pytest.mark.parametrize(
    ("target", "unit", "form", "value", "op", "percent"),
    [
        ("达到80%以上", "%", "number", 80.0, ">=", "%"),
        ("1.5万户以上", "万户", "number", 1.5, ">=", None),
        ("不少于400户", "户", "number", 400.0, ">=", None),
        ("1家", "家", "number", 1.0, None, None),
        ("一半以上", "", "number", 50.0, ">=", "%"),
        ("三分之一以上", "", "number", 33.33, ">=", "%"),
        ("2—3所", "所", "number", 2.0, ">=", None),  # a range: at least its lower bound
        ("10-20个", "个", "number", 10.0, ">=", None),
        ("一所", "所", "number", 1.0, None, None),
        ("三十年", "年", "number", 30.0, None, None),
        ("至少50%", "%", "number", 50.0, ">=", "%"),
        ("提高到2%以上", "%", "number", 2.0, ">=", "%"),
        ("达55%", "%", "number", 55.0, ">=", "%"),
        ("达到20万人左右", "万人", "number", 20.0, "approx", None),
        ("超过 250 亿元", "亿元", "number", 250.0, ">", None),  # spaces of the conversion
        ("20万个", "个", "number", 200000.0, None, None),
        ("全覆盖", "", "qualitative", None, None, None),
        ("所有", "", "qualitative", None, None, None),
        ("覆盖全部常住人口", "", "qualitative", None, None, None),
        ("每个婴幼儿家长都能", "", "qualitative", None, None, None),
    ],
)
def test_a_commitment_target_is_read_with_the_plan_grammar(
    target: str, unit: str, form: str, value: float | None, op: str | None, percent: str | None
) -> None:
    parsed = commitment_target(target, unit)
    assert (parsed.form, parsed.value, parsed.op) == (form, value, op)
    assert parsed.raw == target  # as printed
    if form == "number":
        assert parsed.unit == percent


def test_a_target_the_grammar_cannot_read_is_an_error_quoting_it() -> None:
    with pytest.raises(PsplanError, match="“明显改善”"):
        commitment_target("明显改善", "")
