"""Report metadata: region, level, years, speaker, session date, document kind.

The rules read the *opening* of a report, wherever it starts (a web page may put its
chrome, a ``<title>`` and navigation lines before it): the **dateline** that says when and
to which congress the report was delivered (``2024年1月22日在江城市第九届人民代表大会第二次
会议上``), the short lines around it, and the **address** that opens the speech
(``各位代表：``). A speaker is read only there, in one of the shapes openings print:

- a run-in line: ``…第二次会议上江城市人民政府市长林志强作政府工作报告。``
- date, title and name before the meeting: ``——2024年1月9日市长 林志强在江城市…会议上的讲话``
- the name before the title: ``2024年1月10日林志强市长在江城市…会议的政府工作报告``
- a line of its own, the name on the next line when the title ends its line:
  ``江城市人民政府市长⏎　林　志强`` (blanks inside a name are layout: ``林志强``)
- a name with no title glued to the address: ``…第一次会议上陈立新各位代表：`` (title null)
- a caption or news lead before the address: ``市长李建国作政府工作报告``

Every word comes from the language data (``speakers.json``, ``datelines.json``,
``admin_units.json``, ``regions.json``) through the pipeline's :class:`~govextract.lang.Lang`.
Every pass is bounded to the head of the text (``HEAD_SCAN``) and linear in it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Iterator, Optional

from .. import _regex
from ..document import Doc
from ..lang import Lang, default_lang
from ..lang.patterns import CN_ZERO, DATE, DATE_PARTS, MONTH_DAY, ORDINAL, YEAR, YEAR_CHAR, YEAR_DIGITS, group
from ..model import Check, Span
from ..numbers.numerals import NumeralError, parse_chinese_numeral

# The opening of a report is looked for this far into the text: web chrome, a <title> and
# navigation lines can stand before it (bulk reports carry up to 18,000 characters of them).
HEAD_SCAN = 30_000
# A title naming a work report stands in the first lines of a document.
TITLE_SCAN = 1_500
# Issuer fields and "…人民政府" mentions of a notice or plan page stand in its header.
ISSUER_SCAN = 6_000
# The address opens the speech within this many characters of the dateline (or of the text).
ADDRESS_NEAR = 6_000
# A dateline's date and place stand within this many characters before its congress word.
DATELINE_BACK = 80
# A run-in speaker stands within this many characters after the meeting words.
DATELINE_TAIL = 80
# Title and speaker lines stand within this many non-blank lines of the dateline or the address.
OPENING_LINES = 6
# A line of the opening is short; a longer line is body text (a run-in dateline is read by its anchor).
LINE_MAX = 200
# A date is at most this long (二〇二三年十二月二十八日).
DATE_MAX = 16
# A personal name with its inner blanks is at most this long (dotted names: 吾肉孜阿力·哈西哈尔巴依).
NAME_SCAN = 24
# Layout between a title and its name: blanks, bold marks, a colon or a dash (市长——余学友).
LAYOUT_MAX = 8
# A caption's speaker stands within this many characters before the report it delivers.
CAPTION_BACK = 60
# Congress words and report words examined in the opening before giving up.
MAX_ANCHORS = 64
# The longest administrative unit name (克孜勒苏柯尔克孜自治州 has 11 characters).
UNIT_MAX = 16
# A government found only by how often the head names it must be named this often.
MIN_NAMED = 3
# Assignment labels of a responsibility notice are counted in this much of the text.
ASSIGN_SCAN = 200_000
# The document kind looks for plan words near the top only.
DOC_KIND_HEAD = 4_000
# A date printed right under the title ("(2020年12月27日)") stands this close to it ...
DATE_UNDER_TITLE = 40
# ... within the first characters of the text.
DATE_UNDER_TITLE_SCAN = 300

_BLANKS = " \t"
# A plain personal name: 2 to 5 characters (乌云其木格), blanks inside only up to 4 (林 志强).
_NAME_MIN, _NAME_MAX, _NAME_BLANKED_MAX = 2, 5, 4
# Each part of a dotted name (阿不都热依木·买买提) has 1 to 10 characters.
_PART_MAX = 10
# A name printed before its title (林志强市长) has 2 to 4 characters, or is dotted.
_NAME_BEFORE_MAX = 4


def _is_han(c: str) -> bool:
    o = ord(c)
    return (0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF
            or 0x20000 <= o <= 0x3134F or o == 0x3007)


# -- language data -------------------------------------------------------------------------

@dataclass(frozen=True)
class _Vocab:
    """The meta rules' words and the patterns built from them, once per version of the data."""
    title_re: Any
    title_levels: dict[str, tuple[str, ...]]
    dots: frozenset[str]
    deputy_prefixes: tuple[str, ...]
    not_in_names: frozenset[str]
    not_name_words: tuple[str, ...]
    layout: frozenset[str]
    end_re: Any                  # what closes a name for sure: its line's end, a mark, a blank and a date
    word_re: Any                 # words that may follow a name in a run-in line (作, 各位代表, 同志)
    caption_term_re: Any         # what follows a name in a caption: the verb of delivering
    address_words: tuple[str, ...]
    congress_words: tuple[str, ...]
    before_congress_re: Any
    after_congress_re: Any
    at_words: tuple[str, ...]
    date_re: Any
    caption_anchors: tuple[str, ...]
    day_parts: tuple[str, ...]
    clause_marks: tuple[str, ...]
    county_under_prefecture: tuple[str, ...]
    suffixes: tuple[str, ...]
    suffix_levels: dict[str, str]
    short_forms: dict[str, str]
    stems_by_suffix: dict[str, Any]          # suffix → (pattern of stems, stem → listed name)
    gov_words: tuple[str, ...]
    national_names: tuple[str, ...]
    not_name_stems: frozenset[str]
    speech_openers: tuple[str, ...]
    known_levels: dict[str, str]
    title_line_re: Any
    issuer_re: Any
    excerpt_re: Any
    opener_gov_re: Any
    known_gov_re: Any
    meeting_end_re: Any
    opener_bare_re: Any
    notice_labels: tuple[str, ...]
    plan_excerpt_words: tuple[str, ...]
    plan_excerpt_head_words: tuple[str, ...]


def _known_levels(lang: Lang) -> dict[str, str]:
    """Full names of regions.json with their level (county-level cities listed last win least)."""
    out: dict[str, str] = {}
    for key, level in (("county_level_cities", "county"), ("prefecture_level_other", "city"),
                       ("prefecture_level_cities", "city"), ("municipalities", "province"),
                       ("provinces", "province")):
        for name in lang.words("regions.json", key):
            out[name] = level
    return out


def _stems(name: str, suffixes: tuple[str, ...], short_suffixes: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """(stem, short suffix) pairs a listed name is also written with: 恩施土家族苗族自治州 →
    (恩施, 州), (恩施土家族, 自治州) …; 长沙市 → (长沙, 市)."""
    for full, shorts in short_suffixes.items():
        if name.endswith(full):
            stem = name[:-len(full)]
            for cut in range(2, len(stem) + 1):
                for short in shorts:
                    yield stem[:cut], short
            return
    for suf in suffixes:
        if name.endswith(suf) and len(name) - len(suf) >= 2:
            yield name[:-len(suf)], suf
            return


def _short_forms(known: dict[str, str], suffixes: tuple[str, ...],
                 short_suffixes: dict[str, Any]) -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    """Short forms that name one listed unit only (恩施州 → 恩施土家族苗族自治州, 新疆自治区 →
    新疆维吾尔自治区), and by suffix the stems that name one listed unit (市: 长沙 → 长沙市).

    A short form is a stem of two or more characters of the full name (ethnic names dropped)
    with a short suffix; it is kept when no other listed name shortens to it and it is not
    itself a listed name.
    """
    forms: dict[str, set[str]] = {}
    stems: dict[str, dict[str, set[str]]] = {}
    for name in known:
        for stem, short in _stems(name, suffixes, short_suffixes):
            if stem + short != name:
                forms.setdefault(stem + short, set()).add(name)
            full = next(f for f in suffixes if name.endswith(f))
            if known[name] != "county":     # stems of county-level cities are common words: 合作, 安宁
                stems.setdefault(full, {}).setdefault(stem, set()).add(name)
    return ({f: next(iter(ns)) for f, ns in forms.items() if len(ns) == 1 and f not in known},
            {suf: {st: next(iter(ns)) for st, ns in by.items() if len(ns) == 1} for suf, by in stems.items()})


def _char_class(chars: frozenset[str]) -> str:
    return "".join("\\" + c if c in "\\]^-[" else c for c in sorted(chars))


def _spaced(words: tuple[str, ...]) -> str:
    """An alternation of ``words`` that letter-spaced lines print with blanks inside (市  长)."""
    return "(?:" + "|".join("[ \t]{0,3}".join(_regex_escape(c) for c in w)
                           for w in sorted(words, key=len, reverse=True)) + ")"


def _regex_escape(c: str) -> str:
    return "\\" + c if not c.isalnum() else c


def _build(lang: Lang) -> _Vocab:
    def sp(k: str) -> tuple[str, ...]:
        return lang.words("speakers.json", k)

    def dl(k: str) -> tuple[str, ...]:
        return lang.words("datelines.json", k)

    def au(k: str) -> tuple[str, ...]:
        return lang.words("admin_units.json", k)

    dots = frozenset(sp("name_dots"))
    # a name ends at its line's end or a mark that is not a letter (a blank and a date, a
    # bracket, a bold mark); in a run-in line at the address, an honorific or the verb
    after = group(dl("address_words") + sp("honorifics") + sp("after_name"))
    suffix_levels = lang.mapping("admin_units.json", "suffix_levels")
    suffixes = tuple(sorted(suffix_levels, key=len, reverse=True))
    known = _known_levels(lang)
    short_forms, stems = _short_forms(known, suffixes, lang.mapping("admin_units.json", "short_suffixes"))
    national = au("national_names")
    gov = group(au("government_words"))
    unit = rf"\p{{Han}}{{1,{UNIT_MAX}}}?{group(suffixes)}"
    return _Vocab(
        title_re=_regex.compile(
            rf"(?P<dep>{group(sp('deputy_prefixes'))})?+(?P<act>{group(sp('acting_prefixes'))})?+"
            rf"(?P<t>{_spaced(sp('titles'))})"),
        title_levels={k: tuple(v) for k, v in lang.mapping("speakers.json", "title_levels").items()},
        dots=dots,
        deputy_prefixes=sp("deputy_prefixes"),
        not_in_names=frozenset(sp("not_in_names")),
        not_name_words=sp("not_name_words"),
        layout=frozenset(sp("name_layout")) | frozenset(_BLANKS),
        end_re=_regex.compile(rf"[ \t]*+(?:$|\n|(?![{_char_class(dots)}])[^\p{{L}}])", _regex.MULTILINE),
        word_re=_regex.compile(rf"[ \t]*+{after}"),
        caption_term_re=_regex.compile(rf"[ \t]*+{group(sp('after_name') + sp('honorifics'))}"),
        address_words=dl("address_words"),
        congress_words=dl("congress_words"),
        # the end of the text before a congress word: 第九届 (全国 for the national congress)
        before_congress_re=_regex.compile(
            rf"[ \t]*+(?:{ORDINAL}{group(dl('term_words'))})?+[ \t]*+"
            rf"(?P<nat>{group(dl('national_markers'))})?+[ \t]*+\Z"),
        # after it: 第二次会议上, 第一次全体会议, 会议通过
        after_congress_re=_regex.compile(
            rf"[\s{_char_class(frozenset(sp('name_layout')))}]{{0,8}}+(?P<ses>{ORDINAL}{group(dl('session_words'))})?+[ \t]*+"
            rf"(?P<meet>{group(dl('meeting_words'))})?+(?P<end>{group(dl('meeting_endings'))})?+"),
        at_words=dl("at_words"),
        date_re=_regex.compile(rf"{DATE}|{MONTH_DAY}"),
        caption_anchors=dl("caption_anchors"),
        day_parts=dl("day_parts"),
        clause_marks=dl("clause_marks"),
        county_under_prefecture=au("county_under_prefecture"),
        suffixes=suffixes,
        suffix_levels=suffix_levels,
        short_forms=short_forms,
        stems_by_suffix={suf: (_regex.compile(group(by)), by) for suf, by in stems.items()},
        gov_words=au("government_words"),
        national_names=national,
        not_name_stems=frozenset(au("not_name_stems")),
        speech_openers=au("speech_openers"),
        known_levels=known,
        title_line_re=_regex.compile(
            rf"(?:{YEAR})?+(?P<region>{group(national)}|\p{{Han}}{{2,14}}?{group(suffixes)})?(?:{YEAR})?+"
            rf"{gov}{group(dl('title_words'))}"),
        issuer_re=_regex.compile(rf"{group(dl('issuer_labels'))}\s*+:\s*+(?P<region>{unit}){gov}"),
        excerpt_re=_regex.compile(
            rf"{group(dl('excerpt_markers'))}(?:{YEAR})?(?P<region>{unit}){gov}?{group(dl('title_words'))}"),
        # running text names the reporting government in the address sentence (我代表北京市人民
        #政府), else by a listed name (赤壁市人民政府办公室)
        opener_gov_re=_regex.compile(rf"{group(au('speech_openers'))}(?P<region>{unit}){gov}"),
        known_gov_re=_regex.compile(rf"(?P<region>{group(known)}){gov}"),
        meeting_end_re=_regex.compile(rf"{group(dl('meeting_words'))}{group(dl('meeting_endings'))}"),
        opener_bare_re=_regex.compile(
            rf"{group(au('speech_openers'))}(?:{ORDINAL}{group(dl('term_words'))})?(?P<suffix>{group(suffixes)}){gov}"),
        notice_labels=dl("notice_labels"),
        plan_excerpt_words=dl("plan_excerpt_words"),
        plan_excerpt_head_words=dl("plan_excerpt_head_words"),
    )


def _vocab(lang: Lang) -> _Vocab:
    return lang.cached("meta_vocab", _build)


# -- regions and levels --------------------------------------------------------------------

def _unit_end(s: str, p: int, v: _Vocab) -> Optional[int]:
    """End of the administrative unit that starts at ``p`` (a stem of one character or more).

    A suffix closes the unit unless another suffix follows at once and the unit is no listed
    name: 贵州|省, 兰州|新区 and 沙市|区 go on (州 and 市 end names and suffixes alike), while
    连云港市|市 (a doubled suffix of the source) stops at the listed name.
    """
    for e in range(p + 2, min(len(s), p + UNIT_MAX) + 1):
        if not s.endswith(v.suffixes, p, e):
            continue
        if e < len(s) and s.startswith(v.suffixes, e) and s[p:e] not in v.known_levels:
            continue
        return e
    return None


def _units(s: str, v: _Vocab) -> list[tuple[int, int]]:
    """The administrative units of a name chain, in order: 天津市蓟州区 → 天津市, 蓟州区."""
    out: list[tuple[int, int]] = []
    p = 0
    while p < len(s):
        e = _unit_end(s, p, v)
        if e is None:
            break
        out.append((p, e))
        p = e
    return out


def _is_name_of_unit(u: str, v: _Vocab) -> bool:
    """自治区, 本市, 全省 are not names of a government: a suffix alone or a pointing stem."""
    if u in v.suffixes:
        return False
    for suf in v.suffixes:
        if u.endswith(suf):
            return u[:-len(suf)] not in v.not_name_stems and u[:-len(suf)] not in v.suffixes
    return False


def _region_in(s: str, v: _Vocab) -> Optional[tuple[str, int, int, Optional[str]]]:
    """The reporting government in a name chain: its full name, its span in ``s`` and the
    level its parent implies (a 市 under a prefecture is county-level). ``None`` when the
    chain ends in no name (``自治区`` alone, ``本市``)."""
    for nat in v.national_names:
        if nat in s:
            k = s.index(nat)
            return v.national_names[0], k, k + len(nat), "national"
    for w in v.speech_openers:          # 我代表北京市: the opener is no part of the name
        k = s.rfind(w)
        if k >= 0:
            s_off = k + len(w)
            found = _region_in(s[s_off:], v)
            return None if found is None else (found[0], found[1] + s_off, found[2] + s_off, found[3])
    units = _units(s, v)
    if not units or not _is_name_of_unit(s[units[-1][0]:units[-1][1]], v):
        return None
    a, b = units[-1]
    name = v.short_forms.get(s[a:b], s[a:b])
    parent = s[units[-2][0]:units[-2][1]] if len(units) > 1 else None
    hint = "county" if parent and name.endswith(v.county_under_prefecture) and _level(parent, v) == "city" else None
    return name, a, b, hint


def _level(region: Optional[str], v: _Vocab, hint: Optional[str] = None) -> Optional[str]:
    if not region:
        return None
    if region in v.national_names:
        return "national"
    if region in v.known_levels:
        return v.known_levels[region]
    if hint:
        return hint
    for suf in v.suffixes:
        if region.endswith(suf):
            return v.suffix_levels[suf]
    return None


def level_of(region: Optional[str], lang: Optional[Lang] = None) -> Optional[str]:
    """Administrative level from a government's name (``regions.json``, else its suffix)."""
    return _level(region, _vocab(lang or default_lang()))


# -- the opening: address and dateline -----------------------------------------------------

@dataclass
class _Dateline:
    """``2024年1月22日在江城市第九届人民代表大会第二次会议上`` and its parts (offsets into the text)."""
    start: int
    end: int                                  # after the meeting words
    line_start: int
    line_end: int
    tier: int                                 # 0: dated with a year; 1: 在… or …会议上 only
    date: Optional[tuple[int, int, int]] = None
    date_span: Optional[tuple[int, int]] = None
    place: tuple[int, int] = (0, 0)           # the text naming the government
    national: Optional[tuple[int, int]] = None
    congress: tuple[int, int] = (0, 0)
    pre: Optional[tuple[int, int]] = None     # between the date and 在: a speaker may stand there


@dataclass
class _Opening:
    address: int                              # the address word, or -1
    end: int                                  # where the opening ends
    dateline: Optional[_Dateline]


def _parse_date(s: str) -> Optional[tuple[int, int, int]]:
    """(year, month, day) of ``2024年1月22日`` or ``二〇二三年一月四日``; year 0 when not printed."""
    m = DATE_PARTS.fullmatch(s)
    if m is None:
        return None
    try:
        y, mo, d = (_number(m.group(k)) if m.group(k) else 0 for k in ("y", "m", "d"))
    except (ValueError, NumeralError):
        return None
    return (y, mo, d) if 1 <= mo <= 12 and 1 <= d <= 31 else None


def _number(s: str) -> int:
    if s.isdigit() and s.isascii():
        return int(s)
    return int(parse_chinese_numeral(s.translate(_ZERO_AS_LING)))


# 二0一四, 二○一四: a zero typed for 〇 in a year of Chinese numerals
_ZERO_AS_LING = str.maketrans({"0": CN_ZERO, "\u25cb": CN_ZERO})


def _find_address(text: str, v: _Vocab, end: int) -> int:
    hits = [k for k in (text.find(w, 0, end) for w in v.address_words) if k >= 0]
    return min(hits) if hits else -1


def _last_of(text: str, words: tuple[str, ...], start: int, end: int) -> tuple[int, int]:
    """The last occurrence of any of ``words`` in ``text[start:end]`` as (start, end), or (-1, -1)."""
    best = (-1, -1)
    for w in words:
        k = text.rfind(w, start, end)
        if k > best[0]:
            best = (k, k + len(w))
    return best


@dataclass
class _Window:
    """The text before a congress word that a dateline's date, 在 and place stand in."""
    start: int
    place_end: int                            # where 第九届 (or 全国) begins
    line_start: int
    national: Optional[tuple[int, int]]       # 全国 of 第十四届全国人民代表大会


def _dateline_window(text: str, c: int, v: _Vocab) -> _Window:
    """The window before the congress word at ``c``: its clause on its line, or the previous
    non-blank line when the dateline is broken before its congress
    (``——2022年12月30日在合肥市⏎⏎第十七届人民代表大会…``)."""
    ls = text.rfind("\n", 0, c) + 1
    ws = max(ls, c - DATELINE_BACK)
    ws = max(ws, max(text.rfind(mark, ws, c) for mark in v.clause_marks) + 1)
    bm = v.before_congress_re.search(text, ws, c)
    place_end = bm.start() if bm else c
    nat = bm.span("nat") if bm and bm.group("nat") else None
    if place_end == ls and ls > 0:
        for ps, pe in _lines_before(text, c):
            if pe - ps <= DATELINE_BACK:
                return _Window(ps, pe, ps, nat)
            break
    return _Window(ws, place_end, ls, nat)


def _dateline_at(text: str, c: int, word: str, v: _Vocab) -> Optional[_Dateline]:
    """The dateline around the congress word at ``c``, or None when it is no dateline: it needs
    its session or meeting words after the congress, and a date, 在 or 会议上/通过."""
    w = _dateline_window(text, c, v)
    after = v.after_congress_re.match(text, c + len(word))
    has_meeting = bool(after and (after.group("ses") or after.group("meet")))
    at_s, at_e = _last_of(text, v.at_words, w.start, w.place_end)
    dates = list(v.date_re.finditer(text, w.start, w.place_end))
    dm = dates[-1] if dates else None
    date = _parse_date(dm.group(0)) if dm else None
    dated = bool(date and date[0])
    if not has_meeting or not (dated or at_s >= 0 or (after and after.group("end"))):
        return None
    place_start = max(at_e, dm.end() if dm else w.start)
    if at_s < 0:                            # 2008年1月4日长沙市第十三届…会议通过: the name before 第
        k = w.place_end
        while k > place_start and _is_han(text[k - 1]):
            k -= 1
        place_start = k
    pre = (dm.end() if dm else w.start, at_s) if at_s >= 0 and (dm is None or dm.end() <= at_s) else None
    return _Dateline(start=min(dm.start() if dm else c, at_s if at_s >= 0 else c, place_start),
                     end=after.end() if after else c + len(word), line_start=w.line_start,
                     line_end=_line_at(text, c)[1], tier=0 if dated else 1, date=date,
                     date_span=dm.span() if dm else None, place=(place_start, w.place_end),
                     national=w.national, congress=(c, c + len(word)), pre=pre)


def _find_dateline(text: str, v: _Vocab, end: int, last: bool) -> Optional[_Dateline]:
    """The dateline of the opening: a dated one before an undated one (a caption's), and of the
    dated ones the last before the address (a resolution or summary may precede the report)."""
    dated: Optional[_Dateline] = None
    undated: Optional[_Dateline] = None
    hits = _regex.find_all(text, v.congress_words, 0, end)
    for c in (hits[-MAX_ANCHORS:] if last else hits[:MAX_ANCHORS]):
        word = next(w for w in v.congress_words if text.startswith(w, c))
        d = _dateline_at(text, c, word, v)
        if d is None:
            continue
        if d.tier == 0:
            if not last:
                return d
            dated = d
        elif undated is None:
            undated = d
    return dated or undated


def _find_opening(text: str, v: _Vocab) -> _Opening:
    head_end = min(len(text), HEAD_SCAN)
    address = _find_address(text, v, head_end)
    end = address if address >= 0 else head_end
    return _Opening(address=address, end=end, dateline=_find_dateline(text, v, end, last=address >= 0))


# -- lines of the opening ------------------------------------------------------------------

def _line_at(text: str, pos: int) -> tuple[int, int]:
    s = text.rfind("\n", 0, pos) + 1
    e = text.find("\n", pos)
    return s, (len(text) if e < 0 else e)


def _lines_after(text: str, pos: int, stop: int) -> Iterator[tuple[int, int]]:
    """Up to OPENING_LINES non-blank short lines after the line holding ``pos``, before ``stop``."""
    _, e = _line_at(text, pos)
    n = 0
    while n < OPENING_LINES and e < stop:
        s = e + 1
        e = text.find("\n", s, stop)
        e = stop if e < 0 else e
        if not text[s:e].strip():
            continue
        if e - s > LINE_MAX:
            return
        n += 1
        yield s, e


def _lines_before(text: str, pos: int, start: int = 0) -> Iterator[tuple[int, int]]:
    """Up to OPENING_LINES non-blank short lines before the line holding ``pos``, nearest first."""
    s, _ = _line_at(text, pos)
    n = 0
    while n < OPENING_LINES and s > start:
        e = s - 1
        s = text.rfind("\n", start, e) + 1
        if not text[s:e].strip():
            continue
        if e - s > LINE_MAX:
            return
        n += 1
        yield s, e


# -- speakers ------------------------------------------------------------------------------

@dataclass
class _Speaker:
    name: Optional[str] = None
    name_span: Optional[tuple[int, int]] = None
    title: Optional[str] = None
    title_span: Optional[tuple[int, int]] = None
    gov_span: Optional[tuple[int, int]] = None     # a government's name printed before the title
    shape: str = ""


@dataclass
class _Reading:
    """What the opening gave, for the fields and for the checks."""
    opening: _Opening
    speaker: Optional[_Speaker] = None
    slots: list[tuple[int, int]] = field(default_factory=list)   # titles whose name was not read
    bare: list[tuple[int, int]] = field(default_factory=list)    # titles printed with no name


def _valid_name(raw: str, v: _Vocab) -> Optional[str]:
    """The name printed in ``raw`` without its blanks, when it can be a personal name.

    Blanks inside a name are layout between its characters (``林　志强``, ``王 小 明``): the pieces
    they separate have one character, one of them two at most (``镇长 李四`` is two words, ``长 余功斌``
    a title cut short).
    """
    name = "".join(c for c in raw if c not in _BLANKS)
    pieces = [len(piece) for piece in raw.split()]
    if len(pieces) > 1 and (max(pieces) > 2 or pieces.count(2) > 1):
        return None
    if any(c in v.not_in_names for c in name) or any(w in name for w in v.not_name_words):
        return None
    parts = re.split("[" + _char_class(v.dots) + "]", name)
    if len(parts) > 1:
        return name if all(1 <= len(p) <= _PART_MAX for p in parts) else None
    if not _NAME_MIN <= len(name) <= _NAME_MAX or (len(name) < len(raw) and len(name) > _NAME_BLANKED_MAX):
        return None
    return name


def _skip_layout(text: str, i: int, end: int, v: _Vocab) -> int:
    k = 0
    while i < end and k < LAYOUT_MAX and text[i] in v.layout:
        i += 1
        k += 1
    return i


def _name_ends(text: str, s: int, end: int, v: _Vocab) -> list[int]:
    """Where a name that starts at ``s`` may end: after each of its Chinese characters."""
    out: list[int] = []
    han = 0
    for j in range(s, min(end, s + NAME_SCAN)):
        c = text[j]
        if _is_han(c):
            han += 1
            if han >= _NAME_MIN:
                out.append(j + 1)
        elif c not in v.dots and c not in _BLANKS:
            break
    return out


def _name_after(text: str, pos: int, end: int, v: _Vocab, caption: bool = False) -> Optional[tuple[int, int, str]]:
    """The name after ``pos`` (past layout): (start, end, name).

    The longest name that the end of its line or a mark closes (``市长 石爱作⏎``), else the
    shortest that a run-in word closes (``市长林志强作政府工作报告``, ``区长贾堤各位代表``). In a
    caption only the verb of delivering closes a name.
    """
    s = _skip_layout(text, pos, end, v)
    ends = _name_ends(text, s, end, v)
    if not caption:
        for j in reversed(ends):
            if v.end_re.match(text, j, end):
                name = _valid_name(text[s:j], v)
                if name:
                    return s, j, name
    closing = v.caption_term_re if caption else v.word_re
    for j in ends:
        if closing.match(text, j, end):
            name = _valid_name(text[s:j], v)
            if name:
                return s, j, name
    return None


def _name_before(text: str, title_start: int, seg_start: int, v: _Vocab) -> Optional[tuple[int, int, str]]:
    """A name printed right before its title (林志强市长), starting after a mark or the segment start."""
    j = title_start
    while j > seg_start and title_start - j < NAME_SCAN and (_is_han(text[j - 1]) or text[j - 1] in v.dots):
        j -= 1
    for dm in v.date_re.finditer(text, max(seg_start, j - DATE_MAX), title_start):
        j = max(j, dm.end())                 # 2024年1月10日林志强市长: the name starts after the date
    for part in v.day_parts:                 # 1月12日上午李建国代市长
        if text.startswith(part, j, title_start):
            j += len(part)
    name = _valid_name(text[j:title_start], v)
    if name is None or (len(name) > _NAME_BEFORE_MAX and not any(c in v.dots for c in name)):
        return None
    return j, title_start, name


def _gov_before(text: str, seg_start: int, title_start: int, v: _Vocab) -> Optional[tuple[int, int]]:
    """``江城市人民政府`` / ``厦门市`` / ``国务院`` printed right before a title on its line."""
    s = title_start
    while s > seg_start and title_start - s < 2 * UNIT_MAX and _is_han(text[s - 1]):
        s -= 1
    return (s, title_start) if s < title_start else None


def _unspaced(title: str) -> str:
    return "".join(title.split())


def _only_layout(text: str, s: int, e: int, v: _Vocab) -> bool:
    return all(c in v.layout or not c.isalnum() for c in text[s:e])


def _title_matches(text: str, s: int, e: int, v: _Vocab) -> Iterator[Any]:
    """Titles in ``text[s:e]`` that are a head of government's (not a 副市长 cut by the window)."""
    for m in v.title_re.finditer(text, s, e):
        if not m.group("dep") and m.start() > s and text.endswith(v.deputy_prefixes, s, m.start()):
            continue
        yield m


def _speaker_in(text: str, s: int, e: int, v: _Vocab, reading: _Reading, shape: str, *,
                caption: bool = False, note: bool = True) -> Optional[_Speaker]:
    """A title with its name in ``text[s:e]``: the name after the title, else before it.

    With ``note``, a title with nothing printed after it is noted as bare, one followed by
    text that is no name as a slot (the ``speaker_missing`` check).
    """
    for m in _title_matches(text, s, e, v):
        if m.group("dep") and caption:
            continue
        found = _name_after(text, m.end(), e, v, caption)
        if found:
            return _Speaker(found[2], found[:2], _unspaced(m.group(0)), m.span(), _gov_before(text, s, m.start(), v),
                            shape)
        closes = v.caption_term_re if caption else v.word_re
        if not m.group("dep") and (closes.match(text, m.end(), e) or v.end_re.match(text, m.end(), e)):
            before = _name_before(text, m.start(), s, v)
            if before and (not caption or v.caption_term_re.match(text, m.end(), e)):
                return _Speaker(before[2], before[:2], _unspaced(m.group(0)), m.span(), None, shape + "-name-first")
        if _only_layout(text, m.end(), e, v):
            reading.bare.append(m.span())
        elif note and not caption:
            reading.slots.append(m.span())
    return None


def _name_line(text: str, s: int, e: int, v: _Vocab) -> Optional[tuple[int, int, str]]:
    """A line that holds a name and nothing else (the second line of ``市长⏎　林　志强``)."""
    found = _name_after(text, s, e, v)
    if found and _only_layout(text, found[1], e, v):
        return found
    return None


def _dated_name(text: str, s: int, e: int, v: _Vocab) -> Optional[tuple[int, int, str]]:
    """A date and a name ending a line, after its start or a mark: ``（2010年1月22日 秦光荣）``,
    ``（2003年1月10日洪虎）``, ``唐山市政府工作报告（2012年2月2日 陈国鹰）`` (no title)."""
    m = v.date_re.search(text, s, e)
    if m is None or (m.start() > s and text[m.start() - 1].isalnum()):
        return None
    return _name_line(text, m.end(), e, v)


def _speaker_in_lines(text: str, lines: list[tuple[int, int]], v: _Vocab, reading: _Reading,
                      shape: str, note: bool = True) -> Optional[_Speaker]:
    """Title lines: ``市长 林志强``, ``林志强市长``, or a title ending its line over a name line."""
    for i, (s, e) in enumerate(lines):
        n_bare = len(reading.bare)
        sp = _speaker_in(text, s, e, v, reading, shape, note=note)
        if sp:
            return sp
        if len(reading.bare) > n_bare and i + 1 < len(lines):
            t = reading.bare[-1]
            nxt = _name_line(text, lines[i + 1][0], lines[i + 1][1], v)
            if nxt:
                reading.bare.pop()
                return _Speaker(nxt[2], nxt[:2], _unspaced(text[t[0]:t[1]]), t, _gov_before(text, s, t[0], v),
                                shape + "-two-lines")
    return None


def _name_only(text: str, lines: list[tuple[int, int]], v: _Vocab, first: bool) -> Optional[_Speaker]:
    """A line that holds a name only, right after the dateline (``first``) or after a line
    that holds a date only: ``…会议上⏎**（2005年2月22日）**⏎**张昌平**`` (title null)."""
    after_date = first
    for s, e in lines:
        found = _name_line(text, s, e, v)
        if after_date and found and _only_layout(text, s, found[0], v):
            return _Speaker(found[2], found[:2], None, None, None, "name-line")
        after_date = _is_date_line(text, s, e, v)
    return None


def _speaker_in_dated_lines(text: str, lines: list[tuple[int, int]], v: _Vocab) -> Optional[_Speaker]:
    for s, e in lines:
        found = _dated_name(text, s, e, v)
        if found:
            return _Speaker(found[2], found[:2], None, None, None, "dated-name")
    return None


def _speaker_in_tail(text: str, d: _Dateline, op: _Opening, v: _Vocab, reading: _Reading) -> Optional[_Speaker]:
    """After the meeting words on the dateline's line: a run-in title and name, or a name
    glued to the address (``…会议上陈立新各位代表：``, title null)."""
    end = min(d.line_end, d.end + DATELINE_TAIL)
    if d.end <= op.address < end:
        end = op.address
    sp = _speaker_in(text, d.end, end, v, reading, "run-in")
    if sp:
        return sp
    return _glued_name(text, d.start, end, v)


def _glued_name(text: str, s: int, end: int, v: _Vocab) -> Optional[_Speaker]:
    """A name with no title after the meeting words, alone up to ``end`` (the address or the
    line's end): ``…第一次会议上陈立新各位代表：``, ``（…第四次会议上 韩俊）`` (title null)."""
    meet = None
    for m in v.meeting_end_re.finditer(text, max(s, end - DATELINE_TAIL), end):
        meet = m
    if meet is None:
        return None
    a = _skip_layout(text, meet.end(), end, v)
    b = _trim_end(text, a, end, v)
    while b > a and not (_is_han(text[b - 1]) or text[b - 1] in v.dots):   # a closing bracket
        b -= 1
    if not all(_is_han(c) or c in _BLANKS or c in v.dots for c in text[a:b]) or not _only_layout(text, b, end, v):
        return None
    name = _valid_name(text[a:b], v)
    return _Speaker(name, (a, b), None, None, None, "name-after-meeting") if name else None


def _trim_end(text: str, s: int, e: int, v: _Vocab) -> int:
    while e > s and text[e - 1] in v.layout:
        e -= 1
    return e


def _speaker_in_captions(text: str, op: _Opening, v: _Vocab, reading: _Reading) -> Optional[_Speaker]:
    """A caption or news lead before the address: ``市长李建国作政府工作报告``."""
    seen = 0
    for k in _regex.find_all(text, v.caption_anchors, 0, op.end):
        seen += 1
        if seen > MAX_ANCHORS:
            break
        s = max(text.rfind("\n", 0, k) + 1, k - CAPTION_BACK)
        sp = _speaker_in(text, s, k, v, reading, "caption", caption=True) or _caption_name(text, s, k, v)
        if sp:
            return sp
    return None


def _caption_name(text: str, s: int, k: int, v: _Vocab) -> Optional[_Speaker]:
    """A caption's name with no title at the start of its clause: ``<!-- 李纪恒作政府工作报告 -->``,
    ``1月10日上午，尹弘在…会议上作政府工作报告`` (title null; 2–4 characters or dotted)."""
    j = k
    while j > s and (_is_han(text[j - 1]) or text[j - 1].isdigit() or text[j - 1] in v.dots):
        j -= 1
    i = _skip_layout(text, j, k, v)
    dm = v.date_re.match(text, i, k)
    i = dm.end() if dm else i
    for part in v.day_parts:
        if text.startswith(part, i, k):
            i += len(part)
    found = _name_after(text, i, k, v, caption=True)
    if found is None or found[0] != i or k - found[1] > CAPTION_BACK // 2:
        return None
    name = found[2]
    if len(name) > _NAME_BEFORE_MAX and not any(c in v.dots for c in name):
        return None
    return _Speaker(name, found[:2], None, None, None, "caption-name")


def _first_lines(text: str, end: int) -> list[tuple[int, int]]:
    """The first OPENING_LINES non-blank short lines of a text with neither dateline nor address."""
    out: list[tuple[int, int]] = []
    s = 0
    while len(out) < OPENING_LINES and s < end:
        e = text.find("\n", s, end)
        e = end if e < 0 else e
        if e - s > LINE_MAX:
            break
        if text[s:e].strip():
            out.append((s, e))
        s = e + 1
    return out


def _speaker_attempts(text: str, op: _Opening, v: _Vocab, r: _Reading) -> Iterator[Optional[_Speaker]]:
    """Each place a speaker may stand, in the order they are tried."""
    d = op.dateline
    stop = op.address if op.address >= 0 else op.end
    if d is not None:
        if d.pre and d.pre[1] > d.pre[0]:
            yield _speaker_in(text, d.pre[0], d.pre[1], v, r, "before-meeting")
        yield _speaker_in_tail(text, d, op, v, r)
        after = list(_lines_after(text, d.congress[0], max(stop, d.line_end)))
        yield _speaker_in_lines(text, after, v, r, "line-after")
        yield _name_only(text, after[:2], v, first=True)
        yield _speaker_in_lines(text, list(reversed(list(_lines_before(text, d.line_start)))), v, r,
                                "line-before")
    if op.address >= 0:
        a_s, _ = _line_at(text, op.address)
        if a_s < op.address:
            yield _speaker_in(text, a_s, op.address, v, r, "address-line")
            yield _glued_name(text, a_s, op.address, v)
        if d is None:
            before = list(reversed(list(_lines_before(text, op.address))))
            yield _speaker_in_lines(text, before, v, r, "line-before-address")
            yield _name_only(text, before, v, first=False)
    yield _speaker_in_captions(text, op, v, r)
    if d is None and op.address < 0:
        yield _speaker_in_lines(text, _first_lines(text, op.end), v, r, "first-lines", note=False)
    near = list(_lines_before(text, op.address)) if op.address >= 0 else _first_lines(text, op.end)
    yield _speaker_in_dated_lines(text, near, v)


def _read_speaker(text: str, op: _Opening, v: _Vocab) -> _Reading:
    r = _Reading(op)
    for sp in _speaker_attempts(text, op, v, r):
        if sp:
            r.speaker = sp
            break
    return r


# -- the fields ----------------------------------------------------------------------------

def _session_date(text: str, op: _Opening, v: _Vocab) -> Optional[tuple[tuple[int, int, int], tuple[int, int]]]:
    """The dateline's date, else a date on a short line next to it (``（1999年12月29日）``)."""
    d = op.dateline
    if d is not None and d.date and d.date[0] and d.date_span:
        return d.date, d.date_span
    if d is not None:
        stop = op.address if op.address >= 0 else op.end
        near = (list(_lines_after(text, d.congress[0], max(stop, d.line_end)))[:2]
                + list(_lines_before(text, d.line_start))[:2])
    elif op.address >= 0:                   # no dateline: a line under the title that holds a date
        near = [(s, e) for s, e in _lines_before(text, op.address) if _is_date_line(text, s, e, v)]
    else:
        return None
    for s, e in near:
        m = v.date_re.search(text, s, e)
        date = _parse_date(m.group(0)) if m else None
        if m and date and date[0]:
            return date, m.span()
    return None


def _is_date_line(text: str, s: int, e: int, v: _Vocab) -> bool:
    """``（2001年2月20日）`` or ``（2010年1月22日 秦光荣）``: a date, and a name at most."""
    m = v.date_re.search(text, s, e)
    if m is None or not _only_layout(text, s, m.start(), v):
        return False
    return _only_layout(text, m.end(), e, v) or _dated_name(text, s, e, v) is not None


def _title(text: str, v: _Vocab) -> tuple[Optional[str], Any]:
    """The first line naming a work report, else the first non-empty line."""
    end = min(len(text), TITLE_SCAN)
    tm = v.title_line_re.search(text, 0, end)
    if tm:
        ls, le = _line_at(text, tm.start())
        return text[ls:le].strip() or None, tm
    for s, e in _first_lines(text, end):
        return text[s:e].strip()[:80], None
    return None, None


@dataclass
class _Region:
    name: str
    span: tuple[int, int]
    hint: Optional[str] = None


def _region_at(text: str, s: int, e: int, v: _Vocab) -> Optional[_Region]:
    found = _region_in(text[s:e], v)
    if found is None:
        return None
    name, a, b, hint = found
    return _Region(name, (s + a, s + b), hint)


def _first_region(text: str, pat: Any, end: int, v: _Vocab, anchors: tuple[str, ...] = ()) -> Optional[_Region]:
    """The first name ``pat`` finds before ``end`` that names a listed unit. With ``anchors``
    (words every match holds, none spanning a line), only the lines holding one are read: the
    same matches, for a pattern that scans slowly (an alternation of every listed name)."""
    for n, m in enumerate(_regex.finditer_in_lines(pat, text, anchors, end) if anchors else pat.finditer(text, 0, end)):
        r = _region_at(text, m.start("region"), m.end("region"), v)
        if r is not None or n >= MAX_ANCHORS:
            return r
    return None


def _bare_suffix(text: str, reading: _Reading, v: _Vocab) -> Optional[str]:
    """The suffix a dateline, a title line or the address names without a name:
    ``在自治区第八届人民代表大会``, ``自治区主席 …``, ``我代表省人民政府`` → 自治区, 自治区, 省."""
    d = reading.opening.dateline
    sp = reading.speaker
    for span in (d.place if d else None, sp.gov_span if sp else None):
        if span is not None:
            bare = _strip_gov(text[span[0]:span[1]].strip(), v)
            if bare in v.suffix_levels:
                return bare
    m = v.opener_bare_re.search(text, 0, min(len(text), ISSUER_SCAN))
    return m.group("suffix") if m else None


def _strip_gov(s: str, v: _Vocab) -> str:
    """``自治区人民政府`` → ``自治区``."""
    for w in v.gov_words:
        if s.endswith(w):
            return s[:-len(w)]
    return s


def _most_named(text: str, suffix: str, v: _Vocab) -> Optional[_Region]:
    """The listed unit with ``suffix`` whose stem the head names most often (长沙 for 长沙市):
    a report names its own government more than any other of its kind. The most named
    stem must occur MIN_NAMED times and twice as often as the next."""
    pat_stems = v.stems_by_suffix.get(suffix)
    if pat_stems is None:
        return None
    pat, stems = pat_stems
    counts: dict[str, list[int]] = {}
    for m in pat.finditer(text, 0, min(len(text), HEAD_SCAN)):
        counts.setdefault(m.group(0), []).append(m.start())
    ranked = sorted(counts.items(), key=lambda kv: (-len(kv[1]), kv[1][0]))
    if not ranked or len(ranked[0][1]) < MIN_NAMED or (len(ranked) > 1 and len(ranked[1][1]) * 2 > len(ranked[0][1])):
        return None
    stem, where = ranked[0]
    return _Region(stems[stem], (where[0], where[0] + len(stem)))


def _region_sources(text: str, reading: _Reading, tm: Any, v: _Vocab) -> Iterator[Optional[_Region]]:
    """Where the reporting government is named, most telling first."""
    d = reading.opening.dateline
    if d is not None:
        if d.national:
            yield _Region(v.national_names[0], (d.national[0], d.congress[1]), "national")
        yield _region_at(text, d.place[0], d.place[1], v)
    sp = reading.speaker
    if sp and sp.gov_span:
        yield _region_at(text, sp.gov_span[0], sp.gov_span[1], v)
    if tm is not None and tm.group("region"):
        yield _region_at(text, tm.start("region"), tm.end("region"), v)
    head = min(len(text), ISSUER_SCAN)
    yield _first_region(text, v.issuer_re, head, v)
    yield _first_region(text, v.excerpt_re, min(len(text), HEAD_SCAN), v)
    yield _first_region(text, v.opener_gov_re, head, v)
    suffix = _bare_suffix(text, reading, v)
    if suffix:
        yield _most_named(text, suffix, v)
    else:
        yield _first_region(text, v.known_gov_re, head, v, v.gov_words)


def _doc_type(text: str, op: _Opening, v: _Vocab) -> str:
    n_assign = sum(text.count(w, 0, ASSIGN_SCAN) for w in v.notice_labels)
    origin = op.dateline.start if op.dateline is not None else 0
    if n_assign >= 3:
        return "responsibility_notice"
    if op.address >= 0 and op.address - origin < ADDRESS_NEAR:
        return "report"
    head_end = min(len(text), DOC_KIND_HEAD)
    if any(w in text for w in v.plan_excerpt_words) or any(text.find(w, 0, head_end) >= 0
                                                            for w in v.plan_excerpt_head_words):
        return "plan_excerpt"
    return "unknown"


def extract_meta(doc: Doc) -> None:
    """Fill ``doc.report.meta`` from the opening of the text, then add the meta checks."""
    text = doc.text
    meta = doc.report.meta
    v = _vocab(doc.vocab.lang)

    def ev(key: str, span: tuple[int, int]) -> None:
        os_, oe, t = doc.span(*span)
        meta.evidence[key] = Span(os_, oe, t)

    meta.title, tm = _title(text, v)
    op = _find_opening(text, v)
    reading = _read_speaker(text, op, v)
    date = _session_date(text, op, v)
    if date:
        (y, mo, d), span = date
        meta.session_date = f"{y:04d}-{mo:02d}-{d:02d}"
        meta.report_year = y
        ev("session_date", span)
    region = next((r for r in _region_sources(text, reading, tm, v) if r is not None), None)
    if region is not None:
        meta.region = region.name
        meta.level = _level(region.name, v, region.hint)
        ev("region", region.span)
    else:                                   # 我代表省人民政府: the level without the name
        suffix = _bare_suffix(text, reading, v)
        meta.level = v.suffix_levels[suffix] if suffix else None
    if meta.report_year is None and tm is not None:
        # a date printed right under the title: "(2020年12月27日)"
        dm = v.date_re.search(text, tm.end(), min(len(text), DATE_UNDER_TITLE_SCAN))
        under = _parse_date(dm.group(0)) if dm else None
        if dm and under and under[0] and dm.start() - tm.end() < DATE_UNDER_TITLE:
            meta.report_year = under[0]
            meta.session_date = f"{under[0]:04d}-{under[1]:02d}-{under[2]:02d}"
            ev("session_date", dm.span())
    sp = reading.speaker
    if sp is not None and sp.name_span:
        meta.speaker = sp.name
        ev("speaker", sp.name_span)
        if sp.title and sp.title_span:
            meta.speaker_title = sp.title
            ev("speaker_title", sp.title_span)
    meta.doc_type = _doc_type(text, op, v)
    check_meta(doc, reading)


# -- checks --------------------------------------------------------------------------------

def _check(doc: Doc, code: str, severity: str, message: str, span: Optional[tuple[int, int]]) -> None:
    s, e = doc.norm.orig_span(*span) if span else (0, 0)
    doc.report.checks.append(Check(code, severity, message, s, e))


def _base_title(title: str, v: _Vocab) -> Optional[str]:
    m = v.title_re.search(title)
    return m.group("t") if m else None


def check_meta(doc: Doc, reading: Optional[_Reading] = None) -> None:
    """Say what meta could not read (codes in docs/checks.md): ``speaker_missing``,
    ``region_missing``, ``level_missing``, ``level_conflict``.

    ``reading`` is what ``extract_meta`` read of the opening; it is read again when not given.
    """
    text = doc.text
    v = _vocab(doc.vocab.lang)
    if reading is None:
        reading = _read_speaker(text, _find_opening(text, v), v)
    meta = doc.report.meta
    d = reading.opening.dateline
    if meta.speaker is None and reading.slots:
        s, e = reading.slots[0]
        _check(doc, "speaker_missing", "error",
               f"the opening prints the title {text[s:e]} but no speaker was read next to it", (s, e))
    looks_like_a_report = d is not None or meta.doc_type != "unknown"
    if meta.region is None and looks_like_a_report:
        _check(doc, "region_missing", "error", "no reporting government was found in the opening",
               (d.start, d.end) if d else None)
    elif meta.region is not None and meta.level is None:
        _check(doc, "level_missing", "warning", f"no administrative level is known for {meta.region}",
               (d.start, d.end) if d else None)
    sp = reading.speaker
    base = _base_title(meta.speaker_title, v) if meta.speaker_title else None
    levels = v.title_levels.get(base or "", ())
    if meta.level and levels and meta.level not in levels:
        _check(doc, "level_conflict", "warning",
               f"the title {meta.speaker_title} heads a {'/'.join(levels)} government, "
               f"but {meta.region} is {meta.level}", sp.title_span if sp else None)

# -- years (the quantities component completes them) -----------------------------------------

# A session held in this month or later plans for the next year (2021年12月28日 → 2022).
LATE_SESSION_MONTH = 11


def is_late_session(session_date: Optional[str]) -> bool:
    """A session held in November or December: it reviews its own year (今年) and plans the next."""
    return session_date is not None and int(session_date[5:7]) >= LATE_SESSION_MONTH


def session_plan_year(session_date: str) -> int:
    """The year a session plans for: its own, or the next for a late session."""
    return int(session_date[:4]) + (1 if is_late_session(session_date) else 0)

# A year written in a title: 2022年.
_YEAR_IN = _regex.compile(f"{YEAR_DIGITS}(?={YEAR_CHAR})")


def infer_years(doc: Doc, lead_year: Optional[int]) -> None:
    """Plan year and report year from the lead-in, section headings, the session date or the title."""
    meta = doc.report.meta
    review_years = [h.year for h in doc.headings if h.part == "review" and h.year and h.level == 1]
    plan_years = [h.year for h in doc.headings if h.part == "plan" and h.year and h.level == 1
                  and h.horizon != "multi_year"]
    plan = lead_year or (plan_years[0] if plan_years else None)
    if plan is None and review_years:
        plan = max(review_years) + 1
    if plan is None and meta.session_date:
        plan = session_plan_year(meta.session_date)
    title_year = None
    if meta.title:
        ys = _YEAR_IN.findall(meta.title)
        title_year = int(ys[0]) if ys else None
    if meta.report_year is None:
        if review_years:
            meta.report_year = max(review_years) + 1
        elif plan is not None:
            meta.report_year = plan
        else:
            meta.report_year = title_year
    meta.plan_year = plan if plan is not None else meta.report_year
