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
from ..numbers.scan import RawNumber, propagate_list_qualifiers, scan_numbers
from ..text.sentences import clause_start
from .boundary import subject_window
from .context import Ctx
from .kind import decide_kind
from .lists import continues_list, split_list_subjects
from .model import Clause, QInfo
from .relation import find_relation
from .roles import assign_roles
from .subject import MAX_SUBJECT_WITH_DIGITS, choose_subject, inherit_subject, subject_after_number
from .time import CLAUSE_REACH, read_time, sentence_horizons
from .verbs import strip_verbs
from .words import Words, words_of

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
    st = Clause(n, sent, horizon, len(ctx.out), prev, same, why=list(n.why))
    floor = max(sent[0], n.num_start - CLAUSE_REACH)
    if same and prev.raw.end > floor:     # type: ignore[union-attr]
        floor = prev.raw.end              # type: ignore[union-attr]
    st.cstart = clause_start(ctx.text, n.num_start, floor)
    q = continues_list(ctx, st) if same else None
    if q is None:
        find_relation(ctx, st)
        subject_window(ctx, st)
        strip_verbs(ctx, st)
        choose_subject(ctx, st)
        if st.subject is None:
            inherit_subject(ctx, st)
        if st.subject is None or st.de_modifier or st.verb_relation or len(st.subject) > MAX_SUBJECT_WITH_DIGITS:
            subject_after_number(ctx, st)
        decide_kind(ctx, st)
        q = QInfo(n, sent, st.cstart, st.subj, st.subject, st.relation, st.kind, st.direction, st.indicator,
                  st.index, st.inherited, st.post_subject, compare_year=st.compare_year, why=st.why)
    read_time(ctx, q, horizon)
    return q


def analyse(doc: Doc) -> list[QInfo]:
    """Every number of the document with its subject, relation, kind and time (normalised offsets)."""
    ctx = Ctx(doc, doc.text, words_for(doc), doc.vocab.indicators)
    nums = scan_numbers(doc.text, vocab=doc.vocab.numbers)
    propagate_list_qualifiers(nums, doc.text)
    starts = doc.sentences.starts
    sent_index = [max(0, bisect_right(starts, n.num_start) - 1) for n in nums]
    horizons = sentence_horizons(doc, sent_index, ctx.w)
    spans = doc.sentences.spans
    prev: Optional[QInfo] = None
    for n, k in zip(nums, sent_index):
        prev = analyse_number(ctx, n, spans[k], horizons[k], prev)
        ctx.out.append(prev)
    split_list_subjects(ctx, ctx.out)
    return ctx.out


def extract_quantities(doc: Doc) -> None:
    """The ``quantities`` component: analyse every number, then give each its role."""
    assign_roles(doc, analyse(doc), words_for(doc))

