"""One linear pass that finds every number with its unit, range and qualifier words.

Works on normalised text (ASCII digits and punctuation). The scan runs in named steps:
candidates (digit runs, short runs of Chinese numerals, 百分之) → a character test of what
stands around each → the full pattern, anchored at the candidate → the reading (value,
range, unit; the shapes that are no quantity) → the qualifier words before and after.
The pattern is built from the unit and qualifier data files; every repetition is
possessive, so the scan stays linear however long the input. Arithmetic runs in a local
decimal context: results never depend on the caller's context, and nothing raises.
"""
from __future__ import annotations

import decimal
import operator
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Optional

import regex

from .. import _regex
from ..lang import default_lang
from ..lang.patterns import (AR_NUMBER, CN_DECIMAL_DIGITS, CN_NUMBER, CN_NUMERAL_CHARS, CN_POINT, CN_ZEROS,
                              FULL_STOP, YEAR_CHAR, alt)
from .numerals import NumeralError, parse_number
from .vocab import NumberVocabulary, default_numbers
from ..why import rule

BARE_NUMBER_SHARES_UNIT = rule("bare_number_shares_unit")
DURATION_IS_NO_FIGURE = rule("duration_is_no_figure")
INNER_QUALIFIER = rule("inner_qualifier")
LIST_QUALIFIER_PROPAGATED = rule("list_qualifier_propagated")
QUALIFIER_AFTER_NUMBER_WINS = rule("qualifier_after_number_wins")
QUALIFIER_NEGATED = rule("qualifier_negated")



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
    why: tuple[str, ...] = ()   # rules of the scan that decided its reading (qualifier_negated …)


# No report states a figure with more significant digits than this (the longest in 2,920
# reports has 7; a float holds 15 exactly): a longer one is a code, debris or an attack.
MAX_SIGNIFICANT_DIGITS = 15
# A digit run longer than this is no figure (an ID, a phone number): not even read.
MAX_DIGITS = 18
# Chinese numerals are words far more often than amounts (一批, 进一步): only a run of at most
# this many characters right before a magnitude or unit is a candidate.
MAX_CN_RUN = 12
_CN_DECIMALS = 8
_YEAR_NORM = "year"            # units.json norm of 年: a date unless a small count
_MAX_YEARS = 100               # 5年过渡期 is a quantity; 2021年 a date
_DURATION_NORMS = ("year", "month")   # units.json norms of a span of time
_LATIN = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
# The qualifier of a 分别 list is looked for this far before its first number.
_LIST_HEAD_REACH = 24
_CLAUSE_BREAKS = ",;:" + FULL_STOP
# Decimal arithmetic of the scan: exact for every figure it accepts, never trapping.
_DECIMALS = decimal.Context(prec=60, Emax=999_999, Emin=-999_999, traps=[])
_DIGITS = frozenset("0123456789")
_GROUPS = ("pcn1", "pcn2", "n1", "n2", "inner1", "inner2", "innerm1", "innerm2", "mag1", "mag2", "unit1", "unit2")


def _build_pattern(v: NumberVocabulary, seps: str, percent: str) -> Any:
    unit_alt = alt(v.units)
    # a unit that begins with a magnitude (千瓦, 千米, a user's 千帕) is not the magnitude plus a unit
    mags = []
    for x in sorted(v.magnitudes, key=len, reverse=True):
        rest = [u[len(x):] for u in v.units if u.startswith(x) and len(u) > len(x)]
        mags.append(f"{regex.escape(x)}(?!{alt(rest)})" if rest else regex.escape(x))
    mag_alt = "|".join(mags)
    inner_alt = alt(v.qualifiers["inner"])
    one = (rf"(?P<n{{i}}>{AR_NUMBER}|{CN_NUMBER})(?P<inner{{i}}>{inner_alt})?+"
           rf"(?P<mag{{i}}>{mag_alt})?+(?P<innerm{{i}}>{inner_alt})?+(?P<unit{{i}}>{unit_alt})?+")
    pat = (rf"(?:(?:{percent})(?P<pcn1>{CN_NUMBER})(?:{seps}(?:{percent})(?P<pcn2>{CN_NUMBER}))?+"
           rf"|{one.format(i=1)}(?:(?P<sep>{seps}){one.format(i=2)})?+)")
    return _regex.compile(pat, short=True)   # anchored at each candidate


class _Scanner:
    """What a scan needs, compiled once per vocabulary version."""

    def __init__(self, v: NumberVocabulary) -> None:
        lang = default_lang()
        self.vocab = v
        seps = alt(v.qualifiers.get("range_separators") or lang.words("qualifiers.json", "range_separators"))
        self.percent = tuple(lang.words("units.json", "percent_prefixes"))
        self.full = _build_pattern(v, f"(?:{seps})", alt(self.percent))
        # one tuple of all groups, then a fixed selection: far cheaper than group(*names)
        self.pick = operator.itemgetter(*(self.full.groupindex[g] - 1 for g in _GROUPS))
        self.cn_units = frozenset(lang.words("units.json", "chinese_numeral_units"))
        separators = list(lang.words("qualifiers.json", "range_separators"))
        # what may follow a run of Chinese numerals that is an amount: a magnitude that is no
        # numeral itself (万, 亿), an inner qualifier (多, 余), a unit they may carry, a range
        self.cn_follow = tuple(sorted({m for m in v.magnitudes if m[0] not in CN_NUMERAL_CHARS}
                                      | set(v.qualifiers["inner"]) | self.cn_units | set(separators)))
        self.cn_run = re.compile(rf"[{CN_NUMERAL_CHARS}]{{1,{MAX_CN_RUN}}}"
                                 rf"(?:{CN_POINT}[{CN_DECIMAL_DIGITS}]{{1,{_CN_DECIMALS}}})?"
                                 rf"(?={'|'.join(re.escape(w) for w in self.cn_follow)})")
        first = {w[0] for w in (*v.magnitudes, *v.units, *v.qualifiers["inner"], *separators)}
        self.follow = frozenset(first | {".", CN_POINT} | set(CN_NUMERAL_CHARS))
        self.not_before = frozenset("0123456789." + _LATIN) | frozenset(lang.words("units.json", "ordinal_prefixes"))
        self.dun = lang.words("clauses.json", "enumeration_comma")[0]
        self.before = dict(v.qualifiers["before"])
        self.after = dict(v.qualifiers["after"])
        self.inner = dict(v.qualifiers["inner"])
        self.negations = tuple(lang.words("qualifiers.json", "negations"))
        self.verb_bounds = frozenset(lang.words("qualifiers.json", "verb_bounds"))    # 控制在: a verb, not negated
        self.not_after = tuple(lang.words("qualifiers.json", "not_after"))
        self.before_lens = sorted({len(w) for w in self.before}, reverse=True)
        self.after_lens = sorted({len(w) for w in self.after}, reverse=True)
        # most numbers have no qualifier word: one character test says so, no slice or lookup
        self.before_last = frozenset(w[-1] for w in self.before)
        self.after_first = frozenset(w[0] for w in self.after)
        self.mag_factor = {m: Decimal(f) for m, f in v.magnitudes.items()}
        self.unit_factor = {u: (i["norm"], Decimal(i["factor"])) for u, i in v.units.items()}
        self.year_units = frozenset(u for u, i in v.units.items() if i["norm"] == _YEAR_NORM)
        self.duration_units = frozenset(u for u, i in v.units.items() if i["norm"] in _DURATION_NORMS)
        self.durations = tuple(lang.words("units.json", "duration_prefixes"))
        self.decades = tuple(lang.words("horizons.json", "decade_words"))
        self.durations_len = max(len(d) for d in self.durations)

    def scale(self, value: Decimal, mag: Optional[str], unit: Optional[str]) -> tuple[Optional[str], Optional[Decimal]]:
        if unit:
            norm, factor = self.unit_factor[unit]
            return norm, value * (self.mag_factor[mag] * factor if mag else factor)
        if mag:
            return "number", value * self.mag_factor[mag]
        return None, None


def scanner(v: Optional[NumberVocabulary] = None) -> _Scanner:
    sc: _Scanner = (v or default_numbers()).cached("scanner", _Scanner)
    return sc


# Candidates: digit runs (regex skips to the next digit 4x faster), 百分之 (str.find), and short
# runs of Chinese numerals right before a magnitude or unit they may carry (re). Runs are
# maximal with nothing required after them, matched once and never backtracked into: a
# 200,000-digit string costs one pass (what follows a run is checked in code).
_DIGIT_RUN = regex.compile(r"[0-9]+(?:\.[0-9]+)?")   # possessive here would cost regex its fast path (15x)


def _candidates(text: str, start: int, end: int, sc: _Scanner) -> list[tuple[int, int]]:
    """(start, end) of every candidate, in text order (the three kinds never overlap)."""
    spans = [m.span() for m in _DIGIT_RUN.finditer(text, start, end)]
    spans += [m.span() for m in sc.cn_run.finditer(text, start, end)]
    spans += [(k, k + len(w)) for w in sc.percent for k in _regex.find_all(text, (w,), start, end)]
    spans.sort()
    return spans


def _plausible_words(text: str, cs: int, ce: int, sc: _Scanner) -> bool:
    """The same test for 百分之 and for a run of Chinese numerals."""
    if not text.startswith(sc.percent, cs):
        if cs > 0 and text[cs - 1] in CN_NUMERAL_CHARS:
            return False    # the tail of a run longer than MAX_CN_RUN: no amount
        if not text.startswith(sc.cn_follow, ce):
            return False    # 一批, 十九大: Chinese numerals without a magnitude or unit are words
    return not (cs > 0 and text[cs - 1] in sc.not_before)   # 第十


def _value(s: str) -> Optional[Decimal]:
    try:
        v = parse_number(s)
    except (NumeralError, ArithmeticError):
        return None
    if len(s) > MAX_SIGNIFICANT_DIGITS and (not v.is_finite() or len(v.as_tuple().digits) > MAX_SIGNIFICANT_DIGITS):
        return None     # more significant digits than any statistic: a code or debris
    return v


def _read_percent(text: str, m: Any, start: int, sc: _Scanner, out: list[RawNumber], pcn1: str,
                  pcn2: Optional[str]) -> Optional[int]:
    """百分之六, 百分之六至百分之八."""
    v1 = _value(pcn1)
    v2 = _value(pcn2) if pcn2 else None
    if v1 is None or (pcn2 and v2 is None):
        return None
    if v2 is not None and v2 < v1:
        return int(m.start("pcn2"))      # no range: read again from the second number
    out.append(_number(text, m, start, sc, v1, v2, "%", None, None, "%", "%", True, None))
    return None


def _read(text: str, m: Any, start: int, sc: _Scanner, out: list[RawNumber]) -> Optional[int]:
    """Read a match: append its number (and the bare numbers listed before it) to ``out``, or
    nothing for the shapes that are no quantity; return where to read again when a pair of
    numbers is no range (5-3%)."""
    (pcn1, pcn2, n1, n2, inner1, inner2, innerm1, innerm2, mag, mag2, unit, unit2) = sc.pick(m.groups())
    if pcn1 is not None:
        return _read_percent(text, m, start, sc, out, pcn1, pcn2)
    chinese = not n1[0].isdigit()
    if n2 is not None:
        reading = _range_units(n2, mag, mag2, unit, unit2)
        if reading is None:
            return None     # "2016-2020" or "1-3": no unit on either side, not a quantity range
        n2, mag, unit, unit_w = reading
    else:
        unit_w = (mag or "") + (unit or "")
    if not unit_w or (chinese or n2 is not None or unit in sc.year_units) \
            and _not_an_amount(n1, n2, mag, mag2, unit, unit2, chinese, sc):
        return None
    # an Arabic numeral of a sane length is read directly (the pattern guarantees its shape)
    v1 = Decimal(n1) if not chinese and len(n1) <= MAX_SIGNIFICANT_DIGITS else _value(n1)
    v2 = _value(n2) if n2 is not None else None
    if v1 is None or (n2 is not None and v2 is None):
        return None
    if v2 is not None and v2 < v1:
        return int(m.start("n2"))        # "5-3%" is no range: read again from the second number
    if unit in sc.year_units and text.startswith(sc.decades, m.end()):
        return None                 # 80年代: a decade, not a count of years
    n = _number(text, m, start, sc, v1, v2, unit_w, mag, mag2, unit, unit2, chinese,
                inner1 or inner2 or innerm1 or innerm2)
    if unit in sc.duration_units and text.endswith(sc.durations, max(0, n.start - sc.durations_len), n.start):
        n.why += (DURATION_IS_NO_FIGURE,)     # 实现连续8年增产: a span of time, not a figure
    if v2 is None and not chinese and n.qualifier_before is None and n.num_start > start \
            and text[n.num_start - 1] == sc.dun:
        out.extend(_bare_list_before(text, start, n.num_start, mag, unit, unit_w, sc))
    out.append(n)
    return None


def _range_units(n2: str, mag: Optional[str], mag2: Optional[str], unit: Optional[str],
                 unit2: Optional[str]) -> Optional[tuple[Optional[str], Optional[str], Optional[str], str]]:
    """The second number, magnitude, unit and written unit of a pair (3万-5万人), or None."""
    if not (unit2 or mag2):
        if not (unit or mag):
            return None
        return None, mag, unit, (mag or "") + (unit or "")   # "8%至" + bare number: the first alone
    if not unit and not mag:
        unit, mag = unit2, mag2
    elif not unit:
        unit = unit2        # 3万-5万人: the unit is written once, after the range
    return n2, mag, unit, (mag2 or "") + (unit2 or "")


def _not_an_amount(n1: str, n2: Optional[str], mag: Optional[str], mag2: Optional[str], unit: Optional[str],
                   unit2: Optional[str], chinese: bool, sc: _Scanner) -> bool:
    """Shapes the pattern reads that are words or dates, not quantities."""
    if chinese and not mag and unit not in sc.cn_units:
        return True         # 十个: a Chinese numeral carries only a magnitude or 成, 倍, %
    if chinese and n1 in CN_ZEROS:
        return True         # 破零倍增: 零 alone is a word, not an amount
    if unit in sc.year_units and (
            chinese or mag or n2 is not None or not n1.isdigit() or int(n1) >= _MAX_YEARS):
        return True         # 2021年 is a date; only small counts of years (5年过渡期) are quantities
    return n2 is not None and not n2[0].isdigit() and not mag2 and unit2 not in sc.cn_units


def _negated(text: str, s0: int, floor: int, sc: _Scanner) -> Optional[str]:
    """The negation written before a comparison word (不 of 不超过), or None."""
    for neg in sc.negations:
        if s0 - len(neg) >= floor and text.startswith(neg, s0 - len(neg)):
            return neg
    return None


_OPPOSITE = {"at_least": "at_most", "at_most": "at_least"}


def _number(text: str, m: Any, start: int, sc: _Scanner, v1: Decimal, v2: Optional[Decimal], unit_w: str,
            mag: Optional[str], mag2: Optional[str], unit: Optional[str], unit2: Optional[str], chinese: bool,
            inner: Optional[str]) -> RawNumber:
    """The RawNumber of a reading with its qualifier words: the word that touches the number on
    its left, then the word right after it, which wins (SPEC). A negation before a comparison
    word turns its bound over (不超过 is at_most, 不低于 at_least): one rule, ``qualifier_negated``,
    for every comparison word."""
    num_start, num_end = m.start(), m.end()
    why: tuple[str, ...] = ()
    unit_norm, amount = sc.scale(v1, mag, unit)
    amount_high = sc.scale(v2, mag2 or mag, unit2 or unit)[1] if v2 is not None else None
    qualifier = "range" if v2 is not None else "exact"
    q_before = None
    s0 = num_start
    if num_start > start and text[num_start - 1] in sc.before_last:
        for k in sc.before_lens:
            qual = sc.before.get(text[num_start - k:num_start]) if num_start - k >= start else None
            if qual is not None:
                q_before, s0 = text[num_start - k:num_start], num_start - k
                neg = _negated(text, s0, start, sc) if qual in _OPPOSITE and q_before not in sc.verb_bounds else None
                if neg is not None:
                    q_before, s0, qual, why = neg + q_before, s0 - len(neg), _OPPOSITE[qual], (QUALIFIER_NEGATED,)
                if qualifier == "exact":
                    qualifier = qual
                break
    q_after = None
    if num_end < len(text) and text[num_end] in sc.after_first:
        for k in sc.after_lens:
            w = text[num_end:num_end + k]
            qual = sc.after.get(w) if len(w) == k else None    # at the end of the text w is cut short
            if qual is not None and not text.startswith(sc.not_after, num_end):
                q_after = w
                if qualifier != "range":
                    if q_before is not None and qualifier != qual:
                        why += (QUALIFIER_AFTER_NUMBER_WINS,)
                    qualifier = qual
                break
    if inner and qualifier == "exact":
        qualifier = sc.inner[inner]
        why += (INNER_QUALIFIER,)
    return RawNumber(s0, num_end + len(q_after) if q_after else num_end, num_start, num_end, v1, v2, unit_w,
                     unit_norm, amount, amount_high, qualifier, q_after, q_before, chinese, why)


def scan_numbers(text: str, start: int = 0, end: Optional[int] = None,
                 vocab: Optional[NumberVocabulary] = None) -> list[RawNumber]:
    """Every number with a unit, magnitude or percent sign in ``text[start:end]``.

    Bare numbers (years, item numbers, codes such as 5G, PM2.5) are not returned.
    """
    end = len(text) if end is None else end
    out: list[RawNumber] = []
    sc = scanner(vocab)
    full, follow, not_before = sc.full, sc.follow, sc.not_before
    pos = start
    with decimal.localcontext(_DECIMALS):
        for cs, ce in _candidates(text, start, end, sc):
            if cs < pos:
                continue
            if text[cs] in _DIGITS:
                # a bare number (a year, an item number), a code or debris, a number inside a
                # longer one or a code (1.5, PM2.5, G4, 第9届): a character test, no pattern
                nxt = text[ce] if ce < end else ""
                if nxt not in follow or (nxt == YEAR_CHAR and ce - cs > 2) or ce - cs > MAX_DIGITS \
                        or (cs > 0 and text[cs - 1] in not_before):
                    continue
            elif not _plausible_words(text, cs, ce, sc):
                continue
            m = full.match(text, cs, end)
            if m is None:
                continue
            pos = m.end()
            resume = _read(text, m, start, sc, out)
            if resume is not None:
                pos = resume
    return out


_BARE_BEFORE = re.compile(r"[0-9]+(?:\.[0-9]+)?$")
# A bare number listed before the one that carries the unit is short.
_BARE_REACH = 16


def _bare_list_before(text: str, floor: int, pos: int, mag: Optional[str], unit: Optional[str], unit_w: str,
                      sc: _Scanner) -> list[RawNumber]:
    """分别是2016年的3.9、1.1、1.3倍: numbers listed bare before the one that carries the unit.

    Rule ``bare_number_shares_unit``.
    """
    found: list[RawNumber] = []
    while pos - 1 > floor and text[pos - 1] == sc.dun:
        m = _BARE_BEFORE.search(text, max(floor, pos - _BARE_REACH), pos - 1)
        if not m or (m.start() > 0 and text[m.start() - 1] in sc.not_before):
            break
        v = _value(m.group())
        if v is None:
            break
        unit_norm, amount = sc.scale(v, mag, unit)
        found.append(RawNumber(m.start(), m.end(), m.start(), m.end(), v, None, unit_w, unit_norm, amount,
                               None, "exact", why=(BARE_NUMBER_SHARES_UNIT,)))
        pos = m.start()
    return found[::-1]


def propagate_list_qualifiers(nums: list[RawNumber], text: str) -> None:
    """A qualifier written once after the last number of a 分别 list applies to every number.

    ``分别增长8%、10%左右`` -> both ``about``; ``分别控制在3.5%和5.5%以内`` -> both ``at_most``.
    A list is a run of numbers joined only by 、/和/与/及/, preceded by 分别 in the same clause.
    Rule ``list_qualifier_propagated``.
    """
    lang = default_lang()
    joiners = frozenset(lang.words("clauses.json", "qualifier_list_joiners"))
    longest = max(len(x) for x in joiners)
    respectively = lang.words("clauses.json", "respectively")
    verb_bounds = frozenset(lang.words("qualifiers.json", "verb_bounds"))
    i = 0
    n = len(nums)
    while i < n:
        j = i
        while j + 1 < n and nums[j + 1].start - nums[j].num_end <= longest \
                and text[nums[j].num_end:nums[j + 1].start] in joiners and nums[j].qualifier_after is None:
            j += 1
        if j > i and nums[j].qualifier_after is not None:
            head = text[max(0, nums[i].start - _LIST_HEAD_REACH):nums[i].start]
            cut = max(head.rfind(c) for c in _CLAUSE_BREAKS)
            if any(x in head[cut + 1:] for x in respectively):
                last = nums[j]
                for k in range(i, j):
                    if nums[k].qualifier == "exact" or nums[k].qualifier_before in verb_bounds:
                        nums[k].qualifier = last.qualifier
                        nums[k].why += (LIST_QUALIFIER_PROPAGATED,)
        i = j + 1
