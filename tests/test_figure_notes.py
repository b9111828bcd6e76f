"""A figure's 备注 cell reaches the result: the column was read and then dropped without a
word — the national example's notes name the bulletin each figure is from, and appeared in no
output (trial 11, D3)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from typer.testing import CliRunner

import psplan
from psplan.actuals.columnar import read_table
from psplan.cli import app

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "national-2023.csv"
runner = CliRunner()


def test_the_examples_sources_are_each_results_note() -> None:
    rows = list(csv.DictReader(EXAMPLE.open(encoding="utf-8")))
    noted = {row["indicator"]: row["note"] for row in rows if row["year"] == "2023"}
    report = psplan.check("national", EXAMPLE)
    by_name = {r.indicator.name: r for r in report.results}
    assert by_name["学前教育毛入园率"].remarks == {"note": f"2023: {noted['学前教育毛入园率']}"}
    assert "2023年全国教育事业发展统计公报（教育部）" in noted["学前教育毛入园率"]
    # every surface: the JSON's remarks, the CSV's 备注, the markdown's notes
    data = json.loads(runner.invoke(app, ["check", "national", str(EXAMPLE), "-f", "json"]).stdout)
    remarks = {r["name"]: r["remarks"] for r in data["results"]}
    assert remarks["学前教育毛入园率"] == {"note": f"2023: {noted['学前教育毛入园率']}"}
    text = runner.invoke(app, ["check", "national", str(EXAMPLE), "-f", "csv"]).stdout
    table = {row["指标"]: row for row in csv.DictReader(io.StringIO(text.lstrip("\ufeff")))}
    assert f"上报备注：2023: {noted['学前教育毛入园率']}" in table["学前教育毛入园率"]["备注"]
    markdown = runner.invoke(app, ["check", "national", str(EXAMPLE), "-f", "markdown"]).stdout
    assert f"上报备注：2023: {noted['九年义务教育巩固率']}" in markdown


def test_a_note_given_for_several_years_is_said_once_with_its_years(tmp_path: Path) -> None:
    """A wide sheet's 备注 belongs to every year of its row (GENERATED figures)."""
    path = tmp_path / "wide.csv"
    path.write_text(
        "指标,2021,2022,2023,备注\n城镇老旧小区改造,300,310,320,五年累计口径\n"
        "人均预期寿命,78.2,78.3,78.6,\n",
        encoding="utf-8",
    )
    by_id = {r.indicator.id: r for r in psplan.check("national", path).results}
    assert by_id["old_community_renovation"].remarks == {"note": "2021, 2022, 2023: 五年累计口径"}
    assert by_id["life_expectancy"].remarks == {}


def test_a_file_with_a_note_column_is_read_row_by_row(tmp_path: Path) -> None:
    """duckdb's path reads four columns: a file whose figures carry notes is the per-row
    path's, which keeps them."""
    assert read_table([EXAMPLE]) is None
