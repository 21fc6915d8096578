"""Turning selected quantities into SPEC figures (targets and actuals), shared by both.

Each figure carries ``why``: the rule names of its quantity (the analysis, docs/extractors.md),
then the rules of this step (``compound_subject_split`` …), then those of the caller. A caller
adds its own names either for all figures (``build(..., why=["headline_list"])``) or per
quantity, by returning a ``"why"`` entry from ``extra`` (``{"tier": 2, "why": ["stretch_tier_2"]}``).
"""
from __future__ import annotations

from typing import Any, Callable, Iterable, Optional, Sequence, TypeVar

from ..analysis import QInfo, words_for
from ..analysis.words import Words
from ..document import Doc
from ..model import Actual, Target
from ..why import rule

COMPOUND_SUBJECT_SPLIT = rule("compound_subject_split")
EACH_PART_OF_COMPOUND = rule("each_part_of_compound")
EACH_LISTED_SUBJECT = rule("each_listed_subject")


F = TypeVar("F", Target, Actual)
Span = tuple[int, int]


def _text_span(doc: Doc, q: QInfo, w: Words) -> Optional[Span]:
    """The subject as SPEC writes it: no rate-of-change suffix (规上工业增加值增速 -> 规上工业增加值)."""
    if not q.subj:
        return None
    s, e = q.subj
    text = doc.text
    for suffix in w.text_stripped_suffixes:
        if text.endswith(suffix, s, e) and e - len(suffix) > s:
            return s, e - len(suffix)
    vocab = doc.vocab.indicators
    for suffix in w.growth_rate_suffixes:
        k = len(suffix)
        if text.endswith(suffix, s, e) and e - s > k:
            rest = vocab.match(text[s:e - k])
            if rest is not None and rest == q.indicator and vocab.exact(text[s:e]) in (None, rest):
                return s, e - k   # 规上工业增加值增长率 -> 规上工业增加值 (but 人口自然增长率 stays)
    return s, e


def _members(doc: Doc, members: list[tuple[int, QInfo]], w: Words) -> tuple[list[tuple[int, QInfo]], list[Optional[Span]], list[Optional[str]], Optional[str]]:
    """The figures of one list: members, text spans, indicators and the rule that split them."""
    vocab = doc.vocab.indicators
    n = len(members)
    first = members[0][1]
    texts = [_text_span(doc, q, w) for _i, q in members]
    inds = [q.indicator for _i, q in members]
    span = texts[0]
    if n > 1 and span and all(t == span for t in texts):
        # one compound subject for several numbers: 城乡居民人均可支配收入分别增长8%、10%
        ids = vocab.split(first.indicator, doc.text[span[0]:span[1]], n)
        if ids:
            return members, texts, list(ids), COMPOUND_SUBJECT_SPLIT
    elif n == 1 and span and any(x in doc.text[span[1]:first.raw.num_start] for x in w.each):
        # 城镇居民和农村居民人均可支配收入均增长7%: one figure for each part of the compound
        ids = vocab.split(first.indicator, doc.text[span[0]:span[1]], 2)
        if ids:
            return members * 2, texts * 2, list(ids), EACH_PART_OF_COMPOUND
        # 城镇常住居民人均可支配收入、农村常住居民人均可支配收入均增长7%: two full names, one figure
        parts = _named_parts(doc, span, w)
        if parts:
            return members * len(parts), [p for p, _i in parts], [i for _p, i in parts], EACH_LISTED_SUBJECT
    return members, texts, inds, None


def _named_parts(doc: Doc, span: Span, w: Words) -> Optional[list[tuple[Optional[Span], Optional[str]]]]:
    """The parts of a subject list split at 、 (or 和/与/及) when each names an indicator."""
    vocab = doc.vocab.indicators
    s, e = span
    parts: list[tuple[Optional[Span], Optional[str]]] = []
    pos = s
    for m in w.split_any.finditer(doc.text, s, e):
        parts.append(((pos, m.start()), vocab.match(doc.text[pos:m.start()])))
        pos = m.end()
    parts.append(((pos, e), vocab.match(doc.text[pos:e])))
    if len(parts) < 2 or any(i is None for _p, i in parts):
        return None
    return parts


def build(doc: Doc, infos: Iterable[tuple[int, QInfo]], cls: type[F], year_of: Callable[[QInfo], Optional[int]],
          extra: Callable[[QInfo], dict[str, Any]] = lambda _q: {}, why: Sequence[str] = ()) -> list[F]:
    """One figure per quantity; a list written once for several numbers (分别) is split. The
    start point of a change and a span of time give no figure.

    ``why``: rule names of the caller added to every figure; ``extra(q)`` may return keyword
    arguments of ``cls`` and a ``"why"`` list added to that quantity's figures.
    """
    w = words_for(doc)
    groups: dict[int, list[tuple[int, QInfo]]] = {}
    for item in infos:
        if item[1].start_point or item[1].duration:
            continue    # what a change starts from (由60%提高到…) and a span of time (连续8年) are no figures
        groups.setdefault(item[1].list_head, []).append(item)
    out: list[F] = []
    for group in groups.values():
        members, texts, inds, split_rule = _members(doc, group, w)
        for k, (idx, q) in enumerate(members):
            t = texts[k]
            if t is None:
                continue
            more = dict(extra(q))
            names = _names(q.why, split_rule, why, more.pop("why", ()))
            out.append(_figure(doc, cls, q, idx, t, inds[k], year_of(q), names, more))
    return out


def _names(quantity: list[str], split: Optional[str], caller: Sequence[str], extra: Iterable[str]) -> list[str]:
    """The figure's ``why``: its quantity's rules, the split, the caller's, the per-quantity ones."""
    return [*quantity, *([split] if split else []), *caller, *extra]


def _figure(doc: Doc, cls: type[F], q: QInfo, idx: int, t: Span, indicator: Optional[str], year: Optional[int],
            why: list[str], more: dict[str, Any]) -> F:
    ts, te = doc.norm.orig_span(*t)
    r = q.raw
    s, e, ev = doc.span(r.start, r.end)
    ss, se = doc.norm.orig_span(*q.sent)
    return cls(
        indicator=indicator, text=doc.original[ts:te], kind=q.kind, value=float(r.value), unit=r.unit,
        qualifier=r.qualifier, value_high=float(r.value_high) if r.value_high is not None else None,
        direction=q.direction, year=year, start=s, end=e, evidence=ev, text_start=ts, text_end=te,
        sentence_start=ss, sentence_end=se, quantity=idx, why=why, **more,
    )
