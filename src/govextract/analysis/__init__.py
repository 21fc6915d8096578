"""The per-number analysis, as named stages over a small typed state.

For every number the scan finds (:mod:`govextract.numbers.scan`), the stages run in order
over a :class:`~govextract.analysis.model.Clause`:

1. window — where the clause starts (``clause``), whether the number continues a list;
2. relation — the relation word before the number (:mod:`.relation`);
3. subject boundary — the words between the clause start and the relation, trimmed (:mod:`.boundary`);
4. verbs and adverbs — the verbs that open the clause, stripped (:mod:`.verbs`);
5. subject — read against the number before it, inherited from the previous clause, or
   written after the number (:mod:`.subject`);
6. kind — growth, level or change in points, and the indicator (:mod:`.kind`);
7. time — years, time words, multi-year markers, 预计, 力争 (:mod:`.time`);
8. lists — a subject list split per number (:mod:`.lists`);
9. role — target, outcome … and the year (:mod:`.roles`).

Each rule that decides something appends its name to the number's ``why``; the names are
listed, with an example each, in docs/extractors.md. What targets and actuals read of a
number is :class:`~govextract.analysis.model.QInfo` (``doc.qinfo``).
"""
from __future__ import annotations

from bisect import bisect_right
from typing import Optional

from ..document import Doc
from ..numbers.scan import DURATION_IS_NO_FIGURE, RawNumber, propagate_list_qualifiers, scan_numbers
from ..text.sentences import clause_start
from .boundary import parenthetical_in_subject, subject_window
from .change import change_points
from .context import Ctx, sentences_of
from .kind import decide_kind
from .lists import continues_list, split_list_subjects
from .model import Clause, QInfo
from .relation import find_relation
from .roles import assign_roles
from .subject import MAX_SUBJECT_WITH_DIGITS, choose_subject, inherit_subject, subject_after_number
from .time import CLAUSE_REACH, read_time, sentence_horizons
from .verbs import strip_verbs
from .words import Words, words_of
from ..why import rule

SUBJECT_LIST_REACHES_BACK = rule("subject_list_reaches_back")
# A subject list written once before a 分别 list (six indicators) reaches back at most this far.
LIST_SUBJECT_REACH = 160

__all__ = ["QInfo", "analyse", "assign_roles", "extract_quantities", "sentence_horizons", "words_for"]


def words_for(doc: Doc) -> Words:
    """The compiled words of the document's pipeline."""
    return words_of(doc.vocab.lang, doc.vocab.numbers)


def analyse_number(ctx: Ctx, n: RawNumber, sent: tuple[int, int], horizon: Optional[str],
                   prev: Optional[QInfo]) -> QInfo:
    """The stages, in order, for one number.

    The clause of a number starts after the last , ; : or bracket, never before the previous
    number of the sentence and at most ``CLAUSE_REACH`` characters back.
    """
    same = prev is not None and prev.sent == sent
    text = ctx.text
    index = len(ctx.out)
    why = list(n.why) if n.why else []
    if same:
        q = continues_list(ctx, n, sent, prev, index, why)   # type: ignore[arg-type]
        if q is not None:
            read_time(ctx, q, horizon)
            return q
    floor = max(sent[0], n.num_start - CLAUSE_REACH)
    if same and prev.duration:            # type: ignore[union-attr]
        floor = max(floor, prev.clause)   # type: ignore[union-attr]  # 连续8年稳定在…: no boundary
    elif same and prev.raw.end > floor:   # type: ignore[union-attr]
        floor = prev.raw.end              # type: ignore[union-attr]
    cstart = clause_start(text, n.num_start, floor)
    if why and DURATION_IS_NO_FIGURE in why:
        q = QInfo(n, sent, cstart, None, None, None, "level", None, None, index, why=why, duration=True)
        read_time(ctx, q, horizon)
        return q
    st = Clause(n, sent, cstart, None, None, None, "level", None, None, index, why=why, prev=prev, same=same)
    if cstart == floor > sent[0] and not same:
        _reach_back(ctx, st, floor)
    w = ctx.w
    if not ((text[n.num_start - 1] in w.change_start_last and n.num_start > cstart)
            or (same and prev.start_point)) or not change_points(ctx, st):   # type: ignore[union-attr]
        find_relation(ctx, st)
    parenthetical_in_subject(ctx, st, floor)
    subject_window(ctx, st)
    strip_verbs(ctx, st)
    choose_subject(ctx, st)
    if st.subject is None:
        inherit_subject(ctx, st)
    if st.subject is None or st.de_modifier or st.verb_relation or len(st.subject) > MAX_SUBJECT_WITH_DIGITS:
        subject_after_number(ctx, st)
    decide_kind(ctx, st)
    read_time(ctx, st, horizon)
    return st


def _reach_back(ctx: Ctx, st: Clause, floor: int) -> None:
    """2023年，地区生产总值、规模以上工业增加值、…、外贸进出口总额分别比上年增长6.1%、…: a subject
    list before 分别 may be longer than the usual reach; the clause then starts further back."""
    text, n = ctx.text, st.raw
    if text.find(ctx.w.enumeration_comma, floor, n.num_start) < 0 \
            or not any(text.find(x, floor, n.num_start) >= 0 for x in ctx.w.respectively.words):
        return
    far = max(st.sent[0], n.num_start - LIST_SUBJECT_REACH)
    cstart = clause_start(text, n.num_start, far)
    if cstart < floor:
        st.clause = cstart
        st.why.append(SUBJECT_LIST_REACHES_BACK)


def analyse(doc: Doc) -> list[QInfo]:
    """Every number of the document with its subject, relation, kind and time (normalised offsets)."""
    ctx = Ctx(doc, doc.text, words_for(doc), doc.vocab.indicators)
    nums = scan_numbers(doc.text, vocab=doc.vocab.numbers)
    propagate_list_qualifiers(nums, doc.text)
    sentences = sentences_of(doc)
    starts = sentences.starts
    sent_index = [max(0, bisect_right(starts, n.num_start) - 1) for n in nums]
    horizons = sentence_horizons(doc, sent_index, ctx.w)
    spans = sentences.spans
    prev: Optional[QInfo] = None
    for n, k in zip(nums, sent_index):
        prev = analyse_number(ctx, n, spans[k], horizons[k], prev)
        ctx.out.append(prev)
    split_list_subjects(ctx, ctx.out)
    return ctx.out


def extract_quantities(doc: Doc) -> None:
    """The ``quantities`` component: analyse every number, then give each its role."""
    assign_roles(doc, analyse(doc), words_for(doc))

