"""Units, magnitudes and qualifier words: the numbers layer's vocabulary, extendable per pipeline.

Defaults come from ``data/units.json`` and ``data/qualifiers.json``; a user adds to a copy
held by a :class:`govextract.Pipeline` (``nlp.vocab.numbers.add_unit("标准箱", "TEU")``) and the
compiled patterns are rebuilt on the next document.
"""
from __future__ import annotations

import copy
from typing import Any, Optional

from .._data import load_json

_POSITIONS = ("before", "after", "inner")
_QUALIFIERS = ("exact", "about", "at_least", "at_most")


class NumberVocabulary:
    """Units (with a normalised unit and a Decimal factor), magnitude words and qualifier words."""

    def __init__(self, magnitudes: dict[str, str], units: dict[str, dict], qualifiers: dict[str, Any]) -> None:
        self.magnitudes = dict(magnitudes)
        self.units = {k: dict(v) for k, v in units.items()}
        self.qualifiers = copy.deepcopy({k: v for k, v in qualifiers.items() if k != "about"})
        self.version = 0
        self._cache: dict[str, tuple[int, Any]] = {}

    @classmethod
    def default(cls) -> "NumberVocabulary":
        u = load_json("units.json")
        return cls(u["magnitudes"], u["units"], load_json("qualifiers.json"))

    def add_unit(self, unit: str, norm: str, factor: str = "1") -> None:
        """A unit written after a number, e.g. ``add_unit("标准箱", "TEU")``; factor scales it to ``norm``."""
        self.units[unit] = {"norm": norm, "factor": str(factor)}
        self.version += 1

    def add_qualifier(self, word: str, qualifier: str, position: str = "before") -> None:
        """A qualifier word: ``add_qualifier("不少于", "at_least")``, ``add_qualifier("上下", "about", "after")``."""
        if position not in _POSITIONS:
            raise ValueError(f"position must be one of {_POSITIONS}, not {position!r}")
        if qualifier not in _QUALIFIERS:
            raise ValueError(f"qualifier must be one of {_QUALIFIERS}, not {qualifier!r}")
        self.qualifiers[position][word] = qualifier
        self.version += 1

    def add_stretch_word(self, word: str) -> None:
        """A word that marks a stretch goal (力争, 争取 …)."""
        if word not in self.qualifiers["stretch"]:
            self.qualifiers["stretch"].append(word)
            self.version += 1

    def cached(self, key: str, build) -> Any:
        """A value derived from this vocabulary, rebuilt after any change."""
        hit: Optional[tuple[int, Any]] = self._cache.get(key)
        if hit is None or hit[0] != self.version:
            hit = (self.version, build(self))
            self._cache[key] = hit
        return hit[1]


_DEFAULT: Optional[NumberVocabulary] = None


def default_numbers() -> NumberVocabulary:
    """The shared default vocabulary (read-only by convention: copy it through a Pipeline to extend)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = NumberVocabulary.default()
    return _DEFAULT
