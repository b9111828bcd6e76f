"""Many departments' sheets in, one dataset: `check`/`report`/`trend` take several files; each
figure keeps its file and row, equal figures merge, different ones name both places."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

import psplan
from psplan.cli import app

runner = CliRunner()


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def departments(tmp_path: Path) -> tuple[Path, Path]:
    """The education bureau's and the health commission's sheets (figures of
    examples/national-2023.csv), both repeating 学前教育毛入园率 with the same value."""
    education = write(
        tmp_path / "教育局.csv",
        "indicator,year,value\n学前教育毛入园率,2023,91.1%\n九年义务教育巩固率,2023,95.7%\n",
    )
    health = write(
        tmp_path / "卫健委.csv",
        "indicator,year,value\n人均预期寿命,2023,78.6\n学前教育毛入园率,2023,91.1%\n",
    )
    return education, health


def test_two_departments_files_are_one_dataset(departments) -> None:
    education, health = departments
    merged = psplan.check("national", [education, health])
    judged = {r.indicator.name: r.status for r in merged.results if r.status != "no_data"}
    assert judged == {"学前教育毛入园率": "met", "九年义务教育巩固率": "on_track",
                      "人均预期寿命": "met"}  # fmt: skip
    assert merged.sources == (str(education), str(health))
    result = runner.invoke(app, ["check", "national", str(education), str(health), "-f", "json"])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""  # agreeing figures merge without a word
    report = psplan.check("national", [str(education), str(health)]).to_dict()
    assert result.stdout.count('"status": "met"') == 2 and report["summary"]["met"] == 2


def test_two_files_that_disagree_name_both_places(departments, tmp_path: Path) -> None:
    education, _ = departments
    other = write(tmp_path / "统计局.csv", "indicator,year,value\n学前教育毛入园率,2023,90.8%\n")
    result = runner.invoke(app, ["check", "national", str(education), str(other)])
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert lines == [
        f"psplan: error: {other}:2:3: 学前教育毛入园率 2023 年的数据在两个文件中数值不同："
        f"“91.1%”（{education} 第 2 行）和“90.8%”"
    ]
    english = runner.invoke(app, ["check", "national", str(education), str(other), "--lang", "en"])
    assert f"differs between two files: '91.1%' ({education}, line 2) and '90.8%'" in (
        english.stderr
    )


def test_report_and_trend_take_several_files_and_name_them(departments, tmp_path: Path) -> None:
    education, health = departments
    page = tmp_path / "r.md"
    result = runner.invoke(
        app, ["report", "national", str(education), str(health), "-o", str(page)]
    )
    assert result.exit_code == 0, result.output
    assert f"数据来源：{education}, {health}" in page.read_text(encoding="utf-8")
    trend = runner.invoke(app, ["trend", "national", str(education), str(health), "-f", "json"])
    assert trend.exit_code == 0 and "人均预期寿命" in trend.stdout
