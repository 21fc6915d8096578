#!/usr/bin/env python3
"""Subject phrases of headline figures across the bulk corpus, with the indicator each matches.

    .venv/bin/python benchmarks/indicator_phrases.py [DIR] [--jobs 2] [--since 2000] [--top 40] [--json OUT]

Runs ``govextract.extract`` over every report of DIR (default ``../shared/bulk/reports``) in
``--jobs`` processes and collects the subject phrases (``text``) of

- ``target``: the headline targets (``report.targets`` with ``headline``),
- ``outcome``: the outcomes of the review (``report.actuals``),
- ``beside``: the other quantities of the sentences that hold a target or an outcome, whose
  subject names no indicator (what the vocabulary may be missing next to a headline figure).

Each phrase is counted under its core (scope and time words and a rate-of-change suffix
stripped: ``IndicatorVocabulary.core``), with the id the figure carries and the matcher's rule
for the phrase (``IndicatorVocabulary.explain``: ``name``, ``suffix``, ``ratio``,
``sector_compound`` …). For a name that ends a longer phrase the words before it are printed,
as they are what may turn a parent into a sub-item. The tables printed are the top unmatched
phrases of each source, the phrases a rule refused, and the suffix matches grouped by their
leftover words, to review by eye. Nothing is asserted: the script is a tool for growing
``indicators.json``.
"""
from __future__ import annotations

import argparse
import collections
import json
import multiprocessing
import pathlib
import re
import sys
from typing import Callable, Iterator, Optional

import govextract
from govextract import IndicatorVocabulary

ROOT = pathlib.Path(__file__).resolve().parent.parent
DEFAULT_DIR = ROOT.parent / "shared" / "bulk" / "reports"

Row = tuple[str, str, str, Optional[str], str, str]   # source, phrase, core, id, how, leftover

_YEAR = re.compile(r"^(\d{4})-")
# The matcher's rules (IndicatorVocabulary.explain) that accept a name ending a longer phrase.
_SUFFIX_RULES = ("suffix", "suffix_child", "split_parent")


def _leftover(vocab: IndicatorVocabulary, phrase: str) -> str:
    """The words before the longest name that ends the phrase's core (what a suffix match passed over)."""
    core = vocab.core(phrase)
    for i in range(1, len(core)):
        if vocab.exact(core[i:]):
            return core[:i]
    return "?"


def _rows(path: str) -> list[Row]:
    vocab = IndicatorVocabulary.default()
    text = pathlib.Path(path).read_text(encoding="utf-8", errors="replace")
    try:
        report = govextract.extract(text)
    except Exception as e:                  # a tool run over thousands of files reports, not stops
        print(f"{path}: {type(e).__name__}: {e}", file=sys.stderr)
        return []
    out: list[Row] = []
    sentences: set[tuple[int, int]] = set()
    figures = [("target", t) for t in report.targets if t.headline] + [("outcome", a) for a in report.actuals]
    for source, f in figures:
        sentences.add((f.sentence_start, f.sentence_end))
        out.append(_row(vocab, source, f.text, f.indicator))
    taken = {f.quantity for _s, f in figures if f.quantity is not None}
    for i, q in enumerate(report.quantities):
        if i in taken or (q.sentence_start, q.sentence_end) not in sentences or not q.subject:
            continue
        if q.indicator is None:
            out.append(_row(vocab, "beside", q.subject, None))
    return out


def _row(vocab: IndicatorVocabulary, source: str, phrase: str, ind: Optional[str]) -> Row:
    rule = vocab.explain(phrase)[1]
    left = _leftover(vocab, phrase) if rule in _SUFFIX_RULES else ""
    return source, phrase, vocab.core(phrase), ind, rule, left


def _files(folder: pathlib.Path, since: int) -> Iterator[str]:
    for p in sorted(folder.glob("*.txt")):
        m = _YEAR.match(p.name)
        if m and int(m.group(1)) >= since:
            yield str(p)


def _table(title: str, counter: "collections.Counter[tuple[str, ...]]", examples: dict[tuple[str, ...], str],
           top: int) -> None:
    """The ``top`` most frequent keys with their counts and one phrase as written."""
    print(f"\n## {title} ({sum(counter.values())} rows, {len(counter)} distinct)")
    for key, n in counter.most_common(top):
        print(f"{n:6d}  {' | '.join(k or '-' for k in key)}   e.g. {examples[key]}")


def main(argv: Optional[list[str]] = None) -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("dir", nargs="?", default=str(DEFAULT_DIR))
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--since", type=int, default=2000, help="first year of the reports read")
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("--json", help="write every row (source, phrase, core, id, how, leftover) here")
    args = ap.parse_args(argv)
    files = list(_files(pathlib.Path(args.dir), args.since))
    with multiprocessing.Pool(args.jobs) as pool:
        per_file = pool.map(_rows, files, chunksize=8)
    rows = [r for rs in per_file for r in rs]
    if args.json:
        pathlib.Path(args.json).write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    summarise(rows, len(files), args.top)


Key = tuple[str, ...]


def _count(rows: list[Row], keep: Callable[[Row], bool], key: Callable[[Row], Key]
           ) -> tuple["collections.Counter[Key]", dict[Key, str]]:
    """How often each key occurs among the rows kept, with the first phrase written for it."""
    counter: collections.Counter[Key] = collections.Counter()
    examples: dict[Key, str] = {}
    for r in rows:
        if keep(r):
            counter[key(r)] += 1
            examples.setdefault(key(r), r[1])
    return counter, examples


def summarise(rows: list[Row], n_files: int, top: int) -> None:
    by_source = collections.Counter(r[0] for r in rows)
    print(f"# indicator phrases: {n_files} reports; rows {dict(by_source)}")
    for source in ("target", "outcome"):
        mine = [r for r in rows if r[0] == source]
        matched = sum(1 for r in mine if r[3] is not None)
        print(f"{source}: {matched}/{len(mine)} = {matched / max(1, len(mine)):.3f} name an indicator")
    for source in ("target", "outcome", "beside"):
        _table(f"top unmatched {source} phrases (core)",
               *_count(rows, lambda r: r[0] == source and r[3] is None, lambda r: (r[2],)), top)
    _table("phrases a rule refused (rule | core)",
           *_count(rows, lambda r: r[3] is None and r[4] not in ("none", "empty"), lambda r: (r[4], r[2])), top)
    _table("suffix matches by the words before the name (leftover | id): review for sub-items",
           *_count(rows, lambda r: r[4] in _SUFFIX_RULES and r[0] != "beside", lambda r: (r[5], r[3] or "")), top)
    _table("matched phrases (id | core)",
           *_count(rows, lambda r: r[3] is not None and r[0] != "beside", lambda r: (r[3] or "", r[2])), top)


if __name__ == "__main__":
    main()
