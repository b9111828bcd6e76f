"""`psplan check` end to end: inputs as users produce them, exit codes, formats, contracts."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from conftest import EXAMPLES, assert_one_line_error

CLEAN = """\
indicator,year,value
每千人口拥有3岁以下婴幼儿托位数（个）,2023,3.38
学前教育毛入园率,2023,91.1%
九年义务教育巩固率,2023,95.7%
劳动年龄人口平均受教育年限,2023,11.05
孤儿和事实无人抚养儿童保障覆盖率,2023,应保尽保
城镇老旧小区改造,2021,5.56
城镇老旧小区改造,2022,5.25
城镇老旧小区改造,2023,5.37
养老机构护理型床位占比,2023,48.2
参加各类补贴性职业技能培训人数,2021,1650
参加各类补贴性职业技能培训人数,2022,1420
"""
EXPECTED = {
    "infant_care_places_per_1000": "behind",  # 3.38 < 1.8 + 2.7·0.6 = 3.42
    "preschool_gross_enrollment": "met",  # 91.1 > 90
    "compulsory_education_retention": "on_track",  # 95.7 ≥ 95.2 + 0.8·0.6 = 95.68
    "working_age_schooling_years": "behind",  # 11.05 < 10.8 + 0.5·0.6 = 11.1 (binding)
    "orphan_support_coverage": "met",
    "old_community_renovation": "on_track",  # 16.18 ≥ 21.9·0.6 = 13.14
    "nursing_beds_share": "on_track",  # exactly on the line 38 + 17·0.6 = 48.2
    "subsidized_skills_training": "met",  # yearly mean (1650 + 1420) / 2 = 1535 ≥ 1500
}


def statuses(stdout: str) -> dict[str, str]:
    return {r["id"]: r["status"] for r in json.loads(stdout)["results"] if r["status"] != "no_data"}


@pytest.fixture
def clean(tmp_path: Path) -> Path:
    path = tmp_path / "clean.csv"
    path.write_text(CLEAN, encoding="utf-8")
    return path


def test_clean_long_file(psplan, clean: Path) -> None:
    result = psplan("check", "national", str(clean), "--format", "json")
    assert result.returncode == 1  # a binding indicator (受教育年限) is behind
    assert statuses(result.stdout) == EXPECTED


def to_wide(text: str, header_suffix: str = "") -> str:
    rows = list(csv.DictReader(io.StringIO(text)))
    years = sorted({r["year"] for r in rows})
    table: dict[str, dict[str, str]] = {}
    for r in rows:
        table.setdefault(r["indicator"], {})[r["year"]] = r["value"]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["指标"] + [y + header_suffix for y in years])
    for name, values in table.items():
        writer.writerow([name] + [values.get(y, "") for y in years])
    return out.getvalue()


def messy(text: str) -> str:
    """Full-width brackets and digits, thousands separators, Chinese headers, 年 on years."""
    full = str.maketrans("0123456789.", "０１２３４５６７８９．")
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["指标", "年份", "数值"])
    for name, year, value in list(csv.reader(io.StringIO(text)))[1:]:
        if value.replace(".", "").isdigit() and float(value) >= 1000:
            value = f"{float(value):,.0f}"  # 1650 → 1,650
        writer.writerow([name.replace("(", "（"), year + "年", value.translate(full)])
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "encoding"),
    [
        ("gb18030.csv", messy(CLEAN), "gb18030"),
        ("bom.csv", CLEAN, "utf-8-sig"),
        ("wide.csv", to_wide(CLEAN, "年"), "utf-8"),
        ("wide-gbk.csv", to_wide(CLEAN), "gbk"),
        ("tabs.tsv", CLEAN.replace(",", "\t"), "utf-8"),
    ],
)
def test_messy_inputs_read_to_the_same_verdicts(
    psplan, tmp_path: Path, name: str, content: str, encoding: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content.encode(encoding))
    result = psplan("check", "national", str(path), "--format", "json")
    assert result.returncode == 1, result.stderr
    assert statuses(result.stdout) == EXPECTED


def test_xlsx_with_percent_cells_reads_to_the_same_verdicts(psplan, tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "说明"
    book.active.append(["this sheet is notes, the data is on the second"])
    sheet = book.create_sheet("2023")
    sheet.append(["indicator", "year", "value"])
    for line in CLEAN.splitlines()[1:]:
        name, year, value = line.split(",")
        if value.endswith("%"):
            sheet.append([name, int(year), float(value[:-1]) / 100])
            sheet.cell(sheet.max_row, 3).number_format = "0.0%"
        else:
            try:
                sheet.append([name, int(year), float(value)])
            except ValueError:
                sheet.append([name, int(year), value])
    path = tmp_path / "actuals.xlsx"
    book.save(path)
    result = psplan("check", "national", str(path), "--sheet", "2023", "--format", "json")
    assert statuses(result.stdout) == EXPECTED, result.stderr
    assert_one_line_error(
        psplan("check", "national", str(path), "--sheet", "nope", "--lang", "en"), "no sheet 'nope'"
    )


def test_year_option_and_default_year(psplan, clean: Path) -> None:
    data = json.loads(psplan("check", "national", str(clean), "--format", "json").stdout)
    assert data["year"] == 2023
    data = json.loads(
        psplan("check", "national", str(clean), "--year", "2022", "--format", "json").stdout
    )
    renovation = next(r for r in data["results"] if r["id"] == "old_community_renovation")
    assert (renovation["actual"], renovation["status"]) == (10.81, "on_track")  # 5.56 + 5.25 ≥ 8.76


def test_json_contract(psplan, clean: Path) -> None:
    data = json.loads(psplan("check", "national", str(clean), "--format", "json").stdout)
    assert {"plan", "year", "summary", "results"} <= set(data)
    assert set(data["summary"]) == {
        "met",
        "on_track",
        "behind",
        "not_met",
        "no_data",
        "needs_review",
    }
    assert sum(data["summary"].values()) == 22
    keys = {
        "id",
        "name",
        "domain",
        "attribute",
        "unit",
        "target",
        "baseline",
        "actual",
        "actual_year",
        "status",
        "gap",
        "progress",
        "expected",
        "reason",
        "region",
    }
    for row in data["results"]:
        assert keys <= set(row)
        assert set(row["target"]) >= {"raw", "kind", "op", "value"}
        assert set(row["baseline"]) >= {"raw", "value", "year"}


def test_exit_codes(psplan, tmp_path: Path) -> None:
    ok = tmp_path / "ok.csv"
    ok.write_text(
        "indicator,year,value\n九年义务教育巩固率,2023,96\n学前教育毛入园率,2023,88\n",
        encoding="utf-8",
    )
    assert psplan("check", "national", str(ok)).returncode == 0  # only an expected one behind
    assert psplan("check", "national", str(ok), "--strict").returncode == 1
    bad = tmp_path / "bad.csv"
    bad.write_text("indicator,year,value\n九年义务教育巩固率,2023,95.3\n", encoding="utf-8")
    assert psplan("check", "national", str(bad)).returncode == 1  # binding behind
    assert psplan("check", "national", str(bad), "--year", "2025").returncode == 1  # not_met


@pytest.mark.parametrize(
    ("content", "fragments"),
    [
        ("indicator,year,value\n九年义务教育巩固率,2023,abc\n", [":2:3:", "'abc' is not a number"]),
        (
            "indicator,year,value\n义务教育巩固,2023,95\n",
            [":2:", "not in plan national", "九年义务教育巩固率"],
        ),
        ("indicator,year,value\n九年义务教育巩固率,1850,95\n", [":2:2:", "outside"]),
        (
            "indicator,year,value\n九年义务教育巩固率,2023,95\n九年义务教育巩固率,2023,96\n",
            [":3:3:", "twice"],
        ),
        ("indicator,year,value\n九年义务教育巩固率,2023,1e309\n", [":2:3:", "too large"]),
        ("foo,bar\n1,2\n", [":1:", "no indicator column"]),
        ("indicator,note\nx,y\n", [":1:", "cannot tell the layout"]),
        ("", ["empty"]),
        ("indicator,year,value\n", ["no figures"]),
        ("indicator,year,value\n九年义务教育巩固率,2023,95‰\n", [":2:3:", "‰"]),
        ("indicator,year,value\n九年义务教育巩固率,2023,[95]\n", [":2:3:", "running total"]),
    ],
)
def test_bad_actuals_name_file_row_column_and_exit_2(
    psplan, tmp_path: Path, content: str, fragments: list[str]
) -> None:
    path = tmp_path / "actuals.csv"
    path.write_text(content, encoding="utf-8")
    result = psplan("check", "national", str(path), "--lang", "en")
    assert_one_line_error(result, str(path), *fragments)


def test_every_problem_is_reported(psplan, tmp_path: Path) -> None:
    path = tmp_path / "actuals.csv"
    path.write_text(
        "indicator,year,value\nfoo,2023,1\n九年义务教育巩固率,2023,x\nbar,2023,2\n",
        encoding="utf-8",
    )
    result = psplan("check", "national", str(path))
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 3


def test_relative_target_reference_from_option_and_from_rows(psplan, tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "id: county\nname: 某县规划\nlevel: county\nperiod: {start: 2021, end: 2025}\nbaseline_year: 2020\n"
        "domains: [病有所医]\nindicators:\n  - {id: beds, domain: 病有所医, name: 每千人口床位数, unit: 张, "
        "baseline: '5.5', target: 达到全省平均水平, attribute: 约束性}\n",
        encoding="utf-8",
    )
    actuals = tmp_path / "a.csv"
    actuals.write_text("indicator,year,value,region\nbeds,2023,6.1,某县\n", encoding="utf-8")
    data = json.loads(psplan("check", str(plan), str(actuals), "--format", "json").stdout)
    assert data["results"][0]["status"] == "needs_review"
    data = json.loads(
        psplan(
            "check", str(plan), str(actuals), "--reference", "beds=6.0", "--format", "json"
        ).stdout
    )
    assert data["results"][0]["status"] == "met"
    actuals.write_text(
        "indicator,year,value,region\nbeds,2023,6.0,某县\nbeds,2023,6.5,全省\n", encoding="utf-8"
    )
    result = psplan("check", str(plan), str(actuals), "--format", "json")
    data = json.loads(result.stdout)
    assert [(r["region"], r["status"]) for r in data["results"]] == [("某县", "behind")]
    assert result.returncode == 1


def test_regions_give_one_verdict_each(psplan, tmp_path: Path) -> None:
    path = tmp_path / "regions.csv"
    path.write_text(
        "指标,年份,数值,地区\n九年义务教育巩固率,2023,96,甲县\n九年义务教育巩固率,2023,95,乙县\n",
        encoding="utf-8",
    )
    data = json.loads(psplan("check", "national", str(path), "--format", "json").stdout)
    pairs = {
        (r["region"], r["status"])
        for r in data["results"]
        if r["id"] == "compulsory_education_retention"
    }
    assert pairs == {("甲县", "met"), ("乙县", "behind")}
    assert len(data["results"]) == 44
    one = json.loads(
        psplan("check", "national", str(path), "--region", "乙县", "--format", "json").stdout
    )
    assert {r["region"] for r in one["results"]} == {"乙县"}
    assert_one_line_error(psplan("check", "national", str(path), "--region", "丙县"), "丙县")


def test_a_region_not_in_a_county_file_names_a_few_regions_and_the_closest(
    psplan, tmp_path: Path
) -> None:
    """A mistyped --region at county scale: the first 20 regions and how many in all (the
    2,900 names were one error line of 35 KB), and the closest names, a county's number
    read as a number (京1县 is 京001县). Generated figures, not real ones."""
    from conftest import generate_actuals

    path = generate_actuals("ankang", tmp_path / "counties.csv", "--regions", "300")
    ran = psplan("check", "ankang", str(path), "--region", "京1县")
    assert_one_line_error(ran, "京1县", "（共 300 个）", "是否是指 京001县？")
    assert len(ran.stderr) < 400
    english = psplan("check", "ankang", str(path), "--region", "北京001县", "--lang", "en")
    assert_one_line_error(english, "(300 in all)", "did you mean 京001县")


@pytest.mark.parametrize("engine", ["rows", "columnar"])
def test_a_mistyped_region_is_said_alone_not_after_other_counties_outliers(
    psplan, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, engine: str
) -> None:
    """`--region 汉滨` printed the other counties' outliers before saying it names no region
    (a new user's trial): what --region asks about is one region, and there is none. Asked
    by its name, the region's own outlier is still said. Generated figures, planted."""
    from conftest import generate_actuals

    path = generate_actuals("ankang", tmp_path / "counties.csv", "--regions", "12")
    lines = path.read_text("utf-8").splitlines()
    at = next(k for k, line in enumerate(lines) if line.startswith("京001县,森林覆盖率,2023,"))
    lines[at] = "京001县,森林覆盖率,2023,5"  # an outlier among the counties' ~66 %
    path.write_text("\n".join(lines) + "\n", "utf-8")
    monkeypatch.setenv("PSPLAN_ENGINE", engine)
    assert_one_line_error(psplan("check", "ankang", str(path), "--region", "京1"), "是否是指")
    own = psplan("check", "ankang", str(path), "--region", "京001县", "-f", "json")
    assert f"warning: {path}:{at + 1}: 京001县，森林覆盖率2023年为“5”，明显偏离" in own.stderr


def test_output_is_written_atomically_and_never_over_an_input(
    psplan, clean: Path, tmp_path: Path
) -> None:
    out = tmp_path / "report.md"
    result = psplan("check", "national", str(clean), "--format", "markdown", "-o", str(out))
    assert result.returncode == 1 and result.stdout == ""
    assert "九年义务教育巩固率" in out.read_text(encoding="utf-8")
    before = clean.read_bytes()
    assert_one_line_error(
        psplan("check", "national", str(clean), "-o", str(clean), "--lang", "en"),
        "refusing to overwrite",
    )
    assert clean.read_bytes() == before
    assert not list(tmp_path.glob(".*.tmp"))


def test_csv_output_neutralises_formulas(psplan, tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "id: evil\nname: x\nlevel: county\nperiod: {start: 2021, end: 2025}\nbaseline_year: 2020\n"
        "domains: [病有所医]\nindicators:\n  - {id: a, domain: 病有所医, name: '=HYPERLINK(\"http://x\")', "
        "baseline: '1', target: '2', attribute: 预期性}\n",
        encoding="utf-8",
    )
    actuals = tmp_path / "a.csv"
    actuals.write_text("indicator,year,value\na,2023,1.5\n", encoding="utf-8")
    text = psplan("check", str(plan), str(actuals), "--format", "csv").stdout
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][1] == "指标" and rows[1][1] == '\'=HYPERLINK("http://x")'


@pytest.mark.parametrize("fmt", ["table", "markdown", "csv"])
def test_report_formats_and_english(psplan, clean: Path, fmt: str) -> None:
    zh = psplan("check", "national", str(clean), "--format", fmt).stdout
    en = psplan("check", "national", str(clean), "--format", fmt, "--lang", "en").stdout
    assert "九年义务教育巩固率" in zh
    if fmt != "csv":
        assert "进度滞后" in zh and "behind" in en


def test_readme_example(psplan) -> None:
    result = psplan("check", "national", str(EXAMPLES / "national-2023.csv"), "--format", "json")
    assert result.returncode in (0, 1), result.stderr
    data = json.loads(result.stdout)
    assert data["plan"] == "national" and data["year"] == 2023


def test_blank_lines_and_rows_of_empty_cells_are_skipped(psplan, tmp_path: Path) -> None:
    path = tmp_path / "gaps.csv"
    path.write_text(
        "\n,,\nindicator,year,value\n\n九年义务教育巩固率,2023,96\n,,\n  ,  ,  \n", encoding="utf-8"
    )
    result = psplan("check", "national", str(path), "--format", "json")
    assert result.returncode == 0, result.stderr
    assert statuses(result.stdout) == {"compulsory_education_retention": "met"}


@pytest.mark.parametrize("engine", ["rows", "columnar"])
def test_a_year_before_every_figure_is_said(engine: str) -> None:
    """`--year 2020` on figures of 2021–2023 gave 无数据 for every indicator and exit 0,
    without a word (a final evaluation's trial): it is said, with the years the figures
    cover. The national 2023 example; a year with figures says nothing of it."""
    import psplan

    example = EXAMPLES / "national-2023.csv"
    early = psplan.check("national", example, year=2020, engine=engine)
    assert {r.status for r in early.results} == {"no_data"}
    assert [w.message for w in early.warnings if w.code == "year"] == [
        "2020年及以前没有任何数据（数据为2021—2023年），每项指标都将是无数据；是否要判断其他年份？"
    ]
    assert [str(w.location) for w in early.warnings if w.code == "year"] == ["--year"]
    later = psplan.check("national", example, year=2021, engine=engine)
    assert not [w for w in later.warnings if w.code == "year"]


def test_a_row_without_its_county_is_one_error_and_no_repeat(tmp_path: Path) -> None:
    """汉中's counties, each naming its county on its first row only (merged-looking cells),
    years side by side (generated figures): each blank row was said twice (once per year
    column) and counted twice, and two counties' equal figures under blank names were said
    to repeat an earlier row of the file (a trial). One error per row, nothing else."""
    from conftest import run_psplan

    path = tmp_path / "分县区.csv"
    path.write_text(
        "地区,指标,2024,2025\n汉台区,人均预期寿命,75,76\n,每千人口拥有注册护士数,3.1,3.2\n"
        "南郑区,人均预期寿命,74,75\n,每千人口拥有注册护士数,3.1,3.2\n",
        "utf-8",
    )
    done = run_psplan("check", "hanzhong", str(path))
    assert done.returncode == 2
    said = "地区单元格没有地区名（本文件其他行写明了地区；地区列若是合并单元格，请取消合并并填满后再导出）"
    assert done.stderr.splitlines() == [
        f"psplan: error: {path}:3: {said}",
        f"psplan: error: {path}:5: {said}",
    ]
    linted = run_psplan("lint", "hanzhong", str(path), "-f", "json")
    found = json.loads(linted.stdout)["problems"]
    assert [(p["line"], p["code"]) for p in found if p["level"] == "error"] == [
        (3, "empty-region"), (5, "empty-region"),
    ]  # fmt: skip
    assert not [p for p in found if p["code"] == "duplicate"]


def test_a_countys_rows_without_its_name_are_one_error(tmp_path: Path) -> None:
    """A county's 80 rows whose 地区 cells were a merged cell, exported blank (generated
    figures): 50 lines of the same error, then "stopped after 50 problems", hid the rows
    after them. One error names the run of rows; a lone blank row elsewhere is its own."""
    import psplan
    from psplan.errors import PsplanError

    rows = ["地区,指标,年份,数值", "汉台区,人均预期寿命,2023,75"]
    rows += [f",人均预期寿命,{2021 + n % 5},7{n % 10}" for n in range(80)]  # lines 3–82
    rows += ["南郑区,人均预期寿命,2023,74", ",每千人口拥有注册护士数,2023,3.1"]  # line 84
    path = tmp_path / "分县区.csv"
    path.write_text("\n".join(rows) + "\n", "utf-8")
    with pytest.raises(PsplanError) as raised:
        psplan.check("hanzhong", path)
    problems = raised.value.problems
    assert [(p.location.line, str(p.words).partition("（本文件")[0]) for p in problems] == [
        (3, "第 3–82 行（共 80 行）的地区单元格没有地区名"),
        (84, "地区单元格没有地区名"),
    ]
    linted = psplan.lint("hanzhong", path)
    assert [(p.location.line, p.level) for p in linted if p.code == "empty-region"] == [
        (3, "error"), (84, "error"),
    ]  # fmt: skip


def test_a_stray_year_past_the_period_is_refused_without_being_judged_first(
    tmp_path: Path,
) -> None:
    """One 2062 row among 2023's (generated) printed "judged in 2062 on few figures", then
    the error that 2062 is outside the period: two lines that contradict each other (a
    county-scale trial). The refusal alone; allowed, the sparse year is said again."""
    import psplan

    from conftest import run_psplan

    file = tmp_path / "stray.csv"
    file.write_text(
        "指标,年份,数值\n人均预期寿命,2023,78.2\n学前教育毛入园率,2023,90\n"
        "九年义务教育巩固率,2023,95.7\n学前教育毛入园率,2062,91\n",
        "utf-8",
    )
    done = run_psplan("check", "national", str(file))
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        f"psplan: error: {file}:5: 文件中最新的年份 2062 年不在规划期 2021–2025 年内（基期 2020 年）；"
        "请用 --year YEAR（Python：year=YEAR）选择年份，或使用 --allow-outside-period"
        "（Python：allow_outside_period=True）进行评估"
    ]
    allowed = psplan.check("national", file, allow_outside_period=True)
    assert [w.location.line for w in allowed.warnings if w.key == "check.sparse_latest_year"] == [5]
