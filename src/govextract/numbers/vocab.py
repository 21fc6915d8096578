"""Units, magnitudes and qualifier words: the numbers layer's vocabulary, extendable per pipeline.

Defaults come from ``data/units.json`` and ``data/qualifiers.json``; a user adds to a copy
held by a :class:`govextract.Pipeline` (``nlp.vocab.numbers.add_unit("标准箱", "TEU")``) and the
compiled patterns are rebuilt on the next document.
"""
from __future__ import annotations

import copy
from decimal import Decimal, InvalidOperation
from typing import Any, Callable, Optional, Union

from .._data import load_json
from ..errors import ConfigurationError, ConfigurationTypeError

_POSITIONS = ("before", "after", "inner")
_QUALIFIERS = ("exact", "about", "at_least", "at_most")


class NumberVocabulary:
    """Units (with a normalised unit and a Decimal factor), magnitude words and qualifier words."""

    def __init__(self, magnitudes: dict[str, str], units: dict[str, dict[str, str]], qualifiers: dict[str, Any]) -> None:
        for name, value in (("magnitudes", magnitudes), ("units", units), ("qualifiers", qualifiers)):
            if not isinstance(value, dict):
                raise ConfigurationTypeError(f"NumberVocabulary({name}=...) must be a dict, not {type(value).__name__}")
        for unit, spec in units.items():
            _check_word(unit, "unit")
            if not isinstance(spec, dict) or "norm" not in spec:
                raise ConfigurationError(f"unit {unit!r} needs a dict with a 'norm' entry, not {spec!r}")
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
        """A unit written after a number, e.g. ``add_unit("标准箱", "TEU")``; factor scales it to ``norm``.

        A bad value raises :class:`govextract.ConfigurationError` here, not at the next extraction."""
        _check_word(unit, "unit")
        _check_word(norm, "norm")
        self.units[unit] = {"norm": norm, "factor": _check_factor(factor)}
        self.version += 1

    def add_qualifier(self, word: str, qualifier: str, position: str = "before") -> None:
        """A qualifier word: ``add_qualifier("不少于", "at_least")``, ``add_qualifier("上下", "about", "after")``."""
        _check_word(word, "qualifier word")
        if position not in _POSITIONS:
            raise ConfigurationError(f"position must be one of {_POSITIONS}, not {position!r}")
        if qualifier not in _QUALIFIERS:
            raise ConfigurationError(f"qualifier must be one of {_QUALIFIERS}, not {qualifier!r}")
        self.qualifiers[position][word] = qualifier
        self.version += 1

    def add_stretch_word(self, word: str) -> None:
        """A word that marks a stretch goal (力争, 争取 …)."""
        _check_word(word, "stretch word")
        if word not in self.qualifiers["stretch"]:
            self.qualifiers["stretch"].append(word)
            self.version += 1

    def cached(self, key: str, build: Callable[["NumberVocabulary"], Any]) -> Any:
        """A value derived from this vocabulary, rebuilt after any change."""
        hit: Optional[tuple[int, Any]] = self._cache.get(key)
        if hit is None or hit[0] != self.version:
            hit = (self.version, build(self))
            self._cache[key] = hit
        return hit[1]


def _check_word(word: Any, what: str) -> None:
    """A word of the vocabulary: a non-empty string without blanks at its ends."""
    if not isinstance(word, str):
        raise ConfigurationTypeError(f"a {what} must be a str, not {type(word).__name__} ({word!r})")
    if not word.strip() or word != word.strip():
        raise ConfigurationError(f"a {what} must be a non-empty word without blanks at its ends, not {word!r}")


def _check_factor(factor: Union[str, int, Decimal]) -> str:
    """The factor of a unit as a decimal string: a finite number above zero."""
    if isinstance(factor, bool) or not isinstance(factor, (str, int, float, Decimal)):
        raise ConfigurationTypeError(f"a unit factor must be a decimal string, not {type(factor).__name__} ({factor!r})")
    try:
        value = Decimal(str(factor))
    except InvalidOperation:
        raise ConfigurationError(f"a unit factor must be a decimal number, not {factor!r}") from None
    if not value.is_finite() or value <= 0:
        raise ConfigurationError(f"a unit factor must be a finite number above zero, not {factor!r}")
    return str(factor)


_DEFAULT: Optional[NumberVocabulary] = None


def default_numbers() -> NumberVocabulary:
    """The shared default vocabulary (read-only by convention: copy it through a Pipeline to extend)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = NumberVocabulary.default()
    return _DEFAULT
