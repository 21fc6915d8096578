"""DataFrames: one row per object, typed columns, the report's metadata on every row."""
import sys
from decimal import Decimal

import pandas as pd
import pytest

import govextract
from govextract.frames import LAYERS
from conftest import extracted


def test_targets_frame_types_and_values():
    r = extracted("2022-xianyang")
    df = r.to_frame("targets")
    assert len(df) == len(r.targets)
    assert str(df["value"].dtype) == "Float64" and str(df["year"].dtype) == "Int64"
    assert str(df["qualifier"].dtype) == "category" and str(df["kind"].dtype) == "category"
    assert str(df["headline"].dtype) == "boolean" and str(df["evidence"].dtype) == "string"
    first = df.iloc[0]
    t = r.targets[0]
    assert (first["indicator"], first["value"], first["qualifier"], first["evidence"]) == \
        (t.indicator, t.value, t.qualifier, t.evidence)
    assert set(df["region"]) == {"咸阳市"} and set(df["region_code"]) == {"610400"}


def test_decimal_amounts_keep_an_exact_column():
    r = extracted("2021-chibi-responsibilities")
    df = r.to_frame("projects")
    assert len(df) == len(r.projects) + len(r.project_groups)
    assert str(df["amount_yuan"].dtype) == "Float64" and str(df["amount_yuan_exact"].dtype) == "string"
    for p, exact in zip(r.projects, df["amount_yuan_exact"]):
        assert Decimal(exact) == p.amount_yuan
    q = r.to_frame("quantities")
    big = q[q["amount_exact"].notna()].iloc[0]
    assert Decimal(big["amount_exact"]) == r.quantities[int(big.name)].amount


def test_many_reports_with_source_and_all_layers():
    reports = [extracted("2022-xianyang"), extracted("2021-chibi-responsibilities")]
    for layer in LAYERS:
        df = govextract.to_frame([("x", reports[0]), ("c", reports[1])], layer)
        assert list(df.columns[:2]) == ["source", "region"]
        assert set(df["source"]) <= {"x", "c"}
    resp = govextract.to_frame(reports, "responsibilities")
    assert len(resp) == sum(len(r.responsibilities) for r in reports) > 0
    assert isinstance(resp["leaders"].iloc[0], list)
    outcomes = govextract.to_frame(reports, "outcomes")
    assert len(outcomes) == sum(len(r.actuals) for r in reports)


def test_frame_from_batch_results_skips_failures(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"%PDF-1.4 binary")
    results = list(govextract.extract_many([tmp_path / "bad.txt", "今年主要预期目标是:地区生产总值增长7%左右。"]))
    df = govextract.to_frame(results, "targets")
    assert list(df["source"]) == ["<1>"] and list(df["indicator"]) == ["gdp"]


def test_unknown_layer():
    with pytest.raises(ValueError, match="unknown layer"):
        extracted("2022-xianyang").to_frame("numbers")


def test_missing_pandas_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)      # import pandas now raises ImportError
    with pytest.raises(ImportError, match=r"govextract\[pandas\]"):
        extracted("2022-xianyang").to_frame("targets")


def test_empty_layer_has_columns():
    df = extracted("2022-xianyang").to_frame("checks")
    assert len(df) == 0 and {"code", "severity", "message"} <= set(df.columns)
    assert isinstance(df, pd.DataFrame)
