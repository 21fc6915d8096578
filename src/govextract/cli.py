"""``govextract FILE...``: extract reports and print them (targets table or JSON)."""
from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path

from . import GovextractError, __version__, extract, extract_all


def _table(report) -> str:
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


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="govextract", description=__doc__)
    ap.add_argument("files", nargs="+", help="text files (UTF-8 or GB18030); - for standard input")
    ap.add_argument("--json", action="store_true", help="print the full report as JSON")
    ap.add_argument("--all", action="store_true", help="extract every report contained in each file")
    ap.add_argument("--version", action="version", version=__version__)
    a = ap.parse_args(argv)
    status = 0
    for f in a.files:
        data = sys.stdin.buffer.read() if f == "-" else Path(f).read_bytes()
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore" if a.all else "default")
                reports = extract_all(data) if a.all else [extract(data)]
        except GovextractError as e:
            print(f"{f}: {type(e).__name__}: {e}", file=sys.stderr)
            status = 2
            continue
        for r in reports:
            if a.json:
                print(r.to_json(indent=1))
            else:
                print(f"== {f}")
                print(_table(r))
    return status


if __name__ == "__main__":
    sys.exit(main())
