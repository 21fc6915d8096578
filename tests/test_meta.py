"""Report metadata from header lines as real reports print them."""
import json
import pathlib

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


# -- every dateline shape (issue 14, item 4) ----------------------------------------------------
# The issue's own sentences, with the result the text gives.
ISSUE_EXAMPLES = [
    ("2024年1月22日在江城市第九届人民代表大会第二次会议上江城市人民政府市长林志强作政府工作报告。",
     {"speaker": "林志强", "speaker_title": "市长", "region": "江城市", "level": "city", "session_date": "2024-01-22"}),
    ("——2024年1月9日市长 林志强在江城市第七届人民代表大会第三次会议上的讲话",
     {"speaker": "林志强", "speaker_title": "市长", "region": "江城市", "level": "city", "session_date": "2024-01-09"}),
    ("2024年1月10日林志强市长在江城市…会议的政府工作报告", {"speaker": "林志强", "speaker_title": "市长"}),
    ("江城市人民政府市长\n\u3000林\u3000志强", {"speaker": "林志强", "speaker_title": "市长", "region": "江城市"}),
    ("自治区主席 阿不都热依木·买买提", {"speaker": "阿不都热依木·买买提", "speaker_title": "主席", "level": "province"}),
    ("…第一次会议上陈立新各位代表：", {"speaker": "陈立新", "speaker_title": None}),
    ("市长", {"speaker": None, "speaker_title": None}),
]

# The same shapes in other places, names, dates and wording.
OWN_EXAMPLES = [
    # run-in
    ("2023年2月14日在临川市第八届人民代表大会第三次会议上临川市人民政府代市长王卫东作政府工作报告。\n各位代表：",
     {"speaker": "王卫东", "speaker_title": "代市长", "region": "临川市", "level": "city", "session_date": "2023-02-14"}),
    ("政府工作报告2021年12月12日在东丽区第十八届人民代表大会第一次会议上区长 贾堤各位代表:现在,我代表区人民政府向大会报告工作。",
     {"speaker": "贾堤", "speaker_title": "区长", "region": "东丽区", "level": "district"}),
    # date, title and name, then the meeting
    ("——2022年12月28日代区长 赵明在东湖区第五届人民代表大会第二次会议上的报告\n各位代表：",
     {"speaker": "赵明", "speaker_title": "代区长", "region": "东湖区", "level": "district", "session_date": "2022-12-28"}),
    # the name before the title
    ("2021年1月5日陈晓华县长在青山县第十七届人民代表大会第五次会议上的政府工作报告\n各位代表：",
     {"speaker": "陈晓华", "speaker_title": "县长", "region": "青山县", "level": "county", "session_date": "2021-01-05"}),
    ("<!-- 1月18日上午，代省长王华在南方省第十三届人民代表大会第四次会议上作政府工作报告。 -->\n\n各位代表：",
     {"speaker": "王华", "speaker_title": "代省长", "region": "南方省", "level": "province", "session_date": None}),
    # title and name on separate lines, blanks inside the name
    ("——2020年1月8日在南湖市第九届人民代表大会第四次会议上\n南湖市人民政府代理市长\n\u3000张\u3000华\n各位代表：",
     {"speaker": "张华", "speaker_title": "代理市长", "region": "南湖市", "level": "city", "session_date": "2020-01-08"}),
    ("——2019年1月10日在北溪市第八届人民代表大会第三次会议上\n\n市长  王 小 明\n\n各位代表：",
     {"speaker": "王小明", "speaker_title": "市长"}),
    # names longer than four characters
    ("——2024年1月15日在东山盟第十一届人民代表大会第四次会议上\n盟长 巴图·孟和额尔敦\n各位代表：",
     {"speaker": "巴图·孟和额尔敦", "speaker_title": "盟长", "region": "东山盟", "level": "city"}),
    ("——2003年1月11日在北原自治区第十届人民代表大会第一次会议上\n自治区代主席乌云其木格\n各位代表：",
     {"speaker": "乌云其木格", "speaker_title": "代主席", "region": "北原自治区", "level": "province"}),
    ("——2021年1月22日在东港市第十八届人民代表大会第六次会议上\n\n东港市代市长李在明\n\n各位代表：",
     {"speaker": "李在明", "speaker_title": "代市长", "region": "东港市"}),
    # a name with no title glued to the address
    ("2021年12月20日在城关区第十九届人民代表大会第一次会议上王建国各位代表：现在，我代表区人民政府作报告。",
     {"speaker": "王建国", "speaker_title": None, "region": "城关区", "level": "district"}),
    # a title with no name
    ("——2019年1月10日在西河市第八届人民代表大会第三次会议上\n市人民政府代市长\n\n各位代表：",
     {"speaker": None, "speaker_title": None, "region": "西河市", "level": "city"}),
    # a date and a name only
    ("2010年政府工作报告\n（2010年1月22日 刘大山）\n各位代表：\n现在，我代表省人民政府向大会作报告。",
     {"speaker": "刘大山", "speaker_title": None, "session_date": "2010-01-22"}),
    # a name on the line after the dateline, with no title
    ("——2016年1月12日在北城市第十四届人民代表大会第四次会议上\n\n**杜 学 军**\n\n各位代表：",
     {"speaker": "杜学军", "speaker_title": None, "region": "北城市"}),
    ("在南港市第十二届人民代表大会第三次会议上\n（2005年2月22日）\n张昌平\n各位代表：",
     {"speaker": "张昌平", "speaker_title": None, "session_date": "2005-02-22"}),
    ("（2021年1月25日在北山省第十三届人民代表大会第四次会议上 韩俊）\n各位代表：",
     {"speaker": "韩俊", "speaker_title": None, "region": "北山省"}),
    # a caption that names the speaker without a title
    ("<!-- 1月10日上午，尹弘在中原省第十三届人民代表大会第三次会议上作政府工作报告。 -->\n各位代表：",
     {"speaker": "尹弘", "speaker_title": None, "region": "中原省"}),
    ("<!-- 李纪恒作政府工作报告 -->\n各位代表：\n", {"speaker": "李纪恒", "speaker_title": None}),
    ("<!-- 图为李炳军作政府工作报告 -->\n各位代表：\n", {"speaker": None}),
    # a date and a name in brackets after a title, with or without a blank
    ("南川市政府工作报告（2012年2月2日 陈国鹰）\n各位代表：", {"speaker": "陈国鹰", "speaker_title": None}),
    ("（2003年1月10日洪虎）\n各位代表：", {"speaker": "洪虎", "session_date": "2003-01-10"}),
    # a letter-spaced title
    ("——2023年1月6日在西城市第十七届人民代表大会第二次会议上\n市  长  买买提明·卡德\n各位代表：",
     {"speaker": "买买提明·卡德", "speaker_title": "市长"}),
    # a date in Chinese numerals
    ("——二〇二三年十二月二十八日在南城市第六届人民代表大会第三次会议上\n市长 周平\n各位代表：",
     {"speaker": "周平", "speaker_title": "市长", "session_date": "2023-12-28"}),
    ("——二0一四年一月十五日在北原自治区第十二届人民代表大会第二次会议上\n自治区主席 巴特尔\n各位代表：",
     {"speaker": "巴特尔", "speaker_title": "主席", "session_date": "2014-01-15"}),
]


def _meta_of(text):
    return govextract.extract(text).meta


@pytest.mark.parametrize("text,want", ISSUE_EXAMPLES + OWN_EXAMPLES, ids=[t[:24] for t, _ in ISSUE_EXAMPLES + OWN_EXAMPLES])
def test_dateline_shapes(text, want):
    m = _meta_of(text)
    assert {k: getattr(m, k) for k in want} == want
    for span in m.evidence.values():
        assert text[span.start:span.end] == span.text


OPENINGS = json.loads((pathlib.Path(__file__).parent / "data" / "meta_openings.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", OPENINGS, ids=[c["source"].rsplit("/", 1)[-1] for c in OPENINGS])
def test_openings_of_real_reports(case):
    """Openings copied from bulk and provincial reports (source named in tests/data/meta_openings.json)."""
    m = _meta_of(case["text"])
    assert {k: getattr(m, k) for k in case["expect"]} == case["expect"]


def test_blanks_inside_a_name_are_layout_but_the_evidence_is_as_printed():
    text = "——2019年1月10日在北溪市第八届人民代表大会第三次会议上\n市长\u3000林\u3000志强\n各位代表："
    m = _meta_of(text)
    assert m.speaker == "林志强" and m.evidence["speaker"].text == "林\u3000志强"


# -- region and level ---------------------------------------------------------------------------
@pytest.mark.parametrize("place,region,level", [
    ("贵州省", "贵州省", "province"),                   # 州 before another suffix is no unit
    ("兰州新区", "兰州新区", "district"),
    ("杭州市萧山区", "萧山区", "district"),
    ("恩施土家族苗族自治州", "恩施土家族苗族自治州", "city"),
    ("恩施州", "恩施土家族苗族自治州", "city"),          # a short form that names one listed unit
    ("黔东南州", "黔东南苗族侗族自治州", "city"),
    ("新疆自治区", "新疆维吾尔自治区", "province"),
    ("锡林郭勒盟", "锡林郭勒盟", "city"),
    ("阿拉善盟阿拉善左旗", "阿拉善左旗", "county"),
    ("鄂温克族自治旗", "鄂温克族自治旗", "county"),
    ("赤壁市", "赤壁市", "county"),                     # a listed county-level city
    ("咸宁市江城市", "江城市", "county"),               # a city under a prefecture is county-level
    ("湖北省天门市", "天门市", "county"),
    ("连云港市市", "连云港市", "city"),                 # a doubled suffix of the source
    ("荆州市沙市区", "沙市区", "district"),
    ("神农架林区", "神农架林区", "county"),
    ("重庆市", "重庆市", "province"),
])
def test_region_and_level_from_the_dateline(place, region, level):
    m = _meta_of(f"——2024年1月9日在{place}第七届人民代表大会第三次会议上\n各位代表：")
    assert (m.region, m.level) == (region, level)


def test_the_state_councils_report():
    m = _meta_of("政府工作报告\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n国务院总理 李强\n各位代表：")
    assert (m.region, m.level, m.speaker, m.speaker_title) == ("中华人民共和国", "national", "李强", "总理")


def test_a_bare_dateline_takes_the_government_its_text_names_most():
    body = "甘肃经济稳步发展，甘肃交通更加便利，兰州新区建设加快，甘肃人民生活改善。"
    m = _meta_of("——2018年1月25日在省第十三届人民代表大会第一次会议上\n省长 唐仁健\n各位代表：\n" + body)
    assert (m.region, m.level) == ("甘肃省", "province")


def test_a_report_names_its_government_in_the_address_sentence():
    m = _meta_of("各位代表：\n现在，我代表北京市人民政府向大会作工作报告，请予审议。")
    assert (m.region, m.level) == ("北京市", "province")


# -- what is no speaker --------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "甲" * 3995 + "主席的建军路线。",
    "甲甲甲甲主席的建军路线。",
    "各位代表：\n一年来，12345市长热线、市长信箱接收群众来电来信10万余件。\n",
    "首页 > 市长信箱\n市长之窗\n——2020年1月6日在湘潭市第十五届人民代表大会第五次会议上\n各位代表：\n",
])
def test_running_text_and_page_chrome_give_no_speaker(text):
    assert _meta_of(text).speaker is None


def test_trailing_blanks_do_not_make_running_text_a_speaker():
    text = (pathlib.Path(__file__).parent.parent / "fixtures" / "bulk" / "1978-national.txt").read_text(encoding="utf-8")
    m = _meta_of("\n".join(line + "   " for line in text.split("\n")))
    assert (m.speaker, m.speaker_title, m.region) == (None, None, "中华人民共和国")


def test_the_opening_is_read_after_page_chrome():
    chrome = "".join(f"<li>栏目{i} | 政务公开 | 市长信箱 | 网站地图</li>\n" for i in range(300))
    text = ("<title>2020年湘潭市政府工作报告_湘潭市人民政府</title>\n" + chrome
            + "——2020年1月6日在湘潭市第十五届人民代表大会第五次会议上\n湘潭市人民政府市长 张迎春\n各位代表：\n现在，我代表市人民政府向大会报告工作。\n")
    assert len(chrome) > 6000
    m = _meta_of(text)
    assert (m.speaker, m.session_date, m.region) == ("张迎春", "2020-01-06", "湘潭市")


def test_a_resolution_before_the_report_does_not_take_its_dateline():
    text = ("（2025年2月27日南海市第七届人民代表大会第六次会议通过）\n南海市第七届人民代表大会第六次会议听取和审议了市长所作的工作报告。\n"
            "政府工作报告\n——2025年2月25日在南海市第七届人民代表大会第六次会议上\n南海市市长 黄海\n各位代表：\n")
    m = _meta_of(text)
    assert (m.session_date, m.speaker) == ("2025-02-25", "黄海")


# -- checks --------------------------------------------------------------------------------------
def _checks(text):
    return {c.code: c for c in govextract.extract(text).checks}


def test_speaker_missing_points_at_the_title():
    text = "——2024年1月9日在江城市第七届人民代表大会第三次会议上\n市长 Zhang Wei\n各位代表：\n"
    c = _checks(text)["speaker_missing"]
    assert c.severity == "error" and text[c.start:c.end] == "市长"


def test_a_title_printed_alone_is_no_missing_speaker():
    assert "speaker_missing" not in _checks("——2008年2月18日在昆明市第十二届人民代表大会第四次会议上\n\n市长\n\n各位代表：\n")


def test_region_missing():
    c = _checks("——2024年1月9日在市第七届人民代表大会第三次会议上\n市长 李四\n各位代表：\n")["region_missing"]
    assert c.severity == "error"


def test_level_conflict_points_at_the_title_in_the_original_text():
    text = "\u3000\u3000——２０２２年１月６日在江城区第十届人民代表大会第一次会议上\n市长\u3000李四\n各位代表：\n"
    c = _checks(text)["level_conflict"]
    assert c.severity == "warning" and text[c.start:c.end] == "市长"


def test_level_missing_when_a_region_has_no_known_level():
    from govextract.extractors.meta import check_meta
    nlp = govextract.Pipeline()
    doc = nlp.make_doc("各位代表：\n")
    doc.report.meta.region, doc.report.meta.level = "某开发园", None
    check_meta(doc)
    assert [c.code for c in doc.report.checks] == ["level_missing"]


@pytest.mark.parametrize("header", [c[0] for c in CASES])
def test_clean_openings_give_no_meta_check(header):
    text = header + BODY.format(ry=2021, py=2022)
    meta_codes = {"speaker_missing", "region_missing", "level_missing", "level_conflict"}
    assert [c for c in govextract.extract(text).checks if c.code in meta_codes] == []


# -- data and extension --------------------------------------------------------------------------
def test_every_title_has_its_levels():
    from govextract.lang import default_lang
    lang = default_lang()
    assert set(lang.words("speakers.json", "titles")) == set(lang.mapping("speakers.json", "title_levels"))


def test_a_pipeline_reads_its_own_titles():
    text = "——2024年1月9日在清河镇第七届人民代表大会第三次会议上\n镇长 李四\n各位代表：\n"
    assert _meta_of(text).speaker is None
    nlp = govextract.Pipeline()
    nlp.vocab.lang.add("speakers.json", "titles", ["镇长"])
    assert (nlp(text).meta.speaker, nlp(text).meta.speaker_title) == ("李四", "镇长")
    assert _meta_of(text).speaker is None


# -- linear and bounded --------------------------------------------------------------------------
@pytest.mark.parametrize("unit", ["各位代表市长张三主席", "市长 张三\n", "2024年1月1日在某市第一届人民代表大会第二次会议上", "人大第一次会议上",
                                  "工作报告市长", "我代表某某市人民政府"])
def test_meta_is_linear_in_the_text(unit):
    import time
    from govextract.extractors.meta import extract_meta
    nlp = govextract.Pipeline()

    def cost(n):
        doc = nlp.make_doc(unit * n)
        best = float("inf")
        for _ in range(3):
            t = time.process_time()
            for _ in range(3):
                doc.report.checks.clear()
                extract_meta(doc)
            best = min(best, time.process_time() - t)
        return best

    small, large = cost(20_000), cost(40_000)
    assert large < 2.5 * small + 0.01
