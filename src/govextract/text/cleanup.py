"""What the text layer removes before extraction, as spans of the original text.

- inline footnotes ``[[[]三类资金:是指…]]`` become ``Report.notes`` and are cut out of
  the sentence they interrupt;
- footnote markers (``[1]``, ``①`` after a word, superscript digits);
- HTML tags, scripts, styles and entities (the text between tags is kept);
- web-page debris: forum chrome, login prompts, menus, copyright footers, counters.

Nothing is rewritten: the spans are deleted in the normalised view only, so all
offsets stay offsets into the caller's text.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterator

import html
import re

import regex

from .. import _regex
from .._data import load_json
from ..lang import Lang, default_lang
from ..lang.patterns import CN_ITEM_DIGITS, ORDINAL_PREFIX, ORDINAL_PREFIXES, group
from ..model import Note

_FOOTNOTE = _regex.compile(r"\[\[\[\](?P<body>[^\[\]\n]{1,800}+)\]\]")
# stdlib re scans these simple patterns faster than regex; none can backtrack
_MARKER = re.compile(r"[\[［][0-9０-９]{1,2}[\]］]|[\u00b9\u00b2\u00b3\u2070-\u2079]+|[\u2460-\u2473]")
_MARK_PROBE = re.compile(r"[\[［\u00b9\u00b2\u00b3\u2070-\u2079\u2460-\u2473]")   # most texts have none
_HAN = _regex.compile(r"[\p{Han}”%]")
# Every repetition is possessive and bounded: a page of unclosed tags or quotes costs a
# bounded amount per tag, never a rescan of the rest of the page.
_TAG = _regex.compile(
    r"<(?P<close>/)?+(?P<name>[A-Za-z][A-Za-z0-9]{0,10}+)"
    r"(?:[^<>\"']{1,2000}+|\"[^\"<>]{0,2000}+\"|'[^'<>]{0,2000}+'){0,64}+>"
    r"|<!--[^>]{0,5000}?-->|<![A-Za-z][^<>]{0,2000}+>")
_SCRIPT_OPEN = _regex.compile(r"<(script|style|noscript)\b", _regex.IGNORECASE)
_ENTITY = _regex.compile(r"&(?:[A-Za-z]{2,8}+|#[0-9]{1,6}+|#x[0-9A-Fa-f]{1,6}+);")
_BLOCK_TAGS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "article",
               "ul", "ol", "td", "th", "title", "body", "html", "head", "header", "footer", "nav", "blockquote"}
_ITEM = _regex.compile(rf"[{CN_ITEM_DIGITS}]{{1,3}}、|\([{CN_ITEM_DIGITS}0-9]{{1,3}}\)|[0-9]{{1,3}}\.(?![0-9])")
_HTML_PROBE = _regex.compile(r"<(?:p|div|br|html|body|span|table|td|a|font|strong|b)\b[^<>]*+>", _regex.IGNORECASE)


@lru_cache(maxsize=None)
def _debris_re() -> "regex.Pattern[str]":
    words = load_json("debris.json")["line_keywords"]
    pat: "regex.Pattern[str]" = _regex.compile("|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True)), short=True)
    return pat


@dataclass
class Noise:
    drop: list[tuple[int, int]] = field(default_factory=list)   # original spans to delete
    newlines: list[int] = field(default_factory=list)           # original positions read as a line break
    notes: list[Note] = field(default_factory=list)
    debris: list[tuple[int, int]] = field(default_factory=list)
    endnotes: list[tuple[int, int]] = field(default_factory=list)   # note lines kept in the text
    replace: dict[int, str] = field(default_factory=dict)           # one character read as another


def find_noise(text: str, start: int = 0, end: int | None = None) -> Noise:
    end = len(text) if end is None else end
    noise = Noise()
    if "[[[]" in text[start:end]:
        _footnotes(text, start, end, noise)
    lines = _line_spans(text, start, end)
    _endnotes(text, start, end, noise)
    _page_numbers(text, start, end, noise, lines)
    _number_formats(text, start, end, noise)
    _join_wrapped_lines(text, start, end, noise, lines)
    _join_split_figures(text, noise, lines)
    for m in (_MARKER.finditer(text, start, end) if _MARK_PROBE.search(text, start, end) else ()):
        # a marker follows the word it annotates; "[1]" at a line start is an item number
        if m.start() > 0 and _HAN.match(text, m.start() - 1):
            noise.drop.append((m.start(), m.end()))
    if text.find("<", start, min(end, start + 200_000)) >= 0 and _HTML_PROBE.search(text, start, min(end, start + 200_000)):
        _html_markup(text, start, end, noise)
    _debris_lines(text, start, end, noise, lines)
    return noise


def _footnotes(text: str, start: int, end: int, noise: Noise) -> None:
    """Inline footnotes ([[[term: explanation]]]): kept as notes, anchored to the term before them, dropped from the text."""
    for m in _FOOTNOTE.finditer(text, start, end):
        body = m.group("body")
        term, sep, expl = body.partition(":") if ":" in body else body.partition("：")
        term = term.strip()
        note = Note(term=term if sep else "", text=expl.strip() if sep else body.strip(), start=m.start(), end=m.end())
        if sep and term:
            look = text.rfind(term, max(start, m.start() - len(term) - 4), m.start())
            if look >= 0:
                note.anchor_start, note.anchor_end = look, look + len(term)
        noise.notes.append(note)
        noise.drop.append((m.start(), m.end()))


def _html_markup(text: str, start: int, end: int, noise: Noise) -> None:
    """Tags, scripts and entities of HTML: dropped, a block tag read as one line break."""
    for s, e in _script_blocks(text, start, end):
        noise.drop.append((s, e))
    last_block_end = -1
    for m in _TAG.finditer(text, start, end):
        name = (m.group("name") or "").lower()
        if name in _BLOCK_TAGS and last_block_end >= 0 and not text[last_block_end:m.start()].strip():
            noise.drop.append((m.start(), m.end()))     # </p><p>: one break, not a blank line
            last_block_end = m.end()
            continue
        if name == "br" and m.start() > 0 and text[m.start() - 1] in ",，、":
            noise.drop.append((m.start(), m.end()))   # a break after a comma goes on the sentence
        elif name in _BLOCK_TAGS:
            k = m.end()
            while k < end and text[k] in " \t":
                k += 1
            if k < end and text[k] in "\r\n":
                noise.drop.append((m.start(), m.end()))    # the source's own line break suffices
            else:
                noise.drop.append((m.start(), m.end() - 1))
                noise.newlines.append(m.end() - 1)
            last_block_end = m.end()
        else:
            noise.drop.append((m.start(), m.end()))
    _entities(text, start, end, noise)


def _entities(text: str, start: int, end: int, noise: Noise) -> None:
    """HTML entities: &#37; reads as %, its last character standing for it (offsets kept)."""
    for m in _ENTITY.finditer(text, start, end):
        ch = html.unescape(m.group())
        if len(ch) == 1 and ch != m.group():
            noise.drop.append((m.start(), m.end() - 1))
            noise.replace[m.end() - 1] = " " if ch == "\u00a0" else ch
        else:
            noise.drop.append((m.start(), m.end()))


def _line_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each line of ``text[start:end]``, the end at its \\n (or at ``end``).

    One split serves the line-based passes (page numbers, wrapped lines, debris): far
    cheaper than a pattern pass each.
    """
    out = []
    pos = start
    for line in text[start:end].split("\n"):
        e = pos + len(line)
        out.append((pos, e))
        pos = e + 1
    return out


@lru_cache(maxsize=None)
def _footer_re() -> "regex.Pattern[str]":
    words = load_json("debris.json")["footer_keywords"]
    pat: "regex.Pattern[str]" = _regex.compile("|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True)), short=True)
    return pat


def is_footer_line(line: str) -> bool:
    """Chrome that closes a page (返回顶部, 版权所有, ICP备 …)."""
    return _footer_re().search(line) is not None


# An endnote line: "[2]“210”标准:是指…" opening a line (after blanks or a block tag),
# its marker in ASCII or full-width brackets and digits; the note ends with its line or
# at the next tag. Found from the bracket (str.find), checked before it in code.
_ENDNOTE_AT = re.compile(r"[\[［]([0-9０-９]{1,3})[\]］]([^\n<]{2,800})(?=\n|<|$)")
_NOTE_MARK = re.compile(r"[\[［]([0-9０-９]{1,3})[\]］]")
_SIMPLE_TAG = re.compile(r"</?(?P<name>[A-Za-z][A-Za-z0-9]{0,10})\b[^<>\n]{0,200}>")
_TAG_BEFORE = 220          # the longest tag _SIMPLE_TAG reads before an endnote's bracket
_BLANKS = " \t\u3000"


def _opens_line(text: str, k: int) -> bool:
    """Does the bracket at ``k`` open a line: only blanks between it and a line start or a
    block tag (``<p>``, ``</p>``, ``<br>`` … end a line on a page)?"""
    while k > 0 and text[k - 1] in _BLANKS:
        k -= 1
    if k == 0 or text[k - 1] == "\n":
        return True
    if text[k - 1] != ">":
        return False
    lt = text.rfind("<", max(0, k - _TAG_BEFORE), k)
    m = _SIMPLE_TAG.fullmatch(text, lt, k) if lt >= 0 else None
    return m is not None and m.group("name").lower() in _BLOCK_TAGS


def _endnotes(text: str, start: int, end: int, noise: Noise) -> None:
    """Notes gathered at the end of a report: lines "[2]“210”标准:是指…", each anchored to
    its marker "[2]" in the body. The lines stay in the text; they are marked as notes."""
    cands = _regex.find_all(text, ("[", "［"), start, end)
    lines = []
    for k in cands:
        m = _ENDNOTE_AT.match(text, k, end) if _opens_line(text, k) else None
        if m:
            lines.append(m)
    if not lines:
        return
    # the first marker in running text (not opening a line) for each note number: one pass
    first: dict[int, int] = {}
    note_starts = {m.start() for m in lines}
    for mm in _NOTE_MARK.finditer(text, start, lines[-1].start()):
        k = mm.start()
        if k not in note_starts and not (k == 0 or text[k - 1] == "\n"):
            first.setdefault(int(mm.group(1)), k)
    for m in lines:
        body = m.group(2)
        term, sep, expl = body.partition(":") if ":" in body else body.partition("：")
        note = Note(term=term.strip() if sep else "", text=(expl if sep else body).strip(),
                    start=m.start(), end=m.end())
        k = first.get(int(m.group(1)), -1)
        if 0 <= k < m.start():
            mark = _NOTE_MARK.match(text, k)
            note.anchor_start, note.anchor_end = k, mark.end() if mark else k
        noise.notes.append(note)
        noise.endnotes.append((m.start(), m.end()))


_SCRIPT_CLOSE = {name: _regex.compile(f"</{name}", _regex.IGNORECASE) for name in ("script", "style", "noscript")}


def _script_blocks(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """<script>…</script> (and style, noscript) blocks; an unclosed one runs to the end.

    The closing tag is searched without folding the text's case: lower-casing changes the
    length of some characters (İ), and every offset after them would move."""
    pos = start
    while pos < end:
        m = _SCRIPT_OPEN.search(text, pos, end)
        if not m:
            return
        cm = _SCRIPT_CLOSE[m.group(1).lower()].search(text, m.end(), end)
        if cm is None:
            yield m.start(), end
            return
        gt = text.find(">", cm.start(), end)
        stop = end if gt < 0 else gt + 1
        yield m.start(), stop
        pos = stop


def _page_patterns() -> dict[str, "re.Pattern[str]"]:
    """The page-number line (``number``: with its line break; ``line``: alone) and the opening of
    a line that starts an item (``item_open``), from the language data."""
    return default_lang().cached("page_number_lines", _build_page_patterns)


def _build_page_patterns(lang: Lang) -> dict[str, "re.Pattern[str]"]:
    cn = CN_ITEM_DIGITS
    page, total = group(lang.words("debris.json", "page_nouns")), group(lang.words("debris.json", "page_total_words"))
    # a page-number line: "— 1 —", "- 2 -", "第3页共9页", blanks around, no break
    body = (rf"[ \t\u3000]*(?:[-—–]+[ \t\u3000]*[0-9]{{1,4}}[ \t\u3000]*[-—–]+"
            rf"|{ORDINAL_PREFIX}[0-9]{{1,4}}{page}(?:{total}[0-9]{{1,4}}{page})?)[ \t\u3000]*\r?")
    return {
        "number": re.compile(rf"^{body}\n", re.MULTILINE),
        "line": re.compile(body),
        "item_open": re.compile(
            rf"[ \t\u3000]*(?:[{cn}]{{1,3}}、|[(（][{cn}0-9]{{1,3}}[)）]|[0-9]{{1,3}}[.、．](?![0-9])"
            rf"|{ORDINAL_PREFIX}[{cn}]{{1,3}}|——|[-•·]|{group(lang.words('parts.json', 'attachment_words'))})"),
    }


_ORDINAL_FIRST = "".join(p[0] for p in ORDINAL_PREFIXES)     # 第
_PAGE_FIRST = ("-", "—", "–", *_ORDINAL_FIRST)
_PAGE_OPEN = frozenset("-—– \t\u3000" + _ORDINAL_FIRST)
_SENTENCE_END = "。!?！？:：;；”)）"


# Both start with the rare mark, not with a lookbehind tried at every position.
_DECIMAL_DOT = re.compile(r"[·・](?<=[0-9０-９][·・])(?=[0-9０-９])")
_THOUSANDS_SEP = re.compile(r"[,，](?=[0-9０-９]{3}(?![0-9０-９]))")
_DIGITS = "0123456789０１２３４５６７８９"
_THOUSANDS_PROBE = re.compile(r"[0-9０-９][,，][0-9０-９]{3}")


def _number_formats(text: str, start: int, end: int, noise: Noise) -> None:
    """Older ways of writing numbers: 14·1％ (a middle dot for the decimal point) and
    34，250万吨 (thousands separators): the dot reads as a point, the separators are dropped."""
    dots = text.find("·", start, end) >= 0 or text.find("・", start, end) >= 0    # this report only
    for m in (_DECIMAL_DOT.finditer(text, start, end) if dots else ()):
        noise.replace[m.start()] = "."
    if not _THOUSANDS_PROBE.search(text, start, end):
        return
    last_sep = -10
    for m in _THOUSANDS_SEP.finditer(text, start, end):
        k = m.start()
        j = k          # the digits before the separator: 1 to 3 of them, opening the number
        while j > start and text[j - 1] in _DIGITS and k - j < 4:
            j -= 1
        first_group = 1 <= k - j <= 3 and (j == start or text[j - 1] not in _DIGITS + ".．,，")
        next_group = k - j == 3 and last_sep == j - 1          # 1,234,567: the same number goes on
        if first_group or next_group:
            noise.drop.append((k, k + 1))
            last_sep = k


def _page_numbers(text: str, start: int, end: int, noise: Noise, lines: list[tuple[int, int]]) -> None:
    """Page numbers of a PDF dump ("— 1 —", "- 2 -", "第3页"): whole lines, dropped with their break."""
    for s, e in [(s, e) for s, e in lines if e > s and text[s] in _PAGE_OPEN]:
        if e >= end or (s == start and s > 0 and text[s - 1] != "\n"):
            continue      # a page number is a whole line, ended by its break
        if text[s:e].lstrip(" \t\u3000")[:1] in _PAGE_FIRST and _page_patterns()["line"].fullmatch(text, s, e):
            noise.drop.append((s, e + 1))
            noise.debris.append((s, e + 1))


_WRAP_SAMPLE = 300
_GOES_ON = frozenset(",，、 \t\u3000\r")


def _join_wrapped_lines(text: str, start: int, end: int, noise: Noise, lines: list[tuple[int, int]]) -> None:
    """A line break inside a sentence is no boundary (PDF dumps wrap lines at a fixed width).

    A break after 、 or , always goes on the sentence; in a hard-wrapped text (most long lines
    of a sample end without sentence punctuation) any break between two lines of text does,
    unless one of the lines is a heading or an item.
    """
    wrapped = _is_wrapped(lines, text)
    pats = _page_patterns()
    breaks = []
    # every line but the last ends with \n; unless the text is wrapped, only a line that
    # ends with a comma (or blanks) can go on
    for s, e in lines[:-1] if wrapped else [(s, e) for s, e in lines[:-1] if e > s and text[e - 1] in _GOES_ON]:
        b = e - 1 if e > s and text[e - 1] == "\r" else e
        if not wrapped:
            k = b           # a break after 、 or , (blanks between them allowed)
            while k > s and text[k - 1] in " \t\u3000":
                k -= 1
            if k == s or text[k - 1] not in ",，、":
                continue
        breaks.append((b, e + 1))
    for k, (s, e) in enumerate(breaks):
        a = text.rfind("\n", start, s) + 1 if text.rfind("\n", start, s) >= 0 else start
        line = text[a:s].rstrip(" \t\u3000\r")
        ne = text.find("\n", e, end)
        nxt = text[e:end if ne < 0 else ne]
        pm = pats["number"].match(text, e)
        if pm and ne >= 0:
            # 控制在\n— 1 —\n3.5%以内: the page number is dropped; the sentence goes on after it
            ne2 = text.find("\n", pm.end(), end)
            nxt = text[pm.end():end if ne2 < 0 else ne2]
        if not line or not nxt.strip() or pats["item_open"].match(nxt) or pats["item_open"].match(line):
            continue
        last = line[-1]
        if last in ",，、" or (wrapped and len(line.strip()) >= 15 and last not in _SENTENCE_END
                                and nxt.lstrip()[:1] not in ("—", "-", "<")):
            noise.drop.append((s, e))


# Blanks that a scrape leaves between a figure and its unit: spaces, zero-width characters.
_GAP_BLANKS = " \t\u3000\u00a0\u200b\u200c\u200d\u2060\ufeff\r"
# A figure and its unit are never more than this many blank lines apart.
MAX_FIGURE_GAP_LINES = 3


@lru_cache(maxsize=None)
def _unit_starts() -> frozenset[str]:
    """The first characters of every unit and magnitude word (and %): what may follow a figure."""
    u = load_json("units.json")
    return frozenset([w[0] for w in (*u["units"], *u["magnitudes"])] + ["%", "％"])


def _join_split_figures(text: str, noise: "Noise", lines: list[tuple[int, int]]) -> None:
    """A figure cut from its unit by a line break, blank lines or zero-width characters
    (``98.6⏎\u200b⏎亿元`` in a scraped page) is one figure: the gap is dropped."""
    units = _unit_starts()
    n = len(lines)
    for k, (s, e) in enumerate(lines[:-1]):
        b = e
        while b > s and text[b - 1] in _GAP_BLANKS:
            b -= 1
        if b == s or not text[b - 1].isdigit():
            continue
        j = k + 1
        while j < n and j - k <= MAX_FIGURE_GAP_LINES and not text[lines[j][0]:lines[j][1]].strip(_GAP_BLANKS):
            j += 1
        if j >= n or j - k > MAX_FIGURE_GAP_LINES:
            continue
        a = lines[j][0]
        while a < lines[j][1] and text[a] in _GAP_BLANKS:
            a += 1
        if a < lines[j][1] and text[a] in units:
            noise.drop.append((b, a))


def _is_wrapped(lines: list[tuple[int, int]], text: str) -> bool:
    """Most long lines of the first few hundred end mid-sentence: a hard-wrapped dump."""
    n_long = n_open = 0
    for s, e in lines[:-1][:_WRAP_SAMPLE]:        # lines ended by a break
        line = text[s:e].strip()
        if len(line) >= 15:
            n_long += 1
            n_open += line[-1] not in _SENTENCE_END
    return n_long >= 3 and n_open * 2 > n_long


def is_debris_line(line: str) -> bool:
    """A short line of page chrome (login prompts, counters, menus)."""
    line = line.strip()
    return (len(line) <= 80 and _debris_re().search(line) is not None and not _holds_keep_word(line)
            and "。" not in line[:-1] and not _ITEM.match(line))


def _line_at(text: str, pos: int, start: int, end: int) -> tuple[int, int]:
    ls = text.rfind("\n", start, pos) + 1 if text.rfind("\n", start, pos) >= 0 else start
    le = text.find("\n", pos, end)
    return ls, (end if le < 0 else le)


def _debris_lines(text: str, start: int, end: int, noise: Noise, lines: list[tuple[int, int]]) -> None:
    """Lines of page chrome, and the short lines sandwiched between them.

    One keyword scan finds the candidate lines; only those, and the lines between two of
    them, are looked at (most documents have none).
    """
    # chrome lines are short
    hit_lines = [(s, e) for s, e in lines if 2 <= e - s <= 120 and is_debris_line(text[s:e])]
    if len(hit_lines) < 2:
        return
    # chrome comes in clusters; a lone keyword line ("(三)深入开展主题教育") is report text
    def lines_between(a: tuple[int, int], b: tuple[int, int]) -> list[tuple[int, int]]:
        out, pos = [], a[1] + 1
        while pos < b[0]:
            le = text.find("\n", pos, b[0])
            le = b[0] - 1 if le < 0 else le
            if text[pos:le].strip():
                out.append((pos, le))
            pos = le + 1
        return out

    gaps = [lines_between(a, b) for a, b in zip(hit_lines, hit_lines[1:])]
    near = [len(g) < 6 for g in gaps]
    marked: set[tuple[int, int]] = set()
    for k, line in enumerate(hit_lines):
        if (k > 0 and near[k - 1]) or (k < len(gaps) and near[k]):
            marked.add(line)
    for k, g in enumerate(gaps):
        a, b = hit_lines[k], hit_lines[k + 1]
        if a in marked and b in marked and len(g) < 12 and all(_is_short(text[s:e]) for s, e in g):
            marked.update(g)
    for s, e in sorted(marked):
        noise.drop.append((s, e))
        noise.debris.append((s, e))


def _is_short(line: str) -> bool:
    line = line.strip()
    return len(line) <= 24 and "。" not in line and not _holds_keep_word(line)


def _holds_keep_word(line: str) -> bool:
    """Does ``line`` hold a word that is never chrome (``debris.json`` ``keep_words``: the report's title)?"""
    keep = default_lang().cached("debris_keep_words", lambda lang: lang.words("debris.json", "keep_words"))
    return any(w in line for w in keep)
