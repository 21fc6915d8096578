"""Normalisation that never loses the way back to the caller's offsets.

The extractors work on a normalised copy of the text: full-width digits,
letters and punctuation become ASCII, odd spaces become plain spaces,
and a few things are *deleted* (CR before LF, zero-width characters, the
spaces of letter-spaced titles, inline footnotes, page debris).  One-to-one
replacements keep offsets; deletions are recorded as breakpoints, so any
span of the normalised text maps back to the original with a bisect.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterable, Optional

from .. import _regex
from .._data import t2s_table
from ..lang import default_lang

# Full-width ASCII block U+FF01..U+FF5E maps onto U+0021..U+007E.
_TABLE: dict[int, int] = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_TABLE.update({
    0x3000: 0x20, 0x00A0: 0x20, 0x2002: 0x20, 0x2003: 0x20, 0x2009: 0x20, 0x202F: 0x20,
    0x3001: 0x3001,          # 、 stays: it separates list items and is not a comma
    0x2236: ord(":"),        # ∶ ratio colon, seen in scraped pages
    0xFE30: ord(":"),
    0x2215: ord("/"),
    0x0D: 0x0A,              # a lone CR (classic Mac) is a line break; CR before LF is deleted
    0x0C: 0x0A, 0x0B: 0x0A,  # form feed (pdftotext page breaks), vertical tab (Word line breaks)
    0x2028: 0x0A, 0x2029: 0x0A, 0x85: 0x0A,
})

# Deleted outright. Footnotes and debris are deleted by callers passing extra spans.
# Every alternative starts with the character it deletes (a lookbehind first would be
# tried at every position of the text).
_DELETE = _regex.compile(
    r"\r(?=\n)"
    r"|[\u200b-\u200d\u2060\ufeff\u00ad]"
    # letter-spaced titles: 政 府 工 作 报 告 (three or more spaced ideographs)
    r"|[ \u3000](?<=\p{Han}[ \u3000])(?=\p{Han}[ \u3000]\p{Han})"
    r"|[ \u3000](?<=\p{Han}[ \u3000]\p{Han}[ \u3000])(?=\p{Han}(?:[ \u3000]?$|\s*\n))"
    # spaces next to a number: decided in code from the characters on both sides
    r"|(?P<num>[ \u00a0\u3000]{1,3}+)(?=[0-9０-９\p{Han}%％.．])",
    _regex.MULTILINE,
)
# every alternative of _DELETE starts with one of these
_DELETE_FIRST = " \u3000\u00a0\r\u200b\u200c\u200d\u2060\ufeff\u00ad"


def _deletions(text: str, start: int, end: int, sparse: int = 16) -> list[Any]:
    """``_DELETE.finditer`` over ``text[start:end]``, found faster.

    A report has a few thousand blanks in a million characters: finding them with
    ``str.find`` (memory speed) and matching there costs a third of a pattern scan, which
    tests every character. A text with more than one blank in ``sparse`` characters
    gets the plain scan.
    """
    cands: list[int] = []
    for ch in _DELETE_FIRST:
        k = text.find(ch, start, end)
        while k >= 0 and len(cands) * sparse < end - start:
            cands.append(k)
            k = text.find(ch, k + 1, end)
        if k >= 0:
            return list(_DELETE.finditer(text, start, end))
    cands.sort()
    out = []
    pos = start
    for p in cands:
        if p >= pos:       # finditer's matches do not overlap
            m = _DELETE.match(text, p, end)
            if m:
                out.append(m)
                pos = m.end()
    return out


_DIGITS = frozenset("0123456789０１２３４５６７８９")
_POINTS = frozenset(".．")
# The code points of the CJK unified ideographs (a space after one, before a number, goes).
_CJK_FIRST, _CJK_LAST = 0x4E00, 0x9FFF
_PCT = frozenset("%％")


def _number_space(text: str, s: int, e: int) -> bool:
    """Delete the spaces text[s:e]? 增长 6.5% / 6.5 % / 6.5% 左右 / 1 9 9 3 / 8 ．8 ％."""
    if s == 0 or e >= len(text):
        return False
    p, n = text[s - 1], text[e]
    if n in _DIGITS:
        if p in _PCT or _CJK_FIRST <= ord(p) <= _CJK_LAST:
            return True                                   # 增长 6.5%
        if p in _POINTS and s >= 2 and text[s - 2] in _DIGITS:
            return True                                   # 8 ． 8
        if p in _DIGITS and e - s == 1 and (s < 2 or text[s - 2] not in _DIGITS) \
                and (e + 1 >= len(text) or text[e + 1] not in _DIGITS):
            return True                                   # 1 9 9 3
        return False
    if n in _POINTS:
        return p in _DIGITS and e + 1 < len(text) and text[e + 1] in _DIGITS   # 8 ．8
    return p in _DIGITS or p in _PCT                      # 6.5 %, 6.5% 左右


# The characters a report commonly holds (full-width punctuation and digits, odd spaces):
# each is looked for with ``in``, which runs at memory speed. The rest of a table (full-width
# letters, traditional characters) is probed with one pattern pass.
_COMMON = frozenset("，。：；！？（）％．／＠\u3000\u00a0０１２３４５６７８９")


@lru_cache(maxsize=None)
def _fast_table(traditional: bool) -> tuple[dict[str, str], tuple[str, ...], "re.Pattern[str]"]:
    """The mapping (changed characters only), its common characters, and a pattern for the rest."""
    t = dict(_TABLE)
    if traditional:
        t.update(t2s_table())
        t.update(_TABLE)
    mapping = {chr(c): chr(v) for c, v in sorted(t.items()) if c != v}
    common = tuple(c for c in mapping if c in _COMMON)
    rare = "".join(re.escape(c) for c in mapping if c not in _COMMON)
    return mapping, common, re.compile(f"[{rare}]")


def _translate(s: str, table: tuple[dict[str, str], tuple[str, ...], "re.Pattern[str]"]) -> str:
    """Replace each character the table changes, one character for one.

    A report uses a dozen of them at most: ``str.replace`` per character present runs at
    memory speed, where ``str.translate`` looks up every character of the text (3x slower).
    """
    mapping, common, rare = table
    for ch in common:
        if ch in s:
            s = s.replace(ch, mapping[ch])
    if rare.search(s):
        for ch in set(rare.findall(s)):
            s = s.replace(ch, mapping[ch])
    return s


_NEEDS_TABLE = _regex.compile(r"[\uff01-\uff5e\u3000\u00a0\u2002\u2003\u2009\u202f\u2236\ufe30\u2215\r\f\v\u2028\u2029\x85]")


# Line ends other than \n, each read as \n (one character for one). CR before LF stays: the
# line-based passes know CRLF; a CR alone is a classic-Mac line end.
_LINE_ENDS = ("\v", "\f", "\x85", "\u2028", "\u2029")
_LONE_CR = re.compile(r"\r(?!\n)")


def unify_line_ends(text: str) -> str:
    """``text`` with every line end written ``\n`` (CR alone, VT, FF, NEL, U+2028/2029), same length.

    The clean-up passes read lines of the original text (endnote lines, page numbers, chrome):
    they run on this view so that every line-end form gives the same result as ``\n``.
    Returns ``text`` itself when it holds none of them (no copy).
    """
    for ch in _LINE_ENDS:
        if ch in text:
            text = text.replace(ch, "\n")
    if "\r" in text:
        text = _LONE_CR.sub("\n", text)
    return text


@dataclass
class NormText:
    """The normalised text with a map back to the original."""
    original: str
    text: str
    _bp: list[int] = field(default_factory=list)     # normalised positions where deletions happened
    _cum: list[int] = field(default_factory=list)    # deleted chars before and at each breakpoint
    _obp: list[int] = field(default_factory=list, repr=False)   # built on first use by norm_pos

    def orig(self, i: int) -> int:
        """Original offset of the character at normalised position ``i``."""
        k = bisect.bisect_right(self._bp, i)
        return i + (self._cum[k - 1] if k else 0)

    def orig_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised half-open span to the original text."""
        bp = self._bp
        if not bp:
            return (start, end) if end > start else (start, start)
        k = bisect.bisect_right(bp, start)
        s = start + (self._cum[k - 1] if k else 0)
        if end <= start:
            return s, s
        k = bisect.bisect_right(bp, end - 1, k)      # a span lies after its start
        return s, end - 1 + (self._cum[k - 1] if k else 0) + 1

    def norm_pos(self, orig_i: int) -> int:
        """Normalised position of original offset ``orig_i`` (or of the next kept character)."""
        bp, cum = self._bp, self._cum
        n = len(self.text)
        if not bp:
            return max(0, min(orig_i, n))
        if len(self._obp) != len(bp):
            # original position of the first character kept after each deletion
            self._obp = [b + c for b, c in zip(bp, cum)]
        k = bisect.bisect_right(self._obp, orig_i) - 1
        if k < 0:
            i = min(orig_i, bp[0])                # before the first deletion, or inside it
        else:
            nxt = bp[k + 1] if k + 1 < len(bp) else n
            i = min(orig_i - cum[k], nxt)         # inside a deletion: the next kept character
        return max(0, min(i, n))


def normalize(text: str, drop: Iterable[tuple[int, int]] = (), start: int = 0, end: int | None = None,
              newlines: Iterable[int] = (), replace: Optional[dict[int, str]] = None) -> NormText:
    """Normalise ``text[start:end]``; ``drop`` lists extra original spans to delete (footnotes, debris).

    Offsets of the result still map into the whole of ``text``. Only ``text[start:end]`` is
    read or copied: a file of many reports costs the sum of its reports, not their number
    times its size.
    """
    end = len(text) if end is None else end
    spans = [(m.start(), m.end()) for m in _deletions(text, start, end)
             if m.group("num") is None or _number_space(text, m.start(), m.end())]
    spans.extend((max(s, start), min(e, end)) for s, e in drop if min(e, end) > max(s, start))
    # the report's own slice, with one-for-one replacements: a block tag's last character
    # reads as a line break, a decimal middle dot as a point (14·1%)
    source = _replaced(text, start, end, newlines, replace)
    probe_end = min(end, start + 20000)
    # common characters that only traditional script writes (scripts.json); str.count: memory speed
    markers = default_lang().cached("traditional_markers", lambda lang: lang.words("scripts.json", "traditional_markers"))
    traditional = sum(text.count(c, start, probe_end) for c in markers) >= 5
    table = _fast_table(traditional) if traditional or _NEEDS_TABLE.search(text, start, end) else None
    # everything before the slice counts as deleted: positions of the result map into ``text``
    bp: list[int] = [0] if start > 0 else []
    cum: list[int] = [start] if start > 0 else []
    if not spans:
        return NormText(text, _translate(source, table) if table else source, bp, cum)
    spans.sort()
    pieces: list[str] = []
    pos = start      # original position copied up to
    npos = 0         # normalised length so far
    deleted = start
    for s, e in spans:
        if e <= pos:
            continue
        s = max(s, pos)
        if s > pos:
            pieces.append(source[pos - start:s - start])
            npos += s - pos
        deleted += e - s
        pos = e
        if bp and bp[-1] == npos:
            cum[-1] = deleted
        else:
            bp.append(npos)
            cum.append(deleted)
    pieces.append(source[pos - start:])
    joined = "".join(pieces)
    return NormText(text, _translate(joined, table) if table else joined, bp, cum)


def _replaced(text: str, start: int, end: int, newlines: Iterable[int], replace: Optional[dict[int, str]]) -> str:
    """``text[start:end]`` with the characters at ``newlines`` read as a line break and those of
    ``replace`` replaced (original positions; one character for one, so offsets are kept).

    Built from slices between the changes: a list of the characters would hold one object per
    character (76 bytes for an ideograph), ten times the text."""
    changes = {p: "\n" for p in newlines if start <= p < end}
    changes.update((p, ch) for p, ch in (replace or {}).items() if start <= p < end)
    if not changes:
        return text[start:end]
    pieces: list[str] = []
    pos = start
    for p in sorted(changes):
        pieces.append(text[pos:p])
        pieces.append(changes[p])
        pos = p + 1
    pieces.append(text[pos:end])
    return "".join(pieces)
