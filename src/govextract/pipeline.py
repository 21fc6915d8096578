"""A thin pipeline: text layer, then named components run in order over a shared ``Doc``.

Components are plain callables ``fn(doc) -> None`` registered under a name
(like spaCy factories).  ``Pipeline()`` runs the default list; a user can
add, replace or remove components and extend the vocabularies::

    nlp = govextract.Pipeline()
    nlp.vocab.indicators.add("digital_core_share", "数字经济核心产业增加值占比")
    nlp.vocab.numbers.add_unit("标准箱", "TEU")
    nlp.add_component("my_counts", my_fn, after="quantities")
    report = nlp("…text…")
"""
from __future__ import annotations

import copy
import decimal
import os
import threading
import warnings
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator, Optional, Union

from . import _regex
from .decode import read_file, to_text
from .document import Doc
from .errors import (ConfigurationError, ConfigurationTypeError, InputTooLargeError, MissingDependencyError,
                     MultipleReportsWarning, PathAsTextError, UnknownComponentError)
from .indicators import IndicatorVocabulary
from .lang import Lang
from .numbers.vocab import NumberVocabulary
from .model import Check, Report
from .text.cleanup import find_noise
from .text.normalize import normalize, unify_line_ends
from .text.sections import PartMap, build_tree
from .text.sentences import split_sentences
from .text.split import split_spans

Component = Callable[[Doc], None]

_REGISTRY: dict[str, Component] = {}
_LOCK = threading.RLock()      # registry and default pipeline: first use may come from many threads

# Every extraction runs its Decimal arithmetic in this context, never the caller's (a caller's
# ``getcontext().prec = 6`` would round amounts, its traps would raise). The precision holds
# any figure the number reader accepts times the largest magnitude and unit factor.
DECIMAL_PRECISION = 120
_DECIMAL = decimal.Context(prec=DECIMAL_PRECISION, rounding=decimal.ROUND_HALF_EVEN, Emin=-999_999,
                           Emax=999_999, traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow])

# Anything but blanks (zero-width characters and the BOM count as blanks): an input without it is empty.
_NON_BLANK = _regex.compile(r"[^\s\u200b-\u200d\u2060\ufeff]")
_PATH_MAX = 4096     # a string longer than this (or holding a line break) is never taken for a path


@dataclass(frozen=True)
class Contract:
    """What a component reads from the ``Doc`` and what it sets (as spaCy factories declare
    ``requires``/``assigns``): names such as ``"meta.plan_year"``, ``"target_lists"``, ``"qinfo"``,
    ``"targets"``. A pipeline checks, when it is built or changed, that every name a component
    requires is set by the text layer (``TEXT_LAYER``) or by a component before it."""
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()


# What the text layer sets before any component runs.
TEXT_LAYER = ("text", "sentences", "headings", "parts", "note_lines", "notes")

_CONTRACTS: dict[str, Contract] = {}


def register(name: str, *, requires: Iterable[str] = (), assigns: Iterable[str] = ()) -> Callable[[Component], Component]:
    """Register a component factory under ``name`` (usable in ``Pipeline(components=[...])``),
    with what it requires and assigns (checked when a pipeline using it is built)."""
    _check_name(name, "register")
    contract = Contract(tuple(requires), tuple(assigns))

    def deco(fn: Component) -> Component:
        _check_callable(fn, name)
        with _LOCK:
            _REGISTRY[name] = fn
            _CONTRACTS[name] = contract
        return fn
    return deco


def contract(name: str) -> Contract:
    """The declared contract of a registered component (empty when it declared none)."""
    _load_builtin()
    return _CONTRACTS.get(name, Contract())


def registered() -> dict[str, Component]:
    """The registered components by name."""
    _load_builtin()
    with _LOCK:
        return dict(_REGISTRY)


_BUILTIN_LOADED = False


def _load_builtin() -> None:
    """Register the built-in components, once, whichever thread comes first.

    The flag is set only after every component is registered: a thread that sees it set
    finds them all (setting it first let other threads run with an empty registry).
    """
    global _BUILTIN_LOADED
    if _BUILTIN_LOADED:
        return
    with _LOCK:
        if _BUILTIN_LOADED:
            return
        _register_builtin()
        _BUILTIN_LOADED = True


def _register_builtin() -> None:
    from .extractors import meta, quantities, targets, actuals, structure, projects, responsibilities, target_lists
    from .extractors.checks import run_checks
    from .region_codes import set_region_code

    builtin = (
        ("meta", meta.extract_meta, ("text", "sentences"),
         ("meta", "meta.session_date", "meta.report_year", "meta.speaker", "meta.doc_type")),
        ("structure", structure.extract_structure, ("headings", "meta.session_date"), ("parts.classified", "sections")),
        ("target_lists", target_lists.extract_target_lists, ("parts.classified", "sentences"),
         ("lead_ins", "target_lists", "meta.plan_year")),
        ("region_code", set_region_code, ("meta", "meta.report_year"), ("meta.region_code",)),
        ("quantities", quantities.extract_quantities, ("parts.classified", "meta.plan_year", "note_lines"),
         ("qinfo", "quantities")),
        ("targets", targets.extract_targets, ("target_lists", "qinfo"), ("targets", "unquantified_targets")),
        ("actuals", actuals.extract_actuals, ("parts.classified", "lead_ins", "qinfo"), ("actuals",)),
        ("projects", projects.extract_projects, ("qinfo",), ("projects", "project_groups")),
        ("responsibilities", responsibilities.extract_responsibilities, ("headings",),
         ("responsibilities", "officials", "task_spans")),
        ("checks", run_checks, ("target_lists", "targets", "actuals", "qinfo"), ("checks",)),
    )
    for name, fn, requires, assigns in builtin:
        if name not in _REGISTRY:    # a user's earlier register() of the same name wins
            _REGISTRY[name] = fn
            _CONTRACTS[name] = Contract(requires, assigns)


DEFAULT_COMPONENTS = ("meta", "structure", "target_lists", "region_code", "quantities", "targets", "actuals",
                      "projects", "responsibilities", "checks")


def _own_indicators() -> IndicatorVocabulary:
    # deep: the default's Indicator objects share their ``split`` rules with the cached data file
    return copy.deepcopy(IndicatorVocabulary.default())


def _own_numbers() -> NumberVocabulary:
    return copy.deepcopy(NumberVocabulary.default())


@dataclass
class Vocabulary:
    """The vocabularies a pipeline uses.

    Built without arguments it holds deep copies of the default vocabularies: nothing in it is
    shared with another pipeline, with ``govextract.extract`` or with the cached data files.
    Vocabularies passed in are used as they are (pass one to several pipelines to share it).
    """
    indicators: IndicatorVocabulary = field(default=None)   # type: ignore[assignment]  # built from ``lang``
    numbers: NumberVocabulary = field(default_factory=_own_numbers)
    lang: Lang = field(default_factory=Lang.default)    # word lists and phrase shapes (govextract.lang)

    def __post_init__(self) -> None:
        if not isinstance(self.lang, Lang):
            raise ConfigurationTypeError(f"Vocabulary(lang=...) must be a govextract.lang.Lang, "
                                         f"not {type(self.lang).__name__} ({_short(self.lang)})")
        if self.indicators is None:
            # the pipeline's own copy, reading the pipeline's own language data
            self.indicators = IndicatorVocabulary.default(lang=self.lang)
        if not isinstance(self.indicators, IndicatorVocabulary):
            raise ConfigurationTypeError(f"Vocabulary(indicators=...) must be an IndicatorVocabulary, "
                                         f"not {type(self.indicators).__name__} ({_short(self.indicators)})")
        if not isinstance(self.numbers, NumberVocabulary):
            raise ConfigurationTypeError(f"Vocabulary(numbers=...) must be a NumberVocabulary, "
                                         f"not {type(self.numbers).__name__} ({_short(self.numbers)})")


def _short(value: Any) -> str:
    r = repr(value)
    return r if len(r) <= 60 else r[:57] + "..."


def _check_name(name: Any, what: str) -> None:
    if not isinstance(name, str) or not name:
        raise ConfigurationTypeError(f"{what}: a component name must be a non-empty str, not "
                                     f"{type(name).__name__} ({_short(name)})")


def _check_callable(fn: Any, name: str) -> None:
    if not callable(fn):
        raise ConfigurationTypeError(f"component {name!r} must be a callable fn(doc) -> None, not "
                                     f"{type(fn).__name__} ({_short(fn)})")


def _registered(name: str) -> Component:
    with _LOCK:
        fn = _REGISTRY.get(name)
        if fn is None:
            raise UnknownComponentError(f"no component registered as {name!r}; known: {sorted(_REGISTRY)}")
        return fn


def _component(c: Any) -> tuple[str, Component]:
    """One entry of ``Pipeline(components=[...])``: a registered name or a ``(name, callable)`` pair."""
    if isinstance(c, str):
        _check_name(c, "components")
        return c, _registered(c)
    if isinstance(c, tuple) and len(c) == 2:
        _check_name(c[0], "components")
        _check_callable(c[1], c[0])
        return c[0], c[1]
    raise ConfigurationTypeError(f"components: each entry is a registered name or a (name, callable) pair, "
                                 f"not {type(c).__name__} ({_short(c)})")


def _check_max_chars(max_chars: Any) -> int:
    if isinstance(max_chars, bool) or not isinstance(max_chars, int):
        raise ConfigurationTypeError(f"max_chars must be an int, not {type(max_chars).__name__} ({_short(max_chars)})")
    if max_chars < 0:
        raise ConfigurationError(f"max_chars must be 0 or more, not {max_chars}")
    return max_chars


def _refuse_path(text: str) -> None:
    """A short one-line string that names an existing file is a path passed by mistake."""
    if len(text) > _PATH_MAX or "\n" in text or not text.strip():
        return
    try:
        is_file = os.path.isfile(text)
    except (ValueError, OSError):       # NUL characters, names too long for the system
        return
    if is_file:
        raise PathAsTextError(f"the text {text!r} is the path of an existing file, not a report's text; "
                              "use govextract.extract_file(path) to read a file")


class Pipeline:
    """The extraction pipeline. ``Pipeline()(text)`` is what ``govextract.extract(text)`` runs.

    Settings are checked here, when the pipeline is built: a bad one raises
    :class:`ConfigurationError` (a ``ValueError``; :class:`ConfigurationTypeError` for a wrong
    type, also a ``TypeError``) naming the value.
    """

    def __init__(self, components: Optional[list[Union[str, tuple[str, Component]]]] = None,
                 vocab: Optional[Vocabulary] = None, max_chars: int = 50_000_000) -> None:
        _load_builtin()
        if vocab is not None and not isinstance(vocab, Vocabulary):
            raise ConfigurationTypeError(f"vocab must be a govextract.Vocabulary, not {type(vocab).__name__} "
                                         f"({_short(vocab)})")
        self.max_chars = _check_max_chars(max_chars)
        if components is None:
            components = list(DEFAULT_COMPONENTS)
        elif isinstance(components, str) or not isinstance(components, (list, tuple)):
            raise ConfigurationTypeError(f"components must be a list of names or (name, callable) pairs, not "
                                         f"{type(components).__name__} ({_short(components)})")
        self.components: list[tuple[str, Component]] = [_component(c) for c in components]
        self._contracts: dict[str, Contract] = {n: contract(n) for n, _ in self.components}
        self._check_order()
        self.vocab = vocab if vocab is not None else Vocabulary()

    def _check_order(self) -> None:
        """Every name a component requires is set by the text layer or a component before it."""
        have = set(TEXT_LAYER)
        for name, _fn in self.components:
            c = self._contracts.get(name, Contract())
            missing = [r for r in c.requires if r not in have]
            if missing:
                by = sorted({n for n, k in _CONTRACTS.items() for r in missing if r in k.assigns})
                raise MissingDependencyError(
                    f"component {name!r} requires {missing}, which no component before it sets"
                    + (f" (set by {by})" if by else "") + f"; the order is {self.component_names}")
            have.update(c.assigns)

    @property
    def component_names(self) -> list[str]:
        return [n for n, _ in self.components]

    def _index(self, name: str) -> int:
        for i, (n, _) in enumerate(self.components):
            if n == name:
                return i
        raise UnknownComponentError(f"no component {name!r} in this pipeline; it has {self.component_names}")

    def add_component(self, name: str, fn: Optional[Component] = None, *, before: Optional[str] = None,
                      after: Optional[str] = None, requires: Iterable[str] = (),
                      assigns: Iterable[str] = ()) -> None:
        """Add a component (a callable, or the name of a registered one) at the end or before/after
        another; ``requires``/``assigns`` declare its contract (a registered one keeps its own)."""
        _check_name(name, "add_component")
        if fn is None:
            fn = _registered(name)
            declared = contract(name)
        else:
            declared = Contract(tuple(requires), tuple(assigns))
        _check_callable(fn, name)
        if before is not None and after is not None:
            raise ConfigurationError(f"add_component({name!r}): give before= or after=, not both")
        old = list(self.components)
        if before is not None:
            self.components.insert(self._index(before), (name, fn))
        elif after is not None:
            self.components.insert(self._index(after) + 1, (name, fn))
        else:
            self.components.append((name, fn))
        self._contracts[name] = declared
        self._checked(old)

    def _checked(self, old: list[tuple[str, Component]]) -> None:
        """Check the new order; restore the old one if it fails."""
        try:
            self._check_order()
        except MissingDependencyError:
            self.components = old
            raise

    def replace_component(self, name: str, fn: Component) -> None:
        _check_callable(fn, name)
        self.components[self._index(name)] = (name, fn)

    def remove_component(self, name: str) -> None:
        old = list(self.components)
        del self.components[self._index(name)]
        self._checked(old)

    # -- running -----------------------------------------------------------------
    def make_doc(self, text: str, start: int = 0, end: Optional[int] = None) -> Doc:
        """The text layer: clean-up spans, normalisation, sentences, sections."""
        end = len(text) if end is None else end
        return self._make_doc(text, unify_line_ends(text), start, end)

    def _make_doc(self, text: str, lined: str, start: int, end: int) -> Doc:
        # clean-up reads lines: it runs on ``lined`` (every line end written \n, same offsets)
        noise = find_noise(lined, start, end)
        norm = normalize(text, noise.drop, start, end, noise.newlines, noise.replace)
        report = Report(start=start, end=end)
        report.notes.extend(sorted(noise.notes, key=lambda n: n.start))
        doc = Doc(text, norm, report, self.vocab)
        doc.sentences = split_sentences(norm.text)
        doc.headings = build_tree(norm.text, [s for s, _e in doc.sentences.spans])
        doc.parts = PartMap.from_roots(doc.headings)
        doc.note_lines = [(norm.norm_pos(s), norm.norm_pos(e)) for s, e in noise.endnotes]
        return doc

    def _text(self, data: Union[str, bytes], check_path: bool = True) -> str:
        text = to_text(data)
        if check_path and isinstance(data, str):
            _refuse_path(data)
        if len(text) > self.max_chars:
            raise InputTooLargeError(f"input has {len(text)} characters, more than max_chars={self.max_chars}")
        return text

    def _run(self, text: str, lined: str, span: tuple[int, int]) -> Report:
        """One report: the text layer, then every component, in a Decimal context of our own."""
        with decimal.localcontext(_DECIMAL):
            doc = self._make_doc(text, lined, *span)
            for _name, fn in self.components:
                fn(doc)
        if _NON_BLANK.search(text, *span) is None:
            doc.report.checks.append(Check("empty_input", "error", "the input is empty or holds only blanks: "
                                           "there is nothing to read", span[0], span[0]))
        return doc.report

    def _first(self, text: str) -> Report:
        lined = unify_line_ends(text)
        spans = split_spans(lined)
        if len(spans) > 1:
            warnings.warn(f"the text holds {len(spans)} reports; extract() returns the first. "
                          "Use govextract.extract_all() for all of them.", MultipleReportsWarning, stacklevel=4)
        return self._run(text, lined, spans[0])

    def __call__(self, text: Union[str, bytes]) -> Report:
        """Extract the first report of ``text`` (a ``str``, or ``bytes`` whose encoding is detected)."""
        return self._first(self._text(text))

    def extract_file(self, path: Union[str, "os.PathLike[str]"]) -> Report:
        """Read the file at ``path`` (encoding detected as for bytes) and extract its first report.

        Offsets index the decoded text: ``govextract.read_file(path)``."""
        return self._first(self._text(read_file(path), check_path=False))

    def extract_all(self, text: Union[str, bytes]) -> list[Report]:
        text = self._text(text)
        lined = unify_line_ends(text)
        return [self._run(text, lined, sp) for sp in split_spans(lined)]

    def split(self, text: Union[str, bytes]) -> Iterator[tuple[int, int, str]]:
        text = self._text(text)
        for s, e in split_spans(unify_line_ends(text)):
            yield s, e, text[s:e]
