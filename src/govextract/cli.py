"""The ``govextract`` command.

    govextract extract FILE|DIR|- ... [--format jsonl|json|csv|table] [--layer L] [--jobs N] [--out FILE]
    govextract view FILE [-o page.html]
    govextract schema
    govextract FILE ...            (the summary of each file: targets and outcomes; --json for JSON)

Subcommands live in ``COMMANDS`` (name -> (help, add_arguments, run)); adding one is a function
that adds its arguments and a function that runs it. Exit codes are in ``EXIT_CODES``.
"""
from __future__ import annotations

import argparse
import contextlib
import csv
import json
import os
import pathlib
import sys
import warnings
from typing import IO, Any, Callable, Iterator, Optional

from . import GovextractError, __version__, extract, extract_all
from .batch import Result, expand_inputs, extract_many
from .frames import LAYERS, META_COLUMNS, _columns, _add_rows

EXIT_CODES = {
    0: "every document was extracted (or the output pipe was closed by its reader)",
    1: "some documents failed: each has an error record in the output; the others were written",
    2: "usage error: bad arguments, no input found, output not writable, or (summary form) an input error",
    130: "interrupted (Ctrl-C); with --out, run the same command again to resume",
}

_EPILOG_EXTRACT = """examples:
  govextract extract report.txt                         one report as a JSON line
  govextract extract reports/ --jobs 2 --out all.jsonl  a folder, two processes, resumable
  govextract extract reports/ --format csv --layer targets --out targets.csv
  govextract extract a.txt b.txt --format table         the readable summary
  cat report.txt | govextract extract -                 standard input

formats: jsonl (one record per document, or per object with --layer), json (one array of the
same records), csv (one row per object of --layer, default targets), table (the summary).
A failed document gives a record {"source": ..., "error": "ErrorName: message"} (in csv, a row
with the error column) and the batch goes on. With --out, documents already in the file are
skipped (jsonl, csv): an interrupted run resumes where it stopped.

exit codes:
""" + "\n".join(f"  {k:<4}{v}" for k, v in EXIT_CODES.items())

_EPILOG_VIEW = """examples:
  govextract view report.txt -o page.html    a standalone page: tables and highlighted text
  govextract view report.txt > page.html"""

_EPILOG_MAIN = """examples:
  govextract fixtures/corpus/2022-xianyang.txt          targets and outcomes of one report
  govextract extract reports/ --jobs 2 --out out.jsonl  a folder to JSON lines
  govextract view report.txt -o page.html               an HTML view
  govextract COMMAND --help                             the options of a command

exit codes:
""" + "\n".join(f"  {k:<4}{v}" for k, v in EXIT_CODES.items())


# -- the summary (the default form) ------------------------------------------------------
def _table(report: Any) -> str:
    m = report.meta
    lines = [f"{m.region or '?'} ({m.level or '?'}) report {m.report_year} plan {m.plan_year} "
             f"speaker {m.speaker_title or ''}{m.speaker or '?'} [{m.doc_type}]",
             "", "targets:"]
    for t in report.targets:
        if not t.headline:
            continue
        rng = f"-{t.value_high:g}" if t.value_high is not None else ""
        extra = " tier 2" if t.tier == 2 else ""
        down = " down" if t.direction == "down" else ""
        lines.append(f"  {t.year} {t.indicator or '-':28s} {t.text:18s} {t.kind:13s} {t.value:g}{rng}{t.unit} "
                     f"{t.qualifier}{down}{extra}   @{t.start}:{t.end} {t.evidence}")
    lines.append("actuals:")
    for a in report.actuals:
        est = " (estimated)" if a.estimated else ""
        lines.append(f"  {a.year} {a.indicator or '-':28s} {a.text:18s} {a.kind:13s} {a.value:g}{a.unit} "
                     f"{a.qualifier}{est}   @{a.start}:{a.end}")
    lines.append(f"projects: {len(report.projects)}  responsibilities: {len(report.responsibilities)}  "
                 f"quantities: {len(report.quantities)}  notes: {len(report.notes)}")
    return "\n".join(lines)


def _summary_main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="govextract", description="Print the targets and outcomes of each file.",
                                 epilog=_EPILOG_MAIN, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="+", help="text files (UTF-8 or GB18030); - for standard input")
    ap.add_argument("--json", action="store_true", help="print the full report as JSON")
    ap.add_argument("--all", action="store_true", help="extract every report contained in each file")
    ap.add_argument("--version", action="version", version=__version__)
    a = ap.parse_args(argv)
    status = 0
    for f in a.files:
        try:
            data = sys.stdin.buffer.read() if f == "-" else pathlib.Path(f).read_bytes()
            with warnings.catch_warnings():
                warnings.simplefilter("ignore" if a.all else "default")
                reports = extract_all(data) if a.all else [extract(data)]
        except (GovextractError, OSError) as e:
            print(f"{f}: {type(e).__name__}: {e}", file=sys.stderr)
            status = 2
            continue
        for r in reports:
            print(r.to_json(indent=1) if a.json else f"== {f}\n{_table(r)}")
    return status


# -- extract -------------------------------------------------------------------------------
def _add_extract(ap: argparse.ArgumentParser) -> None:
    ap.add_argument("inputs", nargs="+", metavar="FILE|DIR|-",
                    help="text files, folders (their .txt/.text/.htm(l) files, recursively) or - (standard input)")
    ap.add_argument("--format", choices=("jsonl", "json", "csv", "table"), default=None,
                    help="output format (default: from the --out suffix, else jsonl)")
    ap.add_argument("--layer", choices=sorted(LAYERS), default=None,
                    help="one record (row) per object of this layer instead of per document (csv: default targets)")
    ap.add_argument("--jobs", "-j", type=int, default=1, metavar="N", help="worker processes (default 1)")
    ap.add_argument("--out", "-o", default=None, metavar="FILE",
                    help="write here instead of standard output; jsonl/csv resume from what it holds")
    ap.add_argument("--all", action="store_true", help="every report of a file holding several")
    ap.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                    help="a progress bar on standard error (default: when it is a terminal)")
    ap.add_argument("--no-resume", dest="resume", action="store_false",
                    help="with --out: overwrite the file instead of skipping the documents it holds")


def _format(a: argparse.Namespace) -> str:
    if a.format:
        return str(a.format)
    suffix = pathlib.Path(a.out).suffix.lower() if a.out else ""
    return {".csv": "csv", ".json": "json", ".txt": "table"}.get(suffix, "jsonl")


def _inputs(names: list[str]) -> Iterator[tuple[str, Any]]:
    """(source, path or bytes); a name that is neither file nor folder stays a path that
    fails on reading, so that it gets its error record."""
    for name in names:
        if name == "-":
            yield "-", sys.stdin.buffer.read()
        elif os.path.isdir(name):
            yield from expand_inputs([pathlib.Path(name)])
        else:
            yield name, pathlib.Path(name)


_SOURCE_PREFIX = '{"source": '       # every JSON record starts with its source (see _records)


def _cut_torn_line(p: pathlib.Path) -> None:
    """A run killed while writing leaves a last line without its newline: cut it off."""
    with open(p, "rb+") as f:
        size = f.seek(0, os.SEEK_END)
        f.seek(max(0, size - 1))
        if f.read(1) == b"\n":
            return
        pos = size
        while pos > 0:                 # back to the last newline, a block at a time
            step = min(pos, 1 << 16)
            f.seek(pos - step)
            k = f.read(step).rfind(b"\n")
            if k >= 0:
                f.truncate(pos - step + k + 1)
                return
            pos -= step
        f.truncate(0)


def _done_sources(path: str, fmt: str) -> set[str]:
    """Sources already in an output file (only the start of each JSON line is parsed)."""
    p = pathlib.Path(path)
    if not p.exists() or p.stat().st_size == 0:
        return set()
    _cut_torn_line(p)
    if fmt == "csv":
        with open(p, encoding="utf-8", newline="") as f:
            return {row["source"] for row in csv.DictReader(f) if row.get("source")}
    done = set()
    dec = json.JSONDecoder()
    with open(p, encoding="utf-8") as f:
        for line in f:
            if line.startswith(_SOURCE_PREFIX):
                with contextlib.suppress(ValueError):
                    done.add(dec.raw_decode(line, len(_SOURCE_PREFIX))[0])
    return done


def _records(r: Result, layer: Optional[str]) -> Iterator[dict[str, Any]]:
    """JSON records of a result: the report, one per object of ``layer``, or the error."""
    if r.report is None:
        yield {"source": r.source, "error": r.error}
        return
    if layer is None:
        yield {"source": r.source, "index": r.index, "report": r.report.to_dict()}
        return
    cls, attrs = LAYERS[layer]
    meta = {c: getattr(r.report.meta, c) for c in META_COLUMNS}
    for attr in attrs:
        for obj in getattr(r.report, attr):
            yield {"source": r.source, "index": r.index, **meta, **obj.to_dict()}


def _csv_rows(r: Result, layer: str) -> Iterator[list[Any]]:
    cls, attrs = LAYERS[layer]
    cols = _columns(cls, with_source=True)
    if r.report is None:
        yield [r.source] + [""] * (len(cols) - 1) + [r.error]
        return
    _add_rows(cols, cls, r.source, r.report, attrs)
    names = list(cols)
    for i in range(len(cols["source"])):
        yield [_cell(cols[n][i]) for n in names] + [""]


def _cell(v: Any) -> Any:
    """A CSV cell: None empty, lists and dicts as JSON."""
    if v is None:
        return ""
    if isinstance(v, (list, dict)):
        return json.dumps(v, ensure_ascii=False, default=str)
    return v


class _Writer:
    """Writes results in one format; ``failed`` counts the error records."""

    def __init__(self, out: IO[str], fmt: str, layer: Optional[str], header: bool) -> None:
        self.out, self.fmt, self.layer, self.failed, self.n = out, fmt, layer, 0, 0
        self.csv = csv.writer(out) if fmt == "csv" else None
        if self.csv is not None and header:
            cls = LAYERS[layer or "targets"][0]
            self.csv.writerow(list(_columns(cls, with_source=True)) + ["error"])
        if fmt == "json":
            out.write("[")

    def write(self, r: Result) -> None:
        self.failed += r.report is None
        if self.fmt == "table":
            body = _table(r.report) if r.report is not None else f"error: {r.error}"
            self.out.write(f"== {r.source}\n{body}\n")
        elif self.csv is not None:
            self.csv.writerows(_csv_rows(r, self.layer or "targets"))
        else:
            for rec in _records(r, self.layer):
                line = json.dumps(rec, ensure_ascii=False)
                if self.fmt == "json":
                    line = ("\n" if self.n == 0 else ",\n") + line
                self.out.write(line if self.fmt == "json" else line + "\n")
                self.n += 1
        self.out.flush()

    def close(self) -> None:
        if self.fmt == "json":
            self.out.write("\n]\n")
        self.out.flush()


def _run_extract(a: argparse.Namespace) -> int:
    fmt = _format(a)
    docs = list(_inputs(a.inputs))
    if not docs:
        print("govextract: no input documents found", file=sys.stderr)
        return 2
    resume = bool(a.out) and a.resume and fmt in ("jsonl", "csv")
    done = _done_sources(a.out, fmt) if resume else set()
    todo = [d for d in docs if d[0] not in done]
    try:
        out = open(a.out, "a" if resume else "w", encoding="utf-8", newline="") if a.out else sys.stdout
    except OSError as e:
        print(f"govextract: cannot write {a.out}: {e}", file=sys.stderr)
        return 2
    header = not (resume and pathlib.Path(a.out).stat().st_size > 0)
    w = _Writer(out, fmt, a.layer, header)
    try:
        for r in extract_many(todo, n_process=a.jobs, progress=a.progress, all_reports=a.all):
            w.write(r)
        w.close()
    finally:
        if out is not sys.stdout:
            out.close()
    return 1 if w.failed else 0


# -- view, schema --------------------------------------------------------------------------
def _add_view(ap: argparse.ArgumentParser) -> None:
    ap.add_argument("file", metavar="FILE", help="a report (text or HTML file); - for standard input")
    ap.add_argument("-o", "--out", default=None, metavar="PAGE", help="write the page here (default: standard output)")


def _run_view(a: argparse.Namespace) -> int:
    from .decode import to_text
    from .html import render_html
    try:
        text = to_text(sys.stdin.buffer.read() if a.file == "-" else pathlib.Path(a.file).read_bytes())
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            page = render_html(extract(text), text)
    except (GovextractError, OSError) as e:
        print(f"{a.file}: {type(e).__name__}: {e}", file=sys.stderr)
        return 2
    if a.out:
        pathlib.Path(a.out).write_text(page, encoding="utf-8")
    else:
        sys.stdout.write(page)
    return 0


def _add_schema(ap: argparse.ArgumentParser) -> None:
    pass


def _run_schema(a: argparse.Namespace) -> int:
    from .schema import json_schema
    print(json.dumps(json_schema(), ensure_ascii=False, indent=1))
    return 0


def _add_check(ap: argparse.ArgumentParser) -> None:
    ap.add_argument("inputs", nargs="+", metavar="FILE|DIR", help="report files or folders of them")
    ap.add_argument("--jobs", type=int, default=1, metavar="N", help="worker processes (default 1)")
    ap.add_argument("--json", action="store_true", help="one JSON object per report, then the summary")
    ap.add_argument("--only-review", action="store_true", help="list only the reports that need review")
    ap.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                    help="a progress bar on standard error (default: when it is a terminal)")


def _run_check(a: argparse.Namespace) -> int:
    from .checking import check_many, line, summarize
    rows = check_many(a.inputs, n_process=a.jobs, progress=a.progress)
    for row in rows:
        if a.only_review and not row.needs_review:
            continue
        if a.json:
            print(json.dumps({"source": row.source, "needs_review": row.needs_review, "targets": row.targets,
                              "outcomes": row.actuals, "error": row.error,
                              "checks": [c.to_dict() for c in row.checks]}, ensure_ascii=False))
        else:
            print(line(row))
    summary = summarize(rows)
    if a.json:
        print(json.dumps({"summary": {"reports": summary.reports, "needing_review": summary.needing_review,
                                      "failed": summary.failed, "reports_per_code": summary.reports_per_code}},
                         ensure_ascii=False))
    else:
        print("\n".join(summary.lines()))
    return 1 if summary.failed else 0


_EPILOG_CHECK = """examples:
  govextract check report.txt
  govextract check reports/ --jobs 2 --only-review
  govextract check reports/ --json > checks.jsonl

A line per report: REVIEW when an error check fired (codes marked !), its counts, its codes;
then the summary: reports that need review, and reports per code (docs/checks.md).
Exit status: 0, or 1 when a document could not be read."""


Command = tuple[str, Callable[[argparse.ArgumentParser], None], Callable[[argparse.Namespace], int], str]

COMMANDS: dict[str, Command] = {
    "extract": ("extract documents, files or folders to JSON lines, JSON, CSV or a table",
                _add_extract, _run_extract, _EPILOG_EXTRACT),
    "view": ("write an HTML page of one report: tables and the highlighted text", _add_view, _run_view, _EPILOG_VIEW),
    "check": ("list what the library could not read, per report, and which reports need review",
              _add_check, _run_check, _EPILOG_CHECK),
    "schema": ("print the JSON Schema of a report's JSON", _add_schema, _run_schema,
               "example:\n  govextract schema > schema.json"),
}


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="govextract", description="Structured data from Chinese government work reports.",
                                 epilog=_EPILOG_MAIN, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--version", action="version", version=__version__)
    sub = ap.add_subparsers(dest="command", metavar="COMMAND")
    for name, (help_, add, run, epilog) in COMMANDS.items():
        p = sub.add_parser(name, help=help_, description=help_, epilog=epilog,
                           formatter_class=argparse.RawDescriptionHelpFormatter)
        add(p)
        p.set_defaults(run=run)
    return ap


@contextlib.contextmanager
def _quiet_pipe() -> Iterator[None]:
    """A reader that closes the pipe (``| head``) ends the command quietly."""
    try:
        yield
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)     # no second error when Python flushes at exit
        os.dup2(devnull, sys.stdout.fileno())
        raise SystemExit(0)


def main(argv: Optional[list[str]] = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    with _quiet_pipe():
        try:
            if argv and argv[0] not in COMMANDS and argv[0] not in ("-h", "--help", "--version"):
                return _summary_main(argv)
            a = _parser().parse_args(argv)
            if not getattr(a, "command", None):
                _parser().print_help()
                return 2
            return int(a.run(a))
        except KeyboardInterrupt:
            print("govextract: interrupted", file=sys.stderr)
            return 130


def _entry() -> None:
    sys.exit(main())


if __name__ == "__main__":
    _entry()
