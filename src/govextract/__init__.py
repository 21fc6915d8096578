"""govextract: structured, evidence-carrying data from Chinese government work reports.

>>> import govextract
>>> report = govextract.extract("今年主要预期目标是:地区生产总值增长7%左右。")
>>> [(t.indicator, t.value, t.qualifier) for t in report.targets]
[('gdp', 7.0, 'about')]

Everything a user touches is exported here; see ``docs/api.md``.
"""
from __future__ import annotations

import os
import threading
from typing import Iterator, Union

from ._version import __version__
from .decode import read_file
from .errors import (BinaryInputError, ConfigurationError, ConfigurationTypeError, DecodingError, GovextractError,
                     InputError, InputTooLargeError, InputTypeError, MultipleReportsWarning, PathAsTextError,
                     UnknownComponentError, MissingDependencyError)
from .indicators import Indicator, IndicatorVocabulary
from .numbers.vocab import NumberVocabulary
from .model import (Actual, Check, Meta, Note, Official, Project, Quantity, Report, Responsibility, Section, Span, Target,
                    UnquantifiedTarget)
from .pipeline import DEFAULT_COMPONENTS, Contract, Pipeline, Vocabulary, register, registered
from .decode import to_text as _to_text
from .html import attach_text as _attach_text, render_html
from .batch import Result, extract_many
from .checking import ReportChecks, check_many, summarize as summarize_checks
from .frames import to_frame
from .panel import panel
from .region_codes import region_code
from .schema import json_schema

__all__ = [
    "__version__", "extract", "extract_all", "extract_file", "read_file", "split", "Pipeline", "Vocabulary", "register", "registered",
    "DEFAULT_COMPONENTS", "Indicator", "IndicatorVocabulary", "NumberVocabulary",
    "Report", "Meta", "Target", "Actual", "UnquantifiedTarget", "Quantity", "Project", "Responsibility",
    "Official", "Note", "Section", "Span", "Check",
    "GovextractError", "InputError", "InputTypeError", "DecodingError", "BinaryInputError",
    "InputTooLargeError", "MultipleReportsWarning",
    "extract_many", "Result", "check_many", "ReportChecks", "summarize_checks", "to_frame", "panel", "render_html", "json_schema", "region_code",
    "InputTooLargeError", "PathAsTextError", "ConfigurationError", "ConfigurationTypeError",
    "UnknownComponentError", "MissingDependencyError", "MultipleReportsWarning", "Contract",
]

_default: Pipeline | None = None
_default_lock = threading.Lock()


def _pipeline() -> Pipeline:
    global _default
    if _default is None:
        with _default_lock:          # threads calling extract() first all get the same pipeline
            if _default is None:
                _default = Pipeline()
    return _default


def extract(text: Union[str, bytes]) -> Report:
    """Extract one report from ``text`` (``str``, or ``bytes`` in UTF-8/GB18030).

    If the text holds several reports, the first is extracted and a
    :class:`MultipleReportsWarning` is issued; use :func:`extract_all` for all.
    The report keeps the text for its HTML view (``render_html``; not part of its JSON).
    A string that names an existing file raises :class:`PathAsTextError`: use
    :func:`extract_file`. An empty or blank input gives an empty report with the check
    ``empty_input`` (``docs/checks.md``).
    """
    text = _to_text(text)
    return _attach_text(_pipeline()(text), text)


def extract_file(path: Union[str, "os.PathLike[str]"]) -> Report:
    """Extract the first report of the file at ``path`` (its encoding detected as for bytes).

    Offsets index the decoded text, which :func:`read_file` returns.
    """
    return _pipeline().extract_file(path)


def extract_all(text: Union[str, bytes]) -> list[Report]:
    """One :class:`Report` per report contained in ``text``; offsets index the whole text."""
    text = _to_text(text)
    return [_attach_text(r, text) for r in _pipeline().extract_all(text)]


def split(text: Union[str, bytes]) -> Iterator[tuple[int, int, str]]:
    """Yield ``(start, end, report_text)`` for each report contained in ``text``."""
    return _pipeline().split(text)
