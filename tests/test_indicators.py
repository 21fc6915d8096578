import ast
import json
import pathlib

import pytest

import govextract
from govextract import IndicatorVocabulary
from govextract.lang import Lang, load_file

from conftest import FIXTURES, ROOT

V = IndicatorVocabulary.default()
TABLE = json.loads((pathlib.Path(__file__).parent / "data" / "indicator_phrases.json").read_text(encoding="utf-8"))
ROWS = [(family, *row[:2]) for family, rows in TABLE["families"].items() for row in rows]


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
    ("引进内资", "domestic_capital"), ("区级税收", None), ("高新技术企业增加值占GDP比重", None), ("占比", None),
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


@pytest.mark.parametrize("family,subject,indicator", ROWS, ids=[f"{f[:12]}:{s}" for f, s, _i in ROWS])
def test_phrase_table(family, subject, indicator):
    assert V.match(subject) == indicator


def test_the_table_holds_every_example_of_the_issue():
    issue = {row[0] for rows in TABLE["families"].values() for row in rows if row[2:] == ["issue14"]}
    assert issue >= {"进出口贸易总额", "对外贸易总额", "实际利用外商直接投资", "居民消费价格总水平", "进出口", "出口",
                     "城镇人均可支配收入", "三产增加值", "研究与试验发展经费支出与地区生产总值之比",
                     "研发经费支出相当于地区生产总值的比例", "农村牧区常住居民人均可支配收入", "租赁和商务服务业增加值",
                     "地区生产总值增长"}


@pytest.mark.parametrize("subject,rule", [
    ("全市地区生产总值", "name"), ("地区生产总值增速", "core_name"), ("县域规模以上工业增加值", "suffix"),
    ("农村牧区常住居民人均可支配收入", "suffix_child"), ("城镇和农村居民人均可支配收入", "split_parent"),
    ("全社会研发投入占地区生产总值比重", "ratio"), ("高新技术企业增加值占GDP比重", "unknown_ratio"),
    ("民生支出占财政支出", "ratio_denominator"), ("租赁和商务服务业增加值", "sector_compound"),
    ("机电产品出口额", "none"), ("", "empty"),
])
def test_explain_names_the_rule(subject, rule):
    assert V.explain(subject)[1] == rule


# Sentences of our own, one per family, through the whole pipeline: the targets' indicators.
@pytest.mark.parametrize("text,expected", [
    ("2024年主要预期目标是：地区生产总值增长6%左右，进出口贸易总额增长5%，实际利用外商直接投资增长3%，"
     "居民消费价格总水平涨幅控制在3%左右。",
     [("地区生产总值", "gdp"), ("进出口贸易总额", "foreign_trade"), ("实际利用外商直接投资", "foreign_investment"),
      ("居民消费价格总水平涨幅", "cpi")]),
    ("2024年主要预期目标是：城镇人均可支配收入增长6%，农村牧区常住居民人均可支配收入增长7%，"
     "研究与试验发展经费支出与地区生产总值之比达到2.5%。",
     [("城镇人均可支配收入", "urban_disposable_income"), ("农村牧区常住居民人均可支配收入", "rural_disposable_income"),
      ("研究与试验发展经费支出与地区生产总值之比", "rd_intensity")]),
    ("2024年主要预期目标是：出口增长5%左右，进出口增长4%，三产增加值增长6.5%，租赁和商务服务业增加值增长8%。",
     [("出口", "exports"), ("进出口", "foreign_trade"), ("三产增加值", "service_value_added"),
      ("租赁和商务服务业增加值", None)]),
    ("2024年主要预期目标是：对外贸易总额增长5%，全社会研发经费支出相当于全市生产总值的比例达到3%，"
     "环保投入相当于全市生产总值的比例达到2%，绿色经济占地区生产总值比重达到10%。",
     [("对外贸易总额", "foreign_trade"), ("全社会研发经费支出相当于全市生产总值的比例", "rd_intensity"),
      ("环保投入相当于全市生产总值的比例", "environmental_investment_ratio"),
      ("绿色经济占地区生产总值比重", None)]),
])
def test_target_sentences(text, expected):
    assert [(t.text, t.indicator) for t in govextract.extract(text).targets] == expected


def test_table_row_with_a_rate_word_names_gdp():
    # issue 10: the subject of a table row ends with 增长 (and the cell bar)
    text = "2024年主要预期目标：\n地区生产总值增长 | 6%左右\n固定资产投资增长 | 5%\n"
    assert [(t.indicator, t.value) for t in govextract.extract(text).targets] == \
        [("gdp", 6.0), ("fixed_asset_investment", 5.0)]


def test_three_sectors_split_in_order():
    assert V.split(V.match("一、二、三产增加值"), "一、二、三产增加值", 3) == \
        ["primary_value_added", "secondary_value_added", "service_value_added"]
    assert V.split(V.match("三次产业增加值"), "三次产业增加值", 2) is None


# -- compatibility with the gold's canonical ids (fixtures/gold/indicators.json) -------------------

GOLD = json.loads((FIXTURES / "gold" / "indicators.json").read_text(encoding="utf-8"))
# Where the package deliberately differs from the gold file: name -> the package's id.
DELIBERATE = {"粮食播种面积": "grain_sown_area"}   # sown area is not grain output


def test_every_gold_id_is_a_package_id_with_the_same_name():
    for g in GOLD:
        assert g["id"] in V.indicators, g["id"]
        assert V.match(g["zh"]) == g["id"], g["zh"]


@pytest.mark.parametrize("gold_id,name", [(g["id"], n) for g in GOLD for n in g["aliases"]])
def test_every_gold_alias_names_the_gold_id(gold_id, name):
    assert V.match(name) == DELIBERATE.get(name, gold_id)


def test_the_deliberate_differences_are_real():
    gold_of = {n: g["id"] for g in GOLD for n in [g["zh"], *g["aliases"]]}
    for name, ours in DELIBERATE.items():
        assert gold_of[name] != ours and V.match(name) == ours


# -- copies share nothing ---------------------------------------------------------------------

def _mutables(vocab):
    out = []
    for ind in vocab.indicators.values():
        out += [ind, ind.aliases, ind.growth_aliases]
        if ind.split:
            out += [ind.split, *ind.split.values()]
    return {id(x) for x in out}


def test_private_pipeline_split_rules_do_not_leak_into_the_default():
    text = "2024年主要预期目标是：城乡居民人均可支配收入分别增长6%和7%。"
    before = [t.indicator for t in govextract.extract(text).targets]
    assert before == ["urban_disposable_income", "rural_disposable_income"]
    nlp = govextract.Pipeline()
    nlp.vocab.indicators.indicators["disposable_income"].split["markers"].clear()
    assert [t.indicator for t in govextract.extract(text).targets] == before
    assert "城乡" in load_file("indicators.json")[[d["id"] for d in load_file("indicators.json")].index(
        "disposable_income")]["split"]["markers"]


def test_default_and_copy_share_nothing_mutable():
    a, b = IndicatorVocabulary.default(), IndicatorVocabulary.default()
    assert not _mutables(a) & _mutables(b)
    assert not _mutables(a) & _mutables(a.copy())
    shipped = {id(d.get("split")) for d in load_file("indicators.json")} | \
        {id(v) for d in load_file("indicators.json") if d.get("split") for v in d["split"].values()}
    assert not _mutables(a) & shipped
    a.add("disposable_income", "", split={"markers": ["城乡"], "into": ["urban_disposable_income", "x"]})
    assert b.indicators["disposable_income"].split["into"][1] == "rural_disposable_income"


# -- the words come from the language data ------------------------------------------------------

def test_rate_suffixes_are_read_from_the_language_data():
    lang = Lang.default()
    v = IndicatorVocabulary.default(lang=lang)
    assert v.match("地区生产总值增长幅度") is None
    lang.add("relations.json", "rate_of_change_suffixes", ["增长幅度"])
    assert v.match("地区生产总值增长幅度") == "gdp"
    assert V.match("地区生产总值增长幅度") is None        # the shared default is untouched


def test_the_matcher_types_no_word_of_its_own():
    tree = ast.parse((ROOT / "src" / "govextract" / "indicators.py").read_text(encoding="utf-8"))
    docstrings = {id(n.body[0].value) for n in ast.walk(tree)
                  if isinstance(n, (ast.Module, ast.ClassDef, ast.FunctionDef)) and n.body
                  and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
    literals = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
                and id(n) not in docstrings]
    assert not [s for s in literals if any("\u3400" <= c <= "\u9fff" for c in s)]


def test_the_docs_list_every_id():
    page = (ROOT / "docs" / "vocabularies.md").read_text(encoding="utf-8")
    section = page.split("### The ids", 1)[1].split("\n## ", 1)[0]
    listed = [line.split("`")[1] for line in section.splitlines() if line.startswith("| `")]
    assert listed == list(V.indicators)


# -- headline per SPEC (actuals, "What is headline") ---------------------------------------------

@pytest.mark.parametrize("subject", [
    "地区生产总值", "规模以上工业增加值", "服务业增加值", "第一产业增加值", "三次产业增加值", "规模以上工业企业利润",
    "一般公共预算收入", "地方一般公共预算收入", "税收收入", "固定资产投资", "社会消费品零售总额", "进出口总额", "出口总额",
    "利用外资", "引进内资", "引进到位资金", "外汇储备", "居民消费价格", "城镇新增就业", "城镇调查失业率",
    "城镇登记失业率", "农村劳动力转移就业", "居民人均可支配收入", "城镇居民人均可支配收入", "农民人均纯收入",
    "农村贫困人口", "脱贫人口", "粮食产量", "单位GDP能耗", "能源消费总量", "PM2.5平均浓度", "空气质量优良天数比例",
    "化学需氧量排放量", "服务业增加值比重", "常住人口城镇化率", "研发投入强度", "消费对经济增长的贡献率", "赤字率",
])
def test_headline_indicators(subject):
    assert V.is_headline(V.match(subject)), subject


@pytest.mark.parametrize("subject", [
    "高技术制造业增加值", "新能源汽车产量", "现代服务业增加值", "制造业增加值", "建筑业增加值", "工业投资",
    "房地产开发投资", "城乡居民储蓄存款余额", "金融机构存贷款余额", "一般公共预算支出", "研发经费支出",
    "合同利用外资", "服务贸易进出口额", "旅游总收入", "港口货物吞吐量", "全员劳动生产率", "租赁和商务服务业增加值",
])
def test_not_headline(subject):
    assert not V.is_headline(V.match(subject)), subject
