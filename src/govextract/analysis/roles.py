"""Stage 9, role and year: turn the analysis into ``Report.quantities`` (original offsets)."""
from __future__ import annotations

import bisect
import decimal
from decimal import Decimal
from typing import Optional

from ..document import Doc
from ..lang.patterns import YEAR_CHAR
from ..model import Quantity
from .model import QInfo
from .words import Words
from ..why import rule

NOTE_LINE_IS_OTHER = rule("note_line_is_other")
PLAN_MULTI_YEAR_TARGET = rule("plan_multi_year_target")
PLAN_TARGET = rule("plan_target")
REVIEW_MULTI_YEAR_FIGURE = rule("review_multi_year_figure")
REVIEW_MULTI_YEAR_SENTENCE = rule("review_multi_year_sentence")
REVIEW_OUTCOME = rule("review_outcome")


# Where a sentence's date stands when it opens the sentence (2021年,… / 2021年全市…), and how
# far a 以来 after it is looked for (2021年以来 opens a period, not the year).
_DATE_OPENS = 20
_DATE_COMMA_OPENS = 12
_SINCE_REACH = 24
_OPENING = 40
_PLAN_DOC_TYPES = ("plan_excerpt", "responsibility_notice")
# Decimal arithmetic of amounts: wide enough for any figure the scan accepts, whatever the
# caller's decimal context (issue 13: results must not depend on it).
_DECIMALS = decimal.Context(prec=60, Emax=999_999, Emin=-999_999, traps=[])
_ONE = Decimal(1)


class NoteLines:
    """The endnote lines of a document, looked up by position in O(log n)."""

    def __init__(self, lines: list[tuple[int, int]]) -> None:
        lines = sorted(lines)
        self.starts = [s for s, _e in lines]
        self.reach: list[int] = []          # the furthest end of the lines up to each one
        far = -1
        for _s, e in lines:
            far = max(far, e)
            self.reach.append(far)

    def covers(self, pos: int) -> bool:
        i = bisect.bisect_right(self.starts, pos) - 1
        return i >= 0 and pos < self.reach[i]


def role_of(doc: Doc, q: QInfo, part: str, w: Words, review_year: Optional[int],
            plan_year: Optional[int]) -> tuple[str, Optional[int]]:
    """Role and year of a number in ``part``; the deciding rule is added to ``q.why``."""
    if q.start_point:
        return "other", q.compare_year     # 由2018年的52亿元增加到…: the level compared with
    if q.duration:
        return "other", None               # 连续8年: a span of time
    multi_marker = q.multi_year and not (q.cumulative_only and q.horizon == "year")
    old_compare = q.compare_year is not None and review_year is not None \
        and q.compare_year < review_year and q.compare_year != review_year - 1
    if part == "review":
        if multi_marker or old_compare:
            q.why.append(REVIEW_MULTI_YEAR_FIGURE)
            return "multi_year_outcome", None
        dated = q.explicit_year == review_year or q.time in w.review_year_time_words or _prev_year_context(doc, q, w)
        if q.horizon == "multi_year" and not dated:
            q.why.append(REVIEW_MULTI_YEAR_SENTENCE)
            return "multi_year_outcome", None
        q.why.append(REVIEW_OUTCOME)
        return "outcome", q.explicit_year or review_year
    if part == "plan":
        # a figure of this year's headline list is this year's, whatever the sentences before it
        # spoke of (…确保“十四五”开好局。⏎2021年经济社会发展的主要预期目标是:…)
        in_year_list = q.horizon == "multi_year" and any(
            t.headline and t.start <= q.raw.num_start < t.end for t in doc.target_lists)
        if multi_marker or old_compare or (q.by_year and plan_year and q.by_year > plan_year) \
                or (q.horizon == "multi_year" and not in_year_list):
            q.why.append(PLAN_MULTI_YEAR_TARGET)
            return "multi_year_target", q.by_year
        q.why.append(PLAN_TARGET)
        return "target", plan_year
    return "other", q.explicit_year


def _prev_year_context(doc: Doc, q: QInfo, w: Words) -> bool:
    """In a five-year review, a sentence dated to the previous year (2021年,… / 全年…)."""
    ry = doc.review_year
    sent = doc.text[q.sent[0]:min(q.sent[1], q.sent[0] + _OPENING)]   # the date opens the sentence
    if ry:
        date = f"{ry}{YEAR_CHAR}"
        if date + "," in sent[:_DATE_COMMA_OPENS]:
            return True
        if date in sent[:_DATE_OPENS] and not any(s in sent[:_SINCE_REACH] for s in w.since):
            return True
    return sent.startswith(w.review_year_openers)


def assign_roles(doc: Doc, infos: list[QInfo], w: Words) -> None:
    """Turn the analysis into Report.quantities (original offsets, role, year).

    Rules: ``note_line_is_other`` and those of :func:`role_of`.
    """
    meta = doc.report.meta
    review_year = doc.review_year
    default_part = "plan" if meta.doc_type in _PLAN_DOC_TYPES else "other"
    out = doc.report.quantities
    notes = NoteLines(doc.note_lines)
    with decimal.localcontext(_DECIMALS):   # amounts never depend on the caller's decimal context
        _quantities(doc, infos, w, default_part, review_year, notes, out)
    doc.qinfo = infos


def _quantities(doc: Doc, infos: list[QInfo], w: Words, default_part: str, review_year: Optional[int], notes: NoteLines,
                out: list[Quantity]) -> None:
    """One Quantity per number, in original offsets."""
    meta = doc.report.meta
    orig_span = doc.norm.orig_span
    original = doc.original
    sent_cache: dict[tuple[int, int], tuple[int, int]] = {}
    for q in infos:
        n = q.raw
        part = q.part if q.part != "other" else default_part
        if notes.starts and notes.covers(n.num_start):
            part = "other"      # a note explains a term; its numbers set or report nothing
            q.why.append(NOTE_LINE_IS_OTHER)
        role, year = role_of(doc, q, part, w, review_year, meta.plan_year)
        sent_span = sent_cache.get(q.sent)
        if sent_span is None:
            sent_span = sent_cache[q.sent] = orig_span(*q.sent)
        s, e = orig_span(n.start, n.end)
        subs: Optional[int] = None
        sube: Optional[int] = None
        subject: Optional[str] = None
        if q.subj:
            subs, sube = orig_span(*q.subj)
            subject = original[subs:sube]
        out.append(Quantity(
            value=float(n.value), unit=n.unit, start=s, end=e, evidence=original[s:e],
            value_high=float(n.value_high) if n.value_high is not None else None,
            qualifier=n.qualifier, unit_norm=n.unit_norm,
            amount=_clean(n.amount) if n.amount is not None else None,
            amount_high=_clean(n.amount_high) if n.amount_high is not None else None,
            subject=subject, subject_start=subs, subject_end=sube,
            indicator=q.indicator, relation=q.relation, kind=q.kind, direction=q.direction,
            time=q.time, year=year, role=role, stretch=q.stretch, estimated=q.estimated, part=part,
            sentence_start=sent_span[0], sentence_end=sent_span[1], why=q.why,
        ))


def clean(d: Optional[Decimal]) -> Optional[Decimal]:
    """1640000000.0 -> 1640000000: exact, and printed without a spurious decimal."""
    if d is None:
        return None
    with decimal.localcontext(_DECIMALS):
        return _clean(d)


def _clean(d: Decimal) -> Decimal:
    """``clean`` under the local context (the caller sets it)."""
    try:
        if d == d.to_integral_value():
            return d.quantize(_ONE)
        return d.normalize()
    except ArithmeticError:     # a NaN or an infinity cannot be normalised: keep it as it is
        return d
