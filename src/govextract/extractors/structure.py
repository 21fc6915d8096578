"""The section tree as model objects with original offsets."""
from __future__ import annotations

from ..document import Doc
from ..model import Section
from ..text.sections import Heading, display_number


def _convert(doc: Doc, h: Heading) -> Section:
    s, e = doc.norm.orig_span(h.start, h.end)
    ts, te = doc.norm.orig_span(h.title_start, h.title_end)
    number = display_number(h)
    return Section(number=number, level=h.level, title=doc.original[ts:te], start=s, end=e,
                   title_start=ts, title_end=te, part=h.part, horizon=h.horizon, year=h.year,
                   children=[_convert(doc, c) for c in h.children])


def extract_structure(doc: Doc) -> None:
    doc.report.sections = [_convert(doc, h) for h in doc.headings]
