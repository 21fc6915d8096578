"""A spaCy pipeline component: ``nlp.add_pipe("govextract", config={...})``.

Needs the ``spacy`` extra (``pip install 'govextract[spacy]'``); ``import govextract`` alone
never imports spaCy. The component runs a govextract :class:`Pipeline` on ``doc.text``, puts the
:class:`Report` in ``doc._.govextract`` and a span per extraction in the span group
``config["spans_key"]`` (default ``"govextract"``, what displaCy's span style shows), with labels
that say what a span is:

=================  ==========================================================================
label              span
=================  ==========================================================================
``TARGET:gdp``     a target's figure (``TARGET`` when its indicator is unknown)
``OUTCOME:gdp``    an outcome's figure (``OUTCOME`` when its indicator is unknown)
``QUANTITY``       any number with its unit and qualifier words
``PROJECT``        a named investment project's name
``LEAD_UNIT``      a lead unit (牵头单位) named in a task's assignment
``LEADER``         a leader (责任领导) named in a task's assignment
=================  ==========================================================================

With ``label_style="plain"`` the indicator is left out (``TARGET``, ``OUTCOME``). Spans are
aligned to tokens with ``alignment_mode="expand"``, so a figure inside a longer jieba token is
never lost (the span may then be longer than the object's ``evidence``; the Report keeps the
exact offsets). The Report travels with the Doc: ``DocBin(store_user_data=True)`` and
``nlp.pipe(texts, n_process=2)`` work (msgpack hooks in ``govextract._msgpack``).
"""
from __future__ import annotations

from typing import Any, Iterator, Optional

try:
    from spacy.language import Language
    from spacy.tokens import Doc, Span
except ImportError as e:  # pragma: no cover - exercised in an environment without spaCy
    raise ImportError("the govextract spaCy component needs spaCy and jieba: "
                      "pip install 'govextract[spacy]'") from e

from .model import Report
from .pipeline import Pipeline

__all__ = ["GovextractComponent", "make_component", "LAYERS", "DEFAULT_CONFIG"]

# layer -> what it labels; "outcomes" are Report.actuals
LAYERS = ("targets", "outcomes", "quantities", "projects", "lead_units", "leaders")

DEFAULT_CONFIG: dict[str, Any] = {
    "layers": list(LAYERS),
    "label_style": "typed",          # "typed": TARGET:gdp ...; "plain": TARGET, OUTCOME ...
    "spans_key": "govextract",
    "components": None,              # names of registered govextract components; None = the default list
}

if not Doc.has_extension("govextract"):
    Doc.set_extension("govextract", default=None)


def _figure_label(prefix: str, indicator: Optional[str], style: str) -> str:
    return f"{prefix}:{indicator}" if indicator and style == "typed" else prefix


def _names_in(text: str, start: int, end: int, names: list[str]) -> Iterator[tuple[int, int]]:
    """Offsets of each name's first occurrence in ``text[start:end]``, the assignment block it
    was read from (a unit both leading and taking part is written first as the lead)."""
    block = text[start:end]
    for name in names:
        pos = block.find(name) if name else -1
        if pos >= 0:
            yield start + pos, start + pos + len(name)


def spans(report: Report, text: str, layers: list[str], style: str) -> Iterator[tuple[int, int, str]]:
    """``(start, end, label)`` of every extraction of the chosen layers."""
    if "targets" in layers:
        for t in report.targets:
            yield t.start, t.end, _figure_label("TARGET", t.indicator, style)
    if "outcomes" in layers:
        for a in report.actuals:
            yield a.start, a.end, _figure_label("OUTCOME", a.indicator, style)
    if "quantities" in layers:
        for q in report.quantities:
            yield q.start, q.end, "QUANTITY"
    if "projects" in layers:
        for p in report.projects:
            yield p.name_start, p.name_end, "PROJECT"
    for layer, attr, label in (("lead_units", "lead_units", "LEAD_UNIT"), ("leaders", "leaders", "LEADER")):
        if layer in layers:
            for r in report.responsibilities:
                for s, e in _names_in(text, r.assignment_start, r.assignment_end, getattr(r, attr)):
                    yield s, e, label


class GovextractComponent:
    """Runs a govextract :class:`Pipeline` on each ``Doc`` and labels its spans."""

    def __init__(self, nlp: Language, name: str, layers: Optional[list[str]] = None, label_style: str = "typed",
                 spans_key: str = "govextract", components: Optional[list[str]] = None) -> None:
        unknown = set(layers or ()) - set(LAYERS)
        if unknown or label_style not in ("typed", "plain"):
            raise ValueError(f"layers must be among {LAYERS} and label_style 'typed' or 'plain'; "
                             f"got layers={layers}, label_style={label_style!r}")
        self.name = name
        self.layers = list(LAYERS if layers is None else layers)
        self.label_style = label_style
        self.spans_key = spans_key
        self.pipeline = Pipeline(components=list(components) if components else None)

    def __call__(self, doc: Doc) -> Doc:
        report = self.pipeline(doc.text)
        doc._.govextract = report
        group: list[Span] = []
        seen: set[tuple[int, int, str]] = set()      # one block may be shared by several tasks
        for s, e, label in spans(report, doc.text, self.layers, self.label_style):
            span = doc.char_span(s, e, label=label, alignment_mode="expand")
            if span is not None and (span.start, span.end, label) not in seen:
                seen.add((span.start, span.end, label))
                group.append(span)
        group.sort(key=lambda sp: (sp.start, sp.end))   # text order (stable: a target before its quantity)
        doc.spans[self.spans_key] = group
        return doc


@Language.factory("govextract", default_config=DEFAULT_CONFIG)
def make_component(nlp: Language, name: str, layers: list[str], label_style: str, spans_key: str,
                   components: Optional[list[str]]) -> GovextractComponent:
    return GovextractComponent(nlp, name, layers=layers, label_style=label_style, spans_key=spans_key,
                               components=components)
