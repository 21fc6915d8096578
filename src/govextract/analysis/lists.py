"""Lists of numbers: a number that continues the previous one's list, and subject lists split per number."""
from __future__ import annotations

from typing import Optional

from .context import Ctx
from ..numbers.scan import RawNumber
from .model import QInfo, Span
from .kind import kind_of, names_growth
from ..why import rule

LIST_CONTINUES_PREVIOUS_NUMBER = rule("list_continues_previous_number")
SUBJECT_LIST_SPLIT = rule("subject_list_split")
LIST_SHARES_BOUND = rule("list_shares_bound_written_before")
RESPECTIVELY_REFERS_TO_EARLIER_SUBJECTS = rule("respectively_refers_to_earlier_subjects")
KIND_DECIDED_PER_LIST_NAME = rule("kind_decided_per_list_name")


# Each part of a subject list split at 和/与/及 has at least this many characters (or is an indicator).
_MIN_SPLIT_PART = 3
# Each part of a subject list has at least this many characters.
_MIN_PART = 2


def continues_list(ctx: Ctx, n: RawNumber, sent: Span, prev: QInfo, index: int, why: list[str]) -> Optional[QInfo]:
    """A number joined to the previous one of its sentence by 、/和 only continues its list and
    shares its subject, relation and kind (分别增长8%、10%).

    Rule: ``list_continues_previous_number``.
    """
    if n.start - prev.raw.end > ctx.w.longest_joiner or ctx.text[prev.raw.end:n.start] not in ctx.w.list_joiners:
        return None
    q = QInfo(n, sent, prev.clause, prev.subj, prev.subject, prev.relation, prev.kind,
              prev.direction, prev.indicator, prev.list_head, prev.inherited,
              compare_year=prev.compare_year, why=why)
    why.append(LIST_CONTINUES_PREVIOUS_NUMBER)
    bound_before = prev.raw.qualifier_before is not None or LIST_SHARES_BOUND in prev.why
    if n.qualifier == "exact" and n.qualifier_before is None and bound_before \
            and prev.raw.qualifier in ("at_least", "at_most"):
        # 分别迈上四万亿元、三千亿元、两千亿美元新台阶, 不低于5%、6%: a bound written before the
        # first number of a list holds for every number of it
        n.qualifier = prev.raw.qualifier
        why.append(LIST_SHARES_BOUND)
    return q


def split_list_subjects(ctx: Ctx, out: list[QInfo]) -> None:
    """One subject per number of a list written once for several numbers.

    城镇登记失业率、城镇调查失业率分别控制在3.5%和5.5%以内: a subject list is split at 、 (or
    also at 和/与/及) when that gives exactly as many parts as the list has numbers; otherwise
    the numbers share the subject (城乡居民人均可支配收入). 城镇居民人均可支配收入35600元，农村居民…
    18900元，分别实际增长5.1%和7.3%: a 分别 list with no subject of its own refers back to the
    subjects named before it in the sentence. The kind is decided again for each subject
    (城镇调查失业率 is a level, 居民消费价格涨幅 a growth).

    Rules: ``subject_list_split``, ``respectively_refers_to_earlier_subjects``,
    ``kind_decided_per_list_name``.
    """
    i = 0
    while i < len(out):
        j = i
        while j + 1 < len(out) and out[j + 1].list_head == out[i].list_head:
            j += 1
        if j > i:
            members = out[i:j + 1]
            if not _split(ctx, members):
                _refer_back(ctx, out, i, members)
        i = j + 1


def _split(ctx: Ctx, members: list[QInfo]) -> bool:
    text, vocab = ctx.text, ctx.vocab
    head = members[0]
    if not head.subj or head.inherited:
        return False
    whole = text[head.subj[0]:head.subj[1]]
    n = len(members)
    if vocab.split(vocab.match(whole), whole, n):
        return True     # a compound with a split rule (城乡…): targets and actuals split it by indicator
    for pat, strict in ((ctx.w.split_dun, True), (ctx.w.split_any, False)):
        parts = _parts(pat, text, head.subj)
        if len(parts) == n and all(b - a >= _MIN_PART for a, b in parts) and \
                (strict or all(b - a >= _MIN_SPLIT_PART or vocab.match(text[a:b]) for a, b in parts)):
            for q, (a, b) in zip(members, parts):
                q.subj, q.subject, q.indicator = (a, b), text[a:b], vocab.match(text[a:b])
                q.why.append(SUBJECT_LIST_SPLIT)
                _kind_again(ctx, q)
            return True
    return False


def _refer_back(ctx: Ctx, out: list[QInfo], i: int, members: list[QInfo]) -> None:
    """分别 after numbers that each named their subject: the list takes those subjects in order."""
    head = members[0]
    if not head.inherited or not any(ctx.text.find(x, head.clause, head.raw.num_start) >= 0
                                     for x in ctx.w.respectively.words):
        return
    if i > 0 and out[i - 1].list_head != i - 1:
        return      # 城乡居民人均可支配收入分别增长8.5%、11%，分别达3.89万元、2.03万元: a parallel list
    named: list[QInfo] = []
    k = i - 1
    while k >= 0 and out[k].sent == head.sent and len(named) < len(members):
        q = out[k]
        if q.subject and not q.inherited and all(q.subject != x.subject for x in named):
            named.append(q)
        k -= 1
    if len(named) != len(members):
        return
    for q, src in zip(members, reversed(named)):
        q.subj, q.subject, q.indicator = src.subj, src.subject, src.indicator
        q.why.append(RESPECTIVELY_REFERS_TO_EARLIER_SUBJECTS)
        _kind_again(ctx, q)


def _kind_again(ctx: Ctx, q: QInfo) -> None:
    if q.indicator is None:
        return      # a part that names no indicator may be a fragment (三级、二级医疗机构…): keep the list's kind
    kind, direction, _rule = kind_of(q.relation, q.subject or "", q.raw.unit_norm, ctx.w)
    if kind == "level" and q.subject and names_growth(q.subject, ctx):
        kind = "growth"
    if (kind, direction) != (q.kind, q.direction):
        q.kind, q.direction = kind, direction
        q.why.append(KIND_DECIDED_PER_LIST_NAME)


def _parts(pat: object, text: str, span: Span) -> list[Span]:
    s, e = span
    parts, pos = [], s
    for m in pat.finditer(text, s, e):    # type: ignore[attr-defined]
        parts.append((pos, m.start()))
        pos = m.end()
    parts.append((pos, e))
    return parts
