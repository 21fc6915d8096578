"""Targets against outcomes: the panel researchers build from a folder of reports.

``govextract.panel(reports)`` lines up each headline target a report sets for year Y with the
outcome that a later report of the same region states for Y (its review of "last year"):
matched on the region (``meta.region_code``, else the region's name), the indicator, the kind
(growth, level, change in points) and the year. Values are compared in the normalised unit of
the quantities (``unit_norm`` and the exact ``amount``: 万元 and 亿元 compare; a growth rate never
meets a level), and in the target's direction (a target to cut energy use by 3% is met by a
cut of 3% or more).

Whether a target was met, by its qualifier (``met``; ``None`` when no outcome or no comparable
unit), with O the outcome and T the target, both in the target's direction:

============  ===========================================================================
qualifier     met when
============  ===========================================================================
at_least      O >= T
at_most       O <= T
about, exact  O >= T - tolerance (reached; a plain figure in the list of expected targets is
              an expectation like "about")
range         O >= T (the low end; ``within`` says whether O stayed in the range)
============  ===========================================================================

``within`` is the two-sided reading: abs(O - T) <= tolerance (for a range: T - tolerance <= O
<= T_high + tolerance). The tolerance is ``points`` (default 0.5) for rates and shares (units
``%`` and percentage points) and ``relative`` × T (default 5%) for other units. A ceiling
written with "about" (居民消费价格涨幅3%左右) is read as a floor by ``met``: use ``within`` or
``gap`` (O - T) for such indicators.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Iterable, Optional

from .frames import _items, require_pandas
from .model import Actual, Report, Target
from .region_codes import divisions

__all__ = ["panel", "met", "within", "tolerance", "PANEL_COLUMNS"]

PANEL_COLUMNS = (
    "region", "region_code", "province", "level", "indicator", "kind", "year",
    "qualifier", "target", "target_high", "unit", "target_evidence", "target_source", "target_start",
    "target_end", "tier", "outcome", "outcome_evidence", "outcome_source", "outcome_start",
    "outcome_end", "outcome_estimated", "outcome_report_year", "gap", "met", "within",
)

_RATE_UNITS = ("%", "pp")


@dataclass
class _Side:
    """A target or an outcome with its report and its value in the normalised unit."""
    obj: Any
    report: Report
    source: str
    value: Optional[float]           # in unit_norm, signed: negative for a decrease
    value_high: Optional[float]
    unit_norm: Optional[str]


def _signed(v: Optional[Decimal | float], down: bool) -> Optional[float]:
    if v is None:
        return None
    return -float(v) if down else float(v)


def _side(obj: Target | Actual, report: Report, source: str) -> _Side:
    """Value of a target or outcome in its quantity's normalised unit (else as written)."""
    down = obj.direction == "down"
    q = report.quantities[obj.quantity] if obj.quantity is not None and obj.quantity < len(report.quantities) else None
    if q is not None and q.unit_norm and q.amount is not None:
        hi = q.amount_high
        return _Side(obj, report, source, _signed(q.amount, down), _signed(hi, down), q.unit_norm)
    return _Side(obj, report, source, _signed(obj.value, down), _signed(obj.value_high, down), obj.unit or None)


def _region_key(report: Report) -> Optional[str]:
    """The region code; else the region's name when it is the name of a division (so that a
    misread name never joins two reports)."""
    m = report.meta
    if m.region_code:
        return m.region_code
    return m.region if m.region and divisions(m.region) else None


def tolerance(target: float, unit_norm: Optional[str], points: float = 0.5, relative: float = 0.05) -> float:
    """The tolerance of "about": ``points`` for % and pp units, else ``relative`` × target."""
    return points if unit_norm in _RATE_UNITS else abs(target) * relative


def met(qualifier: str, outcome: float, target: float, target_high: Optional[float] = None, *,
        tol: float = 0.5) -> bool:
    """Whether ``outcome`` meets ``target`` under ``qualifier`` (values in the target's direction)."""
    if qualifier == "at_least":
        return outcome >= target
    if qualifier == "at_most":
        return outcome <= target
    if qualifier == "range" and target_high is not None:
        return outcome >= min(target, target_high)
    return outcome >= target - tol - 1e-9


def within(qualifier: str, outcome: float, target: float, target_high: Optional[float] = None, *,
           tol: float = 0.5) -> bool:
    """The two-sided reading: the outcome is within the tolerance of the target (or range)."""
    lo, hi = (target, target) if target_high is None else sorted((target, target_high))
    return lo - tol - 1e-9 <= outcome <= hi + tol + 1e-9


def _outcomes(items: list[tuple[str, Report]]) -> dict[tuple[Any, ...], list[_Side]]:
    """(region, indicator, kind, year) -> outcomes stated for that year, best first."""
    out: dict[tuple[Any, ...], list[_Side]] = {}
    for source, r in items:
        key = _region_key(r)
        for a in r.actuals:
            if key and a.indicator and a.year is not None:
                out.setdefault((key, a.indicator, a.kind, a.year), []).append(_side(a, r, source))
    for sides in out.values():   # stated, not estimated (预计), first; then the nearest report
        sides.sort(key=lambda s: (bool(s.obj.estimated), s.report.meta.report_year or 9999))
    return out


def _pick(t: _Side, rank: int, n_targets: int, cands: list[_Side]) -> Optional[_Side]:
    """The outcome for a target among the candidates of its key (best report first).

    Two targets of one indicator (一般公共预算总收入 and 地方一般公共预算收入 are both
    ``public_budget_revenue``) meet the outcome written with the same subject; else, when the
    best report states as many outcomes of the key as there are targets, the one of the same
    rank; else the first."""
    if not cands:
        return None
    best = [o for o in cands if o.report is cands[0].report]
    same = [o for o in best if o.obj.text == t.obj.text]
    if same:
        return same[0]
    if len(best) == n_targets:
        return best[rank]
    return best[0]


def _compare(t: _Side, o: Optional[_Side], points: float,
             relative: float) -> tuple[Optional[float], Optional[bool], Optional[bool]]:
    """(gap, met, within) in the target's direction; Nones without a comparable outcome."""
    if o is None or t.value is None or o.value is None or t.unit_norm != o.unit_norm:
        return None, None, None
    sign = -1.0 if t.obj.direction == "down" else 1.0
    tv, ov = t.value * sign, o.value * sign
    hi = t.value_high * sign if t.value_high is not None else None
    tol = tolerance(tv, t.unit_norm, points, relative)
    q = t.obj.qualifier
    return round(ov - tv, 10), met(q, ov, tv, hi, tol=tol), within(q, ov, tv, hi, tol=tol)


def _row(t: _Side, o: Optional[_Side], points: float, relative: float) -> dict[str, Any]:
    m, obj = t.report.meta, t.obj
    gap, ok, near = _compare(t, o, points, relative)
    sign = -1.0 if obj.direction == "down" else 1.0
    return {
        "region": m.region, "region_code": m.region_code, "province": m.province, "level": m.level,
        "indicator": obj.indicator, "kind": obj.kind, "year": obj.year, "qualifier": obj.qualifier,
        "target": None if t.value is None else t.value * sign,
        "target_high": None if t.value_high is None else t.value_high * sign,
        "unit": t.unit_norm, "target_evidence": obj.evidence, "target_source": t.source,
        "target_start": obj.start, "target_end": obj.end, "tier": obj.tier,
        "outcome": None if o is None or o.value is None else o.value * sign,
        "outcome_evidence": o.obj.evidence if o else None, "outcome_source": o.source if o else None,
        "outcome_start": o.obj.start if o else None, "outcome_end": o.obj.end if o else None,
        "outcome_estimated": o.obj.estimated if o else None,
        "outcome_report_year": o.report.meta.report_year if o else None,
        "gap": gap, "met": ok, "within": near,
    }


def panel(reports: Iterable[Any], *, indicators: Optional[Iterable[str]] = None, points: float = 0.5,
          relative: float = 0.05) -> Any:
    """A DataFrame with one row per headline target (of a known indicator) and its outcome.

    ``reports``: Reports, ``(source, Report)`` pairs or :func:`govextract.extract_many` results.
    ``indicators`` keeps only those indicator ids. Values (``target``, ``target_high``,
    ``outcome``, ``gap``) are in ``unit`` (the normalised unit: ``%``, ``pp``, ``CNY`` …) and in
    the target's direction: a decrease target of 3% and an outcome of a 3.2% decrease give
    target 3, outcome 3.2, gap 0.2. Rows are sorted by region, indicator, kind and year.
    """
    pd = require_pandas()
    items = list(_items(reports))
    keep = set(indicators) if indicators is not None else None
    outcomes = _outcomes(items)
    rows = []
    for source, r in items:
        key = _region_key(r)
        groups: dict[tuple[Any, ...], list[Target]] = {}
        for t in r.targets:
            if t.headline and t.indicator and t.year is not None and (keep is None or t.indicator in keep):
                groups.setdefault((key, t.indicator, t.kind, t.year), []).append(t)
        for k, targets in groups.items():
            cands = [o for o in outcomes.get(k, []) if o.report is not r] if key else []
            for rank, t in enumerate(targets):
                side = _side(t, r, source)
                rows.append(_row(side, _pick(side, rank, len(targets), cands), points, relative))
    df = pd.DataFrame(rows, columns=list(PANEL_COLUMNS))
    df = df.sort_values(["region", "indicator", "kind", "year", "tier"], na_position="first", kind="stable")
    return _typed(df.reset_index(drop=True))


def _typed(df: Any) -> Any:
    types = {"target": "Float64", "target_high": "Float64", "outcome": "Float64", "gap": "Float64",
             "year": "Int64", "tier": "Int64", "target_start": "Int64", "target_end": "Int64",
             "outcome_start": "Int64", "outcome_end": "Int64", "outcome_report_year": "Int64",
             "met": "boolean", "within": "boolean", "outcome_estimated": "boolean", "qualifier": "category", "kind": "category",
             "level": "category"}
    for col, dt in types.items():
        df[col] = df[col].astype(dt)
    for col in ("region", "region_code", "province", "indicator", "unit", "target_evidence", "target_source",
                "outcome_evidence", "outcome_source"):
        df[col] = df[col].astype("string")
    return df
