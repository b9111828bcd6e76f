"""Units as plans print them and people type them after a figure: ㎡ = 平方米 = m² = m2, ％ = %.

Pure functions, no I/O. Units are compared after folding width (NFKC), dropping spaces and
brackets around the unit, so （%） = (%) = ％ = %. No unit is ever converted into another:
`3.4万次` is not 34,000 次, and a figure in 万次 for an indicator measured in 次 is a mismatch
a person must look at, not something to scale silently.
"""

from __future__ import annotations

import re

from psplan.plan.targets import normalise_text

#: Other spellings of a unit → the spelling psplan uses (keys are already NFKC-folded:
#: ㎡ and m² both fold to m2, ㎢ to km2).
SYNONYMS = {
    "m2": "平方米",
    "平米": "平方米",
    "平方": "平方米",
    "km2": "平方公里",
    "km": "公里",
    "千米": "公里",
    "kg": "公斤",
    "千克": "公斤",
}

#: Units recognised after a number in a reported cell (`78.6岁`, `3.4万次`); any other
#: trailing text makes the cell a text answer, as before.
KNOWN_UNITS = frozenset(
    {
        "%",
        "‰",
        "平方米",
        "平方公里",
        "公里",
        "公斤",
        "岁",
        "年",
        "个",
        "万个",
        "张",
        "万张",
        "人",
        "万人",
        "人次",
        "万人次",
        "次",
        "万次",
        "元",
        "万元",
        "亿元",
        "户",
        "万户",
        "套",
        "万套",
        "所",
        "家",
        "床",
        "名",
        "亩",
        "万亩",
        "小时",
        "天",
    }
)

_BRACKETS = (("(", ")"), ("[", "]"), ("【", "】"), ("〔", "〕"))
#: Longer than any known unit with its brackets and spaces (（ 万人次 ）).
MAX_UNIT_LENGTH = 32


def canonical_unit(text: str | None) -> str | None:
    """The one spelling of a unit, so that printed and typed forms compare equal.

    None or blank → None. An unknown unit comes back width-folded but otherwise as written, so
    two identical spellings of any unit (元/人年) still compare equal.
    """
    if text is None:
        return None
    folded = normalise_text(text)
    start, end = 0, len(folded)  # brackets peeled by index: one slice, however many there are
    while end - start >= 2 and (folded[start], folded[end - 1]) in _BRACKETS:
        start, end = start + 1, end - 1
    folded = folded[start:end]
    if not folded:
        return None
    return SYNONYMS.get(folded.lower(), folded)


def known_unit(text: str) -> str | None:
    """The canonical unit if `text` is a unit psplan recognises after a figure, else None."""
    if len(text) > MAX_UNIT_LENGTH:
        return None  # a long text after a number is a sentence, not a unit
    unit = canonical_unit(text)
    return unit if unit in KNOWN_UNITS else None


def same_unit(a: str | None, b: str | None, name: str = "") -> bool:
    """Whether two unit texts name the same unit (None and blank count as no unit), for the
    indicator `name`: a life expectancy is in years of age, printed 岁 by the national plan
    and 年 by 安康's, the same number either way (a schooling's 年 is no 岁)."""
    first, second = canonical_unit(a), canonical_unit(b)
    return first == second or (
        {first, second} == AGE_UNITS and any(word in name for word in AGE_WORDS)
    )


#: The two spellings of an age in years, and what names an indicator measured in them.
AGE_UNITS = {"岁", "年"}
AGE_WORDS = ("寿命",)


#: Brackets at a text's end (after `normalise_text`'s folding: （人） is (人)): a unit after
#: an indicator's name or a header, dropped to match the name, read by `trailing_unit`.
TRAILING_BRACKETS = re.compile(r"\(([^()]*)\)$")


def trailing_unit(text: str) -> str | None:
    """The unit psplan knows written in brackets at a text's end — after an indicator's
    name (招生数（人） → 人) or a figures' header (数值（%）, 2021年(人)) — else None."""
    found = TRAILING_BRACKETS.search(normalise_text(text))
    return known_unit(found[1]) if found else None
