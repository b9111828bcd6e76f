"""How psplan words what it decided, for the people who read it: an override in the reader's
words (not the file's keys), errors that carry their problems."""

from __future__ import annotations

import pytest

import psplan
from psplan.words import use_lang

COUNTIES = "examples/generated/hanzhong-counties.csv"
OVERRIDES = "examples/hanzhong-overrides.yaml"


def test_an_override_is_worded_not_written_as_the_files_keys() -> None:
    checked = psplan.check("hanzhong", COUNTIES, region="全市", overrides=OVERRIDES)
    row = next(r for r in checked.results if r.indicator.id == "old_community_renovation")
    zh = row.verdict.reason("zh")
    assert "已按人工设定判断：类型：五年累计（按五年累计数判断" in zh
    assert "kind=" not in zh and "cumulative" not in zh
    en = row.verdict.reason("en")
    assert "judged with an override: kind: five-year total (" in en


def test_a_direction_and_a_baseline_are_worded_too() -> None:
    overrides = [
        {"indicator": "old_community_renovation", "direction": "decrease", "baseline": 0.8,
         "reason": "示例"},
    ]  # fmt: skip
    checked = psplan.check("hanzhong", COUNTIES, region="全市", overrides=overrides)
    row = next(r for r in checked.results if r.indicator.id == "old_community_renovation")
    assert "方向：越小越好；基期值：0.8（示例）" in row.verdict.reason("zh")
    assert "direction: less is better; baseline: 0.8 (示例)" in row.verdict.reason("en")


def test_every_error_has_its_problems_listed_even_when_it_is_one() -> None:
    with pytest.raises(psplan.PsplanError) as raised:
        psplan.check("national", "no-such-file.csv")
    assert raised.value.problems == []
    assert str(raised.value) == "no-such-file.csv: 文件不存在"
    with use_lang("en"):
        assert str(raised.value) == "no-such-file.csv: no such file"
