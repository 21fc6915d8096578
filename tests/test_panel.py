"""The panel: targets of year Y against the outcomes stated for Y by the next report.

The rows checked here were verified by hand against fixtures/panel/ (real reports)."""
import subprocess
import sys

import pandas as pd
import pytest

import govextract
from govextract.panel import met, within
from conftest import FIXTURES

PANEL = FIXTURES / "panel"


@pytest.fixture(scope="module")
def table():
    return govextract.panel(govextract.extract_many(sorted(PANEL.glob("*.txt"))))


def row(df, region, indicator, year, evidence=None):
    sel = df[(df.region == region) & (df.indicator == indicator) & (df.year == year)]
    if evidence is not None:
        sel = sel[sel.target_evidence == evidence]
    assert len(sel) == 1, sel
    return sel.iloc[0]


@pytest.mark.parametrize("region,indicator,year,qualifier,target,outcome,met_,source", [
    # 2021-莆田市: "地区生产总值2700亿元，增长3%" against 2020's "增长8%左右"
    ("莆田市", "gdp", 2020, "about", 8.0, 3.0, False, "2021-莆田市.txt"),
    # 2022-莆田市: "增长7%" against 2021's "增长8%以上"
    ("莆田市", "gdp", 2021, "at_least", 8.0, 7.0, False, "2022-莆田市.txt"),
    ("莆田市", "retail_sales", 2021, "exact", 9.0, 9.0, True, "2022-莆田市.txt"),
    # "城镇登记失业率3%以内" against "2.41%"
    ("莆田市", "unemployment_registered", 2020, "at_most", 3.0, 2.41, True, "2021-莆田市.txt"),
    # 2022-铁岭市 (预计): "地区生产总值增长6%" against "6.5%以上"
    ("铁岭市", "gdp", 2021, "at_least", 6.5, 6.0, False, "2022-铁岭市.txt"),
    # a decrease: "单位地区生产总值能耗降低3%左右" against "降低3.2%"
    ("铁岭市", "energy_intensity", 2021, "about", 3.0, 3.2, True, "2022-铁岭市.txt"),
])
def test_rows_verified_by_hand(table, region, indicator, year, qualifier, target, outcome, met_, source):
    r = row(table, region, indicator, year)
    assert (r.qualifier, r.target, r.outcome, bool(r.met), r.outcome_source.endswith(source)) == \
        (qualifier, target, outcome, met_, True)
    assert r.gap == pytest.approx(outcome - target)
    assert r.unit == "%"


def test_codes_and_estimated_flag(table):
    r = row(table, "铁岭市", "gdp", 2021)
    assert (r.region_code, r.province, bool(r.outcome_estimated)) == ("211200", "辽宁省", True)
    assert row(table, "莆田市", "gdp", 2020).region_code == "350300"


def test_two_targets_of_one_indicator_meet_their_own_outcomes(table):
    # 一般公共预算总收入增长2.5% -> 2.2%; 地方一般公共预算收入增长2% -> 2.8% (2021-莆田市)
    total = row(table, "莆田市", "public_budget_revenue", 2020, "2.5%")
    local = row(table, "莆田市", "public_budget_revenue", 2020, "2%")
    assert (total.outcome, local.outcome) == (2.2, 2.8)
    assert bool(total.met) and bool(total.within) and bool(local.met) and not bool(local.within)


def test_targets_without_a_later_report_have_no_outcome(table):
    r = row(table, "莆田市", "gdp", 2022)
    assert r.qualifier == "range" and (r.target, r.target_high) == (7.0, 7.5)
    assert pd.isna(r.outcome) and pd.isna(r.met)


def test_units_are_compared_in_the_normalised_unit():
    a = ("2021年1月10日在咸阳市第十七届人民代表大会第五次会议上\n各位代表:\n"
         "今年主要预期目标是:地区生产总值增长7%左右,一般公共预算收入达到20亿元以上。")
    b = ("2022年1月10日在咸阳市第十七届人民代表大会第六次会议上\n各位代表:\n一、2021年工作回顾\n"
         "过去一年,全市地区生产总值增长8%,一般公共预算收入210000万元,增长5%。\n"
         "二、2022年工作安排\n今年主要预期目标是:地区生产总值增长6%左右。")
    df = govextract.panel([("a", govextract.extract(a)), ("b", govextract.extract(b))])
    rev = row(df, "咸阳市", "public_budget_revenue", 2021)
    assert (rev.kind, rev.unit, rev.target, rev.outcome, bool(rev.met)) == ("level", "CNY", 2e9, 2.1e9, True)
    gdp = row(df, "咸阳市", "gdp", 2021)
    assert (gdp.outcome, bool(gdp.met), bool(gdp.within)) == (8.0, True, False)   # about 7: reached, not within 0.5


def test_met_rules():
    assert met("at_least", 8, 8) and not met("at_least", 7.9, 8)
    assert met("at_most", 3, 3) and not met("at_most", 3.1, 3)
    assert met("about", 6.6, 7) and not met("about", 6.4, 7)
    assert met("range", 7.2, 7, 7.5) and not met("range", 6.9, 7, 7.5)
    assert within("range", 7.9, 7, 7.5) and not within("range", 8.1, 7, 7.5)
    assert met("about", 95, 100, tol=5) and not met("about", 94, 100, tol=5)


TEN_LINES = """\
import sys, govextract
results = govextract.extract_many(sys.argv[1], n_process=2)
table = govextract.panel(results, indicators=["gdp"])
table.to_csv(sys.argv[2], index=False)
"""


def test_the_58_line_task_in_ten_lines(tmp_path):
    """GDP targets by region and year from a folder, with outcomes, to CSV."""
    script = tmp_path / "task.py"
    script.write_text(TEN_LINES, encoding="utf-8")
    assert len(TEN_LINES.splitlines()) <= 10
    out = tmp_path / "gdp.csv"
    subprocess.run([sys.executable, str(script), str(PANEL), str(out)], check=True, timeout=300)
    df = pd.read_csv(out, dtype={"region_code": str})
    assert set(df.indicator) == {"gdp"}
    assert set(zip(df.region, df.year)) >= {("莆田市", 2020), ("莆田市", 2021), ("莆田市", 2022), ("铁岭市", 2021)}
    putian = df[(df.region == "莆田市") & (df.year == 2020)].iloc[0]
    assert (putian.region_code, putian.target, putian.outcome, putian.met) == ("350300", 8.0, 3.0, False)
