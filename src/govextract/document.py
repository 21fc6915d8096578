"""The working document the pipeline components share (like spaCy's ``Doc``).

Every intermediate result one component leaves for another is a typed field here, named
in the component's contract (``requires``/``assigns``, see :mod:`govextract.pipeline`);
``user_data`` is for a user's own components only.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

from .model import Report
from .numbers.scan import RawNumber
from .text.normalize import NormText
from .text.sections import Heading, PartMap
from .text.sentences import Sentences


@dataclass
class LeadIn:
    """Words that open a list of targets (主要预期目标是:), in normalised offsets.

    ``context`` says what the list is: ``year`` (this year's targets), ``multi_year`` (a
    five-year plan's), ``recap`` (上述目标: a list named again), ``recalled`` (last year's
    targets recalled in the review) or ``binding`` (约束性指标是:…, joined to the list before it).
    """
    start: int
    end: int                      # after the colon, or the last word of an inline lead-in
    inline: bool                  # 预期目标为7%左右: the figure follows the lead-in in its clause
    context: str
    year: Optional[int]
    why: list[str] = field(default_factory=list)


@dataclass
class TargetList:
    """The block a lead-in opens (normalised offsets) and how its targets are coded."""
    start: int
    end: int
    year: Optional[int]
    tier: Optional[int]           # 2 for a second tier (努力实现…奋斗目标:), else None
    headline: bool                # the report's main list for the plan year (or its second tier)
    lead: Optional[LeadIn] = None
    why: list[str] = field(default_factory=list)


@dataclass
class Doc:
    original: str                     # the caller's text (after decoding)
    norm: NormText                    # normalised text with the offset map
    report: Report
    vocab: Any                        # govextract.pipeline.Vocabulary
    sentences: Optional[Sentences] = None
    headings: list[Heading] = field(default_factory=list)
    parts: Optional[PartMap] = None
    note_lines: list[tuple[int, int]] = field(default_factory=list)   # endnote lines (normalised spans)
    lead_ins: list[LeadIn] = field(default_factory=list)              # every lead-in met, in text order
    target_lists: list[TargetList] = field(default_factory=list)      # the lists whose figures are targets
    numbers: list[RawNumber] = field(default_factory=list)
    # the responsibility tasks read (starts, ends, ids; normalised offsets): a project inside one
    # takes its id when the projects component runs after the responsibilities one
    task_spans: Optional[tuple[list[int], list[int], list[str]]] = None
    # internal analysis behind each Report.quantities entry (same order)
    qinfo: list[Any] = field(default_factory=list)
    user_data: dict[str, Any] = field(default_factory=dict)   # for user components
    _heading_starts: Optional[list[int]] = field(default=None, repr=False)

    @property
    def text(self) -> str:
        return self.norm.text

    def span(self, start: int, end: int) -> tuple[int, int, str]:
        """Original offsets and text for a normalised span."""
        s, e = self.norm.orig_span(start, end)
        return s, e, self.original[s:e]

    @property
    def heading_starts(self) -> list[int]:
        """Where every heading starts (normalised, sorted), for scopes that end at the next one."""
        if self._heading_starts is None:
            out: list[int] = []
            stack = list(self.headings)
            while stack:
                h = stack.pop()
                out.append(h.start)
                stack.extend(h.children)
            self._heading_starts = sorted(out)
        return self._heading_starts

    @property
    def review_year(self) -> Optional[int]:
        py = self.report.meta.plan_year
        return py - 1 if py else None
