"""Headings, the section tree, and the part (review / plan / other) each section belongs to.

Works on normalised text; offsets stay normalised here and are mapped back by the
structure extractor.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

import bisect
import re

from .. import _regex
from ..numbers.numerals import parse_chinese_numeral

_CN = "一二三四五六七八九十"
# Level 1: 一、  第一部分 ; level 2: (一) ; level 3: 1. or 1、 at line start ; level 4: (1)
# The pattern finds candidates; what may stand before a heading is checked in code
# (a lookbehind alternation at every position would dominate the run time).
_HEADING = re.compile(   # stdlib re: faster first-character scan for this simple alternation
    rf"(?P<l1>[{_CN}]{{1,3}})、"
    rf"|第(?P<p1>[{_CN}]{{1,3}})部分"
    rf"|\((?P<l2>[{_CN}]{{1,3}})\)"
    rf"|(?P<l3>[0-9]{{1,3}})(?:\.(?![0-9])|、)"
    rf"|\((?P<l4>[0-9]{{1,2}})\)")
_BEFORE = {"l1": "\n。!?:; \t\u3000", "p1": "\n", "l2": "\n。!?:; \t\u3000", "l3": "\n", "l4": "\n。"}
_ATTACHMENT = _regex.compile(r"(?<=^|\n)\s*+附件[0-9]?+\s*+(?:\n|:|$)")
_TITLE_STOP = _regex.compile(r"[。\n!?:]")
# A heading glued to its first sentence ends after these words.
_TITLE_END_WORDS = _regex.compile(r"工作回顾|回顾|工作安排|安排|目标任务|主要任务|重点工作|主要工作|工作建议|建议")
_REVIEW = _regex.compile(r"回顾|过去|一年来|五年来|工作总结|取得的成绩|主要成绩")
_PLAN = _regex.compile(r"安排|今年|重点工作|主要工作|主要任务|目标任务|工作任务|思路|建议|预期目标|打算|部署|目标")
_MULTI = _regex.compile(r"五年|十[一二三四五]五|今后|未来|规划期")
_ONE_YEAR = _regex.compile(r"一年|今年|本年")
_YEAR = _regex.compile(r"(?:19|20)[0-9]{2}(?=年)")


@dataclass
class Heading:
    level: int
    number: str          # as printed inside its marker
    style: str           # l1 一、 | p1 第一部分 | l2 (一) | l3 1. | l4 (1)
    value: int           # numeric value of the number
    start: int           # start of the marker
    title_start: int
    title_end: int
    end: int = 0         # end of the section (set when the tree is built)
    part: str = "other"
    horizon: Optional[str] = None
    year: Optional[int] = None
    children: list["Heading"] = field(default_factory=list)


def _title_end(text: str, start: int) -> int:
    limit = min(len(text), start + 60)
    m = _TITLE_STOP.search(text, start, limit)
    stop = m.start() if m else limit
    w = _TITLE_END_WORDS.search(text, start, min(stop, start + 30))
    if w and text[w.end():w.end() + 1] not in ("", "\n", "。", ":"):
        return w.end()
    if not m:
        c = text.find(",", start, limit)
        return c if c >= 0 else limit
    return stop


def find_headings(text: str, starts: Optional[list[int]] = None) -> list[Heading]:
    """Headings of ``text``. With ``starts`` (sentence starts), only those places are tried:
    a heading always opens a sentence, and trying a handful of places beats a full scan."""
    out: list[Heading] = []
    if starts is None:
        matches = _HEADING.finditer(text)
    else:
        # a heading opens with a numeral, a bracket or 第: only those starts are tried
        n = len(text)
        tried_set = {s for s in starts if s < n and text[s] in _OPENERS}
        for s in [s for s in starts if s < n and text[s] in " \t\u3000"]:
            p = _skip_blank(text, s)
            if p < n and text[p] in _OPENERS:
                tried_set.add(p)
        tried = sorted(tried_set)
        matches = (m for m in (_HEADING.match(text, p) for p in tried) if m)
    for m in matches:
        key = m.lastgroup
        lvl = {"l1": 1, "p1": 1, "l2": 2, "l3": 3, "l4": 4}[key]
        num = m.group(key)
        st = m.start()
        if key == "l3":
            # an Arabic item number opens a line (leading blanks allowed); looked for back
            # over the blanks only, not to the line start (a one-line scrape has thousands)
            k = st
            while k > 0 and text[k - 1] in " \t\u3000":
                k -= 1
            if k > 0 and text[k - 1] != "\n":
                continue
        elif st > 0 and text[st - 1] not in _BEFORE[key]:
            continue
        elif st > 0 and text[st - 1] in " \t\u3000":
            # a heading glued into a line stands after a sentence end (保护第 一、全民共享 is no heading)
            k = st - 1
            while k > 0 and text[k - 1] in " \t\u3000":
                k -= 1
            if k > 0 and text[k - 1] not in "\n。!?:;”":
                continue
        try:
            value = int(num) if num.isdigit() else int(parse_chinese_numeral(num))
        except ValueError:
            continue
        ts = m.end()
        while ts < len(text) and text[ts] in " \t":
            ts += 1
        if ts >= len(text) or text[ts] == "\n":
            continue
        te = _title_end(text, ts)
        out.append(Heading(level=lvl, number=num, style=key, value=value, start=m.start(), title_start=ts,
                           title_end=te))
    return out


_OPENERS = frozenset("一二三四五六七八九十(第0123456789")


def _skip_blank(text: str, pos: int) -> int:
    n = len(text)
    while pos < n and text[pos] in " \t\u3000":
        pos += 1
    return pos


def classify(h: Heading, text: str) -> None:
    title = text[h.title_start:h.title_end]
    if _REVIEW.search(title):
        h.part = "review"
    elif _PLAN.search(title):
        h.part = "plan"
    h.horizon = "multi_year" if _MULTI.search(title) else None
    years = [int(y) for y in _YEAR.findall(title)]
    if years:
        h.year = max(years)
        # "2020年及十三五工作回顾" opens on the year, "过去五年及2021年" on the five years:
        # what the title names first is what its first paragraphs speak of
        mm = _MULTI.search(title)
        ym = _YEAR.search(title)
        h.horizon = "multi_year" if mm and mm.start() < ym.start() else "year"
    elif h.horizon is None and _ONE_YEAR.search(title):
        h.horizon = "year"


def build_tree(text: str, starts: Optional[list[int]] = None) -> list[Heading]:
    """Nest headings by level. A top-level numbering that restarts at 一 inside a
    plan part (一、…二、…三、2022年工作 … 一、聚焦实体经济) nests under the section it restarts in."""
    heads = find_headings(text, starts)
    breaks = [m.start() for m in _ATTACHMENT.finditer(text)]
    roots: list[Heading] = []
    stack: list[Heading] = []
    last_top: Optional[Heading] = None
    inner = 0          # the last number of a 一、二、… run nested inside a top-level section
    for h in heads:
        if last_top is not None and _break_between(breaks, last_top.start, h.start):
            stack, last_top, inner = [], None, 0   # an attachment starts a new numbering
        if h.level == 1 and last_top is not None:
            if h.value == 1 and last_top.part in ("plan", "review") and (last_top.value >= 2 or not inner):
                h.level, inner = 2, 1
            elif inner and h.value == inner + 1:
                probe = Heading(level=1, number=h.number, style=h.style, value=h.value, start=h.start,
                                title_start=h.title_start, title_end=h.title_end)
                classify(probe, text)
                if not (h.value == last_top.value + 1 and probe.part != "other"):
                    h.level, inner = 2, h.value
                else:
                    inner = 0
            else:
                inner = 0
        if h.level == 1:
            classify(h, text)
            last_top = h
        while stack and stack[-1].level >= h.level:
            stack.pop()
        if stack:
            parent = stack[-1]
            parent.children.append(h)
            h.part = parent.part if h.level > 1 else h.part
            if h.horizon is None:
                h.horizon = parent.horizon
            if h.year is None:
                h.year = parent.year
        else:
            roots.append(h)
        stack.append(h)
    _set_ends(roots, len(text))
    # plan sections that follow a plan section keep to the plan (四、加强政府自身建设)
    seen_plan = False
    for r in roots:
        if r.part == "plan":
            seen_plan = True
        elif seen_plan and r.part == "other":
            r.part = "plan"
            _inherit(r)
    return roots


def _break_between(breaks: list[int], lo: int, hi: int) -> bool:
    """Is there an attachment break in ``(lo, hi]``? (``breaks`` is sorted.)"""
    i = bisect.bisect_right(breaks, lo)
    return i < len(breaks) and breaks[i] <= hi


def _inherit(h: Heading) -> None:
    for c in h.children:
        c.part = h.part
        _inherit(c)


def _set_ends(nodes: list[Heading], end: int) -> None:
    for i, h in enumerate(nodes):
        h.end = nodes[i + 1].start if i + 1 < len(nodes) else end
        _set_ends(h.children, h.end)


@dataclass
class PartMap:
    """Which part (and horizon, year) a normalised position lies in, from the top-level sections."""
    starts: list[int]
    info: list[tuple[str, Optional[str], Optional[int], int]]   # part, horizon, year, index in roots

    @classmethod
    def from_roots(cls, roots: list[Heading]) -> "PartMap":
        starts, info = [0], [("other", None, None, -1)]
        for i, r in enumerate(roots):
            starts.append(r.start)
            info.append((r.part, r.horizon, r.year, i))
        return cls(starts, info)

    def at(self, pos: int) -> tuple[str, Optional[str], Optional[int], int]:
        return self.info[bisect.bisect_right(self.starts, pos) - 1]


def display_number(h: Heading) -> str:
    """The number as printed in its marker: 一 for 一、, (一) for (一), 3 for 3."""
    return f"({h.number})" if h.style in ("l2", "l4") else h.number
