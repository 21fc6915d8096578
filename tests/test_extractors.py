"""Targets, actuals, projects and responsibilities on passages written as other reports write them."""
import json
import pathlib

import pytest

import govextract
from test_golden import _f1, _match, _strict

GENERAL = json.loads((pathlib.Path(__file__).parent / "data" / "target_lists_general.json").read_text("utf-8"))


def _score(layer):
    tp = ng = npred = 0
    for row in GENERAL:
        d = govextract.extract(row["text"]).to_dict()
        pred = [x for x in d[layer] if x.get("headline", True)]
        tp += sum(_strict(g, p) for g, p in _match(row[layer], pred))
        ng += len(row[layer])
        npred += len(pred)
    return _f1(tp, ng, npred)


def test_targets_on_passages_from_other_reports():
    """57 passages modelled on other provinces, cities, counties and years (not the dev set)."""
    assert _score("targets") >= 0.97


def test_actuals_on_passages_from_other_reports():
    assert _score("actuals") >= 0.95


@pytest.mark.parametrize("row", [r for r in GENERAL if not r["targets"]], ids=lambda r: r["id"])
def test_no_headline_targets_where_none_are_set(row):
    assert [t for t in govextract.extract(row["text"]).targets if t.headline] == []


PLAN = "二、2023年工作安排\n"


@pytest.mark.parametrize("text,expected", [
    (PLAN + "主要预期目标是:\n1.地区生产总值增长6%左右;\n2.固定资产投资增长8%;\n3.居民收入与经济增长同步。\n二、工作安排\n重点项目增长20%。",
     [("gdp", 6.0), ("fixed_asset_investment", 8.0)]),
    (PLAN + "2023年主要预期目标是:\n地区生产总值增长6%左右,\n一般公共预算收入增长5%,\n城镇调查失业率控制在5.5%以内。\n\n其他工作增长9%。",
     [("gdp", 6.0), ("public_budget_revenue", 5.0), ("unemployment_surveyed", 5.5)]),
    (PLAN + "今年主要预期目标是:地区生产总值增长7%以上、力争8%;固定资产投资增长10%。",
     [("gdp", 7.0), ("gdp", 8.0), ("fixed_asset_investment", 10.0)]),
])
def test_list_shapes(text, expected):
    r = govextract.extract(text)
    assert [(t.indicator, t.value) for t in r.targets if t.headline] == expected


def test_stretch_figure_is_tier_two_growth():
    r = govextract.extract(PLAN + "今年主要预期目标是:地区生产总值增长7%以上、力争达到8%。")
    assert [(t.value, t.kind, t.tier, t.qualifier) for t in r.targets] == [(7.0, "growth", None, "at_least"),
                                                                          (8.0, "growth", 2, "exact")]


def test_unquantified_and_not_set():
    r = govextract.extract(PLAN + "今年主要预期目标是:地区生产总值增长6%左右;城乡居民收入增长与经济增长基本同步;"
                                  "完成省下达的节能减排任务。今年不设定全年经济增长具体目标。")
    qual = [u.text for u in r.unquantified_targets if u.status == "qualitative"]
    assert qual == ["城乡居民收入增长与经济增长基本同步", "完成省下达的节能减排任务"]
    assert [(u.indicator, u.status) for u in r.unquantified_targets if u.status == "not_set"] == [("gdp", "not_set")]


def test_recalled_targets_in_review_are_neither_targets_nor_actuals():
    r = govextract.extract("一、2022年工作回顾\n年初确定的主要预期目标是:地区生产总值增长7%,固定资产投资增长9%。\n")
    assert r.targets == [] and r.actuals == []


@pytest.mark.parametrize("text,projects", [
    ("重点推进投资13亿元的华润赤壁日曜千亩渔光互补光伏发电项目,打造示范区。", [("华润赤壁日曜千亩渔光互补光伏发电项目", 13.0)]),
    ("加快建设12.8亿元的新兴非织造产业园、5.2亿元的无纺布制造等项目。", [("新兴非织造产业园", 12.8), ("无纺布制造", 5.2)]),
    ("加快建设总投资10亿元的人福药辅、3亿元的北京双吉(湖北)药业等项目。", [("人福药辅", 10.0), ("北京双吉(湖北)药业", 3.0)]),
    ("启动投资500亿元长江经济带乡村振兴示范区建设项目。", [("长江经济带乡村振兴示范区建设项目", 500.0)]),
    ("推进投资20亿元的光伏发电项目建设。", [("光伏发电项目", 20.0)]),
    ("实现营业收入120亿元的目标。", []),
    ("在12亿元的基础上再增长10%。", []),
    ("培育年产值10亿元的龙头企业3家。", []),
    ("设立5亿元科技成果转化基金。", []),
    ("投资10亿元以上项目10个。", []),
])
def test_projects(text, projects):
    r = govextract.extract(text)
    assert [(p.name, p.amount) for p in r.projects] == projects
    for p in r.projects:
        assert text[p.name_start:p.name_end] == p.name and text[p.start:p.end] == p.evidence


def test_project_groups_are_apart_with_count_and_yuan():
    r = govextract.extract("93.实施总投资23.27亿元的38个公共卫生服务补短板强弱项项目。(责任领导:贺飞;牵头单位:市卫健局)")
    assert r.projects == []
    (g,) = r.project_groups
    assert (g.kind, g.count, g.amount, str(g.amount_yuan), g.task_id) == ("group", 38, 23.27, "2327000000", "93")


@pytest.mark.parametrize("line,rid,leaders,lead_units,units", [
    ("22.全年争取各类资金30亿元以上。(责任领导:洪金虎;牵头单位:市发改局、市招商和投资促进中心;责任单位:市项目建设协调推进领导小组成员单位)",
     "22", ["洪金虎"], ["市发改局", "市招商和投资促进中心"], ["市项目建设协调推进领导小组成员单位"]),
    ("5.推进改革。（牵头领导：张三；牵头单位：区发改委；配合单位：区财政局，区统计局）",
     "5", ["张三"], ["区发改委"], ["区财政局", "区统计局"]),
    ("61.推进街长制。(责任领导:程伟;牵头单位:市城管局;责任单位;市城市管理“街长、片长、路长”制工作领导小组成员单位)",
     "61", ["程伟"], ["市城管局"], ["市城市管理“街长、片长、路长”制工作领导小组成员单位"]),
    ("7.加强统计。(责任领导:李四、王五;牵头单位:市统计局)", "7", ["李四", "王五"], ["市统计局"], []),
])
def test_responsibility_lines(line, rid, leaders, lead_units, units):
    (r,) = govextract.extract(line).responsibilities
    assert (r.id, r.leaders, r.lead_units, r.units) == (rid, leaders, lead_units, units)


def test_target_lines_get_section_ids_and_link_to_targets():
    text = ("一、2021年经济社会发展主要预期目标\n(一)地区生产总值增长11%。(责任领导:洪金虎;牵头单位:市发改局)\n"
            "(二)城镇登记失业率控制在4.5%以内。(责任领导:洪金虎;牵头单位:市人社局)\n二、重点工作\n"
            "1.新增规上工业企业20家以上。(责任领导:饶自斌;牵头单位:市科信局)\n")
    r = govextract.extract(text)
    assert [x.id for x in r.responsibilities] == ["1.1", "1.2", "1"]
    assert [r.targets[x.target].indicator for x in r.responsibilities[:2]] == ["gdp", "unemployment_registered"]
    assert r.responsibilities[2].target is None
    officials = {o.name: o.task_ids for o in r.officials}
    assert officials == {"洪金虎": ["1.1", "1.2"], "饶自斌": ["1"]}


@pytest.mark.parametrize("text,expected", [
    # older national reports state the growth target inline, without a colon
    ("二、2003年工作安排\n综合分析国内外各种情况,今年经济增长预期目标为7%左右,这是必要的。", [("gdp", 7.0, "about")]),
    ("二、2004年工作安排\n中央提出今年经济增长预期目标为7%左右,既考虑了连续性。", [("gdp", 7.0, "about")]),
    # digits spaced one by one in old dumps
    ("二、1998年工作安排\n今年国民经济宏观调控的主要目标是:经济增长速度8 %,商品零售价格涨幅控制在3 %以内。",
     [("gdp", 8.0, "exact"), ("total_retail_price", 3.0, "at_most")]),
])
def test_inline_and_older_lead_ins(text, expected):
    r = govextract.extract(text)
    assert [(t.indicator, t.value, t.qualifier) for t in r.targets if t.headline] == expected
    assert all(t.kind == "growth" for t in r.targets)


def test_growth_rate_of_a_measure_and_of_population():
    r = govextract.extract(PLAN + "今年主要预期目标是:规上工业增加值增长率8%,人口自然增长率控制在6‰以内。")
    assert [(t.indicator, t.kind) for t in r.targets] == [("industrial_value_added", "growth"),
                                                         ("population_growth", "level")]


def test_item_lines_are_whole_items():
    text = ("一、2021年经济社会发展主要预期目标\n(一)地区生产总值增长11%。\n(二)鼓励粮食生产,粮食产量稳定在27万吨以上。\n"
            "(三)主要污染物排放持续减少。\n二、重点工作\n")
    r = govextract.extract(text)
    assert [u.text for u in r.unquantified_targets] == ["主要污染物排放持续减少"]
    assert [(t.indicator, t.value) for t in r.targets] == [("gdp", 11.0), ("grain_output", 27.0)]


def test_signed_company_is_no_project():
    assert govextract.extract("全年签约30亿元的医药企业。").projects == []
