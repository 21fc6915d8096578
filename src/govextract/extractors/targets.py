"""The headline expected targets (主要预期目标) and second-tier targets."""
from __future__ import annotations

import bisect
from typing import Any, Optional

from .. import _regex
from ..document import Doc, TargetList
from ..lang.patterns import CN_ITEM_DIGITS, group
from ..model import Target, UnquantifiedTarget
from .figures import build
from .quantities import QInfo
from .target_lists import list_extent, not_set_span
from ..why import rule

HEADLINE_LIST = rule("headline_list")         # a figure of this year's list (or its second tier)
FIVE_YEAR_LIST = rule("five_year_list")       # a figure of a list of five-year goals (headline=False)

_PAREN = _regex.compile(r"\([^()\n]*+\)")
_PIECE_LINE = _regex.compile(r"[^\n]++")
_PIECE_SEMI = _regex.compile(r"[^;\n。]++")
_PIECE_COMMA = _regex.compile(r"[^,\n。]++")
_DIGIT = _regex.compile(r"[0-9]")
_MAX_ITEM = 120          # a list item longer than this is running text, not an item
_ITEM_START = _regex.compile(rf"\s*+(?:\(?[{CN_ITEM_DIGITS}0-9]{{1,3}}[\).、]|——|-|•|·)")


def extract_targets(doc: Doc) -> None:
    report = doc.report
    lists = doc.target_lists
    infos = doc.qinfo
    starts = [q.raw.num_start for q in infos]
    plan_year = report.meta.plan_year
    for ls in lists:
        i0 = bisect.bisect_left(starts, ls.start)
        i1 = bisect.bisect_left(starts, ls.end)
        chosen = [(i, infos[i]) for i in range(i0, i1) if _is_target_number(infos[i])]
        year = ls.year or (plan_year if ls.headline else None)

        def year_of(q: QInfo, _y: Optional[int] = year, _ls: TargetList = ls) -> Optional[int]:
            return _y if _ls.headline else (q.by_year or _y)

        def extra(q: QInfo, _ls: TargetList = ls) -> dict[str, Any]:
            tier = _ls.tier
            if tier is None and q.stretch and q.inherited:
                tier = 2    # 增长7%以上、力争达到8%: the stretch figure beside the main one
            return {"tier": tier, "headline": _ls.headline}

        chosen_by = HEADLINE_LIST if ls.headline else FIVE_YEAR_LIST
        built = build(doc, chosen, Target, year_of, extra, why=[*ls.why, chosen_by])
        earlier = list(report.targets)     # a list may repeat its own item; only another list's copy goes
        report.targets.extend(t for t in built if not _stated_before(earlier, t))
        if ls.headline and ls.tier is None:
            _unquantified(doc, ls, year)
    _mark_lists_that_set_nothing(doc)
    ns = not_set_span(doc)
    if ns:
        s, e, ev = doc.span(*ns)
        report.unquantified_targets.append(UnquantifiedTarget(ev, s, e, "gdp", "not_set", plan_year))


def _stated_before(targets: list[Target], t: Target) -> bool:
    """The same target stated again by another list (an inline lead-in repeating a figure of the list)."""
    return t.indicator is not None and any(
        (x.indicator, x.kind, x.value, x.unit, x.headline, x.tier) == (t.indicator, t.kind, t.value, t.unit, t.headline, t.tier)
        for x in targets)


def _mark_lists_that_set_nothing(doc: Doc) -> None:
    """The figures of a list recalled in the review (年初确定的主要预期目标是…) or named again in a
    recap (围绕上述…主要目标:) say so in their ``why``: they are neither targets nor outcomes."""
    leads = doc.lead_ins
    starts = [q.raw.num_start for q in doc.qinfo]
    for i, lead in enumerate(leads):
        if lead.context not in ("recalled", "recap"):
            continue
        limit = leads[i + 1].start if i + 1 < len(leads) else len(doc.text)
        s, e, _why = list_extent(doc, lead, limit)
        for k in range(bisect.bisect_left(starts, s), bisect.bisect_left(starts, e)):
            doc.qinfo[k].why.extend(r for r in lead.why if r not in doc.qinfo[k].why)


def _is_target_number(q: QInfo) -> bool:
    return q.subject is not None and q.raw.unit_norm != "times"    # a multiple (3倍) is no target


def _unquantified(doc: Doc, ls: TargetList, year: Optional[int]) -> None:
    text = doc.text
    # bracketed asides (责任领导:…;牵头单位:…) are not list items: blank them out, offsets kept
    seg = _PAREN.sub(lambda m: " " * len(m.group()), text[ls.start:ls.end])
    # an item per line (numbered items): the line is the item, with all its clauses
    sep = "\n" if "\n" in seg.strip() else ";" if ";" in seg else ","
    numbers = sorted(q.raw.num_start for q in doc.qinfo if ls.start <= q.raw.num_start < ls.end)
    for piece in {";": _PIECE_SEMI, ",": _PIECE_COMMA, "\n": _PIECE_LINE}[sep].finditer(seg):
        a, b = ls.start + piece.start(), ls.start + piece.end()
        while a < b and seg[a - ls.start] in " \t":
            a += 1
        while b > a and seg[b - 1 - ls.start] in " \t":
            b -= 1
        k = bisect.bisect_left(numbers, a)
        if b - a < 4 or b - a > _MAX_ITEM or (k < len(numbers) and numbers[k] < b):
            continue
        if _DIGIT.search(text, a, b) and _ITEM_START.match(text, a, b) is None:
            continue
        im = _ITEM_START.match(text, a, b)
        if im:
            a = im.end()       # the item's number is not part of its text
        while b > a and text[b - 1] in ";,。:、":
            b -= 1
        if b - a < 4:
            continue
        s, e, ev = doc.span(a, b)
        qual_head = doc.vocab.lang.cached("qualitative_subject_ends", lambda lang: _regex.compile(
            group(lang.words("target_lists.json", "qualitative_subject_ends"))))
        ind = doc.vocab.indicators.match(qual_head.split(ev)[0])
        doc.report.unquantified_targets.append(UnquantifiedTarget(ev, s, e, ind, "qualitative", year))
