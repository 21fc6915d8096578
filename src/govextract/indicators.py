"""The indicator vocabulary and the matcher from a written subject phrase to a canonical id.

The words the matcher needs besides the indicators' names are language data
(:mod:`govextract.lang`): scope and time words (``subjects.json``), the rate-of-change suffixes
and the ratio, sector and short-form rules' words (``relations.json``). How a phrase is
matched is documented in ``docs/vocabularies.md`` ("How a subject is matched").
"""
from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from typing import Any, Iterable, Optional

from ._data import load_json
from .lang import Lang, default_lang

_MISS = object()
# Names of three characters or fewer are short forms (出口额, 进出口, GDP): with a word before
# them they name a part of the whole (机电产品出口额, 服务贸易进出口额), so they match only the
# whole phrase, never as the end of a longer one.
_MIN_SUFFIX_NAME = 4
# A name opens with a sector word (工业, 服务业, 第三产业) when a sector name's last word
# (relations.json sector_suffixes) ends within its first four characters; a longer opening
# is a scope before the sector (规模以上工业), not a sector word.
_SECTOR_WORD_MAX = 4
# The phrase-cache bound: subjects repeat, but a long run over many reports must not grow it forever.
_CACHE_MAX = 100_000
_CJK = re.compile(r"[\u3400-\u9fff]")
# Layout marks that may open or close a subject taken from a table cell or a bullet
# (| 地区生产总值增长 |, ——国内生产总值, **全区生产总值): not part of any name.
_EDGE_MARKS = "|｜*#>—-·•:："
# A parenthetical inside a subject: brackets around a few characters, none nested.
_PARENTHETICAL = re.compile(r"[(（][^()（）]{0,20}[)）]")


@dataclass
class Indicator:
    id: str
    zh: str
    en: str = ""
    aliases: list[str] = field(default_factory=list)
    split: Optional[dict[str, list[str]]] = None   # {"markers": [...], "into": [id, id]} for 城乡-style compounds
    growth_aliases: list[str] = field(default_factory=list)   # names that mean its growth (经济增速)
    headline: bool = False          # a headline figure of a year (SPEC "What is headline")

    def names(self) -> tuple[str, ...]:
        return (self.zh, *self.aliases, *self.growth_aliases)


@dataclass(frozen=True)
class _Words:
    """The language data the matcher reads, prepared once per version of the data."""
    prefix: "re.Pattern[str]"
    rate: tuple[str, ...]            # stripped for matching, longest first
    ratio_suffixes: tuple[str, ...]
    ratio_connectors: tuple[str, ...]
    sector_suffixes: tuple[str, ...]


def _prepare(lang: Lang) -> _Words:
    def longest_first(words: Iterable[str]) -> tuple[str, ...]:
        return tuple(sorted(set(words), key=len, reverse=True))
    scopes = lang.words("subjects.json", "scope_prefixes") + lang.words("subjects.json", "time_words")
    rate = lang.words("relations.json", "rate_of_change_suffixes") \
        + lang.words("relations.json", "ambiguous_rate_suffixes")
    return _Words(
        prefix=re.compile("(?:" + "|".join(map(re.escape, longest_first(scopes))) + ")+"),
        rate=longest_first(rate),
        ratio_suffixes=longest_first(lang.words("relations.json", "ratio_suffixes")),
        ratio_connectors=longest_first(lang.words("relations.json", "ratio_connectors")),
        sector_suffixes=lang.words("relations.json", "sector_suffixes"),
    )


class IndicatorVocabulary:
    """Canonical indicators with their aliases; extendable at run time.

    >>> v = IndicatorVocabulary.default()
    >>> v.match("全社会固定资产投资")
    'fixed_asset_investment'
    >>> v.add("digital_core_share", "数字经济核心产业增加值占比", aliases=["数字经济核心产业占比"])
    >>> v.match("全市数字经济核心产业增加值占比")
    'digital_core_share'
    """

    def __init__(self, indicators: Iterable[Indicator] = (), lang: Optional[Lang] = None) -> None:
        self.indicators: dict[str, Indicator] = {}
        self._lang = lang if lang is not None else default_lang()
        self._alias: dict[str, str] = {}
        self._growth: set[str] = set()
        self._cache: dict[str, Optional[str]] = {}
        self._unscoped_memo: dict[str, str] = {}
        self._memos: dict[str, tuple[object, dict[Any, Any]]] = {}
        self._derived: Optional[_Derived] = None
        self._words_version = -1
        self._words_value: Optional[_Words] = None
        self._max_len = 0
        for ind in indicators:
            self._register(ind)

    @classmethod
    def default(cls, lang: Optional[Lang] = None) -> "IndicatorVocabulary":
        """A fresh, independent copy of the shipped ``indicators.json`` (split rules included)."""
        return cls((Indicator(d["id"], d["zh"], d.get("en", ""), list(d.get("aliases", [])),
                              split=copy.deepcopy(d.get("split")), headline=d.get("headline", False),
                              growth_aliases=list(d.get("growth_aliases", [])))
                    for d in load_json("indicators.json")), lang=lang)

    def copy(self) -> "IndicatorVocabulary":
        """An independent copy: nothing mutable is shared with this vocabulary."""
        return IndicatorVocabulary((copy.deepcopy(i) for i in self.indicators.values()), lang=self._lang)

    # -- building ----------------------------------------------------------------------------
    def _register(self, ind: Indicator) -> None:
        self._cache = {}
        self._memos = {}
        self._derived = None
        self.indicators[ind.id] = ind
        for name in ind.names():
            self._alias[self._key(name)] = ind.id
        self._growth.update(self._key(a) for a in ind.growth_aliases)
        self._max_len = max([self._max_len, *map(len, self._alias)])

    def add(self, id: str, zh: str, aliases: Iterable[str] = (), en: str = "", headline: bool = False,
            split: Optional[dict[str, list[str]]] = None) -> None:
        """Add an indicator, or extend an existing one with more aliases.

        ``headline=True`` marks it a headline figure (outcomes of the review);
        ``split`` is a compound rule like ``{"markers": ["城乡"], "into": [id_a, id_b]}``.
        """
        if id in self.indicators:
            ind = self.indicators[id]
            ind.aliases.extend(a for a in aliases if a not in ind.aliases)
            ind.headline = ind.headline or headline
            ind.split = copy.deepcopy(split) or ind.split
        else:
            ind = Indicator(id, zh, en, list(aliases), split=copy.deepcopy(split), headline=headline)
        self._register(ind)

    def _refresh(self) -> None:
        """Re-read the language data after a change to it (a pipeline's ``lang.add``)."""
        if self._words_value is None or self._words_version != self._lang.version:
            self._words_value, self._words_version = _prepare(self._lang), self._lang.version
            self._cache = {}
            self._unscoped_memo = {}
            self._memos = {}
            self._derived = None

    @property
    def _words(self) -> _Words:
        self._refresh()
        assert self._words_value is not None
        return self._words_value

    def _memo(self, name: str, owner: object = None) -> dict[Any, Any]:
        """A dictionary for answers a caller derives from this vocabulary (and from ``owner``,
        the words it reads them with), kept across documents: subjects recur from report to
        report. It is emptied whenever an indicator is added or the language data changes,
        and replaced when ``owner`` is another object. Callers bound its size."""
        if self._words_version != self._lang.version:
            self._refresh()
        hit = self._memos.get(name)
        if hit is None or hit[0] is not owner:
            hit = self._memos[name] = (owner, {})
        return hit[1]

    def _rules(self) -> "_Derived":
        if self._derived is None:
            self._derived = _Derived(self)
            self._derived.learn()
        return self._derived

    # -- lookups -----------------------------------------------------------------------------
    @staticmethod
    def _key(s: str) -> str:
        # a parenthetical names the scope or basis, not the indicator: 全省生产总值(GDP),
        # 固定资产投资(不含农户), 实际利用外资(报表口径)
        if "(" in s or "（" in s:
            s = _PARENTHETICAL.sub("", s)
        return s.replace(" ", "").replace("“", "").replace("”", "").upper()

    def _unscoped(self, subject: str) -> str:
        """The phrase without the scope and time words that open it (全省, 全年 …) (remembered:
        the same subjects are asked for by several rules)."""
        if self._words_version != self._lang.version:
            self._refresh()
        hit = self._unscoped_memo.get(subject)
        if hit is None:
            hit = self._unscope(subject)
            if len(self._unscoped_memo) < _CACHE_MAX:
                self._unscoped_memo[subject] = hit
        return hit

    def _unscope(self, subject: str) -> str:
        whole = self._key(subject).strip(_EDGE_MARKS) or self._key(subject)
        m = self._words.prefix.match(whole)
        return whole[m.end():] if m and m.end() < len(whole) else whole

    def core(self, subject: str) -> str:
        """The subject without scope, time words or a rate-of-change suffix."""
        s = self._unscoped(subject)
        for suf in self._words.rate:
            if s.endswith(suf) and len(s) > len(suf):
                return s[: -len(suf)]
        return s

    def match(self, subject: Optional[str]) -> Optional[str]:
        """The canonical id for a subject phrase, or None.

        Chinese noun phrases are head-final, so an alias must end the phrase
        (``全社会固定资产投资`` -> fixed-asset investment, but ``高新技术企业增加值占GDP比重``
        is not GDP).
        """
        if not subject:
            return None
        if self._words_version != self._lang.version:
            self._refresh()
        hit = self._cache.get(subject, _MISS)
        if hit is not _MISS:
            return hit          # type: ignore[return-value]
        hit = self.explain(subject)[0]
        if len(self._cache) < _CACHE_MAX:
            self._cache[subject] = hit
        return hit

    def explain(self, subject: Optional[str]) -> tuple[Optional[str], str]:
        """The id for a phrase and the name of the rule that decided it (see docs/vocabularies.md).

        >>> v = IndicatorVocabulary.default()
        >>> v.explain("租赁和商务服务业增加值")
        (None, 'sector_compound')
        >>> v.explain("农村牧区常住居民人均可支配收入")
        ('rural_disposable_income', 'suffix_child')
        """
        if not subject:
            return None, "empty"
        whole = self._unscoped(subject)
        if whole in self._alias:          # 经济增速 is itself an alias
            return self._alias[whole], "name"
        s = self.core(subject)
        if s in self._alias:
            return self._alias[s], "core_name"
        ratio = self._rules().ratio(s)
        if ratio is not None:
            return ratio
        if s != whole:
            # a name may itself end in a rate word (…经济增长): look for it before the stripped core
            hit = self._suffix(whole)
            if hit[0] is not None:
                return hit
        return self._suffix(s)

    def _suffix(self, s: str) -> tuple[Optional[str], str]:
        """The longest name of at least _MIN_SUFFIX_NAME characters that ends the phrase, judged."""
        start = max(1, len(s) - self._max_len)    # no name is longer than the longest one
        for i in range(start, len(s) - _MIN_SUFFIX_NAME + 1):
            hit = self._alias.get(s[i:])
            if hit:
                return self._rules().judge(hit, s, i)
        return None, "none"

    def names_growth(self, subject: Optional[str]) -> bool:
        """Whether the phrase is a name for the growth of an indicator (经济增速, 经济增长率)."""
        return bool(subject) and self._unscoped(subject or "") in self._growth

    def exact(self, subject: Optional[str]) -> Optional[str]:
        """The id when the whole phrase (scope words aside) is an indicator's name or alias."""
        return self._alias.get(self._unscoped(subject)) if subject else None

    def is_headline(self, indicator: Optional[str]) -> bool:
        """Whether an id is a headline figure of a year (SPEC, actuals: "What is headline")."""
        ind = self.indicators.get(indicator or "")
        return bool(ind and ind.headline)

    def split(self, indicator: Optional[str], subject: str, n: int) -> Optional[list[str]]:
        """Ids for a compound subject written once before ``n`` numbers (城乡… 分别 8%、10%)."""
        if not indicator or indicator not in self.indicators:
            return None
        rule = self.indicators[indicator].split
        if not rule or len(rule["into"]) != n:
            return None
        if any(m in subject for m in rule["markers"]):
            return list(rule["into"])
        return None


class _Derived:
    """Rules derived from the vocabulary's own names, rebuilt whenever an indicator is added.

    - ``ratio``: every name written as a ratio (``研发经费支出占地区生产总值比重``) teaches the
      pair (numerator id, denominator id) -> ratio id, so every other way of writing that ratio
      (``…与地区生产总值之比``, ``…相当于全市生产总值的比例``) finds it;
    - ``children``: for a compound indicator with a split rule, the words that its children's
      names put before a parent name (城镇, 农村常住) narrow a parent match to that child.
    """

    def __init__(self, vocab: IndicatorVocabulary) -> None:
        self.vocab = vocab
        self.words = vocab._words
        self.parent_of: dict[str, str] = {}
        self.children: dict[str, dict[str, tuple[str, ...]]] = {}
        self.ratios: dict[tuple[str, str], str] = {}

    def learn(self) -> None:
        """Read the rules off the names (once the vocabulary holds this object: ratios match parts)."""
        vocab = self.vocab
        for ind in vocab.indicators.values():
            if ind.split:
                self._learn_children(ind)
        for ind in vocab.indicators.values():
            for name in ind.names():
                pair = self._ratio_pair(vocab._key(name))
                if pair:
                    self.ratios.setdefault(pair, ind.id)

    def _learn_children(self, parent: Indicator) -> None:
        assert parent.split is not None
        own = [self.vocab._key(n) for n in parent.names()]
        mods: dict[str, tuple[str, ...]] = {}
        for child_id in parent.split["into"]:
            self.parent_of[child_id] = parent.id
            child = self.vocab.indicators.get(child_id)
            names = [self.vocab._key(n) for n in child.names()] if child else []
            mods[child_id] = tuple({n[: -len(p)] for n in names for p in own if n.endswith(p) and len(n) > len(p)})
        self.children[parent.id] = mods

    def _ratio_parts(self, s: str) -> Optional[tuple[str, str]]:
        """(numerator, denominator) of a phrase written as a ratio (X占Y比重, X与Y之比 …), else None."""
        w = self.words
        suf = next((x for x in w.ratio_suffixes if s.endswith(x) and len(s) > len(x)), None)
        if suf is None:
            return None
        body = s[: -len(suf)]
        at, conn = max(((body.rfind(c), c) for c in w.ratio_connectors), key=lambda t: t[0])
        if at <= 0 or at + len(conn) >= len(body):
            return None
        return body[:at], body[at + len(conn):]

    def _ratio_pair(self, s: str) -> Optional[tuple[str, str]]:
        parts = self._ratio_parts(s)
        if parts is None:
            return None
        num, den = (self._plain(p) for p in parts)
        return (num, den) if num and den else None

    def _plain(self, s: str) -> Optional[str]:
        """A part of a ratio matched as a phrase of its own (no ratio rule inside a ratio)."""
        v = self.vocab
        hit = v._alias.get(v._unscoped(s)) or v._alias.get(v.core(s))
        return hit or v._suffix(v.core(s))[0]

    def ratio(self, s: str) -> Optional[tuple[Optional[str], str]]:
        """The ratio id of a phrase written as a ratio, (None, rule) for an unknown ratio, None if no ratio."""
        parts = self._ratio_parts(s)
        if parts is None:
            return None
        num, den = (self._plain(p) for p in parts)
        hit = self.ratios.get((num or "", den or ""))
        return (hit, "ratio") if hit else (None, "unknown_ratio")

    def judge(self, hit: str, s: str, at: int) -> tuple[Optional[str], str]:
        """Whether a name found at the end of the phrase (at ``at``) names the phrase."""
        left = s[:at]
        parent = self.parent_of.get(hit)
        rule = self.vocab.indicators[parent].split if parent else None
        if parent and rule:
            if any(m in s for m in rule["markers"]):
                # 城镇和农村居民人均可支配收入 ends like the rural name but names both
                return parent, "split_parent"
        if not _CJK.search(left):
            return hit, "suffix"                  # only marks or digits before the name (——, **)
        child = self._child(hit, left)
        if child:
            return child, "suffix_child"
        if any(c in left for c in self.words.ratio_connectors):
            return None, "ratio_denominator"      # 民生支出占财政支出: the name is the denominator
        if self._opens_with_sector(s[at:]):
            return None, "sector_compound"        # 租赁和商务服务业增加值 is not 服务业增加值
        return hit, "suffix"

    def _child(self, hit: str, left: str) -> Optional[str]:
        """The one child of a compound whose words stand before the parent name (农村牧区常住…)."""
        named = [c for c, mods in self.children.get(hit, {}).items() if any(m and m in left for m in mods)]
        return named[0] if len(named) == 1 else None

    def _opens_with_sector(self, name: str) -> bool:
        """Whether the name opens with a sector word (工业, 服务业, 第三产业 …) and goes on after it."""
        ends = range(2, min(_SECTOR_WORD_MAX, len(name) - 1) + 1)
        return any(name.endswith(t, 0, j) for j in ends for t in self.words.sector_suffixes)
