"""Sentence and clause splitting on normalised text."""
from __future__ import annotations

import bisect
from dataclasses import dataclass

from .. import _regex
from ..lang.patterns import CN_ITEM_DIGITS

# A sentence ends at 。!? or a line break; a top-level heading glued into a line
# (" 一、…" in one-line scrapes) also opens a new sentence.
# (each alternative starts with the character it consumes: no lookbehind tried at every position)
_BOUNDARY = _regex.compile(rf"[。!?]++[”’\"]?+|\n++|[ \t\u3000](?=[{CN_ITEM_DIGITS}]{{1,3}}、)")
CLAUSE_PUNCT = ",;:"


@dataclass
class Sentences:
    """Sentence spans of a text with position lookup."""
    spans: list[tuple[int, int]]

    def __post_init__(self) -> None:
        self._starts = [s for s, _ in self.spans]

    @property
    def starts(self) -> list[int]:
        return self._starts

    def index_at(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self._starts, pos) - 1)

    def at(self, pos: int) -> tuple[int, int]:
        return self.spans[self.index_at(pos)]


def split_sentences(text: str) -> Sentences:
    ends = [m.end() for m in _BOUNDARY.finditer(text)]
    if not ends or ends[-1] < len(text):
        ends.append(len(text))
    starts = [0] + ends[:-1]
    spans = [(s, e) for s, e in zip(starts, ends) if e > s] or [(0, len(text))]
    return Sentences(spans)


# The last clause break before a position: greedy (?s:.*) backs off from the right, so
# the first break it meets is the last one (a space after 。 counts, the space included).
_LAST_BREAK = _regex.compile(r"(?s:.*)(?:。 |[,;:(。)\n!?])", short=True)


def clause_start(text: str, pos: int, floor: int) -> int:
    """Start of the clause containing ``pos`` (after the last , ; : or bracket), not before ``floor``."""
    m = _LAST_BREAK.match(text, floor, pos) if pos > floor else None
    return m.end() if m else floor


def clause_before_parenthetical(text: str, cstart: int, floor: int, notes: tuple[str, ...] = ()) -> int:
    """When the clause starting at ``cstart`` opens right after a parenthetical written after a
    word (固定资产投资(不含农户)|增长45%, 全省生产总值(GDP)|增长9%), the start of the clause that
    holds that word; else ``cstart``. A parenthetical with a break or an enumeration inside
    ((市、区), (州直增长10.3%,…)), and so is a note (``notes``: 五年年均(下同)增长)."""
    if cstart <= floor or text[cstart - 1] != ")":
        return cstart
    op = text.rfind("(", floor, cstart - 1)
    if op <= floor or not text[op - 1].isalpha() or _INNER_BREAK.search(text, op + 1, cstart - 1) \
            or text[op + 1:cstart - 1] in notes:
        return cstart
    return clause_start(text, op, floor)


# What a parenthetical inside a clause never holds: a clause break, a bracket, an enumeration.
_INNER_BREAK = _regex.compile(r"[,;:。\n!?()、]")
