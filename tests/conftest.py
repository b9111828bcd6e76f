"""Shared fixtures: the repository's folders, and the command run in-process (fast, the
default) or as a real process (for what only a process shows); see docs/testing.md."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
SEEDS = ROOT.parent / "shared" / "seeds"
EXAMPLES = ROOT / "examples"
PLANS = ("national", "hanzhong", "ankang", "chuzhou", "suzhou")


def pytest_configure(config: pytest.Config) -> None:
    """Loading a plan caches its composed YAML (psplan.plan.cache): the suite, and every
    process it starts, keeps that cache in a temporary folder of its own (one per xdist
    worker), never in ~/.cache. Set here, not in a fixture: some test modules load plans
    while they are collected, before any fixture runs."""
    import shutil
    import tempfile

    folder = tempfile.mkdtemp(prefix="psplan-cache-")
    os.environ["PSPLAN_CACHE_DIR"] = folder
    config.add_cleanup(lambda: shutil.rmtree(folder, ignore_errors=True))


#: The environment every run gets: plain output, a wide terminal, no debug tracebacks.
ENV = {"NO_COLOR": "1", "COLUMNS": "200", "PSPLAN_DEBUG": None}
#: The warnings a fresh interpreter does not print (its default filters).
SILENT_WARNINGS = (DeprecationWarning, PendingDeprecationWarning, ImportWarning, ResourceWarning)


@dataclass(frozen=True)
class Ran:
    """One run of the command: exit code, stdout and stderr, as `subprocess.run` names them."""

    args: tuple[str, ...]
    returncode: int
    stdout: str
    stderr: str
    stdout_bytes: bytes = b""


@contextlib.contextmanager
def _working_directory(folder: Path) -> Iterator[None]:
    before = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


def run_psplan(*args: str, cwd: Path | None = None, stdin: str | None = None) -> Ran:
    """Run the command in this process (typer's CliRunner on `psplan.cli.app`), from `cwd`
    (default: the repository) with the same environment as `run_psplan_process`.

    What `psplan.cli:main` adds around the app is not run here: its last-resort handler,
    stream set-up and signal exits are tested as real processes (test_entry_point.py,
    test_outputs.py, test_hostile.py). So an exception escaping the app is a bug, and it
    fails the test with its traceback (catch_exceptions=False) — never an exit code."""
    from typer.testing import CliRunner

    from psplan.cli import app

    with _working_directory(cwd or ROOT), warnings.catch_warnings(record=True) as caught:
        # Python warnings go to stderr, as a fresh interpreter's default filters print them
        warnings.resetwarnings()
        warnings.simplefilter("default")
        for category in SILENT_WARNINGS:
            warnings.simplefilter("ignore", category)
        result = CliRunner().invoke(
            app, list(args), input=stdin, env=ENV, catch_exceptions=False, prog_name="psplan"
        )
    printed = "".join(
        warnings.formatwarning(w.message, w.category, w.filename, w.lineno, w.line) for w in caught
    )
    return Ran(args, result.exit_code, result.stdout, result.stderr + printed, result.stdout_bytes)


def run_psplan_process(
    *args: str, cwd: Path | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess:
    """Run `python -m psplan` in a subprocess: exit codes and stderr exactly as users see them,
    through `psplan.cli:main`. Slow (a fresh interpreter each time): only for what the process
    itself shows — the entry point's handler, signals, terminals, encodings, resource limits."""
    env = {**os.environ, **{k: v for k, v in ENV.items() if v is not None}}
    env.pop("PSPLAN_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "psplan", *args],
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        env=env,
        input=stdin,
        timeout=120,
    )


@pytest.fixture
def psplan():
    """The command, run in-process (`run_psplan`)."""
    return run_psplan


@pytest.fixture
def psplan_process():
    """The command as a real process (`run_psplan_process`)."""
    return run_psplan_process


@pytest.fixture(autouse=True, scope="session")
def _one_click_command_per_app() -> Iterator[None]:
    """typer's CliRunner rebuilds the click command from the Typer app on every invoke (about
    10 ms, half of a small run): build it once per app for the session, with typer's own
    function. Click keeps no state in a command between invocations."""
    import functools

    import typer.testing

    build = getattr(typer.testing, "_get_command", None)
    if build is None:  # a typer without this hook: every invoke builds it, only slower
        yield
        return
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(typer.testing, "_get_command", functools.cache(build))
        yield


@pytest.fixture
def english() -> Iterator[None]:
    """The library's messages in English for the test (`use_lang("en")`): for tests that read
    the English wording of errors. Chinese is the default (tests/test_error_language.py); the
    command line sets its language from --lang, whatever this says."""
    from psplan.words import use_lang

    with use_lang("en"):
        yield


@pytest.fixture
def results_made(monkeypatch: pytest.MonkeyPatch) -> list:
    """Every `Result` made from now on, in order: what a view at county scale must not make
    (it reads the result columns, or makes a row as it is written)."""
    from psplan.assess import assessment

    made: list = []
    init = assessment.Result.__init__

    def making(self, *args, **kwargs) -> None:
        made.append(self)
        init(self, *args, **kwargs)

    monkeypatch.setattr(assessment.Result, "__init__", making)
    return made


def assert_one_line_error(result: Ran | subprocess.CompletedProcess, *fragments: str) -> None:
    """Exit 2, no traceback, and an error line naming what is wrong."""
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    assert "Traceback" not in result.stdout
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert lines, "expected an error message on stderr"
    assert all(line.startswith("psplan: error:") for line in lines), result.stderr
    for fragment in fragments:
        assert fragment in result.stderr, (fragment, result.stderr)


CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="session")
def chromium() -> Path:
    """Debian's Chromium, installed here if absent (as root with apt); else a clear skip."""
    if not CHROMIUM.exists() and os.geteuid() == 0 and Path("/usr/bin/apt-get").exists():
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], capture_output=True, env=env, timeout=600)
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", "chromium", "fonts-noto-cjk"],
            capture_output=True,
            env=env,
            timeout=1200,
        )
    if not CHROMIUM.exists():
        pytest.skip("Chromium is not installed and could not be installed (needs root and apt-get)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        pytest.skip("playwright is not installed (pip install '.[test]')")
    return CHROMIUM


def generate_actuals(plan: str, path: Path, *args: str) -> Path:
    """A generated (not real) actuals file from benchmarks/generate.py, run in this process:
    `args` are its options (`--region-names 全市`, `--regions 8`, `--years 2021-2023`)."""
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location("generate", ROOT / "benchmarks" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    saved, sys.argv = sys.argv, ["generate.py", plan, "-o", str(path), *args]
    try:
        module.main()
    finally:
        sys.argv = saved
    return path
