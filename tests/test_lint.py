"""`psplan lint`: each fault planted in a generated (not real) county file is found by its
rule at its row, and a clean file gives nothing."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import psplan
from psplan.cli import app
from psplan.words import use_lang

from conftest import generate_actuals

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """汉中's indicators for 8 generated counties, 2021–2025 (benchmarks/generate.py)."""
    path = tmp_path_factory.mktemp("lint") / "counties.csv"
    return generate_actuals("hanzhong", path, "--regions", "8")


def findings(path: Path) -> tuple[int, list[dict]]:
    result = runner.invoke(app, ["lint", "hanzhong", str(path), "-f", "json"])
    return result.exit_code, json.loads(result.stdout)["problems"]


def missing_cells(plan_id: str, path: Path, engine: str) -> list[str]:
    """The words of lint's `missing` findings of a file, in Chinese."""
    with use_lang("zh"):
        return [str(p.words) for p in psplan.lint(plan_id, path, engine=engine)
                if p.code == "missing"]  # fmt: skip


def test_a_clean_file_has_no_finding(clean: Path) -> None:
    code, found = findings(clean)
    assert (code, found) == (0, [])


def _rows(path: Path) -> list[list[str]]:
    return list(csv.reader(path.open(encoding="utf-8")))


def _line(rows: list[list[str]], region: str, name: str, year: int) -> int:
    """The file line (1-based, the header is line 1) of a (region, indicator, year) row."""
    return next(i for i, row in enumerate(rows, 1)
                if row[:3] == [region, name, str(year)])  # fmt: skip


def test_each_planted_fault_is_found_by_its_rule_at_its_row(clean: Path, tmp_path: Path) -> None:
    rows = _rows(clean)
    regions = sorted({row[0] for row in rows[1:]})
    plant = {
        "jump": (regions[0], "九年义务教育巩固率", 2023, "60"),  # ~98 the years around
        "range": (regions[1], "基本养老保险参保率", 2022, "120"),  # a share past 100 %
        "outlier": (regions[2], "每千人口拥有医疗卫生机构床位数", 2024, "80"),  # ~7 elsewhere
    }
    lines = {}
    for rule, (region, name, year, value) in plant.items():
        lines[rule] = _line(rows, region, name, year)
        rows[lines[rule] - 1][3] = value
    gross = _line(rows, regions[3], "高中阶段教育毛入学率", 2025)
    rows[gross - 1][3] = "101.26"  # a gross ratio may pass 100 %: no finding
    dropped = _line(rows, regions[4], "人均预期寿命", 2022)
    del rows[dropped - 1]  # a missing county-year
    twice = rows[5][:]
    twice[3] = str(float(twice[3].rstrip("%")) + 1)  # a conflicting duplicate, at the end
    rows.append(twice)
    faulty = tmp_path / "faulty.csv"
    with faulty.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    code, found = findings(faulty)
    assert code == 2  # the conflicting duplicate is an error, as check's
    at = {(f["code"], f["line"]) for f in found}
    for rule in ("jump", "range", "outlier"):
        line = lines[rule] if lines[rule] < dropped else lines[rule] - 1
        assert (rule, line) in at, (rule, line, found)
    assert ("duplicate", len(rows)) in at
    missing = [f for f in found if f["code"] == "missing"]
    assert [f["message"] for f in missing] == [f"{regions[4]}，人均预期寿命缺少2022年的数据"]
    gross_line = gross if gross < dropped else gross - 1
    assert not any(f["line"] == gross_line for f in found)
    # the same in the text and GitHub formats, one line each
    text = runner.invoke(app, ["lint", "hanzhong", str(faulty)])
    assert f"{faulty}:{lines['range'] - (lines['range'] > dropped)}: warning: " in text.stdout
    github = runner.invoke(app, ["lint", "hanzhong", str(faulty), "-f", "github"]).stdout
    assert github.count("::warning file=") == len(found) - 1
    assert github.count("::error file=") == 1  # the conflicting duplicate: check's error too
    assert [f["level"] for f in found if f["code"] == "duplicate"] == ["error"]
    checked = runner.invoke(app, ["check", "hanzhong", str(faulty)])  # the same words
    assert checked.exit_code == 2
    assert next(f["message"] for f in found if f["code"] == "duplicate") in checked.stderr


def test_lint_has_the_errors_check_stops_at_and_keeps_missing_cells_to_the_plans_years(
    clean: Path, tmp_path: Path
) -> None:
    """A file `check` refuses does not pass `lint`: a value that is no number, one in another
    unit, each an error at its row as check words it. A year outside the plan (a 2025 row
    typed 2019) is one warning at its row, not a missing 2019 for every region."""
    rows = _rows(clean)
    region = sorted({row[0] for row in rows[1:]})[0]
    broken = _line(rows, region, "九年义务教育巩固率", 2023)
    rows[broken - 1][3] = "9.1.1"
    unit = _line(rows, region, "每千人口拥有医疗卫生机构床位数", 2022)
    rows[unit - 1][3] = "150%"
    typo = _line(rows, region, "人均预期寿命", 2025)
    rows[typo - 1][2] = "2019"
    path = tmp_path / "bad.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    code, found = findings(path)
    assert code == 2  # errors, as check stops at them
    errors = [(f["code"], f["line"]) for f in found if f["level"] == "error"]
    assert errors == [("bad-value", broken), ("bad-value", unit)]
    checked = runner.invoke(app, ["check", "hanzhong", str(path)])
    assert checked.exit_code == 2
    for message in (f["message"] for f in found if f["level"] == "error"):
        assert message in checked.stderr
    outside = [f for f in found if f["code"] == "outside-years"]
    assert [(f["line"], f["level"]) for f in outside] == [(typo, "warning")]
    missing = [f["message"] for f in found if f["code"] == "missing"]
    assert missing == [f"{region}，人均预期寿命缺少2025年的数据"]


def test_thresholds_are_the_users_to_set(clean: Path, tmp_path: Path) -> None:
    rows = _rows(clean)
    region = sorted({row[0] for row in rows[1:]})[0]
    line = _line(rows, region, "九年义务教育巩固率", 2023)
    rows[line - 1][3] = str(float(rows[line - 1][3].rstrip("%")) - 5)
    path = tmp_path / "f.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    assert findings(path)[0] == 0  # 5 points: within the default 20 % of the figure
    strict = runner.invoke(app, ["lint", "hanzhong", str(path), "--jump-share", "0.02",
                                 "--jump-steps", "1", "-f", "json"])  # fmt: skip
    assert strict.exit_code == 1
    assert {f["code"] for f in json.loads(strict.stdout)["problems"]} == {"jump"}


def test_nonsense_thresholds_are_refused(clean: Path) -> None:
    result = runner.invoke(app, ["lint", "hanzhong", str(clean), "--jump-share", "-1"])
    assert result.exit_code == 2
    result = runner.invoke(app, ["lint", "hanzhong", str(clean), "--outlier-regions", "0"])
    assert result.exit_code == 2


def _write(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def test_a_file_of_dashes_is_checks_error_and_a_county_of_dashes_is_missing(
    clean: Path, tmp_path: Path
) -> None:
    """A file without one figure is the error check stops at (lint said 1 个文件均有效); a
    county, or an indicator, typed in but every cell a dash has each cell missing (both
    passed in silence, and check left the county out without a word)."""
    rows = _rows(clean)
    regions = list(dict.fromkeys(row[0] for row in rows[1:]))
    dashes = _write(tmp_path / "dashes.csv", [rows[0]] + [[*row[:3], "—"] for row in rows[1:]])
    code, found = findings(dashes)
    assert code == 2  # check's error
    assert [(f["code"], f["level"]) for f in found] == [("no-figures", "error")]
    header = _write(tmp_path / "header.csv", [rows[0]])
    assert [f["code"] for f in findings(header)[1]] == ["no-figures"]

    county = [row if row[0] != regions[0] else [*row[:3], "—"] for row in rows]
    code, found = findings(_write(tmp_path / "county.csv", county))
    missing = [f for f in found if f["code"] == "missing"]
    indicators = {row[1] for row in rows[1:]}
    assert len(missing) == len(indicators) * 5  # every indicator, 2021–2025
    assert all(regions[0] in f["message"] for f in missing)

    name = rows[1][1]
    dashed = [row if row[1] != name else [*row[:3], "--"] for row in rows]
    code, found = findings(_write(tmp_path / "indicator.csv", dashed))
    assert sum(f["code"] == "missing" and name in f["message"] for f in found) == 8 * 5

    unknown = [*rows, [regions[0], "不存在的指标", "2023", "—"]]  # refused by check, dashes or not
    code, found = findings(_write(tmp_path / "unknown.csv", unknown))
    assert [(f["code"], f["level"]) for f in found] == [("unknown-indicator", "error")]

    checked = runner.invoke(app, ["check", "hanzhong", str(tmp_path / "county.csv"), "-f", "csv"])
    assert f"1个地区有数据行但没有任何数据（{regions[0]}），未列入结果" in checked.stderr
    assert regions[0] not in checked.stdout


def test_lint_words_findings_in_english_and_refuses_a_mistyped_engine(
    clean: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = _rows(clean)
    at = _line(rows, rows[1][0], "九年义务教育巩固率", 2023)
    rows[at - 1][3] = "60"
    path = _write(tmp_path / "jump.csv", rows[:-1])  # and the last county's last cell missing
    result = runner.invoke(app, ["lint", "hanzhong", str(path), "--lang", "en"])
    assert (
        f"{rows[-1][0]}, {rows[-1][1]} has no figure for {rows[-1][2]} [missing]" in result.stdout
    )
    jump = next(line for line in result.stdout.splitlines() if "[jump]" in line)
    assert f"{rows[1][0]}, 九年义务教育巩固率 2023 is '60'" in jump  # not a Chinese comma
    assert "，" not in result.stdout  # nor in the missing cells' and the ranges' lines
    monkeypatch.setenv("PSPLAN_ENGINE", "row")
    result = runner.invoke(app, ["lint", "hanzhong", str(clean)])
    assert result.exit_code == 2
    assert "PSPLAN_ENGINE" in result.stderr


def test_an_outliers_score_is_shown_past_the_threshold() -> None:
    """One decimal, or as many as show the score past the threshold: 3.50004 flagged beside
    3.5 read "3.5" (a trial's reader took it for a score at the threshold, not past it)."""
    from psplan.assess.lint import shown_score

    assert shown_score(-10.63, 3.5) == -10.6
    assert shown_score(3.5004, 3.5) == 3.5004
    assert shown_score(-3.50004, 3.5) == -3.50004
    assert shown_score(3.5000000605, 3.5) == 3.5000001
    assert shown_score(3.5 + 1e-14, 3.5) == 3.5  # past it by float noise alone: as it is


def test_a_reference_region_has_no_cells_of_its_own_to_fill_in(clean: Path, tmp_path: Path) -> None:
    """陕西省 is the level above 汉中: its rows are references (check keeps them apart), not a
    county that left 80 cells empty, and its 2020 figure makes no year the counties missed."""
    path = tmp_path / "with-reference.csv"
    name = "每千人口拥有3岁以下婴幼儿托位数"
    path.write_text(clean.read_text("utf-8") + f"陕西省,{name},2020,3.2\n陕西省,{name},2023,4.0\n",
                    "utf-8")  # fmt: skip
    assert findings(path) == findings(clean) == (0, [])


def test_a_reference_value_of_an_indicator_no_county_reports_asks_none_for_it(
    clean: Path, tmp_path: Path
) -> None:
    """The province's figure of an indicator the counties do not report (a reference to
    compare with) is no column of the completeness matrix: it made every county miss it."""
    name = "每千人口拥有3岁以下婴幼儿托位数"
    lines = clean.read_text("utf-8").splitlines(keepends=True)
    without = [line for line in lines if f",{name}," not in line]
    assert len(without) < len(lines)
    path = tmp_path / "province-only.csv"
    path.write_text("".join(without) + f"陕西省,{name},2023,4.0\n", "utf-8")
    bare = tmp_path / "without.csv"
    bare.write_text("".join(without), "utf-8")
    assert findings(path) == findings(bare) == (0, [])


def test_a_jump_in_a_reference_regions_figures_is_warned_by_check_as_by_lint(
    clean: Path, tmp_path: Path
) -> None:
    """陕西省's 人均预期寿命 77 → 97.5 → 78 (a typo in the province's row): lint found the jump,
    check kept the row apart and said nothing. Both say it now, in the same words, at its row;
    no county is an outlier beside the province (it is no region of theirs)."""
    path = tmp_path / "province-jump.csv"
    path.write_text(clean.read_text("utf-8") + "陕西省,人均预期寿命,2021,77\n"
                    "陕西省,人均预期寿命,2022,97.5\n陕西省,人均预期寿命,2023,78\n",
                    "utf-8")  # fmt: skip
    code, found = findings(path)
    assert code == 1 and [(p["code"], p["line"]) for p in found] == [("jump", 2 + len(
        clean.read_text("utf-8").splitlines()))]  # fmt: skip
    assert "陕西省，人均预期寿命2022年为“97.5”" in found[0]["message"]
    checked = runner.invoke(app, ["check", "hanzhong", str(path)])
    assert checked.exit_code in (0, 1)
    warned = [line for line in checked.stderr.splitlines() if "warning" in line]
    assert warned[0] == f"psplan: warning: {path}:{found[0]['line']}: {found[0]['message']}"
    # and no other but check's own: hanzhong's whole-city totals judged county by county
    assert len(warned) == 2 and "5个指标的目标是全市的总量" in warned[1]


def test_two_different_reference_values_are_checks_error(clean: Path, tmp_path: Path) -> None:
    """陕西省 and 全省 both stand for the province: two values for one year is the error check
    stops at, and lint names it the same way (it passed the file)."""
    path = tmp_path / "references.csv"
    path.write_text(clean.read_text("utf-8") + "陕西省,人均预期寿命,2023,78.5\n"
                    "全省,人均预期寿命,2023,78.6\n", "utf-8")  # fmt: skip
    code, found = findings(path)
    checked = runner.invoke(app, ["check", "hanzhong", str(path)])
    assert code == checked.exit_code == 2  # check's error, the same code
    assert [(p["level"], p["code"]) for p in found] == [("error", "duplicate")]
    assert (
        found[0]["message"]
        == "人均预期寿命 2023 年有两个不同的参照值：78.5（陕西省）和 78.6（全省）"
    )
    assert found[0]["message"] in checked.stderr


@pytest.mark.parametrize("engine", ["rows", "columnar"])
def test_a_unit_after_the_indicators_name_that_is_not_the_plans_is_checks_error(
    tmp_path: Path, engine: str
) -> None:
    """中等职业教育招生数（人） for a count the plan measures in 万人: 11,000 人 was judged as
    11,000 万人, met, and lint passed it. Now check's error, once, at its first row, in lint
    too (as 9500人 in a cell is); the plan's own unit after the name is read as before."""
    name = "中等职业教育招生数"
    rows = [
        f"京{r:03d}县,{name}（人）,{y},{9000 + r}" for r in range(300) for y in range(2021, 2026)
    ]
    path = tmp_path / "in-people.csv"
    path.write_text("地区,指标,年份,数值\n" + "\n".join(rows) + "\n", "utf-8")
    env = {"PSPLAN_ENGINE": engine}
    checked = runner.invoke(app, ["check", "ankang", str(path), "-o", str(tmp_path / "o.json")],
                            env=env)  # fmt: skip
    said = f"指标“{name}（人）”注明的单位是 人，但{name}（不含技工）的计量单位是 万人"
    assert checked.exit_code == 2 and checked.stderr == f"psplan: error: {path}:2: {said}\n"
    linted = runner.invoke(app, ["lint", "ankang", str(path), "-f", "json"], env=env)
    found = json.loads(linted.stdout)["problems"]
    assert linted.exit_code == 2  # an error, as check's and validate's are (a warning is 1)
    assert [(p["line"], p["code"], p["message"]) for p in found] == [(2, "bad-value", said)]
    path.write_text(path.read_text("utf-8").replace("（人）", "（万人）"), "utf-8")
    assert runner.invoke(app, ["check", "ankang", str(path), "-o", str(tmp_path / "o.json")],
                         env=env).exit_code in (0, 1)  # fmt: skip


@pytest.mark.parametrize("engine", ["rows", "columnar"])
def test_percentages_written_as_fractions_are_said(tmp_path: Path, engine: str) -> None:
    """0.8282 for 82.82 % (an export of Excel's stored fraction) of a rate whose target is
    90 %: judged as 0.83 %, far behind, and nobody told (a trial's finding). check names the
    first and counts the rest; lint names each; the same figures as percentages are none."""
    name = "免费孕前优生健康检查率"
    rows = [f"京{n:03d}县,{name},{year},0.{82 + n}{year - 2020}"
            for n in range(3) for year in (2021, 2022, 2023)]  # fmt: skip
    path = tmp_path / "fractions.csv"
    path.write_text("地区,指标,年份,数值\n" + "\n".join(rows) + "\n", "utf-8")
    report = psplan.check("ankang", path, engine=engine)
    said = [str(w.words) for w in report.warnings if w.code == "range"]
    assert said == [
        f"“0.821”像是写成小数的百分比：{name}以 % 计（目标值 90）；若是 82.1%，请写 82.1",
        f"{name}另有 8 个数据像是写成小数的百分比",
    ]
    found = psplan.lint("ankang", path, engine=engine)
    assert [p.location.line for p in found if p.code == "range"] == list(range(2, 11))
    assert (
        str(found[0].words)
        == f"京000县，{name}2021年为“0.821”，像是写成小数的百分比（以 % 计，目标值 90）；"
        "若是 82.1%，请写 82.1"  # check's correction too (a CI engineer's trial)
    )
    rows = [f"京{n:03d}县,{name},{year},{82 + n}.{year - 2020}"
            for n in range(3) for year in (2021, 2022, 2023)]  # fmt: skip
    path.write_text("地区,指标,年份,数值\n" + "\n".join(rows) + "\n", "utf-8")  # as percentages
    assert not [
        w for w in psplan.check("ankang", path, engine=engine).warnings if w.code == "range"
    ]


def test_lint_and_check_name_a_range_with_its_unit(tmp_path: Path) -> None:
    """A share past 100 %: check said “（0–100%）” and lint “（0–100）” for the same figure, and
    only lint named the region and the year (two trials' findings); both say all of it alike."""
    path = tmp_path / "range.csv"
    path.write_text(
        "地区,指标,年份,数值\n全市,免费孕前优生健康检查率,2021,82.5\n"
        "全市,免费孕前优生健康检查率,2022,101.5\n",
        "utf-8",
    )
    found = [str(p.words) for p in psplan.lint("ankang", path) if p.code == "range"]
    assert found == ["全市，免费孕前优生健康检查率2022年为“101.5”，超出合理范围（0–100%）"]
    said = [str(w.words) for w in psplan.check("ankang", path).warnings if w.code == "range"]
    assert said[0].startswith(found[0] + "；请核实该数据")  # the region and year too


def test_lint_says_which_explanations_check_will_not_use(tmp_path: Path) -> None:
    """lint called a reasons.yaml valid (exit 0) while check warned that some of its
    explanations go unused (a trial's finding): lint keeps the explanations as check keeps
    them and says the same warnings, at the same lines."""
    figures = tmp_path / "counties.csv"
    figures.write_text(
        "地区,指标,年份,数值\n汉滨区,免费孕前优生健康检查率,2023,85\n"
        "汉阴县,免费孕前优生健康检查率,2023,86\n",
        "utf-8",
    )
    reasons = tmp_path / "reasons.yaml"
    reasons.write_text(
        "免费孕前优生健康检查率:\n  原因分析: 全市的\n  汉滨区:\n    原因分析: 用上\n"
        "  紫阳县:\n    原因分析: 没有数据\n",
        "utf-8",
    )
    found = [(str(p.location), str(p.words)) for p in psplan.lint("ankang", [figures, reasons])]
    said = [(str(w.location), str(w.words)) for w in
            psplan.check("ankang", [figures, reasons]).warnings if w.code == "remarks"]  # fmt: skip
    assert found == said
    assert [where for where, _ in found] == [f"{reasons}:2:9", f"{reasons}:6:11"]


@pytest.mark.parametrize("engine", ["rows", "columnar"])
def test_a_steady_climb_to_a_target_is_no_jump_where_the_plan_prints_no_baseline(
    tmp_path: Path, engine: str
) -> None:
    """汉中 prints no baselines: every step was 0, and 托位数 1.5 → 2.2 → 3.0 → 3.8 on its way to
    4.6 was "变化过大" each year, the README's own example of what is no jump (trial 11, D5).
    The step is from the baseline the verdict starts from: the sheet's 基期值, else the first
    figure. A change of many steps is still one (GENERATED figures)."""
    name = "每千人口拥有3岁以下婴幼儿托位数"
    rows = [f"{region},{name},{year},{value}"
            for region, series in (("汉台区", (1.5, 2.2, 3.0, 3.8)), ("南郑区", (1.5, 2.2, 9.0, 3.8)))
            for year, value in zip(range(2021, 2025), series, strict=True)]  # fmt: skip
    path = tmp_path / "counties.csv"
    path.write_text("地区,指标,年份,数值\n" + "\n".join(rows) + "\n", encoding="utf-8")
    found = [p for p in psplan.lint("hanzhong", path, engine=engine) if p.code == "jump"]
    assert [(p.location.line, "南郑区" in str(p)) for p in found] == [(8, True), (9, True)]
    checked = psplan.check("hanzhong", path, engine=engine).warnings
    assert [p.location.line for p in checked if p.code == "jump"] == [8, 9]
    # a sheet's 基期值 is the start: from 0.5, 1.5 → 2.2 is a small step (of (4.6 − 0.5) / 5)
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(f"指标,基期值,2021,2022\n{name},0.5,1.5,2.2\n", encoding="utf-8")
    assert not [p for p in psplan.lint("hanzhong", sheet) if p.code == "jump"]
    steep = tmp_path / "steep.csv"
    steep.write_text(f"指标,基期值,2021,2022\n{name},4.5,1.5,2.2\n", encoding="utf-8")
    assert [p.location.line for p in psplan.lint("hanzhong", steep) if p.code == "jump"] == [2]


@pytest.mark.parametrize("engine", ["rows", "columnar"])
def test_no_jump_is_looked_for_between_two_years_of_the_period_before(
    tmp_path: Path, engine: str
) -> None:
    """宿州 (baseline 2020): 托位数 0.1 → 5.0 → 0.21 over 2018–2020 (GENERATED) is two jumps
    of the 十三五 years by this plan's steps; only the one into the baseline year is this
    plan's business (a 十五五 check warned of dozens of 2021–2024 changes: a trial)."""
    name = "每千人口拥有3岁以下婴幼儿托位数"
    rows = [f"{name},{year},{value}" for year, value in ((2018, 0.1), (2019, 5.0), (2020, 0.21))]
    path = tmp_path / "old.csv"
    path.write_text("指标,年份,数值\n" + "\n".join(rows) + "\n", encoding="utf-8")
    found = [p for p in psplan.lint("suzhou", path, engine=engine) if p.code == "jump"]
    assert [(p.location.line, p.words.args["before"]) for p in found] == [(4, 2019)]


@pytest.mark.parametrize("engine", ["rows", "columnar"])
def test_a_missing_cell_written_as_a_dash_is_said_at_its_row(tmp_path: Path, engine: str) -> None:
    """旬阳市,每万人全科医生数,2022,— was said missing with no line, though the row is there
    (trial 12, D12); a cell with no row at all is said in its file (GENERATED figures)."""
    path = tmp_path / "c.csv"
    path.write_text("地区,指标,年份,数值\n汉台区,人均预期寿命,2021,78\n汉台区,人均预期寿命,2022,—\n"
                    "南郑区,人均预期寿命,2021,77\n城固县,人均预期寿命,2021,76\n"
                    "城固县,人均预期寿命,2022,76.5\n", encoding="utf-8")  # fmt: skip
    missing = [(p.location.line, "南郑区" in str(p)) for p in psplan.lint("hanzhong", path,
               engine=engine) if p.code == "missing"]  # fmt: skip
    assert missing == [(3, False), (0, True)]


@pytest.mark.parametrize("engine", ["rows", "columnar"])
def test_running_totals_are_compared_with_running_totals(tmp_path: Path, engine: str) -> None:
    """`[4.66]`, a county's 城镇新增就业人数 of 2021–2023 written as its running total, was
    an outlier among the other counties' yearly amounts of 2023, and its result said
    "3个年度值累计" of one total and two yearly figures (a new user's trial). Running totals
    are a group of their own (six counties here: one ten times the others is an outlier),
    and the reason says what was added."""
    name = "城镇新增就业人数"
    path = generate_actuals("ankang", tmp_path / "counties.csv", "--regions", "10")
    rows = _rows(path)
    regions = sorted({row[0] for row in rows[1:]})

    def running_total(region: str) -> int:  # 2023's figure made the total of 2021–2023
        years = [_line(rows, region, name, year) for year in (2021, 2022, 2023)]
        total = sum(float(rows[line - 1][3]) for line in years)
        rows[years[-1] - 1][3] = f"[{total:.2f}]"
        return years[-1]

    first = running_total(regions[0])
    _write(path, rows)
    assert not [p for p in psplan.lint("ankang", path, engine=engine) if p.location.line == first]
    report = psplan.check("ankang", path, engine=engine)
    plan = psplan.load_plan("ankang")
    result = next(r for r in report.results if r.region == regions[0] and r.indicator.name == name)
    assert result.to_dict(plan)["reason"].startswith("2023年累计数加其后2个年度值")
    lines = [first] + [running_total(region) for region in regions[1:6]]
    far = lines[1]
    rows[far - 1][3] = f"[{10 * float(rows[far - 1][3].strip('[]')):.2f}]"
    _write(path, rows)
    outliers = [p for p in psplan.lint("ankang", path, engine=engine) if p.code == "outlier"]
    assert [p.location.line for p in outliers if p.location.line in lines] == [far]
    assert "同年6个地区的中位数" in str(next(p for p in outliers if p.location.line == far).words)


@pytest.mark.parametrize("engine", ["rows", "columnar"])
def test_a_mistyped_county_is_named_with_the_county_it_may_mean(
    clean: Path, tmp_path: Path, engine: str
) -> None:
    """One row's county mistyped (京001镇 for 京001县, 冀01县 for 冀001县) made a region
    of its own with one figure, the county lost it, and `check` said nothing; lint buried
    it under 63 missing cells each (a new user's trial). Both say it in one warning, with
    the county meant; the clean file says nothing of it (test_a_clean_file_has_no_finding)."""
    rows = _rows(clean)
    regions = sorted({row[0] for row in rows[1:]})
    first, second = (_line(rows, regions[0], "九年义务教育巩固率", 2023),
                     _line(rows, regions[1], "每千人口拥有医疗卫生机构床位数", 2024))  # fmt: skip
    typed = {first: regions[0][:-1] + "镇", second: regions[1][:1] + regions[1][2:]}
    for line, name in typed.items():
        rows[line - 1][0] = name
    path = _write(tmp_path / "typo.csv", rows)
    said = (
        f"2个地区只有少数指标有数据（“{typed[first]}”仅1个，是否是指“{regions[0]}”；"
        f"“{typed[second]}”仅1个，是否是指“{regions[1]}”），其他地区多为"
    )
    found = [p for p in psplan.lint("hanzhong", path, engine=engine) if p.code == "region"]
    assert [str(p.words).split("其他地区多为")[0] + "其他地区多为" for p in found] == [said]
    warned = psplan.check("hanzhong", path, engine=engine).warnings
    assert [str(w.words) for w in warned if w.code == "region"] == [str(found[0].words)]
    # at the first mistyped row, not in no row of the file (a trial's finding)
    assert [str(w.location) for w in warned if w.code == "region"] == [f"{path}:{first}"]
    assert str(found[0].location) == f"{path}:{first}"


@pytest.mark.parametrize("engine", ["rows", "columnar"])
def test_fractions_of_a_rate_printed_without_a_unit_are_said(tmp_path: Path, engine: str) -> None:
    """汉中's 基本医疗保险参保率 (>96) and 养老机构护理型床位占比 (55, binding) have no unit in the
    plan: 0.972 and 0.53 were judged as themselves, not met, without a word (a new user's
    trial). Their targets are percentages', so the fraction is said as for a % indicator;
    汉中's counts and amounts without a unit are not rates and say nothing."""
    path = tmp_path / "fractions.csv"
    path.write_text("指标,年份,数值\n基本医疗保险参保率,2025,0.972\n养老机构护理型床位占比,2025,0.53\n"
                    "城镇老旧小区改造,2025,0.5\n", "utf-8")  # fmt: skip
    report = psplan.check("hanzhong", path, stage="final", engine=engine)
    said = [(w.location.line, str(w.words)) for w in report.warnings if w.code == "range"]
    assert said == [
        (
            2,
            "“0.972”像是写成小数的百分比：基本医疗保险参保率以 % 计（目标值 >96）；若是 97.2%，请写 97.2",
        ),
        (
            3,
            "“0.53”像是写成小数的百分比：养老机构护理型床位占比以 % 计（目标值 55）；若是 53%，请写 53",
        ),
    ]
    found = psplan.lint("hanzhong", path, engine=engine)
    assert [p.location.line for p in found if p.code == "range"] == [2, 3]


@pytest.mark.parametrize("engine", ["rows", "columnar"])
def test_a_figure_a_thousand_times_its_target_is_said(tmp_path: Path, engine: str) -> None:
    """养老服务床位总量 40000 (张) against the plan's 3.96 万张 was judged 完成 without a word
    (a new user's trial). A figure over a thousand times a count's or an amount's target is
    said, as a fraction is: check names the first and counts the rest, lint names each. The
    城镇老旧小区改造 1300 beside its 1246 says nothing."""
    path = tmp_path / "beds.csv"
    path.write_text("指标,年份,数值\n养老服务床位总量,2024,38000\n养老服务床位总量,2025,40000\n"
                    "城镇老旧小区改造,2025,1300\n", "utf-8")  # fmt: skip
    report = psplan.check("hanzhong", path, engine=engine)
    said = [(w.location.line, str(w.words)) for w in report.warnings if w.code == "range"]
    assert said == [
        (
            2,
            "“38000”比目标值 3.96万张 大一千倍以上，像是用了另一个单位：请核实养老服务床位总量的单位",
        ),
        (0, "养老服务床位总量另有 1 个数据比目标值大一千倍以上"),
    ]
    found = [p for p in psplan.lint("hanzhong", path, engine=engine) if p.code == "range"]
    assert [p.location.line for p in found] == [2, 3]
    assert str(found[1].words) == (
        "养老服务床位总量2025年为“40000”，比目标值 3.96万张 大一千倍以上，像是用了另一个单位"
    )
    # and it is not judged as it stands (40000 ≥ 3.96: 已达标, when 40000 张 is 4 万张):
    # a person must look at it, on both paths alike
    beds = next(r for r in report.results if r.indicator.name == "养老服务床位总量")
    assert (beds.status, beds.verdict.actual) == ("needs_review", 40000)
    assert beds.verdict.reason().endswith(
        "；40000比目标值 3.96 大一千倍以上，像是用了另一个单位：核实单位后再评价"
    )
    renovation = next(r for r in report.results if r.indicator.name == "城镇老旧小区改造")
    assert renovation.status == "met"


def test_a_county_with_a_figure_in_another_unit_is_to_review_on_both_paths(tmp_path: Path) -> None:
    """At county scale the status comes from duckdb: the county whose figure is in 张 is
    left to Python's judge, and both paths give every county the same verdict."""
    lines = ["地区,指标,年份,数值"]
    for n in range(8):
        value = 39000 if n == 3 else 3.5 + n / 10  # 县3 reported in 张
        lines += [f"县{n},养老服务床位总量,2021,3.2", f"县{n},养老服务床位总量,2023,{value}"]
    path = tmp_path / "counties.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    judged = {}
    for engine in ("rows", "columnar"):
        report = psplan.check("hanzhong", path, engine=engine)
        judged[engine] = [(r.region, r.status, r.verdict.actual, r.verdict.reason())
                          for r in report.results if r.indicator.name == "养老服务床位总量"]  # fmt: skip
        assert report.summary()["needs_review"] == 1, engine
    assert judged["rows"] == judged["columnar"]
    assert judged["rows"][3][:3] == ("县3", "needs_review", 39000)
    assert all(status != "needs_review" for _, status, _, _ in judged["rows"][:3])


@pytest.mark.parametrize("engine", ["rows", "columnar"])
def test_lint_reads_the_rows_as_check_does_with_the_same_overrides(
    tmp_path: Path, engine: str
) -> None:
    """汉中's 城镇老旧小区改造 reported as [1250]: check takes it with the overrides file that
    reads the row as a five-year total; lint could not, and said its error on every run."""
    path = tmp_path / "a.csv"
    path.write_text("指标,年份,数值\n城镇老旧小区改造,2023,[1250]\n", encoding="utf-8")
    overrides = ROOT / "examples" / "hanzhong-overrides.yaml"
    plain = psplan.lint("hanzhong", path, engine=engine)
    assert [p.code for p in plain if p.level == "error"] == ["bad-value"]
    assert not [p for p in psplan.lint("hanzhong", path, engine=engine, overrides=overrides)
                if p.level == "error"]  # fmt: skip
    done = CliRunner().invoke(app, ["lint", "hanzhong", str(path), "--overrides", str(overrides)])
    assert done.exit_code == 0, done.output


@pytest.mark.parametrize("engine", ["rows", "columnar"])
def test_the_whole_collection_names_the_indicators_nobody_reported(
    clean: Path, tmp_path: Path, engine: str
) -> None:
    """The 27 indicators no department reported (退役军人安置率, binding) went unsaid: the
    completeness matrix has only the indicators given a row (a final evaluation's trial).
    `--all-indicators` names them, the binding ones first, on both paths; a department's
    own file, linted without it, is not told of the rest. The clean county file has all."""
    plan = psplan.load_plan("hanzhong")
    binding = next(i for i in plan.indicators if i.is_binding)
    expected = next(i for i in plan.indicators if not i.is_binding)
    rows = _rows(clean)
    dropped = _write(tmp_path / "counties.csv", [rows[0]] + [
        row for row in rows[1:] if row[1] not in (binding.name, expected.name)
    ])  # fmt: skip
    assert len(_rows(dropped)) < len(rows)

    def lint(path: Path, *options: str) -> list[dict]:
        done = runner.invoke(app, ["lint", "hanzhong", str(path), "-f", "json", *options],
                             env={"PSPLAN_ENGINE": engine})  # fmt: skip
        return json.loads(done.stdout)["problems"]

    assert lint(dropped) == [] and lint(clean, "--all-indicators") == []
    said = lint(dropped, "--all-indicators")
    assert [(p["code"], p["level"], p["message"]) for p in said] == [
        ("unreported", "warning", "2个主要指标没有任何数据（其中约束性指标1个，列在前面）："
                                  f"{binding.name}、{expected.name}"),
    ]  # fmt: skip
    found = psplan.lint("hanzhong", dropped, all_indicators=True, engine=engine)
    assert [p.code for p in found] == ["unreported"]


@pytest.mark.parametrize("engine", ["rows", "columnar"])
def test_figures_in_scientific_notation_are_said(tmp_path: Path, engine: str) -> None:
    """A department's CSV saved from Excel where a column was too narrow: 1.23457E+11 is how
    Excel shows (and saves) 123456789012, six significant digits left. The figure is judged
    as it reads, and said: check names the first of each indicator and counts the rest, lint
    names each (generated figures: 人 written for 万人, and a rate)."""
    name, rate = "城镇新增就业人数", "普惠性幼儿园覆盖率"
    path = tmp_path / "excel.csv"
    path.write_text(
        "地区,指标,年份,数值\n"
        f"京001县,{name},2022,1.23457E+05\n"
        f"京002县,{name},2022,2.2E+05\n"
        f"京001县,{rate},2022,9.15E+01\n"
        f"京002县,{rate},2022,88.6\n"
        f"京001县,{name},2023,123456\n",
        "utf-8",
    )
    report = psplan.check("ankang", path, engine=engine)
    said = [(w.location.line, str(w.words)) for w in report.warnings if w.code == "scientific"]
    assert said == [
        (2, "“1.23457E+05”是科学计数法：Excel 在单元格放不下长数字时这样显示（只留 6 位有效数字），"
            f"另存为 CSV 时也这样写，后面的位数可能已丢失；{name}按 123457 评价。请把该列设为“数值”格式"
            "后重新导出"),
        (4, f"“9.15E+01”是科学计数法：Excel 在单元格放不下长数字时这样显示（只留 6 位有效数字），"
            f"另存为 CSV 时也这样写，后面的位数可能已丢失；{rate}按 91.5 评价。请把该列设为“数值”格式"
            "后重新导出"),
        (0, f"{name}另有 1 个数据是科学计数法"),
    ]  # fmt: skip
    judged = {(r.region, r.indicator.name): r for r in report.results}
    assert judged[("京002县", rate)].verdict.actual == 88.6
    assert judged[("京001县", rate)].verdict.actual == 91.5  # judged as it reads
    found = [p for p in psplan.lint("ankang", path, engine=engine) if p.code == "scientific"]
    assert [(p.location.line, str(p.words).rpartition("按 ")[2]) for p in found] == [
        (2, "123457 计"), (3, "220000 计"), (4, "91.5 计"),
    ]  # fmt: skip
    path.write_text(path.read_text("utf-8").replace("E+05", "").replace("9.15E+01", "91.5"))
    assert not [w for w in psplan.check("ankang", path, engine=engine).warnings
                if w.code == "scientific"]  # fmt: skip


@pytest.mark.parametrize("engine", ["rows", "columnar"])
def test_counties_are_not_asked_for_the_citys_own_indicators(tmp_path: Path, engine: str) -> None:
    """卫健委 reports 免费孕前优生健康检查率 for the city alone; 生态环境局 its counties'
    森林覆盖率 (GENERATED figures, a trial's files): lint said each county lacked the
    卫健委 indicator every year — 500 warnings in the city's file, burying the real ones. A
    county is asked for what the counties report; the city for everything."""
    path = tmp_path / "全市与各县.csv"
    path.write_text(
        "地区,指标,年份,数值\n全市,免费孕前优生健康检查率,2021,80\n全市,免费孕前优生健康检查率,2022,82\n"
        "全市,森林覆盖率,2021,66\n汉滨区,森林覆盖率,2021,68\n汉阴县,森林覆盖率,2022,71\n",
        "utf-8",
    )
    assert missing_cells("ankang", path, engine) == [
        "全市，森林覆盖率缺少2022年的数据",
        "汉滨区，森林覆盖率缺少2022年的数据",
        "汉阴县，森林覆盖率缺少2021年的数据",
    ]
    if engine == "rows":  # the city's file without a region column beside the counties'
        city, counties = tmp_path / "卫健委.csv", tmp_path / "生态环境局.csv"
        city.write_text("指标,2021,2022\n免费孕前优生健康检查率,80,82\n", "utf-8")
        counties.write_text("地区,指标,年份,数值\n汉滨区,森林覆盖率,2021,68\n"
                            "汉阴县,森林覆盖率,2021,71\n", "utf-8")  # fmt: skip
        found = psplan.lint("ankang", [city, counties])
        assert not [p for p in found if p.code == "missing" and "免费孕前" in str(p.words)]


@pytest.mark.parametrize("engine", ["rows", "columnar"])
def test_a_hundred_percent_written_as_one_is_a_fraction_too(tmp_path: Path, engine: str) -> None:
    """A county whose every rate was written as a fraction (GENERATED figures, a trial's
    file): 0.97, 0.99 were left to a person, but its final 1.0000 — 100 %, the target met —
    was judged 未达标 against ≥100 (binding), with no warning on the row judged. 1 is a
    fraction of these rates too."""
    name = "城区网格化管理覆盖率"
    path = tmp_path / "晋001县.csv"
    path.write_text(
        "地区,指标,年份,数值\n"
        + "".join(f"晋001县,{name},{year},{figure}\n"
                  for year, figure in ((2021, "0.9700"), (2023, "0.9900"), (2025, "1.0000"))),
        "utf-8",
    )  # fmt: skip
    report = psplan.check("ankang", path, engine=engine)
    (result,) = [r for r in report.results if r.indicator.name == name]
    assert (result.status, result.verdict.actual) == ("needs_review", 1.0)
    assert result.to_dict(report.plan)["reason"].endswith(
        "1像是写成小数的百分比（即 100%）：核实单位后再评价"
    )
    with use_lang("zh"):
        said = [str(w.words) for w in report.warnings if w.code == "range"]
    assert said[-1] == f"{name}另有 2 个数据像是写成小数的百分比"
    found = psplan.lint("ankang", path, engine=engine)
    assert [p.location.line for p in found if p.code == "range"] == [2, 3, 4]


def test_a_file_lint_cannot_read_is_in_its_json_and_annotations(tmp_path: Path) -> None:
    """An empty file, a missing one or a broken plan stopped lint with one line on stderr and
    nothing on stdout: a CI step parsing `-f json` broke, and `-f github` gave no annotation
    (a trial's finding), where validate puts such a file in both. Text keeps the one line."""
    empty = tmp_path / "empty.csv"
    empty.write_text("", "utf-8")
    found = runner.invoke(app, ["lint", "national", str(empty), "-f", "json"])
    assert found.exit_code == 2
    (problem,) = json.loads(found.stdout)["problems"]
    assert (problem["file"], problem["line"], problem["level"], problem["code"]) == (
        str(empty), 1, "error", "read",
    )  # fmt: skip
    missing = tmp_path / "nonexist.csv"
    annotated = runner.invoke(app, ["lint", "national", str(missing), "-f", "github"])
    assert annotated.exit_code == 2
    assert annotated.stdout.startswith(f"::error file={missing},title=read::")
    broken = tmp_path / "plan.yaml"
    broken.write_text("id: x\n", "utf-8")
    planned = runner.invoke(app, ["lint", str(broken), str(empty), "-f", "json"])
    assert planned.exit_code == 2
    assert {p["code"] for p in json.loads(planned.stdout)["problems"]} == {"schema"}
    text = runner.invoke(app, ["lint", "national", str(empty)])
    assert text.exit_code == 2 and text.stdout == ""
    assert text.stderr == f"psplan: error: {empty}:1: 文件为空\n"


@pytest.mark.parametrize("engine", ["rows", "columnar"])
def test_a_year_no_row_gives_is_missing_between_the_first_and_the_last(
    tmp_path: Path, engine: str
) -> None:
    """2022's rows dropped from a file of 2021–2023 (GENERATED figures, a trial's file): lint
    said nothing — its matrix had the years some row gives — while check summed a five-year
    total without 2022. Every year from the first to the last is in the matrix; a file of
    one year asks for no other (a department's annual monitoring)."""
    path = tmp_path / "gap.csv"
    path.write_text(
        "地区,指标,年份,数值\n甲县,人均预期寿命,2021,76\n甲县,人均预期寿命,2023,77\n"
        "乙县,人均预期寿命,2021,75\n乙县,人均预期寿命,2023,76\n",
        "utf-8",
    )
    assert missing_cells("hanzhong", path, engine) == [
        "甲县，人均预期寿命缺少2022年的数据", "乙县，人均预期寿命缺少2022年的数据",
    ]  # fmt: skip
    path.write_text("地区,指标,年份,数值\n甲县,人均预期寿命,2023,77\n乙县,人均预期寿命,2023,76\n",
                    "utf-8")  # fmt: skip
    assert not psplan.lint("hanzhong", path, engine=engine)


@pytest.mark.parametrize("engine", ["rows", "columnar"])
def test_a_last_year_given_only_dashes_is_missing(tmp_path: Path, engine: str) -> None:
    """2024's cells all typed — (a department's sheet for a year not yet in, GENERATED
    figures): the matrix ended at 2023, the last year with a figure, and lint said nothing
    of them (a trial's finding); each is missing, at its row."""
    path = tmp_path / "dashes.csv"
    path.write_text(
        "地区,指标,年份,数值\n甲县,人均预期寿命,2023,76\n甲县,人均预期寿命,2024,—\n"
        "乙县,人均预期寿命,2023,75\n乙县,人均预期寿命,2024,—\n",
        "utf-8",
    )
    found = [(p.location.line, p.words.render("zh")) for p in psplan.lint("hanzhong", path,
             engine=engine) if p.code == "missing"]  # fmt: skip
    assert found == [
        (3, "甲县，人均预期寿命缺少2024年的数据"),
        (5, "乙县，人均预期寿命缺少2024年的数据"),
    ]


@pytest.mark.parametrize("engine", ["rows", "columnar"])
def test_cells_a_verdict_does_not_read_are_not_missing(tmp_path: Path, engine: str) -> None:
    """22 of a trial's 52 missing cells were none (trial 18; GENERATED figures): 2020 asked
    of a five-year total, which starts from zero; 2021–2024 asked of a county that reports
    the total as [49] in 2025 (a running total: the years before are in it); 2020 asked of a
    county whose sheet gives its 基期值. A level's baseline year is still asked for (a
    county's own 2020 figure is its baseline), and a gap after a running total is missing."""
    path = tmp_path / "cum.csv"
    path.write_text(
        "指标,地区,年份,数值\n"
        "城镇老旧小区改造,滁州市,2021,52\n城镇老旧小区改造,滁州市,2022,61\n"
        "城镇老旧小区改造,滁州市,2023,58\n城镇老旧小区改造,滁州市,2025,45\n"
        "城镇老旧小区改造,琅琊区,2025,[49]\n"
        "城镇老旧小区改造,南谯区,2022,[30]\n城镇老旧小区改造,南谯区,2024,12\n"
        "学前教育毛入园率,滁州市,2020,95.53\n学前教育毛入园率,滁州市,2025,96.8\n"
        "学前教育毛入园率,琅琊区,2021,95.1\n学前教育毛入园率,琅琊区,2025,96.2\n",
        "utf-8",
    )
    assert missing_cells("chuzhou", path, engine) == [
        "滁州市，城镇老旧小区改造缺少2024年的数据",
        "南谯区，城镇老旧小区改造缺少2023年的数据",  # (after its running total of 2022)
        "南谯区，城镇老旧小区改造缺少2025年的数据",
        *(f"滁州市，学前教育毛入园率缺少{year}年的数据" for year in range(2021, 2025)),
        *(f"琅琊区，学前教育毛入园率缺少{year}年的数据" for year in (2020, 2022, 2023, 2024)),
        *(f"南谯区，学前教育毛入园率缺少{year}年的数据" for year in range(2020, 2026)),
    ]


def test_a_sheets_baseline_stands_for_the_baseline_years_figure(tmp_path: Path) -> None:
    """A collection sheet (psplan template, filled in) gives 琅琊区's 基期值 and no 2020
    column: its 2020 cell was said missing once another file gave a 2020 figure (trial 18)."""
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(
        "地区,指标,基期值,2021年,2022年,2023年,2024年,2025年\n"
        "琅琊区,学前教育毛入园率,94.2,95.1,95.3,95.6,95.9,96.2\n",
        "utf-8",
    )
    other = tmp_path / "other.csv"
    other.write_text("地区,指标,年份,数值\n滁州市,学前教育毛入园率,2020,95.53\n"
                     "滁州市,学前教育毛入园率,2025,96.8\n", "utf-8")  # fmt: skip
    with use_lang("zh"):
        found = [str(p.words) for p in psplan.lint("chuzhou", [sheet, other])
                 if p.code == "missing"]  # fmt: skip
    assert found == [f"滁州市，学前教育毛入园率缺少{year}年的数据" for year in range(2021, 2025)]


@pytest.mark.parametrize("engine", ["rows", "columnar"])
def test_a_ten_point_slip_of_a_rate_near_100_is_a_jump(tmp_path: Path, engine: str) -> None:
    """九年义务教育巩固率 (binding) 98.25 → 88.35 → 98.42, a typo of ten points, was no jump:
    a jump must also pass a fifth of the figure before, 19.7 points, which a rate near 100 %
    never moves (trial 18; GENERATED figures). Of a rate, the share is of at most a third
    of its 100 % (a fifth of it: 6.7 points): both moves are jumps; the county's steady
    climb is none, nor a point's rise near 100 %, nor a count's change of a few percent."""
    path = tmp_path / "rates.csv"
    path.write_text(
        "地区,指标,年份,数值\n"
        + "".join(f"滁州市,九年义务教育巩固率,{year},{value}\n" for year, value in
                  zip(range(2020, 2026), (98.05, 98.15, 98.25, 88.35, 98.42, 98.48), strict=True))
        + "".join(f"天长市,九年义务教育巩固率,{year},{value}\n" for year, value in
                  zip(range(2020, 2026), (96.0, 96.4, 96.9, 97.3, 98.3, 99.3), strict=True))
        + "".join(f"天长市,养老服务床位总量,{year},{value}\n" for year, value in
                  zip(range(2020, 2026), (0.30, 0.32, 0.35, 0.37, 0.40, 0.42), strict=True)),
        "utf-8",
    )  # fmt: skip
    found = [(p.code, p.location.line, p.words.render("zh"))
             for p in psplan.lint("chuzhou", path, engine=engine) if p.code == "jump"]  # fmt: skip
    assert found == [
        ("jump", 5, "滁州市，九年义务教育巩固率2023年为“88.35”，比2022年的“98.25”变化过大，请核实"),
        ("jump", 6, "滁州市，九年义务教育巩固率2024年为“98.42”，比2023年的“88.35”变化过大，请核实"),
    ]


def test_a_jump_share_written_as_a_percentage_is_said(tmp_path: Path) -> None:
    """--jump-share 20 (the README says 20 %) was taken as 2,000 % and turned the jump rule
    off without a word: 0 jumps where the default finds 6 (trial 18). It is taken, and said
    first; a share of 1 (a doubling) is a share, and says nothing."""
    path = tmp_path / "rates.csv"
    path.write_text("地区,指标,年份,数值\n" + "".join(
        f"滁州市,九年义务教育巩固率,{year},{value}\n"
        for year, value in zip(range(2020, 2024), (98.05, 98.15, 88.25, 98.3), strict=True)
    ), "utf-8")  # fmt: skip
    with use_lang("zh"):
        found = [(p.code, str(p)) for p in psplan.lint("chuzhou", path, jump_share=20)]
    assert found == [("option", "--jump-share: warning: 20 是比例：变化须超过前一年数值的 2000% "
                      "才算跳变，几乎不会发生；比例写作小数（20% 写 0.2） [option]")]  # fmt: skip
    assert [p.code for p in psplan.lint("chuzhou", path, jump_share=1)] == []
    assert [p.code for p in psplan.lint("chuzhou", path)] == ["jump", "jump"]
    ran = runner.invoke(app, ["lint", "chuzhou", str(path), "--jump-share", "20", "--lang", "en"])
    assert ran.exit_code == 1
    assert (
        "--jump-share: warning: 20 is a share: a change must pass 2000 %" in ran.stdout + ran.stderr
    )
