"""Last year's headline outcomes from the review part.

A summary sentence is one that states at least two indicators for the previous year,
one of them an economic aggregate (indicators.json ``headline``).  In a single-year review every sentence speaks of that year; in a
five-year review a sentence counts only when it (or the sentence just before it)
dates itself to the previous year (2021年,… / 全年… / 刚刚过去的2021年).
Five-year averages, cumulative figures and comparisons with earlier years stay out.
"""
from __future__ import annotations

import bisect
from typing import Optional

from .. import _regex
from ..document import Doc
from ..model import Actual
from .figures import build
from .quantities import QInfo

_FIVE_YEAR_OPENERS = _regex.compile(r"五年来|过去五年|过去的五年|十[一二三四五]五(?:期间|时期|以来)|(?:19|20)[0-9]{2}年以来")
_YEAR = _regex.compile(r"((?:19|20)[0-9]{2})年(?!以来|底以来)")
_PREV_OPENER = _regex.compile(r"\s*+(?:全年|一年来|过去一年|去年|刚刚过去的)")
_RECALLED_TARGETS = _regex.compile(r"目标(?:是|为)\s*+:")
_MIN_INDICATORS = 2
_CARRY = 3     # sentences after a dated opener that still speak of that year


def _dated(sent: str, year: Optional[int]) -> bool:
    if year:
        for m in _YEAR.finditer(sent):
            if int(m.group(1)) == year and sent[max(0, m.start() - 1):m.start()] not in ("比", "较", "于", "是"):
                return True
    return bool(_PREV_OPENER.match(sent)) or "全年" in sent[:40]


def extract_actuals(doc: Doc) -> None:
    ry = doc.review_year
    by_sent: dict[tuple[int, int], list[tuple[int, QInfo]]] = {}
    for i, q in enumerate(doc.qinfo):
        if q.part == "review":
            by_sent.setdefault(q.sent, []).append((i, q))
    if not by_sent:
        return
    text = doc.text
    chosen: list[tuple[int, QInfo]] = []
    spans = doc.sentences.spans
    for s, e, horizon in _review_sentences(doc, spans):
        # in a five-year review a sentence counts when it, or one of the few before it, is dated
        # to the previous year; in a review of one year every sentence speaks of that year
        if horizon == "multi_year":
            carry = 0
            for k in range(s, e):
                a, b = spans[k]
                sent = text[a:b]
                if _dated(sent, ry):
                    carry = _CARRY
                elif _FIVE_YEAR_OPENERS.match(sent.lstrip()) or _FIVE_YEAR_OPENERS.search(sent[:12]):
                    carry = 0
                if carry and (a, b) in by_sent:
                    _choose(doc, text, (a, b), by_sent[(a, b)], ry, chosen)
                if carry:
                    carry -= 1
        else:
            for k in range(s, e):
                if spans[k] in by_sent:
                    _choose(doc, text, spans[k], by_sent[spans[k]], ry, chosen)
    if not chosen:
        return

    def year_of(q: QInfo) -> Optional[int]:
        return q.explicit_year if q.explicit_year and (ry is None or q.explicit_year <= ry) else ry

    def extra(q: QInfo) -> dict:
        return {"estimated": True if q.estimated else None}

    doc.report.actuals.extend(build(doc, chosen, Actual, year_of, extra))


def _review_sentences(doc: Doc, spans: list[tuple[int, int]]):
    """(first sentence index, end index, horizon) of each top-level review section."""
    if not doc.parts:
        return
    starts, info = doc.parts.starts, doc.parts.info
    sent_starts = [a for a, _b in spans]
    for i, st in enumerate(starts):
        part, horizon, _y, _sec = info[i]
        if part != "review":
            continue
        end = starts[i + 1] if i + 1 < len(starts) else len(doc.text)
        yield bisect.bisect_left(sent_starts, st), bisect.bisect_left(sent_starts, end), horizon


def _choose(doc: Doc, text: str, span: tuple[int, int], qs: list[tuple[int, QInfo]], ry: Optional[int],
            chosen: list[tuple[int, QInfo]]) -> None:
    """Keep a summary sentence's eligible figures."""
    eligible = [(i, q) for i, q in qs if _eligible(q, ry)]
    vocab = doc.vocab.indicators
    named = {q.indicator for _i, q in eligible if q.indicator and not q.inherited}
    if _RECALLED_TARGETS.search(text, span[0], span[1]):
        return    # 年初确定的主要预期目标是…: last year's targets recalled, not its outcomes
    if len(named) >= _MIN_INDICATORS and any(vocab.is_headline(i) for i in named):
        chosen.extend(eligible)


def _eligible(q: QInfo, ry: Optional[int]) -> bool:
    if q.subject is None or q.multi_year or q.raw.unit in ("倍",):
        return False
    if q.compare_year is not None and ry is not None and q.compare_year < ry - 1:
        return False
    if q.explicit_year is not None and ry is not None and q.explicit_year != ry and q.explicit_year != ry - 1:
        return False
    return True
