"""Projects: where a name ends, which phrase shapes carry one, what is no project, and numbers that cannot crash.

Sentences marked "bulk" are copied from the bulk corpus (report named); the others are written
in the reports' wording for one pattern family each.
"""
import decimal
import json
import math

import pytest

import govextract


def _projects(text):
    r = govextract.extract(text)
    for p in [*r.projects, *r.project_groups]:
        assert text[p.start:p.end] == p.evidence and text[p.name_start:p.name_end] == p.name
    return r


@pytest.mark.parametrize("text, expected", [
    # the examples: a name ends before its predicate, a leading verb is not part of it,
    # a copula and a comma shape are read
    ("投资2.8亿元的滨江大道改造工程如期完工。", [("滨江大道改造工程", 2.8, "亿元")]),
    ("总投资12亿元的城南污水处理厂项目当年完成投资4亿元。", [("城南污水处理厂项目", 12.0, "亿元")]),
    ("投资8600万元实施的老城区雨污分流工程全面完工。", [("老城区雨污分流工程", 8600.0, "万元")]),
    ("总投资为36亿元的沿江快速路建成通车。", [("沿江快速路", 36.0, "亿元")]),
    ("投资2.1亿元，实施城东供热管网改造工程。", [("城东供热管网改造工程", 2.1, "亿元")]),
    # a name ends before its predicate (bulk: 2016-盘锦市, 2021-衢州市, 2011-海口市)
    ("总投资924亿元的兵器精细化工及原料工程获得核准,30万吨原油码头配套工程环评获批。", [("兵器精细化工及原料工程", 924.0, "亿元")]),
    ("总投资410亿元的巨化硅氟新材料项目刷新我省单体工业项目投资纪录。", [("巨化硅氟新材料项目", 410.0, "亿元")]),
    ("投资175亿元的汉能光伏项目已经开工。", [("汉能光伏项目", 175.0, "亿元")]),
    ("投资13亿元的光伏发电项目建设顺利推进。", [("光伏发电项目", 13.0, "亿元")]),
    # …but a phase, and a conjunction inside one name, keep it whole
    ("总投资711亿元的古雷炼化一体化工程二期项目开工建设。", [("古雷炼化一体化工程二期项目", 711.0, "亿元")]),
    ("启动投资20亿元的双胞胎项目四期、4亿元的景鸿牧业三期。", [("双胞胎项目四期", 20.0, "亿元"), ("景鸿牧业三期", 4.0, "亿元")]),
    ("启动实施总投资近100亿元的科尔沁草原山水林田湖草沙一体化保护和修复工程、欧投贷款项目。",     # bulk: 2022-通辽市
     [("科尔沁草原山水林田湖草沙一体化保护和修复工程", 100.0, "亿元")]),
    # a verb before 的, a copula or a qualifier before the amount
    ("投资1.2亿元新建的城北污水处理厂正式投入运行。", [("城北污水处理厂", 1.2, "亿元")]),
    ("投资约700亿元的揭阳中石油炼化一体化项目全面投产。", [("揭阳中石油炼化一体化项目", 700.0, "亿元")]),     # bulk: 2024-广东省
    ("总投资超过70亿元的博盈斯太尔发动机项目成功落户。", [("博盈斯太尔发动机项目", 70.0, "亿元")]),        # bulk: 2015-常州市
    ("总投资额达5.6亿元的城市书房工程年底交付。", [("城市书房工程", 5.6, "亿元")]),
    # the comma shape: the investment opens its clause and the name ends it (bulk: 2016-鹤岗市, 2023-甘南藏族自治州)
    ("投资1.4亿元,实施供热四期扩建工程,改造老旧供热管网28.6公里。", [("供热四期扩建工程", 1.4, "亿元")]),
    ("投资5.06亿元,实施夏河县城乡供水工程。", [("夏河县城乡供水工程", 5.06, "亿元")]),
    ("今年投资3亿元,继续实施农村饮水安全巩固提升工程;", [("农村饮水安全巩固提升工程", 3.0, "亿元")]),
    ("电网投资20亿元,开工建设扎兰屯500千伏变电站工程,推进114项输变电工程。", []),    # a sector's total (bulk: 2023-呼伦贝尔市)
    ("投资455亿元,建成轨道交通一号线、三号线及六号线一期工程。", []),                  # one amount for a list
    # no 的: the name runs to 项目/工程, after a verb (bulk: 2021-河池市)
    ("引进投资50亿元建设锌硫磷绿色循环产业项目,有效延长园区产业链。", [("锌硫磷绿色循环产业项目", 50.0, "亿元")]),
    ("去年又投资2.9亿元实施了农房抗震加固工程;", [("农房抗震加固工程", 2.9, "亿元")]),
    ("启动投资500亿元长江经济带乡村振兴示范区建设项目。", [("长江经济带乡村振兴示范区建设项目", 500.0, "亿元")]),
    # Chinese numerals and dollars
    ("总投资近百亿元的中冶公司中试基地落户长兴岛。", [("中冶公司中试基地", 100.0, "亿元")]),
    ("韩国集团投资3亿美元的造船项目落户。", [("造船项目", 3.0, "亿美元")]),
    # a count that closes the clause before is not the group's (bulk: 2023-南昌市)
    ("全年推进亿元以上工业项目334个,总投资130亿元的华勤千亿产业基地、30亿元的兆驰晶显LED项目加快建设。",
     [("华勤千亿产业基地", 130.0, "亿元"), ("兆驰晶显LED项目", 30.0, "亿元")]),
])
def test_project_names_and_amounts(text, expected):
    r = _projects(text)
    assert [(p.name, p.amount, p.unit) for p in r.projects] == expected


@pytest.mark.parametrize("text", [
    # size classes (the example; bulk: 2019-襄阳市, 2021-衢州市, 2014-商丘市, 2007-辽宁省)
    "新引进投资过10亿元的制造业项目42个。",
    "力争新引进投资过5亿元的工业项目120个、过亿元的新兴产业项目100个。",
    "各县分别引进固定资产投资超20亿元的先进制造业项目1个以上。",
    "引进1个以上知名企业或投资5亿元以上的龙头项目。",
    "实施投资20亿元以上重大外资和重大制造业项目用地应保尽保。",
    "年销售收入过1亿元、10亿元的企业分别达到148户和13户。",
    "加快推进投资超50亿元的产业项目建设。",
    # plan totals, funds, targets (the example; bulk: 2010-江苏省)
    "实施总额2000亿元的三年投资计划。",
    "实施总额3000亿元的政府性投资计划。",
    "设立规模100亿元的产业投资基金三期。",
    "设立50亿元的战新产业发展基金、15亿元的碳中和产业并购基金。",
    "力争实现营业收入120亿元的目标。",
    # one amount shared by an enumeration a count sums up; a list of other things
    "总投资30.8亿元的沅澧垸、安造垸、松澧垸3个洞庭湖蓄洪垸建成。",
    "接收4100余名干部职工、近200亿元的债务。",
    # a rate, not an investment
    "给予每座10万元的奖励。",
    "城乡居民基础养老金提高200元的政策全面落实。",
])
def test_no_project(text):
    r = _projects(text)
    assert r.projects == [] and r.project_groups == []


@pytest.mark.parametrize("text, expected", [
    ("实施总投资23.27亿元的38个公共卫生服务补短板强弱项项目。", [("38个公共卫生服务补短板强弱项项目", 38, 23.27)]),
    ("推进380个总投资1.5万亿元的重点项目。", [("重点项目", 380, 1.5)]),                 # bulk: 2016-烟台市
    ("总投资486亿元的20个项目顺利推进。", [("20个项目", 20, 486.0)]),                   # bulk: 2014-东莞市
    ("谋划储备了2353个、总投资近7000亿元的重点项目。", [("重点项目", 2353, 7000.0)]),
    ("实施209项总投资120亿元的防洪排涝工程。", [("防洪排涝工程", 209, 120.0)]),            # bulk: 2017-福建省
])
def test_groups(text, expected):
    r = _projects(text)
    assert r.projects == []
    assert [(g.name, g.count, g.amount) for g in r.project_groups] == expected
    assert all(g.kind == "group" for g in r.project_groups)


def test_a_name_cut_by_the_length_limit_is_checked():
    from govextract.extractors.projects import MAX_NAME
    text = "投资5亿元的" + "甲乙丙丁戊己庚辛壬癸" * 8 + "。"
    r = _projects(text)
    (p,) = r.projects
    assert len(p.name) == MAX_NAME
    (c,) = r.checks
    assert (c.code, c.severity, c.start, c.end) == ("project_name_truncated", "warning", p.name_start, p.name_end)
    assert _projects("投资5亿元的滨江大道改造工程如期完工。").checks == []


# -- numbers that must not crash, round or overflow -------------------------------------------
@pytest.mark.parametrize("text", [
    "投资349461200595158128344339697912288元建设新兴产业园项目",           # the red team's input
    "投资" + "１２３４５６７８９０" * 4 + "千亿元的新兴产业园项目",          # full-width digits, 千亿
    "投资" + "9" * 400 + "元的X项目。总投资" + "9" * 30 + ".5亿元的Y工程",
    "投资99999999999999999999亿元的滨江大道改造工程如期完工。",
])
def test_long_figures_give_no_crash_and_finite_json(text):
    r = _projects(text)
    data = json.loads(r.to_json(), parse_constant=lambda c: pytest.fail(f"non-finite number {c} in the JSON"))
    for p in data["projects"] + data["project_groups"]:
        assert math.isfinite(p["amount"])
    for p in r.projects + r.project_groups:
        assert p.amount_yuan is None or p.amount_yuan.is_finite()


def test_yuan_never_raises_whatever_the_callers_context():
    from decimal import Decimal
    from govextract.extractors.projects import _yuan
    with decimal.localcontext() as ctx:
        ctx.prec = 1
        ctx.traps.update({s: True for s in (decimal.Inexact, decimal.Rounded, decimal.InvalidOperation,
                                            decimal.Overflow, decimal.Subnormal)})
        assert _yuan(Decimal("1345670000.4")) == Decimal("1345670000")
        assert str(_yuan(Decimal("1.2E+12"))) == "1200000000000"
        assert [_yuan(Decimal(x)) for x in ("NaN", "Infinity", "1E+400", "9" * 60)] == [None] * 4


def test_a_pipeline_reads_its_own_project_words():
    nlp = govextract.Pipeline()
    text = "投资2亿元的城北客运枢纽站即将启用,方便群众出行。"
    assert [p.name for p in nlp(text).projects] == ["城北客运枢纽站"]
    nlp.vocab.lang.add("projects.json", "predicates", ["启用"])
    text = "投资2亿元的城北客运枢纽站启用仪式举行。"
    assert [p.name for p in nlp(text).projects] == ["城北客运枢纽站"]
    assert [p.name for p in govextract.extract(text).projects] == ["城北客运枢纽站启用仪式举行"]
