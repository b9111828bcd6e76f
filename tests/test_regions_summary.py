"""The summaries a report of many regions leads with (views/regions.py), on generated county
files (benchmarks/generate.py: generated figures, not real ones)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

import psplan
from psplan.views.assessment import assessment_view, regions_view
from psplan.views.regions import MOST, SUMMARY_FROM_REGIONS

from conftest import EXAMPLES, generate_actuals


@pytest.fixture(scope="module")
def counties(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("counties")
    return generate_actuals("ankang", folder / "counties.csv", "--regions", "40")


def _tables(view) -> dict:
    return {table.key: table for table in view.tables}


def test_many_regions_lead_with_the_domains_and_the_regions_lagging_most(counties: Path) -> None:
    report = psplan.check("ankang", str(counties), engine="rows")
    results = list(report.results)
    lagging = Counter(r.region for r in results if r.status in ("behind", "not_met"))
    binding = Counter(
        r.region for r in results if r.status in ("behind", "not_met") and r.indicator.is_binding
    )
    for view in (assessment_view(report), regions_view(report)):
        tables = _tables(view)
        keys = [table.key for table in view.tables]
        assert keys.index("domain_regions") < keys.index("lagging_regions") < keys.index("matrix")
        if "lagging" in keys:  # the summaries before the rows of every lagging result
            assert keys.index("lagging_regions") < keys.index("lagging")
        listed = tables["lagging_regions"].rows
        assert len(listed) == min(MOST, len(lagging))
        counts = [int(str(row[2])) for row in listed]
        assert counts == sorted(counts, reverse=True)
        assert counts[0] == max(lagging.values())
        for row in listed:
            assert int(str(row[2])) == lagging[row[0]]
            assert int(str(row[3])) == binding[row[0]]
        by_domain = {row[0]: row for row in tables["domain_regions"].rows}
        assert list(by_domain) == [d for d in report.plan.domains if d in by_domain]
        for domain, row in by_domain.items():
            mine = [r for r in results if r.indicator.domain == domain]
            regions = {r.region for r in mine}
            meeting_all = [g for g in regions if all(
                r.status in ("met", "on_track") for r in mine if r.region == g)]  # fmt: skip
            assert int(str(row[1])) == len(regions)
            assert int(str(row[2])) == len(meeting_all)


def test_a_few_regions_have_no_summary(tmp_path: Path) -> None:
    few = generate_actuals("ankang", tmp_path / "few.csv", "--regions", "3")
    report = psplan.check("ankang", str(few))
    assert len(report.regions) < SUMMARY_FROM_REGIONS
    assert "lagging_regions" not in _tables(assessment_view(report))


def test_a_terminal_matrix_too_long_says_where_the_full_one_is(
    counties: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from psplan.formats import table as terminal

    monkeypatch.setattr(terminal, "ROWS_LIMIT", 30)  # 40 regions stand for 2,900
    report = psplan.check("ankang", str(counties))
    text = terminal.render(regions_view(report), width=160)
    assert "--by-region -o 矩阵.csv" in text
    assert "滞后最多的地区（40个地区中的前20个）" in text


def test_the_sliced_layout_gives_what_row_by_row_grouping_gives(
    counties: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Results laid out region by region are tallied by slices (`ResultColumns.width`); the
    row-by-row grouping any other layout takes gives the same tables and spread."""
    from psplan.assess.columns import ResultColumns
    from psplan.assess.regions import spreads, status_matrix

    report = psplan.check("ankang", str(counties), engine="rows")
    assert report.columns.width == len(report.plan.indicators)

    def shown(assessment) -> list:
        tables = assessment_view(assessment).tables
        return [(t.key, t.title, t.columns, list(t.rows)) for t in tables if t.key != "trends"]

    def counted(assessment) -> tuple:
        return (assessment.summary(), assessment.ratings(), assessment.failing_rows(),
                assessment.failing_rows(strict=True), status_matrix(assessment))  # fmt: skip

    sliced = (shown(report), spreads(report), counted(report))
    monkeypatch.setattr(ResultColumns, "width", property(lambda self: None))
    fresh = report.with_results(list(report.results))
    assert fresh.columns.width is None
    assert (shown(fresh), spreads(fresh), counted(fresh)) == sliced


def test_a_terminal_cuts_a_cell_of_thousands_of_names_and_says_so() -> None:
    """A spread's lagging regions at county scale are thousands of names in one cell: the
    terminal shows the first names whole, counts them, and says where all of them are (it
    cut a name in two and counted characters); the value itself is whole. A text that is no
    list is cut at its characters."""
    from psplan.formats.table import CELL_CHARS, LIST_CHARS, _cell

    names = "、".join(f"县{i:04d}" for i in range(2900))
    shown = _cell(names, color=False, lang="zh").text
    kept = names[: names.rindex("、", 0, LIST_CHARS)]
    assert shown.startswith(kept + "……") and len(shown) < LIST_CHARS + 100
    assert f"（共 2,900 个，文本表格中只显示前 {kept.count('、') + 1} 个；" in shown
    assert kept.count("、") + 1 == 33  # a few lines of names, not 166 of 2,900
    assert "XLSX 或 JSON" in shown  # (not CSV: a --by-region CSV is the matrix alone)
    assert _cell(names[:LIST_CHARS], color=False, lang="zh").text == names[:LIST_CHARS]
    prose = "基本公共服务均等化" * 200
    assert f"共 {len(prose):,} 字" in _cell(prose, color=False, lang="zh").text
    assert _cell(prose[:CELL_CHARS], color=False, lang="zh").text == prose[:CELL_CHARS]


def test_a_list_of_names_breaks_between_names() -> None:
    from psplan.formats.table import wrap

    names = "、".join(["京006县", "青002县", "辽008县", "冀001县", "晋001县"])
    assert wrap(names, 12) == ["京006县、", "青002县、", "辽008县、", "冀001县、", "晋001县"]
    assert wrap("教育、医疗、养老等基本公共服务", 12) == ["教育、医疗、", "养老等基本公", "共服务"]
    # names of every length (a re-trial's 木垒哈 / 萨克自治县), and a cut list's last name
    mixed = "、".join(["陕001县测试长名称", "镇坪县", "木垒哈萨克自治县", "京006县", "青002县"])
    assert wrap(mixed, 20) == ["陕001县测试长名称、", "镇坪县、", "木垒哈萨克自治县、",
                               "京006县、青002县"]  # fmt: skip
    from psplan.formats.table import _cut

    cut = wrap(_cut("、".join(f"县{i:04d}" for i in range(300)), "zh"), 30)
    assert all(line.endswith(("、", "……")) for line in cut[:-3]), cut


def test_in_a_mid_period_year_on_track_counts_as_on_course(counties: Path) -> None:
    """Before the end year most results are 进度正常, not yet met: the domain table counts
    them with the met ones (a table of 0 % 达标 would say nothing)."""
    report = psplan.check("ankang", str(counties), year=2023, engine="rows")
    results = list(report.results)
    assert any(r.status == "on_track" for r in results)
    row = next(iter(_tables(regions_view(report))["domain_regions"].rows))
    mine = [r for r in results if r.indicator.domain == row[0]]
    good = sum(r.status in ("met", "on_track") for r in mine) / len(mine)
    assert row[4].value == pytest.approx(good)


def test_a_workbook_of_every_result_is_written_row_by_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A county-scale workbook of every result (185,600 rows) is written in openpyxl's
    write-only mode: the lazy tables' rows are made as they are written and not kept, but
    for the first MEASURED_ROWS, which size the columns. So the command line writes one for
    any number of regions, and every result is in it."""
    from openpyxl import load_workbook

    from psplan.formats import xlsx
    from psplan.views.assessment import assessment_view

    from conftest import run_psplan

    monkeypatch.setattr(xlsx, "MEASURED_ROWS", 7)  # 7 rows stand for 5,000
    five = generate_actuals("ankang", tmp_path / "five.csv", "--regions", "5")
    report = psplan.check("ankang", [five])
    view = assessment_view(report, "zh")
    book = tmp_path / "all.xlsx"
    book.write_bytes(xlsx.render(view))
    lazy = [t for t in view.tables if hasattr(t.rows, "_made")]
    assert {t.key for t in lazy} >= {"results", "trends"}
    assert all(len(t.rows._made) <= 7 for t in lazy)  # type: ignore[attr-defined]
    sheet = load_workbook(book, read_only=True)["全部指标"]
    assert sheet.max_row == len(report.results) + 1 == 5 * 64 + 1
    names = [row[2] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert names == [r.region for r in report.results]

    out = tmp_path / "cli.xlsx"
    assert run_psplan("check", "ankang", str(five), "-o", str(out)).returncode == 1
    assert load_workbook(out, read_only=True)["全部指标"].max_row == 5 * 64 + 1


def test_a_workbook_makes_each_result_once_for_all_its_sheets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every result, the lagging ones and the trends are three sheets of the same results:
    the workbook makes the rows that size the columns (`xlsx._made_in_turn`) and then writes
    the rest (`xlsx._written`) a result at a time, so each result is made once, and its trend
    worked out once, for all three (twice only where the lagging sheet's first rows ran
    ahead of the others'); the sheets hold what each table holds, in its order."""
    from openpyxl import load_workbook

    import psplan.assess.columnar as columnar
    from psplan.formats import xlsx
    from psplan.views.assessment import assessment_view

    monkeypatch.setattr(xlsx, "MEASURED_ROWS", 7)  # 7 rows stand for 5,000
    counties = generate_actuals("ankang", tmp_path / "twelve.csv", "--regions", "12")
    report = psplan.check("ankang", [counties], engine="columnar")
    results = report.results
    assert isinstance(results, columnar.LazyResults)
    made: list[int] = []
    real = results._made
    monkeypatch.setattr(results, "_made", lambda index: made.append(index) or real(index))
    trended: list[object] = []
    trend_of = columnar._Trends.trend_of
    monkeypatch.setattr(columnar._Trends, "trend_of",
                        lambda self, result: trended.append(result) or trend_of(self, result))  # fmt: skip
    view = assessment_view(report, "zh")
    book = tmp_path / "all.xlsx"
    book.write_bytes(xlsx.render(view))
    # the rows that size the columns (7 a sheet here) are made first, a result at a time
    # across the sheets. The lagging sheet's 7th row comes from about the 30th result: the
    # lagging ones up to it are made again when the other sheets reach them, and a sheet's
    # first row once more where laying it out asks whether it has one. Made a sheet at a
    # time, they were 29 more than the 768 results, and one 4 times; now about 10 more.
    times = Counter(made)
    assert set(times) == set(range(len(results))) and len(results) == 12 * 64
    assert all(n == 1 for index, n in times.items() if index >= 100), times.most_common(3)
    assert sum(times.values()) < len(results) + 20, sum(times.values())
    assert max(times.values()) <= 3, times.most_common(3)
    trends = Counter((result.region, result.indicator.id) for result in trended)
    past = [(r.region, r.indicator.id) for r in (results[i] for i in range(100, len(results)))]
    assert all(trends[key] == 1 for key in past)
    sheets = load_workbook(book, read_only=True)
    tables = {t.key: t for t in view.tables}
    lagging = "未完成约束性指标" if report.year >= report.plan.period.end else "滞后约束性指标"
    for key, name in (("results", "全部指标"), ("lagging", lagging), ("trends", "趋势")):
        rows = list(sheets[name].iter_rows(min_row=2, values_only=True))
        assert len(rows) == len(tables[key].rows), key
    regions = [row[2] for row in sheets["全部指标"].iter_rows(min_row=2, values_only=True)]
    assert regions == [r.region for r in report.results]


def test_the_json_of_the_regions_makes_none_of_their_tables(
    counties: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--by-region --format json` writes the contract only: the summaries, the matrix and the
    spread tables are made when a format that shows tables reads them, never for the JSON."""
    from psplan.formats import render
    from psplan.views import assessment

    report = psplan.check("ankang", counties)
    made: list[str] = []
    original = assessment.summary_tables

    def counted(*args: object, **kwargs: object) -> list:
        made.append("summary")
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(assessment, "summary_tables", counted)
    view = regions_view(report)
    assert '"matrix"' in render(view, "json") and made == []
    assert "各领域分地区情况" in render(view, "markdown") and made == ["summary"]
    render(view, "csv")
    assert made == ["summary"]  # made once, then kept by the view


def test_no_sheet_freezes_every_column(counties: Path, tmp_path: Path) -> None:
    """On a narrow screen a sheet must scroll: the summaries of many regions end in a wide
    column of names, which the frozen panes leave free."""
    from openpyxl import load_workbook
    from openpyxl.utils import column_index_from_string

    from psplan.formats import render

    book = tmp_path / "regions.xlsx"
    book.write_bytes(render(regions_view(psplan.check("ankang", counties)), "xlsx"))
    sheets = load_workbook(book).worksheets
    # the sheet of the regions lagging most keeps its name whatever the count of regions
    assert {"各领域分地区情况", "滞后最多的地区", "地区均等化"} <= {sheet.title for sheet in sheets}
    for sheet in sheets:
        if sheet.freeze_panes:
            letters = "".join(c for c in sheet.freeze_panes if c.isalpha())
            assert column_index_from_string(letters) <= sheet.max_column, sheet.title


def test_markdown_lists_each_footnote_once_however_many_counties_share_it(
    counties: Path,
) -> None:
    """Every county's row of an indicator carries the plan's notes on it: one footnote,
    marked on each of those rows, not one per county (40 counties × 33 noted indicators)."""
    import re

    from psplan.formats import render

    report = psplan.check("ankang", counties)
    view = assessment_view(report)
    table = next(t for t in view.tables if t.key == "results")
    distinct = {tuple(table.notes[i]) for i in range(len(table.rows)) if table.notes.get(i)}
    text = render(view, "markdown")
    section = text[text.index(table.title) :]
    section = section[: section.index("\n## ")] if "\n## " in section else section
    footnotes = re.findall(r"^- \[(\d+)\] ", section, re.MULTILINE)
    assert footnotes == [str(n) for n in range(1, len(distinct) + 1)]
    assert 1 < len(distinct) < 64  # shared across the counties, one per noted indicator
    assert section.count(" [1] |") + section.count(" [1]\n") >= 40  # marked on every county


def test_a_count_over_several_regions_is_of_indicator_region_pairs(counties: Path) -> None:
    """幼有所育's 5 indicators over 40 counties are 200 results, not "指标数 200" (a trial's
    reader took it for 200 indicators); one region's count stays 指标数."""
    report = psplan.check("ankang", str(counties))
    tables = _tables(assessment_view(report, "zh"))
    for key in ("counts", "domains"):
        assert tables[key].columns[1].label == "指标×地区数"
    domain = report.plan.indicators[0].domain
    row = next(row for row in tables["domains"].rows if row[0] == domain)
    indicators = sum(i.domain == domain for i in report.plan.indicators)
    assert str(row[1]) == str(indicators * 40)
    one = psplan.check("ankang", str(counties), region=report.regions[0])
    assert _tables(assessment_view(one, "zh"))["domains"].columns[1].label == "指标数"


def test_whether_a_table_of_trends_is_too_long_is_known_without_making_its_rows(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A terminal, HTML or Word report lists no table of more than ROWS_LIMIT rows: for the
    trends (a row for each result with a trend) it counts the results with one, without
    making a row's cells (at county scale 2,001 rows made took a third of `--format table`),
    and gives the answer making every row gives."""
    from psplan.formats.table import more_than
    from psplan.views import assessment as views

    made = []
    series_text = views.series_text
    monkeypatch.setattr(views, "series_text", lambda *a: made.append(a) or series_text(*a))
    report = psplan.check("national", str(EXAMPLES / "national-2023.csv"))
    trends = next(t for t in assessment_view(report).tables if t.key == "trends")
    assert made == []  # (the view asks whether there is any: of the trends, not the rows)
    with_trend = sum(result.trend is not None for result in report.results)
    assert 0 < with_trend < len(report.results)  # 10 of 22: a count, not the length
    assert more_than(trends.rows, with_trend - 1) and not more_than(trends.rows, with_trend)
    assert made == []
    assert len(list(trends.rows)) == with_trend and len(made) == with_trend


def test_a_spreads_minimum_maximum_and_mean_read_alike(tmp_path: Path) -> None:
    """The minimum 85.45 %, the maximum 93.9 % and the mean of three counties in one row of
    the spread: each showed its own decimals (85.45%, 93.9%; in the workbook 0.00% beside
    0.0%, a trial's finding); they share the most any of them has, up to two."""
    from psplan.views.assessment import spread_table
    from psplan.views.numbers import Figure

    path = tmp_path / "three.csv"
    name = "免费孕前优生健康检查率"
    path.write_text(
        "地区,指标,年份,数值\n"
        + "".join(f"{region},{name},2023,{value}\n"
                  for region, value in (("甲县", "85.45"), ("乙县", "93.9"), ("丙县", "88")))
        , encoding="utf-8",
    )  # fmt: skip
    table = spread_table(psplan.check("ankang", path), "zh")
    row = next(r for r in table.rows if str(r[0]) == name)
    low, high, mean = row[3:6]
    assert all(isinstance(cell, Figure) for cell in (low, high, mean))
    assert (low.shown, high.shown, mean.shown) == ("85.45%", "93.90%", "89.12%")
    assert low.format == high.format == mean.format == "0.00%"


def test_a_terminal_lists_no_table_of_hundreds_of_rows(counties: Path) -> None:
    """94 counties' lagging binding indicators were 1,265 rows, 7,500 terminal lines, under
    summaries that say the same in a screen (a trial's finding): a terminal lists no table of
    more than TERMINAL_ROWS rows but a matrix, saying where the full one is; a text file
    (no colour) keeps them up to ROWS_LIMIT."""
    from psplan.formats import table as terminal

    report = psplan.check("ankang", str(counties))  # 40 counties: 2,560 results
    assert len(report.results) > terminal.TERMINAL_ROWS
    view = assessment_view(report)
    rows = {t.key: len(list(t.rows)) for t in view.tables}
    long = [key for key, n in rows.items() if n > terminal.TERMINAL_ROWS]
    assert long  # the results, and the lagging binding ones
    coloured = terminal.render(view, color=True, width=160)
    plain = terminal.render(view, width=160)
    omitted = "本表超过 500 行，文本表格中不逐行列出"
    assert coloured.count(omitted) == len(long)  # each said where its rows are
    assert omitted not in plain and "本表超过 2,000 行" in plain  # (all 2,560 results)
    assert len(coloured.splitlines()) < len(plain.splitlines()) / 3


def test_the_spreads_status_counts_add_up_to_its_regions(tmp_path: Path) -> None:
    """A county reported as a bound it cannot be judged by (需人工核实) was in no count of the
    spread table: 0 + 143 + 157 + 0 of 301 regions (trial 12, D13). The column is there when
    any indicator has one (GENERATED figures)."""
    from psplan.views.assessment import spread_table

    path = tmp_path / "c.csv"
    path.write_text("地区,指标,年份,数值\n汉台区,人均预期寿命,2023,78\n南郑区,人均预期寿命,2023,77\n"
                    "城固县,人均预期寿命,2023,70以上\n", encoding="utf-8")  # fmt: skip
    table = spread_table(psplan.check("hanzhong", path), "zh")
    keys = [column.key for column in table.columns]
    assert "needs_review" in keys
    row = next(r for r in table.rows if "人均预期寿命" in str(r[0]))
    counts = [row[keys.index(code)].value for code in ("met", "on_track", "behind", "not_met",
                                                       "needs_review", "no_data")]  # fmt: skip
    assert sum(counts) == row[keys.index("regions")].value == 3
    assert row[keys.index("needs_review")].value == 1


def test_by_region_says_when_there_are_not_two_regions_to_compare(tmp_path: Path) -> None:
    """A file without a region column gave --by-region a matrix of one row and a spread of
    0 % for every indicator, without a word (a new user's trial); one county alone the
    same. Both now say so in one warning; a file of counties (and its 全市 rows, which are
    no region of the spread) says nothing of it."""
    from conftest import run_psplan

    national = run_psplan("check", "national", str(EXAMPLES / "national-2023.csv"),
                          "--by-region", "-f", "json")  # fmt: skip
    assert national.returncode in (0, 1)
    assert "--by-region 比较各地区的数据，但这些数据没有地区：没有地区列" in national.stderr
    lines = (EXAMPLES / "generated" / "hanzhong-counties.csv").read_text("utf-8").splitlines()
    one = tmp_path / "one.csv"
    one.write_text("\n".join(lines[:1] + [line for line in lines if line.startswith(("全市,",
                   "洋县,"))]) + "\n", encoding="utf-8")  # fmt: skip
    alone = run_psplan("check", "hanzhong", str(one), "--by-region", "-f", "json")
    assert alone.returncode in (0, 1)
    assert (
        f"warning: {one}: --by-region 比较各地区的数据，但这些数据只有地区“洋县”：" in alone.stderr
    )
    counties = run_psplan("check", "hanzhong", str(EXAMPLES / "generated" / "hanzhong-counties.csv"),
                          "--by-region", "-f", "json")  # fmt: skip
    assert counties.returncode in (0, 1) and "--by-region 比较" not in counties.stderr


def test_the_targets_that_are_totals_of_the_whole_area() -> None:
    """Read from each plan's printed units and names: a count of things or people, not a
    rate, a per-capita figure or an average. Pinned plan by plan (a changed unit or name in
    data/ moves an indicator in or out, and this says so)."""
    from psplan.assess.areas import counts_the_whole_area

    found = {
        plan: [i.name for i in psplan.load_plan(plan).indicators if counts_the_whole_area(i)]
        for plan in ("national", "hanzhong", "chuzhou")
    }
    assert found == {
        "national": ["参加各类补贴性职业技能培训人数", "养老服务床位总量", "城镇老旧小区改造"],
        "hanzhong": ["接受创业服务人数", "参加职业技能培训人数", "养老服务床位总量",
                     "城镇老旧小区改造", "享受困难残疾人生活补贴和重度残疾人护理补贴人数"],
        "chuzhou": ["参加各类补贴性职业技能培训人数", "养老服务床位总量", "城镇老旧小区改造"],
    }  # fmt: skip
    ankang = {i.name: i for i in psplan.load_plan("ankang").indicators}
    for name in ("未成年救助保护中心", "高等级客运站数量", "城镇新增就业人数"):
        assert counts_the_whole_area(ankang[name]), name
    for name in ("每千人口拥有3岁以下婴幼儿托位数", "人均平均预期寿命", "城镇居民人均可支配收入",
                 "每万人全科医生数", "人均体育场地面积"):  # fmt: skip
        assert not counts_the_whole_area(ankang[name]), name


def test_a_total_of_the_whole_area_judged_county_by_county_is_said(tmp_path: Path) -> None:
    """Every county measured against the city's 5 未成年救助保护中心 was not met, without a
    word (a new user's trial). One warning names the whole-area totals judged for two or more
    regions; the city's own figures alone, or a file of rates only, say nothing of it."""
    from conftest import run_psplan

    lines = (EXAMPLES / "generated" / "hanzhong-counties.csv").read_text("utf-8").splitlines()
    counties = run_psplan("check", "hanzhong", str(EXAMPLES / "generated" / "hanzhong-counties.csv"),
                          "-f", "json")  # fmt: skip
    said = [line for line in counties.stderr.splitlines() if "的总量" in line]
    assert said == [
        f"psplan: warning: {EXAMPLES / 'generated' / 'hanzhong-counties.csv'}: 5个指标的目标是全市的"
        "总量（接受创业服务人数 3万人、参加职业技能培训人数 10万人、养老服务床位总量 3.96万张、"
        "城镇老旧小区改造 1246个、享受困难残疾人生活补贴和重度残疾人护理补贴人数 12万人），"
        "与各地区的数据逐一对照没有意义，其结果仅供参考；分解到各地区的目标须用各地区的规划"
    ]
    city = tmp_path / "city.csv"
    city.write_text("\n".join(lines[:1] + [line for line in lines if line.startswith("全市,")])
                    + "\n", "utf-8")  # fmt: skip
    assert "的总量" not in run_psplan("check", "hanzhong", str(city), "-f", "json").stderr
    rates = tmp_path / "rates.csv"
    rates.write_text("\n".join(lines[:1] + [line for line in lines if "床位总量" not in line
                     and "人数" not in line and "改造" not in line]) + "\n", "utf-8")  # fmt: skip
    assert "的总量" not in run_psplan("check", "hanzhong", str(rates), "-f", "json").stderr
    # a report counting every county's results says so beside its counts (it did not)
    only = tmp_path / "counties.csv"
    only.write_text("\n".join(line for line in lines if not line.startswith("全市,")) + "\n",
                    "utf-8")  # fmt: skip
    report = tmp_path / "报告.md"
    assert run_psplan("report", "hanzhong", str(only), "-o", str(report)).returncode in (0, 1)
    written = report.read_text("utf-8")
    assert (
        "其中5项指标（接受创业服务人数、参加职业技能培训人数、养老服务床位总量、城镇老旧小区改造、"
        "享受困难残疾人生活补贴和重度残疾人护理补贴人数）的目标是全市的总量，"
        "各地区的数据与之逐一对照没有意义，其结果仅供参考。" in written
    )
    city_report = tmp_path / "全市.md"
    run_psplan("report", "hanzhong", str(EXAMPLES / "generated" / "hanzhong-counties.csv"),
               "-o", str(city_report))  # fmt: skip
    city_text = city_report.read_text("utf-8")
    assert "其中5项指标" not in city_text  # (its counts are the city's own)
    # the counties' rows of its annex say theirs are for reference (trial 18), the city's not
    noted = [line for line in city_text.splitlines() if "本地区数据与之对照仅供参考" in line]
    assert noted and all("| 全市 |" not in line for line in noted)


@pytest.mark.parametrize("engine", ["rows", "columnar"])
def test_one_indicator_asked_for_hears_only_of_it(
    tmp_path: Path, engine: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`trend --indicator 人均预期寿命` on the counties' file printed the warning about the 5
    whole-city totals, none of them asked for. Only the results and the warnings about the
    indicators asked for (a jump planted in 汉台区's 人均预期寿命: said for it alone), on
    either path; the Python API takes `indicators` alike."""
    from conftest import run_psplan

    lines = (EXAMPLES / "generated" / "hanzhong-counties.csv").read_text("utf-8").splitlines()
    lines = [line.replace("汉台区,人均预期寿命,2022,71.57", "汉台区,人均预期寿命,2022,97.57")
             for line in lines]  # fmt: skip
    path = tmp_path / "counties.csv"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    monkeypatch.setenv("PSPLAN_ENGINE", engine)

    def warned(*indicators: str) -> list[str]:
        asked = [arg for name in indicators for arg in ("--indicator", name)]
        done = run_psplan("trend", "hanzhong", str(path), *asked, "-f", "json")
        assert done.returncode == 0, done.stderr
        shown = {r["id"] for r in json.loads(done.stdout)["indicators"]}
        assert len(shown) == len(indicators), shown
        return [line for line in done.stderr.splitlines() if line.startswith("psplan: warning")]

    everything = warned(*(i.name for i in psplan.load_plan("hanzhong").indicators))
    assert any("5个指标的目标是全市的总量" in line for line in everything)
    assert any("人均预期寿命2022年为“97.57”" in line for line in everything)
    life = warned("人均预期寿命")
    assert len(life) == 2 and all("汉台区，人均预期寿命" in line for line in life), life
    assert [line.split(": ", 2)[2] for line in life] == [
        line.split(": ", 2)[2] for line in everything if "汉台区，人均预期寿命" in line
    ]  # (the jump up and the jump back, at their rows)
    beds = warned("养老服务床位总量")
    assert beds == [
        f"psplan: warning: {path}: 1个指标的目标是全市的总量（养老服务床位总量 3.96万张），"
        "与各地区的数据逐一对照没有意义，其结果仅供参考；分解到各地区的目标须用各地区的规划"
    ]
    checked = psplan.check("hanzhong", path, indicators="养老服务床位总量", engine=engine)
    plan = psplan.load_plan("hanzhong")
    assert {r.indicator.id for r in checked.results} == {
        i.id for i in plan.indicators if i.name == "养老服务床位总量"
    }
    assert [w.code for w in checked.warnings] == ["area-total"]


@pytest.mark.parametrize("engine", ["rows", "columnar"])
def test_a_file_without_regions_and_the_city_named_are_one_area(
    tmp_path: Path, engine: str
) -> None:
    """A department's file without a region column is the city's (it says so), and the
    counties' file has its 全市 rows: they were two areas — the final report counted 128 main
    indicators of 64, and two different figures for the city passed as two areas' (a new
    user's trial). One area now, under the name the rows give; a year given two different
    figures is the error two files that disagree are; the counties' spread leaves it out."""
    lines = (EXAMPLES / "generated" / "hanzhong-counties.csv").read_text("utf-8").splitlines()
    city_lines = [line for line in lines[1:] if line.startswith("全市,")]
    city = tmp_path / "卫健委.csv"
    city.write_text("指标,年份,数值\n" + "\n".join(line.split(",", 1)[1] for line in city_lines)
                    + "\n", "utf-8")  # fmt: skip
    counties = EXAMPLES / "generated" / "hanzhong-counties.csv"
    plan = psplan.load_plan("hanzhong")

    both = psplan.check(plan, [city, counties], engine=engine)
    regions = Counter(result.region for result in both.results)
    assert regions == {name: len(plan.indicators)
                       for name in ("全市", "汉台区", "南郑区", "城固县", "洋县")}  # fmt: skip
    alone = psplan.check(plan, counties, engine=engine)
    assert [(r.region, r.status, r.verdict.actual) for r in both.results] == [
        (r.region, r.status, r.verdict.actual) for r in alone.results
    ]
    # a figure the department gives otherwise than the counties' file
    changed = city_lines[0].split(",")
    first = tmp_path / "卫健委-改.csv"
    first.write_text(city.read_text("utf-8").replace(
        ",".join(changed[1:]), ",".join([*changed[1:3], "9.99"]), 1), "utf-8")  # fmt: skip
    with pytest.raises(psplan.PsplanError) as caught:
        psplan.check(plan, [first, counties], engine=engine)
    assert str(caught.value).startswith(
        f"{counties}:2: 全市{changed[1]} {changed[2]} 年的数据在两个文件中数值不同："
        f"“9.99”（{first} 第 2 行）和“{changed[3]}”"
    ), str(caught.value)
    # lint reads them as check does: the same error, and no region "" of missing cells
    linted = psplan.lint(plan, [first, counties], engine=engine)
    assert [str(p) for p in linted if p.level == "error"] == [str(caught.value.problems[0])]
    clean = psplan.lint(plan, [city, counties], engine=engine)
    assert not [p for p in clean if p.level == "error"]
    assert not [p for p in clean if p.code == "missing"]
    # the counties alone beside the department's file: it is no county of the spread
    only = tmp_path / "counties.csv"
    only.write_text("\n".join([lines[0], *(line for line in lines[1:] if line not in city_lines)])
                    + "\n", "utf-8")  # fmt: skip
    from psplan.assess.regions import spreads

    spread = spreads(psplan.check(plan, [city, only], engine=engine))
    assert {entry.regions for entry in spread} == {4}
    assert all("" not in entry.lagging for entry in spread)


def _by_place(tmp_path: Path, text: str, engine: str) -> tuple[Any, dict[tuple, Any]]:
    """汉中's check of the counties' figures `text`, and its results by (region, name)."""
    path = tmp_path / "counties.csv"
    path.write_text(text, "utf-8")
    report = psplan.check("hanzhong", path, engine=engine)
    return report, {(r.region, r.indicator.name): r for r in report.results}


@pytest.mark.parametrize("engine", ["rows", "columnar"])
def test_a_figure_in_another_unit_is_left_to_a_person_and_out_of_the_spread(
    tmp_path: Path, engine: str
) -> None:
    """勉县's 九年义务教育巩固率 (binding, ≥98 %) sent as the fractions 0.982 and 0.988: warned,
    yet judged 滞后 with a gap of 97.01 points, ranked the most lagging county and written
    up as 完成进度0% (a county-scale trial; generated figures). Like 37600 张 against 3.7 万张
    (a thousand times the target), it is 需人工核实, without a gap or a progress, and neither
    is part of the counties' spread (a CV of 316 %)."""
    from psplan.assess.regions import spreads

    report, judged = _by_place(
        tmp_path,
        "地区,指标,年份,数值\n"
        "勉县,九年义务教育巩固率,2021,0.9820\n勉县,九年义务教育巩固率,2023,0.9880\n"
        "洋县,九年义务教育巩固率,2021,97.2\n洋县,九年义务教育巩固率,2023,97.9\n"
        "城固县,九年义务教育巩固率,2023,98.4\n"
        "勉县,养老服务床位总量,2023,3.69\n洋县,养老服务床位总量,2023,37600\n"
        "城固县,养老服务床位总量,2023,3.81\n",
        engine,
    )
    for region, name, reason in (
        ("勉县", "九年义务教育巩固率", "0.988像是写成小数的百分比（即 98.8%）：核实单位后再评价"),
        ("洋县", "养老服务床位总量", "37600比目标值 3.96 大一千倍以上，像是用了另一个单位：核实单位后再评价"),
    ):  # fmt: skip
        result = judged[(region, name)]
        assert (result.status, result.verdict.gap, result.verdict.progress) == (
            "needs_review", None, None,
        )  # fmt: skip
        assert result.to_dict(report.plan)["reason"].endswith(reason)
    assert judged[("洋县", "九年义务教育巩固率")].status == "on_track"
    spread = {entry.name: entry for entry in spreads(report)}
    rate = spread["九年义务教育巩固率"]
    assert (rate.reported, rate.minimum, rate.maximum) == (2, 97.9, 98.4)
    beds = spread["养老服务床位总量"]
    assert (beds.reported, beds.minimum, beds.maximum) == (2, 3.69, 3.81)
    assert "勉县" not in rate.lagging


@pytest.mark.parametrize("engine", ["rows", "columnar"])
def test_an_impossible_figure_is_left_to_a_person_without_a_trend(
    tmp_path: Path, engine: str
) -> None:
    """凤阳县's 养老机构护理型床位占比 (binding) reported as 112 % in 2025 was judged 已达标 /
    完成 with the trend 已实现, the range warning on stderr only (trial 18; generated
    figures). A share past 100 %, or a count below 0, cannot be right: 需人工核实, with no
    gap, no progress and no trend, out of the spread — while a gross enrolment ratio past
    100 % (101.26 %) is a figure like any other, and judged."""
    from psplan.assess.regions import spreads
    from psplan.views.trend import trend_view

    report, judged = _by_place(
        tmp_path,
        "地区,指标,2020年,2021年,2022年,2023年\n"
        "勉县,九年义务教育巩固率,95.1,95.9,96.4,112\n洋县,九年义务教育巩固率,95.0,96.1,97.0,97.9\n"
        "勉县,养老服务床位总量,0.31,0.33,0.35,-0.37\n洋县,养老服务床位总量,0.30,0.32,0.33,0.36\n"
        "勉县,高中阶段教育毛入学率,96.2,98.1,99.7,101.26\n",
        engine,
    )
    reason_112 = "112超出该指标可能的范围（不超过 100）：核实数据后再评价"
    for name, reason in (
        ("九年义务教育巩固率", reason_112),
        ("养老服务床位总量", "-0.37低于该指标可能的范围（不低于 0）：核实数据后再评价"),
    ):
        result = judged[("勉县", name)]
        assert (result.status, result.verdict.gap, result.verdict.progress) == (
            "needs_review", None, None,
        )  # fmt: skip
        assert result.to_dict(report.plan)["reason"].endswith(reason)
        assert result.trend is None
    assert judged[("勉县", "高中阶段教育毛入学率")].status == "met"
    assert judged[("勉县", "高中阶段教育毛入学率")].trend is not None
    assert judged[("洋县", "九年义务教育巩固率")].trend is not None
    spread = {entry.name: entry for entry in spreads(report)}
    rate = spread["九年义务教育巩固率"]
    assert (rate.reported, rate.maximum) == (1, 97.9)
    assert spread["养老服务床位总量"].minimum == 0.36
    rows = trend_view(report, "zh").tables[0].rows
    notes = {(row[2], row[1]): row[-1] for row in rows}
    assert notes[("勉县", "九年义务教育巩固率")].endswith(reason_112)


@pytest.mark.parametrize("engine", ["rows", "columnar"])
def test_a_figure_reported_as_a_bound_is_no_number_of_the_spread(
    tmp_path: Path, engine: str
) -> None:
    """城固县 reports 九年义务教育巩固率 as 99%以上: met (≥ 98), but 99 is not its figure — the
    spread's minimum, mean and CV counted it as 99 (trial 15; generated figures). It is held
    as written in the columns of results, and the spread is of the figures alone."""
    from psplan.assess.regions import spreads

    path = tmp_path / "counties.csv"
    path.write_text(
        "地区,指标,年份,数值\n勉县,九年义务教育巩固率,2023,97.9\n"
        "洋县,九年义务教育巩固率,2023,98.4\n城固县,九年义务教育巩固率,2023,99%以上\n",
        "utf-8",
    )
    report = psplan.check("hanzhong", path, engine=engine)
    (bounded,) = [r for r in report.results if r.region == "城固县" and r.verdict.actual]
    assert bounded.status == "met" and bounded.verdict.actual == 99.0
    spread = {entry.name: entry for entry in spreads(report)}["九年义务教育巩固率"]
    assert (spread.regions, spread.reported) == (3, 2)
    assert (spread.minimum, spread.maximum, spread.mean) == (97.9, 98.4, 98.15)
    columns = report.columns.to_dict()
    cells = zip(columns["region"], columns["id"], columns["actual"], strict=True)
    found = [
        actual for region, key, actual in cells if (region, key) == ("城固县", bounded.indicator.id)
    ]
    assert found == ["99%以上"]


def test_a_spread_keeps_the_figures_a_result_would_judge() -> None:
    """`Goal.in_scale` (a list at a time, for the spreads) keeps what `out_of_scale` (a
    figure at a time, for the verdict) does not leave to a person, at and around each bound."""
    import dataclasses

    from psplan.assess.check import goal_of

    plan = psplan.load_plan("hanzhong")
    named = {indicator.name: indicator for indicator in plan.indicators}
    rate = goal_of(plan, named["九年义务教育巩固率"])
    beds = goal_of(plan, named["养老服务床位总量"])
    assert rate.fractions and beds.floor is not None
    edges = [-1.0, 0.0, 1e-9, 0.5, 0.988, 1.0, 97.9, 100.0, 100.01, 112.0]
    for goal in (rate, beds, dataclasses.replace(beds, fractions=True)):
        assert goal.floor is None or goal.floor > 0
        figures = [*edges, *(goal.floor * f for f in (0.999, 1.0, 1.001) if goal.floor)]
        assert goal.in_scale(figures) == [n for n in figures if not goal.out_of_scale(n)]
    assert rate.in_scale([0.988, 98.8]) == [98.8]
    assert beds.in_scale([3.69, 37600.0]) == [3.69]


def test_one_countys_file_is_that_countys_report(tmp_path: Path) -> None:
    """勉县's rows alone (or --region 勉县) made 汉中市“十四五”公共服务规划中期评估报告, the county
    named first in the appendix, and its 9.66 of the city's 10万人 of 参加职业技能培训人数 rated
    on track without the whole-area warning two counties get (a county-scale trial). The
    title names the county; the warning is said for one county as for several."""
    from psplan.views.evaluation import evaluation_view

    lines = (EXAMPLES / "generated" / "hanzhong-counties.csv").read_text("utf-8").splitlines()
    one = tmp_path / "勉县.csv"
    county = next(line.split(",")[0] for line in lines[1:] if not line.startswith("全市,"))
    one.write_text("\n".join([lines[0], *(x for x in lines[1:] if x.startswith(f"{county},"))])
                   + "\n", "utf-8")  # fmt: skip
    report = psplan.check("hanzhong", one, stage="mid")
    assert evaluation_view(report).title == f"汉中市“十四五”公共服务规划中期评估报告（{county}）"
    assert evaluation_view(report, "en").title.endswith(f"mid-term evaluation report ({county})")
    assert [w.code for w in report.warnings if w.code == "area-total"] == ["area-total"]
    # the city's own figures: the city's report, no warning
    city = tmp_path / "全市.csv"
    city.write_text("\n".join([lines[0], *(x for x in lines[1:] if x.startswith("全市,"))])
                    + "\n", "utf-8")  # fmt: skip
    own = psplan.check("hanzhong", city, stage="mid")
    assert evaluation_view(own).title == "汉中市“十四五”公共服务规划中期评估报告"
    assert not [w for w in own.warnings if w.code == "area-total"]
    asked = psplan.check("hanzhong", EXAMPLES / "generated" / "hanzhong-counties.csv",
                         stage="mid", region=county)  # fmt: skip
    assert evaluation_view(asked).title.endswith(f"（{county}）")


def test_an_evaluation_by_region_is_named_and_headed_as_one(tmp_path: Path) -> None:
    """`check --stage final --by-region` was titled “· 2025年 · 分地区” where the same check
    without it is a 终期评估, and at the end year its spread still headed the regions short
    of a target 滞后地区, when nothing is behind, only not met (trial 18; generated figures)."""
    from psplan.views.assessment import spread_table

    path = tmp_path / "end.csv"
    path.write_text("地区,指标,年份,数值\n天长市,学前教育毛入园率,2025,90\n"
                    "明光市,学前教育毛入园率,2025,97\n", "utf-8")  # fmt: skip
    final = psplan.check("chuzhou", path, stage="final")
    assert (
        regions_view(final, "zh").title
        == "滁州市“十四五”公共服务规划 · 终期评估（2025年） · 分地区"
    )
    assert regions_view(final, "en").title.endswith("final evaluation (2025) · by region")
    assert spread_table(final, "zh").columns[-1].label == "未完成地区"
    assert [row[-1] for row in spread_table(final, "zh").rows if row[-1]] == ["天长市"]
    mid = psplan.check("chuzhou", path, stage="mid", allow_outside_period=True)
    assert regions_view(mid, "zh").title.endswith("中期评估（2023年） · 分地区")
    annual = psplan.check("chuzhou", path, year=2024)
    assert regions_view(annual, "zh").title.endswith("2024年 · 分地区")
    assert spread_table(annual, "zh").columns[-1].label == "滞后地区"
