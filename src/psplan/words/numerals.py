"""Chinese numerals for headings: a 公文 numbers its second level （一）（二）…, not （1）."""

from __future__ import annotations

_DIGITS = "〇一二三四五六七八九"


def chinese_numeral(number: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 31 → 三十一, 105 → 一百零五, 112 → 一百一十二
    (for 1 to 999: more headings than a report has)."""
    if number < 10:
        return _DIGITS[number]
    if number < 100:
        tens, ones = divmod(number, 10)
        return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")
    hundreds, rest = divmod(number, 100)
    if not rest:
        return _DIGITS[hundreds] + "百"
    tail = chinese_numeral(rest)
    if rest < 10:
        tail = "零" + tail
    elif rest < 20:
        tail = "一" + tail  # 一百一十二, not 一百十二
    return _DIGITS[hundreds] + "百" + tail
