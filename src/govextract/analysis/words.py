"""The words and patterns the per-number analysis reads, built once per version of the data.

Everything here comes from the pipeline's language data (``doc.vocab.lang``) and number
vocabulary (``doc.vocab.numbers``): a user who adds a word to one pipeline changes that
pipeline's analysis only. Most word lists are looked up as literals at a known position
(the word that ends right before the number, the words that open a clause): a dictionary
lookup of a few slices is several times cheaper than a regular-expression call, and the
analysis runs once per number. Patterns remain where the shape is not a list of words.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Optional

import regex

from .. import _regex
from ..lang import Lang
from ..lang.patterns import (FULL_STOP, HAN_CLASS, MARKUP, ITEM_MARKER, QUOTES, PLAN_PERIOD, YEAR_CHAR, YEAR_DIGITS, YEAR_END_CHARS, YEAR_ENDS,
                             YEAR_POINT, alt)
from ..numbers.vocab import NumberVocabulary


# Every character ``\s`` matches in a pattern (the lead may start with one).
_WHITESPACE = frozenset(chr(c) for c in range(0x3001) if chr(c).isspace())




def _short(pattern: str) -> Any:
    return _regex.compile(pattern, short=True)   # called per number on a few characters


def skip_words(text: str, pos: int, end: int, words: "Lexicon") -> int:
    """Past every word of a lexicon that starts at ``pos`` (adverbs: 累计, 率先, 加快 …)."""
    while pos < end and text[pos] in words.first:
        hit = words.starting_at(text, pos, end)
        if not hit:
            break
        pos += len(hit)
    return pos


class Lexicon:
    """Literal words found at a fixed position: the word that ends at, or starts at, an offset.

    Words are indexed by their last and first character: at most positions no word can end
    or start, and one dictionary lookup says so.
    """

    __slots__ = ("words", "lens", "keys", "by_last", "by_first", "first", "last")

    def __init__(self, words: Iterable[str]) -> None:
        self.words = frozenset(w for w in words if w)
        self.lens = tuple(sorted({len(w) for w in self.words}, reverse=True))
        self.keys = key_chars(self.words)
        longest_first = sorted(self.words, key=lambda w: (-len(w), w))
        self.by_last: dict[str, tuple[str, ...]] = {}
        self.by_first: dict[str, tuple[str, ...]] = {}
        for w in longest_first:
            self.by_last[w[-1]] = (*self.by_last.get(w[-1], ()), w)
            self.by_first[w[0]] = (*self.by_first.get(w[0], ()), w)
        self.first = frozenset(self.by_first)     # a word can start only at these characters
        self.last = frozenset(self.by_last)       # … and end only at these

    def ending_at(self, text: str, end: int, floor: int) -> Optional[str]:
        """The longest word of the list that ends at ``end`` and starts at or after ``floor``."""
        if end <= floor:
            return None
        for w in self.by_last.get(text[end - 1], ()):
            if end - len(w) >= floor and text.startswith(w, end - len(w)):
                return w
        return None

    def starting_at(self, text: str, pos: int, end: int) -> Optional[str]:
        """The longest word of the list that starts at ``pos`` and ends at or before ``end``."""
        if pos >= end:
            return None
        for w in self.by_first.get(text[pos], ()):
            if text.startswith(w, pos, end):
                return w
        return None

    def maybe_in(self, s: str) -> bool:
        """False when ``s`` surely holds none of the words (a character test, no pattern)."""
        for c in self.keys:
            if c in s:
                return True
        return False


def _char_class(chars: Iterable[str]) -> str:
    return "[" + "".join(regex.escape(c) for c in sorted(chars)) + "]"


def key_chars(words: Iterable[str], avoid: str = "") -> frozenset[str]:
    """A small set of characters such that every word holds one of them (a cheap filter);
    characters in ``avoid`` (frequent in any text, like 年) are taken only when a word has no other."""
    keys: set[str] = set()
    todo = [w for w in words if w]
    while todo:
        counts: dict[str, int] = {}
        for w in todo:
            for c in set(w) - set(avoid) or set(w):
                counts[c] = counts.get(c, 0) + 1
        best = max(counts, key=lambda c: (counts[c], c))
        keys.add(best)
        todo = [w for w in todo if best not in w]
    return frozenset(keys)


@dataclass(frozen=True)
class Words:
    """Everything the analysis reads of the language data, compiled."""
    # relations
    relation_class: dict[str, str]          # word -> "level" | "up" | "down"
    relations: Lexicon
    qualifiers_before: Lexicon
    fillers: Lexicon
    growth: Lexicon
    copulas: frozenset[str]
    level_endings: tuple[str, ...]
    # the clause before the subject
    lead: Any                               # pattern: time words, years, item numbers, punctuation …
    lead_first: frozenset[str]              # characters a lead can start with
    scope: Lexicon
    adverbs: Lexicon
    prepositions: Lexicon
    bare_prepositions: frozenset[str]
    # verbs
    transitive: Lexicon
    transitive_search: Any                  # pattern: any transitive verb
    light: Lexicon
    light_search: Any
    noun_makers: frozenset[str]
    verb_object_nouns: frozenset[str]
    verb_joiners: frozenset[str]
    attributive: frozenset[str]             # 的
    # the end of the subject
    compare: Any                            # pattern: 比上年, 较2016年, 同比 …
    trail_probe: Any                        # a character every comparison or copula phrase holds
    copula_end: Any                         # pattern: 是2016年的, 占全市的, 在全市
    trailing: Lexicon
    trailing_punct: frozenset[str]          # clause punctuation that may trail a subject
    # subjects
    post: Any                               # pattern: a noun phrase after the number
    rate_suffixes: tuple[str, ...]
    ratio_suffixes: tuple[str, ...]
    growth_rate_suffixes: tuple[str, ...]
    text_stripped_suffixes: tuple[str, ...]  # dropped from a figure's SPEC text (增速, 增幅)
    each: tuple[str, ...]                   # 均: one figure for each part of a compound subject
    generic_totals: frozenset[str]
    generic_heads: tuple[str, ...]          # 人口, 人数 …: nouns that may follow an indicator's name
    note_parentheticals: tuple[str, ...]    # 下同: a parenthetical that annotates the text
    durations: tuple[str, ...]              # 连续: before a span of time (连续8年)
    change_start: Any                       # pattern: 由2018年的 right before a number
    change_start_last: frozenset[str]       # the characters that pattern can end with
    change_end: Any                         # pattern: 增加到2023年的 between the two points
    threshold_words: frozenset[str]         # 以上, 以下 after an amount that is a threshold
    list_joiners: frozenset[str]
    enumeration_comma: str                  # 、
    longest_joiner: int
    split_dun: Any
    split_any: Any
    respectively: Lexicon
    # time
    stretch: Lexicon
    stretch_search: Any                     # pattern: a stretch word
    stretch_or_multi_probe: Any             # a character every stretch word and multi-year marker holds
    multi_search: Any                       # pattern: a multi-year marker
    cumulative: frozenset[str]              # multi-year markers that may mean "within the year" (累计)
    time: Any
    time_keys: str                          # a character every time expression without 年 holds
    year: Any
    year_not_after: frozenset[str]
    year_not_before: tuple[str, ...]
    estimate: tuple[str, ...]
    opener: Any
    opener_first: frozenset[str]
    address: tuple[str, ...]
    review_year_openers: tuple[str, ...]
    review_year_time_words: frozenset[str]
    since: tuple[str, ...]

    @classmethod
    def build(cls, lang: Lang, numbers: NumberVocabulary) -> "Words":
        return cls(**_relation_words(lang, numbers), **_subject_words(lang, numbers), **_list_words(lang),
                   **_time_words(lang, numbers))


def _relation_words(lang: Lang, numbers: NumberVocabulary) -> dict[str, Any]:
    """Relations, qualifier words, fillers, and the two ends of a change."""
    def w(name: str, key: str) -> list[str]:
        return list(lang.words(name, key))

    rel = {k: w("relations.json", k) for k in ("growth_up", "growth_down", "level")}
    rclass = {word: c for c, key in (("level", "level"), ("up", "growth_up"), ("down", "growth_down"))
              for word in rel[key]}
    before = list(numbers.qualifiers["before"])
    bounds = [x for x, q in numbers.qualifiers["before"].items()
              if q in ("at_least", "at_most") and x not in w("qualifiers.json", "verb_bounds")]
    before += [n + b for n in w("qualifiers.json", "negations") for b in bounds]
    de = alt(w("subjects.json", "attributive_particles"))
    year_of = rf"(?:(?P<y>{YEAR_DIGITS}){YEAR_CHAR}{YEAR_ENDS}?+(?:{de})?+)?"
    reached = [x for x in rel["level"] if x.endswith(tuple(w("relations.json", "level_endings"))) and len(x) > 1]
    return dict(
        relation_class=rclass,
        relations=Lexicon(rclass),
        qualifiers_before=Lexicon(before),
        fillers=Lexicon(w("relations.json", "fillers")),
        growth=Lexicon(rel["growth_up"] + rel["growth_down"]),
        copulas=frozenset(w("relations.json", "copulas")),
        level_endings=tuple(w("relations.json", "level_endings")),
        change_start=_short(rf"(?:{alt(w('relations.json', 'change_starts'))}){year_of}$"),
        change_start_last=frozenset(x[-1] for x in w("relations.json", "change_starts"))
        | frozenset(YEAR_CHAR) | frozenset(YEAR_END_CHARS) | frozenset(w("subjects.json", "attributive_particles")),
        change_end=_short(rf"(?P<rel>{alt(reached)}|(?:{alt(rel['growth_up'] + rel['growth_down'])})"
                          rf"(?:{alt(w('relations.json', 'copulas'))})){year_of}"),
    )


def _subject_words(lang: Lang, numbers: NumberVocabulary) -> dict[str, Any]:
    """The words around a subject: leads, verbs, comparisons, trailing words, nouns after a number."""
    def w(name: str, key: str) -> list[str]:
        return list(lang.words(name, key))

    transitive, light = w("verbs.json", "transitive"), w("subjects.json", "light_verbs")
    lead_words = (w("subjects.json", "time_words") + w("horizons.json", "estimate_markers")
                  + list(numbers.qualifiers["stretch"]) + w("subjects.json", "clause_lead_words"))
    by = alt(w("horizons.json", "by_year_prefixes"))
    dun = w("clauses.json", "enumeration_comma")[0]
    stops = alt(w("subjects.json", "post_subject_stops"))
    # the bullet of a summary line (——经济运行平稳) and Markdown marks never open a subject
    bullets = w("summing_up.json", "bullets")
    money = alt([u for u, i in numbers.units.items() if i["norm"] == "CNY" and len(u) == 1])
    threshold = rf"[0-9]+(?:\.[0-9]+)?(?:{alt(numbers.magnitudes)})?(?:{money})?(?:{alt(w('subjects.json', 'threshold_words'))})"
    return dict(
        # …and a parenthetical that opens it (预计(下同)全市…, 比上年(下同)增长): a note, not the subject
        lead=_short(rf"(?:{alt(lead_words)}|(?:{by})?{YEAR_POINT}|[{dun},;:\s{MARKUP}]|{alt(bullets)}|{ITEM_MARKER}|\([^()]{{0,20}}\))"),
        lead_first=frozenset(x[0] for x in lead_words + w("horizons.json", "by_year_prefixes"))
        | frozenset("0123456789,;:(" + dun + MARKUP) | frozenset(b[0] for b in bullets) | _WHITESPACE
        | frozenset(ITEM_MARKER),
        scope=Lexicon(w("subjects.json", "scope_prefixes")),
        adverbs=Lexicon(w("subjects.json", "adverbs")),
        prepositions=Lexicon(w("subjects.json", "prepositions")),
        bare_prepositions=frozenset(w("subjects.json", "bare_prepositions")),
        transitive=Lexicon(transitive),
        transitive_search=_short(f"(?:{alt(transitive)})"),
        light=Lexicon(light),
        light_search=_short(f"(?:{alt(light)})"),
        noun_makers=frozenset(w("subjects.json", "noun_makers")),
        verb_object_nouns=frozenset(w("subjects.json", "verb_object_nouns")),
        verb_joiners=frozenset(w("clauses.json", "verb_joiners")),
        attributive=frozenset(w("subjects.json", "attributive_particles")),
        compare=_short(_compare_pattern(lang)),
        trail_probe=_short(_char_class(key_chars(w("comparisons.json", "markers") + w("comparisons.json", "standalone"))
                                       | set(w("subjects.json", "attributive_particles") + w("comparisons.json", "locatives")))),
        copula_end=_short(_copula_end_pattern(lang)),
        trailing=Lexicon(w("subjects.json", "trailing_noise")),
        trailing_punct=frozenset(",;: " + dun + MARKUP),
        post=_short(rf"(?:{threshold})?(?:(?!{stops})[{HAN_CLASS}{QUOTES}A-Za-z])+?(?=$|{stops}|[,;{FULL_STOP}{dun}:()\s0-9])"),
        rate_suffixes=tuple(w("relations.json", "rate_of_change_suffixes")),
        ratio_suffixes=tuple(w("subjects.json", "ratio_suffixes")),
        growth_rate_suffixes=tuple(w("subjects.json", "growth_rate_suffixes")),
        text_stripped_suffixes=tuple(w("subjects.json", "text_stripped_suffixes")),
        generic_totals=frozenset(w("subjects.json", "generic_totals")),
        generic_heads=tuple(w("subjects.json", "generic_heads")),
        note_parentheticals=tuple(w("subjects.json", "note_parentheticals")),
        threshold_words=frozenset(w("subjects.json", "threshold_words")),
        durations=tuple(w("units.json", "duration_prefixes")),
    )


def _list_words(lang: Lang) -> dict[str, Any]:
    """How the numbers of a clause hang together: list joiners, 分别, 均."""
    def w(key: str) -> list[str]:
        return list(lang.words("clauses.json", key))

    return dict(
        each=tuple(w("each")),
        list_joiners=frozenset(w("list_joiners")),
        enumeration_comma=w("enumeration_comma")[0],
        longest_joiner=max(len(x) for x in w("list_joiners")),
        split_dun=_short(alt(w("enumeration_comma"))),
        split_any=_short(alt(w("enumeration_comma") + w("list_split_words"))),
        respectively=Lexicon(w("respectively")),
        address=tuple(w("address")),
    )


def _time_words(lang: Lang, numbers: NumberVocabulary) -> dict[str, Any]:
    """Years, time words, multi-year markers, 预计, 力争 and the sentence openers."""
    def w(name: str, key: str) -> list[str]:
        return list(lang.words(name, key))

    by = alt(w("horizons.json", "by_year_prefixes"))
    multi = w("horizons.json", "multi_year_markers")
    time_words = w("horizons.json", "time_words")
    period = rf"{PLAN_PERIOD}(?:{alt(w('horizons.json', 'plan_period_suffixes'))})?"
    opener = _opener_pattern(lang)
    return dict(
        stretch=Lexicon(numbers.qualifiers["stretch"]),
        stretch_search=_short(f"(?:{alt(numbers.qualifiers['stretch'])})"),
        stretch_or_multi_probe=_short(_char_class(key_chars(list(numbers.qualifiers["stretch"]) + multi, avoid=YEAR_CHAR))),
        multi_search=_short(f"(?:{alt(multi)})"),
        cumulative=frozenset(w("horizons.json", "cumulative_markers")),
        time=_short(rf"(?:{by}){YEAR_POINT}|{YEAR_POINT}|{alt(time_words)}|{period}"),
        # a clause without 年 can hold only the time words without it (累计) and 十X五
        time_keys="".join(sorted(key_chars([x for x in time_words if YEAR_CHAR not in x] + [PLAN_PERIOD[-1]]))),
        year=regex.compile(rf"(?P<by>{by})?(?P<y>{YEAR_DIGITS}){YEAR_CHAR}(?!{alt(w('horizons.json', 'decade_words'))})"),
        year_not_after=frozenset(w("comparisons.json", "year_not_after")),
        year_not_before=tuple(w("comparisons.json", "year_not_before")),
        estimate=tuple(w("horizons.json", "estimate_markers")),
        opener=opener,
        opener_first=frozenset(opener.pattern) | frozenset(" \t\u3000")
        | frozenset(x[0] for x in w("clauses.json", "address")),
        review_year_openers=tuple(w("horizons.json", "review_year_openers")),
        review_year_time_words=frozenset(w("horizons.json", "review_year_time_words")),
        since=tuple(w("horizons.json", "since_words")),
    )


def _compare_pattern(lang: Lang) -> str:
    """Adverbials of comparison: 比2016年, 相比2019年, 较上年, 同比. A marker inside a word
    (占比, 比重, 较快) is none: its neighbours come from the words that end or start with it."""
    markers = lang.words("comparisons.json", "markers")
    ending = lang.words("comparisons.json", "words_ending_in_a_marker")
    starting = lang.words("comparisons.json", "words_starting_with_a_marker")
    parts = []
    for m in sorted(markers, key=len, reverse=True):
        before = sorted({x[-len(m) - 1] for x in ending if x.endswith(m) and len(x) > len(m)})
        after = sorted({x[len(m)] for x in starting if x.startswith(m) and len(x) > len(m)})
        lb = f"(?<![{''.join(before)}])" if before else ""
        la = f"(?![{''.join(after)}])" if after else ""
        parts.append(f"{lb}{regex.escape(m)}{la}")
    refs = alt(lang.words("comparisons.json", "references"))
    heads = alt(lang.words("comparisons.json", "change_heads"))
    return (rf"(?:{'|'.join(parts)})(?:{refs}|(?P<cy>{YEAR_DIGITS}){YEAR_CHAR}{YEAR_ENDS}?+|[^,;{FULL_STOP}]{{1,10}}?(?={heads}))"
            rf"|{alt(lang.words('comparisons.json', 'standalone'))}")


def _copula_end_pattern(lang: Lang) -> str:
    """是2016年的 (N倍), 占全市的 (N%), 在全市 (locative): they end the subject window."""
    cops = alt(lang.words("comparisons.json", "share_copulas"))
    de = alt(lang.words("subjects.json", "attributive_particles"))
    loc = alt(lang.words("comparisons.json", "locatives"))
    return rf"(?:{cops})(?:(?P<cy2>{YEAR_DIGITS}){YEAR_CHAR}|[^,;{FULL_STOP}]{{1,10}}?)(?:{de})$|(?:{loc})[^,;{FULL_STOP}]{{1,4}}$"


def _opener_pattern(lang: Lang) -> Any:
    """Sentence openers that say which span of time the sentence speaks of (matched at sentence starts)."""
    def w(key: str) -> list[str]:
        return list(lang.words("horizons.json", key))

    five = alt(w("five_year_openers"))
    period = rf"{QUOTES[0]}?{PLAN_PERIOD}{QUOTES[1]}?(?:{alt(w('plan_period_suffixes'))})?"
    block = rf"(?P<y2>{YEAR_DIGITS}){YEAR_CHAR}(?:{alt(w('since_words'))})|{alt(w('year_block_openers'))}"
    year = rf"(?P<y>{YEAR_DIGITS}){YEAR_CHAR}[,{''.join(w('dated_remark_followers'))}]|{alt(w('year_openers'))}"
    return _regex.compile(rf"(?:(?P<multi>{five}|{period})|(?P<block>{block})|(?P<year>{year}))", short=True)


def words_of(lang: Lang, numbers: NumberVocabulary) -> Words:
    """The compiled words for a pipeline's language data and number vocabulary (cached)."""
    slot: dict[tuple[int, int], Words] = lang.cached("analysis_words", lambda _lang: {})
    key = (id(numbers), numbers.version)
    hit = slot.get(key)
    if hit is None:
        hit = Words.build(lang, numbers)
        slot.clear()          # one number vocabulary per pipeline: keep the latest version only
        slot[key] = hit
    return hit
