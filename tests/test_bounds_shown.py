"""A figure reported as a bound (`95%以上`, `>99.9`) is shown as written and is no point of a
trend: it was shown as the exact figure 95% in 实际值, in the plan's table of the report and
in the trend's series, where it made a rising series 趋势恶化 with an end-year projection of
95% (trial 11, D2)."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from pathlib import Path

from typer.testing import CliRunner

from psplan.cli import app

runner = CliRunner()

# GENERATED figures (not published ones): 汉中's 基本养老保险参保率 (target 99), its last year
# reported as a bound.
FIGURES = "指标,年份,数值\n基本养老保险参保率,2023,97.5\n基本养老保险参保率,2024,98\n" \
          "基本养老保险参保率,2025,95%以上\n"  # fmt: skip


def _rows(text: str) -> dict[str, dict[str, str]]:
    return {row["指标"]: row for row in csv.DictReader(io.StringIO(text.lstrip("\ufeff")))}


def test_a_bound_is_the_actual_shown_and_no_point_of_the_trend(tmp_path: Path) -> None:
    path = tmp_path / "bound.csv"
    path.write_text(FIGURES, encoding="utf-8")
    checked = runner.invoke(app, ["check", "hanzhong", str(path), "--stage", "final", "-f", "csv"])
    row = _rows(checked.stdout)["基本养老保险参保率"]
    assert (row["实际值"], row["年份"], row["状态"]) == ("95%以上", "2025", "需人工核实")
    assert row["说明"].startswith("上报为界值“95%以上”")
    # the trend is the exact figures' (97.5 → 98: rising), not a fall to 95
    assert "趋势恶化" not in row["趋势"]
    trend = runner.invoke(app, ["trend", "hanzhong", str(path), "-f", "json"])
    found = next(i for i in json.loads(trend.stdout)["indicators"]
                 if i["id"] == "pension_insurance_coverage")  # fmt: skip
    assert found["series"] == [[2023, 97.5], [2024, 98.0]]
    assert found["trend"]["category"] != "deterioration"
    # the JSON keeps the number the bound is at, with the reason saying it is a bound
    data = json.loads(runner.invoke(app, ["check", "hanzhong", str(path), "-f", "json"]).stdout)
    result = next(r for r in data["results"] if r["id"] == "pension_insurance_coverage")
    assert result["actual"] == 95.0 and "95%以上" in result["reason"]
    # the plan's table of the report: the year's cell as written
    report = tmp_path / "r.md"
    done = runner.invoke(
        app, ["report", "hanzhong", str(path), "--stage", "final", "-o", str(report)]
    )
    assert done.exit_code in (0, 1), done.output
    lines = report.read_text(encoding="utf-8").splitlines()
    table = next(line for line in lines if "| 基本养老保险参保率" in line)  # 主要指标完成情况表
    assert table.split("|")[-3:-1] == [" 95%以上  ", " 需人工核实 "]
    assert "2023: 97.5% · 2024: 98% |" in next(
        line for line in lines if line.startswith("| 基本养老保险参保率")
    )


def test_a_bound_printed_in_the_previous_plans_table_is_shown_as_printed() -> None:
    """宿州's 十三五 table prints 基本医疗保险参保率 完成 >99.9 (data/suzhou.yaml): shown as
    printed, met (every figure above 99.9 meets 95)."""
    checked = runner.invoke(app, ["check", "suzhou", "--previous", "-f", "csv"])
    row = _rows(checked.stdout)["基本医疗保险参保率"]
    assert (row["实际值"], row["状态"]) == (">99.9", "已达标")
    # printed by the plan, not reported; from the plan's table, named as such; its other
    # targets' comparators as printed, in a raw markdown file too (a reviewer's trial)
    assert row["说明"] == "规划印为界值“>99.9”"
    markdown = runner.invoke(app, ["check", "suzhou", "--previous", "-f", "markdown"]).stdout
    assert "| <9 " in markdown and "&lt;" not in markdown
    assert markdown.rstrip().endswith(
        "- 数据来源：规划文本所印“十三五”时期基本公共服务领域主要发展指标完成情况（第76行起）"
    )


def test_a_figure_printed_in_the_previous_plans_table_keeps_its_decimals() -> None:
    """滁州's 十三五 table prints 5岁以下儿童死亡率 3.20‰ (data/chuzhou.yaml): shown so, not as
    3.2 (a reviewer's trial). A reported figure is still shown as `measure` shows it."""
    for fmt in ("csv", "markdown"):
        checked = runner.invoke(app, ["check", "chuzhou", "--previous", "-f", fmt])
        assert checked.exit_code == 0, checked.output
        line = next(line for line in checked.stdout.splitlines() if "5岁以下儿童死亡率" in line)
        assert "3.20" in line and "3.2," not in line and "3.2 " not in line
    from psplan.assess.check import check_previous
    from psplan.plan.plans import load_plan
    from psplan.views.assessment import actual_cell

    (result,) = [
        r for r in check_previous(load_plan("chuzhou").plan).results
        if r.indicator.id == "under5_mortality"
    ]  # fmt: skip
    assert str(actual_cell(result)) == "3.20"
    assert str(actual_cell(dataclasses.replace(result, printed=False))) == "3.2"
