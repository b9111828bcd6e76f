"""The grammar of targets and baselines as the plans print them.

Pure functions, no I/O. `parse_expression` turns a printed cell (`>98.6`, `【23.6】`, `85.2%`,
`应保尽保`, `达到全省平均水平`, `95以上`, `——`) into an `Expression` that keeps the raw text,
so a parsed value always round-trips to what the document printed. Text the grammar does not
know is an error that quotes it — never a silent guess.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from psplan.errors import PsplanError, plain, quoted

Form = Literal["number", "qualitative", "relative", "change", "none"]
Op = Literal[">=", ">", "<=", "<", "approx"]
#: How a change target measures its change from the base value (`form` "change"):
#: "points" 提高N个百分点 (base + N), "percent" 累计提高X% / 下降X% (base × (1 ± X%)),
#: "annual" 年均增长X% (base × (1 + X%) per year, compounded), "amount" 提高0.5年 (base + N in
#: the indicator's own unit), "direction" 提高 (beyond base).
Change = Literal["points", "percent", "annual", "amount", "direction"]

#: Texts that mean "everyone eligible is covered" and similar yes/no goals.
QUALITATIVE_TEXTS = (
    "应保尽保",
    "应救尽救",
    "应助尽助",
    "应养尽养",
    "应扶尽扶",
    "应享尽享",
    "应参尽参",
    "应种尽种",
    "全覆盖",
    "基本全覆盖",
    "实现全覆盖",
    "达标",
    "全部达标",
    "动态清零",
    "持续清零",
    "基本实现",
)

#: What a relative target is relative to, by the words that name it.
_RELATIVE_RE = re.compile(
    r"^(?:达到|高于|不低于|超过|保持|接近)?(?P<ref>全国|全省|全市|省|市|国家)(?:平均|平均水平|水平|平均值)(?:以上)?$"
)

#: A change from the base value (the next-period forms: 提高2个百分点, 累计降低10%, 年均增长5%,
#: 比2025年提高…, or a bare 提高 / 稳步提高): the optional base year, the verb, its size.
_CHANGE_RE = re.compile(
    r"^(?:比(?P<base>\d{4})年(?:末|底)?)?"
    r"(?P<annual>年均)?(?P<total>累计)?"
    r"(?:(?P<soft>稳步|持续|逐步|进一步|有所|明显)?(?P<verb>提高|提升|增长|增加|上升|降低|下降|减少))"
    r"(?:(?P<number>\d+(?:\.\d+)?)(?P<unit>个百分点|%|[^\d%‰]{1,4}?)?)?(?:以上|以下)?$"
)
_RAISING = frozenset({"提高", "提升", "增长", "增加", "上升"})

_NONE_TEXTS = {"", "—", "——", "-", "--", "－", "―", "/", "无", "N/A", "NA"}

_BRACKETS = {"[": "]", "【": "】", "〔": "〕", "［": "］"}

_PREFIX_OPS: dict[str, Op] = {
    ">=": ">=",
    "≥": ">=",
    "＞＝": ">=",
    "<=": "<=",
    "≤": "<=",
    "＜＝": "<=",
    ">": ">",
    "＞": ">",
    "<": "<",
    "＜": "<",
    "~": "approx",
    "约": "approx",
    "不低于": ">=",
    "不少于": ">=",
    "不高于": "<=",
    "不超过": "<=",
    "高于": ">",
    "超过": ">",
    "低于": "<",
    "大于": ">",
    "小于": "<",
    "达到": ">=",
    "保持": ">=",
    "控制在": "<=",
}
#: Words before a number that say nothing of the comparator (保持在95%以上: the suffix does).
_NEUTRAL_PREFIXES = ("保持在", "稳定在", "维持在")

_SUFFIX_OPS: dict[str, Op] = {
    "以上": ">=",
    "及以上": ">=",
    "以下": "<=",
    "及以下": "<=",
    "以内": "<=",
    "左右": "approx",
}

_NUMBER_RE = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$")
_UNIT_SUFFIXES = ("%", "‰")


@dataclass(frozen=True)
class Expression:
    """A parsed target or baseline cell.

    `op` is the comparator printed with the value, or None for a plain number (its meaning
    then depends on the indicator's direction: see `effective_op`) and for non-numbers.
    `cumulative` is True when the value is printed in brackets (a five-year total).
    """

    raw: str
    form: Form
    value: float | None = None
    op: Op | None = None
    unit: str | None = None
    cumulative: bool = False
    marker: str | None = None
    text: str | None = None
    reference: str | None = None
    change: Change | None = None  # form "change": how the change is measured
    base_year: int | None = None  # form "change": the year it names (比2025年提高…), if any

    def effective_op(self, direction: str) -> Op | None:
        """The comparator a plain number implies: reach at least (or at most) the value."""
        if self.form == "change":
            return self.op  # 提高… at least, 降低… at most; a bare 提高 strictly beyond
        if self.form != "number":
            return None
        if self.op is not None:
            return self.op
        return "<=" if direction == "decrease" else ">="

    def __str__(self) -> str:
        return self.raw


def normalise_text(text: str) -> str:
    """NFKC-normalise (full-width digits, ＞, ％ become ASCII) and drop all whitespace.

    NFKC keeps 【】 and 〔〕, which have no half-width form; the bracket table handles them.
    """
    folded = unicodedata.normalize("NFKC", text)
    return "".join(folded.split())


def shorten_text(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def parse_number(text: str) -> float | None:
    """A decimal number with optional thousands separators, or None."""
    cleaned = text.replace(",", "")
    if not _NUMBER_RE.match(cleaned):
        return None
    number = float(cleaned)
    if not math.isfinite(number):  # 400 nines: not a figure any plan prints
        raise PsplanError("value.too_large", text=quoted(shorten_text(text)))
    return number


#: A figure with a unit written after it: 8.5万张, [50]万人次 (the unit is the row's `unit`).
_WITH_UNIT = re.compile(
    r"(?P<figure>[\[【〔(（]?[0-9]+(?:\.[0-9]+)?[\]】〕)）]?)(?P<unit>[^\d\s.%‰]{1,8})"
)


def _unit_written_in(text: str, raw_text: str) -> None:
    """Raise the words for a target that carries its unit (8.5万张, [50]万人次): it read as
    "not a number, comparator or known text", or "unbalanced brackets" (a trial's finding)."""
    found = _WITH_UNIT.fullmatch(text)
    if found and (found["figure"][0].isdigit() or found["figure"][-1] in "]】〕)）"):
        unit = found["unit"]
        shown = raw_text.replace(unit, "", 1).strip() if unit in raw_text else found["figure"]
        raise PsplanError("target.unit_written", text=quoted(raw_text), figure=plain(shown),
                          unit=quoted(unit))  # fmt: skip


def parse_expression(raw: str | int | float | None) -> Expression:
    """Parse one printed target or baseline cell; raise PsplanError on unknown text."""
    if raw is None:
        return Expression(raw="", form="none")
    if isinstance(raw, bool):
        raise PsplanError("target.not_text", value=quoted(raw))
    raw_text = raw if isinstance(raw, str) else number_text(raw)
    text = normalise_text(raw_text)

    if text in _NONE_TEXTS or set(text) <= {"—", "-", "－", "―"}:
        return Expression(raw=raw_text, form="none")

    text, marker = _split_marker(text)

    if text in QUALITATIVE_TEXTS:
        return Expression(raw=raw_text, form="qualitative", text=text, marker=marker)
    relative = _RELATIVE_RE.match(text)
    if relative:
        return Expression(
            raw=raw_text, form="relative", text=text, reference=relative["ref"], marker=marker
        )
    change = _parse_change(text, raw_text, marker)
    if change is not None:
        return change

    cumulative = False
    if text and text[0] in _BRACKETS:
        closing = _BRACKETS[text[0]]
        if not text.endswith(closing):
            _unit_written_in(text, raw_text)
            raise PsplanError("value.unbalanced_bracket", text=quoted(raw_text))
        text, cumulative = text[1:-1], True
        text, inner_marker = _split_marker(text)
        marker = marker or inner_marker

    op: Op | None = None
    for word in _NEUTRAL_PREFIXES:
        if text.startswith(word):
            text = text[len(word) :]
            break
    for word in sorted(_PREFIX_OPS, key=len, reverse=True):
        if text.startswith(word):
            op, text = _PREFIX_OPS[word], text[len(word) :]
            break
    for word in sorted(_SUFFIX_OPS, key=len, reverse=True):
        if text.endswith(word):
            suffix_op = _SUFFIX_OPS[word]
            if op is not None and op != suffix_op:
                raise PsplanError("target.contradictory_comparators", text=quoted(raw_text))
            op, text = suffix_op, text[: -len(word)]
            break

    unit = None
    for suffix in _UNIT_SUFFIXES:
        if text.endswith(suffix):
            unit, text = suffix, text[: -len(suffix)]
            break

    value = parse_number(text)
    if value is None:
        _unit_written_in(text, raw_text)
        raise PsplanError("target.unreadable", text=quoted(raw_text))
    return Expression(
        raw=raw_text,
        form="number",
        value=value,
        op=op,
        unit=unit,
        cumulative=cumulative,
        marker=marker,
    )


def _parse_change(text: str, raw_text: str, marker: str | None) -> Expression | None:
    """A change from the base value, or None when the text is no change form. A size in
    个百分点 is points; in % it is a relative change over the period, or a compound yearly
    one after 年均; no size (提高, 稳步提高) asks for any move the right way."""
    found = _CHANGE_RE.match(text)
    if found is None:
        return None
    op: Op = ">=" if found["verb"] in _RAISING else "<="
    number, unit = found["number"], found["unit"]
    base_year = int(found["base"]) if found["base"] else None
    if number is None:
        if found["annual"] or found["total"]:
            raise PsplanError("target.change_without_size", text=quoted(raw_text))
        # any improvement on the base: strictly beyond it
        return Expression(raw=raw_text, form="change", op=">" if op == ">=" else "<",
                          change="direction", base_year=base_year, marker=marker,
                          text=text)  # fmt: skip
    if unit is None:
        raise PsplanError("target.change_without_unit", text=quoted(raw_text))
    if unit == "个百分点":
        if found["annual"]:
            raise PsplanError("target.change_without_unit", text=quoted(raw_text))
        kind: Change = "points"
    elif unit == "%":
        kind = "annual" if found["annual"] else "percent"
    else:  # the indicator's own unit (validate checks it is): 提高0.5年
        if found["annual"] or found["total"]:
            raise PsplanError("target.change_without_unit", text=quoted(raw_text))
        kind = "amount"
    return Expression(raw=raw_text, form="change", value=float(number), op=op,
                      unit=unit, change=kind, base_year=base_year, marker=marker,
                      text=text)  # fmt: skip


def change_target(expr: Expression, base: float, years: int) -> float:
    """The value a change target asks for, from the base value and the years from the base
    year to the year judged (`years`; the period's end for the target itself)."""
    size = expr.value or 0.0
    sign = 1.0 if expr.op in (">=", ">") else -1.0
    if expr.change in ("points", "amount"):
        return base + sign * size
    if expr.change == "percent":
        return base * (1 + sign * size / 100)
    if expr.change == "annual":
        return base * (1 + sign * size / 100) ** years
    return base  # "direction": beyond the base itself


def _split_marker(text: str) -> tuple[str, str | None]:
    """Split trailing footnote asterisks (`77.3**`) from a value."""
    stripped = text.rstrip("*")
    if stripped == text:
        return text, None
    return stripped, text[len(stripped) :]


def number_text(value: int | float) -> str:
    """A number written the way a person would (1800, not 1800.0): where YAML gave one for a
    text, and for a figure written into a plan file."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def format_expression(expr: Expression) -> str:
    """Canonical text for a parsed expression (for round-trip tests and plain output)."""
    if expr.form == "none":
        return "—"
    if expr.form in ("qualitative", "relative", "change"):
        return (expr.text or "") + (expr.marker or "")
    assert expr.value is not None
    number = number_text(expr.value)
    op = {">=": "≥", "<=": "≤", ">": ">", "<": "<", "approx": "约"}.get(expr.op or "", "")
    body = f"{op}{number}{expr.unit or ''}"
    if expr.cumulative:
        body = f"[{body}]"
    return body + (expr.marker or "")
