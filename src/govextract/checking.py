"""A corpus view of the checks: which reports need a person's review, and for which codes.

``govextract.check_many(paths)`` runs the library over files or folders and returns one
:class:`ReportChecks` per report (its counts and its checks); :func:`summarize` counts the
reports that need review and the reports per code. The command ``govextract check FILE|DIR…``
prints the same, a line per report and the summary (``docs/checks.md``).
"""
from __future__ import annotations

import collections
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator, Optional

from .batch import Input, extract_many
from .model import Check, Report


@dataclass
class ReportChecks:
    """What a researcher needs to triage one report: its counts, its checks, whether to read it."""
    source: str
    index: int = 0
    targets: int = 0
    actuals: int = 0
    quantities: int = 0
    speaker: Optional[str] = None
    plan_year: Optional[int] = None
    checks: list[Check] = field(default_factory=list)
    error: Optional[str] = None            # the document could not be read at all

    @property
    def needs_review(self) -> bool:
        return self.error is not None or any(c.severity == "error" for c in self.checks)

    @property
    def codes(self) -> list[str]:
        return [c.code for c in self.checks]

    @classmethod
    def of(cls, source: str, report: Report, index: int = 0) -> "ReportChecks":
        return cls(source, index, sum(t.headline for t in report.targets), len(report.actuals),
                   len(report.quantities), report.meta.speaker, report.meta.plan_year, list(report.checks))


@dataclass
class Summary:
    reports: int
    needing_review: int
    failed: int
    reports_per_code: dict[str, int]       # code -> reports carrying it (severity in ``severity``)
    severity: dict[str, str]

    def lines(self) -> Iterator[str]:
        share = self.needing_review / self.reports if self.reports else 0.0
        yield f"{self.reports} reports, {self.needing_review} need review ({share:.1%}), {self.failed} could not be read"
        for code, n in sorted(self.reports_per_code.items(), key=lambda kv: (-kv[1], kv[0])):
            yield f"  {code:<36} {self.severity[code]:<8} {n:>6} reports"


def check_many(inputs: Iterable[Input] | Input, *, n_process: int = 1, progress: Optional[bool] = None,
               **kwargs: Any) -> list[ReportChecks]:
    """One :class:`ReportChecks` per document of ``inputs`` (paths, folders or texts, as for
    :func:`govextract.extract_many`), in order; a document that cannot be read has ``error``."""
    out: list[ReportChecks] = []
    for r in extract_many(inputs, n_process=n_process, progress=progress, **kwargs):
        if r.report is None:
            out.append(ReportChecks(r.source, r.index, error=r.error))
        else:
            out.append(ReportChecks.of(r.source, r.report, r.index))
    return out


def summarize(rows: Iterable[ReportChecks]) -> Summary:
    """The reports that need review and, per code, the reports that carry it."""
    rows = list(rows)
    per_code: collections.Counter[str] = collections.Counter()
    severity: dict[str, str] = {}
    for row in rows:
        for code in set(row.codes):
            per_code[code] += 1
        for c in row.checks:
            if severity.get(c.code) != "error":
                severity[c.code] = c.severity
    return Summary(len(rows), sum(r.needs_review for r in rows), sum(r.error is not None for r in rows),
                   dict(per_code), severity)


def line(row: ReportChecks) -> str:
    """One report as a line: review flag, counts, then the codes (errors first)."""
    if row.error is not None:
        return f"FAIL    {row.source}  {row.error}"
    flag = "REVIEW" if row.needs_review else "ok"
    codes = sorted(row.checks, key=lambda c: (c.severity != "error", c.code))
    seen: list[str] = []
    for c in codes:
        tag = c.code + ("!" if c.severity == "error" else "")
        if tag not in seen:
            seen.append(tag)
    return (f"{flag:<7} {row.source}  targets={row.targets} outcomes={row.actuals} "
            f"quantities={row.quantities}  {' '.join(seen)}").rstrip()
