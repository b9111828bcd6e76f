"""The bundled plan files against their source documents.

Every indicator must point at the line where the document prints it, and its name, baseline
and target must be printed there; an independent second transcription (tests/second_pass/)
must agree field by field; counts the documents state must hold.
"""

from __future__ import annotations

import csv
import re
from functools import cache
from pathlib import Path

import pytest

from psplan.model import ATTRIBUTE_LABELS, Plan
from psplan.plans import load_plan

from conftest import DATA, PLANS, SEEDS

SECOND_PASS = Path(__file__).parent / "second_pass"
pytestmark = pytest.mark.skipif(
    not SEEDS.is_dir(), reason="source documents (../shared/seeds) not present"
)


@cache
def plan(name: str) -> Plan:
    return load_plan(DATA / f"{name}.yaml").plan


@cache
def seed_lines(file: str) -> list[str]:
    return (SEEDS / file).read_text(encoding="utf-8").splitlines()


def squash(text: str) -> str:
    """Remove whitespace (the conversion scattered it) and table pipes."""
    return re.sub(r"[\s|]", "", text)


def window(file: str, line: int, before: int = 2, after: int = 12) -> str:
    lines = seed_lines(file)
    return squash("".join(lines[max(0, line - 1 - before) : line - 1 + after]))


def rows(name: str):
    p = plan(name)
    for indicator in p.indicators:
        yield pytest.param(p, indicator, id=f"{name}:{indicator.id}")


ALL_ROWS = [row for name in PLANS for row in rows(name)]


@pytest.mark.parametrize(("p", "indicator"), ALL_ROWS)
def test_every_indicator_is_printed_at_its_source_line(p: Plan, indicator) -> None:
    assert indicator.source is not None, "every indicator needs a source line"
    file = indicator.source.file or p.source.file
    text = window(file, indicator.source.line)
    name = squash(indicator.name)
    # The name starts on the source line itself.
    assert squash(seed_lines(file)[indicator.source.line - 1])[:4] in name or name[:4] in squash(
        seed_lines(file)[indicator.source.line - 1]
    ), f"line {indicator.source.line} does not start the row {indicator.name}"
    assert name in text, f"name {indicator.name!r} not printed near line {indicator.source.line}"
    assert squash(indicator.target.raw) in text, (
        f"target {indicator.target.raw!r} not printed there"
    )
    if indicator.baseline.raw:
        assert squash(indicator.baseline.raw) in text, (
            f"baseline {indicator.baseline.raw!r} not printed there"
        )
    if indicator.unit and indicator.unit != "%":
        assert indicator.unit in text


@pytest.mark.parametrize("name", PLANS)
def test_previous_plan_rows_are_printed_at_their_source_lines(name: str) -> None:
    p = plan(name)
    if p.previous_plan is None:
        pytest.skip(f"{name} prints no previous-plan table")
    for row in p.previous_plan.indicators:
        text = window(p.source.file, row.source.line, after=8)
        assert squash(row.name) in text, row.name
        for expr in (row.target, row.actual, row.baseline):
            if expr.raw:
                assert squash(expr.raw) in text, (row.id, expr.raw)


def second_pass(name: str) -> list[dict[str, str]]:
    path = SECOND_PASS / f"{name}.tsv"
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


@pytest.mark.parametrize("name", PLANS)
def test_matches_the_independent_second_transcription(name: str) -> None:
    p = plan(name)
    expected = second_pass(name)
    assert len(p.indicators) == len(expected)
    for indicator, row in zip(p.indicators, expected, strict=True):
        unit = (indicator.unit or "") + (
            indicator.marker if indicator.marker and not indicator.baseline.marker else ""
        )
        attribute = indicator.attribute_printed or ATTRIBUTE_LABELS[indicator.attribute]
        ours = (
            indicator.source.line,
            indicator.domain,
            indicator.name,
            indicator.baseline.raw,
            indicator.target.raw,
            attribute,
        )
        theirs = (
            int(row["line"]),
            row["domain"],
            row["name"],
            row["baseline"],
            row["target"],
            row["attribute"],
        )
        assert ours == theirs, indicator.id
        if row["unit"]:
            assert unit == row["unit"], indicator.id


PREVIOUS_COLUMNS = {
    # plan: (second-pass file's value columns → our fields)
    "hanzhong": {"v2015": "baseline", "v2020": "actual"},
    "chuzhou": {"target": "target", "actual": "actual"},
    "suzhou": {"actual": "actual", "target": "target"},
}


@pytest.mark.parametrize("name", sorted(PREVIOUS_COLUMNS))
def test_previous_plan_matches_the_independent_second_transcription(name: str) -> None:
    previous = plan(name).previous_plan
    expected = second_pass(f"{name}_previous")
    assert len(previous.indicators) == len(expected)
    for row, theirs in zip(previous.indicators, expected, strict=True):
        assert (row.source.line, row.name) == (int(theirs["line"]), theirs["name"]), row.id
        assert (row.unit or "") == theirs["unit"], row.id
        for column, field in PREVIOUS_COLUMNS[name].items():
            assert getattr(row, field).raw == theirs[column], (row.id, field)
        if theirs.get("domain"):
            assert row.domain == theirs["domain"], row.id
