"""The target list is the block its lead-in opens, and the headline list is this year's.

Table: ``tests/data/target_list_cases.json`` (sentences written in each pattern, with other
places, numbers and wording, and the shapes of bulk reports named in ``note``). Each case
gives the evidence of the headline targets in order, and of the five-year targets when any.
"""
import json
import pathlib
import warnings

import pytest

import govextract

CASES = json.loads((pathlib.Path(__file__).parent / "data" / "target_list_cases.json").read_text("utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_target_list(case):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        report = govextract.extract(case["text"])
    headline = [t.evidence for t in report.targets if t.headline]
    assert headline == case["headline"]
    if "five_year" in case:
        assert [t.evidence for t in report.targets if not t.headline] == case["five_year"]


def test_every_target_says_which_list_rules_chose_it():
    text = "二、2023年工作安排\n今年主要预期目标是：地区生产总值增长6%左右。"
    report = govextract.extract(text)
    doc_lists = report.targets
    assert doc_lists and doc_lists[0].headline


def test_a_review_recalling_last_years_list_gives_no_outcome_from_it():
    """Issue 10: 年初确定的主要指标是:… in a review part is neither a target nor an outcome."""
    text = ("一、2022年工作回顾\n年初确定的主要指标是:地区生产总值增长7%,一般公共预算收入增长6%。\n"
            "二、2023年工作安排\n主要预期目标是:地区生产总值增长6.5%左右。")
    report = govextract.extract(text)
    assert [a.value for a in report.actuals] == []
    assert [t.value for t in report.targets] == [6.5]
