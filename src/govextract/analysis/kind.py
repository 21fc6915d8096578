"""Stage 7, kind and direction: growth, level or a change in points (docs/qualifiers.md, Kind)."""
from __future__ import annotations

from typing import Optional

from .context import Ctx, remember
from .model import Clause
from .words import Words
from ..why import rule

KIND_CHANGE_OF_A_RATE_IS_POINTS = rule("kind_change_of_a_rate_is_points")
KIND_DECREASE_IS_GROWTH_DOWN = rule("kind_decrease_is_growth_down")
KIND_GROWTH_RATE_NAMED = rule("kind_growth_rate_named")
KIND_INCREASE_IS_GROWTH = rule("kind_increase_is_growth")
KIND_LEVEL = rule("kind_level")
KIND_LEVEL_REACHED = rule("kind_level_reached")
KIND_POINTS_UNIT = rule("kind_points_unit")
KIND_RATE_REACHED_IS_GROWTH = rule("kind_rate_reached_is_growth")
KIND_RATE_SUBJECT_IS_GROWTH = rule("kind_rate_subject_is_growth")
KIND_RESTATES_PREVIOUS_GROWTH = rule("kind_restates_previous_growth")
SUBJECT_AND_RELATION_NAME_INDICATOR = rule("subject_and_relation_name_indicator")


# Normalised units (units.json ``norm``): a change in points, and shares that change in points.
_POINTS = "pp"
_SHARE_UNITS = frozenset({"%", "permille"})


def is_rate(subject: str, w: Words) -> bool:
    """The subject names a rate of change (…增速, …涨幅)."""
    return subject.endswith(w.rate_suffixes)


def is_ratio(subject: str, w: Words) -> bool:
    """The subject names a ratio or share (…率, …比重, …占比) or a rate of change."""
    return is_rate(subject, w) or subject.endswith(w.ratio_suffixes)


def kind_of(relation: Optional[str], subject: str, unit_norm: Optional[str], w: Words) -> tuple[str, Optional[str], str]:
    """Kind, direction and the rule that decided them, from relation, subject and unit."""
    cls = w.relation_class.get(relation or "")
    down = "down" if cls == "down" else None
    if unit_norm == _POINTS:
        return "change_points", down, KIND_POINTS_UNIT
    if relation and len(relation) > 1 and relation.endswith(w.level_endings):
        if subject.endswith(w.rate_suffixes):
            return "growth", None, KIND_RATE_REACHED_IS_GROWTH
        return "level", None, KIND_LEVEL_REACHED
    if cls is not None and cls != "level" and unit_norm in _SHARE_UNITS and is_ratio(subject, w):
        # a change of a rate or share (增速比年初回升84%) is a change in points
        return "change_points", down, KIND_CHANGE_OF_A_RATE_IS_POINTS
    if cls == "down":
        return "growth", "down", KIND_DECREASE_IS_GROWTH_DOWN
    if cls == "up":
        return "growth", None, KIND_INCREASE_IS_GROWTH
    if subject.endswith(w.rate_suffixes):
        return "growth", None, KIND_RATE_SUBJECT_IS_GROWTH
    return "level", None, KIND_LEVEL


def decide_kind(ctx: Ctx, st: Clause) -> None:
    """Kind, direction and indicator.

    Rules: ``subject_and_relation_name_indicator``, the ``kind_*`` rules of :func:`kind_of`,
    ``kind_growth_rate_named``, ``kind_restates_previous_growth``.
    """
    text, w, vocab = ctx.text, ctx.w, ctx.vocab
    subject, relation = st.subject, st.relation
    if subject and relation and not st.inherited and st.rel_start == st.s_j and not vocab.match(subject) \
            and _exact(ctx, subject + relation):
        # 经济增长7%左右: "经济增长" names GDP growth; the subject alone names nothing
        st.s_j = st.rel_start + len(relation)
        st.subj, st.subject = (st.s_i, st.s_j), text[st.s_i:st.s_j]
        st.why.append(SUBJECT_AND_RELATION_NAME_INDICATOR)
        kind, direction, rule = kind_of(relation, subject, st.raw.unit_norm, w)
    else:
        kind, direction, rule = kind_of(relation, subject or "", st.raw.unit_norm, w)
    st.why.append(rule)
    subject = st.subject
    if kind == "level" and subject and (ctx.growth_names.get(subject) or names_growth(subject, ctx)):
        # 经济增长率7%, 规上工业增加值增长率8%: the growth of a measure (人口自然增长率 is a level)
        kind = "growth"
        st.why.append(KIND_GROWTH_RATE_NAMED)
    prev = st.prev
    if st.inherited and prev is not None and kind == "level" and prev.kind == "growth" \
            and (relation is None or relation in w.copulas) and st.raw.unit == prev.raw.unit:
        # 增长7%以上、力争达到8%: 达到 restates the same growth
        kind, direction = prev.kind, prev.direction
        st.why.append(KIND_RESTATES_PREVIOUS_GROWTH)
    st.kind, st.direction = kind, direction
    if st.inherited and prev is not None:
        st.indicator = prev.indicator
    elif subject:
        st.indicator = vocab.match(subject) or st.whole_ind


def _exact(ctx: Ctx, phrase: str) -> Optional[str]:
    """``vocab.exact`` remembered for the document (subjects recur)."""
    hit = ctx.exact.get(phrase, _MISS)
    if hit is _MISS:
        hit = ctx.vocab.exact(phrase)
        remember(ctx.exact, phrase, hit)
    return hit if isinstance(hit, str) else None


def names_growth(subject: str, ctx: Ctx) -> bool:
    """经济增长率, 规上工业增加值增长率: the subject names the growth of an indicator (remembered)."""
    hit = ctx.growth_names.get(subject)
    if hit is None:
        hit = _growth_name(subject, ctx)
        remember(ctx.growth_names, subject, hit)
    return hit


def _growth_name(subject: str, ctx: Ctx) -> bool:
    vocab = ctx.vocab
    if vocab.names_growth(subject):
        return True
    for suffix in ctx.w.growth_rate_suffixes:
        if subject.endswith(suffix) and vocab.match(subject[:-len(suffix)]) and not vocab.exact(subject):
            return True
    return False


_MISS = object()
