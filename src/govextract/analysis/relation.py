"""Stage 1, relation: the word that relates the subject to the number (增长, 下降, 达到, 控制在 …)."""
from __future__ import annotations

from typing import Optional

from .context import Ctx
from .model import Clause

# Relation, qualifier and filler words are short: the longest stands within this many
# characters before the number (a bounded look, whatever the length of the clause).
_RELATION_REACH = 6
# Fillers between a relation and its number (分别, 均, 同比 …) are looked past at most this often.
_MAX_FILLERS = 6


def find_relation(ctx: Ctx, st: Clause) -> None:
    """The relation word right before the number, looking past fillers (分别, 均, 同比 …) and
    past a qualifier that follows the real relation (增长不低于15%).

    Rules: ``relation_before_number``, ``relation_past_fillers``, ``qualifier_word_as_relation``,
    ``attributive_before_number``.
    """
    text, w = ctx.text, ctx.w
    cstart, p_end = st.cstart, st.n.num_start
    qual_hit: Optional[tuple[str, int]] = None
    skipped = False
    relations, quals, fillers = w.relations, w.qualifiers_before, w.fillers
    for _ in range(_MAX_FILLERS):
        if p_end <= cstart:
            break
        floor = max(cstart, p_end - _RELATION_REACH)
        last = text[p_end - 1]
        rel = relations.ending_at(text, p_end, floor) if last in relations.last else None
        qual = quals.ending_at(text, p_end, floor) if qual_hit is None and last in quals.last else None
        if qual is not None and (rel is None or len(qual) >= len(rel)):
            qual_hit = (qual, p_end - len(qual))
            p_end -= len(qual)
            continue
        if rel is not None:
            st.relation, st.rel_start = rel, p_end - len(rel)
            st.why.append("relation_past_fillers" if skipped else "relation_before_number")
            return
        filler = fillers.ending_at(text, p_end, max(cstart, p_end - _RELATION_REACH - 2)) \
            if last in fillers.last else None
        if filler is None:
            break
        p_end -= len(filler)
        skipped = True
    if qual_hit:
        st.relation, st.rel_start = qual_hit
        st.why.append("qualifier_word_as_relation")
        return
    st.relation, st.rel_start = None, max(p_end, cstart)
    if st.rel_start > cstart and text[st.rel_start - 1] in w.attributive:
        st.de_modifier = True
        st.why.append("attributive_before_number")
