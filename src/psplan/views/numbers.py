"""Numbers as the plan prints them: one place that decides how every figure reads.

A figure is a `Figure`: the value a spreadsheet stores, its number format, and the text every
other format shows. So the XLSX cell (0.957, format 0.0%) and the table/markdown/CSV/HTML text
(95.7%) always agree: the CSV writes the shown text too (without thousands separators).

- A figure in an indicator's unit shows at least the plan's precision (the decimals printed in
  its target and baseline) and never fewer decimals than the figure has, up to 4; an estimate
  (the expected path, a projection) shows the plan's precision, or the decimals of the reported
  figures it is projected from when more (at most 2). A figure of a % indicator is stored as a
  real percentage.
- A computed figure (`computed`: an expected value, a gap, a spread across regions) shows the
  plan's precision and at most 2 decimals of its own, and is rounded to what it shows.
- A difference of a % indicator (a gap, a change per year) is in percentage points: the number
  0.3 shown with the unit word, "0.3个百分点" (" pp" in English), never "0.3%", which a reader
  takes for a relative change (`in_points`).
- Progress and time share are fractions shown as whole percentages (one decimal under 1 %).
- No float noise (0.1 + 0.2 reads 0.3) and never "-0".
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass

from psplan.assess.rating import AHEAD_MARGIN
from psplan.plan.model import Indicator

#: The most decimals a figure shows.
MAX_DECIMALS = 4


@dataclass(frozen=True)
class Figure:
    """A number cell: the value stored, its (Excel) number format, and the text it shows."""

    value: float
    format: str
    shown: str

    def __str__(self) -> str:
        return self.shown


def number(value: float | str | None) -> str:
    """A figure without float noise and never "-0" (at most 4 decimals)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    rounded = round(value, MAX_DECIMALS) + 0.0
    return f"{rounded:g}" if abs(rounded) < 1e15 else str(value)


@functools.lru_cache(maxsize=4096)  # (a time share is the same for every region)
def percent(value: float | None) -> str:
    """A share as a whole percentage; under 1 % with one decimal (−0.4 %, so a slight step
    back is not shown as 0 %); never "-0%".

    Halves round away from zero (0.625 → 63%), as Excel and LibreOffice show the same number
    in the XLSX report: every format must read the same.
    """
    if value is None:
        return ""
    hundred = value * 100
    if 0.05 <= abs(hundred) < 0.95:
        return f"{_half_up(hundred, 1) + 0.0:.1f}%"
    return f"{int(_half_up(hundred, 0)) + 0:d}%"


def _half_up(number_: float, digits: int) -> float:
    """Round halves away from zero (Python's round() rounds them to even)."""
    from decimal import ROUND_HALF_UP, Decimal

    quantum = Decimal(1).scaleb(-digits)
    # repr() first: 0.625 is exactly 0.625, while 62.50000000000001 stays what it is.
    return float(Decimal(repr(number_)).quantize(quantum, rounding=ROUND_HALF_UP))


def decimals(value: float) -> int:
    """How many decimals `value` has, as every report prints it (at most 4)."""
    text = number(value)
    if "e" in text or "E" in text:
        return MAX_DECIMALS
    return len(text.partition(".")[2])


_NUMBER_RE = re.compile(r"\d+(?:\.(\d+))?")


def plan_precision(indicator: Indicator) -> int:
    """The decimals the plan prints in the indicator's target and baseline (95.2% → 1)."""
    return _precision(indicator.target.raw or "", indicator.baseline.raw or "")


@functools.lru_cache(maxsize=1024)
def _precision(*printed_: str) -> int:
    found = [len(m.group(1) or "") for raw in printed_ for m in _NUMBER_RE.finditer(raw)]
    return min(max(found, default=0), MAX_DECIMALS)


def _fixed(places: int, percent_: bool = False) -> str:
    """A number format: thousands separated, `places` decimals, a percentage if asked."""
    if percent_:
        return ("0." + "0" * places if places else "0") + "%"
    return "#,##0." + "0" * places if places else "#,##0"


def _show(value: float, places: int, percent_: bool = False) -> str:
    text = f"{value * 100:.{places}f}%" if percent_ else f"{value:,.{places}f}"
    return text[1:] if text.startswith("-") and not text.strip("-0.,%") else text


def is_percent(indicator: Indicator) -> bool:
    return (indicator.unit or "").strip() == "%"


def measure(
    indicator: Indicator, value: float | str | None, *, estimate: bool = False, places: int = 0
) -> Figure | str | None:
    """A figure in the indicator's unit (actual, expected, gap, a spread): a real percentage
    for a % indicator, else the value; the plan's precision at least, and every decimal the
    figure has (up to 4).

    An `estimate` (a computed figure: the expected path, a projection) has no decimals of its
    own: it shows the plan's precision, or `places` when more: the decimals of the reported
    figures it is projected from, at most 2, as `psplan.views.assessment.reported_places`
    counts them. So hanzhong's 接受创业服务人数 (target "3") reported as 2.76, 2.8, 2.95 is
    projected as 3.15, not 3."""
    if value is None or isinstance(value, str):
        return value
    if not math.isfinite(value):
        return number(value)
    precision = plan_precision(indicator)
    if not value:  # 0.0 and -0.0 are one key of a cache, but not one figure
        return _measured(value, precision, is_percent(indicator), estimate, places)
    return _measured_often(value, type(value), precision, is_percent(indicator), estimate, places)


def _measured(value: float, precision: int, percent_: bool, estimate: bool, places: int) -> Figure:
    """`measure` of a finite number, given what it reads off the indicator."""
    if estimate:
        places = min(max(precision, places), MAX_DECIMALS)
    else:
        places = min(max(precision, decimals(value)), MAX_DECIMALS)
    if percent_:
        return Figure(hundredth(value), _fixed(places, True), _show(value / 100, places, True))
    return Figure(value, _fixed(places), _show(value, places))


@functools.lru_cache(maxsize=8192)
def _measured_often(
    value: float, kind: type, precision: int, percent_: bool, estimate: bool, places: int
) -> Figure:
    """`_measured`, remembered: the regions of a county file report the same figures often
    (and the expected values of an indicator are a handful). The type is part of the key:
    90 and 90.0 are one key, but not the same JSON."""
    return _measured(value, precision, percent_, estimate, places)


#: The most decimals a figure psplan computed (an expected value, a gap) shows.
COMPUTED_PLACES = 2


def computed(
    indicator: Indicator,
    value: float | None,
    *,
    points: str | None = None,
    places: int | None = None,
) -> Figure | str | None:
    """A figure psplan computed from the plan and the reports (the expected value, the gap,
    the mean of the regions): the plan's precision, and the decimals the figure has up to two,
    rounded to what is shown: 77.966667 beside a plan printing 78.3 reads 77.97, not 77.9667
    and not 78.0; 95.68 stays 95.68, so an expected value is not rounded onto the actual
    figure it is compared with; 100.0 reads 100.

    A difference of two figures of a % indicator (a gap: 96% − 95.7%) is percentage points,
    not a relative change: given `points`, the unit word of percentage points in the view's
    language (the catalogue's ``unit.points``: 个百分点, " pp"), it is the number 0.3 shown
    "0.3个百分点" (`in_points`). Given `places`, it shows that many decimals (figures shown
    side by side: `computed_places`)."""
    if value is None or not math.isfinite(value):
        return measure(indicator, value)
    if places is None:
        places = computed_places(indicator, value)
    if points is not None and is_percent(indicator):
        return in_points(round(value, places) + 0.0, places, points)
    return measure(indicator, round(value, places) + 0.0, estimate=True, places=places)


def computed_places(indicator: Indicator, *values: float | None) -> int:
    """The decimals `computed` shows figures with: the plan's precision, and as many as the
    figures have, up to two — for several figures shown side by side (a spread's minimum,
    maximum and mean), the most any of them has, so that one row reads alike."""
    found = [min(decimals(v), COMPUTED_PLACES) for v in values
             if v is not None and math.isfinite(v)]  # fmt: skip
    return max(plan_precision(indicator), *found, 0)


def in_points(value: float, places: int, unit: str, *, signed: bool = False) -> Figure:
    """A number of percentage points: stored as the number (0.3), shown and formatted with the
    `unit` word after it (0.3个百分点; number format ``#,##0.0"个百分点"``); `signed`: +0.3."""
    places = min(places, MAX_DECIMALS)
    suffix = f'"{unit}"' if unit else ""
    plain = _fixed(places) + suffix
    if signed:
        shown = f"{value:+,.{places}f}"
        if not shown.strip("+-0.,"):
            shown = shown[1:]  # never "+0.0" or "-0.0"
        return Figure(value, f"+{plain};-{plain};{plain}", shown + unit)
    return Figure(value, plain, _show(value, places) + unit)


def hundredth(value: float) -> float:
    """A percentage as a fraction, without float noise (91.1 → 0.911, not 0.9109999999999999)."""
    return round(value / 100, 12) + 0.0


def share(value: float | None, places: int | None = None) -> Figure | None:
    """A fraction shown as a percentage as `percent` shows it (44%; under 1 %: 0.4%), or
    with `places` decimals."""
    if value is None or not math.isfinite(value):
        return None
    if places is None:
        places = 1 if 0.05 <= abs(value * 100) < 0.95 else 0
        return Figure(value, _fixed(places, True), percent(value))
    return Figure(value, _fixed(places, True), f"{_half_up(value * 100, places) + 0.0:.{places}f}%")


#: The most decimals a figure takes to read otherwise than the one it is compared with.
APART_PLACES = 4


def share_apart(value: float | None, other: float | None) -> Figure | None:
    """`share(value)`, a progress shown beside the time share `other`, with the decimals it
    takes (up to 2) to read as it compares: a progress of 19.92 % read 20% beside a time
    share of 20% (进度滞后 looked wrong), and 59.67 % read 60% beside 50% — ten points
    ahead, 快于预期, where the rating said 基本符合预期 (`rating.AHEAD_MARGIN`)."""
    shown = share(value)
    if shown is None or other is None or value == other:
        return shown
    beside = share(other)
    assert beside is not None
    behind = value < other
    ahead = value - other >= AHEAD_MARGIN - 1e-9

    def reads_right(cell: Figure) -> bool:
        near = float(cell.shown.rstrip("%")), float(beside.shown.rstrip("%"))
        return (
            cell.shown != beside.shown
            and (near[0] < near[1]) == behind
            and (near[0] - near[1] >= AHEAD_MARGIN * 100 - 1e-9) == ahead
        )

    if reads_right(shown):
        return shown
    for places in (1, 2):
        closer = share(value, places)
        if closer is not None and reads_right(closer):
            return closer
    return shown


def computed_apart(
    indicator: Indicator, value: float | None, other: object, beside: object
) -> Figure | str | None:
    """`computed(indicator, value)`, with the decimals it takes (up to `APART_PLACES`) not to
    read as `beside`, the figure `other` it is compared with as shown, where they differ: an
    expected 2.5602 read 2.56 beside an actual 2.56 (and 2.405 read 2.40 beside 2.4), and
    进度滞后 looked wrong. Read as numbers (2.40 is 2.4); alike to `APART_PLACES` decimals
    (float noise: 99.99999999 and 100) they are alike."""
    if value is None or not isinstance(other, float) or not math.isfinite(value):
        return computed(indicator, value)
    places = computed_places(indicator, value)
    shown = computed(indicator, value, places=places)  # (as `computed` alone: places once)
    if round(value, places) != round(other, places):
        return shown  # (the common case: the actual shows at least these decimals, and differs)
    if round(value, APART_PLACES) == round(other, APART_PLACES):
        return shown
    found = _FIGURE.search(str(beside).replace(",", ""))
    if found is None:
        return shown
    read = float(found.group())
    while places < APART_PLACES and round(value, places) == read:
        places += 1
        shown = computed(indicator, value, places=places)
    return shown


#: The number a figure's text shows (98.90% → 98.90, 1,234.5万人 → 1234.5 once commas go).
_FIGURE = re.compile(r"-?\d+(?:\.\d+)?")


def growth(value: float | None) -> Figure | None:
    """A growth rate, signed, two decimals: +1.23%."""
    if value is None or not math.isfinite(value):
        return None
    shown = f"{value:+.2%}"
    return Figure(value, "+0.00%;-0.00%;0.00%", "0.00%" if shown in ("+0.00%", "-0.00%") else shown)


def ratio(value: float | None) -> Figure | None:
    if value is None or not math.isfinite(value):
        return None
    shown = f"{value:.2f}"
    return Figure(value, "0.00", "0.00" if shown == "-0.00" else shown)


def count(value: int) -> Figure:
    return Figure(value, "0", str(value))


_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?%?")


def printed(indicator: Indicator, raw: str) -> Figure | str:
    """A target or baseline as the plan prints it: a number where it prints a plain number
    (with its decimals; 95.2% or 95.2 of a % indicator is 0.952), else the text (>90%, ——,
    77.3**, [269], 应保尽保)."""
    text = raw.strip()
    if not _PLAIN_NUMBER.fullmatch(text):
        return raw
    value = float(text.rstrip("%"))
    places = len(text.rstrip("%").partition(".")[2])
    if text.endswith("%") or is_percent(indicator):
        return Figure(hundredth(value), _fixed(places, True), _show(value / 100, places, True))
    return Figure(value, _fixed(places), _show(value, places))
