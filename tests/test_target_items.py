"""Items a target list gives in several forms (issue 14, item 3): each a table test."""
import pytest

import govextract

LEAD = "2024年某市政府工作报告\n各位代表:\n一、2023年工作回顾\n全市地区生产总值增长5%。\n二、2024年工作安排\n今年主要预期目标是:"


def targets(items: str):
    return [(t.text, t.indicator, t.kind, t.value, t.value_high, t.unit, t.qualifier)
            for t in govextract.extract(LEAD + items + "\n").targets]


@pytest.mark.parametrize("items, want", [
    # two full indicator names sharing one figure
    ("城镇常住居民人均可支配收入、农村常住居民人均可支配收入均增长7%。",
     [("城镇常住居民人均可支配收入", "urban_disposable_income", "growth", 7.0, None, "%", "exact"),
      ("农村常住居民人均可支配收入", "rural_disposable_income", "growth", 7.0, None, "%", "exact")]),
    # a 分别 list whose kind is decided per name: unemployment a level, CPI a growth
    ("城镇调查失业率、居民消费价格涨幅分别控制在5.5%和3%以内。",
     [("城镇调查失业率", "unemployment_surveyed", "level", 5.5, None, "%", "at_most"),
      ("居民消费价格涨幅", "cpi", "growth", 3.0, None, "%", "at_most")]),
    # a per-head unit
    ("全员劳动生产率达到15.2万元/人左右。",
     [("全员劳动生产率", "labour_productivity", "level", 15.2, None, "万元/人", "about")]),
    # a range written with a full-width tilde
    ("地区生产总值增长8～8.5%。",
     [("地区生产总值", "gdp", "growth", 8.0, 8.5, "%", "range")]),
])
def test_items_in_several_forms(items, want):
    assert targets(items) == want


def test_a_per_head_unit_is_normalised():
    (q,) = [q for q in govextract.extract("全员劳动生产率达到15.2万元/人左右。").quantities]
    assert (q.unit_norm, str(q.amount)) == ("CNY/person", "152000")


def test_a_start_point_in_a_target_list_is_no_target():
    r = govextract.extract(LEAD + "城镇化率由60%提高到65%。\n")
    roles = {q.evidence: q.role for q in r.quantities if q.start > len(LEAD) - 10}
    assert roles == {"60%": "other", "65%": "target"}
    assert [(t.text, t.value) for t in r.targets] == [("城镇化率", 65.0)]


def test_a_figure_split_from_its_unit_by_line_breaks_is_one_figure():
    """Issue 14 item 3: ``98.6⏎\\u200b⏎亿元`` in scraped text (and a figure wrapped before its %)."""
    text = "二、2024年工作安排\n主要预期目标是:地区生产总值达到98.6\n\u200b\n亿元,一般公共预算收入增长6.5\n%左右。"
    r = govextract.extract(text)
    assert [(t.indicator, t.value, t.unit, t.qualifier) for t in r.targets] == [
        ("gdp", 98.6, "亿元", "exact"), ("public_budget_revenue", 6.5, "%", "about")]
    for t in r.targets:
        assert text[t.start:t.end] == t.evidence
