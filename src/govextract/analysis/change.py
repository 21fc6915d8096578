"""Stage 1a, the two ends of a change: 由2018年的52亿元增加到2023年的81.4亿元.

The start point (52亿元) is what the change is compared with: its year is ``compare_year``
and it is no outcome or target (role ``other``). The end point (81.4亿元) takes the subject
of the start point, the relation (增加到, a level reached) and, when written, its own year
(2023年的 is the figure's year, not a year it is set for).
"""
from __future__ import annotations

from .context import Ctx
from .model import Clause
from ..why import rule

START_POINT_OF_A_CHANGE = rule("start_point_of_a_change")
END_POINT_OF_A_CHANGE = rule("end_point_of_a_change")


def change_points(ctx: Ctx, st: Clause) -> bool:
    """Whether the number is the start or the end point of a 由…到… change (then the relation is decided)."""
    n, text, w = st.raw, ctx.text, ctx.w
    prev = st.prev
    if st.same and prev is not None and prev.start_point:
        m = w.change_end.fullmatch(text, prev.raw.end, n.num_start)
        if m:
            st.relation, st.rel_start = m.group("rel"), prev.raw.end
            st.explicit_year = int(m.group("y")) if m.group("y") else None
            st.why.append(END_POINT_OF_A_CHANGE)
            return True
    num = n.num_start
    if num <= st.clause:
        return False
    m = w.change_start.search(text, max(st.clause, num - _START_REACH), num)
    if m is None:
        return False
    st.relation, st.rel_start = None, m.start()
    st.compare_year = int(m.group("y")) if m.group("y") else None
    st.start_point = True
    st.why.append(START_POINT_OF_A_CHANGE)
    return True


# 由2018年底的: the marker, a year and 的 stand within this many characters before the number.
_START_REACH = 12

