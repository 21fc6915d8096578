"""A catalogue of bad, odd and hostile inputs with the outcome each one must have.

Every case asserts something concrete: the targets a correct reader finds (per
``fixtures/gold/SPEC.md``), the typed error and its message, or the offset
contract (``text[o.start:o.end] == o.evidence`` …, see ``strategies.check_invariants``).
Cases that expose a library bug are ``xfail(strict=True)`` with the bug in the reason:
they turn into an XPASS failure the moment the bug is fixed, so remove the mark then.
"""
from __future__ import annotations

import codecs
import pathlib
import warnings

import pytest

import govextract
from strategies import check_invariants, check_sections_nested

# A short, complete report: header, opening address, review part with the previous year's
# headline figures, plan part with the headline target list.
REPORT = (
    "2023年湘潭市政府工作报告\n"
    "——2023年1月10日在湘潭市第十七届人民代表大会第二次会议上\n"
    "市长 张三\n"
    "各位代表:\n"
    "现在,我代表市人民政府向大会报告工作。\n"
    "一、2022年工作回顾\n"
    "2022年,全市地区生产总值增长5.2%,规模以上工业增加值增长6.1%,社会消费品零售总额增长3.5%。\n"
    "二、2023年工作安排\n"
    "今年经济社会发展的主要预期目标是:地区生产总值增长6.5%左右,一般公共预算收入增长7%以上,"
    "城镇调查失业率控制在5.5%以内,城乡居民人均可支配收入分别增长7%、8%左右。\n"
)

# (indicator, text, kind, value, unit, qualifier, value_high, year) — what SPEC.md prescribes
TARGETS = [
    ("gdp", "地区生产总值", "growth", 6.5, "%", "about", None, 2023),
    ("public_budget_revenue", "一般公共预算收入", "growth", 7.0, "%", "at_least", None, 2023),
    ("unemployment_surveyed", "城镇调查失业率", "level", 5.5, "%", "at_most", None, 2023),
    # 分别增长7%、8%左右: the trailing 左右 covers both numbers; 城乡 splits into urban, rural
    ("urban_disposable_income", "城乡居民人均可支配收入", "growth", 7.0, "%", "about", None, 2023),
    ("rural_disposable_income", "城乡居民人均可支配收入", "growth", 8.0, "%", "about", None, 2023),
]
ACTUALS = [
    ("gdp", "全市地区生产总值", "growth", 5.2, "%", "exact", None, 2022),
    ("industrial_value_added", "规模以上工业增加值", "growth", 6.1, "%", "exact", None, 2022),
    ("retail_sales", "社会消费品零售总额", "growth", 3.5, "%", "exact", None, 2022),
]
META = {"region": "湘潭市", "level": "city", "report_year": 2023, "plan_year": 2023,
        "speaker": "张三", "speaker_title": "市长"}

# Just the values: for variants where the written indicator text legitimately changes.
TARGET_VALUES = [(t[0], t[3], t[5], t[6]) for t in TARGETS]
ACTUAL_VALUES = [(a[0], a[3], a[5], a[6]) for a in ACTUALS]


def figures(objs) -> list[tuple]:
    return [(o.indicator, o.text, o.kind, o.value, o.unit, o.qualifier, o.value_high, o.year) for o in objs]


def values(objs) -> list[tuple]:
    return [(o.indicator, o.value, o.qualifier, o.value_high) for o in objs]


def extract_quietly(text):
    """extract(), failing on a MultipleReportsWarning: every input here holds one report."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", govextract.MultipleReportsWarning)
        return govextract.extract(text)


def bug(reason: str):
    return pytest.mark.xfail(strict=True, reason="bug: " + reason)


# ============================================================================================
# 0. The reference text itself
# ============================================================================================

def test_reference_report_is_read_correctly():
    r = extract_quietly(REPORT)
    assert figures(r.targets) == TARGETS
    assert figures(r.actuals) == ACTUALS
    for k, v in META.items():
        assert getattr(r.meta, k) == v, k
    assert r.meta.session_date == "2023-01-10"
    assert [(s.number, s.part) for s in r.sections] == [("一", "review"), ("二", "plan")]
    check_invariants(REPORT, r)
    for t in r.targets:
        assert t.tier is None and t.headline


# ============================================================================================
# 1. Inputs that must raise a typed error
# ============================================================================================

ERROR_CASES = [
    pytest.param(None, govextract.InputTypeError, id="None"),
    pytest.param(42, govextract.InputTypeError, id="int"),
    pytest.param(6.5, govextract.InputTypeError, id="float"),
    pytest.param(["地区生产总值增长6.5%"], govextract.InputTypeError, id="list-of-str"),
    pytest.param({"text": REPORT}, govextract.InputTypeError, id="dict"),
    pytest.param(pathlib.Path("report.txt"), govextract.InputTypeError, id="pathlib.Path"),
    pytest.param(b"\x80\x80\x80\xff", govextract.DecodingError, id="invalid-bytes"),
    pytest.param("地区生产总值增长".encode("utf-8")[:-1] + b"\xff\xfe\xfd\x80" * 4, govextract.DecodingError,
                 id="utf8-then-garbage"),
    pytest.param(codecs.BOM_UTF8 + b"\xff\xfe abc", govextract.DecodingError, id="utf8-BOM-then-invalid"),
    pytest.param(codecs.BOM_UTF16_LE + "报告".encode("utf-16-le") + b"\x00\xd8",  # lone surrogate
                 govextract.DecodingError, id="utf16-BOM-lone-surrogate"),
    pytest.param(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
                 govextract.BinaryInputError, id="pdf-header"),
    pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", govextract.BinaryInputError, id="png"),
    pytest.param(b"PK\x03\x04\x14\x00\x06\x00", govextract.BinaryInputError, id="zip-docx"),
    pytest.param(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", govextract.BinaryInputError, id="ole-doc"),
    pytest.param(b"abc\x00def", govextract.BinaryInputError, id="nul-byte"),
]

APIS = [
    pytest.param(govextract.extract, id="extract"),
    pytest.param(govextract.extract_all, id="extract_all"),
    pytest.param(lambda x: list(govextract.split(x)), id="split"),
]


@pytest.mark.parametrize("api", APIS)
@pytest.mark.parametrize("bad,error", ERROR_CASES)
def test_bad_input_raises_typed_error(api, bad, error):
    with pytest.raises(error) as info:
        api(bad)
    e = info.value
    assert isinstance(e, govextract.InputError) and isinstance(e, govextract.GovextractError)
    assert isinstance(e, ValueError)                      # documented: input errors are ValueErrors
    if error is govextract.InputTypeError:
        assert isinstance(e, TypeError)
        assert type(bad).__name__ in str(e)               # names what it got
    if error is govextract.DecodingError:
        assert "offset" in str(e)                         # documented: the message gives the byte offset
    assert str(e).strip(), "the error message must not be empty"


def _corrupt(encoding: str) -> tuple[bytes, int]:
    """REPORT encoded, with the first byte of "5.2%" replaced by 0xFF; returns (bytes, offset)."""
    data = bytearray(REPORT.encode(encoding))
    i = data.index("5.2%".encode(encoding))
    data[i] = 0xFF
    return bytes(data), i


@pytest.mark.parametrize("encoding", [
    pytest.param("gbk", id="gbk"),
    pytest.param("utf-8", id="utf-8"),
])
def test_decoding_error_names_the_corrupt_byte(encoding):
    data, i = _corrupt(encoding)
    with pytest.raises(govextract.DecodingError) as info:
        govextract.extract(data)
    assert f"offset {i}" in str(info.value), (i, str(info.value))


def test_utf32_is_decoded_or_refused():
    data = REPORT.encode("utf-32")          # FF FE 00 00 + UTF-32-LE
    try:
        r = govextract.extract(data)
    except govextract.InputError as e:      # refusing it is fine …
        assert str(e).strip()
        return
    assert figures(r.targets) == TARGETS    # … reading it is fine; garbage is not


def test_input_too_large_is_typed():
    nlp = govextract.Pipeline(max_chars=100)
    with pytest.raises(govextract.InputTooLargeError) as info:
        nlp(REPORT)
    assert isinstance(info.value, govextract.InputError)
    assert str(info.value).strip() and "100" in str(info.value)
    # exactly max_chars is still fine
    assert nlp(REPORT[:100]).end == 100


# ============================================================================================
# 2. Empty and whitespace-only: an empty Report, no crash
# ============================================================================================

EMPTY_CASES = [
    pytest.param("", id="empty-str"),
    pytest.param(" ", id="one-space"),
    pytest.param("\n\n\n", id="newlines"),
    pytest.param("\r\n\t \r\n", id="crlf-tab-space"),
    pytest.param("\u3000\u3000\u00a0\u200b\ufeff", id="ideographic-nbsp-zwsp-bom"),
    pytest.param(b"", id="empty-bytes"),
    pytest.param(codecs.BOM_UTF8, id="utf8-BOM-only"),
    pytest.param(codecs.BOM_UTF16_LE, id="utf16-BOM-only"),
    pytest.param(bytearray(b"  \n"), id="bytearray-whitespace"),
]


@pytest.mark.parametrize("data", EMPTY_CASES)
def test_empty_or_whitespace_gives_empty_report(data):
    r = extract_quietly(data)
    assert isinstance(r, govextract.Report)
    assert r.targets == [] and r.actuals == [] and r.quantities == []
    assert r.projects == [] and r.responsibilities == [] and r.unquantified_targets == []
    assert r.meta.region is None and r.meta.plan_year is None
    assert r.meta.doc_type == "unknown"
    text = govextract.decode.to_text(data)
    assert (r.start, r.end) == (0, len(text))
    check_invariants(text, r)
    reports = govextract.extract_all(data)
    assert len(reports) == 1 and reports[0].targets == []
    # … but not silently: the report says it read nothing
    for rep in (r, reports[0]):
        assert [(c.code, c.severity, c.start, c.end) for c in rep.checks] == [("empty_input", "error", 0, 0)]
        assert rep.needs_review


def test_a_report_has_no_empty_input_check():
    assert extract_quietly(REPORT).checks == []
    assert extract_quietly("\n\n" + REPORT + "\n\n").checks == []


# ============================================================================================
# 3. Bytes: every supported encoding gives what the str gives, offsets into the decoded text
# ============================================================================================

ENCODED_CASES = [
    pytest.param(REPORT.encode("utf-8"), REPORT, id="utf8"),
    pytest.param(codecs.BOM_UTF8 + REPORT.encode("utf-8"), REPORT, id="utf8-with-BOM"),
    pytest.param(REPORT.encode("gbk"), REPORT, id="gbk"),
    pytest.param(REPORT.encode("gb18030"), REPORT, id="gb18030"),
    pytest.param(REPORT.encode("utf-16"), REPORT, id="utf16-with-BOM"),
    pytest.param(codecs.BOM_UTF16_BE + REPORT.encode("utf-16-be"), REPORT, id="utf16-BE-with-BOM"),
    pytest.param(REPORT.encode("utf-16-le"), REPORT, id="utf16-LE-without-BOM"),
    pytest.param(REPORT.encode("utf-16-be"), REPORT, id="utf16-BE-without-BOM"),
    pytest.param(("\x00" + REPORT).encode("utf-16-le"), "\x00" + REPORT, id="utf16-without-BOM-starting-with-U+0000"),
    pytest.param(codecs.BOM_UTF16_LE + ("\x00" + REPORT).encode("utf-16-le"), "\x00" + REPORT,
                 id="utf16-BOM-then-U+0000-not-utf32"),
    pytest.param(bytearray(REPORT.encode("utf-8")), REPORT, id="bytearray"),
    pytest.param(memoryview(REPORT.encode("gbk")), REPORT, id="memoryview-gbk"),
    # a BOM'd string (str, not bytes): the BOM is one character of the caller's text
    pytest.param("\ufeff" + REPORT, "\ufeff" + REPORT, id="str-with-leading-BOM-char"),
]


@pytest.mark.parametrize("data,decoded", ENCODED_CASES)
def test_encodings_give_the_same_report(data, decoded):
    r = extract_quietly(data)
    assert figures(r.targets) == TARGETS
    assert figures(r.actuals) == ACTUALS
    for k, v in META.items():
        assert getattr(r.meta, k) == v, k
    check_invariants(decoded, r)
    # identical to extracting the decoded str
    assert r.to_dict() == extract_quietly(decoded).to_dict()


# ============================================================================================
# 4. Text variants that must give the same targets (values, qualifiers, indicators)
# ============================================================================================

def _crlf(s):
    return s.replace("\n", "\r\n")


_FW = str.maketrans("0123456789.%", "０１２３４５６７８９．％")


def _fullwidth_numbers(s):
    """All digits of the figures full-width: ６．５％ (years included)."""
    return s.translate(_FW)


def _mixed_width(s):
    """Half the figures full-width (８％, ８．５％ beside 7%), full-width punctuation too."""
    return (s.replace("6.5%", "６．５％").replace("5.2%", "５.２%").replace("7%以上", "７%以上")
            .replace("8%左右", "８％左右").replace("控制在5.5%", "控制在5．5％")
            .replace(",", "，").replace(":", "："))


def _chinese_numeral_percent(s):
    return (s.replace("6.5%", "百分之六点五").replace("7%以上", "百分之七以上")
            .replace("5.5%", "百分之五点五").replace("7%、8%", "百分之七、百分之八"))


def _footnote_markers(s):
    """Footnote markers right after the figures and terms: [1], ①, superscripts."""
    return (s.replace("6.5%左右,", "6.5%左右[1],").replace("7%以上,", "7%以上①,")
            .replace("城镇调查失业率", "城镇调查失业率²").replace("8%左右。", "8%左右[2]。")
            .replace("5.2%,", "5.2%[3],"))


def _inline_footnote(s):
    return s.replace("一般公共预算收入增长", "一般公共预算收入[[[]一般公共预算收入:是指地方财政收入。]]增长")


def _zero_width(s):
    return s.replace("6.5%", "6\u200b.5%").replace("地区生产总值增长6", "地区生产总值\u200b增长6")


def _tabs_and_ideographic_indent(s):
    return "\n".join("\u3000\u3000" + line if line else line for line in s.split("\n")).replace(",", ",\t")


def _letter_spaced_title(s):
    return s.replace("2023年湘潭市政府工作报告", "2023年湘潭市政 府 工 作 报 告")


_HTML_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>2023年湘潭市政府工作报告_湘潭市人民政府</title>
<style>p {{ text-indent: 2em }}</style><script>var s = "<p>增长9.9%左右</p>";</script></head>
<body><div class="nav"><a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a></div>
<div class="content">
{paragraphs}
</div>
<div class="footer">版权所有:湘潭市人民政府 &copy; 2023<br/>网站标识码:4303000001</div>
</body></html>"""


def _html_page(s):
    paragraphs = []
    for line in s.strip("\n").split("\n"):
        if line.startswith(("一、", "二、")):
            line = f"<strong>{line}</strong>"
        line = line.replace("市长 张三", "市长&nbsp;张三").replace("现在,", "&nbsp;&nbsp;现在,")
        paragraphs.append(f'<p style="text-indent:2em">{line}</p>')
    return _HTML_PAGE.format(paragraphs="\n".join(paragraphs))


def _html_inline_spans(s):
    """Word-processor HTML: spans around clauses, never inside a figure."""
    return ("<p>" + s.replace("主要预期目标是:", '<span style="font-family:宋体">主要预期目标是:</span><span>')
            .replace("一般公共预算收入", "</span><span>一般公共预算收入</span>")
            .replace("城镇调查失业率", '<font color="red">城镇调查失业率</font>')
            .replace("\n", "</p>\n<p>") + "</p>")


VARIANTS = [
    pytest.param(_crlf, id="crlf-line-endings"),
    pytest.param(_fullwidth_numbers, id="all-fullwidth-digits-６．５％"),
    pytest.param(_mixed_width, id="mixed-full-half-width"),
    pytest.param(_chinese_numeral_percent, id="chinese-numeral-百分之七"),
    pytest.param(_footnote_markers, id="footnote-markers-[1]-①-²"),
    pytest.param(_inline_footnote, id="inline-footnote-[[[]...]]"),
    pytest.param(_zero_width, id="zero-width-spaces"),
    pytest.param(_tabs_and_ideographic_indent, id="tabs-and-ideographic-indent"),
    pytest.param(_letter_spaced_title, id="letter-spaced-title"),
    pytest.param(_html_page, id="html-report-page"),
    pytest.param(_html_inline_spans, id="html-inline-spans"),
]


@pytest.mark.parametrize("transform", VARIANTS)
def test_variant_gives_same_figures(transform):
    text = transform(REPORT)
    assert text != REPORT
    r = extract_quietly(text)
    assert values(r.targets) == TARGET_VALUES
    assert values(r.actuals) == ACTUAL_VALUES
    assert [t.year for t in r.targets] == [t[7] for t in TARGETS]
    check_invariants(text, r)
    for k, v in META.items():
        assert getattr(r.meta, k) == v, k


NUMBER_FORMS = [
    # (as written, value, qualifier, value_high, unit)
    pytest.param("８％", 8.0, "exact", None, "%", id="fullwidth-８％"),
    pytest.param("８．５％", 8.5, "exact", None, "%", id="fullwidth-８．５％"),
    pytest.param("8．5%", 8.5, "exact", None, "%", id="halfwidth-digits-fullwidth-point"),
    pytest.param("８.５%", 8.5, "exact", None, "%", id="fullwidth-digits-halfwidth-point"),
    pytest.param("８．５%以上", 8.5, "at_least", None, "%", id="mixed-width-with-以上"),
    pytest.param("１２．３４％", 12.34, "exact", None, "%", id="fullwidth-two-decimals"),
    pytest.param("不低于８％", 8.0, "at_least", None, "%", id="不低于-fullwidth"),
    pytest.param("百分之七", 7.0, "exact", None, "%", id="百分之七"),
    pytest.param("百分之八点五左右", 8.5, "about", None, "%", id="百分之八点五左右"),
    pytest.param("百分之七以上", 7.0, "at_least", None, "%", id="百分之七以上"),
    pytest.param("百分之十二点五", 12.5, "exact", None, "%", id="百分之十二点五"),
    pytest.param("百分之零点五", 0.5, "exact", None, "%", id="百分之零点五"),
    pytest.param("百分之六至百分之七", 6.0, "range", 7.0, "%", id="百分之六至百分之七"),
    pytest.param("6%-7%", 6.0, "range", 7.0, "%", id="range-6%-7%"),
    pytest.param("6-7%", 6.0, "range", 7.0, "%", id="range-6-7%"),
    pytest.param("６％－７％", 6.0, "range", 7.0, "%", id="range-fullwidth"),
    pytest.param("6%～7%", 6.0, "range", 7.0, "%", id="range-fullwidth-tilde"),
    pytest.param("8%—9%", 8.0, "range", 9.0, "%", id="range-em-dash"),
]


@pytest.mark.parametrize("written,value,qualifier,value_high,unit", NUMBER_FORMS)
def test_number_forms_in_a_target(written, value, qualifier, value_high, unit):
    text = "今年经济社会发展的主要预期目标是:地区生产总值增长" + written + "。"
    r = extract_quietly(text)
    check_invariants(text, r)
    assert [(t.indicator, t.text, t.kind, t.value, t.unit, t.qualifier, t.value_high) for t in r.targets] == \
        [("gdp", "地区生产总值", "growth", value, unit, qualifier, value_high)]
    assert r.targets[0].evidence.endswith(written)


MARKUP = ("<", ">", "&nbsp;", "&gt;", "&copy;", "[1]", "[2]", "[3]", "①", "²", "[[[", "\u200b")


@pytest.mark.parametrize("transform", [
    pytest.param(_html_page, id="html-report-page"),
    pytest.param(_html_inline_spans, id="html-inline-spans"),
    pytest.param(_footnote_markers, id="footnote-markers"),
    pytest.param(_inline_footnote, id="inline-footnote"),
])
def test_markup_never_leaks_into_evidence(transform):
    text = transform(REPORT)
    r = extract_quietly(text)
    assert r.targets and r.actuals
    for o in r.targets + r.actuals:
        for s in (o.evidence, o.text):
            assert not any(m in s for m in MARKUP), (s, o)
    for q in r.quantities:
        assert not any(m in q.evidence for m in MARKUP), q
    # the indicator text is what the report writes, without markup
    assert [t.text for t in r.targets] == [t[1] for t in TARGETS]


def test_html_script_and_style_are_not_read():
    text = _html_page(REPORT)
    r = extract_quietly(text)
    assert 9.9 not in [q.value for q in r.quantities]     # the figure inside <script>
    assert not any(text.index("<script>") <= q.start < text.index("</script>") for q in r.quantities)


HTML_LIST = ("<p>今年经济社会发展的主要预期目标是：</p>\n<p>　　地区生产总值增长6.5%左右；</p>\n"
             "<p>　　一般公共预算收入增长7%以上；</p>\n<p>　　城镇调查失业率控制在5.5%以内。</p>\n"
             "<p>　　实现上述目标，要做好以下工作。</p>")
THREE = [("gdp", 6.5, "about", None), ("public_budget_revenue", 7.0, "at_least", None),
         ("unemployment_surveyed", 5.5, "at_most", None)]


def test_html_one_paragraph_per_item():
    r = extract_quietly(HTML_LIST)
    check_invariants(HTML_LIST, r)
    assert values(r.targets) == THREE
    assert [t.text for t in r.targets] == ["地区生产总值", "一般公共预算收入", "城镇调查失业率"]


def test_html_tags_inside_figures():
    """Tags inside a figure: the values are still read; the evidence is the original slice, so
    here (only here) it necessarily contains the tag."""
    text = ("<p>今年经济社会发展的主要预期目标是：地区生产总值增长<span>6.5</span>%左右，"
            "一般公共预算收入增长<font color=red>7</font>％以上，城镇调查失业率控制在<b>5.5%</b>以内。</p>")
    r = extract_quietly(text)
    check_invariants(text, r)
    assert values(r.targets) == THREE
    assert [t.text for t in r.targets] == ["地区生产总值", "一般公共预算收入", "城镇调查失业率"]


def test_html_numeric_character_references():
    text = ("<p>今年经济社会发展的主要预期目标是：地区生产总值增长6.5&#37;左右，一般公共预算收入增长7&#xFF05;以上，"
            "城镇调查失业率控制在5.5&percnt;以内。</p>")
    r = extract_quietly(text)
    check_invariants(text, r)
    assert values(r.targets) == THREE


def test_inline_footnote_becomes_a_note():
    text = _inline_footnote(REPORT)
    r = extract_quietly(text)
    assert [(n.term, n.text) for n in r.notes] == [("一般公共预算收入", "是指地方财政收入。")]
    note = r.notes[0]
    assert text[note.start:note.end] == "[[[]一般公共预算收入:是指地方财政收入。]]"
    assert text[note.anchor_start:note.anchor_end] == "一般公共预算收入"


# --- PDF dumps, wrapped lines, spaces, markers, line endings ------------------------------------

PDF_DUMP = """2023年湘潭市政府工作报告
——2023年1月10日在湘潭市第十七届人民代表大会第二次会议上
市长 张三
各位代表:
现在,我代表市人民政府向大会报告工作,请予审议,并请市政协
委员和其他列席人员提出意见。
一、2022年工作回顾
2022年,全市地区生产总值增长5.2%,规模以上工业增加值增
长6.1%,社会消费品零售总额增长3.5%。
— 1 —
二、2023年工作安排
今年经济社会发展的主要预期目标是:地区生产总值增长
6.5%左右,一般公共预算收入增长7%以上,城镇调查失业率
控制在5.5%以内,城乡居民人均可支配收入分别增长7%、8%
左右。
- 2 -
"""


def test_pdf_dump_page_numbers_still_parse_structure():
    """A PDF dump: meta, sections and offsets survive page numbers and wrapped lines."""
    r = extract_quietly(PDF_DUMP)
    check_invariants(PDF_DUMP, r)
    for k, v in META.items():
        assert getattr(r.meta, k) == v, k
    assert [(s.number, s.part) for s in r.sections] == [("一", "review"), ("二", "plan")]
    # page numbers are not quantities
    assert not any(q.evidence in ("1", "2") for q in r.quantities)


def test_pdf_dump_with_lines_broken_mid_sentence():
    r = extract_quietly(PDF_DUMP)
    assert figures(r.targets) == TARGETS
    assert values(r.actuals) == ACTUAL_VALUES


def test_pdf_dump_with_form_feed_page_breaks():
    text = PDF_DUMP.replace("— 1 —\n", "— 1 —\n\f").replace("- 2 -\n", "- 2 -\n\f")
    r = extract_quietly(text)
    check_invariants(text, r)
    assert [(s.number, s.part) for s in r.sections] == [("一", "review"), ("二", "plan")]
    assert figures(r.targets) == TARGETS
    assert values(r.actuals) == ACTUAL_VALUES


@pytest.mark.parametrize("sep", [
    pytest.param("\u2028", id="U+2028-line-separator"),
    pytest.param("\u2029", id="U+2029-paragraph-separator"),
    pytest.param("\x0b", id="vertical-tab-word-line-break"),
    pytest.param("\x85", id="NEL"),
])
def test_other_line_separators(sep):
    text = REPORT.replace("\n", sep)
    r = extract_quietly(text)
    check_invariants(text, r)
    assert figures(r.targets) == TARGETS
    assert [(s.number, s.part) for s in r.sections] == [("一", "review"), ("二", "plan")]
    assert figures(r.actuals) == ACTUALS
    assert (r.meta.speaker, r.meta.speaker_title) == ("张三", "市长")


LIST = "今年经济社会发展的主要预期目标是:"


@pytest.mark.parametrize("text", [
    pytest.param(LIST + "地区生产总值增长6.5%左右,\n一般公共预算收入增长7%以上。\n", id="LF-after-comma"),
    pytest.param(LIST + "地区生产总值增长6.5%左右,\r\n一般公共预算收入增长7%以上。\r\n", id="CRLF-after-comma"),
    pytest.param("<p>" + LIST + "地区生产总值增长6.5%左右,<br>一般公共预算收入增长7%以上。</p>", id="html-br-in-list"),
])
def test_line_break_inside_target_list(text):
    r = extract_quietly(text)
    assert values(r.targets) == [("gdp", 6.5, "about", None), ("public_budget_revenue", 7.0, "at_least", None)]


@pytest.mark.parametrize("text,expected", [
    pytest.param(LIST + "地区生产总值增长 6.5%左右。", ("gdp", "地区生产总值", "growth", 6.5, "about"),
                 id="space-before-number"),
    pytest.param(LIST + "地区生产总值增长6.5% 左右。", ("gdp", "地区生产总值", "growth", 6.5, "about"),
                 id="space-before-qualifier"),
    pytest.param(LIST + "地区生产总值增长6.5 %左右。", ("gdp", "地区生产总值", "growth", 6.5, "about"),
                 id="space-before-percent"),
    pytest.param(LIST + "地区生产总值增长\u00a06.5%\u00a0左右。", ("gdp", "地区生产总值", "growth", 6.5, "about"),
                 id="nbsp-around-number"),
])
def test_spaces_around_numbers(text, expected):
    r = extract_quietly(text)
    assert [(t.indicator, t.text, t.kind, t.value, t.qualifier) for t in r.targets] == [expected]


def test_circled_footnote_marker_before_verb():
    text = LIST + "地区生产总值增长6.5%左右,一般公共预算收入①增长7%以上。"
    r = extract_quietly(text)
    assert [(t.indicator, t.text) for t in r.targets] == [("gdp", "地区生产总值"),
                                                          ("public_budget_revenue", "一般公共预算收入")]


TRADITIONAL = ("今年經濟社會發展的主要預期目標是:地區生產總值增長6.5%左右,一般公共預算收入增長7%以上,"
               "城鎮調查失業率控制在5.5%以內,居民消費價格漲幅控制在3%左右。這是我們對國家經濟發展的承諾。")


def test_traditional_script():
    r = extract_quietly(TRADITIONAL)
    check_invariants(TRADITIONAL, r)
    assert [(t.indicator, t.text, t.value, t.qualifier) for t in r.targets] == [
        ("gdp", "地區生產總值", 6.5, "about"), ("public_budget_revenue", "一般公共預算收入", 7.0, "at_least"),
        ("unemployment_surveyed", "城鎮調查失業率", 5.5, "at_most"), ("cpi", "居民消費價格漲幅", 3.0, "about")]


def test_cr_only_line_endings():
    text = REPORT.replace("\n", "\r")
    r = extract_quietly(text)
    check_invariants(text, r)
    assert figures(r.targets) == TARGETS
    assert [(s.number, s.part) for s in r.sections] == [("一", "review"), ("二", "plan")]
    assert figures(r.actuals) == ACTUALS


FIXTURES = pathlib.Path(__file__).parent.parent / "fixtures"
FORUM = (FIXTURES / "corpus" / "2020-xiangtan-forum-scrape.txt").read_text(encoding="utf-8")


def _quantities(r: govextract.Report) -> list[tuple]:
    return [(q.value, q.unit, q.evidence, q.role, q.subject) for q in r.quantities]


@pytest.mark.parametrize("sep", [
    pytest.param("\r\n", id="CRLF"), pytest.param("\r", id="CR"), pytest.param("\u2028", id="U+2028"),
    pytest.param("\u2029", id="U+2029"), pytest.param("\x0b", id="VT"), pytest.param("\x0c", id="FF"),
    pytest.param("\x85", id="NEL"),
])
def test_every_line_end_reads_the_forum_scrape_like_newline(sep):
    """The forum scrape of the development set: its chrome lines are found whatever ends its
    lines (with CR alone they used to become quantities: 220 instead of 215)."""
    base = extract_quietly(FORUM)
    text = FORUM.replace("\n", sep)
    r = extract_quietly(text)
    check_invariants(text, r)
    assert _quantities(r) == _quantities(base)
    assert [(t.indicator, t.value, t.qualifier) for t in r.targets] == [
        (t.indicator, t.value, t.qualifier) for t in base.targets]


ENDNOTE_REPORT = (
    "2022年某市政府工作报告\n各位代表:\n二、2022年工作安排\n"
    "今年主要预期目标是:地区生产总值增长6%左右,一般公共预算收入增长5%。\n"
    "深入实施“强省会”战略{m1},推进“两型”社会{m2}建设。\n"
    "{n1}“强省会”战略:是指到2025年地区生产总值增长8%左右的目标。{e}\n"
    "{n2}“两型”社会:是指资源节约型、环境友好型社会,单位能耗下降3%。{e}\n"
)
ENDNOTE_FORMS = {
    "ascii": dict(m1="[1]", m2="[2]", n1="[1]", n2="[2]", e=""),
    "html-paragraphs": dict(m1="[1]", m2="[2]", n1="<p>[1]", n2="<p>[2]", e="</p>"),
    "html-one-line": dict(m1="[1]", m2="[2]", n1="</p><p>[1]", n2="</p><p>[2]", e=""),
    "full-width-digits": dict(m1="[１]", m2="[２]", n1="[１]", n2="[２]", e=""),
    "full-width-brackets": dict(m1="［1］", m2="［2］", n1="［1］", n2="［2］", e=""),
    "indented": dict(m1="[1]", m2="[2]", n1="\u3000\u3000[1]", n2="  [2]", e=""),
}


@pytest.mark.parametrize("form", list(ENDNOTE_FORMS))
def test_endnotes_in_every_form(form):
    """Endnote lines in each form are notes anchored to their markers; their figures are no targets."""
    text = ENDNOTE_REPORT.format(**ENDNOTE_FORMS[form])
    if form == "html-one-line":
        text = text.replace("\n</p>", "</p>")
    r = extract_quietly(text)
    check_invariants(text, r)
    assert [(t.indicator, t.value) for t in r.targets] == [("gdp", 6.0), ("public_budget_revenue", 5.0)]
    assert [(n.term, n.text[:8]) for n in r.notes] == [("“强省会”战略", "是指到2025年"), ("“两型”社会", "是指资源节约型、")]
    for n in r.notes:
        assert n.anchor_start is not None and n.anchor_start < text.index("是指")
    assert all(q.role == "other" for q in r.quantities if q.start > text.index("是指"))
    # the marker interrupting 社会 is not part of the subject before 建设
    assert "两型" not in " ".join(q.subject or "" for q in r.quantities)


def test_html_lengths_are_those_of_the_original_text():
    """Lower-casing İ gives two characters: a <script> after 30 of them must still end where it
    ends (the paragraph after it was dropped)."""
    text = ("<html><body><p>" + "İ" * 30 + "</p><script>var a = 1;</script>"
            "<p>今年主要预期目标是:地区生产总值增长6.5%左右,一般公共预算收入增长7%以上。</p></body></html>")
    r = extract_quietly(text)
    check_invariants(text, r)
    assert values(r.targets) == [("gdp", 6.5, "about", None), ("public_budget_revenue", 7.0, "at_least", None)]


def test_extract_file_detects_the_encoding(tmp_path):
    for enc in ("utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-16-le"):
        path = tmp_path / f"report-{enc}.txt"
        path.write_bytes(REPORT.encode(enc))
        r = govextract.extract_file(path)
        assert figures(r.targets) == TARGETS, enc
        assert govextract.read_file(str(path)) == REPORT
        check_invariants(govextract.read_file(path), r)
    assert govextract.Pipeline().extract_file(path).to_dict() == r.to_dict()
    with pytest.raises(FileNotFoundError):
        govextract.extract_file(tmp_path / "missing.txt")
    with pytest.raises(govextract.InputTypeError):
        govextract.extract_file(42)


@pytest.mark.parametrize("api", APIS)
def test_a_path_passed_as_text_raises(api, tmp_path, monkeypatch):
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "2021.txt").write_text(REPORT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for path in ("reports/2021.txt", str(tmp_path / "reports" / "2021.txt")):
        with pytest.raises(govextract.PathAsTextError) as info:
            api(path)
        assert "extract_file" in str(info.value) and path in str(info.value)
        assert isinstance(info.value, govextract.InputError)
    # a string naming no file is text, however path-like
    assert api("reports/2022.txt") is not None
    with pytest.raises(govextract.InputTypeError, match="extract_file"):
        api(tmp_path / "reports" / "2021.txt")


def test_inline_table_of_contents_sections_are_nested():
    """Headings listed inline on one line (a table of contents, as at the top of the 1978
    national report): every section still contains its own title."""
    text = "一、甲乙丙丁；二、戊己庚辛。\n正文。"
    r = extract_quietly(text)
    check_invariants(text, r)
    check_sections_nested(r)


# ============================================================================================
# 5. Size and pathological runs: must return, offsets must hold (no wall-clock assertions)
# ============================================================================================

_FILLER = ("坚持稳中求进工作总基调,完整准确全面贯彻新发展理念,加快构建新发展格局。\n"
           "深入实施创新驱动发展战略,推动产业转型升级。\n"
           "全年新建5G基站1200个,新增城镇就业2.1万人。\n")


def test_ten_megabytes_of_report():
    head, tail = REPORT.split("二、")
    n = (10_000_000 - len(REPORT)) // len(_FILLER)
    text = head + _FILLER * n + "二、" + tail
    assert len(text) >= 9_990_000
    r = extract_quietly(text)
    check_invariants(text, r)
    assert figures(r.targets) == TARGETS
    assert figures(r.actuals) == ACTUALS
    assert all(t.start > len(text) - len(tail) for t in r.targets)
    # every filler sentence's two figures are found, none is a headline target
    assert sum(q.evidence == "1200个" for q in r.quantities) == n
    assert r.end == len(text)


def test_one_megabyte_line_without_punctuation():
    text = "推进高质量发展地区生产总值增长一般公共预算收入" * (1_000_000 // 23)
    assert "\n" not in text and len(text) > 990_000
    r = extract_quietly(text)
    check_invariants(text, r)
    assert r.targets == [] and r.quantities == [] and r.sections == []


def test_one_megabyte_line_with_target_lead_in_at_the_end():
    text = "推进高质量发展" * (1_000_000 // 7) + LIST + "地区生产总值增长6.5%左右,一般公共预算收入增长7%以上。"
    r = extract_quietly(text)
    check_invariants(text, r)
    assert values(r.targets) == [("gdp", 6.5, "about", None), ("public_budget_revenue", 7.0, "at_least", None)]


RUNS = [
    pytest.param("1" * 200_000, id="digits"),
    pytest.param("１" * 200_000, id="fullwidth-digits"),
    pytest.param("%" * 200_000, id="percent"),
    pytest.param("、" * 200_000, id="dun-comma"),
    pytest.param("（" * 200_000, id="fullwidth-paren"),
    pytest.param("(" * 200_000, id="ascii-paren"),
    pytest.param("[" * 200_000, id="brackets"),
    pytest.param("[[[]" * 50_000, id="footnote-openers"),
    pytest.param("<" * 200_000, id="lt"),
    pytest.param("<p>" * 66_000, id="p-tags"),
    pytest.param("&" * 200_000, id="ampersands"),
    pytest.param("一" * 200_000, id="chinese-one"),
    pytest.param("一、" * 100_000, id="heading-markers"),
    pytest.param("(一)" * 66_000, id="paren-heading-markers"),
    pytest.param("1." * 100_000, id="item-numbers"),
    pytest.param("\n" * 200_000, id="newlines"),
    pytest.param("-" * 200_000, id="dashes"),
    pytest.param("1.1." * 50_000, id="dotted-digits"),
    pytest.param("各位代表:" * 40_000, id="opening-address"),
]


@pytest.mark.parametrize("text", RUNS)
def test_long_runs_return(text):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", govextract.MultipleReportsWarning)
        r = govextract.extract(text)
    check_invariants(text, r)
    assert r.targets == [] and r.actuals == [] and r.quantities == []


NUMBER_RUNS = [
    pytest.param("5%、" * 66_666, 66_666, 5.0, "%", id="percent-list-200k"),
    pytest.param("12%" * 66_666, 66_666, 12.0, "%", id="glued-percents-200k"),
    pytest.param("百分之七、" * 40_000, 40_000, 7.0, "%", id="chinese-percent-list-200k"),
    pytest.param("地区生产总值增长5%左右" * 83_333, 83_333, 5.0, "%", id="one-sentence-1MB-of-targets"),
]


@pytest.mark.parametrize("text,count,value,unit", NUMBER_RUNS)
def test_long_runs_of_numbers_in_one_sentence(text, count, value, unit):
    """Many numbers in one sentence (no 。 or line break): each is found, offsets hold."""
    r = extract_quietly(text)
    check_invariants(text, r)
    assert len(r.quantities) == count
    assert all(q.value == value and q.unit == unit for q in r.quantities)
    assert r.targets == []          # no lead-in, no headline list


# ============================================================================================
# 6. Several reports in one input
# ============================================================================================

def test_two_reports_warn_and_extract_all_reads_both():
    other = REPORT.replace("湘潭市", "咸阳市").replace("6.5%左右", "6%左右")
    text = REPORT + "\n" + other
    with pytest.warns(govextract.MultipleReportsWarning):
        first = govextract.extract(text)
    assert first.meta.region == "湘潭市" and figures(first.targets) == TARGETS
    reports = govextract.extract_all(text)
    assert [r.meta.region for r in reports] == ["湘潭市", "咸阳市"]
    assert reports[1].targets[0].value == 6.0
    for r in reports:
        check_invariants(text, r)
    assert reports[0].end == reports[1].start and reports[1].end == len(text)
