"""The internal model of one number: what the targets and actuals components read of it.

:class:`QInfo` is the analysis behind each ``Report.quantities`` entry (``doc.qinfo``, same
order). Offsets are positions in the normalised text (``doc.text``); ``Doc.span`` and
``doc.norm.orig_span`` map them back to the caller's text. :class:`Clause` is the working
state of the stages while one number is analysed; it becomes a ``QInfo`` at the end.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from ..numbers.scan import RawNumber

Span = tuple[int, int]


@dataclass(slots=True)
class QInfo:
    """The analysis of one number.

    Attributes:
        raw: the number as scanned (value, unit, range, qualifier words and their offsets).
        sent: the sentence the number stands in, ``(start, end)``.
        clause: where the number's clause starts (after the last , ; : or bracket, bounded).
        subj: the subject span as written, or None (a span of ``doc.text``).
        subject: the subject text (``doc.text[subj[0]:subj[1]]``), or None.
        relation: the relation word before the number (增长, 下降, 达到, 控制在 …) or the verb
            that introduces the object (完成, 新增 …), or None.
        kind: ``"growth"``, ``"level"`` or ``"change_points"``.
        direction: ``"down"`` for a decrease (下降, 减少 …), else None.
        indicator: the indicator id the subject names (``indicators.json``), or None.
        list_head: index (in ``doc.qinfo``) of the first number of the list this number belongs
            to (``分别增长8%、10%``); a number alone is its own head.
        inherited: the subject was taken from the number before it in the sentence.
        post_subject: the subject is written after the number (``新增5个博士点``).
        multi_year: a multi-year marker (年均, 累计, 五年来, 十四五 …) stands in the clause.
        cumulative_only: that marker is 累计 alone, which may mean "in the year so far".
        compare_year: the year compared with (``比2016年增长``), or None.
        explicit_year: the figure's own year (``2021年,…``), or None.
        by_year: the year a target is set for (``到2025年``), or None.
        time: the last time expression before the number in its clause (年均, 全年, 2021年 …).
        estimated: ``预计`` opens the sentence before the number.
        stretch: a stretch word (力争, 争取, 努力) stands in the clause before the number.
        part: ``"review"``, ``"plan"`` or ``"other"``: the top-level section's part.
        horizon: ``"year"`` or ``"multi_year"``: the span of time the sentence speaks of, or None.
        start_point: the number is the start point of a change (由2018年的52亿元增加到…): what
            the change is compared with, no outcome or target.
        duration: the number is a span of time (实现连续8年增产), not a figure: no subject, role other.
        why: the names of the rules that decided the subject, relation, kind, time and role, in
            the order they fired (``Quantity.why``).
    """
    raw: RawNumber
    sent: Span
    clause: int
    subj: Optional[Span]
    subject: Optional[str]
    relation: Optional[str]
    kind: str
    direction: Optional[str]
    indicator: Optional[str]
    list_head: int
    inherited: bool = False
    post_subject: bool = False
    cumulative_only: bool = False
    multi_year: bool = False
    compare_year: Optional[int] = None
    explicit_year: Optional[int] = None
    by_year: Optional[int] = None
    time: Optional[str] = None
    estimated: bool = False
    stretch: bool = False
    part: str = "other"
    horizon: Optional[str] = None
    why: list[str] = field(default_factory=list)
    start_point: bool = False
    duration: bool = False


@dataclass(slots=True)
class Clause(QInfo):
    """A number while the stages work on it: its :class:`QInfo` (``raw`` is the number,
    ``clause`` where its clause starts, ``list_head`` its own index) and the working state.

    The stages narrow ``[s_i, s_j)`` from the whole clause before the relation down to the
    subject, and fill in relation, kind and the rest. ``prev`` is the number analysed just
    before, ``same`` tells whether it stands in the same sentence. One object per number:
    the finished Clause is the number's QInfo.
    """
    prev: Optional[QInfo] = None
    same: bool = False
    rel_start: int = 0                       # where the relation (or the number) starts
    de_modifier: bool = False                # 的 right before the number: a modifier, not a subject
    s_i: int = 0                             # subject window
    s_j: int = 0
    whole_ind: Optional[str] = None          # indicator named by the whole window
    verb_relation: bool = False              # the relation is a verb that introduces its object
