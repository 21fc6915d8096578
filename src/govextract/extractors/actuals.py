"""Last year's headline outcomes, as researchers code them (SPEC ``## actuals``).

The unit of decision is the passage that sums up the previous year, not a sentence: the
sentences or ``——`` bullets that open the review before it turns to the measures (``一是…``,
``主要做了以下工作:``, the first numbered section), or the sentences at the head of the first
numbered section when the review starts with one. Every headline figure of that passage is an
outcome, whatever the number of indicators in its sentence; a topical paragraph after it is not
the summing-up. Which indicators are headline is data (``indicators.json`` ``headline``).

In a review of several years a figure counts when its sentence dates it to the previous year,
wherever it stands in that review; undated end points and ``年均`` figures never do. When the
summing-up of a one-year review states no figure, the whole-year figures of headline
indicators elsewhere in the review count. The same figure stated twice is one outcome.

Rule names recorded in ``why`` are listed in ``docs/extractors.md``.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Iterator, Optional

import regex

from .. import _regex
from ..analysis import words_for
from ..analysis.context import sentences_of
from ..analysis.time import past_address
from ..document import Doc, LeadIn
from ..lang import Lang
from ..lang.patterns import YEAR_CHAR, YEAR_DIGITS, group
from ..model import Actual
from ..why import rule
from ..text.sections import Heading
from ..text.sentences import CLAUSE_PUNCT
from .figures import build
from .quantities import QInfo
from .target_lists import list_extent

# Rule names recorded in ``why`` (docs/extractors.md, "Rule names"): where an outcome was read.
SUMMING_UP_PASSAGE = rule("summing_up_passage")
WHOLE_YEAR_FIGURE_ELSEWHERE_IN_REVIEW = rule("whole_year_figure_elsewhere_in_review")
DATED_IN_MULTI_YEAR_REVIEW = rule("dated_in_multi_year_review")
DATED_PARAGRAPH_IN_MULTI_YEAR_REVIEW = rule("dated_paragraph_in_multi_year_review")

# The summing-up opens the review: it is found within this many paragraphs of its start
# (a bound for reviews without any turn to the measures, far above the two or three a
# summing-up takes).
MAX_PASSAGE_PARAGRAPHS = 12
# A paragraph longer than this is a page scraped onto one line: its sentences are read as
# the paragraphs of the summing-up.
MAX_PARAGRAPH = 1500
# 年初确定的…目标是:: a recall marker stands this close before the noun it qualifies.
RECALL_REACH = 12
# The rule of the analysis that cut 占全省的 from a subject: the figure is a share of a whole.
SHARE_OF_A_WHOLE = "share_copula_cut_from_subject"
# Parallel paragraphs of a summing-up open with the same characters (这是…的一年。).
PARALLEL_OPENING = 2
# How far into a sentence its opener stands (全年…, 2021年,…, ——经济运行平稳。).
OPENER_REACH = 12


_DIGIT = _regex.compile(r"[0-9]")


@dataclass(frozen=True)
class Passage:
    """A stretch of one review (normalised offsets) whose figures are outcomes, and why."""
    start: int
    end: int
    rule: str


def _patterns(lang: Lang) -> dict[str, "regex.Pattern[str]"]:
    return lang.cached("actuals_patterns", _build_patterns)


def _build_patterns(lang: Lang) -> dict[str, "regex.Pattern[str]"]:
    def w(key: str) -> list[str]:
        return list(lang.words("summing_up.json", key))

    return {
        "turn": _regex.compile(group(w("turn_words"))),
        "measure": _regex.compile(rf"[ \t\u3000]*+{group(w('measure_openers'))}"),
        "bullet": _regex.compile(rf"[ \t\u3000*#]*+{group(w('bullets'))}"),
        "sub_item": _regex.compile(group(w("sub_item_markers"))),
        "five_year": _regex.compile(rf"[ \t\u3000]*+{group(w('five_year_openers'))}"),
        "five_year_title": _regex.compile(group(lang.words("parts.json", "multi_year"))),
        "comparative": _regex.compile(group(w("comparative_words"))),
        # a place that ends in one of these before the measure names a part of the region
        "sub_region": _regex.compile(rf"\p{{Han}}{group(w('sub_region_suffixes'))}(?=\p{{Han}}{{2}})"),
        "own_comparison": _regex.compile(_comparison_pattern(lang)),
    }


def _comparison_pattern(lang: Lang) -> str:
    """比/较/相比 as a comparison (比上年), not inside a word (比例, 较快, 占比), or 同比/环比."""
    starts = lang.words("comparisons.json", "words_starting_with_a_marker")
    ends = lang.words("comparisons.json", "words_ending_in_a_marker")
    alts = []
    for m in sorted(lang.words("comparisons.json", "markers"), key=len, reverse=True):
        tails = [w[len(m):] for w in starts if w.startswith(m) and len(w) > len(m)]
        heads = [w[:-len(m)] for w in ends if w.endswith(m) and len(w) > len(m)]
        before = f"(?<!{group(heads)})" if heads else ""
        after = f"(?!{group(tails)})" if tails else ""
        alts.append(f"{before}{regex.escape(m)}{after}")
    return "|".join(alts + [group(lang.words("comparisons.json", "standalone"))])


# -- where the review is -----------------------------------------------------------------

def _review_sections(doc: Doc) -> Iterator[tuple[Optional[Heading], int, int, Optional[str]]]:
    """(section, start, end, horizon) of each top-level review section; without any, the
    stretch from the report's opening to its plan part (a report with no titles)."""
    roots = doc.headings
    found = False
    for h in roots:
        if h.part == "review":
            found = True
            yield h, h.title_end, h.end, h.horizon
    if found or not doc.text:
        return
    if doc.report.meta.doc_type != "report":
        return      # without titles, only a report's address shows where a review may stand
    end = next((h.start for h in roots if h.part == "plan"), None)
    if end is None:
        end = min((x.start for x in doc.lead_ins), default=len(doc.text))
    yield None, 0, end, None


def _is_multi_year(doc: Doc, section: Optional[Heading], start: int, end: int) -> bool:
    """A review of several years: titled so, or (本届政府工作回顾) opening on 五年来."""
    if section is not None and section.horizon == "multi_year":
        return True
    pats = _patterns(doc.vocab.lang)
    spans = sentences_of(doc).spans
    k = sentences_of(doc).index_at(start)
    for a, b in spans[k:k + 3]:
        if a >= end:
            break
        if pats["five_year"].match(doc.text, a, min(b, a + OPENER_REACH)):
            return True
    return False


# -- the summing-up passage ----------------------------------------------------------------

def _lines(doc: Doc, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Non-blank lines of text[start:end]; a page on one line gives its sentences."""
    text = doc.text
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = nl if nl >= 0 else end
        if text[pos:stop].strip(" \t\u3000*#"):
            if stop - pos > MAX_PARAGRAPH:
                k = sentences_of(doc).index_at(pos)
                for a, b in sentences_of(doc).spans[k:]:
                    if a >= stop:
                        break
                    yield max(a, pos), min(b, stop)
            else:
                yield pos, stop
        pos = stop + 1


def _paragraphs(doc: Doc, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The paragraphs of text[start:end]: its lines, where a ``——`` bullet takes the lines
    after it up to the next bullet (a dump that breaks a bullet's sentences into lines)."""
    pats = _patterns(doc.vocab.lang)
    text = doc.text
    cur: Optional[tuple[int, int]] = None
    for a, b in _lines(doc, start, end):
        if cur is not None and not pats["bullet"].match(text, a, b) and text[a:a + 1] != "(" \
                and b - cur[0] <= MAX_PARAGRAPH:
            cur = (cur[0], b)
            continue
        if cur is not None:
            yield cur
            cur = None
        if pats["bullet"].match(text, a, b):
            cur = (a, b)
        else:
            yield a, b
    if cur is not None:
        yield cur


def summing_up(doc: Doc, start: int, end: int, headline_at: list[int]) -> Optional[Passage]:
    """The passage that opens the review text[start:end] and sums up the year.

    It starts at the first paragraph that states a headline figure and takes the paragraphs
    after it while they go on summing up: paragraphs parallel to the first (``——`` bullets, or
    paragraphs opening alike: 这是…的一年。 这是…的一年。), whatever they state, and paragraphs
    whose first sentence states a headline figure. It ends at the turn to the measures (a
    sentence announcing them, ``一是…``, the first numbered section) and at a topical paragraph
    (对外开放持续扩大。…).
    """
    pats = _patterns(doc.vocab.lang)
    stop = min(end, _first_child_heading(doc, start + 1, end))
    first = last = None
    form = ""
    for n, (a, b) in enumerate(_paragraphs(doc, start, stop)):
        if n >= MAX_PASSAGE_PARAGRAPHS or _turns_to_measures(doc, a, b, pats):
            break
        if first is None:
            if _first_headline(headline_at, a, b) is not None:
                first, last, form = a, _cut_at_turn(doc, a, b, pats), _opening_form(doc, a, b)
            continue
        opening = _opening_form(doc, a, b)
        parallel = form != "" and opening == form
        opens_on_figure = _first_headline(headline_at, a, min(b, sentences_of(doc).at(a)[1])) is not None
        bullet_figure = opening == "bullet" and _first_headline(headline_at, a, b) is not None
        if not (parallel or opens_on_figure or bullet_figure):
            break       # a topical paragraph (对外开放持续扩大。…) is not the summing-up
        last = _cut_at_turn(doc, a, b, pats)
        if last < b:
            break
    if first is None or last is None:
        return None
    return Passage(first, last, SUMMING_UP_PASSAGE)


def _opening_form(doc: Doc, a: int, b: int) -> str:
    """How a paragraph opens, to tell parallel paragraphs: a bullet, or its first two characters."""
    text = doc.text
    if _patterns(doc.vocab.lang)["bullet"].match(text, a, b):
        return "bullet"
    while a < b and text[a] in " \t\u3000*#":
        a += 1
    return text[a:a + PARALLEL_OPENING]


def _first_child_heading(doc: Doc, start: int, end: int) -> int:
    starts = doc.heading_starts
    i = bisect.bisect_left(starts, start)
    return starts[i] if i < len(starts) and starts[i] < end else end


def _turns_to_measures(doc: Doc, a: int, b: int, pats: dict[str, "regex.Pattern[str]"]) -> bool:
    """A paragraph that opens the measures: 一是…, or its first sentence announces them (…以下工作:)."""
    if pats["measure"].match(doc.text, a, b):
        return True
    s_end = min(b, sentences_of(doc).at(a)[1])
    return _announces(doc.text, a, s_end, pats)


def _announces(text: str, a: int, b: int, pats: dict[str, "regex.Pattern[str]"]) -> bool:
    """A sentence that announces the measures: turn words before a colon (…做了以下工作:), or
    two of them in a sentence with no figure (一年来,主要做了以下工作。)."""
    colon = text.find(":", a, b)
    if colon >= 0 and pats["turn"].search(text, a, colon) is not None:
        return True
    return len(pats["turn"].findall(text, a, b)) >= 2 and _DIGIT.search(text, a, b) is None


def _cut_at_turn(doc: Doc, a: int, b: int, pats: dict[str, "regex.Pattern[str]"]) -> int:
    """The end of the summing-up inside a paragraph: before a sentence that announces the measures."""
    k = sentences_of(doc).index_at(a)
    for s, e in sentences_of(doc).spans[k:]:
        if s >= b:
            break
        if s > a and (_announces(doc.text, s, min(e, b), pats) or pats["measure"].match(doc.text, s, b)):
            return s
    return b


def _first_headline(headline_at: list[int], a: int, b: int) -> Optional[int]:
    """The first headline figure in [a, b) (``headline_at`` is sorted)."""
    i = bisect.bisect_left(headline_at, a)
    return headline_at[i] if i < len(headline_at) and headline_at[i] < b else None


# -- which figures are headline outcomes ----------------------------------------------------

def _is_headline_figure(doc: Doc, q: QInfo, ry: Optional[int]) -> bool:
    """A figure of a headline indicator for one year: not a five-year change, not a sub-item."""
    vocab = doc.vocab.indicators
    if q.subject is None or q.multi_year or q.raw.unit_norm == "times" or not vocab.is_headline(q.indicator):
        return False
    if q.compare_year is not None and ry is not None and q.compare_year < ry - 1:
        return False        # 比2016年增加…: a change over several years
    if q.explicit_year is not None and ry is not None and q.explicit_year not in (ry, ry - 1):
        return False
    if SHARE_OF_A_WHOLE in q.why and q.raw.unit == "%":
        return False        # 进出口总值…,占全省的77.3%: a share of a larger whole
    pats = _patterns(doc.vocab.lang)
    if pats["comparative"].search(q.subject):
        return False        # 高新技术产业增加值增速高于规模以上工业5.1个百分点: a gap between two measures
    if pats["sub_region"].search(q.subject):
        return False        # 武汉城市圈经济总量跨越3万亿: a part of the region, not the region
    return not _is_sub_item(doc, q)


def _compared_sentences(doc: Doc, ry: Optional[int]) -> dict[tuple[int, int], int]:
    """Sentence -> index of its first figure compared with a year before the previous one
    (空气质量优良天数较2016年增加48天,地表水断面水质优良比例提高43.6个百分点: the changes
    after it in the sentence are changes over the same years)."""
    out: dict[tuple[int, int], int] = {}
    if ry is None:
        return out
    for i, q in enumerate(doc.qinfo):
        if q.compare_year is not None and q.compare_year < ry - 1:
            out.setdefault(q.sent, i)
    return out


def _own_comparison(doc: Doc, q: QInfo) -> bool:
    """Whether a figure's own clause compares (比上年增长8.8%): then no earlier comparison reaches it."""
    return _patterns(doc.vocab.lang)["own_comparison"].search(doc.text, q.clause, q.raw.num_start) is not None


def _is_sub_item(doc: Doc, q: QInfo) -> bool:
    """其中出口增长11%: a part of the figure before it (the local budget revenue excepted)."""
    start = q.subj[0] if q.subj else q.raw.num_start
    if _patterns(doc.vocab.lang)["sub_item"].search(doc.text, q.clause, start) is None:
        return False
    return q.indicator not in doc.vocab.lang.words("summing_up.json", "sub_item_headline_ids")


def _dated_to(doc: Doc, q: QInfo, ry: Optional[int]) -> bool:
    """Whether a figure's sentence dates it to the previous year (2021年,…, 全年…, 预计2021年…)."""
    if ry is not None and q.explicit_year == ry:
        return True
    if q.time is not None and q.time in doc.vocab.lang.words("summing_up.json", "whole_year_openers"):
        return True         # …,全年生产总值增长8.5%: the time word stands before the figure
    text = doc.text
    s0 = q.sent[0]
    head = text[s0:min(q.sent[1], s0 + OPENER_REACH + 8)]
    since = doc.vocab.lang.words("horizons.json", "since_words")
    if ry is not None and f"{ry}" in head and not any(w in head for w in since):
        return True
    whole = doc.vocab.lang.cached("whole_year_openers", lambda lang: _regex.compile(
        rf"[ \t\u3000]*+{group(lang.words('horizons.json', 'estimate_markers'))}?+"
        rf"{group(lang.words('summing_up.json', 'whole_year_openers'))}"))
    return whole.match(text, s0, q.sent[1]) is not None


def _recalled_spans(doc: Doc) -> list[tuple[int, int]]:
    """The lists of last year's targets a review recalls (年初确定的主要预期目标是…), and the
    rest of a sentence that recalls targets under a bare noun (年初确定的目标是:…)."""
    out = []
    leads = doc.lead_ins
    for i, lead in enumerate(leads):
        if lead.context == "recalled":
            limit = leads[i + 1].start if i + 1 < len(leads) else len(doc.text)
            s, e, _why = list_extent(doc, lead, limit)
            out.append((s, e))
    recall = doc.vocab.lang.cached("recalled_targets", lambda lang: _regex.compile(
        rf"{group(lang.words('target_lists.json', 'recall_markers'))}[^,;。:]{{0,{RECALL_REACH}}}?"
        rf"{group(lang.words('target_lists.json', 'lead_heads'))}[^,;。:]{{0,3}}?:"))
    for m in recall.finditer(doc.text):
        out.append((m.end(), sentences_of(doc).at(m.start())[1]))
    return out


def _choose(doc: Doc, ry: Optional[int]) -> list[tuple[int, QInfo, str]]:
    """(index, analysis, rule) of every outcome, in text order, once per figure."""
    infos = doc.qinfo
    starts = [q.raw.num_start for q in infos]
    recalled = _recalled_spans(doc)
    compared = _compared_sentences(doc, ry)
    verdicts: dict[int, bool] = {}

    def eligible(i: int) -> bool:
        # decided only for the figures of the review stretches, once each
        hit = verdicts.get(i)
        if hit is None:
            q = infos[i]
            hit = verdicts[i] = q.indicator is not None and _is_headline_figure(doc, q, ry) \
                and not any(s <= q.raw.num_start < e for s, e in recalled) \
                and not (q.kind in ("growth", "change_points") and compared.get(q.sent, len(infos)) < i
                         and not _own_comparison(doc, q))
        return hit

    chosen: dict[int, str] = {}
    for section, a, b, _hz in _review_sections(doc):
        multi = _is_multi_year(doc, section, a, b)
        for k, (s, e, kind) in enumerate(_stretches(doc, section, a, b, multi, ry)):
            lo, hi = bisect.bisect_left(starts, s), bisect.bisect_left(starts, e)
            here = [i for i in range(lo, hi) if eligible(i)]
            if kind == "multi_year":
                for i in here:
                    if _dated_by_its_sentence(doc, infos[i], ry):
                        chosen.setdefault(i, DATED_IN_MULTI_YEAR_REVIEW)
                    elif _dated_by_its_paragraph(doc, infos[i], ry):
                        chosen.setdefault(i, DATED_PARAGRAPH_IN_MULTI_YEAR_REVIEW)
                continue
            first_child = section.children[0] if section is not None and section.children and k == 0 else None
            for i, how in _year_stretch(doc, here, s, e, first_child, ry):
                chosen.setdefault(i, how)
    return _once([(i, infos[i], chosen[i]) for i in sorted(chosen)])


def _year_stretch(doc: Doc, here: list[int], s: int, e: int, first_child: Optional[Heading],
                  ry: Optional[int]) -> list[tuple[int, str]]:
    """The outcomes of a stretch about one year: its summing-up passage, or the head of its
    first numbered section, or (neither stating a figure) whole-year figures elsewhere in it."""
    infos = doc.qinfo
    at = sorted(infos[i].raw.num_start for i in here)
    passage = summing_up(doc, s, e, at)
    if passage is None and first_child is not None:
        passage = summing_up(doc, first_child.title_start, min(e, first_child.end), at)
    if passage is not None:
        picked = [i for i in here if passage.start <= infos[i].raw.num_start < passage.end]
        if picked:
            return [(i, SUMMING_UP_PASSAGE) for i in picked]
    return [(i, WHOLE_YEAR_FIGURE_ELSEWHERE_IN_REVIEW) for i in _whole_year_figures(doc, here, ry)]


def _stretches(doc: Doc, section: Optional[Heading], a: int, b: int, multi: bool,
               ry: Optional[int]) -> list[tuple[int, int, str]]:
    """The review text[a:b] cut where a stretch about one year opens (a sentence opening on
    一年来, 刚刚过去的2021年, 2021年以来, 2021年是…; a section titled 2021年工作简要回顾) or one
    about five (五年来, 过去五年; a section titled with five-year words): (start, end, kind)."""
    kind = "multi_year" if multi else "year"
    out: list[tuple[int, int, str]] = []
    cur = a
    for s, new in _stretch_openers(doc, section, a, b, ry):
        if new != kind:
            out.append((cur, s, kind))
            cur, kind = s, new
    out.append((cur, b, kind))
    return [x for x in out if x[1] > x[0]]


def _stretch_openers(doc: Doc, section: Optional[Heading], a: int, b: int,
                     ry: Optional[int]) -> list[tuple[int, str]]:
    """(position, kind) of every place in text[a:b] that opens a stretch, in text order."""
    text = doc.text
    pats = _patterns(doc.vocab.lang)
    year_open = doc.vocab.lang.cached("year_stretch_openers", lambda lang: _regex.compile(
        rf"[ \t\u3000*#]*+(?:{group(lang.words('summing_up.json', 'addresses'))}[!,:]?+)?+"
        rf"{group(lang.words('summing_up.json', 'stretch_opener_prefixes'))}?+"
        rf"(?:{group(lang.words('summing_up.json', 'year_stretch_openers'))}|(?P<y>{YEAR_DIGITS}){YEAR_CHAR}"
        rf"{group(lang.words('horizons.json', 'since_words') + lang.words('horizons.json', 'year_copulas'))})"))
    # the words that make an opener, wherever they stand: only the sentences that hold one are
    # matched from their start (openers hold no sentence end, so none spans two sentences)
    cores = doc.vocab.lang.cached("stretch_opener_cores", lambda lang: _regex.compile(
        rf"{group(lang.words('summing_up.json', 'year_stretch_openers'))}|{YEAR_DIGITS}{YEAR_CHAR}"
        rf"{group(lang.words('horizons.json', 'since_words') + lang.words('horizons.json', 'year_copulas'))}"
        rf"|{group(lang.words('summing_up.json', 'five_year_openers'))}"))
    sentences = sentences_of(doc)
    found: list[tuple[int, str]] = []
    held = sorted({sentences.index_at(m.start()) for m in cores.finditer(text, a, min(len(text), b + 2 * OPENER_REACH))})
    for k in held:
        s, e = sentences.spans[k]
        if s >= b or s <= a:
            continue
        m = year_open.match(text, s, min(e, s + 2 * OPENER_REACH))
        if m and (m.group("y") is None or ry is None or int(m.group("y")) == ry):
            found.append((s, "year"))
        elif pats["five_year"].match(text, s, min(e, s + OPENER_REACH)):
            found.append((s, "multi_year"))
    for child in section.children if section is not None else []:
        title = text[child.title_start:child.title_end]
        if ry is not None and f"{ry}{YEAR_CHAR}" in title:
            found.append((child.start, "year"))      # (二)2021年工作简要回顾
        elif pats["five_year_title"].search(title):
            found.append((child.start, "multi_year"))
    return sorted(found)


def _dated_by_its_sentence(doc: Doc, q: QInfo, ry: Optional[int]) -> bool:
    """In a stretch about several years, a figure counts only when its own sentence names the
    previous year (2021年,全市经济总量…; 由2018年的52亿元增加到2023年的81.4亿元)."""
    if ry is None:
        return False
    if q.explicit_year == ry:
        return True
    return _opens_on_year(doc, q.sent[0], q.sent[1], ry, _words_for_the_year(doc, ry))


def _dated_by_its_paragraph(doc: Doc, q: QInfo, ry: Optional[int]) -> bool:
    """…or when its paragraph opens on that year (2020年,面对…。全年地区生产总值增长3.6%…;
    各位代表!去年,…; 特别是刚刚过去的2012年,…): the paragraph is about the one year. A figure
    of another span of time (年均, 累计, 比2016年) never reaches here."""
    if ry is None or q.explicit_year not in (None, ry) or q.by_year is not None:
        return False
    text = doc.text
    start = text.rfind("\n", 0, q.raw.num_start) + 1
    end = text.find("\n", q.raw.num_start)
    if (end if end >= 0 else len(text)) - start > MAX_PARAGRAPH:
        return False        # a page scraped onto one line has no paragraphs to read
    p = past_address(text, start, words_for(doc))      # 各位代表!去年,…: the opener follows the address
    s, e = sentences_of(doc).at(p)
    return s <= p < e and _opens_on_year(doc, p, e, ry, _words_for_the_year(doc, ry), opener=True)


def _words_for_the_year(doc: Doc, ry: int) -> tuple[str, ...]:
    """The words that name the year under review without its number: 去年; and 今年 in a report
    delivered late in that year (a session on 2021-12-28 reviews 今年, 2021)."""
    lang: Lang = doc.vocab.lang
    words = lang.words("horizons.json", "previous_year_words")
    session = doc.report.meta.session_date
    if session and int(session[:4]) == ry:
        words += lang.words("horizons.json", "this_year_words")
    return words


def _opens_on_year(doc: Doc, s: int, e: int, ry: int, words: tuple[str, ...], opener: bool = False) -> bool:
    """text[s:e] names year ``ry`` (or one of ``words``) near its start, not as the start of a
    period (2016年以来) nor in a date (2021年12月). With ``opener``, the year is the sentence's
    opener: a clause mark or a copula follows it (2020年,…; 去年是…), not a noun it modifies
    (2012年各项任务的完成…)."""
    text = doc.text
    head = text[s:min(e, s + OPENER_REACH)]
    opening = text[s:min(e, s + OPENER_REACH + 4)]
    if any(w in opening for w in doc.vocab.lang.words("horizons.json", "since_words")):
        return False
    year = f"{ry}{YEAR_CHAR}"
    after = [k + len(year) for k in [head.find(year)] if k >= 0] + \
        [k + len(w) for w in words for k in [head.find(w)] if k >= 0]
    follows = [text[s + a:s + a + 1] for a in after if not text[s + a:s + a + 1].isdigit()]
    if not opener:
        return bool(follows)
    copulas = doc.vocab.lang.words("horizons.json", "year_copulas")
    return any(c and (c in CLAUSE_PUNCT or c in copulas) for c in follows)


def _whole_year_figures(doc: Doc, candidates: list[int], ry: Optional[int]) -> list[int]:
    """When the summing-up states no figure: the headline figures stated elsewhere in the
    stretch about the year (全年地区生产总值增长2.1%; a numbered section's 全省生产总值达到51768亿元),
    as SPEC asks. Figures of another span of time never reach here (年均, 累计, 比2016年)."""
    return list(candidates)


def _once(items: list[tuple[int, QInfo, str]]) -> list[tuple[int, QInfo, str]]:
    """The same indicator, kind and value stated twice for the year is one outcome."""
    seen: set[tuple[Optional[str], str, str, str]] = set()
    out = []
    for i, q, how in items:
        key = (q.indicator, q.kind, str(q.raw.value), q.raw.unit)
        if q.indicator is not None and key in seen:
            continue
        seen.add(key)
        out.append((i, q, how))
    return out


def extract_actuals(doc: Doc) -> None:
    ry = doc.review_year
    items = _choose(doc, ry)
    if not items:
        return
    rules = {i: how for i, _q, how in items}

    def year_of(q: QInfo) -> Optional[int]:
        return q.explicit_year if q.explicit_year and (ry is None or q.explicit_year <= ry) else ry

    def extra(q: QInfo) -> dict[str, object]:
        return {"estimated": True if q.estimated else None, "why": [rules[index_of[id(q)]]]}

    index_of = {id(q): i for i, q, _r in items}
    doc.report.actuals.extend(build(doc, [(i, q) for i, q, _r in items], Actual, year_of, extra))


__all__ = ["extract_actuals", "summing_up", "Passage", "LeadIn"]
