"""The evaluation report's words (提前实现 / 快于预期 / 基本符合预期 / 滞后; 完成 / 未完成), read off
the verdict with the thresholds stated in docs/assessment.md (assess/rating.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

import psplan
from psplan.assess.check import check_previous
from psplan.assess.rating import AHEAD_MARGIN, rate

EXAMPLE = "examples/national-2023.csv"


@pytest.fixture(scope="module")
def national():
    return psplan.check("national", EXAMPLE)


def by_name(report, name: str):
    return next(r for r in report.results if r.indicator.name == name)


def test_the_national_2023_figures_read_as_a_mid_term_evaluation(national) -> None:
    """Published 2023 figures, time share 60 %: met before the end is 提前实现; 高中阶段教育毛入学率
    (progress 75 %, 15 points past the line) is 快于预期; 九年义务教育巩固率 (62.5 %, 2.5 points
    past) is 基本符合预期; 养老服务床位总量 (moved away from its target) is 滞后."""
    assert national.ratings() == {
        "achieved_early": 6, "ahead": 2, "as_expected": 1, "behind": 1,
        "completed": 0, "not_completed": 0,
    }  # fmt: skip
    assert by_name(national, "学前教育毛入园率").rating == "achieved_early"
    assert by_name(national, "高中阶段教育毛入学率").rating == "ahead"
    assert by_name(national, "城镇老旧小区改造").rating == "ahead"  # 73.9 % against 60 %
    assert by_name(national, "九年义务教育巩固率").rating == "as_expected"
    assert by_name(national, "养老服务床位总量").rating == "behind"
    no_data = by_name(national, "基本养老保险参保率")
    assert no_data.status == "no_data" and no_data.rating is None  # nothing claimed


@pytest.mark.parametrize(
    ("status", "progress", "share", "year", "expected"),
    [
        ("met", 1.0, 0.6, 2023, "achieved_early"),
        ("on_track", 0.6 + AHEAD_MARGIN, 0.6, 2023, "ahead"),  # exactly 10 points past: ahead
        ("on_track", 0.6 + AHEAD_MARGIN - 0.001, 0.6, 2023, "as_expected"),
        ("on_track", None, None, 2023, "as_expected"),  # an annual average: no line to pass
        ("behind", 0.4, 0.6, 2023, "behind"),
        ("not_met", None, 0.6, 2023, "behind"),
        ("met", 1.0, 1.0, 2025, "completed"),
        ("not_met", 0.9, 1.0, 2025, "not_completed"),
        ("behind", 0.9, 1.0, 2026, "not_completed"),  # judged after the end: still the end's word
        ("no_data", None, 0.6, 2023, None),
        ("needs_review", None, 0.6, 2025, None),
    ],
)
def test_each_word_and_its_threshold(national, status, progress, share, year, expected) -> None:
    verdict = by_name(national, "九年义务教育巩固率").verdict._replace(
        status=status, progress=progress, share=share
    )
    assert rate(verdict, year, 2025) == expected


def test_the_end_year_reads_completed_or_not(tmp_path: Path) -> None:
    """2025 figures (a final evaluation): 96.1 reaches 九年义务教育巩固率's 96 % (完成); 91.8
    does not reach 高中阶段教育毛入学率's >92 % (未完成)."""
    actuals = tmp_path / "2025.csv"
    actuals.write_text(
        "indicator,year,value\n九年义务教育巩固率,2025,96.1%\n高中阶段教育毛入学率,2025,91.8%\n",
        encoding="utf-8",
    )
    final = psplan.check("national", actuals)
    assert by_name(final, "九年义务教育巩固率").rating == "completed"
    assert by_name(final, "高中阶段教育毛入学率").rating == "not_completed"


def test_a_previous_plans_completion_table_reads_completed() -> None:
    """Suzhou's printed 十三五 table: all 20 met at the end of 2020, so all 完成."""
    report = check_previous(psplan.load_plan("suzhou"))
    assert report.ratings()["completed"] == 20 and report.ratings()["not_completed"] == 0


def test_every_format_shows_the_rating(national) -> None:
    from psplan.formats import render
    from psplan.views.assessment import assessment_view

    view = assessment_view(national, "zh")
    assert "评价：提前实现 6，快于预期 2，基本符合预期 1，滞后 1" in view.summary
    markdown = render(view, "markdown")
    row = next(line for line in markdown.splitlines() if "| 高中阶段教育毛入学率" in line)
    assert [cell.strip() for cell in row.split("|")].count("快于预期") == 1
    found = next(r for r in national.to_dict()["results"] if r["name"] == "高中阶段教育毛入学率")
    assert found["rating"] == "ahead"  # the JSON carries the code
    english = assessment_view(national, "en")
    assert (
        "Evaluation: achieved early 6, ahead of schedule 2, broadly as expected 1, behind schedule 1"
        in english.summary
    )


def test_the_stage_picks_the_year_and_names_the_report(tmp_path: Path) -> None:
    """--stage mid judges the period's middle year (2023 of 2021–2025) and is titled 中期评估;
    final judges 2025 and is titled 终期评估; --year still wins; the API takes stage= too."""
    from typer.testing import CliRunner

    from psplan.cli import app

    runner = CliRunner()

    def head(*args: str) -> str:
        result = runner.invoke(app, ["check", "national", EXAMPLE, "-f", "markdown", *args])
        assert result.exit_code in (0, 1), result.output
        return result.stdout.splitlines()[0]

    assert head() == "# “十四五”公共服务规划 · 2023年监测报告"
    assert head("--stage", "mid") == "# “十四五”公共服务规划 · 中期评估（2023年）"
    assert head("--stage", "final") == "# “十四五”公共服务规划 · 终期评估（2025年）"
    assert head("--stage", "mid", "--year", "2022") == "# “十四五”公共服务规划 · 中期评估（2022年）"
    assert head("--stage", "final", "--lang", "en") == (
        "# “十四五”公共服务规划 · final evaluation (2025)"
    )
    final = psplan.check("national", EXAMPLE, stage="final")
    assert final.year == 2025 and final.stage == "final"
    # judged at the end year on 2023 figures: met stays 完成, the rest 未完成
    assert final.ratings()["completed"] == 6 and final.ratings()["not_completed"] == 4
    with pytest.raises(psplan.PsplanError, match="未知的评估阶段"):
        psplan.check("national", EXAMPLE, stage="midterm")
