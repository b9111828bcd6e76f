"""The targets of the plans' commitments in the text and 专栏 boxes, read with the plan grammar.

A commitment's target is printed inside a sentence (`达到80%以上`, `1.5万户以上`, `一半以上`,
`2—3所`, `全覆盖`, `所有…均能…`), its unit beside it. `commitment_target` reads it as the
main tables' targets are read (`psplan.plan.targets`), after what only prose prints:

- the unit is taken off the number (`1.5万户以上` with unit 万户 → `1.5以上`);
- a range is its lower bound, at least (`2—3所` → ≥ 2; the raw text keeps the range);
- a count in words is its number (`一所` → 1, `三十年` → 30), a share in words its
  percentage (`一半以上` → ≥ 50 %, `三分之一以上` → ≥ 33.33 %);
- 至少 / 提高到 / 达 mean at least, and 左右 wins over a 达到 before it (`达到20万人左右`);
- full coverage in words (全覆盖, 所有, 全部, 每个…都, 全达标) is the qualitative 全覆盖.

The `Expression` keeps the target as printed in `raw`. Text none of this reads raises the
grammar's error quoting it.
"""

from __future__ import annotations

import dataclasses
import re

from psplan.plan.targets import Expression, parse_expression

#: Words that print full coverage as the target itself.
_COVERAGE = re.compile(r"全覆盖|^所有|^全部|覆盖全部|每个.*都|全达标|全部达标")
_WORD_NUMBERS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
                 "八": 8, "九": 9, "十": 10, "二十": 20, "三十": 30}  # fmt: skip
_SHARES = {"一半": "50", "三分之一": "33.33", "三分之二": "66.67", "四分之一": "25",
           "四分之三": "75", "五分之一": "20"}  # fmt: skip
_RANGE = re.compile(r"^(?P<low>\d+(?:\.\d+)?)[-—–~～至到](?P<high>\d+(?:\.\d+)?)(?P<rest>.*)$")
_PREFIXES = (("至少", "不少于"), ("提高到", "达到"), ("增加到", "达到"), ("达", "达到"))


def commitment_target(target: str, unit: str | None) -> Expression:
    """The parsed form of a commitment's target (see the module); PsplanError on text the
    grammar does not read."""
    printed = target
    text = "".join(target.replace("\u00a0", " ").split())
    if _COVERAGE.search(text):
        return Expression(raw=printed, form="qualitative", text="全覆盖")
    unit_text = "".join((unit or "").split())
    if unit_text and unit_text not in ("%", "‰"):
        text = text.replace(unit_text, "", 1)
        if unit_text.startswith("万") is False and text.endswith("万"):
            text = text[:-1] + "0000"  # 20万 of unit 个: twenty thousand
    for word, share in _SHARES.items():
        if text.startswith(word):
            text = share + "%" + text[len(word) :]
    for word, number in sorted(_WORD_NUMBERS.items(), key=lambda item: -len(item[0])):
        if text.startswith(word) and (len(text) == len(word) or not text[len(word)].isdigit()):
            text = str(number) + text[len(word) :]
            break
    for word, meaning in _PREFIXES:
        if text.startswith(word) and not text.startswith(meaning):
            text = meaning + text[len(word) :]
            break
    if text.endswith("左右") and text.startswith("达到"):
        text = text[len("达到") :]
    found = _RANGE.match(text)
    if found:  # a range: at least its lower bound
        text = "不少于" + found["low"] + found["rest"]
        text = text.removesuffix("以上")
    parsed = parse_expression(text)
    return dataclasses.replace(parsed, raw=printed)
