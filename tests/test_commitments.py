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

    from conftest import generate_actuals

    figures = generate_actuals("chuzhou", tmp_path / "滁州.csv", "--region-names", "全市")
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
    # a commitment's notes in the report's language (they were English lines in it)
    c031 = next(c for c in plan.commitments if c.id == "c031")
    assert c031.notes_zh and f"指标说明：{c031.notes_zh[0]}" in text
    assert c031.notes[0] not in text
    body = text[: text.index("## （附）规划文本中的量化承诺")]
    assert "c029" not in body  # not in the main table or its counts
    data = both.to_dict()
    assert [c["id"] for c in data["commitments"]] == ["c029", "c031", yearly]


# ------------------------------------------------------- show, template and compare


def test_show_lists_the_commitments_by_chapter() -> None:
    import json

    from typer.testing import CliRunner

    from psplan.cli import app

    runner = CliRunner()
    shown = runner.invoke(app, ["show", "suzhou", "--commitments", "-f", "markdown"]).stdout
    assert shown.startswith("# 宿州市“十四五”公共服务规划 · 规划文本中的量化承诺49项")
    assert "第三章 推进基本公共服务均等化：33项" in shown
    data = json.loads(runner.invoke(app, ["show", "chuzhou", "--commitments", "-f", "json"]).stdout)
    assert len(data["commitments"]) == 86 and data["commitments"][0]["id"] == "c001"


def test_the_template_asks_for_the_commitments_and_reads_them_back(tmp_path) -> None:
    from openpyxl import load_workbook
    from typer.testing import CliRunner

    import psplan
    from psplan.cli import app

    path = tmp_path / "填报.xlsx"
    result = CliRunner().invoke(app, ["template", "chuzhou", "--commitments", "-o", str(path)])
    assert result.exit_code == 0 and "（110 行）" in result.output
    book = load_workbook(path)
    sheet = book["填报"]
    header = [cell.value for cell in sheet[1]]
    ids = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert ids[24:] == [f"c{n:03d}" for n in range(1, 87)]
    row = 2 + ids.index("c031")
    assert sheet.cell(row, header.index("指标") + 1).value == "县级供养服务设施示范点"
    sheet.cell(row, header.index("2022") + 1, 1)
    book.save(path)
    judged = psplan.check("chuzhou", path, year=2022, allow_outside_period=False)
    assert [(r.indicator.id, r.status) for r in judged.commitments] == [("c031", "met")]


def test_compare_pairs_the_commitments_measuring_the_same_thing(tmp_path) -> None:
    """The same subject, unit and per-what only: 宿州's four promises that the national plan
    makes too are equal; 滁州's 每百户不少于30平方米 is not set against the national 人均不少于
    0.1平方米. A city promising a larger cap than the national 不超过70平方米 is weaker."""
    import psplan
    from psplan.comparison.compare import compare_plans

    national = psplan.load_plan("national")
    suzhou = compare_plans(national, psplan.load_plan("suzhou")).commitments
    assert [(p.child.id, p.parent.id, p.verdict) for p in suzhou] == [
        ("c002", "c001", "equal"), ("c007", "c005", "equal"),
        ("c028", "c007", "equal"), ("c029", "c007", "equal"),
    ]  # fmt: skip
    chuzhou = compare_plans(national, psplan.load_plan("chuzhou")).commitments
    assert all(pair.child.subject != "养老服务设施" for pair in chuzhou)
    cap = next(c for c in national.commitments if "".join(c.target.split()) == "不超过70平方米")
    looser = cap.model_copy(update={"id": "c001", "target": cap.target.replace("70", "90"),
                                    "clause": cap.clause.replace("70", "90")})  # fmt: skip
    city = psplan.load_plan("suzhou").model_copy(update={"commitments": [looser]})
    [pair] = compare_plans(national, city).commitments
    assert pair.verdict == "weaker"
