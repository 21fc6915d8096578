"""msgpack hooks that let a :class:`Report` travel inside spaCy's ``Doc.to_bytes`` (``DocBin``,
``nlp.pipe(n_process=...)``): spaCy serialises ``doc.user_data`` with srsly's msgpack, which
calls the encoders and decoders registered under the entry points ``srsly_msgpack_encoders`` and
``srsly_msgpack_decoders`` (declared in pyproject.toml). No spaCy import here.
"""
from __future__ import annotations

from typing import Any, Callable, Optional

from .model import Report

_KEY = "__govextract_report__"


def encode_report(obj: Any, chain: Optional[Callable[[Any], Any]] = None) -> Any:
    """A Report as ``{"__govextract_report__": report.to_dict()}``; anything else to the chain."""
    if isinstance(obj, Report):
        return {_KEY: obj.to_dict()}
    return obj if chain is None else chain(obj)


def decode_report(obj: Any, chain: Optional[Callable[[Any], Any]] = None) -> Any:
    """The inverse of :func:`encode_report` (exact: ``from_dict(to_dict(r)) == r``)."""
    if isinstance(obj, dict) and _KEY in obj:
        return Report.from_dict(obj[_KEY])
    return obj if chain is None else chain(obj)
