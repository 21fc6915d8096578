"""Compile a pattern with the engine that runs it fastest.

Two kinds of use, two engines. A pattern that scans a whole text runs faster on
``regex``, which skips ahead over text that cannot start a match (3x on the
sentence scan). A pattern called tens of thousands of times on a few
characters (the analysis of each number) runs faster on the standard library's
``re``: a third of ``regex``'s cost per call. Since Python 3.11 ``re`` also has
possessive quantifiers and atomic groups; what it still lacks (``\\p{Han}``,
variable-width lookbehind, or possessive quantifiers on 3.10) stays on ``regex``.
Both engines give the same matches for every pattern here: the test suite runs the
corpus on ``regex`` alone (``GOVEXTRACT_REGEX_ENGINE=regex``) and compares.
"""
from __future__ import annotations

import os
import re
from typing import Any, Iterator, Optional

import regex

MULTILINE = re.MULTILINE      # the same bit in both engines
IGNORECASE = re.IGNORECASE
_FORCE_REGEX = os.environ.get("GOVEXTRACT_REGEX_ENGINE") == "regex"   # for the equivalence test


def find_all(text: str, words: tuple[str, ...], start: int = 0, end: Optional[int] = None) -> list[int]:
    """Start of every occurrence of the literal ``words`` in ``text[start:end]``, in text order.

    ``str.find`` runs at memory speed: for a literal, a pattern pass costs several times
    more. Occurrences of one word do not overlap; the words should not overlap each other.
    """
    end = len(text) if end is None else end
    out: list[int] = []
    for w in words:
        k = text.find(w, start, end)
        while k >= 0:
            out.append(k)
            k = text.find(w, k + len(w), end)
    out.sort()
    return out


def finditer_in_lines(pattern: Any, text: str, anchors: tuple[str, ...], end: Optional[int] = None) -> Iterator[Any]:
    """``pattern.finditer(text, 0, end)`` read only in the lines that hold one of ``anchors``.

    For a pattern none of whose matches spans a line break and each of which holds an anchor
    word: the same matches, without scanning the lines that cannot hold one (a slow pattern,
    such as an alternation of every listed place name, then costs the lines it may match in).
    A match that ends at a line's end reads the same there as at the end of the text.
    """
    end = len(text) if end is None else end
    line_end = -1
    for k in find_all(text, anchors, 0, end):
        if k < line_end:
            continue            # this line is read already
        line_start = text.rfind("\n", 0, k) + 1
        line_end = text.find("\n", k, end)
        line_end = end if line_end < 0 else line_end
        yield from pattern.finditer(text, line_start, line_end)


def compile(pattern: str, flags: int = 0, *, short: bool = False) -> Any:   # noqa: A001 - mirrors re.compile
    """A compiled pattern with the common API only (``search``/``match``/``fullmatch``/
    ``finditer`` with ``pos``/``endpos``; ``group``/``groups``/``start``/``end`` on matches).

    ``short=True`` is for a pattern called many times on a few characters (the analysis
    of each number): ``re`` runs it when it can, at a third of ``regex``'s cost per call.
    Otherwise the pattern scans whole texts, where ``regex`` skips ahead faster.
    """
    if short and not _FORCE_REGEX:
        try:
            return re.compile(pattern, flags)
        except re.error:
            pass
    return regex.compile(pattern, flags)
