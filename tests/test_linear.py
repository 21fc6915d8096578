"""Adversarial inputs for every pattern family: each must return (no catastrophic backtracking).

A hang guard (SIGALRM, generous) turns a runaway pattern into a failure instead of a stuck
CI job; nothing here measures speed (benchmarks/run.py does, with a baseline in the same run).
"""
import signal
import warnings

import pytest

import govextract

CASES = {
    "unclosed-quoted-tags": "<p>" + '<a"x' * 50_000,
    "unclosed-scripts": "<p>" + "<script>x" * 30_000,
    "unclosed-comments": "<p>" + "<!--" * 50_000,
    "attribute-soup": "<div>" + "<a href=x " * 30_000,
    "open-assignment-blocks": "(责任领导:" * 40_000,
    "one-open-paren": "(" * 1_000 + "字" * 200_000,
    "lead-ins": "主要预期目标是:" * 30_000,
    "amounts-before-de": "1元的" * 60_000,
    "digit-run-before-yuan": "1" * 200_000 + "元的项目",
    "investment-and-digits": "投资" + "1" * 200_000,
    "spaced-ideographs": "一 二 三 " * 50_000,
    "unclosed-footnote": "[[[]" + "字" * 300_000,
    "one-sentence-of-figures": "增长5%," * 60_000,
    "endnote-lines": "[1]" * 50_000 + "\n[2]说明:是指。\n",
    "headings-glued": " 一、" * 60_000,
}


@pytest.fixture
def hang_guard():
    def boom(*_a):
        raise TimeoutError("extraction did not return: a pattern is backtracking")
    old = signal.signal(signal.SIGALRM, boom)
    signal.alarm(120)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


@pytest.mark.parametrize("name", list(CASES))
def test_adversarial_input_returns(name, hang_guard):
    text = CASES[name]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", govextract.MultipleReportsWarning)
        r = govextract.extract(text)
    for q in r.quantities:
        assert text[q.start:q.end] == q.evidence
    for p in r.projects:
        assert text[p.start:p.end] == p.evidence


def test_figures_in_a_long_sentence_are_all_found(hang_guard):
    text = "增长5%," * 20_000
    r = govextract.extract(text)
    assert len(r.quantities) == 20_000 and {q.value for q in r.quantities} == {5.0}


def test_absurdly_long_numbers_are_not_quantities(hang_guard):
    r = govextract.extract("增长" + "9" * 40 + "%")
    assert r.quantities == []
