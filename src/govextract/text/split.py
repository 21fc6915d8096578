"""Finding the reports in a text that holds several (a compilation, a scraped archive)."""
from __future__ import annotations

from typing import Any, Optional

from .. import _regex
from ..lang import Lang, default_lang
from ..lang.patterns import group

_LOOKBACK = 800


def _words(lang: Lang) -> dict[str, Any]:
    """The words of this module, from the language data (built once per version of it)."""
    return lang.cached("split_words", _build_words)


def _build_words(lang: Lang) -> dict[str, Any]:
    address = lang.words("clauses.json", "address")
    labels = lang.words("debris.json", "page_header_labels")
    return {
        "address": address,
        # The opening address of a report: "各位代表:" followed by the report itself (not
        # "各位代表!" or "各位代表," which recur inside a report).
        "opening": _regex.compile(rf"{group(address)}\s*+[:：]"),
        "header_labels": labels,
        # A government web page opens with its title, then a metadata block (索引号, 发布日期 …):
        # a document that has no opening address (a notice, an excerpt) starts at that title.
        "page_header": _regex.compile(rf"(?m)^[ \t]*+{group(labels)}\s*+[:：]"),
        # the words of a report's title line (工作报告)
        "title_words": lang.words("datelines.json", "title_words"),
    }


def split_spans(text: str, lang: Optional[Lang] = None) -> list[tuple[int, int]]:
    """(start, end) of each report, covering the text without overlap.

    A report starts at the title line before its opening address ("各位代表:"); a page
    without one (a responsibility notice, a plan excerpt) starts at the title line above
    its metadata block. Text before the first start belongs to the first report. The words
    are ``lang``'s (default: the shipped language data).
    """
    w = _words(lang or default_lang())
    has_address = any(a in text for a in w["address"])
    openings = [m.start() for m in w["opening"].finditer(text)] if has_address else []
    headers = _page_starts(text, w)
    if len(openings) <= 1 and len(headers) <= 1:
        return [(0, len(text))]
    starts = [0]
    last_break = text.rfind("\n")
    prev = openings[0] if openings else 0
    for op in openings[1:]:
        lo = max(prev + 1, op - _LOOKBACK)
        # a new report announces itself with a title line; an address without one
        # (older reports open several parts with 各位代表:) stays in the same report
        title_start = _title_line_start(text, lo, op, last_break, w["title_words"])
        if title_start is not None:
            title_start = _back_over_chrome(text, max(prev + 1, op - 4 * _LOOKBACK), title_start)
        if title_start is None or title_start <= starts[-1]:
            continue     # no sign of a new report: a repeated address inside the same one
        starts.append(title_start)
        prev = op
    # page headers: a start unless it falls on (or just above) a start already found
    merged = sorted(set(starts) | {h for h in headers if h > 0})
    kept = [merged[0]]
    for s in merged[1:]:
        if s - kept[-1] < 200 and not text.count("\n", kept[-1], s) > 3:
            continue     # the title seen twice (header block and opening address)
        kept.append(s)
    ends = kept[1:] + [len(text)]
    return list(zip(kept, ends))


def _page_starts(text: str, w: dict[str, Any]) -> list[int]:
    """The title line above each page-header block (the first non-blank line above it)."""
    out: list[int] = []
    block_end = -1           # a header word before this belongs to the block of out[-1]
    for w_start in _regex.find_all(text, w["header_labels"]):
        ls = w_start         # the word opens its line: only blanks before it
        while ls > 0 and text[ls - 1] in " \t":
            ls -= 1
        if ls > 0 and text[ls - 1] != "\n":
            continue
        m = w["page_header"].match(text, ls)     # a colon follows the word
        if not m:
            continue
        pos = m.start()
        # only the first metadata line of a block counts (within six lines of its title)
        if out and pos <= block_end:
            continue
        line_end = pos - 1                       # the newline that ends the line above
        title = text.rfind("\n", 0, max(0, line_end)) + 1 if line_end > 0 else 0
        while title > 0 and not text[title:line_end].strip():   # skip blank lines
            line_end = title - 1
            title = text.rfind("\n", 0, line_end) + 1
        out.append(title)
        block_end = _nth_line_end(text, title, _BLOCK_LINES + 1)
    return out


_BLOCK_LINES = 6     # a page's metadata block follows its title within this many lines


def _nth_line_end(text: str, pos: int, n: int) -> int:
    """Position of the ``n``-th line break at or after ``pos`` (the text's end if there are fewer)."""
    k = pos - 1
    for _ in range(n):
        k = text.find("\n", k + 1)
        if k < 0:
            return len(text)
    return k


_TITLE_MAX = 80     # a title line is at most this long


def _title_line_start(text: str, lo: int, hi: int, last_break: int, title_words: tuple[str, ...]) -> int | None:
    """Start of the first short line naming a work report (``title_words``) in text[lo:hi]
    (``last_break``: the position of the text's last line break)."""
    for i in _regex.find_all(text, title_words, lo, hi):
        ls = text.rfind("\n", lo, i) + 1 if text.rfind("\n", lo, i) >= 0 else lo
        # the line's end is looked for within a title's length only (a one-line scrape
        # holds thousands of titles); a text without a break after the title ends at ``hi``
        le = text.find("\n", i, ls + _TITLE_MAX + 1)
        if le < 0 and last_break < i:
            le = hi              # no line break after the title at all
        if 0 <= le and le - ls <= _TITLE_MAX:
            return ls
    return None


def _back_over_chrome(text: str, lo: int, pos: int) -> int:
    """Move a report's start back over the block of page chrome printed right above its title.

    Blank lines may stand between the title and that block; a blank line above the block
    ends it (what lies above is the previous page's footer).
    """
    from .cleanup import is_debris_line, is_footer_line
    start = pos
    in_block = False
    while start > lo:
        ls = text.rfind("\n", lo, start - 1) + 1
        if ls <= lo:
            break
        line = text[ls:start - 1]
        if not line.strip():
            if in_block:
                break
        elif is_debris_line(line) and not is_footer_line(line):
            in_block = True
            pos = ls
        else:
            break
        start = ls
    return pos
