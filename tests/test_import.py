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
@pytest.mark.parametrize("plan", ["national", "chuzhou", "suzhou"])
def test_the_text_of_a_source_document_reads_back_to_the_plan_file(plan: str) -> None:
    p = psplan.load_plan(plan)
    draft = draft_plan(read_tables(SEEDS / p.source.file), plan, p.source.file)
    assert imported_rows(draft) == expected_rows(plan)
    assert [r["source"]["line"] for r in draft["indicators"]] == [
        i.source.line for i in p.indicators
    ]
    assert (draft["period"], draft["baseline_year"]) == (
        {"start": p.period.start, "end": p.period.end}, p.baseline_year
    )  # fmt: skip
    assert not any(r.get("notes") for r in draft["indicators"])


@pytest.mark.skipif(not SEEDS.is_dir(), reason="source documents (../shared/seeds) not present")
@pytest.mark.parametrize(
    ("plan", "says"),
    [("hanzhong", "没有找到主要指标表"), ("ankang", "第57行的表头之下没有可读取的指标行")],
)
def test_a_text_whose_table_cannot_be_read_says_so_in_one_line(plan: str, says: str) -> None:
    """汉中's table lost its cell boundaries in the conversion (header and cells run together
    on lines, split by spaces inside words); 安康's header is followed by a block of stray Word
    annotations: the import says where it stopped, and writes nothing."""
    p = psplan.load_plan(plan)
    result = runner.invoke(app, ["import", str(SEEDS / p.source.file), "-o", "x.yaml"])
    assert result.exit_code == 2
    assert says in result.stderr and len(result.stderr.strip().splitlines()) == 1


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
        "target cell '大约三点五' not read: cannot read '大约三点五' as a target: not a number, "
        "comparator or known text"
    ]
    assert second["attribute"] == "预期性"
    assert "attribute cell '约束' is neither 约束性 nor 预期性" in second["notes"]
    # the draft validates (a draft's row without a target is a warning) and is not overwritten
    assert runner.invoke(app, ["validate", str(out)]).exit_code == 0
    assert runner.invoke(app, ["validate", "--strict", str(out)]).exit_code == 2
    again = runner.invoke(app, ["import", str(path), "-o", str(out)])
    assert again.exit_code == 2 and "已存在" in again.stderr


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
