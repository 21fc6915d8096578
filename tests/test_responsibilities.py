"""Responsibilities in notices and inside reports: every block form, ids as printed, bounded tasks, checks."""
import json
import pathlib

import pytest

import govextract

EXCERPTS = json.loads((pathlib.Path(__file__).parent / "data" / "responsibility_excerpts.json").read_text(encoding="utf-8"))


def _rows(r):
    return [[x.id, x.leaders, x.lead_units, x.units] for x in r.responsibilities]


def test_a_bracketed_label_after_each_task():
    """The issue's example: a label in brackets after the task (full-width marks as printed)."""
    r = govextract.extract("5.新建改建城市公园12个。（牵头单位：市园林局、市住建局）")
    assert _rows(r) == [["5", [], ["市园林局", "市住建局"], []]]
    assert r.responsibilities[0].task == "新建改建城市公园12个。"


def test_label_lines_under_a_numbered_task():
    text = ("1.改造老旧小区49个。\n牵头单位：市住建局\n责任单位：各区人民政府、市财政局\n"
            "2.新建口袋公园5个。\n\n牵头单位：市园林局\n\n责任单位：各区人民政府\n")
    r = govextract.extract(text)
    assert _rows(r) == [["1", [], ["市住建局"], ["各区人民政府", "市财政局"]],
                        ["2", [], ["市园林局"], ["各区人民政府"]]]
    assert [x.task for x in r.responsibilities] == ["改造老旧小区49个。", "新建口袋公园5个。"]
    for x in r.responsibilities:                  # the assignment span covers both label lines
        assert text[x.assignment_start:x.assignment_end].startswith("牵头单位")
        assert text[x.assignment_start:x.assignment_end].endswith(x.units[-1])


def test_tasks_numbered_through_category_headings_in_an_annex():
    text = ("各位代表！让我们团结奋斗。\n附件1\n2023年民生实事\n一、促进就业\n1.新增城镇就业5万人。（牵头单位：市人社局）\n"
            "2.开展职业技能培训2万人次。（牵头单位：市人社局、市教育局）\n二、改善住房\n3.改造老旧小区49个。（牵头单位：市住建局）\n")
    r = govextract.extract(text)
    assert [x.id for x in r.responsibilities] == ["1", "2", "3"]
    assert r.responsibilities[2].lead_units == ["市住建局"]


def test_a_leading_label_and_several_fields_on_one_line():
    r = govextract.extract("3.打通断头路20条。\n责任领导：张三；牵头单位：市住建局；配合单位：市交通局\n")
    assert _rows(r) == [["3", ["张三"], ["市住建局"], ["市交通局"]]]


def test_several_blocks_in_one_task_make_one_responsibility():
    r = govextract.extract("6.开展职业技能培训25万人次（牵头责任单位：人社厅）；培育高素质农民1.5万人（牵头责任单位：农牧厅）。\n"
                           "7.开展欠薪整治（牵头责任单位：人社厅）。\n")
    assert _rows(r) == [["6", [], ["人社厅", "农牧厅"], []], ["7", [], ["人社厅"], []]]


def test_a_sentence_is_not_a_label():
    r = govextract.extract("建立部门牵头协调制度,牵头单位有权协调相关部门。以1家三级医院为牵头单位,联合若干医院。")
    assert r.responsibilities == []


@pytest.mark.parametrize("case", EXCERPTS, ids=lambda c: c["source"].split(",")[0])
def test_bulk_report_excerpts(case):
    """Task lists of real reports (copied from the bulk corpus), read with their printed ids."""
    text = case["text"]
    r = govextract.extract(text)
    assert _rows(r) == case["expected"]
    tasks = {x.id: x.task for x in r.responsibilities}
    for rid, task in case["tasks"].items():
        assert tasks[rid] == task
    for x in r.responsibilities:
        assert text[x.start:x.end].startswith(x.task)
        assert x.assignment_start >= x.start and x.assignment_end == x.end
        for name in x.leaders + x.lead_units + x.units:
            assert name in text[x.assignment_start:x.assignment_end]
    assert not [c for c in r.checks if c.code in ("task_text_truncated", "responsibility_fields_missing")]


def test_a_notice_scraped_onto_one_line_gives_bounded_tasks():
    """Each task is its own slice, never the rest of the line (the red team's 289 MB of JSON)."""
    n = 300
    text = "".join(f"{i + 1}.新建改建城市公园{i + 1}个。(牵头单位:市园林局、市住建局)" for i in range(n))
    r = govextract.extract(text)
    assert [x.id for x in r.responsibilities] == [str(i + 1) for i in range(n)]
    assert [x.task for x in r.responsibilities] == [f"新建改建城市公园{i + 1}个。" for i in range(n)]
    assert sum(len(x.task) for x in r.responsibilities) < len(text)
    assert len(r.to_json()) < 40 * len(text)


def test_a_task_without_a_start_in_reach_is_cut_and_checked():
    from govextract.extractors.responsibilities import MAX_TASK
    text = "甲" * (MAX_TASK + 500) + "(牵头单位:市发改局)"
    r = govextract.extract(text)
    (x,) = r.responsibilities
    assert (x.id, x.lead_units, len(x.task)) == ("1", ["市发改局"], MAX_TASK)
    (c,) = [c for c in r.checks if c.code == "task_text_truncated"]
    assert (c.severity, text[c.start:c.end]) == ("warning", x.task)


@pytest.mark.parametrize("block, names", [
    ("(牵头单位:" + "市统计局市发改局市财政局市人社局" * 6 + ")", []),     # no separator: no name
    ("(牵头单位:市统计局;责任单位:、、)", ["市统计局"]),                 # a field of marks only
])
def test_a_field_that_gives_no_names_is_checked(block, names):
    text = "7.加强统计。" + block
    r = govextract.extract(text)
    assert r.responsibilities[0].lead_units == names
    (c,) = [c for c in r.checks if c.code == "responsibility_fields_missing"]
    assert c.severity == "warning" and text[c.start:c.end] in block


def test_an_empty_field_is_no_finding():
    r = govextract.extract("7.加强统计。(责任领导:李四;牵头单位:市统计局;责任单位:)")
    assert _rows(r) == [["7", ["李四"], ["市统计局"], []]] and r.checks == []


def test_checks_round_trip_through_json():
    r = govextract.extract("甲" * 2500 + "(牵头单位:市发改局)")
    back = govextract.Report.from_json(r.to_json())
    assert [(c.code, c.start, c.end) for c in back.checks] == [(c.code, c.start, c.end) for c in r.checks]


def test_one_official_on_many_tasks_is_listed_once_with_every_task():
    text = "".join(f"{i + 1}.加强统计。(责任领导:张三(副市长)、李四;牵头单位:市统计局)\n" for i in range(50))
    r = govextract.extract(text)
    assert [(o.name, o.role, len(o.task_ids)) for o in r.officials] == [("张三", "副市长", 50), ("李四", None, 50)]
    assert r.officials[0].task_ids[:3] == ["1", "2", "3"]


def test_projects_get_the_id_of_the_task_they_are_written_in():
    text = ("1.推进投资13亿元的光伏发电项目。(责任领导:王五;牵头单位:市发改局)\n"
            "2.加强统计。(牵头单位:市统计局)\n3.启动总投资50亿元的汤茶康养小镇。(牵头单位:市文旅局)\n")
    r = govextract.extract(text)
    assert [(p.name, p.task_id) for p in r.projects] == [("光伏发电项目", "1"), ("汤茶康养小镇", "3")]
