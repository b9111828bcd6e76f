"""Shared fixtures: the repository's folders, a CLI runner that behaves like the real command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
SEEDS = ROOT.parent / "shared" / "seeds"
EXAMPLES = ROOT / "examples"
PLANS = ("national", "hanzhong", "ankang", "chuzhou", "suzhou")


def run_psplan(
    *args: str, cwd: Path | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess:
    """Run the installed command in a subprocess: exit codes and stderr exactly as users see them."""
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200"}
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
    return run_psplan


def assert_one_line_error(result: subprocess.CompletedProcess, *fragments: str) -> None:
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
