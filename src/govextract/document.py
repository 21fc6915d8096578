"""The working document the pipeline components share (like spaCy's ``Doc``)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

from .model import Report
from .numbers.scan import RawNumber
from .text.normalize import NormText
from .text.sections import Heading, PartMap
from .text.sentences import Sentences


@dataclass
class Doc:
    original: str                     # the caller's text (after decoding)
    norm: NormText                    # normalised text with the offset map
    report: Report
    vocab: Any                        # govextract.pipeline.Vocabulary
    sentences: Optional[Sentences] = None
    headings: list[Heading] = field(default_factory=list)
    parts: Optional[PartMap] = None
    numbers: list[RawNumber] = field(default_factory=list)
    # internal analysis behind each Report.quantities entry (same order)
    qinfo: list[Any] = field(default_factory=list)
    user_data: dict[str, Any] = field(default_factory=dict)   # for user components

    @property
    def text(self) -> str:
        return self.norm.text

    def span(self, start: int, end: int) -> tuple[int, int, str]:
        """Original offsets and text for a normalised span."""
        s, e = self.norm.orig_span(start, end)
        return s, e, self.original[s:e]

    @property
    def review_year(self) -> Optional[int]:
        py = self.report.meta.plan_year
        return py - 1 if py else None
