"""Outputs beyond the corpus (tests/corpus/outputs.py): signals while writing, terminals that
cannot show Chinese, device nodes and terminals as `-o`, the escaping rules themselves, and
the problem limit of `validate`."""

from __future__ import annotations

import collections
import json
import os
import pty
import signal
import stat
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from psplan.errors import PsplanError
from psplan.formats.escape import (
    csv_cell,
    html_text,
    markdown_cell,
    one_line,
    to_json,
    visible,
    xlsx_text,
)
from psplan.output import resolve_output, write_output
from psplan.words import use_lang

from conftest import ROOT, assert_one_line_error, run_psplan


def _env(**extra: str) -> dict[str, str]:
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200", **extra}
    env.pop("PSPLAN_DEBUG", None)
    return env


def _temp_files(folder: Path) -> list[str]:
    return [name for name in os.listdir(folder) if name.endswith(".tmp")]


# ------------------------------------------------------------------------------ signals

#: psplan as a process that, its report in the temp file, waits until it is killed (not at
#: the rename itself, which holds signals back: one then comes after it).
SLOW_RENAME = textwrap.dedent(
    """
    import sys, time
    import psplan.output
    real = psplan.output._file_bytes
    def slow(content):
        yield from real(content)
        print("writing", flush=True)
        time.sleep(60)
    psplan.output._file_bytes = slow
    from psplan.cli import main
    sys.argv = ["psplan", *sys.argv[1:]]
    main()
    """
)


@pytest.mark.slow
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_a_signal_while_writing_leaves_no_temp_file(tmp_path: Path, signum: int) -> None:
    # A process: `main` ends it by the signal itself, which only a parent can see.
    out = tmp_path / "report.md"
    out.write_text("last year's report\n", encoding="utf-8")
    child = subprocess.Popen(
        [sys.executable, "-c", SLOW_RENAME, "show", "national", "-o", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
        env=_env(),
    )
    try:
        assert child.stdout is not None and child.stdout.readline() == "writing\n"
        assert _temp_files(tmp_path), "the temp file exists while the report is written"
        child.send_signal(signum)
        _, stderr = child.communicate(timeout=30)
    finally:
        child.kill()
    assert child.returncode == -signum, (child.returncode, stderr)
    name = signal.Signals(signum).name
    assert f"psplan: 已被 {name} 中断；{out} 未写入" in stderr, stderr  # (Chinese by default)
    assert "Traceback" not in stderr
    assert _temp_files(tmp_path) == []
    assert out.read_text(encoding="utf-8") == "last year's report\n"


#: `psplan report national` as a process of its own, in English.
REPORT = [sys.executable, "-m", "psplan", "report", "national"]


def _report(actuals: Path, out: Path, env: dict[str, str]) -> subprocess.Popen:
    """`psplan report national ACTUALS -o OUT` as a process of its own, in OUT's folder."""
    return subprocess.Popen(
        [*REPORT, str(actuals), "-o", str(out), "--lang", "en"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        cwd=out.parent,
        env=env,
    )


def _signal_when(
    child: subprocess.Popen, seen: Callable[[], bool], signum: int
) -> tuple[bool, str]:
    """Send `signum` to the child as soon as `seen()` (within two minutes), then wait for it:
    whether it was sent, and the child's stderr."""
    caught = False
    try:
        deadline = time.monotonic() + 120
        while child.poll() is None and time.monotonic() < deadline:
            if seen():
                child.send_signal(signum)
                caught = True
                break
            time.sleep(0.0005)
        _, stderr = child.communicate(timeout=60)
    finally:
        child.kill()
    return caught, stderr


@pytest.mark.slow
def test_sigterm_while_writing_a_large_report(tmp_path: Path) -> None:
    """The real thing: a 20 MB HTML report, SIGTERM as soon as its temp file appears (a
    process, as above)."""
    actuals = tmp_path / "a.csv"
    with actuals.open("w", encoding="utf-8") as handle:
        handle.write("indicator,year,value,region\n")
        handle.writelines(f"人均预期寿命,2023,78,县{i}\n" for i in range(1000))
    out = tmp_path / "r.html"
    child = _report(actuals, out, _env())
    caught, stderr = _signal_when(child, lambda: bool(_temp_files(tmp_path)), signal.SIGTERM)
    assert "Traceback" not in stderr and "internal error" not in stderr, stderr
    assert _temp_files(tmp_path) == []
    if caught and child.returncode == -signal.SIGTERM:
        assert "interrupted by SIGTERM" in stderr
        # the rename is the last step: the report is either absent or complete
        assert not out.exists() or out.read_text(encoding="utf-8").endswith("</html>\n")
    else:  # finished before the temp file was seen: it must be whole
        assert out.read_text(encoding="utf-8").endswith("</html>\n")


@pytest.mark.slow
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_while_a_workbook_is_made_leaves_no_temporary_file(
    tmp_path: Path, signum: int
) -> None:
    """A workbook is made in temporary files (a large sheet's rows, XlsxWriter's parts): a
    signal while it is made removes them with the output's (Ctrl-C once left 25 MB behind)."""
    actuals = tmp_path / "a.csv"
    with actuals.open("w", encoding="utf-8") as handle:
        handle.write("indicator,year,value,region\n")
        handle.writelines(f"人均预期寿命,{year},78,县{i}\n" for i in range(3000)
                          for year in (2022, 2023))  # fmt: skip
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    out = tmp_path / "r.xlsx"
    child = _report(actuals, out, _env(TMPDIR=str(temporary)))

    def made() -> bool:  # the workbook's temporary files exist
        return any(f.is_dir() and any(f.iterdir()) for f in temporary.glob("psplan-xlsx-*"))

    caught, stderr = _signal_when(child, made, signum)
    assert caught, "the workbook's temporary files were seen"
    assert child.returncode == -signum, (child.returncode, stderr)
    assert f"interrupted by {signal.Signals(signum).name}" in stderr, stderr
    assert list(temporary.iterdir()) == []
    assert not out.exists()


class _Killed(BaseException):
    """The signal came where its default action holds: the process would end on the spot."""


def _signal_at(step: int | None, kept: tuple[str, ...]) -> tuple[Callable, list[int]]:
    """A tracer that delivers SIGTERM at the `step`-th line run in a file ending in one of
    `kept`, as the interpreter does: not while the signal is held (`signals.held`), then to
    the handler in place (`_Killed` for the default action). Gives it and [lines run]."""
    seen = [0]
    pending = [False]

    def tracer(frame: object, event: str, _arg: object) -> Callable | None:
        code = frame.f_code  # type: ignore[attr-defined]
        if event == "call" and not code.co_filename.endswith(kept):
            return None
        if event == "line":
            seen[0] += 1
            pending[0] = pending[0] or seen[0] == step
            if pending[0] and signal.SIGTERM not in signal.pthread_sigmask(signal.SIG_BLOCK, []):
                pending[0] = False
                handler = signal.getsignal(signal.SIGTERM)
                if not callable(handler):
                    raise _Killed
                handler(signal.SIGTERM, frame)
        return tracer

    return tracer, seen


def test_a_signal_at_any_step_of_making_a_workbook_ends_it_cleanly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A signal lands wherever the program is: in a library's cleanup, in a `__del__`, between
    making a temp file and knowing its name. CI once saw SIGTERM end a workbook as "internal
    error: FileNotFoundError", exit 2. Delivered in turn at steps spread over the whole making
    and writing of a workbook (generated figures; its rows as XML, as a county file's are),
    each ends as `Interrupted` naming the output, or written whole once renamed; no temporary
    file or folder stays, the existing file is untouched, and nothing is said on stderr."""
    import psplan
    from psplan.formats import xlsx
    from psplan.signals import Interrupted
    from psplan.views.evaluation import evaluation_view

    if not hasattr(signal, "pthread_sigmask"):
        pytest.skip("no signal masks on this platform")
    rows = [{"indicator": "人均预期寿命", "year": year, "value": 78, "region": f"县{i}"}
            for i in range(40) for year in (2022, 2023)]  # fmt: skip
    view = evaluation_view(psplan.check("national", rows), "en")
    monkeypatch.setattr(xlsx, "XLSXWRITER_CELLS", 0)  # every data sheet's rows as XML
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(temporary))
    out = tmp_path / "r.xlsx"
    kept = ("/psplan/output.py", "/psplan/signals.py", "/psplan/formats/xlsx.py",
            "/psplan/formats/xlsx_rows.py", "/psplan/formats/spool.py", "/tempfile.py",
            "/shutil.py", "/zipfile.py", "/xlsxwriter/workbook.py", "/xlsxwriter/packager.py")  # fmt: skip

    def write(step: int | None) -> tuple[str, int]:
        out.write_bytes(b"before")
        tracer, seen = _signal_at(step, kept)
        sys.settrace(tracer)
        try:
            write_output(xlsx.chunks(view), out)
            ended = "written"
        except Interrupted as exc:
            assert exc.output == str(out), step
            ended = "interrupted, written" if exc.written else "interrupted"
        except _Killed:
            ended = "killed"
        finally:
            sys.settrace(None)
        assert list(temporary.iterdir()) == [], step
        assert _temp_files(tmp_path) == [], step
        if ended == "interrupted":
            assert out.read_bytes() == b"before", step
        elif ended != "killed":  # (killed: before it was written, or after)
            assert out.read_bytes()[:2] == b"PK", step
        return ended, seen[0]

    assert write(None)[0] == "written"
    steps = write(None)[1]
    ends = collections.Counter(write(step)[0] for step in range(1, steps, steps // 40))
    assert ends["interrupted"] >= 35, ends  # (a step after the handler is gone: killed)
    assert set(ends) <= {"interrupted", "interrupted, written", "killed"}, ends
    assert capsys.readouterr().err == ""


# ------------------------------------------------------------------- ASCII terminals


@pytest.mark.slow
@pytest.mark.parametrize(
    "env",
    [
        {"PYTHONIOENCODING": "ascii"},
        {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"},
    ],
    ids=["PYTHONIOENCODING=ascii", "LANG=C"],
)
def test_an_ascii_terminal_gets_escapes_not_a_crash(tmp_path: Path, env: dict[str, str]) -> None:
    # A process: the streams' encoding is fixed when the interpreter starts, and `main` makes
    # them tolerant; in-process runs write to UTF-8 buffers.
    for args in (("show", "national"), ("show", "national", "-f", "table"), ("list",)):
        done = subprocess.run(
            [sys.executable, "-m", "psplan", *args],
            capture_output=True,
            cwd=tmp_path,
            env=_env(**env),
            timeout=60,
        )
        assert done.returncode == 0, done.stderr
        stdout = done.stdout.decode("ascii")  # nothing but ASCII reached the terminal
        assert "\\u5341\\u56db\\u4e94" in stdout  # 十四五, readable back
        assert done.stderr.decode("ascii").count("psplan: warning: stdout's encoding") == 1
    bad = tmp_path / "缺失的文件.csv"
    for lang, message in (("en", "no such file"), ("zh", "\\u6587\\u4ef6\\u4e0d\\u5b58\\u5728")):
        done = subprocess.run(
            [sys.executable, "-m", "psplan", "check", "national", str(bad), "--lang", lang],
            capture_output=True,
            cwd=tmp_path,
            env=_env(**env),
            timeout=60,
        )
        assert done.returncode == 2
        stderr = done.stderr.decode("ascii")  # 文件不存在 in Chinese: escaped, readable back
        assert stderr.startswith("psplan: error:") and message in stderr, stderr
    assert "Traceback" not in stderr and "internal error" not in stderr


# -------------------------------------------------------------- devices, terminals


def test_a_device_node_is_never_replaced(tmp_path: Path) -> None:
    device = tmp_path / "null"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except (PermissionError, OSError) as exc:
        pytest.skip(f"cannot make a device node here: {exc}")
    result = run_psplan("show", "national", "-o", str(device), "--lang", "en")
    assert_one_line_error(result, "is a character device, not a regular file")
    assert stat.S_ISCHR(device.stat().st_mode)
    assert _temp_files(tmp_path) == []


def test_streams_by_name() -> None:
    assert resolve_output("-").stream == "stdout"
    assert resolve_output("/dev/stdout").stream == "stdout"
    assert resolve_output("/dev/fd/1").stream == "stdout"
    assert resolve_output("/dev/stderr").stream == "stderr"
    assert resolve_output(os.devnull).stream == "null"  # discarded, never replaced
    null = os.stat(os.devnull)
    write_output("nothing", Path(os.devnull))
    after = os.stat(os.devnull)
    assert stat.S_ISCHR(after.st_mode) and after.st_ino == null.st_ino


def test_an_input_reached_by_a_hard_link_is_refused(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_bytes((ROOT / "data" / "national.yaml").read_bytes())
    link = tmp_path / "link.md"
    os.link(plan, link)
    with use_lang("en"), pytest.raises(PsplanError, match="refusing to overwrite an input"):
        resolve_output(link, [plan])
    with pytest.raises(PsplanError, match="不能覆盖本命令的输入文件"):  # Chinese by default
        resolve_output(link, [plan])


def test_a_bundled_plan_named_by_its_name_is_an_input(tmp_path: Path) -> None:
    from psplan.cli import command_inputs
    from psplan.plan.plans import bundled_plans

    # The bundled files wherever this install keeps them (data/ in a checkout, the package
    # in a wheel install as CI makes it).
    bundled = {name: path.resolve() for name, path in bundled_plans().items()}
    inputs = command_inputs({"plan": "national", "actuals": tmp_path / "a.csv", "output": None})
    with use_lang("en"), pytest.raises(PsplanError, match="refusing to overwrite an input"):
        resolve_output(bundled["national"], inputs)
    children = command_inputs({"parent": "national", "all_children": True})
    assert bundled["hanzhong"] in [path.resolve() for path in children]


XLSX_STDOUT = ("-o", "-", "-f", "xlsx")


@pytest.mark.slow
def test_a_workbook_is_not_printed_on_a_terminal(tmp_path: Path) -> None:
    """A process: its stdout is a real terminal (a pty). Refused before any work: the
    figures are not even read (a county-scale workbook took half a minute to be refused),
    so a file that is not there is not what is said."""
    actuals = tmp_path / "not-there.csv"
    leader, follower = pty.openpty()
    try:
        done = subprocess.run(
            [*REPORT, str(actuals), *XLSX_STDOUT, "--lang", "en"],
            stdout=follower,
            stderr=subprocess.PIPE,
            text=True,
            env=_env(),
            timeout=60,
        )
    finally:
        os.close(follower)
        os.close(leader)
    assert done.returncode == 2
    assert done.stderr == (
        "psplan: error: -: will not print a binary file (an Excel workbook or a Word document)"
        " on a terminal; give a file name with -o\n"
    )


def test_a_workbook_goes_to_a_pipe(tmp_path: Path) -> None:
    actuals = tmp_path / "a.csv"
    actuals.write_text("indicator,year,value\n人均预期寿命,2023,78\n", encoding="utf-8")
    done = run_psplan("report", "national", str(actuals), *XLSX_STDOUT)  # stdout: not a terminal
    assert done.returncode in (0, 1), done.stderr
    assert done.stdout_bytes.startswith(b"PK")  # a zip: the workbook
    assert "已写入" not in done.stderr


# ------------------------------------------------------------------------- escaping

HOSTILE = "\x1b[31m红\x1b]8;;http://x\x1b\\链\x1b]8;;\x1b\\\u202eexe\u200b\x01\x7f\x9b\ud800"


def test_visible_shows_every_control_and_invisible_character() -> None:
    shown = visible(HOSTILE + "\ttab\r\nline\rcr")
    assert shown == (
        "<U+001B>[31m红<U+001B>]8;;http://x<U+001B>\\链<U+001B>]8;;<U+001B>\\<U+202E>exe"
        "<U+200B><U+0001><U+007F><U+009B><U+D800>\ttab\nline<U+000D>cr"
    )
    assert one_line("a\nb\tc") == "a<U+000A>b<U+0009>c"
    assert visible("普通的文字 ① ２０２３ — “引号”") == "普通的文字 ① ２０２３ — “引号”"


def test_markdown_cell_is_one_cell() -> None:
    assert markdown_cell("a|b") == "a\\|b"
    assert markdown_cell("a\\|b") == "a\\\\\\|b"  # the backslash cannot escape the escape
    assert markdown_cell("a\r\nb\nc") == "a<br>b<br>c"
    assert markdown_cell("<img src=x>") == "&lt;img src=x>"
    # a comparator is no tag: `<9` reads as itself, in a raw file too (a reviewer's trial)
    assert markdown_cell("<9") == "<9" and markdown_cell("≤ 5 <a") == "≤ 5 &lt;a"
    assert markdown_cell("</b><!--<?") == "&lt;/b>&lt;!--&lt;?"
    assert markdown_cell(None) == "" and markdown_cell(3.5) == "3.5"


def test_html_text_escapes_markup_and_shows_bidi() -> None:
    assert html_text('<b title="x">&\u202e') == "&lt;b title=&quot;x&quot;&gt;&amp;&lt;U+202E&gt;"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+cmd", "'+cmd"),
        ("-cmd", "'-cmd"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("-10%", "-10%"),
        ("+3.5", "+3.5"),
        ("-1,234", "-1,234"),
        ("-", "-"),
        ("——", "——"),
        (-3.5, -3.5),
        ("a\r\nb", "a\nb"),
        ("a\x1bb", "a<U+001B>b"),
    ],
)
def test_csv_cell(cell: object, expected: object) -> None:
    assert csv_cell(cell) == expected


def test_xlsx_text_is_legal_and_fits_a_cell() -> None:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    assert not ILLEGAL_CHARACTERS_RE.search(xlsx_text("".join(chr(c) for c in range(32))))
    assert len(xlsx_text("长" * 40_000)) == 32_767
    # what is cut is said, with how much: 40,000 − (32,767 − 9) = 7,242 characters
    cut = xlsx_text("长" * 40_000)
    assert cut.endswith("长…[+7,242]") and cut.count("长") == 32_767 - 9
    assert xlsx_text("长" * 32_767) == "长" * 32_767  # a cell that fits is whole


def test_json_escapes_are_lossless() -> None:
    data = {"k": HOSTILE + "\u2028\U000e0041" + "普通"}
    text = to_json(data)
    assert all(ord(c) < 0x7F or c in "红链普通" for c in text), text
    assert json.loads(text) == data
    assert to_json({"n": 1}, indent=None) == '{"n": 1}'


# --------------------------------------------------------------------- --max-problems


def _broken_plan(tmp_path: Path, count: int) -> Path:
    path = tmp_path / "plan.yaml"
    rows = "".join(f"  - {{id: x{i}}}\n" for i in range(count))
    path.write_text(
        "id: t\nname: t\nlevel: county\nperiod: {start: 2021, end: 2025}\n"
        f"baseline_year: 2020\ndomains: [a]\nindicators:\n{rows}",
        encoding="utf-8",
    )
    return path


def test_validate_prints_fifty_problems_then_counts_the_rest(tmp_path: Path) -> None:
    plan = _broken_plan(tmp_path, 100)
    everything = run_psplan("validate", str(plan), "--max-problems", "0")
    total = sum(": error:" in line for line in everything.stdout.splitlines())
    assert total > 100
    result = run_psplan("validate", str(plan), "--lang", "en")
    assert result.returncode == 2
    lines = result.stdout.splitlines()
    assert sum(": error:" in line for line in lines) == 50
    assert lines[-2] == f"… and {total - 50} more problems (use --max-problems to see more)"
    assert lines[-1] == f"1 file(s) checked, {total} error(s)"
    chinese = run_psplan("validate", str(plan)).stdout.splitlines()  # the default language
    assert sum(": error:" in line for line in chinese) == 50  # the level is a code for scripts
    assert chinese[-2:] == [
        f"…… 另有 {total - 50} 个问题未列出（用 --max-problems 查看更多）",
        f"已检查 1 个文件，{total} 个错误",
    ]
    github = run_psplan(
        "validate", str(plan), "-f", "github", "--max-problems", "5", "--lang", "en"
    )
    assert github.stdout.count("::error ") == 5
    assert f"::notice::… and {total - 5} more problems" in github.stdout
    data = json.loads(run_psplan("validate", str(plan), "-f", "json").stdout)
    assert len(data["problems"]) == total  # JSON, for programs, lists them all


def test_warnings_are_bounded_too(capsys: pytest.CaptureFixture[str]) -> None:
    from psplan.cli import print_problems
    from psplan.errors import Location, Problem
    from psplan.words import use_lang

    problems = [Problem(Location("a.csv", n), f"odd {n}", level="warning") for n in range(80)]
    with use_lang("en"):
        print_problems(problems, "warning", 10)
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 11
    assert lines[0] == "psplan: warning: a.csv: odd 0"
    assert lines[-1] == "psplan: warning: … and 70 more warnings (use --max-problems to see more)"
    print_problems(problems, "warning", 10)  # in Chinese by default
    assert capsys.readouterr().err.splitlines()[-1] == (
        "psplan: warning: …… 另有 70 条警告未列出（用 --max-problems 查看更多）"
    )


def test_a_note_that_checking_stopped_is_printed_last() -> None:
    from psplan.errors import Location, Problem
    from psplan.formats import render
    from psplan.views.problems import problems_view

    problems = [Problem(Location("p.yaml", n), "bad") for n in range(1, 8)]
    stopped = Problem(Location("p.yaml"), "stopped after 7 problems", "too-many-problems")
    view = problems_view([*problems, stopped], 1, 3, "en")
    text = render(view, "text").splitlines()
    assert text[3:5] == [
        "… and 4 more problems (use --max-problems to see more)",
        "p.yaml: error: stopped after 7 problems [too-many-problems]",
    ]
    github = render(view, "github").splitlines()
    assert github[-1].endswith("::stopped after 7 problems") and len(github) == 5


def test_version_answers_before_the_command_line_loads() -> None:
    """`psplan --version` (the console script, and `python -m psplan`) prints the version
    without importing typer or any command: most of a tenth of a second saved."""
    import subprocess
    import sys

    script = ("import sys; sys.argv = ['psplan', '--version']; from psplan.entry import main; "
              "main(); print(sorted(m for m in ('typer', 'click', 'psplan.cli') "
              "if m in sys.modules))")  # fmt: skip
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    from psplan import __version__

    assert done.stdout.splitlines() == [f"psplan {__version__}", "[]"]
    module = subprocess.run([sys.executable, "-m", "psplan", "--version"], capture_output=True,
                            text=True)  # fmt: skip
    assert module.stdout == f"psplan {__version__}\n" and module.returncode == 0
