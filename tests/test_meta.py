"""Report metadata from header lines as real reports print them."""
import pytest

import govextract
from govextract.extractors.meta import level_of

BODY = "\n各位代表:\n现在,我代表人民政府向大会报告工作。\n一、{ry}年工作回顾\n二、{py}年工作安排\n"

# header, region, level, report_year, plan_year, speaker, title
CASES = [
    ("2022年东丽区政府工作报告\n政府工作报告2021年12月12日在东丽区第十八届人民代表大会第一次会议上区长 贾堤",
     "东丽区", "district", 2021, 2022, "贾堤", "区长"),
    ("2022年蓟州区政府工作报告\n2021年12月12日在天津市蓟州区第二届人民代表大会第一次会议上代区长张建宇",
     "蓟州区", "district", 2021, 2022, "张建宇", "代区长"),
    ("2022年青海省政府工作报告2022年1月21日在青海省第十三届人民代表大会第七次会议上省长信长星",
     "青海省", "province", 2022, 2022, "信长星", "省长"),
    ("2022年天门市政府工作报告2021年12月16日在天门市第九届人民代表大会第一次会议上市人民政府市长杨兴铭",
     "天门市", "county", 2021, 2022, "杨兴铭", "市长"),
    ("2020年湘潭市政府工作报告\n——2020年1月6日在湘潭市第十五届人民代表大会第五次会议上\n湘潭市人民政府市长 张迎春\n",
     "湘潭市", "city", 2020, 2020, "张迎春", "市长"),
    ("2020年黄石港区政府工作报告(2020年12月27日)\n发布时间:2020-12-27 来源:黄石港区政府\n\n代区长  严荣勇\n",
     "黄石港区", "district", 2020, 2021, "严荣勇", "代区长"),
    ("政府工作报告\n——2023年1月12日在广西壮族自治区第十四届人民代表大会第一次会议上\n自治区主席 蓝天立\n",
     "广西壮族自治区", "province", 2023, 2023, "蓝天立", "主席"),
    ("政府工作报告\n——2024年1月20日在恩施土家族苗族自治州第九届人民代表大会第四次会议上\n州长 向红琼\n",
     "恩施土家族苗族自治州", "city", 2024, 2024, "向红琼", "州长"),
    ("政府工作报告\n——2023年1月5日在昆山市第十七届人民代表大会第三次会议上\n代市长 周旭东\n",
     "昆山市", "county", 2023, 2023, "周旭东", "代市长"),
    ("政府工作报告\n——2019年3月5日在第十三届全国人民代表大会第二次会议上\n国务院总理 李克强\n",
     "中华人民共和国", "national", 2019, 2019, "李克强", "总理"),
]


@pytest.mark.parametrize("header,region,level,ry,py,speaker,title", CASES, ids=[c[1] for c in CASES])
def test_meta(header, region, level, ry, py, speaker, title):
    text = header + BODY.format(ry=py - 1, py=py)
    m = govextract.extract(text).meta
    assert (m.region, m.level, m.report_year, m.plan_year, m.speaker, m.speaker_title) == \
        (region, level, ry, py, speaker, title)
    for span in m.evidence.values():
        assert text[span.start:span.end] == span.text


@pytest.mark.parametrize("region,level", [
    ("北京市", "province"), ("内蒙古自治区", "province"), ("咸阳市", "city"), ("赤壁市", "county"),
    ("锡林郭勒盟", "city"), ("长兴县", "county"), ("鄂温克族自治旗", "county"), ("海拉尔区", "district"),
    (None, None), ("国务院", "national"),
])
def test_level_of(region, level):
    assert level_of(region) == level


def test_title_year_loses_to_session_date():
    # a page titled 2022 that carries a report delivered in 2019
    text = ("2022年某区政府工作报告\n——2019年1月8日在咸阳市第八届人民代表大会第三次会议上\n市长 岳亮\n"
            + BODY.format(ry=2018, py=2019))
    m = govextract.extract(text).meta
    assert (m.report_year, m.plan_year) == (2019, 2019)


@pytest.mark.parametrize("text,doc_type", [
    ("2021年政府工作思路和主要任务\n发文单位: 咸宁市人民政府\n2021年全市经济社会发展主要预期目标是:地区生产总值增长10.5%以上。", "plan_excerpt"),
    ("各位代表:\n现在,我代表市人民政府向大会报告工作。", "report"),
    ("1.新增规上工业企业20家以上。(责任领导:洪金虎;牵头单位:市发改局)\n2.启动工程。(责任领导:饶自斌;牵头单位:市科信局)\n"
     "3.建设项目。(责任领导:钱仕忠;牵头单位:市农业农村局)", "responsibility_notice"),
    ("今天天气很好。", "unknown"),
])
def test_doc_type(text, doc_type):
    assert govextract.extract(text).meta.doc_type == doc_type
