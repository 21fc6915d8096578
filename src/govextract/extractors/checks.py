"""Checks: what the library could not read, or may have read wrong, said on the report.

Component ``checks`` runs last. Each check below is a small function that looks at what the
earlier components found (``Doc.lead_ins``, ``Doc.target_lists``, the sections, the analysis of
every number) and at what the text shows, and adds :class:`govextract.Check` findings with a
stable code, a severity and the span they are about. The codes are documented in
``docs/checks.md``; a test checks that every code used here is documented there. Other
components add their own checks where they know best (meta: ``speaker_missing`` …; projects
and responsibilities: truncated names; the pipeline: ``empty_input``, ``several_reports``).
"""
from __future__ import annotations

from typing import Callable, Iterator, Optional

from .. import _regex
from ..document import Doc, TargetList
from ..analysis.context import sentences_of
from ..lang import default_lang
from ..lang.patterns import CN_ITEM_DIGITS, DAY_CHAR, YEAR_CHAR, YEAR_DIGITS, group
from ..model import Actual, Check, Target
from ..numbers.numerals import NumeralError, parse_number
from .actuals import WHOLE_YEAR_FIGURE_ELSEWHERE_IN_REVIEW
from .meta import is_late_session
from .quantities import QInfo

# A sentence that states this many distinct headline indicators with figures reads like a
# list of targets (or a summing-up) whatever words introduce it.
MIN_LIST_INDICATORS = 3
# Item lines of one list follow each other: at most this many sentences apart (an item's own
# remark, a bracketed aside).
ITEM_RUN_GAP = 2
# The last characters a complete report can end with (a sentence's end, a closing bracket or
# quote, a date line); anything else at the end of a long text means it was cut.
_ENDINGS = "。!?”’\")）】]》" + DAY_CHAR
# A last line this short is a signature or a date (…人民政府), not a sentence cut short.
MAX_SIGNATURE = 40
# An aside in brackets is this short: a bracket further back does not hold the figure.
ASIDE_REACH = 200
# The review's opening sentences that may name its year (2024年是…).
REVIEW_OPENING_SENTENCES = 8
# A title year this far from the session year is not the report's (a typo in one of them).
YEAR_CONFLICT_GAP = 2
# Chinese names without · have at most this many characters (a longer one caught text after it).
MAX_PLAIN_NAME = 4
# Texts shorter than this are excerpts, not reports that may have been cut.
MIN_REPORT_CHARS = 3000
_ITEM_NUMBER = _regex.compile(rf"[ \t\u3000*#]*+(?P<open>\()?+(?P<n>[{CN_ITEM_DIGITS}0-9]{{1,3}})(?(open)\)|[.、])")

CheckFn = Callable[[Doc], Iterator[Check]]


def _check(doc: Doc, code: str, severity: str, message: str, span: Optional[tuple[int, int]] = None) -> Check:
    """A check on the normalised ``span`` (or the whole report), in original offsets."""
    if span is None:
        return Check(code, severity, message, doc.report.start, doc.report.start)
    s, e, _text = doc.span(*span)
    return Check(code, severity, message, s, e)


def _headline(doc: Doc) -> Optional[TargetList]:
    return next((x for x in doc.target_lists if x.headline and x.tier is None), None)


def _in(lst: TargetList, pos: int) -> bool:
    return lst.start <= pos < lst.end


# -- target lists ---------------------------------------------------------------------------

def check_list_gave_targets(doc: Doc) -> Iterator[Check]:
    """target_list_without_targets: the headline lead-in's list gave no target."""
    lst = _headline(doc)
    if lst is None:
        return
    targets = [t for t in doc.report.targets if t.headline and t.tier is None]
    unquantified = doc.report.unquantified_targets
    if not targets and not unquantified and lst.lead is not None:
        yield _check(doc, "target_list_without_targets", "error",
                     "the list of this year's targets gave no target", (lst.lead.start, lst.end))


def check_list_inferred(doc: Doc) -> Iterator[Check]:
    """target_list_inferred: this year's list was read from a sentence with no lead-in."""
    lst = _headline(doc)
    if lst is not None and lst.lead is None:
        yield _check(doc, "target_list_inferred", "warning",
                     "no lead-in introduces this year's list; it was read from the sentence that opens with the "
                     "growth target and names several headline indicators (rule list_without_lead_in)",
                     (lst.start, lst.end))


def check_list_numbers_read(doc: Doc) -> Iterator[Check]:
    """target_list_numbers_unread: a figure inside the headline list that became no target."""
    taken = {t.quantity for t in doc.report.targets}
    for lst in doc.target_lists:
        if not lst.headline:
            continue
        for i, q in enumerate(doc.qinfo):
            if _in(lst, q.raw.num_start) and i not in taken and q.raw.unit_norm != "times" and not _in_aside(doc, q):
                yield _check(doc, "target_list_numbers_unread", "error",
                             "a figure inside the list of targets gave no target (no subject was read)",
                             (q.raw.start, q.raw.end))


def _in_aside(doc: Doc, q: QInfo) -> bool:
    """A figure inside brackets ((按可比价计算), an assignment block) is no item of the list."""
    text = doc.text
    a = max(q.sent[0], q.raw.num_start - ASIDE_REACH)
    return text.rfind("(", a, q.raw.num_start) > text.rfind(")", a, q.raw.num_start)


def check_list_missing(doc: Doc) -> Iterator[Check]:
    """target_list_missing: no headline list, yet a sentence outside the review reads like one;
    plan_without_target_list: a plan section for a year and no list at all."""
    if _headline(doc) is not None:
        return
    sent = _list_like_sentence(doc)
    if sent is not None:
        yield _check(doc, "target_list_missing", "error",
                     "no list of this year's targets was read, but this sentence states several headline "
                     "indicators with figures in the plan: its lead-in may be one the library does not know", sent)
        return
    plan = next((h for h in doc.headings if h.part == "plan" and h.horizon == "year"), None)
    if plan is not None:
        yield _check(doc, "plan_without_target_list", "warning",
                     "the report has a plan part for the year but no list of targets was read",
                     (plan.start, plan.title_end))


def _list_like_sentence(doc: Doc) -> Optional[tuple[int, int]]:
    """A sentence, or a run of short item lines ((一)地区生产总值增长11%。(二)…), outside the
    review that states figures of several headline indicators."""
    vocab = doc.vocab.indicators
    by_sent: dict[tuple[int, int], set[str]] = {}
    for q in doc.qinfo:
        if q.part == "review" or q.multi_year or not vocab.is_headline(q.indicator):
            continue
        if q.indicator is not None and not _summing_up_like(doc, q.sent):
            by_sent.setdefault(q.sent, set()).add(q.indicator)
    run: set[str] = set()
    run_start = 0
    last_k: Optional[int] = None
    for sent, ids in sorted(by_sent.items()):
        k = sentences_of(doc).index_at(sent[0])
        if last_k is None or k > last_k + ITEM_RUN_GAP:
            run, run_start = set(), sent[0]
        run |= ids
        last_k = k
        if len(run) >= MIN_LIST_INDICATORS:
            return run_start, sent[1]
    return None


def _summing_up_like(doc: Doc, sent: tuple[int, int]) -> bool:
    """A sentence of outcomes (全年…, 2021年,…) is no list of targets."""
    ry = doc.review_year
    head = doc.text[sent[0]:sent[0] + 16]
    words = doc.vocab.lang.words("summing_up.json", "whole_year_openers")
    return any(w in head for w in words) or (ry is not None and str(ry) in head)


def check_list_numbering(doc: Doc) -> Iterator[Check]:
    """list_numbering_gap: the items of a list numbered 1. 2. 4. (an item lost or misread)."""
    text = doc.text
    for lst in doc.target_lists:
        prev: Optional[int] = None
        pos = lst.start
        for line in text[lst.start:lst.end].split("\n"):
            m = _ITEM_NUMBER.match(line)
            n = _number(m.group("n")) if m else None
            if n is not None:
                if prev is not None and n != prev + 1 and n > prev:
                    yield _check(doc, "list_numbering_gap", "error",
                                 f"the list's items are numbered {prev} then {n}: an item is missing or was not read",
                                 (pos, pos + len(line)))
                prev = n
            pos += len(line) + 1


def _number(s: str) -> Optional[int]:
    try:
        return int(parse_number(s))
    except (NumeralError, ValueError, ArithmeticError):
        return None


def check_duplicate_indicator(doc: Doc) -> Iterator[Check]:
    """indicator_twice_in_list: one indicator with two values in one list (and kind and tier)."""
    seen: dict[tuple[object, ...], Target] = {}
    for t in doc.report.targets:
        if t.indicator is None:
            continue
        key = (t.headline, t.tier, t.indicator, t.kind, t.unit, t.year, t.text)
        first = seen.setdefault(key, t)
        if first is not t and first.value != t.value and first.direction == t.direction:
            yield Check("indicator_twice_in_list", "error",
                        f"{t.indicator} is set twice in one list ({first.value} and {t.value}, {t.unit})",
                        t.start, t.end)


def check_without_indicator(doc: Doc) -> Iterator[Check]:
    """headline_target_without_indicator: a headline target whose subject names no indicator."""
    for t in doc.report.targets:
        if t.headline and t.indicator is None:
            yield Check("headline_target_without_indicator", "warning",
                        f"the headline target {t.text!r} has no indicator id", t.text_start or t.start,
                        t.text_end or t.end)


def check_plausible(doc: Doc) -> Iterator[Check]:
    """implausible_target / implausible_outcome: a value outside the bounds in plausibility.json."""
    for t in doc.report.targets:
        if t.headline and _outside(t):
            yield Check("implausible_target", "error", _bounds_message(t), t.start, t.end)
    for a in doc.report.actuals:
        if _outside(a):
            yield Check("implausible_outcome", "error", _bounds_message(a), a.start, a.end)


def _outside(f: Target | Actual) -> bool:
    bounds = _bounds(f.indicator, f.kind, f.unit)
    return bounds is not None and not bounds[0] <= f.value <= bounds[1]


def _bounds_message(f: Target | Actual) -> str:
    bounds = _bounds(f.indicator, f.kind, f.unit) or [0, 0]
    return f"{f.text} {f.kind} {f.value}{f.unit} lies outside [{bounds[0]}, {bounds[1]}]"


def _bounds(indicator: Optional[str], kind: str, unit: str) -> Optional[list[float]]:
    lang = default_lang()
    specific = lang.mapping("plausibility.json", "by_indicator").get(f"{indicator}|{kind}|{unit}")
    general = lang.mapping("plausibility.json", "by_unit_kind").get(f"{unit}|{kind}")
    return specific or general


# -- outcomes -------------------------------------------------------------------------------

def check_outcomes(doc: Doc) -> Iterator[Check]:
    """outcomes_missing: no outcome, yet a sentence sums up the year with headline figures;
    summing_up_missing: a review of one year whose opening passage states no headline figure."""
    if doc.report.actuals:
        if any(WHOLE_YEAR_FIGURE_ELSEWHERE_IN_REVIEW in a.why for a in doc.report.actuals):
            review = next((h for h in doc.headings if h.part == "review"), None)
            if review is not None:
                yield _check(doc, "summing_up_missing", "warning",
                             "the review's opening passage states no headline figure; the outcomes come from "
                             "figures further down the review", (review.start, review.title_end))
        return
    sent = _summary_sentence(doc)
    if sent is not None:
        yield _check(doc, "outcomes_missing", "error",
                     "no outcome was read, but this sentence states several headline figures of the year: "
                     "the review's title or opening may be one the library does not know", sent)


def _summary_sentence(doc: Doc) -> Optional[tuple[int, int]]:
    vocab = doc.vocab.indicators
    by_sent: dict[tuple[int, int], set[str]] = {}
    for q in doc.qinfo:
        if q.multi_year or not vocab.is_headline(q.indicator) or q.indicator is None:
            continue
        if q.estimated or (q.part != "plan" and _summing_up_like(doc, q.sent)):
            by_sent.setdefault(q.sent, set()).add(q.indicator)
    return next((s for s, ids in sorted(by_sent.items()) if len(ids) >= 2), None)


# -- the document as a whole ----------------------------------------------------------------

def check_document(doc: Doc) -> Iterator[Check]:
    """not_a_work_report, truncated_report, year_conflict."""
    meta = doc.report.meta
    has_review = any(h.part == "review" for h in doc.headings)
    has_plan = any(h.part == "plan" for h in doc.headings) or bool(doc.target_lists)
    if meta.doc_type == "unknown" and not has_review and not has_plan and len(doc.text) >= MIN_REPORT_CHARS:
        yield _check(doc, "not_a_work_report", "warning",
                     "the text has no address, no review and no plan part: it may not be a work report")
    text = doc.text.rstrip(" \t\u3000\n*#")
    last_line = text[text.rfind("\n") + 1:]
    if len(text) >= MIN_REPORT_CHARS and text[-1:] not in _ENDINGS and len(last_line) > MAX_SIGNATURE \
            and meta.doc_type == "report":
        yield _check(doc, "truncated_report", "warning", "the report ends in the middle of a sentence",
                     (len(text) - 1, len(text)))
    yield from _year_conflicts(doc)


def _year_conflicts(doc: Doc) -> Iterator[Check]:
    """year_conflict: the session date against the plan year and the years of the titles."""
    meta = doc.report.meta
    if not meta.session_date:
        return
    y, late = int(meta.session_date[:4]), is_late_session(meta.session_date)
    expected = {y, y + 1} if late else {y}
    if meta.plan_year and meta.plan_year not in expected:
        yield _check(doc, "year_conflict", "warning",
                     f"the plan year {meta.plan_year} does not follow from the session date {meta.session_date}")
        return
    opened = _review_opening_year(doc)
    if opened is not None and opened >= y + (1 if late else 0):
        yield _check(doc, "year_conflict", "warning",
                     f"the review speaks of {opened}, not before the session date {meta.session_date}: "
                     "the date or the review's years may be a typo")
        return
    multi = doc.vocab.lang.cached("title_multi_year", lambda lang: _regex.compile(
        "|".join(lang.words("parts.json", "multi_year"))))
    for h in doc.headings:
        title = doc.text[h.title_start:h.title_end]
        since = doc.vocab.lang.words("horizons.json", "since_words")
        if h.year is None or multi.search(title) or any(f"{h.year}{YEAR_CHAR}{w}" in title for w in since):
            continue
        if abs(h.year - y) >= YEAR_CONFLICT_GAP and h.part in ("review", "plan"):
            yield _check(doc, "year_conflict", "warning",
                         f"the title names {h.year}, far from the session date {meta.session_date}: "
                         "one of the two may be a typo, and the years of targets and outcomes with it",
                         (h.start, h.title_end))
            return


def _review_opening_year(doc: Doc) -> Optional[int]:
    """The year most sentences of the review open with (2024年,… / 2024年是…), if any."""
    counts: dict[int, int] = {}
    year_open = doc.vocab.lang.cached("review_year_open", lambda lang: _regex.compile(
        rf"[ \t\u3000]*+(?P<y>{YEAR_DIGITS}){YEAR_CHAR}(?:,|{group(lang.words('horizons.json', 'year_copulas'))})"))
    for h in doc.headings:
        if h.part != "review":
            continue
        k = sentences_of(doc).index_at(h.title_end)
        for a, b in sentences_of(doc).spans[k:k + REVIEW_OPENING_SENTENCES]:
            if a >= h.end:
                break
            m = year_open.match(doc.text, a, b)
            if m:
                counts[int(m.group("y"))] = counts.get(int(m.group("y")), 0) + 1
    return max(counts, key=lambda y: counts[y]) if counts else None


def check_speaker(doc: Doc) -> Iterator[Check]:
    """speaker_not_found: a dated opening and no speaker (meta says speaker_missing when a title
    is printed); speaker_unusual: a name longer than Chinese names run, without a ·."""
    meta = doc.report.meta
    codes = {c.code for c in doc.report.checks}
    if meta.speaker is None and meta.session_date and "speaker_missing" not in codes:
        span = meta.evidence.get("session_date")
        yield Check("speaker_not_found", "warning", "the report has a dated opening but no speaker was read",
                    span.start if span else doc.report.start, span.end if span else doc.report.start)
    name = meta.speaker or ""
    if len(name) > MAX_PLAIN_NAME and "·" not in name:
        span = meta.evidence.get("speaker")
        yield Check("speaker_unusual", "warning",
                    f"the speaker {name!r} is longer than Chinese names usually are: text after the name may "
                    "have been read as part of it", span.start if span else 0, span.end if span else 0)


CHECKS: tuple[CheckFn, ...] = (
    check_list_gave_targets, check_list_inferred, check_list_numbers_read, check_list_missing, check_list_numbering,
    check_duplicate_indicator, check_without_indicator, check_plausible, check_outcomes, check_document,
    check_speaker,
)


def run_checks(doc: Doc) -> None:
    """The component: every check of ``CHECKS`` in turn, appended to ``Report.checks``."""
    for fn in CHECKS:
        doc.report.checks.extend(fn(doc))


__all__ = ["run_checks", "CHECKS"]
