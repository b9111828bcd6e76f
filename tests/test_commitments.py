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


# ------------------------------------------------------------------ judged apart


def _generated(plan: str, path):
    import importlib.util
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    spec = importlib.util.spec_from_file_location("generate", root / "benchmarks" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    saved = sys.argv
    sys.argv = ["generate.py", plan, "-o", str(path), "--region-names", "全市"]
    try:
        module.main()
    finally:
        sys.argv = saved
    return path


def test_a_report_judges_the_commitments_it_names_apart_and_the_main_counts_stay(
    tmp_path, capsys
) -> None:
    """A generated (not real) 滁州 file, then the same with three commitments named — by id
    (c029, c031) and by the subject as printed (县级供养服务设施示范点 is c031's; 困难老年人居家
    适老化改造, a 每年 promise): the main table's counts do not move, and the report has a
    section of its own with each commitment judged."""
    from typer.testing import CliRunner

    import psplan
    from psplan.cli import app

    figures = _generated("chuzhou", tmp_path / "滁州.csv")
    capsys.readouterr()
    named = tmp_path / "承诺.csv"
    named.write_text(
        "地区,指标,年份,数值\n"
        "全市,c029,2023,75%\n"  # 街道（乡镇）区域养老服务中心覆盖率 达到80%以上 (2025)
        "全市,c029,2020,60%\n"
        "全市,县级供养服务设施示范点,2022,0\n"  # 1个, due 2022: not met
        "全市,困难老年人居家适老化改造,2023,420\n",  # 不少于400户 every year: met
        encoding="utf-8",
    )
    plain = psplan.check("chuzhou", figures, year=2023)
    both = psplan.check("chuzhou", [figures, named], year=2023)
    assert both.summary() == plain.summary() and len(both.results) == len(plain.results) == 24
    assert plain.commitments == []
    judged = {r.indicator.id: r.status for r in both.commitments}
    plan = psplan.load_plan("chuzhou")
    subjects = {c.subject: c.id for c in plan.commitments}
    yearly = subjects["困难老年人居家适老化改造"]
    assert judged == {"c029": "on_track", "c031": "not_met", yearly: "met"}
    c029 = next(r for r in both.commitments if r.indicator.id == "c029")
    assert c029.verdict.expected == pytest.approx(60 + (80 - 60) * 3 / 5)  # 72: on the line
    page = tmp_path / "r.md"
    result = CliRunner().invoke(
        app, ["report", "chuzhou", str(figures), str(named), "--year", "2023", "-o", str(page)]
    )
    assert result.exit_code in (0, 1), result.output
    text = page.read_text(encoding="utf-8")
    section = text[text.index("## （附）规划文本中的量化承诺") :]
    section = section[: section.index("\n## ", 5)]
    assert "另有量化承诺86项，本次数据涉及3项" in section
    for pledge_id in ("c029", "c031", yearly):
        assert f"| {pledge_id} " in section
    body = text[: text.index("## （附）规划文本中的量化承诺")]
    assert "c029" not in body  # not in the main table or its counts
    data = both.to_dict()
    assert [c["id"] for c in data["commitments"]] == ["c029", "c031", yearly]
