"""Turning selected quantities into SPEC figures (targets and actuals), shared by both."""
from __future__ import annotations

from typing import Callable, Iterable, Optional, TypeVar

from .. import _regex
from ..document import Doc
from ..model import Actual, Target
from .quantities import QInfo

F = TypeVar("F", Target, Actual)

_RATE_SUFFIX = _regex.compile(r"(?:增长速度|增速|增幅)$")


def _text_span(doc: Doc, q: QInfo) -> Optional[tuple[int, int]]:
    """The subject as SPEC writes it: no rate-of-change suffix (规上工业增加值增速 -> 规上工业增加值)."""
    if not q.subj:
        return None
    s, e = q.subj
    m = _RATE_SUFFIX.search(doc.text, s, e)
    if m and m.start() > s:
        e = m.start()
    elif doc.text.endswith("增长率", s, e) and e - s > 3:
        rest = doc.vocab.indicators.match(doc.text[s:e - 3])
        if rest is not None and rest == q.indicator and doc.vocab.indicators.exact(doc.text[s:e]) in (None, rest):
            e -= 3    # 规上工业增加值增长率 -> 规上工业增加值 (but 人口自然增长率 stays)
    return s, e


def build(doc: Doc, infos: Iterable[tuple[int, QInfo]], cls: type[F], year_of: Callable[[QInfo], Optional[int]],
          extra: Callable[[QInfo], dict] = lambda q: {}) -> list[F]:
    """One figure per quantity; a list written once for several numbers (分别) is split."""
    vocab = doc.vocab.indicators
    items = list(infos)
    groups: dict[int, list[tuple[int, QInfo]]] = {}
    for idx, q in items:
        groups.setdefault(q.list_head, []).append((idx, q))
    out: list[F] = []
    for _head, members in groups.items():
        n = len(members)
        first = members[0][1]
        texts: list[Optional[tuple[int, int]]] = [_text_span(doc, q) for _i, q in members]
        inds: list[Optional[str]] = [q.indicator for _i, q in members]
        span = texts[0]
        if n > 1 and span and all(t == span for t in texts):
            # one compound subject for several numbers: 城乡居民人均可支配收入分别增长8%、10%
            ids = vocab.split(first.indicator, doc.text[span[0]:span[1]], n)
            if ids:
                inds = ids
        elif n == 1 and span and "均" in doc.text[span[1]:first.raw.num_start]:
            # 城镇居民和农村居民人均可支配收入均增长7%: one figure for each part of the compound
            ids = vocab.split(first.indicator, doc.text[span[0]:span[1]], 2)
            if ids:
                members, texts, inds = members * 2, texts * 2, ids
        for k, (idx, q) in enumerate(members):
            t = texts[k]
            if t is None:
                continue
            ts, te = doc.norm.orig_span(*t)
            r = q.raw
            s, e, ev = doc.span(r.start, r.end)
            ss, se = doc.norm.orig_span(*q.sent)
            out.append(cls(
                indicator=inds[k], text=doc.original[ts:te], kind=q.kind, value=float(r.value), unit=r.unit,
                qualifier=r.qualifier, value_high=float(r.value_high) if r.value_high is not None else None,
                direction=q.direction, year=year_of(q), start=s, end=e, evidence=ev, text_start=ts, text_end=te,
                sentence_start=ss, sentence_end=se, quantity=idx, **extra(q),
            ))
    return out
