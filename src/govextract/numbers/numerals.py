"""Arabic and Chinese numerals to exact ``Decimal`` values."""
from __future__ import annotations

from decimal import Decimal

from ..lang.patterns import CN_POINT

# The numeral table: the grammar of Chinese numerals (lang/patterns.py names its characters).
_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
           "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}


class NumeralError(ValueError):
    """A string that is not a numeral."""


def parse_chinese_numeral(s: str) -> Decimal:
    """``一千二百万`` -> 12000000, ``三点五`` -> 3.5, ``十五`` -> 15, ``两`` -> 2.

    Digit strings without unit characters (``二〇二一``) are read digit by digit.
    """
    if not s:
        raise NumeralError("empty numeral")
    if CN_POINT in s:
        whole, _, frac = s.partition(CN_POINT)
        if not frac or any(c not in _DIGITS for c in frac):
            raise NumeralError(f"bad decimal numeral {s!r}")
        head = parse_chinese_numeral(whole) if whole else Decimal(0)
        return head + Decimal("0." + "".join(str(_DIGITS[c]) for c in frac))
    if all(c in _DIGITS for c in s):
        if len(s) == 1:
            return Decimal(_DIGITS[s])
        return Decimal("".join(str(_DIGITS[c]) for c in s))
    total = 0      # completed 亿/万 groups
    section = 0    # current group below 万
    digit = None
    for c in s:
        if c in _DIGITS:
            digit = _DIGITS[c]
        elif c in _SMALL_UNITS:
            section += (1 if digit is None else digit) * _SMALL_UNITS[c]
            digit = None
        elif c in _BIG_UNITS:
            section += digit or 0
            big = _BIG_UNITS[c]
            if big > 10_000 or total == 0:
                total = (total + section) * big
            else:
                total += section * big
            section, digit = 0, None
        else:
            raise NumeralError(f"not a Chinese numeral character {c!r} in {s!r}")
    return Decimal(total + section + (digit or 0))


def parse_number(s: str) -> Decimal:
    """An Arabic (``16.4``) or Chinese (``十六点四``) numeral as an exact Decimal."""
    s = s.strip()
    if s and (s[0].isdigit()):
        try:
            return Decimal(s)
        except ArithmeticError as e:  # pragma: no cover - regex guarantees digits
            raise NumeralError(s) from e
    return parse_chinese_numeral(s)
