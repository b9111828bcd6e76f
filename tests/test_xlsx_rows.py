"""A large sheet's rows written as XML (`formats.xlsx_rows`) read as XlsxWriter writes them.

The county-scale workbooks are written so; here a small view is written both ways (the
threshold set to nothing) and read back with openpyxl, cell by cell, for the cells that
XML can get wrong: markup characters, spaces at either end, lines, Excel's own `_xHHHH_`
escapes, control characters, formula-like text, infinities, booleans, empty and input
cells, statuses, bold text, notes and wrapped rows.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from psplan.formats import xlsx, xlsx_rows
from psplan.views.model import Column, Status, Table, Text, View
from psplan.views.numbers import Figure

HOSTILE = [
    "a & b < c > d \"e\" 'f'",
    "  leading and trailing  ",
    "two\nlines",
    "_x0041_ stays as typed",
    "bell\x07 and nul\x00",
    "=1+1",
    "@SUM(A1)",
    "非字符\ufffe",
    "<r>县</r>",  # XlsxWriter's own rich-string XML, were it not escaped
    "长" * 80,  # wraps: a tall row
    "",
]


def _view() -> View:
    columns = (
        Column("domain", "领域"),
        Column("name", "名称", wide=True),
        Column("figure", "数值"),
        Column("status", "状态"),
        Column("flag", "flag"),
        Column("input", "填写", input=True, hint="标题\n填写说明"),
    )
    rows = []
    for index, text in enumerate(HOSTILE * 3):
        figure = (
            Figure(float("inf"), "0.00", "∞") if index == 4 else Figure(0.1 * index, "0.0%", "")
        )
        rows.append((
            "幼有所育" if index % 2 else Text("学有所教", "bold"),
            text,
            figure if index % 3 else 1234567.125,
            Status("lagging", "进度滞后") if index % 2 else Status("met", "已达标"),
            index % 4 == 0 if index % 5 else None,
            None,
        ))  # fmt: skip
    results = Table("results", "全部指标", columns, rows, group="domain",
                    notes={1: ["转录说明：x & y", "第二行"]}, noted=True)  # fmt: skip
    matrix_columns = (Column("region", "地区"), Column("a", "指标甲"), Column("b", "指标乙"))
    matrix_rows = [
        (f"县{i}" if i % 3 else HOSTILE[i % len(HOSTILE)] or "空",
         Status("met", "已达标"), Status("lagging", "进度滞后") if i % 2 else Status("x", "—"))
        for i in range(12)
    ]  # fmt: skip
    matrix = Table("matrix", "各地区指标状态", matrix_columns, matrix_rows, matrix=True)
    return View("check", "标题 & <测试>", "zh", {}, tables=[results, matrix])


def test_rows_as_xml_read_as_xlsxwriter_writes_them(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from test_formats import _workbook_facts

    whole = xlsx.render(_view())
    monkeypatch.setattr(xlsx, "XLSXWRITER_CELLS", 0)
    spliced = xlsx.render(_view())
    with zipfile.ZipFile(io.BytesIO(spliced)) as parts:
        sheets = [name for name in parts.namelist() if name.startswith("xl/worksheets/sheet")]
        assert all('t="inlineStr"' in parts.read(name).decode() for name in sheets)
    assert _values(whole, tmp_path) == _values(spliced, tmp_path)
    assert _styled(_workbook_facts(whole)) == _styled(_workbook_facts(spliced))
    facts = _workbook_facts(spliced)
    cells = facts["全部指标"]["cells"]
    for book in (whole, spliced):
        read = {value for _, row in _values(book, tmp_path)["全部指标"] for value in row}
        assert set(HOSTILE) - {"", "bell\x07 and nul\x00"} <= read
    assert cells["C2"][:3] == (1234567.125, "n", "General")  # a plain number
    assert cells["C6"][:2] == ("∞", "s")  # Excel holds no infinity
    assert cells["E6"][:2] == (True, "b")
    assert cells["E3"][:2] == (False, "b")
    assert facts["全部指标"]["heights"]  # the long names wrap


def _values(workbook: bytes, tmp_path: Path) -> dict[str, list]:
    """Every sheet's rows of values as psplan's reader reads them: openpyxl decodes
    Excel's `_xHHHH_` escapes in shared strings but not in inline ones (Excel decodes both,
    as psplan's reader does)."""
    from psplan.actuals.xlsx import Workbook
    from psplan.limits import Limits

    path = tmp_path / "book.xlsx"
    path.write_bytes(workbook)
    with Workbook(path, path.name, Limits()) as book:
        return {sheet.title: list(book.rows(sheet)) for sheet in book.sheets}


def _styled(facts: dict) -> dict:
    """What openpyxl reads of the cells but their values."""
    for sheet in facts.values():
        sheet["cells"] = {ref: rest for ref, (_, *rest) in sheet["cells"].items()}
    return facts


def test_a_string_is_escaped_as_xlsxwriter_escapes_it() -> None:
    assert xlsx_rows.string_xml("a&b<c>") == ' t="inlineStr"><is><t>a&amp;b&lt;c&gt;</t></is></c>'
    assert "_x005F_x0041_" in xlsx_rows.string_xml("_x0041_")
    assert "_x0007_" in xlsx_rows.string_xml("\x07")
    assert 'xml:space="preserve"' in xlsx_rows.string_xml(" a")
    assert 'xml:space="preserve"' not in xlsx_rows.string_xml("a b")
    assert xlsx_rows.string_xml("x" * 40_000).count("x") == 32_767


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_reads_the_rows_as_xml(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """LibreOffice opens a workbook whose rows were spliced in and saves it again: every
    value reads back the same (openpyxl is a lenient reader; a spreadsheet program is the
    one the analyst opens)."""
    monkeypatch.setattr(xlsx, "XLSXWRITER_CELLS", 0)
    spliced = xlsx.render(_view())
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "book.xlsx").write_bytes(spliced)
    profile = (tmp_path / "lo-profile").as_uri()
    done = subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--calc",
         "--convert-to", "xlsx", "--outdir", str(tmp_path), str(tmp_path / "in" / "book.xlsx")],
        capture_output=True, timeout=180, env={**os.environ, "HOME": str(tmp_path)},
    )  # fmt: skip
    saved = tmp_path / "book.xlsx"
    assert done.returncode == 0 and saved.exists(), done.stderr

    def trimmed(book: bytes) -> dict[str, list]:  # (LibreOffice drops empty trailing cells)
        rows = _values(book, tmp_path)
        return {
            title: [(n, _trim(["" if v is None else v for v in row])) for n, row in sheet]
            for title, sheet in rows.items()
        }

    assert trimmed(saved.read_bytes()) == trimmed(spliced)


def _trim(row: list) -> list:
    while row and row[-1] == "":
        row.pop()
    return row


def test_a_sheet_longer_than_excel_holds_is_refused_not_cut(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Excel holds 1,048,576 rows a sheet, and XlsxWriter drops a cell past them unsaid (the
    XML rows would make a file Excel refuses). A township-scale file's every result would
    pass it: the command says so in one line, exits 2 and writes nothing (here the limit is
    set to 100 rows: 6 counties' 186 results)."""
    from typer.testing import CliRunner

    from psplan.cli import app

    from conftest import generate_actuals

    counties = generate_actuals("hanzhong", tmp_path / "counties.csv", "--regions", "6")
    monkeypatch.setattr(xlsx, "MAX_ROWS", 100)
    out = tmp_path / "out.xlsx"
    for lang, words in (("zh", "超过 Excel 每个工作表 100 行的上限"),
                        ("en", "over Excel's limit of 100 rows a sheet")):  # fmt: skip
        done = CliRunner().invoke(app, ["check", "hanzhong", str(counties), "-o", str(out),
                                        "--lang", lang])  # fmt: skip
        assert done.exit_code == 2, done.output
        # (a warning before it: hanzhong's whole-city totals judged county by county)
        lines = [line for line in done.stderr.splitlines() if ": error: " in line]
        assert len(lines) == 1 and words in lines[0] and "--format csv" in lines[0], lines
        assert not out.exists()


def test_a_lazy_table_longer_than_excel_holds_is_refused_as_it_is_written(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A table whose length is known only by making its rows (a county assessment's trends)
    is counted as it is written."""
    from psplan.errors import PsplanError

    class Lazy:  # rows made as read, their number unknown until then
        def __iter__(self):
            return iter([(f"县{i}", i) for i in range(30)])

        def __bool__(self) -> bool:
            return True

        def __length_hint__(self):
            return NotImplemented

    table = Table("trends", "趋势", (Column("region", "地区"), Column("n", "n")), Lazy())  # type: ignore[arg-type]
    view = View("check", "t", "zh", {}, tables=[table])
    monkeypatch.setattr(xlsx, "MAX_ROWS", 20)
    with pytest.raises(PsplanError, match="20 行"):
        xlsx.render(view)
    monkeypatch.setattr(xlsx, "MAX_ROWS", 31)  # the header and 30 rows fit
    assert xlsx.render(view)
