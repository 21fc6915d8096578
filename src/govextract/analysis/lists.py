"""Lists of numbers: a number that continues the previous one's list, and subject lists split per number."""
from __future__ import annotations

from typing import Optional

from .context import Ctx
from .model import Clause, QInfo, Span
from .subject import post_subject

# Each part of a subject list split at 和/与/及 has at least this many characters (or is an indicator).
_MIN_SPLIT_PART = 3
# Each part of a subject list has at least this many characters.
_MIN_PART = 2


def continues_list(ctx: Ctx, st: Clause) -> Optional[QInfo]:
    """A number joined to the previous one by 、/和 only continues its list and shares its
    subject, relation and kind (分别增长8%、10%).

    Rules: ``list_continues_previous_number``, ``list_item_names_its_own_noun``.
    """
    prev = st.prev
    if not st.same or prev is None or ctx.text[prev.raw.end:st.n.start] not in ctx.w.list_joiners:
        return None
    q = QInfo(st.n, st.sent, prev.clause, prev.subj, prev.subject, prev.relation, prev.kind,
              prev.direction, prev.indicator, prev.list_head, prev.inherited,
              compare_year=prev.compare_year, why=st.why)
    q.why.append("list_continues_previous_number")
    if prev.post_subject:
        # 在39个乡镇、225个村: each number names its own thing after it
        post = post_subject(ctx, st.n.end, st.sent[1])
        q.subj = post
        q.subject = ctx.text[post[0]:post[1]] if post else None
        q.indicator = ctx.vocab.match(q.subject) if q.subject else None
        q.post_subject, q.list_head = True, st.index
        q.why.append("list_item_names_its_own_noun")
    return q


def split_list_subjects(ctx: Ctx, out: list[QInfo]) -> None:
    """城镇登记失业率、城镇调查失业率分别控制在3.5%和5.5%以内: one subject per number.

    A subject list is split at 、 (or also at 和/与/及) when that gives exactly as many parts
    as the list has numbers; otherwise the numbers share the subject (城乡居民人均可支配收入).

    Rule: ``subject_list_split``.
    """
    i = 0
    while i < len(out):
        j = i
        while j + 1 < len(out) and out[j + 1].list_head == out[i].list_head:
            j += 1
        if j > i:
            _split(ctx, out[i:j + 1])
        i = j + 1


def _split(ctx: Ctx, members: list[QInfo]) -> None:
    text, vocab = ctx.text, ctx.vocab
    head = members[0]
    if not head.subj or head.inherited:
        return
    whole = text[head.subj[0]:head.subj[1]]
    n = len(members)
    if vocab.split(vocab.match(whole), whole, n):
        return      # a compound with a split rule (城乡…): targets and actuals split it by indicator
    for pat, strict in ((ctx.w.split_dun, True), (ctx.w.split_any, False)):
        parts = _parts(pat, text, head.subj)
        if len(parts) == n and all(b - a >= _MIN_PART for a, b in parts) and \
                (strict or all(b - a >= _MIN_SPLIT_PART or vocab.match(text[a:b]) for a, b in parts)):
            for q, (a, b) in zip(members, parts):
                q.subj, q.subject, q.indicator = (a, b), text[a:b], vocab.match(text[a:b])
                q.why.append("subject_list_split")
            return


def _parts(pat: object, text: str, span: Span) -> list[Span]:
    s, e = span
    parts, pos = [], s
    for m in pat.finditer(text, s, e):    # type: ignore[attr-defined]
        parts.append((pos, m.start()))
        pos = m.end()
    parts.append((pos, e))
    return parts
