"""Figures handed to the library as a table in memory — a pandas or polars DataFrame, a list
of dicts — are read as the same table in a CSV file (a notebook trial: `psplan.check(plan,
df)` judged the DataFrame's column names as rows and failed with an AttributeError from deep
inside; `psplan.lint(plan, df)` said "指标: 文件不存在")."""

from __future__ import annotations

import csv
import math
from pathlib import Path

import pytest

import psplan

ROOT = Path(__file__).resolve().parents[1]
NATIONAL = ROOT / "examples" / "national-2023.csv"  # published figures (examples/SOURCES.md)


def _records() -> list[dict[str, str]]:
    with NATIONAL.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _judged(checked: psplan.Checked) -> list[dict]:
    """The results as JSON, without where each figure was read (a file, or the table)."""
    results = checked.to_dict()["results"]
    for result in results:
        for figure in result.get("observations", []):
            figure.pop("file", None)
    return results


def test_a_pandas_dataframe_is_judged_as_the_same_csv_file() -> None:
    pandas = pytest.importorskip("pandas")
    frame = pandas.read_csv(NATIONAL)
    from_file = psplan.check("national", NATIONAL)
    from_frame = psplan.check("national", frame)
    assert from_frame.summary() == from_file.summary()
    assert _judged(from_frame) == _judged(from_file)
    assert psplan.read_actuals(frame).source == "DataFrame"


def test_a_polars_dataframe_and_a_list_of_dicts_too() -> None:
    from_file = _judged(psplan.check("national", NATIONAL))
    assert _judged(psplan.check("national", _records())) == from_file
    polars = pytest.importorskip("polars")
    assert _judged(psplan.check("national", polars.read_csv(NATIONAL))) == from_file


def test_a_bad_row_is_named_by_its_line_as_in_the_csv_file() -> None:
    """The header is line 1, the first row line 2: the line the row has in the CSV file."""
    records = _records()
    records[2] = {**records[2], "indicator": "不存在的指标"}
    with pytest.raises(psplan.PsplanError) as raised:
        psplan.check("national", records)
    assert str(raised.value).startswith("records:4: 规划 national 中没有指标“不存在的指标”")


def test_empty_cells_nan_and_numpy_numbers_read_as_a_files_would(tmp_path: Path) -> None:
    pandas = pytest.importorskip("pandas")
    text = "地区,指标,年份,数值\n全国,人均预期寿命,2023,78.6\n全国,养老机构护理型床位占比,2023,\n"
    path = tmp_path / "a.csv"
    path.write_text(text, encoding="utf-8")
    frame = pandas.read_csv(path)  # 2023 as numpy int64, the empty value as NaN
    assert math.isnan(frame["数值"][1])
    from_file, from_frame = psplan.read_actuals(path), psplan.read_actuals(frame)
    assert [row.value for row in from_frame.figures] == [row.value for row in from_file.figures]
    assert [p.message.split(": ", 1)[1] for p in from_frame.warnings] == [
        p.message.split(": ", 1)[1] for p in from_file.warnings
    ]


def test_a_list_mixing_files_and_tables_is_one_dataset() -> None:
    records = _records()
    extra = [{"indicator": "人均体育场地面积", "year": "2021", "value": "2.41", "note": ""}]
    mixed = psplan.check("national", [NATIONAL, extra])
    assert mixed.summary() == psplan.check("national", [*records, *extra]).summary()


@pytest.mark.parametrize("given", [[1, 2], {"指标": "人均预期寿命"}, 42])
def test_anything_else_is_a_type_error_saying_what_may_be_given(given: object) -> None:
    with pytest.raises(TypeError, match=r"give a file .* a DataFrame, a list of dicts"):
        psplan.check("national", given)  # type: ignore[arg-type]


def test_lint_reads_a_table_as_check_does() -> None:
    pandas = pytest.importorskip("pandas")
    from_frame = psplan.lint("national", pandas.read_csv(NATIONAL))
    from_file = psplan.lint("national", NATIONAL)
    assert [p.code for p in from_frame] == [p.code for p in from_file]
    assert {p.location.file for p in from_frame} == {"DataFrame"}


def test_a_plan_an_indicator_and_a_result_print_as_one_line() -> None:
    """A notebook shows what a cell returns: `plan` printed 97,000 characters of fields."""
    plan = psplan.load_plan("hanzhong")
    assert repr(plan) == (
        "<Plan hanzhong 汉中市“十四五”公共服务规划 2021–2025: 31 indicators, 82 catalogue "
        "items, 43 commitments>"
    )
    assert repr(plan.indicators[0]) == (
        "<Indicator infant_care_places_per_1000 每千人口拥有3岁以下婴幼儿托位数: target 4.6 个, expected>"
    )
    checked = psplan.check(plan, ROOT / "examples" / "generated" / "hanzhong-counties.csv")
    first = checked.results[0]
    assert (
        repr(first) == f"<Result infant_care_places_per_1000 全市 2023: {first.status}, actual 4.4>"
    )


@pytest.mark.filterwarnings("ignore:Word 文档中的图未画出")  # (a machine without the font)
def test_a_checks_report_is_written_from_python_as_the_command_writes_it(tmp_path: Path) -> None:
    """A notebook trial found no way to the Word report but the command line."""
    from typer.testing import CliRunner

    from psplan.cli import app

    actuals = ROOT / "examples" / "generated" / "hanzhong-counties.csv"
    checked = psplan.check("hanzhong", actuals, region="全市", stage="mid")
    mine, theirs = tmp_path / "mine.md", tmp_path / "theirs.md"
    assert checked.write_report(mine) == mine
    done = CliRunner().invoke(app, ["report", "hanzhong", str(actuals), "--region", "全市",
                                    "--stage", "mid", "-o", str(theirs)])  # fmt: skip
    assert done.exit_code in (0, 1), done.output
    assert mine.read_text(encoding="utf-8") == theirs.read_text(encoding="utf-8")
    assert mine.read_text(encoding="utf-8").startswith("# 汉中市“十四五”公共服务规划中期评估报告")
    word = checked.write_report(tmp_path / "报告.docx")
    assert word.read_bytes()[:2] == b"PK"
    mine.write_text("已手工补全", encoding="utf-8")
    with pytest.raises(psplan.PsplanError, match="已存在，未覆盖"):
        checked.write_report(mine)
    assert mine.read_text(encoding="utf-8") == "已手工补全"
    checked.write_report(mine, overwrite=True)
    assert mine.read_text(encoding="utf-8") == theirs.read_text(encoding="utf-8")
    with pytest.raises(psplan.PsplanError, match=r"请以 .html .xlsx .md .docx 之一结尾"):
        checked.write_report(tmp_path / "报告.pdf")


def test_the_rows_carry_the_status_and_rating_in_words() -> None:
    """A notebook trial mapped 'not_met' to 未达标 by hand: the command's CSV has 状态 / 评价."""
    checked = psplan.check("national", NATIONAL)
    rows = checked.to_rows()
    assert {(row["status"], row["status_label"]) for row in rows} == {
        ("met", "已达标"),
        ("on_track", "进度正常"),
        ("behind", "进度滞后"),
        ("no_data", "无数据"),
    }
    assert {row["rating_label"] for row in rows if row["rating"] == "achieved_early"} == {
        "提前实现"
    }
    english = checked.to_rows("en")
    assert {row["status_label"] for row in english if row["status"] == "behind"} == {"behind"}
    keys = list(rows[0])
    assert keys[keys.index("status") + 1] == "status_label"


@pytest.mark.filterwarnings("ignore:Word 文档中的图未画出")  # (a machine without the font)
def test_a_report_judged_after_its_latest_figure_says_so_where_it_is_read(tmp_path: Path) -> None:
    """A 终期评估 of 2025 on figures ending in 2023 said so only on stderr: the Word report
    read 'completed 3, not completed 28' with nothing to explain it (a trial's finding)."""
    import docx

    actuals = ROOT / "examples" / "generated" / "hanzhong-counties.csv"  # 2021–2023
    final = psplan.check("hanzhong", actuals, region="全市", stage="final")
    assert (final.year, final.figures_end, final.judged_beyond_figures) == (2025, 2023, True)
    said = (
        "本次按2025年评价，但数据最晚到2023年：各指标按2023年及以前的数据评价，时间进度按2025年计。"
    )
    word = docx.Document(str(final.write_report(tmp_path / "终期评估.docx")))
    paragraphs = [p.text for p in word.paragraphs]
    assert paragraphs[1] == said  # under the title, once, before the overview's counts
    assert paragraphs.count(said) == 1
    import openpyxl

    book = openpyxl.load_workbook(final.write_report(tmp_path / "终期评估.xlsx"))
    cells = [c for sheet in book.worksheets for row in sheet.iter_rows(values_only=True)
             for c in row if c == said]  # fmt: skip
    assert len(cells) == 1  # the workbook has no overview: on its summary sheet
    text = final.write_report(tmp_path / "r.md", lang="en").read_text(encoding="utf-8")
    assert "This is judged as of 2025, but the figures end in 2023" in text
    annual = psplan.check("hanzhong", actuals, region="全市")  # 2023, its figures' own year
    assert not annual.judged_beyond_figures
    assert "数据最晚" not in annual.write_report(tmp_path / "a.md").read_text(encoding="utf-8")


def test_the_library_speaks_psplan_lang_as_the_command_does(monkeypatch) -> None:
    """With PSPLAN_LANG=en set, the API's words — rows, warnings, errors — were Chinese (a
    trial's finding); a `lang` that is neither zh nor en was a KeyError."""
    monkeypatch.setenv("PSPLAN_LANG", "en")
    checked = psplan.check("national", NATIONAL)
    assert {row["status_label"] for row in checked.to_rows() if row["status"] == "met"} == {"met"}
    assert checked.to_rows("zh")[0]["status_label"] == "无数据"  # asked for, as before
    with pytest.raises(psplan.PsplanError, match="no such file"):
        psplan.check("national", "nosuch.csv")
    monkeypatch.delenv("PSPLAN_LANG")
    assert checked.to_rows()[0]["status_label"] == "无数据"  # Chinese unless asked otherwise
    with pytest.raises(ValueError, match="lang: give 'zh' or 'en', not 'fr'"):
        checked.to_dict("fr")
