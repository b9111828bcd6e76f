"""Reported values as people type them into Excel: `91.1`, `91.1%`, `2.5‰`, `1,234.5`,
full-width digits, a unit after the number (`2.05㎡`, `78.6岁`, `3.4万次`), `[24.54]` running
totals, `应保尽保`/`是`/`否`, and the many ways of writing "no figure" (empty, `—`, `-`, `NA`, `/`).

Pure functions, no I/O.
"""

from __future__ import annotations

import math
import re
from typing import NamedTuple

from psplan.errors import PsplanError
from psplan.targets import normalise_text
from psplan.units import known_unit

#: Cell texts that mean "no figure reported".
MISSING_TEXTS = frozenset(
    {
        "",
        "—",
        "——",
        "-",
        "--",
        "―",
        "/",
        "na",
        "n/a",
        "nan",
        "null",
        "none",
        "无",
        "暂无",
        "空",
        "…",
    }
)

#: Answers that satisfy a qualitative target such as 应保尽保.
YES_TEXTS = frozenset(
    {
        "应保尽保",
        "是",
        "达标",
        "已达标",
        "全覆盖",
        "实现",
        "已实现",
        "完成",
        "已完成",
        "yes",
        "y",
        "true",
    }
)
#: Answers that do not.
NO_TEXTS = frozenset({"否", "未达标", "未实现", "未完成", "no", "n", "false"})

_BRACKETS = {"[": "]", "【": "】", "〔": "〕", "［": "］"}
_NUMBER_RE = re.compile(r"^[+-]?(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$")
#: A number and the text after it (`2.05` and `m2`), for a unit typed after the figure.
_NUMBER_THEN_TEXT = re.compile(r"^([+-]?[\d,]*\.?\d+)(\D.*)$")


class Value(NamedTuple):
    """One reported cell: a number (with its printed unit), a text answer, or missing.

    A NamedTuple rather than a dataclass: a million of them are made when a country's
    county figures are read, and tuples are several times cheaper to create.
    """

    raw: str
    number: float | None = None
    text: str | None = None
    unit: str | None = None
    running_total: bool = False

    @property
    def missing(self) -> bool:
        return self.number is None and self.text is None

    def display(self) -> str:
        if self.number is not None:
            shown = f"{self.number:g}" if abs(self.number) < 1e15 else str(self.number)
            shown += self.unit or ""
            return f"[{shown}]" if self.running_total else shown
        return self.text or ""


_PLAIN_DECIMAL = re.compile(r"-?\d{1,15}(?:\.\d{1,15})?")


def parse_value(raw: object) -> Value:
    """Parse one reported cell; PsplanError quoting text that is a broken number."""
    if type(raw) is str and _PLAIN_DECIMAL.fullmatch(raw):
        return Value(raw, float(raw) + 0.0)  # the common case, without normalising
    if raw is None:
        return Value(raw="")
    if isinstance(raw, bool):
        return Value(raw=str(raw), text="是" if raw else "否")
    if isinstance(raw, (int, float)):
        if not math.isfinite(raw):
            raise PsplanError(f"{raw!r} is not a finite number")
        return Value(raw=str(raw), number=float(raw) + 0.0)  # + 0.0 turns -0.0 into 0.0
    raw_text = str(raw)
    text = normalise_text(raw_text)
    if text.lower() in MISSING_TEXTS:
        return Value(raw=raw_text)
    if text in YES_TEXTS or text.lower() in YES_TEXTS:
        return Value(raw=raw_text, text=text)
    if text in NO_TEXTS or text.lower() in NO_TEXTS:
        return Value(raw=raw_text, text=text)

    text = text.rstrip("*")  # footnote markers copied from the plan (77.3**)
    # A bound printed as the figure (宿州 基本医疗保险参保率 >99.9): the bound is the figure.
    text = text.lstrip("<>=≥≤")
    running_total = False
    if text and text[0] in _BRACKETS:
        if not text.endswith(_BRACKETS[text[0]]):
            raise PsplanError(f"unbalanced bracket in {raw_text!r}")
        text, running_total = text[1:-1], True
    unit = None
    for suffix in ("%", "‰"):
        if text.endswith(suffix):
            text, unit = text[: -len(suffix)], suffix
            break
    number = _number(text)
    if number is None and unit is None:
        number, unit = _number_with_unit(text)
    if number is None:
        # Any other text is an answer for a qualitative target; numeric targets reject it later.
        if running_total or unit:
            raise PsplanError(f"{raw_text!r} is not a number")
        return Value(raw=raw_text, text=text)
    return Value(raw=raw_text, number=number, unit=unit, running_total=running_total)


def _number(text: str) -> float | None:
    if not _NUMBER_RE.match(text):
        return None
    number = float(text.replace(",", ""))
    if not math.isfinite(number):
        raise PsplanError(f"{text!r} is too large to be a figure")
    return number + 0.0


def _number_with_unit(text: str) -> tuple[float | None, str | None]:
    """`2.05m2` → (2.05, 平方米) when the text after the number is a known unit, else (None, None).

    Only known units count, so `95左右` or `3.4万` stay text answers for a person to read.
    """
    match = _NUMBER_THEN_TEXT.match(text)
    if match is None:
        return None, None
    unit = known_unit(match[2])
    number = _number(match[1]) if unit else None
    return (number, unit) if number is not None else (None, None)


def answer_satisfies(value: Value) -> bool | None:
    """For a qualitative target: True (satisfied), False (not), None (a person must look)."""
    if value.number is not None:
        return value.number >= 100
    text = (value.text or "").lower()
    if text in YES_TEXTS:
        return True
    if text in NO_TEXTS:
        return False
    return None
