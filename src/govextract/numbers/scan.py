"""One linear pass that finds every number with its unit, range and qualifier words.

Works on normalised text (ASCII digits and punctuation).  The pattern is
built from the unit and qualifier data files; every repetition is
possessive, so the scan stays linear however long the input.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Optional

import operator
import re

import regex

from .. import _regex
from .vocab import NumberVocabulary, default_numbers
from .numerals import NumeralError, parse_number

_CN = "零〇一二两三四五六七八九十百千"
_CN_NUM = rf"[{_CN}]++(?:点[零〇一二三四五六七八九]++)?+"
_AR_NUM = r"[0-9]++(?:\.[0-9]++)?+"
_RANGE_SEP = r"(?:-|—{1,2}|–|~|至|到)"
# Units a Chinese numeral may carry: elsewhere 一/十/百 are words (一批, 十九大), not amounts.
_CN_UNITS = {"个百分点", "百分点", "%", "成", "倍"}


@dataclass(slots=True)
class RawNumber:
    """A number found in the normalised text (offsets are normalised positions)."""
    start: int                 # first char of the evidence (before-qualifier included)
    end: int                   # end of the evidence (after-qualifier included)
    num_start: int             # the numeral itself
    num_end: int               # end of numeral + unit (+ range)
    value: Decimal
    value_high: Optional[Decimal]
    unit: str                  # as written, magnitude included: "亿元", "%", "万"
    unit_norm: Optional[str]
    amount: Optional[Decimal]
    amount_high: Optional[Decimal]
    qualifier: str             # exact | about | at_least | at_most | range
    qualifier_after: Optional[str] = None
    qualifier_before: Optional[str] = None
    chinese: bool = False


def _build_pattern(v: NumberVocabulary) -> "regex.Pattern[str]":
    unit_alt = "|".join(regex.escape(x) for x in sorted(v.units, key=len, reverse=True))
    # 千 before 瓦/米/克/伏 is part of the unit (千瓦, 千米), not a magnitude
    # a unit that begins with 千 (千瓦, 千米, a user's 千帕) is not the magnitude 千 plus a unit
    qian = sorted((u[1:] for u in v.units if u.startswith("千") and len(u) > 1), key=len, reverse=True)
    qian_alt = "|".join(regex.escape(x) for x in qian) or "(?!)"
    mag_alt = "|".join(regex.escape(x) if x != "千" else f"千(?!{qian_alt})"
                       for x in sorted(v.magnitudes, key=len, reverse=True))
    inner_alt = "|".join(regex.escape(x) for x in sorted(v.qualifiers["inner"], key=len, reverse=True)) or "(?!)"
    one = (rf"(?P<n{{i}}>{_AR_NUM}|{_CN_NUM})(?P<inner{{i}}>{inner_alt})?+"
           rf"(?P<mag{{i}}>{mag_alt})?+(?P<innerm{{i}}>{inner_alt})?+(?P<unit{{i}}>{unit_alt})?+")
    pat = (
        rf"(?:百分之(?P<pcn1>{_CN_NUM})(?:{_RANGE_SEP}百分之(?P<pcn2>{_CN_NUM}))?+"
        rf"|{one.format(i=1)}(?:(?P<sep>{_RANGE_SEP}){one.format(i=2)})?+)"
    )
    return _regex.compile(pat, short=True)   # anchored at each candidate


class _Scanner:
    """What a scan needs, compiled once per vocabulary version."""

    def __init__(self, v: NumberVocabulary) -> None:
        self.vocab = v
        self.full = _build_pattern(v)
        # one tuple of all groups, then a fixed selection: far cheaper than group(*names)
        self.pick = operator.itemgetter(*(self.full.groupindex[g] - 1 for g in _GROUPS))
        first = {w[0] for w in (*v.magnitudes, *v.units, *v.qualifiers["inner"])}
        self.follow = frozenset(first | set(".-—–~至到点") | set(_CN))
        self.before = dict(v.qualifiers["before"])
        self.after = dict(v.qualifiers["after"])
        self.inner = dict(v.qualifiers["inner"])
        self.before_lens = sorted({len(w) for w in self.before}, reverse=True)
        self.mag_factor = {m: Decimal(f) for m, f in v.magnitudes.items()}
        self.unit_factor = {u: (i["norm"], Decimal(i["factor"])) for u, i in v.units.items()}
        self.after_lens = sorted({len(w) for w in self.after}, reverse=True)

    def scale(self, value: Decimal, mag: Optional[str], unit: Optional[str]) -> tuple[Optional[str], Optional[Decimal]]:
        if unit:
            norm, factor = self.unit_factor[unit]
            return norm, value * (self.mag_factor[mag] * factor if mag else factor)
        if mag:
            return "number", value * self.mag_factor[mag]
        return None, None


def scanner(v: Optional[NumberVocabulary] = None) -> _Scanner:
    return (v or default_numbers()).cached("scanner", _Scanner)


_MAX_DIGITS = 18
_CN_FOLLOW = ("多", "余", "万", "亿", "个百分点", "百分点", "成", "倍", "%", "-", "—", "~", "至", "到")
_GROUPS = ("pcn1", "pcn2", "n1", "n2", "inner1", "inner2", "innerm1", "innerm2", "mag1", "mag2", "unit1", "unit2")
_NOT_BEFORE = frozenset("0123456789.第" + "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


# Three cheap candidate passes, each with the engine that runs it fastest: digit runs
# (regex skips to the next digit 4x faster), 百分之 (str.find), and short runs of Chinese
# numerals right before a magnitude or unit they may carry (re). Chinese numerals are
# words far more often than amounts (一批, 进一步): only a short run before a magnitude or
# unit is a candidate, and the bound keeps the lookahead linear. Runs are maximal with
# nothing required after them, matched once and never backtracked into: a 200,000-digit
# string costs one pass (what follows a run is checked in code). The full pattern then
# runs anchored at each candidate.
_DIGIT_RUN = regex.compile(r"[0-9]+(?:\.[0-9]+)?")   # possessive here would cost regex its fast path (15x)
_CN_RUN = re.compile(rf"[{_CN}]{{1,12}}(?:点[零〇一二三四五六七八九]{{1,8}})?"
                     rf"(?={'|'.join(re.escape(w) for w in _CN_FOLLOW)})")


def _candidates(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of every candidate, in text order (the three kinds never overlap)."""
    spans = [m.span() for m in _DIGIT_RUN.finditer(text, start, end)]
    spans += [m.span() for m in _CN_RUN.finditer(text, start, end)]
    spans += [(k, k + 3) for k in _regex.find_all(text, ("百分之",), start, end)]
    spans.sort()
    return spans


def _value(s: str) -> Optional[Decimal]:
    try:
        return parse_number(s)
    except NumeralError:
        return None


def scan_numbers(text: str, start: int = 0, end: Optional[int] = None,
                 vocab: Optional[NumberVocabulary] = None) -> list[RawNumber]:
    """Every number with a unit, magnitude or percent sign in ``text[start:end]``.

    Bare numbers (years, item numbers, codes such as 5G, PM2.5) are not returned.
    """
    end = len(text) if end is None else end
    out: list[RawNumber] = []
    sc = scanner(vocab)
    before, after, inner_q = sc.before, sc.after, sc.inner
    before_lens, after_lens = sc.before_lens, sc.after_lens
    full, pick = sc.full, sc.pick
    follow = sc.follow
    _scale = sc.scale
    pos = start
    for cs, ce in _candidates(text, start, end):
        if cs < pos:
            continue
        nxt = text[ce] if ce < end else ""
        if text[cs] in _CN:
            if not text.startswith(_CN_FOLLOW, ce) and text[cs] != "百":
                continue    # 一批, 十九大: Chinese numerals without a magnitude or unit are words
        elif nxt not in follow or (nxt == "年" and ce - cs > 2):
            continue        # a bare number: a year, an item number
        if cs > 0 and text[cs - 1] in _NOT_BEFORE:
            continue    # inside a longer number or a code: 1.5, PM2.5, G4, 第9届
        if ce - cs > _MAX_DIGITS:
            continue        # no report states a figure of more than 18 digits: a code or debris
        m = full.match(text, cs, end)
        if m is None:
            continue
        pos = m.end()
        (pcn1, pcn2, n1, n2, inner1, inner2, innerm1, innerm2,
         mag, mag2, unit, unit2) = pick(m.groups())
        chinese = False
        if pcn1 is not None:
            v1, v2 = _value(pcn1), _value(pcn2) if pcn2 else None
            unit_w, unit, mag, mag2, unit2 = "%", "%", None, None, "%"
            chinese = True
            inner = None
        else:
            inner = inner1 or inner2 or innerm1 or innerm2
            chinese = not n1[0].isdigit()
            if n2 is not None and not (unit2 or mag2) and not (unit or mag):
                # "2016-2020" or "1-3": no unit on either side, not a quantity range
                continue
            if n2 is not None and (unit or mag) and not (unit2 or mag2):
                # "8%至" + bare number: the range does not hold; keep the first number alone
                n2 = None
            v1 = _value(n1)
            v2 = _value(n2) if n2 is not None else None
            if n2 is not None:
                if not unit and not mag:
                    unit, mag = unit2, mag2
                elif not unit:
                    unit = unit2      # 3万-5万人: the unit is written once, after the range
                unit_w = (mag2 or "") + (unit2 or "")
            else:
                unit_w = (mag or "") + (unit or "")
            if not unit_w:
                continue
            if chinese and not mag and unit not in _CN_UNITS:
                continue
            if chinese and n1 in ("零", "〇"):
                continue      # 破零倍增: 零 alone is a word, not an amount
            if unit == "年" and (chinese or mag or n2 is not None or not n1.isdigit() or int(n1) >= 100):
                continue   # 2021年 is a date; only small counts of years (5年过渡期) are quantities
            if n2 is not None and not n2[0].isdigit() and not mag2 and unit2 not in _CN_UNITS:
                continue
        if v1 is None:
            continue
        num_start, num_end = m.start(), m.end()
        if v2 is not None and v2 < v1:
            # "5-3%" is no range: read again from the second number
            pos = m.start("n2") if n2 else m.start("pcn2")
            continue
        unit_norm, amount = _scale(v1, mag, unit)
        amount_high = _scale(v2, mag2 or mag, unit2 or unit)[1] if v2 is not None else None
        qualifier = "range" if v2 is not None else "exact"
        q_before = q_after = None
        s0 = num_start
        for k in before_lens:
            w = text[num_start - k:num_start] if num_start - k >= start else ""
            qual = before.get(w)
            if qual:
                q_before = w
                s0 = num_start - k
                if qualifier == "exact":
                    qualifier = qual
                break
        e0 = num_end
        for k in after_lens:
            w = text[num_end:num_end + k]
            qual = after.get(w) if len(w) == k else None    # at the end of the text w is cut short
            if qual and (w != "内" or not text.startswith("内容", num_end)):
                q_after = w
                e0 = num_end + k
                if qualifier != "range":
                    qualifier = qual  # the word after the number wins
                break
        if inner and qualifier == "exact":
            qualifier = inner_q[inner]
        if v2 is None and not chinese and q_before is None and num_start > 0 and text[num_start - 1] == "、":
            out.extend(_bare_list_before(text, start, num_start, mag, unit, unit_w, _scale))
        out.append(RawNumber(s0, e0, num_start, num_end, v1, v2, unit_w, unit_norm,
                             amount, amount_high, qualifier, q_after, q_before, chinese))
    return out


_BARE_BEFORE = re.compile(r"[0-9]+(?:\.[0-9]+)?$")


def _bare_list_before(text: str, floor: int, pos: int, mag, unit, unit_w: str, _scale) -> list[RawNumber]:
    """分别是2016年的3.9、1.1、1.3倍: numbers listed bare before the one that carries the unit."""
    found: list[RawNumber] = []
    while pos - 1 > floor and text[pos - 1] == "、":
        m = _BARE_BEFORE.search(text, max(floor, pos - 16), pos - 1)
        if not m or (m.start() > 0 and text[m.start() - 1] in _NOT_BEFORE):
            break
        v = _value(m.group())
        if v is None:
            break
        unit_norm, amount = _scale(v, mag, unit)
        found.append(RawNumber(m.start(), m.end(), m.start(), m.end(), v, None, unit_w, unit_norm, amount,
                               None, "exact"))
        pos = m.start()
    return found[::-1]


_LIST_JOINERS = ("、", "和", "与", "及", ",")


def propagate_list_qualifiers(nums: list[RawNumber], text: str) -> None:
    """A qualifier written once after the last number of a 分别 list applies to every number.

    ``分别增长8%、10%左右`` -> both ``about``; ``分别控制在3.5%和5.5%以内`` -> both ``at_most``.
    A list is a run of numbers joined only by 、/和/与/及, preceded by 分别 in the same clause.
    """
    i = 0
    n = len(nums)
    while i < n:
        j = i
        while j + 1 < n and text[nums[j].num_end:nums[j + 1].start] in _LIST_JOINERS \
                and nums[j].qualifier_after is None:
            j += 1
        if j > i and nums[j].qualifier_after is not None:
            head = text[max(0, nums[i].start - 24):nums[i].start]
            cut = max(head.rfind(c) for c in ",;:。")
            if "分别" in head[cut + 1:]:
                last = nums[j]
                for k in range(i, j):
                    if nums[k].qualifier in ("exact",) or nums[k].qualifier_before == "控制在":
                        nums[k].qualifier = last.qualifier
        i = j + 1
