"""Where the report lists its targets: lead-ins, the block each opens, the headline list, the plan year.

A lead-in (``主要预期目标是:``, ``主要预期指标建议为:``, the inline ``预期目标为7%左右``) opens a
list. The list is the block it opens: past ``。`` to the end of its paragraph while the
sentences go on about targets, over the item lines that follow when the lead-in closes its
line, and up to the next heading or lead-in; a list of binding targets (``约束性指标是:…``)
written right after it belongs to it. The headline list is the one for the plan year in the
plan part: a lead-in in a five-year part or sentence, a recap (``围绕上述…主要目标:``) or a
list recalled in the review (``年初确定的主要预期目标是…``) never takes its place, whatever
comes first in the text.

Rule names recorded on lead-ins and lists (``why``) are listed in ``docs/extractors.md``.
"""
from __future__ import annotations

import bisect
import collections
from typing import Iterator, Optional

import regex

from .. import _regex
from ..analysis.context import sentences_of
from ..document import Doc, LeadIn, TargetList
from ..lang import Lang
from ..lang.patterns import CN_ITEM_DIGITS, YEAR, YEAR_CHAR, YEAR_DIGITS, group
from ..numbers.scan import scan_numbers
from ..text.sections import Heading
from ..why import rule
from .meta import infer_years, is_late_session

# Rule names recorded in ``why`` (docs/extractors.md, "Rule names"): what a lead-in opens …
LEAD_IN_DATED = rule("lead_in_dated")
LEAD_IN_FIVE_YEAR_ITEMS = rule("lead_in_five_year_items")
LEAD_IN_ITEMS_OF_ONE_YEAR = rule("lead_in_items_of_one_year")
LEAD_IN_FIVE_YEAR_SECTION = rule("lead_in_five_year_section")
LEAD_IN_FIVE_YEAR_WORDS = rule("lead_in_five_year_words")
LEAD_IN_INSIDE_REVIEW_SECTION = rule("lead_in_inside_review_section")
LEAD_IN_PLAIN = rule("lead_in_plain")
LEAD_IN_RECALLED = rule("lead_in_recalled")
LEAD_IN_RECALLED_IN_REVIEW = rule("lead_in_recalled_in_review")
LEAD_IN_RECAP = rule("lead_in_recap")
LEAD_IN_SECTION_THIS_YEAR = rule("lead_in_section_this_year")
LEAD_IN_SECTION_YEAR = rule("lead_in_section_year")
LEAD_IN_THIS_YEAR = rule("lead_in_this_year")
# … and how far its list runs.
LIST_BINDING_TARGETS_JOIN = rule("list_binding_targets_join")
LIST_GOES_ON_IN_ITEM_LINES = rule("list_goes_on_in_item_lines")
LIST_GOES_ON_IN_NEXT_LINES = rule("list_goes_on_in_next_lines")
LIST_IN_ITEM_LINES = rule("list_in_item_lines")
LIST_INLINE_LEAD_IN = rule("list_inline_lead_in")
LIST_INLINE_BESIDE_HEADLINE = rule("list_inline_beside_headline")
LIST_IS_LEAD_IN_SECTION = rule("list_is_lead_in_section")
LIST_RUNS_ON_LEAD_LINE = rule("list_runs_on_lead_line")
LIST_SECOND_TIER = rule("list_second_tier")
LIST_WITHOUT_LEAD_IN = rule("list_without_lead_in")

# A list written one item a line has at most this many lines: a bound for a lead-in whose
# items never end (a page of numbered lines after it), not a length any real list reaches.
MAX_LIST_LINES = 40
# Sentences of a list written as running text on its lead-in's line; the same kind of bound.
MAX_LIST_SENTENCES = 30
# A line longer than this is a paragraph of prose, not a list item.
MAX_ITEM_LINE = 200
# A sentence without a figure continues a list only when it is an item this short
# (居民收入增长与经济增长基本同步。) and a figure follows it.
MAX_PLAIN_ITEM = 60
# How far after a headline list its second tier may open (努力实现…奋斗目标:), in sentences.
TIER2_SENTENCES = 3
# A list shows a figure within this many characters of its start (a probe, not a scope).
FIGURE_PROBE = 600
# The subject that opens a list item (城镇调查失业率, 一产、二产、三产增加值) is a noun phrase this short.
MAX_ITEM_SUBJECT = 24
# How far back from a lead-in its paragraph may name the span of time of the list (今年…,
# 今后五年…): the sentence or two before it, never a page of one-line text.
LEAD_CONTEXT_WINDOW = 150
# 今年的主要预期目标,坚持“两保持一优先”定位:…: an aside between a lead-in and its colon.
MAX_LEAD_ASIDE = 20
# A sentence without a lead-in is this year's list when this many headline indicators open its
# clauses with a figure: a report's list, not a remark on one or two figures.
MIN_LEADLESS_ITEMS = 3
# A sentence that speaks about the list names it near its start (这些目标…, 实现上述主要目标…).
RECAP_REACH = 16
# Lead-ins a report is read for: a bound for pages of repeated lead-ins, far above the
# handful (this year, second tier, five-year goals, binding targets) a report has.
MAX_LEAD_INS = 64

_DIGIT = _regex.compile(r"[0-9]")
_DIGIT_RUN = _regex.compile(r"[0-9]+")
_YEAR_IN = _regex.compile(rf"(?P<y>{YEAR_DIGITS})(?={YEAR_CHAR})")
_OPEN_END = ";,、"      # a line that ends with these goes on in the next line
_FIRST_ITEM_END = _regex.compile(r"[;。]")   # where a list's first item ends


def _patterns(lang: Lang) -> dict[str, "regex.Pattern[str]"]:
    return lang.cached("target_list_patterns", _build_patterns)


def _build_patterns(lang: Lang) -> dict[str, "regex.Pattern[str]"]:
    def w(key: str) -> list[str]:
        return list(lang.words("target_lists.json", key))

    rels = [x for k in ("growth_up", "growth_down", "level") for x in lang.words("relations.json", k)]
    fig = group(w("figure_prefixes"))            # 约 before the first figure
    by, before = group(lang.words("horizons.json", "by_year_prefixes")), group(lang.words("horizons.json", "before_year_suffixes"))
    req, opt, head = group(w("lead_required_modifiers")), group(w("lead_optional_modifiers")), group(w("lead_heads"))
    noun = rf"(?:{opt}{{0,3}}{req}(?:{req}|{opt}){{0,4}}{head}|{group(w('lead_standalone_nouns'))})"
    verb = rf"(?:{group(w('lead_verbs'))}{{0,3}}{group(w('lead_copulas'))}?+)"
    # 主要预期目标和约束性指标是:… names the binding targets in the same lead-in
    noun += rf"(?:{group(w('lead_noun_joiners'))}{group(w('binding_nouns'))})?+"
    lead = (rf"(?P<noun>{noun})(?P<verb>{verb})[ \t]*+"
            rf"(?:(?P<colon>:|(?<={group(w('lead_copulas'))}),|,[^,。:;\n]{{1,{MAX_LEAD_ASIDE}}}:)"
            rf"|(?P<eol>(?=\n)|$)|(?P<inline>(?<=\S)(?={fig}?[0-9])))")
    return {
        # the marker that opens an item line: 1. (1) (一) 一、 —— 一是
        "item_start": _regex.compile(rf"[ \t\u3000*#]*+(?:\(?[{CN_ITEM_DIGITS}0-9]{{1,3}}[\).、]|——|-|•|·"
                                     rf"|[{CN_ITEM_DIGITS}]{group(w('item_number_suffixes'))})"),
        "lead": _regex.compile(lead),
        "binding": _regex.compile(rf"[ \t\u3000]*+(?:{req}|{opt}){{0,3}}{group(w('binding_nouns'))}{verb}[ \t]*+[:,]"),
        "tier2": _regex.compile(rf"{group(w('second_tier'))}[^。:\n]{{0,30}}?:"),
        # 这些目标/上述主要目标…: the report speaks about a list rather than giving one
        "recap": _regex.compile(rf"{group(w('recap_markers'))}[^,;。:]{{0,8}}?{head}"),
        "recap_only": _regex.compile(group(w("recap_markers"))),
        "recall": _regex.compile(group(w("recall_markers"))),
        "quoted": _regex.compile(group(w("quoted_plan_markers"))),
        "multi": _regex.compile(group(list(lang.words("parts.json", "multi_year"))
                                      + list(lang.words("horizons.json", "multi_year_markers")))
                                + rf"|{by}{YEAR}|{YEAR}{before}"),
        # what span of time the words before a lead-in name, the nearest one deciding
        "span": _regex.compile(
            rf"(?P<multi>{group(list(lang.words('parts.json', 'multi_year')))}|{by}{YEAR}|{YEAR}{before})"
            rf"|(?P<year>{YEAR_DIGITS}){YEAR_CHAR}|(?P<this>{group(lang.words('parts.json', 'one_year'))})"),
        "items_multi": _regex.compile(group(w("five_year_item_markers")) + rf"|{by}{YEAR}"),
        "not_set": _regex.compile("|".join(w("not_set_shapes"))),
        "this_year": _regex.compile(group([x for x in lang.words("parts.json", "one_year")])),
        # an item's opening: SUBJECT, then fillers (分别, 均) and the relation, or the figure itself
        "item_open": _regex.compile(
            rf"[ \t\u3000]*+(?:{group(lang.words('subjects.json', 'scope_prefixes') + lang.words('subjects.json', 'time_words'))})*+"
            rf"(?P<subject>[^,;:。0-9]{{1,{MAX_ITEM_SUBJECT}}}?)(?:{group(lang.words('relations.json', 'fillers'))})*+"
            rf"{group(rels)}?+{fig}?[0-9]"),
        "item_head": _regex.compile(rf"{group(w('item_subject_heads'))}$"),
        "opens_on_time": _regex.compile(rf"[ \t\u3000]*+{group(lang.words('subjects.json', 'time_words'))}"),
        # adverbs and noise that may close an item's subject before its relation (粮食产量继续保持…)
        "subject_tail": _regex.compile(
            rf"(?:{group(lang.words('subjects.json', 'trailing_noise') + lang.words('subjects.json', 'adverbs'))})+$"),
    }


# -- lead-ins ------------------------------------------------------------------------------

def _lead_matches(doc: Doc, pats: dict[str, "regex.Pattern[str]"]) -> Iterator["regex.Match[str]"]:
    """The matches of the lead-in pattern, as one pass over the text would give them, read only
    in the lines that hold a head noun (目标, 指标 …): no lead-in spans a line break (none of
    its parts matches one) and each holds a head or a standalone noun."""
    lang = doc.vocab.lang
    anchors = lang.words("target_lists.json", "lead_heads") + lang.words("target_lists.json", "lead_standalone_nouns")
    return _regex.finditer_in_lines(pats["lead"], doc.text, anchors)


def find_lead_ins(doc: Doc) -> list[LeadIn]:
    """Every lead-in of the text with what kind of list it opens."""
    pats = _patterns(doc.vocab.lang)
    out: list[LeadIn] = []
    for m in _lead_matches(doc, pats):
        if len(out) >= MAX_LEAD_INS:
            break
        inline = m.group("inline") is not None
        if inline and not m.group("verb"):
            continue    # 主要经济指标增长15%: a noun before a figure is no lead-in without 为/是/定为
        context, year, why = _lead_context(doc, m.start(), pats)
        out.append(LeadIn(m.start(), m.end(), inline, context, year, why))
    return out


def _lead_context(doc: Doc, pos: int, pats: dict[str, "regex.Pattern[str]"]) -> tuple[str, Optional[int], list[str]]:
    """What the list a lead-in opens is for: a recap or a recalled list by the words of its
    clause, else the span of time named nearest before it in its paragraph, else what its
    first items say (年均…: five-year goals), else the titles of the sections above it."""
    text = doc.text
    s0 = doc.sentences.at(pos)[0] if doc.sentences else 0
    before = text[s0:pos]
    part = doc.parts.at(pos)[0] if doc.parts is not None else "other"
    clause = before[max(before.rfind(c) for c in ",;:") + 1:]
    if pats["recap_only"].search(clause):
        return "recap", None, [LEAD_IN_RECAP]
    if pats["recall"].search(clause):
        return "recalled", None, [LEAD_IN_RECALLED]       # 年初确定的主要预期目标是…
    near = _nearest_span(doc, pos, pats)
    if part == "review":
        # a list the review recalls says so (年初确定的…, above); one in a review section whose
        # paragraph dates it to an earlier year is recalled too. Otherwise it is this year's
        # list in a plan part that has no title of its own (the review's title then reaches it)
        section_year = doc.parts.at(pos)[2] if doc.parts is not None else None
        if near is not None and near[0] == "year" and (
                not _names_this_year(doc, near[1])
                or (near[1] is not None and section_year is not None and near[1] <= section_year)):
            return "recalled", near[1], [LEAD_IN_RECALLED_IN_REVIEW]   # 一、2023年工作回顾 … 2023年主要预期目标是
        if near is not None and near[0] != "year":
            return near
        return "year", near[1] if near else None, (near[2] if near else []) + [LEAD_IN_INSIDE_REVIEW_SECTION]
    five_year_items = _first_item_is_five_year(doc, pos, pats)
    if near is not None and near[0] == "multi_year" and near[1] is None and not five_year_items \
            and _last_span_start(doc, pos, pats) < s0:
        # the five years are named in a sentence before the lead-in (…高质量完成“十四五”规划目标
        # 任务…。主要预期目标是:地区生产总值增长7%…), and its items are a year's: this year's list
        return "year", None, [LEAD_IN_ITEMS_OF_ONE_YEAR]
    if near is not None:
        return near
    if five_year_items:
        return "multi_year", None, [LEAD_IN_FIVE_YEAR_ITEMS]   # 生产总值年均增长8%…: five-year goals
    return _context_from_sections(doc, pos, pats)


def _first_item_is_five_year(doc: Doc, pos: int, pats: dict[str, "regex.Pattern[str]"]) -> bool:
    """生产总值年均增长8%… / 到2025年…: the list's first item speaks of several years."""
    text = doc.text
    first_item = _FIRST_ITEM_END.search(text, pos, min(len(text), pos + FIGURE_PROBE))
    return pats["items_multi"].search(text, pos, first_item.start() if first_item else pos + FIGURE_PROBE) is not None


def _last_span_start(doc: Doc, pos: int, pats: dict[str, "regex.Pattern[str]"]) -> int:
    """Where the nearest span-of-time words before ``pos`` start (see ``_nearest_span``)."""
    text = doc.text
    a = max(text.rfind("\n", 0, pos) + 1, pos - LEAD_CONTEXT_WINDOW, _previous_heading(doc, pos))
    last = None
    for last in pats["span"].finditer(text, a, pos):
        pass
    return last.start() if last is not None else pos


def _nearest_span(doc: Doc, pos: int, pats: dict[str, "regex.Pattern[str]"]) -> Optional[tuple[str, Optional[int], list[str]]]:
    """The span of time named nearest before ``pos`` in its paragraph (今年…, 今后五年…, 2022年…)."""
    text = doc.text
    a = max(text.rfind("\n", 0, pos) + 1, pos - LEAD_CONTEXT_WINDOW, _previous_heading(doc, pos))
    last = None
    for last in pats["span"].finditer(text, a, pos):
        pass
    if last is None:
        return None
    if last.group("multi"):
        return "multi_year", None, [LEAD_IN_FIVE_YEAR_WORDS]
    if last.group("year"):
        y = int(last.group("year"))
        ref = doc.report.meta.report_year
        if ref is not None and y > ref + 1:
            return "multi_year", y, [LEAD_IN_FIVE_YEAR_WORDS]     # 到2035年…: a far year
        return "year", y, [LEAD_IN_DATED]
    return "year", None, [LEAD_IN_THIS_YEAR]


def _names_this_year(doc: Doc, year: Optional[int]) -> bool:
    """Whether a year read before a lead-in (None for 今年) is the year the plan is for: a
    session late in the year (December) reviews 今年 and plans the next."""
    meta = doc.report.meta
    ref = meta.report_year
    if year is not None:
        return ref is None or year >= ref
    return not is_late_session(meta.session_date)


def _previous_heading(doc: Doc, pos: int) -> int:
    starts = doc.heading_starts
    i = bisect.bisect_right(starts, pos) - 1
    return starts[i] if i >= 0 else 0


def _context_from_sections(doc: Doc, pos: int, pats: dict[str, "regex.Pattern[str]"]) -> tuple[str, Optional[int], list[str]]:
    """A lead-in whose paragraph names no span of time takes it from the titles above it,
    the innermost first: a title naming this year (二、“十四五”奋斗目标及2021年工作任务) gives
    this year's list, one naming only five years (二、“十四五”时期主要目标) five-year goals."""
    ref = doc.report.meta.report_year
    for h in reversed(list(_enclosing(doc.headings, pos))):
        title = doc.text[h.title_start:h.title_end]
        ys = [int(y) for y in _YEAR_IN.findall(title)]
        now = [y for y in ys if ref is None or ref <= y <= ref + 1]
        if now:
            return "year", now[-1], [LEAD_IN_SECTION_YEAR]
        if pats["this_year"].search(title):
            return "year", None, [LEAD_IN_SECTION_THIS_YEAR]     # 做好“十四五”开局工作
        if pats["multi"].search(title) or ys:
            return "multi_year", None, [LEAD_IN_FIVE_YEAR_SECTION]
    return "year", None, [LEAD_IN_PLAIN]


def _enclosing(nodes: list[Heading], pos: int) -> Iterator[Heading]:
    """The headings whose sections contain ``pos``, outermost first."""
    for h in nodes:
        if h.start <= pos < h.end:
            yield h
            yield from _enclosing(h.children, pos)
            return


# -- the block a lead-in opens -------------------------------------------------------------

def list_extent(doc: Doc, lead: LeadIn, limit: int) -> tuple[int, int, list[str]]:
    """(start, end, why) of the list ``lead`` opens, not past ``limit`` (the next lead-in)."""
    text = doc.text
    if lead.inline:
        return _inline_extent(doc, lead, limit)
    start = lead.end
    owner = _owning_heading(doc.headings, lead.start)
    if owner is not None:
        return start, min(owner.end, limit), [LIST_IS_LEAD_IN_SECTION]
    limit = min(limit, _section_end(doc, start))
    nl = text.find("\n", start, limit)
    line_end = nl if nl >= 0 else limit
    if text[start:line_end].strip(" \t\u3000*#"):
        end = _running_text_end(doc, start, line_end, limit)
        why = [LIST_RUNS_ON_LEAD_LINE] + ([LIST_GOES_ON_IN_NEXT_LINES] if end > line_end else [])
        if end == line_end and text[start:end].rstrip(" \t\u3000*#")[-1:] in _OPEN_END:
            end = _item_lines_end(doc, end, limit)
            why.append(LIST_GOES_ON_IN_ITEM_LINES)
        return start, end, why
    return start, _item_lines_end(doc, line_end, limit), [LIST_IN_ITEM_LINES]


def _inline_extent(doc: Doc, lead: LeadIn, limit: int) -> tuple[int, int, list[str]]:
    """今年经济增长预期目标为7%左右,…: the sentence from the clause that names the indicator."""
    text = doc.text
    s0, e0 = sentences_of(doc).at(lead.start)
    clause = max(text.rfind(c, s0, lead.start) for c in ",;:。") + 1
    return max(s0, clause), min(e0, limit), [LIST_INLINE_LEAD_IN]


def _continues_list(doc: Doc, a: int, b: int, pats: dict[str, "regex.Pattern[str]"]) -> bool:
    """Whether the sentence text[a:b], after the first of a list, is still one of its items:
    it opens on a measure and its relation or figure (规上工业增加值增长7.5%以上;…), it has a
    figure, and it neither speaks about the list (这些目标…) nor opens a list of its own (…:)."""
    text = doc.text
    if pats["recap"].search(text, a, min(b, a + RECAP_REACH)) or text.find(":", a, b) >= 0:
        return False
    if _DIGIT.search(text, a, b) is None:
        return False
    m = pats["item_open"].match(text, a, b)
    if m is None:
        return False
    return _names_a_measure(doc, m.group("subject"), pats)


def _names_a_measure(doc: Doc, subject: str, pats: dict[str, "regex.Pattern[str]"]) -> bool:
    """Whether an item's subject names a measure: an indicator, or a noun with a measure's head."""
    core = pats["subject_tail"].sub("", subject) or subject
    return bool(pats["item_head"].search(core) or doc.vocab.indicators.match(core))


def _running_text_end(doc: Doc, start: int, line_end: int, limit: Optional[int] = None) -> int:
    """The sentences of a list written as running text from ``start``, while they go on about
    targets: within the lead-in's line, and past its end into the next lines while each of
    them opens with an item (a dump that puts every sentence on a line of its own)."""
    text, pats = doc.text, _patterns(doc.vocab.lang)
    limit = line_end if limit is None else limit
    spans = sentences_of(doc).spans
    k = sentences_of(doc).index_at(start)
    end = min(spans[k][1], line_end)
    for n in range(1, MAX_LIST_SENTENCES):
        if k + n >= len(spans) or spans[k + n][0] >= limit:
            break
        a, b = spans[k + n][0], min(spans[k + n][1], limit)
        if not text[a:b].strip(" \t\u3000\n*#"):
            continue        # a line break of its own: the next sentence decides
        new_line = text.find("\n", end, a) >= 0
        if new_line and (not _continues_list(doc, a, b, pats) or pats["opens_on_time"].match(text, a, b)):
            break       # across a line break only an item goes on (全年新增…: a new remark)
        if not new_line and not _continues_list(doc, a, b, pats):
            # a short item without a figure (…基本同步。) stays when a figure follows it
            nxt = spans[k + n + 1] if k + n + 1 < len(spans) else None
            if b - a > MAX_PLAIN_ITEM or nxt is None or nxt[0] >= limit \
                    or text.find("\n", b, nxt[0]) >= 0 \
                    or not _continues_list(doc, nxt[0], min(nxt[1], limit), pats) \
                    or pats["recap"].search(text, a, min(b, a + RECAP_REACH)):
                break
        end = b
    return end


def _item_lines_end(doc: Doc, pos: int, limit: int) -> int:
    """A list written one item a line ends at the first line that is not an item: a heading,
    prose without a figure, a recap, or a numbered line after plain ones (or the reverse)."""
    text, pats = doc.text, _patterns(doc.vocab.lang)
    end = pos
    style: Optional[str] = None
    n_lines = 0
    while pos < limit and n_lines < MAX_LIST_LINES:
        nl = text.find("\n", pos + 1, limit)
        line_end = nl if nl >= 0 else limit
        a = pos + 1 if text.startswith("\n", pos) else pos
        line = text[a:line_end].strip(" \t\u3000")
        pos = line_end
        if not line:
            if nl < 0 or style == "plain":
                break       # a blank line ends unnumbered items (numbered ones may be spaced out)
            continue
        n_lines += 1
        m = pats["item_start"].match(line)
        line_style = _marker_style(m.group(), doc.vocab.lang) if m else "plain"
        if style is None:
            style = line_style
        elif line_style != style or len(line) > MAX_ITEM_LINE:
            break
        if not _DIGIT.search(line) and (len(line) > MAX_PLAIN_ITEM or pats["recap"].search(line, 0, RECAP_REACH)):
            break
        end = line_end
        if style == "plain" and line.endswith(("。", "!")):
            break       # unnumbered items end with the sentence that closes them
        if nl < 0:
            break
    return end


def _marker_style(marker: str, lang: Lang) -> str:
    """1. / (1) / (一) / 一、 / —— / 一是: the numbering style of a list item."""
    m = marker.strip(" \t\u3000*#")
    if m.startswith("("):
        return "paren_cn" if m[1] in CN_ITEM_DIGITS else "paren_num"
    if m.endswith(lang.words("target_lists.json", "item_number_suffixes")):
        return "cn_shi"
    if m[0] in CN_ITEM_DIGITS:
        return "cn"
    if m[0].isdigit():
        return "num"
    return "dash"


def _section_end(doc: Doc, pos: int) -> int:
    """Where the innermost section holding ``pos`` ends (the whole text outside sections):
    a list never runs into the next section, while its own items may be numbered like
    headings ((一)地区生产总值增长8%)."""
    inner = list(_enclosing(doc.headings, pos))
    if inner:
        return inner[-1].end
    # outside every section: the next top-level heading (一、 第二部分) ends the list, while
    # numbered items (1. (一)) are the list's own lines, read by the item rules
    tops = [h.start for h in doc.headings if h.level == 1 and h.start > pos]
    return tops[0] if tops else len(doc.text)


def _owning_heading(nodes: list[Heading], pos: int) -> Optional[Heading]:
    """The heading whose title holds ``pos`` ((二)主要预期目标 as a heading of its own)."""
    for h in _enclosing(nodes, pos):
        if h.start <= pos < h.title_end + 2:
            return h
    return None


def _binding_after(doc: Doc, end: int, limit: int) -> Optional[tuple[int, int]]:
    """约束性指标是:… written right after a list: its block joins the list."""
    text, pats = doc.text, _patterns(doc.vocab.lang)
    k = sentences_of(doc).index_at(end)
    spans = sentences_of(doc).spans
    for j in (k, k + 1):
        if j >= len(spans) or spans[j][0] < end and j == k and spans[j][1] <= end:
            continue
        a = max(spans[j][0], end)
        while a < limit and text[a] in " \t\u3000\n*#。":
            a += 1
        m = pats["binding"].match(text, a, limit)
        if m:
            lead = LeadIn(a, m.end(), False, "binding", None, [])
            s, e, _why = list_extent(doc, lead, limit)
            return s, e
        if a > end:
            break
    return None


def _tier2_after(doc: Doc, end: int) -> Optional[tuple[int, int]]:
    """努力实现…奋斗目标: a second list right after the headline list."""
    text, pats = doc.text, _patterns(doc.vocab.lang)
    i = sentences_of(doc).index_at(end)
    spans = sentences_of(doc).spans
    for k in range(i, min(i + TIER2_SENTENCES, len(spans))):
        s, e = spans[k]
        if k == i and e <= end and s < end:
            continue
        m = pats["tier2"].search(text, max(s, end), e)
        if m:
            return m.end(), e
    return None


# -- choosing the headline list --------------------------------------------------------------

def _headline_lead(doc: Doc, leads: list[LeadIn], limits: list[int]) -> Optional[LeadIn]:
    """This year's list: in the plan part before anywhere else, a list before an inline
    lead-in, and one that holds a figure (二、2025年工作总体要求和主要目标 is a title that
    names the list the section gives further down)."""
    parts = doc.parts

    def rank(i: int) -> tuple[int, int, int]:
        x = leads[i]
        in_plan = parts is not None and parts.at(x.start)[0] == "plan"
        return (0 if in_plan else 1, 1 if x.inline else 0, x.start)
    for i in sorted((i for i, x in enumerate(leads) if x.context == "year"), key=rank):
        s, e, _why = list_extent(doc, leads[i], limits[i])
        if scan_numbers(doc.text, s, min(e, s + FIGURE_PROBE), vocab=doc.vocab.numbers):
            return leads[i]
    return None


def find_lists(doc: Doc) -> list[TargetList]:
    """The target lists of the document: the headline list (and its second tier) and the
    lists of five-year goals; recaps, recalled lists and binding lists on their own are none."""
    leads = doc.lead_ins
    limits = [x.start for x in leads[1:]] + [len(doc.text)]
    headline = _headline_lead(doc, leads, limits)
    out: list[TargetList] = []
    for i, lead in enumerate(leads):
        # an inline lead-in of this year beside the headline list states one more of its
        # targets (中央提出今年经济增长预期目标为7%左右 … 今年的预期目标是,新增城镇就业900万人)
        beside = lead.inline and lead.context == "year" and headline is not None and not headline.inline \
            and lead is not headline and (doc.parts is None or doc.parts.at(lead.start)[0] != "review")
        if lead.context not in ("year", "multi_year") or (lead.context == "year" and lead is not headline
                                                          and not beside):
            continue
        limit = limits[i]
        s, e, why = list_extent(doc, lead, limit)
        if e <= s:
            continue
        if beside:
            out.append(TargetList(s, e, lead.year, None, True, lead, lead.why + why + [LIST_INLINE_BESIDE_HEADLINE]))
            continue
        is_headline = lead is headline
        binding = _binding_after(doc, e, limit) if is_headline else None
        if binding:
            e, why = binding[1], why + [LIST_BINDING_TARGETS_JOIN]
        out.append(TargetList(s, e, lead.year, None, is_headline, lead, lead.why + why))
        if is_headline:
            t2 = _tier2_after(doc, e)
            if t2:
                out.append(TargetList(t2[0], t2[1], lead.year, 2, True, lead, lead.why + [LIST_SECOND_TIER]))
    if headline is None:
        leadless = _list_without_lead_in(doc)
        if leadless is not None:
            out.append(leadless)
    # the headline list and its second tier come first, then five-year goals, each in text order
    return sorted(out, key=lambda x: (not x.headline, x.start))


def _list_without_lead_in(doc: Doc) -> Optional[TargetList]:
    """A fallback when no lead-in opens this year's list: the first sentence of the plan that
    states growth or levels of several headline indicators, item after item
    (综合考虑各方面因素,今年全市地区生产总值增长6.5%,固定资产投资增长7%以上,…). It is this
    year's list when nothing before it in its paragraph speaks of five years and its first
    item is no 年均 figure; it runs on like a list on a lead-in's line."""
    text, pats = doc.text, _patterns(doc.vocab.lang)
    sentences = sentences_of(doc)
    # a list holds a figure per item: only sentences with as many digit runs are read (one scan
    # of the text counts them; reading the items costs a pattern per clause)
    runs: collections.Counter[int] = collections.Counter()
    for m in _DIGIT_RUN.finditer(text):
        k = sentences.index_at(m.start())
        if sentences.spans and sentences.spans[k][0] <= m.start() < sentences.spans[k][1]:
            runs[k] += 1
    for k in sorted(k for k, n in runs.items() if n >= MIN_LEADLESS_ITEMS):
        a, b = sentences.spans[k]
        if doc.parts is not None and doc.parts.at(a)[0] == "review":
            continue
        if _headline_items(doc, a, b, pats) < MIN_LEADLESS_ITEMS:
            continue
        figures = scan_numbers(text, a, min(b, a + FIGURE_PROBE), vocab=doc.vocab.numbers)
        near = _nearest_span(doc, figures[0].start if figures else a, pats)    # the sentence's own date first
        if near is not None and near[0] != "year":
            continue
        if pats["items_multi"].search(text, a, b) or pats["recap"].search(text, a, min(b, a + RECAP_REACH)):
            continue
        line_end = text.find("\n", a)
        end = _running_text_end(doc, a, line_end if line_end >= 0 else len(text))
        return TargetList(a, end, near[1] if near else None, None, True, None, [LIST_WITHOUT_LEAD_IN])
    return None


def _headline_items(doc: Doc, a: int, b: int, pats: dict[str, "regex.Pattern[str]"]) -> int:
    """How many distinct headline indicators open the clauses of text[a:b] with a figure, when
    the first of them is the list's lead item (a report's list opens with its growth target:
    地区生产总值增长…); 0 otherwise (稳定粮食生产,全年粮食播种面积…: a sector's goals)."""
    text, vocab = doc.text, doc.vocab.indicators
    lead_items = doc.vocab.lang.words("target_lists.json", "lead_item_ids")
    ids: list[str] = []
    pos = a
    while pos < b and len(ids) < MIN_LEADLESS_ITEMS:
        stop = min((p for p in (text.find(c, pos, b) for c in ",;") if p >= 0), default=b)
        if not _DIGIT.search(text, pos, stop):
            pos = stop + 1
            continue        # a clause without a figure is no item
        m = pats["item_open"].match(text, pos, stop)
        ind = vocab.match(pats["subject_tail"].sub("", m.group("subject")) or m.group("subject")) if m else None
        if ind is not None and vocab.is_headline(ind) and ind not in ids:
            if not ids and ind not in lead_items:
                return 0
            ids.append(ind)
        pos = stop + 1
    return len(ids)


def not_set_span(doc: Doc) -> Optional[tuple[int, int]]:
    """不设具体增长目标: an explicit "no growth target" (normalised span), when the text says so."""
    m = _patterns(doc.vocab.lang)["not_set"].search(doc.text)
    return (m.start(), m.end()) if m else None


# -- the component ---------------------------------------------------------------------------

def extract_target_lists(doc: Doc) -> None:
    """Lead-ins, target lists and the plan year (``Doc.lead_ins``, ``Doc.target_lists``, ``meta.plan_year``)."""
    doc.lead_ins = find_lead_ins(doc)
    lists = find_lists(doc)
    doc.target_lists = lists
    lead_year = next((x.year for x in lists if x.headline and x.tier is None and x.year), None)
    infer_years(doc, lead_year)


def list_index(lists: list[TargetList], pos: int) -> Optional[int]:
    """The index of the list holding normalised position ``pos``, or None."""
    starts = [x.start for x in lists]
    i = bisect.bisect_right(starts, pos) - 1
    return i if i >= 0 and lists[i].start <= pos < lists[i].end else None
