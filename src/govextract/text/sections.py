"""Headings, the section tree, and the part (review / plan / other) each section belongs to.

Works on normalised text; offsets stay normalised here and are mapped back by the
structure extractor.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator, Optional

import bisect
import re

import regex

from .. import _regex
from ..lang import default_lang
from ..lang.patterns import CN_ITEM_DIGITS, MARKUP, ORDINAL_PREFIX, ORDINAL_PREFIXES, YEAR_CHAR, YEAR_DIGITS, alt, group
from ..numbers.numerals import parse_chinese_numeral

_CN = CN_ITEM_DIGITS


def _heading() -> "re.Pattern[str]":
    """Level 1: 一、  第一部分 ; level 2: (一) ; level 3: 1. or 1、 at line start ; level 4: (1).

    The pattern finds candidates; what may stand before a heading is checked in code
    (a lookbehind alternation at every position would dominate the run time). The noun of
    a numbered part (第一部分) is ``parts.json`` ``part_nouns``."""
    return default_lang().cached("section_heading", lambda lang: re.compile(
        # stdlib re: faster first-character scan for this simple alternation
        rf"(?P<l1>[{_CN}]{{1,3}})、"
        rf"|{ORDINAL_PREFIX}(?P<p1>[{_CN}]{{1,3}}){group(lang.words('parts.json', 'part_nouns'))}"
        rf"|\((?P<l2>[{_CN}]{{1,3}})\)"
        rf"|(?P<l3>[0-9]{{1,3}})(?:\.(?![0-9])|、)"
        rf"|\((?P<l4>[0-9]{{1,2}})\)"))


_LEVELS = {"l1": 1, "p1": 1, "l2": 2, "l3": 3, "l4": 4}
_BEFORE = {"l1": "\n。!?:; \t\u3000", "p1": "\n", "l2": "\n。!?:; \t\u3000", "l3": "\n", "l4": "\n。"}


def _attachment() -> "regex.Pattern[str]":
    """A line that opens an attachment (附件, 附件2): the numbering of headings starts anew."""
    return default_lang().cached("section_attachment", lambda lang: _regex.compile(
        rf"(?<=^|\n)\s*+{group(lang.words('parts.json', 'attachment_words'))}[0-9]?+\s*+(?:\n|:|$)"))


_TITLE_STOP = _regex.compile(r"[。\n!?:]")
# A year written in a title: 2021年.
_YEAR = _regex.compile(rf"{YEAR_DIGITS}(?={YEAR_CHAR})")
_DIGIT = _regex.compile(r"[0-9]")


def _words() -> dict[str, "regex.Pattern[str]"]:
    """The title words of each part, from ``data/parts.json``."""
    return default_lang().cached("section_part_words", lambda lang: {
        key: _regex.compile(alt(lang.words("parts.json", name)))
        for key, name in (("review", "review"), ("plan", "plan"), ("multi", "multi_year"), ("one_year", "one_year"),
                          ("report_title", "report_title"))})


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


_TITLE_WINDOW = 60          # a heading's title is a line's opening words, never a paragraph
_GLUED_TITLE_WINDOW = 30    # where a heading glued to its first sentence must have ended


def _title_end(text: str, start: int) -> int:
    """Where a heading's title ends: at the line's end or first full stop, or after the
    words that close a title glued to its first sentence (一、2021年工作回顾过去一年…); a
    title that goes on with a conjunction (回顾和2022年工作安排) is not closed by its first word."""
    limit = min(len(text), start + _TITLE_WINDOW)
    m = _TITLE_STOP.search(text, start, limit)
    stop = m.start() if m else limit
    words = _title_end_words()
    pos = start
    window = min(stop, start + _GLUED_TITLE_WINDOW)
    while True:
        w = words.search(text, pos, window)
        if w is None or text[w.end():stop].strip(_LEADING) == "":
            break
        if _title_goes_on(text, w.end()):
            pos = w.end()
            continue
        if text[w.end():w.end() + 1] not in ("", "\n", "。", ":"):
            return w.end()
        break
    if not m:
        c = text.find(",", start, limit)
        stop = c if c >= 0 else limit
    while stop > start and text[stop - 1] in _LEADING:
        stop -= 1           # the closing ** of a bold heading is not part of its title
    return stop


def _title_end_words() -> "regex.Pattern[str]":
    """Words that close a heading glued to its first sentence (一、2021年工作回顾过去一年…)."""
    return default_lang().cached("title_end_words", lambda lang: _regex.compile(alt(lang.words("parts.json", "title_end"))))


def find_headings(text: str, starts: Optional[list[int]] = None) -> list[Heading]:
    """Headings of ``text``. With ``starts`` (sentence starts), only those places are tried:
    a heading always opens a sentence, and trying a handful of places beats a full scan."""
    out: list[Heading] = []
    for m in _candidates(text, starts):
        key = m.lastgroup
        if key is None or not _stands_alone(text, m.start(), key):
            continue
        num = m.group(key)
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
        out.append(Heading(level=_LEVELS[key], number=num, style=key, value=value, start=m.start(),
                           title_start=ts, title_end=te))
    if starts is not None:
        out.extend(_part_titles(text, starts))
        out.sort(key=lambda h: h.start)
    return out


def _candidates(text: str, starts: Optional[list[int]]) -> Iterator["re.Match[str]"]:
    """Heading markers in ``text``; with ``starts``, only those that open a sentence (after
    the blanks and markup that may open its line)."""
    if starts is None:
        return _heading().finditer(text)
    # a heading opens with a numeral, a bracket or 第: only those starts are tried
    n = len(text)
    tried_set = {s for s in starts if s < n and text[s] in _OPENERS}
    for s in [s for s in starts if s < n and text[s] in _LEADING]:
        p = _skip_blank(text, s)
        if p < n and text[p] in _OPENERS:
            tried_set.add(p)
    pat = _heading()
    return (m for m in (pat.match(text, p) for p in sorted(tried_set)) if m)


def _stands_alone(text: str, st: int, key: str) -> bool:
    """May a marker of style ``key`` at ``st`` open a heading, by what stands before it?"""
    k = st
    if key == "l3":
        # an Arabic item number opens a line (leading blanks and markup allowed); looked for
        # back over those only, not to the line start (a one-line scrape has thousands)
        while k > 0 and text[k - 1] in _LEADING:
            k -= 1
        return k == 0 or text[k - 1] == "\n"
    # markup that opens a line (Markdown's ** and #) stands where a line start would
    while k > 0 and text[k - 1] in MARKUP:
        k -= 1
    if k > 0 and text[k - 1] not in _BEFORE[key]:
        return False
    if k > 0 and text[k - 1] in " \t\u3000":
        # a heading glued into a line stands after a sentence end (保护第 一、全民共享 is no heading)
        while k > 0 and text[k - 1] in " \t\u3000":
            k -= 1
        if k > 0 and text[k - 1] not in "\n。!?:;”":
            return False
    return True


# An unnumbered title of a part stands on a line of its own and is a short phrase.
MAX_PART_TITLE = 30
_NOT_IN_TITLE = frozenset(",。;:!?、()")


def _part_titles(text: str, starts: list[int]) -> list[Heading]:
    """Unnumbered titles of a report's parts (``2019年工作回顾``, ``今后五年的目标任务``,
    ``**2020年再出发征程任重道远**``): a short line of its own, without a sentence's
    punctuation, that names a part of a report (by its words, or by a year and 工作/发展)."""
    out: list[Heading] = []
    w = _words()
    n = len(text)
    for s in _line_starts(text, starts):
        nl = text.find("\n", s, s + MAX_PART_TITLE + 8)
        if nl < 0 and n - s > MAX_PART_TITLE + 8:
            continue        # the line goes on: a paragraph, not a title
        e = nl if nl >= 0 else n
        ts, te = _skip_blank(text, s), e
        while te > ts and text[te - 1] in _LEADING:
            te -= 1
        title = text[ts:te]
        if not 4 <= len(title) <= MAX_PART_TITLE or _heading().match(text, ts) or _NOT_IN_TITLE.intersection(title):
            continue
        y = _YEAR.search(title)
        dated = y is not None and not _DIGIT.search(title, 0, y.start()) and not _DIGIT.search(title, y.end())
        if not (dated or w["review"].search(title) or w["plan"].search(title) or w["multi"].search(title)):
            continue
        if w["report_title"].search(title):
            continue        # 2021年政府工作报告: the document's own title
        out.append(Heading(level=0, number="", style="u0", value=0, start=ts, title_start=ts, title_end=te))
    return out


def _line_starts(text: str, starts: list[int]) -> Iterator[int]:
    """The sentence starts that open a line: the text's start and each position after a line
    break that opens a sentence (every non-blank line; a sentence ends at each run of breaks).
    Found from the line breaks, far fewer than the sentences."""
    if starts and starts[0] == 0:
        yield 0
    k = text.find("\n")
    while k >= 0:
        p = k + 1
        if p < len(text) and text[p] != "\n":
            yield p
        k = text.find("\n", p)


# The characters a heading marker opens with: a numeral, a bracket, an ordinal prefix (第).
_OPENERS = frozenset(CN_ITEM_DIGITS + "(" + "".join(p[0] for p in ORDINAL_PREFIXES) + "0123456789")


# Blanks and the Markdown marks (lang.patterns.MARKUP) that may open a heading line.
_LEADING = " \t\u3000" + MARKUP


def _title_goes_on(text: str, pos: int) -> bool:
    """Does a joining word (``parts.json`` ``title_joiners``: 回顾和…安排) follow at ``pos``?"""
    joiners = default_lang().cached("title_joiners", lambda lang: lang.words("parts.json", "title_joiners"))
    return any(text.startswith(j, pos) for j in joiners)


def _skip_blank(text: str, pos: int) -> int:
    """The first position after the blanks and markup that open a line."""
    n = len(text)
    while pos < n and text[pos] in _LEADING:
        pos += 1
    return pos


def _first(pat: "regex.Pattern[str]", title: str) -> int:
    m = pat.search(title)
    return m.start() if m else -1


def classify(h: Heading, text: str, ref_year: Optional[int] = None) -> None:
    """The part a top-level title opens (review / plan / other), its horizon and year.

    A year in the title is read against ``ref_year`` (the year the report is delivered):
    an earlier year opens a review (``2014年主要工作`` in a 2015 report), that year or the
    next a plan. Without a year, or without a reference, the title's words decide, and when
    it has words of both kinds the one it names first wins (``回顾…和…安排`` is a review).
    """
    title = text[h.title_start:h.title_end]
    w = _words()
    rv, pl, mu = _first(w["review"], title), _first(w["plan"], title), _first(w["multi"], title)
    years = [int(y) for y in _YEAR.findall(title)]
    h.part = "other"
    if years and ref_year is not None:
        # 2021年工作回顾和2022年工作安排 (or 2024年所做的工作, delivered in 2024): the title
        # opens on a year not after the report's and names its review first
        if max(years) < ref_year or (years[0] <= ref_year and rv >= 0 and (pl < 0 or rv < pl)):
            h.part = "review"
        else:
            h.part = "plan"
    elif rv >= 0 and (pl < 0 or rv < pl):
        h.part = "review"
    elif pl >= 0:
        h.part = "plan"
    h.horizon = "multi_year" if mu >= 0 else None
    # the year a part is about: a review's first year (2021年工作回顾和2022年工作安排 reviews 2021)
    h.year = (years[0] if h.part == "review" else max(years)) if years else None
    if years:
        # "2020年及十三五工作回顾" opens on the year, "过去五年及2021年" on the five years:
        # what the title names first is what its first paragraphs speak of
        ym = _YEAR.search(title)
        far = ref_year is not None and years[0] > ref_year + 1      # 2035年远景目标
        h.horizon = "multi_year" if far or (0 <= mu < (ym.start() if ym else 0)) else "year"
    elif h.horizon is None and w["one_year"].search(title):
        h.horizon = "year"


def reclassify(roots: list[Heading], text: str, ref_year: Optional[int]) -> None:
    """Classify the top-level sections again once the report year is known, then let the
    parts flow: sections after a plan keep to the plan (四、加强政府自身建设), and a report
    whose first section names neither part but is followed by a plan opens with its review."""
    for r in roots:
        classify(r, text, ref_year)
    _parts_flow(roots)


def _parts_flow(roots: list[Heading]) -> None:
    seen_plan = seen_review = False
    for r in roots:
        if r.part == "plan":
            seen_plan = True
        elif r.part == "review":
            seen_review = True
        elif seen_plan or (seen_review and r.horizon == "multi_year"):
            r.part = "plan"     # 二、奋力谱写“十四五”新篇章 after the review looks ahead
    if len(roots) > 1 and roots[0].part == "other" and any(r.part == "plan" for r in roots[1:]) \
            and not any(r.part == "review" for r in roots):
        roots[0].part = "review"
    for r in roots:
        _inherit(r)


def build_tree(text: str, starts: Optional[list[int]] = None) -> list[Heading]:
    """Nest headings by level. A top-level numbering that restarts at 一 inside a
    plan part (一、…二、…三、2022年工作 … 一、聚焦实体经济) nests under the section it restarts in."""
    heads = find_headings(text, starts)
    breaks = [m.start() for m in _attachment().finditer(text)]
    roots: list[Heading] = []
    stack: list[Heading] = []
    last_top: Optional[Heading] = None
    inner = 0          # the last number of a 一、二、… run nested inside a top-level section
    for h in heads:
        if last_top is not None and _break_between(breaks, last_top.start, h.start):
            stack, last_top, inner = [], None, 0   # an attachment starts a new numbering
        if h.level == 0:
            classify(h, text)
            last_top, inner = None, 0   # a part title starts the numbering of its sections anew
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
            h.part = parent.part if h.level > 1 or parent.level == 0 else h.part
            if h.horizon is None:
                h.horizon = parent.horizon
            if h.year is None:
                h.year = parent.year
        else:
            roots.append(h)
        stack.append(h)
    _set_ends(roots, len(text))
    _parts_flow(roots)
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
        starts = [0]
        info: list[tuple[str, Optional[str], Optional[int], int]] = [("other", None, None, -1)]
        for i, r in enumerate(roots):
            starts.append(r.start)
            info.append((r.part, r.horizon, r.year, i))
        return cls(starts, info)

    def at(self, pos: int) -> tuple[str, Optional[str], Optional[int], int]:
        return self.info[bisect.bisect_right(self.starts, pos) - 1]


def display_number(h: Heading) -> str:
    """The number as printed in its marker: 一 for 一、, (一) for (一), 3 for 3."""
    return f"({h.number})" if h.style in ("l2", "l4") else h.number
