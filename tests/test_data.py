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

from psplan.plan.model import Plan
from psplan.plan.plans import load_plan
from psplan.words import say

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
    # A unit printed mid-name (中等职业教育招生数（万人）（不含技工）) was moved to `unit`.
    unit_cut = text.replace(f"（{indicator.unit}）", "").replace(f"({indicator.unit})", "")
    assert name in text or name in unit_cut, (
        f"name {indicator.name!r} not printed near line {indicator.source.line}"
    )
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
        attribute = indicator.attribute_printed or say(f"attribute.{indicator.attribute}", "zh")
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


# Counts the documents print (or, for the national catalogue, the standard it refers to).
INDICATOR_COUNTS = {"national": 22, "hanzhong": 31, "ankang": 64, "chuzhou": 24, "suzhou": 22}
DOMAIN_COUNTS = {"hanzhong": 9, "ankang": 13}  # 9个领域、31项 (line 510); 13个领域、64项 (line 54)
PREVIOUS_COUNTS = {"hanzhong": 26, "chuzhou": 20, "suzhou": 20}
# 共计N项 per domain in the Chuzhou and Suzhou lists (identical), and the national standard.
CITY_LIST = {
    "幼有所育": 9,
    "学有所教": 9,
    "劳有所得": 12,
    "病有所医": 16,
    "老有所养": 4,
    "住有所居": 3,
    "弱有所扶": 14,
    "优军服务保障": 4,
    "文体服务保障": 8,
}
NATIONAL_LIST = {**CITY_LIST, "文体服务保障": 9}


@pytest.mark.parametrize("name", PLANS)
def test_indicator_and_domain_counts(name: str) -> None:
    p = plan(name)
    assert len(p.indicators) == INDICATOR_COUNTS[name]
    if name in DOMAIN_COUNTS:
        assert len({i.domain for i in p.indicators}) == DOMAIN_COUNTS[name]
    if name in PREVIOUS_COUNTS:
        assert len(p.previous_plan.indicators) == PREVIOUS_COUNTS[name]


def per_domain(name: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for item in plan(name).catalogue:
        counts[item.domain] = counts.get(item.domain, 0) + 1
    return counts


def test_national_catalogue_is_the_2021_standard() -> None:
    catalogue = plan("national").catalogue
    assert len(catalogue) == 80
    assert len({item.category for item in catalogue}) == 22
    assert per_domain("national") == NATIONAL_LIST


@pytest.mark.parametrize("name", ["chuzhou", "suzhou"])
def test_city_lists_hold_the_printed_counts(name: str) -> None:
    assert per_domain(name) == CITY_LIST
    assert len(plan(name).catalogue) == 79


def test_hanzhong_catalogue_holds_every_zhuanlan_item() -> None:
    # 专栏 1, 3, 5, 7, 9, 11, 12, 13, 14 “…服务项目和内容”
    assert per_domain("hanzhong") == {
        "幼有所育": 9,
        "学有所教": 10,
        "劳有所得": 12,
        "病有所医": 16,
        "老有所养": 4,
        "住有所居": 3,
        "弱有所扶": 15,
        "优军服务保障": 4,
        "文体服务保障": 9,
    }
    assert all(item.content for item in plan("hanzhong").catalogue)


@pytest.mark.parametrize("name", ["hanzhong", "ankang", "chuzhou", "suzhou"])
def test_city_indicators_named_like_a_national_one_map_to_it(name: str) -> None:
    national = {strip_words(i.name): i.id for i in plan("national").indicators}
    for indicator in plan(name).indicators:
        key = strip_words(indicator.name)
        if key in national:
            assert indicator.maps_to == national[key], indicator.id


def strip_words(name: str) -> str:
    """Fold the wording differences the plans show for the same measure."""
    return squash(name).replace("拥有", "").replace("(", "（").replace(")", "）")


@pytest.mark.parametrize("name", ["hanzhong", "ankang", "chuzhou", "suzhou"])
def test_catalogue_items_point_at_their_source(name: str) -> None:
    p = plan(name)
    for item in p.catalogue:
        file = item.source.file or p.source.file
        text = window(file, item.source.line, before=1, after=6)
        names = [squash(n) for n in (item.name, *item.aliases)]
        merged = any(other.id in item.maps_to and other.name == item.name for other in p.catalogue)
        assert merged or any(n in text for n in names), (item.id, item.source.line)


def test_ankang_catalogue_is_annex_1_in_full() -> None:
    catalogue = plan("ankang").catalogue
    assert [item.number for item in catalogue] == list(range(1, 116))  # 序号 1–115
    assert all(item.target_group and item.standard for item in catalogue)
    assert (
        sum(1 for item in catalogue if item.spending_responsibility and item.lead_department) == 113
    )


def test_ankang_domain_leads_are_annex_2_tasks_2_to_14() -> None:
    """A second reading of 附件2 重点任务分工方案, made from the source lines by rule: each task is
    a 序号 line, the 重点任务 line and the 责任单位 line; the departments are the 责任单位 cell
    up to 牵头 / 分别牵头, split at 、. Tasks 2–14 are the ones about a domain's 指标."""
    p = plan("ankang")
    lines = seed_lines(p.source.file)
    start = next(i for i, line in enumerate(lines) if line.strip() == "附件2")
    cells = [(i + 1, line.strip()) for i, line in enumerate(lines[start:], start) if line.strip()]
    tasks = {}
    for k, (_, cell) in enumerate(cells):
        if cell.isdigit() and k + 2 < len(cells):
            (task_line, task), (_, responsibility) = cells[k + 1], cells[k + 2]
            tasks[int(cell)] = (task_line, task, responsibility)
    assert sorted(tasks) == list(range(1, 25))
    read = []
    for number in range(2, 15):
        task_line, task, responsibility = tasks[number]
        led = re.split(r"(?:分别)?牵头", responsibility)[0]
        read.append((number, task_line, task, responsibility, led.split("、")))
    transcribed = [
        (lead.number, lead.source.line, lead.task, lead.responsibility, lead.departments)
        for lead in p.leads
    ]
    assert transcribed == read
    # every domain of 表1 has its lead, in the table's order
    assert [lead.domain for lead in p.leads] == p.domains
    assert p.lead_of(p.indicators[0]) == ("市卫生健康委员会",)


# ------------------------------------------------------------------------- commitments

COMMITMENT_FIELDS = ("line", "chapter", "box", "subject", "target", "unit", "year", "clause")
#: How many quantitative commitments each plan makes beyond its main table (docs/plan-format.md).
COMMITMENT_COUNTS = {"national": 11, "hanzhong": 43, "ankang": 110, "chuzhou": 86, "suzhou": 49}


def _commitment_fields(c) -> dict[str, str]:
    return {"line": str(c.source.line), "chapter": c.chapter or "", "box": c.box or "",
            "subject": c.subject, "target": c.target, "unit": c.unit or "",
            "year": str(c.year), "clause": c.clause}  # fmt: skip


@pytest.mark.parametrize("name", PLANS)
def test_commitments_match_the_independent_second_transcription(name: str) -> None:
    """Every field of every commitment (the notes aside: each pass's own remarks) equals the
    second transcription, made without seeing the first; the differences the two had were
    resolved against the source (tests/second_pass/commitments/resolved-*.md)."""
    path = SECOND_PASS / "commitments" / f"{name}.tsv"
    with path.open(encoding="utf-8") as handle:
        second = [{f: row[f] for f in COMMITMENT_FIELDS}
                  for row in csv.DictReader(handle, delimiter="\t")]  # fmt: skip
    first = [_commitment_fields(c) for c in plan(name).commitments]
    assert len(first) == len(second) == COMMITMENT_COUNTS[name]
    for mine, theirs in zip(first, second, strict=True):
        assert mine == theirs


def _rejoined(file: str, line: int, around: int = 12) -> str:
    """The source lines around `line`, line breaks (and the conversion's bookmarks) removed."""
    lines = seed_lines(file)[max(0, line - 1 - around) : line + around]
    return re.sub(r"\[bookmark:[^\]]*\]", "", "".join(text.lstrip("\t") for text in lines))


@pytest.mark.parametrize("name", PLANS)
def test_every_commitment_clause_is_printed_at_its_line(name: str) -> None:
    p = plan(name)
    ids = [c.id for c in p.commitments]
    assert ids == [f"c{n:03d}" for n in range(1, len(ids) + 1)]
    for c in p.commitments:
        assert c.clause in _rejoined(p.source.file, c.source.line), (c.id, c.source.line)
        assert c.subject in c.clause and c.target in c.clause, c.id
        near = "".join(seed_lines(p.source.file)[c.source.line - 2 : c.source.line + 1])
        assert c.target.strip()[:2] in near, (c.id, c.target)  # the target, at its line
        assert c.year == "annual" or p.period.start <= c.year <= p.period.end, c.id
