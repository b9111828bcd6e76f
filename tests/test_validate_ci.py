"""`psplan validate` in a CI job: the error that fails the build is shown even when drafts'
warnings fill the output, and a finished plan still marked a draft is said (a trial set up
十五五 monitoring and found both)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

import psplan
from psplan.cli import app

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


def _draft(tmp_path: Path, name: str) -> Path:
    """汉中's plan as a draft of the next period: marked draft, every target still to fill."""
    text = (ROOT / "data" / "hanzhong.yaml").read_text(encoding="utf-8")
    text = text.replace("\nlevel: city\n", "\ndraft: true\nlevel: city\n")
    start = text.index("\nindicators:\n")
    end = re.compile(r"\n[a-z_]+:").search(text, start + 2)
    assert end
    rows = re.sub(r"(?m)^    target: .*\n", "", text[start : end.start()])
    text = text[:start] + rows + text[end.start() :]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _broken(tmp_path: Path) -> Path:
    text = (ROOT / "data" / "national.yaml").read_text(encoding="utf-8")
    first = re.search(r"(?m)^  - id: (\S+)$", text)
    assert first
    second = re.search(r"(?m)^  - id: (\S+)$", text[first.end() :])
    assert second
    at = first.end() + second.start()
    text = text[:at] + f"  - id: {first.group(1)}" + text[at + len(second.group(0)) :]
    path = tmp_path / "z-broken.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_an_error_is_shown_though_drafts_warnings_fill_the_output(tmp_path: Path) -> None:
    files = [_draft(tmp_path, "a.yaml"), _draft(tmp_path, "b.yaml"), _broken(tmp_path)]
    args = ["validate", *map(str, files)]
    whole = json.loads(runner.invoke(app, [*args, "-f", "json"]).stdout)
    assert whole["errors"] == 1 and whole["warnings"] >= 60  # two drafts' 31 targets to do
    for form in ("github", "text"):
        done = runner.invoke(app, [*args, "-f", form])
        assert done.exit_code == 2
        shown = done.stdout + done.stderr
        assert "duplicate-id" in shown or "重复" in shown, form
        assert "另有" in shown  # the warnings left out are counted, not the error
    github = runner.invoke(app, [*args, "-f", "github"]).stdout.splitlines()
    errors = [line for line in github if line.startswith("::error ")]
    assert len(errors) == 1 and "z-broken.yaml" in errors[0]


def test_a_finished_plan_still_marked_a_draft_is_said_and_strict_fails_it(tmp_path: Path) -> None:
    text = (ROOT / "data" / "hanzhong.yaml").read_text(encoding="utf-8")
    path = tmp_path / "done.yaml"
    path.write_text(
        text.replace("\nlevel: city\n", "\ndraft: true\nlevel: city\n"), encoding="utf-8"
    )
    done = runner.invoke(app, ["validate", str(path)])
    assert done.exit_code == 0
    assert "每项指标都已有目标值，但规划仍标为草案（draft: true）" in done.output
    assert runner.invoke(app, ["validate", str(path), "--strict"]).exit_code == 2
    # a draft with targets still to fill is not told to drop the mark
    assert (
        "仍标为草案" not in runner.invoke(app, ["validate", str(_draft(tmp_path, "d.yaml"))]).output
    )


def test_an_id_outside_ascii_is_said_in_words_by_validate_and_init(tmp_path: Path) -> None:
    """`init 汉中十五五` wrote a draft that validate then refused with a regular expression
    ("应符合格式 '^[A-Za-z][A-Za-z0-9_.-]*$'"). init refuses the id before any work, and
    validate says what an id may hold."""
    text = (ROOT / "data" / "hanzhong.yaml").read_text(encoding="utf-8")
    path = tmp_path / "h.yaml"
    path.write_text(text.replace("\nid: hanzhong\n", "\nid: 汉中十五五\n"), encoding="utf-8")
    done = runner.invoke(app, ["validate", str(path)])
    assert done.exit_code == 2
    assert (
        f"{path}:4:5: error: id：编号只能用英文字母、数字和 _ . -，且以字母开头（如 hanzhong-15）"
        in done.output
    )
    out = tmp_path / "draft.yaml"
    actuals = str(ROOT / "examples" / "generated" / "hanzhong-counties.csv")
    done = runner.invoke(app, ["init", "汉中十五五", "--from", "hanzhong", "--actuals", actuals,
                               "-o", str(out)])  # fmt: skip
    assert done.exit_code == 2 and not out.exists()
    assert done.stderr == (
        "psplan: error: 新规划的编号“汉中十五五”只能用英文字母、数字和 _ . -，且以字母开头"
        "（如 hanzhong-15）\n"
    )


def test_a_running_total_for_a_level_indicator_names_the_way_out(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("指标,年份,数值\n城镇老旧小区改造,2023,[1250]\n", encoding="utf-8")
    done = runner.invoke(app, ["check", "hanzhong", str(path)])
    assert done.exit_code == 2
    assert "用 --overrides 把它设为 kind: cumulative" in done.stderr
    overrides = ROOT / "examples" / "hanzhong-overrides.yaml"  # the way out, taken
    assert runner.invoke(
        app, ["check", "hanzhong", str(path), "--overrides", str(overrides)]
    ).exit_code in (0, 1)


def test_the_templates_instructions_name_the_plan_and_the_sheet_as_given(tmp_path: Path) -> None:
    """A trial's sheet for a new plan (good.yaml, id hanzhong-15) said `psplan check
    hanzhong-15 本文件.xlsx`, which finds no plan: the command now names the plan file as the
    template command was given it, and the sheet by its name (quoted for the shell)."""
    import openpyxl

    plan = tmp_path / "新 规划.yaml"
    plan.write_text((ROOT / "data" / "hanzhong.yaml").read_text(encoding="utf-8")
                    .replace("\nid: hanzhong\n", "\nid: hanzhong-15\n"), encoding="utf-8")  # fmt: skip
    sheet = tmp_path / "采集表.xlsx"
    assert runner.invoke(app, ["template", str(plan), "-o", str(sheet)]).exit_code == 0
    guide = openpyxl.load_workbook(sheet).worksheets[-1]
    lines = [cell.value for cell in guide["A"] if cell.value]
    run = next(line for line in lines if "psplan check" in line)
    assert run.endswith(f"psplan check '{plan}' 采集表.xlsx")
    bundled = tmp_path / "b.xlsx"
    assert runner.invoke(app, ["template", "hanzhong", "-o", str(bundled)]).exit_code == 0
    lines = [c.value for c in openpyxl.load_workbook(bundled).worksheets[-1]["A"] if c.value]
    assert any(line.endswith("psplan check hanzhong b.xlsx") for line in lines)


@pytest.mark.parametrize(
    ("plan", "words"),
    [("ankang", "本规划未印基期值，基期值列为空"), ("hanzhong", "本规划未印基期值，基期值列为空"),
     ("national", "基期值已按规划填好")],
)  # fmt: skip
def test_the_templates_instructions_say_what_the_baseline_column_holds(
    tmp_path: Path, plan: str, words: str
) -> None:
    """安康's and 汉中's plans print no baselines, yet the sheet said its 基期值 column was
    filled in from the plan (a trial looked for them); the national plan prints every one."""
    import openpyxl

    printed = [i.baseline.raw.strip() for i in psplan.load_plan(plan).indicators]
    assert (not any(printed)) == (plan != "national") and all(printed) == (plan == "national")
    sheet = tmp_path / "sheet.xlsx"
    assert runner.invoke(app, ["template", plan, "-o", str(sheet)]).exit_code == 0
    lines = [c.value for c in openpyxl.load_workbook(sheet).worksheets[-1]["A"] if c.value]
    fifth = next(line for line in lines if line.startswith("5. "))
    assert fifth.startswith(f"5. {words}")
    rows = list(openpyxl.load_workbook(sheet).worksheets[0].iter_rows(values_only=True))
    header = next(k for k, row in enumerate(rows) if "基期值" in row)
    at = rows[header].index("基期值")
    filled = [row[at] for row in rows[header + 1 :]]
    assert any(filled) == (plan == "national"), filled


def test_a_target_written_as_a_fraction_of_a_percent_indicator_is_said(tmp_path: Path) -> None:
    """0.95 for 学前教育毛入园率 (in %) validated clean, even with --strict (a trial's)."""
    text = (ROOT / "data" / "national.yaml").read_text(encoding="utf-8")
    assert '    target: ">90%"\n' in text
    path = tmp_path / "n.yaml"
    path.write_text(text.replace('    target: ">90%"\n', '    target: "0.95"\n'), encoding="utf-8")
    done = runner.invoke(app, ["validate", str(path)])
    assert done.exit_code == 0
    assert (
        "warning: 指标“preschool_gross_enrollment”以 % 计，目标值“0.95”即 0.95%：若是 95%，请写 95 "
        "[percent-range]"
    ) in done.output
    assert runner.invoke(app, ["validate", str(path), "--strict"]).exit_code == 2
