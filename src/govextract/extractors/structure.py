"""The section tree: each top-level section's part (review / plan / other) read against the
report year, and the tree as model objects with original offsets."""
from __future__ import annotations

from typing import Optional

from ..document import Doc
from ..model import Section
from ..text.sections import Heading, PartMap, display_number, reclassify
from .meta import session_plan_year


def _convert(doc: Doc, h: Heading) -> Section:
    s, e = doc.norm.orig_span(h.start, h.end)
    ts, te = doc.norm.orig_span(h.title_start, h.title_end)
    number = display_number(h)
    return Section(number=number, level=h.level, title=doc.original[ts:te], start=s, end=e,
                   title_start=ts, title_end=te, part=h.part, horizon=h.horizon, year=h.year,
                   children=[_convert(doc, c) for c in h.children])


def reference_year(doc: Doc) -> Optional[int]:
    """The year the report plans for, as far as the opening shows it: the session date's (the
    next year for a session held in November or December, when the year under review is the
    session's own: 2022年工作殊为不易 delivered on 2022-12-28 is the review), else the year
    meta read. Titles' years are read against it (2014年主要工作 in 2015 is a review)."""
    meta = doc.report.meta
    if meta.session_date:
        return session_plan_year(meta.session_date)
    if meta.report_year:
        return meta.report_year
    years = sorted({h.year for h in doc.headings if h.year})
    # 一、2021年工作回顾 … 二、2022年工作安排: two years in the top-level titles, the later one is this year's
    return years[-1] if len(years) >= 2 and years[-1] - years[0] == 1 else None


def extract_structure(doc: Doc) -> None:
    reclassify(doc.headings, doc.text, reference_year(doc))
    doc.parts = PartMap.from_roots(doc.headings)
    doc.report.sections = [_convert(doc, h) for h in doc.headings]
