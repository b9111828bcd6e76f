"""Every command in the README's command list runs and prints what its comment claims.

The commands are read from the README itself, so the README cannot drift from the tool: each
is run in-process (typer's CliRunner) from a scratch folder that sees the repository's data/
and examples/, and its output is checked against a fragment of what the comment promises.
"""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from psplan.cli import app

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")

#: What each command's output must contain (a claim of its README comment), by subcommand
#: and a distinguishing word of the command line.
CLAIMS = {
    ("show", "json"): '"indicators"',
    ("show", ""): "人均预期寿命",
    ("validate", "github"): "",
    ("validate", ""): "个文件均有效",  # "5 file(s) valid" under --lang en
    ("check", "--by-region"): "滞后地区",
    ("check", "--previous"): "已达标",
    ("check", "--region"): "人工设定",
    ("check", "-o"): "",
    ("check", ""): "养老服务床位总量",
    ("trend", ""): "城镇老旧小区改造",
    ("compare", "--all"): "suzhou",
    ("compare", "hanzhong-15.yaml"): "延续",
    ("init", ""): "",
    ("lint", ""): "",
    ("compare", ""): "少数民族文化服务",
    ("template", ""): "",
    ("report", ""): "",
    ("schema", ""): '"properties"',
}


def readme_commands() -> list[str]:
    block = README[README.index("## Commands") :]
    block = block[block.index("```sh") + 5 : block.index("```", block.index("```sh") + 5)]
    return [line.split("  #")[0].strip() for line in block.splitlines() if line.strip()]


def test_the_readme_lists_commands() -> None:
    commands = readme_commands()
    assert len(commands) >= 12
    assert {c.split()[1] for c in commands} >= {
        "show", "validate", "check", "trend", "compare", "template", "report", "schema",
    }  # fmt: skip


@pytest.mark.parametrize("command", readme_commands())
def test_readme_command(command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "data").symlink_to(ROOT / "data")
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    monkeypatch.chdir(tmp_path)
    words = shlex.split(command)
    assert words[0] == "psplan"
    redirect = None
    if ">" in words:
        at = words.index(">")
        redirect, words = words[at + 1], words[:at]
    args = []
    for word in words[1:]:
        args += (
            sorted(str(p.relative_to(tmp_path)) for p in tmp_path.glob(word))
            if "*" in word
            else [word]
        )
    for earlier in readme_commands():  # a file an earlier command of the README writes
        made = shlex.split(earlier)
        if "-o" in made and made[made.index("-o") + 1] in args[1:] and made[1] != args[0]:
            CliRunner().invoke(app, made[1:], catch_exceptions=False)
    result = CliRunner().invoke(app, args, catch_exceptions=False)  # a bug fails the test
    assert result.exit_code in (0, 1), (command, result.output, result.exception)
    output = result.stdout
    name = args[0]
    claim = next(
        text for (sub, word), text in CLAIMS.items() if sub == name and (word in args or not word)
    )
    assert claim in output, (command, output[:500])
    if "-o" in args:
        written = tmp_path / args[args.index("-o") + 1]
        assert written.exists() and written.stat().st_size > 0, command
        if written.suffix == ".html":
            assert "<!DOCTYPE html>" in written.read_text(encoding="utf-8")
        if written.suffix == ".xlsx":
            from openpyxl import load_workbook

            assert load_workbook(written).sheetnames
        if written.suffix == ".md":
            assert "养老服务床位总量" in written.read_text(encoding="utf-8")
    if redirect:
        assert output.strip()
