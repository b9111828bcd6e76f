"""Errors and warnings follow the language, like every other word psplan shows: Chinese by
default, English under `use_lang("en")` (the command line: `--lang en`). Every sentence psplan
says about a user's input is in the catalogue (words/errors.py), in both languages with the
same arguments, and none is left written out at a raise site."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest
from typer.testing import CliRunner

import psplan
from psplan.actuals.read import read_actuals
from psplan.api import Problems
from psplan.errors import Location, Message, Problem, PsplanError, quoted
from psplan.plan.plans import load_plan
from psplan.words import catalogue, current_lang, use_lang
from psplan.words import entry as words_entry
from psplan.words.errors import WORDS

from conftest import ROOT

SRC = ROOT / "src" / "psplan"


# ------------------------------------------------------------------ (a) the catalogue


def _fields(template: str) -> set[tuple[str, str, str | None]]:
    """The {placeholders} of a template: name, format spec and conversion."""
    return {
        (name, spec or "", conversion)
        for _, name, spec, conversion in string.Formatter().parse(template)
        if name is not None
    }


@pytest.mark.parametrize("key", sorted(WORDS))
def test_every_message_has_both_languages_with_the_same_placeholders(key: str) -> None:
    entry = words_entry(key)
    assert set(entry) == {"zh", "en"}, key
    assert entry["zh"].strip() and entry["en"].strip(), key
    assert _fields(entry["zh"]) == _fields(entry["en"]), key


def test_the_chinese_messages_are_chinese() -> None:
    """A zh template holds Chinese (or is only a placeholder, a punctuation or a name that is
    the same in both), never the English sentence copied."""
    same = {key for key in WORDS if words_entry(key)["zh"] == words_entry(key)["en"]}
    for key in same:
        text = words_entry(key)["zh"]
        for _, name, _, _ in string.Formatter().parse(text):
            if name is not None:
                text = text.replace("{" + name + "}", "")
        assert not any(word.isalpha() and word.isascii() and len(word) > 2 for word in
                       text.replace(":", " ").split()), key  # fmt: skip


def test_the_errors_section_is_part_of_the_one_catalogue() -> None:
    assert set(WORDS) <= set(catalogue())


# ------------------------------------------------------------------ the mechanism


def test_an_error_is_worded_when_it_is_shown() -> None:
    error = PsplanError("file.not_found", Location("a.csv"))
    assert current_lang() == "zh"
    assert str(error) == "a.csv: 文件不存在"
    with use_lang("en"):
        assert str(error) == "a.csv: no such file"
        assert error.message == "no such file"
    assert error.key == "file.not_found"
    assert error.at(Location("b.csv")).key == "file.not_found"


def test_a_users_value_is_quoted_for_each_language() -> None:
    error = PsplanError("yaml.duplicate_key", Location("p.yaml", 3, 1), key=quoted("a\x1bb"))
    assert str(error) == "p.yaml:3:1: 键“a\\x1bb”重复"  # a control character stays escaped
    with use_lang("en"):
        assert str(error) == "p.yaml:3:1: duplicate key 'a\\x1bb'"


def test_a_problem_keeps_its_code_and_json_keys() -> None:
    problem = Problem(Location("p.yaml", 2, 5), "validate.no_target", "no-target", id=quoted("a"))
    assert problem.code == "no-target" and problem.key == "validate.no_target"
    assert str(problem) == "p.yaml:2:5: error: 指标“a”：目标值为空 [no-target]"
    with use_lang("en"):
        assert str(problem) == "p.yaml:2:5: error: indicator 'a': the target is empty [no-target]"
    data = Problems([problem]).to_dict()
    assert set(data["problems"][0]) == {"file", "line", "column", "level", "code", "message"}
    assert data["problems"][0]["message"] == "指标“a”：目标值为空"


def test_a_plain_text_is_still_a_message_and_an_unknown_key_is_refused() -> None:
    assert str(PsplanError("a library's own words")) == "a library's own words"
    with pytest.raises(KeyError, match="no message"):
        PsplanError("file.no_such_key", Location("a"), name="x")
    with pytest.raises(KeyError, match="no message"):
        Message("file.no_such_key")


# ------------------------------------------------------------------ (b) real failures


def _both(error: PsplanError | Problem) -> tuple[str, str]:
    """The message as shown by default, and under use_lang("en")."""
    chinese = str(error)
    with use_lang("en"):
        return chinese, str(error)


def test_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(PsplanError) as raised:
        load_plan(tmp_path / "nope.yaml")
    chinese, english = _both(raised.value)
    assert chinese == f"{tmp_path / 'nope.yaml'}: 文件不存在"
    assert english == f"{tmp_path / 'nope.yaml'}: no such file"


@pytest.mark.parametrize(
    ("text", "at", "chinese", "english"),
    [
        ("id: [unclosed\n", "2:1", "方括号 [ ] 没有闭合，或项之间缺少逗号",
         "a [ ] list is not closed, or a comma is missing between its items"),
        ("a:\n  b: {x\n", "3:1", "花括号 { } 没有闭合，或项之间缺少逗号",
         "a { } mapping is not closed, or a comma is missing between its items"),
        ("a: b: c\n", "1:5", "此处不能有“键: 值”（文本中有“: ”时请加引号，或检查缩进）",
         "a 'key: value' is not allowed here (quote a text holding ': ', or check the "
         "indentation)"),
        ("a:\n\t- x\n", "2:1", "有制表符（YAML 只能用空格缩进）",
         "a tab character (YAML is indented with spaces only)"),
        ("a: @x\n", "1:4", "字符“@”不能出现在此处（以它开头的文本请加引号）",
         "the character '@' cannot start a value here (quote a text starting with it)"),
        ('a: "abc\n', "2:1", "文件在引号闭合之前结束", "the file ends before a quote is closed"),
        ("a:\n  - x\n b: y\n", "3:2", "缩进不一致（同一层的键和列表项应对齐）",
         "inconsistent indentation (the keys and items of one level line up)"),
        ("a: 1\n---\nb: 2\n", "2:1", "文件中有不止一个文档（多余的“---”）",
         "more than one document in the file (a stray '---')"),
    ],
)  # fmt: skip
def test_a_yaml_syntax_error(
    tmp_path: Path, text: str, at: str, chinese: str, english: str
) -> None:
    """PyYAML's description in the reader's words (it was quoted in English inside the
    Chinese line: trial 10, D12), at its line and column."""
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PsplanError) as raised:
        load_plan(path)
    said = _both(raised.value)
    assert raised.value.key == "yaml.syntax"
    assert said == (
        f"{path}:{at}: YAML 语法错误：{chinese}",
        f"{path}:{at}: YAML syntax error: {english}",
    )


def test_a_yaml_problem_psplan_has_no_words_for_is_quoted_as_pyyaml_wrote_it() -> None:
    from psplan.plan.yamlcompose import _problem

    assert _problem("found unexpected ':'", "a: b", None) == "found unexpected ':'"


def test_a_bad_number_in_an_actuals_csv(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("indicator,year,value\n九年义务教育巩固率,2023,95%%\n", encoding="utf-8")
    [problem] = [row for row in read_actuals(path) if isinstance(row, Problem)]
    assert problem.code == "actuals" and problem.location == Location(str(path), 2, 3)
    chinese, english = _both(problem)
    assert chinese == f"{path}:2:3: error: “95%%”不是数字 [actuals]"
    assert english == f"{path}:2:3: error: '95%%' is not a number [actuals]"


def test_an_unknown_indicator_name(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("indicator,year,value\n人均预期寿名,2023,78\n", encoding="utf-8")
    with pytest.raises(PsplanError) as raised:
        psplan.check("national", path)
    [problem] = raised.value.problems
    assert problem.code == "unknown-indicator"
    chinese, english = _both(raised.value)
    assert chinese == f"{path}:2: 规划 national 中没有指标“人均预期寿名”；是否是指 人均预期寿命？"
    assert english == (
        f"{path}:2: indicator '人均预期寿名' is not in plan national; did you mean 人均预期寿命?"
    )


def test_an_ambiguous_name(tmp_path: Path) -> None:
    text = (ROOT / "data" / "national.yaml").read_text(encoding="utf-8")
    for name in ("每千人口拥有注册护士数", "每千人口拥有执业(助理)医师数"):
        text = text.replace(f"    name: {name}\n", f"    name: {name}\n    aliases: [医护人数]\n")
    plan = tmp_path / "plan.yaml"
    plan.write_text(text, encoding="utf-8")
    path = tmp_path / "a.csv"
    path.write_text("indicator,year,value\n医护人数,2023,3.5\n", encoding="utf-8")
    with pytest.raises(PsplanError) as raised:
        psplan.check(plan, path)
    [problem] = raised.value.problems
    assert problem.code == "ambiguous" and problem.key == "check.ambiguous_name"
    chinese, english = _both(problem)
    assert "“医护人数”可对应 2 个指标：doctors_per_1000（每千人口拥有执业(助理)医师数）" in chinese
    assert chinese.endswith("；请改用指标编号 [ambiguous]")
    assert (
        "'医护人数' fits 2 indicators: doctors_per_1000 (每千人口拥有执业(助理)医师数)" in english
    )
    assert english.endswith("; use the id [ambiguous]")


def test_an_option_of_the_command_line_is_named_with_its_python_keyword(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("indicator,year,value\n人均预期寿命,2026,79\n", encoding="utf-8")
    with pytest.raises(PsplanError) as raised:
        psplan.check("national", path)
    chinese, english = _both(raised.value)
    assert "--allow-outside-period（Python：allow_outside_period=True）" in chinese
    assert "--year YEAR（Python：year=YEAR）" in chinese
    assert "--allow-outside-period (Python: allow_outside_period=True)" in english
    assert "--year YEAR (Python: year=YEAR)" in english


# ------------------------------------------------------------------ the command line


def _cli(*args: str):
    from psplan.cli import app

    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def test_the_command_line_says_a_missing_file_in_its_language(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.csv")
    chinese = _cli("check", "national", missing)
    assert chinese.exit_code == 2
    assert chinese.stderr == f"psplan: error: {missing}: 文件不存在\n"
    english = _cli("check", "national", missing, "--lang", "en")
    assert english.exit_code == 2
    assert english.stderr == f"psplan: error: {missing}: no such file\n"


def test_the_command_line_says_an_unknown_indicator_in_its_language(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("indicator,year,value\n人均预期寿名,2023,78\n", encoding="utf-8")
    chinese = _cli("check", "national", str(path))
    assert chinese.exit_code == 2
    assert "规划 national 中没有指标“人均预期寿名”；是否是指 人均预期寿命？" in chinese.stderr
    english = _cli("check", "national", str(path), "--lang", "en")
    assert english.exit_code == 2
    assert "indicator '人均预期寿名' is not in plan national; did you mean" in english.stderr


# ------------------------------------------------------------------ (c) no sentence left behind

#: Where a raise site may still give its words as text, and why. Kept short on purpose.
ALLOWED: dict[tuple[str, str], str] = {}

#: Calls whose first argument is a message, and Problem, whose second is.
FIRST = {"PsplanError", "AmbiguousName", "InvalidValue", "CellError", "Message", "cell_error",
         "_NoLayout", "_UnreadableCell", "_Refused", "_warning", "as_message"}  # fmt: skip
SECOND = {"Problem", "_warning"}
#: Not checked: the command line (cli/), the views and formats (their words are theirs) and
#: the catalogue itself.
SKIPPED = ("words", "views", "formats", "cli")


def _raise_sites() -> list[tuple[str, int, ast.expr]]:
    sites = []
    for path in sorted(SRC.rglob("*.py")):
        relative = path.relative_to(SRC)
        if relative.parts[0] in SKIPPED or relative.stem == "cli":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if name in FIRST and node.args:
                sites.append((str(relative), node.lineno, node.args[0]))
            if name in SECOND and len(node.args) > 1:
                sites.append((str(relative), node.lineno, node.args[1]))
    return sites


def test_the_raise_sites_are_found() -> None:
    files = {file for file, _, _ in _raise_sites()}
    assert {"plan/yamlsource.py", "actuals/read.py", "assess/check.py", "output.py"} <= files


def _key_pattern(message: ast.JoinedStr) -> re.Pattern[str] | None:
    """A key put together at run time (f"xlsx.kind.{sheet.kind}") as a pattern; None for
    anything else (a sentence)."""
    parts = []
    for value in message.values:
        if isinstance(value, ast.Constant):
            if not re.fullmatch(r"[a-z_.]*", str(value.value)):
                return None
            parts.append(re.escape(str(value.value)))
        else:
            parts.append("[a-z_]+")
    pattern = "".join(parts)
    return re.compile(pattern) if "." in pattern else None


def test_no_sentence_is_written_out_at_a_raise_site() -> None:
    keys = set(catalogue())
    written = []
    for file, line, message in _raise_sites():
        if isinstance(message, ast.JoinedStr):
            pattern = _key_pattern(message)
            if pattern is not None and any(pattern.fullmatch(key) for key in keys):
                continue  # a key chosen at run time, of a family the catalogue has
            text = ast.unparse(message)
        elif isinstance(message, ast.Constant) and isinstance(message.value, str):
            if message.value in keys:
                continue
            text = message.value
        else:
            continue  # a key chosen at run time, a Message, another error's words
        if (file, text) not in ALLOWED:
            written.append(f"{file}:{line}: {text}")
    assert not written, "\n".join(written)


# ------------------------------------------------------------------ the system's errors


def test_the_systems_common_errors_are_worded_in_the_messages_language() -> None:
    """The OS says "Permission denied" in English whatever the command's language; psplan
    words the common ones itself (and keeps the system's text for the others)."""
    import errno

    from psplan.errors import os_reason

    denied = os_reason(PermissionError(errno.EACCES, "Permission denied"))
    assert str(denied) == "没有权限（在 Windows 上也可能是文件正在 Excel 或 WPS 中打开）"
    assert denied.render("en") == (  # type: ignore[union-attr]
        "permission denied (on Windows, the file may also be open in Excel or WPS)"
    )
    assert str(os_reason(OSError(errno.ENOSPC, "No space left on device"))) == "磁盘空间不足"
    assert os_reason(OSError(errno.EIO, "Input/output error")) == "Input/output error"


def test_a_file_that_cannot_be_replaced_says_why_in_chinese(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Writing over a workbook Excel holds open fails on Windows with errno 13: the one
    line says so in the command's language, and the file given is left as it was."""
    import errno
    import os

    import psplan.output

    out = tmp_path / "out.csv"
    out.write_text("旧内容", encoding="utf-8")

    def refuse(source: str, target: str) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", target)

    monkeypatch.setattr(psplan.output.os, "replace", refuse)
    figures = ROOT / "examples" / "national-2023.csv"
    for lang, reason in (
        ("zh", "无法写入：没有权限（在 Windows 上也可能是文件正在 Excel 或 WPS 中打开）"),
        ("en", "cannot write: permission denied (on Windows, the file may also be open in "
               "Excel or WPS)"),
    ):  # fmt: skip
        from psplan.cli import app

        result = CliRunner().invoke(
            app, ["check", "national", str(figures), "--lang", lang, "-o", str(out)]
        )
        assert result.exit_code == 2
        assert result.stderr.splitlines() == [f"psplan: error: {out}: {reason}"]
    assert out.read_text(encoding="utf-8") == "旧内容"
    assert os.listdir(tmp_path) == ["out.csv"]  # no temporary file left


def test_an_id_typed_wrong_is_given_the_closest_id(tmp_path: Path) -> None:
    """`trend --indicator life_expectency` said only that there is no such indicator (an
    English-speaking trial's finding), where a name typed wrong gets the closest names."""
    from typer.testing import CliRunner

    from psplan.cli import app

    runner = CliRunner()
    actuals = (
        Path(__file__).resolve().parents[1] / "examples" / "generated" / "hanzhong-counties.csv"
    )
    done = runner.invoke(app, ["trend", "hanzhong", str(actuals), "--indicator", "life_expectency"])
    assert done.exit_code == 2
    assert (
        done.stderr
        == "psplan: error: 规划 hanzhong 中没有指标 “life_expectency”；是否指 life_expectancy？\n"
    )
    # a part of a name, too short to be close to it (床位数): the names holding it (a trial)
    done = runner.invoke(app, ["trend", "hanzhong", str(actuals), "--indicator", "床位数"])
    assert done.stderr == (
        "psplan: error: 规划 hanzhong 中没有指标 “床位数”；是否指 每千人口拥有医疗卫生机构床位数"
        " / 每千名常住人口养老床位数？\n"
    )
    path = tmp_path / "a.csv"
    path.write_text("指标,年份,数值\nlife_expectency,2023,78\n", encoding="utf-8")
    done = runner.invoke(app, ["check", "hanzhong", str(path)])
    assert done.stderr.endswith("是否是指 life_expectancy？\n")
