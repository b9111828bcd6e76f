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
        # an option taking a value followed by another: click wrote a file named "--lang"
        # (trial 10, D11)
        (["check", "ankang", "x.csv", "-o", "--lang", "en"],
         "option -o needs a value, but the option --lang follows it; "
         "see 'psplan check --help'"),
        (["--lang", "en", "check", "ankang", "x.csv", "--output", "-f", "json"],
         "option --output needs a value, but the option -f follows it; "
         "see 'psplan check --help'"),
        (["check", "ankang", "x.csv", "--year", "--strict"],
         "选项 --year 后面需要一个值，但紧跟的是选项 --strict；用法见 psplan check --help"),
        # nan passed `min=0` as "less than 0", and inf passed (trial 10, D13)
        (["lint", "ankang", "x.csv", "--jump-steps", "nan"],
         "--jump-steps 的值无效：应为有限的数值；用法见 psplan lint --help"),
        (["lint", "ankang", "x.csv", "--jump-share", "inf"],
         "--jump-share 的值无效：应为有限的数值；用法见 psplan lint --help"),
        (["lint", "ankang", "x.csv", "--jump-share", "-0.1"],
         "--jump-share 的值无效：应不小于 0；用法见 psplan lint --help"),
        (["lint", "ankang", "x.csv", "--outlier-z", "0.05", "--lang", "en"],
         "invalid value for --outlier-z: expected at least 0.1; see 'psplan lint --help'"),
        (["lint", "ankang", "x.csv", "--outlier-z", "三"],
         "--outlier-z 的值无效：应为数值；用法见 psplan lint --help"),
    ],
)  # fmt: skip
def test_a_usage_error_is_one_line_in_the_commands_language(args: list[str], line: str) -> None:
    result = runner.invoke(app, args, prog_name="psplan")
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert result.stderr.splitlines() == [f"psplan: error: {line}"]


def test_psplan_alone_names_the_commands_in_one_line() -> None:
    """`psplan` alone printed click's 22 lines of English help on stderr, exit 2 (trial 10,
    D11): it is a usage error like the others, naming the commands there are."""
    from psplan.cli import COMMANDS

    for args, line in (
        ([], "psplan: error: 缺少命令；可用的命令：{}；用法见 psplan --help"),
        (["--lang", "en"], "psplan: error: missing a command; the commands: {}; "
         "see 'psplan --help'"),
    ):  # fmt: skip
        result = runner.invoke(app, args, prog_name="psplan")
        assert result.exit_code == 2 and result.stdout == ""
        names = ("、" if not args else ", ").join(COMMANDS)
        assert result.stderr.splitlines() == [line.format(names)]


def test_a_value_like_an_option_is_still_a_value(tmp_path: Path) -> None:
    """Only another of the command's options is refused after `-o`: `-o -` is stdout."""
    result = runner.invoke(app, ["show", "national", "-o", "-", "-f", "json"])
    assert result.exit_code == 0 and result.stdout.startswith("{")
    result = runner.invoke(app, ["lint", "national", "x.csv", "--jump-steps", " 2 "])
    assert "--jump-steps" not in result.stderr


def test_help_and_success_keep_their_exit_codes(tmp_path: Path) -> None:
    assert runner.invoke(app, ["check", "--help"]).exit_code == 0
    short = runner.invoke(app, ["check", "-h"])  # a habit: it was "没有选项 -h"
    assert short.exit_code == 0 and short.stdout.startswith("用法：")
    assert short.stdout == runner.invoke(app, ["check", "--help"]).stdout
    done = runner.invoke(app, ["show", "national", "-o", str(tmp_path / "n.json")])
    assert done.exit_code == 0, done.output
    assert (tmp_path / "n.json").stat().st_size > 0


def test_a_bad_language_in_the_environment_names_the_variable(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """PSPLAN_LANG=fr blamed --lang, which nobody typed (a trial's finding); EN and Zh, as
    an environment variable is often set, are read as en and zh."""
    monkeypatch.setenv("PSPLAN_LANG", "fr")
    result = runner.invoke(app, ["check", "ankang", "x.csv"], prog_name="psplan")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "psplan: error: 环境变量 PSPLAN_LANG 的值无效：“fr”不是可选值（zh、en）；"
        "用法见 psplan check --help"
    ]
    monkeypatch.setenv("PSPLAN_LANG", "EN")
    out = tmp_path / "n.json"
    done = runner.invoke(app, ["show", "national", "-o", str(out)])
    assert done.exit_code == 0 and done.stderr.startswith("wrote ")
    mistyped = runner.invoke(app, ["check", "ankang", "x.csv", "--stage", "last"],
                             prog_name="psplan")  # fmt: skip
    assert mistyped.stderr.startswith("psplan: error: invalid value for --stage")
    # a reader of English who typed English is told so in English (it was Chinese: a trial)
    monkeypatch.setenv("PSPLAN_LANG", "english")
    said = runner.invoke(app, ["list"], prog_name="psplan").stderr
    assert said.startswith("psplan: error: invalid value for the environment variable PSPLAN_LANG")
    monkeypatch.setenv("PSPLAN_LANG", "en")
    said = runner.invoke(app, ["--lang", "fr", "list"], prog_name="psplan").stderr
    assert said.startswith("psplan: error: invalid value for --lang: 'fr' is not one of zh, en")


def test_lang_may_come_before_the_command(tmp_path: Path) -> None:
    """`psplan --lang en check …` was "no such option: --lang" (a trial's finding): it is the
    command's language, and the command's own --lang after it still decides."""
    out = tmp_path / "n.json"
    done = runner.invoke(app, ["--lang", "en", "show", "national", "-o", str(out)])
    assert done.exit_code == 0 and done.stderr == f"wrote {out}\n"
    mistyped = runner.invoke(app, ["--lang", "EN", "check", "ankang", "x.csv", "--stage", "x"],
                             prog_name="psplan")  # fmt: skip
    assert mistyped.stderr.startswith("psplan: error: invalid value for --stage")
    again = runner.invoke(app, ["--lang", "en", "show", "national", "--lang", "zh", "-o",
                                str(out)])  # fmt: skip
    assert again.exit_code == 0 and again.stderr == f"已覆盖 {out}\n"  # (written just above)
    bad = runner.invoke(app, ["--lang", "fr", "show", "national"], prog_name="psplan")
    assert bad.exit_code == 2
    assert (
        bad.stderr
        == "psplan: error: --lang 的值无效：“fr”不是可选值（zh、en）；用法见 psplan --help\n"
    )
