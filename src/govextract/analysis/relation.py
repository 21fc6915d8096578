"""Stage 1, relation: the word that relates the subject to the number (增长, 下降, 达到, 控制在 …)."""
from __future__ import annotations

from typing import Optional

from .context import Ctx
from .model import Clause
from ..why import rule

ATTRIBUTIVE_BEFORE_NUMBER = rule("attributive_before_number")
QUALIFIER_WORD_AS_RELATION = rule("qualifier_word_as_relation")
RELATION_BEFORE_NUMBER = rule("relation_before_number")
RELATION_PAST_FILLERS = rule("relation_past_fillers")


# Relation, qualifier and filler words are short: each stands within this many characters
# before the number (a bounded look, whatever the length of the clause).
_WORD_REACH = 8
# Fillers between a relation and its number (分别, 均, 同比 …) are looked past at most this often.
_MAX_FILLERS = 6


def find_relation(ctx: Ctx, st: Clause) -> None:
    """The relation word right before the number, looking past fillers (分别, 均, 同比 …) and
    past a qualifier that follows the real relation (增长不低于15%).

    Rules: ``relation_before_number``, ``relation_past_fillers``, ``qualifier_word_as_relation``,
    ``attributive_before_number``.
    """
    text, w = ctx.text, ctx.w
    cstart, p_end = st.clause, st.raw.num_start
    qual_hit: Optional[tuple[str, int]] = None
    skipped = False
    # the words that may end at a position, by their last character: one dictionary lookup
    # rules most positions out (cheaper than a pattern over a long alternation of words)
    rels, quals, fillers = w.relations.by_last, w.qualifiers_before.by_last, w.fillers.by_last
    for _ in range(_MAX_FILLERS):
        if p_end <= cstart:
            break
        floor = max(cstart, p_end - _WORD_REACH)
        last = text[p_end - 1]
        cands = rels.get(last)
        rel = _ending(text, p_end, floor, cands) if cands else None
        cands = quals.get(last) if qual_hit is None else None
        qual = _ending(text, p_end, floor, cands) if cands else None
        if qual is not None and (rel is None or len(qual) >= len(rel)):
            qual_hit = (qual, p_end - len(qual))
            p_end -= len(qual)
            continue
        if rel is not None:
            st.relation, st.rel_start = rel, p_end - len(rel)
            st.why.append(RELATION_PAST_FILLERS if skipped else RELATION_BEFORE_NUMBER)
            return
        cands = fillers.get(last)
        filler = _ending(text, p_end, floor, cands) if cands else None
        if filler is None:
            break
        p_end -= len(filler)
        skipped = True
    if qual_hit:
        st.relation, st.rel_start = qual_hit
        st.why.append(QUALIFIER_WORD_AS_RELATION)
        return
    st.relation, st.rel_start = None, max(p_end, cstart)
    if st.rel_start > cstart and text[st.rel_start - 1] in w.attributive:
        st.de_modifier = True
        st.why.append(ATTRIBUTIVE_BEFORE_NUMBER)


def _ending(text: str, end: int, floor: int, words: Optional[tuple[str, ...]]) -> Optional[str]:
    """The longest of ``words`` (longest first) that ends at ``end``, starting at or after ``floor``."""
    if words:
        for x in words:
            if end - len(x) >= floor and text.startswith(x, end - len(x)):
                return x
    return None
