"""Plan files and plan options: limits (size, nodes, nesting, devices), references to itself,
impossible years, YAML 1.1 surprises and values too long to quote."""

from __future__ import annotations

import os
from pathlib import Path

from corpus import Case

PLAN = """\
id: p
name: 测试规划
level: city
period: {start: 2021, end: 2025}
baseline_year: 2020
domains: [幼有所育]
indicators:
  - {id: a, domain: 幼有所育, name: 每千人口拥有3岁以下婴幼儿托位数, baseline: '1.8', target: '4.5', attribute: 预期性}
"""

PREVIOUS = """\
previous_plan:
  name: 十三五
  period: {start: 2016, end: 2020}
  indicators:
    - {id: q, name: 学前教育毛入园率, baseline: '75', baseline_year: 2020, target: '85', actual: '88', actual_year: 2020}
"""


def _six_megabytes_of_nodes(path: Path) -> None:
    path.write_text("id: p\nlist: [" + "1," * 3_000_000 + "1]\n", encoding="utf-8")


def _over_twenty_megabytes(path: Path) -> None:
    with path.open("wb") as file:  # sparse: no 20 MB written to disk
        file.write(PLAN.encode("utf-8"))
        file.truncate(20_000_001)


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _many_problems(path: Path) -> None:
    path.write_text(PLAN + "".join(f"  - {n}\n" for n in range(100_000)), encoding="utf-8")


CASES = [
    # Limits: each refused while reading, with the file, the limit and how to raise it.
    Case(
        "plan-six-megabytes-of-nodes",
        ("show", "{dir}/plan.yaml", "--lang", "en"),
        {"plan.yaml": _six_megabytes_of_nodes},
        stderr="more than 1,000,000 YAML nodes, over the limit (set PSPLAN_MAX_PLAN_NODES",
        process=True,
    ),
    Case(
        "plan-nested-100000-deep-in-brackets",
        ("show", "{dir}/plan.yaml"),
        {"plan.yaml": "id: " + "[" * 100_000 + "]" * 100_000 + "\n"},
        stderr="nest",
        process=True,
    ),
    Case(
        "plan-nested-100-deep-in-blocks",
        ("show", "{dir}/plan.yaml", "--lang", "en"),
        {"plan.yaml": "id:\n" + "".join(" " * n + "- \n" for n in range(1, 101))},
        stderr="plan.yaml:65:65: YAML nested more than 64 levels deep, over the limit "
        "(set PSPLAN_MAX_PLAN_DEPTH to raise it)",
    ),
    Case(
        "plan-over-twenty-megabytes",
        ("show", "{dir}/plan.yaml", "--lang", "en"),
        {"plan.yaml": _over_twenty_megabytes},
        stderr="plan.yaml: the file is 20,000,001 bytes, over the limit of 20,000,000 bytes "
        "(set PSPLAN_MAX_PLAN_BYTES to raise it)",
        process=True,
    ),
    Case(
        "plan-is-dev-zero",
        ("show", "/dev/zero", "--lang", "en"),
        stderr="/dev/zero: is a character device, not a regular file",
        process=True,
    ),
    Case(
        "plan-is-a-fifo",
        ("show", "{dir}/plan.yaml", "--lang", "en"),
        {"plan.yaml": _fifo},
        stderr="plan.yaml: is a pipe (FIFO), not a regular file",
        process=True,
    ),
    Case(
        "plan-with-100000-problems-judged",
        ("check", "{dir}/plan.yaml", "--previous", "--lang", "en"),
        {"plan.yaml": _many_problems},
        stderr="plan.yaml:9:5: indicators.1: Input should be a valid dictionary",
        process=True,
        check=lambda folder, outcome: _at_most_lines(outcome.stderr, 1001),
    ),
    # References to itself.
    Case(
        "plan-is-its-own-parent",
        ("show", "{dir}/plan.yaml", "--lang", "en"),
        {"plan.yaml": PLAN.replace("level: city", "level: city\nparent: p")},
        stderr="plan.yaml:4:9: parent: the plan 'p' cannot be its own parent",
    ),
    # Years that cannot be.
    Case(
        "plan-period-of-152-years",
        ("show", "{dir}/plan.yaml", "--lang", "en"),
        {"plan.yaml": PLAN.replace("{start: 2021, end: 2025}", "{start: 1949, end: 2100}")},
        stderr="period 1949–2100 spans 152 years; a plan's period is at most 20 years",
    ),
    Case(
        "plan-period-ending-in-2200",
        ("show", "{dir}/plan.yaml", "--lang", "en"),
        {"plan.yaml": PLAN.replace("end: 2025", "end: 2200")},
        stderr="period.end: Input should be less than or equal to 2100",
    ),
    Case(
        "plan-baseline-year-is-the-end-year",
        ("check", "{dir}/plan.yaml", "--previous", "--lang", "en"),
        {"plan.yaml": PLAN.replace("baseline_year: 2020", "baseline_year: 2025")},
        stderr="plan.yaml:5:16: baseline year 2025 is not before the period's end 2025",
    ),
    Case(
        "plan-baseline-year-of-99999",
        ("show", "{dir}/plan.yaml", "--lang", "en"),
        {"plan.yaml": PLAN.replace("baseline_year: 2020", "baseline_year: 99999")},
        stderr="baseline_year: Input should be less than or equal to 2100",
    ),
    Case(
        "previous-plan-baseline-year-is-its-end-year",
        ("check", "{dir}/plan.yaml", "--previous", "--lang", "en"),
        {"plan.yaml": PLAN + PREVIOUS},
        stderr="previous-plan row 'q': baseline year 2020 is not before the previous period's "
        "end 2020",
    ),
    Case(
        "plan-baseline-year-of-5000-digits",
        ("show", "{dir}/plan.yaml", "--lang", "en"),
        {"plan.yaml": PLAN.replace("baseline_year: 2020", "baseline_year: " + "9" * 5000)},
        stderr="plan.yaml:5:16: baseline_year:",
    ),
    # YAML 1.1 reads these as numbers nobody meant: they stay the text written.
    Case(
        "plan-target-1:30-is-not-base-60",
        ("show", "{dir}/plan.yaml", "--lang", "en"),
        {"plan.yaml": PLAN.replace("target: '4.5'", "target: 1:30")},
        stderr="cannot read '1:30' as a target",
    ),
    Case(
        "plan-baseline-010-is-not-octal",
        ("show", "{dir}/plan.yaml", "--format", "json"),
        {"plan.yaml": PLAN.replace("baseline: '1.8'", "baseline: 010")},
        exit=0,
        stdout='"raw": "010"',
    ),
    Case(
        "plan-with-an-escape-character",
        ("show", "{dir}/plan.yaml", "--lang", "en"),
        {"plan.yaml": PLAN.replace("name: 测试规划", "name: 测试\x1b[2J规划")},
        stderr="plan.yaml:2:9: contains the character U+001B, which YAML does not allow",
    ),
    # Values and names too long to quote in full.
    Case(
        "plan-unknown-key-of-100000-characters",
        ("show", "{dir}/plan.yaml", "--lang", "en"),
        {"plan.yaml": PLAN + "? " + "k" * 100_000 + "\n: 1\n"},
        stderr="unknown key 'kkkk",
    ),
    Case(
        "plan-attribute-of-100000-characters",
        ("show", "{dir}/plan.yaml", "--lang", "en"),
        {"plan.yaml": PLAN.replace("attribute: 预期性", "attribute: " + "约" * 100_000)},
        stderr="attribute must be 约束性 or 预期性",
    ),
    Case(
        "plan-duplicate-key-of-100000-characters",
        ("show", "{dir}/plan.yaml", "--lang", "en"),
        {"plan.yaml": PLAN + ("? " + "k" * 100_000 + "\n: 1\n") * 2},
        stderr="duplicate key 'kkkk",
    ),
    Case(
        "plan-name-of-5000-characters",
        ("show", "a" * 5000, "--lang", "en"),
        stderr="no plan file or bundled plan named 'aaaa",
    ),
    Case(
        "plan-path-of-5000-characters",
        ("show", "a" * 5000 + ".yaml", "--lang", "en"),
        stderr="file name too long",
    ),
    # Template options.
    Case(
        "template-years-0-40",
        ("template", "national", "-o", "{dir}/t.csv", "--years", "0-40"),
        stderr="--years “0-40”：0 不是 1949 到 2100 之间的年份",  # template has no --lang
    ),
    Case(
        "template-years-99999",
        ("template", "national", "-o", "{dir}/t.csv", "--years", "99999"),
        stderr="--years “99999”：99999 不是 1949 到 2100 之间的年份",
    ),
    Case(
        "template-years-2000-2040",
        ("template", "national", "-o", "{dir}/t.csv", "--years", "2000-2040"),
        stderr="--years “2000-2040”：超过 20 年",
    ),
    Case(
        "template-years-of-5000-digits",
        ("template", "national", "-o", "{dir}/t.csv", "--years", "9" * 5000),
        stderr="应为 2021-2025 或 2021,2022 这样的年份",
    ),
    Case(
        "template-region-twice",
        ("template", "national", "-o", "{dir}/t.csv", "--regions", "汉台区,南郑区,汉台区"),
        stderr="--regions：“汉台区”重复列出",
    ),
    Case(
        "template-years-with-an-em-dash",
        ("template", "national", "-o", "{dir}/t.csv", "--years", "2021—2023"),
        exit=0,
        outputs=("t.csv",),
        check=lambda folder, outcome: _header_has(folder / "t.csv", "2021,2022,2023,原因分析"),
    ),
]


def _at_most_lines(text: str, count: int) -> None:
    lines = text.splitlines()
    assert len(lines) <= count, f"{len(lines)} lines"


def _header_has(path: Path, fragment: str) -> None:
    header = path.read_text(encoding="utf-8-sig").splitlines()[0]
    assert fragment in header, header
