"""Many documents: ``govextract.extract_many`` streams one result per document, in order.

Work is spread over processes (``n_process``); a progress bar (tqdm) is shown on a terminal;
a document that cannot be read or extracted gives a result with ``error`` set instead of
stopping the batch.
"""
from __future__ import annotations

import os
import pathlib
import sys
import warnings
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator, Optional, Union

from .model import Report
from .pipeline import Pipeline

__all__ = ["Result", "extract_many", "expand_inputs", "TEXT_SUFFIXES"]

# files taken from a folder given as input (other files in it are ignored)
TEXT_SUFFIXES = (".txt", ".text", ".htm", ".html")

# documents sent to a worker at once: large enough to amortise the inter-process traffic
# (a report's result is ~100 kB pickled), small enough for a smooth progress bar
CHUNK = 8

Input = Union[str, bytes, "os.PathLike[str]", tuple[str, Union[str, bytes]]]


@dataclass
class Result:
    """The outcome of one document of a batch.

    ``source`` is the path (or ``"<0>"``, ``"<1>"`` … for texts, or the name given in a
    ``(name, text)`` pair); ``index`` the number of the report in the file (0 unless
    ``all_reports``); ``report`` the Report, or None when ``error`` says why not
    (``"DecodingError: …"``, ``"FileNotFoundError: …"``); ``warnings`` the messages of warnings
    issued while extracting (a text holding several reports, say).
    """
    source: str
    report: Optional[Report] = None
    error: Optional[str] = None
    index: int = 0
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.error is None


def expand_inputs(inputs: Iterable[Input]) -> Iterator[tuple[str, Any]]:
    """(source, path or text) per document: folders become their text files, sorted."""
    for i, item in enumerate(inputs):
        if isinstance(item, tuple):
            yield str(item[0]), item[1]
        elif isinstance(item, (bytes, bytearray)):
            yield f"<{i}>", bytes(item)
        elif isinstance(item, os.PathLike) or _looks_like_path(item):
            p = pathlib.Path(item)
            if p.is_dir():
                for f in sorted(p.rglob("*")):
                    if f.is_file() and f.suffix.lower() in TEXT_SUFFIXES:
                        yield str(f), f
            else:
                yield str(p), p
        else:
            yield f"<{i}>", item


def _looks_like_path(s: Any) -> bool:
    """A ``str`` is a path when it is one line naming an existing file or folder, or ending in a
    text-file suffix (a missing ``a.txt`` then fails as a missing file); else it is a text."""
    if not isinstance(s, str) or len(s) >= 4096 or "\n" in s:
        return False
    return s.lower().endswith(TEXT_SUFFIXES) or os.path.exists(s)


_WORKER_PIPELINE: Optional[Pipeline] = None


def _init_worker(pipeline: Optional[Pipeline]) -> None:
    global _WORKER_PIPELINE
    _WORKER_PIPELINE = pipeline


def _pipeline() -> Pipeline:
    global _WORKER_PIPELINE
    if _WORKER_PIPELINE is None:
        _WORKER_PIPELINE = Pipeline()
    return _WORKER_PIPELINE


def _read(doc: Any) -> Union[str, bytes]:
    if isinstance(doc, pathlib.Path):
        return doc.read_bytes()
    return doc  # type: ignore[no-any-return]


def _one(source: str, doc: Any, all_reports: bool) -> list[Result]:
    """Extract one document; every exception becomes an error result."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            data = _read(doc)
            nlp = _pipeline()
            reports = nlp.extract_all(data) if all_reports else [nlp(data)]
        except Exception as e:  # noqa: BLE001 - a batch records any failure and goes on
            return [Result(source, error=f"{type(e).__name__}: {e}")]
    msgs = [str(w.message) for w in caught]
    return [Result(source, r, index=i, warnings=msgs) for i, r in enumerate(reports)]


def _chunk(items: list[tuple[str, Any]], all_reports: bool) -> list[list[Result]]:
    return [_one(s, d, all_reports) for s, d in items]


def _batches(docs: Iterator[tuple[str, Any]], size: int) -> Iterator[list[tuple[str, Any]]]:
    batch: list[tuple[str, Any]] = []
    for d in docs:
        batch.append(d)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _serial(docs: Iterator[tuple[str, Any]], all_reports: bool) -> Iterator[list[Result]]:
    for source, doc in docs:
        yield _one(source, doc, all_reports)


def _parallel(docs: Iterator[tuple[str, Any]], all_reports: bool, n_process: int,
              pipeline: Optional[Pipeline]) -> Iterator[list[Result]]:
    """Chunks in flight on a pool, at most ``4 * n_process`` ahead; results in input order."""
    with ProcessPoolExecutor(n_process, initializer=_init_worker, initargs=(pipeline,)) as pool:
        pending: deque[Future[list[list[Result]]]] = deque()
        for batch in _batches(docs, CHUNK):
            pending.append(pool.submit(_chunk, batch, all_reports))
            if len(pending) >= 4 * n_process:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def _progress(progress: Optional[bool], total: Optional[int]) -> Any:
    """A tqdm bar on standard error (shown by default only when it is a terminal), or None."""
    show = sys.stderr.isatty() if progress is None else progress
    if not show:
        return None
    from tqdm import tqdm
    return tqdm(total=total, unit="doc", file=sys.stderr, dynamic_ncols=True)


def extract_many(inputs: Union[Iterable[Input], Input], *, n_process: int = 1, progress: Optional[bool] = None,
                 all_reports: bool = False, pipeline: Optional[Pipeline] = None) -> Iterator[Result]:
    """Extract every document of ``inputs``, yielding one :class:`Result` per document in order.

    ``inputs``: one path or text, or an iterable of: paths (``pathlib.Path``, or a one-line
    ``str`` naming an existing file or folder or ending in ``.txt``/``.text``/``.htm(l)``;
    a folder stands for its ``.txt``/``.text``/``.htm(l)`` files, recursively, sorted), texts
    (``str`` or ``bytes``), or ``(name, text)`` pairs. ``n_process`` > 1 runs that many worker
    processes (files are read in the workers). ``progress``: a tqdm bar on standard error
    (default: only when standard error is a terminal). ``all_reports``: one result per report
    of a file holding several (``extract_all``); else the first report. ``pipeline``: a
    :class:`Pipeline` to run instead of the default (it must pickle when ``n_process`` > 1).
    Failures never stop the batch: the result has ``report`` None and ``error`` set.
    """
    if isinstance(inputs, (str, bytes, bytearray, os.PathLike)):
        inputs = [inputs]           # one path (a folder, say) or one text, not its characters
    docs = list(expand_inputs(inputs))
    bar = _progress(progress, len(docs))
    _init_worker(pipeline)
    chunks = _serial(iter(docs), all_reports) if n_process <= 1 else \
        _parallel(iter(docs), all_reports, n_process, pipeline)
    try:
        for results in chunks:
            yield from results
            if bar is not None:
                bar.update(1)
    finally:
        if bar is not None:
            bar.close()
