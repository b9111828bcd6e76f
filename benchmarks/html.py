"""Benchmark the HTML report at county scale: its size and the time to write it.

    python benchmarks/html.py [--plan national] [--regions 2900] [--year 2023] [--runs 3]

Generates (once) the long-format file benchmarks/run.py uses — every region × every indicator
of the plan × 5 years — and times, as subprocesses, as users run them:

- `psplan report PLAN FILE --year YEAR -o report.html` (the annual report: heat map, spread);
- `psplan check PLAN FILE --year YEAR --by-region -o regions.html`.

Prints for each the best wall time of `--runs`, its CPU time (user + system: what it costs
on a machine other jobs share), peak memory, and the size of the page. Files go to
benchmarks/out/ (ignored by git).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
PSPLAN = [sys.executable, "-m", "psplan"]


def timed(command: list[str]) -> tuple[float, float, float, int]:
    """Wall time, CPU time (user + system) and peak RSS in MB of the child, and its exit code."""
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - child
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        os.execvp(command[0], command)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    return (
        wall,
        usage.ru_utime + usage.ru_stime,
        usage.ru_maxrss / 1024,
        os.waitstatus_to_exitcode(status),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plan", default="national")
    parser.add_argument("--regions", type=int, default=2900)
    parser.add_argument("--year", type=int, default=2023)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    data = OUT / f"{args.plan}-{args.regions}-utf-8.csv"
    if not data.exists():
        subprocess.run(
            [sys.executable, str(HERE / "generate.py"), args.plan, "-o", str(data),
             "--regions", str(args.regions)],
            check=True,
        )  # fmt: skip
    with data.open(encoding="utf-8") as handle:
        rows = sum(1 for _ in handle) - 1
    print(f"{data.name}: {rows:,} rows; load average {os.getloadavg()[0]:.1f} "
          f"on {os.cpu_count()} cores")  # fmt: skip
    commands = {
        "report -o report.html": ["report", args.plan, str(data), "--year", str(args.year),
                                  "-o", str(OUT / "report.html")],
        "check --by-region -o regions.html": ["check", args.plan, str(data), "--year",
                                              str(args.year), "--by-region", "-o",
                                              str(OUT / "regions.html")],
    }  # fmt: skip
    for name, command in commands.items():
        runs = [timed([*PSPLAN, *command]) for _ in range(args.runs)]
        if any(code not in (0, 1) for *_, code in runs):
            sys.exit(f"psplan {name} failed")
        wall, cpu, memory, _ = min(runs)
        size = Path(command[-1]).stat().st_size
        print(f"{name:36} best {wall:5.2f} s wall, {cpu:5.2f} s CPU, peak {memory:4.0f} MB, "
              f"page {size / 1024 / 1024:5.2f} MB")  # fmt: skip


if __name__ == "__main__":
    main()
