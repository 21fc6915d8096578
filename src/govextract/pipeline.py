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

import warnings
from dataclasses import dataclass, field
from typing import Callable, Iterator, Optional, Union

from .decode import to_text
from .document import Doc
from .errors import InputTooLargeError, MultipleReportsWarning
from .indicators import IndicatorVocabulary
from .lang import Lang
from .numbers.vocab import NumberVocabulary
from .model import Report
from .text.cleanup import find_noise
from .text.normalize import normalize
from .text.sections import PartMap, build_tree
from .text.sentences import split_sentences

Component = Callable[[Doc], None]

_REGISTRY: dict[str, Component] = {}


def register(name: str) -> Callable[[Component], Component]:
    """Register a component factory under ``name`` (usable in ``Pipeline(components=[...])``)."""
    def deco(fn: Component) -> Component:
        _REGISTRY[name] = fn
        return fn
    return deco


def registered() -> dict[str, Component]:
    """The registered components by name."""
    _load_builtin()
    return dict(_REGISTRY)


_BUILTIN_LOADED = False


def _load_builtin() -> None:
    global _BUILTIN_LOADED
    if _BUILTIN_LOADED:
        return
    _BUILTIN_LOADED = True
    from .extractors import meta, quantities, targets, actuals, structure, projects, responsibilities, target_lists

    for name, fn in (("meta", meta.extract_meta), ("structure", structure.extract_structure),
                     ("target_lists", target_lists.extract_target_lists),
                     ("quantities", quantities.extract_quantities), ("targets", targets.extract_targets),
                     ("actuals", actuals.extract_actuals), ("projects", projects.extract_projects),
                     ("responsibilities", responsibilities.extract_responsibilities)):
        _REGISTRY.setdefault(name, fn)   # a user's earlier register() of the same name wins


DEFAULT_COMPONENTS = ("meta", "structure", "target_lists", "quantities", "targets", "actuals", "projects",
                      "responsibilities")


@dataclass
class Vocabulary:
    """The vocabularies a pipeline uses; copy per pipeline so that user additions stay local."""
    indicators: IndicatorVocabulary = field(default_factory=IndicatorVocabulary.default)
    numbers: NumberVocabulary = field(default_factory=NumberVocabulary.default)
    lang: Lang = field(default_factory=Lang.default)    # word lists and phrase shapes (govextract.lang)


class Pipeline:
    """The extraction pipeline. ``Pipeline()(text)`` is what ``govextract.extract(text)`` runs."""

    def __init__(self, components: Optional[list[Union[str, tuple[str, Component]]]] = None,
                 vocab: Optional[Vocabulary] = None, max_chars: int = 50_000_000) -> None:
        _load_builtin()
        self.vocab = vocab or Vocabulary()
        self.max_chars = max_chars
        self.components: list[tuple[str, Component]] = []
        for c in components or DEFAULT_COMPONENTS:
            if isinstance(c, str):
                if c not in _REGISTRY:
                    raise KeyError(f"no component registered as {c!r}; known: {sorted(_REGISTRY)}")
                self.components.append((c, _REGISTRY[c]))
            else:
                self.components.append(c)

    @property
    def component_names(self) -> list[str]:
        return [n for n, _ in self.components]

    def _index(self, name: str) -> int:
        for i, (n, _) in enumerate(self.components):
            if n == name:
                return i
        raise KeyError(f"no component {name!r} in this pipeline; it has {self.component_names}")

    def add_component(self, name: str, fn: Optional[Component] = None, *, before: Optional[str] = None,
                      after: Optional[str] = None) -> None:
        """Add a component (a callable, or the name of a registered one) at the end or before/after another."""
        if fn is None:
            if name not in _REGISTRY:
                raise KeyError(f"no component registered as {name!r}; known: {sorted(_REGISTRY)}")
            fn = _REGISTRY[name]
        if before is not None:
            self.components.insert(self._index(before), (name, fn))
        elif after is not None:
            self.components.insert(self._index(after) + 1, (name, fn))
        else:
            self.components.append((name, fn))

    def replace_component(self, name: str, fn: Component) -> None:
        self.components[self._index(name)] = (name, fn)

    def remove_component(self, name: str) -> None:
        del self.components[self._index(name)]

    # -- running -----------------------------------------------------------------
    def make_doc(self, text: str, start: int = 0, end: Optional[int] = None) -> Doc:
        """The text layer: clean-up spans, normalisation, sentences, sections."""
        end = len(text) if end is None else end
        noise = find_noise(text, start, end)
        norm = normalize(text, noise.drop, start, end, noise.newlines, noise.replace)
        report = Report(start=start, end=end)
        report.notes.extend(sorted(noise.notes, key=lambda n: n.start))
        doc = Doc(text, norm, report, self.vocab)
        doc.sentences = split_sentences(norm.text)
        doc.headings = build_tree(norm.text, [s for s, _e in doc.sentences.spans])
        doc.parts = PartMap.from_roots(doc.headings)
        doc.user_data["note_lines"] = [(norm.norm_pos(s), norm.norm_pos(e)) for s, e in noise.endnotes]
        return doc

    def __call__(self, text: Union[str, bytes], *, _span: Optional[tuple[int, int]] = None) -> Report:
        text = to_text(text)
        if len(text) > self.max_chars:
            raise InputTooLargeError(f"input has {len(text)} characters, more than max_chars={self.max_chars}")
        if _span is None:
            from .text.split import split_spans
            spans = split_spans(text)
            if len(spans) > 1:
                warnings.warn(f"the text holds {len(spans)} reports; extract() returns the first. "
                              "Use govextract.extract_all() for all of them.", MultipleReportsWarning, stacklevel=3)
            _span = spans[0]
        doc = self.make_doc(text, *_span)
        for _name, fn in self.components:
            fn(doc)
        return doc.report

    def extract_all(self, text: Union[str, bytes]) -> list[Report]:
        from .text.split import split_spans
        text = to_text(text)
        return [self(text, _span=sp) for sp in split_spans(text)]

    def split(self, text: Union[str, bytes]) -> Iterator[tuple[int, int, str]]:
        from .text.split import split_spans
        text = to_text(text)
        for s, e in split_spans(text):
            yield s, e, text[s:e]
