"""The headline expected targets (主要预期目标) and second-tier targets."""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Optional

from .. import _regex
from ..document import Doc
from ..model import Target, UnquantifiedTarget
from .figures import build
from .quantities import QInfo

# The lead-in of a target list: "主要预期目标是:", "预期目标为:", a heading "…主要预期目标" at a line end.
_LEAD = _regex.compile(r"(?:主要预期目标|预期目标|主要目标|主要指标|发展目标|预期性目标)(?:是|为|如下)?+[ \t]*+(?::|(?=\n)|$)"
                      r"|(?P<inline>预期目标(?:是|为|定为|确定为))(?=约?[0-9])")
_MULTI = _regex.compile(r"五年|十[一二三四五]五|今后|未来|规划期|总体目标|远景|(?:19|20)[0-9]{2}年(?:前|以前)|到(?:19|20)[0-9]{2}年|年均")
_TIER2 = _regex.compile(r"(?:奋斗目标|努力实现|力争实现|争取实现|力争达到|努力达到)[^。:]{0,30}?:")
_YEAR = _regex.compile(r"((?:19|20)[0-9]{2})年")
_NOT_SET = _regex.compile(r"(?:不|未)(?:设|提出)(?:定|置)?[^,;。:]{0,10}?增长[^,;。:]{0,6}?目标")
_PAREN = _regex.compile(r"\([^()\n]*+\)")
_PIECE_LINE = _regex.compile(r"[^\n]++")
_PIECE_SEMI = _regex.compile(r"[^;\n。]++")
_PIECE_COMMA = _regex.compile(r"[^,\n。]++")
_DIGIT = _regex.compile(r"[0-9]")
_QUAL_HEAD = _regex.compile(r"增速|增长|与|稳步|高于|基本")
_MAX_LIST_LINES = 20
_MAX_LISTS = 16
_MAX_ITEM = 120          # a list item longer than this is running text, not an item          # a report has a headline list, a second tier and a few five-year lists
_ITEM_START = _regex.compile(r"\s*+(?:\(?[一二三四五六七八九十0-9]{1,3}[\).、]|——|-|•|·)")


@dataclass
class ListSpan:
    start: int           # normalised
    end: int
    year: Optional[int]
    tier: Optional[int]
    headline: bool


def find_lists(doc: Doc) -> list[ListSpan]:
    text = doc.text
    out: list[ListSpan] = []
    for m in _LEAD.finditer(text):
        if len(out) >= _MAX_LISTS:
            break
        s0 = doc.sentences.at(m.start())[0]
        if doc.parts is not None and doc.parts.at(m.start())[0] == "review":
            continue    # 年初确定的主要预期目标是…: last year's targets, recalled in the review
        lead = text[s0:m.start()]
        headline = not _MULTI.search(lead)
        ys = _YEAR.findall(lead)
        year = int(ys[-1]) if ys else None
        start = m.end()
        if m.group("inline"):
            # 今年经济增长预期目标为7%左右: one target, named before the lead-in; the clause is the list
            s_clause = max(text.rfind(c, s0, m.start()) for c in ",;:。") + 1
            stop = min([p for p in (text.find(c, m.end(), doc.sentences.at(m.start())[1]) for c in ",;。")
                        if p >= 0] or [doc.sentences.at(m.start())[1]])
            out.append(ListSpan(max(s0, s_clause), stop, year, None, headline))
            continue
        nl = text.find("\n", start, start + 400)      # bounded: a page of lead-ins stays linear
        sentence_end = doc.sentences.at(start)[1] if start < len(text) else start
        rest_of_line = text[start:nl if nl >= 0 else min(len(text), start + 400)].strip()
        if not rest_of_line:
            end = _item_block_end(doc, m.start(), start)
        else:
            end = sentence_end
        if end <= start:
            continue
        out.append(ListSpan(start, end, year, None, headline))
        if headline:
            t2 = _tier2_after(doc, end)
            if t2:
                out.append(ListSpan(t2[0], t2[1], year, 2, True))
    # keep the first headline list (a summary later may repeat "预期目标")
    firsts = [x for x in out if x.headline and x.tier is None][:1]
    keep = firsts + [x for x in out if x.tier == 2 and firsts and x.start > firsts[0].start][:1]
    keep += [x for x in out if not x.headline]
    return keep


def _item_block_end(doc: Doc, lead_pos: int, start: int) -> int:
    """A list written one item per line ends at the first line that is not an item,
    or at the next heading of the same or a higher level than the lead-in's heading."""
    text = doc.text
    owner = None
    for h in _walk(doc.headings):
        if h.start <= lead_pos < h.title_end + 2:
            owner = h
    if owner is not None:
        return owner.end
    pos = start
    end = start
    style = None
    n_lines = 0
    while pos < len(text) and n_lines < _MAX_LIST_LINES:
        nl = text.find("\n", pos + 1)
        line_end = nl if nl >= 0 else len(text)
        line = text[pos:line_end].strip()
        if line:
            n_lines += 1
            m = _ITEM_START.match(line)
            line_style = _marker_style(m.group()) if m else None
            if style is None:
                style = line_style or "plain"
            elif line_style != (None if style == "plain" else style):
                break   # another kind of marker (二、 after 1. 2. 3.) or a numbered line after plain ones
            end = line_end
            if style == "plain" and line.endswith(("。", "!")):
                break   # unnumbered items end with the sentence that closes them
        elif style == "plain" and n_lines:
            break       # a blank line ends unnumbered items
        pos = line_end
        if nl < 0:
            break
    return end


def _marker_style(marker: str) -> str:
    """1. / (1) / (一) / 一、 / —— : the numbering style of a list item."""
    m = marker.strip()
    if m.startswith("("):
        return "paren_cn" if m[1] in "一二三四五六七八九十" else "paren_num"
    if m[0] in "一二三四五六七八九十":
        return "cn"
    if m[0].isdigit():
        return "num"
    return "dash"


def _walk(nodes):
    for h in nodes:
        yield h
        yield from _walk(h.children)


def _tier2_after(doc: Doc, end: int) -> Optional[tuple[int, int]]:
    """努力实现…奋斗目标: a second list right after the headline list (within two sentences)."""
    text = doc.text
    i = doc.sentences.index_at(end)
    spans = doc.sentences.spans
    for k in range(i, min(i + 3, len(spans))):
        s, e = spans[k]
        if e <= end and k == i and s < end:
            continue
        m = _TIER2.search(text, max(s, end), e)
        if m:
            return m.end(), e
    return None


def extract_targets(doc: Doc) -> None:
    report = doc.report
    lists = doc.user_data.get("target_lists")
    if lists is None:
        lists = find_lists(doc)
    infos = doc.qinfo
    starts = [q.raw.num_start for q in infos]
    plan_year = report.meta.plan_year
    for ls in lists:
        i0 = bisect.bisect_left(starts, ls.start)
        i1 = bisect.bisect_left(starts, ls.end)
        chosen = [(i, infos[i]) for i in range(i0, i1) if _is_target_number(infos[i])]
        year = ls.year or (plan_year if ls.headline else None)

        def year_of(q: QInfo, _y=year, _ls=ls) -> Optional[int]:
            return _y if _ls.headline else (q.by_year or _y)

        def extra(q: QInfo, _ls=ls) -> dict:
            tier = _ls.tier
            if tier is None and q.stretch and q.inherited:
                tier = 2    # 增长7%以上、力争达到8%: the stretch figure beside the main one
            return {"tier": tier, "headline": _ls.headline}

        report.targets.extend(build(doc, chosen, Target, year_of, extra))
        if ls.headline and ls.tier is None:
            _unquantified(doc, ls, year)
    m = _NOT_SET.search(doc.text)
    if m:
        s, e, ev = doc.span(m.start(), m.end())
        report.unquantified_targets.append(UnquantifiedTarget(ev, s, e, "gdp", "not_set", plan_year))


def _is_target_number(q: QInfo) -> bool:
    return q.subject is not None and q.raw.unit not in ("倍",)


def _unquantified(doc: Doc, ls: ListSpan, year: Optional[int]) -> None:
    text = doc.text
    # bracketed asides (责任领导:…;牵头单位:…) are not list items: blank them out, offsets kept
    seg = _PAREN.sub(lambda m: " " * len(m.group()), text[ls.start:ls.end])
    # an item per line (numbered items): the line is the item, with all its clauses
    sep = "\n" if "\n" in seg.strip() else ";" if ";" in seg else ","
    numbers = {q.raw.num_start for q in doc.qinfo if ls.start <= q.raw.num_start < ls.end}
    for piece in {";": _PIECE_SEMI, ",": _PIECE_COMMA, "\n": _PIECE_LINE}[sep].finditer(seg):
        a, b = ls.start + piece.start(), ls.start + piece.end()
        while a < b and seg[a - ls.start] in " \t":
            a += 1
        while b > a and seg[b - 1 - ls.start] in " \t":
            b -= 1
        if b - a < 4 or b - a > _MAX_ITEM or any(a <= n < b for n in numbers):
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
        ind = doc.vocab.indicators.match(_QUAL_HEAD.split(ev)[0])
        doc.report.unquantified_targets.append(UnquantifiedTarget(ev, s, e, ind, "qualitative", year))
