"""The monitoring cycle: templates, trends and projections, regions, reports (HTML in a real browser)."""

from __future__ import annotations

import csv
import io
import json
import statistics
from pathlib import Path

import pytest

from psplan.assess.evaluate import Goal
from psplan.assess.trends import categorise, sparkline, trend
from psplan.plan.targets import parse_expression

from conftest import PLANS, assert_one_line_error

# ---------------------------------------------------------------- templates


def figures_for(plan_json: dict) -> dict[str, str]:
    """A plausible 2023 figure per indicator: the target for numbers, 应保尽保 for qualitative."""
    out = {}
    for row in plan_json["indicators"]:
        target = row["target"]
        if target["kind"] == "qualitative":
            out[row["id"]] = "应保尽保"
        elif target["value"] is not None:
            out[row["id"]] = f"{target['value'] * 0.97:g}"
    return out


@pytest.mark.parametrize("plan", PLANS)
def test_filled_csv_template_reads_back_to_the_same_verdicts(
    psplan, tmp_path: Path, plan: str
) -> None:
    plan_json = json.loads(psplan("show", plan, "--format", "json").stdout)
    figures = figures_for(plan_json)
    template = tmp_path / "t.csv"
    assert psplan("template", plan, "-o", str(template), "--years", "2022-2023").returncode == 0
    rows = list(csv.reader(io.StringIO(template.read_text(encoding="utf-8-sig"))))
    header = rows[0]
    # the year columns, then the columns where departments explain a lag
    assert header[0] == "id" and header[-4:] == ["2022", "2023", "原因分析", "下一步措施"]
    assert len(rows) - 1 == len(plan_json["indicators"])
    year_2023 = header.index("2023")
    for row in rows[1:]:
        row[year_2023] = figures.get(row[0], "")
    filled = tmp_path / "filled.csv"
    with filled.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    long = tmp_path / "long.csv"
    long.write_text(
        "indicator,year,value\n" + "".join(f"{i},2023,{v}\n" for i, v in figures.items()),
        encoding="utf-8",
    )
    from_template = json.loads(psplan("check", plan, str(filled), "--format", "json").stdout)
    from_long = json.loads(psplan("check", plan, str(long), "--format", "json").stdout)
    assert from_template["results"] == from_long["results"]
    assert from_template["summary"]["no_data"] < len(plan_json["indicators"])


def test_xlsx_template_is_a_real_spreadsheet_and_round_trips(psplan, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = tmp_path / "t.xlsx"
    assert (
        psplan("template", "national", "-o", str(path), "--regions", "汉台区,南郑区").returncode
        == 0
    )
    book = load_workbook(path)
    assert book.sheetnames == ["填报", "说明"]
    sheet = book["填报"]
    assert [c.value for c in sheet[1]][:4] == ["id", "地区", "领域", "指标"]
    assert sheet.freeze_panes == "J2"
    assert sheet["A1"].font.bold
    assert sheet.column_dimensions["D"].width > 30  # sized for the Chinese names
    assert sheet.data_validations.dataValidation[0].prompt
    assert sheet.max_row == 1 + 2 * 22
    for row in sheet.iter_rows(min_row=2):
        if row[0].value == "compulsory_education_retention":
            row[11].value = "95.7%" if row[1].value == "汉台区" else 95.0  # the 2023 column
    book.save(path)
    data = json.loads(psplan("check", "national", str(path), "--format", "json").stdout)
    got = {
        (r["region"], r["status"])
        for r in data["results"]
        if r["id"] == "compulsory_education_retention"
    }
    assert got == {("汉台区", "on_track"), ("南郑区", "behind")}
    # never overwrites without --force
    assert_one_line_error(
        psplan("template", "national", "-o", str(path)), "已存在；如需覆盖请加 --force"
    )
    assert psplan("template", "national", "-o", str(path), "--force").returncode == 0


# ---------------------------------------------------------------- trends


def level(target: str, baseline: str, direction: str = "increase", kind: str = "level") -> Goal:
    return Goal(
        parse_expression(target), kind, direction, parse_expression(baseline), 2020, 2021, 2025
    )


def test_ratio_categories() -> None:
    assert [categorise(r) for r in (1.2, 0.95, 0.7, 0.6, 0.3, 0.0, -0.1)] == [
        "on_track",
        "on_track",
        "acceleration_needed",
        "acceleration_needed",
        "limited_progress",
        "limited_progress",
        "deterioration",
    ]


def test_increasing_indicator_growth_ratio_and_projection() -> None:
    # 100 → 121 over 2020–2022 is 10 %/year; 100 → 161.051 by 2025 needs 10 %/year: R = 1.
    t = trend(level("161.051", "100"), [(2021, 110.0), (2022, 121.0)], 161.051)
    assert t.observed_growth == pytest.approx(0.10)
    assert t.needed_growth == pytest.approx(0.10)
    assert t.ratio == pytest.approx(1.0)
    assert t.category == "on_track"
    assert t.linear_change == pytest.approx(10.5)
    assert t.projected == pytest.approx(121 * 1.1**3)  # the observed compound pace, continued
    assert t.likely_met is True


def test_decreasing_indicator() -> None:
    # mortality 10 → 9 in two years (−5.13 %/yr); ≤ 7 by 2025 needs −6.89 %/yr: R ≈ 0.74.
    t = trend(level("<7", "10", direction="decrease"), [(2021, 9.6), (2022, 9.0)], 7.0)
    assert t.observed_growth == pytest.approx((9 / 10) ** 0.5 - 1, abs=1e-6)
    assert t.needed_growth == pytest.approx((7 / 10) ** 0.2 - 1, abs=1e-6)
    assert t.ratio == pytest.approx(t.observed_growth / t.needed_growth, abs=1e-5)
    assert t.category == "acceleration_needed"
    assert t.projected == pytest.approx(9 * 0.9**1.5, abs=1e-6)  # 7.68: not < 7
    assert t.likely_met is False
    worse = trend(level("<7", "10", direction="decrease"), [(2021, 10.5), (2022, 11.0)], 7.0)
    assert worse.category == "deterioration"


def test_cumulative_indicator_projects_the_running_total() -> None:
    # [269] over five years; 50 + 55 in two years: pace 52.5/yr → 262.5 by 2025, short of 269.
    t = trend(level("[269]", "", kind="cumulative"), [(2021, 50.0), (2022, 55.0)], 269.0)
    assert t.points == ((2020, 0.0), (2021, 50.0), (2022, 105.0))
    assert t.projected == pytest.approx(262.5)
    assert t.ratio == pytest.approx(52.5 / (269 / 5), abs=1e-6)
    assert t.category == "on_track"  # R = 0.976: on pace, though the projection falls short
    # The outlook follows the category (Open SDG's 0.95 threshold), so the row never reads
    # "on track" and "likely missed" side by side; the projected value is shown beside it.
    assert t.likely_met is True


def test_projection_of_a_rate_is_capped_at_100() -> None:
    t = trend(level("100%", "96"), [(2021, 98.0), (2022, 99.5)], 100.0, cap=100.0)
    assert t.projected == 100.0  # 99.5 + 1.75·3 would be 104.75: impossible for a rate
    assert t.likely_met is True


def test_achieved_and_sparkline() -> None:
    t = trend(level("90", "80"), [(2021, 85.0), (2022, 91.0)], 90.0)
    assert t.category == "achieved"
    assert sparkline([1, 2, 3, 8]) == "▁▂▃█"


def test_trend_command_and_check_json_carry_the_trend(psplan, tmp_path: Path) -> None:
    path = tmp_path / "series.csv"
    path.write_text(
        "indicator,year,value\n九年义务教育巩固率,2021,95.4\n九年义务教育巩固率,2022,95.5\n九年义务教育巩固率,2023,95.7\n"
        "养老机构护理型床位占比,2021,40\n养老机构护理型床位占比,2022,39\n",
        encoding="utf-8",
    )
    data = json.loads(psplan("check", "national", str(path), "--format", "json").stdout)
    retention = next(r for r in data["results"] if r["id"] == "compulsory_education_retention")
    assert retention["trend"]["category"] == "on_track"
    assert retention["trend"]["points"][0] == [2020, 95.2]
    table = psplan(
        "trend", "national", str(path), "--indicator", "nursing_beds_share", "--format", "markdown"
    ).stdout
    assert "养老机构护理型床位占比" in table and "进展有限" in table and "九年义务" not in table
    trend_json = json.loads(psplan("trend", "national", str(path), "--format", "json").stdout)
    path_2023 = dict(
        map(
            tuple,
            next(
                i for i in trend_json["indicators"] if i["id"] == "compulsory_education_retention"
            )["expected_path"],
        )
    )
    assert path_2023[2023] == pytest.approx(95.68)
    assert_one_line_error(
        psplan("trend", "national", str(path), "--indicator", "nope"),
        "规划 national 中没有指标 “nope”",
    )


# ---------------------------------------------------------------- regions

COUNTIES = """\
地区,指标,年份,数值
汉台区,九年义务教育巩固率,2023,99
南郑区,九年义务教育巩固率,2023,95.8
城固县,九年义务教育巩固率,2023,95
汉台区,学前教育毛入园率,2023,92%
南郑区,学前教育毛入园率,2023,90%
城固县,学前教育毛入园率,2023,88%
"""


def test_region_matrix_and_spread(psplan, tmp_path: Path) -> None:
    path = tmp_path / "counties.csv"
    path.write_text(COUNTIES, encoding="utf-8")
    data = json.loads(
        psplan("check", "national", str(path), "--by-region", "--format", "json").stdout
    )
    assert data["regions"] == ["汉台区", "南郑区", "城固县"]
    assert data["matrix"]["汉台区"]["compulsory_education_retention"] == "met"
    assert data["matrix"]["南郑区"]["compulsory_education_retention"] == "on_track"  # line at 95.68
    assert data["matrix"]["城固县"]["compulsory_education_retention"] == "behind"
    spread = {s["id"]: s for s in data["spread"]}
    retention = spread["compulsory_education_retention"]
    assert (retention["min"], retention["max"], retention["mean"]) == (95, 99, pytest.approx(96.6))
    assert retention["cv"] == pytest.approx(statistics.pstdev([99, 95.8, 95]) / 96.6, abs=1e-6)
    assert retention["lagging"] == ["城固县"]
    enrollment = spread["preschool_gross_enrollment"]
    assert enrollment["lagging"] == ["城固县"]  # 88 < 88.08 on the line; 南郑区 90 is on track
    table = psplan("check", "national", str(path), "--by-region", "--format", "markdown").stdout
    assert "变异系数" in table and "城固县" in table


# ---------------------------------------------------------------- reports

EXAMPLE = """\
indicator,year,value,region
九年义务教育巩固率,2021,95.4,
九年义务教育巩固率,2022,95.5,
九年义务教育巩固率,2023,95.7,
养老机构护理型床位占比,2022,39,
孤儿和事实无人抚养儿童保障覆盖率,2023,应保尽保,
每千人口拥有3岁以下婴幼儿托位数,2023,2.5,
"""


@pytest.fixture
def example(tmp_path: Path) -> Path:
    path = tmp_path / "example.csv"
    path.write_text(EXAMPLE, encoding="utf-8")
    return path


def test_xlsx_report(psplan, example: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "report.xlsx"
    assert psplan("report", "national", str(example), "-o", str(out)).returncode == 0
    book = load_workbook(out)
    assert book.sheetnames == ["汇总", "主要指标完成情况表", "滞后约束性指标", "全部指标", "趋势"]
    sheet = book["全部指标"]
    header = [cell.value for cell in sheet[1]]
    status_column = header.index("状态") + 1
    statuses = {
        sheet.cell(row, 2).value: sheet.cell(row, status_column)
        for row in range(2, sheet.max_row + 1)
    }
    assert statuses["养老机构护理型床位占比"].value == "进度滞后"
    assert statuses["养老机构护理型床位占比"].fill.fgColor.rgb.endswith("FFE0B2")
    assert book["滞后约束性指标"].max_row == 2


def test_html_escapes_user_text(psplan, tmp_path: Path) -> None:
    plan = tmp_path / "evil.yaml"
    plan.write_text(
        "id: evil\nname: '<script>alert(1)</script>规划'\nlevel: county\nperiod: {start: 2021, end: 2025}\n"
        "baseline_year: 2020\ndomains: ['<b>领域</b>']\nindicators:\n  - {id: a, domain: '<b>领域</b>', "
        "name: '<img src=x onerror=alert(1)>', baseline: '1', target: '2', attribute: 约束性}\n",
        encoding="utf-8",
    )
    actuals = tmp_path / "a.csv"
    actuals.write_text("indicator,year,value\na,2023,1.2\n", encoding="utf-8")
    out = tmp_path / "r.html"
    assert psplan("report", str(plan), str(actuals), "-o", str(out)).returncode == 0
    html = out.read_text(encoding="utf-8")
    assert "<script>" not in html and "<img" not in html and "<b>领域" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


@pytest.mark.slow
def test_html_report_in_a_real_browser(
    psplan, chromium: Path, example: Path, tmp_path: Path
) -> None:
    from playwright.sync_api import sync_playwright

    out = tmp_path / "report.html"
    assert psplan("report", "national", str(example), "-o", str(out)).returncode == 0
    html = out.read_text(encoding="utf-8")
    assert (
        "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
        and "https://" not in html
    )
    requests, errors = [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(chromium),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        page = browser.new_page(viewport={"width": 1000, "height": 1400})
        page.on("request", lambda request: requests.append(request.url))
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on(
            "console",
            lambda message: errors.append(message.text) if message.type == "error" else None,
        )
        page.goto(out.as_uri())
        assert page.title() == "“十四五”公共服务规划2023年度监测报告"
        assert page.locator("svg.chart").count() >= 2
        assert page.locator("text=进度滞后").count() >= 1
        shot = tmp_path / "report.png"
        page.screenshot(path=str(shot), full_page=True)
        pdf = tmp_path / "report.pdf"
        page.pdf(path=str(pdf), format="A4")
        browser.close()
    assert requests == [out.as_uri()]  # the file itself, nothing from the network
    assert errors == []
    assert shot.stat().st_size > 10_000 and shot.read_bytes()[:4] == b"\x89PNG"
    assert pdf.read_bytes()[:4] == b"%PDF"
