"""A usage error (a mistyped option, a bad value, a missing argument) is psplan's one line
in the command's language, exit 2, naming the command's help — not click's three English
lines with pydantic's wording (a trial found `Usage: … Try … Error: Invalid value for
'--stage': Value error, 'last' is not one of …` under the Chinese default)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from psplan.cli import app

runner = CliRunner()


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (["check", "ankang", "x.csv", "--stage", "last"],
         "--stage 的值无效：“last”不是可选值（annual、mid、final）；用法见 psplan check --help"),
        (["check", "ankang", "x.csv", "--lang", "en", "--stage", "last"],
         "invalid value for --stage: 'last' is not one of annual, mid, final; "
         "see 'psplan check --help'"),
        (["check", "ankang", "x.csv", "--format", "pdf"],
         "--format 的值无效：“pdf”不是可选值（table、markdown、json、csv、html、xlsx）；"
         "用法见 psplan check --help"),
        (["check", "ankang", "x.csv", "--year", "abc"],
         "--year 的值无效：应为整数；用法见 psplan check --help"),
        (["check", "ankang", "x.csv", "--max-problems", "-5"],
         "--max-problems 的值无效：应不小于 0；用法见 psplan check --help"),
        (["lint", "ankang", "x.csv", "--jump", "1"],
         "没有选项 --jump；是否要用 --jump-share、--jump-steps；用法见 psplan lint --help"),
        (["check"], "缺少参数 PLAN；用法见 psplan check --help"),
        (["report", "ankang", "x.csv"], "缺少选项 --output；用法见 psplan report --help"),
        (["show", "ankang", "extra"], "多余的参数：extra；用法见 psplan show --help"),
        (["chek", "national"], "没有命令“chek”；是否要用 check、schema；用法见 psplan --help"),
        (["check", "ankang", "x.csv", "--year"], "选项 --year 后面需要一个值"),
    ],
)  # fmt: skip
def test_a_usage_error_is_one_line_in_the_commands_language(args: list[str], line: str) -> None:
    result = runner.invoke(app, args, prog_name="psplan")
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert result.stderr.splitlines() == [f"psplan: error: {line}"]


def test_psplan_alone_still_shows_the_help() -> None:
    result = runner.invoke(app, [], prog_name="psplan")
    assert result.exit_code == 2
    assert "Usage: psplan [OPTIONS] COMMAND [ARGS]..." in result.output
    assert "check" in result.output and "error" not in result.output


def test_help_and_success_keep_their_exit_codes(tmp_path: Path) -> None:
    assert runner.invoke(app, ["check", "--help"]).exit_code == 0
    done = runner.invoke(app, ["show", "national", "-o", str(tmp_path / "n.json")])
    assert done.exit_code == 0, done.output
    assert (tmp_path / "n.json").stat().st_size > 0
