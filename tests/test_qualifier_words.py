"""Qualifier words: every comparison word and its negation read right, by one rule.

The negated forms (不超过, 不低于 …) are not listed in qualifiers.json: a negation word before a
comparison word turns its bound over (rule ``qualifier_negated``). The subject never keeps the
negation (issue: ``不多于3%`` read as at_least with the subject ``…涨幅不``).
"""
import pytest

import govextract
from govextract.lang import load_file

QUALIFIERS = load_file("qualifiers.json")
# comparison words: the bounds that are not verbs (控制在 is a verb: 不控制在 means nothing)
BOUNDS = sorted(w for w, q in QUALIFIERS["before"].items()
                if q in ("at_least", "at_most") and w not in QUALIFIERS["verb_bounds"])
OPPOSITE = {"at_least": "at_most", "at_most": "at_least"}


def test_negated_forms_are_derived_not_listed():
    for neg in QUALIFIERS["negations"]:
        assert not any(w.startswith(neg) and w[len(neg):] in QUALIFIERS["before"] for w in QUALIFIERS["before"])


@pytest.mark.parametrize("word", BOUNDS)
def test_a_comparison_word_and_its_negation(word):
    want = QUALIFIERS["before"][word]
    (q,) = govextract.extract(f"居民消费价格涨幅{word}3%。").quantities
    assert (q.evidence, q.qualifier, q.subject) == (f"{word}3%", want, "居民消费价格涨幅")
    for neg in QUALIFIERS["negations"]:
        (q,) = govextract.extract(f"居民消费价格涨幅{neg}{word}3%。").quantities
        assert (q.evidence, q.qualifier, q.subject) == (f"{neg}{word}3%", OPPOSITE[want], "居民消费价格涨幅")
        assert "qualifier_negated" in q.why


@pytest.mark.parametrize("text, qualifier", [
    ("居民消费价格涨幅不多于3%。", "at_most"),
    ("地区生产总值增长不低于6%。", "at_least"),
    ("赤字率不大于3%。", "at_most"),
    ("粮食产量不小于117万吨。", "at_least"),
    ("失业率不超过5%左右。", "about"),             # the word after the number still wins
])
def test_reports_phrasing(text, qualifier):
    (q,) = govextract.extract(text).quantities
    assert q.qualifier == qualifier and not q.subject.endswith(tuple(QUALIFIERS["negations"]))


def test_a_user_word_is_negated_too():
    nlp = govextract.Pipeline()
    nlp.vocab.numbers.add_qualifier("逾越", "at_least")
    (q,) = nlp("财政赤字不逾越3%。").quantities
    assert (q.evidence, q.qualifier) == ("不逾越3%", "at_most")


@pytest.mark.parametrize("text, evidence", [
    ("粮食产量首次跃上300万吨新台阶。", "跃上300万吨"),
    ("全省生产总值迈上3万亿元台阶。", "迈上3万亿元"),
    ("经济总量跨上5万亿元。", "跨上5万亿元"),
    ("一般公共预算收入突破260亿元大关。", "突破260亿元"),
    ("地区生产总值跨越3000亿元。", "跨越3000亿元"),
])
def test_a_mark_crossed_is_at_least(text, evidence):
    (q,) = govextract.extract(text).quantities
    assert (q.evidence, q.qualifier, q.kind) == (evidence, "at_least", "level")
