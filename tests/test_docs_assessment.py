"""docs/assessment.md states how psplan decides a verdict, with worked examples: run every
example through the library and check every number the page states.

The page is the single source of the examples: each ```csv block is an input, the ```json block
after it (the one with an "example" key) names the plan, the options and the expected fields;
```yaml blocks hold the generated example plan and the overrides file. So the page and the code
cannot drift apart: change a rule and this test names the example whose numbers moved.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args

import pytest
import yaml
from openpyxl import load_workbook

from psplan.actuals.read import read_actuals
from psplan.assess.check import check
from psplan.assess.evaluate import BASELINE_SOURCES, STATUSES
from psplan.assess.overrides import read_overrides
from psplan.assess.regions import spreads
from psplan.assess.trends import Category
from psplan.errors import PsplanError
from psplan.formats import render
from psplan.plan.plans import load_plan
from psplan.views.assessment import assessment_view, result_cells
from psplan.views.model import shown
from psplan.words import say, use_lang

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "assessment.md"
FENCE = re.compile(r"^```(\w*)[^\n]*\n(.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)


@dataclass
class Example:
    spec: dict[str, Any]
    csv: str
    overrides: str | None

    @property
    def name(self) -> str:
        return self.spec["example"]


def _parse(text: str) -> tuple[list[Example], dict[str, str]]:
    """The examples in page order, and the generated plans (id → YAML text)."""
    blocks = FENCE.findall(text)
    plans: dict[str, str] = {}
    for lang, body in blocks:
        if lang == "yaml":
            data = yaml.safe_load(body)
            if isinstance(data, dict) and "indicators" in data:
                plans[data["id"]] = body
    examples: list[Example] = []
    pending_csv: str | None = None
    pending_overrides: str | None = None
    for lang, body in blocks:
        if lang == "csv":
            assert pending_csv is None, f"a ```csv block with no example after it:\n{pending_csv}"
            pending_csv = body
        elif lang == "yaml":
            data = yaml.safe_load(body)
            if isinstance(data, dict) and "overrides" in data:
                pending_overrides = body
        elif lang == "json":
            data = json.loads(body)
            if "example" not in data:
                continue
            assert pending_csv is not None, f"example {data['example']} has no ```csv input"
            examples.append(Example(data, pending_csv, pending_overrides))
            pending_csv = pending_overrides = None
    assert pending_csv is None, "the page ends with a ```csv block that no example uses"
    return examples, plans


TEXT = DOC.read_text(encoding="utf-8")
EXAMPLES, GENERATED_PLANS = _parse(TEXT)
PROSE = FENCE.sub("", TEXT)


def _plan_path(name: str, tmp_path: Path) -> str | Path:
    if name in GENERATED_PLANS:
        path = tmp_path / f"{name}.yaml"
        path.write_text(GENERATED_PLANS[name], encoding="utf-8")
        return path
    return name


def _run(example: Example, tmp_path: Path, warnings: list | None = None):
    spec = example.spec
    plan = load_plan(_plan_path(spec["plan"], tmp_path)).plan
    path = tmp_path / "figures.csv"
    path.write_text(example.csv, encoding="utf-8")
    options: dict[str, Any] = dict(spec.get("options", {}))
    if "year" in spec:
        options["year"] = spec["year"]
    if example.overrides is not None:
        overrides = tmp_path / "overrides.yaml"
        overrides.write_text(example.overrides, encoding="utf-8")
        options["overrides"] = read_overrides(overrides)
    return plan, check(plan, read_actuals(path), warnings=warnings, source=str(path), **options)


def _same(actual: Any, expected: Any, where: str) -> None:
    if isinstance(expected, dict):
        assert isinstance(actual, dict), (where, actual)
        for key, value in expected.items():
            assert key in actual, (where, key)
            _same(actual[key], value, f"{where}.{key}")
    elif isinstance(expected, float) or (
        isinstance(expected, int) and not isinstance(expected, bool) and isinstance(actual, float)
    ):
        assert actual == pytest.approx(expected, abs=1e-6), (where, actual, expected)
    else:
        assert actual == expected, (where, actual, expected)


def _rendered(report, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(report.to_dict(), ensure_ascii=False)
    if fmt in ("markdown", "csv", "html"):
        return str(render(assessment_view(report, "zh"), fmt))
    if fmt == "xlsx":
        book = load_workbook(io.BytesIO(render(assessment_view(report, "zh"), "xlsx")))
        return "\n".join(
            str(cell.value)
            for sheet in book.worksheets
            for row in sheet.iter_rows()
            for cell in row
            if cell.value is not None
        )
    if fmt in ("trend", "trend-json"):
        from psplan.views.trend import trend_view

        return render(trend_view(report), "json" if fmt == "trend-json" else "markdown")
    raise AssertionError(f"unknown format {fmt}")


def _cells(result, lang: str) -> dict[str, str]:
    """A result's cells as every report shows them (the text of each typed cell)."""
    return {key: shown(cell) for key, cell in result_cells(result, lang).items()}


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.name for e in EXAMPLES])
def test_worked_example(example: Example, tmp_path: Path) -> None:
    spec = example.spec
    if "error" in spec:
        with pytest.raises(PsplanError) as caught:
            _run(example, tmp_path)
        with use_lang("en"):  # the page quotes the English messages
            assert spec["error"] in str(caught.value)
        return
    warnings: list = []
    plan, report = _run(example, tmp_path, warnings)
    found = {(f"{r.region}/" if r.region else "") + r.indicator.id: r for r in report.results}
    assert spec["results"], f"example {example.name} states no result"
    for key, expected in spec["results"].items():
        assert key in found, (example.name, key, sorted(found))
        result = found[key]
        data = result.to_dict(plan)
        fields = {k: v for k, v in expected.items() if k not in ("cells", "cells_en", "trend")}
        _same(data, fields, f"{example.name}:{key}")
        if "trend" in expected:
            if expected["trend"] is None:
                assert data["trend"] is None, (example.name, key, data["trend"])
            else:
                _same(data["trend"], expected["trend"], f"{example.name}:{key}.trend")
        if "cells" in expected:
            _same(_cells(result, "zh"), expected["cells"], f"{example.name}:{key}.cells")
        if "cells_en" in expected:
            _same(_cells(result, "en"), expected["cells_en"], f"{example.name}:{key}.cells_en")
    if "regions" in spec:  # the regions judged, in file order (reference regions are not)
        assert [r or "" for r in report.regions] == spec["regions"]
    assert report.outside_period == spec.get("outside_period", False)
    for message in spec.get("warnings", []):
        english = [w.words.render("en") for w in warnings]  # the page quotes the English
        assert any(message in text for text in english), (message, english)
    for indicator_id, expected in spec.get("spread", {}).items():
        spread = {s.indicator_id: s for s in spreads(report)}[indicator_id]
        _same(
            {
                "regions": spread.regions,
                "minimum": spread.minimum,
                "maximum": spread.maximum,
                "mean": spread.mean,
                "cv": spread.cv,
                "lagging": list(spread.lagging),
            },
            expected,
            f"{example.name}:spread",
        )
    for text, formats in spec.get("formats_contain", {}).items():
        for fmt in formats:
            assert text in _rendered(report, fmt), (example.name, fmt, text)


def _csv_rows(text: str) -> list[tuple[str, str, str]]:
    rows = list(csv.DictReader(io.StringIO(text)))
    return [(row["indicator"], row["year"], row["value"]) for row in rows]


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.name for e in EXAMPLES])
def test_figures_are_real_and_cited_or_marked_generated(example: Example) -> None:
    figures = example.spec.get("figures", "")
    if figures == "generated":
        return
    assert figures.startswith("real: "), (example.name, figures)
    cited = figures.removeprefix("real: ")
    if cited.startswith("http"):
        # A page outside the repository: the prose must cite it and quote the figure.
        assert cited in PROSE, (example.name, cited)
        for _, _, value in _csv_rows(example.csv):
            assert value.strip("[]【】") in PROSE, (example.name, value)
        return
    source = (ROOT / cited).read_text(encoding="utf-8")
    if cited.endswith(".csv"):
        published = set(_csv_rows(source))
        for row in _csv_rows(example.csv):
            assert row in published, (example.name, row, cited)
    else:
        lines = source.splitlines()
        for indicator, year, value in _csv_rows(example.csv):
            assert any(indicator in line and year in line and value in line for line in lines), (
                example.name,
                indicator,
                year,
                value,
                cited,
            )


def test_every_target_kind_has_a_worked_example(tmp_path: Path) -> None:
    assert len(EXAMPLES) >= 20, "the page's examples were not found"
    kinds: set[str] = set()
    sources: set[str] = set()
    plans = {
        name: load_plan(_plan_path(name, tmp_path)).plan
        for name in {e.spec["plan"] for e in EXAMPLES}
    }
    for example in EXAMPLES:
        if "results" not in example.spec:
            continue
        plan = plans[example.spec["plan"]]
        for key, expected in example.spec["results"].items():
            indicator = plan.indicator(key.rsplit("/", 1)[-1])
            target = indicator.target
            if target.form == "number":
                kinds.add(indicator.effective_kind)
                kinds.add(f"op:{target.effective_op(indicator.effective_direction)}")
                kinds.add(f"direction:{indicator.effective_direction}")
            else:
                kinds.add(target.form)
            sources.add(expected.get("baseline", {}).get("source", ""))
    assert {
        "level", "cumulative", "annual_average", "qualitative", "relative",
        "op:>=", "op:>", "op:<=", "op:approx", "direction:increase", "direction:decrease",
    } <= kinds  # fmt: skip
    assert set(BASELINE_SOURCES) <= sources


def test_the_page_names_every_status_source_and_category_in_both_languages() -> None:
    for word in (*STATUSES, *BASELINE_SOURCES):
        assert f"`{word}`" in TEXT, word
    for lang in ("zh", "en"):
        for label in (say(f"category.{c}", lang) for c in get_args(Category)):
            assert label in TEXT, label
    for heading in re.findall(r"^#{1,3} (.+)$", PROSE, re.MULTILINE):
        assert re.search(r"[\u4e00-\u9fff]", heading) and re.search(r"[A-Za-z]", heading), heading
