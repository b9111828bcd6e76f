"""`--help` speaks the command's language: Chinese by default (every other word psplan shows
is Chinese by default, and its users think in Chinese), English with --lang en or
PSPLAN_LANG=en. Every help text has its Chinese in `psplan.words.help`, keeping the English's
options, numbers and Chinese terms; a Chinese page fits the terminal's width in columns."""

from __future__ import annotations

import re
from collections import Counter

import pytest
import typer
from typer.testing import CliRunner

from psplan.cli import COMMANDS, app
from psplan.cli.helptext import cells, chinese, short_help, wrap
from psplan.words.help import HELP

runner = CliRunner()
CJK = re.compile(r"[\u4e00-\u9fff]+")
#: the width typer's test runner gives click's help pages (a terminal's is its columns − 2)
WIDTH = 80
OPTION = re.compile(r"(?<![\w-])--?[a-z][a-z-]*")


def _help_texts() -> list[str]:
    """Every help text of the whole app: its own, each command's, each parameter's."""
    group = typer.main.get_command(app)
    ctx = group.context_class(group)
    texts = [group.help or ""]
    texts += [param.help for param in group.get_params(ctx) if getattr(param, "help", None)]
    for command in group.commands.values():
        texts.append(command.help or "")
        sub = command.context_class(command)
        texts += [p.help for p in command.get_params(sub) if getattr(p, "help", None)]
    return [text for text in texts if text]


def _key(text: str) -> str:
    return " ".join(text.split())


def test_every_help_text_has_its_chinese_and_the_catalogue_nothing_else() -> None:
    used = {_key(text) for text in _help_texts()}
    missing = sorted(used - HELP.keys())
    assert not missing, missing
    assert not sorted(HELP.keys() - used)  # a text since reworded leaves its old key


@pytest.mark.parametrize("english", sorted(HELP), ids=lambda text: text[:40])
def test_the_chinese_keeps_the_options_numbers_and_chinese_terms(english: str) -> None:
    zh = HELP[english]
    assert CJK.search(zh), zh
    assert Counter(re.findall(r"\d+", english)) == Counter(re.findall(r"\d+", zh))
    assert Counter(OPTION.findall(english)) <= Counter(OPTION.findall(zh))
    for term in CJK.findall(english):
        assert term in zh, term


def test_the_app_help_is_chinese_and_fits_the_width_in_columns() -> None:
    page = runner.invoke(app, ["--help"], env={"COLUMNS": "80"})
    assert page.exit_code == 0
    lines = page.stdout.splitlines()
    assert lines[0].startswith("用法：psplan ")
    assert "选项：" in lines and "命令：" in lines
    listed = lines[lines.index("命令：") + 1 :]
    assert [line.split()[0] for line in listed if line.strip()] == list(COMMANDS)
    group = typer.main.get_command(app)
    for line in listed:  # each command's line: the first sentence of its Chinese help
        name = line.split()[0]
        said = line.split(None, 1)[1]
        assert chinese(group.commands[name].help).startswith(said.rstrip("…")), line
        assert said.count("（") == said.count("）"), line  # never cut inside a bracket
    assert max(cells(line) for line in lines) <= WIDTH
    assert "Show this message" not in page.stdout and "Options" not in page.stdout


def test_a_commands_help_is_chinese_with_typers_notes_in_chinese() -> None:
    page = runner.invoke(app, ["check", "-h"], env={"COLUMNS": "80"})
    assert page.exit_code == 0
    text = page.stdout
    assert text.startswith("用法：psplan check ")
    assert "参数：" in text and "选项：" in text
    assert "[必填]" in text and "[环境变量：PSPLAN_LANG；默认：zh]" in _unwrapped(text)
    assert "--by-region" in text and "Judge every indicator" not in text
    assert max(cells(line) for line in text.splitlines()) <= WIDTH
    by_region = next(p for p in _params("check") if p.name == "by_region")
    assert chinese(by_region.help) in _unwrapped(text)


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (["check", "--help", "--lang", "en"], {}),
        (["check", "--help"], {"PSPLAN_LANG": "en"}),
        (["--lang", "en", "check", "--help"], {}),
    ],
)
def test_english_where_the_command_is_in_english(args: list[str], env: dict[str, str]) -> None:
    page = runner.invoke(app, args, env={"COLUMNS": "80", **env})
    assert page.exit_code == 0
    assert page.stdout.startswith("Usage: psplan check ")
    assert "Judge every indicator against its target" in page.stdout
    assert "选项" not in page.stdout


def test_the_list_of_commands_follows_the_language() -> None:
    english = runner.invoke(app, ["--lang", "en", "--help"], env={"COLUMNS": "80"}).stdout
    assert "Commands:" in english and "Judge every indicator" in english
    chinese_page = runner.invoke(app, ["--help"], env={"COLUMNS": "80"}).stdout
    assert "Judge every indicator" not in chinese_page


def test_lines_break_between_chinese_characters_never_inside_a_word_or_before_a_comma() -> None:
    text = "按 --format json 输出，每个指标一行；文件后缀为 .xlsx 时写出监测工作簿（含各地区）。"
    for width in range(12, 40):
        lines = wrap(text, width)
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")
        assert all(cells(line) <= width for line in lines), (width, lines)
        assert not any(line[0] in "，。；）" for line in lines), (width, lines)
        assert not any(line.endswith("（") for line in lines), (width, lines)
        for word in ("--format", "json", ".xlsx"):
            assert any(word in line for line in lines), (width, lines)
    assert wrap("a" * 30, 10) == ["a" * 10] * 3  # a word longer than a line is cut


def test_a_short_help_is_the_first_sentence_cut_to_its_columns() -> None:
    check = typer.main.get_command(app).commands["check"]
    first = chinese(check.help).split("。")[0].split("；")[0]
    assert short_help(check.help, 200) == first
    cut = short_help(check.help, 20)
    assert cut.endswith("…") and cells(cut) <= 20 and first.startswith(cut[:-1])


def _params(name: str) -> list:
    command = typer.main.get_command(app).commands[name]
    return command.get_params(command.context_class(command))


def _unwrapped(page: str) -> str:
    """A page's text with its lines joined (a wrapped option's help is one text again)."""
    return "".join(line.strip() for line in page.splitlines())


def test_the_list_of_plans_speaks_the_commands_language() -> None:
    """`psplan list` said "64 indicators" under the Chinese default (a trial's finding)."""
    zh = runner.invoke(app, ["list"]).stdout.splitlines()
    assert "ankang\t安康市“十四五”公共服务体系建设规划\t64 个指标" in zh
    en = runner.invoke(app, ["list", "--lang", "en"]).stdout.splitlines()
    assert "ankang\t安康市“十四五”公共服务体系建设规划\t64 indicators" in en


def test_the_previous_periods_table_is_titled_as_what_it_is() -> None:
    """`check --previous` titled the 十三五 completion table "…“十四五”公共服务规划 · 2020年监测报告"
    (a trial's finding)."""
    zh = runner.invoke(app, ["check", "hanzhong", "--previous", "-f", "markdown"]).stdout
    assert zh.startswith("# 汉中市“十四五”公共服务规划 · 上一规划期完成情况（2020年，规划所列）\n")
    en = runner.invoke(app, ["check", "hanzhong", "--previous", "-f", "markdown", "--lang", "en"])
    assert "the previous period's completion (2020, as the plan prints it)" in en.stdout


def test_an_options_help_speaks_of_its_own_command() -> None:
    """--max-problems said "validate -f json lists all" on check, trend and every other
    command (a trial's finding): only validate and lint list their findings as JSON."""
    group = typer.main.get_command(app)
    for name, command in group.commands.items():
        ctx = command.context_class(command)
        helps = {p.name: p.help or "" for p in command.get_params(ctx)}
        if "max_problems" not in helps:
            continue
        said = helps["max_problems"]
        assert "validate" not in said, name
        assert ("-f json" in said) is (name in ("validate", "lint")), name
