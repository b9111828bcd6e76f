"""`psplan import`: a plan document's main indicator table into a draft plan file.

Two kinds of evidence: each bundled plan's main table, written as a Word table, an Excel sheet
and an HTML table in the layout the source documents use (a 领域 column printed on a group's
first row only, the unit in parentheses after the name, the attribute column), reads back to
the same rows as data/*.yaml, field by field; and the text of the source documents (as PDF
and Word convert to) reads back to the plan files for the national, 滁州 and 宿州 tables, each
row at the line the plan file points at.
"""

from __future__ import annotations

import html
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

import psplan
from psplan.cli import app
from psplan.plan.documents import read_tables
from psplan.plan.importing import draft_plan
from psplan.words import use_lang

from conftest import PLANS, SEEDS

runner = CliRunner()
ATTRIBUTE = {"binding": "约束性", "expected": "预期性"}


def expected_rows(plan: str) -> list[tuple]:
    """(domain, name, unit, baseline, target, attribute, marker) of each row of a plan file."""
    return [
        (i.domain, i.name, i.unit, i.baseline.raw, i.target.raw,
         i.attribute_printed or ATTRIBUTE[i.attribute], i.marker)
        for i in psplan.load_plan(plan).indicators
    ]  # fmt: skip


def imported_rows(draft: dict) -> list[tuple]:
    return [
        (r["domain"], r["name"], r.get("unit"), r.get("baseline", ""), r.get("target", ""),
         r.get("attribute_printed", r["attribute"]), r.get("marker"))
        for r in draft["indicators"]
    ]  # fmt: skip


def layout(plan: str) -> tuple[list[str], list[list[str]]]:
    """The plan's main table as the documents print it: header, then one row per indicator,
    the domain only on its group's first row, the unit in （） after the name (a marker after
    it), the baseline column only where the plan prints baselines."""
    p = psplan.load_plan(plan)
    with_baseline = any(i.baseline.raw for i in p.indicators)
    header = ["领域", "指标", *([f"{p.baseline_year}年"] if with_baseline else []),
              f"{p.period.end}年", "属性"]  # fmt: skip
    rows, last = [], None
    for i in p.indicators:
        name = i.name + (f"（{i.unit}）" if i.unit else "") + (i.marker or "")
        figures = [i.baseline.raw] if with_baseline else []
        rows.append([i.domain if i.domain != last else "", name, *figures, i.target.raw,
                     i.attribute_printed or ATTRIBUTE[i.attribute]])  # fmt: skip
        last = i.domain
    return header, rows


def write_docx(path: Path, header: list[str], rows: list[list[str]]) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("滁州市“十四五”公共服务规划")
    document.add_paragraph("专栏 “十四五”主要指标")
    table = document.add_table(rows=1 + len(rows), cols=len(header))
    for column, text in enumerate(header):
        table.cell(0, column).text = text
    start = 1
    for index, row in enumerate(rows, start=1):
        for column, text in enumerate(row):
            if column or text:
                table.cell(index, column).text = text
        if index == len(rows) or rows[index][0]:  # the end of a domain's group: merge it
            if index > start:
                table.cell(start, 0).merge(table.cell(index, 0))
            start = index + 1
    document.save(path)


def write_xlsx(path: Path, header: list[str], rows: list[list[str]]) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["“十四五”主要指标"])
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    start = 3
    for index in range(3, len(rows) + 3):  # merge each domain's cells, as people do
        if index - 2 == len(rows) or rows[index - 2][0]:
            if index > start:
                sheet.merge_cells(start_row=start, end_row=index, start_column=1, end_column=1)
            start = index + 1
    book.save(path)


def write_html(path: Path, header: list[str], rows: list[list[str]]) -> None:
    lines = ["<html><body><p>主要指标</p><table>",
             "<tr>" + "".join(f"<th>{html.escape(h)}</th>" for h in header) + "</tr>"]  # fmt: skip
    for index, row in enumerate(rows):
        cells = []
        if row[0]:
            span = 1
            while index + span < len(rows) and not rows[index + span][0]:
                span += 1
            cells.append(f'<td rowspan="{span}">{html.escape(row[0])}</td>')
        cells += [f"<td>{html.escape(text)}</td>" for text in row[1:]]
        lines.append("<tr>" + "".join(cells) + "</tr>")
    path.write_text("\n".join([*lines, "</table></body></html>"]), encoding="utf-8")


WRITERS = {".docx": write_docx, ".xlsx": write_xlsx, ".html": write_html}


@pytest.mark.parametrize("suffix", list(WRITERS))
@pytest.mark.parametrize("plan", PLANS)
def test_a_main_table_in_a_document_reads_back_to_the_plan_file(
    plan: str, suffix: str, tmp_path: Path
) -> None:
    path = tmp_path / f"{plan}{suffix}"
    WRITERS[suffix](path, *layout(plan))
    draft = draft_plan(read_tables(path), f"{plan}-draft", path.name)
    assert imported_rows(draft) == expected_rows(plan)
    p = psplan.load_plan(plan)
    assert draft["period"] == {"start": p.period.start, "end": p.period.end}
    assert draft["baseline_year"] == p.baseline_year
    first = 3 if suffix == ".xlsx" else 2  # the row of the first indicator
    assert [r["source"]["line"] for r in draft["indicators"]] == list(
        range(first, first + len(p.indicators))
    )


@pytest.mark.skipif(not SEEDS.is_dir(), reason="source documents (../shared/seeds) not present")
@pytest.mark.parametrize("plan", PLANS)
def test_the_text_of_a_source_document_reads_back_to_the_plan_file(plan: str) -> None:
    """Each source document's text (as PDF and Word convert to: a table a line per row, a
    block of lines per row, or pipes; rows broken over lines, a page's text in between) gives
    the plan file's rows, each at the line the plan file points at. 安康's two rows whose
    printing the plan file had to resolve differ, and the draft's notes say why."""
    p = psplan.load_plan(plan)
    draft = draft_plan(read_tables(SEEDS / p.source.file), plan, p.source.file)
    assert [r["source"]["line"] for r in draft["indicators"]] == [
        i.source.line for i in p.indicators
    ]
    assert (draft["period"], draft["baseline_year"]) == (
        {"start": p.period.start, "end": p.period.end}, p.baseline_year
    )  # fmt: skip
    differ = {
        row["source"]["line"]: row.get("notes", [])
        for row, got, want in zip(draft["indicators"], imported_rows(draft), expected_rows(plan),
                                  strict=True)
        if got != want
    }  # fmt: skip
    if plan != "ankang":
        assert differ == {}
        assert not any(r.get("notes") for r in draft["indicators"])
        return
    assert differ == {
        151: ["名称“九年义务教育学龄人口入学率%）”以没有左括号的右括号结尾：没有从中分出单位"],
        156: ["单位“不含技工”取自名称最后的括号：请核对"],
    }  # fmt: skip
    split = [r for r in draft["indicators"] if r.get("attribute_printed") == "约束性（预期性）"]
    assert [r["source"]["line"] for r in split] == [227, 233]  # the cell broken onto two lines


@pytest.mark.skipif(not SEEDS.is_dir(), reason="source documents (../shared/seeds) not present")
def test_the_notes_say_where_a_printing_was_read_as_something_else() -> None:
    """汉中 prints the domain row 文体服务保障（%）: read as the domain, and said."""
    p = psplan.load_plan("hanzhong")
    draft = draft_plan(read_tables(SEEDS / p.source.file), "hanzhong", p.source.file)
    assert draft["notes"][1:] == [
        "第 593 行的领域行印为“文体服务保障（%）”：按“文体服务保障”读取，括号部分略去。"
    ]
    with use_lang("en"):  # the notes are in the command's language
        english = draft_plan(read_tables(SEEDS / p.source.file), "hanzhong", p.source.file)
    assert english["notes"][1:] == [
        "The domain row at line 593 prints '文体服务保障（%）': read as '文体服务保障', the "
        "brackets left out."
    ]


def test_a_document_without_a_main_table_says_so_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text(
        "第一章 规划背景\n到2025年，基本公共服务均等化水平明显提高。\n", encoding="utf-8"
    )
    result = runner.invoke(app, ["import", str(path), "-o", str(tmp_path / "x.yaml")])
    assert result.exit_code == 2
    assert "没有找到主要指标表" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "x.yaml").exists()


def test_a_cell_it_cannot_read_is_a_note_never_a_guess(tmp_path: Path) -> None:
    header, rows = layout("suzhou")
    rows[0][3] = "大约三点五"  # the target of the first row
    rows[1][4] = "约束"  # an attribute cut short
    path = tmp_path / "suzhou.html"
    write_html(path, header, rows)
    out = tmp_path / "draft.yaml"
    result = runner.invoke(app, ["import", str(path), "-o", str(out), "--id", "suzhou-draft"])
    assert result.exit_code == 0, result.output
    draft = yaml.safe_load(out.read_text(encoding="utf-8"))
    first, second = draft["indicators"][:2]
    assert "target" not in first
    assert first["notes"] == [
        "目标值单元格“大约三点五”没有读取：无法将“大约三点五”识别为目标值：既不是数字、比较符号，"
        "也不是可识别的文字"
    ]
    # an attribute printed but not read is written as printed, never taken for 预期性 (a
    # binding row read so would never fail a check): validate refuses it until corrected
    assert second["attribute"] == "约束"
    assert second["notes"] == ["属性单元格“约束”既不是约束性也不是预期性：按原样写入，待更正"]
    checked = runner.invoke(app, ["validate", str(out)])
    assert checked.exit_code == 2
    assert "属性应为“约束性”或“预期性”（binding/expected），而不是“约束”" in checked.output
    # corrected, the draft validates (a draft's row without a target is a warning)
    out.write_text(out.read_text(encoding="utf-8").replace("attribute: 约束\n",
                                                          "attribute: 约束性\n"), encoding="utf-8")  # fmt: skip
    assert runner.invoke(app, ["validate", str(out)]).exit_code == 0
    assert runner.invoke(app, ["validate", "--strict", str(out)]).exit_code == 2
    again = runner.invoke(app, ["import", str(path), "-o", str(out)])
    assert again.exit_code == 2 and "已存在" in again.stderr


def test_an_attribute_misprinted_by_a_character_still_ends_its_row(tmp_path: Path) -> None:
    """A text table's row ends at its attribute: 约東性 (束 misprinted 東) joined a row to the
    next one, into one indicator named 养老机构护理型床位占比％56＞80约東性每千名… without a
    word (a trial's finding). The typo now ends its row and is written as printed."""
    text = (
        "专栏 1 主要指标\n"
        "领域 指标名称 单位 2025年 2030年 属性\n"
        "老有所养 养老机构护理型床位占比 ％ 56 ＞80 约東性\n"
        "每千名老年人拥有养老床位数 张 44 年均增长3% 预期性\n"
        "学前教育毛入园率 ％ 98.9 ≥99％ 預期性\n"
    )
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "draft.yaml"
    assert runner.invoke(app, ["import", str(path), "-o", str(out)]).exit_code == 0
    rows = yaml.safe_load(out.read_text(encoding="utf-8"))["indicators"]
    assert [(row["name"], row["attribute"]) for row in rows] == [
        ("养老机构护理型床位占比", "约東性"),
        ("每千名老年人拥有养老床位数", "预期性"),
        ("学前教育毛入园率", "預期性"),
    ]
    assert rows[0]["unit"] == "％" and rows[0]["target"] == "＞80"  # as printed


def test_a_unit_printed_with_the_full_width_percent_sign_is_percent(tmp_path: Path) -> None:
    """Import writes ％ as printed; validate refused it beside a ≥99％ target ("单位是 %，但
    指标单位是“％”"), and every check of a share looks for %."""
    text = "专栏 1 主要指标\n领域 指标名称 单位 2025年 2030年 属性\n学有所教 学前教育毛入园率 ％ 98.9 ≥99％ 预期性\n九年义务教育巩固率 ％ 98.2 提高1个百分点 约束性\n"
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "draft.yaml"
    assert runner.invoke(app, ["import", str(path), "-o", str(out)]).exit_code == 0
    done = runner.invoke(app, ["validate", str(out)])
    assert done.exit_code == 0 and "unit-mismatch" not in done.output, done.output
    plan = psplan.load_plan(str(out))
    assert [indicator.unit for indicator in plan.indicators] == ["%", "%"]


def test_a_file_that_is_no_document_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "plan.docx"
    path.write_bytes(b"not a zip")
    result = runner.invoke(app, ["import", str(path), "-o", str(tmp_path / "d.yaml")])
    assert result.exit_code == 2 and "无法读取文档" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    other = tmp_path / "plan.pdf"
    other.write_bytes(b"%PDF")
    result = runner.invoke(app, ["import", str(other), "-o", str(tmp_path / "d.yaml")])
    assert result.exit_code == 2 and ".docx .xlsx .html" in result.stderr


def test_a_gbk_page_saved_from_a_government_site_imports(tmp_path: Path) -> None:
    header, rows = layout("suzhou")
    path = tmp_path / "suzhou.html"
    write_html(path, header, rows)
    text = path.read_text(encoding="utf-8").replace("<html>", '<html><meta charset="gb2312">')
    path.write_bytes(text.encode("gb18030"))
    draft = draft_plan(read_tables(path), "suzhou-draft", path.name)
    assert imported_rows(draft) == expected_rows("suzhou")


def test_a_draft_is_written_only_to_a_yaml_file(tmp_path: Path) -> None:
    header, rows = layout("suzhou")
    path = tmp_path / "suzhou.html"
    write_html(path, header, rows)
    result = runner.invoke(app, ["import", str(path), "-o", str(tmp_path / "draft.json")])
    assert result.exit_code == 2 and "请以 .yaml 结尾" in result.stderr
    assert not (tmp_path / "draft.json").exists()


def test_the_draft_takes_the_plans_title_and_level_from_the_document(tmp_path: Path) -> None:
    from psplan.plan.documents import document_title

    path = tmp_path / "chuzhou.docx"
    write_docx(path, *layout("chuzhou"))
    assert document_title(path) == "滁州市“十四五”公共服务规划"
    out = tmp_path / "draft.yaml"
    assert runner.invoke(app, ["import", str(path), "-o", str(out)]).exit_code == 0
    draft = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert (draft["name"], draft["level"]) == ("滁州市“十四五”公共服务规划", "city")
    if SEEDS.is_dir():  # the national text prints its title on line 9
        assert document_title(SEEDS / "002_5721cded6adf9af8.txt") == "“十四五”公共服务规划"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="source documents (../shared/seeds) not present")
def test_the_numbered_footnotes_under_a_table_are_kept() -> None:
    """The national text prints six numbered footnotes under its table, one broken over two
    lines: each is one footnote of the draft, as printed (spaces of the conversion aside)."""
    draft = draft_plan(read_tables(SEEDS / "002_5721cded6adf9af8.txt"), "n", "n.txt")
    assert [note.split(".")[0] for note in draft["footnotes"]] == ["1", "2", "3", "4", "5", "6"]
    printed = psplan.load_plan("national").footnotes
    squash = lambda text: "".join(text.split())  # noqa: E731
    assert [squash(note) for note in draft["footnotes"]] == [squash(n) for n in printed]


def test_a_footnote_mark_after_a_name_is_the_rows_marker_beside_a_unit_column(
    tmp_path: Path,
) -> None:
    """With a unit column of its own, 人均预期寿命** kept its asterisks in the name, and a
    figure reported as 人均预期寿命 matched no indicator (a trial's finding)."""
    text = (
        "专栏 1 主要指标\n"
        "领域 指标名称 单位 2025年 2030年 属性\n"
        "学有所教 劳动年龄人口平均受教育年限 * 年 13.4 14 约束性\n"
        "病有所医 人均预期寿命 ** 岁 76.8 79 预期性\n"
        "注：1. 带*的为 2024 年数据。\n"
    )
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "draft.yaml"
    assert runner.invoke(app, ["import", str(path), "-o", str(out)]).exit_code == 0
    rows = yaml.safe_load(out.read_text(encoding="utf-8"))["indicators"]
    assert [(r["name"], r["unit"], r.get("marker")) for r in rows] == [
        ("劳动年龄人口平均受教育年限", "年", "*"),
        ("人均预期寿命", "岁", "**"),
    ]
    figures = tmp_path / "a.csv"
    figures.write_text("指标,年份,数值\n人均预期寿命,2026,77.1\n", encoding="utf-8")
    assert runner.invoke(app, ["check", str(out), str(figures)]).exit_code in (0, 1)


@pytest.mark.parametrize("suffix", [".docx", ".html"])
def test_the_footnotes_under_a_word_or_html_table_are_kept(tmp_path: Path, suffix: str) -> None:
    """The national table's six footnotes printed under it as paragraphs (注：1. … then 2. …
    each on its own): a .txt import kept them, a .docx or .html one recorded `footnotes: []`
    (a trial's finding). The paragraph after them is no footnote."""
    header, rows = layout("national")
    printed = psplan.load_plan("national").footnotes
    paragraphs = [f"注：{printed[0]}", *printed[1:], "第三章 推进基本公共服务均等化"]
    path = tmp_path / f"national{suffix}"
    if suffix == ".docx":
        import docx

        write_docx(path, header, rows)
        document = docx.Document(str(path))
        for text in paragraphs:
            document.add_paragraph(text)
        document.save(str(path))
    else:
        write_html(path, header, rows)
        page = path.read_text(encoding="utf-8").replace(
            "</table>", "</table>" + "".join(f"<p>{html.escape(t)}</p>" for t in paragraphs)
        )
        path.write_text(page, encoding="utf-8")
    out = tmp_path / "draft.yaml"
    assert runner.invoke(app, ["import", str(path), "-o", str(out)]).exit_code == 0
    draft = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert draft["footnotes"] == [f"注：{printed[0]}", *printed[1:]]
    assert len(draft["indicators"]) == len(rows)
