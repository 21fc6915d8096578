"""The text layer: offsets survive normalisation, clean-up, sections and splitting."""

import pytest
from hypothesis import given, settings, strategies as st

import govextract
from conftest import DOCS, read_doc
from govextract.text.normalize import normalize
from govextract.text.split import split_spans


@pytest.mark.parametrize("raw,norm", [
    ("增长８．５％，", "增长8.5%,"), ("（一）地区生产总值", "(一)地区生产总值"), ("a\r\nb", "a\nb"),
    ("政 府 工 作 报 告\n各位代表", "政府工作报告\n各位代表"), ("区长 贾堤", "区长 贾堤"), ("x\u200by", "xy"),
    ("增长\u3000８％", "增长8%"),
])
def test_normalize(raw, norm):
    n = normalize(raw)
    assert n.text == norm
    for i, ch in enumerate(n.text):
        o = n.orig(i)
        assert raw[o] == ch or raw[o].translate({0xFF05: 0x25}) == ch or ord(raw[o]) - 0xFEE0 == ord(ch) \
            or raw[o] in "\u3000" and ch == " "


def test_footnotes_become_notes_and_do_not_break_sentences():
    text = read_doc("2020-huangshigang")
    r = govextract.extract(text)
    terms = [n.term for n in r.notes]
    assert "三类资金" in terms and "四个一" in terms and len(r.notes) >= 10
    note = next(n for n in r.notes if n.term == "三类资金")
    assert text[note.anchor_start:note.anchor_end] == "三类资金"
    assert note.text.startswith("是指中央预算内投资")
    # the amount after the footnote keeps its subject
    q = next(q for q in r.quantities if q.evidence == "3.74亿元")
    assert q.subject == "“三类资金”"
    assert not any("[[[" in (x.evidence or "") for x in r.quantities)


def test_forum_debris_produces_nothing():
    text = read_doc("2020-xiangtan-forum-scrape")
    r = govextract.extract(text)
    start = text.index("2020年1月6日在湘潭市")
    tail = text.index("您需要登录后才可以回帖")
    for q in r.quantities:
        assert start <= q.start < tail, q.evidence
    assert r.meta.region == "湘潭市"


def test_html_page():
    body = "<html><head><title>x</title><script>var a='增长9%';</script></head><body><p>各位代表:</p>" \
           "<p>今年主要预期目标是:地区生产总值增长<b>6.5%</b>左右,固定资产投资增长8%以上。</p></body></html>"
    r = govextract.extract(body)
    assert [(t.value, t.qualifier) for t in r.targets] == [(6.5, "about"), (8.0, "at_least")]
    for t in r.targets:
        assert body[t.start:t.end] == t.evidence and "<" not in t.text


def test_sections_and_parts():
    r = govextract.extract(read_doc("2022-dongli"))
    tops = [(s.number, s.part, s.horizon) for s in r.sections]
    assert tops[:3] == [("一", "review", "multi_year"), ("二", "plan", "multi_year"), ("三", "plan", "year")]
    # 一、… restarting inside the plan part nests under 三
    assert [c.number for c in r.sections[2].children][:3] == ["一", "二", "三"]
    text = read_doc("2022-dongli")
    for s in r.sections:
        assert text[s.title_start:s.title_end] == s.title


def test_sections_of_notice_have_items():
    r = govextract.extract(read_doc("2021-chibi-responsibilities"))
    targets_section = next(s for s in r.sections if "主要预期目标" in s.title)
    assert [c.number for c in targets_section.children] == [f"({n})" for n in "一二三四五六七八九十"]


def test_split_concatenated_development_reports():
    texts = [read_doc(d) for d in DOCS]
    joined = "\n\n".join(texts)
    spans = split_spans(joined)
    assert len(spans) == len(texts)
    pos = 0
    for (s, e), t in zip(spans, texts):
        assert s == pos and joined[s:e].strip() == t.strip()
        pos = e
    assert pos == len(joined)
    reports = govextract.extract_all(joined)
    assert [r.meta.region for r in reports] == [govextract.extract(t).meta.region for t in texts]
    for r in reports:
        for t in r.targets:
            assert joined[t.start:t.end] == t.evidence
    with pytest.warns(govextract.MultipleReportsWarning):
        govextract.extract(joined)
    assert [p[2] for p in govextract.split(joined)] == [joined[s:e] for s, e in spans]


def test_single_report_is_not_split():
    for d in DOCS:
        assert len(split_spans(read_doc(d))) == 1


def test_split_pages_without_an_opening_address():
    page = "关于印发重点工作的通知\n发布机构: 赤壁市人民政府办公室\n内容增长5%。\n" + "\n" * 8
    assert [s for s, _e, _t in govextract.split(page * 2)] == [0, len(page)]
    assert len(list(govextract.split(page))) == 1


@pytest.mark.parametrize("raw,value,unit", [
    ("全年增长14·1％。", 14.1, "%"),            # a middle dot as the decimal point (older reports)
    ("粮食产量34，250万吨。", 34250.0, "万吨"),     # thousands separators
    ("建设500千伏变电站。", 500.0, "千伏"),
])
def test_older_number_formats(raw, value, unit):
    (q,) = govextract.extract(raw).quantities
    assert (q.value, q.unit) == (value, unit) and raw[q.start:q.end] == q.evidence


def test_no_quantity_in_words_with_numerals():
    assert govextract.extract("新增外贸“破零倍增”企业154家。").quantities[0].value == 154.0
    assert len(govextract.extract("新增外贸“破零倍增”企业154家。").quantities) == 1


def test_page_number_inside_a_wrapped_sentence():
    text = ("二、2023年工作安排\n今年经济社会发展的主要预期目标是:地区生产总值增长\n6.5%左右,一般公共预算收入增长7%以上,城镇调查失业率控制在\n"
            "— 1 —\n5.5%以内,城乡居民人均可支配收入增长与经济增长同步,粮食产量\n保持稳定。\n")
    r = govextract.extract(text)
    assert [(t.indicator, t.value) for t in r.targets] == [("gdp", 6.5), ("public_budget_revenue", 7.0),
                                                          ("unemployment_surveyed", 5.5)]


def test_html_one_paragraph_per_item():
    html = ("<p>二、2023年工作安排</p><p>今年主要预期目标是:</p><p>1.地区生产总值增长6%左右;</p>"
            "<p>2.固定资产投资增长8%。</p>")
    r = govextract.extract(html)
    assert [(t.indicator, t.value) for t in r.targets] == [("gdp", 6.0), ("fixed_asset_investment", 8.0)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=" \u3000\u00a0\r\n\u200b中国政府工作报告5６%．.", max_size=80), st.data())
def test_deletions_found_by_blanks_equal_the_pattern_scan(text, data):
    from govextract.text.normalize import _DELETE, _deletions
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    expected = [m.span() for m in _DELETE.finditer(text, start, end)]
    for sparse in (0, 16, 10**9):      # find-and-match always, as in reports, never
        assert [m.span() for m in _deletions(text, start, end, sparse)] == expected


def _clause_start_by_hand(text, pos, floor):
    i = pos - 1
    while i >= floor:
        if text[i] in ",;:(。)\n!?" or text[i] == " " and i > floor and text[i - 1] == "。":
            return i + 1
        i -= 1
    return floor


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=",;:(。)\n!? 增长5%", max_size=30), st.data())
def test_clause_start_is_after_the_last_break(text, data):
    from govextract.text.sentences import clause_start
    pos = data.draw(st.integers(0, len(text)))
    floor = data.draw(st.integers(0, pos))
    assert clause_start(text, pos, floor) == _clause_start_by_hand(text, pos, floor)


# Top-level titles of a report's first part, as bulk reports write them (2000-浙江省, 2015-陕西省,
# 2011-宁波市, 2025-株洲市, 2003-哈尔滨市, 2017-银川市 …) and the same patterns with other years:
# each is read against the year the report is delivered.
PART_TITLES = [
    ("1999年工作回顾和2000年工作的总体要求", 2000, "review", 1999),
    ("2013年工作回顾和2014年工作总体要求", 2014, "review", 2013),
    ("2021年政府工作回顾和2022年的目标任务", 2022, "review", 2021),
    ("十二届人大二次会议确定任务完成情况", 2015, "review", None),
    ("“十一五”规划执行情况和政府主要工作", 2011, "review", None),
    ("四次会议确定的目标任务", 2012, "review", None),
    ("2024年所做的工作", 2024, "review", 2024),            # delivered in December 2024
    ("四年来的主要工作", 2017, "review", None),
    ("关于去年和今年前4个月工作", 2020, "review", None),
    # plans stay plans
    ("2022年工作安排", 2022, "plan", 2022),
    ("全面完成2001年经济和社会发展的主要任务", 2001, "plan", 2001),
    ("全面完成今年各项目标任务", 2007, "plan", None),
    ("今后五年的目标任务和2023年工作", 2023, "plan", 2023),
]


@pytest.mark.parametrize("title,ref,part,year", PART_TITLES)
def test_part_titles(title, ref, part, year):
    from govextract.text.sections import build_tree, classify
    from govextract.text.sentences import split_sentences
    text = f"一、{title}\n各位代表,过去一年全市经济稳中有进。\n"
    (h, *_rest) = build_tree(text, [s for s, _e in split_sentences(text).spans])
    classify(h, text, ref)
    assert (h.part, h.year) == (part, year)


def test_a_review_title_with_the_plan_year_gives_the_outcomes():
    text = ("——2014年1月8日在江城市第十四届人民代表大会第三次会议上\n市长 李明\n各位代表：\n"
            "一、2013年工作回顾和2014年工作总体要求\n初步核算，全市生产总值1144亿元，比上年增长10.5%。\n"
            "一年来，我们主要做了以下工作：\n（一）稳增长。\n"
            "2014年全市经济社会发展的主要预期目标是：地区生产总值增长10%；规模以上工业增加值增长12%。\n"
            "二、全面深化改革开放\n")
    r = govextract.extract(text)
    assert (r.meta.report_year, r.meta.plan_year) == (2014, 2014)
    assert [(a.indicator, a.value, a.year) for a in r.actuals] == [("gdp", 1144.0, 2013), ("gdp", 10.5, 2013)]
    assert [(t.indicator, t.value) for t in r.targets] == [("gdp", 10.0), ("industrial_value_added", 12.0)]
