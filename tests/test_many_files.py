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


def test_two_sheets_of_one_workbook_that_disagree_are_two_sheets(tmp_path: Path) -> None:
    """Two departments' sheets in one workbook giving two figures: the error named them two
    files (a trial's finding); they are two sheets, and each is named with its workbook."""
    import openpyxl

    book = openpyxl.Workbook()
    education = book.active
    education.title = "教育局"
    health = book.create_sheet("卫健委")
    for sheet, value in ((education, "91.1%"), (health, "90.8%")):
        sheet.append(["indicator", "year", "value"])
        sheet.append(["学前教育毛入园率", 2023, value])
    path = tmp_path / "部门.xlsx"
    book.save(path)
    result = runner.invoke(app, ["check", "national", str(path)])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"psplan: error: {path}[卫健委]:2:3: 学前教育毛入园率 2023 年的数据在两个工作表中数值不同："
        f"“91.1%”（{path}[教育局] 第 2 行）和“90.8%”"
    ]


def test_report_and_trend_take_several_files_and_name_them(departments, tmp_path: Path) -> None:
    education, health = departments
    page = tmp_path / "r.md"
    result = runner.invoke(
        app, ["report", "national", str(education), str(health), "-o", str(page)]
    )
    assert result.exit_code == 0, result.output
    text = page.read_text(encoding="utf-8")
    assert f"数据来源：{education}（2个数据）、{health}（2个数据）" in text  # the appendix
    assert text.count("数据来源：") == 1
    trend = runner.invoke(app, ["trend", "national", str(education), str(health), "-f", "json"])
    assert trend.exit_code == 0 and "人均预期寿命" in trend.stdout


# ------------------------------------------------------------ one sheet per lead department


def test_template_by_department_gives_each_lead_its_sheet_and_reads_back(tmp_path: Path) -> None:
    """安康's 附件2 names who leads each domain's indicators: one sheet per lead, each indicator
    on exactly one sheet, and the filled sheets read back together as one dataset, every
    figure located in its sheet and the report's sources naming each sheet."""
    from openpyxl import load_workbook

    from psplan.plan.plans import load_plan
    from psplan.views.template import department_sheet

    plan = load_plan("ankang").plan
    path = tmp_path / "安康填报.xlsx"
    result = runner.invoke(app, ["template", "ankang", "-o", str(path), "--by-department"])
    assert result.exit_code == 0, result.output
    book = load_workbook(path)
    expected = [department_sheet(lead.departments) for lead in plan.leads] + ["说明"]
    assert book.sheetnames == expected
    assert book.sheetnames[6] == "市教育体育局等6个部门"  # 弱有所扶: six departments
    ids = [row[0] for name in expected[:-1] for row in book[name].iter_rows(2, values_only=True)]
    assert sorted(ids) == sorted(i.id for i in plan.indicators)  # each indicator once
    health = book["市卫生健康委员会"]
    header = [cell.value for cell in health[1]]
    assert [row[header.index("牵头部门")] for row in health.iter_rows(2, values_only=True)] == [
        "市卫生健康委员会"
    ] * 5  # 幼有所育's five rows
    # two departments fill in their sheets; the sheets are read together
    year = header.index("2023") + 1
    health.cell(2, year, 4.0)
    civil = book["市民政局"]
    civil.cell(2, year, 70)
    book.save(path)
    report = psplan.check("ankang", path)
    reported = {r.indicator.id: o.value.number for r in report.results for o in r.observations}
    assert reported == {health.cell(2, 1).value: 4.0, civil.cell(2, 1).value: 70}
    # every sheet is listed, those that sent nothing with 0 (who has not reported)
    assert report.sources == tuple(f"{path}[{name}]" for name in expected[:-1])
    assert {k: v for k, v in report.figures_read.items() if v} == {
        f"{path}[市卫生健康委员会]": 1, f"{path}[市民政局]": 1
    }  # fmt: skip
    assert report.figures_read[f"{path}[市乡村振兴局]"] == 0


def test_by_department_needs_a_workbook_and_says_when_the_plan_names_no_lead(
    tmp_path: Path,
) -> None:
    result = runner.invoke(
        app, ["template", "ankang", "-o", str(tmp_path / "a.csv"), "--by-department"]
    )
    assert result.exit_code == 2 and "只能写入 .xlsx" in result.stderr
    assert not (tmp_path / "a.csv").exists()
    result = runner.invoke(
        app, ["template", "national", "-o", str(tmp_path / "n.csv"), "--by-department"]
    )
    assert result.exit_code == 0
    assert "未列出各指标的牵头部门：写为一个工作表" in result.stderr


def test_a_file_given_twice_is_read_once_and_said_so(departments, tmp_path: Path) -> None:
    """`check plan a.csv a.csv` (or a.csv and ./a.csv): every figure would be a repeat; it is
    read once, with a warning naming the file — in check, the library and lint alike."""
    education, health = departments
    again = tmp_path / "教育局（转发）.csv"  # another path to the same file
    again.symlink_to(education)
    once = runner.invoke(app, ["check", "national", str(education), str(health), "-f", "json"])
    twice = runner.invoke(
        app, ["check", "national", str(education), str(health), str(again), "-f", "json"]
    )
    assert twice.exit_code == once.exit_code == 0
    assert twice.stdout == once.stdout
    assert twice.stderr.splitlines() == [
        f"psplan: warning: {again}: 此文件已作为“{education}”给出，只读一次"
    ]
    checked = psplan.check("national", [education, education])
    assert checked.sources == (str(education),)
    assert [(w.code, str(w.location)) for w in checked.warnings] == [("same-file", str(education))]
    lint_once = runner.invoke(app, ["lint", "national", str(health), "-f", "json"])
    lint = runner.invoke(app, ["lint", "national", str(health), str(health), "-f", "json"])
    assert (lint.exit_code, lint.stdout) == (lint_once.exit_code, lint_once.stdout)
    assert lint.stderr.splitlines() == [
        f"psplan: warning: {health}: 此文件给了两次，只读一次"
    ]  # the same spelling twice: no need to name it again


@pytest.mark.parametrize("engine", ["rows", "columnar"])
def test_two_departments_naming_the_area_otherwise_are_one_area(
    tmp_path: Path, engine: str
) -> None:
    """教育局 writes 全市, 卫健委 安康市: one area (the first spelling read), said once; the same
    figure from both merges, two different ones are the two-files error — not two areas with
    a verdict each and a report that changed with the files' order (a trial's finding)."""
    import psplan

    name = "免费孕前优生健康检查率"
    first, second = tmp_path / "教育局.csv", tmp_path / "卫健委.csv"
    first.write_text(f"地区,指标,年份,数值\n全市,{name},2021,82.8\n全市,{name},2023,86\n", "utf-8")
    second.write_text(f"地区,指标,年份,数值\n安康市,{name},2023,86\n安康,{name},2024,87\n",
                      "utf-8")  # fmt: skip
    report = psplan.check("ankang", [first, second], engine=engine)
    assert report.regions == ["全市"]
    assert [str(w.words) for w in report.warnings if w.code == "region"] == [
        "“安康市”与“全市”都指规划全域，按同一地区“全市”读取",
        "“安康”与“全市”都指规划全域，按同一地区“全市”读取",
    ]
    result = next(r for r in report.results if r.indicator.name == name)
    assert [(o.year, o.value.raw) for o in result.observations] == [
        (2021, "82.8"),
        (2023, "86"),
        (2024, "87"),
    ]
    second.write_text(f"地区,指标,年份,数值\n安康市,{name},2023,88\n", "utf-8")
    with pytest.raises(psplan.PsplanError) as raised:
        psplan.check("ankang", [first, second], engine=engine)
    assert "在两个文件中数值不同" in str(raised.value.problems[0].words)
    linted = psplan.lint("ankang", [first, second], engine=engine)
    assert [p.code for p in linted if p.level == "error"] == ["duplicate"]


def test_a_file_without_regions_beside_files_with_them_is_said(tmp_path: Path) -> None:
    """卫健委 sends its figures without the 地区 column, 教育局 by county: the first file's
    figures are the plan's whole area's (as a city's own file is), said, in check and lint;
    a lone file without regions says nothing (a city's own figures)."""
    import psplan

    counties = tmp_path / "教育局.csv"
    counties.write_text("地区,指标,年份,数值\n汉台区,人均预期寿命,2023,78\n"
                        "南郑区,人均预期寿命,2023,77.5\n", "utf-8")  # fmt: skip
    whole = tmp_path / "卫健委.csv"
    whole.write_text("指标,年份,数值\n每千人口拥有医疗卫生机构床位数,2023,7.2\n", "utf-8")
    said = "本文件没有地区列（或地区均为空），其数据按规划全域读取；其他文件按地区上报"
    report = psplan.check("hanzhong", [counties, whole], engine="rows")
    assert [(w.location.file, str(w.words)) for w in report.warnings] == [(str(whole), said)]
    linted = psplan.lint("hanzhong", [counties, whole])
    assert [(p.location.file, str(p.words)) for p in linted if p.code == "empty-region"] == [
        (str(whole), said)
    ]
    assert not psplan.check("hanzhong", whole).warnings


@pytest.mark.parametrize("engine", ["rows", "columnar"])
def test_rows_pasted_twice_in_one_file_are_said_and_counted_once(
    tmp_path: Path, engine: str
) -> None:
    """A block of rows pasted twice in one file: merged (each figure once) and said, once per
    file, with the count and the first repeated row; the same figure from two departments'
    files is not a repeat (a trial's finding: 10,600 rows passed as 10,600 figures)."""
    import psplan

    from conftest import generate_actuals

    path = generate_actuals("ankang", tmp_path / "c.csv", "--regions", "20")
    lines = path.read_text("utf-8").splitlines()
    pasted = tmp_path / "pasted.csv"
    pasted.write_text("\n".join([*lines, *lines[1:101]]) + "\n", "utf-8")
    said = (  # (the line it repeats named too: a new user's trial)
        "本文件有100个数据与前面的完全相同（同一地区、指标、年份和数值），每个只计一次；"
        "第一个在此，与第 2 行的相同"
    )
    report = psplan.check("ankang", pasted, engine=engine)
    assert [(str(w.location), str(w.words)) for w in report.warnings if w.code == "duplicate"] == [
        (f"{pasted}:{len(lines) + 1}", said)
    ]
    assert (
        report.to_dict()["results"]
        == psplan.check("ankang", path, engine=engine).to_dict()["results"]
    )
    linted = psplan.lint("ankang", pasted, engine=engine)
    assert [str(p.words) for p in linted if p.code == "duplicate"] == [said]
    again = tmp_path / "again.csv"
    again.write_text("\n".join([lines[0], *lines[1:101]]) + "\n", "utf-8")
    both = psplan.check("ankang", [path, again], engine=engine)
    assert not [w for w in both.warnings if w.code == "duplicate"]


@pytest.mark.parametrize("engine", ["rows", "columnar"])
def test_a_county_spelled_two_ways_by_two_departments_is_said(tmp_path: Path, engine: str) -> None:
    """教育局 writes 京001县, 卫健委 京001: two regions, each missing what the other gave, and
    nothing said (a trial's finding: 60 regions for 30 counties). Said once, naming them;
    judged as written (城 and 城区 may be two places)."""
    import psplan

    from conftest import generate_actuals

    full = generate_actuals("ankang", tmp_path / "教育局.csv", "--regions", "30")
    lines = full.read_text("utf-8").splitlines()
    short = tmp_path / "卫健委.csv"
    short.write_text("\n".join([lines[0], *(line.replace("县,", ",", 1) for line in lines[1:]
                                            if "森林覆盖率" in line)]) + "\n", "utf-8")  # fmt: skip
    kept = tmp_path / "教育局-2.csv"
    kept.write_text("\n".join(line for line in lines if "森林覆盖率" not in line) + "\n", "utf-8")
    report = psplan.check("ankang", [kept, short], engine=engine)
    assert len(report.regions) == 60
    said = [(str(w.location), str(w.words)) for w in report.warnings if w.code == "region"]
    assert len(said) == 1 and said[0][1].startswith("30个地区可能有两种写法（京001/京001县、")
    linted = psplan.lint("ankang", [kept, short], engine=engine)  # lint says it as check does
    assert [(str(p.location), str(p.words)) for p in linted if p.code == "region"] == said
    assert not [
        w for w in psplan.check("ankang", full, engine=engine).warnings if w.code == "region"
    ]


@pytest.mark.parametrize("engine", ["rows", "columnar"])
def test_a_county_made_a_city_or_named_with_its_city_is_said(tmp_path: Path, engine: str) -> None:
    """旬阳县 and 旬阳市 (撤县设市), 安康市汉滨区 and 汉滨区: judged as two counties each, 190
    missing cells and no word (trial 12, D3). Said as 京001/京001县 is; 朝阳区 and 朝阳县 are
    two places and are not (GENERATED figures)."""
    import psplan

    name = "森林覆盖率"
    path = tmp_path / "c.csv"
    path.write_text("地区,指标,年份,数值\n" + "".join(
        f"{region},{name},2023,68\n"
        for region in ("旬阳县", "旬阳市", "安康市汉滨区", "汉滨区", "朝阳区", "朝阳县")
    ), encoding="utf-8")  # fmt: skip
    report = psplan.check("ankang", path, engine=engine)
    said = [w.words.render("zh") for w in report.warnings if w.code == "region"]
    assert said == [
        "2个地区可能有两种写法（旬阳县/旬阳市、汉滨区/安康市汉滨区），已按不同地区评价；请统一地区名称"
    ]


@pytest.mark.parametrize("engine", ["rows", "columnar"])
def test_a_row_pasted_twice_is_one_figure_in_the_count_of_figures(
    tmp_path: Path, engine: str
) -> None:
    """The warning says a row pasted twice counts once; the report's appendix counted it
    twice, 5 figures for 4 (trial 12, D7). The same figure from two files is each file's."""
    import psplan

    path = tmp_path / "dup.csv"
    path.write_text("地区,指标,年份,数值\n汉台区,人均预期寿命,2021,75.1\n汉台区,人均预期寿命,2022,75.5\n"
                    "汉台区,人均预期寿命,2022,75.5\n南郑区,人均预期寿命,2021,75.0\n",
                    encoding="utf-8")  # fmt: skip
    other = tmp_path / "other.csv"
    other.write_text("地区,指标,年份,数值\n汉台区,人均预期寿命,2021,75.1\n", encoding="utf-8")
    report = psplan.check("hanzhong", [path, other], engine=engine)
    assert report.figures_read == {str(path): 3, str(other): 1}


def test_rows_side_by_side_that_share_a_figure_are_not_said_to_be_the_same(tmp_path: Path) -> None:
    """Two 定远县 rows of a sheet with years side by side, the second giving only 2025's
    figure, the first's again: the warning said the row was 完全相同 as an earlier one,
    though it was not (trial 18; generated figures). It counts the figures repeated."""
    import psplan

    path = tmp_path / "wide.csv"
    path.write_text("地区,指标,2023年,2024年,2025年\n定远县,学前教育毛入园率,94.0,95.1,96.2\n"
                    "定远县,学前教育毛入园率,,,96.2\n", "utf-8")  # fmt: skip
    checked = psplan.check("chuzhou", path)
    assert [str(w.words) for w in checked.warnings if w.code == "duplicate"] == [
        "本文件有1个数据与前面的完全相同（同一地区、指标、年份和数值），每个只计一次；"
        "第一个在此，与第 2 行的相同"
    ]
