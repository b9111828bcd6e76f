"""Run the hostile and odd input corpus (tests/corpus/): every input ends in the correct result
or one located line, and never in a traceback, a changed input, a leftover temp file, a hang or
a memory blow-up."""

from __future__ import annotations

import hashlib
import importlib
import os
import pkgutil
import resource
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import corpus
import pytest
from corpus import Case
from typer.testing import CliRunner

from psplan.cli import app

TIME_LIMIT = 10.0  # seconds, per input
MEMORY_LIMIT = 1 << 30  # bytes of address space, for inputs run as a process


def all_cases() -> list[Case]:
    cases: list[Case] = []
    for module in pkgutil.iter_modules(corpus.__path__):
        cases += importlib.import_module(f"corpus.{module.name}").CASES
    return cases


CASES = all_cases()


@dataclass
class Outcome:
    exit_code: int
    stdout: str
    stderr: str
    exception: BaseException | None = None


def _make(folder: Path, case: Case) -> None:
    for name, content in case.files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if callable(content):
            content(path)
        elif isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


def _snapshot(folder: Path) -> dict[str, str]:
    """Every regular file below the folder and its hash (special files by kind)."""
    state = {}
    for path in sorted(folder.rglob("*")):
        relative = str(path.relative_to(folder))
        if path.is_symlink():
            state[relative] = "symlink:" + os.readlink(path)
        elif path.is_file():
            state[relative] = hashlib.sha256(path.read_bytes()).hexdigest()
        elif not path.is_dir():
            state[relative] = "special"
    return state


def _limits() -> None:  # pragma: no cover - runs in the child
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def _run(case: Case, folder: Path) -> Outcome:
    args = [arg.replace("{dir}", str(folder)) for arg in case.args]
    if case.process:
        env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200"}
        env.pop("PSPLAN_DEBUG", None)
        try:
            done = subprocess.run(
                [sys.executable, "-m", "psplan", *args],
                capture_output=True,
                text=True,
                cwd=folder,
                env=env,
                input=case.stdin,
                timeout=TIME_LIMIT * 2,
                preexec_fn=_limits,
            )
        except subprocess.TimeoutExpired:
            pytest.fail(f"{case.id}: still running after {TIME_LIMIT * 2:.0f} s")
        return Outcome(done.returncode, done.stdout, done.stderr)
    result = CliRunner().invoke(app, args, input=case.stdin, catch_exceptions=True)
    exception = result.exception
    if isinstance(exception, SystemExit):
        exception = None
    return Outcome(result.exit_code, result.stdout, result.stderr, exception)


#: Cases run as a process (resource limits, devices, FIFOs) take a fresh interpreter each: slow.
PARAMS = [
    pytest.param(case, id=case.id, marks=[pytest.mark.slow] if case.process else [])
    for case in CASES
]


@pytest.mark.parametrize("case", PARAMS)
def test_corpus(case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "case"
    folder.mkdir()
    _make(folder, case)
    before = _snapshot(folder)
    monkeypatch.chdir(folder)
    started = time.perf_counter()
    outcome = _run(case, folder)
    elapsed = time.perf_counter() - started
    shown = (
        f"exit {outcome.exit_code}\nstdout: {outcome.stdout[:800]}\nstderr: {outcome.stderr[:800]}"
    )
    assert outcome.exception is None, f"{case.id}: internal error {outcome.exception!r}\n{shown}"
    assert "Traceback" not in outcome.stderr + outcome.stdout, shown
    assert "internal error" not in outcome.stderr, shown
    assert elapsed < TIME_LIMIT, f"{case.id}: took {elapsed:.1f} s"
    expected = case.exit if isinstance(case.exit, tuple) else (case.exit,)
    assert outcome.exit_code in expected, shown
    if outcome.exit_code == 2:
        errors = [line for line in outcome.stderr.splitlines() if line.startswith("psplan: error:")]
        assert errors, f"{case.id}: exit 2 without an error line\n{shown}"
        assert all(len(line) < 1000 for line in errors), shown
    if case.stderr is not None:
        assert case.stderr in outcome.stderr, shown
    if case.stdout is not None:
        assert case.stdout in outcome.stdout, shown
    after = _snapshot(folder)
    for name, digest in before.items():
        assert after.get(name) == digest, f"{case.id}: input {name} was changed or removed"
    appeared = set(after) - set(before) - set(case.outputs)
    assert not appeared, f"{case.id}: left behind {sorted(appeared)}"
    if case.check is not None:
        case.check(folder, outcome)
