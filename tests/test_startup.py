"""Start-up of the command as a process (`psplan.entry:main`, what the console script runs).

`main` makes the typer app with the one command the command line names (`psplan.cli._app_for`):
a command imports no module of another command. `--help`, no command and a mistyped one get
the whole app, so nothing users see changes. The garbage collector, off while the command
line loads, is on again while the command runs (a county-scale check makes millions of
objects) and after `main` returns.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import ENV, EXAMPLES, ROOT

#: Run `psplan.entry.main` with the arguments given; then print the command modules of
#: psplan.cli imported, whether the collector was on while the command read its plan, and
#: whether it is on after `main`.
PROBE = textwrap.dedent(
    """
    import gc, json, os, sys
    import psplan.cli.run as run

    seen = []
    load = run.load_for_judging

    def load_for_judging(plan):
        seen.append(gc.isenabled())
        return load(plan)

    run.load_for_judging = load_for_judging
    import psplan.cli.judge
    psplan.cli.judge.load_for_judging = load_for_judging
    from psplan.entry import main

    sys.argv = ["psplan", *sys.argv[1:]]
    try:
        main()
    except SystemExit:
        pass
    modules = sorted(name for name in sys.modules if name.startswith("psplan.cli."))
    print(json.dumps({"modules": modules, "during": seen, "after": gc.isenabled(),
                      "jemalloc": os.environ.get("DUCKDB_JE_MALLOC_CONF"),
                      "yaml": "yaml" in sys.modules,
                      "adapters": "typer._adapters" in sys.modules}))
    """
)


def probe(*args: str, **environ: str) -> dict:
    import json

    env = {**os.environ, **{k: v for k, v in ENV.items() if v is not None}}
    env.pop("DUCKDB_JE_MALLOC_CONF", None)  # (the command's own, unless a test gives one)
    env.update(environ)
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )
    return json.loads(done.stdout.splitlines()[-1])


@pytest.mark.slow
def test_check_imports_no_other_command_and_runs_with_the_collector_on(tmp_path: Path) -> None:
    out = tmp_path / "one.json"
    found = probe("check", "national", str(EXAMPLES / "national-2023.csv"), "-o", str(out))
    assert out.stat().st_size > 0
    assert found["modules"] == [
        "psplan.cli.coercion", "psplan.cli.judge", "psplan.cli.options", "psplan.cli.run",
        "psplan.cli.usage",
    ]  # fmt: skip
    assert found["during"] == [True]
    assert found["after"] is True
    # its options read without a pydantic TypeAdapter (psplan.cli.coercion): some 50–90 ms
    assert found["adapters"] is False
    # duckdb's allocator gives freed pages back soon (a county check peaked 90 MB lower)
    from psplan.entry import JEMALLOC_CONF

    assert found["jemalloc"] == JEMALLOC_CONF


@pytest.mark.slow
def test_a_plan_read_back_from_the_cache_needs_no_yaml(tmp_path: Path) -> None:
    """A check whose plan is in the cache (validated, as every check after the first finds
    it) imports no PyYAML: composing imports it (`plan.yamlcompose`), reading back does not
    (about 15 ms of a one-region check)."""
    out, cache = tmp_path / "one.json", str(tmp_path / "cache")
    args = ("check", "national", str(EXAMPLES / "national-2023.csv"), "-o", str(out))
    assert probe(*args, PSPLAN_CACHE_DIR=cache)["yaml"] is True  # composed, then kept
    assert probe(*args, PSPLAN_CACHE_DIR=cache)["yaml"] is False  # read back
    assert probe(*args, PSPLAN_NO_CACHE="1")["yaml"] is True


@pytest.mark.slow
def test_a_jemalloc_setting_of_the_users_own_is_kept(tmp_path: Path) -> None:
    out = tmp_path / "one.json"
    mine = "dirty_decay_ms:1000"
    found = probe("check", "national", str(EXAMPLES / "national-2023.csv"), "-o", str(out),
                  DUCKDB_JE_MALLOC_CONF=mine)  # fmt: skip
    assert found["jemalloc"] == mine


#: The console script, as `psplan` (`python -m psplan` would name itself so in messages);
#: with `whole`, running the whole app (made before `main` runs, `main` runs it).
SCRIPT = "import sys; sys.argv[0] = 'psplan'; from psplan.entry import main; main()"
WHOLE = "import psplan.cli; psplan.cli.app; "


def run_process(*args: str, whole: bool = False) -> subprocess.CompletedProcess:
    env = {**os.environ, **{k: v for k, v in ENV.items() if v is not None}}
    return subprocess.run(
        [sys.executable, "-c", (WHOLE if whole else "") + SCRIPT, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )


@pytest.mark.slow
def test_help_lists_every_command_in_order() -> None:
    from psplan.cli import COMMANDS

    done = run_process("--help")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.split("命令：", 1)[1].splitlines()
    listed = [line.split()[0] for line in lines if line.startswith("  ") and line[2] != " "]
    assert listed == list(COMMANDS)


@pytest.mark.slow
def test_a_command_alone_says_what_the_whole_app_says() -> None:
    # the help of one command, and a usage error in it, as with every command made
    for args in (("check", "--help"), ("compare", "--help"), ("check", "--stage", "weekly")):
        done, whole = run_process(*args), run_process(*args, whole=True)
        assert (done.returncode, done.stdout, done.stderr) == (
            whole.returncode,
            whole.stdout,
            whole.stderr,
        ), args
        assert done.stdout.startswith(f"用法：psplan {args[0]} ") or done.returncode == 2
    mistyped = run_process("chek", "national")
    assert mistyped.returncode == 2
    assert mistyped.stderr.splitlines() == [
        "psplan: error: 没有命令“chek”；是否要用 check、schema；用法见 psplan --help"
    ]
