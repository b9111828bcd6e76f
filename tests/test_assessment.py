"""One assessment, the same answer everywhere (issue 11): each item of its evidence list,
reproduced on the bundled plans, and the rules that now decide it once."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from psplan.actuals.read import read_actuals
from psplan.actuals.values import parse_value
from psplan.assess.check import check
from psplan.assess.evaluate import Goal, Observation, judge
from psplan.cli import app
from psplan.plan.plans import load_plan
from psplan.plan.targets import parse_expression

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)  # a bug fails the test


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def results(output: str) -> dict[tuple[str | None, str], dict]:
    data = json.loads(output)
    return {(r["region"], r["id"]): r for r in data["results"]}


# ------------------------------------------------------------------ silent baseline


def test_no_printed_baseline_uses_the_first_reported_year_and_says_so(tmp_path: Path) -> None:
    # Hanzhong prints no baseline: 托位数 2021–2023.
    path = write(
        tmp_path,
        "hz.csv",
        "indicator,year,value\n托位数,2021,2.0\n托位数,2022,2.4\n托位数,2023,2.9\n".replace(
            "托位数", "每千人口拥有3岁以下婴幼儿托位数"
        ),
    )
    out = run("check", "hanzhong", str(path), "--format", "json")
    row = results(out.stdout)[(None, "infant_care_places_per_1000")]
    assert row["baseline"] == {
        "raw": "", "value": 2.0, "year": 2021, "source": "first_reported",
    }  # fmt: skip
    assert row["share"] == 0.5  # 2021 → 2025, judged in 2023
    assert row["expected"] == pytest.approx(2.0 + (4.6 - 2.0) * 0.5)
    assert row["status"] == "behind"
    markdown = run("check", "hanzhong", str(path), "--format", "markdown").stdout
    assert "2.0（2021年上报，首个数据）" in markdown and "50%" in markdown
    assert "首个上报数据" in row["reason"]


def test_a_figure_for_the_baseline_year_is_the_baseline(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "hz.csv",
        "indicator,year,value\n普惠性幼儿园覆盖率,2020,80\n普惠性幼儿园覆盖率,2023,86\n",
    )
    row = results(run("check", "hanzhong", str(path), "--format", "json").stdout)[
        (None, "inclusive_kindergarten_coverage")
    ]
    assert row["baseline"]["source"] == "reported" and row["baseline"]["year"] == 2020
    assert row["share"] == 0.6 and row["expected"] == 86.0 and row["status"] == "on_track"
    # --year 2021 with a 2020 row: judged, not 需人工核实.
    early = results(
        run("check", "hanzhong", str(path), "--format", "json", "--year", "2020").stdout
    )
    assert early[(None, "inclusive_kindergarten_coverage")]["status"] == "on_track"


def test_a_single_figure_without_any_baseline_says_how_to_fix_it(tmp_path: Path) -> None:
    path = write(tmp_path, "hz.csv", "indicator,year,value\n普惠性幼儿园覆盖率,2021,80\n")
    row = results(run("check", "hanzhong", str(path), "--format", "json").stdout)[
        (None, "inclusive_kindergarten_coverage")
    ]
    assert row["status"] == "needs_review"
    assert "基期值" in row["reason"] and row["progress"] is None


def test_every_format_draws_the_time_share_the_verdict_used(tmp_path: Path) -> None:
    # National 人均预期寿命 has a 2019 baseline (**): 4 of 6 years elapsed in 2023 = 67 %.
    path = write(
        tmp_path,
        "n.csv",
        "indicator,year,value\n人均预期寿命,2023,78.0\n学前教育毛入园率,2023,88\n",
    )
    row = results(run("check", "national", str(path), "--format", "json").stdout)
    assert row[(None, "life_expectancy")]["share"] == pytest.approx(4 / 6, abs=1e-6)
    assert row[(None, "preschool_gross_enrollment")]["share"] == 0.6
    html = tmp_path / "r.html"
    assert run("report", "national", str(path), "-o", str(html)).exit_code == 0
    text = html.read_text(encoding="utf-8")
    assert 'data-id="life_expectancy" data-share="0.666667"' in text
    assert 'data-id="preschool_gross_enrollment" data-share="0.6"' in text
    assert "时间进度 67%" in text and "时间进度 60%" in text


# ------------------------------------------------------------------ progress and status


@pytest.mark.parametrize(
    ("plan", "indicator", "series"),
    [
        # Ankang's real 2024 air quality: 94 → 97.5 against ＞90 (met at baseline and now).
        ("ankang", "城市空气质量优良天数比例", [(2020, "94"), (2024, "97.5")]),
        # Chuzhou-style overshoot: progress would be 1230 %.
        ("national", "学前教育毛入园率", [(2023, "150")]),
        # Hanzhong prints no baseline; first report 97, then 98 against >96.
        ("hanzhong", "基本医疗保险参保率", [(2021, "97"), (2023, "98")]),
        # Met at the first report: progress would be 0 %.
        ("hanzhong", "退役军人安置率", [(2021, "99"), (2022, "99")]),
    ],
)
def test_met_is_always_full_progress(
    plan: str, indicator: str, series: list, tmp_path: Path
) -> None:
    lines = "".join(f"{indicator},{year},{value}\n" for year, value in series)
    path = write(tmp_path, "a.csv", "indicator,year,value\n" + lines)
    data = json.loads(run("check", plan, str(path), "--format", "json").stdout)
    row = next(r for r in data["results"] if r["name"] == indicator)
    assert row["status"] == "met" and row["progress"] == 1.0
    markdown = run("check", plan, str(path), "--format", "markdown").stdout
    line = next(line for line in markdown.splitlines() if indicator in line)
    assert "| 100% |" in re.sub(r" +", " ", line) and "-0%" not in markdown
    html = tmp_path / "r.html"
    assert run("report", plan, str(path), "-o", str(html)).exit_code in (0, 1)
    page = html.read_text(encoding="utf-8")
    bar = page[page.index(f'data-id="{row["id"]}" data-share') :]
    assert 'data-progress="1"' in bar[:120]  # a full bar, not an empty one


def goal(target: str, baseline: str = "", *, kind: str = "level", direction: str = "increase"):
    return Goal(parse_expression(target), kind, direction, parse_expression(baseline or None),
                2020, 2021, 2025)  # fmt: skip


def obs(*pairs: tuple[int, str]) -> list[Observation]:
    return [Observation(year, parse_value(text)) for year, text in pairs]


def test_progress_has_no_figure_where_it_has_no_meaning() -> None:
    slipped = judge(goal("100", "100"), obs((2023, "99.5")), 2023)
    assert slipped.status == "behind" and slipped.progress is None
    assert "已达到目标" in slipped.reason()
    behind = judge(goal("90", "80"), obs((2023, "78")), 2023)
    assert behind.progress == pytest.approx(-0.2)  # moving away is shown as such when not met


def test_county_value_of_minus_500_percent_is_not_shown_next_to_met() -> None:
    # A county retention rate with baseline 99.5 against 98: met from the start.
    verdict = judge(goal("98", "99.5"), obs((2023, "99")), 2023)
    assert verdict.status == "met" and verdict.progress == 1.0


# ------------------------------------------------------------------ trend agrees with check


def test_trend_and_check_use_one_baseline_and_one_path(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "hz.csv",
        "indicator,year,value\n每千人口拥有3岁以下婴幼儿托位数,2021,2.0\n"
        "每千人口拥有3岁以下婴幼儿托位数,2022,2.3\n每千人口拥有3岁以下婴幼儿托位数,2023,2.6\n",
    )
    checked = results(run("check", "hanzhong", str(path), "--format", "json").stdout)
    row = checked[(None, "infant_care_places_per_1000")]
    trended = json.loads(run("trend", "hanzhong", str(path), "--format", "json").stdout)
    entry = next(i for i in trended["indicators"] if i["id"] == "infant_care_places_per_1000")
    assert entry["status"] == row["status"] == "behind"
    assert entry["baseline"] == row["baseline"] and entry["share"] == row["share"]
    assert entry["expected_path"][0] == [2021, 2.0] and entry["expected_path"][-1] == [2025, 4.6]
    assert dict(map(tuple, entry["expected_path"]))[2023] == row["expected"]
    assert entry["trend"]["points"][0] == [2021, 2.0]
    # Behind on the line and short on the compound pace: both views say so.
    assert entry["trend"]["likely_met"] is False and entry["trend"]["agrees_with_status"] is True


def test_one_reported_year_and_a_printed_baseline_give_a_trend(tmp_path: Path) -> None:
    # Open SDG's measure on national 学前教育毛入园率 85.2 → 88.1 in 2021: R = 3.09, on track.
    path = write(tmp_path, "n.csv", "indicator,year,value\n学前教育毛入园率,2021,88.1%\n")
    trended = json.loads(run("trend", "national", str(path), "--format", "json").stdout)
    entry = next(i for i in trended["indicators"] if i["id"] == "preschool_gross_enrollment")
    assert entry["trend"]["ratio"] == pytest.approx(3.09, abs=0.01)
    assert entry["trend"]["category"] == "on_track"


TINY_PLAN = """id: tiny
name: 某县“十四五”公共服务规划
level: county
region: 某县
period: {start: 2021, end: 2025}
baseline_year: 2020
domains: [学有所教]
indicators:
  - {id: coverage, domain: 学有所教, name: 普惠性幼儿园覆盖率, unit: "%", target: "70", attribute: 预期性}
"""


def test_a_baseline_year_row_starts_the_trend_too(tmp_path: Path) -> None:
    # 50, 60, 62 against 70 with no printed baseline: check and trend both on track.
    plan = write(tmp_path, "tiny.yaml", TINY_PLAN)
    rows = "".join(f"coverage,{y},{v}\n" for y, v in ((2020, 50), (2021, 60), (2022, 62)))
    path = write(tmp_path, "a.csv", "indicator,year,value\n" + rows)
    row = results(run("check", str(plan), str(path), "--format", "json").stdout)[(None, "coverage")]
    assert row["status"] == "on_track" and row["baseline"]["source"] == "reported"
    assert row["trend"]["points"][0] == [2020, 50.0] and row["trend"]["category"] == "on_track"


@pytest.mark.parametrize(
    ("target", "baseline", "later"),
    [("100", "100", "99.5"), ("≤18", "16.9", "19")],
)
def test_slipping_from_a_met_target_is_deterioration(
    target: str, baseline: str, later: str
) -> None:
    from psplan.assess.trends import trend

    t = trend(goal(target, baseline), [(2022, float(later))], float(target.lstrip("≤")))
    assert t is not None and t.category == "deterioration" and t.likely_met is False


def test_no_row_says_on_track_and_likely_missed(tmp_path: Path) -> None:
    # R = 0.96 (on track) while the projection at the observed pace falls just short.
    series = "".join(f"人均预期寿命,{y},{v}\n" for y, v in ((2021, 77.45), (2022, 77.6)))
    path = write(tmp_path, "n.csv", "indicator,year,value\n" + series)
    trended = json.loads(run("trend", "national", str(path), "--format", "json").stdout)
    for entry in trended["indicators"]:
        t = entry["trend"]
        if t and t["category"] == "on_track":
            assert t["likely_met"] is True
    table = run("trend", "national", str(path), "--format", "markdown").stdout
    assert not any("趋势正常" in line and "难度较大" in line for line in table.splitlines())


def test_trend_accepts_a_printed_name_and_suggests(tmp_path: Path) -> None:
    path = write(tmp_path, "n.csv", "indicator,year,value\n学前教育毛入园率,2021,88.1%\n")
    by_name = run(
        "trend", "national", str(path), "--indicator", "学前教育毛入园率", "--format", "json"
    )
    assert [i["id"] for i in json.loads(by_name.stdout)["indicators"]] == [
        "preschool_gross_enrollment"
    ]
    wrong = run("trend", "national", str(path), "--indicator", "学前教育毛入园")
    assert wrong.exit_code == 2 and "学前教育毛入园率" in wrong.output


def test_trend_with_a_single_figure_and_no_baseline_says_why(tmp_path: Path) -> None:
    path = write(tmp_path, "hz.csv", "indicator,year,value\n普惠性幼儿园覆盖率,2021,80\n")
    table = run("trend", "hanzhong", str(path), "--indicator", "普惠性幼儿园覆盖率",
                "--format", "markdown").stdout  # fmt: skip
    assert "2021: 80%" in table and "无法判断趋势" in table


def test_trend_lists_no_figure_before_the_baseline_year(tmp_path: Path) -> None:
    """宿州 学前教育毛入园率 from the printed 92.85 (2020): figures of 2018 and 2019 are the
    period before's. The trend row listed them as its series, "仅有3个数据且无基期值" beside
    the baseline it shows (a 十五五 trial: 2021–2025 under a 2025 baseline; generated)."""
    path = write(tmp_path, "p.csv", "indicator,year,value\n学前教育毛入园率,2018,90\n"
                 "学前教育毛入园率,2019,91\n学前教育毛入园率,2020,92.85\n")  # fmt: skip
    table = run("trend", "suzhou", str(path), "--indicator", "学前教育毛入园率",
                "--format", "csv").stdout  # fmt: skip
    row = next(line for line in table.splitlines() if "学前教育毛入园率" in line)
    assert "2020: 92.85%" in row and "2019" not in row and "2018" not in row
    assert "基期年以来仅有1个数据，无法判断趋势" in row and "无基期值" not in row


# ------------------------------------------------------------------ regions


def test_a_city_judges_its_own_total_and_takes_the_province_as_reference(tmp_path: Path) -> None:
    template = tmp_path / "t.csv"
    assert (
        run(
            "template", "hanzhong", "--regions", "全市,汉台区,南郑区", "-o", str(template)
        ).exit_code
        == 0
    )
    lines = template.read_text(encoding="utf-8-sig").splitlines()
    header = lines[0].split(",")
    year = header.index("2023")
    filled = [lines[0]]
    for line in lines[1:]:
        cells = line.split(",")
        cells[year] = "90"
        filled.append(",".join(cells))
    path = write(tmp_path, "filled.csv", "\n".join(filled) + "\n")
    data = json.loads(run("check", "hanzhong", str(path), "--format", "json").stdout)
    assert len(data["results"]) == 93
    assert {r["region"] for r in data["results"]} == {"全市", "汉台区", "南郑区"}
    own = run("check", "hanzhong", str(path), "--region", "全市", "--format", "json")
    assert own.exit_code in (0, 1) and len(json.loads(own.stdout)["results"]) == 31


def test_reference_rows_come_from_the_level_above(tmp_path: Path) -> None:
    # Suzhou's 劳动年龄人口平均受教育年限 is 达到全省平均水平: 安徽省 rows are the reference.
    plan = load_plan("suzhou").plan
    relative = next(i for i in plan.indicators if i.target.form == "relative")
    path = write(
        tmp_path,
        "s.csv",
        f"indicator,year,value,region\n{relative.id},2023,10.2,安徽省\n{relative.id},2023,10.4,全市\n"
        f"{relative.id},2023,10.0,埇桥区\n",
    )
    data = results(run("check", "suzhou", str(path), "--format", "json").stdout)
    assert ("安徽省", relative.id) not in data
    # asked for, it is said to be a reference (its rows are there: "no figures" misled)
    asked = runner.invoke(app, ["check", "suzhou", str(path), "--region", "安徽省"])
    assert asked.exit_code == 2
    assert asked.output.strip().endswith(
        "“安徽省”是参照地区：其数据用作相对目标（达到全省平均水平等）的参照值，不被判断"
        "（判断的地区：全市、埇桥区）"
    )
    # a — in a row of the province's is a reference value not given, not a region without
    # figures ("1个地区…没有任何数据（安徽省）" beside its 10.2 used: a trial)
    dashed = write(tmp_path, "d.csv", path.read_text("utf-8") + f"{relative.id},2022,—,安徽省\n")
    import psplan

    checked = psplan.check("suzhou", [dashed])
    assert not [w for w in checked.warnings if w.words.key == "check.empty_regions"]
    asked = runner.invoke(app, ["check", "suzhou", str(dashed), "--region", "安徽省"])
    assert asked.exit_code == 2 and "是参照地区" in asked.output
    assert data[("全市", relative.id)]["status"] == "met"
    assert data[("埇桥区", relative.id)]["status"] == "behind"
    conflict = write(
        tmp_path, "c.csv",
        f"indicator,year,value,region\n{relative.id},2023,10.2,全省\n{relative.id},2023,10.3,安徽省\n"
        f"{relative.id},2023,10.0,埇桥区\n",
    )  # fmt: skip
    result = run("check", "suzhou", str(conflict), "--lang", "en")
    assert result.exit_code == 2 and "two different reference values" in result.output
    result = run("check", "suzhou", str(conflict))  # Chinese by default
    assert result.exit_code == 2 and "有两个不同的参照值" in result.output


# A county's own baseline (trial 15): the plan prints its whole area's (the city's) figure.
#: Suzhou 养老机构护理型床位占比 42 → ≥55 (binding); 灵璧县 reports 44 for 2020 and 50 for 2023,
#: 泗县 only 50 for 2023, 全市 50 (generated figures).
NURSING_BEDS = (
    "indicator,year,value,region\n养老机构护理型床位占比,2020,44,灵璧县\n"
    "养老机构护理型床位占比,2023,50,灵璧县\n养老机构护理型床位占比,2023,50,泗县\n"
    "养老机构护理型床位占比,2023,50,全市\n"
)


@pytest.mark.parametrize("engine", ["rows", "columnar"])
def test_a_county_is_measured_from_its_own_baseline_year_figure(
    tmp_path: Path, engine: str
) -> None:
    """灵璧县 from 44 in 2020 to 50 in 2023 against ≥ 55: expected 44 + 11 × 0.6 = 50.6, so
    behind. It was measured from the city's printed 42 (expected 49.8) and rated 进度正常.
    A county without a 2020 figure is still measured from the printed 42, said so; the city
    itself from its printed 42 as before."""
    import psplan

    path = write(tmp_path, "beds.csv", NURSING_BEDS)
    checked = psplan.check("suzhou", [path], engine=engine)
    found = {r.region: r.verdict for r in checked.results if r.indicator.id == "nursing_beds_share"}
    county, other, city = found["灵璧县"], found["泗县"], found["全市"]
    assert county.status == "behind" and county.expected == pytest.approx(50.6)
    assert county.baseline == (44.0, 2020, "reported")
    assert county.progress == pytest.approx(6 / 11, abs=1e-6)
    assert other.baseline == (42.0, 2020, "plan_area") and other.status == "on_track"
    assert other.expected == pytest.approx(49.8)
    assert city.baseline == (42.0, 2020, "plan") and city.status == "on_track"
    assert county.reason("zh").startswith(
        "按本地区2020年上报值 44为基期（规划基期值 42 为全域数据）"
    )
    assert other.reason("zh").startswith("无本地区2020年的基期值，按规划基期值 42（全域数据）")
    assert "按" not in city.reason("zh")
    # every format says it, from the one verdict (the columnar path words the JSON itself)
    out = tmp_path / "out.json"
    rendered = run("check", "suzhou", str(path), "--format", "json", "-o", str(out))
    assert rendered.exit_code == 1, rendered.output  # 灵璧县's binding indicator is behind
    rows = {(r["region"], r["id"]): r for r in json.loads(out.read_text("utf-8"))["results"]}
    assert rows[("灵璧县", "nursing_beds_share")]["baseline"]["source"] == "reported"
    assert rows[("泗县", "nursing_beds_share")]["baseline"]["source"] == "plan_area"
    markdown = run("check", "suzhou", str(path), "--format", "markdown").stdout
    assert "44%（2020年上报）" in markdown and "42%（全域基期值）" in markdown


@pytest.mark.parametrize("engine", ["rows", "columnar"])
def test_totals_and_averages_of_a_county_start_where_the_citys_do(
    tmp_path: Path, engine: str
) -> None:
    """A five-year total starts from zero in every region; only a level's printed baseline is
    the city's own."""
    import psplan

    path = write(tmp_path, "t.csv", "indicator,year,value,region\n"
                 "参加各类补贴性职业技能培训人数,2021,3,灵璧县\n"
                 "参加各类补贴性职业技能培训人数,2020,4,灵璧县\n")  # fmt: skip
    checked = psplan.check("suzhou", [path], engine=engine, year=2021)
    (result,) = [r for r in checked.results if r.indicator.id == "subsidized_skills_training"]
    assert result.verdict.baseline == (0.0, 2020, "zero") and result.verdict.actual == 3.0


def test_a_countys_sheet_baseline_is_its_own_and_the_citys_is_checked(tmp_path: Path) -> None:
    """A county's 基期值 differing from the plan's (the city's) is its own: used, no warning.
    The city's own differing 基期值 is still said and not used."""
    import psplan

    path = write(tmp_path, "s.csv", "id,指标,地区,基期值,2023\n"
                 "nursing_beds_share,养老机构护理型床位占比,灵璧县,44,50\n"
                 "nursing_beds_share,养老机构护理型床位占比,全市,43,50\n")  # fmt: skip
    checked = psplan.check("suzhou", [path])
    found = {r.region: r.verdict for r in checked.results if r.indicator.id == "nursing_beds_share"}
    assert found["灵璧县"].baseline == (44.0, 2020, "sheet")
    assert found["灵璧县"].status == "behind"
    assert (
        found["灵璧县"]
        .reason("en")
        .startswith("this region's 基期值 44 is used (the plan's 42 is its whole area's)")
    )
    assert found["全市"].baseline == (42.0, 2020, "plan")
    differs = [w for w in checked.warnings if w.words.key == "check.baseline_differs"]
    assert [(w.location.line, w.words.render("zh")) for w in differs] == [
        (3, "养老机构护理型床位占比的基期值“43”与规划印发的基期值“42”不一致；采用规划中的基期值")
    ]


def test_a_template_leaves_a_countys_baseline_to_the_county(tmp_path: Path) -> None:
    """A template for 全市 and 灵璧县 fills 全市's 基期值 from the plan and leaves 灵璧县's
    empty, saying why; a sheet of an earlier template, with the city's 42 on the county's
    row, is read as no baseline of the county's own (the plan's, said so), not as 42 the
    county gave."""
    import psplan

    template = tmp_path / "t.csv"
    made = run("template", "suzhou", "--regions", "全市,灵璧县", "-o", str(template))
    assert made.exit_code == 0, made.output
    rows = list(csv.DictReader(io.StringIO(template.read_text("utf-8-sig"))))
    beds = {row["地区"]: row["基期值"] for row in rows if row["id"] == "nursing_beds_share"}
    assert beds == {"全市": "42%", "灵璧县": ""}
    book = tmp_path / "t.xlsx"
    assert run("template", "suzhou", "--regions", "全市,灵璧县", "-o", str(book)).exit_code == 0
    guide = [row[0] for row in load_workbook(book).worksheets[-1].iter_rows(values_only=True)]
    assert any(str(line).strip().startswith("县区行的基期值列为空") for line in guide)
    earlier = write(tmp_path, "earlier.csv", "id,指标,地区,基期值,2023\n"
                    "nursing_beds_share,养老机构护理型床位占比,灵璧县,42%,50\n")  # fmt: skip
    checked = psplan.check("suzhou", [earlier])
    (result,) = [r for r in checked.results if r.indicator.id == "nursing_beds_share"]
    assert result.verdict.baseline == (42.0, 2020, "plan_area")
    assert not [w for w in checked.warnings if w.words.key == "check.baseline_differs"]


@pytest.mark.parametrize("engine", ["rows", "columnar"])
def test_a_countys_trend_is_of_its_own_figures(tmp_path: Path, engine: str) -> None:
    """泗县 gives no 2020 figure: its verdict is measured from the city's printed 93.90, but
    its trend is of its own figures, 93.0 → 93.6 (generated): rising, not the 0 % a year of a
    series starting at the city's 93.90 (a trial)."""
    import psplan

    path = write(tmp_path, "h.csv", "indicator,year,value,region\n"
                 "高中阶段教育毛入学率,2019,99.0,泗县\n"  # the period before's: no point either
                 "高中阶段教育毛入学率,2021,93.0,泗县\n高中阶段教育毛入学率,2022,93.3,泗县\n"
                 "高中阶段教育毛入学率,2023,93.6,泗县\n")  # fmt: skip
    checked = psplan.check("suzhou", [path], engine=engine)
    (result,) = [r for r in checked.results if r.indicator.id == "high_school_gross_enrollment"]
    assert result.verdict.baseline == (93.9, 2020, "plan_area")
    assert result.verdict.expected == pytest.approx(93.9 + (94 - 93.9) * 0.6)
    trend = result.trend
    assert trend is not None and trend.points[0] == (2021, 93.0)
    assert trend.observed_growth == pytest.approx((93.6 / 93.0) ** 0.5 - 1, abs=1e-6)
    assert trend.category == "on_track"  # 0.32 %/yr observed against 0.27 %/yr needed


@pytest.mark.parametrize("engine", ["rows", "columnar"])
def test_a_total_of_the_whole_area_lends_no_county_its_baseline(
    tmp_path: Path, engine: str
) -> None:
    """养老服务床位总量 4.7 → 5.0 万张 is the city's total: 灵璧县's 0.80 → 0.86 (generated) was
    measured from the city's 4.7 (progress −1280 %, 趋势恶化: a trial). It starts from its own
    first figure, said so; a rate's county still falls back to the city's printed baseline."""
    import psplan

    path = write(tmp_path, "beds.csv", "indicator,year,value,region\n"
                 "养老服务床位总量,2021,0.80,灵璧县\n养老服务床位总量,2023,0.83,灵璧县\n"
                 "养老服务床位总量,2025,0.86,灵璧县\n")  # fmt: skip
    checked = psplan.check("suzhou", [path], engine=engine)
    (beds,) = [r for r in checked.results if r.indicator.id == "elderly_care_beds_total"]
    verdict = beds.verdict
    assert verdict.baseline == (0.8, 2021, "first_reported") and verdict.status == "not_met"
    assert verdict.progress == pytest.approx((0.86 - 0.8) / (5.0 - 0.8), abs=1e-6)
    assert beds.verdict.reason("zh").startswith(
        "以本地区首个上报数据（2021年 0.8）为基期（规划基期值 4.7 为全域总量）"
    )  # (not 规划未列基期值: it prints the city's)
    assert beds.trend is not None and beds.trend.points[0] == (2021, 0.8)
    assert beds.trend.observed_growth > 0


@pytest.mark.parametrize("engine", ["rows", "columnar"])
def test_a_baseline_printed_as_a_bound_is_no_point_of_the_trend(
    tmp_path: Path, engine: str
) -> None:
    """宿州 prints 基本医疗保险参保率's baseline as >99.9: the figure was above it, not 99.9.
    The city's 97 → 98 (generated) read as −0.28 % a year from a first point of 99.9 (a
    trial); the trend is of the figures alone."""
    import psplan

    path = write(tmp_path, "m.csv", "indicator,year,value\n基本医疗保险参保率,2021,97\n"
                 "基本医疗保险参保率,2022,97.5\n基本医疗保险参保率,2023,98\n")  # fmt: skip
    checked = psplan.check("suzhou", [path], engine=engine)
    (result,) = [r for r in checked.results if r.indicator.id == "medical_insurance_coverage"]
    assert result.verdict.baseline == (99.9, 2020, "plan") and result.status == "met"
    trend = result.trend
    assert trend is not None and trend.points[0] == (2021, 97.0)
    assert trend.observed_growth == pytest.approx((98 / 97) ** 0.5 - 1, abs=1e-6)


@pytest.mark.parametrize("engine", ["rows", "columnar"])
def test_a_county_does_not_slip_back_from_the_citys_baseline(
    tmp_path: Path, engine: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """基本养老保险参保率 >95 from the city's 95.67 (met at the baseline): 砀山县 rose from 94.6
    to 95.0 (generated) and was said "基期值 95.67 已达到目标，现已回落"; only the city, which
    stood there, is."""
    import psplan

    rows = "".join(f"基本养老保险参保率,{y},{v},{r}\n" for r in ("砀山县", "全市")
                   for y, v in ((2021, 94.6), (2023, 94.9), (2025, 95.0)))  # fmt: skip
    path = write(tmp_path, "p.csv", "indicator,year,value,region\n" + rows)
    checked = psplan.check("suzhou", [path], engine=engine)
    found = {r.region: r.verdict for r in checked.results
             if r.indicator.id == "pension_insurance_coverage"}  # fmt: skip
    assert found["砀山县"].status == found["全市"].status == "not_met"
    assert "回落" not in found["砀山县"].reason("zh") and "回落" in found["全市"].reason("zh")
    out = tmp_path / "p.json"
    monkeypatch.setenv("PSPLAN_ENGINE", engine)  # (the JSON written by duckdb on its path)
    assert run("check", "suzhou", str(path), "-f", "json", "-o", str(out)).exit_code == 0
    reasons = {(r["region"], r["id"]): r["reason"] for r in json.loads(out.read_text())["results"]}
    assert "回落" not in reasons[("砀山县", "pension_insurance_coverage")]


@pytest.mark.parametrize("engine", ["rows", "columnar"])
def test_figures_before_the_baseline_year_are_none_of_the_period(
    tmp_path: Path, engine: str
) -> None:
    """萧县 gives 2019 alone: before the plan's baseline year, so no figure of this period, not
    its 2023 level (as a 十五五 plan read 泗县's 2024 figure as its 2026 one: a trial)."""
    import psplan

    path = write(tmp_path, "b.csv", "indicator,year,value,region\n"
                 "九年义务教育巩固率,2019,98.1,萧县\n九年义务教育巩固率,2023,98.9,泗县\n")  # fmt: skip
    checked = psplan.check("suzhou", [path], engine=engine)
    found = {r.region: r.verdict for r in checked.results
             if r.indicator.id == "compulsory_education_retention"}  # fmt: skip
    assert found["萧县"].status == "no_data" and found["萧县"].actual is None
    assert found["萧县"].reason("zh") == "最新数据为2019年，不晚于基期年2020年：本期无数据"
    assert found["泗县"].status == "behind"


def test_a_bound_is_no_baseline_and_a_met_baseline_draws_no_line(tmp_path: Path) -> None:
    """95%以上 for 2020 is no baseline of 灵璧县's (the city's is used, said so); a 2023 bound
    against >95 from the printed >99.9 (met at the baseline) expects 95, not the line's 96.96
    (a trial); a 基期值 written as a bound or a fraction is said and not used."""
    import psplan

    path = write(tmp_path, "k.csv", "indicator,year,value,region\n"
                 "九年义务教育巩固率,2020,98%以上,灵璧县\n九年义务教育巩固率,2023,98.9,灵璧县\n"
                 "基本医疗保险参保率,2023,95%以上,泗县\n基本医疗保险参保率,2023,>96,萧县\n"
                 "基本医疗保险参保率,2023,97,埇桥区\n")  # fmt: skip
    checked = psplan.check("suzhou", [path])
    found = {(r.region, r.indicator.id): r.verdict for r in checked.results}
    assert found[("灵璧县", "compulsory_education_retention")].baseline.source == "plan_area"
    assert found[("泗县", "medical_insurance_coverage")].expected == 95.0
    assert (
        found[("埇桥区", "medical_insurance_coverage")]
        .reason("zh")
        .startswith("无本地区2020年的基期值，按规划基期值 >99.9（全域数据）")
    )  # (as printed: 99.9 read as the city's figure, a trial)
    met = found[("萧县", "medical_insurance_coverage")]
    assert (met.status, met.expected) == ("met", 95.0)
    sheet = write(tmp_path, "s.csv", "id,指标,地区,基期值,2023\n"
                  "compulsory_education_retention,九年义务教育巩固率,萧县,0.9870,98.97\n"
                  "compulsory_education_retention,九年义务教育巩固率,泗县,98.5%以上,98.9\n")  # fmt: skip
    checked = psplan.check("suzhou", [sheet])
    said = [(w.location.line, w.words.render("zh")) for w in checked.warnings
            if w.words.key.startswith("check.baseline_")]  # fmt: skip
    assert said == [
        (
            2,
            "九年义务教育巩固率的基期值“0.9870”像是写成小数的百分比，未采用；若是 98.7%，请写 98.7",
        ),
        (3, "九年义务教育巩固率的基期值“98.5%以上”是界值，不是确数，未采用；请填确数"),
    ]
    sources = {r.region: r.verdict.baseline.source for r in checked.results
               if r.indicator.id == "compulsory_education_retention"}  # fmt: skip
    assert sources == {"萧县": "plan_area", "泗县": "plan_area"}


def test_a_countys_qualitative_result_shows_whose_baseline_it_is(tmp_path: Path) -> None:
    """公租房保障率 应保尽保: 灵璧县's row showed the city's printed 100% as its own baseline
    when judged, and 100%（全域基期值） when it had no data (a trial); the city's shows 100%."""
    import psplan

    name = "城镇户籍低保、低收入家庭申请公租房的保障率"
    path = write(tmp_path, "q.csv", f"indicator,year,value,region\n{name},2023,应保尽保,灵璧县\n"
                 f"{name},2023,应保尽保,全市\n")  # fmt: skip
    checked = psplan.check("suzhou", [path])
    found = {r.region: r for r in checked.results
             if r.indicator.id == "public_rental_housing_guarantee"}  # fmt: skip
    assert found["灵璧县"].status == found["全市"].status == "met"
    assert found["灵璧县"].verdict.baseline.source == "plan_area"
    assert found["全市"].verdict.baseline.source == "none"
    from psplan.views.assessment import baseline_cell

    assert str(baseline_cell(found["灵璧县"], "zh")) == "100%（全域基期值）"
    assert str(baseline_cell(found["全市"], "zh")) == "100%"


def test_a_sheet_across_two_periods_gives_no_baseline(tmp_path: Path) -> None:
    """A sheet holding years before the plan's baseline year (a 十四五 sheet given a 2026
    column, read by a 十五五 plan) has the period before's 基期值: a county's was taken as its
    own new baseline (0.21 of 2020 against 3.46 of 2025: a trial). Said once, not used;
    宿州 (2020) with a sheet of 2019–2021 stands for it here (generated figures)."""
    import psplan

    sheet = write(tmp_path, "x.csv", "id,指标,地区,基期值,2019,2021\n"
                  "nursing_beds_share,养老机构护理型床位占比,灵璧县,30,40,45\n"
                  "nursing_beds_share,养老机构护理型床位占比,泗县,31,41,46\n")  # fmt: skip
    checked = psplan.check("suzhou", [sheet])
    sources = {r.region: r.verdict.baseline.source for r in checked.results
               if r.indicator.id == "nursing_beds_share"}  # fmt: skip
    assert sources == {"灵璧县": "plan_area", "泗县": "plan_area"}
    said = [w for w in checked.warnings if w.words.key.startswith("check.baseline_")]
    assert [(w.location.line, w.words.render("zh")) for w in said] == [
        (
            2,
            "本表的数据为2019—2021年，含上一规划期的年份：其基期值列是上一期的，未使用"
            "（本规划的基期年为2020年；本规划的基期值请用本期的填报表）",
        )
    ]


@pytest.mark.parametrize("engine", ["rows", "columnar"])
def test_a_baselines_label_writes_its_figure_without_separators(
    tmp_path: Path, engine: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A CSV has no thousands separators, but a labelled baseline wrote "12,000（2020年上报）"
    and "9,500（全域基期值）" beside 15000 (a trial; generated figures)."""
    name = "每万人接受公共文化设施服务次数"
    path = write(tmp_path, "k.csv", f"indicator,year,value,region\n{name},2023,13000,泗县\n"
                 f"{name},2020,12000,萧县\n{name},2023,13500,萧县\n")  # fmt: skip
    monkeypatch.setenv("PSPLAN_ENGINE", engine)
    rows = [line.split(",") for line in run("check", "suzhou", str(path), "-f", "csv").stdout
            .splitlines() if name in line]  # fmt: skip
    assert {row[2]: row[5] for row in rows} == {
        "泗县": "9500（全域基期值）", "萧县": "12000（2020年上报）",
    }  # fmt: skip


def test_a_baseline_and_a_baseline_year_figure_that_differ_are_said(tmp_path: Path) -> None:
    """灵璧县's sheet gives 基期值 98.2 and another file its 2020 figure 98.1 (generated): the
    基期值 is used, as §1 orders them, and the two are said at the 基期值's cell (the sheet
    won without a word: a trial)."""
    import psplan

    sheet = write(tmp_path, "sb.csv", "id,指标,地区,基期值,2023\n"
                  "compulsory_education_retention,九年义务教育巩固率,灵璧县,98.2,98.9\n")  # fmt: skip
    year = write(
        tmp_path, "y.csv", "indicator,year,value,region\n九年义务教育巩固率,2020,98.1,灵璧县\n"
    )
    checked = psplan.check("suzhou", [sheet, year])
    (result,) = [r for r in checked.results if r.indicator.id == "compulsory_education_retention"]
    assert result.verdict.baseline == (98.2, 2020, "sheet")
    said = [w for w in checked.warnings if w.words.key == "check.baseline_against_figure"]
    assert [(w.location.line, w.words.render("zh")) for w in said] == [
        (
            2,
            f"灵璧县，九年义务教育巩固率的基期值 98.2 与2020年的数据“98.1”（{year}:2）不一致；采用基期值",
        )
    ]
    linted = [p for p in psplan.lint("suzhou", [sheet, year])
              if p.words.key == "check.baseline_against_figure"]  # fmt: skip
    assert [str(p.words) for p in linted] == [str(w.words) for w in said]  # lint says it too
    alike = write(
        tmp_path, "a.csv", "indicator,year,value,region\n九年义务教育巩固率,2020,98.2,灵璧县\n"
    )
    assert not [w for w in psplan.check("suzhou", [sheet, alike]).warnings
                if w.words.key == "check.baseline_against_figure"]  # fmt: skip


# ------------------------------------------------------------------ plans, years, notes, overrides


def test_an_invalid_plan_is_refused_by_every_judging_command(tmp_path: Path) -> None:
    text = (Path(__file__).parents[1] / "data" / "national.yaml").read_text(encoding="utf-8")
    broken = text.replace("id: doctors_per_1000", "id: life_expectancy", 1)
    plan = write(tmp_path, "broken.yaml", broken)
    actuals = write(tmp_path, "a.csv", "indicator,year,value\n人均预期寿命,2023,78\n")
    for args in (
        ("check", str(plan), str(actuals)),
        ("trend", str(plan), str(actuals)),
        ("report", str(plan), str(actuals), "-o", str(tmp_path / "r.html")),
        ("compare", "national", str(plan)),
    ):
        result = run(*args, "--lang", "en")
        assert result.exit_code == 2, args
        assert "duplicate indicator id 'life_expectancy'" in result.output
    assert not (tmp_path / "r.html").exists()


def test_a_year_outside_the_plan_is_refused_unless_allowed(tmp_path: Path) -> None:
    actuals = write(tmp_path, "a.csv", "indicator,year,value\n人均预期寿命,2026,79\n")
    refused = run("check", "national", str(actuals), "--lang", "en")
    assert refused.exit_code == 2 and "outside the plan period 2021–2025" in refused.output
    refused = run("check", "national", str(actuals))
    assert refused.exit_code == 2 and "不在规划期 2021–2025 年内" in refused.output
    assert f"psplan: error: {actuals}:2: 文件中最新的年份 2026 年" in refused.output  # its row
    assert run("check", "national", str(actuals), "--year", "2026").exit_code == 2
    # a year asked for is the option's fault, not the file's (it named the file)
    example = Path(__file__).parents[1] / "examples" / "national-2023.csv"
    asked = run("check", "national", str(example), "--year", "-2023")
    assert asked.exit_code == 2 and asked.stderr.startswith("psplan: error: --year: -2023 年")
    assert refused.stderr.startswith(f"psplan: error: {actuals}:2: ")  # the file's, at the year
    allowed = run(
        "check", "national", str(actuals), "--allow-outside-period", "--format", "markdown"
    )
    assert allowed.exit_code in (0, 1)
    assert "不在规划期内" in allowed.stdout


def test_row_notes_reach_the_reader_and_an_override_settles_the_row(tmp_path: Path) -> None:
    rows = "".join(
        f"城镇老旧小区改造,{y},{v}\n" for y, v in ((2021, 250), (2022, 260), (2023, 240))
    )
    actuals = write(tmp_path, "a.csv", "indicator,year,value\n" + rows)
    markdown = run("check", "hanzhong", str(actuals), "--format", "markdown").stdout
    row = next(line for line in markdown.splitlines() if "| 城镇老旧小区改造 [" in line)
    mark = re.search(r"城镇老旧小区改造 (\[\d+\])", row).group(1)  # the row's footnote
    assert "为五年累计数" in next(n for n in markdown.splitlines() if n.startswith(f"- {mark}"))
    as_level = results(run("check", "hanzhong", str(actuals), "--format", "json").stdout)
    assert as_level[(None, "old_community_renovation")]["actual"] == 240
    overrides = write(
        tmp_path,
        "o.yaml",
        "overrides:\n  - indicator: 城镇老旧小区改造\n    kind: cumulative\n"
        "    reason: 市住建局确认1246个为五年累计数\n",
    )
    out = run("check", "hanzhong", str(actuals), "--overrides", str(overrides), "--format", "json")
    row = results(out.stdout)[(None, "old_community_renovation")]
    assert row["actual"] == 750 and row["override"] == "市住建局确认1246个为五年累计数"
    assert "人工设定" in row["reason"] and row["baseline"]["source"] == "zero"
    html = tmp_path / "r.html"
    run("report", "hanzhong", str(actuals), "--overrides", str(overrides), "-o", str(html))
    assert "市住建局确认1246个为五年累计数" in html.read_text(encoding="utf-8")
    bad = write(tmp_path, "b.yaml", "- indicator: 城镇老旧小区改造\n  kind: totals\n  reason: x\n")
    result = run("check", "hanzhong", str(actuals), "--overrides", str(bad))
    assert result.exit_code == 2 and "b.yaml" in result.output and "kind" in result.output


def test_the_example_is_real_and_sourced() -> None:
    examples = Path(__file__).parents[1] / "examples"
    sources = (examples / "SOURCES.md").read_text(encoding="utf-8")
    rows = list(read_actuals(examples / "national-2023.csv"))
    assert rows
    for row in rows:
        assert row.note, row  # every row names its publication
        # and SOURCES.md gives its value with the address and the quoted sentence
        shown = row.value.raw.rstrip("%")
        assert any(shown in line and "http" in line for line in sources.splitlines()), row
    assert "illustrative" not in (examples / "national-2023.csv").read_text(encoding="utf-8")


def test_the_example_verdicts(tmp_path: Path) -> None:
    rows = read_actuals(Path(__file__).parents[1] / "examples" / "national-2023.csv")
    report = check(load_plan("national").plan, rows)
    by_id = {r.indicator.id: r for r in report.results}
    assert report.year == 2023
    # 养老服务床位总量 823 万张 against 823.8 in 2020 and 1000 by 2025: behind the line.
    assert by_id["elderly_care_beds_total"].status == "behind"
    # 5.56 + 5.25 + 5.37 = 16.18 万个 of the five-year [21.9]: ahead of 60 %.
    assert by_id["old_community_renovation"].verdict.actual == pytest.approx(16.18)
    assert by_id["old_community_renovation"].status == "on_track"
    assert by_id["life_expectancy"].status == "met"


def test_the_sheet_carries_reasons_and_measures_into_the_assessment(tmp_path: Path) -> None:
    template = tmp_path / "t.csv"
    assert run("template", "national", "--years", "2023", "-o", str(template)).exit_code == 0
    import csv
    import io

    rows = list(csv.reader(io.StringIO(template.read_text(encoding="utf-8-sig"))))
    header = rows[0]
    for row in rows[1:]:
        if row[0] == "elderly_care_beds_total":
            row[header.index("2023")] = "823"
            row[header.index("原因分析")] = "民办养老机构退出较多"
            row[header.index("下一步措施")] = "推进社区嵌入式养老服务设施建设"
    filled = tmp_path / "filled.csv"
    with filled.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(rows)
    row = results(run("check", "national", str(filled), "--format", "json").stdout)[
        (None, "elderly_care_beds_total")
    ]
    assert row["status"] == "behind"
    assert row["remarks"] == {
        "reason": "民办养老机构退出较多",
        "measure": "推进社区嵌入式养老服务设施建设",
    }
    markdown = run("check", "national", str(filled), "--format", "markdown").stdout
    row = next(line for line in markdown.splitlines() if "| 养老服务床位总量 [" in line)
    mark = re.search(r"养老服务床位总量 (\[\d+\])", row).group(1)  # the row's footnote
    notes = markdown[markdown.index(f"- {mark} ") :].split("\n- ")[0]
    assert "原因分析：民办养老机构退出较多" in notes and "下一步措施：推进社区嵌入式" in notes
    html = tmp_path / "r.html"
    assert run("report", "national", str(filled), "-o", str(html)).exit_code == 0
    assert "推进社区嵌入式养老服务设施建设" in html.read_text(encoding="utf-8")


def test_a_figure_in_the_plans_own_unit_is_read(tmp_path: Path) -> None:
    plan = load_plan("ankang").plan
    indicator = next(i for i in plan.indicators if i.unit == "㎡")
    path = write(tmp_path, "a.csv", f"indicator,year,value\n{indicator.name},2023,2.05㎡\n")
    result = run("check", "ankang", str(path), "--format", "json")
    assert result.exit_code in (0, 1), result.output
    assert results(result.stdout)[(None, indicator.id)]["actual"] == 2.05


@pytest.mark.parametrize("engine", ["rows", "columnar"])
def test_a_life_expectancy_in_岁_is_one_printed_in_年(tmp_path: Path, engine: str) -> None:
    """安康 prints 人均平均预期寿命 in 年, the national plan the same measure in 岁: a sheet's
    单位 cell of 岁, or 78.9岁 in a cell, is the same number of years and is read (it was
    refused as another unit). A schooling's 年 is no 岁: 11.0岁 is still refused."""
    import psplan

    path = write(tmp_path, "a.csv", "指标名称,年份,数值,单位\n人均平均预期寿命,2023,78.6,岁\n"
                                    "人均平均预期寿命,2024,78.9岁,\n")  # fmt: skip
    checked = psplan.check("ankang", [path], engine=engine)
    result = next(r for r in checked.results if r.indicator.name == "人均平均预期寿命")
    assert result.verdict.actual == 78.9 and result.verdict.status == "met"
    assert [r.value.number for r in result.observations] == [78.6, 78.9]
    schooling = write(
        tmp_path, "e.csv", "指标名称,年份,数值\n劳动年龄人口平均受教育年限,2023,11.0岁\n"
    )
    with pytest.raises(psplan.PsplanError, match=r"11\.0岁"):
        psplan.check("national", [schooling], engine=engine)


def test_a_baseline_that_met_the_target_expects_the_target_every_year() -> None:
    from psplan.assess.evaluate import expected_path

    cap = goal("≤18", "16.9", direction="decrease")
    verdict = judge(cap, obs((2023, "19")), 2023)
    assert verdict.status == "behind" and verdict.expected == 18.0
    assert {value for _, value in expected_path(cap, verdict.baseline, 18.0)} == {18.0}
    assert "已达到目标，现已回落" in verdict.reason()


def test_judged_in_the_end_year_the_outlook_is_the_result(tmp_path: Path) -> None:
    # Real: 九年义务教育巩固率 95.90 % in 2024 (SOURCES.md), judged as the final year 2025.
    path = write(tmp_path, "n.csv", "indicator,year,value\n九年义务教育巩固率,2024,95.90%\n")
    data = run("check", "national", str(path), "--year", "2025", "--format", "json").stdout
    row = results(data)[(None, "compulsory_education_retention")]
    assert row["status"] == "not_met"
    assert row["trend"]["likely_met"] is False and row["trend"]["agrees_with_status"] is True
