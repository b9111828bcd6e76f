"""The views of `show`, `trend`, `compare` (and `--all`), `validate` and `template`, and the
formats only `validate` writes (text, github): `--lang en` complete, numbers as the plan prints
them, the JSON contracts and the validate outputs as they were (their expected values were
taken from the output before the views: a change here is a change of contract).

In-process (typer's CliRunner) and fast."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from psplan.cli import app
from psplan.plan.plans import load_plan

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "national-2023.csv"
COUNTIES = ROOT / "examples" / "generated" / "hanzhong-counties.csv"
CITIES = ("hanzhong", "ankang", "chuzhou", "suzhou")

#: Chinese characters and punctuation (CJK symbols, full-width forms).
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")

runner = CliRunner()


def invoke(*args: str | Path):
    return runner.invoke(app, [str(arg) for arg in args], catch_exceptions=False)


def out(*args: str | Path) -> str:
    result = invoke(*args)
    assert result.exit_code in (0, 1), (result.exit_code, result.stderr)
    return result.stdout


# ------------------------------------------------------------------- --lang en is complete


def _data_words(*plans: str, actuals: Path | None = None) -> list[str]:
    """Every text of the plans (and the figures' file) a view shows as it is: names, domains,
    units, targets and baselines as printed, catalogue items, regions. Longest first."""
    words: set[str] = set()
    for name in plans:
        plan = load_plan(name).plan
        words.add(plan.name)
        for indicator in plan.indicators:
            words.update({indicator.name, indicator.domain, *indicator.aliases})
            words.update({indicator.unit or "", indicator.target.raw, indicator.baseline.raw})
        for item in plan.catalogue:
            words.update({item.name, item.domain, *item.aliases})
        for pledge in plan.commitments:  # the commitments' subjects and targets as printed
            for text in (pledge.subject, pledge.target, pledge.chapter or "", pledge.box or ""):
                words.update({text, " ".join(text.split())})  # a no-break space shown as one
    if actuals is not None:
        for row in csv.reader(io.StringIO(actuals.read_text(encoding="utf-8"))):
            words.update(row)
    return sorted((w for w in words if w), key=len, reverse=True)


def _outside_data(text: str, words: list[str]) -> str:
    for word in words:
        text = text.replace(word, " ")
    return text


def _assert_english(text: str, words: list[str]) -> None:
    left = _outside_data(text, words)
    found = sorted(set(CJK.findall(left)))
    assert not found, (found, [line for line in left.splitlines() if CJK.search(line)][:5])


@pytest.mark.parametrize("fmt", ["table", "markdown", "csv"])
def test_show_in_english_has_no_chinese_labels(fmt: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "400")  # names whole on one line, to be told from labels
    text = out("show", "national", "--lang", "en", "-f", fmt)
    assert "约束性" not in text and "预期性" not in text
    assert "binding" in text and "expected" in text
    _assert_english(text, _data_words("national"))


@pytest.mark.parametrize("fmt", ["table", "markdown", "csv"])
def test_trend_in_english_has_no_chinese_labels(fmt: str) -> None:
    for plan, actuals in (("national", EXAMPLE), ("hanzhong", COUNTIES)):
        text = out("trend", plan, actuals, "--lang", "en", "-f", fmt)
        assert "likely met" in text and "趋势正常" not in text
        _assert_english(text, _data_words(plan, actuals=actuals))


@pytest.mark.parametrize("fmt", ["table", "markdown", "csv"])
@pytest.mark.parametrize("city", CITIES)
def test_compare_in_english_has_no_chinese_labels(
    fmt: str, city: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "400")  # names whole on one line, to be told from labels
    text = out("compare", "national", city, "--lang", "en", "-f", fmt)
    assert "约束性" not in text and "预期性" not in text  # ankang's downgrades too
    _assert_english(text, _data_words("national", city))


def test_compare_summary_lines_use_english_punctuation() -> None:
    text = out("compare", "national", "hanzhong", "--lang", "en", "-f", "markdown")
    assert "Indicators: weaker 2, not comparable 3, equal 10, stronger 7, local 9" in text
    assert "Catalogue: 79 covered, 1 missing, 0 waived, 2 extra" in text
    chinese = out("compare", "national", "hanzhong", "-f", "markdown")
    assert "指标：低于上级 2，不可比 3，持平 10，高于上级 7，本地指标 9" in chinese
    assert "服务清单：覆盖 79 项，缺失 1 项，豁免 0 项，本级新增 2 项" in chinese


@pytest.mark.parametrize("fmt", ["table", "markdown", "csv"])
def test_compare_all_honours_lang(fmt: str) -> None:
    english = out("compare", "national", "--all", "--lang", "en", "-f", fmt)
    _assert_english(english, _data_words("national", *CITIES))
    assert "not comparable" in english or "not_comparable" in english
    chinese = out("compare", "national", "--all", "-f", fmt)
    assert "不可比" in chinese and "本级规划" in chinese
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(english.lstrip("\ufeff"))))
        assert {row["child"]: row["failing"] for row in rows} == dict.fromkeys(CITIES, "yes")
        assert {row["child"]: row["weaker"] for row in rows} == {
            "ankang": "6", "chuzhou": "1", "hanzhong": "2", "suzhou": "5",
        }  # fmt: skip


# ------------------------------------------------------------------------- trend numbers


def test_trend_numbers_read_as_the_plan_prints_them() -> None:
    from psplan.api import check
    from psplan.views.trend import trend_view

    view = trend_view(check("national", EXAMPLE), "zh")
    table = view.table()
    at = {column.key: index for index, column in enumerate(table.columns)}
    rows = {row[at["id"]]: row for row in table.rows}

    def shown(indicator: str, column: str) -> str:
        return str(rows[indicator][at[column]])

    # 养老服务床位总量 (1000, 823.8): the expected value is check's 应达值 (a computed figure:
    # two decimals of its own at most); the projection one decimal, not -0.266667 / 822.467
    assert shown("elderly_care_beds_total", "expected") == "929.52"
    assert shown("elderly_care_beds_total", "change") == "-0.3"
    assert shown("elderly_care_beds_total", "projected") == "822.5"
    assert shown("elderly_care_beds_total", "observed_growth") == "-0.03%"
    assert shown("elderly_care_beds_total", "ratio") == "-0.01"
    # 人均预期寿命 (78.3, 77.3**): not 77.9667 / 79.2582
    assert shown("life_expectancy", "expected") == "77.97"
    assert shown("life_expectancy", "projected") == "79.3"
    # 每千人口拥有注册护士数 (3.8, 3.36): two decimals, the reported 4 too
    assert shown("nurses_per_1000", "series") == "2020: 3.36 · 2023: 4.00"
    assert shown("nurses_per_1000", "projected") == "4.49"
    # a % indicator: percentages, its change per year in points
    assert shown("compulsory_education_retention", "series") == "2020: 95.2% · 2023: 95.7%"
    assert shown("compulsory_education_retention", "expected") == "95.68%"  # as check shows it
    assert shown("compulsory_education_retention", "change") == "+0.2个百分点"
    assert shown("compulsory_education_retention", "trend") == "趋势正常 · 可望完成"
    # a five-year total: the running totals, from 0
    # (the plan prints 5.9, the 十三五 total, under 2020: shown beside the 0 the total starts at)
    assert shown("old_community_renovation", "baseline") == "5.9（本期累计从0起算）"
    assert shown("old_community_renovation", "series") == (
        "2020: 0.0 · 2021: 5.56 · 2022: 10.81 · 2023: 16.18"
    )
    # projected from running totals of two decimals: two, not the plan's one (21.9)
    assert shown("old_community_renovation", "projected") == "26.97"


@pytest.mark.parametrize("fmt", ["markdown", "csv", "table"])
def test_no_float_noise_in_trend_outputs(fmt: str) -> None:
    for plan, actuals in (("national", EXAMPLE), ("hanzhong", COUNTIES)):
        for lang in ("zh", "en"):
            text = out("trend", plan, actuals, "-f", fmt, "--lang", lang)
            noise = re.findall(r"\d\.\d{4,}|\de-\d|-0(?:\.0+)?%?(?![\d.])", text)
            assert not noise, (plan, lang, noise[:5])


def _trend_rows(plan: str, actuals: Path) -> dict[tuple[str, str | None], dict[str, str]]:
    """`psplan trend`'s rows as shown, by (indicator, region)."""
    from psplan.api import check
    from psplan.views.trend import trend_view

    table = trend_view(check(plan, actuals), "zh").table()
    keys = [column.key for column in table.columns]
    rows = [{key: "" if cell is None else str(cell) for key, cell in zip(keys, row, strict=True)}
            for row in table.rows]  # fmt: skip
    return {(row["id"], row["region"] or None): row for row in rows}


def test_check_and_trend_write_a_series_the_same_way() -> None:
    from psplan.api import check
    from psplan.views.assessment import trends_table

    for plan, actuals in (("national", EXAMPLE), ("hanzhong", COUNTIES)):
        report = check(plan, actuals)
        regions = any(result.region for result in report.results)
        table = trends_table(report, "zh", regions)
        at = {column.key: index for index, column in enumerate(table.columns)}
        trend = _trend_rows(plan, actuals)
        with_trend = [result for result in report.results if result.trend is not None]
        assert len(table.rows) == len(with_trend)
        for result, row in zip(with_trend, table.rows, strict=True):
            shown = trend[(result.indicator.id, result.region)]
            assert str(row[at["series"]]) == shown["series"], result.indicator.id
            assert str(row[at["projected"]]) == shown["projected"], result.indicator.id
    # the check report (HTML, XLSX) reads as `psplan trend`: not "2020:0 2021:5.56"
    html = out("check", "national", EXAMPLE, "-f", "html")
    assert "2020: 0.0 · 2021: 5.56 · 2022: 10.81 · 2023: 16.18" in html
    assert "2020:0 " not in html


def test_an_estimate_shows_the_decimals_it_is_projected_from() -> None:
    """Hanzhong prints integer targets (接受创业服务人数 3 万人, 参加职业技能培训人数 10 万人次):
    the figures reported with two decimals are projected with two, so the movement shows."""
    from psplan.views.assessment import reported_places
    from psplan.views.numbers import measure

    plan = load_plan("hanzhong").plan
    recipients = next(i for i in plan.indicators if i.id == "entrepreneurship_service_recipients")
    assert recipients.target.raw == "3"
    assert str(measure(recipients, 3.153, estimate=True)) == "3"  # the plan's precision alone
    assert str(measure(recipients, 3.153, estimate=True, places=2)) == "3.15"
    assert str(measure(recipients, 3.153)) == "3.153"  # a reported figure keeps its decimals
    assert reported_places([2.76, 2.8, 2.95]) == 2
    assert reported_places([2.76, 2.8123]) == 2  # at most two
    assert reported_places([3.0, 4.0]) == 0 and reported_places([]) == 0
    rows = _trend_rows("hanzhong", COUNTIES)
    city = rows[("entrepreneurship_service_recipients", "全市")]
    assert city["series"] == "2021: 2.76 · 2022: 2.8 · 2023: 2.95"
    assert (city["expected"], city["change"], city["projected"]) == ("2.88", "+0.10", "3.15")
    training = rows[("subsidized_skills_training", "全市")]  # target 10
    assert (training["expected"], training["change"], training["projected"]) == (
        "9.59", "+0.28", "10.33",
    )  # fmt: skip
    # a % indicator: percentages and points with the reported figures' two decimals
    kindergarten = rows[("inclusive_kindergarten_coverage", "全市")]  # target 87%
    assert (kindergarten["expected"], kindergarten["change"], kindergarten["projected"]) == (
        "86.74%", "+0.21个百分点", "84.34%",
    )  # fmt: skip
    # one decimal reported, one shown in the change (the plan prints none: 93); the expected
    # value is check's 应达值, a computed figure with its own two decimals
    facilities = rows[("elderly_facilities_compliance", "全市")]
    assert facilities["series"] == "2021: 91.5% · 2022: 93.3% · 2023: 96.6%"
    assert (facilities["expected"], facilities["change"]) == ("95.75%", "+2.5个百分点")


# ---------------------------------------------------------------------------- compare words


def test_compare_verdicts_are_coloured_like_statuses() -> None:
    from psplan.api import compare
    from psplan.formats import render
    from psplan.views.comparison import comparison_view

    view = comparison_view(compare("national", "hanzhong"), "zh")
    text = render(view, "table", width=200, color=True)
    assert "\x1b[31m低于上级" in text  # weaker: red
    assert "\x1b[35m不可比" in text  # not comparable: magenta, as needs review
    assert "\x1b[32m持平" in text and "\x1b[32m高于上级" in text  # equal, stronger: green
    assert "\x1b[31m清单缺失" in text  # a catalogue item missing: red
    assert "\x1b" not in render(view, "table", width=200)
    english = render(comparison_view(compare("national", "hanzhong"), "en"), "table",
                     width=200, color=True)  # fmt: skip
    assert "\x1b[31mweaker" in english and "\x1b[35mnot comparable" in english


def test_compare_words_the_kinds_of_target() -> None:
    english = out("compare", "national", "hanzhong", "--lang", "en", "-f", "csv")
    assert "different kinds of target: annual average vs level" in english
    assert "different kinds of target: five-year total vs level" in english
    assert "annual_average" not in english and "cumulative vs" not in english
    chinese = out("compare", "national", "hanzhong", "-f", "csv")
    assert "目标类型不同（年均值 / 水平值）" in chinese  # as it was
    assert "目标类型不同（五年累计 / 水平值）" in chinese
    suzhou = json.loads(out("compare", "national", "suzhou", "-f", "json", "--lang", "en"))
    row = next(r for r in suzhou["indicators"] if r["parent_id"] == "subsidized_skills_training")
    assert row["verdict"] == "not_comparable"  # the contract: codes and keys as they were
    assert row["reason"] == "different kinds of target: annual average vs five-year total"
    assert set(row) == {
        "parent_id", "child_id", "name", "verdict", "parent_target", "child_target", "reason",
        "binding", "downgraded", "child_name",
    }  # fmt: skip


# ------------------------------------------------------------- the JSON contracts, unchanged


def test_compare_json_is_unchanged() -> None:
    data = json.loads(out("compare", "national", "hanzhong", "-f", "json"))
    assert data["summary"] == {
        "missing": 0, "weaker": 2, "downgraded": 0, "not_comparable": 3, "equal": 10,
        "stronger": 7, "local": 9, "catalogue_covered": 79, "catalogue_missing": 1,
        "catalogue_waived": 0, "catalogue_extra": 2,
    }  # fmt: skip
    assert data["failing"] is True and (data["parent"], data["child"]) == ("national", "hanzhong")
    weaker = [row for row in data["indicators"] if row["verdict"] == "weaker"]
    assert weaker[0] == {
        "parent_id": "life_expectancy", "child_id": "life_expectancy", "name": "人均预期寿命",
        "verdict": "weaker", "parent_target": "78.3", "child_target": "76.5",
        "reason": "78.3 vs 76.5", "binding": False, "downgraded": False,
        "child_name": "人均预期寿命",
    }  # fmt: skip
    assert data["catalogue"]["per_domain"]["文体服务保障"] == {
        "covered": 8, "missing": 1, "waived": 0, "extra": 1,
    }  # fmt: skip
    assert list(data["catalogue"]) == ["covered", "missing", "waived", "extra", "per_domain"]
    every = json.loads(out("compare", "national", "--all", "-f", "json"))
    assert [item["child"] for item in every] == ["ankang", "chuzhou", "hanzhong", "suzhou"]
    assert every[2] == data


def test_trend_json_is_unchanged() -> None:
    data = json.loads(out("trend", "national", EXAMPLE, "-f", "json"))
    assert (data["plan"], data["year"], data["outside_period"]) == ("national", 2023, False)
    assert len(data["indicators"]) == 22
    retention = next(i for i in data["indicators"] if i["id"] == "compulsory_education_retention")
    assert retention == {
        "id": "compulsory_education_retention", "name": "九年义务教育巩固率", "region": None,
        "status": "on_track", "target": "96%",
        "baseline": {"raw": "95.2%", "value": 95.2, "year": 2020, "source": "plan"},
        "share": 0.6, "expected": 95.68, "progress": 0.625,
        "expected_path": [[2020, 95.2], [2021, 95.36], [2022, 95.52], [2023, 95.68],
                          [2024, 95.84], [2025, 96.0]],
        "series": [[2023, 95.7]],
        "trend": {
            "points": [[2020, 95.2], [2023, 95.7]], "linear_change": 0.166667,
            "observed_growth": 0.001748, "needed_growth": 0.001675, "ratio": 1.043338,
            "category": "on_track", "projected": 96.034791, "likely_met": True,
            "agrees_with_status": True,
        },
        "note": "",
    }  # fmt: skip
    infants = data["indicators"][0]
    assert (infants["id"], infants["trend"], infants["note"]) == (
        "infant_care_places_per_1000", None, "2023年及以前无数据",
    )  # fmt: skip
    english = json.loads(out("trend", "national", EXAMPLE, "-f", "json", "--lang", "en"))
    assert english["indicators"][0]["note"] == "no figure reported for 2023 or earlier"


# --------------------------------------------------------------------------------- validate

BROKEN = """\
id: broken
name: 测试规划
level: city
parent: null
period: {start: 2021, end: 2025}
baseline_year: 2020
domains: [幼有所育, 学有所教]
indicators:
  - id: a
    domain: 幼有所育
    name: 每千人口拥有3岁以下婴幼儿托位数
    unit: 个
    target: ">>4.5"
    attribute: 预期性
  - id: a
    domain: 学有所教
    name: 学前教育毛入园率
    unit: "%"
    target: ">90%"
    attribute: 预期性
  - id: c
    domain: 病有所医
    name: 人均预期寿命
    unit: 岁
    target: "78.3"
    attribute: 约束性
"""
#: (line, column, code, the English message) of each problem of BROKEN.
FOUND = [
    (13, 13, "schema", "indicators.0.target: cannot read '>>4.5' as a target: not a number, "
     "comparator or known text"),
    (15, 9, "duplicate-id", "duplicate indicator id 'a' (first at line 9)"),
    (22, 13, "unknown-domain",
     "indicator 'c': domain '病有所医' is not one of the plan's domains"),
]  # fmt: skip


@pytest.fixture
def broken(tmp_path: Path) -> str:
    path = tmp_path / "broken.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    return str(path)


def test_validate_text_is_one_line_per_problem(broken: str) -> None:
    result = invoke("validate", broken, "national", "--max-problems", "2", "--lang", "en")
    assert result.exit_code == 2
    assert result.stdout.splitlines() == [
        *(f"{broken}:{line}:{col}: error: {message} [{code}]"
          for line, col, code, message in FOUND[:2]),
        "… and 1 more problems (use --max-problems to see more)",
        "2 file(s) checked, 3 error(s)",
    ]  # fmt: skip
    # In Chinese the messages are Chinese; the shape scripts parse is the same.
    chinese = invoke("validate", broken).stdout.splitlines()
    shape = re.compile(rf"^{re.escape(broken)}:\d+:\d+: error: .+ \[[a-z-]+\]$")
    assert all(shape.match(line) for line in chinese[:3]), chinese
    assert chinese[3] == "已检查 1 个文件，3 个错误"
    valid = invoke("validate", "national", "hanzhong", "--lang", "en")
    assert (valid.exit_code, valid.stdout) == (0, "2 file(s) valid\n")


def test_validate_github_annotations(broken: str) -> None:
    result = invoke("validate", broken, "-f", "github", "--max-problems", "2", "--lang", "en")
    assert result.exit_code == 2
    assert result.stdout.splitlines() == [
        *(f"::error file={broken},line={line},col={col},title={code}::{message}"
          for line, col, code, message in FOUND[:2]),
        "::notice::… and 1 more problems (use --max-problems to see more)",
    ]  # fmt: skip
    assert invoke("validate", "national", "-f", "github").stdout == ""


def test_validate_json_lists_every_problem(broken: str) -> None:
    result = invoke("validate", broken, "-f", "json", "--max-problems", "1", "--lang", "en")
    assert result.exit_code == 2
    assert json.loads(result.stdout) == {
        "files": 1,
        "valid": False,
        "errors": len(FOUND),
        "warnings": 0,
        "problems": [
            {"file": broken, "line": line, "column": col, "level": "error", "code": code,
             "message": message}
            for line, col, code, message in FOUND
        ],
    }  # fmt: skip
    valid = json.loads(invoke("validate", "national", "-f", "json").stdout)
    assert valid == {"files": 1, "valid": True, "errors": 0, "warnings": 0, "problems": []}


def test_text_and_github_escape_what_would_break_a_line() -> None:
    from psplan.errors import Location, Problem
    from psplan.formats import render
    from psplan.views.problems import problems_view

    problems = [
        Problem(Location("a,b:c.yaml", 3, 4), "bad\nname 100%", "x", level="warning"),
        Problem(Location("p.yaml"), "no line", "y"),
        # a workbook's sheet (`read.sheet_file`): the workbook is the file GitHub knows
        Problem(Location("d/figures.xlsx[2024年数据]", 14), "jump", "jump", level="warning"),
    ]
    view = problems_view(problems, 1, 0, "en")
    assert render(view, "text").splitlines() == [
        "a,b:c.yaml:3:4: warning: bad<U+000A>name 100% [x]",
        "p.yaml: error: no line [y]",
        "d/figures.xlsx[2024年数据]:14: warning: jump [jump]",
        "1 file(s) checked, 1 error(s), 2 warning(s)",
    ]
    assert render(view, "github").splitlines() == [
        "::warning file=a%2Cb%3Ac.yaml,line=3,col=4,title=x::bad%0Aname 100%25",
        "::error file=p.yaml,title=y::no line",
        "::warning file=d/figures.xlsx,line=14,title=jump::[2024年数据] jump",
    ]


# --------------------------------------------------------------------------------- template


def test_the_reader_knows_every_header_word_of_the_template() -> None:
    from psplan.actuals import read
    from psplan.views.template import template_header, template_view

    plan = load_plan("national").plan
    header = template_header([2023], ["甲县"])
    known = read.SILENT_HEADERS | set().union(*read.HEADER_ALIASES.values())
    assert [word for word in header if word not in known and not word.isdigit()] == []
    assert header == [
        "id", "地区", "领域", "指标", "单位", "属性", "目标值", "基期值", "牵头部门", "2023",
        "原因分析", "下一步措施",
    ]  # fmt: skip
    view = template_view(plan, [2023], ["甲县"])
    assert [column.label for column in view.table().columns] == header
    assert len(view.table().rows) == len(plan.indicators)
    instructions = view.table("instructions")
    assert instructions is not None and instructions.columns[0].label.startswith("填报说明")
    assert instructions.rows[-1][0].startswith("规划 / plan: “十四五”公共服务规划 (national)")


def test_the_template_csv_goes_through_the_csv_format(tmp_path: Path) -> None:
    out_file = tmp_path / "t.csv"
    result = invoke("template", "national", "-o", out_file, "--years", "2023", "--regions", "甲县")
    assert result.exit_code == 0
    data = out_file.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][:3] == ["id", "地区", "领域"] and rows[0][-3:] == [
        "2023",
        "原因分析",
        "下一步措施",
    ]
    beds = next(row for row in rows if row[0] == "elderly_care_beds_total")
    assert beds[1:9] == [
        "甲县",
        "老有所养",
        "养老服务床位总量",
        "万张",
        "预期性",
        "1000",
        "",  # a county's 基期值 is its own to give: the plan prints the whole area's 823.8
        "",
    ]
    own = invoke("template", "national", "-o", tmp_path / "own.csv", "--years", "2023",
                 "--regions", "全国")  # fmt: skip
    assert own.exit_code == 0
    text = (tmp_path / "own.csv").read_text("utf-8-sig")
    assert "elderly_care_beds_total,全国,老有所养,养老服务床位总量,万张,预期性,1000,823.8," in text
    assert beds[9:] == ["", "", ""]  # left for the department


# ------------------------------------------------------- every format shows the same figure


def _csv_of(*args: str | Path) -> dict[str, dict[str, str]]:
    rows = csv.DictReader(io.StringIO(out(*args, "--format", "csv").lstrip("\ufeff")))
    return {row["指标"]: row for row in rows}


def test_the_csv_writes_each_figure_as_it_is_shown() -> None:
    """A CSV reads as the table, markdown and HTML do (63%, not 62.5%; 4.00, not 4), without
    thousands separators; the JSON keeps the full precision."""
    rows = _csv_of("check", "national", EXAMPLE)
    retention = rows["九年义务教育巩固率"]
    assert (retention["进度"], retention["应达值"], retention["实际值"]) == (
        "63%",
        "95.68%",
        "95.7%",
    )
    assert rows["人均预期寿命"]["进度"] == "100%" and rows["人均预期寿命"]["应达值"] == "77.97"
    assert rows["每千人口拥有注册护士数"]["实际值"] == "4.00"
    beds = rows["养老服务床位总量"]
    assert (beds["实际值"], beds["进度"], beds["应达值"]) == ("823.0", "-0.5%", "929.52")
    assert rows["城镇老旧小区改造"]["进度"] == "74%"
    data = json.loads(out("check", "national", EXAMPLE, "--format", "json"))
    progress = {r["id"]: r["progress"] for r in data["results"]}
    assert progress["compulsory_education_retention"] == pytest.approx(0.625)  # full precision


def test_a_percent_indicators_gap_is_in_percentage_points(tmp_path: Path) -> None:
    """96% − 95.7% is 0.3 percentage points, not 0.3% (a relative change): so every format,
    and the XLSX stores the number 0.3 with the unit in its number format."""
    from openpyxl import load_workbook

    from psplan.views.numbers import computed

    plan = load_plan("national").plan
    retention = plan.indicator("compulsory_education_retention")
    gap = computed(retention, 0.3, points="个百分点")
    assert (gap.value, gap.format, gap.shown) == (0.3, '#,##0.0"个百分点"', "0.3个百分点")
    assert str(computed(retention, -1.1, points=" pp")) == "-1.1 pp"
    beds = plan.indicator("elderly_care_beds_total")  # not a %: its own unit, no points
    assert str(computed(beds, 177.0, points="个百分点")) == "177.0"
    assert _csv_of("check", "national", EXAMPLE)["九年义务教育巩固率"]["差距"] == "0.3个百分点"
    markdown = out("check", "national", EXAMPLE, "--format", "markdown")
    assert re.search(r"\|\s+0\.3个百分点 \|", markdown) and "0.3%" not in markdown
    english = out("check", "national", EXAMPLE, "--format", "csv", "--lang", "en")
    assert "0.3 pp" in english and "-1.1 pp" in english
    path = tmp_path / "r.xlsx"
    assert invoke("report", "national", EXAMPLE, "-o", path).exit_code in (0, 1)
    sheet = load_workbook(path)["全部指标"]
    header = [cell.value for cell in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[1].value == "九年义务教育巩固率")
    cell = row[header.index("差距")]
    assert cell.value == pytest.approx(0.3) and cell.number_format == '#,##0.0"个百分点"'
    # the trend's change per year of a % indicator too
    trend = _trend_rows("national", EXAMPLE)
    assert trend[("preschool_gross_enrollment", None)]["change"] == "+2.0个百分点"
    assert trend[("elderly_care_beds_total", None)]["change"] == "-0.3"


def test_trend_shows_checks_expected_value() -> None:
    """`trend`'s expected value is the cell `check` shows as 应达值 (929.52, 77.97)."""
    from psplan.api import check
    from psplan.views.assessment import result_cells

    for plan, actuals in (("national", EXAMPLE), ("hanzhong", COUNTIES)):
        report = check(plan, actuals)
        trend = _trend_rows(plan, actuals)
        for result in report.results:
            cell = result_cells(result, "zh")["expected"]
            shown = trend[(result.indicator.id, result.region)]["expected"]
            assert shown == ("" if cell is None else str(cell)), (plan, result.indicator.id)


def test_spread_statistics_are_computed_figures() -> None:
    """Mean, min and max across regions: the plan's precision, at most 2 decimals of their own
    (93.4475% reads 93.45%), so the XLSX formats no 0.0000%."""
    from psplan.api import check
    from psplan.views.assessment import spread_table

    table = spread_table(check("hanzhong", COUNTIES), "zh")
    at = {column.key: index for index, column in enumerate(table.columns)}
    rows = {str(row[0]): row for row in table.rows}
    retention = rows["九年义务教育巩固率"]
    assert str(retention[at["mean"]]) == "93.45%"
    assert retention[at["mean"]].format == "0.00%"
    for row in table.rows:
        for key in ("min", "max", "mean"):
            cell = row[at[key]]
            if cell is not None:
                shown = str(cell).rstrip("%").replace(",", "")
                assert len(shown.partition(".")[2]) <= 2, (row[0], key, cell)


def test_a_baseline_not_printed_reads_with_its_unit() -> None:
    """83.48%（2021年上报，首个数据） beside an actual 83.91%, as `measure` words it."""
    from psplan.api import check
    from psplan.views.assessment import baseline_text

    report = check("hanzhong", COUNTIES)
    worded = {
        baseline_text(r, "zh")
        for r in report.results
        if r.verdict.baseline.source == "first_reported" and r.indicator.unit == "%"
    }
    assert worded and all(re.match(r"[\d.]+%（\d{4}年上报，首个数据）$", text) for text in worded)
    english = [
        baseline_text(r, "en")
        for r in report.results
        if r.verdict.baseline.source == "first_reported" and r.indicator.unit == "%"
    ]
    assert all(re.match(r"[\d.]+% \(first reported, \d{4}\)$", text) for text in english)


def test_a_domain_without_indicators_has_no_row() -> None:
    from psplan.api import check
    from psplan.views.assessment import domain_progress

    report = check("national", EXAMPLE)
    assert "优军服务保障" in report.plan.domains
    domains = [d.domain for d in domain_progress(report)]
    assert "优军服务保障" not in domains and domains[0] == "幼有所育"
    assert "优军服务保障" not in out("check", "national", EXAMPLE, "--format", "markdown")


def test_the_template_writes_target_and_baseline_as_show_does(tmp_path: Path) -> None:
    """目标值 / 基期值 are the cells `show` shows: numbers (90% of a % indicator, 4.6) where
    the plan prints a plain number, so a spreadsheet does not flag numbers stored as text."""
    from openpyxl import load_workbook

    from psplan.views.numbers import Figure
    from psplan.views.template import template_rows

    plan = load_plan("hanzhong").plan
    rows = {row[0]: row for row in template_rows(plan, [2023], [])}
    path = tmp_path / "t.xlsx"
    assert invoke("template", "hanzhong", "-o", path).exit_code == 0
    sheet = load_workbook(path)["填报"]
    header = [cell.value for cell in sheet[1]]
    target, baseline = header.index("目标值"), header.index("基期值")
    cells = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    shown = out("show", "hanzhong", "--format", "csv")
    percent = 0
    for indicator in plan.indicators:
        for column, raw in ((target, indicator.target.raw), (baseline, indicator.baseline.raw)):
            cell, written = rows[indicator.id][column], cells[indicator.id][column]
            if isinstance(cell, Figure):
                assert isinstance(written.value, int | float), (indicator.id, written.value)
                assert written.number_format == cell.format
                assert str(cell).replace(",", "") in shown
                percent += cell.shown.endswith("%") and not raw.strip().endswith("%")
            else:
                assert written.value in (raw, None if raw == "" else raw), (indicator.id, raw)
    assert percent, "a % indicator printed without its % sign reads 90%, as `show` writes it"


def test_trend_makes_each_row_and_indicator_as_written(tmp_path: Path, request) -> None:
    """`psplan trend` of 40 counties: the view makes no result until a format reads it, and
    the JSON written one indicator at a time is `trend_rows_dict`'s (a country's 185,600
    rows and dicts built up front took 46 s and 1.6 GB)."""
    from psplan.api import check
    from psplan.formats import render
    from psplan.views.trend import trend_rows_dict, trend_view

    from conftest import generate_actuals

    counties = generate_actuals("ankang", tmp_path / "counties.csv", "--regions", "40")
    report = check("ankang", counties, engine="columnar")
    made = request.getfixturevalue("results_made")
    view = trend_view(report, "zh")
    assert made == []
    written = json.loads(render(view, "json"))
    assert len(made) == len(report.results) == 40 * len(report.plan.indicators)
    assert written == json.loads(json.dumps(trend_rows_dict(report, "zh")))
    assert len(list(view.table().rows)) == len(report.results)


def test_the_trend_at_the_end_of_the_period_is_its_category_alone() -> None:
    """Judged at the end (终期评估), the outlook is the verdict itself: 趋势正常 · 完成难度较大
    beside 未完成 read as a contradiction (a new user's trial); the report's prose already
    left the outlook out. And a target not met at the end is missed, whatever the pace: 趋势正常
    alone beside 未完成 read as one too (a second trial). Mid-period the outlook stays. The
    national 2023 figures (九年义务教育巩固率 95.7 %, 96 % to reach)."""
    import psplan
    from psplan.views.assessment import trend_text

    example = Path(__file__).resolve().parents[1] / "examples" / "national-2023.csv"
    for stage, expected, english in (("annual", "趋势正常 · 可望完成", "on track · likely met"),
                                     ("final", "未实现", "missed")):  # fmt: skip
        report = psplan.check("national", example, stage=stage)
        retention = next(
            r for r in report.results if r.indicator.id == "compulsory_education_retention"
        )
        assert (trend_text(retention, "zh"), retention.year, retention.status) == (
            expected,
            2023 if stage == "annual" else 2025,
            "on_track" if stage == "annual" else "not_met",
        )
        assert trend_text(retention, "en") == english


def test_a_change_per_year_is_not_rounded_to_nothing(tmp_path: Path) -> None:
    """安康's 未成年救助保护中心 (5所 by 2025) given 2, 3, 3, 4, 4 (generated): the trend table's
    年均变化 read 0, the plan's whole 所 rounding away the +0.5 a year the JSON had (a trial)."""
    import psplan
    from psplan.views.trend import trend_view

    figures = tmp_path / "centres.csv"
    figures.write_text("指标,2021,2022,2023,2024,2025\n未成年救助保护中心,2,3,3,4,4\n", "utf-8")
    report = psplan.check("ankang", figures)
    table = trend_view(report, "zh").table()
    row = next(r for r in table.rows if str(r[table.column("indicator")]) == "未成年救助保护中心")
    result = next(r for r in report.results if r.indicator.name == "未成年救助保护中心")
    assert result.trend is not None and result.trend.linear_change == 0.5
    assert str(row[table.column("change")]) == "+0.5"
    assert str(row[table.column("expected")]) == "5"  # (the plan's whole numbers elsewhere)


@pytest.mark.parametrize("engine", ["rows", "columnar"])
def test_a_five_year_totals_baseline_shows_what_the_plan_prints_beside_its_zero(
    tmp_path: Path, engine: str
) -> None:
    """宿州 prints 参加各类补贴性职业技能培训人数 with baseline [19] (the 十三五 total) and
    target [15]: the total is judged from 0, and the cell said 0（累计起点） alone, where a
    reviewer looked for the plan's [19] (generated figures). An indicator the plan prints no
    baseline for keeps 0（累计起点）."""
    path = tmp_path / "figures.csv"
    path.write_text("地区,指标,年份,数值\n全市,参加各类补贴性职业技能培训人数,2021,3.2\n"
                    "全市,参加各类补贴性职业技能培训人数,2022,3.1\n", "utf-8")  # fmt: skip
    import psplan
    from psplan.formats import csv as csv_format
    from psplan.views.assessment import assessment_view

    checked = psplan.check("suzhou", str(path), engine=engine)
    text = csv_format.render(assessment_view(checked, "zh"))
    rows = list(csv.DictReader(io.StringIO(text[text.index("领域,") :])))
    row = next(r for r in rows if r["指标"] == "参加各类补贴性职业技能培训人数")
    assert row["基期值"] == "[19]（本期累计从0起算）"
    english = csv_format.render(assessment_view(checked, "en"))
    assert "[19] (this period's total starts at 0)" in english
    judged = next(r for r in checked.results if r.indicator.id == "subsidized_skills_training")
    assert (judged.verdict.baseline.value, judged.verdict.baseline.source) == (0.0, "zero")


@pytest.mark.parametrize("engine", ["rows", "columnar"])
def test_nothing_is_projected_for_a_result_judged_at_the_end(tmp_path: Path, engine: str) -> None:
    """A 终期评估's trend annex showed a 期末预测 for 2025 beside a 2025 figure given as a
    bound, or none (a reviewer's trial; generated figures): judged at the end, the end
    figure is the result, and the cell is empty; judged before it, it is projected."""
    import psplan
    from psplan.formats import markdown
    from psplan.views.assessment import assessment_view

    path = tmp_path / "figures.csv"
    path.write_text("地区,指标,年份,数值\n"
                    + "".join(f"甲县,人均预期寿命,{year},{value}\n"
                              for year, value in ((2021, 77.1), (2022, 77.3), (2023, 77.5)))
                    + "乙县,人均预期寿命,2021,76\n乙县,人均预期寿命,2022,76.4\n"
                    "乙县,人均预期寿命,2025,>78\n", "utf-8")  # fmt: skip

    def trends(year: int) -> str:
        """The trend table's markdown (a column no row fills is left out)."""
        checked = psplan.check("hanzhong", str(path), year=year, engine=engine)
        text = markdown.render(assessment_view(checked, "zh"))
        return text[text.index("## 趋势") :]

    assert "甲县" in trends(2025) and "乙县" in trends(2025)
    assert "期末预测" not in trends(2025)
    assert "期末预测" in trends(2023) and "77.9" in trends(2023)  # 77.5 + 0.2 × 2
