"""The command as users start it: a real process through `psplan.cli:main`.

Every other command-line test runs the Typer app in-process (`run_psplan` in conftest.py),
which leaves out what `main` adds around it: the last-resort handler that turns any exception
into one line and exit code 2 (130 for Ctrl-C), and the process's own exit code. Those are
tested here, as processes — `python -m psplan` itself, and `main` with a stand-in app that
fails in each way it can.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import ROOT, assert_one_line_error


@pytest.mark.slow
def test_python_dash_m_psplan_exit_codes(psplan_process, tmp_path: Path) -> None:
    # Exit 0 as a process: the ASCII-terminal tests (test_outputs.py) and the corpus.
    bad = tmp_path / "bad.csv"
    bad.write_text("indicator,year,value\n九年义务教育巩固率,2023,95.3\n", encoding="utf-8")
    done = psplan_process("check", "national", str(bad))
    assert done.returncode == 1, done.stderr  # a binding indicator behind
    assert "九年义务教育巩固率" in done.stdout
    missing = str(tmp_path / "none.csv")
    assert_one_line_error(psplan_process("check", "national", missing), "文件不存在")
    assert_one_line_error(
        psplan_process("check", "national", missing, "--lang", "en"), "no such file"
    )


#: `main` running a stand-in app that raises the exception given as the first argument.
FAILING_APP = textwrap.dedent(
    """
    import sys
    import psplan.cli
    from psplan.errors import PsplanError

    def app():
        raise eval(sys.argv[1])

    psplan.cli.app = app
    psplan.cli.main()
    """
)


def run_main(exception: str, **env: str) -> subprocess.CompletedProcess:
    environ = {**os.environ, "NO_COLOR": "1", **env}
    if "PSPLAN_DEBUG" not in env:
        environ.pop("PSPLAN_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-c", FAILING_APP, exception],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=environ,
        timeout=60,
    )


@pytest.mark.parametrize(
    ("exception", "code", "stderr"),
    [
        (
            "RuntimeError('a bug\\nover two lines')",
            2,
            "psplan: internal error: RuntimeError: a bug<U+000A>over two lines "
            "(set PSPLAN_DEBUG=1 for details)\n",
        ),
        ("PsplanError('bad input')", 2, "psplan: error: bad input\n"),
        ("KeyboardInterrupt()", 130, "psplan: 已中断\n"),  # (Chinese by default)
    ],
)
def test_the_last_resort_handler(exception: str, code: int, stderr: str) -> None:
    done = run_main(exception)
    assert (done.returncode, done.stderr, done.stdout) == (code, stderr, "")


def test_psplan_debug_shows_the_traceback() -> None:
    done = run_main("RuntimeError('a bug')", PSPLAN_DEBUG="1")
    assert done.returncode == 1
    assert "Traceback" in done.stderr and "RuntimeError: a bug" in done.stderr


@pytest.mark.parametrize(
    ("argv", "env", "said"),
    [
        ([], {}, "psplan: 已中断\n"),
        (["--lang", "en"], {}, "psplan: interrupted\n"),
        (["--lang=en"], {}, "psplan: interrupted\n"),
        ([], {"PSPLAN_LANG": "en"}, "psplan: interrupted\n"),
        (["--lang", "zh"], {"PSPLAN_LANG": "en"}, "psplan: 已中断\n"),
    ],
)
def test_an_interrupt_is_said_in_the_commands_language(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture, argv, env, said
) -> None:
    """The line an interrupt ends with was English under the Chinese default (a trial's)."""
    import psplan.cli as cli

    def interrupted(_argv):
        def run():
            raise KeyboardInterrupt

        return run

    monkeypatch.setattr(cli, "_app_for", interrupted)
    monkeypatch.setattr(sys, "argv", ["psplan", "check", "x", "y", *argv])
    monkeypatch.delenv("PSPLAN_LANG", raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    with pytest.raises(SystemExit) as ended:
        cli.main()
    assert ended.value.code == 130 and capsys.readouterr().err == said
