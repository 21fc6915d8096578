"""The indicator vocabulary and the matcher from a written subject phrase to a canonical id."""
from __future__ import annotations

from dataclasses import dataclass, field
import re
from typing import Iterable, Optional

from ._data import load_json
from .lang import default_lang

# Suffixes that name the rate of change of the subject rather than a different measure.
_MISS = object()
_RATE_SUFFIXES = ("增长速度", "增长率", "增速", "增幅")


@dataclass
class Indicator:
    id: str
    zh: str
    en: str = ""
    aliases: list[str] = field(default_factory=list)
    split: Optional[dict] = None   # {"markers": [...], "into": [id, id]} for 城乡-style compounds
    growth_aliases: list[str] = field(default_factory=list)   # names that mean its growth (经济增速)
    headline: bool = False         # an economic aggregate that a year's summary sentence states


class IndicatorVocabulary:
    """Canonical indicators with their aliases; extendable at run time.

    >>> v = IndicatorVocabulary.default()
    >>> v.match("全社会固定资产投资")
    'fixed_asset_investment'
    >>> v.add("digital_core_share", "数字经济核心产业增加值占比", aliases=["数字经济核心产业占比"])
    >>> v.match("全市数字经济核心产业增加值占比")
    'digital_core_share'
    """

    def __init__(self, indicators: Iterable[Indicator] = ()) -> None:
        self.indicators: dict[str, Indicator] = {}
        self._alias: dict[str, str] = {}
        self._parent_of: dict[str, str] = {}
        self._cache: dict[str, Optional[str]] = {}
        self._growth: set[str] = set()
        lang = default_lang()
        self._scopes = tuple(sorted(lang.words("subjects.json", "scope_prefixes"), key=len, reverse=True))
        self._times = tuple(sorted(lang.words("subjects.json", "time_words"), key=len, reverse=True))
        self._prefix_re = re.compile("(?:" + "|".join(map(re.escape, self._scopes + self._times)) + ")+")
        for ind in indicators:
            self._register(ind)

    @classmethod
    def default(cls) -> "IndicatorVocabulary":
        return cls(Indicator(d["id"], d["zh"], d.get("en", ""), list(d.get("aliases", [])), split=d.get("split"),
                             headline=d.get("headline", False), growth_aliases=list(d.get("growth_aliases", [])))
                   for d in load_json("indicators.json"))

    def copy(self) -> "IndicatorVocabulary":
        return IndicatorVocabulary(Indicator(i.id, i.zh, i.en, list(i.aliases), split=i.split, headline=i.headline,
                                             growth_aliases=list(i.growth_aliases)) for i in self.indicators.values())

    def _register(self, ind: Indicator) -> None:
        self._cache = {}
        self.indicators[ind.id] = ind
        for name in (ind.zh, *ind.aliases, *ind.growth_aliases):
            self._alias[self._key(name)] = ind.id
        self._growth.update(self._key(a) for a in ind.growth_aliases)
        self._by_len = sorted(self._alias, key=len, reverse=True)
        self._max_len = len(self._by_len[0]) if self._by_len else 0
        if ind.split:
            for child in ind.split["into"]:
                self._parent_of[child] = ind.id

    def add(self, id: str, zh: str, aliases: Iterable[str] = (), en: str = "", headline: bool = False,
            split: Optional[dict] = None) -> None:
        """Add an indicator, or extend an existing one with more aliases.

        ``headline=True`` lets it count towards a year's summary sentence (actuals);
        ``split`` is a compound rule like ``{"markers": ["城乡"], "into": [id_a, id_b]}``.
        """
        if id in self.indicators:
            ind = self.indicators[id]
            ind.aliases.extend(a for a in aliases if a not in ind.aliases)
            ind.headline = ind.headline or headline
            ind.split = split or ind.split
        else:
            ind = Indicator(id, zh, en, list(aliases), split=split, headline=headline)
        self._register(ind)

    @staticmethod
    def _key(s: str) -> str:
        return s.replace(" ", "").replace("“", "").replace("”", "").upper()

    def core(self, subject: str) -> str:
        """The subject without scope, time words or a rate-of-change suffix."""
        s = self._key(subject)
        m = self._prefix_re.match(s)
        if m and m.end() < len(s):
            s = s[m.end():]
        for suf in _RATE_SUFFIXES:
            if s.endswith(suf) and len(s) > len(suf):
                s = s[: -len(suf)]
                break
        return s

    def match(self, subject: Optional[str]) -> Optional[str]:
        """The canonical id for a subject phrase, or None.

        Chinese noun phrases are head-final, so an alias must end the phrase
        (``全社会固定资产投资`` -> fixed-asset investment, but ``高新技术企业增加值占GDP比重``
        is not GDP).
        """
        if not subject:
            return None
        hit = self._cache.get(subject, _MISS)
        if hit is not _MISS:
            return hit
        hit = self._match(subject)
        if len(self._cache) < 100_000:
            self._cache[subject] = hit
        return hit

    def names_growth(self, subject: Optional[str]) -> bool:
        """Whether the phrase is a name for the growth of an indicator (经济增速, 经济增长率)."""
        return bool(subject) and self._unscoped(subject) in self._growth

    def exact(self, subject: Optional[str]) -> Optional[str]:
        """The id when the whole phrase (scope words aside) is an indicator's name or alias."""
        return self._alias.get(self._unscoped(subject)) if subject else None

    def _unscoped(self, subject: str) -> str:
        """The phrase without the scope and time words that open it (全省, 全年 …)."""
        whole = self._key(subject)
        m = self._prefix_re.match(whole)
        return whole[m.end():] if m and m.end() < len(whole) else whole

    def _match(self, subject: str) -> Optional[str]:
        whole = self._unscoped(subject)
        if whole in self._alias:          # 经济增速 is itself an alias
            return self._alias[whole]
        s = self.core(subject)
        hit = self._alias.get(s)
        if hit is None:
            # longest alias that ends the phrase: look up each suffix, longest first (no alias is
            # longer than the longest one, so a page-long "subject" costs no more than a phrase)
            s = s[-self._max_len:]
            for i in range(1, len(s) - 2):
                hit = self._alias.get(s[i:])
                if hit:
                    break
        parent = self._parent_of.get(hit or "")
        if parent and any(m in s for m in self.indicators[parent].split["markers"]):
            # 城镇和农村居民人均可支配收入 ends like the rural alias but names both
            return parent
        return hit

    def is_headline(self, indicator: Optional[str]) -> bool:
        """Whether an id is an economic aggregate of the kind a year's summary sentence states."""
        ind = self.indicators.get(indicator or "")
        return bool(ind and ind.headline)

    def split(self, indicator: Optional[str], subject: str, n: int) -> Optional[list[str]]:
        """Ids for a compound subject written once before ``n`` numbers (城乡… 分别 8%、10%)."""
        if not indicator:
            return None
        rule = self.indicators[indicator].split
        if not rule or len(rule["into"]) != n:
            return None
        if any(m in subject for m in rule["markers"]):
            return list(rule["into"])
        return None
