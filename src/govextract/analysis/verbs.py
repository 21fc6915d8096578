"""Stage 3, verbs and adverbs: VERB + SUBJECT + NUMBER (完成一般公共预算收入21.5亿元).

The subject is what follows the verbs that open the clause (after adverbs, or after a
prepositional phrase: 向企业输送用工). Before a growth relation the verb phrase is the
subject itself (引进内资增长19.2%), unless the verb is a light one (实现外贸出口增长15%).
"""
from __future__ import annotations

from typing import Optional

from ..lang.patterns import QUOTES
from .boundary import strip_lead
from .context import Ctx, indicator_of
from .model import Clause, Span
from .words import Words, skip_words
from ..why import rule

INDICATOR_NAMED_AFTER_VERB = rule("indicator_named_after_verb")
LAST_VERB_INTRODUCES_OBJECT = rule("last_verb_introduces_object")
VERB_AS_RELATION = rule("verb_as_relation")
VERB_OPENS_CLAUSE = rule("verb_opens_clause")
GENERIC_HEAD_NOUN_DROPPED = rule("generic_head_noun_dropped")
LIGHT_VERB_INSIDE_SUBJECT = rule("light_verb_inside_subject")


# With no relation, a clause longer than this is VERB + OBJECT even when the verb is inside it.
_MIN_VERB_CLAUSE = 4
# A clause longer than this that names an indicator may name it after a verb inside it.
_MIN_INDICATOR_CLAUSE = 6
# The object after a verb inside the clause has at least this many characters.
_MIN_OBJECT = 3
_OPEN_QUOTE, _CLOSE_QUOTE = QUOTES[0], QUOTES[1]


def inside_quotes(text: str, i: int, pos: int) -> bool:
    return text.count(_OPEN_QUOTE, i, pos) > text.count(_CLOSE_QUOTE, i, pos)


def _verb_belongs_to_noun(text: str, e: int, j: int, w: Words) -> bool:
    """服务业, 征而未供的土地, 清偿进度: a verb followed by these makes or modifies a noun."""
    return e < j and (text[e] in w.noun_makers or text[e] in w.attributive or text[e:j] in w.verb_object_nouns)


def verb_before_subject(text: str, i: int, j: int, w: Words, light_only: bool) -> Optional[Span]:
    """Where the verbs that open the clause are, or None.

    完成一般公共预算收入 -> 一般公共预算收入; 关停并转提升“散乱污”企业 -> “散乱污”企业;
    向企业输送用工 -> 用工 (a prepositional phrase may stand before the verb).
    """
    pos = strip_lead(text, i, j, w, keep_scope=False)
    pos = skip_words(text, pos, j, w.adverbs)
    if pos < j and text[pos] in w.prepositions.first and w.prepositions.starting_at(text, pos, j):
        m = w.transitive_search.search(text, pos + 1, j)
        while m and inside_quotes(text, pos, m.start()):
            m = w.transitive_search.search(text, m.end(), j)
        if not m:
            return None
        pos = m.start()
    if not (pos < j and text[pos] in w.transitive.first and w.transitive.starting_at(text, pos, j)):
        # 全市园区累计实现规模工业增加值: a light verb inside the clause introduces the object
        m = w.light_search.search(text, pos, j)
        if m and m.end() < j:
            pos = m.start()
    return _verb_run(text, pos, j, w, light_only)


def _verb_run(text: str, pos: int, j: int, w: Words, light_only: bool) -> Optional[Span]:
    """The last of the verbs in a row from ``pos`` (关停并转提升): the subject follows it."""
    found = None
    transitive = w.transitive
    while pos < j and text[pos] in transitive.first:
        verb = transitive.starting_at(text, pos, j)
        if not verb:
            break
        e = pos + len(verb)
        if _verb_belongs_to_noun(text, e, j, w):
            break
        if light_only and verb not in w.light.words:
            break
        found = (pos, e)
        pos = skip_words(text, strip_lead(text, e, j, w), j, w.adverbs)
        if pos < j and text[pos] in w.verb_joiners and w.transitive.starting_at(text, pos + 1, j):
            pos += 1
    return found


def last_verb(text: str, i: int, j: int, w: Words) -> Optional[Span]:
    """The last verb of the clause that has an object of a few characters after it."""
    best = None
    for m in w.transitive_search.finditer(text, i, j):
        e = m.end()
        if j - e < _MIN_OBJECT or text[e] in w.noun_makers or text[e] in w.attributive \
                or text[m.start() - 1] == w.enumeration_comma or inside_quotes(text, i, m.start()):
            continue
        best = (m.start(), e)
    return best


def strip_verbs(ctx: Ctx, st: Clause) -> None:
    """The subject after the clause's verbs; a verb with no relation after it becomes the relation.

    Rules: ``verb_opens_clause``, ``last_verb_introduces_object``, ``indicator_named_after_verb``,
    ``verb_as_relation``.
    """
    text, w = ctx.text, ctx.w
    s_i, s_j = st.s_i, st.s_j
    if s_j <= s_i:
        return
    window = text[s_i:s_j]
    whole_ind = ctx.vocab.match(window)
    if whole_ind is None and window.endswith(w.generic_heads):
        whole_ind, headless = indicator_of(ctx, window)
        if headless:
            st.why.append(GENERIC_HEAD_NOUN_DROPPED)
    st.whole_ind = whole_ind
    growth_rel = st.relation is not None and w.relation_class.get(st.relation) in ("up", "down")
    verb = verb_before_subject(text, s_i, s_j, w, light_only=growth_rel)
    rule = VERB_OPENS_CLAUSE
    if verb is None and st.relation is None and s_j - s_i > _MIN_VERB_CLAUSE and not whole_ind:
        # 提请省人大常委会审议地方性法规8部: with no relation the clause is VERB + OBJECT + NUMBER
        verb, rule = last_verb(text, s_i, s_j, w), LAST_VERB_INTRODUCES_OBJECT
    if verb is None and whole_ind and s_j - s_i > _MIN_INDICATOR_CLAUSE:
        _indicator_after_verb(ctx, st, whole_ind)
        return
    if verb is None or _light_verb_inside(ctx, st, verb):
        return
    st.why.append(rule)
    st.s_i = strip_lead(text, verb[1], s_j, w)
    if st.relation is None:
        st.relation = text[verb[0]:verb[1]]
        st.verb_relation = True
        st.why.append(VERB_AS_RELATION)


def _indicator_after_verb(ctx: Ctx, st: Clause, whole_ind: str) -> None:
    """中央提出今年经济增长预期目标为7%左右: the indicator is named after a verb inside the clause."""
    text, w = ctx.text, ctx.w
    v = last_verb(text, st.s_i, st.s_j, w)
    if v is None:
        return
    rest = strip_lead(text, v[1], st.s_j, w)
    if ctx.vocab.match(text[rest:st.s_j]) == whole_ind:
        st.s_i = rest
        st.why.append(INDICATOR_NAMED_AFTER_VERB)


def _light_verb_inside(ctx: Ctx, st: Clause, verb: Span) -> bool:
    """规模以上工业企业实现利润增长9%: a light verb inside the subject; the words around it name
    the indicator (规模以上工业企业利润), the object alone does not (利润): the subject stays whole."""
    text, w = ctx.text, ctx.w
    s_i, s_j = st.s_i, st.s_j
    if text[verb[0]:verb[1]] not in w.light.words:
        return False
    opening = skip_words(text, strip_lead(text, s_i, verb[0], w, keep_scope=False), verb[0], w.adverbs)
    if opening >= verb[0]:
        return False    # the verb opens the clause: what follows it is the subject
    if ctx.vocab.match(text[strip_lead(text, verb[1], s_j, w):s_j]) is not None:
        return False    # 全市园区累计实现规模工业增加值: the object names the indicator itself
    joined = ctx.vocab.match(text[s_i:verb[0]] + text[verb[1]:s_j])
    if joined is None:
        return False
    st.whole_ind = joined
    st.why.append(LIGHT_VERB_INSIDE_SUBJECT)
    return True
