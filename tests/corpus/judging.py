"""Inputs whose trouble is in matching and judging: names, ids, ranges, years, references."""

from __future__ import annotations

from corpus import Case

HEADER = "indicator,year,value\n"

CASES = [
    Case(
        "year-far-outside-the-plan",
        ("check", "national", "{dir}/a.csv", "--year", "99999"),
        {"a.csv": HEADER + "人均预期寿命,2023,78\n"},
        stderr="outside the plan period",
    ),
    Case(
        "latest-year-after-the-plan",
        ("check", "national", "{dir}/a.csv"),
        {"a.csv": HEADER + "人均预期寿命,2026,79\n"},
        stderr="the latest year in the file, 2026,",
    ),
]
