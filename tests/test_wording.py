"""How psplan words what it decided, for the people who read it: an override in the reader's
words (not the file's keys), errors that carry their problems."""

from __future__ import annotations

import pytest

import psplan
from psplan.words import use_lang

COUNTIES = "examples/generated/hanzhong-counties.csv"
OVERRIDES = "examples/hanzhong-overrides.yaml"


def test_an_override_is_worded_not_written_as_the_files_keys() -> None:
    checked = psplan.check("hanzhong", COUNTIES, region="全市", overrides=OVERRIDES)
    row = next(r for r in checked.results if r.indicator.id == "old_community_renovation")
    zh = row.verdict.reason("zh")
    assert "已按人工设定判断：类型：五年累计（按五年累计数判断" in zh
    assert "kind=" not in zh and "cumulative" not in zh
    en = row.verdict.reason("en")
    assert "judged with an override: kind: five-year total (" in en


def test_a_direction_and_a_baseline_are_worded_too() -> None:
    overrides = [
        {"indicator": "old_community_renovation", "direction": "decrease", "baseline": 0.8,
         "reason": "示例"},
    ]  # fmt: skip
    checked = psplan.check("hanzhong", COUNTIES, region="全市", overrides=overrides)
    row = next(r for r in checked.results if r.indicator.id == "old_community_renovation")
    assert "方向：越小越好；基期值：0.8（示例）" in row.verdict.reason("zh")
    assert "direction: less is better; baseline: 0.8 (示例)" in row.verdict.reason("en")


def test_every_error_has_its_problems_listed_even_when_it_is_one() -> None:
    with pytest.raises(psplan.PsplanError) as raised:
        psplan.check("national", "no-such-file.csv")
    assert raised.value.problems == []
    assert str(raised.value) == "no-such-file.csv: 文件不存在"
    with use_lang("en"):
        assert str(raised.value) == "no-such-file.csv: no such file"


def test_english_reports_have_english_labels_and_punctuation(tmp_path) -> None:
    """--lang en: the HTML report says binding/expected (not 约束性/预期性), the by-region
    output joins lagging regions with ", " (not 、) and compare --all follows --lang."""
    from typer.testing import CliRunner

    from psplan.cli import app

    runner = CliRunner()
    page = tmp_path / "r.html"
    args = ["report", "national", "examples/national-2023.csv", "-o", str(page), "--lang", "en"]
    assert runner.invoke(app, args).exit_code == 0
    html = page.read_text(encoding="utf-8")
    assert "binding" in html and "约束性" not in html and "预期性" not in html
    assert "进度滞后" not in html and "behind" in html
    regions = runner.invoke(app, ["check", "hanzhong", COUNTIES, "--by-region", "--lang", "en",
                                  "-f", "markdown"])  # fmt: skip
    cells = [line.split("|")[-2] for line in regions.stdout.splitlines() if "汉台区, " in line]
    assert cells and not any("、" in cell for cell in cells)  # the lagging regions' cell
    summary = runner.invoke(app, ["compare", "national", "--all", "--lang", "en", "-f", "csv"])
    assert "，" not in summary.stdout and "weaker" in summary.stdout.lower()


def test_check_and_report_judge_a_reference_row_alike(tmp_path) -> None:
    """A Suzhou file with a province row (安徽省, the level its relative target names): check
    and report give the same verdict, and the report does not list 安徽省 as one of its
    regions (the evidence of the outputs issue: 进度滞后 in check, 需人工核实 in report)."""
    from typer.testing import CliRunner

    from psplan.cli import app

    actuals = tmp_path / "suzhou.csv"
    actuals.write_text(
        "region,indicator,year,value\n"
        "全市,劳动年龄人口平均受教育年限,2023,10.6\n"
        "安徽省,劳动年龄人口平均受教育年限,2023,11.0\n",
        encoding="utf-8",
    )
    runner = CliRunner()
    checked = runner.invoke(app, ["check", "suzhou", str(actuals), "-f", "markdown"]).stdout
    page = tmp_path / "r.md"
    runner.invoke(app, ["report", "suzhou", str(actuals), "-o", str(page)])
    report = page.read_text(encoding="utf-8")
    for text in (checked, report):  # the row of the results table (the report's 监测明细)
        row = next(line for line in text.splitlines()
                   if "劳动年龄人口平均受教育年限" in line and "| 全市 " in line)  # fmt: skip
        assert "| 进度滞后 |" in row
        assert "参照值 11（2023年安徽省）；2023年应达 10.79" in row  # as the 应达值 column
        assert "| 安徽省 " not in text
