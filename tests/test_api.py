"""The public API: its pinned surface, JSON round trips, the CLI, typed errors."""
import json
import pathlib
import subprocess
import sys

import pytest

import govextract
from api_surface import surface
from conftest import FIXTURES, ROOT, extracted, read_doc

SNAPSHOT = pathlib.Path(__file__).with_name("api_snapshot.json")


def test_api_surface_is_pinned():
    assert surface() == json.loads(SNAPSHOT.read_text(encoding="utf-8")), \
        "public API changed: update tests/api_snapshot.json and CHANGELOG.md (and the version)"


def test_everything_exported_exists():
    for name in govextract.__all__:
        assert hasattr(govextract, name)


def test_version_in_changelog():
    assert f"## {govextract.__version__}" in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")


def test_py_typed_shipped():
    assert (ROOT / "src" / "govextract" / "py.typed").exists()


@pytest.mark.parametrize("name", ["2022-xianyang", "2021-chibi-responsibilities", "2020-huangshigang"])
def test_json_round_trip(name):
    r = extracted(name)
    d = r.to_dict()
    assert govextract.Report.from_dict(d) == r
    assert govextract.Report.from_dict(json.loads(r.to_json())) == r
    # Decimal amounts travel as exact strings
    amounts = [q["amount"] for q in d["quantities"] if q["amount"] is not None]
    assert amounts and all(isinstance(a, str) for a in amounts)


def test_output_fields_follow_spec():
    d = extracted("2022-dongli").to_dict()
    assert set(d) >= {"meta", "targets", "actuals", "projects", "responsibilities"}
    assert set(d["meta"]) >= {"region", "level", "report_year", "plan_year", "speaker", "speaker_title"}
    t = d["targets"][0]
    assert set(t) >= {"indicator", "text", "kind", "value", "unit", "qualifier", "value_high", "direction", "year",
                      "tier", "headline", "start", "end", "evidence", "sentence_start", "sentence_end"}


def test_bytes_input_gb18030_and_bom():
    text = read_doc("2021-xianning-plan")
    a = govextract.extract(text)
    b = govextract.extract(text.encode("gb18030"))
    c = govextract.extract(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert a.to_dict() == b.to_dict() == c.to_dict()


@pytest.mark.parametrize("bad,error", [
    (None, govextract.InputTypeError), (42, govextract.InputTypeError), (["a"], govextract.InputTypeError),
    (b"%PDF-1.4\n...", govextract.BinaryInputError), (b"\xff\xfe\xfa\x80\x81", govextract.DecodingError),
])
def test_typed_errors(bad, error):
    with pytest.raises(error) as e:
        govextract.extract(bad)
    assert isinstance(e.value, govextract.InputError) and str(e.value)


def test_max_chars():
    nlp = govextract.Pipeline(max_chars=100)
    with pytest.raises(govextract.InputTooLargeError):
        nlp("字" * 101)


def test_components_registry_and_custom_component():
    seen = []

    def count_percentages(doc):
        seen.append(sum(q.unit == "%" for q in doc.report.quantities))

    nlp = govextract.Pipeline()
    nlp.add_component("count_pct", count_percentages, after="quantities")
    assert nlp.component_names.index("count_pct") == nlp.component_names.index("quantities") + 1
    nlp(read_doc("2022-qinghai"))
    assert seen and seen[0] > 20
    assert set(govextract.DEFAULT_COMPONENTS) <= set(govextract.registered())
    nlp.remove_component("projects")
    assert nlp(read_doc("2021-chibi-responsibilities")).projects == []
    with pytest.raises(KeyError):
        govextract.Pipeline(components=["no-such-component"])


def test_deterministic():
    text = read_doc("2022-tianmen")
    assert govextract.extract(text).to_dict() == govextract.extract(text).to_dict()


def test_cli_prints_targets():
    out = subprocess.run([sys.executable, "-m", "govextract.cli", str(FIXTURES / "corpus" / "2022-xianyang.txt")],
                         capture_output=True, text=True, check=True).stdout
    assert "咸阳市" in out and "gdp" in out and "7%" in out


def test_cli_json_and_error_exit():
    p = FIXTURES / "corpus" / "2021-xianning-plan.txt"
    out = subprocess.run([sys.executable, "-m", "govextract.cli", "--json", str(p)],
                         capture_output=True, text=True, check=True).stdout
    assert json.loads(out)["meta"]["region"] == "咸宁市"
    bad = subprocess.run([sys.executable, "-m", "govextract.cli", "-"], input=b"%PDF-1.5 x", capture_output=True)
    assert bad.returncode == 2 and b"BinaryInputError" in bad.stderr


def test_import_is_light():
    code = "import sys, govextract; print('spacy' in sys.modules, 'jieba' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


@pytest.mark.parametrize("name", ["2022-xianyang", "2021-chibi-responsibilities"])
def test_fast_to_dict_is_the_dataclasses_json_encoding(name):
    from dataclasses_json import DataClassJsonMixin
    r = extracted(name)
    assert r.to_dict() == DataClassJsonMixin.to_dict(r, encode_json=True)


def test_components_declare_contracts_and_the_pipeline_checks_the_order():
    from govextract.pipeline import DEFAULT_COMPONENTS, TEXT_LAYER, contract
    have = set(TEXT_LAYER)
    for name in DEFAULT_COMPONENTS:
        c = contract(name)
        assert c.assigns, name                          # every built-in says what it sets
        assert set(c.requires) <= have, name            # and the default order satisfies it
        have |= set(c.assigns)
    with pytest.raises(govextract.MissingDependencyError, match="target_lists"):
        govextract.Pipeline(components=["meta", "structure", "quantities"])
    nlp = govextract.Pipeline()
    with pytest.raises(govextract.MissingDependencyError):
        nlp.remove_component("target_lists")            # quantities needs the plan year it sets
    assert "target_lists" in nlp.component_names
