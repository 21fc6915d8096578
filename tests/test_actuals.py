"""Last year's outcomes are every headline figure of the passage that sums up the year.

Table: ``tests/data/actuals_cases.json``: the examples of issue 15 and sentences written in
the same patterns with other places and numbers (``note`` names the bulk report whose shape a
case copies). ``pending`` names the part of the library a case waits for: such a case is a
strict xfail, so it fails the suite the day it starts to pass and the mark must go.
"""
import json
import pathlib
import warnings

import pytest

import govextract

CASES = json.loads((pathlib.Path(__file__).parent / "data" / "actuals_cases.json").read_text("utf-8"))


def _params():
    for c in CASES:
        marks = [pytest.mark.xfail(strict=True, reason=c["pending"])] if c.get("pending") else []
        yield pytest.param(c, id=c["id"], marks=marks)


@pytest.mark.parametrize("case", list(_params()))
def test_outcomes(case):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        report = govextract.extract(case["text"])
    got = [[a.indicator, a.value, a.unit, a.qualifier] for a in report.actuals]
    assert got == case["actuals"]
    if case.get("estimated"):
        assert all(a.estimated for a in report.actuals)
    for a in report.actuals:
        assert case["text"][a.start:a.end] == a.evidence
