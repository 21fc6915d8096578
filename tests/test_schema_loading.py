"""JSON Schema kept in sync with the model; fast and exact loading; a light ``import govextract``."""
import json
import subprocess
import sys
import time
from decimal import Decimal

import jsonschema
import pytest

import govextract
from conftest import DOCS, ROOT, extracted, read_doc


def test_committed_schema_is_current():
    committed = json.loads((ROOT / "docs" / "schema.json").read_text(encoding="utf-8"))
    assert committed == govextract.json_schema(), \
        "the model changed: regenerate with `govextract schema > docs/schema.json`"


@pytest.mark.parametrize("name", DOCS)
def test_reports_validate_against_the_schema(name):
    jsonschema.validate(json.loads(extracted(name).to_json()), govextract.json_schema())


def test_schema_rejects_what_is_not_a_report():
    d = json.loads(extracted("2022-xianyang").to_json())
    d["targets"][0]["value"] = "seven"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(d, govextract.json_schema())


@pytest.mark.parametrize("name", ["2022-xianyang", "2021-chibi-responsibilities", "2020-huangshigang"])
def test_from_dict_is_exact_and_faster_than_extract(name):
    text = read_doc(name)
    report = govextract.extract(text)
    data = json.loads(report.to_json())
    assert govextract.Report.from_dict(data) == report

    def best(fn, n=5):
        times = []
        for _ in range(n):
            t = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t)
        return min(times)
    load, extract = best(lambda: govextract.Report.from_dict(data)), best(lambda: govextract.extract(text))
    assert load < extract, f"from_dict {load * 1000:.1f} ms, extract {extract * 1000:.1f} ms"


def test_from_dict_fills_defaults_and_nested_types():
    r = govextract.Report.from_dict({"meta": {"region": "咸阳市"}, "quantities": [
        {"value": 16.4, "unit": "亿元", "start": 0, "end": 5, "evidence": "16.4亿元", "amount": "1640000000"}]})
    assert r.meta.region == "咸阳市" and r.meta.doc_type == "unknown" and r.targets == []
    assert r.quantities[0].amount == Decimal("1640000000") and isinstance(r.quantities[0].amount, Decimal)


def test_import_loads_no_spacy_jieba_or_pandas():
    p = subprocess.run([sys.executable, "-X", "importtime", "-c", "import govextract"],
                       capture_output=True, text=True, timeout=120)
    modules = {line.split("|")[-1].strip().split(".")[0] for line in p.stderr.splitlines() if "|" in line}
    assert "govextract" in modules
    assert not modules & {"spacy", "jieba", "pandas", "thinc", "numpy", "tqdm"}, modules & {"spacy", "jieba", "pandas"}
