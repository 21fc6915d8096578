"""Reports as pandas DataFrames: one row per extracted object, typed columns.

``report.to_frame(layer)`` and ``govextract.to_frame(reports, layer)`` (needs the ``pandas``
extra: ``pip install 'govextract[pandas]'``). Columns are derived from the dataclass fields of
the layer's objects (new fields appear without a change here), preceded by the report's
metadata. Types: nullable ``Float64`` for floats, nullable ``Int64`` for integers, ``boolean``
for flags, ``category`` for the closed vocabularies (qualifier, kind, level, role …),
``string`` for text. Decimal amounts are given twice: as ``Float64`` (``amount``) and, exact,
as a string beside it (``amount_exact``).
"""
from __future__ import annotations

import dataclasses
import types
import typing
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Iterable, Optional, Union

from .model import Actual, Check, Project, Quantity, Report, Responsibility, Target, UnquantifiedTarget

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["LAYERS", "META_COLUMNS", "to_frame", "report_frame", "require_pandas"]

# layer name -> (object class, Report attributes holding the objects)
LAYERS: dict[str, tuple[type, tuple[str, ...]]] = {
    "targets": (Target, ("targets",)),
    "actuals": (Actual, ("actuals",)),
    "outcomes": (Actual, ("actuals",)),            # the same layer under the researchers' word
    "quantities": (Quantity, ("quantities",)),
    "projects": (Project, ("projects", "project_groups")),
    "responsibilities": (Responsibility, ("responsibilities",)),
    "unquantified_targets": (UnquantifiedTarget, ("unquantified_targets",)),
    "checks": (Check, ("checks",)),
}

# the report's metadata repeated on every row, in this order
META_COLUMNS = ("region", "region_code", "province", "level", "report_year", "plan_year", "doc_type")

# fields whose values come from a closed list: categorical columns
CATEGORICAL = frozenset({"qualifier", "kind", "level", "role", "direction", "part", "severity",
                         "doc_type", "unit_norm", "status", "code"})


def require_pandas() -> Any:
    """``import pandas``, or an ImportError that names the extra to install."""
    try:
        import pandas
    except ImportError as e:  # pragma: no cover - exercised in a venv without pandas
        raise ImportError("govextract's DataFrames need pandas: pip install 'govextract[pandas]'") from e
    return pandas


def _base_type(tp: Any) -> Any:
    """``Optional[X]`` -> ``X``; other types unchanged."""
    if typing.get_origin(tp) in (Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return args[0] if len(args) == 1 else tp
    return tp


_SCHEMAS: dict[type, list[tuple[str, Any]]] = {}


def _fields(cls: type) -> list[tuple[str, Any]]:
    """(field name, base type) of a model class, cached."""
    s = _SCHEMAS.get(cls)
    if s is None:
        hints = typing.get_type_hints(cls)
        s = _SCHEMAS[cls] = [(f.name, _base_type(hints[f.name])) for f in dataclasses.fields(cls)]
    return s


def _dtype(name: str, tp: Any) -> Optional[str]:
    if name in CATEGORICAL:
        return "category"
    return {float: "Float64", int: "Int64", bool: "boolean", str: "string", Decimal: "Float64"}.get(tp)


def _items(reports: Iterable[Any]) -> Iterable[tuple[str, Report]]:
    """(source, report) from Reports, batch results (``.source``/``.report``) or pairs."""
    for i, item in enumerate(reports):
        if isinstance(item, Report):
            yield str(i), item
        elif isinstance(item, tuple):
            yield str(item[0]), item[1]
        elif getattr(item, "report", None) is not None:
            yield str(item.source), item.report
        # a failed batch result (report None) has no rows


def _columns(cls: type, with_source: bool) -> dict[str, list[Any]]:
    cols: dict[str, list[Any]] = {"source": []} if with_source else {}
    cols.update({c: [] for c in META_COLUMNS})
    for name, tp in _fields(cls):
        cols[name] = []
        if tp is Decimal:
            cols[f"{name}_exact"] = []
    return cols


def _add_rows(cols: dict[str, list[Any]], cls: type, source: Optional[str], report: Report,
              attrs: tuple[str, ...]) -> None:
    meta = report.meta
    objs = [o for a in attrs for o in getattr(report, a)]
    if not objs:
        return
    n = len(objs)
    if "source" in cols:
        cols["source"].extend([source] * n)
    for c in META_COLUMNS:
        cols[c].extend([getattr(meta, c)] * n)
    for name, tp in _fields(cls):
        values = [getattr(o, name) for o in objs]
        if tp is Decimal:
            cols[f"{name}_exact"].extend(None if v is None else str(v) for v in values)
            values = [None if v is None else float(v) for v in values]
        cols[name].extend(values)


def _frame(cols: dict[str, list[Any]], cls: type) -> "pd.DataFrame":
    pd = require_pandas()
    col_types = dict(_fields(cls))
    col_types.update({"source": str, "region": str, "region_code": str, "province": str,
                      "report_year": int, "plan_year": int})
    df = pd.DataFrame(cols)
    for col in df.columns:
        tp = str if col.endswith("_exact") else col_types.get(col)
        dt = _dtype(col, tp)
        if dt is not None:
            df[col] = df[col].astype(dt)
    return df  # type: ignore[no-any-return]   # pandas is typed Any when its stubs are absent


def _layer(layer: str) -> tuple[type, tuple[str, ...]]:
    if layer not in LAYERS:
        raise ValueError(f"unknown layer {layer!r}; choose one of {sorted(LAYERS)}")
    return LAYERS[layer]


def report_frame(report: Report, layer: str = "targets") -> "pd.DataFrame":
    """One report's objects of ``layer`` as a DataFrame (what ``Report.to_frame`` returns)."""
    cls, attrs = _layer(layer)
    cols = _columns(cls, with_source=False)
    _add_rows(cols, cls, None, report, attrs)
    return _frame(cols, cls)


def to_frame(reports: Iterable[Any], layer: str = "targets") -> "pd.DataFrame":
    """The objects of ``layer`` of many reports in one DataFrame, with a ``source`` column.

    ``reports``: ``Report`` objects (source = position), ``(source, Report)`` pairs, or the
    results of :func:`govextract.extract_many` (source = the path; failed documents give no row).
    Layers: ``targets``, ``actuals`` (or ``outcomes``), ``quantities``, ``projects`` (named
    projects and batches, told apart by ``kind``), ``responsibilities``,
    ``unquantified_targets``, ``checks``.
    """
    cls, attrs = _layer(layer)
    cols = _columns(cls, with_source=True)
    for source, report in _items(reports):
        _add_rows(cols, cls, source, report, attrs)
    return _frame(cols, cls)
