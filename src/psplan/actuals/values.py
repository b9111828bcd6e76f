"""Reported values as people type them into Excel: `91.1`, `91.1%`, `2.5‰`, `1,234.5`,
full-width digits, a unit after the number (`2.05㎡`, `78.6岁`, `3.4万次`), `[24.54]` running
totals, `应保尽保`/`是`/`否`, and the many ways of writing "no figure" (empty, `—`, `-`, `NA`, `/`).

A comparator printed with a figure (`>99.9`, `≥95%`, `<96%`, `95%以上`, `不低于95`) makes it a
bound, not a figure: `Value.number` keeps the printed number and `Value.bound` the comparator.

Pure functions, no I/O.
"""

from __future__ import annotations

import math
import re
import unicodedata
from decimal import Decimal
from typing import NamedTuple

from psplan.actuals.units import known_unit
from psplan.errors import Location, Message, PsplanError, Shown, as_message, quoted
from psplan.plan.targets import normalise_text

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
        "...",  # also "…": the cell is NFKC-folded first, and NFKC writes … as ...
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

#: Comparators written before a figure (after NFKC: ＞ is >, ＜ is <), longest first.
_BOUND_PREFIXES = (
    (">=", ">="),
    ("<=", "<="),
    ("≥", ">="),
    ("≧", ">="),
    ("⩾", ">="),
    ("≤", "<="),
    ("≦", "<="),
    ("⩽", "<="),
    (">", ">"),
    ("<", "<"),
    ("不低于", ">="),
    ("不少于", ">="),
    ("不小于", ">="),
    ("不高于", "<="),
    ("不超过", "<="),
    ("不多于", "<="),
    ("不大于", "<="),
    ("高于", ">"),
    ("超过", ">"),
    ("大于", ">"),
    ("多于", ">"),
    ("低于", "<"),
    ("小于", "<"),
    ("少于", "<"),
    ("不足", "<"),
)
#: Comparators written after a figure (`95%以上`), longest first.
_BOUND_SUFFIXES = (
    ("及以上", ">="),
    ("以上", ">="),
    ("及以下", "<="),
    ("以下", "<="),
    ("以内", "<="),
)
_COMPARATOR_CHARS = "<>=≥≤≧≦⩾⩽"
_BOUND_FIRST = frozenset(prefix[0] for prefix, _ in _BOUND_PREFIXES) | {"="}
_BOUND_LAST = frozenset(suffix[-1] for suffix, _ in _BOUND_SUFFIXES)
_BOUND_SYMBOLS = {">": ">", ">=": "≥", "<": "<", "<=": "≤"}


class Value(NamedTuple):
    """One reported cell: a number (with its printed unit), a text answer, or missing.

    `bound` is None for a figure. For a bound it is the comparator printed with the number,
    one of ">", ">=", "<", "<=": the true figure is `bound` `number` (`>99.9` is bound ">",
    number 99.9: the figure is above 99.9; `95%以上` is bound ">=", number 95, unit "%"). A
    bound is never a text answer (`text` is None) and keeps `unit` and `running_total` as a
    figure does.

    A NamedTuple rather than a dataclass: a million of them are made when a country's
    county figures are read, and tuples are several times cheaper to create.
    """

    raw: str
    number: float | None = None
    text: str | None = None
    unit: str | None = None
    running_total: bool = False
    bound: str | None = None

    @property
    def missing(self) -> bool:
        return self.number is None and self.text is None

    @property
    def exact(self) -> bool:
        """A figure that is a point of a series: a number, not a bound (`95%以上` says
        where the figure is, not what it is)."""
        return self.number is not None and self.bound is None

    def display(self) -> str:
        if self.number is not None:
            shown = f"{self.number:g}" if abs(self.number) < 1e15 else str(self.number)
            shown = _BOUND_SYMBOLS.get(self.bound or "", "") + shown + (self.unit or "")
            return f"[{shown}]" if self.running_total else shown
        return self.text or ""


_PLAIN_DECIMAL = re.compile(r"-?\d{1,15}(?:\.\d{1,15})?")


def is_missing_text(text: str) -> bool:
    """Whether a cell's text is one of the ways of writing "no figure" (暂无, —, NA)."""
    return normalise_text(text).lower() in MISSING_TEXTS


def parse_value(raw: object) -> Value:
    """Parse one reported cell; PsplanError quoting text that is a broken number."""
    if type(raw) is str and _PLAIN_DECIMAL.fullmatch(raw):
        return Value(raw, float(raw) + 0.0)  # the common case, without normalising
    if raw is None:
        return Value(raw="")
    if isinstance(raw, bool):
        # as Excel shows the cell (TRUE, in a Chinese Excel too), not Python's True
        return Value(raw="TRUE" if raw else "FALSE", text="是" if raw else "否")
    if isinstance(raw, (int, float)):
        try:
            number = float(raw)
        except OverflowError:  # an integer beyond any float
            raise PsplanError("value.too_large", text=_clipped(str(raw))) from None
        if not math.isfinite(number):
            raise PsplanError("value.not_finite", text=quoted(raw))
        text = str(raw)
        if "e" in text:  # (a workbook's number holds every digit: Python's 1e-05 is no E+)
            text = written_out(number)
        return Value(raw=text, number=number + 0.0)  # + 0.0 turns -0.0 into 0.0
    if isinstance(raw, CellError):
        raise PsplanError(raw.words, raw.location)
    raw_text = str(raw)
    if _INNER_SPACE.search(raw_text):
        _refuse_spaced_digits(raw_text)
    text = normalise_text(raw_text)
    if text.lower() in MISSING_TEXTS:
        return Value(raw=raw_text)
    if text in YES_TEXTS or text.lower() in YES_TEXTS:
        return Value(raw=raw_text, text=text)
    if text in NO_TEXTS or text.lower() in NO_TEXTS:
        return Value(raw=raw_text, text=text)

    answer = text = text.rstrip("*")  # footnote markers copied from the plan (77.3**)
    # A bound printed as the figure (宿州 基本医疗保险参保率 >99.9): the number with its comparator.
    bound = None
    if text and (text[0] in _BOUND_FIRST or text[-1] in _BOUND_LAST):
        bound, text = _split_bound(text, raw_text)
    running_total = False
    if text and text[0] in _BRACKETS:
        if not text.endswith(_BRACKETS[text[0]]):
            raise PsplanError("value.unbalanced_bracket", text=_quoted(raw_text))
        text, running_total = text[1:-1], True
        if bound is None:
            bound, text = _split_bound(text, raw_text)  # [≥24.54]
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
            raise PsplanError("value.not_a_number", text=_quoted(raw_text))
        return Value(raw=raw_text, text=answer if bound else text)
    return Value(raw=raw_text, number=number, unit=unit, running_total=running_total, bound=bound)


#: Whitespace between two other characters (the rare cell that may hide a spaced figure).
_INNER_SPACE = re.compile(r"\S\s+\S")
#: Digits (with their dots and commas) that whitespace splits into pieces: `9 0`, `90 .5`.
_SPACED_RUN = re.compile(r"[\d.,]+(?:\s+[\d.,]+)+")
#: The one spacing of digits a figure may have: thousands grouped by a space (38 412.5, the
#: 千分空 of GB/T 15835).
_THOUSANDS_SPACED = re.compile(r"\d{1,3}(?: \d{3})+(?:\.\d+)?")


def _refuse_spaced_digits(raw_text: str) -> None:
    """A figure with a space among its digits is an error, not the number its digits make
    when the spaces go (`9 0` was read as 90, `90 .5` as 90.5): only thousands grouped by
    spaces are a figure's digits (the spaces elsewhere, `≥ 95 %`, are dropped as before)."""
    folded = unicodedata.normalize("NFKC", raw_text)
    for run in _SPACED_RUN.findall(folded):
        if not _THOUSANDS_SPACED.fullmatch(" ".join(run.split())):
            raise PsplanError("value.spaced_digits", text=_quoted(raw_text))


class CellError:
    """A cell a reader could not turn into a value (an Excel formula without a saved result,
    a number that is not finite, a broken date), kept in the row in the cell's place.

    Parsing it as a value raises its error, located at the cell.
    """

    __slots__ = ("location", "shown", "words")

    def __init__(
        self, message: str | Message, location: Location | None = None, shown: str = ""
    ) -> None:
        self.words = as_message(message)
        self.location = location
        self.shown = shown

    @property
    def message(self) -> str:
        """Why the cell holds no value, in the current language."""
        return self.words.render()

    def error(self) -> PsplanError:
        return PsplanError(self.words, self.location)

    def __str__(self) -> str:
        return self.shown

    def __repr__(self) -> str:
        return f"CellError({self.words!r}, {self.location!r})"


def _clipped(digits: str, limit: int = 20) -> Message | str:
    if len(digits) <= limit:
        return digits
    return Message("value.digits", digits=digits[:limit], count=len(digits))


def _quoted(text: str, limit: int = 40) -> Shown:
    """A cell's text for a message: quoted, and cut short when long (a 5,000-digit number)."""
    if len(text) <= limit:
        return quoted(text)
    return quoted(text[: limit // 2], more=Message("value.characters", count=len(text)))


def _split_bound(text: str, raw_text: str) -> tuple[str | None, str]:
    """The comparator printed before or after a figure (`>99.9`, `95%以上`) and the rest.

    A lone `=` before a number is dropped, as before. Two comparators that disagree
    (`>95以下`), or one written twice (`>>95`), are refused.
    """
    bound = None
    for prefix, op in _BOUND_PREFIXES:
        if text.startswith(prefix):
            bound, text = op, text[len(prefix) :]
            break
    else:
        text = text.lstrip("=")
    for suffix, op in _BOUND_SUFFIXES:
        if text.endswith(suffix) and len(text) > len(suffix):
            if bound is not None and bound[0] != op[0]:
                raise PsplanError("value.comparators_disagree", text=_quoted(raw_text))
            bound, text = bound or op, text[: -len(suffix)]
            break
    if bound is not None and text[:1] and text[:1] in _COMPARATOR_CHARS:
        raise PsplanError("value.several_comparators", text=_quoted(raw_text))
    return bound, text


def _number(text: str) -> float | None:
    if not _NUMBER_RE.match(text):
        return None
    number = float(text.replace(",", ""))
    if not math.isfinite(number):
        raise PsplanError("value.too_large", text=_quoted(text))
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


#: A figure in scientific notation (`1.23457E+11`, after NFKC).
_SCIENTIFIC = re.compile(r"\d[eE][+-]?\d")
_EXPONENT_LETTERS = frozenset("eEｅＥ")


def in_scientific_notation(value: Value) -> bool:
    """A figure written as `1.23457E+11`: Excel shows a number so, with six significant
    digits, where it is too long for a General cell, and saves a CSV as it shows it, so the
    other digits may be lost (123456789012 became 123457000000)."""
    raw = value.raw
    if value.number is None or _EXPONENT_LETTERS.isdisjoint(raw):
        return False
    return _SCIENTIFIC.search(normalise_text(raw)) is not None


def written_out(number: float) -> str:
    """A number without an exponent, as a person reads it (1.23457e+11 → 123457000000)."""
    return f"{Decimal(repr(number)).normalize():f}"


def answer_satisfies(value: Value) -> bool | None:
    """For a qualitative target: True (satisfied), False (not), None (a person must look)."""
    if value.number is not None:
        number, bound = value.number, value.bound
        if bound is None:
            return number >= 100
        # A bound satisfies when every figure it allows is at least 100, fails when none is.
        if bound in (">", ">="):
            return True if number >= 100 else None
        if number < 100 or (bound == "<" and number == 100):
            return False
        return None
    text = (value.text or "").lower()
    if text in YES_TEXTS:
        return True
    if text in NO_TEXTS:
        return False
    return None
