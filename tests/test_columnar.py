"""The columnar path (duckdb) gives the very assessment of the per-row path.

A property test over random files (generated, not real figures) of every shape the readers
take and every value spelling: for each, `psplan.check` by rows and by the columnar engine
give the same JSON contract, the same columns, the same observations behind each result and
the same warnings, in the same order — or the same error with the same problems at the same
rows. And the columnar path must really be the one that judged the clean files (it may hand a
file to the per-row path only for what it says it cannot hold: tests below name each case).
"""

from __future__ import annotations

import math
import random
import zlib
from collections.abc import Sequence
from functools import partial
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import psplan
from psplan.assess.assessment import STAGES
from psplan.assess.columnar import check_columnar
from psplan.assess.columns import ResultColumns
from psplan.errors import PsplanError

from conftest import PLANS, ROOT

pytest.importorskip("duckdb")

#: Region names as sheets give them: counties, the plan's own area, stray spaces, digits
#: (typed full-width on some rows: `_WIDE`).
REGIONS = ("甲县", "乙区", "丙市", "丁县", "戊区", "己县", "庚县", "辛区", "全市", " 壬县 ", "癸县",
           "子01县", "丑02区")  # fmt: skip
_WIDE = str.maketrans("0123456789", "０１２３４５６７８９")


def _spell(rng: random.Random, indicator, value: float) -> str:
    """A figure written as people type it into Excel."""
    unit = indicator.unit or ""
    roll = rng.random()
    if roll < 0.55:
        return f"{value:.2f}" if rng.random() < 0.8 else str(round(value))
    if roll < 0.75 and unit == "%":
        return f"{value:.1f}%"
    if roll < 0.8:
        return f" {value:.1f} "  # spaces around: read by parse_value
    if roll < 0.84:
        return f"{value:.1f}".translate(str.maketrans("0123456789.", "０１２３４５６７８９．"))
    if roll < 0.87 and indicator.effective_kind == "cumulative":
        return f"[{value:.1f}]"  # a running total
    if roll < 0.9 and indicator.effective_kind == "level":
        suffix = unit if unit in ("%", "") else ""  # 95%以上 (a unit the reader knows)
        return rng.choice((f">{value:.1f}", f"{value:.0f}{suffix}以上", f"≥{value:.1f}"))
    if roll < 0.95:
        return rng.choice(("", "—", "NA", "/"))  # no figure
    if roll < 0.97:
        return f"{value:.5E}"  # as Excel shows a number too long for its cell (1.23457E+11)
    return f"{value:.3f}"


def _figure(rng: random.Random, indicator, year: int, step: float) -> float:
    target = indicator.target.value
    base = indicator.baseline.value
    middle = target if target is not None else (base if base is not None else 50.0)
    value = middle * (0.85 + 0.03 * (year - 2020) * step) + rng.uniform(-2, 2)
    if rng.random() < 0.03:
        value *= rng.choice((5.0, 0.2, -1.0))  # a jump, an outlier, an impossible figure
    return value


def random_file(
    plan_id: str, path: Path, seed: int, *, encoding: str = "utf-8", bad: str = ""
) -> Path:
    """A random long-format file of the plan (generated figures, not real ones)."""
    rng = random.Random(seed)
    plan = psplan.load_plan(plan_id)
    indicators = rng.sample(plan.indicators, k=min(len(plan.indicators), rng.randint(3, 12)))
    regions = rng.sample(REGIONS, k=rng.randint(1, 8))
    with_region = len(regions) > 1 or rng.random() < 0.5 or bad == "region_total"
    years = list(range(rng.choice((2019, 2020, 2021)), rng.choice((2023, 2024, 2025)) + 1))
    header = ["指标名称", "年份", "数值"] + (["地区"] if with_region else [])
    if rng.random() < 0.3:
        header = ["region", "indicator", "year", "value"] if with_region else header
    lines = []
    if rng.random() < 0.2:
        lines.append(["表1 主要指标完成情况"])  # a title above the header
    lines.append(header)
    rows = []
    for region in regions:
        step = rng.uniform(0.5, 1.5)
        for indicator in indicators:
            for year in years:
                if rng.random() < 0.05:
                    continue  # a year not reported
                if indicator.target.form == "qualitative":
                    value = rng.choice(("是", "否", "应保尽保", "达标", "基本实现"))
                else:
                    value = _spell(rng, indicator, _figure(rng, indicator, year, step))
                name = indicator.id if rng.random() < 0.2 else indicator.name
                year_text = f"{year}年" if rng.random() < 0.1 else str(year)
                place = region.translate(_WIDE) if rng.random() < 0.3 else region
                cells = {"指标名称": name, "indicator": name, "年份": year_text,
                         "year": year_text, "数值": value, "value": value,
                         "地区": place, "region": place}  # fmt: skip
                rows.append([cells[column] for column in header])
    rng.shuffle(rows) if rng.random() < 0.3 else None
    for row in rng.sample(rows, k=min(len(rows), rng.randint(0, 3))):
        rows.append(list(row))  # the same figure twice: merges
    if bad == "unknown":
        rows.insert(rng.randrange(len(rows) + 1), _replace(header, rows[0], "不存在的指标"))
    elif bad == "conflict":
        at = header.index("数值" if "数值" in header else "value")
        figures = [row for row in rows if row[at].replace(".", "").isdigit()]
        twice = list(rng.choice(figures))
        twice[at] = "12345.6"  # another figure for the same region, indicator and year
        rows.append(twice)
    elif bad == "bound":  # the same number again as a bound (89 and >89): no same figure
        at = header.index("数值" if "数值" in header else "value")
        figures = [row for row in rows if row[at].replace(".", "").isdigit()]
        twice = list(rng.choice(figures))
        twice[at] = ">" + twice[at]
        rows.append(twice)
    elif bad == "value":
        row = list(rows[rng.randrange(len(rows))])
        row[header.index("数值" if "数值" in header else "value")] = "9.1.1"
        rows.append(row)
    elif bad == "spaced":  # a figure typed with a space among its digits
        row = list(rows[rng.randrange(len(rows))])
        row[header.index("数值" if "数值" in header else "value")] = rng.choice(
            ("9 0", "90 .5", "１２ ３４")
        )
        rows.append(row)
    elif bad == "total":
        rows.append(_replace(header, rows[0], "合计"))
    elif bad == "region_total" and ("地区" in header or "region" in header):
        total = list(rows[rng.randrange(len(rows))])
        total[header.index("地区" if "地区" in header else "region")] = rng.choice(
            ("合计", "小计：", "合 计", "全市合计", "安康市 小计", "全市平均", "各县区平均值")
        )
        rows.insert(rng.randrange(len(rows) + 1), total)
    elif bad == "note":
        rows.append(["注：数据来源于各县统计局"] + [""] * (len(header) - 1))
    elif bad == "blank_line":
        for _ in range(rng.randint(1, 3)):
            rows.insert(rng.randrange(len(rows) + 1), [])
        rows.append([])  # and an empty last line
    lines.extend(rows)
    text = "".join(",".join(_quote(cell) for cell in line) + "\n" for line in lines)
    path.write_bytes(text.encode(encoding))
    return path


def _replace(header: list[str], row: list[str], name: str) -> list[str]:
    changed = list(row)
    changed[header.index("指标名称" if "指标名称" in header else "indicator")] = name
    return changed


def _quote(cell: str) -> str:
    return f'"{cell}"' if "," in cell or '"' in cell else cell


def _judged(plan_id: str, files: list[Path], engine: str, texts: bool = False, **options):
    """The assessment and warnings, or the error and its problems, of one engine; with
    `texts`, its JSON, CSV and markdown text too, and duckdb's own columns. Engine "worded":
    the columnar path as `check --format json|csv|markdown` runs it, judging once, into the
    table the words come from (`word_all`)."""
    import psplan.assess.columnar as columnar

    try:
        with pytest.MonkeyPatch.context() as patch:
            if engine == "worded":
                whole = partial(columnar.check_columnar, word_all=True)
                patch.setattr(columnar, "check_columnar", whole)
                engine = "columnar"
            checked = psplan.check(plan_id, [str(f) for f in files], engine=engine, **options)
    except PsplanError as exc:
        problems = getattr(exc, "problems", [])
        return ("error", exc.words.render("zh"), _shown(problems),
                _shown(getattr(exc, "warnings", [])))  # fmt: skip
    results = list(checked.results)
    return (
        checked.to_dict(),
        ResultColumns.of(results),
        [tuple(r.observations) for r in results],
        _shown(checked.warnings),
        checked.summary(),
        checked.ratings(),
    ) + ((
        _encoded(checked, "zh"),
        _encoded(checked, "en"),
        _columns(checked.columns),
        _csv(checked, "zh"),  # (in English too: test_the_json_and_csv_of_county_…)
        _markdown(checked, "en"),
    ) if texts else ())  # fmt: skip


def _markdown(checked, lang: str) -> str:
    """The markdown `check` prints: on the columnar path, its results and lagging results
    made by duckdb (`formats.markdown_worded`)."""
    from psplan.formats import markdown
    from psplan.views.assessment import assessment_view

    return markdown.render(assessment_view(checked, lang))


def _csv(checked, lang: str) -> str:
    """The CSV `check --format csv` writes: on the columnar path, most of its lines made by
    duckdb (`views.vectorised_cells`)."""
    from psplan.formats import csv
    from psplan.views.assessment import assessment_view

    return csv.render(assessment_view(checked, lang))


def _columns(columns: ResultColumns) -> list[list]:
    """The columns the views read (on the columnar path, duckdb's own), as lists."""
    return [list(columns.regions), [i.id for i in columns.indicators], list(columns.statuses),
            list(columns.actuals), list(columns.gaps), list(columns.ratings),
            list(columns.progress), list(columns.shares)]  # fmt: skip


def _encoded(checked, lang: str) -> list[str]:
    """Each result's JSON text as the JSON format writes it: on the columnar path, most
    written by duckdb (`vectorised_json`)."""
    from psplan.formats.escape import to_json

    return list(checked.encoded_results(lang, lambda data: to_json(data, indent=None)))


def _shown(problems) -> list[tuple]:
    return [(str(p.location), p.words.render("zh"), p.code, p.level) for p in problems]


def _assert_same(plan_id: str, files: list[Path], **options) -> None:
    """The same on both paths; the columnar one judging apart from its words, or (for half
    the files, by their bytes) into the table of words (`_judged`'s "worded")."""
    rows = _judged(plan_id, files, "rows", texts=True, **options)
    worded = zlib.crc32(b"".join(f.read_bytes() for f in files)) % 2
    columnar = _judged(plan_id, files, "worded" if worded else "columnar", texts=True, **options)
    assert columnar == rows


#: lint's thresholds as given, and tight enough that a random file has findings of each rule.
LINT_THRESHOLDS = ({}, {"jump_steps": 0.5, "jump_share": 0.05, "outlier_z": 1.5,
                        "outlier_regions": 3})  # fmt: skip


def _assert_same_lint(plan_id: str, files: list[Path]) -> list[tuple]:
    """lint's findings, the same on both paths (by each set of thresholds); the tight
    thresholds' findings returned."""
    found: list[tuple] = []
    for thresholds in LINT_THRESHOLDS:
        rows = _shown(psplan.lint(plan_id, [str(f) for f in files], engine="rows", **thresholds))
        columnar = psplan.lint(plan_id, [str(f) for f in files], engine="columnar", **thresholds)
        assert _shown(columnar) == rows
        found = rows
    return found


def _lints_columnar(plan_id: str, files: list[Path]) -> bool:
    """Whether the columnar path found lint's findings itself (not handing them on)."""
    from psplan.assess.lint import Thresholds
    from psplan.assess.lint_columnar import lint_columnar

    return lint_columnar(psplan.load_plan(plan_id), files, Thresholds()) is not None


@pytest.mark.parametrize("seed", range(24))
def test_random_files_give_the_same_assessment_on_both_paths(tmp_path: Path, seed: int) -> None:
    plan_id = PLANS[seed % len(PLANS)]
    encoding = ("utf-8", "utf-8-sig", "gb18030")[seed % 3]
    path = random_file(plan_id, tmp_path / "figures.csv", seed, encoding=encoding)
    plan = psplan.load_plan(plan_id)
    failed = _judged(plan_id, [path], "rows")[0] == "error"  # a figure off its indicator
    assert (check_columnar(plan, [path]) is None) == failed, "the columnar path judged it"
    assert _lints_columnar(plan_id, [path]) == (not failed)
    _assert_same_lint(plan_id, [path])
    _assert_same(plan_id, [path])
    _assert_same(plan_id, [path], year=plan.period.start + 1)  # mid-period: on the line
    _assert_same(plan_id, [path], stage="final")


@settings(
    max_examples=30,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(seed=st.integers(min_value=1000, max_value=10**9), stage=st.sampled_from(STAGES))
def test_any_random_file_gives_the_same_assessment_on_both_paths(
    tmp_path: Path, seed: int, stage: str
) -> None:
    """The same property over seeds hypothesis draws (derandomized: the same every run)."""
    plan_id = PLANS[seed % len(PLANS)]
    path = random_file(
        plan_id, tmp_path / f"{seed}.csv", seed, encoding=("utf-8", "gb18030")[seed % 2]
    )
    _assert_same(plan_id, [path], stage=stage)
    _assert_same_lint(plan_id, [path])


@pytest.mark.parametrize("seed", range(6))
def test_several_files_are_one_dataset_on_both_paths(tmp_path: Path, seed: int) -> None:
    """One file's rows sent by two departments (some rows by both, which merge), the second
    in GB18030; and two files that disagree: the same error, naming both, on both paths."""
    plan_id = PLANS[seed % len(PLANS)]
    whole = random_file(plan_id, tmp_path / "whole.csv", seed).read_text("utf-8").splitlines()
    header = 1 + whole.index(next(line for line in whole if "," in line))
    first, second = tmp_path / "教育局.csv", tmp_path / "卫健委.csv"
    first.write_text("\n".join(whole[:header] + whole[header::2]) + "\n", "utf-8")
    both = whole[header + 1 :: 2] + whole[header : header + 3]
    second.write_bytes(("\n".join(whole[:header] + both) + "\n").encode("gb18030"))
    assert check_columnar(psplan.load_plan(plan_id), [first, second]) is not None
    assert _lints_columnar(plan_id, [first, second])
    _assert_same(plan_id, [first, second])
    _assert_same_lint(plan_id, [first, second])
    other = random_file(plan_id, tmp_path / "民政局.csv", seed + 100)
    _assert_same(plan_id, [first, other])
    _assert_same_lint(plan_id, [first, other])


@pytest.mark.parametrize("bad", ["unknown", "conflict", "value", "spaced", "bound"])
@pytest.mark.parametrize("seed", range(3))
def test_bad_files_give_the_same_messages_on_both_paths(
    tmp_path: Path, seed: int, bad: str
) -> None:
    """The columnar path leaves a file with problems to the per-row path, which names each
    problem at its row: the user sees the same lines whichever engine was asked for."""
    plan_id = PLANS[seed % len(PLANS)]
    path = random_file(plan_id, tmp_path / "figures.csv", seed, bad=bad)
    assert check_columnar(psplan.load_plan(plan_id), [path]) is None
    assert not _lints_columnar(plan_id, [path])
    _assert_same(plan_id, [path])
    assert any(level == "error" for *_, level in _assert_same_lint(plan_id, [path]))
    assert _judged(plan_id, [path], "rows")[0] == "error"  # not silently judged


@pytest.mark.parametrize("skipped", ["total", "region_total", "note", "blank_line"])
@pytest.mark.parametrize("seed", range(3))
def test_rows_the_reader_skips_are_skipped_alike_on_both_paths(
    tmp_path: Path, seed: int, skipped: str
) -> None:
    """Total rows (合计 as the indicator or as a county), a note under the table and empty
    lines are skipped by both paths, with the same warnings at the same lines — the
    columnar path does not hand a county file to the per-row one for them."""
    plan_id = PLANS[seed % len(PLANS)]
    path = random_file(plan_id, tmp_path / "figures.csv", seed + 50, bad=skipped)
    assert check_columnar(psplan.load_plan(plan_id), [path]) is not None
    assert _lints_columnar(plan_id, [path])
    _assert_same(plan_id, [path])
    _assert_same_lint(plan_id, [path])
    warnings = [warning[1] for warning in _judged(plan_id, [path], "rows")[3]]
    if skipped != "blank_line":
        words = {"note": ("注：数据来源",), "total": ("合计",)}.get(skipped, ("计", "平均"))
        assert any("已跳过" in w and any(word in w for word in words) for w in warnings), warnings


def test_options_give_the_same_assessment_on_both_paths(tmp_path: Path) -> None:
    path = random_file("suzhou", tmp_path / "figures.csv", 12)
    plan = psplan.load_plan("suzhou")
    regions = psplan.check(plan, str(path), engine="rows").regions
    region = next(r for r in regions if r and r != "全市")
    relative = next(i.id for i in plan.indicators if i.target.form == "relative")
    _assert_same("suzhou", [path], references={relative: 80.0})
    _assert_same("suzhou", [path], region=region)
    _assert_same("suzhou", [path], strict=True)
    _assert_same("suzhou", [path], year=2030)  # outside the period: the same error
    _assert_same("suzhou", [path], year=2030, allow_outside_period=True)


def test_the_bundled_example_and_a_generated_county_file_agree(tmp_path: Path) -> None:
    from conftest import EXAMPLES, generate_actuals

    _assert_same("national", [EXAMPLES / "national-2023.csv"])
    counties = generate_actuals("ankang", tmp_path / "counties.csv", "--regions", "40")
    assert check_columnar(psplan.load_plan("ankang"), [counties]) is not None
    _assert_same("ankang", [counties])


def test_by_region_reads_columns_and_makes_no_result(tmp_path: Path) -> None:
    """`--by-region` needs statuses, actuals and gaps: on the columnar path it makes none of
    the 64 × 40 results (each would be worded and its observations read back)."""
    from psplan.views.assessment import by_region_dict

    from conftest import generate_actuals

    counties = generate_actuals("ankang", tmp_path / "counties.csv", "--regions", "40")
    plan = psplan.load_plan("ankang")
    report = check_columnar(plan, [counties])
    assert report is not None
    made = []
    make = report.results._make  # type: ignore[attr-defined]
    report.results._make = lambda i: made.append(i) or make(i)  # type: ignore[attr-defined]
    regions = by_region_dict(report)
    assert made == []
    by_rows = psplan.check(plan, str(counties), engine="rows")
    assert regions == by_region_dict(by_rows)


def test_the_engine_is_chosen_by_size_and_by_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from psplan.assess.engine import COLUMNAR_FROM_BYTES, engine_from_env, use_columnar

    small = random_file("national", tmp_path / "small.csv", 1)
    assert small.stat().st_size < COLUMNAR_FROM_BYTES
    assert not use_columnar([small], "auto")
    assert use_columnar([small], "columnar")
    assert not use_columnar([small], "rows")
    monkeypatch.setenv("PSPLAN_ENGINE", "Columnar")
    assert engine_from_env() == "columnar"
    assert use_columnar([small], "COLUMNAR")
    monkeypatch.setenv("PSPLAN_ENGINE", " ")  # set empty: as unset
    assert engine_from_env() == "auto"
    monkeypatch.setenv("PSPLAN_ENGINE", "row")  # a typo is said, not taken for "auto"
    with pytest.raises(PsplanError) as raised:
        engine_from_env()
    assert raised.value.words.render("zh") == (
        "PSPLAN_ENGINE 的值“row”不是可选的读取方式（可选 auto / columnar / rows）"
    )
    with pytest.raises(PsplanError, match="engine"):
        use_columnar([small], "fast")


def test_the_command_line_uses_the_columnar_path_for_every_format(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--max-regions (5,000 by default for the table, markdown, HTML and XLSX) no longer
    sends a county file to the per-row path: the regions are counted after reading, and too
    many give the same one-line error on both paths."""
    import psplan.assess.columnar as columnar

    from conftest import generate_actuals, run_psplan

    counties = generate_actuals("ankang", tmp_path / "counties.csv", "--regions", "40")
    used = []
    real = columnar.check_columnar
    monkeypatch.setattr(columnar, "check_columnar", lambda *a, **k: used.append(1) or real(*a, **k))
    outputs = {}
    for engine in ("rows", "columnar"):
        monkeypatch.setenv("PSPLAN_ENGINE", engine)
        out = tmp_path / f"{engine}.md"
        ran = run_psplan("check", "ankang", str(counties), "-o", str(out))
        assert ran.returncode == 1, ran.stderr
        outputs[engine] = out.read_text(encoding="utf-8")
        refused = run_psplan(
            "check", "ankang", str(counties), "--max-regions", "10", "-f", "markdown"
        )
        assert refused.returncode == 2 and "地区超过 10 个" in refused.stderr
    assert used and outputs["rows"] == outputs["columnar"]


def test_check_judges_once_where_it_words_every_result(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A whole JSON, CSV or markdown words every result: `check` asks the columnar path to
    judge into the table the words come from; a summary, a workbook and --by-region (which
    word a few or none) do not pay for that table."""
    import psplan.assess.columnar as columnar

    from conftest import generate_actuals, run_psplan

    counties = generate_actuals("ankang", tmp_path / "counties.csv", "--regions", "12")
    monkeypatch.setenv("PSPLAN_ENGINE", "columnar")
    asked: list[bool] = []
    real = columnar.check_columnar
    monkeypatch.setattr(columnar, "check_columnar",
                        lambda *a, **k: asked.append(k["word_all"]) or real(*a, **k))  # fmt: skip
    expected = {}
    for fmt, word_all in [("json", True), ("csv", True), ("markdown", True), ("table", False),
                          ("xlsx", False)]:  # fmt: skip
        for by_region in (False, True):
            option = ["--by-region"] if by_region else []
            suffix = {"markdown": "md", "table": "txt"}.get(fmt, fmt)
            out = tmp_path / f"out-{by_region}.{suffix}"
            ran = run_psplan("check", "ankang", str(counties), *option, "-f", fmt, "-o", str(out))
            assert ran.returncode == 1, ran.stderr
            expected[(fmt, by_region)] = word_all and not by_region
    assert asked == list(expected.values())


def test_ctrl_c_in_a_query_is_a_keyboard_interrupt() -> None:
    """duckdb stops a query at Ctrl-C with its own error: the columnar path turns it into
    KeyboardInterrupt (exit 130, as everywhere) — never an internal error, and never taken
    for a file it cannot read (which would send the file to the per-row path)."""
    import duckdb

    from psplan.actuals.columnar import Connection

    class Stopped:
        def __init__(self, error: Exception) -> None:
            self.error = error

        def execute(self, *args: object) -> None:
            raise self.error

    for error in (duckdb.InterruptException("INTERRUPT"), RuntimeError("Query interrupted")):
        with pytest.raises(KeyboardInterrupt):
            Connection(Stopped(error)).execute("SELECT 1")  # type: ignore[arg-type]
    with pytest.raises(RuntimeError, match="other"):
        Connection(Stopped(RuntimeError("other"))).execute("SELECT 1")  # type: ignore[arg-type]


def test_a_region_asked_for_with_spaces_is_found(tmp_path: Path) -> None:
    """Region cells are read stripped ("京001县 " is 京001县): so is --region."""
    path = random_file("suzhou", tmp_path / "figures.csv", 12)
    region = next(r for r in psplan.check("suzhou", str(path)).regions if r and r != "全市")
    for engine in ("rows", "columnar"):
        checked = psplan.check("suzhou", str(path), region=f" {region}\u3000", engine=engine)
        assert checked.regions == [region]


@settings(max_examples=200, derandomize=True)
@given(
    st.lists(st.sampled_from([b"a", b"\xe4\xba\xac", b",", b"\n", b"\r\n", b"\r", b"\x00"])),
    st.integers(min_value=1, max_value=7),
)
def test_a_file_scanned_in_chunks_counts_as_read_whole(
    tmp_path_factory: pytest.TempPathFactory, parts: list[bytes], chunk: int
) -> None:
    """Lines, NUL bytes and lone CRs are found alike across any chunk boundary (a CRLF cut
    in two is still one line break)."""
    from psplan.actuals import columnar

    raw = b"".join(parts)
    path = tmp_path_factory.mktemp("scan") / "file.csv"
    path.write_bytes(raw)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(columnar, "SCAN_CHUNK", chunk)
        assert columnar._file_lines(path) == columnar._lines(raw)


@pytest.mark.parametrize(
    "odd",
    ["   ", ",,,", "\t", "乙县", "", '"甲县",免费孕前优生健康检查率,2023,"8\n7"', "\ufeff"],
)
def test_each_line_under_the_header_is_a_row_at_its_line(tmp_path: Path, odd: str) -> None:
    """Each line under the header is one row duckdb reads, whatever is on it (a line of
    spaces, of commas, a short row); an empty line is numbered in; a quoted line break sends
    the file to the per-row path. Either way the rows are at their lines."""
    from psplan.actuals import columnar

    lines = ["表1 指标", "地区,指标,年份,数值", "甲县,免费孕前优生健康检查率,2021,85", odd,
             "甲县,免费孕前优生健康检查率,2022,86"]  # fmt: skip
    path = tmp_path / "figures.csv"
    path.write_text("\n".join(lines), "utf-8")
    table = columnar.read_table([path])
    if table is not None:
        read = table.files[0]
        assert read.header.line + read.rows + len(read.blank_lines) == len(lines)
    _assert_same("ankang", [path])


def test_a_region_typed_full_width_is_the_same_region(tmp_path: Path) -> None:
    """Excel users type 津００６县 on some rows and 津006县 on others: one county, its figures
    one series (the same figure twice merges, as any repeat does), on both paths; asked for
    either way, it is found."""
    plan = psplan.load_plan("ankang")
    name = plan.indicators[0].name
    path = tmp_path / "wide.csv"
    path.write_text(
        "地区,指标,年份,数值\n"
        f"津006县,{name},2021,80.5\n津００６县,{name},2022,82.5\n"
        f"津００６县,{name},2021,80.5\n 津006县 ,{name},2023,84\n津007县,{name},2021,70\n",
        encoding="utf-8",
    )
    _assert_same("ankang", [path])
    for engine in ("rows", "columnar"):
        checked = psplan.check("ankang", [path], engine=engine)
        assert checked.regions == ["津006县", "津007县"]
        years = [o.year for o in checked.results[0].observations]
        assert years == [2021, 2022, 2023]
        one = psplan.check("ankang", [path], engine=engine, region="津００６县")
        assert {r.region for r in one.results} == {"津006县"}


def test_a_region_aligned_with_spaces_is_the_same_region(tmp_path: Path) -> None:
    """Official tables align 洋县 with 城固县 as 洋　县 (an ideographic space): it was a 13th
    region of its own, missing every other year (trial 11, D6). One county on both paths, and
    asked for either way; a space between Latin letters stays."""
    plan = psplan.load_plan("hanzhong")
    name = plan.indicators[0].name
    path = tmp_path / "aligned.csv"
    path.write_text(
        "地区,指标,年份,数值\n"
        f"洋　县,{name},2021,1.5\n洋县,{name},2022,2.0\n洋 县,{name},2023,2.4\n"
        f"城固县,{name},2021,1.8\nNew Area,{name},2021,1.1\n",
        encoding="utf-8",
    )
    _assert_same("hanzhong", [path])
    for engine in ("rows", "columnar"):
        checked = psplan.check("hanzhong", [path], engine=engine)
        assert checked.regions == ["洋县", "城固县", "New Area"]
        years = [o.year for o in checked.results[0].observations]
        assert years == [2021, 2022, 2023]
        one = psplan.check("hanzhong", [path], engine=engine, region="洋　县")
        assert {r.region for r in one.results} == {"洋县"}


@pytest.mark.parametrize("first_year", [2019, 1960])
def test_a_year_given_twice_is_found_over_any_span_of_years(
    tmp_path: Path, first_year: int
) -> None:
    """Repeated years are found from a bit per year while the years span under 64 (a county
    file's five), by a group per year beyond: an equal figure merges, another is an error,
    the same on both paths either way."""
    name = psplan.load_plan("ankang").indicators[0].name
    head = f"地区,指标,年份,数值\n甲县,{name},{first_year},70\n甲县,{name},2023,80.5\n"
    same = tmp_path / "same.csv"
    same.write_text(head + f"甲县,{name},2023,80.5\n", encoding="utf-8")
    other = tmp_path / "other.csv"
    other.write_text(head + f"甲县,{name},2023,81\n", encoding="utf-8")
    _assert_same("ankang", [same], allow_outside_period=True)
    _assert_same("ankang", [other], allow_outside_period=True)
    plan = psplan.load_plan("ankang")
    assert check_columnar(plan, [same], allow_outside_period=True) is not None  # judged there
    assert check_columnar(plan, [other], allow_outside_period=True) is None  # the error: rows
    for engine in ("rows", "columnar"):
        merged = psplan.check("ankang", [same], engine=engine, allow_outside_period=True)
        assert [o.year for o in merged.results[0].observations] == [first_year, 2023]
        with pytest.raises(PsplanError):
            psplan.check("ankang", [other], engine=engine, allow_outside_period=True)


def test_a_year_before_the_baseline_year_is_said_at_its_first_row(tmp_path: Path) -> None:
    """A 2025 typed 2019 becomes the first-reported baseline of an indicator the plan gives
    none: both paths say so, once per such year, at its first figure (2019 twice: one)."""
    plan = psplan.load_plan("ankang")
    name = next(i.name for i in plan.indicators if i.baseline.value is None)
    path = tmp_path / "typo.csv"
    path.write_text(
        "地区,指标,年份,数值\n"
        f"甲县,{name},2021,80\n甲县,{name},2019,84\n乙县,{name},2019,70\n乙县,{name},2021,71\n",
        encoding="utf-8",
    )
    _assert_same("ankang", [path])
    assert check_columnar(plan, [path]) is not None  # judged there too
    for engine in ("rows", "columnar"):
        warnings = psplan.check("ankang", [path], engine=engine).warnings
        early = [
            (str(w.location), w.words.render("zh")) for w in warnings if w.code == "early-year"
        ]
        assert early == [
            (f"{path}:3:4", "2019年早于规划的基期年（2020年），请核实年份（该年份只在首次出现处"
                            "提示）：规划未列基期值的指标以首个上报数据为基期")
        ]  # fmt: skip
    # an indicator the plan prints a baseline of takes no earlier figure as one: its 2019 is
    # the previous period's (a 十五五 draft's series from 2021, warned of year by year, a
    # trial's finding), and says nothing
    national = psplan.load_plan("national")  # (ankang prints no baseline: 国家 does)
    based = next(i.name for i in national.indicators if i.baseline.value is not None)
    path.write_text(f"地区,指标,年份,数值\n甲县,{based},2019,84\n甲县,{based},2021,80\n", "utf-8")
    for engine in ("rows", "columnar"):
        warnings = psplan.check("national", [path], engine=engine).warnings
        assert not [w for w in warnings if w.code == "early-year"]


def _at_score(others: list[float], score: float, above: bool) -> str:
    """The figure that, beside `others`, has lint's modified z-score just above (or just
    below) `score`: the smallest step from the exact boundary that crosses it."""
    import statistics

    median = statistics.median([*others, 1e9])  # the largest figure's value moves neither
    mad = statistics.median(abs(v - median) for v in [*others, 1e9])
    mad = max(mad, 0.02 * median)
    figure = median + score * mad / 0.6745
    while (0.6745 * (figure - median) / mad > score) != above:
        figure = math.nextafter(figure, math.inf if above else -math.inf)
    return repr(figure)


def test_outliers_at_the_threshold_are_found_alike_on_both_paths(tmp_path: Path) -> None:
    """The columnar path sorts only the groups duckdb's approximate median and MAD say could
    hold an outlier: a figure a unit in the last place above the threshold must still be
    found, one just below must not, whether the MAD is measured or floored (2 % of the
    median where most figures are equal)."""
    indicator = "免费孕前优生健康检查率"
    spread = [85 + 0.37 * i for i in range(20)]
    level = [88.0] * 20
    groups = {2022: (level, True), 2023: (spread, True), 2024: (spread, False),
              2025: (level, False)}  # fmt: skip
    rows = ["地区,指标,年份,数值"]
    for year, (others, above) in groups.items():
        last = _at_score(others, 3.5, above)
        for i, value in enumerate([*others, last]):
            rows.append(f"县{i:02d},{indicator},{year},{value if i == 20 else repr(value)}")
    path = tmp_path / "counties.csv"
    path.write_text("\n".join(rows) + "\n", "utf-8")
    _assert_same("ankang", [path])
    warnings = _judged("ankang", [path], "columnar")[3]
    outliers = [(where, code) for where, _, code, _ in warnings if code == "outlier"]
    # a line per region and year, in the order of the groups: 县20 is on lines 22 and 43
    assert outliers == [(f"{path}:22", "outlier"), (f"{path}:43", "outlier")], warnings


def test_a_file_read_by_several_threads_keeps_its_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """duckdb reads a file of megabytes on several threads (`parallel`), a buffer each: its
    rows must keep the file's order, or every message would name the wrong line. Figures
    planted far apart in an 11 MB county file (generated, not real), read 1 MB at a time,
    are named at their own lines."""
    from psplan.actuals import columnar

    from conftest import generate_actuals

    monkeypatch.setattr(columnar, "READ_BUFFER", 1 << 20)

    path = generate_actuals("ankang", tmp_path / "counties.csv", "--regions", "640")
    lines = path.read_text("utf-8").splitlines()
    assert path.stat().st_size > 10_000_000
    planted = []
    for at in (len(lines) // 3, len(lines) - 400):  # a 2023 figure, five times as large
        at = next(i for i in range(at, len(lines)) if ",2023," in lines[i])
        region, name, year, value = lines[at].split(",")
        number = float(value.rstrip("%")) * 5
        lines[at] = f"{region},{name},{year},{number:.2f}"
        planted.append((at + 1, region, name))
    path.write_text("\n".join(lines) + "\n", "utf-8")
    checked = psplan.check("ankang", str(path), engine="columnar")
    said = {(str(w.location), w.code) for w in checked.warnings}
    for line, region, name in planted:
        assert (f"{path}:{line}", "jump") in said, (line, sorted(said)[:10])
        after = next(i + 1 for i, text in enumerate(lines)
                     if text.startswith(f"{region},{name},2024,"))  # fmt: skip
        assert (f"{path}:{after}", "jump") in said  # and back down the year after


def test_a_row_after_a_quoted_line_break_is_named_at_its_own_line(tmp_path: Path) -> None:
    """A remark typed with Alt+Enter in Excel is a quoted cell over two lines: the rows under
    it are named at the lines an editor shows them on (they were one line early), on both
    paths (the columnar one leaves such a file to the per-row one)."""
    path = tmp_path / "figures.csv"
    path.write_text(
        "地区,指标,年份,数值,备注\n"
        '全市,城镇新增就业人数,2021,1.5,"第一行\n第二行"\n'
        "全市,城镇新增就业人数,20x2,1.6,\n"
        "全市,城镇新增就业人数,2023,abc,\n",
        "utf-8",
    )
    _assert_same("ankang", [path])
    error, _, problems, _ = _judged("ankang", [path], "columnar")
    assert error == "error"
    assert [where for where, *_ in problems] == [f"{path}:4:3", f"{path}:5:4"]


def test_a_county_of_dashes_is_said_alike_on_both_paths(tmp_path: Path) -> None:
    """A county typed in with every figure a dash is left out of the results with a warning
    naming it, by both paths (the columnar one judging the file itself)."""
    from conftest import generate_actuals

    path = generate_actuals("ankang", tmp_path / "counties.csv", "--regions", "12")
    lines = path.read_text("utf-8").splitlines()
    county = lines[1].split(",")[0]
    lines = [",".join([*line.split(",")[:3], "—"]) if line.startswith(county + ",") else line
             for line in lines]  # fmt: skip
    path.write_text("\n".join(lines) + "\n", "utf-8")
    assert check_columnar(psplan.load_plan("ankang"), [path]) is not None
    _assert_same("ankang", [path])
    warnings = _judged("ankang", [path], "columnar")[3]
    assert (str(path), f"1个地区有数据行但没有任何数据（{county}），未列入结果") in [
        (where, words) for where, words, _, _ in warnings
    ]
    # asked for, it is said to have no figure, not taken for a mistyped name
    _assert_same("ankang", [path], region=county)
    assert _judged("ankang", [path], "columnar", region=county)[1] == (
        f"地区“{county}”有数据行，但没有任何数据（只有空单元格或“—”）"
    )


def test_lint_of_a_file_without_one_figure_is_the_same_error_on_both_paths(
    tmp_path: Path,
) -> None:
    """Every cell empty or a dash: lint's error, not a crash of the columnar path (its thread
    still held the connection when the path handed the file on and closed it)."""
    from conftest import generate_actuals

    path = generate_actuals("ankang", tmp_path / "counties.csv", "--regions", "12")
    lines = path.read_text("utf-8").splitlines()
    blank = [lines[0]] + [",".join([*line.split(",")[:3], ("", "—")[i % 2]])
                          for i, line in enumerate(lines[1:])]  # fmt: skip
    path.write_text("\n".join(blank) + "\n", "utf-8")
    rows = _assert_same_lint("ankang", [path])
    assert [(code, level) for _, _, code, level in rows] == [("no-figures", "error")]


@pytest.mark.parametrize(
    "more",
    [
        ["合计,免费孕前优生健康检查率,2021,—", "合计,免费孕前优生健康检查率,2022,—"],
        ["注：数据来源于各县统计局,,,"],
        ["丙县,免费孕前优生健康检查率,2021,—", "丙县,免费孕前优生健康检查率,2022,/"],
        [",免费孕前优生健康检查率,2023,88"],  # a county's name left out: the row's error
        ["—,免费孕前优生健康检查率,2023,88"],  # or a dash for it (it made a county "—")
    ],
)
def test_rows_without_figures_or_a_region_are_said_alike_on_both_paths(
    tmp_path: Path, more: list[str]
) -> None:
    """A total row of dashes and a note are skipped, a county of dashes is said to be left
    out, a row without its county beside named ones is an error: alike on both paths."""
    lines = ["地区,指标,年份,数值", "甲县,免费孕前优生健康检查率,2021,85",
             "甲县,免费孕前优生健康检查率,2022,86", "乙县,免费孕前优生健康检查率,2021,84",
             "乙县,免费孕前优生健康检查率,2022,—", *more]  # fmt: skip
    path = tmp_path / "figures.csv"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    _assert_same("ankang", [path])
    judged = _judged("ankang", [path], "columnar")
    if more[0].startswith((",", "—")):
        assert judged[0] == "error"
        assert judged[2] == [(f"{path}:6", "地区单元格没有地区名（本文件其他行写明了地区；地区列若是合并单元格，"
                              "请取消合并并填满后再导出）",
                              "empty-region", "error")]  # fmt: skip
    elif more[0].startswith("丙县"):
        assert "1个地区有数据行但没有任何数据（丙县），未列入结果" in [w[1] for w in judged[3]]
    else:
        assert not any("没有任何数据" in w[1] for w in judged[3])


@pytest.mark.parametrize("odd", ["\ufeff", "\u200b", "\u2060"])
def test_an_invisible_character_in_a_county_does_not_make_a_second_county(
    tmp_path: Path, odd: str
) -> None:
    """A BOM where two files were joined (`cat a.csv b.csv`), a zero-width space or joiner
    pasted from a web page: 京001县 stays one county, on both paths."""
    path = tmp_path / "figures.csv"
    path.write_text(
        "地区,指标,年份,数值\n京001县,免费孕前优生健康检查率,2021,85\n"
        f"{odd}京001县,免费孕前优生健康检查率,2022,86\n"
        f"京0{odd}01县,免费孕前优生健康检查率,2023,87\n",
        "utf-8",
    )
    _assert_same("ankang", [path])
    assert psplan.check("ankang", str(path), engine="columnar").regions == ["京001县"]


@pytest.mark.parametrize(
    ("line", "said"),
    [
        ('"京001县,免费孕前优生健康检查率,2023,87',
         ("{path}:4", "引号未闭合：这一行的一个单元格以引号开头，一直读到第 6 行；请补上右引号或删去左引号")),
        ("京001县，免费孕前优生健康检查率，2023，87",
         ("{path}:4:2", "这一行只有一个单元格，用全角逗号“，”分隔；CSV 的分隔符是半角逗号“,”")),
        ("京001县，免费孕前优生健康检查率,2023,87",  # partly full-width: one cell too few
         ("{path}:4:3", "年份“87”不是有效年份（应如 2023）（这一行有全角逗号“，”：CSV 的分隔符是半角逗号“,”）")),
    ],
)  # fmt: skip
def test_a_row_without_its_indicator_says_why_when_it_can(
    tmp_path: Path, line: str, said: tuple[str, str]
) -> None:
    """A quote opened and never closed, a row typed with full-width commas: each was "指标单元格
    为空" at its row, which sent the reader looking at the wrong thing (a new-user trial)."""
    path = tmp_path / "figures.csv"
    path.write_text(
        "地区,指标,年份,数值\n京001县,免费孕前优生健康检查率,2021,85\n"
        f"京001县,免费孕前优生健康检查率,2022,86\n{line}\n"
        "京001县,免费婚前医学检查率,2021,85\n京001县,免费婚前医学检查率,2022,86\n",
        "utf-8",
    )
    _assert_same("ankang", [path])
    error, _, problems, _ = _judged("ankang", [path], "columnar")
    assert error == "error"
    assert problems[0][:2] == (said[0].format(path=path), said[1])


def test_a_region_asked_for_hears_of_its_own_jumps_and_outliers(tmp_path: Path) -> None:
    """`--region` asks about one county: the jumps and outliers of the others (found among
    all of them) are not said, its own are, alike on both paths (generated figures)."""
    from conftest import generate_actuals

    path = generate_actuals("ankang", tmp_path / "counties.csv", "--regions", "12")
    lines = path.read_text("utf-8").splitlines()
    regions = list(dict.fromkeys(line.split(",")[0] for line in lines[1:]))
    for region in regions[:2]:  # a 2023 figure five times as large in two counties
        at = next(i for i, line in enumerate(lines) if line.startswith(f"{region},")
                  and ",2023," in line and line.split(",")[3][:1].isdigit())  # fmt: skip
        cells = lines[at].split(",")
        lines[at] = ",".join([*cells[:3], f"{float(cells[3].rstrip('%')) * 5:.2f}"])
    path.write_text("\n".join(lines) + "\n", "utf-8")
    _assert_same("ankang", [path], region=regions[0])
    said = [words for _, words, code, _ in _judged("ankang", [path], "columnar",
                                                    region=regions[0])[3]
            if code in ("jump", "outlier")]  # fmt: skip
    everyone = [words for _, words, code, _ in _judged("ankang", [path], "columnar")[3]
                if code in ("jump", "outlier")]  # fmt: skip
    assert said and all(w.startswith(regions[0]) for w in said)
    assert any(w.startswith(regions[1]) for w in everyone)


def test_a_total_short_at_the_end_names_the_last_year_it_counts(tmp_path: Path) -> None:
    """A five-year total judged in the end year from the years to 2024 is not the period's
    total: its reason says so (it read "期末 5.91 未满足 ≥8"). Generated figures."""
    path = tmp_path / "figures.csv"
    rows = "".join(f"京001县,城镇新增就业人数,{year},1.4\n" for year in range(2021, 2025))
    path.write_text("地区,指标,年份,数值\n" + rows, "utf-8")
    _assert_same("ankang", [path], year=2025)
    checked = psplan.check("ankang", str(path), year=2025, engine="columnar")
    jobs = next(r for r in checked.results if r.indicator.name == "城镇新增就业人数")
    assert jobs.status == "not_met"
    assert jobs.verdict.reason("zh").endswith(
        "期末以截至2024年的累计 5.6 计，未满足 ≥8；目标为全域总量，本地区数据与之对照仅供参考"
    )  # (a county's: 城镇新增就业人数 is the whole area's total)


@pytest.mark.parametrize("seed", range(24))
def test_lint_and_check_list_the_same_jumps_and_outliers_in_the_same_order(
    tmp_path: Path, seed: int
) -> None:
    """Both say a series' jumps and outliers in the order its first row was read (a row of
    "—" included): a reader comparing `lint`'s list with `check`'s warnings finds them alike."""
    plan_id = PLANS[seed % len(PLANS)]
    path = random_file(plan_id, tmp_path / "figures.csv", seed)
    try:
        warnings = psplan.check(plan_id, str(path), engine="rows").warnings
    except PsplanError:
        return  # a file check refuses: lint names the same errors (above)
    across = ("jump", "outlier")
    found = [p for p in psplan.lint(plan_id, [str(path)], engine="rows") if p.code in across]
    assert _shown(found) == _shown([w for w in warnings if w.code in across])


def test_a_missing_cell_is_said_in_the_file_of_its_indicator(tmp_path: Path) -> None:
    """Two departments' files, each with its own indicators; the second leaves out a county:
    its missing cells are the second department's, on both paths (they were said in the
    first file, sending the analyst to the wrong department)."""
    from conftest import generate_actuals

    whole = generate_actuals("hanzhong", tmp_path / "all.csv", "--regions", "6")
    header, *lines = whole.read_text("utf-8").splitlines()
    names = list(dict.fromkeys(line.split(",")[1] for line in lines))
    first, second = tmp_path / "教育局.csv", tmp_path / "卫健委.csv"
    ours = set(names[: len(names) // 2])
    left_out = lines[0].split(",")[0]
    first.write_text("\n".join([header] + [line for line in lines
                                           if line.split(",")[1] in ours]) + "\n", "utf-8")  # fmt: skip
    second.write_text("\n".join([header] + [
        line for line in lines
        if line.split(",")[1] not in ours and not line.startswith(left_out + ",")
    ]) + "\n", "utf-8")  # fmt: skip
    assert _lints_columnar("hanzhong", [first, second])
    found = _assert_same_lint("hanzhong", [first, second])
    missing = [(where, words) for where, words, code, _ in found if code == "missing"]
    assert missing and all(where == str(second) for where, _ in missing), missing[:3]
    assert all(words.startswith(left_out) for _, words in missing)


def _plant(path: Path, figures: dict[str, str], more: Sequence[str] = ()) -> None:
    """A generated file with the figures of some (region, indicator, year) rows replaced
    (keyed by the row's first three cells), and `more` rows added."""
    lines = [
        next((f"{key},{value}" for key, value in figures.items() if line.startswith(key + ",")),
             line)
        for line in path.read_text("utf-8").splitlines()
    ]  # fmt: skip
    path.write_text("\n".join([*lines, *more]) + "\n", "utf-8")


def test_outliers_are_looked_for_among_the_counties_not_the_citys_own_total(
    tmp_path: Path,
) -> None:
    """全市 is the plan's own area: a total or an average of the counties, not one of them.
    A city total far above its counties is no outlier, and it is not counted among them; a
    county far above the others still is — alike on both paths, in lint and in check."""
    from conftest import generate_actuals

    counties = "汉台区,南郑区,城固县,洋县,西乡县,勉县,宁强县"
    path = generate_actuals("hanzhong", tmp_path / "counties.csv", "--region-names",
                            f"全市,{counties}", "--years", "2021-2023")  # fmt: skip
    name = "每千人口拥有3岁以下婴幼儿托位数"
    planted = {f"全市,{name},2023": "30", f"洋县,{name},2023": "40"}
    _plant(path, planted)
    found = _assert_same_lint("hanzhong", [path])
    outliers = [words for _, words, code, _ in _shown(psplan.lint("hanzhong", [str(path)]))
                if code == "outlier" and name in words]  # fmt: skip
    assert len(outliers) == 1 and outliers[0].startswith("洋县"), outliers
    assert "7个地区" in outliers[0]  # the seven counties, not the city with them
    assert not any(code == "outlier" and words.startswith("全市") for _, words, code, _ in found)
    checked = psplan.check("hanzhong", str(path), engine="rows").warnings
    assert [w.words.render("zh") for w in checked if w.code == "outlier" and name in
            w.words.render("zh")] == outliers  # fmt: skip
    _assert_same("hanzhong", [path])


def test_a_county_plans_own_name_and_its_city_are_not_among_its_towns(tmp_path: Path) -> None:
    """A county plan (汉中's indicators for 陕西省汉中市洋县): 洋县 is its own area, as 全县 is,
    and 汉中市 the level above, as 全市 is — neither an outlier among the towns, nor counted
    with them; alike on both paths. (洋县 was an outlier of "7个地区", and 汉中市 one too.)"""
    from conftest import DATA, generate_actuals

    text = (DATA / "hanzhong.yaml").read_text("utf-8")
    plan = tmp_path / "yangxian.yaml"
    plan.write_text(text.replace("level: city", "level: county", 1)
                    .replace("region: 陕西省汉中市", "region: 陕西省汉中市洋县", 1), "utf-8")  # fmt: skip
    towns = "洋州镇,戚氏镇,龙亭镇,谢村镇,马畅镇,溢水镇,磨子桥镇"
    path = generate_actuals("hanzhong", tmp_path / "towns.csv", "--region-names",
                            f"洋县,{towns}", "--years", "2021-2023")  # fmt: skip
    name = "每千人口拥有3岁以下婴幼儿托位数"
    planted = {f"洋县,{name},2023": "30", f"洋州镇,{name},2023": "40"}
    _plant(path, planted, [f"汉中市,{name},2023,50"])  # the city above: a reference
    found = _assert_same_lint(str(plan), [path])
    outliers = [words for _, words, code, _ in _shown(psplan.lint(str(plan), [str(path)]))
                if code == "outlier" and name in words]  # fmt: skip
    assert len(outliers) == 1 and outliers[0].startswith("洋州镇"), outliers
    assert "7个地区" in outliers[0]  # the seven towns
    assert not any(words.startswith("汉中市") for _, words, code, _ in found if code == "missing")
    assert "汉中市" not in psplan.check(str(plan), str(path)).regions  # kept apart by check


@pytest.mark.parametrize("engine", ["rows", "columnar"])
def test_a_latest_year_with_few_figures_is_said_when_it_is_judged_by_default(
    tmp_path: Path, engine: str
) -> None:
    """One county's early 2025 figure beside every county's 2024: the latest year is
    judged, so 1,919 results of 2024 figures were judged at the end of the period (behind
    became not met) without a word. It is said, with the --year that judges 2024; not when
    the year is given, nor when the latest year has most of the figures."""
    from conftest import generate_actuals

    counties = generate_actuals(
        "ankang", tmp_path / "c.csv", "--regions", "30", "--years", "2021-2024"
    )
    lines = counties.read_text("utf-8").splitlines()
    assert not any(",2025," in line for line in lines)
    early = tmp_path / "early.csv"
    early.write_text("\n".join([*lines, "京001县,森林覆盖率,2025,71.2"]) + "\n", "utf-8")
    judged = psplan.check("ankang", early, engine=engine)
    said = [w for w in judged.warnings if w.code == "year"]
    assert judged.year == 2025 and [str(w.words) for w in said] == [
        "按最新年份2025年评价，但2025年只有1个数据（2024年有1920个）："
        "其余按各自最新的数据评价；要按2024年评价，请加 --year 2024"
    ]
    # at the row that is the year's first figure (it named no line: a new user's trial)
    assert (said[0].location.file, said[0].location.line) == (str(early), len(lines) + 1)
    assert not [w for w in psplan.check("ankang", early, year=2025, engine=engine).warnings
                if w.code == "year"]  # fmt: skip
    assert not [w for w in psplan.check("ankang", counties, engine=engine).warnings
                if w.code == "year"]  # fmt: skip


@pytest.mark.parametrize("engine", ["rows", "columnar"])
def test_figures_after_the_period_are_said_when_they_count_in_no_result(
    tmp_path: Path, engine: str
) -> None:
    """A final evaluation (2025) of a file with a 2026 row: the row counts in no result, and
    was left out without a word (lint said it). Said, with the count; not when the year
    judged is itself past the end (--allow-outside-period counts it)."""
    from conftest import generate_actuals

    counties = generate_actuals("ankang", tmp_path / "c.csv", "--regions", "30")
    late = tmp_path / "late.csv"
    late.write_text(counties.read_text("utf-8") + "京001县,森林覆盖率,2026,71.2\n"
                    "京002县,森林覆盖率,2026,70.9\n", "utf-8")  # fmt: skip
    judged = psplan.check("ankang", late, stage="final", engine=engine)
    said = [(str(w.location), str(w.words)) for w in judged.warnings if w.code == "late-year"]
    rows = len(counties.read_text("utf-8").splitlines())
    assert said == [  # at the first of them (it named every file read: a new user's trial)
        (f"{late}:{rows + 1}", "2026年的数据在规划期（至2025年）之后，共2个，未计入2025年的评价")
    ]
    beyond = psplan.check("ankang", late, year=2026, allow_outside_period=True, engine=engine)
    assert not [w for w in beyond.warnings if w.code == "late-year"]
    assert not [w for w in psplan.check("ankang", counties, stage="final", engine=engine).warnings
                if w.code == "late-year"]  # fmt: skip


@pytest.mark.parametrize("plan_id", ["ankang", "national"])
def test_the_trends_of_county_results_are_worked_out_by_duckdb(
    tmp_path: Path, plan_id: str
) -> None:
    """A report of every county result shows each one's trend: duckdb works them out a block
    of regions at a time (`vectorised_trends`) instead of each result reading its figures
    back. Every result of a generated county file gets its trend from there (none falls back
    to reading its observations), and each is the trend the per-row path computes from the
    observations — for levels measured from a first figure (ankang), from the plan's
    baseline, five-year totals and a yearly average (national)."""
    from psplan.assess.assessment import UNKNOWN, _trend

    from conftest import generate_actuals

    counties = generate_actuals(plan_id, tmp_path / "counties.csv", "--regions", "70")
    for stage in ("mid", "final"):
        checked = psplan.check(plan_id, [counties], engine="columnar", stage=stage)
        kinds = set()
        for result in checked.results:
            assert result.trends is not None and result.goal is not None
            worked_out = result.trends.trend_of(result)
            assert worked_out is not UNKNOWN, (result.region, result.indicator.id)
            computed = _trend(result.indicator, result.goal, result.verdict,
                              tuple(result.observations), checked.year)  # fmt: skip
            assert worked_out == computed, (result.region, result.indicator.id)
            if computed is not None:
                kinds.add(result.goal.kind)
        assert kinds == ({"level", "cumulative"} if plan_id == "ankang"
                         else {"level", "cumulative", "annual_average"})  # fmt: skip


@pytest.mark.parametrize("plan_id", ["ankang", "suzhou"])
@pytest.mark.parametrize("output", ["json", "csv", "markdown"])
def test_the_json_and_csv_of_county_results_are_written_by_duckdb(
    tmp_path: Path, plan_id: str, output: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full JSON, CSV or markdown of every county result: duckdb writes each level's and
    each five-year total's text (`assess.vectorised_json`, `views.vectorised_cells`,
    `formats.markdown_worded`: the results, the lagging ones, the trends), and no such result is made
    in Python for it; the text is the per-row path's, byte for byte, in both
    languages, at each stage — levels measured from a first figure (ankang) and from the
    plan's baseline (suzhou), totals, strict and relative targets, an overridden indicator
    (made in Python, with its reason)."""
    from psplan.assess.assessment import Result
    from psplan.views import assessment

    from conftest import generate_actuals

    counties = generate_actuals(plan_id, tmp_path / "counties.csv", "--regions", "40")
    plan = psplan.load_plan(plan_id)
    overridden = next(i for i in plan.indicators if i.target.form == "number")
    overrides = tmp_path / "overrides.yaml"
    overrides.write_text(
        f"overrides:\n  - indicator: {overridden.id}\n    direction: decrease\n    reason: 示例\n",
        encoding="utf-8",
    )
    made: list[str] = []
    if output == "json":  # a result made in Python is made to be encoded: its to_dict
        to_dict = Result.to_dict
        monkeypatch.setattr(Result, "to_dict", lambda result, *args: made.append(
            result.indicator.id) or to_dict(result, *args))  # fmt: skip
        written, rows = _encoded, len
    else:  # and to be written in CSV or markdown: its cells
        cells = assessment.result_cells
        monkeypatch.setattr(assessment, "result_cells", lambda result, lang: made.append(
            result.indicator.id) or cells(result, lang))  # fmt: skip
        written = _csv if output == "csv" else _markdown
        if output == "markdown":  # and its trend's row: its series
            series = assessment.series_text
            monkeypatch.setattr(assessment, "series_text", lambda indicator, *args: made.append(
                indicator.id) or series(indicator, *args))  # fmt: skip
        rows = lambda text: text.count("\n")  # noqa: E731
    for stage, options in (("mid", {}), ("final", {}), ("annual", {"overrides": overrides})):
        by_rows = psplan.check(plan_id, [counties], engine="rows", stage=stage, **options)
        checked = psplan.check(plan_id, [counties], engine="columnar", stage=stage, **options)
        for lang in ("zh", "en"):
            expected = written(by_rows, lang)
            made.clear()
            text = written(checked, lang)
            assert text == expected
            worded = {i.id for i in plan.indicators
                      if i.target.form == "number" and i.effective_kind != "annual_average"
                      and i.id not in (options and {overridden.id})}  # fmt: skip
            assert not worded & set(made), stage
            assert (overridden.id in made) == bool(options)
            assert len(made) < rows(text) / 3


def test_the_notes_of_every_county_result_are_read_off_one_result_per_indicator(
    tmp_path: Path,
) -> None:
    """Markdown lists every row's notes as footnotes: at county scale no result has notes of
    its own (the columnar path reads no collection sheet), so each indicator's notes are
    read off its first result, not off 185,600 results made once more — the same notes, with
    an override's line too."""
    from psplan.views.assessment import _Notes

    from conftest import generate_actuals

    counties = generate_actuals("ankang", tmp_path / "counties.csv", "--regions", "70")
    overrides = tmp_path / "overrides.yaml"
    overrides.write_text(
        "overrides:\n  - indicator: free_prenatal_checkup_rate\n    direction: decrease\n"
        "    reason: 示例\n",
        encoding="utf-8",
    )
    checked = psplan.check("ankang", [counties], engine="columnar", overrides=overrides)
    results = checked.results
    assert results.notes_per_indicator
    made = []
    making = results._made
    results._made = lambda index: made.append(index) or making(index)
    fast = dict(_Notes(results, "zh"))
    assert len(made) == len(checked.plan.indicators)
    slow = dict(_Notes(list(results), "zh"))  # every result made and asked
    assert fast == slow and len(fast) == 70 * sum(1 for i in checked.plan.indicators if i.notes)
    assert any("示例" in line for lines in fast.values() for line in lines)


@pytest.mark.parametrize("engine", ["rows", "columnar"])
def test_a_reference_region_no_row_names_is_said(tmp_path: Path, engine: str) -> None:
    """--reference-region 参照省 where no row names it (misspelt, or the province's row left
    out) was accepted without a word (a trial's finding): both paths say it; a reference
    region the file gives figures for says nothing."""
    from conftest import generate_actuals

    counties = generate_actuals("suzhou", tmp_path / "counties.csv", "--regions", "40")
    plan = psplan.load_plan("suzhou")
    assert check_columnar(plan, [counties], reference_regions=["参照省"]) is not None
    checked = psplan.check("suzhou", [counties], engine=engine, reference_regions=["参照省"])
    assert [str(w.words) for w in checked.warnings if w.code == "reference"] == [
        "参照地区“参照省”（--reference-region）在数据中没有数值，相对目标无参照值可用"
    ]
    given = tmp_path / "given.csv"
    given.write_text(
        "region,indicator,year,value\n全市,劳动年龄人口平均受教育年限,2023,10.6\n"
        "参照省,劳动年龄人口平均受教育年限,2023,10.9\n",
        encoding="utf-8",
    )
    quiet = psplan.check("suzhou", [given], engine=engine, reference_regions=["参照省"])
    assert not [w for w in quiet.warnings if w.code == "reference"]


def test_a_figure_a_tie_away_from_its_target_is_rounded_as_python_rounds_it(
    tmp_path: Path,
) -> None:
    """90 − 89.9921875 is 0.0078125 exactly: half-way between 0.007812 and 0.007813 at the
    sixth decimal. Python rounds a tie to even (0.007812); duckdb's own `round` away from
    zero. The columnar path rounds as Python does (`vectorised.py_round`), so its status,
    gap and JSON text are the per-row path's."""
    from conftest import generate_actuals

    path = generate_actuals("ankang", tmp_path / "counties.csv", "--regions", "31")
    _plant(path, {"京001县,免费孕前优生健康检查率,2025": "89.9921875"})
    _assert_same("ankang", [path], stage="final")
    checked = psplan.check("ankang", [path], engine="columnar", stage="final", region="京001县")
    result = next(r for r in checked.results if r.indicator.id == "free_prenatal_checkup_rate")
    assert result.verdict.gap == 0.007812
    assert checked.columns.gaps[0] == 0.007812  # duckdb's column, read by the views
    assert '"gap": 0.007812,' in _encoded(checked, "zh")[0]


def _comparators_plan(folder: Path) -> Path:
    """The national plan with targets of every comparator the bundled plans do not print: at
    most (≤, a baseline that already meets it), less than (<, less is better), about (左右),
    and a level to bring down — so the columnar path's words for them meet the per-row
    path's (the bundled plans print only ≥ and >). Generated for the test, not a real plan."""
    text = (ROOT / "data" / "national.yaml").read_text(encoding="utf-8")
    changes = {
        'target: "4.5"': 'target: "≤3"\n    direction: decrease',
        'target: ">90%"': 'target: "<80%"\n    direction: decrease',
        'target: "96%"': 'target: "96%左右"',
        'target: "11.3"': 'target: "≤9"\n    direction: decrease',
    }
    for old, new in changes.items():
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path = folder / "comparators.yaml"
    path.write_text(text.replace("id: national", "id: comparators", 1), encoding="utf-8")
    return path


@pytest.mark.parametrize("seed", range(6))
def test_targets_of_every_comparator_give_the_same_texts_on_both_paths(
    tmp_path: Path, seed: int
) -> None:
    plan = str(_comparators_plan(tmp_path))
    assert not psplan.validate(plan).errors
    path = random_file(plan, tmp_path / "figures.csv", seed)
    for stage in STAGES:
        _assert_same(plan, [path], stage=stage)
    _assert_same(plan, [path], year=2022)


def test_county_results_of_every_comparator_are_written_by_duckdb(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Generated counties of that plan: duckdb writes the JSON and the CSV of every result of
    the ≤, <, 左右 and less-is-better targets (none is made in Python), and both are the
    per-row path's, in both languages, mid-term and final."""
    from psplan.assess.assessment import Result

    from conftest import generate_actuals

    plan = str(_comparators_plan(tmp_path))
    counties = generate_actuals(plan, tmp_path / "counties.csv", "--regions", "30")
    changed = {"infant_care_places_per_1000", "preschool_gross_enrollment",
               "compulsory_education_retention", "working_age_schooling_years"}  # fmt: skip
    made: list[str] = []
    to_dict = Result.to_dict
    monkeypatch.setattr(Result, "to_dict", lambda result, *args: made.append(
        result.indicator.id) or to_dict(result, *args))  # fmt: skip
    for stage in ("mid", "final"):
        by_rows = psplan.check(plan, [counties], engine="rows", stage=stage)
        checked = psplan.check(plan, [counties], engine="columnar", stage=stage)
        for lang in ("zh", "en"):
            expected = _encoded(by_rows, lang)
            made.clear()
            assert _encoded(checked, lang) == expected
            assert not changed & set(made)
            assert _csv(checked, lang) == _csv(by_rows, lang)


def test_a_cell_under_an_empty_header_is_said_on_both_paths(tmp_path: Path) -> None:
    """A county file with the trailing comma Excel writes is read by duckdb; one where a cell
    sits under that empty header goes to the per-row reader, which says it (generated
    figures): the same warning whichever engine is asked for."""
    plan = psplan.load_plan("ankang")
    path = tmp_path / "各县.csv"
    path.write_text("地区,指标,年份,数值,\n甲县,森林覆盖率,2024,67,\n乙县,森林覆盖率,2024,68,\n",
                    "utf-8")  # fmt: skip
    assert check_columnar(plan, [path]) is not None
    path.write_text("地区,指标,年份,数值,\n甲县,森林覆盖率,2024,67,\n乙县,森林覆盖率,2024,68,71\n",
                    "utf-8")  # fmt: skip
    assert check_columnar(plan, [path]) is None
    _assert_same("ankang", [path])
    for engine in ("rows", "columnar"):
        warnings = psplan.check("ankang", [path], engine=engine).warnings
        assert [str(w.location) for w in warnings if w.code == "skipped-column"] == [f"{path}:3:5"]


def test_a_quoted_cell_after_a_space_is_read_as_quoted_on_both_paths(tmp_path: Path) -> None:
    """`甲县, "学前教育毛入园率", 2024, 90`: a space after the comma, then a quoted cell, as a
    hand-edited file writes it (generated figures). duckdb read the cell as quoted and the
    csv module kept the quotes as text (an unknown indicator on one path, a figure on the
    other: a trial's finding); both read it as the indicator now, on every row."""
    path = tmp_path / "各县.csv"
    path.write_text('地区,指标,年份,数值\n甲县, "学前教育毛入园率", 2024, "90.5"\n'
                    '乙县 ,"学前教育毛入园率" ,2024,91\n', "utf-8")  # fmt: skip
    plan = psplan.load_plan("hanzhong")
    assert check_columnar(plan, [path]) is not None
    _assert_same("hanzhong", [path])
    checked = psplan.check("hanzhong", [path], engine="rows")
    assert [(r.region, r.verdict.actual) for r in checked.results if r.observations] == [
        ("甲县", 90.5),
        ("乙县", 91.0),
    ]


@pytest.mark.parametrize("engine", ["rows", "columnar"])
def test_the_plans_area_asked_for_by_another_of_its_names_is_found(
    tmp_path: Path, engine: str
) -> None:
    """A file names the city 安康市 and `--region 全市` asks for it (or the other way about):
    the reader reads both as one area, and --region said there was no such region (a
    trial's finding; generated figures)."""
    for written, asked in (("安康市", "全市"), ("全市", "安康市"), ("安康市", "安康")):
        path = tmp_path / "figures.csv"
        path.write_text(f"地区,指标,年份,数值\n{written},人均平均预期寿命,2023,77\n"
                        "汉滨区,人均平均预期寿命,2023,76\n", "utf-8")  # fmt: skip
        checked = psplan.check("ankang", str(path), region=asked, engine=engine)
        assert checked.regions == [written]
        assert [r.verdict.actual for r in checked.results if r.observations] == [77.0]
    with pytest.raises(PsplanError, match="汉中市"):  # another city is no name of this one
        psplan.check("ankang", str(path), region="汉中市", engine=engine)


@pytest.mark.parametrize(
    "shape", ["plain", "title", "blank_past", "blank_before", "blank_tail", "gb18030"]
)
def test_a_file_past_the_row_limit_is_refused_alike_without_reading_it_row_by_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shape: str
) -> None:
    """PSPLAN_MAX_ROWS: the columnar path refuses a file past the limit itself, at the line
    the per-row reader names (a 3,000,000-row file: 1.2 s, not 15 s read row by row), with
    blank lines and title rows counted as that reader counts them; a file whose lines past
    the limit are all blank is within it on both paths."""
    from psplan.limits import Limits

    plan_id = "chuzhou"
    names = [indicator.name for indicator in psplan.load_plan(plan_id).indicators[:8]]
    body = [f"{name},2023,{90 + i % 7}" for i, name in enumerate(names)] * 3
    lines = (["表1 各县区指标"] if shape == "title" else []) + ["序号,指标名称,年份,数值"]
    lines += [f"{k},{row}" for k, row in enumerate(body, start=1)]
    limit = len(lines) - 5
    if shape == "blank_past":
        lines[limit : limit + 2] = ["", ""]  # the first rows past the limit, blank
    if shape == "blank_before":
        lines.insert(3, "")
    if shape == "blank_tail":
        lines = lines[:limit] + [""] * 6
    path = tmp_path / "figures.csv"
    text = "\n".join(lines) + "\n"
    path.write_bytes(text.encode("gb18030" if shape == "gb18030" else "utf-8"))
    monkeypatch.setenv("PSPLAN_MAX_ROWS", str(limit))
    rows, columnar = _judged(plan_id, [path], "rows"), _judged(plan_id, [path], "columnar")
    assert rows == columnar
    within = Limits.from_env({"PSPLAN_MAX_ROWS": str(limit)})
    if shape == "blank_tail":
        assert rows[0] != "error"
        assert check_columnar(psplan.load_plan(plan_id), [path], limits=within) is not None
        return
    expected = limit + 1 + (2 if shape == "blank_past" else 0)
    assert rows[:2] == ("error", f"文件超过 {limit:,} 行（上限 PSPLAN_MAX_ROWS={limit}）；"
                        "可设置环境变量 PSPLAN_MAX_ROWS 提高上限")  # fmt: skip
    with pytest.raises(PsplanError) as refused:  # by the columnar path itself
        check_columnar(psplan.load_plan(plan_id), [path], limits=within)
    assert refused.value.words.render("zh") == rows[1]
    with pytest.raises(PsplanError) as by_rows:
        psplan.check(plan_id, [str(path)], engine="rows")
    assert str(refused.value) == str(by_rows.value) == f"{path}:{expected}: {rows[1]}"


@pytest.mark.parametrize("engine", ["columnar", "worded"])
def test_a_five_year_total_with_a_year_missing_says_so_on_both_paths(
    tmp_path: Path, engine: str
) -> None:
    """城镇老旧小区改造 of 2021–2025 without 2022 was summed in silence and written up as
    “2021—2025年累计205个” (trial 18; generated figures): the sum names the years it has no
    figure of, in every format, on both paths (the words of duckdb's table too), and the
    evaluation report says the total is short. A gap after the last figure is not one (the
    total is to its year), and a total without a gap reads as before."""
    from psplan.views.evaluation import evaluation_view

    path = tmp_path / "totals.csv"  # (long: a wide sheet is read row by row on both paths)
    given = {"甲县": (52, None, 58, 50, 45), "乙县": (None, None, 30, None, None),
             "丙县": (40, 41, None, None, None), "丁县": (12, 13, 14, 15, 16)}  # fmt: skip
    path.write_text("指标,地区,年份,数值\n" + "".join(
        f"城镇老旧小区改造,{region},{year},{value}\n"
        for region, values in given.items()
        for year, value in zip(range(2021, 2026), values, strict=True) if value is not None
    ), "utf-8")  # fmt: skip
    assert check_columnar(psplan.load_plan("chuzhou"), [path]) is not None
    rows = _judged("chuzhou", [path], "rows", texts=True)
    assert _judged("chuzhou", [path], engine, texts=True) == rows
    reasons = {r.region: r.verdict.reason("zh") for r in psplan.check("chuzhou", path).results
               if r.indicator.name == "城镇老旧小区改造"}  # fmt: skip
    assert reasons["甲县"].startswith("4个年度值累计（缺2022年数据，累计数偏小）")
    assert reasons["乙县"].startswith("1个年度值累计（缺2021、2022年数据，累计数偏小）")
    assert reasons["丙县"].startswith("2个年度值累计；")
    assert reasons["丁县"].startswith("5个年度值累计；")
    english = psplan.check("chuzhou", path).results
    assert any("(none for 2021, 2022: the total is short)" in r.verdict.reason("en")
               for r in english)  # fmt: skip
    report = evaluation_view(psplan.check("chuzhou", path, stage="final", region="甲县"), "zh")
    text = "\n".join(str(block) for block in report.sections)
    assert "其中2022年无数据，累计数偏小" in text


@pytest.mark.parametrize("engine", ["columnar", "worded"])
def test_a_countys_figure_against_the_whole_areas_total_says_it_is_for_reference(
    tmp_path: Path, engine: str
) -> None:
    """养老服务床位总量 2.5万张 is 滁州市's total: each county's figure judged against it was
    counted 未完成 in the county's report, with no caveat there — the warning was on stderr
    only (trial 18; generated figures). Each county's result says its verdict is for
    reference only, in every format and on both paths, and so does its paragraph in the
    evaluation report; the city's own result does not."""
    from psplan.views.evaluation import evaluation_view

    path = tmp_path / "totals.csv"
    path.write_text(
        "地区,指标,年份,数值\n天长市,养老服务床位总量,2020,0.30\n天长市,养老服务床位总量,2023,0.35\n"
        "明光市,养老服务床位总量,2020,0.20\n明光市,养老服务床位总量,2023,0.28\n"
        "滁州市,养老服务床位总量,2023,2.3\n天长市,学前教育毛入园率,2023,96.1\n",
        "utf-8",
    )
    assert check_columnar(psplan.load_plan("chuzhou"), [path]) is not None
    assert _judged("chuzhou", [path], engine, texts=True) == _judged(
        "chuzhou", [path], "rows", texts=True
    )
    said = "目标为全域总量，本地区数据与之对照仅供参考"
    reasons = {(r.region, r.indicator.name): r.verdict.reason("zh")
               for r in psplan.check("chuzhou", path).results if r.verdict.actual is not None}  # fmt: skip
    assert reasons[("天长市", "养老服务床位总量")].endswith(said)
    assert reasons[("明光市", "养老服务床位总量")].endswith(said)
    assert said not in reasons[("滁州市", "养老服务床位总量")]
    assert said not in reasons[("天长市", "学前教育毛入园率")]
    report = evaluation_view(psplan.check("chuzhou", path, region="天长市"), "zh")
    text = "\n".join(str(block) for block in report.sections)
    assert f"评价为滞后，从趋势看完成难度较大，{said}。" in text
