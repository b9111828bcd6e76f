"""十五五: `psplan init` drafts the next period from the last one's final figures, and the
`previous` links carry an indicator's series and fate across the two periods."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

import psplan
from psplan.cli import app

from conftest import generate_actuals

runner = CliRunner()


@pytest.fixture(scope="module")
def final(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated (not real) 2021–2025 file for 汉中's own area, from benchmarks/generate.py."""
    path = tmp_path_factory.mktemp("final") / "汉中2021-2025.csv"
    return generate_actuals("hanzhong", path, "--region-names", "全市")


def _init(final: Path, out: Path, *more: str):
    return runner.invoke(
        app, ["init", "hanzhong-15", "--from", "hanzhong", "--actuals", str(final),
              "--period", "2026-2030", "-o", str(out), *more],
    )  # fmt: skip


def _rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(path.open(encoding="utf-8")))


def test_init_drafts_the_next_period_with_the_final_figures_as_baselines(
    final: Path, tmp_path: Path
) -> None:
    out = tmp_path / "hanzhong-15.yaml"
    result = _init(final, out)
    assert result.exit_code == 0, result.output
    draft = yaml.safe_load(out.read_text(encoding="utf-8"))
    old = psplan.load_plan("hanzhong")
    assert draft["period"] == {"start": 2026, "end": 2030} and draft["baseline_year"] == 2025
    assert draft["draft"] is True and draft["name"] == "汉中市“十五五”公共服务规划（草案）"
    assert [i["id"] for i in draft["indicators"]] == [i.id for i in old.indicators]
    figures = _rows(final)
    by_line = {line: row for line, row in enumerate(figures, start=2)}
    based = [i for i in draft["indicators"] if "baseline" in i]
    assert len(based) >= 25
    for row in based:
        assert "target" not in row
        assert row["previous"] == {"plan": "hanzhong", "id": row["id"], "relation": "same"}
        if row["baseline"].startswith("["):
            continue  # a five-year total: the sum of the period
        source = by_line[row["baseline_source"]["line"]]  # the row it came from
        assert row["baseline_source"]["file"] == str(final)
        assert source["年份"] == "2025" and source["指标"] == row["name"]
        assert float(row["baseline"]) == pytest.approx(float(source["数值"].rstrip("%")))
    for row in draft["indicators"]:
        if "baseline" not in row:  # only text was reported (应保尽保, 是): said so
            assert row["notes"][0].startswith("截至2025年只上报了文字（2025年为“")
    # a draft validates with a warning per row without a target, and fails --strict
    checked = runner.invoke(app, ["validate", str(out)])
    assert checked.exit_code == 0
    assert checked.stdout.count("[no-target]") == len(old.indicators)
    strict = runner.invoke(app, ["validate", "--strict", str(out)])
    assert strict.exit_code == 2  # under --strict each missing target is an error, as said
    assert (
        strict.stdout.count(": error: ") == len(old.indicators) and "0 个错误" not in strict.stdout
    )
    # show and check work on a draft: the rows without a target are said to need a person
    assert runner.invoke(app, ["show", str(out)]).exit_code == 0
    report = psplan.check(out, final, year=2025, allow_outside_period=True)
    assert {r.status for r in report.results} == {"needs_review"}
    # never overwritten without --force
    again = _init(final, out)
    assert again.exit_code == 2 and "已存在" in again.stderr
    assert _init(final, out, "--force").exit_code == 0


def test_a_period_that_is_not_the_next_is_refused(final: Path, tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["init", "x", "--from", "hanzhong", "--actuals", str(final), "--period", "2024-2028",
              "-o", str(tmp_path / "x.yaml")],
    )  # fmt: skip
    assert result.exit_code == 2
    assert "在上一规划期（至2025年）之后" in result.stderr
    assert not (tmp_path / "x.yaml").exists()


def _filled(final: Path, tmp_path: Path) -> Path:
    """The draft with targets: the old qualitative ones kept, 提高 for every number; 托位数
    replaced by 入托率, 普惠性幼儿园覆盖率 renamed, 高中阶段教育毛入学率 dropped."""
    out = tmp_path / "draft.yaml"
    assert _init(final, out).exit_code == 0
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    old = {i.id: i for i in psplan.load_plan("hanzhong").indicators}
    for row in data["indicators"]:
        target = old[row["id"]].target
        row["target"] = target.raw if target.form != "number" else "提高"
    rows = data["indicators"]
    rows[0] = {
        "id": "nursery_enrolment",
        "domain": "幼有所育",
        "name": "3岁以下婴幼儿入托率",
        "unit": "%",
        "target": "提高",
        "attribute": "预期性",
        "previous": {
            "plan": "hanzhong",
            "id": "infant_care_places_per_1000",
            "relation": "replaces",
            "name": "每千人口拥有3岁以下婴幼儿托位数",
        },
    }
    rows[2]["name"] = "普惠性幼儿园覆盖率（新口径）"
    rows[2]["previous"].update(relation="renamed", name="普惠性幼儿园覆盖率")
    assert rows[5]["id"] == "high_school_gross_enrollment"
    del rows[5]
    del data["draft"]
    filled = tmp_path / "hanzhong-15.yaml"
    filled.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return filled


def test_after_the_targets_a_series_runs_across_both_periods(final: Path, tmp_path: Path) -> None:
    plan = _filled(final, tmp_path)
    assert runner.invoke(app, ["validate", "--strict", str(plan)]).exit_code == 0
    figures_2026 = tmp_path / "2026.csv"
    lines = ["地区,指标,年份,数值", "全市,学前教育毛入园率,2026,97.5",
             "全市,普惠性幼儿园覆盖率（新口径）,2026,93"]  # fmt: skip
    figures_2026.write_text("\n".join(lines) + "\n", encoding="utf-8")
    checked = runner.invoke(app, ["check", str(plan), str(figures_2026), "-f", "json"])
    assert checked.exit_code in (0, 1), checked.output
    judged = {r["id"]: r for r in json.loads(checked.stdout)["results"]}
    assert judged["preschool_gross_enrollment"]["actual_year"] == 2026
    trend = runner.invoke(app, ["trend", str(plan), str(final), str(figures_2026), "-f", "json"])
    assert trend.exit_code == 0, trend.output
    series = {
        i["id"]: [year for year, _ in i["series"]] for i in json.loads(trend.stdout)["indicators"]
    }
    assert series["preschool_gross_enrollment"] == list(range(2021, 2027))
    # the renamed indicator: figures under its old name join its series
    assert series["inclusive_kindergarten_coverage"] == list(range(2021, 2027))
    # the one that replaces 托位数 measures something else: the old figures stay out, and the
    # dropped indicator's too, each said once
    assert series.get("nursery_enrolment", []) == []
    assert "“每千人口拥有3岁以下婴幼儿托位数”已由规划hanzhong-15的“3岁以下婴幼儿入托率”替代" in (
        trend.stderr
    )
    assert "“高中阶段教育毛入学率”不是规划hanzhong-15的指标，按上一规划期" in trend.stderr
    late = tmp_path / "late.csv"  # in the plan's own years the same name is an error
    late.write_text("地区,指标,年份,数值\n全市,高中阶段教育毛入学率,2026,95\n", encoding="utf-8")
    refused = runner.invoke(app, ["check", str(plan), str(final), str(late)])
    assert refused.exit_code == 2 and "中没有指标“高中阶段教育毛入学率”" in refused.stderr


def test_a_dropped_indicators_baseline_or_reason_cell_is_skipped_with_its_row(
    final: Path, tmp_path: Path
) -> None:
    """The filled 十四五 collection sheet has 基期值 and 原因分析 cells: for an indicator the
    new plan dropped or replaced they crashed check, trend and report with an internal
    AttributeError (trial 11, D1). They are skipped with the row's warning, by lint too
    (which called the dropped indicator unknown, an error)."""
    plan = _filled(final, tmp_path)
    sheet = tmp_path / "十四五填报.csv"
    sheet.write_text(
        "指标,基期值,2024,2025,原因分析\n"
        "高中阶段教育毛入学率,94,95,96,生源增加\n"
        "每千人口拥有3岁以下婴幼儿托位数,1.2,3.2,4.1,\n"
        "学前教育毛入园率,,96,97,\n",
        encoding="utf-8",
    )
    dropped = (
        "“高中阶段教育毛入学率”不是规划hanzhong-15的指标，按上一规划期（2025年及以前）的数据跳过"
    )
    replaced = "“每千人口拥有3岁以下婴幼儿托位数”已由规划hanzhong-15的“3岁以下婴幼儿入托率”替代"
    for command in (["check"], ["trend"], ["report", "-o", str(tmp_path / "r.docx")]):
        result = runner.invoke(app, [command[0], str(plan), str(sheet), *command[1:]])
        assert result.exit_code in (0, 1), (command, result.output)
        assert (
            f"{sheet}:2: {dropped}" in result.stderr and f"{sheet}:3: {replaced}" in result.stderr
        )
    linted = runner.invoke(app, ["lint", str(plan), str(sheet)])
    assert "unknown-indicator" not in linted.stdout, linted.stdout
    assert f"{sheet}:2: warning: {dropped} [previous-period]" in linted.stdout
    assert f"{sheet}:3: warning: {replaced}" in linted.stdout


def test_compare_says_what_the_new_period_keeps_replaces_drops_and_adds(
    final: Path, tmp_path: Path
) -> None:
    plan = _filled(final, tmp_path)
    result = runner.invoke(app, ["compare", "hanzhong", str(plan), "-f", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["summary"] == {"same": 28, "renamed": 1, "replaced": 1, "dropped": 1, "new": 0}
    fates = {row["old"]: (row["fate"], row["new"]) for row in data["indicators"]}
    assert fates["infant_care_places_per_1000"] == ("replaced", "nursery_enrolment")
    assert fates["high_school_gross_enrollment"] == ("dropped", None)
    markdown = runner.invoke(app, ["compare", "hanzhong", str(plan), "-f", "markdown"]).stdout
    assert "指标：延续 28，更名 1，被替代 1，删除 1" in markdown


def test_the_api_drafts_the_same_plan_as_the_command(final: Path, tmp_path: Path) -> None:
    out = tmp_path / "cli.yaml"
    assert _init(final, out).exit_code == 0
    text = psplan.draft_next_period("hanzhong", final, "hanzhong-15", period=(2026, 2030))
    body = lambda s: s.split("\n", 1)[1]  # noqa: E731  # the first line names the command
    assert body(text) == body(out.read_text(encoding="utf-8"))


def test_a_draft_from_counties_only_says_the_area_has_no_figure(tmp_path) -> None:
    """`psplan init` from a file of 30 counties and no figure of the plan's own area: each
    indicator said "No figure reported up to 2025", though 9,600 were (a trial's finding).
    Now it says whose figures the draft needed and what the files give."""
    import yaml

    import psplan

    from conftest import generate_actuals

    counties = generate_actuals("ankang", tmp_path / "counties.csv", "--regions", "30")
    draft = yaml.safe_load(psplan.draft_next_period("ankang", counties, "ankang-15"))
    notes = {tuple(row.get("notes", ())) for row in draft["indicators"]}
    assert notes == {(
        "文件中没有规划 ankang 全域（全市、安康、安康市、市域、陕西省安康市）的数据，只有 30 个"
        "地区的数据：各指标都没有基期值（基期值取规划全域的期末数）。",
    )}  # fmt: skip
    assert not any("baseline" in row for row in draft["indicators"])
    # the command says it as a warning too, not only "64 个没有基期值" after it (a trial's
    # finding: a draft of 31 indicators without a baseline was written without a why)
    done = runner.invoke(app, ["init", "ankang-15", "--from", "ankang", "--actuals",
                               str(counties), "-o", str(tmp_path / "draft.yaml"), "--lang", "en"])  # fmt: skip
    assert done.exit_code == 0, done.output
    assert (
        f"psplan: warning: {counties}: No figure of ankang's own area (全市、安康、安康市、市域、"
        "陕西省安康市) in the files, which give 30 regions' figures: no baseline (a baseline is "
        "the own area's final figure)."
    ) in done.stderr.splitlines()


def test_a_drafts_notes_are_in_the_commands_language(final: Path, tmp_path: Path) -> None:
    """init wrote its notes in English into a Chinese planner's draft, and reports print them
    (trial 11, D11): they are in the command's language."""
    chinese, english = tmp_path / "zh.yaml", tmp_path / "en.yaml"
    assert _init(final, chinese).exit_code == 0
    assert _init(final, english, "--lang", "en").exit_code == 0
    zh = yaml.safe_load(chinese.read_text(encoding="utf-8"))["notes"]
    en = yaml.safe_load(english.read_text(encoding="utf-8"))["notes"]
    assert zh[0].startswith("由 `psplan init` 根据规划 hanzhong（2021—2025年）和 ")
    assert zh[1] == "未填 parent 和 maps_to：新一期的上级规划不在内置规划中。"
    assert en[0].startswith("Drafted by `psplan init` from plan hanzhong (2021–2025) and ")


def test_a_previous_link_to_an_id_of_no_indicator_is_an_error(final: Path, tmp_path: Path) -> None:
    """A draft's `previous.id` spelled wrong validated clean, and compare then said 删除 1，新增
    1 for an indicator that goes on (a trial's finding). A plan id close to a bundled one's
    is said too; the user's own previous plan (not bundled) is not checked."""
    draft = tmp_path / "draft.yaml"
    assert _init(final, draft).exit_code == 0
    text = draft.read_text(encoding="utf-8")
    assert "    id: orphan_support_coverage\n" in text and "    plan: hanzhong\n" in text
    broken = tmp_path / "broken.yaml"
    broken.write_text(text.replace("    id: orphan_support_coverage\n",
                                   "    id: orphan_suport_coverage\n")
                      .replace("    plan: hanzhong\n", "    plan: hanzhongg\n", 1), encoding="utf-8")  # fmt: skip
    done = runner.invoke(app, ["validate", str(broken)])
    assert done.exit_code == 2
    said = [line for line in done.output.splitlines() if "[unknown-previous]" in line]
    assert [line.split(": ", 1)[1] for line in said] == [
        "warning: previous 的规划“hanzhongg”不是内置规划，其指标无法核对；是否是指 “hanzhong”？ "
        "[unknown-previous]",
        "error: 指标“orphan_support_coverage”：previous 的 id “orphan_suport_coverage”不是规划"
        "“hanzhong”中的指标；是否是指 “orphan_support_coverage”？ [unknown-previous]",
    ]
    own = tmp_path / "own.yaml"  # a previous plan of the user's own: not looked for
    own.write_text(text.replace("    plan: hanzhong\n", "    plan: my-city-14\n"), encoding="utf-8")
    assert "unknown-previous" not in runner.invoke(app, ["validate", str(own)]).output


def test_comparing_plans_of_two_periods_says_so(final: Path, tmp_path: Path) -> None:
    """`compare national` against a 十五五 draft read 人均预期寿命 78.3 vs 77.5 低于上级 as a
    verdict, with no word that the national plan is 十四五's (a trial's finding)."""
    draft = tmp_path / "draft.yaml"
    assert _init(final, draft).exit_code == 0
    done = runner.invoke(app, ["compare", "national", str(draft)])
    assert (
        f"psplan: warning: {draft}: 上级规划“national”为2021–2025年，“hanzhong-15”为2026–2030年："
        "不是同一规划期，上级的目标不是这一期的下限，以下对照仅供参考"
    ) in done.stderr.splitlines()
    same = runner.invoke(app, ["compare", "national", "hanzhong"])
    assert "不是同一规划期" not in same.stderr


@pytest.mark.parametrize("plan_id", ["national", "hanzhong", "ankang", "chuzhou", "suzhou"])
def test_a_draft_from_every_bundled_plan_is_valid(plan_id: str, tmp_path: Path) -> None:
    """init from ankang wrote `attribute: 约束性（预期性）` (the row's printed label), which
    validate, show, check and compare then refused (a trial's finding). A draft of every
    bundled plan validates without an error: the attribute is the word the reading took."""
    plan = psplan.load_plan(plan_id)
    first = plan.indicators[0]
    final = tmp_path / "final.csv"
    final.write_text(f"指标,{plan.period.end}\n{first.name},1\n", "utf-8")
    out = tmp_path / "draft.yaml"
    start, end = plan.period.end + 1, plan.period.end + 5
    made = runner.invoke(app, ["init", f"{plan_id}-next", "--from", plan_id, "--actuals",
                               str(final), "--period", f"{start}-{end}", "-o", str(out)])  # fmt: skip
    assert made.exit_code == 0, made.output
    checked = runner.invoke(app, ["validate", str(out), "-f", "json"])
    assert checked.exit_code == 0, checked.stdout
    assert json.loads(checked.stdout)["errors"] == 0
    printed = {i.id: i.attribute_printed for i in plan.indicators if i.attribute_printed}
    drafted = {
        i["id"]: i["attribute"] for i in yaml.safe_load(out.read_text("utf-8"))["indicators"]
    }
    assert all(drafted[key] in ("约束性", "预期性") for key in printed)


def test_a_final_figure_reported_as_a_bound_is_a_baseline_with_a_note(tmp_path: Path) -> None:
    """评价性食品抽检合格率 reported as >98.5 in 2025 (GENERATED figures, a trial's file) became
    `baseline: '98.5'` without a word: a bound is where the figure is, not what it is. The
    draft keeps the number, and its row says so for the planner to check."""
    final = tmp_path / "final.csv"
    final.write_text("地区,指标,年份,数值\n全市,评价性食品抽检合格率,2025,>98.5\n", "utf-8")
    out = tmp_path / "ankang-15.yaml"
    made = runner.invoke(app, ["init", "ankang-15", "--from", "ankang", "--actuals", str(final),
                               "--period", "2026-2030", "-o", str(out)])  # fmt: skip
    assert made.exit_code == 0, made.output
    rows = {i["name"]: i for i in yaml.safe_load(out.read_text("utf-8"))["indicators"]}
    row = rows["评价性食品抽检合格率"]
    assert row["baseline"] == "98.5"
    assert row["notes"] == [
        "2025年上报为界值“>98.5”，基期值暂取其中的数 98.5：请核实并填写确切数值。"
    ]


def test_init_takes_the_overrides_the_final_evaluation_was_judged_with(tmp_path: Path) -> None:
    """汉中 prints 城镇老旧小区改造 1246 without brackets (a level, as read); the commission
    judged it a five-year total with --overrides, and init, which had no --overrides, drafted
    the 2025 yearly figure as the 十五五 baseline (a trial's finding; generated figures).
    With the same overrides the baseline is the period's total, in brackets, as plans print
    a previous period's total."""
    figures = tmp_path / "f.csv"
    figures.write_text("指标,2021,2022,2023,2024,2025\n城镇老旧小区改造,240,260,250,270,250\n",
                       encoding="utf-8")  # fmt: skip
    overrides = tmp_path / "overrides.yaml"
    overrides.write_text("- indicator: 城镇老旧小区改造\n  kind: cumulative\n"
                         "  reason: 市住建局确认1246个为五年累计数\n", encoding="utf-8")  # fmt: skip
    out = tmp_path / "draft.yaml"
    done = runner.invoke(app, ["init", "hanzhong-15", "--from", "hanzhong", "--actuals",
                               str(figures), "--overrides", str(overrides), "-o", str(out)])  # fmt: skip
    assert done.exit_code == 0, done.output
    row = next(i for i in yaml.safe_load(out.read_text("utf-8"))["indicators"]
               if i["id"] == "old_community_renovation")  # fmt: skip
    assert row["baseline"] == "[1270]"
    text = psplan.draft_next_period("hanzhong", figures, "hanzhong-15", overrides=overrides)
    assert "baseline: '[1270]'" in text or 'baseline: "[1270]"' in text
    plain = psplan.draft_next_period("hanzhong", figures, "hanzhong-15")  # read as a level
    assert "baseline: '250'" in plain or 'baseline: "250"' in plain


def test_an_earlier_periods_sheet_baseline_column_is_said_once_and_not_used(
    final: Path, tmp_path: Path
) -> None:
    """`trend` across two periods reads the 十四五 collection sheet (2021–2025, with its 2020
    基期值 column) under the 十五五 plan, whose baselines are of 2025: each row's 基期值 was
    compared with them, 35 warnings (a trial's finding; generated figures). A sheet whose
    years end by the plan's baseline year is of the period before: one warning, none used.
    Under the plan of its own period the column is read as before."""
    plan = _filled(final, tmp_path)
    sheet = tmp_path / "教育局.csv"
    sheet.write_text("指标,地区,基期值,2021年,2022年,2023年,2024年,2025年\n"
                     "学前教育毛入园率,全市,91.0,92,93,94,95,96\n"
                     "九年义务教育巩固率,全市,95.0,95.5,96,96.5,97,97.5\n", "utf-8")  # fmt: skip
    done = runner.invoke(app, ["trend", str(plan), str(sheet), "-f", "json"])
    assert done.exit_code == 0, done.output
    said = [line for line in done.stderr.splitlines() if "基期值" in line]
    assert said == [f"psplan: warning: {sheet}:2:3: 本表的数据为2021—2025年，属于上一规划期："
                    "其基期值列是上一期的，未使用（本规划的基期年为2025年）"]  # fmt: skip
    lint = psplan.lint(plan, sheet)
    assert [p.code for p in lint if "基期值" in p.words.render("zh")] == ["baseline"]
    own = psplan.check("hanzhong", sheet, year=2025)  # its own period's plan: read as before
    assert not [w for w in own.warnings if "上一规划期" in w.words.render("zh")]
