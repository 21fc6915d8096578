"""A spaCy pipeline component: ``nlp.add_pipe("govextract")``.

govextract does not need spaCy; this module is for users whose pipelines already run
it (a blank Chinese pipeline with the jieba segmenter, say). It runs govextract on the
``Doc`` text and exposes the result as extensions and span groups:

    import spacy, govextract.spacy_component  # noqa: F401 (registers the factory)
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    nlp.add_pipe("govextract")
    doc = nlp(text)
    doc._.govextract            # the govextract.Report
    doc.spans["govextract_targets"]   # a Span per headline target (number and qualifier)

Importing this module imports spaCy; ``import govextract`` alone never does.
"""
from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .pipeline import Pipeline

_SPAN_GROUPS = {  # span group -> (Report attribute, span label)
    "govextract_targets": ("targets", "target"),
    "govextract_actuals": ("actuals", "actual"),
    "govextract_quantities": ("quantities", "quantity"),
    "govextract_projects": ("projects", "project"),
}


class GovextractComponent:
    """Runs a govextract :class:`Pipeline` on each ``Doc``."""

    def __init__(self, nlp: Language, name: str, pipeline: Pipeline | None = None) -> None:
        self.name = name
        self.pipeline = pipeline or Pipeline()
        if not Doc.has_extension("govextract"):
            Doc.set_extension("govextract", default=None)

    def __call__(self, doc: Doc) -> Doc:
        report = self.pipeline(doc.text)
        doc._.govextract = report
        for group, (attr, label) in _SPAN_GROUPS.items():
            spans = []
            for obj in getattr(report, attr):
                # a number may sit inside a token (jieba keeps "7.8%左右" whole): expand to tokens
                span = doc.char_span(obj.start, obj.end, label=label, alignment_mode="expand")
                if span is not None:
                    spans.append(span)
            doc.spans[group] = spans
        return doc


@Language.factory("govextract")
def make_component(nlp: Language, name: str) -> Any:
    return GovextractComponent(nlp, name)
