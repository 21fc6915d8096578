import pytest

import govextract
from govextract import IndicatorVocabulary

V = IndicatorVocabulary.default()


@pytest.mark.parametrize("subject,indicator", [
    ("地区生产总值", "gdp"), ("全省地区生产总值", "gdp"), ("全市经济总量", "gdp"), ("地方生产总值", "gdp"),
    ("生产总值", "gdp"), ("人均生产总值", "gdp_per_capita"), ("全社会固定资产投资", "fixed_asset_investment"),
    ("规上工业增加值增速", "industrial_value_added"), ("规模工业增加值", "industrial_value_added"),
    ("规模以上工业增加值", "industrial_value_added"), ("社会消费品零售额", "retail_sales"),
    ("一般公共预算总收入", "public_budget_revenue"), ("地方公共财政预算收入", "public_budget_revenue"),
    ("外贸出口总额", "exports"), ("外贸进出口总额", "foreign_trade"), ("利用外资", "foreign_investment"),
    ("城区居民人均可支配收入", "urban_disposable_income"), ("农村居民人均可支配收入", "rural_disposable_income"),
    ("城乡居民人均可支配收入", "disposable_income"), ("城镇和农村居民人均可支配收入", "disposable_income"),
    ("城镇登记失业率", "unemployment_registered"), ("城镇调查失业率", "unemployment_surveyed"),
    ("居民消费价格涨幅", "cpi"), ("居民消费价格", "cpi"), ("粮食总产量", "grain_output"),
    ("全省空气质量优良天数比例", "air_quality_good_days"), ("城镇新增就业", "new_urban_jobs"),
    ("赤字率", "fiscal_deficit_ratio"), ("农民人均纯收入", "rural_net_income"), ("外汇储备", "forex_reserves"),
    ("粮食播种面积", "grain_sown_area"),
    ("引进内资", None), ("区级税收", None), ("高新技术企业增加值占GDP比重", None), ("占比", None),
])
def test_match(subject, indicator):
    assert V.match(subject) == indicator


@pytest.mark.parametrize("subject,n,ids", [
    ("城乡居民人均可支配收入", 2, ["urban_disposable_income", "rural_disposable_income"]),
    ("城镇和农村居民人均可支配收入", 2, ["urban_disposable_income", "rural_disposable_income"]),
    ("城乡居民收入", 2, ["urban_disposable_income", "rural_disposable_income"]),
    ("居民人均可支配收入", 2, None),
    ("城乡居民人均可支配收入", 3, None),
])
def test_split(subject, n, ids):
    assert V.split(V.match(subject), subject, n) == ids


def test_user_indicator_in_a_pipeline_only():
    nlp = govextract.Pipeline()
    nlp.vocab.indicators.add("digital_core_share", "数字经济核心产业增加值占比", aliases=["数字经济核心产业占比"])
    text = "今年主要预期目标是:地区生产总值增长6%左右,数字经济核心产业增加值占比达到12%。"
    r = nlp(text)
    assert [(t.indicator, t.value) for t in r.targets] == [("gdp", 6.0), ("digital_core_share", 12.0)]
    # the default pipeline's vocabulary is untouched
    assert govextract.extract(text).targets[1].indicator is None
