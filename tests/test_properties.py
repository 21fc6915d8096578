"""Property-based tests: generated target lists come back exactly, offsets always hold,
the JSON round trip is exact, extraction is deterministic and never crashes on text.

Strategies live in ``strategies.py``.  Budgets are moderate (the file runs in well under a
minute); ``test_fuzz.py`` does the long runs.
"""
from __future__ import annotations

import json
import warnings

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import govextract
from strategies import (CHINESE_HEAVY, INDICATORS, check_invariants, check_sections_nested, chinese_text,
                        fullwidth, report_with_targets, target_key)

SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
FEW = settings(SETTINGS, max_examples=100)


_OWN_PIPELINE = govextract.Pipeline()


def run(text):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", govextract.MultipleReportsWarning)
        return govextract.extract(text)


# --------------------------------------------------------------------------------------------
# Generated target lists come back exactly
# --------------------------------------------------------------------------------------------

@SETTINGS
@given(report_with_targets())
def test_generated_list_is_extracted_exactly(case):
    text, expected, year = case
    r = run(text)
    assert [target_key(t) for t in r.targets] == [e.key() for e in expected]
    assert [t.kind for t in r.targets] == [e.kind for e in expected]
    assert [t.unit for t in r.targets] == [e.unit for e in expected]
    assert [t.direction for t in r.targets] == [e.direction for e in expected]
    assert all(t.year == year for t in r.targets)
    assert all(t.tier is None and t.headline for t in r.targets)
    # headline targets are never taken for last year's outcomes
    assert r.actuals == []
    check_invariants(text, r)


@SETTINGS
@given(report_with_targets())
def test_ranges_are_ordered_and_other_qualifiers_have_no_high_end(case):
    text, expected, _ = case
    r = run(text)
    for t in r.targets:
        if t.qualifier == "range":
            assert t.value_high is not None and t.value < t.value_high
        else:
            assert t.value_high is None
    for q in r.quantities:
        if q.value_high is not None:
            assert q.value <= q.value_high
            assert q.amount_high is None or q.amount is None or q.amount <= q.amount_high


@FEW
@given(report_with_targets(), st.sampled_from(["crlf", "fullwidth", "fullwidth-punct"]))
def test_layout_variants_give_the_same_targets(case, variant):
    """CRLF line endings and full-width digits/punctuation do not change what is read."""
    text, expected, _ = case
    if variant == "crlf":
        other = text.replace("\r\n", "\n").replace("\n", "\r\n")
    elif variant == "fullwidth":
        other = fullwidth(text)
    else:
        other = text.replace(",", "，").replace(";", "；").replace(":", "：")
    r, r2 = run(text), run(other)
    assert [target_key(t) for t in r2.targets] == [target_key(t) for t in r.targets] == \
        [e.key() for e in expected]
    check_invariants(other, r2)


@FEW
@given(report_with_targets(), st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]))
def test_bytes_give_the_same_report_as_str(case, encoding):
    text, _, _ = case
    assert govextract.extract(text.encode(encoding)).to_dict() == govextract.extract(text).to_dict()


# --------------------------------------------------------------------------------------------
# Offsets, on generated reports and on arbitrary text
# --------------------------------------------------------------------------------------------

@SETTINGS
@given(report_with_targets())
def test_offsets_slice_to_evidence_on_reports(case):
    text = case[0]
    r = run(text)
    check_invariants(text, r)
    check_sections_nested(r)


@SETTINGS
@given(chinese_text)
def test_offsets_slice_to_evidence_on_arbitrary_text(text):
    r = run(text)
    check_invariants(text, r)
    check_sections_nested(r)


# text built from the pieces the rules react to, so that lists, headings, notes and tasks occur
PIECES = ["一、", "二、", "(一)", "(二)", "1.", "2.", "主要预期目标是:", "预期目标为:", "地区生产总值", "增长", "6.5%",
          "7%", "左右", "以上", "以内", "控制在", "、", "分别", ";", ",", "，", "。", "\n", "\r\n", "[1]", "①",
          "[[[]三类资金:是指中央预算内投资。]]", "三类资金", "<p>", "</p>", "<b>", "&nbsp;", "各位代表:", "2023年",
          "2022年工作回顾", "2023年工作安排", "湘潭市政府工作报告", "市长", "张三", "(责任领导:洪金虎;牵头单位:市发改局;"
          "责任单位:市科信局、市商务局)", "总投资10亿元的", "人福药辅项目", "百分之七", "８．５％", "-", "至", "亿元",
          "万吨", "个百分点", "预计", "力争", "努力实现区委确定的奋斗目标:", "年均", "到2025年", "规上工业企业",
          "新增", "20家", "城乡居民人均可支配收入"]
piece_text = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)


@SETTINGS
@given(piece_text)
def test_offsets_slice_to_evidence_on_report_debris(text):
    r = run(text)
    check_invariants(text, r)
    check_sections_nested(r)


@FEW
@given(st.lists(report_with_targets(), min_size=2, max_size=3))
def test_extract_all_reports_tile_the_text(cases):
    """Several reports with headers: extract_all covers the text without gaps; split agrees."""
    parts = [f"{2020 + i}年湘潭市政府工作报告\n各位代表:\n" + c[0] for i, c in enumerate(cases)]
    text = "\n".join(parts)
    reports = govextract.extract_all(text)
    spans = [(s, e) for s, e, _ in govextract.split(text)]
    assert [(r.start, r.end) for r in reports] == spans
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))
    assert "".join(piece for _, _, piece in govextract.split(text)) == text
    assert len(reports) == len(cases)
    for r, c in zip(reports, cases):
        check_invariants(text, r)
        assert [target_key(t) for t in r.targets] == [e.key() for e in c[1]]
        assert all(r.start <= t.start and t.end <= r.end for t in r.targets)


# --------------------------------------------------------------------------------------------
# JSON round trip and determinism
# --------------------------------------------------------------------------------------------

@SETTINGS
@given(st.one_of(report_with_targets().map(lambda c: c[0]), piece_text))
def test_json_round_trip(text):
    r = run(text)
    d = r.to_dict()
    assert govextract.Report.from_dict(d) == r
    s = r.to_json()
    assert json.loads(s) == d                       # valid JSON, the same content
    assert govextract.Report.from_json(s) == r
    assert govextract.Report.from_dict(json.loads(r.to_json(indent=1, ensure_ascii=True))) == r


@SETTINGS
@given(st.one_of(report_with_targets().map(lambda c: c[0]), piece_text, chinese_text))
def test_extraction_is_deterministic(text):
    a = run(text).to_dict()
    b = run(text).to_dict()
    assert a == b
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", govextract.MultipleReportsWarning)
        c = _OWN_PIPELINE(text).to_dict()
    assert c == a                                   # a separate pipeline agrees with the shared one


# --------------------------------------------------------------------------------------------
# Never crashes
# --------------------------------------------------------------------------------------------

@SETTINGS
@given(st.one_of(chinese_text, st.text(max_size=300), piece_text))
def test_extract_never_raises_on_str(text):
    """A str is always a document: no exception at all (the typed errors are for other inputs)."""
    r = run(text)
    assert isinstance(r, govextract.Report)
    for rr in govextract.extract_all(text):
        check_invariants(text, rr)


@SETTINGS
@given(st.one_of(st.binary(max_size=400),
                 chinese_text.map(lambda s: s.encode("gb18030")),
                 chinese_text.map(lambda s: s.encode("utf-8")[:-1])))
def test_extract_on_bytes_raises_only_typed_errors(data):
    try:
        r = run(data)
    except govextract.GovextractError as e:
        assert isinstance(e, (govextract.DecodingError, govextract.BinaryInputError))
        assert str(e).strip()
        return
    check_invariants(govextract.decode.to_text(data), r)


@pytest.mark.parametrize("ind", INDICATORS, ids=[i.id for i in INDICATORS])
def test_every_generator_indicator_is_in_the_vocabulary(ind):
    """Guards the strategies: the ids they expect are what the vocabulary says."""
    assert govextract.IndicatorVocabulary.default().match(ind.name) == ind.id


def test_alphabet_covers_the_characters_rules_react_to():
    for ch in "0123456789%％、()（）:：;；,，。\n":
        assert ch in CHINESE_HEAVY
