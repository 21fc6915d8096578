"""Composable sub-patterns, each named once: rules build their patterns from these.

The words inside a pattern come from the language data (:mod:`govextract.lang`); what stays
here is the grammar of dates and numbers that no report varies (a year is four digits from
the 1900s or 2000s followed by 年). A rule that needs "a year" writes ``YEAR`` rather than
another copy of ``(?:19|20)[0-9]{2}``.
"""
from __future__ import annotations

from typing import Iterable

import regex

from . import load_file


def alt(words: Iterable[str]) -> str:
    """An alternation of literal ``words``, longest first (so 增长到 wins over 增长), escaped."""
    uniq = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(regex.escape(w) for w in uniq) if uniq else "(?!)"


def group(words: Iterable[str]) -> str:
    """``alt`` in a non-capturing group, ready to be quantified or joined."""
    return f"(?:{alt(words)})"


# Four digits of a year of the reports' era; the character after it is the caller's business.
YEAR_DIGITS = r"(?:19|20)[0-9]{2}"
# A year, a month and a day as written in running text: 2021年, 1月, 22日.
YEAR_CHAR = "年"
MONTH_CHAR = "月"
DAY_CHAR = "日"
YEAR = YEAR_DIGITS + YEAR_CHAR
# The end or the start of a year (2021年底, 2021年初).
YEAR_END_CHARS = "底末初"
YEAR_ENDS = f"[{YEAR_END_CHARS}]"
# A year with the month or the end or start of the year it may carry: 2021年12月底.
YEAR_POINT = YEAR + rf"(?:[0-9]{{1,2}}{MONTH_CHAR})?+" + YEAR_ENDS + "?+"
# Chinese numerals that number headings and items (一、 (三) 第十部分).
CN_ITEM_DIGITS = "一二三四五六七八九十"
# The words that make the number after them an ordinal (第十四届, 第一部分, 第3页): the shipped
# ``units.json`` ``ordinal_prefixes`` (the number scan reads the same list per pipeline).
ORDINAL_PREFIXES: tuple[str, ...] = tuple(load_file("units.json")["ordinal_prefixes"])
ORDINAL_PREFIX = group(ORDINAL_PREFIXES)
# The number of a congress's term or session: 第十四届, 十一届, 第2次 (the word after it is data).
ORDINAL = ORDINAL_PREFIX + "?[" + CN_ITEM_DIGITS + "百〇零0-9]{1,4}"
# A month and day: 1月22日 (captions print the day without the year).
MONTH_DAY = f"[0-9]{{1,2}}{MONTH_CHAR}[0-9]{{1,2}}{DAY_CHAR}"
# A calendar date in digits: 2024年1月22日 (full-width digits are ASCII after normalisation).
DATE_DIGITS = YEAR + MONTH_DAY
# Digits of a year written in Chinese numerals (二〇二三; sources also type 0 or ○ for 〇).
CN_YEAR_DIGITS = "〇零一二三四五六七八九0○"
# A calendar date in Chinese numerals: 二〇二三年一月四日, 二〇二三年十二月二十八日.
DATE_NUMERALS = (f"[{CN_YEAR_DIGITS}]{{4}}{YEAR_CHAR}[{CN_ITEM_DIGITS}]{{1,2}}{MONTH_CHAR}"
                 f"[{CN_ITEM_DIGITS}]{{1,3}}{DAY_CHAR}")
# Either form.
DATE = f"(?:{DATE_DIGITS}|{DATE_NUMERALS})"
# The parts of a DATE or MONTH_DAY match, as printed: year (absent without one), month, day.
DATE_PARTS = regex.compile(
    f"(?:(?P<y>{YEAR_DIGITS}|[{CN_YEAR_DIGITS}]{{4}}){YEAR_CHAR})?"
    f"(?P<m>[0-9]{{1,2}}|[{CN_ITEM_DIGITS}]{{1,2}}){MONTH_CHAR}(?P<d>[0-9]{{1,2}}|[{CN_ITEM_DIGITS}]{{1,3}}){DAY_CHAR}")

# Arabic numerals as the normalised text writes them (ASCII digits, a point): 16, 16.4.
AR_NUMBER = r"[0-9]++(?:\.[0-9]++)?+"
# The characters of a Chinese numeral (一千二百, 两, 〇), the digits that may follow its
# decimal point 点 (三点五), and the zeros that alone are words, not amounts (破零).
CN_NUMERAL_CHARS = "零〇一二两三四五六七八九十百千"
CN_DECIMAL_DIGITS = "零〇一二三四五六七八九"
CN_POINT = "点"
# 〇, the zero of a year written in Chinese numerals (二〇二三), typed as 0 or ○ by some sources.
CN_ZERO = "〇"
CN_ZEROS = ("零", CN_ZERO)
# A Chinese numeral: 三千, 三点五.
CN_NUMBER = rf"[{CN_NUMERAL_CHARS}]++(?:{CN_POINT}[{CN_DECIMAL_DIGITS}]++)?+"
# A five-year plan by its number: 十一五 … 十五五.
PLAN_PERIOD = "十[一二三四五]五"
# The number of an item or heading that may open a clause: 1. (三) 二、
ITEM_MARKER = rf"[0-9]{{1,3}}\.(?![0-9])|\([{CN_ITEM_DIGITS}0-9]{{1,3}}\)|[{CN_ITEM_DIGITS}]{{1,3}}、"

# Punctuation of running Chinese text that patterns use as boundaries (the normalised text
# keeps these full-width forms): the full stop, and the opening and closing double quotes.
FULL_STOP = "\u3002"
# Emphasis and heading marks a Markdown or wiki export puts around titles and words
# (**一、…**, # 一、…, **地区生产总值**): never part of a title's or a subject's text.
MARKUP = "*#"
QUOTES = "\u201c\u201d"

# The code points of the Han script (Unicode Script=Han, as ``regex``'s ``\p{Han}`` reads it;
# tests/test_engines.py compares the two). Written out as a character class so that a pattern
# called on every number can run on ``re``, which has no ``\p{Han}``, at a third of the cost.
HAN_RANGES = (
    (0x2E80, 0x2E99), (0x2E9B, 0x2EF3), (0x2F00, 0x2FD5), (0x3005, 0x3005), (0x3007, 0x3007),
    (0x3021, 0x3029), (0x3038, 0x303B), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFA6D),
    (0xFA70, 0xFAD9), (0x16FE2, 0x16FE3), (0x16FF0, 0x16FF6), (0x20000, 0x2A6DF), (0x2A700, 0x2B81E),
    (0x2B820, 0x2CEAD), (0x2CEB0, 0x2EBE0), (0x2EBF0, 0x2EE5D), (0x2F800, 0x2FA1D), (0x30000, 0x3134A),
    (0x31350, 0x33479),
)
HAN_CLASS = "".join(f"{chr(a)}-{chr(b)}" if a < b else chr(a) for a, b in HAN_RANGES)   # inside [...]
