"""What every stage reads: the document, its text, the compiled words, the numbers so far."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

from ..document import Doc
from ..text.sentences import Sentences
from .model import QInfo
from .words import Words


@dataclass(slots=True)
class Ctx:
    """The per-document context of the analysis."""
    doc: Doc
    text: str
    w: Words
    vocab: Any                                      # govextract.indicators.IndicatorVocabulary
    out: list[QInfo] = field(default_factory=list)  # the numbers analysed so far, in text order
    estimate_at: dict[int, int] = field(default_factory=dict)   # sentence start -> first 预计 (or -1)
    exact: dict[str, Any] = field(default_factory=dict)          # phrase -> vocab.exact(phrase)
    growth_names: dict[str, bool] = field(default_factory=dict)  # subject -> names a growth rate
    headless: dict[str, Any] = field(default_factory=dict)       # phrase -> indicator without its generic head
    part_starts: list[int] = field(default_factory=list)         # where each top-level part starts
    part_names: list[str] = field(default_factory=list)          # review | plan | other, for each

    def __post_init__(self) -> None:
        memo = getattr(self.vocab, "_memo", None)
        if memo is not None:
            # what a phrase names does not depend on the document: kept across documents
            self.exact = memo("analysis.exact", self.w)
            self.growth_names = memo("analysis.growth_names", self.w)
            self.headless = memo("analysis.headless", self.w)
        if self.doc.parts is not None:
            self.part_starts = self.doc.parts.starts
            self.part_names = [info[0] for info in self.doc.parts.info]


def indicator_of(ctx: Ctx, phrase: str) -> tuple[Optional[str], bool]:
    """The indicator a phrase names, and whether a generic head noun had to be dropped for it
    (城镇新增就业人口 names what 城镇新增就业 names: rule ``generic_head_noun_dropped``)."""
    hit = ctx.vocab.match(phrase)
    if hit is not None or not phrase.endswith(ctx.w.generic_heads):
        return hit, False
    headless = ctx.headless.get(phrase, _MISS)
    if headless is _MISS:
        headless = None
        for head in ctx.w.generic_heads:
            if phrase.endswith(head) and len(phrase) > len(head) + 1:
                headless = ctx.vocab.match(phrase[:-len(head)])
                if headless is not None:
                    break
        remember(ctx.headless, phrase, headless)
    return headless, headless is not None


_MISS = object()
# Remembered answers per vocabulary are bounded: a long run over many reports must not grow them forever.
MEMO_MAX = 100_000


def remember(memo: dict[Any, Any], key: Any, value: Any) -> None:
    """Store an answer in a memo of the vocabulary, unless it is full."""
    if len(memo) < MEMO_MAX:
        memo[key] = value


def sentences_of(doc: Doc) -> Sentences:
    """The document's sentences (the text layer splits them before any component runs)."""
    if doc.sentences is None:
        raise ValueError("the document has no sentences: build it with Pipeline.make_doc")
    return doc.sentences


def has_any(text: str, chars: frozenset[str], start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds one of ``chars`` (no slice, no pattern)."""
    find = text.find
    for c in chars:
        if find(c, start, end) >= 0:
            return True
    return False


def has_word(text: str, words: frozenset[str], start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds one of ``words``."""
    find = text.find
    for x in words:
        if find(x, start, end) >= 0:
            return True
    return False
