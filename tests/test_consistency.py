"""Every surface shows the same assessment: for every bundled plan and a generated set of series,
the status, baseline used and its provenance, time share, expected value and progress read the
same in JSON, CSV, markdown, the HTML report (parsed back), the XLSX report (read back with
openpyxl) and `trend`'s JSON.

The series are generated (clearly not real figures) to reach every case: with and without a
printed baseline, a baseline-year row, a filled 基期值, increasing and decreasing, cumulative,
annual average, qualitative, met early, baseline beyond target, several regions with 全市.
"""

from __future__ import annotations

import csv
import io
import json
import re
from decimal import ROUND_HALF_UP, Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from psplan.cli import app
from psplan.plan.model import Indicator, Plan
from psplan.plan.plans import load_plan

PLANS = ("national", "hanzhong", "ankang", "chuzhou", "suzhou")

runner = CliRunner()
STATUS_ZH = {
    "met": "已达标", "on_track": "进度正常", "behind": "进度滞后", "not_met": "未达标",
    "no_data": "无数据", "needs_review": "需人工核实",
}  # fmt: skip
PROVENANCE_ZH = {
    "sheet": "{v}（填报基期值）",
    "reported": "{v}（{y}年上报）",
    "first_reported": "{v}（{y}年上报，首个数据）",
    "zero": "0（累计起点）",
}


def run(*args: str) -> str:
    result = runner.invoke(app, list(args), catch_exceptions=False)  # a bug fails the test
    assert result.exit_code in (0, 1), (args, result.output, result.exception)
    return result.stdout


def _num(value: float | None) -> str:
    if value is None:
        return ""
    return f"{round(value, 4) + 0.0:g}"


def _excel_round(value: float, places: int) -> str:
    """`value` to `places` decimals as Excel shows it: read to 15 significant digits, then
    rounded half away from zero (62.5 → 63)."""
    exact = Decimal(f"{value:.15g}").quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
    return f"{abs(exact) if exact == 0 else exact:.{places}f}"  # never -0


def _pct(value: float | None) -> str:
    """A share as every format words it: halves away from zero, as Excel shows the XLSX."""
    if value is None:
        return ""
    if 0.05 <= abs(value * 100) < 0.95:
        return f"{_excel_round(value * 100, 1)}%"
    return f"{_excel_round(value * 100, 0)}%"


def _is_provenance(text: object, row: dict) -> bool:
    """Whether `text` is the baseline used as shown: as the plan prints it, or, one the plan
    does not print, worded with where it came from:
    its value in the indicator's unit (83.48%（2021年上报，首个数据）; a % indicator's with %),
    at least the plan's decimals."""
    baseline = row["baseline"]
    if baseline["source"] in ("plan", "none"):
        return (text or "") == baseline["raw"]
    if baseline["source"] == "plan_area":  # a county's: the plan's (the city's), said so
        value, _, said = str(text or "").partition("（")
        raw = baseline["raw"].strip()
        if said != "全域基期值）":
            return False
        if not re.fullmatch(r"[+-]?\d+(?:\.\d+)?%?", raw):
            return value == raw
        percent = raw.endswith("%") or row["unit"] == "%"
        return value.endswith("%") == percent and figure(value) == pytest.approx(figure(raw))
    if baseline["source"] == "zero" and baseline["raw"].strip():  # the plan's [19], from 0
        return text == f"{baseline['raw'].strip()}（本期累计从0起算）"
    pattern = re.escape(PROVENANCE_ZH[baseline["source"]]).replace(r"\{v\}", "(?P<v>[^（]+)")
    found = re.fullmatch(pattern.replace(r"\{y\}", str(baseline["year"])), str(text or ""))
    if found is None:
        return False
    if "v" not in found.groupdict():
        return True  # 0（累计起点）
    value = found["v"]
    return value.endswith("%") == (row["unit"] == "%") and figure(value) == pytest.approx(
        baseline["value"]
    )


def _series(plan: Plan, indicator: Indicator, variant: int) -> list[tuple[int, str]]:
    """Generated yearly figures for one indicator in one region (variant 0, 1 or 2)."""
    target = indicator.target
    if target.form == "qualitative":
        return [(2023, ("应保尽保", "否", "基本做到")[variant])]
    if target.form == "none":
        return [(2022, "5")]
    if target.form == "relative":
        return [(2022, str(10 + variant * 0.3))]
    t = target.value
    assert t is not None
    down = indicator.effective_direction == "decrease"
    kind = indicator.effective_kind
    if kind == "cumulative":
        share = (0.15, 0.25, 0.18)[variant]
        return [(y, _num(t * share)) for y in (2021, 2022, 2023)]
    if kind == "annual_average":
        return [(y, _num(t * (0.9, 1.1, 1.0)[variant])) for y in (2021, 2022)]
    base = indicator.baseline.value if indicator.baseline.value is not None else t * 0.8
    if (
        variant == 0
    ):  # linear at half the pace needed, with a baseline-year row where none is printed
        years = (2020, 2021, 2022, 2023) if indicator.baseline.value is None else (2021, 2022, 2023)
        return [(y, _num(base + (t - base) * (y - 2020) / 10)) for y in years]
    if variant == 1:  # met early
        beyond = t * (0.9 if down else 1.1) if t else 1.0
        return [(2022, _num(beyond))]
    # moving the wrong way from the first report (a baseline beyond target in some plans)
    step = (t - base) / 10 or 1.0
    return [(2021, _num(base + step)), (2023, _num(base - step))]


def generated_actuals(plan: Plan, tmp_path: Path) -> Path:
    own = {"national": "全国", "province": "全省", "city": "全市", "county": "全县"}[plan.level]
    lines = ["indicator,year,value,region"]
    for variant, region in enumerate((own, "甲区", "乙县")):
        for indicator in plan.indicators:
            for year, value in _series(plan, indicator, variant):
                lines.append(f"{indicator.id},{year},{value},{region}")
    for indicator in plan.indicators:
        if indicator.target.form == "relative":
            lines.append(f"{indicator.id},2022,10.2,全省")
    path = tmp_path / f"{plan.id}-generated.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def markdown_rows(text: str) -> list[dict[str, str]]:
    """The rows of the markdown's 全部指标 table, by header (columns empty in every row are
    left out of a markdown table)."""
    section = text[text.index("## 全部指标") :]
    lines = []
    for line in section.splitlines()[1:]:
        if line.startswith("|"):
            lines.append(line)
        elif lines:
            break
    header = [cell.strip() for cell in lines[0].strip("|").split("|")]
    return [
        dict(zip(header, (cell.strip() for cell in line.strip("|").split("|")), strict=True))
        for line in lines[2:]
    ]


class _ResultRows(HTMLParser):
    """The rows of the HTML report's 全部指标 table: data-* attributes and cells by column."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[dict[str, str]] = []
        self._column: str | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attributes = dict(attrs)
        if tag == "tr" and "data-status" in attributes:
            self.rows.append({"status_code": attributes["data-status"]})
        elif tag == "td" and self.rows and "data-column" in attributes:
            self._column = attributes["data-column"]
            self.rows[-1][self._column] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "td":
            self._column = None

    def handle_data(self, data: str) -> None:
        if self._column is not None:
            self.rows[-1][self._column] += data


def html_rows(text: str) -> list[dict[str, str]]:
    parser = _ResultRows()
    start = text.index('data-part="results"')  # the report's 附表：监测明细
    parser.feed(text[start : text.index("</table>", start)])
    return parser.rows


def xlsx_rows(path: Path) -> list[dict[str, tuple[object, str]]]:
    """The 全部指标 sheet's rows: each cell as (value, number format), by header."""
    from openpyxl import load_workbook

    sheet = load_workbook(path, read_only=True)["全部指标"]
    rows = list(sheet.iter_rows())
    header = [str(cell.value) for cell in rows[0]]
    return [
        {h: (c.value, c.number_format) for h, c in zip(header, row, strict=True)}
        for row in rows[1:]
    ]


def displayed(value: object, number_format: str) -> str:
    """A cell as Excel shows it, for the number formats psplan writes (#,##0.0, 0.0%, 0, and
    #,##0.0"个百分点": a number with a unit word after it)."""
    if not isinstance(value, int | float):
        return "" if value is None else str(value)
    shape, _, unit = number_format.split(";")[0].partition('"')
    return _displayed(value, shape) + unit.removesuffix('"')


def _displayed(value: float, shape: str) -> str:
    places = len(shape.partition(".")[2].rstrip("%"))
    if shape.endswith("%"):
        return f"{_excel_round(value * 100, places)}%"
    text = _excel_round(value, places)
    if shape.startswith("#,##0"):
        sign, digits = ("-", text[1:]) if text.startswith("-") else ("", text)
        whole, dot, fraction = digits.partition(".")
        text = f"{sign}{int(whole):,}{dot}{fraction}" if whole.isdigit() else text
    return text


#: The unit words of percentage points, after a % indicator's gap (0.3个百分点, 0.3 pp).
POINTS = ("个百分点", " pp")


def figure(text: str) -> float:
    """The number a displayed figure reads as (1,800.0 → 1800.0; 95.2% → 95.2; 0.3个百分点 →
    0.3)."""
    for unit in POINTS:
        text = text.removesuffix(unit)
    return float(text.replace(",", "").rstrip("%"))


def rounds_to(text: str, value: float | None) -> bool:
    """Whether a shown figure is `value` rounded to the decimals it shows (a computed value
    is shown in the plan's precision: 77.966667 reads 78.0 beside a plan printing 78.3)."""
    if value is None:
        return text == ""
    shown = figure(text)
    for unit in POINTS:
        text = text.removesuffix(unit)
    places = len(text.replace(",", "").rstrip("%").partition(".")[2])
    return abs(shown - value) <= 0.5 * 10**-places + 1e-9


def csv_rows(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff"), "CSV starts with the byte-order mark Excel needs"
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))


STATUS_EN = {"met": "met", "on_track": "on track", "behind": "behind", "not_met": "not met",
             "no_data": "no data", "needs_review": "needs review"}  # fmt: skip
#: The results table's columns: the Chinese header (markdown, CSV, XLSX) and the key (HTML,
#: CSV with --lang en).
COLUMNS = {"状态": "status", "基期值": "baseline", "时间进度": "share", "应达值": "expected",
           "进度": "progress", "实际值": "actual", "差距": "gap", "目标值": "target"}  # fmt: skip


def assert_same_assessment(plan: str, actuals: Path, tmp_path: Path) -> None:
    results = json.loads(run("check", plan, str(actuals), "--format", "json"))["results"]
    table = csv_rows(run("check", plan, str(actuals), "--format", "csv"))  # Chinese headers
    table_en = csv_rows(run("check", plan, str(actuals), "--format", "csv", "--lang", "en"))
    markdown = markdown_rows(run("check", plan, str(actuals), "--format", "markdown"))
    html_path, xlsx_path = tmp_path / "r.html", tmp_path / "r.xlsx"
    run("report", plan, str(actuals), "-o", str(html_path))
    run("report", plan, str(actuals), "-o", str(xlsx_path))
    html = html_rows(html_path.read_text(encoding="utf-8"))
    book = xlsx_rows(xlsx_path)
    trended = json.loads(run("trend", plan, str(actuals), "--format", "json"))["indicators"]
    assert (
        len(results) == len(table) == len(table_en) == len(markdown) == len(html) == len(book)
        == len(trended)
    )  # fmt: skip

    for row, flat, en, md, page, sheet, tr in zip(
        results, table, table_en, markdown, html, book, trended, strict=True
    ):
        where = (plan, row["region"], row["id"])
        # machine-readable: JSON, CSV (both languages) and trend JSON carry the same numbers
        assert flat["指标"] == en["indicator"] == sheet["指标"][0] == row["name"], where
        assert tr["id"] == row["id"], where
        assert flat.get("地区", "") == en.get("region", "") == (row["region"] or ""), where
        assert (
            flat["状态代码"] == en["status_code"] == tr["status"] == page["status_code"]
            == row["status"]
        ), where  # fmt: skip
        assert flat["状态"] == STATUS_ZH[row["status"]], where
        assert en["status"] == STATUS_EN[row["status"]], where
        assert tr["baseline"] == row["baseline"], where
        # the CSV writes each figure as it is shown (63%, not 62.5%), without thousands
        # separators; the JSON holds the full precision
        for key, label in (("share", "时间进度"), ("progress", "进度")):
            assert en[key] == flat[label] == _pct(row[key]), (where, key, flat[label])
            assert tr[key] == pytest.approx(row[key]), (where, key)
        for key, label in (("expected", "应达值"), ("gap", "差距")):
            for text in (flat[label], en[key]):
                assert rounds_to(text, row[key]), (where, key, text, row[key])
        for label, key in COLUMNS.items():
            assert flat[label] in (page[key], page[key].replace(",", "")), (
                where,
                label,
                flat[label],
                page[key],
            )
            if key not in ("status", "baseline", "target"):
                assert "," not in flat[label], (where, label, flat[label])
        # human-readable: markdown, HTML and the XLSX as Excel shows it read the same words
        for label, key in COLUMNS.items():
            value, number_format = sheet[label]
            text = displayed(value, number_format)
            assert md.get(label, "") == page[key] == text, (
                where,
                label,
                md.get(label),
                page[key],
                text,
            )
        assert page["status"] == STATUS_ZH[row["status"]], where
        assert page["share"] == _pct(row["share"]) and page["progress"] == _pct(row["progress"]), (
            where
        )
        if row["expected"] is None:
            assert page["expected"] == "", where
        else:  # the expected value in the plan's precision, as every format shows it
            assert rounds_to(page["expected"], row["expected"]), (where, page["expected"])
        assert_same_baseline(row, page["baseline"], flat["基期值"], where)
        assert_same_in_workbook(row, sheet, where)


def assert_same_baseline(row: dict, shown: str, in_csv: str, where: tuple) -> None:
    """The baseline as the plan prints it (a number where it prints one, with % for a %
    indicator), or where a baseline the plan does not print came from."""
    baseline = row["baseline"]
    raw = baseline["raw"].strip()
    if baseline["source"] not in ("plan", "none"):
        assert shown == in_csv and _is_provenance(shown, row), (where, shown)
    elif re.fullmatch(r"[+-]?\d+(?:\.\d+)?%?", raw):
        for text in (shown, in_csv):
            assert figure(text) == pytest.approx(figure(raw)), (where, text, raw)
        assert shown.endswith("%") == (raw.endswith("%") or row["unit"] == "%"), (where, shown)
    else:
        assert shown == in_csv == raw, where


def assert_same_in_workbook(row: dict, sheet: dict[str, tuple[object, str]], where: tuple) -> None:
    """The XLSX holds the same values, typed: statuses as text; progress and time share as
    fractions; the expected value as a number (a real percentage for a % indicator); the
    baseline as the plan prints it, a number where it is one."""
    assert sheet["状态"][0] == STATUS_ZH[row["status"]], where
    for label, key in (("时间进度", "share"), ("进度", "progress")):
        value, _ = sheet[label]
        if row[key] is None:
            assert value is None, (where, label, value)
            continue
        assert isinstance(value, int | float), (where, label, value)
        assert value == pytest.approx(row[key]), (where, label)
    value, _ = sheet["应达值"]
    if row["expected"] is None:
        assert value is None, (where, value)
    else:
        assert isinstance(value, int | float), (where, value)
        shown = displayed(value, sheet["应达值"][1])
        assert rounds_to(shown, row["expected"]), (where, shown)
    value, _ = sheet["基期值"]
    if isinstance(value, int | float):  # the plan prints a plain number, maybe with %
        raw = row["baseline"]["raw"].strip()
        assert row["baseline"]["source"] in ("plan", "none"), where
        scale = 100 if raw.endswith("%") or row["unit"] == "%" else 1
        assert value * scale == pytest.approx(figure(raw)), where
    else:
        assert _is_provenance(value, row), (where, value)


@pytest.mark.parametrize("plan", PLANS)
def test_every_format_shows_the_same_assessment(plan: str, tmp_path: Path) -> None:
    loaded = load_plan(plan).plan
    actuals = generated_actuals(loaded, tmp_path)
    assert_same_assessment(plan, actuals, tmp_path)


def test_generated_series_reach_every_case(tmp_path: Path) -> None:
    """The generated files are worth comparing: they hit every status and every provenance."""
    statuses, sources = set(), set()
    for plan in PLANS:
        loaded = load_plan(plan).plan
        actuals = generated_actuals(loaded, tmp_path)
        data = json.loads(run("check", plan, str(actuals), "--format", "json"))
        statuses |= {r["status"] for r in data["results"]}
        sources |= {r["baseline"]["source"] for r in data["results"]}
    assert statuses >= {"met", "on_track", "behind", "needs_review"}
    assert sources >= {"plan", "reported", "first_reported", "zero", "none"}


def test_a_filled_baseline_column_is_the_same_everywhere(tmp_path: Path) -> None:
    """The collection sheet's 基期值 (Hanzhong prints none) read back in every format."""
    template = tmp_path / "t.csv"
    assert runner.invoke(app, ["template", "hanzhong", "--regions", "全市,汉台区", "-o",
                               str(template)], catch_exceptions=False).exit_code == 0  # fmt: skip
    rows = list(csv.reader(io.StringIO(template.read_text(encoding="utf-8-sig"))))
    header = rows[0]
    base, y2023 = header.index("基期值"), header.index("2023")
    plan = load_plan("hanzhong").plan
    for row in rows[1:]:
        indicator = plan.indicator(row[0])
        if indicator.target.form == "number" and indicator.effective_kind == "level":
            t = indicator.target.value or 1.0
            row[base] = _num(t * 0.8)
            row[y2023] = _num(t * (0.9 if row[1] == "全市" else 0.85))
    filled = tmp_path / "filled.csv"
    with filled.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(rows)
    data = json.loads(run("check", "hanzhong", str(filled), "--format", "json"))
    judged = [r for r in data["results"] if r["status"] in ("on_track", "behind")]
    assert judged and all(r["baseline"]["source"] == "sheet" for r in judged)
    assert all(r["share"] == 0.6 for r in judged)
    assert_same_assessment("hanzhong", filled, tmp_path)


DECREASING_PLAN = """id: demo
name: 某市“十四五”卫生健康规划（生成示例）
level: city
region: 某市
period: {start: 2021, end: 2025}
baseline_year: 2020
domains: [病有所医]
indicators:
  - {id: infant_mortality, domain: 病有所医, name: 婴儿死亡率, unit: "‰", baseline: "6", target: "5以下", attribute: 约束性}
  - {id: maternal_mortality, domain: 病有所医, name: 孕产妇死亡率, unit: 1/10万, baseline: "9.5", target: "≤12", attribute: 约束性}
  - {id: beds, domain: 病有所医, name: 每千人口医疗卫生机构床位数, unit: 张, baseline: "6.2", target: "7.5左右", attribute: 预期性}
"""


def test_decreasing_and_approximate_targets_read_the_same_everywhere(tmp_path: Path) -> None:
    """Generated: less-is-better rates (one already under its cap) and a 左右 target."""
    plan = tmp_path / "demo.yaml"
    plan.write_text(DECREASING_PLAN, encoding="utf-8")
    rows = [
        "indicator,year,value,region",
        "infant_mortality,2022,5.6,全市", "infant_mortality,2023,5.4,甲区",
        "infant_mortality,2023,4.8,乙县",
        "maternal_mortality,2023,12.5,全市", "maternal_mortality,2023,8,甲区",
        "beds,2023,7.4,全市", "beds,2023,6.5,甲区", "beds,2023,8.0,乙县",
    ]  # fmt: skip
    actuals = tmp_path / "demo.csv"
    actuals.write_text("\n".join(rows) + "\n", encoding="utf-8")
    data = json.loads(run("check", str(plan), str(actuals), "--format", "json"))
    statuses = {(r["region"], r["id"]): r["status"] for r in data["results"]}
    # judged in 2023: the line from 6 (2020) down to 5 (2025) is at 5.4
    assert statuses[("全市", "infant_mortality")] == "behind"  # its latest figure, 5.6 (2022)
    assert statuses[("甲区", "infant_mortality")] == "on_track"  # 5.4: on the line
    assert statuses[("乙县", "infant_mortality")] == "met"
    assert statuses[("全市", "maternal_mortality")] == "behind"  # over a cap met at baseline
    assert statuses[("全市", "beds")] == "met"  # within 5 % of 7.5
    assert_same_assessment(str(plan), actuals, tmp_path)
