"""The numbers layer, table-driven on phrases from real reports."""
from decimal import Decimal

import pytest

from govextract.numbers import parse_chinese_numeral, propagate_list_qualifiers, scan_numbers
from govextract.text.normalize import normalize


@pytest.mark.parametrize("numeral,value", [
    ("七", 7), ("十", 10), ("十五", 15), ("二十", 20), ("一百零五", 105), ("两", 2), ("一千二百万", 12_000_000),
    ("三亿五千万", 350_000_000), ("十万", 100_000), ("三点五", Decimal("3.5")), ("二〇二一", 2021),
    ("一万零五百", 10_500), ("九千九百九十九", 9999),
])
def test_chinese_numerals(numeral, value):
    assert parse_chinese_numeral(numeral) == Decimal(value)


# phrase, evidence, value, value_high, unit, qualifier
CASES = [
    ("地区生产总值增长7.8%左右", "7.8%左右", 7.8, None, "%", "about"),
    ("固定资产投资增长10%以上", "10%以上", 10, None, "%", "at_least"),
    ("城镇登记失业率控制在4.2%以内", "控制在4.2%以内", 4.2, None, "%", "at_most"),
    ("居民消费价格涨幅控制在3%左右", "控制在3%左右", 3, None, "%", "about"),   # the word after wins
    ("居民消费价格涨幅控制在3%", "控制在3%", 3, None, "%", "at_most"),        # bare 控制在
    ("粮食产量稳定在27万吨以上", "27万吨以上", 27, None, "万吨", "at_least"),
    ("地方财政收入突破100亿元大关", "突破100亿元", 100, None, "亿元", "at_least"),
    ("贷款增长不低于15%", "不低于15%", 15, None, "%", "at_least"),
    ("不超过3%", "不超过3%", 3, None, "%", "at_most"),
    ("接近6%", "接近6%", 6, None, "%", "about"),
    ("打造3-5家营销龙头企业", "3-5家", 3, 5, "家", "range"),
    ("增长6%—6.5%", "6%—6.5%", 6, 6.5, "%", "range"),
    ("增长6-6.5%", "6-6.5%", 6, 6.5, "%", "range"),
    ("增长6.5%至7%", "6.5%至7%", 6.5, 7, "%", "range"),
    ("战略性新兴产业占比提高1个百分点", "1个百分点", 1, None, "个百分点", "exact"),
    ("提高两个百分点", "两个百分点", 2, None, "个百分点", "exact"),
    ("增长百分之七", "百分之七", 7, None, "%", "exact"),
    ("兑现各类奖励、补助资金2150多万元", "2150多万元", 2150, None, "万元", "at_least"),
    ("帮助企业解决难题190余个", "190余个", 190, None, "个", "at_least"),
    ("任务已完成近八成", "近八成", 8, None, "成", "about"),
    ("累计完成投资1.04万亿元", "1.04万亿元", 1.04, None, "万亿元", "exact"),
    ("城镇新增就业6万人", "6万人", 6, None, "万人", "exact"),
    ("农牧区劳动力转移就业105万人次", "105万人次", 105, None, "万人次", "exact"),
    ("完成对13.32平方公里核心区", "13.32平方公里", 13.32, None, "平方公里", "exact"),
    ("减少1000万以上", "1000万以上", 1000, None, "万", "at_least"),
    ("PM2.5平均浓度下降到35微克/立方米", "35微克/立方米", 35, None, "微克/立方米", "exact"),
]


@pytest.mark.parametrize("phrase,evidence,value,high,unit,qualifier", CASES, ids=[c[0] for c in CASES])
def test_scan(phrase, evidence, value, high, unit, qualifier):
    nums = scan_numbers(phrase)
    hit = [n for n in nums if phrase[n.start:n.end] == evidence]
    assert len(hit) == 1, [phrase[n.start:n.end] for n in nums]
    n = hit[0]
    assert (float(n.value), None if n.value_high is None else float(n.value_high), n.unit, n.qualifier) == \
        (value, high, unit, qualifier)


@pytest.mark.parametrize("phrase", ["5G基站", "PM2.5浓度", "2021年", "第九届", "G4连接线", "十九大", "一批项目", "2016-2020年"])
def test_not_quantities(phrase):
    assert scan_numbers(phrase) == []


@pytest.mark.parametrize("written,amount", [
    ("16.4亿元", Decimal("1640000000")), ("0.1亿元", Decimal("10000000")), ("2581.3亿元", Decimal("258130000000")),
    ("1.04万亿元", Decimal("1040000000000")), ("27万吨", Decimal("270000")), ("5.27亿元", Decimal("527000000")),
])
def test_amounts_are_exact(written, amount):
    (n,) = scan_numbers(written)
    assert n.amount == amount


@pytest.mark.parametrize("phrase,quals", [
    ("城乡居民人均可支配收入分别增长8%、10%左右", ["about", "about"]),
    ("城镇登记失业率、城镇调查失业率全年分别控制在3.5%和5.5%以内", ["at_most", "at_most"]),
    ("城乡居民人均可支配收入分别增长8.2%、8.8%", ["exact", "exact"]),
    ("地区生产总值增长8%,固定资产投资增长10%左右", ["exact", "about"]),   # no 分别: no propagation
])
def test_fenbie_list_qualifier(phrase, quals):
    nums = scan_numbers(phrase)
    propagate_list_qualifiers(nums, phrase)
    assert [n.qualifier for n in nums] == quals


@pytest.mark.parametrize("raw", ["增长８．５％左右", "增长８.５%左右", "增长8．5％左右"])
def test_full_width_digits(raw):
    norm = normalize(raw)
    (n,) = scan_numbers(norm.text)
    assert float(n.value) == 8.5 and n.qualifier == "about"
    s, e = norm.orig_span(n.start, n.end)
    assert raw[s:e] in ("８．５％左右", "８.５%左右", "8．5％左右")


def test_units_and_qualifiers_extend_per_pipeline():
    import govextract
    text = "今年主要预期目标是:港口集装箱吞吐量达到120万标准箱上下,外贸出口增长不下于5%。"
    plain = govextract.extract(text)
    assert [q.evidence for q in plain.quantities] == ["120万", "5%"]   # 标准箱 unknown, 不下于 unknown
    nlp = govextract.Pipeline()
    nlp.vocab.numbers.add_unit("标准箱", "TEU")
    nlp.vocab.numbers.add_qualifier("上下", "about", "after")
    nlp.vocab.numbers.add_qualifier("不下于", "at_least", "before")
    r = nlp(text)
    assert [(q.value, q.unit, q.unit_norm, str(q.amount), q.qualifier) for q in r.quantities] == [
        (120.0, "万标准箱", "TEU", "1200000", "about"), (5.0, "%", "%", "5", "at_least")]
    # the default pipeline is untouched
    assert [q.evidence for q in govextract.extract(text).quantities] == ["120万", "5%"]
    with pytest.raises(ValueError):
        nlp.vocab.numbers.add_qualifier("大约", "roughly")


@pytest.mark.parametrize("text, evidence, qualifier", [
    ("0人内", "0人内", "at_most"),           # a one-character qualifier that ends the text
    ("增长5%以", "5%", "exact"),             # a two-character qualifier cut off by the end
    ("增长6%左", "6%", "exact"),
])
def test_qualifier_at_the_end_of_the_text(text, evidence, qualifier):
    import govextract
    (q,) = govextract.extract(text).quantities
    assert text[q.start:q.end] == q.evidence == evidence
    assert q.qualifier == qualifier
