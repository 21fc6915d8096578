"""Region codes: GB/T 2260 codes valid in the report's year, ambiguity resolved by context or left None."""
import json

import pytest

import govextract
from govextract.region_codes import divisions, province_of, region_code
from conftest import ROOT, extracted


@pytest.mark.parametrize("name,code,province", [
    ("2022-xianyang", "610400", "陕西省"),         # prefecture-level city
    ("2022-qinghai", "630000", "青海省"),          # province
    ("2022-jizhou", "120119", "天津市"),           # a district that was 蓟县 until 2016
    ("2020-huangshigang", "420202", "湖北省"),     # district
    ("2022-tianmen", "429006", "湖北省"),          # county-level city directly under the province
    ("2021-chibi-responsibilities", "421281", "湖北省"),
])
def test_fixture_reports_get_their_code(name, code, province):
    meta = extracted(name).meta
    assert (meta.region_code, meta.province) == (code, province)


def test_code_follows_the_year_of_a_change():
    # 蓟县 became 蓟州区 (new code) in 2016; 毕节地区 became 毕节市 in 2011
    assert region_code("蓟县", 2015) == "120225"
    assert region_code("蓟州区", 2015) is None            # did not exist: never guessed
    assert region_code("蓟州区", 2017) == "120119"
    assert region_code("毕节地区", 2010) == "522400"
    assert region_code("毕节市", 2013, level="city") == "520500"
    assert region_code("襄樊市", 2008) == region_code("襄阳市", 2012) == "420600"   # renamed, same code


def test_a_report_in_early_year_uses_last_years_list():
    # the report of 2016 is delivered in early 2016 by 蓟县 (changed during 2016)
    assert region_code("蓟县", 2016) == "120225"


def test_ambiguous_names_are_resolved_by_context_or_left_none():
    assert region_code("朝阳区", 2020) is None
    assert region_code("朝阳区", 2020, context="北京市朝阳区人民政府") == "110105"
    assert region_code("朝阳区", 2020, context="长春市朝阳区") == "220104"
    # two 鼓楼区 in 江苏省 (南京, 徐州): the province does not decide, the prefecture does
    assert region_code("鼓楼区", 2020, context="江苏省") is None
    assert region_code("鼓楼区", 2020, context="江苏省南京市") == "320106"
    # a name borne by a county-level city before 1983 and the prefecture after: the level decides
    assert region_code("咸阳市") is None
    assert region_code("咸阳市", level="city") == "610400"


def test_component_uses_the_parent_named_in_the_text():
    body = "第十八届人民代表大会第一次会议上\n各位代表:\n今年主要预期目标是:地区生产总值增长6%左右。"
    with_parent = govextract.extract("2022年1月8日在南京市鼓楼区" + body).meta
    assert (with_parent.region, with_parent.region_code, with_parent.province) == ("鼓楼区", "320106", "江苏省")
    without = govextract.extract("2022年1月8日在鼓楼区" + body).meta
    assert (without.region, without.region_code, without.province) == ("鼓楼区", None, None)


def test_short_form_of_an_autonomous_prefecture():
    assert region_code("恩施州", 2021) == "422800"
    assert [d.name for d in divisions("恩施州")] == ["恩施土家族苗族自治州"]


def test_national_report_has_no_code():
    assert region_code("中华人民共和国", 2020) is None
    meta = govextract.extract((ROOT / "fixtures" / "bulk" / "2004-national.txt").read_bytes()).meta
    assert meta.region == "中华人民共和国" and meta.region_code is None


def test_province_of():
    assert province_of("320106") == "江苏省"
    assert province_of("652100", 2010) == "新疆维吾尔自治区"


def test_data_file_states_source_and_is_sane():
    data = json.loads((ROOT / "src" / "govextract" / "data" / "region_codes.json").read_text(encoding="utf-8"))
    assert "民政部" in data["about"] and "2026-09-11" in data["about"]
    first, last = data["years"]
    for code, name, a, b in data["units"]:
        assert len(code) == 6 and code.isdigit() and name
        assert first <= a <= b <= last
    codes_2024 = {c for c, _n, a, b in data["units"] if a <= 2024 <= b and c.endswith("0000")}
    assert len(codes_2024) == 34        # 23 provinces, 5 autonomous regions, 4 municipalities, HK, Macau
