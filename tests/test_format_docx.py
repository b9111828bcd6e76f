"""The Word format (`psplan.formats.docx`): files read back with python-docx, in-process."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml.ns import qn
from docx.shared import Cm
from typer.testing import CliRunner

import psplan
from psplan.cli import app
from psplan.formats import BINARY, FORMATS, format_for_suffix, render
from psplan.views.assessment import assessment_view
from psplan.views.evaluation import evaluation_view
from psplan.views.model import Column, Paragraph, Section, Status, Table, Text, View
from psplan.views.numbers import Figure

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "national-2023.csv"


@pytest.fixture(scope="module")
def assessment():
    return psplan.check("national", str(EXAMPLE))


@pytest.fixture(scope="module")
def view(assessment):
    return assessment_view(assessment, "zh")


@pytest.fixture(scope="module")
def data(view):
    return render(view, "docx")


@pytest.fixture(scope="module")
def document(data):
    return docx.Document(io.BytesIO(data))


def _near(length, cm: float) -> bool:
    return abs(length - Cm(cm)) < Cm(0.05)


def test_registered():
    assert FORMATS["docx"] == (".docx",)
    assert "docx" in BINARY
    assert format_for_suffix(".DOCX") == "docx"


def test_bytes_and_deterministic(view, data):
    assert isinstance(data, bytes) and data[:2] == b"PK"
    assert render(view, "docx") == data


def test_title_and_core_properties(view, document):
    first = document.paragraphs[0]
    assert first.text == view.title
    assert first.style.name == "Title"
    assert document.core_properties.title == view.title
    assert document.core_properties.created.year == 2000


def test_headings_of_tables(view, document):
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings == [table.title for table in view.tables]
    texts = [p.text for p in document.paragraphs]
    for line in view.summary + view.notes:
        assert line in texts


def test_results_table(view, assessment, document):
    table = view.table("results")
    columns = [c.label for c in table.columns]
    grids = [t for t in document.tables if "状态" in [c.text for c in t.rows[0].cells]]
    grid = next(g for g in grids if len(g.rows) == len(assessment.results) + 1)
    header = [c.text for c in grid.rows[0].cells]
    for label in ("领域", "指标", "目标值", "状态"):
        assert label in header and label in columns
    assert header[-1] == "备注"
    status = header.index("状态")
    got = [row.cells[status].text for row in grid.rows[1:]]
    want = [psplan_status_label(view, table, i) for i in range(len(table.rows))]
    assert got == want
    # the header row is repeated on every page
    tr_pr = grid.rows[0]._tr.trPr
    assert tr_pr is not None and tr_pr.find(qn("w:tblHeader")) is not None


def psplan_status_label(view, table, index):
    cell = table.rows[index][table.column("status")]
    assert isinstance(cell, Status)
    return cell.label


def test_statuses_match_assessment(view, assessment, document):
    """One row per result, its status the label of the result's status, in order."""
    table = view.table("results")
    column = table.column("status")
    codes = [row[column].code for row in table.rows]
    assert codes == [str(getattr(r.status, "value", r.status)) for r in assessment.results]


def test_page_a4_and_fonts(document):
    section = document.sections[0]
    sides = sorted([section.page_width, section.page_height])
    assert _near(sides[0], 21.0) and _near(sides[1], 29.7)
    # the results table has more than 8 columns: the document is landscape
    assert section.page_width > section.page_height
    normal = document.styles["Normal"]
    fonts = normal.element.rPr.rFonts
    assert fonts.get(qn("w:eastAsia")) == "仿宋_GB2312"
    assert fonts.get(qn("w:ascii")) == "Times New Roman"
    title = document.styles["Title"].element.rPr.rFonts
    assert title.get(qn("w:eastAsia")) == "方正小标宋简体"
    assert document.styles["Heading 1"].element.rPr.rFonts.get(qn("w:eastAsia")) == "黑体"


def _small_view() -> View:
    table = Table(
        key="t",
        title="主要指标",
        columns=(Column("name", "指标", wide=True), Column("v", "数值"), Column("e", "空")),
        rows=[(Text("托位数", "bold"), Figure(4.5, "0.0", "4.5"), None), ("床位\x1b数", 3, None)],
        notes={1: ["附注一"]},
    )
    sections = [
        Section(
            title="一、总体情况",
            paragraphs=[
                Paragraph(
                    (Text("原因分析：", "bold"), "进展顺利，", Text("【待填写】", "placeholder"))
                ),
                "第二段。",
            ],
            tables=["t"],
        ),
        Section(title="（一）分项", level=2),
    ]
    return View(
        kind="report", title="评估报告", lang="zh", data={}, tables=[table], sections=sections
    )


def test_sections():
    document = docx.Document(io.BytesIO(render(_small_view(), "docx")))
    paragraphs = document.paragraphs
    assert paragraphs[0].text == "评估报告"
    h1 = next(p for p in paragraphs if p.text == "一、总体情况")
    assert h1.style.name == "Heading 1"
    assert next(p for p in paragraphs if p.text == "（一）分项").style.name == "Heading 2"
    assert next(p for p in paragraphs if p.text == "主要指标").style.name == "Heading 2"
    prose = next(p for p in paragraphs if p.text.startswith("原因分析："))
    assert prose.text == "原因分析：进展顺利，【待填写】"
    assert prose.runs[0].bold
    placeholder = prose.runs[-1]
    assert placeholder.text == "【待填写】"
    assert placeholder.font.highlight_color == WD_COLOR_INDEX.YELLOW
    assert "第二段。" in [p.text for p in paragraphs]
    # portrait: three columns, GB/T 9704 margins
    section = document.sections[0]
    assert _near(section.page_width, 21.0) and _near(section.page_height, 29.7)
    assert _near(section.top_margin, 3.7) and _near(section.left_margin, 2.8)
    # the empty column is left out, notes in a last column, control characters shown
    (grid,) = document.tables
    assert [c.text for c in grid.rows[0].cells] == ["指标", "数值", "备注"]
    assert [c.text for c in grid.rows[2].cells] == ["床位<U+001B>数", "3", "附注一"]
    assert grid.rows[1].cells[0].paragraphs[0].runs[0].bold


def test_cli_writes_docx(tmp_path):
    out = tmp_path / "r.docx"
    result = CliRunner().invoke(app, ["check", "national", str(EXAMPLE), "-o", str(out)])
    assert result.exit_code in (0, 1), result.output
    document = docx.Document(str(out))
    assert document.paragraphs[0].text.startswith("“十四五”")
    assert len(document.tables) >= 1


def test_columns_are_as_wide_as_what_they_hold() -> None:
    """The evaluation report's main table: the indicator names get the room (Word would
    otherwise give every column the same width), a figure or a year what it needs, and the
    columns fill the text width."""
    import io

    import docx

    import psplan
    from psplan.formats import render
    from psplan.views.evaluation import evaluation_view

    view = evaluation_view(psplan.check("national", "examples/national-2023.csv", stage="mid"))
    document = docx.Document(io.BytesIO(render(view, "docx")))
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "序号")
    headers = [cell.text for cell in table.rows[0].cells]
    widths = dict(zip(headers, (column.width for column in table.columns), strict=True))
    assert widths["指标"] > 2 * widths["序号"] and widths["指标"] > widths["2023年"]
    section = document.sections[-1]
    room = section.page_width - section.left_margin - section.right_margin
    assert abs(sum(widths.values()) - room) <= 635 * len(widths)  # rounded to twips (635 EMU)


def test_no_column_of_a_report_is_narrower_than_a_character(tmp_path: Path) -> None:
    """The final report's annex (twenty columns, on a landscape page) had its names' columns
    0.1–0.3 cm wide — 指标 0.32 cm in the bundled example's —, narrower than one Chinese
    character and its cell's margins, while 属性 and 单位 had 1.61 cm (trial 18). Every
    column of every table holds a character beside its margins (twenty columns need more
    than a landscape page: each gets its share of the least it needs, two characters or
    four for a name), the names more than a unit, and the columns fill the text width."""
    document = docx.Document(io.BytesIO(_evaluation_docx("final")))
    section = document.sections[-1]
    room = section.page_width - section.left_margin - section.right_margin
    widest = max(len(table.columns) for table in document.tables)
    assert widest >= 15  # the annex is among them
    for table in document.tables:
        headers = [cell.text for cell in table.rows[0].cells]
        widths = [column.width for column in table.columns]
        assert abs(sum(widths) - room) <= 635 * len(widths), headers
        for header, width in zip(headers, widths, strict=True):
            # a cell's margins (11 pt) and a character at 10.5 pt
            assert width > Cm(0.39) + Cm(0.37), (header, width / 360000, headers)
        if "指标" in headers and "单位" in headers:
            named = dict(zip(headers, widths, strict=True))
            assert named["指标"] > named["单位"], headers


# ------------------------------------------------------------------ the chart as a picture


def _evaluation_docx(stage: str = "mid") -> bytes:
    from psplan.views.evaluation import evaluation_view

    report = psplan.check("national", ROOT / "examples" / "national-2023.csv", stage=stage)
    return render(evaluation_view(report, "zh"), "docx")


def test_evaluation_report_draws_progress_by_domain_as_a_picture() -> None:
    from psplan.formats.chart_png import cjk_font

    if cjk_font() is None:
        pytest.skip("no font with the Chinese characters installed (apt install fonts-noto-cjk)")
    data = _evaluation_docx()
    document = docx.Document(io.BytesIO(data))
    pictures = document.inline_shapes  # by domain (main indicators), by indicator (details)
    assert len(pictures) == 2
    assert abs(pictures[0].width - Cm(16.0)) < Cm(0.01)
    # its paragraph is single-spaced: the body's exact 28 pt would clip it to one line
    holder = next(p for p in document.paragraphs if p._p.xpath(".//pic:pic"))
    assert holder.paragraph_format.line_spacing == 1.0
    blip = pictures[0]._inline.graphic.graphicData.pic.blipFill.blip
    png = document.part.related_parts[blip.embed].blob
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and b"Software" not in png  # no version stamped
    # the bars' figures are in the table of the domains above the picture, one row per domain,
    # with the counts behind each average (有进度数据, 滞后或未达标: trial 11, D4)
    domains = next(t for t in document.tables if t.rows[0].cells[0].text == "领域")
    assert [c.text for c in domains.rows[0].cells] == [
        "领域",
        "指标数",
        "有进度数据",
        "平均进度",
        "时间进度",
        "滞后或未达标",
    ]
    plan = psplan.load_plan("national")
    with_indicators = [d for d in plan.domains if any(i.domain == d for i in plan.indicators)]
    assert [row.cells[0].text for row in domains.rows[1:]] == with_indicators
    assert _evaluation_docx() == data  # the same bytes, picture and all


def test_without_a_chinese_font_the_chart_is_its_table_alone(monkeypatch) -> None:
    from psplan.formats import chart_png

    monkeypatch.setattr(chart_png, "cjk_font", lambda: None)
    document = docx.Document(io.BytesIO(_evaluation_docx()))
    assert len(document.inline_shapes) == 0
    assert any(t.rows[0].cells[0].text == "项目" for t in document.tables)


def test_a_chart_of_more_bars_than_a_page_holds_is_its_table_alone() -> None:
    from psplan.formats.chart_png import MAX_BARS, progress_png
    from psplan.views.model import Bar, Chart

    bars = [Bar(f"县{n}", 0.5, 0.6, "behind") for n in range(MAX_BARS + 1)]
    assert progress_png(Chart("progress", "进度", bars), "进度", "时间进度") is None


def test_a_county_scale_table_is_named_not_listed_in_word() -> None:
    from psplan.formats.docx import ROWS_LIMIT

    columns = (Column("region", "地区"), Column("status", "状态"))
    big = Table("results", "全部指标", columns,
                [(f"县{n}", Status("met", "已达标")) for n in range(ROWS_LIMIT + 1)])  # fmt: skip
    document = docx.Document(io.BytesIO(render(View("assessment", "报告", "zh", None, [big]),
                                               "docx")))  # fmt: skip
    texts = [p.text for p in document.paragraphs]
    assert "全部指标" in texts and document.tables == []
    assert (
        "本表超过 1,000 行，文档中不逐行列出；完整表格请输出 CSV（-o 结果.csv）或 XLSX。" in texts
    )


def test_a_judged_indicator_without_a_progress_figure_is_named_under_the_chart(
    tmp_path: Path,
) -> None:
    """汉中's 学前教育毛入园率 (>98.6) reported at 98.6 at the end: 未达标, and no progress figure
    (100 % would read as done). The chart of progress by indicator left it out in silence
    (trial 11, D4): the line under it names it, in the Word report and the page alike
    (GENERATED figures)."""
    figures = tmp_path / "f.csv"
    figures.write_text(
        "指标,年份,数值\n学前教育毛入园率,2021,95\n学前教育毛入园率,2025,98.6\n"
        "九年义务教育巩固率,2021,95\n九年义务教育巩固率,2025,96\n",
        encoding="utf-8",
    )
    report = psplan.check("hanzhong", figures, stage="final")
    said = "另有 1 项已作出评价但没有进度数据，未列入本图：学前教育毛入园率（未达标）"
    document = docx.Document(io.BytesIO(render(evaluation_view(report, "zh"), "docx")))
    assert said in [p.text for p in document.paragraphs]
    assert f'<p class="note">{said}</p>' in render(evaluation_view(report, "zh"), "html")
    english = render(evaluation_view(report, "en"), "html")
    assert "1 more judged without a progress figure, not drawn: " in english
