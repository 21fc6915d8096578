"""The spaCy component (the [spacy] extra): labels, config, expand alignment, DocBin, n_process, displaCy."""
import collections
import subprocess
import sys

import pytest

spacy = pytest.importorskip("spacy")     # the test extra installs it: this never skips in CI
from spacy import displacy  # noqa: E402
from spacy.tokens import DocBin  # noqa: E402

import govextract  # noqa: E402
import govextract.spacy_component  # noqa: E402,F401
from conftest import read_doc  # noqa: E402


@pytest.fixture(scope="module")
def nlp():
    sp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    sp.add_pipe("govextract")
    return sp


def test_labels_say_what_a_span_is(nlp):
    text = read_doc("2022-xianyang")
    doc = nlp(text)
    report = doc._.govextract
    assert report == govextract.extract(text)
    labels = collections.Counter(s.label_ for s in doc.spans["govextract"])
    assert labels["TARGET:gdp"] >= 1 and labels["OUTCOME:retail_sales"] == 1
    assert labels["QUANTITY"] == len(report.quantities)
    # expand alignment: every object's evidence lies inside its span, none is lost
    targets = [s for s in doc.spans["govextract"] if s.label_.startswith("TARGET")]
    assert len(targets) == len(report.targets)
    for t in report.targets:
        label = "TARGET" + (f":{t.indicator}" if t.indicator else "")
        assert any(sp.start_char <= t.start and t.end <= sp.end_char and sp.label_ == label and t.evidence in sp.text
                   for sp in targets), t
    starts = [(sp.start, sp.end) for sp in doc.spans["govextract"]]
    assert starts == sorted(starts)                               # text order


def test_responsibility_spans(nlp):
    text = read_doc("2021-chibi-responsibilities")
    doc = nlp(text)
    report = doc._.govextract
    leaders = [s for s in doc.spans["govextract"] if s.label_ == "LEADER"]
    units = [s for s in doc.spans["govextract"] if s.label_ == "LEAD_UNIT"]
    assert {s.text for s in leaders} == {n for r in report.responsibilities for n in r.leaders}
    assert {s.text for s in units} == {u for r in report.responsibilities for u in r.lead_units}
    assert any(s.label_ == "PROJECT" for s in doc.spans["govextract"])


def test_config_layers_style_and_key():
    sp = spacy.blank("zh")
    sp.add_pipe("govextract", config={"layers": ["targets"], "label_style": "plain", "spans_key": "sc"})
    doc = sp("今年主要预期目标是:地区生产总值增长7%左右。")
    assert [(s.text, s.label_) for s in doc.spans["sc"]] == [("7%左右", "TARGET")]
    with pytest.raises(ValueError, match="layers"):
        spacy.blank("zh").add_pipe("govextract", config={"layers": ["numbers"]})


def test_docbin_round_trip(nlp):
    doc = nlp(read_doc("2022-jizhou"))
    data = DocBin(store_user_data=True, docs=[doc]).to_bytes()
    back = list(DocBin().from_bytes(data).get_docs(nlp.vocab))[0]
    assert back._.govextract == doc._.govextract
    assert [(s.start_char, s.label_) for s in back.spans["govextract"]] == \
        [(s.start_char, s.label_) for s in doc.spans["govextract"]]


def test_pipe_with_two_processes(nlp):
    texts = [read_doc("2022-xianyang"), read_doc("2022-qinghai"), read_doc("2022-jizhou")]
    docs = list(nlp.pipe(texts, n_process=2, batch_size=1))
    assert [d._.govextract for d in docs] == [govextract.extract(t) for t in texts]


def test_displacy_renders_the_spans(nlp):
    doc = nlp(read_doc("2022-xianyang"))
    page = displacy.render(doc, style="span", options={"spans_key": "govextract"}, page=True)
    assert "TARGET:gdp" in page and "OUTCOME:gdp" in page and "QUANTITY" in page


def test_missing_spacy_names_the_extra():
    code = ("import sys; sys.modules['spacy'] = None; sys.modules['spacy.language'] = None\n"
            "try:\n    import govextract.spacy_component\nexcept ImportError as e:\n    print(e)")
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert "pip install 'govextract[spacy]'" in p.stdout
