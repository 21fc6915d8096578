"""Stages 4 and 5: the subject from the window, from the clause before, or after the number.

Stage 4 (``choose_subject``) reads the window left by the verbs stage against the number
before it in the sentence; stage 5 (``inherit_subject``) continues the previous number's
subject when the clause has none; stage 6 (``subject_after_number``) takes the noun phrase
written after the number when that is what is counted.
"""
from __future__ import annotations

from typing import Optional

from .. import _regex
from .context import Ctx, has_word
from .model import Clause, Span
from ..why import rule

GENERIC_TOTAL_OF_PREVIOUS_SUBJECT = rule("generic_total_of_previous_subject")
LONG_SUBJECT_WITH_DIGITS_DROPPED = rule("long_subject_with_digits_dropped")
MEASURES_BACK_TO_BACK = rule("measures_back_to_back")
NOUN_AFTER_MEASURE_AFTER_ATTRIBUTIVE = rule("noun_after_measure_after_attributive")
NOUN_AFTER_MEASURE_AFTER_VERB = rule("noun_after_measure_after_verb")
PREPOSITION_ALONE_IS_NO_SUBJECT = rule("preposition_alone_is_no_subject")
PREVIOUS_NUMBER_NOUN_BEFORE = rule("previous_number_noun_before")
SHORT_NOUN_NAMES_PREVIOUS_SUBJECT = rule("short_noun_names_previous_subject")
SUBJECT_AFTER_NUMBER = rule("subject_after_number")
SUBJECT_INHERITED_FROM_PREVIOUS_CLAUSE = rule("subject_inherited_from_previous_clause")
THRESHOLD_PHRASE_IS_SUBJECT = rule("threshold_phrase_is_subject")
TRANSITIVE_VERB_TAKES_NOUN_AFTER = rule("transitive_verb_takes_noun_after")


# A noun phrase written after its number is short: it is looked for this far at most.
_POST_SUBJECT_REACH = 20
# A restated subject (投资 after 固定资产投资) has at most this many characters.
_MAX_RESTATED = 3
# A "subject" longer than this that holds a digit is running text, not a noun phrase.
MAX_SUBJECT_WITH_DIGITS = 24
_DIGIT = _regex.compile(r"[0-9]", short=True)


def post_subject(ctx: Ctx, pos: int, end: int) -> Optional[Span]:
    """A noun phrase right after the number (新增5个博士一级学科授权点, 7.8万名贫困人口全部脱贫)."""
    text, w = ctx.text, ctx.w
    m = w.post.match(text, pos, min(end, pos + _POST_SUBJECT_REACH))
    if m and m.end() > m.start():
        e = m.end()
        verb = _last_transitive_ending(ctx, m.start(), e)
        if verb is not None and verb - m.start() >= 2:
            e = verb      # 实施20238个智慧路灯改造: the closing verb is not part of the noun
        return m.start(), e
    return None


def _last_transitive_ending(ctx: Ctx, s: int, e: int) -> Optional[int]:
    """Start of the verb that ends ``text[s:e]``, or None (the leftmost such verb, as a search finds it)."""
    words = ctx.w.transitive
    for k in words.lens:
        if e - k >= s and ctx.text[e - k:e] in words.words:
            return e - k
    return None


def choose_subject(ctx: Ctx, st: Clause) -> None:
    """The subject from the window, read against the number before it in the sentence.

    Rules: ``threshold_phrase_is_subject``, ``previous_number_noun_before``,
    ``preposition_alone_is_no_subject``, ``short_noun_names_previous_subject``,
    ``generic_total_of_previous_subject``.
    """
    text, w = ctx.text, ctx.w
    prev = st.prev if st.same else None
    s_i, s_j = st.s_i, st.s_j
    if prev is not None and prev.post_subject and prev.subj:
        if prev.subj[1] == st.raw.num_start and prev.raw.qualifier_after in w.threshold_words:
            # 累计竣工投产5000万元以上项目112个: the threshold and its noun are the subject
            s_i, s_j = prev.raw.num_start, prev.subj[1]
            st.why.append(THRESHOLD_PHRASE_IS_SUBJECT)
        elif s_i < prev.subj[1] and s_j > s_i:
            # 新建20万亩高标准农田、完成440万亩粮食播种: what precedes is the last number's noun
            s_i = s_j
            st.why.append(PREVIOUS_NUMBER_NOUN_BEFORE)
    if s_j > s_i and (text[s_i:s_j] in w.prepositions.words
                      or s_j - s_i == 1 and text[s_i] in w.bare_prepositions):
        s_i = s_j     # 在39个乡镇: a preposition alone is no subject
        st.why.append(PREPOSITION_ALONE_IS_NO_SUBJECT)
    st.s_i, st.s_j = s_i, s_j
    subject = text[s_i:s_j] if s_j > s_i else None
    if subject and prev is not None and prev.subject and prev.subj and not prev.post_subject \
            and len(subject) <= _MAX_RESTATED and prev.subject.endswith(subject) and prev.subject != subject:
        # 固定资产投资年均增长6.9%、累计完成投资…: the short noun names the same thing again
        subject, st.s_i, st.s_j = prev.subject, prev.subj[0], prev.subj[1]
        st.why.append(SHORT_NOUN_NAMES_PREVIOUS_SUBJECT)
    if subject in w.generic_totals and prev is not None and prev.subject:
        subject = None   # 精品民宿,总数突破500家: the total of what the clause before named
        st.why.append(GENERIC_TOTAL_OF_PREVIOUS_SUBJECT)
    st.subject = subject
    st.subj = (st.s_i, st.s_j) if subject else None


def inherit_subject(ctx: Ctx, st: Clause) -> None:
    """With no subject of its own, the clause goes on about the previous number's subject.

    Rules: ``transitive_verb_takes_noun_after``, ``subject_inherited_from_previous_clause``,
    ``measures_back_to_back``.
    """
    if st.subject is not None:
        return
    text, w = ctx.text, ctx.w
    prev = st.prev if st.same else None
    if st.relation in w.transitive.words and not st.verb_relation:
        # 、完成440万亩粮食播种: a transitive verb with nothing before it takes the noun after
        if post_subject(ctx, st.raw.end, st.sent[1]):
            st.verb_relation = True
            st.why.append(TRANSITIVE_VERB_TAKES_NOUN_AFTER)
    if prev is None or not prev.subject:
        return
    copula = st.compare_year is not None \
        or (st.s_j < st.rel_start and text[st.rel_start - 1] in w.attributive) \
        or (st.s_i >= st.s_j and has_word(text, w.stretch.words, st.clause, st.raw.num_start))
    if (st.relation is not None or copula) and not st.verb_relation:
        # 地区生产总值完成238亿元,按可比口径增长6%: the clause goes on about the same subject
        st.subject, st.subj, st.inherited = prev.subject, prev.subj, True
        st.why.append(SUBJECT_INHERITED_FROM_PREVIOUS_CLAUSE)
    elif st.raw.start == prev.raw.end:
        # 拆除违建219处1.9万平方米: two measures of one thing, written back to back
        st.subject, st.subj, st.inherited = prev.subject, prev.subj, True
        st.why.append(MEASURES_BACK_TO_BACK)


def subject_after_number(ctx: Ctx, st: Clause) -> None:
    """The noun after the measure, when that is what is counted.

    Rules: ``noun_after_measure_after_attributive``, ``noun_after_measure_after_verb``,
    ``subject_after_number``, ``long_subject_with_digits_dropped``.
    """
    n, vocab = st.raw, ctx.vocab
    if st.subject is not None and st.de_modifier and not vocab.match(st.subject):
        # 核心区的29个地块: what is counted follows the measure; the 的 phrase places it
        post = post_subject(ctx, n.end, st.sent[1])
        if post and n.end == post[0]:
            _take_post(ctx, st, post, NOUN_AFTER_MEASURE_AFTER_ATTRIBUTIVE)
    if st.subject is not None and st.verb_relation and not vocab.match(st.subject):
        # 修建南北片区29.6公里游览路: the words between verb and number only place it
        post = post_subject(ctx, n.end, st.sent[1])
        if post and post[1] - post[0] >= 2 and n.end == post[0]:
            _take_post(ctx, st, post, NOUN_AFTER_MEASURE_AFTER_VERB)
    if st.subject is None:
        post = post_subject(ctx, n.end, st.sent[1])
        st.post_subject = post is not None
        if post:
            st.subj, st.subject = post, ctx.text[post[0]:post[1]]
            st.why.append(SUBJECT_AFTER_NUMBER)
    if st.subject and len(st.subject) > MAX_SUBJECT_WITH_DIGITS and _DIGIT.search(st.subject):
        st.subject, st.subj = None, None
        st.why.append(LONG_SUBJECT_WITH_DIGITS_DROPPED)


def _take_post(ctx: Ctx, st: Clause, post: Span, rule: str) -> None:
    if not (st.post_subject and st.subj == post):
        st.why.append(rule)
    st.subj, st.subject, st.post_subject = post, ctx.text[post[0]:post[1]], True
