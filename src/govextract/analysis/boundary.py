"""Stage 2, subject boundary: the words between the clause start and the relation, trimmed.

Leading time words, years, item numbers, 预计, 力争, 其中 … are stripped; a comparison
(比上年, 较2016年, 同比), a copula phrase (是2016年的, 占全市的), a locative (在全市) and
trailing words (稳步, 分别, 累计 …) are cut.
"""
from __future__ import annotations

import re
from typing import Optional

from .context import Ctx
from .model import Clause
from .words import Words, skip_words
from ..text.sentences import clause_before_parenthetical
from ..why import rule

CLAUSE_LEAD_STRIPPED = rule("clause_lead_stripped")
COMPARISON_CUT_FROM_SUBJECT = rule("comparison_cut_from_subject")
GROWTH_WORD_BEFORE_COPULA = rule("growth_word_before_copula")
LIST_COMMA_CLOSES_PREVIOUS_PHRASE = rule("list_comma_closes_previous_phrase")
SHARE_COPULA_CUT_FROM_SUBJECT = rule("share_copula_cut_from_subject")
TRAILING_WORDS_CUT = rule("trailing_words_cut")
DURATION_SKIPPED = rule("duration_skipped")
PARENTHETICAL_IN_SUBJECT = rule("parenthetical_in_subject")


# A comparison's complement ends at the relation, which starts at most this far after the window.
_COMPARE_REACH = 4
# The growth word before a copula (年均增长分别为7%) ends at most this far before it.
_GROWTH_BEFORE_COPULA = 4


def strip_lead(text: str, i: int, j: int, w: Words, keep_scope: bool = True) -> int:
    """Past the words that open a clause and are not its subject (今年, 2021年, 1., 其中 …);
    with ``keep_scope=False`` past scope words too (全市, 我省)."""
    lead, first = w.lead, w.lead_first
    while i < j:
        c = text[i]
        if c in first:
            m = lead.match(text, i, j)
            if m and m.end() > i:
                i = m.end()
                continue
        if not keep_scope and c in w.scope.first:
            scope = w.scope.starting_at(text, i, j)
            if scope:
                i += len(scope)
                continue
        break
    return i


def strip_trail(text: str, i: int, j: int, w: Words) -> tuple[int, Optional[int], Optional[str]]:
    """The end of the subject before ``j``, the year compared with, and the rule that cut."""
    compare_year = None
    rule = None
    m = None
    cy = None
    end = min(len(text), j + _COMPARE_REACH)
    # most windows hold none of the characters a comparison or a copula phrase needs (比 较 的 在):
    # one character-class search rules both patterns out
    if w.trail_probe.search(text, i, end):
        m = w.compare.search(text, i, end)
        if m and m.start() >= j:
            m = None
        if m is not None:
            cy = m.group("cy")
            rule = COMPARISON_CUT_FROM_SUBJECT
        else:
            m = w.copula_end.search(text, i, j)
            cy = m.group("cy2") if m else None
            rule = SHARE_COPULA_CUT_FROM_SUBJECT if m else None
    if m is not None:
        if cy:
            compare_year = int(cy)
        j = m.start()
    trailing = w.trailing
    while j > i:
        t = trailing.ending_at(text, j, i) if text[j - 1] in trailing.last else None
        if t:
            j -= len(t)
            rule = rule or TRAILING_WORDS_CUT
            continue
        if text[j - 1] in w.trailing_punct:
            j -= 1
            continue
        break
    return j, compare_year, rule


def subject_window(ctx: Ctx, st: Clause) -> None:
    """The window ``[s_i, s_j)`` between the clause start and the relation.

    Rules: ``clause_lead_stripped``, ``list_comma_closes_previous_phrase``,
    ``comparison_cut_from_subject``, ``share_copula_cut_from_subject``, ``trailing_words_cut``,
    ``growth_word_before_copula``.
    """
    text, w = ctx.text, ctx.w
    s_i = strip_lead(text, st.clause, st.rel_start, w)
    if s_i > st.clause:
        st.why.append(CLAUSE_LEAD_STRIPPED)
    prev = st.prev
    if st.same and prev is not None and st.clause == prev.raw.end:
        dun = text.rfind(w.enumeration_comma, s_i, st.rel_start)
        if dun >= 0:
            # 迈上千亿大关、年均增长9%: what stands before 、 closes the previous number's phrase
            s_i = strip_lead(text, dun + 1, st.rel_start, w)
            st.why.append(LIST_COMMA_CLOSES_PREVIOUS_PHRASE)
    s_j, cy, rule = strip_trail(text, s_i, st.rel_start, w)
    st.compare_year = st.compare_year or cy
    if st.same and prev is not None and prev.duration and s_i <= prev.raw.start < s_j:
        # 粮食产量连续8年稳定在1300亿斤以上: the span of time stands between subject and relation
        end = prev.raw.start
        for d in w.durations:
            if text.endswith(d, s_i, end):
                end -= len(d)
                break
        s_j, cy, _rule = strip_trail(text, s_i, end, w)
        st.why.append(DURATION_SKIPPED)
    if rule:
        st.why.append(rule)
    st.s_i, st.s_j = s_i, s_j
    if st.relation in w.copulas and s_j > s_i:
        _growth_before_copula(ctx, st)


def _growth_before_copula(ctx: Ctx, st: Clause) -> None:
    """年均增长分别为7.65%: the copula follows the real (growth) relation."""
    text, w, vocab = ctx.text, ctx.w, ctx.vocab
    s_i, s_j = st.s_i, st.s_j
    g = w.growth.ending_at(text, s_j, max(s_i, s_j - _GROWTH_BEFORE_COPULA))
    if g is None:
        return
    g_start = s_j - len(g)
    if vocab.match(text[s_i:s_j]) and not vocab.match(text[s_i:g_start]):
        return      # 经济增长为7%: the growth word is part of the indicator's name
    st.relation = g
    st.s_j, cy2, _rule = strip_trail(text, s_i, g_start, w)
    st.compare_year = st.compare_year or cy2
    st.why.append(GROWTH_WORD_BEFORE_COPULA)


# A parenthetical that spells out an abbreviation (GDP, R&D, PM2.5, AQI): Latin letters and digits.
_ABBREVIATION = re.compile(r"\([A-Za-z][A-Za-z0-9.&+ ]{0,11}\)")


def _abbreviation_before(text: str, pos: int) -> bool:
    """全社会研发经费(R&D)|投入: the clause at ``pos`` opens after an abbreviation in brackets."""
    op = text.rfind("(", max(0, pos - 14), pos)
    return op >= 0 and _ABBREVIATION.fullmatch(text, op, pos) is not None


def parenthetical_in_subject(ctx: Ctx, st: Clause, floor: int) -> None:
    """固定资产投资(不含农户)增长45%, 直接利用外资(全口径)5.8亿美元, 比上年(下同)增长11.1%: when
    the clause holds nothing but its relation (or nothing at all) and opens right after a
    parenthetical written after a word, the clause runs back over the parenthetical to that word;
    so it does after an abbreviation in brackets, whatever follows (全社会研发经费(R&D)投入占GDP
    比重). The indicator matcher reads the subject without the parenthetical; one that opens a
    subject is a note, stripped as a lead.

    Rule: ``parenthetical_in_subject``.
    """
    text = ctx.text
    bare = skip_words(text, st.clause, st.rel_start, ctx.w.fillers) >= st.rel_start
    if not bare and not _abbreviation_before(text, st.clause):
        return
    start = clause_before_parenthetical(text, st.clause, floor, ctx.w.note_parentheticals)
    if start < st.clause:
        st.clause = start
        st.why.append(PARENTHETICAL_IN_SUBJECT)

