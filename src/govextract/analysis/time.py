"""Stage 8, time: years, time words, multi-year markers, 预计/力争, and each sentence's horizon."""
from __future__ import annotations

import bisect
from typing import Optional

from ..document import Doc
from ..lang.patterns import YEAR_CHAR
from .context import Ctx, sentences_of
from .model import QInfo
from .words import Words
from ..why import rule

BY_YEAR_IN_CLAUSE = rule("by_year_in_clause")
BY_YEAR_OF_SENTENCE = rule("by_year_of_sentence")
ESTIMATED_SENTENCE = rule("estimated_sentence")
STRETCH_WORD = rule("stretch_word")
MULTI_YEAR_MARKER = rule("multi_year_marker")
YEAR_IN_CLAUSE = rule("year_in_clause")
YEAR_OF_SENTENCE = rule("year_of_sentence")


# The words that qualify a number stand close before it: a bounded window keeps the work per
# number constant however long the sentence (a list of 50,000 figures stays linear).
CLAUSE_REACH = 48
# A sentence's own date (2021年,全市…) stands near its start.
SENTENCE_DATE_WINDOW = 80
# A dated opener inside a five-year review (2021年,…) covers the rest of its paragraph; in a
# paragraph longer than this (a page scraped onto one line) it covers YEAR_CARRY sentences only
# (the opener's and the next two).
MAX_PARAGRAPH = 1500
YEAR_CARRY = 3
_BLANKS = " \t\u3000"
_ADDRESS_PUNCT = "!,:"


def read_time(ctx: Ctx, q: QInfo, horizon: Optional[str]) -> None:
    """Time words, multi-year markers, 预计/力争 and the part of the document.

    Rules: ``estimated_sentence``, ``stretch_word``, ``multi_year_marker``, ``year_in_clause``,
    ``by_year_in_clause``, ``year_of_sentence``.
    """
    text, w = ctx.text, ctx.w
    n = q.raw
    s0 = q.sent[0]
    num = n.num_start
    c0 = max(q.clause, num - CLAUSE_REACH)
    before = text[c0:num]
    est = ctx.estimate_at.get(s0)
    if est is None:
        est = ctx.estimate_at[s0] = _first_of(text, w.estimate, s0, q.sent[1])
    if 0 <= est < num:
        q.estimated = True
        q.why.append(ESTIMATED_SENTENCE)
    if w.stretch_or_multi_probe.search(before):     # most clauses hold neither: one probe
        _stretch_and_multi(q, before, w)
    nian = YEAR_CHAR in before
    if nian:
        _date(q, text, c0, num, w, first=False)
    if q.explicit_year is None and q.by_year is None:
        e0 = min(c0, s0 + SENTENCE_DATE_WINDOW)
        if text.find(YEAR_CHAR, s0, e0) >= 0:
            _date(q, text, s0, e0, w, first=True)
    tm = None
    timely = nian
    if not timely:
        for c in w.time_keys:
            if c in before:
                timely = True
                break
    if timely:
        for tm in w.time.finditer(before):   # noqa: B007 - the last time expression wins
            pass
    q.time = tm.group() if tm else None
    if ctx.part_starts:
        q.part = ctx.part_names[bisect.bisect_right(ctx.part_starts, num) - 1]
        q.horizon = horizon


def _stretch_and_multi(q: QInfo, before: str, w: Words) -> None:
    if w.stretch_search.search(before):
        q.stretch = True
        q.why.append(STRETCH_WORD)
    mm = w.multi_search.search(before)
    if mm:
        q.multi_year = True
        q.cumulative_only = mm.group() in w.cumulative
        q.why.append(MULTI_YEAR_MARKER)


def _first_of(text: str, words: tuple[str, ...], start: int, end: int) -> int:
    first = -1
    for x in words:
        k = text.find(x, start, end)
        if k >= 0 and (first < 0 or k < first):
            first = k
    return first


def _date(q: QInfo, text: str, s: int, e: int, w: Words, first: bool) -> None:
    """The figure's own year (2021年) or the year it is set for (到2025年); not a compared year
    (比2016年), a year a period starts from (2016年以来) or a year that modifies (2016年的)."""
    for m in w.year.finditer(text, s, e):
        if text[max(s, m.start() - 1):m.start()] in w.year_not_after or text.startswith(w.year_not_before, m.end()):
            continue
        if m.group("by"):
            q.by_year = int(m.group("y"))
            q.why.append(BY_YEAR_OF_SENTENCE if first else BY_YEAR_IN_CLAUSE)
        else:
            q.explicit_year = int(m.group("y"))
            q.why.append(YEAR_OF_SENTENCE if first else YEAR_IN_CLAUSE)
        if first:
            break


def _opener_events(doc: Doc, w: Words) -> list[tuple[int, int, str]]:
    """(sentence index, 1, horizon word) for every sentence that opens on a span of time."""
    text = doc.text
    ry = doc.review_year
    n_text = len(text)
    events: list[tuple[int, int, str]] = []
    first = w.opener_first
    # a sentence whose first character cannot open an opener costs no call
    maybe = [(k, p) for k, p in enumerate(sentences_of(doc).starts) if p < n_text and text[p] in first]
    for k, p in maybe:
        p = past_address(text, p, w)
        m = w.opener.match(text, p)
        if m is None:
            continue
        y = m.group("y") or m.group("y2")
        if m.group("multi"):
            kind = "multi_year"
        elif y is not None and ry is not None and int(y) < ry:
            continue
        else:
            kind = "year_block" if m.group("block") else "year"
        events.append((k, 1, kind))
    return events


def past_address(text: str, p: int, w: Words) -> int:
    """An opener opens its sentence after blanks and an address (各位代表:)."""
    n_text = len(text)
    while p < n_text and text[p] in _BLANKS:
        p += 1
    for address in w.address:
        if text.startswith(address, p):
            p += len(address)
            if p < n_text and text[p] in _ADDRESS_PUNCT:
                p += 1
            while p < n_text and text[p] in _BLANKS:
                p += 1
            break
    return p


def sentence_horizons(doc: Doc, wanted: list[int], w: Words) -> dict[int, Optional[str]]:
    """The time span the ``wanted`` sentences speak of: "year" or "multi_year" (None outside sections).

    A section starts with what its title names first; a sentence opening on five years
    (五年来, 十三五时期) or on a single year switches it. A block opener (2021年以来, 一年来)
    starts a stretch about the year; a dated remark (2021年,…) inside a five-year review
    covers itself and the next sentences only. Events are swept once; only the sentences
    that hold numbers are asked for.
    """
    events = _opener_events(doc, w)
    cover = _paragraph_cover(doc, [k for k, _o, val in events if val == "year"], w)
    starts = doc.parts.starts if doc.parts else [0]
    infos: list[tuple[str, Optional[str], Optional[int], int]] = \
        doc.parts.info if doc.parts else [("other", None, None, -1)]
    sent_starts = sentences_of(doc).starts
    for i, st in enumerate(starts):
        events.append((0 if i == 0 else bisect.bisect_left(sent_starts, st), 0, str(i)))
    events.sort()
    return _sweep(events, infos, wanted, cover)


def _paragraph_cover(doc: Doc, openers: list[int], w: Words) -> dict[int, int]:
    """Sentence index of a dated opener -> the first sentence its cover does not reach. A
    paragraph that opens on the year (after an address) is about that year, with the bullet
    lines under it; a remark inside a paragraph, or in a paragraph too long to be one (a page
    scraped onto one line), covers YEAR_CARRY sentences."""
    text, sents = doc.text, sentences_of(doc)
    bullets = tuple(doc.vocab.lang.words("summing_up.json", "bullets"))
    runs: dict[int, int] = {}
    out: dict[int, int] = {}
    for k in openers:
        s = sents.spans[k][0]
        a, b = text.rfind("\n", 0, s) + 1, text.find("\n", s)
        b = len(text) if b < 0 else b
        if b - a > MAX_PARAGRAPH or past_address(text, a, w) < s:
            out[k] = k + YEAR_CARRY
            continue
        # 2007年,全市经济…。⏎——预计全市地区生产总值实现3055亿元…: the bullets under it go on
        out[k] = bisect.bisect_left(sents.starts, _bullets_end(text, b, bullets, runs))
    return out


def _bullets_end(text: str, b: int, bullets: tuple[str, ...], runs: dict[int, int]) -> int:
    """The end of the run of bullet lines (——…) right after the line ending at ``b`` (``b`` when
    none follows); remembered by where each line of the run starts, so that a line is read once."""
    seen: list[int] = []
    end = b
    while True:
        q = end
        while q < len(text) and text[q] in "\n \t\u3000":
            q += 1
        if q in runs:
            end = runs[q]
            break
        if not bullets or q >= len(text) or not text.startswith(bullets, q):
            break
        seen.append(q)
        nl = text.find("\n", q)
        end = len(text) if nl < 0 else nl
    for q in seen:
        runs[q] = end
    return end


def _sweep(events: list[tuple[int, int, str]], infos: list[tuple[str, Optional[str], Optional[int], int]],
           wanted: list[int], cover: dict[int, int]) -> dict[int, Optional[str]]:
    out: dict[int, Optional[str]] = {}
    state: Optional[str] = None
    default: Optional[str] = None
    origin: Optional[int] = None      # sentence of a dated remark whose cover is running
    ei = 0
    for k in sorted(set(wanted)):
        while ei < len(events) and events[ei][0] <= k:
            idx, is_opener, val = events[ei]
            ei += 1
            if origin is not None and idx >= cover[origin]:
                state, origin = default, None
            if not is_opener:
                default = state = infos[int(val)][1]
                origin = None
            elif not (val == "year" and state == "year" and origin is None):
                state = "year" if val == "year_block" else val
                origin = idx if val == "year" and default == "multi_year" else None
        if origin is not None and k >= cover[origin]:
            state, origin = default, None
        out[k] = state
    return out
