"""Language data: every word list and phrase shape a rule reads, one file per concept.

The files live in ``govextract/data/`` (``relations.json``, ``subjects.json``, ``target_lists.json``
…); each opens with an ``about`` text that says what the concept is, and its keys are declared
in :mod:`govextract.lang.schema`, which :func:`validate` checks. Code never types a word of
these lists again: a rule asks its pipeline's :class:`Lang` for them::

    lang = doc.vocab.lang
    lang.words("relations.json", "growth_down")      # ('缩减', '下降', …)

and a pattern built from words is compiled once per version of the data::

    pat = lang.cached("growth_end", lambda l: compile(alt(l.words(...)) + "$"))

A user extends a list for one pipeline only; the patterns built from it are rebuilt::

    nlp = govextract.Pipeline()
    nlp.vocab.lang.add("target_lists.json", "lead_heads", ["年度目标"])
"""
from __future__ import annotations

import copy
import json
import threading
from functools import lru_cache
from importlib import resources
from typing import Any, Callable, Iterable, Optional, TypeVar

from .schema import SCHEMAS, WHOLE_FILE_TABLES, LanguageDataError, Words, check_disjoint, check_file

__all__ = ["Lang", "LanguageDataError", "default_lang", "validate", "load_file"]

T = TypeVar("T")


@lru_cache(maxsize=None)
def _read(name: str) -> Any:
    text = resources.files("govextract").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    return json.loads(text)


def load_file(name: str) -> Any:
    """The parsed data file ``name`` as shipped (shared, read-only: copy before changing it)."""
    return _read(name)


def data_files() -> list[str]:
    """Every language-data file the package ships."""
    return sorted(SCHEMAS) + sorted(WHOLE_FILE_TABLES)


def validate() -> None:
    """Check every shipped data file against its schema; raise LanguageDataError on the first fault."""
    files = {name: load_file(name) for name in data_files()}
    for name, data in files.items():
        check_file(name, data)
    check_disjoint(files)


class Lang:
    """The language data one pipeline reads: a private copy of the shipped files, extendable."""

    def __init__(self, files: Optional[dict[str, Any]] = None) -> None:
        self._files: dict[str, Any] = files if files is not None else {}
        self.version = 0
        self._cache: dict[str, tuple[int, Any]] = {}
        self._lock = threading.Lock()

    @classmethod
    def default(cls) -> "Lang":
        """The shipped data, for one pipeline (changes to it stay in it: a file is copied the
        first time this pipeline changes it, so building a pipeline copies nothing)."""
        return cls()

    def _file(self, name: str) -> dict[str, Any]:
        f = self._files.get(name)
        if f is None:
            if name not in SCHEMAS:
                raise KeyError(f"no language-data file {name!r}; known: {sorted(SCHEMAS)}")
            f = load_file(name)       # shared and read-only: words() and mapping() hand out copies
        return f   # type: ignore[no-any-return]

    def words(self, name: str, key: str) -> tuple[str, ...]:
        """The words of list ``key`` in file ``name``, in file order."""
        spec = SCHEMAS.get(name, {}).get(key)
        if not isinstance(spec, Words):
            raise KeyError(f"{name} has no word list {key!r}")
        return tuple(self._file(name).get(key, ()))

    def mapping(self, name: str, key: str) -> dict[str, Any]:
        """The mapping ``key`` of file ``name`` (a copy)."""
        value = self._file(name).get(key)
        if not isinstance(value, dict):
            raise KeyError(f"{name} has no mapping {key!r}")
        return dict(value)

    def add(self, name: str, key: str, words: Iterable[str]) -> None:
        """Add words to a list of this pipeline's data; the file is validated again at once."""
        spec = SCHEMAS.get(name, {}).get(key)
        if not isinstance(spec, Words):
            raise KeyError(f"{name} has no word list {key!r}")
        new = list(copy.deepcopy(self._file(name)).get(key, []))
        for w in words:
            if not isinstance(w, str):
                raise TypeError(f"a word must be a str, not {type(w).__name__}")
            if w not in new:
                new.append(w)
        candidate = dict(copy.deepcopy(self._file(name)), **{key: new})
        check_file(name, candidate)
        check_disjoint({**self._files, name: candidate})
        self._files[name] = candidate
        self.version += 1

    def cached(self, key: str, build: Callable[["Lang"], T]) -> T:
        """A value derived from this data (a compiled pattern, a set), rebuilt after any change."""
        hit = self._cache.get(key)
        if hit is None or hit[0] != self.version:
            with self._lock:
                hit = self._cache.get(key)
                if hit is None or hit[0] != self.version:
                    hit = (self.version, build(self))
                    self._cache[key] = hit
        value: T = hit[1]
        return value

    def copy(self) -> "Lang":
        """An independent copy: the files this one changed are copied, the others stay shared."""
        return Lang(copy.deepcopy(self._files))


_DEFAULT: Optional[Lang] = None
_DEFAULT_LOCK = threading.Lock()


def default_lang() -> Lang:
    """The shared default data, for code that runs outside a pipeline (read-only by convention)."""
    global _DEFAULT
    if _DEFAULT is None:
        with _DEFAULT_LOCK:
            if _DEFAULT is None:
                _DEFAULT = Lang.default()
    return _DEFAULT
