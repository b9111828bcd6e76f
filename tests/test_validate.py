"""`psplan validate`, `show`, `schema`: the plan-reading commands and their failures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import DATA, PLANS, assert_one_line_error

BROKEN = """\
id: broken
name: 测试规划
level: city
parent: null
period: {start: 2021, end: 2025}
baseline_year: 2020
domains: [幼有所育, 学有所教]
indicators:
  - id: a
    domain: 幼有所育
    name: 每千人口拥有3岁以下婴幼儿托位数
    unit: 个
    target: ">>4.5"
    attribute: 预期性
  - id: a
    domain: 学有所教
    name: 学前教育毛入园率
    unit: "%"
    target: ">90%"
    attribute: 预期性
  - id: c
    domain: 病有所医
    name: 人均预期寿命
    unit: 岁
    target: "78.3"
    attribute: 约束性
"""


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    path = tmp_path / "broken.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    return path


def test_bundled_plans_are_valid(psplan) -> None:
    files = [str(DATA / f"{name}.yaml") for name in PLANS]
    result = psplan("validate", *files)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == f"{len(PLANS)} 个文件均有效\n"
    english = psplan("validate", *files, "--lang", "en")
    assert english.stdout == f"{len(PLANS)} file(s) valid\n"
    # one file is not 均 (all) valid: it is valid (a new user's trial)
    assert psplan("validate", files[0]).stdout == "文件有效\n"
    assert psplan("validate", files[0], "--lang", "en").stdout == "the file is valid\n"


def test_broken_target_duplicate_id_and_unknown_domain_are_all_reported(
    psplan, broken: Path
) -> None:
    result = psplan("validate", str(broken))  # in Chinese, the default
    assert result.returncode == 2
    out = result.stdout
    assert f"{broken}:13:" in out and "“>>4.5”" in out  # broken target, its line
    assert f"{broken}:15:" in out and "指标编号“a”重复" in out
    assert f"{broken}:22:" in out and "领域“病有所医”" in out
    assert "Traceback" not in out + result.stderr


def test_github_format_prints_annotations(psplan, broken: Path) -> None:
    result = psplan("validate", "--format", "github", str(broken))
    assert result.returncode == 2
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    assert all(line.startswith(f"::error file={broken},line=") for line in lines)


def test_json_format_is_machine_readable(psplan, broken: Path) -> None:
    result = psplan("validate", "--format", "json", str(broken))
    payload = json.loads(result.stdout)
    assert payload["valid"] is False
    assert {p["code"] for p in payload["problems"]} == {"schema", "duplicate-id", "unknown-domain"}
    assert all(p["line"] > 0 for p in payload["problems"])


def test_valid_and_invalid_files_together_exit_2_and_report_only_the_bad(
    psplan, broken: Path
) -> None:
    result = psplan("validate", "national", str(broken))
    assert result.returncode == 2
    assert "national.yaml" not in result.stdout


def test_semantic_checks(psplan, tmp_path: Path) -> None:
    text = BROKEN.replace('">>4.5"', '"[4.5]"\n    kind: level').replace(
        "  - id: a\n    domain: 学有所教", "  - id: b\n    domain: 学有所教"
    )
    text = text.replace('unit: "%"\n    target: ">90%"', 'unit: 人\n    target: ">90%"')
    text = text.replace("病有所医", "学有所教").replace(
        "baseline_year: 2020", "baseline_year: 2025"
    )
    path = tmp_path / "semantic.yaml"
    path.write_text(text, encoding="utf-8")
    out = psplan("validate", str(path)).stdout
    assert "加括号表示五年累计，但 kind 为“level”" in out
    assert "的单位是 %，但指标单位（unit）是“人”" in out
    assert "基期年份 2025 不早于规划期末 2025 年" in out


def test_maps_to_must_resolve_in_the_parent(psplan, tmp_path: Path) -> None:
    text = BROKEN.replace("parent: null", "parent: national").replace(
        '">>4.5"', '"4.6"\n    maps_to: no_such_indicator'
    )
    path = tmp_path / "child.yaml"
    path.write_text(text, encoding="utf-8")
    out = psplan("validate", str(path)).stdout
    assert "maps_to “no_such_indicator”不是上级规划“national”中的指标" in out
    # An explicit --parent is used instead of the bundled one.
    out = psplan("validate", "--parent", str(DATA / "hanzhong.yaml"), str(path)).stdout
    assert "上级规划“hanzhong”" in out


def test_duplicate_catalogue_items(psplan, tmp_path: Path) -> None:
    text = BROKEN.replace('">>4.5"', '"4.6"').replace(
        "id: c\n    domain: 病有所医", "id: c\n    domain: 学有所教"
    )
    text += "catalogue:\n  - {id: x, domain: 幼有所育, name: 预防接种}\n  - {id: x, domain: 幼有所育, name: 预防接种}\n"
    text = text.replace("  - id: a\n    domain: 学有所教", "  - id: b\n    domain: 学有所教")
    path = tmp_path / "catalogue.yaml"
    path.write_text(text, encoding="utf-8")
    out = psplan("validate", str(path)).stdout
    assert "清单项目编号“x”重复" in out
    assert "清单项目“预防接种”重复" in out


@pytest.mark.parametrize(
    ("content", "fragment", "chinese"),
    [
        (b"", "the file is empty", "文件为空"),
        (b"id: [unclosed\n", "YAML syntax error", "YAML 语法错误"),
        (b"- a\n- b\n", "must be a mapping", "必须是键值映射"),
        (
            "id: 汉中\n".encode("gb18030"),
            "the file is in GBK (GB18030)",
            "文件是 GBK（GB18030）编码",
        ),
        (b"id: caf\xe9 \xff\n", "not UTF-8", "不是 UTF-8 文本"),  # Latin-1: not GBK either
        (b"a: 1\na: 2\n", "duplicate key 'a'", "键“a”重复"),
        (b"a: &x [1]\nb: *x\n", "aliases", "YAML 别名"),
        (b"a: !!python/object:os.system {}\n", "not allowed", "不允许使用 YAML 标签"),
        (b"id: x\x00\n", "NUL byte", "NUL 字节"),
    ],
)
def test_unusable_files_give_one_line_and_exit_2(
    psplan, tmp_path: Path, content: bytes, fragment: str, chinese: str
) -> None:
    path = tmp_path / "plan.yaml"
    path.write_bytes(content)
    for command in ("show", "check"):
        args = [command, str(path)] + (["--previous"] if command == "check" else [])
        assert_one_line_error(psplan(*args, "--lang", "en"), str(path), fragment)
        assert_one_line_error(psplan(*args), str(path), chinese)
    result = psplan("validate", str(path))  # in Chinese, the default
    assert result.returncode == 2 and chinese in result.stdout and "Traceback" not in result.stderr
    result = psplan("validate", str(path), "--lang", "en")
    assert result.returncode == 2 and fragment in result.stdout


def test_missing_file_and_unknown_plan(psplan, tmp_path: Path) -> None:
    en = ("--lang", "en")
    assert_one_line_error(psplan("show", str(tmp_path / "nope.yaml"), *en), "no such file")
    assert_one_line_error(
        psplan("show", "nowhere", *en), "no plan file or bundled plan named 'nowhere'", "hanzhong"
    )
    assert_one_line_error(psplan("show", str(tmp_path), *en), "is a directory")
    assert_one_line_error(psplan("show", str(tmp_path / "nope.yaml")), "文件不存在")
    assert_one_line_error(
        psplan("show", "nowhere"), "找不到名为“nowhere”的规划文件或内置规划", "hanzhong"
    )
    assert "是否是指" not in psplan("show", "nowhere").stderr


@pytest.mark.parametrize(
    ("given", "meant"),
    [("安康", "ankang"), ("汉中市", "hanzhong"), ("陕西省汉中市", "hanzhong"), ("全国", "national"),
     ("“十四五”公共服务规划", "national"), ("宿州市“十四五”公共服务规划", "suzhou"),
     ("滁州", "chuzhou"), ("苏州", None), ("安徽", None)],
)  # fmt: skip
def test_a_plan_named_in_chinese_gets_its_id(psplan, given: str, meant: str | None) -> None:
    """`psplan check 安康 …` named no plan, and the message listed ankang without saying it was
    the one meant (a trial): a name or region of one bundled plan (by its printed name or
    region, 宿州市“十四五”… not the national plan it holds) is suggested; 苏州 is no 宿州."""
    done = psplan("show", given)
    hint = (
        f"；是否是指 {meant}？"
        if meant
        else "（内置规划：ankang、chuzhou、hanzhong、national、suzhou）"
    )
    assert done.stderr.rstrip("\n").endswith(hint), done.stderr
    english = psplan("show", given, "--lang", "en")
    assert english.stderr.rstrip("\n").endswith(f"; did you mean {meant}?" if meant else ")")


def test_show_by_name_equals_show_by_path(psplan) -> None:
    by_name = psplan("show", "hanzhong", "--format", "json")
    by_path = psplan("show", str(DATA / "hanzhong.yaml"), "--format", "json")
    assert by_name.returncode == 0
    assert by_name.stdout == by_path.stdout


def test_show_json_contract(psplan) -> None:
    data = json.loads(psplan("show", "hanzhong", "--format", "json").stdout)
    assert {"id", "name", "level", "period", "baseline_year", "indicators", "catalogue"} <= set(
        data
    )
    assert data["id"] == "hanzhong" and data["level"] == "city"
    assert data["period"] == {"start": 2021, "end": 2025}
    assert len(data["indicators"]) == 31
    for row in data["indicators"]:
        assert {
            "id",
            "name",
            "domain",
            "unit",
            "baseline",
            "target",
            "attribute",
            "direction",
        } <= set(row)
        assert set(row["baseline"]) >= {"raw", "value", "year"}
        assert set(row["target"]) >= {"raw", "kind", "op", "value"}
        assert row["attribute"] in ("binding", "expected")
        assert row["direction"] in ("increase", "decrease")
        assert row["target"]["op"] in (">=", ">", "<=", "<", "approx", None)
    first = data["indicators"][0]
    assert first["name"] == "每千人口拥有3岁以下婴幼儿托位数"
    assert first["target"] == {"raw": "4.6", "kind": "level", "op": ">=", "value": 4.6}
    for item in data["catalogue"]:
        assert {"id", "domain", "category", "name"} <= set(item)


@pytest.mark.parametrize("fmt", ["table", "markdown", "csv"])
def test_show_formats(psplan, fmt: str) -> None:
    result = psplan("show", "national", "--format", fmt)
    assert result.returncode == 0
    assert "每千人口拥有3岁以下婴幼儿托位数" in result.stdout
    assert "幼有所育" in result.stdout


def test_schema_is_json_schema(psplan) -> None:
    schema = json.loads(psplan("schema").stdout)
    assert schema["type"] == "object"
    assert "indicators" in schema["properties"]
    assert schema["additionalProperties"] is False


def test_commitments_and_leads_are_checked(psplan, tmp_path: Path) -> None:
    """A commitment id given twice, a commitment target the grammar cannot read, a lead for
    a domain the plan lacks and a second lead for one domain: each reported at its line."""
    text = (DATA / "suzhou.yaml").read_text(encoding="utf-8")
    text = text.replace("  - id: c002\n", "  - id: c001\n", 1)
    text = text.replace('    target: "全覆盖"\n', '    target: "明显改善"\n', 1)
    text += (
        "leads:\n"
        "  - {domain: 幼有所育, departments: [市卫健委], responsibility: 市卫健委牵头}\n"
        "  - {domain: 幼有所育, departments: [市教体局], responsibility: 市教体局牵头}\n"
        "  - {domain: 未知领域, departments: [市民政局], responsibility: 市民政局牵头}\n"
    )
    path = tmp_path / "suzhou.yaml"
    path.write_text(text, encoding="utf-8")
    result = psplan("validate", str(path))
    assert result.returncode == 2
    out = result.stdout
    assert "承诺事项“c001”重复（第" in out and "[duplicate-id]" in out
    assert "无法将“明显改善”识别为目标值" in out
    assert "牵头单位（leads）：领域“幼有所育”已在第" in out
    assert "牵头单位（leads）：领域“未知领域”不在本规划的领域列表（domains）中" in out


def test_a_percentage_target_past_any_share_is_a_warning(tmp_path: Path) -> None:
    """每万人拥有公共文化设施建筑面积 given unit % and its target 4500 validated clean, and every
    figure would have been read in % (trial 12, D6): a warning, the file still valid (exit 0;
    --strict refuses it). A growth in % may be any size."""
    import psplan as api

    text = (DATA / "hanzhong.yaml").read_text(encoding="utf-8")
    printed = '    unit: 平方米\n    target: "4500"\n'
    assert printed in text
    wrong = tmp_path / "wrong.yaml"
    wrong.write_text(text.replace(printed, '    unit: "%"\n    target: "4500"\n', 1), "utf-8")
    found = [(p.code, p.level, p.message) for p in api.validate(wrong)]
    assert found == [("percent-range", "warning", "指标“public_culture_floor_area_per_10k”以 % 计，"
                      "目标值“4500”却超过 150%：计量单位可能不是 %，请核对")]  # fmt: skip


def test_a_rate_in_the_unit_of_a_count_is_a_warning(tmp_path: Path) -> None:
    """免费孕前优生健康检查率 given the unit 万人 validated clean (trial 12, D6, the rest): a rate
    is measured in %, ‰ or per 10万, never in persons — a warning at the unit, the file still
    valid; no bundled plan has one (their rates without a unit are qualitative)."""
    import psplan as api

    text = (DATA / "ankang.yaml").read_text(encoding="utf-8")
    printed = '    name: "免费孕前优生健康检查率"\n    unit: "%"\n'
    assert printed in text
    wrong = tmp_path / "wrong.yaml"
    wrong.write_text(text.replace(printed, printed.replace('"%"', "万人"), 1), "utf-8")
    found = [(p.code, p.level, p.message) for p in api.validate(wrong)]
    assert found == [("rate-unit", "warning", "指标“free_prenatal_checkup_rate”的名称是比率"
                      "（“率”），计量单位却是“万人”：单位可能是旁边人数、个数的，请核对")]  # fmt: skip
    for plan in DATA.glob("*.yaml"):
        assert not [p for p in api.validate(plan) if p.code == "rate-unit"], plan


def test_a_figure_written_as_a_yaml_number_is_said(tmp_path: Path) -> None:
    """`target: 4.50` unquoted validated without a word, and the plan's printed 4.50 became
    4.5 (a CI engineer's trial); docs/plan-format.md asks for quotes. A warning at its cell;
    the bundled plans, all quoted, say nothing."""
    import psplan

    text = (DATA / "national.yaml").read_text("utf-8")
    assert '    target: "4.5"\n' in text
    plan = tmp_path / "national.yaml"
    plan.write_text(text.replace('    target: "4.5"\n', "    target: 4.50\n", 1), "utf-8")
    found = psplan.validate(plan)
    assert [(p.code, p.level, p.location.line) for p in found] == [("unquoted", "warning", 43)]
    assert not [p for path in sorted(DATA.glob("*.yaml"))
                for p in psplan.validate(path) if p.code == "unquoted"]  # fmt: skip


def test_a_quote_left_open_is_named_at_its_line(tmp_path: Path) -> None:
    """`baseline: "1.8` without its closing quote was said as inconsistent indentation at the
    line after (a CI engineer's trial): someone checking that line's indentation found it
    fine. The quote's own line, and what is wrong with it."""
    import psplan

    text = (DATA / "national.yaml").read_text("utf-8").split("\n")
    assert text[41] == '    baseline: "1.8"'
    text[41] = '    baseline: "1.8'
    plan = tmp_path / "unclosed.yaml"
    plan.write_text("\n".join(text), "utf-8")
    (problem,) = psplan.validate(plan)
    assert (problem.location.line, problem.words.render("zh")) == (
        42, "YAML 语法错误：第 42 行的引号没有闭合（下一行因此读来缩进不一致）",
    )  # fmt: skip
