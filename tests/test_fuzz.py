"""A bounded fuzz run: mutate the seeds in ``tests/fuzz_corpus`` and check that extraction
never fails with anything but a typed error, and that every offset still slices the input.

Mutations (several per example): cut a slice out, keep only a slice, duplicate a stretch,
insert random CJK / punctuation / report fragments, splice in another seed, swap two
stretches, change one character; on bytes: re-encode (UTF-8, BOM, GB18030, UTF-16), flip
bytes, truncate mid-character, prepend a binary signature.

The run is derandomized so CI is reproducible.  To explore instead:

    GOVEXTRACT_FUZZ_RANDOM=1 GOVEXTRACT_FUZZ_EXAMPLES=20000 .venv/bin/python -m pytest -q tests/test_fuzz.py

Add any input that once broke the library to ``tests/fuzz_corpus/`` as a new seed.

A second, structured fuzz builds report fragments from scratch (``strategies.structured_report``:
figures of any length, Chinese numerals, full-width digits, tags, notes, task labels) and also
checks that the JSON output parses with a strict parser (no NaN, no Infinity).
"""
from __future__ import annotations

import codecs
import os
import pathlib
import warnings

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import govextract
from govextract.decode import to_text
from strategies import CHINESE_HEAVY, check_invariants, check_sections_nested, strict_json, structured_report

CORPUS_DIR = pathlib.Path(__file__).parent / "fuzz_corpus"
CORPUS = sorted(CORPUS_DIR.glob("*.txt"))
SEED_BYTES = [p.read_bytes() for p in CORPUS]
SEED_TEXTS = [to_text(b) for b in SEED_BYTES]

EXAMPLES = int(os.environ.get("GOVEXTRACT_FUZZ_EXAMPLES", "1500"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=not os.environ.get("GOVEXTRACT_FUZZ_RANDOM"),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)

# pieces the rules react to: lead-ins, headings, qualifiers, notes, tags, assignments …
FRAGMENTS = [
    "主要预期目标是:", "预期目标为：", "努力实现区委确定的奋斗目标:", "一、", "二、", "(一)", "（二）", "1.", "2、",
    "地区生产总值增长", "6.5%", "７％", "左右", "以上", "以内", "控制在", "分别增长7%、8%左右", "百分之七",
    "力争达到8%", "预计", "年均", "到2025年", "个百分点", "亿元", "万吨", "-", "~", "至", "、", "，", ";", "；",
    ":", "。", "\n", "\r\n", "\r", "\n\n", "\f", "\u2028", "\x0b", " ", "\u3000", "\u00a0", "\u200b",
    "[1]", "①", "²", "&#37;",
    "[[[]三类资金:是指中央预算内投资。]]", "[[[]", "]]", "<p>", "</p>", "<br>", "<b>", "<script>", "&nbsp;", "<!--",
    "各位代表:", "2023年湘潭市政府工作报告", "——2023年1月10日在湘潭市第十七届人民代表大会第二次会议上", "市长 张三",
    "(责任领导:洪金虎;牵头单位:市发改局;责任单位:市科信局、市商务局)", "(责任领导:", "总投资10亿元的", "38个重点项目",
    "— 1 —", "设为首页", "版权所有", "登录", "政 府 工 作 报 告", "經濟發展", "“", "”",
]
insert_text = st.one_of(
    st.sampled_from(FRAGMENTS),
    st.text(alphabet=st.sampled_from(CHINESE_HEAVY), min_size=1, max_size=12),
    st.text(min_size=1, max_size=4),                      # any unicode, now and then
)


@st.composite
def _pos(draw, text: str) -> int:
    return draw(st.integers(min_value=0, max_value=len(text)))


@st.composite
def _span(draw, text: str) -> tuple[int, int]:
    a, b = draw(_pos(text)), draw(_pos(text))
    return min(a, b), max(a, b)


@st.composite
def mutated_text(draw) -> str:
    text = draw(st.sampled_from(SEED_TEXTS))
    for _ in range(draw(st.integers(min_value=1, max_value=8))):
        op = draw(st.sampled_from(["delete", "slice", "duplicate", "insert", "insert", "splice", "swap", "char"]))
        if op == "delete":
            a, b = draw(_span(text))
            text = text[:a] + text[b:]
        elif op == "slice":
            a, b = draw(_span(text))
            text = text[a:b] or text
        elif op == "duplicate":
            a, b = draw(_span(text))
            p = draw(_pos(text))
            times = draw(st.integers(min_value=1, max_value=3))
            text = text[:p] + text[a:b] * times + text[p:]
        elif op == "insert":
            p = draw(_pos(text))
            text = text[:p] + draw(insert_text) + text[p:]
        elif op == "splice":
            other = draw(st.sampled_from(SEED_TEXTS))
            a, b = draw(_span(other))
            p = draw(_pos(text))
            text = text[:p] + other[a:b] + text[p:]
        elif op == "swap":
            a, b = draw(_span(text))
            c = draw(_pos(text))
            if c >= b:
                text = text[:a] + text[b:c] + text[a:b] + text[c:]
        elif op == "char" and text:
            p = draw(st.integers(min_value=0, max_value=len(text) - 1))
            text = text[:p] + draw(st.sampled_from(CHINESE_HEAVY)) + text[p + 1:]
        if len(text) > 8_000:               # duplication can snowball; keep examples cheap
            text = text[:8_000]
    return text


_SIGNATURES = [b"%PDF-1.4\n", b"\x89PNG\r\n\x1a\n", b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"GIF89a", b"\xff\xd8\xff\xe0"]


@st.composite
def mutated_bytes(draw) -> bytes:
    text = draw(st.one_of(st.sampled_from(SEED_TEXTS), mutated_text()))
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-16-le"]))
    try:
        data = bytearray(text.encode(encoding))
    except UnicodeEncodeError:               # lone surrogates from st.text()
        data = bytearray(text.encode("utf-8", "surrogatepass"))
    for _ in range(draw(st.integers(min_value=0, max_value=6))):
        if not data:
            break
        op = draw(st.sampled_from(["flip", "flip", "truncate", "insert", "signature"]))
        if op == "flip":
            p = draw(st.integers(min_value=0, max_value=len(data) - 1))
            data[p] ^= draw(st.integers(min_value=1, max_value=255))
        elif op == "truncate":
            data = data[:draw(st.integers(min_value=0, max_value=len(data)))]
        elif op == "insert":
            p = draw(st.integers(min_value=0, max_value=len(data)))
            data[p:p] = draw(st.binary(min_size=1, max_size=4))
        else:
            data[0:0] = draw(st.sampled_from(_SIGNATURES))
    return bytes(data)


def _extract(data):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", govextract.MultipleReportsWarning)
        return govextract.extract(data)


def _check(text: str, r: govextract.Report) -> None:
    check_invariants(text, r)
    check_sections_nested(r)
    strict_json(r.to_json())                 # no NaN or Infinity in the JSON
    d = r.to_dict()
    if len(r.quantities) + len(r.responsibilities) <= 40:
        # dataclasses-json's from_dict is slow (~1 ms per object): round-trip the small ones
        assert govextract.Report.from_dict(d) == r


# --------------------------------------------------------------------------------------------

def test_corpus_is_there():
    assert 10 <= len(CORPUS) <= 40, CORPUS
    assert all(0 < len(b) <= 4096 for b in SEED_BYTES), "seeds should stay small"


@pytest.mark.parametrize("path", CORPUS, ids=[p.name for p in CORPUS])
def test_seed(path):
    data = path.read_bytes()
    text = to_text(data)
    r = _extract(data)
    _check(text, r)
    assert r.to_dict() == _extract(text).to_dict()
    for rr in govextract.extract_all(text):
        _check(text, rr)


@FUZZ
@given(mutated_text())
def test_fuzz_mutated_text(text):
    """A str is always a document: no exception at all, and every offset holds."""
    r = _extract(text)
    _check(text, r)
    if "各位代表" in text:
        reports = govextract.extract_all(text)
        for rr in reports:
            _check(text, rr)
        assert reports[0].start == 0 and reports[-1].end == len(text)


@settings(FUZZ, max_examples=max(1, EXAMPLES // 3))
@given(mutated_bytes())
def test_fuzz_mutated_bytes(data):
    """Bytes either decode (and then every offset holds) or raise a typed input error."""
    try:
        r = _extract(data)
    except govextract.GovextractError as e:
        assert isinstance(e, (govextract.DecodingError, govextract.BinaryInputError)), repr(e)
        assert str(e).strip()
        return
    _check(to_text(data), r)


def test_fuzz_budget_is_sane():
    """The corpus directory only holds .txt seeds (a stray binary would silently shrink the run)."""
    others = [p.name for p in CORPUS_DIR.iterdir() if p.suffix != ".txt"]
    assert others == []
    assert all(codecs.BOM_UTF8 not in b[:3] for b in SEED_BYTES)


# --------------------------------------------------------------------------------------------
# Structured fuzz (the red team's method): report fragments with figures of any length —
# hundreds of digits, Chinese numerals, full-width digits with 千亿 — tags, notes, task labels.
# Every input: no exception, every offset slices its evidence, the JSON parses strictly.
# GOVEXTRACT_STRUCTURED_EXAMPLES sets the size of the run with figures of any length (2000,
# the size of the red team's run); the run with figures of real length takes a quarter.

STRUCTURED = int(os.environ.get("GOVEXTRACT_STRUCTURED_EXAMPLES", "2000"))
REAL_DIGITS = 15        # no statistic of a report has more significant digits than this


def _check_structured(text: str) -> None:
    r = _extract(text)
    check_invariants(text, r)
    d = strict_json(r.to_json())
    assert d["start"] == r.start and len(d["quantities"]) == len(r.quantities)


@settings(FUZZ, max_examples=max(1, STRUCTURED // 4))
@given(structured_report(max_len=REAL_DIGITS))
def test_structured_fuzz_figures_of_real_length(text):
    _check_structured(text)


# no shrinking: the minimal inputs are the explicit cases below
@settings(FUZZ, max_examples=STRUCTURED, phases=[Phase.explicit, Phase.reuse, Phase.generate])
@given(structured_report(max_len=400))
def test_structured_fuzz_figures_of_any_length(text):
    _check_structured(text)


@pytest.mark.parametrize("text", [
    pytest.param("增长百分之" + "九" * 309, id="percent-of-309-nines"),
    pytest.param("地区生产总值增长百分之" + "九" * 30 + "。", id="percent-of-thirty-nines"),
    pytest.param("投资" + "1" * 113 + "亿元建设新兴产业园项目。", id="project-amount-of-113-digits"),
    pytest.param("投资" + "１" * 40 + "千亿元建设新兴产业园项目。", id="full-width-digits-with-qianyi"),
    pytest.param("增长" + "1" * 400 + "%", id="four-hundred-digits-percent"),
])
def test_long_figures(text):
    """Figures longer than any statistic: no crash, no non-finite value, and neither a quantity
    nor a project (each text's only figure is the long one)."""
    _check_structured(text)
    r = _extract(text)
    assert r.quantities == [] and r.projects == [] and r.targets == []
