"""Every format at county scale streams (issue 16): JSON, CSV and markdown are made in pieces
and written as they come, with the same text as a whole render — JSON byte for byte as the
contract `Assessment.to_dict` rendered whole, CSV and markdown as the formats rendered a table
held in memory — while a failure part-way still leaves an existing `-o` file untouched.
Trends are computed per indicator where they can be, with the same numbers.

The figures are generated (benchmarks/generate.py), not real."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import math
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import psplan
from psplan.assess.evaluate import expected_path
from psplan.assess.trends import TRENDS_READ, linear_slope, natural_cap, trend
from psplan.formats import csv as csv_format
from psplan.formats import json as json_format
from psplan.formats import markdown as markdown_format
from psplan.formats import render
from psplan.formats.escape import csv_cell, markdown_cell, markdown_line, to_json
from psplan.formats.spool import Spool
from psplan.output import Interrupted, write_output
from psplan.views.assessment import assessment_view
from psplan.views.model import Column, Status, Table, Text, View
from psplan.views.numbers import Figure
from psplan.words import say

ROOT = Path(__file__).resolve().parents[1]


def generated(folder: Path, plan: str, regions: int) -> Path:
    path = folder / f"{plan}-{regions}.csv"
    subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "generate.py"), plan, "-o", str(path),
         "--regions", str(regions), "--years", "2021-2023"],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return path


@pytest.fixture(scope="module")
def counties(tmp_path_factory: pytest.TempPathFactory) -> psplan.Checked:
    """40 counties × Ankang's 64 indicators: 2,560 results, a JSON past the indented size."""
    return psplan.check("ankang", generated(tmp_path_factory.mktemp("stream"), "ankang", 40))


@pytest.fixture(scope="module")
def few(tmp_path_factory: pytest.TempPathFactory) -> psplan.Checked:
    """3 counties: a JSON written indented."""
    return psplan.check("ankang", generated(tmp_path_factory.mktemp("few"), "ankang", 3))


def materialised(view: View) -> View:
    """The view with every table's rows made and held in a list (how the formats once read
    them)."""
    tables = [dataclasses.replace(table, rows=list(table.rows)) for table in view.tables]
    return dataclasses.replace(view, tables=tables)


# ------------------------------------------------------------------------------------ JSON


def old_json(data: object) -> str:
    """The JSON format before it streamed: the whole contract, compact past the size."""
    compact = to_json(data, indent=None)
    return compact if len(compact) > json_format.INDENT_UP_TO else to_json(data)


@pytest.mark.slow
def test_streamed_json_is_the_contract_byte_for_byte(counties, few) -> None:
    for report in (counties, few):
        whole = old_json(report.to_dict("zh"))
        streamed = render(assessment_view(report, "zh"), "json")
        assert streamed == whole
    assert "\n" not in render(assessment_view(counties, "zh"), "json")  # compact at scale
    assert render(assessment_view(few, "en"), "json").startswith('{\n  "plan": "ankang"')


@pytest.mark.slow
def test_json_results_are_made_one_at_a_time(counties, monkeypatch) -> None:
    """The first compact piece goes out before most results are made, and the results are not
    a list in the data (nothing can write them whole by mistake)."""
    from psplan.assess.assessment import Result

    made = []
    original = Result.to_dict

    def counted(self, plan, lang="zh"):
        made.append(1)
        return original(self, plan, lang)

    monkeypatch.setattr(Result, "to_dict", counted)
    view = assessment_view(counties, "zh")
    data = view.data()
    assert not isinstance(data["results"], list) and len(data["results"]) == len(counties.results)
    pieces = json_format.chunks(view)
    first = next(pieces)
    assert len(first) > json_format.INDENT_UP_TO and len(made) < len(counties.results) * 0.9
    rest = "".join(pieces)
    assert len(made) == len(counties.results)
    assert json.loads(first + rest) == json.loads(to_json(counties.to_dict("zh"), indent=None))


def test_json_stream_rule_is_the_length_of_the_compact_text() -> None:
    """Indented up to `INDENT_UP_TO` characters of compact JSON, compact past them: whatever
    the number of items, as when the whole was rendered."""

    class Lazy:
        def __init__(self, items: list) -> None:
            self.items = items

        def __len__(self) -> int:
            return len(self.items)

        def __iter__(self) -> Iterator:
            return iter(self.items)

    for size in (0, 1, 3, 50):
        items = [{"n": n, "text": "县\u202e" * 4, "x": [n / 3, None]} for n in range(size)]
        data = {"plan": "p", "results": items, "after": {"k": [1, 2]}}
        view = View("x", "", "zh", lambda data=data: {**data, "results": Lazy(data["results"])})
        assert render(view, "json") == old_json(data)
    big = [{"n": n, "text": "x" * 1000} for n in range(2100)]  # past 2,000,000 characters
    view = View("x", "", "zh", lambda: {"results": Lazy(big), "summary": {}})
    assert render(view, "json") == old_json({"results": big, "summary": {}})
    assert render(view, "json").startswith('{"results": [{"n": 0')


# ------------------------------------------------------------------------------------- CSV


def old_csv(table: Table, lang: str) -> str:
    """The CSV format before it streamed (formats/csv.py `rows` and `to_text`)."""
    statuses = {
        index
        for index in range(len(table.columns))
        if any(index < len(row) and isinstance(row[index], Status) for row in table.rows)
    }
    header: list[object] = []
    for index, column in enumerate(table.columns):
        header.append(column.label if lang == "zh" else column.key)
        if index in statuses:
            header.append(say("format.csv.code", lang, label=column.label, key=column.key))
    notes = table.noted or any(table.notes.get(index) for index in range(len(table.rows)))
    if notes:
        header.append(say("format.notes", lang))
    written = [[csv_cell(text) for text in header]]
    separator = say("sep.reasons", lang)
    for index, row in enumerate(table.rows):
        line: list[object] = []
        for column in range(len(table.columns)):
            cell = row[column] if column < len(row) else None
            line.append(csv_format.cell_text(cell))
            if column in statuses:
                line.append(csv_cell(cell.code) if isinstance(cell, Status) else "")
        if notes:
            line.append(csv_cell(separator.join(table.notes.get(index, []))))
        written.append(line)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for row in written:
        writer.writerow(row)
    return buffer.getvalue()


@pytest.mark.slow
def test_streamed_csv_is_the_csv_of_the_rows_held(counties) -> None:
    for lang in ("zh", "en"):
        view = assessment_view(counties, lang)
        held = materialised(assessment_view(counties, lang))
        expected = old_csv(held.table(), lang)
        assert render(view, "csv") == expected
        assert render(held, "csv") == expected
        # the results were read once, not kept: the lazy table holds what `bool` made
        assert len(view.table().rows._made) <= 1


def statuses_late_table(rows: int, at: int) -> Table:
    """A table whose second column shows its first status at row `at`, with a note on a row
    and a cell holding a line break, a comma and a quote."""
    columns = (Column("region", "地区"), Column("rating", "评价"), Column("x", "值"))
    body = [
        (f"县{n}", Status("met", "完成") if n >= at and n % 3 else None, Figure(n, "0", str(n)))
        for n in range(rows)
    ]
    body[1] = ("多行\n“引号”, 逗号\r", None, "=1+1")
    return Table("results", "全部", columns, body, notes={2: ["注一", "注二"]})


def test_a_status_first_seen_late_still_gets_its_code_column(monkeypatch) -> None:
    monkeypatch.setattr("psplan.formats.spool.IN_MEMORY", 200)  # spooled on disk
    for rows, at in ((5, 0), (5, 3), (3000, 2500), (10, 99)):
        table = statuses_late_table(rows, at)
        view = View("t", "", "zh", None, [table], primary="results")
        assert render(view, "csv") == old_csv(table, "zh"), (rows, at)


# -------------------------------------------------------------------------------- markdown


def old_markdown(view: View) -> str:
    """The markdown format before it streamed: every table held, aligned by tabulate up to
    `ALIGNED_ROWS` rows (formats/markdown.py `render` and `_table`)."""
    from psplan.formats.table import (
        glyph,
        is_number,
        kept_columns,
        legend,
        marker,
        note_marker_column,
        status_columns,
    )

    def cell_text(cell: object, lang: str, matrix: bool) -> str:
        if matrix and isinstance(cell, Status):
            return markdown_cell(glyph(cell, lang) or cell.label)
        text = markdown_cell(cell)
        if isinstance(cell, Text) and cell.style == "bold" and text.strip():
            return "**" + text.replace("*", "\\*").replace("_", "\\_") + "**"
        return text

    def table_blocks(table: Table, lang: str) -> list[str]:
        if not table.rows:
            return [markdown_line(say("format.none", lang))]
        kept = kept_columns(table)
        statuses = set(status_columns(table)) if table.matrix else set()
        marked = note_marker_column(table, kept)
        distinct = list(dict.fromkeys(tuple(table.notes[i]) for i in sorted(table.notes)
                                      if table.notes[i]))  # fmt: skip
        markers = {i: distinct.index(tuple(table.notes[i])) + 1
                   for i in table.notes if table.notes[i]}  # fmt: skip
        rows = []
        for index, row in enumerate(table.rows):
            cells = []
            for column in kept:
                cell = row[column] if column < len(row) else None
                text = cell_text(cell, lang, column in statuses)
                if column == marked and index in markers:
                    text = f"{text} {marker(markers[index])}".strip()
                cells.append(text)
            rows.append(cells)
        align = []
        for column in kept:
            cells = [row[column] for row in table.rows if column < len(row)]
            filled = [cell for cell in cells if cell not in (None, "")]
            if column in statuses:
                align.append("center")
            elif filled and all(is_number(cell) for cell in filled):
                align.append("right")
            else:
                align.append("left")
        headers = [markdown_cell(table.columns[column].label) for column in kept]
        blocks = [markdown_format._pipe_table(headers, rows, align)]
        if markers:  # rows with the same notes share one footnote, listed once
            blocks.append(
                "\n".join(
                    f"- {marker(number)} " + "\\\n  ".join(markdown_line(n) for n in notes)
                    for number, notes in enumerate(distinct, 1)
                )
            )
        if table.matrix:
            line = legend([row[i] for row in table.rows for i in statuses if i < len(row)], lang)
            if line:
                blocks.append(markdown_line(line))
        return blocks

    blocks = [f"# {markdown_line(view.title)}"] if view.title else []
    blocks.extend(markdown_line(line) for line in view.summary)
    for table in view.tables:
        if table.title and (table.title != view.title or len(view.tables) > 1):
            blocks.append(f"## {markdown_line(table.title)}")
        blocks.extend(table_blocks(table, view.lang))
    if view.notes:
        blocks.append("\n".join(f"- {markdown_line(line)}" for line in view.notes))
    return "\n\n".join(blocks) + "\n"


@pytest.mark.slow
def test_streamed_markdown_is_the_markdown_of_the_rows_held(counties, monkeypatch) -> None:
    monkeypatch.setattr("psplan.formats.spool.IN_MEMORY", 10_000)  # the large tables on disk
    view = assessment_view(counties, "zh")
    expected = old_markdown(materialised(assessment_view(counties, "zh")))
    assert render(view, "markdown") == expected
    results = next(table for table in view.tables if table.key == "results")
    assert len(results.rows) > markdown_format.ALIGNED_ROWS and len(results.rows._made) <= 1


def test_markdown_of_any_table_streams_as_it_was_aligned(monkeypatch) -> None:
    """Small and large tables, an empty column left out, numbers right-aligned, notes marked,
    a matrix with its legend, a table with no rows."""
    monkeypatch.setattr("psplan.formats.spool.IN_MEMORY", 300)
    columns = (Column("domain", "领域"), Column("name", "指标", wide=True),
               Column("empty", "空"), Column("x", "值"), Column("status", "状态"))  # fmt: skip
    for size in (1, 7, markdown_format.ALIGNED_ROWS, markdown_format.ALIGNED_ROWS + 5):
        rows = [
            ("教育", Text(f"指标|{n}", "bold" if n % 2 else None), None, Figure(n, "0", str(n)),
             Status("met", "已达标") if n % 4 else Status("behind", "滞后"))
            for n in range(size)
        ]  # fmt: skip
        notes = {0: ["一"], size - 1: ["末 <b>", "二"]}
        tables = [
            Table("results", "全部", columns, rows, group="domain", notes=notes),
            Table("matrix", "矩阵", columns[1:], [row[1:] for row in rows], matrix=True),
            Table("none", "空表", columns, []),
        ]
        view = View("assessment", "报告", "zh", None, tables, summary=["一行"], notes=["注"])
        assert render(view, "markdown") == old_markdown(view), size


# ---------------------------------------------------------------------------------- output


def pieces_then(error: BaseException, count: int = 3) -> Iterator[str]:
    for n in range(count):
        yield f"第{n}块\n" * 1000
    raise error


@pytest.mark.parametrize(
    "error", [RuntimeError("boom"), OSError(28, "No space left"), Interrupted(signal.SIGTERM)]
)
def test_a_failure_mid_stream_leaves_the_file_and_no_temp_file(tmp_path, error) -> None:
    target = tmp_path / "report.md"
    target.write_text("the report of last year\n", encoding="utf-8")
    with pytest.raises(type(error)) as raised:
        write_output(pieces_then(error), target)
    assert target.read_text(encoding="utf-8") == "the report of last year\n"
    assert sorted(os.listdir(tmp_path)) == ["report.md"]  # no .report.md.*.tmp left
    if isinstance(error, Interrupted):
        assert raised.value.output == str(target) and raised.value.written is False


def test_a_streamed_file_is_the_whole_text(tmp_path) -> None:
    whole, streamed = tmp_path / "whole.csv", tmp_path / "streamed.csv"
    text = "".join(f"县{n},{n}\n" for n in range(50_000)) + "末行"  # no final line break
    write_output(text, whole)
    write_output(iter(text[i : i + 777] for i in range(0, len(text), 777)), streamed)
    assert streamed.read_bytes() == whole.read_bytes()
    write_output(csv_format.with_bom(iter(["a,b\n", "1,", "2"])), streamed)
    assert streamed.read_bytes() == csv_format.with_bom("a,b\n1,2")
    write_output(iter([]), streamed)
    assert streamed.read_bytes() == b"\n"  # as for an empty text


def test_the_command_writes_the_streamed_formats(tmp_path, few) -> None:
    """`check -o` in every streamed format, as a process: the files hold what `render` makes,
    the CSV with its byte-order mark."""
    actuals = Path(few.sources[0])
    for suffix, name in ((".json", "json"), (".csv", "csv"), (".md", "markdown")):
        out = tmp_path / f"out{suffix}"
        done = subprocess.run(
            [sys.executable, "-m", "psplan", "check", "ankang", str(actuals), "-o", str(out)],
            capture_output=True,
        )
        assert done.returncode in (0, 1), done.stderr
        text = render(assessment_view(few, "zh"), name)
        expected = csv_format.with_bom(text) if name == "csv" else (text.rstrip("\n") + "\n")
        assert out.read_bytes() == (expected if isinstance(expected, bytes) else expected.encode())


def test_a_spool_reads_back_what_was_written(monkeypatch) -> None:
    text = "".join(f"行{n}\x00单元\r格\ud800\n" for n in range(5000))
    for limit in (10, 10**9):
        with Spool(in_memory=limit) as spool:
            for n in range(0, len(text), 1000):
                spool.write(text[n : n + 1000])
            assert "".join(spool.chunks()) == text
            assert sum(1 for _ in spool.file()) == 5000  # lines end at LF only


# ---------------------------------------------------------------------------------- trends


@pytest.mark.slow
def test_trends_per_indicator_give_every_result_the_same_numbers(counties) -> None:
    """`Result.trend` and `Result.expected_path`, computed with what is shared per indicator,
    equal the functions computed afresh for each result; no result keeps its trend."""
    from psplan.assess.assessment import _yearly_amounts

    checked = 0
    for result in counties.results:
        goal, verdict = result.goal, result.verdict
        assert goal is not None
        if verdict.target_value is not None:
            assert result.expected_path == expected_path(
                goal, verdict.baseline, verdict.target_value
            )
            assert result.expected_path is not result.expected_path  # a list of its own
        got = result.trend
        if got is None:
            continue
        year = result.year if result.year is not None else goal.end_year
        usable = goal.kind == "level" and verdict.baseline.value is not None
        fresh = trend(
            goal,
            _yearly_amounts(goal, result.observations, year),
            verdict.target_value,
            cap=natural_cap.__wrapped__(result.indicator.unit, result.indicator.name),
            baseline=verdict.baseline if usable else None,
            year=year,
        )
        assert got == fresh and result.trend is got
        assert "trend" not in vars(result)
        checked += 1
    assert checked > len(counties.results) / 2
    assert len(TRENDS_READ._values) <= TRENDS_READ.size


def test_the_slope_is_the_least_squares_formula_to_the_bit() -> None:
    def textbook(points: list[tuple[int, float]]) -> float:
        n = len(points)
        mean_x = sum(x for x, _ in points) / n
        mean_y = sum(y for _, y in points) / n
        spread = sum((x - mean_x) ** 2 for x, _ in points)
        if spread == 0:
            return 0.0
        return sum((x - mean_x) * (y - mean_y) for x, y in points) / spread

    rng = random.Random(16)
    for _ in range(2000):
        years = sorted(rng.sample(range(2015, 2031), rng.randint(1, 6)))
        points = [(year, rng.choice([rng.uniform(-1e3, 1e3), 0.0, 95.5])) for year in years]
        assert math.isclose(linear_slope(points), textbook(points), rel_tol=0, abs_tol=0)
        assert linear_slope(points) == textbook(points)


def test_a_csv_of_every_result_makes_no_result_twice(tmp_path: Path) -> None:
    """A CSV of every county result is written by duckdb (`views.vectorised_cells`): no
    result is made, not even for its indicator's notes (备注: the plan's, read off the
    indicator) — at county scale a result costs tens of microseconds, and making each twice
    cost a tenth of the CSV."""
    report = psplan.check("ankang", generated(tmp_path, "ankang", 5), engine="columnar")
    results = report.results
    made: list[int] = []
    original = results._made  # type: ignore[attr-defined]

    def counted(index: int) -> object:
        made.append(index)
        return original(index)

    results._made = counted  # type: ignore[attr-defined]
    text = render(assessment_view(report, "zh"), "csv")
    assert made == [] and len(results) == 5 * 64
    results._made = original  # type: ignore[attr-defined]
    assert text == render(materialised(assessment_view(report, "zh")), "csv")
    assert "指标说明" in text  # the plan's notes are in it, read off the same results


def test_a_duckdb_that_streams_out_of_order_writes_county_results_on_one_thread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """duckdb 1.4 and 1.5 gave the rows of a parallel query streamed to psplan out of their
    table's order (the full CSV of 2,900 counties stopped at the assertion that guards it):
    with such a duckdb the worded rows are read on one thread, and the threads it had are
    given back after; the text is the same."""
    from psplan.assess import vectorised_json

    path = generated(tmp_path, "ankang", 40)
    expected = render(assessment_view(psplan.check("ankang", path, engine="columnar"), "zh"),
                      "csv")  # fmt: skip
    threads: list[str] = []  # before, while streamed
    connections = []
    one_thread, in_order = vectorised_json._one_thread, vectorised_json._streams_in_order

    def counted(con):
        connections.append(con)
        threads.append(con.execute("SELECT current_setting('threads')").fetchone()[0])
        had = one_thread(con)
        threads.append(con.execute("SELECT current_setting('threads')").fetchone()[0])
        return had

    monkeypatch.setattr(vectorised_json, "_streams_in_order", lambda con: False)
    monkeypatch.setattr(vectorised_json, "_one_thread", counted)
    report = psplan.check("ankang", path, engine="columnar")
    assert render(assessment_view(report, "zh"), "csv") == expected
    assert len(threads) == 2 and threads[1] == 1 < threads[0]
    (after,) = connections[0].execute("SELECT current_setting('threads')").fetchone()
    assert after == threads[0]
    assert in_order(connections[0])  # (the duckdb installed: 2.x)


def test_a_long_table_is_counted_on_a_terminal_as_it_is_written(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A county-scale workbook takes minutes: on a terminal its long tables show how far the
    writing is (every row still written, in order); piped, or a short table, shows nothing."""
    from psplan import progress

    rows = [(i,) for i in range(progress.MIN_ROWS)]
    assert progress.writing(rows, "全部指标", len(rows)) is rows  # stderr is no terminal here
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert progress.writing(rows[:10], "全部指标", 10) == rows[:10]  # short: as it is
    shown = progress.writing(iter(rows), "全部指标", len(rows))
    assert shown is not rows and list(shown) == rows
    assert list(progress.writing(iter(rows[:3]), "趋势", None)) == rows[:3]  # length unknown


def test_a_signal_a_query_turned_into_its_own_interrupt_is_still_the_signal(tmp_path) -> None:
    """SIGTERM while duckdb runs a query of the content (the county CSV is made by one):
    duckdb ends the query and raises its own interrupt, which psplan reads as Ctrl-C; the
    file is still not written, and the process still ends by SIGTERM, saying so (it ended
    with exit 130 and no word)."""
    target = tmp_path / "out.csv"

    def content():
        yield "a,b\n"
        try:
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(5)  # the handler raises in here
        except Interrupted:  # what duckdb does with it
            raise KeyboardInterrupt from None
        yield "1,2\n"

    raised: BaseException | None = None
    try:
        write_output(content(), target)
    except BaseException as exc:  # (a KeyboardInterrupt would end the test run)
        raised = exc
    assert isinstance(raised, Interrupted), repr(raised)
    assert raised.signum == signal.SIGTERM
    assert raised.output == str(target) and raised.written is False
    assert os.listdir(tmp_path) == []
