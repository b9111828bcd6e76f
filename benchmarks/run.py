"""Benchmark psplan at national county scale, side by side with the floor and its peers.

    python benchmarks/run.py [--plan ankang] [--regions 2900] [--quick]

Each measurement is a whole process, in one run, on the same file:
(a) the floor: Python's csv module reading the file and converting the numbers;
(b) `psplan check PLAN FILE` with and without `--by-region`, in json, csv, markdown (to a pipe),
    table (`-o out.txt`) and xlsx (every region) — ratio to (a) and peak memory; and
    `psplan lint PLAN FILE` by each path;
(c) the peers: an analyst's pandas, polars and duckdb scripts (benchmarks/peers/: read, join
    the names to the targets, latest figure per region × indicator against its target), each
    skipped with a word when its library is not installed;
(d) start-up: `psplan --version`, `import psplan`, `validate data/*.yaml`, and a one-region
    check of every indicator. With `--quick`, (b) is the json `--by-region` run only;
(e) with `--costs`, the cost of `check --by-region --format json` from 10,000 to 3,000,000 rows
    (files of 31 to 9,375 generated regions), against the floor at each size.
`check` reads files of 1 MB and more by its columnar engine (duckdb); the `--by-region` json
line is also run with PSPLAN_ENGINE=rows, the per-row path, for comparison. Children run with
their bytecode compiled (as an installed package has it), whatever PYTHONDONTWRITEBYTECODE says.
Files go to benchmarks/out/ (ignored by git).
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import glob
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
PSPLAN = [sys.executable, "-m", "psplan"]


def floor(path: Path, encoding: str) -> float:
    """Read with csv and convert numbers: the least any reader must do."""
    start = time.perf_counter()
    with path.open(encoding=encoding, newline="") as handle:
        reader = csv.reader(handle)
        next(reader)
        for row in reader:
            text = row[3].rstrip("%")
            with contextlib.suppress(ValueError):
                float(text)
    return time.perf_counter() - start


#: The children's environment: bytecode written and read, as an installed package has it.
ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


def timed(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float, int]:
    """Wall time, peak RSS in MB (of this child alone) and exit code. What the child says on
    stderr (psplan's "已写入 FILE") is shown only if it fails (an exit code above 1)."""
    with tempfile.TemporaryFile() as said:
        start = time.perf_counter()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - child
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            os.dup2(said.fileno(), 2)
            os.execvpe(command[0], command, {**ENV, **(env or {})})
        _, status, usage = os.wait4(pid, 0)
        elapsed = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)
        if code not in (0, 1):
            said.seek(0)
            sys.stderr.write(said.read().decode("utf-8", "replace"))
    return elapsed, usage.ru_maxrss / 1024, code


def best_of(command: list[str], runs: int = 7) -> float:
    return min(timed(command)[0] for _ in range(runs))


def paired(
    command: list[str],
    path: Path,
    repeat: int,
    env: dict[str, str] | None = None,
    encoding: str = "utf-8",
) -> tuple[float, float, float, int]:
    """`repeat` runs of `command`, each right after a run of the floor on the same file: the
    median time, the median of the paired ratios (this machine's speed drifts by up to a
    third from one minute to the next, and a run and its own floor drift together), the
    largest peak and the last exit code."""
    times, ratios, peaks, code = [], [], [], 0
    for _ in range(repeat):
        base = floor(path, encoding)
        elapsed, memory, code = timed(command, env)
        times.append(elapsed)
        ratios.append(elapsed / base)
        peaks.append(memory)
    return statistics.median(times), statistics.median(ratios), max(peaks), code


def peers_and_formats(args: argparse.Namespace) -> None:
    """(a), (b) in every format, (c): one table, each line a whole process."""
    import importlib.util

    path = OUT / f"{args.plan}-{args.regions}-utf-8.csv"
    if not path.exists():
        subprocess.run([sys.executable, str(HERE / "generate.py"), args.plan, "-o", str(path),
                        "--regions", str(args.regions)], check=True)  # fmt: skip
    targets = OUT / f"targets-{args.plan}.csv"
    subprocess.run([sys.executable, "-c", TARGETS, args.plan, str(targets)], check=True)
    rows = sum(1 for _ in path.open(encoding="utf-8")) - 1
    base = min(floor(path, "utf-8") for _ in range(3))
    print(f"\n{rows:,} rows of {path.name}; (a) the csv floor {base:.2f} s (best of three)")
    print(f"each line: the median of {args.repeat} runs, each paired with a run of the floor just"
          " before it (× floor: the median of the pairs' ratios); peak: the largest")  # fmt: skip
    print(f"{'run':58} {'time':>8} {'× floor':>8} {'peak MB':>8}")

    def line(label: str, command: list[str], env: dict[str, str] | None = None,
             repeat: int = args.repeat) -> None:  # fmt: skip
        elapsed, ratio, memory, code = paired(command, path, repeat, env)
        status = "" if code in (0, 1) else f"  exit {code}"
        once = "  (one run)" if repeat == 1 < args.repeat else ""
        print(f"{label:58} {elapsed:7.2f}s {ratio:7.1f}× {memory:8.0f}{status}{once}")

    formats = ["json"] if args.quick else ["json", "csv", "markdown", "table", "xlsx"]
    for by_region in (["--by-region"], []):
        for fmt in formats:
            if args.quick and not by_region:
                continue
            suffix = {"table": "txt"}.get(fmt, fmt)
            out = ["-o", str(OUT / f"out.{suffix}")] if fmt != "markdown" else []
            command = [*PSPLAN, "check", args.plan, str(path), *by_region, "--format", fmt, *out]
            label = f"psplan check {' '.join(by_region)} --format {fmt}" + (
                " (to a pipe)" if fmt == "markdown" else " -o FILE"
            )
            # every result as a workbook takes a minute and a half: run once
            line(label, command, repeat=1 if fmt == "xlsx" and not by_region else args.repeat)
            if by_region and fmt == "json":  # the same by the per-row path (run once: slow)
                line("  the same, PSPLAN_ENGINE=rows", command, {"PSPLAN_ENGINE": "rows"}, 1)
    if not args.quick:  # lint of the same file, by both paths
        for engine in ("columnar", "rows"):
            command = [*PSPLAN, "lint", args.plan, str(path)]
            line(f"psplan lint (PSPLAN_ENGINE={engine})", command, {"PSPLAN_ENGINE": engine},
                 args.repeat if engine == "columnar" else 1)  # fmt: skip
    for peer in ("pandas", "polars", "duckdb"):
        if importlib.util.find_spec(peer) is None:
            print(f"{peer + ' script':58} (not installed: pip install {peer})")
            continue
        script = HERE / "peers" / f"{peer}_check.py"
        command = [sys.executable, str(script), str(path), str(targets), str(OUT / f"{peer}.json")]
        line(f"{peer} script", command)


#: Writes the targets the peer scripts join to: the plan's numeric level targets.
TARGETS = """
import csv, sys
from psplan.plan.plans import load_plan
plan = load_plan(sys.argv[1]).plan
with open(sys.argv[2], "w", encoding="utf-8", newline="") as handle:
    out = csv.writer(handle)
    out.writerow(["id", "name", "target", "op"])
    for i in plan.indicators:
        if i.target.form == "number" and i.effective_kind == "level":
            op = i.target.effective_op(i.effective_direction)
            if op not in (">=", "<="):
                op = ">=" if i.effective_direction == "increase" else "<="
            out.writerow([i.id, i.name, i.target.value, op])
"""


def costs(plan: str) -> None:
    """(e): time and memory of `check --by-region --format json` from 10 k to 3 M rows."""
    indicators = int(subprocess.run(
        [sys.executable, "-c", f"import psplan; print(len(psplan.load_plan({plan!r}).indicators))"],
        capture_output=True, text=True, check=True, env=ENV,
    ).stdout)  # fmt: skip
    print(f"\ncost of `check {plan} FILE --by-region --format json -o FILE` by size")
    print(f"{'rows':>10} {'regions':>8} {'floor':>7} {'psplan':>8} {'× floor':>8} {'peak MB':>8}"
          f" {'µs/row':>7}")  # fmt: skip
    for rows in (10_000, 100_000, 300_000, 928_000, 3_000_000):
        regions = max(1, round(rows / (indicators * 5)))
        path = OUT / f"{plan}-{regions}-utf-8.csv"
        if not path.exists():
            subprocess.run([sys.executable, str(HERE / "generate.py"), plan, "-o", str(path),
                            "--regions", str(regions)], check=True, env=ENV)  # fmt: skip
        actual = sum(1 for _ in path.open(encoding="utf-8")) - 1
        base = min(floor(path, "utf-8") for _ in range(3))
        command = [*PSPLAN, "check", plan, str(path), "--by-region", "--format", "json",
                   "-o", str(OUT / "cost.json")]  # fmt: skip
        # beyond the default limit of 2,000,000 rows (PSPLAN_MAX_ROWS) the user raises it
        limit = {"PSPLAN_MAX_ROWS": str(max(actual + 1, 2_000_000))}
        elapsed, memory, code = min(timed(command, limit) for _ in range(2 if rows < 10**6 else 1))
        status = "" if code in (0, 1) else f"  exit {code}"
        print(f"{actual:>10,} {regions:>8,} {base:6.2f}s {elapsed:7.2f}s {elapsed / base:7.1f}×"
              f" {memory:8.0f} {elapsed / actual * 1e6:7.1f}{status}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plan", default="ankang")
    parser.add_argument("--regions", type=int, default=2900)
    parser.add_argument("--quick", action="store_true", help="only the json --by-region run")
    parser.add_argument("--costs", action="store_true", help="the cost table, 10 k to 3 M rows")
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs of a line, each after a run of the floor"
    )
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    # the package's bytecode, as an installed one has it (timed children then read it)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "src")],
                   check=False, env=ENV, capture_output=True)  # fmt: skip

    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, {platform.system()} {platform.release()}"
    )
    peers_and_formats(args)
    if args.costs:
        costs(args.plan)
    for encoding in ("utf-8", "gb18030"):
        path = OUT / f"{args.plan}-{args.regions}-{encoding}.csv"
        if not path.exists():
            subprocess.run(
                [
                    sys.executable,
                    str(HERE / "generate.py"),
                    args.plan,
                    "-o",
                    str(path),
                    "--regions",
                    str(args.regions),
                    "--encoding",
                    encoding,
                ],
                check=True,
            )
        with path.open(encoding=encoding) as handle:
            rows = sum(1 for _ in handle) - 1
        a = min(floor(path, encoding) for _ in range(3))
        b, ratio, memory, code = paired(
            [
                *PSPLAN,
                "check",
                args.plan,
                str(path),
                "--by-region",
                "--format",
                "json",
                "-o",
                str(OUT / "report.json"),
            ],
            path,
            args.repeat,
            encoding=encoding,
        )
        if code not in (0, 1):
            sys.exit(f"psplan check failed with exit code {code}")
        print(
            f"{encoding:8} {rows:>9,} rows  (a) csv floor {a:6.2f} s  (b) psplan check --by-region "
            f"{b:6.2f} s  ratio {ratio:4.1f}x (paired)  peak memory {memory:6.0f} MB"
        )

    version = best_of([*PSPLAN, "--version"])
    plans = sorted(glob.glob(str(ROOT / "data" / "*.yaml")))
    validate = best_of([*PSPLAN, "validate", *plans], runs=3)
    imports = best_of([sys.executable, "-c", "import psplan"])
    bare = best_of([sys.executable, "-c", "pass"])
    heavy = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, psplan; print(sorted(m for m in ('rich', 'openpyxl', "
            "'psplan.formats', 'pydantic', 'yaml') if m in sys.modules))",
        ],
        capture_output=True,
        text=True,
    ).stdout.strip()
    small = OUT / f"{args.plan}-one-region.csv"
    subprocess.run(
        [sys.executable, str(HERE / "generate.py"), args.plan, "-o", str(small), "--regions", "1"],
        check=True,
        capture_output=True,
    )
    check_small = best_of([*PSPLAN, "check", args.plan, str(small), "--format", "json"], runs=5)
    print(f"psplan --version {version * 1000:5.0f} ms   (bare python {bare * 1000:3.0f} ms)")
    print(f"import psplan    {imports * 1000:5.0f} ms   heavy modules imported: {heavy}")
    print(f"psplan validate data/*.yaml ({len(plans)} files) {validate * 1000:5.0f} ms")
    print(
        f"psplan check {args.plan} (one region, all indicators, 5 years) "
        f"{check_small * 1000:5.0f} ms"
    )


if __name__ == "__main__":
    main()
