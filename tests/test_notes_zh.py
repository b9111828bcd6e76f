"""The transcription's notes in Chinese (`notes_zh`), which the Chinese reports print.

The notes are the transcriber's, in English, for whoever checks a data file against its
source; a Chinese commission's report printed them as English lines. Each indicator's and
commitment's notes now have a Chinese version, one for each note in its place. The translation was made apart
from the notes and is checked here note by note against them: every number, every Chinese
term the note quotes from the document, in the same note."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from psplan.cli import app
from psplan.plan.plans import load_plan

ROOT = Path(__file__).resolve().parents[1]
PLANS = ("national", "hanzhong", "ankang", "chuzhou", "suzhou")
EXAMPLES = ROOT / "examples"
runner = CliRunner()


def _rows(name: str) -> list:
    """A plan's indicators, commitments and previous plan's rows: the rows that carry notes."""
    plan = load_plan(name).plan
    previous = plan.previous_plan.indicators if plan.previous_plan else []
    return [*plan.indicators, *plan.commitments, *previous]


def _pairs(name: str) -> list[tuple[str, int, str, str]]:
    noted = [row for row in _rows(name) if row.notes]
    return [
        (row.id, at, " ".join(english.split()), chinese)
        for row in noted
        for at, (english, chinese) in enumerate(zip(row.notes, row.notes_zh, strict=True))
    ]


@pytest.mark.parametrize("name", PLANS)
def test_every_note_has_its_chinese_in_its_place(name: str) -> None:
    for row in _rows(name):
        assert len(row.notes_zh) == len(row.notes), row.id


@pytest.mark.parametrize("name", PLANS)
def test_each_chinese_note_keeps_the_numbers_and_quoted_chinese_of_its_note(name: str) -> None:
    pairs = _pairs(name)
    assert pairs
    for indicator, at, english, chinese in pairs:
        where = (indicator, at, english, chinese)
        assert Counter(re.findall(r"\d+", english)) == Counter(re.findall(r"\d+", chinese)), where
        for term in re.findall(r"[\u4e00-\u9fff]{2,}", english):
            assert term in chinese, (term, *where)
        # Chinese, not the English again: at least as many Chinese characters as Latin letters
        han, latin = (
            len(re.findall(pattern, chinese)) for pattern in ("[\u4e00-\u9fff]", "[A-Za-z]")
        )
        assert han > latin, where


def test_the_same_note_reads_the_same_in_chinese() -> None:
    said: dict[str, set[str]] = {}
    for name in PLANS:
        for _, _, english, chinese in _pairs(name):
            said.setdefault(english, set()).add(chinese)
    assert all(len(chinese) == 1 for chinese in said.values()), {
        english: chinese for english, chinese in said.items() if len(chinese) > 1
    }


def test_a_chinese_report_prints_the_chinese_note_and_an_english_one_the_note() -> None:
    plan = load_plan("hanzhong").plan
    renovation = plan.indicator("old_community_renovation")
    assert renovation.notes and renovation.notes_zh
    actuals = str(EXAMPLES / "generated" / "hanzhong-counties.csv")
    zh = runner.invoke(app, ["check", "hanzhong", actuals, "--region", "全市", "-f", "markdown"])
    assert zh.exit_code in (0, 1), zh.output
    assert f"指标说明：{renovation.notes_zh[0]}" in zh.stdout
    assert renovation.notes[0][:40] not in zh.stdout
    en = runner.invoke(app, ["check", "hanzhong", actuals, "--region", "全市", "-f", "markdown",
                             "--lang", "en"])  # fmt: skip
    assert "transcription note: " + " ".join(renovation.notes[0].split()) in en.stdout
    assert renovation.notes_zh[0] not in en.stdout


def test_a_plan_without_chinese_notes_shows_its_notes_as_written(tmp_path: Path) -> None:
    text = (ROOT / "data" / "national.yaml").read_text(encoding="utf-8")
    stripped = re.sub(r"\n    notes_zh:(?: \[.*\]|(?:\n      - .*)+)", "", text)
    assert "notes_zh" not in stripped
    path = tmp_path / "national.yaml"
    path.write_text(stripped, encoding="utf-8")
    plan = load_plan(str(path)).plan
    noted = next(indicator for indicator in plan.indicators if indicator.notes)
    assert noted.notes_in("zh") == noted.notes == noted.notes_in("en")


@pytest.mark.parametrize(("plan", "after", "indent"),
                         [("national", "indicators:", "    "), ("suzhou", "previous_plan:", "      ")])  # fmt: skip
def test_a_chinese_note_missing_or_extra_is_an_error_naming_the_row(
    tmp_path: Path, plan: str, after: str, indent: str
) -> None:
    """An indicator's, or a row's of the previous plan's completion table."""
    text = (ROOT / "data" / f"{plan}.yaml").read_text(encoding="utf-8")
    at = text.index(f"{indent}notes_zh:\n", text.index(after))
    line = text.index("\n", text.index(f"{indent}  - ", at)) + 1
    path = tmp_path / f"{plan}.yaml"
    path.write_text(text[:line] + f'{indent}  - "多出的一条"\n' + text[line:], encoding="utf-8")
    done = runner.invoke(app, ["validate", str(path)])
    assert done.exit_code == 2
    assert "notes_zh 有 2 条，notes 有 1 条" in done.output
    assert f"{path}:{text[:line].count(chr(10))}:" in done.output  # the list's first line


def test_check_previous_prints_the_chinese_notes_of_the_completion_table() -> None:
    """`check --previous` printed the 十三五 table's notes in English under 指标说明 (a
    reviewer's trial)."""
    plan = load_plan("chuzhou").plan
    assert plan.previous_plan is not None
    pension = next(r for r in plan.previous_plan.indicators if r.notes)
    done = runner.invoke(app, ["check", "chuzhou", "--previous", "-f", "markdown"])
    assert done.exit_code in (0, 1), done.output
    assert pension.notes_zh[0] in done.stdout
    assert pension.notes[0][:30] not in done.stdout


def test_the_json_gives_the_notes_in_its_language() -> None:
    """`check -f json` gave the English notes where every other format of a Chinese run
    printed the Chinese ones (a trial's finding): its notes are in --lang's language."""
    import json

    renovation = load_plan("hanzhong").plan.indicator("old_community_renovation")
    actuals = str(EXAMPLES / "generated" / "hanzhong-counties.csv")
    for lang, notes in (("zh", renovation.notes_zh), ("en", renovation.notes)):
        done = runner.invoke(app, ["check", "hanzhong", actuals, "--region", "全市", "-f",
                                   "json", "--lang", lang])  # fmt: skip
        found = next(r for r in json.loads(done.stdout)["results"]
                     if r["id"] == "old_community_renovation")  # fmt: skip
        assert found["notes"] == notes
