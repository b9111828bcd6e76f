"""The HTML report at county scale: 2,900 generated counties × the national plan (figures made
by benchmarks/generate.py, not real). The page stays small enough to open and mail: the heat
map shows every county, the spread lists the lagging counties by name, and the tables of every
result are left to the XLSX and CSV, with a note saying so. (Its time is measured by the
benchmark, docs/performance.md, not here.)"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import psplan
from psplan.assess.regions import spreads
from psplan.formats import render
from psplan.formats.escape import html_text
from psplan.formats.html import ROWS_LIMIT
from psplan.views.assessment import assessment_view, regions_view

ROOT = Path(__file__).resolve().parents[1]
COUNTIES = 2900
MB = 1024 * 1024


@pytest.fixture(scope="module")
def counties(tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("county") / "national-2900.csv"
    subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "generate.py"), "national", "-o", str(path),
         "--regions", str(COUNTIES), "--years", "2022-2023"],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return psplan.check("national", path)


@pytest.mark.slow
def test_the_county_scale_report_is_a_heat_map_under_10_mb(counties) -> None:
    report = counties
    assert len(report.regions) == COUNTIES and len(report.results) > ROWS_LIMIT
    page = render(assessment_view(report, "zh"), "html")
    assert isinstance(page, str)
    size = len(page.encode("utf-8"))
    assert size < 10 * MB, f"{size / MB:.1f} MB"
    # every county is a row of the heat map, by name, each cell with its status in its title
    start = page.index('<table class="heat"')
    heat = page[start : page.index("</table>", start)]
    assert heat.count("<tr><th>") == COUNTIES
    for county in (report.regions[0], report.regions[COUNTIES // 2], report.regions[-1]):
        assert f"<th>{county}</th>" in heat
    assert 'title="进度滞后"' in heat and 'title="已达标"' in heat
    # the lagging counties of each indicator, by name, the widest gap first
    lagging = [s for s in spreads(report) if s.lagging]
    assert lagging
    for spread in lagging:
        assert html_text("、".join(spread.lagging)) in page, spread.name
    # the tables of every result are not listed: a note says where they are
    assert '<table data-table="results"' not in page
    assert page.count('<p class="omitted">') >= 2  # the bars and the results
    assert "完整表格请输出 CSV" in page and "“各地区指标状态”热力图" in page
    assert page.endswith("</html>\n")


@pytest.mark.slow
def test_the_county_scale_regions_page(counties) -> None:
    page = render(regions_view(counties, "en"), "html")
    assert len(page.encode("utf-8")) < 10 * MB
    assert page.count("<tr><th>") == COUNTIES
    assert f"<th>{counties.regions[-1]}</th>" in page and 'title="behind"' in page
    assert "lagging regions" in page
