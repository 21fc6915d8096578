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
from ..lang import default_lang
from ..model import Actual, Check, Target
from ..numbers.numerals import NumeralError, parse_number
from .quantities import QInfo

# A sentence that states this many distinct headline indicators with figures reads like a
# list of targets (or a summing-up) whatever words introduce it.
MIN_LIST_INDICATORS = 3
# The last characters a complete report can end with (a sentence's end, a closing bracket or
# quote, a date line); anything else at the end of a long text means it was cut.
_ENDINGS = "。!?”’\")）】]》日"
# A last line this short is a signature or a date (…人民政府), not a sentence cut short.
MAX_SIGNATURE = 40
# An aside in brackets is this short: a bracket further back does not hold the figure.
ASIDE_REACH = 200
# Texts shorter than this are excerpts, not reports that may have been cut.
MIN_REPORT_CHARS = 3000
_ITEM_NUMBER = _regex.compile(r"[ \t\u3000*#]*+(?P<open>\()?+(?P<n>[一二三四五六七八九十0-9]{1,3})(?(open)\)|[.、])")

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


def check_list_numbers_read(doc: Doc) -> Iterator[Check]:
    """target_list_numbers_unread: a figure inside the headline list that became no target."""
    taken = {t.quantity for t in doc.report.targets}
    for lst in doc.target_lists:
        if not lst.headline:
            continue
        for i, q in enumerate(doc.qinfo):
            if _in(lst, q.raw.num_start) and i not in taken and q.raw.unit != "倍" and not _in_aside(doc, q):
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
    vocab = doc.vocab.indicators
    by_sent: dict[tuple[int, int], set[str]] = {}
    for q in doc.qinfo:
        if q.part == "review" or q.multi_year or not vocab.is_headline(q.indicator):
            continue
        if q.indicator is not None:
            by_sent.setdefault(q.sent, set()).add(q.indicator)
    for sent, ids in sorted(by_sent.items()):
        if len(ids) >= MIN_LIST_INDICATORS and not _summing_up_like(doc, sent):
            return sent
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
    figures: list[tuple[str, Target | Actual]] = [("implausible_target", t) for t in doc.report.targets if t.headline]
    figures += [("implausible_outcome", a) for a in doc.report.actuals]
    for code, f in figures:
        bounds = _bounds(f.indicator, f.kind, f.unit)
        if bounds is not None and not bounds[0] <= f.value <= bounds[1]:
            yield Check(code, "error", f"{f.text} {f.kind} {f.value}{f.unit} lies outside [{bounds[0]}, {bounds[1]}]",
                        f.start, f.end)


def _bounds(indicator: Optional[str], kind: str, unit: str) -> Optional[list[float]]:
    lang = default_lang()
    specific = lang.mapping("plausibility.json", "by_indicator").get(f"{indicator}|{kind}|{unit}")
    general = lang.mapping("plausibility.json", "by_unit_kind").get(f"{unit}|{kind}")
    return specific or general   # type: ignore[no-any-return]


# -- outcomes -------------------------------------------------------------------------------

def check_outcomes(doc: Doc) -> Iterator[Check]:
    """outcomes_missing: no outcome, yet a sentence sums up the year with headline figures;
    summing_up_missing: a review of one year whose opening passage states no headline figure."""
    if doc.report.actuals:
        if any("whole_year_figure_elsewhere_in_review" in getattr(a, "why", []) for a in doc.report.actuals):
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
        if q.part == "plan" or q.multi_year or not vocab.is_headline(q.indicator) or q.indicator is None:
            continue
        if _summing_up_like(doc, q.sent) or q.estimated:
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
    if meta.session_date and meta.plan_year:
        y, m = int(meta.session_date[:4]), int(meta.session_date[5:7])
        expected = {y, y + 1} if m >= 11 else {y}
        if meta.plan_year not in expected:
            yield _check(doc, "year_conflict", "warning",
                         f"the plan year {meta.plan_year} does not follow from the session date {meta.session_date}")


CHECKS: tuple[CheckFn, ...] = (
    check_list_gave_targets, check_list_numbers_read, check_list_missing, check_list_numbering,
    check_duplicate_indicator, check_without_indicator, check_plausible, check_outcomes, check_document,
)


def run_checks(doc: Doc) -> None:
    """The component: every check of ``CHECKS`` in turn, appended to ``Report.checks``."""
    for fn in CHECKS:
        doc.report.checks.extend(fn(doc))


__all__ = ["run_checks", "CHECKS"]
