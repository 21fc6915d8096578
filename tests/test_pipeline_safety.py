"""A pipeline is safe to build and share: thread-safe first use, nothing mutable shared with
the default pipeline, results independent of the caller's decimal context, settings checked
when they are set (typed errors naming the bad value)."""
from __future__ import annotations

import decimal
import json
import subprocess
import sys
import textwrap

import pytest

import govextract

SPLIT_TEXT = "今年主要预期目标是:城乡居民人均可支配收入分别增长7%、8%左右。"
PROJECT_TEXT = "今年主要预期目标是:地区生产总值增长6.5%左右。开工建设总投资123.456789亿元的新材料产业园项目。"


def _targets(report: govextract.Report) -> list[tuple]:
    return [(t.indicator, t.value, t.qualifier) for t in report.targets]


# --- item 6: thread-safe first use -----------------------------------------------------------

THREADS_SCRIPT = textwrap.dedent("""
    import json, sys, threading
    import govextract
    text = sys.stdin.read()
    barrier = threading.Barrier(8)
    out, errors = [], []

    def work():
        barrier.wait()                  # all eight reach the first extract() together
        try:
            out.append(json.dumps(govextract.extract(text).to_dict(), sort_keys=True))
        except Exception as e:          # noqa: BLE001 - reported to the test
            errors.append(repr(e))

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(json.dumps({"errors": errors, "distinct": len(set(out)), "ok": len(out)}))
""")


@pytest.mark.parametrize("trial", range(3))
def test_eight_threads_on_a_fresh_interpreter(trial):
    """The first extract() calls from eight threads at once all succeed, with one result."""
    res = subprocess.run([sys.executable, "-c", THREADS_SCRIPT], input=SPLIT_TEXT, capture_output=True,
                         text=True, check=True, timeout=300)
    got = json.loads(res.stdout)
    assert got == {"errors": [], "distinct": 1, "ok": 8}, got


# --- item 6: nothing mutable shared with the default pipeline ---------------------------------

def test_a_private_pipeline_shares_no_indicator_rule_with_the_default():
    before = _targets(govextract.extract(SPLIT_TEXT))
    assert [i for i, _v, _q in before] == ["urban_disposable_income", "rural_disposable_income"]
    nlp = govextract.Pipeline()
    nlp.vocab.indicators.indicators["disposable_income"].split["markers"].clear()
    nlp.vocab.indicators.indicators["gdp"].aliases.append("城乡居民人均可支配收入")
    assert _targets(govextract.extract(SPLIT_TEXT)) == before
    assert _targets(govextract.Pipeline()(SPLIT_TEXT)) == before          # a new pipeline too
    assert _targets(nlp(SPLIT_TEXT)) != before                            # the private one changed


def test_a_private_pipeline_shares_no_number_words_with_the_default():
    nlp = govextract.Pipeline()
    nlp.vocab.numbers.qualifiers["after"]["左右"] = "at_least"     # edited in place, not through a method
    nlp.vocab.numbers.units["人"]["norm"] = "people"
    r = govextract.extract("今年主要预期目标是:城镇新增就业5万人左右。")
    assert [(q.qualifier, q.unit_norm) for q in r.quantities] == [("about", "person")]


# --- item 6: the caller's decimal context does not leak in -------------------------------------

def test_results_do_not_depend_on_the_callers_decimal_context():
    expected = govextract.extract(PROJECT_TEXT).to_dict()
    assert govextract.extract(PROJECT_TEXT).projects[0].amount_yuan == decimal.Decimal("12345678900")
    with decimal.localcontext() as ctx:
        ctx.prec = 6
        ctx.traps[decimal.Inexact] = True
        ctx.traps[decimal.FloatOperation] = True
        assert govextract.extract(PROJECT_TEXT).to_dict() == expected
        assert decimal.getcontext().prec == 6                            # and is left as it was


# --- item 8: configuration checked when it is set -----------------------------------------------

@pytest.mark.parametrize("kwargs,error,names", [
    ({"max_chars": "10"}, govextract.ConfigurationTypeError, "'10'"),
    ({"max_chars": 2.5}, govextract.ConfigurationTypeError, "2.5"),
    ({"max_chars": True}, govextract.ConfigurationTypeError, "True"),
    ({"max_chars": -1}, govextract.ConfigurationError, "-1"),
    ({"vocab": 42}, govextract.ConfigurationTypeError, "42"),
    ({"vocab": {"indicators": None}}, govextract.ConfigurationTypeError, "indicators"),
    ({"components": "meta"}, govextract.ConfigurationTypeError, "'meta'"),
    ({"components": [42]}, govextract.ConfigurationTypeError, "42"),
    ({"components": [("mine", "not callable")]}, govextract.ConfigurationTypeError, "not callable"),
    ({"components": ["no-such-component"]}, govextract.UnknownComponentError, "no-such-component"),
])
def test_bad_pipeline_settings_raise_when_built(kwargs, error, names):
    with pytest.raises(error) as info:
        govextract.Pipeline(**kwargs)
    assert isinstance(info.value, govextract.GovextractError) and isinstance(info.value, ValueError)
    assert names in str(info.value)


def test_vocabulary_parts_are_checked():
    with pytest.raises(govextract.ConfigurationTypeError, match="NumberVocabulary"):
        govextract.Vocabulary(numbers="units.json")


@pytest.mark.parametrize("call,error", [
    (lambda v: v.add_unit("", "t"), govextract.ConfigurationError),
    (lambda v: v.add_unit("  ", "t"), govextract.ConfigurationError),
    (lambda v: v.add_unit(42, "t"), govextract.ConfigurationTypeError),
    (lambda v: v.add_unit("担", ""), govextract.ConfigurationError),
    (lambda v: v.add_unit("担", "t", "abc"), govextract.ConfigurationError),
    (lambda v: v.add_unit("担", "t", "NaN"), govextract.ConfigurationError),
    (lambda v: v.add_unit("担", "t", "-1"), govextract.ConfigurationError),
    (lambda v: v.add_qualifier("", "about"), govextract.ConfigurationError),
    (lambda v: v.add_qualifier("上下", "roughly"), govextract.ConfigurationError),
    (lambda v: v.add_stretch_word(""), govextract.ConfigurationError),
])
def test_bad_words_raise_at_once_and_leave_the_pipeline_working(call, error):
    nlp = govextract.Pipeline()
    with pytest.raises(error):
        call(nlp.vocab.numbers)
    assert _targets(nlp(SPLIT_TEXT)) == _targets(govextract.extract(SPLIT_TEXT))


def test_add_component_checks_its_arguments():
    nlp = govextract.Pipeline()
    with pytest.raises(govextract.ConfigurationTypeError):
        nlp.add_component("mine", "not a function")
    with pytest.raises(govextract.ConfigurationError):
        nlp.add_component("mine", lambda doc: None, before="meta", after="meta")
    with pytest.raises(govextract.UnknownComponentError):
        nlp.add_component("mine", lambda doc: None, after="no-such-component")
    with pytest.raises(KeyError):                          # what unknown names always raised
        nlp.remove_component("no-such-component")
    assert nlp.component_names == list(govextract.DEFAULT_COMPONENTS)


def test_an_empty_component_list_runs_no_component():
    text = "2022年某市政府工作报告\n各位代表:\n" + SPLIT_TEXT
    full = govextract.extract(text)
    assert full.targets and full.quantities and full.meta.plan_year
    bare = govextract.Pipeline(components=[])(text)
    assert bare.targets == [] and bare.quantities == [] and bare.sections == []
    assert bare.meta == govextract.Meta()
    assert (bare.start, bare.end) == (0, len(text))
