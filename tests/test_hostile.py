"""A corpus of hostile inputs, each with the one-line error it must produce (exit 2, no
traceback), and the output-safety guarantees."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, assert_one_line_error

HOSTILE = Path(__file__).parent / "hostile"

ACTUALS = [
    ("empty.csv", "the file is empty"),
    ("header-only.csv", "no figures in the file"),
    ("ragged.csv", ":2: the row has 1 cell(s) and no year, which the header puts in column 2"),
    ("nul.csv", ":2: contains a NUL byte"),
    ("huge-number.csv", ":2:3: '1e309' is too large"),
]
PLANS = [  # the English message (--lang en) and the Chinese one (the default)
    (
        "billion-laughs.yaml",
        ":2:8: YAML aliases (*name) are not allowed",
        ":2:8: error: 规划文件中不允许使用 YAML 别名（*name）",
    ),
    (
        "python-tag.yaml",
        ":1:5: YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed",
        ":1:5: error: 不允许使用 YAML 标签“tag:yaml.org,2002:python/object/apply:os.system”",
    ),
    (
        "duplicate-keys.yaml",
        ":6:1: duplicate key 'baseline_year'",
        ":6:1: error: 键“baseline_year”重复",
    ),
]


@pytest.mark.parametrize(("name", "message"), ACTUALS)
def test_hostile_actuals(psplan, name: str, message: str) -> None:
    path = HOSTILE / name
    assert_one_line_error(
        psplan("check", "national", str(path), "--lang", "en"),
        f"{path}{message}" if message.startswith(":") else message,
    )


@pytest.mark.parametrize(("name", "message", "chinese"), PLANS)
def test_hostile_plans(psplan, name: str, message: str, chinese: str) -> None:
    path = HOSTILE / name
    assert_one_line_error(psplan("show", str(path), "--lang", "en"), f"{path}{message}")
    result = psplan("validate", str(path))
    assert result.returncode == 2
    assert f"{path}{chinese}" in result.stdout


def test_nan_is_missing_and_minus_zero_is_zero(psplan) -> None:
    data = json.loads(
        psplan("check", "national", str(HOSTILE / "nan.csv"), "--format", "json").stdout
    )
    by_id = {r["id"]: r for r in data["results"]}
    assert by_id["compulsory_education_retention"]["status"] == "no_data"
    assert by_id["preschool_gross_enrollment"]["actual"] == 0.0


def test_ten_megabyte_line(psplan, tmp_path: Path) -> None:
    path = tmp_path / "long-line.csv"
    path.write_text(
        "indicator,year,value\n九年义务教育巩固率,2023," + "9" * 10_000_000 + "\n", encoding="utf-8"
    )
    assert_one_line_error(
        psplan("check", "national", str(path), "--lang", "en"), f"{path}:2", "malformed CSV"
    )


def test_mixed_encodings_are_named_with_the_row(psplan, tmp_path: Path) -> None:
    # UTF-8 for the first 64 KiB (what detection samples), GB18030 after it.
    head = "indicator,year,value\n" + "九年义务教育巩固率,2023,95\n" * 3000
    path = tmp_path / "mixed.csv"
    path.write_bytes(head.encode("utf-8") + "学前教育毛入园率,2023,91\n".encode("gb18030"))
    result = psplan("check", "national", str(path), "--lang", "en")
    assert_one_line_error(result, str(path), "cannot decode as utf-8", "--encoding")


@pytest.mark.slow
def test_plan_with_ten_thousand_indicators(psplan, tmp_path: Path) -> None:
    lines = [
        "id: big",
        "name: 大规划",
        "level: county",
        "period: {start: 2021, end: 2025}",
        "baseline_year: 2020",
        "domains: [病有所医]",
        "indicators:",
    ]
    lines += [
        f"  - {{id: i{n}, domain: 病有所医, name: 指标{n}, baseline: '{n}', target: '>{n}', attribute: 预期性}}"
        for n in range(10_000)
    ]
    path = tmp_path / "big.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    start = time.perf_counter()
    result = psplan("validate", str(path))
    assert result.returncode == 0, result.stdout[-500:]
    assert time.perf_counter() - start < 60


def test_directory_given_as_a_file(psplan, tmp_path: Path) -> None:
    en = ("--lang", "en")
    assert_one_line_error(psplan("check", "national", str(tmp_path), *en), "is a directory")
    assert_one_line_error(psplan("show", str(tmp_path), *en), "is a directory")
    assert_one_line_error(psplan("show", str(tmp_path)), "这是文件夹，不是文件")


def test_unreadable_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # Tests run as root in CI, where chmod 000 does not stop reading: simulate the OS refusing.
    from psplan.errors import PsplanError
    from psplan.plan.yamlsource import read_text
    from psplan.words import use_lang

    path = tmp_path / "plan.yaml"
    path.write_text("id: x\n", encoding="utf-8")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(PsplanError, match="没有读取该文件的权限"):
        read_text(path)
    with use_lang("en"), pytest.raises(PsplanError, match="permission denied"):
        read_text(path)


def test_output_equal_to_an_input_is_refused(psplan, tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_bytes((ROOT / "data" / "national.yaml").read_bytes())
    before = plan.read_bytes()
    assert_one_line_error(
        psplan("show", str(plan), "-o", str(plan), "--lang", "en"), "refusing to overwrite an input"
    )
    assert plan.read_bytes() == before


def test_failed_output_leaves_the_existing_file_alone(psplan, tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    out.write_text("last year's report", encoding="utf-8")
    bad = tmp_path / "bad.csv"
    bad.write_text("indicator,year,value\nnope,2023,1\n", encoding="utf-8")
    assert psplan("check", "national", str(bad), "-o", str(out)).returncode == 2
    assert out.read_text(encoding="utf-8") == "last year's report"


@pytest.fixture(scope="module")
def county_csv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A long actuals file, over the progress display's 4 MiB: 800 counties × the national
    indicators × 5 years (88,000 rows), made once for this module's process tests."""
    path = tmp_path_factory.mktemp("counties") / "big.csv"
    generator = ROOT / "benchmarks" / "generate.py"
    command = [sys.executable, str(generator), "national", "-o", str(path), "--regions", "800"]
    subprocess.run(command, check=True, capture_output=True)
    return path


def _wait_until_reading(process: subprocess.Popen, path: Path) -> None:
    """Return once `process` has `path` open: psplan's command is running (past start-up and
    inside `main`). Where /proc is missing, wait the time start-up takes instead."""
    fds = Path(f"/proc/{process.pid}/fd")
    if not fds.is_dir():
        time.sleep(1.5)
        return
    wanted = str(path.resolve())
    deadline = time.monotonic() + 60
    while process.poll() is None and time.monotonic() < deadline:
        try:
            if any(os.readlink(fd) == wanted for fd in fds.iterdir()):
                return
        except OSError:  # a descriptor closed while looking
            pass
        time.sleep(0.005)
    pytest.fail(f"psplan never opened {path} (exit {process.poll()})")


@pytest.mark.slow
def test_ctrl_c_exits_130_without_traceback(county_csv: Path) -> None:
    # A process: Ctrl-C is a signal to the real command, handled by `main`.
    process = subprocess.Popen(
        [sys.executable, "-m", "psplan", "check", "national", str(county_csv), "--format", "json"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
    )
    try:
        _wait_until_reading(process, county_csv)
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=60)
    finally:
        process.kill()
    assert process.returncode == 130, stderr
    assert "Traceback" not in stderr


@pytest.mark.slow
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_while_a_gb18030_file_is_read_leaves_no_copy(tmp_path: Path, signum: int) -> None:
    """duckdb reads a GB18030 file from a UTF-8 copy in the temp folder. SIGTERM or SIGHUP
    while it read (their default ends the process on the spot) left the copy there — 50 MB
    for a county file; now it is removed, and the process still ends by the signal. A
    process: how it ends is the point (the signal is sent just as duckdb starts reading)."""
    path = tmp_path / "各县.csv"
    path.write_bytes("地区,指标,年份,数值\n京001县,城镇新增就业人数,2023,1.2\n".encode("gb18030"))
    temp = tmp_path / "temp"
    temp.mkdir()
    script = (
        "import os, signal, sys\n"
        "from psplan.actuals import columnar\n"
        "read = columnar._insert\n"
        "def signalled(*args):\n"
        f"    os.kill(os.getpid(), {int(signum)})\n"
        "    return read(*args)\n"
        "columnar._insert = signalled\n"
        "from psplan.cli import main\n"
        "sys.argv = ['psplan', 'check', 'ankang', sys.argv[1], '--lang', 'en']\n"
        "main()\n"
    )
    env = {**os.environ, "TMPDIR": str(temp), "PSPLAN_ENGINE": "columnar", "NO_COLOR": "1"}
    done = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True,
                          text=True, env=env, timeout=60)  # fmt: skip
    assert done.returncode == -signum, done.stderr
    assert done.stderr == f"psplan: interrupted by {signal.Signals(signum).name}\n"
    assert list(temp.iterdir()) == []


@pytest.mark.slow
def test_progress_bar_on_a_terminal_and_not_when_piped(county_csv: Path, tmp_path: Path) -> None:
    # A process: whether stderr is a terminal is the point. One region is judged (the display
    # is for reading, which covers the whole file either way), so each run takes under a second.
    import pty

    assert county_csv.stat().st_size > 4 * 1024 * 1024
    command = [
        sys.executable,
        "-m",
        "psplan",
        "check",
        "national",
        str(county_csv),
        "--region",
        "京001县",
        "--format",
        "json",
        "-o",
        str(tmp_path / "o.json"),
        "--lang",
        "en",
    ]
    # the bar shows the per-row reader's progress (the columnar engine reads the whole file
    # in well under a second and draws none)
    env = {**os.environ, "PSPLAN_ENGINE": "rows"}
    piped = subprocess.run(command, capture_output=True, text=True, env=env)
    # (one county judged against the country's totals: that warning, then the file written)
    said = [line for line in piped.stderr.splitlines() if not line.startswith("psplan: warning:")]
    assert "rows" not in piped.stderr and said == [f"wrote {tmp_path / 'o.json'}"]  # --lang en
    master, slave = pty.openpty()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=slave, env=env)
    os.close(slave)
    drawn = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:
            break
        if not chunk:
            break
        drawn += chunk
    os.close(master)
    process.wait(timeout=120)
    assert b"rows" in drawn and b"big.csv" in drawn


def test_one_gb18030_line_in_a_utf8_files_head_is_named_with_its_row(
    psplan, tmp_path: Path
) -> None:
    """A UTF-8 file with one line pasted from a GB18030 file within the 64 KiB detection
    reads: it was taken for GB18030 and refused at line 1 ("cannot decode as gb18030"), the
    bad line never named (a trial's finding). Now the UTF-8 read stops at that line."""
    head = "indicator,year,value\n" + "九年义务教育巩固率,2023,95\n" * 300
    path = tmp_path / "one-line.csv"
    path.write_bytes(
        head.encode("utf-8") + "学前教育毛入园率,2023,91\n".encode("gb18030")
        + "九年义务教育巩固率,2024,96\n".encode()
    )  # fmt: skip
    result = psplan("check", "national", str(path), "--lang", "en")
    assert_one_line_error(result, f"{path}:302", "cannot decode as utf-8", "--encoding")
    gbk = tmp_path / "gbk.csv"  # a GB18030 file is still read as one
    gbk.write_bytes(head.encode("gb18030"))
    assert psplan("check", "national", str(gbk), "--lang", "en").returncode in (0, 1)


def test_a_folder_named_as_a_bundled_plan_does_not_hide_the_plan(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`psplan check chuzhou --previous` run in a project folder that holds a folder chuzhou
    (its figures) read the folder as the plan: 这是文件夹，不是文件 (a reviewer's trial). The
    bundled plan is meant; a folder no plan is named after is still said as one."""
    from typer.testing import CliRunner

    from psplan.cli import app

    (tmp_path / "chuzhou").mkdir()
    (tmp_path / "figures").mkdir()
    monkeypatch.chdir(tmp_path)
    done = CliRunner().invoke(app, ["check", "chuzhou", "--previous", "-f", "csv"])
    assert done.exit_code == 0, done.output
    assert "95.21" in done.stdout
    folder = CliRunner().invoke(app, ["show", "figures"])
    assert folder.exit_code == 2 and "这是文件夹，不是文件" in folder.output
